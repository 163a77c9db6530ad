"""Executive decisions: publishing the forward plan, publishing decision notices, calling a
decision in and recording the scrutiny committee's outcome. The clocks they keep are in
`decisions.executive_clocks`."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from decisions.access import (
    can_call_in,
    can_publish_executive_decisions,
    can_record_call_in_outcome,
)
from decisions.executive_clocks import (
    call_in_deadline,
    earliest_key_decision,
    has_full_notice,
    next_working_day,
)
from decisions.models import CallIn, DecisionNotice, ForwardPlanEntry, Ratification, Resolution
from decisions.services.resolutions import resolution_refresh_from_ratifications
from governance.models import Body, Organisation
from ics_portal.common.records import lock_for_edit, save_record

Urgency = ForwardPlanEntry.Urgency
Outcome = CallIn.Outcome
OUTCOMES = (Outcome.NO_FURTHER_ACTION, Outcome.REFERRED_BACK, Outcome.REFERRED_TO_COUNCIL)
DECIDED = {
    Ratification.Status.RATIFIED,
    Ratification.Status.RATIFIED_WITH_AMENDMENT,
    Ratification.Status.REJECTED,
}


def long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _require_publisher(actor, organisation: Organisation) -> None:
    if not can_publish_executive_decisions(actor, organisation):
        raise PermissionDenied(
            f"Only {organisation}'s governance leads publish its forward plan and decisions."
        )


def _check_body(body: Body | None, organisation: Organisation) -> None:
    if body is not None and body.organisation_id != organisation.pk:
        raise ValidationError(
            {"decision_maker_body": f"{body} is not one of {organisation}'s bodies."}
        )


def _check_day(field: str, day: date | None, label: str) -> None:
    if day is not None and day > timezone.localdate():
        raise ValidationError({field: f"The {label} cannot be in the future."})


def _check_exception(urgency: str, reason: str, chair: str, agreed_on: date | None) -> None:
    """A general exception or special urgency is recorded with its reason and the scrutiny
    chair's agreement."""
    if not urgency:
        return
    errors = {}
    if not reason.strip():
        errors["urgency_reason"] = "Say why 28 clear days' notice could not be given."
    if not chair.strip():
        errors["scrutiny_chair"] = "Name the scrutiny chair who agreed."
    if agreed_on is None:
        errors["scrutiny_agreed_on"] = "Enter the date the scrutiny chair agreed."
    if errors:
        raise ValidationError(errors)


def notice_refusal(first_published: date, decided_on: date) -> str:
    """Why a key decision on `decided_on` lacks its 28 clear days' notice."""
    return (
        f"A key decision may be taken only after 28 clear days' notice in the forward plan: "
        f"first published on {long_date(first_published)}, it may be taken from "
        f"{long_date(earliest_key_decision(first_published))}, not on {long_date(decided_on)}. "
        "Move the date, or record a general exception or special urgency with the reason and "
        "the scrutiny chair's agreement."
    )


def forward_plan_publish(
    *,
    organisation: Organisation,
    actor,
    title: str,
    expected_on: date,
    lead_officer: str,
    representations: str,
    decision_maker_body: Body | None = None,
    decision_maker_role: str = "",
    is_key_decision: bool = True,
    month_only: bool = False,
    in_private: bool = False,
    exempt_paragraph: int | None = None,
    private_reason: str = "",
    documents: str = "",
    first_published: date | None = None,
    urgency: str = "",
    urgency_reason: str = "",
    scrutiny_chair: str = "",
    scrutiny_agreed_on: date | None = None,
    resolution: Resolution | None = None,
) -> ForwardPlanEntry:
    """Publish an entry in the organisation's forward plan; a key decision expected before
    28 clear days have passed is refused unless an exception is recorded."""
    _require_publisher(actor, organisation)
    first_published = first_published or timezone.localdate()
    _check_day("first_published", first_published, "date first published")
    entry = ForwardPlanEntry(organisation=organisation, first_published=first_published)
    _apply_entry(
        entry,
        title=title,
        decision_maker_body=decision_maker_body,
        decision_maker_role=decision_maker_role,
        is_key_decision=is_key_decision,
        expected_on=expected_on,
        month_only=month_only,
        in_private=in_private,
        exempt_paragraph=exempt_paragraph,
        private_reason=private_reason,
        documents=documents,
        lead_officer=lead_officer,
        representations=representations,
        urgency=urgency,
        urgency_reason=urgency_reason,
        scrutiny_chair=scrutiny_chair,
        scrutiny_agreed_on=scrutiny_agreed_on,
        resolution=resolution,
    )
    with transaction.atomic():
        save_record(entry, actor=actor, reason="Published in the forward plan")
        if resolution is not None:
            resolution_refresh_from_ratifications(
                resolution=resolution, actor=actor, reason="Published in the forward plan"
            )
        return entry


