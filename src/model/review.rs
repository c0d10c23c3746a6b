//! The review log as the store keeps it: verdicts, notes and session
//! events, each bound to the bytes it rests on, sealed into a hash chain;
//! what a chain check and an export's anchor find. Plain data and the
//! chain's own rules (sealing, checking); recording into a store is
//! `crate::review`'s.

use crate::relpath::RelPath;
use crate::verification::Status;
use serde::{Serialize, Serializer};
use std::collections::HashMap;

/// A reviewer's judgement of a claim cluster (or a document).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Independent sources confirm it.
    Corroborated,
    /// Rests on one source: needs a second one before use.
    SingleSource,
    /// Sources disagree, or evidence contradicts it.
    Disputed,
    /// Cannot be checked with what is available.
    Unverifiable,
}

impl Verdict {
    pub const ALL: [Verdict; 4] = [
        Verdict::Corroborated,
        Verdict::SingleSource,
        Verdict::Disputed,
        Verdict::Unverifiable,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Corroborated => "corroborated",
            Verdict::SingleSource => "single_source",
            Verdict::Disputed => "disputed",
            Verdict::Unverifiable => "unverifiable",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.as_str() == s)
    }

    /// In words, as a reviewer reads it.
    pub fn describe(self) -> &'static str {
        match self {
            Verdict::Corroborated => "corroborated",
            Verdict::SingleSource => "single source — needs a second source",
            Verdict::Disputed => "disputed",
            Verdict::Unverifiable => "unverifiable",
        }
    }
}

/// What an annotation is about.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum Target {
    /// A claim cluster, by its stable id.
    Cluster(String),
    /// A document, by its path in the corpus (lossy UTF-8 for display; the
    /// anchors hold the exact bytes).
    Document(String),
}

impl Target {
    pub fn kind(&self) -> &'static str {
        match self {
            Target::Cluster(_) => "cluster",
            Target::Document(_) => "document",
        }
    }

    pub fn id(&self) -> &str {
        match self {
            Target::Cluster(id) | Target::Document(id) => id,
        }
    }

    pub fn parse(kind: &str, id: &str) -> Option<Self> {
        match kind {
            "cluster" => Some(Target::Cluster(id.to_owned())),
            "document" => Some(Target::Document(id.to_owned())),
            _ => None,
        }
    }
}

/// The bytes an annotation rests on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Anchor {
    pub path: RelPath,
    /// SHA-256 of the document's bytes when the annotation was made.
    pub document_sha256: String,
    /// Byte span in the document; `None` for the whole file.
    pub start: Option<u64>,
    pub end: Option<u64>,
}

/// An anchor as JSON: in the log's canonical form and in what the app reads.
#[derive(Serialize, serde::Deserialize)]
struct AnchorJson {
    path: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    path_hex: Option<String>,
    document_sha256: String,
    start: Option<u64>,
    end: Option<u64>,
}

impl From<&Anchor> for AnchorJson {
    fn from(a: &Anchor) -> Self {
        AnchorJson {
            path: a.path.to_string_lossy().into_owned(),
            path_hex: (!a.path.is_utf8()).then(|| crate::fingerprint::hex(a.path.as_bytes())),
            document_sha256: a.document_sha256.clone(),
            start: a.start,
            end: a.end,
        }
    }
}

impl Serialize for Anchor {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        AnchorJson::from(self).serialize(s)
    }
}

/// Bytes from lower- or upper-case hex; `None` when it is not hex.
pub fn unhex(s: &str) -> Option<Vec<u8>> {
    s.len()
        .is_multiple_of(2)
        .then(|| {
            (0..s.len())
                .step_by(2)
                .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
                .collect()
        })
        .flatten()
}

/// The anchors as the log stores them (JSON).
pub fn anchors_to_json(anchors: &[Anchor]) -> String {
    let list: Vec<AnchorJson> = anchors.iter().map(AnchorJson::from).collect();
    serde_json::to_string(&list).expect("anchors serialise")
}

