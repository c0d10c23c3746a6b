// Screen 2: the documents table (sortable, filterable) and one document's
// text with the evidence for its outlet decision marked, its fingerprints,
// corrections by hand, and notes.

import { h, replace, renderSegments, s } from '../dom.js';
import { copyText } from '../ipc.js';
import { RELATION, VERIFY_STATUS, alignmentBadge, capturedHow, evidencePlace, humanBytes, recordPlace, shortHash, when } from '../logic/format.js';
import { ARTICLE_KINDS, countLine, isFiltered, queryOf } from '../logic/documents.js';
import { reviewPanel } from './review.js';
import { searchPanel } from './search.js';

const copyIcon = () => s('svg', { viewBox: '0 0 16 16', width: 13, height: 13, 'aria-hidden': 'true' },
  s('rect', { x: 5, y: 5, width: 9, height: 9, rx: 1.5, fill: 'none', stroke: 'currentColor', 'stroke-width': 1.4 }),
  s('path', { d: 'M3 10.5H2.5A.5.5 0 0 1 2 10V2.5A.5.5 0 0 1 2.5 2H10a.5.5 0 0 1 .5.5V3', fill: 'none', stroke: 'currentColor', 'stroke-width': 1.4 }));

/** A button that copies the full SHA-256. */
export function copyButton(sha) {
  return h('button', {
    type: 'button', class: 'copy', title: 'Copy the full SHA-256', 'aria-label': 'Copy the full SHA-256',
    onclick: async (e) => {
      e.stopPropagation();
      const button = e.currentTarget;
      const ok = await copyText(sha);
      replace(button, ok ? '✓' : '!');
      setTimeout(() => replace(button, copyIcon()), 1200);
    },
  }, copyIcon());
}

/** The short hash (full one on hover) and a copy button. */
export function hashCell(sha, testid) {
  return h('span', { class: 'hash' }, h('span', { class: 'mono', title: sha, 'data-testid': testid }, shortHash(sha)), copyButton(sha));
}

export function badge(alignment) {
  const b = alignmentBadge(alignment);
  if (!b) return h('span', { class: 'badge badge-none' }, 'not identified');
  return h('span', { class: `badge badge-${b.tone}`, title: b.title, 'data-testid': 'alignment-badge' }, b.text);
}

export function statusBadge(status) {
  if (!status) return h('span', { class: 'badge badge-none', title: 'Not verified yet' }, 'not verified');
  return h('span', { class: `badge badge-${status}`, 'data-testid': 'verify-status' }, VERIFY_STATUS[status] ?? status);
}

function party(p) {
  if (!p) return h('span', { class: 'muted' }, 'unidentified');
  return h('span', {}, p.name, p.manual ? h('span', { class: 'badge badge-manual' }, ' manual') : null);
}

const COLUMNS = [
  ['path', 'File'],
  ['sha256', 'SHA-256'],
  ['status', 'Verified'],
  ['publisher', 'Publisher'],
  ['origin', 'Origin'],
  ['alignment', 'Alignment'],
];

