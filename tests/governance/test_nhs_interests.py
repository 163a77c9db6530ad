"""Issue 15 item 3: conflicts of interest by NHS England's rules. An NHS person's ended
interest stays on the published register for six months after it ends, then is kept
unpublished until six years after it ended; a council person's drops off at once."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from governance.models import Interest, InterestKind
from governance.models.registers import published_interests_q
from governance.selectors.registers import disposable_interests, person_register
from governance.services.registers import interest_dispose
from tests.factories import person

ENDED = date(2026, 3, 15)


@pytest.fixture
def nhs_person(trust):
    return person("Nadia Okafor", organisation=trust)


@pytest.fixture
def ended_interest(nhs_person) -> Interest:
    return Interest.objects.create(
        person=nhs_person,
        kind=InterestKind.OTHER_REGISTRABLE,
        description="Director of Okafor Care Ltd",
        registered_from=date(2022, 1, 1),
        registered_to=ENDED,
    )


def _published(interest: Interest, day: date) -> bool:
    in_query = Interest.objects.filter(published_interests_q(day, nhs=True), pk=interest.pk)
    return in_query.exists()


@pytest.mark.parametrize(
    ("day", "published"),
    [
        (date(2026, 9, 14), True),  # the day before six months have passed
        (date(2026, 9, 15), True),  # six months to the day after it ended
        (date(2026, 9, 16), False),  # the day after
    ],
)
def test_an_nhs_interest_stays_published_six_months_after_it_ends(
    ended_interest, nhs_person, day, published
):
    register = person_register(nhs_person, day)
    assert (ended_interest in register.past) is published
    assert (ended_interest in register.kept) is not published
    assert ended_interest not in register.current
    # The query and the model say the same.
    assert _published(ended_interest, day) is published
    assert ended_interest.is_published_on(day, nhs=True) is published


def test_a_council_persons_ended_interest_is_past_at_once_and_never_kept_apart(council):
    councillor = person("Colin Ward", organisation=council)
    interest = Interest.objects.create(
        person=councillor, kind=InterestKind.DISCLOSABLE_PECUNIARY,
        description="Land at Main Street", registered_from=date(2020, 1, 1), registered_to=ENDED,
    )  # fmt: skip
    register = person_register(councillor, date(2026, 3, 16))
    assert register.past == [interest] and register.kept == [] and not register.nhs
    assert not Interest.objects.filter(
        published_interests_q(date(2026, 3, 16), nhs=False), pk=interest.pk
    ).exists()


@pytest.mark.parametrize(
    ("today", "allowed"),
    [
        (date(2032, 3, 14), False),  # the day before six years have passed
        (date(2032, 3, 15), False),  # six years to the day: still kept
        (date(2032, 3, 16), True),  # the day after
    ],
)
def test_an_ended_interest_is_kept_six_years(ended_interest, admin_user, today, allowed):
    assert (ended_interest in disposable_interests(today)) is allowed
    if allowed:
        interest_dispose(interest=ended_interest, actor=admin_user, today=today)
        assert not Interest.objects.filter(pk=ended_interest.pk).exists()
        assert not Interest.history.filter(id=ended_interest.pk).exists()
    else:
        with pytest.raises(ValidationError, match="must be kept until 15 March 2032"):
            interest_dispose(interest=ended_interest, actor=admin_user, today=today)
        assert Interest.objects.filter(pk=ended_interest.pk).exists()


def test_a_current_interest_is_never_disposed_of(nhs_person, admin_user):
    interest = Interest.objects.create(
        person=nhs_person, kind=InterestKind.NON_REGISTRABLE, description="Trustee of a charity",
        registered_from=date(2001, 1, 1),
    )  # fmt: skip
    with pytest.raises(ValidationError, match="current interest"):
        interest_dispose(interest=interest, actor=admin_user, today=date(2099, 1, 1))


def test_the_public_register_hides_a_kept_interest_that_its_editors_see(
    client_for, ended_interest, nhs_person, admin_user
):
    # Today is long after 15 September 2026: the interest is kept, not published.
    url = f"/people/{nhs_person.slug}/register/"
    public = client_for(None).get(url).content.decode()
    assert "Director of Okafor Care Ltd" not in public
    assert "six months after it ends" in public
    editor = client_for(admin_user).get(url).content.decode()
    assert "Kept, not published" in editor and "Director of Okafor Care Ltd" in editor


def test_the_history_of_a_kept_interest_is_not_public(client_for, ended_interest, admin_user):
    url = f"/history/governance/interest/{ended_interest.pk}/"
    assert client_for(None).get(url).status_code in (403, 404)
    assert client_for(admin_user).get(url).status_code == 200
