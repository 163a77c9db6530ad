"""`python manage.py send_reminders`: each reminder before (and after) a deadline, to who must
act, once per deadline and address however often it runs; nothing for a record since decided."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError

from alerts.models import SentEmail
from decisions.models import Action, Ratification
from decisions.services.ratifications import ratification_record_outcome
from decisions.services.scrutiny import recommendation_send
from governance.models import TermsOfReference
from tests.factories import make_meeting, ratification_of

pytestmark = pytest.mark.django_db


def run(day: date) -> str:
    out = io.StringIO()
    call_command("send_reminders", date=day.isoformat(), stdout=out)
    return out.getvalue()


def subjects(address: str) -> list[str]:
    return sorted(m.subject for m in mail.outbox if m.to == [address])


def short(day: date) -> str:
    return f"{day.day} {day:%b}"


def test_ratification_due_then_overdue_once_each_and_none_once_decided(
    routed, due, council, governance_lead, council_lead, icb_lead, board_clerk, admin_user
):
    ratification_record_outcome(
        ratification=ratification_of(routed, council), outcome=Ratification.Status.RATIFIED,
        minute_reference="C/12", decided_on=date(2021, 12, 1), actor=admin_user,
        expected_version=1,
    )  # fmt: skip
    mail.outbox.clear()
    output = run(due - timedelta(days=7))
    trust, icb = "Sherwood Forest Hospitals NHS Foundation Trust", "BSW Integrated Care Board"
    assert subjects(governance_lead.email) == [
        f"Ratification due {short(due)}: {routed} — {trust}"
    ]
    assert subjects(icb_lead.email) == [f"Ratification due {short(due)}: {routed} — {icb}"]
    assert len(subjects(board_clerk.email)) == 2  # copied on both
    assert subjects(council_lead.email) == []  # the council has decided
    assert "Reminders, ratifications: 4 sent" in output
    lead_email = next(m for m in mail.outbox if m.to == [governance_lead.email])
    assert f"/decisions/{routed.pk}/ratifications/" in lead_email.body
    assert "must decide by" in lead_email.body and "What to do" in lead_email.body

    for day in (due - timedelta(days=7), due - timedelta(days=2)):  # again: nothing twice
        mail.outbox.clear()
        run(day)
        assert mail.outbox == []
    run(due + timedelta(days=1))
    assert subjects(governance_lead.email) == [
        f"Ratification overdue since {short(due)}: {routed} — {trust}"
    ]
    assert SentEmail.objects.filter(why=SentEmail.Why.RATIFICATION_OVERDUE).count() == 4


def test_scrutiny_response_due_and_overdue_to_the_organisation_or_body(
    scrutiny_body, trust, body, governance_lead, clerk, admin_user
):
    sent_on = date(2021, 3, 1)
    to_trust = recommendation_send(
        scrutiny_body=scrutiny_body, to_organisation=trust, text="Publish the plan.",
        sent_on=sent_on, regime="health_scrutiny", reference="HSC/R1", actor=admin_user,
    )  # fmt: skip
    to_body = recommendation_send(
        scrutiny_body=scrutiny_body, to_body=body, text="Review capacity.", sent_on=sent_on,
        regime="other", response_days=40, reference="HSC/R2", actor=admin_user,
    )  # fmt: skip
    due = to_trust.response_due
    run(due - timedelta(days=3))
    assert subjects(governance_lead.email) == [
        f"Scrutiny response due {short(due)}: HSC/R1 — Sherwood Forest Hospitals NHS Foundation "
        "Trust"
    ]
    assert subjects(clerk.email) == []  # the body's response is not due within a week yet
    mail.outbox.clear()
    run(to_body.response_due + timedelta(days=1))
    overdue = f"Scrutiny response overdue since {short(to_body.response_due)}: HSC/R2 — {body}"
    assert overdue in subjects(clerk.email)
    assert subjects(governance_lead.email) == [
        f"Scrutiny response overdue since {short(due)}: HSC/R1 — Sherwood Forest Hospitals NHS "
        "Foundation Trust"
    ]
    assert f"/scrutiny/{to_trust.pk}/response/" in mail.outbox[0].body


def test_agenda_to_publish_and_reports_due_for_the_next_meeting(body, terms, clerk, officer):
    coming = make_meeting(body, date(2030, 3, 20), published=False)
    reports_due = coming.reports_due_by  # ten working days before: 6 March 2030
    run(reports_due - timedelta(days=1))
    assert subjects(officer.email) == [f"Reports due {short(reports_due)}: ASCPH, 20 Mar meeting"]
    assert subjects(clerk.email) == []  # the agenda's own deadline is a week later
    run(date(2030, 3, 11))
    assert subjects(clerk.email) == ["Agenda to publish by 12 Mar: ASCPH, 20 Mar meeting"]
    clerk_email = next(m for m in mail.outbox if m.to == [clerk.email])
    assert "must be published by Tuesday 12 March 2030" in clerk_email.body


def test_nothing_for_an_agenda_already_published(body, terms, clerk):
    make_meeting(body, date(2030, 3, 20), published=True)
    run(date(2030, 3, 11))
    assert mail.outbox == []


def test_an_action_reminds_its_owner_where_they_have_an_address(business, member, body):
    action = Action.objects.create(
        body=body, item=business, description="Write to the provider.", owner="Muriel Weisz",
        due_date=date(2021, 2, 1),
    )  # fmt: skip
    Action.objects.create(  # an owner with no account is not written to
        body=body, item=business, description="Call the ward.", owner="Director of Nursing",
        due_date=date(2021, 2, 1),
    )  # fmt: skip
    run(date(2021, 1, 28))
    assert subjects(member.email) == ["Action due 1 Feb: ASCPH — Muriel Weisz"]
    assert "Write to the provider." in mail.outbox[0].body
    assert len(mail.outbox) == 1
    action.status = Action.Status.DONE
    action.save()
    run(date(2021, 2, 2))  # done since: no overdue reminder
    assert len(mail.outbox) == 1


def test_terms_of_reference_review_due_to_the_clerk(terms, body, clerk):
    TermsOfReference.objects.filter(pk=terms.pk).update(review_date=date(2030, 5, 1))
    run(date(2030, 4, 10))
    run(date(2030, 4, 11))
    assert subjects(clerk.email) == ["Terms of reference review due 1 May: ASCPH"]


def test_a_bad_date_is_refused_with_a_clear_message():
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("send_reminders", date="1 May")
