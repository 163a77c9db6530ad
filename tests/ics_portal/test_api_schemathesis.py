"""Schemathesis against the API's own OpenAPI schema, on the demo data, as an anonymous client.

Every operation in the schema is called with generated parameters (dates that are not dates,
unknown statuses, huge limits, ids that do not exist...). Each response must: not be a server
error, be documented (its status code listed for the operation) and conform to the schema.

The demo data is loaded and committed for each operation, then flushed.
"""

from __future__ import annotations

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    response_schema_conformance,
    status_code_conformance,
)

pytestmark = pytest.mark.django_db(transaction=True)

CHECKS = [not_a_server_error, status_code_conformance, response_schema_conformance]


# Generating the schema reads no data: it is loaded from the application at collection.
# Reads only: the writes' refusals (401/403/400, nothing changed) are tested one by one in
# test_api.py and test_api_more.py with real tokens.
schema = schemathesis.openapi.from_wsgi(
    "/api/v1/schema/?format=json", get_wsgi_application(), headers={"Host": "localhost"}
).include(method="GET")


# `live_demo` (tests/conftest.py) commits the demo data, so the WSGI application's own
# connection sees it.
@pytest.mark.usefixtures("live_demo")
@schema.parametrize()
@settings(
    max_examples=10,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_api_conforms_to_its_schema(case):
    response = case.call(headers={"Host": "localhost"})
    case.validate_response(response, checks=CHECKS)
