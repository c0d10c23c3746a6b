//! The claims stage: claims extracted from each article, the same claim found
//! across documents, and how many independent origins stand behind it.
//!
//! Reads the stored text and the outlets stage's decisions (never the
//! corpus), and writes its own tables. No stage compares all pairs: claims
//! meet through an inverted index (`matching`), documents through shared
//! passages whose large posting lists pair each document with its nearest
//! in size (`reuse`), or through the pairs a job elsewhere found and
//! `provaudit import reuse` loaded, for the documents it read unchanged.

pub mod entities;
pub mod extract;
pub mod hash;
pub mod independence;
pub mod matching;
pub mod reuse;
pub mod segment;

pub use crate::model::claims::{
    Article, Claim, Cluster, Conflict, ConflictValue, Corroboration, DocumentDate,
    DocumentEvidence, KeptAnalysis, OriginGroup, Reuse, StageOutput, may_be_a_timeline,
};

use crate::clean;
use crate::fingerprint::sha256_hex;
use crate::outlets::OutletRecord;
use crate::outlets::registry::Registry;
use crate::progress::Timings;
use crate::relpath::RelPath;
use crate::store::{KeptOrTexts, Store, StoreError, StoredDocument, StoredText};
use crate::text::offsets;
use entities::Entities;
use rayon::prelude::*;
use std::collections::HashMap;

/// What one document yields, computed on its own (in parallel).
#[derive(Default)]
struct DocumentClaims {
    /// `None` when the analysis was kept from an earlier run (the stored
    /// article stands), or once written pending.
    article: Option<Article>,
    claims: Vec<(Claim, matching::Features)>,
    passages: Vec<u64>,
    /// The day the document reports from, by its dateline: (month, day).
    date: Option<(u8, u8)>,
}

/// A document's analysis as the stage holds it until matching: its
/// claims' features are in the stage's [`matching::FeatureTable`].
struct Analysed {
    claims: Vec<Claim>,
    passages: Vec<u64>,
    date: Option<(u8, u8)>,
}

/// What of a document's analysis the next run takes instead of analysing it
/// again, as `document_analysis` keeps it (postcard). The article is not in
/// it: it is stored with the claims and stands while they do.
#[derive(serde::Serialize)]
struct KeptRef<'a> {
    claims: &'a [(Claim, matching::Features)],
    passages: &'a [u64],
    date: Option<(u8, u8)>,
}

/// [`KeptRef`] read back.
#[derive(serde::Deserialize)]
struct Kept {
    claims: Vec<(Claim, matching::Features)>,
    passages: Vec<u64>,
    date: Option<(u8, u8)>,
}

impl DocumentClaims {
    fn keep(&self) -> Vec<u8> {
        postcard::to_stdvec(&KeptRef {
            claims: &self.claims,
            passages: &self.passages,
            date: self.date,
        })
        .expect("an analysis encodes")
    }

    /// A kept analysis, or `None` if its bytes do not read as one (it is
    /// then made again from the text).
    fn restore(data: &[u8]) -> Option<DocumentClaims> {
        let kept: Kept = postcard::from_bytes(data).ok()?;
        Some(DocumentClaims {
            article: None,
            claims: kept.claims,
            passages: kept.passages,
            date: kept.date,
        })
    }
}

/// The SHA-256 of what every document's claims analysis is made from
/// besides the document itself: the program and its analysis version, the
/// registry in force ([`Registry::analysis_key`]) and the entity list.
pub fn analysis_key(registry: &Registry) -> String {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    h.update(format!("claims {}\n", registry.analysis_key()));
    h.update(entities::ENTITIES.as_bytes());
    crate::fingerprint::hex(&h.finalize())
}

/// How far (bytes of cleaned text) the next sentence may start for its
/// source to be the one of a figure stated without one.
const NEXT_SENTENCE: usize = 160;

