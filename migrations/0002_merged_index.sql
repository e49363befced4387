-- 0002: look-ups of actors merged into another one.
--
-- Why: listings expand an actor into itself plus every actor `alias merge` folded into it
-- (`WHERE merged_into IN (...)`); without an index that is a scan of every actor on every query.
-- Few actors are ever merged, so the index is partial and small.
CREATE INDEX actors_merged_into ON actors(merged_into) WHERE merged_into IS NOT NULL;
