"""Queue e-mail as rows; a background job sends each one after the transaction commits."""

from __future__ import annotations

import base64
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from portal.models import OutgoingMail, Region


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


def render_mail(template_prefix: str, context: dict, language: str | None = None):
    """Render ``<prefix>_subject.txt``, ``_message.txt`` and (if present) ``_message.html``."""
    language = language or settings.LANGUAGE_CODE
    with translation.override(language):
        subject = " ".join(render_to_string(f"{template_prefix}_subject.txt", context).split())
        text = render_to_string(f"{template_prefix}_message.txt", context)
        try:
            html = render_to_string(f"{template_prefix}_message.html", context)
        except Exception:  # noqa: BLE001 - an HTML part is optional
            html = ""
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
) -> OutgoingMail:
    """Store the mail and schedule its delivery once the surrounding transaction commits."""
    mail = OutgoingMail.objects.create(
        region=region,
        to=to,
        reply_to=reply_to,
        subject=subject[:300],
        body_text=body_text,
        body_html=body_html,
        attachments=[a.as_json() for a in attachments or []],
    )
    from portal.tasks import send_mail  # the task module imports this one

    transaction.on_commit(lambda: send_mail.defer(mail_id=mail.pk))
    return mail


def queue_templated_mail(
    *,
    to: str,
    template_prefix: str,
    context: dict,
    language: str | None = None,
    region: Region | None = None,
    reply_to: str = "",
    attachments: list[Attachment] | None = None,
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
    )
