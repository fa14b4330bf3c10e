"""6.1.2 Signal Handler definieren / 6.1.3 Signale von externen Clients senden / 6.2.5 Stack Trace
Query — the chapter's ApprovalWorkflow clients against examples/approval.json.

The workflow class is the chapter's as the client sees it (names and types; the bodies run in the
deployed template). Changes to the chapter's code are marked `# changed:`.
"""

import asyncio
from dataclasses import dataclass

import pytest
from temporalio import workflow
from temporalio.client import Client

from chapter_env import BARE_ARGUMENTS, TASK_QUEUE, WIRE_NAMES, WORKFLOW_TYPE, connect, unique


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


@pytest.mark.xfail(strict=True, reason=BARE_ARGUMENTS + " (run(self, request_id: str)); " + WIRE_NAMES + " (examples/approval.json keeps approverName: many tests and the e2e send it)")
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


@pytest.mark.xfail(strict=True, reason=BARE_ARGUMENTS + " (run(self, request_id: str)); " + WIRE_NAMES + " (examples/approval.json keeps approverName: many tests and the e2e send it)")
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
        # The template's own start input (the chapter's bare request id is not accepted yet; see above).
        await client.start_workflow(WORKFLOW_TYPE, {"requestId": workflow_id}, id=workflow_id, task_queue=TASK_QUEUE)
        return await debug_workflow(workflow_id)

    stack_trace = asyncio.run(scenario())
    assert capsys.readouterr().out.startswith("Workflow stack trace:\n")
    assert "condition" in stack_trace or "sleep" in stack_trace, stack_trace
