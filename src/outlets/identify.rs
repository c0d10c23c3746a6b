//! Who published a document and who produced its text, from its text alone.
//!
//! Rules find *signals* — a name, the exact text and place that shows it, the
//! rule, a confidence — and a decision weighs them. Every rule is generic;
//! which names count is the registry's business. The rules, each with its
//! role, confidence, description and examples, are the table of
//! [`Rule`](super::rules::Rule) (documented, strongest first, in
//! [`super::rules`]); a photo credit is never evidence of the text, and any
//! line with a picture-credit word (photo, Getty, Images, Pool, Handout) stops
//! every dateline rule.
//!
//! Short abbreviations (`AA`, `MAP`, `MNA`) count only inside a credit (a
//! dateline's parentheses or slashes, a source line, a closing credit): they
//! are the registry's `credit_aliases`. Real credit lines from other stories,
//! traps included, are tested in `tests/it/credits.rs`.

use super::registry::{OutletKind, Registry, name_key};
pub use super::rules::Rule;
use super::rules::{
    BYLINE_FOR_UNREGISTERED, BYLINE_WITH_BUREAU, COPYRIGHT_PUBLISHER, CREDIT_LINE_UNREGISTERED,
    DATELINE_AGENCY_LEAD, DATELINE_BARE, DATELINE_CREDIT, DATELINE_PAREN_OR_DASH,
    DATELINE_UNREGISTERED, REPUBLISHED_NOTE_UNREGISTERED, SELF_REFERENCE_TOLD,
    SOURCE_LINE_UNREGISTERED, UNNAMED_AGENCIES,
};
use regex::Regex;
use serde::Serialize;
use std::sync::LazyLock;

/// What a signal says about an outlet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Publisher,
    Origin,
    /// Named in the body: weak evidence, used only to resolve "Agencies".
    Mention,
    /// A photo credit: shown, never evidence of who wrote the text.
    PhotoCredit,
    /// A newsroom whose report the lead relays ("…, Xinhua news agency
    /// reported."): never the producer, but in a claim that newsroom
    /// stands behind, the document counts as one origin with it.
    Relayed,
}

/// One piece of evidence. Offsets are byte offsets into the cleaned text the
/// rules ran on; the outlets stage maps them to the original file.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Signal {
    pub role: Role,
    /// The outlet's canonical name when registered, else the name as written.
    pub name: String,
    pub outlet_id: Option<String>,
    pub rule: Rule,
    /// The exact text that fired the rule.
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub confidence: f32,
}

/// How the publisher's copy relates to the producer of the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// The publisher produced the text.
    Original,
    /// Another outlet's article, reposted.
    Republished,
    /// A news agency's wire copy.
    SyndicatedWire,
    /// The producer could not be told.
    Unknown,
    /// A page of several producers' stories, each under its own dateline
    /// (an aggregator's page, a digest of wires): no one producer.
    Digest,
}

impl Relation {
    /// How a publisher's copy relates to the origin `(name, outlet id)`: the
    /// same outlet, a news agency's wire, or another outlet's article.
    pub fn between(
        registry: &Registry,
        publisher: Option<&str>,
        origin: Option<(&str, Option<&str>)>,
    ) -> Relation {
        match (publisher, origin) {
            (_, None) => Relation::Unknown,
            (Some(p), Some((o, _))) if p == o => Relation::Original,
            (_, Some((_, id))) => {
                let wire = id
                    .and_then(|id| registry.get(id))
                    .is_some_and(|x| x.kind == OutletKind::WireAgency);
                if wire {
                    Relation::SyndicatedWire
                } else {
                    Relation::Republished
                }
            }
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Original => "original",
            Relation::Republished => "republished",
            Relation::SyndicatedWire => "syndicated_wire",
            Relation::Unknown => "unknown",
            Relation::Digest => "digest",
        }
    }
}

/// A decision about the publisher or the origin, and the signal behind it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Decision {
    pub name: String,
    pub outlet_id: Option<String>,
    pub confidence: f32,
    /// The signal the decision rests on (for an origin inferred from the
    /// publisher, the publisher's signal).
    pub evidence: Signal,
    /// Why, in words (rule and any inference).
    pub basis: String,
}

/// Everything identification found for one document.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Identification {
    pub signals: Vec<Signal>,
    pub publisher: Option<Decision>,
    pub origin: Option<Decision>,
    pub relation: Relation,
    /// Outlets named in the text that were not taken as publisher or origin.
    pub candidates: Vec<String>,
    pub explanation: String,
    /// The other producers the text credits beside its origin (name and
    /// registry id): `(AFP/APP)`, or an agency's dateline and another's
    /// closing credit.
    pub co_producers: Vec<(String, Option<String>)>,
    /// Newsrooms the lead relays (name, registry id, the words saying so):
    /// in a claim one of them stands behind, the document counts with it.
    pub relays: Vec<(String, Option<String>, String)>,
}

/// HTML metadata kept at ingest.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageMeta {
    pub site_name: Option<String>,
    pub canonical_url: Option<String>,
    /// The address the capture fetched the page from.
    pub capture_url: Option<String>,
    /// The page's author metadata (`<meta name="author">`, JSON-LD
    /// `author`…), as the page states it.
    pub credits: Vec<crate::text::PageCredit>,
}

use crate::pattern::re;

