import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Design } from '../schema/design';
import { goldenDesign } from '../testing/fixtures';
import { validateDesign } from './index';

/** The notify activity's recipient: a literal is checked as drawn; an expression is the activity's to check at run time. */
function withRecipient(recipient: string) {
  const design: Design = goldenDesign('review-loop');
  const node = design.nodes.find((n) => n.id === 'tell-author');
  if (node?.type !== 'activity') throw new Error('the review-loop design has its tell-author notify node');
  node.args = { ...node.args, recipient };
  return validateDesign(design).diagnostics.filter((d) => d.code === 'activity.notify-recipient');
}

test('usernames, roles and groups, one or several, are accepted as written', () => {
  for (const recipient of ['"author"', '"role:approver"', '"role approver, ann, bo.b"', "'Ann'", '"group:finance-managers, group cfo-office"']) {
    assert.deepEqual(withRecipient(recipient), [], recipient);
  }
});

test('a literal entry that is neither a username nor a role is refused on the node and field, naming the entry', () => {
  const [found, ...rest] = withRecipient('"ann, ops team"');
  assert.equal(rest.length, 0);
  assert.equal(found?.severity, 'error');
  assert.equal(found?.nodeId, 'tell-author');
  assert.equal(found?.field, 'args.recipient');
  assert.match(found!.message, /"ops team" is neither a username, role:<role> nor group:<group>/);
});

test('an empty literal names no one; a computed recipient is left to the activity', () => {
  assert.match(withRecipient('" , "')[0]?.message ?? '', /no one is named/);
  assert.deepEqual(withRecipient('"role:" + "approver"'), []);
});
