//! English: named entities from capitalization and context, and statements (who said what) from
//! quotes and cue verbs. The lexicon is applied on top by [`super`]: an entity whose name the
//! lexicon knows gets the lexicon's canonical name and kind.

mod entities;
mod layout;
mod lexicon;
pub(crate) mod relations;
mod statements;

use super::text::Doc;
use super::types::Kind;

/// A named entity found in English text.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    /// The fullest name seen for it in the article ("Hillary Clinton" even where one mention is
    /// just "Clinton").
    pub name: String,
    /// Best guess of its kind.
    pub kind: Kind,
    /// Token ranges (first, one past last) of its mentions.
    pub mentions: Vec<(usize, usize)>,
}

/// A statement found in English text: a [`Statement`](super::types::Statement) whose `speaker`
/// indexes the entities returned beside it (the caller maps entities to actors).
pub type EnStatement = super::types::Statement;

/// Finds entities and statements in an English document.
pub fn analyze(doc: &Doc) -> (Vec<Entity>, Vec<EnStatement>) {
    let layout = layout::Layout::new(doc);
    let mut found = entities::find(doc, &layout);
    let statements = statements::find(doc, &layout, &mut found);
    (found.list, statements)
}

#[cfg(test)]
mod tests {
    //! Every sentence below is taken from the PolNeAR training texts.

    use super::*;
    use crate::extract::StatementKind;

    /// Analyzes a document: a title, then paragraphs separated by blank lines.
    fn run(title: &str, paragraphs: &[&str]) -> (Vec<Entity>, Vec<EnStatement>) {
        analyze(&Doc::new(&format!("{title}\n\n{}", paragraphs.join("\n\n"))))
    }

