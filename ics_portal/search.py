"""Search across decisions, reports, agenda items, approved minutes, risks and agreements.

`search(user, query, page)` is the one entry point. It finds, for each kind of record, only
what the user may see on the record's own page (the rules of `meetings.access` and
`meetings.access`, as query filters):

- a resolution's text (preamble and parts) if its item's content is visible;
- a report (title, purpose, recommendations, information) if its item's content is visible;
- an agenda item's title if its meeting is visible (a Part II title is public);
- a minute's text if its item's content is visible and the minutes are approved — or the user
  edits the body (clerks and administrators also see drafts, as on the meeting page);
- a risk (reference, title, description, mitigations): risk registers are public;
- an agreement (title, summary) if `governance.access` lets the user see it (drafts only to
  those who edit them);
- an officer or delegated decision (title, taker, decision, reasons) if `decisions.access`
  shows its content (an exempt one only to its organisation's leads and officers);
- a forward plan entry (title, documents, why in private): the forward plan is public;
- a decision notice (title, decision, reasons) if `decisions.access` shows its text (one
  taken in private only to its organisation's leads; one ratifying a Part II resolution as
  that resolution's text).

On PostgreSQL it uses full-text search (English stemming, web-search syntax) on the vector the
database stores for each row, through its GIN index (`ics_portal.common.search_vector`): of
the `MAX_MATCHES` most recently recorded matches of each kind, best ranked first, with
`ts_headline` snippets for the page shown only. Elsewhere every word of the query must appear
(case-insensitive; on SQLite found through a trigram index, `ics_portal.common.
search_index_sqlite`), of the `MAX_MATCHES` most recently recorded matches newest first.
Either way it runs a fixed number of queries: one per kind to find the matching keys, then
one per kind to load the page's rows.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time

from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import F, Model, Q, QuerySet, TextField, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Concat, Replace
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from decisions.access import delegated_decision_content_q, notice_text_q
from decisions.models import DecisionNotice, DelegatedDecision, ForwardPlanEntry, Resolution
from governance.access import agreement_visible_q
from governance.models import Agreement, Risk
from ics_portal.common.search_index_sqlite import ensure_search_indexes, index_table
from ics_portal.common.search_vector import LESS_THAN, StoredMatch, StoredRank
from meetings.access import item_content_q, meeting_visible_q, minutes_q
from meetings.models import AgendaItem, Minute, Report

PER_PAGE = 20
MIN_LENGTH = 2
MAX_LENGTH = 200
MAX_WORDS = 10
MAX_MATCHES = 500  # per kind of record
# On SQLite, the most recently recorded rows of a kind that contain every word, of which those
# the user may see are the matches: the index reads a common word's newest rows, not all.
SQLITE_CANDIDATES = 4 * MAX_MATCHES
SNIPPET_CHARS = 240

# Marks put around matches by ts_headline; the text is escaped first, then they become <mark>.
START_SEL = "\ue000"
STOP_SEL = "\ue001"
# LESS_THAN stands in for "<", which PostgreSQL's parser would read as markup and drop; the
# headline turns it back into "&lt;" after escaping.

WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Kind:
    """One kind of searchable record."""

    key: str
    label: str
    model: type[Model]
    fields: tuple[str, ...]
    date_field: str
    related: tuple[str, ...]
    visible: Callable[[object], Q]


KINDS: tuple[Kind, ...] = (
    Kind(
        key="resolution",
        label="Decision",
        model=Resolution,
        fields=("preamble", "parts"),
        date_field="meeting__start",
        related=("body", "meeting__body", "item"),
        visible=lambda user: item_content_q(user, prefix="item__"),
    ),
    Kind(
        key="report",
        label="Report",
        model=Report,
        fields=("title", "purpose", "recommendations", "information"),
        date_field="item__meeting__start",
        related=("item__meeting__body",),
        visible=lambda user: item_content_q(user, prefix="item__"),
    ),
    Kind(
        key="item",
        label="Agenda item",
        model=AgendaItem,
        fields=("title",),
        date_field="meeting__start",
        related=("meeting__body",),
        visible=lambda user: meeting_visible_q(user, prefix="meeting__"),
    ),
    Kind(
        key="minute",
        label="Minutes",
        model=Minute,
        fields=("text",),
        date_field="item__meeting__start",
        related=("item__meeting__body",),
        visible=minutes_q,
    ),
    Kind(
        key="risk",
        label="Risk",
        model=Risk,
        fields=("reference", "title", "description", "mitigations"),
        date_field="review_date",
        related=("partnership", "body"),
        visible=lambda user: Q(),
    ),
    Kind(
        key="agreement",
        label="Agreement",
        model=Agreement,
        fields=("title", "summary"),
        date_field="effective_from",
        related=("partnership",),
        visible=agreement_visible_q,
    ),
    Kind(
        key="delegated",
        label="Delegated decision",
        model=DelegatedDecision,
        fields=("title", "decided_by", "decision", "reasons"),
        date_field="decided_on",
        related=("organisation",),
        visible=delegated_decision_content_q,
    ),
    Kind(
        key="forward_plan",
        label="Forward plan",
        model=ForwardPlanEntry,
        fields=("title", "documents", "private_reason"),
        date_field="expected_on",
        related=("organisation", "decision_maker_body"),
        visible=lambda user: Q(),
    ),
    Kind(
        key="notice",
        label="Decision notice",
        model=DecisionNotice,
        fields=("title", "decision", "reasons"),
        date_field="published_on",
        related=("organisation", "decision_maker_body"),
        visible=notice_text_q,
    ),
)


@dataclass(frozen=True)
class Result:
    """One search result as the page shows it."""

    kind: str
    label: str
    title: str
    url: str
    snippet: SafeString
    body: str
    date: datetime | date | None
    notice: str = ""


@dataclass
class SearchResults:
    """What the search page shows: a message, or a page of results."""

    query: str
    message: str = ""
    page: Page | None = None
    results: list[Result] = field(default_factory=list)
    total: int = 0
    capped: bool = False


def after_migrate(sender, using: str = "default", **kwargs) -> None:
    """post_migrate receiver: on SQLite, each kind's trigram index and its triggers."""
    ensure_search_indexes([(kind.model, kind.fields) for kind in KINDS], using)


