"""Demo terms of reference. Seed 002 (Nottinghamshire), seed 000 (the Cabinet paper of 30
November 2021 asking for "new Terms of Reference for the proposed statutory structures"),
seed 001 (the H&W ICP Assembly meeting at least twice a year) and Wirral (seed 003). Where
the seeds are silent (quorum, review dates) the values are plausible, not facts."""

from __future__ import annotations

from datetime import date

from governance.models import Body, Organisation, TermsOfReference

S = TermsOfReference.Status

ASCPH = {
    "purpose": (
        "To exercise the Council's functions for adult social care and public health, "
        "including the commissioning of care and support for adults, the public health "
        "grant and the Better Care Fund, within the policy framework and budget set by "
        "Full Council.\n\nTo develop integrated working with NHS partners in "
        "Nottinghamshire's Integrated Care Systems."
    ),
    "membership_rules": (
        "Eleven councillors appointed by Full Council in proportion to the political groups, "
        "including a Chairman and two Vice-Chairmen. Named substitutes may attend in place "
        "of an absent member.\n\nThe Corporate Director, Adult Social Care and Public Health, "
        "and the Director of Public Health attend as officers."
    ),
    "quorum_count": 3,
    "quorum_required_kinds": [],
    "frequency": "Monthly",
    "voting": (
        "Decisions by a simple majority of members present and voting. The Chairman has a "
        "second or casting vote."
    ),
    "delegated_authority": (
        "Decisions on policy and service changes for adult social care and public health "
        "within the approved budget; approval of the department's strategies; responding to "
        "national consultations on health and care."
    ),
    "review_date": date(2027, 5, 31),
}

WICA_V1 = {
    "purpose": (
        "To lead the Wiltshire Alliance's shared programme of priority projects under the "
        "Governance Framework agreed in June 2021, reporting into the existing governance of "
        "each partner for decisions."
    ),
    "membership_rules": (
        "A senior representative of each Alliance partner: Wiltshire Council, the NHS "
        "commissioner, the three acute trusts, Avon and Wiltshire Mental Health Partnership "
        "and Healthwatch Wiltshire."
    ),
    "quorum_count": 2,
    "quorum_required_kinds": ["local_authority", "nhs"],
    "frequency": "Bi-monthly",
    "voting": "Decisions by consensus. Where consensus cannot be reached the matter is referred "
    "to the partners' own governance.",
    "delegated_authority": (
        "None: the Alliance makes recommendations; each partner decides through its own "
        "governance."
    ),
    "review_date": date(2027, 3, 31),
}

WICA_V2 = {
    **WICA_V1,
    "purpose": (
        "To lead place-based working for Wiltshire as the Integrated Care Alliance within the "
        "BSW Integrated Care System: to agree in principle and by consensus, then take "
        "agreements to the sovereign organisations for ratification; to oversee the Alliance "
        "work programme and the neighbourhood collaboratives."
    ),
    "membership_rules": (
        "A senior representative of each partner signing the Memorandum of Understanding: "
        "Wiltshire Council, the BSW Integrated Care Board, the three acute trusts, Avon and "
        "Wiltshire Mental Health Partnership and Healthwatch Wiltshire. The Leader of "
        "Wiltshire Council chairs."
    ),
    "quorum_count": 5,
    "frequency": "Bi-monthly",
    "delegated_authority": (
        "Such functions as the BSW Integrated Care Board and Wiltshire Council delegate to it "
        "under the Collaboration Agreement; otherwise recommendations to the partners for "
        "ratification."
    ),
    "review_date": date(2027, 11, 30),
}

ICP = {
    "purpose": (
        "To set, agree and oversee the delivery of the Integrated Care Strategy for "
        "Herefordshire and Worcestershire, working with the two Health and Wellbeing Boards, "
        "and to hold the chapter owners to account for their parts of the strategy."
    ),
    "membership_rules": (
        "The members of the Herefordshire and the Worcestershire Health and Wellbeing Boards, "
        "the Integrated Care Board, and wider partners: district councils, both Healthwatch "
        "bodies, housing and social care providers, the fire and rescue service and VCSE "
        "representatives."
    ),
    "quorum_count": 6,
    "quorum_required_kinds": [],
    "frequency": "At least twice a year",
    "voting": "Decisions by consensus of the statutory members.",
    "delegated_authority": "Approval of the Integrated Care Strategy.",
    "review_date": date(2027, 6, 30),
}
ICP_REQUIRED = [
    "herefordshire-council",
    "worcestershire-county-council",
    "herefordshire-and-worcestershire-icb",
]

