"""`{% history_url obj %}`: the address of a record's change history page."""

from django import template

from ics_portal.common.changes import history_url as _history_url

register = template.Library()


@register.simple_tag
def history_url(obj) -> str:
    return _history_url(obj)
