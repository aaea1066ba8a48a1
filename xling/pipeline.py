"""xling's main job: a source document through a list of stages to one text file per target
language and a ``.jsonl`` record of every segment.

Three objects, kept apart:

- :class:`TranslateConfig` (frozen): *what* to do: languages, engine, beam, batch size,
  glossary. Build it once; it never changes while a run goes on.
- :class:`Session`: what a run *loads*, once, at the edge: the termbase
  (:attr:`Session.glossary`, a :class:`~xling.glossary.model.Glossary` or None), the routes
  (target → language path) and the engines (one per leg). Reuse one session for many documents
  (corpus runs load each model once).
- :class:`StageContext`: one document's run state, handed to every stage: the session, the
  input text, the legs run, the term reports, the reporter.

Stages (each a function ``(segments, ctx) -> segments``; :data:`STAGES` in order)::

    segment    xling.text.segment.segment_text   source text → Segment(id, paragraph, source)
    normalize  xling.text.normalize               Segment.text = normalized source (+ edits recorded)
    protect    xling.glossary.enforce.protect_stage   terms → placeholders (Segment.protected)
    translate  xling.mt (CTranslate2, pivot)      Segment.targets[lang]
    repair     xling.glossary.enforce.repair_stage    restore, fall back, repair, term check
    write      write_outputs                      DIR/<stem>.<lang>.txt + DIR/<stem>.jsonl (+ outputs)

The glossary stages run only when the session has a glossary; their defaults live in
:data:`STAGES` and nowhere else. Segmentation runs on the raw input and normalization on each
segment, so ``Segment.source`` is exactly the input's characters (the ``segment`` change record
holds its ``start``/``end`` character offsets in the input) and normalization edits are offsets
into the segment with any line wraps joined by a space.

A stage reads its input from the typed fields of :class:`~xling.document.Segment` (``text``,
``protected``, ``targets``) and of the context; ``Segment.changes`` is the record written to
the ``.jsonl`` and is never read back by a stage.

Plugging in
-----------
- **A stage** (a translation-memory lookup, say): write ``def tm_stage(segments, ctx) ->
  segments`` and pass ``stages=[*STAGES[:3], ("tm", tm_stage), *STAGES[3:]]`` to
  :func:`run_document` / :func:`translate_file`. Record what it did with
  ``seg.record("tm", ...)``; keep the data other stages need in typed fields.
- **An output** (XLIFF, an HTML report): write ``def xliff_output(doc, stem) -> dict[str,
  str]`` returning file name → text, and pass ``outputs=[xliff_output]`` to
  :func:`translate_file`: the files join the all-or-nothing group of ``write_outputs``.
- **An engine**: anything implementing :class:`xling.mt.engine.Engine`; put it in
  ``Session.engines`` for its leg (``Session(config, routes=..., engines=...)``).

Python API (as the CLI runs it)::

    import xling
    doc = xling.translate_document(text, from_code="fa", targets=["en", "ru"])
    result = xling.translate_file("doc.fa.txt", "out", xling.TranslateConfig("fa", ("en",)))
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from xling.document import Segment
from xling.mt.argos import DEFAULT_MAX_BATCH_TOKENS
from xling.mt.engine import Engine, ProgressCallback

if TYPE_CHECKING:  # pragma: no cover
    from xling.glossary.check import TermReport
    from xling.glossary.model import Glossary
    from xling.mt.plan import Plan
    from xling.score.report import QAReport

Leg = tuple[str, str]
Stage = Callable[[list[Segment], "StageContext"], list[Segment]]
#: An extra output: ``(document, stem) -> {file name inside the output folder: text}``.
OutputWriter = Callable[["TranslatedDocument", str], dict[str, str]]

#: ``TranslateConfig.glossary`` value naming the shipped house glossary.
HOUSE_GLOSSARY = "default"


class Reporter(Protocol):
    """Where the pipeline reports progress and notices (the CLI passes a rich console one)."""

    def status(self, message: str) -> AbstractContextManager[Any]:
        """A context manager shown while a slow step (model loading) runs."""

    def warn(self, message: str) -> None:
        """A one-line notice, e.g. that a test model is in use."""

    def bars(self) -> AbstractContextManager[Any]:
        """A context manager inside which :meth:`bar` shows progress."""

    def bar(self, label: str, total: int) -> ProgressCallback:
        """Start a progress bar of ``total`` segments; returns the advance callback."""


class QuietReporter:
    """A :class:`Reporter` that shows nothing and keeps notices in :attr:`notices`."""

    def __init__(self) -> None:
        self.notices: list[str] = []

    def status(self, message: str) -> AbstractContextManager[Any]:
        return nullcontext()

    def warn(self, message: str) -> None:
        self.notices.append(message)

    def bars(self) -> AbstractContextManager[Any]:
        return nullcontext()

    def bar(self, label: str, total: int) -> ProgressCallback:
        return lambda n: None


@dataclass(frozen=True)
class TranslateConfig:
    """What to translate and how (frozen: run state lives in :class:`Session` / :class:`StageContext`).

    Attributes:
        from_code: source language code (``fa``).
        targets: target language codes, in output order (``("en", "ru", "ar")``; a list is
            turned into a tuple).
        beam_size: beam width; None = the engine's default (argostranslate's ``ARGOS_BEAM_SIZE``, 4).
        engine: the engine kind of every leg (:data:`xling.mt.routes.ENGINE_KINDS`: ``"argos"``,
            CTranslate2 direct, batched; ``"argos-native"``, argostranslate's path; ``"opus-mt"``,
            ``"nllb"``, ``"m2m100"``, model folders), or None: per target from ``routes``, else
            automatically (a direct model of any kind, else through the pivot; see :mod:`xling.mt.plan`).
        routes: a routes config file (``xling.toml``; see :mod:`xling.mt.routes`), used when
            ``engine`` is None.
        pivot: language used when no direct model exists (``en``).
        digits: normalization of digits sent to MT: ``"ascii"`` (default) or ``"keep"``.
        max_batch_tokens: CTranslate2 sub-batch size, in source tokens.
        join_lines: read single line breaks as wraps inside a sentence (hard-wrapped text);
            by default every line break ends a segment (see :func:`xling.text.segment.segment_text`).
        glossary: the termbase to enforce: a :class:`~xling.glossary.model.Glossary`, a YAML
            path, :data:`HOUSE_GLOSSARY` (``"default"``: the shipped house glossary), or None
            (no protect/repair stages). Loaded once, by :meth:`Session.open`.
        threads: CTranslate2 CPU threads per model (None: all cores); corpus runs with several
            workers share the cores out. Outputs do not depend on it.
    """

    from_code: str
    targets: tuple[str, ...]
    beam_size: int | None = None
    engine: str | None = "argos"
    routes: str | None = None
    pivot: str = "en"
    digits: str = "ascii"
    max_batch_tokens: int = DEFAULT_MAX_BATCH_TOKENS
    join_lines: bool = False
    glossary: Any = None
    threads: int | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "targets", tuple(self.targets))


#: The name scripts written before the redesign use (``Job(from_code=..., targets=[...])``).
Job = TranslateConfig


def load_glossary_setting(glossary: Any) -> Glossary | None:
    """Resolve :attr:`TranslateConfig.glossary` to a loaded termbase (None stays None), through
    :func:`xling.glossary.store.resolve_glossary`, the one reading of a glossary option.

    Raises:
        GlossaryError: the glossary file is invalid.
    """
    if glossary is None:
        return None
    from xling.glossary.store import resolve_glossary

    return resolve_glossary(None if isinstance(glossary, str) and glossary == HOUSE_GLOSSARY else glossary)


@dataclass
class Session:
    """What a run loads once and may reuse for many documents.

    Attributes:
        config: the settings.
        glossary: the loaded termbase, or None (the glossary stages are skipped).
        routes: target code → language path (``["fa", "en", "ru"]``), from the plan.
        engines: ``(from, to)`` leg → loaded :class:`~xling.mt.engine.Engine`; filled by
            :meth:`load_engines` (or given, e.g. by tests or a batch worker).
        plan: each leg's engine kind and model (:func:`xling.mt.plan.plan_translation`); None
            when the session was given its routes and engines.
    """

    config: TranslateConfig
    glossary: Glossary | None = None
    routes: dict[str, list[str]] = field(default_factory=dict)
    engines: dict[Leg, Engine] = field(default_factory=dict)
    plan: Plan | None = None

    @classmethod
    def open(cls, config: TranslateConfig) -> Session:
        """Plan the routes and load the glossary; cheap (no model is loaded): run it first.

        Raises:
            ModelMissingError: a needed pair is not installed (exit status 2); the message names
                every missing pair and both ways to install it.
            InputError: the routes config is invalid (file, line and fix).
            GlossaryError: the glossary file is invalid.
        """
        from xling.mt.plan import plan_translation
        from xling.mt.routes import read_routes_config

        routes_config = read_routes_config(config.routes) if config.routes and not config.engine else None
        plan = plan_translation(
            config.from_code, list(config.targets), engine=config.engine, config=routes_config, pivot=config.pivot
        )
        return cls(config, load_glossary_setting(config.glossary), dict(plan.routes), plan=plan)

    def engine_label(self) -> str | None:
        """The ``engine`` of the ``.jsonl`` translate record: the configured kind, else the one kind
        every leg uses, else ``"routes"`` (each leg's kind is in the ``models`` entries)."""
        if self.config.engine or self.plan is None:
            return self.config.engine
        kinds = {leg.kind for leg in self.plan.legs.values()}
        return kinds.pop() if len(kinds) == 1 else "routes"

    def load_engines(self, reporter: Reporter | None = None) -> None:
        """Load one engine per distinct leg of the routes not loaded yet, with a status line
        each, and warn about xling test models ("xling test model: copy fa→en — output is a
        copy, not a translation").

        Raises:
            ModelMissingError / ModelError: a package is missing or cannot be loaded.
        """
        from xling.mt.argos import load_direct
        from xling.mt.pivot import legs_of
        from xling.mt.plan import load_leg

        reporter = reporter or QuietReporter()
        cfg = self.config
        for leg in legs_of(self.routes):
            if leg in self.engines:
                continue
            planned = self.plan.legs.get(leg) if self.plan else None
            kind = planned.kind if planned else cfg.engine or "argos"
            with reporter.status(f"Loading {leg[0]}→{leg[1]} model"):
                options: dict[str, Any] = {}
                if kind != "argos-native":
                    options = {"max_batch_tokens": cfg.max_batch_tokens, "threads": cfg.threads}
                engine = load_leg(planned, **options) if planned else load_direct(*leg, engine=kind, **options)
            self.engines[leg] = engine
            for m in engine.models():
                if m.get("test_model"):
                    what = (
                        "output is a copy, not a translation"
                        if m["test_model"] == "copy"
                        else "output is not a translation"
                    )
                    reporter.warn(f"xling test model: {m['test_model']} {leg[0]}→{leg[1]} — {what}")

    def models(self) -> dict[str, list[dict[str, Any]]]:
        """Target → the models along its route (``pair``, ``name``, ``version``, ``test_model``)."""
        return {t: [m for leg in zip(r, r[1:]) for m in self.engines[leg].models()] for t, r in self.routes.items()}


@dataclass
class StageContext:
    """One document's run state, the typed context every stage receives.

    Attributes:
        session: settings, glossary, routes and engines (shared by documents).
        text: the input document (LF line ends).
        reporter: progress and notices.
        legs_run: the legs translated by the translate stage, in order.
        term_reports: target → :class:`~xling.glossary.check.TermReport` of the final
            output, filled by the repair stage (the one term check of a run).
    """

    session: Session
    text: str
    reporter: Reporter = field(default_factory=QuietReporter)
    legs_run: list[Leg] = field(default_factory=list)
    term_reports: dict[str, TermReport] = field(default_factory=dict)

    @property
    def config(self) -> TranslateConfig:
        """The run's settings."""
        return self.session.config

    @property
    def glossary(self) -> Glossary | None:
        """The loaded termbase, or None."""
        return self.session.glossary

    def translate(
        self, texts: list[str], targets: Sequence[str], progress: Callable[[Leg], ProgressCallback | None] | None = None
    ) -> dict[str, list[str]]:
        """Translate ``texts`` along each target's route, each distinct leg in one batch and once.

        Returns:
            Target code → one output per text (line breaks inside an output joined by spaces).
        """
        from xling.mt.pivot import run_routes

        routes = {t: self.session.routes[t] for t in targets}
        outputs, ran = run_routes(
            texts, routes, self.session.engines, beam_size=self.config.beam_size, progress=progress
        )
        self.legs_run.extend(leg for leg in ran if leg not in self.legs_run)
        return {t: [" ".join(o.splitlines()) for o in outputs[t]] for t in targets}


@dataclass
class TranslatedDocument:
    """The result of :func:`run_document`.

    Attributes:
        segments: every segment, in source order, with ``targets`` filled.
        from_code: the source language.
        targets: target codes in output order.
        routes: target → route (language codes, e.g. ``["fa", "en", "ru"]``).
        models: target → the models used along its route (``pair``, ``name``, ``version``, ``test_model``).
        legs_run: each (from, to) leg translated, in order; a leg shared by routes appears once.
        term_reports: target → term check of the output (empty without a glossary).
    """

    segments: list[Segment]
    targets: list[str]
    routes: dict[str, list[str]]
    models: dict[str, list[dict[str, Any]]]
    legs_run: list[Leg]
    from_code: str = ""
    term_reports: dict[str, TermReport] = field(default_factory=dict)

    def records(self) -> list[dict[str, Any]]:
        """One JSON-ready record per segment (the ``.jsonl`` lines)."""
        test = sorted(
            {
                f"xling test model: {m['test_model']} {m['pair'].replace('-', '→')}"
                for ms in self.models.values()
                for m in ms
                if m.get("test_model")
            }
        )
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
                **seg.fields,
            }
            if test:
                rec["test_models"] = test
            out.append(rec)
        return out


