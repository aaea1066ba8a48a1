"""Python entry points of :mod:`xling.score` (the CLI ``xling score`` is a thin shell over these).

- :func:`run_checks`: reference-free QA on sources and hypotheses in memory (used by
  ``xling translate --score``).
- :func:`score_segments`: BLEU, chrF, chrF++ and TER of hypotheses against references in memory.
- :func:`score_files`: everything ``xling score`` does, from file names.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from xling.errors import EXIT_USAGE, InputError, ScoreError
from xling.score.qa.base import Context, Unit
from xling.score.report import QAReport, ScoreReport

if TYPE_CHECKING:  # pragma: no cover
    from xling.glossary.model import Glossary
    from xling.score.metrics import MetricScore
    from xling.score.pairing import Pair, Pairing
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
    hyp_lines: list[int] | None = None,
    notes: list[str] | None = None,
) -> list[Unit]:
    """The QA units: one per hypothesis segment without a source, else one per pair or bead.

    Without a source, every line but an empty one is a segment (a line of spaces is one, so the
    ``segment-empty`` warning can name it). The pairing note, if any, is appended to ``notes``.
    """
    from xling.score.pairing import pairing

    lines = hyp_lines or list(range(1, len(hypotheses) + 1))
    if sources is None:
        kept = [(n, h) for n, h in zip(lines, hypotheses) if h]
        return [Unit((i,), (), h, None, (n,)) for i, (n, h) in enumerate(kept)]
    result = pairing(
        hypotheses,
        sources,
        align=align,
        hyp_lang=tgt_lang,
        other_lang=src_lang,
        hyp_name=hyp_name,
        other_name=src_name,
        glossary=glossary,
        hyp_lines=lines,
    )
    if result.note and notes is not None:
        notes.append(result.note)
    return [
        Unit(p.hyp, p.other, p.hyp_text, p.other_text, p.hyp_lines, p.other_lines, p.other_texts) for p in result.pairs
    ]


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
        align: always pair sources and hypotheses with the sentence aligner.

    Returns:
        A :class:`~xling.score.report.QAReport`: check ids run, issues (stable ids, severity,
        0-based hypothesis/source segment ids), the TermReport when a glossary was given.

    Raises:
        InputError: ``src_lang`` or ``tgt_lang`` is not a language xling has data for.

    Blank lines are paragraph separators, not segments: an issue's ``hyp``/``src`` are segment
    ids (the ``.jsonl`` ids of ``xling translate`` output) and its ``line`` the line in the
    file. Sources and hypotheses with different segment counts are paired with the sentence
    aligner (see :mod:`xling.score.pairing`).
    """
    _check_language(src_lang, "src_lang")
    _check_language(tgt_lang, "tgt_lang")
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
        align: always pair by sentence alignment (beads; sentences of a bead joined with a space).

    Returns:
        ``(pairs, metrics)``: the :class:`~xling.score.pairing.Pair` list (raw text; blank
        paragraph-separator lines are not segments) and ``{name: MetricScore}`` (names of
        :data:`xling.score.metrics.METRICS`) whose ``segments`` follow ``pairs``. Segment
        counts that differ are paired with the sentence aligner (see
        :mod:`xling.score.pairing`).

    Raises:
        ScoreError: there is nothing to score.
    """
    from xling.score.pairing import pairing

    if not hypotheses or not references:
        raise ScoreError(f"{hyp_name if not hypotheses else ref_name}: no segments to score; give a non-empty file")
    result = pairing(
        hypotheses, references, align=align, hyp_lang=lang, other_lang=lang, hyp_name=hyp_name, other_name=ref_name
    )
    return result.pairs, score_pairs(result.pairs, lang, name=hyp_name)


def score_pairs(pairs: list[Pair], lang: str, *, name: str = "hypothesis") -> dict[str, MetricScore]:
    """Metrics over prepared ``pairs`` (:func:`xling.score.pairing.pairing`) after the scoring normalization.

    Raises:
        ScoreError: there is no pair to score.
    """
    from xling.score.metrics import compute_metrics
    from xling.score.normalization import normalize_for_scoring

    if not pairs:
        raise ScoreError(f"{name}: no segments to score; the hypothesis and the reference are blank")
    hyps = [normalize_for_scoring(p.hyp_text, lang) for p in pairs]
    refs = [normalize_for_scoring(p.other_text, lang) for p in pairs]
    return compute_metrics(hyps, refs, lang)


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
        hypothesis: path of the hypothesis, one segment a line (``-`` for standard input), or
            the ``.jsonl`` record of ``xling translate`` (hypothesis = each record's ``lang``
            target, source = its ``source``; line = the record's line, segment = its id).
        lang: hypothesis (target) language: en, ru or ar.
        ref: reference file, or ``None`` for the reference-free checks only.
        src: source file, enabling the checks that need it (numbers, untranslated-as-source,
            length ratio, terms); not with a ``.jsonl`` hypothesis, which carries its source.
            ``ref`` and ``src`` may be a translate ``.jsonl`` too (its ``lang`` targets, its
            sources), as may standard input (recognised by its first line).
        src_lang: the source language (default ``fa``).
        align: always align hypothesis with reference (and with source) by sentences; files
            whose segment counts differ are aligned anyway, with a note.
        glossary: ``"default"`` (the shipped house glossary), a path, or ``None`` for no term check.
        encoding: the encoding of the input files that are not valid UTF-8 (default: UTF-8 only).
        fail_under, fail_over: threshold specs (:mod:`xling.score.thresholds`).
        fail_on: ``"error"`` or ``"warning"``: a QA issue of that severity or worse makes
            ``report.passed`` False (``--fail-on``); ``None`` (default): QA issues never do.

    Returns:
        A :class:`~xling.score.report.ScoreReport`; ``report.passed`` is False when a threshold
        is not met; ``report.notes`` says when the aligner paired files it was not asked to.

    Raises:
        InputError, EncodingError: unreadable input, an unknown ``src_lang``, a ``.jsonl``
            that is not xling's record, or a bad threshold spec.
        ScoreError: a threshold on a score not computed; nothing to score; an empty ``ref``
            or ``src`` (a reference with no segment scored BLEU 0 with exit status 0).
    """
    from xling.score.normalization import normalization_record
    from xling.score.pairing import Pairing, segments_of

    _check_language(src_lang, "--src-lang")
    hyp = _read_hypothesis(hypothesis, lang=lang, src=src, src_lang=src_lang, encoding=encoding)
    have_src = hyp.sources is not None or src is not None
    thresholds = _parse_thresholds(
        fail_under, fail_over, fail_on, have_ref=ref is not None, have_terms=have_src and glossary is not None
    )
    notes: list[str] = []
    ref_info, scored, metrics = None, Pairing(), None
    if ref is not None:
        ref_info, scored, metrics = _score_reference(hyp, ref, lang=lang, align=align, encoding=encoding)
        notes.extend([scored.note] if scored.note else [])
    src_info, qa = _check_hypothesis(
        hyp, src, src_lang=src_lang, lang=lang, align=align, glossary=glossary, encoding=encoding, notes=notes
    )
    hyp_info = {"path": hyp.name, "lang": lang, "segments": len(segments_of(hyp.texts)[0])}
    aligned = align or scored.aligned or bool(notes)
    report = ScoreReport(
        hyp_info, ref_info, src_info, aligned, normalization_record(lang), metrics, scored.pairs, qa, fail_on=fail_on
    )
    report.notes = notes
    report.thresholds = _evaluate(thresholds, report)
    return report


