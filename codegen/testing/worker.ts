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

/** Generates `design`, runs it on a worker of its own task queue against TEMPORAL_ADDRESS. */
export async function startTestWorker(design: Design): Promise<TestWorker> {
  if (!runtimeInstalled) {
    Runtime.install({ logger: new DefaultLogger('WARN') });
    runtimeInstalled = true;
  }
  const address = process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233';
  const namespace = process.env.TEMPORAL_NAMESPACE ?? 'default';
  const taskQueue = `${design.name}-${nanoid(6)}`;
  const build = await writeBuild(design);
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
