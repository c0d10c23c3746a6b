//! Control characters out of everything shown to a person.
//!
//! An article's bytes, a file name or a reviewer's note may hold terminal
//! control sequences (`ESC ]52;c;…BEL` writes the clipboard, `ESC ]0;…` sets
//! the window title, a bare `CR` overwrites what a line showed) or bidi
//! overrides that make a name read backwards. Nothing that came from a file
//! or a user reaches a terminal, a Markdown or CSV report raw: it passes
//! through [`visible`] (or, for a stream, [`Escaping`]), which writes every
//! such character as a visible escape (`\u{1b}`).

use std::borrow::Cow;
use std::io::{self, Write};

/// Whether `c` must not reach a terminal or a text report raw: C0 controls,
/// DEL, C1 controls; the bidi embeddings, overrides, isolates and marks
/// (which reorder what a line shows: `rlm\u{200f}gpj.exe`); the line and
/// paragraph separators; and the invisible characters that make one name
/// look like another (zero-width space, word joiner and invisible
/// operators, the mid-text byte-order mark, the Mongolian vowel separator,
/// interlinear annotation marks, tag characters). Zero-width joiners and
/// non-joiners stay: Persian, Arabic and Indic text needs them.
pub fn is_unsafe(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{1f}'
        | '\u{7f}'..='\u{9f}'
        | '\u{61c}'
        | '\u{180e}'
        | '\u{200b}'
        | '\u{200e}'
        | '\u{200f}'
        | '\u{2028}'..='\u{202e}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{feff}'
        | '\u{fff9}'..='\u{fffb}'
        | '\u{e0000}'..='\u{e007f}')
}

/// `s` with every unsafe character except those in `keep` written as a
/// visible escape, `\u{1b}`; unchanged (borrowed) when it has none.
pub fn visible_keeping<'a>(s: &'a str, keep: &[char]) -> Cow<'a, str> {
    let escape = |c: char| is_unsafe(c) && !keep.contains(&c);
    if !s.chars().any(escape) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if escape(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// One line's worth of text: every unsafe character escaped, newlines and
/// tabs included.
pub fn visible(s: &str) -> Cow<'_, str> {
    visible_keeping(s, &[])
}

/// Multi-line text: every unsafe character escaped except newline and tab.
pub fn visible_text(s: &str) -> Cow<'_, str> {
    visible_keeping(s, &['\n', '\t'])
}

/// JSON text with the unsafe characters serde_json leaves raw (DEL, C1
/// controls, bidi overrides) written as `\uXXXX`. They can only occur
/// inside JSON strings, where the escape means the same character.
pub fn json(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| is_unsafe(c) && c > '\u{1f}') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if is_unsafe(c) && c > '\u{1f}' {
            // Past the BMP (tag characters) JSON needs the surrogate pair.
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// How an [`Escaping`] writer escapes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Text for a person: [`visible_text`].
    Text,
    /// JSON: [`json`].
    Json,
}

/// A writer that escapes what passes through it, so a printer that forgot
/// to escape a field still cannot put a control sequence on the terminal.
/// Bytes that are not UTF-8 are written as `\xNN`.
pub struct Escaping<W: Write> {
    inner: W,
    mode: Mode,
    /// The start of a UTF-8 sequence split across two writes.
    pending: Vec<u8>,
}

impl<W: Write> Escaping<W> {
    pub fn new(inner: W, mode: Mode) -> Self {
        Escaping {
            inner,
            mode,
            pending: Vec::new(),
        }
    }

    fn emit(&mut self, s: &str) -> io::Result<()> {
        let escaped = match self.mode {
            Mode::Text => visible_text(s),
            Mode::Json => json(s),
        };
        self.inner.write_all(escaped.as_bytes())
    }
}

