-- 0014: a first ingest fills the extraction tables without their secondary indexes (issue 11).
-- The one writer inserted every mention, statement and relation into each index on those tables
-- as it went: `mention_spans_actor` by actor, `statements_speaker` by speaker,
-- `relation_spans_subject`/`_object`/`_confidence`... Rows arrive in article order, so the tables
-- themselves grow at their end, but each of those indexes takes its rows at random places: a
-- b-tree descent to a different page per row (ANT: 534k mentions, 132k statements, 36k
-- relations). Built once at the end of the run from a sort, the same indexes cost a fraction of
-- that (ANT: about 2 s of CPU less) and come out in key order. No statement the ingest itself
-- runs reads them (the writer finds statements by their key, a UNIQUE constraint that stays).
--
-- A run that defers them (`store::deferred`) first copies each index's CREATE statement here,
-- then drops it, in one transaction; the end of the run creates them again from these rows and
-- deletes the rows, in one transaction. A run killed in between leaves the rows here: the data is
-- whole, listings are only slower, and the next writing run of any command creates the indexes
-- before it writes. Empty whenever no run is in progress.
CREATE TABLE deferred_indexes (
    name TEXT PRIMARY KEY,
    sql  TEXT NOT NULL
);
