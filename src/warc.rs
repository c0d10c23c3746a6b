//! WARC web archives (ISO 28500, WARC 1.0 and 1.1): the records of a file,
//! each with where it sits in the file, its headers, its own SHA-256 and its
//! declared digests checked.
//!
//! Written here rather than taken from the `warc` crate: that crate reads
//! records but says neither where a record starts in the file nor how long
//! it is there, and a record's place is the evidence a reviewer cites (it is
//! how CDX indexes and `warcio index` name a record). A file is read as plain
//! records, as one gzip member per record (what Heritrix, `wget --warc-file`,
//! warcio and Browsertrix write), or as one gzip stream around everything.
//! A record that cannot be read (a cut-short gzip member, a broken header) is
//! a problem named by its place and the rest of the file is still read: the
//! reader looks for the next gzip member, or the next `WARC/` line.
//!
//! Nothing is held whole: a record's block is streamed through its digests
//! and kept only when the caller wants it and it is at most [`KEEP_LIMIT`].

use sha1::Digest as _;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read, Seek, SeekFrom};
use std::path::Path;

/// Largest record block kept in memory for its page to be read.
pub const KEEP_LIMIT: u64 = 16 << 20;
/// Largest page read from a record, once its codings are undone: a
/// response compressed a thousand times over must not become a gigabyte.
pub const PAGE_LIMIT: u64 = 4 << 20;
/// Longest header block of a record; past it the record is refused.
const HEADER_LIMIT: usize = 64 << 10;

/// Whether a file is a WARC, by its first bytes: `WARC/` at the start, or a
/// gzip member whose content starts so.
pub fn looks_like_warc(bytes: &[u8]) -> bool {
    if bytes.starts_with(b"WARC/") {
        return true;
    }
    if bytes.starts_with(&[0x1f, 0x8b]) {
        let mut head = [0u8; 5];
        let mut decoder = flate2::read::GzDecoder::new(bytes);
        return decoder.read_exact(&mut head).is_ok() && &head == b"WARC/";
    }
    false
}

/// A record's named fields, in the order written.
pub type Headers = [(String, String)];
/// Says, from a record's headers, whether its block is wanted.
pub type Keep = dyn Fn(&Headers) -> bool;

/// One record of a WARC file.
#[derive(Clone, Debug)]
pub struct Record {
    /// Where the record starts in the file: its gzip member's first byte for
    /// a compressed file, else its own first byte.
    pub offset: u64,
    /// Where the record starts inside its gzip member once decompressed; 0
    /// for one record per member and for an uncompressed file.
    pub inner: u64,
    /// Bytes the record takes in the file, when it has them to itself (an
    /// uncompressed record, or a gzip member holding one record).
    pub stored_length: Option<u64>,
    /// `WARC/1.0`, `WARC/1.1`.
    pub version: String,
    /// The named fields, in the order written.
    pub headers: Vec<(String, String)>,
    /// The block's length (`Content-Length`).
    pub block_length: u64,
    /// SHA-256 of the record's header and block, decompressed.
    pub sha256: String,
    /// The block, when it was wanted and is at most [`KEEP_LIMIT`].
    pub block: Option<Vec<u8>>,
    pub block_digest: DigestCheck,
    pub payload_digest: DigestCheck,
}

impl Record {
    /// The value of a named field (names are case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        header(&self.headers, name)
    }

    /// `response`, `resource`, `request`, `metadata`, `revisit`, `warcinfo`…
    pub fn kind(&self) -> &str {
        self.header("WARC-Type").unwrap_or("")
    }

    pub fn target_uri(&self) -> Option<&str> {
        // WARC 1.0 examples write the URI in angle brackets.
        self.header("WARC-Target-URI")
            .map(|u| u.trim_start_matches('<').trim_end_matches('>'))
    }

    /// How the record is named for a reviewer: its place, and its address.
    pub fn place(&self) -> String {
        place(self.offset, self.inner)
    }
}

/// A record's place in its file: `byte 1234`, or `byte 1234 + 567` for a
/// record inside a gzip member shared with others.
pub fn place(offset: u64, inner: u64) -> String {
    if inner == 0 {
        format!("byte {offset}")
    } else {
        format!("byte {offset} + {inner}")
    }
}

/// At most `n` characters of `s`, with `…` when cut.
pub(crate) fn cut(s: &str, n: usize) -> String {
    match s.char_indices().nth(n) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

/// A declared digest (`WARC-Block-Digest`, `WARC-Payload-Digest`) against
/// the one computed from the bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DigestCheck {
    /// The record declares none.
    Absent,
    /// It matches.
    Matches { declared: String },
    /// It does not: the record is not what its writer wrote.
    Differs { declared: String, computed: String },
    /// An algorithm or an encoding this reader does not compute.
    Unchecked { declared: String },
}

