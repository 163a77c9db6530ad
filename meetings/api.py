"""The API's view of meetings, agenda items, papers (reports) and files (attachments), with
exactly the visibility of the pages (meetings.access): unpublished meetings only for their
body's editors, Part II content only for those who may see it. One write, through the same
service and permission as the page: a meeting's attendance. An item's resolutions (read and
write) are added by decisions.api, which extends the agenda item view."""

from __future__ import annotations

import django_filters
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404
from django.urls import reverse
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from governance.access import can_edit_body
from governance.models import Body, Person
from ics_portal.common.api import (
    DeletedPagination,
    IdFilter,
    OParlSerializer,
    OptionalURLField,
    SyncFilterSet,
    WebField,
    identity,
    link,
    refusal,
    with_history_dates,
)
from meetings.access import (
    attachments_visible_to,
    can_see_item_content,
    deleted_attachments_visible_to,
    deleted_items_visible_to,
    deleted_reports_visible_to,
    item_visible_q,
    meeting_visible_q,
    meetings_visible_to,
)
from meetings.models import AgendaItem, Attachment, Attendance, Meeting, Report
from meetings.selectors.attendance import body_attendance, person_attendance
from meetings.services.proceedings import AttendanceEntry, attendance_record
from meetings.services.reports import download_name


class MeetingSerializer(OParlSerializer):
    id = identity("meeting")
    web = WebField(page="meetings:detail")
    body = link("body")
    bodiesInCommon = link(
        "body",
        source="bodies_in_common",
        many=True,
        help_text="At a meeting held in common (committees in common), the other bodies "
        "sitting with `body`, each with its own attendance and numbered resolutions; empty "
        "for a meeting of one body.",
    )
    onlineUrl = OptionalURLField(source="online_url", read_only=True)
    cancelled = serializers.SerializerMethodField()
    agendaPublished = serializers.DateTimeField(
        source="agenda_published_at", read_only=True, allow_null=True
    )

    class Meta:
        model = Meeting
        fields = [
            "id",
            "web",
            "body",
            "bodiesInCommon",
            "start",
            "venue",
            "onlineUrl",
            "status",
            "cancelled",
            "agendaPublished",
            "created",
            "modified",
        ]

    def get_cancelled(self, meeting: Meeting) -> bool:
        return meeting.status == Meeting.Status.CANCELLED


class AgendaItemSerializer(OParlSerializer):
    id = identity("agenda-item")
    meeting = link("meeting")
    number = serializers.SerializerMethodField()
    order = serializers.IntegerField(source="position", read_only=True)
    name = serializers.CharField(source="title", read_only=True)
    public = serializers.SerializerMethodField()
    exemptNotice = serializers.SerializerMethodField()

    class Meta:
        model = AgendaItem
        fields = [
            "id",
            "web",
            "meeting",
            "number",
            "order",
            "name",
            "kind",
            "purpose",
            "public",
            "exemptNotice",
            "created",
            "modified",
        ]

    def get_number(self, item: AgendaItem) -> str:
        return str(item.position)

    def get_public(self, item: AgendaItem) -> bool:
        return not item.is_exempt

    def get_exemptNotice(self, item: AgendaItem) -> str:
        return item.exempt_notice if item.is_exempt else ""


class PaperSerializer(OParlSerializer):
    """A report (OParl "paper"). For a Part II item whose content the viewer may not see, only
    the item's title and the exempt notice: the report's title, purpose, recommendations, text
    and files are withheld, as on the item's page."""

    id = identity("paper")
    meeting = link("meeting", source="item.meeting")
    agendaItem = link("agenda-item", source="item")
    name = serializers.SerializerMethodField()
    exemptNotice = serializers.SerializerMethodField()
    purpose = serializers.SerializerMethodField()
    recommendations = serializers.SerializerMethodField()
    text = serializers.SerializerMethodField()
    auxiliaryFile = serializers.SerializerMethodField()

    class Meta:
        model = Report
        fields = [
            "id",
            "web",
            "name",
            "meeting",
            "agendaItem",
            "exemptNotice",
            "purpose",
            "recommendations",
            "text",
            "auxiliaryFile",
            "created",
            "modified",
        ]

    def _visible(self, report: Report) -> bool:
        return can_see_item_content(self.context["request"].user, report.item)

    def get_name(self, report: Report) -> str:
        return report.title if self._visible(report) else report.item.title

    def get_exemptNotice(self, report: Report) -> str:
        return "" if self._visible(report) else report.item.exempt_notice

    def get_purpose(self, report: Report) -> str | None:
        return report.purpose if self._visible(report) else None

    def get_recommendations(self, report: Report) -> list[str] | None:
        return report.recommendation_list if self._visible(report) else None

    def get_text(self, report: Report) -> str | None:
        return report.information if self._visible(report) else None

    def get_auxiliaryFile(self, report: Report) -> list[str]:
        """The files' API URLs."""
        if not self._visible(report):
            return []
        request = self.context["request"]
        return [
            request.build_absolute_uri(reverse("api:file-detail", args=[attachment.pk]))
            for attachment in report.attachments.all()
        ]


