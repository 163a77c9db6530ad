"""Reads of actions that the action log, the trail page and the body page share."""

from __future__ import annotations

from datetime import date

from django.db.models import Q, QuerySet

from decisions.access import can_see_action_content
from decisions.models import Action, Resolution
from governance.models import Body
from meetings.access import meeting_visible_q

OPEN_STATUSES = [Action.Status.OPEN, Action.Status.IN_PROGRESS]
RELATED = ("body", "resolution__body", "item__meeting__body", "resolution__item__meeting__body")


def overdue_actions(queryset: QuerySet[Action], today: date) -> QuerySet[Action]:
    """The open or in-progress actions whose due date has passed: `Action.is_overdue` in SQL.

    Due today is not overdue; due yesterday is.
    """
    return queryset.filter(status__in=OPEN_STATUSES, due_date__lt=today)


def open_actions(queryset: QuerySet[Action]) -> QuerySet[Action]:
    return queryset.filter(status__in=OPEN_STATUSES)


def actions_visible_to(user, queryset: QuerySet[Action] | None = None) -> QuerySet[Action]:
    """Actions of meetings the user may see (drafts only for their clerks), related rows loaded.

    Part II content is not filtered here: the row is public, its description is not — see
    `with_content_visibility`.
    """
    actions = Action.objects.all() if queryset is None else queryset
    by_item = Q(item__isnull=False) & meeting_visible_q(user, prefix="item__meeting__")
    by_resolution = Q(item__isnull=True) & meeting_visible_q(user, prefix="resolution__meeting__")
    return actions.filter(by_item | by_resolution).select_related(*RELATED)


def with_content_visibility(user, actions) -> list[Action]:
    """Mark each action with `can_see_content`: whether its description and notes may be shown.

    An action arising from a Part II item shows only the item's title and the exempt notice to
    those who may not see that item's content. No queries when loaded by `actions_visible_to`.
    """
    actions = list(actions)
    for action in actions:
        action.can_see_content = can_see_action_content(user, action)
    return actions


def action_log(body: Body, user, *, show_all: bool = False) -> QuerySet[Action]:
    """A body's actions for its action log: the open ones (or all), oldest due first."""
    actions = actions_visible_to(user, Action.objects.filter(body=body))
    if not show_all:
        actions = open_actions(actions)
    return actions.order_by("due_date", "pk")


def actions_for_resolution(resolution: Resolution, user) -> list[Action]:
    """The actions arising from a resolution, for its trail page (one query)."""
    actions = actions_visible_to(user, Action.objects.filter(resolution=resolution))
    return with_content_visibility(user, actions.order_by("due_date", "pk"))