impl DigestCheck {
    pub fn differs(&self) -> bool {
        matches!(self, DigestCheck::Differs { .. })
    }
}

/// A record that could not be read, or a part of the file that is not one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub offset: u64,
    pub inner: u64,
    /// The record's address, when its header could be read.
    pub uri: Option<String>,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the record at {}", place(self.offset, self.inner))?;
        if let Some(uri) = &self.uri {
            write!(f, " ({})", crate::escape::visible(&cut(uri, 200)))?;
        }
        write!(f, ": {}", self.message)
    }
}

/// Reads every record of the WARC file at `path`, calling `each` with each
/// one in file order. `keep` says, from a record's headers, whether its
/// block is wanted. Returns what could not be read; an error only when the
/// file itself cannot be opened or read.
pub fn read(path: &Path, keep: &Keep, each: &mut dyn FnMut(Record)) -> io::Result<Vec<Problem>> {
    read_from(File::open(path)?, keep, each)
}

/// [`read`] from any seekable source (a WARC stored inside a WACZ file is
/// read in place, through a [`Slice`] of the zip).
pub fn read_from<R: Read + Seek>(
    mut file: R,
    keep: &Keep,
    each: &mut dyn FnMut(Record),
) -> io::Result<Vec<Problem>> {
    let mut magic = [0u8; 2];
    let n = read_up_to(&mut file, &mut magic)?;
    file.seek(SeekFrom::Start(0))?;
    let mut problems = Vec::new();
    if n == 2 && magic == [0x1f, 0x8b] {
        read_gzip(file, keep, each, &mut problems)?;
    } else {
        read_plain(file, keep, each, &mut problems)?;
    }
    Ok(problems)
}

fn read_up_to(r: &mut impl Read, buf: &mut [u8]) -> io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match r.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}

/// The bytes `start..start + len` of `inner`, read and sought as if they
/// were a file of their own.
pub struct Slice<R> {
    inner: R,
    start: u64,
    len: u64,
    at: u64,
}

impl<R: Seek> Slice<R> {
    pub fn new(mut inner: R, start: u64, len: u64) -> io::Result<Self> {
        inner.seek(SeekFrom::Start(start))?;
        Ok(Slice {
            inner,
            start,
            len,
            at: 0,
        })
    }
}

impl<R: Read> Read for Slice<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let left = self.len.saturating_sub(self.at);
        let n = (buf.len() as u64).min(left) as usize;
        if n == 0 {
            return Ok(0);
        }
        let n = self.inner.read(&mut buf[..n])?;
        self.at += n as u64;
        Ok(n)
    }
}

impl<R: Seek> Seek for Slice<R> {
    fn seek(&mut self, to: SeekFrom) -> io::Result<u64> {
        let target = match to {
            SeekFrom::Start(n) => Some(n),
            SeekFrom::End(d) => self.len.checked_add_signed(d),
            SeekFrom::Current(d) => self.at.checked_add_signed(d),
        }
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "seek before the start"))?;
        self.inner.seek(SeekFrom::Start(self.start + target))?;
        self.at = target;
        Ok(target)
    }
}

/// A buffered reader that counts the bytes consumed from it.
struct Counting<R> {
    inner: BufReader<R>,
    consumed: u64,
    /// Past this many bytes consumed, reading fails with [`OverBudget`].
    budget: u64,
}

impl<R: Read> Counting<R> {
    fn new(inner: BufReader<R>) -> Self {
        Counting {
            inner,
            consumed: 0,
            budget: u64::MAX,
        }
    }
}

/// An archive that decompresses to far more than its size.
#[derive(Debug)]
struct OverBudget;

impl std::fmt::Display for OverBudget {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "the archive decompresses to more than {BOMB_RATIO} times its size (plus {} MiB): the rest is not read (a compression bomb, or not a web archive)",
            BOMB_ALLOWANCE >> 20
        )
    }
}

impl std::error::Error for OverBudget {}

fn is_budget(e: &io::Error) -> bool {
    e.get_ref().is_some_and(|inner| inner.is::<OverBudget>())
}

/// Decompressed bytes a gzip archive may give: this many times its size,
/// plus [`BOMB_ALLOWANCE`]. Web pages compress 5 to 10 times.
const BOMB_RATIO: u64 = 64;
const BOMB_ALLOWANCE: u64 = 64 << 20;

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.consumed >= self.budget {
            return Err(io::Error::other(OverBudget));
        }
        let n = self.inner.read(buf)?;
        self.consumed += n as u64;
        Ok(n)
    }
}

impl<R: Read> BufRead for Counting<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.consumed >= self.budget {
            return Err(io::Error::other(OverBudget));
        }
        self.inner.fill_buf()
    }
    fn consume(&mut self, amt: usize) {
        self.inner.consume(amt);
        self.consumed += amt as u64;
    }
}

