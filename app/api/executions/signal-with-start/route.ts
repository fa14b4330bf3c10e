import { handle, json } from '../../../../lib/api/errors';
import { readBody } from '../../../../lib/api/request';
import { signalWithStart } from '../../../../lib/execution-controls';
import { SignalWithStartBodySchema } from '../schema';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Signals the workflow with this id, starting it on the design's deployment first when it is not running. */
export const POST = handle(async (request: Request) => {
  const { signal, ...body } = await readBody(request, SignalWithStartBodySchema);
  return json(await signalWithStart({ ...body, name: signal }), 201);
});
