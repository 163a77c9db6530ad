"""Demo decision trail from the seeds.

- Seed 002: resolutions 2021/001 to 2021/007 of Nottinghamshire's Adult Social Care and Public
  Health Committee, on the items of its meeting of 11 January 2021 (made by meetings.demo),
  with their parts in the seed's own words and labels, and the action of 2021/002.
- Seed 000: the Wiltshire Integrated Care Alliance's agreement in principle to adopt the
  Alliance Memorandum of Understanding and Collaboration Agreement, routed to Wiltshire Council
  (Cabinet), the BSW ICB and two NHS trusts, with a mix of outcomes.
- Seed 001: the Herefordshire and Worcestershire ICP Assembly approving the Integrated Care
  Strategy, routed to both Health and Wellbeing Boards.
- Seed 000 (illustrative): one decision of the Wiltshire Integrated Care Alliance under the BSW
  ICB Board's delegation, as an officer or delegated decision of the ICB.
- Seed 004: the recommendations of Wiltshire's Health Select Committee Rapid Scrutiny
  Exercise (1 November 2022) that ask something of another organisation or body.

The seeds give the Nottinghamshire resolutions and the scrutiny recommendations word for word.
They do not record the Alliance and ICP meetings, the ratifications or any responses: those
dates, minute references and outcomes are illustrative, and each record's note says so.
Records are written directly, like the other demo loaders, with no history user (the scrutiny
recommendations, and the delegated decision, go through their services); a second run
changes nothing.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from decisions import demo_in_common
from decisions.models import (
    Action,
    ActionNote,
    DelegatedDecision,
    Ratification,
    Resolution,
    ScrutinyRecommendation,
)
from decisions.services.delegated import delegated_decision_record
from decisions.services.resolutions import clean_parts
from decisions.services.scrutiny import recommendation_send
from governance.models import Body, Delegation, Organisation
from ics_portal.common.demo_records import sync_record
from meetings.models import AgendaItem, Meeting

LONDON = ZoneInfo("Europe/London")
ILLUSTRATIVE = "Illustrative: not in the seeds."

Kind = Resolution.Kind
Outcome = Ratification.Status


# --- Seed 002: Nottinghamshire, 11 January 2021 -------------------------------------------

ASCPH = "adult-social-care-and-public-health-committee"
JANUARY = date(2021, 1, 11)
COMMITTEE = "The Adult Social Care and Public Health Committee:"

# number, kind, preamble, parts (one a line, with the seed's own labels)
ASCPH_RESOLUTIONS: list[tuple[int, str, str, list[str]]] = [
    (
        1,
        Kind.DECISION,
        "",
        [
            "1) That members of the Adult Social Care and Public Health Committee receive "
            "future updates on the progress of 'Your Health, Your Way' via routine quarterly "
            "performance reports.",
            "2) That members of the Adult Social Care and Public Health Committee do not wish "
            "to add any further means of 'Your Health, Your Way' engaging with members of the "
            "public.",
        ],
    ),
    (
        2,
        Kind.DECISION,
        COMMITTEE,
        [
            "1) Approves the use of the Contain Outbreak Management Fund, as per the proposed "
            "funding plan attached to the Committee's papers, for which Nottinghamshire County "
            "Council has been allocated £6,625,792.",
            "2) Approves the establishment of two fixed-term staffing posts to support the "
            "delivery of the COVID-19 communication and engagement strategy, funded from the "
            "Contain Outbreak Management Fund.",
            "3) Requested that the Director of Public Health provide Committee Members with an "
            "e-mail update clarifying the message they should be conveying to constituents in "
            "respect of booking appointments for COVID-19 vaccination.",
        ],
    ),
    (
        3,
        Kind.DECISION,
        COMMITTEE,
        [
            "1) Having considered the Adult Social Care and Public Health Service Improvement "
            "Programme for 2021/22 to 2023/24, recommends that it receives a future report "
            "setting out more detail on the Digital COVID-19 Response theme of the Adult "
            "Social Care and Public Health Digital Strategy.",
            "2) Agrees the implementation of the Adult Social Care and Public Health Service "
            "Improvement Programme for 2021/22 – 2023/24",
            # The seed's table of posts, one row after another.
            "3) Gives approval for the resources identified at paragraph 26 of the report, "
            "including the establishment of the following posts (job title, grade, full time "
            "equivalent, permanent or temporary): Mosaic Technical Specialist, Hay Band C, 2, "
            "temporary posts for one year until 31st March 2022; Project Manager, Hay Band D, "
            "2, temporary posts for one year until 31st March 2022; Business Analyst, Hay Band "
            "C, 1, temporary one year until 31st March 2022; Team Manager, Hay Band D, 1, "
            "permanent; Senior Practitioner (OT), Hay Band C, 1, permanent; Occupational "
            "Therapist, Hay Band A/B, 3, permanent; Reablement Manager, Hay Band A, 3, "
            "permanent; Community Care Officer, Grade 5, 6, permanent; Support Coordinator, "
            "Grade 4, 3, permanent; Senior Reablement Worker, Grade 3, 32, permanent.",
        ],
    ),
    (
        4,
        Kind.NOTING,
        "",
        ["That there were no further actions arising as a result of this report."],
    ),
    (
        5,
        Kind.DECISION,
        "That Committee approves the establishment of the following posts and equipment budget "
        "which will be funded from the £390,000 funding allotted to Nottinghamshire County "
        "Council as part of the joint Deferred Assessments Plan agreed with Nottingham and "
        "Nottinghamshire Clinical Commissioning Group and Nottingham City Council:",
        [
            "a) Further to the temporary establishment of some posts, the extension of 7.2 FTE "
            "(full time equivalent) temporary Community Care Officer (Grade 5) posts until 31 "
            "March 2021",
            "b) The extension of 2 FTE temporary Social Care Assistant (Grade 3) posts until 31 "
            "March 2021",
            "c) The establishment of 6.2 FTE temporary Community Care Officer (Grade 5) posts "
            "until 31 March 2021",
            "d) The establishment of 9 FTE temporary Community Care Officer (Grade 5) posts "
            "until 30 April 2021",
            "e) An equipment budget of £43,000.",
        ],
    ),
    (
        6,
        Kind.NOTING,
        "",
        ["That there were no actions arising as a result of this report."],
    ),
    (
        7,
        Kind.DECISION,
        "That the updated work programme be agreed, subject to the inclusion of the following "
        "items:",
        [
            "Contain Outbreak Management Fund – update on status and detail of projects",
            "The Digital COVID-19 Response theme in the Adult Social Care and Public Health "
            "Digital Strategy",
        ],
    ),
]

# The action of 2021/002 part 3, in the seed's words. The seed does not say when the e-mail
# went: the due date (a week after the meeting) and "done" are illustrative, so that a real,
# named officer is not shown as years overdue on the strength of a silence in the minutes.
VACCINATION_EMAIL = (
    "Requested that the Director of Public Health provide Committee Members with an e-mail "
    "update clarifying the message they should be conveying to constituents in respect of "
    "booking appointments for COVID-19 vaccination."
)
VACCINATION_EMAIL_DUE = date(2021, 1, 18)
VACCINATION_EMAIL_NOTE = (
    "Marked done for the demo. Illustrative: the minutes of 11 January 2021 record the request "
    "(resolution 2021/002, part 3) but not when the e-mail update was sent."
)
VACCINATION_EMAIL_NOTE_AT = datetime(2021, 1, 18, 17, 0, tzinfo=LONDON)


def _item_with_resolution(meeting: Meeting, number: int) -> AgendaItem:
    """The item whose minute records 'RESOLVED 2021/00N'."""
    return meeting.items.get(minute__text__contains=f"RESOLVED {JANUARY.year}/{number:03d}")


def _nottinghamshire() -> None:
    body = Body.objects.get(slug=ASCPH)
    meeting = Meeting.objects.get(body=body, start__date=JANUARY)
    resolutions = {}
    for number, kind, preamble, parts in ASCPH_RESOLUTIONS:
        resolutions[number] = sync_record(
            Resolution,
            {"body": body, "year": JANUARY.year, "number": number},
            {
                "meeting": meeting,
                "item": _item_with_resolution(meeting, number),
                "kind": kind,
                "status": Resolution.Status.AGREED,
                "preamble": preamble,
                "parts": _parts(parts),
            },
        )
    contain = resolutions[2]
    action = sync_record(
        Action,
        {"resolution": contain},
        {
            "description": VACCINATION_EMAIL,
            "body": body,
            "item": contain.item,
            "owner": "Jonathan Gribbin, Director of Public Health",
            "due_date": VACCINATION_EMAIL_DUE,
            "status": Action.Status.DONE,
        },
    )
    sync_record(
        ActionNote,
        {"action": action, "written_at": VACCINATION_EMAIL_NOTE_AT},
        {"text": VACCINATION_EMAIL_NOTE, "written_by": None},
    )


# --- Seed 000: the Wiltshire Alliance MoU --------------------------------------------------

WICA = "wiltshire-integrated-care-alliance"
# After 1 July 2022, when the BSW ICB came into being; the meeting itself is illustrative.
WICA_MEETING = datetime(2022, 9, 6, 14, 0, tzinfo=LONDON)
# Friday 26 August 2022 leaves five clear working days (30 August to 5 September; Monday 29
# August was the summer bank holiday).
WICA_PUBLISHED = datetime(2022, 8, 26, 16, 0, tzinfo=LONDON)
MOU_TITLE = "Memorandum of Understanding and Collaboration Agreement"
WICA_DUE = date(2022, 11, 30)

TRUST_BOARDS = [
    # organisation slug, board slug, name, short name
    (
        "salisbury-nhs-foundation-trust",
        "salisbury-nhs-foundation-trust-board",
        "Salisbury NHS Foundation Trust Board",
        "SFT Board",
    ),
    (
        "royal-united-hospitals-bath",
        "royal-united-hospitals-bath-board",
        "Royal United Hospitals Bath NHS Foundation Trust Board",
        "RUH Board",
    ),
]


def _parts(parts: list[str]) -> str:
    """The parts as stored: the pages number them, so the seed's own labels (1), a)) go."""
    return clean_parts("\n".join(re.sub(r"^[a-z]\)\s*", "", part) for part in parts))


