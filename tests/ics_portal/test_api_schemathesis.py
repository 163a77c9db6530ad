"""Schemathesis against the API's own OpenAPI schema, on the demo data.

Every read is called as an anonymous client with generated parameters (dates that are not
dates, unknown statuses, huge limits, ids that do not exist...); every write with an
administrator's token, on a real record of the demo, with generated bodies. Each response
must: not be a server error, be documented (its status code listed for the operation) and
conform to the schema.

The demo data is loaded and committed for each operation, then flushed.
"""

from __future__ import annotations

import pytest
import schemathesis
from django.contrib.auth.models import User
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, settings
from rest_framework.authtoken.models import Token
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    response_schema_conformance,
    status_code_conformance,
)

from decisions.models import Ratification
from meetings.models import AgendaItem, Meeting

pytestmark = pytest.mark.django_db(transaction=True)

CHECKS = [not_a_server_error, status_code_conformance, response_schema_conformance]


# Generating the schema reads no data: it is loaded from the application at collection.
api = schemathesis.openapi.from_wsgi(
    "/api/v1/schema/?format=json", get_wsgi_application(), headers={"Host": "localhost"}
)
schema = api.include(method="GET")
writes = api.include(method="POST")

SETTINGS = settings(
    max_examples=10,
    deadline=None,
    derandomize=True,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
        HealthCheck.function_scoped_fixture,
    ],
)


# `live_demo` (tests/conftest.py) commits the demo data, so the WSGI application's own
# connection sees it.
@pytest.mark.usefixtures("live_demo")
@schema.parametrize()
@SETTINGS
def test_api_conforms_to_its_schema(case):
    response = case.call(headers={"Host": "localhost"})
    case.validate_response(response, checks=CHECKS)


def _write_target(path: str) -> int:
    """A demo record each write can act on: a meeting that has been held (attendance), an
    item of one (resolutions), a ratification still open (outcome)."""
    held = Meeting.objects.filter(status=Meeting.Status.HELD)
    if path.endswith("/attendance/"):
        return held.values_list("pk", flat=True).first()
    if path.endswith("/resolutions/"):
        return AgendaItem.objects.filter(meeting__in=held).values_list("pk", flat=True).first()
    open_ones = Ratification.objects.exclude(status__in=Ratification.FINAL)
    return open_ones.values_list("pk", flat=True).first()


@pytest.mark.usefixtures("live_demo")
@writes.parametrize()
@SETTINGS
def test_api_writes_conform_to_their_schema(case):
    target = _write_target(case.path)
    assert target is not None, f"the demo has nothing for {case.path} to act on"
    case.path_parameters = {**(case.path_parameters or {}), "id": target}
    admin = User.objects.get(username="admin", is_superuser=True)  # the demo's administrator
    token = Token.objects.get_or_create(user=admin)[0].key
    response = case.call(headers={"Host": "localhost", "Authorization": f"Token {token}"})
    case.validate_response(response, checks=CHECKS)