/// The anchors from the log's JSON; `None` when it is not valid.
pub fn anchors_from_json(json: &str) -> Option<Vec<Anchor>> {
    let list: Vec<AnchorJson> = serde_json::from_str(json).ok()?;
    list.into_iter()
        .map(|a| {
            let bytes = match &a.path_hex {
                Some(hex) => unhex(hex)?,
                None => a.path.into_bytes(),
            };
            Some(Anchor {
                path: RelPath::from_bytes(bytes),
                document_sha256: a.document_sha256,
                start: a.start,
                end: a.end,
            })
        })
        .collect()
}

/// A part of a document a reviewer points at, before it is bound to bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    pub path: RelPath,
    pub start: Option<u64>,
    pub end: Option<u64>,
}

/// What a log entry records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    SessionStarted,
    SessionClosed,
    SessionResumed,
    Verdict,
    Note,
    /// A report, manifest or bag was written (`detail` says what and its hash).
    Export,
}

impl Action {
    pub fn as_str(self) -> &'static str {
        match self {
            Action::SessionStarted => "session_started",
            Action::SessionClosed => "session_closed",
            Action::SessionResumed => "session_resumed",
            Action::Verdict => "verdict",
            Action::Note => "note",
            Action::Export => "export",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "session_started" => Action::SessionStarted,
            "session_closed" => Action::SessionClosed,
            "session_resumed" => Action::SessionResumed,
            "verdict" => Action::Verdict,
            "note" => Action::Note,
            "export" => Action::Export,
            _ => return None,
        })
    }
}

/// An entry about to be appended to the log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewEntry {
    /// `None` for an export made outside a review session.
    pub session_id: Option<i64>,
    pub at: String,
    pub action: Action,
    pub target: Option<Target>,
    pub verdict: Option<Verdict>,
    pub note: Option<String>,
    /// Session events: who and what the session is.
    pub detail: Option<String>,
    pub anchors: Vec<Anchor>,
}

/// An entry of the log, as stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Entry {
    pub seq: i64,
    pub session_id: Option<i64>,
    pub at: String,
    pub action: Action,
    pub target: Option<Target>,
    pub verdict: Option<Verdict>,
    pub note: Option<String>,
    pub detail: Option<String>,
    pub anchors: Vec<Anchor>,
    pub prev_sha256: Option<String>,
    pub sha256: String,
    /// Set when the stored row holds values the program never writes (an
    /// unknown action or verdict, a target kind without an id, anchors that
    /// are not JSON): parts of such a row would escape the hash, so the
    /// chain is broken there.
    pub malformed: Option<String>,
}

/// The canonical form hashed into the chain: compact JSON, fields in this
/// order, every field present. Changing it breaks every existing chain.
#[derive(Serialize)]
struct Canonical<'a> {
    seq: i64,
    // An `Option` serialises a present id exactly as the plain integer the
    // first chains were hashed with, so their hashes still hold.
    session_id: Option<i64>,
    at: &'a str,
    action: &'static str,
    target_kind: Option<&'static str>,
    target_id: Option<&'a str>,
    verdict: Option<&'static str>,
    note: Option<&'a str>,
    detail: Option<&'a str>,
    anchors: Vec<AnchorJson>,
    prev_sha256: Option<&'a str>,
}

impl Entry {
    /// The entry's canonical JSON form (what its SHA-256 is taken over).
    pub fn canonical_json(&self) -> Vec<u8> {
        let c = Canonical {
            seq: self.seq,
            session_id: self.session_id,
            at: &self.at,
            action: self.action.as_str(),
            target_kind: self.target.as_ref().map(Target::kind),
            target_id: self.target.as_ref().map(Target::id),
            verdict: self.verdict.map(Verdict::as_str),
            note: self.note.as_deref(),
            detail: self.detail.as_deref(),
            anchors: self.anchors.iter().map(AnchorJson::from).collect(),
            prev_sha256: self.prev_sha256.as_deref(),
        };
        serde_json::to_vec(&c).expect("plain data serialises")
    }

    /// The SHA-256 this entry should carry.
    pub fn expected_sha256(&self) -> String {
        crate::fingerprint::sha256_hex(&self.canonical_json())
    }
}

