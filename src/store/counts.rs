//! Per-actor counts (migration 0010): `actor_counts` holds, for every canonical actor mentioned at
//! least once, its mentions, articles and stories, the actors merged into it included, so that the
//! `actors` listing reads the most mentioned first from an index instead of counting every
//! mention. `actor_counts_stale` names the actors whose row may be wrong: the writer adds the
//! actors whose mentions it wrote or deleted at each commit, a trigger adds both sides of any
//! change of `actors.merged_into`, and [`refresh`] counts those actors again from `mention_spans`
//! and empties it. Every run that writes (ingest, reextract, merge, hand fixes) ends with
//! [`refresh`]; readers count live while anything is stale (a run in progress or killed), so a
//! listing is never wrong, only slower.

use rusqlite::Connection;

use crate::error::{Result, SqlContext};

/// The actors whose mentions count for target `t.id`: itself unless merged, and those merged
/// into it.
const MEMBERS: &str = "SELECT a.id FROM actors a WHERE a.id = t.id AND a.merged_into IS NULL
                       UNION ALL SELECT a.id FROM actors a WHERE a.merged_into = t.id";

/// The canonical actors the stale ids now stand for.
const TARGETS: &str =
    "SELECT coalesce(a.merged_into, a.id) FROM actor_counts_stale s JOIN actors a ON a.id = s.actor_id";

/// Counts the stale actors again: their rows (and those of the actors they were merged into)
/// are deleted, then written again from `mention_spans` for the canonical ones, one actor at a
/// time (its own range of `mention_spans_actor` and its merged members'), so that no sort ever
/// holds more than one actor's mentions: a full count of ANT in one grouped query held 17 MiB
/// of sorter in memory (`temp_store = MEMORY`) and set the ingest's peak RSS. The story of each
/// mention's article is read from a copy of the articles' (id, story) pairs made for the count:
/// a few pages (0.4 MiB for ANT's 30,176 articles), where each look-up in `articles` itself went
/// to a page of its 12.5 MiB (ANT's full count 0.72 -> 0.23 s of CPU, the copy 0.01 s).
const REFRESH: &str = "
DROP TABLE IF EXISTS temp.article_stories;
CREATE TEMP TABLE article_stories (id INTEGER PRIMARY KEY, story_id INTEGER);
INSERT INTO temp.article_stories SELECT id, story_id FROM articles;
DELETE FROM actor_counts
 WHERE actor_id IN (SELECT actor_id FROM actor_counts_stale) OR actor_id IN ({TARGETS});
INSERT INTO actor_counts (actor_id, mentions, articles, stories)
    WITH targets(id) AS ({TARGETS})
    SELECT id, mentions, articles, stories
      FROM (SELECT t.id AS id,
                   (SELECT count(*) FROM mention_spans m WHERE m.actor_id IN ({MEMBERS})) AS mentions,
                   (SELECT count(DISTINCT m.article_id) FROM mention_spans m
                     WHERE m.actor_id IN ({MEMBERS})) AS articles,
                   (SELECT count(DISTINCT ar.story_id)
                      FROM mention_spans m JOIN temp.article_stories ar ON ar.id = m.article_id
                     WHERE m.actor_id IN ({MEMBERS})) AS stories
              FROM (SELECT DISTINCT id FROM targets) AS t)
     WHERE mentions > 0;
DELETE FROM actor_counts_stale;
DROP TABLE temp.article_stories;";

/// Brings `actor_counts` up to date for every stale actor (nothing to do when none is), inside
/// the caller's transaction if one is open.
pub(crate) fn refresh(c: &Connection) -> Result<()> {
    if !any_stale(c)? {
        return Ok(());
    }
    c.execute_batch(&format!(
        "SAVEPOINT actor_counts; {} RELEASE actor_counts;",
        REFRESH.replace("{MEMBERS}", MEMBERS).replace("{TARGETS}", TARGETS)
    ))
    .doing(|| "counting actors' mentions".into())
}

