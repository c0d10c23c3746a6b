//! How many independent origins stand behind each claim, in plain words.
//!
//! A document's origin group comes from the outlets stage (who produced its
//! text); a document whose producer is unknown but whose text is largely
//! found in another joins that document's group (text reuse). Documents
//! whose producer stays unknown are counted apart: they are never taken for
//! independent corroboration. A page of several producers' stories (a
//! `digest`) has no origin and takes none from the text it shares; each of
//! its claims counts with the document whose words it carries. A document
//! whose credit names several producers together (`(AFP/APP)`, "By …, CNN,
//! AP") counts, in a claim, with any of them another document stands for.
//!
//! Within one claim, a document also counts with another, whatever its own
//! credit says, when it is no independent telling of it: it carries the
//! other's sentence word for word (twelve words outside quotations), most
//! of its text is the other's (a near copy credited to someone else), or it
//! cites the other's producer for the claim ("…, the Associated Press
//! reported"). Its own credit stays on the document and is named beside
//! the group ("AP (and Reuters, in the same words)").
//!
//! A cluster's class (`Corroboration`): an echo
//! (several documents, one known origin), unresolved (at most one known
//! origin beside documents of unknown origin), corroborated (two or more
//! known origins) or a single document. Its flags:
//! - `single_source`: at most one known origin behind every document
//!   (every class but corroborated);
//! - `single_primary`: several origins, but every one that names a source
//!   names the same primary source (two outlets both quoting the WHO
//!   figure), named by at least two origins, or by one and a document of
//!   unknown origin (which adds to this warning, never takes from it); with
//!   one known origin or none, several documents and one primary source
//!   among all that name one, named by the known origin or by two
//!   documents;
//! - `single_alignment`: every known origin (one or more) is
//!   state-controlled media (State Media Monitor SC, CaPu, CaPr) of the same
//!   state; documents of unknown origin do not lift it;
//! - `conflicting`: another cluster gives a different figure for the same
//!   quantity on the same topic.

use super::entities::Entities;
use super::matching::{FeatureTable, Features, Matching};
use super::{
    Claim, Cluster, Conflict, ConflictValue, Corroboration, DocumentEvidence, OriginGroup, Reuse,
};
use crate::outlets::identify::NOT_NEWSROOM_NAMES;
use crate::outlets::registry::Typology;
use crate::outlets::rules::Rule;
use crate::outlets::{Alignment, CoProducer, OutletRecord};
use crate::relpath::RelPath;
use crate::store::StoredDocument;
use regex::Regex;
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::{Arc, LazyLock};

pub use crate::model::claims::InheritedOrigin;

/// The producer a document's text is taken to come from, for independence.
#[derive(Clone, Debug, PartialEq)]
pub struct DocumentOrigin {
    pub group: String,
    pub name: String,
    /// The producer's registry id, when registered.
    pub outlet_id: Option<String>,
    pub alignment: Alignment,
    /// How the document is described in explanations.
    pub description: String,
    /// Set when the group comes from text reuse, not the document's own
    /// credits: the document whose text it shares, how much, and whether
    /// it retells that one's claims in their order rather than sharing its
    /// passages.
    pub shared_with: Option<(i64, f64, bool)>,
    /// Set, in one cluster, when the document has a sentence word for word
    /// in common with another of another origin and counts as one origin
    /// with it: that document's path, and the document's own producer when
    /// its text names one.
    pub carries: Option<(String, Option<String>)>,
    /// How the producer was established, for the evidence table.
    pub how: String,
    pub evidence: Option<String>,
    pub line: Option<u64>,
    /// The other producers its credit names beside its own, and the
    /// newsrooms its lead relays (`relayed` set, with the words saying
    /// so), each with the registry's alignment: in a cluster holding one
    /// of theirs, it counts with that one.
    pub named: Vec<CoProducer>,
    /// Set, in one cluster, when the document counts with a producer its
    /// credit names beside its own: its own producer's name.
    pub co_credit_of: Option<String>,
    /// Documents credited to another producer that hold most of this one's
    /// passages ([`NEAR_COPY`] or more), with the share: one text under two
    /// credits. In a claim that producer stands behind too, this document
    /// counts with it.
    pub same_text_as: Vec<(i64, f64)>,
    /// Set when it counts as another text's producer, one text under two
    /// credits: the origin its own credit gives. In a claim that producer
    /// stands behind through another document, it stands as its credit
    /// says: either credit may be the text's, and counted with the other
    /// it would be one origin more.
    pub own_credit: Option<Box<DocumentOrigin>>,
    /// Set, in one cluster, when the document counts with a newsroom its
    /// lead relays: its own producer's name.
    pub relay_of: Option<String>,
}

impl DocumentOrigin {
    /// The groups it counts with in a claim where one stands: producers
    /// its credit names beside its own, and newsrooms its lead relays.
    fn beside(&self) -> impl Iterator<Item = &str> {
        self.named.iter().map(|c| c.group.as_str())
    }

    /// The producers its credit names beside its own.
    fn credited(&self) -> impl Iterator<Item = &CoProducer> {
        self.named.iter().filter(|c| c.relayed.is_none())
    }
}

/// How a document's own record establishes its producer: the rule in
/// words, the evidence as written (whitespace runs squeezed), its line.
fn how_established(record: Option<&OutletRecord>) -> (String, Option<String>, Option<u64>) {
    match record.and_then(|r| r.origin.as_ref()) {
        None => ("not established".into(), None, None),
        Some(o) => (
            if o.manual {
                Rule::Manual.description().to_owned()
            } else {
                Rule::parse(&o.rule)
                    .map(|r| r.description().to_owned())
                    .unwrap_or_else(|| o.rule.replace('_', " "))
            },
            Some(squeeze(&o.text)).filter(|t| !t.is_empty()),
            o.line,
        ),
    }
}

/// Whitespace runs as one space, ends trimmed.
pub fn squeeze(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn quote(s: &str) -> String {
    let s = s.trim();
    if s.chars().count() > 60 {
        format!("‘{}…’", s.chars().take(58).collect::<String>())
    } else {
        format!("‘{s}’")
    }
}

fn describe(path: &RelPath, record: Option<&OutletRecord>) -> String {
    let Some(r) = record else {
        return format!("{path} (producer unidentified)");
    };
    let evidence = |p: &crate::outlets::Party| match p.line {
        Some(line) => format!("{}, line {line}", quote(&p.text)),
        None => quote(&p.text),
    };
    match (&r.publisher, &r.origin, r.relation.as_str()) {
        (Some(p), Some(o), "republished") => {
            format!("{path}, {} reposting {} ({})", p.name, o.name, evidence(o))
        }
        (Some(p), Some(o), "syndicated_wire") => format!(
            "{path}, {} running {} wire copy ({})",
            p.name,
            crate::outlets::identify::a_or_an(&o.name),
            evidence(o)
        ),
        (None, Some(o), _) => format!("{path}, text produced by {} ({})", o.name, evidence(o)),
        (_, Some(o), _) => format!("{path}, {}", o.name),
        _ => format!("{path} (producer unidentified)"),
    }
}

/// Share of a document's passages found in another from which a document
/// presumed to be its publisher's own text is taken for a copy: a long
/// quoted statement inside a site's own article stays below it.
const PRESUMED_YIELDS_AT: f64 = 0.9;

/// Share of a credited document's passages found in a document credited to
/// another producer from which the two are one text: no newsroom writes
/// four fifths of another's sentences on its own. Which credit is right is
/// not decided (a photo credit read as a dateline, an aggregator's label,
/// a wire story under a paper's name): each keeps its credit as its text
/// gives it. That they are one origin is, on the documents (one origin
/// group) and in the claims. Helsinki
/// (2026-12-02 sample): a page crediting Reuters by the photo credit above
/// an AP text (94% of its passages), a "Star Tribune" page that is AP's
/// (99%), each counted as a second origin. Raisi crash (May 2024): AFP's
/// story under an APP dateline on UrduPoint, 86% of its passages on MENAFN
/// under AFP's credit. Helsinki's differently credited pairs between 0.8
/// and 0.9 are all one text too: CNN's story and the AP's carriage of it
/// ("By JEREMY DIAMOND, CNN, AP", 82%).
pub const NEAR_COPY: f64 = 0.8;

/// Share of its claims a document presumed to be its publisher's own text
/// must retell, in the same order, from a credited one to be taken for its
/// rewrite (a site rewording an AFP story sentence by sentence, crediting
/// no one, is not a second origin).
const REWRITE_PRESUMED_YIELDS_AT: f64 = 0.6;
/// … and how many claims at least.
const REWRITE_PRESUMED_MIN_CLAIMS: usize = 4;

/// Whether a document's producer is its publisher only because its text
/// credits no one else: the origin's evidence is the publisher's own.
fn presumed_own_text(r: &OutletRecord) -> bool {
    match (&r.publisher, &r.origin) {
        (Some(p), Some(o)) => {
            !o.manual
                && o.rule == p.rule
                && o.text == p.text
                && o.start == p.start
                && o.name == p.name
        }
        _ => false,
    }
}

/// The origin group of every document, text reuse applied.
pub fn origin_groups(
    documents: &[StoredDocument],
    outlets: &HashMap<i64, OutletRecord>,
    reuse: &[Reuse],
    rewrites: &[Reuse],
    sentences: &SharedSentences,
    international: impl Fn(&str) -> bool,
) -> HashMap<i64, DocumentOrigin> {
    let path_of: HashMap<i64, &RelPath> = documents.iter().map(|d| (d.id, &d.path)).collect();
    let mut out: HashMap<i64, DocumentOrigin> = documents
        .iter()
        .map(|d| {
            let r = outlets.get(&d.id);
            let (how, evidence, line) = how_established(r);
            (
                d.id,
                DocumentOrigin {
                    group: r
                        .map(|r| r.origin_group.clone())
                        .unwrap_or_else(|| format!("document:{}", d.path)),
                    name: r
                        .and_then(|r| r.origin.as_ref())
                        .map(|o| o.name.clone())
                        .unwrap_or_else(|| "unidentified".into()),
                    outlet_id: r
                        .and_then(|r| r.origin.as_ref())
                        .and_then(|o| o.outlet_id.clone()),
                    alignment: r.map(|r| r.alignment.clone()).unwrap_or_default(),
                    description: describe(&d.path, r),
                    shared_with: None,
                    carries: None,
                    how,
                    evidence,
                    line,
                    named: r.map(|r| r.co_producers.clone()).unwrap_or_default(),
                    co_credit_of: None,
                    relay_of: None,
                    same_text_as: Vec::new(),
                    own_credit: None,
                },
            )
        })
        .collect();
    // A document taken as its publisher's own text only because it credits
    // no one else: for text reuse, as good as uncredited. Two sites showing
    // the same text cannot both have written it.
    let mut presumed: BTreeSet<i64> = outlets
        .values()
        .filter(|r| presumed_own_text(r))
        .map(|r| r.document_id)
        .collect();
    // A page of several producers' stories shares passages with each of
    // them: it takes none of their origins (its claims count, one by one,
    // with the documents whose words they carry).
    let digests: BTreeSet<i64> = outlets
        .values()
        .filter(|r| r.relation == crate::outlets::identify::Relation::Digest.as_str())
        .map(|r| r.document_id)
        .collect();
    // The same text, byte for byte once normalised, on any number of
    // sites: copies, however common (the passage index passes over
    // passages shared by very many documents).
    let mut by_text: HashMap<&str, Vec<i64>> = HashMap::new();
    for d in documents {
        if let Some(t) = d.text_sha256.as_deref() {
            by_text.entry(t).or_default().push(d.id);
        }
    }
    let identical: Vec<Reuse> = by_text
        .into_values()
        .filter(|ids| ids.len() > 1)
        .flat_map(|mut ids| {
            ids.sort_unstable_by_key(|id| path_of[id]);
            let first = ids[0];
            ids.into_iter().skip(1).map(move |id| Reuse {
                document_id: id,
                source_document_id: first,
                containment: 1.0,
                shared_passages: 0,
            })
        })
        .collect();
    // Strongest reuse first; twice, so a copy of a copy reaches the source.
    // A rewrite (the same claims in the same order, no passage shared) is
    // evidence of copying only against a document whose producer is
    // unknown; a document presumed to be its publisher's own text yields
    // only to shared passages making up most of it.
    // Each document's place in path order, to sort the links by.
    let rank: HashMap<i64, usize> = {
        let mut by_path: Vec<(&RelPath, i64)> = documents.iter().map(|d| (&d.path, d.id)).collect();
        by_path.sort_unstable();
        by_path
            .into_iter()
            .enumerate()
            .map(|(i, (_, id))| (id, i))
            .collect()
    };
    let mut links: Vec<(&Reuse, bool, usize, usize)> = reuse
        .iter()
        .chain(&identical)
        .map(|r| (r, true))
        .chain(rewrites.iter().map(|r| (r, false)))
        .map(|(r, passages)| {
            (
                r,
                passages,
                rank[&r.document_id],
                rank[&r.source_document_id],
            )
        })
        .collect();
    // A total order: links of equal strength (a copy of two identical
    // texts) are taken the same way on every run, whatever order the
    // maps above yielded them in, and by path: document ids follow the
    // order files were ingested in, which threads decide.
    // Shared passages before any rewrite: words copied are direct evidence
    // of whose text it is, the same claims in the same order only a sign of
    // some common source (a content farm's word-for-word copy of Xinhua's
    // item and a state agency's rewording of it retell the same four claims
    // in the same order; the copy is Xinhua's, not that agency's).
    links.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then(b.0.containment.total_cmp(&a.0.containment))
            .then(a.2.cmp(&b.2))
            .then(a.3.cmp(&b.3))
    });
    // One text under two credits is one origin on the document too, not
    // only in the claims, and before any uncredited copy takes either
    // credit: the text held in the other takes the other's group, unless
    // its own credit is the stronger; identical texts go by the stronger
    // credit alone (never by file name). Its own credit stays as its text
    // gives it.
    let credited_own = |id: i64| {
        out.get(&id)
            .is_some_and(|o| !o.group.starts_with("document:"))
            && !presumed.contains(&id)
            && !digests.contains(&id)
    };
    let confidence = |id: i64| {
        outlets
            .get(&id)
            .and_then(|r| r.origin.as_ref())
            .map_or(0.0, |o| o.confidence)
    };
    let text_of: HashMap<i64, &str> = documents
        .iter()
        .filter_map(|d| Some((d.id, d.text_sha256.as_deref()?)))
        .collect();
    // The near copies between credited texts of two producers: (the
    // contained text, the other, the share).
    let pairs: Vec<(i64, i64, f64)> = links
        .iter()
        .filter(|(r, passages, _, _)| *passages && r.containment >= NEAR_COPY)
        .filter(|(r, ..)| credited_own(r.document_id) && credited_own(r.source_document_id))
        .filter(|(r, ..)| out[&r.document_id].group != out[&r.source_document_id].group)
        .map(|(r, ..)| (r.document_id, r.source_document_id, r.containment))
        .collect();
    // Texts joined by such copies, however many, are one text: one group,
    // an international wire's when one credits it and another outlet's
    // credit is the rest (a national agency's dateline on AFP's story is
    // the agency running AFP's copy, never AFP running the agency's);
    // else the one of the strongest credit among them; on a tie, of a text no
    // other holds (the fullest), then by the group's name, then the text
    // first in path order (never by document id: ids follow the order
    // threads ingested the files in).
    let ids: Vec<i64> = pairs
        .iter()
        .flat_map(|&(a, b, _)| [a, b])
        .collect::<BTreeSet<i64>>()
        .into_iter()
        .collect();
    let index = |id: i64| ids.binary_search(&id).expect("an id of a pair");
    let mut sets = super::matching::Sets::new(ids.len());
    for &(a, b, _) in &pairs {
        sets.union(index(a), index(b));
    }
    let mut texts: BTreeMap<usize, Vec<i64>> = BTreeMap::new();
    for (i, &d) in ids.iter().enumerate() {
        texts.entry(sets.find(i)).or_default().push(d);
    }
    let held_by_another: BTreeSet<i64> = pairs
        .iter()
        .filter(|(c, s, _)| text_of.get(c) != text_of.get(s))
        .map(|(c, _, _)| *c)
        .collect();
    for list in texts.values() {
        // An international wire's credit, unless it names beside the wire
        // another producer of the text ("By Jeremy Diamond, CNN, AP": CNN's
        // story the AP carries).
        let wire = |id: i64| {
            let o = &out[&id];
            o.outlet_id.as_ref().is_some_and(|o| international(o))
                && !o
                    .credited()
                    .any(|c| list.iter().any(|m| out[m].group == c.group))
        };
        let Some(best) = list.iter().copied().max_by(|&a, &b| {
            wire(a)
                .cmp(&wire(b))
                .then(confidence(a).total_cmp(&confidence(b)))
                .then((!held_by_another.contains(&a)).cmp(&!held_by_another.contains(&b)))
                .then(out[&b].group.cmp(&out[&a].group))
                .then(rank[&b].cmp(&rank[&a]))
        }) else {
            continue;
        };
        let t = out[&best].clone();
        for &d in list {
            if out[&d].group == t.group {
                continue;
            }
            // The copy it is measured against: the chosen text if the two
            // were measured, else its strongest (links are in that order).
            let Some((partner, containment, is_copy)) = pairs
                .iter()
                .find(|(c, s, _)| (*c, *s) == (d, best) || (*c, *s) == (best, d))
                .or_else(|| pairs.iter().find(|(c, s, _)| *c == d || *s == d))
                .map(|&(c, s, x)| if c == d { (s, x, true) } else { (c, x, false) })
            else {
                continue;
            };
            let share = format!("{:.0}%", containment * 100.0);
            let own = out[&d].name.clone();
            let held = if is_copy {
                format!("{share} of its passages are in")
            } else {
                format!("it holds {share} of the passages of")
            };
            let o = out.get_mut(&d).expect("every document has an origin");
            let own_credit = Some(Box::new(o.clone()));
            *o = DocumentOrigin {
                description: format!(
                    "{} (its own credit names {own}, but {held} {}, counted as {}'s text: one text under two credits counts as one origin)",
                    path_of[&d], path_of[&partner], t.name
                ),
                shared_with: Some((partner, containment, false)),
                // In every cluster it counts with the other text, its own
                // producer named beside that one's.
                carries: Some((path_of[&partner].to_string(), Some(own.clone()))),
                how: SAME_TEXT.into(),
                evidence: Some(format!(
                    "{held} {} ({}): one origin with it; its own credit names {own}",
                    path_of[&partner], t.name
                )),
                line: None,
                same_text_as: vec![(partner, containment)],
                own_credit,
                ..t.clone()
            };
        }
    }
    for _ in 0..2 {
        for &(r, passages, _, _) in &links {
            let (copy, source) = (r.document_id, r.source_document_id);
            let (Some(c), Some(s)) = (out.get(&copy), out.get(&source)) else {
                continue;
            };
            // Most links at scale join documents already grouped: they are
            // passed over before anything is copied. A near copy in the
            // same group is noted: in a claim where its text counts with
            // another origin, it goes along (`follow_copied_texts`).
            if c.group == s.group || digests.contains(&copy) || digests.contains(&source) {
                if passages
                    && r.containment >= NEAR_COPY
                    && c.group == s.group
                    && !c.group.starts_with("document:")
                {
                    // Either way: one text, whichever holds the other.
                    for (a, b) in [(copy, source), (source, copy)] {
                        if let Some(o) = out.get_mut(&a)
                            && o.shared_with.is_none_or(|(w, _, _)| w != b)
                            && !o.same_text_as.iter().any(|(d, _)| *d == b)
                        {
                            o.same_text_as.push((b, r.containment));
                        }
                    }
                }
                continue;
            }
            // Evidence strong enough to overrule a producer only presumed
            // (a site's name on a text crediting no one): most of its
            // passages, or most of its claims retold in the same order.
            let strong = if passages {
                r.containment >= PRESUMED_YIELDS_AT
            } else {
                r.containment >= REWRITE_PRESUMED_YIELDS_AT
                    && r.shared_passages >= REWRITE_PRESUMED_MIN_CLAIMS
            };
            // Credited: the text names its producer. Otherwise the producer
            // is unknown, or only presumed to be the publisher (which
            // stands, as if credited, against weaker evidence of copying).
            let credited = |id: i64, o: &DocumentOrigin| {
                !o.group.starts_with("document:") && (!strong || !presumed.contains(&id))
            };
            let share = format!("{:.0}%", r.containment * 100.0);
            // A retelling, however it is met: the share is of the shorter
            // text's claims.
            let retold = |other: &RelPath| {
                format!(
                    "it tells the same claims in the same order as {other} ({share} of the shorter text's)"
                )
            };
            let how = if passages {
                UNCREDITED_COPY
            } else {
                UNCREDITED_REWRITE
            };
            let uncredited = |id: i64| {
                if presumed.contains(&id) {
                    "credits no producer"
                } else {
                    "producer not credited"
                }
            };
            match (credited(copy, c), credited(source, s)) {
                // Two producers credited by name: each document keeps its
                // own credit; when most of one's passages are in the other,
                // the two are one text (see the pass above), and count as
                // one origin in the claims both stand behind (`judge`).
                (true, true) => {
                    if passages
                        && r.containment >= NEAR_COPY
                        && let Some(o) = out.get_mut(&copy)
                        && !o.same_text_as.iter().any(|(d, _)| *d == source)
                    {
                        o.same_text_as.push((source, r.containment));
                    }
                }
                (false, true) => {
                    let s = s.clone();
                    let held = if passages {
                        format!("{share} of its passages are in {}", path_of[&source])
                    } else {
                        retold(path_of[&source])
                    };
                    out.insert(
                        copy,
                        DocumentOrigin {
                            description: format!(
                                "{} ({}; {held}, whose producer is {})",
                                path_of[&copy],
                                uncredited(copy),
                                s.name
                            ),
                            shared_with: Some((source, r.containment, !passages)),
                            how: how.into(),
                            // What the source carries in the claims is the
                            // source's own: the copy is plainly its text.
                            carries: None,
                            evidence: Some(held),
                            line: None,
                            ..s
                        },
                    );
                    presumed.remove(&copy);
                }
                (true, false) => {
                    // The larger text is an uncredited expansion of a credited one.
                    let c = c.clone();
                    let holds = if passages {
                        format!("it contains {share} of the passages of {}", path_of[&copy])
                    } else {
                        retold(path_of[&copy])
                    };
                    out.insert(
                        source,
                        DocumentOrigin {
                            description: format!(
                                "{} ({}; {holds}, whose producer is {})",
                                path_of[&source],
                                uncredited(source),
                                c.name
                            ),
                            shared_with: Some((copy, r.containment, !passages)),
                            how: how.into(),
                            // What the source carries in the claims is the
                            // source's own: the copy is plainly its text.
                            carries: None,
                            evidence: Some(holds),
                            line: None,
                            ..c
                        },
                    );
                    presumed.remove(&source);
                }
                // Neither credits a producer: one text on two sites, whose
                // writer is not established. The two count as one, of
                // unknown origin, never as two.
                (false, false) => {
                    let unknown_group = |id: i64, o: &DocumentOrigin| {
                        if o.group.starts_with("document:") {
                            o.group.clone()
                        } else {
                            format!("document:{}", path_of[&id])
                        }
                    };
                    let group = unknown_group(copy, c).min(unknown_group(source, s));
                    for id in [copy, source] {
                        let other = path_of[if id == copy { &source } else { &copy }];
                        let was_presumed = presumed.remove(&id);
                        if let Some(o) = out.get_mut(&id) {
                            o.group = group.clone();
                            o.shared_with = Some((
                                if id == copy { source } else { copy },
                                r.containment,
                                !passages,
                            ));
                            if was_presumed {
                                o.name = "unidentified".into();
                                o.outlet_id = None;
                                o.alignment = Alignment::default();
                            }
                            let shared = if passages {
                                format!("{share} of its text is shared with {other}")
                            } else {
                                retold(other)
                            };
                            o.description = format!(
                                "{} (producer unidentified; {shared}, which credits no producer either)",
                                path_of[&id],
                            );
                            o.evidence = Some(shared);
                        }
                    }
                }
            }
        }
    }
    write_throughs(&mut out, sentences, &digests, &presumed, &path_of);
    out
}

/// Pairs of documents sharing sentences word for word, fewer than a copy
/// (`reuse::find_with_parts`: one id, the other, the passages shared), and
/// how many passages each document has.
pub struct SharedSentences<'a> {
    pub pairs: &'a [(i64, i64, usize)],
    pub passages: &'a HashMap<i64, usize>,
}

/// Share of an uncredited document's passages it must hold, word for word,
/// of one credited text for it to be taken as that producer's update of it
/// (a wire's write-through: the toll updated, the lead rewritten, a third
/// to a half of its sentences kept): Noto, Wayanad, Itaewon (held out,
/// 2026-12-08), copies of an earlier or later Reuters, PTI or AP version
/// sharing 25–45% of their passages with the credited one.
const WRITE_THROUGH_SHARE: f64 = 0.25;

