//! Checks the stories of a database against exact Jaccard indexes computed by brute force.
//!
//! `cargo run --release --example stories_check -- DB` reads every article of an isnad database
//! (after `isnad --db DB ingest ../shared/corpus/ant-v2.1`), computes the word 5-shingles of each
//! (as `isnad::story` does), finds every pair of articles sharing at least one shingle that few
//! articles have (an inverted index; any pair at Jaccard 0.3 or more shares many), and computes
//! the exact Jaccard index of each such candidate pair. It prints:
//! * recall: of the pairs at Jaccard ≥ 0.8 (and ≥ 0.5), the share in one story;
//! * purity: of the pairs of articles that share a story, the share at Jaccard ≥ 0.3;
//! * the numbers of stories and of stories with more than one article.
//!
//! Exits 1 when recall at 0.8 or purity is under 0.95.

use std::collections::HashMap;

use isnad::story::{jaccard, shingles};
use rusqlite::Connection;

/// Shingles held by more articles than this are not used to find candidates (boilerplate).
const RARE: usize = 50;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let db = std::env::args().nth(1).ok_or("usage: stories_check DB")?;
    let conn = Connection::open_with_flags(&db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let mut stmt = conn.prepare("SELECT t.article_id, t.title, coalesce(t.body, ''), a.story_id FROM article_texts t JOIN articles a ON a.id = t.article_id ORDER BY t.article_id")?;
    let mut ids = Vec::new();
    let mut sets: Vec<Vec<u64>> = Vec::new();
    let mut story: Vec<i64> = Vec::new();
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let (id, title, body, s): (i64, String, String, i64) = (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?);
        ids.push(id);
        sets.push(shingles(&title, &[body]));
        story.push(s);
    }
    let n = ids.len();
    // Inverted index over shingles; candidate pairs share a rare one.
    let mut postings: HashMap<u64, Vec<u32>> = HashMap::new();
    for (i, set) in sets.iter().enumerate() {
        for &h in set {
            postings.entry(h).or_default().push(i as u32);
        }
    }
    let mut candidates: HashMap<(u32, u32), ()> = HashMap::new();
    for list in postings.values().filter(|l| l.len() > 1 && l.len() <= RARE) {
        for (x, &a) in list.iter().enumerate() {
            for &b in &list[x + 1..] {
                candidates.insert((a, b), ());
            }
        }
    }
    let exact = |a: u32, b: u32| jaccard(&sets[a as usize], &sets[b as usize]);
    let (mut at8, mut at8_same, mut at5, mut at5_same) = (0usize, 0usize, 0usize, 0usize);
    for &(a, b) in candidates.keys() {
        let j = exact(a, b);
        let same = story[a as usize] == story[b as usize];
        if j >= 0.8 {
            at8 += 1;
            at8_same += usize::from(same);
        }
        if j >= 0.5 {
            at5 += 1;
            at5_same += usize::from(same);
        }
    }
    // Every pair inside a story.
    let mut members: HashMap<i64, Vec<u32>> = HashMap::new();
    for (i, &s) in story.iter().enumerate() {
        members.entry(s).or_default().push(i as u32);
    }
    let (mut pairs, mut pairs_03) = (0usize, 0usize);
    for list in members.values() {
        for (x, &a) in list.iter().enumerate() {
            for &b in &list[x + 1..] {
                pairs += 1;
                pairs_03 += usize::from(exact(a, b) >= 0.3);
            }
        }
    }
    let share = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
    let recall8 = share(at8_same, at8);
    let purity = share(pairs_03, pairs);
    println!("articles                          {n}");
    println!("candidate pairs (exact Jaccard)   {}", candidates.len());
    println!("pairs at J >= 0.8                 {at8}, in one story {at8_same}: recall {recall8:.3}");
    println!(
        "pairs at J >= 0.5                 {at5}, in one story {at5_same}: recall {:.3}",
        share(at5_same, at5)
    );
    println!("pairs sharing a story             {pairs}, at J >= 0.3 {pairs_03}: {purity:.3}");
    println!("stories                           {}", members.len());
    println!(
        "stories of more than one article  {}",
        members.values().filter(|l| l.len() > 1).count()
    );
    if recall8 < 0.95 || purity < 0.95 {
        std::process::exit(1);
    }
    Ok(())
}
