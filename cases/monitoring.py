"""What the coordinators' overview needs to know about the background work."""

from __future__ import annotations

from django.utils import timezone

from .models import TaskFailure


def task_failure_record(*, task_name: str, task_id: str, arguments: list, error: str) -> TaskFailure:
    """Record a failed task run. Only ids and the exception's class name: a message could carry content."""
    failure = TaskFailure(
        task_name=task_name[:200], task_id=task_id[:64], arguments=", ".join(str(a) for a in arguments)[:500],
        error=error[:200], failed_at=timezone.now(),
    )
    failure.full_clean()
    failure.save()
    return failure


def on_task_failed(*, task_name: str, task_id: str, arguments: list, error: str, **_kwargs) -> None:
    """Listener for meldpunt.background.task_failed: every RecordedTask's failed run (desks and vault)."""
    task_failure_record(task_name=task_name, task_id=task_id, arguments=arguments, error=error)


def on_mail_given_up(*, task_name: str, task_id: str, recipient: str, error: str, **_kwargs) -> None:
    """Listener: the mail task gave up on a message (who it was for is described, never the address)."""
    task_failure_record(task_name=task_name, task_id=task_id, arguments=[recipient], error=error)