/// Uncredited documents that tell sentences of credited texts word for
/// word, all of one producer's (and at least [`WRITE_THROUGH_SHARE`] of
/// their passages in one of them), take that producer's origin: a wire's
/// earlier or later version of its own story, run without its credit.
/// Sentences of two producers' texts in one document make it a compilation
/// whose producer is not established: it stays unknown. The documents
/// grouped with it as one unknown text (its rewrites) go with it.
fn write_throughs(
    out: &mut HashMap<i64, DocumentOrigin>,
    sentences: &SharedSentences,
    digests: &BTreeSet<i64>,
    presumed: &BTreeSet<i64>,
    path_of: &HashMap<i64, &RelPath>,
) {
    let mut partners: BTreeMap<i64, Vec<(i64, usize)>> = BTreeMap::new();
    for &(a, b, n) in sentences.pairs {
        partners.entry(a).or_default().push((b, n));
        partners.entry(b).or_default().push((a, n));
    }
    let unknown = |o: &DocumentOrigin| o.group.starts_with("document:");
    let mut taken: Vec<(i64, i64, f64)> = Vec::new();
    for (&doc, list) in &partners {
        let Some(o) = out.get(&doc) else { continue };
        if !unknown(o) || digests.contains(&doc) || presumed.contains(&doc) {
            continue;
        }
        let credited: Vec<(i64, usize)> = list
            .iter()
            .copied()
            .filter(|(p, _)| {
                out.get(p).is_some_and(|g| !unknown(g))
                    && !digests.contains(p)
                    && !presumed.contains(p)
            })
            .collect();
        let groups: BTreeSet<&str> = credited
            .iter()
            .map(|(p, _)| out[p].group.as_str())
            .collect();
        // Only a news agency's: it puts out versions of one story through
        // the day. A broadcaster's or a site's story sharing a third of its
        // sentences with a text is as likely built on it (teleSUR's story
        // on a Spanish wire's sentences, held out 2026-12-08): which one
        // holds the other's is not known, and state media's alignment must
        // not pass to a wire's text.
        let agency = credited.iter().all(|(p, _)| {
            out[p].alignment.kind.as_deref()
                == Some(crate::outlets::registry::OutletKind::WireAgency.as_str())
        });
        if groups.len() != 1 || !agency {
            continue;
        }
        // The text holding most of its sentences; on a tie, the first by
        // path (never by id: ids follow the order threads ingested files).
        let Some(&(source, n)) = credited
            .iter()
            .max_by(|a, b| a.1.cmp(&b.1).then(path_of[&b.0].cmp(path_of[&a.0])))
        else {
            continue;
        };
        let total = sentences.passages.get(&doc).copied().unwrap_or(0);
        let share = if total == 0 {
            0.0
        } else {
            (n as f64 / total as f64).min(1.0)
        };
        if share >= WRITE_THROUGH_SHARE {
            taken.push((doc, source, share));
        }
    }
    for (doc, source, share) in taken {
        // Taken already, with another of its unknown group.
        let old = out[&doc].group.clone();
        if !old.starts_with("document:") {
            continue;
        }
        let s = out[&source].clone();
        let held = format!(
            "{:.0}% of its passages are sentences of {} word for word",
            share * 100.0,
            path_of[&source]
        );
        let members: Vec<i64> = out
            .iter()
            .filter(|(_, o)| o.group == old)
            .map(|(&id, _)| id)
            .collect();
        for id in members {
            let via = if id == doc {
                held.clone()
            } else {
                format!("it is one text with {}, of which {held}", path_of[&doc])
            };
            // A member of its unknown group keeps the link that put it
            // there (its rewrite of the document, say).
            let link = if id == doc {
                Some((source, share, false))
            } else {
                out[&id].shared_with.or(Some((doc, share, false)))
            };
            out.insert(
                id,
                DocumentOrigin {
                    description: format!(
                        "{} (producer not credited; {via}, whose producer is {}: an earlier or later version of that text)",
                        path_of[&id], s.name
                    ),
                    shared_with: link,
                    how: UNCREDITED_COPY.into(),
                    carries: None,
                    evidence: Some(via),
                    line: None,
                    ..s.clone()
                },
            );
        }
    }
}

/// What text reuse changed about documents' origins: for each document
/// whose group is not the one its own credits gave it, the origin it takes
/// from the document it shares text with. The document list and the claim
/// clusters then tell one story.
pub fn inherited_origins(
    groups: &HashMap<i64, DocumentOrigin>,
    outlets: &HashMap<i64, OutletRecord>,
    path_of: &HashMap<i64, &RelPath>,
) -> Vec<InheritedOrigin> {
    let mut out: Vec<InheritedOrigin> = groups
        .iter()
        .filter_map(|(&id, o)| {
            let (other, containment, retold) = o.shared_with?;
            let own = outlets.get(&id).map(|r| r.origin_group.as_str());
            if own == Some(o.group.as_str()) {
                return None;
            }
            let known = !o.group.starts_with("document:");
            // A credited text that yielded to another credit ([`SAME_TEXT`]).
            let own_credit = (o.how == SAME_TEXT)
                .then(|| outlets.get(&id).and_then(|r| r.origin.as_ref()))
                .flatten()
                .map(|c| c.name.as_str());
            let via_same_text = groups.get(&other).is_some_and(|g| g.how == SAME_TEXT);
            let text = if retold {
                format!(
                    "it tells the same claims in the same order as {} ({:.0}% of the shorter text's)",
                    path_of[&other],
                    containment * 100.0
                )
            } else {
                format!(
                    "{:.0}% of the passages shared with {}",
                    containment * 100.0,
                    path_of[&other]
                )
            };
            Some(InheritedOrigin {
                document_id: id,
                group: o.group.clone(),
                alignment: o.alignment.clone(),
                // A credit that yields keeps its own origin on the document:
                // only its group and note are written.
                origin: (known && own_credit.is_none()).then(|| crate::outlets::Party {
                    name: o.name.clone(),
                    outlet_id: o.outlet_id.clone(),
                    rule: Rule::TextReuse.name().into(),
                    text: text.clone(),
                    start: None,
                    end: None,
                    line: None,
                    confidence: ((containment.min(1.0) * f64::from(Rule::TextReuse.confidence()))
                        * 100.0)
                        .round()
                        / 100.0,
                    // Its source may itself be the other's text under a
                    // credit of its own.
                    basis: if via_same_text {
                        format!(
                            "its text is not credited, but {text}, itself the text of a document credited {} under another credit",
                            o.name
                        )
                    } else {
                        format!(
                            "its text is not credited, but {text}, whose producer is {}",
                            o.name
                        )
                    },
                    manual: false,
                }),
                note: if let Some(own) = own_credit {
                    format!(
                        "Counted with {}, not as an origin of its own: {text}; one text under two credits (its own names {own}).",
                        o.name
                    )
                } else if known && via_same_text {
                    format!(
                        "Origin {} by text reuse: {text}, itself counted with {}.",
                        o.name, o.name
                    )
                } else if known {
                    format!(
                        "Origin {} by text reuse: {text}, credited {}.",
                        o.name, o.name
                    )
                } else {
                    format!("Producer still unidentified; {text}, also of unknown origin: the two count as one.")
                },
                overrules_credit: own_credit.is_some(),
            })
        })
        .collect();
    out.sort_by_key(|i| i.document_id);
    out
}

fn state_controlled(a: &Alignment) -> bool {
    a.state_affiliation
        .as_deref()
        .and_then(Typology::parse)
        .is_some_and(Typology::editorially_controlled)
}

/// Each document's origin group, and the text reuse between documents:
/// the copies (sorted by copy, then source) and the pairs sharing fewer
/// passages than a copy but at least [`super::reuse::PART_MIN_SHARED`]
/// (`reuse::find_with_parts`: one id, the other, the passages shared;
/// sorted, the smaller id first).
pub struct Origins<'a> {
    pub groups: &'a HashMap<i64, DocumentOrigin>,
    pub reuse: &'a [Reuse],
    pub parts: &'a [(i64, i64, usize)],
}

impl Origins<'_> {
    /// The passages of their own words two documents share, as the reuse
    /// step measured them; 0 for a pair it did not keep.
    fn shared_passages(&self, a: i64, b: i64) -> usize {
        let (x, y) = (a.min(b), a.max(b));
        if let Ok(i) = self.parts.binary_search_by(|p| (p.0, p.1).cmp(&(x, y))) {
            return self.parts[i].2;
        }
        [(a, b), (b, a)]
            .into_iter()
            .find_map(|pair| {
                self.reuse
                    .binary_search_by(|r| (r.document_id, r.source_document_id).cmp(&pair))
                    .ok()
            })
            .map_or(0, |i| self.reuse[i].shared_passages)
    }
}

/// Groups the claims into clusters, sets each claim's cluster key, and judges
/// every cluster; returns the clusters and the conflicting figures.
pub fn judge(
    claims: &mut [Claim],
    features: &FeatureTable,
    matching: &Matching,
    origins: Origins,
    path_of: &HashMap<i64, &RelPath>,
    dates: &HashMap<i64, (u8, u8)>,
    entities: &Entities,
) -> (Vec<Cluster>, Vec<Conflict>) {
    let groups = origins.groups;
    let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, root) in matching.cluster_of.iter().enumerate() {
        members.entry(*root).or_default().push(i);
    }
    let mut keys = Vec::with_capacity(members.len());
    let mut cluster_of_claim = vec![0usize; claims.len()];
    for list in members.values_mut() {
        list.sort_by(|&a, &b| {
            path_of[&claims[a].document_id]
                .cmp(path_of[&claims[b].document_id])
                .then(claims[a].clean_start.cmp(&claims[b].clean_start))
        });
        let key = format!("c-{}", &claims[list[0]].key[2..]);
        for &i in list.iter() {
            claims[i].cluster_key = key.clone();
            cluster_of_claim[i] = keys.len();
        }
        keys.push(key);
    }
    let holders = role_holders_by_document(claims);
    let around = Around {
        groups,
        path_of,
        entities,
        people: people_in_office(&holders, entities),
        holders,
        unregistered: groups
            .values()
            .map(|o| o.group.clone())
            .filter(|g| g.starts_with("name:"))
            .chain(described_newsrooms(claims, entities))
            .collect(),
        evidence: document_evidence(groups, path_of),
        words_of: HashMap::new(),
    };
    // Each cluster is judged on its own: on every core, in order.
    let judged: &[Claim] = claims;
    let lists: Vec<&Vec<usize>> = members.values().collect();
    let (mut clusters, carrying): (Vec<Cluster>, Vec<Vec<(i64, i64)>>) = {
        use rayon::prelude::*;
        keys.into_par_iter()
            .zip(lists.par_iter())
            .map(|(key, list)| judge_one(key, list, judged, &around))
            .unzip()
    };
    // A document carrying another's narrative word for word in one claim
    // has that text in it: in every claim the two tell, it counts with it.
    // The clusters where that changes anything are judged again.
    let words_of = shared_words(&clusters, &carrying, &origins, path_of);
    if !words_of.is_empty() {
        let around = Around { words_of, ..around };
        use rayon::prelude::*;
        // In place: each cluster judged again replaces its first judgement
        // at once, never both held for every cluster.
        clusters
            .par_iter_mut()
            .zip(lists.par_iter())
            .filter(|(_, list)| words_elsewhere_apply(list, judged, &around))
            .for_each(|(cluster, list)| {
                let key = std::mem::take(&mut cluster.key);
                *cluster = judge_one(key, list, judged, &around).0;
            });
    }
    let conflicts = conflicts(
        claims,
        features,
        &cluster_of_claim,
        &mut clusters,
        path_of,
        dates,
        groups,
    );
    // Review order: echoes first, then by how widely the claim travelled.
    clusters.sort_by(|a, b| {
        a.corroboration
            .cmp(&b.corroboration)
            .then(b.documents.len().cmp(&a.documents.len()))
            .then(a.key.cmp(&b.key))
    });
    (clusters, conflicts)
}

/// What judging a cluster reads besides its claims: each document's
/// origin, path, evidence row and the roles its people hold, and the
/// entity list.
struct Around<'a> {
    groups: &'a HashMap<i64, DocumentOrigin>,
    path_of: &'a HashMap<i64, &'a RelPath>,
    entities: &'a Entities,
    holders: HashMap<i64, BTreeSet<String>>,
    /// The folder's people, by key: names it gives an office somewhere
    /// ("Turkish President Recep Tayyip Erdogan"), never read as a
    /// newsroom told a claim ("Bolsonaro told Erdogan").
    people: HashSet<String>,
    /// The groups (`name:` and the name's key) of newsrooms the registry
    /// does not hold that the folder has a document of, or calls
    /// newsrooms in a claim's words ("the news portal Malaysiakini"): such
    /// a name is a newsroom wherever the folder names it bare ("According
    /// to Malaysiakini", "Malaysiakini reported").
    unregistered: BTreeSet<String>,
    /// Each document's row of the evidence table, made once and shared by
    /// every cluster it is in: at 100,000 generated documents, a copy per
    /// cluster held ~790 MB until the results were written.
    evidence: HashMap<i64, Arc<DocumentEvidence>>,
    /// For each document carrying another's narrative word for word in
    /// some claim ([`verbatim_carriers`]), the documents it carries so,
    /// each with the key of the first such claim.
    words_of: HashMap<i64, Vec<(i64, String)>>,
}

/// Each document carrying another's words in a cluster (`carrying[i]`, for
/// `clusters[i]`), with the documents it carries and the first cluster
/// (by key) where it does.
fn shared_words(
    clusters: &[Cluster],
    carrying: &[Vec<(i64, i64)>],
    origins: &Origins,
    path_of: &HashMap<i64, &RelPath>,
) -> HashMap<i64, Vec<(i64, String)>> {
    let mut first: BTreeMap<(i64, i64), &str> = BTreeMap::new();
    for (cluster, pairs) in clusters.iter().zip(carrying) {
        for &pair in pairs {
            if origins.shared_passages(pair.0, pair.1) < super::reuse::PART_MIN_SHARED {
                continue;
            }
            let key = first.entry(pair).or_insert(&cluster.key);
            if cluster.key.as_str() < *key {
                *key = &cluster.key;
            }
        }
    }
    let mut out: HashMap<i64, Vec<(i64, String)>> = HashMap::new();
    for ((d, o), key) in first {
        out.entry(d).or_default().push((o, key.to_owned()));
    }
    // The first one a cluster looks for is the first by path (never by
    // id: ids follow the order threads ingested the files in).
    for carried in out.values_mut() {
        carried.sort_by_key(|(o, _)| path_of[o]);
    }
    out
}

/// Whether a cluster holds a document and, under another origin group, a
/// document whose words it carries in another claim (or one of that
/// document's group): the clusters [`shared_words`] may change.
fn words_elsewhere_apply(list: &[usize], claims: &[Claim], around: &Around) -> bool {
    let groups = around.groups;
    let here: BTreeSet<&str> = list
        .iter()
        .map(|&i| groups[&claims[i].document_id].group.as_str())
        .collect();
    here.len() > 1
        && list.iter().any(|&i| {
            let d = claims[i].document_id;
            around.words_of.get(&d).is_some_and(|carried| {
                carried.iter().any(|(o, _)| {
                    let g = groups[o].group.as_str();
                    g != groups[&d].group && here.contains(g)
                })
            })
        })
}

/// Each document's row of the evidence table under a cluster (how its
/// producer was established), as it reads where no other document of the
/// cluster changes it (see [`evidence_row`]).
fn document_evidence(
    groups: &HashMap<i64, DocumentOrigin>,
    path_of: &HashMap<i64, &RelPath>,
) -> HashMap<i64, Arc<DocumentEvidence>> {
    groups
        .iter()
        .filter_map(|(d, o)| Some((*d, Arc::new(evidence_row(o, path_of.get(d)?)))))
        .collect()
}

/// A document's row of the evidence table, by its origin as a cluster
/// judged it: a document carrying another's sentence is credited to that
/// one there (its own producer named beside it).
fn evidence_row(o: &DocumentOrigin, path: &RelPath) -> DocumentEvidence {
    DocumentEvidence {
        document: path.to_string(),
        origin: match &o.carries {
            Some((_, own)) => own.clone().unwrap_or_else(|| "unidentified".into()),
            None => o.name.clone(),
        },
        how: o.how.clone(),
        evidence: o.evidence.clone(),
        line: o.line,
    }
}

/// Whether two origins of a document give the same row of the evidence
/// table.
fn same_row(a: &DocumentOrigin, b: &DocumentOrigin) -> bool {
    a.carries == b.carries
        && a.name == b.name
        && a.how == b.how
        && a.evidence == b.evidence
        && a.line == b.line
}

/// A cluster judged, with the documents of it carrying another's words
/// (each with the one it carries).
fn judge_one(
    key: String,
    list: &[usize],
    claims: &[Claim],
    around: &Around,
) -> (Cluster, Vec<(i64, i64)>) {
    let Around {
        groups,
        path_of,
        entities,
        holders,
        evidence: evidence_of,
        ..
    } = around;
    let mut documents: Vec<i64> = list.iter().map(|&i| claims[i].document_id).collect();
    documents.dedup();
    documents.sort_by_key(|d| path_of[d]);
    documents.dedup();
    // A document carrying another's sentence word for word counts with it,
    // whatever its own credit says.
    let mut carried = verbatim_carriers(list, claims, groups, path_of);
    let carrying: Vec<(i64, i64)> = carried.iter().map(|(d, o)| (*d, *o)).collect();
    // A sentence cut short into a teaser is the whole sentence's, whichever
    // credit the page with the teaser carries.
    for (teaser, source) in teasers(list, claims, groups, path_of) {
        if carried.get(&source) == Some(&teaser) {
            carried.remove(&source);
        }
        carried.insert(teaser, source);
    }
    // A document citing a news outlet for the claim ("…, the Associated
    // Press reported") relays that outlet's reporting: with the outlet
    // here, it is no second origin beside it.
    // The first document by path of each origin group here (`documents`
    // is in path order): the one a document counting with that group
    // points to.
    let mut first_of: HashMap<&str, i64> = HashMap::new();
    for &d in &documents {
        first_of.entry(groups[&d].group.as_str()).or_insert(d);
    }
    let cited = citing_documents(list, claims, groups, &first_of, path_of, entities);
    for (&d, (source, _)) in &cited {
        if carried.get(source) == Some(&d) {
            carried.remove(source);
        }
        carried.insert(d, *source);
    }
    // A whole text copied says which way better than a shared sentence.
    for (copy, source) in near_copies(&documents, groups, &first_of) {
        if carried.get(&source) == Some(&copy) {
            carried.remove(&source);
        }
        carried.insert(copy, source);
    }
    // A document carrying another's narrative word for word in another
    // claim has that text in it: here too it counts with that document, or
    // with that one's group where it is not here. A UrduPoint page under an
    // APP dateline has a sentence of AFP's story word for word ("… after
    // contact was lost with the aircraft carrying him as well as Foreign
    // Minister Hossein Amir-Abdollahian …"); the quotes it tells with AFP's
    // text are AFP's too, not a second origin's (Raisi crash, May 2024).
    let mut elsewhere: BTreeMap<i64, (i64, &str)> = BTreeMap::new();
    for &d in &documents {
        if carried.contains_key(&d) {
            continue;
        }
        let Some(words) = around.words_of.get(&d) else {
            continue;
        };
        let target = words.iter().find_map(|(o, key)| {
            let target = if documents.contains(o) {
                *o
            } else {
                *first_of.get(groups[o].group.as_str())?
            };
            // Two documents of which one's credit names, or lead relays,
            // the other's producer: the credits say which way (a national
            // agency retelling Xinhua's report in Xinhua's words counts with
            // Xinhua, never Xinhua with it).
            let (own, other) = (&groups[&d], &groups[&target]);
            let named =
                own.beside().any(|g| g == other.group) || other.beside().any(|g| g == own.group);
            (other.group != own.group && !named && !reaches(&carried, target, d)).then_some((
                target,
                *o,
                key.as_str(),
            ))
        });
        if let Some((target, o, key)) = target {
            carried.insert(d, target);
            elsewhere.insert(d, (o, key));
        }
    }
    // A copy goes where the text it copies goes.
    follow_copied_texts(&documents, groups, &mut carried);
    // So does a sentence: one of a group that went elsewhere takes the
    // group's documents with the same words along.
    if !carried.is_empty() {
        follow_shared_sentences(list, claims, groups, entities, &mut carried);
    }
    let local;
    let groups = if carried.is_empty() {
        groups
    } else {
        local = carried_with(groups, &documents, &carried, &cited, &elsewhere, path_of);
        &local
    };
    // A newsroom the claim's own sentence relays ("…, the minister told
    // Reuters", "…, AP reported") is named beside the document's producer
    // here, as one its lead relays is everywhere.
    let relay_local;
    let groups = match claim_relays(list, claims, &documents, groups, around) {
        Some(named) => {
            relay_local = named;
            &relay_local
        }
        None => groups,
    };
    // A document crediting several producers counts with any of them that
    // another document here stands for.
    let co_local;
    let groups = match co_credited_with(groups, &documents) {
        Some(regrouped) => {
            co_local = regrouped;
            &co_local
        }
        None => groups,
    };
    // One text under two credits whose own producer stands here through
    // another document joins that one's group: never a group of its own.
    let own_local;
    let groups = match own_credits(&documents, around.groups, groups) {
        Some(restored) => {
            own_local = restored;
            &own_local
        }
        None => groups,
    };
    // Each group with its first document (for its alignment).
    let mut by_group: BTreeMap<&str, (i64, OriginGroup)> = BTreeMap::new();
    for d in &documents {
        let o = &groups[d];
        by_group
            .entry(o.group.as_str())
            .or_insert_with(|| {
                (
                    *d,
                    OriginGroup {
                        group: o.group.clone(),
                        name: o.name.clone(),
                        documents: vec![],
                    },
                )
            })
            .1
            .documents
            .push(path_of[d].to_string());
    }
    // A group a document joined for words in common names that document's
    // own producer too: which copied the other is not established.
    let sharing = own_names_by_group(&documents, groups, |o| match &o.carries {
        Some((_, Some(own))) if o.how != CITES => Some(own),
        _ => None,
    });
    for (group, names) in &sharing {
        if let Some((_, g)) = by_group.get_mut(group) {
            let names: Vec<&str> = names.iter().copied().filter(|n| *n != g.name).collect();
            if !names.is_empty() {
                g.name = format!("{} (and {}, in the same words)", g.name, names.join(", "));
            }
        }
    }
    let co_credited = own_names_by_group(&documents, groups, |o| o.co_credit_of.as_ref());
    for (group, names) in co_credited {
        // A producer the group already names for its words is not named
        // again for its credits.
        let names: Vec<&str> = names
            .into_iter()
            .filter(|n| sharing.get(group).is_none_or(|s| !s.contains(n)))
            .collect();
        if let Some((_, g)) = by_group.get_mut(group)
            && !names.is_empty()
        {
            g.name = format!("{} (and {}, credited together)", g.name, names.join(", "));
        }
    }
    let relaying = own_names_by_group(&documents, groups, |o| o.relay_of.as_ref());
    for (group, names) in relaying {
        if let Some((_, g)) = by_group.get_mut(group) {
            g.name = format!("{} (and {}, relaying it)", g.name, names.join(", "));
        }
    }
    // Only groups whose producer is known count as independent origins:
    // documents of unknown origin may be copies of one another or of a
    // known origin, so they never count as corroboration.
    let first_documents: Vec<i64> = by_group
        .values()
        .filter(|(_, g)| g.is_known())
        .map(|(d, _)| *d)
        .collect();
    let origin_groups: Vec<OriginGroup> = by_group.into_values().map(|(_, g)| g).collect();
    let known: Vec<&OriginGroup> = origin_groups.iter().filter(|g| g.is_known()).collect();
    let unknown: Vec<&str> = origin_groups
        .iter()
        .filter(|g| !g.is_known())
        .flat_map(|g| g.documents.iter().map(String::as_str))
        .collect();
    let independent = known.len();
    let primary: Vec<Option<String>> = list
        .iter()
        .map(|&i| {
            claims[i]
                .attribution
                .as_deref()
                .filter(|a| !matches!(a.to_lowercase().as_str(), "he" | "she" | "they"))
                .map(|a| {
                    entities
                        .canonical(a)
                        .map(str::to_owned)
                        .unwrap_or_else(|| a.trim().to_owned())
                })
        })
        .collect();
    // One name per person or body: "Hassan" and "Health Minister Hamad
    // Hassan", "Assad" and "President al-Assad" are one primary source; so
    // are "the Russian President" and "Putin" where one of the claim's
    // documents calls him "Russian President Vladimir Putin" (only the
    // holders of roles its sources give alone can join anything).
    let bare_roles: BTreeSet<String> = primary
        .iter()
        .flatten()
        .filter_map(|p| role(p).filter(|(_, only, _)| *only).map(|(key, _, _)| key))
        .collect();
    let known_holders: BTreeSet<&str> = if bare_roles.is_empty() {
        BTreeSet::new()
    } else {
        documents
            .iter()
            .filter_map(|d| holders.get(d))
            .flatten()
            .map(String::as_str)
            .filter(|h| role(h).is_some_and(|(key, _, _)| bare_roles.contains(&key)))
            .collect()
    };
    let merged = merge_primary_names_knowing(
        primary.iter().flatten().map(String::as_str),
        known_holders.into_iter(),
    );
    let primary: Vec<Option<String>> = primary
        .into_iter()
        .map(|p| p.map(|p| merged.get(&p).cloned().unwrap_or(p)))
        .collect();
    let mut primary_sources: Vec<String> = primary
        .iter()
        .flatten()
        .cloned()
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    primary_sources.sort();
    // Several known origins, each attributing the claim (in at least one of
    // its documents), all to the same primary source. Documents of unknown
    // origin neither make nor break it.
    let known_primaries: BTreeSet<&str> = list
        .iter()
        .zip(&primary)
        .filter(|(i, _)| {
            !groups[&claims[**i].document_id]
                .group
                .starts_with("document:")
        })
        .filter_map(|(_, p)| p.as_deref())
        .collect();
    // "Lebanese authorities", "officials": a source left unnamed is no
    // second primary source beside a named one (it may well be the same),
    // but it does attribute the claim. Nor is a medium that relayed it
    // ("Morocco's TV" beside "the Interior Ministry": the ministry's
    // televised statement).
    let named = |set: Vec<&str>| -> BTreeSet<String> {
        let specific: BTreeSet<String> = set
            .iter()
            .filter(|p| !unnamed_source(p) && !described_body(p) && !relayed_source(p))
            .map(|p| (*p).to_owned())
            .collect();
        if specific.is_empty() {
            set.into_iter().map(str::to_owned).collect()
        } else {
            specific
        }
    };
    let known_primaries = named(known_primaries.into_iter().collect());
    let all_primaries = named(primary_sources.iter().map(String::as_str).collect());
    let known_attributing = known
        .iter()
        .filter(|g| {
            list.iter()
                .zip(&primary)
                .any(|(i, p)| p.is_some() && groups[&claims[*i].document_id].group == g.group)
        })
        .count();
    let every_known_attributes = known_attributing == known.len();
    // Documents of unknown origin that name the known origins' one primary
    // source: they add to a warning that everything rests on one
    // statement, never take from it (a document whose producer is unknown
    // naming another source is no proof of a second one).
    let unknown_agreeing: BTreeSet<i64> = list
        .iter()
        .zip(&primary)
        .filter(|(i, p)| {
            groups[&claims[**i].document_id]
                .group
                .starts_with("document:")
                && p.as_deref().is_some_and(|p| known_primaries.contains(p))
        })
        .map(|(i, _)| claims[*i].document_id)
        .collect();
    // With one known origin or none, the documents that name a source
    // decide: several documents, one primary source among them all (a
    // single-source claim that also rests on one statement says so).
    // A known origin naming none does not clear it once two documents
    // name the one source, as with several origins (five documents give
    // the USGS's epicentre, the one of known origin names no source).
    let attested_in: BTreeSet<i64> = list.iter().map(|&i| claims[i].document_id).collect();
    let naming: BTreeSet<i64> = list
        .iter()
        .zip(&primary)
        .filter(|(_, p)| p.is_some())
        .map(|(i, _)| claims[*i].document_id)
        .collect();
    let single_primary = if independent > 1 {
        known_primaries.len() == 1 && known_attributing + unknown_agreeing.len() >= 2
    } else {
        attested_in.len() > 1
            && (every_known_attributes || naming.len() >= 2)
            && all_primaries.len() == 1
    };
    let primary_sources: Vec<String> = match (single_primary, independent > 1) {
        (true, true) => known_primaries.into_iter().collect(),
        (true, false) => all_primaries.into_iter().collect(),
        (false, _) => primary_sources,
    };
    // Shown by name: the acronym the text gave a body served to meet its
    // other spellings ("World Health Organization (WHO)", "WHO").
    let primary_sources: Vec<String> = primary_sources
        .iter()
        .map(|p| with_acronym(p).0.to_owned())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let alignments: Vec<&Alignment> = first_documents
        .iter()
        .map(|d| &groups[d].alignment)
        .collect();
    let states: BTreeSet<Option<&str>> = alignments.iter().map(|a| a.country.as_deref()).collect();
    // Every known origin is state-controlled media of one state: one known
    // origin is enough (a claim only TASS carries rests on the Russian state).
    // Documents of unknown origin neither lift the warning nor add to it:
    // taking one for a voice beside the state's would count it as
    // corroboration, which nothing of unknown origin is. Measured on the dev
    // set (2026-12-03): three clusters of Xinhua with an uncredited copy or
    // Global Times text now warn, as a fact-checker expects; one of WAM with
    // an uncredited RT text and a private site warns where the labels do
    // not (its explanation names the unknown documents).
    let single_alignment = independent >= 1
        && alignments.iter().all(|a| state_controlled(a))
        && states.len() == 1
        && !states.contains(&None);

    let docs: Vec<String> = documents.iter().map(|d| path_of[d].to_string()).collect();
    let corroboration = Corroboration::of(documents.len(), independent, unknown.len());
    // The row made once for the document, unless this cluster changed it.
    let evidence: Vec<Arc<DocumentEvidence>> = documents
        .iter()
        .map(|d| {
            let o = &groups[d];
            if same_row(o, &around.groups[d]) {
                Arc::clone(&evidence_of[d])
            } else {
                Arc::new(evidence_row(o, path_of[d]))
            }
        })
        .collect();
    let mut explanation = summary(corroboration, &documents, &known, &unknown, groups);
    if single_primary && independent > 1 && every_known_attributes {
        explanation.push_str(&format!(
            " But every one attributes it to {}: one primary source behind {independent} outlets.",
            primary_sources[0]
        ));
    } else if single_primary && independent > 1 {
        let silent = independent - known_attributing;
        explanation.push_str(&format!(
            " But every one that names a source attributes it to {} ({silent} of {independent} origins name none): no second primary source is known.",
            primary_sources[0]
        ));
    } else if single_primary {
        explanation.push_str(&format!(
            " Every document that names a source attributes it to {}.",
            primary_sources[0]
        ));
    } else if independent > 1 && !primary_sources.is_empty() {
        explanation.push_str(&format!(" Attributed to: {}.", primary_sources.join("; ")));
    }
    if single_alignment {
        let country = states
            .iter()
            .next()
            .copied()
            .flatten()
            .unwrap_or("one state");
        let beside = match unknown.len() {
            0 => String::new(),
            1 => " (the document of unknown origin may be anyone's)".to_owned(),
            n => format!(" (the {n} documents of unknown origin may be anyone's)"),
        };
        if independent == 1 {
            explanation.push_str(&format!(
                " Its only known origin is state-controlled media of {country}{beside}."
            ));
        } else {
            explanation.push_str(&format!(
                " Every known origin is state-controlled media of {country}: one state stands behind them all{beside}."
            ));
        }
    }
    let cluster = Cluster {
        key,
        claims: list.iter().map(|&i| claims[i].key.clone()).collect(),
        documents: docs,
        origin_groups,
        independent_origins: independent,
        corroboration,
        single_source: corroboration.is_single_source(),
        primary_sources,
        single_primary,
        single_alignment,
        conflicting: false,
        explanation,
        evidence,
    };
    (cluster, carrying)
}

