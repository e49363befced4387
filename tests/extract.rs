//! Extraction on real sentences, one test per pattern family, and snapshots of what the seed
//! article yields. Sentences come from the seed page and the ANT corpus (see
//! tests/fixtures/SOURCES.md for origins and licences); none is invented.

mod common;

use isnad::article::Article;
use isnad::extract::{Extraction, Extractor, StatementKind};

fn extract(paragraphs: &[&str]) -> Extraction {
    extract_dated(paragraphs, None)
}

fn name(ex: &Extraction, i: usize) -> &str {
    &ex.actors[i].name
}

/// (speaker, text, kind, cue) of every statement.
fn statements(ex: &Extraction) -> Vec<(String, String, StatementKind, String)> {
    ex.statements
        .iter()
        .map(|s| {
            (
                s.speaker.map_or(String::new(), |i| name(ex, i).to_owned()),
                s.text.clone(),
                s.kind,
                s.cue.clone(),
            )
        })
        .collect()
}

/// (subject, predicate, object, negated) of every relation.
fn relations(ex: &Extraction) -> Vec<(String, &'static str, String, bool)> {
    ex.relations
        .iter()
        .map(|r| {
            (
                name(ex, r.subject).to_owned(),
                r.predicate,
                name(ex, r.object).to_owned(),
                r.negated,
            )
        })
        .collect()
}

fn has_relation(ex: &Extraction, subject: &str, predicate: &str, object: &str) -> bool {
    relations(ex)
        .iter()
        .any(|(s, p, o, _)| s == subject && *p == predicate && o == object)
}

#[test]
fn role_nisba_name_gives_the_speaker_and_an_affiliation() {
    // ANT, SkyNews middleEast 326 (2018-03-16).
    let ex = extract(&[
        "اعتبر وزير الخارجية الروسي سيرغي لافروف، أن تهديد الولايات المتحدة بضرب العاصمة السورية دمشق \"غير مقبول\".",
    ]);
    let st = statements(&ex);
    assert_eq!(st.len(), 1, "{st:?}");
    assert_eq!(st[0].0, "Sergey Lavrov");
    assert!(st[0].1.starts_with("تهديد الولايات المتحدة"), "{st:?}");
    assert_eq!(st[0].2, StatementKind::Mixed);
    assert_eq!(st[0].3, "اعتبر");
    let aff = ex
        .relations
        .iter()
        .find(|r| r.predicate == "affiliation")
        .expect("an affiliation");
    assert_eq!(
        (name(&ex, aff.subject), name(&ex, aff.object)),
        ("Sergey Lavrov", "Russia")
    );
    assert_eq!(aff.role.as_deref(), Some("foreign_minister"));
}

#[test]
fn counterpart_with_nisba_meets_and_a_colon_quote_is_direct() {
    // ANT (2018), a German foreign minister in Washington.
    let ex = extract(&[
        "وأوضح ماس بعد لقاء مع نظيره الأميركي، مايك بومبيو، في واشنطن : \" لا يزال أمامنا طريق طويل للتوصل إلى تسوية، فنحن نأخذ مسارين مختلفين تماما\"، وفق \"فرانس برس\".",
    ]);
    assert!(
        has_relation(&ex, "Heiko Maas", "meet", "Mike Pompeo"),
        "{:?}",
        relations(&ex)
    );
    assert!(
        has_relation(&ex, "Mike Pompeo", "affiliation", "United States"),
        "{:?}",
        relations(&ex)
    );
    let st = statements(&ex);
    assert_eq!(st[0].0, "Heiko Maas");
    assert_eq!(st[0].2, StatementKind::Direct);
    assert!(st[0].1.starts_with("لا يزال أمامنا طريق طويل"));
}

#[test]
fn a_pronoun_after_but_refers_to_the_last_named_speaker() {
    // ANT (2018): the Israeli army confirms a video, "but it said that ...".
    let ex = extract(&[
        "من جهته، أكد الجيش الإسرائيلي صحة شريط الفيديو لكنه قال إنه تم تصويره في 22 كانون الأول/ديسمبر الماضي في منطقة كيسوفيم.",
    ]);
    let st = statements(&ex);
    assert_eq!(st.len(), 1, "{st:?}");
    assert_eq!(st[0].0, "Israel Defense Forces");
    assert_eq!(st[0].3, "قال");
    assert!(st[0].1.starts_with("تم تصويره"));
    assert_eq!(ex.statements[0].speaker_surface.as_deref(), Some("لكنه"));
}

