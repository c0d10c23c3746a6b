// Screen 4: review sessions. Start or resume a session, move through the
// queue with the keyboard, give each item a verdict and a note. Also the
// review panel the Documents and Claims screens embed.

import { h, replace } from '../dom.js';
import { VERDICTS, shortHash, verdictLabel, when } from '../logic/format.js';
import { annotationsOf, echoProgress, keyAction, move, nextUnreviewed, openSession, progress, queue, statusOf } from '../logic/review.js';
import { membersOf, model as claimsModel } from '../logic/claims.js';
import { queryOf } from '../logic/documents.js';

function sessionStarter(ctx, compact = false) {
  const name = h('input', {
    class: 'input', type: 'text', placeholder: 'Your name', value: localStorage.getItem('provaudit.reviewer') || '',
    'aria-label': 'Reviewer name', 'data-testid': 'reviewer-name',
  });
  const title = h('input', { class: 'input grow', type: 'text', placeholder: 'What this session is for (optional)', 'aria-label': 'Session title', 'data-testid': 'session-title' });
  const start = async () => {
    const reviewer = name.value.trim();
    if (!reviewer) {
      name.focus();
      ctx.toast('info', 'A reviewer name is needed', 'Your name goes on every verdict and note in the review log.');
      return;
    }
    try {
      localStorage.setItem('provaudit.reviewer', reviewer);
      await ctx.api.startSession(reviewer, title.value);
      await ctx.refreshReview();
      ctx.render();
    } catch (e) {
      ctx.showError(e, 'Starting a session');
    }
  };
  return h('div', { class: 'stack', 'data-testid': 'session-starter' },
    compact ? h('p', { class: 'small muted' }, 'Start a review session to record verdicts and notes.') : null,
    h('div', { class: 'row' }, name, compact ? null : title,
      h('button', { type: 'button', class: 'btn btn-primary', onclick: start, 'data-testid': 'start-session' }, 'Start session')));
}

function annotationList(annotations) {
  if (!annotations.length) return h('p', { class: 'small muted', 'data-testid': 'no-annotations' }, 'No verdict or note yet.');
  return h('div', { 'data-testid': 'annotations' }, annotations.map((a) => h('div', { class: `annotation${a.stale ? ' stale' : ''}`, 'data-testid': 'annotation-item' },
    h('div', { class: 'row small' },
      a.verdict ? h('span', { class: `badge badge-verdict-${a.verdict}`, 'data-testid': 'annotation-verdict' }, verdictLabel(a.verdict)) : h('span', { class: 'badge' }, 'note'),
      a.stale ? h('span', { class: 'badge badge-stale', 'data-testid': 'stale-badge', title: a.stale_reasons.join('\n') }, 'stale — evidence changed') : null,
      h('span', { class: 'muted' }, `${a.reviewer} · ${when(a.at)} · session #${a.session_id}`)),
    a.note ? h('p', { class: 'note', 'data-testid': 'annotation-note' }, a.note) : null,
    a.stale ? h('ul', { class: 'small status-bad' }, a.stale_reasons.map((r) => h('li', {}, r))) : null,
    h('div', { class: 'small muted mono' }, a.anchors.map((x) => `${x.path} @ ${shortHash(x.document_sha256)}${x.start !== null ? ` [${x.start}–${x.end}]` : ''}`).join(' · ')),
  )));
}

/**
 * Verdict buttons, a note and the history of one target. `item` is
 * `{kind, id, spans}`; `onSaved` runs after a save.
 */
