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
import logging
import os
import re
import threading
import time
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

#: One INFO line per stage and per translated leg, with counts and rates (the CLI shows them on
#: standard error when it is not a terminal; ``--quiet`` silences them).
log = logging.getLogger("xling.pipeline")


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


def check_language_codes(config: TranslateConfig) -> None:
    """Refuse a language code xling does not know: not one of :data:`xling.lang.LANGUAGES` and
    not a language of an installed model (Argos package or model folder); ``--to ruu`` said
    "install en→ruu".

    Raises:
        UsageError: naming the option, the code and the known codes (exit status 2).
    """
    from xling.errors import UsageError
    from xling.lang import LANGUAGES
    from xling.mt.folder import installed_models
    from xling.mt.packages import installed_packages

    known = set(LANGUAGES) | {c for p in installed_packages() for c in (p.from_code, p.to_code)}
    known |= {c for m in installed_models() for c in (*m.sources, *m.targets)}
    for option, codes in (("--from", [config.from_code]), ("--to", config.targets), ("--pivot", [config.pivot])):
        for code in codes:
            if code not in known:
                raise UsageError(
                    f"{option} {code!r}: unknown language code; use an ISO 639-1 code xling knows "
                    f"({', '.join(sorted(known))})"
                )


def check_glossary_valid(glossary: Glossary, where: Any) -> None:
    """Refuse a termbase that ``xling glossary validate`` rejects (a dangling cross-reference, a
    duplicate id ...), before any model loads (:func:`xling.glossary.validate.require_valid`).

    Raises:
        GlossaryError: every error, and the ``xling glossary validate`` command.
    """
    from xling.glossary.store import default_glossary_path
    from xling.glossary.validate import require_valid

    named = isinstance(where, (str, os.PathLike)) and where != HOUSE_GLOSSARY
    require_valid(glossary, where if named else default_glossary_path())


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
        """:meth:`prepare` then :meth:`open_glossary`; cheap (no model is loaded): run it first.

        Raises:
            UsageError: an unknown language code (:func:`check_language_codes`).
            ModelMissingError: a needed pair is not installed (exit status 2); the message names
                every missing pair and both ways to install it.
            InputError: the routes config is invalid (file, line and fix).
            GlossaryError: the glossary file is invalid or does not validate.
        """
        session = cls.prepare(config)
        session.open_glossary()
        return session

    @classmethod
    def prepare(cls, config: TranslateConfig) -> Session:
        """Check the language codes and plan the routes (reads the installed models' metadata
        only); the glossary is loaded later by :meth:`open_glossary`.

        Raises:
            UsageError / ModelMissingError / InputError: see :meth:`open`.
        """
        from xling.mt.plan import plan_translation
        from xling.mt.routes import read_routes_config

        check_language_codes(config)
        routes_config = read_routes_config(config.routes) if config.routes and not config.engine else None
        plan = plan_translation(
            config.from_code, list(config.targets), engine=config.engine, config=routes_config, pivot=config.pivot
        )
        return cls(config, None, dict(plan.routes), plan=plan)

    def engine_label(self) -> str | None:
        """The ``engine`` of the ``.jsonl`` translate record: the configured kind, else the one kind
        every leg uses, else ``"routes"`` (each leg's kind is in the ``models`` entries)."""
        if self.config.engine or self.plan is None:
            return self.config.engine
        kinds = {leg.kind for leg in self.plan.legs.values()}
        return kinds.pop() if len(kinds) == 1 else "routes"

    def open_glossary(self) -> None:
        """Load and validate the configured glossary (:attr:`TranslateConfig.glossary`) once.

        Raises:
            GlossaryError: see :meth:`open`.
        """
        if self.glossary is None and self.config.glossary is not None:
            glossary = load_glossary_setting(self.config.glossary)
            if glossary is not None:
                check_glossary_valid(glossary, self.config.glossary)
            self.glossary = glossary

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
                notice = test_model_notice(m, leg)
                if notice:
                    reporter.warn(notice)

    def models(self) -> dict[str, list[dict[str, Any]]]:
        """Target → the models along its route (``pair``, ``name``, ``version``, ``test_model``)."""
        return {t: [m for leg in zip(r, r[1:]) for m in self.engines[leg].models()] for t, r in self.routes.items()}


