//! Arabic statements: who said what. A cue verb (قال، أعلن، أكد… with و/ف/قد before it), its
//! speaker and its content.
//!
//! The speaker is the subject of the cue verb: the name after the verb (passing over titles,
//! nisbas and adjuncts; a name after a preposition is an adjunct, an organization after a title is
//! the title's complement), or the name that opens the clause before it (SVO), or a role noun
//! (وزير الخارجية الأميركي، الصحيفة) resolved to the person or organization the article introduced
//! with it, or a pronoun or omitted subject resolved to the current subject — the last speaker for
//! verbs that carry on someone's words (وأضاف), the last subject of any verb otherwise, agreeing
//! in gender (وأضافت is not a man's). Unnamed sources (مصادر، شهود) make anonymous statements; a
//! subject that cannot be resolved leaves the speaker unknown.
//!
//! The content is a quotation (direct), what follows a colon (direct), a clause opened by a
//! complementizer — أن، إن، بأن، إلى أن، على — (indirect, or mixed when it holds a quotation), or
//! for verbs whose object is what was said (نفى، طالب) the rest of the clause. "X، بحسب Y" makes
//! Y the speaker of X. A headline "Name: words" is a direct statement with the cue `headline`.

use super::actors::Recognizer;
use super::lexicon::{CueKind, CueRole, Lexicon, class};
use super::text::{Doc, QuoteMark};
use super::types::{Kind, Statement, StatementKind};

/// A recognized mention with the actor it stands for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placed {
    /// First token.
    pub first: usize,
    /// One past the last token.
    pub last: usize,
    /// Index of the actor in the extraction.
    pub actor: usize,
    /// The actor's kind.
    pub kind: Kind,
}

/// Kinds of actor that can speak.
fn can_speak(kind: Kind) -> bool {
    matches!(kind, Kind::Person | Kind::Organization | Kind::Country)
}

/// Words before a cue that carry its subject as an attached pronoun (لكنه قال).
fn is_pronoun_carrier(norm: &str) -> bool {
    matches!(
        norm,
        "لكنه"
            | "لكنها"
            | "ولكنه"
            | "ولكنها"
            | "انه"
            | "انها"
            | "بل"
            | "فانه"
            | "وانه"
            | "هو"
            | "هي"
            | "وهو"
            | "وهي"
    )
}

/// Conjunctions that may stand just before a following cue and belong to its clause.
fn is_clause_joiner(norm: &str) -> bool {
    is_pronoun_carrier(norm)
        || matches!(
            norm,
            "لكن" | "ولكن" | "ثم" | "كما" | "فيما" | "بينما" | "قد" | "وقد" | "فقد"
        )
}

/// Words that may open a clause before its subject (وكان عباس قال، ثم إن…), match form.
const LEAD_INS: &[&str] = &[
    "و",
    "ثم",
    "كما",
    "لكن",
    "ولكن",
    "كان",
    "وكان",
    "كانت",
    "وكانت",
    "قد",
    "وقد",
    "فقد",
    "اما",
    "واما",
    "فيما",
    "بينما",
    "بدوره",
    "بدورها",
    "وبدوره",
    "وبدورها",
    "ان",
    "،",
    ",",
    "-",
];

/// Second words of asides that open a clause: من جانبه، من جهتها، من ناحيته.
const ASIDES: &[&str] = &[
    "جانبه",
    "جانبها",
    "جهته",
    "جهتها",
    "ناحيته",
    "ناحيتها",
    "جانبهم",
    "جهتهم",
];

/// Prepositions (match form): a name right after one is an adjunct, never the subject.
const PREPOSITIONS: &[&str] = &[
    "في",
    "من",
    "الي",
    "علي",
    "عن",
    "مع",
    "لدي",
    "عند",
    "امام",
    "ضد",
    "بين",
    "حول",
    "خلال",
    "نحو",
    "عبر",
    "تجاه",
    "لصالح",
    "بحق",
    "وفي",
    "ومن",
    "ومع",
];

/// Words that name what the source of a report is ("X، بحسب Y"), match form.
const SOURCE_WORDS: &[&str] = &["بحسب", "حسب", "وبحسب", "وحسب"];

/// Nouns after which a short quotation is a name, not words said (موقع "المدن", حزب "القوات").
const NAME_HEADS: &[&str] = &[
    "موقع",
    "صحيفه",
    "جريده",
    "مجله",
    "قناه",
    "شبكه",
    "وكاله",
    "برنامج",
    "كتاب",
    "حمله",
    "عمليه",
];

/// Who a cue's subject is.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Who {
    /// A named actor.
    Actor(usize),
    /// An unnamed source (مصادر، شهود).
    Anonymous,
    /// Someone the text does not let us name.
    Unknown,
}

/// The subject of a cue: who, the tokens that name them, where the content may start, and
/// whether the text names the subject at the cue (rather than through a pronoun or an omission).
struct Subject {
    who: Who,
    surface: Option<(usize, usize)>,
    from: usize,
    explicit: bool,
}

/// The quotations of one sentence: pairs of opening and closing marks; marks without a partner
/// are ignored.
struct Quotes {
    pairs: Vec<(usize, usize)>,
}

impl Quotes {
    fn new(doc: &Doc, first: usize, last: usize) -> Quotes {
        let mut pairs = Vec::new();
        let mut open: Vec<(usize, QuoteMark)> = Vec::new();
        for i in first..last {
            let Some(mark) = doc.tokens[i].quote_mark() else {
                continue;
            };
            match mark {
                QuoteMark::Open => open.push((i, mark)),
                QuoteMark::Close => {
                    if let Some(k) = open.iter().rposition(|&(_, m)| m == QuoteMark::Open) {
                        pairs.push((open[k].0, i));
                        open.truncate(k);
                    }
                }
                QuoteMark::Either => match open.last() {
                    Some(&(o, QuoteMark::Either)) => {
                        pairs.push((o, i));
                        open.pop();
                    }
                    _ => open.push((i, mark)),
                },
            }
        }
        pairs.sort_unstable();
        Quotes { pairs }
    }