def _is_postgresql() -> bool:
    return connection.vendor == "postgresql"


def check_query(query: str) -> tuple[list[str], str]:
    """The query's words, or a message saying why it cannot be searched for."""
    if len(query) > MAX_LENGTH:
        return [], f"Enter a search of {MAX_LENGTH} characters or fewer."
    words = WORD.findall(query)
    if not words or len("".join(words)) < MIN_LENGTH:
        return [], "Enter at least 2 letters or numbers to search for."
    return words[:MAX_WORDS], ""


def _document(kind: Kind):
    """The searchable text of a row, as one expression (PostgreSQL)."""
    pieces: list = [Value("")]
    for name in kind.fields:
        pieces += [F(name), Value(" \n ")]
    text = Concat(*pieces, output_field=TextField())
    return Replace(text, Value("<"), Value(LESS_THAN), output_field=TextField())


def matches(kind: Kind, user, query: str, words: list[str]) -> QuerySet:
    """The rows of one kind the user may see that match: the stored vector on PostgreSQL,
    every word found through the trigram index on SQLite."""
    rows: QuerySet = kind.model.objects.filter(kind.visible(user))
    if _is_postgresql():
        return rows.filter(StoredMatch(query))
    # The index takes words of three letters or more (a trigram each at least). A shorter word,
    # or one with "_" (a LIKE wildcard), is matched in the row's own text; SQLite 3.40 also
    # crashes on a short pattern beside a longer one in the index's ORDER BY rowid DESC.
    indexed = [word for word in words if len(word) >= 3 and "_" not in word]
    for word in words:
        if word not in indexed:
            rows = rows.filter(_contains(kind, word))
    if not indexed:
        return rows
    index = connection.ops.quote_name(index_table(kind.model))
    found = (
        f"SELECT rowid FROM {index} WHERE {' AND '.join(['body LIKE %s'] * len(indexed))} "
        f"ORDER BY rowid DESC LIMIT {SQLITE_CANDIDATES}"
    )
    return rows.filter(pk__in=RawSQL(found, [f"%{word}%" for word in indexed]))


