"""QA checks ``term-deprecated`` and ``term-missing`` from the glossary check.

:func:`xling.glossary.check.check_terms` decides, per segment pair, which concept entries the
source expects and whether the hypothesis has them in a preferred/admitted form (for ru
lemma-aware), in a deprecated form, or not at all: one ``TermRow`` per (segment, entry) with a
``status``. This module turns the failing rows into issues, one per segment and status:
``deprecated`` → ``term-deprecated`` (error), ``missing`` → ``term-missing`` (warning). The
TermReport itself (the WMT terminology success rate = matched / expected) is left in
``Context.term_report`` for the report's ``terms`` section.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from xling.score.qa.base import Check, Context, Issue, Unit

if TYPE_CHECKING:  # pragma: no cover
    from xling.glossary.check import TermReport, TermRow
    from xling.glossary.model import Glossary

_SEVERITY = {"deprecated": ("term-deprecated", "error"), "missing": ("term-missing", "warning")}


def run_term_check(units: list[Unit], tgt_lang: str, glossary: Glossary) -> tuple[TermReport, list[Unit]]:
    """Run ``check_terms`` on the units that have both a source and a hypothesis.

    Returns:
        ``(term_report, checked_units)``: the TermReport and the units in the order given to it
        (``TermRow.segment`` indexes ``checked_units``).
    """
    from xling.glossary.check import check_terms

    checked = [u for u in units if u.src_text is not None and u.src and u.hyp]
    report = check_terms([u.src_text or "" for u in checked], [u.hyp_text for u in checked], tgt_lang, glossary)
    return report, checked


def _message(status: str, rows: list[TermRow], house: list[str], found: list[str]) -> str:
    if status == "deprecated":
        return "deprecated term " + ", ".join(found or [r.entry_id for r in rows]) + "; house form " + ", ".join(house)
    return "expected term missing: " + ", ".join(house)


def issues_from_report(report: TermReport, checked: list[Unit]) -> list[Issue]:
    """Issues for the ``deprecated`` and ``missing`` rows of ``report`` (a TermReport).

    ``details``: ``{"entries": [entry ids], "house": [preferred target terms], "found": [surfaces]}``.
    """
    grouped: dict[tuple[int, str], list[TermRow]] = {}
    for row in report.rows:
        if row.status in _SEVERITY and 0 <= row.segment < len(checked):
            grouped.setdefault((row.segment, row.status), []).append(row)
    out = []
    for (seg, status), rows in sorted(grouped.items(), key=lambda kv: (kv[0][0], kv[0][1] != "deprecated")):
        u = checked[seg]
        check_id, severity = _SEVERITY[status]
        house = [r.house or r.entry_id for r in rows]
        found = [s for r in rows for s in r.found]
        details = {"entries": [r.entry_id for r in rows], "house": house, "found": found}
        message = _message(status, rows, house, found)
        out.append(Issue(check_id, severity, u.hyp, u.src, message, details, u.hyp_lines, u.src_lines))
    return out


class TermCheck(Check):
    """Expected glossary terms missing or in a deprecated form (see the module docstring).

    Runs only with a source and a glossary; sets ``ctx.term_report``.
    """

    ids: ClassVar[dict[str, str]] = {"term-deprecated": "error", "term-missing": "warning"}
    needs_source = True

    def applies(self, ctx: Context) -> bool:
        """With a source and a glossary only."""
        return ctx.has_source and ctx.glossary is not None

    def run(self, units: list[Unit], ctx: Context) -> list[Issue]:
        """Issues for the failing term rows; the TermReport goes to ``ctx.term_report``."""
        assert ctx.glossary is not None  # applies() checked it
        report, checked = run_term_check(units, ctx.tgt_lang, ctx.glossary)
        ctx.term_report = report
        return issues_from_report(report, checked)


CHECK = TermCheck()
