"""Risk register pages: the register, a risk with its rating over time, and who may edit."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from governance.models import Body, Partnership, Risk, RiskRating, RoleAssignment
from governance.services.risks import risk_close, risk_create, risk_rate

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def clerked_partnership(clerk) -> Partnership:
    """A place partnership whose board the standard clerk also clerks."""
    partnership = Partnership.objects.create(
        name="Wiltshire Alliance",
        short_name="Alliance",
        slug="wiltshire-alliance",
        level=Partnership.Level.PLACE,
    )
    board = Body.objects.create(
        name="Wiltshire Integrated Care Alliance",
        short_name="ICA",
        slug="ica",
        kind=Body.Kind.BOARD,
        partnership=partnership,
    )
    RoleAssignment.objects.create(user=clerk, role=RoleAssignment.Role.CLERK, body=board)
    return partnership


def _risk(register, actor, reference="R1", **extra) -> Risk:
    fields = {
        "title": "Cost of locums increasing",
        "description": "Backfill costs becoming unaffordable.",
        "owner": "Director of Operations",
        "mitigations": "Building Bank capacity locally.",
        "review_date": TODAY + timedelta(days=30),
        "rated_on": TODAY - timedelta(days=60),
        "likelihood": 4,
        "impact": 4,
    }
    fields.update(extra)
    return risk_create(register=register, reference=reference, actor=actor, **fields)


@pytest.fixture
def risk(clerked_partnership, admin_user) -> Risk:
    return _risk(clerked_partnership, admin_user)


@pytest.fixture
def body_risk(body, admin_user) -> Risk:
    return _risk(body, admin_user, "B1", title="Body risk")


def test_register_page_lists_open_risks_with_score_rag_and_overdue_flag(
    client, clerked_partnership, admin_user
):
    _risk(clerked_partnership, admin_user, "R1")
    _risk(
        clerked_partnership,
        admin_user,
        "R2",
        title="Staff sickness",
        likelihood=None,
        impact=None,
        stated_rag="amber",
        review_date=TODAY - timedelta(days=1),
    )
    closed = _risk(clerked_partnership, admin_user, "R3", title="An old risk")
    risk_close(risk=closed, actor=admin_user)

    html = client.get(
        reverse("governance:partnership_risks", args=[clerked_partnership.slug])
    ).content.decode()
    assert "Cost of locums increasing" in html and "Staff sickness" in html
    assert "An old risk" not in html
    assert '<strong class="govuk-tag govuk-tag--red">Red</strong>' in html
    assert '<strong class="govuk-tag govuk-tag--yellow">Amber</strong>' in html
    assert html.count("Review overdue") == 1
    assert "1 to 4" in html and "15 to 25" in html  # the bands are explained
    assert "Add a risk" not in html

    closed_html = client.get(
        reverse("governance:partnership_risks", args=[clerked_partnership.slug]) + "?status=closed"
    ).content.decode()
    assert "An old risk" in closed_html and "Staff sickness" not in closed_html
    junk = client.get(
        reverse("governance:partnership_risks", args=[clerked_partnership.slug]) + "?status=x"
    )
    assert junk.status_code == 200 and "Staff sickness" in junk.content.decode()


def test_body_register_page(client, body, body_risk):
    response = client.get(reverse("governance:body_risks", args=[body.slug]))
    assert response.status_code == 200
    assert "Body risk" in response.content.decode()


def test_risk_page_shows_rating_over_time_newest_first(client, risk, clerk):
    risk_rate(
        risk=risk,
        likelihood=3,
        impact=4,
        rated_on=TODAY - timedelta(days=10),
        note="Bank capacity growing",
        actor=clerk,
    )
    html = client.get(risk.get_absolute_url()).content.decode()
    table = html.split("Rating over time")[1]
    assert table.index("Bank capacity growing") < table.index("First rating")
    assert table.index("12 <span") < table.index("16 <span")
    assert "Jo Toomey" in table
    assert f"/history/governance/risk/{risk.pk}/" in html
    assert "Rate again" not in html


@pytest.mark.parametrize("register", ["partnership", "body"])
def test_list_and_detail_pages_run_a_bounded_number_of_queries(
    request, client_for, clerk, register, django_assert_max_num_queries
):
    owner = request.getfixturevalue({"partnership": "clerked_partnership"}.get(register, register))
    first = None
    for n in range(15):
        risk = _risk(owner, clerk, f"R{n}", likelihood=1 + n % 5, impact=2)
        first = first or risk
    for days in range(20, 0, -1):
        risk_rate(
            risk=first,
            likelihood=1 + days % 5,
            impact=3,
            rated_on=TODAY - timedelta(days=days),
            actor=clerk,
        )
    client = client_for(clerk)
    url = reverse(f"governance:{register}_risks", args=[owner.slug])
    with django_assert_max_num_queries(11):
        assert client.get(url).status_code == 200
    with django_assert_max_num_queries(11):
        response = client.get(first.get_absolute_url())
    assert response.status_code == 200


def _edit_requests(risk, body):
    rating = {
        "likelihood": "2",
        "impact": "2",
        "stated_rag": "",
        "rated_on": TODAY.isoformat(),
        "note": "Better",
    }
    text = {
        "reference": risk.reference,
        "title": "Changed title",
        "description": "d",
        "owner": "o",
        "mitigations": "m",
        "review_date": TODAY.isoformat(),
    }
    new = {
        **text,
        "reference": "N1",
        "title": "New risk",
        "likelihood": "5",
        "impact": "5",
        "stated_rag": "",
        "rated_on": TODAY.isoformat(),
        "note": "",
    }
    return [
        (reverse("governance:partnership_risk_create", args=[risk.partnership.slug]), new),
        (reverse("governance:body_risk_create", args=[body.slug]), {**new, "reference": "N2"}),
        (reverse("governance:risk_edit", args=[risk.pk]), text),
        (reverse("governance:risk_rate", args=[risk.pk]), rating),
        (reverse("governance:risk_close", args=[risk.pk]), {"reason": "Done"}),
        (reverse("governance:risk_reopen", args=[risk.pk]), {"reason": "Back"}),
    ]


def _snapshot():
    return (
        list(Risk.objects.values_list("pk", "reference", "title", "likelihood", "status")),
        RiskRating.objects.count(),
    )


@pytest.mark.parametrize(
    "who", ["member", "officer", "outsider", "scrutiny_member", "governance_lead"]
)
def test_edit_views_refuse_others_and_change_nothing(request, client_for, risk, body, who):
    user = request.getfixturevalue(who)
    before = _snapshot()
    for url, data in _edit_requests(risk, body):
        assert client_for(user).get(url).status_code == 403, url
        assert client_for(user).post(url, data).status_code == 403, url
    assert _snapshot() == before


def test_edit_views_send_the_public_to_sign_in(client_for, risk, body):
    before = _snapshot()
    for url, data in _edit_requests(risk, body):
        for response in [client_for(None).get(url), client_for(None).post(url, data)]:
            assert response.status_code == 302
            assert response["Location"].startswith(reverse("login"))
    assert _snapshot() == before


@pytest.mark.parametrize("who", ["admin_user", "clerk"])
def test_edit_views_let_admins_and_clerks_edit(request, client_for, risk, body, who):
    user = request.getfixturevalue(who)
    client = client_for(user)
    for url, data in _edit_requests(risk, body):
        page = client.get(url)
        assert page.status_code == 200, url
        # The hidden fields as the page was opened: the version a stale form is refused by.
        opened = dict(re.findall(r'type="hidden" name="(\w+)" value="(\d+)"', page.text))
        response = client.post(url, {**opened, **data})
        assert response.status_code == 302, (url, response.content.decode()[:2000])
    risk.refresh_from_db()
    assert risk.title == "Changed title" and risk.status == "open" and risk.score == 4
    assert risk.history.first().history_user == user
    assert risk.ratings.first().rated_by == user
    assert Risk.objects.get(reference="N1").partnership == risk.partnership
    assert Risk.objects.get(reference="N2").body == body


def test_a_clerk_of_another_body_may_not_edit_a_bodys_register(client_for, clerk, scrutiny_body):
    url = reverse("governance:body_risk_create", args=[scrutiny_body.slug])
    assert client_for(clerk).get(url).status_code == 403


def test_rating_form_shows_refusals_and_saves_nothing(client_for, clerk, risk):
    url = reverse("governance:risk_rate", args=[risk.pk])
    response = client_for(clerk).post(
        url,
        {"likelihood": "3", "impact": "", "rated_on": TODAY.isoformat(), "note": "", "version": 1},
    )
    html = response.content.decode()
    assert response.status_code == 200 and "<title>Error: " in html
    assert "Give both likelihood and impact" in html
    response = client_for(clerk).post(
        url,
        {
            "likelihood": "3",
            "impact": "3",
            "rated_on": (TODAY - timedelta(days=365)).isoformat(),
            "version": 1,
        },
    )
    assert "cannot be dated before the latest one" in response.content.decode()
    assert risk.ratings.count() == 1


def test_a_duplicate_reference_is_refused_on_the_form(client_for, clerk, risk):
    url = reverse("governance:partnership_risk_create", args=[risk.partnership.slug])
    data = {
        "reference": "R1",
        "title": "t",
        "description": "d",
        "owner": "o",
        "mitigations": "",
        "review_date": TODAY.isoformat(),
        "likelihood": "1",
        "impact": "1",
        "rated_on": TODAY.isoformat(),
    }
    response = client_for(clerk).post(url, data)
    assert "already used on this risk register" in response.content.decode()
    assert Risk.objects.count() == 1


def test_a_clerk_rates_a_risk_and_sees_it_on_the_page(client_for, clerk, risk):
    response = client_for(clerk).post(
        reverse("governance:risk_rate", args=[risk.pk]),
        {
            "likelihood": "1",
            "impact": "3",
            "rated_on": TODAY.isoformat(),
            "note": "Much better",
            "version": 1,
        },
        follow=True,
    )
    html = response.content.decode()
    assert "New rating recorded." in html and "Much better" in html
    assert '<strong class="govuk-tag govuk-tag--green">Green</strong>' in html
