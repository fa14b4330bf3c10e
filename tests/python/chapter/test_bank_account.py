"""6.4.5 Concurrency Safety bei async Handlern: BankAccountWorkflow — against examples/bank-account.json.

The chapter shows the workflow, not its client: these clients send its `withdraw` update the way
6.3.4 sends updates (execute_update, WorkflowUpdateFailedError) and assert what its handler and
validator answer. The workflow class is the chapter's as the client sees it (the bodies run in the
deployed template); changes are marked `# changed:`.
"""

import asyncio
from decimal import Decimal

import pytest
from temporalio import workflow
from temporalio.client import WorkflowUpdateFailedError

from chapter_env import TASK_QUEUE, WORKFLOW_TYPE, connect, unique


@workflow.defn(name=WORKFLOW_TYPE)  # changed: the deployed template's workflow type
class BankAccountWorkflow:
    @workflow.update
    async def withdraw(self, amount: Decimal) -> Decimal: ...

    @workflow.run
    async def run(self) -> str: ...  # the chapter does not show run(); the template keeps the account open


async def withdraw_all(workflow_id: str, amounts: list) -> list:
    client = await connect()  # changed: the test server instead of localhost:7233
    handle = await client.start_workflow(BankAccountWorkflow.run, id=workflow_id, task_queue=TASK_QUEUE)
    answers = []
    for amount in amounts:
        try:
            answers.append(await handle.execute_update(BankAccountWorkflow.withdraw, amount))
        except WorkflowUpdateFailedError as e:
            answers.append(e.cause.message)
    return answers


def test_withdrawals_answer_the_new_balance_and_are_refused_as_the_chapter_says():
    answers = asyncio.run(withdraw_all(unique("account-1"), [
        Decimal("100.00"),    # self.balance = Decimal("1000.00") - 100.00
        Decimal("0"),         # validator: raise ValueError("Amount must be positive")
        Decimal("20000.00"),  # validator: raise ValueError("Amount exceeds daily limit")
        Decimal("5000.00"),   # handler: raise ValueError("Insufficient funds")
        Decimal("900.00"),
    ]))
    assert answers == [Decimal("900.00"), "Amount must be positive", "Amount exceeds daily limit", "Insufficient funds", Decimal("0.00")]
