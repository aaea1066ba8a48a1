"""What every QA check shares: the unit it looks at, the issue it reports, the context.

A check is a module in :mod:`xling.score.qa` with ``CHECK_IDS`` (its stable ids and default
severities), ``NEEDS_SOURCE`` (bool) and ``check(units, ctx) -> list[Issue]``. Ids are stable:
tools may filter on them, so they are never renamed (add new ones instead).
"""

from __future__ import annotations

from dataclasses import dataclass, field

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Unit:
    """One hypothesis unit, with its source when a source is known.

    Attributes:
        hyp: hypothesis segment ids (0-based; several for a merged bead, none for a 1-0 bead).
        src: source segment ids (0-based; empty without a source or for a 0-1 bead).
        hyp_text: the hypothesis text (segments joined with a space).
        src_text: the source text, or ``None`` when no source was given.
    """

    hyp: tuple[int, ...]
    src: tuple[int, ...]
    hyp_text: str
    src_text: str | None = None


@dataclass
class Context:
    """Settings shared by the checks of one run.

    Attributes:
        src_lang: source language code (``fa``), or ``None`` without a source.
        tgt_lang: hypothesis language code (en, ru, ar).
        term_report: the glossary check's TermReport (``check_terms``), or ``None``.
    """

    tgt_lang: str
    src_lang: str | None = None
    term_report: object | None = None


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
    """

    check: str
    severity: str
    hyp: tuple[int, ...]
    src: tuple[int, ...]
    message: str
    details: dict = field(default_factory=dict)

    @property
    def line(self) -> int | None:
        """1-based line of the first hypothesis segment, or ``None`` (a missing segment)."""
        return self.hyp[0] + 1 if self.hyp else None

    def to_json(self) -> dict:
        """The issue as in ``schema.json`` (``#/$defs/issue``)."""
        return {
            "check": self.check,
            "severity": self.severity,
            "line": self.line,
            "hyp_segments": list(self.hyp),
            "src_segments": list(self.src),
            "message": self.message,
            "details": self.details,
        }


def issue(unit: Unit, check: str, severity: str, message: str, **details) -> Issue:
    """Build an :class:`Issue` for ``unit``."""
    return Issue(check, severity, unit.hyp, unit.src, message, details)
