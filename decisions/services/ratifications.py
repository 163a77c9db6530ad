"""Ratifications: routing an agreement in principle to the sovereign organisations, and
recording each organisation's own decision on it."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.tasks import task
from django.urls import reverse
from django.utils import timezone

from alerts.announce import followers, short_date
from alerts.mail import Letter, deliver, portal_url
from alerts.models import Follow, SentEmail
from decisions.access import can_record_ratification, withheld_fields
from decisions.announcements import announce_routed
from decisions.models import Ratification, Resolution, ratification_progress
from decisions.services.resolutions import resolution_refresh_from_ratifications
from governance.models import Body, Organisation, PartnershipMember, RoleAssignment
from ics_portal.common.records import check_version, save_record

Route = tuple[Organisation, Body | None, date]
S = Ratification.Status
DEFAULT_WEEKS_TO_RATIFY = 8
OUTCOMES = [S.SCHEDULED, S.RATIFIED, S.RATIFIED_WITH_AMENDMENT, S.REJECTED, S.WITHDRAWN]


def long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


# Routing


def default_organisations(resolution: Resolution) -> list[Organisation]:
    """The partnership's current member organisations; none for a body an organisation owns."""
    body = resolution.body
    if body.partnership_id is None:
        return []
    today = timezone.localdate()
    members = (
        PartnershipMember.objects.filter(partnership_id=body.partnership_id, joined__lte=today)
        .filter(Q(left__isnull=True) | Q(left__gte=today))
        .select_related("organisation__ratifying_body")
        .order_by("organisation__name")
    )
    seen: dict[int, Organisation] = {}
    for member in members:
        seen.setdefault(member.organisation_id, member.organisation)
    return list(seen.values())


def default_due_date(resolution: Resolution) -> date:
    return resolution.meeting.date + timedelta(weeks=DEFAULT_WEEKS_TO_RATIFY)


def _locked_resolution(pk: int) -> Resolution:
    return (
        Resolution.objects.select_for_update().select_related("body", "meeting", "item").get(pk=pk)
    )


def ratification_route(
    *, resolution: Resolution, routes: Iterable[Route], actor, base_url: str = ""
) -> list[Ratification]:
    """Route an agreement in principle to the organisations that must ratify it; each one's
    governance leads are emailed once the routing commits."""
    routes = list(routes)
    with transaction.atomic():
        resolution = _locked_resolution(resolution.pk)
        if resolution.kind != Resolution.Kind.AGREEMENT_IN_PRINCIPLE:
            raise ValidationError(
                f"{resolution} is a {resolution.get_kind_display().lower()}; only an agreement "
                "in principle is routed to the organisations for ratification."
            )
        if not resolution.can_be_routed:
            raise ValidationError(
                f"{resolution} is {resolution.get_status_display().lower()}; it can be routed "
                "for ratification only until every organisation has decided."
            )
        if not routes:
            raise ValidationError("Choose at least one organisation that must ratify it.")
        made_on = resolution.meeting.date
        routed = set(resolution.ratifications.values_list("organisation_id", flat=True))
        created = []
        for organisation, ratifying_body, due_date in routes:
            if organisation.pk in routed:
                raise ValidationError(f"{organisation} is already on the routing of {resolution}.")
            routed.add(organisation.pk)
            if due_date is None:
                raise ValidationError(f"Enter the date by which {organisation} must decide.")
            if due_date < made_on:
                raise ValidationError(
                    f"The due date for {organisation} ({long_date(due_date)}) is before the "
                    f"resolution was made on {long_date(made_on)}."
                )
            ratification = Ratification(
                resolution=resolution,
                organisation=organisation,
                ratifying_body=ratifying_body or organisation.ratifying_body,
                due_date=due_date,
            )
            created.append(
                save_record(ratification, actor=actor, reason="Routed for ratification")
            )
        resolution_refresh_from_ratifications(resolution=resolution, actor=actor)
        ids = [ratification.pk for ratification in created]
        transaction.on_commit(
            functools.partial(send_ratification_requests.enqueue, ids, _base(base_url))
        )
        transaction.on_commit(
            functools.partial(announce_routed.enqueue, resolution.pk, _base(base_url))
        )
        return created


def _base(base_url: str) -> str:
    return portal_url(base_url)


def governance_lead_emails(organisation_id: int) -> list[str]:
    """The addresses of the organisation's governance leads who can be written to."""
    return who_will_be_told([organisation_id]).get(organisation_id, [])