#[test]
fn an_omitted_subject_continues_the_previous_speaker() {
    // The seed page: "وأوضح أن ..." right after Lavrov spoke.
    let ex = extract(&[
        "وقال لافروف خلال لقاء مع الصحافيين في السفارة الروسية بواشنطن \"آراؤنا متطابقة: مهما حصل، يجب ان ندعو الى اجتماع جنيف-2 في أقرب وقت ممكن\".",
        "وأوضح أن دبلوماسيين روسا وأميركيين سوف يلتقون في نهاية شهر أغسطس/آب لبحث تنظيم هذا المؤتمر الدولي والذي تأجل باستمرار منذ شهر مايو/أيار.",
    ]);
    let st = statements(&ex);
    assert_eq!(st.len(), 2, "{st:?}");
    assert_eq!((st[0].0.as_str(), st[0].2), ("Sergey Lavrov", StatementKind::Direct));
    assert_eq!(
        (st[1].0.as_str(), st[1].2, st[1].3.as_str()),
        ("Sergey Lavrov", StatementKind::Indirect, "أوضح")
    );
    assert!(st[1].1.starts_with("دبلوماسيين روسا"));
}

#[test]
fn a_subject_before_the_verb_is_the_speaker() {
    // The seed page: SVO with an unknown person introduced by a title and a given name.
    let ex = extract(&[
        "كما أن المستشار الدبلوماسي للكرملين يوري اوشاكوف أعلن الجمعة انه لن يعقد إي لقاء منفرد بين أوباما وبوتين على هامش قمة العشرين التي ستعقد في سبتمبر / أيلول في سان بطرسبورغ الروسية.",
    ]);
    let st = statements(&ex);
    assert_eq!(st[0].0, "يوري اوشاكوف");
    assert!(st[0].1.starts_with("لن يعقد"));
    assert!(
        has_relation(&ex, "يوري اوشاكوف", "affiliation", "Kremlin"),
        "{:?}",
        relations(&ex)
    );
    // "there will be no meeting between Obama and Putin": a negated meeting.
    let r = relations(&ex);
    assert!(
        r.iter()
            .any(|(s, p, o, neg)| s == "Barack Obama" && *p == "meet" && o == "Vladimir Putin" && *neg),
        "{r:?}"
    );
}

#[test]
fn hosts_and_guests_split_where_the_coordination_stops() {
    // The seed page: Kerry and Hagel hosted Lavrov and Shoigu.
    let ex = extract(&[
        "وقال وزير الخارجية الأميركي جون كيري إنه يتعين على واشنطن وموسكو إيجاد سبل للتغلب على خلافاتهما الحادة.",
        "واستضاف كيري ووزير الدفاع تشاك هاغل وزير الخارجية الروسي سيرغي لافروف ووزير الدفاع سيرغي شويغو ، في محادثات استمرت خمس ساعات.",
    ]);
    for (host, guest) in [
        ("John Kerry", "Sergey Lavrov"),
        ("John Kerry", "Sergei Shoigu"),
        ("Chuck Hagel", "Sergey Lavrov"),
        ("Chuck Hagel", "Sergei Shoigu"),
    ] {
        assert!(
            has_relation(&ex, host, "host", guest),
            "{host} host {guest}: {:?}",
            relations(&ex)
        );
    }
    assert!(!has_relation(&ex, "John Kerry", "host", "Chuck Hagel"));
}

#[test]
fn asylum_granted_by_a_capital_and_an_affiliation_through_a_role_noun() {
    // The seed page.
    let ex = extract(&[
        "تأتي هذه المحادثات في وقت بلغت فيه الأجواء السياسية بين الدولتين أدنى مستوى لها منذ نهاية الحرب لاسيما بعد قرار موسكو منح اللجوء للمتعاقد السابق مع وكالة الأمن القومي الأميركية إدوارد سنودن.",
        "ورغم قضية سنودن، قال كيري انه يأمل في العمل مع روسيا حول النزاع في سورية.",
    ]);
    assert!(
        has_relation(&ex, "Moscow", "grant_asylum", "إدوارد سنودن"),
        "{:?}",
        relations(&ex)
    );
    assert!(
        has_relation(&ex, "إدوارد سنودن", "affiliation", "National Security Agency"),
        "{:?}",
        relations(&ex)
    );
    // The bare surname in the next paragraph is the same person.
    let snowden = ex.actors.iter().position(|a| a.name == "إدوارد سنودن").unwrap();
    assert_eq!(ex.mentions.iter().filter(|m| m.actor == snowden).count(), 2);
    assert_eq!(statements(&ex)[0].0, "John Kerry");
}

#[test]
fn two_actors_joined_before_an_agreement_word_agree() {
    // The seed page.
    let ex = extract(&[
        "أعلن وزير الخارجية الروسي سيرغي لافروف بعد لقاء مع نظيره الأميركي جون كيري في واشنطن الجمعة أن روسيا والولايات المتحدة متفقتان على ضرورة تنظيم مؤتمر جنيف-2 الدولي حول السلام في سوريا \"في أقرب وقت ممكن\".",
    ]);
    assert!(
        has_relation(&ex, "Russia", "agree", "United States"),
        "{:?}",
        relations(&ex)
    );
    assert!(
        has_relation(&ex, "Sergey Lavrov", "meet", "John Kerry"),
        "{:?}",
        relations(&ex)
    );
    assert_eq!(statements(&ex)[0].0, "Sergey Lavrov");
}

