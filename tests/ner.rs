//! The learned name recognizer (`src/extract/ner.rs`) and its committed model: real ANERcorp
//! sentences (train.txt, quoted with their place in the file), the manifest against the
//! training data when `../shared` is beside the worktree, and deterministic features.

use isnad::extract::lexicon::Lexicon;
use isnad::extract::ner::{FEATURE_SET_VERSION, window_features};
use isnad::extract::tag::tag_sentence;

fn manifest() -> serde_json::Value {
    let text = std::fs::read_to_string("models/ner-ar.manifest.json").expect("the manifest is committed");
    serde_json::from_str(&text).expect("the manifest is JSON")
}

fn tags(sentence: &str) -> Vec<String> {
    let tokens: Vec<&str> = sentence.split(' ').collect();
    tag_sentence(&Lexicon::builtin(), &tokens)
}

#[test]
fn the_model_tags_a_person_and_a_place_in_an_anercorp_sentence() {
    // ANERcorp train.txt (around line 2040): "وقال الخبير الاقتصادي أمين فارس إن العدوان على
    // لبنان انعكس سلبا": a person after a title with a nisba, and a country.
    let t = tags("وقال الخبير الاقتصادي أمين فارس إن العدوان على لبنان انعكس سلبا");
    assert_eq!(t[..5], ["O", "O", "O", "B-PERS", "I-PERS"]);
    assert_eq!(t[8], "B-LOC");
    // ANERcorp train.txt line 1: the dateline "فرانكفورت (د ب أ) أعلن اتحاد صناعة السيارات في
    // ألمانيا".
    let t = tags("فرانكفورت (د ب أ) أعلن اتحاد صناعة السيارات في ألمانيا");
    assert_eq!(t[0], "B-LOC");
    assert_eq!(t[9], "B-LOC");
}

#[test]
fn features_are_deterministic() {
    let lex = Lexicon::builtin();
    let s = vec!["وتوقع", "فارس", "تزايد", "الأضرار", "الاقتصادية"];
    let a = window_features(&lex, std::slice::from_ref(&s));
    let b = window_features(&lex, &[s]);
    assert_eq!(a, b);
    assert!(a[0][1].iter().any(|f| f.name == "w=فارس"));
}

#[test]
fn the_manifest_describes_the_committed_model() {
    let m = manifest();
    assert_eq!(m["feature_set_version"], FEATURE_SET_VERSION);
    let model = std::fs::read("models/ner-ar.crfsuite").expect("the model is committed");
    assert!(model.len() <= 10 << 20, "the model stays under 10 MB");
    let hash = isnad::article::hex(&isnad::article::sha256(&model));
    assert_eq!(m["model_sha256"], hash.as_str());
    assert!(m["cross_validation"]["scores"]["micro"]["f1"].as_f64().unwrap_or(0.0) >= 0.75);
}

#[test]
fn the_manifest_names_the_training_data_it_was_trained_on() {
    let path = std::path::Path::new("../shared/corpus/anercorp/train.txt");
    let Ok(bytes) = std::fs::read(path) else {
        eprintln!("skipped: {} is absent", path.display());
        return;
    };
    let hash = isnad::article::hex(&isnad::article::sha256(&bytes));
    assert_eq!(manifest()["training_data_sha256"], hash.as_str());
}

#[test]
fn a_speaker_the_lexicon_does_not_know_is_found_by_the_model() {
    // ANT v2.1, SkyNews/technology/SK-technology-996-20180626.txt: a foreign name after a role
    // noun, before the colon of a quotation.
    let article = isnad::article::Article::from_stored(
        "عنوان".into(),
        vec!["وقال قائد الدراسة أنديرس ساندبرغ: \"عندما يناقش الناس المعادلة، من المألوف سماعهم يقولون شيئا\".".into()],
        "ar".into(),
    );
    let ex = isnad::extract::Extractor::new().extract(&article);
    let speaker = ex
        .statements
        .first()
        .and_then(|s| s.speaker)
        .map(|i| ex.actors[i].name.as_str());
    assert_eq!(speaker, Some("أنديرس ساندبرغ"));
    assert!(ex.actors.iter().any(|a| a.name == "أنديرس ساندبرغ" && !a.from_lexicon));
}
