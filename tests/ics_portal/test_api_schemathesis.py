"""Schemathesis against the API's own OpenAPI schema, on the demo data, as an anonymous client.

Every operation in the schema is called with generated parameters (dates that are not dates,
unknown statuses, huge limits, ids that do not exist...). Each response must: not be a server
error, be documented (its status code listed for the operation) and conform to the schema.
The one write (a ratification outcome) is called without a token and must be refused (401).

The demo data is loaded once for the module in a transaction rolled back at the end.
"""

from __future__ import annotations

import os

import pytest
import schemathesis
from django.core.management import call_command
from django.core.signals import request_finished
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections, transaction
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    response_schema_conformance,
    status_code_conformance,
)

# The marker also makes pytest-django create the test database this module's fixture uses.
pytestmark = pytest.mark.django_db

CHECKS = [not_a_server_error, status_code_conformance, response_schema_conformance]


# Generating the schema reads no data: it is loaded from the application at collection.
schema = schemathesis.openapi.from_wsgi(
    "/api/v1/schema/?format=json", get_wsgi_application(), headers={"Host": "localhost"}
)


@pytest.fixture(scope="module")
def demo_data(django_db_setup, django_db_blocker):
    """The demo data, loaded once for the module in a transaction rolled back at the end."""
    with django_db_blocker.unblock():
        # The WSGI handler would close the connection (and lose the transaction) after each
        # request, as Django's own test client prevents.
        request_finished.disconnect(close_old_connections)
        try:
            with transaction.atomic():
                call_command("load_demo", stdout=open(os.devnull, "w"))
                yield
                transaction.set_rollback(True)
        finally:
            request_finished.connect(close_old_connections)


@pytest.mark.usefixtures("demo_data")
@schema.parametrize()
@settings(
    max_examples=10,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_api_conforms_to_its_schema(case):
    response = case.call(headers={"Host": "localhost"})
    if case.method == case.operation.method.upper() != "GET":
        # No token: every write is refused before anything is read or changed (404: an id
        # that is no id at all, such as "0.5", routes nowhere).
        assert response.status_code in (401, 404), response.text
    case.validate_response(response, checks=CHECKS)
