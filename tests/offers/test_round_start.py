"""round_start: each provider contact gets a personal link by mail."""


def test_starting_a_round_mails_each_contact_a_personal_link(started):
    from portal.models import OutgoingMail

    assert sorted(started.requests.values_list("email", flat=True)) == [
        "info@caritas.example",
        "kontakt@awo.example",
    ]
    mails = OutgoingMail.objects.filter(region=started.region)
    assert sorted(mails.values_list("to", flat=True)) == sorted(
        ["info@caritas.example", "kontakt@awo.example"]
    )
    assert all("/update/" in mail.body_text for mail in mails)
