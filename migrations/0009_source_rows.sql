-- 0009: a smaller file and a lighter writer, continued (issue 11). On ANT (108 MiB of input) the
-- 0008 database was 271 MiB. `sources` held what is found elsewhere:
--
-- * `sources` repeated per row the file's path (76 bytes on ANT), which `files.path` holds for
--   `file_id`, and the record's URL (142 bytes), which is the article's URL for 99% of rows (the
--   article takes it from the record it was first read from); and its UNIQUE (article_id, path,
--   record) index repeated the path again. The rows move to `source_rows` (same ids) with `path`
--   only where there is no file or it is not the file's path, and `url` only where it is not the
--   article's (NULL: the article's URL; '': none, where the article has one). A `sources` VIEW
--   gives the old columns. The uniqueness of (article, path, record) is kept by the one routine
--   that adds sources (`writer::add_source`), which looks the article's few sources up through
--   an index on `article_id`.
-- Not done: the story band keys (`story_bands`, 6 MiB) kept in the writer's memory instead: it
-- would save the rows but the memory would grow with the corpus (about 10 MiB per 30,000
-- articles), and peak memory is meant to stay flat. Nor statement texts stored as places in their paragraphs, as relation evidence is
-- (26 MiB on ANT): reading thousands of paragraphs scattered over the hash-ordered
-- `paragraphs` table made `statements --speaker` two to three times slower.
CREATE TABLE source_rows (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    file_id    INTEGER REFERENCES files(id),
    -- NULL: the path of file_id
    path       TEXT,
    record     TEXT NOT NULL DEFAULT '',
    -- NULL: the article's URL; '': none (where the article has one)
    url        TEXT,
    run_id     INTEGER NOT NULL REFERENCES runs(id),
    seen_at    TEXT NOT NULL
);
INSERT INTO source_rows (id, article_id, file_id, path, record, url, run_id, seen_at)
    SELECT s.id, s.article_id, s.file_id,
           CASE WHEN s.path IS (SELECT f.path FROM files f WHERE f.id = s.file_id) THEN NULL ELSE s.path END,
           s.record,
           CASE WHEN s.url IS (SELECT a.url FROM articles a WHERE a.id = s.article_id) THEN NULL
                ELSE coalesce(s.url, '') END,
           s.run_id, s.seen_at
      FROM sources s ORDER BY s.id;
DROP TABLE sources;
CREATE INDEX source_rows_article ON source_rows(article_id);
CREATE INDEX source_rows_file ON source_rows(file_id);
CREATE VIEW sources AS
    SELECT s.id AS id, s.article_id AS article_id, s.file_id AS file_id,
           coalesce(s.path, (SELECT f.path FROM files f WHERE f.id = s.file_id)) AS path,
           s.record AS record,
           CASE WHEN s.url IS NULL THEN (SELECT a.url FROM articles a WHERE a.id = s.article_id)
                ELSE nullif(s.url, '') END AS url,
           s.run_id AS run_id, s.seen_at AS seen_at
      FROM source_rows s;

