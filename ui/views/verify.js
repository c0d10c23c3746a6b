// Screen 5: re-hash every file against the store, see each file's status and
// the history of checks.

import { h } from '../dom.js';
import { chooseFolder } from '../ipc.js';
import { countsLine, plural, shortHash, when } from '../logic/format.js';
import { statusBadge } from './documents.js';
import { filesIn } from '../logic/documents.js';

async function run(ctx, folder) {
  const report = await ctx.runTask('Verifying', (onProgress) => ctx.api.verify(folder, onProgress));
  if (!report) return;
  ctx.state.lastVerify = report;
  await Promise.all([ctx.refreshOverview(), ctx.refreshHistory(), ctx.refreshReview()]);
  if (report.all_ok) ctx.toast('ok', 'Every file matches', `${plural(report.files.length, 'file')} re-hashed.`);
  else ctx.toast('error', 'The folder does not match the store', countsLine(report.counts));
  ctx.render();
}

function result(report) {
  const ok = report.all_ok;
  return h('section', { class: 'card', 'data-testid': 'verify-summary', 'data-all-ok': String(ok) },
    h('div', { class: 'verdict-banner' },
      h('span', { class: `big ${ok ? 'status-ok' : 'status-bad'}`, 'aria-hidden': 'true' }, ok ? '✓' : '✗'),
      h('span', { 'data-testid': 'verify-verdict' }, ok ? `All ${plural(report.files.length, 'file')} match the store` : 'The folder does NOT match the store')),
    h('p', { class: 'small muted' }, `${countsLine(report.counts)} · ${report.root} · ${when(report.finished_at)}`),
    h('div', { class: 'table-wrap' }, h('table', { 'data-testid': 'verify-table' },
      h('thead', {}, h('tr', {}, h('th', {}, 'Status'), h('th', {}, 'File'), h('th', {}, 'Recorded SHA-256'), h('th', {}, 'Found SHA-256'), h('th', {}, 'Detail'))),
      h('tbody', {}, report.files.map((f) => h('tr', { 'data-testid': 'verify-row', 'data-status': f.status, 'data-path': f.path },
        h('td', {}, statusBadge(f.status)),
        h('td', { class: 'path' }, f.path),
        h('td', { class: 'mono', title: f.expected_sha256 ?? '' }, shortHash(f.expected_sha256)),
        h('td', { class: 'mono', title: f.actual_sha256 ?? '' }, shortHash(f.actual_sha256)),
        h('td', { class: 'small' }, f.other_path ? (f.status === 'moved' ? `was ${f.other_path}` : `same bytes as ${f.other_path}`) : f.message ?? '')))))),
    report.skipped.length ? h('p', { class: 'small muted' }, 'Skipped: ', report.skipped.map((s) => `${s.path} (${s.warning})`).join('; ')) : null);
}

function history(ctx) {
  const hist = ctx.state.history;
  const rows = hist?.verifications ?? [];
  return h('section', { class: 'card', 'data-testid': 'verify-history' },
    h('h2', {}, 'History of checks'),
    rows.length ? h('div', { class: 'table-wrap' }, h('table', {},
      h('thead', {}, h('tr', {}, h('th', {}, '#'), h('th', {}, 'When'), h('th', {}, 'Folder'), h('th', {}, 'Result'))),
      h('tbody', {}, rows.map((v) => {
        const bad = v.modified + v.missing + v.new + v.moved + v.duplicate + v.unreadable;
        return h('tr', { 'data-testid': 'history-row' },
          h('td', { class: 'mono' }, String(v.id)),
          h('td', {}, when(v.started_at)),
          h('td', { class: 'small' }, v.root),
          h('td', {}, h('span', { class: `badge ${bad ? 'badge-bad' : 'badge-ok'}` }, bad ? 'did not match' : 'matched'), ' ', h('span', { class: 'small muted' }, countsLine(v))));
      })))) : h('p', { class: 'muted' }, 'No verification yet.'),
    hist?.ingest_runs?.length ? h('p', { class: 'small muted' }, `${plural(hist.ingest_runs.length, 'ingest run')}; the first on ${when(hist.ingest_runs[hist.ingest_runs.length - 1].started_at)}.`) : null);
}

export function render(ctx) {
  const r = ctx.state.report;
  const last = ctx.state.lastVerify;
  return h('div', { class: 'stack', 'data-testid': 'screen-verify' },
    h('header', { class: 'page-head' },
      h('div', {}, h('h1', {}, 'Verify'),
        h('p', {}, 'Read every file again, hash it, and compare it with what the store recorded. Nothing is taken on trust from sizes or dates. Each check is kept in the store.')),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'btn btn-primary', 'data-testid': 'run-verify', onclick: () => run(ctx, null) }, 'Verify the corpus'),
        h('button', {
          type: 'button', class: 'btn', 'data-testid': 'verify-copy',
          onclick: async () => {
            try {
              const folder = await chooseFolder('Verify a copy of the corpus');
              if (folder) run(ctx, folder);
            } catch (e) {
              ctx.showError(e, 'Choosing a folder');
            }
          },
        }, 'Verify a copy…'))),
    last ? result(last) : h('section', { class: 'card empty', 'data-testid': 'verify-none' },
      h('h2', {}, 'Not verified in this window yet'),
      h('p', {}, `Verify re-hashes the ${plural(filesIn(r), 'file')} of `, h('span', { class: 'mono' }, r.corpus.root), '.')),
    history(ctx));
}
