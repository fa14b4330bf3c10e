import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validateDesign } from '@/codegen/validate';
import { goldenDesign } from '@/codegen/testing/fixtures';
import { activityUsages, addActivity, newActivity, removeActivity, renameActivity } from './edit';

test('usages list the nodes that call an activity', () => {
  const design = goldenDesign('custom-activity');
  assert.deepEqual(activityUsages(design, 'computeDiscount'), [{ nodeId: 'discount', field: 'activity' }]);
  assert.deepEqual(activityUsages(design, 'nothing'), []);
});

test('renaming updates the declaration, the calling nodes and the exported function, and stays valid', () => {
  const renamed = renameActivity(goldenDesign('custom-activity'), 'computeDiscount', 'loyaltyDiscount');
  const activity = renamed.activities!.find((a) => a.name === 'loyaltyDiscount');
  assert.ok(activity);
  assert.match(activity.source, /export async function loyaltyDiscount\(/);
  assert.deepEqual(activityUsages(renamed, 'loyaltyDiscount'), [{ nodeId: 'discount', field: 'activity' }]);
  assert.deepEqual(validateDesign(renamed).diagnostics, []);
});

test('a new activity has a unique name and a source that declares its signature', () => {
  const design = goldenDesign('custom-activity');
  const first = newActivity(design);
  const second = newActivity(addActivity(design, first));
  assert.equal(first.name, 'myActivity');
  assert.equal(second.name, 'myActivity2');
  assert.match(first.source, /export async function myActivity\(\{ text \}: \{ text: string \}\): Promise<string>/);
  assert.deepEqual(validateDesign(addActivity(design, first)).diagnostics, []);
});

test('removing an activity that is still called leaves a located problem on the node', () => {
  const removed = removeActivity(goldenDesign('custom-activity'), 'computeDiscount');
  const unknown = validateDesign(removed).diagnostics.find((d) => d.code === 'activity.unknown');
  assert.equal(unknown?.nodeId, 'discount');
  assert.equal(removeActivity(removeActivity(removed, 'archiveQuote'), 'x').activities, undefined);
});

test('custom activities survive the canvas round trip (design → flow → design)', async () => {
  const { designToFlow, flowToDesign } = await import('../convert');
  const design = goldenDesign('custom-activity');
  assert.deepEqual(flowToDesign(designToFlow(design)).activities, design.activities);
});