/// Seals a new entry as number `seq`, after the entry whose hash is `prev`.
pub fn seal(new: NewEntry, seq: i64, prev: Option<String>) -> Entry {
    let mut entry = Entry {
        seq,
        session_id: new.session_id,
        at: new.at,
        action: new.action,
        target: new.target,
        verdict: new.verdict,
        note: new.note,
        detail: new.detail,
        anchors: new.anchors,
        prev_sha256: prev,
        sha256: String::new(),
        malformed: None,
    };
    entry.sha256 = entry.expected_sha256();
    entry
}

/// What checking the chain found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum ChainCheck {
    /// Every entry hashes to its recorded SHA-256 and links to the one before.
    Intact {
        entries: u64,
        /// The SHA-256 of the last entry; `None` for an empty log.
        head: Option<String>,
    },
    /// The first entry that does not fit.
    Broken { seq: i64, reason: String },
}

/// Checks the log, oldest entry first: each entry must link to the previous
/// entry's hash and hash to its own recorded SHA-256.
pub fn verify_chain(entries: &[Entry]) -> ChainCheck {
    let mut prev: Option<&str> = None;
    for e in entries {
        if let Some(what) = &e.malformed {
            return ChainCheck::Broken {
                seq: e.seq,
                reason: format!(
                    "entry {} holds values provaudit never writes ({what}): the row was edited outside the program",
                    e.seq
                ),
            };
        }
        if e.prev_sha256.as_deref() != prev {
            return ChainCheck::Broken {
                seq: e.seq,
                reason: format!(
                    "entry {} does not follow the entry before it (an entry was removed, inserted or reordered)",
                    e.seq
                ),
            };
        }
        if e.expected_sha256() != e.sha256 {
            return ChainCheck::Broken {
                seq: e.seq,
                reason: format!(
                    "entry {} was changed after it was written (its content no longer matches its SHA-256)",
                    e.seq
                ),
            };
        }
        prev = Some(&e.sha256);
    }
    ChainCheck::Intact {
        entries: entries.len() as u64,
        head: prev.map(str::to_owned),
    }
}

/// What checking a log against an anchor found: the entry count and head
/// hash an earlier export stated (see `export::LogAnchor`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum AnchorCheck {
    /// The chain is intact and still holds the anchored entry with that
    /// hash; `later` entries were added since.
    Holds { entries: u64, later: u64 },
    /// The chain itself is broken.
    Broken { seq: i64, reason: String },
    /// The log has fewer entries than when the export was made: its tail
    /// was cut off.
    Truncated { expected: u64, found: u64 },
    /// The entry the export anchored has another hash now: the log was
    /// rewritten (every hash recomputed) from that entry or before.
    Rewritten {
        seq: u64,
        expected: String,
        found: String,
    },
}

impl AnchorCheck {
    pub fn holds(&self) -> bool {
        matches!(self, AnchorCheck::Holds { .. })
    }

    /// In words, for a person.
    pub fn describe(&self) -> String {
        match self {
            AnchorCheck::Holds { entries, later } => format!(
                "the review log still holds the {entries} entries the export anchored, unchanged ({later} added since)"
            ),
            AnchorCheck::Broken { reason, .. } => {
                format!("the review log's hash chain is broken: {reason}")
            }
            AnchorCheck::Truncated { expected, found } => format!(
                "the review log was cut short: the export anchored {expected} entries, the store holds {found}"
            ),
            AnchorCheck::Rewritten {
                seq,
                expected,
                found,
            } => format!(
                "the review log was rewritten: entry {seq} hashed {expected} when the export was made and hashes {found} now"
            ),
        }
    }
}