/// Consecutive words two documents must have in common, word for word
/// outside quotations, in one claim, to count as one origin for it: no two
/// newsrooms write twelve words of narrative alike by chance. A dateline
/// or a trimmed clause around them does not matter.
const VERBATIM_WORDS: usize = 12;

/// Every run of [`VERBATIM_WORDS`] consecutive words of a claim outside its
/// quotations (lower case), hashed: two outlets quoting one statement each
/// frame it in their own words; a frame copied too is a copy.
fn narrative_runs(text: &str) -> Vec<u64> {
    let mut runs = Vec::new();
    for part in outside_quotations(text) {
        let words: Vec<u64> = part
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(|w| super::hash::text(&w.to_lowercase()))
            .collect();
        runs.extend(
            words
                .windows(VERBATIM_WORDS)
                .map(|w| w.iter().fold(0, |h, x| super::hash::mix(h, *x))),
        );
    }
    runs
}

/// Whether most of a sentence's words are inside quotation marks: a
/// statement's words relayed, whoever relays them.
pub fn mostly_quoted(text: &str) -> bool {
    let words = |s: &str| {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .count()
    };
    let outside: usize = outside_quotations(text).into_iter().map(words).sum();
    outside * 2 < words(text)
}

/// The pieces of a sentence outside quotation marks. A quotation may open
/// in this sentence and close in a later one (`"Deeply saddened by the
/// news.` — the rest of the quote follows), or close here after opening in
/// an earlier one (`…all those affected,' he said.`): what follows an
/// unclosed opening mark, and what comes before a closing mark never
/// opened, are quoted too. A straight mark opens after a space or at the
/// start and closes after a word; a curly single mark inside a word
/// ("Haftar’s") is an apostrophe.
pub(super) fn outside_quotations(text: &str) -> Vec<&str> {
    // No quotation mark of any kind (straight marks, or the curly and
    // angle ones, whose UTF-8 starts 0xE2 or 0xC2): all of it is outside.
    if !text
        .bytes()
        .any(|b| matches!(b, b'"' | b'\'' | 0xC2 | 0xE2))
    {
        return vec![text];
    }
    let mut parts = Vec::new();
    let mut quoted = false;
    let mut from = 0;
    let mut prev: Option<char> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|(_, n)| *n);
        let after_space = prev.is_none_or(|p| p.is_whitespace() || "([—–-:".contains(p));
        let before_word_end = next.is_none_or(|n| !n.is_alphanumeric());
        let (opens, closes) = match c {
            '“' | '«' | '„' => (true, false),
            '”' | '»' => (false, true),
            '"' => (after_space, !after_space),
            '‘' => (after_space, false),
            '’' => (false, !after_space && before_word_end),
            // A straight single mark: a quotation's when it opens before a
            // word after a space or closes a word before a space or the
            // end; between letters ("Trump's") an apostrophe.
            '\'' => (
                after_space && next.is_some_and(char::is_alphanumeric),
                !after_space && before_word_end,
            ),
            _ => (false, false),
        };
        if opens && !quoted {
            parts.push(&text[from..i]);
            quoted = true;
        } else if closes {
            if !quoted {
                // Closing a quotation opened before this sentence: what came
                // before was quoted.
                parts.clear();
            }
            quoted = false;
            from = i + c.len_utf8();
        }
        prev = Some(c);
    }
    if !quoted {
        parts.push(&text[from..]);
    }
    parts
}

/// How strongly a document's own record establishes its producer, for
/// which of two documents carrying one sentence the other counts with: a
/// registered producer, then one known by name; never an unknown one.
fn standing(o: &DocumentOrigin) -> u8 {
    if o.group.starts_with("document:") {
        0
    } else if o.outlet_id.is_some() {
        2
    } else {
        1
    }
}

/// Documents of a cluster that carry words of a document of another
/// origin word for word (outside quotations, [`VERBATIM_WORDS`] in a row):
/// each is mapped to the document it counts with, one whose producer
/// stands higher (a registered outlet over a name, a name over none), or
/// as high, known, and behind more of the cluster's documents (the first
/// by path when as many). A page crediting "Source: The Buzzing Hub" under
/// an AP paragraph copied whole is the AP's text, not a second origin; nor
/// is a paper's page that retells an AP story and keeps its sentences (a
/// Daily Mail page running the AP's words under its own name, Helsinki).
/// A document of unknown origin never draws a known one: a page carrying
/// one sentence from Reuters and another from the AP joins one of them,
/// and never makes the two one.
fn verbatim_carriers(
    list: &[usize],
    claims: &[Claim],
    groups: &HashMap<i64, DocumentOrigin>,
    path_of: &HashMap<i64, &RelPath>,
) -> BTreeMap<i64, i64> {
    // Runs of words are read once for each wording (a wire's sentence run
    // by many sites is one text), and each run is held with the wordings
    // that have it: the documents sharing a run are those of its wordings.
    let mut wordings: super::hash::FxHashMap<&str, usize> = Default::default();
    let mut documents_of: Vec<Vec<i64>> = Vec::new();
    let mut by_words: super::hash::FxHashMap<u64, Vec<usize>> = Default::default();
    for &i in list {
        let text = claims[i].text.as_str();
        let next = wordings.len();
        let w = *wordings.entry(text).or_insert(next);
        if w == next {
            documents_of.push(Vec::new());
            for run in narrative_runs(text) {
                by_words.entry(run).or_default().push(w);
            }
        }
        documents_of[w].push(claims[i].document_id);
    }
    drop(wordings);
    // The sets of wordings sharing a run, each once.
    let mut sharing: std::collections::HashSet<Vec<usize>> = std::collections::HashSet::new();
    for (_, mut w) in by_words {
        w.sort_unstable();
        w.dedup();
        sharing.insert(w);
    }
    let mut size: HashMap<&str, usize> = HashMap::new();
    let mut seen = BTreeSet::new();
    for &i in list {
        if seen.insert(claims[i].document_id) {
            *size
                .entry(groups[&claims[i].document_id].group.as_str())
                .or_default() += 1;
        }
    }
    let rank = |d: i64| {
        let g = &groups[&d];
        (
            std::cmp::Reverse(standing(g)),
            std::cmp::Reverse(size[g.group.as_str()]),
            path_of[&d],
        )
    };
    // Each document's place in rank order (paths differ, so no two tie),
    // its standing and its group, worked out once: a sentence's runs name
    // the same documents over and over.
    struct Ranked {
        place: usize,
        standing: u8,
        group: usize,
    }
    let mut ranked: Vec<i64> = seen.into_iter().collect();
    ranked.sort_by_cached_key(|d| rank(*d));
    let mut group_ids: HashMap<&str, usize> = HashMap::new();
    let of: super::hash::FxHashMap<i64, Ranked> = ranked
        .iter()
        .enumerate()
        .map(|(place, &d)| {
            let g = &groups[&d];
            let next = group_ids.len();
            let group = *group_ids.entry(g.group.as_str()).or_insert(next);
            (
                d,
                Ranked {
                    place,
                    standing: standing(g),
                    group,
                },
            )
        })
        .collect();
    // `d` counts with `o`: `o`'s producer stands higher, or as high, known,
    // and `o` comes first (behind more documents here, or first by path).
    let counts_with = |d: i64, o: i64| {
        let (d, o) = (&of[&d], &of[&o]);
        o.standing > d.standing || (o.standing == d.standing && o.standing > 0 && o.place < d.place)
    };
    let mut carried: BTreeMap<i64, i64> = BTreeMap::new();
    for w in sharing {
        let mut docs: Vec<i64> = w
            .iter()
            .flat_map(|w| documents_of[*w].iter().copied())
            .collect();
        docs.sort_unstable();
        docs.dedup();
        if docs.len() < 2 {
            continue;
        }
        // In rank order, the documents `d` may count with are a prefix
        // (higher standing first, then earlier paths), so the best one of
        // another group is the first document of another group than `d`'s:
        // the first of all, or the first whose group differs from it.
        let first = docs
            .iter()
            .copied()
            .min_by_key(|d| of[d].place)
            .expect("two documents");
        let first_group = of[&first].group;
        let first_other = docs
            .iter()
            .copied()
            .filter(|o| of[o].group != first_group)
            .min_by_key(|o| of[o].place);
        for &d in docs.iter() {
            let best = if of[&d].group != first_group {
                Some(first)
            } else {
                first_other
            };
            if let Some(best) = best.filter(|&o| counts_with(d, o)) {
                let entry = carried.entry(d).or_insert(best);
                if of[&best].place < of[&*entry].place {
                    *entry = best;
                }
            }
        }
    }
    carried
}

/// Words a teaser must keep of the sentence it was cut from: fewer might
/// be two newsrooms opening a sentence alike.
const TEASER_WORDS: usize = 8;

/// The words (lower case) of a sentence cut short with an ellipsis — a
/// related-story teaser, a feed's summary line ("… between Washington and
/// Moscow on T . .") — without the word the cut went through; `None` for a
/// sentence not cut so, or too short to tell.
fn cut_words(text: &str) -> Option<Vec<String>> {
    let end = text.trim_end();
    if !(end.ends_with('…')
        || end.ends_with("..")
        || end.ends_with(" .")
        || end.ends_with("\u{a0}."))
    {
        return None;
    }
    // A quotation cut short ("… as retribution for all of the sins …") is
    // the speaker's words relayed, not a page's teaser.
    if mostly_quoted(text) {
        return None;
    }
    let t = text.replace('\u{a0}', " ");
    let t = t.trim_end();
    let ellipsis = t
        .strip_suffix('…')
        .or_else(|| t.strip_suffix(". . ."))
        .or_else(|| t.strip_suffix(". ."))
        .or_else(|| t.strip_suffix("..."));
    // The splitter may have cut ". ." in two, leaving "befo ." — a stop
    // after a space, which scraped pages also leave ("Theresa May ."): then
    // only a long run of words vouches for a cut.
    let (body, least) = match ellipsis {
        Some(body) => (body, TEASER_WORDS),
        None => (t.strip_suffix(" .")?, VERBATIM_WORDS),
    };
    let mut words = lower_words(body);
    // The cut may have gone through the last word ("on T . .").
    words.pop();
    (words.len() >= least).then_some(words)
}

/// A sentence's words, lower case, punctuation dropped.
fn lower_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Documents of a cluster whose claim is another document's sentence cut
/// short (the same words from the start, then an ellipsis; not a
/// quotation, which two pages relay alike, cut or whole): each mapped to
/// the document with the whole sentence (of another origin; the best
/// placed by standing, then path). The copy is plain whichever credit
/// either page carries. Helsinki (2026-12-02 samples): a related-story
/// teaser on a Newsmax page credited AFP, cut from a Reuters sentence,
/// counted as AFP's corroboration of Reuters.
fn teasers(
    list: &[usize],
    claims: &[Claim],
    groups: &HashMap<i64, DocumentOrigin>,
    path_of: &HashMap<i64, &RelPath>,
) -> BTreeMap<i64, i64> {
    let mut out = BTreeMap::new();
    let (cut, rest): (Vec<_>, Vec<_>) = list
        .iter()
        .map(|&i| (i, cut_words(&claims[i].text)))
        .partition(|(_, cut)| cut.is_some());
    if cut.is_empty() {
        return out;
    }
    let whole: Vec<(i64, Vec<String>)> = rest
        .into_iter()
        .filter(|(i, _)| !mostly_quoted(&claims[*i].text))
        .map(|(i, _)| (claims[i].document_id, lower_words(&claims[i].text)))
        .collect();
    let cut = cut.into_iter().filter_map(|(i, words)| Some((i, words?)));
    for (i, teaser) in cut {
        let d = claims[i].document_id;
        let source = whole
            .iter()
            .filter(|(o, words)| {
                groups[o].group != groups[&d].group
                    && words.len() > teaser.len()
                    && words.starts_with(&teaser)
            })
            .map(|(o, _)| *o)
            .min_by_key(|o| (std::cmp::Reverse(standing(&groups[o])), path_of[o]));
        if let Some(source) = source {
            out.insert(d, source);
        }
    }
    out
}

/// How a document counting with a newsroom its lead relays is described.
const RELAYS: &str = "relays";
/// How a document counting with the outlet it cites for the claim came to.
const CITES: &str = "cites another outlet";
/// How a document whose own credit yields to another's is described: most
/// of one text is the other's, under another producer's name.
const SAME_TEXT: &str = "one text, two credits";
/// How an uncredited document took a credited one's origin: its passages.
const UNCREDITED_COPY: &str = "uncredited copy";
/// … or the same claims in the same order, no passage shared.
const UNCREDITED_REWRITE: &str = "uncredited rewrite";

/// Documents of a cluster with a claim attributed to a registered news
/// outlet ("about 1,500 people demonstrated, the Associated Press
/// reported") that another document of the cluster stands for: each mapped
/// to the first such document by path, with the outlet's name. Helsinki
/// (2026-12-03 sample): a Washington Post story crediting the AP for a
/// figure counted as a second origin beside the AP's own story.
fn citing_documents(
    list: &[usize],
    claims: &[Claim],
    groups: &HashMap<i64, DocumentOrigin>,
    first_of: &HashMap<&str, i64>,
    path_of: &HashMap<i64, &RelPath>,
    entities: &Entities,
) -> BTreeMap<i64, (i64, String)> {
    let key = crate::outlets::registry::name_key;
    let mut cited = BTreeMap::new();
    // Each attribution read once, and each outlet's document sought once:
    // a wire's sentence run by many sites cites alike on every one.
    let mut outlet_in: super::hash::FxHashMap<&str, Option<&str>> = Default::default();
    let mut document_of: HashMap<String, Option<i64>> = HashMap::new();
    for &i in list {
        let d = claims[i].document_id;
        let Some(outlet) = claims[i].attribution.as_deref().and_then(|a| {
            *outlet_in
                .entry(a)
                .or_insert_with(|| entities.outlet_named(a))
        }) else {
            continue;
        };
        let wanted = key(outlet);
        let source = *document_of.entry(wanted).or_insert_with_key(|wanted| {
            first_of
                .values()
                .copied()
                .filter(|o| standing(&groups[o]) == 2 && key(&groups[o].name) == *wanted)
                .min_by_key(|o| path_of[o])
        });
        if let Some(source) = source
            && groups[&source].group != groups[&d].group
        {
            cited.entry(d).or_insert((source, outlet.to_owned()));
        }
    }
    cited
}

/// Words around a newsroom saying a claim came through it, each pattern
/// with the words naming it in `n`: the speaker told it or spoke to it
/// ("…, the minister told Reuters", "Speaking to Sky News, …", "…, he
/// said in an interview with CNN", "during his recent interview with Geo
/// News", "she tells the BBC"), it quoted,
/// polled or reached them ("quoted by TASS", "contacted by AFP", "polled
/// by Reuters"), it aired them ("said on Rossiya 24 TV channel"), or the
/// sentence is its report or carries its statement ("according to CNN",
/// "a statement on the official Mena news agency said", "according to a
/// report in the Washington Times", "Per Bloomberg, …"; the words naming
/// it in `n`, or in `p` after "per"). A report by it that someone answers
/// is not ("could not comment on a report by Bloomberg that …").
static AFTER_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::re(
        r"\b(?i:told|tells|telling|admit(?:s|ted)\s+to|(?:confirmed|disclosed|revealed|explained)\s+(?:(?:this|it|the\s+\w+)\s+)?to|(?:in\s+)?a\s+statement\s+to|sat\s+down\s+with|(?:speaking|talking|spoke|talked)\s+(?:to|with|on)|(?:in|during)\s+(?:an?|his|her|their|its|the)\s+(?:[a-z-]+\s+){0,2}?interview\s+(?:with|on|to)|interviewed\s+by|(?:as\s+)?(?:quoted|cited|reported)\s+by|contacted\s+by|polled\s+by|according\s+to|(?:said|says|speaking|spoke|appearing|appeared)\s+on|(?:statement|interview)\s+(?:on|in|by|from)|(?:according\s+to|in)\s+(?:a|an|the)\s+(?:[A-Za-z]+\s+)?(?:report|story|article)\s+(?:in|published\s+(?:in|by)|carried\s+by|aired\s+(?:by|on))|footage\s+(?:from|by|aired\s+by|broadcast\s+by)|quoted\s+as\s+saying\s+by)\s+(?P<n>(?:[\w.&'’-]+\s+){0,5}[\w.&'’-]+)|(?:^|[,;]\s+)(?P<per>[Pp]er)\s+(?P<p>(?:[\w.&'’-]+\s+){0,5}[\w.&'’-]+)",
    )
});

/// The words naming the newsroom in an [`AFTER_WORDS`] match, and where
/// the words saying so start ("Per" for "Per Bloomberg, …").
fn after_words_named<'t>(c: &regex::Captures<'t>) -> Option<(regex::Match<'t>, usize)> {
    match c.name("p") {
        Some(p) => Some((p, c.name("per")?.start())),
        None => Some((c.name("n")?, c.get(0)?.start())),
    }
}

/// A newsroom before the words saying the claim is its report or its
/// staff's ("…, the official Xinhua news agency reported", "…, CNN
/// reports.", "The official Xinhua news agency quoted a witness as
/// saying", "Fars cited the deputy minister as saying", "AFP news agency
/// has quoted", "…, AFP journalists said", "The New York Times story
/// said", "…, Interfax news agency said on Friday, citing the fleet", "The
/// official Sichuan Daily newspaper said": "said" alone only where the
/// words call it a newsroom, in `said`), the words naming it in `n`.
static BEFORE_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::re(
        r"(?:^|[,;:]\s*|\s)(?P<n>(?:[\w.&'’-]+\s+){0,5}?[\w.&'’-]+)\s+(?:(?:has\s+|had\s+|have\s+)?(?:reported|quoted|cited)|reports|(?:journalists|reporters|correspondents?)\s+(?:said|saw|reported|counted)|(?:story|report|article)\s+(?:said|says|found|reported)|said\b[^.;“”\x22]{0,30}?,\s+citing|(?P<said>said|says))\b",
    )
});

/// A newsroom after the verb closing its report ("…, reported Sudan
/// Tribune.", "…, reports Nippon News Network (Feb. 3).", "…, said the
/// BBC."), the words naming it in `n`, which must end the clause.
static INVERTED: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::re(
        r"[,;]\s+(?:reported|reports|said|says|wrote|writes)\s+(?P<n>(?:[\w.&'’-]+\s+){0,5}?[\w&'’-]+)\s*(?:[.,;(]|\s+citing\b|$)",
    )
});

/// Words that only describe a newsroom beside its name: "the official
/// Xinhua news agency", "Russian news site TASS", "AFP journalists".
const NEWSROOM_WORDS: [&str; 34] = [
    "the",
    "a",
    "an",
    "official",
    "state",
    "state-run",
    "state-owned",
    "semi-official",
    "semiofficial",
    "public",
    "private",
    "independent",
    "local",
    "national",
    "news",
    "agency",
    "newspaper",
    "daily",
    "paper",
    "broadcaster",
    "television",
    "tv",
    "channel",
    "network",
    "site",
    "website",
    "outlet",
    "media",
    "wire",
    "service",
    "journalists",
    "reporters",
    "correspondent",
    "correspondents",
];

/// Registered names a newsroom writes in lower case ("sources told dpa").
const LOWER_CASE_NAMES: [&str; 1] = ["dpa"];

/// Words that call what they stand beside a newsroom ("the local newspaper
/// Kathimerini", "Kompas TV", "news portal Ukrainska Pravda"). Bare
/// "agency" is not among them (the weather agency, the space agency NASA),
/// nor "station" or "site": only "news agency", "radio station" and the
/// like are (`described_in`).
const NEWSROOM_NOUNS: [&str; 15] = [
    "newspaper",
    "daily",
    "paper",
    "tabloid",
    "magazine",
    "weekly",
    "broadcaster",
    "channel",
    "portal",
    "website",
    "outlet",
    "tv",
    "television",
    "radio",
    "network",
];

/// Platforms a speaker posts on: a channel there is theirs, no newsroom
/// ("said on his Telegram channel").
const PLATFORMS: [&str; 9] = [
    "Telegram",
    "YouTube",
    "Facebook",
    "Twitter",
    "X",
    "Instagram",
    "TikTok",
    "WhatsApp",
    "Truth",
];

/// The last word of many newsrooms' names ("ARY News", "Hindustan Times",
/// "Sichuan Daily"): after another capitalised word, a name is a
/// newsroom's by it alone.
const MASTHEAD_WORDS: [&str; 18] = [
    "News",
    "Broadcasting",
    "Journal",
    "Times",
    "Post",
    "Herald",
    "Gazette",
    "Tribune",
    "Telegraph",
    "Chronicle",
    "Daily",
    "Express",
    "Inquirer",
    "Courier",
    "Dispatch",
    "Magazine",
    "TV",
    "Television",
];

/// A word as a name is read in it: without quotation marks, the
/// punctuation closing a clause, or a possessive's "'s" ("CNN’s" → "CNN").
fn bare_word(t: &str) -> String {
    t.trim_matches(['“', '”', '"'])
        .trim_end_matches([',', '.', ';', ':'])
        .trim_end_matches("’s")
        .trim_end_matches("'s")
        .to_owned()
}

