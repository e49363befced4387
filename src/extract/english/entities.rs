//! Named entities from capitalization: runs of capitalized words, with titles split off, kinds
//! guessed from titles, role nouns and organization words, and mentions linked within the article
//! (a surname or first name to the full name, an acronym to the name it abbreviates).

use std::collections::HashSet;

use super::super::text::Doc;
use super::super::types::Kind;
use super::Entity;
use super::layout::Layout;
use super::lexicon::{
    is_abbreviated_title, is_calendar_word, is_department_word, is_determiner, is_function_word, is_name_particle,
    is_org_word, is_role_noun, is_title, takes_of,
};

/// Grammatical gender, known from titles (Mr., Mrs.) or from the pronouns used near a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    /// He, him, Mr.
    Male,
    /// She, her, Mrs., Ms.
    Female,
    /// Not known.
    Unknown,
}

/// The entities of a document and where they are.
#[derive(Debug, Clone)]
pub struct Entities {
    /// The entities, in order of first mention.
    pub list: Vec<Entity>,
    /// For each token: the entity whose mention covers it.
    pub at: Vec<Option<usize>>,
    /// Gender of each entity.
    pub gender: Vec<Gender>,
}

/// What a mention's context says about its kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Evidence {
    /// A title or role noun precedes it ("Sen.", "candidate").
    person: bool,
    /// It contains an organization word or is an acronym.
    organization: bool,
    /// It follows "in", "from", "across" and has no other evidence.
    place: bool,
    /// Mr. before it.
    male: bool,
    /// Mrs., Ms., Miss before it.
    female: bool,
}

/// One capitalized name in the text, before linking.
#[derive(Debug, Clone)]
struct Mention {
    /// First token of the name (titles excluded).
    first: usize,
    /// One past the last token.
    last: usize,
    /// The name's words, lower case, without punctuation.
    words: Vec<String>,
    /// Context evidence.
    evidence: Evidence,
}

/// Finds the entities of a document.
pub fn find(doc: &Doc, layout: &Layout) -> Entities {
    let lower: HashSet<&str> = doc
        .tokens
        .iter()
        .filter(|t| t.is_word && t.text.chars().all(|c| !c.is_uppercase()))
        .map(|t| t.norm.as_ref())
        .collect();
    let mut mentions = Vec::new();
    for s in doc.sentences.iter().skip(1) {
        mentions.extend(scan(doc, s.first, s.last, &|i| is_name_word(doc, layout, i, &lower)));
    }
    if let Some(title) = doc.sentences.first() {
        let body_words: HashSet<&str> = mentions
            .iter()
            .flat_map(|m: &Mention| &doc.tokens[m.first..m.last])
            .map(|t| t.text)
            .collect();
        let title_case = is_title_case(doc, title.first, title.last);
        let accept =
            |i: usize| is_name_word(doc, layout, i, &lower) && (!title_case || body_words.contains(doc.tokens[i].text));
        let mut found = scan(doc, title.first, title.last, &accept);
        found.append(&mut mentions);
        mentions = found;
    }
    let mut entities = link(doc, mentions);
    vote_genders(doc, layout, &mut entities);
    entities
}

/// Whether most words of a span are capitalized (a headline in title case).
fn is_title_case(doc: &Doc, first: usize, last: usize) -> bool {
    let words: Vec<_> = doc.tokens[first..last]
        .iter()
        .filter(|t| t.is_word && t.text.chars().count() > 3)
        .collect();
    !words.is_empty() && words.iter().filter(|t| t.capitalized).count() * 10 >= words.len() * 6
}

/// Whether the token at `i` starts a sentence or a quotation, where capitals say nothing.
fn is_initial(doc: &Doc, layout: &Layout, i: usize) -> bool {
    let s = &doc.sentences[doc.sentence_of(i)];
    let mut k = i;
    while k > s.first {
        let p = &doc.tokens[k - 1];
        if p.is_word {
            return false;
        }
        let full_stop =
            p.text == "." && k >= 2 && doc.tokens[k - 2].text.chars().count() > 1 && !doc.tokens[k - 2].capitalized;
        if layout.is_mark[k - 1] || full_stop || matches!(p.text, ":" | "(" | "—" | "–" | "-" | "[" | "!" | "?") {
            return true;
        }
        k -= 1;
    }
    true
}

