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

/// Whether a file's name says it is a WARC (for files too large to be kept
/// in memory, whose first bytes are not looked at).
pub fn named_like_warc(name: &[u8]) -> bool {
    let name = String::from_utf8_lossy(name).to_ascii_lowercase();
    name.ends_with(".warc") || name.ends_with(".warc.gz")
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
        "text/html" | "application/xhtml+xml" | "text/plain" | "" | "application/octet-stream"
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
    let mut rows = Vec::new();
    let mut software: Option<String> = None;
    let outcome = warc::read(&candidate.abs, &keep, &mut |record| {
        if record.kind() == "warcinfo"
            && let Some(found) = record.block.as_deref().and_then(software_of)
        {
            software = Some(found);
        }
        let mut row = row_of(&record, software.clone());
        if matches!(record.kind(), "response" | "resource")
            && let Some(doc) = page_document(candidate, &record, &mut row)
        {
            row.document = Some(doc.path.clone());
            emit(Ok(doc));
        }
        rows.push(row);
    });
    let problems = match outcome {
        Ok(problems) => problems,
        Err(e) => return emit(Err(describe_io(&e))),
    };
    let unreadable = problems.len();
    for problem in problems {
        emit(Err(problem.to_string()));
    }
    let mut notes = Vec::new();
    if unreadable > 0 {
        notes.push(format!(
            "{unreadable} part{} of the archive could not be read as records (see the errors)",
            if unreadable == 1 { "" } else { "s" }
        ));
    }
    emit(Ok(NewDocument {
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
        container: None,
        warc_records: Some(rows),
    }));
}

/// The `software` field of a warcinfo record's block.
fn software_of(block: &[u8]) -> Option<String> {
    String::from_utf8_lossy(block).lines().find_map(|line| {
        let (name, value) = line.split_once(':')?;
        (name.trim().eq_ignore_ascii_case("software") && !value.trim().is_empty())
            .then(|| value.trim().chars().take(200).collect())
    })
}

fn row_of(record: &Record, software: Option<String>) -> WarcRecordRow {
    let refers_to = record
        .header("WARC-Refers-To-Target-URI")
        .or(record.header("WARC-Refers-To"))
        .map(str::to_string);
    WarcRecordRow {
        offset: record.offset,
        inner: record.inner,
        stored_length: record.stored_length,
        warc_type: record.kind().to_string(),
        record_id: record.header("WARC-Record-ID").map(str::to_string),
        target_uri: record.target_uri().map(str::to_string),
        warc_date: record.header("WARC-Date").map(str::to_string),
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
fn page_document(
    candidate: &Candidate,
    record: &Record,
    row: &mut WarcRecordRow,
) -> Option<NewDocument> {
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
        (block.to_vec(), row.media_type.clone())
    };
    let html = match media.as_deref() {
        Some("text/html" | "application/xhtml+xml") => true,
        Some("text/plain") => false,
        None | Some("" | "application/octet-stream") => text::looks_like_html(b"", &body),
        Some(_) => return None,
    };
    if body.is_empty() {
        return None;
    }
    let name: &[u8] = if html { b"page.html" } else { b"page.txt" };
    let extracted = text::extract(name, &body);
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
        path: record_path(&candidate.path, record.offset, record.inner),
        bytes: body.len() as u64,
        mtime_ns: candidate.mtime_ns,
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
            at: record.header("WARC-Date").map(str::to_string),
            format: "warc".into(),
            record: None,
        }),
        published: extracted.published,
        container: Some(candidate.path.clone()),
        warc_records: None,
    })
}
