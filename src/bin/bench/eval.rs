//! Evaluation of claim clustering against hand-labelled cases: shared by the
//! `bench claims` command (which prints figures) and the test that holds the
//! figures to a floor.

use anyhow::{Context, Result};
use provaudit::outlets::registry::Registry;
use provaudit::progress::Control;
use provaudit::store::Store;
use provaudit::view::json::AuditReport;
use serde::Deserialize;
use std::collections::HashMap;
use std::io::Write;
use std::path::Path;

#[derive(Deserialize)]
struct Labels {
    groups: Vec<Group>,
    negatives: Vec<Negative>,
}

#[derive(Deserialize)]
struct Group {
    name: String,
    reworded: bool,
    members: Vec<Member>,
}

#[derive(Deserialize, Clone)]
struct Member {
    row: usize,
    phrase: String,
}

#[derive(Deserialize)]
struct Negative {
    why: String,
    a: Member,
    b: Member,
}

/// Figures of one evaluation.
pub struct ClaimsEval {
    pub documents: usize,
    pub claims: usize,
    pub clusters: usize,
    pub positive_pairs: usize,
    pub found_pairs: usize,
    pub reworded_pairs: usize,
    pub reworded_found: usize,
    pub wrong_joins: usize,
    pub negatives: usize,
    pub negatives_joined: usize,
    /// Which labelled negatives were joined, by their place in the labels.
    pub joined_negatives: Vec<usize>,
    pub unlocated: usize,
    pub elapsed_ms: u128,
    details: Vec<String>,
    pub timings: Vec<(String, std::time::Duration)>,
}

impl ClaimsEval {
    pub fn recall(&self) -> f64 {
        self.found_pairs as f64 / self.positive_pairs.max(1) as f64
    }

    pub fn precision(&self) -> f64 {
        self.found_pairs as f64 / (self.found_pairs + self.wrong_joins).max(1) as f64
    }

    pub fn print(&self, verbose: bool) -> Result<()> {
        let mut out = std::io::stdout().lock();
        writeln!(
            out,
            "Claim clustering, Helsinki corpus: {} documents, {} claims, {} clusters (audit in process: {} ms)",
            self.documents, self.claims, self.clusters, self.elapsed_ms
        )?;
        writeln!(
            out,
            "| pairs labelled same | found | recall | of which reworded | found | recall | wrong joins | precision | negatives joined |"
        )?;
        writeln!(out, "|---:|---:|---:|---:|---:|---:|---:|---:|---:|")?;
        writeln!(
            out,
            "| {} | {} | {:.2} | {} | {} | {:.2} | {} | {:.2} | {} of {} |",
            self.positive_pairs,
            self.found_pairs,
            self.recall(),
            self.reworded_pairs,
            self.reworded_found,
            self.reworded_found as f64 / self.reworded_pairs.max(1) as f64,
            self.wrong_joins,
            self.precision(),
            self.negatives_joined,
            self.negatives
        )?;
        writeln!(
            out,
            "Labelled sentences not extracted as claims: {}",
            self.unlocated
        )?;
        let stages: Vec<String> = self
            .timings
            .iter()
            .map(|(n, d)| format!("{n} {} ms", d.as_millis()))
            .collect();
        writeln!(out, "Time by stage: {}", stages.join("; "))?;
        if verbose {
            for d in &self.details {
                writeln!(out, "{d}")?;
            }
        }
        Ok(())
    }
}

/// The Helsinki articles audited in process, as `provaudit audit` would:
/// one file per row (`row_NNN.txt`), the report, and each stage's time.
pub struct HelsinkiAudit {
    pub documents: usize,
    pub report: AuditReport,
    pub elapsed_ms: u128,
    pub timings: Vec<(String, std::time::Duration)>,
}

/// Writes the articles into a scratch corpus and audits it (ingest,
/// outlets, claims, report) in a scratch store.
pub fn audit_helsinki(articles: &Path) -> Result<HelsinkiAudit> {
    let mut reader = csv::Reader::from_path(articles).with_context(|| {
        format!(
            "{}: cannot read the Helsinki articles (see ../shared/data/README.md)",
            articles.display()
        )
    })?;
    let scratch = tempfile::tempdir()?;
    let corpus = scratch.path().join("helsinki");
    std::fs::create_dir(&corpus)?;
    let mut documents = 0;
    for (row, record) in reader.records().enumerate() {
        let r = record?;
        std::fs::write(
            corpus.join(format!("row_{row:03}.txt")),
            r[3].replace(" ### ", "\n\n"),
        )?;
        documents += 1;
    }
    let mut store = Store::open_for_corpus(Some(&scratch.path().join("store.sqlite")), &corpus)?;
    let started = std::time::Instant::now();
    let registry = Registry::bundled();
    let summary =
        provaudit::ingest::ingest(&mut store, &corpus, Default::default(), &Control::none())?;
    let t_ingest = started.elapsed();
    let t = std::time::Instant::now();
    provaudit::outlets::run(&mut store, &registry, Default::default())?;
    let t_outlets = t.elapsed();
    let stage = provaudit::claims::run(&mut store, &registry)?;
    let t = std::time::Instant::now();
    let report = AuditReport::new(&store, &summary, &registry)?;
    let t_report = t.elapsed();
    let elapsed_ms = started.elapsed().as_millis();
    let mut timings = vec![
        ("ingest (read, hash, decode, store)".to_owned(), t_ingest),
        ("outlets".to_owned(), t_outlets),
    ];
    timings.extend(
        stage
            .timings
            .0
            .iter()
            .map(|s| (format!("claims: {}", s.name), s.took)),
    );
    timings.push(("report".to_owned(), t_report));
    Ok(HelsinkiAudit {
        documents,
        report,
        elapsed_ms,
        timings,
    })
}

