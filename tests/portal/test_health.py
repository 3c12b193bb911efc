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
