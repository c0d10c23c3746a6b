//! The payload: the files under `data/` as they are on disk, matched to
//! what the manifests list, and every checksum computed.

use super::tags::FetchEntry;
use super::{
    Algorithm, BagCheck, Checker, Digests, Problem, Refused, Spelling, TAG_FILE_LIMIT, digest_file,
    empty_digest, index_by, is_system_file, kind_of, open_in_bag,
};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use unicode_normalization::UnicodeNormalization;

/// What the manifests expect of one file: (algorithm, digest, the manifest,
/// the name it used).
type Expected = BTreeMap<String, Vec<(Algorithm, String, String, String)>>;

/// The payload on disk: path in the bag to size, and the paths under their
/// NFC and case-folded spellings.
struct OnDisk {
    files: BTreeMap<String, u64>,
    /// Entries under `data/` that are no regular file (already reported).
    refused: BTreeSet<String>,
    by_nfc: HashMap<String, Vec<String>>,
    by_case: HashMap<String, Vec<String>>,
}

fn folded(path: &str) -> String {
    path.nfc().collect::<String>().to_lowercase()
}

fn spelling_between(a: &str, b: &str) -> Spelling {
    if a.nfc().eq(b.nfc()) {
        Spelling::Normalisation
    } else {
        Spelling::Case
    }
}

