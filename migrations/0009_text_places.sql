-- 0009: a database at most twice its input (issue 11). On ANT (108 MiB of input) the 0008
-- database was 271 MiB; after the full-text index and the paragraphs, the largest thing in it
-- was text stored twice:
--
-- * `statements.text` (13 million characters, 26 MiB on ANT) is the document's text between
--   the offsets of the statement's occurrences: the extractor cuts it there. Like a relation's
--   evidence since 0008, a statement now says where its text is instead: the article it was
--   first stored from (`article_id`), the position of the paragraph that holds the text there
--   (`text_paragraph`, -1 for the title), and where the text starts in that paragraph and how
--   long it is (`text_offset`, `text_length`, in characters). `text` is kept only where it is not
--   inside one paragraph. Articles are never deleted and their text never changes, so the place
--   stays good when that article is re-extracted or its occurrence goes. The rows move to
--   `statement_spans` (same ids); a `statements` VIEW gives SQL users the old columns, in the old
--   order, with the text cut out (`places::cut_sql`); listings cut it in Rust, each paragraph
--   read once (`places::with_texts`), and so does the relations listing for evidence.
--   `statement_occurrences` is rebuilt so that its foreign key names `statement_spans` (a
--   foreign key cannot point to a view).
-- * `sources` repeated per row the file's path (76 bytes on ANT), which `files.path` holds for
--   `file_id`, and the record's URL (142 bytes), which is the article's URL for 99% of rows (the
--   article takes it from the record it was first read from); and its UNIQUE (article_id, path,
--   record) index repeated the path again. The rows move to `source_rows` (same ids) with `path`
--   only where there is no file or it is not the file's path, and `url` only where it is not the
--   article's (NULL: the article's URL; '': none, where the article has one). A `sources` VIEW
--   gives the old columns. The uniqueness of (article, path, record) is kept by the one routine
--   that adds sources (`writer::add_source`), which looks the article's few sources up through
--   an index on `article_id`.
-- * `story_bands` (6 MiB, 12 rows per article) held the LSH band keys of `story_signatures`,
--   which are a function of the signatures. The writer now keeps them in memory
--   (`stories::Bands`), built from the signatures when it first needs them (30,000 articles are
--   read in a few milliseconds) and brought up to date at every transaction's start, so an
--   article another process stored is found too; an article's story costs no band rows to
--   write and no index look-up.
--
-- The statements are moved by the Rust step after this file (`compact::convert` in
-- src/store/compact.rs), which places each statement's text in the document of its first
-- occurrence and compares it with the stored text, then drops the old tables and creates the
-- views.
CREATE TABLE statement_spans (
    id             INTEGER PRIMARY KEY,
    -- 12 bytes of the hash of speaker and match-form text (see 0008)
    key            BLOB NOT NULL UNIQUE,
    speaker_id     INTEGER REFERENCES actors(id),
    kind           TEXT NOT NULL CHECK (kind IN ('direct', 'indirect', 'mixed')),
    anonymous      INTEGER NOT NULL DEFAULT 0 CHECK (anonymous IN (0, 1)),
    -- where the text is (see above): article, paragraph position (-1: the title), start and
    -- length in that paragraph, in characters
    article_id     INTEGER REFERENCES articles(id),
    text_paragraph INTEGER,
    text_offset    INTEGER,
    text_length    INTEGER,
    -- only when text_paragraph is NULL
    text           TEXT
);
CREATE INDEX statement_spans_speaker ON statement_spans(speaker_id);
CREATE INDEX statement_spans_unattributed ON statement_spans(anonymous) WHERE speaker_id IS NULL;

CREATE TABLE statement_occurrences_0009 (
    statement_id      INTEGER NOT NULL REFERENCES statement_spans(id),
    article_id        INTEGER NOT NULL REFERENCES articles(id),
    sentence          INTEGER NOT NULL,
    start             INTEGER NOT NULL,
    end               INTEGER NOT NULL,
    cue               TEXT NOT NULL,
    speaker_surface   TEXT,
    extractor_version INTEGER NOT NULL,
    PRIMARY KEY (statement_id, article_id, start)
) WITHOUT ROWID;

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

DROP TABLE story_bands;