/// How the addresses of news sites end ("bdnews24.com").
const SITE_ENDINGS: &str = r"com|net|org|info|news|in|pk|bd|ng|co\.uk|com\.au";

/// A site's address standing for its newsroom ("bdnews24.com").
static SITE: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::re(&format!(
        r"^[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:{SITE_ENDINGS})$"
    ))
});

/// Unnamed sources speaking to a newsroom: "Sources told Kathimerini",
/// "well-informed sources revealed to As-Safir newspaper"; the words
/// after in `n`, whose capitalised name is taken for a newsroom's though
/// the registry does not hold it and nothing calls it one.
static SOURCES_TOLD: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::re(
        r"\b(?i:sources?|insiders?)\s+(?:[\w-]+\s+){0,5}?(?:told|revealed\s+to|said\s+to|confirmed\s+to)\s+(?P<n>(?:[\w.&'’-]+\s+){0,4}[\w.&'’-]+)",
    )
});

/// Bodies sources may speak to that are no newsroom.
const NOT_NEWSROOMS: [&str; 8] = [
    "Congress",
    "Parliament",
    "Senate",
    "House",
    "Assembly",
    "Court",
    "Committee",
    "Council",
];

/// The capitalised name opening `words` ("An-Nahar that …", "the FBC
/// …"), past "the", as one sources speak to: no body sources speak to
/// that is no newsroom ("Congress"), platform, people or country.
fn capitalised_name(words: &str, entities: &Entities) -> Option<(String, usize)> {
    let skip = ["the ", "The "]
        .iter()
        .find_map(|a| words.strip_prefix(a))
        .map_or(0, |r| words.len() - r.len());
    let mut end = skip;
    for w in words[skip..].split_whitespace().take(4) {
        let b = w.trim_end_matches([',', '.', ';', ':']);
        if !b.starts_with(char::is_uppercase) || NOT_NEWSROOM_NAMES.contains(&b) {
            break;
        }
        end = w.as_ptr() as usize - words.as_ptr() as usize + b.len();
        if b.len() < w.len() {
            break;
        }
    }
    let name = &words[skip..end];
    let first = name.split_whitespace().next()?;
    (end > skip
        && !NOT_NEWSROOMS.contains(&first)
        && !PLATFORMS.contains(&first)
        && !entities.is_demonym(name)
        && !entities.is_country(name))
    .then(|| (name.to_owned(), end))
}

/// A newsroom the registry does not hold, named in a run of words that
/// also calls it one, and where its name ends: the name after its noun
/// ("the local newspaper Kathimerini", "the Turkish news agency Shafaq",
/// "news portal Ukrainska Pravda"), before it ("Kathimerini newspaper",
/// "the Turkish Dogan news agency", "the Nikkei business daily"), or a
/// name ending as newsrooms' do ("ARY News", "Kompas TV"). Describing words
/// may stand before; with `strict`, every word after the name (and its
/// noun) must describe it or say when, as before a verb; else the run must
/// open with it. A noun with no name ("state TV", "the newspaper") names
/// none.
fn described_in(words: &str, strict: bool, entities: &Entities) -> Option<(String, usize, usize)> {
    let tokens: Vec<(usize, &str)> = words
        .split_whitespace()
        .map(|t| (t.as_ptr() as usize - words.as_ptr() as usize, t))
        .collect();
    let bare = bare_word;
    let ends_clause = |t: &str| t.ends_with([',', '.', ';', ':']);
    let lower = |i: usize| tokens.get(i).map(|t| bare(t.1).to_lowercase());
    // A newsroom's noun at `i`: "newspaper", "TV", or "agency" after
    // "news" or "press".
    let noun = |i: usize| {
        let Some(w) = lower(i) else { return false };
        NEWSROOM_NOUNS.contains(&w.as_str())
            || (matches!(w.as_str(), "agency" | "service")
                && i > 0
                && matches!(lower(i - 1).as_deref(), Some("news" | "press")))
            || (w == "station"
                && i > 0
                && matches!(
                    lower(i - 1).as_deref(),
                    Some("radio" | "tv" | "television" | "news")
                ))
    };
    let kind = |t: &str| {
        let b = bare(t);
        NEWSROOM_WORDS.contains(&b.to_lowercase().as_str())
            || entities.is_demonym(&b)
            || entities.is_country(&b)
    };
    // A describing word, or a lower-case adjective ("leading",
    // "pro-government"), but not a possessive pronoun ("said on his
    // Telegram channel": the speaker's own).
    let describes = |t: &str| {
        let b = bare(t);
        kind(t)
            || (!b.is_empty()
                && b.chars().all(|c| c.is_lowercase() || c == '-')
                && !matches!(
                    b.as_str(),
                    "his" | "her" | "its" | "their" | "our" | "my" | "own"
                ))
    };
    // A run of capitalised words from `at` (joined by "of", "de", "al"),
    // up to a noun or a clause's end: where it ends.
    let run_from = |at: usize| -> Option<usize> {
        let first = bare(tokens.get(at)?.1);
        if !first.starts_with(char::is_uppercase)
            || NOT_NEWSROOM_NAMES.contains(&first.as_str())
            || PLATFORMS.contains(&first.as_str())
        {
            return None;
        }
        let mut end = at;
        while end < tokens.len() && end - at < 5 {
            let t = tokens[end].1;
            let b = bare(t);
            let joins = matches!(b.as_str(), "of" | "de" | "al" | "el")
                && tokens
                    .get(end + 1)
                    .is_some_and(|n| n.1.starts_with(char::is_uppercase));
            // A noun ends the name, unless written as part of it
            // ("Kompas TV", "Sichuan Daily").
            if !(b.starts_with(char::is_uppercase) || joins)
                || (noun(end) && end > at && !t.starts_with(char::is_uppercase))
            {
                break;
            }
            end += 1;
            if ends_clause(t) {
                break;
            }
        }
        Some(end)
    };
    // The name in `at..end`: past a people's or country's word ("Turkish
    // Dogan"), when a word of it is more than a describing one.
    let name = |at: usize, end: usize| -> Option<(String, usize)> {
        // "Ukrainian News Agency", "Iranian State TV": describing words
        // all capitalised are a name.
        let proper = end - at >= 2
            && tokens[at..end]
                .iter()
                .all(|(_, t)| bare(t).starts_with(char::is_uppercase))
            && tokens[at..end]
                .iter()
                .any(|(_, t)| MASTHEAD_WORDS.contains(&bare(t).as_str()) || bare(t) == "Agency");
        let from = if proper {
            at
        } else {
            (at..end).find(|&i| !kind(tokens[i].1))?
        };
        let last = tokens[end - 1];
        Some((
            format!("{}{}", &words[tokens[from].0..last.0], bare(last.1)),
            last.0 + bare(last.1).len(),
        ))
    };
    // What may follow the name before a verb: describing words, and when
    // ("Hasht-i-Subh daily on Tuesday reported").
    let rest_ok = |from: usize| {
        !strict
            || tokens[from..].iter().all(|(_, t)| {
                let b = bare(t).to_lowercase();
                NEWSROOM_WORDS.contains(&b.as_str())
                    || crate::pattern::WEEKDAYS.contains(&b.as_str())
                    || matches!(
                        b.as_str(),
                        "on" | "earlier" | "later" | "also" | "late" | "yesterday" | "today"
                    )
            })
    };
    let starts: Vec<usize> = if strict {
        (0..tokens.len()).collect()
    } else {
        let mut at = 0;
        while at < tokens.len() && describes(tokens[at].1) {
            at += 1;
        }
        (0..=at).collect()
    };
    let found_at = |at: usize| -> Option<(String, usize)> {
        // "bdnews24.com reported": a news site by its address.
        let first = bare(tokens.get(at)?.1);
        if SITE.is_match(&first) && rest_ok(at + 1) {
            return Some((first.clone(), tokens[at].0 + first.len()));
        }
        // "the local newspaper Kathimerini": describing words ending in
        // the noun, then the name. A capitalised newsroom's word opens a
        // name ("the Daily Kent Stater"); a people's or country's
        // describes ("the Greek daily").
        let skips = |t: &str| {
            describes(t)
                && (!t.starts_with(char::is_uppercase)
                    || matches!(t, "The" | "A" | "An")
                    || entities.is_demonym(&bare(t))
                    || entities.is_country(&bare(t)))
        };
        let mut k = at;
        while k < tokens.len() && skips(tokens[k].1) {
            k += 1;
        }
        if k > at
            && noun(k - 1)
            && !ends_clause(tokens[k - 1].1)
            && let Some(end) = run_from(k)
            && let Some(found) = name(k, end)
            && rest_ok(end)
        {
            return Some(found);
        }
        let end = run_from(at)?;
        // "Kathimerini newspaper", "the Nikkei business daily", "the
        // Turkish Dogan news agency": the name, then the noun.
        let mut n = end;
        while n < tokens.len()
            && matches!(
                lower(n).as_deref(),
                Some("news" | "press" | "business" | "state" | "official")
            )
            && !noun(n)
        {
            n += 1;
        }
        if n < tokens.len() && noun(n) && !ends_clause(tokens[end - 1].1) {
            return name(at, end).filter(|_| rest_ok(n + 1));
        }
        // "ARY News", "Hindustan Times": a masthead's last word after
        // another capitalised word, or a newspaper's alone ("The Herald",
        // "the Review-Journal").
        let last = bare(tokens[end - 1].1);
        let head = last.rsplit('-').next().unwrap_or(&last);
        let after_the = at > 0 && bare(tokens[at - 1].1).eq_ignore_ascii_case("the");
        let words_before = (at..end - 1)
            .filter(|&i| bare(tokens[i].1) != "The")
            .count();
        // Alone, only a newspaper's word ("the Journal of …" is no
        // newsroom).
        let alone = matches!(
            head,
            "Herald"
                | "Inquirer"
                | "Times"
                | "Post"
                | "Telegraph"
                | "Tribune"
                | "Gazette"
                | "Chronicle"
                | "Courier"
                | "Express"
        );
        let masthead = MASTHEAD_WORDS.contains(&head)
            && (words_before >= 1
                || head != last
                || (alone && (after_the || bare(tokens[at].1) == "The")));
        (masthead && rest_ok(end)).then(|| name(at, end)).flatten()
    };
    // The words saying what it is from their first ("The official Sichuan
    // Daily newspaper").
    let first_describing = |mut at: usize| {
        while at > 0 && kind(tokens[at - 1].1) {
            at -= 1;
        }
        tokens[at].0
    };
    starts
        .into_iter()
        .find_map(|at| found_at(at).map(|(n, end)| (n, first_describing(at), end)))
}

/// The registered newsroom a run of words names, and where its name ends:
/// describing words and a country's people or name first ("the official",
/// "South Korean news agency", "Russia's"), then the longest run of words
/// naming one, a possessive's "'s" dropped ("CNN’s Jake Tapper"). With
/// `strict`, every word after the name must describe it too ("Xinhua news
/// agency"), as before a verb ("the Yonhap news agency reported"); else
/// the name only has to open what follows ("told CNN's Jake Tapper").
fn newsroom_in<'a>(
    words: &str,
    strict: bool,
    entities: &'a Entities,
) -> Option<(&'a str, usize, usize)> {
    let tokens: Vec<(usize, &str)> = words
        .split_whitespace()
        .map(|t| (t.as_ptr() as usize - words.as_ptr() as usize, t))
        .collect();
    let bare = bare_word;
    let describes = |t: &str| {
        let t = t.trim_end_matches([',', '.', ';', ':']);
        NEWSROOM_WORDS.contains(&t.to_lowercase().as_str())
            || entities.is_demonym(&bare(t))
            || entities.is_country(&bare(t))
    };
    // Past describing words, one word or two ("South Korean") at a time.
    let past_describing = |mut at: usize| {
        while at < tokens.len() {
            let pair = || format!("{} {}", tokens[at].1, bare(tokens[at + 1].1));
            if describes(tokens[at].1) {
                at += 1;
            } else if at + 1 < tokens.len()
                && (entities.is_demonym(&pair()) || entities.is_country(&pair()))
            {
                at += 2;
            } else {
                break;
            }
        }
        at
    };
    // The longest run of words from `at` naming a newsroom.
    let name_at = |at: usize| {
        let first = tokens.get(at)?;
        // "al-Manar’s show": an article written small before the name.
        let opening = first
            .1
            .strip_prefix("al-")
            .or_else(|| first.1.strip_prefix("el-"))
            .unwrap_or(first.1);
        if !opening.starts_with(char::is_uppercase)
            && !LOWER_CASE_NAMES.contains(&bare(opening).as_str())
        {
            return None;
        }
        (at + 1..=tokens.len().min(at + 5)).rev().find_map(|end| {
            let last = tokens[end - 1];
            let name = format!("{}{}", &words[first.0..last.0], bare(last.1));
            let outlet = entities.outlet_named(&name)?;
            let rest_describes = tokens[end..].iter().all(|(_, t)| describes(t));
            (!strict || rest_describes).then_some((outlet, last.0 + bare(last.1).len()))
        })
    };
    // From `at` or any word up to the end of the describing words: a name
    // may open with a country's or a describing word ("Sudan Tribune",
    // "China Central Television", "the News Agency of Nigeria").
    let named_from = |at: usize| (at..=past_describing(at)).find_map(name_at);
    // Strict, the name may follow other words ("On Monday the Yonhap news
    // agency reported"); else it opens them.
    let from = |at: usize| named_from(at).map(|(outlet, end)| (outlet, tokens[at].0, end));
    if strict {
        (0..tokens.len()).find_map(from)
    } else {
        from(0)
    }
}

/// Whether `name`, a newsroom's, is a person's in `text`: one who tells
/// reporters or says "he" or "she" did ("Bloomberg told reporters he had
/// not listened", "Bloomberg said he can't worry": Michael Bloomberg).
fn a_person(text: &str, name: &str) -> bool {
    [
        "told reporters",
        "said he ",
        "said she ",
        "says he ",
        "says she ",
    ]
    .iter()
    .any(|w| text.contains(&format!("{name} {w}")))
}

/// The registered newsroom a claim came through, by its sentence, with the
/// words saying so: the outlet the claim is attributed to ("…, Reuters
/// reported", "according to the official Xinhua news agency"), one a
/// speaker told it to ("…, the minister told Reuters", "Speaking to Sky
/// News, …"), one that quoted or reached them ("quoted by Russia's
/// Interfax agency", "contacted by AFP"), or whose report or staff the
/// sentence cites ("…, CNN reports.", "…, AFP journalists said", "…,
/// reported Sudan Tribune.").
pub fn relayed_newsroom<'a>(
    text: &str,
    attribution: Option<&str>,
    entities: &'a Entities,
) -> Option<(Cow<'a, str>, String)> {
    if let Some(a) = attribution
        && let Some((outlet, ..)) = newsroom_in(a, true, entities)
        && !a_person(text, a)
    {
        // The words as written around the name: "according to Reuters",
        // "Reuters reported".
        let words = text
            .find(a)
            .map(|at| {
                let before = text[..at].trim_end();
                let start = ["according to", "cited by", "reported by"]
                    .iter()
                    .find_map(|w| before.strip_suffix(w).map(str::len))
                    .unwrap_or(at);
                let after = &text[at + a.len()..];
                let gap = after.len() - after.trim_start().len();
                let verb = ["reported", "reports", "said", "says", "quoted"]
                    .iter()
                    .find(|v| {
                        after[gap..].starts_with(**v)
                            && !after[gap + v.len()..].starts_with(char::is_alphabetic)
                    })
                    .map_or(0, |v| gap + v.len());
                text[start..at + a.len() + verb].to_owned()
            })
            .unwrap_or_else(|| a.to_owned());
        return Some((Cow::Borrowed(outlet), squeeze(&words)));
    }
    // A registered newsroom, else one the words call a newsroom.
    let named = |words: &str, strict: bool| {
        newsroom_in(words, strict, entities)
            .map(|(outlet, start, end)| (Cow::Borrowed(outlet), start, end))
            .or_else(|| {
                described_in(words, strict, entities)
                    .map(|(n, start, end)| (Cow::Owned(n), start, end))
            })
    };
    AFTER_WORDS
        .captures_iter(text)
        .find_map(|c| {
            let (n, start) = after_words_named(&c)?;
            let (outlet, _, end) = named(n.as_str(), false)?;
            let said = text.get(start..n.start() + end)?;
            Some((outlet, squeeze(said)))
        })
        .or_else(|| {
            BEFORE_WORDS.captures_iter(text).find_map(|c| {
                let n = c.name("n")?;
                // "said" only where the words call it a newsroom ("The
                // official Sichuan Daily newspaper said"): else it may be
                // anyone's word.
                if c.name("said").is_some()
                    && !n.as_str().split_whitespace().any(|w| {
                        let w = w.trim_end_matches([',', '.']).to_lowercase();
                        NEWSROOM_NOUNS.contains(&w.as_str()) || w == "agency"
                    })
                {
                    return None;
                }
                // The words from the newsroom's on ("…, Trump and CNN's
                // report said": "CNN's report said").
                let (outlet, start, _) = named(n.as_str(), true)?;
                let said = text.get(n.start() + start..c.get(0)?.end())?;
                Some((outlet, squeeze(said)))
            })
        })
        .or_else(|| {
            INVERTED.captures_iter(text).find_map(|c| {
                let n = c.name("n")?;
                let (outlet, _, end) = named(n.as_str(), true)?;
                let said = text.get(c.get(0)?.start() + 1..n.start() + end)?;
                Some((outlet, squeeze(said)))
            })
        })
        .or_else(|| {
            SOURCES_TOLD.captures_iter(text).find_map(|c| {
                let n = c.name("n")?;
                let (outlet, _, end) = named(n.as_str(), false).or_else(|| {
                    capitalised_name(n.as_str(), entities).map(|(n, end)| (Cow::Owned(n), 0, end))
                })?;
                let said = text.get(c.get(0)?.start()..n.start() + end)?;
                Some((outlet, squeeze(said)))
            })
        })
}

/// Words a speaker's telling closes a sentence with, the claim before
/// them: "…, the mayor told Vanguard.", "…,” he told Malaysiakini on
/// Monday.". Only there is a bare name the newsroom: "told Putin that …",
/// "The FAA told Boeing on Friday that …", "told MPs on Tuesday that …"
/// open the claim they tell a counterpart, a company or a legislature,
/// and two wires reporting that telling are two origins.
const TOLD_WORDS: [&str; 5] = ["told", "tells", "telling", "admitted to", "admits to"];

/// Other verbs of telling a sentence may close with, their object the
/// claim before them: "…, the spokesman disclosed this to Punch on
/// Sunday.", "…, a spokesperson confirmed to Stuff.", "…, he said in a
/// statement to Rappler.".
const TOLD_OPENINGS: [&str; 6] = [
    "confirmed",
    "disclosed",
    "revealed",
    "explained",
    "in a statement to",
    "a statement to",
];

/// Words that may stand between a hearer's name and the sentence's end
/// where they say when or how it was told ("told Vanguard on Monday",
/// "told ANI here", "told Stuff in an interview").
const AFTER_HEARER: [&str; 17] = [
    "on",
    "in",
    "an",
    "a",
    "interview",
    "statement",
    "last",
    "this",
    "week",
    "month",
    "night",
    "earlier",
    "late",
    "yesterday",
    "today",
    "tonight",
    "here",
];

/// Bare names of bodies a speaker tells that no other list holds:
/// legislatures, inquiries and their members ("told MPs", "told the Covid
/// Inquiry", "told the Knesset").
const TOLD_BODIES: [&str; 14] = [
    "inquiry",
    "tribunal",
    "board",
    "panel",
    "commons",
    "lords",
    "knesset",
    "duma",
    "bundestag",
    "sabha",
    "dáil",
    "dail",
    "majlis",
    "hearing",
];

/// A newsroom neither the registry holds nor the words call one, named
/// bare as the one a speaker told the claim to, in a telling that closes
/// the sentence ([`TOLD_WORDS`]): "…, the police chief told Vanguard.",
/// "…,” the father told ANI here.", or in an interview the claim was given
/// in ("in an interview with Malaysiakini", "as reported by Rappler"),
/// with the words saying so. Only words of when or how may follow the name
/// ([`AFTER_HEARER`]). Not a title ("told Sen. Manchin"), an initial, a
/// body, a known entity, a people, a platform, an acronym after "the"
/// ("told the FBI") or in the plural ("told MPs"), a possessive ("told
/// Vanguard’s reporter"). The sentence alone cannot tell a person so told
/// ("…,” Macron told Putin."): the pipeline leaves out names its folder
/// gives an office.
pub fn told_bare_name(text: &str, entities: &Entities) -> Option<(String, String)> {
    AFTER_WORDS.captures_iter(text).find_map(|c| {
        let n = c.name("n")?;
        let start = c.get(0)?.start();
        let verb = squeeze(&text[start..n.start()].trim_end().to_lowercase());
        let interview = verb.contains("interview with") || verb.contains("interview to");
        let told = TOLD_WORDS.contains(&verb.as_str())
            || TOLD_OPENINGS
                .iter()
                .any(|w| verb.starts_with(w) && verb.ends_with(" to"));
        if !(interview || told || verb == "as reported by") {
            return None;
        }
        // A telling closes the sentence: the claim stands before it,
        // ended by a comma or a closing quotation mark.
        if told && !text[..start].contains([',', '”', '"']) {
            return None;
        }
        let words = n.as_str();
        let the = words.starts_with("the ") || words.starts_with("The ");
        let (name, end) = capitalised_name(words, entities)?;
        let letters = name.chars().filter(|c| c.is_alphabetic()).count();
        let acronym = letters >= 2 && name.chars().all(|c| c.is_ascii_uppercase() || c == '.');
        // "MPs", "TDs": an acronym's plural.
        let plural = name.len() >= 3
            && name.ends_with('s')
            && name[..name.len() - 1]
                .chars()
                .all(|c| c.is_ascii_uppercase());
        let body = name.split_whitespace().any(|w| {
            let w = w.to_lowercase();
            TOLD_BODIES.contains(&w.as_str())
        });
        if letters < 2
            || name.len() > 60
            || (the && acronym)
            || plural
            || body
            || super::entities::is_title(&name)
            || (!acronym && name.contains('.'))
            || (!acronym && super::extract::names_a_body(&name))
            || entities.canonical(&name).is_some()
            || name.ends_with("’s")
            || name.ends_with("'s")
        {
            return None;
        }
        // Past words of when or how (a weekday too: "told Vanguard on
        // Monday."), the clause ends at a stop, a comma or a closing mark.
        // Right after the name, a gloss in brackets ends it too ("told
        // Galei Tzahal (Army Radio)"), and an interview may go on with what
        // was said in it ("in an interview with Malaysiakini that …").
        const CLOSING: [char; 10] = ['.', ',', ';', ':', ')', '"', '”', '’', '!', '?'];
        let rest = text[n.start() + end..].trim_start();
        let mut after = rest;
        loop {
            let word = after
                .split(|c: char| c.is_whitespace() || CLOSING.contains(&c))
                .next()
                .unwrap_or("");
            let lower = word.to_lowercase();
            if word.is_empty()
                || !(AFTER_HEARER.contains(&lower.as_str())
                    || crate::pattern::WEEKDAYS.contains(&lower.as_str()))
            {
                break;
            }
            after = after[word.len()..].trim_start();
        }
        let next = rest.split_whitespace().next().unwrap_or("");
        let ends = after.is_empty()
            || after.starts_with(CLOSING)
            || rest.starts_with('(')
            || (!told && matches!(next, "that" | "aired" | "broadcast" | "published"));
        ends.then(|| (name, squeeze(&text[start..n.start() + end])))
    })
}

/// A newsroom named bare in a claim's sentence, by a name `here` holds
/// for a newsroom of the folder ("Kathimerini reported" beside
/// Kathimerini's own story, "according to Malaysiakini" where another
/// claim calls it "the news portal Malaysiakini"): the name the registry
/// does not hold and the words do not call a newsroom, taken because the
/// folder says it is one; with the words saying so.
fn relayed_bare_name(
    text: &str,
    entities: &Entities,
    here: impl Fn(&str) -> bool,
) -> Option<(String, String)> {
    let after = AFTER_WORDS.captures_iter(text).find_map(|c| {
        let (n, start) = after_words_named(&c)?;
        let (name, end) = capitalised_name(n.as_str(), entities)?;
        here(&name).then(|| (name, squeeze(&text[start..n.start() + end])))
    });
    after.or_else(|| {
        // "…, Kathimerini reported": the capitalised words ending the
        // subject.
        BEFORE_WORDS.captures_iter(text).find_map(|c| {
            let n = c.name("n")?;
            let words: Vec<&str> = n.as_str().split_whitespace().collect();
            let from = words
                .iter()
                .rposition(|w| !w.starts_with(char::is_uppercase))
                .map_or(0, |i| i + 1);
            let start =
                n.start() + (words.get(from)?.as_ptr() as usize - n.as_str().as_ptr() as usize);
            let (name, _) = capitalised_name(&text[start..n.end()], entities)?;
            let end = c.get(0)?.end();
            here(&name).then(|| (name, squeeze(&text[start..end])))
        })
    })
}

