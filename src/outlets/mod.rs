//! The outlets stage: for every document, who published it, who produced its
//! text, and who stands behind that producer — with the evidence.
//!
//! It reads the stored text (never the corpus), runs the identification rules
//! on the cleaned text, maps evidence back to byte ranges of the original
//! file, applies the reviewer's corrections, and stores the result.

pub mod address;
pub mod identify;
pub mod registry;
pub mod rules;

pub use crate::model::outlets::{
    Alignment, CoProducer, OutletRecord, Override, Party, SignalRecord,
};

use crate::clean;
use crate::model::claims::KeptAnalysis;
use crate::relpath::RelPath;
use crate::store::{KeptOrTexts, Store, StoreError, StoredDocument, StoredText};
use crate::text::offsets;
use identify::{Identification, PageMeta, Relation, Role, Rule, Signal};
use registry::{Registry, name_key};

/// How origin groups are formed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Grouping {
    /// One group per producing outlet (the default).
    #[default]
    ByOutlet,
    /// Outlets with the same owner form one group (strict independence).
    ByOwner,
}

/// What a run of the stage did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StageSummary {
    pub documents: usize,
    pub publishers_identified: usize,
    pub origins_identified: usize,
    pub overrides_applied: usize,
    /// Documents whose decision was taken from an earlier run's (same
    /// bytes, registry, grouping and corrections).
    pub kept: usize,
}

fn role_str(role: Role) -> &'static str {
    match role {
        Role::Publisher => "publisher",
        Role::Origin => "origin",
        Role::Mention => "mention",
        Role::PhotoCredit => "photo_credit",
        Role::Relayed => "relayed",
    }
}

/// Maps cleaned-text offsets of one document to the original file.
struct Locator<'a> {
    doc: &'a StoredDocument,
    stored: &'a StoredText,
    cleaned: &'a clean::Cleaned,
}

impl Locator<'_> {
    /// (start, end, line) in the original file.
    fn locate(&self, signal: &Signal) -> (Option<u64>, Option<u64>, Option<u64>) {
        let encoding = self.doc.encoding.as_deref().unwrap_or("UTF-8");
        let source = self.stored.source.as_deref();
        let found = if signal.rule.is_html() {
            // Metadata: find its value in the page.
            match source.and_then(|src| src.find(&signal.text).map(|at| (src, at))) {
                Some((src, at)) => offsets::locate(encoding, src, None, at, at + signal.text.len()),
                None => offsets::Located::default(),
            }
        } else {
            let start = self.cleaned.source_offset(signal.start);
            let end = (self
                .cleaned
                .source_offset(signal.end.max(signal.start + 1) - 1)
                + 1)
            .max(start);
            offsets::locate(encoding, &self.stored.text, source, start, end)
        };
        (found.start, found.end, found.line)
    }
}

/// A confidence as stored and shown: two decimals, without f32 noise.
fn confidence(c: f32) -> f64 {
    (f64::from(c) * 100.0).round() / 100.0
}

/// The most signals kept per document (the decision still weighs them all):
/// a hostile text naming outlets a million times costs no more to store and
/// locate than a real one.
const SIGNALS_KEPT: usize = 100;

fn party(decision: &identify::Decision, locator: &Locator) -> Party {
    let (start, end, line) = locator.locate(&decision.evidence);
    Party {
        name: decision.name.clone(),
        outlet_id: decision.outlet_id.clone(),
        rule: decision.evidence.rule.name().to_owned(),
        text: decision.evidence.text.clone(),
        start,
        end,
        line,
        confidence: confidence(decision.confidence),
        basis: decision.basis.clone(),
        manual: false,
    }
}

/// A party the reviewer named.
fn manual_party(registry: &Registry, o: &Override) -> Option<Party> {
    let value = o.value.as_deref()?;
    let outlet = registry.find_name(value).or_else(|| registry.get(value));
    Some(Party {
        name: outlet
            .map(|x| x.name.clone())
            .unwrap_or_else(|| value.to_owned()),
        outlet_id: outlet.map(|x| x.id.clone()),
        rule: Rule::Manual.name().into(),
        text: value.to_owned(),
        start: None,
        end: None,
        line: None,
        confidence: f64::from(Rule::Manual.confidence()),
        basis: format!(
            "set by {} on {}{}",
            o.reviewer,
            o.created_at,
            o.note
                .as_deref()
                .map(|n| format!(" ({n})"))
                .unwrap_or_default()
        ),
        manual: true,
    })
}

