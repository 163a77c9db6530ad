"""Meetings, agendas and work programmes: public pages and the clerk's agenda builder."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Prefetch, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from governance.access import can_clerk_any, can_edit_body, editable_bodies_q, require
from governance.models import Body
from governance.models.terms import exemption_regime
from ics_portal.common.forms import run_service
from ics_portal.common.pages import uncounted_page
from meetings.access import can_see_item, can_see_meeting_exempt, item_views, report_writing
from meetings.exclusion import exclusion_for
from meetings.filters import MeetingFilter
from meetings.forms.agenda import (
    AgendaItemEditForm,
    AgendaItemForm,
    ConfirmForm,
    InCommonForm,
    ItemReviseForm,
    MeetingEditForm,
    MeetingForm,
    PastPublicationForm,
    PublishForm,
    SupplementPublishForm,
    ToAgendaForm,
    WorkProgrammeEntryEditForm,
    WorkProgrammeEntryForm,
)
from meetings.models import AgendaItem, AgendaRevision, Meeting, Supplement, WorkProgrammeEntry
from meetings.selectors.proceedings import proceedings_for
from meetings.services import agenda as services
from meetings.services.packs import pack_downloads
from meetings.working_days import clear_working_days_between, is_late, latest_publication_date

EDIT = require_http_methods(["GET", "POST"])
MEETINGS_PER_PAGE = 25
RECENT_MEETINGS = 5
ITEM_FIELDS = [
    "title",
    "purpose",
    "lead_officer",
    "is_exempt",
    "exempt_paragraph",
    "exempt_reason",
]


def _visible_meetings(user):
    """Published agendas for everyone; drafts only for those who edit the body."""
    return Meeting.objects.select_related("body").filter(
        Q(agenda_published_at__isnull=False) | editable_bodies_q(user)
    )


def _meeting_for_clerk(request: HttpRequest, pk: int) -> Meeting:
    meeting = get_object_or_404(Meeting.objects.select_related("body"), pk=pk)
    require(can_edit_body(request.user, meeting.body))
    return meeting


def _item_for_clerk(request: HttpRequest, pk: int, item_pk: int) -> AgendaItem:
    item = get_object_or_404(
        AgendaItem.objects.select_related("meeting__body", "supplement"),
        pk=item_pk,
        meeting_id=pk,
    )
    require(can_edit_body(request.user, item.meeting.body))
    return item


def _body_for_clerk(request: HttpRequest, slug: str) -> Body:
    body = get_object_or_404(Body, slug=slug)
    require(can_edit_body(request.user, body))
    return body


def _posted(request: HttpRequest):
    """The submitted data on a POST (even an empty one), else None for an unbound form."""
    return request.POST if request.method == "POST" else None


def _form_page(request: HttpRequest, form, **context) -> HttpResponse:
    return render(request, "includes/form_page.html", {"form": form, **context})


def _confirm_page(request: HttpRequest, form, **context) -> HttpResponse:
    return render(request, "meetings/agenda/confirm.html", {"form": form, **context})


# Public pages


@require_GET
def meeting_list(request: HttpRequest) -> HttpResponse:
    """Upcoming meetings with the most recent ones beside them; ?when=past for all past ones."""
    filterset = MeetingFilter(request.GET or None, queryset=_visible_meetings(request.user))
    meetings = filterset.qs
    when = "past" if request.GET.get("when") == "past" else "upcoming"
    now = timezone.now()
    past = meetings.filter(start__lt=now).order_by("-start", "-pk")
    recent: list[Meeting] = []
    if when == "past":
        listed = past
    else:
        listed = meetings.filter(start__gte=now).order_by("start", "pk")
        recent = list(past[:RECENT_MEETINGS])
    page = uncounted_page(listed, MEETINGS_PER_PAGE, request.GET.get("page"))
    filters = {k: v for k, v in request.GET.items() if k not in ("page", "when") and v}
    return render(
        request,
        "meetings/meeting_list.html",
        {
            "form": filterset.form,
            "page": page,
            "recent": recent,
            "when": when,
            "filters": urlencode(filters),
            "query": urlencode({**filters, "when": when}),
            "can_schedule": can_clerk_any(request.user),
        },
    )


@require_GET
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_object_or_404(Meeting.objects.select_related("body"), pk=pk)
    can_edit = can_edit_body(request.user, meeting.body)
    if not meeting.is_published and not can_edit:
        raise Http404("No such meeting")
    loaded = (
        meeting.items.select_related("minutes_of__body", "report", "supplement")
        .prefetch_related(
            Prefetch("revisions", queryset=AgendaRevision.objects.order_by("made_at", "pk")),
            "report__attachments",
        )
        .order_by("position", "pk")
    )
    for item in loaded:
        if item.supplement is not None:
            item.supplement.meeting = meeting  # a supplement belongs to its items' meeting
    items = [item for item in loaded if can_see_item(request.user, item)]
    writable = report_writing(request.user, items)
    for view in item_views(request.user, items):
        view.item.view = view
        view.item.can_write = writable[view.item.pk]
    # The agenda and each supplementary agenda take their Part II business last, each after
    # its own exclusion of the press and public.
    agendas: dict[int | None, list[AgendaItem]] = {}
    for item in items:
        agendas.setdefault(item.supplement_id, []).append(item)
    for group in agendas.values():
        exclusion = exclusion_for(group)
        if exclusion is not None:
            exclusion.before.exclusion = exclusion
    waiting = [item for item in items if item.supplement and not item.supplement.is_published]
    today = timezone.localdate()
    draft = meeting.status == Meeting.Status.SCHEDULED
    started = meeting.start <= timezone.now()
    return render(
        request,
        "meetings/meeting_detail.html",
        {
            "meeting": meeting,
            "items": items,
            "late_items_waiting": waiting,
            "proceedings": proceedings_for(meeting, request.user),
            "downloads": pack_downloads(meeting, request.user),
            "can_edit": can_edit,
            "can_see_exempt": can_see_meeting_exempt(request.user, meeting),
            "draft": draft,
            "deadline": latest_publication_date(meeting.date),
            "late_if_published_today": draft and not started and is_late(today, meeting.date),
            # The publish buttons are not offered while publishing would be refused.
            "publish_refusal": draft and can_edit and services.agenda_publish_refusal(items),
            # A meeting already held whose agenda the portal never published: record it.
            "record_past": draft and started,
            "can_revise": meeting.status == Meeting.Status.AGENDA_PUBLISHED,
            "can_add_late_item": meeting.status == Meeting.Status.AGENDA_PUBLISHED,
            "can_mark_held": meeting.status == Meeting.Status.AGENDA_PUBLISHED and started,
            # Before the start the service refuses "Mark as held": say when it can be.
            "mark_held_from": meeting.start
            if meeting.status == Meeting.Status.AGENDA_PUBLISHED and not started
            else None,
            "can_cancel": meeting.status
            in (Meeting.Status.SCHEDULED, Meeting.Status.AGENDA_PUBLISHED),
        },
    )


@require_GET
def work_programme(request: HttpRequest, slug: str) -> HttpResponse:
    body = get_object_or_404(Body, slug=slug)
    can_edit = can_edit_body(request.user, body)
    entries = body.work_programme.select_related("agenda_item__meeting__body")
    today = timezone.localdate()
    # Upcoming meeting dates first, soonest first; past ones after them, latest first.
    upcoming = [e for e in entries if e.planned_for >= today]
    past = sorted(
        (e for e in entries if e.planned_for < today), key=lambda e: e.planned_for, reverse=True
    )
    return render(
        request,
        "meetings/work_programme.html",
        {"body": body, "upcoming": upcoming, "past": past, "can_edit": can_edit},
    )


# Meetings


@login_required
@EDIT
def meeting_schedule(request: HttpRequest, slug: str) -> HttpResponse:
    body = _body_for_clerk(request, slug)
    form = MeetingForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        meeting = run_service(
            form,
            lambda: services.meeting_schedule(body=body, actor=request.user, **form.cleaned_data),
        )
        if meeting:
            messages.success(
                request, "Meeting scheduled, with the standard items on its draft agenda."
            )
            return redirect(meeting)
    return _form_page(
        request,
        form,
        heading=f"Schedule a meeting of {body}",
        back=body,
        button="Schedule meeting",
        intro="The agenda starts with the standard items: minutes of the last meeting, "
        "apologies, declarations of interest and the work programme.",
    )


@login_required
@EDIT
def meeting_edit(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting_for_clerk(request, pk)
    local = timezone.localtime(meeting.start)
    initial = {
        "date": local.date(),
        "time": f"{local:%H:%M}",
        "venue": meeting.venue,
        "online_url": meeting.online_url,
        "report_deadline": meeting.report_deadline,
        "version": meeting.version,
    }
    form = MeetingEditForm(_posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        changes = dict(form.cleaned_data)
        expected_version = changes.pop("version")
        saved = run_service(
            form,
            lambda: services.meeting_update(
                meeting=meeting,
                actor=request.user,
                expected_version=expected_version,
                **changes,
            ),
        )
        if saved:
            messages.success(request, "Meeting details saved.")
            return redirect(saved)
    return _form_page(request, form, heading="Change the date, time or place", back=meeting)


@login_required
@EDIT
def meeting_in_common(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting_for_clerk(request, pk)
    form = InCommonForm(
        _posted(request),
        lead=meeting.body,
        initial={"bodies": list(meeting.bodies_in_common.all())},
    )
    if request.method == "POST" and form.is_valid():
        saved = run_service(
            form,
            lambda: services.meeting_hold_in_common(
                meeting=meeting, bodies=list(form.cleaned_data["bodies"]), actor=request.user
            ),
        )
        if saved:
            messages.success(request, "The bodies sitting at this meeting are saved.")
            return redirect(saved)
    return _form_page(request, form, heading="Hold this meeting in common", back=meeting)


@login_required
@EDIT
def agenda_publish(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting_for_clerk(request, pk)
    today = timezone.localdate()
    late = is_late(today, meeting.date)
    form = PublishForm(_posted(request))
    if late:
        reason = form.fields["late_reason"]
        reason.required = True
        reason.error_messages["required"] = services.late_publication_message(meeting)
    else:
        del form.fields["late_reason"]
    if request.method == "POST" and form.is_valid():
        published = run_service(
            form,
            lambda: services.agenda_publish(
                meeting=meeting,
                actor=request.user,
                late_reason=form.cleaned_data.get("late_reason", ""),
            ),
        )
        if published:
            messages.success(request, "Agenda published.")
            return redirect(published)
    return _confirm_page(
        request,
        form,
        meeting=meeting,
        heading="Publish the agenda",
        button="Publish agenda",
        deadline=latest_publication_date(meeting.date),
        late=late,
        clear_days=clear_working_days_between(today, meeting.date),
        template_part="publish",
    )


@login_required
@EDIT
def agenda_record_past_publication(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting_for_clerk(request, pk)
    form = PastPublicationForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        published = run_service(
            form,
            lambda: services.agenda_record_past_publication(
                meeting=meeting,
                actor=request.user,
                published_on=form.cleaned_data["published_on"],
                late_reason=form.cleaned_data["late_reason"],
            ),
        )
        if published:
            messages.success(
                request,
                "Agenda recorded as published on "
                f"{form.cleaned_data['published_on']:%-d %B %Y}. Now mark the meeting as held "
                "or record its attendance.",
            )
            return redirect(published)
    return _confirm_page(
        request,
        form,
        meeting=meeting,
        heading="Record a past meeting's agenda",
        button="Record as published",
        deadline=latest_publication_date(meeting.date),
        template_part="past",
    )


@login_required
@EDIT
def supplement_publish(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting_for_clerk(request, pk)
    late_items = AgendaItem.objects.filter(
        meeting=meeting, supplement__published_at__isnull=True, supplement__isnull=False
    ).order_by("position")
    draft = Supplement.objects.filter(meeting=meeting, published_at__isnull=True).first()
    form = SupplementPublishForm(_posted(request), late_items=late_items)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        published = run_service(
            form,
            lambda: services.supplement_publish(
                meeting=meeting, items=list(data["items"]), reason=data["reason"],
                actor=request.user,
            ),
        )  # fmt: skip
        if published:
            messages.success(request, f"{published} published.")
            return redirect(published)
    if draft is None or not late_items:
        intro = (
            "There are no late items waiting to be published. Add an item to the published "
            "agenda first: it waits here for a supplementary agenda."
        )
    else:
        intro = (
            f"The items are published as {draft}, with its own agenda pack whose pages follow "
            "on from the agenda pack's. The meeting page lists it with its date and reason."
        )
    return _form_page(
        request,
        form,
        heading="Publish a supplementary agenda",
        back=meeting,
        intro=intro,
        button="Publish supplementary agenda",
    )


@login_required
@EDIT
def meeting_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting_for_clerk(request, pk)
    form = ConfirmForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        saved = run_service(
            form, lambda: services.meeting_cancel(meeting=meeting, actor=request.user)
        )
        if saved:
            messages.success(request, "Meeting cancelled.")
            return redirect(saved)
    return _confirm_page(
        request,
        form,
        meeting=meeting,
        heading="Cancel this meeting",
        button="Cancel meeting",
        warning="The meeting stays listed, marked as cancelled.",
        button_class="govuk-button--warning",
    )


@login_required
@EDIT
def meeting_mark_held(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting_for_clerk(request, pk)
    form = ConfirmForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        saved = run_service(
            form, lambda: services.meeting_mark_held(meeting=meeting, actor=request.user)
        )
        if saved:
            messages.success(request, "Meeting marked as held.")
            return redirect(saved)
    return _confirm_page(
        request,
        form,
        meeting=meeting,
        heading="Mark this meeting as held",
        button="Mark as held",
        warning="After this the agenda can no longer be revised.",
    )


# Agenda items


def _item_values(data: dict) -> dict:
    """The fields the form asked: a body's regime asks a paragraph or a reason, not both."""
    return {name: data[name] for name in ITEM_FIELDS if name in data}


