"""Background jobs of the portal app (procrastinate, on the same PostgreSQL)."""

from __future__ import annotations

import base64

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.utils import timezone
from procrastinate import RetryStrategy
from procrastinate.contrib.django import app

from portal.models import OutgoingMail

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
