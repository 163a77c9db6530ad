"""An organisation's latest officer and delegated decisions, for its page."""

from __future__ import annotations

from django import template

from decisions.selectors.delegated import delegated_decisions

register = template.Library()

LATEST = 5


@register.inclusion_tag("decisions/delegated/_for_organisation.html", takes_context=True)
def organisation_delegated_decisions(context, organisation) -> dict:
    """The organisation's newest delegated decisions (one query); the table withholds what
    the viewer may not see."""
    return {
        "request": context.get("request"),
        "organisation": organisation,
        "decisions": list(delegated_decisions(organisation)[:LATEST]),
    }
