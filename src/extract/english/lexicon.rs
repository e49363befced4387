//! Word lists for English extraction: cue verbs and how they frame their content, titles and role
//! nouns that mark people, head words that mark organizations, and the function words that are
//! capitalized only because they start a sentence. All lists are matched on lower-case words; each
//! is one space-separated string, easy to edit.

use std::collections::HashSet;
use std::sync::OnceLock;

/// A list of words, written as one space-separated string and looked up through a set built on
/// first use.
pub struct WordList {
    /// The words, separated by white space.
    words: &'static str,
    /// The set, built on first use.
    set: OnceLock<HashSet<&'static str>>,
}

impl WordList {
    /// A list of the words in `words`, separated by white space.
    const fn new(words: &'static str) -> WordList {
        WordList {
            words,
            set: OnceLock::new(),
        }
    }

    /// Whether the list has `word`.
    pub fn contains(&self, word: &str) -> bool {
        self.set
            .get_or_init(|| self.words.split_whitespace().collect())
            .contains(word)
    }
}

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
    /// Appearances and hearsay without a source: the subject and what follows are the content
    /// (X seems to …, X reportedly …).
    Seem,
}

/// The class of a cue word, if it is one.
pub fn cue_class(word: &str) -> Option<CueClass> {
    if TELL.contains(word) {
        Some(CueClass::Tell)
    } else if SPEECH.contains(word) || PARTICLE_ONLY.contains(word) {
        Some(CueClass::Speech)
    } else if FINDING.contains(word) {
        Some(CueClass::Finding)
    } else if BELIEF.contains(word) {
        Some(CueClass::Belief)
    } else if ACT.contains(word) {
        Some(CueClass::Act)
    } else if SEEM.contains(word) {
        Some(CueClass::Seem)
    } else {
        None
    }
}

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
    ("put", "it"),
    ("puts", "it"),
    ("made", "clear"),
    ("makes", "clear"),
];

/// Whether `verb particle` is read as one cue.
pub fn is_particle(verb: &str, particle: &str) -> bool {
    PARTICLES.contains(&(verb, particle))
}

/// Whether the verb is a cue only together with a particle ("pointed" needs "out" or "to").
pub fn needs_particle(verb: &str) -> bool {
    PARTICLE_ONLY.contains(verb)
}

/// Verbs of saying.
static SPEECH: WordList = WordList::new(
    "\
     say says said saying adds added adding writes wrote writing notes noted noting explains explained \
     explaining argues argued arguing claims claimed claiming insists insisted insisting stresses stressed \
     stressing acknowledges acknowledged acknowledging announces announced announcing declares declared \
     declaring tweeted tweeting suggest suggests suggested suggesting reports reported continued recalls \
     recalled recalling concludes concluded responds responded replies replied stated predicts predicted \
     predicting admits admitted admitting confirms confirmed reveals revealed indicates indicated contends \
     contended asserts asserted emphasizes emphasized emphasizing complains complained complaining boasts \
     boasted boasting jokes joked joking quips quipped observes observed remarked countered concedes conceded \
     conceding cautioned alleges alleged alleging lamented mused wonders wondered posted proclaimed retorted \
     exclaimed shouted yelled recounted testified clarified mentioned agrees agreed pointed points point \
     pointing vows vowed vowing pledges pledged pledging promises promised promising warns warned warning \
     denied denying speculated surmised summed estimated argue claim insist warn predict agree acknowledge \
     contend complain estimate recall explain admit deny respond reply note \
     reiterated reiterates stating echoed echoing reads indicate reveal disclosed implied implying asserting \
     remarking mentions mentioning declare emphasize conclude forecast projected retweeted quoted chanted \
     chanting emailed signaled wondering remembers answered recognized \
     opined uttered affirmed reaffirmed hinted hints bragged boast laments lamenting underscored \
     underscores concede commented commenting speculate interjected articulated disputed contradicted \
     pleaded announce ruled quipping echo \
     underscore quoting write",
);

/// Verbs of saying that take an addressee before the content.
static TELL: WordList = WordList::new(
    "\
     tell tells told telling ask asks asked asking urge urges urged urging remind reminds reminded reminding \
     assures assured assuring inform informed \
     persuade persuaded encourage implored",
);

