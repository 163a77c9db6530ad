"""The API's view of meetings and agenda items, with exactly the visibility of the pages
(meetings.visibility): unpublished meetings only for their body's editors, Part II content
only for those who may see it."""

from __future__ import annotations

import django_filters
from django.db.models import Prefetch, QuerySet
from rest_framework import serializers, viewsets

from decisions.models import Resolution
from ics_portal.api import (
    IdFilter,
    OParlSerializer,
    OptionalURLField,
    SyncFilterSet,
    identity,
    link,
    with_history_dates,
)
from meetings.models import AgendaItem, Meeting
from meetings.visibility import can_see_item_content, meeting_visible_q, meetings_visible_to


class MeetingSerializer(OParlSerializer):
    id = identity("meeting")
    body = link("body")
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
    resolutionText = serializers.SerializerMethodField()
    resolutions = link("resolution", many=True, source="api_resolutions")

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
            "resolutionText",
            "resolutions",
            "created",
            "modified",
        ]

    def get_number(self, item: AgendaItem) -> str:
        return str(item.position)

    def get_public(self, item: AgendaItem) -> bool:
        return not item.is_exempt

    def get_exemptNotice(self, item: AgendaItem) -> str:
        return item.exempt_notice if item.is_exempt else ""

    def get_resolutionText(self, item: AgendaItem) -> str | None:
        """The resolutions' parts, only for those who may see the item's content."""
        if not item.api_resolutions or not can_see_item_content(
            self.context["request"].user, item
        ):
            return None
        return "\n".join(part for r in item.api_resolutions for part in r.part_list)


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


class MeetingViewSet(viewsets.ReadOnlyModelViewSet):
    """Meetings of bodies; one whose agenda is not yet published only for its body's editors."""

    serializer_class = MeetingSerializer
    filterset_class = MeetingFilter

    def get_queryset(self) -> QuerySet[Meeting]:
        meetings = meetings_visible_to(self.request.user).order_by("-start", "pk")
        return with_history_dates(meetings)


class AgendaItemViewSet(viewsets.ReadOnlyModelViewSet):
    """Agenda items; a Part II item's resolution text only for those who may see it."""

    serializer_class = AgendaItemSerializer
    filterset_class = AgendaItemFilter

    def get_queryset(self) -> QuerySet[AgendaItem]:
        items = (
            AgendaItem.objects.filter(meeting_visible_q(self.request.user, prefix="meeting__"))
            .select_related("meeting__body")
            .prefetch_related(
                Prefetch(
                    "resolutions",
                    queryset=Resolution.objects.order_by("year", "number"),
                    to_attr="api_resolutions",
                )
            )
            .order_by("-meeting__start", "position", "pk")
        )
        return with_history_dates(items)
