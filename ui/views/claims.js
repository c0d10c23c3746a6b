// Screen 3: claims, clusters and conflicts, with the independence flags,
// filters, member claims side by side and the provenance picture (documents →
// origins → primary sources) as inline SVG. The list is read a page at a time
// and a cluster's claims when it is opened, so a store of two million claims
// opens at once.

import { h, s } from '../dom.js';
import { CLASSES, FLAGS, MAY_BE_A_TIMELINE, REVIEW_FILTERS, classOf, conflictValue, flagsOf, membersOf, model, nameOf, provenanceLayout, reviewStatus, spansOf } from '../logic/claims.js';
import { plural, verdictLabel } from '../logic/format.js';
import { reviewPanel } from './review.js';
import { searchPanel } from './search.js';

const flagLabel = (id) => FLAGS.find((f) => f.id === id)?.label ?? id;

function classBadge(cluster) {
  const c = classOf(cluster);
  return c ? h('span', { class: `badge badge-class-${c.id}`, title: c.hint, 'data-testid': 'cluster-class' }, c.label) : null;
}

// Every document behind the cluster: its producer, how that was
// established and the words that show it; collapsed under the summary.
function evidenceTable(cluster) {
  const rows = Array.isArray(cluster.evidence) ? cluster.evidence : [];
  if (rows.length < 2) return null;
  return h('details', { class: 'evidence', 'data-testid': 'cluster-evidence' },
    h('summary', {}, `Every document's evidence (${rows.length})`),
    h('table', { class: 'table small' },
      h('thead', {}, h('tr', {}, ['Document', 'Origin', 'How', 'Evidence'].map((t) => h('th', {}, t)))),
      h('tbody', {}, rows.map((e) => h('tr', {},
        h('td', { class: 'mono' }, nameOf(e.document)),
        h('td', {}, nameOf(e.origin)),
        h('td', {}, nameOf(e.how)),
        h('td', {}, e.evidence ? `${e.line ? `‘${e.evidence}’, line ${e.line}` : e.evidence}` : ''))))));
}

function emptyState(ctx) {
  return h('div', { class: 'card empty', 'data-testid': 'claims-empty' },
    h('h2', {}, 'No claims in this corpus'),
    h('p', {}, 'No figures, quotes or attributed statements were found in these documents, so there are no clusters or conflicts to show.'),
    h('p', {}, 'Fingerprints, publishers and origins are in Documents; notes on documents can be recorded there.'),
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'btn', onclick: () => ctx.go('documents') }, 'Go to Documents')));
}

function graph(cluster, m) {
  const layout = provenanceLayout(cluster, m);
  const byKey = new Map(layout.nodes.map((n) => [n.key, n]));
  const svg = s('svg', { class: 'provenance', viewBox: `0 0 ${layout.width} ${layout.height}`, role: 'img', 'aria-label': `Provenance of cluster ${cluster.id}`, 'data-testid': 'provenance-graph' });
  svg.appendChild(s('title', { text: `Documents, their origins and the primary sources behind cluster ${cluster.id}` }));
  for (const c of layout.columns) svg.appendChild(s('text', { class: 'col', x: c.x, y: 16, text: c.label }));
  for (const e of layout.edges) {
    const a = byKey.get(e.from);
    const b = byKey.get(e.to);
    const x1 = a.x + a.w;
    const y1 = a.y + a.h / 2;
    const x2 = b.x;
    const y2 = b.y + b.h / 2;
    const mid = (x1 + x2) / 2;
    svg.appendChild(s('path', { d: `M${x1},${y1} C${mid},${y1} ${mid},${y2} ${x2},${y2}` }));
  }
  for (const n of layout.nodes) {
    const label = n.label.length > 24 ? `${n.label.slice(0, 23)}…` : n.label;
    svg.appendChild(s('g', { class: `node col-${n.col}` },
      s('rect', { x: n.x, y: n.y, width: n.w, height: n.h, rx: 6 }),
      s('text', { x: n.x + 10, y: n.y + 15, text: label }),
      n.sub ? s('text', { class: 'sub', x: n.x + 10, y: n.y + 29, text: n.sub.length > 28 ? `${n.sub.slice(0, 27)}…` : n.sub }) : null,
      s('title', { text: `${n.label}${n.sub ? ` — ${n.sub}` : ''}` })));
  }
  return svg;
}

