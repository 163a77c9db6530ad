"""Stored search vectors with GIN indexes for reports, agenda items and minutes (PostgreSQL)."""

from django.db import migrations

from ics_portal.common.search_vector import AddSearchVector


class Migration(migrations.Migration):
    dependencies = [("meetings", "0008_meeting_report_deadline")]

    operations = [
        AddSearchVector("meetings_report", ["title", "purpose", "recommendations", "information"]),
        AddSearchVector("meetings_agendaitem", ["title"]),
        AddSearchVector("meetings_minute", ["text"]),
    ]
