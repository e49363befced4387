//! Word lists for English extraction: cue verbs and how they frame their content, titles and role
//! nouns that mark people, head words that mark organizations, and the function words that are
//! capitalized only because they start a sentence. All lists are matched on lower-case words.

/// How a cue verb frames its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueClass {
    /// Verbs of saying: a quote or clause before them ("…," he said) or after them (said that …).
    Speech,
    /// Verbs of saying with an addressee before the content (told reporters that …).
    Tell,
    /// Belief, hope, intention: a clause after them only (believes that …, hopes to …).
    Belief,
    /// Findings of polls, studies and reports: a clause after them only (shows that …).
    Finding,
    /// Evaluative speech acts whose object is the content (criticized X for Y, called X a liar).
    Act,
}

/// Verbs of saying, in every form the corpus genre uses.
const SPEECH: &[&str] = &[
    "say", "says", "said", "saying", "add", "adds", "added", "adding", "write", "writes", "wrote", "writing", "note",
    "notes", "noted", "noting", "explain", "explains", "explained", "explaining", "argue", "argues", "argued",
    "arguing", "claim", "claims", "claimed", "claiming", "insist", "insists", "insisted", "insisting", "stress",
    "stresses", "stressed", "stressing", "acknowledge", "acknowledges", "acknowledged", "acknowledging",
    "announce", "announces", "announced", "announcing", "declare", "declares", "declared", "declaring", "tweet",
    "tweets", "tweeted", "tweeting", "suggest", "suggests", "suggested", "suggesting", "report", "reports",
    "reported", "continue", "continues", "continued", "recall", "recalls", "recalled", "recalling", "conclude",
    "concludes", "concluded", "respond", "responds", "responded", "reply", "replies", "replied", "state", "states",
    "stated", "predict", "predicts", "predicted", "predicting", "admit", "admits", "admitted", "admitting",
    "confirm", "confirms", "confirmed", "reveal", "reveals", "revealed", "indicate", "indicates", "indicated",
    "contend", "contends", "contended", "assert", "asserts", "asserted", "emphasize", "emphasizes", "emphasized",
    "emphasizing", "complain", "complains", "complained", "complaining", "boast", "boasts", "boasted", "boasting",
    "joke", "jokes", "joked", "joking", "quip", "quips", "quipped", "observe", "observes", "observed", "remark",
    "remarks", "remarked", "counter", "counters", "countered", "concede", "concedes", "conceded", "conceding",
    "caution", "cautions", "cautioned", "allege", "alleges", "alleged", "alleging", "maintain", "maintains",
    "maintained", "lament", "laments", "lamented", "muse", "mused", "wonder", "wonders", "wondered", "post",
    "posted", "proclaim", "proclaimed", "retort", "retorted", "exclaim", "exclaimed", "shout", "shouted", "yell",
    "yelled", "recount", "recounted", "testify", "testified", "clarify", "clarified", "mention", "mentions",
    "mentioned", "agree", "agrees", "agreed", "acknowledge", "predicts", "pointed", "points", "point", "pointing",
    "vow", "vows", "vowed", "vowing", "pledge", "pledges", "pledged", "pledging", "promise", "promises", "promised",
    "promising", "warn", "warns", "warned", "warning", "deny", "denies", "denied", "denying", "speculate",
    "speculated", "surmised", "summed", "estimate", "estimates", "estimated",
];

/// Verbs of saying that take an addressee before the content.
const TELL: &[&str] = &[
    "tell", "tells", "told", "telling", "ask", "asks", "asked", "asking", "urge", "urges", "urged", "urging",
    "remind", "reminds", "reminded", "reminding", "assure", "assures", "assured", "assuring", "inform", "informed",
];

/// Verbs of belief, hope and intention.
const BELIEF: &[&str] = &[
    "believe", "believes", "believed", "think", "thinks", "thought", "hope", "hopes", "hoped", "hoping", "fear",
    "fears", "feared", "worry", "worries", "worried", "doubt", "doubts", "doubted", "feel", "feels", "felt",
    "suspect", "suspects", "suspected", "expect", "expects", "expected", "figure", "figures", "figured", "insist",
    "want", "wants", "wanted", "plan", "plans", "planned", "intend", "intends", "intended", "seek", "seeks",
    "sought", "seeking",
];

/// Verbs with which polls, studies and documents state findings.
const FINDING: &[&str] = &[
    "show", "shows", "showed", "showing", "find", "finds", "found", "conclude", "concluded", "indicate", "indicates",
];

