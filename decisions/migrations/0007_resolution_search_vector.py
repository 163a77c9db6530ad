"""A stored search vector with a GIN index for resolutions (PostgreSQL only)."""

from django.db import migrations

from ics_portal.common.search_vector import AddSearchVector


class Migration(migrations.Migration):
    dependencies = [("decisions", "0006_resolution_statuses_withdrawn_and_to_route")]

    operations = [AddSearchVector("decisions_resolution", ["preamble", "parts"])]