/// Whether the token at `i` can be part of a name: capitalized, not a calendar word or "I", and
/// at the start of a sentence not a function word or a word also seen in lower case.
fn is_name_word(doc: &Doc, layout: &Layout, i: usize, lower: &HashSet<&str>) -> bool {
    let t = &doc.tokens[i];
    if !t.is_word || !t.capitalized || t.text == "I" || is_calendar_word(&t.norm) {
        return false;
    }
    if t.norm == "may"
        && doc
            .tokens
            .get(i + 1)
            .is_some_and(|n| n.text.chars().all(|c| c.is_ascii_digit()))
    {
        return false;
    }
    if is_initial(doc, layout, i) {
        let all_caps = t.text.chars().count() > 1 && t.text.chars().all(|c| !c.is_lowercase());
        let name_follows = doc.tokens.get(i + 1).is_some_and(|n| n.is_word && n.capitalized);
        return !is_function_word(&t.norm)
            && !is_opening_participle(doc, i)
            && (all_caps || name_follows || !lower.contains(t.norm.as_ref()));
    }
    true
}

/// Whether the initial word at `i` is a participle that opens a clause ("Claiming the …",
/// "Chastened by …"): an -ing or -ed form followed by a determiner or preposition.
fn is_opening_participle(doc: &Doc, i: usize) -> bool {
    let w = doc.tokens[i].norm.as_ref();
    let suffix = (w.len() > 5 && w.ends_with("ing")) || (w.len() > 4 && w.ends_with("ed"));
    suffix
        && doc.tokens.get(i + 1).is_some_and(|n| {
            is_determiner(n.text) || matches!(n.text, "to" | "that" | "by" | "on" | "in" | "for" | "with")
        })
}

/// The names among the tokens `first..last`, given which tokens may be name words.
fn scan(doc: &Doc, first: usize, last: usize, name_word: &dyn Fn(usize) -> bool) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut i = first;
    while i < last {
        if !name_word(i) {
            i += 1;
            continue;
        }
        let end = extend(doc, i, last, name_word);
        if let Some(m) = mention(doc, i, end) {
            out.push(m);
        }
        i = end;
    }
    out
}

/// Extends a name that starts at `start` over further name words, initials ("F."), hyphens,
/// apostrophes ("O'Malley"), name particles ("bin") and "of" after an organization head word.
fn extend(doc: &Doc, start: usize, last: usize, name_word: &dyn Fn(usize) -> bool) -> usize {
    let tok = |k: usize| &doc.tokens[k];
    let glued = |a: usize, b: usize| tok(a).end == tok(b).start;
    let mut j = start + 1;
    while j < last {
        if name_word(j) {
            j += 1;
            continue;
        }
        let next_is_name = j + 1 < last && name_word(j + 1);
        let prev = tok(j - 1);
        let text = tok(j).text;
        let short_prev = prev.text.chars().count() == 1 || is_abbreviated_title(&prev.norm);
        let joins = match text {
            "." => short_prev && glued(j - 1, j) && next_is_name,
            "-" | "'" | "’" => glued(j - 1, j) && glued(j, j + 1) && next_is_name && (text == "-" || short_prev),
            "&" => next_is_name,
            "of" | "for" => {
                let has_head = (start..j).any(|k| takes_of(&tok(k).norm));
                if has_head && j + 2 < last && tok(j + 1).norm == "the" && name_word(j + 2) {
                    j += 1;
                    true
                } else {
                    has_head && next_is_name
                }
            }
            w => is_name_particle(w) && next_is_name,
        };
        if !joins {
            break;
        }
        j += 2;
    }
    j
}

/// The mention for the name tokens `first..last`: titles split off and evidence gathered; `None`
/// when nothing but titles is left.
fn mention(doc: &Doc, first: usize, last: usize) -> Option<Mention> {
    let words_at: Vec<usize> = (first..last).filter(|&k| doc.tokens[k].is_word).collect();
    let norm = |k: usize| doc.tokens[k].norm.as_ref();
    let mut evidence = Evidence::default();
    let mut name_start = first;
    if let Some(cut) = title_end(doc, &words_at) {
        let title_words = &words_at[..cut];
        evidence.person = true;
        evidence.male = title_words.iter().any(|&k| norm(k) == "mr");
        evidence.female = title_words.iter().any(|&k| matches!(norm(k), "mrs" | "ms" | "miss"));
        name_start = words_at[cut];
    }
    let mut name: Vec<usize> = words_at.iter().copied().filter(|&k| k >= name_start).collect();
    if name.len() > 1 && matches!(norm(name[0]), "the" | "a" | "an") {
        name.remove(0);
    }
    let honorific = evidence.male || evidence.female;
    let only_titles = name.iter().all(|&k| is_title(norm(k)) || is_calendar_word(norm(k)));
    let letter = name.len() == 1 && doc.tokens[name[0]].text.chars().count() == 1;
    if name.is_empty() || (only_titles && !honorific) || letter {
        return None;
    }
    let words: Vec<String> = name.iter().map(|&k| norm(k).to_owned()).collect();
    evidence.organization =
        words.iter().any(|w| is_org_word(w)) || (words.len() == 1 && is_acronym(doc.tokens[name[0]].text));
    let before = (first > 0).then(|| &doc.tokens[first - 1]);
    if before.is_some_and(|b| b.is_word && !b.capitalized && is_role_noun(&b.norm)) {
        evidence.person = true;
    }
    evidence.place = !evidence.person
        && !evidence.organization
        && before.is_some_and(|b| matches!(b.norm.as_ref(), "in" | "from" | "across" | "near" | "throughout"));
    Some(Mention {
        first: name[0],
        last,
        words,
        evidence,
    })
}

