"""The shared option vocabulary of the ``xling`` commands: one definition per option meaning.

A command declares an option by using one of these ``Annotated`` types as a parameter type, so
the name, short name, help and default of (say) the glossary option are written once::

    from xling.cli.options import GlossaryPath, NoGlossary, glossary_from_options

    def cmd(glossary: GlossaryPath = None, no_glossary: NoGlossary = False) -> None:
        g = glossary_from_options(glossary, no_glossary)   # a Glossary, or None

Other command groups add their shared options here.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:  # pragma: no cover
    from xling.glossary.model import Glossary

#: ``--glossary PATH`` / ``-g``: a termbase YAML file; ``None`` is the house glossary
GlossaryPath = Annotated[
    Path | None,
    typer.Option(
        "--glossary",
        "-g",
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
