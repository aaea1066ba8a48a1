"""The CTranslate2 engine base every xling engine builds on: one batched ``translate_batch`` path.

:class:`CT2Engine` holds a ``ctranslate2.Translator`` and a source and target tokenizer and
sends every segment of a document to ONE ``Translator.translate_batch`` call with
``max_batch_size`` counted in tokens (``batch_type="tokens"``): CTranslate2 sorts the segments by
length and cuts them into sub-batches of at most that many tokens, so padding is small and
memory is bounded. What differs between model kinds is only what goes around each segment's
tokens, which a subclass gives with :meth:`CT2Engine.source_tokens` and
:attr:`CT2Engine.target_prefix`:

* Argos packages (:mod:`xling.mt.argos`): the package's ``target_prefix`` token, if any;
* OPUS-MT / Marian (:mod:`xling.mt.opusmt`): a target-language token such as ``>>ara<<``
  before the source tokens of a multi-target model (Tiedemann & Thottingal 2020, "OPUS-MT");
* NLLB-200 and M2M-100 (:mod:`xling.mt.multilingual`): the source language token before the
  source tokens and the target language token as the target prefix (CTranslate2's
  "Transformers" guide: NLLB, M2M-100).

Reference: CTranslate2 ``Translator.translate_batch`` (``max_batch_size``, ``batch_type``,
``target_prefix``, ``max_input_length``, ``max_decoding_length``), CTranslate2 4.x docs.
"""

from __future__ import annotations

import functools
import os
import re
import struct
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from xling.errors import ModelError
from xling.mt.engine import ProgressCallback

#: Default sub-batch size of one ``translate_batch`` call, in source tokens. At beam 4 a
#: transformer-base model needs a few hundred MB for it; raise it for throughput, lower it for memory.
DEFAULT_MAX_BATCH_TOKENS = 2048


#: Seconds between two looks at a running sub-batch (the progress callback then gets 0, and may
#: raise to stop the engine: ``xling translate`` stops this way on Ctrl-C).
POLL_SECONDS = 0.02

_POSITIONS_ERROR = re.compile(r"No position encodings are defined for positions >= (\d+)")
_CLAUSE_BREAKS = (r"(?<=[.!?؟…])\s+", r"(?<=[,،;؛:])\s+", r"\s+")


def model_max_positions(model_dir: str | os.PathLike[str]) -> int | None:
    """Rows of the position tables of a CTranslate2 ``model.bin`` (the longest input or output,
    in tokens, including ``</s>``), or None when the model has no such table or cannot be read.

    Reads only the variable headers of the file (CTranslate2's binary model format, version 3-6,
    as ``src/models/model.cc`` loads it: version, spec name, revision, then per variable its
    name, rank, shape, type and byte count), seeking past the weights.
    """
    try:
        with open(Path(model_dir) / "model.bin", "rb") as fh:

            def num(fmt: str) -> int:
                return struct.unpack("<" + fmt, fh.read(struct.calcsize(fmt)))[0]

            def string() -> str:
                return fh.read(num("H")).rstrip(b"\0").decode("utf-8")

            if not 3 <= num("I") <= 6:
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


def split_to_fit(text: str, count: Callable[[str], int], limit: int) -> list[str]:
    """Cut ``text`` into pieces of at most ``limit`` tokens (``count(text)``), at sentence ends
    first, then clause punctuation, then spaces; the pieces joined by a space give the text back
    (a run of spaces at a cut becomes one). A piece that no cut makes short enough stays whole
    (the engine then cuts its tokens into windows)."""
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


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's ``malloc_trim``, or None on a C library without it (musl, macOS, Windows)."""
    import ctypes
    import ctypes.util

    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim
    except (OSError, AttributeError):
        return None


def release_freed_memory() -> bool:
    """Return the heap memory freed by CTranslate2 to the operating system (glibc
    ``malloc_trim(0)``, which also releases free pages inside the heap, glibc >= 2.8).

    Why: each ``Translator`` decodes on its own worker thread, and glibc gives each thread its
    own malloc arena. A leg's working memory (beam states, attention caches: hundreds of MB
    for a 2048-token sub-batch at beam 4) stays mapped in that arena after the leg is done,
    and the next leg's translator allocates its own in another arena, so a run over three
    legs peaked at the sum of the three working sets instead of the largest
    (``bench/batch.py``: 1453 MB against 717 MB for the argostranslate loop).

    Returns:
        True when the C library has ``malloc_trim`` (Linux/glibc), else False (nothing done).
    """
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)
    return True


