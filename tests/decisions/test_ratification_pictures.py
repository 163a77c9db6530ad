"""The ratification progress bar: organisations decided of those routed, on the decision trail,
in its PDF and on the ratification dashboard, with its words and its table."""

import re

import pytest

from decisions.models import Ratification
from decisions.selectors.ratifications import dashboard_bars, ratification_bar
from tests.factories import pdf_text

pytestmark = pytest.mark.django_db

S = Ratification.Status


def test_bar_counts_decided_of_routed_leaving_out_withdrawn():
    statuses = [S.RATIFIED, S.RATIFIED_WITH_AMENDMENT, S.REJECTED, S.SCHEDULED, S.REQUESTED]
    bar = ratification_bar([Ratification(status=s) for s in [*statuses, S.WITHDRAWN]])
    assert (bar.routed, bar.decided) == (5, 3)
    assert [(s.label, s.count) for s in bar.segments] == [
        ("Ratified", 1),
        ("Ratified with amendment", 1),
        ("Rejected", 1),
        ("Still to decide", 2),
    ]
    assert bar.description == (
        "3 of 5 organisations decided: 1 ratified, 1 ratified with amendment, 1 rejected, "
        "2 still to decide."
    )
    assert ratification_bar([]).description == "Not routed to any organisation for ratification."


def test_trail_page_draws_the_bar_with_its_words_beside_the_table(client, story):
    html = client.get(story.resolution.get_absolute_url()).content.decode()
    words = "1 of 3 organisations decided: 1 ratified, 2 still to decide."
    assert f'role="img" aria-label="Ratification progress: {words}"' in html
    assert f'<figcaption class="govuk-body-s portal-chart__alt">{words}</figcaption>' in html
    assert "Ratified: 1</li>" in html and "Still to decide: 2</li>" in html  # the key, in words
    assert html.index("<figure") < html.index("Ratification by the sovereign organisations:")


def test_trail_pdf_carries_the_bar_and_its_text_alternative(client, story):
    response = client.get(f"/decisions/{story.resolution.pk}/trail.pdf")
    assert response.status_code == 200
    text = re.sub(r"\s+", " ", pdf_text(response.content))
    assert "1 of 3 organisations decided: 1 ratified, 2 still to decide." in text
    assert "Still to decide: 2" in text


def test_dashboard_shows_a_bar_per_decision_still_with_the_organisations(
    client, routed, council, django_assert_max_num_queries
):
    Ratification.objects.filter(resolution=routed, organisation=council).update(status=S.REJECTED)
    [row] = dashboard_bars(None)
    assert row.resolution == routed
    assert (row.bar.rejected, row.bar.undecided, row.bar.decided) == (1, 2, 1)
    with django_assert_max_num_queries(12):
        html = client.get("/ratifications/").content.decode()
    assert "Decisions still with the organisations" in html
    assert (
        f'aria-label="{routed}: 1 of 3 organisations decided: 1 rejected, 2 still to decide."'
        in (html)
    )
    assert '<td class="govuk-table__cell govuk-table__cell--numeric">1 of 3</td>' in html


def test_dashboard_leaves_out_decisions_every_organisation_has_decided(client, routed):
    Ratification.objects.filter(resolution=routed).update(status=S.RATIFIED)
    assert dashboard_bars(None) == []
    assert (
        "Decisions still with the organisations"
        not in client.get("/ratifications/").content.decode()
    )
