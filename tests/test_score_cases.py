"""Issue 11: the bug-report kinds that xling's QA got wrong, each with cases written here.

Every test failed before its fix (first run recorded in the commit message).
"""

from __future__ import annotations

import pytest

from xling.score.api import run_checks


def issues(src, hyp, tgt="en", src_lang="fa", check=None):
    r = run_checks([src], [hyp], src_lang=src_lang, tgt_lang=tgt)
    return [i for i in r.issues if check is None or i.check == check]


# --- numbers: decimal comma and a second separator ----------------------------------------


@pytest.mark.parametrize(
    "src, src_lang, hyp, tgt",
    [
        ("Die Quote lag bei 0,850 Prozent.", "de", "The rate was 0.85 percent.", "en"),
        ("Die Quote lag bei 1,250 Prozent.", "de", "The rate was 1.25 percent.", "en"),
        ("Le taux était de 0,85 %.", "fr", "The rate was 0.85%.", "en"),
        ("Es kostet 1.250,5 Euro.", "de", "It costs 1,250.5 euros.", "en"),
        ("Es kostet 1.250.000 Euro.", "de", "It costs 1,250,000 euros.", "en"),
        ("نرخ ۱٬۲۵۰٫۵ است.", "fa", "Ставка составляет 1.250,5.", "ru"),
        ("نرخ ۱٬۲۵۰٫۵ است.", "fa", "Ставка составляет 1 250,5.", "ru"),
        ("نرخ ۰٫۸۵ است.", "fa", "Ставка 0,85.", "ru"),
        ("نرخ ۰٫۸۵ است.", "fa", "The rate is 0.85.", "en"),
        ("نرخ ۱٬۲۵۰٫۵ است.", "fa", "Ставка составляет 1,250.5.", "ru"),
    ],
)
def test_decimal_comma_and_grouping_are_the_same_number(src, src_lang, hyp, tgt):
    assert issues(src, hyp, tgt, src_lang, check="number-mismatch") == []


@pytest.mark.parametrize(
    "src, src_lang, hyp, tgt",
    [
        ("Die Quote lag bei 0,85 Prozent.", "de", "The rate was 85 percent.", "en"),
        ("Es kostet 1.250,5 Euro.", "de", "It costs 1,250 euros.", "en"),
        ("نرخ ۰٫۸۵ است.", "fa", "Ставка 0,58.", "ru"),
    ],
)
def test_decimal_comma_still_tells_different_numbers_apart(src, src_lang, hyp, tgt):
    assert issues(src, hyp, tgt, src_lang, check="number-mismatch")


# --- untranslated -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "src, hyp, src_lang",
    [
        ("۱۴۰۴", "1404", "fa"),
        ("٢٠٢٥-١٠-١٥", "2025-10-15", "ar"),
        ("۲۵٪", "25%", "fa"),
        ("۱۴۰۴/۰۷/۲۳", "1404/07/23", "fa"),
    ],
)
def test_digits_only_source_is_not_untranslated(src, hyp, src_lang):
    assert issues(src, hyp, "en", src_lang, check="untranslated") == []


@pytest.mark.parametrize("code", ["F1", "G20", "I", "NATO", "S-400", "COVID-19"])
def test_short_codes_kept_as_they_are_are_not_untranslated(code):
    assert issues(code, code, "ru", "en", check="untranslated") == []


def test_identical_real_words_are_still_untranslated():
    assert issues("Good morning", "Good morning", "ru", "en", check="untranslated")
    assert issues("سلام دوستان", "سلام دوستان", "ar", "fa", check="untranslated")


def test_exactly_half_persian_line_is_untranslated():
    hyp = "Peace talks مذاکرات صلح"  # 10 Latin letters, 10 Arabic-script letters
    assert sum(c.isalpha() for c in "Peace talks") == sum(c.isalpha() for c in "مذاکرات صلح")
    assert issues("گفتگوهای صلح و سلام", hyp, check="untranslated")


def test_untranslated_fragment_inside_a_translated_line():
    hyp = "President Putin said on Wednesday in Moscow that روسیه همیشه در کنار ملت سوریه خواهد ماند"
    found = issues("رئیس جمهور پوتین روز چهارشنبه گفت روسیه همیشه در کنار ملت سوریه خواهد ماند", hyp)
    assert [i.check for i in found] == ["untranslated"]
    assert "روسیه همیشه" in found[0].message


def test_a_name_left_in_persian_is_only_foreign_script():
    hyp = "President Putin met Ahmed al-Sharaa, known as ابو محمد, in the Kremlin on Wednesday."
    assert [i.check for i in issues("...", hyp)] == ["foreign-script"]


# --- brackets against the source ----------------------------------------------------------


def test_brackets_of_the_source_missing_in_the_hypothesis():
    found = issues("For [sic] numbers", "Vier getalle", "en", "en")
    assert [i.check for i in found] == ["bracket-mismatch"]
    assert issues("درباره (سوریه) گفت", "He spoke about Syria", check="bracket-mismatch")
    assert issues("درباره سوریه گفت", "He spoke (about Syria)", check="bracket-mismatch")