    /// Whether token `i` lies strictly inside a quotation.
    fn inside(&self, i: usize) -> bool {
        self.pairs.iter().any(|&(o, c)| o < i && i < c)
    }

    /// The closing mark of the quotation opened at `i`.
    fn close_of(&self, i: usize) -> Option<usize> {
        self.pairs.iter().find(|&&(o, _)| o == i).map(|&(_, c)| c)
    }
}

/// The current subject of the text, for pronouns and omitted subjects.
#[derive(Default)]
struct Context {
    /// The speaker of the last cue.
    last_speaker: Option<(Who, Option<bool>)>,
    /// Recent subjects (speakers and subjects of other verbs), the newest last, with their gender
    /// (`Some(true)` feminine) where known.
    topics: Vec<(usize, Option<bool>)>,
}

impl Context {
    fn push_topic(&mut self, actor: usize, fem: Option<bool>) {
        if self.topics.last().map(|t| t.0) != Some(actor) {
            self.topics.push((actor, fem));
        }
    }

    /// The newest subject agreeing with a verb's gender.
    fn topic(&self, fem: bool) -> Option<usize> {
        self.topics
            .iter()
            .rev()
            .take(4)
            .find(|&&(_, g)| g != Some(!fem))
            .map(|&(a, _)| a)
    }

    /// Who a pronoun or omitted subject stands for.
    fn resolve(&self, fem: bool, continues: bool) -> Who {
        if continues
            && let Some((who, g)) = self.last_speaker
            && g != Some(!fem)
        {
            return who;
        }
        self.topic(fem).map_or(Who::Unknown, Who::Actor)
    }
}

/// Finds statements in an Arabic document.
pub struct Finder<'a> {
    lex: &'a Lexicon,
    doc: &'a Doc<'a>,
    mentions: &'a [Placed],
    /// For each token, 1 + the index of the mention starting there, or 0.
    starts: Vec<u32>,
}