fn alignment_of(registry: &Registry, origin: Option<&Party>) -> Alignment {
    registered_alignment(registry, origin.and_then(|o| o.outlet_id.as_deref())).unwrap_or_else(
        || Alignment {
            kind: origin.map(|_| "unknown".to_owned()),
            ..Default::default()
        },
    )
}

/// Who stands behind a registered outlet.
fn registered_alignment(registry: &Registry, outlet_id: Option<&str>) -> Option<Alignment> {
    let outlet = registry.get(outlet_id?)?;
    Some(Alignment {
        kind: Some(outlet.kind.as_str().to_owned()),
        country: outlet.country.clone(),
        owner: outlet.owner.clone(),
        state_affiliation: outlet.state_affiliation.map(|t| t.as_str().to_owned()),
    })
}

/// The origin group of a document: its producer, or with [`Grouping::ByOwner`]
/// its producer's owner; a document whose producer is unknown stands alone.
pub fn origin_group(
    registry: &Registry,
    origin: Option<&Party>,
    path: &RelPath,
    grouping: Grouping,
) -> String {
    let Some(origin) = origin else {
        return format!("document:{}", path.to_string_lossy());
    };
    producer_group(
        registry,
        origin.outlet_id.as_deref(),
        &origin.name,
        grouping,
    )
}

/// Every registered outlet as a newsroom a claim's sentence may relay
/// ("…, the minister told Reuters"), by its name: its group as a
/// document's own would be, and who stands behind it.
pub fn newsrooms(
    registry: &Registry,
    grouping: Grouping,
) -> std::collections::HashMap<String, CoProducer> {
    registry
        .outlets()
        .iter()
        .map(|o| {
            let newsroom =
                co_producer(registry, grouping, o.name.clone(), Some(o.id.clone()), None);
            (o.name.clone(), newsroom)
        })
        .collect()
}

/// A newsroom the registry does not hold, named in a claim's sentence
/// ("…, the local newspaper Kathimerini reported"): grouped by its name, as
/// a document credited to it is.
pub fn unregistered_newsroom(name: &str) -> CoProducer {
    CoProducer {
        group: format!("name:{}", name_key(name)),
        alignment: None,
        name: name.to_owned(),
        outlet_id: None,
        relayed: None,
        in_claim: false,
    }
}

/// A producer named beside a document's origin (credited with it, or
/// relayed with `relayed`'s words): its group as a document's own would be,
/// and the registry's alignment when registered.
fn co_producer(
    registry: &Registry,
    grouping: Grouping,
    name: String,
    outlet_id: Option<String>,
    relayed: Option<String>,
) -> CoProducer {
    CoProducer {
        group: producer_group(registry, outlet_id.as_deref(), &name, grouping),
        alignment: registered_alignment(registry, outlet_id.as_deref()),
        name,
        outlet_id,
        relayed,
        in_claim: false,
    }
}

/// The origin group of a producer: its outlet, its owner when grouping by
/// owner, or its name when it is not registered.
fn producer_group(
    registry: &Registry,
    outlet_id: Option<&str>,
    name: &str,
    grouping: Grouping,
) -> String {
    let outlet = outlet_id.and_then(|id| registry.get(id));
    if grouping == Grouping::ByOwner
        && let Some(owner) = outlet.and_then(|o| o.owner.as_deref())
    {
        return format!("owner:{}", name_key(owner));
    }
    match outlet {
        Some(o) => format!("outlet:{}", o.id),
        None => format!("name:{}", name_key(name)),
    }
}

