//! The pages of a WARC file as documents: each `response` or `resource`
//! record holding an HTML or text page becomes a document of its own, named
//! `<file>/@<offset>` (the record's place, as CDX indexes name it), with the
//! record's target address and date as its capture. The WARC file itself is
//! kept as one document too (the evidence file verify re-hashes and exports
//! copy), with every record it holds listed in the store (migration 0015).

use crate::relpath::RelPath;
use crate::scan::{Candidate, describe_io};
use crate::store::{NewDocument, WarcRecordRow};
use crate::text::{self, Capture, ContentKind};
use crate::warc::{self, DigestCheck, Record};
use std::collections::HashMap;

/// Whether a file's name says it is a WARC (for files too large to be kept
/// in memory, whose first bytes are not looked at).
pub fn named_like_warc(name: &[u8]) -> bool {
    let name = String::from_utf8_lossy(name).to_ascii_lowercase();
    name.ends_with(".warc") || name.ends_with(".warc.gz")
}

/// Whether a file is a WACZ: a zip named `.wacz`, or a zip whose names
/// include `datapackage.json` (read from its bytes when they were kept).
pub fn looks_like_wacz(name: &[u8], bytes: Option<&[u8]>) -> bool {
    let named = String::from_utf8_lossy(name)
        .to_ascii_lowercase()
        .ends_with(".wacz");
    match bytes {
        Some(b) => {
            b.starts_with(b"PK\x03\x04")
                && (named || b.windows(16).any(|w| w == b"datapackage.json"))
        }
        None => named,
    }
}

/// A page record's document name: the WARC file's path, `/@`, the record's
/// offset (and `+inner` inside a shared gzip member). No file can have that
/// path while the WARC file exists, since a file is not a folder.
pub fn record_path(container: &RelPath, offset: u64, inner: u64) -> RelPath {
    let mut bytes = container.as_bytes().to_vec();
    bytes.extend_from_slice(format!("/@{offset}").as_bytes());
    if inner > 0 {
        bytes.extend_from_slice(format!("+{inner}").as_bytes());
    }
    RelPath::from_bytes(bytes)
}

/// Wanted blocks: the file's description, and what may be a page.
fn keep(headers: &[(String, String)]) -> bool {
    let get = |name: &str| {
        headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.to_ascii_lowercase())
    };
    match get("WARC-Type").as_deref() {
        Some("warcinfo" | "response") => true,
        Some("resource") => get("Content-Type").is_none_or(|t| is_page_type(&t)),
        _ => false,
    }
}

fn is_page_type(media: &str) -> bool {
    let media = media.split(';').next().unwrap_or("").trim();
    matches!(
        media,
        "text/html"
            | "application/xhtml+xml"
            | "text/plain"
            | "application/pdf"
            | ""
            | "application/octet-stream"
    )
}

fn check_name(check: &DigestCheck) -> &'static str {
    match check {
        DigestCheck::Absent => "absent",
        DigestCheck::Matches { .. } => "matches",
        DigestCheck::Differs { .. } => "differs",
        DigestCheck::Unchecked { .. } => "unchecked",
    }
}

fn declared(check: &DigestCheck) -> Option<String> {
    match check {
        DigestCheck::Absent => None,
        DigestCheck::Matches { declared }
        | DigestCheck::Differs { declared, .. }
        | DigestCheck::Unchecked { declared } => Some(declared.clone()),
    }
}

/// Where the records being read sit: the corpus file (a WARC, or the WACZ
/// holding it) and the name pages are given, `<file>` for a WARC,
/// `<file.wacz>/archive/<name>.warc.gz` for a WARC inside a WACZ.
struct Origin<'a> {
    candidate: &'a Candidate,
    name: RelPath,
    /// The titles a WACZ's `pages/pages.jsonl` gives its pages' addresses.
    titles: Option<&'a HashMap<String, String>>,
}

