/**
 * Runs typecheckInMemory on a worker thread, so a caller can generate the next batch of projects
 * while the previous one is being type-checked (the safety property test does this).
 */
import { parentPort } from 'node:worker_threads';
import { typecheckInMemory, type VirtualProject } from './in-memory';

parentPort?.on('message', ({ id, projects }: { id: number; projects: VirtualProject[] }) => {
  const started = performance.now();
  const results = typecheckInMemory(projects);
  parentPort?.postMessage({ id, results, ms: performance.now() - started });
});
