/**
 * errorResponse()'s table: each known error class is answered with its status and JSON body,
 * byte for byte what routes have always sent; anything else is logged and a plain 500.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WorkflowNotFoundError } from '@temporalio/common';
import { z } from 'zod';
import { DesignValidationError } from '@/db/repository/errors';
import { UsernameTakenError } from '@/db/repository/users';
import { AuthError } from '../auth/errors';
import { InputError, NotFoundError } from '../errors';
import { TemporalUnavailableError } from '../temporal-client';
import { ApiError, errorResponse } from './errors';

/** Status, body and what was logged for one thrown value. */
async function answer(error: unknown): Promise<{ status: number; body: unknown; logged: number }> {
  const original = console.error;
  let logged = 0;
  console.error = () => void logged++;
  try {
    const response = errorResponse(error);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    return { status: response.status, body: await response.json(), logged };
  } finally {
    console.error = original;
  }
}

const zodError = z.object({ name: z.string() }).safeParse({}).error!;

const cases: [string, unknown, number, unknown][] = [
  ['ApiError with details and extra members', new ApiError(422, 'x.refused', 'No.', { field: 'f' }, { diagnostics: [1] }), 422, { error: { message: 'No.', code: 'x.refused', field: 'f' }, diagnostics: [1] }],
  ['AuthError', new AuthError(403, 'auth.forbidden', 'Not you.'), 403, { error: { message: 'Not you.', code: 'auth.forbidden' } }],
  ['UsernameTakenError', new UsernameTakenError('ann'), 409, { error: { message: 'A user named "ann" already exists', code: 'user.exists', field: 'username' } }],
  ['DesignValidationError', new DesignValidationError(zodError), 400, { error: { message: new DesignValidationError(zodError).message, code: 'design.invalid', issues: new DesignValidationError(zodError).issues } }],
  ['InputError with a field', new InputError('Bad.', 'input.bad', 'name'), 400, { error: { message: 'Bad.', code: 'input.bad', field: 'name' } }],
  ['InputError without a field', new InputError('Bad.'), 400, { error: { message: 'Bad.', code: 'input.invalid' } }],
  ['NotFoundError', new NotFoundError('Gone.', 'design.not-found'), 404, { error: { message: 'Gone.', code: 'design.not-found' } }],
  ['WorkflowNotFoundError', new WorkflowNotFoundError('sdk text', 'wf-1', undefined), 404, { error: { message: 'Workflow execution wf-1 not found', code: 'execution.not-found' } }],
];

for (const [what, error, status, body] of cases) {
  test(`${what} → ${status}, not logged`, async () => {
    assert.deepEqual(await answer(error), { status, body, logged: 0 });
  });
}

test('Temporal unreachable → 503 with the fixed advice, logged once', async () => {
  const { status, body, logged } = await answer(new TemporalUnavailableError('localhost:7233', new Error('refused')));
  assert.equal(status, 503);
  assert.deepEqual(body, {
    error: {
      message: 'Temporal is not reachable right now. Check that the Temporal server is running and TEMPORAL_ADDRESS is right.',
      code: 'temporal.unavailable',
    },
  });
  assert.equal(logged, 1);
});

test('anything else → 500 without its message, logged once', async () => {
  assert.deepEqual(await answer(new Error('secret detail')), {
    status: 500,
    body: { error: { message: 'Something went wrong on the server; it has been logged.', code: 'internal' } },
    logged: 1,
  });
});
