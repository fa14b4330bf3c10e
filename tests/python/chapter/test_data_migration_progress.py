"""6.4.2 Progress Tracking mit Updates statt Query Polling — the chapter's
`monitor_migration_progress` client against examples/data-migration-progress.json.

The workflow class is the chapter's as the client sees it (the bodies run in the deployed template);
changes are marked `# changed:`.
"""

import asyncio

import pytest
from temporalio import workflow

from chapter_env import TASK_QUEUE, WORKFLOW_TYPE, connect, unique


@workflow.defn(name=WORKFLOW_TYPE)  # changed: the deployed template's workflow type
class DataMigrationWorkflow:
    """Progress Tracking mit Update statt Polling"""

    @workflow.update
    async def wait_for_progress(self, min_progress: int) -> int: ...

    @workflow.query
    def get_current_progress(self) -> int: ...

    @workflow.run
    async def run(self, total_records: int) -> str: ...


# Client: Effiziente Progress-Überwachung
async def monitor_migration_progress(handle):
    """✓ Effizienter Ansatz mit Update"""
    # Warte auf 50% Progress
    progress = await handle.execute_update(
        DataMigrationWorkflow.wait_for_progress,
        50  # changed: positional; the SDK's execute_update takes no min_progress=50 keyword (a TypeError)
    )
    print(f"50% checkpoint reached: {progress} records")

    # Warte auf 100%
    progress = await handle.execute_update(
        DataMigrationWorkflow.wait_for_progress,
        100  # changed: positional, as above
    )
    print(f"100% complete: {progress} records")


def test_one_update_per_milestone_instead_of_polling(capsys):
    workflow_id = unique("migration-1")  # changed: unique per run

    async def scenario():
        client = await connect()  # changed: the test server instead of localhost:7233
        # 100 records: the chapter's milestones 50 and 100 are then 50% and 100%.
        handle = await client.start_workflow(DataMigrationWorkflow.run, 100, id=workflow_id, task_queue=TASK_QUEUE)
        await monitor_migration_progress(handle)
        return await handle.result()

    result = asyncio.run(scenario())
    assert capsys.readouterr().out == "50% checkpoint reached: 50 records\n100% complete: 100 records\n"
    # `return f"Migrated {total_records} records"`
    assert result == "Migrated 100 records"