const GZIP_MAGIC: [u8; 3] = [0x1f, 0x8b, 0x08];

fn read_gzip<R: Read + Seek>(
    file: R,
    keep: &Keep,
    each: &mut dyn FnMut(Record),
    problems: &mut Vec<Problem>,
) -> io::Result<()> {
    // One buffered reader across members: a member ends where the gzip
    // decoder stopped consuming, and the next one starts in the same buffer.
    let mut file = file;
    let len = file.seek(SeekFrom::End(0))?;
    file.seek(SeekFrom::Start(0))?;
    let budget = len
        .saturating_mul(BOMB_RATIO)
        .saturating_add(BOMB_ALLOWANCE);
    let mut decompressed = 0u64;
    let mut counting = Counting::new(BufReader::with_capacity(1 << 16, file));
    loop {
        if counting.fill_buf()?.is_empty() {
            break;
        }
        let start = counting.consumed;
        // The member's last record waits until the member ends: whether it
        // had the member to itself decides its stored length, and whether a
        // damaged member's record is passed on. Earlier records of a member
        // shared by many (one gzip stream around the file) go at once.
        let mut pending: Option<Record> = None;
        let mut count = 0usize;
        let outcome = {
            let decoder = flate2::bufread::GzDecoder::new(&mut counting);
            let mut member = Counting::new(BufReader::with_capacity(1 << 16, decoder));
            member.budget = budget.saturating_sub(decompressed);
            let outcome = read_records(&mut member, None, keep, &mut |mut r| {
                count += 1;
                r.offset = start;
                if let Some(mut earlier) = pending.replace(r) {
                    earlier.stored_length = None;
                    each(earlier);
                }
            });
            decompressed += member.consumed;
            outcome
        };
        let member_length = counting.consumed - start;
        let mut failure = outcome.err();
        if let Some(mut last) = pending {
            match failure.as_mut() {
                // A member that fails its checksum, or decodes to something
                // that is no record after its one record, damaged that
                // record: not passed on, named. A stream that is merely cut
                // inside a later record leaves the records before it whole.
                Some(f) if count == 1 && (f.between || !f.cut) => {
                    f.inner = 0;
                    f.uri = f.uri.take().or(last.target_uri().map(str::to_string));
                }
                _ => {
                    last.stored_length = (count == 1).then_some(member_length);
                    each(last);
                }
            }
        }
        match failure {
            None if member_length > 0 => {}
            None => break,
            Some(failure) => {
                let exhausted = failure.exhausted;
                problems.push(Problem {
                    offset: start,
                    inner: failure.inner,
                    uri: failure.uri,
                    message: failure.message,
                });
                if exhausted {
                    break;
                }
                // Look for the next member after the one that failed.
                let file = counting.inner.get_mut();
                match find(file, start + 1, &GZIP_MAGIC)? {
                    Some(next) => {
                        counting.inner.seek(SeekFrom::Start(next))?;
                        counting.consumed = next;
                    }
                    None => break,
                }
            }
        }
    }
    Ok(())
}

fn read_plain<R: Read + Seek>(
    mut file: R,
    keep: &Keep,
    each: &mut dyn FnMut(Record),
    problems: &mut Vec<Problem>,
) -> io::Result<()> {
    let len = file.seek(SeekFrom::End(0))?;
    let mut start = 0u64;
    while start < len {
        file.seek(SeekFrom::Start(start))?;
        let mut counting = Counting::new(BufReader::with_capacity(1 << 16, &mut file));
        let mut emit = |mut r: Record| {
            r.offset = start + r.inner;
            r.inner = 0;
            each(r)
        };
        match read_records(&mut counting, Some(len - start), keep, &mut emit) {
            Ok(()) => break,
            Err(failure) => {
                problems.push(Problem {
                    offset: start + failure.inner,
                    inner: 0,
                    uri: failure.uri,
                    message: failure.message,
                });
                // From the line end before `resume`: a record may start
                // right there.
                match find(&mut file, start + failure.resume - 1, b"\nWARC/")? {
                    Some(next) => start = next + 1,
                    None => break,
                }
            }
        }
    }
    Ok(())
}

/// The offset of the first `needle` at or after `from`.
fn find<R: Read + Seek>(file: &mut R, from: u64, needle: &[u8]) -> io::Result<Option<u64>> {
    file.seek(SeekFrom::Start(from))?;
    let mut reader = BufReader::with_capacity(1 << 16, file);
    let mut at = from;
    let mut carry: Vec<u8> = Vec::new();
    loop {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            return Ok(None);
        }
        let mut window = std::mem::take(&mut carry);
        let base = at - window.len() as u64;
        window.extend_from_slice(buf);
        if let Some(i) = window.windows(needle.len()).position(|w| w == needle) {
            return Ok(Some(base + i as u64));
        }
        let n = buf.len();
        carry = window[window.len().saturating_sub(needle.len() - 1)..].to_vec();
        reader.consume(n);
        at += n as u64;
    }
}