# ---------------------------------------------------------------------------------- stages


def segment_stage(segments: list[Segment], ctx: StageContext) -> list[Segment]:
    """Split :attr:`StageContext.text` into sentence segments with ``xling.text.segment.segment_text``."""
    from xling.text.segment import segment_text

    segments = []
    for i, sent in enumerate(segment_text(ctx.text, ctx.config.from_code, join_lines=ctx.config.join_lines)):
        seg = Segment(id=i, paragraph=sent.paragraph, source=sent.text, text=sent.one_line())
        seg.record("segment", start=sent.start, end=sent.end)
        segments.append(seg)
    return segments


def normalize_stage(segments: list[Segment], ctx: StageContext) -> list[Segment]:
    """Normalize each segment for MT (letters, ZWNJ, digits; see :mod:`xling.text.normalize`)."""
    from xling.text.normalize import normalize_with_edits

    for seg in segments:
        seg.text, edits = normalize_with_edits(seg.text, ctx.config.from_code, digits=ctx.config.digits)
        if edits:
            seg.record("normalize", edits=edits)
    return segments


def protect_stage(segments: list[Segment], ctx: StageContext) -> list[Segment]:
    """Glossary term protection (:func:`xling.glossary.enforce.protect_stage`) when the session has a glossary."""
    if ctx.glossary is None:
        return segments
    from xling.glossary.enforce import protect_stage as protect

    return protect(segments, ctx)


