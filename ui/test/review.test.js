import { test } from 'node:test';
import assert from 'node:assert/strict';
import { annotationsOf, echoProgress, keyAction, move, nextUnreviewed, openSession, progress, queue } from '../logic/review.js';

const docs = ['a.txt', 'b.txt', 'c.txt'].map((path) => ({ path, content_kind: 'text' }));

test('without clusters the queue holds the articles, each resting on the whole file', () => {
  const q = queue({ documents: [...docs, { path: 'SHA256SUMS', content_kind: 'manifest' }], clusters: [] });
  assert.equal(q.kind, 'document');
  assert.deepEqual(q.items.map((i) => i.id), ['a.txt', 'b.txt', 'c.txt']);
  assert.deepEqual(q.items[0].spans, [{ path: 'a.txt', pathHex: null, start: null, end: null }]);
});

test('with clusters the queue holds the clusters loaded so far; spans come with a cluster\'s detail', () => {
  const list = { total: 3, clusters: [{ id: 'c1', text: 'x', documents: ['a.txt'] }, { id: 'c2', text: 'y', documents: ['b.txt'] }] };
  const details = { c1: { cluster: { id: 'c1', claims: ['k1'] }, members: [{ id: 'k1', document: 'a.txt', text: 'x', start: 1, end: 2, cluster: 'c1' }] } };
  const q = queue({ documents: docs }, list, details);
  assert.equal(q.kind, 'cluster');
  assert.equal(q.total, 3, 'the whole list, not only what is loaded');
  assert.deepEqual(q.items.map((i) => [i.id, i.title]), [['c1', 'x'], ['c2', 'y']]);
  assert.deepEqual(q.items[0].spans, [{ path: 'a.txt', pathHex: null, start: 1, end: 2 }]);
  assert.equal(q.items[1].spans, null, 'not loaded yet: nothing to rest a verdict on');
  const verdicts = { 'cluster:c1': { verdict: 'disputed', stale: false }, 'document:a.txt': { verdict: 'corroborated', stale: false } };
  assert.equal(progress(q, verdicts).text, '1 of 3 reviewed', 'counted over the whole list, clusters only');
});

test('progress counts fresh verdicts; a stale one must be looked at again', () => {
  const q = queue({ documents: docs });
  const { items } = q;
  const verdicts = { 'document:a.txt': { verdict: 'corroborated', stale: false }, 'document:b.txt': { verdict: 'disputed', stale: true } };
  assert.deepEqual(progress(q, verdicts), { reviewed: 1, stale: 1, total: 3, text: '1 of 3 reviewed' });
  assert.equal(nextUnreviewed(items, 0, verdicts), 1, 'the stale one is next');
  assert.equal(nextUnreviewed(items, 2, verdicts), 1, 'wraps around');
  assert.equal(move(items, 2, 1), 2);
  assert.equal(move(items, 0, -1), 0);
});

test('keyboard: j/k move, 1–4 give verdicts, n notes, Ctrl+Enter saves even in the note', () => {
  assert.deepEqual(keyAction({ key: 'j' }), { type: 'move', step: 1 });
  assert.deepEqual(keyAction({ key: 'ArrowUp' }), { type: 'move', step: -1 });
  assert.deepEqual(keyAction({ key: '2' }), { type: 'verdict', verdict: 'single_source' });
  assert.deepEqual(keyAction({ key: 'n' }), { type: 'note' });
  assert.deepEqual(keyAction({ key: 'Enter', ctrlKey: true, inField: true }), { type: 'save' });
  assert.equal(keyAction({ key: '2', inField: true }), null, 'typing a 2 in the note is just a 2');
  assert.deepEqual(keyAction({ key: 'Escape', inField: true }), { type: 'leave-field' });
});

test('the open session and a target\'s annotations, newest first', () => {
  assert.equal(openSession([{ id: 2, ended_at: null }, { id: 1, ended_at: 'x' }]).id, 2);
  assert.equal(openSession([{ id: 1, ended_at: 'x' }]), null);
  const anns = [
    { seq: 2, target: { kind: 'document', id: 'a.txt' } },
    { seq: 3, target: { kind: 'cluster', id: 'a.txt' } },
    { seq: 4, target: { kind: 'document', id: 'a.txt' } },
  ];
  assert.deepEqual(annotationsOf('document', 'a.txt', anns).map((a) => a.seq), [4, 2]);
});

test('echo progress counts fresh verdicts on echoes only, and is absent without echoes', () => {
  const list = {
    total: 3,
    clusters: [
      { id: 'c1', corroboration: 'echo', text: 'a' },
      { id: 'c2', corroboration: 'echo', text: 'b' },
      { id: 'c3', corroboration: 'corroborated', text: 'c' },
    ],
  };
  const q = queue({ documents: [] }, list);
  const verdicts = {
    'cluster:c1': { verdict: 'single_source', stale: false },
    'cluster:c2': { verdict: 'disputed', stale: true },
    'cluster:c3': { verdict: 'corroborated', stale: false },
  };
  assert.deepEqual(echoProgress(q, verdicts, 2), { reviewed: 1, total: 2, text: 'echoes: 1 of 2 reviewed' });
  assert.equal(echoProgress(q, verdicts, 0), null);
  assert.equal(echoProgress(queue({ documents: [] }, null), verdicts, 2), null, 'a queue of articles has no echoes');
});
