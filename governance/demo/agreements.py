"""Demo agreements and delegations, from the facts in shared/seeds/.

- The Wiltshire Alliance MoU and Collaboration Agreement, in consultation: seed 000 (Wiltshire
  Council Cabinet, 30 November 2021, para 29) reports "broad agreement to many elements of
  our developing MOU" with workshops continuing before it goes for approval, so it is public
  and none of its seven parties has signed. With the outline of para 28, the six principles
  of para 23 and the themes of para 25.
- Nottinghamshire's section 75 agreement for the Better Care Fund with "both CCGs"
  (seed 002, para 12), signed. The seed says only that it exists: the signatories' roles
  and the dates are illustrative.
- Two delegations: Nottinghamshire County Council to its Adult Social Care and Public Health
  Committee (seed 002, para 61), and the BSW ICB Board to the Wiltshire Integrated Care
  Alliance for place-level decisions (seed 000, paras 14, 18–21 and 36).
"""

from __future__ import annotations

from datetime import date

from django.db import models

from governance.models import (
    Agreement,
    AgreementParty,
    AgreementSection,
    Body,
    Delegation,
    Organisation,
    Partnership,
)


def _sync(model: type[models.Model], lookup: dict, fields: dict) -> models.Model:
    """Create the row, or bring it up to date, saving (and writing history) only on change."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        return model.objects.create(**lookup, **fields)
    changed = [name for name, value in fields.items() if getattr(obj, name) != value]
    if changed:
        for name in changed:
            setattr(obj, name, fields[name])
        obj.save()
    return obj


SIX_PRINCIPLES = [
    "Work as one: partners collaborate sharing expertise, data and resources in the interest "
    "of our population",
    "Be led by our communities: decisions are taken closer to, and informed by, local communities",
    "Improve health and wellbeing: we take an all-age population health approach to improve "
    "physical and mental health outcomes and promote wellbeing",
    "Reduce inequalities: we focus on prevention and enhancing access to services for "
    "population groups who are in poorer health or challenging social circumstances",
    "Join up our services: we develop integrated and personalised service models around the "
    "needs of individuals",
    "Enable our volunteers and staff to thrive: we support ongoing learning and development, "
    "and work collectively to ensure well-being is prioritised",
]

THEMES = [
    "We will work together to empower people to lead their best lives",
    "We will develop an in-depth understanding of local needs",
    "We will connect with communities on what matters to them",
    "We will drive improvement through local oversight of quality and performance",
    "We will jointly plan and co-ordinate our services around people's needs",
]

ALLIANCE_PARTIES = [
    "wiltshire-council",
    "bsw-icb",
    "royal-united-hospitals-bath",
    "salisbury-nhs-foundation-trust",
    "great-western-hospitals-nhs-foundation-trust",
    "avon-and-wiltshire-mental-health-partnership",
    "healthwatch-wiltshire",
]

PLACE = "Our place-based partnership"
PURPOSE = "Purpose and role of our partnership"
GOVERNANCE = "Our governance arrangements"

# Seed 000 para 28, in its own words; text only where the seed gives it.
ALLIANCE_SECTIONS: list[tuple[str, str, str]] = [
    (
        PLACE,
        "Our place",
        "Wiltshire, one of the three places — Bath and North East Somerset, Swindon and "
        "Wiltshire — of the BSW Integrated Care System. The Wiltshire Alliance sits underneath "
        "the BSW ICS Partnership.",
    ),
    (PLACE, "Our partners", ""),
    (
        PLACE,
        "Our shared vision for Wiltshire",
        "Our contribution to the BSW vision: “Working together to empower people to lead "
        "their best life”.\n\nThe principles we co-developed and agreed through our workshops "
        "and network meetings:\n\n"
        + "\n".join(f"{n}. {p}" for n, p in enumerate(SIX_PRINCIPLES, start=1)),
    ),
    (PLACE, "Our shared objectives for Wiltshire", "\n".join(f"- {t}" for t in THEMES)),
    (PURPOSE, "Health and care strategy and planning at place", ""),
    (PURPOSE, "Service planning and oversight of delivery", ""),
    (PURPOSE, "Service delivery and transformation", ""),
    (PURPOSE, "Population health management", ""),
    (PURPOSE, "Connect support in the community", ""),
    (PURPOSE, "Promote health and wellbeing", ""),
    (PURPOSE, "Align management support", ""),
    (
        GOVERNANCE,
        "How our place-based partnership makes decisions",
        "Decisions are made at system- or place-level, and taken by the partner organisations: "
        "leaders come together and form agreements in principle and by consensus, then take "
        "these to their sovereign organisations for ratification. We aim to make and take "
        "decisions at the most appropriate level and as close to local level as possible.",
    ),
    (GOVERNANCE, "Our people and communities in our decision-making processes", ""),
    (GOVERNANCE, "Accountability arrangements", ""),
    (GOVERNANCE, "Conflicts of interest", ""),
    (
        GOVERNANCE,
        "Delegations, financial arrangements",
        "Any pooled budgets, section 75 agreements or requests for formal delegations will be "
        "brought before Cabinet in due course. Any formal delegations of local authority "
        "decision making will be considered as part of this MoU, to be agreed by Cabinet.",
    ),
    (GOVERNANCE, "Dispute resolution", ""),
    (GOVERNANCE, "Adding partners to the place-based partnership", ""),
]

CCGS = [
    # slug, name, short name, ODS code
    (
        "nhs-nottingham-and-nottinghamshire-ccg",
        "NHS Nottingham and Nottinghamshire Clinical Commissioning Group",
        "Notts CCG",
        "52R",
    ),
    ("nhs-bassetlaw-ccg", "NHS Bassetlaw Clinical Commissioning Group", "Bassetlaw CCG", "02Q"),
]


def _wiltshire_alliance_mou() -> Agreement:
    mou = _sync(
        Agreement,
        {"slug": "wiltshire-alliance-mou"},
        {
            "title": "Wiltshire Alliance Memorandum of Understanding and Collaboration Agreement",
            "kind": Agreement.Kind.MOU,
            "partnership": Partnership.objects.get(slug="wiltshire-alliance"),
            "version": "0.1",
            "status": Agreement.Status.IN_CONSULTATION,
            "summary": (
                "To support the Wiltshire Alliance in moving towards a new structure and working "
                "in a different way, a Memorandum of Understanding which includes a "
                "Collaboration Agreement, mapped to the Thriving Places guidance. It will be "
                "submitted for approval to the NHS Partnership Board and Wiltshire Council "
                "Cabinet, together with new Terms of Reference (Cabinet, 30 November 2021). "
                "Across the partners there is broad agreement to many elements of it; "
                "workshops and meetings continue to refine it before it is submitted for "
                "approval (para 29). "
                "No party has signed yet."
            ),
        },
    )
    parties = Organisation.objects.filter(slug__in=ALLIANCE_PARTIES).order_by("name")
    for organisation in parties:
        _sync(AgreementParty, {"agreement": mou, "organisation": organisation}, {})
    sections = list(ALLIANCE_SECTIONS)
    sections[1] = (PLACE, "Our partners", "\n".join(f"- {o.name}" for o in parties))
    for number, (part, heading, text) in enumerate(sections, start=1):
        _sync(
            AgreementSection,
            {"agreement": mou, "number": number},
            {"part": part, "heading": heading, "text": text},
        )
    return mou


def _nottinghamshire_bcf_section_75() -> Agreement:
    notts = Organisation.objects.get(slug="nottinghamshire-county-council")
    ccgs = [
        _sync(
            Organisation,
            {"slug": slug},
            {"name": name, "short_name": short, "kind": Organisation.Kind.OTHER, "ods_code": ods},
        )
        for slug, name, short, ods in CCGS
    ]
    agreement = _sync(
        Agreement,
        {"slug": "nottinghamshire-better-care-fund-section-75"},
        {
            "title": "Nottinghamshire Better Care Fund Section 75 Agreement",
            "kind": Agreement.Kind.SECTION_75,
            "partnership": None,
            "version": "2020/21",
            "status": Agreement.Status.SIGNED,
            "effective_from": date(2020, 4, 1),
            "review_date": date(2021, 3, 31),
            "summary": (
                "A section 75 agreement (National Health Service Act 2006) between the County "
                "Council and both CCGs that supports historic joint finance arrangements and the "
                "Better Care Fund, whose management is overseen by the Health and Wellbeing "
                "Board (seed 002, para 12). Illustrative: the seed records that the agreement "
                "exists; the signatories' roles and the dates shown here are made up for the "
                "demonstration."
            ),
        },
    )
    signatures = [
        (notts, "Corporate Director, Adult Social Care and Health", date(2020, 9, 30)),
        (ccgs[0], "Accountable Officer", date(2020, 10, 2)),
        (ccgs[1], "Accountable Officer", date(2020, 10, 5)),
    ]
    for organisation, signed_by, signed_on in signatures:
        _sync(
            AgreementParty,
            {"agreement": agreement, "organisation": organisation},
            {"signed_by": signed_by, "signed_on": signed_on},
        )
    for number, (heading, text) in enumerate(
        [
            (
                "Pooled fund",
                "The Better Care Fund, held as a pooled fund under section 75, including the "
                "historic joint finance arrangements between the Council and the CCGs.",
            ),
            (
                "Oversight",
                "Management of the Better Care Fund is overseen by the Nottinghamshire Health "
                "and Wellbeing Board.",
            ),
        ],
        start=1,
    ):
        _sync(
            AgreementSection,
            {"agreement": agreement, "number": number},
            {"heading": heading, "text": text},
        )
    return agreement


def _delegations() -> None:
    bodies = {b.slug: b for b in Body.objects.filter(slug__in=DELEGATION_BODIES)}
    _sync(
        Delegation,
        {
            "from_organisation": Organisation.objects.get(slug="nottinghamshire-county-council"),
            "to_body": bodies["adult-social-care-and-public-health-committee"],
            "start": date(2017, 5, 25),
        },
        {
            "from_body": None,
            "scope": (
                "Decisions on adult social care and public health within the Committee's terms "
                "of reference, including the use of Better Care Fund reserves for projects such "
                "as the Better Care Fund Dementia Project support post (seed 002, paras 17 "
                "and 61)."
            ),
            "financial_limit": None,
            "source_agreement": None,
            "end": None,
        },
    )
    _sync(
        Delegation,
        {
            "from_body": bodies["bsw-icb-board"],
            "to_body": bodies["wiltshire-integrated-care-alliance"],
            "start": date(2022, 7, 1),
        },
        {
            "from_organisation": None,
            "scope": (
                "Place-level planning and oversight of delivery for Wiltshire, so that decisions "
                "are taken as close to local level as possible; agreements in principle are "
                "taken to the sovereign organisations for ratification (seed 000, para 14). "
                "Illustrative: the formal delegations are to be set out in the Alliance MoU."
            ),
            "financial_limit": None,
            "source_agreement": None,
            "end": None,
        },
    )


DELEGATION_BODIES = [
    "adult-social-care-and-public-health-committee",
    "bsw-icb-board",
    "wiltshire-integrated-care-alliance",
]


def load() -> None:
    """Create or refresh the demo agreements and delegations (needs the structure demo)."""
    _wiltshire_alliance_mou()
    _nottinghamshire_bcf_section_75()
    _delegations()
