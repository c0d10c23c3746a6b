// The Documents table: the query the store sorts and filters by, and the
// words above the table. Rows come a page at a time from `documents_page`.

/** Content kinds that are articles (the rest: checksum lists, binaries…). */
export const ARTICLE_KINDS = new Set(['text', 'html']);

export const SORT_KEYS = ['path', 'sha256', 'status', 'publisher', 'origin', 'alignment'];

/**
 * The `documents_page` query for the screen's state: `filter` (`text`,
 * `status` — a verification status or `unverified` —, `affiliation` —
 * `state`, `any` or `none` —, `showAll`), `sort` and `dir`. The text is
 * trimmed, unknown keys dropped, so equal tables share one cached list.
 */
export function queryOf({ filter = {}, sort = 'path', dir = 'asc' } = {}) {
  return {
    text: String(filter.text ?? '').trim(),
    status: String(filter.status ?? ''),
    affiliation: String(filter.affiliation ?? ''),
    showAll: !!filter.showAll,
    sort: SORT_KEYS.includes(sort) ? sort : 'path',
    dir: dir === 'desc' ? 'desc' : 'asc',
  };
}

/** Whether a query filters anything beyond the kinds shown. */
export function isFiltered(q) {
  return !!(q.text || q.status || q.affiliation);
}

/** `5 articles · 1 other file` from `{articles, others}`. */
export function caption({ articles = 0, others = 0 } = {}) {
  const n = (x) => x.toLocaleString('en-US');
  const a = `${n(articles)} ${articles === 1 ? 'article' : 'articles'}`;
  return others ? `${a} · ${n(others)} other ${others === 1 ? 'file' : 'files'}` : a;
}

/**
 * The line above the table: how many rows are loaded, how many match, of
 * how many the store holds (articles only unless `showAll`).
 */
export function countLine(list, totals, showAll) {
  const all = { articles: totals?.articles ?? 0, others: showAll ? (totals?.others ?? 0) : 0 };
  const matching = list?.matching ?? { articles: 0, others: 0 };
  const loaded = list?.documents?.length ?? 0;
  const total = (matching.articles ?? 0) + (matching.others ?? 0);
  const head = loaded < total ? `${loaded.toLocaleString('en-US')} loaded · ` : '';
  return `${head}${caption(matching)} shown of ${caption(all)}`;
}

/** Every file the store holds, from the overview's counts. */
export function filesIn(overview) {
  return (overview?.totals?.articles ?? 0) + (overview?.totals?.others ?? 0);
}