def _download_url(attachment: Attachment) -> str:
    return reverse(
        "meetings:attachment_download", args=[attachment.report.item.meeting_id, attachment.pk]
    )


class FileSerializer(OParlSerializer):
    """An attachment (OParl "file"), listed only where its item's content may be seen."""

    id = identity("file")
    paper = link("paper", source="report")
    name = serializers.CharField(source="title", read_only=True)
    fileName = serializers.SerializerMethodField()
    mimeType = serializers.CharField(source="mime_type", read_only=True)
    size = serializers.IntegerField(read_only=True)
    sha512Checksum = serializers.CharField(source="sha512", read_only=True)
    accessUrl = WebField(path=_download_url)
    downloadUrl = WebField(path=_download_url)

    class Meta:
        model = Attachment
        fields = [
            "id",
            "web",
            "paper",
            "name",
            "fileName",
            "mimeType",
            "size",
            "sha512Checksum",
            "accessUrl",
            "downloadUrl",
            "created",
            "modified",
        ]

    def get_fileName(self, attachment: Attachment) -> str:
        return download_name(attachment)


class AttendanceSerializer(serializers.ModelSerializer):
    person = link("person")
    substitute = link("person", allow_null=True)

    class Meta:
        model = Attendance
        fields = ["person", "status", "substitute", "note"]


class AttendanceEntrySerializer(serializers.Serializer):
    """One line of the attendance: a member's status (and substitute), or an officer."""

    person = serializers.PrimaryKeyRelatedField(queryset=Person.objects.all())
    status = serializers.ChoiceField(choices=Attendance.Status.choices)
    substitute = serializers.PrimaryKeyRelatedField(
        queryset=Person.objects.all(), required=False, allow_null=True, default=None
    )
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=200)


class AttendanceInputSerializer(serializers.Serializer):
    """The whole attendance of the meeting: it replaces what was recorded before."""

    entries = AttendanceEntrySerializer(many=True)


class MeetingAttendanceSerializer(serializers.Serializer):
    meeting = link("meeting", source="*")
    status = serializers.CharField(read_only=True)
    attendance = AttendanceSerializer(many=True, read_only=True, source="attendance_rows")


class MeetingFilter(SyncFilterSet):
    body = IdFilter(field_name="body_id")
    date_from = django_filters.DateFilter(field_name="start__date", lookup_expr="gte")
    date_to = django_filters.DateFilter(field_name="start__date", lookup_expr="lte")
    status = django_filters.ChoiceFilter(choices=Meeting.Status.choices)


class AgendaItemFilter(SyncFilterSet):
    meeting = IdFilter(field_name="meeting_id")
    body = IdFilter(field_name="meeting__body_id")
    date_from = django_filters.DateFilter(field_name="meeting__start__date", lookup_expr="gte")
    date_to = django_filters.DateFilter(field_name="meeting__start__date", lookup_expr="lte")


class PaperFilter(SyncFilterSet):
    meeting = IdFilter(field_name="item__meeting_id")
    body = IdFilter(field_name="item__meeting__body_id")
    agendaItem = IdFilter(field_name="item_id")


class FileFilter(SyncFilterSet):
    paper = IdFilter(field_name="report_id")
    meeting = IdFilter(field_name="report__item__meeting_id")


class MeetingViewSet(viewsets.ReadOnlyModelViewSet):
    """Meetings of bodies; one whose agenda is not yet published only for its body's editors."""

    serializer_class = MeetingSerializer
    filterset_class = MeetingFilter

    def get_queryset(self) -> QuerySet[Meeting]:
        meetings = meetings_visible_to(self.request.user).order_by("-start", "-pk")
        in_common = Prefetch("bodies_in_common", queryset=Body.objects.order_by("name"))
        return with_history_dates(meetings.prefetch_related(in_common))

    @extend_schema(
        request=AttendanceInputSerializer,
        responses={200: MeetingAttendanceSerializer},
        summary="Record the meeting's attendance",
        description="Only the body's clerks (and administrators). The entries replace the "
        "attendance recorded before. A refusal (someone not a member on the day, a cancelled "
        "meeting, approved minutes) is a 400 with the reason and changes nothing.",
    )
    @action(
        detail=True,
        methods=["post"],
        permission_classes=[IsAuthenticated],
        filterset_class=None,
        pagination_class=None,
    )
    def attendance(self, request: Request, pk: str | None = None) -> Response:
        meeting = self.get_object()
        if not can_edit_body(request.user, meeting.body):
            raise PermissionDenied(f"Only the {meeting.body}'s clerks record its attendance.")
        given = AttendanceInputSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        entries = [AttendanceEntry(**entry) for entry in given.validated_data["entries"]]
        try:
            attendance_record(meeting=meeting, entries=entries, actor=request.user)
        except DjangoValidationError as exc:
            raise refusal(exc) from exc
        meeting.refresh_from_db()
        meeting.attendance_rows = list(
            meeting.attendance.select_related("person", "substitute").order_by("person__name")
        )
        return Response(MeetingAttendanceSerializer(meeting, context={"request": request}).data)