/// How many of the leading words are titles ("Senate Majority Leader", "Secretary of State"),
/// when a name follows them that is not an organization's.
fn title_end(doc: &Doc, words_at: &[usize]) -> Option<usize> {
    let norm = |i: usize| doc.tokens[words_at[i]].norm.as_ref();
    let is_title_at = |i: usize| {
        let w = norm(i);
        if w == "general" {
            return i > 0 && matches!(norm(i - 1), "attorney" | "surgeon" | "inspector" | "solicitor");
        }
        is_title(w)
    };
    let last_title = (0..words_at.len().saturating_sub(1)).rev().find(|&i| is_title_at(i))?;
    let mut cut = last_title + 1;
    if cut < words_at.len() && norm(cut) == "of" {
        cut += 1;
        while cut + 1 < words_at.len() && is_department_word(norm(cut)) {
            cut += 1;
        }
    }
    let rest_is_org = (cut..words_at.len()).any(|i| is_org_word(norm(i)));
    (cut < words_at.len() && !rest_is_org).then_some(cut)
}

/// Whether a word is an acronym (FBI, GOP, NATO) rather than a name in capitals. "U.S" and
/// "UK" are countries, not organizations.
fn is_acronym(text: &str) -> bool {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    (2..=5).contains(&letters)
        && text.chars().all(|c| c.is_ascii_uppercase() || c == '.')
        && !matches!(text, "U.S" | "US" | "UK" | "U.K" | "USA" | "UAE")
}

/// Links mentions into entities and builds the token index and genders.
fn link(doc: &Doc, mentions: Vec<Mention>) -> Entities {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut order: Vec<usize> = (0..mentions.len()).collect();
    order.sort_by_key(|&m| (std::cmp::Reverse(mentions[m].words.len()), mentions[m].first));
    for m in order {
        match find_group(&mentions, &groups, m) {
            Some(g) => groups[g].push(m),
            None => groups.push(vec![m]),
        }
    }
    for g in &mut groups {
        g.sort_by_key(|&m| mentions[m].first);
    }
    groups.sort_by_key(|g| mentions[g[0]].first);
    let mut list = Vec::with_capacity(groups.len());
    let mut at = vec![None; doc.tokens.len()];
    let mut gender = Vec::with_capacity(groups.len());
    for (e, g) in groups.iter().enumerate() {
        let fullest = g
            .iter()
            .copied()
            .max_by_key(|&m| (mentions[m].words.len(), std::cmp::Reverse(mentions[m].first)));
        let fullest = &mentions[fullest.unwrap_or(g[0])];
        let evidence: Vec<Evidence> = g.iter().map(|&m| mentions[m].evidence).collect();
        for &m in g {
            for slot in &mut at[mentions[m].first..mentions[m].last] {
                *slot = Some(e);
            }
        }
        gender.push(if evidence.iter().any(|v| v.female) {
            Gender::Female
        } else if evidence.iter().any(|v| v.male) {
            Gender::Male
        } else {
            Gender::Unknown
        });
        list.push(Entity {
            name: doc.slice(doc.tokens[fullest.first].start, doc.tokens[fullest.last - 1].end),
            kind: kind_of(&evidence),
            mentions: g.iter().map(|&m| (mentions[m].first, mentions[m].last)).collect(),
        });
    }
    Entities { list, at, gender }
}

