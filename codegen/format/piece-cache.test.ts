import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { benchmarkDesign } from '@/bench/codegen-designs';
import { renderWorkflow } from '../emit/render';
import { formatTypeScriptWhole } from './index';
import { lowerDesign } from '../ir/lower';
import { parseDesign } from '../parse';
import type { Design } from '../schema/design';
import { validateDesign } from '../validate';
import { PieceCache } from './piece-cache';
import { PLACEHOLDER_PREFIX } from './split';

const goldenRoot = join(import.meta.dirname, '..', '__golden__');

function render(design: unknown): Array<{ path: string; contents: string }> {
  const parsed = parseDesign(design);
  assert.ok(parsed.ok, 'design parses');
  const { validated } = validateDesign(parsed.design);
  assert.ok(validated, 'design validates');
  return renderWorkflow(lowerDesign(validated));
}

function goldenDesigns(): Array<[string, Design]> {
  return readdirSync(goldenRoot).map((name) => [name, JSON.parse(readFileSync(join(goldenRoot, name, 'design.json'), 'utf8')) as Design]);
}

/** User text that stresses comments and strings: quotes, backticks, `${`, comment ends, separators. */
const HOSTILE = 'a */ `${x}` \u2028 \'q\' "d" // } { case x: \\';

async function assertSameAsWhole(cache: PieceCache, source: string, what: string): Promise<void> {
  assert.equal(await cache.format(source), await formatTypeScriptWhole(source), `${what}: piece-cached output differs from whole-file prettier`);
}

test('every golden design and the 10/100/500-node benchmark designs format byte-identically, cold and cached', async () => {
  const cache = new PieceCache(formatTypeScriptWhole);
  const designs: Array<[string, unknown]> = [...goldenDesigns(), ...[10, 100, 500].map((n): [string, unknown] => [`bench ${n}`, benchmarkDesign(n)])];
  let split = 0;
  for (const [name, design] of designs) {
    for (const file of render(design)) {
      cache.clear();
      await assertSameAsWhole(cache, file.contents, `${name}/${file.path} (cold)`);
      if (cache.lastStats.pieces > 0) split++;
      await assertSameAsWhole(cache, file.contents, `${name}/${file.path} (cached)`);
      assert.ok(cache.lastStats.fileHit);
    }
  }
  assert.ok(split >= designs.length, 'every workflows.ts was split into pieces');
});

test('an edit inside one node re-formats exactly that piece, without re-splitting, byte-identically', async () => {
  const cache = new PieceCache(formatTypeScriptWhole);
  const design = benchmarkDesign(500);
  const workflows = (d: Design) => render(d).find((f) => f.path === 'workflows.ts')!.contents;
  await assertSameAsWhole(cache, workflows(design), 'initial');
  const pieces = cache.lastStats.pieces;
  assert.ok(pieces > 400);

  for (const [i, text] of ['x', 'xy', HOSTILE, 'xy'].entries()) {
    const edited = structuredClone(design);
    const node = edited.nodes.find((n) => n.id === 'step249');
    assert.ok(node?.type === 'activity');
    node.args = { message: `${JSON.stringify(text)} + note` };
    node.label = `Step 249 ${text}`; // becomes a comment in the same case
    await assertSameAsWhole(cache, workflows(edited), `edit ${i}`);
    if (i === 3) {
      assert.equal(cache.lastStats.fileHit, true, 'the last edit repeats an earlier one: the whole file is cached');
      continue;
    }
    assert.equal(cache.lastStats.editedInPlace, true, `edit ${i} reused the layout`);
    assert.equal(cache.lastStats.skeletonFormatted, false);
    assert.equal(cache.lastStats.piecesFormatted, 1, `edit ${i} formatted one piece`);
    assert.equal(cache.lastStats.pieces, pieces);
  }
});

test('an edit to the structure re-splits and formats only the pieces that are new', async () => {
  const cache = new PieceCache(formatTypeScriptWhole);
  const design = benchmarkDesign(100);
  const workflows = (d: Design) => render(d).find((f) => f.path === 'workflows.ts')!.contents;
  await assertSameAsWhole(cache, workflows(design), 'initial');

  const before = cache.lastStats.pieces;
  const fewer = structuredClone(design);
  fewer.nodes = fewer.nodes.filter((node) => node.id !== 'handler9'); // a handler less: one statement and one import fewer
  await assertSameAsWhole(cache, workflows(fewer), 'handler removed');
  assert.equal(cache.lastStats.editedInPlace, false);
  assert.equal(cache.lastStats.skeletonFormatted, true);
  assert.equal(cache.lastStats.pieces, before - 1);
  assert.ok(cache.lastStats.piecesFormatted <= 2, `only the changed import is formatted again (${cache.lastStats.piecesFormatted})`);

  const hostile = structuredClone(design);
  for (const node of hostile.nodes) node.label = `${node.label} ${HOSTILE}`;
  hostile.description = HOSTILE;
  await assertSameAsWhole(cache, workflows(hostile), 'hostile labels everywhere');
  assert.ok(cache.lastStats.piecesFormatted > 0 && cache.lastStats.pieces > 0);
});

