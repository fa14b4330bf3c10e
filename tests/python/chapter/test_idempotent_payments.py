"""6.4.6 Continue-As-New mit Handlern: IdempotentWorkflow — against examples/idempotent-payments.json.

The chapter shows the workflow, not its client: this client sends `process_payment` with an update
id of its choosing, as 6.3.7's idempotency relies on (`workflow.current_update_info().id`). Within a
run Temporal itself answers a repeated update id with the first outcome; across continue-as-new the
workflow's own list of processed ids does (that part needs a history long enough to continue, which
a test does not reach). The workflow class is the chapter's as the client sees it (the bodies run in
the deployed template); changes are marked `# changed:`.
"""

import asyncio

import pytest
from temporalio import workflow

from chapter_env import TASK_QUEUE, WORKFLOW_TYPE, connect, unique


@workflow.defn(name=WORKFLOW_TYPE)  # changed: the deployed template's workflow type
class IdempotentWorkflow:
    @workflow.update
    async def process_payment(self, payment_id: str) -> str: ...

    @workflow.run
    async def run(self) -> None: ...


def test_a_repeated_update_id_is_processed_once():
    async def scenario():
        client = await connect()  # changed: the test server instead of localhost:7233
        handle = await client.start_workflow(IdempotentWorkflow.run, id=unique("payments-1"), task_queue=TASK_QUEUE)
        first = await handle.execute_update(IdempotentWorkflow.process_payment, "pay-1", id="payment-update-1")
        repeated = await handle.execute_update(IdempotentWorkflow.process_payment, "pay-1", id="payment-update-1")
        return first, repeated

    first, repeated = asyncio.run(scenario())
    # Within one run the repeated id gets the first outcome, and nothing is charged twice.
    assert repeated == first
