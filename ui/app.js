// The window: state, navigation, long tasks and notifications. Screens live
// in views/; pure logic in logic/; every call to the core goes through ipc.js.

import { api, onDrop, toError } from './ipc.js';
import { h, replace } from './dom.js';
import { folderName, plural } from './logic/format.js';
import { progress as reviewProgress, queue as reviewQueue, openSession } from './logic/review.js';
import { summary as claimsSummary, model as claimsModel } from './logic/claims.js';
import * as corpusView from './views/corpus.js';
import * as documentsView from './views/documents.js';
import * as claimsView from './views/claims.js';
import * as reviewView from './views/review.js';
import * as verifyView from './views/verify.js';
import * as exportView from './views/export.js';

const VIEWS = {
  corpus: corpusView,
  documents: documentsView,
  claims: claimsView,
  review: reviewView,
  verify: verifyView,
  export: exportView,
};
const ROUTES = Object.keys(VIEWS);

const state = {
  route: 'corpus',
  startup: null,
  report: null, // the audit report (docs/json-schema.md)
  statuses: {}, // path → latest verification status
  review: null, // review_state
  history: null,
  lastVerify: null,
  task: null, // {label, stage, done, total}
  ui: {}, // per-screen view state (filters, selection), kept across navigation
};

const main = document.getElementById('main');
const taskbar = document.querySelector('.taskbar');

function toast(kind, title, message) {
  const box = h('div', { class: `toast toast-${kind}`, role: kind === 'error' ? 'alert' : 'status', 'data-testid': `toast-${kind}` },
    h('strong', {}, title), message ? h('div', { class: 'small' }, message) : null);
  document.querySelector('.toasts').appendChild(box);
  setTimeout(() => box.remove(), kind === 'error' ? 12000 : 5000);
}

function showError(e, what) {
  const err = toError(e);
  if (err.kind === 'cancelled') toast('info', `${what}: cancelled`, err.message);
  else toast('error', what, err.message);
}

/** Runs a long task with the progress bar and Cancel; returns its result or null. */
async function runTask(label, fn) {
  if (state.task) {
    toast('info', 'Please wait', `${state.task.label} is still running.`);
    return null;
  }
  state.task = { label, stage: label, done: 0, total: 0 };
  renderTask();
  updateNav();
  try {
    return await fn((event) => {
      // After the files come the analysis stages and the final write: say so
      // rather than leave a full bar standing still.
      state.task = event.finished ? { ...state.task, stage: 'finishing', done: 0, total: 0 } : { ...state.task, ...event };
      renderTask();
    });
  } catch (e) {
    showError(e, label);
    return null;
  } finally {
    state.task = null;
    renderTask();
    updateNav();
  }
}

function renderTask() {
  const t = state.task;
  taskbar.hidden = !t;
  if (!t) return;
  taskbar.querySelector('.task-stage').textContent = t.stage ? t.stage[0].toUpperCase() + t.stage.slice(1) : t.label;
  taskbar.querySelector('.task-count').textContent = t.total ? `${t.done.toLocaleString('en')} of ${plural(t.total, 'file')}` : '';
  const bar = taskbar.querySelector('.task-progress');
  if (t.total) {
    bar.max = t.total;
    bar.value = t.done;
  } else {
    bar.removeAttribute('value'); // indeterminate
  }
}
taskbar.querySelector('[data-testid="task-cancel"]').addEventListener('click', () => api.cancelJob().catch(() => {}));

async function refreshStatuses() {
  try {
    state.statuses = await api.fileStatuses();
  } catch {
    state.statuses = {};
  }
}

async function refreshReview() {
  try {
    state.review = await api.reviewState();
  } catch (e) {
    showError(e, 'Loading the review log');
  }
}

async function refreshRecent() {
  try {
    if (state.startup) state.startup.recent = await api.recentCorpora();
  } catch {
    // The list is a convenience; an unreadable stores folder leaves it as it was.
  }
}

async function refreshHistory() {
  try {
    state.history = await api.history();
  } catch (e) {
    showError(e, 'Loading the history');
  }
}