/// Why reading stopped inside a stream, and where.
struct Failure {
    /// Decompressed offset of the record that failed, within the stream.
    inner: u64,
    uri: Option<String>,
    message: String,
    /// Where, in the stream, looking for the next record may start: past
    /// what was read of the failed one, so no byte is read twice over.
    resume: u64,
    /// The failure came between records (a gzip member's checksum or end),
    /// not inside one: the record before it is what it damaged.
    between: bool,
    /// The archive decompresses past its budget: nothing more is read.
    exhausted: bool,
    /// The stream simply ended (a cut-short file), as opposed to bytes that
    /// decode to something wrong (a damaged member).
    cut: bool,
}

fn describe(e: &io::Error) -> String {
    match e.kind() {
        _ if is_budget(e) => OverBudget.to_string(),
        io::ErrorKind::UnexpectedEof => "the file ends inside this record (cut short)".into(),
        io::ErrorKind::InvalidInput | io::ErrorKind::InvalidData => {
            format!("the compressed bytes are damaged ({e})")
        }
        _ => e.to_string(),
    }
}

/// Reads records from a (decompressed) stream until it ends cleanly.
fn read_records(
    r: &mut Counting<impl Read>,
    limit: Option<u64>,
    keep: &Keep,
    each: &mut dyn FnMut(Record),
) -> Result<(), Failure> {
    loop {
        // Records are separated by two CRLFs; tolerate any run of line ends.
        loop {
            let at = r.consumed;
            let buf = r.fill_buf().map_err(|e| Failure {
                inner: at,
                uri: None,
                message: describe(&e),
                resume: at + 1,
                between: true,
                exhausted: is_budget(&e),
                cut: e.kind() == io::ErrorKind::UnexpectedEof,
            })?;
            if buf.is_empty() {
                return Ok(());
            }
            let ends = buf
                .iter()
                .take_while(|b| matches!(b, b'\r' | b'\n'))
                .count();
            if ends == 0 {
                break;
            }
            r.consume(ends);
        }
        let begin = r.consumed;
        let fail_at = |uri: Option<String>, message: String, resume: u64| Failure {
            inner: begin,
            uri,
            message,
            resume: resume.max(begin + 1),
            between: false,
            exhausted: false,
            cut: false,
        };
        let io_fail = |uri: Option<String>, e: &io::Error, resume: u64| Failure {
            exhausted: is_budget(e),
            cut: e.kind() == io::ErrorKind::UnexpectedEof,
            ..fail_at(uri, describe(e), resume)
        };
        let mut hasher = sha2::Sha256::new();
        let mut line = Vec::new();
        let mut header_bytes = 0usize;
        let mut lines: Vec<String> = Vec::new();
        loop {
            line.clear();
            let n = r
                .by_ref()
                .take((HEADER_LIMIT + 1 - header_bytes.min(HEADER_LIMIT)) as u64)
                .read_until(b'\n', &mut line)
                .map_err(|e| io_fail(None, &e, begin + header_bytes as u64))?;
            if n == 0 {
                return Err(Failure {
                    cut: true,
                    ..fail_at(
                        None,
                        "the file ends inside this record's header".into(),
                        r.consumed,
                    )
                });
            }
            header_bytes += n;
            if header_bytes > HEADER_LIMIT {
                return Err(fail_at(
                    None,
                    format!(
                        "a header longer than {} KiB: not a WARC record",
                        HEADER_LIMIT >> 10
                    ),
                    r.consumed,
                ));
            }
            // A first line that is no version line: not a record, and
            // nothing more of it is read.
            if lines.is_empty() && !line.starts_with(b"WARC/") {
                let shown = String::from_utf8_lossy(&line).trim_end().to_string();
                return Err(fail_at(
                    None,
                    format!("expected a WARC version line, found {:?}", cut(&shown, 40)),
                    r.consumed,
                ));
            }
            hasher.update(&line);
            let text = String::from_utf8_lossy(&line);
            let text = text.trim_end_matches(['\r', '\n']);
            if text.is_empty() {
                break;
            }
            lines.push(text.to_string());
        }
        let version = lines.first().cloned().unwrap_or_default();
        let header_end = r.consumed;
        let mut headers: Vec<(String, String)> = Vec::new();
        for l in &lines[1..] {
            if l.starts_with([' ', '\t']) {
                if let Some(last) = headers.last_mut() {
                    last.1.push(' ');
                    last.1.push_str(l.trim());
                }
                continue;
            }
            if let Some((name, value)) = l.split_once(':') {
                headers.push((name.trim().to_string(), value.trim().to_string()));
            }
        }
        let uri = header(&headers, "WARC-Target-URI").map(str::to_string);
        let Some(length) = header(&headers, "Content-Length").and_then(|v| v.parse::<u64>().ok())
        else {
            return Err(fail_at(
                uri,
                "the record has no valid Content-Length".into(),
                header_end,
            ));
        };
        let wanted = length <= KEEP_LIMIT && keep(&headers);
        let block_declared = header(&headers, "WARC-Block-Digest").map(str::to_string);
        let payload_declared = header(&headers, "WARC-Payload-Digest").map(str::to_string);
        let http = header(&headers, "Content-Type")
            .is_some_and(|t| t.to_ascii_lowercase().starts_with("application/http"));
        let mut block_hash = Hashes::for_declared(block_declared.as_deref());
        let mut payload_hash = Hashes::for_declared(payload_declared.as_deref());
        let mut payload_started = !http;
        let mut crlf = 0u8;
        let mut kept = wanted.then(|| Vec::with_capacity(length as usize));
        // A block longer than what is left of the file: said at once, not
        // read to the end, and the search for the next record starts after
        // this header (a false length on every record must not cost a read
        // of the rest of the file for each).
        if let Some(limit) = limit
            && header_end.saturating_add(length) > limit
        {
            return Err(fail_at(
                uri,
                format!(
                    "the record says its block is {length} bytes, but the file ends {} bytes after its header (cut short, or a false Content-Length)",
                    limit - header_end
                ),
                header_end,
            ));
        }
        let mut left = length;
        while left > 0 {
            let at = r.consumed;
            let buf = r.fill_buf().map_err(|e| io_fail(uri.clone(), &e, at))?;
            if buf.is_empty() {
                return Err(Failure {
                    cut: true,
                    ..fail_at(
                        uri,
                        format!(
                            "the file ends inside this record: {} of its {length} block bytes are missing (cut short)",
                            left
                        ),
                        at,
                    )
                });
            }
            let n = buf.len().min(left as usize);
            let chunk = &buf[..n];
            hasher.update(chunk);
            block_hash.update(chunk);
            if payload_started {
                payload_hash.update(chunk);
            } else {
                // The payload of an HTTP message starts after its headers'
                // blank line.
                for (i, &b) in chunk.iter().enumerate() {
                    crlf = match (crlf, b) {
                        (0 | 2, b'\r') => crlf + 1,
                        (1 | 3, b'\n') => crlf + 1,
                        (_, b'\r') => 1,
                        _ => 0,
                    };
                    if crlf == 4 {
                        payload_started = true;
                        payload_hash.update(&chunk[i + 1..]);
                        break;
                    }
                }
            }
            if let Some(k) = kept.as_mut() {
                k.extend_from_slice(chunk);
            }
            r.consume(n);
            left -= n as u64;
        }
        let block_digest = block_hash.check(block_declared);
        let payload_digest = if payload_started {
            payload_hash.check(payload_declared)
        } else {
            // No end of the HTTP headers: no payload to check.
            match payload_declared {
                Some(declared) => DigestCheck::Unchecked { declared },
                None => DigestCheck::Absent,
            }
        };
        let end = r.consumed;
        each(Record {
            offset: 0,
            inner: begin,
            stored_length: Some(end - begin),
            version,
            headers,
            block_length: length,
            sha256: crate::fingerprint::hex(&hasher.finalize()),
            block: kept,
            block_digest,
            payload_digest,
        });
    }
}

