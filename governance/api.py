"""The API's view of the standing structure: organisations, partnerships, bodies, people and
memberships (all public, as their pages are)."""

from __future__ import annotations

import django_filters
from rest_framework import serializers, viewsets

from governance.models import (
    Body,
    Membership,
    Organisation,
    Partnership,
    PartnershipMember,
    Person,
)
from ics_portal.common.api import (
    IdFilter,
    OParlSerializer,
    SyncFilterSet,
    WebField,
    identity,
    link,
    with_history_dates,
)


class OrganisationSerializer(OParlSerializer):
    id = identity("organisation")
    shortName = serializers.CharField(source="short_name", read_only=True)
    classification = serializers.CharField(source="kind", read_only=True)
    odsCode = serializers.CharField(source="ods_code", read_only=True)
    ratifyingBody = link("body", source="ratifying_body", allow_null=True)

    class Meta:
        model = Organisation
        fields = [
            "id",
            "web",
            "name",
            "shortName",
            "classification",
            "odsCode",
            "ratifyingBody",
            "created",
            "modified",
        ]


class PartnershipSerializer(OParlSerializer):
    id = identity("partnership")
    shortName = serializers.CharField(source="short_name", read_only=True)
    subOrganizationOf = link("partnership", source="parent", allow_null=True)

    class Meta:
        model = Partnership
        fields = [
            "id",
            "web",
            "name",
            "shortName",
            "level",
            "subOrganizationOf",
            "created",
            "modified",
        ]


class BodySerializer(OParlSerializer):
    id = identity("body")
    shortName = serializers.CharField(source="short_name", read_only=True)
    classification = serializers.CharField(source="kind", read_only=True)
    partnership = link("partnership", allow_null=True)
    organisation = link("organisation", allow_null=True)
    subOrganizationOf = link("body", source="parent", allow_null=True)

    class Meta:
        model = Body
        fields = [
            "id",
            "web",
            "name",
            "shortName",
            "classification",
            "partnership",
            "organisation",
            "subOrganizationOf",
            "created",
            "modified",
        ]


class PersonSerializer(OParlSerializer):
    id = identity("person")
    jobTitle = serializers.CharField(source="job_title", read_only=True)
    organisation = link("organisation", allow_null=True)

    class Meta:
        model = Person
        # No email: contact details stay off the public record.
        fields = [
            "id",
            "web",
            "name",
            "honorific",
            "jobTitle",
            "organisation",
            "created",
            "modified",
        ]


class MembershipSerializer(OParlSerializer):
    id = identity("membership")
    web = WebField(path=lambda membership: membership.person.get_absolute_url())
    person = link("person")
    body = link("body")
    votingRight = serializers.BooleanField(source="voting", read_only=True)
    onBehalfOf = link("organisation", source="representing", allow_null=True)
    startDate = serializers.DateField(source="start", read_only=True)
    endDate = serializers.DateField(source="end", read_only=True, allow_null=True)

    class Meta:
        model = Membership
        fields = [
            "id",
            "web",
            "person",
            "body",
            "role",
            "votingRight",
            "onBehalfOf",
            "startDate",
            "endDate",
            "created",
            "modified",
        ]


class PartnershipMemberSerializer(OParlSerializer):
    id = identity("partnership-membership")
    web = WebField(path=lambda member: member.partnership.get_absolute_url())
    partnership = link("partnership")
    organisation = link("organisation")
    startDate = serializers.DateField(source="joined", read_only=True)
    endDate = serializers.DateField(source="left", read_only=True, allow_null=True)

    class Meta:
        model = PartnershipMember
        fields = [
            "id",
            "web",
            "partnership",
            "organisation",
            "startDate",
            "endDate",
            "created",
            "modified",
        ]


class PartnershipMemberFilter(SyncFilterSet):
    partnership = IdFilter(field_name="partnership_id")
    organisation = IdFilter(field_name="organisation_id")


class BodyFilter(SyncFilterSet):
    partnership = IdFilter(field_name="partnership_id")
    organisation = IdFilter(field_name="organisation_id")


class MembershipFilter(SyncFilterSet):
    body = IdFilter(field_name="body_id")
    person = IdFilter(field_name="person_id")
    role = django_filters.ChoiceFilter(choices=Membership.Role.choices)


class OrganisationViewSet(viewsets.ReadOnlyModelViewSet):
    """Sovereign organisations: councils, NHS bodies, VCSE partners."""

    serializer_class = OrganisationSerializer
    filterset_class = SyncFilterSet
    queryset = with_history_dates(Organisation.objects.order_by("pk"))


class PartnershipViewSet(viewsets.ReadOnlyModelViewSet):
    """Partnerships: systems, places, neighbourhoods and collaboratives."""

    serializer_class = PartnershipSerializer
    filterset_class = SyncFilterSet
    queryset = with_history_dates(Partnership.objects.order_by("pk"))


class BodyViewSet(viewsets.ReadOnlyModelViewSet):
    """Boards, committees and other decision-making bodies."""

    serializer_class = BodySerializer
    filterset_class = BodyFilter
    queryset = with_history_dates(Body.objects.order_by("pk"))


class PersonViewSet(viewsets.ReadOnlyModelViewSet):
    """People who sit on, serve or report to a body."""

    serializer_class = PersonSerializer
    filterset_class = SyncFilterSet
    queryset = with_history_dates(Person.objects.order_by("pk"))


class MembershipViewSet(viewsets.ReadOnlyModelViewSet):
    """Seats on bodies: role, voting right and the organisation represented."""

    serializer_class = MembershipSerializer
    filterset_class = MembershipFilter
    queryset = with_history_dates(Membership.objects.select_related("person").order_by("pk"))


class PartnershipMemberViewSet(viewsets.ReadOnlyModelViewSet):
    """Organisations' memberships of partnerships, from the day they joined until they left."""

    serializer_class = PartnershipMemberSerializer
    filterset_class = PartnershipMemberFilter
    queryset = with_history_dates(
        PartnershipMember.objects.select_related("partnership").order_by("pk")
    )
