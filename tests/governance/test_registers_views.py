"""The public register page, its include, and who may edit a person's register."""

import re
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from governance.access import can_edit_person
from governance.models import GiftOrHospitality, Interest, InterestKind, Membership, Person
from governance.selectors.registers import current_interests, recent_gifts
from tests.factories import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def seated_councillor(body, council) -> Person:
    """A councillor who sits on the clerk's body now, with a sign-in of their own."""
    user = make_user("jane", first_name="Jane", last_name="Doe")
    person = Person.objects.create(
        name="Jane Doe", slug="jane-doe", honorific="Councillor", user=user
    )
    Membership.objects.create(
        body=body, person=person, representing=council, start=date(2021, 5, 1)
    )
    return person


@pytest.fixture
def interest(seated_councillor) -> Interest:
    return Interest.objects.create(
        person=seated_councillor,
        kind=InterestKind.OTHER_REGISTRABLE,
        description="Member of Ollerton Parish Council",
        organisation_name="Ollerton Parish Council",
        registered_from=date(2021, 5, 10),
    )


@pytest.fixture
def gift(seated_councillor) -> GiftOrHospitality:
    return GiftOrHospitality.objects.create(
        person=seated_councillor,
        kind="hospitality",
        description="Dinner at a conference",
        offered_by="A supplier",
        value=Decimal("30.00"),
        date_offered=timezone.localdate() - timedelta(days=10),
        decision="accepted",
    )


def test_who_may_edit_a_persons_register(
    seated_councillor, admin_user, clerk, member, officer, outsider, scrutiny_member, body
):
    assert can_edit_person(admin_user, seated_councillor)
    assert can_edit_person(seated_councillor.user, seated_councillor)
    assert can_edit_person(clerk, seated_councillor)
    for user in [member, officer, outsider, scrutiny_member, AnonymousUser()]:
        assert not can_edit_person(user, seated_councillor)


def test_a_clerk_may_not_edit_once_the_person_has_left_the_body(seated_councillor, clerk):
    Membership.objects.filter(person=seated_councillor).update(end=date(2022, 1, 1))
    assert not can_edit_person(clerk, seated_councillor)


def test_the_clerk_check_is_one_query(seated_councillor, clerk, django_assert_num_queries):
    from governance.access import roles

    roles(clerk)
    with django_assert_num_queries(1):
        assert can_edit_person(clerk, seated_councillor)


def test_the_register_page_shows_current_and_past_entries_and_thresholds(
    client, seated_councillor, interest, gift
):
    Interest.objects.create(
        person=seated_councillor,
        kind=InterestKind.DISCLOSABLE_PECUNIARY,
        description="Shareholding in Example Ltd",
        registered_from=date(2019, 1, 1),
        registered_to=date(2020, 1, 1),
    )
    GiftOrHospitality.objects.create(
        person=seated_councillor,
        kind="hospitality",
        description="Box at a match",
        offered_by="A contractor",
        value=Decimal("150.00"),
        date_offered=date(2022, 3, 1),
        decision="declined",
    )
    response = client.get(reverse("governance:person_register", args=[seated_councillor.slug]))
    html = response.content.decode()
    assert response.status_code == 200
    current, rest = html.split('<h2 class="govuk-heading-l">Past interests</h2>')
    past = rest.split('<h2 class="govuk-heading-l">Gifts and hospitality</h2>')[0]
    assert "Member of Ollerton Parish Council" in current
    assert "Shareholding in Example Ltd" in past and "Shareholding" not in current
    assert "Over £25: declared" in html
    assert "Over £75: refuse or approve" in html
    assert "hospitality worth over £25 must be declared" in html
    assert "Add an interest" not in html  # the public cannot edit


def test_the_include_shows_the_current_register(seated_councillor, interest, gift):
    html = render_to_string(
        "governance/registers/_register.html",
        {
            "person": seated_councillor,
            "interests": current_interests(seated_councillor),
            "gifts": recent_gifts(seated_councillor),
        },
    )
    assert "Member of Ollerton Parish Council" in html
    assert "Dinner at a conference" in html
    assert reverse("governance:person_register", args=[seated_councillor.slug]) in html


def test_the_register_page_query_count_does_not_grow(
    client, seated_councillor, council, django_assert_max_num_queries
):
    for n in range(30):
        Interest.objects.create(
            person=seated_councillor,
            kind=InterestKind.OTHER_REGISTRABLE,
            description=f"Interest {n}",
            organisation_concerned=council if n % 2 else None,
            registered_from=date(2020, 1, 1),
            registered_to=date(2021, 1, 1) if n % 3 else None,
        )
        GiftOrHospitality.objects.create(
            person=seated_councillor,
            kind="gift",
            description=f"Gift {n}",
            offered_by="Someone",
            value=Decimal(n),
            date_offered=date(2022, 1, 1),
            decision="declined",
        )
    client.force_login(seated_councillor.user)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("governance:person_register", args=[seated_councillor.slug]))
    assert response.status_code == 200
    assert "Interest 29" in response.content.decode()