/// A spokesperson left unnamed in a lede and named in the next sentences
/// is that person: "…, a spokesperson said on Wednesday." then "…, said
/// Zhu Fenglian, spokesperson for the Taiwan Affairs Office" (Xinhua,
/// Hualien earthquake, 2024), as agencies write a lede and its second
/// paragraph. Only the same office, within the next two claims, and only
/// a name: two unnamed spokesmen stay two.
fn name_unnamed_spokespeople(claims: &mut [(Claim, matching::Features)]) {
    static UNNAMED: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        crate::pattern::re(r"^(?:an?|the)\s+(?:[a-z]+\s+)?(spokes(?:person|man|woman))$")
    });
    static NAMED_AS: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(|| crate::pattern::re(r"\bspokes(?:person|man|woman)\b"));
    for i in 0..claims.len() {
        if !claims[i]
            .0
            .attribution
            .as_deref()
            .is_some_and(|a| UNNAMED.is_match(a))
        {
            continue;
        }
        let named = claims[i + 1..]
            .iter()
            .take(2)
            .find(|(c, _)| {
                c.attribution.as_deref().is_some_and(|a| {
                    a.starts_with(|ch: char| ch.is_uppercase())
                        && a.split_whitespace().count() >= 2
                        && !NAMED_AS.is_match(a)
                }) && NAMED_AS.is_match(&c.text)
            })
            .map(|(c, f)| (c.attribution.clone(), f.sources.clone()));
        if let Some((name, sources)) = named {
            claims[i].0.attribution = name;
            // The person named is one the claim speaks of, as if the
            // sentence had named them: a copy that names them matches it.
            let features = &mut claims[i].1;
            for (keys, add) in [
                (&mut features.entities, &sources),
                (&mut features.sources, &sources),
            ] {
                keys.extend(add);
                keys.sort_unstable();
                keys.dedup();
            }
        }
    }
}

/// A figure stated without a source takes the source a sentence beside it
/// names, as reporters name the source of a toll or a measurement once:
/// - the sentence before, in the same paragraph, when it names a body and
///   this one goes on about the same thing ("…, said the AFAD. The focus
///   of the quake was located at a depth of 7km.");
/// - else a body the next sentence names, when it follows at once: "The
///   toll has risen to 632, with 329 injured. A televised statement by the
///   Interior Ministry said that most deaths were in mountain villages.";
/// - else the sentence before, in the paragraph before, on the same
///   terms as the first ("AFAD said the 7.4 magnitude quake struck at
///   4.17 a.m. …" and, below it, "The quake occurred at a depth of 7 km.",
///   Anadolu, 2023);
/// - else whoever the next sentence names.
///
/// A pronoun ("he said") is no source, nor is a person's word carried
/// past its sentence; a source carried is never carried again.
fn attribute_from_neighbours(claims: &mut [(Claim, matching::Features)], text: &str) {
    // A figure "according to the latest data" has its source, unnamed,
    // and so does one "it also said" (Crocus City Hall, 2024: both had
    // taken the next sentence's source, another body's or the Islamic
    // State's).
    static OWN_SOURCE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        crate::pattern::re(
            r"(?i)\baccording\s+to\b|\b(?:it|he|she|they|we)\s+(?:also\s+|had\s+|has\s+)?(?:said|says|added|reported|stated)\b",
        )
    });
    static RESPONSIBILITY: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        crate::pattern::re(
            r"(?i)\b(?:claim(?:ed|s|ing)?|took|takes|taking|denied|denies)\s+responsibility\b",
        )
    });
    // A sentence going on about what the one before spoke of: "The quake
    // …", "It was followed by …", "Its epicentre …".
    static GOES_ON: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(|| crate::pattern::re(r"^(?:The|It|Its|This|That)\s"));
    let wanting = |figure: &Claim| {
        // A toll or a measurement, which an authority gives. An arrest, an
        // indictment, a deployment, a vote or a duration is an event
        // reported in its own right, not a count the next speaker gave
        // (Helsinki: "12 Russian intelligence officers were indicted
        // Friday" had taken the next sentence's "Trump indicated …").
        // A figure measuring nothing ("a 72-year-old former real estate
        // developer") is no one's toll either.
        // A distance ("a 300km drive east of Benghazi") is the setting's,
        // not a figure anyone gave.
        let toll = figure.quantities.iter().any(|q| {
            q.measure().is_some()
                && !matches!(
                    q.event.as_deref(),
                    Some("indicted" | "arrested" | "deployed" | "voted" | "lasted" | "away")
                )
        });
        figure.kind == extract::ClaimKind::Figure
            && toll
            && figure.attribution.is_none()
            && !OWN_SOURCE.is_match(&figure.text)
    };
    let usable = |a: &str| !matches!(a.to_lowercase().as_str(), "he" | "she" | "they" | "it");
    let gap = |a: &Claim, b: &Claim| {
        let between = text.get(a.clean_end..b.clean_start).unwrap_or_default();
        (
            between.len(),
            between.chars().filter(|c| *c == '\n').count(),
        )
    };
    // What each claim's own sentence (or a neighbour) named before this
    // pass: a source is carried one sentence, never on.
    let own: Vec<Option<String>> = claims.iter().map(|(c, _)| c.attribution.clone()).collect();
    for i in 0..claims.len() {
        if !wanting(&claims[i].0) {
            continue;
        }
        let figure = &claims[i].0;
        let before = i
            .checked_sub(1)
            .filter(|_| GOES_ON.is_match(&figure.text))
            .and_then(|p| {
                let source = own[p].as_deref()?;
                let prev = &claims[p].0;
                let (bytes, lines) = gap(prev, figure);
                (prev.clean_end <= figure.clean_start
                    && bytes <= NEXT_SENTENCE
                    && usable(source)
                    && extract::names_a_body(source))
                .then_some((source.to_owned(), lines))
            });
        // A group claiming an attack ("Islamic State … claimed
        // responsibility for the attack, the group's Telegram channel
        // said") speaks of who did it, never of the toll before.
        // Nor does a source giving a figure of its own of another measure
        // ("… at least 2,300. Another 10,000 people were still missing,
        // said Tamer Ramadan", Derna floods, 2023): it speaks of that one.
        let measures = |c: &Claim| -> Vec<String> {
            c.quantities.iter().filter_map(|q| q.measure()).collect()
        };
        let own_measures = measures(figure);
        let next = claims.get(i + 1).and_then(|(next, _)| {
            let source = next.attribution.as_deref()?;
            let (bytes, lines) = gap(figure, next);
            let theirs = measures(next);
            let of_another_figure =
                !theirs.is_empty() && !theirs.iter().any(|m| own_measures.contains(m));
            (bytes <= NEXT_SENTENCE
                && lines <= 2
                && usable(source)
                && !RESPONSIBILITY.is_match(&next.text)
                && !of_another_figure)
                .then(|| source.to_owned())
        });
        // A body's name in the sentence before, in the same paragraph,
        // comes first; then a body named in the next; then the sentence
        // before across a paragraph's break; then whoever the next names.
        let next_is_body = next.as_deref().is_some_and(extract::names_a_body);
        let found = match (before, next) {
            (Some((source, 0)), _) => Some(source),
            (_, Some(source)) if next_is_body => Some(source),
            (Some((source, lines)), _) if lines <= 2 => Some(source),
            (_, next) => next,
        };
        if let Some(source) = found {
            claims[i].0.attribution = Some(source);
        }
    }
}

