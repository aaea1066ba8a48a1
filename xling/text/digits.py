"""Persian (U+06F0-U+06F9) and Arabic-Indic (U+0660-U+0669) digits to ASCII.

The Arabic decimal separator ``٫`` (U+066B) and thousands separator ``٬`` (U+066C) become ``.``
and ``,`` when they stand between two digits (of any of the three digit sets), so ``۳٫۵`` → ``3.5``
and ``۱٬۲۵۰`` → ``1,250``. Nothing else changes, and the length in characters is preserved, so
offsets computed on the output are valid on the input. Linear time (one ``str.translate`` and
one regex pass without backtracking).
"""

from __future__ import annotations

import re

PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
ARABIC_INDIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
DECIMAL_SEPARATOR = "\u066b"  # ٫
THOUSANDS_SEPARATOR = "\u066c"  # ٬

_DIGIT_TABLE = str.maketrans(PERSIAN_DIGITS + ARABIC_INDIC_DIGITS, "0123456789" * 2)
_DIGIT_CLASS = "0-9\u06f0-\u06f9\u0660-\u0669"
_SEPARATOR_RE = re.compile(f"(?<=[{_DIGIT_CLASS}])[\u066b\u066c](?=[{_DIGIT_CLASS}])")
_SEPARATOR_ASCII = {DECIMAL_SEPARATOR: ".", THOUSANDS_SEPARATOR: ","}


def to_ascii_digits(text: str) -> str:
    """Return ``text`` with Persian/Arabic-Indic digits and their separators in ASCII.

    Args:
        text: any string.

    Returns:
        A string of the same length (characters): ``۱۹۴۴`` → ``1944``, ``۳٫۵`` → ``3.5``,
        ``٢٬٥٠٠`` → ``2,500``. A ``٫``/``٬`` not between two digits is left alone.
    """
    if not text:
        return text
    text = _SEPARATOR_RE.sub(lambda m: _SEPARATOR_ASCII[m.group()], text)
    return text.translate(_DIGIT_TABLE)
