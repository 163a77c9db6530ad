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
from django.db.models import Q

from decisions.models import (
    Action,
    ActionNote,
    CallIn,
    DecisionNotice,
    DelegatedDecision,
    ForwardPlanEntry,
    NamedVote,
    Ratification,
    Resolution,
    ScrutinyRecommendation,
)
from governance.access import RecordRule, can_edit_body, everyone, is_admin, roles, withheld
from governance.models import Body, Organisation, Partnership
from meetings import access as meetings_access
from meetings.access import can_see_item_content, can_see_meeting, item_content_q


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


def can_record_delegated_decision(user, organisation) -> bool:
    """An organisation's officer and delegated decisions are recorded by its governance leads
    (and administrators), who keep its scheme of delegation."""
    return is_admin(user) or organisation.pk in roles(user).lead_of


def can_see_delegated_decision_content(user, decision: DelegatedDecision) -> bool:
    """A delegated decision is public, unless its record holds exempt information (Schedule
    12A): then its text, value and interests only for the organisation's governance leads and
    officers, and administrators. Its title, date, taker and delegation stay public."""
    if not decision.is_exempt or is_admin(user):
        return True
    mine = roles(user)
    return decision.organisation_id in mine.lead_of or decision.organisation_id in mine.officer_of


def delegated_decision_content_q(user, prefix: str = "") -> Q:
    """The delegated decisions whose content `can_see_delegated_decision_content` shows."""
    if is_admin(user):
        return Q()
    mine = roles(user)
    public = Q(**{f"{prefix}exempt_paragraph__isnull": True})
    own = mine.lead_of | mine.officer_of
    if not own:
        return public
    return public | Q(**{f"{prefix}organisation_id__in": own})


def can_publish_executive_decisions(user, organisation) -> bool:
    """An organisation's forward plan and decision notices are published by its governance
    leads (and administrators), who record its ratifications too."""
    return can_record_ratification(user, organisation)


def call_in_bodies(user, organisation):
    """The organisation's scrutiny committees through which this user may call a decision in:
    those they are a scrutiny member of (every one, for administrators)."""
    bodies = Body.objects.filter(organisation=organisation, kind=Body.Kind.SCRUTINY_COMMITTEE)
    if is_admin(user):
        return bodies
    return bodies.filter(pk__in=roles(user).scrutiny_of)


def can_call_in(user, notice: DecisionNotice, scrutiny_body: Body) -> bool:
    """Scrutiny members of one of the deciding organisation's scrutiny committees."""
    return (
        scrutiny_body.kind == Body.Kind.SCRUTINY_COMMITTEE
        and scrutiny_body.organisation_id == notice.organisation_id
        and (is_admin(user) or scrutiny_body.pk in roles(user).scrutiny_of)
    )


def can_record_call_in_outcome(user, call_in: CallIn) -> bool:
    """The scrutiny committee's clerks (and administrators) record what it decided."""
    return can_edit_body(user, call_in.scrutiny_body)


def can_see_notice_text(user, notice: DecisionNotice) -> bool:
    """A decision taken in private keeps its text from all but those who publish for the
    organisation; one that ratifies a Part II resolution follows that resolution's rule.

    Load with `select_related("ratification__resolution__item__meeting__body")`.
    """
    if notice.exempt_paragraph and not can_publish_executive_decisions(user, notice.organisation):
        return False
    if notice.ratification_id is not None:
        return can_see_resolution_text(user, notice.ratification.resolution)
    return True


def notice_text_q(user, prefix: str = "") -> Q:
    """The decision notices whose text `can_see_notice_text` shows."""
    ratified_text = Q(**{f"{prefix}ratification__isnull": True}) | item_content_q(
        user, prefix=f"{prefix}ratification__resolution__item__"
    )
    if is_admin(user):
        return ratified_text
    public = Q(**{f"{prefix}exempt_paragraph__isnull": True})
    leads = roles(user).lead_of
    if leads:
        public |= Q(**{f"{prefix}organisation_id__in": leads})
    return public & ratified_text


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
                "regime",
                "response_days",
                "response_due",
                "responded_on",
                "status",
                "created",
                "modified",
            }
        ),
    ),
    DelegatedDecision: RecordRule(
        visible=lambda user, obj: True,
        content_visible=can_see_delegated_decision_content,
        public=frozenset(
            {
                "id",
                "organisation_id",
                "delegation_id",
                "title",
                "decided_by",
                "decided_on",
                "exempt_paragraph",
                "published_on",
                "version",
                "created",
                "modified",
            }
        ),
    ),
    # The whole entry is public, that of a decision to be taken in private too: the
    # regulations (reg 9 of the 2012 Regulations) require its notice, paragraph and reason.
    ForwardPlanEntry: RecordRule(visible=everyone),
    DecisionNotice: RecordRule(
        visible=everyone,
        content_visible=can_see_notice_text,
        public=frozenset(
            {
                "id",
                "organisation_id",
                "forward_plan_entry_id",
                "ratification_id",
                "decision_maker_body_id",
                "decision_maker_role",
                "title",
                "is_key_decision",
                "decided_on",
                "published_on",
                "urgent",
                "urgency_reason",
                "exempt_paragraph",
                "call_in_deadline",
                "takes_effect_on",
                "version",
                "created",
                "modified",
            }
        ),
    ),
    CallIn: RecordRule(
        visible=everyone,
        content_visible=lambda user, obj: can_see_notice_text(user, obj.notice),
        public=frozenset(
            {
                "id",
                "notice_id",
                "scrutiny_body_id",
                "requested_on",
                "signatories",
                "outcome",
                "outcome_on",
                "version",
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
