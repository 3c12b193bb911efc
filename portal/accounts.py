"""allauth adapter: no open sign-up, and all account mail goes through the mail queue."""

from allauth.account.adapter import DefaultAccountAdapter

from portal import hooks
from portal.lib.mail import queue_mail
from portal.models import OutgoingMail


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request) -> bool:
        # Staff are invited by a coordinator; providers are created by staff.
        return False

    def get_login_redirect_url(self, request) -> str:
        # People without a staff membership (e.g. an offer provider's contact) would land in an
        # empty back-office: the apps say where they belong (hooks.LOGIN_REDIRECTS).
        user = request.user
        if not user.is_superuser and not user.memberships.exists():
            for redirect_for in hooks.get(hooks.LOGIN_REDIRECTS):
                url = redirect_for(user)
                if url:
                    return url
        return super().get_login_redirect_url(request)

    def send_mail(self, template_prefix, email, context):
        message = self.render_mail(template_prefix, email, context)
        html = ""
        for content, mimetype in getattr(message, "alternatives", []):
            if mimetype == "text/html":
                html = content
        queue_mail(
            to=email,
            subject=message.subject,
            body_text=message.body,
            body_html=html,
            topic=OutgoingMail.Topic.ACCOUNT,
        )
