"""Shared pieces of the REST API (OParl 1.1 style): paging, sync filters, `web`, dates.

Every object carries its own API URL as `id`, its page as `web`, and `created`/`modified`.
Models without those fields take them from their history: the first history row's date is
`created`, the latest `modified` (annotated in the queryset, so a list stays one query).
"""

from __future__ import annotations

import base64
import re
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import django_filters
from django import forms
from django.core.exceptions import RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import DateTimeField, F, Model, OuterRef, Q, QuerySet, Subquery
from django.db.models import Field as DjangoField
from django.urls import reverse
from django.utils import timezone
from django_filters.fields import IsoDateTimeField
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers, views
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import LimitOffsetPagination
from rest_framework.response import Response
from rest_framework.utils import json
from rest_framework.utils.urls import remove_query_param, replace_query_param

from ics_portal.common.parsers import too_large

MAX_LIMIT = 100
# The largest id or offset the database can hold (a signed 64-bit integer).
MAX_ID = 2**63 - 1
# ASCII digits only: str.isdigit() also accepts "²", which int() refuses.
WHOLE_NUMBER = re.compile(r"[0-9]{1,19}")


def _whole_number(raw: str, low: int, high: int) -> int | None:
    """`raw` as an int from low to high, or None."""
    if not WHOLE_NUMBER.fullmatch(raw) or not low <= int(raw) <= high:
        return None
    return int(raw)


class Pagination(LimitOffsetPagination):
    """`limit` (1 to 100, default 20) with `offset` or `cursor`; anything else is refused with
    a reason.

    The `next` link carries a keyset cursor (the last row's ordering values), so a client
    that follows it reads each row exactly once, however deep, from an index rather than
    skipping `offset` rows. `count` is exact up to COUNT_CAP rows and null beyond, so no
    request counts a whole table; it is null on pages reached by a cursor.
    """

    default_limit = 20
    max_limit = MAX_LIMIT
    cursor_query_param = "cursor"

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

    def paginate_queryset(self, queryset: QuerySet, request, view=None) -> list:
        self.request = request
        self.limit = self.get_limit(request)
        self.offset = self.get_offset(request)
        self.ordering = keyset_ordering(queryset)
        raw_cursor = request.query_params.get(self.cursor_query_param)
        if raw_cursor is not None:
            if self.offset_query_param in request.query_params:
                raise ValidationError(
                    {"cursor": ["Give either a cursor (from a next link) or an offset."]}
                )
            if self.ordering is None:
                raise ValidationError({"cursor": ["This list is read by offset only."]})
            queryset = queryset.filter(after_row(self.ordering, decode_cursor(raw_cursor)))
            self.offset = 0
        rows = list(queryset[self.offset : self.offset + self.limit + 1])
        self.has_next = len(rows) > self.limit
        rows = rows[: self.limit]
        self.last = rows[-1] if rows else None
        self.by_cursor = raw_cursor is not None
        self.count = None if self.by_cursor else capped_count(queryset)
        return rows

    def get_next_link(self) -> str | None:
        if not self.has_next:
            return None
        url = replace_query_param(
            self.request.build_absolute_uri(), self.limit_query_param, self.limit
        )
        if self.ordering is None:
            return replace_query_param(url, self.offset_query_param, self.offset + self.limit)
        url = remove_query_param(url, self.offset_query_param)
        token = encode_cursor(row_values(self.ordering, self.last))
        return replace_query_param(url, self.cursor_query_param, token)

    def get_previous_link(self) -> str | None:
        # A cursor walks forward only; the first page of a walk is the list's own address.
        return None if self.by_cursor else super().get_previous_link()

    def get_paginated_response_schema(self, schema: dict) -> dict:
        response = super().get_paginated_response_schema(schema)
        response["properties"]["count"].update(
            nullable=True,
            description=f"How many rows match, if fewer than {COUNT_CAP + 1}; null beyond, "
            "and on pages reached by a cursor.",
        )
        response["required"] = ["next", "previous", "results"]
        return response

    def get_schema_operation_parameters(self, view) -> list[dict]:
        parameters = super().get_schema_operation_parameters(view)
        bounds = {self.limit_query_param: (1, MAX_LIMIT), self.offset_query_param: (0, MAX_ID)}
        for parameter in parameters:
            low, high = bounds[parameter["name"]]
            parameter["schema"].update(minimum=low, maximum=high)
        parameters.append(
            {
                "name": self.cursor_query_param,
                "required": False,
                "in": "query",
                "description": "Where to go on from: take it from a `next` link.",
                "schema": {"type": "string"},
            }
        )
        return parameters


