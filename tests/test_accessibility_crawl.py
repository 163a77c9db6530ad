"""Crawl the portal on the demo data, as the public and as an administrator, and check every
kind of page with axe: zero WCAG 2.2 A/AA violations, no server errors, no template syntax in
the visible text, and no sideways scrolling at 390 px wide (WCAG 1.4.10 Reflow)."""

from __future__ import annotations

import re
from urllib.parse import urldefrag, urlparse

import pytest
from django.contrib.auth import get_user_model

# The admin and the API's Swagger UI are third-party developer tools, not the portal's pages.
SKIP = ("/admin/", "/api/", "/account/sign-out/", "/static/", "/media/", "mailto:")
# Calendars, feeds, PDFs and attachments are downloads, not pages (the leak crawl reads them).
DOWNLOADS = (".ics", "/feed/", ".pdf", "/attachments/")
MAX_PAGES = 80
# Template syntax that must never reach a reader (a comment or tag left unrendered).
TEMPLATE_TEXT = ("{#", "#}", "{%", "{{")
NARROW = {"width": 390, "height": 844}
WIDE = {"width": 1280, "height": 720}


def _shape(path: str) -> str:
    """Pages of one kind share a shape: /bodies/x/ and /bodies/y/ are checked once."""
    parts = [p for p in path.split("/") if p]
    shaped = [parts[0]] if parts else []
    for part in parts[1:]:
        shaped.append("N" if part.isdigit() else ("S" if re.search(r"[-\d]", part) else part))
    return "/" + "/".join(shaped)


def _assert_reads_cleanly(page, path: str) -> None:
    """No template syntax in the visible text; at 390 px wide, nothing scrolls sideways (a wide
    table scrolls inside its own container)."""
    text = page.inner_text("body")
    leaked = [token for token in TEMPLATE_TEXT if token in text]
    assert not leaked, f"{path} shows template text {leaked}"
    page.set_viewport_size(NARROW)
    width = page.evaluate("document.documentElement.scrollWidth")
    page.set_viewport_size(WIDE)
    assert width <= NARROW["width"], f"{path} is {width} px wide at 390 px"


def _crawl(page, assert_accessible, base: str) -> list[str]:
    # The 404 page is a page too.
    queue, seen_shapes, visited = ["/", "/no-such-page/"], set(), []
    while queue and len(visited) < MAX_PAGES:
        path = queue.pop(0)
        shape = _shape(urlparse(path).path)
        if shape in seen_shapes:
            continue
        seen_shapes.add(shape)
        response = page.goto(path)
        assert response.status < 500, f"{path} answered {response.status}"
        if "text/html" not in (response.headers.get("content-type") or ""):
            continue
        visited.append(path)
        assert_accessible(page)
        _assert_reads_cleanly(page, path)
        for href in page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)"):
            href = urldefrag(href)[0]
            if not href.startswith(base) or any(s in href for s in SKIP + DOWNLOADS):
                continue
            queue.append(href[len(base) :] or "/")
    return visited


@pytest.mark.django_db(transaction=True)
def test_every_kind_of_public_page_is_accessible(page, live_server, live_demo, assert_accessible):
    visited = _crawl(page, assert_accessible, live_server.url)
    assert len(visited) >= 15, visited


@pytest.mark.django_db(transaction=True)
def test_every_kind_of_staff_page_is_accessible(
    page, live_server, live_demo, sign_in, assert_accessible
):
    sign_in(get_user_model().objects.get(username="admin"))
    visited = _crawl(page, assert_accessible, live_server.url)
    assert any(path.endswith("/edit/") for path in visited), visited
