"""Where the chapter's clients find the deployed template: the only things a test changes in them.

tests/chapter-clients.int.test.ts sets these after deploying the template:
SIGNALBOX_TEMPORAL_ADDRESS / _NAMESPACE (the chapter's "localhost:7233"), SIGNALBOX_TASK_QUEUE (the
chapter's "shopping", "orders", …), SIGNALBOX_WORKFLOW_TYPE (the chapter's class name) and
SIGNALBOX_ID_PREFIX (makes the chapter's fixed ids, e.g. "order-12345", unique per run).
"""

import dataclasses
import os
import sys
from decimal import Decimal
from enum import Enum
from typing import Any

from temporalio.client import Client
from temporalio.converter import (
    AdvancedJSONEncoder,
    CompositePayloadConverter,
    DataConverter,
    DefaultPayloadConverter,
    JSONPlainPayloadConverter,
    JSONTypeConverter,
)


def setting(name: str) -> str:
    value = os.environ.get(name, "").strip()
    if not value:
        sys.exit(f"{name} is not set: run through tests/chapter-clients.int.test.ts")
    return value


ADDRESS = setting("SIGNALBOX_TEMPORAL_ADDRESS")
NAMESPACE = setting("SIGNALBOX_TEMPORAL_NAMESPACE")
TASK_QUEUE = setting("SIGNALBOX_TASK_QUEUE")
WORKFLOW_TYPE = setting("SIGNALBOX_WORKFLOW_TYPE")
ID_PREFIX = setting("SIGNALBOX_ID_PREFIX")


def other(template: str, what: str) -> str:
    """Queue or type of another deployed template (e.g. the orchestrator's task worker)."""
    return setting(f"SIGNALBOX_{template.upper().replace('-', '_')}_{what}")


def unique(chapter_id: str) -> str:
    """The chapter's workflow id, made unique per run."""
    return f"{ID_PREFIX}-{chapter_id}"


class _DecimalAsString(AdvancedJSONEncoder):
    def default(self, o: Any) -> Any:
        if isinstance(o, Decimal):
            return str(o)
        if isinstance(o, Enum):
            return o.value
        return super().default(o)


class _DecimalAndEnumFromJson(JSONTypeConverter):
    def to_typed_value(self, hint: type, value: Any) -> Any:
        if hint is Decimal:
            return Decimal(str(value))
        if isinstance(hint, type) and issubclass(hint, Enum):
            return hint(value)
        return JSONTypeConverter.Unhandled


class _ChapterPayloadConverter(CompositePayloadConverter):
    def __init__(self) -> None:
        super().__init__(
            *(
                JSONPlainPayloadConverter(encoder=_DecimalAsString, custom_type_converters=[_DecimalAndEnumFromJson()])
                if isinstance(c, JSONPlainPayloadConverter)
                else c
                for c in DefaultPayloadConverter.default_encoding_payload_converters
            )
        )


# The chapter's amounts are Decimal, which the SDK's default JSON converter cannot encode at all
# ("Object of type Decimal is not JSON serializable"): they travel as exact decimal strings
# ("1299.99"), which is what Signalbox's money fields take. And a plain Enum (OrderStatus, Language)
# travels by value both ways — sent as "de" (set_language(Language.GERMAN): "Object of type Language
# is not JSON serializable" otherwise) and read back: the SDK's converter reads only IntEnum/StrEnum
# ("Unserializable type during conversion: <enum 'OrderStatus'>").
CHAPTER_DATA_CONVERTER = dataclasses.replace(DataConverter.default, payload_converter_class=_ChapterPayloadConverter)


async def connect() -> Client:
    """The chapter's `Client.connect("localhost:7233")`, on the test server (Decimal as decimal strings)."""
    return await Client.connect(ADDRESS, namespace=NAMESPACE, data_converter=CHAPTER_DATA_CONVERTER)


# Features of issue 16 a chapter client needs and the templates do not have yet; a test that needs
# one is marked xfail(strict=True) with its name, so it fails loudly once the feature lands.
# A template whose messages or fields are not (yet) under the chapter's snake_case wire names.
WIRE_NAMES = "wire names (issue 16): the template's fields are not the chapter's snake_case names (approver_name, request_id)"

# The chapter passes one bare value (`run(self, request_id: str)`, `set_language(self, language)`) or
# several positional arguments (`approve(self, approver: str, comment: str = "")`) where a design
# takes one record of named fields.
BARE_ARGUMENTS = "bare and positional arguments (issue 16): the chapter sends one bare value or several positional arguments where the template takes one record of named fields"
