"""Argos Translate packages run directly on CTranslate2, all segments of a document in one batch.

:class:`ArgosEngine` loads an installed package's CTranslate2 model (``model/``) and its
tokenizer (SentencePiece, or Moses + BPE through argostranslate's own ``BPETokenizer``) and
runs the batched path of :class:`xling.mt.ct2.CT2Engine`: every segment in ONE
``Translator.translate_batch`` call, sub-batches counted in tokens. argostranslate instead translates each sentence on its own (its batch size is 32 tokens), and
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

from typing import Any

from xling.errors import ModelError, ModelMissingError
from xling.mt.ct2 import (
    DEFAULT_MAX_BATCH_TOKENS,
    CT2Engine,
    DecodeSettings,
    SentencePieceTokenizer,
    Tokenizer,
    load_translator,
    model_max_positions,
)
from xling.mt.engine import Engine, ProgressCallback
from xling.mt.packages import InstalledPackage, find_package, install_hint

#: argostranslate's fixed length penalty (``apply_packaged_translation``).
ARGOS_LENGTH_PENALTY = 0.2


def argos_defaults() -> dict[str, Any]:
    """argostranslate's decoding and device settings, read as argostranslate reads them
    (environment, else ``settings.json``, else its default) without importing it.

    Returns:
        ``{"beam_size": int, "device": str, "compute_type": str, "length_penalty": float}``.
    """
    from xling.mt.packages import argos_setting

    return {
        "beam_size": int(argos_setting("ARGOS_BEAM_SIZE", "4")),
        "device": str(argos_setting("ARGOS_DEVICE_TYPE", "cpu")),
        "compute_type": str(argos_setting("ARGOS_COMPUTE_TYPE", "auto")),
        "length_penalty": ARGOS_LENGTH_PENALTY,
    }


class _MosesBPE:
    """Moses tokenizer + subword-nmt BPE, exactly as argostranslate's ``BPETokenizer`` does it."""

    def __init__(self, pkg: InstalledPackage) -> None:
        from argostranslate.tokenizer import BPETokenizer

        self.inner = BPETokenizer(pkg.path / "bpe.model", pkg.from_code, pkg.to_code)

    def encode(self, text: str) -> list[str]:
        return self.inner.encode(text)

    def decode(self, tokens: list[str]) -> str:
        return self.inner.decode(tokens)


class ArgosEngine(CT2Engine):
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
        self.package = package
        self.from_code = package.from_code
        self.to_code = package.to_code
        self.max_batch_tokens = max_batch_tokens
        self.where = str(package.path)
        defaults = argos_defaults()
        self.settings = DecodeSettings(
            beam_size=defaults["beam_size"],
            length_penalty=defaults["length_penalty"],
            device=device or defaults["device"],
            compute_type=compute_type or defaults["compute_type"],
        )
        self.default_beam_size = self.settings.beam_size
        self.length_penalty = self.settings.length_penalty
        self.target_prefix = [package.target_prefix] if package.target_prefix else []
        try:
            self.translator = load_translator(package.path / "model", self.settings, threads=threads)
            self.max_positions = model_max_positions(package.path / "model")
            if package.tokenizer == "sentencepiece":
                self.tokenizer: Tokenizer = SentencePieceTokenizer(package.path / "sentencepiece.model")
            else:
                self.tokenizer = _MosesBPE(package)
        except (RuntimeError, OSError, ValueError) as exc:
            raise ModelError(
                f"{package.path}: cannot load the {package.pair} model ({exc}); reinstall it with `xling models install`"
            ) from None
        self.target_tokenizer = self.tokenizer

    def models(self) -> list[dict[str, Any]]:
        """``[package.describe()]`` with ``engine: "argos"``: the one model this engine runs."""
        return [dict(self.package.describe(), engine="argos")]


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
        self.default_beam_size = argos_defaults()["beam_size"]  # argostranslate's own setting
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