/// Reads the WARC file `candidate` (whose SHA-256 and length the caller
/// computed), handing each page's document to `emit` as it is read, each
/// record that cannot be read as an error naming it, and last the file's own
/// document with every record listed.
pub fn read(
    candidate: &Candidate,
    sha256: &str,
    bytes: u64,
    emit: &mut dyn FnMut(Result<NewDocument, String>),
) {
    let origin = Origin {
        candidate,
        name: candidate.path.clone(),
        titles: None,
    };
    let source = match std::fs::File::open(&candidate.abs) {
        Ok(f) => f,
        Err(e) => return emit(Err(describe_io(&e))),
    };
    let mut rows = Vec::new();
    let mut unlisted = 0;
    let problems = match pages_of(&origin, source, &mut rows, &mut unlisted, emit) {
        Ok(problems) => problems,
        Err(e) => return emit(Err(describe_io(&e))),
    };
    let mut notes: Vec<String> = unlisted_note(unlisted).into_iter().collect();
    if problems > 0 {
        notes.push(format!(
            "{problems} part{} of the archive could not be read as records (see the errors)",
            if problems == 1 { "" } else { "s" }
        ));
    }
    emit(Ok(container_document(
        candidate, sha256, bytes, notes, rows,
    )));
}

/// The archive file's own document: evidence, not analysed, every record
/// it holds listed.
fn container_document(
    candidate: &Candidate,
    sha256: &str,
    bytes: u64,
    notes: Vec<String>,
    rows: Vec<WarcRecordRow>,
) -> NewDocument {
    NewDocument {
        path: candidate.path.clone(),
        bytes,
        mtime_ns: candidate.mtime_ns,
        sha256: sha256.to_string(),
        text_sha256: None,
        encoding: None,
        kind: ContentKind::Binary,
        title: None,
        site_name: None,
        canonical_url: None,
        source: None,
        text: None,
        notes,
        extracted_with: text::EXTRACTION_VERSION,
        capture: None,
        published: None,
        page_lines: None,
        container: None,
        warc_records: Some(rows),
    }
}

/// Reads the records of one WARC from `source`, adding a row for each to
/// `rows` and handing each page's document (and each unreadable part, as an
/// error) to `emit`. Returns how many parts could not be read.
fn pages_of<R: std::io::Read + std::io::Seek>(
    origin: &Origin,
    source: R,
    rows: &mut Vec<WarcRecordRow>,
    unlisted: &mut u64,
    emit: &mut dyn FnMut(Result<NewDocument, String>),
) -> std::io::Result<usize> {
    let mut software: Option<String> = None;
    let problems = warc::read_from(source, &keep, &mut |record| {
        if record.kind() == "warcinfo"
            && let Some(found) = record.block.as_deref().and_then(software_of)
        {
            software = Some(found);
        }
        let mut row = row_of(&origin.name, &record, software.clone());
        let page = matches!(record.kind(), "response" | "resource")
            .then(|| page_document(origin, &record, &mut row))
            .flatten();
        if let Some(doc) = page {
            row.document = Some(doc.path.clone());
            emit(Ok(doc));
            rows.push(row);
        } else if rows.len() < MAX_CONTEXT_ROWS {
            // The records that are not pages (requests, metadata, images…)
            // are listed up to a bound, so a flood of them cannot fill
            // memory and the store; pages are always listed.
            rows.push(row);
        } else {
            *unlisted += 1;
        }
    })?;
    let count = problems.len();
    let more = count.saturating_sub(MAX_PROBLEMS);
    if more > 0 {
        emit(Err(format!(
            "{more} more parts of the archive cannot be read as records; the first {MAX_PROBLEMS} are named"
        )));
    }
    for problem in problems.into_iter().take(MAX_PROBLEMS) {
        let message = problem.to_string();
        emit(Err(if origin.name == origin.candidate.path {
            message
        } else {
            let inner = &origin.name.as_bytes()[origin.candidate.path.as_bytes().len() + 1..];
            format!(
                "{}: {message}",
                crate::escape::visible(&String::from_utf8_lossy(inner))
            )
        }));
    }
    Ok(count)
}

/// Unreadable parts named one by one per archive, at most.
const MAX_PROBLEMS: usize = 20;
/// Records that are not pages listed per archive file, at most.
const MAX_CONTEXT_ROWS: usize = 100_000;
/// Longest header value kept in a record's row.
const MAX_FIELD: usize = 2048;

fn field(value: Option<&str>) -> Option<String> {
    value.map(|v| warc::cut(v, MAX_FIELD))
}

fn unlisted_note(unlisted: u64) -> Option<String> {
    (unlisted > 0).then(|| {
        format!(
            "{unlisted} more records that are not pages are not listed (at most {MAX_CONTEXT_ROWS} are)"
        )
    })
}