/// Checks `log` against an anchor: the chain must be intact and entry
/// `entries` must still carry `head`. A log cut short, or rewritten with
/// new hashes, passes [`verify_chain`] but fails here.
pub fn check_anchor(log: &[Entry], entries: u64, head: Option<&str>) -> AnchorCheck {
    if let ChainCheck::Broken { seq, reason } = verify_chain(log) {
        return AnchorCheck::Broken { seq, reason };
    }
    let found = log.len() as u64;
    if found < entries {
        return AnchorCheck::Truncated {
            expected: entries,
            found,
        };
    }
    if entries > 0 {
        let anchored = &log[entries as usize - 1];
        if Some(anchored.sha256.as_str()) != head {
            return AnchorCheck::Rewritten {
                seq: entries,
                expected: head.unwrap_or("(none)").to_owned(),
                found: anchored.sha256.clone(),
            };
        }
    }
    AnchorCheck::Holds {
        entries,
        later: found - entries,
    }
}

/// A review session.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Session {
    pub id: i64,
    pub reviewer: String,
    pub title: String,
    pub started_at: String,
    /// `None` while the session is open.
    pub ended_at: Option<String>,
}

/// A verdict or note with what became of the bytes it rests on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Annotation {
    pub seq: i64,
    pub session_id: i64,
    pub reviewer: String,
    pub at: String,
    pub target: Target,
    pub verdict: Option<Verdict>,
    pub note: Option<String>,
    pub anchors: Vec<Anchor>,
    /// The documents changed or vanished since: the annotation must be
    /// looked at again.
    pub stale: bool,
    /// Why, naming each file.
    pub stale_reasons: Vec<String>,
}

/// An export as the review log records it (the entry's `detail`, as JSON).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct ExportRecord {
    /// `html`, `md`, `json`, `csv`, `claimreview`, `annotations`,
    /// `sha256sum` or `bagit`.
    pub format: String,
    /// Where it was written.
    pub path: String,
    /// SHA-256 of the file written (for a bag, of its tag manifest).
    pub sha256: String,
    pub bytes: u64,
}

/// An export entry of the log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ExportEntry {
    pub seq: i64,
    pub at: String,
    pub session_id: Option<i64>,
    #[serde(flatten)]
    pub record: ExportRecord,
}

/// Everything the review screens show.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ReviewState {
    pub sessions: Vec<Session>,
    /// Reports, manifests and bags written, oldest first.
    pub exports: Vec<ExportEntry>,
    /// Every verdict and note, oldest first.
    pub annotations: Vec<Annotation>,
    /// The newest verdict per target, by `"<kind>:<id>"`.
    pub verdicts: HashMap<String, Annotation>,
    pub chain: ChainCheck,
}

/// Why each anchor no longer holds: the store holds other bytes for its path
/// (or none), or the latest verification found it modified or missing.
pub fn staleness(
    anchors: &[Anchor],
    current: &HashMap<RelPath, String>,
    statuses: &HashMap<RelPath, Status>,
) -> Vec<String> {
    let mut reasons = Vec::new();
    for a in anchors {
        let name = a.path.to_string_lossy();
        match current.get(&a.path) {
            None => reasons.push(format!("{name}: no longer in the store")),
            Some(sha) if *sha != a.document_sha256 => reasons.push(format!(
                "{name}: changed since the review (reviewed {}…, now {}…)",
                short(&a.document_sha256),
                short(sha)
            )),
            Some(_) => {}
        }
        match statuses.get(&a.path) {
            Some(Status::Modified) => reasons.push(format!(
                "{name}: the latest verification found the file modified"
            )),
            Some(Status::Missing) => reasons.push(format!(
                "{name}: the latest verification found the file missing"
            )),
            _ => {}
        }
    }
    reasons
}

fn short(sha: &str) -> &str {
    &sha[..sha.len().min(12)]
}

/// The review log's head when an export was made: how many entries it had
/// and the last one's SHA-256. Every export carries it, so a store's log can
/// later be checked against what was handed on (`provaudit verify-log`):
/// a log cut short or rewritten no longer holds that entry with that hash.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct LogAnchor {
    /// Entries in the log (the head's sequence number); 0 for an empty log.
    pub entries: u64,
    /// The head's SHA-256; `None` for an empty log.
    pub head: Option<String>,
    /// Why the chain is broken, when it was exported anyway.
    pub broken: Option<String>,
}

