//! The text pipeline driven with hostile and arbitrary input (proptest):
//! decoding, HTML extraction, cleaning, outlet identification, sentence
//! segmentation and claim extraction must never panic and must finish each
//! input in bounded time; the whole audit must store every generated file.
//!
//! Inputs are built from the pieces real attacks and real news pages are
//! made of (credit lines, datelines, markup, entities, shortcodes, control
//! and bidi characters, legacy encodings) mixed with raw bytes. A failing
//! case is kept by proptest in `tests/data/fuzz/proptest-regressions.txt`
//! and replayed first on every run; inputs worth keeping as files (found by
//! hand or by a failure) live in `tests/data/fuzz/inputs/` and are all run
//! by [`every_kept_input_passes_the_pipeline`].
//!
//! `PROVAUDIT_FUZZ_CASES` sets how many generated inputs a run tries
//! (default 600 for the text pipeline; a tenth of that for whole audits).

use proptest::prelude::*;
use proptest::test_runner::{Config, FileFailurePersistence, TestRunner};
use provaudit::claims::{entities::Entities, extract, segment};
use provaudit::outlets::registry::Registry;
use provaudit::store::StoredText;
use std::path::Path;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

const KEPT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/fuzz/inputs");

/// The longest one input may take through the pipeline in a debug build.
/// A hang guard: real articles take milliseconds.
const PER_INPUT: Duration = Duration::from_secs(20);

fn cases(default: u32) -> u32 {
    std::env::var("PROVAUDIT_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn runner(cases: u32) -> TestRunner {
    TestRunner::new(Config {
        cases,
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/data/fuzz/proptest-regressions.txt"
        )))),
        ..Config::default()
    })
}

fn registry() -> &'static (Registry, Entities) {
    static R: OnceLock<(Registry, Entities)> = OnceLock::new();
    R.get_or_init(|| {
        let registry = Registry::bundled();
        let entities = Entities::new(&registry);
        (registry, entities)
    })
}

/// One file through every per-document step of the pipeline.
fn pipeline(name: &str, bytes: &[u8]) {
    pipeline_within(name, bytes, PER_INPUT);
}

/// [`pipeline`] with its own bound on the time it may take.
fn pipeline_within(name: &str, bytes: &[u8], limit: Duration) {
    let (registry, entities) = registry();
    let started = Instant::now();
    let extracted = provaudit::text::extract(name.as_bytes(), bytes);
    if extracted.text_sha256.is_some() {
        let stored = StoredText {
            title: extracted.title.clone(),
            text: extracted.text.clone(),
            site_name: extracted.site_name.clone(),
            canonical_url: extracted.canonical_url.clone(),
            source: extracted.source.clone(),
            capture: extracted.capture.clone(),
            published: extracted.published.clone(),
            page_lines: extracted.page_lines.clone(),
        };
        let (found, _) = provaudit::outlets::identify_document(registry, &stored);
        let _ = found.explanation.len();
        let cleaned = provaudit::clean::article(&stored.text, &[]);
        let mut ctx = extract::Context::new(entities, &cleaned.text);
        for sentence in segment::sentences(&cleaned.text) {
            if let Some(claim) = extract::extract(&sentence, &mut ctx) {
                assert!(claim.start <= claim.end && claim.end <= cleaned.text.len());
                let _ = provaudit::claims::matching::features(&claim);
            }
        }
        // Every offset the cleaner hands on maps back inside the stored text.
        assert!(cleaned.source_offset(cleaned.text.len()) <= stored.text.len());
    }
    let took = started.elapsed();
    assert!(took < limit, "{name}: {took:?} for {} bytes", bytes.len());
}