/// Verbs of belief, hope and intention.
static BELIEF: WordList = WordList::new(
    "\
     believe believes believed think thinks hope hopes hoped hoping fear feared worry worries worried doubt doubts \
     doubted expected want wants wanted plans planning intended intends intend seek seeks sought seeking decided \
     eager reluctant threatened threatens threatening vow vows vowing aims aiming hopeful refuses refusing thought \
     know knows feel feels expect realized realizes understand understands understood suspected \
     sees convinced expecting believing considers fearing prefers preferred deemed prefer wonder refuse \
     learned \
     envision envisioned foresee imagined assumed considering mulling contemplate noticed remembered \
     disliked recognizes recognizing \
     see saw view views viewed knew consider expects guess determined willing planned",
);

/// Verbs with which polls, studies and documents state findings.
static FINDING: WordList = WordList::new(
    "\
     show shows showed showing finds found",
);

/// Evaluative speech acts.
static ACT: WordList = WordList::new(
    "\
     calls called calling criticizes criticized criticizing praises praised praising accuses accused accusing \
     endorses endorsed endorsing described describing defended defending dismissed dismissing blasted blasting \
     attacked rejected rejecting questioned questioning declined declining refused proposed proposing cited \
     citing blamed blaming denounced condemned slammed mocked mocking dubbed labeled labelled branded demands \
     demanding supports supported opposed opposing backed applauded lambasted chided rebuked ridiculed \
     characterized portrayed challenged challenging criticize praise accuse describe reject dismiss oppose \
     blame expressed offered \
     discuss discussed discussing mention ordered denouncing decried touted touting highlighted highlighting \
     thanked thanking describes slams slamming blasts assailed bemoaned cites cite referenced referencing \
     invoked likened derided hailed credited dismisses blames condemning congratulated outlining detailing \
     championed portray portraying knocked rebuffed requested recommended encouraged supporting backing \
     embraced welcomed ignored opposes highlight promote \
     endorse named nominated listed identified repeated repeating shared voiced pushed pushing \
     unveiled outlined celebrated disavow disavowed downplayed defends decrying \
     chiding touts trumpeting insulted congratulating crediting rebut promotes recommend \
     displayed reciting extolled applauding \
     issued signed offering pressed express expressing avoided debated brushed unveiling disavowing threaten  \
     mocks ripped savaging lauded lauding hailing condemn condemns defend slam \
     sounded documented framed coined billed tout mock jab savaged \
     oppose favor favors passed lists released published",
);

/// Verbs of appearance and hearsay adverbs.
static SEEM: WordList = WordList::new("seem seems seemed appear appears appeared reportedly");

/// Whether a word is a noun of saying or thinking that takes a "that" clause ("his claim that").
pub fn is_noun_cue(word: &str) -> bool {
    NOUN_CUES.contains(word)
}

/// Nouns of saying and thinking.
static NOUN_CUES: WordList = WordList::new(
    "statement claim claims suggestion concern assertion assertions doubt doubts warning warnings hopes fear fears \
     belief assurance assurances speculation admission remarks insistence allegation allegations worries worry \
     prediction predictions contention reports",
);

/// Verbs that are cues only with their particle.
static PARTICLE_ONLY: WordList = WordList::new(
    "\
     point points pointed pointing refer referred referring refers talk talked talking talks spoke speaking \
     weighed summed put puts made makes",
);

/// Whether a cue form is also a common noun ("the report", "his attacks"), to be read as a
/// verb only when no determiner, possessive, preposition or number comes right before it.
pub fn is_nounish(word: &str) -> bool {
    NOUNISH.contains(word)
}

/// Cue forms that are also common nouns.
static NOUNISH: WordList = WordList::new(
    "\
     says say reports report claims calls plans notes shows show promises pledges vows warns demands challenges \
     estimated doubts hopes hope worries worry cited supports backs wants thought questioned finds fear doubt \
     expect think believe want tell ask urge posted backed mocked dubbed labeled branded supported opposed \
     proposed demanded blamed praised described called intended expected worried insists argues concedes asks \
     tells urges predicts recalls responds replies remarks observes denies cites blasts claim note estimate \
     recall reply respond complain praise blame call attack support",
);

/// Whether a word is one after which a noun, not a verb, follows ("the", "his", "to").
pub fn is_noun_context(word: &str) -> bool {
    NOUN_CONTEXT.contains(word)
}

/// Determiners, possessives, prepositions and copulas that precede nouns.
static NOUN_CONTEXT: WordList = WordList::new(
    "\
     the a an his her its their our my your this these those of in on for to with from by at about no any some \
     new first last whose such more most many few own other s into against over after before and or amid \
     despite without being was were is are be been",
);