/// The day of a page's published time (`2024-01-02T10:11:12Z`,
/// `2024-01-02`), as a document date read from its metadata: no place in
/// the text to point at.
fn published_day(published: &str) -> Option<DocumentDate> {
    let day = published.trim().get(..10)?;
    let date = chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()?;
    use chrono::Datelike;
    Some(DocumentDate {
        date: day.to_owned(),
        year: u16::try_from(date.year()).ok(),
        month: date.month() as u8,
        day: date.day() as u8,
        text: format!("published {} (the page's metadata)", published.trim()),
        start: None,
        end: None,
        line: None,
        page: None,
    })
}

/// `date` (a day without a year) in the last year whose day came by the
/// capture time `at` (RFC 3339); said so in the date's words.
fn year_from_capture(mut date: DocumentDate, at: &str) -> DocumentDate {
    use chrono::Datelike;
    let Ok(captured) = chrono::DateTime::parse_from_rfc3339(at) else {
        return date;
    };
    let captured = captured.with_timezone(&chrono::Utc);
    let mut year = captured.year();
    if (u32::from(date.month), u32::from(date.day)) > (captured.month(), captured.day()) {
        year -= 1;
    }
    if chrono::NaiveDate::from_ymd_opt(year, date.month.into(), date.day.into()).is_some()
        && let Ok(y) = u16::try_from(year)
    {
        date.year = Some(y);
        date.date = format!("{year:04}-{:02}-{:02}", date.month, date.day);
        date.text = format!("{} (year from the capture time, {at})", date.text);
    }
    date
}

