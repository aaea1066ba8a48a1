"""Sentence segmentation for fa, en, ru and ar.

Base: spaCy's blank pipeline for the language with the rule-based ``sentencizer`` (spaCy 3,
https://spacy.io/api/sentencizer), which ends a sentence after ``. ! ? ؟`` and keeps following
closing punctuation (``» ” " ) ]``) with it. On top, xling applies its per-language data
(:mod:`xling.lang`) to undo spaCy boundaries that are wrong in news text:

- after an abbreviation of the language (``Dr.``, ``Oct.``, ``т. е.``, ``проф.``, ``ه.ش.``,
  ``د.``) or a one-letter initial (``И. И. Иванов``, ``ع. رضایی``, ``J. Smith``);
- after a number abbreviation before a number (``p. 5``, ``с. 12``);
- inside a decimal number (``3.5``, ``۳.۵``, ``۳٫۵``).

It also adds the boundary spaCy's tokenizer hides after a *weak* abbreviation that may end a
sentence (``г.``, ``U.S.``, ``etc.``) when a capital letter follows (``в 1990 г. Тогда``), unless
the would-be sentence is only a date phrase opened by a preposition (``В 2025 г. Путин …``: "in
2025" has no verb; it is the fronted adverbial of the sentence that follows).

Continuations are never sentence starts: no boundary is kept before a lower-case letter after a
full stop or an ellipsis (``Prof. Brown et al. agreed.``), nor after a ``? ! ؟`` or full stop
inside closing quotes or guillemets when a lower-case letter or a continuation word of the
language (``continuation_words``: fa ``و``, ``که``, ``را``; ar ``و``, ``أو``) follows
(``او گفت «چرا؟» و رفت.``, ``He asked "Why?" and left.``). When the quoted sentence does end,
the closing quote stays with it (``«سننتصر.» ثم غادر.``).
A colon and the Arabic-script semicolon ``؛`` never end a sentence (they are not in
:data:`PUNCT_CHARS`). Known limit: a sentence ending in a one-letter word (``... than I.``)
is joined to the next, as an initial would be.

Paragraphs are separated by one or more blank lines (a line holding only whitespace counts as
blank). By default a line break always ends a segment, as scraped news puts one paragraph, a
headline or a dateline on each line (``Title without period`` stays a segment of its own): no
segment crosses a newline. With ``join_lines=True`` (``xling segment --join-lines``), for
hard-wrapped text, a single newline inside a paragraph is a line wrap instead: whitespace
inside a sentence, not a boundary. Each :class:`Sentence` keeps exact character offsets into
the input; its ``text`` is ``text[start:end]`` with no leading or trailing whitespace (so with
``join_lines=True`` a sentence may hold a newline; :meth:`Sentence.one_line` joins such lines
with a space for one-sentence-a-line output).

Very long paragraphs are read in windows of at most :data:`MAX_PIECE_CHARS` characters, each
window resuming at the last (possibly cut) sentence of the one before, so a 50 MB single-line
file is processed in linear time and bounded memory.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from xling.lang import LanguageData
from xling.lang import get as get_language
from xling.text.keys import BIDI_CONTROLS

#: Languages the segmenter has data and a spaCy blank pipeline for.
LANGUAGES = ("fa", "en", "ru", "ar")
MAX_PIECE_CHARS = 100_000
LOOK = 64  # characters looked at on each side of a candidate boundary
# spaCy's sentencizer splits on these; ؛ (U+061B) and : are deliberately absent.
PUNCT_CHARS = [".", "!", "?", "؟", "…", "‼", "⁇", "⁈", "⁉", "۔"]

_BIDI_AS_SPACE = str.maketrans(dict.fromkeys(BIDI_CONTROLS, " "))
_PARAGRAPH_BREAK_RE = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_DIGITS = "0-9\u06f0-\u06f9\u0660-\u0669"
_DIGIT_RE = re.compile(f"[{_DIGITS}]")


@dataclass(frozen=True)
class Sentence:
    """One sentence of a text.

    Attributes:
        text: the sentence, exactly ``source[start:end]`` (str, stripped of outer whitespace).
        paragraph: 0-based paragraph number (int).
        start: character offset of the first character in the input (int).
        end: character offset just past the last character (int).
    """

    text: str
    paragraph: int
    start: int
    end: int

    def one_line(self) -> str:
        """The sentence with every whitespace run that holds a newline turned into one space."""
        return re.sub(r"\s*\n\s*", " ", self.text)


def iter_paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` character spans of the non-blank paragraphs of ``text``."""
    pos = 0
    for m in _PARAGRAPH_BREAK_RE.finditer(text):
        if text[pos : m.start()].strip():
            yield pos, m.start()
        pos = m.end()
    if text[pos:].strip():
        yield pos, len(text)