/// Whether a word is a title or role written before a person's name ("Sen.", "President").
pub fn is_title(word: &str) -> bool {
    TITLES.contains(word)
}

/// Titles and roles written before names.
static TITLES: WordList = WordList::new(
    "\
     mr mrs ms miss dr sen senator rep representative gov governor president vice secretary gen attorney judge \
     justice speaker chairman chairwoman chair leader former mayor pope king queen prince princess sheikh rev \
     reverend lt col adm admiral sgt capt captain cmdr maj chief ambassador commissioner director professor \
     prof sir dame lord congressman congresswoman councilman councilwoman assemblyman assemblywoman sheriff \
     officer detective coach candidate nominee minister prime deputy spokesman spokeswoman ceo chancellor \
     premier emir ayatollah imam rabbi lady sens reps govs presidents trooper pastor bishop cardinal \
     superintendent lieutenant colonel sergeant delegate strategist adviser advisor aide analyst pollster \
     anchor host columnist commentator activist businessman businesswoman billionaire mogul economist author \
     founder executive counsel manager treasurer whip majority minority press general \
     republican democratic democrat gop",
);

/// Whether a word is an abbreviated title, written with a period ("Sen.", "Gov.").
pub fn is_abbreviated_title(word: &str) -> bool {
    ABBREVIATED_TITLES.contains(word)
}

/// Abbreviated titles.
static ABBREVIATED_TITLES: WordList = WordList::new(
    "\
     mr mrs ms dr sen rep gov gen lt col adm sgt capt rev",
);

/// Whether a lower-case word, right before a name, marks it as a person ("candidate").
pub fn is_role_noun(word: &str) -> bool {
    ROLE_NOUNS.contains(word)
}

/// Lower-case nouns for people's roles.
static ROLE_NOUNS: WordList = WordList::new(
    "\
     candidate nominee spokesman spokeswoman spokesperson adviser advisor aide chairman chairwoman senator \
     governor strategist director secretary president analyst professor attorney lawyer founder ceo executive \
     author writer columnist host anchor reporter economist pollster activist leader manager official \
     businessman billionaire mogul wife husband son daughter brother sister mother father rival opponent \
     challenger congressman congresswoman colleague friend mate hopeful contender frontrunner front-runner \
     representative mayor commentator pundit comedian actor actress singer star rapper judge justice chief \
     lawmaker veteran historian scientist researcher surrogate supporter critic operative consultant donor \
     speaker ambassador minister deputy counsel blogger journalist editor correspondent producer \
     daughter-in-law son-in-law running nephew niece grandson granddaughter cousin widow chair treasurer \
     organizer delegate governor-elect president-elect whip mr mrs ms",
);

/// Whether a word marks an organization name.
pub fn is_org_word(word: &str) -> bool {
    ORG_WORDS.contains(word)
}

/// Head words and names of organizations.
static ORG_WORDS: WordList = WordList::new(
    "\
     inc corp co llc ltd party department committee university agency news times journal council association \
     campaign commission court congress senate house bureau institute foundation group company network center \
     centre administration union bank office service services board club coalition fund organization \
     organisation project pac force army navy police ministry society college school museum academy conference \
     corporation alliance federation league church caucus reserve press tribune herald magazine daily radio \
     television tv channel media studio studios airlines motors industries partners associates capital holdings \
     institution assembly parliament cabinet legislature government authority guard corps command watch \
     initiative trust exchange chamber fed gazette review observer examiner reporter telegraph guardian \
     economist monitor politico cnn nbc abc cbs msnbc fox npr pbs reuters bloomberg breitbart twitter facebook \
     google republicans democrats gop fbi cia nsa isis isil nato pentagon kremlin hezbollah hamas taliban qaeda \
     polling poll research dnc rnc fec epa",
);

/// Whether a word can be followed by "of" inside a name ("Department of Justice").
pub fn takes_of(word: &str) -> bool {
    OF_HEADS.contains(word)
}

/// Head words that take "of" inside a name.
static OF_HEADS: WordList = WordList::new(
    "\
     department secretary university bank bureau board council committee office institute church court chamber \
     association league federation union republic party house ministry society college school center museum \
     academy commission conference corporation coalition alliance agency administration foundation fund \
     organization director chief chairman kingdom daughters sons knights friends federal city county district \
     attorney governor mayor people army secretaries minister speaker statue gulf bay lake isle cape strait",
);

/// Whether a word names a department after "Secretary of", dropped with the title.
pub fn is_department_word(word: &str) -> bool {
    DEPARTMENTS.contains(word)
}