/// The fault the tests put in a document's analysis, as a bug would:
/// `PROVAUDIT_FAULT_FOR_TESTS` set to a document's path makes its analysis
/// panic with a message quoting its text (as "byte index … is not a char
/// boundary … of `…`" did). Nothing else reads the variable.
fn fault_for_tests(doc: &StoredDocument, stored: &StoredText) {
    if std::env::var_os("PROVAUDIT_FAULT_FOR_TESTS")
        .is_some_and(|p| p.as_encoded_bytes() == doc.path.as_bytes())
    {
        let quoted: String = stored.text.chars().take(60).collect();
        panic!("a fault put in for the tests, in `{quoted}`");
    }
}

fn analyse_document(
    doc: &StoredDocument,
    stored: &StoredText,
    entities: &Entities,
    markers: &[&str],
) -> DocumentClaims {
    let cleaned = clean::article(&stored.text, markers);
    let encoding = doc.encoding.as_deref().unwrap_or("UTF-8");
    let locator = offsets::Locator::new(encoding, &stored.text, stored.source.as_deref());
    let locate = |start: usize, end: usize| locator.locate(start, end);
    let removed = cleaned
        .removed_blocks()
        .into_iter()
        .filter_map(|r| {
            let at = locate(r.start, r.end);
            Some((at.start?, at.end?, r.what.to_owned()))
        })
        .collect();
    let claim_of = |found: extract::Extracted| -> (Claim, matching::Features) {
        let (s, e) = (
            cleaned.source_offset(found.start),
            cleaned.source_offset(found.end - 1) + 1,
        );
        let at = locate(s, e);
        // Identical files at two paths are two documents: the path is part of the key.
        let mut id = doc.path.as_bytes().to_vec();
        id.extend_from_slice(format!("\0{}:{}:{}", doc.sha256, found.start, found.end).as_bytes());
        let key = format!("k-{}", &sha256_hex(&id)[..ID_DIGITS]);
        let features = matching::features(&found);
        (
            Claim {
                key,
                document_id: doc.id,
                cluster_key: String::new(),
                text: found.text,
                start: at.start,
                end: at.end,
                line: at.line,
                clean_start: found.start,
                clean_end: found.end,
                kind: found.kind,
                speaker: found.speaker,
                attribution: found.attribution,
                quantities: found.quantities,
                page: stored
                    .page_lines
                    .as_deref()
                    .zip(at.line)
                    .map(|(pages, line)| crate::text::page_of(pages, line)),
            },
            features,
        )
    };
    let mut ctx = extract::Context::new(entities, &cleaned.text);
    let mut claims = Vec::new();
    let mut characterisations = Vec::new();
    for sentence in segment::sentences(&cleaned.text) {
        let Some(found) = extract::extract(&sentence, &mut ctx) else {
            continue;
        };
        // Characterisations inside the sentence are claims of their own,
        // taken after the sentence's (each claim's neighbour stays the
        // next sentence's).
        characterisations.extend(extract::characterisations(&found));
        for found in extract::quoted_sentences(found) {
            claims.push(claim_of(found));
        }
    }
    attribute_from_neighbours(&mut claims, &cleaned.text);
    name_unnamed_spokespeople(&mut claims);
    claims.extend(characterisations.into_iter().map(claim_of));
    claims.shrink_to_fit();
    let mut passages = reuse::passages(&cleaned.text);
    passages.shrink_to_fit();
    let date = extract::report_date(&cleaned.text);
    let located = date.as_ref().map(|d| {
        let at = locate(
            cleaned.source_offset(d.start),
            cleaned.source_offset(d.end - 1) + 1,
        );
        DocumentDate {
            date: d.iso(),
            year: d.year,
            month: d.month,
            day: d.day,
            text: d.text.clone(),
            start: at.start,
            end: at.end,
            line: at.line,
            page: None,
        }
    });
    // No dateline: the day the page's metadata says it was published.
    let located = located.or_else(|| stored.published.as_deref().and_then(published_day));
    // A dateline without its year, on a page captured at a known time: the
    // page was published before it was captured, so the year is the last
    // one in which that day had come by the capture.
    let captured = stored.capture.as_ref().and_then(|c| c.at.as_deref());
    let located = located.map(|d| match captured {
        Some(at) if d.year.is_none() => year_from_capture(d, at),
        _ => d,
    });
    DocumentClaims {
        passages,
        date: date.map(|d| (d.month, d.day)),
        article: Some(Article {
            document_id: doc.id,
            text: cleaned.text,
            removed,
            date: located,
        }),
        claims,
    }
}