def translate_stage(segments: list[Segment], ctx: StageContext) -> list[Segment]:
    """Translate every segment along each target's route, each leg in one batch and once only."""
    return translate_stage_many([(segments, ctx)])[0]


def translate_stage_many(docs: Sequence[tuple[list[Segment], StageContext]]) -> list[list[Segment]]:
    """The translate stage over several documents at once: the segments of every document go
    through each leg in ONE engine batch (CTranslate2 sorts them by length and sub-batches
    them in tokens), then each document's segments get their outputs and ``translate`` record
    exactly as a single-document run gives them. All contexts must share one session.

    Args:
        docs: ``(segments, context)`` per document, in order.

    Returns:
        The segments of each document, in the same order, with ``targets`` filled.
    """
    if not docs:
        return []
    ctx = docs[0][1]
    routes = ctx.session.routes
    total = sum(len(segs) for segs, _ in docs)

    def progress(leg: Leg) -> ProgressCallback:
        via = [t for t, r in routes.items() if t != leg[1] and leg in list(zip(r, r[1:]))]
        label = f"{leg[0]}→{leg[1]}" + (f" (pivot for {', '.join(via)})" if via else "")
        return ctx.reporter.bar(label, total)

    outputs = ctx.translate([s.text for segs, _ in docs for s in segs], ctx.config.targets, progress)
    start = 0
    for segments, other in docs:
        if other is not ctx:
            other.legs_run[:] = ctx.legs_run
        for i, seg in enumerate(segments, start):
            for target in other.config.targets:
                seg.targets[target] = outputs[target][i]
            seg.record(
                "translate",
                routes={t: "→".join(r) for t, r in routes.items()},
                legs=[f"{a}→{b}" for a, b in other.legs_run],
                engine=other.session.engine_label(),
                beam_size=other.config.beam_size,
            )
        start += len(segments)
    return [segs for segs, _ in docs]


