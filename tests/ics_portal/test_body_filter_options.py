"""The body filter of the meetings and decisions lists is rendered once per change of the
bodies, not on every request: the next request reads it from the cache, and a renamed or new
body shows at once."""

from __future__ import annotations

import pytest

from governance.models import Body
from governance.services.structure import body_update

pytestmark = pytest.mark.django_db

LISTS = ["/meetings/", "/decisions/"]
# The query that reads every body for the options.
EVERY_BODY = 'ORDER BY "governance_body"."name"'


def reads_every_body(captured) -> bool:
    return any(EVERY_BODY in query["sql"] for query in captured.captured_queries)


@pytest.mark.parametrize("address", LISTS)
def test_the_options_are_read_once_and_follow_a_change(
    client, body, scrutiny_body, admin_user, address, empty_cache, django_assert_max_num_queries
):
    with django_assert_max_num_queries(10) as first:
        page = client.get(address).text
    assert reads_every_body(first) and "Health Scrutiny Committee</option>" in page
    with django_assert_max_num_queries(len(first.captured_queries)) as again:
        assert "Health Scrutiny Committee</option>" in client.get(address).text
    assert not reads_every_body(again)
    body_update(body=scrutiny_body, actor=admin_user, name="Health and Care Scrutiny Committee")
    page = client.get(address).text
    assert "Health and Care Scrutiny Committee</option>" in page
    assert "Health Scrutiny Committee</option>" not in page


@pytest.mark.parametrize("address", LISTS)
def test_a_new_body_is_offered_at_once(client, body, council, address, empty_cache):
    client.get(address)
    Body.objects.create(
        name="Winter Pressures Board", slug="winter", kind="board", organisation=council
    )
    assert 'value="winter">Winter Pressures Board</option>' in client.get(address).text


@pytest.mark.parametrize("address", LISTS)
def test_the_chosen_body_stays_chosen(client, body, scrutiny_body, address, empty_cache):
    chosen = f'<option value="{scrutiny_body.slug}" selected>'
    assert chosen in client.get(address, {"body": scrutiny_body.slug}).text
    assert chosen not in client.get(address).text
    assert chosen in client.get(address, {"body": scrutiny_body.slug}).text


def test_the_kept_form_shows_what_was_typed_and_a_mistake_afresh(client, body, empty_cache):
    """The whole filter form is kept rendered per query; one with errors never is."""
    typed = {"start_day": "1", "start_month": "2", "start_year": "2021"}
    for _ in range(2):
        page = client.get("/meetings/", typed).text
        assert 'name="start_day" type="text" inputmode="numeric" value="1"' in page
    wrong = {**typed, "start_day": "40"}
    assert "govuk-error-message" in client.get("/meetings/", wrong).text
    assert "govuk-error-message" not in client.get("/meetings/", typed).text
    assert 'value="40"' not in client.get("/meetings/").text