class AgendaItemViewSet(viewsets.ReadOnlyModelViewSet):
    """Agenda items of the meetings the viewer may see (decisions.api adds their resolutions);
    with `modified_since`, tombstones of the items removed since then."""

    serializer_class = AgendaItemSerializer
    filterset_class = AgendaItemFilter

    pagination_class = DeletedPagination
    oparl_type = "AgendaItem"

    def get_deleted_queryset(self) -> QuerySet:
        return deleted_items_visible_to(self.request.user)

    def get_queryset(self) -> QuerySet[AgendaItem]:
        items = (
            AgendaItem.objects.filter(item_visible_q(self.request.user))
            .select_related("meeting__body", "supplement")
            .order_by("-meeting__start", "position", "pk")
        )
        return with_history_dates(items)


class PaperViewSet(viewsets.ReadOnlyModelViewSet):
    """Reports (papers) of the meetings the viewer may see; a Part II report's content only
    for those who may see it."""

    serializer_class = PaperSerializer
    filterset_class = PaperFilter

    pagination_class = DeletedPagination
    oparl_type = "Paper"

    def get_deleted_queryset(self) -> QuerySet:
        return deleted_reports_visible_to(self.request.user)

    def get_queryset(self) -> QuerySet[Report]:
        reports = (
            Report.objects.filter(meeting_visible_q(self.request.user, prefix="item__meeting__"))
            .select_related("item__meeting__body")
            .prefetch_related("attachments")
            .order_by("-item__meeting__start", "item__position", "pk")
        )
        return with_history_dates(reports)


class FileViewSet(viewsets.ReadOnlyModelViewSet):
    """Files attached to papers, only where the viewer may see the item's content."""

    serializer_class = FileSerializer
    filterset_class = FileFilter

    pagination_class = DeletedPagination
    oparl_type = "File"

    def get_deleted_queryset(self) -> QuerySet:
        return deleted_attachments_visible_to(self.request.user)

    def get_queryset(self) -> QuerySet[Attachment]:
        attachments = (
            attachments_visible_to(self.request.user)
            .select_related("report__item")
            .order_by("-report__item__meeting__start", "report__item__position", "pk")
        )
        return with_history_dates(attachments)


class AttendanceTallySerializer(serializers.Serializer):
    """One member's attendance at one body's meetings in one calendar year."""

    year = serializers.IntegerField()
    person = serializers.CharField(help_text="The person's slug.")
    person_name = serializers.CharField()
    body = serializers.CharField(help_text="The body's slug.")
    body_name = serializers.CharField()
    expected = serializers.IntegerField(
        help_text="Meetings held while a member; cancelled meetings are not counted."
    )
    attended = serializers.IntegerField()
    apologies = serializers.IntegerField()
    substitutions = serializers.IntegerField()
    absent = serializers.IntegerField()
    not_recorded = serializers.IntegerField()


class AttendanceStatisticsView(APIView):
    """Attendance per member and year, for a body (`?body=<slug>`) or a person
    (`?person=<slug>`): only meetings the caller may see are counted."""

    @extend_schema(
        parameters=[
            OpenApiParameter("body", str, description="A body's slug."),
            OpenApiParameter("person", str, description="A person's slug."),
        ],
        responses={
            200: AttendanceTallySerializer(many=True),
            400: OpenApiResponse(description="Neither or both of body and person given."),
            404: OpenApiResponse(description="No body or person with that slug."),
        },
        summary="Attendance statistics",
    )
    def get(self, request: Request) -> Response:
        body_slug, person_slug = (
            request.query_params.get("body"),
            request.query_params.get("person"),
        )
        if bool(body_slug) == bool(person_slug):
            raise refusal(DjangoValidationError("Give either body=<slug> or person=<slug>."))
        if body_slug:
            body = get_object_or_404(Body, slug=body_slug)
            tallies = [t for year in body_attendance(request.user, body) for t in year.tallies]
        else:
            person = get_object_or_404(Person, slug=person_slug)
            tallies = person_attendance(request.user, person)
        return Response(AttendanceTallySerializer([t.as_dict() for t in tallies], many=True).data)
