//! Hand fixes to actors: an extra alias, or two actors merged into one. Each fix is applied to
//! the actor tables at once and logged in `user_fixes`. Re-extraction deletes only mentions,
//! statements and relations, never actors or aliases, and resolves actors through `merged_into`
//! and aliases — so fixes survive it.

use rusqlite::{Connection, OptionalExtension, params};

use super::Store;
use crate::error::{Error, Result, SqlContext};
use crate::normalize::{fold, stored_form};

/// An actor picked by name.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ActorPick {
    /// Database id.
    pub id: i64,
    /// Stable key.
    pub key: String,
    /// Canonical name.
    pub name: String,
}

impl Store {
    /// The actor a name refers to: among actors with that name or alias, the most mentioned.
    pub(crate) fn pick_actor(&self, name: &str) -> Result<ActorPick> {
        let ids = self.actor_ids_named(name)?;
        let mut best: Option<(i64, ActorPick)> = None;
        for id in ids {
            let (key, actor_name, mentions): (String, String, i64) = self
                .conn
                .query_row(
                    "SELECT key, name, (SELECT count(*) FROM mentions m WHERE m.actor_id = a.id) FROM actors a WHERE id = ?1",
                    [id],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )
                .doing(|| "reading an actor".into())?;
            if best.as_ref().is_none_or(|(m, _)| mentions > *m) {
                best = Some((
                    mentions,
                    ActorPick {
                        id,
                        key,
                        name: actor_name,
                    },
                ));
            }
        }
        best.map(|(_, a)| a)
            .ok_or_else(|| Error::NotFound(format!("no actor named {name}")))
    }

    /// Adds `alias` to the actor `name` refers to.
    pub fn add_alias(&mut self, name: &str, alias: &str) -> Result<ActorPick> {
        let actor = self.pick_actor(name)?;
        let alias = stored_form(alias);
        if alias.is_empty() {
            return Err(Error::Usage("the alias is empty".into()));
        }
        let tx = self.conn.transaction().doing(|| "starting a transaction".into())?;
        insert_user_alias(&tx, actor.id, &alias).doing(|| "adding an alias".into())?;
        tx.execute(
            "INSERT INTO user_fixes (op, actor, value, created_at) VALUES ('add', ?1, ?2, ?3)",
            params![actor.key, alias, crate::now()],
        )
        .doing(|| "logging a fix".into())?;
        tx.commit().doing(|| "committing".into())?;
        Ok(actor)
    }

    /// Merges the actor `other` refers to into the one `keep` refers to: listings then show one
    /// actor with both actors' aliases, mentions, statements and relations.
    pub fn merge_actors(&mut self, keep: &str, other: &str) -> Result<(ActorPick, ActorPick)> {
        let keep = self.pick_actor(keep)?;
        let other = self.pick_actor(other)?;
        if keep.id == other.id {
            return Err(Error::Usage(format!(
                "{} and {} are already the same actor",
                keep.name, other.name
            )));
        }
        let tx = self.conn.transaction().doing(|| "starting a transaction".into())?;
        // Anything merged into `other` now belongs to `keep` too.
        merge_into(&tx, keep.id, other.id)?;
        super::counts::refresh(&tx)?;
        tx.execute(
            "INSERT INTO user_fixes (op, actor, value, created_at) VALUES ('merge', ?1, ?2, ?3)",
            params![keep.key, other.key, crate::now()],
        )
        .doing(|| "logging a fix".into())?;
        tx.commit().doing(|| "committing".into())?;
        Ok((keep, other))
    }

    /// Re-applies logged merges whose actors exist but are no longer merged (after an actor
    /// table was rebuilt by hand or by a future migration). Returns how many were applied.
    pub(crate) fn reapply_fixes(&mut self) -> Result<usize> {
        let fixes: Vec<(String, String, String)> = {
            let mut stmt = self
                .conn
                .prepare("SELECT op, actor, value FROM user_fixes ORDER BY id")
                .doing(|| "reading fixes".into())?;
            stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                .doing(|| "reading fixes".into())?
                .collect::<rusqlite::Result<_>>()
                .doing(|| "reading fixes".into())?
        };
        let mut applied = 0;
        for (op, actor, value) in fixes {
            let Some(id) = actor_by_key(&self.conn, &actor)? else {
                continue;
            };
            let changed = match op.as_str() {
                "add" => insert_user_alias(&self.conn, id, &value).doing(|| "re-applying an alias".into())?,
                _ => match actor_by_key(&self.conn, &value)? {
                    Some(other) => self
                        .conn
                        .execute(
                            "UPDATE actors SET merged_into = ?1 WHERE id = ?2 AND merged_into IS NOT ?1",
                            params![id, other],
                        )
                        .doing(|| "re-applying a merge".into())?,
                    None => 0,
                },
            };
            applied += changed;
        }
        super::counts::refresh(&self.conn)?;
        Ok(applied)
    }
}

/// The actor with a stable key, if stored.
pub(crate) fn actor_by_key(c: &Connection, key: &str) -> Result<Option<i64>> {
    c.prepare_cached("SELECT id FROM actors WHERE key = ?1")
        .and_then(|mut s| s.query_row([key], |r| r.get(0)).optional())
        .doing(|| "finding an actor".into())
}

/// Adds a user's alias (already in stored form) to an actor; returns 1 if it is new, else 0.
pub(crate) fn insert_user_alias(c: &Connection, actor: i64, alias: &str) -> rusqlite::Result<usize> {
    c.execute(
        "INSERT OR IGNORE INTO actor_aliases (actor_id, alias, norm, origin) VALUES (?1, ?2, ?3, 'user')",
        params![actor, alias, fold(alias)],
    )
}

/// Merges actor `other` (and anything merged into it) into `keep`, its statements included.
pub(crate) fn merge_into(c: &Connection, keep: i64, other: i64) -> Result<()> {
    c.execute(
        "UPDATE actors SET merged_into = ?1 WHERE id = ?2 OR merged_into = ?2",
        params![keep, other],
    )
    .doing(|| "merging actors".into())?;
    c.execute(
        "UPDATE statement_rows SET speaker_id = ?1 WHERE speaker_id = ?2",
        params![keep, other],
    )
    .doing(|| "merging statements".into())?;
    Ok(())
}
