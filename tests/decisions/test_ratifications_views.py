"""The routing page, the outcome page and the ratification dashboard."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core import mail
from django.template.loader import render_to_string
from django.urls import reverse

from decisions.models import Ratification, Resolution
from decisions.selectors.ratifications import my_ratifications, ratifications_panel
from governance.models import Organisation, PartnershipMember, RoleAssignment
from tests.factories import RATIFICATION_DAY, make_resolution, make_user, ratification_of

S = Ratification.Status


def route_url(resolution) -> str:
    return reverse("decisions:ratification_route", args=[resolution.pk])


def outcome_url(ratification) -> str:
    return reverse(
        "decisions:ratification_outcome", args=[ratification.resolution_id, ratification.pk]
    )


DASHBOARD = "/ratifications/"


def route_post(organisations, due: date, *, bodies=None) -> dict:
    data = {}
    for organisation in organisations:
        data[f"route_{organisation.pk}"] = "on"
        data[f"due_{organisation.pk}"] = due.isoformat()
        body = (bodies or {}).get(organisation.pk)
        data[f"body_{organisation.pk}"] = str(body.pk) if body else ""
    return data


# Routing page


@pytest.mark.django_db
def test_routing_page_ticks_the_partnerships_current_members(
    client_for, agreement, board_clerk, council, trust, icb, cabinet, former_member, body
):
    response = client_for(board_clerk).get(route_url(agreement))
    assert response.status_code == 200
    form = response.context["form"]
    assert [o.name for o in form.organisations][:3] == [icb.name, council.name, trust.name]
    assert form[f"route_{council.pk}"].initial is True
    assert form[f"route_{former_member.pk}"].initial is False
    assert form[f"body_{council.pk}"].initial == str(cabinet.pk)
    assert form[f"due_{trust.pk}"].initial == RATIFICATION_DAY + timedelta(weeks=8)


@pytest.mark.django_db
def test_clerk_routes_the_agreement_and_the_leads_are_emailed(
    client_for,
    agreement,
    board_clerk,
    council,
    trust,
    cabinet,
    council_lead,
    governance_lead,
    due,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(board_clerk).post(
            route_url(agreement), route_post([council, trust], due, bodies={council.pk: cabinet})
        )
    assert response.status_code == 302
    assert response.url == agreement.get_absolute_url()
    assert set(agreement.ratifications.values_list("organisation__name", flat=True)) == {
        council.name,
        trust.name,
    }
    assert ratification_of(agreement, council).ratifying_body == cabinet
    assert len(mail.outbox) == 2
    assert "http://testserver/decisions/" in mail.outbox[0].body


@pytest.mark.django_db
def test_routing_page_shows_the_refusal_and_saves_nothing(
    client_for, agreement, board_clerk, council
):
    response = client_for(board_clerk).post(
        route_url(agreement), route_post([council], RATIFICATION_DAY - timedelta(days=7))
    )
    assert response.status_code == 200
    assert "is before the resolution was made on 8 November 2021" in response.text
    assert response.text.count("<title>Error: ") == 1
    assert not Ratification.objects.exists()


@pytest.mark.django_db
def test_routing_page_refuses_a_decision(client_for, alliance_board, board_clerk, council, due):
    decision = make_resolution(alliance_board, kind=Resolution.Kind.DECISION)
    client = client_for(board_clerk)
    assert "only an agreement in principle" in client.get(route_url(decision)).text
    response = client.post(route_url(decision), route_post([council], due))
    assert "only an agreement in principle" in response.text
    assert not Ratification.objects.exists()


@pytest.mark.django_db
def test_routing_page_permission_matrix(
    client_for, agreement, board_clerk, clerk, council_lead, member, outsider, admin_user, due
):
    url = route_url(agreement)
    for user in (board_clerk, admin_user):
        assert client_for(user).get(url).status_code == 200
    for user in (clerk, council_lead, member, outsider):
        assert client_for(user).get(url).status_code == 403
        assert client_for(user).post(url, {}).status_code == 403
    anonymous = client_for(None).get(url)
    assert anonymous.status_code == 302
    assert anonymous.url.startswith(reverse("login"))
    assert not Ratification.objects.exists()


# Outcome page


@pytest.mark.django_db
def test_outcome_page_permission_matrix(
    client_for,
    routed,
    council,
    council_lead,
    governance_lead,
    board_clerk,
    member,
    outsider,
    admin_user,
):
    ratification = ratification_of(routed, council)
    url = outcome_url(ratification)
    for user in (council_lead, admin_user):
        response = client_for(user).get(url)
        assert response.status_code == 200
        assert 'name="version" value="1"' in response.text
    # Another organisation's lead, the clerk of the body that agreed it, and the rest.
    for user in (governance_lead, board_clerk, member, outsider):
        assert client_for(user).get(url).status_code == 403
        post = {"version": 1, "outcome": S.SCHEDULED, "scheduled_for": "Cabinet"}
        assert client_for(user).post(url, post).status_code == 403
    anonymous = client_for(None).get(url)
    assert anonymous.status_code == 302
    assert anonymous.url.startswith(reverse("login"))
    ratification.refresh_from_db()
    assert ratification.status == S.REQUESTED


@pytest.mark.django_db
def test_a_lead_records_ratified(client_for, routed, council, council_lead):
    ratification = ratification_of(routed, council)
    response = client_for(council_lead).post(
        outcome_url(ratification),
        {
            "version": 1,
            "outcome": S.RATIFIED,
            "minute_reference": "CAB/22/1",
            "decided_on": "2022-01-06",
        },
    )
    assert response.status_code == 302
    assert response.url == ratification.get_absolute_url()
    ratification.refresh_from_db()
    assert (ratification.status, ratification.minute_reference) == (S.RATIFIED, "CAB/22/1")
    assert ratification.decided_on == date(2022, 1, 6)


@pytest.mark.django_db
def test_an_outcome_without_its_details_is_shown_on_the_field(
    client_for, routed, council, council_lead
):
    ratification = ratification_of(routed, council)
    response = client_for(council_lead).post(
        outcome_url(ratification), {"version": 1, "outcome": S.REJECTED}
    )
    assert response.status_code == 200
    assert "Enter why it was rejected." in response.text
    assert 'href="#id_reason"' in response.text
    ratification.refresh_from_db()
    assert ratification.status == S.REQUESTED


@pytest.mark.django_db
def test_a_ratification_of_another_resolution_is_not_found(
    client_for, routed, council, council_lead, alliance_board
):
    other = make_resolution(alliance_board, number=2, meeting=routed.meeting)
    ratification = ratification_of(routed, council)
    url = reverse("decisions:ratification_outcome", args=[other.pk, ratification.pk])
    assert client_for(council_lead).get(url).status_code == 404


@pytest.mark.django_db
def test_two_forms_opened_the_second_save_is_refused(client_for, routed, council, council_lead):
    ratification = ratification_of(routed, council)
    client = client_for(council_lead)
    first = client.get(outcome_url(ratification)).context["form"]["version"].value()
    second = client.get(outcome_url(ratification)).context["form"]["version"].value()
    client.post(
        outcome_url(ratification),
        {"version": first, "outcome": S.SCHEDULED, "scheduled_for": "Cabinet, 14 December"},
    )
    response = client.post(
        outcome_url(ratification),
        {"version": second, "outcome": S.SCHEDULED, "scheduled_for": "Cabinet, 11 January"},
    )
    assert response.status_code == 200
    assert "since you opened it; reload the page" in response.text
    ratification.refresh_from_db()
    assert ratification.scheduled_for == "Cabinet, 14 December"


@pytest.mark.django_db
def test_a_final_outcome_shows_no_form_and_refuses_another(
    client_for, routed, council, council_lead
):
    ratification = ratification_of(routed, council)
    client = client_for(council_lead)
    client.post(
        outcome_url(ratification),
        {
            "version": 1,
            "outcome": S.RATIFIED,
            "minute_reference": "C/1",
            "decided_on": "2022-01-06",
        },
    )
    page = client.get(outcome_url(ratification))
    assert "outcome is final: ratified on 6 January 2022" in page.text
    assert 'name="outcome"' not in page.text
    response = client.post(
        outcome_url(ratification), {"version": 2, "outcome": S.REJECTED, "reason": "No"}
    )
    assert "outcome is final" in response.text
    ratification.refresh_from_db()
    assert ratification.status == S.RATIFIED


# Includes for the trail page and the signed-in home page


@pytest.mark.django_db
def test_trail_table_offers_recording_only_to_whom_may(
    routed, council, trust, council_lead, board_clerk
):
    for user, links in ((council_lead, 1), (board_clerk, 0)):
        html = render_to_string(
            "decisions/ratifications/_ratifications.html", ratifications_panel(routed, user)
        )
        assert html.count("Record the outcome") == links
        assert council.name in html and trust.name in html
    assert "Route for ratification" in render_to_string(
        "decisions/ratifications/_ratifications.html", ratifications_panel(routed, board_clerk)
    )


@pytest.mark.django_db
def test_my_ratifications_lists_what_my_organisations_must_record(
    routed, council, trust, council_lead, admin_user, django_assert_max_num_queries
):
    Ratification.objects.filter(organisation=trust).update(status=S.RATIFIED)
    with django_assert_max_num_queries(3):  # the roles (two), then the list
        mine = my_ratifications(council_lead)
    assert [r.organisation for r in mine] == [council]
    html = render_to_string(
        "decisions/ratifications/_my_ratifications.html", {"my_ratifications": mine}
    )
    assert outcome_url(mine[0]) in html
    assert my_ratifications(admin_user) == []


# Dashboard


def _many(resolution_body, organisations, count: int, admin_user):
    """`count` routed agreements, one ratification per organisation each."""
    from decisions.services.ratifications import ratification_route

    meeting = None
    for number in range(2, count + 2):
        resolution = make_resolution(resolution_body, number=number, meeting=meeting)
        meeting = resolution.meeting
        ratification_route(
            resolution=resolution,
            routes=[(o, None, RATIFICATION_DAY + timedelta(weeks=8)) for o in organisations],
            actor=admin_user,
        )


@pytest.mark.django_db
def test_dashboard_is_public_and_links_each_row_to_its_resolution(client_for, routed, council):
    response = client_for(None).get(DASHBOARD)
    assert response.status_code == 200
    ratification = ratification_of(routed, council)
    assert ratification.get_absolute_url() in response.text
    assert "Wiltshire Alliance" in response.text
    tallies = response.context["tallies"]
    assert {t.owner.name: t.awaiting for t in tallies.organisations}[council.name] == 1
    assert [(t.owner.name, t.awaiting) for t in tallies.partnerships] == [
        ("Wiltshire Alliance", 3)
    ]


@pytest.mark.django_db
def test_dashboard_hides_unpublished_meetings(client_for, alliance_board, council, admin_user):
    resolution = make_resolution(alliance_board)
    Ratification.objects.create(
        resolution=resolution, organisation=council, due_date=date(2022, 1, 3)
    )
    resolution.meeting.__class__.objects.filter(pk=resolution.meeting_id).update(
        agenda_published_at=None
    )
    assert len(client_for(None).get(DASHBOARD).context["page"].object_list) == 0
    assert len(client_for(admin_user).get(DASHBOARD).context["page"].object_list) == 1


@pytest.mark.django_db
def test_dashboard_filters(client_for, routed, council, trust, icb, partnership, body):
    Ratification.objects.filter(organisation=trust).update(status=S.REJECTED)
    Ratification.objects.filter(organisation=icb).update(
        due_date=date.today() + timedelta(days=30)
    )
    own = make_resolution(body, number=1)
    Ratification.objects.create(resolution=own, organisation=trust, due_date=date(2030, 1, 1))
    client = client_for(None)

    def shown(query: str) -> set[tuple[str, str]]:
        page = client.get(DASHBOARD + query).context["page"]
        return {(str(r.resolution), r.organisation.short_name) for r in page.object_list}

    assert len(shown("")) == 4
    assert shown(f"?organisation={trust.slug}") == {
        ("WAB 2021/001", "SFH"),
        ("ASCPH 2021/001", "SFH"),
    }
    assert shown(f"?partnership={partnership.slug}&status=rejected") == {("WAB 2021/001", "SFH")}
    assert shown("?status=awaiting") == {
        ("WAB 2021/001", "Notts CC"),
        ("WAB 2021/001", "BSW ICB"),
        ("ASCPH 2021/001", "SFH"),
    }
    assert shown("?overdue=on") == {("WAB 2021/001", "Notts CC")}


@pytest.mark.django_db
def test_dashboard_marks_overdue(client_for, routed, council):
    response = client_for(None).get(DASHBOARD + "?overdue=on")
    assert 'govuk-tag--red">Overdue' in response.text
    tallies = response.context["tallies"]
    assert {t.owner.name: t.overdue for t in tallies.organisations}[council.name] == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?organisation=nowhere", "Choose an organisation from the list."),
        ("?partnership=nowhere", "Choose a partnership from the list."),
        ("?status=lost", "Choose a status from the list."),
    ],
)
def test_dashboard_invalid_filters_get_a_friendly_message(client_for, routed, query, message):
    response = client_for(None).get(DASHBOARD + query)
    assert response.status_code == 200
    assert message in response.text
    assert "<title>Error: " in response.text
    assert len(response.context["page"].object_list) == 3  # the bad filter is ignored


@pytest.mark.django_db
def test_dashboard_query_count_does_not_grow_with_ratifications(
    client_for,
    routed,
    alliance_board,
    council,
    trust,
    icb,
    admin_user,
    partnership,
    django_assert_max_num_queries,
):
    client = client_for(admin_user)
    query = f"?partnership={partnership.slug}&organisation={council.slug}&status=awaiting"
    client.get(DASHBOARD)  # the session settles on the first request
    with django_assert_max_num_queries(17) as few:
        client.get(DASHBOARD + query)
    _many(alliance_board, [council, trust, icb], 40, admin_user)
    for index in range(5):
        extra = Organisation.objects.create(
            name=f"Partner {index}", short_name=f"P{index}", slug=f"partner-{index}", kind="other"
        )
        PartnershipMember.objects.create(
            partnership=partnership, organisation=extra, joined=date(2020, 1, 1)
        )
        Ratification.objects.create(
            resolution=routed, organisation=extra, due_date=date(2022, 1, 3)
        )
    assert Ratification.objects.count() > 120
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(DASHBOARD + query)
    assert len(response.context["page"].object_list) == 41
    with django_assert_max_num_queries(len(few.captured_queries)) as every:
        response = client.get(DASHBOARD)
    # More than a page: a link to the next, and no count of every row to say how many pages.
    assert 'rel="next"' in response.text
    assert not [q["sql"] for q in every.captured_queries if "COUNT(*)" in q["sql"]]
    assert client.get(DASHBOARD + "?page=2").context["page"].object_list


@pytest.mark.django_db
def test_outcome_and_routing_pages_have_bounded_queries(
    client_for, routed, council, council_lead, board_clerk, django_assert_max_num_queries
):
    url = outcome_url(ratification_of(routed, council))
    client = client_for(council_lead)
    client.get(url)
    with django_assert_max_num_queries(10):
        client.get(url)
    Organisation.objects.create(name="Org", short_name="O", slug="org", kind="other")
    client = client_for(board_clerk)
    client.get(route_url(routed))
    with django_assert_max_num_queries(13) as few:
        client.get(route_url(routed))
    for index in range(10):
        Organisation.objects.create(
            name=f"Org {index}", short_name=f"O{index}", slug=f"org-{index}", kind="other"
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(route_url(routed))
    assert len(response.context["form"].organisations) == 11


@pytest.mark.django_db
def test_a_lead_sees_only_their_organisations_ratifications_to_record(
    routed, council, trust, council_lead
):
    lead_of_both = make_user("both")
    for organisation in (council, trust):
        RoleAssignment.objects.create(
            user=lead_of_both, role=RoleAssignment.Role.GOVERNANCE_LEAD, organisation=organisation
        )
    assert {r.organisation for r in my_ratifications(lead_of_both)} == {council, trust}
    assert {r.organisation for r in my_ratifications(council_lead)} == {council}