def who_will_be_told(organisation_ids: Iterable[int]) -> dict[int, list[str]]:
    """For each organisation, the addresses of its governance leads who can be written to (one
    query); an organisation with none is absent, so the clerk can be warned before routing."""
    rows = (
        RoleAssignment.objects.filter(
            role=RoleAssignment.Role.GOVERNANCE_LEAD,
            organisation_id__in=list(organisation_ids),
            user__is_active=True,
        )
        .exclude(user__email="")
        .order_by("organisation_id", "user__email")
        .values_list("organisation_id", "user__email")
        .distinct()
    )
    told: dict[int, list[str]] = {}
    for organisation_id, email in rows:
        told.setdefault(organisation_id, []).append(email)
    return told


def clerk_users(body_id: int) -> list:
    """The body's active clerks who have an email address."""
    return list(
        get_user_model()
        .objects.filter(
            is_active=True,
            role_assignments__role=RoleAssignment.Role.CLERK,
            role_assignments__body_id=body_id,
        )
        .exclude(email="")
        .order_by("email")
        .distinct()
    )


def governance_leads(organisation_id: int) -> list:
    """The organisation's active governance leads who have an email address."""
    return list(
        get_user_model()
        .objects.filter(
            is_active=True,
            role_assignments__role=RoleAssignment.Role.GOVERNANCE_LEAD,
            role_assignments__organisation_id=organisation_id,
        )
        .exclude(email="")
        .order_by("email")
        .distinct()
    )


@task
def send_ratification_requests(ratification_ids: list[int], base_url: str) -> int:
    """Tell each organisation's governance leads what they must ratify, by when, and where."""
    sent = 0
    ratifications = Ratification.objects.filter(pk__in=ratification_ids).select_related(
        "organisation", "ratifying_body", "resolution__body", "resolution__meeting"
    )
    for ratification in ratifications:
        resolution = ratification.resolution
        link = _base(base_url) + reverse(
            "decisions:ratification_outcome", args=[resolution.pk, ratification.pk]
        )
        for lead in governance_leads(ratification.organisation_id):
            deliver(
                Letter(
                    to=lead.email,
                    user=lead,
                    subject=(
                        f"Ratification requested by {short_date(ratification.due_date)}: "
                        f"{resolution} — {ratification.organisation}"
                    ),
                    template="decisions/email/ratification_request",
                    why=SentEmail.Why.RATIFICATION_REQUEST,
                    about=ratification,
                    link=link,
                    context={
                        "ratification": ratification,
                        "resolution": resolution,
                        "ratifying": ratification.ratifying_body
                        or "the body that ratifies for you",
                    },
                ),
                base_url=base_url,
            )
            sent += 1
    return sent


# Outcomes


def ratification_for(*, resolution: Resolution, organisation: Organisation) -> Ratification:
    """The organisation's ratification of the resolution, refusing one not on the routing."""
    found = (
        Ratification.objects.select_related("organisation", "resolution__body")
        .filter(resolution=resolution, organisation=organisation)
        .first()
    )
    if found is None:
        raise ValidationError(
            f"{organisation} is not on the routing of {resolution}; only the organisations it "
            "was routed to record an outcome."
        )
    return found


def _final_message(ratification: Ratification) -> str:
    outcome = ratification.get_status_display().lower()
    when = ratification.decided_on or timezone.localdate(ratification.modified)
    return (
        f"{ratification.organisation}'s outcome is final: {outcome} on {long_date(when)}. "
        "It cannot be changed."
    )


def _required(errors: dict, field: str, value, message: str) -> None:
    if not value or (isinstance(value, str) and not value.strip()):
        errors[field] = message


