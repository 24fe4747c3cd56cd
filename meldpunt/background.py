"""The base of the portal's Celery tasks: a failed run is announced with `task_failed` (the task's
name, its ids and the kind of error only), and the desks' app records it for the coordinators'
overview. A signal, so that meldpunt's own tasks (the vault's) never import the desks."""

from celery import Task
from django.dispatch import Signal

task_failed = Signal()  # task_name, task_id, arguments, error


class RecordedTask(Task):
    # Recorded around the call rather than in on_failure, so eager runs (tests, CELERY_TASK_ALWAYS_EAGER)
    # and soft time limits are recorded too. A hard time limit kills the process: Celery logs that one.
    def __call__(self, *args, **kwargs):
        try:
            return super().__call__(*args, **kwargs)
        except Exception as exc:
            task_failed.send(
                sender=type(self), task_name=self.name, task_id=getattr(self.request, "id", None) or "",
                arguments=[*args, *kwargs.values()], error=type(exc).__name__,
            )
            raise
