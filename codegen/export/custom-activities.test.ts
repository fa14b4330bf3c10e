import assert from 'node:assert/strict';
import { test } from 'node:test';
import { goldenDesign } from '../testing/fixtures';
import { typecheckProject } from '../verify/typecheck';
import { exportProject } from './index';
import { writeExport } from './testing';

/** An exported project carries the design's custom activities and registers them in its worker. */
test('custom activities are exported as their own files, registered through activities.ts, and the project type-checks', async () => {
  const design = goldenDesign('custom-activity');
  // The user's own quoting style must not hide a package from package.json.
  design.activities![1]!.source = design.activities![1]!.source.replace("from '@temporalio/activity'", 'from "@temporalio/activity"');
  const result = await exportProject(design);
  assert.ok(result.ok, JSON.stringify(result.diagnostics));
  const source = (path: string) => result.files.find((f) => f.path === path)?.contents;
  assert.equal(source('src/activities/computeDiscount.ts'), design.activities![0]!.source);
  assert.equal(source('src/activities/archiveQuote.ts'), design.activities![1]!.source);
  // The worker registers `* as activities`: the custom ones are exported there under their declared signatures.
  assert.match(source('src/worker.ts')!, /import \* as activities from '\.\/activities';/);
  assert.match(source('src/activities.ts')!, /export const archiveQuote: \(input: ArchiveQuoteInput\) => Promise<void> = archiveQuoteImplementation;/);
  assert.ok(JSON.parse(source('package.json')!).dependencies['@temporalio/activity']);
  const written = writeExport(result.files, 'custom-activities');
  try {
    assert.deepEqual(typecheckProject(written.dir), []);
  } finally {
    written.remove();
  }
});

test("the exported README lists the custom activities' files", async () => {
  const result = await exportProject(goldenDesign('custom-activity'));
  const readme = result.files.find((f) => f.path === 'README.md')!.contents;
  assert.match(readme, /\| `src\/activities\/computeDiscount\.ts` \| The custom activity `computeDiscount`, as written in Signalbox/);
});