impl<W: Write> Write for Escaping<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut bytes = std::mem::take(&mut self.pending);
        bytes.extend_from_slice(buf);
        let mut rest = &bytes[..];
        loop {
            match std::str::from_utf8(rest) {
                Ok(s) => {
                    self.emit(s)?;
                    break;
                }
                Err(e) => {
                    let (good, bad) = rest.split_at(e.valid_up_to());
                    self.emit(std::str::from_utf8(good).expect("checked"))?;
                    match e.error_len() {
                        Some(n) => {
                            for b in &bad[..n] {
                                write!(self.inner, "\\x{b:02x}")?;
                            }
                            rest = &bad[n..];
                        }
                        None => {
                            // An incomplete sequence at the end: wait for the rest.
                            self.pending = bad.to_vec();
                            break;
                        }
                    }
                }
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if !self.pending.is_empty() {
            for b in std::mem::take(&mut self.pending) {
                write!(self.inner, "\\x{b:02x}")?;
            }
        }
        self.inner.flush()
    }
}

impl<W: Write> Drop for Escaping<W> {
    fn drop(&mut self) {
        let _ = self.flush();
    }
}

/// Escapes text for HTML (element content and quoted attributes) and SVG.
/// Control characters other than tab and newline become U+FFFD, so no input
/// can make the file invalid.
pub fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' => out.push(c),
            c if c.is_control() => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const OSC52: &str = "Daily\u{1b}]52;c;ZWNobyBwd25lZA==\u{7}News";

    #[test]
    fn marks_that_reorder_or_hide_a_name_become_visible_and_json_stays_json() {
        assert_eq!(visible("rlm\u{200f}gpj.exe"), "rlm\\u{200f}gpj.exe");
        assert_eq!(visible("a\u{2028}b\u{e0041}"), "a\\u{2028}b\\u{e0041}");
        // Persian needs the zero-width non-joiner: it stays.
        assert_eq!(visible("می\u{200c}خواهم"), "می\u{200c}خواهم");
        let escaped = json("{\"a\":\"x\u{200e}y\u{e0041}\"}");
        assert_eq!(escaped, r#"{"a":"x\u200ey\udb40\udc41"}"#);
        let back: serde_json::Value = serde_json::from_str(&escaped).unwrap();
        assert_eq!(back["a"], "x\u{200e}y\u{e0041}");
    }

    #[test]
    fn terminal_sequences_become_visible_text() {
        assert_eq!(
            visible(OSC52),
            "Daily\\u{1b}]52;c;ZWNobyBwd25lZA==\\u{7}News"
        );
        assert_eq!(
            visible("a\rb\u{9b}c\u{202e}d"),
            "a\\u{d}b\\u{9b}c\\u{202e}d"
        );
        assert_eq!(visible_text("line\nnext\tcol"), "line\nnext\tcol");
        assert_eq!(visible("line\nnext"), "line\\u{a}next");
        assert!(matches!(visible("Reuters — Тасс"), Cow::Borrowed(_)));
    }

    #[test]
    fn json_keeps_its_meaning_and_loses_raw_controls() {
        let v = serde_json::json!({ "name": "a\u{9b}b\u{7f}\u{202e}\u{1b}" });
        let text = serde_json::to_string(&v).unwrap();
        let safe = json(&text);
        assert!(!safe.chars().any(is_unsafe), "{safe}");
        let back: serde_json::Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, v);
    }

    #[test]
    fn the_writer_escapes_across_split_writes_and_bad_bytes() {
        let mut out = Vec::new();
        {
            let mut w = Escaping::new(&mut out, Mode::Text);
            let bytes = "x\u{9b}y\u{1b}[2J".as_bytes();
            // "\u{9b}" is two bytes in UTF-8: split between them.
            w.write_all(&bytes[..2]).unwrap();
            w.write_all(&bytes[2..]).unwrap();
            w.write_all(b"\xff\n").unwrap();
        }
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "x\\u{9b}y\\u{1b}[2J\\xff\n"
        );
    }
}
