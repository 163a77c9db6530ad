"""A person records hospitality on their own register in a browser, with zero axe violations."""

from datetime import date

import pytest

from governance.models import Interest, InterestKind, Person
from tests.browser_forms import fill_date
from tests.factories import make_user


@pytest.mark.django_db(transaction=True)
def test_person_records_hospitality_on_their_register(page, sign_in, assert_accessible):
    user = make_user("jane", first_name="Jane", last_name="Doe")
    person = Person.objects.create(name="Jane Doe", slug="jane-doe", user=user)
    Interest.objects.create(
        person=person,
        kind=InterestKind.OTHER_REGISTRABLE,
        description="Member of Ollerton Parish Council",
        registered_from=date(2021, 5, 10),
    )
    sign_in(user)
    page.goto("/people/jane-doe/register/")
    assert page.get_by_role(
        "cell", name="Member of Ollerton Parish Council", exact=True
    ).is_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Record a gift or hospitality").click()
    page.get_by_label("Hospitality", exact=True).check()
    page.get_by_label("Description").fill("Dinner after a conference")
    page.get_by_label("Offered by").fill("A supplier")
    page.get_by_label("Estimated value (£)").fill("90")
    fill_date(page, "Date offered", "2022-11-03")
    page.get_by_label("Accepted").check()
    page.get_by_role("button", name="Save").click()
    assert page.get_by_text("say who approved accepting it").first.is_visible()
    assert_accessible(page)

    page.get_by_label("Approved by").fill("Board Secretary")
    page.get_by_role("button", name="Save").click()
    assert page.get_by_text("Gift or hospitality recorded.").is_visible()
    assert page.get_by_text("Over £75: refuse or approve").is_visible()
    assert_accessible(page)