def repair_stage(segments: list[Segment], ctx: StageContext) -> list[Segment]:
    """Glossary restore/repair and the term check (:func:`xling.glossary.enforce.repair_stage`)
    when the session has a glossary."""
    if ctx.glossary is None:
        return segments
    from xling.glossary.enforce import repair_stage as repair

    return repair(segments, ctx)


#: The stages in order, as (name, function); ``write`` is :func:`write_outputs`, run on the result.
STAGES: list[tuple[str, Stage]] = [
    ("segment", segment_stage),
    ("normalize", normalize_stage),
    ("protect", protect_stage),
    ("translate", translate_stage),
    ("repair", repair_stage),
]


# ---------------------------------------------------------------------------------- running


def run_document(
    text: str,
    session: Session,
    *,
    reporter: Reporter | None = None,
    stages: Sequence[tuple[str, Stage]] | None = None,
) -> TranslatedDocument:
    """Run ``stages`` (default :data:`STAGES`) over ``text`` (a whole document, LF line ends).

    The session's engines are loaded first where missing (:meth:`Session.load_engines`).

    Returns:
        The translated document; write it with :func:`write_outputs`.

    Raises:
        ModelMissingError / ModelError: a package is missing or cannot be loaded or run.
    """
    return run_documents([text], session, reporter=reporter, stages=stages)[0]


