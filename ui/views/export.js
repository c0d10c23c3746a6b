// Screen 6: hand the work on. A report (HTML, Markdown, JSON, CSV,
// ClaimReview, Web Annotations) or the evidence (a sha256sum manifest, a
// BagIt bag), written to a path chosen in a save dialog (or typed). Every
// export states its SHA-256 and is recorded in the review log.

import { h } from '../dom.js';
import { chooseSavePath } from '../ipc.js';
import { folderName, humanBytes, plural, shortHash, when } from '../logic/format.js';
import { openSession } from '../logic/review.js';
import { filesIn } from '../logic/documents.js';

export const REPORTS = {
  html: {
    title: 'HTML report',
    what: 'One self-contained page — no network, no scripts — with the corpus, every document and its evidence, the flagged claims first with their provenance pictures, and the review. Opens in any browser; prints to PDF.',
    ext: 'html',
  },
  md: {
    title: 'Markdown report',
    what: 'The same content as Markdown: readable in a text editor and on a code forge.',
    ext: 'md',
  },
  json: {
    title: 'JSON report',
    what: 'The full data, schema_version first, as documented in docs/json-schema.md (the same entries as `provaudit audit --json`, plus the review).',
    ext: 'json',
  },
  csv: {
    title: 'CSV of claims',
    what: 'One row per claim with its cluster, document, SHA-256, publisher, origin, flags, verdict and notes (RFC 4180; opens in a spreadsheet).',
    ext: 'csv',
  },
  claimreview: {
    title: 'ClaimReview JSON-LD',
    what: 'schema.org ClaimReview for each claim with a verdict, for fact-check publishing. Verdicts whose bytes changed are left out.',
    ext: 'claimreview.jsonld',
  },
  annotations: {
    title: 'Web Annotations JSON-LD',
    what: 'Your verdicts and notes as W3C Web Annotations, each pointing at the exact file (urn:sha256) and the quoted text.',
    ext: 'annotations.jsonld',
  },
  jsonl: {
    title: 'Texts for passim (JSON Lines)',
    what: 'Every article\'s text, one JSON object a line — id, series (who produced the text), date, text — the input passim reads to find text reuse on an Apache Spark cluster, with each file\'s SHA-256, publisher and origin for joining its results back.',
    ext: 'jsonl',
  },
};