static WIRE_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\s*(?:[A-Z][A-Za-z.'’ /-]{1,40}(?:,\s*[A-Z][A-Za-z0-9.' ]{1,30})?,?\s*|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?\s*)?\((?P<name>[A-Z][A-Za-z.&'’ -]{0,40}?)\)\s*(?:[-–—:]|$)",
    )
});
static DASH_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\s*(?P<city>[A-Z][A-Z.'’ ]{1,30}(?:/[A-Z][A-Z.'’ ]{1,30})*)(?:,\s*[\p{L}0-9][\p{L}0-9.' ]{0,20})?\s*[-–—]\s*(?P<rest>[A-Z].{1,60})",
    )
});
/// The agency after the place and date, set off by commas or bars:
/// `Tehran, Jan 23, IRNA --`, `Damascus/Hasaka, SANA –`,
/// `Harare, Zimbabwe | AFP |`.
static BARE_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\s*\p{Lu}[\p{L}.'’/ -]{1,40}?(?:[,.]\s*[\p{L}0-9][\p{L}0-9.' ]{0,20}?){0,2}\s*[,|]\s*(?P<name>\p{L}[\p{L}.&' -]{1,30}?)\s*(?:--|[-–—|:]|\.\s)\s*\S",
    )
});
/// No place: the agency opening the lead, set off by a dash or colon,
/// perhaps with its desk after a slash or glued to it by a page that set
/// it apart (`IRNA – Iran's…`, `Iran Press/Europe: Wagner…`, `Iran
/// PressEurope: Wagner…`), perhaps after the publishing site's own name
/// and a dash (`Sharjah24 - AFP: Following…`), or set off by a slash
/// (`Shafaq News/ Former Iranian…`); a sentence of at least four words
/// follows.
static AGENCY_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\s*(?:\p{Lu}[\p{L}\p{N}.'’]{1,30}\s+[-–—|]\s+)?(?P<name>\p{Lu}[\p{L}.&'’ -]{1,30}?)(?:\s*/\s*\p{Lu}[\p{L} ]{1,20}?|(?P<glued>\p{Lu}\p{Ll}{2,15}))?\s*(?:--|[–—:]|\s-|/\s)\s*[\p{Lu}“\x22]\S*(?:\s+\S+){3}",
    )
});
/// A body's own statement, its header on a line of its own: `Press release
/// of the Press Service of the President of the Republic of Belarus`,
/// `Statement by the Ministry of Foreign Affairs of Ukraine`. The body is
/// named with a word for an institution; a person, a family or a sentence
/// going on after the name is no header.
static ISSUER_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"^\s*(?:No\.?\s*:?\s*[\w/.-]+,?\s+)?(?:(?i:press)\s+)?(?i:release|statement|communiqu[eé]|announcement|readout)\s+(?i:of|by|from)\s+(?:the\s+)?(?P<name>{ISSUER})\s*\.?\s*$"
    ))
});
/// A site reposting a body's release says so: `The press release issued by
/// the Foreign Office on 21 July 2023.`
static ISSUED_BY: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"^\s*(?i:the\s+)?(?i:press\s+release|statement|communiqu[eé])\s+(?i:issued|released|published)\s+by\s+(?:the\s+)?(?P<name>{ISSUER})(?:\s+on\s+[\w ,]{{3,30}})?\s*\.?\s*$"
    ))
});
/// A body's name: capitalised words, small words between them (`Press
/// Service of the President of the Republic of Belarus`).
const ISSUER: &str = r"\p{Lu}[\p{L}0-9'’.&-]*(?:\s+(?:(?:of|the|for|and|in|on|to|de|du|la)\s+)*\p{Lu}[\p{L}0-9'’.&-]*){0,14}";
/// The words that name a body issuing statements.
static ISSUING_BODY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:Press Service|Press Office|Press Secretary|Spokesperson|Spokesman|Office|Ministry|Department|Presidency|Government|Embassy|Consulate|Secretariat|Commission|Council|Committee|Cabinet|Administration|Agency|Authority|Police|Armed Forces|Army|Navy|Command|Kremlin|White House|Mission|Parliament|Assembly|Court)\b",
    )
});
/// The agency right after the place and the day, with no mark between:
/// `TOKYO, April 13 Kyodo -`, as Kyodo's English wire signs its copy. A
/// dash, a colon or the line's end follows the name.
static DATED_AGENCY_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\s*\p{Lu}[\p{Lu}.'’ /-]{1,40}?,\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\s+(?P<name>\p{Lu}[\p{L}.&' -]{1,30}?)\s*(?:--|[-–—:]|$)",
    )
});
/// A writer's credit with the agency and the bureau:
/// `Philippe Ries, Agence France-Presse, Hong Kong`.
static PERSON_AGENCY_PLACE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\s*\p{Lu}[\p{L}.'-]+(?:\s+\p{Lu}[\p{L}.'-]+){1,3},\s*(?P<name>[^,\n]{2,40}),\s*\p{Lu}[\p{L} ]{2,30}\s*$",
    )
});
/// A dateline whose credit sits between slashes: `MOSCOW, August 5. /TASS/.`,
/// `ISLAMABAD, August 29/WAM/`, in any script (`МОСКВА, 12 декабря. /ТАСС/.`) (not the slashes inside parentheses of
/// `London, June 12 (AFP/APP/DNA):`, several agencies credited together).
static SLASH_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\s*\p{Lu}[\p{L}.'’ -]{1,40}(?:,[^/(\n]{1,30}?)?\s*/\s*(?P<name>\p{L}[\p{L}.&' -]{0,30}?)\s*/",
    )
});
/// A dateline whose parentheses hold more than one name, or a date:
/// `BEIRUT (UrduPoint News / Sputnik - 07th August, 2020)`,
/// `RABAT, Sept 9 (NNN-XINHUA) —`, `Taipei, April 3 (CNA) The…`,
/// `KYIV, Ukraine, April 13, 2024 (BSS/AFP) -` (place, country and a
/// dated day).
static PAREN_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\s*[\p{Lu}\p{Lo}][\p{L}\p{M}.'’ /-]{1,40}?(?:\s*\([^()\n]{2,30}\))?(?:\s*\[[^\[\]\n]{2,30}\])?(?:[,.]\s*[\p{L}0-9][\p{L}0-9.' ]{0,20}){0,3},?\s*\((?P<inner>[^()\n]{2,80})\)\s*\.?\s*(?:--|[-–—:|]|\p{Lu}|\p{Lo}|[“\x22]|$)",
    )
});
/// A news agency's name with the time its copy ran, on a line of its own:
/// `PTI, Aug 16, 2021, 5:44 PM IST`, `Xinhua | Updated: 2021-10-12 09:23`,
/// `The Associated Press | Monday, July 16, 2018, 9:06 a.m.`.
static AGENCY_DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s*(?P<name>\p{Lu}[\p{L}.&' -]{1,40}?)(?:\s*[,|]\s*|\s+)(?:(?:updated|published|posted)\s*:?\s*)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+\d{4})(?:[\s,|]+(?:\d{1,2}:\d{2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?|[a-z]{2,4}))*\s*$",
    )
});
/// An agency's credit as a syndicating site's metadata line, the agency,
/// perhaps its bureau, and when the copy ran: `Reuters | Cairo | Updated:
/// 25-03-2021 14:19 IST | Created: 25-03-2021 14:16 IST`, `Reuters |
/// Updated: 01-01-2024 14:21 IST`. A page saved from
/// such a site may glue it to the headline before it (`…ship
/// continueReuters | Cairo | Updated: …`): the name then follows a small
/// letter or a stop with no space.
static AGENCY_META_LINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:^\s*|[\p{Ll}.!?”])(?P<name>\p{Lu}[\p{L}.&' -]{1,40}?)(?:\s*\|\s*\p{Lu}[\p{L} .'-]{1,30}?)?\s*\|\s*(?i:updated|published|posted|created)\s*:?\s*\d",
    )
});
/// An aggregator's credit to its source at the start of the text:
/// `(MENAFN- Kuwait News Agency (KUNA)) KUWAIT -- …`, `(MENAFN- UkrinForm)`.
static PAREN_SITE_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\s*\((?P<site>\p{Lu}[\p{L}]{2,20})-\s*(?P<name>[^()\n]{2,50}?)\s*(?:\((?P<abbr>[^()\n]{2,12})\))?\)",
    )
});
/// The agency first: `Reuters, Beirut,`.
static AGENCY_CITY_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^\s*(?P<name>[A-Z][A-Za-z.&' -]{1,30}),\s+[A-Z][a-z]+(?:\s[A-Z][a-z]+)?,")
});
/// An agency's name with its bureau's city on a line of its own:
/// `Maghreb Arabe Presse (Rabat)`.
static AGENCY_BUREAU_LINE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^\s*(?P<name>[A-Z][^()\n]{1,40}?)\s*\([A-Z][a-z]+(?:[ -][A-Z][a-z]+)?\)\s*$")
});
/// A credit closing the text, glued to its last sentence: `… the toll.-Bernama`,
/// `… said. — AFP`, `… East Azarbaijan. / Tasnim`.
static CLOSING_DASH_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    re(r"[.!?”\x22’)\]]\s*(?:[-–—―‒−]{1,2}|\s/)\s*(?P<name>[A-Za-z][A-Za-z.&' ]{1,30}?)\s*$")
});
/// A news agency's name signing off the text after its last sentence, with
/// no mark between: `… the data showed. Xinhua`, `… $4.3 billion.Yonhap`.
static CLOSING_BARE_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    re(r"[.!?”\x22’]\s*(?P<name>\p{Lu}[\p{L}&'-]{1,25}(?:\s\p{Lu}[\p{L}&'-]{1,25}){0,2})\s*$")
});
/// A parenthesised credit closing a paragraph: `… in the area. (Xinhua)`,
/// `(Xinhua/NAN)`.
static CLOSING_PAREN_CREDIT: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?:^|[.!?”\x22’]\s*)\((?P<inner>[^()\n]{2,40})\)\s*\|?\s*$"));
/// "(With inputs from PTI)", "with inputs from agencies".
static INPUTS_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bwith\s+(?:inputs?|input)\s+from\s+(?P<name>[A-Za-z][\w.&' ]{1,30}?)\s*(?:[).,;]|\band\b|$)",
    )
});
/// A wire credited after a sentence in the present tense: "…, reports AP.",
/// "…, Anadolu Agency reports.", "…, the AP reports.", "…, Kazinform cites
/// Akorda." (the wire
/// naming its own source; not "AFP reports that …", not "the agency
/// reported": those cite it). A relay of any newsroom closing the lead:
/// "…, Al Jazeera reports citing the Libyan Red Crescent." (an Azerbaijani
/// site relaying Al Jazeera on the Derna floods, 2023); a newsroom it cites
/// so is the producer ("…, Paralel.Az reports citing The Japan News").
static REPORTS_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r",[\x22”’']?\s+(?:reports\s+(?P<name>[A-Z][A-Za-z&'-]*(?:\.[A-Z]\.?)?(?:\s+[A-Z][A-Za-z&'-]*){0,3})|(?:the\s+)?(?P<name2>[A-Z][A-Za-z&'-]*(?:\.[A-Za-z]{2,3})?(?:\s+[A-Z][A-Za-z&'-]*){0,3})\s+(?:reports(?P<relay>\s+(?:via|citing|quoting|with\s+reference\s+to)\s+(?P<relayed>[\w'’ -]{2,40}?))?|cites\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}))\s*(?:\.(?:\s|$)|$)",
    )
});
/// A site's note that the text came in on a feed it did not edit: "(This
/// story has not been edited by NDTV staff and is auto-generated from a
/// syndicated feed.)", "…the rest of the content is auto-generated from a
/// syndicated feed.)" (Business Standard), "This story has been published
/// from a wire agency feed without modifications to the text." (Hindustan
/// Times), naming the feed's agency or not: "This report is auto-generated
/// from Press Trust of India news service." (ThePrint).
static SYNDICATED_NOTE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:(?:auto-generated|published|generated|is)\s+from\s+(?:a\s+|the\s+)?(?:syndicated|wire|news\s+agency|agency|wire\s+agency)\s+feed|(?:auto-generated|published|generated)\s+from\s+(?:the\s+)?(?-i:(?P<name>\p{Lu}[\p{L}.&' -]{1,40}?))\s+(?:news\s+service|news\s+feed|feed))\b",
    )
});
/// A relay's sentence saying whose report it passes on: "This was reported
/// by the Russian news agency Tass.", "This is reported by RIA Novosti."
/// (as sites translating Russian and Central Asian wires write "Об этом
/// сообщает ТАСС").
static REPORTED_BY_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:^|[.!?”\x22]\s+)(?:This|It|That)\s+(?:was|is|has\s+been)\s+reported\s+by\s+(?:the\s+)?(?:[A-Za-z-]+\s+){0,3}?(?P<name>[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,3})\s*\.(?:\s|$)",
    )
});
/// A republisher's note naming where the text first ran: "This article was
/// first published in Arab News", "…was originally published on The
/// Conversation website", "Read the full story on The Quint".
static FIRST_PUBLISHED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:\b(?:this|the)\s+(?:article|story|report|piece|post)\b(?:,[^,\n]{0,80},)?\s+(?:was\s+)?(?:first|originally)\s+published\s+(?:in|on|by)|\bread\s+(?:more|the\s+full\s+(?:story|article))\s+(?:at|on|from)|^\s*(?:guest\s+post|republished|reposted|reprinted)\s+(?:from|with\s+permission\s+(?:from|of)))\s+(?:the\s+website\s+of\s+)?(?P<name>\p{Lu}[\p{L}.&' -]{1,40}?)(?:\s+(?:website|site))?(?:\s+at\s+https?://\S+)?\s*[.,]?\s*$",
    )
});
/// What every line [`FIRST_PUBLISHED`] reads holds (a cheap literal search).
static FIRST_PUBLISHED_WORDS: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(?:published|read|post|reposted|reprinted)\b"));
/// The producer writing about its own staff: "AFP saw them", "Xinhua
/// reporters in Taipei", "an AFP correspondent"; or about its own story:
/// "TASS has put together", the AP's note on a story it updates ("THIS IS
/// A BREAKING NEWS UPDATE. AP’s earlier story follows below."), or what
/// it could not check ("Reuters could not immediately verify the images",
/// "Reuters was not immediately able to verify that footage", "which AFP
/// was unable to immediately verify", "Reuters has not authenticated the
/// videos").
static SELF_REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?P<name>[A-Z][A-Za-z]*(?:\s+[A-Z][A-Za-z]*){0,2})(?:\s+(?:correspondents?|reporters?|journalists?|photographers?|witness(?:es)?|saw|witnessed|learned|learnt|has\s+(?:learned|learnt|collected|compiled|gathered|obtained|found|seen|put\s+together)|(?:could\s+not|cannot|was\s+not|were\s+not|is\s+not|has\s+not\s+been|(?:was|were|is|has\s+been)\s+unable\s+to)\s+(?:(?:immediately|independently)\s+)?(?:able\s+to\s+)?(?:(?:immediately|independently)\s+)?(?:verify|confirm|authenticate)|has\s+not\s+(?:(?:immediately|independently)\s+)?(?:verified|authenticated|confirmed))|[’']s\s+earlier\s+(?:story|version)\s+(?:follows|is)\s+below)\b",
    )
});
/// Words of a source line that names where a figure or a chart's data
/// comes from rather than who wrote the text.
static DATA_SOURCE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\b(?:polls?|survey|census|statistics|data|dataset|estimates|study|analysis)\b")
});
/// A source in parentheses closing a line: `3/25, 10:44 AM (Source:
/// TeleTrader)`.
static SOURCE_PAREN: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)\((?P<label>{SOURCE_LABEL})\s*:\s*(?P<rest>[^()\n]{{2,60}}?)\s*\)\s*$"
    ))
});
/// "Source" as a page in another language labels its source line:
/// `KAYNAK: Anadolu Ajansı` (Turkish), `Fuente: EFE` (Spanish), `Quelle:
/// dpa` (German), `Fonte: ANSA` (Italian, Portuguese), `Źródło: PAP`
/// (Polish), `Источник: ТАСС` (Russian), `Bron: ANP` (Dutch), `Kilde:
/// NTB` (Danish, Norwegian), `Källa: TT` (Swedish), `Lähde: STT`
/// (Finnish), `Sumber: Antara` (Malay, Indonesian), `Nguồn: TTXVN`
/// (Vietnamese). Which names count stays the registry's business.
const SOURCE_LABEL: &str = r"source|sources|from|kaynak|fuente|fuentes|quelle|fonte|źródło|zrodlo|источник|bron|kilde|källa|kalla|lähde|lahde|sumber|nguồn";
static SOURCE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)^\s*(?P<label>{SOURCE_LABEL})(?:\s*:|\s+(?P<dash>[–—-]))\s*(?P<rest>.{{2,120}}?)\s*$"
    ))
});
/// "Credit: Associated Press" under a picture: a photo credit.
static CREDIT_CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s*(?:photo\s+)?(?:credit|credits|photo|photos|image|images|picture|foto|fotos|bild|photograph)(?:\s*/\s*(?:quelle|source))?\s*:\s*(?P<rest>.{2,80}?)\s*$",
    )
});
static CREDIT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\s*(?P<left>[A-Z][^\n–—/|]{1,48}?)\s*(?:[–—/|]|\s-\s)\s*(?P<right>[A-Za-z][^\n–—/|]{1,40}?)\s*$",
    )
});
static COPYRIGHT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:copyright\s*(?:©|\(c\))?|©)\s*(?P<year>\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*(?P<name>[A-Za-z][^.|\n,]{1,60}?)(?P<after>\s+\d{4})?(?:\s*[.,|]|\s+all rights reserved|\s*$)",
    )
});
/// A live page's post credited to its writers by their outlet: `From
/// CNN's Darya Tarasova and Anna Chernova`.
static BYLINE_FROM: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\s*From\s+(?:the\s+)?(?P<name>\p{Lu}[\p{L}.&' -]{1,30}?)['’]s?\s+(?P<who>\p{Lu}[\p{L}.'’ ,&-]{1,80}?)\s*$",
    )
});
/// A writer's credit naming the outlet the text was written for, on a
/// line of its own: `Reporting by Frank Prenesti for Sharecast.com`,
/// `By Jane Doe for The Guardian`, `(Written by Li Ming for China Daily)`.
/// Not "Additional reporting by …", which credits help, not authorship.
static BYLINE_FOR: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\s*\(?\s*(?:(?:Reporting|Reported|Written|Writing|Story|Text)\s+[Bb]y|By|BY)\s+(?P<who>\p{Lu}[\p{L}.'’ ,&-]{1,80}?)\s+for\s+(?:the\s+)?(?P<name>\p{Lu}[\p{L}\p{N}.&'’ -]{0,40}?)\s*\)?\s*[.;]?\s*$",
    )
});
/// A Chinese-language agency's dateline: the agency, its bureau's city
/// (perhaps after its reporter's name), the day and 电/電, "dispatched":
/// `新华社北京1月13日电`, `新華社北京9月27日電(記者胡浩)`,
/// `中新社北京九月二十七日電`, `（中央社記者陳家倫台北13日電）`,
/// `俄羅斯衛星通訊社莫斯科/南薩哈林斯克1月1日電` (two bureaus).
static CJK_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\s*[（(]?(?P<name>\p{Han}{2,8}?社)\p{Han}[\p{Han}/、]{0,20}?(?:[0-9〇一二三四五六七八九十]{1,3}月)?[0-9〇一二三四五六七八九十]{1,3}日\s*[电電]",
    )
});
/// A byline: "By JILL COLVIN, Associated Press", "By Reuters",
/// "By ROBERT BURNS AP National Security Writer", perhaps after the time
/// the page ran it ("08:38, March 25, 2024 By Ren Qi ( China Daily");
/// in Portuguese or Spanish a newsroom's name alone ("11:22 - 16/05/24
/// por Lusa": "por" begins too many sentences to take more after it).
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\s*(?:\d{1,2}:\d{2},?\s+\p{Lu}\p{Ll}{2,8}\.?\s+\d{1,2},?\s+\d{4}\s+|\d{1,2}:\d{2}\s*[-–|]\s*\d{1,2}/\d{1,2}/\d{2,4}\s+)?(?:(?:(?:Article|Story|Report|Text)\s+[Bb]y\s+|(?:By|BY)(?:\s*:\s*|\s+)|by\s*:\s*)(?P<rest>[^\n]{2,600})|(?:[Pp]or|POR)\s+(?P<rest2>\p{Lu}[\p{L}.&' -]{1,40}?)\s*)$",
    )
});
/// AP's and others' closing line: "Associated Press writer Jamey Keaten in
/// Helsinki contributed to this report." (not "The Associated Press
/// contributed", which credits help, not authorship).
static AGENCY_WRITERS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\s*(?P<agency>[A-Z][A-Za-z.&' ]{1,40}?)\s+(?:writers?|reporters?|correspondents?)\s+[A-Z].{2,200}\bcontributed\b",
    )
});
/// A writer's closing self-description: "Jill Colvin is an Associated
/// Press writer."
static WRITER_IS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\s*\p{Lu}[\p{L}.' -]{2,60}?\s+(?:is|are)\s+(?:an?\s+|the\s+)?(?P<agency>[A-Z][A-Za-z.&' ]{1,40}?)\s+(?:writers?|reporters?|correspondents?|journalists?)\b",
    )
});
static MENTION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:told|according to|reported by|quoted by|cited by|in an interview with|speaking to)\s+(?:the\s+)?(?P<name>[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,3})|(?P<name2>[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,2})\s+(?:reported|said in a report|news agency reported)\b",
    )
});
static PHOTO_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\((?:(?P<a>[^()]{1,40}?)\s+(?:photo|file photo|pool photo)|photos?\s*(?:by|:)\s*(?P<b>[^()]{1,40}?)|(?P<c>[A-Za-z]{1,12})\s+photo\s*/[^()]{0,60})\)|\[(?P<d>[^\[\]]{0,80}/[^\[\]]{0,80})\]",
    )
});

/// Names in a credit that stand for "some news agencies", not one producer.
const GENERIC_AGENCIES: [&str; 8] = [
    "agencies",
    "news agencies",
    "agency",
    "wires",
    "wire services",
    "wire reports",
    "staff and agencies",
    "agencies and staff",
];

/// Words that make a name an outlet's rather than a person's.
const OUTLET_WORDS: &[&str] = &[
    "news",
    "times",
    "post",
    "daily",
    "media",
    "press",
    "tv",
    "radio",
    "network",
    "journal",
    "herald",
    "tribune",
    "agency",
    "agencies",
    "online",
    "today",
    "group",
    "observer",
    "gazette",
    "report",
    "star",
    "sun",
    "mail",
    "express",
    "telegraph",
    "chronicle",
    "review",
    "weekly",
    "magazine",
    "channel",
    "broadcasting",
    "corporation",
    "service",
    "wire",
    "newspaper",
    "monitor",
    "voice",
    "independent",
    "guardian",
    "mirror",
    "standard",
    "globe",
    "world",
    "international",
    "digital",
    "info",
    "bulletin",
    "dispatch",
    "courier",
    "inquirer",
    "register",
    "record",
    "sentinel",
    "examiner",
    "republic",
    "advance",
    "staff",
];

/// A byline without "By": the writers' names, then their news agency's or
/// paper's name after a comma or nothing at all (a page whose markup kept
/// the two apart loses the space): `Jill Colvin, The Associated Press`,
/// `Jari Tanner and Jan M. OlsenAssociated Press`, `Anton Troianovski and
/// Philip Rucker, The Washington Post`, `Caren Bohan and Deborah Barfield
/// Berry, USA TODAY Published 6:16 p.m. ET July 15, 2018` (the time the page
/// gives after it is no part of the credit). Not a bar or a slash (`Jorge
/// Silva / Reuters` credits a picture), not a one-word name after one person
/// (`Pablo Martinez Monsivais, AP` credits a picture too; `Justin Sink,
/// Margaret Talev and Ilya Arkhipov, Bloomberg` are writers: a picture has
/// one photographer) and not a lone name. Returns the agency and where the
/// line's credit starts and ends.
fn writers_then_agency<'r>(
    registry: &'r Registry,
    line: &str,
) -> Option<(&'r super::registry::Outlet, usize, usize)> {
    let mut trimmed = line.trim_end().trim_end_matches(['•', '·']).trim_end();
    for stamp in [" Published ", " Updated "] {
        if let Some(at) = trimmed.find(stamp)
            && trimmed[at + stamp.len()..].starts_with(|c: char| c.is_ascii_digit())
        {
            trimmed = trimmed[..at].trim_end();
        }
    }
    if trimmed.len() > 90 || trimmed.contains(['|', '/', ':', '(', '"', '“']) {
        return None;
    }
    let lead = trimmed.len() - trimmed.trim_start().len();
    for (i, c) in trimmed.char_indices().skip(1) {
        if !c.is_uppercase() {
            continue;
        }
        let before = trimmed[..i].chars().next_back()?;
        let glued = before.is_lowercase();
        if !(glued || before == ' ') {
            continue;
        }
        let Some(outlet) = registry.find_credit_name(&trimmed[i..]) else {
            continue;
        };
        // The agency's full name, of two words or more: "Name, AP" is how
        // pictures are credited, "OlsenAssociated Press" is no "McReuters"
        // and "Focus Taiwan App" names an app.
        let comma = trimmed[..i].trim_end().ends_with(',');
        if !(glued || comma) {
            continue;
        }
        let writers = trimmed[..i].trim_end().trim_end_matches(',');
        let people: Vec<&str> = writers
            .split(" and ")
            .flat_map(|p| p.split(" & "))
            .flat_map(|p| p.split(','))
            .map(str::trim)
            .collect();
        if !trimmed[i..].contains(' ') && people.len() < 2 {
            continue;
        }
        let is_name = |p: &str| {
            let words: Vec<&str> = p.split_whitespace().collect();
            (2..=4).contains(&words.len())
                && words.iter().all(|w| {
                    w.chars().next().is_some_and(char::is_uppercase)
                        && w.chars().all(|c| c.is_alphabetic() || "-'.".contains(c))
                        && !OUTLET_WORDS.contains(&w.trim_end_matches('.').to_lowercase().as_str())
                })
        };
        return (!people.is_empty() && people.iter().all(|p| is_name(p))).then_some((
            outlet,
            lead,
            trimmed.len(),
        ));
    }
    None
}

