"""A partnership's objectives: progress per period with a RAG rating, the objectives page, and
the form that reports progress (its permission matrix and its refusal of a period that does not
belong to the objective)."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from governance.models import ProgressReport, Rag
from governance.services.objectives import progress_report_record


def _report(objective, start, end, rag="", progress="Sites agreed.", actor=None):
    return progress_report_record(
        objective=objective,
        period_start=start,
        period_end=end,
        rag=rag,
        progress=progress,
        next_steps="Agree induction dates.",
        actor=actor,
    )


def test_a_period_outside_the_objective_is_refused(winter_objective, admin_user):
    with pytest.raises(ValidationError) as refused:
        _report(winter_objective, date(2023, 4, 1), date(2023, 4, 30), actor=admin_user)
    message = refused.value.message_dict["period_start"][0]
    assert "does not belong to objective 1" in message
    assert "1 April 2022 to 31 March 2023" in message
    assert not ProgressReport.objects.exists()


def test_a_period_straddling_the_objectives_end_is_refused(winter_objective):
    with pytest.raises(ValidationError):
        _report(winter_objective, date(2023, 3, 1), date(2023, 4, 30))


def test_progress_within_the_span_is_recorded_with_its_author(winter_objective, admin_user):
    report = _report(
        winter_objective, date(2022, 10, 1), date(2022, 10, 31), Rag.AMBER, actor=admin_user
    )
    last = report.history.latest()
    assert (last.history_user, last.history_change_reason) == (admin_user, "Progress reported")
    assert report.rag_label == "Amber"


def test_one_report_per_objective_and_period(winter_objective):
    _report(winter_objective, date(2022, 10, 1), date(2022, 10, 31))
    with pytest.raises(ValidationError):
        _report(winter_objective, date(2022, 10, 1), date(2022, 10, 31))


def test_the_page_shows_current_rag_and_its_history(
    client, winter_objective, django_assert_max_num_queries
):
    _report(winter_objective, date(2022, 10, 1), date(2022, 10, 31), Rag.RED, "October work")
    _report(winter_objective, date(2022, 11, 1), date(2022, 11, 30), Rag.AMBER, "November work")
    url = reverse("governance:partnership_objectives", args=["wiltshire-alliance"])
    with django_assert_max_num_queries(6):
        response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    current = html.index('class="govuk-tag govuk-tag--yellow objective-current-rag"')
    assert "1 November 2022 to 30 November 2022" in html[current : current + 300]
    # History oldest first: red in October, then amber in November.
    assert html.index("October work") < html.index("November work")
    assert 'data-period-start="2022-10-01" data-period-end="2022-10-31" data-rag="red"' in html
    assert "Report progress" not in html  # the public edits nothing


def test_the_page_draws_each_objectives_rag_over_time_with_its_words(client, winter_objective):
    _report(winter_objective, date(2022, 11, 1), date(2022, 11, 30), Rag.AMBER, "November work")
    _report(winter_objective, date(2022, 10, 1), date(2022, 10, 31), Rag.RED, "October work")
    url = reverse("governance:partnership_objectives", args=["wiltshire-alliance"])
    html = client.get(url).content.decode()
    words = (
        "RAG over time, oldest first: 31 Oct 2022: Red (1 October 2022 to 31 October 2022); "
        "30 Nov 2022: Amber (1 November 2022 to 30 November 2022)."
    )
    assert f'aria-label="RAG over time of objective 1: {words}"' in html
    assert f'<figcaption class="govuk-body-s portal-chart__alt">{words}</figcaption>' in html
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert svg.index(">Red<") < svg.index(">Amber<")


def test_the_partnership_page_links_to_its_objectives(client, partnership):
    response = client.get(partnership.get_absolute_url())
    assert reverse("governance:partnership_objectives", args=[partnership.slug]) in (
        response.content.decode()
    )


@pytest.mark.parametrize(
    ("who", "status"),
    [(None, 302), ("outsider", 403), ("clerk", 403), ("board_clerk", 200), ("admin_user", 200)],
)
def test_who_may_report_progress(
    client_for, viewer, winter_objective, alliance_board, who, status
):
    url = reverse(
        "governance:progress_report_create",
        args=[winter_objective.partnership.slug, winter_objective.pk],
    )
    assert client_for(viewer(who)).get(url).status_code == status


def _form(start: str, end: str) -> dict:
    return {
        "period_start": start,
        "period_end": end,
        "rag": "green",
        "progress": "All three sites live.",
        "next_steps": "",
        "reported_by": "Programme team",
    }


def test_the_form_records_progress(client_for, board_clerk, winter_objective, alliance_board):
    url = reverse(
        "governance:progress_report_create", args=["wiltshire-alliance", winter_objective.pk]
    )
    response = client_for(board_clerk).post(url, _form("2023-01-01", "2023-03-31"))
    assert response.status_code == 302
    report = winter_objective.progress_reports.get()
    assert (report.rag, report.period_start) == ("green", date(2023, 1, 1))


def test_the_form_refuses_a_period_of_another_year(
    client_for, board_clerk, winter_objective, alliance_board
):
    url = reverse(
        "governance:progress_report_create", args=["wiltshire-alliance", winter_objective.pk]
    )
    response = client_for(board_clerk).post(url, _form("2023-04-01", "2023-06-30"))
    assert response.status_code == 200
    assert "does not belong to objective 1" in response.content.decode()
    assert not winter_objective.progress_reports.exists()


def test_history_of_an_objective_is_public(client, winter_objective):
    url = reverse("history", args=["governance", "objective", winter_objective.pk])
    assert client.get(url).status_code == 200


def test_the_demo_alliance_objectives_show_a_rag_history(demo, client):
    html = client.get("/partnerships/wiltshire-alliance/objectives/").content.decode()
    first = html[html.index('data-objective="1"') : html.index('data-objective="2"')]
    assert 'data-rag="green"' in first  # the current RAG: January to March 2023
    history = first[first.index("Progress history") :]
    october, november, january = (
        history.index('data-period-start="2022-10-01"'),
        history.index(
            'data-period-start="2022-11-01" data-period-end="2022-12-31" data-rag="amber"'
        ),
        history.index(
            'data-period-start="2023-01-01" data-period-end="2023-03-31" data-rag="green"'
        ),
    )
    assert october < november < january  # oldest first
    assert "Illustrative demo entry" in history
