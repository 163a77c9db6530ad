"""Demo executive decisions from seed 000: Wiltshire Council's Cabinet.

- 30 November 2021 (the seed's own Cabinet report): endorsing place-based working through the
  Wiltshire Alliance and agreeing to develop its Memorandum of Understanding, as a forward
  plan entry and a decision notice whose call-in period has passed.
- 11 October 2022 (illustrative, as the ratification in `decisions.demo`): Cabinet ratifying
  the Memorandum, linked to the Alliance's resolution 2022/001, so its trail shows the plan,
  the notice and the day the decision took effect.

Published through the services as the council's governance lead (the demo user `lead`), so
it runs after the demo users; a second run changes nothing. The text is in
`demo_data/executive.json`; what the seed does not give is marked illustrative there.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from django.contrib.auth import get_user_model

from decisions.models import DecisionNotice, ForwardPlanEntry, Resolution
from decisions.services.executive import decision_notice_publish, forward_plan_publish
from governance.models import Body, Organisation

DATA = Path(__file__).parent / "demo_data" / "executive.json"
DAYS = ("expected_on", "first_published", "decided_on", "published_on")


def _dated(fields: dict) -> dict:
    return {k: date.fromisoformat(v) if k in DAYS else v for k, v in fields.items()}


def load() -> None:
    """Publish Wiltshire Cabinet's forward plan entries and decision notices, once."""
    council = Organisation.objects.get(slug="wiltshire-council")
    cabinet = Body.objects.get(slug="wiltshire-cabinet")
    lead = get_user_model().objects.get(username="lead")
    alliance = Resolution.objects.get(body__slug="wiltshire-integrated-care-alliance", year=2022)
    for record in json.loads(DATA.read_text()):
        fields = _dated(record["entry"])
        ratifies = fields.pop("ratifies", False)
        entry = ForwardPlanEntry.objects.filter(
            organisation=council, title=fields["title"]
        ).first()
        if entry is None:
            entry = forward_plan_publish(
                organisation=council,
                actor=lead,
                decision_maker_body=cabinet,
                resolution=alliance if ratifies else None,
                **fields,
            )
        if not DecisionNotice.objects.filter(forward_plan_entry=entry).exists():
            decision_notice_publish(
                organisation=council,
                actor=lead,
                forward_plan_entry=entry,
                **_dated(record["notice"]),
            )
