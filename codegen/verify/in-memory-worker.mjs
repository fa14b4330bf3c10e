// Worker-thread entry for typecheckInMemory: worker threads do not inherit tsx's loader hooks,
// so register them here before loading the TypeScript module (as bin/signalbox.js does).
import { register } from 'tsx/esm/api';

register();
await import('./in-memory-worker.ts');
