"""Operations endpoints."""

from django.conf import settings
from django.db import connection
from django.http import HttpResponse, JsonResponse


def health(request):
    """For load balancers and monitoring.

    200 when the database answers and the job queue is reachable, 503 otherwise. The queue's
    trouble that a web node cannot fix is reported, not failed on: ``jobs_stalled`` (running
    jobs whose worker stopped sending heartbeats; the periodic recovery puts them back within
    a minute, so a lasting count means no worker runs) and ``mails_failed`` (mails that gave up
    after all attempts; staff resend them from the mail log) and ``region_jobs_failed``
    (nightly work that failed for a county, portal.lib.regionjobs; retried hourly, the log
    names the county and the error). ``attention`` names what is not zero.
    """
    checks: dict[str, object] = {}
    status = 200
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        checks["database"] = "ok"
    except Exception as exc:  # noqa: BLE001 - any failure means unhealthy
        checks["database"] = f"error: {type(exc).__name__}"
        status = 503
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                """
                SELECT count(*) FILTER (WHERE job.status = 'todo'),
                       count(*) FILTER (WHERE job.status = 'failed'),
                       count(*) FILTER (
                           WHERE job.status = 'doing'
                             AND (worker.id IS NULL OR worker.last_heartbeat
                                  < now() - make_interval(secs => %s))
                       )
                  FROM procrastinate_jobs job
                  LEFT JOIN procrastinate_workers worker ON worker.id = job.worker_id
                """,
                [settings.JOB_STALLED_AFTER_SECONDS],
            )
            todo, failed, stalled = cursor.fetchone()
            cursor.execute(
                "SELECT count(*) FILTER (WHERE status = 'failed'), "
                "count(*) FILTER (WHERE status = 'queued'), "
                "coalesce(extract(epoch FROM now() - min(created_at) "
                "FILTER (WHERE status = 'queued'))::int, 0) FROM portal_outgoingmail"
            )
            mails_failed, mails_queued, oldest_queued = cursor.fetchone()
            cursor.execute("SELECT count(*) FROM portal_regionjobfailure")
            (region_jobs_failed,) = cursor.fetchone()
        checks["queue"] = "ok"
        checks["jobs_waiting"] = todo
        checks["jobs_failed"] = failed
        checks["jobs_stalled"] = stalled
        checks["mails_queued"] = mails_queued
        checks["oldest_queued_mail_seconds"] = oldest_queued
        checks["mails_failed"] = mails_failed
        checks["region_jobs_failed"] = region_jobs_failed
        checks["attention"] = [
            name
            for name, count in (
                ("jobs_stalled", stalled),
                ("mails_failed", mails_failed),
                ("region_jobs_failed", region_jobs_failed),
            )
            if count
        ]
    except Exception as exc:  # noqa: BLE001
        checks["queue"] = f"error: {type(exc).__name__}"
        status = 503
    checks["status"] = "ok" if status == 200 else "fail"
    response = JsonResponse(checks, status=status)
    response["Cache-Control"] = "no-store"
    return response


def ping(request):
    """The benchmarks' reference: a bare Django view through the whole middleware stack."""
    return HttpResponse("ok", content_type="text/plain")