function clusterDetail(ctx, cluster, m) {
  const members = membersOf(cluster, m);
  const conflicts = m.conflicts.filter((c) => (c.clusters || []).map(nameOf).includes(String(cluster.id)));
  return h('div', { class: 'stack', 'data-testid': 'cluster-detail' },
    h('section', { class: 'card' },
      h('div', { class: 'row' }, h('h2', { class: 'grow' }, `Cluster ${cluster.id}`),
        classBadge(cluster),
        flagsOf(cluster, m).map((f) => h('span', { class: 'badge badge-warn' }, flagLabel(f)))),
      h('p', { class: 'small' }, `${plural(members.length, 'claim')} in ${plural((cluster.documents || []).length, 'document')} · `,
        h('strong', {}, `${cluster.independent_origins ?? '?'} independent ${cluster.independent_origins === 1 ? 'origin' : 'origins'}`)),
      cluster.explanation ? h('p', { class: 'notice', 'data-testid': 'cluster-explanation' }, cluster.explanation) : null,
      evidenceTable(cluster),
      h('h3', {}, 'Claims side by side'),
      h('div', { class: 'claims-side' }, members.map((c) => h('div', { class: 'claim-card', 'data-testid': 'claim-card' },
        h('div', { class: 'small muted mono' }, nameOf(c.document), c.page ? h('span', { 'data-testid': 'claim-page' }, ` · page ${c.page}`) : null),
        h('p', { class: 'claim-text' }, c.text),
        h('div', { class: 'small muted' }, [c.kind?.replaceAll('_', ' '), c.speaker ? `speaker: ${nameOf(c.speaker)}` : null, c.attribution ? `according to ${nameOf(c.attribution)}` : null].filter(Boolean).join(' · ')),
        (c.quantities || []).length ? h('div', { class: 'small' }, (c.quantities || []).map(nameOf).join(', ')) : null)))),
    h('section', { class: 'card' }, h('h3', {}, 'Provenance: documents → origins → primary sources'), graph(cluster, m),
      h('p', { class: 'small muted' }, 'Documents that share a producer collapse into one origin; an origin that attributes the claim points to its primary source.')),
    conflicts.length ? h('section', { class: 'card', 'data-testid': 'conflicts' },
      h('h3', {}, 'Conflicting figures'),
      h('ul', {}, conflicts.map((c) => h('li', {}, h('strong', {}, nameOf(c.quantity)), ': ', (c.values || []).map(conflictValue).join(' · '),
        c.may_be_a_timeline ? h('div', { class: 'muted small', 'data-testid': 'may-be-a-timeline' }, MAY_BE_A_TIMELINE) : null)))) : null,
    reviewPanel(ctx, { kind: 'cluster', id: String(cluster.id), spans: spansOf(cluster, m) }, () => ctx.render()));
}

const loading = (what) => h('div', { class: 'card empty', 'data-testid': 'claims-loading' }, h('p', { class: 'muted' }, `Loading ${what}…`));