#: Stages that can run over several documents in one call (one engine batch for all of them).
BATCHED_STAGES: dict[Stage, Callable[[Sequence[tuple[list[Segment], StageContext]]], list[list[Segment]]]] = {
    translate_stage: translate_stage_many,
}


def run_documents(
    texts: Sequence[str],
    session: Session,
    *,
    reporter: Reporter | None = None,
    stages: Sequence[tuple[str, Stage]] | None = None,
) -> list[TranslatedDocument]:
    """Run ``stages`` over several documents with one session: each stage runs document by
    document, except those in :data:`BATCHED_STAGES` (translation), which take the segments of
    all documents in one engine batch. Each result equals :func:`run_document` on that text
    alone (corpus runs rely on it: ``xling batch translate`` is byte-identical to
    ``xling translate``).

    Args:
        texts: the documents (LF line ends), in order.
        session: settings, glossary, routes and (loaded here where missing) engines.

    Returns:
        One :class:`TranslatedDocument` per text, in order.

    Raises:
        ModelMissingError / ModelError: a package is missing or cannot be loaded or run.
    """
    reporter = reporter or QuietReporter()
    contexts = [StageContext(session, text, reporter) for text in texts]
    session.load_engines(reporter)
    segments: list[list[Segment]] = [[] for _ in texts]
    for _name, stage in stages if stages is not None else STAGES:
        many = BATCHED_STAGES.get(stage)
        if many is not None and contexts:
            segments = many(list(zip(segments, contexts)))
        else:
            segments = [stage(segs, ctx) for segs, ctx in zip(segments, contexts)]
    return [
        TranslatedDocument(
            segments=segs,
            targets=list(session.config.targets),
            routes=dict(session.routes),
            models=session.models(),
            legs_run=list(ctx.legs_run),
            from_code=session.config.from_code,
            term_reports=dict(ctx.term_reports),
        )
        for segs, ctx in zip(segments, contexts)
    ]


def translate_document(
    text: str,
    config: TranslateConfig | None = None,
    *,
    session: Session | None = None,
    reporter: Reporter | None = None,
    **settings: Any,
) -> TranslatedDocument:
    """Translate one document's text (the Python API; nothing is written).

    Args:
        text: the document, paragraphs separated by blank lines (LF line ends).
        config: the settings; or give them as keywords (``from_code="fa", targets=["en"]``,
            the fields of :class:`TranslateConfig`).
        session: a session to reuse (its engines stay loaded); default :meth:`Session.open`.
        reporter: progress and notices (default: none shown).

    Returns:
        :class:`TranslatedDocument` (``.segments``, ``.records()``, ``.term_reports``).

    Raises:
        ModelMissingError / ModelError / GlossaryError: see :meth:`Session.open`.
    """
    if session is None:
        session = Session.open(config if config is not None else TranslateConfig(**settings))
    return run_document(text, session, reporter=reporter)


@dataclass
class FileResult:
    """What :func:`translate_file` did.

    Attributes:
        document: the translated document.
        paths: the files written (targets in order, the ``.jsonl``, then extra outputs).
        qa: target → :class:`~xling.score.report.QAReport` when ``score`` was asked, else empty.
    """

    document: TranslatedDocument
    paths: list[Path]
    qa: dict[str, QAReport] = field(default_factory=dict)