/// Words of department names.
static DEPARTMENTS: WordList = WordList::new(
    "\
     state defense homeland security treasury labor commerce energy education agriculture transportation \
     interior health human services housing urban development veterans affairs justice war the and",
);

/// Whether a lower-case word is a particle inside personal names ("de", "bin").
pub fn is_name_particle(word: &str) -> bool {
    NAME_PARTICLES.contains(word)
}

/// Particles inside personal names.
static NAME_PARTICLES: WordList = WordList::new(
    "\
     de van von bin al da del la le du ibn der den",
);

/// Whether a word is capitalized only because it starts a sentence.
pub fn is_function_word(word: &str) -> bool {
    FUNCTION_WORDS.contains(word)
}

/// Function words and other common words that start sentences.
static FUNCTION_WORDS: WordList = WordList::new(
    "\
     the a an and but or nor so yet for in on at to from by with of about as after before since until while \
     when where why how what who whom whose which that this these those there here he she it they we i you his \
     her its their our my your him them us me if then than though although because unless whether not no yes \
     all some any many most more much few several each every both either neither one two three four five six \
     seven eight nine ten first second third last next other another such also still even just only now today \
     yesterday tomorrow tonight again however meanwhile instead indeed perhaps maybe already always never often \
     sometimes once later earlier soon well oh ok okay asked like unlike despite during against among between \
     through throughout without within into onto upon over under above below across along around behind beyond \
     near off out up down do does did is are was were be been being have has had will would can could should \
     may might must shall let please thank thanks according says said following including given based whatever \
     whoever everyone everybody someone somebody nobody nothing everything something anything anyone none very \
     too really actually clearly certainly obviously finally overall recently currently previously ultimately \
     basically especially particularly sure true right wrong good bad new old big great less least best worst \
     better worse beside besides whereas hence thus therefore otherwise ever rather quite almost nearly \
     approximately roughly update updated breaking watch read see look listen click follow sign subscribe \
     related photo video advertisement reading story getty images image source sources officials  \
      voters people  critics",
);

/// Whether a word is a day or month name, capitalized but never an actor ("May" is left out:
/// it is also a name).
pub fn is_calendar_word(word: &str) -> bool {
    CALENDAR.contains(word)
}

/// Day and month names.
static CALENDAR: WordList = WordList::new(
    "\
     monday tuesday wednesday thursday friday saturday sunday january february march april june july august \
     september october november december jan feb mar apr jun jul aug sept sep oct nov dec  ",
);

/// Whether a word is an article or a possessive determiner ("the", "his").
pub fn is_determiner(word: &str) -> bool {
    DETERMINERS.contains(word)
}

/// Articles and possessive determiners.
static DETERMINERS: WordList = WordList::new("the a an his her their its our my");

/// Whether a word is a personal pronoun that can be a subject.
pub fn is_subject_pronoun(word: &str) -> bool {
    SUBJECT_PRONOUNS.contains(word)
}

/// Subject pronouns.
static SUBJECT_PRONOUNS: WordList = WordList::new(
    "\
     he she they it i we you who",
);

/// Whether a word is a pronoun that can be the addressee of "told" or "asked".
pub fn is_object_pronoun(word: &str) -> bool {
    OBJECT_PRONOUNS.contains(word)
}

/// Object pronouns.
static OBJECT_PRONOUNS: WordList = WordList::new(
    "\
     him her them me us you it everyone everybody",
);

/// Whether a word can stand between a subject and its verb ("has also said").
pub fn is_verb_modifier(word: &str) -> bool {
    VERB_MODIFIERS.contains(word)
}

/// Auxiliaries, negation, adverbs, and the pieces of contractions.
static VERB_MODIFIERS: WordList = WordList::new(
    "\
     has have had also later then recently previously repeatedly once again publicly privately reportedly never \
     not did does do would will could may might should must can often frequently still even first quickly \
     flatly explicitly already just long is was are were been be widely initially subsequently since earlier \
     further simply clearly openly directly specifically separately angrily famously falsely correctly wrongly \
     accurately bluntly proudly confidently sharply strongly loudly quietly now always only actually personally \
     himself herself themselves ve s t didn doesn don hasn haven wasn isn ll d",
);

/// Whether a word is a form of "be".
pub fn is_be(word: &str) -> bool {
    matches!(
        word,
        "is" | "are" | "was" | "were" | "be" | "been" | "being" | "s" | "re"
    )
}

