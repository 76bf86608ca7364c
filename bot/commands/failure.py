"""The one error-id path: a failure is logged with a short id, and the user gets the id, never the details."""

from __future__ import annotations

import logging
import uuid

from bot.answers.model import Answer, Status

log = logging.getLogger(__name__)


def failure_answer(command: str | None, error: BaseException) -> Answer:
    error_id = uuid.uuid4().hex[:8]
    log.error("command %s failed (error id %s)", command, error_id, exc_info=error)
    return Answer(
        command or "error",
        "Something went wrong",
        Status.ERROR,
        intro=f"Sorry — that failed on our side, not because of your input. Error id `{error_id}` is in the log.",
    )
