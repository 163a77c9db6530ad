"""Helpers of the server-drawn SVG charts (`templates/includes/charts/`): the GOV.UK colours of
each kind of mark with a text colour that contrasts with it, and the geometry of stacked bars.
The numbers come from the apps' selectors; this only lays them out."""

from __future__ import annotations

from dataclasses import dataclass

from django import template

register = template.Library()


@dataclass(frozen=True)
class Ink:
    """A solid fill with its text colour, and a light tint with its text colour (GOV.UK tags)."""

    fill: str
    text: str
    tint: str
    tint_text: str


# GOV.UK Design System colours; every text colour has at least 4.5:1 contrast on its fill.
PALETTE = {
    "red": Ink("#d4351c", "#ffffff", "#f4cdc6", "#942514"),
    "amber": Ink("#ffdd00", "#0b0c0c", "#fff7bf", "#594d00"),
    "green": Ink("#00703c", "#ffffff", "#cce2d8", "#005a30"),
    "blue": Ink("#1d70b8", "#ffffff", "#bbd4ea", "#0c2d4a"),
    "turquoise": Ink("#28a197", "#0b0c0c", "#bfe3e0", "#10403c"),
    "grey": Ink("#505a5f", "#ffffff", "#e5e6e7", "#0b0c0c"),
}


def _ink(key) -> Ink:
    return PALETTE.get(str(key or ""), PALETTE["grey"])


@register.filter
def chart_fill(key, solid=True) -> str:
    """The fill of a mark of this kind: solid, or the light tint (for an empty cell)."""
    ink = _ink(key)
    return ink.fill if solid else ink.tint


@register.filter
def chart_text(key, solid=True) -> str:
    """The text colour drawn on `chart_fill` of the same arguments."""
    ink = _ink(key)
    return ink.text if solid else ink.tint_text


@dataclass(frozen=True)
class Piece:
    """A segment of a stacked bar placed on the drawing: where it starts and how wide it is."""

    key: str
    label: str
    count: int
    x: float
    width: float

    @property
    def middle(self) -> float:
        return self.x + self.width / 2

    @property
    def fits_count(self) -> bool:
        """Wide enough to print its count inside (otherwise the legend and table carry it)."""
        return self.width >= 14


@register.simple_tag
def stacked_bar(segments, width=300, total=None) -> list[Piece]:
    """Lay `segments` (objects with key, label and count) side by side over `width`, in
    proportion to `total` (their sum unless given); empty segments are left out."""
    counts = [s.count for s in segments]
    total = total or sum(counts)
    pieces, x = [], 0.0
    if not total:
        return pieces
    for segment in segments:
        if not segment.count:
            continue
        w = width * segment.count / total
        pieces.append(Piece(segment.key, segment.label, segment.count, round(x, 2), round(w, 2)))
        x += w
    return pieces


@register.filter
def times(value, factor) -> float:
    """value × factor, for coordinates in a template."""
    return float(value) * float(factor)


@register.filter
def plus(value, amount) -> float:
    return float(value) + float(amount)
