"""Background jobs of the portal app (procrastinate, on the same PostgreSQL)."""

from __future__ import annotations

import base64
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import connection
from django.utils import timezone
from procrastinate import RetryStrategy
from procrastinate.contrib.django import app

from portal.lib import ratelimit
from portal.models import Invitation, OutgoingMail

MAIL_ATTEMPTS = 6


@app.task(
    name="portal.send_mail",
    queue="mail",
    pass_context=True,
    retry=RetryStrategy(max_attempts=MAIL_ATTEMPTS - 1, exponential_wait=10),
)
def send_mail(context, mail_id: int) -> None:
    """Deliver one queued mail; failures are logged on the row and retried with back-off."""
    mail = OutgoingMail.objects.filter(pk=mail_id).first()
    if mail is None or mail.status == OutgoingMail.Status.SENT:
        return
    message = EmailMultiAlternatives(
        subject=mail.subject,
        body=mail.body_text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[mail.to],
        reply_to=[mail.reply_to] if mail.reply_to else None,
    )
    if mail.body_html:
        message.attach_alternative(mail.body_html, "text/html")
    for attachment in mail.attachments:
        message.attach(
            attachment["filename"],
            base64.b64decode(attachment["content"]),
            attachment["mimetype"],
        )
    mail.attempts += 1
    try:
        message.send()
    except Exception as exc:
        mail.last_error = f"{type(exc).__name__}: {exc}"[:2000]
        job = getattr(context, "job", None)
        final = job is None or job.attempts + 1 >= MAIL_ATTEMPTS
        mail.status = OutgoingMail.Status.FAILED if final else OutgoingMail.Status.QUEUED
        mail.save(update_fields=["attempts", "last_error", "status"])
        raise
    mail.status = OutgoingMail.Status.SENT
    mail.sent_at = timezone.now()
    mail.last_error = ""
    mail.save(update_fields=["attempts", "last_error", "status", "sent_at"])


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