OPARL_TYPE = "https://schema.oparl.org/1.1/{}"
TOMBSTONE = {
    "type": "object",
    "description": "A record deleted since `modified_since` (OParl's `deleted` object): only "
    "its former `id`, its `type`, and when it was deleted as `modified`.",
    "properties": {
        "id": {"type": "string", "format": "uri"},
        "type": {"type": "string", "format": "uri"},
        "deleted": {"type": "boolean", "enum": [True]},
        "modified": {"type": "string", "format": "date-time"},
    },
    "required": ["id", "type", "deleted", "modified"],
    "additionalProperties": False,
}
# A cursor into the deleted records, after the live ones: [{"deleted": [when, history id]}]
# (a live cursor holds plain values, never an object).
DELETED_KEY = "deleted"


class DeletedPagination(Pagination):
    """Paging for a list whose records can be deleted: called with `modified_since`, the list
    goes on past its live rows with a tombstone (`TOMBSTONE`) for each record deleted since
    then that the viewer may see, oldest deletion first.

    The view gives the deleted records as `get_deleted_queryset()`: history "-" rows, already
    filtered by the app's access rule; the view's filters (`modified_since` reading the
    deletion date) narrow them as they narrow the live rows. The tombstones are read in one
    query, on the page where the live rows run out; a `next` cursor walks on through them.
    `count` counts the live rows only.
    """

    def paginate_queryset(self, queryset: QuerySet, request, view=None) -> list:
        self.tombstones: list[dict] = []
        self.in_deleted = False
        deleted = self._deleted(request, view)
        raw_cursor = request.query_params.get(self.cursor_query_param)
        after = _deleted_cursor(raw_cursor) if deleted is not None and raw_cursor else None
        if after is None:
            rows = super().paginate_queryset(queryset, request, view)
            if deleted is None or self.has_next:
                return rows
            if self.by_cursor:
                start = 0
            elif self.count is not None:
                start = max(0, self.offset - self.count)
            else:
                return rows
        else:
            if self.offset_query_param in request.query_params:
                raise ValidationError(
                    {"cursor": ["Give either a cursor (from a next link) or an offset."]}
                )
            self.request, self.limit = request, self.get_limit(request)
            self.ordering, self.offset, self.by_cursor, self.count = None, 0, True, None
            self.last, rows, start = None, [], 0
            if after:
                deleted = deleted.filter(_after_deletion(after))
        self.in_deleted = True
        room = self.limit - len(rows)
        found = list(deleted[start : start + room + 1])
        self.has_next = len(found) > room
        self.last_deleted = found[room - 1] if room and len(found) > room else None
        prefix = request.build_absolute_uri(reverse(f"api:{view.basename}-list"))
        kind = OPARL_TYPE.format(view.oparl_type)
        moment = serializers.DateTimeField()
        self.tombstones = [
            {
                "id": f"{prefix}{row.id}/",
                "type": kind,
                "deleted": True,
                "modified": moment.to_representation(row.history_date),
            }
            for row in found[:room]
        ]
        return rows

    def _deleted(self, request, view) -> QuerySet | None:
        """The view's deleted records narrowed by its filters, oldest deletion first; None
        unless the client asked for changes since a moment."""
        if "modified_since" not in request.query_params or view is None:
            return None
        deleted = view.get_deleted_queryset().annotate(modified=F("history_date"))
        filterset = view.filterset_class(request.query_params, deleted, request=request)
        return filterset.qs.order_by("history_date", "history_id")

    def get_next_link(self) -> str | None:
        if not (self.in_deleted and self.has_next):
            return super().get_next_link()
        url = remove_query_param(self.request.build_absolute_uri(), self.offset_query_param)
        url = replace_query_param(url, self.limit_query_param, self.limit)
        last = self.last_deleted
        place = None if last is None else [last.history_date, last.history_id]
        token = encode_cursor([{DELETED_KEY: place}])
        return replace_query_param(url, self.cursor_query_param, token)

    def get_paginated_response(self, data: list) -> Response:
        return super().get_paginated_response([*data, *self.tombstones])

    def get_paginated_response_schema(self, schema: dict) -> dict:
        response = super().get_paginated_response_schema(schema)
        results = response["properties"]["results"]
        results["items"] = {"anyOf": [results["items"], TOMBSTONE]}
        results["description"] = (
            "The records; with `modified_since`, after them a tombstone for each record "
            "deleted since then."
        )
        return response


