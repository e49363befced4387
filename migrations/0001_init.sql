-- 0001: the whole schema of the first release.
--
-- Why it looks like this:
-- * `articles` are keyed by the SHA-256 of their cleaned text (`content_hash`, UNIQUE): the same
--   story from two files is one row. Integer `id`s keep joins and indexes small.
-- * Bodies are not stored on `articles`: they are split into `paragraphs`, stored once per
--   paragraph hash and linked in order by `article_paragraphs`, because wire copy and repeated
--   captions share paragraphs. The `article_texts` view puts a body back together.
-- * Nothing seen is lost: every file (`files`, with its raw-bytes hash) and every record that
--   produced an article (`sources`) is kept, duplicates included, and every run and every bad
--   input is recorded (`runs`, `ingest_errors`).
-- * Extraction tables carry character offsets into the article document (title, blank line,
--   body) and the extractor version, so every fact can be traced and re-extracted.

CREATE TABLE runs (
    id                 INTEGER PRIMARY KEY,
    started_at         TEXT NOT NULL,
    finished_at        TEXT,
    -- running | done | interrupted (a later run found it unfinished: killed or crashed)
    status             TEXT NOT NULL DEFAULT 'running',
    command            TEXT NOT NULL,
    files              INTEGER NOT NULL DEFAULT 0,
    files_unchanged    INTEGER NOT NULL DEFAULT 0,
    articles_new       INTEGER NOT NULL DEFAULT 0,
    articles_duplicate INTEGER NOT NULL DEFAULT 0,
    errors             INTEGER NOT NULL DEFAULT 0
);

-- One row per (path, raw bytes) ever ingested. A file whose path, size and mtime match a row
-- is skipped without being read; one whose raw hash matches is skipped before decoding.
CREATE TABLE files (
    id          INTEGER PRIMARY KEY,
    path        TEXT NOT NULL,
    raw_hash    TEXT NOT NULL,
    size        INTEGER NOT NULL,
    mtime_ns    INTEGER,
    encoding    TEXT,
    format      TEXT,
    articles    INTEGER NOT NULL DEFAULT 0,
    errors      INTEGER NOT NULL DEFAULT 0,
    run_id      INTEGER NOT NULL REFERENCES runs(id),
    seen_at     TEXT NOT NULL,
    UNIQUE (path, raw_hash)
);
CREATE INDEX files_raw_hash ON files(raw_hash);

CREATE TABLE articles (
    id                INTEGER PRIMARY KEY,
    content_hash      TEXT NOT NULL UNIQUE,
    title             TEXT NOT NULL,
    lang              TEXT NOT NULL,
    published_at      TEXT,
    url               TEXT,
    outlet            TEXT,
    author            TEXT,
    category          TEXT,
    first_seen        TEXT NOT NULL,
    run_id            INTEGER NOT NULL REFERENCES runs(id),
    -- NULL until extraction has run over the article
    extractor_version INTEGER
);
CREATE INDEX articles_lang ON articles(lang);
CREATE INDEX articles_published ON articles(published_at);
CREATE INDEX articles_outlet ON articles(outlet);

-- Every place an article was read from: path plus record (DOCNO, JSON id, line), duplicates too.
CREATE TABLE sources (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES articles(id),
    file_id     INTEGER REFERENCES files(id),
    path        TEXT NOT NULL,
    record      TEXT NOT NULL DEFAULT '',
    url         TEXT,
    run_id      INTEGER NOT NULL REFERENCES runs(id),
    seen_at     TEXT NOT NULL,
    UNIQUE (article_id, path, record)
);
CREATE INDEX sources_path ON sources(path);
CREATE INDEX sources_file ON sources(file_id);

CREATE TABLE paragraphs (
    id    INTEGER PRIMARY KEY,
    hash  BLOB NOT NULL UNIQUE,
    text  TEXT NOT NULL
);

CREATE TABLE article_paragraphs (
    article_id   INTEGER NOT NULL REFERENCES articles(id),
    position     INTEGER NOT NULL,
    paragraph_id INTEGER NOT NULL REFERENCES paragraphs(id),
    PRIMARY KEY (article_id, position)
) WITHOUT ROWID;
CREATE INDEX article_paragraphs_paragraph ON article_paragraphs(paragraph_id);

CREATE VIEW article_texts AS
    SELECT a.id AS article_id, a.title AS title,
           (SELECT group_concat(p.text, char(10) || char(10) ORDER BY ap.position)
              FROM article_paragraphs ap JOIN paragraphs p ON p.id = ap.paragraph_id
             WHERE ap.article_id = a.id) AS body
      FROM articles a;

CREATE TABLE ingest_errors (
    id      INTEGER PRIMARY KEY,
    run_id  INTEGER NOT NULL REFERENCES runs(id),
    path    TEXT NOT NULL,
    record  TEXT,
    error   TEXT NOT NULL,
    at      TEXT NOT NULL
);
CREATE INDEX ingest_errors_run ON ingest_errors(run_id);

-- Full-text index over the match form (see ARCHITECTURE.md) of title and body. Contentless:
-- the text lives in articles/paragraphs; snippets are cut from it by isnad itself.
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, body,
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- Actors: people, organizations, countries, places, events. `key` is stable across databases:
-- `lex:<lexicon name>` for lexicon entries, `<kind>:<match-form name>` for discovered ones.
CREATE TABLE actors (
    id          INTEGER PRIMARY KEY,
    key         TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('person', 'organization', 'country', 'place', 'event', 'other')),
    country     TEXT,
    qid         TEXT,
    -- lexicon | extracted | user
    origin      TEXT NOT NULL,
    -- set by `alias merge`: this actor is the same as another one
    merged_into INTEGER REFERENCES actors(id)
);
CREATE INDEX actors_name ON actors(name);
CREATE INDEX actors_kind ON actors(kind);