/// The cluster's documents' origins with each newsroom their claims here
/// relay named beside their producer ([`relayed_newsroom`]), or `None`
/// when none does or the cluster has one origin group. Only a known producer
/// is, and never beside itself.
fn claim_relays(
    list: &[usize],
    claims: &[Claim],
    documents: &[i64],
    groups: &HashMap<i64, DocumentOrigin>,
    around: &Around,
) -> Option<HashMap<i64, DocumentOrigin>> {
    let entities = around.entities;
    // One origin group here: nothing to merge.
    let one = &groups[documents.first()?].group;
    if documents.iter().all(|d| groups[d].group == *one) {
        return None;
    }
    let a_person = |name: &str| {
        around
            .people
            .contains(&entities.key(name, &HashMap::new()).key)
    };
    let mut relayed: BTreeMap<i64, CoProducer> = BTreeMap::new();
    // What a sentence relays, read once for each wording: a wire's
    // sentence run by many sites is one reading.
    type Relay<'a> = Option<(Cow<'a, str>, String)>;
    let mut read: super::hash::FxHashMap<(&str, Option<&str>), Relay> = Default::default();
    for claim in list.iter().map(|&i| &claims[i]) {
        let d = claim.document_id;
        // Named as a newsroom, else bare as the one told it and no person
        // of the folder's, else bare where the folder holds that
        // newsroom's own document or calls it a newsroom.
        let relay = read
            .entry((claim.text.as_str(), claim.attribution.as_deref()))
            .or_insert_with(|| {
                relayed_newsroom(&claim.text, claim.attribution.as_deref(), entities)
                    .or_else(|| {
                        let (name, words) = told_bare_name(&claim.text, entities)?;
                        (!a_person(&name)).then_some((Cow::Owned(name), words))
                    })
                    .or_else(|| {
                        relayed_bare_name(&claim.text, entities, |name| {
                            let group = crate::outlets::unregistered_newsroom(name).group;
                            around.unregistered.contains(group.as_str())
                        })
                        .map(|(name, words)| (Cow::Owned(name), words))
                    })
            });
        let Some((outlet, words)) = relay.clone() else {
            continue;
        };
        // A newsroom the registry does not hold stands by its name, as a
        // document credited to it would.
        let unregistered;
        let newsroom = match entities.newsroom(&outlet) {
            Some(n) => n,
            None => {
                unregistered = crate::outlets::unregistered_newsroom(&outlet);
                &unregistered
            }
        };
        // A document of unknown producer stays unknown: made a known
        // origin by one sentence, it could stand beside another that rests
        // on the same newsroom without saying so (pages quoting what Trump
        // "told CBS News" beside the Washington Post quoting the same
        // words: one origin, not two). Known producers relaying one
        // newsroom only ever merge.
        let own = &groups[&d];
        if standing(own) == 0
            || newsroom.group == own.group
            || own.beside().any(|g| g == newsroom.group)
        {
            continue;
        }
        relayed.entry(d).or_insert_with(|| CoProducer {
            relayed: Some(words),
            in_claim: true,
            ..newsroom.clone()
        });
    }
    if relayed.is_empty() {
        return None;
    }
    let mut local: HashMap<i64, DocumentOrigin> =
        documents.iter().map(|d| (*d, groups[d].clone())).collect();
    for (d, newsroom) in relayed {
        if let Some(o) = local.get_mut(&d) {
            o.named.push(newsroom);
        }
    }
    Some(local)
}

/// Documents of a cluster that are near copies of a document credited to
/// another producer ([`NEAR_COPY`]), when that producer stands behind a
/// document of the cluster: each is mapped to that document (the source
/// itself when here, else the first of its group by path). Unlike a shared
/// sentence, whole texts decide between two registered producers too: the
/// copy counts with the text it is.
fn near_copies(
    documents: &[i64],
    groups: &HashMap<i64, DocumentOrigin>,
    first_of: &HashMap<&str, i64>,
) -> Vec<(i64, i64)> {
    let mut found = Vec::new();
    let in_cluster: super::hash::FxHashSet<i64> = documents.iter().copied().collect();
    for &d in documents {
        let own = &groups[&d];
        let Some(target) = own.same_text_as.iter().find_map(|&(source, _)| {
            let other = groups.get(&source)?;
            let group = &other.group;
            // A text whose credit names this one's producer beside its own
            // (CNN's story on a page bylined "CNN, AP") may be this one's:
            // the credits decide it (`co_credited_with`), not the copy.
            if *group == own.group || other.beside().any(|g| g == own.group) {
                return None;
            }
            if in_cluster.contains(&source) {
                return Some(source);
            }
            first_of.get(group.as_str()).copied()
        }) else {
            continue;
        };
        found.push((d, target));
    }
    found
}

/// Documents of a cluster copying most of another document of it (a near
/// copy under another credit, or an uncredited copy that took its origin)
/// that counts with a third for this claim: each now counts with the text
/// it copies, wherever that one goes. Left behind, the copy would stand
/// for its origin alone, one more than the claim has (10,000 generated
/// documents: 245 claims counted fewer origins by it, none more).
fn follow_copied_texts(
    documents: &[i64],
    groups: &HashMap<i64, DocumentOrigin>,
    carried: &mut BTreeMap<i64, i64>,
) {
    let here: BTreeSet<i64> = documents.iter().copied().collect();
    for _ in 0..documents.len() {
        let mut moved = false;
        for &d in documents {
            if carried.contains_key(&d) {
                continue;
            }
            let own = &groups[&d];
            let copied = own
                .shared_with
                .iter()
                .filter(|(_, _, rewrite)| !rewrite)
                .map(|(s, _, _)| *s)
                .chain(own.same_text_as.iter().map(|(s, _)| *s))
                .find(|&s| {
                    here.contains(&s) && carried.contains_key(&s) && !reaches(carried, s, d)
                });
            if let Some(s) = copied {
                carried.insert(d, s);
                moved = true;
            }
        }
        if !moved {
            break;
        }
    }
}

/// Documents whose uncredited copy took its origin from them and counts
/// with another producer in this claim, holding their sentence word for
/// word ([`VERBATIM_WORDS`] in a row outside quotations): each goes with
/// its copy, as the sentence does. A page of unknown origin that took
/// United News of India's credit from a copy of its text, and holds a
/// sentence of Xinhua's story word for word, counts with Xinhua; left
/// behind, UNI's own page (Xinhua's text trimmed, the same sentence) would
/// stand as a second origin for the sentence both carry (Kerman bombing,
/// January 2024). Only the copy's source follows it: documents merely
/// credited alike stay, or one page holding two wires' words would make
/// the two wires one. The text cannot tell that case from a page mixing
/// one wire's copy with another's paragraphs: there the first newsroom's
/// own page counts with the second in the claims the page tells in the
/// first's words, one origin fewer than there are, never one more. An
/// international wire's page (Reuters, AP, AFP, Xinhua …) never follows:
/// such a wire writes its own copy, where a national agency often runs a
/// foreign wire's.
fn follow_shared_sentences(
    list: &[usize],
    claims: &[Claim],
    groups: &HashMap<i64, DocumentOrigin>,
    entities: &Entities,
    carried: &mut BTreeMap<i64, i64>,
) {
    // An international wire's own page is its own text, whatever a copy of
    // it also carries (AP and Reuters paragraphs on one page make neither
    // wire the other's).
    let own_wire = |d: i64| {
        groups[&d]
            .outlet_id
            .as_deref()
            .is_some_and(|o| entities.is_international_wire(o))
    };
    let mut runs_of: BTreeMap<i64, BTreeSet<u64>> = BTreeMap::new();
    for &i in list {
        runs_of
            .entry(claims[i].document_id)
            .or_default()
            .extend(narrative_runs(&claims[i].text));
    }
    for _ in 0..runs_of.len() {
        let mut moved = false;
        for (&d, runs) in &runs_of {
            if carried.contains_key(&d) || runs.is_empty() || own_wire(d) {
                continue;
            }
            let with = runs_of.iter().find(|&(&s, other)| {
                s != d
                    && carried.contains_key(&s)
                    && groups[&s].group == groups[&d].group
                    && groups[&s].shared_with.is_some_and(|(o, _, _)| o == d)
                    && !reaches(carried, s, d)
                    && !runs.is_disjoint(other)
            });
            if let Some((&s, _)) = with {
                carried.insert(d, s);
                moved = true;
            }
        }
        if !moved {
            break;
        }
    }
}

/// The cluster's documents' origins with each document counted as another
/// text's producer ([`DocumentOrigin::own_credit`]) back under its own
/// credit where that producer stands behind another document here, or
/// `None` when none is. A CNN story, 90% of it in a text credited to AFP,
/// is no second origin beside CNN's other copies of the claim.
fn own_credits(
    documents: &[i64],
    decided: &HashMap<i64, DocumentOrigin>,
    current: &HashMap<i64, DocumentOrigin>,
) -> Option<HashMap<i64, DocumentOrigin>> {
    let restore: Vec<(i64, &DocumentOrigin)> = documents
        .iter()
        .filter_map(|&d| {
            let own = decided[&d].own_credit.as_deref()?;
            let joins = current[&d].group != own.group
                && documents
                    .iter()
                    .any(|e| *e != d && current[e].group == own.group);
            joins.then_some((d, own))
        })
        .collect();
    if restore.is_empty() {
        return None;
    }
    let mut local: HashMap<i64, DocumentOrigin> =
        documents.iter().map(|d| (*d, current[d].clone())).collect();
    for (d, own) in restore {
        local.insert(d, own.clone());
    }
    Some(local)
}

/// Whether the chain of documents counting with one another from `from`
/// reaches `to` (a copy counting with its text must not close a circle).
fn reaches(carried: &BTreeMap<i64, i64>, from: i64, to: i64) -> bool {
    let mut at = from;
    for _ in 0..=carried.len() {
        match carried.get(&at) {
            Some(&next) if next == to => return true,
            Some(&next) => at = next,
            None => return false,
        }
    }
    true
}

/// The cluster's documents' origins with each carrier counted with the
/// document whose sentence it carries (followed to the end of a chain).
fn carried_with(
    groups: &HashMap<i64, DocumentOrigin>,
    documents: &[i64],
    carried: &BTreeMap<i64, i64>,
    cited: &BTreeMap<i64, (i64, String)>,
    elsewhere: &BTreeMap<i64, (i64, &str)>,
    path_of: &HashMap<i64, &RelPath>,
) -> HashMap<i64, DocumentOrigin> {
    documents
        .iter()
        .map(|&d| {
            let Some(&first) = carried.get(&d) else {
                return (d, groups[&d].clone());
            };
            // The end of the chain; a chain that closes a circle ends at
            // the circle's first document by path, the same for every
            // document on it or led into it (ended anywhere else, two
            // documents of one circle would take each other's origins and
            // count as two).
            let mut chain = vec![d];
            let mut source = first;
            while let Some(&next) = carried.get(&source) {
                if let Some(at) = chain.iter().position(|&c| c == source) {
                    source = chain[at..]
                        .iter()
                        .copied()
                        .min_by_key(|c| path_of[c])
                        .expect("a circle has documents");
                    break;
                }
                chain.push(source);
                source = next;
            }
            if source == d {
                return (d, groups[&d].clone());
            }
            let own = &groups[&d];
            let from = &groups[&source];
            let own_name = (standing(own) > 0).then(|| own.name.clone());
            let credit = match &own_name {
                Some(name) => format!("; its own credit names {name}"),
                None => String::new(),
            };
            // A near copy says how much of it is the other text, and which.
            let copied = own
                .shared_with
                .filter(|(o, _, rewrite)| !rewrite && *o == first)
                .map(|(o, share, _)| (o, share));
            let whole = own
                .same_text_as
                .iter()
                .find(|(o, _)| {
                    *o == first
                        || groups
                            .get(o)
                            .is_some_and(|g| g.group == groups[&first].group)
                })
                .or(copied.as_ref());
            let citing = cited
                .get(&d)
                .filter(|(source, _)| whole.is_none() && *source == first);
            let away = elsewhere
                .get(&d)
                .filter(|_| whole.is_none() && citing.is_none());
            let (shared, with) = match (whole, citing, away) {
                (Some((o, share)), _, _) => {
                    (format!("{:.0}% of its passages are in", share * 100.0), *o)
                }
                (None, Some((_, outlet)), _) => {
                    (format!("it cites {outlet} for this claim, as in"), first)
                }
                (None, None, Some((o, key))) => {
                    (format!("in claim {key}, a passage word for word as in"), *o)
                }
                (None, None, None) => ("a passage word for word as in".to_owned(), first),
            };
            (
                d,
                DocumentOrigin {
                    description: format!(
                        "{} ({shared} {}, whose producer is {}{credit})",
                        path_of[&d], path_of[&with], from.name
                    ),
                    shared_with: None,
                    carries: Some((path_of[&first].to_string(), own_name)),
                    how: if citing.is_some() {
                        CITES.into()
                    } else {
                        "same words as another".into()
                    },
                    evidence: Some(format!(
                        "{shared} {} ({}): one origin with it{credit}",
                        path_of[&with],
                        match groups.get(&with) {
                            // It went on to another producer's text: say
                            // whose, or the row names a second producer.
                            Some(g) if g.group != from.group => {
                                format!("{}; it counts with {} here", g.name, from.name)
                            }
                            Some(g) => g.name.clone(),
                            None => String::new(),
                        }
                    )),
                    line: None,
                    ..from.clone()
                },
            )
        })
        .collect()
}

/// The cluster's documents regrouped for co-credits, or `None` when no
/// document's credit names several producers. A group of documents all
/// credited to several producers (`(AFP/APP)`; two pages bylined "CNN,
/// AP") joins the group of another producer they all name, when another
/// document here stands for it: their text may be that producer's, so they
/// are no second origin beside it. Else, the members of a group naming a
/// producer whose own credit alone stands behind a document here join that
/// one (the rest of their group stays). Taken in order until nothing
/// moves, so documents co-credited the same two ways end in one group,
/// never two.
fn co_credited_with(
    groups: &HashMap<i64, DocumentOrigin>,
    documents: &[i64],
) -> Option<HashMap<i64, DocumentOrigin>> {
    if documents
        .iter()
        .all(|d| groups[d].beside().next().is_none())
    {
        return None;
    }
    let mut current: HashMap<i64, DocumentOrigin> =
        documents.iter().map(|d| (*d, groups[d].clone())).collect();
    for _ in 0..documents.len() {
        let mut moved = false;
        let mut names: Vec<String> = Vec::new();
        for d in documents {
            if !names.contains(&current[d].group) {
                names.push(current[d].group.clone());
            }
        }
        for group in names {
            let members: Vec<i64> = documents
                .iter()
                .copied()
                .filter(|d| current[d].group == group)
                .collect();
            if members.is_empty() {
                continue;
            }
            // A producer every member's credit names, that a document of
            // another group here stands for.
            let target = current[&members[0]]
                .beside()
                .filter(|g| *g != group)
                .filter(|g| members.iter().all(|m| current[m].beside().any(|h| h == *g)))
                .find_map(|g| documents.iter().find(|e| current[*e].group == g));
            // Else the members naming a producer that a document here
            // stands for by its own credit alone (naming no other): a page
            // bylined "CNN, AP" beside CNN's own story is CNN's text there,
            // whatever the AP's own stories in its group say.
            let (with, members) = match target {
                Some(&with) => (with, members),
                None => {
                    let firm = members.iter().find_map(|m| {
                        current[m].beside().filter(|g| *g != group).find_map(|g| {
                            documents.iter().copied().find(|e| {
                                current[e].group == g && current[e].credited().next().is_none()
                            })
                        })
                    });
                    let Some(with) = firm else {
                        continue;
                    };
                    let g = current[&with].group.clone();
                    let naming: Vec<i64> = members
                        .into_iter()
                        .filter(|m| current[m].beside().any(|h| h == g))
                        .collect();
                    (with, naming)
                }
            };
            let with = current[&with].clone();
            for m in members {
                let joined = joined(&current[&m], &with);
                current.insert(m, joined);
            }
            moved = true;
        }
        if !moved {
            break;
        }
    }
    // A producer that every document of two groups or more names (both
    // relaying Xinhua's report, both co-credited to one agency) but that
    // stands behind no document here: its report is what they carry, one
    // origin for all of them, not one each. Groups only some of whose
    // documents name it stay as they are: moved apart, the rest would
    // stand as one origin more.
    for _ in 0..documents.len() {
        let mut naming: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
        for d in documents {
            for g in current[d].beside() {
                naming
                    .entry(g)
                    .or_default()
                    .insert(current[d].group.as_str());
            }
        }
        let whole_group_names = |group: &str, g: &str| {
            documents
                .iter()
                .filter(|d| current[d].group == group)
                .all(|d| current[d].beside().any(|h| h == g))
        };
        let Some((target, by)) = naming
            .into_iter()
            .filter(|(g, _)| documents.iter().all(|d| current[d].group != *g))
            .map(|(g, by)| {
                let whole: BTreeSet<String> = by
                    .into_iter()
                    .filter(|group| whole_group_names(group, g))
                    .map(str::to_owned)
                    .collect();
                (g.to_owned(), whole)
            })
            .find(|(_, by)| by.len() > 1)
        else {
            break;
        };
        let members: Vec<i64> = documents
            .iter()
            .copied()
            .filter(|d| by.contains(&current[d].group))
            .collect();
        let first = &current[&members[0]];
        let named = first.named.iter().find(|c| c.group == target);
        let with = DocumentOrigin {
            outlet_id: target.strip_prefix("outlet:").map(str::to_owned),
            alignment: named.and_then(|c| c.alignment.clone()).unwrap_or_default(),
            name: named.map_or_else(|| target.clone(), |c| c.name.clone()),
            group: target,
            ..first.clone()
        };
        for m in members {
            let joined = joined(&current[&m], &with);
            current.insert(m, joined);
        }
    }
    Some(current)
}

/// A document's origin once it counts with a producer its credit names
/// beside its own, or its lead relays: that producer's group, with the
/// credit or the relay as evidence.
fn joined(own: &DocumentOrigin, with: &DocumentOrigin) -> DocumentOrigin {
    let own = own.clone();
    // Its lead relaying the producer, when its credit does not name it.
    if let Some(words) = own
        .named
        .iter()
        .find(|c| c.group == with.group)
        .and_then(|c| c.relayed.as_ref())
    {
        let in_claim = own
            .named
            .iter()
            .any(|c| c.group == with.group && c.in_claim);
        let by = if in_claim {
            "this claim's sentence"
        } else {
            "its lead"
        };
        let relay = format!("{by} relays {}: {}", with.name, quote(words));
        return DocumentOrigin {
            group: with.group.clone(),
            name: with.name.clone(),
            outlet_id: with.outlet_id.clone(),
            alignment: with.alignment.clone(),
            description: format!("{} ({relay})", own.description),
            how: if in_claim { CITES } else { RELAYS }.into(),
            evidence: Some(format!("{relay}; one origin with it")),
            // The credit's line is not the relay's.
            line: None,
            relay_of: (!own.group.starts_with("document:")).then(|| own.name.clone()),
            ..own
        };
    }
    // A document counted with another for its words goes with it: the
    // credit naming several producers is that one's.
    let credit = match &own.carries {
        Some((with, _)) => format!("the credit of {with}"),
        None => format!(
            "its credit {}",
            own.evidence.as_deref().map(quote).unwrap_or_default()
        ),
    };
    DocumentOrigin {
        group: with.group.clone(),
        name: with.name.clone(),
        outlet_id: with.outlet_id.clone(),
        alignment: with.alignment.clone(),
        description: format!(
            "{} ({credit} names {} beside {})",
            own.description, with.name, own.name
        ),
        how: "co-credited".into(),
        evidence: Some(format!(
            "{credit} names {} beside {}: one origin with it",
            with.name, own.name
        )),
        co_credit_of: Some(own.name.clone()),
        ..own
    }
}

/// For each origin group of a cluster, the own producers of its documents
/// that joined it one way (`own`: for words in common, a co-credit, a
/// relay), each once, in document order: named beside the group's own.
fn own_names_by_group<'a>(
    documents: &[i64],
    groups: &'a HashMap<i64, DocumentOrigin>,
    own: impl Fn(&'a DocumentOrigin) -> Option<&'a String>,
) -> BTreeMap<&'a str, Vec<&'a str>> {
    let mut names: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for d in documents {
        let o = &groups[d];
        if let Some(name) = own(o) {
            let list = names.entry(o.group.as_str()).or_default();
            if !list.contains(&name.as_str()) {
                list.push(name);
            }
        }
    }
    names
}

/// "3 documents" / "1 document".
fn documents_word(n: usize) -> String {
    if n == 1 {
        "1 document".into()
    } else {
        format!("{n} documents")
    }
}

/// The explanation's first sentences: the class, the counts behind it and,
/// for an echo, how its documents came to one origin ("9 credit Reuters
/// (wire dateline 7, byline 2), 3 are uncredited copies of
/// Reuters-credited files"). The documents one by one are in the evidence
/// table, not here.
fn summary(
    class: Corroboration,
    documents: &[i64],
    known: &[&OriginGroup],
    unknown: &[&str],
    groups: &HashMap<i64, DocumentOrigin>,
) -> String {
    let unknown_part = match unknown.len() {
        0 => String::new(),
        1 => format!("1 document of unknown origin ({})", unknown[0]),
        n if n <= 3 => format!("{n} documents of unknown origin ({})", unknown.join(", ")),
        n => format!(
            "{n} documents of unknown origin ({}, …)",
            unknown[..3].join(", ")
        ),
    };
    let not_counted = if unknown.len() == 1 {
        "which does not count as corroboration"
    } else {
        "which do not count as corroboration"
    };
    match class {
        Corroboration::SingleDocument => format!(
            "Found only in {}: a single source.",
            groups[&documents[0]].description
        ),
        Corroboration::Echo => {
            let group_name = &known[0].name;
            // The producer its documents credit (a group joined for a
            // sentence in common is named by both producers).
            let name = documents
                .iter()
                .map(|d| &groups[d])
                .find(|o| o.carries.is_none())
                .map_or(group_name, |o| &o.name);
            let credited: Vec<&DocumentOrigin> = documents
                .iter()
                .map(|d| &groups[d])
                .filter(|o| {
                    o.shared_with.is_none()
                        && o.carries.is_none()
                        && ![CITES, RELAYS].contains(&o.how.as_str())
                })
                .collect();
            let relaying = documents.iter().filter(|d| groups[d].how == RELAYS).count();
            let carriers = documents
                .iter()
                .filter(|d| {
                    groups[d].carries.is_some()
                        && ![CITES, RELAYS].contains(&groups[d].how.as_str())
                })
                .count();
            let citing = documents.iter().filter(|d| groups[d].how == CITES).count();
            let copies = documents.len() - credited.len() - carriers - citing - relaying;
            let mut how: BTreeMap<&str, usize> = BTreeMap::new();
            for o in &credited {
                *how.entry(o.how.as_str()).or_default() += 1;
            }
            let mut how: Vec<(&str, usize)> = how.into_iter().collect();
            how.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
            let mut parts = Vec::new();
            if !credited.is_empty() {
                // "(wire dateline 21, byline 9)"; one way only: "(wire dateline)".
                let ways: Vec<String> = if how.len() == 1 {
                    vec![how[0].0.to_owned()]
                } else {
                    how.iter().map(|(h, n)| format!("{h} {n}")).collect()
                };
                parts.push(format!(
                    "{} {} {name} ({})",
                    credited.len(),
                    if credited.len() == 1 {
                        "credits"
                    } else {
                        "credit"
                    },
                    ways.join(", ")
                ));
            }
            match copies {
                0 => {}
                1 => parts.push(format!(
                    "1 is an uncredited copy of a file credited to {name}"
                )),
                n => parts.push(format!(
                    "{n} are uncredited copies of files credited to {name}"
                )),
            }
            match carriers {
                0 => {}
                1 => parts.push(format!(
                    "1 shares a passage word for word with a file credited to {name} (one copied the other, whatever each credits)"
                )),
                n => parts.push(format!(
                    "{n} share a passage word for word with files credited to {name} (copies, whatever each credits)"
                )),
            }
            match citing {
                0 => {}
                1 => parts.push(format!("1 cites {name} for it")),
                n => parts.push(format!("{n} cite {name} for it")),
            }
            match relaying {
                0 => {}
                1 => parts.push(format!("1 relays {name}'s report in its lead")),
                n => parts.push(format!("{n} relay {name}'s report in their lead")),
            }
            format!(
                "{}, one origin ({group_name}): {}. It looks corroborated but rests on a single source.",
                documents_word(documents.len()),
                parts.join(", ")
            )
        }
        Corroboration::Corroborated => {
            let mut names: Vec<(usize, String)> = known
                .iter()
                .map(|g| {
                    (
                        g.documents.len(),
                        format!("{} ({})", g.name, g.documents.len()),
                    )
                })
                .collect();
            names.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            let names: Vec<String> = names.into_iter().map(|(_, n)| n).collect();
            let mut text = format!(
                "{} from {} independent origins: {}",
                documents_word(documents.len()),
                known.len(),
                names.join(", ")
            );
            if !unknown.is_empty() {
                text.push_str(&format!("; and {unknown_part}, {not_counted}"));
            }
            text.push('.');
            text
        }
        Corroboration::Unresolved if known.is_empty() => format!(
            "{}, none from an established producer: {unknown_part}. They may all copy one source: corroboration unresolved, no independent corroboration.",
            documents_word(documents.len())
        ),
        Corroboration::Unresolved => format!(
            "{}: one known origin, {} ({}), and {unknown_part}, {not_counted}. Whether they are independent of it is not established: corroboration unresolved.",
            documents_word(documents.len()),
            known[0].name,
            documents_word(known[0].documents.len())
        ),
    }
}

/// Titles and words that come before a name in an attribution.
const TITLE_WORDS: &[&str] = &[
    "president",
    "prime",
    "minister",
    "deputy",
    "foreign",
    "health",
    "interior",
    "defence",
    "defense",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "secretary",
    "general",
    "gen.",
    "lt.",
    "col.",
    "dr.",
    "mr.",
    "mrs.",
    "ms.",
    "sheikh",
    "king",
    "queen",
    "prince",
    "chief",
    "head",
    "director",
    "governor",
    "mayor",
    "senator",
    "rep.",
    "sen.",
    "official",
];

