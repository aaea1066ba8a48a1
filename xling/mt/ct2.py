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

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from xling.errors import ModelError
from xling.mt.engine import ProgressCallback

#: Default sub-batch size of one ``translate_batch`` call, in source tokens. At beam 4 a
#: transformer-base model needs a few hundred MB for it; raise it for throughput, lower it for memory.
DEFAULT_MAX_BATCH_TOKENS = 2048


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

    def translate_batch(
        self,
        texts: list[str],
        *,
        beam_size: int | None = None,
        on_progress: ProgressCallback | None = None,
    ) -> list[str]:
        """Translate all ``texts`` in one CTranslate2 ``translate_batch`` call (see :class:`~xling.mt.engine.Engine`).

        Sub-batches hold at most ``max_batch_tokens`` source tokens; blank texts are not sent
        and give ``""``.

        Raises:
            ModelError: CTranslate2 failed on the model (the message names the model folder).
        """
        outputs = [""] * len(texts)
        todo = [i for i, t in enumerate(texts) if t.strip()]
        if on_progress and len(todo) < len(texts):
            on_progress(len(texts) - len(todo))
        if not todo:
            return outputs
        tokens = [self.source_tokens(texts[i]) for i in todo]
        try:
            for i, hyp in zip(todo, self._decode(tokens, beam_size or self.settings.beam_size)):
                text = self.target_tokenizer.decode(hyp)
                outputs[i] = text[1:] if text.startswith(" ") else text
                if on_progress:
                    on_progress(1)
        except RuntimeError as exc:
            raise ModelError(f"{self.where}: the {self.pair} model failed ({exc})") from None
        return outputs

    def _decode(self, tokens: list[list[str]], beam_size: int):
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
            # CTranslate2's default of 256 would cut long segments short.
            max_decoding_length=max(256, 2 * longest + 10),
            # CTranslate2 silently truncates sources to 1024 tokens by default; 0 = never.
            max_input_length=0,
        )
        for result in results:
            hyp = result.result().hypotheses[0]
            if prefix and hyp[: len(prefix)] == prefix:
                hyp = hyp[len(prefix) :]
            yield hyp