impl Checker<'_> {
    /// Everything after the declaration.
    pub(super) fn contents(
        &mut self,
        encoding: &'static encoding_rs::Encoding,
        version: &str,
        report: &mut BagCheck,
    ) {
        let (manifests, tag_manifests) = self.manifest_files();
        report.payload_manifests = manifests.keys().copied().collect();
        report.tag_manifests = tag_manifests.keys().copied().collect();
        report.info = self.bag_info(version, encoding);
        let fetch = self.fetch_list(encoding, report);
        let disk = self.on_disk();
        report.payload_files = disk.files.len() as u64;
        report.payload_bytes = disk.files.values().sum();

        let mut expected = Expected::new();
        let system_files_missing =
            self.payload_manifests(&manifests, encoding, &disk, &fetch, &mut expected);
        let weak = &report.payload_manifests;
        if !weak.is_empty() && weak.iter().all(|a| a.is_weak()) {
            self.warn(Problem::WeakAlgorithms {
                algorithms: weak.clone(),
            });
        }
        self.tag_manifests(&tag_manifests, encoding, &mut expected);
        self.checksums(&expected);
        self.oxum(report, system_files_missing);
    }

    /// The regular files under `data/` and what a reader should know about
    /// their names.
    fn on_disk(&mut self) -> OnDisk {
        let (files, refused) = self.payload();
        let by_nfc = index_by(&files, |p| p.nfc().collect());
        let by_case = index_by(&files, folded);
        for paths in by_nfc.values().chain(by_case.values()) {
            if let [first, second, ..] = paths.as_slice() {
                self.warn(Problem::SameNameTwice {
                    first: first.clone(),
                    second: second.clone(),
                    spelling: spelling_between(first, second),
                });
            }
        }
        for path in files.keys() {
            if is_system_file(path) {
                self.warn(Problem::SystemFile { path: path.clone() });
            }
        }
        OnDisk {
            files,
            refused,
            by_nfc,
            by_case,
        }
    }

    /// Each payload manifest's entries resolved to files on disk (exactly,
    /// else by a unique file spelled differently), the checksums to compute
    /// added to `expected`; every file must be in every manifest. Returns
    /// the listed system files that are not in the bag.
    fn payload_manifests(
        &mut self,
        manifests: &BTreeMap<Algorithm, String>,
        encoding: &'static encoding_rs::Encoding,
        disk: &OnDisk,
        fetch: &HashMap<String, FetchEntry>,
        expected: &mut Expected,
    ) -> BTreeSet<String> {
        if manifests.is_empty() {
            self.error(Problem::NoPayloadManifest);
        }
        let mut system_files_missing = BTreeSet::new();
        let mut listed_in: HashMap<&str, BTreeSet<String>> = HashMap::new();
        for (algorithm, name) in manifests {
            let Some(entries) = self.manifest(name, *algorithm, encoding, true) else {
                continue;
            };
            let listed = listed_in.entry(name.as_str()).or_default();
            let mut names_seen: HashMap<String, String> = HashMap::new();
            // RFC 8493 §2.2.3: every file fetch.txt names is in every payload
            // manifest, or once fetched it is covered by no checksum.
            let names: std::collections::HashSet<&str> =
                entries.iter().map(|e| e.path.as_str()).collect();
            let mut unlisted: Vec<&String> = fetch
                .keys()
                .filter(|p| !names.contains(p.as_str()))
                .collect();
            unlisted.sort();
            for path in unlisted {
                self.error(Problem::FetchNotListed {
                    path: path.clone(),
                    file: name.clone(),
                });
            }
            for entry in entries {
                // Two names in one manifest for what one disk would hold as one file.
                let key = folded(&entry.path);
                if let Some(other) = names_seen.get(&key)
                    && *other != entry.path
                {
                    self.warn(Problem::SameNameTwice {
                        first: other.clone(),
                        second: entry.path.clone(),
                        spelling: spelling_between(other, &entry.path),
                    });
                }
                names_seen.entry(key).or_insert(entry.path.clone());
                match self.find(disk, name, &entry.path) {
                    Some(found) if entry.digest.is_empty() => {
                        listed.insert(found);
                    }
                    Some(found) => {
                        listed.insert(found.clone());
                        expected.entry(found).or_default().push((
                            *algorithm,
                            entry.digest,
                            name.clone(),
                            entry.path,
                        ));
                    }
                    None => match fetch.get(&entry.path) {
                        Some(to_fetch) => self.error(Problem::NotFetched {
                            path: entry.path,
                            url: to_fetch.url.clone(),
                        }),
                        // An operating system's own file listed with no
                        // content (the digest of zero bytes): copying tools
                        // leave such files out and nothing is lost.
                        None if is_system_file(&entry.path)
                            && entry.digest.eq_ignore_ascii_case(&empty_digest(*algorithm)) =>
                        {
                            self.warn(Problem::SystemFileMissing {
                                file: name.clone(),
                                path: entry.path.clone(),
                            });
                            system_files_missing.insert(entry.path);
                        }
                        None if disk.refused.contains(&entry.path) => {}
                        None if self.root.join(&entry.path).is_dir() => {
                            self.error(Problem::NamesAFolder {
                                file: name.clone(),
                                path: entry.path,
                            })
                        }
                        None => self.error(Problem::Missing {
                            file: name.clone(),
                            path: entry.path,
                        }),
                    },
                }
            }
        }
        for (path, to_fetch) in fetch {
            if let (Some(stated), Some(&bytes)) = (to_fetch.bytes, disk.files.get(path))
                && stated != bytes
            {
                self.warn(Problem::FetchLength {
                    path: path.clone(),
                    stated,
                    bytes,
                });
            }
        }
        for path in disk.files.keys() {
            for name in manifests.values() {
                if listed_in
                    .get(name.as_str())
                    .is_some_and(|l| !l.contains(path))
                {
                    self.error(Problem::NotListed {
                        file: name.clone(),
                        path: path.clone(),
                    });
                }
            }
        }
        system_files_missing
    }

    /// The file a manifest's name stands for: itself, else the one file
    /// whose name differs from it only by normalisation or case (a bag made
    /// on a Mac or Windows disk), with a warning.
    fn find(&mut self, disk: &OnDisk, manifest: &str, listed: &str) -> Option<String> {
        if disk.files.contains_key(listed) {
            return Some(listed.to_owned());
        }
        let nfc: String = listed.nfc().collect();
        let (found, spelling) = match disk.by_nfc.get(&nfc).map(Vec::as_slice) {
            Some([one]) => (one, Spelling::Normalisation),
            _ => match disk.by_case.get(&folded(listed)).map(Vec::as_slice) {
                Some([one]) => (one, Spelling::Case),
                _ => return None,
            },
        };
        self.warn(Problem::SpelledDifferently {
            file: manifest.to_owned(),
            listed: listed.to_owned(),
            found: found.clone(),
            spelling,
        });
        Some(found.clone())
    }

    /// Tag manifests: tag files anywhere in the bag, never outside it, never
    /// through a link.
    fn tag_manifests(
        &mut self,
        tag_manifests: &BTreeMap<Algorithm, String>,
        encoding: &'static encoding_rs::Encoding,
        expected: &mut Expected,
    ) {
        for (algorithm, name) in tag_manifests {
            let Some(entries) = self.manifest(name, *algorithm, encoding, false) else {
                continue;
            };
            for entry in entries {
                match open_in_bag(self.root, &entry.path) {
                    Ok((_, bytes)) if bytes > TAG_FILE_LIMIT => {
                        self.error(Problem::TagFileTooLarge {
                            file: entry.path,
                            bytes,
                        })
                    }
                    Ok(_) if entry.digest.is_empty() => {}
                    Ok(_) => {
                        expected.entry(entry.path.clone()).or_default().push((
                            *algorithm,
                            entry.digest,
                            name.clone(),
                            entry.path,
                        ));
                    }
                    Err(Refused::Missing) => self.error(Problem::Missing {
                        file: name.clone(),
                        path: entry.path,
                    }),
                    Err(Refused::NotRegular { path, kind }) => {
                        self.error(Problem::NotRegularFile { path, kind })
                    }
                    Err(Refused::Io(error)) => self.error(Problem::Unreadable {
                        path: entry.path,
                        error,
                    }),
                }
            }
        }
    }

    /// Every checksum, each file read once for all its algorithms, on all
    /// cores.
    fn checksums(&mut self, expected: &Expected) {
        let root = self.root;
        let results: Vec<(&String, Digests)> = expected
            .par_iter()
            .map(|(path, want)| {
                let algorithms: BTreeSet<Algorithm> = want.iter().map(|(a, ..)| *a).collect();
                (path, digest_file(root, path, &algorithms))
            })
            .collect();
        for (path, result) in results {
            let actual = match result {
                Ok(actual) => actual,
                Err(error) => {
                    self.error(Problem::Unreadable {
                        path: path.clone(),
                        error,
                    });
                    continue;
                }
            };
            for (algorithm, digest, file, listed) in &expected[path] {
                let Some((_, got)) = actual.iter().find(|(a, _)| a == algorithm) else {
                    continue;
                };
                if !got.eq_ignore_ascii_case(digest) {
                    self.error(Problem::Mismatch {
                        file: file.clone(),
                        path: listed.clone(),
                        algorithm: *algorithm,
                        expected: digest.to_ascii_lowercase(),
                        actual: got.clone(),
                    });
                }
            }
        }
    }

    /// `Payload-Oxum` (bytes.files) against the payload, once every file is
    /// there to count. Every file that is evidence was checked against the
    /// manifests; the count may differ by the system files left out, and
    /// then only by them.
    fn oxum(&mut self, report: &BagCheck, system_files_missing: BTreeSet<String>) {
        let complete = !self
            .findings
            .iter()
            .any(|f| matches!(f.problem, Problem::NotFetched { .. }));
        let stated: BTreeSet<&str> = report
            .info
            .iter()
            .filter(|f| f.label.eq_ignore_ascii_case("Payload-Oxum"))
            .map(|f| f.value.as_str())
            .collect();
        if stated.len() > 1 {
            self.error(Problem::OxumRepeated);
            return;
        }
        let Some(stated) = stated.into_iter().next().map(str::to_owned) else {
            return;
        };
        let number = |s: &str| {
            (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse::<u64>().ok())
                .flatten()
        };
        let Some((bytes, count)) = stated
            .split_once('.')
            .and_then(|(b, n)| Some((number(b)?, number(n)?)))
        else {
            self.error(Problem::OxumMalformed { value: stated });
            return;
        };
        let (on_disk_bytes, files) = (report.payload_bytes, report.payload_files);
        if !complete || (bytes, count) == (on_disk_bytes, files) {
            return;
        }
        // The system files left out hold no bytes: only their count differs.
        let left_out = system_files_missing.len() as u64;
        if left_out > 0 && count == files + left_out && bytes == on_disk_bytes {
            self.warn(Problem::OxumOffBySystemFiles {
                stated,
                bytes: on_disk_bytes,
                files,
            });
        } else {
            self.error(Problem::OxumMismatch {
                stated,
                bytes: on_disk_bytes,
                files,
            });
        }
    }
}