/// Evaluative speech acts.
const ACT: &[&str] = &[
    "call", "calls", "called", "calling", "criticize", "criticizes", "criticized", "criticizing", "praise",
    "praises", "praised", "praising", "accuse", "accuses", "accused", "accusing", "endorse", "endorses", "endorsed",
    "endorsing", "describe", "describes", "described", "describing", "defend", "defends", "defended", "defending",
    "dismiss", "dismisses", "dismissed", "dismissing", "blast", "blasts", "blasted", "blasting", "attack",
    "attacks", "attacked", "attacking", "reject", "rejects", "rejected", "rejecting", "question", "questions",
    "questioned", "questioning", "decline", "declines", "declined", "declining", "refuse", "refuses", "refused",
    "propose", "proposes", "proposed", "proposing", "cite", "cites", "cited", "citing", "blame", "blames", "blamed",
    "blaming", "denounce", "denounces", "denounced", "condemn", "condemns", "condemned", "slam", "slams", "slammed",
    "mock", "mocks", "mocked", "mocking", "dub", "dubbed", "label", "labeled", "labelled", "brand", "branded",
    "demand", "demands", "demanded", "demanding", "welcome", "welcomed", "support", "supports", "supported",
    "oppose", "opposes", "opposed", "opposing", "back", "backed", "backing", "applaud", "applauded", "lambaste",
    "lambasted", "chide", "chided", "rebuke", "rebuked", "ridicule", "ridiculed", "characterize", "characterized",
    "portray", "portrayed", "challenge", "challenged", "challenging",
];

/// Verb and particle pairs read as one cue ("pointed out", "called for").
const PARTICLES: &[(&str, &str)] = &[
    ("point", "out"),
    ("points", "out"),
    ("pointed", "out"),
    ("pointing", "out"),
    ("pointed", "to"),
    ("pointing", "to"),
    ("points", "to"),
    ("call", "for"),
    ("calls", "for"),
    ("called", "for"),
    ("calling", "for"),
    ("called", "on"),
    ("calls", "on"),
    ("calling", "on"),
    ("refer", "to"),
    ("referred", "to"),
    ("referring", "to"),
    ("refers", "to"),
    ("talk", "about"),
    ("talked", "about"),
    ("talking", "about"),
    ("talks", "about"),
    ("spoke", "about"),
    ("speaking", "about"),
    ("complained", "about"),
    ("warned", "of"),
    ("warned", "against"),
    ("weighed", "in"),
    ("summed", "up"),
];

/// Verbs that are cues only with their particle.
const PARTICLE_ONLY: &[&str] = &[
    "point", "points", "pointed", "pointing", "refer", "referred", "referring", "refers", "talk", "talked", "talking",
    "talks", "spoke", "speaking", "weighed", "summed",
];

/// The class of a cue word, if it is one.
pub fn cue_class(word: &str) -> Option<CueClass> {
    if PARTICLE_ONLY.contains(&word) {
        return Some(CueClass::Speech);
    }
    if TELL.contains(&word) {
        Some(CueClass::Tell)
    } else if SPEECH.contains(&word) {
        Some(CueClass::Speech)
    } else if FINDING.contains(&word) {
        Some(CueClass::Finding)
    } else if BELIEF.contains(&word) {
        Some(CueClass::Belief)
    } else if ACT.contains(&word) {
        Some(CueClass::Act)
    } else {
        None
    }
}

/// Whether `verb particle` is read as one cue.
pub fn is_particle(verb: &str, particle: &str) -> bool {
    PARTICLES.contains(&(verb, particle))
}

/// Whether the verb is a cue only together with a particle ("pointed" needs "out" or "to").
pub fn needs_particle(verb: &str) -> bool {
    PARTICLE_ONLY.contains(&verb)
}

/// Titles and honorifics written before a person's name ("Sen.", "President", "Gov.").
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "miss", "dr", "sen", "senator", "rep", "representative", "gov", "governor", "president",
    "vice", "secretary", "gen", "attorney", "judge", "justice", "speaker", "chairman", "chairwoman", "chair",
    "leader", "former", "mayor", "pope", "king", "queen", "prince", "princess", "sheikh", "rev", "reverend", "lt",
    "col", "adm", "admiral", "sgt", "capt", "captain", "cmdr", "maj", "chief", "ambassador", "commissioner",
    "director", "professor", "prof", "sir", "dame", "lord", "congressman", "congresswoman", "councilman",
    "councilwoman", "assemblyman", "assemblywoman", "sheriff", "officer", "detective", "coach", "candidate",
    "nominee", "minister", "prime", "deputy", "spokesman", "spokeswoman", "ceo", "chancellor", "premier", "emir",
    "ayatollah", "imam", "rabbi", "lady", "sens", "reps", "govs", "presidents", "trooper", "pastor", "bishop",
    "cardinal", "superintendent", "lieutenant", "colonel", "sergeant", "delegate", "strategist", "adviser", "advisor",
    "aide", "analyst", "pollster", "anchor", "host", "columnist", "commentator", "activist", "businessman",
    "businesswoman", "billionaire", "mogul", "economist", "author", "founder", "executive", "counsel", "manager",
    "treasurer", "whip", "majority", "minority", "press", "general",
];