/// How many documents' stored texts the stage holds at once.
const TEXTS_AT_ONCE: usize = 2048;

/// Runs the stage over the store and returns what it wrote.
pub fn run(store: &mut Store, registry: &Registry) -> Result<StageOutput, StoreError> {
    Ok(run_with(
        store,
        registry,
        crate::outlets::Grouping::ByOutlet,
        &crate::progress::Control::none(),
    )?
    .expect("never cancelled"))
}

/// [`run`] with progress (one step per document) and cancellation: `None`
/// when cancelled, in which case no result was written (only the analyses
/// of documents, kept for the next run).
///
/// `grouping` is the one the outlets stage grouped origins by: a newsroom a
/// claim's sentence relays is grouped the same way.
pub fn run_with(
    store: &mut Store,
    registry: &Registry,
    grouping: crate::outlets::Grouping,
    control: &crate::progress::Control,
) -> Result<Option<StageOutput>, StoreError> {
    let started = std::time::Instant::now();
    let documents = store.current_documents()?;
    let outlets = store.outlet_records()?;
    let entities =
        Entities::new(registry).with_newsrooms(crate::outlets::newsrooms(registry, grouping));
    let imported = imported_reuse(store, &documents)?;
    let stage = analysis_key(registry);
    control.progress.start(
        "finding claims",
        documents.len() as u64,
        documents.iter().map(|d| d.bytes).sum(),
    );
    let markers: Vec<&str> = registry
        .outlets()
        .iter()
        .flat_map(|o| o.publisher_markers.iter().map(String::as_str))
        .collect();
    // A slice of the corpus at a time: what an earlier run kept of each
    // document is taken if it was made from the same inputs; the others'
    // stored texts are read, analysed on every core and dropped, so the
    // texts are never all in memory at once.
    let mut analysed: Vec<(usize, Analysed)> = Vec::new();
    // Every claim's features, in the order the claims are assembled in
    // (slice by slice, document by document), each distinct one held once.
    let mut features = matching::FeatureTable::default();
    let mut fresh: Vec<i64> = Vec::new();
    let mut reused: Vec<i64> = Vec::new();
    // Documents whose analysis failed (a fault in this program, not in the
    // file): each is named in the run's warnings, the run goes on.
    let failed: std::sync::Mutex<Vec<usize>> = std::sync::Mutex::default();
    let mut problems: Vec<crate::scan::FileProblem> = Vec::new();
    let (mut reading, mut writing) = (std::time::Duration::ZERO, std::time::Duration::ZERO);
    // What the slice before analysed, written while this one is analysed.
    let mut unwritten: Option<(Vec<KeptAnalysis>, Vec<Article>)> = None;
    for (chunk, slice) in documents.chunks(TEXTS_AT_ONCE).enumerate() {
        if control.cancelled() {
            break;
        }
        let offset = chunk * TEXTS_AT_ONCE;
        let lap = std::time::Instant::now();
        let inputs: Vec<String> = slice.iter().map(|d| d.analysis_inputs(&stage)).collect();
        let kept = store.kept_analyses(slice.iter().map(|d| d.id))?;
        let KeptOrTexts { restored, texts } =
            store.kept_or_texts(kept, slice, &inputs, DocumentClaims::restore)?;
        reading += lap.elapsed();
        let analyse = || -> Vec<(usize, DocumentClaims, Option<KeptAnalysis>)> {
            slice
                .par_iter()
                .zip(inputs)
                .zip(restored)
                .enumerate()
                .filter_map(|(i, ((doc, inputs), restored))| {
                    if control.cancelled() {
                        return None;
                    }
                    let found = match restored {
                        Some(r) => Some((offset + i, r, None)),
                        None => texts.get(&doc.id).and_then(Option::as_ref).map(|stored| {
                            let analysis =
                                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                                    fault_for_tests(doc, stored);
                                    analyse_document(doc, stored, &entities, &markers)
                                }));
                            let Ok(found) = analysis else {
                                failed
                                    .lock()
                                    .unwrap_or_else(|p| p.into_inner())
                                    .push(offset + i);
                                return (offset + i, DocumentClaims::default(), None);
                            };
                            let data = found.keep();
                            let kept = KeptAnalysis {
                                document_id: doc.id,
                                inputs,
                                data,
                            };
                            (offset + i, found, Some(kept))
                        }),
                    };
                    control.progress.advance(doc.bytes);
                    found
                })
                .collect()
        };
        // The store (one connection, this thread's) writes the slice
        // before while the cores analyse this one.
        let (found, wrote) = std::thread::scope(|scope| {
            let analysis = scope.spawn(analyse);
            let wrote = unwritten.take().map_or(Ok(()), |(kept, articles)| {
                let lap = std::time::Instant::now();
                let wrote = store.keep_analyses(&kept, &articles);
                writing += lap.elapsed();
                wrote
            });
            let found = analysis
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (found, wrote)
        });
        wrote?;
        let mut kept = Vec::new();
        let mut articles = Vec::new();
        let failed_here = std::mem::take(&mut *failed.lock().unwrap_or_else(|p| p.into_inner()));
        for (i, mut claims, made) in found {
            match made {
                Some(k) => kept.push(k),
                None if failed_here.contains(&i) => {
                    // Analysed afresh, to no claims, and not kept: the next
                    // run tries again.
                    fresh.push(documents[i].id);
                    problems.push(crate::scan::FileProblem {
                        path: documents[i].path.clone(),
                        message: "its claims could not be analysed (an internal error in provaudit, \
                                  printed above; the file is unchanged and its fingerprints stand): \
                                  it has no claims in this run; please report it with the file"
                            .to_owned(),
                    });
                }
                None => reused.push(documents[i].id),
            }
            // Written next, beside the analysis: the run does not hold
            // every cleaned text until it stores its results.
            articles.extend(claims.article.take());
            let DocumentClaims {
                claims,
                passages,
                date,
                ..
            } = claims;
            let mut kept_claims = Vec::with_capacity(claims.len());
            for (claim, f) in claims {
                features.push(f);
                kept_claims.push(claim);
            }
            analysed.push((
                i,
                Analysed {
                    claims: kept_claims,
                    passages,
                    date,
                },
            ));
        }
        fresh.extend(kept.iter().map(|k| k.document_id));
        unwritten = Some((kept, articles));
    }
    // The last slice's analyses are kept even when the run was stopped:
    // they were made, and the next run takes them.
    if let Some((kept, articles)) = unwritten {
        let lap = std::time::Instant::now();
        store.keep_analyses(&kept, &articles)?;
        writing += lap.elapsed();
    }
    control.progress.finish();
    if control.cancelled() {
        return Ok(None);
    }
    crate::progress::return_freed_memory();
    let mut timings = Timings::default();
    timings.add(
        &format!(
            "read stored text, clean, extract claims ({} documents; {} kept from the last run)",
            fresh.len(),
            reused.len()
        ),
        started.elapsed(),
    );
    timings.add_part(
        "  extraction: reading stored texts and kept analyses",
        reading,
    );
    timings.add_part("  extraction: writing kept analyses and articles", writing);
    features.seal();
    let mut output = assemble(
        &documents,
        &outlets,
        analysed,
        &features,
        imported,
        &entities,
        &mut timings,
    );
    // Only the results are written from here on.
    drop((features, outlets, entities));
    if control.cancelled() {
        return Ok(None);
    }
    output.reused = reused;
    output.analysed = fresh;
    output.problems = problems;
    let started = std::time::Instant::now();
    let steps = store.save_claims(&output)?;
    timings.add("store claims", started.elapsed());
    timings.extend_prefixed("  storing: ", steps);
    output.timings = timings;
    Ok(Some(output))
}