#[test]
fn offsets_point_at_the_text_in_the_document() {
    let paragraphs =
        ["وقال وزير الخارجية الأميركي جون كيري إنه يتعين على واشنطن وموسكو إيجاد سبل للتغلب على خلافاتهما الحادة."];
    let article = Article::from_stored(
        "عنوان".into(),
        paragraphs.iter().map(|p| (*p).to_owned()).collect(),
        "ar".into(),
    );
    let ex = Extractor::new().extract(&article);
    let doc: Vec<char> = article.document().chars().collect();
    let cut = |s: usize, e: usize| doc[s..e].iter().collect::<String>();
    for m in &ex.mentions {
        assert_eq!(cut(m.start, m.end), m.surface);
    }
    for s in &ex.statements {
        assert_eq!(cut(s.start, s.end), s.text);
        assert_eq!(s.sentence, 1);
    }
}

#[test]
fn the_seed_article_end_to_end() {
    let env = common::Env::new();
    let seed = env.copy(common::SEED, "seed.txt");
    env.ingest(&[&seed]);
    let pick = |what: &str, keys: &[&str]| -> Vec<serde_json::Value> {
        match env.json(&[what]) {
            serde_json::Value::Array(rows) => rows
                .iter()
                .map(|o| serde_json::Value::Object(keys.iter().map(|k| ((*k).to_owned(), o[*k].clone())).collect()))
                .collect(),
            other => panic!("{what}: expected an array, got {other}"),
        }
    };
    let pretty = |v: Vec<serde_json::Value>| serde_json::to_string_pretty(&v).unwrap();
    insta::assert_snapshot!(
        "seed_actors",
        pretty(pick("actors", &["name", "kind", "country", "mentions"]))
    );
    insta::assert_snapshot!(
        "seed_statements",
        pretty(pick("statements", &["speaker", "kind", "cue", "text", "start", "end"]))
    );
    insta::assert_snapshot!(
        "seed_relations",
        pretty(pick(
            "relations",
            &["subject", "predicate", "object", "negated", "role", "confidence"]
        ))
    );
}

#[test]
fn a_role_noun_resolves_to_the_person_the_article_introduced_with_it() {
    // ANT, Alarabia internationalNews 1340 (2018-05-26).
    let ex = extract(&[
        "قال وزير الخارجية الأميركي مايك بومبيو إن النظام الإيراني يشكل تهديداً خطيراً على استقرار الشرق الأوسط.",
        "وقال وزير الخارجية الأميركي إن \"الاتفاقية التي أبرمتها الإدارة السابقة لم تخدم أياً من مصالح الشعب الإيراني\".",
    ]);
    let st = statements(&ex);
    assert_eq!(st.len(), 2, "{st:?}");
    assert_eq!(st[1].0, "Mike Pompeo", "{st:?}");
    assert!(st[1].1.contains("لم تخدم أياً من مصالح"), "{st:?}");
}

#[test]
fn an_omitted_subject_is_the_last_subject_across_paragraphs() {
    // ANT, France24 middleEast 399 (2018-05-04): the subject of رفض writes on Twitter.
    let ex = extract(&[
        "من جانبه، رفض وزير الدفاع الإسرائيلي أفيغدور ليبرمان اعتذار الرئيس الفلسطيني. وكتب عبر تويتر: \"أبو مازن ناكر بائس للمحرقة أعد رسالة دكتوراه عن إنكار المحرقة\".",
    ]);
    let st = statements(&ex);
    assert_eq!(st.len(), 1, "{st:?}");
    assert_eq!(st[0].0, "Avigdor Lieberman", "{st:?}");
    assert_eq!(st[0].2, StatementKind::Direct);
    assert!(st[0].1.starts_with("أبو مازن ناكر بائس"), "{st:?}");
}

#[test]
fn a_newspaper_before_its_verb_speaks_and_the_newspaper_continues() {
    // ANT, France24 internationalNews 781 (2018-04-18).
    let ex = extract(&[
        "صحيفة ذي واشنطن بوست ذكرت أن وزير الخارجية الأمريكي المكلف مايك بومبيو عقد اجتماعا سريا مع الزعيم الكوري الشمالي كيم جونغ أون.",
        "الصحيفة أضافت نقلا عن مصدرين مطلعين، أن الاجتماع جاء بهدف مناقشة الأساس الذي بناء عليه ستعقد القمة.",
    ]);
    let st = statements(&ex);
    assert_eq!(st.len(), 2, "{st:?}");
    assert_eq!(st[0].0, "The Washington Post", "{st:?}");
    assert_eq!(st[1].0, "The Washington Post", "{st:?}");
    assert!(st[1].1.starts_with("الاجتماع جاء بهدف"), "{st:?}");
}