WICA_PARTS = [
    "1) Agrees in principle to adopt the Memorandum of Understanding and Collaboration "
    "Agreement of the Wiltshire Alliance: our place-based partnership, the purpose and role of "
    "our partnership, and our governance arrangements.",
    "2) Refers it to the sovereign organisations of the partners for ratification, in keeping "
    "with the principle that partners form agreements in principle and by consensus, then "
    "take these to their sovereign organisations: Wiltshire Council (Cabinet), the BSW "
    "Integrated Care Board, Salisbury NHS Foundation Trust and Royal United Hospitals Bath NHS "
    "Foundation Trust, by 30 November 2022.",
]

ICB_AMENDMENT = (
    "Under 'Delegations, financial arrangements', add: no function or budget of the Integrated "
    "Care Board is delegated to the Alliance, or pooled, until the ICB Board has agreed it in "
    "writing under its scheme of reservation and delegation."
)

# organisation slug, ratification fields
WICA_RATIFICATIONS: list[tuple[str, dict]] = [
    (
        "wiltshire-council",
        {
            "status": Outcome.RATIFIED,
            "minute_reference": "Cabinet minute 104",
            "decided_on": date(2022, 10, 11),
            "note": "Illustrative: the seed (Cabinet, 30 November 2021) asks Cabinet to agree the "
            "development of the MoU; this meeting, date and minute number are made up.",
        },
    ),
    (
        "bsw-icb",
        {
            "status": Outcome.RATIFIED_WITH_AMENDMENT,
            "minute_reference": "ICBB/22-23/078",
            "decided_on": date(2022, 11, 3),
            "amendment": ICB_AMENDMENT,
            "note": f"{ILLUSTRATIVE} The date, minute reference and amendment are made up.",
        },
    ),
    (
        "salisbury-nhs-foundation-trust",
        {
            "status": Outcome.SCHEDULED,
            "scheduled_for": "Salisbury NHS Foundation Trust Board, meeting in public, "
            "24 November 2022",
            "note": f"{ILLUSTRATIVE} The meeting is made up.",
        },
    ),
    (
        "royal-united-hospitals-bath",
        {
            "status": Outcome.REQUESTED,
            "note": f"{ILLUSTRATIVE} No outcome recorded: overdue since 30 November 2022.",
        },
    ),
]

