"""Engines for converted CTranslate2 model folders (:mod:`xling.mt.folder`), on the shared batched path.

:class:`FolderEngine` loads a folder's ``ctranslate2.Translator`` and SentencePiece model(s);
its kinds differ only in the tokens around each segment:

* :class:`xling.mt.opusmt.OpusMTEngine` (``opus-mt``);
* :class:`xling.mt.multilingual.MultilingualEngine` (``nllb``, ``m2m100``).

Decoding defaults: beam 4 and ``length_penalty`` 1.0, the generation defaults of the
Hugging Face configs of ``facebook/nllb-200-*`` and ``Helsinki-NLP/opus-mt-*`` (CTranslate2's
own defaults are beam 2 and length penalty 1); device ``cpu``, compute type ``auto``.
"""

from __future__ import annotations

from typing import Any

from xling.errors import ModelError
from xling.mt.ct2 import (
    DEFAULT_MAX_BATCH_TOKENS,
    CT2Engine,
    DecodeSettings,
    SentencePieceTokenizer,
    load_translator,
    model_max_positions,
)
from xling.mt.engine import Engine
from xling.mt.folder import FolderModel

#: Default decoding settings of folder models (see the module docstring).
FOLDER_DEFAULTS = DecodeSettings(beam_size=4, length_penalty=1.0, device="cpu", compute_type="auto")


class FolderEngine(CT2Engine):
    """One direction (``from_code`` → ``to_code``) of a model folder.

    Args:
        model: the validated folder (:func:`xling.mt.folder.read_model_folder`).
        from_code, to_code: ISO 639-1 codes; the model must support the pair.
        max_batch_tokens: CTranslate2 sub-batch size in source tokens.
        threads: CPU threads (``intra_threads``); default ``os.cpu_count()``.
        device / compute_type: override :data:`FOLDER_DEFAULTS`.

    Raises:
        ModelError: the model does not translate the pair, or cannot be loaded.
    """

    def __init__(
        self,
        model: FolderModel,
        from_code: str,
        to_code: str,
        *,
        max_batch_tokens: int = DEFAULT_MAX_BATCH_TOKENS,
        threads: int | None = None,
        device: str | None = None,
        compute_type: str | None = None,
    ) -> None:
        if not model.supports(from_code, to_code):
            raise ModelError(
                f"{model.path}: the {model.kind} model {model.name} does not translate {from_code}→{to_code}"
            )
        self.model = model
        self.from_code, self.to_code = from_code, to_code
        self.max_batch_tokens = max_batch_tokens
        self.where = str(model.path)
        self.settings = DecodeSettings(
            beam_size=FOLDER_DEFAULTS.beam_size,
            length_penalty=FOLDER_DEFAULTS.length_penalty,
            device=device or FOLDER_DEFAULTS.device,
            compute_type=compute_type or FOLDER_DEFAULTS.compute_type,
        )
        try:
            self.translator = load_translator(model.path, self.settings, threads=threads)
            self.max_positions = model_max_positions(model.path)
            self.tokenizer = SentencePieceTokenizer(model.source_spm)
            self.target_tokenizer = (
                self.tokenizer if model.target_spm == model.source_spm else SentencePieceTokenizer(model.target_spm)
            )
        except (RuntimeError, OSError, ValueError) as exc:
            raise ModelError(
                f"{model.path}: cannot load the {model.kind} model ({str(exc).splitlines()[0] if str(exc) else exc}); "
                "convert it again and reinstall it with `xling models install DIR --replace`"
            ) from None

    def models(self) -> list[dict[str, Any]]:
        """``[model.describe(from, to)]``: the one model this engine runs."""
        return [self.model.describe(self.from_code, self.to_code)]


def load_folder_engine(model: FolderModel, from_code: str, to_code: str, **options: Any) -> Engine:
    """The engine of ``model``'s kind for ``from_code`` → ``to_code`` (``options`` as :class:`FolderEngine`).

    Raises:
        ModelError: see :class:`FolderEngine`.
    """
    if model.kind == "opus-mt":
        from xling.mt.opusmt import OpusMTEngine

        return OpusMTEngine(model, from_code, to_code, **options)
    from xling.mt.multilingual import MultilingualEngine

    return MultilingualEngine(model, from_code, to_code, **options)
