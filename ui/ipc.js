// Every call to the app's core goes through this module: commands, progress
// channels, the native dialogs and drag-and-drop. Nothing else touches
// window.__TAURI__, so the rest of the UI can be tested without a window.

const tauri = () => {
  const t = globalThis.__TAURI__;
  if (!t) throw { kind: 'internal', message: 'not running inside the Provenance Auditor window' };
  return t;
};

/** Normalises anything thrown by a command to `{kind, message}`. */
export function toError(e) {
  if (e && typeof e === 'object' && typeof e.kind === 'string' && typeof e.message === 'string') {
    return { kind: e.kind, message: e.message };
  }
  return { kind: 'internal', message: String(e && e.message ? e.message : e) };
}

async function call(cmd, args = {}) {
  try {
    return await tauri().core.invoke(cmd, args);
  } catch (e) {
    throw toError(e);
  }
}

/** A progress channel whose messages go to `onProgress`. */
function channel(onProgress) {
  const ch = new (tauri().core.Channel)();
  ch.onmessage = (event) => onProgress && onProgress(event);
  return ch;
}

export const api = {
  startup: () => call('startup'),
  recentCorpora: () => call('recent_corpora'),
  openCorpus: (folder, onProgress) => call('open_corpus', { folder, onProgress: channel(onProgress) }),
  corpusOverview: () => call('corpus_overview'),
  documentsPage: (query, offset, limit) => call('documents_page', { query, offset, limit }),
  document: (doc) => call('document', { path: doc.path, pathHex: doc.path_bytes_hex ?? null }),
  setOutlet: (doc, field, value, reviewer, note) =>
    call('set_outlet', { path: doc.path, pathHex: doc.path_bytes_hex ?? null, field, value, reviewer, note }),
  verify: (folder, onProgress) => call('verify', { folder: folder ?? null, onProgress: channel(onProgress) }),
  history: () => call('history'),
  claimsOverview: () => call('claims_overview'),
  claimsPage: (flags, review, offset, limit) => call('claims_page', { flags, review, offset, limit }),
  clusterDetail: (id) => call('cluster_detail', { id }),
  search: (query, scope, offset, limit) => call('search', { query, scope, offset, limit }),
  exportEvidence: (format, out, onProgress, sessionId = null, replace = false) => call('export', { format, out, sessionId, replace, onProgress: channel(onProgress) }),
  cancelJob: () => call('cancel_job'),
  reviewState: () => call('review_state'),
  startSession: (reviewer, title) => call('start_session', { reviewer, title }),
  resumeSession: (id) => call('resume_session', { id }),
  closeSession: (id) => call('close_session', { id }),
  recordAnnotation: ({ sessionId, targetKind, targetId, verdict, note, spans }) =>
    call('record_annotation', { sessionId, targetKind, targetId, verdict: verdict ?? null, note: note ?? null, spans: spans ?? [] }),
};

/** The native folder chooser; `null` when cancelled. */
export async function chooseFolder(title) {
  return call('plugin:dialog|open', { options: { directory: true, multiple: false, title } });
}

/** The native file chooser for one web archive (WARC, WACZ) or saved
 * page: a corpus of its own; `null` when cancelled. */
export async function chooseArchive(title) {
  return call('plugin:dialog|open', {
    options: {
      directory: false,
      multiple: false,
      title,
      filters: [
        { name: 'Web archives', extensions: ['warc', 'gz', 'wacz'] },
        { name: 'Saved pages and PDFs', extensions: ['html', 'htm', 'mhtml', 'mht', 'pdf', 'txt'] },
      ],
    },
  });
}

/** The native save dialog; `null` when cancelled. */
export async function chooseSavePath(title, defaultPath) {
  return call('plugin:dialog|save', { options: { title, defaultPath } });
}

/** Calls `onDrop(paths)` when folders or files are dropped on the window. */
export async function onDrop(onDrop, onHover) {
  const webview = tauri().webview?.getCurrentWebview?.();
  if (!webview) return () => {};
  return webview.onDragDropEvent((event) => {
    const p = event.payload;
    if (p.type === 'over' || p.type === 'enter') onHover && onHover(true);
    else if (p.type === 'leave') onHover && onHover(false);
    else if (p.type === 'drop') {
      onHover && onHover(false);
      onDrop(p.paths || []);
    }
  });
}

/** Copies text to the clipboard (the web API: no plugin needed). */
export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // WebKitGTK may refuse the async clipboard; fall back to a selection copy.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'offscreen';
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}
