"""The bare-Django baseline: the rows each portal page shows, read and rendered plainly.

No access rules, forms or layout: what any Django view must at least do to show the same rows
from the same database, each kind of row read once (a table or list per kind). Where a page
shows change history (the decision trail), its history rows are read too. Where the portal
works something out from rows (quorum, attendance tallies), the baseline lists the rows.
Served only under bench.settings.
"""

from __future__ import annotations

from datetime import date, datetime, time

from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Count, Prefetch, Q
from django.http import FileResponse, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from decisions.models import (
    Action,
    ActionNote,
    CallIn,
    DecisionNotice,
    ForwardPlanEntry,
    NamedVote,
    Ratification,
    Resolution,
    ScrutinyRecommendation,
)
from decisions.selectors.trail import PRESENCE
from governance.models import Body, Delegation, Membership, Person, TermsOfReference
from governance.selectors.risks import risk_summary
from meetings.models import (
    AgendaItem,
    AgendaPack,
    AgendaRevision,
    Attendance,
    Declaration,
    Meeting,
    Minute,
    Report,
    WorkProgrammeEntry,
)

PER_PAGE = 25
HELD = (Meeting.Status.HELD, Meeting.Status.MINUTES_DRAFTED, Meeting.Status.MINUTES_APPROVED)


def count_queries(get_response):
    """Middleware: the number of database queries of the request, in an X-Queries header."""

    def middleware(request: HttpRequest) -> HttpResponse:
        queries = [0]

        def count(execute, sql, params, many, context):
            queries[0] += 1
            return execute(sql, params, many, context)

        with connection.execute_wrapper(count):
            response = get_response(request)
        response["X-Queries"] = str(queries[0])
        return response

    return middleware


def _members_on(body_ids: list[int], day) -> list[Membership]:
    """Seats on the bodies current on the day, with the person and the organisation."""
    seats = Membership.objects.filter(body_id__in=body_ids, start__lte=day).exclude(end__lt=day)
    return list(seats.select_related("person", "representing"))


def _terms(body_ids: list[int]) -> list[TermsOfReference]:
    """The bodies' approved terms of reference, with the organisations their quorum names."""
    terms = TermsOfReference.objects.filter(
        body_id__in=body_ids, status=TermsOfReference.Status.APPROVED
    )
    return list(terms.prefetch_related("quorum_required_organisations"))


def _rows(found: bool, rows) -> list:
    """The rows, without a query when they are known to be none."""
    return list(rows) if found else []


def _history(records: dict) -> list[tuple[str, list]]:
    """Each model's history rows of the given records, with who saved them: a query a model."""
    found = []
    for model, objects in records.items():
        ids = [obj.pk for obj in objects if obj is not None]
        if ids:
            rows = model.history.filter(id__in=ids).select_related("history_user")
            found.append((model._meta.verbose_name_plural, list(rows)))
    return found


def resolution_list(request: HttpRequest) -> HttpResponse:
    rows = Resolution.objects.select_related("body", "meeting", "item").order_by(
        "-meeting__start", "-year", "-number", "-pk"
    )
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "bench/resolution_list.html", {"page": page})