def test_model_notice(model: dict[str, Any], leg: tuple[str, str]) -> str | None:
    """The warning for a leg's model (a ``models`` entry: ``test_model`` …) when it is an xling
    test model ("xling test model: copy fa→en — output is a copy, not a translation"), else None."""
    kind = model.get("test_model")
    if not kind:
        return None
    what = "output is a copy, not a translation" if kind == "copy" else "output is not a translation"
    return f"xling test model: {kind} {leg[0]}→{leg[1]} — {what}"


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
    stop: threading.Event | None = None

    def check_stop(self) -> None:
        """Raise :class:`~xling.errors.Interrupted` when :attr:`stop` is set (Ctrl-C in the CLI).

        Called between stages and, through the progress callbacks, between and during the
        engine's sub-batches.
        """
        if self.stop is not None and self.stop.is_set():
            from xling.errors import Interrupted

            raise Interrupted("interrupted; nothing written")

    @property
    def config(self) -> TranslateConfig:
        """The run's settings."""
        return self.session.config

    @property
    def glossary(self) -> Glossary | None:
        """The loaded termbase, or None."""
        return self.session.glossary

    def translate(
        self,
        texts: list[str],
        targets: Sequence[str],
        progress: Callable[[Leg], ProgressCallback | None] | None = None,
        splits: dict[int, dict[str, int]] | None = None,
    ) -> dict[str, list[str]]:
        """Translate ``texts`` along each target's route, each distinct leg in one batch and once.

        Args:
            splits: filled with text index → {leg ``"fa→en"``: pieces} for the texts an engine
                cut because they were longer than its model's limit.

        Returns:
            Target code → one output per text (line breaks inside an output joined by spaces).
        """
        from xling.mt.pivot import run_routes

        routes = {t: self.session.routes[t] for t in targets}
        outputs, ran = run_routes(
            texts, routes, self.session.engines, beam_size=self.config.beam_size, progress=progress
        )
        self.legs_run.extend(leg for leg in ran if leg not in self.legs_run)
        for leg in ran:
            for i, n in getattr(self.session.engines[leg], "split_counts", {}).items():
                if splits is not None:
                    splits.setdefault(i, {})[f"{leg[0]}→{leg[1]}"] = n
        return {t: [" ".join(o.splitlines()) for o in outputs[t]] for t in targets}

    def beam_size(self) -> int | None:
        """The beam width that ran: the configured one, else the engines' default (None if unknown)."""
        if self.config.beam_size is not None:
            return self.config.beam_size
        beams = {getattr(self.session.engines[leg], "default_beam_size", None) for leg in self.legs_run}
        return beams.pop() if len(beams) == 1 else None


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
            if seg.joined_into is not None:
                rec["joined_into"] = seg.joined_into
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
        ctx.check_stop()
        seg = Segment(id=i, paragraph=sent.paragraph, source=sent.text, text=sent.one_line())
        seg.record("segment", start=sent.start, end=sent.end)
        segments.append(seg)
    return segments


def normalize_stage(segments: list[Segment], ctx: StageContext) -> list[Segment]:
    """Normalize each segment for MT (letters, ZWNJ, digits; see :mod:`xling.text.normalize`)."""
    from xling.text.normalize import normalize_with_edits

    for seg in segments:
        ctx.check_stop()
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
    """Translate every segment along each target's route, each leg in one batch and once only.

    The record gives the routes, the legs, the engine, the beam that ran and, for a segment an
    engine cut because it was longer than the model's limit, ``split`` (leg → pieces).
    """
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
    splits: dict[int, dict[str, int]] = {}

    def progress(leg: Leg) -> ProgressCallback:
        via = [t for t, r in routes.items() if t != leg[1] and leg in list(zip(r, r[1:]))]
        label = f"{leg[0]}→{leg[1]}" + (f" (pivot for {', '.join(via)})" if via else "")
        return _leg_progress(ctx, label, total)

    outputs = ctx.translate([s.text for segs, _ in docs for s in segs], ctx.config.targets, progress, splits)
    beam = ctx.beam_size()
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
                beam_size=beam,
                **({"split": splits[i]} if i in splits else {}),
            )
        start += len(segments)
    return [segs for segs, _ in docs]


