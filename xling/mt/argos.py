"""Argos Translate packages run directly on CTranslate2, all segments of a document in one batch.

:class:`ArgosEngine` loads an installed package's CTranslate2 model (``model/``) and its
tokenizer (SentencePiece, or Moses + BPE through argostranslate's own ``BPETokenizer``) and
sends every segment to ONE ``Translator.translate_batch`` call with ``max_batch_size`` counted in
tokens (``batch_type="tokens"``). CTranslate2 sorts the segments by length and cuts them into
sub-batches of at most that many tokens, so padding is small and memory is bounded.
argostranslate instead translates each sentence on its own (its batch size is 32 tokens), and
first runs its own sentence splitter, which offline tries to download a model.

Decoding settings follow ``argostranslate.translate.apply_packaged_translation`` (1.11): beam
size ``ARGOS_BEAM_SIZE`` (default 4), ``length_penalty=0.2``, ``replace_unknowns=True``, the
package's ``target_prefix`` forced and then removed, device ``ARGOS_DEVICE_TYPE`` and
``compute_type`` ``ARGOS_COMPUTE_TYPE`` (default ``auto``: int8 where the CPU supports it).
One difference, on purpose: argostranslate turns every ``_`` of the output into a space; xling
keeps SentencePiece's own decoding, so underscores in the text survive.

:class:`ArgosNativeEngine` runs argostranslate's own ``translate`` path instead, for comparison.
"""

from __future__ import annotations

import os
import re
import struct
import time
from pathlib import Path
from typing import Any

from xling.errors import ModelError, ModelMissingError
from xling.mt.engine import Engine, ProgressCallback
from xling.mt.packages import InstalledPackage, find_package, install_hint

#: Default sub-batch size of one ``translate_batch`` call, in source tokens. At beam 4 a
#: transformer-base model needs a few hundred MB for it; raise it for throughput, lower it for memory.
DEFAULT_MAX_BATCH_TOKENS = 2048

#: argostranslate's fixed length penalty (``apply_packaged_translation``).
ARGOS_LENGTH_PENALTY = 0.2

#: Seconds between two looks at a running sub-batch (the progress callback then gets 0, and may
#: raise to stop the engine: ``xling translate`` stops this way on Ctrl-C).
POLL_SECONDS = 0.02

_POSITIONS_ERROR = re.compile(r"No position encodings are defined for positions >= (\d+)")
_CLAUSE_BREAKS = (r"(?<=[.!?؟…])\s+", r"(?<=[,،;؛:])\s+", r"\s+")


def model_max_positions(model_dir: str | os.PathLike[str]) -> int | None:
    """Rows of the position tables of a CTranslate2 ``model.bin`` (the longest input or output,
    in tokens, including ``</s>``), or None when the model has no such table or cannot be read.

    Reads only the variable headers of the file (CTranslate2's binary model format, version 3-6:
    ``models/model.cc``: version, spec name, revision, then per variable its name, rank, shape,
    type and byte count), skipping the weights.
    """
    try:
        with open(Path(model_dir) / "model.bin", "rb") as fh:

            def num(fmt: str) -> int:
                return struct.unpack("<" + fmt, fh.read(struct.calcsize(fmt)))[0]

            def string() -> str:
                return fh.read(num("H")).rstrip(b"\0").decode("utf-8")

            version = num("I")
            if not 3 <= version <= 6:
                return None
            string()
            num("I")
            rows: list[int] = []
            for _ in range(num("I")):
                name = string()
                shape = [num("I") for _ in range(num("B"))]
                num("B")
                size = num("I")
                if name.endswith("position_encodings/encodings") and shape:
                    rows.append(shape[0])  # an equal encoder table may be stored as an alias
                fh.seek(size, os.SEEK_CUR)
    except (OSError, struct.error, UnicodeDecodeError):
        return None
    return min(rows) if rows else None


