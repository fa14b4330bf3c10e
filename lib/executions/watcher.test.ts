/**
 * The shared execution watcher (lib/executions/watcher.ts) and the per-viewer streams on it
 * (lib/executions/stream.ts streamExecution), with a fake describe and mocked timers: Temporal is
 * asked once per poll whatever the number of viewers, and each viewer keeps its own access checks.
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, mock, test } from 'node:test';
import { ApiError } from '../api/errors';
import type { ExecutionDetail } from './service';
import { streamExecution } from './stream';
import { WatcherRegistry, type DescribeForWatcher } from './watcher';

const POLL_MS = 250;
const RETRY_MS = 2000;
const HEARTBEAT_MS = 15_000;
// A stand-in: the stream passes the design through without looking inside it.
const DESIGN = { name: 'Fake design' } as unknown as NonNullable<ExecutionDetail['design']>;

/** An execution whose current detail the test changes; counts the describes the watcher makes. */
class FakeTemporal {
  runId = 'run-1';
  status = 'RUNNING';
  historyLength = 3;
  failure: Error | undefined;
  calls: { includeDesign: boolean }[] = [];

  readonly describe: DescribeForWatcher = async ({ workflowId, includeDesign }) => {
    this.calls.push({ includeDesign });
    if (this.failure) throw this.failure;
    return {
      workflowId,
      runId: this.runId,
      workflowType: 'FakeWorkflow',
      taskQueue: 'signalbox-design-fake',
      status: this.status,
      startTime: '2026-01-01T00:00:00.000Z',
      closeTime: this.status === 'RUNNING' ? null : '2026-01-01T00:01:00.000Z',
      designId: 'design-1',
      deploymentId: 'deployment-1',
      designVersion: 1,
      ...(includeDesign ? { design: DESIGN } : {}),
      historyLength: this.historyLength,
      pendingActivities: [],
      pendingTimers: [],
      pendingUpdates: [],
      pendingWorkflowTask: false,
    };
  };
}

interface Frame {
  event: string;
  data?: { historyLength?: number; runId?: string; design?: unknown; status?: string; code?: string };
}

/** Reads a stream continuously, as a page would, into its frames. */
function viewer(stream: ReadableStream<Uint8Array>) {
  const frames: Frame[] = [];
  let ended = false;
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  void (async () => {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (block.startsWith(':')) frames.push({ event: 'heartbeat' });
        else frames.push({ event: /^event: (.*)$/m.exec(block)![1]!, data: JSON.parse(/^data: (.*)$/m.exec(block)![1]!) as Frame['data'] });
      }
    }
    ended = true;
  })().catch(() => {
    ended = true;
  });
  return {
    frames,
    get ended() {
      return ended;
    },
    events: (name: string) => frames.filter((f) => f.event === name),
    leave: () => reader.cancel(),
  };
}

let fake: FakeTemporal;
let watchers: WatcherRegistry;

beforeEach(() => {
  mock.timers.enable({ apis: ['setTimeout', 'Date'] });
  fake = new FakeTemporal();
  watchers = new WatcherRegistry({ describe: fake.describe, pollMs: POLL_MS, retryMs: RETRY_MS });
});

afterEach(() => mock.timers.reset());

/** Lets promise callbacks and stream reads run (setImmediate is not mocked). */
const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
};

async function advance(ms: number): Promise<void> {
  mock.timers.tick(ms);
  await settle();
}

async function open(readableRun: (runId?: string) => Promise<string> = async (runId) => runId ?? fake.runId) {
  const v = viewer(await streamExecution({ workflowId: 'wf-1', watchers, readableRun, heartbeatMs: HEARTBEAT_MS }));
  await settle();
  return v;
}

test('one describe per poll is fanned out to every viewer', async () => {
  const viewers = [await open(), await open(), await open()];
  assert.deepEqual(fake.calls, [{ includeDesign: true }], 'one first describe (with the design) for all three');
  for (const v of viewers) assert.deepEqual(v.events('execution').map((f) => [f.data?.historyLength, Boolean(f.data?.design)]), [[3, true]]);

  fake.historyLength = 5;
  await advance(POLL_MS);
  assert.equal(fake.calls.length, 2, 'one poll, not one per viewer');
  for (const v of viewers) assert.deepEqual(v.events('execution').map((f) => [f.data?.historyLength, Boolean(f.data?.design)]), [[3, true], [5, false]]);

  await advance(POLL_MS);
  await advance(POLL_MS);
  assert.equal(fake.calls.length, 4);
  for (const v of viewers) assert.equal(v.events('execution').length, 2, 'an unchanged detail is not sent again');
});

