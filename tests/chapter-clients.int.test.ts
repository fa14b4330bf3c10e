/**
 * The chapter's own Python clients against the gallery (issue 16, "Tests"): every template is
 * imported through the API, deployed, and then driven by tests/python/chapter/test_<template>.py —
 * the chapter's client code with only the workflow type, task queue, ids and durations changed —
 * which asserts what the chapter prints. Durations the chapter waits for (days) are shortened here,
 * in the imported copy, so that each template takes seconds.
 *
 * A chapter call that needs a feature not built yet is marked `xfail(strict=True)` in its pytest
 * file, naming the feature: it must fail today and turns into a failure to fix once the feature lands.
 * Needs TEMPORAL_ADDRESS and TEMPORAL_CLI (. /work/devsvc/env); Python with temporalio and pytest comes
 * from scripts/lib/python.ts ($SIGNALBOX_TEST_PYTHON when `npm test` installed it already).
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import * as designDeploymentsRoute from '@/app/api/designs/[id]/deployments/route';
import * as designsRoute from '@/app/api/designs/route';
import type { Design, Duration } from '@/codegen/design';
import { ensureTestPython } from '@/scripts/lib/python';
import { designTaskQueue } from '@/lib/deploy/versioning-names';
import { call } from '@/testing/api';
import { startTestStack, type TestStack } from '@/testing/stack';

const skip = !process.env.TEMPORAL_ADDRESS ? 'TEMPORAL_ADDRESS is not set' : !process.env.TEMPORAL_CLI ? 'TEMPORAL_CLI is not set' : false;
const chapterDir = fileURLToPath(new URL('./python/chapter/', import.meta.url));

interface ChapterClient {
  /** examples/<template>.json, driven by tests/python/chapter/test_<template with _>.py. */
  template: string;
  /** Waits and timers (by node id) the test shortens: the chapter's days become seconds. */
  shorten?: Record<string, Duration>;
  /** Templates deployed first, whose queue and type the client also gets (SIGNALBOX_<ID>_TASK_QUEUE / _WORKFLOW_TYPE). */
  alongside?: string[];
}

const seconds = (amount: number): Duration => ({ amount, unit: 'seconds' });

/** In the chapter's order. */
const CLIENTS: ChapterClient[] = [
  { template: 'approval', shorten: { 'await-approval': seconds(20) } },
  { template: 'shopping-cart', shorten: { 'open-for-a-day': seconds(2) } },
  { template: 'expense-approval', shorten: { 'await-decision': seconds(2) } },
  { template: 'data-pipeline' },
  { template: 'greeting', shorten: { 'wait-for-updates': seconds(4) } },
  { template: 'multi-level-approval', shorten: { 'await-approvals': seconds(3) } },
  { template: 'data-migration-progress' },
  { template: 'orchestrator', alongside: ['task-worker'], shorten: { 'wait-for-workers': seconds(3) } },
  { template: 'bank-account', shorten: { 'await-close': seconds(3) } },
  { template: 'idempotent-payments', shorten: { 'await-work': seconds(3) } },
  { template: 'ecommerce-order', shorten: { 'await-payment': seconds(10), 'await-shipping': seconds(10), delivery: seconds(1) } },
];

let stack: TestStack | undefined;
let python: string;
before(async () => {
  if (skip) return;
  stack = await startTestStack({ name: 'chapter-clients' });
  const installed = process.env.SIGNALBOX_TEST_PYTHON ? { ok: true as const, python: process.env.SIGNALBOX_TEST_PYTHON } : await ensureTestPython();
  if (!installed.ok) assert.fail(installed.reason);
  python = installed.python;
  // One request first: the test session's user is made on the first call, which concurrent first calls would race for.
  assert.equal((await call(designsRoute.GET, {})).status, 200);
  // Deploys overlap (each bundles its workflow code) and go on while the first clients run.
  for (const client of CLIENTS) void deployTemplate(client.template, client.shorten, client.alongside);
});
after(() => stack?.stop());

function templateDesign(template: string, shorten: Record<string, Duration> = {}): Design {
  const design = JSON.parse(readFileSync(new URL(`../examples/${template}.json`, import.meta.url), 'utf8')) as Design;
  for (const node of design.nodes) {
    const to = shorten[node.id];
    if (!to) continue;
    if (node.type === 'wait') node.timeout = to;
    else if (node.type === 'timer') node.duration = to;
  }
  return design;
}