def split_to_fit(text: str, count: Any, limit: int) -> list[str]:
    """Cut ``text`` into pieces of at most ``limit`` tokens (``count(str) -> int``), at sentence
    ends first, then clause punctuation, then spaces; the pieces joined by a space give the
    text back (with runs of spaces at the cuts made one). A piece that no cut makes short
    enough stays whole (the caller cuts it into token windows)."""
    if count(text) <= limit:
        return [text]
    for pattern in _CLAUSE_BREAKS:
        parts = [p for p in re.split(pattern, text) if p]
        if len(parts) < 2:
            continue
        pieces: list[str] = []
        for part in parts:
            if pieces and count(pieces[-1] + " " + part) <= limit:
                pieces[-1] += " " + part
            else:
                pieces.append(part)
        return [q for piece in pieces for q in split_to_fit(piece, count, limit)]
    return [text]


def argos_defaults() -> dict[str, Any]:
    """argostranslate's decoding and device settings, read from its settings (env / settings.json).

    Returns:
        ``{"beam_size": int, "device": str, "compute_type": str, "length_penalty": float}``.
    """
    from argostranslate import settings

    return {
        "beam_size": int(settings.beam_size),
        "device": str(settings.device),
        "compute_type": str(settings.compute_type),
        "length_penalty": ARGOS_LENGTH_PENALTY,
    }


class _SentencePiece:
    """SentencePiece tokenizer of a package: pieces in, text out (decoding as SentencePiece does)."""

    def __init__(self, model_file: str) -> None:
        import sentencepiece as spm

        self.processor = spm.SentencePieceProcessor(model_file=model_file)

    def encode(self, text: str) -> list[str]:
        return self.processor.encode(text, out_type=str)

    def decode(self, tokens: list[str]) -> str:
        return self.processor.decode_pieces(tokens).replace("▁", " ")


class _MosesBPE:
    """Moses tokenizer + subword-nmt BPE, exactly as argostranslate's ``BPETokenizer`` does it."""

    def __init__(self, pkg: InstalledPackage) -> None:
        from argostranslate.tokenizer import BPETokenizer

        self.inner = BPETokenizer(pkg.path / "bpe.model", pkg.from_code, pkg.to_code)

    def encode(self, text: str) -> list[str]:
        return self.inner.encode(text)

    def decode(self, tokens: list[str]) -> str:
        return self.inner.decode(tokens)


