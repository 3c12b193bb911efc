"""TOTP secrets and recovery-code seeds stored in the clear are encrypted (portal/mfa.py)."""

from django.db import migrations


def encrypt(apps, schema_editor):
    from portal.mfa import encrypt_authenticators

    Authenticator = apps.get_model("mfa", "Authenticator")
    encrypt_authenticators(Authenticator.objects.exclude(type="webauthn"))


def decrypt(apps, schema_editor):
    from portal.mfa import decrypt_authenticators

    Authenticator = apps.get_model("mfa", "Authenticator")
    decrypt_authenticators(Authenticator.objects.exclude(type="webauthn"))


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0002_translations"),
        ("mfa", "0003_authenticator_type_uniq"),
    ]

    operations = [migrations.RunPython(encrypt, decrypt, elidable=False)]
