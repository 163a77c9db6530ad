"""`{% withheld obj as hidden %}`: the fields of a record the viewer may not see, as the access
policy says (`decisions.access.withheld_fields`), for templates that show a record's text."""

from __future__ import annotations

from django import template
from django.contrib.auth.models import AnonymousUser

from decisions.access import withheld_fields

register = template.Library()


@register.simple_tag(takes_context=True)
def withheld(context, obj) -> frozenset[str]:
    """Rendered without a request (an email, a PDF), the viewer is the public."""
    request = context.get("request")
    return withheld_fields(getattr(request, "user", None) or AnonymousUser(), obj)