/// Text reuse a job elsewhere found (`provaudit import reuse`), as far as it
/// holds for the current documents.
struct Imported {
    /// Current documents the job read with the bytes they have now.
    covered: std::collections::HashSet<i64>,
    /// Its pairs between those documents.
    pairs: Vec<Reuse>,
    /// Some current document with text was not read by the job (added or
    /// changed since): the native step compares it with the rest.
    native_needed: bool,
}

fn imported_reuse(
    store: &Store,
    documents: &[StoredDocument],
) -> Result<Option<Imported>, StoreError> {
    let Some(import) = store.imported_reuse()? else {
        return Ok(None);
    };
    let covered: std::collections::HashSet<i64> = documents
        .iter()
        .filter(|d| import.documents.get(&d.id) == Some(&d.sha256))
        .map(|d| d.id)
        .collect();
    let native_needed = documents
        .iter()
        .any(|d| d.text_sha256.is_some() && !covered.contains(&d.id));
    let pairs = import
        .pairs
        .into_iter()
        .filter(|r| covered.contains(&r.document_id) && covered.contains(&r.source_document_id))
        .collect();
    Ok(Some(Imported {
        covered,
        pairs,
        native_needed,
    }))
}

/// Matching, reuse and independence over the per-document results.
fn assemble(
    documents: &[StoredDocument],
    outlets: &HashMap<i64, OutletRecord>,
    analysed: Vec<(usize, Analysed)>,
    features: &matching::FeatureTable,
    imported: Option<Imported>,
    entities: &Entities,
    timings: &mut Timings,
) -> StageOutput {
    let started = std::time::Instant::now();
    let path_of: HashMap<i64, &RelPath> = documents.iter().map(|d| (d.id, &d.path)).collect();
    // Documents whose text is found in another.
    let doc_ids: Vec<i64> = analysed.iter().map(|(i, _)| documents[*i].id).collect();
    let passages: Vec<&[u64]> = analysed
        .iter()
        .map(|(_, d)| d.passages.as_slice())
        .collect();
    // Pairs sharing some passages, fewer than a copy's: with a sentence
    // one tells word for word as the other, they are one text in part.
    // (A reuse import covering every document brings none: the rule then
    // rests on the copies alone.)
    let mut parts = Vec::new();
    let (reuse, step) = match imported {
        None => {
            let found;
            (found, parts) = reuse::find_with_parts(&doc_ids, &passages);
            let step = format!("text reuse between documents ({} pairs)", found.len());
            (found, step)
        }
        Some(Imported {
            covered,
            mut pairs,
            native_needed,
        }) => {
            let imported = pairs.len();
            let mut native = 0;
            if native_needed {
                // Pairs with a document the job did not read.
                let found;
                (found, parts) = reuse::find_with_parts(&doc_ids, &passages);
                let before = pairs.len();
                pairs.extend(found.into_iter().filter(|r| {
                    !covered.contains(&r.document_id) || !covered.contains(&r.source_document_id)
                }));
                native = pairs.len() - before;
                pairs.sort_by_key(|r| (r.document_id, r.source_document_id));
            }
            let step = format!(
                "text reuse between documents ({imported} pairs imported for {} documents; {native} found here{})",
                covered.len(),
                if native_needed {
                    " for the documents the import does not cover"
                } else {
                    ": the import covers every document"
                }
            );
            (pairs, step)
        }
    };
    let passage_counts: HashMap<i64, usize> = doc_ids
        .iter()
        .zip(&passages)
        .map(|(&id, p)| (id, p.len()))
        .collect();
    drop(passages);
    let mut analysed = analysed;
    for (_, d) in &mut analysed {
        d.passages = Vec::new();
    }
    crate::progress::return_freed_memory();
    timings.add(&step, started.elapsed());
    let started = std::time::Instant::now();

    let dates: HashMap<i64, (u8, u8)> = analysed
        .iter()
        .filter_map(|(i, d)| d.date.map(|date| (documents[*i].id, date)))
        .collect();
    let mut claims = Vec::new();
    let mut document_of = Vec::new();
    for (i, (_, doc)) in analysed.into_iter().enumerate() {
        for claim in doc.claims {
            claims.push(claim);
            document_of.push(i);
        }
    }
    debug_assert_eq!(claims.len(), features.len());
    let mut matching = matching::cluster(features, &document_of);
    crate::progress::return_freed_memory();
    timings.add("matching claims", started.elapsed());
    timings.extend_prefixed("  matching: ", std::mem::take(&mut matching.timings));
    let started = std::time::Instant::now();
    // Rewrites and translations: the same claims in the same order. They
    // join origin groups like copies do; they are not stored as text reuse.
    // Quotations are left out, and sentences mostly quoted: outlets
    // relaying one statement (a leader's cable, a ministry's communiqué)
    // share its sentences in its order without one copying the other.
    let placed: Vec<(i64, usize, usize)> = claims
        .par_iter()
        .zip(&matching.cluster_of)
        .filter(|(c, _)| {
            c.kind != extract::ClaimKind::Quote && !independence::mostly_quoted(&c.text)
        })
        .map(|(c, &k)| (c.document_id, c.clean_start, k))
        .collect();
    let rewrites = reuse::rewrites(&placed, &reuse, |a, b| path_of[&a] < path_of[&b]);
    drop(placed);
    let groups = independence::origin_groups(
        documents,
        outlets,
        &reuse,
        &rewrites,
        &independence::SharedSentences {
            pairs: &parts,
            passages: &passage_counts,
        },
        |id| entities.is_international_wire(id),
    );
    let inherited = independence::inherited_origins(&groups, outlets, &path_of);
    let grouped = started.elapsed();
    let (clusters, conflicts) = independence::judge(
        &mut claims,
        features,
        &matching,
        independence::Origins {
            groups: &groups,
            reuse: &reuse,
            parts: &parts,
        },
        &path_of,
        &dates,
        entities,
    );
    crate::progress::return_freed_memory();
    timings.add("independence and conflicts", started.elapsed());
    timings.add_part("  independence: rewrites and origin groups", grouped);
    timings.add_part(
        "  independence: judging clusters, conflicts",
        started.elapsed() - grouped,
    );
    StageOutput {
        analysed: Vec::new(),
        claims,
        clusters,
        conflicts,
        reuse,
        inherited,
        candidates_scored: matching.candidates_scored,
        reused: Vec::new(),
        timings: Timings::default(),
        problems: Vec::new(),
    }
}

