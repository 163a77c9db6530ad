"""Responses shared by the apps' views."""

from __future__ import annotations

from django.http import HttpResponse
from django.utils.cache import patch_cache_control


def pdf_response(data: bytes, filename: str, *, private: bool) -> HttpResponse:
    """A PDF shown in the browser; a private one (Part II text, drafts) kept out of caches."""
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    if private:
        patch_cache_control(response, private=True, no_store=True)
    return response
