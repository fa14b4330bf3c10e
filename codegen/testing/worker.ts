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

/** Generates `design`, runs it on a worker of its own task queue against TEMPORAL_ADDRESS. */
export async function startTestWorker(designs: Design | Design[], options: TestWorkerOptions = {}): Promise<TestWorker> {
  const design = Array.isArray(designs) ? designs[0] : designs;
  if (!runtimeInstalled) {
    Runtime.install({ logger: new DefaultLogger('WARN') });
    runtimeInstalled = true;
  }
  const address = process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233';
  const namespace = process.env.TEMPORAL_NAMESPACE ?? 'default';
  const taskQueue = options.taskQueue ?? `${design.name}-${nanoid(6)}`;
  const build = await writeBuild(designs);
  const nativeConnection = await NativeConnection.connect({ address });
  const worker = await Worker.create({
    connection: nativeConnection,
    namespace,
    taskQueue,
    workflowsPath: build.workflowsPath,
    activities: await build.activities(),
  });
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
      build.remove();
    },
  };
}