/// Identifies one document (no store involved).
pub fn identify_document(
    registry: &Registry,
    stored: &StoredText,
) -> (Identification, clean::Cleaned) {
    let cleaned = clean::clean(&stored.text);
    let meta = PageMeta {
        site_name: stored.site_name.clone(),
        canonical_url: stored.canonical_url.clone(),
        capture_url: stored.capture.as_ref().and_then(|c| c.url.clone()),
        credits: stored
            .source
            .as_deref()
            .map(crate::text::page_credits)
            .unwrap_or_default(),
    };
    // The line an explanation cites is the one the evidence's location
    // gives: in a page, the line of its markup that holds the words (found
    // as `offsets::locate` finds them), else the line of the text.
    let lines = offsets::LineIndex::new(&stored.text);
    let source = stored.source.as_deref();
    let source_lines = source.map(offsets::LineIndex::new);
    let line_of = |offset: usize| {
        let at = cleaned.source_offset(offset).min(stored.text.len());
        let in_markup = source
            .zip(source_lines.as_ref())
            .and_then(|(src, src_lines)| {
                let rest = stored.text.get(at..)?;
                let words = rest.split('\n').next()?.trim_end();
                let cut = words.char_indices().nth(60).map_or(words.len(), |(i, _)| i);
                let needle = &words[..cut];
                (!needle.trim().is_empty())
                    .then(|| src.find(needle))
                    .flatten()
                    .map(|p| src_lines.line_at(p))
            });
        in_markup.unwrap_or_else(|| lines.line_at(at)) as usize
    };
    (
        identify::identify(registry, &cleaned.text, &meta, &line_of),
        cleaned,
    )
}

/// Runs the stage over every document in the store.
pub fn run(
    store: &mut Store,
    registry: &Registry,
    grouping: Grouping,
) -> Result<StageSummary, StoreError> {
    use rayon::prelude::*;
    let overrides = store.outlet_overrides()?;
    let mut summary = StageSummary::default();
    let stage = format!("outlets {} {grouping:?}", registry.analysis_key());
    let documents = store.documents()?;
    let mut records = Vec::with_capacity(documents.len());
    // A slice of the corpus at a time, as the claims stage reads it: what an
    // earlier run decided for a document is taken if it was made from the
    // same inputs (the reviewer's corrections of it among them); the other
    // documents' texts are read and each is decided on its own, on all cores.
    for slice in documents.chunks(TEXTS_AT_ONCE) {
        let inputs: Vec<String> = slice
            .iter()
            .map(|d| {
                let corrections: Vec<_> = ["publisher", "origin"]
                    .iter()
                    .map(|f| overrides.get(&(d.path.clone(), (*f).to_owned())))
                    .collect();
                d.analysis_inputs(&format!("{stage} {corrections:?}"))
            })
            .collect();
        let kept = store.kept_outlet_analyses(slice.iter().map(|d| d.id))?;
        let KeptOrTexts { restored, texts } =
            store.kept_or_texts(kept, slice, &inputs, |data| postcard::from_bytes(data).ok())?;
        let decided: Vec<(Decided, Option<KeptAnalysis>)> = slice
            .par_iter()
            .zip(inputs)
            .zip(restored)
            .map(|((doc, inputs), restored)| match restored {
                Some(r) => (r, None),
                None => {
                    let stored = texts.get(&doc.id).and_then(Option::as_ref);
                    let decided = decide(registry, grouping, &overrides, doc, stored);
                    let data = postcard::to_stdvec(&decided).expect("a decision encodes");
                    let kept = KeptAnalysis {
                        document_id: doc.id,
                        inputs,
                        data,
                    };
                    (decided, Some(kept))
                }
            })
            .collect();
        let mut made = Vec::new();
        for ((record, overrides_applied), kept) in decided {
            summary.documents += 1;
            summary.overrides_applied += overrides_applied;
            summary.publishers_identified += usize::from(record.0.publisher.is_some());
            summary.origins_identified += usize::from(record.0.origin.is_some());
            summary.kept += usize::from(kept.is_none());
            made.extend(kept);
            records.push(record);
        }
        store.keep_outlet_analyses(&made)?;
    }
    store.save_outlets(&records)?;
    Ok(summary)
}

/// How many documents' stored texts the stage holds at once.
const TEXTS_AT_ONCE: usize = 2048;

/// One document's outlet record and signals, and how many of the
/// reviewer's corrections were applied to it.
type Decided = ((OutletRecord, Vec<SignalRecord>), usize);