test('a late viewer gets the latest detail at once, with the design, without asking Temporal', async () => {
  await open();
  fake.historyLength = 9;
  await advance(POLL_MS);
  const callsBefore = fake.calls.length;
  const late = await open();
  assert.equal(fake.calls.length, callsBefore, 'no describe for the late viewer');
  assert.equal(late.frames[0]?.event, 'execution');
  assert.equal(late.frames[0]?.data?.historyLength, 9);
  assert.deepEqual(late.frames[0]?.data?.design, DESIGN);
});

test('the watcher stops polling when the last viewer leaves, and starts again with the next', async () => {
  const a = await open();
  const b = await open();
  await a.leave();
  await advance(POLL_MS);
  assert.equal(fake.calls.length, 2, 'still polling for the other viewer');
  await b.leave();
  await settle();
  assert.equal(watchers.size, 0);
  await advance(POLL_MS * 10);
  assert.equal(fake.calls.length, 2, 'no polls after the last viewer left');

  const controller = new AbortController();
  const c = viewer(await streamExecution({ workflowId: 'wf-1', watchers, readableRun: async (runId) => runId ?? fake.runId, signal: controller.signal }));
  await settle();
  assert.equal(c.events('execution').length, 1);
  assert.equal(fake.calls.length, 3, 'a new watcher describes again');
  controller.abort(); // the request went away
  await settle();
  assert.ok(c.ended);
  assert.equal(watchers.size, 0);
  await advance(POLL_MS * 4);
  assert.equal(fake.calls.length, 3);
});

test('a closed run ends every stream after its last detail, and the watcher stops', async () => {
  const viewers = [await open(), await open()];
  fake.status = 'COMPLETED';
  await advance(POLL_MS);
  for (const v of viewers) {
    assert.deepEqual(v.frames.slice(-2).map((f) => [f.event, f.data?.status]), [['execution', 'COMPLETED'], ['end', 'COMPLETED']]);
    assert.ok(v.ended, 'the stream is closed');
  }
  assert.equal(watchers.size, 0);
  await advance(POLL_MS * 4);
  assert.equal(fake.calls.length, 2, 'no polls after the close');
});

test('a new run the viewer may not read ends only that viewer, with a problem frame', async () => {
  const checks: string[] = [];
  const allowed = await open(async (runId) => {
    if (runId) checks.push(`allowed:${runId}`);
    return runId ?? fake.runId;
  });
  const refused = await open(async (runId) => {
    if (!runId) return fake.runId;
    checks.push(`refused:${runId}`);
    throw new ApiError(404, 'execution.not-found', 'Workflow execution wf-1 not found');
  });
  fake.runId = 'run-2'; // a reset
  await advance(POLL_MS);
  assert.deepEqual(checks.sort(), ['allowed:run-2', 'refused:run-2'], 'each viewer is checked for the new run');
  assert.deepEqual(refused.frames.at(-1), { event: 'problem', data: { code: 'execution.not-found', message: 'Workflow execution wf-1 not found' } });
  assert.ok(refused.ended);
  assert.ok(!refused.events('execution').some((f) => f.data?.runId === 'run-2'), 'the refused viewer never sees the new run');
  assert.equal(allowed.events('execution').at(-1)?.data?.runId, 'run-2');
  assert.ok(!allowed.ended);

  fake.historyLength = 7;
  await advance(POLL_MS);
  assert.equal(allowed.events('execution').at(-1)?.data?.historyLength, 7, 'the other viewer goes on');
  assert.deepEqual(checks.sort(), ['allowed:run-2', 'refused:run-2'], 'a run is checked once per viewer');
});

test('a failed poll sends a problem frame to every viewer and is retried later', async () => {
  const viewers = [await open(), await open()];
  fake.failure = new Error('boom');
  await advance(POLL_MS);
  for (const v of viewers) assert.deepEqual(v.frames.at(-1), { event: 'problem', data: { code: 'internal', message: 'boom' } });
  await advance(POLL_MS);
  assert.equal(fake.calls.length, 2, 'waits RETRY_MS, not POLL_MS');
  fake.failure = undefined;
  fake.historyLength = 4;
  await advance(RETRY_MS);
  for (const v of viewers) assert.equal(v.events('execution').at(-1)?.data?.historyLength, 4);
});

test('the first describe failing fails the stream before it starts, and leaves no watcher', async () => {
  fake.failure = new Error('unreachable');
  await assert.rejects(streamExecution({ workflowId: 'wf-1', watchers, readableRun: async () => 'run-1' }), /unreachable/);
  assert.equal(watchers.size, 0);
});

test('each viewer sends its own heartbeat while nothing changes', async () => {
  const early = await open();
  await advance(HEARTBEAT_MS / 2);
  const late = await open();
  for (let t = 0; t < HEARTBEAT_MS / 2 + POLL_MS; t += POLL_MS) await advance(POLL_MS);
  assert.equal(early.events('heartbeat').length, 1);
  assert.equal(late.events('heartbeat').length, 0, 'the late viewer got its detail less than 15 s ago');
});