def resolution_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The trail's rows: the resolution, every record on its trail, and their change history."""
    earlier = Resolution.objects.select_related("body", "meeting__body")
    resolution = get_object_or_404(
        Resolution.objects.select_related(
            "body", "meeting__body", "item__work_programme_entry", "item__report", "item__minute"
        )
        .prefetch_related("recommended_to", Prefetch("acts_on", queryset=earlier))
        .annotate(**PRESENCE),  # which later records it has, asked as the trail page asks
        pk=pk,
    )
    item, meeting = resolution.item, resolution.meeting
    notes = Prefetch("notes", queryset=ActionNote.objects.select_related("written_by"))
    context = {
        "resolution": resolution,
        "report": getattr(item, "report", None),
        "minute": getattr(item, "minute", None),
        "ratifications": _rows(
            resolution.has_ratifications,
            resolution.ratifications.select_related("organisation", "ratifying_body").order_by(
                "organisation__name"
            ),
        ),
        "plan_entries": _rows(
            resolution.has_plan_entries,
            resolution.forward_plan_entries.select_related(
                "organisation", "decision_maker_body"
            ).order_by("first_published", "pk"),
        ),
        "notices": _rows(
            resolution.has_notices,
            DecisionNotice.objects.filter(ratification__resolution=resolution)
            .select_related("organisation", "decision_maker_body", "call_in__scrutiny_body")
            .order_by("published_on", "pk"),
        ),
        "named_votes": _rows(
            resolution.has_named_votes, resolution.named_votes.select_related("person")
        ),
        "actions": _rows(
            resolution.has_actions,
            resolution.actions.select_related("body", "item__meeting").prefetch_related(notes),
        ),
        "later": _rows(
            resolution.has_later,
            resolution.acted_on_by.filter(meeting__agenda_published_at__isnull=False)
            .select_related("body", "meeting__body", "item")
            .order_by("meeting__start", "pk"),
        ),
        "recommendations": _rows(
            resolution.has_recommendations,
            resolution.scrutiny_recommendations.select_related(
                "scrutiny_body", "to_organisation", "to_body"
            ).order_by("sent_on", "pk"),
        ),
        "revisions": _rows(resolution.has_revisions, item.revisions.select_related("made_by")),
        "attendance": list(meeting.attendance.select_related("person", "substitute")),
        "declarations": list(item.declarations.select_related("person").order_by("person__name")),
        "members": _members_on([meeting.body_id], meeting.date),
        "terms": _terms([meeting.body_id]),
    }
    context["history"] = _history(
        {
            WorkProgrammeEntry: [item.work_programme_entry],
            Report: [context["report"]],
            AgendaItem: [item],
            AgendaRevision: context["revisions"],
            Meeting: [meeting],
            Attendance: context["attendance"],
            Declaration: context["declarations"],
            Resolution: [resolution],
            NamedVote: context["named_votes"],
            Minute: [context["minute"]],
            Ratification: context["ratifications"],
            ForwardPlanEntry: context["plan_entries"],
            DecisionNotice: context["notices"],
            CallIn: [getattr(notice, "call_in", None) for notice in context["notices"]],
            Action: context["actions"],
            ActionNote: [note for action in context["actions"] for note in action.notes.all()],
            ScrutinyRecommendation: context["recommendations"],
        }
    )
    return render(request, "bench/resolution_detail.html", context)


def resolution_api(request: HttpRequest) -> JsonResponse:
    """A page of resolutions as JSON, changed since `modified_since` if given, and the count."""
    limit = min(int(request.GET.get("limit", 100)), 100)
    offset = int(request.GET.get("offset", 0))
    rows = Resolution.objects.order_by("-year", "-number", "id")
    if "modified_since" in request.GET:
        day = date.fromisoformat(request.GET["modified_since"])
        rows = rows.filter(modified__gte=timezone.make_aware(datetime.combine(day, time.min)))
    count = rows.count()
    rows = rows.select_related("body", "meeting")
    return JsonResponse(
        {
            "count": count,
            "results": [
                {
                    "id": r.pk,
                    "url": f"/api/v1/resolutions/{r.pk}/",
                    "reference": f"{r.body.short_name} {r.year}/{r.number:03d}",
                    "body": f"/api/v1/bodies/{r.body.slug}/",
                    "meeting": f"/api/v1/meetings/{r.meeting_id}/",
                    "agendaItem": f"/api/v1/agenda-items/{r.item_id}/",
                    "kind": r.kind,
                    "status": r.status,
                    "preamble": r.preamble,
                    "parts": r.parts,
                    "modified": r.modified.isoformat(),
                }
                for r in rows[offset : offset + limit]
            ],
        }
    )


