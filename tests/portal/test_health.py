"""/health/ for load balancers: the database and the job queue."""

import pytest
from django.db import connection


@pytest.mark.django_db
def test_it_answers_200_when_database_and_queue_are_ok(client):
    response = client.get("/health/")
    assert response.status_code == 200
    data = response.json()
    assert data["database"] == "ok"
    assert data["queue"] == "ok"
    assert data["status"] == "ok"
    assert response["Cache-Control"] == "no-store"


@pytest.mark.django_db
def test_it_counts_waiting_and_failed_jobs(client):
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO procrastinate_jobs (queue_name, task_name, args, status) "
            "VALUES ('mail', 'portal.send_mail', '{}', 'todo'), "
            "('mail', 'portal.send_mail', '{}', 'failed')"
        )
    data = client.get("/health/").json()
    assert data["jobs_waiting"] == 1
    assert data["jobs_failed"] == 1


@pytest.mark.django_db
def test_it_answers_503_when_the_queue_table_is_unreachable(client):
    # Inside the test's transaction: rolled back afterwards.
    with connection.cursor() as cursor:
        cursor.execute("ALTER TABLE procrastinate_jobs RENAME TO procrastinate_jobs_gone")
    response = client.get("/health/")
    assert response.status_code == 503
    data = response.json()
    assert data["database"] == "ok"
    assert data["queue"].startswith("error")
    assert data["status"] == "fail"


@pytest.mark.django_db
def test_it_answers_503_when_the_database_is_down(client, monkeypatch):
    def broken_cursor(*args, **kwargs):
        from django.db import OperationalError

        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", broken_cursor)
    response = client.get("/health/")
    assert response.status_code == 503
    assert response.json()["database"].startswith("error")


@pytest.mark.django_db
def test_it_needs_no_login_and_sets_no_cookie(client):
    response = client.get("/health/")
    assert response.status_code == 200
    assert "sessionid" not in response.cookies


@pytest.mark.django_db
def test_it_reports_jobs_whose_worker_stopped_sending_heartbeats(client, settings):
    settings.JOB_STALLED_AFTER_SECONDS = 30
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO procrastinate_workers (last_heartbeat) VALUES "
            "(now()), (now() - interval '5 minutes') RETURNING id"
        )
        alive, dead = (row[0] for row in cursor.fetchall())
        cursor.execute(
            "INSERT INTO procrastinate_jobs (queue_name, task_name, args, status, worker_id) "
            "VALUES ('mail', 'portal.send_mail', '{}', 'doing', %s), "
            "('mail', 'portal.send_mail', '{}', 'doing', %s), "
            "('mail', 'portal.send_mail', '{}', 'doing', NULL)",
            [alive, dead],
        )
    response = client.get("/health/")
    assert response.status_code == 200  # a web node that works stays in rotation
    data = response.json()
    assert data["jobs_stalled"] == 2
    assert "jobs_stalled" in data["attention"]


@pytest.mark.django_db
def test_it_reports_mails_that_failed_for_good(client):
    from portal.lib.mail import queue_mail
    from portal.models import OutgoingMail

    mail = queue_mail(to="a@example.org", subject="S", body_text="x")
    data = client.get("/health/").json()
    assert data["mails_queued"] == 1 and data["mails_failed"] == 0
    assert data["attention"] == []
    OutgoingMail.objects.filter(pk=mail.pk).update(status="failed")
    data = client.get("/health/").json()
    assert data["mails_failed"] == 1
    assert data["attention"] == ["mails_failed"]