#: Array libraries thinc (spaCy's machine-learning layer) imports when they are installed, although a
#: blank pipeline with the rule-based sentencizer never uses them: torch alone costs about 0.7 s
#: and 200 MB.
UNUSED_BACKENDS = ("torch", "tensorflow", "mxnet", "cupy")


def _import_spacy():
    """Import spaCy with :data:`UNUSED_BACKENDS` hidden, so thinc records them as absent.

    A ``None`` entry in :data:`sys.modules` makes ``import torch`` raise ImportError, which thinc
    catches (``thinc.compat``: ``has_torch = False``). The entries are removed afterwards, so a
    later ``import torch`` elsewhere in the process works as usual; a backend already imported is
    left alone.
    """
    import sys

    hidden = [name for name in UNUSED_BACKENDS if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]
    try:
        import spacy
    finally:
        for name in hidden:
            if sys.modules.get(name, 0) is None:
                del sys.modules[name]
    return spacy


@functools.cache
def _pipeline(lang: str):
    try:
        spacy = _import_spacy()
    except ImportError:
        from xling.errors import XlingError

        raise XlingError("sentence segmentation needs spaCy: pip install 'spacy>=3.8,<3.9'") from None

    nlp = spacy.blank(lang)
    nlp.add_pipe("sentencizer", config={"punct_chars": PUNCT_CHARS})
    nlp.max_length = MAX_PIECE_CHARS * 2
    return nlp


def segment_text(text: str, lang: str, *, join_lines: bool = False) -> list[Sentence]:
    """Split ``text`` into sentences (see the module docstring).

    Args:
        text: the input (str); paragraphs separated by blank lines.
        lang: ``fa``, ``en``, ``ru`` or ``ar``.
        join_lines: False (default): every line break ends a segment (one paragraph, headline or
            dateline a line). True: a single newline inside a paragraph is a line wrap and
            sentences run across it (hard-wrapped text); blank lines still separate paragraphs.

    Returns:
        Sentences in input order; empty when ``text`` holds only whitespace.

    Raises:
        InputError: ``lang`` is not supported.
    """
    data = get_language(lang, LANGUAGES)
    sentences: list[Sentence] = []
    for para, (p_start, p_end) in enumerate(iter_paragraphs(text)):
        blocks = [(p_start, p_end)] if join_lines else _lines(text, p_start, p_end)
        for l_start, l_end in blocks:
            for b_start, b_end in _boundaries(text, l_start, l_end, lang, data):
                chunk = text[b_start:b_end]
                stripped = chunk.strip()
                if not stripped:
                    continue
                s = b_start + (len(chunk) - len(chunk.lstrip()))
                sentences.append(Sentence(stripped, para, s, s + len(stripped)))
    return sentences


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``(start, end)`` spans of the non-blank lines of ``text[start:end]`` (cut at ``\n``)."""
    spans = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        if not text[pos:stop].isspace() and stop > pos:
            spans.append((pos, stop))
        pos = stop + 1
    return spans


def _boundaries(text: str, start: int, end: int, lang: str, data: LanguageData) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` sentence spans of ``text[start:end]``.

    Long paragraphs are read in windows of at most :data:`MAX_PIECE_CHARS` characters: all
    sentences of a window but the last (which may be cut off) are kept and the next window starts
    at that last sentence, so each character is read about once (linear time).
    """
    nlp = _pipeline(lang)
    limit = MAX_PIECE_CHARS
    pos = start
    while pos < end:
        window_end = min(pos + limit, end)
        piece = text[pos:window_end]
        # bidi marks read as spaces (same length: offsets hold), else ``خواند.\u200f سلام`` is one token
        view = piece.translate(_BIDI_AS_SPACE)
        cuts = _marks_before_cuts(piece, _cuts(nlp(view), view, data))
        if window_end < end:
            if cuts:
                keep, resume = cuts[:-1], cuts[-1]
            else:  # one sentence longer than the window: cut at the last whitespace
                space = max(piece.rfind(" "), piece.rfind("\n"))
                keep, resume = [], space + 1 if space > 0 else len(piece)
        else:
            keep, resume = cuts, len(piece)
        bounds = [0, *keep, resume]
        for a, b in zip(bounds, bounds[1:]):
            yield pos + a, pos + b
        pos += resume


