"""Demo records for the standing structure, from the facts in shared/seeds/."""

from __future__ import annotations

from datetime import date

from governance.models import Body, Organisation, Partnership


def _upsert(model, slug: str, **fields):
    obj, _ = model.objects.update_or_create(slug=slug, defaults=fields)
    return obj


def load() -> dict[str, object]:
    """Create or refresh the demo structure; returns the records other loaders need."""
    wiltshire = _upsert(
        Organisation,
        "wiltshire-council",
        name="Wiltshire Council",
        short_name="Wiltshire",
        kind=Organisation.Kind.LOCAL_AUTHORITY,
    )
    bsw_icb = _upsert(
        Organisation,
        "bsw-icb",
        name="NHS Bath and North East Somerset, Swindon and Wiltshire Integrated Care Board",
        short_name="BSW ICB",
        kind=Organisation.Kind.ICB,
        ods_code="QOX",
    )
    notts = _upsert(
        Organisation,
        "nottinghamshire-county-council",
        name="Nottinghamshire County Council",
        short_name="Notts CC",
        kind=Organisation.Kind.LOCAL_AUTHORITY,
    )
    bsw = _upsert(
        Partnership,
        "bsw",
        name="Bath and North East Somerset, Swindon and Wiltshire Integrated Care System",
        short_name="BSW ICS",
        level=Partnership.Level.SYSTEM,
    )
    _upsert(
        Partnership,
        "wiltshire-alliance",
        name="Wiltshire Alliance",
        short_name="Wiltshire Alliance",
        level=Partnership.Level.PLACE,
        parent=bsw,
    )
    cabinet = _upsert(
        Body,
        "wiltshire-cabinet",
        name="Wiltshire Council Cabinet",
        short_name="Cabinet",
        kind=Body.Kind.CABINET,
        organisation=wiltshire,
        partnership=None,
    )
    wiltshire.ratifying_body = cabinet
    wiltshire.save(update_fields=["ratifying_body"])
    health_select = _upsert(
        Body,
        "wiltshire-health-select-committee",
        name="Wiltshire Council Health Select Committee",
        short_name="HSC",
        kind=Body.Kind.SCRUTINY_COMMITTEE,
        organisation=wiltshire,
        partnership=None,
    )
    ascph = _upsert(
        Body,
        "notts-adult-social-care-and-public-health-committee",
        name="Adult Social Care and Public Health Committee",
        short_name="ASCPH",
        kind=Body.Kind.COMMITTEE,
        organisation=notts,
        partnership=None,
    )
    return {
        "wiltshire": wiltshire,
        "bsw_icb": bsw_icb,
        "notts": notts,
        "cabinet": cabinet,
        "health_select": health_select,
        "ascph": ascph,
        "today": date.today(),
    }
