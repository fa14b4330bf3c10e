/**
 * Tests of lib/approvals/create-once.ts: a create that stores what the service's does (a design and
 * its process, on the database it is given) and answers a made-up deploy, counting its runs.
 */
import 'server-only';
import type { DeploymentSummary } from '@/db/repository';
import { createDesign } from '@/db/repository';
import type { Db } from '@/db/client';
import type { DeployResult } from '../deploy/pipeline';
import { generateApprovalDesign } from './generate';
import type { Created, RecordProcess } from './create-once';
import { ApprovalProcessSpecSchema } from './spec';
import { insertProcess } from './store';

export function storingCreate(db: Db, name: string, { until }: { until?: Promise<void> } = {}) {
  let runs = 0;
  const create = async (recordProcess: RecordProcess): Promise<Created> => {
    const run = ++runs;
    const spec = ApprovalProcessSpecSchema.parse({ name, fields: [], levels: [{ name: 'Lead', approvers: [{ kind: 'user', name: 'lead' }] }] });
    const { id: designId } = await createDesign({ db, design: generateApprovalDesign(spec) });
    const process = await insertProcess({ db, id: `process-${name}-${run}-${Math.random().toString(36).slice(2, 8)}`, name, designId, spec, createdBy: null });
    await recordProcess(process.id);
    await until; // the deploy, still running
    // Only the deployment's id matters to these tests.
    const deploy: DeployResult = { ok: true, deployment: { id: `deployment-of-${process.id}` } as DeploymentSummary, timings: { compile: 1, typecheck: 1, bundle: 1, replay: 0, verify: 1, startWorker: 1, total: 5 }, replay: null, warnings: [] };
    return { process, deploy };
  };
  return { create, runs: () => runs };
}

/** A promise and the function that settles it: a deploy that ends when the test says so. */
export function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}
