"""Nothing acknowledged is ever lost: processes and the database are killed while the portal
works, and every committed change still gets its mail, exactly once.

Each test prints its counts (run with ``-s`` to see them).
"""

from __future__ import annotations

import json
import logging
import re
import signal
import threading
import time
import uuid
from collections import Counter

import httpx
import pytest

# django_db: so the suite sets up its test database, whose schema the throwaway cluster copies.
pytestmark = [pytest.mark.faults, pytest.mark.django_db]


@pytest.fixture(autouse=True)
def quiet_http_client_log(caplog):
    caplog.set_level(logging.WARNING, logger="httpx")


def _mails_by_recipient(smtp) -> Counter:
    return Counter(smtp.recipients())


def test_a_write_killed_between_commit_and_response_keeps_its_mail(portal, smtp):
    # Each write runs in a process killed (SIGKILL) right after its COMMIT.
    portal.manage("tests.faults.scenario", "writes-killed-after-commit")
    registrations = dict(portal.query("SELECT email, status FROM conferences_registration"))
    assert registrations == {"anna@example.org": "cancelled", "ben@example.org": "cancelled"}
    render_jobs = sorted(
        (args["kind"], args["registration_id"])
        for (args,) in portal.query(
            "SELECT args FROM procrastinate_jobs "
            "WHERE task_name = 'conferences.send_registration_mail'"
        )
    )
    assert [kind for kind, _ in render_jobs] == sorted(
        ["confirmed", "waiting", "cancelled", "moved_up", "event_cancelled"]
    )

    portal.start_worker()
    portal.wait_until_queue_is_empty()
    received = _mails_by_recipient(smtp)
    print(f"\nkilled after commit: 5 writes, mails received {dict(received)}")
    assert received == {
        "anna@example.org": 2,  # confirmed, cancelled
        "ben@example.org": 3,  # waiting list, moved up, event cancelled
        "neu@example.org": 1,  # the staff invitation
    }
    assert portal.query("SELECT status, count(*) FROM portal_outgoingmail GROUP BY 1") == [
        ("sent", 6)
    ]


def test_a_worker_killed_while_sending_loses_no_mail_and_sends_none_twice(portal, smtp):
    count = 12
    portal.manage("tests.faults.scenario", "queue-mails", str(count))
    smtp.hold(1)  # the relay keeps one message waiting for its "250"
    # One mail at a time: with two, the kill could also land in the one window SMTP leaves
    # (another mail accepted by the relay, its "sent" not yet committed; portal.tasks.send_mail),
    # where a second delivery is documented, not a fault of the claim this test checks.
    first = portal.start_worker(concurrency=1)
    assert smtp.state.held.wait(120), "the worker never sent"  # a slow boot on a busy machine
    first.send_signal(signal.SIGKILL)  # mid-send: the relay has the data, not yet accepted
    first.wait()
    killed_at = time.monotonic()
    stranded = portal.query("SELECT count(*) FROM procrastinate_jobs WHERE status = 'doing'")
    portal.start_worker()  # what supervisord or systemd does
    portal.wait_until_queue_is_empty()
    recovered_after = time.monotonic() - killed_at

    received = _mails_by_recipient(smtp)
    duplicates = {to: n for to, n in received.items() if n > 1}
    print(
        f"\nworker kill -9 mid-send: {count} mails, {len(received)} delivered, "
        f"{len(duplicates)} twice, {smtp.state.dropped} dropped in flight, "
        f"{stranded[0][0]} job(s) stranded at the kill, recovered in {recovered_after:.1f} s"
    )
    assert smtp.state.dropped == 1
    assert set(received) == {f"person{n}@example.org" for n in range(count)}
    assert duplicates == {}
    assert portal.query("SELECT DISTINCT status FROM portal_outgoingmail") == [("sent",)]
    assert portal.jobs_left() == []


def test_the_worker_keeps_working_through_a_database_restart(portal, cluster, smtp):
    worker = portal.start_worker()
    portal.manage("tests.faults.scenario", "queue-mails", "3", "before")
    portal.wait_until_queue_is_empty()
    cluster.crash()
    time.sleep(4)  # several missed heartbeats (1 s in this test)
    cluster.start()
    portal.manage("tests.faults.scenario", "queue-mails", "3", "after")
    portal.wait_until_queue_is_empty()
    received = _mails_by_recipient(smtp)
    print(
        f"\ndatabase restart under the worker: {sum(received.values())} of 6 mails, "
        f"worker {'running' if worker.poll() is None else f'exited ({worker.returncode})'}"
    )
    assert worker.poll() is None  # the same process, not a restart by a supervisor
    assert received == {f"{who}{n}@example.org": 1 for who in ("before", "after") for n in range(3)}


