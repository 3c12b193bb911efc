"""Background jobs of the portal app (procrastinate, on the same PostgreSQL)."""

from __future__ import annotations

import base64
import logging
from datetime import timedelta
from email.utils import parseaddr

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import connection, transaction
from django.utils import timezone
from procrastinate import RetryDecision, RetryStrategy
from procrastinate.contrib.django import app

from portal.lib import ratelimit
from portal.models import Invitation, OutgoingMail

logger = logging.getLogger(__name__)

# Attempts before a mail counts as failed (staff see it and can resend it). With the back-off
# below they span about 40 minutes: a relay outage of a few minutes delays mail by minutes.
MAIL_ATTEMPTS = 12
MAIL_RETRY_FIRST_WAIT = 10  # seconds
MAIL_RETRY_MAX_WAIT = 300  # seconds


class CappedBackoff(RetryStrategy):
    """procrastinate's exponential back-off (10 s, 100 s, 1,000 s …) grows too fast for mail:
    double the wait from ``wait`` up to ``max_wait``, then keep it there."""

    max_wait: int = MAIL_RETRY_MAX_WAIT

    def get_retry_decision(self, *, exception: BaseException, job) -> RetryDecision | None:
        if self.max_attempts and job.attempts >= self.max_attempts:
            return None
        seconds = min(self.max_wait, self.wait * 2**job.attempts)
        return RetryDecision(retry_in={"seconds": seconds})


MAIL_RETRY = CappedBackoff(max_attempts=MAIL_ATTEMPTS - 1, wait=MAIL_RETRY_FIRST_WAIT)


def _message(mail: OutgoingMail) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=mail.subject,
        body=mail.body_text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[mail.to],
        reply_to=[mail.reply_to] if mail.reply_to else None,
        # The same Message-ID on every attempt: should the one remaining window ever send a
        # mail twice (see send_mail), mail systems that deduplicate by it show it once.
        headers={"Message-ID": f"<mail.{mail.pk}.{mail.created_at:%Y%m%d%H%M%S%f}@{_domain()}>"},
    )
    if mail.body_html:
        message.attach_alternative(mail.body_html, "text/html")
    for attachment in mail.attachments:
        message.attach(
            attachment["filename"],
            base64.b64decode(attachment["content"]),
            attachment["mimetype"],
        )
    return message


def _domain() -> str:
    address = parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
    return address.rpartition("@")[2] or "localhost"


@app.task(name="portal.send_mail", queue="mail", pass_context=True, retry=MAIL_RETRY)
def send_mail(context, mail_id: int) -> None:
    """Deliver one queued mail exactly once, as far as SMTP allows.

    The row is claimed with ``SELECT … FOR UPDATE SKIP LOCKED`` and stays locked while the relay
    is talked to; it is marked sent in the same transaction. So two jobs for one mail (a
    recovered job whose worker still lives, a resend) never send it both, and a row marked sent
    is never sent again. If the worker dies during the SMTP dialogue, the lock goes with its
    connection and the recovered job sends the mail (the relay had not accepted it yet). The one
    remaining window: the relay accepted the mail and the worker or the database died before
    the COMMIT of "sent"; then the mail goes out twice (docs/operations.md, "E-mail").
    """
    error: Exception | None = None
    with transaction.atomic():
        mail = (
            OutgoingMail.objects.select_for_update(skip_locked=True)
            .filter(pk=mail_id, status=OutgoingMail.Status.QUEUED)
            .first()
        )
        if mail is None:
            return  # sent already, given up, deleted, or being sent by another job right now
        mail.attempts += 1
        try:
            _message(mail).send()
        except Exception as exc:
            error = exc
            mail.last_error = f"{type(exc).__name__}: {exc}"[:2000]
            job = getattr(context, "job", None)
            final = job is None or job.attempts + 1 >= MAIL_ATTEMPTS
            mail.status = OutgoingMail.Status.FAILED if final else OutgoingMail.Status.QUEUED
            mail.save(update_fields=["attempts", "last_error", "status"])
        else:
            mail.status = OutgoingMail.Status.SENT
            mail.sent_at = timezone.now()
            mail.last_error = ""
            mail.save(update_fields=["attempts", "last_error", "status", "sent_at"])
    if error is not None:
        raise error