interface Deployed {
  taskQueue: string;
  workflowType: string;
}

const deployments = new Map<string, Promise<Deployed>>();

/** Imports the template through the API and deploys it once `after` are deployed (a design its steps refer to), once per template. */
function deployTemplate(template: string, shorten?: Record<string, Duration>, after: string[] = []): Promise<Deployed> {
  let deployment = deployments.get(template);
  if (!deployment) {
    deployment = (async () => {
      await Promise.all(after.map((other) => deployTemplate(other)));
      const created = await call(designsRoute.POST, { body: { design: templateDesign(template, shorten) } });
      assert.equal(created.status, 201, `import ${template}: ${JSON.stringify(created.body)}`);
      const designId: string = created.body.id;
      const deployed = await call(designDeploymentsRoute.POST, { body: { force: true }, params: { id: designId } });
      assert.equal(deployed.status, 201, `deploy ${template}: ${JSON.stringify(deployed.body)}`);
      return { taskQueue: designTaskQueue(designId), workflowType: deployed.body.deployment.workflowType as string };
    })();
    // Reported by the test that awaits it; this keeps an early failure from being "unhandled".
    deployment.catch(() => undefined);
    deployments.set(template, deployment);
  }
  return deployment;
}

const envName = (template: string) => template.toUpperCase().replace(/-/g, '_');

interface PytestRun {
  exitCode: number;
  /** pytest's -rA summary: one line per test, "PASSED …", "FAILED … - why", "XFAIL … - reason". */
  summary: string[];
  output: string;
}

function runPytest(file: string, env: Record<string, string>): Promise<PytestRun> {
  return new Promise((resolve) => {
    execFile(
      python,
      // SIGNALBOX_PYTEST_ARGS, e.g. "--runxfail": to see why an expected failure fails today.
      ['-m', 'pytest', file, '-q', '-rA', '-p', 'no:cacheprovider', '--tb=short', '--no-header', ...(process.env.SIGNALBOX_PYTEST_ARGS?.split(' ').filter(Boolean) ?? [])],
      { cwd: chapterDir, env: { ...process.env, ...env }, timeout: 180_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const output = `${stdout}${stderr}`;
        const summary = output.split('\n').filter((line) => /^(PASSED|FAILED|ERROR|XFAIL|XPASS|SKIPPED)\b/.test(line));
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ exitCode: code, summary, output });
      },
    );
  });
}

for (const client of CLIENTS) {
  const file = `test_${client.template.replace(/-/g, '_')}.py`;
  test(`the chapter's client for "${client.template}" (tests/python/chapter/${file})`, { skip, timeout: 300_000 }, async (t) => {
    const env: Record<string, string> = {
      SIGNALBOX_TEMPORAL_ADDRESS: stack!.temporalAddress,
      SIGNALBOX_TEMPORAL_NAMESPACE: process.env.TEMPORAL_NAMESPACE ?? 'default',
      // Ids unique per run: a shared dev server keeps earlier runs' executions.
      SIGNALBOX_ID_PREFIX: `chapter-${process.pid}-${Date.now().toString(36)}`,
    };
    for (const other of client.alongside ?? []) {
      const dependency = await deployTemplate(other);
      env[`SIGNALBOX_${envName(other)}_TASK_QUEUE`] = dependency.taskQueue;
      env[`SIGNALBOX_${envName(other)}_WORKFLOW_TYPE`] = dependency.workflowType;
    }
    const target = await deployTemplate(client.template, client.shorten, client.alongside);
    env.SIGNALBOX_TASK_QUEUE = target.taskQueue;
    env.SIGNALBOX_WORKFLOW_TYPE = target.workflowType;

    const started = Date.now();
    const run = await runPytest(file, env);
    t.diagnostic(`${file}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    for (const line of run.summary) t.diagnostic(line);
    const failures = run.summary.filter((line) => /^(FAILED|ERROR|XPASS)/.test(line));
    assert.ok(run.summary.length > 0, `pytest ran no test of ${file} (exit ${run.exitCode}):\n${run.output.slice(-4000)}`);
    assert.deepEqual(failures, [], `${file}: the chapter's client does not get what the chapter prints:\n${run.output.slice(-6000)}`);
    assert.equal(run.exitCode, 0, run.output.slice(-4000));
  });
}
