"""The API's JSON parser: a bounded body, bounded nesting, a 400 with the reason otherwise.

Its own module because DRF's settings name it and `rest_framework.views` reads them at import:
a module that imports both would import itself half-made.
"""

from __future__ import annotations

import codecs
from typing import Any

from django.conf import settings
from rest_framework import parsers
from rest_framework.exceptions import ParseError
from rest_framework.utils import json

# How deep a JSON body may nest: the writes need three levels; the parser refuses past this.
MAX_JSON_DEPTH = 10


def _depth(data: Any) -> int:
    """How deep a parsed JSON value nests (a scalar 0, `[]` 1), counted without recursion."""
    deepest, stack = 0, [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
            children = value.values()
        elif isinstance(value, list):
            children = value
        else:
            continue
        deepest = max(deepest, depth)
        if deepest > MAX_JSON_DEPTH:
            break
        stack.extend((child, depth + 1) for child in children)
    return deepest


def too_large() -> ParseError:
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    return ParseError(f"The body is too large: at most {limit} bytes.")


class JSONParser(parsers.JSONParser):
    """JSON bodies of at most DATA_UPLOAD_MAX_MEMORY_SIZE bytes, nested at most
    MAX_JSON_DEPTH deep; a larger or deeper body is a 400, never a RecursionError."""

    def parse(self, stream, media_type=None, parser_context=None) -> Any:
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        raw = stream.read() if limit is None else stream.read(limit + 1)
        if limit is not None and len(raw) > limit:
            raise too_large()
        too_deep = ParseError(f"The body is nested too deeply: at most {MAX_JSON_DEPTH} levels.")
        encoding = (parser_context or {}).get("encoding", settings.DEFAULT_CHARSET)
        try:
            text = codecs.decode(raw, encoding)
            parse_constant = json.strict_constant if self.strict else None
            data = json.loads(text, parse_constant=parse_constant)
        except RecursionError as exc:
            raise too_deep from exc
        except ValueError as exc:
            raise ParseError(f"JSON parse error - {exc}") from exc
        if _depth(data) > MAX_JSON_DEPTH:
            raise too_deep
        return data
