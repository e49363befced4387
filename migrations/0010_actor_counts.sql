-- 0010: per-actor counts kept at write time (issue 11). `actors --limit 20` on ANT took 209 ms:
-- to order actors by mentions it counted all 534k rows of `mention_spans` (a range of its actor
-- index per actor, then articles and stories per actor) before it could keep 20. The counts now
-- live in `actor_counts`, one row per canonical actor (not merged into another) mentioned at
-- least once, with the mentions, articles and stories of the actors merged into it included,
-- exactly what the listing counted. An index ordered by mentions makes the top of the listing a
-- read of its first rows.
--
-- Counts are not updated row by row (a trigger on `mention_spans` would cost the writer a probe
-- per mention, and articles and stories are not sums: two actors merged into one can share an
-- article). Instead `actor_counts_stale` names the actors whose counts may be wrong, and
-- `store::counts::refresh` counts those again from `mention_spans`, at the end of every run:
-- * the writer adds, at each commit, the actors whose mentions it wrote or deleted (ingest,
--   reextract, merge);
-- * the trigger below adds the old and the new canonical actor whenever `merged_into` changes,
--   whoever changes it (end-of-run linking, `alias merge`, re-applied fixes, a user's UPDATE).
-- While any actor is stale (a run in progress, or one that was killed) readers count live, as
-- before 0010, so no listing ever shows a wrong count; the next run that writes refreshes them.
-- This file marks every actor stale; the Rust step after it (`counts::fill`) counts them.
CREATE TABLE actor_counts (
    actor_id INTEGER PRIMARY KEY REFERENCES actors(id),
    mentions INTEGER NOT NULL,
    articles INTEGER NOT NULL,
    -- distinct stories of those articles (articles without a story not counted)
    stories  INTEGER NOT NULL
);
CREATE INDEX actor_counts_rank ON actor_counts(mentions DESC, actor_id);

CREATE TABLE actor_counts_stale (
    -- an actor whose mentions or merges changed since its counts were made
    actor_id INTEGER PRIMARY KEY
);

CREATE TRIGGER actor_counts_merged AFTER UPDATE OF merged_into ON actors
  WHEN OLD.merged_into IS NOT NEW.merged_into
BEGIN
    INSERT OR IGNORE INTO actor_counts_stale (actor_id)
    VALUES (coalesce(OLD.merged_into, OLD.id)), (coalesce(NEW.merged_into, NEW.id));
END;

INSERT INTO actor_counts_stale (actor_id) SELECT id FROM actors;

-- Two indexes no query reads: actors are found by key (its UNIQUE index) or through
-- `actor_aliases.norm`, listed through `actor_counts`, never looked up by `name` or by `kind`
-- alone. Each new actor wrote into both.
DROP INDEX actors_name;
DROP INDEX actors_kind;
