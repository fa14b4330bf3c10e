/** Prints the node options of this process and of a worker thread it starts (scripts/lib/run-ts.test.ts). */
import { Worker } from 'node:worker_threads';
import { projectRoot } from '@/lib/paths';

const thread = new Worker('require("node:worker_threads").parentPort.postMessage(process.execArgv)', { eval: true });
thread.once('message', (threadExecArgv: string[]) => {
  console.log(JSON.stringify({ root: projectRoot(), main: process.execArgv, thread: threadExecArgv }));
  void thread.terminate();
});
