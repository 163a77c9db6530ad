"""Stored search vectors with GIN indexes for risks and agreements (PostgreSQL only)."""

from django.db import migrations

from ics_portal.common.search_vector import AddSearchVector


class Migration(migrations.Migration):
    dependencies = [("governance", "0005_versions_for_stale_edits")]

    operations = [
        AddSearchVector("governance_risk", ["reference", "title", "description", "mitigations"]),
        AddSearchVector("governance_agreement", ["title", "summary"]),
    ]
