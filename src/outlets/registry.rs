//! The outlet registry: who an outlet is, what kind, where, owned by whom,
//! how state-affiliated, and where each of those facts came from.
//!
//! Three layers, later ones winning field by field:
//! 1. `registry/state-media/State_Media_Matrix.csv` — the State Media Monitor
//!    data (MIT, see the LICENSE beside it), rows grouped into outlets here;
//! 2. `registry/outlets.toml` — curated entries (wire agencies, the outlets
//!    the demo corpus needs, common publishers);
//! 3. an optional user file in the same TOML format.
//!
//! Identification is data-driven: a new outlet is an entry here, not code.

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

pub use crate::model::outlets::Typology;

pub(crate) const CURATED: &str = include_str!("../../registry/outlets.toml");
pub(crate) const STATE_MEDIA_CSV: &str =
    include_str!("../../registry/state-media/State_Media_Matrix.csv");
const STATE_MEDIA_SOURCE: &str = "State Media Monitor via ASD state-media-profiles (Feb 2024), MIT licence; registry/state-media/State_Media_Matrix.csv";

/// What an outlet is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OutletKind {
    WireAgency,
    StateMedia,
    PublicBroadcaster,
    Commercial,
    Republisher,
    NgoIgo,
    Unknown,
}

impl OutletKind {
    pub fn as_str(self) -> &'static str {
        match self {
            OutletKind::WireAgency => "wire_agency",
            OutletKind::StateMedia => "state_media",
            OutletKind::PublicBroadcaster => "public_broadcaster",
            OutletKind::Commercial => "commercial",
            OutletKind::Republisher => "republisher",
            OutletKind::NgoIgo => "ngo_igo",
            OutletKind::Unknown => "unknown",
        }
    }

    /// In plain words, for explanations.
    pub fn describe(self) -> &'static str {
        match self {
            OutletKind::WireAgency => "news agency",
            OutletKind::StateMedia => "state media",
            OutletKind::PublicBroadcaster => "public broadcaster",
            OutletKind::Commercial => "commercial outlet",
            OutletKind::Republisher => "republisher",
            OutletKind::NgoIgo => "NGO or intergovernmental body",
            OutletKind::Unknown => "outlet",
        }
    }
}

/// Where an entry came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Layer {
    StateMediaMonitor,
    Bundled,
    User,
}

/// One outlet.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Outlet {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub domains: Vec<String>,
    pub kind: OutletKind,
    pub country: Option<String>,
    pub owner: Option<String>,
    /// `None`: not state-affiliated (or not known to be).
    pub state_affiliation: Option<Typology>,
    /// Exact phrases of site furniture that show the outlet published a page.
    pub publisher_markers: Vec<String>,
    /// Exact phrases only the producer's own copy carries (a house sign-off,
    /// a subscriber footer): they show the outlet produced the text.
    pub origin_markers: Vec<String>,
    /// Short names that stand for the outlet only inside a credit (a
    /// dateline's parentheses, a source line, a closing credit): `AA`, `MAP`.
    /// Too ambiguous as aliases in running text.
    pub credit_aliases: Vec<String>,
    /// A wire whose copy agencies and papers the world over run under their
    /// own names and datelines (Reuters, the AP, AFP): one text under its
    /// credit and a national outlet's is the wire's.
    pub international: bool,
    /// Field name → where the value came from.
    pub sources: BTreeMap<String, String>,
    /// The layers this entry was built from, in order.
    pub layers: Vec<Layer>,
}

/// A registry file that could not be used.
#[derive(Debug, thiserror::Error)]
pub enum RegistryError {
    #[error("{path}: cannot read the registry file: {source}")]
    Unreadable {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "{path}:{line}:{column}: {message}; fix the file (the bundled registry is used meanwhile)"
    )]
    Invalid {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RegistryFile {
    #[serde(default)]
    schema: Option<u32>,
    #[serde(default)]
    version: Option<String>,
    #[serde(default)]
    outlet: Vec<OutletEntry>,
}

/// An outlet as written in a registry file. In a user file every field but
/// `id` is optional, so an entry can correct one field of a bundled outlet.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OutletEntry {
    id: String,
    name: Option<String>,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    domains: Vec<String>,
    kind: Option<OutletKind>,
    country: Option<String>,
    owner: Option<String>,
    state_affiliation: Option<String>,
    source: Option<String>,
    #[serde(default)]
    sources: BTreeMap<String, String>,
    #[serde(default)]
    publisher_markers: Vec<String>,
    #[serde(default)]
    origin_markers: Vec<String>,
    #[serde(default)]
    credit_aliases: Vec<String>,
    international: Option<bool>,
}