/// The words of a name that identify it: lower case, titles and the Arabic
/// article (`al-`, `el-`) dropped.
fn name_core(name: &str) -> Vec<String> {
    // "Niinisto’s office" is "Niinisto's office".
    let name = with_acronym(name).0.replace('’', "'");
    let words: Vec<String> = name
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '.')
                .to_lowercase()
        })
        .filter(|w| !w.is_empty() && !TITLE_WORDS.contains(&w.as_str()))
        .collect();
    // A person's office or press service speaks for them: "Niinisto's
    // office", "the office of President Lukashenko", "Lukashenko's press
    // service" are Niinisto and Lukashenko.
    let words: &[String] = match words.as_slice() {
        [rest @ .., owner, office] if office == "office" && owner.ends_with("'s") => {
            &[rest, &[owner.trim_end_matches("'s").to_owned()]].concat()
        }
        [rest @ .., owner, press, service]
            if press == "press" && service == "service" && owner.ends_with("'s") =>
        {
            &[rest, &[owner.trim_end_matches("'s").to_owned()]].concat()
        }
        [office, of, rest @ ..] if office == "office" && of == "of" && !rest.is_empty() => rest,
        [press, service, of, rest @ ..]
            if press == "press" && service == "service" && of == "of" && !rest.is_empty() =>
        {
            rest
        }
        all => all,
    };
    let last = words.len().saturating_sub(1);
    words
        .iter()
        .enumerate()
        // "Abdulmenam Al Ghaithi" is "Abdulmenam al-Ghaithi".
        .filter(|(k, w)| *k == last || !matches!(w.as_str(), "al" | "el"))
        .map(|(_, w)| {
            let w = w
                .strip_prefix("al-")
                .or_else(|| w.strip_prefix("el-"))
                .unwrap_or(w);
            match w {
                // "State TV" is "state television".
                "tv" => "television".to_owned(),
                // "Tek Bahadur K.C." is "Tek Bahadur KC".
                _ if w.contains('.') && w.len() > 1 => w.replace('.', ""),
                _ => w.to_owned(),
            }
        })
        .collect()
}

/// Words that name a person's office: what a source is when the text gives
/// its role instead of its name ("the country's health minister"); with
/// [`BODIES`], every role noun.
const OFFICES: [&str; 11] = [
    "minister",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "president",
    "governor",
    "mayor",
    "premier",
    "chancellor",
    "secretary",
    "commissioner",
];

fn is_role_noun(w: &str) -> bool {
    OFFICES.contains(&w) || BODIES.contains(&w)
}

/// Whether a source is left unnamed: "officials", "Lebanese authorities",
/// "security sources", "local media", "Russian investigators".
fn unnamed_source(name: &str) -> bool {
    let mut words = super::entities::plain_words(name);
    // "Officials in Finland": officials, wherever they are.
    if let Some(k) = words
        .iter()
        .position(|w| matches!(w.as_str(), "in" | "of" | "from" | "at"))
        .filter(|k| *k > 0)
    {
        words.truncate(k);
    }
    let Some(last) = words.last() else {
        return true;
    };
    words.len() <= 3
        && matches!(
            last.as_str(),
            "authorities"
                | "officials"
                | "official"
                | "sources"
                | "source"
                | "media"
                | "reports"
                | "investigators"
                | "prosecutors"
                | "rescuers"
                // "a spokesperson said", "a government spokesman": a
                // spokesperson the lede leaves unnamed is most often the
                // one the story names (Xinhua, Hualien earthquake, 2024).
                | "spokesperson"
                | "spokesman"
                | "spokeswoman"
        )
}

/// Whether a source is a body described, never named ("the agency", "the
/// country's disaster agency", "Russia's top state investigative agency",
/// "the report"): most often the one the story names elsewhere, as the
/// writer refers back to it, so no second primary source beside a named
/// one.
fn described_body(name: &str) -> bool {
    let words = super::entities::plain_words(name);
    let Some(last) = words.last() else {
        return false;
    };
    let rest = name.trim();
    let rest = rest
        .strip_prefix("the ")
        .or_else(|| rest.strip_prefix("The "))
        .unwrap_or(rest);
    let rest = match rest.split_once(' ') {
        Some((whose, r)) if whose.ends_with("’s") || whose.ends_with("'s") => r,
        _ => rest,
    };
    !rest.chars().any(char::is_uppercase)
        && matches!(
            last.as_str(),
            "agency"
                | "ministry"
                | "authority"
                | "office"
                | "department"
                | "service"
                | "government"
                | "committee"
                | "council"
                | "centre"
                | "center"
                | "bureau"
                | "survey"
                | "report"
                | "statement"
        )
}

/// Whether a source is a medium that relays what others said ("Morocco's
/// TV", "Imedi TV", "state radio", "the official news agency", "local
/// media") rather than the one who said it.
fn relayed_source(name: &str) -> bool {
    let lower = name.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().any(|w| {
        matches!(
            *w,
            "tv" | "television" | "radio" | "broadcaster" | "channel" | "newspaper"
        )
    }) || words.last() == Some(&"media")
        || lower.contains("news agency")
}

/// Role nouns that name a body, not a person.
const BODIES: [&str; 15] = [
    "ministry",
    "presidency",
    "agency",
    "authority",
    "service",
    "office",
    "department",
    "police",
    "army",
    "council",
    "committee",
    "center",
    "centre",
    "bureau",
    "survey",
];

/// A body's name and the acronym the text gave it, as the claims stage
/// writes them ("Disaster and Emergency Management Authority (AFAD)"), or
/// the name alone.
fn with_acronym(name: &str) -> (&str, Option<&str>) {
    let name = name.trim();
    name.strip_suffix(')')
        .and_then(|n| n.rsplit_once(" ("))
        .filter(|(_, a)| {
            (2..=8).contains(&a.len()) && a.starts_with(|c: char| c.is_ascii_uppercase())
        })
        .map_or((name, None), |(n, a)| (n.trim_end(), Some(a)))
}

/// The initials of a body's name ("National Disaster Management Authority"
/// → `ndma`), or the name itself when it is written as an acronym
/// (`NDMA`): how one body written both ways meets.
fn acronym(name: &str) -> Option<String> {
    let (name, given) = with_acronym(name);
    if let Some(given) = given {
        return Some(given.to_lowercase());
    }
    let name = name.trim().trim_start_matches("the ");
    let letters: String = name.chars().filter(|c| *c != '.').collect();
    if (2..=8).contains(&letters.len()) && letters.chars().all(|c| c.is_ascii_uppercase()) {
        return Some(letters.to_lowercase());
    }
    let words: Vec<&str> = name
        .split_whitespace()
        .filter(|w| !matches!(*w, "of" | "the" | "for" | "and" | "on"))
        .collect();
    let capitalised = words
        .iter()
        .all(|w| w.starts_with(|c: char| c.is_uppercase()));
    (words.len() >= 3 && capitalised).then(|| {
        words
            .iter()
            .filter_map(|w| w.chars().next())
            .collect::<String>()
            .to_lowercase()
    })
}

/// A source given by its role: the role and the word that qualifies it
/// ("health minister", "interior ministry", "kremlin spokesman"), and
/// whether the name is only that (no person's name after the role).
fn role(name: &str) -> Option<(String, bool, bool)> {
    let name = with_acronym(name).0;
    let mut words: Vec<String> = name
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .flat_map(|w| match w.as_str() {
            // "UK PM Keir Starmer" / "the prime minister".
            "pm" => vec!["prime".to_owned(), "minister".to_owned()],
            _ => vec![w],
        })
        .collect();
    // "Ministry of the Interior" is the Interior Ministry; "the interior
    // ministry of Libya's eastern-based government" already says which.
    if let Some(k) = words.iter().position(|w| w == "ministry")
        && words.get(k + 1).is_some_and(|w| w == "of")
        && !k
            .checked_sub(1)
            .is_some_and(|q| PORTFOLIOS.contains(&words[q].as_str()))
    {
        let skip = if words.get(k + 2).is_some_and(|w| w == "the") {
            3
        } else {
            2
        };
        if let Some(what) = words.get(k + skip).cloned() {
            words.splice(k..k + skip + 1, [what, "ministry".to_owned()]);
        }
    }
    let k = words.iter().position(|w| is_role_noun(w))?;
    let qualifier = k.checked_sub(1).map(|q| &words[q]).filter(|q| {
        !q.ends_with("'s") && !q.ends_with("’s") && !matches!(q.as_str(), "the" | "a" | "an")
    })?;
    // A minister speaks for the ministry: "the health minister said" and
    // "according to the Health Ministry" give one source.
    let noun = if words[k] == "minister" {
        "ministry"
    } else {
        &words[k]
    };
    let body = BODIES.contains(&words[k].as_str());
    // "Investigative Committee" and "Investigation Committee": one body
    // in two translations.
    let qualifier = ["ive", "ions", "ion"]
        .iter()
        .find_map(|end| qualifier.strip_suffix(end).filter(|q| q.len() >= 5))
        .unwrap_or(qualifier);
    Some((format!("{qualifier} {noun}"), k + 1 == words.len(), body))
}

/// What a ministry is of, when written before it ("the interior ministry
/// of …", "the health ministry in …"): the ministry is already named.
const PORTFOLIOS: [&str; 16] = [
    "interior",
    "health",
    "foreign",
    "defence",
    "defense",
    "finance",
    "justice",
    "education",
    "information",
    "economy",
    "energy",
    "transport",
    "agriculture",
    "emergency",
    "emergencies",
    "environment",
];

/// Whether two words differ by one letter changed, added or dropped.
fn one_letter_apart(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    match long.len() - short.len() {
        0 => short.iter().zip(&long).filter(|(x, y)| x != y).count() == 1,
        1 => {
            let k = short.iter().zip(&long).take_while(|(x, y)| x == y).count();
            short[k..] == long[k + 1..]
        }
        _ => false,
    }
}

/// Merges the names of one source written several ways, returning name →
/// merged name (the fullest form as written):
/// - a name whose core words end another's ("Hassan" / "Hamad Hassan",
///   "Assad" / "President al-Assad");
/// - a body and its acronym, or two spellings with one acronym ("NDMA",
///   "National Disaster Management Authority", "… Agency");
/// - a role and the named person or body holding it, within one claim's
///   documents ("the country's health minister" / "Health Minister Hamad
///   Hassan"; "Morocco's Interior Ministry" / "the Moroccan Ministry of the
///   Interior"). Two named people never merge through a shared role.
fn merge_primary_names<'a>(names: impl Iterator<Item = &'a str>) -> HashMap<String, String> {
    merge_primary_names_knowing(names, std::iter::empty())
}

/// [`merge_primary_names`], knowing people and bodies named with their role
/// in the documents at hand ("Russian President Vladimir Putin"): they
/// join a bare role to a name ("Russian President", "Putin") as any name
/// would, and are never themselves a merged name. A role held by two of
/// them joins neither.
fn merge_primary_names_knowing<'a>(
    names: impl Iterator<Item = &'a str>,
    known: impl Iterator<Item = &'a str>,
) -> HashMap<String, String> {
    let names: BTreeSet<&str> = names.collect();
    let mut unique: Vec<&str> = names.iter().copied().chain(known).collect();
    unique.sort();
    unique.dedup();
    // Longest first, a named person or body before a bare role.
    unique.sort_by_key(|n| {
        let bare_role = role(n).is_some_and(|(_, only, _)| only) && acronym(n).is_none();
        std::cmp::Reverse((!bare_role, name_core(n).len(), n.len()))
    });
    let n = unique.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            x = parent[x];
        }
        x
    }
    let cores: Vec<Vec<String>> = unique.iter().map(|u| name_core(u)).collect();
    let plains: Vec<Vec<String>> = unique
        .iter()
        .map(|u| {
            super::entities::plain_words(&u.replace('’', "'"))
                .into_iter()
                .filter(|w| !matches!(w.as_str(), "the" | "a" | "an"))
                .collect()
        })
        .collect();
    let acronyms: Vec<Option<String>> = unique.iter().map(|u| acronym(u)).collect();
    let roles: Vec<Option<(String, bool, bool)>> = unique.iter().map(|u| role(u)).collect();
    // How many named people or bodies hold each role: a mention by the
    // role alone ("the PM said") is one of them only when there is one.
    let mut holders: HashMap<&str, usize> = HashMap::new();
    for (r, a) in roles.iter().zip(&acronyms) {
        if let Some((key, only, _)) = r
            && (!*only || a.is_some())
        {
            *holders.entry(key.as_str()).or_default() += 1;
        }
    }
    let one_holder = |key: &str| holders.get(key).copied().unwrap_or(0) <= 1;
    for j in 0..n {
        for i in 0..j {
            let (long, short) = (&cores[i], &cores[j]);
            // ("Health Ministry" and "Interior Ministry" share no name:
            // a core word that is a role is no name.)
            let suffix = !short.is_empty()
                && !short.iter().any(|w| is_role_noun(w))
                && long.len() >= short.len()
                && long[long.len() - short.len()..] == short[..];
            let same_acronym = acronyms[i].is_some() && acronyms[i] == acronyms[j];
            // A body is one body however its name is framed; a person's
            // role merges only with a mention by that role alone.
            let same_role = match (&roles[i], &roles[j]) {
                (Some((a, only_a, body_a)), Some((b, only_b, body_b))) => {
                    a == b
                        && ((*body_a && *body_b)
                            || (((*only_a && acronyms[i].is_none())
                                || (*only_b && acronyms[j].is_none()))
                                && one_holder(a)))
                }
                _ => false,
            };
            // One person's name in two transliterations ("Rabie" and
            // "Rabae" for the Suez Canal chief): a single name of five
            // letters or more, one letter apart, the first the same.
            let spelled_apart = long.len() == 1
                && short.len() == 1
                && long[0].chars().count() >= 5
                && long[0].chars().next() == short[0].chars().next()
                && one_letter_apart(&long[0], &short[0])
                && roles[i].is_none()
                && roles[j].is_none();
            // "the committee" and "committee".
            let same = plains[i] == plains[j];
            if suffix || same_acronym || same_role || spelled_apart || same {
                let (ri, rj) = (find(&mut parent, i), find(&mut parent, j));
                // The root is the earliest, i.e. the fullest, name.
                parent[ri.max(rj)] = ri.min(rj);
            }
        }
    }
    // A person named by one word that is not their last ("Xi" for "Chinese
    // President Xi Jinping", whose family name comes first; "Marie" for
    // "Marie el-Drese"): theirs when only one of the fuller names holds it.
    //
    // "The mayor" beside "Mayor Abdulmenam Al Ghaithi", "the minister"
    // beside "Minister Hamad Hasan": likewise, the one person the others
    // name in that office.
    let named_person = |i: usize| !cores[i].is_empty() && !cores[i].iter().any(|w| is_role_noun(w));
    for j in 0..n {
        if find(&mut parent, j) != j {
            continue;
        }
        let fuller: Vec<usize> = if let [office] = plains[j].as_slice()
            && OFFICES.contains(&office.as_str())
        {
            (0..n)
                .filter(|&i| i != j && plains[i].contains(office) && named_person(i))
                .collect()
        } else if let [word] = cores[j].as_slice()
            && roles[j].is_none()
            && acronyms[j].is_none()
            && !is_role_noun(word)
        {
            (0..n)
                .filter(|&i| {
                    i != j
                        && cores[i].len() > 1
                        && cores[i][..cores[i].len() - 1].contains(word)
                        && named_person(i)
                })
                .collect()
        } else {
            continue;
        };
        let roots: BTreeSet<usize> = fuller.into_iter().map(|i| find(&mut parent, i)).collect();
        if let [root] = roots.into_iter().collect::<Vec<_>>()[..] {
            parent[j.max(root)] = j.min(root);
        }
    }
    // Each set is named by its fullest name as the documents gave it, never
    // by a name only known from elsewhere in them.
    let mut shown: HashMap<usize, usize> = HashMap::new();
    for (j, name) in unique.iter().enumerate() {
        if names.contains(name) {
            let root = find(&mut parent, j);
            shown.entry(root).or_insert(j);
        }
    }
    let mut out = HashMap::new();
    for (j, name) in unique.iter().enumerate() {
        if (cores[j].is_empty() && acronyms[j].is_none()) || !names.contains(name) {
            continue;
        }
        let root = find(&mut parent, j);
        out.insert((*name).to_owned(), unique[shown[&root]].to_owned());
    }
    out
}

/// People named with their office in a text, as written ("Russian
/// President Vladimir Putin", "Kremlin spokesman Dmitry Peskov", "Health
/// Minister Hamad Hassan"): a capitalised word qualifying the office, the
/// office, and a name of one to three capitalised words.
fn role_holders(text: &str) -> impl Iterator<Item = String> + '_ {
    static HOLDER: LazyLock<Regex> = LazyLock::new(|| {
        crate::pattern::re(
            r"\b[A-Z][\w'’-]*\s+(?:Prime\s+Minister|President|Minister|[Ss]pokes(?:man|woman|person)|Governor|Mayor|Premier|Chancellor|Secretary|Commissioner)\s+[A-Z][\w’'-]*(?:\s+(?:al-|el-)?[A-Z][\w’'-]*){0,2}",
        )
    });
    // Most claims name no office: a literal search says so fast.
    static OFFICE: LazyLock<Regex> = LazyLock::new(|| {
        crate::pattern::re(
            r"President|Minister|pokes|Governor|Mayor|Premier|Chancellor|Secretary|Commissioner",
        )
    });
    OFFICE
        .is_match(text)
        .then(|| HOLDER.find_iter(text))
        .into_iter()
        .flatten()
        .filter_map(|m| {
            let holder = m.as_str();
            let holder = holder
                .strip_suffix("'s")
                .or_else(|| holder.strip_suffix("’s"))
                .unwrap_or(holder);
            // "President Vladimir Putin", not "the Health Minister The".
            role(holder)
                .is_some_and(|(_, only, _)| !only)
                .then(|| holder.to_owned())
        })
}

/// The groups of the newsrooms the registry does not hold that the
/// folder's claims call newsrooms ("…, the news portal Malaysiakini
/// reported", "Sources told An-Nahar"): papers are named in full once and
/// bare after, in one story and across the stories of a folder.
fn described_newsrooms(claims: &[Claim], entities: &Entities) -> Vec<String> {
    use rayon::prelude::*;
    // Most claims hold none of the words `described_in` and
    // `SOURCES_TOLD` read a newsroom by (its nouns, mastheads' last words,
    // a site's ending, sources), and none of them is read.
    static NOUN: LazyLock<Regex> = LazyLock::new(|| {
        let words: Vec<String> = NEWSROOM_NOUNS
            .iter()
            .chain(&MASTHEAD_WORDS)
            .chain(&["agency", "station", "sources?", "insiders?"])
            .map(|w| w.to_lowercase())
            .collect();
        crate::pattern::re(&format!(
            r"(?i)\b(?:{})\b|\.(?:{SITE_ENDINGS})\b",
            words.join("|")
        ))
    });
    claims
        .par_iter()
        .filter(|c| NOUN.is_match(&c.text))
        .filter_map(
            |c| match relayed_newsroom(&c.text, c.attribution.as_deref(), entities)? {
                // "The veteran broadcaster Jeremy Vine said": a person's
                // full name after "broadcaster" is no newsroom's.
                (Cow::Owned(name), words)
                    if !(name.contains(' ') && words.to_lowercase().contains("broadcaster")) =>
                {
                    Some(crate::outlets::unregistered_newsroom(&name).group)
                }
                _ => None,
            },
        )
        .collect()
}

/// The keys of the people the folder's claims name in an office
/// ("Turkish President Recep Tayyip Erdogan", "British Prime Minister
/// Boris Johnson", by [`role_holders`]): a name given an office anywhere
/// is a person's, whoever else may bear it.
fn people_in_office(
    holders: &HashMap<i64, BTreeSet<String>>,
    entities: &Entities,
) -> HashSet<String> {
    holders
        .values()
        .flatten()
        .map(|h| {
            let name = super::entities::after_titles(h);
            entities.key(name, &HashMap::new()).key
        })
        .filter(|k| k.starts_with("p:"))
        .collect()
}

/// Each document's people named with their office (see [`role_holders`]),
/// read from its claims.
fn role_holders_by_document(claims: &[Claim]) -> HashMap<i64, BTreeSet<String>> {
    use rayon::prelude::*;
    let found: Vec<(i64, Vec<String>)> = claims
        .par_iter()
        .map(|c| (c.document_id, role_holders(&c.text).collect::<Vec<_>>()))
        .filter(|(_, h)| !h.is_empty())
        .collect();
    let mut out: HashMap<i64, BTreeSet<String>> = HashMap::new();
    for (d, h) in found {
        out.entry(d).or_default().extend(h);
    }
    out
}

/// Whether two stated values disagree ("more than 1,000" and 1,093 do
/// not).
fn entries_disagree(a: &Claim, va: f64, b: &Claim, vb: f64) -> bool {
    let figure = |c: &Claim, v: f64| {
        let q = c.quantities.iter().find(|q| q.value == v);
        super::matching::Figure {
            measure: 0,
            counted: false,
            unit: 0,
            presupposed: false,
            value: super::matching::value_key(v),
            bound: super::matching::Bound::of(q.and_then(|q| q.qualifier.as_deref())),
        }
    };
    !figure(a, va).agrees(&figure(b, vb))
}

/// Whether a claim sets its count against another source's as it tells
/// it: "Local sources, however, told ETV Bharat that the death toll has
/// risen to 43" (Wayanad, 2024, held out), "…, contradicting the
/// ministry's figure".
fn contrasts(c: &Claim) -> bool {
    static CONTRAST: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        crate::pattern::re(
            r"(?i)(?:,\s*however,|^\s*however,|^\s*but\s|\bcontradict|\bdisput(?:e|ed|ing)\b|\bin contrast\b)",
        )
    });
    static TELLS: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        crate::pattern::re(r"(?i)\b(?:told|said|say|says|according\s+to)\b")
    });
    CONTRAST.is_match(&c.text) && TELLS.is_match(&c.text)
}

/// Whether one article sets two sources' counts against each other: one
/// of the two claims [`contrasts`], and they are not attributed alike.
fn contrasted(a: &Claim, b: &Claim) -> bool {
    let apart = match (a.attribution.as_deref(), b.attribution.as_deref()) {
        (Some(x), Some(y)) => !x.eq_ignore_ascii_case(y),
        _ => true,
    };
    apart && (contrasts(a) || contrasts(b))
}

/// Whether two magnitudes are too far apart to be two readings of one
/// quake: agencies' first estimates differ by tenths (Hualien, 2024: 7.2
/// to 7.7; Tohoku's first 7.9 became 9.0), while an aftershock is smaller
/// by a whole step or more (Noto, 2024: 7.6, then a 5.5 a week later).
fn apart_in_magnitude(a: f64, b: f64) -> bool {
    a < 10.0 && b < 10.0 && (a - b).abs() >= 1.5
}

/// How one claim states a count, for telling a timeline from a conflict.
struct CountReading {
    /// The weekday named for the count ([`day_named`], over its cluster).
    day: Option<String>,
    /// It says the count rose ([`rising`]).
    rising: bool,
    /// It says the count rose or stands at a point ([`running_count`]).
    running: bool,
    /// The count is known only from below ([`bounded`]).
    bounded: bool,
    /// The count is stamped with its hour ([`stamped_hour`]).
    stamped: bool,
}

/// Whether a claim gives its count as a point on a rising count, in so
/// many words: "the death toll has risen to 133", "reached 1,061 as of
/// Monday", "so far". (A lower bound alone, "at least 510", may be a
/// source's undercount: two of them of unknown days stay side by side,
/// marked as perhaps one toll rising.)
fn running_count(claim: &Claim) -> bool {
    static UPDATE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"(?i)\b(?:(?:reach(?:ed|es)|now\s+stands?\s+at)\s+(?:about\s+|around\s+|nearly\s+|some\s+)?\d|so\s+far\b|up\s+to\s+now\b|to\s+date\b)",
        )
            .expect("valid pattern")
    });
    rising(&claim.text) || UPDATE.is_match(&claim.text)
}

/// Whether a claim gives `value` as part of a toll known only from below:
/// a lower bound itself ("at least 76", "more than 1,300"), or a figure of
/// a toll whose dead are one ("at least 40 dead, 100 wounded": its wounded
/// are a count of that hour too).
fn bounded(claim: &Claim, value: f64) -> bool {
    let toll = |q: &crate::model::claims::Quantity| {
        matches!(q.event.as_deref(), Some("killed" | "wounded" | "missing"))
    };
    let figure = claim.quantities.iter().find(|q| q.value == value);
    lower_bound(claim, value)
        || figure.is_some_and(toll)
            && claim
                .quantities
                .iter()
                .any(|q| toll(q) && lower_bound(claim, q.value))
}

/// Whether a claim stamps its count with the hour ("As of 6:30 a.m.", "by
/// 10 p.m.", "at 17:00"): one of a day's updates.
fn stamped_hour(text: &str) -> bool {
    static HOUR: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?i)\b(?:as\s+of|by|until|at)\s+\d{1,2}(?:[:.]\d\d)?\s*(?:a\.?m\.?|p\.?m\.?|\b(?:gmt|utc|local\s+time))|\b(?:as\s+of|by|until)\s+\d{1,2}[:.]\d\d\b")
            .expect("valid pattern")
    });
    HOUR.is_match(text)
}

/// Whether a claim gives `value` as a lower bound ("at least 76", "more
/// than 1,300").
fn lower_bound(claim: &Claim, value: f64) -> bool {
    claim
        .quantities
        .iter()
        .find(|q| q.value == value)
        .is_some_and(|q| {
            super::matching::Bound::of(q.qualifier.as_deref()) == super::matching::Bound::AtLeast
        })
}

/// Whether of two figures reported on known days the later one revises
/// the earlier ([`crate::model::claims::revised_down`]): ((month, day),
/// value) each, the year not being known.
fn revised_down(a: (Option<&(u8, u8)>, f64), b: (Option<&(u8, u8)>, f64)) -> bool {
    use crate::model::claims::revised_down as lower;
    match (a, b) {
        ((Some(da), va), (Some(db), vb)) => {
            (da < db && lower(va, vb)) || (db < da && lower(vb, va))
        }
        _ => false,
    }
}

/// Whether a claim says its count rose ("has risen to 133", "climbed to").
fn rising(text: &str) -> bool {
    static RISING: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"(?i)\b(?:ris(?:en|es|e|ing)|rose|climb(?:ed|s|ing)?|increas(?:ed|es|ing)|jump(?:ed|s)?|surg(?:ed|es)|soar(?:ed|s)?)\s+(?:to|by)\b",
        )
        .expect("valid pattern")
    });
    RISING.is_match(text)
}