def _registration_client(base: str, event_slug: str, date_id: int):
    form_url = f"{base}/faults/events/{event_slug}/register/"

    def register(n: int, outcome: dict, deadline: float) -> None:
        """One visitor: load the form, send it, and send the same form again on a 503."""
        data = {
            "idempotency_key": str(uuid.uuid4()),
            "event_date": str(date_id),
            "name": f"Person {n}",
            "email": f"rush{n}@example.org",
            "consent": "on",
            "homepage": "",
        }
        with httpx.Client(timeout=10) as client:
            while time.monotonic() < deadline:
                try:
                    if "csrftoken" not in client.cookies:
                        page = client.get(form_url)
                        outcome["statuses"].append(page.status_code)
                        if page.status_code != 200:
                            time.sleep(0.1)
                            continue
                    data["csrfmiddlewaretoken"] = client.cookies["csrftoken"]
                    response = client.post(form_url, data=data)
                except httpx.TransportError:
                    outcome["transport_errors"] += 1
                    time.sleep(0.1)
                    continue
                outcome["statuses"].append(response.status_code)
                if response.status_code == 302 and re.search(
                    r"/confirmation/$", response.headers.get("location", "")
                ):
                    outcome["acknowledged"].append(data["email"])
                    return
                if response.status_code != 503:
                    outcome["refused"].append((data["email"], response.status_code))
                    return
                assert response.headers.get("retry-after")
                time.sleep(0.1)

    return register


def test_a_database_crash_during_a_registration_rush_loses_no_acknowledged_registration(
    portal, cluster, smtp
):
    visitors, seats = 40, 30
    port = _free_port()
    portal.start(
        "-m", "gunicorn", "portal.wsgi:application", "-b", f"127.0.0.1:{port}",
        "-w", "2", "--threads", "4", "--log-level", "warning",
    )  # fmt: skip
    ids = json.loads(portal.manage("tests.faults.scenario", "seed", str(seats)))
    base = f"http://127.0.0.1:{port}"
    _wait_for(lambda: httpx.get(f"{base}/health/ping/").status_code == 200)

    outcome = {"acknowledged": [], "refused": [], "statuses": [], "transport_errors": 0}
    register = _registration_client(base, ids["event_slug"], ids["date_id"])
    deadline = time.monotonic() + 40
    threads = [
        threading.Thread(target=register, args=(n, outcome, deadline)) for n in range(visitors)
    ]
    for thread in threads:
        thread.start()
        time.sleep(0.01)
    _wait_for(lambda: len(outcome["acknowledged"]) >= 10, timeout=30)
    cluster.crash()  # pg_ctl -m immediate: no checkpoint, connections cut
    time.sleep(0.5)
    cluster.start()
    for thread in threads:
        thread.join()

    portal.start_worker()
    portal.wait_until_queue_is_empty()
    acknowledged = set(outcome["acknowledged"])
    stored = dict(
        portal.query("SELECT email, status FROM conferences_registration WHERE event_date_id = %s",
                     (ids["date_id"],))
    )  # fmt: skip
    received = _mails_by_recipient(smtp)
    statuses = Counter(outcome["statuses"])
    print(
        f"\ndatabase crash in a rush: {visitors} visitors, {len(acknowledged)} acknowledged, "
        f"{len(acknowledged - set(stored))} acknowledged but lost, "
        f"{sum(1 for e in acknowledged if received[e] == 0)} without mail, "
        f"{sum(1 for n in received.values() if n > 1)} mailed twice, responses {dict(statuses)}, "
        f"{outcome['transport_errors']} connection errors"
    )
    assert outcome["refused"] == []
    assert len(acknowledged) == visitors
    assert acknowledged <= set(stored)  # 0 acknowledged registrations lost
    assert sum(1 for s in stored.values() if s == "confirmed") == seats
    assert {to: n for to, n in received.items() if n != 1} == {}  # 0 lost, 0 twice
    assert set(received) == acknowledged
    assert statuses[500] == 0
    assert portal.jobs_left() == []


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for(condition, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if condition():
                return
        except (httpx.TransportError, OSError):
            pass
        time.sleep(0.1)
    raise AssertionError("condition not reached in time")
