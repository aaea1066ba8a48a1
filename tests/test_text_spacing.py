"""Persian spacing (xling.text.spacing, through normalize): stray ZWNJs and separated affixes.

Cases written for xling (issue 12); | stands for ZWNJ.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xling.text.normalize import normalize, normalize_with_edits
from xling.text.spacing import clean_zwnj, fix_spacing

Z = "\u200c"


def _z(s: str) -> str:
    return s.replace("|", Z)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("دفتر||ها", "دفتر|ها"),  # doubled
        ("این |دفتر", "این دفتر"),  # next to a space
        ("دفتر| را", "دفتر را"),
        ("|دفتر", "دفتر"),  # start and end of a word
        ("دفتر|.", "دفتر."),
        ("۱۲|۳", "۱۲۳"),  # between digits
        ("دفتر|ها", "دفتر|ها"),  # a ZWNJ inside a word stays
    ],
)
def test_clean_stray_zwnj(text, expected):
    assert clean_zwnj(_z(text)) == _z(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("دفتر های تازه", "دفترهای تازه"),  # plural after a space (no ZWNJ after ر)
        ("کتاب های او", "کتاب|های او"),  # never کتابه‌ای
        ("درخت ها", "درخت|ها"),
        ("شهر ها", "شهرها"),  # no ZWNJ after a letter that does not join forward
        ("پرونده هایی", "پرونده|هایی"),
        ("آنان می نویسند", "آنان می|نویسند"),  # می + verb
        ("او نمی خواهد", "او نمی|خواهد"),
        ("پنجره ای باز", "پنجره|ای باز"),  # ‌ای after a final ه
        ("نوشته اند", "نوشته|اند"),  # a verb form the lexicon spells with ZWNJ
        ("سریع تر", "سریع|تر"),  # comparative of an adjective
    ],
)
def test_join_separated_affixes(text, expected):
    assert fix_spacing(_z(text)) == _z(expected)


@pytest.mark.parametrize(
    "text",
    [
        "ماه می",  # the month of May
        "در ماه می گذشته",
        "تنها",  # a word that merely ends in ها
        "سرما",
        "او تنها رفت",
        "می",
        "که ها",  # ها after a word hazm does not tag as a noun: left alone
    ],
)
def test_words_that_stand_alone_are_kept(text):
    assert fix_spacing(text) == text


def test_normalize_applies_spacing_and_records_it():
    text = "کتاب های تازه و دفتر|| او"
    out, edits = normalize_with_edits(_z(text), "fa")
    assert out == _z("کتاب|های تازه و دفتر او")
    assert {e["op"] for e in edits} == {"spacing"}
    for e in edits:
        assert _z(text)[e["start"] : e["end"]] == e["before"]
    assert normalize(_z(text), "fa", zwnj=False) == _z(text)  # --no-zwnj: no spacing either


_WORDS = st.sampled_from(["دفتر", "های", "ها", "می", "نویسند", "ماه", "خانه", "ای", "تر", Z, " ", "کتاب", "اند"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_WORDS, max_size=14).map("".join))
def test_spacing_only_moves_spaces_and_zwnj(text):
    out = fix_spacing(text)
    squeeze = lambda t: t.replace(" ", "").replace(Z, "")  # noqa: E731
    assert squeeze(out) == squeeze(text)
    assert fix_spacing(out) == out or squeeze(fix_spacing(out)) == squeeze(out)
    assert Z + Z not in out and not out.startswith(Z) and not out.endswith(Z)