def _leg_progress(ctx: StageContext, label: str, total: int) -> ProgressCallback:
    """The progress callback of one leg: the reporter's bar, the stop check, and a log line
    with the count and rate when the leg is done."""
    from xling.paths import counted

    bar = ctx.reporter.bar(label, total)
    start, seen = time.monotonic(), [0]

    def advance(n: int) -> None:
        ctx.check_stop()
        if not n:
            return
        bar(n)
        seen[0] += n
        if seen[0] >= total:
            took = time.monotonic() - start
            log.info(
                "translate %s: %s in %.1f s (%.1f segments/s)",
                label,
                counted(total, "segment"),
                took,
                total / max(took, 1e-9),
            )

    return advance


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
    stop: threading.Event | None = None,
) -> TranslatedDocument:
    """Run ``stages`` (default :data:`STAGES`) over ``text`` (a whole document, LF line ends).

    The session's engines are loaded first where missing (:meth:`Session.load_engines`). Each
    stage logs one line (``log``, INFO) with its segment count, time and rate.

    Args:
        stop: when set (from a signal handler), the run stops at the next stage or sub-batch.

    Returns:
        The translated document; write it with :func:`write_outputs`.

    Raises:
        ModelMissingError / ModelError: a package is missing or cannot be loaded or run.
        Interrupted: ``stop`` was set.
    """
    return run_documents([text], session, reporter=reporter, stages=stages, stop=stop)[0]


def _log_stage(name: str, count: int, took: float) -> None:
    from xling.paths import counted

    rate = f" ({count / took:.1f} segments/s)" if took >= 0.01 else ""
    log.info("%s: %s in %.2f s%s", name, counted(count, "segment"), took, rate)


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
    stop: threading.Event | None = None,
) -> list[TranslatedDocument]:
    """Run ``stages`` over several documents with one session: each stage runs document by
    document, except those in :data:`BATCHED_STAGES` (translation), which take the segments of
    all documents in one engine batch. Each result equals :func:`run_document` on that text
    alone (corpus runs rely on it: ``xling batch translate`` is byte-identical to
    ``xling translate``).

    Args:
        texts: the documents (LF line ends), in order.
        session: settings, glossary, routes and (loaded here where missing) engines.
        stop: when set (from a signal handler), the run stops at the next stage, segment or
            sub-batch (:meth:`StageContext.check_stop`).

    Returns:
        One :class:`TranslatedDocument` per text, in order. Each stage logs one line (``log``,
        INFO) with its segment count, time and rate.

    Raises:
        ModelMissingError / ModelError: a package is missing or cannot be loaded or run.
        Interrupted: ``stop`` was set.
    """
    reporter = reporter or QuietReporter()
    contexts = [StageContext(session, text, reporter, stop=stop) for text in texts]
    session.load_engines(reporter)
    segments: list[list[Segment]] = [[] for _ in texts]
    for name, stage in stages if stages is not None else STAGES:
        if contexts:
            contexts[0].check_stop()
        began = time.monotonic()
        many = BATCHED_STAGES.get(stage)
        if many is not None and contexts:
            segments = many(list(zip(segments, contexts)))
        else:
            segments = [stage(segs, ctx) for segs, ctx in zip(segments, contexts)]
        _log_stage(name, sum(map(len, segments)), time.monotonic() - began)
    if contexts:
        contexts[0].check_stop()
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
    stop: threading.Event | None = None,
) -> FileResult:
    """The run of ``xling translate`` (and of ``python -m xling.demo``): one file to ``out_dir``.

    Pre-flight, before any model loads: language codes known, routes planned (a missing model
    is exit 2 before anything is read), the output folder writable, the input read (binary
    refused) and its script that of ``--from``, the glossary loaded and valid. Then the models
    load, the stages run, QA when ``score``, and every output is written together
    (:func:`write_outputs`: the stem's stale outputs of an earlier run go).

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
        stop: see :func:`run_document`.

    Raises:
        XlingError: any bad input, missing model or unwritable output (nothing is written);
            Interrupted when ``stop`` was set.
    """
    from xling.io import read_text

    reporter = reporter or QuietReporter()
    session = session or Session.prepare(config)
    stem = output_stem(str(path), config.from_code)
    check_out_dir(out_dir, stem=stem, source=path, from_code=config.from_code)
    text = read_text(path, encoding=encoding)
    check_script(text, config.from_code, name="<stdin>" if str(path) == "-" else str(path))
    session.open_glossary()
    session.load_engines(reporter)
    with reporter.bars():
        doc = run_document(text, session, reporter=reporter, stages=stages, stop=stop)
    if stop is not None and stop.is_set():
        from xling.errors import Interrupted

        raise Interrupted("interrupted; nothing written")
    return finish_document(doc, out_dir, stem, session, score=score, outputs=outputs, extra=extra, keep=path)


