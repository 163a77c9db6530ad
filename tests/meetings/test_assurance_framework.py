"""Issue 15: the board assurance framework. A clerk records that an agenda item gave assurance
on a risk; the register's framework page lists each open risk with the meetings, items and
decisions that gave assurance on it, and shows a gap where there is none. Part II stays
withheld."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from governance.models import Risk
from governance.services.risks import risk_create
from meetings.models import RiskAssurance
from meetings.services.assurance import risk_assurance_record
from tests.factories import make_item_resolution, make_meeting, pdf_text

pytestmark = pytest.mark.django_db

HEARD = "The surge beds of the winter plan are funded to March."
SECRET_HEARD = "Bramble Lodge has given notice on its block contract."


def _risk(register, reference: str, title: str) -> Risk:
    return risk_create(
        register=register, reference=reference, title=title,
        description="Demand exceeds capacity over winter.", owner="Director of Adult Care",
        mitigations="Surge beds", review_date=date(2099, 1, 1), rated_on=date(2021, 1, 4),
        likelihood=4, impact=4, target_likelihood=2, target_impact=3, actor=None,
    )  # fmt: skip


@pytest.fixture
def capacity_risk(body) -> Risk:
    return _risk(body, "R1", "Winter capacity")


@pytest.fixture
def assured(held, capacity_risk, clerk) -> RiskAssurance:
    """Item 3 of the held meeting gave reasonable assurance on R1, and resolved on it."""
    make_item_resolution(held, 3, 1)
    return risk_assurance_record(
        item=held.items.get(position=3), risk=capacity_risk, level="reasonable", note=HEARD,
        actor=clerk,
    )  # fmt: skip


def test_the_framework_lists_the_item_and_its_decision(
    client, assured, body, django_assert_max_num_queries
):
    _risk(body, "R2", "Workforce")
    with django_assert_max_num_queries(6):
        page = client.get(reverse("meetings:body_assurance", args=[body.slug])).text
    assert "R1: Winter capacity" in page
    assert "item 3: Public health services performance report" in page
    assert "Reasonable assurance" in page
    assert "RESOLVED 2021/001" in page
    assert HEARD in page
    # R2 has none: the gap shows.
    workforce = page[page.index("R2: Workforce") :]
    assert "No assurance recorded" in workforce


def test_the_register_links_to_its_framework(client, capacity_risk, body):
    page = client.get(reverse("governance:body_risks", args=[body.slug])).text
    assert reverse("meetings:body_assurance", args=[body.slug]) in page


def test_the_public_do_not_read_what_was_heard_in_part_ii(
    client_for, held, capacity_risk, clerk, member, body
):
    risk_assurance_record(
        item=held.items.get(position=4), risk=capacity_risk, level="limited",
        note=SECRET_HEARD, actor=clerk,
    )  # fmt: skip
    url = reverse("meetings:body_assurance", args=[body.slug])
    public = client_for(None).get(url).text
    assert "Limited assurance" in public
    assert SECRET_HEARD not in public
    assert "paragraph 3 of Schedule 12A" in public
    assert SECRET_HEARD in client_for(member).get(url).text


def test_an_unpublished_meetings_assurance_is_refused(body, capacity_risk, clerk, seats):
    draft = make_meeting(body, date(2021, 3, 1), published=False)
    with pytest.raises(ValidationError, match="Publish the agenda first"):
        risk_assurance_record(
            item=draft.items.get(position=3), risk=capacity_risk, level="limited", actor=clerk
        )


def test_a_risk_on_another_register_is_refused(held, other_body, clerk):
    elsewhere = _risk(other_body, "H1", "Market failure")
    with pytest.raises(ValidationError, match="not an open risk on the register"):
        risk_assurance_record(
            item=held.items.get(position=3), risk=elsewhere, level="limited", actor=clerk
        )


@pytest.mark.parametrize(
    ("who", "status"), [(None, 302), ("outsider", 403), ("member", 403), ("clerk", 200)]
)
def test_who_may_record_assurance(client_for, viewer, held, capacity_risk, who, status):
    url = reverse("meetings:assurance_record", args=[held.pk, 3])
    assert client_for(viewer(who)).get(url).status_code == status
    assert client_for(viewer(who)).post(url, {}).status_code == status


def test_the_clerk_records_assurance_through_the_form(client_for, clerk, held, capacity_risk):
    url = reverse("meetings:assurance_record", args=[held.pk, 3])
    response = client_for(clerk).post(
        url, {"risk": capacity_risk.pk, "level": "substantial", "note": HEARD}
    )
    assert response.status_code == 302
    assurance = RiskAssurance.objects.get()
    assert (assurance.risk, assurance.level) == (capacity_risk, "substantial")
    assert assurance.history.first().history_user == clerk
    again = client_for(clerk).post(url, {"risk": capacity_risk.pk, "level": "limited"})
    assert "already recorded against this item" in again.text


def test_the_framework_pdf_prints_the_heat_map_with_its_text_alternative(client, assured, body):
    response = client.get(reverse("meetings:body_assurance_pdf", args=[body.slug]))
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(pdf_text(response.content).split())
    assert "Heat map of the current rating of 1 open risk: " in text
    assert "open risks per likelihood (rows) and impact (columns)" in text
    assert "R1: Winter capacity" in text and "Reasonable assurance" in text


def test_a_council_committee_assures_a_risk_of_its_councils_partnership(held, partnership, clerk):
    alliance_risk = _risk(partnership, "A1", "Discharge delays")
    assurance = risk_assurance_record(
        item=held.items.get(position=3), risk=alliance_risk, level="limited", actor=clerk
    )
    assert assurance.risk == alliance_risk
