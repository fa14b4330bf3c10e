import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ApplicationFailure } from '@temporalio/common';
import { addLineSignalPayload, addLinesUpdatePayload, inputPayload } from './__golden__/payload-checks/payload-checks';
import type { StepTracker } from './__golden__/payload-checks/step-tracking';

/**
 * The generated payload checks (templates/payload-checks.ts.hbs), run as generated: the committed
 * golden copy of a design whose payloads use every declared type. Whoever the client, a payload
 * that does not match the design is refused naming the field: a start input or an update with an
 * InvalidPayload ApplicationFailure, a signal by not being applied.
 */

const validInput = () => ({ claimId: 'C-1', limit: '500.00', urgent: true, tags: ['travel'] });

function refusal(run: () => void): ApplicationFailure {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof ApplicationFailure, `an ApplicationFailure, not ${String(error)}`);
    return error;
  }
  assert.fail('the payload was accepted');
}

function assertRefused(run: () => void, field: string, message: RegExp): void {
  const failure = refusal(run);
  assert.equal(failure.type, 'InvalidPayload');
  assert.equal(failure.nonRetryable, true);
  assert.deepEqual(failure.details, [{ field }]);
  assert.match(failure.message, message);
}

test('a matching payload passes, and missing optional fields are filled in with their empty value', () => {
  inputPayload.check(validInput());
  const sparse: Record<string, unknown> = { claimId: 'C-2', limit: '10' };
  inputPayload.check(sparse);
  assert.deepEqual(sparse, { claimId: 'C-2', limit: '10', urgent: false, tags: [] });
  const update: Record<string, unknown> = { lines: [{ description: 'Taxi', amount: '23.50' }], quantities: null };
  addLinesUpdatePayload.fillIn(update);
  assert.deepEqual(update, { lines: [{ description: 'Taxi', amount: '23.50' }], quantities: [], note: '' });
});

test('a missing required field is refused, naming it', () => {
  const { claimId: _claimId, ...withoutId } = validInput();
  assertRefused(() => inputPayload.check(withoutId), 'claimId', /^Field "claimId" of the workflow input is required$/);
  assertRefused(() => addLinesUpdatePayload.check({ note: 'x' }), 'lines', /Field "lines" of the arguments of update "addLines" is required/);
});

test('a field of the wrong type is refused, naming it and what was sent', () => {
  assertRefused(() => inputPayload.check({ ...validInput(), urgent: 'yes' }), 'urgent', /Field "urgent" of the workflow input must be a boolean, got string "yes"/);
  assertRefused(() => inputPayload.check({ ...validInput(), tags: 'travel' }), 'tags', /must be a list, got string "travel"/);
  assertRefused(() => inputPayload.check({ ...validInput(), tags: ['travel', 7] }), 'tags[1]', /Field "tags\[1\]" .* must be a string, got number 7/);
  assertRefused(() => addLinesUpdatePayload.check({ lines: [{ description: 'Taxi', amount: '1.00' }], quantities: [1, Number.NaN] }), 'quantities[1]', /must be a number/);
  assertRefused(() => addLinesUpdatePayload.check({ lines: ['Taxi'] }), 'lines[0]', /Field "lines\[0\]" .* must be a record with the fields description, amount, got string "Taxi"/);
  assertRefused(() => addLinesUpdatePayload.check({ lines: [{ description: 'Taxi' }] }), 'lines[0].amount', /Field "lines\[0\]\.amount" .* is required/);
  assertRefused(() => inputPayload.check('C-1'), '', /^The workflow input must be an object with the fields claimId, limit, urgent, tags, got string "C-1"$/);
  assertRefused(() => addLinesUpdatePayload.check(undefined), '', /^The arguments of update "addLines" must be an object/);
});

test('an extra field is refused (a misspelt name must not pass silently as a missing optional one)', () => {
  assertRefused(() => inputPayload.check({ ...validInput(), claim_id: 'C-1' }), 'claim_id', /^Unknown field "claim_id" in the workflow input \(expected claimId, limit, urgent, tags\)$/);
  assertRefused(
    () => addLinesUpdatePayload.check({ lines: [{ description: 'Taxi', amount: '1.00', vat: '0.19' }] }),
    'lines[0].vat',
    /Unknown field "lines\[0\]\.vat" in the arguments of update "addLines" \(expected description, amount\)/,
  );
});

