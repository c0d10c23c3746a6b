//! Cleaning: what is not the article is taken out of a document's text before
//! analysis, and every offset in the cleaned text still maps back to the
//! stored text (and from there to the original file's bytes).
//!
//! Two levels:
//! - [`clean`] removes markup only: WordPress shortcodes go
//!   (`[su_dropcap]L[/su_dropcap]ibyan` reads `Libyan`; a `[su_label]` becomes
//!   a line of its own), editorial brackets in quotes (`[Russian President
//!   Vladimir] Putin`) stay. Outlet identification reads this: site footers
//!   are evidence there.
//! - [`article`] also removes page furniture (comment forms, share bars,
//!   breadcrumbs, site footers, captcha lines) and collapses paragraphs
//!   repeated inside the file, recording each removal. Claims are read from this.

use regex::Regex;
use std::sync::LazyLock;

/// Cleaned text with a map back to the text it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cleaned {
    pub text: String,
    /// (offset in `text`, offset in the source) at the start of every copied
    /// run; between anchors both advance together.
    anchors: Vec<(usize, usize)>,
    /// Byte ranges of the source that were removed, and why.
    pub removed: Vec<Removal>,
}

/// A piece of the source that cleaning took out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Removal {
    pub start: usize,
    pub end: usize,
    pub what: &'static str,
}

impl Cleaned {
    /// The source offset of byte `offset` of the cleaned text.
    pub fn source_offset(&self, offset: usize) -> usize {
        let i = self.anchors.partition_point(|(clean, _)| *clean <= offset);
        match i.checked_sub(1).map(|i| self.anchors[i]) {
            Some((clean, source)) => source + (offset - clean),
            None => offset,
        }
    }
}

impl Cleaned {
    /// Applies a second cleaning pass, whose offsets refer to this text, and
    /// returns one map from the final text straight to the original source.
    fn then(self, next: Cleaned) -> Cleaned {
        let mut anchors = Vec::with_capacity(next.anchors.len() + self.anchors.len());
        for (k, &(clean, mid)) in next.anchors.iter().enumerate() {
            let run_end = next
                .anchors
                .get(k + 1)
                .map(|a| a.0)
                .unwrap_or(next.text.len());
            let mid_end = mid + (run_end - clean);
            anchors.push((clean, self.source_offset(mid)));
            // Where the first pass removed something inside this run, the
            // mapping jumps: add an anchor there.
            let from = self.anchors.partition_point(|a| a.0 <= mid);
            for &(first_clean, first_source) in &self.anchors[from..] {
                if first_clean >= mid_end {
                    break;
                }
                anchors.push((clean + (first_clean - mid), first_source));
            }
        }
        let mut removed = self.removed.clone();
        removed.extend(next.removed.iter().map(|r| Removal {
            start: self.source_offset(r.start),
            end: self.source_offset(r.end.max(r.start + 1) - 1) + 1,
            what: r.what,
        }));
        removed.sort_by_key(|r| r.start);
        Cleaned {
            text: next.text,
            anchors,
            removed,
        }
    }
}

/// Builds cleaned text by copying runs of the source and inserting breaks.
struct Builder<'a> {
    source: &'a str,
    out: Cleaned,
}

impl<'a> Builder<'a> {
    fn new(source: &'a str) -> Self {
        Builder {
            source,
            out: Cleaned {
                text: String::with_capacity(source.len()),
                anchors: Vec::new(),
                removed: Vec::new(),
            },
        }
    }

    fn copy(&mut self, start: usize, end: usize) {
        if start < end {
            self.out.anchors.push((self.out.text.len(), start));
            self.out.text.push_str(&self.source[start..end]);
        }
    }

    /// A line break standing for removed markup at `at`, unless one is there.
    fn line_break(&mut self, at: usize) {
        if !self.out.text.is_empty() && !self.out.text.ends_with('\n') {
            self.out.anchors.push((self.out.text.len(), at));
            self.out.text.push('\n');
        }
    }