/// The outlets, with indexes by name and by domain.
#[derive(Clone, Debug)]
pub struct Registry {
    outlets: Vec<Outlet>,
    by_name: HashMap<String, usize>,
    /// Credit aliases (and every name), for credits only.
    by_credit_name: HashMap<String, usize>,
    by_domain: HashMap<String, usize>,
    /// Country names with the `name_key` prefix they make ("iran "),
    /// longest first.
    countries: Vec<(String, String)>,
    /// `bundled:<version>`, plus `+user:<sha256 prefix>` when a user file is loaded.
    pub version: String,
}

/// How names are compared: lower case, `the` dropped, white space folded,
/// typographic apostrophes and dashes made plain.
pub fn name_key(name: &str) -> String {
    // Most names are ASCII: the same key in one pass, without the folding.
    if name.is_ascii() {
        let mut key = String::with_capacity(name.len());
        for word in name
            .split(char::is_whitespace)
            .map(|w| w.trim_matches(['.', ',', ';', ':', '"']))
            .filter(|w| !w.is_empty())
        {
            if !key.is_empty() {
                key.push(' ');
            }
            key.extend(word.chars().map(|c| c.to_ascii_lowercase()));
        }
        if key.starts_with("the ") {
            key.drain(..4);
        }
        return key;
    }
    folded_name_key(name)
}

/// [`name_key`] for any text: quotes and dashes folded first.
fn folded_name_key(name: &str) -> String {
    let folded: String = name
        .chars()
        .map(|c| match c {
            '’' | '‘' | '`' => '\'',
            '–' | '—' | '‐' => '-',
            c => c,
        })
        .collect();
    let words: Vec<&str> = folded
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| matches!(c, '.' | ',' | ';' | ':' | '"' | '“' | '”')))
        .filter(|w| !w.is_empty())
        .collect();
    let mut key = words.join(" ").to_lowercase();
    if let Some(rest) = key.strip_prefix("the ") {
        key = rest.to_owned();
    }
    key
}

/// The host of a URL or bare domain, lower case, without `www.`.
pub fn host_of(url: &str) -> Option<String> {
    let s = url.trim();
    let s = s.split_once("://").map(|(_, rest)| rest).unwrap_or(s);
    let host = s
        .split(['/', '?', '#'])
        .next()?
        .split('@')
        .next_back()?
        .split(':')
        .next()?;
    let host = host.trim_end_matches('.').to_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_owned();
    // International names in one form (Unicode), however written.
    let host = match idna::domain_to_unicode(&host) {
        (unicode, Ok(())) => unicode,
        _ => host,
    };
    (host.contains('.') && !host.contains(' ')).then_some(host)
}

fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

impl Registry {
    /// The SHA-256 of the program, its analysis version and this registry
    /// (its version and every outlet's record): what every stage's
    /// analysis of a document depends on besides the document.
    pub fn analysis_key(&self) -> String {
        use sha2::{Digest, Sha256};
        let mut h = Sha256::new();
        h.update(format!(
            "{} {} {}\n",
            crate::VERSION,
            crate::model::ANALYSIS_VERSION,
            self.version
        ));
        h.update(format!("{:?}", self.outlets));
        crate::fingerprint::hex(&h.finalize())
    }

    /// The outlets whose name, an alias, a domain or the id holds `words`
    /// (any case), in registry order; every outlet when `words` is empty.
    pub fn search(&self, words: &str) -> Vec<&Outlet> {
        let needle = words.trim().to_lowercase();
        self.outlets
            .iter()
            .filter(|o| {
                needle.is_empty()
                    || std::iter::once(&o.name)
                        .chain(&o.aliases)
                        .chain(&o.domains)
                        .chain(std::iter::once(&o.id))
                        .any(|s| s.to_lowercase().contains(&needle))
            })
            .collect()
    }

    /// The registry bundled with the program. Its data is tested, so this
    /// cannot fail at run time.
    pub fn bundled() -> Registry {
        let mut outlets = state_media_outlets();
        let file: RegistryFile =
            toml::from_str(CURATED).expect("registry/outlets.toml is valid (tested)");
        let version = file.version.clone().unwrap_or_else(|| "unversioned".into());
        for entry in file.outlet {
            apply(
                &mut outlets,
                entry,
                Layer::Bundled,
                "bundled registry (registry/outlets.toml)",
            );
        }
        let mut registry = Registry {
            outlets,
            by_name: HashMap::new(),
            by_credit_name: HashMap::new(),
            by_domain: HashMap::new(),
            countries: Vec::new(),
            version: format!("bundled:{version}"),
        };
        registry.reindex();
        registry
    }