/// Reads the WACZ file `candidate` (Webrecorder's packaging of web
/// archives, version 1.1): checks `datapackage.json`'s SHA-256 of every
/// file it lists, says whether `datapackage-digest.json` is there and
/// signed, and reads each WARC under `archive/` in place (its pages named
/// `<file.wacz>/archive/<name>/@<offset>`), then hands on the WACZ's own
/// document with every record listed.
pub fn read_wacz(
    candidate: &Candidate,
    sha256: &str,
    bytes: u64,
    emit: &mut dyn FnMut(Result<NewDocument, String>),
) {
    let mut notes = Vec::new();
    let mut rows = Vec::new();
    let mut unlisted = 0;
    let opened = std::fs::File::open(&candidate.abs)
        .map_err(|e| describe_io(&e))
        .and_then(|f| {
            zip::ZipArchive::new(f).map_err(|e| {
                format!(
                    "a WACZ file that is not a readable zip ({e}): kept as evidence, not analysed"
                )
            })
        });
    let mut zip = match opened {
        Ok(zip) => zip,
        Err(message) => {
            emit(Err(message));
            return emit(Ok(container_document(
                candidate, sha256, bytes, notes, rows,
            )));
        }
    };
    let names: Vec<String> = zip
        .file_names()
        .filter_map(|n| n.ok().map(|n| n.into_owned()))
        .collect();
    notes.extend(check_package(&mut zip, &names, bytes));
    let (listed, pages_notes) = listed_pages(&mut zip);
    notes.extend(pages_notes);
    let titles: HashMap<String, String> = listed
        .iter()
        .filter_map(|p| Some((same_address(&p.url), p.title.clone()?)))
        .collect();
    let warcs = wacz_warcs(&names);
    if warcs.is_empty() {
        notes.push("a WACZ file with no WARC under archive/: nothing to read".into());
    }
    let mut problems = 0;
    for name in warcs {
        let origin = Origin {
            candidate,
            name: inside(&candidate.path, name),
            titles: Some(&titles),
        };
        let shown = crate::escape::visible(name).into_owned();
        let read = match open_wacz_warc(&candidate.abs, &mut zip, name) {
            Ok(source) => pages_of(&origin, source, &mut rows, &mut unlisted, emit),
            Err(WaczEntry::TooLarge) => {
                notes.push(format!(
                    "{shown} is compressed inside the zip and larger than {} MiB: not read (the WACZ format stores WARC files uncompressed)",
                    WACZ_INFLATE_LIMIT >> 20
                ));
                continue;
            }
            Err(WaczEntry::Unreadable(message)) => {
                emit(Err(format!("{shown}: {message}")));
                continue;
            }
        };
        match read {
            Ok(n) => problems += n,
            Err(e) => emit(Err(format!("{shown}: {}", describe_io(&e)))),
        }
    }
    if let Some(note) = pages_not_found(&listed, &rows) {
        notes.push(note);
    }
    if problems > 0 {
        notes.push(format!(
            "{problems} part{} of the archive could not be read as records (see the errors)",
            if problems == 1 { "" } else { "s" }
        ));
    }
    emit(Ok(container_document(
        candidate, sha256, bytes, notes, rows,
    )));
}

/// A page a WACZ's `pages/pages.jsonl` (or `extraPages.jsonl`) lists: what
/// the crawler was asked to capture, with the title it saw.
#[derive(Debug)]
struct ListedPage {
    url: String,
    title: Option<String>,
}

/// Largest pages list read.
const PAGES_LIMIT: u64 = 64 << 20;

