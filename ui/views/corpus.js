// Screen 1: open a corpus (folder dialog, drag-and-drop, a typed path, or a
// recent corpus) and, once open, what the evidence store holds.

import { h } from '../dom.js';
import { chooseArchive, chooseFolder } from '../ipc.js';
import { folderName, humanBytes, plural, when } from '../logic/format.js';

function opener(ctx) {
  const input = h('input', {
    class: 'input grow', type: 'text', placeholder: '/path/to/saved-articles', 'aria-label': 'Folder or web archive path', 'data-testid': 'folder-path',
  });
  const openTyped = () => input.value.trim() && ctx.openCorpus(input.value.trim());
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') openTyped();
  });
  return h('section', { class: 'dropzone', 'data-testid': 'drop-zone' },
    h('h2', {}, 'Open a folder of saved articles'),
    h('p', {}, 'Drop a folder anywhere on this window, or choose it; a web archive (.warc, .warc.gz, .wacz) can be opened on its own too, each page in it a document. What you open is only read: its files are fingerprinted into an evidence store kept outside it.'),
    h('div', { class: 'actions' },
      h('button', {
        type: 'button', class: 'btn btn-primary', 'data-testid': 'open-folder',
        onclick: async () => {
          try {
            const folder = await chooseFolder('Open a corpus folder');
            if (folder) ctx.openCorpus(folder);
          } catch (e) {
            ctx.showError(e, 'Choosing a folder');
          }
        },
      }, 'Choose folder…'),
      h('button', {
        type: 'button', class: 'btn', 'data-testid': 'open-archive',
        onclick: async () => {
          try {
            const file = await chooseArchive('Open a web archive');
            if (file) ctx.openCorpus(file);
          } catch (e) {
            ctx.showError(e, 'Choosing a web archive');
          }
        },
      }, 'Choose web archive…'),
    ),
    h('div', { class: 'row' }, input, h('button', { type: 'button', class: 'btn', onclick: openTyped, 'data-testid': 'open-typed' }, 'Open')),
  );
}

function recent(ctx) {
  const list = ctx.state.startup?.recent ?? [];
  return h('section', { class: 'card', 'data-testid': 'recent-list' },
    h('h2', {}, 'Recent corpora'),
    list.length
      ? h('ul', { class: 'recent' }, list.map((r) => h('li', {},
        h('button', {
          type: 'button', disabled: !r.exists, 'data-testid': 'recent-item',
          title: r.exists ? `Open ${r.root}` : `${r.root} is no longer there`,
          onclick: () => ctx.openCorpus(r.root),
        },
        h('span', { class: 'r-root' }, folderName(r.root)),
        h('span', { class: 'badge' }, plural(r.documents, 'file')),
        h('span', { class: 'r-meta' }, r.root, ' · last ingested ', when(r.last_ingested_at), r.exists ? '' : ' · folder missing'),
        ))))
      : h('p', { class: 'muted' }, 'Corpora you open appear here, newest first.'),
  );
}

function summary(ctx) {
  const r = ctx.state.report;
  const t = r.totals;
  const stat = (value, label, testid) => h('div', { class: 'stat', 'data-testid': testid }, h('div', { class: 'stat-value' }, String(value)), h('div', { class: 'stat-label' }, label));
  return h('section', { class: 'card', 'data-testid': 'corpus-summary' },
    h('div', { class: 'page-head' },
      h('div', {}, h('h2', {}, folderName(r.corpus.root)), h('div', { class: 'muted small mono' }, r.corpus.root)),
      h('div', { class: 'actions' }, h('button', { type: 'button', class: 'btn', onclick: () => ctx.openCorpus(r.corpus.root), 'data-testid': 'reingest' }, 'Read again'),
        h('button', { type: 'button', class: 'btn btn-primary', onclick: () => ctx.go('documents') }, 'Documents →'))),
    h('div', { class: 'stats' },
      stat(t.articles.toLocaleString('en-US'), 'articles', 'stat-articles'),
      stat(t.others.toLocaleString('en-US'), 'other files'),
      stat(t.publishers.toLocaleString('en-US'), 'publishers identified'),
      stat(t.origins.toLocaleString('en-US'), 'origins identified', 'stat-origins'),
      stat(t.unknown_origin.toLocaleString('en-US'), 'articles of unknown origin', 'stat-unknown-origin'),
      stat(humanBytes(t.bytes), 'of evidence'),
    ),
    h('dl', { class: 'facts' },
      h('dt', {}, 'Evidence store'), h('dd', { class: 'mono' }, r.corpus.store),
      h('dt', {}, 'Outlet registry'), h('dd', {}, r.registry_version),
      r.run.id ? [h('dt', {}, 'Last read'), h('dd', {}, `${r.run.files_seen} files: ${r.run.added} new, ${r.run.changed} changed, ${r.run.unchanged} unchanged, ${r.run.errors} errors`)] : null,
    ),
    r.errors.length ? h('div', { class: 'notice notice-bad' },
      h('strong', {}, `${plural(r.errors.length, 'file')} could not be stored`),
      h('ul', {}, r.errors.map((e) => h('li', {}, h('span', { class: 'mono' }, e.path), ': ', e.error)))) : null,
    r.warnings.length ? h('div', { class: 'notice notice-warn' },
      h('strong', {}, plural(r.warnings.length, 'warning')),
      h('ul', {}, r.warnings.map((w) => h('li', {}, h('span', { class: 'mono' }, w.path), ': ', w.warning)))) : null,
  );
}

export function render(ctx) {
  const open = !!ctx.state.report;
  return h('div', { class: 'stack', 'data-testid': 'screen-corpus' },
    h('header', { class: 'page-head' },
      h('div', {}, h('h1', {}, 'Corpus'),
        h('p', {}, 'Fingerprint a folder of saved news articles, find who published each file and who produced its text, and re-verify later that nothing changed.'))),
    open ? summary(ctx) : null,
    h('div', { class: 'grid-2' }, opener(ctx), recent(ctx)),
    ctx.state.startup?.db ? h('p', { class: 'muted small' }, 'Store chosen with PROVAUDIT_DB: ', h('span', { class: 'mono' }, ctx.state.startup.db)) : null,
  );
}