/// Whether a word opens a sentence of time after "By" ("By Wednesday
/// afternoon", "By late Sunday", "By then"), never a byline.
fn time_word(w: &str) -> bool {
    use crate::pattern::{MONTHS, WEEKDAYS};
    WEEKDAYS.contains(&w)
        || MONTHS.contains(&w)
        || matches!(
            w,
            "today"
                | "late"
                | "early"
                | "then"
                | "now"
                | "noon"
                | "midnight"
                | "mid"
                | "morning"
                | "evening"
                | "night"
                | "nightfall"
                | "dawn"
                | "dusk"
                | "last"
                | "next"
                | "tonight"
                | "tomorrow"
                | "yesterday"
                | "afternoon"
                | "contrast"
                | "comparison"
                | "far"
        )
}

/// Whether `s` holds only writers' names and what joins them: capitalised
/// words and initials, "and", commas, bars and dashes ("Philip Rucker,
/// Anton Troianovski and Seung Min Kim", "S.A. Miller -").
fn only_names(s: &str) -> bool {
    let mut any = false;
    for w in s.split_whitespace() {
        let w = w.trim_matches(|c: char| ",|-–—:()".contains(c));
        if w.is_empty() || matches!(w, "and" | "&") {
            continue;
        }
        if !(w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().all(|c| c.is_alphabetic() || ".'’-".contains(c)))
        {
            return false;
        }
        any = true;
    }
    any
}

/// Whether the left side of a credit line is a person: "Photo:", "Credit"
/// or "By" before it, or two to four capitalised words none of which is an
/// outlet word ("Pablo Martinez Monsivais", not "SMA News").
fn is_person_credit(left: &str) -> bool {
    let left = left.trim();
    let lower = left.to_lowercase();
    if ["photo", "credit", "by ", "picture", "image"]
        .iter()
        .any(|p| lower.starts_with(p))
    {
        return true;
    }
    let words: Vec<&str> = left.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '.')
                && !OUTLET_WORDS.contains(&w.trim_end_matches('.').to_lowercase().as_str())
                && !w.contains(".com")
        })
}

/// What an agency's staff are said to do in a sentence about them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum StaffAccount {
    /// They saw, counted, witnessed or found out: the agency's own eyes, as
    /// only the agency writes of them (`An AFP journalist at the scene saw
    /// smoke`, `a Reuters witness`, `TASS has collected the main facts`).
    Seen,
    /// They said or reported: as often another outlet quoting the agency's
    /// reporter (`A RIA Novosti journalist at the concert said…` in an AFP
    /// story) as the agency writing of its own.
    Told,
}

/// How a sentence speaks of an agency's staff, from the word that matched
/// (`word`: " journalist", " saw", " has learned") and the rest of its line
/// (`after`); `None` when the staff are named people (`Reuters journalists
/// Maria Vasquez and Tom Brennan wrote…`): a writer named in the body is
/// quoted by another outlet, the agency credits its own in the byline.
fn staff_account(word: &str, after: &str) -> Option<StaffAccount> {
    static NAMED: LazyLock<Regex> =
        LazyLock::new(|| re(r"^,?\s+(?:[A-Z][a-z]+\s+){1,2}[A-Z][a-z]+\b"));
    static VERB: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"\b(?:(?P<seen>saw|seen|witnessed|watched|observed|counted|heard|experienced|felt|visited|found|filmed|photographed|spotted|noticed)|(?P<told>said|says|say|told|tells|reported|reports|noted|notes|wrote|writes|quoted|added|adds|stated|tweeted|posted|described|cited))\b",
        )
    });
    let word = word.trim().to_lowercase();
    if !["correspondent", "reporter", "journalist", "photographer"]
        .iter()
        .any(|n| word.starts_with(n))
    {
        // A verb ("saw", "has learned") or "witness": the agency's own eyes.
        return Some(StaffAccount::Seen);
    }
    if NAMED.is_match(after) {
        return None;
    }
    // The clause up to the sentence's end decides by its first verb.
    let end = after
        .char_indices()
        .find(|&(i, c)| {
            matches!(c, '.' | ';' | '!' | '?')
                && after[i + 1..]
                    .chars()
                    .next()
                    .is_none_or(char::is_whitespace)
        })
        .map_or(after.len(), |(i, _)| i);
    match VERB.captures(&after[..end]) {
        Some(v) if v.name("seen").is_some() => Some(StaffAccount::Seen),
        _ => Some(StaffAccount::Told),
    }
}

/// Words that make the agency's correspondent a source cited, not the
/// writer: "…, reports a Sputnik correspondent from the scene".
static CITING_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:reports|reported|reporting|according\s+to|cited\s+by|quoted\s+by|quoting|citing)\s+(?:an?|the)?\s*$",
    )
});

/// Whether a text cites the agency `name` as a source rather than being
/// its copy: its correspondent introduced as one cites another's
/// ("reports a Sputnik correspondent"), or the text says elsewhere
/// "reported by Sputnik", "according to Sputnik", "Sputnik reported". An
/// agency does not cite itself so; a site relaying it does (Crocus City
/// Hall, 2024: a site quoting Sputnik twice was taken for Sputnik's copy).
fn cites_as_source(text: &str, before_on_line: &str, name: &str) -> bool {
    static CITED_BY: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"\b(?:(?:reported|cited|quoted|carried)\s+by|according\s+to|citing|quoting)\s+(?:the\s+)?$",
        )
    });
    static REPORTED: LazyLock<Regex> =
        LazyLock::new(|| re(r"^\s+(?:news\s+agency\s+)?(?:reported|reports|quoted|cited)\b"));
    let word_char = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    CITING_BEFORE.is_match(before_on_line)
        || text.match_indices(name).any(|(at, _)| {
            let (before, after) = (&text[..at], &text[at + name.len()..]);
            !word_char(before.chars().next_back())
                && !word_char(after.chars().next())
                && (CITED_BY.is_match(before) || REPORTED.is_match(after))
        })
}

/// Whether a line holds only hashtags ("#Russia", "#Niger #Coup").
fn tags_only(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    !words.is_empty()
        && words
            .iter()
            .all(|w| w.len() > 1 && w.starts_with('#') && w[1..].chars().all(char::is_alphanumeric))
}

fn is_generic(name: &str) -> bool {
    GENERIC_AGENCIES.contains(&name_key(name).as_str())
}

/// The longest run of leading words of `s` (up to 6) that names a registered
/// outlet, with its length in bytes.
fn registered_prefix<'r>(
    registry: &'r Registry,
    s: &str,
) -> Option<(&'r super::registry::Outlet, usize)> {
    let words: Vec<(usize, &str)> = s
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - s.as_ptr() as usize, w))
        .take(6)
        .collect();
    for n in (1..=words.len()).rev() {
        let (start, last) = words[n - 1];
        let end = start + last.len();
        let candidate = s[..end].trim_end_matches(['.', ',', ':', ';', '-', '–', '—']);
        if let Some(outlet) = registry.find_name(candidate) {
            return Some((outlet, candidate.len()));
        }
    }
    None
}

/// The words of a lead relaying another newsroom's report: a verb of
/// reporting ("…, Xinhua news agency reported.", "TASS reported that …",
/// "CNN is reporting that …", "…, the official Xinhua News Agency said."),
/// or the newsroom after "according to", "citing", "quoting", "referring
/// to", "quoted by", "a report by", "reported by", or an inverted "…,
/// reports Interfax news agency citing …".
static RELAY_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:(?P<after>[Aa]ccording\s+to|citing|quoting|referring\s+to|with\s+reference\s+to|quoted\s+by|quoted\s+as\s+saying\s+by|report\s+by|reported\s+by)\s|(?P<verb>reported|reports|reporting|said|quoted|revealed)\b)",
    )
});
/// What may follow a postposed "reported" to the sentence's end: a day, a
/// time word, the source it cites in turn, another relay ("…, TASS news
/// agency reported, Trend reports citing Xinhua.").
static RELAY_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:\s+(?:on\s+|late\s+|early\s+)?(?:\p{Lu}\p{Ll}+day|earlier|today|yesterday|last\s+\p{Ll}+))?(?:\s*(?:[.”\x22’]|$)|\s*,?\s+(?:citing|quoting)\b|,\s+\p{Lu}[\p{L}.-]*(?:\s+\p{Lu}[\p{L}.-]*){0,3}\s+(?:reports|reported|informs)\b)",
    )
});
/// What follows "X quoted" in a relay: whom, then "as saying" before the
/// sentence ends ("Reuters quoted a doctor at the hospital as saying …").
static QUOTED_AS: LazyLock<Regex> =
    LazyLock::new(|| re(r"^[^.!?]{1,160}?\bas\s+(?:saying|telling|stating)\b"));
/// What follows a clause-opening "X reported": "that …", perhaps after a day.
static RELAY_THAT: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?:\s+(?:on\s+)?\p{Lu}\p{Ll}+day)?\s+that\b"));

/// `text` without `suffix` at its end, in any ASCII case ("Xinhua News
/// Agency" less " news agency").
fn strip_suffix_any_case<'a>(text: &'a str, suffix: &str) -> Option<&'a str> {
    text.len()
        .checked_sub(suffix.len())
        .filter(|&at| text.is_char_boundary(at) && text[at..].eq_ignore_ascii_case(suffix))
        .map(|at| &text[..at])
}

/// The registered newsroom a phrase of a relay names, with its byte range
/// in the phrase: its last words that name one ("Russia's TASS news
/// agency" → TASS, "state news agency IRNA" → IRNA, "a Reuters report" →
/// Reuters), longest first.
fn newsroom_in<'r>(
    registry: &'r Registry,
    phrase: &str,
) -> Option<(&'r super::registry::Outlet, usize, usize)> {
    const DESCRIPTORS: [&str; 9] = [
        " report",
        " reports",
        " news agency",
        " agency",
        " newspaper",
        " daily",
        " paper",
        " network",
        " news service",
    ];
    // "Saudi Press Agency" is a name; "Russia's TASS news agency" names
    // TASS: the whole phrase first, then without each descriptor.
    let mut variants = vec![phrase.trim_end_matches(['.', ' '])];
    while let Some(rest) = DESCRIPTORS
        .iter()
        .find_map(|d| strip_suffix_any_case(variants[variants.len() - 1], d))
    {
        variants.push(rest);
    }
    // "Russian news agency RIA" is an agency, RIA Novosti by its credit
    // abbreviation: not Singapore's radio station "Ria", the one
    // registered outlet of that name.
    let an_agency = phrase.to_lowercase().contains("agency");
    variants.into_iter().find_map(|named| {
        if named.split_whitespace().count() > 8 {
            return None;
        }
        let base = named.as_ptr() as usize - phrase.as_ptr() as usize;
        named
            .split_whitespace()
            .map(|w| w.as_ptr() as usize - named.as_ptr() as usize)
            .find_map(|from| {
                let candidate = &named[from..];
                candidate
                    .starts_with(|c: char| c.is_uppercase())
                    .then(|| {
                        if an_agency {
                            registry.find_agency_name(candidate)
                        } else {
                            registry.find_name(candidate)
                        }
                    })
                    .flatten()
                    .map(|o| (o, base + from, base + named.len()))
            })
    })
}

/// A newsroom the registry does not hold, named after the words calling it
/// one at the end of a relay's phrase: "local newspaper Osun Defender",
/// "independent media outlet IStories", "Israeli public broadcaster Kan",
/// "UK tabloid The Sun". Bare "agency" is left out (the weather agency,
/// the space agency NASA), as are titles ("newspaper Editor John Smith").
static DESCRIBED_NEWSROOM: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:^|\s)(?:newspaper|daily|paper|broadcaster|tabloid|magazine|weekly|news\s+agency|press\s+agency|news\s+(?:site|website|portal|outlet|channel)|media\s+outlet|outlet|(?:TV|television|news|radio)\s+(?:channel|station)|television|radio)\s+(?P<name>(?:The\s+|El\s+|La\s+|Le\s+|Al\s+|Al-)?\p{Lu}[\p{L}\p{N}'’.&-]*(?:\s+\p{Lu}[\p{L}\p{N}'’.&-]*){0,3})$",
    )
});

/// The words [`DESCRIBED_NEWSROOM`] (and a claim's relay,
/// `claims::independence::described_in`) never takes for a newsroom's name
/// though capitalised beside a newsroom's noun: days, and the titles of the
/// people working there ("newspaper Editor John Smith").
pub(crate) const NOT_NEWSROOM_NAMES: [&str; 30] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Editor",
    "Director",
    "Chief",
    "President",
    "Minister",
    "CEO",
    "Secretary",
    "General",
    "Deputy",
    "Senior",
    "Spokesman",
    "Spokeswoman",
    "Spokesperson",
    "Professor",
    "Dr",
    "Mr",
    "Mrs",
    "Ms",
    "Columnist",
    "Reporter",
    "Correspondent",
    "Journalist",
    "Anchor",
];

/// The byte range in `phrase` of an unregistered newsroom's name that the
/// phrase calls a newsroom ([`DESCRIBED_NEWSROOM`]).
fn described_newsroom(phrase: &str) -> Option<(usize, usize)> {
    let name = DESCRIBED_NEWSROOM.captures(phrase)?.name("name")?;
    let first = name.as_str().split_whitespace().next()?;
    (!NOT_NEWSROOM_NAMES.contains(&first.trim_end_matches('.'))).then(|| (name.start(), name.end()))
}

/// The newsrooms a relay's phrase names: a registered one, else one the
/// phrase calls a newsroom by a name the registry does not hold, or each
/// of several registered ones named together ("the semiofficial Fars and
/// Tasnim news agencies"); with each name's byte range in the phrase
/// (registered: to the end of the words naming it).
fn relayed_in<'r>(
    registry: &'r Registry,
    phrase: &str,
) -> Vec<(Option<&'r super::registry::Outlet>, usize, usize)> {
    const PLURALS: [&str; 5] = [
        " news agencies",
        " agencies",
        " newspapers",
        " dailies",
        " broadcasters",
    ];
    let trimmed = phrase.trim_end_matches(['.', ' ']);
    if let Some(head) = PLURALS
        .iter()
        .find_map(|p| strip_suffix_any_case(trimmed, p))
    {
        // Every one of them registered, or none taken.
        let parts: Vec<&str> = head
            .split(", ")
            .flat_map(|p| p.split(" and "))
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        let named: Vec<_> = parts
            .iter()
            .filter_map(|part| {
                let at = part.as_ptr() as usize - phrase.as_ptr() as usize;
                newsroom_in(registry, part).map(|(o, start, end)| (Some(o), at + start, at + end))
            })
            .collect();
        return if parts.len() > 1 && named.len() == parts.len() {
            named
        } else {
            Vec::new()
        };
    }
    newsroom_in(registry, phrase)
        .map(|(outlet, start, end)| (Some(outlet), start, end))
        .or_else(|| described_newsroom(phrase).map(|(start, end)| (None, start, end)))
        .into_iter()
        .collect()
}

/// A newsroom a lead relays: the registered outlet, else its name as
/// written (`name`, a byte range of the line), and the byte range of the
/// words saying so.
struct Relay<'r> {
    outlet: Option<&'r super::registry::Outlet>,
    name: (usize, usize),
    words: (usize, usize),
}

/// Whether a sentence's subject naming a newsroom (its name at
/// `start..end` of `phrase`) also calls it one — "the official Xinhua News
/// Agency", "Iran's semi-official Tasnim news agency", "state broadcaster
/// CCTV" — so that its "said" opens a report retold, not a statement by
/// the company about itself ("Reuters said it would cut jobs").
fn called_a_newsroom(phrase: &str, start: usize, end: usize) -> bool {
    const WORDS: [&str; 19] = [
        "agency",
        "agencies",
        "newspapers",
        "newspaper",
        "paper",
        "daily",
        "broadcaster",
        "television",
        "tv",
        "channel",
        "outlet",
        "media",
        "official",
        "semiofficial",
        "semi-official",
        "state",
        "state-run",
        "state-owned",
        "state-controlled",
    ];
    phrase[..start]
        .split_whitespace()
        .chain(phrase[end..].split_whitespace())
        .any(|w| WORDS.contains(&w.to_lowercase().as_str()))
}

