"""pytest setup for the chapter's clients (tests/chapter-clients.int.test.ts runs one file at a time).

The SDK's Rust runtime threads can outlive the event loop and abort interpreter teardown
("Fatal Python error: PyGILState_Release", temporalio/sdk-python#300, seen on 1.35.0 / Python 3.11),
which would turn a green run into a crash: once pytest has reported, leave with its exit status and
no teardown (as tests/python/approval_client.py does).
"""

import os
import sys

_exit_status = 0


def pytest_sessionfinish(session, exitstatus):
    global _exit_status
    _exit_status = int(exitstatus)


def pytest_unconfigure(config):
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(_exit_status)
