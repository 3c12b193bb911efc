"""`manage.py rotate_mfa_keys`: re-encrypt every TOTP secret and recovery-code seed with the
newest key of MFA_ENCRYPTION_KEYS, so the older keys can be removed afterwards."""

from allauth.mfa.models import Authenticator
from django.core.management.base import BaseCommand
from django.db import transaction

from portal.mfa import reencrypt_authenticators


class Command(BaseCommand):
    help = "Re-encrypt the second-factor secrets with the first key of MFA_ENCRYPTION_KEYS."

    def handle(self, *args, **options):
        with transaction.atomic():
            authenticators = Authenticator.objects.select_for_update().exclude(
                type=Authenticator.Type.WEBAUTHN
            )
            count = reencrypt_authenticators(authenticators)
        self.stdout.write(f"Re-encrypted {count} authenticators.")