export function reviewPanel(ctx, item, onSaved, { heading = 'Review' } = {}) {
  const review = ctx.state.review;
  const session = openSession(review?.sessions);
  const annotations = annotationsOf(item.kind, item.id, review?.annotations);
  const panel = h('section', { class: 'card', 'data-testid': 'review-panel' }, h('h3', {}, heading));
  if (!session) {
    panel.appendChild(sessionStarter(ctx, true));
    panel.appendChild(annotationList(annotations));
    return panel;
  }
  const ui = ctx.ui('review');
  const key = `${item.kind}:${item.id}`;
  ui.draft ||= {};
  const draft = (ui.draft[key] ||= { verdict: null, note: '' });
  const buttons = VERDICTS.map((v) => h('button', {
    type: 'button', class: 'verdict-btn', 'aria-pressed': String(draft.verdict === v.id), 'data-testid': `verdict-${v.id}`,
    onclick: () => {
      draft.verdict = draft.verdict === v.id ? null : v.id;
      for (const b of buttons) b.setAttribute('aria-pressed', String(b.dataset.testid === `verdict-${draft.verdict}`));
    },
  }, h('span', { class: 'kbd' }, v.key), v.label));
  const note = h('textarea', {
    class: 'textarea', placeholder: 'Note: what you checked, what is missing…', 'aria-label': 'Note', 'data-testid': 'review-note',
    oninput: (e) => { draft.note = e.target.value; },
  });
  note.value = draft.note;
  const save = async () => {
    if (!draft.verdict && !draft.note.trim()) {
      ctx.toast('info', 'Nothing to save', 'Choose a verdict or write a note.');
      return;
    }
    try {
      await ctx.api.recordAnnotation({
        sessionId: session.id, targetKind: item.kind, targetId: item.id, verdict: draft.verdict, note: draft.note, spans: item.spans,
      });
      delete ui.draft[key];
      await ctx.refreshReview();
      ctx.toast('ok', draft.verdict ? 'Verdict recorded' : 'Note recorded', item.id);
      onSaved && onSaved();
    } catch (e) {
      ctx.showError(e, 'Recording the review');
    }
  };
  panel.append(
    h('div', { class: 'verdicts' }, buttons),
    h('div', { class: 'field' }, note),
    h('div', { class: 'row' }, h('button', { type: 'button', class: 'btn btn-primary', onclick: save, 'data-testid': 'save-review' }, 'Save'),
      h('span', { class: 'small muted' }, h('span', { class: 'kbd' }, 'Ctrl'), ' + ', h('span', { class: 'kbd' }, 'Enter'))),
    h('h3', {}, 'History'),
    annotationList(annotations));
  panel.saveReview = save;
  panel.focusNote = () => note.focus();
  panel.pressVerdict = (id) => buttons.find((b) => b.dataset.testid === `verdict-${id}`)?.click();
  return panel;
}

function sessionBar(ctx) {
  const review = ctx.state.review;
  const session = openSession(review?.sessions);
  if (session) {
    return h('section', { class: 'card row', 'data-testid': 'session-bar' },
      h('div', { class: 'grow' }, h('strong', {}, `Session #${session.id}`), ` · ${session.reviewer}`, session.title ? ` · ${session.title}` : '',
        h('div', { class: 'small muted' }, `started ${when(session.started_at)}`)),
      h('button', {
        type: 'button', class: 'btn', 'data-testid': 'close-session',
        onclick: async () => {
          try {
            await ctx.api.closeSession(session.id);
            await ctx.refreshReview();
            ctx.render();
          } catch (e) {
            ctx.showError(e, 'Closing the session');
          }
        },
      }, 'Close session'));
  }
  const closed = (review?.sessions || []).filter((s) => s.ended_at);
  return h('section', { class: 'card' },
    h('h2', {}, 'Start a review session'),
    sessionStarter(ctx),
    closed.length ? h('div', {},
      h('h3', {}, 'Earlier sessions'),
      h('ul', { class: 'recent' }, closed.map((s) => h('li', { class: 'row' },
        h('div', { class: 'grow' }, h('strong', {}, `#${s.id} ${s.reviewer}`), s.title ? ` — ${s.title}` : '',
          h('div', { class: 'small muted' }, `${when(s.started_at)} → ${when(s.ended_at)}`)),
        h('button', {
          type: 'button', class: 'btn btn-small', 'data-testid': `resume-session-${s.id}`,
          onclick: async () => {
            try {
              await ctx.api.resumeSession(s.id);
              await ctx.refreshReview();
              ctx.render();
            } catch (e) {
              ctx.showError(e, 'Resuming the session');
            }
          },
        }, 'Resume'))))) : null);
}

function chainLine(review) {
  const c = review?.chain;
  if (!c) return null;
  if (c.status === 'intact') {
    return h('p', { class: 'chain', 'data-testid': 'chain-status' },
      `Review log: ${c.entries} ${c.entries === 1 ? 'entry' : 'entries'}, hash chain intact`, c.head ? ` — head ${shortHash(c.head, 16)}` : '');
  }
  return h('p', { class: 'chain broken', 'data-testid': 'chain-status', role: 'alert' }, `Review log tampered with: ${c.reason}`);
}