def _contains(kind: Kind, word: str) -> Q:
    """Rows with the word in one of their searched fields, ignoring case."""
    anywhere = Q()
    for name in kind.fields:
        anywhere |= Q(**{f"{name}__icontains": word})
    return anywhere


def _matching_keys(kind: Kind, user, query: str, words: list[str]) -> list[tuple]:
    """(rank, date, kind key, pk) of at most MAX_MATCHES matching rows, best first (one query).

    On PostgreSQL, the most recently recorded matches ranked, so that a common word ranks a
    few hundred rows rather than every row it is in; elsewhere newest first, unranked.
    """
    newest_first = (F(kind.date_field).desc(nulls_last=True), "-pk")
    rows = matches(kind, user, query, words)
    recent = rows.order_by("-pk").values("pk")[:MAX_MATCHES]
    if _is_postgresql():
        rows = (
            kind.model.objects.filter(pk__in=recent)
            .annotate(search_rank=StoredRank(query))
            .order_by("-search_rank", *newest_first)
        )
        keys = rows.values_list("search_rank", kind.date_field, "pk")
        return [(rank, when, kind.key, pk) for rank, when, pk in keys]
    rows = kind.model.objects.filter(pk__in=recent).order_by(*newest_first)
    return [(0.0, when, kind.key, pk) for when, pk in rows.values_list(kind.date_field, "pk")]


def _timestamp(when: datetime | date | None) -> float:
    """A meeting's start or a record's date, as a number to sort by (no date: oldest)."""
    if when is None:
        return float("-inf")
    if not isinstance(when, datetime):
        when = datetime.combine(when, time.min, tzinfo=UTC)
    return when.timestamp()