/// The one day of the week a claim names for its figure `value`, in the
/// figure's own clause ("reached 1,061 as of Monday", "said on Monday that
/// more than 1,500 …"; not "2.3 million …, and added, on Thursday, that
/// 184,000 …"), lower-cased; none when it names none or several.
fn day_named(claim: &Claim, value: f64) -> Option<String> {
    static DAY: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b").expect("valid pattern")
    });
    static CLAUSE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r";|,\s+(?:and|but|while|whereas)\b|\s+and\s+(?:added|said)\b|,\s+adding\b",
        )
        .expect("valid pattern")
    });
    let text = claim.text.as_str();
    let figure = claim.quantities.iter().find(|q| q.value == value)?;
    let at = text.find(figure.text.as_str())?;
    let start = CLAUSE.find_iter(&text[..at]).last().map_or(0, |m| m.end());
    let end = CLAUSE
        .find(&text[at..])
        .map_or(text.len(), |m| at + m.start());
    let mut days = DAY.find_iter(&text[start..end]).map(|m| m.as_str());
    let first = days.next()?;
    days.all(|d| d == first).then(|| first.to_lowercase())
}

/// Names two documents share that make their quakes one quake, when the
/// sentences giving the magnitudes name different places.
const STORY_NAMES: usize = 2;

/// Whether a duration is the time between two events ("the second took
/// place 15 minutes later", "an aftershock 12 minutes later"), a delay
/// ("40 minutes behind schedule") or a point in time ("20 minutes into the
/// meeting"): it measures no one thing, a story has many, and two of them
/// are no disagreement (Kerman bombing and Myanmar earthquake, held out;
/// Helsinki).
fn interval(text: &str, q: &crate::model::claims::Quantity) -> bool {
    static AFTER: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        crate::pattern::re(
            r"^\s*(?:later|after|before|earlier|apart|ago|late|behind|early|ahead|into|away|from)\b",
        )
    });
    q.event.as_deref() == Some("lasted")
        && text
            .match_indices(q.text.as_str())
            .any(|(at, t)| AFTER.is_match(&text[at + t.len()..]))
}

/// Whether a figure counts another set than the story's own, or a year:
/// others besides them ("13 other Russians", "another 40 people"), a part
/// of them ("Eleven of the Russians"), an earlier or separate count ("A
/// previous indictment accused 13 Russians"), a running total ("That
/// brings to 25 the number of Russians charged", "bringing the total to
/// 31"; "a total of 9 deaths" is the count itself), or a year taken for a
/// count ("… in 2016 presidential election").
/// Such a figure disagrees with no count of the story's own (Helsinki: 108
/// conflicts between the 12 officers indicted and the 13, 25 and 31 of
/// other indictments and totals).
fn another_set(text: &str, q: &crate::model::claims::Quantity) -> bool {
    static AFTER: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        crate::pattern::re(
            r"(?i)^(?:[\d,.]+|[a-z-]+)(?:\s+(?:million|thousand|hundred))?\s+(?:other|others|more|additional|further|of\s+(?:the|them|those|whom|which|these))\b",
        )
    });
    static BEFORE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        crate::pattern::re(
            r"(?i)\b(?:another|previous|previously|earlier|prior|separate)\s+(?:[\w'’-]+\s+){0,3}$",
        )
    });
    // A running total of several events ("That brings to 25 the number of
    // Russians charged"): a toll's own total ("bringing the death toll to
    // 2,946") is the toll, left to the timeline's rules.
    static TOTAL: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        crate::pattern::re(r"(?i)\b(?:brings?|brought|bringing)\s+(?:[\w'’-]+\s+){0,3}$")
    });
    // An event of another year, named by it, told in a clause of its own:
    // "the deadliest since 2015, when about 9,000 people were killed", "the
    // 2015 earthquake, which killed nearly 9,000 people", "the 2010 floods
    // that affected 20 million".
    static PAST_EVENT: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        crate::pattern::re(
            r"(?i)(?:\b(?:19|20)\d\d\s*,?\s+when\b[^.;:]*|\bthe\s+(?:19|20)\d\d\s+(?:[\w'’-]+,?\s+){1,3}(?:that|which|when)\s+(?:[\w'’-]+\s+){0,4})$",
        )
    });
    // Some of the dead, said to be among them: "At least four Chinese
    // nationals were among those killed", "two children are among the
    // dead".
    static AMONG: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        crate::pattern::re(
            r"(?i)^[^.;:,]{0,60}?\b(?:were|was|are|is)\s+(?:also\s+|reportedly\s+|reported\s+)?among\b",
        )
    });
    let toll = matches!(
        q.event.as_deref(),
        Some("killed" | "wounded" | "missing" | "affected" | "displaced" | "casualties")
    );
    // A year is four digits with no comma and nothing counted after
    // them, after a word placing it in time ("in 2016", "over 2016",
    // "since 1953").
    let year_like = (1900.0..=2100.0).contains(&q.value) && q.value.fract() == 0.0;
    let number_at = |t: &str| t.find(|c: char| c.is_ascii_digit()).unwrap_or(0);
    text.match_indices(q.text.as_str()).any(|(at, t)| {
        let starts = at + number_at(t);
        let digits = text[starts..]
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(text.len() - starts);
        // (A noun after it is counted: "over 2000 people".)
        if year_like
            && digits == 4
            && t.trim_end().ends_with(&text[starts..starts + digits])
            && matches!(
                text[..starts]
                    .split_whitespace()
                    .next_back()
                    .unwrap_or_default()
                    .to_lowercase()
                    .as_str(),
                "in" | "of"
                    | "since"
                    | "over"
                    | "by"
                    | "until"
                    | "from"
                    | "before"
                    | "after"
                    | "during"
            )
        {
            return true;
        }
        let before = &text[..at];
        let window = before
            .char_indices()
            .rev()
            .nth(60)
            .map_or(before, |(i, _)| &before[i..]);
        AFTER.is_match(&text[starts..])
            || AMONG.is_match(&text[starts..])
            || BEFORE.is_match(window)
            || PAST_EVENT.is_match(window)
            || (!toll && TOTAL.is_match(window))
    })
}

/// Whether the sentence sets figure `q` in a month other than the one its
/// document reports from ("In October, three quakes above magnitude 4.0
/// jolted the Dhading district, … one measuring 6.1" in a report of 4
/// November): an earlier (or later) event's figure, set against none of
/// the report's own. Undated documents are never judged so.
fn another_month(text: &str, q: &crate::model::claims::Quantity, date: Option<&(u8, u8)>) -> bool {
    static IN_MONTH: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        crate::pattern::re(
            r"(?i)\b(?:in|last|since|during|until|through|back\s+in|earlier\s+in)\s+(?:early|late|mid)?[\s-]*(?P<m>january|february|march|april|may|june|july|august|september|october|november|december)\b",
        )
    });
    let Some(&(month, _)) = date else {
        return false;
    };
    let Some(at) = text.find(q.text.as_str()) else {
        return false;
    };
    IN_MONTH
        .captures_iter(&text[..at])
        .any(|c| crate::pattern::month_number(&c["m"]).is_some_and(|named| named != month))
}

/// The place a claim measures its distance `value` from or to, as the
/// words after the figure name it ("71 km south-west of Marrakesh",
/// "72 kilometres (45 miles) southwest of the tourist hub of Marrakesh",
/// "60 kilometres from Marrakesh", "over 1,000 km away in Bangkok"); none
/// when they name none.
fn distance_from(claim: &Claim, value: f64) -> Option<String> {
    static PLACE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        crate::pattern::re(
            r"^(?:[^.;]|\.\d){0,40}?\b(?:of|from|in|to)\s+(?:the\s+)?(?:[a-z-]+\s+){0,3}?(?P<p>\p{Lu}[\w'’-]+)",
        )
    });
    let q = figure_at(claim, value)?;
    claim
        .text
        .match_indices(q.text.as_str())
        .find_map(|(at, t)| {
            PLACE
                .captures(&claim.text[at + t.len()..])
                .map(|c| c["p"].to_owned())
        })
}

/// What a conflict between durations is over: each value in minutes.
const DURATION: &str = "duration in minutes";

/// A duration in minutes, by the unit of time its words give ("two
/// hours" 120, "90 minutes" 90, "30 seconds" 0.5); `None` when they give
/// none.
fn minutes(q: &crate::model::claims::Quantity) -> Option<f64> {
    let words = q.text.to_lowercase();
    let per = [
        ("second", 1.0 / 60.0),
        ("minute", 1.0),
        ("hour", 60.0),
        ("day", 1440.0),
        ("week", 10080.0),
    ];
    per.iter()
        .find(|(unit, _)| words.contains(unit))
        .map(|(_, factor)| q.value * factor)
}

/// Miles in kilometres, to a tenth, as distances are compared.
fn in_km(miles: f64) -> f64 {
    (miles * 1.609_344 * 10.0).round() / 10.0
}

/// The figure a claim states as `value`: its own, or a distance in miles
/// compared in kilometres ([`in_km`]).
fn figure_at(claim: &Claim, value: f64) -> Option<&crate::model::claims::Quantity> {
    claim
        .quantities
        .iter()
        .find(|q| q.value == value)
        .or_else(|| {
            claim
                .quantities
                .iter()
                .find(|q| q.unit.as_deref() == Some("miles") && in_km(q.value) == value)
        })
}

