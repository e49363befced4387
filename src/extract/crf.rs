//! The embedded name model (a CRFsuite file, see [`super::ner`]) read once into compact tables,
//! and Viterbi tagging over them: what extraction and `isnad tag` use instead of `crfs`'s
//! tagger, which looks every attribute up by name in the model's hash database (several random
//! reads into 6 MB per attribute) and builds a heap string, an instance and a lattice per call.
//!
//! Here an attribute is found by a 64-bit hash of its name in one hash table whose value holds
//! its state features (label, weight), or their range in one array when there are several;
//! transitions are an L×L matrix. Scores are summed, and Viterbi breaks ties, exactly as `crfs`
//! (and CRFsuite) do, so the labels are the same (a unit test compares them on real text; the
//! features of one attribute score distinct labels, so their order does not matter). Two names
//! could share a key only by a 64-bit hash collision: none among the model's names (tested).
//! `crfs` stays for training.

use std::cell::RefCell;
use std::hash::BuildHasher;
use std::sync::OnceLock;

use super::lexicon::LexMap;

/// Parts of attribute names written one after the other (see `ner::Features`): each sink joins
/// them into one name.
pub(crate) trait Sink {
    /// Adds the attribute named by `parts` joined.
    fn add(&mut self, parts: &[&str]);
}

/// One state feature: the label it scores and its weight.
#[derive(Debug, Clone, Copy)]
struct State {
    label: u32,
    weight: f64,
}

/// The state features of one attribute: most have one, kept here (one memory read fewer).
#[derive(Debug, Clone, Copy)]
enum Features {
    One {
        label: u32,
        weight: f64,
    },
    /// `start..end` in `Crf::states`.
    Many(u32, u32),
}

/// The model's tables.
pub(crate) struct Crf {
    /// The hash of each attribute name ([`key`]) → its state features.
    attrs: LexMap<u64, Features>,
    /// The state features of the attributes that have several.
    states: Vec<State>,
    /// Transition weights, transposed: `trans_t[j * L + i]` is the weight of label i → j.
    trans_t: Vec<f64>,
    labels: Vec<&'static str>,
}

/// The hash of an attribute name.
fn key(name: &[u8]) -> u64 {
    foldhash::quality::FixedState::with_seed(0x6973_6e61_645f_6e65).hash_one(name)
}

/// A little-endian u32 of the model file at byte `at`.
fn u32_at(bytes: &[u8], at: usize) -> usize {
    u32::from_le_bytes(bytes[at..at + 4].try_into().expect("4 bytes")) as usize
}

/// The CRFsuite file layout: header fields (byte offsets in the header), chunk header size,
/// and the size of one feature record (type, source, target: u32; weight: f64).
const OFF_FEATURES: usize = 28;
const OFF_LABEL_REFS: usize = 40;
const OFF_ATTR_REFS: usize = 44;
const CHUNK: usize = 12;
const FEATURE: usize = 20;

impl Crf {
    /// Reads the tables of `model`, parsed by `crfs` from `bytes` (names of labels and
    /// attributes come from it; features and references from the file's chunks).
    fn read(model: &'static crfs::Model<'static>, bytes: &[u8]) -> Crf {
        let feature = |fid: usize| {
            let at = u32_at(bytes, OFF_FEATURES) + CHUNK + FEATURE * fid;
            let weight = f64::from_le_bytes(bytes[at + 12..at + 20].try_into().expect("8 bytes"));
            (u32_at(bytes, at + 8) as u32, weight)
        };
        // The feature ids of label or attribute `id`, from the references chunk at `off`.
        let refs = |off: usize, id: usize| {
            let at = u32_at(bytes, u32_at(bytes, off) + CHUNK + 4 * id);
            (0..u32_at(bytes, at)).map(move |r| u32_at(bytes, at + 4 + 4 * r))
        };
        let l = model.num_labels() as usize;
        let mut trans_t = vec![0.0; l * l];
        for i in 0..l {
            for fid in refs(OFF_LABEL_REFS, i) {
                let (j, weight) = feature(fid);
                trans_t[l * j as usize + i] = weight;
            }
        }
        let mut attrs = LexMap::default();
        let mut states = Vec::new();
        for a in 0..model.num_attrs() {
            let start = states.len();
            for fid in refs(OFF_ATTR_REFS, a as usize) {
                let (label, weight) = feature(fid);
                states.push(State { label, weight });
            }
            let features = match states.len() - start {
                1 => {
                    let State { label, weight } = states.pop().expect("one state");
                    Features::One { label, weight }
                }
                _ => Features::Many(start as u32, states.len() as u32),
            };
            let name = model.to_attr(a).expect("every attribute id has a name");
            attrs.insert(key(name.as_bytes()), features);
        }
        let labels = (0..l as u32)
            .map(|i| model.to_label(i).expect("every label id has a name"))
            .collect();
        Crf {
            attrs,
            states,
            trans_t,
            labels,
        }
    }

