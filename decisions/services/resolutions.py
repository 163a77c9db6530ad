"""Resolutions: recording them, correcting their text, and the one place their status changes.

Status rules (issue 5 item 3). A decision, a recommendation or a noting is *agreed* when it is
recorded; an agreement in principle is *not yet routed* until it is routed, and then follows
its ratifications (`resolution_refresh_from_ratifications`). Later resolutions of the same body
implement or rescind it (`resolution_record(..., acts_on=..., act=...)`). Every change of
status goes through `resolution_set_status`, which refuses the moves `TRANSITIONS` does not
list.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max

from alerts.mail import portal_url
from decisions.announcements import announce_resolution_recorded
from decisions.models import (
    DecisionNotice,
    NamedVote,
    Ratification,
    Resolution,
    ratifications_awaiting_effect,
)
from governance.models import Body, Membership, Person
from governance.models.terms import JointDecisions, joint_committee_terms
from ics_portal.common.records import check_version, save_record
from meetings.access import can_record_for
from meetings.models import AgendaItem, Attendance, Declaration, Meeting
from meetings.quorum import members_on

Status = Resolution.Status
Kind = Resolution.Kind
Act = Resolution.Act

HELD_STATUSES = {
    Meeting.Status.HELD,
    Meeting.Status.MINUTES_DRAFTED,
    Meeting.Status.MINUTES_APPROVED,
}

# The statuses a resolution takes while it follows its ratifications.
RATIFICATION_STATUSES = {
    Status.TO_ROUTE,
    Status.AWAITING_RATIFICATION,
    Status.RATIFIED,
    Status.REJECTED,
    Status.AMENDMENT_TO_RECONSIDER,
}

# Allowed moves. Among the ratification statuses any move is allowed, because the outcome can
# change as organisations decide (or are added to or withdrawn from the routing); those moves are
# normally made by `resolution_refresh_from_ratifications`. Rescinded is final.
TRANSITIONS: dict[str, set[str]] = {
    Status.AGREED: {Status.IMPLEMENTED, Status.RESCINDED},
    Status.TO_ROUTE: (RATIFICATION_STATUSES - {Status.TO_ROUTE}) | {Status.RESCINDED},
    Status.AWAITING_RATIFICATION: (RATIFICATION_STATUSES - {Status.AWAITING_RATIFICATION})
    | {Status.RESCINDED},
    Status.RATIFIED: (RATIFICATION_STATUSES - {Status.RATIFIED})
    | {Status.IMPLEMENTED, Status.RESCINDED},
    Status.REJECTED: (RATIFICATION_STATUSES - {Status.REJECTED}) | {Status.RESCINDED},
    Status.AMENDMENT_TO_RECONSIDER: (RATIFICATION_STATUSES - {Status.AMENDMENT_TO_RECONSIDER})
    | {Status.RESCINDED},
    Status.IMPLEMENTED: {Status.RESCINDED},
    Status.RESCINDED: set(),
    # Only `resolution_withdraw` makes this move (before the minutes are approved); it is final.
    Status.WITHDRAWN: set(),
}

# How each status reads in a sentence: "A rescinded resolution cannot become implemented".
_AS_SUBJECT = {
    Status.AGREED: "An agreed resolution",
    Status.TO_ROUTE: "An agreement in principle not yet routed",
    Status.AWAITING_RATIFICATION: "A resolution whose ratification is in progress",
    Status.RATIFIED: "A ratified resolution",
    Status.REJECTED: "A rejected resolution",
    Status.AMENDMENT_TO_RECONSIDER: "A resolution whose amendment needs reconsideration",
    Status.IMPLEMENTED: "An implemented resolution",
    Status.RESCINDED: "A rescinded resolution",
    Status.WITHDRAWN: "A resolution withdrawn in error",
}

_ACT_STATUS = {Act.RESCINDS: Status.RESCINDED, Act.IMPLEMENTS: Status.IMPLEMENTED}
_ACT_WORDS = {Act.AMENDS: "Amended", Act.RESCINDS: "Rescinded", Act.IMPLEMENTS: "Implemented"}

_NUMBERING = re.compile(r"^\s*(?:\(\s*\d+\s*\)|\d+\s*[.)])\s*")
CORRECTABLE_FIELDS = {"preamble", "parts", "recommended_to", "item", "kind"}


@dataclass(frozen=True)
class VoteCount:
    """The counts of a vote taken on a resolution."""

    votes_for: int
    votes_against: int = 0
    abstentions: int = 0

    @property
    def total(self) -> int:
        return self.votes_for + self.votes_against + self.abstentions


def clean_parts(text: str) -> str:
    """One part a line, without the "1)" / "1." / "(1)" numbering the user may have typed."""
    lines = [_NUMBERING.sub("", line).strip() for line in (text or "").splitlines()]
    return "\n".join(line for line in lines if line)


def _label(status: str) -> str:
    return Status(status).label.lower()


def voting_members_present(meeting: Meeting, body: Body | None = None) -> dict[int, Person]:
    """The people who could vote for `body` (by default the meeting's) at the meeting: its
    voting members present, and substitutes who sat in a voting member's seat."""
    voting_seats = {
        m.person_id
        for m in members_on((body or meeting.body).pk, meeting.date)
        if m.voting and m.role != Membership.Role.OFFICER
    }
    people: dict[int, Person] = {}
    for row in meeting.attendance.select_related("person", "substitute"):
        if row.person_id not in voting_seats:
            continue
        if row.status == Attendance.Status.PRESENT:
            people[row.person_id] = row.person
        elif row.status == Attendance.Status.SUBSTITUTED and row.substitute_id:
            people[row.substitute_id] = row.substitute
    return people


def _check_vote(
    *,
    item: AgendaItem,
    vote: VoteCount | None,
    named_votes: list[tuple[Person, str]],
    body: Body | None = None,
) -> None:
    if vote is None:
        if named_votes:
            raise ValidationError("Record the vote counts as well as how members voted by name.")
        return
    if min(vote.votes_for, vote.votes_against, vote.abstentions) < 0:
        raise ValidationError("Vote counts cannot be negative.")
    present = voting_members_present(item.meeting, body)
    if vote.total > len(present):
        raise ValidationError(
            f"{vote.total} votes recorded but only {len(present)} voting members were present"
        )
    # Members who declared an interest and left the room, or stayed but did not vote.
    stood_aside = {
        d.person_id: d
        for d in Declaration.objects.filter(
            item=item,
            action__in=[Declaration.Action.LEFT_ROOM, Declaration.Action.DID_NOT_VOTE],
        ).select_related("person")
    }
    seen: set[int] = set()
    counted = {choice: 0 for choice in NamedVote.Vote.values}
    for person, choice in named_votes:
        if person.pk in seen:
            raise ValidationError(f"{person.name}'s vote is recorded more than once.")
        seen.add(person.pk)
        if choice not in counted:
            raise ValidationError(f"Choose how {person.name} voted.")
        declaration = stood_aside.get(person.pk)
        if declaration is not None:
            did = (
                "left the room"
                if declaration.action == Declaration.Action.LEFT_ROOM
                else "did not vote"
            )
            raise ValidationError(
                f"{person.name} declared an interest in this item and {did}, so cannot be "
                "recorded as voting on it."
            )
        if person.pk not in present:
            raise ValidationError(
                f"{person.name} was not present as a voting member at this meeting."
            )
        counted[choice] += 1
    for choice, count in (
        (NamedVote.Vote.FOR, vote.votes_for),
        (NamedVote.Vote.AGAINST, vote.votes_against),
        (NamedVote.Vote.ABSTAIN, vote.abstentions),
    ):
        if counted[choice] > count:
            raise ValidationError(
                f"{counted[choice]} members are named as voting "
                f"“{NamedVote.Vote(choice).label.lower()}” but the count is {count}."
            )
    able = [pk for pk in present if pk not in stood_aside]
    if vote.total > len(able):
        raise ValidationError(
            f"{vote.total} votes recorded but only {len(able)} of the {len(present)} voting "
            "members present could vote: the others declared an interest and left the room or "
            "did not vote."
        )


def _check_acts_on(
    *, body: Body, meeting: Meeting, acts_on: Resolution | None, act: str
) -> Resolution | None:
    if acts_on is None:
        if act:
            raise ValidationError({"acts_on": "Choose the earlier resolution this one acts on."})
        return None
    if not act:
        raise ValidationError({"act": "Say how this resolution acts on the earlier one."})
    if act not in Act.values:
        raise ValidationError({"act": "Choose how this resolution acts on the earlier one."})
    earlier = (
        Resolution.objects.select_for_update().select_related("body", "meeting").get(pk=acts_on.pk)
    )
    if earlier.body_id != body.pk:
        raise ValidationError(
            {"acts_on": "A resolution can only amend, rescind or implement one of its own body."}
        )
    if earlier.meeting.start > meeting.start:
        raise ValidationError(
            {"acts_on": "A resolution can only act on one made at the same or an earlier meeting."}
        )
    if act == Act.AMENDS and earlier.status == Status.RESCINDED:
        raise ValidationError({"acts_on": "A rescinded resolution cannot be amended."})
    if earlier.status == Status.WITHDRAWN:
        raise ValidationError(
            {"acts_on": f"{earlier} was withdrawn in error; no resolution can act on it."}
        )
    target = _ACT_STATUS.get(act)
    if target is not None:
        _check_transition(earlier, target)
    return earlier


def _check_joint_kind(body: Body, kind: str) -> None:
    """A joint committee's resolution takes the kind its terms of reference give its decisions:
    an agreement in principle, routed to every member organisation, where they need
    ratification; a decision, binding on them with no routing, where they bind directly."""
    terms = joint_committee_terms(body)
    if terms is None:
        return
    paragraph = terms.joint_decisions_paragraph
    where = f" (paragraph {paragraph})" if paragraph else ""
    if terms.joint_decisions == JointDecisions.RATIFIED and kind == Kind.DECISION:
        raise ValidationError(
            {
                "kind": f"Under its terms of reference{where}, the {body}'s decisions need "
                "ratification by each member organisation: record it as an agreement in "
                "principle, then route it for ratification."
            }
        )
    if terms.joint_decisions == JointDecisions.BINDING and kind == Kind.AGREEMENT_IN_PRINCIPLE:
        raise ValidationError(
            {
                "kind": f"Under its terms of reference{where}, the {body}'s decisions bind its "
                "member organisations directly, with no ratification: record it as a decision."
            }
        )


def _require_recorder(actor, meeting: Meeting, body: Body) -> None:
    """At a meeting held in common, refuse an actor who does not record for `body` there
    (`can_record_for`); None is the portal itself (the demo data). A meeting of one body is
    checked by its pages and the API (`can_edit_body`), as before."""
    if actor is None or not meeting.held_in_common:
        return
    if not can_record_for(actor, meeting, body):
        raise PermissionDenied(
            f"Only the clerks of the {body} or of the {meeting.body} record its resolutions."
        )


def _check_transition(resolution: Resolution, status: str) -> None:
    if status not in Status.values:
        raise ValidationError("Choose a status.")
    if resolution.status == status:
        raise ValidationError(f"This resolution is already {_label(status)}.")
    if status not in TRANSITIONS[resolution.status]:
        raise ValidationError(f"{_AS_SUBJECT[resolution.status]} cannot become {_label(status)}.")


def resolution_record(
    *,
    item: AgendaItem,
    kind: str,
    preamble: str = "",
    parts: str,
    actor,
    recommended_to: Body | None = None,
    vote: VoteCount | None = None,
    named_votes: Iterable[tuple[Person, str]] = (),
    acts_on: Resolution | None = None,
    act: str = "",
    body: Body | None = None,
) -> Resolution:
    """Record a numbered resolution on an item of a meeting that has been held, for `body`
    (by default the meeting's body; at a meeting held in common, one of the bodies sitting,
    numbered in that body's own series)."""
    named_votes = list(named_votes)
    with transaction.atomic():
        meeting = Meeting.objects.select_related("body").get(pk=item.meeting_id)
        item.meeting = meeting
        if meeting.status not in HELD_STATUSES:
            raise ValidationError("Resolutions are recorded for a meeting that has been held.")
        body = body or meeting.body
        if body.pk not in meeting.sitting_body_ids:
            sitting = " and the ".join(str(b) for b in meeting.sitting_bodies)
            raise ValidationError(
                {
                    "body": f"The {body} is not sitting at this meeting, so it made no "
                    f"resolution here; the bodies sitting are the {sitting}."
                }
            )
        _require_recorder(actor, meeting, body)
        if kind not in Kind.values:
            raise ValidationError({"kind": "Choose what kind of resolution this is."})
        _check_joint_kind(body, kind)
        cleaned = clean_parts(parts)
        if not cleaned:
            raise ValidationError({"parts": "Give at least one part of the resolution."})
        if kind == Kind.RECOMMENDATION and recommended_to is None:
            raise ValidationError(
                {"recommended_to": "Choose the body the recommendation goes to."}
            )
        if kind != Kind.RECOMMENDATION and recommended_to is not None:
            raise ValidationError(
                {"recommended_to": "Only a recommendation goes to another body."}
            )
        if recommended_to is not None and recommended_to.pk == body.pk:
            raise ValidationError(
                {"recommended_to": "A body does not make recommendations to itself."}
            )
        _check_vote(item=item, vote=vote, named_votes=named_votes, body=body)
        earlier = _check_acts_on(body=body, meeting=meeting, acts_on=acts_on, act=act)

        # The body's row lock serialises numbering: two clerks never get the same number.
        # Every number ever given counts (rescinded resolutions keep theirs): none is reused.
        body = Body.objects.select_for_update().get(pk=body.pk)
        year = meeting.date.year
        last = Resolution.objects.filter(body=body, year=year).aggregate(n=Max("number"))["n"]
        resolution = Resolution(
            body=body,
            year=year,
            number=(last or 0) + 1,
            meeting=meeting,
            item=item,
            kind=kind,
            status=Status.TO_ROUTE if kind == Kind.AGREEMENT_IN_PRINCIPLE else Status.AGREED,
            preamble=preamble.strip(),
            parts=cleaned,
            recommended_to=recommended_to,
            acts_on=earlier,
            act=act if earlier else "",
            vote_taken=vote is not None,
            votes_for=vote.votes_for if vote else None,
            votes_against=vote.votes_against if vote else None,
            abstentions=vote.abstentions if vote else None,
        )
        save_record(resolution, actor=actor)
        for person, choice in named_votes:
            save_record(NamedVote(resolution=resolution, person=person, vote=choice), actor=actor)
        if earlier is not None:
            target = _ACT_STATUS.get(act)
            if target is not None:
                resolution_set_status(
                    resolution=earlier,
                    status=target,
                    actor=actor,
                    reason=f"{_ACT_WORDS[act]} by {resolution}",
                )
        transaction.on_commit(
            functools.partial(announce_resolution_recorded.enqueue, resolution.pk, portal_url())
        )
        return resolution


def resolution_set_status(
    *, resolution: Resolution, status: str, actor, reason: str
) -> Resolution:
    """Change a resolution's status: the one function that does, refusing illegal moves."""
    if not (reason or "").strip():
        raise ValidationError({"reason": "Say why the status changes."})
    with transaction.atomic():
        locked = (
            Resolution.objects.select_for_update().select_related("body").get(pk=resolution.pk)
        )
        _check_transition(locked, status)
        locked.status = status
        save_record(locked, actor=actor, reason=reason.strip())
    resolution.status = locked.status
    resolution.modified = locked.modified
    return locked


def status_from_ratifications(statuses: Iterable[str]) -> str:
    """The status an agreement in principle takes from its ratifications' statuses.

    Withdrawn ratifications are not required and are left out first. Then, in this order:

    | ratifications still required                         | status                          |
    |------------------------------------------------------|---------------------------------|
    | none                                                 | agreed in principle, not yet    |
    |                                                      | routed                          |
    | any still requested or scheduled                     | ratification in progress        |
    | all decided, any rejected                            | rejected                        |
    | all decided, any ratified with amendment             | ratified with amendment, needs  |
    |                                                      | reconsideration                 |
    | all ratified                                         | ratified                        |

    So a final status is shown only once every organisation has decided; while some are
    still deciding the page says how many have (`ratification_progress`). An organisation's
    decision counts only once it has taken effect: `resolution_refresh_from_ratifications`
    gives a decision still in its call-in period, or called in, as scheduled.
    """
    required = [s for s in statuses if s != Ratification.Status.WITHDRAWN]
    if not required:
        return Status.TO_ROUTE
    if any(s in (Ratification.Status.REQUESTED, Ratification.Status.SCHEDULED) for s in required):
        return Status.AWAITING_RATIFICATION
    if Ratification.Status.REJECTED in required:
        return Status.REJECTED
    if Ratification.Status.RATIFIED_WITH_AMENDMENT in required:
        return Status.AMENDMENT_TO_RECONSIDER
    return Status.RATIFIED


def ratification_statuses(resolution: Resolution) -> list[str]:
    """The statuses of the resolution's ratifications as its own status counts them: a
    decision whose executive decision has not yet taken effect (`ratifications_awaiting_effect`)
    as scheduled."""
    ratifications = list(resolution.ratifications.all())
    notices = DecisionNotice.objects.filter(ratification__resolution=resolution).select_related(
        "call_in"
    )
    waiting = ratifications_awaiting_effect(
        ratifications,
        notices.order_by("published_on", "pk"),
        resolution.forward_plan_entries.all(),
    )
    return [Ratification.Status.SCHEDULED if r.pk in waiting else r.status for r in ratifications]


def resolution_refresh_from_ratifications(
    *, resolution: Resolution, actor, reason: str = "Ratifications recorded"
) -> Resolution:
    """Set the status that follows from the resolution's ratifications (see
    `status_from_ratifications`), each counted once its executive decision has taken effect.
    Safe to call again and again: it changes nothing when the status is already right, or
    once the resolution has been implemented or rescinded."""
    with transaction.atomic():
        locked = (
            Resolution.objects.select_for_update().select_related("body").get(pk=resolution.pk)
        )
        if locked.status not in RATIFICATION_STATUSES:
            return locked
        wanted = status_from_ratifications(ratification_statuses(locked))
        if wanted == locked.status:
            return locked
        return resolution_set_status(
            resolution=locked,
            status=wanted,
            actor=actor,
            reason=f"{reason}: now {_label(wanted)}",
        )


def correction_refusal(resolution: Resolution) -> str:
    """Why this resolution's item and kind cannot be corrected, nor it be withdrawn ("" when
    they can): only while the meeting's minutes await approval and nothing follows from it."""
    meeting = resolution.meeting
    if resolution.status == Status.WITHDRAWN:
        return "This resolution was withdrawn in error; it can no longer be changed."
    if meeting.status == Meeting.Status.MINUTES_APPROVED:
        return (
            f"The minutes of {meeting} have been approved, so this resolution stands as "
            "recorded; record a later resolution that amends or rescinds it instead."
        )
    if resolution.status not in Resolution.FRESH_STATUSES:
        return (
            f"This resolution is {_label(resolution.status)}; put that right before "
            "correcting its item or kind."
        )
    if resolution.ratifications.exclude(status=Ratification.Status.WITHDRAWN).exists():
        return (
            "This resolution has been routed for ratification; withdraw those requests "
            "before correcting its item or kind or withdrawing it."
        )
    if resolution.acted_on_by.exists():
        return "A later resolution acts on this one; put that one right first."
    if resolution.acts_on_id and resolution.act in _ACT_STATUS:
        return (
            f"This resolution {resolution.get_act_display().lower()} {resolution.acts_on}; "
            "it cannot be withdrawn or re-filed here."
        )
    return ""


def _correct_item_and_kind(locked: Resolution, fields: dict) -> list[str]:
    """Apply a corrected item and kind, refusing them once something follows from it."""
    changed = []
    item = fields.get("item")
    kind = fields.get("kind")
    if item is not None and item.pk != locked.item_id:
        changed.append("item")
    if kind is not None and kind != locked.kind:
        if kind not in Kind.values:
            raise ValidationError({"kind": "Choose what kind of resolution this is."})
        changed.append("kind")
    if not changed:
        return []
    refusal = correction_refusal(locked)
    if refusal:
        raise ValidationError(refusal)
    if "item" in changed:
        if item.meeting_id != locked.meeting_id:
            raise ValidationError(
                {"item": "Choose an item of the meeting at which the resolution was made."}
            )
        stood_aside = Declaration.objects.filter(
            item=item,
            action__in=[Declaration.Action.LEFT_ROOM, Declaration.Action.DID_NOT_VOTE],
            person__votes__resolution=locked,
        ).select_related("person")
        for declaration in stood_aside:
            raise ValidationError(
                {
                    "item": f"{declaration.person.name} is recorded as voting on this resolution "
                    f"but declared an interest in item {item.position} and did not vote on it."
                }
            )
        locked.item = item
    if "kind" in changed:
        _check_joint_kind(locked.body, kind)
        locked.kind = kind
        locked.status = Status.TO_ROUTE if kind == Kind.AGREEMENT_IN_PRINCIPLE else Status.AGREED
        if kind != Kind.RECOMMENDATION and "recommended_to" not in fields:
            locked.recommended_to = None
    return changed


def resolution_update(
    *, resolution: Resolution, actor, expected_version: int | str | None, reason: str, **fields
) -> Resolution:
    """Correct a resolution: its text (preamble, parts, the body a recommendation goes to)
    at any time; its item and kind only before the meeting's minutes are approved and while
    nothing follows from it (see `correction_refusal`). An edit made against an older version
    is refused."""
    unknown = set(fields) - CORRECTABLE_FIELDS
    if unknown:
        raise ValueError(f"These fields are not corrected here: {', '.join(sorted(unknown))}")
    if not (reason or "").strip():
        raise ValidationError({"reason": "Say why the resolution is being corrected."})
    with transaction.atomic():
        locked = (
            # Only the resolution's row: the earlier one it acts on may be absent (outer join).
            Resolution.objects.select_for_update(of=("self",))
            .select_related("body", "meeting__body", "item", "acts_on__body")
            .get(pk=resolution.pk)
        )
        _require_recorder(actor, locked.meeting, locked.body)
        check_version(locked, expected_version)
        if locked.status == Status.WITHDRAWN:
            raise ValidationError(
                "This resolution was withdrawn in error; it can no longer be changed."
            )
        if "parts" in fields:
            cleaned = clean_parts(fields["parts"])
            if not cleaned:
                raise ValidationError({"parts": "Give at least one part of the resolution."})
            locked.parts = cleaned
        if "preamble" in fields:
            locked.preamble = (fields["preamble"] or "").strip()
        _correct_item_and_kind(locked, fields)
        if "recommended_to" in fields:
            locked.recommended_to = fields["recommended_to"]
        target = locked.recommended_to
        if locked.kind == Kind.RECOMMENDATION and target is None:
            raise ValidationError(
                {"recommended_to": "Choose the body the recommendation goes to."}
            )
        if locked.kind != Kind.RECOMMENDATION and target is not None:
            raise ValidationError(
                {"recommended_to": "Only a recommendation goes to another body."}
            )
        if target is not None and target.pk == locked.body_id:
            raise ValidationError(
                {"recommended_to": "A body does not make recommendations to itself."}
            )
        locked.version += 1
        save_record(locked, actor=actor, reason=reason.strip())
        return locked


def resolution_withdraw(
    *, resolution: Resolution, actor, reason: str, expected_version: int | str | None = None
) -> Resolution:
    """Withdraw a resolution recorded in error, before the meeting's minutes are approved.

    It is not deleted: its number stays used, and it shows as "withdrawn in error" on the
    meeting page, its trail and in the API, with the reason in its history.
    """
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "Say why the resolution is withdrawn."})
    with transaction.atomic():
        locked = (
            # Only the resolution's row: the earlier one it acts on may be absent (outer join).
            Resolution.objects.select_for_update(of=("self",))
            .select_related("body", "meeting__body", "acts_on__body")
            .get(pk=resolution.pk)
        )
        _require_recorder(actor, locked.meeting, locked.body)
        if expected_version is not None:
            check_version(locked, expected_version)
        refusal = correction_refusal(locked)
        if refusal:
            raise ValidationError(refusal)
        locked.status = Status.WITHDRAWN
        locked.version += 1
        return save_record(locked, actor=actor, reason=f"Withdrawn in error: {reason}")
