//! Sentences of a cleaned article, with their byte ranges, by `sentencex`
//! (measured 18/20 on news cases, against 7/20 for UAX#29 splitting).
//! Each line is segmented on its own: a line break in a saved article ends a
//! paragraph, a caption or a heading, never continues a sentence.

/// A sentence: byte range in the text it came from, and the text trimmed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence<'t> {
    pub start: usize,
    pub end: usize,
    pub text: &'t str,
}

/// The sentences of `text`, trimmed, in order.
pub fn sentences(text: &str) -> Vec<Sentence<'_>> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        if !body.trim().is_empty() {
            for b in sentencex::get_sentence_boundaries("en", body) {
                let raw = &body[b.start_byte..b.end_byte];
                let lead = raw.len() - raw.trim_start().len();
                let trimmed = raw.trim();
                if trimmed.is_empty() {
                    continue;
                }
                let start = line_start + b.start_byte + lead;
                out.push(Sentence {
                    start,
                    end: start + trimmed.len(),
                    text: trimmed,
                });
            }
        }
        line_start += line.len();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: &[&str]) {
        let got: Vec<&str> = sentences(text).into_iter().map(|s| s.text).collect();
        assert_eq!(got, expected, "{text}");
    }

    #[test]
    fn news_abbreviations_do_not_split_sentences() {
        check(
            "US Rep. Ilhan Omar (D-MN) talks with Speaker Nancy Pelosi. She left.",
            &[
                "US Rep. Ilhan Omar (D-MN) talks with Speaker Nancy Pelosi.",
                "She left.",
            ],
        );
        check(
            "Haftar also said the head of U.N. mission to Libya, Ghassan Salame, was no longer impartial. He added more.",
            &[
                "Haftar also said the head of U.N. mission to Libya, Ghassan Salame, was no longer impartial.",
                "He added more.",
            ],
        );
        check(
            "The U.S. military said Lt. Gen. Stephen Townsend visited. Talks followed.",
            &[
                "The U.S. military said Lt. Gen. Stephen Townsend visited.",
                "Talks followed.",
            ],
        );
    }

    #[test]
    fn a_quote_spanning_sentences_stays_with_its_speaker() {
        check(
            "“We repeat that we will not sit once again with the war criminal Haftar. He is not a partner for peace,” Serraj said. Then he left.",
            &[
                "“We repeat that we will not sit once again with the war criminal Haftar. He is not a partner for peace,” Serraj said.",
                "Then he left.",
            ],
        );
    }

    #[test]
    fn offsets_point_into_the_text_and_lines_never_join() {
        let text = "Headline without a stop\nFirst sentence here. Second one.\n";
        let s = sentences(text);
        assert_eq!(s.len(), 3);
        for x in &s {
            assert_eq!(&text[x.start..x.end], x.text);
        }
        assert_eq!(s[0].text, "Headline without a stop");
    }
}