/// `text` without the abbreviation in parentheses it ends with ("Anadolu
/// Agency (AA) " → "Anadolu Agency").
fn strip_abbreviation(text: &str) -> &str {
    let t = text.trim_end();
    t.strip_suffix(')')
        .and_then(|t| t.rsplit_once('('))
        .filter(|(_, inner)| {
            (1..=8).contains(&inner.len())
                && inner
                    .chars()
                    .all(|c| c.is_uppercase() || c.is_ascii_digit())
        })
        .map_or(text, |(head, _)| head)
}

/// Newsrooms a line of the lead says it relays, with the byte range of the
/// words saying so: "…, Xinhua news agency reported." closing a sentence,
/// "TASS reported on Monday that …" opening one, "according to Reuters".
/// A story whose lead rests on another newsroom's report is that report
/// retold: in a claim that newsroom stands behind, it is no second origin.
fn lead_relays<'r>(registry: &'r Registry, line: &str) -> Vec<Relay<'r>> {
    const CLAUSE_MARKS: [char; 11] = [',', ';', ':', '.', '!', '?', '"', '“', '”', '(', ')'];
    fn article(p: &str) -> &str {
        ["a ", "an ", "the ", "The "]
            .iter()
            .find_map(|a| p.strip_prefix(a))
            .unwrap_or(p)
    }
    // The phrase from `at` to the clause's end, its newsroom and where the
    // relay's words end.
    let phrase_after = |at: usize| {
        let after = &line[at..];
        let mut to = after.find(CLAUSE_MARKS).unwrap_or(after.len());
        // "…, reports Interfax news agency citing a police source."
        for word in [" citing ", " quoting ", " as ", " that "] {
            to = to.min(after.find(word).unwrap_or(to));
        }
        let phrase = article(after[..to].trim());
        let at = phrase.as_ptr() as usize - line.as_ptr() as usize;
        relayed_in(registry, phrase)
            .into_iter()
            .map(|(outlet, start, end)| (outlet, (at + start, at + end)))
            .collect::<Vec<_>>()
    };
    let mut found = Vec::new();
    for c in RELAY_WORDS.captures_iter(line) {
        if let Some(verb) = c.name("verb") {
            let verb_end = verb.end();
            // "Anadolu Agency (AA) quoted …": the abbreviation is the name's.
            let before = strip_abbreviation(&line[..verb.start()]);
            let from = before
                .char_indices()
                .rev()
                .find(|&(_, ch)| CLAUSE_MARKS.contains(&ch))
                .map_or(0, |(i, ch)| i + ch.len_utf8());
            let mark = before[..from].chars().next_back();
            let rest = &line[verb.end()..];
            // "…, reports Interfax news agency citing a police source."
            if mark == Some(',') && before[from..].trim().is_empty() {
                if verb.as_str() == "reports" {
                    for (outlet, name) in phrase_after(verb.end()) {
                        found.push(Relay {
                            outlet,
                            name,
                            words: (verb.start(), name.1),
                        });
                    }
                }
                continue;
            }
            let verb = verb.as_str();
            let postposed = mark == Some(',')
                && matches!(verb, "reported" | "reports" | "said" | "revealed")
                && RELAY_TAIL.is_match(rest);
            let opening = matches!(mark, None | Some('.' | '!' | '?' | ','))
                && !matches!(verb, "quoted" | "revealed")
                && RELAY_THAT.is_match(rest);
            // "The official Xinhua News Agency said 16 workers …": the
            // newsroom, called a newsroom, opens the sentence; "Reuters
            // quoted a doctor as saying …".
            let sentence_start = matches!(mark, None | Some('.' | '!' | '?'));
            let subject = sentence_start && matches!(verb, "said" | "reported");
            // "“…,” The Express Tribune quoted Nisar as saying."
            let quoting = (sentence_start || matches!(mark, Some('"' | '”')))
                && verb == "quoted"
                && QUOTED_AS.is_match(rest);
            if !(postposed || opening || subject || quoting) {
                continue;
            }
            let mut phrase = before[from..].trim();
            // "CNN is also reporting that", "Belta later reported that".
            while let Some(rest) = [
                " has", " had", " is", " was", " also", " later", " earlier", " first",
            ]
            .iter()
            .find_map(|aux| phrase.strip_suffix(aux))
            {
                phrase = rest;
            }
            let phrase = article(
                ["as ", "with "]
                    .iter()
                    .find_map(|p| phrase.strip_prefix(p))
                    .unwrap_or(phrase),
            );
            // "X said 16 workers …" needs the phrase to call X a newsroom:
            // "Dawn said her son …" is a woman, not Pakistan's paper. "X said
            // that …" is taken as it stands: when it is the company speaking
            // of itself ("The BBC said on Sunday that the presenter was
            // taken off air"), the claim is the company's all the same, and
            // its own story is no second origin beside the retelling.
            let at = phrase.as_ptr() as usize - line.as_ptr() as usize;
            for (outlet, start, end) in relayed_in(registry, phrase) {
                if postposed
                    || quoting
                    || opening
                    || outlet.is_none()
                    || called_a_newsroom(phrase, start, end)
                {
                    found.push(Relay {
                        outlet,
                        name: (at + start, at + end),
                        words: (at + start, verb_end),
                    });
                }
            }
        } else if let Some(words) = c.name("after") {
            for (outlet, name) in phrase_after(words.end()) {
                found.push(Relay {
                    outlet,
                    name,
                    words: (words.start(), name.1),
                });
            }
        }
    }
    found
}

/// The registered outlets a credit's parentheses or slashes name, in
/// order: `UrduPoint News / Sputnik - 07th August, 2020` → UrduPoint News,
/// Sputnik; `NNN-XINHUA` → Xinhua. Credit aliases count here.
fn credit_parts<'r>(registry: &'r Registry, inner: &str) -> Vec<&'r super::registry::Outlet> {
    static SEP: LazyLock<Regex> = LazyLock::new(|| re(r"\s*[/|,;]\s*|\s+[-–—]\s+|-"));
    let whole = registry.find_credit_name(inner.trim());
    if let Some(o) = whole {
        return vec![o];
    }
    SEP.split(inner)
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .filter_map(|p| registry.find_credit_name(p))
        .collect()
}

/// The producer among a credit's outlets: an international wire, which
/// national agencies relay under their own name whichever order they write
/// the two in (`(BSS/AFP)`, `(dpa/GNA)`, `(NNN-XINHUA)`); else the last
/// news agency, else the last outlet named.
fn producer_of<'r>(parts: &[&'r super::registry::Outlet]) -> Option<&'r super::registry::Outlet> {
    let agencies = || {
        parts
            .iter()
            .rev()
            .filter(|o| o.kind == OutletKind::WireAgency)
    };
    agencies()
        .find(|o| o.international)
        .or_else(|| agencies().next())
        .or(parts.last())
        .copied()
}

/// Whether a line carries the words of a picture's credit ("AFP PHOTO",
/// "Getty Images", "Pool", "Handout"): then a name in it credits the
/// picture, not the text.
fn looks_like_photo_credit(line: &str) -> bool {
    let lower = line.to_lowercase();
    [
        "photo",
        "foto",
        "getty",
        "images",
        "shutterstock",
        "pool",
        "handout",
        "picture",
    ]
    .iter()
    .any(|w| lower.contains(w))
        || names_a_photo_agency(line)
}

/// Whether a line names an agency that sells pictures only: the European
/// Pressphoto Agency ("WILL OLIVER, EPA-EFE" credits a photographer).
fn names_a_photo_agency(line: &str) -> bool {
    line.split(|c: char| !c.is_alphanumeric())
        .any(|w| w.eq_ignore_ascii_case("epa"))
}

/// Whether `s` reads as a person's name: two to four capitalised words,
/// not all capitals, none an outlet word ("Li Ming", not "NAN").
/// A name written in capitals as photo credits write it ("NATALIA
/// KOLESNIKOVA"): two to four words of letters.
fn shouted_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().all(|c| c.is_alphabetic() || "'’.-".contains(c))
                && w.chars().any(char::is_uppercase)
                && !w.chars().any(char::is_lowercase)
        })
}

/// Whether an unregistered name calls itself a newsroom's: a few
/// capitalised words, one of them a newsroom's word ("Taiwan News",
/// "Kabul Times", "Khaama Press"), or a site's address ("KOMPAS.com").
fn newsroom_named(name: &str) -> bool {
    const WORDS: [&str; 22] = [
        "News",
        "Press",
        "Times",
        "Post",
        "Agency",
        "Herald",
        "Tribune",
        "Daily",
        "Journal",
        "Gazette",
        "Telegraph",
        "Observer",
        "Chronicle",
        "Mail",
        "Express",
        "TV",
        "Radio",
        "Network",
        "Media",
        "Online",
        "Wire",
        "Today",
    ];
    let words: Vec<&str> = name.split_whitespace().collect();
    let site = site_named(name);
    looks_like_a_name(name)
        && words.len() <= 5
        && words
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()))
        && (site || words.iter().any(|w| WORDS.contains(w)))
}

/// The registered news agency a pattern's `name` group names, if any.
fn named_agency<'r>(
    registry: &'r Registry,
    c: &regex::Captures,
) -> Option<&'r super::registry::Outlet> {
    registry
        .find_credit_name(c.name("name")?.as_str())
        .filter(|o| o.kind == OutletKind::WireAgency)
}

/// Whether a name is a news site's address standing as its name
/// ("KOMPAS.com", "Sharecast.com", "TEMPO.CO").
fn site_named(name: &str) -> bool {
    let name = name.trim();
    !name.contains(char::is_whitespace)
        && name.starts_with(char::is_alphabetic)
        && [".com", ".net", ".org", ".co"]
            .iter()
            .any(|d| name.to_ascii_lowercase().ends_with(d))
}

/// Whether an unregistered name a credit gives reads as an outlet's name:
/// capitalised, a few words, no figures (not a sentence cut at a mark),
/// not "Agencies".
fn looks_like_a_name(s: &str) -> bool {
    let s = s.trim();
    s.chars().next().is_some_and(char::is_uppercase)
        && !s.bytes().any(|b| b.is_ascii_digit())
        && s.split_whitespace().count() <= 6
        && !is_generic(s)
        && !is_person_name(s)
}

fn is_person_name(s: &str) -> bool {
    let s = s.trim();
    s.chars().any(char::is_lowercase) && is_person_credit(s)
}

struct Lines<'t> {
    text: &'t str,
}

