"""Fixtures of the trail tests: the story of one resolution, Part I and Part II.

Load with `pytest_plugins = ["tests.decisions.conftest_trail"]` in a test module.
"""

from __future__ import annotations

import pytest

from tests.decisions.trail_helpers import Story, build_story


@pytest.fixture
def story(body, scrutiny_body, clerk) -> Story:
    """A Part I resolution with every kind of event."""
    return build_story(body, scrutiny_body, clerk, exempt=False)


@pytest.fixture
def exempt_story(body, scrutiny_body, clerk) -> Story:
    """The same story on a Part II item (Schedule 12A paragraph 3)."""
    return build_story(body, scrutiny_body, clerk, exempt=True)


@pytest.fixture
def viewer(request):
    """Resolve a viewer's fixture name to the user (None for the public)."""

    def _viewer(name: str | None):
        return None if name is None else request.getfixturevalue(name)

    return _viewer
