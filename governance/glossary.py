"""Expanding acronyms on their first use in a document, from the glossary.

A report page shows the first use of each known acronym as ``<abbr title="…">``; a printed
document (a pack, a report PDF) spells it out, "Integrated Care Board (ICB)", and ends with the
acronyms it used. One `Acronyms` object follows one document from top to bottom: it is made
for the document, handed to the `acronyms` template filter for each block of text in reading
order, and remembers which terms it has met.
"""

from __future__ import annotations

import re

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from governance.models import GlossaryTerm

# A term counts only as a whole word: not inside a longer word or number.
_EDGE = "A-Za-z0-9"


class Acronyms:
    """The glossary's acronyms, expanded on their first use in one document."""

    def __init__(self, terms: dict[str, str], *, printed: bool) -> None:
        self.terms = terms
        self.printed = printed
        self.used: dict[str, str] = {}
        escaped = sorted((escape(term) for term in terms), key=len, reverse=True)
        self._by_escaped = {escape(term): term for term in terms}
        self._pattern = (
            re.compile(
                rf"(?<![{_EDGE}])(?:{'|'.join(re.escape(t) for t in escaped)})(?![{_EDGE}])"
            )
            if escaped
            else None
        )

    @classmethod
    def load(cls, *, printed: bool) -> Acronyms:
        """The glossary's acronyms, read in one query."""
        terms = dict(GlossaryTerm.objects.filter(is_acronym=True).values_list("term", "meaning"))
        return cls(terms, printed=printed)

    @property
    def used_list(self) -> list[tuple[str, str]]:
        """The acronyms met so far, alphabetically, with their meanings."""
        return sorted(self.used.items(), key=lambda pair: pair[0].casefold())

    def expand(self, text: str) -> SafeString:
        """The text, escaped, with each acronym not met before expanded."""
        html = escape(text)
        if self._pattern is None:
            return mark_safe(html)

        def first_use(match: re.Match) -> str:
            term = self._by_escaped[match.group(0)]
            meaning = self.terms[term]
            if term in self.used:
                return match.group(0)
            self.used[term] = meaning
            # Already spelt out by the author, as "Integrated Care Board (ICB)": leave it.
            before = html[: match.start()].rstrip().casefold()
            if before.endswith(escape(meaning).casefold() + " ("):
                return match.group(0)
            if self.printed:
                return f"{escape(meaning)} ({match.group(0)})"
            return format_html('<abbr title="{}">{}</abbr>', meaning, term)

        return mark_safe(self._pattern.sub(first_use, html))
