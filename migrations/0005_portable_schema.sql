-- 0005: a schema that SQLite 3.31 and later can read, so the database opens in the tools users
-- already have (Python's sqlite3 module, the stock sqlite3 CLI, pandas, Datasette, DuckDB).
--
-- Why: two parts of 0001 needed a newer SQLite than those tools ship (Debian 12 has 3.40,
-- Ubuntu 20.04 3.31):
-- * the `article_texts` view used `group_concat(... ORDER BY ...)` (3.44); a view that does not
--   parse makes the whole schema unreadable, so older SQLite refused every query on the file.
--   Ordering the paragraphs in a subquery and concatenating its rows gives the same bodies.
-- * `articles_fts` used the `contentless_delete` option (3.43); older FTS5 refuses the table.
--   A plain contentless table holds the same index; a row is removed with FTS5's 'delete'
--   command and the indexed values, which isnad recomputes from the stored text.
-- The new full-text table is filled again by the migrations runner right after this file
-- (`reindex_search` in src/store/migrate.rs): its rows are isnad's own search forms (match form
-- plus proclitic-free stems), which SQL alone cannot compute.
DROP VIEW article_texts;
CREATE VIEW article_texts AS
    SELECT a.id AS article_id, a.title AS title,
           (SELECT group_concat(text, char(10) || char(10))
              FROM (SELECT p.text AS text
                      FROM article_paragraphs ap JOIN paragraphs p ON p.id = ap.paragraph_id
                     WHERE ap.article_id = a.id
                  ORDER BY ap.position)) AS body
      FROM articles a;

DROP TABLE articles_fts;
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, body,
    content = '',
    tokenize = 'unicode61 remove_diacritics 2'
);
