"""A caller of a Signalbox design from outside, with Temporal's Python SDK (temporalio).

It knows what any integrator knows: the Temporal address and namespace, the design's stable task
queue and its workflow type — configured once, in the environment, never changed across deploys.
Against the approval template (examples/approval.json: signal `approve`, update `addComment`,
query `status`) it starts, signal-with-starts and update-with-starts one execution each, queries
the first, and prints one JSON object with the results.

    SIGNALBOX_TEMPORAL_ADDRESS=127.0.0.1:7233 SIGNALBOX_TEMPORAL_NAMESPACE=default \\
    SIGNALBOX_TASK_QUEUE=signalbox-design-<design id> SIGNALBOX_WORKFLOW_TYPE=ApprovalWorkflow \\
    python approval_client.py <workflow id prefix>

Used by lib/deploy/python-client.int.test.ts; docs/versioning.md ("Calling from Python").
"""

import asyncio
import json
import os
import sys

from temporalio.client import Client, WithStartWorkflowOperation
from temporalio.common import WorkflowIDConflictPolicy


def setting(name: str) -> str:
    value = os.environ.get(name, "").strip()
    if not value:
        sys.exit(f"approval_client.py: {name} is not set")
    return value


async def main(prefix: str) -> None:
    client = await Client.connect(
        setting("SIGNALBOX_TEMPORAL_ADDRESS"),
        namespace=setting("SIGNALBOX_TEMPORAL_NAMESPACE"),
    )
    task_queue = setting("SIGNALBOX_TASK_QUEUE")
    workflow_type = setting("SIGNALBOX_WORKFLOW_TYPE")

    # start: the execution waits for an approver
    started_id = f"{prefix}-start"
    started = await client.start_workflow(
        workflow_type, {"requestId": started_id}, id=started_id, task_queue=task_queue
    )

    # signal-with-start: starts the execution and delivers the decision in one call
    signalled_id = f"{prefix}-signal-with-start"
    signalled = await client.start_workflow(
        workflow_type,
        {"requestId": signalled_id},
        id=signalled_id,
        task_queue=task_queue,
        start_signal="approve",
        start_signal_args=[{"approverName": "Py", "approved": True}],
    )
    signalled_result = await signalled.result()

    # update-with-start: starts the execution (or reuses a running one) and waits for the update's answer
    updated_id = f"{prefix}-update-with-start"
    start_operation = WithStartWorkflowOperation(
        workflow_type,
        {"requestId": updated_id},
        id=updated_id,
        task_queue=task_queue,
        id_conflict_policy=WorkflowIDConflictPolicy.USE_EXISTING,
    )
    update_result = await client.execute_update_with_start_workflow(
        "addComment", {"text": "from Python"}, start_workflow_operation=start_operation
    )
    updated = await start_operation.workflow_handle()

    status = await started.query("status")

    print(
        json.dumps(
            {
                "started": {"workflowId": started.id, "runId": started.result_run_id, "status": status},
                "signalWithStart": {"workflowId": signalled.id, "runId": signalled.result_run_id, "result": signalled_result},
                "updateWithStart": {"workflowId": updated.id, "runId": updated.result_run_id, "result": update_result},
            }
        )
    )


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: approval_client.py <workflow id prefix>")
    asyncio.run(main(sys.argv[1]))
    # The SDK's Rust runtime threads can outlive the event loop and abort interpreter teardown
    # ("Fatal Python error: PyGILState_Release", temporalio/sdk-python#300, seen here on 1.35.0 /
    # Python 3.11): the work is done and printed, so leave without teardown.
    sys.stdout.flush()
    os._exit(0)
