-- 0003: how sure extraction is of each relation, and kinship as a predicate.
--
-- Why: relations are found in ways of very different reliability — a role the lexicon holds for
-- the article's date, an explicit role with a nationality adjective, an interaction whose two
-- actors attach to one trigger in one clause. Users (and `relations`, which lists the surest
-- first) need to tell them apart, so every relation records a confidence in 0..1 set by the way
-- it was found. Rows written by an older isnad get 0.5 until `reextract` replaces them.
-- Kinship (ابنة، زوجة، صهر … between two named people), appeals (حث، ناشد) and cooperation
-- (تعاون) were not expressible: `family`, `appeal` and `cooperate` are added.
ALTER TABLE relations ADD COLUMN confidence REAL NOT NULL DEFAULT 0.5;
CREATE INDEX relations_confidence ON relations(confidence DESC, id);
INSERT INTO predicates (name, plover, cameo, description) VALUES
    ('family',    NULL,        NULL,  'kinship: child, parent, spouse, sibling or in-law'),
    ('appeal',    'REQUEST',   '020', 'urged, appealed to or called on'),
    ('cooperate', 'COOPERATE', '060', 'cooperated or worked with');