test('every golden design with hostile text in every label formats byte-identically', async () => {
  const cache = new PieceCache(formatTypeScriptWhole);
  for (const [name, design] of goldenDesigns()) {
    const hostile = structuredClone(design);
    for (const node of hostile.nodes) node.label = `${node.label} ${HOSTILE}`;
    for (const file of render(hostile)) await assertSameAsWhole(cache, file.contents, `${name}/${file.path}`);
  }
});

test('an edit that splits a piece in two is not spliced in place', async () => {
  const cache = new PieceCache(formatTypeScriptWhole);
  const source = render(benchmarkDesign(100)).find((f) => f.path === 'workflows.ts')!.contents;
  await cache.format(source);
  // Turns one handler registration into two statements: still valid TypeScript, different structure.
  const inHandler = 'counter = counter + args.by;';
  const at = source.indexOf(inHandler);
  const broken = `${source.slice(0, at)}counter = 1; }); setHandler(bump0Signal, (args) => {${source.slice(at)}`;
  await assertSameAsWhole(cache, broken, 'structure changed inside a piece');
  assert.equal(cache.lastStats.editedInPlace, false);
});

test('sources it cannot split are formatted whole, and syntax errors keep prettier\'s message', async () => {
  const cache = new PieceCache(formatTypeScriptWhole);
  await assertSameAsWhole(cache, 'const  a = "x"', 'small');
  assert.equal(cache.lastStats.whole, 'small');
  const withPrefix = `${'const a = 1;\n'.repeat(100)}const ${PLACEHOLDER_PREFIX}1__ = "x";\n`;
  await assertSameAsWhole(cache, withPrefix, 'placeholder prefix in the source');
  await assert.rejects(cache.format(`${'const a = 1;\n'.repeat(100)}const = ;`), /Unexpected token|SyntaxError/);
});

test('the cache stays within its bounds', async () => {
  const cache = new PieceCache(formatTypeScriptWhole, { maxEntries: 50, maxChars: 60_000 });
  for (const n of [10, 20, 40, 100]) {
    for (const file of render(benchmarkDesign(n))) {
      await assertSameAsWhole(cache, file.contents, `bench ${n}/${file.path}`);
      assert.ok(cache.usage.entries <= 50 && cache.usage.chars <= 60_000, JSON.stringify(cache.usage));
    }
  }
});

test('wholeFirst: a design seen for the first time is formatted whole, split into the cache afterwards, and its edits go in place', async () => {
  const cache = new PieceCache(formatTypeScriptWhole, undefined, { wholeFirst: true });
  const design = benchmarkDesign(100);
  const workflows = (d: Design) => render(d).find((f) => f.path === 'workflows.ts')!.contents;
  await assertSameAsWhole(cache, workflows(design), 'first seen');
  assert.equal(cache.lastStats.whole, 'first-seen');
  assert.equal(cache.lastStats.pieces, 0, 'not split while the caller waits');

  await cache.settled();
  const edited = structuredClone(design);
  const node = edited.nodes.find((n) => n.type === 'activity') as { args: Record<string, string> } | undefined;
  assert.ok(node, 'the design has an activity node');
  node.args = { message: '"edited: " + note' };
  await assertSameAsWhole(cache, workflows(edited), 'edit after the split');
  assert.ok(cache.lastStats.editedInPlace, 'the split layout was remembered');
  assert.equal(cache.lastStats.piecesFormatted, 1);
});

test('wholeFirst: clear() drops a split that was scheduled before it', async () => {
  const cache = new PieceCache(formatTypeScriptWhole, undefined, { wholeFirst: true });
  const source = render(benchmarkDesign(100)).find((f) => f.path === 'workflows.ts')!.contents;
  await cache.format(source);
  cache.clear();
  await cache.settled();
  assert.deepEqual(cache.usage, { entries: 0, chars: 0 });
});

test('wholeFirst with splitNow: the caller that sends edits next gets the source split before its answer', async () => {
  const cache = new PieceCache(formatTypeScriptWhole, undefined, { wholeFirst: true });
  const source = render(benchmarkDesign(100)).find((f) => f.path === 'workflows.ts')!.contents;
  assert.equal(await cache.format(source, { splitNow: true }), await formatTypeScriptWhole(source));
  assert.equal(cache.lastStats.whole, null);
  assert.ok(cache.lastStats.pieces > 0, 'split while the caller waits');
});
