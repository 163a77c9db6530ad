"""Demo registers of interests and gifts and hospitality.

The seeds record no registered interests (seed 002: "No interests were disclosed"). Rather
than attribute invented interests to the real people of the seeds, the entries belong to two
clearly fictional demo people, and each entry says it is illustrative.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from governance.models import GiftOrHospitality, Interest, InterestKind, Organisation, Person
from ics_portal.common.demo_records import sync_record

NOTE = " (Illustrative demo entry, not taken from a published register.)"

DEMO_PEOPLE = [
    # slug, honorific, name, job title, organisation slug
    ("pat-example", "Councillor", "Pat Example", "Fictional demo councillor",
     "nottinghamshire-county-council"),
    ("robin-sample", "Dr", "Robin Sample", "Fictional demo NHS director", "bsw-icb"),
]  # fmt: skip

INTERESTS = [
    # person slug, kind, description, organisation name, from, to
    (
        "pat-example",
        InterestKind.OTHER_REGISTRABLE,
        "Appointed by the County Council to the board of a local community charity.",
        "A local community charity",
        date(2017, 6, 1),
        None,
    ),
    (
        "pat-example",
        InterestKind.OTHER_REGISTRABLE,
        "Governor of a primary school in the county.",
        "A local primary school",
        date(2017, 9, 1),
        date(2020, 8, 31),
    ),
    (
        "pat-example",
        InterestKind.OTHER_REGISTRABLE,
        "Member of a parish council in the county.",
        "A parish council in Nottinghamshire",
        date(2017, 5, 25),
        None,
    ),
    (
        "robin-sample",
        InterestKind.OTHER_REGISTRABLE,
        "Member of a parish council in the county.",
        "A parish council in Nottinghamshire",
        date(2017, 5, 25),
        None,
    ),
]

GIFTS = [
    # person slug, kind, description, offered by, value, date, decision, approved by
    (
        "robin-sample",
        GiftOrHospitality.Kind.HOSPITALITY,
        "Lunch at a regional NHS leadership conference.",
        "Conference organiser",
        Decimal("20.00"),
        date(2022, 9, 15),
        GiftOrHospitality.Decision.ACCEPTED,
        "",
    ),
    (
        "robin-sample",
        GiftOrHospitality.Kind.HOSPITALITY,
        "Invitation to an evening dinner after a supplier's product showcase.",
        "A medical equipment supplier",
        Decimal("95.00"),
        date(2022, 11, 8),
        GiftOrHospitality.Decision.DECLINED,
        "",
    ),
]


def load() -> None:
    """Create or refresh the demo register entries; safe to run again."""
    people = {}
    for slug, honorific, name, job_title, org_slug in DEMO_PEOPLE:
        people[slug] = sync_record(
            Person,
            {"slug": slug},
            {
                "honorific": honorific,
                "name": name,
                "job_title": job_title,
                "organisation": Organisation.objects.get(slug=org_slug),
            },
        )
    for slug, kind, description, organisation, start, end in INTERESTS:
        sync_record(
            Interest,
            {"person": people[slug], "description": description + NOTE},
            {
                "kind": kind,
                "organisation_name": organisation,
                "registered_from": start,
                "registered_to": end,
            },
        )
    for slug, kind, description, offered_by, value, day, decision, approver in GIFTS:
        sync_record(
            GiftOrHospitality,
            {"person": people[slug], "date_offered": day, "offered_by": offered_by},
            {
                "kind": kind,
                "description": description + NOTE,
                "value": value,
                "decision": decision,
                "approved_by": approver,
            },
        )