def _marks_before_cuts(piece: str, cuts: list[int]) -> list[int]:
    """Each cut moved to the next sentence's first character, and back over the bidi marks glued
    to it, so a mark that opens a sentence (``. \u200fسلام``) goes with it and one after the full
    stop (``.\u200f سلام``) stays with the sentence before."""
    moved = []
    for c in cuts:
        while c < len(piece) and (piece[c].isspace() or piece[c] in BIDI_CONTROLS):
            c += 1
        while c > 0 and piece[c - 1] in BIDI_CONTROLS:
            c -= 1
        if 0 < c < len(piece):
            moved.append(c)
    return sorted(set(moved))


def _cuts(doc, piece: str, data: LanguageData) -> list[int]:
    """Sentence starts (offsets into ``piece``, excluding 0) after xling's corrections."""
    cuts = [sent.start_char for sent in doc.sents][1:]
    kept = {c for c in cuts if not _glued(piece, c, data)}
    kept.update(_missed_cuts(doc, data))
    kept.update(_ellipsis_cuts(piece, kept))
    return _with_list_items(piece, sorted(kept))


def _starts_sentence(word: str, data: LanguageData) -> bool:
    """True when a capitalised ``word`` after a weak abbreviation opens a new sentence."""
    if not word[:1].isupper():
        return False
    word = word.strip("\"'«“‘(")
    return not data.sentence_starters or word in data.sentence_starters


def _weak_may_end(token_text: str, before: str, data: LanguageData) -> bool:
    """False for a number-bound weak abbreviation not right after a number (``г. Волгоград``)."""
    bound = data.number_bound_abbreviations
    if token_text not in bound and token_text.lower() not in bound:
        return True
    words = before.split()
    return bool(words) and bool(_DIGIT_RE.search(words[-1]))


def _missed_cuts(doc, data: LanguageData) -> Iterator[int]:
    """Boundaries spaCy's tokenizer hides: a weak abbreviation it keeps whole (``г.``, ``U.S.``)
    that ends a sentence, seen from the word after it (``в 1990 г. Тогда``, ``the U.S. How``,
    not ``the U.S. Government``: see :func:`_starts_sentence`)."""
    weak = data.weak_abbreviations
    for i, token in enumerate(doc[:-1]):
        text = token.text
        initial = len(text) == 2 and text[0] in data.initial_letters and bool(data.sentence_starters)
        if (
            len(text) > 1
            and text.endswith(".")
            and (initial or text in weak or text.lower() in weak)
            and token.whitespace_
        ):
            nxt = doc[i + 1]
            if _starts_sentence(nxt.text, data) and not nxt.is_sent_start:
                start = token.sent.start_char
                if not _weak_may_end(text, doc.text[start : token.idx], data):
                    continue
                if not _date_phrase(doc.text[start : token.idx + len(text)], data):
                    yield nxt.idx