RATIFICATION_FIELDS = {
    "status": Outcome.REQUESTED,
    "scheduled_for": "",
    "minute_reference": "",
    "decided_on": None,
    "amendment": "",
    "reason": "",
    "note": "",
}


def _trust_boards() -> None:
    """The trusts' boards, which ratify for them (the governance demo names none)."""
    for org_slug, slug, name, short_name in TRUST_BOARDS:
        trust = Organisation.objects.get(slug=org_slug)
        board = sync_record(
            Body,
            {"slug": slug},
            {
                "name": name,
                "short_name": short_name,
                "kind": Body.Kind.BOARD,
                "organisation": trust,
                "partnership": None,
                "parent": None,
            },
        )
        sync_record(Organisation, {"slug": org_slug}, {"ratifying_body": board})


def _meeting(body: Body, start: datetime, published: datetime, venue: str, titles) -> Meeting:
    """A held meeting whose agenda was published on time, with its items in order."""
    meeting = sync_record(
        Meeting,
        {"body": body, "start": start},
        {
            "venue": venue,
            "online_url": "",
            "status": Meeting.Status.HELD,
            "agenda_published_at": published,
            "late_publication_reason": "",
        },
    )
    for position, (kind, title, purpose) in enumerate(titles, start=1):
        sync_record(
            AgendaItem,
            {"meeting": meeting, "position": position},
            {"kind": kind, "title": title, "purpose": purpose, "lead_officer": ""},
        )
    return meeting


