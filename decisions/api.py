"""The API's view of resolutions, ratifications, actions, officer and delegated decisions,
the forward plan and decision notices, and agenda items with their resolutions. Two writes,
through the same services and permissions as the pages: a resolution on an item, and an
organisation's ratification outcome."""

from __future__ import annotations

import django_filters
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Prefetch, QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from decisions.access import can_record_ratification, can_see_action_content, withheld_fields
from decisions.models import (
    Action,
    CallIn,
    DecisionNotice,
    DelegatedDecision,
    ForwardPlanEntry,
    Ratification,
    Resolution,
)
from decisions.selectors.actions import actions_visible_to
from decisions.selectors.delegated import delegated_decisions
from decisions.selectors.executive import decision_notices, forward_plan_entries
from decisions.selectors.ratifications import visible_ratifications
from decisions.selectors.resolutions import visible_resolutions
from decisions.services.ratifications import OUTCOMES, ratification_record_outcome
from decisions.services.resolutions import VoteCount, resolution_record
from governance.models import Body
from ics_portal.common.api import (
    IdFilter,
    OParlSerializer,
    SyncFilterSet,
    WebField,
    identity,
    link,
    refusal,
)
from meetings import api as meetings_api
from meetings.access import can_record_for, can_see_item_content
from meetings.models import AgendaItem


def _text_visible(serializer: serializers.Serializer, resolution: Resolution) -> bool:
    return can_see_item_content(serializer.context["request"].user, resolution.item)


class ResolutionSerializer(OParlSerializer):
    id = identity("resolution")
    web = WebField(page="decisions:detail")
    body = link("body")
    meeting = link("meeting")
    agendaItem = link("agenda-item", source="item")
    reference = serializers.CharField(read_only=True)
    recommendedTo = link("body", source="recommended_to", allow_null=True)
    actsOn = link("resolution", source="acts_on", allow_null=True)
    exemptNotice = serializers.SerializerMethodField()
    preamble = serializers.SerializerMethodField()
    parts = serializers.SerializerMethodField()
    vote = serializers.SerializerMethodField()

    class Meta:
        model = Resolution
        fields = [
            "id",
            "web",
            "body",
            "meeting",
            "agendaItem",
            "reference",
            "kind",
            "status",
            "recommendedTo",
            "actsOn",
            "act",
            "exemptNotice",
            "preamble",
            "parts",
            "vote",
            "created",
            "modified",
        ]

    def get_exemptNotice(self, resolution: Resolution) -> str:
        item = resolution.item
        return item.exempt_notice if item.is_exempt and not _text_visible(self, resolution) else ""

    def get_preamble(self, resolution: Resolution) -> str | None:
        return resolution.preamble if _text_visible(self, resolution) else None

    def get_parts(self, resolution: Resolution) -> list[str] | None:
        return resolution.part_list if _text_visible(self, resolution) else None

    def get_vote(self, resolution: Resolution) -> dict[str, int | None] | None:
        if not resolution.vote_taken or not _text_visible(self, resolution):
            return None
        return {
            "for": resolution.votes_for,
            "against": resolution.votes_against,
            "abstentions": resolution.abstentions,
        }


class AgendaItemSerializer(meetings_api.AgendaItemSerializer):
    """An agenda item with its resolutions; their text only for those who may see it."""

    resolutionText = serializers.SerializerMethodField()
    resolutions = link("resolution", many=True, source="api_resolutions")

    class Meta(meetings_api.AgendaItemSerializer.Meta):
        fields = [
            *meetings_api.AgendaItemSerializer.Meta.fields[:-2],  # all but created, modified
            "resolutionText",
            "resolutions",
            "created",
            "modified",
        ]

    def get_resolutionText(self, item: AgendaItem) -> str | None:
        """The resolutions' parts, only for those who may see the item's content."""
        if not item.api_resolutions or not can_see_item_content(
            self.context["request"].user, item
        ):
            return None
        return "\n".join(part for r in item.api_resolutions for part in r.part_list)


