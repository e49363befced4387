-- 0011: paragraphs in article order (issue 11). On ANT (108 MiB of input) the 0010 database was
-- 259 MiB, 2.4 times its input; `paragraphs` took 93 MiB of it, 16 MiB of which unused.
--
-- * 0008 gave a paragraph the id derived from its hash, so that a paragraph seen again is found
--   by one look-up and stored once. But few are seen again: on ANT 12,127 of 251,343 paragraph
--   uses are repeats (1.8 MiB of text), while ids from hashes insert every paragraph at a random
--   place in the table's b-tree: pages split and stay half empty (16 MiB), and an article's
--   paragraphs lie on as many pages as it has paragraphs, so reading a body, a relation's
--   evidence or a statement's text touches a page per paragraph spread over the whole file.
-- * Now a paragraph is stored for each article that has it, under the next id, so an
--   article's paragraphs are consecutive rows and pages fill in order. The article holds where
--   they start and how many there are (`articles.first_paragraph`, `paragraph_count`); the
--   paragraph at position p of article a is `paragraphs.id = a.first_paragraph + p`, one look-up
--   by id, next to its neighbours. Repeated paragraphs cost their text again (about 3.5 MiB on
--   ANT); the 4.3 MiB `article_paragraphs` table and its rows per use go.
-- * `article_paragraphs` stays, as a VIEW with its old columns (article_id, position,
--   paragraph_id), so SQL users, Datasette and `article_texts` keep working; filtered by article
--   it reads the article's row, then the range of its paragraphs.
-- * Paragraphs keep no article column: the article's range says which are its own, and an
--   article is never deleted once stored (re-extraction keeps its text), so none is left over.
--
-- Existing rows are copied in article order below; the Rust step after this file
-- (`paragraphs::convert` in src/store/paragraphs.rs) drops the old tables, creates the views
-- again over the new ones and checks that every article's range holds its paragraphs.
ALTER TABLE articles ADD COLUMN first_paragraph INTEGER;
ALTER TABLE articles ADD COLUMN paragraph_count INTEGER NOT NULL DEFAULT 0;

-- Positions are renumbered 0, 1, ... in their order (the writer has always written them so).
CREATE TEMP TABLE paragraph_order_0011 (
    id           INTEGER PRIMARY KEY,
    article_id   INTEGER NOT NULL,
    paragraph_id INTEGER NOT NULL
);
INSERT INTO temp.paragraph_order_0011 (id, article_id, paragraph_id)
    SELECT row_number() OVER (ORDER BY ap.article_id, ap.position), ap.article_id, ap.paragraph_id
      FROM article_paragraphs ap;
CREATE TEMP TABLE article_ranges_0011 (
    article_id INTEGER PRIMARY KEY,
    first      INTEGER NOT NULL,
    n          INTEGER NOT NULL
);
INSERT INTO temp.article_ranges_0011 (article_id, first, n)
    SELECT article_id, min(id), count(*) FROM temp.paragraph_order_0011 GROUP BY article_id;
UPDATE articles
   SET first_paragraph = (SELECT r.first FROM temp.article_ranges_0011 r WHERE r.article_id = articles.id),
       paragraph_count = coalesce((SELECT r.n FROM temp.article_ranges_0011 r WHERE r.article_id = articles.id), 0);

CREATE TABLE paragraphs_0011 (
    -- an article's paragraphs are the ids first_paragraph .. first_paragraph + paragraph_count - 1
    id    INTEGER PRIMARY KEY,
    text  TEXT NOT NULL
);
INSERT INTO paragraphs_0011 (id, text)
    SELECT o.id, p.text FROM temp.paragraph_order_0011 o JOIN paragraphs p ON p.id = o.paragraph_id
     ORDER BY o.id;
DROP TABLE temp.paragraph_order_0011;
DROP TABLE temp.article_ranges_0011;