#[test]
fn a_name_after_a_preposition_or_a_title_complement_is_not_the_speaker() {
    // ANT, BBC internationalNews 432 (2018-04-29).
    let ex = extract(&[
        "وقال وزير الخارجية الأمريكية الجديد، مايك بومبيو، إنه أجرى \"محادثة جيدة\" مع زعيم كوريا الشمالية كيم جونغ أون في بيونغيانغ مؤخرا.",
    ]);
    let st = statements(&ex);
    assert_eq!(st.len(), 1, "{st:?}");
    assert_eq!(st[0].0, "Mike Pompeo", "{st:?}");
    assert_eq!(st[0].2, StatementKind::Mixed);
}

#[test]
fn anonymous_sources_have_no_speaker_and_unknown_names_are_found() {
    // ANT, CNN middleEast 766 (2018-04-30) and France24 middleEast 377 (2018-04-29).
    let ex = extract(&[
        "وتسعى إدارة ترامب إلى تشكيل قوة عربية لتحل محل القوة العسكرية الأمريكية في سوريا، وقالت مصادر أمريكية مسؤولة، لCNN، إن الرئيس الأمريكي أكد رغبته في أن تدفع دول الخليج \"الغنية\" مزيدا من الأموال في سوريا.",
        "وقالت ماريانا التي كانت ترتدي عباءة وحجابا أسود إنها ذهبت إلى تركيا للعيش هناك.",
    ]);
    let anonymous: Vec<_> = ex.statements.iter().filter(|s| s.anonymous).collect();
    assert_eq!(anonymous.len(), 1, "{:?}", statements(&ex));
    assert_eq!(anonymous[0].speaker, None);
    assert!(anonymous[0].text.starts_with("الرئيس الأمريكي"));
    // A name no list knows is found by the name model and speaks (not anonymous).
    let mariana = ex
        .statements
        .iter()
        .find(|s| s.text.starts_with("ذهبت إلى تركيا"))
        .expect("a statement");
    assert!(!mariana.anonymous, "{:?}", statements(&ex));
    assert_eq!(
        mariana.speaker.map(|i| name(&ex, i)),
        Some("ماريانا"),
        "{:?}",
        statements(&ex)
    );
}

#[test]
fn according_to_makes_the_source_the_speaker() {
    // ANT, BBC middleEast 1115 (2018-10-17): the agency quotes the minister.
    let ex = extract(&[
        "تنتظر تركيا التوصل إلى تفاهم مشترك مع السعودية لبدء تفتيش مقر إقامة القنصل السعودي في اسطنبول بعد اختفاء الصحفي جمال خاشقجي، بحسب ما نقلته وكالة أنباء الأناضول الرسمية عن وزير الداخلية سليمان صويلو.",
    ]);
    let st = statements(&ex);
    let s = st.iter().find(|s| s.3 == "بحسب").expect("a بحسب statement");
    assert_eq!(s.0, "سليمان صويلو", "{st:?}");
    assert!(s.1.contains("التوصل إلى تفاهم مشترك مع السعودية"), "{st:?}");
}

#[test]
fn content_after_a_colon_skips_a_quoted_name_and_a_verb_reports_its_object() {
    // ANT, Alarabia internationalNews 1552 (2018-06-10) and BBC internationalNews 1119 (2018-09-26).
    let ex = extract(&[
        "وأضاف جعجع في مقابلة له مع موقع \"المدن\" الإلكتروني: \"سنرى إسلاماً حقيقياً مختلفاً عن الصورة التي جرى عكسها طوال السنوات الماضية\".",
        "واتهم الرئيس الأمريكي دونالد ترامب الصين بمحاولة \"التدخل\" في انتخابات التجديد النصفي.",
    ]);
    let st = statements(&ex);
    assert!(
        st.iter()
            .any(|s| s.1.starts_with("سنرى إسلاماً حقيقياً") && s.2 == StatementKind::Direct),
        "{st:?}"
    );
    let accuse = st.iter().find(|s| s.3 == "اتهم").expect("an اتهم statement");
    assert_eq!(accuse.0, "Donald Trump");
    assert!(accuse.1.contains("بمحاولة \"التدخل\" في انتخابات"), "{st:?}");
}

#[test]
fn a_subject_before_the_verb_wins_over_its_object_and_relative_clauses_keep_their_person() {
    // ANT, BBC internationalNews 184 (2018-03-18).
    let ex = extract(&[
        "وتأتي تعليقات الرئيس الأمريكي بعد يوم واحد من تصريحات لمحامي ترامب جون داود التي طالب فيها بانهاء التحقيق الذي يجريه مولر.",
        "وكان ترامب اتهم كومي بالادلاء بافادات كاذبة تحت القسم أمام لجنة مجلس الشيوخ.",
    ]);
    let st = statements(&ex);
    let demand = st.iter().find(|s| s.3 == "طالب").expect("a طالب statement");
    assert_eq!(demand.0, "جون داود", "{st:?}");
    assert!(demand.1.contains("بانهاء التحقيق"), "{st:?}");
    let accuse = st.iter().find(|s| s.3 == "اتهم").expect("an اتهم statement");
    assert_eq!(accuse.0, "Donald Trump", "{st:?}");
}

