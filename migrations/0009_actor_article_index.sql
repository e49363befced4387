-- 0009: mentions indexed by (actor, article) instead of by actor alone.
--
-- Why: an actor's counts (mentions, articles), its article list and its timeline read every
-- mention of the actor; with `mentions_actor(actor_id)` each of those reads a table row (14,397
-- for the most mentioned actor of ANT, one random page each), with this index they are a range
-- of the index itself. The old index is a prefix of the new one, so it goes.
-- (Numbered 0009: 0008 is another change's.)
CREATE INDEX IF NOT EXISTS mentions_actor_article ON mentions(actor_id, article_id);
DROP INDEX IF EXISTS mentions_actor;
