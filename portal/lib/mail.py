"""Queue e-mail as rows, each with the job that sends it, in the caller's transaction.

The mail row and its job are written in the same transaction as the change that owes the mail
(the transactional outbox): a rolled-back change sends nothing, and a committed one cannot lose
its mail to a process or database crash right after the COMMIT. The job claims the row under a
lock, sends, and marks it sent (``portal.tasks.send_mail``).
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.template import TemplateDoesNotExist
from django.template.loader import get_template, render_to_string
from django.utils import translation

from portal.lib import jobs
from portal.models import OutgoingMail, Region

Topic = OutgoingMail.Topic

# Who may read a mail in the staff log follows its topic; templated mails get theirs from the
# app that renders them unless the caller names one.
_TOPIC_BY_TEMPLATE = {
    "conferences/": Topic.REGISTRATION,
    "networks/": Topic.NETWORK,
    "offers/": Topic.DIRECTORY,
    "portal/email/invitation": Topic.ACCOUNT,
}


def topic_for(template_prefix: str) -> str:
    for start, topic in _TOPIC_BY_TEMPLATE.items():
        if template_prefix.startswith(start):
            return topic
    return Topic.OFFICE


@dataclass(frozen=True)
class Attachment:
    filename: str
    mimetype: str
    content: bytes

    def as_json(self) -> dict[str, str]:
        return {
            "filename": self.filename,
            "mimetype": self.mimetype,
            "content": base64.b64encode(self.content).decode("ascii"),
        }


def render_mail(
    template_prefix: str, context: dict[str, Any], language: str | None = None
) -> tuple[str, str, str]:
    """Render ``<prefix>_subject.txt``, ``_message.txt`` and (if present) ``_message.html``."""
    language = language or settings.LANGUAGE_CODE
    with translation.override(language):
        subject = " ".join(render_to_string(f"{template_prefix}_subject.txt", context).split())
        text = render_to_string(f"{template_prefix}_message.txt", context)
        try:
            html_template = get_template(f"{template_prefix}_message.html")
        except TemplateDoesNotExist:  # an HTML part is optional; an error inside one is not
            html = ""
        else:
            html = html_template.render(context)
    return subject, text, html


def queue_mail(
    *,
    to: str,
    subject: str,
    body_text: str,
    body_html: str = "",
    region: Region | None = None,
    reply_to: str = "",
    attachments: list[Attachment] | None = None,
    topic: str = Topic.OFFICE,
    purpose: str = "",
) -> OutgoingMail:
    """Store the mail and its sending job in the current transaction.

    ``purpose`` names what owes the mail when the caller may run more than once (a retried
    job): a second call with the same purpose returns the first mail and queues nothing.
    """
    fields = {
        "region": region,
        "topic": topic,
        "to": to,
        "reply_to": reply_to,
        "subject": subject[:300],
        "body_text": body_text,
        "body_html": body_html,
        "attachments": [a.as_json() for a in attachments or []],
    }
    with transaction.atomic():
        if purpose:
            try:
                with transaction.atomic():
                    mail = OutgoingMail.objects.create(purpose=purpose[:200], **fields)
            except IntegrityError:
                return OutgoingMail.objects.get(purpose=purpose[:200])
        else:
            mail = OutgoingMail.objects.create(**fields)
        _defer_sending(mail)
    return mail


def _defer_sending(mail: OutgoingMail) -> None:
    from portal.tasks import send_mail  # the task module imports this one

    mail.job_id = jobs.defer(send_mail, mail_id=mail.pk)
    OutgoingMail.objects.filter(pk=mail.pk).update(job_id=mail.job_id)


def resend_mail(*, mail: OutgoingMail, copy_number: int) -> OutgoingMail | None:
    """Send a mail again at staff's request.

    A failed mail is queued again as it is. A sent one is copied (the log keeps when the first
    went out); ``copy_number`` is the number of copies the staff member saw, so a form sent
    twice makes one copy, not two. Returns the mail that will be sent, or None when there was
    nothing to do.
    """
    with transaction.atomic():
        mail = OutgoingMail.objects.select_for_update().get(pk=mail.pk)
        if not mail.can_be_resent:
            return None
        if mail.status == OutgoingMail.Status.FAILED:
            mail.status = OutgoingMail.Status.QUEUED
            mail.last_error = ""
            mail.save(update_fields=["status", "last_error"])
            _defer_sending(mail)
            return mail
        purpose = f"resend:{mail.pk}:{copy_number}"
        if OutgoingMail.objects.filter(purpose=purpose).exists():
            return None
        copy = queue_mail(
            to=mail.to,
            subject=mail.subject,
            body_text=mail.body_text,
            body_html=mail.body_html,
            region=mail.region,
            reply_to=mail.reply_to,
            topic=mail.topic,
            purpose=purpose,
        )
        OutgoingMail.objects.filter(pk=copy.pk).update(
            resent_from=mail, attachments=mail.attachments
        )
        return copy


def queue_templated_mail(
    *,
    to: str,
    template_prefix: str,
    context: dict[str, Any],
    language: str | None = None,
    region: Region | None = None,
    reply_to: str = "",
    attachments: list[Attachment] | None = None,
    topic: str | None = None,
    purpose: str = "",
) -> OutgoingMail:
    subject, text, html = render_mail(template_prefix, context, language)
    return queue_mail(
        to=to,
        subject=subject,
        body_text=text,
        body_html=html,
        region=region,
        reply_to=reply_to,
        attachments=attachments,
        topic=topic or topic_for(template_prefix),
        purpose=purpose,
    )