    /// The bundled registry with a user file applied on top. On error the
    /// caller still has [`Registry::bundled`].
    pub fn with_user_file(path: &Path) -> Result<Registry, RegistryError> {
        let text = crate::fingerprint::read_regular(path, 64 << 20)
            .and_then(|b| {
                String::from_utf8(b).map_err(|_| {
                    std::io::Error::new(std::io::ErrorKind::InvalidData, "not UTF-8 text")
                })
            })
            .map_err(|source| RegistryError::Unreadable {
                path: path.to_path_buf(),
                source,
            })?;
        let file: RegistryFile = toml::from_str(&text).map_err(|e| {
            let (line, column) = e
                .span()
                .map(|span| line_column(&text, span.start))
                .unwrap_or((1, 1));
            RegistryError::Invalid {
                path: path.to_path_buf(),
                line,
                column,
                message: e.message().to_owned(),
            }
        })?;
        if let Some(schema) = file.schema.filter(|&v| v != 1) {
            return Err(RegistryError::Invalid {
                path: path.to_path_buf(),
                line: 1,
                column: 1,
                message: format!(
                    "schema {schema} is not one this program reads (it reads schema 1)"
                ),
            });
        }
        let mut registry = Registry::bundled();
        let label = format!("user registry ({})", path.display());
        for entry in file.outlet {
            apply(&mut registry.outlets, entry, Layer::User, &label);
        }
        registry.version = format!(
            "{}+user:{}",
            registry.version,
            &crate::fingerprint::sha256_hex(text.as_bytes())[..12]
        );
        registry.reindex();
        Ok(registry)
    }

    fn reindex(&mut self) {
        self.by_name.clear();
        self.by_credit_name.clear();
        self.by_domain.clear();
        let mut countries: Vec<String> = Vec::new();
        // Curated and user entries claim names first; state-media rows fill the rest.
        let mut order: Vec<usize> = (0..self.outlets.len()).collect();
        let curated = |o: &Outlet| o.layers.iter().any(|l| *l != Layer::StateMediaMonitor);
        order.sort_by_key(|&i| !curated(&self.outlets[i]));
        // A name two outlets of different countries answer to, at the same
        // layer (two state-media rows, or two curated entries), names
        // neither: "NTV", "Daily News", "PTV" resolve to no outlet rather
        // than to the first one listed (a wrong country and state behind
        // the text). A curated entry's name wins over a state-media row's.
        // So is a credit abbreviation two curated outlets of different
        // countries sign with: "APA" is Austria's agency and Africa's (APA
        // News, Dakar), whose "APA – Niamey (Niger)" had made an Austrian
        // text of a Sahel report.
        let outlets = &self.outlets;
        let shared = |j: usize, i: usize| {
            let (other, outlet) = (&outlets[j], &outlets[i]);
            j != i && other.country != outlet.country && curated(other) == curated(outlet)
        };
        // Claims `key` for outlet `i` in `index`, or marks it ambiguous.
        let claim = |index: &mut HashMap<String, usize>,
                     ambiguous: &mut std::collections::HashSet<String>,
                     key: String,
                     i: usize| match index.get(&key) {
            None => {
                index.insert(key, i);
            }
            Some(&j) if shared(j, i) => {
                ambiguous.insert(key);
            }
            Some(_) => {}
        };
        let mut ambiguous: std::collections::HashSet<String> = std::collections::HashSet::new();
        let mut ambiguous_credits: std::collections::HashSet<String> =
            std::collections::HashSet::new();
        for i in order {
            let outlet = &outlets[i];
            for name in std::iter::once(&outlet.name).chain(&outlet.aliases) {
                claim(&mut self.by_name, &mut ambiguous, name_key(name), i);
            }
            for name in &outlet.credit_aliases {
                claim(
                    &mut self.by_credit_name,
                    &mut ambiguous_credits,
                    name_key(name),
                    i,
                );
            }
            for domain in &outlet.domains {
                self.by_domain.entry(domain.clone()).or_insert(i);
            }
            if let Some(c) = &outlet.country
                && !countries.contains(c)
            {
                countries.push(c.clone());
            }
        }
        for key in &ambiguous {
            self.by_name.remove(key);
        }
        for key in &ambiguous_credits {
            self.by_credit_name.remove(key);
        }
        countries.sort_by_key(|c| std::cmp::Reverse(c.len()));
        self.countries = countries
            .into_iter()
            .map(|c| (format!("{} ", name_key(&c)), c))
            .collect();
    }

    pub fn outlets(&self) -> &[Outlet] {
        &self.outlets
    }