class RatificationSerializer(OParlSerializer):
    id = identity("ratification")
    resolution = link("resolution")
    organisation = link("organisation")
    ratifyingBody = link("body", source="ratifying_body", allow_null=True)
    dueDate = serializers.DateField(source="due_date", read_only=True)
    scheduledFor = serializers.SerializerMethodField()
    minuteReference = serializers.SerializerMethodField()
    decidedOn = serializers.DateField(source="decided_on", read_only=True, allow_null=True)
    amendment = serializers.SerializerMethodField()
    reason = serializers.SerializerMethodField()
    version = serializers.IntegerField(read_only=True)

    class Meta:
        model = Ratification
        fields = [
            "id",
            "web",
            "resolution",
            "organisation",
            "ratifyingBody",
            "dueDate",
            "status",
            "scheduledFor",
            "minuteReference",
            "decidedOn",
            "amendment",
            "reason",
            "version",
            "created",
            "modified",
        ]

    # What the organisation wrote may quote the resolution: shown with its text only
    # (`decisions.access.withheld_fields`).
    def _shown(self, ratification: Ratification, attname: str) -> str | None:
        withheld = withheld_fields(self.context["request"].user, ratification)
        return None if attname in withheld else getattr(ratification, attname)

    def get_scheduledFor(self, ratification: Ratification) -> str | None:
        return self._shown(ratification, "scheduled_for")

    def get_minuteReference(self, ratification: Ratification) -> str | None:
        return self._shown(ratification, "minute_reference")

    def get_amendment(self, ratification: Ratification) -> str | None:
        return self._shown(ratification, "amendment")

    def get_reason(self, ratification: Ratification) -> str | None:
        return self._shown(ratification, "reason")


class ActionSerializer(OParlSerializer):
    """An action; its description follows the Part II rule of the item it arises from."""

    id = identity("action")
    body = link("body")
    resolution = link("resolution", allow_null=True)
    agendaItem = link("agenda-item", source="source_item")
    owner = serializers.CharField(read_only=True)
    dueDate = serializers.DateField(source="due_date", read_only=True)
    overdue = serializers.BooleanField(source="is_overdue", read_only=True)
    exemptNotice = serializers.SerializerMethodField()
    description = serializers.SerializerMethodField()

    class Meta:
        model = Action
        fields = [
            "id",
            "web",
            "body",
            "resolution",
            "agendaItem",
            "owner",
            "dueDate",
            "status",
            "overdue",
            "exemptNotice",
            "description",
            "created",
            "modified",
        ]

    def _visible(self, action: Action) -> bool:
        return can_see_action_content(self.context["request"].user, action)

    def get_exemptNotice(self, action: Action) -> str:
        item = action.source_item
        return item.exempt_notice if item.is_exempt and not self._visible(action) else ""

    def get_description(self, action: Action) -> str | None:
        return action.description if self._visible(action) else None


class DelegatedDecisionSerializer(OParlSerializer):
    """An officer or delegated decision (reg 7 of the Openness of Local Government Bodies
    Regulations 2014); an exempt one's text, value and interests only for those who may see
    them (`decisions.access`)."""

    id = identity("delegated-decision")
    organisation = link("organisation")
    title = serializers.CharField(read_only=True)
    decidedBy = serializers.CharField(source="decided_by", read_only=True)
    decidedOn = serializers.DateField(source="decided_on", read_only=True)
    delegation = serializers.SerializerMethodField()
    financialLimit = serializers.DecimalField(
        source="delegation.financial_limit",
        max_digits=14,
        decimal_places=2,
        read_only=True,
        allow_null=True,
    )
    publishedOn = serializers.DateField(source="published_on", read_only=True)
    exemptNotice = serializers.SerializerMethodField()
    decision = serializers.SerializerMethodField()
    reasons = serializers.SerializerMethodField()
    alternativesRejected = serializers.SerializerMethodField()
    amount = serializers.SerializerMethodField()
    conflictsOfInterest = serializers.SerializerMethodField()
    dispensation = serializers.SerializerMethodField()

    class Meta:
        model = DelegatedDecision
        fields = [
            "id",
            "web",
            "organisation",
            "title",
            "decidedBy",
            "decidedOn",
            "delegation",
            "financialLimit",
            "publishedOn",
            "exemptNotice",
            "decision",
            "reasons",
            "alternativesRejected",
            "amount",
            "conflictsOfInterest",
            "dispensation",
            "created",
            "modified",
        ]

    def _shown(self, decision: DelegatedDecision, attname: str) -> str | None:
        hidden = withheld_fields(self.context["request"].user, decision)
        return None if attname in hidden else getattr(decision, attname)

    def get_delegation(self, decision: DelegatedDecision) -> str:
        return str(decision.delegation)

    def get_exemptNotice(self, decision: DelegatedDecision) -> str:
        return decision.exempt_notice if self._shown(decision, "decision") is None else ""

    def get_decision(self, decision: DelegatedDecision) -> str | None:
        return self._shown(decision, "decision")

    def get_reasons(self, decision: DelegatedDecision) -> str | None:
        return self._shown(decision, "reasons")

    def get_alternativesRejected(self, decision: DelegatedDecision) -> str | None:
        return self._shown(decision, "alternatives_rejected")

    def get_amount(self, decision: DelegatedDecision) -> str | None:
        amount = self._shown(decision, "amount")
        return None if amount is None else f"{amount:.2f}"

    def get_conflictsOfInterest(self, decision: DelegatedDecision) -> str | None:
        return self._shown(decision, "conflicts_of_interest")

    def get_dispensation(self, decision: DelegatedDecision) -> str | None:
        return self._shown(decision, "dispensation")


