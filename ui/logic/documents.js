// The Documents table: rows from the audit report, sorting and filtering.

import { alignmentBadge } from './format.js';

/** Content kinds that are articles (the rest: checksum lists, binaries…). */
export const ARTICLE_KINDS = new Set(['text', 'html']);

/** One row per document, with what the table shows and sorts on. */
export function toRows(documents, statuses = {}) {
  return (documents || []).map((d) => ({
    doc: d,
    path: d.path,
    sha256: d.sha256,
    article: ARTICLE_KINDS.has(d.content_kind),
    status: statuses[d.path] ?? null,
    publisher: d.publisher?.name ?? null,
    publisherManual: !!d.publisher?.manual,
    origin: d.origin?.name ?? null,
    originManual: !!d.origin?.manual,
    relation: d.relation,
    badge: alignmentBadge(d.alignment),
    affiliation: d.alignment?.state_affiliation ?? null,
  }));
}

const SORT_KEYS = {
  path: (r) => r.path,
  sha256: (r) => r.sha256,
  status: (r) => r.status,
  publisher: (r) => r.publisher,
  origin: (r) => r.origin,
  alignment: (r) => r.badge?.text ?? null,
};

/** Rows sorted by `key` (`asc` or `desc`); missing values last either way, ties in path order. */
export function sortRows(rows, key = 'path', dir = 'asc') {
  const get = SORT_KEYS[key] || SORT_KEYS.path;
  const sign = dir === 'desc' ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = get(a);
    const y = get(b);
    if ((x === null) !== (y === null)) return x === null ? 1 : -1;
    const c = x === null ? 0 : String(x).localeCompare(String(y), 'en', { sensitivity: 'base', numeric: true });
    return c !== 0 ? sign * c : a.path.localeCompare(b.path);
  });
}

/**
 * Rows matching the filter: `text` (in path, hash, publisher, origin,
 * alignment), `status` (verification status or `unverified`), `affiliation`
 * (`state` for state-controlled codes, `any` for any code, `none`), and
 * whether non-article files are shown.
 */
export function filterRows(rows, { text = '', status = '', affiliation = '', showAll = false } = {}) {
  const needle = text.trim().toLowerCase();
  return rows.filter((r) => {
    if (!showAll && !r.article) return false;
    if (status === 'unverified' ? r.status !== null : status && r.status !== status) return false;
    if (affiliation === 'state' && r.badge?.tone !== 'state') return false;
    if (affiliation === 'any' && !r.affiliation) return false;
    if (affiliation === 'none' && r.affiliation) return false;
    if (!needle) return true;
    return [r.path, r.sha256, r.publisher, r.origin, r.badge?.text]
      .filter(Boolean)
      .some((v) => v.toLowerCase().includes(needle));
  });
}

/** `5 articles · 1 other file` for the table caption. */
export function caption(rows) {
  const articles = rows.filter((r) => r.article).length;
  const others = rows.length - articles;
  const a = `${articles} ${articles === 1 ? 'article' : 'articles'}`;
  return others ? `${a} · ${others} other ${others === 1 ? 'file' : 'files'}` : a;
}