def _interest_data(**extra):
    data = {
        "kind": InterestKind.OTHER_REGISTRABLE,
        "description": "Trustee of a local charity",
        "organisation_name": "Newark Food Bank",
        "registered_from": "2022-02-01",
    }
    data.update(extra)
    return data


def _gift_data(**extra):
    data = {
        "kind": "gift",
        "description": "Bottle of wine",
        "offered_by": "A patient's family",
        "value": "60",
        "date_offered": "2022-12-20",
        "decision": "declined",
        "approved_by": "",
    }
    data.update(extra)
    return data


def _edit_urls(seated_councillor, interest, gift):
    return [
        (reverse("governance:interest_create", args=[seated_councillor.slug]), _interest_data()),
        (
            reverse("governance:interest_edit", args=[seated_councillor.slug, interest.pk]),
            _interest_data(),
        ),
        (
            reverse("governance:interest_end", args=[seated_councillor.slug, interest.pk]),
            {"registered_to": "2023-01-01"},
        ),
        (reverse("governance:gift_create", args=[seated_councillor.slug]), _gift_data()),
        (reverse("governance:gift_edit", args=[seated_councillor.slug, gift.pk]), _gift_data()),
    ]


def _snapshot():
    return (
        list(Interest.objects.values_list("pk", "description", "registered_to")),
        list(GiftOrHospitality.objects.values_list("pk", "description", "value")),
    )


@pytest.mark.parametrize("who", ["member", "officer", "outsider", "scrutiny_member"])
def test_edit_views_refuse_others_and_change_nothing(
    request, client_for, seated_councillor, interest, gift, who
):
    user = request.getfixturevalue(who)
    before = _snapshot()
    for url, data in _edit_urls(seated_councillor, interest, gift):
        assert client_for(user).get(url).status_code == 403, url
        assert client_for(user).post(url, data).status_code == 403, url
    assert _snapshot() == before


def test_edit_views_send_the_public_to_sign_in(client_for, seated_councillor, interest, gift):
    before = _snapshot()
    for url, data in _edit_urls(seated_councillor, interest, gift):
        for response in [client_for(None).get(url), client_for(None).post(url, data)]:
            assert response.status_code == 302
            assert response["Location"].startswith(reverse("login"))
    assert _snapshot() == before


@pytest.mark.parametrize("who", ["admin_user", "clerk", "self"])
def test_edit_views_let_admins_clerks_and_the_person_edit(
    request, client_for, seated_councillor, interest, gift, who
):
    user = seated_councillor.user if who == "self" else request.getfixturevalue(who)
    client = client_for(user)
    for url, data in _edit_urls(seated_councillor, interest, gift):
        page = client.get(url)
        assert page.status_code == 200, url
        # The hidden fields as the page was opened: the version a stale form is refused by.
        opened = dict(re.findall(r'type="hidden" name="(\w+)" value="(\d+)"', page.text))
        response = client.post(url, {**opened, **data})
        assert response.status_code == 302, (url, response.content.decode()[:3000])
        assert response["Location"] == reverse(
            "governance:person_register", args=[seated_councillor.slug]
        )
    assert Interest.objects.filter(description="Trustee of a local charity").count() == 2
    interest.refresh_from_db()
    assert interest.registered_to == date(2023, 1, 1)
    assert interest.history.first().history_user == user
    assert GiftOrHospitality.objects.filter(description="Bottle of wine").count() == 2


def test_a_clerk_adds_an_interest_and_sees_it_on_the_register(
    client_for, clerk, seated_councillor
):
    client = client_for(clerk)
    response = client.post(
        reverse("governance:interest_create", args=[seated_councillor.slug]),
        _interest_data(),
        follow=True,
    )
    html = response.content.decode()
    assert "Interest added to the register." in html
    assert "Trustee of a local charity" in html
    assert Interest.objects.get().history.get().history_user == clerk


def test_end_before_start_is_shown_on_the_form_and_saves_nothing(
    client_for, clerk, seated_councillor, interest
):
    url = reverse("governance:interest_end", args=[seated_councillor.slug, interest.pk])
    response = client_for(clerk).post(url, {"registered_to": "2020-01-01"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: " in html
    assert "The end date must be on or after the date registered." in html
    interest.refresh_from_db()
    assert interest.registered_to is None


def test_unapproved_hospitality_over_75_pounds_is_refused_on_the_form(
    client_for, clerk, seated_councillor
):
    url = reverse("governance:gift_create", args=[seated_councillor.slug])
    data = _gift_data(kind="hospitality", value="95", decision="accepted")
    response = client_for(clerk).post(url, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Hospitality worth over £75 must be declined, or say who approved" in html
    assert not GiftOrHospitality.objects.exists()


def test_an_interest_of_another_person_is_not_found(
    client_for, clerk, seated_councillor, interest, member
):
    other = Person.objects.get(user=member)
    url = reverse("governance:interest_edit", args=[other.slug, interest.pk])
    Membership.objects.filter(person=other).update(start=date(2017, 5, 4))
    assert client_for(clerk).get(url).status_code == 404
