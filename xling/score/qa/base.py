"""What every QA check shares: the unit it looks at, the context it runs in, the issue it
reports, and the :class:`Check` interface.

A check is a module in :mod:`xling.score.qa` holding one :class:`Check` subclass and an
instance of it named ``CHECK`` (the layout of sacrebleu's ``metrics/``: a small base class, one
module per metric). Its ``ids`` are stable (tools filter on them), so they are never renamed;
new ones are added instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:  # pragma: no cover
    from xling.glossary.check import TermReport
    from xling.glossary.model import Glossary

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Unit:
    """One hypothesis unit, with its source when a source is known.

    Attributes:
        hyp: hypothesis segment ids (0-based; several for a merged bead, none for a 1-0 bead).
        src: source segment ids (0-based; empty without a source or for a 0-1 bead).
        hyp_text: the hypothesis text (segments joined with a space).
        src_text: the source text, or ``None`` when no source was given.
        hyp_lines, src_lines: the 1-based file lines of those segments (blank paragraph
            separators are lines but not segments, so lines and ids differ).
        src_parts: the source segments one by one (several in a merged bead).
    """

    hyp: tuple[int, ...]
    src: tuple[int, ...]
    hyp_text: str
    src_text: str | None = None
    hyp_lines: tuple[int, ...] = ()
    src_lines: tuple[int, ...] = ()
    src_parts: tuple[str, ...] = ()


@dataclass
class Context:
    """What the checks of one run share.

    Attributes:
        tgt_lang: hypothesis language code (en, ru, ar).
        src_lang: source language code (``fa``), or ``None`` without a source.
        glossary: the termbase for the term checks, or ``None`` to skip them.
        term_report: the glossary check's result, filled by the term check when it runs
            (read by the runner for the report's ``terms`` section); ``None`` otherwise.
    """

    tgt_lang: str
    src_lang: str | None = None
    glossary: Glossary | None = None
    term_report: TermReport | None = None

    @property
    def has_source(self) -> bool:
        """True when the units carry source text."""
        return self.src_lang is not None


@dataclass
class Issue:
    """One QA finding.

    Attributes:
        check: stable check id (e.g. ``number-mismatch``).
        severity: ``error``, ``warning`` or ``info``.
        hyp: hypothesis segment ids the issue concerns (0-based).
        src: source segment ids (0-based; empty without a source).
        message: one line for people.
        details: JSON-ready specifics (values, spans, z-score...).
        hyp_lines, src_lines: the 1-based file lines of those segments (see :class:`Unit`).
    """

    check: str
    severity: str
    hyp: tuple[int, ...]
    src: tuple[int, ...]
    message: str
    details: dict[str, Any] = field(default_factory=dict)
    hyp_lines: tuple[int, ...] = ()
    src_lines: tuple[int, ...] = ()

    @property
    def line(self) -> int | None:
        """1-based file line of the first hypothesis segment, or ``None`` (a missing segment)."""
        if self.hyp_lines:
            return self.hyp_lines[0]
        return self.hyp[0] + 1 if self.hyp else None

    @property
    def src_line(self) -> int | None:
        """1-based file line of the first source segment, or ``None``."""
        if self.src_lines:
            return self.src_lines[0]
        return self.src[0] + 1 if self.src else None

    def to_json(self) -> dict[str, Any]:
        """The issue as in ``schema.json`` (``#/$defs/issue``)."""
        return {
            "check": self.check,
            "severity": self.severity,
            "line": self.line,
            "src_line": self.src_line,
            "hyp_segments": list(self.hyp),
            "src_segments": list(self.src),
            "message": self.message,
            "details": self.details,
        }


def issue(unit: Unit, check: str, severity: str, message: str, **details: Any) -> Issue:
    """Build an :class:`Issue` for ``unit``."""
    return Issue(check, severity, unit.hyp, unit.src, message, details, unit.hyp_lines, unit.src_lines)


class Check:
    """The interface of a QA check.

    Class attributes:
        ids: stable check id → default severity (the ids this check may report).
        needs_source: True when the check compares with the source (skipped without one).
    """

    ids: ClassVar[dict[str, str]] = {}
    needs_source: ClassVar[bool] = False

    def applies(self, ctx: Context) -> bool:
        """Whether the check runs in ``ctx`` (default: unless it needs a source and has none)."""
        return ctx.has_source or not self.needs_source

    def run(self, units: list[Unit], ctx: Context) -> list[Issue]:
        """The issues found in ``units`` (document order within the check)."""
        raise NotImplementedError
