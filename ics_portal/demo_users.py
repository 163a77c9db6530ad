"""The demo sign-ins, one for each role of DESIGN.md §5."""

from __future__ import annotations

from django.contrib.auth import get_user_model

from governance.models import Person, RoleAssignment

DEMO_PASSWORD = "ics-portal-demo"


def load(structure: dict) -> list[tuple[str, str]]:
    """Create or refresh the demo users; returns (username, what they can do) pairs."""
    User = get_user_model()
    specs = [
        ("admin", "Ada", "Administrator", "administrator: edits everything", None),
        (
            "clerk",
            "Jo",
            "Toomey",
            "clerk of the Adult Social Care and Public Health Committee",
            (RoleAssignment.Role.CLERK, "adult-social-care-and-public-health-committee"),
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
            (RoleAssignment.Role.GOVERNANCE_LEAD, "wiltshire-council"),
        ),
        (
            "icb-lead",
            "Ian",
            "Lead",
            "governance lead of BSW ICB (records its ratifications)",
            (RoleAssignment.Role.GOVERNANCE_LEAD, "bsw-icb"),
        ),
        (
            "ruh-lead",
            "Rhian",
            "Lead",
            "governance lead of Royal United Hospitals Bath (its ratification is overdue)",
            (RoleAssignment.Role.GOVERNANCE_LEAD, "royal-united-hospitals-bath"),
        ),
        (
            "wica-clerk",
            "Alex",
            "Clerk",
            "clerk of the Wiltshire Integrated Care Alliance (told of its ratifications)",
            (RoleAssignment.Role.CLERK, "wiltshire-integrated-care-alliance"),
        ),
        (
            "officer",
            "Olu",
            "Officer",
            "officer of Nottinghamshire County Council (drafts reports)",
            (RoleAssignment.Role.OFFICER, "nottinghamshire-county-council"),
        ),
        (
            "scrutiny",
            "Sam",
            "Scrutineer",
            "scrutiny member of Wiltshire's Health Select Committee",
            (RoleAssignment.Role.SCRUTINY_MEMBER, "wiltshire-health-select-committee"),
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
            name, slug = role
            if name in RoleAssignment.BODY_ROLES:
                scope = {"body": structure["bodies"][slug]}
            else:
                scope = {"organisation": structure["organisations"][slug]}
            RoleAssignment.objects.get_or_create(user=user, role=name, **scope)
        printed.append((username, what))

    # The member and the clerk are people of seed 002, so they see that committee's Part II.
    Person.objects.filter(slug="muriel-weisz").update(user=User.objects.get(username="member"))
    Person.objects.filter(slug="jo-toomey").update(user=User.objects.get(username="clerk"))
    return printed