STANDARD_OPENING = [
    (AgendaItem.Kind.APOLOGIES, "Apologies for absence", ""),
    (AgendaItem.Kind.DECLARATIONS, "Declarations of interest", ""),
]


def _route(resolution: Resolution, due: date, outcomes: list[tuple[str, dict]]) -> None:
    for org_slug, fields in outcomes:
        organisation = Organisation.objects.get(slug=org_slug)
        sync_record(
            Ratification,
            {"resolution": resolution, "organisation": organisation},
            {
                **RATIFICATION_FIELDS,
                "ratifying_body": organisation.ratifying_body,
                "due_date": due,
                **fields,
            },
        )


def _wiltshire_alliance() -> Resolution:
    _trust_boards()
    body = Body.objects.get(slug=WICA)
    meeting = _meeting(
        body,
        WICA_MEETING,
        WICA_PUBLISHED,
        "County Hall, Trowbridge",
        [*STANDARD_OPENING, (AgendaItem.Kind.BUSINESS, MOU_TITLE, AgendaItem.Purpose.DECISION)],
    )
    resolution = sync_record(
        Resolution,
        {"body": body, "year": 2022, "number": 1},
        {
            "meeting": meeting,
            "item": meeting.items.get(title=MOU_TITLE),
            "kind": Kind.AGREEMENT_IN_PRINCIPLE,
            # The council ratified and the ICB ratified with an amendment; the two trusts have
            # still to decide, so ratification is in progress (2 of 4 decided).
            "status": Resolution.Status.AWAITING_RATIFICATION,
            "preamble": "The Wiltshire Integrated Care Alliance:",
            "parts": _parts(WICA_PARTS),
        },
    )
    _route(resolution, WICA_DUE, WICA_RATIFICATIONS)
    return resolution