/// The pages a WACZ lists (`pages/pages.jsonl`, `pages/extraPages.jsonl`:
/// a header line, then one JSON object a page with `url`, `ts`, `title`),
/// and what a reviewer should know about the lists.
fn listed_pages<R: std::io::Read + std::io::Seek>(
    zip: &mut zip::ZipArchive<R>,
) -> (Vec<ListedPage>, Vec<String>) {
    let mut pages = Vec::new();
    let mut notes = Vec::new();
    let mut found_any = false;
    for name in ["pages/pages.jsonl", "pages/extraPages.jsonl"] {
        let Ok(entry) = zip.by_name(name) else {
            continue;
        };
        found_any = true;
        if entry.size() > PAGES_LIMIT {
            notes.push(format!(
                "its {name} is larger than {} MiB: not read",
                PAGES_LIMIT >> 20
            ));
            continue;
        }
        let mut bytes = Vec::new();
        if std::io::Read::read_to_end(&mut std::io::Read::take(entry, PAGES_LIMIT), &mut bytes)
            .is_err()
        {
            notes.push(format!("its {name} cannot be read from the zip"));
            continue;
        }
        let mut unreadable = 0;
        for line in String::from_utf8_lossy(&bytes).lines() {
            if line.trim().is_empty() {
                continue;
            }
            let Ok(value) = serde_json::from_str::<serde_json::Value>(line) else {
                unreadable += 1;
                continue;
            };
            // The header line names the format; pages have an address.
            if let Some(url) = value.get("url").and_then(|u| u.as_str()) {
                pages.push(ListedPage {
                    url: warc::cut(url, MAX_FIELD),
                    title: value
                        .get("title")
                        .and_then(|t| t.as_str())
                        .map(str::trim)
                        .filter(|t| !t.is_empty())
                        .map(|t| warc::cut(t, MAX_FIELD)),
                });
            }
        }
        if unreadable > 0 {
            notes.push(format!(
                "{unreadable} line{} of its {name} {} not JSON: skipped",
                if unreadable == 1 { "" } else { "s" },
                if unreadable == 1 { "is" } else { "are" }
            ));
        }
    }
    if !found_any {
        notes.push(
            "a WACZ without pages/pages.jsonl (the list of pages its crawler captured, which WACZ 1.1 requires): its pages are found from the WARC records alone"
                .into(),
        );
    }
    (pages, notes)
}

