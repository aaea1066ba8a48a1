"""Score and QA reports: the objects, their JSON form and the rich table.

The JSON form is versioned (``"schema": "xling-score/2"``) and described by ``schema.json`` in
this package (JSON Schema draft 2020-12); tests validate the output against it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from importlib import resources

from xling.paths import counted
from xling.score.qa.base import SEVERITIES, Issue

SCHEMA_ID = "xling-score/2"


def load_schema() -> dict:
    """The JSON Schema of :meth:`ScoreReport.to_json` (a dict)."""
    return json.loads(resources.files("xling.score").joinpath("schema.json").read_text(encoding="utf-8"))


@dataclass
class QAReport:
    """Result of the reference-free checks.

    Attributes:
        checks: ids of the checks that ran (list of str, stable ids).
        issues: the issues, in document order then check order.
        units: number of units checked (segments, or beads when aligned; blank lines are not segments).
        term_report: the glossary TermReport, or ``None`` when no term check ran.
        notes: remarks for people (e.g. a check skipped and why).
    """

    checks: list[str]
    issues: list[Issue]
    units: int
    term_report: object | None = None
    notes: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        """Issues per severity, every severity present (``{"error": n, "warning": n, "info": n}``)."""
        out = {s: 0 for s in SEVERITIES}
        for i in self.issues:
            out[i.severity] += 1
        return out

    def terms_json(self) -> dict | None:
        """``{"success_rate", "exact_success_rate", "lemma_success_rate", "report": TermReport.to_dict()}`` or ``None``.

        ``success_rate`` is the headline rate (lemma-aware for ru, exact otherwise; see
        :mod:`xling.glossary.check`)."""
        if self.term_report is None:
            return None
        tr = self.term_report
        rate = getattr(tr, "success_rate", None)
        lemma = getattr(tr, "lemma_success_rate", None)
        return {
            "success_rate": rate,
            "exact_success_rate": getattr(tr, "exact_success_rate", None),
            "lemma_success_rate": lemma,
            "report": tr.to_dict() if hasattr(tr, "to_dict") else None,
        }

    def to_json(self) -> dict:
        """The ``qa`` object of the schema."""
        return {
            "checks": list(self.checks),
            "units": self.units,
            "counts": self.counts(),
            "issues": [i.to_json() for i in self.issues],
        }


@dataclass
class ScoreReport:
    """Everything ``xling score`` reports for one hypothesis file.

    Attributes:
        hypothesis, reference, source: ``{"path", "lang", "segments"}`` dicts (reference and
            source ``None`` when not given).
        aligned: whether segments were paired by sentence alignment.
        normalization: :func:`xling.score.normalization.normalization_record`.
        metrics: ``{"bleu"|"chrf"|"ter": MetricScore}`` or ``None`` without a reference.
        pairs: the scored pairs (``xling.score.pairing.Pair``), parallel to each metric's segments.
        qa: the :class:`QAReport`.
        thresholds: ``[{"metric", "kind", "limit", "value", "passed"}]``.
        fail_on: ``"error"`` or ``"warning"`` (``--fail-on``): a QA issue of that severity or
            worse also makes :attr:`passed` False; ``None``: QA issues never do.
        notes: how the files were read, one line each (the aligner paired files whose segment
            counts differ); ``xling score`` prints them on standard error.
    """

    hypothesis: dict
    reference: dict | None
    source: dict | None
    aligned: bool
    normalization: dict
    metrics: dict | None
    pairs: list
    qa: QAReport
    thresholds: list[dict] = field(default_factory=list)
    fail_on: str | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        """True when every threshold is met (no thresholds: True) and, with :attr:`fail_on`, no
        QA issue of that severity or worse was found."""
        counts = self.qa.counts()
        qa_failed = self.fail_on is not None and (
            counts["error"] > 0 or (self.fail_on == "warning" and counts["warning"] > 0)
        )
        return all(t["passed"] for t in self.thresholds) and not qa_failed

    def warnings(self) -> list[str]:
        """The metrics' warnings (e.g. BLEU over short segments), one line each."""
        return [w for m in (self.metrics or {}).values() for w in m.warnings]

    def to_json(self) -> dict:
        """The report as described by ``schema.json``."""
        from xling.score.metrics import METRIC_LABEL

        scores = None
        segments = []
        if self.metrics is not None:
            scores = {
                k: {
                    "metric": METRIC_LABEL[k],
                    "score": m.score,
                    "signature": m.signature,
                    "full_signature": m.full_signature,
                }
                for k, m in self.metrics.items()
            }
            for n, p in enumerate(self.pairs):
                row = {"hyp_segments": list(p.hyp), "ref_segments": list(p.other)}
                row.update({k: m.segments[n] for k, m in self.metrics.items()})
                segments.append(row)
        return {
            "schema": SCHEMA_ID,
            "hypothesis": self.hypothesis,
            "reference": self.reference,
            "source": self.source,
            "aligned": self.aligned,
            "normalization": self.normalization,
            "scores": scores,
            "segments": segments,
            "terms": self.qa.terms_json(),
            "qa": self.qa.to_json(),
            "notes": list(self.qa.notes) + self.notes + self.warnings(),
            "thresholds": self.thresholds,
            "passed": self.passed,
        }


_SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def render(report: ScoreReport, console, *, show_segments: bool = False) -> None:
    """Print ``report`` with rich: scores with signatures, then QA issues, then thresholds.

    Args:
        report: the report.
        console: a ``rich.console.Console``.
        show_segments: also print the segment-level scores.
    """
    from rich.markup import escape
    from rich.table import Table

    from xling.score.metrics import METRIC_LABEL

    h = report.hypothesis
    console.print(
        f"[bold]{escape(h['path'])}[/bold] ({h['lang']}, {h['segments']} segments)"
        + (f" vs reference {escape(report.reference['path'])}" if report.reference else "")
        + (f", source {escape(report.source['path'])}" if report.source else "")
        + (" (aligned)" if report.aligned else "")
    )
    if report.metrics is not None:
        t = Table(title="Scores", title_justify="left")
        t.add_column("Metric")
        t.add_column("Score", justify="right")
        for k, m in report.metrics.items():
            t.add_row(METRIC_LABEL[k], f"{m.score:.2f}")
        console.print(t)
        # A signature is copied into papers and logs: never wrap it (rich would fold it inside a
        # token at the terminal's width); one line per metric, wrapped only by the terminal.
        for k, m in report.metrics.items():
            console.print(
                f"{METRIC_LABEL[k]} signature: {m.full_signature}", soft_wrap=True, highlight=False, markup=False
            )
        for warning in report.warnings():
            console.print(f"warning: {warning}", soft_wrap=True, highlight=False, markup=False)
        norm = report.normalization
        console.print(f"normalization v{norm['version']} ({norm['lang']}): {', '.join(norm['steps'])}")
        if show_segments:
            st = Table(title="Segment scores", title_justify="left")
            for col in ("Hyp", "Ref", *[METRIC_LABEL[k] for k in report.metrics]):
                st.add_column(col, justify="right")
            for n, p in enumerate(report.pairs):
                scores = [f"{m.segments[n]:.2f}" for m in report.metrics.values()]
                st.add_row(_lines(p.hyp_lines, p.hyp), _lines(p.other_lines, p.other), *scores)
            console.print(st)
    render_qa(report.qa, console)
    for th in report.thresholds:
        sign = ">=" if th["kind"] == "min" else "<="
        status = "[green]ok[/]" if th["passed"] else "[bold red]FAILED[/]"
        value = "n/a" if th["value"] is None else f"{th['value']:.2f}"
        limit = f"{th['limit']:g}"
        rate_text = getattr(report.qa.term_report, "rate_text", None)
        if th["metric"] == "terms" and rate_text is not None:  # the one printed form of the rate
            value, limit = rate_text(), f"{limit} %"
        console.print(f"threshold {th['metric']} {sign} {limit}: {value} {status}")
    if report.fail_on is not None:
        counts = report.qa.counts()
        n = counts["error"] + (counts["warning"] if report.fail_on == "warning" else 0)
        status = "[green]ok[/]" if n == 0 else f"[bold red]FAILED[/] ({counted(n, 'issue')})"
        console.print(f"--fail-on {report.fail_on}: {status}")


def _lines(lines: tuple[int, ...], ids: tuple[int, ...]) -> str:
    """The 1-based file lines a reader looks up (from segment ids + 1 when no lines are known; ``-`` for none)."""
    return ",".join(str(n) for n in (lines or [i + 1 for i in ids])) or "-"


def render_qa(qa: QAReport, console, *, title: str = "QA issues") -> None:
    """Print a :class:`QAReport` with rich: term success rate, the issue table, notes.

    ``xling translate --score`` uses this for the checks of :func:`xling.score.api.run_checks`.
    """
    from rich.markup import escape
    from rich.table import Table

    terms = qa.terms_json()
    if terms is not None:
        rate_text = getattr(qa.term_report, "rate_text", None)
        console.print(f"term success rate: {rate_text() if rate_text else 'n/a'}")
    counts = qa.counts()
    if qa.issues:
        qt = Table(
            title=f"{title} ({counted(counts['error'], 'error')}, {counted(counts['warning'], 'warning')}, {counts['info']} info)",
            title_justify="left",
        )
        qt.add_column("Line", justify="right")
        qt.add_column("Src", justify="right")
        qt.add_column("Check")
        qt.add_column("Severity")
        qt.add_column("Message", overflow="fold")
        for i in qa.issues:
            qt.add_row(
                str(i.line) if i.line else "-",
                _lines(i.src_lines, i.src),
                i.check,
                f"[{_SEVERITY_STYLE[i.severity]}]{i.severity}[/]",
                escape(i.message),
            )
        console.print(qt)
    else:
        console.print(f"QA: no issues ({', '.join(qa.checks)})")
    for note in qa.notes:
        console.print(f"note: {escape(note)}")