class ForwardPlanEntrySerializer(OParlSerializer):
    """An entry of an organisation's forward plan: all of it is public, that of a decision to
    be taken in private too; the resolution it ratifies is linked for those who may see it."""

    id = identity("forward-plan-entry")
    organisation = link("organisation")
    title = serializers.CharField(read_only=True)
    decisionMaker = serializers.CharField(source="decision_maker", read_only=True)
    decisionMakerBody = link("body", source="decision_maker_body", allow_null=True)
    keyDecision = serializers.BooleanField(source="is_key_decision", read_only=True)
    expectedOn = serializers.DateField(source="expected_on", read_only=True)
    expected = serializers.CharField(read_only=True)
    inPrivate = serializers.BooleanField(source="in_private", read_only=True)
    exemptParagraph = serializers.IntegerField(
        source="exempt_paragraph", read_only=True, allow_null=True
    )
    privateReason = serializers.CharField(source="private_reason", read_only=True)
    documents = serializers.CharField(read_only=True)
    leadOfficer = serializers.CharField(source="lead_officer", read_only=True)
    representations = serializers.CharField(read_only=True)
    firstPublished = serializers.DateField(source="first_published", read_only=True)
    urgency = serializers.CharField(read_only=True)
    urgencyReason = serializers.CharField(source="urgency_reason", read_only=True)
    scrutinyChair = serializers.CharField(source="scrutiny_chair", read_only=True)
    scrutinyAgreedOn = serializers.DateField(
        source="scrutiny_agreed_on", read_only=True, allow_null=True
    )
    resolution = link("resolution", allow_null=True)
    version = serializers.IntegerField(read_only=True)

    class Meta:
        model = ForwardPlanEntry
        fields = [
            "id",
            "web",
            "organisation",
            "title",
            "decisionMaker",
            "decisionMakerBody",
            "keyDecision",
            "expectedOn",
            "expected",
            "inPrivate",
            "exemptParagraph",
            "privateReason",
            "documents",
            "leadOfficer",
            "representations",
            "firstPublished",
            "urgency",
            "urgencyReason",
            "scrutinyChair",
            "scrutinyAgreedOn",
            "resolution",
            "version",
            "created",
            "modified",
        ]

    def to_representation(self, entry: ForwardPlanEntry) -> dict:
        data = super().to_representation(entry)
        user = self.context["request"].user
        if entry.resolution is not None and "id" in withheld_fields(user, entry.resolution):
            data["resolution"] = None
        return data


class CallInSerializer(serializers.ModelSerializer):
    """A call-in of a decision: its reasons and the committee's note follow the notice's
    text (`decisions.access`)."""

    scrutinyBody = link("body", source="scrutiny_body")
    requestedOn = serializers.DateField(source="requested_on", read_only=True)
    signatories = serializers.ListField(
        source="signatory_list", child=serializers.CharField(), read_only=True
    )
    reasons = serializers.SerializerMethodField()
    outcome = serializers.CharField(read_only=True)
    outcomeOn = serializers.DateField(source="outcome_on", read_only=True, allow_null=True)
    outcomeNote = serializers.SerializerMethodField()

    class Meta:
        model = CallIn
        fields = [
            "scrutinyBody",
            "requestedOn",
            "signatories",
            "reasons",
            "outcome",
            "outcomeOn",
            "outcomeNote",
        ]

    def _shown(self, call_in: CallIn, attname: str) -> str | None:
        hidden = withheld_fields(self.context["request"].user, call_in)
        return None if attname in hidden else getattr(call_in, attname)

    def get_reasons(self, call_in: CallIn) -> str | None:
        return self._shown(call_in, "reasons")

    def get_outcomeNote(self, call_in: CallIn) -> str | None:
        return self._shown(call_in, "outcome_note")


