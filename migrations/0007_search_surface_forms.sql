-- 0007: the full-text index holds each word once, as written (its match form), instead of the
-- words plus their proclitic-free stems (وسوريه and سوريه for وسوريه), 1.4 times the tokens on
-- ANT. isnad's search now finds a word behind its proclitics by expanding the query over the
-- finite set of proclitic sequences, so results stay the same. The table keeps its definition
-- from 0005 (SQLite 3.31's FTS5 and unicode61 tokenizer, so Python, the sqlite3 CLI and Datasette
-- still query it); its rows are emptied here and filled again by the migrations runner right
-- after this file (`reindex_search` in src/store/migrate.rs) from the stored articles.
-- (Numbered 0007: 0006 is another change's.)
INSERT INTO articles_fts (articles_fts) VALUES ('delete-all');