/// An address as two writers may spell it differently: scheme and host in
/// lower case, no default port, no fragment, unreserved characters not
/// percent-encoded (`%7Euser` is `~user`). An address that does not parse
/// stays as written.
fn same_address(url: &str) -> String {
    let Ok(mut parsed) = url::Url::parse(url.trim()) else {
        return url.to_owned();
    };
    parsed.set_fragment(None);
    let text = parsed.as_str();
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('%') {
        out.push_str(&rest[..at]);
        let hex = rest.get(at + 1..at + 3);
        match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
            Some(b) if b.is_ascii_alphanumeric() || b"-._~".contains(&b) => {
                out.push(b as char);
                rest = &rest[at + 3..];
            }
            _ => {
                out.push('%');
                rest = &rest[at + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The listed pages the archive holds no record of (a response, resource
/// or revisit for that address, a redirect included), named (the first
/// few): a capture the crawler reported that is not in the package.
fn pages_not_found(listed: &[ListedPage], rows: &[WarcRecordRow]) -> Option<String> {
    let held: std::collections::HashSet<String> = rows
        .iter()
        .filter(|r| matches!(r.warc_type.as_str(), "response" | "resource" | "revisit"))
        .filter_map(|r| r.target_uri.as_deref())
        .map(same_address)
        .collect();
    let missing: Vec<&str> = listed
        .iter()
        .map(|p| p.url.as_str())
        .filter(|u| !held.contains(&same_address(u)))
        .collect();
    if missing.is_empty() {
        return None;
    }
    const SHOWN: usize = 5;
    let named: Vec<String> = missing
        .iter()
        .take(SHOWN)
        .map(|u| format!("‘{}’", crate::escape::visible(u)))
        .collect();
    let more = missing.len().saturating_sub(SHOWN);
    Some(format!(
        "its pages list names {} page{} the archive holds no record of: {}{}",
        missing.len(),
        if missing.len() == 1 { "" } else { "s" },
        named.join(", "),
        if more > 0 {
            format!(" and {more} more")
        } else {
            String::new()
        }
    ))
}

/// The WARC files a WACZ holds under `archive/`, in name order.
fn wacz_warcs(names: &[String]) -> Vec<&String> {
    let mut warcs: Vec<&String> = names
        .iter()
        .filter(|n| {
            let lower = n.to_ascii_lowercase();
            lower.starts_with("archive/")
                && (lower.ends_with(".warc") || lower.ends_with(".warc.gz"))
        })
        .collect();
    warcs.sort();
    warcs
}

/// The name a WARC inside a WACZ gives its pages: `site.wacz/archive/x.warc.gz`.
fn inside(wacz: &RelPath, name: &str) -> RelPath {
    let mut label = wacz.as_bytes().to_vec();
    label.push(b'/');
    label.extend_from_slice(name.as_bytes());
    RelPath::from_bytes(label)
}

/// A source that reads and seeks: a slice of the zip file, or memory.
trait ReadSeek: std::io::Read + std::io::Seek {}
impl<T: std::io::Read + std::io::Seek> ReadSeek for T {}

/// Why a WARC inside a WACZ is not read.
enum WaczEntry {
    /// Compressed inside the zip, and larger than [`WACZ_INFLATE_LIMIT`].
    TooLarge,
    Unreadable(String),
}

/// Opens the WARC `name` of the WACZ file at `path`: read in place when
/// stored uncompressed as the WACZ format asks, else inflated into memory
/// up to [`WACZ_INFLATE_LIMIT`].
fn open_wacz_warc(
    path: &std::path::Path,
    zip: &mut zip::ZipArchive<std::fs::File>,
    name: &str,
) -> Result<Box<dyn ReadSeek>, WaczEntry> {
    let unreadable = |e: &dyn std::fmt::Display| {
        WaczEntry::Unreadable(format!("cannot be read from the zip ({e})"))
    };
    let (stored, start, size) = match zip.by_name(name) {
        Ok(e) => (
            e.compression() == zip::CompressionMethod::Stored,
            e.data_start(),
            e.size(),
        ),
        Err(e) => return Err(unreadable(&e)),
    };
    match (stored, start) {
        (true, Some(start)) => std::fs::File::open(path)
            .and_then(|f| warc::Slice::new(f, start, size))
            .map(|slice| Box::new(slice) as Box<dyn ReadSeek>)
            .map_err(|e| WaczEntry::Unreadable(describe_io(&e))),
        _ if size <= WACZ_INFLATE_LIMIT => {
            let entry = zip.by_name(name).map_err(|e| unreadable(&e))?;
            let mut bytes = Vec::with_capacity(size as usize);
            std::io::Read::read_to_end(
                &mut std::io::Read::take(entry, WACZ_INFLATE_LIMIT),
                &mut bytes,
            )
            .map_err(|e| WaczEntry::Unreadable(describe_io(&e)))?;
            Ok(Box::new(std::io::Cursor::new(bytes)))
        }
        _ => Err(WaczEntry::TooLarge),
    }
}

/// Largest WARC compressed inside a WACZ's zip that is read into memory.
const WACZ_INFLATE_LIMIT: u64 = 256 << 20;
/// Largest `datapackage.json` read.
const PACKAGE_LIMIT: u64 = 4 << 20;

/// What `datapackage.json` and `datapackage-digest.json` say against the
/// zip's bytes: one note per finding, none when all is as listed.
fn check_package<R: std::io::Read + std::io::Seek>(
    zip: &mut zip::ZipArchive<R>,
    names: &[String],
    zip_bytes: u64,
) -> Vec<String> {
    use sha2::Digest;
    let mut notes = Vec::new();
    // Bytes inflated to check hashes, at most: the WARC reader's bound.
    let mut budget = zip_bytes.saturating_mul(64).saturating_add(64 << 20);
    let read_small = |zip: &mut zip::ZipArchive<R>, name: &str| -> Option<Vec<u8>> {
        let entry = zip.by_name(name).ok()?;
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut std::io::Read::take(entry, PACKAGE_LIMIT), &mut bytes)
            .ok()?;
        Some(bytes)
    };
    if zip
        .by_name("datapackage.json")
        .is_ok_and(|e| e.size() > PACKAGE_LIMIT)
    {
        notes.push(format!(
            "its datapackage.json is larger than {} MiB: not read, its files' hashes not checked",
            PACKAGE_LIMIT >> 20
        ));
        return notes;
    }
    let Some(package) = read_small(zip, "datapackage.json") else {
        notes.push(
            "a WACZ file without datapackage.json: its files' hashes cannot be checked".into(),
        );
        return notes;
    };
    let package_sha256 = crate::fingerprint::sha256_hex(&package);
    let Ok(value) = serde_json::from_slice::<serde_json::Value>(&package) else {
        notes.push("its datapackage.json is not JSON: its files' hashes cannot be checked".into());
        return notes;
    };
    let resources = value["resources"].as_array().cloned().unwrap_or_default();
    let mut listed = std::collections::HashSet::new();
    for resource in &resources {
        let Some(path) = resource["path"].as_str() else {
            continue;
        };
        // Each file is hashed once, however often it is listed.
        if !listed.insert(path.to_string()) {
            continue;
        }
        if notes.len() > MAX_PROBLEMS {
            continue;
        }
        let shown = crate::escape::visible(path).into_owned();
        let declared = resource["hash"].as_str().unwrap_or("");
        let Ok(mut entry) = zip.by_name(path) else {
            notes.push(format!(
                "datapackage.json lists {shown}, which the zip does not hold"
            ));
            continue;
        };
        let Some(expected) = declared.strip_prefix("sha256:") else {
            notes.push(format!(
                "datapackage.json gives {shown} no SHA-256 hash ({}): not checked",
                crate::escape::visible(declared)
            ));
            continue;
        };
        let mut hasher = sha2::Sha256::new();
        let mut buf = vec![0u8; 1 << 16];
        let mut total = 0u64;
        let read = loop {
            if total >= budget {
                break Err(std::io::Error::other(
                    "the package inflates to more than 64 times its size: the rest of its hashes are not checked",
                ));
            }
            match std::io::Read::read(&mut entry, &mut buf) {
                Ok(0) => break Ok(()),
                Ok(n) => {
                    hasher.update(&buf[..n]);
                    total += n as u64;
                }
                Err(e) => break Err(e),
            }
        };
        budget = budget.saturating_sub(total);
        if let Err(e) = read {
            notes.push(format!(
                "{shown} cannot be read from the zip to check its hash ({e})"
            ));
            continue;
        }
        let actual = crate::fingerprint::hex(&hasher.finalize());
        if !actual.eq_ignore_ascii_case(expected) {
            notes.push(format!(
                "datapackage.json gives {shown} the SHA-256 {}, but its bytes give {actual}: the package is not what its creator wrote",
                crate::escape::visible(expected)
            ));
        } else if let Some(size) = resource["bytes"].as_u64().filter(|b| *b != total) {
            notes.push(format!(
                "datapackage.json gives {shown} {size} bytes; it holds {total}"
            ));
        }
    }
    let mut seen = std::collections::HashSet::new();
    for name in names {
        if !seen.insert(name.as_str()) {
            notes.push(format!(
                "the zip holds two files named {}: which one a reader takes differs from reader to reader",
                crate::escape::visible(name)
            ));
        }
        let meta = matches!(
            name.as_str(),
            "datapackage.json" | "datapackage-digest.json"
        );
        if !meta && !name.ends_with('/') && !listed.contains(name) {
            notes.push(format!(
                "the zip holds {}, which datapackage.json does not list (its hash is not checked)",
                crate::escape::visible(name)
            ));
        }
    }
    if notes.len() > MAX_PROBLEMS {
        let more = notes.len() - MAX_PROBLEMS;
        notes.truncate(MAX_PROBLEMS);
        notes.push(format!(
            "and at least {more} more findings about the package's files like these (the first {MAX_PROBLEMS} are named)"
        ));
    }
    match read_small(zip, "datapackage-digest.json")
        .and_then(|b| serde_json::from_slice::<serde_json::Value>(&b).ok())
    {
        None => {}
        Some(digest) => {
            let hash = digest["hash"].as_str().unwrap_or("");
            if !hash
                .strip_prefix("sha256:")
                .is_some_and(|h| h.eq_ignore_ascii_case(&package_sha256))
            {
                notes.push(format!(
                    "datapackage-digest.json gives datapackage.json the hash {}, but its bytes give sha256:{package_sha256}",
                    crate::escape::visible(hash)
                ));
            }
            if digest.get("signedData").is_some() || digest.get("signature").is_some() {
                notes.push(
                    "datapackage-digest.json is signed; the signature is not verified by this tool (it needs the signer's certificate chain online)".into(),
                );
            }
        }
    }
    notes
}

/// The `software` field of a warcinfo record's block.
fn software_of(block: &[u8]) -> Option<String> {
    String::from_utf8_lossy(block).lines().find_map(|line| {
        let (name, value) = line.split_once(':')?;
        (name.trim().eq_ignore_ascii_case("software") && !value.trim().is_empty())
            .then(|| value.trim().chars().take(200).collect())
    })
}

fn row_of(container: &RelPath, record: &Record, software: Option<String>) -> WarcRecordRow {
    let refers_to = record
        .header("WARC-Refers-To-Target-URI")
        .or(record.header("WARC-Refers-To"));
    let refers_to = field(refers_to);
    WarcRecordRow {
        container: container.clone(),
        offset: record.offset,
        inner: record.inner,
        stored_length: record.stored_length,
        warc_type: record.kind().to_string(),
        record_id: field(record.header("WARC-Record-ID")),
        target_uri: field(record.target_uri()),
        warc_date: field(record.header("WARC-Date")),
        sha256: record.sha256.clone(),
        block_length: record.block_length,
        block_digest: declared(&record.block_digest),
        block_check: check_name(&record.block_digest).into(),
        payload_digest: declared(&record.payload_digest),
        payload_check: check_name(&record.payload_digest).into(),
        refers_to,
        http_status: None,
        media_type: record.header("Content-Type").map(|t| {
            t.split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase()
        }),
        software,
        document: None,
    }
}

/// The document of a record holding a page, if it holds one: a successful
/// HTTP response (or a resource) of HTML or plain text.
fn page_document(origin: &Origin, record: &Record, row: &mut WarcRecordRow) -> Option<NewDocument> {
    let block = record.block.as_deref()?;
    // A page of the web: not a crawler's log or a screenshot's address
    // (`metadata://`, `urn:`), which no outlet published.
    let uri = record.target_uri()?.to_ascii_lowercase();
    if !(uri.starts_with("http://") || uri.starts_with("https://")) {
        return None;
    }
    let mut notes = Vec::new();
    let (body, media) = if record.kind() == "response" {
        let response = warc::http_response(block)?;
        row.http_status = Some(response.status);
        row.media_type = response.media_type();
        if !(200..300).contains(&response.status) {
            return None;
        }
        if let Some(note) = &response.note {
            notes.push(note.clone());
        }
        let media = response.media_type();
        (response.body, media)
    } else {
        let mut body = block.to_vec();
        if body.len() as u64 > warc::PAGE_LIMIT {
            body.truncate(warc::PAGE_LIMIT as usize);
            notes.push(format!(
                "the page is larger than {} MiB: its first {} MiB are read, and the size and SHA-256 given for it are of those {} MiB (the record's own digest covers it whole)",
                warc::PAGE_LIMIT >> 20,
                warc::PAGE_LIMIT >> 20,
                warc::PAGE_LIMIT >> 20
            ));
        }
        (body, row.media_type.clone())
    };
    if body.is_empty() {
        return None;
    }
    // Read as the file a browser would have saved: a page, a text, a PDF.
    let name: &[u8] = match media.as_deref() {
        Some("text/html" | "application/xhtml+xml") => b"page.html",
        Some("text/plain") => b"page.txt",
        Some("application/pdf") => b"page.pdf",
        None | Some("" | "application/octet-stream") if text::pdf::looks_like_pdf(&body) => {
            b"page.pdf"
        }
        None | Some("" | "application/octet-stream") if text::looks_like_html(b"", &body) => {
            b"page.html"
        }
        None | Some("" | "application/octet-stream") => b"page.txt",
        Some(_) => return None,
    };
    if let Some(date) = record.header("WARC-Date")
        && chrono::DateTime::parse_from_rfc3339(date).is_err()
    {
        notes.push(format!(
            "its WARC-Date ‘{}’ is not a date and time (RFC 3339): the capture time is not known",
            crate::escape::visible(&warc::cut(date, 64))
        ));
    }
    if media.as_deref() == Some("application/pdf") && !text::pdf::looks_like_pdf(&body) {
        notes.push(
            "served as a PDF (application/pdf) but its bytes are not a PDF: read as what they are"
                .into(),
        );
    }
    let mut extracted = text::extract(name, &body);
    if extracted.title.is_none()
        && let Some(listed) = origin
            .titles
            .zip(record.target_uri())
            .and_then(|(titles, uri)| titles.get(&same_address(uri)))
    {
        // The title the crawler saw, as the package's pages list gives it.
        extracted.title = Some(listed.clone());
    }
    for (which, check) in [
        ("WARC-Payload-Digest", &record.payload_digest),
        ("WARC-Block-Digest", &record.block_digest),
    ] {
        if let DigestCheck::Differs { declared, computed } = check {
            notes.push(format!(
                "the record's {which} is {} but its bytes give {}: the record is not what its writer wrote",
                crate::escape::visible(declared),
                computed
            ));
        }
    }
    notes.extend(extracted.notes);
    let has_text = extracted.text_sha256.is_some();
    Some(NewDocument {
        path: record_path(&origin.name, record.offset, record.inner),
        bytes: body.len() as u64,
        mtime_ns: origin.candidate.mtime_ns,
        sha256: crate::fingerprint::sha256_hex(&body),
        text_sha256: extracted.text_sha256,
        encoding: extracted.encoding,
        kind: extracted.kind,
        title: extracted.title,
        site_name: extracted.site_name,
        canonical_url: extracted.canonical_url,
        source: extracted.source,
        text: has_text.then_some(extracted.text),
        notes,
        extracted_with: text::EXTRACTION_VERSION,
        capture: Some(Capture {
            url: record.target_uri().map(str::to_string),
            // A time that is not one is named in the notes, not stated.
            at: record
                .header("WARC-Date")
                .filter(|d| chrono::DateTime::parse_from_rfc3339(d).is_ok())
                .map(str::to_string),
            format: "warc".into(),
            record: None,
        }),
        published: extracted.published,
        page_lines: extracted.page_lines,
        container: Some(origin.candidate.path.clone()),
        warc_records: None,
    })
}

/// Each record's SHA-256 in the archive file at `path` now, keyed as the
/// store keys them (the WARC holding it, offset, place inside its member),
/// and what could not be read: how verify names the records of a changed
/// archive. `rel` is the file's path in the corpus; `wacz` whether it is a
/// WACZ (its WARCs read from the zip).
pub fn current_records(
    path: &std::path::Path,
    rel: &RelPath,
    wacz: bool,
) -> std::io::Result<(RecordHashes, Vec<String>)> {
    let mut hashes = std::collections::HashMap::new();
    let mut problems = Vec::new();
    if !wacz {
        hashes_of(std::fs::File::open(path)?, rel, &mut hashes, &mut problems)?;
        return Ok((hashes, problems));
    }
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path)?)
        .map_err(|e| std::io::Error::other(format!("not a readable zip: {e}")))?;
    let names: Vec<String> = zip
        .file_names()
        .filter_map(|n| n.ok().map(|n| n.into_owned()))
        .collect();
    for name in wacz_warcs(&names) {
        match open_wacz_warc(path, &mut zip, name) {
            Ok(source) => hashes_of(source, &inside(rel, name), &mut hashes, &mut problems)?,
            Err(WaczEntry::TooLarge) => {}
            Err(WaczEntry::Unreadable(message)) => {
                problems.push(format!("{}: {message}", crate::escape::visible(name)))
            }
        }
    }
    Ok((hashes, problems))
}

/// Each record's SHA-256 and what it is (`response http://…`), by the WARC
/// holding it, its offset and its place inside a shared member.
pub type RecordHashes = std::collections::HashMap<(RelPath, u64, u64), (String, String)>;

fn hashes_of<R: std::io::Read + std::io::Seek>(
    source: R,
    container: &RelPath,
    hashes: &mut RecordHashes,
    problems: &mut Vec<String>,
) -> std::io::Result<()> {
    let found = warc::read_from(source, &|_| false, &mut |r| {
        let what = match r.target_uri() {
            Some(uri) => format!("{} {}", r.kind(), warc::cut(uri, 200)),
            None => r.kind().to_string(),
        };
        hashes.insert(
            (container.clone(), r.offset, r.inner),
            (r.sha256.clone(), what),
        );
    })?;
    problems.extend(found.iter().map(ToString::to_string));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::same_address;

    /// One address as crawlers and their page lists write it.
    #[test]
    fn an_address_is_the_same_however_it_is_spelled() {
        let canonical = same_address("https://www.reuters.com/~user/x");
        for spelling in [
            "HTTPS://WWW.REUTERS.COM/~user/x",
            "https://www.reuters.com:443/~user/x",
            "https://www.reuters.com/%7Euser/x",
            "https://www.reuters.com/~user/x#comments",
        ] {
            assert_eq!(same_address(spelling), canonical, "{spelling}");
        }
        // A path's case and a reserved escape are meaningful.
        assert_ne!(same_address("https://www.reuters.com/~User/x"), canonical);
        assert_ne!(
            same_address("https://a.example/a%2Fb"),
            same_address("https://a.example/a/b")
        );
        assert_eq!(same_address("not a url"), "not a url");
    }
}