class DecisionNoticeSerializer(OParlSerializer):
    """A decision notice with its call-in clock; the text of a decision taken in private, or
    of one ratifying a Part II resolution, only for those who may see it."""

    id = identity("decision-notice")
    organisation = link("organisation")
    forwardPlanEntry = link("forward-plan-entry", source="forward_plan_entry", allow_null=True)
    ratification = link("ratification", allow_null=True)
    title = serializers.CharField(read_only=True)
    decisionMaker = serializers.CharField(source="decision_maker", read_only=True)
    decisionMakerBody = link("body", source="decision_maker_body", allow_null=True)
    keyDecision = serializers.BooleanField(source="is_key_decision", read_only=True)
    decidedOn = serializers.DateField(source="decided_on", read_only=True)
    publishedOn = serializers.DateField(source="published_on", read_only=True)
    urgent = serializers.BooleanField(read_only=True)
    urgencyReason = serializers.CharField(source="urgency_reason", read_only=True)
    callInDeadline = serializers.DateField(
        source="call_in_deadline", read_only=True, allow_null=True
    )
    takesEffectOn = serializers.DateField(
        source="takes_effect_on", read_only=True, allow_null=True
    )
    state = serializers.CharField(read_only=True)
    exemptNotice = serializers.SerializerMethodField()
    decision = serializers.SerializerMethodField()
    reasons = serializers.SerializerMethodField()
    alternatives = serializers.SerializerMethodField()
    interests = serializers.SerializerMethodField()
    callIn = CallInSerializer(source="call_in_or_none", read_only=True, allow_null=True)
    version = serializers.IntegerField(read_only=True)

    class Meta:
        model = DecisionNotice
        fields = [
            "id",
            "web",
            "organisation",
            "forwardPlanEntry",
            "ratification",
            "title",
            "decisionMaker",
            "decisionMakerBody",
            "keyDecision",
            "decidedOn",
            "publishedOn",
            "urgent",
            "urgencyReason",
            "callInDeadline",
            "takesEffectOn",
            "state",
            "exemptNotice",
            "decision",
            "reasons",
            "alternatives",
            "interests",
            "callIn",
            "version",
            "created",
            "modified",
        ]

    def _shown(self, notice: DecisionNotice, attname: str) -> str | None:
        hidden = withheld_fields(self.context["request"].user, notice)
        return None if attname in hidden else getattr(notice, attname)

    def to_representation(self, notice: DecisionNotice) -> dict:
        data = super().to_representation(notice)
        user = self.context["request"].user
        if notice.ratification is not None and "id" in withheld_fields(user, notice.ratification):
            data["ratification"] = None
        return data

    def get_exemptNotice(self, notice: DecisionNotice) -> str:
        return notice.withheld_notice if self._shown(notice, "decision") is None else ""

    def get_decision(self, notice: DecisionNotice) -> str | None:
        return self._shown(notice, "decision")

    def get_reasons(self, notice: DecisionNotice) -> str | None:
        return self._shown(notice, "reasons")

    def get_alternatives(self, notice: DecisionNotice) -> str | None:
        return self._shown(notice, "alternatives")

    def get_interests(self, notice: DecisionNotice) -> str | None:
        return self._shown(notice, "interests")


class OutcomeSerializer(serializers.Serializer):
    """An organisation's outcome, as the outcome form takes it."""

    outcome = serializers.ChoiceField(choices=[(o.value, o.label) for o in OUTCOMES])
    expected_version = serializers.IntegerField(
        help_text="The ratification's `version` you read; a stale one is refused."
    )
    scheduled_for = serializers.CharField(required=False, allow_blank=True, default="")
    minute_reference = serializers.CharField(required=False, allow_blank=True, default="")
    decided_on = serializers.DateField(required=False, allow_null=True, default=None)
    amendment = serializers.CharField(required=False, allow_blank=True, default="")
    reason = serializers.CharField(required=False, allow_blank=True, default="")
    note = serializers.CharField(required=False, allow_blank=True, default="")


class VoteSerializer(serializers.Serializer):
    votes_for = serializers.IntegerField(min_value=0)
    votes_against = serializers.IntegerField(min_value=0, default=0)
    abstentions = serializers.IntegerField(min_value=0, default=0)


