"""Build test model FOLDERS offline in the layouts of converted OPUS-MT, NLLB-200 and M2M-100 models.

Command line (see :mod:`xling.testing.models`)::

    python -m xling.testing.models copy --kind nllb --langs fa,en,ru,ar --out DIR
    python -m xling.testing.models copy --kind m2m100 --langs fa,en,ru,ar --out DIR
    python -m xling.testing.models copy --kind opus-mt --langs en,ar --out DIR       # one pair
    python -m xling.testing.models copy --kind opus-mt --langs en,ar,ru --out DIR    # en→ar,ru: >>ara<<

The folder is what :mod:`xling.mt.folder` reads (``xling models install DIR``)::

    DIR/
        model.bin, config.json, shared_vocabulary.json     CTranslate2 Transformer
        sentencepiece.bpe.model                            nllb, m2m100 (one shared model)
        source.spm, target.spm                             opus-mt (one a side, as Marian exports)
        xling-model.json                                   kind, languages, xling_test_model
        README.md

The vocabulary is the SentencePiece pieces plus the language tokens of the kind's scheme
(``pes_Arab``..., ``__fa__``..., ``>>ara<<``...), appended after the pieces as converted models
add them after the SentencePiece vocabulary. The ``tiny`` copy model returns every segment it is
sent: its decoder copies source position ``t - shift`` at step ``t``, where the shift is the
forced target-prefix tokens minus the language tokens before the source (NLLB/M2M-100: one
each, shift 0; multi-target OPUS-MT: a ``>>ara<<`` before the source, shift -1), so the target
prefix is respected and the source language token is not copied. The ``base`` size is the
transformer-base benchmark model of :func:`xling.testing.ct2_build.base_spec` in the same
layout: garbage output by design.

Their output is never a translation: ``xling-model.json`` (``xling_test_model``), the name and
the README say "xling test model".
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

from xling.errors import InputError

FOLDER_KINDS = ("opus-mt", "nllb", "m2m100")


def _langs(kind: str, langs: list[str]) -> tuple[list[str], list[str]]:
    """(sources, targets) of a test model of ``kind`` over ``langs``."""
    if len(langs) < 2 or len(set(langs)) != len(langs):
        raise InputError(f"--langs {','.join(langs)}: give at least two different language codes, e.g. fa,en,ru,ar")
    for code in langs:
        if not code.isascii() or not code.isalpha() or not 2 <= len(code) <= 3 or code != code.lower():
            raise InputError(f"--langs: {code!r} is not an ISO 639-1 code such as fa or en")
    if kind == "opus-mt":
        return langs[:1], langs[1:]
    return langs, langs


def _language_tokens(kind: str, sources: list[str], targets: list[str]) -> dict[str, str]:
    from xling.mt.langtokens import language_token

    codes = (targets if len(targets) > 1 else []) if kind == "opus-mt" else sources + targets
    tokens = {}
    for code in dict.fromkeys(codes):
        token = language_token(kind, code)
        if token is None:
            raise InputError(f"--langs: no {kind} language token is known for {code!r} (see xling.mt.langtokens)")
        tokens[code] = token
    return tokens


def folder_label(kind: str, langs: list[str], size: str) -> str:
    """The name shown for a test model folder, e.g. ``xling test model: copy nllb fa,en,ru,ar``."""
    if size == "tiny":
        return f"xling test model: copy {kind} {','.join(langs)}"
    return f"xling test model: {size} {kind} {','.join(langs)} (transformer-base size, random weights)"


def build_folder_test_model(kind: str, langs: list[str], out: Path, *, size: str = "tiny", seed: int = 1234) -> Path:
    """Write a test model folder of ``kind`` over ``langs`` to ``out`` and return ``out``.

    Args:
        kind: ``opus-mt`` (first code the source, the rest its targets), ``nllb`` or ``m2m100``
            (every pair among ``langs``).
        langs: ISO 639-1 codes, e.g. ``["fa", "en", "ru", "ar"]``.
        out: the folder to write; an existing xling test model folder there is replaced, any
            other existing path is refused. Written in a sibling temporary folder, then renamed.
        size: ``tiny`` (exact copy, well under a second) or ``base`` (transformer-base size,
            random int8 weights, 20-50 s, for benchmarks).
        seed: random seed of the ``base`` weights and tokenizer text.

    Raises:
        InputError: unknown kind or size, bad codes, or ``out`` is something else than a test model.
    """
    from xling.testing.models import SIZES

    if kind not in FOLDER_KINDS:
        raise InputError(f"unknown test model kind {kind!r}; choose one of: argos, {', '.join(FOLDER_KINDS)}")
    if size not in SIZES:
        raise InputError(f"unknown test model size {size!r}; choose one of: {', '.join(SIZES)}")
    sources, targets = _langs(kind, langs)
    tokens = _language_tokens(kind, sources, targets)
    out = Path(out)
    _check_out(out)
    shift = 0 if kind != "opus-mt" else (-1 if len(targets) > 1 else 0)
    sp_bytes, vocabulary = _tokenizer(size, seed, list(tokens.values()))
    from xling.testing import ct2_build

    if size == "tiny":
        spec = ct2_build.copy_spec(vocabulary, prefix_shift=shift)
    else:
        spec = ct2_build.base_spec(vocabulary, seed=seed, prefix_shift=shift)
    label = folder_label(kind, langs, size)
    manifest = {
        "kind": kind,
        "name": f"xling-test-{'copy' if size == 'tiny' else size}-{kind}-{'_'.join(langs)}",
        "version": "1.0",
        "languages": sources if kind != "opus-mt" else {"source": sources, "target": targets},
        "language_tokens": tokens,
        # Read by xling.mt.packages.xling_test_model_kind: the kind names what the output is.
        "xling_test_model": {"kind": "copy", "size": size} if size == "tiny" else {"kind": "base-random", "size": size},
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".xling-test-model-", dir=out.parent))
    try:
        ct2_build.save_spec(spec, tmp / "model", quantization=None if size == "tiny" else "int8")
        folder = tmp / "model"
        names = ("source.spm", "target.spm") if kind == "opus-mt" else ("sentencepiece.bpe.model",)
        for name in names:
            (folder / name).write_bytes(sp_bytes)
        (folder / "xling-model.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", "utf-8")
        (folder / "README.md").write_text(_readme(label, size), "utf-8")
        _replace(folder, out, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return out


def _tokenizer(size: str, seed: int, language_tokens: list[str]) -> tuple[bytes, list[str]]:
    """(SentencePiece model bytes, CTranslate2 vocabulary = its pieces + the language tokens)."""
    from xling.testing.models import BASE_LEXICON_LINES, BASE_PSEUDO_WORDS, BASE_VOCAB_SIZE, COPY_VOCAB_SIZE
    from xling.testing.sp_train import piece_list, train_sentencepiece

    if size == "tiny":
        sp_bytes = train_sentencepiece(COPY_VOCAB_SIZE)
    else:
        sp_bytes = train_sentencepiece(
            BASE_VOCAB_SIZE - len(language_tokens),
            pseudo_words=BASE_PSEUDO_WORDS,
            lexicon_lines=BASE_LEXICON_LINES,
            seed=seed,
        )
    pieces = piece_list(sp_bytes)
    return sp_bytes, pieces + [t for t in language_tokens if t not in pieces]


def _readme(label: str, size: str) -> str:
    what = (
        "It returns the segment it is sent, token for token: its output is not a translation.\n"
        if size == "tiny"
        else "Transformer-base size with seeded random weights: its output is garbage by design and is not a "
        "translation. Use it for speed and memory measurements only.\n"
    )
    return f"# {label}\n\nBuilt by `python -m xling.testing.models` for xling's tests and benchmarks, offline.\n" + what


def _check_out(out: Path) -> None:
    if not out.exists():
        return
    manifest = out / "xling-model.json"
    try:
        is_test = out.is_dir() and bool(json.loads(manifest.read_text("utf-8")).get("xling_test_model"))
    except (OSError, ValueError, AttributeError):
        is_test = False
    if not is_test:
        raise InputError(f"{out}: exists and is not an xling test model folder; give --out a new folder")


def _replace(folder: Path, out: Path, tmp: Path) -> None:
    if out.exists():
        out.rename(tmp / "old")
    folder.rename(out)
