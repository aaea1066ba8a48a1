"""MT-safe normalization: Persian letters, ZWNJ and (optionally) digits, nothing else.

Unlike general-purpose normalizers (hazm's ``Normalizer()`` rewrites ``2025-10-15`` as
``۲۰۲۵ - ۱۰ - ۱۵`` and strips tanwin), :func:`normalize` changes only:

- ``fa``: Arabic letter variants to Persian (:func:`xling.text.orthography.unify_letters`);
  with ``zwnj=True`` (the default) also the spacing of ZWNJs and affixes (stray ZWNJs removed,
  ``کتاب های`` → ``کتاب‌های``: :mod:`xling.text.spacing`) and lost ZWNJs restored
  (:mod:`xling.text.zwnj`);
- ``ar``: Persian letter variants to Arabic;
- any language: Persian/Arabic-Indic digits to ASCII when ``digits="ascii"``
  (:func:`xling.text.digits.to_ascii_digits`).

Latin-script spans, ASCII digits, punctuation, dates, URLs, e-mail addresses, tanwin and hamza
are never changed: letter unification and ZWNJ restoration only act on runs of Arabic-script
letters, and a whole URL or e-mail address (:func:`xling.text.protect.protected_spans`: up to
the next whitespace, trailing sentence punctuation excluded, Persian letters and digits in it
included: ``www.example.com/میشود``) is skipped by every step. Every step but spacing preserves or only
inserts characters, so ``normalize(t).replace("\\u200c", "")`` equals
``unify_letters(t, lang, keep_protected=True)`` (digit-converted too with ``digits="ascii"``),
with the ZWNJs ``t`` already had removed on both sides, once spaces are also removed on both
sides (the spacing step only removes spaces and ZWNJs, and adds ZWNJs).

Large inputs are processed in chunks cut at whitespace (:func:`iter_chunks`), so memory for
edits stays bounded and the work is linear in the input length.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from xling.errors import InputError
from xling.text.digits import to_ascii_digits
from xling.text.keys import ZWNJ
from xling.text.orthography import unify_letters
from xling.text.protect import split_protected

DIGIT_MODES = ("keep", "ascii")
CHUNK_CHARS = 1 << 16  # characters per chunk for long inputs


def iter_chunks(text: str, size: int = CHUNK_CHARS) -> Iterator[tuple[int, str]]:
    """Yield ``(offset, chunk)`` pieces of ``text``, each about ``size`` characters, cut after whitespace.

    A chunk ends just after the last whitespace character before ``offset + size`` (or at
    ``offset + size`` if the window has none), so no word is cut unless a single "word" is
    longer than ``size``. Concatenating the chunks gives ``text`` back. Linear time.
    """
    n = len(text)
    pos = 0
    while pos < n:
        end = min(pos + size, n)
        if end < n:
            cut = max(text.rfind(" ", pos, end), text.rfind("\n", pos, end), text.rfind("\t", pos, end))
            if cut > pos:
                end = cut + 1
        yield pos, text[pos:end]
        pos = end


def normalize(text: str, lang: str, *, digits: str = "keep", zwnj: bool = True) -> str:
    """Return ``text`` normalized for MT and matching (see the module docstring).

    Args:
        text: input text (str), any length.
        lang: language code of ``text`` (``fa``, ``ar``, ``en``, ``ru``, ...).
        digits: ``"keep"`` (default) or ``"ascii"``.
        zwnj: restore lost ZWNJs in Persian words (``lang == "fa"`` only).

    Raises:
        InputError: ``digits`` is not ``"keep"`` or ``"ascii"``.
    """
    return normalize_with_edits(text, lang, digits=digits, zwnj=zwnj, record=False)[0]


def normalize_with_edits(
    text: str, lang: str, *, digits: str = "keep", zwnj: bool = True, record: bool = True
) -> tuple[str, list[dict]]:
    """Like :func:`normalize`, and also return what changed.

    Returns:
        ``(normalized_text, edits)``; each edit is a JSON-ready dict
        ``{"op": "letters"|"zwnj"|"digits", "start": int, "end": int, "before": str, "after": str}``
        where ``start``/``end`` are character offsets into the input ``text`` of the changed
        word or number, ``before`` is the input slice and ``after`` its replacement. Edits are
        in input order and do not overlap; a word both letter-unified and ZWNJ-restored gets one
        ``"zwnj"`` edit whose ``before`` is the input slice. With ``record=False`` the list is empty.

    Raises:
        InputError: ``digits`` is not ``"keep"`` or ``"ascii"``.
    """
    if digits not in DIGIT_MODES:
        raise InputError(f"unknown digits mode {digits!r}; use 'keep' or 'ascii'")
    out: list[str] = []
    edits: list[dict] = []
    for offset, chunk in iter_chunks(text):
        _normalize_chunk(chunk, offset, lang, digits == "ascii", zwnj and lang == "fa", out, edits, record)
    return "".join(out), edits


def _normalize_chunk(
    chunk: str, offset: int, lang: str, ascii_digits: bool, zwnj: bool, out: list[str], edits: list[dict], record: bool
) -> None:
    # URLs and e-mail addresses are kept byte-identical (no letter, ZWNJ or digit change inside).
    for start, piece, protected in split_protected(chunk):
        if protected:
            out.append(piece)
        else:
            _normalize_plain(piece, offset + start, lang, ascii_digits, zwnj, out, edits, record)


_NUMBER_RE = re.compile("[0-9\u06f0-\u06f9\u0660-\u0669]+(?:[\u066b\u066c][0-9\u06f0-\u06f9\u0660-\u0669]+)*")
_WORD_SPAN_RE = re.compile("[\u0621-\u065f\u0670-\u06d3\u06d5\u06fa-\u06ff]+")


def _normalize_plain(
    piece: str, offset: int, lang: str, ascii_digits: bool, zwnj: bool, out: list[str], edits: list[dict], record: bool
) -> None:
    if not piece:
        return
    if zwnj:  # Persian spacing first (stray ZWNJs, separated affixes): xling.text.spacing
        from xling.text.spacing import fix_spacing

        spaced = fix_spacing(piece)
        if spaced != piece:
            done: list[str] = []
            _normalize_words(spaced, 0, lang, ascii_digits, zwnj, done, [], False)
            final = "".join(done)
            out.append(final)
            if record:
                edits.extend(_diff_edits(piece, final, offset))
            return
    _normalize_words(piece, offset, lang, ascii_digits, zwnj, out, edits, record)


_TOKEN_RE = re.compile(r"\s+|\S+")


def _diff_edits(before: str, after: str, offset: int) -> list[dict]:
    """Edits between ``before`` and ``after`` (a piece whose spacing changed), token by token."""
    import difflib

    a = [(m.start(), m.group()) for m in _TOKEN_RE.finditer(before)]
    b = [(m.start(), m.group()) for m in _TOKEN_RE.finditer(after)]
    matcher = difflib.SequenceMatcher(None, [t for _, t in a], [t for _, t in b], autojunk=False)
    out = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        s = a[i1][0] if i1 < len(a) else len(before)
        e = a[i2 - 1][0] + len(a[i2 - 1][1]) if i2 > i1 else s
        old = before[s:e]
        new = "".join(t for _, t in b[j1:j2])
        kind = (
            "zwnj"
            if old.replace(ZWNJ, "") == new.replace(ZWNJ, "") and new.count(ZWNJ) > old.count(ZWNJ)
            else "spacing"
        )
        if _squeeze(old) != _squeeze(new):
            kind = "letters"
        out.append({"op": kind, "start": offset + s, "end": offset + e, "before": old, "after": new})
    return out


def _squeeze(text: str) -> str:
    return "".join(text.split()).replace(ZWNJ, "")


def _normalize_words(
    piece: str, offset: int, lang: str, ascii_digits: bool, zwnj: bool, out: list[str], edits: list[dict], record: bool
) -> None:
    unified = unify_letters(piece, lang)  # same length as piece
    local: dict[int, dict] = {}  # start offset in piece -> edit
    if record and unified != piece:
        for m in _WORD_SPAN_RE.finditer(piece):
            after = unified[m.start() : m.end()]
            if after != m.group():
                local[m.start()] = {
                    "op": "letters",
                    "start": offset + m.start(),
                    "end": offset + m.end(),
                    "before": m.group(),
                    "after": after,
                }
    if ascii_digits:
        converted = to_ascii_digits(unified)  # same length
        if record and converted != unified:
            for m in _NUMBER_RE.finditer(unified):
                after = converted[m.start() : m.end()]
                if after != m.group():
                    local[m.start()] = {
                        "op": "digits",
                        "start": offset + m.start(),
                        "end": offset + m.end(),
                        "before": piece[m.start() : m.end()],
                        "after": after,
                    }
        unified = converted
    if zwnj:
        from xling.text.zwnj import iter_restored

        pieces = []
        for new_piece, edit in iter_restored(unified, skip_protected=False):
            pieces.append(new_piece)
            if record and edit is not None:
                s, e = edit["start"], edit["end"]
                local[s] = {
                    "op": "zwnj",
                    "start": offset + s,
                    "end": offset + e,
                    "before": piece[s:e],
                    "after": edit["after"],
                }
        unified = "".join(pieces)
    out.append(unified)
    if local:
        edits.extend(local[k] for k in sorted(local))