#[test]
fn a_capital_speaks_for_its_country_and_a_surname_for_the_full_name() {
    // ANT, BBC internationalNews 432 (2018-04-29) and France24 middleEast 399 (2018-05-04).
    let ex = extract(&[
        "ولسنوات، أصرت بيونغيانغ على أنها لن تتخلص أبدا من ترسانتها النووية.",
        "أصدر الرئيس الفلسطيني محمود عباس الجمعة بيانا اعتذر فيه عن الكلام الذي أدلى به خلال اجتماع المجلس المركزي الفلسطيني.",
        "وكان عباس قال في خطاب ألقاه الاثنين أمام المجلس الوطني الفلسطيني إن \"معاداة السامية في أوروبا لم تنشأ بسبب الدين اليهودي\".",
    ]);
    let st = statements(&ex);
    let insist = st.iter().find(|s| s.3 == "أصرت").expect("an أصرت statement");
    assert_eq!(insist.0, "North Korea", "{st:?}");
    let said = st.iter().find(|s| s.3 == "قال").expect("a قال statement");
    assert_eq!(said.0, "Mahmoud Abbas", "{st:?}");
    assert!(said.1.contains("معاداة السامية"), "{st:?}");
}

#[test]
fn a_name_starting_with_ba_is_not_behind_a_preposition_and_a_quoted_name_is_not_the_words() {
    // ANT, Alarabia internationalNews 1386 (2018-05-30).
    let ex = extract(&[
        "وأكد بيار هنري المدير العام لمنظمة \"فرنسا أرض لجوء\" غير الحكومية الذي كان حاضرا، أن \"هذا النوع من الظواهر سيتكرر إذا لم تتوافر مراكز استقبال على كامل الأراضي الفرنسية\".",
    ]);
    let st = statements(&ex);
    assert_eq!(st.len(), 1, "{st:?}");
    assert_eq!(st[0].0, "بيار هنري", "{st:?}");
    assert!(st[0].1.contains("هذا النوع من الظواهر سيتكرر"), "{st:?}");
}

/// Extraction of an article published on `date` (ISO 8601), which picks the lexicon's dated roles.
fn extract_dated(paragraphs: &[&str], date: Option<&str>) -> Extraction {
    thread_local! {
        static EXTRACTOR: Extractor = Extractor::new();
    }
    let mut article = Article::from_stored(
        "عنوان".into(),
        paragraphs.iter().map(|p| (*p).to_owned()).collect(),
        "ar".into(),
    );
    article.published_at = date.map(str::to_owned);
    EXTRACTOR.with(|x| x.extract(&article))
}

/// The confidence of the first relation subject–predicate–object.
fn confidence(ex: &Extraction, subject: &str, predicate: &str, object: &str) -> Option<f64> {
    ex.relations
        .iter()
        .find(|r| name(ex, r.subject) == subject && r.predicate == predicate && name(ex, r.object) == object)
        .map(|r| r.confidence)
}

#[test]
fn a_title_on_a_lexicon_person_gives_the_role_dated_to_the_article() {
    // ANT, Al Arabiya internationalNews 1753 (2018-06-24): Turkey is named, but not in the role.
    let paragraphs = [
        "قال رئيس اللجنة العليا للانتخابات في تركيا، إن الرئيس رجب طيب أردوغان، فاز بأكثر من نصف الأصوات في الانتخابات الرئاسية التي أجريت اليوم",
    ];
    let ex = extract_dated(&paragraphs, Some("2018-06-24T20:00:00Z"));
    assert_eq!(
        confidence(&ex, "Recep Tayyip Erdoğan", "affiliation", "Turkey"),
        Some(0.95),
        "{:?}",
        relations(&ex)
    );
    let role = ex
        .relations
        .iter()
        .find(|r| r.predicate == "affiliation")
        .and_then(|r| r.role.clone());
    assert_eq!(role.as_deref(), Some("head_of_state"));
    // ANT, France 24 middleEast 422 (2018-05-08): the lexicon alias holds the title itself.
    let ex = extract_dated(
        &[
            "من جهته، دعا الرئيس الفلسطيني محمود عباس خلال زيارته فنزويلا الاثنين دول أمريكا اللاتينية إلى عدم نقل سفاراتها في إسرائيل إلى القدس",
        ],
        Some("2018-05-08"),
    );
    assert!(
        has_relation(&ex, "Mahmoud Abbas", "affiliation", "Palestine"),
        "{:?}",
        relations(&ex)
    );
    // In 2012 he was head of government.
    let ex = extract_dated(&paragraphs, Some("2012-01-01"));
    let role = ex
        .relations
        .iter()
        .find(|r| r.predicate == "affiliation")
        .and_then(|r| r.role.clone());
    assert_eq!(role.as_deref(), Some("head_of_government"));
}