impl<'t> Lines<'t> {
    /// Non-empty lines with their byte ranges and index among non-empty lines.
    fn iter(&self) -> impl Iterator<Item = (usize, usize, &'t str)> + 't {
        let text = self.text;
        let mut offset = 0;
        text.split('\n').filter_map(move |line| {
            let start = offset;
            offset += line.len() + 1;
            let trimmed = line.trim_end_matches('\r');
            (!trimmed.trim().is_empty()).then_some((start, start + trimmed.len(), trimmed))
        })
    }
}

/// The producers a page's author metadata names: each registered news
/// agency, and any other registered outlet that is not the page's own
/// publisher (`own`: the outlets its publisher signals name — capture
/// address, canonical URL, site name, site furniture). A content system
/// that fills in the site's own name for every article, wire copies among
/// them, says nothing of who wrote the text, so the site's own name is no
/// credit; nor is a person's name or an unregistered one.
fn page_credit_signals(
    registry: &Registry,
    credits: &[crate::text::PageCredit],
    own: &[String],
) -> Vec<Signal> {
    let mut out: Vec<Signal> = Vec::new();
    for credit in credits {
        let value = credit.value.trim();
        let value = match value.get(..3) {
            Some(by) if by.eq_ignore_ascii_case("by ") => &value[3..],
            _ => value,
        };
        let names = value
            .split([',', ';', '|', '/', '&', '•'])
            .flat_map(|part| part.split(" and "))
            .map(str::trim);
        for name in names {
            let Some(outlet) = registry.find_credit_name(name) else {
                continue;
            };
            // An outlet other than a news agency is a credit only where the
            // page's own publisher is known to be someone else.
            let counts = !own.contains(&outlet.id)
                && (outlet.kind == OutletKind::WireAgency || !own.is_empty());
            if !counts
                || out
                    .iter()
                    .any(|s| s.outlet_id.as_deref() == Some(outlet.id.as_str()))
            {
                continue;
            }
            out.push(Signal {
                role: Role::Origin,
                name: outlet.name.clone(),
                outlet_id: Some(outlet.id.clone()),
                rule: Rule::HtmlAuthor,
                text: credit.evidence(),
                start: 0,
                end: 0,
                confidence: Rule::HtmlAuthor.confidence(),
            });
        }
    }
    out
}

/// Finds the signals in a cleaned text.
pub fn signals(registry: &Registry, text: &str, meta: &PageMeta) -> Vec<Signal> {
    let mut out = Vec::new();
    let signal = |role,
                  outlet: Option<&super::registry::Outlet>,
                  raw_name: &str,
                  rule,
                  start: usize,
                  end: usize,
                  confidence| Signal {
        role,
        name: outlet
            .map(|o| o.name.clone())
            .unwrap_or_else(|| raw_name.trim().to_owned()),
        outlet_id: outlet.map(|o| o.id.clone()),
        rule,
        text: text[start..end].to_owned(),
        start,
        end,
        confidence,
    };
    // A registered outlet as the producer of the text.
    let origin = |outlet: &super::registry::Outlet, rule, start, end, confidence| {
        signal(Role::Origin, Some(outlet), "", rule, start, end, confidence)
    };
    // The same at the rule's own confidence.
    let by_rule = |outlet: &super::registry::Outlet, rule: Rule, start, end| {
        origin(outlet, rule, start, end, rule.confidence())
    };

    for (outlet, marker, at) in registry.publisher_markers_in(text) {
        out.push(signal(
            Role::Publisher,
            Some(outlet),
            marker,
            Rule::PublisherMarker,
            at,
            at + marker.len(),
            Rule::PublisherMarker.confidence(),
        ));
    }
    for (outlet, marker, at) in registry.origin_markers_in(text) {
        out.push(signal(
            Role::Origin,
            Some(outlet),
            marker,
            Rule::OriginMarker,
            at,
            at + marker.len(),
            Rule::OriginMarker.confidence(),
        ));
    }
    // The site that served the page published it: its registered outlet,
    // else its host name (an unregistered publisher is still a publisher).
    // A copy kept by a web archive or a cache stands for the site it
    // copies; one whose original the address does not name, for no one.
    if let Some(url) = &meta.capture_url
        && let Some(served) = super::address::served(url)
        && let Some(host) = served.host
    {
        // The host as the address parser read it (what a browser would
        // connect to), not a second reading of the raw string.
        let outlet = registry.find_domain(&host);
        out.push(Signal {
            role: Role::Publisher,
            name: outlet.map(|o| o.name.clone()).unwrap_or(host),
            outlet_id: outlet.map(|o| o.id.clone()),
            rule: Rule::CaptureUrl,
            text: match served.via {
                Some(via) => format!("{url} (through {via})"),
                None => url.clone(),
            },
            start: 0,
            end: 0,
            confidence: Rule::CaptureUrl.confidence(),
        });
    }
    if let Some(url) = &meta.canonical_url
        && let Some(outlet) = registry.find_domain(url)
    {
        out.push(Signal {
            role: Role::Publisher,
            name: outlet.name.clone(),
            outlet_id: Some(outlet.id.clone()),
            rule: Rule::HtmlCanonicalUrl,
            text: url.clone(),
            start: 0,
            end: 0,
            confidence: Rule::HtmlCanonicalUrl.confidence(),
        });
    }
    if let Some(site) = &meta.site_name {
        let outlet = registry.find_name(site);
        out.push(Signal {
            role: Role::Publisher,
            name: outlet
                .map(|o| o.name.clone())
                .unwrap_or_else(|| site.clone()),
            outlet_id: outlet.map(|o| o.id.clone()),
            rule: Rule::HtmlSiteName,
            text: site.clone(),
            start: 0,
            end: 0,
            confidence: Rule::HtmlSiteName.confidence(),
        });
    }
    // The page's own publisher, as the signals above name it (a capture
    // through the Wayback Machine stands for the site it copies).
    let own: Vec<String> = out
        .iter()
        .filter(|s| s.role == Role::Publisher)
        .filter_map(|s| s.outlet_id.clone())
        .collect();
    out.extend(page_credit_signals(registry, &meta.credits, &own));

    let lines: Vec<(usize, usize, &str)> = Lines { text }.iter().collect();
    let n = lines.len();
    // Where the text ends for a closing credit: before trailing tag lines
    // ("#Russia", "#Niger #Coup") a site adds under the article (Tribune
    // India, 2023: "… Sunday. Reuters" then "#Russia").
    let text_end = lines
        .iter()
        .rposition(|&(_, _, l)| !l.trim().is_empty() && !tags_only(l))
        .map_or(n, |i| i + 1);
    // An agency opening the lead is a credit when no other outlet opens a
    // paragraph so: a press review opens its paragraphs with each outlet it
    // quotes ("TASS: …", "RIA Novosti: …"), and none of them wrote the page.
    let lead_outlet = |line: &str| {
        (!looks_like_photo_credit(line))
            .then(|| AGENCY_LEAD.captures(line))
            .flatten()
            .and_then(|c| {
                let name = c.name("name").unwrap();
                // What reads as a desk glued to the name may be its last
                // word ("Shafaq News/ …" read as "Shafaq" and "News"); after
                // a space it is one ("Iran Press/ Iran news:" is Iran Press,
                // not the daily *Iran* with a desk "Press").
                let whole = c.name("glued").map(|g| (name.start(), g.end()));
                let spaced = name.as_str().ends_with(char::is_whitespace);
                let find_whole = || {
                    let (from, to) = whole?;
                    registry
                        .find_credit_name(&line[from..to])
                        .map(|o| (o, from, to))
                };
                if spaced && whole.is_some() {
                    return find_whole();
                }
                registry
                    .find_credit_name(name.as_str())
                    .map(|o| (o, name.start(), name.end()))
                    .or_else(find_whole)
            })
    };
    let leads: Vec<_> = lines
        .iter()
        .take(15)
        .map(|&(_, _, l)| lead_outlet(l))
        .collect();
    let lead_outlets: std::collections::BTreeSet<&str> = leads
        .iter()
        .flatten()
        .map(|(o, _, _)| o.id.as_str())
        .collect();
    // The lead: the first line long enough to be a paragraph of the story.
    let lead_paragraph = lines
        .iter()
        .position(|&(_, _, l)| l.split_whitespace().count() >= 15);
    // Where a relay is read: the story's first two paragraphs, taken both
    // as lines of eight words or more that end as sentences do (a headline
    // seldom does; a short breaking lead does) and as the lead (above) and
    // the next line of eight words or more, among the first fifteen.
    let mut story: Vec<usize> = (0..n.min(15))
        .filter(|&i| {
            let l = lines[i].2.trim_end();
            l.split_whitespace().count() >= 8 && l.ends_with(['.', '!', '?', '"', '”', '’', ')'])
        })
        .take(2)
        .collect();
    if let Some(lead) = lead_paragraph.filter(|&l| l < 15) {
        story.push(lead);
        story.extend(
            (lead + 1..n.min(lead + 4)).find(|&i| lines[i].2.split_whitespace().count() >= 8),
        );
    }
    // The newsrooms the text credits so ("…, the Hill reports.", "…, CNN
    // reports."): a summary site retelling several newsrooms' reports
    // (Newser on the Helsinki summit, 2018: CNN, Radio Free Europe, the
    // Hill and "the AP reports") is none of theirs.
    // Read only for a text with such a credit.
    let reports_named = std::cell::LazyCell::new(|| {
        lines
            .iter()
            .filter(|(_, _, l)| l.contains("reports"))
            .flat_map(|(_, _, l)| REPORTS_CREDIT.captures_iter(l))
            .filter(|c| c.name("relay").is_none())
            .filter_map(|c| c.name("name").or_else(|| c.name("name2")))
            .map(|m| m.as_str().trim_end_matches('.').to_lowercase())
            .collect::<std::collections::BTreeSet<String>>()
    });
    for (index, &(start, end, line)) in lines.iter().enumerate() {
        let near_edge = index < 15 || index + 10 >= n;
        if story.contains(&index) {
            for relay in lead_relays(registry, line) {
                out.push(signal(
                    Role::Relayed,
                    relay.outlet,
                    &line[relay.name.0..relay.name.1],
                    Rule::LeadRelay,
                    start + relay.words.0,
                    start + relay.words.1,
                    Rule::LeadRelay.confidence(),
                ));
            }
        }
        if index < 15
            && let Some(c) = AGENCY_DATE_LINE
                .captures(line)
                .or_else(|| AGENCY_META_LINE.captures(line))
            && let Some(outlet) = named_agency(registry, &c)
        {
            let name = c.name("name").unwrap();
            out.push(by_rule(
                outlet,
                Rule::AgencyLine,
                start + name.start(),
                start + name.end(),
            ));
            continue;
        }
        let mut after_credit = None;
        if index < 15
            && let Some(c) = PAREN_SITE_CREDIT.captures(line)
        {
            after_credit = Some(c.get(0).unwrap().end());
            let name = c.name("name").unwrap();
            let found = registry.find_credit_name(name.as_str()).or_else(|| {
                c.name("abbr")
                    .and_then(|a| registry.find_credit_name(a.as_str()))
            });
            // The aggregator's source ran a wire's copy and says so after
            // the credit: "(MENAFN- The Peninsula) AFP".
            let whole = c.get(0).unwrap();
            let rest = &line[whole.end()..];
            let byline = rest
                .trim()
                .trim_end_matches([':', '-', '–', '—'])
                .trim_end();
            let wire = (!byline.is_empty())
                .then(|| registry.find_credit_name(byline))
                .flatten()
                .filter(|o| o.kind == OutletKind::WireAgency)
                .map(|o| {
                    let at = start + whole.end() + (rest.len() - rest.trim_start().len());
                    (o, at, at + byline.len())
                });
            let credited = if let Some((outlet, from, to)) =
                wire.or_else(|| found.map(|o| (o, start + name.start(), start + name.end())))
            {
                out.push(by_rule(outlet, Rule::CreditLine, from, to));
                true
            } else if looks_like_a_name(name.as_str()) {
                // A source the registry does not know is still the source
                // the aggregator names: "(MENAFN- Pajhwok Afghan News)".
                out.push(signal(
                    Role::Origin,
                    None,
                    name.as_str(),
                    Rule::CreditLine,
                    start + name.start(),
                    start + name.end(),
                    CREDIT_LINE_UNREGISTERED.confidence,
                ));
                true
            } else {
                false
            };
            if credited && let Some(site) = registry.find_name(c.name("site").unwrap().as_str()) {
                out.push(signal(
                    Role::Publisher,
                    Some(site),
                    "",
                    Rule::CreditLine,
                    start + whole.start(),
                    start + whole.end(),
                    Rule::CreditLine.confidence(),
                ));
            }
        }
        // The aggregator's credit opens its source's own first line, whose
        // dateline names who wrote the text: "(MENAFN- Nam News Network)
        // TEHRAN, May 20 (NNN-XINHUA) –" is Xinhua's copy through NNN (Raisi
        // crash, 2024: held out, stop 62). The rest of the line is read as
        // a line of its own.
        let (line, start) = match after_credit {
            Some(cut) if !line[cut..].trim().is_empty() => {
                let rest = &line[cut..];
                let lead = rest.len() - rest.trim_start().len();
                (&rest[lead..], start + cut + lead)
            }
            _ => (line, start),
        };
        if index < 15
            && let Some(c) = CJK_DATELINE.captures(line)
            && let Some(outlet) = named_agency(registry, &c)
        {
            let whole = c.get(0).unwrap();
            out.push(origin(
                outlet,
                Rule::WireDateline,
                start,
                start + whole.end(),
                DATELINE_CREDIT.confidence,
            ));
            continue;
        }
        if let Some(c) = WIRE_DATELINE.captures(line)
            && !names_a_photo_agency(line)
        {
            let name = c.name("name").unwrap();
            if let Some(outlet) = registry.find_name(name.as_str()) {
                let whole = c.get(0).unwrap();
                out.push(origin(
                    outlet,
                    Rule::WireDateline,
                    start,
                    start + whole.end(),
                    DATELINE_CREDIT.confidence,
                ));
                continue;
            }
        }
        if let Some(c) = SLASH_DATELINE.captures(line)
            && let Some(outlet) = registry.find_credit_name(c.name("name").unwrap().as_str())
            // "AFP PHOTO / SPUTNIK /" is a picture's credit, not a dateline.
            && !looks_like_photo_credit(line)
            && registry
                .find_credit_name(line[..c.name("name").unwrap().start()].trim_end_matches([' ', '/']))
                .is_none()
        {
            let whole = c.get(0).unwrap();
            out.push(origin(
                outlet,
                Rule::WireDateline,
                start,
                start + whole.end(),
                DATELINE_CREDIT.confidence,
            ));
            continue;
        }
        if let Some(c) = PAREN_DATELINE.captures(line) {
            let inner = c.name("inner").unwrap();
            let parts = credit_parts(registry, inner.as_str());
            let photo = looks_like_photo_credit(inner.as_str());
            if !photo && let Some(outlet) = producer_of(&parts) {
                // Several agencies credited together ("AFP/APP", "BSS/AFP"):
                // each may have written the text, so each is credited (the
                // producer last: it wins the tie), and the text is never
                // independent of any of them.
                for other in parts
                    .iter()
                    .filter(|o| o.kind == OutletKind::WireAgency && o.id != outlet.id)
                {
                    out.push(origin(
                        other,
                        Rule::WireDateline,
                        start,
                        start + inner.end() + 1,
                        DATELINE_PAREN_OR_DASH.confidence,
                    ));
                }
                out.push(origin(
                    outlet,
                    Rule::WireDateline,
                    start,
                    start + inner.end() + 1,
                    DATELINE_PAREN_OR_DASH.confidence,
                ));
                // The first outlet of several, when not the producer nor a
                // news agency, is the site that carried it ("UrduPoint News
                // / Sputnik").
                if let Some(first) = parts
                    .first()
                    .filter(|f| f.id != outlet.id && f.kind != OutletKind::WireAgency)
                {
                    out.push(signal(
                        Role::Publisher,
                        Some(first),
                        "",
                        Rule::CreditLine,
                        start,
                        start + inner.end() + 1,
                        Rule::CreditLine.confidence(),
                    ));
                }
                continue;
            }
            // A newsroom the registry does not hold, credited the same way
            // and named as newsrooms name themselves: "TAIPEI (Taiwan
            // News) —" (Taiwan News, 2024). A place in the parentheses
            // ("Amritsar (Punjab)") names no newsroom.
            let name = inner.as_str().trim();
            if !photo && parts.is_empty() && newsroom_named(name) {
                out.push(signal(
                    Role::Origin,
                    None,
                    name,
                    Rule::WireDateline,
                    start,
                    start + inner.end() + 1,
                    DATELINE_UNREGISTERED.confidence,
                ));
                continue;
            }
        }
        if let Some(c) = AGENCY_CITY_DATELINE.captures(line)
            && !names_a_photo_agency(line)
            && let Some(outlet) = named_agency(registry, &c)
        {
            let whole = c.get(0).unwrap();
            out.push(origin(
                outlet,
                Rule::WireDateline,
                start,
                start + whole.end(),
                DATELINE_BARE.confidence,
            ));
            continue;
        }
        // Each form tried in turn: "TOKYO, Dec. 8 Kyodo -" reads as a bare
        // dateline crediting "Dec", which names no agency.
        if !looks_like_photo_credit(line)
            && let Some((outlet, name_end)) = [&BARE_DATELINE, &DATED_AGENCY_DATELINE]
                .into_iter()
                .filter_map(|form| form.captures(line))
                .find_map(|c| {
                    let name = c.name("name")?;
                    registry
                        .find_credit_name(name.as_str())
                        .filter(|o| o.kind == OutletKind::WireAgency)
                        .map(|o| (o, name.end()))
                })
        {
            out.push(origin(
                outlet,
                Rule::WireDateline,
                start,
                start + name_end,
                DATELINE_BARE.confidence,
            ));
            continue;
        }
        // A news site the registry does not hold, by its address after the
        // place and a comma, as Indonesian sites write it: "TAIPEI, KOMPAS.com –
        // Taiwanese…" (Kompas, 2024), "BOGOR, KOMPAS.com – Angin…".
        if index < 15
            && !looks_like_photo_credit(line)
            && let Some(name) = BARE_DATELINE.captures(line).and_then(|c| c.name("name"))
            && registry.find_credit_name(name.as_str()).is_none()
            && site_named(name.as_str())
            && newsroom_named(name.as_str().trim())
        {
            out.push(signal(
                Role::Origin,
                None,
                name.as_str().trim(),
                Rule::WireDateline,
                start,
                start + name.end(),
                DATELINE_UNREGISTERED.confidence,
            ));
            continue;
        }
        if index < 15
            && let Some(c) = ISSUER_HEADER
                .captures(line)
                .or_else(|| ISSUED_BY.captures(line))
            && ISSUING_BODY.is_match(c.name("name").unwrap().as_str())
        {
            let name = c.name("name").unwrap();
            out.push(signal(
                Role::Origin,
                registry.find_credit_name(name.as_str()),
                name.as_str(),
                Rule::IssuerHeader,
                start + name.start(),
                start + name.end(),
                Rule::IssuerHeader.confidence(),
            ));
            continue;
        }
        if lead_outlets.len() == 1
            && let Some(&Some((outlet, name_start, name_end))) = leads.get(index)
            && outlet.kind == OutletKind::WireAgency
        {
            out.push(origin(
                outlet,
                Rule::WireDateline,
                start + name_start,
                start + name_end,
                DATELINE_AGENCY_LEAD.confidence,
            ));
            continue;
        }
        if line.len() <= 100
            && !looks_like_photo_credit(line)
            && let Some(c) = PERSON_AGENCY_PLACE.captures(line)
            && let Some(outlet) = named_agency(registry, &c)
        {
            out.push(origin(
                outlet,
                Rule::AgencyByline,
                start,
                end,
                BYLINE_WITH_BUREAU.confidence,
            ));
            continue;
        }
        if let Some(c) = AGENCY_BUREAU_LINE.captures(line)
            && let Some(outlet) = named_agency(registry, &c)
        {
            out.push(by_rule(outlet, Rule::AgencyBureauLine, start, end));
            continue;
        }
        // Closing credits: the article's last lines, never its first two (a
        // headline, a picture's caption ending "— KUNA" or "(WAM)").
        // Nor a line that article prose follows: a caption ending "(AFP)"
        // between the last paragraphs is a picture's credit.
        let prose_follows = || {
            lines[index + 1..]
                .iter()
                .any(|&(_, _, later)| later.trim().chars().count() > 100)
        };
        // The agency's name alone after the last sentence: only on the
        // text's very last line, and only a news agency's name.
        // A body saved as one paragraph has its last line second, after
        // the headline: a line that long is no caption.
        if index + 1 == text_end
            && (index >= 2 || index == 1 && line.trim().chars().count() > 300)
            && let Some(c) = CLOSING_BARE_CREDIT.captures(line)
            && let Some(outlet) = named_agency(registry, &c)
        {
            let name = c.name("name").unwrap();
            out.push(by_rule(
                outlet,
                Rule::ClosingCredit,
                start + name.start(),
                start + name.end(),
            ));
        }
        // An article saved as one paragraph ends on its credit too: a line
        // that long is no caption.
        let long_body = index + 1 == text_end && line.trim().chars().count() > 300;
        if (index >= 2 || long_body) && index + 3 >= text_end && !prose_follows() {
            // Behind a dash any registered newsroom signs its text ("…
            // in the Russian capital.-Al Jazeera"), not only an agency.
            if let Some(c) = CLOSING_DASH_CREDIT.captures(line)
                && let Some(outlet) = registry.find_credit_name(c.name("name").unwrap().as_str())
            {
                let name = c.name("name").unwrap();
                // The evidence starts after the sentence's closing mark,
                // which may be a multi-byte quotation mark.
                let whole = c.get(0).unwrap();
                let mark = line[whole.start()..]
                    .chars()
                    .next()
                    .map_or(0, char::len_utf8);
                out.push(by_rule(
                    outlet,
                    Rule::ClosingCredit,
                    start + whole.start() + mark,
                    start + name.end(),
                ));
            }
            if let Some(c) = CLOSING_PAREN_CREDIT.captures(line) {
                let inner = c.name("inner").unwrap();
                let mut pieces = inner.as_str().split('/');
                let first = pieces.next().unwrap_or_default();
                let rest: Vec<&str> = pieces.collect();
                // On a line of its own, any registered newsroom signs its
                // text ("(teleSUR)" under a broadcaster's story); closing a
                // paragraph, only an agency (not "… said on Monday. (CNN)"
                // quoting a channel).
                let alone = line.trim_start().starts_with('(');
                let outlet = registry
                    .find_credit_name(first)
                    .filter(|o| o.kind == OutletKind::WireAgency || alone);
                // "(Xinhua/Li Ming)" under a picture names its photographer.
                let photo = rest.iter().any(|p| is_person_name(p))
                    || inner.as_str().to_lowercase().contains("photo");
                if let Some(outlet) = outlet {
                    let (role, rule) = if photo {
                        (Role::PhotoCredit, Rule::PhotoCredit)
                    } else {
                        (Role::Origin, Rule::ClosingCredit)
                    };
                    out.push(signal(
                        role,
                        Some(outlet),
                        "",
                        rule,
                        start + inner.start() - 1,
                        start + inner.end() + 1,
                        rule.confidence(),
                    ));
                }
            }
        }
        // A text the site ran from a feed, unedited, is not the site's
        // own: the feed's agency when named, else unnamed agencies (then
        // the one agency the text names, if only one).
        if let Some(c) = line
            .contains(" from ")
            .then(|| SYNDICATED_NOTE.captures(line))
            .flatten()
        {
            let whole = c.get(0).unwrap();
            match c.name("name") {
                Some(name) => {
                    if let Some(outlet) = registry.find_credit_name(name.as_str()) {
                        out.push(by_rule(
                            outlet,
                            Rule::SourceLine,
                            start + name.start(),
                            start + name.end(),
                        ));
                    }
                }
                None => out.push(Signal {
                    name: UNNAMED_AGENCIES.into(),
                    ..signal(
                        Role::Origin,
                        None,
                        "",
                        Rule::CreditLineAgencies,
                        start + whole.start(),
                        start + whole.end(),
                        Rule::CreditLineAgencies.confidence(),
                    )
                }),
            }
        }
        if let Some(c) = INPUTS_CREDIT.captures(line) {
            let name = c.name("name").unwrap();
            let whole = c.get(0).unwrap();
            if is_generic(name.as_str()) {
                out.push(Signal {
                    name: UNNAMED_AGENCIES.into(),
                    ..signal(
                        Role::Origin,
                        None,
                        "",
                        Rule::CreditLineAgencies,
                        start + whole.start(),
                        start + whole.end(),
                        Rule::CreditLineAgencies.confidence(),
                    )
                });
            } else if let Some(outlet) = registry.find_credit_name(name.as_str()) {
                out.push(by_rule(
                    outlet,
                    Rule::InputsCredit,
                    start + whole.start(),
                    start + name.end(),
                ));
            }
        }
        // At the end of a sentence, wherever it is in the paragraph (one
        // pass over the line; most lines hold no ", reports").
        if let Some(c) = line
            .contains("reported by")
            .then(|| REPORTED_BY_CREDIT.captures(line))
            .flatten()
        {
            let name = c.name("name").unwrap();
            if let Some(outlet) = registry
                .find_credit_name(name.as_str().trim_end_matches('.'))
                .filter(|o| o.kind == OutletKind::WireAgency)
            {
                out.push(by_rule(
                    outlet,
                    Rule::ReportsCredit,
                    start + name.start(),
                    start + name.end(),
                ));
            }
        }
        for credit in REPORTS_CREDIT.captures_iter(line) {
            let name = credit
                .name("name")
                .or_else(|| credit.name("name2"))
                .unwrap();
            // "…, the AP reports.": a credit only where the text credits
            // no other newsroom so.
            let whole = credit.get(0).unwrap();
            if line[whole.start()..name.start()].split_whitespace().last() == Some("the")
                && reports_named.len() > 1
            {
                continue;
            }
            // "Kazinform News Agency cites …": the agency, however it
            // calls itself.
            let written = name.as_str().trim_end_matches('.');
            let bare = written
                .strip_suffix(" News Agency")
                .or_else(|| written.strip_suffix(" news agency"))
                .or_else(|| written.strip_suffix(" Agency"));
            // Any newsroom relayed from the lead ("…, Al Jazeera reports
            // citing …" closing the first paragraph); further down, "…,
            // CNN reports citing officials" is a site's own citation.
            let relays_the_lead = credit.name("relay").is_some() && Some(index) == lead_paragraph;
            // A newsroom relayed so is the text's producer, the site only
            // its relay ("…, Paralel.Az reports citing The Japan News").
            if relays_the_lead
                && let Some(relayed) = credit.name("relayed")
                && let Some((outlet, from, to)) = newsroom_in(registry, relayed.as_str())
            {
                out.push(by_rule(
                    outlet,
                    Rule::ReportsCredit,
                    start + relayed.start() + from,
                    start + relayed.start() + to,
                ));
                continue;
            }
            if let Some(outlet) = registry
                .find_credit_name(written)
                .or_else(|| bare.and_then(|b| registry.find_credit_name(b)))
                .filter(|o| o.kind == OutletKind::WireAgency || relays_the_lead)
            {
                out.push(by_rule(
                    outlet,
                    Rule::ReportsCredit,
                    start + name.start(),
                    start + name.end(),
                ));
            }
        }
        // The note's regex is costly (a Unicode name of up to 40 letters,
        // any case): only lines holding its verbs are given to it.
        if let Some(c) = FIRST_PUBLISHED_WORDS
            .is_match(line)
            .then(|| FIRST_PUBLISHED.captures(line))
            .flatten()
        {
            let name = c.name("name").unwrap();
            let whole = c.get(0).unwrap();
            // An outlet's national edition ("Reuters Africa") is the outlet.
            let outlet = registry
                .find_name(name.as_str())
                .or_else(|| registered_prefix(registry, name.as_str()).map(|(o, _)| o));
            out.push(signal(
                Role::Origin,
                outlet,
                name.as_str(),
                Rule::RepublishedNote,
                start + whole.start(),
                start + whole.end(),
                if outlet.is_some() {
                    Rule::RepublishedNote.confidence()
                } else {
                    REPUBLISHED_NOTE_UNREGISTERED.confidence
                },
            ));
        }
        for c in SELF_REFERENCE.captures_iter(line) {
            let name = c.name("name").unwrap();
            // "An AFP correspondent": try the name's last words first.
            let words: Vec<usize> = word_starts(name.as_str()).collect();
            let found = words.iter().find_map(|&i| {
                registry
                    .find_name(&name.as_str()[i..])
                    .filter(|o| o.kind == OutletKind::WireAgency)
                    .map(|o| (o, i))
            });
            let whole = c.get(0).unwrap();
            // "according to a Reuters witness": the agency's own house
            // word for its staff, which no one else uses of it.
            let witness = line[name.end()..whole.end()]
                .trim_start()
                .starts_with("witness");
            let before = if witness { "" } else { &line[..name.start()] };
            if let Some((outlet, i)) = found
                && !cites_as_source(text, before, &name.as_str()[i..])
                && let Some(seen) =
                    staff_account(&line[name.end()..whole.end()], &line[whole.end()..])
            {
                out.push(origin(
                    outlet,
                    Rule::AgencySelfReference,
                    start + name.start() + i,
                    start + whole.end(),
                    match seen {
                        StaffAccount::Seen => Rule::AgencySelfReference.confidence(),
                        StaffAccount::Told => SELF_REFERENCE_TOLD.confidence,
                    },
                ));
            }
        }
        if let Some(c) = DASH_DATELINE.captures(line)
            && !names_a_photo_agency(line)
        {
            let rest = c.name("rest").unwrap();
            if let Some((outlet, len)) = registered_prefix(registry, rest.as_str())
                && outlet.kind == OutletKind::WireAgency
            {
                out.push(origin(
                    outlet,
                    Rule::WireDateline,
                    start,
                    start + rest.start() + len,
                    DATELINE_PAREN_OR_DASH.confidence,
                ));
                continue;
            }
        }
        if let Some(c) = CREDIT_CAPTION.captures(line) {
            let rest = c.name("rest").unwrap();
            for part in split_names(rest.as_str()) {
                if let Some(outlet) = registry.find_name(part) {
                    out.push(signal(
                        Role::PhotoCredit,
                        Some(outlet),
                        "",
                        Rule::PhotoCredit,
                        start,
                        end,
                        Rule::PhotoCredit.confidence(),
                    ));
                }
            }
            continue;
        }
        if let Some(c) = SOURCE_LINE
            .captures(line)
            .or_else(|| SOURCE_PAREN.captures(line))
        {
            let rest = first_field(c.name("rest").unwrap().as_str());
            // "Source: PRNewsfoto/Quaker Oats", "Source: Getty Images": a
            // picture's source.
            let lower = rest.to_lowercase();
            if ["photo", "foto", "image", "getty", "picture"]
                .iter()
                .any(|w| lower.contains(w))
            {
                continue;
            }
            // "Source: A Fox News poll of 1,007 registered voters", "Source:
            // U.S. Census Bureau data" under a chart: where a figure comes
            // from, not who wrote the text.
            if DATA_SOURCE.is_match(&lower) {
                continue;
            }
            // "Source: https://english.news.cn/…": the address of the text's
            // source, read by the registry's domains; an address of a site
            // the registry does not know names no producer (its pieces are
            // no names).
            let value = rest.trim();
            if value.starts_with("http://")
                || value.starts_with("https://")
                || value.starts_with("www.")
            {
                if let Some(outlet) = registry.find_domain(value) {
                    out.push(signal(
                        Role::Origin,
                        Some(outlet),
                        "",
                        Rule::SourceLine,
                        start,
                        end,
                        Rule::SourceLine.confidence(),
                    ));
                }
                continue;
            }
            let mut named = false;
            // "From:" and a label behind a dash ("source – BERNAMA") name
            // only what the registry knows: either begins prose as often.
            let from = c
                .name("label")
                .unwrap()
                .as_str()
                .eq_ignore_ascii_case("from")
                || c.name("dash").is_some();
            for part in split_names(rest) {
                if is_generic(part) || (from && registry.find_credit_name(part).is_none()) {
                    continue;
                }
                let outlet = registry.find_credit_name(part);
                // An unregistered name is a name: a few words, no figures
                // (not a sentence cut at its comma).
                if outlet.is_none()
                    && (part.bytes().any(|b| b.is_ascii_digit())
                        || part.split_whitespace().count() > 6)
                {
                    continue;
                }
                // An unregistered name after "Source:" is as often a picture
                // agency or a content farm's filler as a producer.
                let confidence = if outlet.is_some() {
                    Rule::SourceLine.confidence()
                } else {
                    SOURCE_LINE_UNREGISTERED.confidence
                };
                out.push(signal(
                    Role::Origin,
                    outlet,
                    part,
                    Rule::SourceLine,
                    start,
                    end,
                    confidence,
                ));
                named = true;
            }
            if !named && !from {
                out.push(Signal {
                    role: Role::Origin,
                    name: UNNAMED_AGENCIES.into(),
                    outlet_id: None,
                    rule: Rule::SourceLineAgencies,
                    text: line.trim().to_owned(),
                    start,
                    end,
                    confidence: Rule::SourceLineAgencies.confidence(),
                });
            }
            continue;
        }
        if line.len() <= 90
            && let Some(c) = CREDIT_LINE.captures(line)
        {
            let (left, right) = (c.name("left").unwrap(), c.name("right").unwrap());
            let right_outlet = registry.find_name(right.as_str());
            let generic = is_generic(right.as_str());
            // "SPUTNIK/REUTERS", "AFP/Getty Images": a picture's credit.
            if registry
                .find_name(left.as_str())
                .is_some_and(|o| o.kind == OutletKind::WireAgency)
            {
                for part in [left.as_str(), right.as_str()] {
                    if let Some(o) = registry.find_name(part) {
                        out.push(signal(
                            Role::PhotoCredit,
                            Some(o),
                            "",
                            Rule::PhotoCredit,
                            start,
                            end,
                            Rule::PhotoCredit.confidence(),
                        ));
                    }
                }
                continue;
            }
            // "Geoff Mulvihill | Associated Press", "Jorge Silva/Reuters": a
            // person's credit (a writer, a photographer), not a site naming
            // its source. The person is no publisher; the agency is weaker
            // evidence of the origin than a site's own credit line (measured
            // on the Helsinki labels: these lines sit on wire copies).
            if right_outlet.is_some()
                && registry.find_name(left.as_str()).is_none()
                && is_person_credit(left.as_str())
            {
                let (s, e) = (start + left.start(), start + right.end());
                // "Jorge Silva/Reuters": a person and an agency joined by a
                // slash is how pictures are credited (the photographer and
                // the agency that sells the picture), never the text.
                let (role, rule) = if line[left.end()..right.start()].contains('/') {
                    (Role::PhotoCredit, Rule::PhotoCredit)
                } else {
                    (Role::Origin, Rule::PersonCredit)
                };
                out.push(signal(
                    role,
                    right_outlet,
                    "",
                    rule,
                    s,
                    e,
                    rule.confidence(),
                ));
                continue;
            }
            let left_looks_like_a_name = left.as_str().split_whitespace().count() <= 5;
            if (right_outlet.is_some() || generic) && left_looks_like_a_name {
                let left_outlet = registry.find_name(left.as_str());
                let (s, e) = (start + left.start(), start + right.end());
                out.push(signal(
                    Role::Publisher,
                    left_outlet,
                    left.as_str(),
                    Rule::CreditLine,
                    s,
                    e,
                    Rule::CreditLine.confidence(),
                ));
                out.push(match right_outlet {
                    Some(o) => signal(
                        Role::Origin,
                        Some(o),
                        "",
                        Rule::CreditLine,
                        s,
                        e,
                        Rule::CreditLine.confidence(),
                    ),
                    None => Signal {
                        name: UNNAMED_AGENCIES.into(),
                        rule: Rule::CreditLineAgencies,
                        ..signal(
                            Role::Origin,
                            None,
                            "",
                            Rule::CreditLineAgencies,
                            s,
                            e,
                            Rule::CreditLineAgencies.confidence(),
                        )
                    },
                });
                continue;
            }
        }
        // A byline rule by who is named: a news agency, or the paper or site
        // the writers work for.
        let byline_rule = |o: &super::registry::Outlet| {
            if o.kind == OutletKind::WireAgency {
                Rule::AgencyByline
            } else {
                Rule::OutletByline
            }
        };
        if near_edge && let Some((outlet, s, e)) = writers_then_agency(registry, line) {
            out.push(by_rule(outlet, byline_rule(outlet), start + s, start + e));
            continue;
        }
        // "From CNN's …": a live page's post, its writers' outlet's.
        if let Some(c) = BYLINE_FROM.captures(line)
            && only_names(c.name("who").unwrap().as_str())
            && let Some(outlet) = registry.find_credit_name(c.name("name").unwrap().as_str())
        {
            out.push(by_rule(outlet, byline_rule(outlet), start, end));
            continue;
        }
        // "Reporting by … for Sharecast.com": the outlet the writers wrote
        // for, registered or named as newsrooms name themselves.
        if let Some(c) = BYLINE_FOR.captures(line)
            && only_names(c.name("who").unwrap().as_str())
        {
            let name = c.name("name").unwrap();
            let found = registry.find_credit_name(name.as_str());
            if let Some(outlet) = found {
                out.push(by_rule(outlet, byline_rule(outlet), start, end));
                continue;
            }
            if newsroom_named(name.as_str()) {
                out.push(signal(
                    Role::Origin,
                    None,
                    name.as_str(),
                    Rule::OutletByline,
                    start + name.start(),
                    start + name.end(),
                    BYLINE_FOR_UNREGISTERED.confidence,
                ));
                continue;
            }
        }
        if let Some(c) = BYLINE.captures(line) {
            // "por Lusa" (Portuguese, Spanish): a newsroom's name alone.
            let rest = c.name("rest").or_else(|| c.name("rest2")).unwrap();
            // The last news agency the byline names wrote it; else the last
            // outlet it names ("By Andrew Higgins New York Times" on a
            // Boston Globe page is the Times' story).
            // A paper counts only after the writers' names alone ("By the
            // way, …" is no byline).
            let rest = rest.as_str();
            // … and ends the byline or a part of it ("AP National Security
            // Writer" names no paper called The National).
            let ends_a_part = |after: &str| {
                let after = after.trim_start();
                after.is_empty() || after.starts_with([',', '|', '-', '–', '—', '•', ';', ')'])
            };
            // A sentence opening with "By" ("By Wednesday afternoon, 80
            // people … remained in hospital, TASS news agency quoted …") is
            // no byline: an agency counts after writers' names and desks,
            // never after a time, a figure or a clause.
            let sentence = rest
                .split(|c: char| !c.is_alphabetic())
                .next()
                .is_some_and(|w| time_word(&w.to_lowercase()));
            let agency_credit = |i: usize| {
                let before = &rest[..i];
                !sentence && before.len() <= 100 && !before.chars().any(|c| c.is_ascii_digit())
            };
            let named: Vec<&super::registry::Outlet> = word_starts(rest)
                .filter_map(|i| registered_prefix(registry, &rest[i..]).map(|(o, n)| (i, n, o)))
                .filter(|(i, n, o)| {
                    (o.kind == OutletKind::WireAgency && agency_credit(*i))
                        || (only_names(&rest[..*i]) && ends_a_part(&rest[i + n..]))
                })
                .map(|(_, _, o)| o)
                .collect();
            let chosen = named
                .iter()
                .rev()
                .find(|o| o.kind == OutletKind::WireAgency)
                .or(named.last());
            if let Some(outlet) = chosen {
                // "By JEREMY DIAMOND, CNN, AP": a story of several
                // newsrooms, each credited (the chosen one last, so it wins
                // the tie) and none independent of the others.
                for other in named.iter().filter(|o| o.id != outlet.id) {
                    out.push(signal(
                        Role::Origin,
                        Some(other),
                        "",
                        byline_rule(other),
                        start,
                        end,
                        byline_rule(outlet).confidence(),
                    ));
                }
                out.push(by_rule(outlet, byline_rule(outlet), start, end));
                continue;
            }
        }
        if let Some(c) = WRITER_IS.captures(line)
            && let Some(outlet) = registry
                .find_name(c.name("agency").unwrap().as_str())
                .filter(|o| o.kind == OutletKind::WireAgency)
        {
            out.push(by_rule(outlet, Rule::AgencyWritersLine, start, end));
            continue;
        }
        if let Some(c) = AGENCY_WRITERS.captures(line) {
            let agency = c.name("agency").unwrap();
            if let Some(outlet) = registry
                .find_name(agency.as_str())
                .filter(|o| o.kind == OutletKind::WireAgency)
            {
                out.push(by_rule(outlet, Rule::AgencyWritersLine, start, end));
                continue;
            }
        }
        if let Some(c) = COPYRIGHT.captures(line) {
            let name = c.name("name").unwrap();
            // "© 2018 Thomson/Reuters": the last registered part.
            let registered = registered_prefix(registry, name.as_str()).or_else(|| {
                name.as_str()
                    .split('/')
                    .rev()
                    .find_map(|p| registry.find_name(p).map(|o| (o, 0)))
            });
            // "© REUTERS / Rodi Said" under a picture, and AFP's own order
            // "© NATALIA KOLESNIKOVA / AFP": the agency's photographer,
            // never the text's producer. So is a mark closing a caption
            // on the line of its sentence ("… on Friday. © … / AFP").
            let parts: Vec<&str> = name.as_str().split('/').map(str::trim).collect();
            let photographer = parts.len() > 1
                && parts.iter().any(|p| {
                    registry.find_name(p).is_none()
                        && (is_person_name(p) || (shouted_name(p) && is_person_credit(p)))
                });
            // A year makes it the text's notice even there ("… in
            // Seoul.© Thomson Reuters 2022."): a picture's credit has none.
            let dated = c.name("year").is_some() || c.name("after").is_some();
            let caption = !dated
                && line[..c.get(0).unwrap().start()]
                    .trim_end()
                    .ends_with(['.', '!', '?']);
            let photographer = photographer || caption;
            if let Some((outlet, _)) = registered
                && photographer
            {
                let whole = c.get(0).unwrap();
                out.push(signal(
                    Role::PhotoCredit,
                    Some(outlet),
                    "",
                    Rule::PhotoCredit,
                    start + whole.start(),
                    start + whole.end(),
                    Rule::PhotoCredit.confidence(),
                ));
                continue;
            }
            if let Some((outlet, _)) = registered {
                let (role, confidence) = if outlet.kind == OutletKind::WireAgency {
                    (Role::Origin, Rule::CopyrightLine.confidence())
                } else {
                    (Role::Publisher, COPYRIGHT_PUBLISHER.confidence)
                };
                let whole = c.get(0).unwrap();
                out.push(signal(
                    role,
                    Some(outlet),
                    "",
                    Rule::CopyrightLine,
                    start + whole.start(),
                    start + whole.end(),
                    confidence,
                ));
                continue;
            }
        }
        if near_edge && line.trim().len() <= 60 {
            let trimmed = line
                .trim()
                .trim_matches(['•', '·', '*', '–', '—', '-', '|', '>', '»', ' ']);
            // "Reuters India": an outlet's national edition; "Anadolu
            // Agency WORLD": a news agency's name over its desk, in
            // capitals; "AFP || Shining BD": a news agency's name beside
            // the site that runs its copy.
            let agency = |name: &str| {
                registry
                    .find_name(name)
                    .filter(|o| o.kind == OutletKind::WireAgency)
            };
            let edition = || {
                let (head, last) = trimmed.rsplit_once(' ')?;
                let desk = last.chars().count() >= 3 && last.chars().all(char::is_uppercase);
                (registry.is_country(last) || desk).then(|| agency(head))?
            };
            let beside_site = || {
                let (name, site) = trimmed.split_once('|')?;
                let site = site.trim_start_matches('|').trim();
                let words = site.split_whitespace().count();
                (!site.contains('|') && (1..=4).contains(&words) && !looks_like_photo_credit(site))
                    .then(|| agency(name.trim()))?
            };
            if let Some(outlet) = registry
                .find_name(trimmed)
                .filter(|o| distinctive(trimmed, o))
                .or_else(edition)
                .or_else(beside_site)
            {
                // On a saved page a line that is just an outlet's name is far
                // more often a source tag on syndicated copy than the site's
                // own masthead (mastheads are images): it names the producer.
                let at = start + (trimmed.as_ptr() as usize - line.as_ptr() as usize);
                out.push(by_rule(outlet, Rule::SourceLabel, at, at + trimmed.len()));
                continue;
            }
        }
        for c in PHOTO_CREDIT.captures_iter(line) {
            let whole = c.get(0).unwrap();
            let inner = ["a", "b", "c", "d"].iter().find_map(|g| c.name(g)).unwrap();
            for part in inner.as_str().split(['/', ',', ';']) {
                if let Some(outlet) = registry.find_name(part) {
                    out.push(signal(
                        Role::PhotoCredit,
                        Some(outlet),
                        "",
                        Rule::PhotoCredit,
                        start + whole.start(),
                        start + whole.end(),
                        Rule::PhotoCredit.confidence(),
                    ));
                }
            }
        }
        for c in MENTION.captures_iter(line) {
            let name = c.name("name").or_else(|| c.name("name2")).unwrap();
            if let Some((outlet, len)) = registered_prefix(registry, name.as_str()) {
                // The evidence is the phrase ("told Reuters"), not the bare name.
                let whole = c.get(0).unwrap();
                let (s, e) = if c.name("name").is_some() {
                    (whole.start(), name.start() + len)
                } else {
                    (name.start(), whole.end())
                };
                out.push(signal(
                    Role::Mention,
                    Some(outlet),
                    "",
                    Rule::InTextMention,
                    start + s,
                    start + e,
                    Rule::InTextMention.confidence(),
                ));
            }
        }
    }
    // Staff of two agencies in one text: the ones only quoted give way, as
    // another outlet quotes the agency's reporter (an AFP story: "A RIA
    // Novosti journalist at the concert said…", then "An AFP journalist at
    // the scene saw…"); two agencies' own eyes leave the producer unknown.
    let staffed = |out: &[Signal], seen_only: bool| {
        let mut ids: Vec<Option<String>> = out
            .iter()
            .filter(|s| {
                s.rule == Rule::AgencySelfReference
                    && (!seen_only || s.confidence == Rule::AgencySelfReference.confidence())
            })
            .map(|s| s.outlet_id.clone())
            .collect();
        ids.sort();
        ids.dedup();
        ids.len()
    };
    if staffed(&out, false) > 1 {
        out.retain(|s| {
            s.rule != Rule::AgencySelfReference
                || s.confidence == Rule::AgencySelfReference.confidence()
        });
        if staffed(&out, true) > 1 {
            out.retain(|s| s.rule != Rule::AgencySelfReference);
        }
    }
    out
}

/// Whether a name as written is distinctive enough to stand alone on a line
/// as an outlet's name: several words, a domain, or an acronym written exactly
/// as the outlet writes it (CNN, BBC) — not an ordinary word ("Today").
fn distinctive(written: &str, outlet: &super::registry::Outlet) -> bool {
    let written = written.trim().trim_end_matches(['.', ':', ',']);
    if written.split_whitespace().count() >= 2 || written.contains('.') {
        return true;
    }
    // A news agency's own one-word name as it writes it (`Reuters`,
    // `Xinhua`, `Yonhap`): no common word ("Today", "Express") is one.
    if outlet.kind == OutletKind::WireAgency
        && written.chars().next().is_some_and(char::is_uppercase)
        && written.chars().skip(1).any(char::is_lowercase)
        && std::iter::once(&outlet.name)
            .chain(&outlet.aliases)
            // "Wam" as Gulf papers write WAM.
            .any(|n| {
                n == written
                    || n.chars().all(|c| c.is_ascii_uppercase()) && n.eq_ignore_ascii_case(written)
            })
    {
        return true;
    }
    let acronym = written.len() >= 2 && written.chars().all(|c| c.is_ascii_uppercase());
    acronym
        && std::iter::once(&outlet.name)
            .chain(&outlet.aliases)
            .any(|n| n == written)
}

/// Byte offsets where the words of `s` start.
fn word_starts(s: &str) -> impl Iterator<Item = usize> + '_ {
    s.char_indices()
        .filter(move |&(i, c)| {
            !c.is_whitespace() && (i == 0 || s[..i].ends_with(char::is_whitespace))
        })
        .map(|(i, _)| i)
}

