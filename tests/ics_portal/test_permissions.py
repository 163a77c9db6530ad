"""The permission module answers for each member of the standard cast."""

import pytest

from decisions.access import can_record_ratification
from governance.access import can_edit_body
from meetings.access import can_see_exempt

pytestmark = pytest.mark.django_db


def test_only_clerks_and_admins_edit_a_body(
    body, admin_user, clerk, member, officer, outsider, governance_lead, scrutiny_member
):
    from django.contrib.auth.models import AnonymousUser

    assert can_edit_body(admin_user, body)
    assert can_edit_body(clerk, body)
    for user in [member, officer, outsider, governance_lead, scrutiny_member, AnonymousUser()]:
        assert not can_edit_body(user, body)


def test_governance_lead_records_only_their_organisations_ratifications(
    trust, council, governance_lead, clerk, admin_user
):
    assert can_record_ratification(governance_lead, trust)
    assert not can_record_ratification(governance_lead, council)
    assert not can_record_ratification(clerk, trust)
    assert can_record_ratification(admin_user, council)


def test_part_two_is_for_members_clerks_and_admins_of_that_body(
    body, scrutiny_body, member, clerk, admin_user, officer, scrutiny_member, outsider
):
    assert can_see_exempt(member, body)
    assert can_see_exempt(clerk, body)
    assert can_see_exempt(admin_user, body)
    assert not can_see_exempt(member, scrutiny_body)
    for user in [officer, scrutiny_member, outsider]:
        assert not can_see_exempt(user, body)


def test_inactive_users_hold_no_role(body, clerk):
    clerk.is_active = False
    assert not can_edit_body(clerk, body)


def test_roles_are_read_once_per_request(clerk, body, django_assert_num_queries):
    with django_assert_num_queries(2):
        for _ in range(5):
            can_edit_body(clerk, body)
            can_see_exempt(clerk, body)
