"""The demo sign-ins, one for each role of DESIGN.md §5."""

from __future__ import annotations

from datetime import date

from django.contrib.auth import get_user_model

from governance.models import Membership, Person, RoleAssignment

DEMO_PASSWORD = "ics-portal-demo"


def load(structure: dict) -> list[tuple[str, str]]:
    """Create or refresh the demo users; returns (username, what they can do) pairs."""
    User = get_user_model()
    specs = [
        ("admin", "Ada", "Administrator", "administrator: edits everything", None),
        (
            "clerk",
            "Jo",
            "Clerk",
            "clerk of the Adult Social Care and Public Health Committee",
            (RoleAssignment.Role.CLERK, "ascph"),
        ),
        (
            "member",
            "Muriel",
            "Weisz",
            "member of the Adult Social Care and Public Health Committee (sees its Part II)",
            None,
        ),
        (
            "lead",
            "Gina",
            "Lead",
            "governance lead of Wiltshire Council (records its ratifications)",
            (RoleAssignment.Role.GOVERNANCE_LEAD, "wiltshire"),
        ),
        (
            "icb-lead",
            "Ian",
            "Lead",
            "governance lead of BSW ICB (records its ratifications)",
            (RoleAssignment.Role.GOVERNANCE_LEAD, "bsw_icb"),
        ),
        (
            "officer",
            "Olu",
            "Officer",
            "officer of Nottinghamshire County Council (drafts reports)",
            (RoleAssignment.Role.OFFICER, "notts"),
        ),
        (
            "scrutiny",
            "Sam",
            "Scrutineer",
            "scrutiny member of Wiltshire's Health Select Committee",
            (RoleAssignment.Role.SCRUTINY_MEMBER, "health_select"),
        ),
    ]
    printed = []
    for username, first, last, what, role in specs:
        user, _ = User.objects.update_or_create(
            username=username,
            defaults={
                "first_name": first,
                "last_name": last,
                "email": f"{username}@ics-portal.invalid",
                "is_superuser": username == "admin",
                "is_staff": username == "admin",
                "is_active": True,
            },
        )
        user.set_password(DEMO_PASSWORD)
        user.save()
        if role:
            name, key = role
            scope = structure[key]
            field = "body" if name in RoleAssignment.BODY_ROLES else "organisation"
            RoleAssignment.objects.get_or_create(user=user, role=name, **{field: scope})
        printed.append((username, what))

    member_user = User.objects.get(username="member")
    weisz, _ = Person.objects.update_or_create(
        slug="muriel-weisz",
        defaults={"name": "Muriel Weisz", "honorific": "Councillor", "user": member_user},
    )
    Membership.objects.get_or_create(
        body=structure["ascph"],
        person=weisz,
        defaults={
            "role": Membership.Role.MEMBER,
            "voting": True,
            "representing": structure["notts"],
            "start": date(2017, 5, 4),
        },
    )
    return printed
