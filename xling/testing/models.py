"""Build test models offline: ``copy`` (exact identity) and ``base`` (benchmarks), as Argos
``.argosmodel`` packages or as converted OPUS-MT / NLLB-200 / M2M-100 model folders.

Command line (the forms the checks use)::

    python -m xling.testing.models copy --from fa --to en --out PATH.argosmodel
    python -m xling.testing.models copy --from fa --to en --out PATH.argosmodel --size base
    python -m xling.testing.models copy --from fa --to en --out P.argosmodel --target-prefix __en__
    python -m xling.testing.models copy --kind nllb --langs fa,en,ru,ar --out DIR
    python -m xling.testing.models copy --kind opus-mt --langs en,ar --out DIR

Model folders are built by :mod:`xling.testing.folder_models`; the rest of this docstring is
about ``.argosmodel`` packages.

Python API: :func:`build_test_model`.

A package is a zip holding one top-level folder with the layout argostranslate 1.11 reads
(``argostranslate/package.py``: ``metadata.json``, ``model/`` for ``ctranslate2.Translator``,
``sentencepiece.model`` for ``SentencePieceTokenizer``)::

    xling-test-copy-fa_en/
        metadata.json      package_version, argos_version, from/to code and name, package_name
                           "xling test model: copy fa→en", optional target_prefix
        README.md
        sentencepiece.model
        model/             CTranslate2 Transformer (model.bin, config.json, shared_vocabulary.json)

Sizes:

* ``tiny`` (default): the hand-set copy model of :func:`xling.testing.ct2_build.copy_spec`; the
  tokenizer is a ~670-piece SentencePiece model. It returns every segment it is sent,
  exactly, at any beam size, for segments of up to 2047 tokens (positions are 11 bits; see
  :mod:`xling.testing.ct2_build`).
* ``base``: transformer-base size (6+6 layers, d_model 512, 8 heads, FFN 2048, 32 000 pieces),
  seeded random weights, see :func:`xling.testing.ct2_build.base_spec`. Its hypotheses are
  garbage by design (never a translation); each has as many tokens as its source. For
  benchmarks only. The 32 000-piece tokenizer is trained on the seed sentences, 150 000 seeded
  pseudo-words and 40 000 lines of Persian words drawn from hazm's lexicon by frequency (about
  10-20 s), which fills the vocabulary exactly and cuts Persian news text into word-like pieces
  (the bundled article: about 41 pieces per sentence, 1.6 per word), as a real model would.

The output of these models is never a translation: metadata, README and docstrings say
"xling test model".
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from xling.errors import InputError
from xling.testing.folder_models import FOLDER_KINDS, build_folder_test_model, folder_label

KINDS = ("copy",)
SIZES = ("tiny", "base")

LANGUAGE_NAMES = {
    "fa": "Persian",
    "en": "English",
    "ru": "Russian",
    "ar": "Arabic",
    "de": "German",
    "fr": "French",
}

BASE_VOCAB_SIZE = 32000
BASE_PSEUDO_WORDS = 150_000  # seeded Latin/Cyrillic/Persian-letter pseudo-words
BASE_LEXICON_LINES = 40_000  # lines of Persian words from hazm's lexicon (when hazm is installed)
COPY_VOCAB_SIZE = 1024  # requested; hard_vocab_limit=False gives ~670 pieces


#: Tokenizers a test package can carry (argostranslate reads sentencepiece.model or bpe.model).
TOKENIZERS = ("sentencepiece", "bpe")

#: A few subword-nmt merges (format version 0.2) for the BPE variant: enough that words are
#: split into several subwords, so the engine's BPE encode/decode path is really exercised.
BPE_CODES = "#version: 0.2\nt h\nth e</w>\ni n\nin g</w>\ne r</w>\no n</w>\na n\nan d</w>\n"


def package_label(kind: str, from_code: str, to_code: str, size: str = "tiny") -> str:
    """The human name of a test package, e.g. ``"xling test model: copy fa→en"``.

    The ``base`` size is named after its size, not "copy": its output is random garbage.
    """
    if size == "tiny":
        return f"xling test model: {kind} {from_code}→{to_code}"
    return f"xling test model: {size} {from_code}→{to_code} (transformer-base size, random weights)"


def _check_code(code: str, what: str) -> None:
    if not code or not code.isascii() or not code.replace("_", "").isalnum() or len(code) > 12:
        raise InputError(f"{what} {code!r} is not a language code; give an ISO 639 code such as fa or en")


def build_test_model(
    kind: str,
    from_code: str,
    to_code: str,
    out: Path,
    *,
    size: str = "tiny",
    target_prefix: str | None = None,
    seed: int = 1234,
    tokenizer: str = "sentencepiece",
) -> Path:
    """Write a test ``.argosmodel`` package to ``out`` and return ``out``.

    Args:
        kind: ``"copy"``; the only kind so far.
        from_code, to_code: ISO 639 codes written into ``metadata.json``.
        out: destination ``.argosmodel`` file (replaced atomically; parents are created).
        size: ``"tiny"`` (exact identity model, < 1 MB, built in well under a second) or
            ``"base"`` (transformer-base size, seeded random weights, int8 weights, about
            87 MB, built in about 20-50 s, most of it SentencePiece training).
        target_prefix: when set (e.g. ``"__en__"``), ``metadata.json`` gets ``target_prefix``,
            the token is added to the tokenizer as a user-defined piece, and the model copies
            (``tiny``) or counts (``base``) starting after the forced prefix token.
        seed: random seed of the ``base`` weights and tokenizer text.
        tokenizer: ``"sentencepiece"`` (default) or ``"bpe"`` (``tiny`` only): a Moses + subword-nmt
            ``bpe.model`` (argostranslate's ``BPETokenizer``) instead of ``sentencepiece.model``.
            BPE subwords are mostly not in the copy model's vocabulary; they come back exactly
            through CTranslate2's ``replace_unknowns`` (each ``<unk>`` takes the source token the
            model attends to, which for the copy model is the one at the same position), so the
            package tests a BPE engine path end to end.

    Returns:
        ``out`` as a :class:`~pathlib.Path`.

    Raises:
        InputError: unknown ``kind`` or ``size``, or a malformed language code / prefix.
        InputError, OSError: ``out`` cannot be written (nothing is left behind; an existing ``out`` is kept).
    """
    _check_args(kind, from_code, to_code, size=size, target_prefix=target_prefix, tokenizer=tokenizer)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)

    from xling.testing import ct2_build
    from xling.testing.sp_train import piece_list, train_sentencepiece

    user_symbols = (target_prefix,) if target_prefix else ()
    shift = 1 if target_prefix else 0
    if size == "tiny":
        sp_bytes = train_sentencepiece(COPY_VOCAB_SIZE, user_symbols=user_symbols)
        spec = ct2_build.copy_spec(piece_list(sp_bytes), prefix_shift=shift)
    else:
        sp_bytes = train_sentencepiece(
            BASE_VOCAB_SIZE,
            pseudo_words=BASE_PSEUDO_WORDS,
            lexicon_lines=BASE_LEXICON_LINES,
            seed=seed,
            user_symbols=user_symbols,
        )
        spec = ct2_build.base_spec(piece_list(sp_bytes), seed=seed, prefix_shift=shift)
    folder = f"xling-test-{kind if size == 'tiny' else size}-{from_code}_{to_code}"
    files = {
        "metadata.json": json.dumps(
            _metadata(kind, from_code, to_code, size, seed, target_prefix), ensure_ascii=False, indent=2
        )
        + "\n",
        "README.md": _readme(package_label(kind, from_code, to_code, size), size),
    }
    tokenizer_file = ("bpe.model", BPE_CODES.encode()) if tokenizer == "bpe" else ("sentencepiece.model", sp_bytes)
    _write_package(out, folder, spec, files, tokenizer_file, quantization=None if size == "tiny" else "int8")
    return out


def _check_args(
    kind: str, from_code: str, to_code: str, *, size: str, target_prefix: str | None, tokenizer: str
) -> None:
    if kind not in KINDS:
        raise InputError(f"unknown test model kind {kind!r}; choose one of: {', '.join(KINDS)}")
    if size not in SIZES:
        raise InputError(f"unknown test model size {size!r}; choose one of: {', '.join(SIZES)}")
    _check_code(from_code, "--from")
    _check_code(to_code, "--to")
    if target_prefix is not None and (not target_prefix or any(ch.isspace() for ch in target_prefix)):
        raise InputError(f"--target-prefix {target_prefix!r} must be one non-empty token without spaces, e.g. __en__")
    if tokenizer not in TOKENIZERS:
        raise InputError(f"unknown tokenizer {tokenizer!r}; choose one of: {', '.join(TOKENIZERS)}")
    if tokenizer == "bpe" and size != "tiny":
        raise InputError("--tokenizer bpe is only built for the tiny copy model")


def _metadata(kind: str, from_code: str, to_code: str, size: str, seed: int, target_prefix: str | None) -> dict:
    """The ``metadata.json`` of a test package (argostranslate's fields plus ``xling_test_model``)."""
    metadata = {
        "package_version": "1.0",
        "argos_version": "1.11",
        "from_code": from_code,
        "from_name": LANGUAGE_NAMES.get(from_code, from_code),
        "to_code": to_code,
        "to_name": LANGUAGE_NAMES.get(to_code, to_code),
        "package_name": package_label(kind, from_code, to_code, size),
        "type": "translate",
        # Read by xling.mt.packages.xling_test_model_kind: the kind names what the output is.
        "xling_test_model": (
            {"kind": kind, "size": size} if size == "tiny" else {"kind": "base-random", "size": size, "seed": seed}
        ),
    }
    if target_prefix:
        metadata["target_prefix"] = target_prefix
    return metadata


def _readme(label: str, size: str) -> str:
    return f"# {label}\n\nBuilt by `python -m xling.testing.models` for xling's tests and benchmarks, offline.\n" + (
        "It returns the segment it is sent, token for token: its output is not a translation.\n"
        if size == "tiny"
        else "Transformer-base size with seeded random weights: its output is garbage by design "
        "and is not a translation. Use it for speed and memory measurements only.\n"
    )


def _write_package(
    out: Path, folder: str, spec, files: dict[str, str], tokenizer: tuple[str, bytes], *, quantization: str | None
) -> None:
    """Zip ``folder/`` with ``files``, the tokenizer and the saved ``spec`` as ``model/`` into ``out``, atomically."""
    from xling.io import AtomicOutputs
    from xling.testing import ct2_build

    with tempfile.TemporaryDirectory(prefix=".xling-test-model-", dir=out.parent) as tmp:
        model_dir = Path(tmp) / "model"
        # base: int8 weights, as in Argos's published packages (about 95 MB instead of 330 MB).
        ct2_build.save_spec(spec, model_dir, quantization=quantization)
        with AtomicOutputs() as group, group.open(out, binary=True) as fh:
            with zipfile.ZipFile(fh, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
                for name in ("metadata.json", "README.md"):
                    zf.writestr(f"{folder}/{name}", files[name])
                zf.writestr(f"{folder}/{tokenizer[0]}", tokenizer[1])
                for path in sorted(model_dir.iterdir()):
                    zf.write(path, f"{folder}/model/{path.name}")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m xling.testing.models",
        description="Build an xling test model offline (its output is never a translation).",
    )
    parser.add_argument("kind", choices=KINDS, help="test model kind: copy returns its input")
    parser.add_argument(
        "--kind",
        dest="layout",
        choices=("argos", *FOLDER_KINDS),
        default="argos",
        help="layout: argos (an .argosmodel file, the default) or a model folder: opus-mt, nllb, m2m100",
    )
    parser.add_argument("--from", dest="from_code", help="source language code, e.g. fa (argos)")
    parser.add_argument("--to", dest="to_code", help="target language code, e.g. en (argos)")
    parser.add_argument(
        "--langs", help="languages of a model folder, e.g. fa,en,ru,ar (opus-mt: the source, then its targets)"
    )
    parser.add_argument("--out", required=True, type=Path, help="output .argosmodel file (argos) or folder")
    parser.add_argument("--size", choices=SIZES, default="tiny", help="tiny (exact copy) or base (benchmarks)")
    parser.add_argument("--target-prefix", default=None, help="write target_prefix into metadata.json, e.g. __en__")
    parser.add_argument("--seed", type=int, default=1234, help="random seed of the base weights")
    parser.add_argument(
        "--tokenizer",
        choices=TOKENIZERS,
        default="sentencepiece",
        help="sentencepiece (default) or bpe (Moses + subword-nmt, tiny only)",
    )
    return parser


def _build(args: argparse.Namespace) -> tuple[Path, str]:
    """Build what ``args`` ask for; returns (the output, its label)."""
    if args.layout != "argos":
        if not args.langs or args.from_code or args.to_code or args.target_prefix or args.tokenizer != "sentencepiece":
            raise InputError(
                f"--kind {args.layout}: give --langs (e.g. fa,en,ru,ar), not --from/--to/--target-prefix/--tokenizer"
            )
        langs = [c.strip() for c in args.langs.split(",") if c.strip()]
        out = build_folder_test_model(args.layout, langs, args.out, size=args.size, seed=args.seed)
        return out, folder_label(args.layout, langs, args.size)
    if not args.from_code or not args.to_code or args.langs:
        raise InputError("--kind argos: give --from and --to (e.g. --from fa --to en), not --langs")
    out = build_test_model(
        args.kind,
        args.from_code,
        args.to_code,
        args.out,
        size=args.size,
        target_prefix=args.target_prefix,
        seed=args.seed,
        tokenizer=args.tokenizer,
    )
    return out, package_label(args.kind, args.from_code, args.to_code, args.size)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; see the module docstring. Returns the exit status."""
    args = _parser().parse_args(argv)
    from xling.errors import XlingError

    start = time.perf_counter()
    try:
        out, label = _build(args)
    except XlingError as exc:
        print(f"xling: error: {exc}", file=sys.stderr)
        return exc.exit_code
    seconds = time.perf_counter() - start
    size = out.stat().st_size if out.is_file() else sum(p.stat().st_size for p in out.iterdir())
    print(f"{out}: {label}, {size / 1e6:.2f} MB, built in {seconds:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
