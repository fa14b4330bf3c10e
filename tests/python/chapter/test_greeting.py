"""6.3.2 Update Handler mit Validierung / 6.3.4 Updates von Clients senden — the chapter's
`update_workflow_language` client against examples/greeting.json.

The workflow class is the chapter's as the client sees it (the bodies run in the deployed template);
changes are marked `# changed:`. Its 24 hours are shortened to seconds by the Node test.
"""

import asyncio
from enum import Enum

import pytest
from temporalio import workflow
from temporalio.client import WorkflowUpdateFailedError

from chapter_env import TASK_QUEUE, WORKFLOW_TYPE, connect, unique


class Language(Enum):
    ENGLISH = "en"
    GERMAN = "de"
    SPANISH = "es"
    FRENCH = "fr"


@workflow.defn(name=WORKFLOW_TYPE)  # changed: the deployed template's workflow type
class GreetingWorkflow:
    @workflow.update
    def set_language(self, language: Language) -> Language: ...

    @workflow.run
    async def run(self) -> str: ...


async def update_workflow_language(workflow_id: str):  # changed: the id as a parameter (unique per run)
    """Update ausführen und auf Completion warten"""
    client = await connect()  # changed: the test server instead of localhost:7233

    workflow_handle = client.get_workflow_handle_for(
        GreetingWorkflow,
        workflow_id=workflow_id  # changed: was "greeting-123"
    )

    try:
        # Update ausführen - wartet auf Validator + Handler
        previous_lang = await workflow_handle.execute_update(
            GreetingWorkflow.set_language,
            Language.GERMAN
        )
        print(f"Language changed from {previous_lang} to German")

    except WorkflowUpdateFailedError as e:
        # Validator rejected ODER Handler exception
        print(f"Update failed: {e}")
        # Event History: KEINE Einträge wenn Validator rejected


def test_set_language_returns_the_previous_language_and_the_run_greets_in_it(capsys):
    workflow_id = unique("greeting-123")  # changed: unique per run

    async def scenario():
        client = await connect()
        handle = await client.start_workflow(GreetingWorkflow.run, id=workflow_id, task_queue=TASK_QUEUE)
        await update_workflow_language(workflow_id)
        return await handle.result()

    result = asyncio.run(scenario())
    # set_language returns the previous language, Language.ENGLISH; run() returns self.greetings[self.language]
    assert capsys.readouterr().out == "Language changed from Language.ENGLISH to German\n"
    assert result == "Hallo"