/// The hash a declared digest names, computed as bytes stream by.
enum Hashes {
    None,
    Sha1(sha1::Sha1),
    Sha256(sha2::Sha256),
    Sha512(sha2::Sha512),
}

impl Hashes {
    fn for_declared(declared: Option<&str>) -> Hashes {
        let Some((alg, _)) = declared.and_then(|d| d.split_once(':')) else {
            return Hashes::None;
        };
        match alg.trim().to_ascii_lowercase().replace('-', "").as_str() {
            "sha1" => Hashes::Sha1(sha1::Sha1::new()),
            "sha256" => Hashes::Sha256(sha2::Sha256::new()),
            "sha512" => Hashes::Sha512(sha2::Sha512::new()),
            _ => Hashes::None,
        }
    }

    fn update(&mut self, bytes: &[u8]) {
        match self {
            Hashes::None => {}
            Hashes::Sha1(h) => h.update(bytes),
            Hashes::Sha256(h) => h.update(bytes),
            Hashes::Sha512(h) => h.update(bytes),
        }
    }

    fn check(self, declared: Option<String>) -> DigestCheck {
        let Some(declared) = declared else {
            return DigestCheck::Absent;
        };
        let computed = match self {
            Hashes::None => return DigestCheck::Unchecked { declared },
            Hashes::Sha1(h) => h.finalize().to_vec(),
            Hashes::Sha256(h) => h.finalize().to_vec(),
            Hashes::Sha512(h) => h.finalize().to_vec(),
        };
        let value = declared
            .split_once(':')
            .map(|(_, v)| v.trim())
            .unwrap_or("");
        match decode_digest(value, computed.len()) {
            Some(bytes) if bytes == computed => DigestCheck::Matches { declared },
            Some(_) => {
                let alg = declared.split_once(':').map(|(a, _)| a).unwrap_or("");
                let computed = format!(
                    "{alg}:{}",
                    if value.len() == computed.len() * 2 {
                        crate::fingerprint::hex(&computed)
                    } else {
                        data_encoding::BASE32.encode(&computed)
                    }
                );
                DigestCheck::Differs { declared, computed }
            }
            None => DigestCheck::Unchecked { declared },
        }
    }
}

