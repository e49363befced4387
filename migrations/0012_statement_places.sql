-- 0012: statement texts as places in their paragraphs (issue 11). After 0011 the ANT database
-- was 245 MiB, 2.3 times its input; `statements` took 28 MiB of it, 23 MiB of which its texts.
--
-- * A statement's text is the document's text at its first occurrence's offsets (all 131,583
--   on ANT), so, as relations' evidence since 0008, it is stored as where it is: the paragraph
--   that holds it (`text_paragraph`, a `paragraphs.id`), where it starts there and how long it
--   is (`text_offset`, `text_length`, in characters). Articles and their paragraphs are never
--   deleted or changed, so the place stays right when that occurrence is re-extracted away.
--   `text` is kept where the text is not inside one paragraph (a title, or a statement carried
--   over paragraphs) or is not the document's text there; it is '' where the place is given.
-- * This was measured after 0008 and left out: cutting thousands of texts from paragraphs
--   spread by hash over the file made `statements --speaker` 2-3 times slower. Since 0011 an
--   article's paragraphs are neighbours and statements, numbered as they are found, read them
--   in the file's order.
-- * The table is renamed `statement_rows` (SQLite points `statement_occurrences`' foreign key
--   at the new name); a `statements` VIEW gives users the old columns, in the old order. Writers
--   write `statement_rows` (`writer::write_statements`, the places checked against the
--   paragraph's text), readers read the view.
--
-- The places are filled by the Rust step after this file (`paragraphs::place_statements`).
ALTER TABLE statements RENAME TO statement_rows;
ALTER TABLE statement_rows ADD COLUMN text_paragraph INTEGER REFERENCES paragraphs(id);
ALTER TABLE statement_rows ADD COLUMN text_offset INTEGER;
ALTER TABLE statement_rows ADD COLUMN text_length INTEGER;

CREATE VIEW statements AS
    SELECT s.id AS id, s.key AS key, s.speaker_id AS speaker_id,
           CASE WHEN s.text_paragraph IS NULL THEN s.text
                ELSE (SELECT substr(p.text, s.text_offset + 1, s.text_length) FROM paragraphs p WHERE p.id = s.text_paragraph)
           END AS text,
           s.kind AS kind, s.anonymous AS anonymous
      FROM statement_rows s;
