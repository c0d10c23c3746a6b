//! What the outlets stage decides, as the store keeps it: each document's
//! publisher and origin with their evidence, who stands behind the origin,
//! the signals read, a reviewer's corrections, and the registry's words
//! for state affiliation. Plain data; the stage (`crate::outlets`)
//! computes it.

use crate::relpath::RelPath;
use serde::{Deserialize, Serialize};

/// A publisher or origin as decided and stored.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Party {
    pub name: String,
    pub outlet_id: Option<String>,
    pub rule: String,
    /// The evidence text.
    pub text: String,
    /// Byte range of the evidence in the original file; `None` when it cannot
    /// be located (HTML metadata, or markup splitting the text).
    pub start: Option<u64>,
    pub end: Option<u64>,
    pub line: Option<u64>,
    pub confidence: f64,
    pub basis: String,
    /// Set by the reviewer.
    pub manual: bool,
}

/// Who stands behind an origin.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Alignment {
    pub kind: Option<String>,
    pub country: Option<String>,
    pub owner: Option<String>,
    /// State Media Monitor code (SC, CaPu, …) or `None`.
    pub state_affiliation: Option<String>,
}

/// The stored outcome for one document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OutletRecord {
    pub document_id: i64,
    pub publisher: Option<Party>,
    pub origin: Option<Party>,
    pub relation: String,
    pub origin_group: String,
    pub alignment: Alignment,
    pub candidates: Vec<String>,
    pub explanation: String,
    pub registry_version: String,
    /// The other producers the text credits beside its origin
    /// (`(AFP/APP)`, a dateline crediting one agency and a closing line
    /// another): its text may be any of theirs, so it is never an origin
    /// independent of theirs.
    pub co_producers: Vec<CoProducer>,
}

/// A producer credited beside a document's origin.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoProducer {
    pub name: String,
    pub outlet_id: Option<String>,
    /// Its origin group, as the document's own would be if it were the
    /// origin (`outlet:afp`).
    pub group: String,
    /// Set when the text does not credit it but its lead relays its
    /// report: the words saying so ("Xinhua news agency reported").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relayed: Option<String>,
    /// Who stands behind it, from the registry: the group's alignment where
    /// documents naming it count together though none of its own is there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alignment: Option<Alignment>,
    /// Set, in one cluster, when the claim's own sentence relays it ("…,
    /// the minister told Reuters"), not the lead: never stored.
    #[serde(skip)]
    pub in_claim: bool,
}

/// One stored signal.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SignalRecord {
    pub role: String,
    pub name: String,
    pub outlet_id: Option<String>,
    pub rule: String,
    pub text: String,
    pub start: Option<u64>,
    pub end: Option<u64>,
    pub line: Option<u64>,
    pub confidence: f64,
}

/// A reviewer's correction of a document's publisher or origin.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Override {
    pub path: RelPath,
    /// `publisher` or `origin`.
    pub field: String,
    /// `None` withdraws an earlier correction.
    pub value: Option<String>,
    pub reviewer: String,
    pub note: Option<String>,
    pub document_sha256: String,
    pub created_at: String,
}

/// State Media Monitor typology codes. `IP` (independent public media) is
/// state-funded in law but independent in funding, governance and editing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Typology {
    SC,
    CaPu,
    CaPr,
    ISFM,
    ISF,
    ISM,
    IP,
}

impl Typology {
    pub const ALL: [Typology; 7] = [
        Typology::SC,
        Typology::CaPu,
        Typology::CaPr,
        Typology::ISFM,
        Typology::ISF,
        Typology::ISM,
        Typology::IP,
    ];

    pub fn parse(s: &str) -> Option<Self> {
        Some(match s.trim().trim_end_matches('?') {
            "SC" => Typology::SC,
            "CaPu" => Typology::CaPu,
            "CaPr" => Typology::CaPr,
            "ISFM" => Typology::ISFM,
            "ISF" => Typology::ISF,
            "ISM" => Typology::ISM,
            "IP" => Typology::IP,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Typology::SC => "SC",
            Typology::CaPu => "CaPu",
            Typology::CaPr => "CaPr",
            Typology::ISFM => "ISFM",
            Typology::ISF => "ISF",
            Typology::ISM => "ISM",
            Typology::IP => "IP",
        }
    }

    pub fn describe(self) -> &'static str {
        match self {
            Typology::SC => "state-controlled",
            Typology::CaPu => "captured public/state-managed",
            Typology::CaPr => "captured private",
            Typology::ISFM => "independent state-funded and state-managed",
            Typology::ISF => "independent state-funded",
            Typology::ISM => "independent state-managed",
            Typology::IP => "independent public",
        }
    }

    /// Whether the state controls what the outlet says (SC, CaPu, CaPr): the
    /// sense of "state-affiliated" that independence analysis uses.
    pub fn editorially_controlled(self) -> bool {
        matches!(self, Typology::SC | Typology::CaPu | Typology::CaPr)
    }
}
