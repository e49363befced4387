//! One ordered pipeline: worker threads turn inputs into outputs in parallel, and one writer
//! (the calling thread) takes the outputs in input order and stores them in batched
//! transactions. `ingest` and `reextract` both run on it.
//!
//! The writer holds the database's write lock only while it has something to write: a batch is
//! opened when the next output in order is ready, and committed when it is full, when it is
//! older than the batch time, or when the writer would otherwise wait for a slow worker longer
//! than that. So a slow file delays only itself, and another isnad writing the same database
//! gets its turn between batches.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, sync_channel};
use std::time::{Duration, Instant};

use crate::error::Result;

/// When a batch is committed.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Batch {
    /// After this many articles...
    pub articles: usize,
    /// ...or when the batch is this old, whichever comes first.
    pub time: Duration,
}

/// The writer's side of a pipeline.
pub(crate) trait Writing<T> {
    /// Opens a transaction.
    fn begin(&mut self) -> Result<()>;
    /// Stores the output of input `index`; returns how many articles it wrote.
    fn store(&mut self, index: usize, output: T) -> Result<usize>;
    /// Commits the open transaction.
    fn commit(&mut self) -> Result<()>;
}

/// Runs `work` over `inputs` on `jobs` threads (each with its own state from `init`, e.g. a read
/// connection) and hands the outputs to `writing` in input order. Returns how long the writer
/// waited for workers.
pub(crate) fn run<I, S, T>(
    inputs: &[I],
    jobs: usize,
    batch: Batch,
    init: impl Fn() -> S + Sync,
    work: impl Fn(&mut S, &I) -> T + Sync,
    writing: &mut dyn Writing<T>,
) -> Result<Duration>
where
    I: Sync,
    T: Send,
{
    let next = AtomicUsize::new(0);
    let (tx, rx) = sync_channel::<(usize, T)>(64);
    let jobs = jobs.clamp(1, inputs.len().max(1));
    std::thread::scope(|scope| {
        for _ in 0..jobs {
            let tx = tx.clone();
            let (next, init, work) = (&next, &init, &work);
            scope.spawn(move || {
                let mut state = init();
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= inputs.len() || tx.send((i, work(&mut state, &inputs[i]))).is_err() {
                        return;
                    }
                }
            });
        }
        drop(tx);
        write_in_order(rx, batch, writing)
    })
}

/// The writer loop: outputs in input order, batches opened lazily and never held open while
/// waiting for a worker longer than the batch time.
fn write_in_order<T>(rx: Receiver<(usize, T)>, batch: Batch, writing: &mut dyn Writing<T>) -> Result<Duration> {
    let mut batches = Batches {
        writing,
        batch,
        open: None,
    };
    let mut pending: BTreeMap<usize, T> = BTreeMap::new();
    let mut expected = 0;
    let mut idle = Duration::ZERO;
    loop {
        if let Some(output) = pending.remove(&expected) {
            batches.store(expected, output)?;
            expected += 1;
            continue;
        }
        let waited = Instant::now();
        let received = match batches.time_left() {
            Some(left) => match rx.recv_timeout(left) {
                Ok(m) => Some(m),
                Err(RecvTimeoutError::Timeout) => {
                    // A slow worker: commit what is ready rather than hold the lock for it.
                    batches.commit()?;
                    idle += waited.elapsed();
                    continue;
                }
                Err(RecvTimeoutError::Disconnected) => None,
            },
            None => rx.recv().ok(),
        };
        idle += waited.elapsed();
        match received {
            Some((i, output)) => {
                pending.insert(i, output);
            }
            None => break,
        }
    }
    if batches.open.is_some() {
        batches.commit()?;
    }
    Ok(idle)
}

/// The writer's transactions: one opened for the next output, committed when full or old.
struct Batches<'w, T> {
    writing: &'w mut dyn Writing<T>,
    batch: Batch,
    /// The open batch: when it started and how many articles it holds.
    open: Option<(Instant, usize)>,
}

impl<T> Batches<'_, T> {
    /// Stores an output in the open batch (opening one if none is), then commits the batch if
    /// it is full or older than the batch time.
    fn store(&mut self, index: usize, output: T) -> Result<()> {
        let (started, n) = match self.open {
            Some(b) => b,
            None => {
                self.writing.begin()?;
                (Instant::now(), 0)
            }
        };
        let n = n + self.writing.store(index, output)?;
        self.open = Some((started, n));
        if n >= self.batch.articles || started.elapsed() >= self.batch.time {
            self.commit()?;
        }
        Ok(())
    }

    /// How long the open batch may still wait for a worker (`None` when no batch is open).
    fn time_left(&self) -> Option<Duration> {
        self.open
            .map(|(started, _)| self.batch.time.saturating_sub(started.elapsed()))
    }

    fn commit(&mut self) -> Result<()> {
        self.writing.commit()?;
        self.open = None;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Records what the writer did, in order.
    #[derive(Default)]
    struct Log(Vec<String>);

    impl Writing<usize> for Log {
        fn begin(&mut self) -> Result<()> {
            self.0.push("begin".into());
            Ok(())
        }
        fn store(&mut self, index: usize, output: usize) -> Result<usize> {
            assert_eq!(index, output);
            self.0.push(format!("{index}"));
            Ok(1)
        }
        fn commit(&mut self) -> Result<()> {
            self.0.push("commit".into());
            Ok(())
        }
    }

    #[test]
    fn outputs_arrive_in_input_order_in_batches() {
        let inputs: Vec<usize> = (0..10).collect();
        let mut log = Log::default();
        let batch = Batch {
            articles: 4,
            time: Duration::from_secs(60),
        };
        run(&inputs, 3, batch, || (), |_, &i| i, &mut log).unwrap();
        let stored: Vec<&String> = log.0.iter().filter(|s| s.parse::<usize>().is_ok()).collect();
        assert_eq!(
            stored,
            (0..10)
                .map(|i| i.to_string())
                .collect::<Vec<_>>()
                .iter()
                .collect::<Vec<_>>()
        );
        assert_eq!(log.0.iter().filter(|s| *s == "commit").count(), 3, "{:?}", log.0);
        assert_eq!(log.0.first().map(String::as_str), Some("begin"));
        assert_eq!(log.0.last().map(String::as_str), Some("commit"));
    }

    #[test]
    fn a_slow_input_does_not_keep_the_earlier_ones_uncommitted() {
        // Input 1 takes far longer than the batch time: input 0 is committed before it arrives.
        let inputs: Vec<usize> = vec![0, 1];
        let mut log = Log::default();
        let batch = Batch {
            articles: 1000,
            time: Duration::from_millis(50),
        };
        let work = |_: &mut (), &i: &usize| {
            if i == 1 {
                std::thread::sleep(Duration::from_millis(400));
            }
            i
        };
        run(&inputs, 2, batch, || (), work, &mut log).unwrap();
        assert_eq!(log.0, ["begin", "0", "commit", "begin", "1", "commit"]);
    }
}