/// Whether a word is a modal verb ("could", "would").
pub fn is_modal(word: &str) -> bool {
    matches!(
        word,
        "can" | "could" | "will" | "would" | "may" | "might" | "should" | "must" | "shall"
    )
}

/// Whether a participle, after a form of "be" and before "as" or "for", says how something is
/// viewed or what it is known for ("is seen as", "was regarded as", "is known for").
pub fn is_view_participle(word: &str) -> bool {
    matches!(word, "seen" | "viewed" | "regarded" | "perceived" | "known")
}

/// Whether a word in -ly is a noun or adjective, not an adverb ("family", "early").
pub fn is_ly_noun(word: &str) -> bool {
    LY_NOUNS.contains(word)
}

/// Nouns and adjectives in -ly.
static LY_NOUNS: WordList = WordList::new(
    "\
     family ally rally supply assembly anomaly monopoly belly bully folly jelly early likely unlikely only \
     daily weekly monthly yearly elderly friendly lonely lovely ugly costly deadly holy silly timely \
     orderly wily",
);

/// Whether a word opens a new clause, so a subject search stops before it.
pub fn is_clause_opener(word: &str) -> bool {
    CLAUSE_OPENERS.contains(word)
}

/// Conjunctions and relative words.
static CLAUSE_OPENERS: WordList = WordList::new(
    "\
     that and but because when while as if although though since after before so where which whom whether until \
     unless or than once what how why",
);

/// Whether a word opens a subordinate clause that can come before the main one ("Although he
/// said …, the …"), so reported content inside it ends at the comma that closes it.
pub fn is_subordinator(word: &str) -> bool {
    SUBORDINATORS.contains(word)
}

/// Subordinating conjunctions and relative pronouns.
static SUBORDINATORS: WordList = WordList::new(
    "\
     although though as because when whenever while if once since after before whereas unless until who",
);

/// Whether a word can sit between a cue and its content ("said Tuesday that").
pub fn is_time_word(word: &str) -> bool {
    is_calendar_word(word) || TIME_WORDS.contains(word)
}

/// Time adverbs.
static TIME_WORDS: WordList = WordList::new(
    "\
     yesterday today tonight recently earlier later again also repeatedly privately publicly afterward \
     afterwards previously then now often frequently once last this week month year night morning evening \
     afternoon on",
);

/// Whether a word after a comma ends reported content: a clause of the writer's, not the
/// speaker's ("…, although", "…, which").
pub fn is_content_break(word: &str) -> bool {
    CONTENT_BREAKS.contains(word)
}

/// Words that open a writer's clause after a comma.
static CONTENT_BREAKS: WordList = WordList::new(
    "\
     but which although though whereas while especially despite",
);

/// Whether a word after the object of an evaluative act starts a phrase of the writer's, not
/// part of the object ("endorsed Sanders in the primary").
pub fn is_object_break(word: &str) -> bool {
    OBJECT_BREAKS.contains(word)
}

/// Prepositions of time and setting, and conjunctions, that end an act's object.
static OBJECT_BREAKS: WordList = WordList::new(
    "\
     during since despite while when because until amid although though",
);

/// Whether a word names a document or message that a participle of saying can follow ("a
/// statement saying", "a letter urging").
pub fn is_document_noun(word: &str) -> bool {
    DOCUMENT_NOUNS.contains(word)
}

/// Documents and messages.
static DOCUMENT_NOUNS: WordList = WordList::new(
    "\
     statement statements letter letters tweet tweets email emails memo report message messages note release \
     post video ad ads op-ed editorial column petition resolution",
);

/// Whether a noun of intention takes a "to" clause as what is intended ("his decision to").
pub fn is_intent_noun(word: &str) -> bool {
    INTENT_NOUNS.contains(word)
}

/// Nouns of intention.
static INTENT_NOUNS: WordList = WordList::new(
    "\
     plan plans decision proposal promise promises pledge pledges vow desire reluctance inclination refusal \
     intention threat threats determination willingness",
);

/// Whether `word prep` takes a topic noun phrase as its content ("critical of", "railed
/// against").
pub fn is_topic(word: &str, prep: &str) -> bool {
    matches!(
        prep,
        "about" | "of" | "for" | "on" | "against" | "at" | "with" | "to" | "in"
    ) && TOPICS.contains(&format!("{word}/{prep}"))
}

