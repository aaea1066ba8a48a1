"""Each reference-free QA check, positive and negative, on small inputs."""

from __future__ import annotations

from pathlib import Path

import pytest

from xling.score.api import run_checks
from xling.score.qa import all_check_ids
from xling.score.qa.numerals import find_numbers

DATA = Path(__file__).parent / "data" / "score"


def lines(name: str) -> list[str]:
    return (DATA / name).read_text(encoding="utf-8").splitlines()


def found(report, check):
    return [i for i in report.issues if i.check == check]


def qa(hyps, srcs=None, tgt="en", **kw):
    return run_checks(srcs, hyps, src_lang="fa", tgt_lang=tgt, **kw)


# --- the references themselves are clean -------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "ru", "ar"])
def test_references_have_no_hypothesis_only_issues(lang):
    r = qa(lines(f"reference.{lang}.txt"), tgt=lang)
    assert r.issues == []
    assert "number-mismatch" not in r.checks  # needs a source


def test_check_ids_are_stable():
    assert list(all_check_ids()) == [
        "segment-missing",
        "segment-empty",
        "segment-extra",
        "segment-omitted",
        "untranslated",
        "foreign-script",
        "placeholder",
        "number-mismatch",
        "length-ratio",
        "repeated-word",
        "unpaired-bracket",
        "bracket-mismatch",
        "tag-missing",
        "tag-extra",
        "tag-order",
        "term-deprecated",
        "term-missing",
    ]


# --- number-mismatch --------------------------------------------------------------------

SRC_NUM = [
    "ما بیش از ۸۰ سال است که روابط را حفظ کرده‌ایم، در سال ۱۹۴۴.",
    "بیش از چهار هزار جوان سوری مشغول به تحصیل هستند.",
    "یک موفقیت بزرگ برای شماست و طرفین گفتند.",
]


def test_number_mismatch_positive():
    hyps = [
        "We have kept relations for more than 80 years, since 1945.",
        "More than three thousand young Syrians are studying.",
        "It is a great success for you, the two sides said.",
    ]
    r = qa(hyps, SRC_NUM)
    issues = found(r, "number-mismatch")
    assert [(i.hyp, i.details["missing"], i.details["unexpected"]) for i in issues] == [
        ((0,), ["1944"], ["1945"]),
        ((1,), ["4000"], ["3000"]),
    ]
    assert all(i.severity == "error" for i in issues)


@pytest.mark.parametrize(
    "tgt,hyps",
    [
        (
            "en",
            [
                "We have kept relations for more than ۸۰ years, since 1944.",
                "More than 4,000 young Syrians study.",
                "A great success; the two sides said.",
            ],
        ),
        (
            "en",
            [
                "Eighty-odd years: 80 years since 1944.",
                "More than four thousand young Syrians study.",
                "One great success, said the two sides.",
            ],
        ),
        (
            "ru",
            [
                "Мы поддерживаем отношения более 80 лет, с 1944 года.",
                "Более четырёх тысяч молодых сирийцев учатся.",
                "Это большой успех, сказали две стороны.",
            ],
        ),
        (
            "ar",
            [
                "نحافظ على العلاقات منذ أكثر من ٨٠ عاماً، منذ عام 1944.",
                "يدرس أكثر من أربعة آلاف شاب سوري.",
                "هذا نجاح كبير، قال الجانبان.",
            ],
        ),
    ],
)
def test_number_mismatch_negative(tgt, hyps):
    assert found(qa(hyps, SRC_NUM, tgt=tgt), "number-mismatch") == []


@pytest.mark.parametrize(
    "text,lang,value",
    [
        ("چهار هزار", "fa", 4000),
        ("four thousand", "en", 4000),
        ("4,000", "en", 4000),
        ("۴٬۰۰۰", "fa", 4000),
        ("четыре тысячи", "ru", 4000),
        ("четырёх тысяч", "ru", 4000),
        ("4 000", "ru", 4000),
        ("4 тыс.", "ru", 4000),
        ("أربعة آلاف", "ar", 4000),
        ("بیست و پنج", "fa", 25),
        ("twenty-five", "en", 25),
        ("خمسة وعشرون", "ar", 25),
        ("ثلاثة عشر", "ar", 13),
        ("دو هزار و پانصد", "fa", 2500),
        ("two hundred and fifty thousand", "en", 250000),
        ("пятьсот двадцать", "ru", 520),
        ("ألفين", "ar", 2000),
        ("80 million", "en", 80e6),
        ("12.5", "en", 12.5),
        ("۱۲٫۵", "fa", 12.5),
        ("12,5", "ru", 12.5),
        ("2.5 million", "en", 2.5e6),
        ("۲٫۵ میلیون", "fa", 2.5e6),
        ("2,500,000", "en", 2.5e6),
        ("2,5 млн", "ru", 2.5e6),
    ],
)
def test_number_words_and_digits(text, lang, value):
    nums = find_numbers(text, lang)
    assert [n.value for n in nums] == [value]
    assert nums[0].significant