/// The group (entity so far) that mention `m` belongs to: the same words; the same first and last
/// words; a surname, first name or tail of a longer name (the nearest such mention before it, else
/// the first after it); or the acronym of an organization's name.
fn find_group(mentions: &[Mention], groups: &[Vec<usize>], m: usize) -> Option<usize> {
    let me = &mentions[m];
    let head = &mentions_of(groups, mentions);
    let same = |g: usize| {
        let o = head[g];
        o.words == me.words
            || (me.words.len() >= 2 && o.words.first() == me.words.first() && o.words.last() == me.words.last())
    };
    if let Some(g) = (0..groups.len()).find(|&g| same(g)) {
        return Some(g);
    }
    let org = |g: usize| groups[g].iter().any(|&k| mentions[k].evidence.organization);
    let person = |g: usize| groups[g].iter().any(|&k| mentions[k].evidence.person);
    let partial = |g: usize| {
        let o = &head[g].words;
        if o.len() <= me.words.len() || org(g) {
            return false;
        }
        o.ends_with(&me.words) || (me.words.len() == 1 && o[0] == me.words[0] && (person(g) || o.len() == 2))
    };
    let acronym = |g: usize| me.words.len() == 1 && org(g) && initials(&head[g].words) == me.words[0];
    let candidates: Vec<usize> = (0..groups.len()).filter(|&g| partial(g) || acronym(g)).collect();
    nearest(mentions, groups, &candidates, me.first)
}

/// The fullest mention of each group.
fn mentions_of<'a>(groups: &[Vec<usize>], mentions: &'a [Mention]) -> Vec<&'a Mention> {
    groups
        .iter()
        .map(|g| {
            g.iter()
                .map(|&m| &mentions[m])
                .max_by_key(|m| m.words.len())
                .unwrap_or(&mentions[g[0]])
        })
        .collect()
}

/// Among candidate groups, the one mentioned last before token `at`, else first after it.
fn nearest(mentions: &[Mention], groups: &[Vec<usize>], candidates: &[usize], at: usize) -> Option<usize> {
    let before = candidates
        .iter()
        .filter_map(|&g| {
            groups[g]
                .iter()
                .map(|&k| mentions[k].first)
                .filter(|&f| f < at)
                .max()
                .map(|f| (f, g))
        })
        .max();
    let after = || {
        candidates
            .iter()
            .filter_map(|&g| groups[g].iter().map(|&k| mentions[k].first).min().map(|f| (f, g)))
            .min()
    };
    before.or_else(after).map(|(_, g)| g)
}

/// Initials of a name's words, skipping "of", "the", "and", "for".
fn initials(words: &[String]) -> String {
    words
        .iter()
        .filter(|w| !matches!(w.as_str(), "of" | "the" | "and" | "for"))
        .filter_map(|w| w.chars().next())
        .collect()
}

/// The kind an entity's mentions point to: organization words win, then titles and roles, then
/// place prepositions; otherwise other.
fn kind_of(evidence: &[Evidence]) -> Kind {
    if evidence.iter().any(|e| e.organization) {
        Kind::Organization
    } else if evidence.iter().any(|e| e.person) {
        Kind::Person
    } else if evidence.iter().any(|e| e.place) && evidence.iter().filter(|e| e.place).count() * 2 >= evidence.len() {
        Kind::Place
    } else {
        Kind::Other
    }
}

/// Fills in unknown genders from pronouns: where a sentence names one entity (outside quotations),
/// "he", "him", "his" and "she", "her" after it, in that sentence or in a next sentence that names
/// no other entity, are votes for it.
fn vote_genders(doc: &Doc, layout: &Layout, entities: &mut Entities) {
    let mut votes = vec![(0usize, 0usize); entities.list.len()];
    let named = |s: &super::super::text::Sentence| -> Vec<(usize, usize)> {
        (s.first..s.last)
            .filter(|&t| !layout.in_quote(t))
            .filter_map(|t| entities.at[t].map(|e| (t, e)))
            .filter(|&(_, e)| entities.list[e].kind != Kind::Organization)
            .collect()
    };
    for (si, s) in doc.sentences.iter().enumerate() {
        let here = named(s);
        let Some(&(from, e)) = here.first() else { continue };
        if here.iter().any(|&(_, o)| o != e) {
            continue;
        }
        let mut until = s.last;
        if let Some(next) = doc.sentences.get(si + 1)
            && named(next).iter().all(|&(_, o)| o == e)
        {
            until = next.last;
        }
        for t in (from..until).filter(|&t| !layout.in_quote(t)) {
            match doc.tokens[t].norm.as_ref() {
                "he" | "him" | "his" | "himself" => votes[e].0 += 1,
                "she" | "her" | "hers" | "herself" => votes[e].1 += 1,
                _ => {}
            }
        }
    }
    for (e, &(male, female)) in votes.iter().enumerate() {
        if entities.gender[e] == Gender::Unknown && male != female {
            entities.gender[e] = if male > female { Gender::Male } else { Gender::Female };
        }
    }
}