/// Marks actors (stored ids, merged or not) stale: their mentions changed.
pub(crate) fn mark_stale(c: &Connection, ids: impl IntoIterator<Item = i64>) -> Result<()> {
    let mut stmt = c
        .prepare_cached("INSERT OR IGNORE INTO actor_counts_stale (actor_id) VALUES (?1)")
        .doing(|| "marking actor counts stale".into())?;
    for id in ids {
        stmt.execute([id]).doing(|| "marking actor counts stale".into())?;
    }
    Ok(())
}

/// Whether some actor's counts are not up to date (readers then count live).
pub(crate) fn any_stale(c: &Connection) -> Result<bool> {
    c.prepare_cached("SELECT EXISTS (SELECT 1 FROM actor_counts_stale)")
        .and_then(|mut s| s.query_row([], |r| r.get(0)))
        .doing(|| "checking actor counts".into())
}

/// Migration 0010's step: counts every actor (its SQL marked them all stale).
pub(crate) fn fill(tx: &rusqlite::Transaction) -> Result<()> {
    refresh(tx)
}

#[cfg(test)]
mod tests {
    use rusqlite::Connection;

    use crate::store::migrate::{migrate, released_database_8};

    /// A database as isnad 0008 left it (SQL and Rust step): ترامب (1) with an actor merged into
    /// it (2, "Trump"), لبنان (3); articles 1 and 2 one story, 3 another, 4 none.
    fn version_8_database() -> Connection {
        let conn = released_database_8();
        conn.execute_batch(
            "INSERT INTO stories (id, run_id) VALUES (1, 1), (2, 1);
             INSERT INTO articles (id, content_hash, title, lang, first_seen, run_id, story_id)
                  VALUES (1, 'h1', 't', 'ar', '2026-01-01', 1, 1), (2, 'h2', 't', 'ar', '2026-01-01', 1, 1),
                         (3, 'h3', 't', 'ar', '2026-01-01', 1, 2), (4, 'h4', 't', 'ar', '2026-01-01', 1, NULL);
             INSERT INTO actors (id, key, name, kind, origin) VALUES (1, 'lex:Q22686', 'ترامب', 'person', 'lexicon'),
                    (3, 'lex:LB', 'لبنان', 'country', 'lexicon');
             INSERT INTO actors (id, key, name, kind, origin, merged_into)
                  VALUES (2, 'person:trump', 'Trump', 'person', 'extracted', 1);
             INSERT INTO mention_spans (article_id, start, end, actor_id, sentence)
                  VALUES (1, 0, 5, 1, 0), (1, 10, 15, 1, 1), (1, 20, 25, 2, 1), (3, 0, 5, 2, 0),
                         (2, 0, 5, 3, 0), (4, 0, 5, 3, 0);",
        )
        .unwrap();
        conn
    }

    fn counts(conn: &Connection) -> Vec<(i64, i64, i64, i64)> {
        let mut stmt = conn
            .prepare("SELECT actor_id, mentions, articles, stories FROM actor_counts ORDER BY actor_id")
            .unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    }

    #[test]
    fn migration_10_counts_every_actor_with_the_actors_merged_into_it() {
        let mut conn = version_8_database();
        migrate(&mut conn, ":memory:").expect("migrating");
        // ترامب: 2 mentions of its own and 2 of "Trump" in articles 1 and 3, stories 1 and 2;
        // لبنان: articles 2 and 4, one story (4 has none). The merged actor has no row.
        assert_eq!(counts(&conn), [(1, 4, 2, 2), (3, 2, 2, 1)]);
        let stale: i64 = conn
            .query_row("SELECT count(*) FROM actor_counts_stale", [], |r| r.get(0))
            .unwrap();
        assert_eq!(stale, 0);
    }

    #[test]
    fn a_changed_merge_marks_both_actors_stale_and_refresh_counts_them_again() {
        let mut conn = version_8_database();
        migrate(&mut conn, ":memory:").expect("migrating");
        // "Trump" moved from ترامب to لبنان (a hand merge undone and redone elsewhere).
        conn.execute("UPDATE actors SET merged_into = 3 WHERE id = 2", [])
            .unwrap();
        assert!(super::any_stale(&conn).unwrap());
        super::refresh(&conn).unwrap();
        assert_eq!(counts(&conn), [(1, 2, 1, 1), (3, 4, 4, 2)]);
        assert!(!super::any_stale(&conn).unwrap());
    }
}
