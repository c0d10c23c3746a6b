import { test } from 'node:test';
import assert from 'node:assert/strict';
import { caption, filterRows, sortRows, toRows } from '../logic/documents.js';

const doc = (path, publisher, origin, alignment, kind = 'text') => ({
  path,
  sha256: `${path.length}abc`,
  content_kind: kind,
  publisher: publisher ? { name: publisher, manual: false } : null,
  origin: origin ? { name: origin, manual: false } : null,
  relation: 'original',
  alignment,
});
const IRAN = { kind: 'state_media', country: 'Iran', state_affiliation: 'SC' };
const REUTERS = { kind: 'wire_agency', country: 'United Kingdom', state_affiliation: null };
const docs = [
  doc('003.txt', 'GlobalSecurity.org', 'Press TV', IRAN),
  doc('001.txt', 'SMA News', 'Reuters', REUTERS),
  doc('004.txt', null, null, null),
  doc('SHA256SUMS', null, null, null, 'manifest'),
];

test('the table hides non-article files unless asked, and says so', () => {
  const rows = toRows(docs, { '001.txt': 'modified' });
  assert.deepEqual(filterRows(rows).map((r) => r.path), ['003.txt', '001.txt', '004.txt']);
  assert.equal(filterRows(rows, { showAll: true }).length, 4);
  assert.equal(caption(rows), '3 articles · 1 other file');
});

test('filters by text, verification status and state affiliation', () => {
  const rows = toRows(docs, { '001.txt': 'modified', '003.txt': 'ok' });
  assert.deepEqual(filterRows(rows, { text: 'press tv' }).map((r) => r.path), ['003.txt']);
  assert.deepEqual(filterRows(rows, { status: 'modified' }).map((r) => r.path), ['001.txt']);
  assert.deepEqual(filterRows(rows, { status: 'unverified' }).map((r) => r.path), ['004.txt']);
  assert.deepEqual(filterRows(rows, { affiliation: 'state' }).map((r) => r.path), ['003.txt']);
  assert.deepEqual(filterRows(rows, { affiliation: 'none' }).map((r) => r.path), ['001.txt', '004.txt']);
});

test('sorts by any column both ways, unidentified last', () => {
  const rows = filterRows(toRows(docs));
  assert.deepEqual(sortRows(rows, 'path').map((r) => r.path), ['001.txt', '003.txt', '004.txt']);
  assert.deepEqual(sortRows(rows, 'path', 'desc').map((r) => r.path), ['004.txt', '003.txt', '001.txt']);
  assert.deepEqual(sortRows(rows, 'publisher').map((r) => r.publisher), ['GlobalSecurity.org', 'SMA News', null]);
  assert.deepEqual(sortRows(rows, 'origin').map((r) => r.origin), ['Press TV', 'Reuters', null]);
});