/// Pieces of news pages and of attacks on them.
const PIECES: &[&str] = &[
    "TRIPOLI (Reuters) - ",
    "MOSCOW, August 5. /TASS/. ",
    "TEHRAN, Aug. 05 (MNA) – ",
    "TURNBERRY/GLASGOW, Scotland (Reuters) -",
    "Source: AFP\n",
    "SOURCE: AL JAZEERA AND NEWS AGENCIES\n",
    "© 2018 Thomson/Reuters.",
    "Reporting by Ahmed Elumami; Editing by Alex Richardson\n",
    "By: Anadolu | ",
    "(Xinhua/Li Ming) ",
    "Photo: AFP ",
    "-Bernama\n",
    "UrduPoint News / Sputnik ",
    "Iran Press TV\n",
    "The Associated Press contributed to this report.\n",
    "\"We will not stop,\" said Khalifa Haftar, the commander. ",
    "At least 1,093 people have been killed, according to the WHO. ",
    "The toll rose to 135, the health minister said on Friday. ",
    "a 6.4-magnitude quake struck 35 km (22 miles) north ",
    "U.N. envoy Ghassan Salame told Reuters ",
    // Rules that slice around a figure or a name, next to many-byte
    // characters ("corruption—the 12" once split the dash).
    "asked about corruption—the 12 people killed in the blast ",
    "concern over the quake—the 7.3-magnitude earthquake ",
    "a person familiar with the matter said ",
    "Abdoulaye Oumou Sow, an FNDC leader told AFP. ",
    "year,” said Rene Paciente, head of ",
    "Azilal, Chichaoua and Taroudant ",
    "Lt. Gen. (ret.) Rep. Ilhan Omar (D-MN) said ",
    "<html><head><meta charset=\"windows-1252\"><title>",
    "</title><meta property=\"og:site_name\" content=\"",
    "\"><link rel=\"canonical\" href=\"https://example.org/a\">",
    "</head><body>",
    "<p>",
    "</p>",
    "<div>",
    "<b><i><a href=x>",
    "<script>document.write('<p>')</script>",
    "<style>p{}</style>",
    "<!-- comment -->",
    "<!--",
    "<![CDATA[ x ]]>",
    "&amp;&lt;&#x202e;&#0;&nbsp;&bogus;",
    "[su_label]Libya[/su_label] [su_dropcap]L[/su_dropcap]ibyan ",
    "Leave a Reply\n",
    "\u{1b}]52;c;ZWNobyBwd25lZA==\u{7}",
    "\u{1b}[2J\r",
    "\u{9b}31m",
    "\u{202e}gnp.exe",
    "\u{200f}\u{200e}\u{feff}",
    "ليبيا — طرابلس ",
    "Тасс сообщает ",
    "“",
    "”",
    "‘",
    "’",
    "«",
    "»",
    "\n\n",
    "\n",
    " ",
    ".",
    "...",
    "1,000,000 ",
    "%0A%25 ",
    "\u{0}",
    // MHTML: headers, parts, quoted-printable.
    "From: <Saved by Blink>\r\n",
    "Snapshot-Content-Location: https://example.org/\u{1b}]0;x\u{7}\r\n",
    "Date: Tue, 02 Jan 2024 10:11:12 -0000\r\n",
    "Content-Type: multipart/related; type=\"text/html\"; boundary=\"b\"\r\n\r\n",
    "--b\r\nContent-Type: text/html; charset=\"koi8-r\"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n",
    "--b\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n",
    "=E2=80=93",
    "=3D",
    "=\r\n",
    "--b--\r\n",
];

fn text_input() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        4 => proptest::sample::select(PIECES).prop_map(|p| p.as_bytes().to_vec()),
        1 => proptest::collection::vec(any::<u8>(), 0..16),
    ];
    proptest::collection::vec(piece, 0..160).prop_map(|parts| parts.concat())
}

const PDF: &[u8] = include_bytes!("../data/pdf/chromium-print.pdf");

fn any_input() -> impl Strategy<Value = (String, Vec<u8>)> {
    let name = proptest::sample::select(
        &[
            "a.txt",
            "a.html",
            "a",
            "a.htm",
            "SHA256SUMS",
            "a.mhtml",
            "a.pdf",
        ][..],
    );
    let bytes = prop_oneof![
        3 => text_input(),
        1 => proptest::collection::vec(any::<u8>(), 0..4096),
        // A page saved as MHTML around generated text.
        1 => text_input().prop_map(|b| {
            let mut out = b"From: <Saved by Blink>\r\nSnapshot-Content-Location: https://example.org/a\r\n\
    Content-Type: multipart/related; type=\"text/html\"; boundary=\"b\"\r\n\r\n--b\r\n\
    Content-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
                .to_vec();
            out.extend(b);
            out.extend(b"\r\n--b--\r\n");
            out
        }),
        // A PDF printed by Chromium with a byte changed, or cut short.
        1 => (any::<usize>(), any::<u8>(), any::<bool>()).prop_map(|(at, b, cut)| {
            let mut pdf = PDF.to_vec();
            let at = at % pdf.len();
            if cut {
                pdf.truncate(at.max(6));
            } else {
                pdf[at] ^= b | 1;
            }
            pdf
        }),
        // UTF-16 with a byte-order mark, from generated text.
        1 => text_input().prop_map(|b| {
            let mut out = vec![0xFF, 0xFE];
            out.extend(String::from_utf8_lossy(&b).encode_utf16().flat_map(u16::to_le_bytes));
            out
        }),
    ];
    (name.prop_map(str::to_owned), bytes)
}