class ResolutionInputSerializer(serializers.Serializer):
    """A resolution as the clerk's form takes it (named votes are recorded on the page)."""

    kind = serializers.ChoiceField(choices=Resolution.Kind.choices)
    preamble = serializers.CharField(required=False, allow_blank=True, default="")
    parts = serializers.CharField(
        help_text="The parts of the resolution, one a line; they are numbered."
    )
    recommended_to = serializers.PrimaryKeyRelatedField(
        queryset=Body.objects.all(), required=False, allow_null=True, default=None
    )
    vote = VoteSerializer(required=False, allow_null=True, default=None)
    acts_on = serializers.PrimaryKeyRelatedField(
        queryset=Resolution.objects.all(), required=False, allow_null=True, default=None
    )
    act = serializers.ChoiceField(
        choices=Resolution.Act.choices, required=False, allow_blank=True, default=""
    )
    body = serializers.PrimaryKeyRelatedField(
        queryset=Body.objects.all(),
        required=False,
        allow_null=True,
        default=None,
        help_text="At a meeting held in common, the sitting body that made it (by default the "
        "meeting's lead body).",
    )


class ResolutionFilter(SyncFilterSet):
    body = IdFilter(field_name="body_id")
    meeting = IdFilter(field_name="meeting_id")
    status = django_filters.ChoiceFilter(choices=Resolution.Status.choices)
    kind = django_filters.ChoiceFilter(choices=Resolution.Kind.choices)
    date_from = django_filters.DateFilter(field_name="meeting__start__date", lookup_expr="gte")
    date_to = django_filters.DateFilter(field_name="meeting__start__date", lookup_expr="lte")


class RatificationFilter(SyncFilterSet):
    organisation = IdFilter(field_name="organisation_id")
    resolution = IdFilter(field_name="resolution_id")
    body = IdFilter(field_name="resolution__body_id")
    status = django_filters.ChoiceFilter(choices=Ratification.Status.choices)
    due_from = django_filters.DateFilter(field_name="due_date", lookup_expr="gte")
    due_to = django_filters.DateFilter(field_name="due_date", lookup_expr="lte")


class ActionFilter(SyncFilterSet):
    body = IdFilter(field_name="body_id")
    resolution = IdFilter(field_name="resolution_id")
    status = django_filters.ChoiceFilter(choices=Action.Status.choices)
    due_from = django_filters.DateFilter(field_name="due_date", lookup_expr="gte")
    due_to = django_filters.DateFilter(field_name="due_date", lookup_expr="lte")


class DelegatedDecisionFilter(SyncFilterSet):
    organisation = IdFilter(field_name="organisation_id")
    date_from = django_filters.DateFilter(field_name="decided_on", lookup_expr="gte")
    date_to = django_filters.DateFilter(field_name="decided_on", lookup_expr="lte")


class DelegatedDecisionViewSet(viewsets.ReadOnlyModelViewSet):
    """Officer and delegated decisions, newest first; an exempt one's content withheld."""

    serializer_class = DelegatedDecisionSerializer
    filterset_class = DelegatedDecisionFilter

    def get_queryset(self) -> QuerySet[DelegatedDecision]:
        return delegated_decisions()


class ForwardPlanEntryFilter(SyncFilterSet):
    organisation = IdFilter(field_name="organisation_id")
    resolution = IdFilter(field_name="resolution_id")
    expected_from = django_filters.DateFilter(field_name="expected_on", lookup_expr="gte")
    expected_to = django_filters.DateFilter(field_name="expected_on", lookup_expr="lte")


class ForwardPlanEntryViewSet(viewsets.ReadOnlyModelViewSet):
    """The organisations' forward plans of key decisions, soonest expected first."""

    serializer_class = ForwardPlanEntrySerializer
    filterset_class = ForwardPlanEntryFilter

    def get_queryset(self) -> QuerySet[ForwardPlanEntry]:
        return forward_plan_entries().select_related("resolution__meeting__body")


class DecisionNoticeFilter(SyncFilterSet):
    organisation = IdFilter(field_name="organisation_id")
    forward_plan_entry = IdFilter(field_name="forward_plan_entry_id")
    date_from = django_filters.DateFilter(field_name="published_on", lookup_expr="gte")
    date_to = django_filters.DateFilter(field_name="published_on", lookup_expr="lte")


class DecisionNoticeViewSet(viewsets.ReadOnlyModelViewSet):
    """Executive decision notices, newest first, with their call-in; the text of one taken in
    private or ratifying a Part II resolution withheld."""

    serializer_class = DecisionNoticeSerializer
    filterset_class = DecisionNoticeFilter

    def get_queryset(self) -> QuerySet[DecisionNotice]:
        return decision_notices().select_related("ratification__resolution__meeting__body")