impl Checker<'_> {
    /// The regular files under `data/`, by their path in the bag, with
    /// their sizes; and the entries that are no regular file (links, pipes,
    /// devices), each a finding, never followed or read.
    fn payload(&mut self) -> (BTreeMap<String, u64>, BTreeSet<String>) {
        let mut files = BTreeMap::new();
        let mut refused = BTreeSet::new();
        let data = self.root.join("data");
        match std::fs::symlink_metadata(&data) {
            Ok(meta) if meta.is_dir() => {}
            Ok(meta) => {
                self.error(Problem::PayloadNotAFolder {
                    kind: kind_of(&meta),
                });
                return (files, refused);
            }
            Err(_) => {
                self.error(Problem::NoPayloadFolder);
                return (files, refused);
            }
        }
        for entry in walkdir::WalkDir::new(&data)
            .follow_links(false)
            .sort_by_file_name()
        {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    let path = e
                        .path()
                        .and_then(|p| p.strip_prefix(self.root).ok())
                        .map(|p| p.to_string_lossy().into_owned())
                        .unwrap_or_else(|| "data".to_owned());
                    self.error(Problem::Unreadable {
                        path,
                        error: e.to_string(),
                    });
                    continue;
                }
            };
            let relative = entry.path().strip_prefix(self.root).unwrap_or(entry.path());
            let Some(name) = relative.to_str().map(str::to_owned) else {
                self.error(Problem::NameNotUtf8 {
                    path: relative.to_string_lossy().into_owned(),
                });
                continue;
            };
            let file_type = entry.file_type();
            if file_type.is_dir() {
                continue;
            }
            if !file_type.is_file() {
                let kind = entry
                    .path()
                    .symlink_metadata()
                    .map(|m| kind_of(&m))
                    .unwrap_or("special file");
                refused.insert(name.clone());
                self.error(Problem::NotRegularFile { path: name, kind });
                continue;
            }
            match entry.metadata() {
                Ok(meta) => {
                    files.insert(name, meta.len());
                }
                Err(e) => self.error(Problem::Unreadable {
                    path: name,
                    error: e.to_string(),
                }),
            }
        }
        (files, refused)
    }
}
