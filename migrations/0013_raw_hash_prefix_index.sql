-- 0013: files are looked up by their raw hash through its first 16 hex digits (issue 11). The
-- index on the whole 64-digit `raw_hash` (0001) took 2.4 MiB of the ANT database, more than a
-- third of the `files` table it serves; on its first 16 digits (64 bits: two different files
-- share them with a probability of about 2^-64 per pair) it takes 0.7 MiB. Lookups name the
-- indexed expression and then the whole hash (`substr(raw_hash, 1, 16) = substr(?1, 1, 16)
-- AND +raw_hash = ?1`, see `store::raw_hash_is`), so their results are unchanged; the columns
-- of `files` do not change.
DROP INDEX files_raw_hash;
CREATE INDEX files_raw_hash_prefix ON files(substr(raw_hash, 1, 16));
