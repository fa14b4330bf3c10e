"""6.4.1 Human-in-the-Loop Approval Pattern: Multi-Level Approval Workflow — against
examples/multi-level-approval.json.

The chapter shows the workflow, not its client: these clients start it with the chapter's
ApprovalRequest, send its approve_<role> signals with ApprovalDecision, query get_approval_status
and is_fully_approved, and assert what its `run` returns. The workflow class is the chapter's as
the client sees it (the bodies run in the deployed template); changes are marked `# changed:`.
The 14 days are shortened to seconds by the Node test.
"""

import asyncio
from dataclasses import dataclass
from datetime import datetime, timezone
from decimal import Decimal
from typing import Dict

from temporalio import workflow

from chapter_env import TASK_QUEUE, WORKFLOW_TYPE, connect, unique


@dataclass
class ApprovalRequest:
    request_id: str
    requester: str
    amount: Decimal
    description: str


@dataclass
class ApprovalDecision:
    approved: bool
    approver: str
    timestamp: datetime
    comment: str


@workflow.defn(name=WORKFLOW_TYPE)  # changed: the deployed template's workflow type
class MultiLevelApprovalWorkflow:
    """Mehrstufige Genehmigung basierend auf Betrag"""

    @workflow.signal
    def approve_manager(self, decision: ApprovalDecision) -> None: ...

    @workflow.signal
    def approve_director(self, decision: ApprovalDecision) -> None: ...

    @workflow.signal
    def approve_vp(self, decision: ApprovalDecision) -> None: ...

    @workflow.query
    def get_approval_status(self) -> Dict[str, str]: ...

    @workflow.query
    def is_fully_approved(self) -> bool: ...

    @workflow.run
    async def run(self, request: ApprovalRequest) -> str: ...


def decision(approved: bool, approver: str, comment: str = "") -> ApprovalDecision:
    return ApprovalDecision(approved=approved, approver=approver, timestamp=datetime.now(timezone.utc), comment=comment)


async def start_request(chapter_id: str, amount: str):
    client = await connect()  # changed: the test server instead of localhost:7233
    request = ApprovalRequest(request_id=unique(chapter_id), requester="Carol Jones", amount=Decimal(amount), description="New laptops")
    return await client.start_workflow(
        MultiLevelApprovalWorkflow.run,
        request,
        id=request.request_id,
        task_queue=TASK_QUEUE,  # changed: the template's queue
    )


def test_below_1000_the_manager_alone_approves():
    async def scenario():
        handle = await start_request("request-500", "500.00")
        await handle.signal(MultiLevelApprovalWorkflow.approve_manager, decision(True, "Mia Manager"))
        return await handle.result()

    # ["manager"]; `f"Request approved by all {len(self.required_approvers)} approvers and processed successfully"`
    assert asyncio.run(scenario()) == "Request approved by all 1 approvers and processed successfully"


def test_above_10000_manager_director_and_vp_approve_and_the_status_query_tracks_them():
    async def scenario():
        handle = await start_request("request-50000", "50000.00")
        await handle.signal(MultiLevelApprovalWorkflow.approve_manager, decision(True, "Mia Manager"))
        status = await handle.query(MultiLevelApprovalWorkflow.get_approval_status)
        fully = await handle.query(MultiLevelApprovalWorkflow.is_fully_approved)
        await handle.signal(MultiLevelApprovalWorkflow.approve_director, decision(True, "Dan Director"))
        await handle.signal(MultiLevelApprovalWorkflow.approve_vp, decision(True, "Vera VP"))
        return status, fully, await handle.result()

    status, fully, result = asyncio.run(scenario())
    assert status == {"manager": "approved", "director": "pending", "vp": "pending"}
    assert fully is False
    assert result == "Request approved by all 3 approvers and processed successfully"


def test_status_lists_only_the_required_roles():
    async def scenario():
        handle = await start_request("request-501", "500.00")
        status = await handle.query(MultiLevelApprovalWorkflow.get_approval_status)
        await handle.signal(MultiLevelApprovalWorkflow.approve_manager, decision(True, "Mia Manager"))
        await handle.result()
        return status

    assert asyncio.run(scenario()) == {"manager": "pending"}


def test_a_rejection_names_who_rejected():
    async def scenario():
        handle = await start_request("request-5000", "5000.00")
        await handle.signal(MultiLevelApprovalWorkflow.approve_manager, decision(True, "Mia Manager"))
        await handle.signal(MultiLevelApprovalWorkflow.approve_director, decision(False, "Dan Director", "Not this quarter"))
        return await handle.result()

    # ["manager", "director"]; `f"Request rejected by: {', '.join(rejected_by)}"`
    assert asyncio.run(scenario()) == "Request rejected by: director"


def test_missing_approvals_time_out():
    async def scenario():
        handle = await start_request("request-5001", "5000.00")
        await handle.signal(MultiLevelApprovalWorkflow.approve_manager, decision(True, "Mia Manager"))
        return await handle.result()

    # `f"Approval timeout - only {len(self.approvals)} of {len(self.required_approvers)} approvals received"`
    assert asyncio.run(scenario()) == "Approval timeout - only 1 of 2 approvals received"