_FOUR_DOTS_RE = re.compile(r"(?<=\w)\.{4}\s+(?=[^\W\d_])")
_ATTACHED_SPACED_ELLIPSIS_RE = re.compile(r"\w\.( \.){3}\s*$")


def _ellipsis_cuts(piece: str, cuts: set[int]) -> Iterator[int]:
    """Boundaries after ellipsis marks (MLA style, as in the Pragmatic Segmenter's golden rules).

    ``that.... She``: an ellipsis and a full stop end a sentence before a capital letter (spaCy
    reads ``....`` as one token and never splits there). ``compounds. . . . The``: the full stop
    is the word's, the spaced ellipsis opens the next sentence, so the boundary moves before it.
    """
    for four in _FOUR_DOTS_RE.finditer(piece):
        if piece[four.end()].isupper():
            yield four.end()
    for c in list(cuts):
        attached = _ATTACHED_SPACED_ELLIPSIS_RE.search(piece, max(0, c - LOOK), c)
        if attached and piece[c : c + 1].isupper():
            cuts.discard(c)
            yield attached.start() + 3


#: A list item marker: a bullet (with an optional number), or a number or lower-case letter with
#: ``.``, ``.)`` or ``)``; it must stand at the start or after white space and before white space.
_MARKER_RE = re.compile(r"(?:(?<=\s)|^)(?:[•⁃▪◦]\s*(?:[0-9]{1,3}\.\)?)?|([0-9]{1,3}|[a-z])(?:\.\)|\.|\)))(?=\s)")
#: Two numbered markers with neighbouring values are items of one list when at most this many
#: characters apart.
MAX_ITEM_CHARS = 300


