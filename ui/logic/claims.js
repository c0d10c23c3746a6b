// The Claims screen's logic over a part of the claims (a page of clusters, a
// cluster's detail; contract in docs/json-schema.md): flags, member claims,
// the spans a verdict rests on and the provenance picture's layout. Counts and
// filters are the store's (`claims_overview`, `claims_page`). Every array may
// be missing or empty; nothing here assumes otherwise.

/** The corroboration classes, in review order. The core decides them; the
 * app only words them, as the CLI and the reports do. */
export const CLASSES = [
  { id: 'echo', label: 'Echo', hint: 'several documents, one origin: looks corroborated, is not' },
  { id: 'unresolved', label: 'Unresolved', hint: 'corroboration depends on documents whose producer is unknown: not counted' },
  { id: 'corroborated', label: 'Corroborated', hint: 'two or more known independent origins' },
  { id: 'single_document', label: 'Single document', hint: 'stated in one document only' },
];

/** Flags, orthogonal to the classes. */
export const FLAGS = [
  { id: 'single_primary', label: 'Single primary source', hint: 'several origins, all citing the same primary source' },
  { id: 'single_alignment', label: 'Single alignment', hint: 'several origins, all sponsored by the same state' },
  { id: 'conflicting', label: 'Conflicting figures', hint: 'another cluster gives a different value for the same quantity' },
];

/** A cluster's corroboration class ({id, label, hint}), or null when the
 * data predates the classes. */
export function classOf(cluster) {
  return CLASSES.find((c) => c.id === cluster?.corroboration) ?? null;
}

export const REVIEW_FILTERS = [
  { id: 'all', label: 'Any review status' },
  { id: 'unreviewed', label: 'Not reviewed' },
  { id: 'reviewed', label: 'Reviewed' },
  { id: 'stale', label: 'Stale (evidence changed)' },
];

const arr = (v) => (Array.isArray(v) ? v : []);

/** `at least 1,093 people (000.txt, reported 2020-08-05)` for a conflicting value. */
export function conflictValue(v) {
  if (v && typeof v === 'object' && v.text) {
    if (!v.document) return v.text;
    const reported = String(v.reported || '');
    const day = !reported ? 'day unknown'
      : reported.startsWith('--') ? `reported ${reported.slice(2)} (no year given)` : `reported ${reported}`;
    return `${v.text} (${v.document}, ${day})`;
  }
  return nameOf(v);
}

/** Said under conflicting figures that may be one count rising over time. */
export const MAY_BE_A_TIMELINE = 'reports of different or unknown days: these may be one toll rising over time rather than sources disagreeing; compare the days';

/** A name for a value that may be a string or an object with a name. */
export function nameOf(v) {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  return String(v.name ?? v.label ?? v.id ?? v.text ?? JSON.stringify(v));
}

/** The claims part of a report, indexed. */
export function model(report) {
  const claims = arr(report?.claims);
  // Clusters found in more documents first: those are where independence
  // is in question; then by id, so the order is stable.
  const clusters = [...arr(report?.clusters)].sort((a, b) => arr(b.documents).length - arr(a.documents).length || String(a.id).localeCompare(String(b.id)));
  const conflicts = arr(report?.conflicts);
  const claimById = new Map(claims.map((c) => [String(c.id), c]));
  const clusterById = new Map(clusters.map((c) => [String(c.id), c]));
  const conflicting = new Set();
  for (const conflict of conflicts) for (const id of arr(conflict.clusters)) conflicting.add(nameOf(id));
  const docByPath = new Map(arr(report?.documents).map((d) => [d.path, d]));
  return { claims, clusters, conflicts, claimById, clusterById, conflicting, docByPath };
}

/** The flags a cluster carries, in FLAGS order. */
export function flagsOf(cluster, m) {
  const flags = [];
  if (cluster.single_primary) flags.push('single_primary');
  if (cluster.single_alignment) flags.push('single_alignment');
  if (cluster.conflicting || m.conflicting.has(String(cluster.id))) flags.push('conflicting');
  return flags;
}