#[test]
fn appositions_and_chains_of_titles_carry_the_nisba() {
    // ANT, Sky News middleEast 625 (2018-03-28).
    let ex = extract(&[
        "وافق العاهل السعودي، الملك سلمان بن عبد العزيز، على ما رفعه ولي العهد نائب رئيس مجلس الوزراء وزير الدفاع، الأمير محمد بن سلمان، بخصوص صرف مكافأة مالية بمبلغ \"ألفي دولار\" لجميع الطلاب والطالبات",
    ]);
    for person in ["King Salman", "Mohammed bin Salman"] {
        assert!(
            has_relation(&ex, person, "affiliation", "Saudi Arabia"),
            "{person}: {:?}",
            relations(&ex)
        );
    }
}

#[test]
fn a_country_after_a_preposition_is_where_the_office_sits() {
    // ANT, Al Arabiya internationalNews 1405 (2018-05-31): an ambassador of Saudi Arabia, in Yemen.
    let ex =
        extract(&["أعلن السفير السعودي لدى اليمن، محمد آل جابر، اليوم الخميس، عن إنشاء مطار إقليمي في محافظة #مأرب"]);
    let r = relations(&ex);
    assert!(
        r.iter().any(|(_, p, o, _)| *p == "affiliation" && o == "Saudi Arabia"),
        "{r:?}"
    );
    assert!(!r.iter().any(|(_, _, o, _)| o == "Yemen"), "{r:?}");
}

#[test]
fn kinship_between_named_people_and_through_a_pronoun() {
    // ANT, Al Arabiya culture 2 (2018-02-14) and 18 (2018-02-14).
    let ex = extract(&[
        "وقالت الدكتورة هدى جمال عبد الناصر، ابنة الرئيس الراحل عبد الناصر، إن هذه الزيارة لها معنى كبير بالنسبة لها",
    ]);
    let r = relations(&ex);
    assert!(
        r.iter()
            .any(|(s, p, o, _)| s.contains("هدى") && *p == "family" && o == "Gamal Abdel Nasser"),
        "{r:?}"
    );
    let ex = extract(&[
        "ورغم تواجده في #دبي، احتفل الإعلامي المصري عمرو أديب بهذه المناسبة مع زوجته الإعلامية لميس الحديدي، بعدما أرسل لها باقة ورود إلى القناة الفضائية",
    ]);
    let r = relations(&ex);
    assert!(
        r.iter()
            .any(|(s, p, o, _)| s == "عمرو أديب" && *p == "family" && o == "لميس الحديدي"),
        "{r:?}"
    );
    assert!(has_relation(&ex, "عمرو أديب", "affiliation", "Egypt"), "{r:?}");
}

#[test]
fn events_need_both_arguments_on_the_trigger() {
    // ANT, France 24 middleEast 382 (2018-04-30): co-subjects support one object, not each other.
    let ex = extract(&["ويدعم حزب الله وإيران وروسيا نظام الأسد."]);
    let r = relations(&ex);
    for s in ["Hezbollah", "Iran", "Russia"] {
        assert!(r.iter().any(|(x, p, _, _)| x == s && *p == "support"), "{s}: {r:?}");
    }
    assert!(!r.iter().any(|(x, _, o, _)| x == "Hezbollah" && o == "Iran"), "{r:?}");
    // ANT, Sky News middleEast 102 (2018-02-26): allies in one attack did not attack each other.
    let ex =
        extract(&["وقال مركز الدفاع المدني إن قوات النظام وروسيا استهدفت مدن وبلدات الغوطة بـ45 صاروخ أرض – أرض."]);
    assert!(
        !relations(&ex).iter().any(|(_, p, _, _)| *p == "attack"),
        "{:?}",
        relations(&ex)
    );
    // ANT, France 24 internationalNews 1145 (2018-05-08): "the nuclear deal with Iran" is a thing.
    let ex = extract(&["ما الذي سيعلنه الرئيس الأمريكي دونالد ترامب بشأن الاتفاق النووي مع إيران؟"]);
    assert!(
        !relations(&ex).iter().any(|(_, p, _, _)| *p == "agree"),
        "{:?}",
        relations(&ex)
    );
    // ANT, Sky News middleEast 108 (2018-02-26): the tour's other stops follow another verb.
    let ex = extract(&[
        "يزور الرئيس التركي رجب طيب أردوغان الجزائر في جولة إفريقية تشمل موريتانا والسنغال ومالي، حيث تسعى أنقرة منذ سنوات إلى زيادة نفوذها",
    ]);
    let r = relations(&ex);
    assert!(has_relation(&ex, "Recep Tayyip Erdoğan", "visit", "Algeria"), "{r:?}");
    assert!(
        !r.iter()
            .any(|(_, p, o, _)| *p == "visit" && (o == "Senegal" || o == "Mali")),
        "{r:?}"
    );
}

