"""6.1.2 Signal Handler definieren / 6.1.3 Signale von externen Clients senden / 6.2.5 Stack Trace
Query — the chapter's ApprovalWorkflow clients against examples/approval.json.

The workflow class is the chapter's as the client sees it (names and types; the bodies run in the
deployed template). Changes to the chapter's code are marked `# changed:`.
"""

import asyncio
from dataclasses import dataclass

from temporalio import workflow
from temporalio.client import Client, WorkflowUpdateFailedError

from chapter_env import TASK_QUEUE, WORKFLOW_TYPE, connect, unique


@dataclass
class ApprovalInput:
    """Typsichere Signal-Daten mit Dataclass"""
    approver_name: str
    approved: bool
    comment: str = ""


@workflow.defn(name=WORKFLOW_TYPE)  # changed: the deployed template's workflow type
class ApprovalWorkflow:
    """Workflow mit Signal-basierter Genehmigung"""

    @workflow.signal
    def approve(self, input: ApprovalInput) -> None: ...

    @workflow.run
    async def run(self, request_id: str) -> str: ...


async def start_approval(client: Client, request_id: str):
    """Starts the chapter's ApprovalWorkflow.run(request_id) (the chapter shows no start; its form)."""
    return await client.start_workflow(
        ApprovalWorkflow.run,
        request_id,
        id=request_id,
        task_queue=TASK_QUEUE,  # changed: the template's queue
    )


async def send_approval_signal(workflow_id: str):  # changed: the id as a parameter (unique per run)
    """Signal von externem Client senden"""
    # Verbindung zum Temporal Service
    client = await connect()  # changed: the test server instead of localhost:7233

    # Handle für existierenden Workflow abrufen
    workflow_handle = client.get_workflow_handle_for(
        ApprovalWorkflow,
        workflow_id=workflow_id  # changed: was "approval-request-123"
    )

    # Signal senden (fire-and-forget)
    await workflow_handle.signal(
        ApprovalWorkflow.approve,
        ApprovalInput(
            approver_name="Alice Johnson",
            approved=True,
            comment="Budget approved"
        )
    )

    print("Signal sent successfully")
    # Kehrt sofort zurück - wartet nicht auf Verarbeitung!


def test_approve_signal_from_an_external_client(capsys):
    async def scenario():
        client = await connect()
        handle = await start_approval(client, unique("approval-request-123"))
        await send_approval_signal(handle.id)
        return await handle.result()

    result = asyncio.run(scenario())
    assert capsys.readouterr().out == "Signal sent successfully\n"
    # run(): `return f"Request approved by {self.approver_name}"`
    assert result == "Request approved by Alice Johnson"


def test_string_based_rejection():
    async def scenario():
        client = await connect()
        handle = await start_approval(client, unique("approval-request-124"))
        # "Alternativ: String-basiert"
        await handle.signal(
            "approve",  # String-basiert
            ApprovalInput(approver_name="Bob Smith", approved=False, comment="Over budget"),
        )
        return await handle.result()

    # run(): `return f"Request rejected by {self.approver_name}: {self.comment}"`
    assert asyncio.run(scenario()) == "Request rejected by Bob Smith: Over budget"


def test_get_status_during_and_after_the_run(capsys):
    """6.2.3 "Query auf abgeschlossenen Workflow" against the template's get_status query."""

    async def query_completed_workflow(workflow_id: str):
        """Query funktioniert auch nach Workflow-Ende"""
        client = await connect()  # changed: the test server instead of localhost:7233

        handle = client.get_workflow_handle(workflow_id)

        try:
            # Funktioniert innerhalb der Retention Period!
            final_status = await handle.query("get_status")
            print(f"Final status: {final_status}")
        except Exception as e:
            print(f"Query failed: {e}")

    async def scenario():
        client = await connect()
        handle = await start_approval(client, unique("approval-request-125"))
        pending = await handle.query("get_status")
        await send_approval_signal(handle.id)
        result = await handle.result()
        await query_completed_workflow(handle.id)
        return pending, result

    pending, result = asyncio.run(scenario())
    assert pending == "pending"
    assert result == "Request approved by Alice Johnson"
    assert capsys.readouterr().out == "Signal sent successfully\nFinal status: approved\n"


def test_add_comment_update_and_its_validator():
    """The template's add_comment update, called as 6.3.4 calls an update (string-based)."""

    async def scenario():
        client = await connect()
        handle = await start_approval(client, unique("approval-request-126"))
        try:
            await handle.execute_update("add_comment", {"text": "   "})
            refused = None
        except WorkflowUpdateFailedError as e:  # "Validator rejected ODER Handler exception"
            refused = str(e.cause)
        saved = await handle.execute_update("add_comment", {"text": "Budget approved"}, result_type=str)
        await handle.signal("approve", ApprovalInput(approver_name="Alice Johnson", approved=True))
        return refused, saved, await handle.result()

    refused, saved, result = asyncio.run(scenario())
    assert refused is not None and "The comment must not be blank" in refused, refused
    assert saved == "Comment saved"
    assert result == "Request approved by Alice Johnson"


def test_stack_trace_query_shows_where_a_running_workflow_waits(capsys):
    async def debug_workflow(workflow_id: str):
        client = await connect()  # changed: the test server instead of localhost:7233
        handle = client.get_workflow_handle(workflow_id)

        # Eingebauter Stack Trace Query
        stack_trace = await handle.query("__stack_trace")
        print(f"Workflow stack trace:\n{stack_trace}")
        return stack_trace  # changed: returned for the assertion

    async def scenario():
        client = await connect()
        workflow_id = unique("stuck-workflow-123")
        # By name, as the chapter's `temporal workflow stack` would find any workflow: run(request_id) takes the bare id.
        await client.start_workflow(WORKFLOW_TYPE, workflow_id, id=workflow_id, task_queue=TASK_QUEUE)
        return await debug_workflow(workflow_id)

    stack_trace = asyncio.run(scenario())
    assert capsys.readouterr().out.startswith("Workflow stack trace:\n")
    assert "condition" in stack_trace or "sleep" in stack_trace, stack_trace
