"""Demo risk register: the Wiltshire risks and mitigations of the Wiltshire ICA Partnership's
winter plan update to the Health Select Committee, October 2022 (seed 004), with the RAG
ratings the paper states. The paper gives no likelihood or impact, so those ratings are kept
as stated RAG; owners and review dates are not in the paper and are marked as such.
"""

from __future__ import annotations

from datetime import date

from governance.models import Partnership, Risk, RiskRating
from ics_portal.common.demo_records import sync_record

SEED_RATED_ON = date(2022, 10, 1)
SEED_NOTE = (
    "RAG as stated in the Wiltshire ICA Partnership winter plan update to the Health Select "
    "Committee, October 2022."
)
# The paper names no individual owner, only the partnership.
OWNER = "Wiltshire ICA Partnership"
REVIEW = date(2023, 3, 31)

RISKS = [
    # reference, title, description (the paper's words), RAG, mitigations (the paper's words)
    (
        "R1",
        "Scarce domiciliary care resource",
        "Scarce domiciliary care resource – in some areas of Wiltshire (South and rural) this "
        "picture is more challenging; reduction in care provision capacity impacts on "
        "experience and quality of care when people are delayed in their discharge. It also "
        "impacts hospital flow.",
        "amber",
        "Work through how families can contribute to providing care (link with DC comms)\n"
        "Ensure staff on wards understand the use of single handed equipment <need for DH care "
        "(Link to D/C comms)\n"
        "South Newton beds and Surge Bed capacity",
    ),
    (
        "R2",
        "Cost of locums increasing",
        "Cost of locums increasing so backfill costs becoming unaffordable – the risk is that "
        "we will not be able to utilise as much agency support, further limiting capacity and "
        "potentially safety.",
        "red",
        "Building Bank capacity locally.",
    ),
    (
        "R3",
        "COVID, flu and seasonal infection",
        "COVID and Flu and seasonal infection – impact on staff and provider capacity – this "
        "particularly impacts Pathway 2 capacity which we know severely impacts flow when care "
        "home closures increase.",
        "red",
        "Vaccinations on site for staff\n"
        "Promotion of uptake in vaccinations.\n"
        "POST team supports care homes to open as soon as possible.",
    ),
    (
        "R4",
        "Cost of living",
        "Cost of living – impacting recruitment into the care market and family support etc. "
        "Impact on dependency and possible increase in attendances. 30% increase in "
        "homelessness applications (large number >65yrs). Impact of people being in temporary "
        "accommodation means if they are admitted to hospital people will not be well enough "
        "to go back to their accommodation.",
        "amber",
        "Food banks in consideration for discharge.\n"
        "Cost of living payments\n"
        "Council co-ordination of a response to be supported by partners e.g. Hot hubs",
    ),
    (
        "R5",
        "Non-recurrent funding of services",
        "Funding – ability to provide recurrent resources into services – some services "
        "(reablement and flow hub) are funded by non-recurrent funding.",
        "amber",
        "Financial planning at scale/ secure sustainable resourcing of schemes.\n"
        "Plans in development to review impact and risks around these services.",
    ),
    (
        "R6",
        "Staff sickness and wellbeing",
        "Staff sickness and wellbeing, impact on mental health",
        "amber",
        "Support networks & Wellbeing Hubs, enabling staff to access these.",
    ),
    (
        "R7",
        "Packages of care handed back by domiciliary care providers",
        "Increase of POCs handed back by Dom Care providers due to affordability and staffing "
        "gaps – additional pressure on care market and staff, reduces flow.",
        "red",
        "Surge beds still in place (30) and South Newton beds opening Nov 22.",
    ),
    (
        "R8",
        "Recruitment of staff for South Newton",
        "Recruitment of staff for South Newton is likely to impact on the ability of "
        "Salisbury-centred services to recruit staff (all searching in the same pool)",
        "red",
        "Aligned and collaborative recruitment plans to jointly recruit – (does not include SN "
        "provider).",
    ),
]

# The paper gives RAG only. So the demo shows the register on the 5 × 5 heat map, each risk is
# scored later on the matrix, in the band the paper stated, with a target the mitigations aim
# for: illustrative demo ratings, not from the seed, and said so in each rating's note.
RESCORED_ON = date(2022, 12, 1)
RESCORE_NOTE = (
    "Illustrative demo re-rating on the 5 × 5 matrix (not from the seed): likelihood {l} × "
    "impact {i} = {score}, {rag} as the paper stated."
)
# reference: (likelihood, impact, target likelihood, target impact)
RESCORED = {
    "R1": (3, 4, 2, 3),
    "R2": (4, 4, 3, 3),
    "R3": (4, 5, 3, 4),
    "R4": (3, 3, 2, 3),
    "R5": (2, 5, 2, 3),
    "R6": (3, 3, 2, 2),
    "R7": (4, 4, 3, 3),
    "R8": (5, 3, 3, 3),
}


def load() -> None:
    """Create or refresh the Wiltshire Alliance's winter risks; safe to run again."""
    alliance = Partnership.objects.get(slug="wiltshire-alliance")
    for reference, title, description, rag, mitigations in RISKS:
        likelihood, impact, target_likelihood, target_impact = RESCORED[reference]
        risk = sync_record(
            Risk,
            {"partnership": alliance, "reference": reference},
            {
                "title": title,
                "description": description,
                "owner": OWNER,
                "mitigations": mitigations,
                "review_date": REVIEW,
                "status": Risk.Status.OPEN,
                "likelihood": likelihood,
                "impact": impact,
                "stated_rag": "",
                "target_likelihood": target_likelihood,
                "target_impact": target_impact,
            },
        )
        sync_record(
            RiskRating,
            {"risk": risk, "rated_on": SEED_RATED_ON},
            {"stated_rag": rag, "likelihood": None, "impact": None, "note": SEED_NOTE},
        )
        note = RESCORE_NOTE.format(l=likelihood, i=impact, score=risk.score, rag=rag)
        sync_record(
            RiskRating,
            {"risk": risk, "rated_on": RESCORED_ON},
            {"likelihood": likelihood, "impact": impact, "stated_rag": "", "note": note},
        )
