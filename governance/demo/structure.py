"""Demo structure from the seeds: BSW and the Wiltshire Alliance (000), Herefordshire and
Worcestershire (001), Nottinghamshire's committee (002), Wirral (003), neighbourhoods (004)."""

from __future__ import annotations

from datetime import date

from governance.models import (
    Body,
    Membership,
    Organisation,
    Partnership,
    PartnershipMember,
    Person,
)
from ics_portal.common.demo_records import sync_record

K = Organisation.Kind
ORGANISATIONS = [
    # slug, name, short name, kind, ODS code
    ("wiltshire-council", "Wiltshire Council", "Wiltshire", K.LOCAL_AUTHORITY, ""),
    (
        "bath-and-north-east-somerset-council",
        "Bath and North East Somerset Council",
        "B&NES",
        K.LOCAL_AUTHORITY,
        "",
    ),
    ("swindon-borough-council", "Swindon Borough Council", "Swindon", K.LOCAL_AUTHORITY, ""),
    (
        "bsw-icb",
        "NHS Bath and North East Somerset, Swindon and Wiltshire Integrated Care Board",
        "BSW ICB",
        K.ICB,
        "QOX",
    ),
    (
        "royal-united-hospitals-bath",
        "Royal United Hospitals Bath NHS Foundation Trust",
        "RUH",
        K.NHS_TRUST,
        "RD1",
    ),
    (
        "salisbury-nhs-foundation-trust",
        "Salisbury NHS Foundation Trust",
        "SFT",
        K.NHS_TRUST,
        "RNZ",
    ),
    (
        "great-western-hospitals-nhs-foundation-trust",
        "Great Western Hospitals NHS Foundation Trust",
        "GWH",
        K.NHS_TRUST,
        "RN3",
    ),
    (
        "avon-and-wiltshire-mental-health-partnership",
        "Avon and Wiltshire Mental Health Partnership NHS Trust",
        "AWP",
        K.NHS_TRUST,
        "RVN",
    ),
    ("healthwatch-wiltshire", "Healthwatch Wiltshire", "Healthwatch", K.HEALTHWATCH, ""),
    ("herefordshire-council", "Herefordshire Council", "Herefordshire", K.LOCAL_AUTHORITY, ""),
    (
        "worcestershire-county-council",
        "Worcestershire County Council",
        "Worcestershire",
        K.LOCAL_AUTHORITY,
        "",
    ),
    (
        "herefordshire-and-worcestershire-icb",
        "NHS Herefordshire and Worcestershire Integrated Care Board",
        "H&W ICB",
        K.ICB,
        "QGH",
    ),
    (
        "nottinghamshire-county-council",
        "Nottinghamshire County Council",
        "Notts CC",
        K.LOCAL_AUTHORITY,
        "",
    ),
    ("wirral-council", "Wirral Council", "Wirral", K.LOCAL_AUTHORITY, ""),
    (
        "nhs-cheshire-and-merseyside",
        "NHS Cheshire and Merseyside Integrated Care Board",
        "C&M ICB",
        K.ICB,
        "QYG",
    ),
]

