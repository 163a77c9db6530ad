"""Recording the assurance a meeting gave on a risk (the board assurance framework)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet

from governance.models import Body, PartnershipMember, Risk
from ics_portal.common.records import save_record
from meetings.models import AgendaItem, Meeting, RiskAssurance


def assurable_risks(body: Body) -> QuerySet[Risk]:
    """The open risks a body's meetings can give assurance on: those on its own register, on
    the register of the body it reports to, on its partnership's register, and (a body of an
    organisation, such as an ICB board) on the registers of the partnerships its organisation
    is a member of now."""
    registers = Q(body=body)
    if body.parent_id:
        registers |= Q(body_id=body.parent_id)
    if body.partnership_id:
        registers |= Q(partnership_id=body.partnership_id)
    if body.organisation_id:
        member_of = PartnershipMember.objects.filter(
            organisation_id=body.organisation_id, left__isnull=True
        ).values("partnership_id")
        registers |= Q(partnership_id__in=member_of)
    return Risk.objects.filter(registers, status=Risk.Status.OPEN)


def risk_assurance_record(
    *, item: AgendaItem, risk: Risk, level: str, note: str = "", actor
) -> RiskAssurance:
    """Record that an item of a published meeting gave assurance on a risk the body answers
    for; a risk on another register, or a meeting not yet published, is refused."""
    with transaction.atomic():
        meeting = (
            Meeting.objects.select_for_update().select_related("body").get(pk=item.meeting_id)
        )
        if not meeting.is_published:
            raise ValidationError(
                "Publish the agenda first: assurance is recorded against business the "
                "meeting has published."
            )
        if meeting.status == Meeting.Status.CANCELLED:
            raise ValidationError("This meeting was cancelled.")
        if not assurable_risks(meeting.body).filter(pk=risk.pk).exists():
            raise ValidationError(
                {
                    "risk": f"Risk {risk.reference} is not an open risk on the register of "
                    f"{meeting.body}, of the body it reports to, or of a partnership it or its "
                    "organisation belongs to."
                }
            )
        assurance = RiskAssurance(item=item, risk=risk, level=level, note=note.strip())
        return save_record(assurance, actor=actor, reason="Assurance recorded")