    pub fn get(&self, id: &str) -> Option<&Outlet> {
        self.outlets.iter().find(|o| o.id == id)
    }

    /// The outlet a name (as written in a credit line) refers to. A leading
    /// country name is tolerated when it is the outlet's own ("Iran Press TV"
    /// → Press TV, but "Libya Herald" is not Zimbabwe's The Herald).
    pub fn find_name(&self, name: &str) -> Option<&Outlet> {
        let key = name_key(name);
        if key.is_empty() {
            return None;
        }
        if let Some(&i) = self.by_name.get(&key) {
            return Some(&self.outlets[i]);
        }
        for (prefix, country) in &self.countries {
            if let Some(rest) = key.strip_prefix(prefix.as_str())
                && let Some(&i) = self.by_name.get(rest)
                && self.outlets[i].country.as_deref() == Some(country.as_str())
            {
                return Some(&self.outlets[i]);
            }
        }
        None
    }

    /// Whether `name` is a country some outlet of the registry belongs to.
    pub fn is_country(&self, name: &str) -> bool {
        self.countries
            .iter()
            .any(|(_, c)| c.eq_ignore_ascii_case(name))
    }

    /// [`Registry::find_name`] for a name read inside a credit (a dateline's
    /// parentheses, a source line, a closing credit), where an outlet's
    /// short credit aliases (`AA`, `MAP`) count too. A country's name alone
    /// is a place there, never a credit: `TEHRAN, Iran —` (an AP copy whose
    /// credit was cut) does not credit the Iranian daily *Iran*, nor
    /// `BAKU, Azerbaijan` the paper *Azerbaijan*.
    pub fn find_credit_name(&self, name: &str) -> Option<&Outlet> {
        if self.is_country(name.trim()) {
            return None;
        }
        self.find_name(name)
            .or_else(|| self.find_credit_alias(name))
    }

    /// The outlet a credit abbreviation alone names (`credit_aliases`).
    fn find_credit_alias(&self, name: &str) -> Option<&Outlet> {
        self.by_credit_name
            .get(&name_key(name))
            .map(|&i| &self.outlets[i])
    }

    /// The news agency a name gives where the text calls it an agency
    /// ("Russian news agency RIA"): by its names, else by its credit
    /// abbreviations; never an outlet of another kind.
    pub fn find_agency_name(&self, name: &str) -> Option<&Outlet> {
        let agency = |o: &&Outlet| o.kind == OutletKind::WireAgency;
        self.find_name(name)
            .filter(agency)
            .or_else(|| self.find_credit_alias(name).filter(agency))
    }

    /// Outlets whose origin markers occur in `text`, with the marker and its
    /// byte offset.
    pub fn origin_markers_in<'a>(&'a self, text: &str) -> Vec<(&'a Outlet, &'a str, usize)> {
        self.markers_in(text, |o| &o.origin_markers)
    }

    /// The outlet a host or URL belongs to (`en.irna.ir` → IRNA).
    pub fn find_domain(&self, url_or_host: &str) -> Option<&Outlet> {
        let host = host_of(url_or_host)?;
        let mut candidate = host.as_str();
        loop {
            if let Some(&i) = self.by_domain.get(candidate) {
                return Some(&self.outlets[i]);
            }
            match candidate.split_once('.') {
                Some((_, rest)) if rest.contains('.') => candidate = rest,
                _ => return None,
            }
        }
    }

    /// Outlets whose publisher markers occur in `text`, with the marker and
    /// its byte offset.
    pub fn publisher_markers_in<'a>(&'a self, text: &str) -> Vec<(&'a Outlet, &'a str, usize)> {
        self.markers_in(text, |o| &o.publisher_markers)
    }

    /// The markers of one kind that occur in `text`, with their outlet and
    /// byte offset.
    fn markers_in<'a>(
        &'a self,
        text: &str,
        markers: impl Fn(&'a Outlet) -> &'a [String],
    ) -> Vec<(&'a Outlet, &'a str, usize)> {
        let mut found = Vec::new();
        for outlet in &self.outlets {
            for marker in markers(outlet) {
                if let Some(at) = text.find(marker.as_str()) {
                    found.push((outlet, marker.as_str(), at));
                }
            }
        }
        found
    }
}

/// The user registry file when none is named: `outlets.toml` in the user's
/// configuration folder (`~/.config/provaudit/`), if it exists.
pub fn default_user_file() -> Option<PathBuf> {
    dirs::config_dir()
        .map(|d| d.join("provaudit").join("outlets.toml"))
        .filter(|p| p.is_file())
}

