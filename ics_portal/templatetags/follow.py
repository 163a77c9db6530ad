"""`{% follow_button record %}`: the Follow button on a record's page, or that you follow it;
for a body, also the link a member of the public subscribes by email from."""

from __future__ import annotations

from django import template

from alerts.models import Follow
from decisions.access import FOLLOWABLE, can_follow, can_subscribe_by_email
from governance.models import Body

register = template.Library()
KIND_OF = {model: kind for kind, model in FOLLOWABLE.items()}


@register.inclusion_tag("includes/follow_button.html", takes_context=True)
def follow_button(context, record) -> dict:
    request = context["request"]
    user = request.user
    follow = None
    allowed = can_follow(user, record)
    if allowed:
        follow = Follow.objects.of(record).filter(user=user).first()
    return {
        "record": record,
        "kind": KIND_OF.get(type(record), ""),
        "may_follow": allowed,
        "follow": follow,
        "subscribe": (
            isinstance(record, Body)
            and not user.is_authenticated
            and can_subscribe_by_email(record)
        ),
        "csrf_token": context.get("csrf_token"),
    }