ENTRY_TEXT = (
    "title",
    "decision_maker_role",
    "private_reason",
    "documents",
    "lead_officer",
    "representations",
    "urgency_reason",
    "scrutiny_chair",
)


def _apply_entry(entry: ForwardPlanEntry, **fields) -> None:
    """Set an entry's fields and check them: the decision-maker is the organisation's, a key
    decision has its 28 clear days from the date first published (or a recorded exception),
    and the resolution it ratifies was routed to the organisation."""
    organisation = entry.organisation
    for name, value in fields.items():
        setattr(entry, name, value.strip() if name in ENTRY_TEXT else value)
    if not entry.in_private:
        entry.exempt_paragraph, entry.private_reason = None, ""
    if entry.urgency not in Urgency.values:
        raise ValidationError({"urgency": "Choose the exception, if any."})
    if not entry.is_key_decision:
        entry.urgency, entry.urgency_reason = "", ""
        entry.scrutiny_chair, entry.scrutiny_agreed_on = "", None
    _check_body(entry.decision_maker_body, organisation)
    _check_exception(
        entry.urgency, entry.urgency_reason, entry.scrutiny_chair, entry.scrutiny_agreed_on
    )
    if (
        entry.is_key_decision
        and not entry.urgency
        and not has_full_notice(entry.first_published, entry.expected_on)
    ):
        raise ValidationError(
            {"expected_on": notice_refusal(entry.first_published, entry.expected_on)}
        )
    resolution = entry.resolution
    if (
        resolution is not None
        and not resolution.ratifications.filter(organisation=organisation).exists()
    ):
        raise ValidationError(
            {"resolution": f"{resolution} was not routed to {organisation} for ratification."}
        )


def _require_reason(reason: str) -> str:
    if not reason.strip():
        raise ValidationError({"reason": "Say what changed and why: it is shown in the history."})
    return reason.strip()


def forward_plan_update(
    *, entry: ForwardPlanEntry, actor, expected_version: int | None, reason: str, **fields
) -> ForwardPlanEntry:
    """Change a published forward plan entry, its reason kept in the entry's history. The date
    first published, from which the 28 clear days count, stays; once the decision notice is
    published the entry stands as it was."""
    _require_publisher(actor, entry.organisation)
    reason = _require_reason(reason)
    with transaction.atomic():
        locked = lock_for_edit(
            ForwardPlanEntry.objects.select_related("organisation"), entry.pk, expected_version
        )
        if locked.decision_notices.exists():
            raise ValidationError(
                "The decision notice of this entry is published, so the entry stands as it "
                "was; correct the decision notice instead."
            )
        _apply_entry(locked, **fields)
        return save_record(locked, actor=actor, reason=f"Changed: {reason}")


NOTICE_TEXT = ("title", "decision", "reasons", "alternatives", "interests")