/// The registry to use: the bundled one plus `user_file` (or the default user
/// file). A user file that cannot be used comes back as an error beside the
/// bundled registry, so a typo never stops a run.
pub fn load(user_file: Option<&Path>) -> (Registry, Option<RegistryError>) {
    let path = user_file.map(Path::to_path_buf).or_else(default_user_file);
    match path {
        None => (Registry::bundled(), None),
        Some(path) => match Registry::with_user_file(&path) {
            Ok(r) => (r, None),
            Err(e) => (Registry::bundled(), Some(e)),
        },
    }
}

fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before
        .rsplit('\n')
        .next()
        .map(|l| l.chars().count())
        .unwrap_or(0)
        + 1;
    (line, column)
}

/// Applies one file entry: a new outlet, or field-by-field corrections of an
/// existing one (matched by id, then by name or domain with a state-media row).
fn apply(outlets: &mut Vec<Outlet>, entry: OutletEntry, layer: Layer, label: &str) {
    let source_of = |field: &str| {
        entry
            .sources
            .get(field)
            .cloned()
            .or_else(|| entry.source.clone())
            .unwrap_or_else(|| label.to_owned())
    };
    let entry_keys: Vec<String> = entry
        .name
        .iter()
        .chain(&entry.aliases)
        .map(|n| name_key(n))
        .collect();
    let entry_domains: Vec<String> = entry.domains.iter().filter_map(|d| host_of(d)).collect();
    let index = outlets.iter().position(|o| o.id == entry.id);
    // Fold every state-media row that is the same outlet into this entry.
    let mut merged_rows = Vec::new();
    for (i, o) in outlets.iter().enumerate() {
        if o.layers != [Layer::StateMediaMonitor] || Some(i) == index {
            continue;
        }
        let same_name = entry_keys.contains(&name_key(&o.name));
        let same_domain = o.domains.iter().any(|d| entry_domains.contains(d));
        // A name alone is another country's outlet when the countries
        // differ: NBC News's "NBC" is not Namibia's state broadcaster.
        let other_country = match (&entry.country, &o.country) {
            (Some(a), Some(b)) => name_key(a) != name_key(b),
            _ => false,
        };
        if same_domain || (same_name && !other_country) {
            merged_rows.push(i);
        }
    }
    let target = match index {
        Some(i) => i,
        None => match merged_rows.first() {
            Some(&i) => {
                outlets[i].id = entry.id.clone();
                i
            }
            None => {
                outlets.push(Outlet {
                    id: entry.id.clone(),
                    name: entry.id.clone(),
                    aliases: vec![],
                    domains: vec![],
                    kind: OutletKind::Unknown,
                    country: None,
                    owner: None,
                    state_affiliation: None,
                    publisher_markers: vec![],
                    origin_markers: vec![],
                    credit_aliases: vec![],
                    international: false,
                    sources: BTreeMap::new(),
                    layers: vec![],
                });
                outlets.len() - 1
            }
        },
    };
    for &i in merged_rows.iter().rev() {
        if i == target {
            continue;
        }
        let row = outlets[i].clone();
        let t = &mut outlets[target];
        for d in row.domains {
            if !t.domains.contains(&d) {
                t.domains.push(d);
            }
        }
        if t.aliases.iter().all(|a| name_key(a) != name_key(&row.name))
            && name_key(&t.name) != name_key(&row.name)
        {
            t.aliases.push(row.name);
        }
    }
    let t = &mut outlets[target];
    if !t.layers.contains(&layer) {
        t.layers.push(layer);
    }
    if let Some(name) = entry.name.clone() {
        if name_key(&name) != name_key(&t.name) && t.layers.contains(&Layer::StateMediaMonitor) {
            let old = std::mem::replace(&mut t.name, name);
            if t.aliases.iter().all(|a| name_key(a) != name_key(&old)) {
                t.aliases.push(old);
            }
        } else {
            t.name = name;
        }
        t.sources.insert("name".into(), source_of("name"));
    }
    for alias in &entry.aliases {
        if t.aliases.iter().all(|a| name_key(a) != name_key(alias))
            && name_key(&t.name) != name_key(alias)
        {
            t.aliases.push(alias.clone());
        }
    }
    if !entry.aliases.is_empty() {
        t.sources.insert("aliases".into(), source_of("aliases"));
    }
    for d in entry_domains {
        if !t.domains.contains(&d) {
            t.domains.push(d);
        }
    }
    if !entry.domains.is_empty() {
        t.sources.insert("domains".into(), source_of("domains"));
    }
    if let Some(kind) = entry.kind {
        // A state-media row knows the affiliation; a curated kind refines what
        // the outlet is (a state news agency stays a news agency).
        t.kind = kind;
        t.sources.insert("kind".into(), source_of("kind"));
    }
    if let Some(country) = entry.country.clone() {
        t.country = Some(country);
        t.sources.insert("country".into(), source_of("country"));
    }
    if let Some(owner) = entry.owner.clone() {
        t.owner = Some(owner);
        t.sources.insert("owner".into(), source_of("owner"));
    }
    if let Some(international) = entry.international {
        t.international = international;
        t.sources
            .insert("international".into(), source_of("international"));
    }
    if let Some(aff) = entry.state_affiliation.as_deref() {
        let explicit = entry.sources.contains_key("state_affiliation") || layer == Layer::User;
        let from_smm = t
            .sources
            .get("state_affiliation")
            .is_some_and(|s| s.starts_with("State Media Monitor"));
        // The State Media Monitor is the authority on affiliation: a curated
        // entry overrides it only when it names its own source for the field.
        if !from_smm || explicit {
            t.state_affiliation = Typology::parse(aff);
            t.sources
                .insert("state_affiliation".into(), source_of("state_affiliation"));
        }
    }
    for marker in &entry.publisher_markers {
        if !t.publisher_markers.contains(marker) {
            t.publisher_markers.push(marker.clone());
        }
    }
    if !entry.publisher_markers.is_empty() {
        t.sources
            .insert("publisher_markers".into(), source_of("publisher_markers"));
    }
    for (field, from, to) in [
        (
            "origin_markers",
            &entry.origin_markers,
            &mut t.origin_markers,
        ),
        (
            "credit_aliases",
            &entry.credit_aliases,
            &mut t.credit_aliases,
        ),
    ] {
        for value in from {
            if !to.contains(value) {
                to.push(value.clone());
            }
        }
        if !from.is_empty() {
            t.sources.insert(field.into(), source_of(field));
        }
    }
    for &i in merged_rows.iter().rev() {
        if i != target {
            outlets.remove(i);
        }
    }
}

