"""`{{ text|acronyms:acronyms }}`: text with known acronyms expanded on their first use."""

from __future__ import annotations

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString

from governance.glossary import Acronyms

register = template.Library()


@register.filter(is_safe=True)
def acronyms(text, expander: Acronyms | None) -> SafeString:
    """Escaped text; with an `Acronyms` for the document, its first uses expanded."""
    if not isinstance(expander, Acronyms):
        return escape(text)
    return expander.expand(str(text))
