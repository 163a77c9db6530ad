"""Search the forward plan and decision notices (PostgreSQL's stored vectors)."""

from django.db import migrations

from ics_portal.common.search_vector import AddSearchVector


class Migration(migrations.Migration):
    dependencies = [("decisions", "0010_forward_plan_decision_notices_and_call_in")]

    operations = [
        AddSearchVector("decisions_forwardplanentry", ["title", "documents", "private_reason"]),
        AddSearchVector("decisions_decisionnotice", ["title", "decision", "reasons"]),
    ]