export function render(ctx) {
  const ui = ctx.ui('claims');
  ui.flags ||= [];
  ui.review ||= 'all';
  const overview = ctx.state.claims.overview;
  const totals = overview?.totals;
  const conflicts = overview?.conflicts ?? [];
  // Flags need the conflicts; the documents draw the pictures.
  const listModel = model({ conflicts });
  const verdicts = ctx.state.review?.verdicts ?? {};
  const chips = h('div', { class: 'chips', role: 'group', 'aria-label': 'Filter by class or flag' }, [...CLASSES, ...FLAGS].map((f) => h('button', {
    type: 'button', class: 'chip', title: f.hint, 'aria-pressed': String(ui.flags.includes(f.id)), 'data-testid': `filter-${f.id}`,
    onclick: () => {
      ui.flags = ui.flags.includes(f.id) ? ui.flags.filter((x) => x !== f.id) : [...ui.flags, f.id];
      ctx.render();
    },
  }, f.label, h('span', { class: 'n' }, String(totals?.[f.id] ?? 0)))));
  const reviewSelect = h('select', {
    class: 'select', 'aria-label': 'Filter by review status', 'data-testid': 'filter-review',
    onchange: (e) => { ui.review = e.target.value; ctx.render(); },
  }, REVIEW_FILTERS.map((r) => h('option', { value: r.id, selected: ui.review === r.id }, r.label)));
  const single = totals?.single_source_claims ?? 0;
  const all = totals?.claims ?? 0;
  const screen = h('div', { 'data-testid': 'screen-claims' },
    h('header', { class: 'page-head' },
      h('div', {}, h('h1', {}, 'Claims'),
        h('p', {}, 'Figures, quotes and attributed statements, grouped across outlets, with how many independent origins stand behind each.'))),
    totals?.clusters ? h('div', { class: 'card', 'data-testid': 'claims-summary' },
      overview.summary ? h('div', { class: 'headline', 'data-testid': 'claims-in-words' }, `${overview.summary[0].toUpperCase()}${overview.summary.slice(1)}.`) : null,
      h('div', { class: overview.summary ? 'small muted' : 'headline' }, h('em', {}, single.toLocaleString('en-US')), ` of ${all.toLocaleString('en-US')} ${all === 1 ? 'claim rests' : 'claims rest'} on a single source`),
      h('div', { class: 'small muted' }, `${plural(totals.clusters, 'cluster')} · ${conflicts.length} conflicting figures`)) : null,
    totals?.clusters ? searchPanel(ctx, 'claims', 'claims', (r) => {
      ui.selected = String(r.cluster);
      ui.pinned = ui.selected;
      ctx.render();
    }) : null,
    h('div', { class: 'toolbar' }, chips, h('span', { class: 'grow' }), reviewSelect));
  if (!overview) {
    screen.appendChild(loading('the claims'));
    return screen;
  }
  if (!totals.clusters) {
    screen.appendChild(emptyState(ctx));
    return screen;
  }
  const list = ctx.claimsList(ui.flags, ui.review);
  if (!list) {
    screen.appendChild(loading('the claims'));
    return screen;
  }
  const shown = list.clusters;
  // A cluster opened from the search stays open though the list's filters
  // do not show it.
  if (!shown.some((c) => String(c.id) === ui.selected) && !(ui.pinned && ui.selected === ui.pinned)) {
    ui.selected = shown[0] ? String(shown[0].id) : null;
  }
  const listEl = h('ul', { class: 'cluster-list card', 'data-testid': 'cluster-list' }, shown.map((c) => h('li', {},
    h('button', {
      type: 'button', 'aria-current': String(String(c.id) === ui.selected), 'data-testid': 'cluster-item',
      onclick: () => { ui.selected = String(c.id); ui.pinned = null; ctx.render(); },
    },
    h('div', {}, c.text.length > 140 ? `${c.text.slice(0, 137)}…` : c.text),
    h('div', { class: 'flags' },
      classBadge(c),
      h('span', { class: 'badge' }, c.independent_origins === undefined ? 'origins unknown' : plural(c.independent_origins, 'origin')),
      flagsOf(c, listModel).map((f) => h('span', { class: 'badge badge-warn' }, flagLabel(f))),
      (() => {
        const st = reviewStatus('cluster', c.id, verdicts);
        if (st === 'unreviewed') return null;
        return h('span', { class: `badge ${st === 'stale' ? 'badge-stale' : `badge-verdict-${verdicts[`cluster:${c.id}`].verdict}`}` }, st === 'stale' ? 'stale' : verdictLabel(verdicts[`cluster:${c.id}`].verdict));
      })())))),
    shown.length < list.total ? h('li', { class: 'more' }, h('button', {
      type: 'button', class: 'btn btn-small', 'data-testid': 'claims-more',
      onclick: () => ctx.loadClaims(ui.flags, ui.review, true),
    }, `Show more (${shown.length.toLocaleString('en-US')} of ${list.total.toLocaleString('en-US')})`)) : null);
  let detail = null;
  if (ui.selected) {
    const d = ctx.clusterDetail(ui.selected);
    detail = d
      ? clusterDetail(ctx, d.cluster, model({ claims: d.members, clusters: [d.cluster], conflicts, documents: d.documents }))
      : loading('the cluster');
  }
  screen.appendChild(shown.length
    ? h('div', { class: 'claims-layout' }, listEl, detail)
    : h('div', { class: 'card empty', 'data-testid': 'claims-none-match' }, h('h2', {}, 'No cluster matches these filters'), h('p', {}, 'Clear a flag or choose another review status.')));
  return screen;
}