function currentVerdict(ctx, item) {
  const v = ctx.state.review?.verdicts?.[`${item.kind}:${item.id}`];
  if (!v) return h('p', { class: 'small muted', 'data-testid': 'current-verdict' }, 'Not reviewed yet.');
  return h('div', { class: `notice ${v.stale ? 'notice-warn' : 'notice-ok'}`, 'data-testid': 'current-verdict' },
    h('div', { class: 'row' },
      h('span', { class: `badge badge-verdict-${v.verdict}` }, verdictLabel(v.verdict)),
      v.stale ? h('span', { class: 'badge badge-stale', 'data-testid': 'current-stale' }, 'stale — the evidence changed') : null,
      h('span', { class: 'small muted' }, `${v.reviewer} · ${when(v.at)}`)),
    v.stale ? h('ul', { class: 'small' }, v.stale_reasons.map((r) => h('li', {}, r))) : null);
}

function itemDetail(ctx, item) {
  if (item.kind === 'document') {
    const d = item.doc;
    return h('div', { class: 'card stack' },
      h('h2', {}, d.path),
      currentVerdict(ctx, item),
      h('p', { class: 'small' }, 'Publisher: ', h('strong', {}, d.publisher?.name ?? 'unidentified'), ' · origin: ', h('strong', {}, d.origin?.name ?? 'unidentified')),
      d.outlet_explanation ? h('p', { class: 'small muted' }, d.outlet_explanation) : null,
      h('button', { type: 'button', class: 'btn btn-small', onclick: () => ctx.go('documents', { view: null }) }, 'Read it in Documents →'));
  }
  const detail = ctx.clusterDetail(item.id);
  const m = detail ? claimsModel({ claims: detail.members, clusters: [detail.cluster], documents: detail.documents }) : null;
  return h('div', { class: 'card stack', 'data-testid': 'review-item', 'data-documents': (item.cluster.documents || []).join('\n') },
    h('h2', {}, `Cluster ${item.id}`),
    currentVerdict(ctx, item),
    item.cluster.explanation ? h('p', { class: 'small muted' }, item.cluster.explanation) : null,
    m
      ? h('div', { class: 'claims-side' }, membersOf(detail.cluster, m).map((c) => h('div', { class: 'claim-card' },
        h('div', { class: 'small muted mono' }, c.document), h('p', { class: 'claim-text' }, c.text))))
      : h('p', { class: 'muted' }, 'Loading the claims…'));
}

/** The queue's next page: clusters, or articles when there are none. */
function loadMore(ctx, q) {
  if (q.kind === 'cluster') ctx.loadClaims([], 'all', true);
  else ctx.loadDocuments(ARTICLES, { more: true }).then((l) => l && ctx.render());
}

/** The articles' first pages, in path order: the queue when there are no clusters. */
const ARTICLES = queryOf();

/** The queue as loaded so far: the clusters' list (all flags, any review status), else the articles'. */
function currentQueue(ctx) {
  const overview = ctx.state.claims.overview;
  const list = overview?.totals?.clusters ? ctx.claimsList([], 'all') : null;
  // The articles are asked for only once the store says it has no clusters.
  const docs = overview && !overview.totals?.clusters ? ctx.documentsList(ARTICLES) : null;
  return queue(docs ?? { total: ctx.state.report.totals.articles, documents: [] }, list, ctx.state.claims.details);
}

