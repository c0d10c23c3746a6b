import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alignmentBadge, capturedHow, countsLine, evidencePlace, folderName, humanBytes, recordPlace, shortHash, verdictLabel, when } from '../logic/format.js';

test('the alignment badge names kind, country and state affiliation, and warns on state control', () => {
  assert.deepEqual(alignmentBadge({ kind: 'state_media', country: 'Iran', owner: 'IRIB', state_affiliation: 'SC' }), {
    text: 'state media · Iran · SC',
    title: 'state media · Iran · owner: IRIB · state affiliation SC: state-controlled',
    tone: 'state',
  });
  assert.equal(alignmentBadge({ kind: 'wire_agency', country: 'United Kingdom', owner: null, state_affiliation: null }).tone, 'wire');
  assert.equal(alignmentBadge({ kind: 'public_broadcaster', country: 'Germany', state_affiliation: 'ISFM' }).tone, 'public');
  assert.equal(alignmentBadge({ kind: 'unknown', country: null, state_affiliation: null }).text, 'unknown producer');
  assert.equal(alignmentBadge(null), null);
});

test('hashes, sizes, dates and folders read as the screens show them', () => {
  assert.equal(shortHash('b4384720eb89aaaa'), 'b4384720eb89');
  assert.equal(shortHash(null), '—');
  assert.equal(humanBytes(2615), '2.6 KiB');
  assert.equal(humanBytes(12), '12 B');
  assert.equal(when('2026-11-22T06:16:07.093Z'), '2026-11-22 06:16 UTC');
  assert.equal(folderName('/home/u/Libya coverage/'), 'Libya coverage');
});

test('verification counts and verdicts in words', () => {
  assert.equal(countsLine({ ok: 5, modified: 1, missing: 0 }), '5 ok, 1 modified');
  assert.equal(countsLine({}), 'nothing to check');
  assert.equal(verdictLabel('single_source'), 'Single source — needs a second source');
});

test('a capture reads as how and when, and a missing time says so', () => {
  assert.equal(capturedHow({ format: 'mhtml', url: 'https://x.org/a', at: '2024-01-02T10:11:12Z' }), 'as MHTML on 2024-01-02 10:11 UTC');
  assert.equal(capturedHow({ format: 'saved_html', url: 'https://x.org/a', at: null }), "by a browser's Save Page (time not recorded)");
  assert.equal(capturedHow(null), null);
});

test('a page from a web archive says which record of which file, and whether its digest holds', () => {
  const capture = {
    format: 'warc', url: 'http://www.aljazeera.com/news/x', at: '2026-12-01T06:51:36Z',
    record: { container: 'crawl.warc.gz', offset: 896, inner: 0, record_id: null, payload_digest: 'matches', block_digest: 'matches', software: 'Wget/1.21.3', http_status: 200 },
  };
  assert.equal(capturedHow(capture), 'in a web archive (WARC) on 2026-12-01 06:51 UTC');
  assert.equal(recordPlace(capture), 'the record at byte 896 of crawl.warc.gz, written by Wget/1.21.3; payload digest matches its bytes');
  const damaged = { ...capture, record: { ...capture.record, inner: 120, software: null, payload_digest: 'differs' } };
  assert.match(recordPlace(damaged), /^the record at byte 896 \+ 120 of crawl\.warc\.gz; payload digest DIFFERS/);
  assert.equal(recordPlace({ format: 'mhtml', url: 'https://x.org/a', at: null }), null);
});

test('evidence is placed by page in a PDF, by line and bytes elsewhere, and not at all when it has no place', () => {
  assert.equal(evidencePlace({ line: 41, start: null, end: null, page: 2 }), 'page 2 · line 41 of its text');
  assert.equal(evidencePlace({ line: 3, start: 10, end: 42 }), 'line 3 · bytes 10–42');
  assert.equal(evidencePlace({ line: 3, start: null, end: null }), 'line 3');
  assert.equal(evidencePlace({ line: null, start: null, end: null }), '');
});