def decision_notice_correct(
    *,
    notice: DecisionNotice,
    actor,
    expected_version: int | None,
    reason: str,
    **text: str,
) -> DecisionNotice:
    """Correct the words of a published decision notice, its reason kept in the notice's
    history. Its dates and call-in clock do not change: a different decision needs a new
    notice."""
    _require_publisher(actor, notice.organisation)
    reason = _require_reason(reason)
    unknown = set(text) - set(NOTICE_TEXT)
    if unknown:
        raise ValidationError(f"Only the words of a notice are corrected, not {sorted(unknown)}.")
    with transaction.atomic():
        locked = lock_for_edit(DecisionNotice.objects.all(), notice.pk, expected_version)
        for name, value in text.items():
            setattr(locked, name, value.strip())
        locked.interests = locked.interests or "None declared."
        return save_record(locked, actor=actor, reason=f"Corrected: {reason}")


def forward_plan_record_exception(
    *,
    entry: ForwardPlanEntry,
    actor,
    expected_version: int | None,
    urgency: str,
    urgency_reason: str,
    scrutiny_chair: str,
    scrutiny_agreed_on: date | None,
) -> ForwardPlanEntry:
    """Record a general exception or special urgency on an entry whose decision cannot wait
    for its 28 clear days."""
    _require_publisher(actor, entry.organisation)
    if urgency not in (Urgency.GENERAL_EXCEPTION, Urgency.SPECIAL_URGENCY):
        raise ValidationError({"urgency": "Choose general exception or special urgency."})
    _check_exception(urgency, urgency_reason, scrutiny_chair, scrutiny_agreed_on)
    with transaction.atomic():
        locked = lock_for_edit(ForwardPlanEntry.objects.all(), entry.pk, expected_version)
        if not locked.is_key_decision:
            raise ValidationError("Only a key decision needs 28 clear days' notice.")
        locked.urgency = urgency
        locked.urgency_reason = urgency_reason.strip()
        locked.scrutiny_chair = scrutiny_chair.strip()
        locked.scrutiny_agreed_on = scrutiny_agreed_on
        return save_record(locked, actor=actor, reason=f"{Urgency(urgency).label} recorded")


def _ratification_for(
    organisation: Organisation, entry: ForwardPlanEntry | None, ratification
) -> Ratification | None:
    """The ratification the notice publishes: the one given, or the organisation's ratification
    of the entry's resolution."""
    if ratification is None and entry is not None and entry.resolution_id is not None:
        ratification = Ratification.objects.filter(
            resolution_id=entry.resolution_id, organisation=organisation
        ).first()
    if ratification is None:
        return None
    if ratification.organisation_id != organisation.pk:
        raise ValidationError(f"That ratification is not {organisation}'s.")
    if entry is not None and entry.resolution_id not in (None, ratification.resolution_id):
        raise ValidationError("The forward plan entry is about another resolution.")
    if ratification.status not in DECIDED:
        raise ValidationError(
            f"{organisation}'s outcome on {ratification.resolution} is "
            f"{ratification.get_status_display().lower()}: record the decision as its "
            "ratification outcome first, then publish its notice."
        )
    return ratification


