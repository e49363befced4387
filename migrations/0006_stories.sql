-- 0006: content hashes over content only, and stories (clusters of near-duplicate articles).
--
-- Why: news is syndicated. The same dispatch comes from several outlets, each with its own
-- headline, paragraphing or a sentence more. Before 0006 the content hash covered the document
-- with its paragraph breaks, so the same words paragraphed differently were two articles; and
-- nothing told a reader that five articles were one story.
-- * `content_hash` is now SHA-256 of the words joined by single spaces (src/article.rs). The Rust
--   step after this file (`rehash_and_build_stories` in src/store/migrate.rs) re-hashes every
--   article, merges the articles that now share a hash into the oldest one (sources, mentions,
--   statements and relations move to it, offsets mapped into its document), records each merged
--   article in `merged_articles` and the whole step as a run in `runs`.
-- * Every article belongs to exactly one story (`articles.story_id`, set by isnad whenever it
--   stores an article). An article joins the story of the earlier article most similar to it when
--   their estimated Jaccard index over word 5-shingles is at least 0.5 (`story_match`,
--   `story_similarity`); otherwise it starts a story. Similar articles are found through MinHash
--   signatures (`story_signatures`) and LSH band keys (`story_bands`), so the cost per article
--   does not grow with the database (src/story.rs). The Rust step builds them for the articles
--   already stored, in id order, as ingest would have.
CREATE TABLE stories (
    id      INTEGER PRIMARY KEY,
    run_id  INTEGER REFERENCES runs(id)
);
ALTER TABLE articles ADD COLUMN story_id INTEGER REFERENCES stories(id);
ALTER TABLE articles ADD COLUMN story_match INTEGER REFERENCES articles(id);
ALTER TABLE articles ADD COLUMN story_similarity REAL;
CREATE INDEX articles_story ON articles(story_id);

-- The MinHash signature of each article (60 little-endian u32 values).
CREATE TABLE story_signatures (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id),
    signature  BLOB NOT NULL
);

-- One row per (band key, article): articles sharing a key are candidates for one story.
CREATE TABLE story_bands (
    key        INTEGER NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    PRIMARY KEY (key, article_id)
) WITHOUT ROWID;

-- Articles merged into another one because their content hashes became equal (0006).
CREATE TABLE merged_articles (
    article_id   INTEGER PRIMARY KEY,
    content_hash TEXT NOT NULL,
    into_id      INTEGER NOT NULL REFERENCES articles(id),
    run_id       INTEGER NOT NULL REFERENCES runs(id)
);
