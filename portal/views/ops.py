"""Operations endpoints."""

from django.db import connection
from django.http import JsonResponse


def health(request):
    """For load balancers: 200 when the database answers and the job queue is reachable."""
    checks: dict[str, str] = {}
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
                "SELECT count(*) FILTER (WHERE status = 'todo'), "
                "count(*) FILTER (WHERE status = 'failed') FROM procrastinate_jobs"
            )
            todo, failed = cursor.fetchone()
        checks["queue"] = "ok"
        checks["jobs_waiting"] = todo
        checks["jobs_failed"] = failed
    except Exception as exc:  # noqa: BLE001
        checks["queue"] = f"error: {type(exc).__name__}"
        status = 503
    checks["status"] = "ok" if status == 200 else "fail"
    response = JsonResponse(checks, status=status)
    response["Cache-Control"] = "no-store"
    return response


def ping(request):
    """The benchmarks' reference: a bare Django view through the whole middleware stack."""
    from django.http import HttpResponse

    return HttpResponse("ok", content_type="text/plain")