    /// A space standing for the line break at `at` (a hard-wrapped line
    /// joined to the next).
    fn space(&mut self, at: usize) {
        self.out.anchors.push((self.out.text.len(), at));
        self.out.text.push(' ');
    }

    fn remove(&mut self, start: usize, end: usize, what: &'static str) {
        self.out.removed.push(Removal { start, end, what });
    }
}

static SHORTCODE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\[(/?)([a-z][a-z0-9]*(?:_[a-z0-9]+)*)((?:\s[^\]\[]*)?)\]").unwrap()
});

/// Shortcode names that are not namespaced with an underscore but are common.
const PLAIN_SHORTCODES: [&str; 16] = [
    "caption",
    "embed",
    "gallery",
    "audio",
    "video",
    "playlist",
    "dropcap",
    "button",
    "tabs",
    "tab",
    "spoiler",
    "highlight",
    "label",
    "spacer",
    "divider",
    "tooltip",
];

/// Shortcodes whose content belongs to the text around it.
fn is_inline(name: &str) -> bool {
    [
        "dropcap",
        "highlight",
        "tooltip",
        "abbr",
        "font",
        "color",
        "b",
        "i",
        "u",
    ]
    .iter()
    .any(|s| name == *s || name.ends_with(&format!("_{s}")))
}

/// Removes WordPress shortcodes, keeping their content.
pub fn clean(source: &str) -> Cleaned {
    let mut b = Builder::new(source);
    let mut at = 0;
    for m in SHORTCODE.captures_iter(source) {
        let whole = m.get(0).unwrap();
        let name = &m[2];
        if !(name.contains('_') || PLAIN_SHORTCODES.contains(&name)) {
            continue;
        }
        b.copy(at, whole.start());
        if !is_inline(name) {
            b.line_break(whole.start());
        }
        b.remove(whole.start(), whole.end(), "WordPress shortcode");
        at = whole.end();
    }
    b.copy(at, source.len());
    b.out
}

/// Whole lines that are page furniture, not article text.
static FURNITURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^\s*(?:
            leave\ a\ (?:reply|comment) | post\ a\ comment | add\ a\ comment | \d*\s*comments? |
            please\ enter\ your\ (?:comment|name)(?:\ here)?!? | you\ have\ entered\ an\ incorrect\ email\ address!? |
            your\ email\ address\ will\ not\ be\ published\.?(?:\ required\ fields\ are\ marked\ \*)? |
            required\ fields\ are\ marked\ \* | save\ my\ name,?\ email.* | notify\ me\ of\ .* |
            (?:share|share\ this(?:\ article|\ story)?|tweet|email|print|whatsapp|facebook|twitter|linkedin|reddit|pinterest)\s*:? |
            click\ to\ (?:share|email|print)\ .* | related(?:\ articles?|\ stories|\ posts)?\s*:? | advertisement | sponsored |
            read\ more\s*:? | (?:sign\ up|subscribe)\ (?:for|to)\ .{0,60} | .{0,40}\bpowered\ by\b.{0,40} |
            \d{1,3}\s*[-−–+×x*]\s*\d{1,3}\s*=\s*\d*
        )\s*$",
    )
    .unwrap()
});

/// A picture's caption: a line ending with the picture's credit, "(AP
/// Photo/Pablo Martinez Monsivais)", "(Photo: Alex Wong, Getty Images)",
/// "(Photo by Jonathan NACKSTRAND / AFP)", "(Sergei Karpukhin/Reuters)",
/// "| Alex Wong/Getty Images", or a video's, "(July 13) AP". Its words are
/// the picture agency's, under any page's byline: a caption run on a
/// paper's page is no claim of the paper's (Helsinki samples, 2026-12-02
/// and -03: AP and AFP captions on USA Today and Boston Globe pages counted
/// as their corroboration).
static CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)(?:
            \((?:[A-Z]{2,6}\s+)?(?i:photos?)\b[^()]{0,80}\)
          | \((?:Photo|Image|Picture)s?\s*(?::|by|credit)[^()]{0,80}\)
          | \([A-Z][\w.&-]*(?:\s[A-Z][\w.&-]*)?\s*/\s*[^()/]{2,60}\)
          | \bGetty\ Images\)?
          | \([A-Z][a-z]+\.?\s\d{1,2}\)\s+(?:AP|AFP|Reuters|Bloomberg)
        )\s*$",
    )
    .unwrap()
});