def _deleted_cursor(token: str) -> list | None:
    """The place in the deleted records a cursor holds ([] for their start), or None if it is
    a cursor into the live rows."""
    values = decode_cursor(token)
    if len(values) != 1 or not isinstance(values[0], dict):
        return None
    place = values[0].get(DELETED_KEY, "missing")
    if place is None:
        return []
    if not isinstance(place, list) or len(place) != 2:
        raise _bad_cursor()
    return place


def _after_deletion(place: list) -> Q:
    """Deleted records after the one deleted at this moment with this history id."""
    when, history_id = place
    try:
        moment = forms.DateTimeField().to_python(when)
    except DjangoValidationError as exc:
        raise _bad_cursor() from exc
    if (
        moment is None
        or timezone.is_naive(moment)
        or not isinstance(history_id, int)
        or not 0 <= history_id <= MAX_ID
    ):
        raise _bad_cursor()
    return Q(history_date__gt=moment) | Q(history_date=moment, history_id__gt=history_id)


# A list's count is exact up to this many rows and null beyond (a client walks a longer list
# by its `next` links): no request reads more rows than this to count them.
COUNT_CAP = 1_000


def capped_count(queryset: QuerySet) -> int | None:
    """How many rows the queryset has, or None past COUNT_CAP (counting a bounded subquery)."""
    count = queryset.order_by()[: COUNT_CAP + 1].count()
    return None if count > COUNT_CAP else count


def keyset_ordering(queryset: QuerySet) -> list[tuple[str, bool, DjangoField]] | None:
    """The queryset's ordering as (lookup, descending, field), or None if it is not a plain
    list of field lookups ending in a unique one (so no two rows share a position)."""
    ordering = []
    for term in queryset.query.order_by:
        if not isinstance(term, str):
            return None
        lookup, descending = term.removeprefix("-"), term.startswith("-")
        model, field = queryset.model, None
        for part in lookup.split("__"):
            if model is None:
                return None
            field = model._meta.pk if part == "pk" else model._meta.get_field(part)
            model = field.related_model
        if field is None or field.null:
            return None
        ordering.append((lookup, descending, field))
    if not ordering or not ordering[-1][2].primary_key:
        return None
    return ordering


def row_values(ordering: list[tuple[str, bool, DjangoField]], row: Model) -> list[Any]:
    values = []
    for lookup, _descending, _field in ordering:
        value = row
        for part in lookup.split("__"):
            value = getattr(value, part)
        values.append(value)
    return values


class _CursorEncoder(DjangoJSONEncoder):
    """Keeps a moment's microseconds (DjangoJSONEncoder cuts them to milliseconds, and a walk
    ordered by time would then skip or repeat rows that share a millisecond)."""

    def default(self, o):
        if isinstance(o, datetime):
            return o.isoformat()
        return super().default(o)


def encode_cursor(values: list[Any]) -> str:
    raw = json.dumps(values, cls=_CursorEncoder).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(token: str) -> list[Any]:
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        values = json.loads(raw)
    except (ValueError, TypeError) as exc:
        raise _bad_cursor() from exc
    if not isinstance(values, list):
        raise _bad_cursor()
    return values


def _bad_cursor() -> ValidationError:
    return ValidationError({"cursor": ["Give a cursor from a next link, unchanged."]})