impl<'a> Finder<'a> {
    /// Prepares a finder over a document and its mentions (sorted by position).
    pub fn new(lex: &'a Lexicon, doc: &'a Doc<'a>, mentions: &'a [Placed]) -> Finder<'a> {
        let mut starts = vec![0u32; doc.tokens.len()];
        for (k, m) in mentions.iter().enumerate() {
            if let Some(s) = starts.get_mut(m.first)
                && *s == 0
            {
                *s = k as u32 + 1;
            }
        }
        Finder {
            lex,
            doc,
            mentions,
            starts,
        }
    }

    /// The token's match form with a conjunction و / ف stripped when what remains is a cue.
    fn cue_form(&self, i: usize) -> Option<&str> {
        self.cue_entry(i).map(|(form, _)| form)
    }

    /// The cue form of token `i` (see [`Finder::cue_form`]) with its kind: one probe per form.
    fn cue_entry(&self, i: usize) -> Option<(&str, CueKind)> {
        if self.lex.classes(self.doc)[i] & class::CUE == 0 {
            return None;
        }
        let norm = self.doc.tokens[i].norm.as_ref();
        if let Some(&kind) = self.lex.cues.get(norm) {
            return Some((norm, kind));
        }
        let rest = norm.strip_prefix('و').or_else(|| norm.strip_prefix('ف'))?;
        self.lex.cues.get(rest).map(|&kind| (rest, kind))
    }

    /// Whether a past-tense cue is written as a passive (اتُّهم، أُعلن): it has no speaker.
    fn passive(&self, i: usize) -> bool {
        let t = &self.doc.tokens[i];
        let bare = t.norm.strip_prefix('و').unwrap_or(&t.norm);
        !bare.starts_with('ي') && !bare.starts_with('ت') && t.text.contains('\u{064F}')
    }

    /// The cue kind of token `i`, with و / ف stripped.
    fn cue(&self, i: usize) -> Option<CueKind> {
        self.cue_entry(i).map(|(_, kind)| kind)
    }

    /// Whether the cue verb at `i` is feminine (قالت، تقول): its form without the final ت, or
    /// with يـ for تـ, is a cue too.
    fn feminine_cue(&self, i: usize) -> bool {
        let Some(f) = self.cue_form(i) else { return false };
        let is_cue = |s: &str| self.lex.cues.contains_key(s);
        f.strip_suffix('ت').is_some_and(is_cue) || f.strip_prefix('ت').is_some_and(|r| is_cue(&["ي", r].concat()))
    }

    /// The grammatical gender of an actor's mention, where the text shows it: countries are
    /// feminine, organizations by their head noun (وزارة، صحيفة), people unknown.
    fn gender(&self, m: &Placed) -> Option<bool> {
        match m.kind {
            Kind::Country => Some(true),
            Kind::Organization => {
                let n = self.doc.tokens[m.first].norm.as_ref();
                let n = n.strip_prefix('و').unwrap_or(n);
                Some(n.ends_with('ه'))
            }
            _ => None,
        }
    }

    /// Whether token `i` opens reported content; returns how many tokens the opener takes.
    fn complementizer(&self, i: usize, immediate: bool) -> Option<usize> {
        let norm = self.doc.tokens.get(i)?.norm.as_ref();
        let bare = norm.strip_prefix('و').unwrap_or(norm);
        let pronoun_forms = [
            "انه",
            "انها",
            "انهم",
            "انهما",
            "اننا",
            "انني",
            "انكم",
            "بانه",
            "بانها",
            "بانهم",
        ];
        if matches!(bare, "ان" | "بان") || pronoun_forms.contains(&bare) {
            return Some(1);
        }
        if matches!(bare, "الي" | "علي") {
            let next_is_an = self
                .doc
                .tokens
                .get(i + 1)
                .is_some_and(|t| matches!(t.norm.as_ref(), "ان" | "انه" | "انها"));
            if next_is_an {
                return Some(2);
            }
            // أكد على ضرورة …: على alone opens content right after the cue and speaker; إلى
            // alone does not (أشار إلى إيران points at something, it reports nothing).
            if immediate && bare == "علي" {
                return Some(1);
            }
        }
        None
    }

    /// The mentions that end at or before token `i`, nearest first (a binary search: mentions
    /// are in text order and do not overlap, so their ends are in order too).
    fn mentions_before(&self, i: usize) -> impl Iterator<Item = &'a Placed> + 'a {
        let hi = self.mentions.partition_point(|m| m.last <= i);
        self.mentions[..hi].iter().rev()
    }

    /// The mentions that start after token `i`, in text order.
    fn mentions_after(&self, i: usize) -> impl Iterator<Item = &'a Placed> + 'a {
        let lo = self.mentions.partition_point(|m| m.first <= i);
        self.mentions[lo..].iter()
    }

    fn mention_at(&self, i: usize) -> Option<&'a Placed> {
        let k = *self.starts.get(i)?;
        (k > 0).then(|| &self.mentions[k as usize - 1])
    }

    /// Whether a mention is governed by a preposition (في واشنطن، لوكالة فرانس برس): a separate
    /// word before it, or a ل/ب fused to its first word that is not part of the name.
    fn after_preposition(&self, m: &Placed) -> bool {
        let toks = &self.doc.tokens;
        if m.first > 0 && PREPOSITIONS.contains(&toks[m.first - 1].norm.as_ref()) {
            return true;
        }
        let n = toks[m.first].norm.as_ref();
        let n = n.strip_prefix('و').unwrap_or(n);
        if self.lex.max_len_from(n) > 0 || self.lex.heads.contains_key(n) || self.lex.given_names.contains(n) {
            return false;
        }
        // The rest after the preposition is what the recognizer knew (لوكالة، بواشنطن، للأمم).
        let rest = match n.strip_prefix("لل") {
            Some(r) => ["ال", r].concat(),
            None => match n.strip_prefix('ل').or_else(|| n.strip_prefix('ب')) {
                Some(r) => r.to_owned(),
                None => return false,
            },
        };
        self.lex.max_len_from(&rest) > 0 || self.lex.heads.contains_key(&rest)
    }

    /// A subject that can speak at token `i`.
    fn speaking_mention_at(&self, i: usize) -> Option<&'a Placed> {
        self.mention_at(i)
            .filter(|m| can_speak(m.kind) && !self.after_preposition(m))
    }

    /// The number of tokens of a title at token `i` (الرئيس، وزير الخارجية), 0 if none.
    fn title_len(&self, i: usize, end: usize) -> usize {
        Recognizer::new(self.lex).title_len_at(self.doc, i, end)
    }

    /// Whether the word at `i` qualifies a title or a name (a nisba, السابق).
    fn qualifier(&self, i: usize) -> bool {
        let n = self.doc.tokens[i].norm.as_ref();
        matches!(n, "السابق" | "السابقه" | "الجديد" | "المكلف" | "الحالي" | "الاسبق")
            || Recognizer::new(self.lex).is_nisba(self.doc, i)
    }

    /// A definite head noun standing for an organization named before (الصحيفة، الوزارة).
    fn definite_head(&self, i: usize) -> Option<&str> {
        let n = self.doc.tokens.get(i)?.norm.as_ref();
        let n = n.strip_prefix('و').unwrap_or(n);
        let bare = n.strip_prefix("ال")?;
        (self.lex.heads.get(n).is_some_and(|k| *k == Kind::Organization) || NAME_HEADS.contains(&bare)).then_some(bare)
    }

    /// Whether the quotation opened at `i` is a name (موقع "المدن") rather than words said.
    fn name_quote(&self, i: usize, q: &Quotes) -> bool {
        let Some(close) = q.close_of(i) else { return false };
        let words = (i + 1..close).filter(|&k| self.doc.tokens[k].is_word).count();
        if words > 4 || i == 0 {
            return false;
        }
        let prev = self.doc.tokens[i - 1].norm.as_ref();
        let prev = prev.strip_prefix('و').unwrap_or(prev);
        // With a preposition fused to it too: لمنظمة "فرنسا أرض لجوء".
        let prev = ["لل", "ل", "ب"]
            .iter()
            .find_map(|p| {
                prev.strip_prefix(p)
                    .filter(|r| NAME_HEADS.contains(r) || self.lex.heads.contains_key(*r))
            })
            .unwrap_or(prev);
        let bare = prev.strip_prefix("ال").unwrap_or(prev);
        NAME_HEADS.contains(&bare) || self.lex.heads.contains_key(prev) || self.lex.heads.contains_key(bare)
    }

    /// Whether token `i` opens the content: a complementizer, a colon, a quotation.
    fn opens_content(&self, i: usize, q: &Quotes) -> bool {
        let t = &self.doc.tokens[i];
        self.complementizer(i, false).is_some() || t.text == ":" || (q.close_of(i).is_some() && !self.name_quote(i, q))
    }

    /// Finds every statement.
    pub fn find(&self) -> Vec<Statement> {
        let mut out = Vec::new();
        let mut ctx = Context::default();
        for s in &self.doc.sentences {
            if s.index == 0 {
                if let Some(st) = self.headline(s.first, s.last) {
                    out.push(st);
                }
                continue;
            }
            let q = Quotes::new(self.doc, s.first, s.last);
            let cues: Vec<(usize, CueKind)> = (s.first..s.last)
                .filter(|&i| !q.inside(i))
                .filter_map(|i| self.cue(i).map(|k| (i, k)))
                .filter(|&(i, _)| !self.passive(i))
                .collect();
            // Subjects of the clauses, taken up as the text reaches them.
            let mut subjects = self.clause_subjects(s.first, s.last, &q).into_iter().peekable();
            let mut previous: Option<Who> = None;
            for (n, &(c, kind)) in cues.iter().enumerate() {
                while let Some(m) = subjects.next_if(|m| m.first < c) {
                    ctx.push_topic(m.actor, self.gender(m));
                }
                let mut clause_end = cues.get(n + 1).map_or(s.last, |&(next, _)| next);
                while clause_end > c + 1
                    && is_clause_joiner(&self.doc.tokens[clause_end - 1].norm)
                    && clause_end < s.last
                {
                    clause_end -= 1;
                }
                let subject = self.subject(c, kind, s.first, clause_end, &q, &ctx, previous);
                if subject.explicit {
                    // The verb agrees with a named subject: it tells a person's gender.
                    let fem = self.feminine_cue(c);
                    let named = subject.surface.and_then(|(f, _)| self.mention_at(f));
                    let g = named.map_or(Some(fem), |m| {
                        if m.kind == Kind::Person {
                            Some(fem)
                        } else {
                            self.gender(m)
                        }
                    });
                    if let Who::Actor(a) = subject.who {
                        ctx.push_topic(a, g);
                    }
                    ctx.last_speaker = Some((subject.who, g));
                } else if let Who::Actor(_) = subject.who {
                    ctx.last_speaker = Some((subject.who, ctx.last_speaker.and_then(|l| l.1)));
                }
                previous = Some(subject.who);
                let role = self.cue_form(c).and_then(|f| self.lex.cue_roles.get(f)).copied();
                // The clause after the next cue, for content that holds that cue (قال إن المملكة
                // تعهدت بـ…).
                let outer_end = cues.get(n + 2).map_or(s.last, |&(next, _)| next);
                let ends = (clause_end, outer_end);
                if let Some(st) = self.content(&subject, role, ends, c, s.index, &q) {
                    out.push(st);
                }
            }
            for m in subjects {
                ctx.push_topic(m.actor, self.gender(m));
            }
            self.according_to(s.first, s.last, s.index, &q, &mut out);
        }
        out
    }

    /// The subjects of a sentence's clauses: at its start and after حيث (…، حيث قدم رئيس الهيئة
    /// اللواء سعد الشهراني …), in order.
    fn clause_subjects(&self, first: usize, last: usize, q: &Quotes) -> Vec<&'a Placed> {
        let toks = &self.doc.tokens;
        let starts = std::iter::once(first).chain((first..last.saturating_sub(1)).filter_map(|k| {
            let opens = toks[k].norm == "حيث";
            (opens && !q.inside(k)).then_some(k + 1)
        }));
        let mut out: Vec<&Placed> = Vec::new();
        for p in starts {
            if let Some(m) = self.sentence_subject(p, last)
                && out.last().is_none_or(|l| l.first < m.first)
            {
                out.push(m);
            }
        }
        out
    }

    /// The subject at the start of a sentence: a name opening it (صحيفة لاكروا التقت…) or the
    /// name right after its first word (ويواصل ترامب…, رفض وزير الدفاع أفيغدور ليبرمان…).
    fn sentence_subject(&self, first: usize, last: usize) -> Option<&'a Placed> {
        let i = self.skip_lead_ins(first, last);
        if i >= last {
            return None;
        }
        if let Some(m) = self.mention_at(i) {
            return self.speaking_mention_at(i).filter(|_| m.kind != Kind::Place);
        }
        let t = &self.doc.tokens[i];
        let n = t.norm.strip_prefix('و').unwrap_or(&t.norm);
        if !t.is_word
            || n.starts_with("ال")
            || PREPOSITIONS.contains(&t.norm.as_ref())
            || self.lex.stopwords.contains(n)
        {
            return None;
        }
        let mut j = i + 1;
        while j < last {
            let tl = self.title_len(j, last);
            if tl > 0 {
                j += tl;
            } else if self.mention_at(j).is_none() && self.qualifier(j) {
                j += 1;
            } else {
                break;
            }
        }
        if let Some(m) = self.speaking_mention_at(j) {
            return Some(m);
        }
        // A described person: هاجم البرلماني المصري مصطفى بكري …
        (j..last.min(j + 3))
            .take_while(|&k| toks_word(self.doc, k) && !PREPOSITIONS.contains(&self.doc.tokens[k].norm.as_ref()))
            .find_map(|k| self.mention_at(k))
            .filter(|m| m.kind == Kind::Person)
    }

    /// The first token after the words that may open a clause before its subject.
    fn skip_lead_ins(&self, first: usize, last: usize) -> usize {
        let toks = &self.doc.tokens;
        let mut i = first;
        while i < last {
            let n = toks[i].norm.as_ref();
            if LEAD_INS.contains(&n) {
                i += 1;
            } else if matches!(n, "من" | "ومن") && toks.get(i + 1).is_some_and(|t| ASIDES.contains(&t.norm.as_ref()))
            {
                i += 2;
            } else {
                break;
            }
        }
        i
    }

    /// The subject of the cue at `c`.
    #[allow(clippy::too_many_arguments)]
    fn subject(
        &self,
        c: usize,
        kind: CueKind,
        sent_first: usize,
        clause_end: usize,
        q: &Quotes,
        ctx: &Context,
        previous: Option<Who>,
    ) -> Subject {
        let fem = self.feminine_cue(c);
        let implicit = |who| Subject {
            who,
            surface: None,
            from: c + 1,
            explicit: false,
        };
        if kind == CueKind::Adverbial {
            return implicit(previous.unwrap_or_else(|| ctx.resolve(fem, true)));
        }
        // A name opening the clause right before the verb is its subject (وكان ترامب اتهم كومي);
        // a name after the verb is then its object.
        if let Some(s) = self.subject_before(c, sent_first).filter(|s| s.who != Who::Unknown) {
            return s;
        }
        if let Some(s) = self.relative_subject(c) {
            return s;
        }
        if let Some(s) = self.after_cue(c, clause_end, q) {
            return s;
        }
        let toks = &self.doc.tokens;
        if c > sent_first && is_pronoun_carrier(&toks[c - 1].norm) {
            return Subject {
                surface: Some((c - 1, c)),
                ..implicit(ctx.resolve(fem, true))
            };
        }
        if let Some(s) = self.subject_before(c, sent_first) {
            return s;
        }
        // A plural verb (قالوا، يقولون) has none of the singular subjects for its subject.
        if self.cue_form(c).is_some_and(|f| f.ends_with("وا") || f.ends_with("ون")) {
            return implicit(Who::Unknown);
        }
        let continues = self.cue_form(c).and_then(|f| self.lex.cue_roles.get(f)) == Some(&CueRole::Continue);
        implicit(ctx.resolve(fem, continues))
    }

    /// The subject of a cue in a relative clause about someone's words: تصريحات لمحامي ترامب جون
    /// داود التي طالب فيها … — the person named right before the relative pronoun.
    fn relative_subject(&self, c: usize) -> Option<Subject> {
        let toks = &self.doc.tokens;
        if c < 2 || !matches!(toks[c - 1].norm.as_ref(), "التي" | "الذي") {
            return None;
        }
        let m = (c.saturating_sub(3)..c - 1).rev().find_map(|k| {
            self.mentions_before(k + 1)
                .next()
                .filter(|m| m.last == k + 1 && m.kind == Kind::Person)
        })?;
        Some(Subject {
            who: Who::Actor(m.actor),
            surface: Some((m.first, m.last)),
            from: c + 1,
            explicit: true,
        })
    }

    /// The subject after the cue at `c` (VSO), before the content opens.
    fn after_cue(&self, c: usize, clause_end: usize, q: &Quotes) -> Option<Subject> {
        let limit = clause_end.min(c + 14);
        let named = |m: &Placed| Subject {
            who: Who::Actor(m.actor),
            surface: Some((m.first, m.last)),
            from: m.last,
            explicit: true,
        };
        let mut role: Option<usize> = None;
        let mut complement: Option<&Placed> = None;
        let mut i = c + 1;
        while i < limit {
            if self.opens_content(i, q) {
                break;
            }
            if i == c + 1
                && let Some(len) = self.anonymous_at(i)
            {
                return Some(Subject {
                    who: Who::Anonymous,
                    surface: Some((i, i + len)),
                    from: i + len,
                    explicit: true,
                });
            }
            if let Some(m) = self.mention_at(i) {
                if can_speak(m.kind) && !self.after_preposition(m) {
                    if m.kind == Kind::Person {
                        return Some(named(m));
                    }
                    if role.is_none() && complement.is_none() {
                        return Some(named(m));
                    }
                    // An organization after a title is the title's complement (المتحدث باسم
                    // الخارجية الأمريكية): the name of the person may follow.
                    complement.get_or_insert(m);
                }
                i = m.last;
                continue;
            }
            let tl = self.title_len(i, limit);
            if tl > 0 {
                role.get_or_insert(i);
                i += tl;
                continue;
            }
            if i == c + 1 && self.definite_head(i).is_some() {
                role = Some(i);
            }
            i += 1;
        }
        if role.is_none()
            && let Some(a) = self.surname_at(c + 1)
        {
            return Some(Subject {
                who: Who::Actor(a),
                surface: Some((c + 1, c + 2)),
                from: c + 2,
                explicit: true,
            });
        }
        let Some(r) = role else {
            // A subject the recognizer does not know (وقالت ماريانا التي…): someone, not the
            // last speaker.
            return self.unknown_subject(c + 1).then_some(Subject {
                who: Who::Unknown,
                surface: Some((c + 1, c + 2)),
                from: c + 2,
                explicit: true,
            });
        };
        let who = self.resolve_role(r).map_or(Who::Unknown, Who::Actor);
        Some(Subject {
            who,
            surface: Some((r, i.max(r + 1))),
            from: i,
            explicit: true,
        })
    }

    /// The person a lone word at `i` names as the last word of a full name the article gave
    /// before (وقال عباس after الرئيس الفلسطيني محمود عباس).
    fn surname_at(&self, i: usize) -> Option<usize> {
        let t = self
            .doc
            .tokens
            .get(i)
            .filter(|t| t.is_word && self.mention_at(i).is_none())?;
        let n = t.norm.strip_prefix('و').unwrap_or(&t.norm);
        self.mentions_before(i)
            .filter(|m| m.kind == Kind::Person && m.last - m.first >= 2)
            .take(120)
            .find(|m| self.doc.tokens[m.last - 1].norm == n)
            .map(|m| m.actor)
    }

    /// Whether the word at `i`, right after a cue, is a subject the recognizer did not name: a
    /// word that is neither a particle, a common word, an adverb (مجددا), a preposition with its
    /// noun (للصحفيين) nor a number.
    fn unknown_subject(&self, i: usize) -> bool {
        let Some(t) = self.doc.tokens.get(i) else { return false };
        let n = t.norm.as_ref();
        // A kunya (أم ثائر، أبو محمد) names someone.
        if matches!(n, "ام" | "ابو") && self.doc.tokens.get(i + 1).is_some_and(|x| x.is_word) {
            return true;
        }
        t.is_word
            && !t.text.chars().next().is_some_and(|ch| ch.is_ascii_digit())
            && self.mention_at(i).is_none()
            && !self.lex.stopwords.contains(n)
            && !self.lex.common_words.contains(n)
            && !self.lex.cues.contains_key(n)
            && !PREPOSITIONS.contains(&n)
            && !t.text.ends_with('ً')
            && !t.text.ends_with("اً")
            && !["ل", "ب", "لل", "بال"]
                .iter()
                .any(|p| n.starts_with(p) && !self.lex.given_names.contains(n))
            && self.complementizer(i, true).is_none()
    }

    /// An anonymous source noun at `i` (مصادر، مسؤول، شهود عيان): how many tokens it takes.
    fn anonymous_at(&self, i: usize) -> Option<usize> {
        let toks = &self.doc.tokens;
        let one = toks.get(i)?.norm.as_ref();
        if let Some(two) = toks.get(i + 1)
            && self.lex.anonymous.contains(&[one, " ", &two.norm].concat())
        {
            return Some(2);
        }
        self.lex.anonymous.contains(one).then_some(1)
    }

    /// The actor a role noun at token `r` stands for: the most recent person the article
    /// introduced with the same title (وزير الخارجية الأميركي مايك بومبيو … وقال وزير الخارجية
    /// الأميركي), or the most recent organization named with the same head noun (صحيفة لاكروا …
    /// وأضافت الصحيفة).
    fn resolve_role(&self, r: usize) -> Option<usize> {
        let toks = &self.doc.tokens;
        let earlier = || self.mentions_before(r).take(120);
        if let Some(head) = self.definite_head(r) {
            let strip = |n: &'a str| {
                let n = n.strip_prefix('و').unwrap_or(n);
                n.strip_prefix("ال").unwrap_or(n).to_owned()
            };
            return earlier()
                .find(|m| {
                    m.kind == Kind::Organization
                        && (m.first.saturating_sub(2)..=m.first).any(|k| strip(&toks[k].norm) == head)
                })
                .map(|m| m.actor);
        }
        let len = self.title_len(r, self.doc.tokens.len());
        if len == 0 {
            return None;
        }
        // The same title as written first (الرئيس ~ الرئيس ترامب, not رئيس كوريا الجنوبية), then
        // the same title with or without the article (الوزير ~ وزير الخارجية).
        let exact = self.title_key(r, len, true);
        let loose = self.title_key(r, len, false);
        let people: Vec<(usize, (usize, usize))> = earlier()
            .filter(|m| m.kind == Kind::Person)
            .filter_map(|m| self.introducing_title(m).map(|t| (m.actor, t)))
            .collect();
        people
            .iter()
            .find(|(_, (k, tl))| same_title(&exact, &self.title_key(*k, *tl, true)))
            .or_else(|| {
                people
                    .iter()
                    .find(|(_, (k, tl))| same_title(&loose, &self.title_key(*k, *tl, false)))
            })
            .map(|&(a, _)| a)
    }

    /// The title a person's mention is introduced with: the nearest title before it, past
    /// nisbas, commas and the title's complements, not past a preposition or another person.
    fn introducing_title(&self, m: &Placed) -> Option<(usize, usize)> {
        self.introducing_titles(m).next()
    }

    /// Every title before a person's mention, nearest first, as far as [`Self::introducing_title`]
    /// looks (قائد القيادة المركزية الفريق أول جوزيف فوتيل: الفريق, then قائد).
    fn introducing_titles<'m>(&'m self, m: &'m Placed) -> impl Iterator<Item = (usize, usize)> + 'm {
        let toks = &self.doc.tokens;
        (m.first.saturating_sub(8)..m.first)
            .rev()
            .take_while(move |&k| {
                !PREPOSITIONS.contains(&toks[k].norm.as_ref())
                    && self.mention_at(k).is_none_or(|p| p.kind != Kind::Person)
            })
            .filter_map(move |k| {
                let tl = self.title_len(k, m.first);
                (tl > 0).then_some((k, tl))
            })
    }

    /// The title at tokens `i..i + len`, match form, و dropped from its first word, and the
    /// article too unless `article`.
    fn title_key(&self, i: usize, len: usize, article: bool) -> Vec<String> {
        self.doc.tokens[i..i + len]
            .iter()
            .enumerate()
            .map(|(k, t)| {
                let n = t.norm.as_ref();
                if k > 0 {
                    return n.to_owned();
                }
                let n = n.strip_prefix('و').filter(|r| r.starts_with("ال")).unwrap_or(n);
                if article {
                    return n.to_owned();
                }
                n.strip_prefix("ال").unwrap_or(n).to_owned()
            })
            .collect()
    }

    /// The subject before the cue at `c` (SVO): a name opening the clause, with at most an
    /// apposition between it and the verb (صحيفة نيويورك تايمز كتبت، جيمس كومي يقول، الصحيفة أضافت).
    fn subject_before(&self, c: usize, sent_first: usize) -> Option<Subject> {
        let toks = &self.doc.tokens;
        let i = self.skip_lead_ins(sent_first, c);
        if i >= c {
            return None;
        }
        let (who, end) = if let Some(m) = self.speaking_mention_at(i) {
            (Who::Actor(m.actor), m.last)
        } else if let Some(a) = self.surname_at(i) {
            (Who::Actor(a), i + 1)
        } else if let Some(m) = self.titled_person(i, c) {
            (Who::Actor(m.actor), m.last)
        } else if self.definite_head(i).is_some() || self.title_len(i, c) > 0 {
            let len = self.title_len(i, c).max(1);
            (self.resolve_role(i).map_or(Who::Unknown, Who::Actor), i + len)
        } else {
            return None;
        };
        let mut k = end;
        while k < c && (self.qualifier(k) || matches!(toks[k].norm.as_ref(), "قد" | "وقد")) {
            k += 1;
        }
        // An apposition between commas: جيمس كومي، مدير الـFBI السابق، قال…
        if k < c && toks[k].text == "،" && toks[c - 1].text == "،" && c - k <= 12 {
            k = c;
        }
        if k != c {
            return None;
        }
        Some(Subject {
            who,
            surface: Some((i, end)),
            from: c + 1,
            explicit: true,
        })
    }

    /// A person named after a title and its complements at `i` (المستشار الدبلوماسي للكرملين
    /// يوري أوشاكوف), before `end`.
    fn titled_person(&self, i: usize, end: usize) -> Option<&'a Placed> {
        let len = self.title_len(i, end);
        if len == 0 {
            // A head noun before a name it does not belong to: صحيفة ذي واشنطن بوست.
            let n = self.doc.tokens[i].norm.as_ref();
            return (NAME_HEADS.contains(&n) || self.lex.heads.contains_key(n))
                .then(|| (i + 1..end.min(i + 3)).find_map(|k| self.speaking_mention_at(k)))
                .flatten()
                .filter(|m| m.kind == Kind::Organization);
        }
        (i + len..end.min(i + len + 6))
            .take_while(|&k| self.doc.tokens[k].is_word)
            .filter_map(|k| self.mention_at(k))
            .find(|m| m.kind == Kind::Person)
    }

    /// "X، بحسب Y" and "بحسب Y، X": Y said X.
    fn according_to(&self, first: usize, last: usize, sentence: usize, q: &Quotes, out: &mut Vec<Statement>) {
        let toks = &self.doc.tokens;
        for w in first..last {
            if q.inside(w) || !self.is_source_word(w) {
                continue;
            }
            let Some((who, src_end)) = self.source_after(w, last) else {
                continue;
            };
            let lead = self.skip_lead_ins(first, w);
            let aside = w > first && matches!(toks[w - 1].text, "-" | "(");
            let (a, mut z) = if aside {
                // … - بحسب Y - …: the words around the aside.
                (first, last)
            } else if lead == w {
                // بحسب Y، X
                let from = (src_end..last)
                    .find(|&k| toks[k].text == "،")
                    .map_or(src_end, |k| k + 1);
                (from, last)
            } else {
                (first, w)
            };
            while z > a && !toks[z - 1].is_word && !toks[z - 1].is_quote() {
                z -= 1;
            }
            if z <= a || (a..z).filter(|&k| toks[k].is_word).count() < 3 {
                continue;
            }
            let kind = if (a..z).any(|k| toks[k].is_quote()) {
                StatementKind::Mixed
            } else {
                StatementKind::Indirect
            };
            let (start, end) = (toks[a].start, toks[z - 1].end);
            out.push(Statement {
                speaker: Some(who),
                speaker_surface: None,
                anonymous: false,
                text: self.doc.slice(start, end),
                kind,
                cue: toks[w].text.to_owned(),
                sentence,
                start,
                end,
            });
        }
    }

    /// Whether token `w` introduces a source: بحسب، حسب، وفقا لـ.
    fn is_source_word(&self, w: usize) -> bool {
        let toks = &self.doc.tokens;
        let n = toks[w].norm.as_ref();
        SOURCE_WORDS.contains(&n)
            || (matches!(n, "وفقا" | "ووفقا" | "وفق")
                && toks.get(w + 1).is_some_and(|t| t.norm.starts_with('ل')))
            // …، كما أعلنت مديرية الشرطة.
            || (n == "كما" && w > 0 && toks[w - 1].text == "،" && w + 1 < toks.len() && self.cue(w + 1).is_some())
    }

    /// The named source after a source word: the first speaking actor before a comma, or the
    /// one it quotes (بحسب ما نقلته وكالة الأناضول عن وزير الداخلية سليمان صويلو), or an
    /// organization named before by its head noun (بحسب الوكالة).
    fn source_after(&self, w: usize, last: usize) -> Option<(usize, usize)> {
        let toks = &self.doc.tokens;
        let limit = last.min(w + 12);
        let mut found: Option<&Placed> = None;
        let mut quoting = false;
        let mut i = w + 1;
        while i < limit {
            let t = &toks[i];
            if matches!(t.text, "،" | "," | ":" | "-") || self.complementizer(i, false).is_some() {
                break;
            }
            quoting |= t.norm == "عن";
            if let Some(m) = self.mention_at(i) {
                if can_speak(m.kind) && (found.is_none() || quoting) {
                    found = Some(m);
                    quoting = false;
                }
                i = m.last;
                continue;
            }
            if found.is_none()
                && i <= w + 3
                && self.definite_head(i).is_some()
                && let Some(a) = self.resolve_role(i)
            {
                return Some((a, i + 1));
            }
            i += 1;
        }
        found.map(|m| (m.actor, m.last))
    }

    /// "Name: words" in the title.
    fn headline(&self, first: usize, last: usize) -> Option<Statement> {
        let colon = (first..last).find(|&i| self.doc.tokens[i].text == ":")?;
        if colon + 1 >= last {
            return None;
        }
        let speaker = match self.mentions.iter().find(|m| {
            m.first >= first
                && m.last == colon
                && matches!(m.kind, Kind::Person | Kind::Organization)
                && !self.after_preposition(m)
        }) {
            Some(m) => m,
            None => self
                .headline_surname(colon)
                .or_else(|| self.headline_role(first, colon))?,
        };
        let (start, end) = (self.doc.tokens[colon + 1].start, self.doc.tokens[last - 1].end);
        Some(Statement {
            speaker: Some(speaker.actor),
            speaker_surface: Some(self.doc.slice(
                self.doc.tokens[speaker.first].start,
                self.doc.tokens[speaker.last - 1].end,
            )),
            anonymous: false,
            text: self.doc.slice(start, end),
            kind: StatementKind::Direct,
            cue: "headline".into(),
            sentence: 0,
            start,
            end,
        })
    }

    /// A headline's last word before its colon that is the surname of a person the body names
    /// in full (… البرادعي: لا نريد …).
    fn headline_surname(&self, colon: usize) -> Option<&'a Placed> {
        let n = self.doc.tokens.get(colon.checked_sub(1)?)?.norm.as_ref();
        self.mentions_after(colon)
            .filter(|m| m.kind == Kind::Person && m.last - m.first >= 2)
            .take(200)
            .find(|m| self.doc.tokens[m.last - 1].norm == n)
    }

    /// A headline's role before its colon (العاهل السعودي: …) resolved to the first person the
    /// body introduces with that title.
    fn headline_role(&self, first: usize, colon: usize) -> Option<&'a Placed> {
        let len = self.title_len(first, colon);
        if len == 0 {
            return None;
        }
        let role = self.title_key(first, len, false);
        self.mentions_after(colon).take(200).find(|m| {
            m.kind == Kind::Person
                && self
                    .introducing_titles(m)
                    .any(|(k, tl)| same_title(&role, &self.title_key(k, tl, false)))
        })
    }

    /// The content after the subject: a quotation, what follows a colon, a complementizer
    /// clause, or for object verbs the rest of the clause.
    fn content(
        &self,
        subject: &Subject,
        role: Option<CueRole>,
        (clause_end, outer_end): (usize, usize),
        cue: usize,
        sentence: usize,
        q: &Quotes,
    ) -> Option<Statement> {
        let toks = &self.doc.tokens;
        let from = subject.from;
        let object = role == Some(CueRole::Object);
        // Reported words of two or fewer are a term or a name (واصفا إياها بأنها "مذكرات كاذبة"),
        // not a statement; a short quotation on its own (قال: "يهمنا الجميع") still is.
        let make = |kind, a: usize, z: usize| {
            let least = if kind == StatementKind::Direct { 2 } else { 3 };
            ((a..z).filter(|&k| toks[k].is_word).count() >= least)
                .then(|| self.statement(subject, kind, cue, sentence, a, z))
        };
        let mut i = from;
        while i < clause_end && i <= from + 25 {
            if let Some(close) = q.close_of(i) {
                // A name (موقع "المدن") or a quoted term (بمحاولة "التدخل") is not the words said.
                let words = (i + 1..close).filter(|&k| toks[k].is_word).count();
                if self.name_quote(i, q) || (i > from && words <= 2) {
                    i = close + 1;
                    continue;
                }
                if close == i + 1 {
                    return None;
                }
                return make(StatementKind::Direct, i + 1, close);
            }
            if toks[i].text == ":" {
                let (a, z) = self.trimmed(i + 1, clause_end)?;
                return match q.close_of(a) {
                    Some(close) if close > a + 1 => make(StatementKind::Direct, a + 1, close),
                    _ => make(StatementKind::Direct, a, z),
                };
            }
            if toks[i].is_quote() && i == from {
                // A quotation that runs on past the sentence.
                let (a, z) = self.trimmed(i + 1, clause_end)?;
                return make(StatementKind::Direct, a, z);
            }
            if let Some(n) = self.complementizer(i, i == from) {
                // A cue right after the clause's subject is the clause's verb (قال إن المملكة
                // تعهدت بـ…), not the end of the words.
                let embedded = clause_end <= i + n + 3 && (i + n..clause_end).all(|k| toks[k].is_word);
                let end = if clause_end < outer_end && embedded {
                    outer_end
                } else {
                    clause_end
                };
                let (a, z) = self.trimmed(i + n, end)?;
                return make(self.kind_of(a, z), a, z);
            }
            i += 1;
        }
        if object {
            let (a, z) = self.trimmed(from, clause_end)?;
            if (a..z).filter(|&k| toks[k].is_word).count() >= 3 {
                return make(self.kind_of(a, z), a, z);
            }
        }
        None
    }

    /// Tokens `a..z` without trailing punctuation (quotation marks kept); None when empty.
    fn trimmed(&self, a: usize, mut z: usize) -> Option<(usize, usize)> {
        let toks = &self.doc.tokens;
        while z > a && !toks[z - 1].is_word && !toks[z - 1].is_quote() {
            z -= 1;
        }
        (z > a).then_some((a, z))
    }

    /// Indirect, or mixed when the words hold a quotation.
    fn kind_of(&self, a: usize, z: usize) -> StatementKind {
        if self.doc.tokens[a..z].iter().any(|t| t.is_quote()) {
            StatementKind::Mixed
        } else {
            StatementKind::Indirect
        }
    }

    /// The statement of tokens `a..z`.
    fn statement(
        &self,
        subject: &Subject,
        kind: StatementKind,
        cue: usize,
        sentence: usize,
        a: usize,
        z: usize,
    ) -> Statement {
        let toks = &self.doc.tokens;
        let t = &toks[cue];
        // The cue verb as written, without a conjunction و / ف fused to it.
        let cue_text = if self.lex.cues.contains_key(t.norm.as_ref()) {
            t.text.to_owned()
        } else {
            t.text.chars().skip(1).collect()
        };
        let (start, end) = (toks[a].start, toks[z - 1].end);
        Statement {
            speaker: match subject.who {
                Who::Actor(a) => Some(a),
                _ => None,
            },
            speaker_surface: subject
                .surface
                .map(|(f, l)| self.doc.slice(toks[f].start, toks[l - 1].end)),
            anonymous: subject.who == Who::Anonymous,
            text: self.doc.slice(start, end),
            kind,
            cue: cue_text,
            sentence,
            start,
            end,
        }
    }
}

/// Whether token `k` is a word.
fn toks_word(doc: &Doc, k: usize) -> bool {
    doc.tokens[k].is_word
}

/// Whether two titles (as [`Finder::title_key`] gives them) name the same role: equal, or one a
/// single word that is the other's first (الوزير ~ وزير الخارجية).
fn same_title(a: &[String], b: &[String]) -> bool {
    a == b || (a.len() == 1 && b.first() == a.first()) || (b.len() == 1 && a.first() == b.first())
}