def _item_initial(item: AgendaItem) -> dict:
    """The item's fields as the form opens, with the version a stale submission is told by."""
    return {"version": item.version, **{name: getattr(item, name) for name in ITEM_FIELDS}}


@login_required
@EDIT
def item_add(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting_for_clerk(request, pk)
    form = AgendaItemForm(_posted(request), regime=exemption_regime(meeting.body))
    if request.method == "POST" and form.is_valid():
        item = run_service(
            form,
            lambda: services.item_add(
                meeting=meeting, actor=request.user, **_item_values(form.cleaned_data)
            ),
        )
        if item:
            late = f" It waits for {item.supplement}." if item.supplement_id else ""
            messages.success(request, f"Item {item.position} added: {item.title}.{late}")
            return redirect(item)
    if meeting.is_published:
        heading = "Add a late item"
        intro = (
            "The agenda has been published, so the item goes onto a supplementary agenda. It "
            "is published when you publish the supplementary agenda with the reason for urgency."
        )
    else:
        heading = "Add an agenda item"
        intro = "It goes before the work programme item; you can move it afterwards."
    return _form_page(request, form, heading=heading, back=meeting, intro=intro)


@login_required
@EDIT
def item_edit(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    item = _item_for_clerk(request, pk, item_pk)
    waiting = item.supplement is not None and not item.supplement.is_published
    if item.meeting.is_published and not waiting:
        messages.info(request, "The agenda has been published: revise the item instead.")
        return redirect("meetings:item_revise", pk=pk, item_pk=item_pk)
    form = AgendaItemEditForm(
        _posted(request), initial=_item_initial(item), regime=exemption_regime(item.meeting.body)
    )
    if request.method == "POST" and form.is_valid():
        saved = run_service(
            form,
            lambda: services.item_update(
                item=item,
                actor=request.user,
                expected_version=form.cleaned_data["version"],
                **_item_values(form.cleaned_data),
            ),
        )
        if saved:
            messages.success(request, f"Item {saved.position} saved.")
            return redirect(saved)
    return _form_page(
        request,
        form,
        heading=f"Edit item {item.position}",
        back=item.meeting,
        history_object=item,
    )


@login_required
@EDIT
def item_revise(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    item = _item_for_clerk(request, pk, item_pk)
    form = ItemReviseForm(
        _posted(request), initial=_item_initial(item), regime=exemption_regime(item.meeting.body)
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        revision = run_service(
            form,
            lambda: services.item_revise(
                item=item,
                actor=request.user,
                summary=data["summary"],
                expected_version=data["version"],
                **_item_values(data),
            ),
        )
        if revision:
            messages.success(request, f"Item {item.position} revised; the agenda shows it.")
            return redirect(item)
    return _form_page(
        request,
        form,
        heading=f"Revise item {item.position}: {item.title}",
        back=item.meeting,
        intro="The agenda has been published, so the change is shown on it as a "
        "supplementary / revised report, with today's date.",
        button="Record revision",
        history_object=item,
    )


@login_required
@EDIT
def item_remove(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    item = _item_for_clerk(request, pk, item_pk)
    form = ConfirmForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        done = run_service(
            form, lambda: services.item_remove(item=item, actor=request.user) or True
        )
        if done:
            messages.success(request, f"Item removed: {item.title}.")
            return redirect(item.meeting)
    return _confirm_page(
        request,
        form,
        meeting=item.meeting,
        heading=f"Remove item {item.position}: {item.title}",
        button="Remove item",
        warning="The item and any report attached to it are taken off the agenda; the items "
        "below move up.",
        button_class="govuk-button--warning",
    )


@login_required
@require_POST
def item_move(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    item = _item_for_clerk(request, pk, item_pk)
    try:
        moved = services.item_move(
            item=item, direction=request.POST.get("direction", ""), actor=request.user
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect(item.meeting)
    messages.success(request, f"{moved.title} is now item {moved.position}.")
    return redirect(moved)


# Work programme


@login_required
@EDIT
def entry_add(request: HttpRequest, slug: str) -> HttpResponse:
    body = _body_for_clerk(request, slug)
    form = WorkProgrammeEntryForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        entry = run_service(
            form,
            lambda: services.work_programme_entry_add(
                body=body, actor=request.user, **form.cleaned_data
            ),
        )
        if entry:
            messages.success(request, f"Added to the work programme: {entry.title}.")
            return redirect(entry)
    return _form_page(
        request,
        form,
        heading="Add to the work programme",
        back=_WorkProgrammeLink(body),
    )


@login_required
@EDIT
def entry_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    body = _body_for_clerk(request, slug)
    entry = get_object_or_404(WorkProgrammeEntry.objects.select_related("body"), pk=pk, body=body)
    fields = ["planned_for", "title", "summary", "lead_officer", "report_author", "status"]
    form = WorkProgrammeEntryEditForm(
        _posted(request),
        initial={"version": entry.version, **{n: getattr(entry, n) for n in fields}},
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        saved = run_service(
            form,
            lambda: services.work_programme_entry_update(
                entry=entry, actor=request.user, expected_version=data.pop("version"), **data
            ),
        )
        if saved:
            messages.success(request, "Work programme entry saved.")
            return redirect(saved)
    return _form_page(
        request,
        form,
        heading=f"Edit: {entry.title}",
        back=_WorkProgrammeLink(body),
        history_object=entry,
    )


@login_required
@EDIT
def entry_to_agenda(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    body = _body_for_clerk(request, slug)
    entry = get_object_or_404(WorkProgrammeEntry.objects.select_related("body"), pk=pk, body=body)
    form = ToAgendaForm(_posted(request), body=body)
    if not request.POST:
        planned = form.fields["meeting"].queryset.filter(start__date=entry.planned_for).first()
        if planned:
            form.initial["meeting"] = planned.pk
    if request.method == "POST" and form.is_valid():
        item = run_service(
            form,
            lambda: services.work_programme_entry_to_agenda(
                entry=entry, meeting=form.cleaned_data["meeting"], actor=request.user
            ),
        )
        if item:
            messages.success(request, f"{entry.title} is item {item.position} on the agenda.")
            return redirect(item)
    return _form_page(
        request,
        form,
        heading=f"Add to an agenda: {entry.title}",
        back=_WorkProgrammeLink(body),
        intro="Choose a meeting of this body whose agenda has not been published yet.",
        button="Add to agenda",
    )


class _WorkProgrammeLink:
    """The work programme as a 'back' target for the generic form page."""

    def __init__(self, body: Body):
        self.body = body

    def __str__(self) -> str:
        return f"the work programme of {self.body}"

    def get_absolute_url(self) -> str:
        return reverse("meetings:work_programme", args=[self.body.slug])
