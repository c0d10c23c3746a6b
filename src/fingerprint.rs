//! SHA-256 of a file's bytes, computed while the file is read, once.
//!
//! `sha2` picks the CPU's SHA extensions at run time, so hashing runs at
//! memory speed on one core; callers spread files over cores.

use sha2::{Digest, Sha256};
use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

/// Bytes read per call: large enough that system calls do not dominate.
const READ_CHUNK: usize = 1 << 20;

/// Files up to this size are kept in memory for text extraction after the
/// single read; larger ones are hashed in a stream and not analysed.
pub const ANALYSIS_LIMIT: u64 = 64 << 20;

/// A file read once: its SHA-256, its length, and its bytes when they were
/// small enough to keep.
#[derive(Debug)]
pub struct ReadFile {
    pub sha256: String,
    pub bytes: u64,
    /// `None` when the file is larger than the limit given to [`read_file`].
    pub content: Option<Vec<u8>>,
}

/// Lower-case hex of a SHA-256 digest.
pub fn hex(digest: &[u8]) -> String {
    use std::fmt::Write;
    let mut s = String::with_capacity(digest.len() * 2);
    for b in digest {
        let _ = write!(s, "{b:02x}");
    }
    s
}

/// SHA-256 of a byte string, as hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// Reads `path` once, hashing as it goes; keeps the bytes when the file is at
/// most `keep_limit` bytes long. Memory stays bounded for any file size.
pub fn read_file(path: &Path, keep_limit: u64) -> io::Result<ReadFile> {
    let mut file = File::open(path)?;
    let expected = file.metadata().map(|m| m.len()).unwrap_or(0);
    let mut hasher = Sha256::new();
    let mut content = (expected <= keep_limit).then(|| Vec::with_capacity(expected as usize));
    let mut buf = vec![0u8; READ_CHUNK];
    let mut total = 0u64;
    loop {
        let n = match file.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        hasher.update(&buf[..n]);
        total += n as u64;
        if let Some(kept) = content.as_mut() {
            if total > keep_limit {
                // The file grew past the limit while we read it.
                content = None;
            } else {
                kept.extend_from_slice(&buf[..n]);
            }
        }
    }
    Ok(ReadFile {
        sha256: hex(&hasher.finalize()),
        bytes: total,
        content,
    })
}

/// The bytes of a small input file the user names (a manifest, a registry,
/// an export to check against): only a regular file is read (a pipe or a
/// device would block or never end), and at most `limit` bytes.
pub fn read_regular(path: &Path, limit: u64) -> io::Result<Vec<u8>> {
    use std::io::Read;
    // Looked at before opening: opening a named pipe blocks until a writer
    // comes.
    if !std::fs::metadata(path)?.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "not a regular file (a pipe, device or folder); give a file",
        ));
    }
    let file = File::open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "not a regular file (a pipe, device or folder); give a file",
        ));
    }
    if meta.len() > limit {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!("larger than {} MiB; give the right file", limit >> 20),
        ));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!("larger than {} MiB; give the right file", limit >> 20),
        ));
    }
    Ok(bytes)
}

/// SHA-256 and length of a file, streamed.
pub fn hash_file(path: &Path) -> io::Result<(String, u64)> {
    let read = read_file(path, 0)?;
    Ok((read.sha256, read.bytes))
}

/// Copies `from` to `to` (created new), hashing the bytes as they pass.
pub fn copy_and_hash(from: &Path, to: &Path) -> io::Result<(String, u64)> {
    use std::io::Write;
    let mut src = File::open(from)?;
    let mut dst = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(to)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; READ_CHUNK];
    let mut total = 0u64;
    loop {
        let n = match src.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        hasher.update(&buf[..n]);
        dst.write_all(&buf[..n])?;
        total += n as u64;
    }
    dst.sync_all()?;
    Ok((hex(&hasher.finalize()), total))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_vector() {
        // FIPS 180-2 test vector for "abc".
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn read_keeps_small_files_and_streams_large_ones() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        let data: Vec<u8> = (0..3 * READ_CHUNK + 17).map(|i| (i % 251) as u8).collect();
        std::fs::write(&path, &data).unwrap();
        let kept = read_file(&path, u64::MAX).unwrap();
        assert_eq!(kept.content.as_deref(), Some(&data[..]));
        assert_eq!(kept.sha256, sha256_hex(&data));
        let streamed = read_file(&path, 1000).unwrap();
        assert!(streamed.content.is_none());
        assert_eq!(streamed.sha256, kept.sha256);
        assert_eq!(streamed.bytes, data.len() as u64);
    }
}
