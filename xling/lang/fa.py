"""Persian (fa) data: segmentation, number words, function words, term clitics, ZWNJ affixes.

Segmentation: dates are written with the calendar after the year: ``۱۴۰۳ ه.ش.`` (solar hijri),
``ه.ق.`` (lunar hijri), ``ق.م.`` (BC), ``م.`` (AD). A single Persian letter with a full stop is an
initial (``ع. رضایی``). Number words are looked up after Arabic letters are unified, so ي/ی and
ك/ک agree. ZWNJ affixes follow the Persian Academy's orthography (دستور خط فارسی, 2003).
"""

from xling.lang.base import LanguageData, ZwnjAffixes, frozen


def _number_words() -> dict[str, int]:
    """Persian cardinal and ordinal number words (``هشتاد``, ``هشتادم``, ``هشتادمین``) → value."""
    units = "صفر یک دو سه چهار پنج شش هفت هشت نه ده یازده دوازده سیزده چهارده پانزده شانزده هفده هجده نوزده".split()
    words = {w: i for i, w in enumerate(units)}
    words.update({"شیش": 6, "هیجده": 18, "پونزده": 15})
    words.update({"بیست": 20, "سی": 30, "چهل": 40, "پنجاه": 50, "شصت": 60, "هفتاد": 70, "هشتاد": 80, "نود": 90})
    words.update(
        {
            "یکصد": 100,
            "دویست": 200,
            "سیصد": 300,
            "چهارصد": 400,
            "پانصد": 500,
            "پونصد": 500,
            "ششصد": 600,
            "هفتصد": 700,
            "هشتصد": 800,
            "نهصد": 900,
        }
    )
    return _with_ordinals(words)


def _with_ordinals(words: dict[str, int]) -> dict[str, int]:
    """Add the ordinals -م and -مین (هشتادم, هشتادمین, بیست و یکم; سوم for سه; سی‌ام for سی)."""
    out = dict(words)
    for w, v in words.items():
        if not v:
            continue
        stem = {"سه": "سو", "سی": "سیا"}.get(w, w)
        out.setdefault(stem + "م", v)
        out.setdefault(stem + "مین", v)
    out.update({"نخست": 1, "نخستین": 1})
    return out


def _multipliers() -> dict[str, int]:
    """``صد``/``هزار``/``میلیون``/``میلیارد`` and their ordinals → multiplier (int)."""
    return _with_ordinals({"صد": 100, "هزار": 1000, "میلیون": 10**6, "میلیارد": 10**9})


_JOINED_TERM_SUFFIXES = frozenset({"ها", "های", "هایی", "را"})

DATA = LanguageData(
    code="fa",
    caption_labels=("عکس", "تصویر", "یادداشت سردبیر", "منبع"),
    name="Persian",
    script="arabic",
    abbreviations=frozenset(
        {"ه.ش.", "ه.ق.", "ق.م.", "ه‍.ش.", "ه‍.ق.", "ص.", "ج.", "ر.ک.", "ر.ک", "م.", "ش.", "ق.", "ه."}
    ),
    weak_abbreviations=frozenset({"ه.ش.", "ه.ق.", "ق.م.", "م."}),
    number_abbreviations=frozenset({"ص.", "ج."}),
    initial_letters="ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیآ",
    # Words that cannot open a sentence: after a quoted sentence (``«چرا؟» و رفت``) they continue it.
    continuation_words=frozenset({"و", "که", "را", "یا"}),
    number_words=frozen(_number_words()),
    multipliers=frozen(_multipliers()),
    number_connectors=frozenset({"و"}),
    # Alone, سی (30) is more often a syllable of a spelled-out name: بی‌بی‌سی (BBC), سی‌ان‌ان (CNN), سی دی.
    ambiguous_number_words=frozenset({"سی"}),
    # Persian words that are not Arabic words (compared after ي→ی, ك→ک and without ZWNJ). Left out on
    # purpose: words Arabic also writes (هم "they", با, بر, آن, ها, کرد, این ~ informal اين "where").
    distinctive_function_words=frozenset(
        "است را که از در برای می شد شده بود خود های یک تا وی نیز اند کند کرده دارد باشد گفت".split()
    ),
    term_prefixes=frozenset({"و"}),
    term_suffixes=_JOINED_TERM_SUFFIXES,
    term_suffixes_after_zwnj=_JOINED_TERM_SUFFIXES | {"ی", "ای", "یی", "ام", "ات", "اش", "مان", "تان", "شان"},
    zwnj=ZwnjAffixes(
        verb_prefixes=("بر", "در", "باز", "فرا", "فرو", "ور", "وا"),
        plural_suffixes=("هایشان", "هایتان", "هایمان", "هایش", "هایت", "هایم", "هایی", "های", "هاست", "ها"),
        comparative_suffixes=("ترینها", "ترین", "تری", "تر"),
        # After a final ه (heh): indefinite/relative ی written ای, the copula and possessive clitics.
        after_heh_suffixes=("اند", "ایم", "اید", "ای", "ام", "اش"),
        # After a final ی: the copula and possessive clitics (زندگی‌اش, ایرانی‌اند).
        after_yeh_suffixes=("اند", "ایم", "اید", "ام", "اش"),
        # Suffixes that make adjectives from nouns (ثروتمند, خطرناک, قدیمی: relational ی).
        adjective_suffixes=("مند", "ناک", "وار", "انه", "گین", "ین", "ی"),
        # Prefixes that make adjectives from nouns (پرآتش, بیرحم, ناامن, کمرنگ, خوشبو).
        adjective_prefixes=("بی", "با", "نا", "پر", "کم", "خوش", "بد"),
        # Always written joined (plural ان/ات, adjectival and indefinite ی): بازیکنان, تحلیلگران.
        joined_suffixes=("یان", "گان", "ان", "ات", "یی", "ی"),
        indefinite_cues=frozenset({"یک", "هیچ", "چه", "چنین", "چنان", "فلان", "هر"}),
        plural_cues=frozenset(
            {"این", "آن", "همین", "همان", "همه", "تمام", "تمامی", "برخی", "بعضی", "سایر", "کلیه", "اغلب", "بیشتر"}
        ),
        ezafe_breakers=frozenset(
            {
                "به",
                "از",
                "با",
                "در",
                "برای",
                "بر",
                "تا",
                "که",
                "را",
                "و",
                "یا",
                "اما",
                "ولی",
                "چون",
                "اگر",
                "زیرا",
                "نیز",
                "جز",
                "مگر",
            }
        ),
    ),
)
