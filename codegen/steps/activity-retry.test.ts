import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileDesign } from '../pipeline';
import type { NodeOfType } from '../schema/design';
import { goldenDesign } from '../testing/fixtures';

/**
 * An activity node's Temporal options (start-to-close, schedule-to-close, retry policy): finite
 * defaults for designs that say nothing, the node's own values in the proxy it is called through,
 * and bad values refused with a diagnostic naming the node and the field.
 */
function withPost(change: (post: NodeOfType<'activity'>) => void) {
  const design = goldenDesign('message-queue');
  const post = design.nodes.find((n) => n.id === 'post') as NodeOfType<'activity'>;
  change(post);
  return compileDesign(design);
}

const workflowsOf = (files: { path: string; contents: string }[]) => files.find((f) => f.path === 'workflows.ts')?.contents ?? '';

test('a node without retry options retries at most 5 times, 1 s apart doubling up to 1 min (Temporal alone would retry forever)', async () => {
  const result = await withPost((post) => {
    delete post.retry;
    delete post.scheduleToCloseTimeout;
    delete post.startToCloseTimeout;
  });
  assert.ok(result.ok, JSON.stringify(result.diagnostics));
  assert.match(
    workflowsOf(result.files),
    /const \{ http \} = proxyActivities<typeof activities>\(\{\n {2}startToCloseTimeout: '1 minute',\n {2}retry: \{\n {4}maximumAttempts: 5,\n {4}initialInterval: '1 second',\n {4}backoffCoefficient: 2,\n {4}maximumInterval: '1 minute',\n {2}\},\n\}\);/,
  );
});

test("a node's options reach its proxy; options it leaves out keep their defaults", async () => {
  const result = await withPost((post) => {
    post.retry = { maximumAttempts: 1 };
    delete post.scheduleToCloseTimeout;
  });
  assert.ok(result.ok, JSON.stringify(result.diagnostics));
  const code = workflowsOf(result.files);
  assert.match(code, /const activitiesWithin10SecondsWithoutRetries = proxyActivities<typeof activities>\(\{\n {2}startToCloseTimeout: '10 seconds',\n {2}retry: \{\n {4}maximumAttempts: 1,\n {4}initialInterval: '1 second',/);
  assert.match(code, /await activitiesWithin10SecondsWithoutRetries\.http\(/);
});

test('two nodes with different policies get two proxies with distinct names', async () => {
  const design = goldenDesign('custom-activity');
  const [discount, archive] = ['discount', 'archive'].map((id) => design.nodes.find((n) => n.id === id) as NodeOfType<'activity'>);
  discount.retry = { backoffCoefficient: 1.5 };
  archive.retry = { backoffCoefficient: 1 };
  delete archive.startToCloseTimeout;
  const result = await compileDesign(design);
  assert.ok(result.ok, JSON.stringify(result.diagnostics));
  const code = workflowsOf(result.files);
  assert.match(code, /await activitiesWithRetryPolicy\.computeDiscount\(/);
  assert.match(code, /await activitiesWithRetryPolicy2\.archiveQuote\(/);
});

test('bad values are refused by the schema, naming the node and the field', async () => {
  const cases: [Record<string, unknown>, RegExp][] = [
    [{ maximumAttempts: 0 }, /^Activity "Post the next message": "retry\.maximumAttempts" must be at least 1/],
    [{ maximumAttempts: 2.5 }, /"retry\.maximumAttempts" must be a whole number/],
    [{ backoffCoefficient: 0.5 }, /"retry\.backoffCoefficient" must be at least 1/],
    [{ initialInterval: { amount: -1, unit: 'seconds' } }, /"retry\.initialInterval\.amount"/],
    [{ nonRetryableErrorTypes: ['Card declined'] }, /"retry\.nonRetryableErrorTypes\.0" must be an error type name such as "CardDeclined"/],
  ];
  for (const [retry, message] of cases) {
    const result = await withPost((post) => Object.assign(post, { retry }));
    assert.equal(result.ok, false);
    const diagnostic = result.diagnostics.find((d) => d.nodeId === 'post');
    assert.ok(diagnostic, JSON.stringify(result.diagnostics));
    assert.match(diagnostic.message, message);
  }
});

test('intervals and timeouts that contradict each other are errors on their field', async () => {
  const shrinking = await withPost((post) => {
    post.retry = { initialInterval: { amount: 2, unit: 'minutes' }, maximumInterval: { amount: 30, unit: 'seconds' } };
  });
  assert.deepEqual(
    shrinking.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.nodeId, d.field, d.code]),
    [['post', 'retry.maximumInterval', 'activity.retry']],
  );
  const short = await withPost((post) => {
    post.scheduleToCloseTimeout = { amount: 5, unit: 'seconds' };
  });
  const error = short.diagnostics.find((d) => d.severity === 'error');
  assert.equal(error?.field, 'scheduleToCloseTimeout');
  assert.match(error?.message ?? '', /^Activity "Post the next message" has a schedule-to-close timeout \(all attempts\) shorter than its start-to-close timeout/);
});
