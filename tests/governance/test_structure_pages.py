"""Public pages of organisations, partnerships, bodies and people."""

from datetime import date

import pytest

from governance.models import Body, Membership, Organisation, Partnership, Person

pytestmark = pytest.mark.django_db


def _many_members(body, council, n=12):
    for i in range(n):
        person = Person.objects.create(name=f"Person {i}", slug=f"person-{i}")
        seat = Membership.objects.create(
            body=body, person=person, representing=council, start=date(2020, 1, 1)
        )
        seat.substitutes.add(Person.objects.create(name=f"Sub {i}", slug=f"sub-{i}"))
    Membership.objects.create(
        body=body,
        person=Person.objects.create(name="Old Member", slug="old-member"),
        start=date(2015, 1, 1),
        end=date(2019, 1, 1),
    )


def test_body_page_lists_chair_first_and_marks_voting(client, body, council):
    _many_members(body, council)
    chair = Person.objects.create(name="Tony Harper", slug="tony-harper", honorific="Councillor")
    Membership.objects.create(
        body=body, person=chair, role=Membership.Role.CHAIR, start=date(2017, 5, 25)
    )
    officer = Person.objects.create(name="Jo Toomey", slug="jo-toomey")
    Membership.objects.create(
        body=body,
        person=officer,
        role=Membership.Role.OFFICER,
        voting=False,
        start=date(2017, 5, 25),
    )
    html = client.get(body.get_absolute_url()).content.decode()
    current = html[html.index("Current members") : html.index("Past members")]
    assert current.index("Councillor Tony Harper") < current.index("Person 0")
    assert "Non-voting" in current
    assert "Old Member" not in current
    assert "Old Member" in html[html.index("Past members") :]


@pytest.mark.parametrize(
    "url",
    [
        "/organisations/",
        "/organisations/nottinghamshire-county-council/",
        "/partnerships/",
        "/partnerships/wiltshire-alliance/",
        "/bodies/",
        "/bodies/adult-social-care-and-public-health-committee/",
        "/people/",
        "/people/person-3/",
    ],
)
def test_pages_run_a_bounded_number_of_queries(
    client, url, body, council, alliance, django_assert_max_num_queries
):
    _many_members(body, council, n=15)
    for i in range(10):
        Body.objects.create(
            name=f"Sub-committee {i}",
            short_name=f"S{i}",
            slug=f"sub-committee-{i}",
            kind=Body.Kind.SUB_COMMITTEE,
            organisation=council,
            parent=body,
        )
        Partnership.objects.create(
            name=f"Neighbourhood {i}", short_name=f"N{i}", slug=f"n-{i}", level="neighbourhood",
            parent=alliance,
        )  # fmt: skip
    with django_assert_max_num_queries(12):  # 2 of them the attendance chart's
        response = client.get(url)
    assert response.status_code == 200


def test_partnership_page_shows_its_place_in_the_hierarchy(client, alliance, system):
    Partnership.objects.create(
        name="Devizes Neighbourhood Collaborative",
        short_name="Devizes",
        slug="devizes",
        level=Partnership.Level.NEIGHBOURHOOD,
        parent=alliance,
    )
    html = client.get("/partnerships/wiltshire-alliance/").content.decode()
    assert system.name in html
    assert "Devizes Neighbourhood Collaborative" in html
    assert "Nottinghamshire County Council" in html  # a member organisation


def test_former_member_organisations_are_listed_apart(client, alliance, trust):
    alliance.members.filter(organisation=trust).update(left=date(2023, 3, 31))
    html = client.get("/partnerships/wiltshire-alliance/").content.decode()
    assert "Former members" in html
    former = html[html.index("Former members") :]
    assert trust.name in former and "31 March 2023" in former


def test_organisation_page_shows_its_ratifying_body(client, council, body):
    council.ratifying_body = body
    council.save()
    html = client.get("/organisations/nottinghamshire-county-council/").content.decode()
    assert "Ratifies partnership decisions through" in html
    assert body.name in html