@dataclass
class _Hypothesis:
    """The hypothesis as read: its lines (or a .jsonl's targets), their file lines, a source if the file has one."""

    name: str
    texts: list[str]
    lines: list[int]
    sources: list[str] | None = None


def _check_hypothesis(
    hyp: _Hypothesis,
    src: str | None,
    *,
    src_lang: str,
    lang: str,
    align: bool,
    glossary: str | None,
    encoding: str | None,
    notes: list[str],
) -> tuple[dict[str, Any] | None, QAReport]:
    """The QA checks of ``hyp`` against ``src`` (or the .jsonl's sources): ``(source info, QA report)``."""
    from xling.score.pairing import segments_of

    sources = hyp.sources if src is None else _read(src, encoding)
    if src is not None and sources is not None and not segments_of(sources)[0]:
        raise ScoreError(f"{src}: the source has no segments (empty file); give the source text")
    gloss = _resolve_glossary(glossary) if sources is not None else None
    src_info = None
    if sources is not None:
        src_info = {"path": str(src or hyp.name), "lang": src_lang, "segments": len(segments_of(sources)[0])}
    units = _units(
        sources,
        hyp.texts,
        src_lang=src_lang,
        tgt_lang=lang,
        align=align,
        glossary=gloss,
        hyp_name=hyp.name,
        src_name=str(src or hyp.name),
        hyp_lines=hyp.lines,
        notes=notes,
    )
    return src_info, check_units(
        units, src_lang=src_lang if sources is not None else None, tgt_lang=lang, glossary=gloss
    )