CREATE TABLE actor_aliases (
    actor_id  INTEGER NOT NULL REFERENCES actors(id),
    alias     TEXT NOT NULL,
    -- match form of the alias: what lookups compare
    norm      TEXT NOT NULL,
    origin    TEXT NOT NULL,
    PRIMARY KEY (actor_id, alias)
) WITHOUT ROWID;
CREATE INDEX actor_aliases_norm ON actor_aliases(norm);

CREATE TABLE actor_roles (
    actor_id  INTEGER NOT NULL REFERENCES actors(id),
    role      TEXT NOT NULL,
    -- country code or organization the role is held in
    of        TEXT,
    start     TEXT,
    end       TEXT,
    origin    TEXT NOT NULL,
    UNIQUE (actor_id, role, of, start)
);

CREATE TABLE mentions (
    id                INTEGER PRIMARY KEY,
    actor_id          INTEGER NOT NULL REFERENCES actors(id),
    article_id        INTEGER NOT NULL REFERENCES articles(id),
    sentence          INTEGER NOT NULL,
    start             INTEGER NOT NULL,
    end               INTEGER NOT NULL,
    surface           TEXT NOT NULL,
    extractor_version INTEGER NOT NULL
);
CREATE INDEX mentions_actor ON mentions(actor_id);
CREATE INDEX mentions_article ON mentions(article_id);

-- A statement is who said what; the same words from the same speaker in several articles are
-- one statement with several occurrences. `key` hashes speaker and match-form text.
CREATE TABLE statements (
    id          INTEGER PRIMARY KEY,
    key         TEXT NOT NULL UNIQUE,
    speaker_id  INTEGER REFERENCES actors(id),
    text        TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('direct', 'indirect', 'mixed'))
);
CREATE INDEX statements_speaker ON statements(speaker_id);

CREATE TABLE statement_occurrences (
    statement_id      INTEGER NOT NULL REFERENCES statements(id),
    article_id        INTEGER NOT NULL REFERENCES articles(id),
    sentence          INTEGER NOT NULL,
    start             INTEGER NOT NULL,
    end               INTEGER NOT NULL,
    cue               TEXT NOT NULL,
    speaker_surface   TEXT,
    extractor_version INTEGER NOT NULL,
    PRIMARY KEY (statement_id, article_id, start)
) WITHOUT ROWID;
CREATE INDEX statement_occurrences_article ON statement_occurrences(article_id);

-- Relation types with their PLOVER and CAMEO codes, so event-data users can join.
CREATE TABLE predicates (
    name        TEXT PRIMARY KEY,
    plover      TEXT,
    cameo       TEXT,
    description TEXT NOT NULL
);
INSERT INTO predicates (name, plover, cameo, description) VALUES
    ('meet',         'CONSULT',   '040',  'met, held talks, called or visited'),
    ('host',         'CONSULT',   '042',  'hosted a visit or talks'),
    ('visit',        'CONSULT',   '042',  'visited'),
    ('call',         'CONSULT',   '041',  'spoke by telephone'),
    ('agree',        'AGREE',     '030',  'agreed, signed, expressed agreement'),
    ('dispute',      'DISAPPROVE','111',  'disagreed, accused, criticized'),
    ('accuse',       'ACCUSE',    '112',  'accused'),
    ('support',      'SUPPORT',   '050',  'supported, praised or backed'),
    ('aid',          'AID',       '070',  'gave aid'),
    ('attack',       'ASSAULT',   '190',  'attacked, struck, shelled'),
    ('sanction',     'SANCTION',  '163',  'imposed sanctions or embargo'),
    ('grant_asylum', 'AID',       '075',  'granted asylum'),
    ('threaten',     'THREATEN',  '130',  'threatened'),
    ('affiliation',  NULL,        NULL,   'a person belongs to a country or organization (role where known)');

CREATE TABLE relations (
    id                INTEGER PRIMARY KEY,
    article_id        INTEGER NOT NULL REFERENCES articles(id),
    subject_id        INTEGER NOT NULL REFERENCES actors(id),
    predicate         TEXT NOT NULL REFERENCES predicates(name),
    object_id         INTEGER NOT NULL REFERENCES actors(id),
    negated           INTEGER NOT NULL DEFAULT 0,
    role              TEXT,
    evidence          TEXT NOT NULL,
    sentence          INTEGER NOT NULL,
    start             INTEGER NOT NULL,
    end               INTEGER NOT NULL,
    extractor_version INTEGER NOT NULL,
    UNIQUE (article_id, subject_id, predicate, object_id, negated, start)
);
CREATE INDEX relations_subject ON relations(subject_id);
CREATE INDEX relations_object ON relations(object_id);
CREATE INDEX relations_article ON relations(article_id);

-- Hand fixes (`alias add`, `alias merge`). Kept apart from extracted data so that they are
-- re-applied after every re-extraction.
CREATE TABLE user_fixes (
    id         INTEGER PRIMARY KEY,
    op         TEXT NOT NULL CHECK (op IN ('add', 'merge')),
    actor      TEXT NOT NULL,
    value      TEXT NOT NULL,
    created_at TEXT NOT NULL
);
