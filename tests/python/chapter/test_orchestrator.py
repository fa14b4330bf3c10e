"""6.4.3 Externe Workflow Handles: OrchestratorWorkflow and WorkerWorkflow — against
examples/orchestrator.json and examples/task-worker.json (deployed first).

The chapter shows the workflows, not their client: this client starts the workers the orchestrator
signals by id ("worker-<id>") and then the orchestrator, and asserts the record its `run` returns.
The workflow classes are the chapter's as the client sees them (the bodies run in the deployed
templates); changes are marked `# changed:`.
"""

import asyncio
from dataclasses import dataclass
from typing import List

from temporalio import workflow

from chapter_env import TASK_QUEUE, WORKFLOW_TYPE, connect, other, unique


@dataclass
class TaskData:
    task_id: str
    priority: int


@workflow.defn(name=WORKFLOW_TYPE)  # changed: the deployed template's workflow type
class OrchestratorWorkflow:
    """Koordiniert mehrere Worker Workflows"""

    @workflow.run
    async def run(self, worker_ids: List[str]) -> dict: ...


@workflow.defn(name=other("task-worker", "WORKFLOW_TYPE"))  # changed: the deployed task worker's type
class WorkerWorkflow:
    """Worker Workflow empfängt Signale"""

    @workflow.signal
    async def process_task(self, task: TaskData) -> None: ...

    @workflow.run
    async def run(self) -> List[str]: ...


def test_the_orchestrator_signals_each_worker_and_reports_how_many_it_coordinated():
    worker_ids = [unique("a"), unique("b")]  # changed: unique per run

    async def scenario():
        client = await connect()  # changed: the test server instead of localhost:7233
        for worker_id in worker_ids:
            await client.start_workflow(
                WorkerWorkflow.run, id=f"worker-{worker_id}", task_queue=other("task-worker", "TASK_QUEUE")  # changed: the worker's queue
            )
        handle = await client.start_workflow(
            OrchestratorWorkflow.run, worker_ids, id=unique("orchestrator-1"), task_queue=TASK_QUEUE  # changed: the template's queue
        )
        return await handle.result()

    # `return {"workers_coordinated": len(worker_ids)}`
    assert asyncio.run(scenario()) == {"workers_coordinated": 2}
