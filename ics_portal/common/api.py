"""Shared pieces of the REST API (OParl 1.1 style): paging, sync filters, `web`, dates.

Every object carries its own API URL as `id`, its page as `web`, and `created`/`modified`.
Models without those fields take them from their history: the first history row's date is
`created`, the latest `modified` (annotated in the queryset, so a list stays one query).
"""

from __future__ import annotations

from collections.abc import Callable

import django_filters
from django import forms
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Model, OuterRef, QuerySet, Subquery
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import LimitOffsetPagination

MAX_LIMIT = 100


class Pagination(LimitOffsetPagination):
    """`limit` (1 to 100, default 20) and `offset`; anything else is refused with a reason."""

    default_limit = 20
    max_limit = MAX_LIMIT

    def get_limit(self, request) -> int:
        raw = request.query_params.get(self.limit_query_param)
        if raw is None:
            return self.default_limit
        if not raw.isdigit() or not 1 <= int(raw) <= MAX_LIMIT:
            raise ValidationError(
                {"limit": [f"Give a whole number from 1 to {MAX_LIMIT} for limit."]}
            )
        return int(raw)

    def get_offset(self, request) -> int:
        raw = request.query_params.get(self.offset_query_param)
        if raw is None:
            return 0
        if not raw.isdigit():
            raise ValidationError({"offset": ["Give a whole number of 0 or more for offset."]})
        return int(raw)


def with_history_dates(queryset: QuerySet) -> QuerySet:
    """Annotate `created` and `modified` from the model's history table."""
    history = queryset.model.history.model.objects.filter(id=OuterRef("pk"))
    return queryset.annotate(
        created=Subquery(history.order_by("history_date").values("history_date")[:1]),
        modified=Subquery(history.order_by("-history_date").values("history_date")[:1]),
    )


def with_own_dates(queryset: QuerySet) -> QuerySet:
    """For models with `created`/`modified` fields: nothing to annotate."""
    return queryset


class SyncFilterSet(django_filters.FilterSet):
    """`modified_since` / `modified_until` (ISO 8601) for incremental sync."""

    modified_since = django_filters.IsoDateTimeFilter(
        field_name="modified", lookup_expr="gte", label="Changed at or after (ISO 8601)"
    )
    modified_until = django_filters.IsoDateTimeFilter(
        field_name="modified", lookup_expr="lte", label="Changed at or before (ISO 8601)"
    )


class IdFilter(django_filters.NumberFilter):
    """An object's id: a whole number the database can hold, or a 400 with the reason
    (a NumberFilter takes any decimal, and a huge one overflows the database: a 500)."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", 2**63 - 1)
        super().__init__(*args, **kwargs)


class OptionalURLField(serializers.URLField):
    """A URL that may be missing: `null`, not an empty string (which is not a URI)."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("allow_null", True)
        super().__init__(**kwargs)

    def to_representation(self, value: str) -> str | None:
        return value or None


@extend_schema_field(OpenApiTypes.URI)
class WebField(serializers.Field):
    """The object's page on the portal, as an absolute URL."""

    def __init__(self, path: Callable[[Model], str] | None = None, **kwargs) -> None:
        self.path = path or (lambda obj: obj.get_absolute_url())
        kwargs["source"] = "*"
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value: Model) -> str:
        return self.context["request"].build_absolute_uri(self.path(value))


class OParlSerializer(serializers.ModelSerializer):
    """Base serializer: `id` (own API URL), `web`, `created`, `modified`."""

    web = WebField()
    created = serializers.DateTimeField(read_only=True, allow_null=True)
    modified = serializers.DateTimeField(read_only=True, allow_null=True)


def identity(view_name: str) -> serializers.HyperlinkedIdentityField:
    return serializers.HyperlinkedIdentityField(view_name=f"api:{view_name}-detail")


def link(view_name: str, **kwargs) -> serializers.HyperlinkedRelatedField:
    return serializers.HyperlinkedRelatedField(
        view_name=f"api:{view_name}-detail", read_only=True, **kwargs
    )


ERROR = {
    "type": "object",
    "description": "`detail` with the reason, or each refused parameter or field with reasons.",
    "additionalProperties": True,
}
ERRORS = {
    "400": "A malformed parameter or field, with the reason.",
    "401": "No token, or a token that is not valid.",
    "403": "The token's owner may not do this.",
    "404": "No such object, or not one this client may see.",
}


def document_errors(result: dict, generator, request, public) -> dict:
    """drf-spectacular postprocessing hook: list the error answers every operation can give
    (bad parameters 400, unknown id 404, writes without a token or permission 401/403)."""
    for path_item in result.get("paths", {}).values():
        for method, operation in path_item.items():
            params = operation.get("parameters", [])
            codes = []
            if any(p["in"] == "query" for p in params) or method != "get":
                codes.append("400")
            if method != "get":
                codes += ["401", "403"]
            if any(p["in"] == "path" for p in params):
                codes.append("404")
            responses = operation.setdefault("responses", {})
            for code in codes:
                responses.setdefault(
                    code,
                    {
                        "description": ERRORS[code],
                        "content": {"application/json": {"schema": ERROR}},
                    },
                )
    return result


def refusal(exc: DjangoValidationError) -> ValidationError:
    """A service's refusal as a 400 with its messages, by field or under "detail"."""
    detail = exc.message_dict if hasattr(exc, "error_dict") else {"detail": exc.messages}
    return ValidationError(detail)
