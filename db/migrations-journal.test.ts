import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';

const dir = new URL('./migrations/', import.meta.url);

interface Journal {
  entries: Array<{ idx: number; tag: string }>;
}

// drizzle's migrator runs only what the journal lists: a .sql file missing from it never runs, and
// nothing says so (0010_groups was dropped from the journal once when two helpers added 0010 and 0011).
test('every migration file is in the journal, in order, and every journal entry has its file', () => {
  const files = readdirSync(dir).filter((name) => name.endsWith('.sql')).map((name) => name.replace(/\.sql$/, '')).sort();
  const journal = JSON.parse(readFileSync(new URL('meta/_journal.json', dir), 'utf8')) as Journal;
  assert.deepEqual(journal.entries.map((e) => e.tag), files);
  assert.deepEqual(journal.entries.map((e) => e.idx), files.map((_, i) => i));
  for (const [i, tag] of files.entries()) assert.ok(tag.startsWith(String(i).padStart(4, '0')), `${tag} is migration ${i}`);
});
