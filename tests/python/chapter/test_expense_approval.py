"""6.1.7 Use Case 1: Human-in-the-Loop Expense Approval — against examples/expense-approval.json.

The chapter shows the workflow, not its client: these clients call it the way 6.1.3 calls the
approval (typed handles, the chapter's signal arguments) and assert the results its `run` returns.
The workflow class is the chapter's as the client sees it (the bodies run in the deployed template);
changes are marked `# changed:`. The 7 days are shortened to seconds by the Node test.
"""

import asyncio
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

import pytest
from temporalio import workflow

from chapter_env import TASK_QUEUE, WORKFLOW_TYPE, connect, unique


@dataclass
class ExpenseRequest:
    request_id: str
    employee: str
    amount: Decimal
    description: str
    category: str


@dataclass
class ApprovalDecision:
    approved: bool
    approver: str
    timestamp: datetime
    comment: str


@workflow.defn(name=WORKFLOW_TYPE)  # changed: the deployed template's workflow type
class ExpenseApprovalWorkflow:
    @workflow.signal
    def approve(self, approver: str, comment: str = "") -> None: ...

    @workflow.signal
    def reject(self, approver: str, reason: str) -> None: ...

    @workflow.run
    async def run(self, request: ExpenseRequest) -> str: ...


def expense(request_id: str) -> ExpenseRequest:
    return ExpenseRequest(
        request_id=request_id,
        employee="Alice Johnson",
        amount=Decimal("250.00"),
        description="Team dinner",
        category="meals",
    )


async def start_expense(chapter_id: str):
    client = await connect()  # changed: the test server instead of localhost:7233
    request = expense(unique(chapter_id))  # changed: unique per run
    return await client.start_workflow(
        ExpenseApprovalWorkflow.run,
        request,
        id=request.request_id,
        task_queue=TASK_QUEUE,  # changed: the template's queue
    )


def test_manager_approves():
    async def scenario():
        handle = await start_expense("expense-1")
        await handle.signal(ExpenseApprovalWorkflow.approve, args=["Bob Manager", "Looks fine"])
        return await handle.result()

    # `return f"Expense ${request.amount} approved by {self.decision.approver}"`
    assert asyncio.run(scenario()) == "Expense $250.00 approved by Bob Manager"


def test_manager_rejects():
    async def scenario():
        handle = await start_expense("expense-2")
        await handle.signal(ExpenseApprovalWorkflow.reject, args=["Bob Manager", "Not a business expense"])
        return await handle.result()

    # `return f"Expense rejected: {self.decision.comment}"`
    assert asyncio.run(scenario()) == "Expense rejected: Not a business expense"


def test_no_decision_rejects_automatically():
    async def scenario():
        handle = await start_expense("expense-3")
        return await handle.result()

    # comment="Approval timeout - automatically rejected"; `return f"Expense rejected: {self.decision.comment}"`
    assert asyncio.run(scenario()) == "Expense rejected: Approval timeout - automatically rejected"