def decision_notice_publish(
    *,
    organisation: Organisation,
    actor,
    title: str,
    decision: str,
    reasons: str,
    alternatives: str,
    decided_on: date | None = None,
    interests: str = "None declared.",
    published_on: date | None = None,
    forward_plan_entry: ForwardPlanEntry | None = None,
    ratification: Ratification | None = None,
    decision_maker_body: Body | None = None,
    decision_maker_role: str = "",
    is_key_decision: bool | None = None,
    urgent: bool = False,
    urgency_reason: str = "",
    exempt_paragraph: int | None = None,
) -> DecisionNotice:
    """Publish the notice of an executive decision, which opens its call-in period (none for
    an urgent decision, which takes effect on publication)."""
    _require_publisher(actor, organisation)
    entry = forward_plan_entry
    if entry is not None and entry.organisation_id != organisation.pk:
        raise ValidationError(f"That forward plan entry is not {organisation}'s.")
    ratification = _ratification_for(organisation, entry, ratification)
    if decided_on is None and ratification is not None:
        decided_on = ratification.decided_on
    if decided_on is None:
        raise ValidationError({"decided_on": "Enter the date of the decision."})
    published_on = published_on or timezone.localdate()
    _check_day("decided_on", decided_on, "date of the decision")
    _check_day("published_on", published_on, "date published")
    if entry is not None:
        decision_maker_body = decision_maker_body or entry.decision_maker_body
        decision_maker_role = decision_maker_role or entry.decision_maker_role
        if is_key_decision is None:
            is_key_decision = entry.is_key_decision
        if exempt_paragraph is None:
            exempt_paragraph = entry.exempt_paragraph
    is_key_decision = bool(is_key_decision)
    _check_body(decision_maker_body, organisation)
    if is_key_decision:
        if entry is None:
            raise ValidationError(
                {
                    "forward_plan_entry": "A key decision is published in the forward plan "
                    "first: choose its entry."
                }
            )
        if not entry.urgency and not has_full_notice(entry.first_published, decided_on):
            refusal = notice_refusal(entry.first_published, decided_on)
            raise ValidationError({"decided_on": refusal})
    if urgent and not urgency_reason.strip():
        raise ValidationError({"urgency_reason": "Say why the decision cannot wait for call-in."})
    notice = DecisionNotice(
        organisation=organisation,
        forward_plan_entry=entry,
        ratification=ratification,
        decision_maker_body=decision_maker_body,
        decision_maker_role=decision_maker_role.strip(),
        title=title.strip(),
        decision=decision.strip(),
        reasons=reasons.strip(),
        alternatives=alternatives.strip(),
        interests=interests.strip() or "None declared.",
        is_key_decision=is_key_decision,
        decided_on=decided_on,
        published_on=published_on,
        urgent=urgent,
        urgency_reason=urgency_reason.strip() if urgent else "",
        exempt_paragraph=exempt_paragraph,
    )
    if urgent:
        notice.takes_effect_on = published_on
    else:
        notice.call_in_deadline = call_in_deadline(published_on, organisation.call_in_working_days)
        notice.takes_effect_on = next_working_day(notice.call_in_deadline)
    with transaction.atomic():
        if ratification is not None:
            # Lock the resolution, then the ratification, as recording an outcome does: two
            # notices for it wait for each other, and its status is derived after both.
            Resolution.objects.select_for_update().get(pk=ratification.resolution_id)
            Ratification.objects.select_for_update().get(pk=ratification.pk)
            standing = DecisionNotice.objects.filter(ratification=ratification).exclude(
                call_in__outcome__in=[Outcome.REFERRED_BACK, Outcome.REFERRED_TO_COUNCIL]
            )
            if standing.exists():
                raise ValidationError(
                    f"{organisation}'s decision on {ratification.resolution} already has its "
                    "notice; a new one follows only a call-in that referred it back."
                )
        save_record(notice, actor=actor, reason="Decision notice published")
        _refresh(notice, actor, "Decision notice published")
        return notice


def _refresh(notice: DecisionNotice, actor, reason: str) -> None:
    """The status of the resolution the notice's decision ratifies, which counts that decision
    only once it has taken effect."""
    if notice.ratification_id is not None:
        resolution = Resolution.objects.get(ratifications__pk=notice.ratification_id)
        resolution_refresh_from_ratifications(resolution=resolution, actor=actor, reason=reason)


def resolutions_refresh_on_taking_effect(*, today: date | None = None) -> int:
    """Refresh the status of each resolution awaiting ratification whose organisations'
    decisions have taken effect by today (run daily: a decision takes effect when its call-in
    period ends, with nobody acting). Returns how many changed."""
    today = today or timezone.localdate()
    due = Resolution.objects.filter(
        status=Resolution.Status.AWAITING_RATIFICATION,
        ratifications__decision_notices__takes_effect_on__lte=today,
    ).distinct()
    changed = 0
    for resolution in due:
        with transaction.atomic():
            refreshed = resolution_refresh_from_ratifications(
                resolution=resolution, actor=None, reason="Decisions took effect"
            )
        changed += refreshed.status != resolution.status
    return changed