def _score_reference(
    hyp: _Hypothesis, ref: str, *, lang: str, align: bool, encoding: str | None
) -> tuple[dict[str, Any], Pairing, dict[str, MetricScore]]:
    """Read ``ref``, pair it with the hypothesis and score: ``(reference info, pairing, metrics)``."""
    from xling.score.pairing import pairing, segments_of

    refs = _read(ref, encoding, lang=lang)
    info = {"path": str(ref), "lang": lang, "segments": len(segments_of(refs)[0])}
    if not info["segments"]:
        raise ScoreError(f"{ref}: the reference has no segments (empty file); give the reference translation")
    scored = pairing(
        hyp.texts,
        refs,
        align=align,
        hyp_lang=lang,
        other_lang=lang,
        hyp_name=hyp.name,
        other_name=str(ref),
        hyp_lines=hyp.lines,
    )
    return info, scored, score_pairs(scored.pairs, lang, name=hyp.name)


def _read_input(path: str, encoding: str | None) -> tuple[str, list[str], list[dict[str, Any]] | None]:
    """The one reader of every score input (hypothesis, ``--ref``, ``--src``): ``(name, lines,
    records)``. ``records`` are the segment records (:func:`xling.report.records.parse_records`)
    when the input is a ``.jsonl`` of ``xling translate``: named ``*.jsonl``, or standard input
    that opens with a record (:func:`~xling.report.records.looks_like_records`); else ``None``."""
    from xling.io import read_text, text_lines
    from xling.report.records import looks_like_records, parse_records

    name = "<stdin>" if str(path) == "-" else str(path)
    text = read_text(path, encoding=encoding, utf8_first=True)
    if not (name.endswith(".jsonl") or (name == "<stdin>" and looks_like_records(text))):
        return name, text_lines(text), None
    records = parse_records(text, name)
    if not records:
        raise InputError(f"{name}: no segment records; give the .jsonl that xling translate writes")
    return name, [], records


def _read(path: str, encoding: str | None, *, lang: str | None = None) -> list[str]:
    """The segments of a ``--src`` (``lang`` None: a ``.jsonl``'s sources) or ``--ref`` (a
    ``.jsonl``'s ``lang`` targets) input, one a line (see :func:`_read_input`; segments joined
    by the TM as one: :func:`xling.formats.roundtrip.own_lines`)."""
    from xling.formats.roundtrip import checked_sources, own_lines

    name, lines, records = _read_input(path, encoding)
    if records is None:
        return lines
    if lang is None:
        return checked_sources(records)
    targets = _targets(records, name, lang)
    return [targets[n] for n in own_lines(records)]


def _targets(records: list[dict[str, Any]], name: str, lang: str) -> list[str]:
    """The ``lang`` target of every record (one-line error naming the first record without it)."""
    missing = [n for n, rec in enumerate(records, 1) if lang not in rec["targets"]]
    if missing:
        have = ", ".join(records[missing[0] - 1]["targets"]) or "none"
        raise InputError(f"{name}:{missing[0]}: no {lang} target (this record has: {have}); give --to one of those")
    return [rec["targets"][lang] for rec in records]


def _read_hypothesis(path: str, *, lang: str, src: str | None, src_lang: str, encoding: str | None) -> _Hypothesis:
    """Read a hypothesis file, or the ``lang`` targets and the sources of a translate ``.jsonl``."""
    name, texts, records = _read_input(path, encoding)
    if records is None:
        return _Hypothesis(name, texts, list(range(1, len(texts) + 1)))
    if src is not None:
        raise InputError(f"--src {src}: {name} carries the source of each segment; drop --src")
    from xling.formats.roundtrip import checked_sources, own_lines  # segments joined by the TM (issue 13)

    kept = own_lines(records)
    targets = _targets(records, name, lang)
    return _Hypothesis(name, [targets[n] for n in kept], [n + 1 for n in kept], checked_sources(records))


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
    for t in thresholds:  # an option the threshold needs is missing: a usage error (exit 2)
        if t.metric != "terms" and not have_ref:
            raise ScoreError(f"a threshold on {t.metric} needs a reference: give --ref REFERENCE", exit_code=EXIT_USAGE)
        if t.metric == "terms" and not have_terms:
            raise ScoreError(
                "--fail-under terms needs a term check: give --src SOURCE and keep a glossary", exit_code=EXIT_USAGE
            )
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