L = Partnership.Level
BSW_PRINCIPLES = "\n".join(
    [
        "Work as one: partners collaborate sharing expertise, data and resources in the "
        "interest of our population",
        "Be led by our communities: decisions are taken closer to, and informed by, local "
        "communities",
        "Improve health and wellbeing: we take an all-age population health approach to "
        "improve physical and mental health outcomes and promote wellbeing",
        "Reduce inequalities: we focus on prevention and enhancing access to services for "
        "population groups who are in poorer health or challenging social circumstances",
        "Join up our services: we develop integrated and personalised service models around "
        "the needs of individuals",
        "Enable our volunteers and staff to thrive: we support ongoing learning and "
        "development, and work collectively to ensure well-being is prioritised",
    ]
)
PARTNERSHIPS = [
    # slug, name, short name, level, parent slug, vision, principles
    (
        "bsw",
        "Bath and North East Somerset, Swindon and Wiltshire Integrated Care System",
        "BSW ICS",
        L.SYSTEM,
        None,
        "Working together to empower people to lead their best life",
        "",
    ),
    (
        "bath-and-north-east-somerset-place",
        "Bath and North East Somerset Alliance",
        "B&NES Alliance",
        L.PLACE,
        "bsw",
        "",
        "",
    ),
    ("swindon-place", "Swindon Alliance", "Swindon Alliance", L.PLACE, "bsw", "", ""),
    (
        "wiltshire-alliance",
        "Wiltshire Alliance",
        "Wiltshire ICA",
        L.PLACE,
        "bsw",
        "Wiltshire's contribution to the BSW vision: working together to empower people "
        "to lead their best life",
        BSW_PRINCIPLES,
    ),
    (
        "salisbury-neighbourhood-collaborative",
        "Salisbury Neighbourhood Collaborative",
        "Salisbury NC",
        L.NEIGHBOURHOOD,
        "wiltshire-alliance",
        "",
        "",
    ),
    (
        "devizes-neighbourhood-collaborative",
        "Devizes Neighbourhood Collaborative",
        "Devizes NC",
        L.NEIGHBOURHOOD,
        "wiltshire-alliance",
        "",
        "",
    ),
    (
        "trowbridge-neighbourhood-collaborative",
        "Trowbridge Neighbourhood Collaborative",
        "Trowbridge NC",
        L.NEIGHBOURHOOD,
        "wiltshire-alliance",
        "",
        "",
    ),
    (
        "herefordshire-and-worcestershire",
        "Herefordshire and Worcestershire Integrated Care System",
        "H&W ICS",
        L.SYSTEM,
        None,
        "",
        "",
    ),
    (
        "cheshire-and-merseyside",
        "Cheshire and Merseyside Integrated Care System",
        "C&M ICS",
        L.SYSTEM,
        None,
        "",
        "",
    ),
    ("wirral-place", "Wirral Place", "Wirral", L.PLACE, "cheshire-and-merseyside", "", ""),
]

ICS_START = date(2022, 7, 1)
PARTNERSHIP_MEMBERS = {
    "bsw": [
        "wiltshire-council",
        "bath-and-north-east-somerset-council",
        "swindon-borough-council",
        "bsw-icb",
        "royal-united-hospitals-bath",
        "salisbury-nhs-foundation-trust",
        "great-western-hospitals-nhs-foundation-trust",
        "avon-and-wiltshire-mental-health-partnership",
    ],
    "wiltshire-alliance": [
        "wiltshire-council",
        "bsw-icb",
        "royal-united-hospitals-bath",
        "salisbury-nhs-foundation-trust",
        "great-western-hospitals-nhs-foundation-trust",
        "avon-and-wiltshire-mental-health-partnership",
        "healthwatch-wiltshire",
    ],
    "bath-and-north-east-somerset-place": ["bath-and-north-east-somerset-council", "bsw-icb"],
    "swindon-place": ["swindon-borough-council", "bsw-icb"],
    "salisbury-neighbourhood-collaborative": [
        "wiltshire-council",
        "salisbury-nhs-foundation-trust",
    ],
    "devizes-neighbourhood-collaborative": ["wiltshire-council", "bsw-icb"],
    "trowbridge-neighbourhood-collaborative": ["wiltshire-council", "bsw-icb"],
    "herefordshire-and-worcestershire": [
        "herefordshire-council",
        "worcestershire-county-council",
        "herefordshire-and-worcestershire-icb",
    ],
    "cheshire-and-merseyside": ["wirral-council", "nhs-cheshire-and-merseyside"],
    "wirral-place": ["wirral-council", "nhs-cheshire-and-merseyside"],
}