# --- Seed 001: Herefordshire and Worcestershire's Integrated Care Strategy ----------------

ICP = "hw-icp-assembly"
# Seed 001: a special meeting of the ICP Assembly in December 2022 approves the Strategy,
# by 31 December 2022, for implementation from 1 April 2023. The day is illustrative.
ICP_MEETING = datetime(2022, 12, 13, 14, 0, tzinfo=LONDON)
# Friday 2 December 2022 leaves six clear working days (5 to 12 December).
ICP_PUBLISHED = datetime(2022, 12, 2, 16, 0, tzinfo=LONDON)
STRATEGY_TITLE = "Integrated Care Strategy for Herefordshire and Worcestershire"
ICP_DUE = date(2023, 3, 31)

ICP_PARTS = [
    "1) Approves the Integrated Care Strategy for Herefordshire and Worcestershire, in three "
    "chapters: integration of services in Herefordshire, integration of services in "
    "Worcestershire, and integration of services at system level, for implementation from "
    "1 April 2023.",
    "2) Asks the Herefordshire and the Worcestershire Health and Wellbeing Boards to endorse "
    "the Strategy for their councils and to oversee the delivery of the chapter for their "
    "county.",
]

ICP_RATIFICATIONS: list[tuple[str, dict]] = [
    (
        "herefordshire-council",
        {
            "status": Outcome.RATIFIED,
            "minute_reference": "HWB minute 41",
            "decided_on": date(2023, 2, 14),
            "note": f"{ILLUSTRATIVE} The date and minute number are made up.",
        },
    ),
    (
        "worcestershire-county-council",
        {
            "status": Outcome.SCHEDULED,
            "scheduled_for": "Worcestershire Health and Wellbeing Board, 21 March 2023",
            "note": f"{ILLUSTRATIVE} The meeting is made up.",
        },
    ),
]


def _herefordshire_and_worcestershire() -> Resolution:
    body = Body.objects.get(slug=ICP)
    meeting = _meeting(
        body,
        ICP_MEETING,
        ICP_PUBLISHED,
        "County Hall, Worcester",
        [
            *STANDARD_OPENING,
            (AgendaItem.Kind.BUSINESS, STRATEGY_TITLE, AgendaItem.Purpose.DECISION),
        ],
    )
    resolution = sync_record(
        Resolution,
        {"body": body, "year": 2022, "number": 1},
        {
            "meeting": meeting,
            "item": meeting.items.get(title=STRATEGY_TITLE),
            "kind": Kind.AGREEMENT_IN_PRINCIPLE,
            "status": Resolution.Status.AWAITING_RATIFICATION,
            "preamble": "The Herefordshire and Worcestershire Integrated Care Partnership "
            "Assembly:",
            "parts": _parts(ICP_PARTS),
        },
    )
    _route(resolution, ICP_DUE, ICP_RATIFICATIONS)
    return resolution


# --- Seed 004: the Rapid Scrutiny Exercise -------------------------------------------------

HSC = "wiltshire-health-select-committee"
# The Health Select Committee meeting that received the report and its recommendations.
SENT_ON = date(2022, 11, 1)

