"""Deferring jobs inside the caller's database transaction (the transactional outbox).

A change that owes someone an e-mail (a registration, a cancellation, an invitation) and the
job that sends it must be stored together or not at all. ``transaction.on_commit(task.defer)``
leaves a window: a process killed, or a database lost, between the COMMIT and the deferral
keeps the change and loses the job. So jobs are inserted with Django's own connection, in the
same transaction as the change; a rollback removes both.

procrastinate's Django connector already works this way in web processes, but the worker
swaps the app's connector for a pool of its own, so a task that defers another task would
commit the new job separately from its own writes. ``defer`` therefore always goes through a
job manager bound to Django's connection, whatever process it runs in.
"""

from __future__ import annotations

from typing import Any

from procrastinate import manager
from procrastinate.contrib.django.django_connector import DjangoConnector
from procrastinate.jobs import Job
from procrastinate.tasks import Task
from procrastinate.types import TimeDeltaParams

_manager = manager.JobManager(DjangoConnector())


def _stored_id(job: Job) -> int:
    """The id of a job the manager has inserted (only an unsaved ``Job`` has none)."""
    if job.id is None:
        raise RuntimeError(f"procrastinate returned job {job.task_name} without an id")
    return job.id


def defer(
    task: Task[..., Any, ...],
    *,
    lock: str | None = None,
    queueing_lock: str | None = None,
    schedule_in: TimeDeltaParams | None = None,
    **task_kwargs: Any,
) -> int:
    """Insert a job for ``task`` in the current transaction; returns the job's id."""
    deferrer = task.configure(lock=lock, queueing_lock=queueing_lock, schedule_in=schedule_in)
    job = deferrer.make_new_job(**task_kwargs)
    return _stored_id(_manager.defer_job(job))


def batch_defer(task: Task[..., Any, ...], *task_kwargs: dict[str, Any]) -> list[int]:
    """One INSERT for many jobs of the same task, in the current transaction."""
    if not task_kwargs:
        return []
    deferrer = task.configure()
    jobs = [deferrer.make_new_job(**kwargs) for kwargs in task_kwargs]
    return [_stored_id(job) for job in _manager.batch_defer_jobs(jobs)]


def defer_sql(task: Task[..., Any, ...], args_sql: str) -> str:
    """An SQL expression that defers one job of ``task`` and yields its id.

    For statements that must insert the job together with the change in one round trip
    (the registration statement in ``conferences.services.seat_lock``). ``args_sql`` is an
    SQL expression of type jsonb with the task's keyword arguments.
    """
    job = task.configure().make_new_job()  # queue and name are constants of our code
    return (
        "(procrastinate_defer_jobs_v1(ARRAY[ROW("
        f"'{job.queue}', '{job.task_name}', {int(job.priority)}, NULL, NULL, "
        f"({args_sql})::jsonb, NULL"
        ")::procrastinate_job_to_defer_v1]))[1]"
    )