/// Groups the State Media Monitor rows into outlets: one per country, company
/// and asset, with every URL's host as a domain.
fn state_media_outlets() -> Vec<Outlet> {
    let mut reader = csv::Reader::from_reader(STATE_MEDIA_CSV.as_bytes());
    let headers = reader
        .headers()
        .expect("State_Media_Matrix.csv has headers (tested)")
        .clone();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h.trim() == name)
            .expect("expected column (tested)")
    };
    let (country, company, asset, url, typology) = (
        col("Country"),
        col("Media company"),
        col("Main assets"),
        col("URL"),
        col("Typology"),
    );
    let mut outlets: Vec<Outlet> = Vec::new();
    let mut index: HashMap<(String, String, String), usize> = HashMap::new();
    for record in reader.records().flatten() {
        let get = |i: usize| record.get(i).unwrap_or("").trim().to_owned();
        let raw_asset = get(asset);
        let name = strip_asset_prefix(if raw_asset.is_empty() {
            record.get(company).unwrap_or("")
        } else {
            &raw_asset
        });
        if name.is_empty() {
            continue;
        }
        let (country, company) = (
            get(country),
            get(company).trim_end_matches('*').trim().to_owned(),
        );
        let key = (country.clone(), company.clone(), name_key(&name));
        let host = host_of(&get(url));
        let affiliation = Typology::parse(&get(typology));
        let i = *index.entry(key).or_insert_with(|| {
            let lower = format!("{} {}", raw_asset.to_lowercase(), company.to_lowercase());
            let kind = if ["news agency", "agency", "agence", "agenzia", "agencia"]
                .iter()
                .any(|w| lower.contains(w))
            {
                OutletKind::WireAgency
            } else if affiliation.is_some_and(Typology::editorially_controlled) {
                OutletKind::StateMedia
            } else {
                OutletKind::PublicBroadcaster
            };
            let mut sources = BTreeMap::new();
            for field in [
                "name",
                "kind",
                "country",
                "owner",
                "state_affiliation",
                "domains",
            ] {
                sources.insert(field.to_owned(), STATE_MEDIA_SOURCE.to_owned());
            }
            sources.insert(
                "kind".to_owned(),
                "derived from the State Media Monitor typology and the asset's name".to_owned(),
            );
            // "Radio France Internationale (RFI)": the name as written
            // without its bracketed acronym is the outlet too (a copyright
            // line "© 2013 Radio France Internationale" had been read as
            // Radio France's, another outlet).
            let bare = name
                .strip_suffix(')')
                .and_then(|n| n.rsplit_once(" ("))
                .map(|(bare, _)| bare.trim().to_owned())
                .filter(|bare| bare.split_whitespace().count() >= 2);
            outlets.push(Outlet {
                id: format!("smm-{}-{}", slug(&country), slug(&name)),
                name: name.clone(),
                aliases: bare.into_iter().collect(),
                domains: vec![],
                kind,
                country: Some(country.clone()).filter(|c| !c.is_empty()),
                owner: Some(company.clone())
                    .filter(|c| !c.is_empty() && name_key(c) != name_key(&name)),
                state_affiliation: affiliation,
                publisher_markers: vec![],
                origin_markers: vec![],
                credit_aliases: vec![],
                international: false,
                sources,
                layers: vec![Layer::StateMediaMonitor],
            });
            outlets.len() - 1
        });
        if let Some(host) = host
            && !outlets[i].domains.contains(&host)
        {
            outlets[i].domains.push(host);
        }
    }
    // Ids must be unique even when two companies of a country run same-named assets.
    let mut seen: HashMap<String, usize> = HashMap::new();
    for o in &mut outlets {
        let n = seen.entry(o.id.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            o.id = format!("{}-{n}", o.id);
        }
    }
    outlets
}