#[test]
fn the_text_pipeline_never_panics_and_bounds_every_input() {
    runner(cases(600))
        .run(&any_input(), |(name, bytes)| {
            pipeline(&name, &bytes);
            Ok(())
        })
        .unwrap();
}

#[test]
fn whole_audits_of_generated_corpora_store_every_file() {
    let files = proptest::collection::vec(any_input(), 1..4);
    runner(cases(600) / 10)
        .run(&files, |files| {
            let dir = tempfile::tempdir().unwrap();
            let corpus = dir.path().join("corpus");
            std::fs::create_dir(&corpus).unwrap();
            for (i, (name, bytes)) in files.iter().enumerate() {
                std::fs::write(corpus.join(format!("{i}-{name}")), bytes).unwrap();
            }
            let mut store = provaudit::store::Store::open_for_corpus(
                Some(&dir.path().join("s.sqlite")),
                &corpus,
            )
            .unwrap();
            let report = provaudit::pipeline::audit(
                &mut store,
                &corpus,
                &registry().0,
                Default::default(),
                &provaudit::progress::Control::none(),
            )
            .unwrap();
            prop_assert_eq!(report.documents.len(), files.len());
            Ok(())
        })
        .unwrap();
}

#[test]
fn every_kept_input_passes_the_pipeline() {
    let mut seen = 0;
    for entry in std::fs::read_dir(Path::new(KEPT)).unwrap() {
        let path = entry.unwrap().path();
        if path.file_name().is_some_and(|n| n == "README.md") {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        pipeline(&name, &bytes);
        seen += 1;
    }
    assert!(seen >= 5, "the kept inputs are missing from {KEPT}");
}

/// The inputs that once cost minutes to hours, generated (too large to keep
/// as files). A hang guard for a debug build on a shared machine, not a
/// benchmark: `scripts/bench` and the release binary measure speed (each of
/// these takes about a second there).
#[test]
fn the_inputs_that_once_hung_are_bounded() {
    const GUARD: Duration = Duration::from_secs(90);
    let deep = format!("<html><body>{}x</body></html>", "<div>".repeat(1_000_000));
    pipeline_within("deep.html", deep.as_bytes(), GUARD);
    let unclosed = "<b>".repeat(200_000);
    pipeline_within("bold.html", unclosed.as_bytes(), GUARD);
    let names = "Reuters (AP) — Source: AFP TASS Xinhua\n".repeat(30_000);
    pipeline_within("names.txt", names.as_bytes(), GUARD);
    let claims: String = (0..8_000)
        .map(|i| format!("<p>Officials said {i} people were killed, according to the WHO.</p>"))
        .collect();
    pipeline_within("claims.html", claims.as_bytes(), GUARD);
}

/// A received bag's tag files made of the pieces real bags and attacks hold
/// (labels, checksums, paths that climb out, percent escapes, encodings,
/// line ends) and raw bytes: `bag::check` never panics, never reads or
/// writes outside the bag, and a bag whose bytes were mangled is not valid
/// unless every rule still holds.
#[test]
fn arbitrary_tag_files_never_break_the_bag_checker() {
    let piece = prop_oneof![
        Just("BagIt-Version: 1.0\n".to_owned()),
        Just("BagIt-Version: 0.97\r\n".to_owned()),
        Just("Tag-File-Character-Encoding: UTF-8\n".to_owned()),
        Just("Tag-File-Character-Encoding: UTF-16\n".to_owned()),
        Just("Payload-Oxum: 1.1\n".to_owned()),
        Just("  continued\n".to_owned()),
        Just(format!(
            "{}  data/a.txt\n",
            "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb"
        )),
        Just("d41d8cd98f00b204e9800998ecf8427e *data/a.txt\n".to_owned()),
        Just("deadbeef  ../../../etc/passwd\n".to_owned()),
        Just("http://127.0.0.1:9/x - data/b.txt\n".to_owned()),
        Just("http://127.0.0.1:9/x 12 ~/.ssh/id_rsa\n".to_owned()),
        Just("data/%0A%25%0d\n".to_owned()),
        Just("\u{feff}".to_owned()),
        Just(": \n".to_owned()),
        "[ -~]{0,40}\n",
        any::<String>(),
    ];
    let file = proptest::collection::vec(piece, 0..8).prop_map(|p| p.concat());
    let bag = (file.clone(), file.clone(), file.clone(), file);
    let mut runner = runner(cases(150));
    runner
        .run(&bag, |(declaration, manifest, info, fetch)| {
            let dir = tempfile::tempdir().unwrap();
            let root = dir.path().join("bag");
            std::fs::create_dir_all(root.join("data")).unwrap();
            std::fs::write(root.join("data/a.txt"), "a").unwrap();
            std::fs::write(root.join("bagit.txt"), &declaration).unwrap();
            std::fs::write(root.join("manifest-sha256.txt"), &manifest).unwrap();
            std::fs::write(root.join("bag-info.txt"), &info).unwrap();
            std::fs::write(root.join("fetch.txt"), &fetch).unwrap();
            let started = Instant::now();
            let check = provaudit::bag::check(&root).unwrap();
            prop_assert!(started.elapsed() < PER_INPUT);
            // Valid only with the one line that lists data/a.txt rightly.
            if check.valid {
                prop_assert!(manifest.contains("  data/a.txt"), "{manifest:?}");
            }
            for finding in &check.findings {
                prop_assert!(!finding.message.is_empty());
            }
            Ok(())
        })
        .unwrap();
}

/// Generated web archives — records of every type around generated pages,
/// lengths that lie, gzip members or not, cut anywhere — never panic or
/// hang the reader or a whole audit; every record found lies inside the
/// file, and the archive itself is always stored.
#[test]
fn generated_web_archives_never_break_the_reader_or_the_audit() {
    let kinds = proptest::sample::select(
        &[
            "response", "resource", "request", "warcinfo", "revisit", "metadata",
        ][..],
    );
    let record = (
        kinds,
        proptest::sample::select(&["http://example.org/a", "metadata://x", "<http://b.example/>", ""][..]),
        text_input(),
        -3i64..3,
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(kind, uri, body, delta, http, gzip)| {
            let mut block = Vec::new();
            if http {
                block.extend(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n");
            }
            block.extend(body);
            let length = (block.len() as i64 + delta).max(0);
            let mut r = format!(
                "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-01-02T03:04:05Z\r\n\
                 WARC-Payload-Digest: sha1:AAAA\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {length}\r\n\r\n"
            )
            .into_bytes();
            r.extend(block);
            r.extend(b"\r\n\r\n");
            if gzip {
                use std::io::Write;
                let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
                e.write_all(&r).unwrap();
                e.finish().unwrap()
            } else {
                r
            }
        });
    let archive =
        (proptest::collection::vec(record, 1..6), any::<u16>()).prop_map(|(records, cut)| {
            let mut bytes = records.concat();
            if cut % 3 == 0 {
                let at = cut as usize % bytes.len().max(1);
                bytes.truncate(at.max(1));
            }
            bytes
        });
    runner(cases(600) / 5)
        .run(&archive, |bytes| {
            let dir = tempfile::tempdir().unwrap();
            let corpus = dir.path().join("corpus");
            std::fs::create_dir(&corpus).unwrap();
            let path = corpus.join("a.warc");
            std::fs::write(&path, &bytes).unwrap();
            let started = Instant::now();
            let mut found = Vec::new();
            let problems = provaudit::warc::read(&path, &|_| true, &mut |r| {
                found.push((r.offset, r.inner, r.stored_length))
            })
            .unwrap();
            prop_assert!(started.elapsed() < PER_INPUT);
            let len = bytes.len() as u64;
            for (offset, _, stored) in &found {
                prop_assert!(*offset < len);
                prop_assert!(offset + stored.unwrap_or(0) <= len);
            }
            for p in &problems {
                prop_assert!(p.offset < len && !p.message.is_empty());
            }
            let mut store = provaudit::store::Store::open_for_corpus(
                Some(&dir.path().join("s.sqlite")),
                &corpus,
            )
            .unwrap();
            let report = provaudit::pipeline::audit(
                &mut store,
                &corpus,
                &registry().0,
                Default::default(),
                &provaudit::progress::Control::none(),
            )
            .unwrap();
            prop_assert!(report.documents.iter().any(|d| d.path == "a.warc"));
            prop_assert!(started.elapsed() < PER_INPUT * 4);
            Ok(())
        })
        .unwrap();
}
