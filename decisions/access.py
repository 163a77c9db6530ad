"""Who may see and do what with the decision trail: resolutions, ratifications, actions and
scrutiny recommendations.

A resolution, its ratifications, named votes and actions follow the Part II rule of the agenda
item they arise from (`meetings.access.can_see_item_content`). What stays public about them
when that item is exempt: the resolution's number, kind, status and vote counts; each
organisation's ratification status and dates; an action's owner, due date and status; a
scrutiny recommendation's route and dates. Their text, amendments, reasons and notes are
withheld.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser

from decisions.models import (
    Action,
    ActionNote,
    NamedVote,
    Ratification,
    Resolution,
    ScrutinyRecommendation,
)
from governance.access import RecordRule, can_edit_body, is_admin, roles, withheld
from governance.models import Body, Organisation, Partnership
from meetings import access as meetings_access
from meetings.access import can_see_item_content, can_see_meeting


def can_record_ratification(user, organisation) -> bool:
    """Only the organisation's governance leads (and administrators) record its outcome."""
    return is_admin(user) or organisation.pk in roles(user).lead_of


def can_respond_to_recommendation(user, recommendation) -> bool:
    """Who records the response to a scrutiny recommendation: administrators; for one sent to an
    organisation, its governance leads (who act for it, as in `can_record_ratification`); for
    one sent to a body, that body's clerks."""
    if recommendation.to_organisation_id is not None:
        return can_record_ratification(user, recommendation.to_organisation)
    if recommendation.to_body_id is not None:
        return can_edit_body(user, recommendation.to_body)
    return is_admin(user)


def can_see_action_content(user, action: Action) -> bool:
    """An action's description and notes follow the Part II rule of its item.

    Load with `select_related("item__meeting__body", "resolution__item__meeting__body")` to
    keep this free of queries.
    """
    return can_see_item_content(user, action.source_item)


def can_see_resolution_text(user, resolution: Resolution) -> bool:
    return can_see_item_content(user, resolution.item)


def can_print_resolution_text(resolution: Resolution, *, members_edition: bool) -> bool:
    """Whether a printed edition of the minutes holds the resolution's text: the members'
    edition holds Part II text, as it does the Part II minutes; the public edition only what the
    public may read."""
    return members_edition or can_see_resolution_text(AnonymousUser(), resolution)


def _resolution_visible(user, resolution: Resolution) -> bool:
    return can_see_meeting(user, resolution.meeting)


def _scrutiny_content(user, recommendation: ScrutinyRecommendation) -> bool:
    resolution = recommendation.resolution
    return resolution is None or can_see_resolution_text(user, resolution)


RESOLUTION_PUBLIC = frozenset(
    {
        "id",
        "body_id",
        "year",
        "number",
        "meeting_id",
        "item_id",
        "kind",
        "status",
        "recommended_to_id",
        "acts_on_id",
        "act",
        "vote_taken",
        "votes_for",
        "votes_against",
        "abstentions",
        "version",
        "created",
        "modified",
    }
)

RULES: dict[type, RecordRule] = {
    **meetings_access.RULES,
    Resolution: RecordRule(
        visible=_resolution_visible,
        content_visible=can_see_resolution_text,
        public=RESOLUTION_PUBLIC,
    ),
    NamedVote: RecordRule(
        visible=lambda user, obj: _resolution_visible(user, obj.resolution),
        content_visible=lambda user, obj: can_see_resolution_text(user, obj.resolution),
        public=frozenset({"id", "resolution_id", "person_id", "vote"}),
    ),
    Ratification: RecordRule(
        visible=lambda user, obj: _resolution_visible(user, obj.resolution),
        content_visible=lambda user, obj: can_see_resolution_text(user, obj.resolution),
        public=frozenset(
            {
                "id",
                "resolution_id",
                "organisation_id",
                "ratifying_body_id",
                "due_date",
                "status",
                "scheduled_for",
                "decided_on",
                "version",
                "created",
                "modified",
            }
        ),
    ),
    Action: RecordRule(
        visible=lambda user, obj: can_see_meeting(user, obj.source_item.meeting),
        content_visible=can_see_action_content,
        public=frozenset(
            {
                "id",
                "body_id",
                "resolution_id",
                "item_id",
                "owner",
                "due_date",
                "status",
                "created",
                "modified",
            }
        ),
    ),
    ActionNote: RecordRule(
        visible=lambda user, obj: can_see_meeting(user, obj.action.source_item.meeting),
        content_visible=lambda user, obj: can_see_action_content(user, obj.action),
        public=frozenset({"id", "action_id", "written_at"}),
    ),
    ScrutinyRecommendation: RecordRule(
        visible=lambda user, obj: True,
        content_visible=_scrutiny_content,
        public=frozenset(
            {
                "id",
                "scrutiny_body_id",
                "to_organisation_id",
                "to_body_id",
                "resolution_id",
                "reference",
                "sent_on",
                "response_due",
                "responded_on",
                "status",
                "created",
                "modified",
            }
        ),
    ),
}


def withheld_fields(user, obj) -> frozenset[str]:
    """What of any record of the portal this user may not see: the one function every output
    (page, history, trail, PDF, feed, search, API, email) uses to withhold."""
    return withheld(RULES, user, obj)


FOLLOWABLE: dict[str, type] = {
    "body": Body,
    "partnership": Partnership,
    "organisation": Organisation,
    "decision": Resolution,
}


def can_follow(user, record) -> bool:
    """A signed-in user follows a body, a partnership, an organisation or a decision that they
    may see; what each alert then says is cut to what they may see when it is sent."""
    return (
        user.is_authenticated
        and type(record) in FOLLOWABLE.values()
        and "id" not in withheld_fields(user, record)
    )


def can_subscribe_by_email(body) -> bool:
    """Anyone, with no account, may subscribe by email to a body's publications: what it
    publishes is public, and the alerts say only what the public pages say."""
    return "id" not in withheld_fields(AnonymousUser(), body)