/// Whether a lower-case word is a title or role that can stand before a person's name.
pub fn is_title(word: &str) -> bool {
    TITLES.contains(&word)
}

/// Titles that cannot end a name: "General" only as in "Attorney General", handled by [`is_title`]
/// for the words before it. These are the titles that may be dropped even without a following
/// capitalized word.
pub fn is_abbreviated_title(word: &str) -> bool {
    matches!(
        word,
        "mr" | "mrs" | "ms" | "dr" | "sen" | "rep" | "gov" | "gen" | "lt" | "col" | "adm" | "sgt" | "capt" | "rev"
    )
}

/// Lower-case nouns that, right before a name, say it is a person ("candidate Ben Carson").
const ROLE_NOUNS: &[&str] = &[
    "candidate", "nominee", "spokesman", "spokeswoman", "spokesperson", "adviser", "advisor", "aide", "chairman",
    "chairwoman", "senator", "governor", "strategist", "director", "secretary", "president", "analyst", "professor",
    "attorney", "lawyer", "founder", "ceo", "executive", "author", "writer", "columnist", "host", "anchor",
    "reporter", "economist", "pollster", "activist", "leader", "manager", "official", "businessman", "billionaire",
    "mogul", "wife", "husband", "son", "daughter", "brother", "sister", "mother", "father", "rival", "opponent",
    "challenger", "congressman", "congresswoman", "colleague", "friend", "mate", "hopeful", "contender",
    "frontrunner", "front-runner", "representative", "mayor", "commentator", "pundit", "comedian", "actor",
    "actress", "singer", "star", "rapper", "judge", "justice", "chief", "lawmaker", "veteran", "historian",
    "scientist", "researcher", "surrogate", "supporter", "critic", "operative", "consultant", "donor", "speaker",
    "ambassador", "minister", "deputy", "counsel", "blogger", "journalist", "editor", "correspondent", "producer",
    "daughter-in-law", "son-in-law", "running", "nephew", "niece", "grandson", "granddaughter", "cousin", "widow",
    "chair", "treasurer", "organizer", "delegate", "governor-elect", "president-elect", "whip", "mr", "mrs", "ms",
];

/// Whether a lower-case word, right before a name, marks it as a person.
pub fn is_role_noun(word: &str) -> bool {
    ROLE_NOUNS.contains(&word) || is_title(word)
}

/// Head words of organization names.
const ORG_WORDS: &[&str] = &[
    "inc", "corp", "co", "llc", "ltd", "party", "department", "committee", "university", "agency", "news", "times",
    "post", "journal", "council", "association", "campaign", "commission", "court", "congress", "senate", "house",
    "bureau", "institute", "foundation", "group", "company", "network", "center", "centre", "administration", "union",
    "bank", "office", "service", "services", "board", "club", "coalition", "fund", "organization", "organisation",
    "project", "pac", "force", "army", "navy", "police", "ministry", "society", "college", "school", "museum",
    "academy", "conference", "corporation", "alliance", "federation", "league", "church", "caucus", "reserve",
    "press", "tribune", "herald", "magazine", "daily", "radio", "television", "tv", "channel", "media", "studio",
    "studios", "airlines", "motors", "industries", "partners", "associates", "capital", "holdings", "institution",
    "assembly", "parliament", "cabinet", "legislature", "government", "authority", "guard", "corps", "command",
    "council", "watch", "initiative", "trust", "exchange", "chamber", "fed", "gazette", "review", "observer",
    "examiner", "reporter", "telegraph", "guardian", "economist", "monitor", "politico", "cnn", "nbc", "abc", "cbs",
    "msnbc", "fox", "npr", "pbs", "reuters", "bloomberg", "breitbart", "twitter", "facebook", "google", "republicans",
    "democrats", "gop", "fbi", "cia", "nsa", "isis", "isil", "nato", "pentagon", "kremlin", "hezbollah", "hamas",
    "taliban", "qaeda", "polling", "poll", "research", "foundation", "department", "dnc", "rnc", "fec", "epa",
];

