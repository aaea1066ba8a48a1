"""Issue 12 item 5: enforcement repairs the usual fa/ar→Latin and fa/ar→Cyrillic transliteration
variants of a name the source contains, found by the fuzzy target matcher (the termbase here
lists no deprecated variants), while look-alikes stay (the guard tests of
test_glossary_enforce_repair.py, and the guards below).

Written before the matcher was changed; first run: see the commit message."""

from __future__ import annotations

from pathlib import Path

import pytest

from xling.glossary.repair import repair_segment
from xling.glossary.store import load_glossary

DATA = Path(__file__).parent / "data" / "glossary" / "translit_variants.yaml"


@pytest.fixture(scope="module")
def variants():
    return load_glossary(DATA)


VARIANTS = [
    # final h / х for Persian or Arabic ه (ة)
    ("final-h", "en", "ابو قصره وارد دمشق شد.", "Abu Qasrah arrived in Damascus.", "Abu Qasra arrived in Damascus."),
    ("final-h", "en", "حمزه سخنرانی کرد.", "Then Hamzah gave a speech.", "Then Hamza gave a speech."),
    ("final-h", "en", "حمزه سخنرانی کرد.", "Then Hamzeh gave a speech.", "Then Hamza gave a speech."),
    ("final-h", "ru", "ابو قصره وارد دمشق شد.", "Абу Касрах прибыл в Дамаск.", "Абу Касра прибыл в Дамаск."),
    ("final-h", "ru", "حمزه سخنرانی کرد.", "Затем выступил Хамзех.", "Затем выступил Хамза."),
    # doubled vowels
    (
        "doubled",
        "ru",
        "اسعد الشیبانی به مسکو رفت.",
        "Асад аш-Шейбани прибыл в Москву.",
        "Асаад аш-Шейбани прибыл в Москву.",
    ),
    (
        "doubled",
        "en",
        "اسعد الشیبانی به مسکو رفت.",
        "Asad al-Shaibani went to Moscow.",
        "Asaad al-Shaibani went to Moscow.",
    ),
    ("doubled", "ru", "الشرع سخن گفت.", "Затем выступил аш-Шара.", "Затем выступил аш-Шараа."),
    # й/и, e/i, ou/u
    (
        "й/и",
        "ru",
        "اسعد الشیبانی به مسکو رفت.",
        "Асаад аш-Шеибани прибыл в Москву.",
        "Асаад аш-Шейбани прибыл в Москву.",
    ),
    ("й/и", "ru", "یوری اوشاکوف گفت.", "Юри Ушаков сказал.", "Юрий Ушаков сказал."),
    (
        "e/i",
        "en",
        "اسعد الشیبانی به مسکو رفت.",
        "Asaad al-Sheibani went to Moscow.",
        "Asaad al-Shaibani went to Moscow.",
    ),
    (
        "e/i",
        "en",
        "سرگئی لاوروف گفت.",
        "Sergei Lavrov said so. Sirgei Lavrov said.",
        "Sergei Lavrov said so. Sergei Lavrov said.",
    ),
    ("ou/u", "en", "ابو قصره وارد دمشق شد.", "Abou Qasra arrived in Damascus.", "Abu Qasra arrived in Damascus."),
    ("ou/u", "en", "جولانی گفت.", "Then al-Joulani said.", "Then al-Jolani said."),
    # the article: al-/el-/ul-/аль-/аш-
    ("article", "en", "الشرع سخن گفت.", "Then el-Sharaa spoke.", "Then al-Sharaa spoke."),
    ("article", "en", "الشرع سخن گفت.", "Then ul-Sharaa spoke.", "Then al-Sharaa spoke."),
    ("article", "ru", "الشرع سخن گفت.", "Затем выступил аль-Шараа.", "Затем выступил аш-Шараа."),
    ("article", "ru", "جولانی گفت.", "Затем заявил аш-Джулани.", "Затем заявил аль-Джулани."),
    (
        "article",
        "ru",
        "اسعد الشیبانی به مسکو رفت.",
        "Асаад аль-Шейбани прибыл в Москву.",
        "Асаад аш-Шейбани прибыл в Москву.",
    ),
]


@pytest.mark.parametrize("kind,lang,src,mt,want", VARIANTS, ids=[f"{v[0]}-{i}" for i, v in enumerate(VARIANTS)])
def test_transliteration_variant_is_repaired(variants, kind, lang, src, mt, want):
    r = repair_segment(src, mt, lang, variants)
    assert r.text == want
    assert r.changes and all(c.rule == "near-miss" for c in r.changes)


GUARDS = [
    # the source does not name the concept: a similar name stays
    ("en", "اسد در دمشق بود.", "Assad was in Damascus."),
    ("en", "حماه آرام است.", "Hama is calm."),
    ("ru", "حماه آرام است.", "В Хаме спокойно."),
    # the source names the concept, and the target already has the house form
    ("ru", "ابو قصره وارد دمشق شد.", "Абу Касра прибыл в Дамаск."),
    # a different name next to the expected one is left alone
    ("en", "حمزه سخنرانی کرد.", "Hamza and Hamid spoke."),
    ("en", "الشرع سخن گفت.", "Al-Sharaa spoke of sharia law."),
]


@pytest.mark.parametrize("lang,src,mt", GUARDS)
def test_look_alikes_stay(variants, lang, src, mt):
    assert repair_segment(src, mt, lang, variants).text == mt