class ArgosEngine:
    """One installed Argos package run directly on CTranslate2 (see the module docstring).

    Args:
        package: the installed package (see :func:`xling.mt.packages.find_package`).
        max_batch_tokens: CTranslate2 sub-batch size in source tokens.
        threads: CPU threads for one translation (``intra_threads``); default ``os.cpu_count()``.
        device / compute_type: override argostranslate's ``ARGOS_DEVICE_TYPE`` / ``ARGOS_COMPUTE_TYPE``.

    Raises:
        ModelError: the model folder or tokenizer cannot be loaded.
    """

    def __init__(
        self,
        package: InstalledPackage,
        *,
        max_batch_tokens: int = DEFAULT_MAX_BATCH_TOKENS,
        threads: int | None = None,
        device: str | None = None,
        compute_type: str | None = None,
    ) -> None:
        import ctranslate2

        self.package = package
        self.from_code = package.from_code
        self.to_code = package.to_code
        self.max_batch_tokens = max_batch_tokens
        defaults = argos_defaults()
        self.default_beam_size = defaults["beam_size"]
        self.length_penalty = defaults["length_penalty"]
        model_dir = package.path / "model"
        self.max_positions = model_max_positions(model_dir)
        #: segment index → number of pieces, for the segments the last translate_batch split
        self.split_counts: dict[int, int] = {}
        try:
            self.translator = ctranslate2.Translator(
                str(model_dir),
                device=device or defaults["device"],
                compute_type=compute_type or defaults["compute_type"],
                inter_threads=1,
                intra_threads=threads or os.cpu_count() or 1,
            )
            if package.tokenizer == "sentencepiece":
                self.tokenizer: _SentencePiece | _MosesBPE = _SentencePiece(str(package.path / "sentencepiece.model"))
            else:
                self.tokenizer = _MosesBPE(package)
        except (RuntimeError, OSError, ValueError) as exc:
            raise ModelError(
                f"{package.path}: cannot load the {package.pair} model ({exc}); reinstall it with `xling models install`"
            ) from None

    def models(self) -> list[dict[str, Any]]:
        """``[package.describe()]``: the one model this engine runs."""
        return [self.package.describe()]

    @property
    def max_input_tokens(self) -> int | None:
        """The longest segment, in source tokens, sent to the model whole: half its position
        table (the other half leaves the decoder room for a longer output); None = no limit known."""
        return None if self.max_positions is None else max(1, self.max_positions // 2 - 8)

    def _pieces(self, text: str) -> list[list[str]]:
        """``text`` as token lists of at most :attr:`max_input_tokens` tokens: one list when it fits,
        else cut at clause boundaries (:func:`split_to_fit`), else into token windows."""
        tokens = self.tokenizer.encode(text)
        limit = self.max_input_tokens
        if limit is None or len(tokens) <= limit:
            return [tokens]
        out: list[list[str]] = []
        for piece in split_to_fit(text, lambda t: len(self.tokenizer.encode(t)), limit):
            toks = self.tokenizer.encode(piece)
            out.extend(toks[k : k + limit] for k in range(0, len(toks), limit))
        return out

    def translate_batch(
        self,
        texts: list[str],
        *,
        beam_size: int | None = None,
        on_progress: ProgressCallback | None = None,
    ) -> list[str]:
        """Translate all ``texts`` in one CTranslate2 ``translate_batch`` call (see :class:`Engine`).

        Sub-batches hold at most ``max_batch_tokens`` source tokens; blank texts are not sent
        and give ``""``. A segment longer than :attr:`max_input_tokens` is cut at clause
        boundaries (or into token windows), its pieces translated in the same call and joined
        by a space; :attr:`split_counts` says which were cut. ``on_progress`` gets 0 every
        :data:`POLL_SECONDS` while a sub-batch runs and may raise to stop at once.

        Raises:
            ModelError: CTranslate2 failed on the model (the message names the package folder).
        """
        outputs = [""] * len(texts)
        self.split_counts = {}
        todo = [i for i, t in enumerate(texts) if t.strip()]
        if on_progress and len(todo) < len(texts):
            on_progress(len(texts) - len(todo))
        if not todo:
            return outputs
        while True:
            pieces = {i: self._pieces(texts[i]) for i in todo}
            try:
                done = self._run([tok for i in todo for tok in pieces[i]], beam_size, on_progress, pieces, todo)
                break
            except RuntimeError as exc:
                learned = _POSITIONS_ERROR.search(str(exc))
                if learned is None or (self.max_positions is not None and int(learned.group(1)) >= self.max_positions):
                    raise ModelError(f"{self.package.path}: the {self.package.pair} model failed ({exc})") from None
                self.max_positions = int(learned.group(1))  # learned from the model: cut and run again
        for i in todo:
            outputs[i] = " ".join(p for p in done[i] if p)
            if len(pieces[i]) > 1:
                self.split_counts[i] = len(pieces[i])
        return outputs

    def _run(
        self,
        tokens: list[list[str]],
        beam_size: int | None,
        on_progress: ProgressCallback | None,
        pieces: dict[int, list[list[str]]],
        todo: list[int],
    ) -> dict[int, list[str]]:
        """One asynchronous ``translate_batch`` over every piece; segment index → its piece outputs."""
        prefix = self.package.target_prefix
        positions = self.max_positions or 1 << 30
        results = self.translator.translate_batch(
            tokens,
            target_prefix=[[prefix] for _ in tokens] if prefix else None,
            max_batch_size=self.max_batch_tokens,
            batch_type="tokens",
            asynchronous=True,
            beam_size=beam_size or self.default_beam_size,
            num_hypotheses=1,
            length_penalty=self.length_penalty,
            replace_unknowns=True,
            # argostranslate keeps CTranslate2's 256; longer segments would be cut short.
            max_decoding_length=min(max(256, 2 * max(map(len, tokens)) + 10), positions),
            # CTranslate2 silently truncates sources to 1024 tokens by default; 0 = never.
            max_input_length=0,
        )
        done: dict[int, list[str]] = {}
        k = 0
        for i in todo:
            for _ in pieces[i]:
                result = results[k]
                k += 1
                while on_progress and not result.done():
                    on_progress(0)
                    time.sleep(POLL_SECONDS)
                hyp = result.result().hypotheses[0]
                if prefix and hyp and hyp[0] == prefix:
                    hyp = hyp[1:]
                text = self.tokenizer.decode(hyp)
                done.setdefault(i, []).append(text[1:] if text.startswith(" ") else text)
            if on_progress:
                on_progress(1)
        return done


class ArgosNativeEngine:
    """argostranslate's own path (``argostranslate.translate``), one segment at a time, for comparison.

    It imports stanza/torch and runs argostranslate's sentence splitter, which may try to
    download a model; use :class:`ArgosEngine` for real work. Pivoting is argostranslate's own.

    Raises:
        ModelMissingError: argostranslate finds no translation for the pair.
    """

    def __init__(self, from_code: str, to_code: str, packages: list[InstalledPackage]) -> None:
        from argostranslate import translate as argos_translate

        self.from_code = from_code
        self.to_code = to_code
        self._packages = packages
        self.translation = argos_translate.get_translation_from_codes(from_code, to_code)
        if self.translation is None:
            raise ModelMissingError(
                f"argostranslate has no {from_code}→{to_code} translation; {install_hint(from_code, to_code)}"
            )

    def models(self) -> list[dict[str, Any]]:
        return [dict(p.describe(), engine="argos-native") for p in self._packages]

    def translate_batch(
        self,
        texts: list[str],
        *,
        beam_size: int | None = None,
        on_progress: ProgressCallback | None = None,
    ) -> list[str]:
        """Translate each text with ``ITranslation.translate`` (``beam_size`` is argostranslate's setting, not this argument).

        Raises:
            ModelError: argostranslate failed (typically its sentence-splitter download offline).
        """
        out = []
        for text in texts:
            try:
                out.append(self.translation.translate(text) if text.strip() else "")
            except Exception as exc:  # argostranslate raises anything from stanza/minisbd/network
                raise ModelError(
                    f"argostranslate failed on {self.from_code}→{self.to_code} ({type(exc).__name__}: {exc}); its own path "
                    "fetches a sentence-splitter model on first use, which fails offline: use the default engine (--engine argos)"
                ) from None
            if on_progress:
                on_progress(1)
        return out


ENGINES = ("argos", "argos-native")


def load_direct(from_code: str, to_code: str, *, engine: str = "argos", **options: Any) -> Engine:
    """Load the installed package for exactly ``from_code`` → ``to_code``.

    Args:
        engine: ``"argos"`` (CTranslate2 direct, batched) or ``"argos-native"`` (argostranslate's own path).
        options: passed to :class:`ArgosEngine` (``max_batch_tokens``, ``threads``, ...).

    Raises:
        ModelMissingError: no such package is installed.
        ModelError: unknown engine, or the package cannot be loaded.
    """
    pkg = find_package(from_code, to_code)
    if pkg is None:
        raise ModelMissingError(f"no {from_code}→{to_code} model is installed; {install_hint(from_code, to_code)}")
    if engine == "argos":
        return ArgosEngine(pkg, **options)
    if engine == "argos-native":
        return ArgosNativeEngine(from_code, to_code, [pkg])
    raise ModelError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")


def load_engine(from_code: str, to_code: str, *, engine: str = "argos", pivot: str = "en", **options: Any) -> Engine:
    """An engine for ``from_code`` → ``to_code``: the direct package, else a pivot through ``pivot``.

    Args:
        from_code, to_code: ISO 639-1 codes of an installed Argos pair (or of its two pivot legs).
        engine: ``"argos"`` (CTranslate2, batched) or ``"argos-native"`` (see :func:`load_direct`).
        pivot: the language both pivot legs share (Argos packages are mostly en↔xx).
        options: passed to :class:`ArgosEngine` (``max_batch_tokens``, ``threads``, ...).

    Returns:
        An :class:`~xling.mt.engine.Engine`: an :class:`ArgosEngine` for a direct pair, else a
        :class:`~xling.mt.pivot.PivotEngine` of two legs.

    Raises:
        ModelError: a package cannot be loaded.
        ModelMissingError: neither the direct pair nor both pivot legs are installed; the
            message names the missing pairs and both ways to install them.
    """
    from xling.mt.pivot import PivotEngine, plan_route

    route = plan_route(from_code, to_code, pivot=pivot)
    legs = [load_direct(a, b, engine=engine, **options) for a, b in zip(route, route[1:])]
    return legs[0] if len(legs) == 1 else PivotEngine(legs)
