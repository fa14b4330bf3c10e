"""6.1.7 Use Case 2: Event-getriebener Multi-Stage Prozess — against examples/data-pipeline.json.

The chapter shows the workflow, not its client: this client starts it and sends the three
completion signals its state diagram names, in order, and asserts the result its `run` returns.
The workflow class is the chapter's as the client sees it (the bodies run in the deployed template);
changes are marked `# changed:`.
"""

import asyncio

import pytest
from temporalio import workflow

from chapter_env import TASK_QUEUE, WORKFLOW_TYPE, connect, unique


@workflow.defn(name=WORKFLOW_TYPE)  # changed: the deployed template's workflow type
class DataPipelineWorkflow:
    """Event-getriebene Daten-Pipeline mit Signalen"""

    @workflow.signal
    def notify_upload_complete(self, data_location: str) -> None: ...

    @workflow.signal
    def notify_validation_complete(self) -> None: ...

    @workflow.signal
    def notify_transform_complete(self) -> None: ...

    @workflow.run
    async def run(self, pipeline_id: str) -> str: ...


def test_pipeline_completes_after_its_three_signals():
    pipeline_id = unique("pipeline-2024-06")  # changed: unique per run

    async def scenario():
        client = await connect()  # changed: the test server instead of localhost:7233
        handle = await client.start_workflow(
            DataPipelineWorkflow.run, pipeline_id, id=pipeline_id, task_queue=TASK_QUEUE  # changed: the template's queue
        )
        # Signals sent before the workflow reaches each wait are buffered and delivered in order (6.1.6, 6.4.4).
        await handle.signal(DataPipelineWorkflow.notify_upload_complete, "s3://bucket/uploads/2024-06.csv")
        await handle.signal(DataPipelineWorkflow.notify_validation_complete)
        await handle.signal(DataPipelineWorkflow.notify_transform_complete)
        return await handle.result()

    # `return f"Pipeline {pipeline_id} completed successfully"`
    assert asyncio.run(scenario()) == f"Pipeline {pipeline_id} completed successfully"