def test_filter_by_kind(client, council, trust):
    html = client.get("/organisations/?kind=nhs_trust").content.decode()
    assert trust.name in html and council.name not in html.split("</caption>")[1]
    assert Organisation.objects.count() == 2


def test_unknown_slug_is_404(client, db):
    assert client.get("/bodies/no-such-body/").status_code == 404


def test_overdue_terms_of_reference_are_flagged_on_body_list_and_page(client, body, council):
    from governance.models import TermsOfReference

    TermsOfReference.objects.create(
        body=body,
        version=1,
        status=TermsOfReference.Status.APPROVED,
        purpose="To exercise the council's adult social care functions.",
        membership_rules="Eleven councillors.",
        quorum_count=3,
        frequency="Monthly",
        approved_on=date(2019, 5, 1),
        review_date=date(2021, 5, 1),
    )
    listing = client.get("/bodies/").content.decode()
    row = listing[listing.index(body.name) :][:400]
    assert "Terms of reference review due" in row
    page = client.get(body.get_absolute_url()).content.decode()
    assert "Version 1" in page and "Review due" in page and "1 May 2021" in page


def test_body_and_organisation_pages_list_their_delegations(client, body, council):
    from governance.models import Delegation

    Delegation.objects.create(
        from_organisation=council,
        to_body=body,
        scope="Adult social care and public health functions of the council",
        start=date(2017, 5, 25),
    )
    body_page = client.get(body.get_absolute_url()).content.decode()
    assert "Delegations received" in body_page
    assert "Adult social care and public health functions" in body_page
    org_page = client.get(council.get_absolute_url()).content.decode()
    assert "Delegations made" in org_page


def test_people_list_is_paginated_without_counting_everyone(
    client, db, django_assert_max_num_queries
):
    Person.objects.bulk_create(
        Person(name=f"Person {n:03}", slug=f"person-{n:03}") for n in range(150)
    )
    with django_assert_max_num_queries(3) as queries:
        first = client.get("/people/").content.decode()
    assert not [q["sql"] for q in queries.captured_queries if "COUNT(*)" in q["sql"]]
    assert "Person 099" in first and "Person 100" not in first
    assert 'rel="next"' in first
    second = client.get("/people/?page=2").content.decode()
    assert "Person 100" in second and 'rel="next"' not in second
    # A page past the end is an empty page with the way back, not an error.
    beyond = client.get("/people/?page=99")
    assert beyond.status_code == 200 and 'rel="prev"' in beyond.text


def test_person_page_shows_the_current_register(client, db):
    from governance.models import Interest, InterestKind

    person = Person.objects.create(name="Muriel Weisz", slug="muriel-weisz")
    Interest.objects.create(
        person=person,
        kind=InterestKind.NON_REGISTRABLE,
        description="Trustee of a local carers' charity",
        registered_from=date(2020, 1, 1),
    )
    Interest.objects.create(
        person=person,
        kind=InterestKind.OTHER_REGISTRABLE,
        description="Governor of a primary school",
        registered_from=date(2015, 1, 1),
        registered_to=date(2018, 1, 1),
    )
    html = client.get("/people/muriel-weisz/").content.decode()
    assert "Trustee of a local carers&#x27; charity" in html
    assert "Governor of a primary school" not in html


def test_partnership_page_summarises_its_risks(client, alliance):
    from governance.services.risks import risk_create

    for ref, rag in [("R1", "red"), ("R2", "red"), ("R3", "amber")]:
        risk_create(
            register=alliance,
            reference=ref,
            title=f"Risk {ref}",
            description="Winter pressure",
            owner="Alliance",
            mitigations="Winter plan",
            review_date=date(2099, 1, 1),
            rated_on=date(2022, 10, 1),
            likelihood=None,
            impact=None,
            stated_rag=rag,
            note="",
            actor=None,
        )
    html = client.get("/partnerships/wiltshire-alliance/").content.decode()
    assert "3 open risks" in html and "2 red" in html and "1 amber" in html
