import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classOf, conflictValue, flagsOf, membersOf, model, provenanceLayout, spansOf } from '../logic/claims.js';

// A report in the claims contract: two clusters about the death toll.
const report = {
  documents: [
    { path: 'a.txt', origin_group: 'outlet:press-tv', origin: { name: 'Press TV' }, publisher: { name: 'GlobalSecurity.org' }, alignment: { state_affiliation: 'SC', country: 'Iran' } },
    { path: 'b.txt', origin_group: 'outlet:press-tv', origin: { name: 'Press TV' }, publisher: { name: 'Press TV' }, alignment: { state_affiliation: 'SC', country: 'Iran' } },
    { path: 'c.txt', origin_group: 'outlet:reuters', origin: { name: 'Reuters' }, publisher: { name: 'SMA News' }, alignment: { country: 'United Kingdom' } },
  ],
  claims: [
    { id: 'k1', document: 'a.txt', text: 'at least 1,093 killed', start: 10, end: 31, kind: 'figure', speaker: null, attribution: 'WHO', quantities: ['1093 killed'], cluster: 'c1' },
    { id: 'k2', document: 'b.txt', text: 'at least 1,093 people killed', start: 5, end: 33, kind: 'figure', speaker: null, attribution: 'WHO', quantities: ['1093 killed'], cluster: 'c1' },
    { id: 'k3', document: 'c.txt', text: '510 killed', start: 0, end: 10, kind: 'figure', speaker: null, attribution: null, quantities: ['510 killed'], cluster: 'c2' },
  ],
  clusters: [
    { id: 'c1', claims: ['k1', 'k2'], documents: ['a.txt', 'b.txt'], origin_groups: ['outlet:press-tv'], independent_origins: 1, corroboration: 'echo', single_source: true, primary_sources: ['WHO'], single_primary: false, single_alignment: false, explanation: 'a.txt and b.txt are both Press TV' },
    { id: 'c2', claims: ['k3'], documents: ['c.txt'], origin_groups: ['outlet:reuters'], independent_origins: 1, single_source: false, primary_sources: [], single_primary: false, single_alignment: false, explanation: '' },
  ],
  conflicts: [{ clusters: ['c1', 'c2'], quantity: 'killed', values: [1093, 510] }],
};

test('a partial report (a page, a detail, nothing yet) is a model, not an error', () => {
  assert.equal(model({}).clusters.length, 0, 'missing arrays are empty');
  const m = model({ clusters: [report.clusters[0]], conflicts: report.conflicts, documents: report.documents });
  assert.deepEqual(membersOf(report.clusters[0], m), [], 'members come with the detail');
});

test('flags include conflicts named by the conflicting figures', () => {
  const m = model({ conflicts: report.conflicts });
  assert.deepEqual(flagsOf(report.clusters[0], m), ['conflicting'], 'the class is not a flag');
  assert.deepEqual(flagsOf(report.clusters[1], m), ['conflicting']);
  assert.deepEqual(flagsOf(report.clusters[1], model({})), []);
});

test('a cluster\'s class is the core\'s word, shown as it is; unknown data has none', () => {
  assert.equal(classOf(report.clusters[0]).label, 'Echo');
  assert.match(classOf(report.clusters[0]).hint, /looks corroborated, is not/);
  assert.equal(classOf(report.clusters[1]), null, 'no class in the data: none shown, none guessed');
  assert.equal(classOf({ corroboration: 'everything' }), null);
});

test('a verdict on a cluster rests on its claims\' spans', () => {
  const m = model(report);
  assert.deepEqual(spansOf(report.clusters[0], m), [
    { path: 'a.txt', pathHex: null, start: 10, end: 31 },
    { path: 'b.txt', pathHex: null, start: 5, end: 33 },
  ]);
});

test('the provenance picture collapses two documents into one origin and one primary source', () => {
  const layout = provenanceLayout(report.clusters[0], model(report));
  const cols = [0, 1, 2].map((c) => layout.nodes.filter((n) => n.col === c).map((n) => n.label));
  assert.deepEqual(cols, [['a.txt', 'b.txt'], ['Press TV'], ['WHO']]);
  assert.deepEqual(layout.edges, [
    { from: 'doc:a.txt', to: 'origin:outlet:press-tv' },
    { from: 'origin:outlet:press-tv', to: 'primary:WHO' },
    { from: 'doc:b.txt', to: 'origin:outlet:press-tv' },
  ]);
  assert.ok(layout.height > 36 + 44, 'tall enough for two rows');
});

test('a conflicting figure says the day its report is of, or that the day is unknown', () => {
  const v = { text: 'at least 1,093 people', document: '000.txt', value: 1093 };
  assert.equal(conflictValue({ ...v, reported: '2020-08-05' }), 'at least 1,093 people (000.txt, reported 2020-08-05)');
  assert.equal(conflictValue({ ...v, reported: '--08-05' }), 'at least 1,093 people (000.txt, reported 08-05 (no year given))');
  assert.equal(conflictValue({ ...v, reported: null }), 'at least 1,093 people (000.txt, day unknown)');
});
