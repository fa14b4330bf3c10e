// Runs a TypeScript entry point with tsx registered in this thread only:
//   node scripts/run-ts.mjs worker/main.ts [args…]
// `node --import tsx` puts the hooks in the process's options, so every worker thread re-imports
// tsx and loads its modules through the hooks thread. The Temporal SDK starts a workflow thread per
// Worker.create (each loads ~1,000 SDK modules): with --import tsx that took ~350 ms, with tsx
// registered here ~215 ms (bench/deploy-latency.ts, docs/benchmarks.md) — a third of a deploy's
// wait for the new version's worker.
import { register as registerCjs } from 'tsx/cjs/api';
import { register as registerEsm } from 'tsx/esm/api';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

registerEsm();
registerCjs();
const [entry] = process.argv.splice(2, 1);
if (!entry) {
  console.error('usage: node scripts/run-ts.mjs <entry.ts> [args…]');
  process.exit(2);
}
await import(pathToFileURL(resolve(entry)).href);