#[test]
fn a_subject_right_before_the_verb_and_a_trigger_in_a_name() {
    // ANT, France 24 internationalNews 1020 (2018-05-01).
    let ex = extract(&[
        "علي خامنئي اتهم الولايات المتحدة بالسعي إلى إشعال حرب إقليمية بدفع حليفتها السعودية وبعضِ الدول الأخرى التي لم يسمها",
    ]);
    assert!(
        has_relation(&ex, "Ali Khamenei", "accuse", "United States"),
        "{:?}",
        relations(&ex)
    );
    assert!(
        !relations(&ex)
            .iter()
            .any(|(_, p, o, _)| *p == "accuse" && o == "Saudi Arabia"),
        "{:?}",
        relations(&ex)
    );
    // ANT, Sky News middleEast 1128 (2018-04-19): "the coalition to support legitimacy" names, not supports.
    let ex = extract(&[
        "و تقوم قوات التحالف العربي لدعم الشرعية في اليمن بقيادة المملكة العربية السعودية، بدور كبير في تأمين معظم السواحل اليمنية",
    ]);
    assert!(
        !relations(&ex).iter().any(|(_, p, _, _)| *p == "support"),
        "{:?}",
        relations(&ex)
    );
}

fn actor_names(ex: &Extraction) -> Vec<&str> {
    ex.actors.iter().map(|a| a.name.as_str()).collect()
}

#[test]
fn a_verb_or_a_preposition_on_a_noun_is_no_surname() {
    // ANT, Alarabia culture 212 (2018-04-01).
    let ex = extract(&[
        "لتقوم إليسا بممازحتها وخنقها قائلة \"آسفة على شو\"، وهو ما تسبب في مغادرة أحلام لمقعدها وهي تقول \"آسفة إني غرت\"",
    ]);
    let names = actor_names(&ex);
    assert!(
        !names.iter().any(|n| n.contains("بممازحتها") || n.contains("لمقعدها")),
        "{names:?}"
    );
    // ANT, Alarabia sport 365 (2018-03-02): a perfect verb of a derived form (ابتدأ).
    let ex =
        extract(&["صلاح ابتدأ رحلة الكفاح والنجومية “فقيرًا” بأحد أحياء مصر، أخذته الشهرة بعيدًا عن طريق كرة القدم."]);
    let names = actor_names(&ex);
    assert!(!names.iter().any(|n| n.contains("ابتدأ")), "{names:?}");
    // ANT, Alarabia internationalNews 1619 (2018-06-14): an imperfect verb (تنتقد).
    let ex = extract(&["وانتشر وسم #حكومة_الرزّاز، وآخر #هاجر_يا_قتيبة تنتقد شكل الحكومة الجديدة."]);
    let names = actor_names(&ex);
    assert!(!names.iter().any(|n| n.contains("تنتقد")), "{names:?}");
}

#[test]
fn an_anonymous_source_after_a_speech_verb_is_no_name() {
    // ANT, BBC culture 286 (2018-08-24): وقال أحد المعلقين is no one's name.
    let ex =
        extract(&[" وقال أحد المعلقين على يوتيوب: \"إنه دعاية لا تصدق لإسرائيل\" فيما قال آخر إنه \"تزوير للتاريخ\""]);
    let names = actor_names(&ex);
    assert!(!names.iter().any(|n| n.contains("أحد")), "{names:?}");
}

#[test]
fn a_head_noun_keeps_its_article() {
    // ANT, SkyNews internationalNews 1474 (2018-05-08).
    let ex = extract(&[
        "وليست هناك أرقام دقيقة لأعداد المسلمين في السويد، لكن الوكالة السويدية لدعم المجتمعات المؤمنة تقدر عددهم بنحو 400 ألف شخص",
    ]);
    let names = actor_names(&ex);
    assert!(names.contains(&"الوكالة السويدية"), "{names:?}");
}

#[test]
fn a_nisba_shaped_family_name_closes_a_chain_of_fathers_names() {
    // ANT, France24 middleEast 421 (2018-05-07).
    let ex = extract(&["كما دعا حسن بن ملفي الودعاني الصحفي السعودي، إلى طرد الإعلاميين الأجانب من القنوات السعودية."]);
    let names = actor_names(&ex);
    assert!(names.contains(&"حسن بن ملفي الودعاني"), "{names:?}");
}

