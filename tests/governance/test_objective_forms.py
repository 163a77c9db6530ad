"""Issue 15: the forms that keep objectives, progress reports and the glossary. Each checks
its permission on the server, refuses a stale form, and refuses bad input with a message: a
period that does not belong to the objective, an acronym defined twice with another meaning."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from governance.models import GlossaryTerm
from governance.services.objectives import (
    glossary_term_define,
    objective_update,
    progress_report_record,
)
from tests.stale_helpers import assert_refused, hidden

pytestmark = pytest.mark.django_db


@pytest.fixture
def first_quarter(winter_objective, admin_user):
    return progress_report_record(
        objective=winter_objective,
        period_start=date(2022, 4, 1),
        period_end=date(2022, 6, 30),
        rag="amber",
        progress="Two sites agreed.",
        actor=admin_user,
    )


@pytest.fixture
def icp_term(admin_user) -> GlossaryTerm:
    return glossary_term_define(
        term="ICP", meaning="Integrated Care Partnership", actor=admin_user
    )


def _objective_form(**overrides) -> dict:
    return {
        "reference": "2",
        "title": "To reduce delayed discharges",
        "measures": "Fewer than 60 people waiting",
        "owner": "Director of Adult Social Care",
        "source": "Wiltshire Alliance objectives 22/23",
        "starts": "2022-04-01",
        "ends": "2023-03-31",
        **overrides,
    }


def _progress_form(**overrides) -> dict:
    return {
        "period_start": "2022-04-01",
        "period_end": "2022-06-30",
        "rag": "green",
        "progress": "All three sites live.",
        "next_steps": "",
        "reported_by": "Programme team",
        **overrides,
    }


# Who may open each form -----------------------------------------------------------------------

WHO = [(None, 302), ("outsider", 403), ("clerk", 403), ("board_clerk", 200), ("admin_user", 200)]


@pytest.mark.parametrize(("who", "status"), WHO)
@pytest.mark.parametrize("form", ["objective_create", "objective_edit", "progress_report_edit"])
def test_who_may_keep_objectives(
    client_for, viewer, winter_objective, first_quarter, alliance_board, who, status, form
):
    slug = winter_objective.partnership.slug
    args = {
        "objective_create": [slug],
        "objective_edit": [slug, winter_objective.pk],
        "progress_report_edit": [slug, winter_objective.pk, first_quarter.pk],
    }[form]
    url = reverse(f"governance:{form}", args=args)
    assert client_for(viewer(who)).get(url).status_code == status
    assert client_for(viewer(who)).post(url, {}).status_code == status


@pytest.mark.parametrize(
    ("who", "status"), [(None, 302), ("outsider", 403), ("clerk", 200), ("admin_user", 200)]
)
def test_any_clerk_keeps_the_glossary(client_for, viewer, icp_term, who, status):
    for url in (
        reverse("governance:glossary_term_create"),
        reverse("governance:glossary_term_edit", args=[icp_term.pk]),
    ):
        assert client_for(viewer(who)).get(url).status_code == status


def test_the_public_pages_offer_the_forms_only_to_editors(
    client_for, board_clerk, winter_objective, icp_term
):
    url = reverse("governance:partnership_objectives", args=[winter_objective.partnership.slug])
    assert "Add an objective" not in client_for(None).get(url).text
    assert "Add an objective" in client_for(board_clerk).get(url).text
    assert "Add a term" not in client_for(None).get(reverse("governance:glossary")).text
    assert "Add a term" in client_for(board_clerk).get(reverse("governance:glossary")).text


# Objectives -----------------------------------------------------------------------------------


def test_a_clerk_adds_an_objective(client_for, board_clerk, partnership):
    url = reverse("governance:objective_create", args=[partnership.slug])
    response = client_for(board_clerk).post(url, _objective_form())
    assert response.status_code == 302
    objective = partnership.objectives.get(reference="2")
    assert objective.owner == "Director of Adult Social Care"
    assert objective.history.first().history_user == board_clerk


def test_an_objective_reference_used_twice_is_refused(client_for, board_clerk, winter_objective):
    url = reverse("governance:objective_create", args=[winter_objective.partnership.slug])
    response = client_for(board_clerk).post(url, _objective_form(reference="1"))
    assert response.status_code == 200
    assert "That reference is already used for an objective" in response.text


def test_a_stale_objective_form_is_refused(client_for, board_clerk, winter_objective, admin_user):
    slug = winter_objective.partnership.slug
    url = reverse("governance:objective_edit", args=[slug, winter_objective.pk])
    opened = client_for(board_clerk).get(url)
    objective_update(
        objective=winter_objective, reference="1", title="Someone else's wording",
        owner="SRO", source="Objectives 22/23", starts=date(2022, 4, 1),
        ends=date(2023, 3, 31), actor=admin_user,
    )  # fmt: skip
    typed = "To establish four sites"
    response = client_for(board_clerk).post(
        url, _objective_form(reference="1", title=typed, version=hidden(opened, "version"))
    )
    assert_refused(response, typed)
    winter_objective.refresh_from_db()
    assert winter_objective.title == "Someone else's wording"


def test_an_objective_cannot_shrink_away_from_its_reported_progress(
    client_for, board_clerk, winter_objective, first_quarter
):
    slug = winter_objective.partnership.slug
    url = reverse("governance:objective_edit", args=[slug, winter_objective.pk])
    opened = client_for(board_clerk).get(url)
    response = client_for(board_clerk).post(
        url,
        _objective_form(reference="1", starts="2022-07-01", version=hidden(opened, "version")),
    )
    assert response.status_code == 200
    assert "Progress has been reported for 1 April 2022 to 30 June 2022" in response.text
    winter_objective.refresh_from_db()
    assert winter_objective.starts == date(2022, 4, 1)


# Progress reports -----------------------------------------------------------------------------


def test_a_clerk_corrects_a_progress_report(
    client_for, board_clerk, winter_objective, first_quarter
):
    url = reverse(
        "governance:progress_report_edit",
        args=[winter_objective.partnership.slug, winter_objective.pk, first_quarter.pk],
    )
    opened = client_for(board_clerk).get(url)
    response = client_for(board_clerk).post(
        url, _progress_form(rag="red", version=hidden(opened, "version"))
    )
    assert response.status_code == 302
    first_quarter.refresh_from_db()
    assert (first_quarter.rag, first_quarter.version) == ("red", 2)
    assert first_quarter.history.first().history_change_reason == "Progress report corrected"


def test_a_correction_to_a_period_outside_the_objective_is_refused(
    client_for, board_clerk, winter_objective, first_quarter
):
    url = reverse(
        "governance:progress_report_edit",
        args=[winter_objective.partnership.slug, winter_objective.pk, first_quarter.pk],
    )
    opened = client_for(board_clerk).get(url)
    response = client_for(board_clerk).post(
        url,
        _progress_form(
            period_start="2023-04-01", period_end="2023-06-30", version=hidden(opened, "version")
        ),
    )
    assert response.status_code == 200
    assert "does not belong to objective 1" in response.text
    first_quarter.refresh_from_db()
    assert first_quarter.period_start == date(2022, 4, 1)


def test_a_stale_progress_form_is_refused(
    client_for, board_clerk, admin_user, winter_objective, first_quarter
):
    url = reverse(
        "governance:progress_report_edit",
        args=[winter_objective.partnership.slug, winter_objective.pk, first_quarter.pk],
    )
    opened = client_for(board_clerk).get(url)
    client_for(admin_user).post(url, _progress_form(version=hidden(opened, "version")))
    typed = "Typed against the old version."
    response = client_for(board_clerk).post(
        url, _progress_form(progress=typed, version=hidden(opened, "version"))
    )
    assert_refused(response, typed)


# Glossary ------------------------------------------------------------------------------------


def test_a_clerk_adds_a_term(client_for, clerk):
    response = client_for(clerk).post(
        reverse("governance:glossary_term_create"),
        {"term": "HWBB", "meaning": "Health and Wellbeing Board", "is_acronym": "on"},
    )
    assert response.status_code == 302
    assert GlossaryTerm.objects.get(term="HWBB").meaning == "Health and Wellbeing Board"


def test_an_acronym_defined_again_with_another_meaning_is_refused(client_for, clerk, icp_term):
    response = client_for(clerk).post(
        reverse("governance:glossary_term_create"),
        {"term": "ICP", "meaning": "Integrated Care Plan", "is_acronym": "on"},
    )
    assert response.status_code == 200
    assert "ICP is already defined as “Integrated Care Partnership”" in response.text
    assert GlossaryTerm.objects.get(term="ICP").meaning == "Integrated Care Partnership"


def test_renaming_a_term_to_one_already_defined_is_refused(client_for, clerk, icp_term):
    icb = glossary_term_define(term="ICB", meaning="Integrated Care Board", actor=None)
    url = reverse("governance:glossary_term_edit", args=[icb.pk])
    opened = client_for(clerk).get(url)
    response = client_for(clerk).post(
        url,
        {"term": "ICP", "meaning": "Integrated Care Board", "version": hidden(opened, "version")},
    )
    assert response.status_code == 200
    assert "ICP is already in the glossary as “Integrated Care Partnership”" in response.text


def test_a_stale_glossary_form_is_refused(client_for, clerk, icp_term):
    url = reverse("governance:glossary_term_edit", args=[icp_term.pk])
    opened = client_for(clerk).get(url)
    glossary_term_define(
        term="ICP", meaning="Integrated Care Partnership", explanation="The statutory joint "
        "committee of the ICB and the local authorities.", actor=None,
    )  # fmt: skip
    typed = "Typed against the old version."
    response = client_for(clerk).post(
        url,
        {
            "term": "ICP",
            "meaning": "Integrated Care Partnership",
            "explanation": typed,
            "version": hidden(opened, "version"),
        },
    )
    assert_refused(response, typed)