    /// The statement whose text starts with `start`.
    fn find<'a>(statements: &'a [EnStatement], start: &str) -> &'a EnStatement {
        statements
            .iter()
            .find(|s| s.text.starts_with(start))
            .unwrap_or_else(|| panic!("no statement starting {start:?} in {statements:#?}"))
    }

    /// The name of a statement's speaker.
    fn speaker<'a>(entities: &'a [Entity], s: &EnStatement) -> Option<&'a str> {
        s.speaker.map(|e| entities[e].name.as_str())
    }

    #[test]
    fn direct_quote_then_speaker_and_cue() {
        let (entities, statements) = run(
            "Clinton wins",
            &[
                "''The race for the Democratic nomination is in the home stretch, and victory is in sight,'' Mrs. \
               Clinton added, reflecting the overwhelming mathematical advantage she has in delegates.",
            ],
        );
        let s = find(&statements, "''The race");
        assert_eq!(
            s.text,
            "''The race for the Democratic nomination is in the home stretch, and victory is in sight,''"
        );
        assert_eq!(s.kind, StatementKind::Direct);
        assert_eq!(s.cue, "added");
        assert_eq!(s.speaker_surface.as_deref(), Some("Mrs. Clinton"));
        assert_eq!(speaker(&entities, s), Some("Clinton"));
        assert_eq!(s.sentence, 1);
    }

    #[test]
    fn speaker_said_that_content() {
        let doc = "Title\n\nDonald Trump flies a Boeing 757.\n\nMr. Trump said that he was aware of the Boeing's \
                   limitations and that he did not ''use it that much.'' According to F.A.A. records, the Boeing has \
                   flown about 333 hours.";
        let doc = Doc::new(doc);
        let (entities, statements) = analyze(&doc);
        let s = find(&statements, "that he was aware");
        assert_eq!(
            s.text,
            "that he was aware of the Boeing's limitations and that he did not ''use it that much.''"
        );
        assert_eq!(doc.slice(s.start, s.end), s.text);
        assert_eq!(s.kind, StatementKind::Mixed);
        assert_eq!(s.cue, "said");
        assert_eq!(speaker(&entities, s), Some("Donald Trump"));
    }

    #[test]
    fn according_to_after_the_content() {
        let (entities, statements) = run(
            "Delegates",
            &[
                "Including superdelegates, Clinton now has a total of at least 723 delegates, according to a count by \
               The Associated Press. Sanders has at least 158.",
            ],
        );
        let s = find(&statements, "Including");
        assert_eq!(
            s.text,
            "Including superdelegates, Clinton now has a total of at least 723 delegates"
        );
        assert_eq!(s.cue, "according to");
        assert_eq!(s.kind, StatementKind::Indirect);
        assert_eq!(s.speaker_surface.as_deref(), Some("a count by The Associated Press"));
        assert_eq!(speaker(&entities, s), Some("Associated Press"));
    }

    #[test]
    fn quote_then_inverted_cue_and_speaker() {
        let (entities, statements) = run(
            "Report",
            &[
                "\"The Department is committed to transparency, and the issues addressed in this report have the full \
               attention of Secretary Kerry and the Department's senior staff,\" said spokesman John Kirby, referring \
               to Clinton's successor, John F. Kerry.",
            ],
        );
        let s = find(&statements, "\"The Department");
        assert!(s.text.ends_with("senior staff,\""), "{}", s.text);
        assert_eq!(s.kind, StatementKind::Direct);
        assert_eq!(s.cue, "said");
        assert_eq!(speaker(&entities, s), Some("John Kirby"));
        let kerry = entities
            .iter()
            .find(|e| e.name == "John F. Kerry")
            .expect("John F. Kerry");
        assert_eq!(kerry.kind, Kind::Person);
        assert_eq!(kerry.mentions.len(), 2, "Secretary Kerry is John F. Kerry");
    }

    #[test]
    fn pronoun_speaker_and_a_quote_carried_on_over_sentences() {
        let (entities, statements) = run(
            "Convention",
            &[
                "At center stage was Trump's eldest daughter, Ivanka Trump, who spoke passionately about her father's \
               competitive drive. \"I have seen him fight for his family,\" she said. \"I have seen him fight for his \
               employees, I have seen him fight for his company, and now I am seeing him fight for our country. It's \
               been the story of his life and, more recently, the spirit of his campaign.\"",
            ],
        );
        let s = find(&statements, "\"I have seen him fight for his family,\"");
        assert!(s.text.ends_with("the spirit of his campaign.\""), "{}", s.text);
        assert_eq!(s.kind, StatementKind::Direct);
        assert_eq!(s.speaker_surface.as_deref(), Some("she"));
        assert_eq!(speaker(&entities, s), Some("Ivanka Trump"));
    }

    #[test]
    fn told_an_addressee_then_content_with_a_pronoun_speaker() {
        let (entities, statements) = run(
            "Speeches",
            &[
                "Huckabee offered a similar explanation when POLITICO reported on his schedule of paid speeches in \
               2007, during the former Arkansas governor’s first bid for president. At the time, he told POLITICO he \
               had kept up his paid speaking schedule because it was an important source of income for his family.",
            ],
        );
        let s = find(&statements, "he had kept up");
        assert_eq!(s.cue, "told");
        assert_eq!(s.kind, StatementKind::Indirect);
        assert!(s.text.ends_with("source of income for his family"), "{}", s.text);
        assert_eq!(speaker(&entities, s), Some("Huckabee"));
    }

    #[test]
    fn participle_after_a_clause_takes_its_subject() {
        let (entities, statements) = run(
            "Puerto Rico",
            &[
                "Sanders released a statement in opposition to the Puerto Rico deal last week, insisting that the \
               United States “must stop treating Puerto Rico like a colony.”",
            ],
        );
        let s = find(&statements, "that the United States");
        assert_eq!(s.cue, "insisting");
        assert_eq!(s.kind, StatementKind::Mixed);
        assert_eq!(speaker(&entities, s), Some("Sanders"));
    }

    #[test]
    fn quotation_signed_with_a_dash_in_the_next_paragraph() {
        let (entities, statements) = run(
            "Debate",
            &[
                "\"Boeing and GE and other multinationals . . . pay zero taxes.\"",
                "- Sanders.",
            ],
        );
        let s = find(&statements, "\"Boeing");
        assert_eq!(
            s.text,
            "\"Boeing and GE and other multinationals . . . pay zero taxes.\""
        );
        assert_eq!(s.cue, "-");
        assert_eq!(s.kind, StatementKind::Direct);
        assert_eq!(speaker(&entities, s), Some("Sanders"));
    }

    #[test]
    fn headline_name_colon_text() {
        let (entities, statements) = run(
            "John McCain: Republican Populist Anger Appeals to ‘Bad Angels Of Our Nature.’",
            &["Senator John McCain (R-AZ) spoke about populist anger."],
        );
        let s = find(&statements, "Republican Populist Anger");
        assert_eq!(s.cue, "headline");
        assert_eq!(s.sentence, 0);
        assert_eq!(speaker(&entities, s), Some("John McCain"));
    }

    #[test]
    fn appearance_with_its_subject_as_source() {
        let (entities, statements) = run(
            "Carson",
            &[
                "Carson seems to recognize his credibility problem on national security — he told the AP that his \
               task was to educate himself.",
            ],
        );
        let s = find(&statements, "Carson");
        assert_eq!(s.cue, "seems");
        assert_eq!(speaker(&entities, s), Some("Carson"));
        assert!(s.text.contains("to recognize his credibility problem"), "{}", s.text);
    }

    #[test]
    fn titles_are_dropped_and_kinds_guessed() {
        let (entities, _) = run(
            "Lynch",
            &[
                "Former Arizona State Senator Dr. Kelli Ward called for the impeachment of U.S. Attorney General \
               Loretta Lynch following news that the Department of Justice would sue North Carolina over the \
               state’s new bathroom bill.",
            ],
        );
        let kind_of = |name: &str| entities.iter().find(|e| e.name == name).map(|e| e.kind);
        assert_eq!(kind_of("Kelli Ward"), Some(Kind::Person));
        assert_eq!(kind_of("Loretta Lynch"), Some(Kind::Person));
        assert_eq!(kind_of("Department of Justice"), Some(Kind::Organization));
        assert!(kind_of("North Carolina").is_some());
    }

    #[test]
    fn surnames_and_possessives_link_to_the_full_name() {
        let (entities, _) = run(
            "Poll",
            &[
                "NEW YORK, Dec. 14 (UPI) — In hypothetical match-ups, former Secretary of State Hillary Clinton would \
               beat Donald Trump and Sen. Ted Cruz, R-Texas, but lose to Ben Carson or Sen. Marco Rubio, R-Fla.",
                "Clinton’s lead over Trump is small.",
            ],
        );
        let clinton = entities
            .iter()
            .find(|e| e.name == "Hillary Clinton")
            .expect("Hillary Clinton");
        assert_eq!(clinton.kind, Kind::Person);
        assert_eq!(clinton.mentions.len(), 2);
        let trump = entities
            .iter()
            .find(|e| e.name == "Donald Trump")
            .expect("Donald Trump");
        assert_eq!(trump.mentions.len(), 2);
        assert!(
            entities
                .iter()
                .all(|e| !e.name.contains('’') && !e.name.starts_with("Sen"))
        );
    }

    /// PolNeAR train, breitbart_2016-02-08_lynch-no-outside-influence-on-fb.
    #[test]
    fn adjective_with_a_topic_preposition() {
        let (entities, statements) = run(
            "Lynch",
            &[
                "Republicans have been critical of Clinton’s use of personal email during her bid for the Democratic \
               presidential nomination.",
            ],
        );
        let s = find(&statements, "Clinton’s use");
        assert_eq!(s.cue, "critical of");
        assert!(s.text.ends_with("presidential nomination"), "{}", s.text);
        assert_eq!(speaker(&entities, s), Some("Republicans"));
    }

    /// PolNeAR train, huff-post_2016-02-07_the-latest-gop-debate-kicked-off: the topic of
    /// "railed against" ends where a new clause opens.
    #[test]
    fn verb_with_a_topic_ends_at_the_clause() {
        let (entities, statements) = run(
            "Debate",
            &[
                "Rubio said the real extremist on abortion is Hillary Clinton, and he railed against Democratic debate \
               moderators for failing to bring up abortion during any of the five debates so far.",
            ],
        );
        let s = find(&statements, "Democratic debate moderators");
        assert_eq!(s.cue, "railed against");
        assert_eq!(speaker(&entities, s), Some("Rubio"));
        let said = find(&statements, "the real extremist");
        assert_eq!(said.text, "the real extremist on abortion is Hillary Clinton");
    }

    /// PolNeAR train, nyt_2016-02-18_trump-fires-up-g-o-p-base-by-pri: a noun of intention with a
    /// possessor; without one ("a decision to") there is no statement.
    #[test]
    fn intention_noun_with_a_possessor() {
        let (entities, statements) = run(
            "Trump",
            &[
                "Trump's decision to seize on immigration as his signature issue has showed how out of step the \
               Republican establishment is with rank-and-file voters.",
            ],
        );
        let s = find(&statements, "to seize on immigration");
        assert_eq!(s.cue, "decision");
        assert_eq!(speaker(&entities, s), Some("Trump"));
        // politico_2015-12-15_carson-huckabee-fiorina-earned-s: no possessor, no statement.
        let (_, none) = run(
            "Speeches",
            &[
                "The decision to give paid speeches forces the three Republican candidates to navigate a complex set of \
               rules that, in many ways, requires them and their audiences to suspend reality.",
            ],
        );
        assert!(none.iter().all(|s| s.cue != "decision"), "{none:?}");
    }

    /// PolNeAR train, huff-post_2016-07-26_obama-administration-to-expand-p: ", although" opens
    /// the writer's clause, not the speaker's.
    #[test]
    fn content_ends_before_a_concessive_clause() {
        let (_, statements) = run(
            "Policy",
            &["He said the policy changes were an improvement, although eligibility is still too narrow."],
        );
        let s = find(&statements, "the policy changes");
        assert_eq!(s.text, "the policy changes were an improvement");
    }

    /// PolNeAR train, huff-post_2015-12-03_cnn-president-on-trump-we-do-not: an opening
    /// participle is not a name.
    #[test]
    fn an_opening_participle_is_not_an_entity() {
        let (entities, statements) = run(
            "CNN",
            &[
                "Downplaying the importance of television ratings in an era where more and more consumers get their \
               news online, Zucker said CNN’s business “is so much broader” than television ratings.",
            ],
        );
        assert!(entities.iter().all(|e| e.name != "Downplaying"), "{entities:?}");
        let s = find(&statements, "CNN’s business");
        assert_eq!(speaker(&entities, s), Some("Zucker"));
    }

    /// PolNeAR train, huff-post_2015-12-10_white-supremacists-are-capitaliz: "reports that" after
    /// a name is the verb, with its speaker, not the noun.
    #[test]
    fn a_cue_verb_that_is_also_a_noun_of_saying() {
        let (entities, statements) = run(
            "White supremacists",
            &[
                "David Duke reports that the businessman has given more Americans cover to speak out loud about white \
               nationalism than at any time since his own political campaigns in the 1990s.",
            ],
        );
        let s = find(&statements, "that the businessman");
        assert_eq!(s.cue, "reports");
        assert_eq!(speaker(&entities, s), Some("David Duke"));
    }

    /// PolNeAR train, huff-post_2016-02-01_here-s-why-winning-iowa-could-br: whom something seems
    /// true of is the source.
    #[test]
    fn the_subject_of_an_appearance_is_its_source() {
        let (entities, statements) = run(
            "Iowa",
            &["Obama himself seemed to recognize the significance of the Iowa victory."],
        );
        let s = find(&statements, "Obama");
        assert_eq!(s.cue, "seemed");
        assert_eq!(speaker(&entities, s), Some("Obama"));
    }

    /// PolNeAR train, nyt_2016-02-08_twitter-takes-bigger-steps-to-th: "it" is the organization
    /// named before.
    #[test]
    fn it_refers_to_the_organization_named_before() {
        let (entities, statements) = run(
            "Twitter",
            &[
                "In a blog post on Friday, Twitter said violent threats and the promotion of terrorism had long been \
               against its terms of service. It added that it has worked with groups that are trying to counter \
               extremist recruitment tactics through positive messaging.",
            ],
        );
        let s = find(&statements, "that it has worked");
        assert_eq!(s.cue, "added");
        assert_eq!(speaker(&entities, s), Some("Twitter"));
    }

    /// PolNeAR train, breitbart_2016-02-08_lynch-no-outside-influence-on-fb: party members are
    /// not the party organization.
    #[test]
    fn republicans_are_not_the_republican_party() {
        let article = crate::article::Article::from_stored(
            "Lynch".to_owned(),
            vec![
                "Republicans have been critical of Clinton’s use of personal email during her bid for the \
                 Democratic presidential nomination."
                    .to_owned(),
            ],
            "en".to_owned(),
        );
        let ex = crate::extract::Extractor::new().extract(&article);
        let speaker = ex.statements[0].speaker.map(|a| ex.actors[a].name.as_str());
        assert_eq!(speaker, Some("Republicans"));
    }

    /// PolNeAR train, breitbart_2015-12-21_chelsea-clinton-husband-expectin: what is expected,
    /// with its subject and no source.
    #[test]
    fn an_expectation_without_a_source() {
        let (_, statements) = run(
            "Chelsea Clinton",
            &[
                "The birth of the newest Clinton is expected to coincide with the Republican and Democratic national \
               conventions in the second half of July.",
            ],
        );
        let s = find(&statements, "The birth of the newest Clinton");
        assert_eq!(s.cue, "expected");
        assert_eq!(s.speaker, None);
        assert!(s.text.contains("to coincide with the Republican"), "{}", s.text);
    }

    /// PolNeAR train, breitbart_2015-12-20_republican-donor-adelson-and-tru (the first sentence
    /// cut short): knowledge, like belief, with a clause.
    #[test]
    fn knowledge_is_a_belief_frame() {
        let (entities, statements) = run(
            "Adelson",
            &[
                "MACAU (Reuters) – Top Republican Party donor Sheldon Adelson said on Friday he met presidential \
                 candidate Donald Trump earlier this week.",
                "Sheldon knows that nobody will be more loyal to Israel than Donald Trump.",
            ],
        );
        let s = find(&statements, "that nobody will be more loyal");
        assert_eq!(s.cue, "knows");
        assert_eq!(speaker(&entities, s), Some("Sheldon Adelson"));
    }

    /// PolNeAR train, wash-post_2016-04-10_why-new-york-is-pivotal-for-clin,
    /// huff-post_2016-03-21_the-rise-of-switzerland-s-trump and
    /// wash-post_2016-09-04_growing-up-american-only-to-lear: cue forms used as other words.
    #[test]
    fn cue_forms_that_are_not_cues_here() {
        let sentences = [
            "Beyond that, his advisers say that neither candidate can achieve the 2,383 delegates needed for \
             nomination on the basis of pledged delegates alone, and they say that would leave the issue of who \
             becomes the nominee in the hands of the super delegates.",
            "This piece first appeared on Global Risk Insights.",
            "Her legal residency was still valid, so she continued to renew it and got a South Korean passport for \
             travel abroad.",
        ];
        for text in sentences {
            let (_, statements) = run("Title", &[text]);
            assert!(
                statements
                    .iter()
                    .all(|s| !matches!(s.cue.as_str(), "pledged" | "appeared" | "continued")),
                "{statements:#?}"
            );
        }
    }

    /// PolNeAR train, wash-post_2016-01-16_ex-cia-chief-in-benghazi-breaks-: content ends where a
    /// clause with a plain noun subject and its own cue begins ("but officials said").
    #[test]
    fn content_ends_before_a_plain_subject_with_a_cue() {
        let (_, statements) = run(
            "Benghazi",
            &[
                "Zuckoff said he had numerous conversations with the CIA office of public affairs about the project, \
               but officials said those talks came only after a draft of the book was finished.",
            ],
        );
        let s = find(&statements, "he had numerous conversations");
        assert!(s.text.ends_with("about the project"), "{}", s.text);
        let s = find(&statements, "those talks came");
        assert_eq!(s.cue, "said");
    }

    /// PolNeAR train, usa-today_2016-07-27_clinton-still-faces-a-spoiler-in and
    /// breitbart_2016-03-01_the-latest-sanders-wins-minnesot: cue verbs PolNeAR annotates often.
    #[test]
    fn more_cue_verbs() {
        let (entities, statements) = run(
            "Sanders",
            &[
                "In Philadelphia on Monday, Sanders again reiterated that the party must support Clinton in November.",
                "Clinton decried the GOP for “turning its back” on America’s working and middle class citizens.",
            ],
        );
        let s = find(&statements, "that the party must support Clinton");
        assert!(s.text.ends_with("support Clinton"), "{}", s.text);
        assert_eq!(s.cue, "reiterated");
        assert_eq!(speaker(&entities, s), Some("Sanders"));
        let s = find(&statements, "the GOP for");
        assert_eq!(s.cue, "decried");
        assert_eq!(speaker(&entities, s), Some("Clinton"));
        // huff-post_2016-03-10_refoulement-violates-internation
        let (entities, statements) = run(
            "Refugees",
            &["Grandi welcomed the EU’s financial contribution to support Turkey and refugee communities in Turkey."],
        );
        let s = find(&statements, "the EU’s financial contribution");
        assert_eq!(s.cue, "welcomed");
        assert_eq!(speaker(&entities, s), Some("Grandi"));
    }

    /// PolNeAR train, breitbart_2016-01-05_the-latest-cruz-to-give-away-eng: "referring to" takes
    /// a topic.
    #[test]
    fn referring_to_a_topic() {
        let (_, statements) = run(
            "Cruz",
            &["Gross was referring to Jim Brady and his wife, Sarah, the organization’s founders."],
        );
        let s = find(&statements, "Jim Brady");
        assert_eq!(s.cue, "referring to");
    }

    /// PolNeAR train, huff-post_2016-06-17_trump-s-supporters-may-be-the-re: a belief reported in
    /// speech is one statement, not the speech and the belief inside it.
    #[test]
    fn a_reported_belief_is_read_once() {
        let (entities, statements) = run(
            "Sexton",
            &["Sexton said he thinks many back Trump more as an excuse than as a candidate."],
        );
        assert_eq!(statements.len(), 1, "{statements:#?}");
        let s = find(&statements, "he thinks many back Trump");
        assert_eq!(speaker(&entities, s), Some("Sexton"));
    }

    /// PolNeAR train, wash-post_2016-04-28_with-woman-s-card-trump-escalate: a belief whose clause
    /// opens with a bare plural noun and no "that".
    #[test]
    fn a_belief_with_a_bare_clause() {
        let (_, statements) = run(
            "Clinton",
            &[
                "Clinton strategists think women are likely to be the key to a general-election victory for the \
               former secretary of state.",
            ],
        );
        let s = find(&statements, "women are likely to be the key");
        assert_eq!(s.cue, "think");
    }

    /// PolNeAR train, nyt_2016-02-18_trump-fires-up-g-o-p-base-by-pri: the object of an
    /// evaluative act ends at the comma before an apposition to the whole clause.
    #[test]
    fn an_act_object_ends_at_its_comma() {
        let (_, statements) = run(
            "Trump",
            &[
                "Donald J. Trump spoke in Gaffney, S.C., on Wednesday.",
                "He dismissed ideological labels altogether, a sentiment endorsed by the 10,000 people in the arena, \
                 who thundered their approval over and over.",
            ],
        );
        let s = find(&statements, "ideological labels");
        assert_eq!(s.text, "ideological labels altogether");
    }

    /// PolNeAR train, wash-post_2015-11-24_pfizer-deal-s-tax-strategy-assai: a party and state in
    /// brackets do not hide the quotation before the name, and "in a statement" is not content.
    #[test]
    fn a_bracketed_affiliation_and_a_setting_after_the_cue() {
        let (entities, statements) = run(
            "Pfizer",
            &[
                "\"By nominally moving overseas while continuing to take all the benefits of a U.S. company, Pfizer is \
                 gaming the system and will avoid paying its fair share of U.S. tax dollars,\" Senate Minority Leader \
                 Harry M. Reid (D-Nev.) said in a statement. \"It's time for Congress to get serious, close the \
                 loopholes, and prevent these kind of inversions from happening in the future.\"",
            ],
        );
        assert!(statements.iter().all(|s| s.text != "in a statement"), "{statements:#?}");
        let s = find(&statements, "\"By nominally moving overseas");
        assert!(s.text.ends_with("happening in the future.\""), "{}", s.text);
        assert_eq!(speaker(&entities, s), Some("Harry M. Reid"));
    }

    /// PolNeAR train, wash-post_2016-01-17_cruz-glad-to-finish-fight-with-t: a question ends its
    /// sentence, and the speaker and cue follow as a sentence of their own.
    #[test]
    fn a_question_then_the_speaker_in_a_sentence_of_its_own() {
        let (entities, statements) = run(
            "Cruz",
            &[
                "Donald Trump spoke in Iowa.",
                "\"Why's he attacking me?\" Trump said. \"He's got to knock out seven or eight guys before he gets \
                 to me.\"",
            ],
        );
        let s = find(&statements, "\"Why's he attacking me?\"");
        assert!(s.text.ends_with("before he gets to me.\""), "{}", s.text);
        assert_eq!(speaker(&entities, s), Some("Donald Trump"));
    }

    /// PolNeAR train, west-journal_2015-11-13_ben-carson-just-dropped-a-powerf: the object of an
    /// act ends before a phrase of time.
    #[test]
    fn an_act_object_ends_before_a_phrase_of_time() {
        let (_, statements) = run(
            "Carson",
            &["Trump also attacked Hillary Clinton and Marco Rubio during the course of the rant."],
        );
        let s = find(&statements, "Hillary Clinton");
        assert_eq!(s.cue, "attacked");
        assert_eq!(s.text, "Hillary Clinton and Marco Rubio");
    }

    /// PolNeAR train, huff-post_2016-08-31_france-s-marine-le-pen-backs-tru: a name set off by
    /// commas after its role is the subject, of the verb and of the participle after it.
    #[test]
    fn a_name_after_its_role_is_the_speaker() {
        let (entities, statements) = run(
            "Le Pen",
            &[
                "PARIS, Aug 31 (Reuters) - France’s far-right National Front party leader, Marine Le Pen, voiced \
                 support for U.S. Republican presidential candidate Donald Trump on Wednesday, saying his Democratic \
                 rival Hillary Clinton would bring war and hardship to the world.",
            ],
        );
        let s = find(&statements, "support for");
        assert_eq!(s.cue, "voiced");
        assert_eq!(speaker(&entities, s), Some("Marine Le Pen"));
        let s = find(&statements, "his Democratic rival");
        assert_eq!(speaker(&entities, s), Some("Marine Le Pen"));
    }

    /// PolNeAR train, politico_2015-12-28_carly-fiorina-bill-clinton-s-fai: a topic inside the
    /// object of an act is the same attribution read twice.
    #[test]
    fn a_topic_inside_an_act_object_is_read_once() {
        let (entities, statements) = run(
            "Fiorina",
            &["Carly Fiorina spoke in Iowa. She also criticized Trump's past support for liberal policy ideas."],
        );
        assert_eq!(statements.len(), 1, "{statements:#?}");
        let s = find(&statements, "Trump's past support");
        assert_eq!(s.cue, "criticized");
        assert_eq!(speaker(&entities, s), Some("Carly Fiorina"));
    }

    /// PolNeAR train, wash-post_2016-02-14_nomination-questions-are-likely-: what a statement
    /// says is the content, not the statement.
    #[test]
    fn a_document_with_a_participle_of_saying() {
        let (entities, statements) = run(
            "Scalia",
            &[
                "On Saturday, Trump issued a statement saying that Scalia was \"a remarkable person and a brilliant \
                 Supreme Court justice, one of the best of all time.\"",
            ],
        );
        assert!(
            statements.iter().all(|s| !s.text.starts_with("a statement")),
            "{statements:#?}"
        );
        let s = find(&statements, "that Scalia was");
        assert_eq!(speaker(&entities, s), Some("Trump"));
    }

    /// PolNeAR train, usa-today_2016-01-26_candidates-fan-out-in-iowa-as-ca: a party and state
    /// after a name, set off by commas, are not the speaker.
    #[test]
    fn a_party_and_state_after_the_name_are_not_the_speaker() {
        let (entities, statements) = run(
            "Iowa",
            &[
                "Sen. Rand Paul, R-Ky., told Fox News that polls could be \"way off,\" and have been unreliable in past \
               races.",
            ],
        );
        let s = find(&statements, "that polls could be");
        assert_eq!(s.cue, "told");
        assert_eq!(speaker(&entities, s), Some("Rand Paul"));
    }

    /// PolNeAR train, nyt_2015-11-09_jobs-report-gives-democrats-a-li: "sounded", one of the
    /// verbs PolNeAR annotates as a cue at a high rate.
    #[test]
    fn sounding_a_note_is_an_act() {
        let (entities, statements) = run(
            "Jobs",
            &[
                "Bill McInturff, the Republican half of a bipartisan polling team for The Wall Street Journal and NBC \
               News, sounded a cautious note about the jobs report.",
            ],
        );
        let s = find(&statements, "a cautious note");
        assert_eq!(s.cue, "sounded");
        assert_eq!(speaker(&entities, s), Some("Bill McInturff"));
    }

    /// PolNeAR train, wash-post_2016-06-27_the-revolutionary-s-next-tactic-: a frame that names
    /// no source is listed as an unnamed source, not as one extraction failed to resolve.
    #[test]
    fn a_frame_without_a_source_is_anonymous() {
        let article = crate::article::Article::from_stored(
            "Sanders".to_owned(),
            vec!["Obama is expected to join Clinton on the campaign trail soon.".to_owned()],
            "en".to_owned(),
        );
        let ex = crate::extract::Extractor::new().extract(&article);
        let s = &ex.statements[0];
        assert_eq!(s.cue, "expected");
        assert_eq!(s.speaker, None);
        assert!(s.anonymous, "{s:?}");
    }

    /// PolNeAR train, nyt_2016-04-28_nomination-almost-certain-clinto and
    /// wash-post_2016-03-03_staffer-who-set-up-clinton-email: a name after an opening word set
    /// off by commas, and "current and former officials", are subjects.
    #[test]
    fn subjects_after_an_opening_phrase_and_with_and() {
        let (entities, statements) = run(
            "Sanders",
            &[
                "Still, Tad Devine, a senior adviser to Mr. Sanders, said on Tuesday that the campaign would not \
                 mislead voters about his chances at winning the nomination.",
                "As the FBI looks to wrap up its investigation in the coming months, agents are likely to want to \
                 interview Clinton and her senior aides about the decision to use a private server, current and \
                 former officials said.",
            ],
        );
        let s = find(&statements, "that the campaign would not mislead");
        assert_eq!(speaker(&entities, s), Some("Tad Devine"));
        let s = find(&statements, "As the FBI looks");
        assert_eq!(s.speaker_surface.as_deref(), Some("current and former officials"));
    }

    /// PolNeAR train, nyt_2016-07-15_latest-poll-has-trump-pulling-ev: a number before a verb
    /// of saying is its subject, not a count of nouns.
    #[test]
    fn a_share_of_respondents_says() {
        let (_, statements) = run(
            "Poll",
            &["More than six in 10 said they were not looking forward to the next few months of the campaign."],
        );
        let s = find(&statements, "they were not looking forward");
        assert_eq!(s.cue, "said");
        assert_eq!(s.speaker_surface.as_deref(), Some("six in 10"));
    }

    /// PolNeAR train, politico_2016-01-29_record-setting-spending-spree-re and
    /// usa-today_2016-01-12_energy-guns-top-young-voters-age: an act participle right after its
    /// source noun, and "see" as a belief.
    #[test]
    fn an_act_participle_after_its_noun_and_seeing_as_belief() {
        let (entities, statements) = run(
            "Ads",
            &[
                "Right to Rise USA, the super PAC supporting Jeb Bush, spent $1.2 million on digital ads.",
                "By 2-1, Millennials see police violence against African Americans as a problem.",
            ],
        );
        let s = find(&statements, "Jeb Bush");
        assert_eq!(s.cue, "supporting");
        assert_eq!(s.text, "Jeb Bush");
        assert_eq!(s.speaker_surface.as_deref(), Some("the super PAC"));
        let s = find(&statements, "police violence");
        assert_eq!(s.cue, "see");
        assert!(s.text.ends_with("as a problem"), "{}", s.text);
        assert!(
            speaker(&entities, s).is_some_and(|n| n.contains("Millennials")),
            "{s:?}"
        );
    }

    /// PolNeAR train, wash-post_2015-11-23_seven-gop-presidential-hopefuls-: "in hopes that" is
    /// the subject's hope, and an adverb in -ly does not hide the subject.
    #[test]
    fn hopes_of_the_subject_and_an_adverb_before_the_verb() {
        let (entities, statements) = run(
            "Rubio",
            &[
                "Rubio spoke in Iowa. He has carefully avoided alienating supporters of Carson and Donald Trump in hopes \
                 that if and when the two political newcomers flame out, he will be the natural receptacle for their \
                 supporters.",
            ],
        );
        let s = find(&statements, "that if and when");
        assert_eq!(s.cue, "hopes");
        assert_eq!(speaker(&entities, s), Some("Rubio"));
    }

    /// PolNeAR train, wash-post_2015-11-16_clinton-s-claim-that-percent-of- and
    /// breitbart_2016-02-18_poll-bernie-sanders-burns-hillar: a transcript line whose name has
    /// lower-case titles, and a name before a colon and a quotation inside a sentence.
    #[test]
    fn colon_attributions() {
        let (entities, statements) = run(
            "Clinton",
            &[
                "Former secretary of state Hillary Rodham Clinton:\"We learned that from the State Department and their \
                 analysis of the e-mails that were already on the system.\"",
                "The timing of Sanders’ surge doesn’t surprise Republican pollster Daron Shaw: “Historically, \
                 lesser-known candidates beating establishment candidates in early contests have seen the biggest \
                 boost in their national support.”",
            ],
        );
        let s = find(&statements, "\"We learned that");
        assert_eq!(speaker(&entities, s), Some("Hillary Rodham Clinton"));
        let s = find(&statements, "“Historically");
        assert_eq!(s.cue, ":");
        assert_eq!(speaker(&entities, s), Some("Daron Shaw"));
    }

    /// PolNeAR train, nyt_2016-02-08_twitter-takes-bigger-steps-to-th and
    /// wash-post_2016-04-17_cruz-wins-most-wyo-delegates-in-: "made clear" is a cue, and a
    /// setting phrase may follow the speaker of content before the cue.
    #[test]
    fn made_clear_and_a_setting_after_the_speaker() {
        let (entities, statements) = run(
            "Twitter",
            &[
                "Twitter has now made clear that it was stepping up its fight to stem that tide.",
                "His allegiance has shifted from Carly Fiorina to Rubio to, now, Cruz, Wilkin said during his campaign \
                 speech to be a national delegate.",
            ],
        );
        let s = find(&statements, "that it was stepping up");
        assert_eq!(s.cue, "made clear");
        assert_eq!(speaker(&entities, s), Some("Twitter"));
        let s = find(&statements, "His allegiance");
        assert!(s.text.ends_with("now, Cruz"), "{}", s.text);
        assert_eq!(speaker(&entities, s), Some("Wilkin"));
    }

    /// PolNeAR train, wash-post_2016-04-21_what-s-next-for-sanders-much-res and
    /// politico_2016-01-27_the-steep-cost-of-cruz-s-county-: the question of a passive "asked",
    /// with the asker after "by", and a question opening with "which".
    #[test]
    fn passive_questions() {
        let (entities, statements) = run(
            "Sanders",
            &[
                "Sanders was asked by host John Dickerson whether his aim was similar to Kennedy's.",
                "Asked which Iowa county was his favorite, he demurred.",
            ],
        );
        let s = find(&statements, "whether his aim");
        assert_eq!(s.cue, "asked");
        assert_eq!(speaker(&entities, s), Some("John Dickerson"));
        let s = find(&statements, "which Iowa county");
        assert_eq!(s.text, "which Iowa county was his favorite");
        assert_eq!(s.speaker, None);
    }

    /// PolNeAR train, politico_2015-12-01_could-an-accident-by-janet-yelle: a relative pronoun
    /// is the subject of what is expected.
    #[test]
    fn an_expectation_of_a_relative_pronoun() {
        let (_, statements) = run(
            "Fed",
            &["But the first Fed move, which is widely expected to come on Dec. 16, presents a potential wild card."],
        );
        let s = find(&statements, "which");
        assert_eq!(s.cue, "expected");
        assert_eq!(s.text, "which to come on Dec. 16");
    }

    /// PolNeAR train, breitbart_2015-12-11_charles-barkley-takes-on-donald- and
    /// politico_2016-02-17_bush-rubio-collide-in-scramble-f: content said inside a relative or a
    /// fronted subordinate clause ends with the clause.
    #[test]
    fn content_in_a_fronted_or_relative_clause_ends_at_its_comma() {
        let (entities, statements) = run(
            "Barkley",
            &[
                "Barkley, who said he typically votes democratic, said one candidate he likes so far is Ohio Governor \
               John Kasich.",
                "Because exit polls in New Hampshire and Iowa indicated that Trump was strongly supported by early \
               deciders, there’s a sense among some that he might be winning them in Florida.",
            ],
        );
        assert_eq!(find(&statements, "he typically").text, "he typically votes democratic");
        let s = find(&statements, "one candidate");
        assert_eq!(speaker(&entities, s), Some("Barkley"));
        let s = find(&statements, "that Trump was");
        assert_eq!(s.text, "that Trump was strongly supported by early deciders");
        assert_eq!(s.cue, "indicated");
    }

    /// PolNeAR train, wash-post_2016-07-15_truck-attack-in-france-kills-at-: reported speech
    /// before "she said" goes on into the quotation after it.
    #[test]
    fn content_before_the_cue_goes_on_into_the_next_quotation() {
        let (_, statements) = run(
            "Nice",
            &[
                "\"People were celebrating\" before the incident, she said. \"And it was so peaceful. It was a \
               festivity vibe.\"",
            ],
        );
        let s = find(&statements, "\"People were");
        assert_eq!(
            s.text,
            "\"People were celebrating\" before the incident \"And it was so peaceful. It was a festivity vibe.\""
        );
        assert_eq!(s.kind, StatementKind::Mixed);
    }

    /// PolNeAR train, wash-post_2016-04-17_donald-trump-is-not-a-racist-guy: a quotation after a
    /// second cue ("adding") is that cue's statement, not more of the first.
    #[test]
    fn a_quotation_after_adding_is_its_own_statement() {
        let (_, statements) = run(
            "Hicks",
            &[
                "\"They are not affiliated with the campaign,\" she said, adding, \"Mr. Trump is incredibly grateful \
               for their support.\"",
            ],
        );
        assert_eq!(
            find(&statements, "\"They").text,
            "\"They are not affiliated with the campaign,\""
        );
        assert_eq!(find(&statements, "\"Mr. Trump").cue, "adding");
    }

    /// PolNeAR train, nyt_2016-05-31_trampling-latinos-sensibilities: an opening "But" does not
    /// hide the subject of "said" behind its appositive and relative clause.
    #[test]
    fn subject_with_appositive_after_an_opening_conjunction() {
        let (entities, statements) = run(
            "Latinos",
            &[
                "But Mr. Guerrero, a Republican who described himself as a religious Catholic, said he recoiled when \
               Mr. Trump began attacking Heidi Cruz, Senator Ted Cruz's wife.",
            ],
        );
        let s = find(&statements, "he recoiled");
        assert_eq!(speaker(&entities, s), Some("Guerrero"));
    }

    /// PolNeAR train, west-journal_2016-07-30_republican-medal-of-honor-winner: a "that" that ends
    /// the sentence is a pronoun, not the start of the content.
    #[test]
    fn a_final_that_is_a_pronoun() {
        let (_, statements) = run(
            "Benghazi",
            &["Groberg says it is hard to blame any one person for that."],
        );
        let s = find(&statements, "it is hard");
        assert_eq!(s.text, "it is hard to blame any one person for that");
    }

    /// PolNeAR train, west-journal_2016-05-27_rush-limbaugh-explains-the-democ: "went on to say"
    /// is a cue whose subject comes before "went".
    #[test]
    fn went_on_to_say() {
        let (entities, statements) = run(
            "Limbaugh",
            &[
                "“This is a testament to his instincts,” Limbaugh said.",
                "He went on to say that some Democrats, such as Joe Manchin and others, are mad at Sanders for \
               agreeing to the debate.",
            ],
        );
        let s = find(&statements, "that some Democrats");
        assert_eq!(s.cue, "say");
        assert_eq!(speaker(&entities, s), Some("Limbaugh"));
    }

    #[test]
    fn a_passive_view_is_the_subject_and_what_it_is_seen_as() {
        // nyt_2016-02-01_iowa-caucus-is-first-look-into-m, usa-today_2016-07-15_ginsburg-apologizes-for-trump-co
        let (_, statements) = run(
            "Iowa",
            &[
                "But Mr. Sanders is seen as empowering regular voters against the will of party apparatchiks.",
                "Ginsburg is known for her liberal bent, but the comments created a firestorm.",
            ],
        );
        let s = find(&statements, "Mr. Sanders");
        assert_eq!(s.cue, "seen");
        assert_eq!(s.speaker, None);
        assert!(
            s.text
                .ends_with("as empowering regular voters against the will of party apparatchiks")
        );
        let s = find(&statements, "Ginsburg");
        assert_eq!(s.cue, "known");
        assert!(s.text.ends_with("for her liberal bent"), "{s:?}");
    }

    #[test]
    fn what_someone_wants_to_be_seen_as_is_no_passive_view() {
        // nyt_2016-07-29_obama-lays-out-stakes-for-a-divi
        let (_, statements) = run(
            "Obama",
            &[
                "Obama, whose approval ratings have risen above 50 percent, was loath to be seen as taking a victory lap, \
               as departing two-term presidents before him have done at their conventions.",
            ],
        );
        assert!(statements.iter().all(|s| s.cue != "seen"), "{statements:#?}");
    }

    #[test]
    fn cast_as_presents_its_object_but_a_cast_ballot_is_no_statement() {
        // wash-post_2016-07-22_republican-assails-elites-as-he-, and a sentence of the New Hampshire
        // midnight vote story in the same texts.
        let (entities, statements) = run(
            "Trump",
            &[
                "Throughout his remarks, Trump cast himself as a change agent and Clinton as a guardian of the status quo.",
                "Wilson told The Post and Courier newspaper of Charleston on Saturday that he cast his ballot for Rubio.",
            ],
        );
        let s = find(&statements, "himself as a change agent");
        assert_eq!(s.cue, "cast");
        assert_eq!(speaker(&entities, s), Some("Trump"));
        assert!(
            statements
                .iter()
                .all(|s| s.cue != "cast" || s.text.starts_with("himself"))
        );
    }

    #[test]
    fn read_next_to_a_quotation_gives_its_words() {
        // politico_2016-07-02_sanders-california-supporters-ca, wash-post_2016-02-12_cruz-reboots-his-attacks-on-trum
        let (_, statements) = run(
            "Sanders",
            &[
                "Dawson smiled and triumphantly lifted a sign of her own.",
                "“I am still Sanders,” it read.",
                "\"Friend, let me be blunt. I can beat Hillary Clinton. Donald can't,\" the email read.",
            ],
        );
        let s = find(&statements, "“I am still Sanders,”");
        assert_eq!(s.cue, "read");
        let s = find(&statements, "\"Friend, let me be blunt.");
        assert_eq!(s.cue, "read");
    }

    #[test]
    fn a_quotation_after_a_second_verb_of_the_speaker_is_not_carried_on() {
        // usa-today_2016-03-02_no-clear-path-points-to-white-ho
        let (_, statements) = run(
            "Clinton",
            &[
                "\"We know we've got work to do,\" she told a cheering crowd, then referred to Trump's signature campaign \
               slogan. \"But that work is not to make America great again. America never stopped being great.\"",
            ],
        );
        let s = find(&statements, "\"We know");
        assert_eq!(s.cue, "told");
        assert_eq!(s.text, "\"We know we've got work to do,\"");
    }

    #[test]
    fn an_opening_asked_clause_is_the_question_not_the_answer() {
        // breitbart_2016-04-14_the-latest-trump-delivers-defens, nyt_2016-03-23_why-sanders-lags-on-black-vote-h
        let (entities, statements) = run(
            "Ryan",
            &[
                "Asked if Trump’s comments had rattled them as well, Ryan said, “Sure. I get that, too. Everybody pays \
               attention to our politics.”",
                "Asked during a January debate why he trailed Hillary Clinton so badly among minority voters, Senator \
               Bernie Sanders said he would gain ground once those voters became familiar with his track record.",
            ],
        );
        let q = find(&statements, "if Trump’s comments");
        assert_eq!(q.text, "if Trump’s comments had rattled them as well");
        assert_eq!(q.speaker, None);
        let a = find(&statements, "“Sure.");
        assert_eq!(speaker(&entities, a), Some("Ryan"));
        let q = find(&statements, "why he trailed");
        assert_eq!(q.text, "why he trailed Hillary Clinton so badly among minority voters");
    }

    #[test]
    fn according_to_after_a_fronted_phrase_or_a_colon_reads_the_clause_after_it() {
        // nyt_2016-01-20_falling-deficit-to-reverse-cours, huff-post_2016-07-18_more-offensive-things-donald-tru
        let (_, statements) = run(
            "Deficit",
            &[
                "Over the long term, according to the budget office, the rise in annual deficits and debt ''is mainly \
               attributable to the aging of the population.''",
                "And it hasn’t gone unnoticed: According to recent polls, Trump holds only 14 percent of the Latino vote.",
            ],
        );
        let s = find(&statements, "Over the long term");
        assert!(s.text.contains("the rise in annual deficits"), "{s:?}");
        let s = find(&statements, "Trump holds");
        assert_eq!(s.text, "Trump holds only 14 percent of the Latino vote");
    }

    #[test]
    fn content_before_told_and_its_addressee() {
        // huff-post_2016-05-19_these-are-the-people-missing-in-, politico_2016-06-10_afl-cio-to-endorse-clinton
        let (_, statements) = run(
            "Union",
            &[
                "He had been completing his second year, a school spokesman told The Wall Street Journal.",
                "The union will likely sit out the election altogether, UMWA Director of Government Affairs Phil Smith \
               told POLITICO earlier this week.",
            ],
        );
        let s = find(&statements, "He had been");
        assert_eq!(s.text, "He had been completing his second year");
        assert_eq!(s.cue, "told");
        let s = find(&statements, "The union");
        assert_eq!(s.text, "The union will likely sit out the election altogether");
        assert!(statements.iter().all(|s| !s.text.contains("Street Journal")));
    }

    #[test]
    fn a_cue_with_content_after_a_quotation_is_not_the_quotations_frame() {
        // breitbart_2016-01-10_trump-tells-in-reno-nfl-has-gone
        let (entities, statements) = run(
            "Trump",
            &[
                "Trump says “the whole game has become screwed up” because “football has become soft like the country \
               has become soft.” He says referees are constantly throwing penalty flags just so their wives can see \
               them on TV.",
            ],
        );
        let s = find(&statements, "“the whole game");
        assert_eq!(s.cue, "says");
        let s = find(&statements, "referees are");
        assert_eq!(
            s.text,
            "referees are constantly throwing penalty flags just so their wives can see them on TV"
        );
        assert_eq!(speaker(&entities, s), Some("Trump"));
    }

    #[test]
    fn a_that_after_but_is_a_second_clause_of_the_content() {
        // breitbart_2016-02-20_the-latest-hillary-clinton-tells
        let (_, statements) = run(
            "Clinton",
            &["Clinton says many doubted her in Nevada but that she and her supporters never doubted each other."],
        );
        let s = find(&statements, "many doubted her");
        assert_eq!(s.cue, "says");
        // "she and her supporters" is one subject: the content does not end at its "and".
        assert_eq!(
            s.text,
            "many doubted her in Nevada but that she and her supporters never doubted each other"
        );
    }

    #[test]
    fn says_after_and_with_a_clause_is_a_verb() {
        // breitbart_2016-02-20_the-latest-hillary-clinton-tells
        let (entities, statements) = run(
            "Reid",
            &[
                "Harry Reid says he will make an endorsement in the Democratic presidential race when he returns to \
               Washington.",
                "Reid caucused in Nevada on Saturday and says he voted “uncommitted.”",
            ],
        );
        let s = find(&statements, "he voted");
        assert_eq!(s.cue, "says");
        assert_eq!(speaker(&entities, s), Some("Harry Reid"));
    }

    #[test]
    fn an_act_inside_what_was_said_is_not_a_statement_of_its_own() {
        // nyt_2015-12-14_visa-screening-missed-attacker-s
        let (_, statements) = run(
            "Malik",
            &["She said she supported it. And she said she wanted to be a part of it."],
        );
        let s = find(&statements, "she supported it");
        assert_eq!(s.cue, "said");
        // "it" supported and "to be a part of it" wanted lie inside what she said.
        assert_eq!(statements.len(), 2, "{statements:#?}");
    }

    #[test]
    fn a_finding_before_a_cue_that_ends_the_sentence() {
        // usa-today_2016-05-12_poll-battleground-senate-races-a
        let (_, statements) = run(
            "Poll",
            &[
                "Battleground Senate races in Ohio, Pennsylvania and Florida are all close, a Quinnipiac University \
               poll shows.",
            ],
        );
        let s = find(&statements, "Battleground");
        assert_eq!(s.cue, "shows");
        assert_eq!(
            s.text,
            "Battleground Senate races in Ohio, Pennsylvania and Florida are all close"
        );
    }

    #[test]
    fn of_two_statements_whose_contents_cross_the_shorter_goes() {
        // breitbart_2016-07-21_trump-fever-infects-convention-f
        let (_, statements) = run(
            "Susan",
            &[
                "Her liberal friends have mocked Trump’s rhetoric-heavy campaign, calling Trump “an orange buffoon,” \
               Susan said as she turned around and spread her cape.",
            ],
        );
        let s = find(&statements, "Her liberal friends");
        assert_eq!(s.cue, "said");
        // "Trump “an orange buffoon,” Susan said as …" (calling) would share words with it.
        assert!(statements.iter().all(|t| t.cue != "calling"), "{statements:#?}");
    }

    #[test]
    fn content_resumes_after_an_inverted_cue_that_cuts_it() {
        // politico_2016-07-08_clinton-unleashes-democratic-dre
        let (_, statements) = run(
            "Doyle",
            &[
                "The contrast with Trump, said Doyle and others, would be clear since Trump has no former Republican \
               presidents by his side.",
            ],
        );
        let s = find(&statements, "The contrast");
        assert_eq!(s.cue, "said");
        assert_eq!(
            s.text,
            "The contrast with Trump would be clear since Trump has no former Republican presidents by his side"
        );
    }
}
