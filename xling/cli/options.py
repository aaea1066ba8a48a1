"""The shared option vocabulary of the ``xling`` commands: one definition per option meaning.

A command declares an option by using one of these ``Annotated`` types as a parameter type, so
the name, short name, help and default of (say) the glossary option are written once::

    from xling.cli.options import GlossaryPath, NoGlossary, glossary_from_options

    def cmd(glossary: GlossaryPath = None, no_glossary: NoGlossary = False) -> None:
        g = glossary_from_options(glossary, no_glossary)   # a Glossary, or None

The older names of an option (``--src-lang``, ``--tgt-lang``, ``--lang`` of ``score``) are kept as
*hidden aliases*: they are declared with the option, so they still parse, and :data:`HIDDEN_ALIASES`
lists them so that :func:`xling.cli.main.polish_help` leaves them out of ``--help``. The README's
"Options and exit codes" section is the table of these names.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:  # pragma: no cover
    from xling.glossary.model import Glossary

#: Old option names, by the shared name they now alias: they parse, and ``--help`` does not show them.
HIDDEN_ALIASES: dict[str, tuple[str, ...]] = {
    "--from": ("--src-lang",),
    "--to": ("--tgt-lang", "--lang", "-l"),
}

_FROM_HELP = "Source language code (fa, en, ru, ar, ...)."
_TO_HELP = "Target language code(s), comma-separated (en,ru,ar)."


def from_option(help: str = _FROM_HELP) -> Any:
    """The ``--from LANG`` option (hidden alias ``--src-lang``), for an ``Annotated`` parameter."""
    return typer.Option("--from", *HIDDEN_ALIASES["--from"], metavar="LANG", help=help)


def to_option(help: str = _TO_HELP, *, required: bool = False) -> Any:
    """The ``--to LANGS`` option (hidden aliases ``--tgt-lang``, ``--lang``, ``-l``).

    ``required=True`` gives the old-style form (``lang: str = to_option(..., required=True)``);
    the default form is for an ``Annotated`` parameter.
    """
    decls = ("--to", *HIDDEN_ALIASES["--to"])
    if required:
        return typer.Option(..., *decls, metavar="LANG", help=help)
    return typer.Option(*decls, metavar="LANGS", help=help)


#: ``--from LANG``: the source language (old name ``--src-lang``)
FromLang = Annotated[str, from_option()]
#: ``--from LANG`` where the command can guess it (from a file name) when not given
FromLangOrNone = Annotated[str | None, from_option(_FROM_HELP[:-1] + " (default: from the file name).")]
#: ``--to LANGS``: the target language(s) (old names ``--tgt-lang``, ``--lang``, ``-l``)
ToLangs = Annotated[str, to_option()]
#: ``--to LANGS`` where the command can guess it (from file names) when not given
ToLangsOrNone = Annotated[str | None, to_option(_TO_HELP[:-1] + " (default: from the file names).")]
#: ``--src FILE`` / ``--source`` / ``-s``: the source text a translation was made from
SrcFile = Annotated[
    str | None,
    typer.Option(
        "--src", "--source", "-s", metavar="FILE", help="Source file, one segment a line.", show_default=False
    ),
]
#: ``--src FILE`` where the command needs it
SrcFileRequired = Annotated[
    str, typer.Option("--src", "--source", "-s", metavar="FILE", help="Source file, one segment a line.")
]
#: ``-o FILE`` / ``--out``: one output file, written atomically (default: standard output)
OutFile = Annotated[
    Path | None,
    typer.Option("--out", "-o", metavar="FILE", help="Write here (atomically) instead of standard output."),
]
#: ``--out-dir DIR``: the output folder
OutDir = Annotated[str, typer.Option("--out-dir", metavar="DIR", help="Output folder.")]
#: ``--encoding CODEC``: the encoding of input files that are not UTF-8
Encoding = Annotated[
    str | None,
    typer.Option(
        "--encoding",
        metavar="CODEC",
        help="Encoding of input files that are not UTF-8 (a Python codec name, e.g. cp1256).",
        show_default=False,
    ),
]
#: ``-q`` / ``--quiet``: no progress output (the summary and errors still print)
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No progress output (the summary and errors still print).")]

#: ``--glossary PATH`` / ``-g``: a termbase YAML file; ``None`` is the house glossary
GlossaryPath = Annotated[
    Path | None,
    typer.Option(
        "--glossary",
        "-g",
        metavar="FILE",
        help="Glossary YAML file (default: the shipped house glossary).",
        show_default=False,
    ),
]

#: ``--no-glossary``: run without a termbase
NoGlossary = Annotated[bool, typer.Option("--no-glossary", help="Use no glossary (termbase).")]


def glossary_from_options(glossary: Path | None, no_glossary: bool = False) -> Glossary | None:
    """The termbase a command runs with, from its ``--glossary``/``--no-glossary`` pair.

    Returns:
        the loaded :class:`~xling.glossary.model.Glossary` (``glossary`` ``None``: the house
        glossary), or ``None`` with ``--no-glossary``.

    Raises:
        InputError: both options given. GlossaryError: the file is missing or invalid.
    """
    from xling.glossary.store import resolve_glossary

    return resolve_glossary(glossary, no_glossary=no_glossary)


#: ``--tm PATH``: the translation memory (an SQLite file; see :mod:`xling.tm`)
TmPath = Annotated[
    Path | None,
    typer.Option(
        "--tm",
        help="Translation memory (SQLite; default $XDG_DATA_HOME/xling/tm.sqlite, i.e. ~/.local/share/xling/tm.sqlite).",
        show_default=False,
    ),
]

#: ``--min-score N``: the lowest TM fuzzy-match score kept, 0-100
MinScore = Annotated[
    float,
    typer.Option("--min-score", min=0, max=100, help="Lowest TM fuzzy-match score kept, 0-100 (CAT tools' usual 75)."),
]

#: ``translate --tm PATH``: reuse a translation memory (no TM without it)
UseTm = Annotated[
    str | None,
    typer.Option(
        "--tm",
        help="Reuse this translation memory (see xling tm): exact matches in every target skip MT, fuzzy ones are offered.",
        show_default=False,
    ),
]

#: ``--xliff``: also write one XLIFF file per target language
XliffFlag = Annotated[
    bool, typer.Option("--xliff", help="Also write DIR/<stem>.<lang>.xlf for post-editing in a CAT tool.")
]

#: ``--xliff-version``: 2.1 or 1.2
XliffVersion = Annotated[
    str, typer.Option("--xliff-version", help="XLIFF version: 2.1 (default) or 1.2 (OmegaT, Trados and older tools).")
]


def counted(n: int, singular: str, plural: str | None = None) -> str:
    """``"1 error"``, ``"2 errors"``, ``"0 entries"`` (``plural`` defaults to ``singular + "s"``)."""
    return f"{n} {singular if n == 1 else (plural or singular + 's')}"