    /// The name of label `id`.
    pub(crate) fn label(&self, id: u32) -> &'static str {
        self.labels[id as usize]
    }

    /// Tags a sequence of `n` items: `write(t, scorer)` writes the attributes of item `t`.
    /// Returns the label ids, in a buffer of this thread reused from call to call.
    pub(crate) fn tag<R>(
        &self,
        n: usize,
        mut write: impl FnMut(usize, &mut Scorer),
        read: impl FnOnce(&[u32]) -> R,
    ) -> R {
        SCRATCH.with_borrow_mut(|s| {
            let l = self.labels.len();
            s.state.clear();
            s.state.resize(n * l, 0.0);
            for (t, row) in s.state.chunks_mut(l).enumerate() {
                s.keys.clear();
                let mut scorer = Scorer {
                    keys: &mut s.keys,
                    name: &mut s.name,
                };
                write(t, &mut scorer);
                self.score(&s.keys, row);
            }
            self.viterbi(n, s);
            read(&s.labels)
        })
    }

    /// Adds the state weights of the attributes `keys` of one item to its scores `row`, in
    /// the order written (the order `crfs` sums them in). The look-ups, independent of each
    /// other, run in one tight loop so that the processor overlaps their cache misses.
    fn score(&self, keys: &[u64], row: &mut [f64]) {
        for key in keys {
            match self.attrs.get(key) {
                Some(&Features::One { label, weight }) => row[label as usize] += weight,
                Some(&Features::Many(start, end)) => {
                    for s in &self.states[start as usize..end as usize] {
                        row[s.label as usize] += s.weight;
                    }
                }
                None => {}
            }
        }
    }

    /// The best label sequence for the state scores in `s` (CRFsuite's Viterbi: the first of
    /// equal scores wins), into `s.labels`.
    fn viterbi(&self, n: usize, s: &mut Scratch) {
        let l = self.labels.len();
        s.labels.clear();
        if n == 0 {
            return;
        }
        s.alpha.clear();
        s.alpha.extend_from_slice(&s.state[..l]);
        s.back.clear();
        s.back.resize(n * l, 0);
        for t in 1..n {
            for j in 0..l {
                let prev = &s.alpha[l * (t - 1)..l * t];
                let trans = &self.trans_t[l * j..l * (j + 1)];
                let (mut max, mut arg) = (f64::MIN, 0);
                for (i, (p, w)) in prev.iter().zip(trans).enumerate() {
                    let score = p + w;
                    if max < score {
                        max = score;
                        arg = i;
                    }
                }
                s.back[l * t + j] = arg as u32;
                s.alpha.push(max + s.state[l * t + j]);
            }
        }
        let (mut max, mut last) = (f64::MIN, 0);
        for (i, &a) in s.alpha[l * (n - 1)..].iter().enumerate() {
            if max < a {
                max = a;
                last = i as u32;
            }
        }
        s.labels.resize(n, 0);
        s.labels[n - 1] = last;
        for t in (0..n - 1).rev() {
            s.labels[t] = s.back[l * (t + 1) + s.labels[t + 1] as usize];
        }
    }
}

/// The buffers of one thread's tagging, kept from call to call.
#[derive(Default)]
struct Scratch {
    /// State scores, `[t * L + label]`.
    state: Vec<f64>,
    alpha: Vec<f64>,
    back: Vec<u32>,
    labels: Vec<u32>,
    /// The name of the attribute being added.
    name: Vec<u8>,
    /// The keys of the attributes of the item being scored.
    keys: Vec<u64>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::default();
}

/// Collects the keys of the attributes of one item as they are written (see [`Crf::score`]).
pub(crate) struct Scorer<'a> {
    keys: &'a mut Vec<u64>,
    name: &'a mut Vec<u8>,
}

impl Sink for Scorer<'_> {
    fn add(&mut self, parts: &[&str]) {
        self.name.clear();
        for p in parts {
            self.name.extend_from_slice(p.as_bytes());
        }
        self.keys.push(key(self.name));
    }
}

/// The embedded model's tables, read on first use.
pub(crate) fn crf() -> &'static Crf {
    static CRF: OnceLock<Crf> = OnceLock::new();
    CRF.get_or_init(|| Crf::read(super::ner::model(), super::ner::MODEL_BYTES))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_attribute_name_has_its_own_key() {
        let model = super::super::ner::model();
        let crf = crf();
        assert_eq!(crf.attrs.len(), model.num_attrs() as usize);
        assert_eq!(crf.labels.len(), model.num_labels() as usize);
        assert!(crf.labels.contains(&"B-PERS"), "{:?}", crf.labels);
        // A feature kept in the table's own 24-byte slot with its key.
        assert_eq!(std::mem::size_of::<(u64, Features)>(), 24);
    }
}
