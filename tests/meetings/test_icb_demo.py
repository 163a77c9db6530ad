"""The demo's ICB board meeting takes a private session under NHS rules (issue 15 item 1)."""

from __future__ import annotations

from meetings.demo_icb import PRIVATE_REASON, START
from meetings.models import Meeting


def test_the_icb_board_meeting_has_a_private_session_under_nhs_rules(demo, client):
    meeting = Meeting.objects.get(body__slug="bsw-icb-board", start=START)
    html = client.get(f"/meetings/{meeting.pk}/").content.decode()
    assert f"Private on public-interest grounds: {PRIVATE_REASON}" in html
    assert "prejudicial to the public interest" in html
    assert "Schedule 12A" not in html