class ResolutionViewSet(viewsets.ReadOnlyModelViewSet):
    """Numbered resolutions; a Part II resolution's text only for those who may see it."""

    serializer_class = ResolutionSerializer
    filterset_class = ResolutionFilter

    def get_queryset(self) -> QuerySet[Resolution]:
        return visible_resolutions(self.request.user).order_by("-year", "-number", "pk")


class AgendaItemViewSet(meetings_api.AgendaItemViewSet):
    """Agenda items; a Part II item's resolution text only for those who may see it."""

    serializer_class = AgendaItemSerializer

    def get_queryset(self) -> QuerySet[AgendaItem]:
        return (
            super()
            .get_queryset()
            .prefetch_related(
                Prefetch(
                    "resolutions",
                    queryset=Resolution.objects.order_by("year", "number"),
                    to_attr="api_resolutions",
                )
            )
        )

    @extend_schema(
        request=ResolutionInputSerializer,
        responses={201: ResolutionSerializer},
        summary="Record a resolution on the item",
        description="Only the body's clerks (and administrators), for a meeting that has been "
        "held; at a meeting held in common, the clerks of the sitting body named in `body` or "
        "of the lead body. The resolution takes the body's next number. A refusal is a 400 "
        "with the reason and changes nothing.",
    )
    @action(
        detail=True,
        methods=["post"],
        permission_classes=[IsAuthenticated],
        filterset_class=None,
        pagination_class=None,
    )
    def resolutions(self, request: Request, pk: str | None = None) -> Response:
        item = self.get_object()
        given = ResolutionInputSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        data = dict(given.validated_data)
        body = data["body"] or item.meeting.body
        if body.pk in item.meeting.sitting_body_ids and not can_record_for(
            request.user, item.meeting, body
        ):
            raise PermissionDenied(f"Only the {body}'s clerks record its resolutions.")
        vote = data.pop("vote")
        try:
            recorded = resolution_record(
                item=item,
                actor=request.user,
                vote=VoteCount(**vote) if vote else None,
                **data,
            )
        except DjangoValidationError as exc:
            raise refusal(exc) from exc
        recorded = visible_resolutions(request.user).get(pk=recorded.pk)
        return Response(
            ResolutionSerializer(recorded, context={"request": request}).data,
            status=status.HTTP_201_CREATED,
        )


class RatificationViewSet(viewsets.ReadOnlyModelViewSet):
    """Each organisation's ratification of a partnership's agreement in principle."""

    serializer_class = RatificationSerializer
    filterset_class = RatificationFilter

    def get_queryset(self) -> QuerySet[Ratification]:
        return (
            visible_ratifications(self.request.user)
            .select_related("resolution__item__meeting__body")
            .order_by("due_date", "pk")
        )

    @extend_schema(
        request=OutcomeSerializer,
        responses={200: RatificationSerializer},
        summary="Record the organisation's outcome",
        description="Only the organisation's governance leads (and administrators). A refusal "
        "(a final outcome, a stale version, a missing detail) is a 400 with the reason and "
        "changes nothing.",
    )
    @action(
        detail=True,
        methods=["post"],
        permission_classes=[IsAuthenticated],
        filterset_class=None,
        pagination_class=None,
    )
    def outcome(self, request: Request, pk: str | None = None) -> Response:
        ratification = self.get_object()
        if not can_record_ratification(request.user, ratification.organisation):
            raise PermissionDenied(
                f"Only {ratification.organisation}'s governance leads record its outcome."
            )
        given = OutcomeSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        try:
            recorded = ratification_record_outcome(
                ratification=ratification, actor=request.user, **given.validated_data
            )
        except DjangoValidationError as exc:
            detail = exc.message_dict if hasattr(exc, "error_dict") else {"detail": exc.messages}
            raise ValidationError(detail) from exc
        recorded = self.get_queryset().get(pk=recorded.pk)
        return Response(self.get_serializer(recorded).data)


class ActionViewSet(viewsets.ReadOnlyModelViewSet):
    """Actions arising from resolutions and items of the meetings the viewer may see; a Part II
    action's description only for those who may see the item's content."""

    serializer_class = ActionSerializer
    filterset_class = ActionFilter

    def get_queryset(self) -> QuerySet[Action]:
        return actions_visible_to(self.request.user).order_by("due_date", "pk")