/// Splits "AL JAZEERA AND NEWS AGENCIES" or "AFP, Reuters" into names.
/// The first field of a line of fields: a page's `Source: Xinhua   Editor:
/// Wang Qingchu` holds the source, then its editor (Shanghai Daily, 2023).
fn first_field(value: &str) -> &str {
    static NEXT_FIELD: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"\s{2,}|\t|\s*[|•]|\s+(?i:editors?|edited\s+by|authors?|reporters?|writers?|written\s+by|translators?|translated\s+by|photos?|photographers?|date|updated|published|posted)\s*:",
        )
    });
    NEXT_FIELD
        .find(value)
        .map_or(value, |m| &value[..m.start()])
}

fn split_names(s: &str) -> Vec<&str> {
    static SEP: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\s+and\s+|\s*[,;/&+]\s*"));
    SEP.split(s)
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

fn strongest(signals: &[Signal], role: Role) -> Option<&Signal> {
    signals
        .iter()
        .filter(|s| s.role == role && s.confidence > 0.0)
        .max_by(|a, b| {
            a.confidence
                .total_cmp(&b.confidence)
                .then(a.outlet_id.is_some().cmp(&b.outlet_id.is_some()))
                .then(b.start.cmp(&a.start))
        })
}

fn quote(s: &str) -> String {
    let s = s.trim();
    if s.chars().count() > 90 {
        format!("‘{}…’", s.chars().take(88).collect::<String>())
    } else {
        format!("‘{s}’")
    }
}

/// Identifies publisher and origin from the signals of one document.
/// `line_of` turns a cleaned-text offset into a line number for explanations.
pub fn identify(
    registry: &Registry,
    text: &str,
    meta: &PageMeta,
    line_of: &dyn Fn(usize) -> usize,
) -> Identification {
    let mut signals = signals(registry, text, meta);
    let at = |s: &Signal| {
        if s.rule.is_html() {
            String::new()
        } else {
            format!(", line {}", line_of(s.start))
        }
    };

    // A page with an agency's name on a line and another outlet's name on
    // another: the agency produced the text, the other is the site's masthead.
    let is_agency = |s: &Signal| {
        s.outlet_id
            .as_deref()
            .and_then(|id| registry.get(id))
            .is_some_and(|o| o.kind == OutletKind::WireAgency)
    };
    if signals
        .iter()
        .any(|s| s.rule == Rule::SourceLabel && is_agency(s))
    {
        for s in signals.iter_mut().filter(|s| s.rule == Rule::SourceLabel) {
            if is_agency(s) {
                s.rule = Rule::AgencyLine;
                s.confidence = Rule::AgencyLine.confidence();
            } else {
                s.role = Role::Publisher;
                s.rule = Rule::MastheadLine;
                s.confidence = Rule::MastheadLine.confidence();
            }
        }
    }
    let publisher_signal = strongest(&signals, Role::Publisher).cloned();
    // A source label on a page whose publisher is known to be someone else
    // is that publisher reposting the labelled outlet.
    if let Some(p) = &publisher_signal {
        for s in signals.iter_mut() {
            if s.rule == Rule::SourceLabel && s.outlet_id != p.outlet_id {
                s.rule = Rule::RepostLabel;
                s.confidence = Rule::RepostLabel.confidence();
            }
        }
    }
    let mut notes = Vec::new();
    let publisher = publisher_signal.map(|s| Decision {
        name: s.name.clone(),
        outlet_id: s.outlet_id.clone(),
        confidence: s.confidence,
        basis: format!("{} {}{}", s.rule.description(), quote(&s.text), at(&s)),
        evidence: s,
    });

    let origins: Vec<&Signal> = signals
        .iter()
        .filter(|s| s.role == Role::Origin && s.confidence > 0.0)
        .collect();
    let mut distinct: Vec<&str> = origins.iter().map(|s| s.name.as_str()).collect();
    distinct.sort();
    distinct.dedup();
    let mut origin = strongest(&signals, Role::Origin).map(|s| Decision {
        name: s.name.clone(),
        outlet_id: s.outlet_id.clone(),
        confidence: s.confidence,
        basis: format!("{} {}{}", s.rule.description(), quote(&s.text), at(s)),
        evidence: s.clone(),
    });
    // Datelines of two producers, each opening its own passage: a page of
    // several stories (an aggregator's page, a digest of wires). No one
    // producer wrote it; each passage counts with the document it shares
    // its words with, and the page as a whole has no origin.
    let mut datelines: Vec<&Signal> = Vec::new();
    for s in origins.iter().filter(|s| s.rule == Rule::WireDateline) {
        if !datelines.iter().any(|d| d.name == s.name) {
            datelines.push(s);
        }
    }
    let digest = datelines.len() > 1 && datelines.iter().any(|d| d.start != datelines[0].start);
    if digest {
        origin = None;
        let named: Vec<String> = datelines
            .iter()
            .map(|d| format!("{} ({}{})", d.name, quote(&d.text), at(d)))
            .collect();
        notes.push(format!(
            "Datelines of {} producers open passages of this page: {}. A page of several producers' stories has no one producer; each passage counts with the document whose words it shares.",
            datelines.len(),
            named.join("; ")
        ));
    }
    // Producers credited together with the origin, in the same credit
    // ("(AFP/APP)"). Credits elsewhere on the page are not: a digest of
    // several agencies' stories, each under its own dateline, holds
    // several texts, not one text of several producers. But an
    // international agency writing of its own staff or checks in the text
    // under another credit ("Conakry, (APP - UrduPoint …) … hospital
    // sources told AFP … which AFP was unable to immediately verify") wrote
    // what the credited newsroom relays: the text is never independent of
    // it.
    let mut co_producers: Vec<(String, Option<String>)> = Vec::new();
    if let Some(o) = &origin {
        for s in &origins {
            let same = match (&s.outlet_id, &o.outlet_id) {
                (Some(a), Some(b)) => a == b,
                _ => s.name == o.name,
            };
            let together = s.start == o.evidence.start && s.end == o.evidence.end;
            let own_reporting = s.rule == Rule::AgencySelfReference
                && !digest
                && s.outlet_id
                    .as_deref()
                    .and_then(|id| registry.get(id))
                    .is_some_and(|x| x.international);
            if !same
                && (together || own_reporting)
                && !s.rule.is_unnamed_agencies()
                && !co_producers.iter().any(|(n, _)| *n == s.name)
            {
                co_producers.push((s.name.clone(), s.outlet_id.clone()));
            }
        }
    }
    if distinct.len() > 1
        && !digest
        && let Some(o) = &origin
    {
        let others: Vec<String> = origins
            .iter()
            .filter(|s| s.name != o.name)
            .map(|s| {
                format!(
                    "{} ({} {}{})",
                    s.name,
                    s.rule.description(),
                    quote(&s.text),
                    at(s)
                )
            })
            .collect();
        notes.push(format!(
            "Other producers are credited too: {}; {} was chosen as the strongest evidence.",
            others.join("; "),
            o.name
        ));
    }
    let unnamed_agencies = signals
        .iter()
        .find(|s| s.rule.is_unnamed_agencies())
        .cloned();
    if origin.is_none()
        && !digest
        && let Some(credit) = &unnamed_agencies
    {
        let mut agencies: Vec<&Signal> = signals
            .iter()
            .filter(|s| {
                s.role == Role::Mention
                    && s.outlet_id
                        .as_deref()
                        .and_then(|id| registry.get(id))
                        .is_some_and(|o| o.kind == OutletKind::WireAgency)
            })
            .collect();
        agencies.dedup_by(|a, b| a.outlet_id == b.outlet_id);
        let mut ids: Vec<&Option<String>> = agencies.iter().map(|s| &s.outlet_id).collect();
        ids.sort();
        ids.dedup();
        if ids.len() == 1 {
            let mention = agencies[0];
            let sentence = clause_before(text, mention.start, mention.end);
            origin = Some(Decision {
                name: mention.name.clone(),
                outlet_id: mention.outlet_id.clone(),
                confidence: 0.6,
                basis: format!(
                    "the credit {}{} names only unnamed agencies, and the only news agency the text names is {} ({}{})",
                    quote(&credit.text),
                    at(credit),
                    mention.name,
                    quote(&sentence),
                    at(mention)
                ),
                evidence: mention.clone(),
            });
        } else if ids.len() > 1 {
            notes.push(format!(
                "The credit {} names only unnamed agencies and the text names several ({}), so the producer is left open.",
                quote(&credit.text),
                agencies.iter().map(|s| s.name.as_str()).collect::<Vec<_>>().join(", ")
            ));
        }
    }
    if origin.is_none()
        && !digest
        && unnamed_agencies.is_none()
        && let Some(p) = &publisher
    {
        origin = Some(Decision {
            name: p.name.clone(),
            outlet_id: p.outlet_id.clone(),
            confidence: (p.confidence * 0.85 * 100.0).round() / 100.0,
            basis: format!(
                "no credit to another producer: taken as {}'s own text",
                p.name
            ),
            evidence: p.evidence.clone(),
        });
    }

    let relation = if digest {
        Relation::Digest
    } else {
        Relation::between(
            registry,
            publisher.as_ref().map(|p| p.name.as_str()),
            origin
                .as_ref()
                .map(|o| (o.name.as_str(), o.outlet_id.as_deref())),
        )
    };

    let photo: Vec<&str> = {
        let mut v: Vec<&str> = signals
            .iter()
            .filter(|s| s.role == Role::PhotoCredit)
            .map(|s| s.name.as_str())
            .collect();
        v.sort();
        v.dedup();
        v
    };
    if !photo.is_empty() {
        notes.push(format!(
            "Photo credits ({}) say who took the pictures, not who wrote the text.",
            photo.join(", ")
        ));
    }
    // Newsrooms the lead relays, other than the text's own producer.
    let mut relays: Vec<(String, Option<String>, String)> = Vec::new();
    for s in signals.iter().filter(|s| s.role == Role::Relayed) {
        let own = |d: &Option<Decision>| {
            d.as_ref()
                .is_some_and(|d| match (&d.outlet_id, &s.outlet_id) {
                    (Some(a), Some(b)) => a == b,
                    _ => d.name == s.name,
                })
        };
        if !own(&origin)
            && !own(&publisher)
            && !co_producers.iter().any(|(n, _)| *n == s.name)
            && !relays.iter().any(|(n, _, _)| *n == s.name)
        {
            relays.push((s.name.clone(), s.outlet_id.clone(), s.text.clone()));
        }
    }
    if !relays.is_empty() {
        let named: Vec<String> = relays
            .iter()
            .map(|(name, _, words)| format!("{name} ({})", quote(words)))
            .collect();
        notes.push(format!(
            "Its lead relays the report of {}: in a claim that stands on it too, the document counts as one origin with it.",
            named.join("; ")
        ));
    }
    let mut candidates: Vec<String> = signals
        .iter()
        .filter(|s| s.role != Role::PhotoCredit)
        .map(|s| s.name.clone())
        .filter(|n| {
            Some(n) != publisher.as_ref().map(|p| &p.name)
                && Some(n) != origin.as_ref().map(|o| &o.name)
        })
        .filter(|n| !n.contains("(unnamed)"))
        .collect();
    candidates.sort();
    candidates.dedup();

    let registered = |d: &Decision| {
        if d.outlet_id.is_some() {
            ""
        } else {
            " (not in the registry)"
        }
    };
    let mut explanation = Vec::new();
    match &publisher {
        Some(p) => explanation.push(format!(
            "Publisher {}{}: {}.",
            p.name,
            registered(p),
            p.basis
        )),
        None => explanation
            .push("Publisher unidentified: the text names no site, masthead or credit.".into()),
    }
    match (&origin, relation) {
        (Some(o), Relation::Original) => {
            explanation.push(format!("Origin {}: {}.", o.name, o.basis))
        }
        (Some(o), r) => {
            let how = match (r, &publisher) {
                (Relation::SyndicatedWire, Some(p)) => {
                    format!("{} runs {} wire copy", p.name, a_or_an(&o.name))
                }
                (Relation::Republished, Some(p)) => {
                    format!("{} republished {} article", p.name, a_or_an(&o.name))
                }
                (Relation::SyndicatedWire, None) => format!("{} wire copy", a_or_an(&o.name)),
                _ => format!("text produced by {}", o.name),
            };
            explanation.push(format!(
                "Origin {}{}: {}; {}.",
                o.name,
                registered(o),
                o.basis,
                how
            ));
        }
        (None, _) => explanation.push("Origin unidentified.".into()),
    }
    if publisher.is_none() && origin.is_none() && !candidates.is_empty() {
        explanation.push(format!(
            "Outlets named in the text: {}.",
            candidates.join(", ")
        ));
    }
    explanation.extend(notes);
    Identification {
        signals,
        publisher,
        origin,
        relation,
        candidates,
        explanation: explanation.join(" "),
        co_producers,
        relays,
    }
}

/// A name with its indefinite article, by how it is spelled: "an
/// Associated Press wire copy", "an AFP wire copy", "a Reuters wire copy".
/// A name in capitals is read letter by letter ("an NHK", "a UPI").
pub fn a_or_an(name: &str) -> String {
    let first = name.chars().next().unwrap_or('x');
    let spelled_out = name
        .split_whitespace()
        .next()
        .is_some_and(|w| w.len() > 1 && w.chars().all(|c| c.is_ascii_uppercase()));
    let vowel_sound = if spelled_out {
        "AEFHILMNORSX".contains(first)
    } else {
        "AEIOUaeiou".contains(first)
    };
    format!("{} {name}", if vowel_sound { "an" } else { "a" })
}

/// The words just before and including a mention ("a French official told
/// Reuters"), cut at the start of its clause or after eight words.
fn clause_before(text: &str, start: usize, end: usize) -> String {
    let begin = text[..start]
        .rfind(['.', ',', ';', '\n', '!', '?'])
        .map(|i| i + 1)
        .unwrap_or(0);
    let words: Vec<&str> = text[begin..start].split_whitespace().collect();
    let lead = words[words.len().saturating_sub(8)..].join(" ");
    format!("{lead} {}", &text[start..end]).trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::a_or_an;

    /// "a Associated Press wire copy" read wrong in every explanation.
    #[test]
    fn a_name_takes_the_article_its_sound_asks_for() {
        for (name, want) in [
            (
                "Associated Press of Pakistan",
                "an Associated Press of Pakistan",
            ),
            ("AFP", "an AFP"),
            ("AP", "an AP"),
            ("NHK", "an NHK"),
            ("Reuters", "a Reuters"),
            ("UPI", "a UPI"),
            ("Xinhua News Agency", "a Xinhua News Agency"),
        ] {
            assert_eq!(a_or_an(name), want);
        }
    }

    /// A page's author metadata: a wire named there produced the text; the
    /// site's own name, filled in by its content system for wire copies
    /// too, is no credit (the page is then judged as any page without one).
    #[test]
    fn author_metadata_credits_another_outlet_never_the_site_itself() {
        use super::{PageMeta, Rule, identify};
        use crate::outlets::registry::Registry;
        let registry = Registry::bundled();
        let text = "Talks resume\n\nOfficials met on Monday in the capital.\n";
        let page = |site: Option<&str>, author: &str| {
            let source = format!(
                "<html><head><meta name=\"author\" content=\"{author}\"></head><body><p>x</p></body></html>"
            );
            PageMeta {
                site_name: site.map(str::to_owned),
                credits: crate::text::page_credits(&source),
                ..PageMeta::default()
            }
        };
        let origin = |meta: &PageMeta| {
            identify(&registry, text, meta, &|_| 1)
                .origin
                .map(|o| (o.name, o.evidence.rule, o.basis))
        };
        // Daily Sabah running Anadolu's copy, said only in its metadata.
        let (name, rule, basis) = origin(&page(Some("Daily Sabah"), "Anadolu Agency")).unwrap();
        assert_eq!((name.as_str(), rule), ("Anadolu Agency", Rule::HtmlAuthor));
        assert!(
            basis.contains(r#"<meta name="author" content="Anadolu Agency">"#),
            "{basis}"
        );
        // Another paper's story on a known publisher's page.
        let (name, ..) = origin(&page(Some("Al Jazeera"), "Washington Post")).unwrap();
        assert_eq!(name, "The Washington Post");
        // The site's own name, a paper's name where the publisher is not
        // known, a person: no producer.
        let not_by_metadata =
            |meta: PageMeta| origin(&meta).is_none_or(|(_, rule, _)| rule != Rule::HtmlAuthor);
        assert!(not_by_metadata(page(Some("Daily Sabah"), "Daily Sabah")));
        assert_eq!(origin(&page(None, "The Washington Post")), None);
        assert!(not_by_metadata(page(Some("Daily Sabah"), "Jane Doe")));
        // A credit in the text outranks the metadata.
        let credited = "Talks resume\n\nANKARA (AP) — Officials met on Monday in the capital.\n";
        let found = identify(
            &registry,
            credited,
            &page(Some("Daily Sabah"), "Anadolu Agency"),
            &|_| 1,
        );
        assert_eq!(found.origin.unwrap().name, "Associated Press");
    }

    /// A site's note that it ran the text unedited from a feed says the
    /// text is not its own: with no agency named anywhere, the producer is
    /// unknown, never the site (NDTV's, Devdiscourse's, Business Standard's
    /// notes); with one named, that one.
    #[test]
    fn a_text_run_from_a_syndicated_feed_is_not_the_sites_own() {
        use super::{PageMeta, Rule, identify};
        use crate::outlets::registry::Registry;
        let registry = Registry::bundled();
        let ndtv = PageMeta {
            site_name: Some("NDTV".into()),
            ..PageMeta::default()
        };
        let body = "Talks resume\n\nOfficials met on Monday in the capital, and said the talks would go on.\n\n";
        let own = identify(&registry, body, &ndtv, &|_| 1);
        assert_eq!(
            own.origin.map(|o| o.name).as_deref(),
            Some("NDTV"),
            "without the note, taken as the site's own text"
        );
        for note in [
            "(Except for the headline, this story has not been edited by NDTV staff and is published from a syndicated feed.)",
            "(This story has not been edited by Devdiscourse staff and is auto-generated from a syndicated feed.)",
            "(Only the headline and picture of this report may have been reworked by the Business Standard staff; the rest of the content is auto-generated from a syndicated feed.)",
            "This story has been published from a wire agency feed without modifications to the text. Only the headline has been changed.",
        ] {
            let found = identify(&registry, &format!("{body}{note}\n"), &ndtv, &|_| 1);
            assert_eq!(found.origin, None, "{note}: {}", found.explanation);
            assert!(
                found
                    .signals
                    .iter()
                    .any(|s| s.rule == Rule::CreditLineAgencies),
                "{note}"
            );
        }
        let print = "This report is auto-generated from Press Trust of India news service. ThePrint holds no responsibility for its content.";
        let found = identify(&registry, &format!("{body}{print}\n"), &ndtv, &|_| 1);
        assert_eq!(
            found.origin.map(|o| o.name).as_deref(),
            Some("Press Trust of India")
        );
        // A picture's or a chart's feed is not the text's.
        let feed = "The footage is from the Reuters feed of the summit.";
        let found = identify(&registry, &format!("{body}{feed}\n"), &ndtv, &|_| 1);
        assert_eq!(found.origin.map(|o| o.name).as_deref(), Some("NDTV"));
    }
}