const EVIDENCE = {
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

const titleOf = (format) => (REPORTS[format] ?? EVIDENCE[format])?.title ?? format;

async function runExport(ctx, format, out, replace = false) {
  const ui = ctx.ui('export');
  if (!out) {
    ctx.toast('info', 'Choose where to write it', 'Use “Choose…” or type a path outside the corpus folder.');
    return;
  }
  const session = openSession(ctx.state.review?.sessions);
  const done = await ctx.runTask(`Exporting the ${titleOf(format)}`,
    (onProgress) => ctx.api.exportEvidence(format, out, onProgress, session?.id ?? null, replace));
  if (done) {
    ui.result = { ...done, session: session?.id ?? null };
    await ctx.refreshReview();
    ctx.toast('ok', `Wrote the ${done.what}`, done.out);
    ctx.render();
  }
}

function pathRow(ctx, key, label, suggest, dialog) {
  const ui = ctx.ui('export');
  const input = h('input', {
    class: 'input grow', type: 'text', placeholder: 'Where to write it', value: ui[`${key}Path`] || '',
    'aria-label': label, 'data-testid': `export-path-${key}`,
    oninput: (e) => { ui[`${key}Path`] = e.target.value; ui[`${key}Replace`] = false; },
  });
  const choose = h('button', {
    type: 'button', class: 'btn',
    onclick: async () => {
      try {
        const chosen = await chooseSavePath(dialog, suggest());
        if (chosen) {
          input.value = chosen;
          ui[`${key}Path`] = chosen;
          // The save dialog asked before choosing an existing file: replacing
          // it is what the reviewer confirmed. A typed path never replaces.
          ui[`${key}Replace`] = true;
        }
      } catch (e) {
        ctx.showError(e, 'Choosing where to save');
      }
    },
  }, 'Choose…');
  return { input, row: h('div', { class: 'row' }, input, choose) };
}

function reportCard(ctx) {
  const ui = ctx.ui('export');
  const name = folderName(ctx.state.report.corpus.root);
  ui.reportFormat = ui.reportFormat || 'html';
  const chosen = () => REPORTS[ui.reportFormat];
  const { input, row } = pathRow(ctx, 'report', 'Output path for the report',
    () => `${name}-report.${chosen().ext}`, 'Save the report');
  const options = Object.entries(REPORTS).map(([id, f]) => h('label', { class: 'choice', 'data-testid': `report-format-${id}` },
    h('input', {
      type: 'radio', name: 'report-format', value: id, checked: ui.reportFormat === id,
      onchange: () => {
        ui.reportFormat = id;
        // A suggested name follows the format; a typed path is left alone.
        const path = input.value.trim();
        const old = Object.values(REPORTS).find((r) => path.endsWith(`-report.${r.ext}`));
        if (old) {
          input.value = path.slice(0, -old.ext.length) + f.ext;
          ui.reportPath = input.value;
        }
      },
    }),
    h('span', {}, h('strong', {}, f.title), h('span', { class: 'small muted block' }, f.what))));
  return h('section', { class: 'card', 'data-testid': 'export-card-report' },
    h('h2', {}, 'Report'),
    h('p', { class: 'small muted' }, 'What a reviewer hands to an editor: it names the exact bytes it describes, who reviewed what, and the state of the review log.'),
    h('fieldset', { class: 'choices' }, h('legend', { class: 'small muted' }, 'Format'), ...options),
    row,
    h('div', { class: 'row' },
      h('button', {
        type: 'button', class: 'btn btn-primary', 'data-testid': 'export-report',
        onclick: () => runExport(ctx, ui.reportFormat, input.value.trim(), ui.reportReplace === true),
      }, 'Export the report')));
}

function evidenceCard(ctx, format) {
  const ui = ctx.ui('export');
  const f = EVIDENCE[format];
  const name = folderName(ctx.state.report.corpus.root);
  const { input, row } = pathRow(ctx, format, `Output path for the ${f.title}`, () => f.suggest(name), f.dialog);
  return h('section', { class: 'card', 'data-testid': `export-card-${format}` },
    h('h2', {}, f.title),
    h('p', { class: 'small muted' }, f.what),
    row,
    h('div', { class: 'row' },
      h('button', {
        type: 'button', class: 'btn btn-primary', 'data-testid': `export-${format}`,
        onclick: () => runExport(ctx, format, input.value.trim(), ui[`${format}Replace`] === true),
      }, `Export ${f.title}`)));
}

function resultCard(res) {
  return h('section', { class: 'card notice-ok', 'data-testid': 'export-result' },
    h('h2', {}, `Wrote the ${res.what}`),
    h('dl', { class: 'facts' },
      h('dt', {}, 'Path'), h('dd', { class: 'mono' }, res.out),
      h('dt', {}, 'Describes'), h('dd', {}, `${plural(res.files, 'file')} (${humanBytes(res.bytes)})`),
      h('dt', {}, res.format === 'bagit' ? 'SHA-256 of tagmanifest' : 'SHA-256 of the file'),
      h('dd', { class: 'mono', 'data-testid': 'export-sha' }, res.sha256),
      h('dt', {}, 'Recorded'),
      h('dd', { 'data-testid': 'export-recorded' }, `review log entry ${res.log_seq}${res.session ? `, session #${res.session}` : ''}`),
      h('dt', {}, 'Log anchor'),
      h('dd', { class: 'mono small', 'data-testid': 'export-anchor', title: 'The review log head this export states: `provaudit verify-log --anchor FILE` later shows whether the log was cut short or rewritten since' }, res.log_anchor ?? '')),
    res.stale_left_out
      ? h('p', { class: 'small' }, `${plural(res.stale_left_out, 'verdict')} left out: the files they rest on changed since. Review them again.`)
      : null);
}

function history(ctx) {
  const exports = (ctx.state.review?.exports ?? []).slice(-8).reverse();
  if (!exports.length) return null;
  return h('section', { class: 'card', 'data-testid': 'export-history' },
    h('h2', {}, 'Recorded exports'),
    h('table', { class: 'table' },
      h('thead', {}, h('tr', {}, h('th', {}, 'When'), h('th', {}, 'What'), h('th', {}, 'Path'), h('th', {}, 'SHA-256'))),
      h('tbody', {}, ...exports.map((e) => h('tr', {},
        h('td', {}, when(e.at)), h('td', {}, titleOf(e.format)),
        h('td', { class: 'mono small' }, e.path), h('td', { class: 'mono small', title: e.sha256 }, shortHash(e.sha256, 16)))))));
}

export function render(ctx) {
  const ui = ctx.ui('export');
  const r = ctx.state.report;
  return h('div', { class: 'stack', 'data-testid': 'screen-export' },
    h('header', { class: 'page-head' },
      h('div', {}, h('h1', {}, 'Export'),
        h('p', {}, `Hand the work on: ${plural(filesIn(r), 'file')} as recorded in the store. Exports are written beside their final path and moved into place only when complete; never inside the corpus folder. Each is recorded, with its SHA-256, in the review log.`))),
    ui.result ? resultCard(ui.result) : null,
    reportCard(ctx),
    h('div', { class: 'grid-2' }, evidenceCard(ctx, 'sha256sum'), evidenceCard(ctx, 'bagit')),
    history(ctx));
}
