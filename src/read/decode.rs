//! Bytes → text. Detects the encoding from the content: a byte-order mark (UTF-8, UTF-16 LE/BE),
//! otherwise UTF-8 when the bytes are valid UTF-8, otherwise the legacy Arabic code pages
//! Windows-1256 and ISO-8859-6 when the decoded text is convincingly Arabic. Anything else is
//! refused with a reason rather than decoded into mojibake.

use encoding_rs::{Encoding, ISO_8859_6, UTF_16BE, UTF_16LE, WINDOWS_1256};

/// Text decoded from a file, with the name of the encoding it was found in.
#[derive(Debug)]
pub struct Decoded {
    /// The decoded text (not yet normalized).
    pub text: String,
    /// The encoding's name, e.g. `UTF-8`, `windows-1256`.
    pub encoding: &'static str,
}

/// Decodes `bytes`, or says why they are not text isnad can read.
pub fn decode(bytes: &[u8]) -> Result<Decoded, String> {
    if bytes.is_empty() {
        return Err("empty file".into());
    }
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8(rest, "UTF-8 (BOM)");
    }
    if bytes.starts_with(b"\xFF\xFE") {
        return utf16(&bytes[2..], UTF_16LE);
    }
    if bytes.starts_with(b"\xFE\xFF") {
        return utf16(&bytes[2..], UTF_16BE);
    }
    if bytes.contains(&0) {
        return Err("binary data (NUL bytes) in what should be text".into());
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => check_text(text.to_owned(), "UTF-8"),
        Err(err) => {
            // Text that is mostly valid UTF-8 with multi-byte sequences is UTF-8 with damage, not
            // a legacy code page: report it instead of guessing.
            let valid_multibyte = count_utf8_multibyte(bytes);
            if valid_multibyte >= 3 {
                return Err(format!("invalid UTF-8 at byte {}", err.valid_up_to()));
            }
            legacy_arabic(bytes).ok_or_else(|| {
                format!(
                    "invalid UTF-8 at byte {} and not a legacy Arabic encoding",
                    err.valid_up_to()
                )
            })
        }
    }
}

fn utf8(bytes: &[u8], name: &'static str) -> Result<Decoded, String> {
    match std::str::from_utf8(bytes) {
        Ok(text) => check_text(text.to_owned(), name),
        Err(err) => Err(format!("invalid UTF-8 at byte {}", err.valid_up_to() + 3)),
    }
}

fn utf16(bytes: &[u8], enc: &'static Encoding) -> Result<Decoded, String> {
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    if had_errors {
        return Err(format!("invalid {} data", enc.name()));
    }
    check_text(text.into_owned(), enc.name())
}

/// Refuses decoded text that is really binary: many control characters.
fn check_text(text: String, encoding: &'static str) -> Result<Decoded, String> {
    let controls = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        .count();
    if controls * 20 > text.chars().count().max(1) {
        return Err("binary data (control characters) in what should be text".into());
    }
    Ok(Decoded { text, encoding })
}

fn count_utf8_multibyte(bytes: &[u8]) -> usize {
    let mut n = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let len = match b {
            0xC2..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF4 => 4,
            _ => 1,
        };
        if len > 1 && i + len <= bytes.len() && bytes[i + 1..i + len].iter().all(|&c| (0x80..=0xBF).contains(&c)) {
            n += 1;
            i += len;
        } else {
            i += 1;
        }
    }
    n
}

/// Tries Windows-1256 and ISO-8859-6 and keeps the one whose non-ASCII characters are most
/// often Arabic letters, if that share is convincing.
fn legacy_arabic(bytes: &[u8]) -> Option<Decoded> {
    let mut best: Option<(f64, Decoded)> = None;
    for enc in [WINDOWS_1256, ISO_8859_6] {
        let (text, had_errors) = enc.decode_without_bom_handling(bytes);
        if had_errors {
            continue;
        }
        let non_ascii = text.chars().filter(|c| !c.is_ascii()).count();
        if non_ascii == 0 {
            continue;
        }
        let arabic = text.chars().filter(|c| ('\u{0621}'..='\u{064A}').contains(c)).count();
        let share = arabic as f64 / non_ascii as f64;
        if share >= 0.8 && best.as_ref().is_none_or(|(s, _)| share > *s) {
            best = Some((
                share,
                Decoded {
                    text: text.into_owned(),
                    encoding: enc.name(),
                },
            ));
        }
    }
    best.and_then(|(_, d)| check_text(d.text, d.encoding).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_windows_1256_arabic() {
        let (bytes, _, _) = WINDOWS_1256.encode("قال وزير الخارجية الروسي إن المحادثات مفيدة");
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding, "windows-1256");
        assert!(d.text.starts_with("قال وزير"));
    }

    #[test]
    fn decodes_utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "سوريا".encode_utf16() {
            bytes.extend(u.to_le_bytes());
        }
        assert_eq!(decode(&bytes).unwrap().text, "سوريا");
    }

    #[test]
    fn refuses_damaged_utf8_and_binary() {
        let mut bytes = "قال لافروف إن".as_bytes().to_vec();
        bytes.insert(4, 0xFF);
        assert!(decode(&bytes).unwrap_err().contains("invalid UTF-8"));
        assert!(
            decode(&[0x89, b'P', b'N', b'G', 0, 0, 1])
                .unwrap_err()
                .contains("binary")
        );
        assert_eq!(decode(b"").unwrap_err(), "empty file");
    }
}