def highlight(text: str, words: list[str], limit: int = SNIPPET_CHARS) -> SafeString:
    """A snippet of plain text around the first match, escaped, with the words in <mark>."""
    text = " ".join(text.split())
    pattern = re.compile(
        "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)), re.I
    )
    first = pattern.search(text)
    start = 0
    if first and len(text) > limit:
        start = max(0, first.start() - limit // 3)
    window = text[start : start + limit]
    pieces = ["…" if start > 0 else ""]
    position = 0
    for match in pattern.finditer(window):
        pieces.append(escape(window[position : match.start()]))
        pieces.append(f"<mark>{escape(match.group())}</mark>")
        position = match.end()
    pieces.append(escape(window[position:]))
    if start + limit < len(text):
        pieces.append("…")
    return mark_safe("".join(pieces))


def headline_html(headline: str) -> SafeString:
    """ts_headline output made safe: everything escaped, then the marks turned into <mark>."""
    escaped = str(escape(" ".join(headline.split())))
    marked = re.sub(f"{START_SEL}(.*?){STOP_SEL}", r"<mark>\1</mark>", escaped, flags=re.S)
    marked = marked.replace(START_SEL, "").replace(STOP_SEL, "").replace(LESS_THAN, "&lt;")
    return mark_safe(marked)


def _load(kind: Kind, pks: list[int], query: str) -> dict[int, tuple[Model, str | None]]:
    """The page's rows of one kind, by pk, with their headline on PostgreSQL (one query)."""
    rows = kind.model.objects.filter(pk__in=pks).select_related(*kind.related)
    if not _is_postgresql():
        return {row.pk: (row, None) for row in rows}
    # why: django.contrib.postgres needs psycopg, which a SQLite install may lack.
    from django.contrib.postgres.search import SearchHeadline, SearchQuery

    search_query = SearchQuery(query, config="english", search_type="websearch")
    rows = rows.annotate(
        search_headline=SearchHeadline(
            _document(kind),
            search_query,
            config="english",
            start_sel=START_SEL,
            stop_sel=STOP_SEL,
            max_words=40,
            min_words=15,
            max_fragments=2,
            fragment_delimiter=" … ",
        )
    )
    return {row.pk: (row, row.search_headline) for row in rows}


def _text(kind: Kind, row: Model) -> str:
    return "\n".join(getattr(row, name) or "" for name in kind.fields)


def _shown(row: Model) -> dict:
    """What a result says of its record: title, address, body (or owner) and date."""
    if isinstance(row, Resolution):
        return {
            "title": f"{row.body.short_name} {row.reference}: {row.item.title}",
            "body": row.meeting.body.name,
            "date": row.meeting.start,
        }
    if isinstance(row, Report):
        meeting = row.item.meeting
        return {"title": row.title, "body": meeting.body.name, "date": meeting.start}
    if isinstance(row, Risk):
        return {"title": str(row), "body": row.register_owner.name, "date": row.review_date}
    if isinstance(row, Agreement):
        return {
            "title": str(row),
            "body": row.partnership.name if row.partnership else "",
            "date": row.effective_from,
        }
    if isinstance(row, DelegatedDecision):
        return {
            "title": row.title,
            "body": f"{row.organisation.name}: {row.decided_by}",
            "date": row.decided_on,
        }
    if isinstance(row, ForwardPlanEntry | DecisionNotice):
        return {
            "title": row.title,
            "body": f"{row.organisation.name}: {row.decision_maker}",
            "date": row.expected_on if isinstance(row, ForwardPlanEntry) else row.published_on,
        }
    if isinstance(row, AgendaItem):
        return {
            "title": f"{row.position}. {row.title}",
            "url": reverse("meetings:item_detail", args=[row.meeting_id, row.position]),
            "body": row.meeting.body.name,
            "date": row.meeting.start,
            "notice": row.exempt_notice if row.is_exempt else "",
        }
    item = row.item
    return {
        "title": f"Minute {item.position}: {item.title}",
        "url": item.get_absolute_url(),
        "body": item.meeting.body.name,
        "date": item.meeting.start,
    }


def _result(kind: Kind, row: Model, snippet: SafeString) -> Result:
    shown = _shown(row)
    if "url" not in shown:
        shown["url"] = row.get_absolute_url()
    return Result(kind=kind.key, label=kind.label, snippet=snippet, **shown)


def search(user, query: str, page: object = 1) -> SearchResults:
    """A page of what the user may see that matches the query, best (or newest) first."""
    query = (query or "").strip()
    words, message = check_query(query)
    if message:
        return SearchResults(query=query, message=message)
    keys: list[tuple] = []
    capped = False
    for kind in KINDS:
        found = _matching_keys(kind, user, query, words)
        capped = capped or len(found) >= MAX_MATCHES
        keys.extend(found)
    # Best rank first (all equal off PostgreSQL), then newest meeting first.
    keys.sort(key=lambda key: (-key[0], -_timestamp(key[1]), key[2], -key[3]))
    results_page = Paginator(keys, PER_PAGE).get_page(page)
    by_kind = {kind.key: kind for kind in KINDS}
    loaded: dict[str, dict] = {}
    for kind in KINDS:
        pks = [pk for _, _, key, pk in results_page.object_list if key == kind.key]
        if pks:
            loaded[kind.key] = _load(kind, pks, query)
    results = []
    for _, _, key, pk in results_page.object_list:
        kind = by_kind[key]
        row, headline = loaded[key][pk]
        if headline is not None and START_SEL in headline:
            snippet = headline_html(headline)
        else:
            snippet = highlight(_text(kind, row), words)
        results.append(_result(kind, row, snippet))
    return SearchResults(
        query=query,
        page=results_page,
        results=results,
        total=len(keys),
        capped=capped,
    )