/** The member claims of a cluster. */
export function membersOf(cluster, m) {
  const ids = arr(cluster.claims).map(nameOf);
  const found = ids.map((id) => m.claimById.get(id)).filter(Boolean);
  if (found.length) return found;
  return m.claims.filter((c) => nameOf(c.cluster) === String(cluster.id));
}

/** Review status of a target: `unreviewed`, `reviewed` or `stale`. */
export function reviewStatus(kind, id, verdicts) {
  const v = verdicts?.[`${kind}:${id}`];
  if (!v) return 'unreviewed';
  return v.stale ? 'stale' : 'reviewed';
}

/** The document spans a verdict on this cluster rests on. */
export function spansOf(cluster, m) {
  return membersOf(cluster, m)
    .filter((c) => c.document)
    .map((c) => {
      const doc = m.docByPath.get(nameOf(c.document));
      return {
        path: nameOf(c.document),
        pathHex: doc?.path_bytes_hex ?? null,
        start: Number.isInteger(c.start) ? c.start : null,
        end: Number.isInteger(c.end) ? c.end : null,
      };
    });
}

/**
 * The provenance picture of a cluster as three columns — documents, origins,
 * primary sources — with edges between them: `{columns, nodes, edges,
 * width, height}`. Positions are in SVG user units.
 */
export function provenanceLayout(cluster, m, { width = 560, rowHeight = 46, top = 30, nodeWidth = 168 } = {}) {
  const members = membersOf(cluster, m);
  const docPaths = [...new Set([...arr(cluster.documents).map(nameOf), ...members.map((c) => nameOf(c.document))])].filter(Boolean);
  const nodes = [];
  const edges = [];
  const add = (col, key, label, sub) => {
    let n = nodes.find((x) => x.key === key);
    if (!n) {
      n = { key, col, label, sub, row: nodes.filter((x) => x.col === col).length };
      nodes.push(n);
    }
    return n;
  };
  const link = (a, b) => {
    if (!edges.some((e) => e.from === a.key && e.to === b.key)) edges.push({ from: a.key, to: b.key });
  };
  // The cluster's own origin groups when it lists them (the claims stage
  // also merges uncredited copies found by text reuse); else each
  // document's origin group from the outlets stage.
  const groupOf = new Map();
  for (const g of arr(cluster.origin_groups)) {
    if (g && typeof g === 'object') for (const p of arr(g.documents)) groupOf.set(nameOf(p), { key: g.group ?? g.name, name: g.name });
  }
  for (const path of docPaths) {
    const doc = m.docByPath.get(path);
    const d = add(0, `doc:${path}`, path, doc?.publisher?.name ? `published by ${doc.publisher.name}` : 'publisher unidentified');
    const listed = groupOf.get(path);
    const group = listed?.key ?? doc?.origin_group ?? `document:${path}`;
    const originName = listed?.name ?? doc?.origin?.name ?? 'unidentified';
    const a = doc?.alignment;
    const sub = a?.state_affiliation ? `${a.country ?? ''} · state affiliation ${a.state_affiliation}` : a?.country ?? (originName === 'unidentified' ? 'stands alone' : '');
    const o = add(1, `origin:${group}`, originName, sub.replace(/^ · /, ''));
    link(d, o);
    const attributions = members.filter((c) => nameOf(c.document) === path).map((c) => nameOf(c.attribution)).filter(Boolean);
    for (const a of attributions) link(o, add(2, `primary:${a}`, a, 'primary source'));
  }
  for (const p of arr(cluster.primary_sources).map(nameOf).filter(Boolean)) add(2, `primary:${p}`, p, 'primary source');
  const colX = [0, Math.round((width - nodeWidth) / 2), width - nodeWidth];
  const rows = Math.max(1, ...[0, 1, 2].map((c) => nodes.filter((n) => n.col === c).length));
  for (const n of nodes) {
    n.x = colX[n.col];
    n.y = top + n.row * rowHeight;
    n.w = nodeWidth;
    n.h = 36;
  }
  return {
    columns: ['Documents', 'Origins', 'Primary sources'].map((label, i) => ({ label, x: colX[i] })),
    nodes,
    edges,
    width,
    height: top + rows * rowHeight + 8,
  };
}