/// A digest value in base32 (what WARC writers use), hex or base64.
fn decode_digest(value: &str, len: usize) -> Option<Vec<u8>> {
    let upper = value.to_ascii_uppercase();
    let decoded = if value.len() == len * 2 && value.bytes().all(|b| b.is_ascii_hexdigit()) {
        data_encoding::HEXUPPER.decode(upper.as_bytes()).ok()
    } else if let Ok(b) = data_encoding::BASE32.decode(upper.as_bytes()) {
        Some(b)
    } else if let Ok(b) = data_encoding::BASE32_NOPAD.decode(upper.as_bytes()) {
        Some(b)
    } else {
        data_encoding::BASE64.decode(value.as_bytes()).ok()
    };
    decoded.filter(|d| d.len() == len)
}

/// An HTTP response as a WARC `response` record holds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HttpResponse {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    /// The body with transfer and content codings undone.
    pub body: Vec<u8>,
    /// What could not be undone (an unknown content coding), if anything.
    pub note: Option<String>,
}

impl HttpResponse {
    pub fn header(&self, name: &str) -> Option<&str> {
        header(&self.headers, name)
    }

    /// The media type, lower-cased, without parameters.
    pub fn media_type(&self) -> Option<String> {
        self.header("Content-Type").map(|t| {
            t.split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase()
        })
    }
}

/// Reads the HTTP response a block holds: status, headers, and the body
/// with chunked transfer coding and gzip, deflate or brotli content coding
/// undone (bodies are cut at [`PAGE_LIMIT`], and said so).
pub fn http_response(block: &[u8]) -> Option<HttpResponse> {
    let end = block.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = String::from_utf8_lossy(&block[..end]);
    let mut lines = head.split("\r\n");
    let status_line = lines.next()?;
    let mut parts = status_line.split_whitespace();
    if !parts.next()?.starts_with("HTTP/") {
        return None;
    }
    let status = parts.next()?.parse().ok()?;
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_string(), v.trim().to_string()))
        .collect();
    let mut body = block[end + 4..].to_vec();
    let mut note = None;
    let has = |name: &str, value: &str| {
        header(&headers, name).is_some_and(|v| v.to_ascii_lowercase().contains(value))
    };
    if has("Transfer-Encoding", "chunked") {
        body = dechunk(&body).unwrap_or(body);
    }
    let coding = header(&headers, "Content-Encoding")
        .map(|c| c.trim().to_ascii_lowercase())
        .unwrap_or_default();
    let limit = PAGE_LIMIT + 1;
    let mut decoded = Vec::new();
    let result = match coding.as_str() {
        "" | "identity" => Ok(()),
        "gzip" | "x-gzip" => flate2::read::MultiGzDecoder::new(&body[..])
            .take(limit)
            .read_to_end(&mut decoded)
            .map(drop),
        "deflate" => flate2::read::ZlibDecoder::new(&body[..])
            .take(limit)
            .read_to_end(&mut decoded)
            .map(drop)
            .or_else(|_| {
                decoded.clear();
                flate2::read::DeflateDecoder::new(&body[..])
                    .take(limit)
                    .read_to_end(&mut decoded)
                    .map(drop)
            }),
        "br" => brotli_decompressor::Decompressor::new(&body[..], 4096)
            .take(limit)
            .read_to_end(&mut decoded)
            .map(drop),
        other => {
            note = Some(format!(
                "the page is sent with the content coding {:?}, which is not read: kept as evidence, not analysed",
                cut(other, 30)
            ));
            Ok(())
        }
    };
    match result {
        Ok(()) if !decoded.is_empty() || !matches!(coding.as_str(), "" | "identity") => {
            if note.is_none() {
                body = decoded;
            }
        }
        Ok(()) => {}
        Err(e) => {
            note = Some(format!(
                "the page's {coding} content coding cannot be undone ({e}): kept as evidence, not analysed"
            ));
        }
    }
    if body.len() as u64 > PAGE_LIMIT && note.is_none() {
        body.truncate(PAGE_LIMIT as usize);
        note = Some(format!(
            "the page is larger than {} MiB once decoded: its first {} MiB are read, and the size and SHA-256 given for it are of those {} MiB (the record's own digest covers it whole)",
            PAGE_LIMIT >> 20,
            PAGE_LIMIT >> 20,
            PAGE_LIMIT >> 20
        ));
    }
    Some(HttpResponse {
        status,
        headers,
        body,
        note,
    })
}