function table(ctx, ui, list) {
  const q = queryOf(ui);
  const head = h('tr', {}, COLUMNS.map(([key, label]) => h('th', {
    scope: 'col', 'aria-sort': q.sort === key ? (q.dir === 'desc' ? 'descending' : 'ascending') : null,
  }, h('button', {
    type: 'button', 'data-testid': `sort-${key}`,
    onclick: () => {
      ui.dir = q.sort === key && q.dir !== 'desc' ? 'desc' : 'asc';
      ui.sort = key;
      ctx.render();
    },
  }, label))));
  const docs = list?.documents ?? [];
  const body = docs.map((doc) => {
    const article = ARTICLE_KINDS.has(doc.content_kind);
    const relation = doc.relation;
    return h('tr', {
      class: 'clickable', 'data-testid': 'doc-row', 'data-path': doc.path,
      onclick: () => open(ctx, doc),
    },
    h('td', { class: 'path' }, h('button', {
      type: 'button', class: 'linklike', 'data-testid': 'doc-open', title: `Read ${doc.path}`,
      onclick: (e) => { e.stopPropagation(); open(ctx, doc); },
    }, doc.path), article ? null : h('span', { class: 'sub' }, doc.content_kind === 'manifest' ? 'checksum manifest' : doc.content_kind),
      doc.date ? h('span', { class: 'sub', 'data-testid': 'doc-reported' }, `reported ${dayOf(doc.date)}`) : null,
      // The address as text: never a link that would load anything.
      doc.capture?.url ? h('span', { class: 'sub mono', 'data-testid': 'doc-url' }, doc.capture.url) : null,
      doc.capture ? h('span', { class: 'sub', 'data-testid': 'doc-captured' }, `captured ${capturedHow(doc.capture)}`) : null),
    h('td', {}, hashCell(doc.sha256, 'doc-sha')),
    h('td', {}, statusBadge(doc.status)),
    h('td', { 'data-testid': 'doc-publisher' }, article ? party(doc.publisher) : h('span', { class: 'muted' }, '—')),
    h('td', { 'data-testid': 'doc-origin' }, article ? party(doc.origin) : h('span', { class: 'muted' }, '—'),
      article && relation && relation !== 'original' && relation !== 'unknown' ? h('span', { class: 'sub' }, RELATION[relation]) : null),
    h('td', {}, article ? badge(doc.alignment) : null),
    );
  });
  const empty = !list
    ? h('td', { colspan: '6', class: 'empty', 'data-testid': 'doc-loading' }, 'Loading the documents…')
    : h('td', { colspan: '6', class: 'empty', 'data-testid': 'doc-empty' }, isFiltered(q) ? 'No document matches these filters.' : 'No documents of this kind in the store.');
  const more = list && docs.length < list.total
    ? h('div', { class: 'row' }, h('button', {
      type: 'button', class: 'btn btn-small', 'data-testid': 'doc-more',
      onclick: async () => {
        await ctx.loadDocuments(q, { more: true });
        ctx.render();
      },
    }, `Show more (${docs.length.toLocaleString('en-US')} of ${list.total.toLocaleString('en-US')})`))
    : null;
  return h('div', {},
    h('div', { class: 'table-wrap' }, h('table', { 'data-testid': 'doc-table', 'aria-busy': String(!list) },
      h('caption', { class: 'offscreen' }, 'Documents in the evidence store'),
      h('thead', {}, head),
      h('tbody', {}, body.length ? body : h('tr', {}, empty)))),
    more);
}

function list(ctx) {
  const ui = ctx.ui('documents');
  ui.filter ||= {};
  const region = h('div', {});
  const count = h('span', { class: 'muted', 'data-testid': 'doc-count' });
  // The store sorts and filters; the rows of the query asked last are drawn
  // when they come, without redrawing the toolbar (typing keeps its focus).
  let asked = null;
  const draw = (q, found) => {
    replace(region, table(ctx, ui, found));
    count.textContent = found ? countLine(found, ctx.state.report.totals, q.showAll) : '';
  };
  const refresh = async () => {
    const q = queryOf(ui);
    const key = JSON.stringify(q);
    asked = key;
    const cached = ctx.documentsCached(q);
    draw(q, cached);
    if (cached) return;
    const found = await ctx.loadDocuments(q);
    if (asked === key && found) draw(q, found);
  };
  let typing = null;
  const text = h('input', {
    class: 'input', type: 'search', placeholder: 'Filter by file, hash, outlet, country…', value: ui.filter.text || '',
    'aria-label': 'Filter documents', 'data-testid': 'doc-filter',
    oninput: (e) => {
      ui.filter.text = e.target.value;
      clearTimeout(typing);
      typing = setTimeout(refresh, 150);
    },
  });
  const select = (key, label, options) => h('select', {
    class: 'select', 'aria-label': label, 'data-testid': `doc-filter-${key}`,
    onchange: (e) => { ui.filter[key] = e.target.value; refresh(); },
  }, options.map(([value, text]) => h('option', { value, selected: (ui.filter[key] || '') === value }, text)));
  const showAll = h('label', { class: 'row small' }, h('input', {
    type: 'checkbox', checked: !!ui.filter.showAll, 'data-testid': 'doc-show-all',
    onchange: (e) => { ui.filter.showAll = e.target.checked; refresh(); },
  }), 'Show non-article files');
  refresh();
  return h('div', { 'data-testid': 'screen-documents' },
    h('header', { class: 'page-head' },
      h('div', {}, h('h1', {}, 'Documents'),
        h('p', {}, 'Every file in the evidence store: its fingerprint, whether it still matches, who published it and who produced its text. Open a document to read it with the evidence marked.'))),
    searchPanel(ctx, 'documents', 'documents', (r) => open(ctx, { path: r.document })),
    h('div', { class: 'toolbar' }, text,
      select('status', 'Verification status', [['', 'Any verification status'], ['ok', 'ok'], ['modified', 'modified'], ['missing', 'missing'], ['unverified', 'not verified yet']]),
      select('affiliation', 'State affiliation', [['', 'Any alignment'], ['state', 'State-controlled'], ['any', 'Any state affiliation'], ['none', 'No state affiliation']]),
      showAll, h('span', { class: 'grow' }), count),
    region);
}