B = Body.Kind
BODIES = [
    # slug, name, short name, kind, owner ("org:" or "partnership:" slug), reports to
    ("wiltshire-cabinet", "Wiltshire Council Cabinet", "Cabinet", B.CABINET,
     "org:wiltshire-council", None),
    ("wiltshire-health-select-committee", "Wiltshire Council Health Select Committee", "HSC",
     B.SCRUTINY_COMMITTEE, "org:wiltshire-council", None),
    ("wiltshire-health-and-wellbeing-board", "Wiltshire Health and Wellbeing Board", "WHWB",
     B.BOARD, "org:wiltshire-council", None),
    ("bsw-icb-board", "BSW Integrated Care Board", "BSW ICB", B.BOARD, "org:bsw-icb", None),
    ("wiltshire-integrated-care-alliance", "Wiltshire Integrated Care Alliance", "WICA",
     B.BOARD, "partnership:wiltshire-alliance", "bsw-icb-board"),
    ("hw-icp-assembly", "Herefordshire and Worcestershire ICP Assembly", "ICP",
     B.ASSEMBLY, "partnership:herefordshire-and-worcestershire", None),
    ("herefordshire-health-and-wellbeing-board", "Herefordshire Health and Wellbeing Board",
     "HHWB", B.BOARD, "org:herefordshire-council", "hw-icp-assembly"),
    ("worcestershire-health-and-wellbeing-board", "Worcestershire Health and Wellbeing Board",
     "WHWBB", B.BOARD, "org:worcestershire-county-council", "hw-icp-assembly"),
    ("adult-social-care-and-public-health-committee",
     "Adult Social Care and Public Health Committee", "ASCPH", B.COMMITTEE,
     "org:nottinghamshire-county-council", None),
    ("wirral-partnerships-committee", "Wirral Partnerships Committee", "WPC", B.COMMITTEE,
     "org:wirral-council", None),
]  # fmt: skip

RATIFYING_BODIES = {
    "wiltshire-council": "wiltshire-cabinet",
    "bsw-icb": "bsw-icb-board",
    "herefordshire-council": "herefordshire-health-and-wellbeing-board",
    "worcestershire-county-council": "worcestershire-health-and-wellbeing-board",
}

R = Membership.Role
NOTTS_2017 = date(2017, 5, 25)
# Seed 002: the committee's membership on 11 January 2021, and its officers in attendance.
ASCPH_MEMBERS = [
    # name, slug, role, substitutes
    ("Tony Harper", "tony-harper", R.CHAIR, []),
    ("Boyd Elliott", "boyd-elliott", R.VICE_CHAIR, []),
    ("Francis Purdue-Horan", "francis-purdue-horan", R.VICE_CHAIR, []),
    ("Joyce Bosnjak", "joyce-bosnjak", R.MEMBER, []),
    ("John Doddy", "john-doddy", R.MEMBER, ["richard-butler"]),
    ("Sybil Fielding", "sybil-fielding", R.MEMBER, []),
    ("David Martin", "david-martin", R.MEMBER, []),
    ("Andy Sissons", "andy-sissons", R.MEMBER, ["stephen-garner"]),
    ("Steve Vickers", "steve-vickers", R.MEMBER, []),
    ("Muriel Weisz", "muriel-weisz", R.MEMBER, []),
    ("Yvonne Woodhead", "yvonne-woodhead", R.MEMBER, []),
]
NOTTS_SUBSTITUTES = [("Richard Butler", "richard-butler"), ("Stephen Garner", "stephen-garner")]
ASCPH_OFFICERS = [
    ("Melanie Brooks", "melanie-brooks",
     "Corporate Director, Adult Social Care and Public Health"),
    ("Jonathan Gribbin", "jonathan-gribbin", "Director of Public Health"),
    ("Ainsley Macdonnell", "ainsley-macdonnell",
     "Service Director, Living Well Community Services"),
    ("Sue Batty", "sue-batty", "Service Director, Ageing Well Community Services"),
    ("Grace Natoli", "grace-natoli", "Director of Transformation"),
    ("Jo Toomey", "jo-toomey", "Advanced Democratic Services Officer"),
]  # fmt: skip


def _upsert(model, slug: str, **fields):
    return sync_record(model, {"slug": slug}, fields)