@pytest.mark.parametrize(
    "src,hyp,flagged",
    [
        # Ordinals are numbers too: "80th anniversary" is هشتادمین سالگرد, "21st century" قرن بیست و یکم.
        ("هشتادمین سالگرد روابط", "the 80th anniversary of relations", False),
        ("هشتادمین سالگرد روابط", "the eightieth anniversary of relations", False),
        ("سالگرد ۸۰ روابط", "the eightieth anniversary of relations", False),
        ("قرن بیست و یکم", "the 21st century", False),
        ("قرن ۲۱", "the twenty-first century", False),
        ("بیست و سومین نشست", "the 23rd meeting", False),
        ("سیزدهم آبان", "the thirteenth of Aban", False),
        ("هشتادمین سالگرد روابط", "the 90th anniversary of relations", True),
        ("قرن بیست و یکم", "the twenty-second century", True),
    ],
)
def test_ordinal_numbers(src, hyp, flagged):
    assert bool(found(qa([hyp], [src]), "number-mismatch")) is flagged


def test_small_number_words_and_dates():
    assert [n.significant for n in find_numbers("the two sides and one of them", "en")] == [False, False]
    assert [n.value for n in find_numbers("date 2025-10-15", "en")] == [2025, 10, 15]
    assert find_numbers("пятница, сорока слов нет", "ru")[0].value == 40  # сорока (gen. of сорок)
    assert [n.value for n in find_numbers("пятница", "ru")] == []
    assert [(n.value, n.significant) for n in find_numbers("به گزارش بی‌بی‌سی", "fa")] == [(30, False)]
    assert [(n.value, n.significant) for n in find_numbers("سی و پنج سال", "fa")] == [(35, True)]


# --- untranslated ----------------------------------------------------------------------


def test_untranslated_persian_segment_in_english_file():
    hyps = lines("reference.en.txt")
    src = lines("sentences.fa.txt")
    hyps[6] = src[6]  # a segment left in Persian
    r = qa(hyps)
    assert [(i.hyp, i.severity) for i in found(r, "untranslated")] == [((6,), "error")]
    assert found(r, "foreign-script") == []  # not flagged twice


def test_untranslated_persian_with_english_names_put_in():
    """Glossary enforcement around an engine that left Persian as it was puts English names into
    a Persian sentence: under half its letters may be Arabic script, yet it is untranslated."""
    hyp = (
        "از طرف روسیه، Sergei Lavrov Foreign Minister، Alexander Novak Deputy Prime Minister، "
        "Maxim Oreshkin Deputy Head of the Presidential Executive Office و Igor Kostyukov در این دیدار حضور داشتند."
    )
    r = qa([hyp, "Russian officials, including Foreign Minister Sergei Lavrov, attended the meeting in the Kremlin."])
    assert [i.hyp for i in found(r, "untranslated")] == [(0,)]
    assert "Persian function words" in found(r, "untranslated")[0].message


def test_untranslated_identical_to_source_and_negative():
    src = ["Кремль", "date 2025-10-15", "روز چهارشنبه"]
    r = run_checks(src, ["Кремль", "date 2025-10-15", "on Wednesday"], src_lang="ru", tgt_lang="en")
    assert [i.hyp for i in found(r, "untranslated")] == [(0,)]  # identical line with no source-script letter is fine


def test_untranslated_persian_left_in_arabic_output():
    r = qa(["این خبر در حال تکمیل است.", "هذا الخبر قيد التحديث."], tgt="ar")
    assert [i.hyp for i in found(r, "untranslated")] == [(0,)]


def test_arabic_typed_with_persian_letters_is_not_untranslated():
    # Arabic written with the Persian ی and ک (a Persian keyboard, or a name copied by MT) is
    # Arabic: a foreign-script warning, not an untranslated error. Every Persian sentence of the
    # article is still untranslated.
    ar = lines("reference.ar.txt")
    persian_keyboard = [x.replace("ي", "ی").replace("ك", "ک") for x in ar]
    r = qa(persian_keyboard + ["بوتين التقى الشرع في کرملین"], tgt="ar")
    assert found(r, "untranslated") == []
    assert len(found(r, "foreign-script")) >= len(ar) - 2
    src = lines("sentences.fa.txt")
    r = qa(src, tgt="ar")
    assert [i.hyp for i in found(r, "untranslated")] == [(n,) for n in range(len(src))]