async function open(ctx, doc) {
  const ui = ctx.ui('documents');
  try {
    ui.view = await ctx.api.document(doc);
    ui.open = doc.path;
    ctx.render();
  } catch (e) {
    ctx.showError(e, `Opening ${doc.path}`);
  }
}

function correction(ctx, view, field) {
  const ui = ctx.ui('documents');
  const current = view.document[field];
  const input = h('input', { class: 'input grow', type: 'text', value: current?.manual ? current.name : '', placeholder: current ? current.name : 'outlet name', 'aria-label': `Correct the ${field}`, 'data-testid': `correct-${field}` });
  const note = h('input', { class: 'input grow', type: 'text', placeholder: 'why (optional)', 'aria-label': `Why the ${field} is corrected` });
  const save = async (value) => {
    const reviewer = localStorage.getItem('provaudit.reviewer') || 'reviewer';
    try {
      ui.view = await ctx.api.setOutlet(view.document, field, value, reviewer, note.value || null);
      await ctx.reloadReport();
      ctx.toast('ok', value ? `${field[0].toUpperCase()}${field.slice(1)} set by hand` : 'Correction withdrawn', view.document.path);
      ctx.render();
    } catch (e) {
      ctx.showError(e, `Correcting the ${field}`);
    }
  };
  return h('details', { class: 'small' },
    h('summary', {}, `Correct the ${field}…`),
    h('div', { class: 'stack' },
      h('div', { class: 'row' }, input),
      h('div', { class: 'row' }, note),
      h('div', { class: 'row' },
        h('button', { type: 'button', class: 'btn btn-small btn-primary', onclick: () => input.value.trim() && save(input.value.trim()), 'data-testid': `save-${field}` }, 'Set by hand'),
        current?.manual ? h('button', { type: 'button', class: 'btn btn-small', onclick: () => save(null) }, 'Withdraw correction') : null)));
}

function partyCard(ctx, view, field, label) {
  const p = view.document[field];
  return h('div', { class: 'party', 'data-testid': `party-${field}` },
    h('h3', {}, label),
    p ? [
      h('div', { class: 'party-name' }, p.name, p.manual ? h('span', { class: 'badge badge-manual' }, 'manual') : null),
      p.manual ? null : h('blockquote', { class: 'evidence-quote' }, p.evidence.text),
      h('div', { class: 'small muted' }, p.manual ? p.basis
        : [p.evidence.rule.replaceAll('_', ' '), evidencePlace(p.evidence), `confidence ${Math.round(p.confidence * 100)}%`].filter(Boolean).join(' · ')),
    ] : h('div', { class: 'muted' }, 'Not identified from the text.'),
    correction(ctx, view, field));
}

