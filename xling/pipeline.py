"""xling's main job: a source document through a list of stages to one text file per target
language and a ``.jsonl`` record of every segment.

Stages (each takes the segment list and the job, and returns the segment list)::

    segment    xling.text.segment.segment_text  source text → Segment(id, paragraph, source)
    normalize  xling.text.normalize              Segment.text = normalized source (+ edits recorded)
    protect    glossary enforcement hook         (pass-through until a glossary is given)
    translate  xling.mt (CTranslate2, pivot)     Segment.targets[lang]
    repair     glossary enforcement hook         (pass-through until a glossary is given)
    write      write_outputs                     DIR/<stem>.<lang>.txt + DIR/<stem>.jsonl

Segmentation runs on the raw input and normalization on each segment, so ``Segment.source``
is exactly the input's characters (the ``segment`` change record holds its ``start``/``end``
character offsets in the input) and normalization edits are offsets into the segment with any
line wraps joined by a space.

Glossary enforcement (issue 5) plugs in by setting :attr:`Job.protect` / :attr:`Job.repair`
(functions ``(segments, job) -> segments``); they run only when :attr:`Job.glossary` is set.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from xling.document import Segment
from xling.mt.argos import DEFAULT_MAX_BATCH_TOKENS
from xling.mt.engine import Engine, ProgressCallback

Stage = Callable[[list[Segment], "Job"], list[Segment]]


class Reporter(Protocol):
    """Where the pipeline reports progress and notices (the CLI passes a rich console one)."""

    def status(self, message: str) -> Any:
        """A context manager shown while a slow step (model loading) runs."""

    def warn(self, message: str) -> None:
        """A one-line notice, e.g. that a test model is in use."""

    def bar(self, label: str, total: int) -> ProgressCallback:
        """Start a progress bar of ``total`` segments; returns the advance callback."""


class QuietReporter:
    """A :class:`Reporter` that shows nothing and keeps notices in :attr:`notices`."""

    def __init__(self) -> None:
        self.notices: list[str] = []

    def status(self, message: str):
        from contextlib import nullcontext

        return nullcontext()

    def warn(self, message: str) -> None:
        self.notices.append(message)

    def bar(self, label: str, total: int) -> ProgressCallback:
        return lambda n: None


@dataclass
class Job:
    """What to translate and how.

    Attributes:
        from_code: source language code (``fa``).
        targets: target language codes, in output order (``["en", "ru", "ar"]``).
        beam_size: beam width; None = argostranslate's default (``ARGOS_BEAM_SIZE``, 4).
        engine: ``"argos"`` (CTranslate2 direct, batched) or ``"argos-native"`` (argostranslate's path).
        pivot: language used when no direct package exists (``en``).
        digits: normalization of digits sent to MT: ``"ascii"`` (default) or ``"keep"``.
        max_batch_tokens: CTranslate2 sub-batch size, in source tokens.
        join_lines: read single line breaks as wraps inside a sentence (hard-wrapped text);
            by default every line break ends a segment (see :func:`xling.text.segment.segment_text`).
        glossary: a termbase (:func:`xling.glossary.store.load_glossary`, or its YAML path)
            to enforce; None disables both hooks.
        protect / repair: the glossary enforcement stage functions; None = those of
            :mod:`xling.glossary.enforce`.
        reporter: progress and notices; default :class:`QuietReporter`.
        text: filled by :func:`translate_document`: the input text.
        routes: filled by :func:`plan`: target code → language path (``["fa", "en", "ru"]``).
        engines: filled by :func:`load_engines`: ``(from, to)`` leg → :class:`~xling.mt.engine.Engine`.
        legs_run: filled by :func:`translate_document`: the legs translated, in order.
    """

    from_code: str
    targets: list[str]
    beam_size: int | None = None
    engine: str = "argos"
    pivot: str = "en"
    digits: str = "ascii"
    max_batch_tokens: int = DEFAULT_MAX_BATCH_TOKENS
    join_lines: bool = False
    glossary: Any = None
    protect: Stage | None = None
    repair: Stage | None = None
    reporter: Reporter = field(default_factory=QuietReporter)
    # filled while running
    text: str = ""
    routes: dict[str, list[str]] = field(default_factory=dict)
    engines: dict[tuple[str, str], Engine] = field(default_factory=dict)
    legs_run: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class TranslatedDocument:
    """The result of :func:`translate_document`.

    Attributes:
        segments: every segment, in source order, with ``targets`` filled.
        targets: target codes in output order.
        routes: target → route (language codes, e.g. ``["fa", "en", "ru"]``).
        models: target → the models used along its route (``pair``, ``name``, ``version``, ``test_model``).
        legs_run: each (from, to) leg translated, in order; a leg shared by routes appears once.
    """

    segments: list[Segment]
    targets: list[str]
    routes: dict[str, list[str]]
    models: dict[str, list[dict[str, Any]]]
    legs_run: list[tuple[str, str]]

    def records(self) -> list[dict[str, Any]]:
        """One JSON-ready record per segment (the ``.jsonl`` lines)."""
        out = []
        for seg in self.segments:
            rec: dict[str, Any] = {
                "id": seg.id,
                "paragraph": seg.paragraph,
                "source": seg.source,
                "text": seg.text,
                "targets": {t: seg.targets.get(t, "") for t in self.targets},
                "models": self.models,
                "changes": seg.changes,
            }
            test = sorted(
                {
                    f"xling test model: {m['test_model']} {m['pair'].replace('-', '→')}"
                    for ms in self.models.values()
                    for m in ms
                    if m.get("test_model")
                }
            )
            if test:
                rec["test_models"] = test
            out.append(rec)
        return out


# ---------------------------------------------------------------------------------- stages


def segment_stage(segments: list[Segment], job: Job) -> list[Segment]:
    """Split :attr:`Job.text` into sentence segments with ``xling.text.segment.segment_text``."""
    from xling.text.segment import segment_text

    segments = []
    for i, sent in enumerate(segment_text(job.text, job.from_code, join_lines=job.join_lines)):
        seg = Segment(id=i, paragraph=sent.paragraph, source=sent.text, text=sent.one_line())
        seg.record("segment", start=sent.start, end=sent.end)
        segments.append(seg)
    return segments


def normalize_stage(segments: list[Segment], job: Job) -> list[Segment]:
    """Normalize each segment for MT (letters, ZWNJ, digits; see :mod:`xling.text.normalize`)."""
    from xling.text.normalize import normalize_with_edits

    for seg in segments:
        seg.text, edits = normalize_with_edits(seg.text, job.from_code, digits=job.digits)
        if edits:
            seg.record("normalize", edits=edits)
    return segments


def protect_stage(segments: list[Segment], job: Job) -> list[Segment]:
    """Hook for glossary term protection: runs :attr:`Job.protect` when a glossary is set
    (:func:`xling.glossary.enforce.protect_stage` when ``Job.protect`` is None)."""
    if job.glossary is None:
        return segments
    if isinstance(job.glossary, (str, os.PathLike)):
        from xling.glossary.store import load_glossary

        job.glossary = load_glossary(job.glossary)
    if job.protect is None:
        from xling.glossary.enforce import protect_stage as default

        job.protect = default
    return job.protect(segments, job)


def translate_stage(segments: list[Segment], job: Job) -> list[Segment]:
    """Translate every segment along each target's route, each leg in one batch and once only."""
    from xling.mt.pivot import run_routes

    texts = [s.text for s in segments]

    def progress(leg: tuple[str, str]) -> ProgressCallback:
        via = [t for t, r in job.routes.items() if t != leg[1] and leg in list(zip(r, r[1:]))]
        label = f"{leg[0]}→{leg[1]}" + (f" (pivot for {', '.join(via)})" if via else "")
        return job.reporter.bar(label, len(texts))

    outputs, job.legs_run = run_routes(texts, job.routes, job.engines, beam_size=job.beam_size, progress=progress)
    for i, seg in enumerate(segments):
        for target in job.targets:
            seg.targets[target] = " ".join(outputs[target][i].splitlines())
        seg.record(
            "translate",
            routes={t: "→".join(r) for t, r in job.routes.items()},
            legs=[f"{a}→{b}" for a, b in job.legs_run],
            engine=job.engine,
            beam_size=job.beam_size,
        )
    return segments


def repair_stage(segments: list[Segment], job: Job) -> list[Segment]:
    """Hook for glossary term repair: runs :attr:`Job.repair` when a glossary is set
    (:func:`xling.glossary.enforce.repair_stage` when ``Job.repair`` is None)."""
    if job.glossary is None:
        return segments
    if job.repair is None:
        from xling.glossary.enforce import repair_stage as default

        job.repair = default
    return job.repair(segments, job)


#: The stages in order; ``write`` is :func:`write_outputs`, run by the caller on the result.
STAGES: list[tuple[str, Stage]] = [
    ("segment", segment_stage),
    ("normalize", normalize_stage),
    ("protect", protect_stage),
    ("translate", translate_stage),
    ("repair", repair_stage),
]


# ---------------------------------------------------------------------------------- running


def use_glossary(job: Job, path: str | os.PathLike[str] | None = None) -> None:
    """Enforce a termbase in ``job``: load it (None = the shipped house glossary) and set the
    protect/repair stages of :mod:`xling.glossary.enforce`.

    Raises:
        GlossaryError: the glossary file is invalid.
    """
    from xling.glossary.enforce import protect_stage, repair_stage
    from xling.glossary.store import load_glossary

    job.glossary, job.protect, job.repair = load_glossary(path), protect_stage, repair_stage


def plan(job: Job) -> None:
    """Choose each target's route (direct or through the pivot) from the installed packages.

    Cheap (reads ``metadata.json`` files only): run it before reading or writing anything.

    Raises:
        ModelMissingError: a needed pair is not installed (exit status 2); the message names
            every missing pair and both ways to install it.
    """
    from xling.mt.pivot import plan_routes

    job.routes = plan_routes(job.from_code, job.targets, pivot=job.pivot)


def load_engines(job: Job) -> None:
    """Load one engine per distinct leg of the planned routes, with a status line each, and warn
    about xling test models ("xling test model: copy fa→en — output is a copy, not a translation").

    Raises:
        ModelMissingError / ModelError: a package is missing or cannot be loaded.
    """
    from xling.mt.argos import load_direct
    from xling.mt.pivot import legs_of

    if not job.routes:
        plan(job)
    for leg in legs_of(job.routes):
        if leg in job.engines:
            continue
        with job.reporter.status(f"Loading {leg[0]}→{leg[1]} model"):
            options = {"max_batch_tokens": job.max_batch_tokens} if job.engine == "argos" else {}
            engine = load_direct(*leg, engine=job.engine, **options)
        job.engines[leg] = engine
        for m in engine.models():
            if m.get("test_model"):
                what = (
                    "output is a copy, not a translation"
                    if m["test_model"] == "copy"
                    else "output is not a translation"
                )
                job.reporter.warn(f"xling test model: {m['test_model']} {leg[0]}→{leg[1]} — {what}")


def translate_document(text: str, job: Job) -> TranslatedDocument:
    """Run every stage of :data:`STAGES` over ``text`` (a whole document, LF line ends).

    Routes are planned and engines loaded first (:func:`plan`, :func:`load_engines`) unless done.

    Returns:
        The translated document; write it with :func:`write_outputs`.

    Raises:
        ModelMissingError / ModelError: see :func:`plan` and :func:`load_engines`.
    """
    load_engines(job)
    job.text = text
    segments: list[Segment] = []
    for _name, stage in STAGES:
        segments = stage(segments, job)
    models = {t: [m for leg in zip(r, r[1:]) for m in job.engines[leg].models()] for t, r in job.routes.items()}
    return TranslatedDocument(
        segments=segments,
        targets=list(job.targets),
        routes=dict(job.routes),
        models=models,
        legs_run=list(job.legs_run),
    )


# ---------------------------------------------------------------------------------- writing


def output_stem(path: str, from_code: str) -> str:
    """The stem of output names: the file name without ``.txt`` and a final ``.<from_code>``.

    ``examples/putin-sharaa-2025-10-15.fa.txt`` → ``putin-sharaa-2025-10-15``; ``-`` → ``stdin``.
    """
    if path == "-":
        return "stdin"
    name = Path(path).name
    stem = re.sub(r"\.(txt|text)$", "", name, flags=re.IGNORECASE)
    if stem.endswith(f".{from_code}") and len(stem) > len(from_code) + 1:
        stem = stem[: -len(from_code) - 1]
    return stem or "document"


def target_text(doc: TranslatedDocument, lang: str) -> str:
    """One target's text file: a segment a line, source order, a blank line between paragraphs."""
    lines: list[str] = []
    prev = None
    for seg in doc.segments:
        if prev is not None and seg.paragraph != prev:
            lines.append("")
        lines.append(seg.targets.get(lang, ""))
        prev = seg.paragraph
    return "".join(line + "\n" for line in lines)


def check_out_dir(out_dir: str | os.PathLike[str]) -> None:
    """Refuse an output folder that is, or lies under, an existing file, before any work is done.

    Raises:
        InputError: naming the file that is in the way.
    """
    from xling.errors import InputError

    p = Path(out_dir)
    for q in (p, *p.parents):
        if q.exists() or q.is_symlink():
            if not q.is_dir():
                raise InputError(f"{q}: is a file, not a folder; give --out-dir a folder (it is created if missing)")
            return


def write_outputs(
    doc: TranslatedDocument, out_dir: str | os.PathLike[str], stem: str, *, extra: dict[str, str] | None = None
) -> list[Path]:
    """Write ``DIR/<stem>.<lang>.txt`` for each target and ``DIR/<stem>.jsonl``, all or nothing.

    Args:
        extra: more files of the same group, as file name (inside ``out_dir``) → text, e.g. the
            ``<stem>.qa.json`` of ``xling translate --score``.

    Returns:
        The paths written (targets in order, then the ``.jsonl``, then ``extra`` in order).

    Raises:
        InputError: the folder cannot be created or written.
    """
    from xling.errors import InputError
    from xling.io import AtomicOutputs

    out = Path(out_dir)
    check_out_dir(out)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"{out}: cannot create output folder: {exc.strerror}") from None
    paths = [out / f"{stem}.{lang}.txt" for lang in doc.targets] + [out / f"{stem}.jsonl"]
    with AtomicOutputs() as group:
        for lang, path in zip(doc.targets, paths):
            with group.open(path) as fh:
                fh.write(target_text(doc, lang))
        with group.open(paths[-1]) as fh:
            for rec in doc.records():
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        for name, text in (extra or {}).items():
            paths.append(out / name)
            with group.open(paths[-1]) as fh:
                fh.write(text)
    return paths


def check_document(doc: TranslatedDocument, job: Job) -> dict[str, Any]:
    """Run xling's reference-free QA checks (:func:`xling.score.api.run_checks`) on each target.

    Segment i of every target is checked against source segment i (the pipeline keeps them
    1-1), laid out as in the written files (:func:`target_text`: a blank line between
    paragraphs), so an issue's ``line`` is its line in ``<stem>.<lang>.txt`` and the report is
    the one ``xling score <stem>.<lang>.txt --src`` gives with the source as split by
    ``xling segment``. Term checks use ``job.glossary`` when the glossary is on.

    Returns:
        Target code → :class:`xling.score.report.QAReport`.
    """
    from xling.score.api import run_checks

    def layout(texts: list[str]) -> list[str]:
        lines: list[str] = []
        for n, seg in enumerate(doc.segments):
            if n and seg.paragraph != doc.segments[n - 1].paragraph:
                lines.append("")
            lines.append(texts[n])
        return lines

    sources = layout([seg.source for seg in doc.segments])
    return {
        lang: run_checks(
            sources,
            layout([seg.targets.get(lang, "") for seg in doc.segments]),
            src_lang=job.from_code,
            tgt_lang=lang,
            glossary=job.glossary,
        )
        for lang in doc.targets
    }
