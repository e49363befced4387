//! The `isnad` binary: parses flags once into typed settings, runs the subcommand, and maps
//! errors to exit codes. A closed pipe (`isnad articles | head`) is success.
//!
//! Exit codes: 0 success; 1 a runtime failure (database cannot be opened or written, unreadable
//! input for a non-ingest command, a refused `sql`); 2 bad usage (unknown flag, bad value).

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    match cli::run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            if err.chain().any(|e| {
                e.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::SUCCESS;
            }
            let usage = err
                .chain()
                .any(|e| matches!(e.downcast_ref::<isnad::Error>(), Some(isnad::Error::Usage(_))));
            let mut message = err.to_string();
            for cause in err.chain().skip(1) {
                let cause = cause.to_string();
                if !message.contains(&cause) {
                    message = format!("{message}: {cause}");
                }
            }
            eprintln!("isnad: {message}");
            ExitCode::from(if usage { 2 } else { 1 })
        }
    }
}