def _list_markers(piece: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the list item markers of ``piece``: every bullet, and numbers or letters
    only when a neighbouring value also marks an item (``1.`` … ``2.``, ``a.`` … ``b.``), so a
    lone ``in 1990.`` or ``chapter 2.`` is no list."""
    found = list(_MARKER_RE.finditer(piece))
    positions: dict[int, list[int]] = {}
    for m in found:
        if m.group(1):
            positions.setdefault(_ordinal(m.group(1)), []).append(m.start())
    return [
        (m.start(), m.end())
        for m in found
        if m.group(1) is None or _has_neighbour(positions, m.start(), _ordinal(m.group(1)))
    ]


def _ordinal(value: str) -> int:
    return int(value) if value.isdigit() else ord(value)


def _has_neighbour(positions: dict[int, list[int]], at: int, value: int) -> bool:
    """True when a marker of value ``value - 1`` precedes ``at``, or one of ``value + 1`` follows it,
    within :data:`MAX_ITEM_CHARS` characters (``positions``: value → ascending offsets)."""
    import bisect

    before = positions.get(value - 1, [])
    k = bisect.bisect_left(before, at)
    if k and at - before[k - 1] <= MAX_ITEM_CHARS:
        return True
    after = positions.get(value + 1, [])
    k = bisect.bisect_right(after, at)
    return k < len(after) and after[k] - at <= MAX_ITEM_CHARS


def _with_list_items(piece: str, cuts: list[int]) -> list[int]:
    """Cuts with each list item kept whole: a cut before every marker, none inside an item's
    marker (``1.) The first item 2.) The second item``; ``• 9. The first item``)."""
    markers = _list_markers(piece)
    if len(markers) < 2:
        return cuts
    inside = {c for c in cuts for start, end in markers if start < c and not piece[end:c].strip()}
    kept = set(cuts) - inside
    kept.update(start for start, _ in markers if start > 0 and piece[:start].strip())
    return sorted(kept)


MAX_DATE_PHRASE_WORDS = 5


def _date_phrase(candidate: str, data: LanguageData) -> bool:
    """True when ``candidate`` (a would-be sentence ending in a weak abbreviation) is only a
    date phrase opened by a preposition: ``В 2025 г.``, ``С 1 января 2025 г.``, ``По данным 2024 г.``.

    Such a phrase has no verb, so it is not a sentence but the adverbial that opens the next
    words (Russian fronts time adverbials: ``В 2025 г. Путин приехал.``). The test: at most
    :data:`MAX_DATE_PHRASE_WORDS` words, the first a preposition of ``data.date_prepositions``, a
    number among them, the others numbers, abbreviations or lower-case words (month names).
    """
    words = candidate.split()
    prepositions = data.date_prepositions
    if not 2 <= len(words) <= MAX_DATE_PHRASE_WORDS or words[0].lower() not in prepositions:
        return False
    if not any(_DIGIT_RE.search(w) for w in words[1:]):
        return False
    abbreviations = data.abbreviations
    return all(_DIGIT_RE.search(w) or w in abbreviations or w.islower() for w in words[1:])


# Closing quotes and brackets the sentencizer keeps with the sentence before them.
CLOSING_PUNCT = "\"'»”’)]"
_QUOTED_END = frozenset(".!?\u061f…‼⁇⁈⁉")


def _continues(before: str, after: str, data: LanguageData) -> bool:
    """True when ``after`` continues the sentence of ``before`` across a sentence-final mark.

    ``before`` ends with a full stop or ellipsis and ``after`` starts with a lower-case letter;
    or ``before`` ends with ``. ! ? ؟ …`` inside closing quotes and ``after`` starts with a
    lower-case letter or with a word of ``data.continuation_words``.
    """
    core = before.rstrip(CLOSING_PUNCT)
    if not core or core[-1] not in _QUOTED_END:
        return False
    quoted = len(core) < len(before)
    # "Yahoo! in the accounting department": only where the language has letter case
    marks = ".…!" if data.script != "arabic" else ".…"
    if after[0].islower() and (quoted or core[-1] in marks):
        return True
    return quoted and after.split(maxsplit=1)[0] in data.continuation_words


def _glued(piece: str, cut: int, data: LanguageData) -> bool:
    """True when the spaCy boundary at ``cut`` must be undone (abbreviation, initial, decimal)."""
    # Bounded look-around (LOOK characters) keeps the whole pass linear in the piece length.
    before = piece[max(0, cut - LOOK) : cut].rstrip()
    after = piece[cut : cut + LOOK].lstrip()
    if not before or not after:
        return False
    if _continues(before, after, data) or _inside_quoted_dialogue(piece, cut, before, after):
        return True
    if before[-1] != ".":
        return False
    if before.endswith(" . . .") and before[-7:-6] != ".":
        return True  # MLA omission marks inside a sentence: the thing is . . . I didn't mean it
    # Decimal number split by the tokenizer: 3.5, ۳.۵
    if re.search(f"[{_DIGITS}]\\.$", before) and _DIGIT_RE.match(piece, cut):
        return True
    last = before.split()[-1] if before.split() else ""
    last = last.lstrip("(«\"“'[")
    nxt = after[0]
    if last in data.number_abbreviations and re.match(f"[{_DIGITS}]", after):
        return True
    next_word = after.split(maxsplit=1)[0]
    if last in data.abbreviations or last.lower() in data.abbreviations:
        if last in data.weak_abbreviations or last.lower() in data.weak_abbreviations:
            if not _weak_may_end(last, before[: -len(last)], data):
                return True
            return nxt.islower() or nxt.isdigit() or not _starts_sentence(next_word, data)
        return True
    # One-letter initial: "И." "J." "ع."
    if len(last) == 2 and last[0] in data.initial_letters:
        # an initial, unless a sentence starter follows: "you and I. Did you see Albert I. Jones?"
        return not (data.sentence_starters and next_word in data.sentence_starters)
    return False


_DASHES = "–—"


def _inside_quoted_dialogue(piece: str, cut: int, before: str, after: str) -> bool:
    """True for a cut inside an open pair of guillemets next to a dash: the author's words inside
    one quotation (``«К чему ты готовишься? – спросила мама. – Завтра ведь выходной».``)."""
    if not (after[:1] in _DASHES or before[-1:] in _DASHES):
        return False
    line_start = piece.rfind("\n", 0, cut) + 1
    head = piece[line_start:cut]
    return head.count("«") > head.count("»")
