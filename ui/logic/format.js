// Pure formatting: numbers, hashes, dates and the words the screens use.

export const shortHash = (sha, n = 12) => (sha ? sha.slice(0, n) : '—');

export function plural(n, one, many = `${one}s`) {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

export function humanBytes(n) {
  if (n === null || n === undefined) return '—';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u += 1;
  }
  return u === 0 ? `${n} B` : `${v.toFixed(1)} ${units[u]}`;
}

/** `2026-11-22T06:16:07.093Z` → `2026-11-22 06:16 UTC`. */
export function when(rfc3339) {
  if (!rfc3339) return '—';
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(rfc3339);
  return m ? `${m[1]} ${m[2]} UTC` : rfc3339;
}

/**
 * How and when a page was captured, as the capture states it (the address
 * is shown as text, never as a link that would load anything):
 * `as MHTML on 2024-01-02 10:11 UTC`, `by a browser's Save Page (time not recorded)`.
 */
export function capturedHow(capture) {
  if (!capture) return null;
  const how = {
    mhtml: 'as MHTML',
    saved_html: "by a browser's Save Page",
    warc: 'in a web archive (WARC)',
  }[capture.format] ?? capture.format;
  return capture.at ? `${how} on ${when(capture.at)}` : `${how} (time not recorded)`;
}

const DIGEST = {
  matches: 'matches its bytes',
  differs: 'DIFFERS from its bytes: the record is not what its writer wrote',
  unchecked: 'is of a kind not checked',
  absent: 'is not given',
};

/**
 * Where a page read from a web archive sits, and what its record's own
 * digests say: `the record at byte 896 of crawl.warc.gz, written by
 * Wget/1.21.3; payload digest matches its bytes`. `null` for other pages.
 */
export function recordPlace(capture) {
  const r = capture?.record;
  if (!r) return null;
  const place = r.inner ? `byte ${r.offset} + ${r.inner}` : `byte ${r.offset}`;
  const by = r.software ? `, written by ${r.software}` : '';
  return `the record at ${place} of ${r.container}${by}; payload digest ${DIGEST[r.payload_digest] ?? r.payload_digest}`;
}

/**
 * Where a piece of evidence is, as far as it is known: `line 3 · bytes
 * 10–42`; in a PDF `page 2 · line 41 of its text`; '' when nowhere (an
 * address, page metadata).
 */
export function evidencePlace({ line, start, end, page } = {}) {
  if (page != null) return line != null ? `page ${page} · line ${line} of its text` : `page ${page}`;
  if (line == null) return '';
  return start != null && end != null ? `line ${line} · bytes ${start}–${end}` : `line ${line}`;
}

/** The last folder name of a path, for titles. */
export function folderName(path) {
  if (!path) return '';
  const parts = path.split('/').filter(Boolean);
  return parts.length ? parts[parts.length - 1] : '/';
}

const KINDS = {
  wire_agency: 'wire agency',
  state_media: 'state media',
  public_broadcaster: 'public broadcaster',
  commercial: 'commercial',
  republisher: 'republisher',
  aggregator: 'aggregator',
  ngo_igo: 'NGO / IGO',
  unknown: 'unknown',
};

export const kindLabel = (kind) => (kind ? KINDS[kind] || kind.replaceAll('_', ' ') : '—');

/** State Media Monitor typology codes, in words. */
export const AFFILIATION = {
  SC: 'state-controlled',
  CaPu: 'captured public',
  CaPr: 'captured private',
  ISFM: 'independent state-funded and state-managed',
  ISF: 'independent state-funded',
  ISM: 'independent state-managed',
  IP: 'independent public',
};

/** Editorially controlled by a state: the badge is drawn as a warning. */
export const CONTROLLED = new Set(['SC', 'CaPu', 'CaPr']);

/**
 * The alignment badge of a document: `{text, title, tone}` or `null`.
 * tone: `state` (state-controlled), `public`, `wire`, `neutral`.
 */
export function alignmentBadge(alignment) {
  if (!alignment || (!alignment.kind && !alignment.country && !alignment.state_affiliation)) return null;
  const parts = [];
  if (alignment.kind && alignment.kind !== 'unknown') parts.push(kindLabel(alignment.kind));
  if (alignment.country) parts.push(alignment.country);
  if (alignment.state_affiliation) parts.push(alignment.state_affiliation);
  if (!parts.length) return { text: 'unknown producer', title: 'No registry entry for the producer', tone: 'neutral' };
  const code = alignment.state_affiliation;
  const title = [
    alignment.kind ? kindLabel(alignment.kind) : null,
    alignment.country,
    alignment.owner ? `owner: ${alignment.owner}` : null,
    code ? `state affiliation ${code}: ${AFFILIATION[code] || code}` : null,
  ]
    .filter(Boolean)
    .join(' · ');
  let tone = 'neutral';
  if (code && CONTROLLED.has(code)) tone = 'state';
  else if (code) tone = 'public';
  else if (alignment.kind === 'wire_agency') tone = 'wire';
  return { text: parts.join(' · '), title, tone };
}

export const RELATION = {
  original: 'original',
  republished: 'republished',
  syndicated_wire: 'syndicated wire copy',
  unknown: 'unknown',
  digest: "page of several producers' stories",
};

export const VERIFY_STATUS = {
  ok: 'ok',
  modified: 'modified',
  missing: 'missing',
  new: 'new',
  moved: 'moved',
  duplicate: 'duplicate',
  unreadable: 'unreadable',
};

/** The verdicts a reviewer gives, in queue order, with their keys. */
export const VERDICTS = [
  { id: 'corroborated', label: 'Corroborated', key: '1' },
  { id: 'single_source', label: 'Single source — needs a second source', key: '2' },
  { id: 'disputed', label: 'Disputed', key: '3' },
  { id: 'unverifiable', label: 'Unverifiable', key: '4' },
];

export const verdictLabel = (id) => VERDICTS.find((v) => v.id === id)?.label ?? id;

/** `{ok: 5, modified: 1, …}` → `5 ok, 1 modified`; all zero → `nothing to check`. */
export function countsLine(counts) {
  const parts = Object.keys(VERIFY_STATUS)
    .filter((k) => counts && counts[k] > 0)
    .map((k) => `${counts[k]} ${k}`);
  return parts.length ? parts.join(', ') : 'nothing to check';
}