/// Whether a lower-case word marks an organization name.
pub fn is_org_word(word: &str) -> bool {
    ORG_WORDS.contains(&word)
}

/// Head words that take "of" inside a name ("Department of Justice", "Secretary of State").
const OF_HEADS: &[&str] = &[
    "department", "secretary", "university", "bank", "bureau", "board", "council", "committee", "office", "institute",
    "church", "court", "chamber", "association", "league", "federation", "union", "republic", "party", "house",
    "ministry", "society", "college", "school", "center", "museum", "academy", "commission", "conference",
    "corporation", "coalition", "alliance", "agency", "administration", "foundation", "fund", "organization",
    "director", "chief", "chairman", "states", "state", "kingdom", "daughters", "sons", "knights", "friends",
    "federal", "city", "county", "district", "attorney", "governor", "mayor", "people", "army", "court", "secretaries",
    "minister", "speaker", "statue", "gulf", "bay", "lake", "isle", "cape", "strait",
];

/// Whether a lower-case word can be followed by "of" inside a name.
pub fn takes_of(word: &str) -> bool {
    OF_HEADS.contains(&word)
}

/// Department words after "Secretary of", dropped with the title ("Secretary of State John Kerry").
pub fn is_department_word(word: &str) -> bool {
    matches!(
        word,
        "state"
            | "defense"
            | "homeland"
            | "security"
            | "treasury"
            | "labor"
            | "commerce"
            | "energy"
            | "education"
            | "agriculture"
            | "transportation"
            | "interior"
            | "health"
            | "human"
            | "services"
            | "housing"
            | "urban"
            | "development"
            | "veterans"
            | "affairs"
            | "justice"
            | "war"
            | "the"
            | "and"
    )
}

/// Lower-case particles inside personal names ("Charles de Gaulle", "Osama bin Laden").
pub fn is_name_particle(word: &str) -> bool {
    matches!(word, "de" | "van" | "von" | "bin" | "al" | "da" | "del" | "la" | "le" | "du" | "ibn" | "der" | "den")
}

/// Words that are capitalized at the start of a sentence but are not names.
const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "and", "but", "or", "nor", "so", "yet", "for", "in", "on", "at", "to", "from", "by", "with",
    "of", "about", "as", "after", "before", "since", "until", "while", "when", "where", "why", "how", "what", "who",
    "whom", "whose", "which", "that", "this", "these", "those", "there", "here", "he", "she", "it", "they", "we",
    "i", "you", "his", "her", "its", "their", "our", "my", "your", "him", "them", "us", "me", "if", "then", "than",
    "though", "although", "because", "unless", "whether", "not", "no", "yes", "all", "some", "any", "many", "most",
    "more", "much", "few", "several", "each", "every", "both", "either", "neither", "one", "two", "three", "four",
    "five", "six", "seven", "eight", "nine", "ten", "first", "second", "third", "last", "next", "other", "another",
    "such", "also", "still", "even", "just", "only", "now", "today", "yesterday", "tomorrow", "tonight", "again",
    "however", "meanwhile", "instead", "indeed", "perhaps", "maybe", "already", "always", "never", "often",
    "sometimes", "once", "later", "earlier", "soon", "well", "oh", "ok", "okay", "asked", "like", "unlike",
    "despite", "during", "against", "among", "between", "through", "throughout", "without", "within", "into",
    "onto", "upon", "over", "under", "above", "below", "after", "across", "along", "around", "behind", "beyond",
    "near", "off", "out", "up", "down", "do", "does", "did", "is", "are", "was", "were", "be", "been", "being",
    "have", "has", "had", "will", "would", "can", "could", "should", "may", "might", "must", "shall", "let", "let's",
    "please", "thank", "thanks", "according", "asked", "says", "said", "following", "including", "given", "based",
    "whatever", "whoever", "everyone", "everybody", "someone", "somebody", "nobody", "nothing", "everything",
    "something", "anything", "anyone", "none", "very", "too", "really", "actually", "clearly", "certainly",
    "obviously", "finally", "overall", "recently", "currently", "previously", "ultimately", "basically",
    "especially", "particularly", "yes", "no", "sure", "true", "right", "wrong", "good", "bad", "new", "old",
    "big", "great", "more", "less", "least", "best", "worst", "better", "worse", "why", "where", "what's", "it's",
    "don't", "i'm", "we're", "they're", "you're", "here's", "there's", "that's", "asked", "among", "beside",
    "besides", "whereas", "hence", "thus", "therefore", "otherwise", "nor", "ever", "either", "rather", "quite",
    "almost", "nearly", "about", "around", "approximately", "roughly", "just", "editor's", "note", "update",
    "updated", "breaking", "watch", "read", "see", "look", "listen", "click", "follow", "sign", "subscribe",
    "related", "photo", "video", "advertisement", "continue", "reading", "story", "getty", "images", "image",
    "source", "sources", "officials", "democrats", "republicans", "voters", "people", "americans", "critics",
];

