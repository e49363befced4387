-- isnad's search expansion in plain SQL, for tools that query the file without isnad (a
-- Datasette canned query, Python): the articles holding every word of :q, each word as written,
-- without a proclitic, or behind any proclitic. :q must be in match form (folded, lower case),
-- words separated by single spaces. It mirrors `indexed_forms` in store/query.rs and
-- `normalize::PROCLITICS` (a stem is three or more Arabic letters, U+0621 to U+064A); needs only
-- SQLite 3.31. tests/search.rs checks it finds what `isnad search` finds.
WITH RECURSIVE
  procs(p) AS (VALUES ('وبال'), ('وكال'), ('فبال'), ('وال'), ('فال'), ('بال'), ('كال'), ('ولل'), ('فلل'), ('لل'),
                      ('ال'), ('وب'), ('ول'), ('وك'), ('فب'), ('فل'), ('و'), ('ف'), ('ب'), ('ل'), ('ك')),
  split(n, word, rest) AS (
    SELECT 0, '', replace(:q, '"', '') || ' '
    UNION ALL
    SELECT n + 1, substr(rest, 1, instr(rest, ' ') - 1), substr(rest, instr(rest, ' ') + 1) FROM split WHERE rest <> ''
  ),
  words(n, word) AS (SELECT n, word FROM split WHERE word <> ''),
  stems(n, stem) AS (
    SELECT n, word FROM words
    UNION
    SELECT w.n, substr(w.word, length(p.p) + 1) FROM words w, procs p
     WHERE substr(w.word, 1, length(p.p)) = p.p AND length(w.word) - length(p.p) >= 3
       AND substr(w.word, length(p.p) + 1) NOT GLOB '*[^ء-ي]*'
  ),
  forms(n, form) AS (
    SELECT n, stem FROM stems
    UNION
    SELECT s.n, p.p || s.stem FROM stems s, procs p WHERE length(s.stem) >= 3 AND s.stem NOT GLOB '*[^ء-ي]*'
  )
SELECT a.id, a.title, a.published_at, a.outlet, a.url
  FROM articles_fts f JOIN articles a ON a.id = f.rowid
 WHERE articles_fts MATCH (SELECT group_concat(alts, ' AND ')
                             FROM (SELECT '(' || group_concat('"' || form || '"', ' OR ') || ')' AS alts
                                     FROM forms GROUP BY n))
 ORDER BY a.published_at DESC, a.id