/// Hex digits in a claim or cluster id after its `k-` or `c-`.
pub const ID_DIGITS: usize = 12;

/// A claim id (`k-` and 12 hex digits, stable while its document's bytes
/// are) or a cluster id (`c-` and 12): what `show`, `review verdict` and the
/// app's links take.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ClaimId {
    Claim(String),
    Cluster(String),
}

/// What a string that is no claim or cluster id is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdError {
    /// Nothing like an id.
    NotAnId,
    /// `k-`/`c-` and hex digits, but not 12 of them: a mistyped id.
    WrongLength,
}

impl ClaimId {
    pub fn parse(s: &str) -> Result<ClaimId, IdError> {
        let (kind, digits): (fn(String) -> ClaimId, &str) =
            match (s.strip_prefix("k-"), s.strip_prefix("c-")) {
                (Some(d), _) => (ClaimId::Claim, d),
                (_, Some(d)) => (ClaimId::Cluster, d),
                _ => return Err(IdError::NotAnId),
            };
        if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_hexdigit()) {
            return Err(IdError::NotAnId);
        }
        if digits.len() != ID_DIGITS {
            return Err(IdError::WrongLength);
        }
        Ok(kind(s.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        match self {
            ClaimId::Claim(s) | ClaimId::Cluster(s) => s,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Ids are told from file names and from mistyped ids: `show` and
    /// `review verdict` say "no claim c-8a5db949" rather than "no such file".
    #[test]
    fn claim_and_cluster_ids_parse_and_mistyped_ones_are_told_apart() {
        assert_eq!(
            ClaimId::parse("k-08a36ac9e4e9"),
            Ok(ClaimId::Claim("k-08a36ac9e4e9".into()))
        );
        assert_eq!(
            ClaimId::parse("c-08a36ac9e4e9"),
            Ok(ClaimId::Cluster("c-08a36ac9e4e9".into()))
        );
        assert_eq!(ClaimId::parse("c-8a5db949"), Err(IdError::WrongLength));
        assert_eq!(
            ClaimId::parse("k-08a36ac9e4e9ff"),
            Err(IdError::WrongLength)
        );
        for not_an_id in [
            "c-report.txt",
            "k-",
            "x-08a36ac9e4e9",
            "notes.txt",
            "c-08a36ac9e4eg",
        ] {
            assert_eq!(
                ClaimId::parse(not_an_id),
                Err(IdError::NotAnId),
                "{not_an_id}"
            );
        }
    }
}
