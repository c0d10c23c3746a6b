// Article text is shown as text: it never becomes markup and never runs.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { h, renderSegments } from '../dom.js';
import { fakeDocument } from './fake-dom.js';

h.document = fakeDocument();

const HOSTILE = 'Breaking <script>alert(1)</script> and <img src=x onerror="alert(2)"> &amp; &lt;b&gt; café';

test('a document with <script>, <img onerror> and entities renders as the same characters, with no element made from them', () => {
  const el = renderSegments([
    { text: HOSTILE, mark: null },
    { text: '<b>Iran Press TV</b>', mark: 'origin', label: 'origin: <i>Press TV</i>' },
  ]);
  assert.equal(el.textContent, `${HOSTILE}<b>Iran Press TV</b>`);
  const tags = el.descendants().map((e) => e.tagName);
  assert.deepEqual(tags, ['MARK'], 'only the evidence mark is an element');
  assert.equal(el.descendants()[0].attributes.title, 'origin: <i>Press TV</i>', 'labels are attribute text');
  assert.equal(el.childNodes[0].nodeType, 3, 'the article text is a text node');
});

test('h() puts strings in as text nodes, never as markup', () => {
  const el = h('td', { class: 'path' }, '<img src=x onerror=alert(1)>', h('span', { text: '<script>' }));
  assert.equal(el.textContent, '<img src=x onerror=alert(1)><script>');
  assert.deepEqual(el.descendants().map((e) => e.tagName), ['SPAN']);
});

test('no UI module parses HTML (innerHTML, outerHTML, insertAdjacentHTML, document.write, eval)', () => {
  const ui = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const files = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory() && e.name !== 'test') walk(p);
      else if (e.name.endsWith('.js') || e.name.endsWith('.html')) files.push(p);
    }
  };
  walk(ui);
  assert.ok(files.length > 5);
  for (const f of files) {
    const src = fs.readFileSync(f, 'utf8').replace(/^\s*\/\/.*$/gm, '');
    for (const bad of ['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'document.write', 'eval(', 'new Function']) {
      assert.ok(!src.includes(bad), `${path.relative(ui, f)} uses ${bad}`);
    }
  }
  const html = fs.readFileSync(path.join(ui, 'index.html'), 'utf8');
  assert.ok(!/<script(?![^>]*\bsrc=)[^>]*>/.test(html), 'no inline script in index.html');
  assert.ok(!/\son[a-z]+=/.test(html), 'no inline event handlers in index.html');
});