def signatory_names(signatories: str | list[str]) -> list[str]:
    """The names that sign a call-in, one a line, each counted once."""
    lines = signatories.splitlines() if isinstance(signatories, str) else signatories
    names: dict[str, str] = {}
    for line in lines:
        if line.strip():
            names.setdefault(" ".join(line.split()).casefold(), line.strip())
    return list(names.values())


def call_in_request(
    *,
    notice: DecisionNotice,
    scrutiny_body: Body,
    actor,
    reasons: str,
    signatories: str | list[str],
    on: date | None = None,
) -> CallIn:
    """Scrutiny members call the decision in before its deadline: it is suspended until the
    scrutiny committee has considered it."""
    if not can_call_in(actor, notice, scrutiny_body):
        raise PermissionDenied(
            f"Only scrutiny members of {notice.organisation}'s scrutiny committees call in its "
            "decisions."
        )
    on = on or timezone.localdate()
    names = signatory_names(signatories)
    errors = {}
    if not reasons.strip():
        errors["reasons"] = "Say why the decision is called in."
    needed = notice.organisation.call_in_signatures
    if len(names) < needed:
        errors["signatories"] = (
            f"A call-in of {notice.organisation}'s decisions needs {needed} scrutiny members' "
            f"signatures; this has {len(names)}."
        )
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        locked = lock_for_edit(
            DecisionNotice.objects.select_related("organisation"), notice.pk, None
        )
        if locked.urgent:
            raise ValidationError(
                f"This decision was taken as urgent and is exempt from call-in: "
                f"{locked.urgency_reason}"
            )
        if CallIn.objects.filter(notice=locked).exists():
            raise ValidationError("This decision has already been called in.")
        if on < locked.published_on:
            raise ValidationError("A decision cannot be called in before its notice is published.")
        if on > locked.call_in_deadline:
            raise ValidationError(
                f"The call-in period ended on {long_date(locked.call_in_deadline)}; the decision "
                "can no longer be called in."
            )
        call_in = CallIn(
            notice=locked,
            scrutiny_body=scrutiny_body,
            requested_by=actor if getattr(actor, "is_authenticated", False) else None,
            requested_on=on,
            reasons=reasons.strip(),
            signatories="\n".join(names),
        )
        save_record(call_in, actor=actor, reason="Called in")
        locked.takes_effect_on = None
        save_record(locked, actor=actor, reason="Called in: suspended until scrutiny decides")
        _refresh(locked, actor, "Called in")
        return call_in


def call_in_record_outcome(
    *,
    call_in: CallIn,
    outcome: str,
    actor,
    expected_version: int | None,
    on: date | None = None,
    note: str = "",
) -> CallIn:
    """Record what the scrutiny committee decided: with no further action the decision takes
    effect that day; referred back or to full council, it stays suspended."""
    if not can_record_call_in_outcome(actor, call_in):
        raise PermissionDenied(f"Only the clerks of {call_in.scrutiny_body} record its outcome.")
    if outcome not in OUTCOMES:
        raise ValidationError({"outcome": "Choose what the scrutiny committee decided."})
    on = on or timezone.localdate()
    _check_day("outcome_on", on, "date of the scrutiny committee's decision")
    with transaction.atomic():
        notice = lock_for_edit(DecisionNotice.objects.all(), call_in.notice_id, None)
        locked = lock_for_edit(CallIn.objects.all(), call_in.pk, expected_version)
        if locked.outcome:
            raise ValidationError(
                f"The scrutiny committee's outcome is already recorded: "
                f"{locked.get_outcome_display().lower()}."
            )
        if on < locked.requested_on:
            raise ValidationError(
                {"outcome_on": "The scrutiny committee cannot decide before the call-in."}
            )
        locked.outcome = outcome
        locked.outcome_on = on
        locked.outcome_note = note.strip()
        save_record(locked, actor=actor, reason=f"Outcome: {locked.get_outcome_display()}")
        if outcome == Outcome.NO_FURTHER_ACTION:
            notice.takes_effect_on = on
            save_record(notice, actor=actor, reason="Call-in ended: the decision takes effect")
        _refresh(notice, actor, f"Call-in outcome: {locked.get_outcome_display()}")
        return locked