test('money is an exact decimal string: a float, a comma or an exponent is refused', () => {
  for (const amount of ['0', '12.5', '1299.99', '-3.10']) inputPayload.check({ ...validInput(), limit: amount });
  for (const [amount, shown] of [[12.5, 'number 12.5'], ['12,50', 'string "12,50"'], ['1e3', 'string "1e3"'], ['01.5', 'string "01.5"'], ['', 'string ""']] as const) {
    assertRefused(() => inputPayload.check({ ...validInput(), limit: amount }), 'limit', new RegExp(`must be an amount of money \\(a decimal string such as "1299\\.99"\\), got ${shown.replace(/[.()]/g, '\\$&')}$`));
  }
});

test('a signal that does not match is not applied: accepts() says no and records the refusal for the execution page', () => {
  const refused: { name: string; reason: string }[] = [];
  const tracker: StepTracker = { enter: () => {}, enterWaiting: () => {}, refuse: (name, reason) => refused.push({ name, reason }) };
  const good: Record<string, unknown> = { description: 'Taxi', amount: '23.50' };
  assert.equal(addLineSignalPayload.accepts(good, tracker), true);
  assert.equal(good.note, '', 'the optional note is filled in');
  assert.deepEqual(refused, []);
  // log.warn needs a workflow context; outside one, the refusal is still recorded before it would log.
  assert.equal(acceptsOutsideWorkflow(() => addLineSignalPayload.accepts({ description: 'Taxi', amount: 23.5 }, tracker)), false);
  assert.deepEqual(refused, [{ name: 'addLine', reason: 'Field "amount" of the arguments of signal "addLine" must be an amount of money (a decimal string such as "1299.99"), got number 23.5' }]);
});

function acceptsOutsideWorkflow(run: () => boolean): boolean {
  try {
    return run();
  } catch {
    return false;
  }
}

test('the money format payload-checks.ts accepts is the one money.ts parses', () => {
  const pattern = (file: string) => {
    const source = /const AMOUNT = \/(.*)\/;/.exec(readFileSync(join(import.meta.dirname, '__golden__', 'order', file), 'utf8'))?.[1];
    assert.ok(source, file);
    return new RegExp(source);
  };
  const [checks, parses] = [pattern('payload-checks.ts'), pattern('money.ts')];
  for (const sample of ['0', '7', '12.5', '1299.99', '-3.10', '0.125', '', '-', '.5', '5.', '01.5', '1e3', '12,50', ' 5', '+5', 'NaN']) {
    assert.equal(checks.test(sample), parses.test(sample), JSON.stringify(sample));
  }
});

test('every golden checks each payload it receives in one line of its handler', () => {
  const goldenRoot = join(import.meta.dirname, '__golden__');
  for (const name of readdirSync(goldenRoot)) {
    const code = readFileSync(join(goldenRoot, name, 'workflows.ts'), 'utf8');
    const checksPath = join(goldenRoot, name, 'payload-checks.ts');
    if (!existsSync(checksPath)) continue;
    const checks = readFileSync(checksPath, 'utf8');
    for (const [, payload, kind] of checks.matchAll(/^export const (\w+?(Signal|Update)?Payload) = new Payload/gm)) {
      // A payload read under other identifiers than its wire names arrives as wireArgs / wireInput (codegen/names.ts).
      const lines = ['', 'wire'].map((wire) => {
        const args = wire ? 'wireArgs' : 'args';
        return kind === 'Signal' ? `if (!${payload}.accepts(${args}, stepTracker)) return;` : `${payload}.check(${kind ? args : wire ? 'wireInput' : 'input'});`;
      });
      assert.equal(lines.reduce((found, line) => found + code.split(line).length - 1, 0), 1, `${name}: ${lines.join(' or ')}`);
    }
  }
});
