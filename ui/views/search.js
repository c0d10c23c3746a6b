// The search box of the Documents and Claims screens: words and "quoted
// phrases" found in every document's text or every claim by the store's
// full-text index, a page at a time. Hits are <mark> elements around text
// nodes: nothing from an article is ever read as markup.

import { h } from '../dom.js';

const PAGE = 50;

/** Snippet segments ({text, hit}) as text and <mark>. */
export function marked(segments) {
  return (Array.isArray(segments) ? segments : []).map((s) => (s.hit ? h('mark', {}, String(s.text)) : String(s.text)));
}

function where(r) {
  if (r.line == null) return 'position not located in the file';
  return r.start != null ? `line ${r.line}, bytes ${r.start}–${r.end}` : `line ${r.line}`;
}

async function run(ctx, route, scope, more) {
  const ui = ctx.ui(route);
  const s = ui.search;
  if (!s?.query?.trim()) return;
  const offset = more ? (s.results?.length ?? 0) : 0;
  s.busy = true;
  ctx.render();
  try {
    const found = await ctx.api.search(s.query, scope, offset, PAGE);
    const page = scope === 'claims' ? found.claims : found.documents;
    s.total = page?.total ?? 0;
    s.moreThan = !!page?.more_than;
    s.results = more ? [...(s.results ?? []), ...(page?.results ?? [])] : (page?.results ?? []);
    s.shownQuery = s.query;
    s.error = null;
  } catch (e) {
    s.error = e?.message ?? String(e);
    s.results = [];
    s.total = 0;
  } finally {
    s.busy = false;
    ctx.render();
  }
}

/**
 * The box and, once a query ran, its results. `scope` is 'documents' or
 * 'claims'; `onPick(result)` opens what a result names.
 */
export function searchPanel(ctx, route, scope, onPick) {
  const ui = ctx.ui(route);
  ui.search ||= { query: '' };
  const s = ui.search;
  const input = h('input', {
    class: 'input grow', type: 'search', value: s.query,
    placeholder: scope === 'claims' ? 'Search the claims: words or "a phrase"' : 'Search the text of every document: words or "a phrase"',
    'aria-label': scope === 'claims' ? 'Search the claims' : 'Search the documents\' text', 'data-testid': `search-${scope}`,
    oninput: (e) => { s.query = e.target.value; },
    onkeydown: (e) => {
      if (e.key === 'Enter') { e.preventDefault(); run(ctx, route, scope, false); }
      if (e.key === 'Escape') { ui.search = { query: '' }; ctx.render(); }
    },
  });
  const form = h('div', { class: 'toolbar search-bar' }, input,
    h('button', { type: 'button', class: 'btn', 'data-testid': `search-${scope}-go`, disabled: s.busy, onclick: () => run(ctx, route, scope, false) }, s.busy ? 'Searching…' : 'Search'),
    s.results ? h('button', { type: 'button', class: 'btn btn-quiet', 'data-testid': `search-${scope}-clear`, onclick: () => { ui.search = { query: '' }; ctx.render(); } }, 'Clear') : null);
  if (!s.results && !s.error) return form;
  const results = s.error
    ? h('p', { class: 'notice notice-bad', 'data-testid': 'search-error' }, s.error)
    : h('div', {},
      h('p', { class: 'small muted', 'data-testid': 'search-count' },
        `${s.moreThan ? 'more than ' : ''}${s.total.toLocaleString('en-US')} ${scope === 'claims' ? (s.total === 1 ? 'claim' : 'claims') : (s.total === 1 ? 'document' : 'documents')} ${s.total === 1 && !s.moreThan ? 'matches' : 'match'} “${s.shownQuery}”${s.moreThan ? ' (in the store\'s order, not by relevance: a rarer word or a "phrase" narrows it)' : ''}`),
      h('ol', { class: 'search-results', 'data-testid': 'search-results' }, s.results.map((r) => h('li', {},
        h('button', {
          type: 'button', class: 'linklike', 'data-testid': 'search-result', 'data-document': r.document,
          onclick: () => onPick(r),
        }, scope === 'claims' ? `${r.document} · ${r.kind}` : r.document),
        h('span', { class: 'small muted' }, ` ${where(r)}${scope === 'documents' ? ` · ${r.hits} ${r.hits === 1 ? 'hit' : 'hits'}` : ''}`),
        h('div', { class: 'snippet', 'data-testid': 'search-snippet' }, marked(scope === 'claims' ? r.text : r.snippet))))),
      s.results.length < s.total || (s.moreThan && s.results.length % PAGE === 0) ? h('button', {
        type: 'button', class: 'btn btn-small', 'data-testid': 'search-more', disabled: s.busy,
        onclick: () => run(ctx, route, scope, true),
      }, `Show more (${s.results.length} of ${s.total.toLocaleString('en-US')})`) : null);
  return h('section', { class: 'card', 'data-testid': `search-panel-${scope}` }, form, results);
}