class Tokenizer(Protocol):
    """Text to subword pieces and back (SentencePiece, or Moses + BPE for some Argos packages)."""

    def encode(self, text: str) -> list[str]:
        """Pieces of ``text``."""
        ...

    def decode(self, tokens: list[str]) -> str:
        """The text of ``tokens`` (a leading space is removed by the engine)."""
        ...


class SentencePieceTokenizer:
    """A SentencePiece model file: pieces in, text out, decoded as SentencePiece does it.

    Kudo & Richardson 2018, "SentencePiece" (EMNLP demo).

    Raises:
        OSError, RuntimeError: the file is missing or is not a SentencePiece model.
    """

    def __init__(self, model_file: str | os.PathLike[str]) -> None:
        import sentencepiece as spm

        self.processor = spm.SentencePieceProcessor(model_file=str(model_file))

    def encode(self, text: str) -> list[str]:
        return self.processor.encode(text, out_type=str)

    def decode(self, tokens: list[str]) -> str:
        return self.processor.decode_pieces(tokens).replace("▁", " ")


@dataclass(frozen=True)
class DecodeSettings:
    """Decoding and device settings of an engine.

    Attributes:
        beam_size: default beam width (used when ``translate_batch`` gets ``beam_size=None``).
        length_penalty: CTranslate2 ``length_penalty`` (1.0 = length-normalised scores).
        device: ``"cpu"``, ``"cuda"`` or ``"auto"``.
        compute_type: CTranslate2 compute type (``"auto"``: int8 where the CPU supports it).
    """

    beam_size: int = 4
    length_penalty: float = 1.0
    device: str = "cpu"
    compute_type: str = "auto"


def load_translator(model_dir: Path, settings: DecodeSettings, *, threads: int | None = None) -> Any:
    """A ``ctranslate2.Translator`` for ``model_dir`` (one translation at a time, ``threads`` CPU threads).

    Raises:
        RuntimeError, ValueError, OSError: CTranslate2 cannot load the folder (callers turn
            them into :class:`~xling.errors.ModelError` naming the model).
    """
    import ctranslate2

    return ctranslate2.Translator(
        str(model_dir),
        device=settings.device,
        compute_type=settings.compute_type,
        inter_threads=1,
        intra_threads=threads or os.cpu_count() or 1,
        # an asynchronous translate_batch queues every sub-batch at once, so the caller can poll
        # (and stop on Ctrl-C) instead of blocking in the call while the queue drains
        max_queued_batches=-1,
    )


