"""Responses shared by the apps' views."""

from __future__ import annotations

from datetime import datetime

from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date


def pdf_response(data: bytes, filename: str, *, private: bool) -> HttpResponse:
    """A PDF shown in the browser; a private one (Part II text, drafts) kept out of caches."""
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    if private:
        patch_cache_control(response, private=True, no_store=True)
    return response


def conditional_response(
    request: HttpRequest,
    response: HttpResponse,
    *,
    etag: str,
    last_modified: datetime | None = None,
) -> HttpResponse:
    """The response with its ETag (and Last-Modified), or 304 Not Modified (with the same
    headers) to a client whose If-None-Match or If-Modified-Since says it already has it.
    Used by calendars, the trail PDF and the stored packs and minutes."""
    response["ETag"] = f'"{etag}"'
    stamp = None
    if last_modified is not None:
        stamp = int(last_modified.timestamp())
        response["Last-Modified"] = http_date(stamp)
    answer = get_conditional_response(
        request, etag=response["ETag"], last_modified=stamp, response=response
    )
    if answer is not response:
        # Close the stored file opened for the full answer, but not through response.close():
        # that sends request_finished, which closes the database connection mid-request.
        stream = getattr(response, "file_to_stream", None)
        if stream is not None:
            stream.close()
    return answer