# reference, to organisation slug, to body slug, text (seed 004, paragraph 15). The other
# recommendations (4, 5 and 8) are for the committee's own chair, vice-chair and task groups.
RECOMMENDATIONS: list[tuple[str, str | None, str | None, str]] = [
    (
        "Rapid Scrutiny 1",
        "bsw-icb",
        None,
        "Health Select Committee to receive regular updates on the transition to integration, "
        "including its implications in practice such as the funding, commissioning and "
        "delivery of services at both place- and system level.",
    ),
    (
        "Rapid Scrutiny 2",
        "bsw-icb",
        None,
        "Health Select Committee to engage in the development of the system-level Integrated "
        "Care Strategy, placing particular focus on its objectives and how their delivery will "
        "be measured.",
    ),
    (
        "Rapid Scrutiny 3",
        None,
        "wiltshire-health-and-wellbeing-board",
        "Health Select Committee to receive the next Joint Strategic Needs Assessment (JSNA) "
        "being developed by Wiltshire's Health and Wellbeing Board and understand how it "
        "informs the design of services at place-level.",
    ),
    (
        "Rapid Scrutiny 6",
        "bsw-icb",
        None,
        "The Chair and Vice-chair to meet with representatives from the Integrated Care System "
        "to discuss the following and report back to HSC:\n"
        "a) How they can work together to achieve efficient and effective HSC engagement on "
        "system-level proposals and performance.\n"
        "b) HSC's forward work programme, ensuring key integration milestones and system level "
        "service proposals are reflected;\n"
        "c) How the ICB will be proactive, open and transparent in sharing information, "
        "involving HSC early in contentious matters and building scrutiny into the cycle of "
        "planning, commissioning, delivery and evaluation;\n"
        "d) How the ICB can engage in the HSC's performance data monitoring arrangements, "
        "currently being developed;",
    ),
    (
        "Rapid Scrutiny 7",
        "healthwatch-wiltshire",
        None,
        "The Chair and Vice-chair to invite regular liaison with Healthwatch Wiltshire to "
        "discuss work priorities, share information and reports and ensure people's needs and "
        "experiences are reflected in HSC's work.",
    ),
]


def _rapid_scrutiny() -> None:
    """The seed records no response to any of them: each awaits one, and is overdue. Sent
    through the service, under the health scrutiny regime (28 days)."""
    scrutiny_body = Body.objects.get(slug=HSC)
    sent = set(
        ScrutinyRecommendation.objects.filter(scrutiny_body=scrutiny_body).values_list(
            "reference", flat=True
        )
    )
    for reference, org_slug, body_slug, text in RECOMMENDATIONS:
        if reference in sent:
            continue
        recommendation_send(
            scrutiny_body=scrutiny_body,
            to_organisation=Organisation.objects.get(slug=org_slug) if org_slug else None,
            to_body=Body.objects.get(slug=body_slug) if body_slug else None,
            text=text,
            sent_on=SENT_ON,
            regime=ScrutinyRecommendation.Regime.HEALTH_SCRUTINY,
            reference=reference,
            actor=None,
        )


# --- An officer or delegated decision of the BSW ICB under its scheme --------------------

DELEGATED_DECISION = Path(__file__).parent / "demo_data" / "delegated_decision.json"


def _icb_delegated_decision() -> None:
    """One decision of the Wiltshire Integrated Care Alliance under the BSW ICB Board's
    delegation (governance.demo.agreements), recorded through the service."""
    data = json.loads(DELEGATED_DECISION.read_text())
    icb = Organisation.objects.get(slug="bsw-icb")
    if DelegatedDecision.objects.filter(organisation=icb, title=data["title"]).exists():
        return
    delegation = Delegation.objects.get(
        from_body__slug="bsw-icb-board", to_body__slug="wiltshire-integrated-care-alliance"
    )
    delegated_decision_record(
        organisation=icb,
        delegation=delegation,
        **{**data, "decided_on": date.fromisoformat(data["decided_on"])},
        actor=None,
    )


def load() -> None:
    """Create or refresh the demo resolutions, ratifications, actions and recommendations."""
    _nottinghamshire()
    _wiltshire_alliance()
    _herefordshire_and_worcestershire()
    _rapid_scrutiny()
    _icb_delegated_decision()
    demo_in_common.load()
