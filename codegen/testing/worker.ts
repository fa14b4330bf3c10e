import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { nanoid } from 'nanoid';
import type { Design } from '../schema/design';
import { writeBuild } from './build';

export interface TestWorker {
  client: Client;
  taskQueue: string;
  stop(): Promise<void>;
}

let runtimeInstalled = false;

export interface TestWorkerOptions {
  /** A task queue chosen by the test (e.g. one it already started workflows on, before any worker polled). */
  taskQueue?: string;
}

/** A client of its own against TEMPORAL_ADDRESS, for work done before a worker exists. */
export async function connectTestClient(): Promise<Client> {
  const address = process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233';
  return new Client({ connection: await Connection.connect({ address }), namespace: process.env.TEMPORAL_NAMESPACE ?? 'default' });
}

/** What a test's worker is made from: the connection, namespace and task queue to poll. */
export interface WorkerSetting {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
}

/**
 * Runs the worker `create` makes (from a generated build, a bundle, an exported project …) against
 * TEMPORAL_ADDRESS with a client of its own; stop() shuts the worker down and closes both connections.
 */
export async function runTestWorker(create: (setting: WorkerSetting) => Promise<Worker>, { taskQueue = `test-${nanoid(6)}` }: TestWorkerOptions = {}): Promise<TestWorker> {
  if (!runtimeInstalled) {
    Runtime.install({ logger: new DefaultLogger('WARN') });
    runtimeInstalled = true;
  }
  const address = process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233';
  const namespace = process.env.TEMPORAL_NAMESPACE ?? 'default';
  const nativeConnection = await NativeConnection.connect({ address });
  let worker: Worker;
  try {
    worker = await create({ connection: nativeConnection, namespace, taskQueue });
  } catch (error) {
    await nativeConnection.close();
    throw error;
  }
  const running = worker.run();
  const client = new Client({ connection: await Connection.connect({ address }), namespace });
  return {
    client,
    taskQueue,
    stop: async () => {
      worker.shutdown();
      await running;
      await nativeConnection.close();
      await client.connection.close();
    },
  };
}

/** Generates `design`, runs it on a worker of its own task queue against TEMPORAL_ADDRESS. */
export async function startTestWorker(designs: Design | Design[], options: TestWorkerOptions = {}): Promise<TestWorker> {
  const design = Array.isArray(designs) ? designs[0] : designs;
  const build = await writeBuild(designs);
  try {
    const activities = await build.activities();
    const testWorker = await runTestWorker(
      (setting) => Worker.create({ ...setting, workflowsPath: build.workflowsPath, activities }),
      { taskQueue: options.taskQueue ?? `${design.name}-${nanoid(6)}` },
    );
    return {
      ...testWorker,
      stop: async () => {
        await testWorker.stop();
        build.remove();
      },
    };
  } catch (error) {
    build.remove();
    throw error;
  }
}