function detail(ctx) {
  const ui = ctx.ui('documents');
  const view = ui.view;
  const d = view.document;
  const status = view.status;
  return h('div', { 'data-testid': 'screen-document' },
    h('button', { type: 'button', class: 'btn btn-quiet back', 'data-testid': 'doc-back', onclick: () => { ui.view = null; ctx.render(); } }, '← All documents'),
    h('header', { class: 'page-head' },
      h('div', {}, h('h1', { 'data-testid': 'doc-title' }, d.path), view.title ? h('p', {}, view.title) : null),
      h('div', { class: 'actions' }, statusBadge(status), badge(d.alignment))),
    h('div', { class: 'doc-layout' },
      h('div', { class: 'stack' },
        h('div', { class: 'legend' },
          h('span', {}, h('span', { class: 'swatch', dataset: {}, 'data-swatch': 'publisher' }), 'publisher evidence'),
          h('span', {}, h('span', { class: 'swatch', 'data-swatch': 'origin' }), 'origin evidence'),
          h('span', {}, h('span', { class: 'swatch', 'data-swatch': 'other' }), 'other outlet signals')),
        view.segments.length ? renderSegments(view.segments) : h('div', { class: 'card empty' }, 'This file has no text to show (', d.content_kind, ').'),
        view.unlocated.length ? h('p', { class: 'small muted' }, 'Evidence not shown in the text (found in page metadata or split by markup): ', view.unlocated.join('; ')) : null),
      h('aside', { class: 'doc-side' },
        h('section', { class: 'card' },
          h('h3', {}, 'Fingerprints'),
          h('dl', { class: 'facts' },
            h('dt', {}, 'SHA-256'), h('dd', { class: 'hash-full' }, h('span', { class: 'mono', 'data-testid': 'doc-full-sha' }, d.sha256), copyButton(d.sha256)),
            h('dt', {}, 'Text SHA-256'), h('dd', { class: 'mono' }, d.text_sha256 ?? '—'),
            h('dt', {}, 'Size'), h('dd', {}, humanBytes(d.bytes), d.encoding ? ` · ${d.encoding}` : '', ` · ${d.content_kind}`),
            d.capture ? h('dt', {}, 'Captured') : null,
            d.capture ? h('dd', { 'data-testid': 'doc-capture' }, capturedHow(d.capture), h('br'), h('span', { class: 'mono small' }, d.capture.url ?? 'no address recorded')) : null,
            recordPlace(d.capture) ? h('dt', {}, 'Archive record') : null,
            recordPlace(d.capture) ? h('dd', { 'data-testid': 'doc-record' }, recordPlace(d.capture)) : null,
            h('dt', {}, 'Ingested'), h('dd', {}, when(d.ingested_at)),
            h('dt', {}, 'Reported'), h('dd', { 'data-testid': 'doc-date' }, reportedOn(d.date))),
          d.dated_after_capture ? h('p', { class: 'notice notice-warn small', 'data-testid': 'doc-date-check' }, d.dated_after_capture) : null),
        h('section', { class: 'card' },
          partyCard(ctx, view, 'publisher', 'Publisher'),
          partyCard(ctx, view, 'origin', 'Origin'),
          d.relation && d.relation !== 'unknown' ? h('p', { class: 'small' }, 'Relation: ', h('strong', {}, RELATION[d.relation] ?? d.relation)) : null,
          credited(d).length
            ? h('p', { class: 'small', 'data-testid': 'doc-co-producers' }, 'Also credits: ',
              h('strong', {}, credited(d).map((c) => c.name).join(', ')),
              ' — in a claim it counts as one origin with any of them.')
            : null,
          ...relayed(d).map((c) => h('p', { class: 'small', 'data-testid': 'doc-relays' }, 'Its lead relays ',
            h('strong', {}, c.name), ' (“', c.relayed, '”) — in a claim that newsroom stands behind too, it counts as one origin with it.')),
          d.outlet_explanation ? h('p', { class: 'small muted' }, d.outlet_explanation) : null,
          d.alignment?.owner ? h('p', { class: 'small' }, 'Owner: ', d.alignment.owner) : null),
        reviewPanel(ctx, { kind: 'document', id: d.path, spans: [{ path: d.path, pathHex: d.path_bytes_hex ?? null, start: null, end: null }] }, () => ctx.render()))));
}

/** Producers the document's credit names beside its own. */
const credited = (d) => (d.co_producers ?? []).filter((c) => !c.relayed);
/** Newsrooms its lead relays (`relayed`: the words saying so). */
const relayed = (d) => (d.co_producers ?? []).filter((c) => c.relayed);

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The day in words: 2020-01-10, or "5 August (no year given)". */
function dayOf(date) {
  return date.year ? date.date : `${date.day} ${MONTHS[date.month - 1]} (no year given)`;
}

/** The day the text says it reports from, with its words and line. */
function reportedOn(date) {
  if (!date) return 'no date in the text';
  const place = evidencePlace({ line: date.line, page: date.page });
  return `${dayOf(date)} — “${date.text}”${place ? `, ${place}` : ''}`;
}

export function render(ctx) {
  const ui = ctx.ui('documents');
  return ui.view ? detail(ctx) : list(ctx);
}

export function onKey(e, ctx) {
  const ui = ctx.ui('documents');
  if (e.key === 'Escape' && ui.view && !/INPUT|TEXTAREA|SELECT/.test(e.target.tagName)) {
    ui.view = null;
    ctx.render();
  }
}
