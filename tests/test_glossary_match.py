"""Source matching on Persian: folded Aho-Corasick, boundaries, clitics, optional ال, offsets."""

from __future__ import annotations

import pytest

from xling.glossary.match import SourceMatcher, fold_key, fold_stream
from xling.glossary.model import ConceptEntry, Glossary, Term


def _g(*entries: tuple[str, list[str], list[str]]) -> Glossary:
    return Glossary(
        entries=[
            ConceptEntry(id=i, terms={"fa": [Term(text=t, short_forms=s) for t in terms]})
            for i, terms, s in [(e[0], [e[1][0]], e[1][1:] + e[2]) for e in entries]
        ]
    )


@pytest.fixture(scope="module")
def m():
    g = _g(
        ("jolani", ["ابو محمد جولانی", "جولانی"], []),
        ("shaibani", ["اسعد الشیبانی", "الشیبانی"], []),
        ("sharaa", ["احمد الشرع", "الشرع"], []),
        ("president", ["رئیس جمهور روسیه"], []),
        ("aide", ["دستیار رئیس جمهور"], []),
        ("golan", ["جولان"], []),
        ("qasra", ["ابو قصره"], []),
        ("kremlin", ["کرملین"], []),
    )
    return SourceMatcher(g)


def ids(m, text):
    return [(x.entry_id, x.surface) for x in m.find(text)]


def test_offsets_point_into_the_original_text(m):
    text = "دیدار\u200cها با  ابو\u200cمحمد   جولانی و رئیس‌جمهور روسیه"
    found = m.find(text)
    assert [x.entry_id for x in found] == ["jolani", "president"]
    for x in found:
        assert text[x.start : x.end] == x.surface


@pytest.mark.parametrize(
    "text",
    [
        "ابو محمد جولانی",
        "ابومحمد جولانی",
        "ابو\u200cمحمد جولانی",
        "ابو محمد جولاني",
        "ابو محمد الجولانی",
        "ابومحمد الجولاني",
    ],
)
def test_spacing_zwnj_letters_and_article_variants(m, text):
    assert ids(m, text) == [("jolani", text)]


@pytest.mark.parametrize(
    "text", ["رئیس جمهور روسیه", "رئیسجمهور روسیه", "رئیس\u200cجمهور روسیه", "رييس جمهور روسيه", "رئيس جمهور روسيه"]
)
def test_joined_spaced_compounds(m, text):
    assert ids(m, text)[0][0] == "president"


def test_ta_marbuta_and_kaf(m):
    assert ids(m, "ابو قصرة آمد")[0][0] == "qasra"
    assert ids(m, "در كرملين")[0][0] == "kremlin"


def test_optional_article_both_ways(m):
    assert ids(m, "شیبانی گفت") == [("shaibani", "شیبانی")]
    assert ids(m, "الجولانی گفت") == [("jolani", "الجولانی")]


def test_three_letter_stem_keeps_its_article(m):
    # شرع alone is "religious law", not the surname الشرع
    assert ids(m, "حکم شرع روشن است") == []
    assert ids(m, "قوانین شریعت") == []
    assert ids(m, "الشرع گفت") == [("sharaa", "الشرع")]


def test_attached_particles_and_clitics(m):
    found = m.find("والشیبانی و جولانی‌ها و جولانیها و جولانی‌را")
    assert [(x.entry_id, x.prefix, x.suffix) for x in found] == [
        ("shaibani", "و", ""),
        ("jolani", "", "ها"),
        ("jolani", "", "ها"),
        ("jolani", "", "را"),
    ]
    assert [x.entry_id for x in m.find("جولانی را دید")] == ["jolani"]
    assert m.find("ابو\u200cقصره‌ی بزرگ")[0].suffix == "ی"


def test_place_and_person_are_not_confused(m):
    assert ids(m, "در جولان") == [("golan", "جولان")]
    assert ids(m, "جولانی آمد") == [("jolani", "جولانی")]
    # a joined ی after a consonant makes another word: not the place + ezafe
    assert [x.entry_id for x in m.find("جولانیان")] == []


def test_no_match_inside_a_word(m):
    assert m.find("بکرملینی") == []
    assert m.find("xکرملین") == []


def test_longest_match_wins(m):
    assert ids(m, "دستیار رئیس جمهور") == [("aide", "دستیار رئیس جمهور")]


def test_entries_in_counts(m):
    assert m.entries_in("جولانی و جولانی و الشرع") == {"jolani": 2, "sharaa": 1}


def test_fold_helpers():
    assert fold_key("رئیس‌جمهور") == fold_key("رييس جمهور") == fold_key("رئيس جمهور")
    s, idx = fold_stream("a b\u200cc")
    assert s == "abc" and idx == [0, 2, 4]


def test_empty_glossary_and_text():
    assert SourceMatcher(Glossary()).find("کرملین") == []
    assert SourceMatcher(_g(("k", ["کرملین"], []))).find("") == []


def test_glossary_spelling_beats_an_article_variant_of_another_entry():
    """شرع (religious law) + the optional ال must not take الشرع from the al-Sharaa entry,
    whichever entry comes first in the file."""
    from xling.glossary.model import ConceptEntry, Glossary, Term

    law = ConceptEntry(
        id="sharia-law", type="other", terms={"fa": [Term(text="شرع")], "en": [Term(text="Islamic law")]}
    )
    name = ConceptEntry(
        id="ahmed-al-sharaa",
        type="person",
        terms={"fa": [Term(text="احمد الشرع", short_forms=["الشرع"])], "en": [Term(text="Ahmed al-Sharaa")]},
    )
    for entries in ([law, name], [name, law]):
        m = SourceMatcher(Glossary(entries=entries))
        assert [x.entry_id for x in m.find("الشرع در دمشق سخنرانی کرد.")] == ["ahmed-al-sharaa"]
        assert [x.entry_id for x in m.find("احکام شرع")] == ["sharia-law"]
        assert [x.entry_id for x in m.find("والشرع گفت")] == ["ahmed-al-sharaa"]


def test_house_president_with_the_final_ya():
    """رئیس‌جمهوری (with -ی) is as common as رئیس‌جمهور in Persian news."""
    from xling.glossary.store import load_glossary

    m = SourceMatcher(load_glossary())
    assert [x.entry_id for x in m.find("رئیس جمهوری روسیه گفت")] == ["president-of-russia"]
    assert [x.entry_id for x in m.find("اوشاکوف دستیار رئیس‌جمهوری")] == ["yuri-ushakov", "presidential-aide"]
