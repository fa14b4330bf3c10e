import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileDesign } from '../pipeline';
import type { Design } from '../schema/design';
import { goldenDesign } from '../testing/fixtures';
import { typecheckInMemory } from '../verify/in-memory';
import { validateDesign } from './index';

/**
 * An update's validator and check messages may put values in, as the chapter's
 * f"Item {item.sku} already in cart" does: `{…}` parts are expressions with the payload (`args`) in
 * scope; a message without braces is plain text, used as written.
 */
function cart(message: string, checkMessage = 'Checked out already'): Design {
  const design: Design = goldenDesign('record-queries');
  const node = design.nodes.find((n) => n.id === 'add-item');
  if (node?.type !== 'update') throw new Error('the record-queries design has its add-item update');
  node.validators = [{ condition: '!any(items, item => item.sku == args.sku)', message }];
  node.checks = [{ condition: '!checkedOut', message: checkMessage }];
  return design;
}

const errors = (design: Design) => validateDesign(design).diagnostics.filter((d) => d.severity === 'error');

test('a message with {…} parts is compiled with the payload in scope and thrown as built', async () => {
  const result = await compileDesign(cart('Item {args.sku} already in cart ({{sku}})', 'Cart {input.orderId} is checked out; {len(items)} items'));
  assert.ok(result.ok, JSON.stringify(result.diagnostics));
  const workflow = result.files.find((f) => f.path === 'workflows.ts')?.contents ?? '';
  assert.match(workflow, /ApplicationFailure\.nonRetryable\(\s*'Item ' \+ String\(args\.sku\) \+ ' already in cart \(\{sku\}\)',\s*'ValidationError',?\s*\)/);
  assert.match(workflow, /'Cart ' \+ String\(input\.orderId\) \+ ' is checked out; ' \+ String\(items\.length\) \+ ' items'/);
});

test('a plain message stays a literal, backslashes and quotes included', async () => {
  const result = await compileDesign(cart('Item "x" \\ already in cart'));
  assert.ok(result.ok);
  const workflow = result.files.find((f) => f.path === 'workflows.ts')?.contents ?? '';
  assert.ok(workflow.includes(`'Item "x" \\\\ already in cart'`), workflow);
});

test('a wrong part is reported on the message field, at its place in the text, with "did you mean"', () => {
  const [found, ...rest] = errors(cart('Item {args.skus} already in cart'));
  assert.equal(rest.length, 0);
  assert.equal(found?.nodeId, 'add-item');
  assert.equal(found?.field, 'validators.0.message');
  assert.deepEqual(found?.range, { start: 11, end: 15 });
  assert.match(found!.message, /args has no field 'skus' at position 11; did you mean 'sku'\?/);
  assert.match(errors(cart('Item {args.sku already')).at(0)?.message ?? '', /The "\{" at position 5 is not closed; end it with "\}", or write "\{\{" for a "\{"/);
  assert.equal(errors(cart('ok', 'Full {items}')).at(0)?.field, 'checks.0.message');
});

test('messages reading the payload, in a validator and in a check, generate code that type-checks', async () => {
  const result = await compileDesign(cart('Item {args.sku} ({args.quantity} x {formatMoney(args.price)}) already in cart', 'Too late for {args.sku}: {input.orderId} is checked out'));
  assert.ok(result.ok, JSON.stringify(result.diagnostics));
  assert.deepEqual(typecheckInMemory([{ files: result.files.filter((f) => f.path.endsWith('.ts')) }]), [[]]);
});