/// A caption closed by a credit after its sentence, as The New York Times
/// prints them: "… in Helsinki. Credit Doug Mills/The New York Times". Only
/// tried on lines holding " Credit " (a pattern this loose costs the
/// cleaning six times its time when tried on every line).
static CREDIT_CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"[.!?”\x22]\s+Credit\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,5}(?:\s*/\s*[A-Z][^/\n]{1,60})?\s*$",
    )
    .unwrap()
});

/// "News / North Africa", "Home > World > Africa".
static BREADCRUMB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*[A-Z][\w&' -]{0,25}(?:\s+[/>»|]\s+[A-Z][\w&' -]{0,25}){1,4}\s*$").unwrap()
});

/// A heading after which a page has only comments.
static COMMENTS_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:leave a reply|leave a comment|\d+ comments?|comments)\s*$").unwrap()
});

/// Paragraphs shorter than this are never treated as a repeat (a repeated
/// "Iran Press TV" label is furniture, not a repeated body).
const REPEAT_MIN_CHARS: usize = 40;

/// The lines of `text` with their line breaks, each with its byte offset.
fn lines_at(text: &str) -> Vec<(usize, &str)> {
    let mut at = 0;
    text.split_inclusive('\n')
        .map(|l| {
            let start = at;
            at += l.len();
            (start, l)
        })
        .collect()
}

/// The article's text: markup, page furniture and repeated paragraphs
/// removed. `site_markers` are known site-furniture phrases (the registry's
/// publisher markers); a line holding one is removed.
pub fn article(source: &str, site_markers: &[&str]) -> Cleaned {
    let first = clean(source);
    let owned = first.text.clone();
    let text = owned.as_str();
    let mut b = Builder::new(text);
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let lines = lines_at(text);
    let comments_from = lines
        .iter()
        .position(|(start, l)| {
            *start * 10 >= text.len() * 6 && COMMENTS_START.is_match(l.trim_end())
        })
        .unwrap_or(lines.len());
    for (index, &(start, line)) in lines.iter().enumerate() {
        let end = start + line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        let key = content.split_whitespace().collect::<Vec<_>>().join(" ");
        let what = if index >= comments_from {
            Some("comment area")
        } else if key.is_empty() {
            None
        } else if FURNITURE.is_match(content) {
            Some("page furniture")
        } else if BREADCRUMB.is_match(content) {
            Some("breadcrumb")
        } else if CAPTION.is_match(content)
            || (content.contains(" Credit ") && CREDIT_CAPTION.is_match(content))
        {
            Some("photo caption")
        } else if site_markers.iter().any(|m| content.contains(m)) {
            Some("site footer")
        } else if key.len() >= REPEAT_MIN_CHARS && seen.contains_key(&key) {
            Some("repeated paragraph")
        } else {
            None
        };
        match what {
            Some(what) => b.remove(start, end, what),
            None => {
                if key.len() >= REPEAT_MIN_CHARS {
                    seen.entry(key).or_insert(index);
                }
                b.copy(start, end);
            }
        }
    }
    let second = b.out;
    let cleaned = first.then(second);
    match unwrapped(&cleaned.text) {
        Some(third) => cleaned.then(third),
        None => cleaned,
    }
}

/// Lines of a hard-wrapped text (saved from a plain-text feed, an e-mail
/// or a terminal, broken at a fixed width inside its sentences) long
/// enough to have reached the margin.
const WRAPPED_MIN_CHARS: usize = 40;

/// Words that never end a sentence or a heading: a line ending with one
/// was broken inside its sentence ("…on the Noto peninsula in" /
/// "Ishikawa prefecture.").
const CONTINUING_WORDS: [&str; 40] = [
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "with", "by", "and", "or",
    "but", "as", "that", "which", "who", "whose", "its", "their", "his", "her", "our", "was",
    "were", "is", "are", "has", "have", "had", "be", "been", "than", "into", "after", "before",
    "about", "over",
];

