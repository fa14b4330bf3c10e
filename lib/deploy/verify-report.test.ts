/** The two halves of a verification make the report a one-shot run would have made. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mergeReports, type VerifyReport } from './verify-report';

const typeError = { severity: 'error' as const, code: 'typecheck', message: 'workflows.ts:4: Type number is not assignable to type string' };
const bundleError = { severity: 'error' as const, code: 'verify.bundle-failed', message: 'The workflow code could not be bundled: boom' };

function half(over: Partial<VerifyReport>): VerifyReport {
  return { ok: true, stage: 'done', diagnostics: [], ms: { typecheck: 0, bundle: 0, replay: 0 }, ...over };
}

test('a type error wins over a failed bundle: refused at the type check, with its diagnostics only', () => {
  const merged = mergeReports(
    half({ ok: false, stage: 'typecheck', diagnostics: [typeError], ms: { typecheck: 120, bundle: 0, replay: 0 } }),
    half({ ok: false, stage: 'bundle', diagnostics: [bundleError], ms: { typecheck: 0, bundle: 300, replay: 0 } }),
  );
  assert.deepEqual(merged, { ok: false, stage: 'typecheck', diagnostics: [typeError], ms: { typecheck: 120, bundle: 300, replay: 0 } });
});

test('code that type-checks but does not bundle is refused at the bundle', () => {
  const merged = mergeReports(half({ ms: { typecheck: 120, bundle: 0, replay: 0 } }), half({ ok: false, stage: 'bundle', diagnostics: [bundleError] }));
  assert.equal(merged.ok, false);
  assert.equal(merged.stage, 'bundle');
  assert.deepEqual(merged.diagnostics, [bundleError]);
});

test('both passed: done, with both halves\u2019 times, the type checker\u2019s warnings and the replay report', () => {
  const warning = { severity: 'warning' as const, code: 'unused', message: 'x is never read' };
  const replay = { checked: 3, incompatible: [] };
  const merged = mergeReports(
    half({ diagnostics: [warning], ms: { typecheck: 120, bundle: 0, replay: 0 } }),
    half({ replay, ms: { typecheck: 0, bundle: 310, replay: 45 } }),
  );
  assert.deepEqual(merged, { ok: true, stage: 'done', diagnostics: [warning], ms: { typecheck: 120, bundle: 310, replay: 45 }, replay });
});
