"""``xling normalize`` and ``xling segment``: thin shells over :mod:`xling.text`."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from xling.cli.options import TextLang, encoding_option
from xling.errors import UsageError

#: ``--encoding`` of normalize and segment
TextEncoding = Annotated[
    str | None, encoding_option("Input encoding (default UTF-8; e.g. cp1256 for legacy Persian files).")
]

_LANGS = ("fa", "en", "ru", "ar")


def _check_lang(lang: str) -> str:
    if lang not in _LANGS:
        raise UsageError(f"--from {lang!r}: unsupported language; use one of: {', '.join(_LANGS)}")
    return lang


def _stdout_write():
    """A write function for UTF-8 output whatever the locale (bytes to the binary buffer)."""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is not None:
        return lambda s: buffer.write(s.encode("utf-8"))
    return sys.stdout.write


def normalize(
    file: str = typer.Argument("-", help="Text file to read, or - for standard input."),
    lang: TextLang = "fa",
    digits: str = typer.Option(
        "keep", "--digits", help="keep: leave digits as written; ascii: Persian/Arabic-Indic digits to 0-9."
    ),
    zwnj: bool = typer.Option(True, "--zwnj/--no-zwnj", help="Restore lost ZWNJs in Persian words."),
    encoding: TextEncoding = None,
) -> None:
    """Print the text with Persian letters unified, lost ZWNJs restored and, with --digits ascii, ASCII digits."""
    from xling.io import read_text, refuse_stdout_is_input
    from xling.text.normalize import DIGIT_MODES, iter_chunks
    from xling.text.normalize import normalize as normalize_text

    _check_lang(lang)
    if digits not in DIGIT_MODES:
        raise UsageError(f"unknown --digits {digits!r}; use keep or ascii")
    refuse_stdout_is_input([file])
    text = read_text(file, encoding=encoding)
    write = _stdout_write()
    for _, chunk in iter_chunks(text, 1 << 20):
        write(normalize_text(chunk, lang, digits=digits, zwnj=zwnj))
    sys.stdout.flush()


def segment(
    file: str = typer.Argument("-", help="Text file to read, or - for standard input."),
    lang: TextLang = "fa",
    encoding: TextEncoding = None,
    join_lines: bool = typer.Option(
        False,
        "--join-lines",
        help="Hard-wrapped text: a single line break inside a paragraph is a space, and sentences run across it.",
    ),
) -> None:
    """Print one sentence a line, with a blank line between paragraphs.

    Paragraphs are separated by blank lines. Every line break ends a sentence (scraped news puts one paragraph, headline or dateline on each line) unless --join-lines is given.
    """
    from xling.io import read_text, refuse_stdout_is_input
    from xling.text.segment import segment_text

    _check_lang(lang)
    refuse_stdout_is_input([file])
    text = read_text(file, encoding=encoding)
    write = _stdout_write()
    previous = None
    for sentence in segment_text(text, lang, join_lines=join_lines):
        if previous is not None and sentence.paragraph != previous:
            write("\n")
        write(sentence.one_line() + "\n")
        previous = sentence.paragraph
    sys.stdout.flush()
