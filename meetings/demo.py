"""Demo meeting cycle from seed 002: Nottinghamshire County Council's Adult Social Care and
Public Health Committee.

- 11 January 2021: the items as its minutes record them, attendance (nine members present,
  two substituted, twelve officers in attendance) and the minute of each item, approved at
  the next meeting. The resolutions stay inside the minute text for now.
- 8 February 2021: the agenda of nine items with the page ranges printed on it, and the
  reports in the committee's standard shape (trimmed to their key paragraphs).
- The work programme entries for 29 March and 14 June 2021.
- One Part II item of our own making, clearly marked as fictional: nothing in the seed is
  exempt.

Where the seed is silent (when each agenda was published, the purpose of each item) the
values are plausible, not facts. Records are written directly, like the governance demo,
with no history user; a second run changes nothing.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.db import models

from governance.models import Body, Membership, Organisation, Person
from ics_portal.common.demo_records import sync_record
from meetings import demo_icb, demo_upcoming, demo_wirral
from meetings.models import (
    AgendaItem,
    Attendance,
    Meeting,
    Minute,
    Report,
    WorkProgrammeEntry,
)

LONDON = ZoneInfo("Europe/London")
BODY = "adult-social-care-and-public-health-committee"
JANUARY = datetime(2021, 1, 11, 10, 30, tzinfo=LONDON)
FEBRUARY = datetime(2021, 2, 8, 10, 30, tzinfo=LONDON)
# At least five clear working days before (the day of publication and of the meeting do not
# count, nor weekends and bank holidays): Wednesday 30 December 2020 leaves six, 31 December
# and 4–8 January (1 January was a bank holiday); Friday 29 January 2021 leaves exactly five,
# Monday 1 to Friday 5 February.
JANUARY_PUBLISHED = datetime(2020, 12, 30, 16, 0, tzinfo=LONDON)
FEBRUARY_PUBLISHED = datetime(2021, 1, 29, 16, 0, tzinfo=LONDON)
VIRTUAL = "Virtual meeting"
YOUTUBE = "https://www.youtube.com/user/nottsccl"
PART_II_MARKER = "PART-II-DEMO-MARKER"

Kind = AgendaItem.Kind
Purpose = AgendaItem.Purpose
Status = Attendance.Status


# --- People -------------------------------------------------------------------------------

# Officers in attendance on 11 January 2021 not already in the governance demo.
NEW_OFFICERS_IN_ATTENDANCE = [
    ("Lucy Jones", "lucy-jones", "Senior Public Health and Commissioning Manager"),
    ("Matthew Osborne", "matthew-osborne", "Health Improvement Principal"),
    ("Jennifer Allen", "jennifer-allen", "Strategic Development Manager"),
    ("Sharon Hayles", "sharon-hayles", "Project Manager"),
    ("Cate Bennett", "cate-bennett", "Principal Occupational Therapist"),
    ("Jennie Kennington", "jennie-kennington", "Senior Executive Officer"),
]
# In the seed's order of the officers in attendance.
OFFICERS_IN_ATTENDANCE = [
    "melanie-brooks",
    "jonathan-gribbin",
    "ainsley-macdonnell",
    "sue-batty",
    "grace-natoli",
    "lucy-jones",
    "matthew-osborne",
    "jennifer-allen",
    "sharon-hayles",
    "cate-bennett",
    "jennie-kennington",
    "jo-toomey",
]
# Officers who write or answer for the February reports but did not attend in January.
REPORT_OFFICERS = [
    ("Linzi Adams", "linzi-adams", "Project Manager, Service Improvement Team"),
    ("Nathalie Birkett", "nathalie-birkett", "Group Manager Contracts and Performance"),
    ("Jane O'Brien", "jane-obrien", "Public Health and Commissioning Manager"),
    ("Marjorie Toward", "marjorie-toward", "Service Director, Customers, Governance & Employees"),
]
MEMBERS_PRESENT = [
    "tony-harper",
    "boyd-elliott",
    "francis-purdue-horan",
    "joyce-bosnjak",
    "sybil-fielding",
    "david-martin",
    "steve-vickers",
    "muriel-weisz",
    "yvonne-woodhead",
]
SUBSTITUTED = [("john-doddy", "richard-butler"), ("andy-sissons", "stephen-garner")]


def _people(body: Body) -> dict[str, Person]:
    notts = Organisation.objects.get(slug="nottinghamshire-county-council")
    for name, slug, job in NEW_OFFICERS_IN_ATTENDANCE + REPORT_OFFICERS:
        sync_record(
            Person, {"slug": slug}, {"name": name, "job_title": job, "organisation": notts}
        )
    for _, slug, _ in NEW_OFFICERS_IN_ATTENDANCE:
        sync_record(
            Membership,
            {"body": body, "person": Person.objects.get(slug=slug), "start": JANUARY.date()},
            {"role": Membership.Role.OFFICER, "voting": False, "representing": notts},
        )
    slugs = MEMBERS_PRESENT + OFFICERS_IN_ATTENDANCE + [s for pair in SUBSTITUTED for s in pair]
    return Person.objects.in_bulk(slugs, field_name="slug")


# --- 11 January 2021 ----------------------------------------------------------------------

JANUARY_ITEMS = [
    # position, kind, title, purpose, lead officer, minute
    (
        1,
        Kind.MINUTES,
        "Minutes of the last meeting",
        "",
        "",
        "The minutes of the meeting of the Adult Social Care and Public Health Committee held "
        "on 7 December 2020 were confirmed and signed by the Chair.\n\n"
        "The Chairman temporarily lost connection to the meeting. Vice-Chairman, Councillor "
        "Elliot, assumed the Chair until Councillor Harper re-joined the meeting during agenda "
        "item 4.",
    ),
    (
        2,
        Kind.APOLOGIES,
        "Apologies for absence",
        "",
        "",
        "- Councillor Dr John Doddy (other reasons) was substituted by Councillor Richard "
        "Butler\n"
        "- Councillor Andy Sissons (other reasons) was substituted by Councillor Stephen Garner",
    ),
    (
        3,
        Kind.DECLARATIONS,
        "Declarations of interest by members and officers",
        "",
        "",
        "No interests were disclosed.",
    ),
    (
        4,
        Kind.BUSINESS,
        "'Your Health, Your Way' – Integrated Wellbeing Service update",
        Purpose.INFORMATION,
        "Jonathan Gribbin, Director of Public Health",
        "Jonathan Gribbin introduced the report, which updated the Committee on changes to "
        "arrangements for the 'Your Health, Your Way' service and opportunities to engage "
        "with members of the public.\n\n"
        "During discussions, Members:\n\n"
        "- Commented on a chart showing the number of referrals that had been made to 'Your "
        "Health, Your Way' across the county categorised by levels of deprivation. Councillors "
        "requested that the format of this information be revised in future update reports "
        "to show the spread of referrals across the county, including levels of deprivation.\n\n"
        "RESOLVED 2021/001\n\n"
        "1) That members of the Adult Social Care and Public Health Committee receive future "
        "updates on the progress of 'Your Health, Your Way' via routine quarterly performance "
        "reports.\n"
        "2) That members of the Adult Social Care and Public Health Committee do not wish to "
        "add any further means of 'Your Health, Your Way' engaging with members of the public.",
    ),
    (
        5,
        Kind.BUSINESS,
        "Contain Outbreak Management Fund",
        Purpose.DECISION,
        "Jonathan Gribbin, Director of Public Health",
        "Jonathan Gribbin introduced his report on the Contain Outbreak Management Fund, which "
        "sought approval to use the fund to deliver the proposed funding plan (appended to the "
        "report) and the establishment of two fixed-term staffing posts to support the "
        "delivery of the COVID-19 communication and engagement strategy.\n\n"
        "During discussions, Members:\n\n"
        "- Asked questions about the roles of Response and Contain Co-Ordinators and how they "
        "would work with the district and borough councils.\n"
        "- Recognised that the report before Committee concentrated on the financial aspects "
        "of the plan and that a future report setting out the detail behind it could be "
        "provided.\n"
        "- Asked for clarification about the advice they should give constituents regarding "
        "appointments for the COVID-19 vaccination. The County Council's messaging stated "
        "that residents should wait until they were contacted. Conflicting advice from other "
        "sources was directing people to a website through which an appointment could be "
        "booked (bookings were restricted to the priority groups for whom appointments were "
        "being released).\n\n"
        "RESOLVED 2021/002\n\n"
        "The Adult Social Care and Public Health Committee:\n\n"
        "1) Approves the use of the Contain Outbreak Management Fund, as per the proposed "
        "funding plan attached to the Committee's papers, for which Nottinghamshire County "
        "Council has been allocated £6,625,792.\n"
        "2) Approves the establishment of two fixed-term staffing posts to support the "
        "delivery of the COVID-19 communication and engagement strategy, funded from the "
        "Contain Outbreak Management Fund.\n"
        "3) Requested that the Director of Public Health provide Committee Members with an "
        "e-mail update clarifying the message they should be conveying to constituents in "
        "respect of booking appointments for COVID-19 vaccination.",
    ),
    (
        6,
        Kind.BUSINESS,
        "Adult Social Care & Public Health Service Improvement Programme for 2021/22 to 2023/24",
        Purpose.DECISION,
        "Melanie Brooks, Corporate Director, Adult Social Care and Public Health",
        "The report, which was introduced by Melanie Brooks outlined the department's "
        "programme of work and the investment required for the delivery of effective, "
        "efficient services during 2021/22 to 2023/24.\n\n"
        "During discussions, Members:\n\n"
        "- Asked about communication mechanisms and a programme which was part of the Digital "
        "COVID-19 Response theme in the Adult Social Care and Public Health Digital Strategy, "
        "requesting additional information.\n\n"
        "RESOLVED 2021/003\n\n"
        "The Adult Social Care and Public Health Committee:\n\n"
        "1) Having considered the Adult Social Care and Public Health Service Improvement "
        "Programme for 2021/22 to 2023/24, recommends that it receives a future report "
        "setting out more detail on the Digital COVID-19 Response theme of the Adult Social "
        "Care and Public Health Digital Strategy.\n"
        "2) Agrees the implementation of the Adult Social Care and Public Health Service "
        "Improvement Programme for 2021/22 – 2023/24\n"
        "3) Gives approval for the resources identified at paragraph 26 of the report, "
        "including the establishment of the following posts (job title; grade; full time "
        "equivalent; permanent or temporary):\n\n"
        "- Mosaic Technical Specialist; Hay Band C; 2; temporary posts for one year until "
        "31st March 2022\n"
        "- Project Manager; Hay Band D; 2; temporary posts for one year until 31st March 2022\n"
        "- Business Analyst; Hay Band C; 1; temporary one year until 31st March 2022\n"
        "- Team Manager; Hay Band D; 1; permanent\n"
        "- Senior Practitioner (OT); Hay Band C; 1; permanent\n"
        "- Occupational Therapist; Hay Band A/B; 3; permanent\n"
        "- Reablement Manager; Hay Band A; 3; permanent\n"
        "- Community Care Officer; Grade 5; 6; permanent\n"
        "- Support Coordinator; Grade 4; 3; permanent\n"
        "- Senior Reablement Worker; Grade 3; 32; permanent",
    ),
    (
        7,
        Kind.BUSINESS,
        "Update on progress of the procurement of a new framework agreement for "
        "equipment-based major adaptations in people's homes",
        Purpose.INFORMATION,
        "Cate Bennett, Principal Occupational Therapist",
        "Cate Bennett introduced the report, which updated the Committee on progress with the "
        "procurement of a Single Provider Framework Agreement for equipment-based major "
        "adaptation solutions.\n\n"
        "RESOLVED 2021/004\n\n"
        "That there were no further actions arising as a result of this report.",
    ),
    (
        8,
        Kind.BUSINESS,
        "Temporary posts to complete deferred assessments of care packages funded in the "
        "short-term by the NHS during the COVID-19 pandemic",
        Purpose.DECISION,
        "Sue Batty, Service Director, Ageing Well Community Services",
        "Sue Batty presented the report, which asked the Committee to approve the "
        "establishment of temporary posts to complete deferred assessments of care "
        "packages.\n\n"
        "RESOLVED 2021/005\n\n"
        "That Committee approves the establishment of the following posts and equipment "
        "budget which will be funded from the £390,000 funding allotted to Nottinghamshire "
        "County Council as part of the joint Deferred Assessments Plan agreed with Nottingham "
        "and Nottinghamshire Clinical Commissioning Group and Nottingham City Council:\n\n"
        "a) Further to the temporary establishment of some posts, the extension of 7.2 FTE "
        "(full time equivalent) temporary Community Care Officer (Grade 5) posts until 31 "
        "March 2021\n"
        "b) The extension of 2 FTE temporary Social Care Assistant (Grade 3) posts until 31 "
        "March 2021\n"
        "c) The establishment of 6.2 FTE temporary Community Care Officer (Grade 5) posts "
        "until 31 March 2021\n"
        "d) The establishment of 9 FTE temporary Community Care Officer (Grade 5) posts until "
        "30 April 2021\n"
        "e) An equipment budget of £43,000.",
    ),
    (
        9,
        Kind.BUSINESS,
        "National Children and Adult Services Conference, November 2020",
        Purpose.INFORMATION,
        "Melanie Brooks, Corporate Director, Adult Social Care and Public Health",
        "Melanie Brooks presented a report which highlighted the key messages from the "
        "National Children and Adult Services Conference in November 2020.\n\n"
        "RESOLVED 2021/006\n\n"
        "That there were no actions arising as a result of this report.",
    ),
    (
        10,
        Kind.WORK_PROGRAMME,
        "Work programme",
        Purpose.DISCUSSION,
        "",
        "RESOLVED 2021/007\n\n"
        "That the updated work programme be agreed, subject to the inclusion of the following "
        "items:\n\n"
        "- Contain Outbreak Management Fund – update on status and detail of projects\n"
        "- The Digital COVID-19 Response theme in the Adult Social Care and Public Health "
        "Digital Strategy\n\n"
        "Before closing, the Committee formally acknowledged the recently announced "
        "Knighthood awarded to David Pearson, a former officer for the Committee, and agreed "
        "that a message should be sent to him to offer Members' congratulations and best "
        "wishes.\n\n"
        "The meeting closed at 1.05 pm.",
    ),
]


def _january(body: Body, people: dict[str, Person]) -> Meeting:
    meeting = sync_record(
        Meeting,
        {"body": body, "start": JANUARY},
        {
            "venue": VIRTUAL,
            "online_url": "",
            "status": Meeting.Status.MINUTES_APPROVED,
            "agenda_published_at": JANUARY_PUBLISHED,
            "late_publication_reason": "",
        },
    )
    for position, kind, title, purpose, lead, minute in JANUARY_ITEMS:
        item = sync_record(
            AgendaItem,
            {"meeting": meeting, "position": position},
            {"kind": kind, "title": title, "purpose": purpose, "lead_officer": lead},
        )
        sync_record(Minute, {"item": item}, {"text": minute})

    for slug in MEMBERS_PRESENT:
        _attend(meeting, people[slug], Status.PRESENT)
    for member, substitute in SUBSTITUTED:
        _attend(meeting, people[member], Status.SUBSTITUTED, people[substitute], "other reasons")
    for slug in OFFICERS_IN_ATTENDANCE:
        _attend(meeting, people[slug], Status.OFFICER)
    return meeting


def _attend(meeting, person, status, substitute=None, note="") -> None:
    sync_record(
        Attendance,
        {"meeting": meeting, "person": person},
        {"status": status, "substitute": substitute, "note": note},
    )


# --- 8 February 2021 ----------------------------------------------------------------------

STANDARD_IMPLICATIONS = (
    "This report has been compiled after consideration of implications in respect of crime "
    "and disorder, data protection and information governance, finance, human resources, "
    "human rights, the NHS Constitution (public health services), the public sector equality "
    "duty, safeguarding of children and adults at risk, service users, smarter working, "
    "sustainability and the environment and where such implications are material they are "
    "described below."
)
S100D = (
    "Except for previously published documents, which will be available elsewhere, the "
    "documents listed here will be available for inspection in accordance with Section 100D "
    "of the Local Government Act 1972."
)

FEBRUARY_ITEMS = [
    # position, kind, title, purpose, lead officer, pack pages
    (
        1,
        Kind.MINUTES,
        "Minutes of the last meeting of the Adult Social Care and Public Health Committee "
        "held on 11 January 2021",
        Purpose.DECISION,
        "",
        (1, 6),
    ),
    (2, Kind.APOLOGIES, "Apologies for Absence", "", "", None),
    (
        3,
        Kind.DECLARATIONS,
        "Declarations of Interests by Members and Officers:- (a) Disclosable Pecuniary "
        "Interests (b) Private Interests (pecuniary and non-pecuniary)",
        "",
        "",
        None,
    ),
    (
        4,
        Kind.BUSINESS,
        "Adult Social Care and Public Health Department's Digital Strategy for 2021-2024",
        Purpose.DECISION,
        "Grace Natoli, Director for Transformation and Service Improvement",
        (7, 18),
    ),
    (
        5,
        Kind.BUSINESS,
        "Developing Local Area Coordination Support in Nottinghamshire",
        Purpose.DECISION,
        "Melanie Brooks, Corporate Director for Adult Social Care and Health",
        (19, 28),
    ),
    (
        6,
        Kind.BUSINESS,
        "Development of Integrated Care Systems in Nottinghamshire and National Consultation "
        "Response",
        Purpose.DECISION,
        "Melanie Brooks, Corporate Director for Adult Social Care and Health",
        (29, 84),
    ),
    (
        7,
        Kind.BUSINESS,
        "Public Health performance and quality report for contracts funded with ring-fenced "
        "public health grant, 1 July 2020 to 30 September 2020",
        Purpose.ASSURANCE,
        "Jonathan Gribbin, Director of Public Health",
        (85, 94),
    ),
    (
        8,
        Kind.BUSINESS,
        "Better Care Fund Dementia Project - Project Support Post",
        Purpose.DECISION,
        "Jonathan Gribbin, Director of Public Health",
        (95, 98),
    ),
    (
        9,
        Kind.WORK_PROGRAMME,
        "Work Programme",
        Purpose.DISCUSSION,
        "Marjorie Toward, Service Director, Customers, Governance & Employees",
        (99, 102),
    ),
]

PART_II_ITEM = {
    "kind": Kind.BUSINESS,
    "title": "Care home block contract: commercial terms (fictional demo item)",
    "purpose": Purpose.DECISION,
    "is_exempt": True,
    "exempt_paragraph": 3,
    "lead_officer": "A fictional demo officer",
}
PART_II_REPORT = {
    "title": "Care home block contract: commercial terms (fictional demo item)",
    "purpose": (
        f"FICTIONAL DEMO CONTENT ({PART_II_MARKER}): this item is not in seed 002. It shows "
        "how an exempt report is withheld from the public. To seek approval for the "
        "commercial terms of a block contract for care home beds."
    ),
    "recommendations": (
        f"Approves the fictional commercial terms set out in this report ({PART_II_MARKER}).\n"
        "Delegates the signing of the contract to the Corporate Director."
    ),
    "information": (
        f"{PART_II_MARKER}\n\n"
        "1. This is a fictional report, written for the demonstration of the portal. No real "
        "provider, price or contract is described.\n\n"
        "2. The fictional provider has offered 40 beds at a fictional weekly price per bed, "
        "with a discount for a three-year term. The price and the provider's cost model are "
        "commercially sensitive: they are exempt under paragraph 3 of Schedule 12A to the "
        "Local Government Act 1972 (information relating to the financial or business "
        "affairs of any particular person, including the authority holding that "
        "information).\n\n"
        "3. In all the circumstances of the case the public interest in maintaining the "
        "exemption outweighs the public interest in disclosing the information."
    ),
    "other_options": "Spot purchasing of beds (fictional).",
    "reasons": "To secure capacity at a known price (fictional).",
    "implications_financial": f"Fictional figures withheld from the public ({PART_II_MARKER}).",
    "author": "A fictional demo officer",
    "author_contact": "",
    "presenting_officer": "",
    "consultee_constitutional": "",
    "consultee_financial": "",
    "consultee_hr": "",
    "background_papers": "None.",
}

REPORTS = {
    4: {
        "title": "Adult Social Care and Public Health Department's Digital Strategy for 2021-2024",
        "purpose": (
            "1. The purpose of this report is to seek approval for the proposed approach to "
            "the development of an Adult Social Care and Public Health Digital Strategy and "
            "Plan for 2021-2024."
        ),
        "recommendations": (
            "Approves the proposed approach, themes and principles to be adopted for the "
            "development of the Adult Social Care and Public Health Digital Strategy for "
            "2021 - 2024 as detailed in paragraphs 18-20 of this report.\n"
            "Gives permission for the engagement and co-production with stakeholders of the "
            "eight themes described in paragraph 19 of this report.\n"
            "Agrees to receive a report on the co-produced Digital Strategy and Plan, at the "
            "June 2021 Adult Social Care and Public Health Committee meeting, ahead of the "
            "strategy being submitted to the County Council's Policy Committee for approval."
        ),
        "information": (
            "Review of the department's approach to digital innovation\n\n"
            "2. During the Covid 19 pandemic the Adult Social Care and Public Health "
            "Department has responded to the need to support people in different ways, "
            "including through digital means. Whilst the department already had a good "
            "track record of introducing digital innovation, some of which was accelerated "
            "as part of the emergency response, the pandemic has emphasised the need to "
            "formalise the department's digital approach and offer into a Digital "
            "Strategy.\n\n"
            "4. Over the period 2017-2020, 70 digital projects were initiated. 21 of these "
            "are still at a design stage, 31 are in implementation and 18 have already been "
            "delivered.\n\n"
            "Digital Device Lending and Gifting Scheme\n\n"
            "13. Whilst the use of digital platforms has been successful, they require people "
            "to have a digital device, internet connection and the skills to be able to use "
            "a device. Many people can use a device, but others will need support to use "
            "one. To reduce the risk of people, the department supports, being digitally "
            "excluded, a lending and gifting scheme will be trialled for a period of 12 "
            "months.\n\n"
            "Adult Social Care and Public Health Digital Strategy for 2021-2024\n\n"
            "17. The need to develop a Digital Strategy has been identified as a work strand "
            "in the Adult Social Care and Public Health Service Improvement Programme for "
            "2021/22 – 2023/24, which was presented to the Adult Social Care and Public "
            "Health Committee on 11th January 2021.\n\n"
            "22. A Digital Plan will also be developed to accompany the Digital Strategy: "
            "engagement and co-production from 9 February to 9 May 2021; this Committee on "
            "14 June 2021; Policy Committee on 14 July 2021; implementation from 15 July "
            "2021 onwards."
        ),
        "other_options": "23. No other options were considered.",
        "reasons": (
            "24. The need to develop the Digital Strategy has been identified as a work strand "
            "in the Adult Social Care and Public Health Service Improvement Programme for "
            "2021/22 – 2023/24, which was presented to the Adult Social Care and Public "
            "Health Committee on 11th January 2021. The recommendations in this report will "
            "support the department to deliver this work strand."
        ),
        "implications_data_protection": (
            "26. The General Data Protection Regulations (GDPR) require the Council to put in "
            "place appropriate technical and organisational measures to ensure that data "
            "protection principles and individual's information rights are built into "
            "everything the Council does. The provision of digital devices and data will "
            "place some obligations on the Council concerning data protection and "
            "information governance."
        ),
        "implications_financial": (
            "27. Some resource to support the development of the Digital Strategy and Plan "
            "has already been identified from within the department's Service Improvement "
            "Team.\n\n"
            "28. The estimated yearly cost of the Digital Device Lending and Gifting Scheme, "
            "to support 300 people, is £205,500, which can be met through the existing Adult "
            "Social Care community care budget."
        ),
        "implications_equality": (
            "29. For this work the main protected characteristics impacted will be age and "
            "disability. An Equality Impact Assessment will be produced to accompany this "
            "work."
        ),
        "implications_safeguarding": (
            "30. During the pandemic operational social care teams have identified that "
            "there has been an increase in safeguarding referrals where the primary cause "
            "has been additional carer stress. The proposed lending and gifting scheme will "
            "help to reduce carer stress by enabling both carers and the cared for to access "
            "support remotely."
        ),
        "author": "Jennifer Allen, Strategic Development Manager",
        "author_contact": "T: 0115 9772052, E: jennifer.allen@nottsgov.uk",
        "presenting_officer": "Grace Natoli, Director for Transformation and Service Improvement",
        "consultee_constitutional": (
            "AK 26/01/21: This report falls within the remit of Adult Social Care and Public "
            "Health Committee by virtue of its terms of reference."
        ),
        "consultee_financial": (
            "KAS 28/01/21: The financial implications are contained within paragraphs 27 and "
            "28 of the report. Where additional funding is required for individual projects "
            "or to develop the strategy and plan this will be brought to committee."
        ),
        "consultee_hr": "",
        "background_papers": (
            f"{S100D}\n\nAdult Social Care and Public Health Service Improvement Programme "
            "for 2021/22 – 2023/24: report to Adult Social Care and Public Health Committee "
            "on 11th January 2021"
        ),
    },
    5: {
        "title": "Developing Local Area Coordination (LAC) Support in Nottinghamshire",
        "purpose": (
            "1. This report proposes to introduce Local Area Coordination (LAC) to help and "
            "support more people in the community and prevent people from reaching crisis "
            "which may result in an escalation of need.\n\n"
            "2. The report also seeks approval to establish 3.0 fte Local Area Coordinators "
            "(indicative Band A grade) for a period of two years. These posts will report to "
            "a Strategic Commissioning Manager (Band E) and sit within the Strategic "
            "Commissioning Team."
        ),
        "recommendations": (
            "Approves the development of Local Area Coordination within Adult Social Care "
            "and Health.\n"
            "Approves establishment of 3.0 fte Local Area Coordinator (indicative Band A "
            "grade).\n"
            "Receives a progress evaluation report in April 2022."
        ),
        "information": (
            "Introduction\n\n"
            "3. LAC is an all-age support model and community-based approach that aims to "
            "empower individuals and families to develop their personal strengths and find "
            "solutions within their community before considering formal services.\n\n"
            "The Role of Local Area Coordinators\n\n"
            "11. A large proportion of the Coordinators' time (80%) is spent working in local "
            "communities with individuals and families of all ages and backgrounds.\n\n"
            "13. The other part of the Coordinators' time (20%) is spent bridging "
            "connections, supporting and building on local community assets which could take "
            "the form of groups, buildings and activities, particularly if there are gaps and "
            "opportunities that local people have identified.\n\n"
            "An indicative budget for Nottinghamshire\n\n"
            "21. £466,000 was allocated to support this work from the Better Care Fund "
            "reserves. £62,000 has already been committed to support a Good Neighbours pilot "
            "scheme with Age UK and £44,000 to support community services for people with "
            "dementia. This leaves £360,000. The cost of developing Local Area Coordination "
            "is £350,820."
        ),
        "other_options": (
            "25. The impact of not introducing LAC would mean an increase in people directly "
            "contacting Nottinghamshire County Council for support from statutory services. "
            "LAC will engage with people within their community to empower them to prevent "
            "this happening and ultimately lead a good life."
        ),
        "reasons": (
            "26. Local Area Coordinators will work with current community providers to "
            "enhance existing assets already being delivered in local communities across "
            "Nottinghamshire. They will add value to the existing community offer by "
            "connecting people to a range of resources, bridging identified gaps and wiring "
            "community assets together."
        ),
        "implications_data_protection": (
            "28. A Data Protection Impact Assessment will be undertaken for this work and "
            "updated/refreshed at different stages of the project."
        ),
        "implications_financial": (
            "29. The total cost of developing Local Area Coordination is £350,820. The posts "
            "will be established within the Department and form part of the Strategic "
            "Commissioning Team."
        ),
        "implications_workforce": (
            "30. To recruit 3.0 fte Local Area Coordinators (indicative Band A), fixed term "
            "from May 2021 to March 2023, integrated into the current Adult Social Care and "
            "Health workforce: £282,820."
        ),
        "implications_equality": (
            "31. An Equality Impact Assessment will be undertaken for this work and updated "
            "and refreshed at different stages of the project."
        ),
        "author": "Linzi Adams, Project Manager, Service Improvement Team",
        "author_contact": "T: 0115 9773089, E: Linzi.adams@nottsc.gov.uk",
        "presenting_officer": "Melanie Brooks, Corporate Director for Adult Social Care and "
        "Health",
        "consultee_constitutional": (
            "CEH 28/01/21: The recommendations are within the remit of the Adult Social Care "
            "and Public Health Committee under its terms of reference."
        ),
        "consultee_financial": (
            "KAS 28/01/21: The post costings in the table in paragraph 22 have been "
            "calculated at Band B to allow for any increase as the roles are co-produced. "
            "With the posts costed at Band B, the total cost is £350,820 which can be funded "
            "from the remaining £360,000 within the £466,000 allocation agreed from the BCF "
            "Reserve."
        ),
        "consultee_hr": (
            "WI 28/01/21: The newly established posts will be subject to full job evaluation "
            "and recruited to on a fixed term basis, for the duration as outlined in the "
            "report, in line with the Authority's grading policy and recruitment procedures."
        ),
        "background_papers": f"{S100D}\n\nNone.",
    },
    6: {
        "title": "Development of Integrated Care Systems in Nottinghamshire and National "
        "Consultation Response",
        "purpose": (
            "1. The report summarises the Council's role in system leadership of health and "
            "care and the success of system working over the last year and makes a "
            "recommendation on the level of partner contribution to the Nottingham and "
            "Nottinghamshire Integrated Care System.\n\n"
            "2. The report also summarises the proposals of relevance to local government in "
            "the NHS consultation document 'Integrating Care – next steps to building strong "
            "and integrated care systems across England'. It highlights the key messages, "
            "questions and concerns and provides the County Council's response to the "
            "consultation."
        ),
        "recommendations": (
            "Reviews the progress made in the health and care system working across "
            "Nottinghamshire over the last year.\n"
            "Agrees that no financial contribution to the Nottingham and Nottinghamshire "
            "Integrated Care System is made in 2020/21.\n"
            "Endorses the County Council's response to the consultation."
        ),
        "information": (
            "Integrated Care System Development in Nottinghamshire\n\n"
            "9. The Integrated Care System is an NHS led mechanism outlined in the NHS Long "
            "Term Plan. Nottinghamshire is part of two Integrated Care Systems; Nottingham "
            "and Nottinghamshire (NN ICS), and South Yorkshire and Bassetlaw (SYB ICS).\n\n"
            "15. The NN ICS has sought contributions to the costs of supporting the ICS. It "
            "is recommended that the County Council does not contribute to the costs at this "
            "stage as the current outputs do not deliver to County Council work. Support is "
            "offered in kind through the participation in numerous workstreams and areas "
            "within the work programme.\n\n"
            "Integrating care: next steps to building strong and effective integrated care "
            "systems – NHS England and NHS Improvement consultation\n\n"
            "30. The document outlines two options for placing ICSs on a statutory footing: "
            "creating them as a statutory joint committee, bringing together current "
            "statutory organisations, or a statutory corporate NHS body which includes "
            "current CCG functions.\n\n"
            "Summary of key messages, concerns and questions in response to the "
            "consultation\n\n"
            "36. The County Council remains concerned that decision-making at a strategic "
            "level in the NHS is divided between two NHS regions and two ICS Boards. This "
            "threatens the ability of the County Council to 'do policy once', tackle health "
            "inequalities, and integrate key strategic functions given the duplication of "
            "effort.\n\n"
            "42. The County Council supports this and has made this part of its response to "
            "the consultation (Appendix 2)."
        ),
        "other_options": (
            "44. There are no other options considered. The Council is required to make a "
            "decision regarding the level of partner contribution to the Nottingham and "
            "Nottinghamshire Integrated Care System.\n\n"
            "45. The Council could choose not to contribute to the consultation on the "
            "future arrangements of Integrated Care Systems, but the proposals have a "
            "significant impact on the Council."
        ),
        "reasons": (
            "46. The report acknowledges the progress that has been made in relation to the "
            "development of the Integrated Care Systems and the Council's contribution to "
            "these. However, given that the current outputs of the NN ICS do not contribute "
            "to County Council priorities the report recommends that no financial "
            "contribution to the ICS is made at this time.\n\n"
            "47. The Council's consultation response supports the direction of travel of the "
            "proposals relating to the future of ICSs, with a focus on engaging the local "
            "authority as an essential and equal partner in the local health, wellbeing and "
            "care system."
        ),
        "implications_financial": (
            "49. There are no financial implications arising from the report if the "
            "Committee approves the recommendation not to contribute to the Nottingham and "
            "Nottinghamshire Integrated Care System in 2020/21."
        ),
        "author": "Jennie Kennington, Senior Executive Officer",
        "author_contact": "T: 0115 9774141, E: jennie.kennington@nottsccl.gov.uk",
        "presenting_officer": "Melanie Brooks, Corporate Director, Adult Social Care and Health",
        "consultee_constitutional": (
            "CEH 21/01/21: The recommendations fall within the remit of the Adult Social "
            "Care and Public Health Committee under its terms of reference."
        ),
        "consultee_financial": (
            "KAS 27/01/21: As per paragraph 49 of the report, there are no financial "
            "implications arising from the report if committee approve the recommendation "
            "not to contribute to the Integrated Care System in 2020/21."
        ),
        "consultee_hr": "",
        "background_papers": (
            f"{S100D}\n\n"
            "The NHS Long Term Plan – report to Adult Social Care and Public Health Committee "
            "on 4th March 2019\n\n"
            "Adult Social Care and Public Health alignment to the two Integrated Care Systems "
            "architecture for Bassetlaw, Mid Nottinghamshire and South Nottinghamshire – "
            "report to Adult Social Care and Public Health Committee on 9th September 2019"
        ),
    },
    7: {
        "title": "Public Health performance and quality report for contracts funded with "
        "ring-fenced public health grant, 1 July 2020 to 30 September 2020",
        "purpose": (
            "1. To enable Members to scrutinise the performance and quality of services "
            "commissioned by Public Health (PH)"
        ),
        "recommendations": (
            "The Adult Social Care and Public Health Committee considers whether there are "
            "any further actions it requires arising from the information in this report."
        ),
        "information": (
            "2. This report provides the Committee with an overview of performance for Public "
            "Health directly commissioned services funded either in whole or in part by PH "
            "grant, in July to September 2020 against key performance indicators related to "
            "Public Health priorities, outcomes and actions.\n\n"
            "9. The Public Health team continues to monitor performance. Where any issues "
            "are identified, officers work in partnership with providers and as required "
            "with wider stakeholders to find solutions to mitigate against the issues.\n\n"
            "All Age Alcohol and Drug Misuse Services (Change Grow Live)\n\n"
            "27. Over capacity remains an issue with an extra 185 adult opiate service users "
            "and an extra 265 adult alcohol service users above the original need forecast "
            "in the contract value.\n\n"
            "Domestic Abuse Services (Notts Women's Aid, JUNO Women's Aid and Equation)\n\n"
            "41. The Domestic Abuse service continues to be stretched in quarter two. Staff "
            "have started to return to workplaces and visiting of service users resumed "
            "where it was safe to do so."
        ),
        "other_options": "53. None",
        "reasons": "54. To ensure performance of Public Health services is scrutinised by the "
        "Authority.",
        "implications_financial": (
            "56. Robust performance and quality reporting ensures that financial implications "
            "are monitored and reviewed effectively to minimise financial risk to the "
            "council."
        ),
        "implications_equality": (
            "57. Monitoring of the contracts ensures providers of services comply with their "
            "equality duty. Equality performance is a standing agenda item of review "
            "meetings."
        ),
        "implications_safeguarding": (
            "58. Safeguarding is a standing item on contract review meeting agendas and "
            "providers are expected to report any areas of concern allowing the Authority to "
            "ensure children and adults at risk are safe."
        ),
        "author": "Nathalie Birkett, Group Manager Contracts and Performance",
        "author_contact": "T: 01159772890, E: nathalie.birkett@nottsc.gov.uk",
        "presenting_officer": "Jonathan Gribbin, Director of Public Health",
        "consultee_constitutional": (
            "AK 07/01/2021: The recommendation falls within the delegation to Adult Social "
            "Care and Public Health Committee under its terms of reference."
        ),
        "consultee_financial": (
            "DG 05/01/2021: There are no direct financial implications arising from this report."
        ),
        "consultee_hr": "",
        "background_papers": f"{S100D}\n\nNone",
    },
    8: {
        "title": "Better Care Fund Dementia Project – Project Support Post",
        "purpose": (
            "1. To seek approval for the establishment of a 0.8 FTE Public Health Support "
            "Officer post, band B for 12 months, funded by Better Care Fund (BCF) Reserves. "
            "The purpose of the role will be to develop a standardised format and improve "
            "the uptake of advance care plans by people living with dementia across "
            "Nottinghamshire. The outcome of which will be to embed this process across the "
            "health and social care system."
        ),
        "recommendations": (
            "Gives approval for the establishment of the following temporary Public Health "
            "post: Public Health Support Officer, 0.8 FTE, Band B, ending 12 months from "
            "recruitment, costing £38,143 per annum, funded from BCF reserves."
        ),
        "information": (
            "2. Dementia and compassionate end of life care are part of the Nottinghamshire "
            "Health and Wellbeing strategy. Advance care planning (ACP) allows people to "
            "record their wishes about future health, care and life choices before their "
            "mental capacity is lost.\n\n"
            "3. Nationally evidence shows that uptake of ACP by people living with dementia "
            "is poor and this is reflected in local data – with less than 20% uptake across "
            "the Nottinghamshire Integrated Care System.\n\n"
            "6. In January 2020 BCF reserves funding of £45,000 for 12 months was awarded to "
            "Public Health to support the Nottinghamshire County Dementia Declaration Action "
            "Plan and the work of the Nottingham and Nottinghamshire (ICS) Dementia Steering "
            "Group (NND SG).\n\n"
            "9. The recruitment and project has been paused during the pandemic to enable "
            "Public Health resources to focus on the response to the Coronavirus Pandemic "
            "agendas. Assuming a reduction in the ongoing impact of the pandemic, it is "
            "anticipated that the recruitment to the post will now start in April 2021."
        ),
        "other_options": (
            "10. The option to not recruit to this Public Health post would mean a continued "
            "lack of capacity to take forward the BCF funded project."
        ),
        "reasons": (
            "11. The recommendations relating to the establishment of the Public Health post "
            "are made to enable the County Council to support the delivery of the objectives "
            "of the Nottinghamshire County Dementia Declaration Action Plan and the "
            "Nottingham and Nottinghamshire (ICS) Dementia Steering Group (NNDSG) to improve "
            "the quality of life and outcomes for people living with dementia in "
            "Nottinghamshire."
        ),
        "implications_financial": (
            "13. The post costs £38,143 (0.8 FTE at the top of Hay band B, £47,679 full time "
            "with on costs), leaving £6,857 of the £45,000.\n\n"
            "14. The remaining c£6,850 will enable engagement and co-production work to take "
            "place across the ICS footprint and if required some graphic design input in the "
            "development and promotion of a standardised Advance Care Plan."
        ),
        "implications_workforce": (
            "15. The proposal to establish and recruit to the post has been shared, for "
            "information purposes, with the relevant recognised trade unions."
        ),
        "author": "Jane O'Brien, Public Health and Commissioning Manager",
        "author_contact": "T: 0115 993 2561, E: jane.obrien@nottsc.gov.uk",
        "presenting_officer": "Jonathan Gribbin, Director of Public Health",
        "consultee_constitutional": (
            "EP 23/08/2019: The recommendation falls within the remit of the Adult Social "
            "Care and Public Health Committee by virtue of its terms of reference."
        ),
        "consultee_financial": (
            "DG 07/01/2021: The establishment of one 0.8 WTE Public Health Support Officer "
            "post, band B for 12 months (£38,143), and engagement and co-production work "
            "(£6,857) will be funded by Better Care Fund (BCF) Reserves (£45,000)"
        ),
        "consultee_hr": (
            "WI 07/01/2021: Recruitment to the post will be undertaken in line with the "
            "Authority's recruitment procedures and the successful candidate will be "
            "appointed on a fixed term contract for the duration described in the report"
        ),
        "background_papers": (
            f"{S100D}\n\n"
            "Record of BCF reserves funded projects approval: Item 8 Review of the Better "
            "Care Fund Programme and Use of BCF Reserve for Short-Term Transformation "
            "Projects, Health and Wellbeing Board meeting 24.07.2020, and its minutes"
        ),
    },
    9: {
        "title": "Work Programme",
        "purpose": "1. To consider the Committee's work programme.",
        "recommendations": (
            "That the committee considers whether any amendments are required to the work "
            "programme."
        ),
        "information": (
            "2. The County Council requires each committee to maintain a work programme. The "
            "work programme will assist the management of the committee's agenda, the "
            "scheduling of the committee's business and forward planning. The work programme "
            "will be updated and reviewed at each pre-agenda meeting and committee meeting. "
            "Any member of the committee is able to suggest items for possible inclusion.\n\n"
            "3. The attached work programme has been drafted in consultation with the Chair "
            "and Vice-Chairs and includes items which can be anticipated at the present time. "
            "Other items will be added to the programme as they are identified. The meeting "
            "dates and agenda items are subject to review in light of the ongoing COVID-19 "
            "period."
        ),
        "other_options": "5. None",
        "reasons": "6. To assist the committee in preparing its work programme.",
        "author": "Jo Toomey, Advanced Democratic Services Officer",
        "author_contact": "E: jo.toomey@nottscg.gov.uk",
        "presenting_officer": "Marjorie Toward, Service Director, Customers, Governance & "
        "Employees",
        "consultee_constitutional": (
            "HD: The Committee has authority to consider the matters set out in this report "
            "by virtue of its terms of reference."
        ),
        "consultee_financial": (
            "NS: There are no direct financial implications arising from the contents of "
            "this report."
        ),
        "consultee_hr": "",
        "background_papers": "None",
    },
}


def _report_fields(fields: dict) -> dict:
    """Every report field, so that a refresh also clears what the demo no longer sets."""
    blank = {
        field.name: ""
        for field in Report._meta.concrete_fields
        if isinstance(field, models.TextField | models.CharField)
    }
    return {**blank, **fields}


def _february(body: Body, january: Meeting) -> Meeting:
    # Held on 8 February 2021, when it approved January's minutes; its own are not in the seed.
    meeting = sync_record(
        Meeting,
        {"body": body, "start": FEBRUARY},
        {
            "venue": VIRTUAL,
            "online_url": YOUTUBE,
            "status": Meeting.Status.HELD,
            "agenda_published_at": FEBRUARY_PUBLISHED,
            "late_publication_reason": "",
        },
    )
    for position, kind, title, purpose, lead, pages in FEBRUARY_ITEMS:
        first, last = pages or (None, None)
        item = sync_record(
            AgendaItem,
            {"meeting": meeting, "position": position},
            {
                "kind": kind,
                "title": title,
                "purpose": purpose,
                "lead_officer": lead,
                "minutes_of": january if kind == Kind.MINUTES else None,
                "pack_first_page": first,
                "pack_last_page": last,
            },
        )
        if position in REPORTS:
            sync_record(Report, {"item": item}, _report_fields(REPORTS[position]))
    part_ii = sync_record(AgendaItem, {"meeting": meeting, "position": 10}, PART_II_ITEM)
    sync_record(Report, {"item": part_ii}, _report_fields(PART_II_REPORT))
    return meeting


# --- Work programme -----------------------------------------------------------------------

DIRECTOR = "Corporate Director, Adult Social Care and Health"
LIVING_WELL = "Service Director, Community Services (Living Well and Provider Services)"
PERFORMANCE = (
    "Performance and financial position update",
    "To update the Committee on the department's current financial situation and current "
    "performance across services.",
    DIRECTOR,
    "Louise Hemment/Matt Garrard/Kath Sargent",
)
MARKET = (
    "Market management position statement",
    "Report on current market position, contract suspensions and auditing activity, and "
    "future priorities for supporting the care market.",
    DIRECTOR,
    "Gemma Shelton",
)
WORK_PROGRAMME = {
    date(2021, 3, 29): [
        # title, summary, lead officer, report author
        MARKET,
        PERFORMANCE,
        (
            "Strengths-based programme",
            "To provide an update on the implementation of strengths-based working across ASC&H.",
            DIRECTOR,
            "Mary Read",
        ),
        ("Older Adults Care Homes contracts and assessment beds", "", DIRECTOR, "Martyn Harris"),
        ("Carers Strategy", "", LIVING_WELL, "Dan Godley"),
        ("Hospital Discharge & Rapid Response Services", "", DIRECTOR, "Jane Cashmore"),
        ("Suicide Prevention funding (wave 4)", "", "Jonathan Gribbin", "Lucy Jones"),
    ],
    date(2021, 6, 14): [
        (
            "Public Health Services Performance and Quality Report for Funded Contracts "
            "(Quarter 3)",
            "Regular performance report on services funded with ring fenced Public Health "
            "Grant (quarterly)",
            "Consultant in Public Health",
            "Nathalie Birkett",
        ),
        PERFORMANCE,
        (
            "Review of workforce restructure in Adult Social Care",
            "To update the Committee on progress with the new workforce model implemented in "
            "Sept 2020.",
            "Service Director, Living Well/ Service Director, Ageing Well",
            "Sue Batty/Ainsley MacDonnell",
        ),
        (
            "Day Opportunities Strategy",
            "To present the proposed Strategy for approval to consult.",
            "Service Director, Strategic Commissioning and Integration",
            "Mercy-Lett Charnock",
        ),
        (
            "Developing Short Breaks services and support for carers in Nottinghamshire",
            "",
            LIVING_WELL,
            "Dan Godley",
        ),
        MARKET,
    ],
}


def _work_programme(body: Body) -> None:
    for planned_for, entries in WORK_PROGRAMME.items():
        for title, summary, lead, author in entries:
            sync_record(
                WorkProgrammeEntry,
                {"body": body, "planned_for": planned_for, "title": title},
                {
                    "summary": summary,
                    "lead_officer": lead,
                    "report_author": author,
                    "status": WorkProgrammeEntry.Status.PLANNED,
                },
            )


def load() -> None:
    """Create or refresh the demo meetings, agenda, reports, minutes and work programme."""
    body = Body.objects.get(slug=BODY)
    people = _people(body)
    january = _january(body, people)
    february = _february(body, january)
    minutes_item = february.items.get(position=1)
    sync_record(Meeting, {"pk": january.pk}, {"minutes_approved_at": minutes_item})
    _work_programme(body)
    demo_upcoming.load(body)
    demo_wirral.load()
    demo_icb.load()