/// Whether a lower-case word is a function word (or other common word) that is capitalized only
/// because it starts a sentence.
pub fn is_function_word(word: &str) -> bool {
    FUNCTION_WORDS.contains(&word)
}

/// Day and month names, which are capitalized but never actors ("May" is left out: it is also a
/// name).
pub fn is_calendar_word(word: &str) -> bool {
    matches!(
        word,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "january"
            | "february"
            | "march"
            | "april"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sept"
            | "sep"
            | "oct"
            | "nov"
            | "dec"
            | "today"
            | "tonight"
    )
}

/// Personal pronouns that can be the subject of a cue.
pub fn is_subject_pronoun(word: &str) -> bool {
    matches!(word, "he" | "she" | "they" | "it" | "i" | "we" | "you" | "who")
}

/// Pronouns that can be the object of "told" or "asked".
pub fn is_object_pronoun(word: &str) -> bool {
    matches!(word, "him" | "her" | "them" | "me" | "us" | "you" | "it" | "everyone" | "everybody")
}

/// Words between a subject and its cue verb: auxiliaries, negation, adverbs ("has also said").
pub fn is_verb_modifier(word: &str) -> bool {
    matches!(
        word,
        "has"
            | "have"
            | "had"
            | "also"
            | "later"
            | "then"
            | "recently"
            | "previously"
            | "repeatedly"
            | "once"
            | "again"
            | "publicly"
            | "privately"
            | "reportedly"
            | "never"
            | "not"
            | "did"
            | "does"
            | "do"
            | "would"
            | "will"
            | "could"
            | "may"
            | "might"
            | "should"
            | "must"
            | "can"
            | "often"
            | "frequently"
            | "still"
            | "even"
            | "first"
            | "quickly"
            | "flatly"
            | "explicitly"
            | "already"
            | "just"
            | "long"
            | "is"
            | "was"
            | "are"
            | "were"
            | "been"
            | "be"
            | "widely"
            | "initially"
            | "subsequently"
            | "since"
            | "earlier"
            | "further"
            | "simply"
            | "clearly"
            | "openly"
            | "directly"
            | "specifically"
            | "separately"
            | "angrily"
            | "famously"
            | "falsely"
            | "correctly"
            | "wrongly"
            | "accurately"
            | "bluntly"
            | "proudly"
            | "confidently"
            | "sharply"
            | "strongly"
            | "loudly"
            | "quietly"
            | "now"
            | "always"
            | "only"
            | "actually"
            | "personally"
            | "himself"
            | "herself"
            | "themselves"
            | "told"
            | "ve"
            | "s"
            | "t"
            | "didn"
            | "doesn"
            | "don"
            | "hasn"
            | "haven"
            | "wasn"
            | "isn"
            | "ll"
            | "d"
    )
}

/// Words that open a new clause, so a subject search stops before them.
pub fn is_clause_opener(word: &str) -> bool {
    matches!(
        word,
        "that"
            | "and"
            | "but"
            | "because"
            | "when"
            | "while"
            | "as"
            | "if"
            | "although"
            | "though"
            | "since"
            | "after"
            | "before"
            | "so"
            | "where"
            | "which"
            | "whom"
            | "whether"
            | "until"
            | "unless"
            | "or"
            | "than"
            | "once"
            | "what"
            | "how"
            | "why"
    )
}

/// Time words that can sit between a cue and its content ("said Tuesday that").
pub fn is_time_word(word: &str) -> bool {
    is_calendar_word(word)
        || matches!(
            word,
            "yesterday"
                | "today"
                | "tonight"
                | "recently"
                | "earlier"
                | "later"
                | "again"
                | "also"
                | "repeatedly"
                | "privately"
                | "publicly"
                | "afterward"
                | "afterwards"
                | "previously"
                | "then"
                | "now"
                | "often"
                | "frequently"
                | "once"
                | "last"
                | "this"
                | "week"
                | "month"
                | "year"
                | "night"
                | "morning"
                | "evening"
                | "afternoon"
                | "on"
        )
}
