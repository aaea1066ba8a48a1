"""MT-safe normalization, digits and orthography (xling.text.normalize, digits, orthography)."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xling.errors import InputError
from xling.text import normalize as normalize_module
from xling.text.digits import to_ascii_digits
from xling.text.keys import fold
from xling.text.normalize import iter_chunks, normalize, normalize_with_edits
from xling.text.orthography import unify_letters
from xling.text.protect import protected_spans
from xling.text.spacing import clean_zwnj

Z = "\u200c"


def test_digits_to_ascii():
    assert to_ascii_digits("سال ۱۹۴۴ و ٢٠٢٥") == "سال 1944 و 2025"
    assert to_ascii_digits("۳٫۵ و ۱٬۲۵۰") == "3.5 و 1,250"
    assert to_ascii_digits("٫ alone ٬") == "٫ alone ٬"  # separators only between digits
    assert to_ascii_digits("") == ""


def test_unify_letters_per_language():
    assert unify_letters("علي كتاب يى", "fa") == "علی کتاب یی"
    assert unify_letters("علی کتاب", "ar") == "علي كتاب"
    assert unify_letters("Hello", "en") == "Hello"


def test_fold_is_a_comparison_key():
    assert fold("می‌گوید", "fa") == fold("میگوید", "fa")
    assert fold("كتاب‌ها ۱۲", "fa") == fold("کتابها 12", "fa")
    assert fold("مدرسة", "fa") == fold("مدرسه", "fa")
    assert fold("مُحَمَّـد", "ar") == fold("محمد", "ar")
    assert fold("  Hello   World ", "en") == "hello world"
    assert fold("سلام", "fa") != fold("سلم", "fa")


def test_normalize_keeps_everything_but_persian_words():
    text = "date 2025-10-15 مؤسسات هیأت واقعاً اخیراً see https://example.com/a?b=1 or me@example.org, 12.5 and 1,250 www.example.com"
    assert normalize(text, "fa") == text
    assert normalize(text, "fa", digits="ascii") == text


def test_normalize_fa_letters_zwnj_digits():
    text = "رئيسجمهور روسيه ميگويد كه ۳٫۵ درصد"
    assert normalize(text, "fa") == f"رئیس{Z}جمهور روسیه می{Z}گوید که ۳٫۵ درصد"
    assert normalize(text, "fa", digits="ascii") == f"رئیس{Z}جمهور روسیه می{Z}گوید که 3.5 درصد"
    assert normalize(text, "fa", zwnj=False) == "رئیسجمهور روسیه میگوید که ۳٫۵ درصد"


def test_normalize_keeps_urls_and_emails_whole():
    text = (
        "نشانی https://example.com/a_b-c?x=1&y=%D8 و me.2@mail.example.org و ۱۲ و www.example.com/۱۲ و a۱@example.org"
    )
    out = normalize(text, "fa", digits="ascii")
    assert (
        out
        == "نشانی https://example.com/a_b-c?x=1&y=%D8 و me.2@mail.example.org و 12 و www.example.com/۱۲ و a۱@example.org"
    )


def test_normalize_keeps_urls_with_persian_letters_whole():
    # Regression: an ASCII-only URL pattern stopped at the first Persian letter, so the path
    # got a ZWNJ (…/می‌شود) and its ي was unified: the link no longer resolved.
    text = "سایت www.example.com/میشود و https://news.example.ir/علي/ميشود?q=كتاب و isna.ir/news/ميشود و ايميل me@ايران.ir ميشود"
    out = normalize(text, "fa", digits="ascii")
    for link in (
        "www.example.com/میشود",
        "https://news.example.ir/علي/ميشود?q=كتاب",
        "isna.ir/news/ميشود",
        "me@ايران.ir",
    ):
        assert f" {link} " in out
    assert out.startswith("سایت ") and out.endswith(f"ایمیل me@ايران.ir می{Z}شود")


def test_url_gives_trailing_punctuation_back_to_the_sentence():
    text = "(نشانی: https://fa.wikipedia.org/wiki/علي_(ميشود)). www.example.com/۱۲، ميشود؟ me@x.ir."
    out = normalize(text, "fa", digits="ascii")
    assert out == f"(نشانی: https://fa.wikipedia.org/wiki/علي_(ميشود)). www.example.com/۱۲، می{Z}شود؟ me@x.ir."
    assert [text[a:b] for a, b in protected_spans(text)] == [
        "https://fa.wikipedia.org/wiki/علي_(ميشود)",
        "www.example.com/۱۲",
        "me@x.ir",
    ]


def test_unify_letters_can_keep_protected_spans():
    text = "علي www.x.com/علي me@علي.ir"
    assert unify_letters(text, "fa") == "علی www.x.com/علی me@علی.ir"
    assert unify_letters(text, "fa", keep_protected=True) == "علی www.x.com/علي me@علي.ir"


def test_edits_explain_every_change():
    text = "در ۱۹۹۳ رئيسجمهور گفت كه دهههای اخیر"
    out, edits = normalize_with_edits(text, "fa", digits="ascii")
    json.dumps(edits)  # JSON-ready
    assert [e["op"] for e in edits] == ["digits", "zwnj", "letters", "zwnj"]
    rebuilt, pos = [], 0
    for e in edits:
        assert text[e["start"] : e["end"]] == e["before"]
        rebuilt += [text[pos : e["start"]], e["after"]]
        pos = e["end"]
    rebuilt.append(text[pos:])
    assert "".join(rebuilt) == out
    assert normalize_with_edits(text, "fa", record=False)[1] == []


def test_bad_digits_mode():
    with pytest.raises(InputError, match="digits"):
        normalize("x", "fa", digits="roman")


def test_long_single_line_is_processed_in_chunks(monkeypatch):
    line = "ميشود دهههای گفتوگو www.example.com " * 60_000  # ~2 MB, no newline
    calls = []
    real = normalize_module._normalize_chunk

    def counting(chunk, *args):
        calls.append(len(chunk))
        return real(chunk, *args)

    monkeypatch.setattr(normalize_module, "_normalize_chunk", counting)
    out = normalize(line, "fa")
    assert len(calls) > 20 and max(calls) <= normalize_module.CHUNK_CHARS
    assert out.replace(Z, "") == unify_letters(line, "fa", keep_protected=True)
    assert out.count(f"می{Z}شود") == 60_000


def test_iter_chunks_cut_at_whitespace():
    text = "abc def " * 10 + "x" * 50
    pieces = list(iter_chunks(text, 16))
    assert "".join(p for _, p in pieces) == text
    assert all(p.endswith(" ") for o, p in pieces if o < 80)  # words are never cut
    assert max(len(p) for _, p in pieces) <= 16  # a 50-character "word" is cut at the limit
    assert [o for o, _ in pieces] == [sum(len(p) for _, p in pieces[:i]) for i in range(len(pieces))]


_ALPHABET = st.sampled_from(
    list("ابپتثجچحخدذرزسشصضطظعغفقکگلمنوهیيكىةأإؤئءآ")
    + ["ً", "ٌ", "ـ", " ", " ", "\n", ".", "،", "؟", Z, "a", "Z", "5", "۵", "٣", "٫", "@", "/", ":", "-"]
)
_WORDS = st.sampled_from(
    [
        "میشود",
        "دهههای",
        "رئیسجمهور",
        "گفتوگو",
        "ويژهای",
        "كردهایم",
        "سختترین",
        "اینکه",
        "بهای",
        "www.x.com",
        "2025-10-15",
        "واقعاً",
        "www.x.com/ميشود",
        "me@علي.ir",
        "https://x.ir/دهههای?a=ي",
    ]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.text(_ALPHABET, max_size=12), _WORDS), max_size=12).map(" ".join))
def test_removing_zwnj_gives_the_letter_unified_input(text):
    """The definition: letters unified outside URLs and e-mail addresses, ZWNJs only added."""
    out = normalize(text, "fa")

    def squeeze(t: str) -> str:  # the spacing step only moves spaces and ZWNJs (xling.text.spacing)
        return t.replace(Z, "").replace(" ", "")

    assert squeeze(out) == squeeze(unify_letters(text, "fa", keep_protected=True))
    for start, end in protected_spans(text):  # URLs and e-mail addresses are byte-identical
        assert text[start:end] in out
    # Only ZWNJs are added, but for stray ones: the input's ZWNJs inside words all survive.
    assert out.count(Z) >= clean_zwnj(text).count(Z)


@settings(max_examples=100, deadline=None)
@given(st.text(st.characters(codec="utf-8"), max_size=40))
def test_non_arabic_text_is_byte_identical(text):
    latin = re.sub("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff\u200c]", "", text)
    assert normalize(latin, "fa") == latin