def translate_file(
    path: str | os.PathLike[str],
    out_dir: str | os.PathLike[str],
    config: TranslateConfig,
    *,
    encoding: str | None = None,
    score: bool = False,
    outputs: Sequence[OutputWriter] = (),
    extra: dict[str, str] | None = None,
    reporter: Reporter | None = None,
    session: Session | None = None,
    stages: Sequence[tuple[str, Stage]] | None = None,
) -> FileResult:
    """The run of ``xling translate`` (and of ``python -m xling.demo``): one file to ``out_dir``.

    Order: plan routes and load the glossary (cheap checks first: a missing model is exit 2
    before anything is read), check the output folder, read the input, load the models,
    run the stages, QA when ``score``, write every output together.

    Args:
        path: the input file, or ``-`` for standard input.
        out_dir: the output folder (created if missing).
        config: the settings.
        encoding: input encoding (None = UTF-8; see :func:`xling.io.read_text`).
        score: run the reference-free QA checks and write ``<stem>.qa.json``.
        outputs: extra output writers (see :data:`OutputWriter`), written in the same group.
        extra: more files of the same group, file name → text.
        reporter: progress and notices.
        session: reuse a session (default: :meth:`Session.open`).
        stages: default :data:`STAGES`.

    Raises:
        XlingError: any bad input, missing model or unwritable output (nothing is written).
    """
    from xling.io import read_text

    reporter = reporter or QuietReporter()
    session = session or Session.open(config)
    check_out_dir(out_dir)
    text = read_text(path, encoding=encoding)
    session.load_engines(reporter)
    with reporter.bars():
        doc = run_document(text, session, reporter=reporter, stages=stages)
    stem = output_stem(str(path), config.from_code)
    return finish_document(doc, out_dir, stem, session, score=score, outputs=outputs, extra=extra)


def finish_document(
    doc: TranslatedDocument,
    out_dir: str | os.PathLike[str],
    stem: str,
    session: Session,
    *,
    score: bool = False,
    outputs: Sequence[OutputWriter] = (),
    extra: dict[str, str] | None = None,
) -> FileResult:
    """The last step of :func:`translate_file` (and of each document of a corpus run): QA when
    ``score``, the extra outputs, then every file of ``stem`` written together.

    Raises:
        InputError: the folder cannot be created or written (nothing is written).
    """
    files = dict(extra or {})
    qa: dict[str, QAReport] = {}
    if score:
        qa = check_document(doc, glossary=session.glossary)
        files[f"{stem}.qa.json"] = (
            json.dumps({lang: rep.to_json() for lang, rep in qa.items()}, ensure_ascii=False, indent=1) + "\n"
        )
    for writer in outputs:
        files.update(writer(doc, stem))
    return FileResult(doc, write_outputs(doc, out_dir, stem, extra=files), qa)


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


def paragraph_layout(segments: Sequence[Segment], texts: Sequence[str]) -> list[str]:
    """The lines of a one-segment-a-line file: ``texts[i]`` for segment i, in order, with a
    blank line where the paragraph number changes (the layout of every text output)."""
    lines: list[str] = []
    for n, seg in enumerate(segments):
        if n and seg.paragraph != segments[n - 1].paragraph:
            lines.append("")
        lines.append(texts[n])
    return lines


def target_text(doc: TranslatedDocument, lang: str) -> str:
    """One target's text file: a segment a line, source order, a blank line between paragraphs."""
    lines = paragraph_layout(doc.segments, [seg.targets.get(lang, "") for seg in doc.segments])
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


def check_document(doc: TranslatedDocument, *, glossary: Glossary | None = None) -> dict[str, QAReport]:
    """Run xling's reference-free QA checks (:func:`xling.score.api.run_checks`) on each target.

    Segment i of every target is checked against source segment i (the pipeline keeps them
    1-1), laid out as in the written files (:func:`paragraph_layout`: a blank line between
    paragraphs), so an issue's ``line`` is its line in ``<stem>.<lang>.txt`` and the report is
    the one ``xling score <stem>.<lang>.txt --src`` gives with the source as split by
    ``xling segment``. Term checks use ``glossary`` when given.

    Returns:
        Target code → :class:`xling.score.report.QAReport`.
    """
    from xling.score.api import run_checks

    sources = paragraph_layout(doc.segments, [seg.source for seg in doc.segments])
    return {
        lang: run_checks(
            sources,
            paragraph_layout(doc.segments, [seg.targets.get(lang, "") for seg in doc.segments]),
            src_lang=doc.from_code,
            tgt_lang=lang,
            glossary=glossary,
        )
        for lang in doc.targets
    }
