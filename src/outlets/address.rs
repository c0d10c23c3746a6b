//! The site a captured address stands for. A reviewer often saves a page
//! not from the outlet's own site but from a copy of it: the Wayback
//! Machine, archive.today, the AMP cache, Google's cache or its translation
//! proxy. The archive or the cache is not the page's publisher; the address
//! it wraps says who is. Host names are compared in one form (lower case,
//! no `www.`, international names in Unicode), so `xn--bcher-kva.example`
//! and `bücher.example` are one site.

/// What a captured address says about the page's site.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Served {
    /// The address the page was served from originally (the captured one
    /// when it wraps nothing).
    pub url: String,
    /// Its host: lower case, without `www.`, international names in
    /// Unicode; `None` when the address is an archive's copy whose original
    /// it does not name (an archive.today short link).
    pub host: Option<String>,
    /// The archive or cache the page was taken through, if any.
    pub via: Option<&'static str>,
}

/// archive.today's names.
const ARCHIVE_TODAY: [&str; 7] = [
    "archive.today",
    "archive.ph",
    "archive.is",
    "archive.li",
    "archive.vn",
    "archive.md",
    "archive.fo",
];

/// The site `captured` stands for, unwrapping archive and cache addresses
/// (up to three deep); `None` when it is no address with a host.
pub fn served(captured: &str) -> Option<Served> {
    let mut current = captured.trim().to_string();
    let mut via = None;
    for _ in 0..4 {
        let parsed = parse(&current)?;
        let host = parsed
            .host_str()?
            .trim_end_matches('.')
            .to_ascii_lowercase();
        let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
        match unwrap(&parsed, &host) {
            Unwrapped::Inner(inner, through) => {
                via.get_or_insert(through);
                current = inner;
            }
            Unwrapped::Unknown(through) => {
                return Some(Served {
                    url: current,
                    host: None,
                    via: Some(via.unwrap_or(through)),
                });
            }
            Unwrapped::Itself => {
                return Some(Served {
                    url: current,
                    host: Some(display_host(&host)),
                    via,
                });
            }
        }
    }
    None
}

fn parse(s: &str) -> Option<url::Url> {
    match url::Url::parse(s) {
        Ok(u) if u.host_str().is_some() => Some(u),
        _ if !s.contains("://") => url::Url::parse(&format!("http://{s}"))
            .ok()
            .filter(|u| u.host_str().is_some_and(|h| h.contains('.'))),
        _ => None,
    }
}