/// Audits the Helsinki articles in a scratch store and scores the clusters.
pub fn claims(articles: &Path, labels: &Path) -> Result<ClaimsEval> {
    let labels: Labels = serde_json::from_str(
        &std::fs::read_to_string(labels)
            .with_context(|| format!("{}: cannot read the labels", labels.display()))?,
    )?;
    let HelsinkiAudit {
        documents: count,
        report,
        elapsed_ms,
        timings,
    } = audit_helsinki(articles)?;

    // The claim holding each labelled phrase.
    let mut by_doc: HashMap<&str, Vec<&provaudit::view::json::ClaimEntry>> = HashMap::new();
    for c in &report.claims {
        by_doc.entry(c.document.as_str()).or_default().push(c);
    }
    let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let locate = |m: &Member| -> Option<(String, String)> {
        let doc = format!("row_{:03}.txt", m.row);
        let phrase = squash(&m.phrase);
        by_doc
            .get(doc.as_str())?
            .iter()
            .find(|c| squash(&c.text).contains(&phrase))
            .map(|c| (c.cluster.clone(), c.text.clone()))
    };
    let mut eval = ClaimsEval {
        documents: count,
        claims: report.claims.len(),
        clusters: report.clusters.len(),
        positive_pairs: 0,
        found_pairs: 0,
        reworded_pairs: 0,
        reworded_found: 0,
        wrong_joins: 0,
        negatives: labels.negatives.len(),
        negatives_joined: 0,
        joined_negatives: Vec::new(),
        unlocated: 0,
        elapsed_ms,
        details: Vec::new(),
        timings,
    };
    let mut located_by_group: Vec<Vec<Option<(String, String)>>> = Vec::new();
    for g in &labels.groups {
        let located: Vec<Option<(String, String)>> = g.members.iter().map(&locate).collect();
        for (m, l) in g.members.iter().zip(&located) {
            if l.is_none() {
                eval.unlocated += 1;
                eval.details.push(format!(
                    "not extracted: row {} {:?} ({})",
                    m.row, m.phrase, g.name
                ));
            }
        }
        for i in 0..located.len() {
            for j in i + 1..located.len() {
                eval.positive_pairs += 1;
                eval.reworded_pairs += usize::from(g.reworded);
                let same = matches!((&located[i], &located[j]), (Some(a), Some(b)) if a.0 == b.0);
                if same {
                    eval.found_pairs += 1;
                    eval.reworded_found += usize::from(g.reworded);
                } else if let (Some(a), Some(b)) = (&located[i], &located[j]) {
                    eval.details
                        .push(format!("missed ({}): {:?} / {:?}", g.name, a.1, b.1));
                }
            }
        }
        located_by_group.push(located);
    }
    // Wrong joins: labelled claims of different groups in one cluster, and
    // labelled negatives in one cluster.
    for x in 0..located_by_group.len() {
        for y in x + 1..located_by_group.len() {
            for a in located_by_group[x].iter().flatten() {
                for b in located_by_group[y].iter().flatten() {
                    if a.0 == b.0 && a.1 != b.1 {
                        eval.wrong_joins += 1;
                        eval.details.push(format!(
                            "joined across groups ({} / {}): {:?} / {:?}",
                            labels.groups[x].name, labels.groups[y].name, a.1, b.1
                        ));
                    }
                }
            }
        }
    }
    for (k, n) in labels.negatives.iter().enumerate() {
        if let (Some(a), Some(b)) = (locate(&n.a), locate(&n.b))
            && a.0 == b.0
        {
            eval.negatives_joined += 1;
            eval.joined_negatives.push(k);
            eval.wrong_joins += 1;
            eval.details.push(format!(
                "negative joined ({}): {:?} / {:?}",
                n.why, a.1, b.1
            ));
        }
    }
    Ok(eval)
}

/// Prints the features of two sentences and how they score against each other.
pub fn pair(a: &str, b: &str) -> Result<()> {
    use provaudit::claims::{entities::Entities, extract, matching, segment::Sentence};
    let registry = Registry::bundled();
    let entities = Entities::new(&registry);
    let features: Vec<matching::Features> = [a, b]
        .iter()
        .map(|t| {
            let mut ctx = extract::Context::new(&entities, t);
            let s = Sentence {
                start: 0,
                end: t.len(),
                text: t,
            };
            let claim = extract::extract(&s, &mut ctx).context("not a claim")?;
            println!(
                "{:?} speaker {:?} attribution {:?}",
                claim.kind, claim.speaker, claim.attribution
            );
            let f = matching::features(&claim);
            let entities: Vec<&str> = claim.mentions.iter().map(|m| m.key.as_str()).collect();
            println!(
                "  words {:?}\n  entities {:?} values {:?}",
                matching::words(&claim),
                entities,
                f.values
            );
            for q in &claim.quantities {
                println!("  figure {:?} measures {:?}", q.text, q.figure_key());
            }
            Ok(f)
        })
        .collect::<Result<_>>()?;
    println!(
        "score (uniform idf): {:?}",
        matching::score(&features[0], &features[1], &HashMap::new())
    );
    println!(
        "score (uniform idf, one story): {:?}",
        matching::score_in(&features[0], &features[1], &HashMap::new(), true)
    );
    Ok(())
}
