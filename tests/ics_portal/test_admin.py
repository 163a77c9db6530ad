"""The admin opens every registered model's list for an administrator, on the demo data."""

import pytest
from django.contrib import admin
from django.core.management import call_command

from tests.factories import make_user

pytestmark = pytest.mark.django_db


def test_every_admin_list_opens(client_for):

    call_command("load_demo", stdout=open("/dev/null", "w"))
    client = client_for(make_user("superuser", is_superuser=True, is_staff=True))
    for model in admin.site._registry:
        meta = model._meta
        response = client.get(f"/admin/{meta.app_label}/{meta.model_name}/")
        assert response.status_code == 200, meta.label


def test_admin_is_closed_to_clerks(client_for, clerk):
    assert client_for(clerk).get("/admin/").status_code == 302