def finish_document(
    doc: TranslatedDocument,
    out_dir: str | os.PathLike[str],
    stem: str,
    session: Session,
    *,
    score: bool = False,
    outputs: Sequence[OutputWriter] = (),
    extra: dict[str, str] | None = None,
    keep: str | os.PathLike[str] | None = None,
) -> FileResult:
    """The last step of :func:`translate_file` (and of each document of a corpus run): QA when
    ``score``, the extra outputs, then every file of ``stem`` written together
    (:func:`write_outputs`; ``keep``: the input file, never removed as a stale output).

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
    return FileResult(doc, write_outputs(doc, out_dir, stem, extra=files, keep=keep), qa)


#: Share of letters in the script of ``--from`` below which the input is refused.
MIN_SCRIPT_SHARE = 0.5


def check_script(text: str, from_code: str, *, name: str, sample: int = 1 << 16) -> None:
    """Refuse a text whose letters are mostly not in the script of ``from_code`` (an English
    file translated with the default ``--from fa`` was treated as Persian, exit 0).

    Only languages with data in :mod:`xling.lang` are checked, and only texts with at least 20
    letters in the first ``sample`` characters; digits, punctuation and symbols do not count.

    Raises:
        UsageError: ``NAME: the text is mostly S1 script (N % of its letters), not the S2 script of --from X; ...``.
    """
    from xling.errors import UsageError
    from xling.lang import find, script_of_language
    from xling.text.keys import script_of

    if find(from_code) is None:
        return
    want = script_of_language(from_code)
    counts: dict[str, int] = {}
    for ch in text[:sample]:
        if ch.isalpha():
            key = script_of(ch)
            counts[key] = counts.get(key, 0) + 1
    letters = sum(counts.values())
    if letters < 20 or counts.get(want, 0) >= MIN_SCRIPT_SHARE * letters:
        return
    top = max(counts, key=lambda k: counts[k])
    raise UsageError(
        f"{name}: the text is mostly {top} script ({100 * counts[top] // letters} % of its letters), not the {want} "
        f"script of --from {from_code}; give --from with the file's language"
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


def paragraph_layout(segments: Sequence[Segment], texts: Sequence[str]) -> list[str]:
    """The lines of a one-segment-a-line file: ``texts[i]`` for segment i, in order, with a
    blank line where the paragraph number changes (the layout of every text output). A segment
    joined into the one before it (:attr:`Segment.joined_into`) adds its text, if any, to that
    segment's line after a space instead of starting a line."""
    lines: list[str] = []
    for n, seg in enumerate(segments):
        if n and seg.joined_into is not None:
            lines[-1] = " ".join(t for t in (lines[-1], texts[n]) if t)
            continue
        if n and seg.paragraph != segments[n - 1].paragraph:
            lines.append("")
        lines.append(texts[n])
    return lines


def target_text(doc: TranslatedDocument, lang: str) -> str:
    """One target's text file: a segment a line, source order, a blank line between paragraphs."""
    lines = paragraph_layout(doc.segments, [seg.targets.get(lang, "") for seg in doc.segments])
    return "".join(line + "\n" for line in lines)


