"""A meeting's change reasons quoted the summary of a revised item, which may be Part II:
keep only "Item N revised"."""

import re

from django.db import migrations

QUOTING = re.compile(r"^(Item \d+ revised): .*$", re.S)


def strip_summaries(apps, schema_editor):
    HistoricalMeeting = apps.get_model("meetings", "HistoricalMeeting")
    for row in HistoricalMeeting.objects.filter(history_change_reason__contains=" revised: "):
        row.history_change_reason = QUOTING.sub(r"\1", row.history_change_reason)
        row.save(update_fields=["history_change_reason"])
    HistoricalMeeting.objects.filter(
        history_change_reason__startswith="Supplementary / revised report: "
    ).update(history_change_reason="Item revised")


class Migration(migrations.Migration):
    dependencies = [("meetings", "0001_meeting_cycle")]

    operations = [migrations.RunPython(strip_summaries, migrations.RunPython.noop)]