/// Whether a line ends where a sentence, a heading or a caption may end.
fn ends_a_sentence(line: &str) -> bool {
    line.trim_end()
        .ends_with(['.', '!', '?', ':', ';', '"', '”', '’', ')', ']', '…'])
}

/// Whether `next` carries on the sentence `line` breaks: it opens with a
/// small letter, a figure or a bracket, or `line` ends with a comma or a
/// word no sentence ends with.
fn carries_on(line: &str, next: &str) -> bool {
    let last = line
        .trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("");
    next.trim_start()
        .starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit() || c == '(')
        || last.ends_with(',')
        || CONTINUING_WORDS.contains(&last.to_lowercase().as_str())
}

/// A hard-wrapped text's lines joined back into its paragraphs, or `None`
/// when the text is not hard-wrapped. A text is when nearly all its lines
/// are short (≤ 100 characters) and, of its lines long enough to reach a
/// margin, at least three and a quarter break a sentence before a line
/// opening with a small letter or a figure: an article saved with a line
/// per paragraph does neither. Only a line that reached the margin and
/// does not end as a sentence may is joined, so headings, captions and
/// paragraph ends stay lines of their own; a blank line always ends a
/// paragraph.
fn unwrapped(text: &str) -> Option<Cleaned> {
    let lines = lines_at(text);
    let body = |k: usize| lines[k].1.trim_end_matches(['\n', '\r']);
    let chars = |l: &str| l.trim().chars().count();
    let blank = |k: usize| body(k).trim().is_empty();
    let filled = (0..lines.len()).filter(|&k| !blank(k)).count();
    let short = (0..lines.len())
        .filter(|&k| !blank(k) && chars(body(k)) <= 100)
        .count();
    if filled < 6 || short * 5 < filled * 4 {
        return None;
    }
    // Whether line k is joined to the next (see above).
    let joined: Vec<bool> = (0..lines.len())
        .map(|k| {
            k + 1 < lines.len()
                && !blank(k + 1)
                && lines[k].1.ends_with('\n')
                && chars(body(k)) >= WRAPPED_MIN_CHARS
                && !ends_a_sentence(body(k))
                && carries_on(body(k), body(k + 1))
        })
        .collect();
    let margin_lines = (0..lines.len().saturating_sub(1))
        .filter(|&k| chars(body(k)) >= WRAPPED_MIN_CHARS && !blank(k + 1))
        .count();
    let broken = (0..lines.len().saturating_sub(1))
        .filter(|&k| {
            joined[k]
                && body(k + 1)
                    .trim_start()
                    .starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit())
        })
        .count();
    if broken < 3 || broken * 4 < margin_lines {
        return None;
    }
    let mut b = Builder::new(text);
    for (k, &(start, line)) in lines.iter().enumerate() {
        if joined[k] {
            let content = body(k).trim_end();
            b.copy(start, start + content.len());
            b.space(start + content.len());
        } else {
            b.copy(start, start + line.len());
        }
    }
    Some(b.out)
}