# --- foreign-script --------------------------------------------------------------------


def test_foreign_script_positive_and_negative():
    r = qa(["Putin met الشرع in the Kremlin.", "Putin met al-Sharaa in the Kremlin."])
    assert [(i.hyp, i.details["spans"]) for i in found(r, "foreign-script")] == [((0,), ["الشرع"])]
    r = qa(["Путин встретился с الشرع.", "Путин встретился с аш-Шараа (IRNA)."], tgt="ru")
    assert [i.hyp for i in found(r, "foreign-script")] == [(0,)]
    r = qa(
        [
            "التقى الرئيس الروسي فلاديمير بوتين في الكرملين مع ایگور كوستيوكوف.",
            "التقى الرئيس الروسي فلاديمير بوتين في الكرملين مع إيغور كوستيوكوف.",
        ],
        tgt="ar",
    )
    assert [(i.hyp, i.details["spans"]) for i in found(r, "foreign-script")] == [((0,), ["ایگور"])]
    assert found(r, "untranslated") == []


# --- length-ratio ----------------------------------------------------------------------


def test_length_ratio_outlier():
    src = lines("sentences.fa.txt")
    hyps = lines("reference.en.txt")[:7] + ["Putin said something."] + lines("reference.en.txt")[9:]
    # line 7 (source 7) is now far shorter than the document's ratio; sources and hypotheses are 1:1 here
    assert len(hyps) == len(src)
    r = qa(hyps, src)
    outliers = found(r, "length-ratio")
    assert 7 in [i.hyp[0] for i in outliers]
    assert all(abs(i.details["z"]) > 3.5 for i in outliers)


def test_length_ratio_negative_and_small_documents():
    src = ["یک جمله نسبتاً بلند برای آزمایش."] * 6
    assert found(qa(["A fairly long sentence for the test."] * 6, src), "length-ratio") == []
    assert found(qa(["x"], ["یک جمله نسبتاً بلند برای آزمایش."]), "length-ratio") == []  # fewer than 5 units


# --- segments --------------------------------------------------------------------------


def test_segment_empty_missing_extra():
    r = qa(
        ["Putin met al-Sharaa.", "", "An extra line."], ["پوتین با الشرع دیدار کرد.", "این خبر در حال تکمیل است.", ""]
    )
    assert [(i.check, i.hyp, i.severity) for i in r.issues] == [
        ("segment-empty", (1,), "error"),
        ("segment-extra", (2,), "warning"),
    ]
    r = qa(["Putin met al-Sharaa.", "", "   "])  # no source: an empty line is a paragraph break
    assert [(i.check, i.hyp, i.line, i.severity) for i in r.issues] == [("segment-empty", (1,), 3, "warning")]
    assert qa(["Putin met al-Sharaa."], ["پوتین با الشرع دیدار کرد."]).issues == []


def test_segment_missing_with_aligned_source(monkeypatch):
    from xling.align.beads import Bead
    from xling.score import pairing

    monkeypatch.setattr(pairing, "_align_sentences", lambda s, t, **kw: [Bead((0,), (0,)), Bead((1,), ())])
    r = qa(["Putin met al-Sharaa."], ["پوتین با الشرع دیدار کرد.", "این خبر در حال تکمیل است."], align=True)
    assert [(i.check, i.hyp, i.src, i.line) for i in found(r, "segment-missing")] == [
        ("segment-missing", (), (1,), None)
    ]


def test_source_hypothesis_mismatch_is_aligned(monkeypatch):
    # issue 11: different segment counts are paired with the aligner (it asked for --align)
    from xling.align.beads import Bead
    from xling.score import pairing

    calls = []

    def fake(s, t, **kw):
        calls.append((s, t))
        return [Bead((0,), (0, 1))]

    monkeypatch.setattr(pairing, "_align_sentences", fake)
    r = qa(["a", "b"], ["الف"])
    assert calls == [(["الف"], ["a", "b"])] and r.units == 1


# --- placeholder -----------------------------------------------------------------------


def test_placeholder_positive_and_negative():
    r = qa(["Putin met ⟦T1⟧ in Moscow.", "Putin met al-Sharaa\ue001.", "Stray ⟦ bracket.", "Putin met al-Sharaa [1]."])
    assert [(i.hyp, i.details["found"]) for i in found(r, "placeholder")] == [
        ((0,), ["⟦T1⟧"]),
        ((1,), ["U+E001"]),
        ((2,), ["⟦"]),
    ]


# --- repeated-word ---------------------------------------------------------------------