def _person(slug: str, name: str, organisation, honorific: str = "", job_title: str = ""):
    return _upsert(
        Person,
        slug,
        name=name,
        honorific=honorific,
        job_title=job_title,
        organisation=organisation,
    )


def _seat(body, person, role, start, representing, voting=True):
    return sync_record(
        Membership,
        {"body": body, "person": person, "start": start},
        {"role": role, "voting": voting, "representing": representing},
    )


def load() -> dict[str, object]:
    """Create or refresh the demo structure; returns the records other loaders need."""
    orgs = {
        slug: _upsert(Organisation, slug, name=name, short_name=short, kind=kind, ods_code=ods)
        for slug, name, short, kind, ods in ORGANISATIONS
    }
    partnerships: dict[str, Partnership] = {}
    for slug, name, short, level, parent, vision, principles in PARTNERSHIPS:
        partnerships[slug] = _upsert(
            Partnership,
            slug,
            name=name,
            short_name=short,
            level=level,
            parent=partnerships.get(parent),
            vision=vision,
            principles=principles,
        )
    for partnership_slug, org_slugs in PARTNERSHIP_MEMBERS.items():
        for org_slug in org_slugs:
            PartnershipMember.objects.get_or_create(
                partnership=partnerships[partnership_slug],
                organisation=orgs[org_slug],
                defaults={"joined": ICS_START},
            )

    bodies: dict[str, Body] = {}
    for slug, name, short, kind, owner, parent in BODIES:
        owner_kind, owner_slug = owner.split(":")
        bodies[slug] = _upsert(
            Body,
            slug,
            name=name,
            short_name=short,
            kind=kind,
            organisation=orgs[owner_slug] if owner_kind == "org" else None,
            partnership=partnerships[owner_slug] if owner_kind == "partnership" else None,
            parent=bodies.get(parent),
        )
    for org_slug, body_slug in RATIFYING_BODIES.items():
        Organisation.objects.filter(slug=org_slug).update(ratifying_body=bodies[body_slug])

    notts = orgs["nottinghamshire-county-council"]
    ascph = bodies["adult-social-care-and-public-health-committee"]
    substitutes = {
        slug: _person(slug, name, notts, "Councillor") for name, slug in NOTTS_SUBSTITUTES
    }
    for name, slug, role, subs in ASCPH_MEMBERS:
        honorific = "Councillor Dr" if slug == "john-doddy" else "Councillor"
        person = _person(slug, name, notts, honorific)
        seat = _seat(ascph, person, role, NOTTS_2017, notts)
        seat.substitutes.set([substitutes[s] for s in subs])
    for name, slug, job in ASCPH_OFFICERS:
        _seat(ascph, _person(slug, name, notts, job_title=job), R.OFFICER, NOTTS_2017, notts,
              voting=False)  # fmt: skip

    wiltshire = orgs["wiltshire-council"]
    clewer = _person(
        "richard-clewer", "Richard Clewer", wiltshire, "Councillor", "Leader of Wiltshire Council"
    )
    _seat(bodies["wiltshire-cabinet"], clewer, R.CHAIR, date(2021, 5, 25), wiltshire)
    _seat(
        bodies["wiltshire-health-and-wellbeing-board"], clewer, R.CHAIR, date(2021, 5, 25),
        wiltshire,
    )  # fmt: skip
    elsy = _person("stephanie-elsy", "Stephanie Elsy", orgs["bsw-icb"], job_title="Chair, BSW ICB")
    _seat(bodies["bsw-icb-board"], elsy, R.CHAIR, ICS_START, orgs["bsw-icb"])
    townsend = _person(
        "lucy-townsend", "Lucy Townsend", wiltshire, job_title="Corporate Director for People"
    )
    _seat(bodies["wiltshire-integrated-care-alliance"], townsend, R.MEMBER, ICS_START, wiltshire)
    _seat(bodies["wiltshire-integrated-care-alliance"], clewer, R.CHAIR, ICS_START, wiltshire)

    return {"organisations": orgs, "partnerships": partnerships, "bodies": bodies}
