"""The clerk's pages for what happened at a meeting: attendance, declarations, minutes."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from governance.access import can_edit_body, require
from governance.models import Membership, Person
from governance.models.terms import follows_nhs_rules
from ics_portal.common.forms import run_service
from meetings.access import can_record_for
from meetings.forms.proceedings import (
    ApproveForm,
    AttendanceForm,
    DeclarationEditForm,
    DeclarationForm,
    DeclarationRemoveForm,
    MinutesForm,
)
from meetings.models import AgendaItem, Declaration, Meeting
from meetings.quorum import members_on
from meetings.selectors.proceedings import approval_candidates, proceedings_for, seats_in_order
from meetings.services import proceedings as services

EDIT = require_http_methods(["GET", "POST"])


def _meeting_for_clerk(request: HttpRequest, pk: int) -> Meeting:
    meeting = get_object_or_404(Meeting.objects.select_related("body"), pk=pk)
    require(can_edit_body(request.user, meeting.body))
    return meeting


@login_required
@EDIT
def attendance_edit(request: HttpRequest, pk: int, body: str = "") -> HttpResponse:
    """The attendance of a meeting; at a meeting held in common, of one sitting body (by
    default the lead body), recorded by those who record for it (`can_record_for`)."""
    meeting = get_object_or_404(Meeting.objects.select_related("body"), pk=pk)
    sitting = meeting.body
    if body:
        sitting = next((b for b in meeting.sitting_bodies if b.slug == body), None)
        if sitting is None:
            raise Http404("That body is not sitting at this meeting.")
    require(can_record_for(request.user, meeting, sitting))
    lead = sitting.pk == meeting.body_id
    memberships = list(members_on(sitting.pk, meeting.date).prefetch_related("substitutes"))
    seats, seen = [], set()
    for seat in seats_in_order(memberships):
        if seat.person_id not in seen:
            seen.add(seat.person_id)
            seats.append(seat)
    officer_people = sorted(
        {m.person for m in memberships if m.role == Membership.Role.OFFICER},
        key=lambda p: p.name,
    )
    rows = {row.person_id: row for row in meeting.attendance.select_related("person")}
    if meeting.held_in_common:
        rows = services.attendance_rows_of(meeting, sitting, rows)
    form = AttendanceForm(
        request.POST or None,
        seats=seats,
        officer_people=officer_people,
        people=list(Person.objects.order_by("name")),
        rows=rows,
        officers=lead,
    )
    if request.method == "POST" and form.is_valid():
        saved = run_service(
            form,
            lambda: services.attendance_record(
                meeting=meeting,
                entries=form.cleaned_data["entries"],
                actor=request.user,
                expected_versions=form.cleaned_data["versions"],
                body=sitting,
            ),
        )
        if saved is not None:
            messages.success(request, f"Attendance of the {sitting} recorded.")
            return redirect(meeting)
    return render(
        request,
        "meetings/proceedings/attendance_form.html",
        {
            "meeting": meeting,
            "sitting": sitting,
            "form": form,
            "rows": rows,
            "refusal": services.attendance_refusal(meeting),
        },
    )


@login_required
@EDIT
def declaration_create(request: HttpRequest, pk: int, position: int) -> HttpResponse:
    meeting = _meeting_for_clerk(request, pk)
    item = get_object_or_404(AgendaItem, meeting=meeting, position=position)
    item.meeting = meeting
    form = DeclarationForm(
        request.POST or None,
        people=services.present_people(meeting),
        nhs=follows_nhs_rules(meeting.body),
    )
    if request.method == "POST" and form.is_valid():
        saved = run_service(
            form,
            lambda: services.declaration_record(
                item=item, actor=request.user, **form.cleaned_data
            ),
        )
        if saved:
            messages.success(request, f"Declaration by {saved.person} recorded.")
            return redirect(item.get_absolute_url())
    intro = f"Item {item}."
    if not form.people:
        intro += " Nobody is recorded as present yet: record the attendance first."
    return render(
        request,
        "includes/form_page.html",
        {
            "form": form,
            "heading": "Record a declaration of interest",
            "intro": intro,
            "back": meeting,
            "button": "Record declaration",
        },
    )


def _declaration_for_clerk(request: HttpRequest, pk: int, declaration_pk: int) -> Declaration:
    declaration = get_object_or_404(
        Declaration.objects.select_related("item__meeting__body", "person"),
        pk=declaration_pk,
        item__meeting_id=pk,
    )
    require(can_edit_body(request.user, declaration.item.meeting.body))
    return declaration


@login_required
@EDIT
def declaration_edit(request: HttpRequest, pk: int, declaration_pk: int) -> HttpResponse:
    declaration = _declaration_for_clerk(request, pk, declaration_pk)
    item = declaration.item
    nhs = follows_nhs_rules(item.meeting.body)
    fields = ["kind", "description", "action", *services.DISPENSATION_FIELDS]
    if nhs:
        fields += services.NHS_MANAGEMENT_FIELDS
    form = DeclarationEditForm(
        request.POST or None,
        nhs=nhs,
        initial={"version": declaration.version, **{f: getattr(declaration, f) for f in fields}},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        saved = run_service(
            form,
            lambda: services.declaration_update(
                declaration=declaration,
                actor=request.user,
                reason=data["reason"],
                expected_version=data["version"],
                **{f: data[f] for f in fields},
            ),
        )
        if saved:
            messages.success(request, f"Declaration by {saved.person} corrected.")
            return redirect(item.get_absolute_url())
    return render(
        request,
        "includes/form_page.html",
        {
            "form": form,
            "heading": f"Correct the declaration by {declaration.person}",
            "intro": f"Item {item}. The change and its reason are kept in its change history.",
            "back": item.meeting,
            "button": "Save correction",
            "history_object": declaration,
        },
    )


@login_required
@EDIT
def declaration_remove(request: HttpRequest, pk: int, declaration_pk: int) -> HttpResponse:
    declaration = _declaration_for_clerk(request, pk, declaration_pk)
    item = declaration.item
    form = DeclarationRemoveForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        removed = run_service(
            form,
            lambda: (
                services.declaration_remove(
                    declaration=declaration, actor=request.user, reason=form.cleaned_data["reason"]
                )
                or True
            ),
        )
        if removed:
            messages.success(request, f"Declaration by {declaration.person} removed.")
            return redirect(item.get_absolute_url())
    return render(
        request,
        "includes/form_page.html",
        {
            "form": form,
            "heading": f"Remove the declaration by {declaration.person}",
            "intro": f"Item {item}: {declaration.get_kind_display()} – "
            f"{declaration.description}. Remove it only if it was recorded in error; its "
            "change history keeps it, with your reason.",
            "back": item.meeting,
            "button": "Remove declaration",
        },
    )


@login_required
@EDIT
def minutes_edit(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting_for_clerk(request, pk)
    items = list(meeting.items.select_related("minute").order_by("position"))
    form = MinutesForm(request.POST or None, items=items)
    if request.method == "POST" and form.is_valid():
        saved = run_service(
            form,
            lambda: services.minutes_draft_all(
                meeting=meeting, texts=form.texts(), versions=form.versions(), actor=request.user
            ),
        )
        if saved is not None:
            messages.success(request, "Draft minutes saved.")
            return redirect(meeting)
    approved_at = None
    if meeting.minutes_approved_at_id:
        approved_at = AgendaItem.objects.select_related("meeting").get(
            pk=meeting.minutes_approved_at_id
        )
    return render(
        request,
        "meetings/proceedings/minutes_form.html",
        {
            "meeting": meeting,
            "form": form,
            "items": items,
            "approved_at": approved_at,
            # The declarations on each item, shown beside its minute.
            "proceedings": proceedings_for(meeting, request.user),
        },
    )


@login_required
@EDIT
def minutes_approve(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting_for_clerk(request, pk)
    candidates = approval_candidates(meeting)
    initial = {}
    if request.GET.get("at", "").isdigit():
        initial["at_item"] = int(request.GET["at"])
    elif len(candidates) == 1:
        initial["at_item"] = candidates[0].pk
    form = ApproveForm(
        request.POST or None, initial=initial, candidates=candidates, meeting=meeting
    )
    if request.method == "POST" and form.is_valid():
        saved = run_service(
            form,
            lambda: services.minutes_approve(
                meeting=meeting, at_item=form.cleaned_data["at_item"], actor=request.user
            ),
        )
        if saved:
            messages.success(request, f"The minutes of {meeting} are approved.")
            return redirect(meeting)
    return render(
        request,
        "meetings/proceedings/approve_form.html",
        {"meeting": meeting, "form": form, "candidates": candidates},
    )
