"""allauth adapter: no open sign-up, and all account mail goes through the mail queue."""

from allauth.account.adapter import DefaultAccountAdapter

from portal.lib.mail import queue_mail


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request) -> bool:
        # Staff are invited by a coordinator; providers are created by staff.
        return False

    def send_mail(self, template_prefix, email, context):
        message = self.render_mail(template_prefix, email, context)
        html = ""
        for content, mimetype in getattr(message, "alternatives", []):
            if mimetype == "text/html":
                html = content
        queue_mail(to=email, subject=message.subject, body_text=message.body, body_html=html)