def test_repeated_word_positive_and_negative():
    r = qa(
        ["He met the the president.", "He said that that was all.", "They met, met again.", "Он сказал сказал это."],
        tgt="en",
    )
    assert [(i.hyp, i.details["words"]) for i in found(r, "repeated-word")] == [((0,), ["the"]), ((3,), ["сказал"])]
    r = qa(["قال قال الرئيس", "قال الرئيس"], tgt="ar")
    assert [i.hyp for i in found(r, "repeated-word")] == [(0,)]


def test_repeated_word_ignores_parts_of_words_joined_by_apostrophe_or_hyphen():
    # "Russia's S-400": the possessive s and the S of S-400 are not a repeated word; nor is
    # "Boutros Boutros-Ghali" (the name's second part is hyphenated).
    r = qa(
        [
            "Russia's S-400 systems arrived.",
            "Putin’s S-300 too.",
            "Boutros Boutros-Ghali said so.",
            "Бутрос Бутрос-Гали сказал.",
            "It is is wrong.",
            "The well-known known fact.",
        ],
        tgt="en",
    )
    assert [(i.hyp, i.details["words"]) for i in found(r, "repeated-word")] == [((4,), ["is"])]


# --- unpaired-bracket ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,lang,bad",
    [
        ("He said (it was fine.", "en", ["("]),
        ("It was fine].", "en", ["]"]),
        ("«Табнак сообщает", "ru", ["«"]),
        ('He said "yes.', "en", ['"']),
        ("He said “yes.", "en", ["“"]),
        ("„Да“ и «нет»", "ru", []),
        ("قال «نعم» (اليوم)", "ar", []),
        ('He said "yes" (twice) [sic] “ok”.', "en", []),
        ("a ( [ b ) c", "en", ["["]),
    ],
)
def test_unpaired_brackets(text, lang, bad):
    from xling.score.qa.brackets import unpaired

    assert unpaired(text, lang) == bad
    r = qa([text], tgt=lang)
    assert bool(found(r, "unpaired-bracket")) == bool(bad)


def test_unpaired_bracket_follows_an_unbalanced_source():
    r = qa(["He said: «we are ready"], ["او گفت: «ما آماده‌ایم"])
    assert found(r, "unpaired-bracket") == []


# --- terms (check_terms from the glossary enforcement area) ----------------------------

GLOSSARY_YAML = """\
name: test
source_language: fa
target_languages: [en]
entries:
  - id: abu-mohammad-al-jolani
    type: person
    terms:
      fa:
        - text: ابو محمد جولانی
          short_forms: [جولانی]
      en:
        - text: Abu Mohammad al-Jolani
          short_forms: [al-Jolani]
        - text: al-Golani
          status: deprecated
  - id: kremlin
    type: organization
    terms:
      fa:
        - text: کرملین
      en:
        - text: Kremlin
"""


def test_terms_from_check_terms(tmp_path):
    pytest.importorskip("xling.glossary.check")
    from xling.glossary.store import load_glossary

    path = tmp_path / "g.yaml"
    path.write_text(GLOSSARY_YAML, encoding="utf-8")
    glossary = load_glossary(path)
    srcs = ["جولانی در کرملین بود.", "جولانی در کرملین بود.", "او آنجا بود."]
    hyps = ["Al-Jolani was in the Kremlin.", "Al-Golani was in Moscow.", "He was there."]
    r = qa(hyps, srcs, glossary=glossary)
    assert [(i.check, i.hyp, i.severity, i.details["entries"]) for i in r.issues if i.check.startswith("term")] == [
        ("term-deprecated", (1,), "error", ["abu-mohammad-al-jolani"]),
        ("term-missing", (1,), "warning", ["kremlin"]),
    ]
    assert r.terms_json()["success_rate"] == pytest.approx(0.5)
    assert r.terms_json()["report"]["expected"] == 4
    # without a glossary no term check runs
    assert "term-missing" not in qa(hyps, srcs).checks


def test_run_checks_report_renders_and_serializes():
    from rich.console import Console

    from xling.score.report import render_qa

    r = qa(
        ["We met in 1945.", "Putin met the the president."],
        ["در سال ۱۹۴۴ دیدار کردیم.", "پوتین با رئیس جمهور دیدار کرد."],
    )
    assert r.units == 2 and r.counts() == {"error": 1, "warning": 1, "info": 0}
    doc = r.to_json()
    assert [i["check"] for i in doc["issues"]] == ["number-mismatch", "repeated-word"]
    console = Console(record=True, width=120)
    render_qa(r, console, title="QA en")
    out = console.export_text()
    assert "QA en (1 error, 1 warning, 0 info)" in out and "number-mismatch" in out and "1944" in out
