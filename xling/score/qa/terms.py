"""QA checks ``term-deprecated`` and ``term-missing`` from the glossary check.

:func:`xling.glossary.check.check_terms` (issue 5) decides, per segment pair, which concept
entries the source expects and whether the hypothesis has them in a preferred/admitted form
(for ru lemma-aware), in a deprecated form, or not at all: one ``TermRow`` per (segment, entry)
with a ``status``. This module only turns the failing rows into issues, one per segment and
status: ``deprecated`` → ``term-deprecated`` (error), ``missing`` → ``term-missing`` (warning).
The TermReport itself (the WMT terminology success rate = matched / expected) goes into the
report's ``terms`` section.
"""

from __future__ import annotations

from xling.score.qa.base import Context, Issue, Unit

CHECK_IDS = {"term-deprecated": "error", "term-missing": "warning"}
NEEDS_SOURCE = True
_SEVERITY = {"deprecated": ("term-deprecated", "error"), "missing": ("term-missing", "warning")}


def run_term_check(units: list[Unit], tgt_lang: str, glossary):
    """Run ``check_terms`` on the units that have both a source and a hypothesis.

    Returns:
        ``(term_report, checked_units)``: the TermReport and the units in the order given to it
        (``TermRow.segment`` indexes ``checked_units``).

    """
    from xling.glossary.check import check_terms

    checked = [u for u in units if u.src_text is not None and u.src and u.hyp]
    report = check_terms([u.src_text for u in checked], [u.hyp_text for u in checked], tgt_lang, glossary)
    return report, checked


def issues_from_report(report, checked: list[Unit]) -> list[Issue]:
    """Issues for the ``deprecated`` and ``missing`` rows of ``report`` (a TermReport).

    ``details``: ``{"entries": [entry ids], "house": [preferred target terms], "found": [surfaces]}``.
    """
    grouped: dict[tuple[int, str], list] = {}
    for row in report.rows:
        if row.status in _SEVERITY and 0 <= row.segment < len(checked):
            grouped.setdefault((row.segment, row.status), []).append(row)
    out = []
    for (seg, status), rows in sorted(grouped.items(), key=lambda kv: (kv[0][0], kv[0][1] != "deprecated")):
        u = checked[seg]
        check_id, severity = _SEVERITY[status]
        house = [r.house or r.entry_id for r in rows]
        found = [s for r in rows for s in r.found]
        if status == "deprecated":
            message = (
                "deprecated term " + ", ".join(found or [r.entry_id for r in rows]) + "; house form " + ", ".join(house)
            )
        else:
            message = "expected term missing: " + ", ".join(house)
        out.append(
            Issue(
                check_id,
                severity,
                u.hyp,
                u.src,
                message,
                {"entries": [r.entry_id for r in rows], "house": house, "found": found},
            )
        )
    return out


def check(units: list[Unit], ctx: Context) -> list[Issue]:
    """Issues from ``ctx.term_report`` (``(TermReport, checked units)``, set by the runner)."""
    if ctx.term_report is None:
        return []
    report, checked = ctx.term_report
    return issues_from_report(report, checked)
