"""The change history page shows who changed what, when, old and new values."""

import pytest

from governance.models import Organisation
from ics_portal.common.changes import history_url
from ics_portal.common.records import save_record

pytestmark = pytest.mark.django_db


def test_history_page_shows_each_change_with_its_author(client, clerk, body, council):
    council.name = "Nottinghamshire County Council (renamed)"
    save_record(council, actor=clerk, reason="Name corrected")
    council.ratifying_body = body
    save_record(council, actor=clerk)

    response = client.get(history_url(council))
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("Changed by Jo Toomey") == 2
    assert "Reason: Name corrected" in html
    assert "Nottinghamshire County Council (renamed)" in html
    assert "Adult Social Care and Public Health Committee" in html  # FK shown by name
    assert "Created by System" in html


def test_history_query_count_does_not_grow_with_rows(
    client, clerk, council, body, django_assert_max_num_queries
):
    for n in range(60):
        council.short_name = f"N{n}"
        council.ratifying_body = body if n % 2 else None
        save_record(council, actor=clerk)
    with django_assert_max_num_queries(8):
        response = client.get(history_url(council))
    assert response.status_code == 200
    html = response.content.decode()
    assert "1 of 2" in html and 'rel="next"' in html


def test_history_of_unknown_kinds_is_404(client, admin_user):
    assert client.get("/history/auth/user/1/").status_code == 404
    assert client.get("/history/governance/nothing/1/").status_code == 404
    assert client.get("/history/governance/organisation/999/").status_code == 404


def test_history_link_points_at_the_record(council):
    assert history_url(council) == f"/history/governance/organisation/{council.pk}/"
    assert Organisation.history.count() == 1