/// One document's outlet record and signals, and how many of the
/// reviewer's corrections were applied to it.
fn decide(
    registry: &Registry,
    grouping: Grouping,
    overrides: &std::collections::HashMap<(RelPath, String), Override>,
    doc: &StoredDocument,
    stored: Option<&StoredText>,
) -> Decided {
    let mut overrides_applied = 0;
    {
        let (mut publisher, mut origin, mut relation, mut candidates, mut signals) =
            (None, None, Relation::Unknown, Vec::new(), Vec::new());
        let mut co_credited = Vec::new();
        let mut relayed = Vec::new();
        let mut explanation = match stored {
            Some(stored) => {
                let (found, cleaned) = identify_document(registry, stored);
                let locator = Locator {
                    doc,
                    stored,
                    cleaned: &cleaned,
                };
                publisher = found.publisher.as_ref().map(|d| party(d, &locator));
                origin = found.origin.as_ref().map(|d| party(d, &locator));
                relation = found.relation;
                candidates = found.candidates.clone();
                co_credited = found.co_producers.clone();
                relayed = found.relays.clone();
                // Past the cap: the decisions' own evidence, then the first
                // others, in their order.
                let evidence: Vec<&Signal> = [&found.publisher, &found.origin]
                    .into_iter()
                    .flatten()
                    .map(|d| &d.evidence)
                    .collect();
                let mut room = SIGNALS_KEPT.saturating_sub(evidence.len());
                let kept = found.signals.iter().filter(|s| {
                    if evidence.iter().any(|e| e == s) {
                        return true;
                    }
                    let keep = room > 0;
                    room = room.saturating_sub(1);
                    keep
                });
                signals = kept
                    .map(|s| {
                        let (start, end, line) = locator.locate(s);
                        SignalRecord {
                            role: role_str(s.role).to_owned(),
                            name: s.name.clone(),
                            outlet_id: s.outlet_id.clone(),
                            rule: s.rule.name().to_owned(),
                            text: s.text.clone(),
                            start,
                            end,
                            line,
                            confidence: confidence(s.confidence),
                        }
                    })
                    .collect();
                let dropped = found.signals.len() - signals.len();
                if dropped > 0 {
                    format!(
                        "{} ({dropped} more signals of the same kinds were weighed but not kept as evidence.)",
                        found.explanation
                    )
                } else {
                    found.explanation
                }
            }
            None => "No text to analyse (see the document's notes).".into(),
        };
        let mut manual_notes = Vec::new();
        for (field, slot) in [("publisher", &mut publisher), ("origin", &mut origin)] {
            if let Some(o) = overrides.get(&(doc.path.clone(), field.to_owned())) {
                overrides_applied += 1;
                *slot = manual_party(registry, o);
                if let Some(p) = &*slot {
                    manual_notes.push(format!(
                        "The reviewer set the {field} to {} ({}).",
                        p.name, p.basis
                    ));
                }
            }
        }
        if !manual_notes.is_empty() {
            relation = Relation::between(
                registry,
                publisher.as_ref().map(|p| p.name.as_str()),
                origin
                    .as_ref()
                    .map(|o| (o.name.as_str(), o.outlet_id.as_deref())),
            );
            // What the rules found stays, labelled as such: "Origin
            // unidentified" beside "the reviewer set the origin" would read
            // as a contradiction.
            explanation = if explanation.trim().is_empty() {
                manual_notes.join(" ")
            } else {
                format!(
                    "{} What the text itself shows: {}",
                    manual_notes.join(" "),
                    explanation.trim()
                )
            };
            candidates.retain(|c| {
                Some(c) != publisher.as_ref().map(|p| &p.name)
                    && Some(c) != origin.as_ref().map(|p| &p.name)
            });
        }
        let alignment = alignment_of(registry, origin.as_ref());
        let group = origin_group(registry, origin.as_ref(), &doc.path, grouping);
        // A reviewer who set the origin has decided who produced the text.
        // A newsroom the lead relays counts so whether or not the text's
        // producer is known.
        let co_producers = match &origin {
            Some(o) if o.manual => Vec::new(),
            _ => co_credited
                .into_iter()
                .map(|(name, outlet_id)| (name, outlet_id, None))
                .chain(
                    relayed
                        .into_iter()
                        .map(|(name, outlet_id, words)| (name, outlet_id, Some(words))),
                )
                .map(|(name, outlet_id, relayed)| {
                    co_producer(registry, grouping, name, outlet_id, relayed)
                })
                .filter(|c| c.group != group)
                .collect(),
        };
        (
            (
                OutletRecord {
                    document_id: doc.id,
                    publisher,
                    origin,
                    relation: relation.as_str().to_owned(),
                    origin_group: group,
                    alignment,
                    candidates,
                    explanation,
                    registry_version: registry.version.clone(),
                    co_producers,
                },
                signals,
            ),
            overrides_applied,
        )
    }
}
