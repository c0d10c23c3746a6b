//! The payload: the files under `data/` as they are on disk, matched to
//! what the manifests list, and every checksum computed.

use super::{
    Algorithm, BagCheck, Checker, Digests, Problem, Spelling, digest_file, index_by, inside_bag,
    is_system_file, kind_of,
};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;
use unicode_normalization::UnicodeNormalization;

/// What the manifests expect of one file: (algorithm, digest, the manifest,
/// the name it used).
type Expected = BTreeMap<String, Vec<(Algorithm, String, String, String)>>;

/// The payload on disk: path in the bag to size, and the paths under their
/// NFC and case-folded spellings.
struct OnDisk {
    files: BTreeMap<String, u64>,
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
        let files = self.payload();
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
        fetch: &HashMap<String, String>,
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
                        Some(url) => self.error(Problem::NotFetched {
                            path: entry.path,
                            url: url.clone(),
                        }),
                        None if is_system_file(&entry.path) => {
                            self.warn(Problem::SystemFileMissing {
                                file: name.clone(),
                                path: entry.path.clone(),
                            });
                            system_files_missing.insert(entry.path);
                        }
                        None => self.error(Problem::Missing {
                            file: name.clone(),
                            path: entry.path,
                        }),
                    },
                }
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
                match own_file(self.root, &entry.path) {
                    Ok(true) if entry.digest.is_empty() => {}
                    Ok(true) => {
                        expected.entry(entry.path.clone()).or_default().push((
                            *algorithm,
                            entry.digest,
                            name.clone(),
                            entry.path,
                        ));
                    }
                    Ok(false) => self.error(Problem::Missing {
                        file: name.clone(),
                        path: entry.path,
                    }),
                    Err((path, kind)) => self.error(Problem::NotRegularFile { path, kind }),
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
                (path, digest_file(&root.join(path), &algorithms))
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
        let Some(stated) = report
            .info
            .iter()
            .find(|f| f.label.eq_ignore_ascii_case("Payload-Oxum"))
            .map(|f| f.value.clone())
        else {
            return;
        };
        let Some((bytes, count)) = stated
            .split_once('.')
            .and_then(|(b, n)| Some((b.parse::<u64>().ok()?, n.parse::<u64>().ok()?)))
        else {
            self.error(Problem::OxumMalformed { value: stated });
            return;
        };
        let (on_disk_bytes, files) = (report.payload_bytes, report.payload_files);
        if !complete || (bytes, count) == (on_disk_bytes, files) {
            return;
        }
        let left_out = system_files_missing.len() as u64;
        if left_out > 0 && count == files + left_out && bytes >= on_disk_bytes {
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
    /// their sizes. Links and special files are findings, never followed.
    fn payload(&mut self) -> BTreeMap<String, u64> {
        let mut files = BTreeMap::new();
        let data = self.root.join("data");
        match std::fs::symlink_metadata(&data) {
            Ok(meta) if meta.is_dir() => {}
            Ok(meta) => {
                self.error(Problem::NotRegularFile {
                    path: "data".to_owned(),
                    kind: kind_of(&meta),
                });
                return files;
            }
            Err(_) => {
                self.error(Problem::NoPayloadFolder);
                return files;
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
        files
    }
}

/// Whether `rel` is a regular file of the bag reached without a link: every
/// folder on the way is checked, so a linked folder cannot lead outside.
/// `Err` names what stood in the way and what it is.
fn own_file(root: &Path, rel: &str) -> Result<bool, (String, &'static str)> {
    if !inside_bag(rel) {
        return Err((rel.to_owned(), "path outside the bag"));
    }
    let mut at = root.to_path_buf();
    let parts: Vec<&str> = rel
        .split('/')
        .filter(|p| !p.is_empty() && *p != ".")
        .collect();
    for (i, part) in parts.iter().enumerate() {
        at.push(part);
        let meta = match std::fs::symlink_metadata(&at) {
            Ok(meta) => meta,
            Err(_) => return Ok(false),
        };
        let last = i + 1 == parts.len();
        match (last, meta.is_file(), meta.is_dir()) {
            (true, true, _) => return Ok(true),
            (false, _, true) => {}
            _ => return Err((parts[..=i].join("/"), kind_of(&meta))),
        }
    }
    Ok(false)
}