/** Opens (ingests) a corpus folder and loads everything the screens show. */
async function openCorpus(folder) {
  const report = await runTask('Opening the corpus', (onProgress) => api.openCorpus(folder, onProgress));
  if (!report) return false;
  state.report = report;
  state.lastVerify = null;
  state.ui = {};
  await Promise.all([refreshStatuses(), refreshReview(), refreshHistory(), refreshRecent()]);
  const n = report.documents.length;
  if (report.run.cancelled) {
    toast('info', `Stopped reading ${folderName(report.corpus.root)}`, `${plural(n, 'file')} stored so far; open the folder again to read the rest.`);
  } else {
    toast('ok', `Opened ${folderName(report.corpus.root)}`, `${plural(n, 'file')} in the evidence store${report.run.added ? `, ${report.run.added} new` : ''}.`);
  }
  go('documents');
  return true;
}

async function reloadReport() {
  try {
    state.report = await api.corpusReport();
  } catch (e) {
    showError(e, 'Reloading the corpus');
  }
}

function updateNav() {
  const open = !!state.report;
  for (const btn of document.querySelectorAll('.nav-item')) {
    const route = btn.dataset.route;
    btn.disabled = route !== 'corpus' && !open;
    if (route === state.route) btn.setAttribute('aria-current', 'page');
    else btn.removeAttribute('aria-current');
  }
  const count = (name, text) => {
    const el = document.querySelector(`[data-count="${name}"]`);
    if (el) el.textContent = text;
  };
  if (open) {
    const articles = state.report.documents.filter((d) => d.content_kind === 'text' || d.content_kind === 'html').length;
    count('documents', String(articles));
    const m = claimsModel(state.report);
    count('claims', m.clusters.length ? String(claimsSummary(m).single) : '');
    const q = reviewQueue(state.report);
    const p = reviewProgress(q.items, state.review?.verdicts ?? {});
    count('review', q.items.length ? `${p.reviewed}/${p.total}` : '');
    const bad = Object.values(state.statuses).filter((s) => s !== 'ok').length;
    count('verify', bad ? `${bad} ⚠` : Object.keys(state.statuses).length ? '✓' : '');
  }
  document.querySelector('[data-testid="corpus-name"]').textContent = open ? folderName(state.report.corpus.root) : 'No corpus open';
  const session = openSession(state.review?.sessions);
  const foot = document.querySelector('[data-testid="session-indicator"]');
  replace(foot, session
    ? [h('div', {}, 'Review session ', h('strong', {}, `#${session.id}`)), h('div', {}, `${session.reviewer}${session.title ? ` — ${session.title}` : ''}`)]
    : open ? h('div', {}, 'No review session open') : null);
}

function render() {
  updateNav();
  const view = VIEWS[state.route];
  const content = view.render(ctx);
  replace(main, content);
  main.dataset.route = state.route;
}

function go(route, uiPatch) {
  if (!ROUTES.includes(route)) return;
  if (route !== 'corpus' && !state.report) route = 'corpus';
  if (uiPatch) state.ui[route] = { ...(state.ui[route] || {}), ...uiPatch };
  state.route = route;
  render();
  main.focus({ preventScroll: true });
}

const ctx = {
  state,
  api,
  go,
  render,
  toast,
  showError,
  runTask,
  openCorpus,
  reloadReport,
  refreshStatuses,
  refreshReview,
  refreshHistory,
  ui: (route) => (state.ui[route] ||= {}),
};

for (const btn of document.querySelectorAll('.nav-item')) {
  btn.addEventListener('click', () => go(btn.dataset.route));
}

// Alt+1…6 moves between screens from anywhere; screens handle their own keys.
document.addEventListener('keydown', (e) => {
  if (e.altKey && /^[1-6]$/.test(e.key)) {
    e.preventDefault();
    go(ROUTES[Number(e.key) - 1]);
    return;
  }
  VIEWS[state.route].onKey?.(e, ctx);
});

const overlay = document.querySelector('.drop-overlay');
onDrop(
  (paths) => {
    if (paths.length) openCorpus(paths[0]);
  },
  (hovering) => {
    overlay.hidden = !hovering;
  },
).catch(() => {});

async function start() {
  render();
  try {
    state.startup = await api.startup();
  } catch (e) {
    showError(e, 'Starting');
    state.startup = { folder: null, db: null, recent: [] };
  }
  render();
  if (state.startup.folder) await openCorpus(state.startup.folder);
}

start();