def body_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """The body page's rows: body, members, delegations, terms, risk counts, sub-bodies,
    published meetings and the attendance at those held."""
    body = get_object_or_404(
        Body.objects.select_related("partnership", "organisation", "parent"), slug=slug
    )
    substitutes = Prefetch("substitutes", queryset=Person.objects.order_by("name"))
    meetings = list(body.meetings.filter(agenda_published_at__isnull=False).order_by("-start"))
    held = [meeting.pk for meeting in meetings if meeting.status in HELD]
    now = timezone.now()
    risks = risk_summary(body)  # one aggregate, as the page runs
    delegations = Delegation.objects.filter(Q(from_body=body) | Q(to_body=body))
    return render(
        request,
        "bench/body_detail.html",
        {
            "body": body,
            "members": list(
                body.memberships.select_related("person", "representing").prefetch_related(
                    substitutes
                )
            ),
            "delegations": list(
                delegations.select_related(
                    "from_body", "from_organisation", "to_body", "source_agreement"
                ).order_by("-start", "pk")
            ),
            "terms": _terms([body.pk]),
            "risks": risks,
            "children": list(body.children.order_by("name")),
            "upcoming": [meeting for meeting in meetings if meeting.start >= now],
            "past": [meeting for meeting in meetings if meeting.start < now],
            "attendance": list(
                Attendance.objects.filter(meeting__in=held).select_related("person")
            ),
        },
    )


def meeting_list(request: HttpRequest) -> HttpResponse:
    rows = Meeting.objects.select_related("body").order_by("-start", "pk")
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "bench/meeting_list.html", {"page": page})


def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The meeting page's rows: meeting, items with everything listed under them, attendance,
    members and terms of the sitting bodies, published supplements and the public packs."""
    meeting = get_object_or_404(
        Meeting.objects.select_related("body", "minutes_approved_at__meeting__body"), pk=pk
    )
    bodies = [meeting.body]
    if meeting.held_in_common:
        bodies += list(meeting.bodies_in_common.order_by("name"))
    linked = Resolution.objects.select_related("body")
    declarations = Declaration.objects.select_related("person")
    resolutions = (
        Resolution.objects.select_related("body")
        .prefetch_related(
            "recommended_to",
            Prefetch("acts_on", queryset=linked),
            Prefetch("named_votes", queryset=NamedVote.objects.select_related("person")),
            Prefetch("acted_on_by", queryset=linked.order_by("year", "number")),
        )
        .order_by("year", "number")
    )
    items = (
        meeting.items.select_related("minutes_of__body", "report", "supplement", "minute")
        .prefetch_related(
            "revisions",
            "report__attachments",
            Prefetch("declarations", queryset=declarations.order_by("person__name")),
            Prefetch("resolutions", queryset=resolutions),
        )
        .order_by("position", "pk")
    )
    packs = meeting.packs.filter(audience=AgendaPack.Audience.PUBLIC, version=meeting.pack_version)
    return render(
        request,
        "bench/meeting_detail.html",
        {
            "meeting": meeting,
            "bodies": bodies,
            "items": list(items),
            "attendance": list(meeting.attendance.select_related("person", "substitute")),
            "members": _members_on([body.pk for body in bodies], meeting.date),
            "terms": _terms([body.pk for body in bodies]),
            "supplements": list(
                meeting.supplements.filter(published_at__isnull=False).order_by("number")
            ),
            "packs": list(packs),
        },
    )


def ratification_list(request: HttpRequest) -> HttpResponse:
    rows = Ratification.objects.select_related("organisation", "resolution__body").order_by(
        "due_date", "resolution_id", "organisation__name"
    )
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    tallies = (
        Ratification.objects.order_by()
        .values("organisation__name")
        .annotate(
            awaiting=Count("pk", filter=Q(status=Ratification.Status.REQUESTED)),
            rejected=Count("pk", filter=Q(status=Ratification.Status.REJECTED)),
        )
    )
    return render(
        request, "bench/ratification_list.html", {"page": page, "tallies": list(tallies)}
    )


def stored_pack(request: HttpRequest, pk: int) -> FileResponse:
    pack = get_object_or_404(AgendaPack, pk=pk)
    return FileResponse(pack.file.open("rb"), content_type="application/pdf")