impl LogAnchor {
    pub fn of(chain: &ChainCheck) -> LogAnchor {
        match chain {
            ChainCheck::Intact { entries, head } => LogAnchor {
                entries: *entries,
                head: head.clone(),
                broken: None,
            },
            ChainCheck::Broken { reason, .. } => LogAnchor {
                entries: 0,
                head: None,
                broken: Some(reason.clone()),
            },
        }
    }

    /// The one line every export carries, in a form [`LogAnchor::find`]
    /// reads back from any of them.
    pub fn line(&self) -> String {
        format!("provaudit-review-log: {}", self.value())
    }

    /// [`LogAnchor::line`] without its label (a bag's `bag-info.txt` has its own).
    pub fn value(&self) -> String {
        match (&self.broken, &self.head) {
            (Some(reason), _) => format!("BROKEN ({reason})"),
            (None, Some(head)) => format!("entries={} head={head}", self.entries),
            (None, None) => "entries=0".to_owned(),
        }
    }

    /// The anchor an export states, read where each format puts it: a JSON
    /// report's `review.anchor`, a manifest's first line, a bag's
    /// `Provaudit-Review-Log:` tag; in an HTML or Markdown report every
    /// anchor-like line must agree (an article or a file name quoted in the
    /// report could hold one). An anchor of a non-empty log must carry its
    /// head. Returns why not, in words, when there is no single anchor.
    pub fn find(bytes: &[u8]) -> std::result::Result<(u64, Option<String>), String> {
        let text = String::from_utf8_lossy(bytes);
        let value = regex::Regex::new(r"^entries=(0|[1-9][0-9]{0,17})(?: head=([0-9a-f]{64}))?$")
            .expect("valid pattern");
        let parse = |v: &str| -> std::result::Result<(u64, Option<String>), String> {
            let c = value
                .captures(v.trim())
                .ok_or_else(|| format!("its review log anchor is malformed ({v:?})"))?;
            let entries: u64 = c[1]
                .parse()
                .map_err(|_| "an anchor out of range".to_owned())?;
            let head = c.get(2).map(|m| m.as_str().to_owned());
            if (entries > 0) != head.is_some() {
                return Err(format!(
                    "its review log anchor is malformed ({v:?}): a head goes with every non-empty log"
                ));
            }
            Ok((entries, head))
        };
        // A JSON report: its own field, nothing quoted elsewhere in it.
        if let Ok(json) = serde_json::from_str::<serde_json::Value>(&text) {
            return match json["review"]["anchor"].as_str() {
                Some(line) => match line.strip_prefix("provaudit-review-log: ") {
                    Some(v) => parse(v),
                    None => Err("its review log anchor is malformed".into()),
                },
                None => Err("this JSON is not a provaudit audit report (no review.anchor)".into()),
            };
        }
        // A sha256sum manifest: its first line.
        if let Some(first) = text.lines().next()
            && let Some(v) = first.strip_prefix("# provaudit-review-log: ")
        {
            return parse(v);
        }
        // A bag's bag-info.txt: its own tag, on a line of its own.
        let tags: Vec<&str> = text
            .lines()
            .filter_map(|l| l.strip_prefix("Provaudit-Review-Log: "))
            .collect();
        if !tags.is_empty() {
            return match tags.as_slice() {
                [one] => parse(one),
                _ => Err("it states more than one review log anchor".into()),
            };
        }
        // An HTML or Markdown report: every anchor-like text must agree.
        let any =
            regex::Regex::new(r"provaudit-review-log: ([^<`\n]{0,200})").expect("valid pattern");
        let mut found: Vec<(u64, Option<String>)> = Vec::new();
        for c in any.captures_iter(&text) {
            let one = parse(&c[1])?;
            if !found.contains(&one) {
                found.push(one);
            }
        }
        match found.len() {
            0 => Err("it states no review log anchor (a line `provaudit-review-log: entries=N head=…`)".into()),
            1 => Ok(found.remove(0)),
            _ => Err(
                "it states more than one review log anchor (one may come from an article or a file name it quotes); check against the export's JSON report, manifest or bag instead"
                    .into(),
            ),
        }
    }
}
