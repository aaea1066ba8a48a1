"""Russian (ru) data: segmentation abbreviations, number words, case endings, preposition cases.

Number words come with their case forms (ё is folded to е before lookup). The forms follow the
standard cardinal declension (nominative, genitive, dative, instrumental, prepositional); for
example четыре, четырех, четырем, четырьмя; тысяча, тысячи, тысяч, тысячами.
"""

from xling.lang.base import LanguageData, frozen


def _forms(value: int, *forms: str) -> dict[str, int]:
    return {f: value for f in forms}


def _number_words() -> dict[str, int]:
    """Russian cardinal number words in all cases and genders (``один``, ``одного``, ``сорока``) → value (int)."""
    w: dict[str, int] = {}
    w |= _forms(0, "ноль", "нуль", "ноля", "нуля")
    w |= _forms(1, "один", "одна", "одно", "одного", "одной", "одному", "одним", "одном", "одну", "одною")
    w |= _forms(2, "два", "две", "двух", "двум", "двумя")
    w |= _forms(3, "три", "трех", "трем", "тремя")
    w |= _forms(4, "четыре", "четырех", "четырем", "четырьмя")
    # 5-20 and 30 decline like nouns in -ь: пять, пяти, пятью.
    for value, stem in [
        (5, "пят"),
        (6, "шест"),
        (7, "сем"),
        (9, "девят"),
        (10, "десят"),
        (20, "двадцат"),
        (30, "тридцат"),
    ]:
        w |= _forms(value, stem + "ь", stem + "и", stem + "ью")
    w |= _forms(8, "восемь", "восьми", "восемью", "восьмью")
    for value, stem in [
        (11, "одиннадцат"),
        (12, "двенадцат"),
        (13, "тринадцат"),
        (14, "четырнадцат"),
        (15, "пятнадцат"),
        (16, "шестнадцат"),
        (17, "семнадцат"),
        (18, "восемнадцат"),
        (19, "девятнадцат"),
    ]:
        w |= _forms(value, stem + "ь", stem + "и", stem + "ью")
    w |= _forms(40, "сорок", "сорока")
    for value, nom, obl, ins in [
        (50, "пятьдесят", "пятидесяти", "пятьюдесятью"),
        (60, "шестьдесят", "шестидесяти", "шестьюдесятью"),
        (70, "семьдесят", "семидесяти", "семьюдесятью"),
        (80, "восемьдесят", "восьмидесяти", "восемьюдесятью"),
    ]:
        w |= _forms(value, nom, obl, ins)
    w |= _forms(90, "девяносто", "девяноста")
    w |= _forms(100, "сто", "ста")
    w |= _forms(200, "двести", "двухсот", "двумстам", "двумястами", "двухстах")
    w |= _forms(300, "триста", "трехсот", "тремстам", "тремястами", "трехстах")
    w |= _forms(400, "четыреста", "четырехсот", "четыремстам", "четырьмястами", "четырехстах")
    for value, nom, gen, dat, ins, pre in [
        (500, "пятьсот", "пятисот", "пятистам", "пятьюстами", "пятистах"),
        (600, "шестьсот", "шестисот", "шестистам", "шестьюстами", "шестистах"),
        (700, "семьсот", "семисот", "семистам", "семьюстами", "семистах"),
        (800, "восемьсот", "восьмисот", "восьмистам", "восьмьюстами", "восьмистах"),
        (900, "девятьсот", "девятисот", "девятистам", "девятьюстами", "девятистах"),
    ]:
        w |= _forms(value, nom, gen, dat, ins, pre)
    return w


