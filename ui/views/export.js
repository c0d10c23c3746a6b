// Screen 6: write the evidence out — a sha256sum manifest or a BagIt bag —
// to a path chosen in a save dialog (or typed).

import { h } from '../dom.js';
import { chooseSavePath } from '../ipc.js';
import { folderName, humanBytes, plural } from '../logic/format.js';

const FORMATS = {
  sha256sum: {
    title: 'sha256sum manifest',
    what: 'One line per file: its SHA-256 and path. Anyone can check the folder with `sha256sum -c --strict` run inside it.',
    suggest: (name) => `${name}.sha256`,
    dialog: 'Save the sha256sum manifest',
  },
  bagit: {
    title: 'BagIt bag',
    what: 'A BagIt 1.0 folder (RFC 8493) holding a copy of every file, each checked byte for byte against the store as it is copied. Validators such as `bagit.py --validate` accept it.',
    suggest: (name) => `${name}-bag`,
    dialog: 'Choose a new folder for the bag',
  },
};

function card(ctx, format) {
  const ui = ctx.ui('export');
  const f = FORMATS[format];
  const r = ctx.state.report;
  const path = h('input', {
    class: 'input grow', type: 'text', placeholder: 'Where to write it', value: ui[`${format}Path`] || '',
    'aria-label': `Output path for the ${f.title}`, 'data-testid': `export-path-${format}`,
    oninput: (e) => { ui[`${format}Path`] = e.target.value; },
  });
  const go = async () => {
    const out = path.value.trim();
    if (!out) {
      ctx.toast('info', 'Choose where to write it', 'Use “Choose…” or type a path outside the corpus folder.');
      return;
    }
    const done = await ctx.runTask(`Exporting the ${f.title}`, (onProgress) => ctx.api.exportEvidence(format, out, onProgress));
    if (done) {
      ui.result = done;
      ctx.toast('ok', `Wrote the ${f.title}`, done.out);
      ctx.render();
    }
  };
  return h('section', { class: 'card', 'data-testid': `export-card-${format}` },
    h('h2', {}, f.title),
    h('p', { class: 'small muted' }, f.what),
    h('div', { class: 'row' }, path,
      h('button', {
        type: 'button', class: 'btn',
        onclick: async () => {
          try {
            const chosen = await chooseSavePath(f.dialog, f.suggest(folderName(r.corpus.root)));
            if (chosen) {
              path.value = chosen;
              ui[`${format}Path`] = chosen;
            }
          } catch (e) {
            ctx.showError(e, 'Choosing where to save');
          }
        },
      }, 'Choose…')),
    h('div', { class: 'row' },
      h('button', { type: 'button', class: 'btn btn-primary', onclick: go, 'data-testid': `export-${format}` }, `Export ${f.title}`)));
}

export function render(ctx) {
  const ui = ctx.ui('export');
  const r = ctx.state.report;
  const res = ui.result;
  return h('div', { class: 'stack', 'data-testid': 'screen-export' },
    h('header', { class: 'page-head' },
      h('div', {}, h('h1', {}, 'Export'),
        h('p', {}, `Hand the evidence on: ${plural(r.documents.length, 'file')} as recorded in the store. Exports are written beside their final path and moved into place only when complete; never inside the corpus folder.`))),
    res ? h('section', { class: 'card notice-ok', 'data-testid': 'export-result' },
      h('h2', {}, `Wrote the ${FORMATS[res.format].title}`),
      h('dl', { class: 'facts' },
        h('dt', {}, 'Path'), h('dd', { class: 'mono' }, res.out),
        h('dt', {}, 'Files'), h('dd', {}, `${res.files} (${humanBytes(res.bytes)})`),
        h('dt', {}, res.format === 'bagit' ? 'SHA-256 of tagmanifest' : 'SHA-256 of the manifest'), h('dd', { class: 'mono', 'data-testid': 'export-sha' }, res.sha256))) : null,
    h('div', { class: 'grid-2' }, card(ctx, 'sha256sum'), card(ctx, 'bagit')));
}
