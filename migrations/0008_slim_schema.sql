-- 0008: a smaller file and a lighter writer (issue 11). On ANT (106 MiB of input) the 0007
-- database was 315 MiB, three times its input, and the one writer thread was busy 19.8 of 21.5 s
-- of ingest. Three kinds of rows carried what could be found elsewhere:
--
-- * `paragraphs` kept a 32-byte SHA-256 per paragraph plus a UNIQUE index on it (10 MiB) only to
--   find a paragraph again by its text. Now a paragraph's id is derived from its hash (47 bits of
--   it, `writer::paragraph_slot`): finding a paragraph is one look-up by id, and the text there is
--   compared, so two texts whose hashes share those bits take the next free id (the next id is
--   tried until the text matches or the id is free). No hash column, no second index.
-- * `mentions` (534k rows on ANT) repeated per row the surface form, which is the document's text
--   between `start` and `end`, and the extractor version, which `articles.extractor_version`
--   holds per article (extraction writes and replaces an article's rows all at once). Its rows
--   move to `mention_spans`, clustered by article (WITHOUT ROWID, key article, start, end, actor),
--   which makes the separate article index and the unused row id unnecessary. `surface` is kept
--   only where an older row's surface differed from the document's text (never for rows isnad
--   writes now). A `mentions` VIEW gives users (Datasette, Python, the sqlite3 CLI) the old
--   columns but the row id: the surface cut from the document, the article's extractor version.
-- * `relations` repeated per row its evidence (~400 bytes: the sentence, which is the document's
--   text between `start` and `end`) and the extractor version. Its rows move to `relation_spans`
--   (same ids), which say where the evidence is instead: the paragraph that holds it
--   (`evidence_paragraph`, its position in `article_paragraphs`, -1 for the title) and where in
--   that paragraph it starts (`evidence_offset`), so the `relations` VIEW (the old columns, in the
--   old order) cuts it from one paragraph with one look-up; listings read evidence for thousands
--   of relations, and cutting it from the whole document would rebuild every body. `evidence` is
--   kept only where it is not inside one paragraph or, for an older row, not the document's text.
--   The UNIQUE key starts with the article, so the separate article index goes too.
-- * `statements.key` (the hash that makes the same words from the same speaker one statement)
--   was 24 hex digits of text, in the table and in its UNIQUE index; it is now those 12 bytes as
--   a BLOB (a key that is not hex, as tests write, is kept as its bytes).
-- * Two indexes no query uses: `sources_path` (`articles --source` matches with instr(), which
--   no index serves) and `article_paragraphs_paragraph` (only 0006's merge step looked paragraphs
--   up by id; `article_paragraphs` is read by article).
--
-- The rows are moved by the Rust step after this file (`slim::convert` in src/store/slim.rs),
-- which computes the paragraph ids and compares surfaces and evidence with the documents, then
-- drops the old `mentions`, `relations` and `paragraphs` tables, puts the new paragraphs table in
-- place and creates the views.
UPDATE statements SET key = coalesce(unhex(key), CAST(key AS BLOB));

DROP INDEX sources_path;
DROP INDEX article_paragraphs_paragraph;

CREATE TABLE paragraphs_0008 (
    -- derived from the SHA-256 of the text (see above)
    id    INTEGER PRIMARY KEY,
    text  TEXT NOT NULL
);

CREATE TABLE mention_spans (
    article_id INTEGER NOT NULL REFERENCES articles(id),
    start      INTEGER NOT NULL,
    end        INTEGER NOT NULL,
    actor_id   INTEGER NOT NULL REFERENCES actors(id),
    sentence   INTEGER NOT NULL,
    -- NULL: the document's text between start and end (see the `mentions` view)
    surface    TEXT,
    PRIMARY KEY (article_id, start, end, actor_id)
) WITHOUT ROWID;
-- An index of a WITHOUT ROWID table carries the table's key, so this one is (actor, article,
-- start, end): an actor's mention and article counts and its article list are a range of it,
-- never a read of the table.
CREATE INDEX mention_spans_actor ON mention_spans(actor_id);

CREATE TABLE relation_spans (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES articles(id),
    subject_id  INTEGER NOT NULL REFERENCES actors(id),
    predicate   TEXT NOT NULL REFERENCES predicates(name),
    object_id   INTEGER NOT NULL REFERENCES actors(id),
    negated     INTEGER NOT NULL DEFAULT 0,
    role        TEXT,
    sentence    INTEGER NOT NULL,
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    confidence  REAL NOT NULL DEFAULT 0.5,
    -- where the evidence (the document's text between start and end) is: the position of its
    -- paragraph (-1: the title) and its start in that paragraph's text, in characters
    evidence_paragraph INTEGER,
    evidence_offset    INTEGER,
    -- only when the two above are NULL
    evidence    TEXT,
    UNIQUE (article_id, subject_id, predicate, object_id, negated, start)
);
CREATE INDEX relation_spans_subject ON relation_spans(subject_id);
CREATE INDEX relation_spans_object ON relation_spans(object_id);
CREATE INDEX relation_spans_confidence ON relation_spans(confidence DESC, id);