#[test]
fn a_head_noun_after_a_preposition_gets_its_article_back() {
    // ANT, SkyNews internationalNews 2797 (2018-07-23).
    let ex = extract(&[
        "ونُشرت الصورة على الموقع الإلكتروني للرئاسة التركية وحساب الحزب الحاكم على \"تويتر\" قبيل الانتخابات التركية، التي أجريت في 24 يونيو.",
    ]);
    let names = actor_names(&ex);
    assert!(names.contains(&"الرئاسة التركية"), "{names:?}");
}

#[test]
fn an_ordinary_word_ends_no_name() {
    // ANT, SkyNews internationalNews 3370 (2018-10-09).
    let ex = extract(&[
        "وقال أندرو جيلوم رئيس بلدية تالاهاسي عاصمة ولاية فلوريدا ومرشح الحزب الديمقراطي في الانتخابات المقررة في السادس من نوفمبر، الأحد، إنه سيلغي كل الأنشطة المتعلقة بحملته.",
    ]);
    let names = actor_names(&ex);
    assert!(!names.iter().any(|n| n.contains("عاصمة")), "{names:?}");
}

#[test]
fn an_office_before_an_organization_is_no_persons_name() {
    // ANT, SkyNews middleEast 1729 (2018-05-15).
    let ex = extract(&[
        "استدعت وزارة الخارجية الفلسطينية، الثلاثاء، السفير حسام زملط، رئيس مكتب بعثة منظمة التحرير الفلسطينية في واشنطن.",
    ]);
    let names = actor_names(&ex);
    assert!(!names.iter().any(|n| n.starts_with("مكتب بعثة")), "{names:?}");
}

#[test]
fn a_lone_name_after_a_speech_verb_is_the_surname_of_a_full_name() {
    // ANT, SkyNews middleEast 2721 (2018-07-03).
    let ex = extract(&[
        "قال الناطق الرسمي باسم المقاومة الوطنية اليمنية صادق دويد، إن محاولات ميليشيات الحوثي قطع طرق الإمداد عن القوات اليمنية باءت بالفشل.",
        "وأكد دويد أن القوات الموجودة في جنوب الحديدة تصلها جميع الإمدادات وكذلك في مديرية الدريهمي ولحج.",
    ]);
    let names = actor_names(&ex);
    assert!(names.contains(&"صادق دويد") && !names.contains(&"دويد"), "{names:?}");
}

#[test]
fn a_nationality_adjective_anchoring_a_role_is_a_mention_of_its_country() {
    // ANT, France24 internationalNews 2352 (2018-07-17) and CNN middleEast 1373 (2018-09-12).
    let ex = extract(&["ويأتي هذا الاتفاق التاريخي للرد على الحمائية التي ينتهجها الرئيس الأمريكي دونالد ترامب."]);
    let us = ex
        .actors
        .iter()
        .position(|a| a.name == "United States")
        .expect("the country");
    let surfaces: Vec<&str> = ex
        .mentions
        .iter()
        .filter(|m| m.actor == us)
        .map(|m| m.surface.as_str())
        .collect();
    assert_eq!(surfaces, ["الأمريكي"]);
    // The name after the title is unknown: the adjective still anchors the role.
    let ex = extract(&["تتعلق بقضية اغتيال رئيس الوزراء اللبناني الراحل، رفيق الحريري، مهاجما \"حزب الله\"."]);
    let lebanon = ex.actors.iter().position(|a| a.name == "Lebanon").expect("the country");
    assert!(
        ex.mentions
            .iter()
            .any(|m| m.actor == lebanon && m.surface == "اللبناني")
    );
    // A nationality adjective with no role stays no mention: ANT, France24 internationalNews 781.
    let ex = extract(&[
        "يحقق في التدخل المزعوم لروسيا في الانتخابات الرئاسية الأمريكية وإمكانية تعاون فريق ترامب الانتخابي مع مسؤولين روس.",
    ]);
    assert!(!ex.mentions.iter().any(|m| m.surface == "الأمريكية"));
}

#[test]
fn a_lone_surname_links_to_a_name_the_model_found() {
    // ANT, SkyNews internationalNews 3370 (2018-10-09).
    let ex = extract(&[
        "وأعلن حاكم فلوريدا، ريك سكوت، الأحد، حالة الطوارئ في أكثر من 20 مقاطعة في الولاية مما وضع أكثر من 5 آلاف من جنود الحرس الوطني في حالة تأهب.",
        "وكتب سكوت على \"تويتر\"، الاثنين: \"على العائلات انتهاز الفرصة اليوم لضمان أن يكون لديها ما يكفيها من الغذاء والماء لمدة 3 أيام\"",
    ]);
    let people: Vec<&str> = ex
        .actors
        .iter()
        .filter(|a| a.kind == isnad::extract::Kind::Person)
        .map(|a| a.name.as_str())
        .collect();
    assert_eq!(people, ["ريك سكوت"]);
}