enum Unwrapped {
    /// A copy of another address, taken through the named archive or cache.
    Inner(String, &'static str),
    /// A copy whose original the address does not name.
    Unknown(&'static str),
    Itself,
}

fn unwrap(u: &url::Url, host: &str) -> Unwrapped {
    let path = u.path();
    let rest_of = |after: usize| {
        let mut inner = path
            .splitn(after + 2, '/')
            .nth(after + 1)
            .unwrap_or("")
            .to_string();
        if let Some(q) = u.query() {
            inner.push('?');
            inner.push_str(q);
        }
        inner
    };
    if matches!(host, "web.archive.org" | "wayback.archive.org") {
        // /web/20240102030405[id_]/https://site/path
        if path.starts_with("/web/") {
            let inner = rest_of(2);
            if !inner.is_empty() {
                return Unwrapped::Inner(inner, "the Wayback Machine");
            }
        }
        return Unwrapped::Unknown("the Wayback Machine");
    }
    if ARCHIVE_TODAY.contains(&host) {
        // /2024.01.02-030405/https://site/path, or a short link naming nothing.
        let first = path.trim_start_matches('/').split('/').next().unwrap_or("");
        if first.chars().next().is_some_and(|c| c.is_ascii_digit()) {
            let inner = rest_of(1);
            if inner.contains('.') {
                return Unwrapped::Inner(inner, "archive.today");
            }
        }
        return Unwrapped::Unknown("archive.today");
    }
    if host.ends_with(".cdn.ampproject.org") {
        // /c/s/site/path (https), /c/site/path (http); also /v/, /i/, /wp/.
        let mut parts = path.trim_start_matches('/').splitn(3, '/');
        let _kind = parts.next();
        let (scheme, rest) = match (parts.next(), parts.next()) {
            (Some("s"), Some(rest)) => ("https", rest.to_string()),
            (Some(site), rest) => ("http", format!("{site}/{}", rest.unwrap_or(""))),
            _ => return Unwrapped::Unknown("the AMP cache"),
        };
        return Unwrapped::Inner(format!("{scheme}://{rest}"), "the AMP cache");
    }
    if host == "webcache.googleusercontent.com" {
        let q = u
            .query_pairs()
            .find(|(k, _)| k == "q")
            .map(|(_, v)| v.into_owned())
            .unwrap_or_default();
        if let Some(cached) = q.strip_prefix("cache:") {
            // cache:ID:https://site/path, cache:https://site/path,
            // cache:ID:site/path or cache:site/path; the ID has no dot.
            let inner = match cached.split_once(':') {
                Some((id, rest))
                    if !id.is_empty()
                        && !id.contains('.')
                        && !matches!(id, "http" | "https")
                        && id
                            .chars()
                            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-') =>
                {
                    rest
                }
                _ => cached,
            };
            return Unwrapped::Inner(inner.to_string(), "Google's cache");
        }
        return Unwrapped::Unknown("Google's cache");
    }
    if let Some(label) = host.strip_suffix(".translate.goog") {
        // news-example-com.translate.goog: dots written as dashes, dashes
        // as two.
        let site = label
            .replace("--", "\u{0}")
            .replace('-', ".")
            .replace('\u{0}', "-");
        return Unwrapped::Inner(
            format!("{}://{site}{path}", u.scheme()),
            "Google Translate's proxy",
        );
    }
    Unwrapped::Itself
}

/// A host as people read it: without `www.`, in Unicode.
fn display_host(host: &str) -> String {
    let host = host.strip_prefix("www.").unwrap_or(host);
    let (unicode, ok) = idna::domain_to_unicode(host);
    if ok.is_ok() {
        unicode
    } else {
        host.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(url: &str) -> (Option<String>, Option<&'static str>) {
        let s = served(url).unwrap();
        (s.host, s.via)
    }

    #[test]
    fn archive_and_cache_addresses_stand_for_the_site_they_copy() {
        let aj = Some("aljazeera.com".to_string());
        for (url, via) in [
            ("https://www.aljazeera.com/news/x", None),
            (
                "https://web.archive.org/web/20240102030405/https://www.aljazeera.com/news/x",
                Some("the Wayback Machine"),
            ),
            (
                "http://web.archive.org/web/20240102030405id_/http://aljazeera.com/news/x?a=1",
                Some("the Wayback Machine"),
            ),
            (
                "https://archive.ph/2024.01.02-030405/https://www.aljazeera.com/news/x",
                Some("archive.today"),
            ),
            (
                "https://www-aljazeera-com.cdn.ampproject.org/c/s/www.aljazeera.com/amp/news/x",
                Some("the AMP cache"),
            ),
            (
                "https://webcache.googleusercontent.com/search?q=cache:AbC123:https://www.aljazeera.com/news/x",
                Some("Google's cache"),
            ),
            (
                "https://www-aljazeera-com.translate.goog/news/x?_x_tr_sl=en",
                Some("Google Translate's proxy"),
            ),
        ] {
            assert_eq!(site(url), (aj.clone(), via), "{url}");
        }
        // A short link names no original: the archive is not the publisher.
        assert_eq!(
            site("https://archive.ph/AbCdE"),
            (None, Some("archive.today"))
        );
        assert_eq!(
            site("https://www.archive.ph/AbCdE"),
            (None, Some("archive.today"))
        );
        // Google's cache: an ID before the address, or none, and no scheme.
        for url in [
            "https://webcache.googleusercontent.com/search?q=cache:AbC123:example.org/article-on-https.html",
            "https://webcache.googleusercontent.com/search?q=cache:example.org/a",
            "https://webcache.googleusercontent.com/search?q=cache:AbC123:example.org:8080/a",
        ] {
            assert_eq!(site(url).0.as_deref(), Some("example.org"), "{url}");
        }
        // A backslash ends the user part as browsers read it: the host is
        // the one before it, never the outlet named after it.
        assert_eq!(
            site("https://evil.example\\@www.aljazeera.com/")
                .0
                .as_deref(),
            Some("evil.example")
        );
        // Three wrappers deep.
        assert_eq!(
            site("https://web.archive.org/web/2024/https://web.archive.org/web/2023/https://web.archive.org/web/2022/https://www.aljazeera.com/x").0.as_deref(),
            Some("aljazeera.com")
        );
        // A dash in the site survives Google's proxy spelling.
        assert_eq!(
            site("https://news--site-example-org.translate.goog/a")
                .0
                .as_deref(),
            Some("news-site.example.org")
        );
    }

    #[test]
    fn one_site_written_two_ways_is_one_host() {
        assert_eq!(
            site("https://xn--bcher-kva.example/a"),
            site("https://bücher.example/b")
        );
        assert_eq!(
            site("https://WWW.Example.ORG./a").0.as_deref(),
            Some("example.org")
        );
        assert_eq!(served("not an address"), None);
    }
}
