"""Arabic (ar) data: segmentation abbreviations, number words, proclitics and the article.

Segmentation: ``د.`` (Dr.), ``أ.`` (Prof., أستاذ), ``م.`` (engineer, or AD after a year), ``هـ.``
(hijri year), ``ص.`` (page); a single Arabic letter with a full stop is an initial.

Number words (hamza forms of alef, alef maqsura and harakat are folded before lookup).

Arabic puts units before tens (خمسة وعشرون = 5 + 20) and before عشر in 11-19
(ثلاثة عشر = 13); the parser allows that order for ar. Duals (ألفان, مليونان, مئتان) are values.
The conjunction و is written attached to the next word (وعشرون) and is split off.
"""

from xling.lang.base import LanguageData, frozen


def _number_words() -> dict[str, int]:
    """Arabic cardinal number words with their case and gender forms (``ثلاثة``, ``ثلاثين``) → value (int)."""
    w: dict[str, int] = {
        "صفر": 0,
        "واحد": 1,
        "واحدة": 1,
        "أحد": 1,
        "إحدى": 1,
        "اثنان": 2,
        "اثنين": 2,
        "اثنتان": 2,
        "اثنتين": 2,
        "اثنا": 2,
        "اثني": 2,
        "اثنتا": 2,
        "اثنتي": 2,
    }
    stems = [(3, "ثلاث"), (4, "أربع"), (5, "خمس"), (6, "ست"), (7, "سبع"), (8, "ثمان"), (9, "تسع"), (10, "عشر")]
    for value, stem in stems:
        w[stem] = value
        w[stem + "ة"] = value
    w["ثماني"] = 8
    w["ستة"] = 6
    for value, stem in [
        (20, "عشر"),
        (30, "ثلاث"),
        (40, "أربع"),
        (50, "خمس"),
        (60, "ست"),
        (70, "سبع"),
        (80, "ثمان"),
        (90, "تسع"),
    ]:
        w[stem + "ون"] = value
        w[stem + "ين"] = value
    for hundred in ("مئة", "مائة"):
        for value, stem in [(3, "ثلاث"), (4, "أربع"), (5, "خمس"), (6, "ست"), (7, "سبع"), (8, "ثمان"), (9, "تسع")]:
            w[stem + hundred] = value * 100
    w.update(
        {
            "مئتان": 200,
            "مئتين": 200,
            "مائتان": 200,
            "مائتين": 200,
            "ألفان": 2000,
            "ألفين": 2000,
            "مليونان": 2 * 10**6,
            "مليونين": 2 * 10**6,
            "ملياران": 2 * 10**9,
            "مليارين": 2 * 10**9,
        }
    )
    return w


def _multipliers() -> dict[str, int]:
    """``مئة``/``ألف``/``مليون``/``مليار`` with their plurals → multiplier (int)."""
    return {
        "مئة": 100,
        "مائة": 100,
        "ألف": 1000,
        "آلاف": 1000,
        "ألوف": 1000,
        "مليون": 10**6,
        "ملايين": 10**6,
        "مليار": 10**9,
        "مليارات": 10**9,
    }


DATA = LanguageData(
    code="ar",
    caption_labels=("صورة", "ملاحظة المحرر", "المصدر"),
    name="Arabic",
    script="arabic",
    abbreviations=frozenset({"د.", "أ.", "أ.د.", "م.", "هـ.", "ه.", "ص.", "ج.", "ق.م.", "ت.", "س.", "ش.م.م."}),
    weak_abbreviations=frozenset({"م.", "هـ.", "ه.", "ق.م."}),
    number_abbreviations=frozenset({"ص.", "ج."}),
    initial_letters="ابتثجحخدذرزسشصضطظعغفقكلمنهوي",
    # Words that continue a sentence after a quoted one (``«لماذا؟» و غادر``). Not ``و`` written joined
    # to the next word: a new Arabic sentence often starts with it (وقال, وأضاف).
    continuation_words=frozenset({"و", "أو"}),
    number_words=frozen(_number_words()),
    multipliers=frozen(_multipliers()),
    number_connectors=frozenset({"و"}),
    number_clitics=("و",),
    # The conjunctions و ف, then the prepositions ب ل ك, alone or combined, before a word.
    proclitics=("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك"),
    cognate_proclitics="وفبل",
    article="ال",
)
