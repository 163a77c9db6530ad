"""The glossary: one meaning per term, the public page, and acronyms expanded on first use."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from governance.demo import glossary as demo_glossary
from governance.glossary import Acronyms
from governance.models import GlossaryTerm
from governance.services.objectives import glossary_term_define


@pytest.fixture
def icb_term(db) -> GlossaryTerm:
    return glossary_term_define(term="ICB", meaning="Integrated Care Board", actor=None)


def test_an_acronym_defined_twice_with_another_meaning_is_refused(icb_term):
    with pytest.raises(ValidationError) as refused:
        glossary_term_define(term="ICB", meaning="Independent Care Bureau", actor=None)
    assert "already defined as “Integrated Care Board”" in str(refused.value)
    assert GlossaryTerm.objects.get().meaning == "Integrated Care Board"


def test_the_same_meaning_again_only_refreshes_the_explanation(icb_term):
    glossary_term_define(
        term="ICB", meaning="integrated care  board", explanation="The NHS body.", actor=None
    )
    term = GlossaryTerm.objects.get()
    assert (term.meaning, term.explanation) == ("Integrated Care Board", "The NHS body.")


def test_the_glossary_page_is_public(client, icb_term, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        response = client.get(reverse("governance:glossary"))
    assert response.status_code == 200
    assert '<abbr title="Integrated Care Board">ICB</abbr>' in response.content.decode()


def test_every_page_links_to_the_glossary(client, db):
    assert reverse("governance:glossary") in client.get("/").content.decode()


TERMS = {"ICB": "Integrated Care Board", "ASC&PH": "Adult Social Care and Public Health"}


def test_a_page_marks_only_the_first_use_with_abbr():
    acronyms = Acronyms(TERMS, printed=False)
    first = acronyms.expand("The ICB met. ICBs differ.")
    second = acronyms.expand("The ICB again.")
    assert first == 'The <abbr title="Integrated Care Board">ICB</abbr> met. ICBs differ.'
    assert second == "The ICB again."


def test_print_spells_out_the_first_use_and_lists_what_it_used():
    acronyms = Acronyms(TERMS, printed=True)
    text = acronyms.expand("ASC&PH and the ICB; the ICB <again>.")
    assert text == (
        "Adult Social Care and Public Health (ASC&amp;PH) and the Integrated Care Board (ICB);"
        " the ICB &lt;again&gt;."
    )
    assert acronyms.used_list == [("ASC&PH", TERMS["ASC&PH"]), ("ICB", TERMS["ICB"])]


def test_an_acronym_the_author_spelt_out_is_left_as_written():
    acronyms = Acronyms(TERMS, printed=True)
    assert acronyms.expand("The Integrated Care Board (ICB) met.") == (
        "The Integrated Care Board (ICB) met."
    )
    assert acronyms.used == {"ICB": "Integrated Care Board"}


def test_the_demo_glossary_holds_the_seeds_acronyms(db):
    demo_glossary.load()
    demo_glossary.load()  # safe to run again
    terms = set(GlossaryTerm.objects.values_list("term", flat=True))
    wanted = {"ICS", "ICP", "ICB", "ICA", "HWBB", "BSW", "BCF", "S75", "ASC&PH", "PCN", "VCSE"}
    assert wanted <= terms
    assert GlossaryTerm.history.filter(term="ICB").count() == 1