def _multipliers() -> dict[str, int]:
    """``тысяча``/``миллион``/``миллиард`` in all cases, and ``тыс``, ``млн``, ``млрд`` → multiplier (int)."""
    m: dict[str, int] = {}
    m |= _forms(
        1000,
        "тысяча",
        "тысячи",
        "тысяч",
        "тысяче",
        "тысячу",
        "тысячей",
        "тысячью",
        "тысячам",
        "тысячами",
        "тысячах",
        "тыс",
    )
    for value, stem in [(10**6, "миллион"), (10**9, "миллиард")]:
        m |= _forms(
            value,
            stem,
            stem + "а",
            stem + "у",
            stem + "ом",
            stem + "е",
            stem + "ы",
            stem + "ов",
            stem + "ам",
            stem + "ами",
            stem + "ах",
        )
    m |= _forms(10**6, "млн")
    m |= _forms(10**9, "млрд")
    return m


_ABBREVIATIONS = frozenset(
    """
    т. е. д. п. н. к. г. гг. в. вв. см. ср. др. пр. им. ул. пер. просп. пл. обл. р-н. р. руб. коп. тыс. млн. млрд.
    кв. проф. акад. доц. канд. докт. чл.-корр. ген. полк. подполк. ген.-л. ген.-м. мл. ст. св. тов. гр. г-н. г-жа.
    янв. февр. мар. апр. авг. сент. окт. нояб. дек. стр. с. рис. табл. гл. ч. ок. прим. ред. изд. напр. мин. сек.
    """.split()
)

#: Noun and adjective case endings (the suffix model of glossary enforcement), longest first.
_CASE_ENDINGS = tuple(
    sorted(
        set(
            "а я у ю ом ем ём ой ей ою ею ы и е ым им ого его ому ему ах ях ам ям ами ями ов ев ую юю ая яя "
            "ое ее ые ие ых их ыми ими ь".split()
        ),
        key=lambda e: (-len(e), e),
    )
)

#: Prepositions that govern one case (pymorphy3 grammeme), used to inflect a house form put in
#: place of a placeholder (``с ⟦T1⟧`` → ``с Андреем Белоусовым``). Prepositions with two cases
#: (в, на, за, под: accusative or locative/instrumental) are left out.
_PREPOSITION_CASE = {
    **dict.fromkeys(
        "у от до из без для около после против среди кроме возле вокруг из-за из-под ради вместо".split(), "gent"
    ),
    **dict.fromkeys(["к", "ко", "благодаря", "согласно", "вопреки"], "datv"),
    **dict.fromkeys(["с", "со", "над", "перед", "передо", "между"], "ablt"),
    **dict.fromkeys(["о", "об", "обо", "при"], "loct"),
}

DATA = LanguageData(
    code="ru",
    caption_labels=("фото", "примечание редакции", "источник"),
    name="Russian",
    script="cyrillic",
    group_separator=" ",
    abbreviations=_ABBREVIATIONS,
    # Abbreviations that may also end a sentence: kept only when a lower-case word or a digit follows.
    weak_abbreviations=frozenset(
        {"г.", "гг.", "в.", "вв.", "др.", "пр.", "руб.", "коп.", "тыс.", "млн.", "млрд.", "с.", "ч.", "мин.", "сек."}
    ),
    number_abbreviations=frozenset({"с.", "стр.", "рис.", "табл.", "гл.", "ч.", "п.", "№", "кв."}),
    # г. after a number is "year" (may end a sentence); before a name it is "city" (г. Волгоград).
    number_bound_abbreviations=frozenset({"г."}),
    initial_letters="АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЭЮЯ",
    # Prepositions that open a date phrase (``В 2025 г.``, ``С 1 января 2025 г.``): such a phrase before a
    # weak abbreviation and a capital letter is not a sentence of its own (see segment._date_phrase).
    date_prepositions=frozenset(
        {"в", "во", "с", "со", "к", "ко", "до", "после", "на", "от", "по", "за", "около", "между", "через", "из", "у"}
    ),
    number_words=frozen(_number_words()),
    multipliers=frozen(_multipliers()),
    case_endings=_CASE_ENDINGS,
    preposition_case=frozen(_PREPOSITION_CASE),
)