# A worker that died (kill -9, out of memory, machine lost) leaves its jobs in "doing".
# Every worker sends a heartbeat (settings.PROCRASTINATE_WORKER_DEFAULTS); this periodic task
# puts the jobs of workers whose heartbeat stopped back in the queue, so they run again within
# a minute. The mail job's row lock makes a rerun safe.
@app.periodic(cron=f"* * * * * */{settings.JOB_STALLED_CHECK_SECONDS}")
@app.task(name="portal.retry_stalled_jobs", queue="default")
async def retry_stalled_jobs(timestamp: int) -> int:
    stalled = list(
        await app.job_manager.get_stalled_jobs(
            seconds_since_heartbeat=settings.JOB_STALLED_AFTER_SECONDS
        )
    )
    for job in stalled:
        logger.warning("Retrying stalled job %s (%s)", job.id, job.task_name)
        await app.job_manager.retry_job(job)
    return len(stalled)


# How long the mail log keeps a mail's text (it may hold personal data) and its row.
MAIL_BODY_RETENTION_DAYS = 30
MAIL_LOG_RETENTION_DAYS = 180
# Finished procrastinate jobs are kept this long for troubleshooting.
FINISHED_JOB_RETENTION_HOURS = 7 * 24


def purge_mail_log(now=None) -> tuple[int, int]:
    """Blank old mails' text and attachments, then drop rows older than the log's period."""
    now = now or timezone.now()
    blanked = (
        OutgoingMail.objects.filter(created_at__lt=now - timedelta(days=MAIL_BODY_RETENTION_DAYS))
        .exclude(status=OutgoingMail.Status.QUEUED)
        .exclude(body_text="", body_html="", attachments=[])
        .update(body_text="", body_html="", attachments=[])
    )
    deleted, _ = OutgoingMail.objects.filter(
        created_at__lt=now - timedelta(days=MAIL_LOG_RETENTION_DAYS)
    ).delete()
    return blanked, deleted


def purge_finished_jobs() -> int:
    """The same query as procrastinate's builtin ``remove_old_jobs``, for succeeded jobs."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            DELETE FROM procrastinate_jobs WHERE id IN (
                SELECT job.id FROM procrastinate_jobs job
                JOIN procrastinate_events event ON event.job_id = job.id
                WHERE job.status = 'succeeded'
                GROUP BY job.id
                HAVING max(event.at) < now() - make_interval(hours => %s)
            )
            """,
            [FINISHED_JOB_RETENTION_HOURS],
        )
        return cursor.rowcount


@app.periodic(cron="17 3 * * *")
@app.task(name="portal.housekeeping", queue="default")
def housekeeping(timestamp: int | None = None) -> dict[str, int]:
    """Nightly: rate-limit windows, expired invitations, the mail log, finished jobs."""
    blanked, deleted = purge_mail_log()
    expired, _ = Invitation.objects.filter(
        accepted_at__isnull=True, expires_at__lt=timezone.now() - timedelta(days=30)
    ).delete()
    return {
        "rate_limit_windows": ratelimit.purge_old_windows(),
        "invitations": expired,
        "mail_bodies_blanked": blanked,
        "mails_deleted": deleted,
        "jobs": purge_finished_jobs(),
    }


@app.task(name="portal.machine_translate", queue="default")
def machine_translate_job(
    region_id: int, language: str, documents: dict[str, list[int]] | None = None
) -> int:
    """Machine-translate a region's missing texts into one language (the provider is slow and
    remote, so never inside a request). A provider failure is logged; staff can ask again."""
    from portal.models import Region
    from portal.translations import machine

    region = Region.objects.filter(pk=region_id).first()
    if region is None:
        return 0
    try:
        return machine.machine_translate(region=region, language=language, documents=documents)
    except machine.MachineTranslationError:
        logger.exception("machine translation for %s into %s failed", region.slug, language)
        return 0


@app.periodic(cron="40 3 * * *")
@app.task(name="portal.retention", queue="default")
def retention(timestamp: int | None = None) -> dict[str, object]:
    """Nightly: every county's retention rules, county by county (a county that fails is
    recorded, retried hourly and shown on /health/), then the data of no county."""
    from portal.lib.regionjobs import run_for_regions
    from portal.retention import RETENTION_JOB, apply_global

    run = run_for_regions(RETENTION_JOB)
    logger.info("Retention: %s rows, failed for %s", run.total, sorted(run.failed))
    return {"regions": run.done, "failed": run.failed, "global": apply_global()}


@app.periodic(cron="25 * * * *")
@app.task(name="portal.retry_failed_region_jobs", queue="default")
def retry_failed_region_jobs(timestamp: int | None = None) -> dict[str, object]:
    """Hourly: run the nightly work of counties where it failed again."""
    from portal.lib.regionjobs import retry_failed

    run = retry_failed()
    return {"done": run.done, "failed": run.failed}