/// "News agency: Xinhua" → "Xinhua"; "Television: CNC World" → "CNC World".
fn strip_asset_prefix(asset: &str) -> String {
    let asset = asset.trim();
    if let Some((prefix, rest)) = asset.split_once(':')
        && prefix.split_whitespace().count() <= 2
        && !rest.trim().is_empty()
    {
        return rest.trim().to_owned();
    }
    asset.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A name two outlets of different countries answer to names neither
    /// (a wrong country and state would stand behind the text), unless a
    /// curated entry claims it over a state-media row.
    #[test]
    fn a_name_of_outlets_in_two_countries_resolves_to_neither() {
        let r = Registry::bundled();
        for shared in ["NTV", "Daily News", "PTV", "MBC"] {
            assert!(
                r.find_name(shared).is_none(),
                "{shared}: {:?}",
                r.find_name(shared).map(|o| &o.name)
            );
        }
        // A credit abbreviation two agencies sign with: neither ("APA –
        // Niamey (Niger)" is Africa's APA News, not Austria's APA), while
        // each full name still names its own.
        assert!(r.find_credit_name("APA").is_none());
        assert_eq!(
            r.find_credit_name("APA News").unwrap().country.as_deref(),
            Some("Senegal")
        );
        assert_eq!(
            r.find_credit_name("Austria Presse Agentur")
                .unwrap()
                .country
                .as_deref(),
            Some("Austria")
        );
        // Senegal's APS is a state-media row; Algeria's is curated.
        assert_eq!(
            r.find_name("APS").unwrap().country.as_deref(),
            Some("Algeria")
        );
        let sabah = r.find_name("SABAH").expect("a curated entry");
        assert_eq!(sabah.country.as_deref(), Some("Pakistan"));
        assert_eq!(
            r.find_name("Daily Sabah").unwrap().country.as_deref(),
            Some("Turkey")
        );
        // Names one outlet answers to still resolve.
        assert_eq!(r.find_name("Reuters").unwrap().id, "reuters");
    }

    /// `provaudit outlets WORDS` finds an outlet by any of its names or
    /// domains, any case.
    #[test]
    fn search_finds_an_outlet_by_alias_or_domain() {
        let r = Registry::bundled();
        let names =
            |q: &str| -> Vec<String> { r.search(q).iter().map(|o| o.name.clone()).collect() };
        assert!(names("aljazeera.com").contains(&"Al Jazeera".to_owned()));
        assert!(names("  AL JAZEERA english ").contains(&"Al Jazeera".to_owned()));
        assert!(names("no outlet is called this").is_empty());
        assert_eq!(r.search("").len(), r.outlets().len());
    }

    /// Newspapers and broadcasters that stories cite by name ("she told
    /// Sky News", "according to Dawn") are registered, with their country
    /// and, where the State Media Monitor lists them, its typology.
    #[test]
    fn outlets_stories_cite_are_registered() {
        let r = Registry::bundled();
        for (name, country, affiliation) in [
            ("Sky News", "United Kingdom", None),
            ("The Guardian", "United Kingdom", None),
            ("Financial Times", "United Kingdom", None),
            ("Dawn", "Pakistan", None),
            ("Haaretz", "Israel", None),
            ("Kommersant", "Russia", None),
            ("France 24", "France", Some(Typology::ISFM)),
            ("Deutsche Welle", "Germany", Some(Typology::ISF)),
            ("Al Arabiya", "Saudi Arabia", Some(Typology::CaPu)),
            ("Daily Sabah", "Turkey", Some(Typology::CaPr)),
        ] {
            let o = r.find_name(name).unwrap_or_else(|| panic!("{name}"));
            assert_eq!(o.country.as_deref(), Some(country), "{name}");
            assert_eq!(o.state_affiliation, affiliation, "{name}");
        }
        // A name two countries' papers answer to is not one of them.
        for ambiguous in ["The Times", "The Independent"] {
            assert!(r.find_name(ambiguous).is_none(), "{ambiguous}");
        }
    }

    #[test]
    fn bundled_registry_loads_with_unique_ids() {
        let r = Registry::bundled();
        let mut ids: Vec<&str> = r.outlets().iter().map(|o| o.id.as_str()).collect();
        let n = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), n, "duplicate outlet ids");
        assert!(n > 500, "{n} outlets");
    }

    #[test]
    fn state_media_rows_are_grouped_and_credited() {
        let r = Registry::bundled();
        let xinhua = r.find_name("Xinhua").expect("Xinhua");
        assert_eq!(xinhua.state_affiliation, Some(Typology::SC));
        assert_eq!(xinhua.kind, OutletKind::WireAgency);
        assert!(xinhua.layers.contains(&Layer::StateMediaMonitor));
        assert!(xinhua.sources["state_affiliation"].contains("State Media Monitor"));
        // An outlet only the State Media Monitor knows keeps its credit and licence.
        let syria_times = r.find_name("Syria Times").expect("Syria Times");
        assert_eq!(syria_times.layers, vec![Layer::StateMediaMonitor]);
        assert!(syria_times.sources["state_affiliation"].contains("MIT licence"));
        assert_eq!(
            syria_times.owner.as_deref(),
            Some("Al-Wahda Foundation for Press, Printing, Publishing and Distribution")
        );
        let bbc = r
            .find_domain("https://www.bbc.co.uk/news/world")
            .expect("BBC by domain");
        assert_eq!(bbc.state_affiliation, Some(Typology::IP));
        assert_eq!(
            r.find_domain("en.irna.ir").map(|o| o.country.as_deref()),
            Some(Some("Iran"))
        );
    }

    #[test]
    fn names_are_matched_loosely_but_not_carelessly() {
        assert_eq!(name_key("  The Associated  Press. "), "associated press");
        assert_eq!(name_key("Press TV’s"), "press tv's");
        // The one-pass key of an ASCII name is the general one.
        for name in [
            "  The Associated  Press. ",
            "the",
            "The ",
            "THE NEW YORK TIMES",
            "Theresa May",
            "\u{b}Reuters\tNews;:\"",
            "Agence France-Presse (AFP)",
            ". , ;",
            "",
            "U.S. State Department",
        ] {
            assert_eq!(name_key(name), folded_name_key(name), "{name:?}");
        }
        assert_eq!(
            host_of("https://www.PressTV.ir/Detail/2019"),
            Some("presstv.ir".into())
        );
        assert_eq!(host_of("not a url"), None);
    }

    /// A curated outlet takes in a state-media row of its name only from
    /// its own country: NBC News ("NBC") stays unaffiliated, and
    /// Namibia's state broadcaster, the monitor's "NBC", stays itself.
    #[test]
    fn a_state_media_row_of_another_country_is_not_folded_in_by_name() {
        let r = Registry::bundled();
        let nbc = r.get("nbc-news").unwrap();
        assert_eq!(nbc.country.as_deref(), Some("United States of America"));
        assert_eq!(nbc.state_affiliation, None, "{nbc:?}");
        assert!(
            r.outlets()
                .iter()
                .any(|o| o.country.as_deref() == Some("Namibia")
                    && o.state_affiliation.is_some()
                    && name_key(&o.name) == "nbc"),
            "Namibia's broadcaster is still its own outlet"
        );
    }

    #[test]
    fn a_country_prefix_is_only_dropped_for_that_country() {
        let r = Registry::bundled();
        assert_eq!(
            r.find_name("Iran Press TV").map(|o| o.id.as_str()),
            Some("press-tv")
        );
        assert!(r.find_name("Libya Herald").is_none());
    }

    #[test]
    fn asset_prefixes_are_dropped() {
        assert_eq!(strip_asset_prefix("News agency: Xinhua"), "Xinhua");
        assert_eq!(
            strip_asset_prefix("Print media: Reference News (Cānkǎo Xiāoxī)"),
            "Reference News (Cānkǎo Xiāoxī)"
        );
        assert_eq!(strip_asset_prefix("Al Jazeera"), "Al Jazeera");
    }
}