WIRRAL = {
    "purpose": (
        "To oversee the Council's partnership arrangements for health and care in Wirral, "
        "including the pooled fund with the NHS and the Council's part in the Cheshire and "
        "Merseyside Integrated Care System."
    ),
    "membership_rules": (
        "Eleven councillors appointed by Council in proportion to the groups. The seeds name "
        "none of them, so the demo lists no councillors; the report's author attends as an "
        "officer."
    ),
    "quorum_count": 3,
    "quorum_required_kinds": ["local_authority"],
    "frequency": "Five times a year",
    "voting": "Decisions by a simple majority; the Chair has a casting vote.",
    "delegated_authority": (
        "Partnership agreements under section 75 of the NHS Act 2006 and the Council's "
        "response to national health and care reform."
    ),
    "review_date": date(2022, 5, 31),
}

BSW_ICB_BOARD = {
    "purpose": (
        "To lead the Integrated Care Board's statutory functions for Bath and North East "
        "Somerset, Swindon and Wiltshire: arranging NHS services to meet the population's "
        "needs, and working with the Integrated Care Partnership on its strategy."
    ),
    "membership_rules": (
        "The Chair, the Chief Executive, partner members nominated by NHS trusts, general "
        "practice and the three local authorities, executive and non-executive members."
    ),
    "quorum_count": 6,
    "quorum_required_kinds": [],
    "frequency": "Bi-monthly, in public",
    "voting": "Decisions by consensus; where a vote is needed, by a simple majority.",
    "delegated_authority": "As set out in the ICB's constitution and scheme of reservation "
    "and delegation.",
    "exemption_regime": "nhs_public_interest",
    "review_date": date(2027, 3, 31),
}

# body slug, version, status, text, approved on, approved by, organisations required
VERSIONS = [
    ("adult-social-care-and-public-health-committee", 1, S.APPROVED, ASCPH,
     date(2021, 5, 27), "Full Council, 27 May 2021", []),
    ("wiltshire-integrated-care-alliance", 1, S.APPROVED, WICA_V1,
     date(2021, 6, 30), "Alliance Leadership Team, June 2021", []),
    ("wiltshire-integrated-care-alliance", 2, S.DRAFT, WICA_V2, None, "", []),
    ("hw-icp-assembly", 1, S.APPROVED, ICP,
     date(2022, 6, 30), "ICP Assembly, inaugural meeting, June 2022", ICP_REQUIRED),
    ("bsw-icb-board", 1, S.APPROVED, BSW_ICB_BOARD,
     date(2022, 7, 1), "ICB Board, inaugural meeting, 1 July 2022", []),
    ("wirral-partnerships-committee", 1, S.APPROVED, WIRRAL,
     date(2021, 5, 25), "Council, annual meeting, May 2021", []),
]  # fmt: skip


def _save_if_changed(body: Body, version: int, fields: dict) -> TermsOfReference:
    terms = TermsOfReference.objects.filter(body=body, version=version).first()
    if terms is None:
        terms = TermsOfReference(body=body, version=version)
    elif all(getattr(terms, name) == value for name, value in fields.items()):
        return terms
    for name, value in fields.items():
        setattr(terms, name, value)
    terms.full_clean()
    terms.save()
    return terms


def load() -> None:
    """Create or refresh the demo versions; a second run changes nothing."""
    bodies = Body.objects.in_bulk([row[0] for row in VERSIONS], field_name="slug")
    for slug, version, status, text, approved_on, approved_by, required in VERSIONS:
        terms = _save_if_changed(
            bodies[slug],
            version,
            {**text, "status": status, "approved_on": approved_on, "approved_by": approved_by},
        )
        organisations = Organisation.objects.filter(slug__in=required)
        if set(terms.quorum_required_organisations.all()) != set(organisations):
            terms.quorum_required_organisations.set(organisations)