/// Clusters giving different values for the same measure on the same topic
/// (sharing a name or two words besides the figure), linked into conflicts.
fn conflicts(
    claims: &[Claim],
    features: &FeatureTable,
    cluster_of_claim: &[usize],
    clusters: &mut [Cluster],
    path_of: &HashMap<i64, &RelPath>,
    dates: &HashMap<i64, (u8, u8)>,
    groups: &HashMap<i64, DocumentOrigin>,
) -> Vec<Conflict> {
    // measure → (cluster, value, claim)
    let mut by_measure: BTreeMap<String, Vec<(usize, f64, usize)>> = BTreeMap::new();
    // The measures each cluster's documents state: (cluster, document,
    // measure).
    let stated: BTreeSet<(usize, i64, String)> = claims
        .iter()
        .enumerate()
        .flat_map(|(i, c)| {
            c.quantities
                .iter()
                .filter_map(|q| q.measure())
                .map(move |m| (cluster_of_claim[i], c.document_id, m))
        })
        .collect();
    for (i, claim) in claims.iter().enumerate() {
        // A breakdown ("1,293 deaths in Al Haouz, 452 in Taroudant") gives
        // parts of a whole: its figures conflict with no total.
        static PER_PLACE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
            regex::Regex::new(r"\b\d[\d,]*(?:\s+[a-z]+)?\s+in\s+[A-Z]").expect("valid pattern")
        });
        let breakdown = PER_PLACE.find_iter(&claim.text).count() >= 3;
        // "200 km (124 miles)": the figure in brackets is the one before,
        // converted; outlets round conversions apart (120 miles, 124).
        let converted = super::matching::converted_figures(&claim.text, &claim.quantities);
        // A sentence measuring two events alike ("A magnitude-7.4 quake
        // struck …, followed by another magnitude 6.4 quake") joins the
        // claims of one of them: the other's figure is not what its
        // cluster states unless another document there states it too.
        let two_events = |q: &crate::model::claims::Quantity, m: &str| {
            q.unit.as_deref().is_some_and(|u| u != "people")
                && claim
                    .quantities
                    .iter()
                    .filter_map(|o| o.measure().filter(|om| om != m && o.unit == q.unit))
                    .next()
                    .is_some()
                && !stated
                    .range((cluster_of_claim[i], i64::MIN, String::new())..)
                    .take_while(|(c, _, _)| *c == cluster_of_claim[i])
                    .any(|(_, d, sm)| *d != claim.document_id && sm == m)
        };
        for (q, _) in claim.quantities.iter().zip(converted).filter(|(_, c)| !c) {
            if let Some(m) = q.measure()
                && !breakdown
                && !interval(&claim.text, q)
                && !another_set(&claim.text, q)
                && !another_month(&claim.text, q, dates.get(&claim.document_id))
                && !two_events(q, &m)
            {
                // A duration is compared in minutes, whatever it was
                // given in ("two hours" and "120 minutes" agree); one with
                // no unit of time is no duration.
                // A distance in kilometres, whatever it was given in: "380
                // miles north of Athens" is not the 380 km others give.
                let (m, value) = if q.event.as_deref() == Some("lasted") {
                    match minutes(q) {
                        Some(v) => (DURATION.to_owned(), v),
                        None => continue,
                    }
                } else if m == "miles away" {
                    ("km away".to_owned(), in_km(q.value))
                } else {
                    (m, q.value)
                };
                by_measure
                    .entry(m)
                    .or_default()
                    .push((cluster_of_claim[i], value, i));
            }
        }
    }
    // Words two sentences share besides their figures; a toll's own words
    // (killed, died, injured) only when `tolls` says so. Never the words
    // every count is framed in, whatever it counts: its qualifier, its
    // people, who gave it ("At least 280 people were killed … according to
    // officials" in India and "… at least 135, according to the Collective
    // of Human Rights Organizations" in Guinea share "at least", "people"
    // and "according": two stories, held out, stop 65).
    static FRAME: std::sync::LazyLock<Vec<u64>> = std::sync::LazyLock::new(|| {
        let mut v: Vec<u64> = [
            "least", "more", "than", "over", "nearli", "almost", "around", "about", "some",
            "peopl", "person", "accord", "offici", "say", "said", "told", "report", "media",
            "local", "estim", "toll", "total", "number", "figur", "rose", "risen", "reach",
        ]
        .iter()
        .map(|w| super::matching::word_id(w))
        .collect();
        v.sort_unstable();
        v
    });
    let shared_words = |a: usize, b: usize, tolls: bool| {
        let plain_words = |f: &Features| {
            let mut w: Vec<u64> = f
                .words
                .iter()
                .copied()
                .filter(|w| {
                    !super::matching::is_figure_word(*w)
                        && (tolls || !super::matching::is_casualty_word(*w))
                        // (Within one story, checked apart, they may count.)
                        && (tolls || FRAME.binary_search(w).is_err())
                })
                .collect();
            w.sort_unstable();
            w.dedup();
            w
        };
        super::hash::shared_sorted(&plain_words(&features[a]), &plain_words(&features[b]))
    };
    // On one topic: a shared name, or three shared words that are not the
    // toll's own ("at least 40 people killed" and "at least 62 people died"
    // in two unrelated stories share only those).
    let topical = |a: usize, b: usize| {
        !super::hash::disjoint_sorted(&features[a].entities, &features[b].entities)
            || shared_words(a, b, false) >= 3
    };
    // The names a document's claims mention (for the documents whose
    // magnitudes are compared: a few).
    // Claims by document, built on first use (one pass, not one per document).
    let mut claims_of: Option<HashMap<i64, Vec<usize>>> = None;
    let mut doc_names: HashMap<i64, Vec<u64>> = HashMap::new();
    let mut names_of = |document: i64| -> Vec<u64> {
        doc_names
            .entry(document)
            .or_insert_with(|| {
                let index = claims_of.get_or_insert_with(|| {
                    let mut m: HashMap<i64, Vec<usize>> = HashMap::new();
                    for (i, c) in claims.iter().enumerate() {
                        m.entry(c.document_id).or_default().push(i);
                    }
                    m
                });
                let mut v: Vec<u64> = index
                    .get(&document)
                    .into_iter()
                    .flatten()
                    .flat_map(|&i| features[i].entities.iter().copied())
                    .collect();
                v.sort_unstable();
                v.dedup();
                v
            })
            .clone()
    };
    let mut out = Vec::new();
    for (measure, mut entries) in by_measure {
        // Aftershocks are many quakes: two of their magnitudes are two
        // events ("aftershocks of 6.0 and 5.9"), or a forecast ("a 6.5 to
        // 7.0 aftershock could occur"), not a disagreement.
        if measure.contains("aftershock") || measure.contains("later shock") {
            continue;
        }
        // The day a cluster's claims name for a value, if any does: one
        // claim stands for them below (see `day_named`).
        let mut day_of: HashMap<(usize, u64), String> = HashMap::new();
        for &(c, v, i) in &entries {
            if let Some(day) = day_named(&claims[i], v) {
                day_of.entry((c, v.to_bits())).or_insert(day);
            }
        }
        // One claim stands for a cluster's value, but in an article that
        // sets two sources' counts against each other ([`contrasted`]) its
        // own claim does too: the pair is read within the article.
        let contrasting: BTreeSet<i64> = entries
            .iter()
            .filter(|e| contrasts(&claims[e.2]))
            .map(|e| claims[e.2].document_id)
            .collect();
        let own = |e: &(usize, f64, usize)| {
            let d = claims[e.2].document_id;
            contrasting.contains(&d).then_some(d)
        };
        entries.sort_by(|a, b| {
            a.0.cmp(&b.0)
                .then(a.1.total_cmp(&b.1))
                .then(own(a).cmp(&own(b)))
        });
        entries.dedup_by(|a, b| a.0 == b.0 && a.1 == b.1 && own(a) == own(b));
        entries.truncate(200);
        // How each entry's claim states its count, read once per entry
        // rather than once per pair below.
        let readings: Vec<CountReading> = entries
            .iter()
            .map(|&(c, v, i)| CountReading {
                day: day_of.get(&(c, v.to_bits())).cloned(),
                rising: rising(&claims[i].text),
                running: running_count(&claims[i]),
                bounded: bounded(&claims[i], v),
                stamped: stamped_hour(&claims[i].text),
            })
            .collect();
        // Pairs of clusters stating different values, directly.
        let mut pairs: BTreeSet<(usize, usize)> = BTreeSet::new();
        // A quake is one quake: two sentences each of the same quake as a
        // third are of the same quake as each other, whatever places they
        // name ("Hualien was struck by a magnitude 7.2" and "a 7.5 …
        // struck in the ocean near Taiwan", each of the quake Xinhua gives
        // as 7.3). Entries joined by `same_event`, for magnitudes only: a
        // count's updates must each disagree directly (below).
        // A quake's depth is measured once too ("at a depth of 7 km" and
        // "of about 17.9 kilometers": two agencies' readings of one quake).
        let sizes = measure.starts_with("magnitude");
        let magnitude = sizes || measure.ends_with(" depth");
        // A count of the dead, which only a revision lowers (the missing
        // are found, the displaced go home, the wounded leave hospital).
        let deaths = measure == "people killed";
        // A distance is measured from a place: two from different places
        // ("7 kilometers southeast of Hualien", "72 kilometres southwest
        // of Marrakesh"; "over 1,000 km away in Bangkok", "about 20
        // kilometers northeast of Mandalay") are two distances, not one
        // disagreed on.
        let places: Vec<Option<String>> = entries
            .iter()
            .map(|&(_, v, i)| {
                measure
                    .ends_with(" away")
                    .then(|| distance_from(&claims[i], v))
                    .flatten()
            })
            .collect();
        let mut quake = super::matching::Sets::new(entries.len());
        // What each entry's sentence says of its time, read once: whether
        // it is about a past quake (magnitudes), else its years.
        let past: Vec<bool> = entries
            .iter()
            .map(|&(_, _, i)| magnitude && super::extract::about_another_event(&claims[i].text))
            .collect();
        let times: Vec<super::extract::Time> = entries
            .iter()
            .map(|&(_, _, i)| super::extract::time_of(&claims[i].text))
            .collect();
        for (x, &(ca, va, ia)) in entries.iter().enumerate() {
            for (y, &(cb, vb, ib)) in entries.iter().enumerate().skip(x + 1) {
                // Two magnitudes conflict only for the same quake: when both
                // name places or people, they must share one (a past quake
                // elsewhere is no conflict).
                // Figures reported on different days are a timeline (a toll
                // rising, the missing found), not a conflict.
                // (A magnitude is measured once: a later report of another
                // value is a conflict, not a timeline.) A death toll is
                // counted up, never down: a later day's lower figure (275
                // after 288) revises the earlier, and a reader must see both.
                let (da, db) = (
                    dates.get(&claims[ia].document_id),
                    dates.get(&claims[ib].document_id),
                );
                let counted = !magnitude;
                let revised = deaths && revised_down((da, va), (db, vb));
                if counted && !revised && matches!((da, db), (Some(a), Some(b)) if a != b) {
                    continue;
                }
                // A count that grows is a timeline, not two sources
                // disagreeing. Of one day (both documents dated alike, or
                // both claims naming one weekday: "reached 1,061 as of
                // Monday", "more than 1,500 … said on Monday"), two counts
                // disagree unless the larger is said to have risen to
                // ("has risen to 93", then "… to 133": one day's morning
                // and evening), both are lower bounds ("at least 40", "at
                // least 60"), or one is stamped with its hour ("as of 6:30
                // a.m."). Of unknown days, they disagree only when neither
                // says it rose ("has risen to 1,762").
                let (ra, rb) = (&readings[x], &readings[y]);
                let same_day = match (da, db, &ra.day, &rb.day) {
                    (Some(a), Some(b), _, _) => Some(a == b),
                    (_, _, Some(a), Some(b)) => Some(a == b),
                    _ => None,
                };
                if counted && claims[ia].document_id != claims[ib].document_id {
                    let timeline = match same_day {
                        Some(false) => !revised,
                        Some(true) => {
                            let larger = if va >= vb { ra } else { rb };
                            larger.rising || (ra.bounded && rb.bounded) || ra.stamped || rb.stamped
                        }
                        None => ra.running || rb.running,
                    };
                    if timeline {
                        continue;
                    }
                }
                // One article's figures are its own parts and scopes (a
                // toll and the town's share of it, this war and the last):
                // a writer does not contradict themselves, unless the
                // article sets two sources' counts against each other.
                if claims[ia].document_id == claims[ib].document_id
                    && !contrasted(&claims[ia], &claims[ib])
                {
                    continue;
                }
                // One producer's successive figures are its updates (4:30
                // p.m., then 10 p.m.): not two sources disagreeing.
                let (ga, gb) = (
                    groups.get(&claims[ia].document_id),
                    groups.get(&claims[ib].document_id),
                );
                if let (Some(ga), Some(gb)) = (ga, gb)
                    && ga.group == gb.group
                    && !ga.group.starts_with("document:")
                    && claims[ia].document_id != claims[ib].document_id
                {
                    continue;
                }
                if let (Some(pa), Some(pb)) = (&places[x], &places[y])
                    && pa != pb
                {
                    continue;
                }
                // Another quake's magnitude: an aftershock's, a foreshock's.
                if sizes && apart_in_magnitude(va, vb) {
                    continue;
                }
                let (ea, eb) = (&features[ia].entities, &features[ib].entities);
                // Two magnitudes are of one quake when neither sentence is
                // about a past quake or a class of them, and the sentences
                // or their documents name the same places.
                let same_event = if magnitude {
                    !past[x]
                        && !past[y]
                        && (!super::hash::disjoint_sorted(ea, eb)
                            || super::hash::shared_sorted(
                                &names_of(claims[ia].document_id),
                                &names_of(claims[ib].document_id),
                            ) >= STORY_NAMES)
                } else {
                    // A figure of another time is of another event: a
                    // sentence naming a year the other does not ("A
                    // devastating quake killed more than 1,000 people in
                    // Afghanistan in 2022." beside 2023's toll, "since the
                    // deadly 1997 Korean Air crash in Guam, which killed
                    // 228"), or one the story "comes days after" (Herat
                    // earthquakes, Jeju Air crash: held out, stop 61).
                    !times[x].apart_from(&times[y])
                    // Within one story (documents naming the same places
                    // and people), a toll's words count as topic words too:
                    // "the fighting has killed at least 510" and "more than
                    // 1,000 killed since the start of the offensive".
                    && (topical(ia, ib)
                        || (shared_words(ia, ib, true) >= 3
                            && super::hash::shared_sorted(
                                &names_of(claims[ia].document_id),
                                &names_of(claims[ib].document_id),
                            ) >= STORY_NAMES))
                };
                // One primary source's successive counts (the ministry's
                // 296, then its 632) are its updates, whoever relays them.
                if counted
                    && let (Some(pa), Some(pb)) = (
                        claims[ia].attribution.as_deref(),
                        claims[ib].attribution.as_deref(),
                    )
                    && !unnamed_source(pa)
                    && !unnamed_source(pb)
                {
                    let merged = merge_primary_names([pa, pb].into_iter());
                    if merged.contains_key(pa) && merged.get(pa) == merged.get(pb) {
                        continue;
                    }
                }
                // "More than 1,000" and 1,093 agree: no conflict.
                if !same_event {
                    continue;
                }
                if magnitude {
                    quake.union(x, y);
                } else if ca != cb && entries_disagree(&claims[ia], va, &claims[ib], vb) {
                    pairs.insert((ca.min(cb), ca.max(cb)));
                }
            }
        }
        // A quake's magnitudes, all in one entry: each value with the
        // clusters giving it, when two of them disagree.
        let mut components: Vec<Vec<&(usize, f64, usize)>> = Vec::new();
        if magnitude {
            let mut by_quake: BTreeMap<usize, Vec<&(usize, f64, usize)>> = BTreeMap::new();
            for (x, e) in entries.iter().enumerate() {
                by_quake.entry(quake.find(x)).or_default().push(e);
            }
            for members in by_quake.into_values() {
                let disagree = members.iter().enumerate().any(|(x, a)| {
                    members[x + 1..].iter().any(|b| {
                        a.0 != b.0
                            && a.1 != b.1
                            && !(sizes && apart_in_magnitude(a.1, b.1))
                            && entries_disagree(&claims[a.2], a.1, &claims[b.2], b.1)
                    })
                });
                if disagree {
                    components.push(members);
                }
            }
        }
        // Other measures: groups in which every two clusters disagree
        // directly (greedy cliques): "A, B and C disagree" is one entry, but
        // two figures that each disagree with a third and not with each
        // other (one producer's 4:30 and 10 p.m. updates) never share one.
        let mut covered: BTreeSet<(usize, usize)> = BTreeSet::new();
        let clusters_of: BTreeSet<usize> = pairs.iter().flat_map(|p| [p.0, p.1]).collect();
        for &(a, b) in &pairs {
            if covered.contains(&(a, b)) {
                continue;
            }
            let mut group = vec![a, b];
            for &c in &clusters_of {
                if !group.contains(&c)
                    && group.iter().all(|&g| pairs.contains(&(g.min(c), g.max(c))))
                {
                    group.push(c);
                }
            }
            for (x, &g) in group.iter().enumerate() {
                for &h in &group[x + 1..] {
                    covered.insert((g.min(h), g.max(h)));
                }
            }
            components.push(entries.iter().filter(|e| group.contains(&e.0)).collect());
        }
        for members in components {
            let mut keys: Vec<String> = members.iter().map(|m| clusters[m.0].key.clone()).collect();
            keys.dedup();
            if keys.len() < 2 {
                continue;
            }
            for m in &members {
                clusters[m.0].conflicting = true;
            }
            // In the order the documents report them (by the day their
            // text gives; undated last), so a timeline reads as one.
            let mut members = members;
            members.sort_by_key(|m| {
                let date = dates.get(&claims[m.2].document_id);
                (date.is_none(), date.copied())
            });
            out.push(Conflict {
                quantity: measure.clone(),
                clusters: keys,
                values: members
                    .iter()
                    .map(|&&(c, value, i)| ConflictValue {
                        cluster: clusters[c].key.clone(),
                        claim: claims[i].key.clone(),
                        document: path_of[&claims[i].document_id].to_string(),
                        value,
                        text: claims[i]
                            .quantities
                            .iter()
                            .find(|q| measure == DURATION && minutes(q) == Some(value))
                            .or_else(|| figure_at(&claims[i], value))
                            .map(|q| q.text.clone())
                            .unwrap_or_default(),
                    })
                    .collect(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A quantity of `event` as a sentence states it.
    fn quantity(value: f64, text: &str, event: &str) -> crate::model::claims::Quantity {
        crate::model::claims::Quantity {
            value,
            text: text.to_owned(),
            qualifier: None,
            unit: None,
            event: Some(event.to_owned()),
        }
    }

    #[test]
    fn a_figure_set_in_another_month_than_its_report_is_another_event() {
        let q = |value: f64, text: &str| quantity(value, text, "earthquake");
        let october = "In October, three quakes above magnitude 4.0 jolted the Dhading district, with one measuring 6.1-magnitude.";
        let six = q(6.1, "6.1");
        assert!(another_month(october, &six, Some(&(11, 4))));
        // A report of that month, or of no known day, sets it against the
        // others.
        assert!(!another_month(october, &six, Some(&(10, 3))));
        assert!(!another_month(october, &six, None));
        // A month after the figure places something else.
        let after = "A 6.4 quake struck on Friday, the strongest since a tremor in October.";
        assert!(!another_month(after, &q(6.4, "6.4"), Some(&(11, 4))));
    }

    /// A year is no count ("Indicted Over 2016 Election Hacking"), while
    /// four digits with what they count after them are ("Some 2000 people
    /// protested"); a part of a set and others besides it are another set.
    #[test]
    fn a_year_and_a_part_or_others_of_a_set_are_another_set() {
        let q = |value: f64, text: &str| quantity(value, text, "indicted");
        let headline = "Twelve Russian Officers Indicted Over 2016 Election Hacking";
        assert!(another_set(headline, &q(2016.0, "Over 2016")));
        assert!(!another_set(headline, &q(12.0, "Twelve")));
        let crowd = "Some 2000 people protested outside the court on Friday.";
        assert!(!another_set(crowd, &q(2000.0, "Some 2000 people")));
        let part = "Eleven of the officers are charged with identity theft.";
        assert!(another_set(part, &q(11.0, "Eleven of")));
        let others = "In February, prosecutors indicted 13 other Russians.";
        assert!(another_set(others, &q(13.0, "13 other")));
        let total = "The officials had reported a total of 9 deaths by evening.";
        assert!(!another_set(total, &q(9.0, "9 deaths")));
        let killed = |value: f64, text: &str| quantity(value, text, "killed");
        let since = "The quake is the deadliest since 2015, when about 9,000 people were killed.";
        assert!(another_set(since, &killed(9000.0, "about 9,000 people")));
        let named = "It was the worst since the 2015 earthquake, which killed nearly 9,000 people.";
        assert!(another_set(named, &killed(9000.0, "nearly 9,000 people")));
        let now = "At least 157 people were killed, the deadliest quake since 2015.";
        assert!(!another_set(now, &killed(157.0, "At least 157 people")));
        let charged = "That brings to 25 the number of Russians charged.";
        assert!(another_set(charged, &q(25.0, "25 the")));
        let toll = killed(2946.0, "2,946");
        let rising = "Another tremor struck, bringing the toll to 2,946.";
        assert!(
            !another_set(rising, &toll),
            "a toll's own total is the toll"
        );
        // Some of the dead, said to be among them (Itaewon, 2022).
        let among = "At least four Chinese nationals were among those killed, Xinhua reported.";
        assert!(another_set(among, &killed(4.0, "At least four")));
        let whole = "At least 154 people were killed, among them 26 foreigners.";
        assert!(!another_set(whole, &killed(154.0, "At least 154 people")));
    }

    /// The newsroom a claim's sentence says it came through, with the words
    /// saying so, and sentences naming one that relay nothing.
    #[test]
    fn a_claims_sentence_names_the_newsroom_it_came_through() {
        let entities = Entities::new(&crate::outlets::registry::Registry::bundled());
        let relayed = |text: &str, attribution: Option<&str>| {
            relayed_newsroom(text, attribution, &entities).map(|(n, w)| (n.into_owned(), w))
        };
        let cases = [
            (
                "Floods have killed 42 people in the state since Friday, the minister told Reuters on Monday.",
                None,
                Some(("Reuters", "told Reuters")),
            ),
            (
                "Speaking to Al Jazeera, the governor said the toll had been revised to 275.",
                None,
                Some(("Al Jazeera", "Speaking to Al Jazeera")),
            ),
            (
                "In an interview with CBS News broadcast on Sunday, Trump said he had not thought of it.",
                None,
                Some(("CBS News", "In an interview with CBS News")),
            ),
            (
                "CEO Samuli Huuhtanen told The Associated Press on Saturday that beer helps.",
                None,
                Some(("Associated Press", "told The Associated Press")),
            ),
            (
                "The floods have killed 42 people in Assam since Friday, according to Reuters.",
                Some("Reuters"),
                Some(("Reuters", "according to Reuters")),
            ),
            (
                "The floods have killed 42 people in Assam since Friday, Reuters reported.",
                Some("Reuters"),
                Some(("Reuters", "Reuters reported")),
            ),
            (
                "An explosion in a factory has caused casualties, the official Xinhua news agency reported, citing local authorities.",
                None,
                Some((
                    "Xinhua News Agency",
                    "the official Xinhua news agency reported",
                )),
            ),
            (
                "Pompeo also noted that it was a deeply personal decision not to run, CNN reports.",
                None,
                Some(("CNN", "CNN reports")),
            ),
            (
                "He told CNN’s Jake Tapper that he was running for president.",
                None,
                Some(("CNN", "told CNN")),
            ),
            (
                "Putin called Obama on Thursday, according to Russian news site TASS.",
                None,
                Some(("TASS", "according to Russian news site TASS")),
            ),
            // An employer, a disclaimer: no channel of the claim.
            (
                "Fox News host Sean Hannity said on his show that the count was wrong.",
                Some("Fox News host Sean Hannity"),
                None,
            ),
            (
                "A former CNN anchor said the network had changed.",
                None,
                None,
            ),
            (
                "Reuters could not independently verify the video.",
                None,
                None,
            ),
            // Told to people, or a person; spoken to by phone.
            (
                "The minister told reporters that 42 people had died.",
                None,
                None,
            ),
            ("Putin told Trump that Russia had not meddled.", None, None),
            ("Macron spoke to Erdogan by phone on Sunday.", None, None),
            // A credit abbreviation alone is no newsroom's name here: "PA"
            // may be the Palestinian Authority, "Petra" a person.
            (
                "Speaking to ANI, Pradeep Jena said the toll was 275.",
                None,
                None,
            ),
            (
                "Abbas told the PA cabinet that talks had failed.",
                None,
                None,
            ),
            (
                "He said in an interview with local residents that the dam held.",
                None,
                None,
            ),
            // Newsrooms the registry does not hold, called newsrooms.
            (
                "At least 37 homes were destroyed, the Greek daily Kathimerini reported.",
                None,
                Some(("Kathimerini", "the Greek daily Kathimerini reported")),
            ),
            (
                "The police chief told radio station RPP that two miners had died.",
                None,
                Some(("RPP", "told radio station RPP")),
            ),
            (
                "Houses were covered in ash, according to Kompas TV.",
                None,
                Some(("Kompas TV", "according to Kompas TV")),
            ),
            (
                "Sources told An-Nahar that 30 trucks had left Arsal.",
                None,
                Some(("An-Nahar", "Sources told An-Nahar")),
            ),
            (
                "The fire broke out at the factory last night, bdnews24.com reported.",
                None,
                Some(("bdnews24.com", "bdnews24.com reported")),
            ),
            (
                "The official Sichuan Daily newspaper said rescuers pulled out three people.",
                None,
                Some(("Sichuan Daily", "The official Sichuan Daily newspaper said")),
            ),
            // A newsroom's name that is a person's.
            (
                "Bloomberg told reporters he had not listened to one campaign speech.",
                Some("Bloomberg"),
                None,
            ),
            // Named without being called one (a bare name after "told" is
            // read apart, by `told_bare_name`, where the folder names no
            // such person), or a speaker's own channel, or a noun with no
            // name: none read.
            (
                "The mayor told Vanguard that the road had reopened.",
                None,
                None,
            ),
            (
                "He said on his Telegram channel that the town had fallen.",
                None,
                None,
            ),
            (
                "The minister told Iranian state TV that 12 people had died.",
                None,
                None,
            ),
            (
                "The results were published in an article in the Journal of Medicine.",
                None,
                None,
            ),
            (
                "Sources told Congress that the program had ended.",
                None,
                None,
            ),
        ];
        for (text, attribution, want) in cases {
            assert_eq!(
                relayed(text, attribution),
                want.map(|(n, w)| (n.to_owned(), w.to_owned())),
                "{text}"
            );
        }
    }

    #[test]
    fn a_bare_name_is_read_as_the_one_told_only_where_the_clause_says_so() {
        let entities = Entities::new(&crate::outlets::registry::Registry::bundled());
        let cases = [
            (
                "The road had reopened, the mayor told Vanguard.",
                Some(("Vanguard", "told Vanguard")),
            ),
            (
                "\"We want justice,\" the father told ANI here.",
                Some(("ANI", "told ANI")),
            ),
            (
                "Twelve homes were lost, the minister told Stuff on Tuesday.",
                Some(("Stuff", "told Stuff")),
            ),
            (
                "Six suspects were arrested, the police spokesman disclosed this to Punch on Sunday.",
                Some(("Punch", "disclosed this to Punch")),
            ),
            (
                "The school will reopen on Monday, a spokesperson confirmed to Stuff.",
                Some(("Stuff", "confirmed to Stuff")),
            ),
            (
                "The ministry confirmed to Boeing on Friday that the jets must stay grounded.",
                None,
            ),
            (
                "He said in an interview with Malaysiakini that talks had failed.",
                Some(("Malaysiakini", "in an interview with Malaysiakini")),
            ),
            (
                "The mayor related in an interview with Galei Tzahal (Army Radio) that two missiles passed.",
                Some(("Galei Tzahal", "in an interview with Galei Tzahal")),
            ),
            // A telling that opens the claim: a counterpart, a company, a
            // capital, a legislature told.
            (
                "Macron told Putin by phone that the strikes were unacceptable.",
                None,
            ),
            (
                "The FAA told Boeing on Friday that the jets must stay grounded.",
                None,
            ),
            (
                "Beijing told Washington on Monday that it would retaliate.",
                None,
            ),
            ("The minister told Smith he would resign.", None),
            (
                "Speaking to Starmer on Tuesday, Macron said talks would go on.",
                None,
            ),
            (
                "Zelensky said the talks went well after he sat down with Trump.",
                None,
            ),
            // Bodies, their members, known entities, peoples, titles.
            ("Twelve people died, the minister told Parliament.", None),
            (
                "Twelve people died, the minister told MPs on Tuesday.",
                None,
            ),
            (
                "He had underestimated the virus, Johnson told the Covid Inquiry.",
                None,
            ),
            (
                "Aid was blocked, the envoy told the UN Security Council.",
                None,
            ),
            ("He acted alone, the suspect told the FBI.", None),
            ("The vote was rigged, rights groups told Iranians.", None),
            (
                "The bill would pass, the president told Sen. Manchin.",
                None,
            ),
            // No verb of telling: a source's own word, a place.
            ("Prices rose 12 percent, according to Oxfam.", None),
            ("Talks failed, the senator said on Capitol Hill.", None),
            // A possessive: someone of the name's, not the name.
            ("Twelve died, the police told Vanguard’s reporter.", None),
        ];
        for (text, want) in cases {
            assert_eq!(
                told_bare_name(text, &entities),
                want.map(|(n, w)| (n.to_owned(), w.to_owned())),
                "{text}"
            );
        }
    }

    /// Sentences cut short as pages cut them for teasers and feeds, and
    /// what is not a cut: a quotation's ellipsis, a scraped stop after a
    /// short sentence, a whole sentence.
    #[test]
    fn a_sentence_cut_short_is_told_by_its_ellipsis() {
        let cut = |t: &str| cut_words(t).map(|w| w.join(" "));
        assert_eq!(
            cut("U.S. President Donald Trump blamed \"U.S. foolishness and stupidity\" for bad relations between Washington and Moscow on T\u{a0}.\u{a0}.")
                .as_deref(),
            Some("u s president donald trump blamed u s foolishness and stupidity for bad relations between washington and moscow on")
        );
        assert_eq!(
            cut("The start of the Ukraine conflict is, depending on one's ...").as_deref(),
            Some("the start of the ukraine conflict is depending on one")
        );
        assert!(cut("Officials said the port would reopen on Monday after a full inspection of the quays…").is_some());
        // A relayed quotation, cut or whole, is the speaker's.
        assert_eq!(
            cut(
                "\"If I was given the great city of Moscow as retribution for all of the sins ...\" he wrote."
            ),
            None
        );
        // A stop after a space ends a long cut only.
        assert_eq!(cut("Trump met May on Friday in London ."), None);
        assert_eq!(cut("The port will reopen on Monday."), None);
        assert_eq!(cut("Talks resumed ..."), None);
    }

    /// Outlets relaying one statement share its quoted sentences in its
    /// order without copying each other: such sentences are mostly quoted.
    #[test]
    fn a_relayed_statement_is_mostly_quoted() {
        assert!(mostly_quoted(
            "“We were deeply distressed by the great event at the port,” the message read."
        ));
        assert!(mostly_quoted(
            "\"We are deeply upset by those events at the port,\" Assad said in a cable."
        ));
        assert!(!mostly_quoted(
            "The minister said the port would reopen on Monday after “a full inspection”."
        ));
        assert!(!mostly_quoted("The port will reopen on Monday."));
    }

    /// The words a copy and its source may share outside quotations: a
    /// quotation opened or closed in another sentence is still quoted, and
    /// an apostrophe is no quotation mark.
    #[test]
    fn words_outside_quotations_leave_out_quotes_opened_or_closed_elsewhere() {
        let outside = |t: &str| outside_quotations(t).concat();
        assert_eq!(
            outside("\u{201c}We will rebuild,\u{201d} the mayor said on Monday."),
            " the mayor said on Monday."
        );
        // A quote that goes on in the next sentence.
        assert_eq!(
            outside("The minister said: \"Deeply saddened by the news from the coast tonight."),
            "The minister said: "
        );
        // The end of a quote begun in an earlier sentence.
        assert_eq!(
            outside("My thoughts are with all those affected by the floods,\u{2019} he said."),
            " he said."
        );
        assert_eq!(
            outside("Haftar\u{2019}s forces entered the town, officials said."),
            "Haftar\u{2019}s forces entered the town, officials said."
        );
        assert_eq!(
            outside("\u{2018}It was over in seconds,\u{2019} said a witness."),
            " said a witness."
        );
        assert_eq!(
            outside("'My thoughts are with all those affected,' he wrote on Trump's page."),
            " he wrote on Trump's page."
        );
        // No quotation mark: all of it, whether or not other marks of the
        // same UTF-8 lead byte (a dash, an ellipsis) are in it.
        for plain in [
            "Rescue teams arrived on Sunday, officials said.",
            "Rescue teams \u{2014} from Spain and Qatar \u{2014} arrived\u{2026}",
        ] {
            assert_eq!(outside_quotations(plain), vec![plain]);
        }
    }

    /// A medium that relayed a statement is told apart from the body or
    /// person who made it (and from a body whose name ends in "Agency").
    #[test]
    fn a_relaying_medium_is_told_from_a_primary_source() {
        for relay in [
            "Morocco’s TV",
            "Imedi TV",
            "state television",
            "Radio Free Asia",
            "the official news agency",
            "Xinhua News Agency",
            "local media",
            "Al Arabiya channel",
        ] {
            assert!(relayed_source(relay), "{relay}");
        }
        for primary in [
            "Moroccan Interior Ministry",
            "International Atomic Energy Agency",
            "Lukashenko's press service",
            "Health Minister Hamad Hassan",
            "the civil defence service",
        ] {
            assert!(!relayed_source(primary), "{primary}");
        }
    }

    fn merged(names: &[&str]) -> Vec<(String, String)> {
        let mut m: Vec<_> = merge_primary_names(names.iter().copied())
            .into_iter()
            .collect();
        m.sort();
        m
    }

    /// A role alone ("Russian President") is the person one of the
    /// documents names in that role, and only when it names one.
    #[test]
    fn a_role_is_the_person_the_documents_name_in_it() {
        let merged_knowing = |names: &[&str], known: &[&str]| {
            merge_primary_names_knowing(names.iter().copied(), known.iter().copied())
        };
        let holders: Vec<String> = role_holders(
            "Russian President Vladimir Putin's spokesman, Kremlin spokesman Dmitry Peskov, \
             spoke after The President Said and Health Minister Hamad Hassan left.",
        )
        .collect();
        assert_eq!(
            holders,
            [
                "Russian President Vladimir Putin",
                "Kremlin spokesman Dmitry Peskov",
                "Health Minister Hamad Hassan"
            ]
        );
        let m = merged_knowing(
            &["Putin", "Russian President"],
            &["Russian President Vladimir Putin"],
        );
        assert_eq!(m["Russian President"], "Putin", "{m:?}");
        assert_eq!(m["Putin"], "Putin", "{m:?}");
        // Names only known from the documents are never sources.
        assert!(!m.contains_key("Russian President Vladimir Putin"));
        // Two holders of the role: it is neither.
        let m = merged_knowing(
            &["Putin", "Russian President"],
            &[
                "Russian President Vladimir Putin",
                "Russian President Dmitry Medvedev",
            ],
        );
        assert_eq!(m["Russian President"], "Russian President", "{m:?}");
        // Nobody named in the role: it stays apart.
        let m = merged_knowing(&["Putin", "Russian President"], &[]);
        assert_eq!(m["Russian President"], "Russian President", "{m:?}");
        assert!(unnamed_source("Russian investigators"));
        assert!(unnamed_source("Officials in Finland"));
        assert!(unnamed_source("a spokesperson"));
        assert!(!unnamed_source("Zhu Fenglian"));
        assert!(!unnamed_source("Ministry of Health"));
    }

    /// A body written with the acronym its article gave it is one source
    /// with the acronym alone and with its name written otherwise; a body
    /// only described ("the country's disaster agency") is no second
    /// source beside a named one, a body named is.
    #[test]
    fn a_body_with_its_acronym_is_one_source_and_one_described_is_none_apart() {
        let m = merged(&[
            "Türkiye’s Disaster and Emergency Management Authority (AFAD)",
            "Disaster and Emergency Management Authority (AFAD)",
            "AFAD",
        ]);
        let roots: BTreeSet<&str> = m.iter().map(|(_, v)| v.as_str()).collect();
        assert_eq!(roots.len(), 1, "{m:?}");
        for described in [
            "the country's disaster agency",
            "Russia’s top state investigative agency",
            "the report",
        ] {
            assert!(described_body(described), "{described}");
        }
        for named in [
            "Lebanon’s Interior Ministry",
            "Syrian Health Ministry",
            "police",
            "residents",
        ] {
            assert!(!described_body(named), "{named}");
        }
    }

    #[test]
    fn a_role_alone_is_no_one_when_two_people_hold_it() {
        // "The PM" beside two named prime ministers may be either: it
        // joins neither, and never makes the two one.
        let m = merged(&["The PM", "UK PM Keir Starmer", "Indian PM Narendra Modi"]);
        let to = |n: &str| m.iter().find(|(k, _)| k == n).map(|(_, v)| v.as_str());
        assert_eq!(to("UK PM Keir Starmer"), Some("UK PM Keir Starmer"));
        assert_eq!(
            to("Indian PM Narendra Modi"),
            Some("Indian PM Narendra Modi")
        );
        assert_ne!(to("The PM"), Some("UK PM Keir Starmer"));
        assert_ne!(to("The PM"), Some("Indian PM Narendra Modi"));
        // Two names more than a letter apart stay two people.
        let m = merged(&["Rubio", "Rabie"]);
        assert!(m.iter().all(|(k, v)| k == v), "{m:?}");
    }

    #[test]
    fn one_source_written_several_ways_is_one_primary_source() {
        for (names, into) in [
            (
                &["Hassan", "Health Minister Hamad Hassan"][..],
                "Health Minister Hamad Hassan",
            ),
            (&["Assad", "President al-Assad"], "President al-Assad"),
            (
                &[
                    "NDMA",
                    "National Disaster Management Authority",
                    "National Disaster Management Agency",
                ],
                "National Disaster Management Authority",
            ),
            (
                &[
                    "the country's health minister",
                    "Lebanon's health minister",
                    "Health Minister Hamad Hassan",
                ],
                "Health Minister Hamad Hassan",
            ),
            (
                &[
                    "Kremlin spokesman",
                    "Kremlin spokesman Dmitry Peskov",
                    "Peskov",
                ],
                "Kremlin spokesman Dmitry Peskov",
            ),
            // Seen on five outlets relaying the UK prime minister's words
            // on an air crash: "The PM" is the PM they name.
            (&["The PM", "UK PM Keir Starmer"], "UK PM Keir Starmer"),
            (
                &["the prime minister", "UK Prime Minister Keir Starmer"],
                "UK Prime Minister Keir Starmer",
            ),
            // Ever Given, 2021: Xinhua's and Sputnik's transliterations.
            (&["Rabie", "Rabae"], "Rabae"),
            // Raisi's helicopter, 2024: Xinhua's "Xi said" beside the
            // president named in full; "state TV" in AP, "state television"
            // in AFP.
            (
                &["Xi", "Chinese President Xi Jinping"],
                "Chinese President Xi Jinping",
            ),
            (&["State TV", "State television", "TV"], "State television"),
            // Derna, 2023: "Al Ghaithi" and "al-Ghaithi"; "Marie el-Drese"
            // and "according to Marie …" cut short.
            (
                &["Mayor Abdulmenam Al Ghaithi", "Mayor Abdulmenam al-Ghaithi"],
                "Mayor Abdulmenam Al Ghaithi",
            ),
            (&["Marie", "Marie el-Drese"], "Marie el-Drese"),
            // Pokhara, 2023: a name ending in initials, with and without
            // their dots.
            (&["K.C.", "Tek Bahadur KC"], "Tek Bahadur KC"),
            (&["committee", "the committee"], "the committee"),
            // A person's office or press service speaks for them.
            (
                &[
                    "Finnish President Sauli Niinisto's office",
                    "Finnish President Sauli Niinisto’s office",
                    "Sauli Niinisto",
                ],
                "Finnish President Sauli Niinisto’s office",
            ),
            (
                &[
                    "office of Belarusian President Alexander Lukashenko",
                    "Lukashenko's press service",
                ],
                "office of Belarusian President Alexander Lukashenko",
            ),
            // Derna and Beirut: an office named alone is the one person the
            // claim's sources name in it.
            (
                &["the mayor", "Mayor Abdulmenam Al Ghaithi"],
                "Mayor Abdulmenam Al Ghaithi",
            ),
            (
                &["Minister Hamad Hasan", "the minister"],
                "Minister Hamad Hasan",
            ),
            // Crocus City Hall, 2024: one committee in four outlets'
            // wordings and translations.
            (
                &[
                    "Russia’s Investigative Committee",
                    "Russian Investigative Committee",
                    "Investigation Committee",
                    "Investigative Committee of Russia",
                ],
                "Investigative Committee of Russia",
            ),
        ] {
            for (name, to) in merged(names) {
                assert_eq!(to, into, "{name} in {names:?}");
            }
        }
        // A body named two ways: one source, either name.
        let m = merged(&[
            "Morocco's Interior Ministry",
            "Moroccan Ministry of the Interior",
        ]);
        assert_eq!(m[0].1, m[1].1, "{m:?}");
        // Derna floods, 2023: one ministry described two ways by two
        // agencies, its portfolio before "ministry of".
        let m = merged(&[
            "the interior ministry of Libya’s eastern-based government",
            "the interior ministry of one of Libya’s rival governments",
        ]);
        assert_eq!(m[0].1, m[1].1, "{m:?}");
        // Two portfolios stay two sources.
        let m = merged(&[
            "the interior ministry of Libya’s eastern-based government",
            "the health ministry of Libya’s eastern-based government",
        ]);
        assert_ne!(m[0].1, m[1].1, "{m:?}");
    }

    #[test]
    fn different_sources_stay_apart() {
        for names in [
            &["President Vladimir Putin", "President Alexander Lukashenko"][..],
            &[
                "Foreign Minister Bilawal Bhutto Zardari",
                "Planning Minister Ahsan Iqbal",
            ],
            &["Health Ministry", "Interior Ministry"],
            &["the ministry", "Interior Ministry"],
            &[
                "the minister",
                "Interior Minister Mohammed Fahmi",
                "Health Minister Hamad Hassan",
            ],
            // A first name that two fuller names hold is neither's.
            &["Ahmed", "Ahmed Mismari", "Ahmed Shaheen"],
            // A country is not the body named after it.
            &["Russia", "Russia's Investigative Committee"],
            &[
                "World Health Organization",
                "National Disaster Management Authority",
            ],
        ] {
            let m = merged(names);
            let targets: BTreeSet<&String> = m.iter().map(|(_, to)| to).collect();
            assert_eq!(targets.len(), names.len(), "{names:?} merged: {m:?}");
        }
    }
}