def after_row(ordering: list[tuple[str, bool, DjangoField]], raw_values: list[Any]) -> Q:
    """Rows after the one with these ordering values: (a, b) after (x, y) is a past x, or a
    at x and b past y. The leading `a` at or past x is said again on its own so the database
    starts its index scan there rather than filtering from the first row."""
    if len(raw_values) != len(ordering):
        raise _bad_cursor()
    values = []
    for (_lookup, _descending, field), raw in zip(ordering, raw_values, strict=True):
        try:
            value = field.to_python(raw)
            if isinstance(field, DateTimeField) and timezone.is_naive(value):
                raise DjangoValidationError("naive")
            field.get_prep_value(value)
        except (DjangoValidationError, TypeError, ValueError, OverflowError) as exc:
            raise _bad_cursor() from exc
        if value is None or (isinstance(value, int) and not -MAX_ID - 1 <= value <= MAX_ID):
            raise _bad_cursor()
        values.append(value)
    after, same = Q(pk__in=[]), Q()
    for (lookup, descending, _field), value in zip(ordering, values, strict=True):
        after |= same & Q(**{f"{lookup}__{'lt' if descending else 'gt'}": value})
        same &= Q(**{lookup: value})
    lookup, descending, _field = ordering[0]
    return Q(**{f"{lookup}__{'lte' if descending else 'gte'}": values[0]}) & after


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
            known |= {
                paginator.limit_query_param,
                paginator.offset_query_param,
                paginator.cursor_query_param,
            }
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
        exc = too_large()
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


def _origin(context: dict) -> str:
    """The scheme and host of the request, worked out once per response."""
    if "api_origin" not in context:
        context["api_origin"] = context["request"].build_absolute_uri("/").removesuffix("/")
    return context["api_origin"]


# Stands for an object's id in a page's address reversed once per response.
_ANY_ID = 918273645


@extend_schema_field(OpenApiTypes.URI)
class WebField(serializers.Field):
    """The object's page on the portal, as an absolute URL: its `get_absolute_url()`, or
    `page`, the name of a view taking the object's id, reversed once per response rather than
    once per row."""

    def __init__(
        self, path: Callable[[Model], str] | None = None, page: str | None = None, **kwargs
    ) -> None:
        self.path = path or (lambda obj: obj.get_absolute_url())
        self.page = page
        kwargs["source"] = "*"
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value: Model) -> str:
        if self.page is None:
            return _origin(self.context) + self.path(value)
        pages = self.context.setdefault("web_pages", {})
        if self.page not in pages:
            address = _origin(self.context) + reverse(self.page, args=[_ANY_ID])
            pages[self.page] = address.split(str(_ANY_ID))
        before, after = pages[self.page]
        return f"{before}{value.pk}{after}"


class PrefixLinkMixin:
    """An object's API URL as the list's URL and its id: the list's URL is reversed once per
    response, not once per field of every row."""

    def get_url(self, obj, view_name: str, request, format) -> str | None:
        if format or self.lookup_field != "pk":
            return super().get_url(obj, view_name, request, format)
        if obj.pk in (None, ""):
            return None
        prefixes = self.context.setdefault("api_prefixes", {})
        if view_name not in prefixes:
            list_name = view_name.removesuffix("-detail") + "-list"
            prefixes[view_name] = _origin(self.context) + reverse(list_name)
        return f"{prefixes[view_name]}{obj.pk}/"


class IdentityField(PrefixLinkMixin, serializers.HyperlinkedIdentityField):
    pass


class LinkField(PrefixLinkMixin, serializers.HyperlinkedRelatedField):
    pass


class OParlSerializer(serializers.ModelSerializer):
    """Base serializer: `id` (own API URL), `web`, `created`, `modified`."""

    web = WebField()
    created = serializers.DateTimeField(read_only=True, allow_null=True)
    modified = serializers.DateTimeField(read_only=True, allow_null=True)


def identity(view_name: str) -> serializers.HyperlinkedIdentityField:
    return IdentityField(view_name=f"api:{view_name}-detail")


def link(view_name: str, **kwargs) -> serializers.HyperlinkedRelatedField:
    return LinkField(view_name=f"api:{view_name}-detail", read_only=True, **kwargs)


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