export function render(ctx) {
  const ui = ctx.ui('review');
  const q = currentQueue(ctx);
  const verdicts = ctx.state.review?.verdicts ?? {};
  const p = progress(q, verdicts);
  ui.index = Math.min(ui.index ?? 0, Math.max(0, q.items.length - 1));
  const session = openSession(ctx.state.review?.sessions);
  const screen = h('div', { 'data-testid': 'screen-review' },
    h('header', { class: 'page-head' },
      h('div', {}, h('h1', {}, 'Review'),
        h('p', {}, 'Give each claim cluster a verdict and a note. Every entry is bound to the SHA-256 of the bytes it rests on and kept in a hash-chained log.'))),
    sessionBar(ctx));
  const claimsLoading = !ctx.state.claims.overview || (ctx.state.claims.overview.totals.clusters > 0 && q.kind === 'document');
  if (claimsLoading) {
    screen.appendChild(h('div', { class: 'card empty', 'data-testid': 'review-loading' }, h('p', { class: 'muted' }, 'Loading the claims…')));
    return screen;
  }
  if (q.kind === 'document') {
    screen.appendChild(h('p', { class: 'notice', 'data-testid': 'review-documents-notice' },
      'No claim clusters yet — the claims stage has not run on this corpus. Until it does, the queue holds the articles: a verdict or note on a document rests on the whole file.'));
  }
  const meter = h('div', { class: 'meter' }, h('div', {}));
  meter.firstChild.style.width = `${p.total ? (100 * p.reviewed) / p.total : 0}%`;
  screen.appendChild(h('div', { class: 'row' },
    h('strong', { 'data-testid': 'review-progress' }, p.text), p.stale ? h('span', { class: 'badge badge-stale' }, `${p.stale} stale`) : null,
    (() => {
      const e = echoProgress(q, verdicts, ctx.state.claims.overview?.totals?.echo);
      return e ? h('span', { class: 'badge badge-class-echo', 'data-testid': 'review-echo-progress', title: 'Claims that look corroborated but rest on one origin come first in the queue' }, e.text) : null;
    })(),
    h('div', { class: 'grow' }, meter)));
  if (!q.items.length) {
    screen.appendChild(h('div', { class: 'card empty' }, h('h2', {}, 'Nothing to review'), h('p', {}, 'This corpus has no articles or clusters.')));
    return screen;
  }
  const item = q.items[ui.index];
  const detailSlot = h('div', { class: 'stack' });
  const list = h('ul', { class: 'queue card', 'data-testid': 'review-queue' }, q.items.map((it, i) => h('li', {},
    h('button', {
      type: 'button', 'aria-current': String(i === ui.index), 'data-testid': 'queue-item',
      onclick: () => { ui.index = i; ctx.render(); },
    }, h('span', { class: `dot ${statusOf(it, verdicts)}`, title: statusOf(it, verdicts) }),
    h('span', {}, it.title, verdicts[`${it.kind}:${it.id}`]?.verdict ? h('span', { class: 'sub' }, verdictLabel(verdicts[`${it.kind}:${it.id}`].verdict)) : null)))),
    q.items.length < q.total ? h('li', { class: 'more' }, h('button', {
      type: 'button', class: 'btn btn-small', 'data-testid': 'queue-more',
      onclick: () => loadMore(ctx, q),
    }, `Show more (${q.items.length.toLocaleString('en-US')} of ${q.total.toLocaleString('en-US')})`)) : null);
  // A verdict on a cluster rests on its claims' spans: they come with its detail.
  const panel = item.spans
    ? reviewPanel(ctx, item, () => {
      const next = nextUnreviewed(q.items, ui.index, ctx.state.review?.verdicts ?? {});
      ui.index = next;
      ctx.render();
    }, { heading: session ? 'Verdict and note' : 'Review' })
    : null;
  ui.panel = panel;
  replace(detailSlot, itemDetail(ctx, item), panel);
  screen.append(
    h('div', { class: 'review-layout' }, list, detailSlot),
    h('div', { class: 'shortcuts' },
      h('span', {}, h('span', { class: 'kbd' }, 'j'), '/', h('span', { class: 'kbd' }, 'k'), ' next / previous'),
      h('span', {}, h('span', { class: 'kbd' }, ']'), ' next not reviewed'),
      h('span', {}, h('span', { class: 'kbd' }, '1'), '–', h('span', { class: 'kbd' }, '4'), ' verdict'),
      h('span', {}, h('span', { class: 'kbd' }, 'n'), ' note'),
      h('span', {}, h('span', { class: 'kbd' }, 'Ctrl'), '+', h('span', { class: 'kbd' }, 'Enter'), ' save')),
    chainLine(ctx.state.review));
  return screen;
}

export function onKey(e, ctx) {
  const ui = ctx.ui('review');
  const inField = /INPUT|TEXTAREA|SELECT/.test(e.target.tagName);
  const action = keyAction({ key: e.key, ctrlKey: e.ctrlKey, metaKey: e.metaKey, inField });
  if (!action) return;
  const items = currentQueue(ctx).items;
  const panel = ui.panel;
  e.preventDefault();
  switch (action.type) {
    case 'move': {
      const q = currentQueue(ctx);
      if (action.step > 0 && (ui.index ?? 0) >= items.length - 1 && items.length < q.total) loadMore(ctx, q);
      ui.index = move(items, ui.index ?? 0, action.step);
      ctx.render();
      break;
    }
    case 'next-unreviewed':
      ui.index = nextUnreviewed(items, ui.index ?? 0, ctx.state.review?.verdicts ?? {});
      ctx.render();
      break;
    case 'verdict':
      panel?.pressVerdict?.(action.verdict);
      break;
    case 'note':
      panel?.focusNote?.();
      break;
    case 'save':
      panel?.saveReview?.();
      break;
    case 'leave-field':
      e.target.blur();
      break;
    default:
  }
}