def ratification_record_outcome(
    *,
    ratification: Ratification,
    outcome: str,
    actor,
    expected_version,
    scheduled_for: str = "",
    minute_reference: str = "",
    decided_on: date | None = None,
    amendment: str = "",
    reason: str = "",
    note: str = "",
    resolution: Resolution | None = None,
    base_url: str = "",
) -> Ratification:
    """Record an organisation's outcome: scheduled, ratified (with or without amendment),
    rejected or withdrawn; the resolution's status then follows from its ratifications, and
    the clerks of the body that made it are emailed once the outcome commits."""
    if resolution is not None and ratification.resolution_id != resolution.pk:
        raise ValidationError(
            f"{ratification.organisation} is not on the routing of {resolution}; only the "
            "organisations it was routed to record an outcome."
        )
    if not can_record_ratification(actor, ratification.organisation):
        raise PermissionDenied(
            f"Only {ratification.organisation}'s governance leads record its outcome."
        )
    if outcome not in OUTCOMES:
        raise ValidationError({"outcome": "Choose the outcome."})
    errors: dict[str, str] = {}
    if outcome == S.SCHEDULED:
        _required(
            errors, "scheduled_for", scheduled_for, "Enter the meeting that will consider it."
        )
    if outcome in (S.RATIFIED, S.RATIFIED_WITH_AMENDMENT):
        _required(errors, "minute_reference", minute_reference, "Enter your own minute reference.")
        _required(errors, "decided_on", decided_on, "Enter the date it was decided.")
    if outcome == S.RATIFIED_WITH_AMENDMENT:
        _required(errors, "amendment", amendment, "Enter the amendment.")
    if outcome in (S.REJECTED, S.WITHDRAWN):
        _required(errors, "reason", reason, f"Enter why it was {S(outcome).label.lower()}.")
    if errors:
        raise ValidationError(errors)

    with transaction.atomic():
        # Lock the resolution first, then the ratification: two leads recording outcomes for
        # the same resolution at once queue here, so the status derived below sees both.
        resolution = _locked_resolution(ratification.resolution_id)
        locked = (
            Ratification.objects.select_for_update()
            .select_related("organisation")
            .get(pk=ratification.pk)
        )
        if locked.is_final:
            raise ValidationError(_final_message(locked))
        check_version(locked, expected_version)
        locked.version += 1
        made_on = resolution.meeting.date
        if decided_on is not None and outcome != S.SCHEDULED:
            if decided_on > timezone.localdate():
                raise ValidationError({"decided_on": "The date decided cannot be in the future."})
            if decided_on < made_on:
                raise ValidationError(
                    {
                        "decided_on": f"The date decided ({long_date(decided_on)}) is before "
                        f"the resolution was made on {long_date(made_on)}."
                    }
                )
        locked.status = outcome
        locked.note = note.strip()
        if outcome == S.SCHEDULED:
            locked.scheduled_for = scheduled_for.strip()
        else:
            locked.minute_reference = minute_reference.strip()
            locked.decided_on = decided_on
            locked.amendment = amendment.strip() if outcome == S.RATIFIED_WITH_AMENDMENT else ""
            locked.reason = reason.strip() if outcome in (S.REJECTED, S.WITHDRAWN) else ""
        save_record(locked, actor=actor, reason=f"Outcome recorded: {locked.get_status_display()}")
        resolution_refresh_from_ratifications(resolution=resolution, actor=actor)
        transaction.on_commit(
            functools.partial(send_outcome_notice.enqueue, locked.pk, _base(base_url))
        )
        return locked


@task
def send_outcome_notice(ratification_id: int, base_url: str) -> int:
    """Tell the clerks of the body that made the resolution, and those who follow the decision,
    what an organisation decided and where the resolution now stands. What each reader may not
    see (Part II text) is left out, as `decisions.access.withheld_fields` says."""
    ratification = Ratification.objects.select_related(
        "organisation",
        "ratifying_body",
        "resolution__body__partnership",
        "resolution__body__organisation",
        "resolution__meeting__body",
        "resolution__item__meeting__body",
        "resolution__item__supplement",
    ).get(pk=ratification_id)
    resolution = ratification.resolution
    everyone = list(resolution.ratifications.select_related("organisation"))
    all_decided = all(each.is_final for each in everyone)
    status = ratification.get_status_display().lower()
    subject = f"{ratification.organisation}: {status} – {resolution}"
    if all_decided and ratification.is_final:
        subject = f"All organisations decided: {resolution} – {ratification.organisation} {status}"
    readers: list[tuple[object, str, Follow | None]] = [
        (clerk, clerk.email, None) for clerk in clerk_users(resolution.body_id)
    ]
    told = {address.lower() for _, address, _ in readers}
    # Every organisation decided: those who follow the body hear of it too.
    body = resolution.body
    also = (body, body.partnership, body.organisation) if all_decided else ()
    for follow in followers(resolution, *also, skip=told):
        readers.append((follow.user, follow.address, follow))
    sent = 0
    for user, address, follow in readers:
        viewer = user or AnonymousUser()
        hidden = withheld_fields(viewer, ratification) | withheld_fields(viewer, resolution)
        if "id" in hidden:
            continue  # a follower who may no longer see the decision hears nothing of it
        deliver(
            Letter(
                to=address,
                user=user,
                subject=subject,
                template="decisions/email/ratification_outcome",
                why=SentEmail.Why.ALL_DECIDED if all_decided else SentEmail.Why.OUTCOME_RECORDED,
                about=ratification,
                link=_base(base_url) + resolution.get_absolute_url(),
                follow=follow,
                context={
                    "ratification": ratification,
                    "resolution": resolution,
                    "progress": ratification_progress(everyone),
                    "show_text": "parts" not in hidden,
                    "show_details": not {"amendment", "reason", "note"} & hidden,
                    "exempt_notice": resolution.item.exempt_notice,
                    "because": f"You follow {resolution}",
                },
            ),
            base_url=base_url,
        )
        sent += 1
    return sent
