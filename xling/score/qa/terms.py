"""QA checks ``term-deprecated`` and ``term-missing`` from the glossary check.

:func:`xling.glossary.check.check_terms` (issue 5) decides, per segment, which termbase concepts
the source expects and whether the hypothesis has a preferred/admitted form, a deprecated form,
or none. This module only turns its per-segment rows into issues: deprecated → ``error``,
missing → ``warning``. The TermReport itself (success rate as in the WMT terminology shared
task: matched / expected) is kept in the report's ``terms`` section.
"""

from __future__ import annotations

from xling.score.qa.base import Context, Issue, Unit

CHECK_IDS = {"term-deprecated": "error", "term-missing": "warning"}
NEEDS_SOURCE = True

_MISSING = {"missing"}
_DEPRECATED = {"deprecated"}


def run_term_check(units: list[Unit], tgt_lang: str, glossary):
    """Run :func:`check_terms` on the units that have both a source and a hypothesis.

    Returns:
        ``(term_report, checked_units)``: the TermReport and the units in the order given to it.
    """
    from xling.glossary.check import check_terms

    checked = [u for u in units if u.src_text is not None and u.src]
    report = check_terms([u.src_text for u in checked], [u.hyp_text for u in checked], tgt_lang, glossary)
    return report, checked


def _rows(report) -> list[dict]:
    data = report.to_json() if hasattr(report, "to_json") else dict(report)
    for key in ("segments", "rows"):
        if isinstance(data.get(key), list):
            return data[key]
    return []


def _terms_with(row: dict, statuses: set[str], list_key: str) -> list[str]:
    found = [str(t) if not isinstance(t, dict) else str(t.get("term") or t.get("preferred") or t.get("entry_id") or t)
             for t in row.get(list_key, [])]
    for t in row.get("terms", []) or []:
        if isinstance(t, dict) and str(t.get("status", "")).lower() in statuses:
            found.append(str(t.get("surface") or t.get("found") or t.get("preferred") or t.get("expected") or t.get("entry_id")))
    return found


def issues_from_report(report, checked: list[Unit]) -> list[Issue]:
    """Issues for the deprecated and missing terms of each row of ``report`` (a TermReport)."""
    out = []
    for pos, row in enumerate(_rows(report)):
        idx = row.get("segment", row.get("index", pos))
        if not isinstance(idx, int) or not 0 <= idx < len(checked):
            continue
        u = checked[idx]
        deprecated = _terms_with(row, _DEPRECATED, "deprecated")
        missing = _terms_with(row, _MISSING, "missing")
        if deprecated:
            out.append(Issue("term-deprecated", "error", u.hyp, u.src, "deprecated term: " + ", ".join(deprecated), {"terms": deprecated}))
        if missing:
            out.append(Issue("term-missing", "warning", u.hyp, u.src, "expected term missing: " + ", ".join(missing), {"terms": missing}))
    return out


def check(units: list[Unit], ctx: Context) -> list[Issue]:
    """Issues from ``ctx.term_report`` (set by the runner); none without a term report."""
    if ctx.term_report is None:
        return []
    report, checked = ctx.term_report
    return issues_from_report(report, checked)
