//! The house keeps its own shape: the core's modules form layers, each
//! importing only the layers below it, so no module imports one that
//! imports it back (the store never depends on how a stage decides, a
//! read model never on the exports that render it).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The core's top-level modules, lowest first: each may import only those
/// before it. A new module takes its place here, in the layer whose
/// modules it needs (ARCHITECTURE.md's code map says what each holds).
const LAYERS: &[&str] = &[
    // Foundations: names, hashing, escaping, patterns, progress, cleaning.
    "relpath",
    "fingerprint",
    "escape",
    "pattern",
    "progress",
    "clean",
    // Reading files: manifests, the folder walk, bags, web archives, text.
    "manifest",
    "scan",
    "bag",
    "warc",
    "text",
    // What the stages decide, as data.
    "verification",
    "model",
    // The store.
    "store",
    // Evidence computed elsewhere, checked and loaded into the store.
    "import",
    // The stages.
    "warc_pages",
    "ingest",
    "verify",
    "outlets",
    "claims",
    "review",
    // Read models and the use cases over them.
    "view",
    "search",
    "pipeline",
    "export",
];

/// The top-level modules of `crate::` each source file under `src/` names
/// outside comments and its tests, by the file's own top-level module. The
/// adapters (`main.rs`, `cli/`, `bin/`) are left out: they may use anything.
fn imports(src: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let crate_path = regex::Regex::new(r"crate::([a-z_][a-z0-9_]*)").unwrap();
    let mut found: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for entry in walkdir::WalkDir::new(src) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(src).unwrap();
        if rel.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let first = rel.components().next().unwrap().as_os_str();
        let top = first.to_str().unwrap().trim_end_matches(".rs").to_owned();
        if ["main", "cli", "bin", "lib"].contains(&top.as_str()) {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        let code = text.split("#[cfg(test)]").next().unwrap();
        let targets = found.entry(top.clone()).or_default();
        for line in code.lines().filter(|l| !l.trim_start().starts_with("//")) {
            for c in crate_path.captures_iter(line) {
                let to = &c[1];
                // `crate::VERSION` and the like are the crate root's.
                if to != top && to.chars().all(|ch| !ch.is_ascii_uppercase()) {
                    targets.insert(to.to_owned());
                }
            }
        }
    }
    found
}

#[test]
fn every_module_imports_only_the_layers_below_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let lib = std::fs::read_to_string(src.join("lib.rs")).unwrap();
    let declared: BTreeSet<&str> = lib
        .lines()
        .filter_map(|l| l.strip_prefix("pub mod "))
        .map(|l| l.trim_end_matches(';'))
        .collect();
    let layered: BTreeSet<&str> = LAYERS.iter().copied().collect();
    assert_eq!(
        declared, layered,
        "every module lib.rs declares has a place in LAYERS (tests/it/house.rs), and only those"
    );
    let rank = |m: &str| LAYERS.iter().position(|l| *l == m);
    let mut upward = Vec::new();
    for (from, targets) in imports(&src) {
        let from_rank = rank(&from).unwrap_or_else(|| panic!("src/{from} is not in LAYERS"));
        for to in targets {
            match rank(&to) {
                Some(r) if r < from_rank => {}
                _ => upward.push(format!("{from} imports {to}")),
            }
        }
    }
    assert!(
        upward.is_empty(),
        "modules importing a layer at or above their own (move the shared type down, or the \
         use case up): {upward:?}"
    );
}

#[test]
fn the_layer_check_sees_an_import_upward() {
    // The check above passes only if it can fail: a store importing a stage
    // is seen.
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("store")).unwrap();
    std::fs::write(
        dir.path().join("store/mod.rs"),
        "use crate::claims::Cluster; // not a comment\n// crate::review in a comment\n\
         #[cfg(test)]\nmod tests { use crate::pipeline; }\n",
    )
    .unwrap();
    let found = imports(dir.path());
    assert_eq!(
        found["store"]
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
        ["claims"]
    );
}