def check_out_dir(
    out_dir: str | os.PathLike[str],
    *,
    stem: str | None = None,
    source: str | os.PathLike[str] | None = None,
    from_code: str = "",
) -> None:
    """Refuse an output folder that cannot be used, before any work is done: it is (or lies
    under) a file, its nearest existing folder cannot be written (read-only, or a pseudo file
    system), or the segmented source ``<stem>.<from_code>.txt`` would be the input file.

    Raises:
        InputError: naming the folder or file in the way and ``--out-dir``.
    """
    import tempfile

    from xling.errors import InputError
    from xling.io import same_file

    p = Path(out_dir)
    for q in (p, *p.parents):
        if q.exists() or q.is_symlink():
            if not q.is_dir():
                raise InputError(f"{q}: is a file, not a folder; give --out-dir a folder (it is created if missing)")
            try:
                with tempfile.TemporaryFile(dir=q, prefix=".xling-probe-"):
                    pass
            except OSError as exc:
                raise InputError(
                    f"--out-dir {p}: cannot write in {q} ({exc.strerror}); give a writable folder"
                ) from None
            break
    if stem is not None and source is not None and same_file(p / f"{stem}.{from_code}.txt", source):
        raise InputError(
            f"--out-dir {p}: the segmented source {stem}.{from_code}.txt would overwrite the input {source}; "
            "give another --out-dir"
        )


#: Names of the outputs a run writes for a stem (``<stem>.<lang>.txt``, ``.jsonl``, ``.qa.json``,
#: and the XLIFF/HTML of other writers): those of an earlier run not written again are removed.
OUTPUT_NAME = r"\.(?:[a-z]{2,3}(?:[-_][A-Za-z]+)?\.(?:txt|xlf)|jsonl|qa\.json|html)"


def stale_outputs(out_dir: Path, stem: str, new: Sequence[Path], keep: str | os.PathLike[str] | None) -> list[Path]:
    """Files in ``out_dir`` named as outputs of ``stem`` (:data:`OUTPUT_NAME`) that are not in
    ``new`` and are not the input ``keep``."""
    from xling.io import same_file

    if not out_dir.is_dir():
        return []
    pattern = re.compile(re.escape(stem) + OUTPUT_NAME)
    names = {q.name for q in new}
    return [
        q
        for q in sorted(out_dir.iterdir())
        if pattern.fullmatch(q.name) and q.name not in names and q.is_file() and not (keep and same_file(q, keep))
    ]


def write_outputs(
    doc: TranslatedDocument,
    out_dir: str | os.PathLike[str],
    stem: str,
    *,
    extra: dict[str, str] | None = None,
    keep: str | os.PathLike[str] | None = None,
) -> list[Path]:
    """Write ``DIR/<stem>.<lang>.txt`` for each target, ``DIR/<stem>.jsonl`` and the segmented
    source ``DIR/<stem>.<from>.txt``, all or nothing, and remove the stem's outputs of an
    earlier run that this one does not write (:func:`stale_outputs`), so the folder holds one
    consistent set.

    The source file has the layout of the targets (one segment a line, a blank line between
    paragraphs), so line N of every file is the same segment: it goes straight into
    ``xling score <stem>.en.txt --src <stem>.fa.txt`` and ``xling glossary enforce``.

    Args:
        extra: more files of the same group, as file name (inside ``out_dir``) → text, e.g. the
            ``<stem>.qa.json`` of ``xling translate --score``.
        keep: the input file, never removed as stale.

    Returns:
        The paths written: targets in order, the ``.jsonl``, the source, then ``extra`` in order.

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
    files = {f"{stem}.{lang}.txt": target_text(doc, lang) for lang in doc.targets}
    files[f"{stem}.jsonl"] = "".join(json.dumps(rec, ensure_ascii=False) + "\n" for rec in doc.records())
    if doc.from_code and doc.from_code not in doc.targets:
        files[f"{stem}.{doc.from_code}.txt"] = source_text(doc)
    files.update(extra or {})
    paths = [out / name for name in files]
    with AtomicOutputs() as group:
        for path, text in zip(paths, files.values()):
            with group.open(path) as fh:
                fh.write(text)
        for old in stale_outputs(out, stem, paths, keep):
            group.discard(old)
    return paths


def source_text(doc: TranslatedDocument) -> str:
    """The segmented source file: each segment's input text on one line (line breaks inside a
    segment, with ``--join-lines``, become spaces), laid out as :func:`target_text`."""
    lines = paragraph_layout(doc.segments, [" ".join(seg.source.splitlines()) for seg in doc.segments])
    return "".join(line + "\n" for line in lines)


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
