"""load_demo builds the demo record from the seeds and can run again safely."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from governance.models import Body, Organisation, RoleAssignment
from ics_portal.demo_users import DEMO_PASSWORD

pytestmark = pytest.mark.django_db


def _counts():
    return (
        Organisation.objects.count(),
        Body.objects.count(),
        RoleAssignment.objects.count(),
        get_user_model().objects.count(),
    )


def test_load_demo_is_idempotent_and_prints_the_sign_ins(capsys):
    call_command("load_demo")
    first = _counts()
    call_command("load_demo")
    assert _counts() == first
    out = capsys.readouterr().out
    assert DEMO_PASSWORD in out
    for username in ["admin", "clerk", "member", "lead", "officer", "scrutiny"]:
        assert f"  {username} " in out
        assert get_user_model().objects.get(username=username).check_password(DEMO_PASSWORD)


def test_demo_roles_follow_the_seeds():
    call_command("load_demo")
    clerk = RoleAssignment.objects.get(user__username="clerk")
    assert clerk.body.name == "Adult Social Care and Public Health Committee"
    assert clerk.body.organisation.name == "Nottinghamshire County Council"


def test_second_load_writes_no_new_history():
    from governance.models import Membership, Person
    from meetings.models import AgendaItem, Meeting

    call_command("load_demo")
    models = [Person, Membership, Organisation, Body, Meeting, AgendaItem]
    before = [model.history.count() for model in models]
    call_command("load_demo")
    assert [model.history.count() for model in models] == before
