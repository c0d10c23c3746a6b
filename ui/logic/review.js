// The review queue: what is reviewed, progress, moving through the queue and
// the keyboard shortcuts. Pure, so `node --test` covers it.

import { VERDICTS } from './format.js';
import { model as claimsModel, reviewStatus, spansOf } from './claims.js';
import { ARTICLE_KINDS } from './documents.js';

/**
 * The queue: the claim clusters loaded so far (`list`: a page of the claims
 * list, `{total, clusters}`) when the corpus has any, else the articles
 * loaded so far (`docs`: `{total, documents}`, a page of the Documents
 * table; a note or verdict on a document is bound to the whole file). A
 * cluster's spans come with its detail (`details[id].members`), read when it
 * is shown.
 */
export function queue(docs, list = null, details = {}) {
  if (list?.total) {
    return {
      kind: 'cluster',
      total: list.total,
      items: list.clusters.map((c) => {
        const detail = details[String(c.id)];
        const m = detail ? claimsModel({ claims: detail.members, clusters: [detail.cluster], documents: detail.documents }) : null;
        return {
          kind: 'cluster',
          id: String(c.id),
          title: c.text || `Cluster ${c.id}`,
          spans: m ? spansOf(detail.cluster, m) : null,
          cluster: c,
        };
      }),
    };
  }
  const items = (docs?.documents || [])
    .filter((d) => ARTICLE_KINDS.has(d.content_kind))
    .map((d) => ({
      kind: 'document',
      id: d.path,
      title: d.path,
      spans: [{ path: d.path, pathHex: d.path_bytes_hex ?? null, start: null, end: null }],
      doc: d,
    }));
  return { kind: 'document', total: docs?.total ?? items.length, items };
}

export const statusOf = (item, verdicts) => reviewStatus(item.kind, item.id, verdicts);

/**
 * `{reviewed, stale, total, text}` over a queue of `total` targets of one
 * kind: a stale verdict does not count as reviewed. Verdicts are counted by
 * target, so a queue only partly loaded is counted whole.
 */
export function progress(q, verdicts) {
  let reviewed = 0;
  let stale = 0;
  const prefix = `${q.kind}:`;
  for (const [key, v] of Object.entries(verdicts || {})) {
    if (!key.startsWith(prefix)) continue;
    if (v.stale) stale += 1;
    else reviewed += 1;
  }
  const total = q.total ?? q.items.length;
  return {
    reviewed,
    stale,
    total,
    text: `${reviewed} of ${total} reviewed`,
  };
}

/**
 * How many echoes (claims that look corroborated but rest on one origin:
 * the queue's first items) are reviewed: `{reviewed, total, text}`, or null
 * when the corpus has none. `total` is the store's count; reviewed ones are
 * counted among the items loaded, which hold the echoes first.
 */
export function echoProgress(q, verdicts, total) {
  if (q.kind !== 'cluster' || !total) return null;
  let reviewed = 0;
  for (const it of q.items) {
    if (it.cluster?.corroboration !== 'echo') continue;
    const v = verdicts?.[`cluster:${it.id}`];
    if (v && !v.stale) reviewed += 1;
  }
  return { reviewed, total, text: `echoes: ${reviewed} of ${total} reviewed` };
}

/** The index `step` away from `index`, kept inside the queue. */
export function move(items, index, step) {
  if (!items.length) return -1;
  return Math.min(items.length - 1, Math.max(0, index + step));
}

/** The next item after `index` that is not reviewed (wrapping); `index` if none. */
export function nextUnreviewed(items, index, verdicts) {
  for (let k = 1; k <= items.length; k += 1) {
    const i = (index + k) % items.length;
    if (statusOf(items[i], verdicts) !== 'reviewed') return i;
  }
  return index;
}

/**
 * What a key press does in the review screen, or `null`. Keys typed in a
 * text field only act with Ctrl (save) or Escape (leave the field).
 */
export function keyAction({ key, ctrlKey = false, metaKey = false, inField = false }) {
  const mod = ctrlKey || metaKey;
  if (mod && key === 'Enter') return { type: 'save' };
  if (inField) return key === 'Escape' ? { type: 'leave-field' } : null;
  if (mod) return null;
  switch (key) {
    case 'j':
    case 'ArrowDown':
      return { type: 'move', step: 1 };
    case 'k':
    case 'ArrowUp':
      return { type: 'move', step: -1 };
    case 'n':
      return { type: 'note' };
    case ']':
      return { type: 'next-unreviewed' };
    default: {
      const v = VERDICTS.find((x) => x.key === key);
      return v ? { type: 'verdict', verdict: v.id } : null;
    }
  }
}

/** The open session, if any (the newest open one). */
export function openSession(sessions) {
  return (sessions || []).find((s) => !s.ended_at) ?? null;
}

/** The annotations on one target, newest first. */
export function annotationsOf(kind, id, annotations) {
  return (annotations || []).filter((a) => a.target.kind === kind && a.target.id === id).reverse();
}
