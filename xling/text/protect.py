"""Spans that text normalization must leave byte-identical: URLs and e-mail addresses.

A URL or an e-mail address is protected as a whole, including any Persian or Arabic letters,
digits or ``%`` escapes in it (``www.example.com/میشود``, ``https://x.ir/علي``, ``me@ایران.ir``):
neither letter unification nor ZWNJ restoration nor digit conversion may change it, or the link
no longer resolves. :func:`protected_spans` defines these spans; :mod:`xling.text.normalize`
skips them and :func:`xling.text.orthography.unify_letters` skips them when asked
(``keep_protected=True``), which is the definition the normalization property test compares
against.

What counts:

- a URL: ``http://``, ``https://``, ``ftp://`` (any case) or ``www.``, or a bare host name with
  a path (``isna.ir/news/…``: ASCII labels, a letter-only top-level label, then ``/``), running
  up to the next whitespace;
- an e-mail address: ``local@domain.tld`` with word characters (any script), ``.``, ``%``,
  ``+`` and ``-``;

then trailing sentence punctuation is given back to the text (``. , ; : ! ? … ، ؛ ؟`` and
closing quotes and brackets: ``" ' » ” ’ ) ] } >``), except a ``)`` that closes a ``(`` inside the
URL (``…/Foo_(bar)``), as in the URL-detection heuristics of RFC 3986 Appendix C.

All patterns use possessive quantifiers (Python 3.11+), so a scan is linear in the text length;
a text without ``/``, ``@`` or ``www.`` is not scanned at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_URL_RE = re.compile(
    r"(?:(?:https?|ftp)://|www\.)\S++"
    r"|(?<![\w@./-])(?:[A-Za-z0-9-]++\.)++[A-Za-z]{2,}+/\S*+",
    re.IGNORECASE,
)
_EMAIL_RE = re.compile(r"(?<![\w.%+-])[\w.%+-]++@[\w-]++(?:\.[\w-]++)++")
_PROTECTED_RE = re.compile(f"{_URL_RE.pattern}|{_EMAIL_RE.pattern}", re.IGNORECASE)

# Every span holds one of these (a scheme's or a path's "/", an e-mail "@", "www."/"WWW."): a text
# without any of them is not scanned (``str.__contains__`` is much faster than the regex).
_TRIGGERS = ("/", "@", "ww.", "WW.")

# Characters a URL written inside a sentence gives back to the sentence when they end it.
TRAILING_PUNCTUATION = frozenset(".,;:!?…\u060c\u061b\u061f\"'»”’)]}>")


def _trim(text: str, start: int, end: int) -> int:
    """End of the URL ``text[start:end]`` with trailing sentence punctuation given back."""
    while end > start and text[end - 1] in TRAILING_PUNCTUATION:
        if text[end - 1] == ")" and text.count("(", start, end) >= text.count(")", start, end):
            break  # a balanced parenthesis belongs to the URL
        end -= 1
    return end


def protected_spans(text: str) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` character offsets of the URLs and e-mail addresses in ``text``.

    Spans are in order, do not overlap and are never empty (see the module docstring for what
    counts). Linear time.
    """
    if not any(t in text for t in _TRIGGERS):
        return  # fast path: most running text holds no URL or e-mail address
    for m in _PROTECTED_RE.finditer(text):
        end = _trim(text, m.start(), m.end())
        if end > m.start():
            yield m.start(), end


def split_protected(text: str) -> Iterator[tuple[int, str, bool]]:
    """Yield ``(offset, piece, protected)`` covering ``text`` in order.

    ``protected`` is True for a URL or e-mail span (:func:`protected_spans`), False for the text
    between them (never yielded empty). Concatenating the pieces gives ``text`` back.
    """
    pos = 0
    for start, end in protected_spans(text):
        if start > pos:
            yield pos, text[pos:start], False
        yield start, text[start:end], True
        pos = end
    if pos < len(text):
        yield pos, text[pos:], False
