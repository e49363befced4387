-- 0004: statements from unnamed sources.
--
-- Why: a statement with no speaker was either from a source the article does not name on
-- purpose ("قالت مصادر", "شهود", "officials said") or from a subject extraction could not
-- resolve. They mean different things to a reader: the first is a fact about the reporting, the
-- second a gap of the extractor. `anonymous` = 1 marks the first (speaker_id is then NULL).
-- Listings leave both out unless asked for (`statements --unattributed`).
ALTER TABLE statements ADD COLUMN anonymous INTEGER NOT NULL DEFAULT 0 CHECK (anonymous IN (0, 1));
CREATE INDEX statements_unattributed ON statements(anonymous) WHERE speaker_id IS NULL;
