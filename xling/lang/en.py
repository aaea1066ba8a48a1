"""English (en) data: segmentation abbreviations, number words, possessive endings.

Number words are cardinals and ordinals ("eightieth", "twenty-first" = 80, 21, as "80th", "21st").
"""

from xling.lang.base import LanguageData, frozen

_UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}


_ORDINALS = {"first": 1, "second": 2, "third": 3, "fifth": 5, "eighth": 8, "ninth": 9, "twelfth": 12}


def _ordinal(word: str) -> str:
    return word[:-1] + "ieth" if word.endswith("y") else word + "th"


def _number_words() -> dict[str, int]:
    """English cardinal and ordinal number words (``eighty``, ``eightieth``) → value (int), lower case."""
    words = {w: i for i, w in enumerate(_UNITS)}
    words.update(_TENS)
    # ordinals: Persian writes هشتادمین and قرن بیست و یکم where English writes 80th / eightieth
    words.update({_ordinal(w): v for w, v in words.items() if v})
    words.update(_ORDINALS)
    return words


def _multipliers() -> dict[str, int]:
    """``hundred``/``thousand``/``million``/``billion`` (and ``mln``, ``bn``, ordinals) → multiplier (int)."""
    mults = {"hundred": 100, "thousand": 1000, "million": 10**6, "mln": 10**6, "billion": 10**9, "bn": 10**9}
    mults.update({w + "th": v for w, v in mults.items() if len(w) > 3})
    return mults


_ABBREVIATIONS = frozenset(
    """
    Dr. Mr. Mrs. Ms. Mx. Prof. Sr. Jr. St. Gen. Col. Lt. Maj. Capt. Cmdr. Adm. Sgt. Gov. Sen. Rep.
    Pres. Amb. Rev. Hon. Messrs. Mt. Ft. Ave. Blvd. Rd. Co. Corp. Inc. Ltd. Bros. Dept. Univ. Assn.
    Jan. Feb. Mar. Apr. Jun. Jul. Aug. Sep. Sept. Oct. Nov. Dec.
    Mon. Tue. Tues. Wed. Thu. Thur. Thurs. Fri. Sat. Sun.
    p. pp. para. ch. chap. vol. no. nos. No. Nos. fig. Fig. eq. ed. eds. art. Art. sec. cf. approx. ca. vs. etc.
    e.g. i.e. a.m. p.m. U.S. U.K. U.N. E.U. U.S.A. D.C.
    """.split()
)

DATA = LanguageData(
    code="en",
    caption_labels=(
        "photo",
        "picture",
        "image",
        "caption",
        "editor's note",
        "editor’s note",
        "note",
        "source",
        "credit",
        "video",
        "read more",
        "related",
    ),
    name="English",
    script="latin",
    abbreviations=_ABBREVIATIONS,
    # "etc." often ends a sentence; it is kept only when a lower-case word follows (see segment.py).
    weak_abbreviations=frozenset(
        {
            "etc.",
            "a.m.",
            "p.m.",
            "U.S.",
            "U.K.",
            "U.N.",
            "E.U.",
            "U.S.A.",
            "D.C.",
            "Co.",
            "co.",
            "Inc.",
            "Ltd.",
            "Corp.",
        }
    ),
    number_abbreviations=frozenset(
        {
            "p.",
            "pp.",
            "no.",
            "No.",
            "Nos.",
            "nos.",
            "vol.",
            "fig.",
            "Fig.",
            "ch.",
            "art.",
            "Art.",
            "sec.",
            "N°.",
            "N°",
            "№",
        }
    ),
    # Words that open a sentence after a weak abbreviation (``Co. It closed``) or a lone ``I.``:
    # pronouns, determiners, wh-words, conjunctions, auxiliaries, frequent adverbs and prepositions.
    sentence_starters=frozenset(
        """
        A An The This That These Those It Its He She We They I You His Her Our Their My Your There Here
        What When Where Why How Who Whom Which Whose If But And Or So Yet Then However Still Also Meanwhile
        In On At For From By With As After Before Since Although Though While Because Once Now Today
        Did Do Does Is Are Was Were Has Have Had Can Could Will Would Should May Might Must Please Let
        No Not Yes All Some Many Most Each Every One Two Three
        """.split()
    ),
    initial_letters="ABCDEFGHIJKLMNOPQRSTUVWXYZ",
    number_words=frozen(_number_words()),
    multipliers=frozen(_multipliers()),
    number_connectors=frozenset({"and"}),
    possessive_endings=("'s", "’s", "'", "’"),
)