def test_quotes_lost_are_flagged_quotes_added_are_not():
    assert issues("او گفت «سلام»", "He said hello", check="bracket-mismatch")
    # Russian quotes a newspaper's name where Persian does not (reference.ru.txt line 2)
    assert issues("به گزارش تابناک", "Как сообщает «Табнак»", "ru", check="bracket-mismatch") == []


def test_quotes_of_another_style_match_the_source():
    assert issues("او گفت «سلام»", "He said “hello”", check="bracket-mismatch") == []
    assert issues("او گفت «سلام»", 'He said "hello"', check="bracket-mismatch") == []
    assert issues("او گفت «سلام»", "Он сказал «привет»", "ru", check="bracket-mismatch") == []
    assert issues("او گفت «سلام»", "Он сказал „привет“", "ru", check="bracket-mismatch") == []
    assert issues("درباره (سوریه) گفت", "He spoke (about Syria)", check="bracket-mismatch") == []


# --- inline markup ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "src, hyp, check",
    [
        ("<b>سلام</b> دنیا", "Hello world", "tag-missing"),
        ("سلام دنیا", "<i>Hello</i> world", "tag-extra"),
        ("سلام {1} دنیا", "Hello world", "tag-missing"),
        ("سلام %s دنیا", "Hello world", "tag-missing"),
        ("سلام %s و %d", "Hello %s and %d %d", "tag-extra"),
        ("<b>سلام</b> <i>دنیا</i>", "<i>Hello</i> <b>world</b>", "tag-order"),
        ("{1} و {2}", "{2} and {1}", "tag-order"),
    ],
)
def test_inline_markup_lost_added_or_reordered(src, hyp, check):
    assert [i.check for i in issues(src, hyp)] == [check]


@pytest.mark.parametrize(
    "src, hyp",
    [
        ("<b>سلام</b> دنیا", "<b>Hello</b> world"),
        ("سلام {name} و %s", "Hello {name} and %s"),
        ("سلام %(user)s", "Hello %(user)s"),
        ("۲۵٪ سهم", "a 25% share"),
        ("رشد ۲۵ درصدی", "25% s-curve growth"),
        ("اگر x < y و y > z", "if x < y and y > z"),
    ],
)
def test_inline_markup_kept(src, hyp):
    assert [i.check for i in issues(src, hyp) if i.check.startswith("tag-")] == []


# --- source language ----------------------------------------------------------------------


def test_unknown_source_language_is_refused(cli, tmp_path):
    hyp = tmp_path / "h.en.txt"
    hyp.write_text("Hello.\n", encoding="utf-8")
    src = tmp_path / "s.txt"
    src.write_text("Hallo.\n", encoding="utf-8")
    r = cli(["score", hyp, "--lang", "en", "--src", src, "--src-lang", "xx"])
    assert r.exit_code != 0
    assert r.stderr.count("\n") == 1 and "xx" in r.stderr and "--src-lang" in r.stderr
    r = cli(["score", hyp, "--lang", "en", "--src", src, "--src-lang", "de"])
    assert r.exit_code == 0


# --- an omission inside a merged bead -----------------------------------------------------

OMIT_SRC = [
    "پوتین و الشرع روز چهارشنبه در کرملین با یکدیگر دیدار کردند.",
    "چه دیدار خوبی بود 🎉",
    "دو طرف درباره همکاری اقتصادی، انرژی، آموزش و بازسازی زیرساخت‌های سوریه گفت‌وگو کردند.",
    "وزیر دفاع روسیه نیز در این نشست حضور داشت.",
    "این نخستین سفر الشرع به مسکو از زمان ریاستش بود.",
]
OMIT_HYP = [
    "Putin and al-Sharaa met in the Kremlin on Wednesday.",
    "What a good meeting it was 🎉",  # the long sentence after the emoji is dropped
    "Russia's defence minister also attended the meeting.",
    "It was al-Sharaa's first visit to Moscow since he took office.",
]


def test_sentence_dropped_inside_a_merged_bead_is_flagged(monkeypatch):
    from xling.align.beads import Bead
    from xling.score import pairing

    beads = [Bead((0,), (0,)), Bead((1, 2), (1,)), Bead((3,), (2,)), Bead((4,), (3,))]
    monkeypatch.setattr(pairing, "_align_sentences", lambda s, t, **kw: beads)
    r = run_checks(OMIT_SRC, OMIT_HYP, src_lang="fa", tgt_lang="en", align=True)
    found = [i for i in r.issues if i.check == "segment-omitted"]
    assert [(i.hyp, i.src, i.details["segment"], i.details["source_line"]) for i in found] == [((1,), (1, 2), 2, 3)]


def test_a_merged_bead_that_translates_both_is_not_flagged(monkeypatch):
    from xling.align.beads import Bead
    from xling.score import pairing

    hyp = list(OMIT_HYP)
    hyp[1] = (
        "What a good meeting it was 🎉 The two sides discussed economic cooperation, energy, "
        "education and the rebuilding of Syria's infrastructure."
    )
    beads = [Bead((0,), (0,)), Bead((1, 2), (1,)), Bead((3,), (2,)), Bead((4,), (3,))]
    monkeypatch.setattr(pairing, "_align_sentences", lambda s, t, **kw: beads)
    r = run_checks(OMIT_SRC, hyp, src_lang="fa", tgt_lang="en", align=True)
    assert [i for i in r.issues if i.check == "segment-omitted"] == []