/// Undoes chunked transfer coding; `None` when the body is not chunked.
fn dechunk(body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    let mut rest = body;
    loop {
        let line_end = rest.windows(2).position(|w| w == b"\r\n")?;
        let size_text = std::str::from_utf8(&rest[..line_end]).ok()?;
        let size_text = size_text.split(';').next()?.trim();
        let size = usize::from_str_radix(size_text, 16).ok()?;
        rest = &rest[line_end + 2..];
        if size == 0 {
            return Some(out);
        }
        if rest.len() < size {
            out.extend_from_slice(rest);
            return Some(out);
        }
        out.extend_from_slice(&rest[..size]);
        rest = rest.get(size + 2..).unwrap_or(&[]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: &str, uri: &str, block: &[u8]) -> Vec<u8> {
        let mut r = format!(
            "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-01-02T03:04:05Z\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        r.extend_from_slice(block);
        r.extend_from_slice(b"\r\n\r\n");
        r
    }

    fn gz(bytes: &[u8]) -> Vec<u8> {
        use std::io::Write;
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(bytes).unwrap();
        e.finish().unwrap()
    }

    fn read_all(bytes: &[u8]) -> (Vec<Record>, Vec<Problem>) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.warc");
        std::fs::write(&path, bytes).unwrap();
        let mut records = Vec::new();
        let problems = read(&path, &|_| true, &mut |r| records.push(r)).unwrap();
        (records, problems)
    }

    const PAGE: &[u8] = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>Hello</p>";

    #[test]
    fn records_are_found_at_their_offsets_plain_and_compressed() {
        let one = record("response", "http://a.example/1", PAGE);
        let two = record("response", "http://b.example/2", PAGE);
        let plain = [one.clone(), two.clone()].concat();
        let (records, problems) = read_all(&plain);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(
            records.iter().map(|r| r.offset).collect::<Vec<_>>(),
            [0, one.len() as u64]
        );
        assert_eq!(records[1].target_uri(), Some("http://b.example/2"));
        assert_eq!(records[0].block.as_deref(), Some(PAGE));

        let (g1, g2) = (gz(&one), gz(&two));
        let (records, problems) = read_all(&[g1.clone(), g2.clone()].concat());
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(
            records
                .iter()
                .map(|r| (r.offset, r.stored_length))
                .collect::<Vec<_>>(),
            [
                (0, Some(g1.len() as u64)),
                (g1.len() as u64, Some(g2.len() as u64))
            ]
        );

        // One gzip stream around both: one member, records inside it.
        let (records, _) = read_all(&gz(&plain));
        assert_eq!(
            records
                .iter()
                .map(|r| (r.offset, r.inner))
                .collect::<Vec<_>>(),
            [(0, 0), (0, one.len() as u64)]
        );
    }

    #[test]
    fn a_damaged_member_is_named_and_the_rest_is_read() {
        let members: Vec<Vec<u8>> = (0..3)
            .map(|i| gz(&record("response", &format!("http://x.example/{i}"), PAGE)))
            .collect();
        let mut bytes = members.concat();
        // Cut the middle member short: drop its last 12 bytes.
        let cut_at = members[0].len() + members[1].len() - 12;
        bytes.drain(cut_at..members[0].len() + members[1].len());
        let (records, problems) = read_all(&bytes);
        let uris: Vec<_> = records.iter().filter_map(|r| r.target_uri()).collect();
        assert!(uris.contains(&"http://x.example/0"), "{uris:?}");
        assert!(uris.contains(&"http://x.example/2"), "{uris:?}");
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].offset, members[0].len() as u64);
    }

    #[test]
    fn a_plain_record_cut_short_is_named() {
        let mut bytes = record("response", "http://a.example/1", PAGE);
        bytes.truncate(bytes.len() - 10);
        let (records, problems) = read_all(&bytes);
        assert!(records.is_empty());
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].uri.as_deref(), Some("http://a.example/1"));
        assert!(problems[0].message.contains("cut short"), "{problems:?}");
    }

    #[test]
    fn declared_digests_are_checked_in_base32_and_hex() {
        let sha1 = sha1::Sha1::digest(b"<p>Hello</p>");
        let good = data_encoding::BASE32.encode(&sha1);
        let block_sha256 = crate::fingerprint::hex(&sha2::Sha256::digest(PAGE));
        let mut r = String::from_utf8(record("response", "http://a.example/", PAGE)).unwrap();
        r = r.replacen(
            "Content-Length",
            &format!(
                "WARC-Payload-Digest: sha1:{good}\r\nWARC-Block-Digest: sha256:{block_sha256}\r\nContent-Length"
            ),
            1,
        );
        let (records, _) = read_all(r.as_bytes());
        assert!(matches!(
            records[0].payload_digest,
            DigestCheck::Matches { .. }
        ));
        assert!(matches!(
            records[0].block_digest,
            DigestCheck::Matches { .. }
        ));
        let flipped = r.replace("Hello", "Jello");
        let (records, _) = read_all(flipped.as_bytes());
        assert!(records[0].payload_digest.differs());
        assert!(records[0].block_digest.differs());
    }

    #[test]
    fn http_bodies_are_dechunked_and_decompressed() {
        let body = gz(b"<p>Hi</p>");
        let mut chunked = format!("{:x}\r\n", body.len()).into_bytes();
        chunked.extend_from_slice(&body);
        chunked.extend_from_slice(b"\r\n0\r\n\r\n");
        let mut block = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\nContent-Type: text/html; charset=utf-8\r\n\r\n".to_vec();
        block.extend_from_slice(&chunked);
        let response = http_response(&block).unwrap();
        assert_eq!(response.status, 200);
        assert_eq!(response.body, b"<p>Hi</p>");
        assert_eq!(response.media_type().as_deref(), Some("text/html"));
    }

    /// Every record claiming a block longer than the file, or a header that
    /// never ends: each said once, the next looked for after what was read,
    /// so the reading stays linear (it used to read the rest of the file
    /// again for each such record: 64,000 of them took over a minute).
    #[test]
    fn false_lengths_and_endless_headers_are_read_once() {
        let lie = b"WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: 99999999999\r\n\r\n"
            .repeat(64_000);
        let started = std::time::Instant::now();
        let (records, problems) = read_all(&lie);
        assert!(records.is_empty());
        assert_eq!(problems.len(), 64_000);
        assert!(
            problems[1].message.contains("false Content-Length"),
            "{}",
            problems[1]
        );
        let endless = b"WARC/1.0\r\n".repeat(100_000);
        let (records, problems) = read_all(&endless);
        assert!(records.is_empty() && !problems.is_empty());
        assert!(problems.len() < 100, "{} problems", problems.len());
        assert!(
            started.elapsed() < std::time::Duration::from_secs(20),
            "{:?}",
            started.elapsed()
        );
    }

    /// A gzip member that inflates past 64 times the archive's size is a
    /// problem said once, and reading stops; an ordinary archive is read.
    #[test]
    fn a_compression_bomb_is_stopped_and_named() {
        let mut block = b"HTTP/1.1 200 OK\r\n\r\n".to_vec();
        block.resize(100 << 20, b'\n');
        let bomb = gz(&record("response", "http://bomb.example/", &block));
        assert!(bomb.len() < 1 << 20);
        let (records, problems) = read_all(&bomb);
        assert!(records.is_empty());
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].message.contains("compression bomb"),
            "{}",
            problems[0]
        );
        let fine = gz(&record("response", "http://a.example/", PAGE)).repeat(50);
        let (records, problems) = read_all(&fine);
        assert_eq!((records.len(), problems.len()), (50, 0));
    }

    /// One gzip stream around two records, cut inside the second: the
    /// first, read whole, is kept; the problem names the second.
    #[test]
    fn a_cut_stream_keeps_the_records_read_whole_before_the_cut() {
        let one = record("response", "http://one.example/a", PAGE);
        let two = record("response", "http://two.example/b", &PAGE.repeat(200));
        let whole = gz(&[one.clone(), two].concat());
        // The shortest prefix that inflates past the first record and a bit.
        let cut = (1..whole.len())
            .find(|&n| {
                let mut out = Vec::new();
                let _ = flate2::read::GzDecoder::new(&whole[..n]).read_to_end(&mut out);
                out.len() > one.len() + 200
            })
            .unwrap();
        let (records, problems) = read_all(&whole[..cut]);
        assert_eq!(records.len(), 1);
        assert_eq!(records[0].target_uri(), Some("http://one.example/a"));
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].inner, one.len() as u64);
        assert_eq!(problems[0].uri.as_deref(), Some("http://two.example/b"));
    }

    #[test]
    fn warc_files_are_recognised_by_their_bytes() {
        assert!(looks_like_warc(b"WARC/1.0\r\n"));
        assert!(looks_like_warc(&gz(b"WARC/1.1\r\nWARC-Type: warcinfo")));
        assert!(!looks_like_warc(&gz(b"<html>")));
        assert!(!looks_like_warc(b"WARC is a format"));
    }
}
