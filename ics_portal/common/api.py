"""Shared pieces of the REST API (OParl 1.1 style): paging, sync filters, `web`, dates.

Every object carries its own API URL as `id`, its page as `web`, and `created`/`modified`.
Models without those fields take them from their history: the first history row's date is
`created`, the latest `modified` (annotated in the queryset, so a list stays one query).
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import django_filters
from django import forms
from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Model, OuterRef, QuerySet, Subquery
from django_filters.fields import IsoDateTimeField
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import parsers, serializers, views
from rest_framework.exceptions import ParseError, ValidationError
from rest_framework.pagination import LimitOffsetPagination
from rest_framework.response import Response
from rest_framework.utils import json

MAX_LIMIT = 100
# The largest id or offset the database can hold (a signed 64-bit integer).
MAX_ID = 2**63 - 1
# ASCII digits only: str.isdigit() also accepts "²", which int() refuses.
WHOLE_NUMBER = re.compile(r"[0-9]{1,19}")
# How deep a JSON body may nest: the writes need three levels; the parser refuses past this.
MAX_JSON_DEPTH = 10


def _whole_number(raw: str, low: int, high: int) -> int | None:
    """`raw` as an int from low to high, or None."""
    if not WHOLE_NUMBER.fullmatch(raw) or not low <= int(raw) <= high:
        return None
    return int(raw)


class Pagination(LimitOffsetPagination):
    """`limit` (1 to 100, default 20) and `offset`; anything else is refused with a reason."""

    default_limit = 20
    max_limit = MAX_LIMIT

    def get_limit(self, request) -> int:
        raw = request.query_params.get(self.limit_query_param)
        if raw is None:
            return self.default_limit
        limit = _whole_number(raw, 1, MAX_LIMIT)
        if limit is None:
            raise ValidationError(
                {"limit": [f"Give a whole number from 1 to {MAX_LIMIT} for limit."]}
            )
        return limit

    def get_offset(self, request) -> int:
        raw = request.query_params.get(self.offset_query_param)
        if raw is None:
            return 0
        offset = _whole_number(raw, 0, MAX_ID)
        if offset is None:
            raise ValidationError(
                {"offset": [f"Give a whole number from 0 to {MAX_ID} for offset."]}
            )
        return offset

    def get_schema_operation_parameters(self, view) -> list[dict]:
        parameters = super().get_schema_operation_parameters(view)
        bounds = {self.limit_query_param: (1, MAX_LIMIT), self.offset_query_param: (0, MAX_ID)}
        for parameter in parameters:
            low, high = bounds[parameter["name"]]
            parameter["schema"].update(minimum=low, maximum=high)
        return parameters


class FilterBackend(DjangoFilterBackend):
    """django-filter, refusing any query parameter that no filter (nor paging, on a list)
    reads: a misspelt `modifed_since` would otherwise silently return everything."""

    always_known = frozenset({"format"})

    def filter_queryset(self, request, queryset: QuerySet, view) -> QuerySet:
        known = set(self.always_known)
        filterset_class = self.get_filterset_class(view, queryset)
        if filterset_class is not None:
            known |= set(filterset_class.base_filters)
        paginator = getattr(view, "paginator", None)
        if getattr(view, "action", None) == "list" and isinstance(paginator, Pagination):
            known |= {paginator.limit_query_param, paginator.offset_query_param}
        unknown = sorted(set(request.query_params) - known)
        if unknown:
            accepted = ", ".join(sorted(known))
            raise ValidationError(
                {
                    name: [f"{name} is not a parameter here; the parameters are: {accepted}."]
                    for name in unknown
                }
            )
        return super().filter_queryset(request, queryset, view)


def _depth(data: Any) -> int:
    """How deep a parsed JSON value nests (a scalar 0, `[]` 1), counted without recursion."""
    deepest, stack = 0, [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
            children = value.values()
        elif isinstance(value, list):
            children = value
        else:
            continue
        deepest = max(deepest, depth)
        if deepest > MAX_JSON_DEPTH:
            break
        stack.extend((child, depth + 1) for child in children)
    return deepest


def _too_large() -> ParseError:
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    return ParseError(f"The body is too large: at most {limit} bytes.")


class JSONParser(parsers.JSONParser):
    """JSON bodies of at most DATA_UPLOAD_MAX_MEMORY_SIZE bytes, nested at most
    MAX_JSON_DEPTH deep; a larger or deeper body is a 400, never a RecursionError."""

    def parse(self, stream, media_type=None, parser_context=None) -> Any:
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        raw = stream.read() if limit is None else stream.read(limit + 1)
        if limit is not None and len(raw) > limit:
            raise _too_large()
        too_deep = ParseError(f"The body is nested too deeply: at most {MAX_JSON_DEPTH} levels.")
        encoding = (parser_context or {}).get("encoding", settings.DEFAULT_CHARSET)
        try:
            text = codecs.decode(raw, encoding)
            parse_constant = json.strict_constant if self.strict else None
            data = json.loads(text, parse_constant=parse_constant)
        except RecursionError as exc:
            raise too_deep from exc
        except ValueError as exc:
            raise ParseError(f"JSON parse error - {exc}") from exc
        if _depth(data) > MAX_JSON_DEPTH:
            raise too_deep
        return data


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


def exception_handler(exc: Exception, context: dict) -> Response | None:
    """DRF's handler, and a body over DATA_UPLOAD_MAX_MEMORY_SIZE (which Django refuses as
    DRF reads it, before any parser) as the same JSON 400 as any other unreadable body."""
    if isinstance(exc, RequestDataTooBig):
        exc = _too_large()
    return views.exception_handler(exc, context)


class MomentField(IsoDateTimeField):
    """An ISO 8601 moment, converted to UTC: PostgreSQL refuses a UTC offset of 16 hours or
    more, which ISO 8601 (and Python) allow up to 24."""

    def to_python(self, value: str | None) -> datetime | None:
        moment = super().to_python(value)
        if moment is None:
            return None
        try:
            return moment.astimezone(UTC)
        except OverflowError as exc:
            raise DjangoValidationError(
                "Give a moment between the years 1 and 9999 in UTC.", code="invalid"
            ) from exc


class MomentFilter(django_filters.IsoDateTimeFilter):
    field_class = MomentField


class SyncFilterSet(django_filters.FilterSet):
    """`modified_since` / `modified_until` (ISO 8601) for incremental sync."""

    modified_since = MomentFilter(
        field_name="modified", lookup_expr="gte", label="Changed at or after (ISO 8601)"
    )
    modified_until = MomentFilter(
        field_name="modified", lookup_expr="lte", label="Changed at or before (ISO 8601)"
    )


@extend_schema_field({"type": "integer", "minimum": 1, "maximum": MAX_ID})
class IdFilter(django_filters.NumberFilter):
    """An object's id: a whole number the database can hold, or a 400 with the reason
    (a NumberFilter takes any decimal, and a huge one overflows the database: a 500)."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_ID)
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
    (bad parameters 400, unknown id 404, writes without a token or permission 401/403), and
    the range of ids in paths (anything else is a 404)."""
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
            for param in params:
                if param["in"] == "path" and param["schema"].get("type") == "integer":
                    param["schema"].update(minimum=1, maximum=MAX_ID)
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