impl Cleaned {
    /// Runs of consecutive removed lines with the same reason, as
    /// (start, end, what) byte ranges of the source: "lines 13–21 repeated".
    pub fn removed_blocks(&self) -> Vec<Removal> {
        let mut out: Vec<Removal> = Vec::new();
        for r in &self.removed {
            match out.last_mut() {
                Some(last) if last.what == r.what && r.start <= last.end + 1 => {
                    last.end = last.end.max(r.end)
                }
                _ => out.push(r.clone()),
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortcodes_go_their_content_stays_and_offsets_map_back() {
        let src = "[su_label type=”info”]SMA News – Agencies[/su_label][su_spacer size=”10″][su_dropcap]L[/su_dropcap]ibyan eastern commander";
        let c = clean(src);
        assert_eq!(c.text, "SMA News – Agencies\nLibyan eastern commander");
        for needle in ["SMA News – Agencies", "ibyan eastern", "commander"] {
            let at = c.text.find(needle).unwrap();
            let s = c.source_offset(at);
            assert_eq!(&src[s..s + needle.len()], needle);
        }
        assert_eq!(c.removed.len(), 5);
    }

    #[test]
    fn a_body_saved_twice_is_read_once_and_the_repeat_recorded() {
        let body = "The fighting has killed at least 510 people, forced 75,000 out of their homes.\n\
                    Haftar also said the head of U.N. mission to Libya was no longer impartial.\n";
        let src = format!("Title\n[su_label]SMA News – Agencies[/su_label]{body}{body}");
        let c = article(&src, &[]);
        assert_eq!(c.text.matches("at least 510 people").count(), 1);
        let repeats: Vec<_> = c
            .removed_blocks()
            .into_iter()
            .filter(|r| r.what == "repeated paragraph")
            .collect();
        assert_eq!(repeats.len(), 1);
        assert_eq!(&src[repeats[0].start..repeats[0].end], body);
        // Offsets still map through both passes.
        for needle in ["Agencies", "at least 510 people", "no longer impartial"] {
            let at = c.text.find(needle).unwrap();
            let s = c.source_offset(at);
            assert_eq!(&src[s..s + needle.len()], needle);
        }
    }

    /// A story saved from a plain-text feed, broken at 72 columns inside
    /// its sentences: its paragraphs are read whole, its heading, byline
    /// and the paragraph ends stay lines, and every offset maps back.
    #[test]
    fn a_hard_wrapped_story_is_read_in_whole_sentences() {
        let src = "Flood toll rises to 48 as rescuers reach cut-off villages\n\
                   By Jane Doe and Li Ming\n\
                   RIVERTON (Reuters) - At least 48 people were killed after floods hit the\n\
                   northern province on Monday, with rescue teams struggling on Tuesday to\n\
                   reach villages where bridges had been washed away.\n\
                   The river rose by 4.5 metres in six hours, prompting people in the\n\
                   valley to flee to higher ground as the water swept cars into the\n\
                   town centre.\n\
                   A 2,000-strong crew of soldiers and firefighters has been sent to the\n\
                   district of Eastvale in the north of the valley, near its border with\n\
                   Northern Province.\n\
                   \"The search for those missing is a battle against time,\" the governor\n\
                   said on Tuesday.\n";
        let c = article(src, &[]);
        for whole in [
            "At least 48 people were killed after floods hit the northern province on Monday, with rescue teams struggling on Tuesday to reach villages where bridges had been washed away.",
            "The river rose by 4.5 metres in six hours, prompting people in the valley to flee to higher ground as the water swept cars into the town centre.",
            "A 2,000-strong crew of soldiers and firefighters has been sent to the district of Eastvale in the north of the valley, near its border with Northern Province.",
            "\"The search for those missing is a battle against time,\" the governor said on Tuesday.",
        ] {
            assert!(c.text.contains(whole), "{whole:?} in {:?}", c.text);
        }
        // The heading, the byline and each paragraph's end stay lines.
        assert!(c.text.starts_with("Flood toll rises to 48 as rescuers reach cut-off villages\nBy Jane Doe and Li Ming\nRIVERTON"));
        assert!(c.text.contains("washed away.\nThe river"));
        for needle in [
            "northern province",
            "Northern Province.",
            "said on Tuesday.",
        ] {
            let at = c.text.find(needle).unwrap();
            let s = c.source_offset(at);
            assert_eq!(&src[s..s + needle.len()], needle);
        }
        // The sentences a reader sees.
        let sentences: Vec<&str> = crate::claims::segment::sentences(&c.text)
            .iter()
            .map(|s| s.text)
            .collect();
        assert!(sentences.contains(&"The river rose by 4.5 metres in six hours, prompting people in the valley to flee to higher ground as the water swept cars into the town centre."), "{sentences:#?}");
    }

    /// An article saved a line per paragraph, with short headings and
    /// captions, is left as it is.
    #[test]
    fn an_article_with_a_line_per_paragraph_is_not_unwrapped() {
        let src = "Talks resume in Geneva\n\
                   Updated 10:42\n\
                   GENEVA (AP) - Negotiators met on Monday for the first time since the talks broke down in March, officials said.\n\
                   the meeting lasted three hours\n\
                   Both sides said they would meet again on Thursday, and that a draft text was being written by the mediators.\n\
                   The mediators declined to comment\n\
                   on the draft.\n";
        let c = article(src, &[]);
        assert_eq!(c.text, src);
    }

    #[test]
    fn page_furniture_goes_and_the_article_stays() {
        let src = "News   /   North Africa\n\nLibya's PM says the general is not a partner.\n\
                   Press TV’s website can also be accessed at the following alternate addresses:\n\
                   Share this:\n\nLeave a Reply\n\nYour email address will not be published.\n\n14 − 6 =\n\n\
                   WP2Social Auto Publish Powered By :\n";
        let c = article(src, &["Press TV’s website can also be accessed"]);
        assert_eq!(
            c.text.trim(),
            "Libya's PM says the general is not a partner."
        );
        let kinds: Vec<&str> = c.removed_blocks().iter().map(|r| r.what).collect();
        assert!(
            kinds.contains(&"breadcrumb")
                && kinds.contains(&"site footer")
                && kinds.contains(&"comment area"),
            "{kinds:?}"
        );
    }

    /// Captions as the Helsinki pages print them: the line goes, with its
    /// reason; the story's own lines, parentheses and datelines stay.
    #[test]
    fn a_pictures_caption_is_no_line_of_the_article() {
        let captions = [
            "President Trump and Putin shake hands in Helsinki, Monday, July 16, 2018. (AP Photo/Pablo Martinez Monsivais)",
            "(Photo: Alex Wong, Getty Images)",
            "Ilhan Omar talks with Nancy Pelosi before the vote. (AFP photo)",
            "Trump waves on arrival. (Photo by Jonathan NACKSTRAND / AFP) (Photo credit should read JONATHAN NACKSTRAND/AFP/Getty Images)",
            "Putin at the Kremlin in Moscow. (Sergei Karpukhin/Reuters)",
            "\u{201c}He's the ringmaster,\u{201d} said Rep. Adam Schiff. | Alex Wong/Getty Images",
            "Putin's spokesman said he hopes the summit is a 'baby step'. (July 16) AP",
            "President Trump and other officials at breakfast in Helsinki. Credit Doug Mills/The New York Times",
            "Leonid I. Brezhnev with President Gerald R. Ford in Helsinki, Finland, in 1975. Credit Associated Press",
        ];
        let kept = [
            "HELSINKI (AP) \u{2014} Trump and Putin met for two hours on Monday.",
            "Prices rose by 5 percent (year on year), the statistics office said.",
            "The talks (the first since 2017) lasted two hours.",
            "MOSCOW, July 16 (Reuters) - The Kremlin said the talks went well.",
            "The bank wrote off the loan. Credit Suisse declined to comment.",
        ];
        let src: String = captions
            .iter()
            .zip(kept.iter().cycle())
            .flat_map(|(c, k)| [format!("{k}\n"), format!("{c}\n")])
            .collect();
        let c = article(&src, &[]);
        for k in kept {
            assert!(c.text.contains(k), "{k} kept: {:?}", c.text);
        }
        for caption in captions {
            assert!(!c.text.contains(caption), "{caption} removed: {:?}", c.text);
        }
        let kinds: Vec<&str> = c.removed_blocks().iter().map(|r| r.what).collect();
        assert_eq!(
            kinds.iter().filter(|k| **k == "photo caption").count(),
            captions.len(),
            "{kinds:?}"
        );
    }

    #[test]
    fn editorial_brackets_and_plain_text_are_untouched() {
        for src in [
            "\"We welcome [Russian President Vladimir] Putin's call [sic].\"",
            "A list [1] and [a] note",
            "",
        ] {
            let c = clean(src);
            assert_eq!(c.text, src);
            assert!(c.removed.is_empty());
        }
    }
}
