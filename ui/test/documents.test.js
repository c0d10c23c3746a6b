import { test } from 'node:test';
import assert from 'node:assert/strict';
import { caption, countLine, filesIn, isFiltered, queryOf } from '../logic/documents.js';

test('the screen state becomes one query per table the store can sort and filter', () => {
  assert.deepEqual(queryOf(), { text: '', status: '', affiliation: '', showAll: false, sort: 'path', dir: 'asc' });
  // Equal tables share one cached list: whitespace around words does not count.
  assert.deepEqual(queryOf({ filter: { text: '  press tv ' } }), queryOf({ filter: { text: 'press tv' } }));
  assert.deepEqual(queryOf({ filter: { status: 'modified', showAll: 1 }, sort: 'publisher', dir: 'desc' }),
    { text: '', status: 'modified', affiliation: '', showAll: true, sort: 'publisher', dir: 'desc' });
  // A key the store does not sort by falls back to the path, not an error.
  assert.equal(queryOf({ sort: 'size' }).sort, 'path');
  assert.equal(queryOf({ dir: 'sideways' }).dir, 'asc');
  assert.equal(isFiltered(queryOf({ filter: { showAll: true } })), false);
  assert.equal(isFiltered(queryOf({ filter: { affiliation: 'state' } })), true);
});

test('the line above the table says what is loaded, what matches and of how many', () => {
  const totals = { articles: 100000, others: 2 };
  const page = { total: 100000, matching: { articles: 100000, others: 0 }, documents: new Array(200) };
  assert.equal(countLine(page, totals, false), '200 loaded · 100,000 articles shown of 100,000 articles');
  const all = { total: 5, matching: { articles: 4, others: 1 }, documents: new Array(5) };
  assert.equal(countLine(all, { articles: 4, others: 1 }, true), '4 articles · 1 other file shown of 4 articles · 1 other file');
  assert.equal(countLine({ total: 0, matching: { articles: 0, others: 0 }, documents: [] }, totals, false),
    '0 articles shown of 100,000 articles');
  assert.equal(caption({ articles: 1, others: 0 }), '1 article');
  assert.equal(filesIn({ totals: { articles: 5, others: 1 } }), 6);
  assert.equal(filesIn(null), 0);
});
