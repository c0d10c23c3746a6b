// The window: state, navigation, long tasks and notifications. Screens live
// in views/; pure logic in logic/; every call to the core goes through ipc.js.

import { api, onDrop, toError } from './ipc.js';
import { h, replace } from './dom.js';
import { folderName, plural } from './logic/format.js';
import { filesIn } from './logic/documents.js';
import { progress as reviewProgress, queue as reviewQueue, openSession } from './logic/review.js';
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
  report: null, // the corpus overview: corpus, last run, counts (view::app::CorpusOverview)
  // The Documents table's pages, by query (sorted and filtered by the store).
  docs: { lists: {} },
  review: null, // review_state
  // The claims, read a page at a time: the counts, the pages of each list
  // asked for (by flags and review status) and the clusters opened.
  claims: { overview: null, lists: {}, details: {} },
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

/** Reads the overview again (counts, verification statuses) and drops the documents' pages. */
async function refreshOverview() {
  try {
    state.report = await api.corpusOverview();
  } catch (e) {
    showError(e, 'Reloading the corpus');
  }
  state.docs = { lists: {} };
}

const DOC_PAGE = 200;
const docKey = (query) => JSON.stringify(query);

/** The Documents rows loaded for `query` (from `queryOf`), or `null`. */
function documentsCached(query) {
  const list = state.docs.lists[docKey(query)];
  return list?.documents ? list : null;
}

/**
 * Reads the first page of the Documents table for `query`, or the next one
 * (`more`); returns the list as loaded, or `null` on an error (shown). The
 * caller draws it: the screen keeps its toolbar, and its focus.
 */
async function loadDocuments(query, { more = false } = {}) {
  const key = docKey(query);
  const list = state.docs.lists[key];
  if (list?.loading) return list.loading;
  if (list?.documents && !more) return list;
  const offset = more && list?.documents ? list.documents.length : 0;
  const loading = api.documentsPage(query, offset, DOC_PAGE).then((page) => {
    const before = more && list?.documents ? list.documents : [];
    const loaded = { total: page.total, matching: page.matching, documents: before.concat(page.documents) };
    state.docs.lists[key] = loaded;
    return loaded;
  }, (e) => {
    if (list?.documents) state.docs.lists[key] = list;
    else delete state.docs.lists[key];
    showError(e, 'Loading the documents');
    return null;
  });
  state.docs.lists[key] = { ...(list || {}), loading };
  return loading;
}

/** The Documents rows for `query` as loaded so far, or `null` (then they are asked for, and drawn when they come). */
function documentsList(query) {
  const list = documentsCached(query);
  if (!list && !state.docs.lists[docKey(query)]?.loading) loadDocuments(query).then((l) => l && render());
  return list;
}

async function refreshReview() {
  try {
    state.review = await api.reviewState();
    // Lists filtered by review status changed with it.
    for (const key of Object.keys(state.claims.lists)) {
      if (JSON.parse(key).review !== 'all') delete state.claims.lists[key];
    }
  } catch (e) {
    showError(e, 'Loading the review log');
  }
}

const PAGE = 100;
const listKey = (flags, review) => JSON.stringify({ flags: [...flags].sort(), review });

/** The claims list for these filters as loaded so far, or `null` (then it is asked for). */
function claimsList(flags = [], review = 'all') {
  const list = state.claims.lists[listKey(flags, review)];
  if (!list) loadClaims(flags, review);
  return list?.clusters ? list : null;
}

/** Reads the next page of a claims list (the first when none is loaded). */
async function loadClaims(flags = [], review = 'all', more = false) {
  const key = listKey(flags, review);
  const list = state.claims.lists[key];
  if (list?.loading || (list && !more)) return;
  const offset = more && list?.clusters ? list.clusters.length : 0;
  state.claims.lists[key] = { ...(list || {}), loading: true };
  try {
    const page = await api.claimsPage(flags, review, offset, PAGE);
    const before = more && list?.clusters ? list.clusters : [];
    state.claims.lists[key] = { total: page.total, clusters: before.concat(page.clusters) };
  } catch (e) {
    delete state.claims.lists[key];
    showError(e, 'Loading the claims');
    return;
  }
  render();
}

/** One cluster with its claims, or `null` (then it is asked for). */
function clusterDetail(id) {
  const d = state.claims.details[id];
  if (d === undefined) {
    state.claims.details[id] = null;
    api.clusterDetail(id).then((detail) => {
      state.claims.details[id] = detail;
      render();
    }, (e) => {
      delete state.claims.details[id];
      showError(e, `Loading cluster ${id}`);
    });
  }
  return d ?? null;
}

async function refreshClaims() {
  state.claims = { overview: null, lists: {}, details: {} };
  try {
    state.claims.overview = await api.claimsOverview();
  } catch (e) {
    showError(e, 'Loading the claims');
  }
  await loadClaims([], 'all');
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
  state.docs = { lists: {} };
  state.lastVerify = null;
  state.ui = {};
  await Promise.all([refreshReview(), refreshHistory(), refreshRecent(), refreshClaims()]);
  const n = filesIn(report);
  if (report.run.cancelled) {
    toast('info', `Stopped reading ${folderName(report.corpus.root)}`, `${plural(n, 'file')} stored so far; open the folder again to read the rest.`);
  } else {
    toast('ok', `Opened ${folderName(report.corpus.root)}`, `${plural(n, 'file')} in the evidence store${report.run.added ? `, ${report.run.added} new` : ''}.`);
  }
  go('documents');
  return true;
}

async function reloadReport() {
  await refreshOverview();
  await refreshClaims();
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
    count('documents', state.report.totals.articles.toLocaleString('en-US'));
    const totals = state.claims.overview?.totals;
    count('claims', totals?.clusters ? String(totals.single_source_claims) : '');
    const q = reviewQueue({ total: state.report.totals.articles, documents: [] }, state.claims.lists[listKey([], 'all')]);
    const p = reviewProgress(q, state.review?.verdicts ?? {});
    count('review', p.total ? `${p.reviewed}/${p.total}` : '');
    const statuses = Object.entries(state.report.totals.statuses ?? {});
    const bad = statuses.filter(([s]) => s !== 'ok').reduce((n, [, c]) => n + c, 0);
    count('verify', bad ? `${bad.toLocaleString('en-US')} ⚠` : statuses.length ? '✓' : '');
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
  refreshOverview,
  refreshReview,
  refreshHistory,
  claimsList,
  loadClaims,
  documentsCached,
  documentsList,
  loadDocuments,
  clusterDetail,
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
