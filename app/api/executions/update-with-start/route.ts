import { handle, json } from '../../../../lib/api/errors';
import { readBody } from '../../../../lib/api/request';
import { updateWithStart } from '../../../../lib/execution-controls';
import { UpdateWithStartBodySchema } from '../schema';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Executes the update on the workflow with this id, starting it first when it is not running; 422 update.rejected when the validator refuses. */
export const POST = handle(async (request: Request) => {
  const { update, ...body } = await readBody(request, UpdateWithStartBodySchema);
  return json(await updateWithStart({ ...body, name: update }), 200);
});
