"""Python entry points of :mod:`xling.score` (the CLI ``xling score`` is a thin shell over these).

- :func:`run_checks`: reference-free QA on sources and hypotheses in memory (used by
  ``xling translate --score``).
- :func:`score_segments`: BLEU, chrF, chrF++ and TER of hypotheses against references in memory.
- :func:`score_files`: everything ``xling score`` does, from file names.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from xling.errors import InputError, ScoreError
from xling.score.qa.base import Context, Unit
from xling.score.report import QAReport, ScoreReport

if TYPE_CHECKING:  # pragma: no cover
    from xling.glossary.model import Glossary
    from xling.score.metrics import MetricScore
    from xling.score.pairing import Pair
    from xling.score.thresholds import Threshold

DEFAULT_GLOSSARY = "default"


def _units(
    sources: list[str] | None,
    hypotheses: list[str],
    *,
    src_lang: str,
    tgt_lang: str,
    align: bool,
    glossary: Glossary | None,
    hyp_name: str = "hypothesis",
    src_name: str = "source",
) -> list[Unit]:
    """The QA units: one per hypothesis line without a source, else one per pair or bead."""
    from xling.score.pairing import pair_segments

    if sources is None:
        return [Unit((i,), (), h, None) for i, h in enumerate(hypotheses)]
    pairs = pair_segments(
        hypotheses,
        sources,
        align=align,
        hyp_lang=tgt_lang,
        other_lang=src_lang,
        hyp_name=hyp_name,
        other_name=src_name,
        glossary=glossary,
    )
    return [Unit(p.hyp, p.other, p.hyp_text, p.other_text) for p in pairs]


def check_units(
    units: list[Unit], *, src_lang: str | None, tgt_lang: str, glossary: Glossary | None = None
) -> QAReport:
    """Run every applicable QA check on prepared ``units`` (see :func:`run_checks`)."""
    from xling.score.qa import run_all

    has_source = any(u.src_text is not None for u in units)
    ctx = Context(tgt_lang=tgt_lang, src_lang=src_lang if has_source else None, glossary=glossary)
    checks, issues = run_all(units, ctx)
    return QAReport(checks, issues, len(units), ctx.term_report)


def run_checks(
    sources: list[str] | None,
    hypotheses: list[str],
    *,
    src_lang: str,
    tgt_lang: str,
    glossary: Glossary | str | os.PathLike[str] | None = None,
    align: bool = False,
) -> QAReport:
    """Run the reference-free QA checks on a translation held in memory.

    Args:
        sources: source segments (line i is translated by hypothesis line i unless ``align``),
            or ``None`` for the hypothesis-only checks.
        hypotheses: hypothesis (translated) segments.
        src_lang: source language code (``fa``).
        tgt_lang: hypothesis language code (en, ru, ar).
        glossary: a :class:`xling.glossary.model.Glossary` (or a YAML path, or ``"default"``
            for the shipped house glossary) for the term checks, or ``None`` to skip them.
        align: pair sources and hypotheses with the sentence aligner instead of line by line.

    Returns:
        A :class:`~xling.score.report.QAReport`: check ids run, issues (stable ids, severity,
        0-based hypothesis/source segment ids), the TermReport when a glossary was given.

    Raises:
        ScoreError: ``sources`` and ``hypotheses`` differ in length and ``align`` is false.
    """
    if isinstance(glossary, (str, os.PathLike)):
        glossary = _resolve_glossary(glossary)
    units = _units(sources, hypotheses, src_lang=src_lang, tgt_lang=tgt_lang, align=align, glossary=glossary)
    return check_units(units, src_lang=src_lang, tgt_lang=tgt_lang, glossary=glossary)


def score_segments(
    hypotheses: list[str],
    references: list[str],
    *,
    lang: str,
    align: bool = False,
    hyp_name: str = "hypothesis",
    ref_name: str = "reference",
) -> tuple[list[Pair], dict[str, MetricScore]]:
    """BLEU, chrF, chrF++ and TER of ``hypotheses`` against ``references`` after the scoring normalization.

    Args:
        hypotheses, references: segments, one per line.
        lang: their language (chooses the BLEU tokenizer and the letter unification).
        align: pair by sentence alignment (beads; sentences of a bead joined with a space)
            instead of line by line.

    Returns:
        ``(pairs, metrics)``: the :class:`~xling.score.pairing.Pair` list (raw text; pairs
        blank on both sides, i.e. paragraph breaks, are left out) and
        ``{"bleu"|"chrf"|"ter": MetricScore}`` whose ``segments`` follow ``pairs``.

    Raises:
        ScoreError: line counts differ and ``align`` is false (the message suggests ``--align``),
            or there is nothing to score.
    """
    from xling.score.metrics import compute_metrics
    from xling.score.normalization import normalize_for_scoring
    from xling.score.pairing import pair_segments

    if not hypotheses or not references:
        raise ScoreError(f"{hyp_name if not hypotheses else ref_name}: no segments to score; give a non-empty file")
    pairs = pair_segments(
        hypotheses, references, align=align, hyp_lang=lang, other_lang=lang, hyp_name=hyp_name, other_name=ref_name
    )
    # A blank line on both sides is a paragraph break, not a segment: it is not scored.
    pairs = [p for p in pairs if p.hyp_text.strip() or p.other_text.strip()]
    if not pairs:
        raise ScoreError(f"{hyp_name}: no segments to score; the hypothesis and the reference are blank")
    hyps = [normalize_for_scoring(p.hyp_text, lang) for p in pairs]
    refs = [normalize_for_scoring(p.other_text, lang) for p in pairs]
    return pairs, compute_metrics(hyps, refs, lang)


def _resolve_glossary(glossary: str | os.PathLike[str] | None) -> Glossary | None:
    """Load the glossary named by ``glossary`` (``"default"``: the shipped house glossary)."""
    from xling.glossary.store import resolve_glossary

    return resolve_glossary(None if glossary == DEFAULT_GLOSSARY else glossary, no_glossary=glossary is None)


def score_files(
    hypothesis: str,
    *,
    lang: str,
    ref: str | None = None,
    src: str | None = None,
    src_lang: str = "fa",
    align: bool = False,
    glossary: str | None = DEFAULT_GLOSSARY,
    encoding: str | None = None,
    fail_under: str | None = None,
    fail_over: str | None = None,
    fail_on: str | None = None,
) -> ScoreReport:
    """Score a hypothesis file: metrics against ``ref`` if given, QA checks, thresholds.

    Args:
        hypothesis: path of the hypothesis, one segment a line (``-`` for standard input).
        lang: hypothesis (target) language: en, ru or ar.
        ref: reference file, or ``None`` for the reference-free checks only.
        src: source file, enabling the checks that need it (numbers, untranslated-as-source,
            length ratio, terms).
        src_lang: the source language (default ``fa``).
        align: align hypothesis with reference (and with source) by sentences.
        glossary: ``"default"`` (the shipped house glossary), a path, or ``None`` for no term check.
        encoding: the encoding of the input files that are not valid UTF-8 (default: UTF-8 only).
        fail_under, fail_over: threshold specs (:mod:`xling.score.thresholds`).
        fail_on: ``"error"`` or ``"warning"``: a QA issue of that severity or worse makes
            ``report.passed`` False (``--fail-on``); ``None`` (default): QA issues never do.

    Returns:
        A :class:`~xling.score.report.ScoreReport`; ``report.passed`` is False when a threshold
        is not met.

    Raises:
        InputError, EncodingError: unreadable input or bad threshold spec.
        ScoreError: line-count mismatch without ``align``; a threshold on a score not computed.
    """
    from xling.io import read_lines
    from xling.score.normalization import normalization_record

    _check_language(src_lang, "--src-lang")
    thresholds = _parse_thresholds(
        fail_under, fail_over, fail_on, have_ref=ref is not None, have_terms=src is not None and glossary is not None
    )
    hyps = read_lines(hypothesis, encoding=encoding, utf8_first=True)
    hyp_name = "<stdin>" if str(hypothesis) == "-" else str(hypothesis)
    hyp_info = {"path": hyp_name, "lang": lang, "segments": len(hyps)}
    ref_info = src_info = None
    pairs: list[Pair] = []
    metrics = None
    if ref is not None:
        refs = read_lines(ref, encoding=encoding, utf8_first=True)
        ref_info = {"path": str(ref), "lang": lang, "segments": len(refs)}
        pairs, metrics = score_segments(hyps, refs, lang=lang, align=align, hyp_name=hyp_name, ref_name=str(ref))
    sources = None
    gloss = None
    if src is not None:
        sources = read_lines(src, encoding=encoding, utf8_first=True)
        src_info = {"path": str(src), "lang": src_lang, "segments": len(sources)}
        gloss = _resolve_glossary(glossary)
    units = _units(
        sources,
        hyps,
        src_lang=src_lang,
        tgt_lang=lang,
        align=align,
        glossary=gloss,
        hyp_name=hyp_name,
        src_name=str(src),
    )
    qa = check_units(units, src_lang=src_lang if src else None, tgt_lang=lang, glossary=gloss)
    report = ScoreReport(
        hyp_info, ref_info, src_info, align, normalization_record(lang), metrics, pairs, qa, fail_on=fail_on
    )
    report.thresholds = _evaluate(thresholds, report)
    return report


def _check_language(code: str, option: str) -> None:
    """Refuse a language code xling has no data for (one line naming ``option`` and the known codes)."""
    from xling.lang import LANGUAGES

    if code not in LANGUAGES:
        raise InputError(f"{option} {code!r}: unknown language; use one of: {', '.join(LANGUAGES)}")


def _parse_thresholds(
    fail_under: str | None, fail_over: str | None, fail_on: str | None, *, have_ref: bool, have_terms: bool
) -> list[Threshold]:
    """The thresholds of ``--fail-under``/``--fail-over``, refused early when they cannot be computed."""
    from xling.score.thresholds import parse_thresholds

    if fail_on not in (None, "error", "warning"):
        raise InputError(f"--fail-on {fail_on!r}: use error or warning")
    thresholds = parse_thresholds(fail_under, kind="min") + parse_thresholds(fail_over, kind="max")
    for t in thresholds:
        if t.metric != "terms" and not have_ref:
            raise ScoreError(f"a threshold on {t.metric} needs a reference: give --ref REFERENCE")
        if t.metric == "terms" and not have_terms:
            raise ScoreError("--fail-under terms needs a term check: give --src SOURCE and keep a glossary")
    return thresholds


def _evaluate(thresholds: list[Threshold], report: ScoreReport) -> list[dict[str, Any]]:
    out = []
    for t in thresholds:
        if t.metric == "terms":
            terms = report.qa.terms_json()
            rate = terms and terms["success_rate"]
            if not isinstance(rate, (int, float)):
                raise ScoreError("--fail-under terms needs a term check: give --src SOURCE (and a glossary)")
            value = 100.0 * rate
        else:
            if report.metrics is None:
                raise ScoreError(f"a threshold on {t.metric} needs a reference: give --ref REFERENCE")
            value = report.metrics[t.metric].score
        out.append({"metric": t.metric, "kind": t.kind, "limit": t.limit, "value": value, "passed": t.passes(value)})
    return out