class CT2Engine:
    """A CTranslate2 model behind the :class:`~xling.mt.engine.Engine` interface (see the module docstring).

    Subclasses set :attr:`translator`, :attr:`tokenizer` (source) and :attr:`target_tokenizer`,
    :attr:`settings`, :attr:`max_batch_tokens`, :attr:`from_code`, :attr:`to_code` and
    :attr:`where` (the model folder, for messages), and may override :meth:`source_tokens` and
    :attr:`target_prefix`.
    """

    from_code: str
    to_code: str
    translator: Any
    tokenizer: Tokenizer
    target_tokenizer: Tokenizer
    settings: DecodeSettings
    max_batch_tokens: int = DEFAULT_MAX_BATCH_TOKENS
    where: str = ""
    #: Tokens forced at the start of every hypothesis and removed from the output ([] for none).
    target_prefix: Sequence[str] = ()

    @property
    def pair(self) -> str:
        """``"fa→en"``."""
        return f"{self.from_code}→{self.to_code}"

    #: Tokens sent before every segment's pieces (a language token; () for none). A segment cut
    #: into token windows must repeat them at the start of every window.
    source_prefix: Sequence[str] = ()

    def source_tokens(self, text: str) -> list[str]:
        """The tokens sent to the model for one segment: :attr:`source_prefix`, then its pieces."""
        return [*self.source_prefix, *self.tokenizer.encode(text)]

    def models(self) -> list[dict[str, Any]]:
        """The models this engine runs (see :meth:`xling.mt.engine.Engine.models`)."""
        raise NotImplementedError

    #: Rows of the model's position tables (:func:`model_max_positions`); None = unknown, then
    #: learned from the model's error on a segment that is too long.
    max_positions: int | None = None

    @property
    def max_input_tokens(self) -> int | None:
        """The longest segment, in source tokens, sent to the model whole: half its position
        table (the other half leaves the decoder room for a longer output); None = no limit known."""
        return None if self.max_positions is None else max(1, self.max_positions // 2 - 8)

    def _pieces(self, text: str) -> list[list[str]]:
        """``text`` as token lists of at most :attr:`max_input_tokens` tokens: one list when it
        fits, else cut at clause boundaries (:func:`split_to_fit`), else into token windows."""
        tokens = self.source_tokens(text)
        limit = self.max_input_tokens
        if limit is None or len(tokens) <= limit:
            return [tokens]
        prefix = list(self.source_prefix)
        width = max(1, limit - len(prefix))  # every window starts with the language token(s)
        out: list[list[str]] = []
        for piece in split_to_fit(text, lambda t: len(self.source_tokens(t)), limit):
            toks = self.tokenizer.encode(piece)
            out.extend([*prefix, *toks[k : k + width]] for k in range(0, len(toks), width))
        return out

    def translate_batch(
        self,
        texts: list[str],
        *,
        beam_size: int | None = None,
        on_progress: ProgressCallback | None = None,
    ) -> list[str]:
        """Translate all ``texts`` in one CTranslate2 ``translate_batch`` call (see :class:`~xling.mt.engine.Engine`).

        Sub-batches hold at most ``max_batch_tokens`` source tokens; blank texts are not sent
        and give ``""``. A segment longer than :attr:`max_input_tokens` is cut at clause
        boundaries (or into token windows), its pieces translated in the same call and joined
        by a space; :attr:`split_counts` then maps its index to the number of pieces.
        ``on_progress`` gets 0 every :data:`POLL_SECONDS` while a sub-batch runs, and may raise
        to stop the engine there. The memory the call freed goes back to the operating system
        when it ends (:func:`release_freed_memory`).

        Raises:
            ModelError: CTranslate2 failed on the model (the message names the model folder).
        """
        outputs = [""] * len(texts)
        self.split_counts: dict[int, int] = {}
        todo = [i for i, t in enumerate(texts) if t.strip()]
        if on_progress and len(todo) < len(texts):
            on_progress(len(texts) - len(todo))
        if not todo:
            return outputs
        while True:
            pieces = {i: self._pieces(texts[i]) for i in todo}
            try:
                done = self._collect(pieces, beam_size or self.settings.beam_size, on_progress)
                break
            except RuntimeError as exc:
                learned = _POSITIONS_ERROR.search(str(exc))
                if learned is None or (self.max_positions is not None and int(learned.group(1)) >= self.max_positions):
                    raise ModelError(f"{self.where}: the {self.pair} model failed ({exc})") from None
                self.max_positions = int(learned.group(1))  # learned from the model: cut and run again
            finally:
                release_freed_memory()  # this leg's working memory, before the next leg's translator runs
        for i in todo:
            outputs[i] = " ".join(p for p in done[i] if p)
            if len(pieces[i]) > 1:
                self.split_counts[i] = len(pieces[i])
        return outputs

    def _collect(
        self, pieces: dict[int, list[list[str]]], beam_size: int, on_progress: ProgressCallback | None
    ) -> dict[int, list[str]]:
        """Translate every piece in one call; segment index → the texts of its pieces, in order."""
        hyps = self._decode([tok for toks in pieces.values() for tok in toks], beam_size, on_progress)
        done: dict[int, list[str]] = {}
        for i, toks in pieces.items():
            for _ in toks:
                text = self.target_tokenizer.decode(next(hyps))
                done.setdefault(i, []).append(text[1:] if text.startswith(" ") else text)
            if on_progress:
                on_progress(1)
        return done

    def _decode(self, tokens: list[list[str]], beam_size: int, on_progress: ProgressCallback | None = None):
        """Yield the best hypothesis of each token list, in order, without the target prefix."""
        prefix = list(self.target_prefix)
        longest = max(len(t) for t in tokens)
        results = self.translator.translate_batch(
            tokens,
            target_prefix=[prefix for _ in tokens] if prefix else None,
            max_batch_size=self.max_batch_tokens,
            batch_type="tokens",
            asynchronous=True,
            beam_size=beam_size,
            num_hypotheses=1,
            length_penalty=self.settings.length_penalty,
            replace_unknowns=True,
            # CTranslate2's default of 256 would cut long segments short; never past the positions.
            max_decoding_length=min(max(256, 2 * longest + 10), self.max_positions or 1 << 30),
            # CTranslate2 silently truncates sources to 1024 tokens by default; 0 = never.
            max_input_length=0,
        )
        for result in results:
            while on_progress and not result.done():
                on_progress(0)
                time.sleep(POLL_SECONDS)
            hyp = result.result().hypotheses[0]
            if prefix and hyp[: len(prefix)] == prefix:
                hyp = hyp[len(prefix) :]
            yield hyp