/// Words with the preposition that introduces their topic, written `word/preposition`.
static TOPICS: WordList = WordList::new(
    "\
     questions/about concerns/about concern/about doubts/about worried/about worries/about \
     thinking/about comments/about remarks/about spoke/about talked/about talking/about \
     talks/about talk/about wrote/about asked/about complained/about \
     critical/of supportive/of skeptical/of sceptical/of wary/of proponent/of critic/of criticism/of critique/of \
     defense/of mention/of boasted/of warned/of accusations/of \
     called/for calling/for calls/for call/for advocate/for advocated/for pushing/for pushed/for praise/for \
     pushes/for \
     called/on calling/on calls/on comment/on commented/on \
     railed/against rails/against railing/against warned/against attacks/against \
     balked/at \
     sided/with \
     support/for supporter/of voted/for voting/for opinion/on opinion/of message/about spoken/about \
     thinks/about apologized/for apologize/for swipes/at hinting/at referring/to pointed/to pointing/to \
     points/to responded/to endorsement/of endorsements/of rejection/of backlash/against \
     campaigning/against interest/in \
     reacted/to apologized/for alluding/to sparred/with opposition/to favor/of complaints/about criticisms/of \
     reference/to references/to",
);

/// Titles and the role they give in an affiliation, longest first within a head word; the
/// role names are the Arabic titles' (lexicon/grammar/titles.tsv).
const ROLES: &[(&str, &str)] = &[
    ("secretary of state", "foreign_minister"),
    ("foreign secretary", "foreign_minister"),
    ("foreign minister", "foreign_minister"),
    ("secretary of defense", "defence_minister"),
    ("defense secretary", "defence_minister"),
    ("defence secretary", "defence_minister"),
    ("defense minister", "defence_minister"),
    ("defence minister", "defence_minister"),
    ("interior minister", "interior_minister"),
    ("finance minister", "finance_minister"),
    ("treasury secretary", "finance_minister"),
    ("secretary of the treasury", "finance_minister"),
    ("prime minister", "head_of_government"),
    ("vice president", "vice_president"),
    ("secretary general", "secretary_general"),
    ("secretary - general", "secretary_general"),
    ("attorney general", "attorney_general"),
    ("supreme leader", "supreme_leader"),
    ("crown prince", "crown_prince"),
    ("press secretary", "spokesperson"),
    ("spokesman", "spokesperson"),
    ("spokeswoman", "spokesperson"),
    ("spokesperson", "spokesperson"),
    ("president", "president"),
    ("minister", "minister"),
    ("secretary", "secretary"),
    ("ambassador", "ambassador"),
    ("envoy", "envoy"),
    ("director", "director"),
    ("chairman", "chair"),
    ("chairwoman", "chair"),
    ("chair", "chair"),
    ("chief", "chief"),
    ("ceo", "chief_executive"),
    ("chief executive", "chief_executive"),
    ("leader", "leader"),
    ("king", "king"),
    ("senator", "senator"),
    ("sen", "senator"),
    ("governor", "governor"),
    ("gov", "governor"),
    ("mayor", "mayor"),
    ("adviser", "adviser"),
    ("advisor", "adviser"),
    ("commander", "commander"),
    ("general", "general"),
    ("gen", "general"),
    ("official", "official"),
];

/// The role a role phrase's words give (lower case, in order), from the longest title in it.
pub fn role_of(words: &[&str]) -> Option<&'static str> {
    let joined = format!(" {} ", words.join(" "));
    ROLES
        .iter()
        .filter(|(title, _)| joined.contains(&format!(" {title} ")))
        .max_by_key(|(title, _)| title.len())
        .map(|&(_, role)| role)
}

/// Whether a role phrase is a title of the United States government alone, which names no
/// country ("Secretary of State", "former Defense Secretary").
pub fn implies_united_states(phrase: &str) -> bool {
    let title = phrase.strip_prefix("former ").unwrap_or(phrase);
    matches!(
        title,
        "secretary of state"
            | "secretary of defense"
            | "defense secretary"
            | "treasury secretary"
            | "secretary of the treasury"
            | "homeland security secretary"
            | "secretary of homeland security"
    )
}

/// Whether a lower-case word can stand inside a role phrase besides titles ("foreign",
/// "of", "senior").
pub fn is_role_modifier(word: &str) -> bool {
    ROLE_MODIFIERS.contains(word)
}

/// Words inside role phrases.
static ROLE_MODIFIERS: WordList = WordList::new(
    "\
     foreign defense defence interior finance treasury state homeland security of the acting assistant senior \
     top national policy communications longtime then",
);
