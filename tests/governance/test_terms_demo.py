"""The demo terms of reference load once, and again without change."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from governance.models import TermsOfReference

pytestmark = pytest.mark.django_db


def _state():
    return (
        list(
            TermsOfReference.objects.order_by("body__slug", "version").values_list(
                "body__slug", "version", "status"
            )
        ),
        TermsOfReference.history.count(),
    )


def test_demo_terms_are_idempotent_and_show_a_review_due(client):
    call_command("load_demo")
    first = _state()
    call_command("load_demo")
    assert _state() == first
    assert first[0] == [
        ("adult-social-care-and-public-health-committee", 1, "approved"),
        ("bsw-icb-board", 1, "approved"),
        ("hw-icp-assembly", 1, "approved"),
        ("wiltshire-integrated-care-alliance", 1, "approved"),
        ("wiltshire-integrated-care-alliance", 2, "draft"),
        ("wirral-partnerships-committee", 1, "approved"),
    ]
    html = client.get("/terms-of-reference/review-due/").content.decode()
    assert "Wirral Partnerships Committee" in html.split("Bodies with no approved")[0]
    wica = client.get("/bodies/wiltshire-integrated-care-alliance/terms-of-reference/")
    assert "Version 2" not in wica.content.decode()
    icp = TermsOfReference.objects.get(body__slug="hw-icp-assembly")
    assert icp.quorum_required_organisations.count() == 3
