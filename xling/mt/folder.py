"""Converted CTranslate2 model folders (OPUS-MT, NLLB-200, M2M-100): read, validate, install, list, remove.

A model folder, as ``ct2-opus-mt-converter`` or ``ct2-transformers-converter`` writes it plus
its tokenizer and one small file xling reads::

    MODEL/
        model.bin, config.json           the CTranslate2 model
        shared_vocabulary.json|txt       or source_vocabulary.* + target_vocabulary.*
        sentencepiece.bpe.model          one shared SentencePiece model (or sentencepiece.model,
                                         spm.model), or source.spm + target.spm
        xling-model.json                 what the model is, e.g.
            {"kind": "nllb", "languages": ["fa", "en", "ru", "ar"]}
            {"kind": "opus-mt", "languages": {"source": ["en"], "target": ["ar"]}}

``xling-model.json`` keys:

* ``kind`` (required): ``opus-mt``, ``nllb`` or ``m2m100`` (:data:`KINDS`).
* ``languages`` (required): ISO 639-1 codes. A list means every pair among them (nllb,
  m2m100); ``{"source": [...], "target": [...]}`` every source→target pair (opus-mt).
* ``language_tokens`` (optional): code → token; defaults from the kind's scheme
  (:mod:`xling.mt.langtokens`): ``pes_Arab`` (nllb), ``__fa__`` (m2m100), ``>>ara<<`` (opus-mt,
  needed only when the model has several target languages).
* ``tokenizer`` (optional): a file name, or ``{"source": FILE, "target": FILE}``.
* ``name``, ``version`` (optional): shown by ``xling models list``; ``name`` is the install
  folder name (default: the folder's own name).
* ``xling_test_model`` (optional): set by :mod:`xling.testing.models` on its test models.

Installed folders live in ``XLING_MODELS_DIR``, else ``$XDG_DATA_HOME/xling/models``
(``~/.local/share/xling/models``). Nothing is created until a model is installed.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from xling.errors import ModelError, ModelMissingError
from xling.mt.langtokens import language_token

KINDS = ("opus-mt", "nllb", "m2m100")
MANIFEST = "xling-model.json"
_SCHEME_OF_KIND = {"opus-mt": "opus-mt", "nllb": "nllb", "m2m100": "m2m100"}
_SHARED_TOKENIZERS = ("sentencepiece.bpe.model", "sentencepiece.model", "spm.model")
_KEYS = {"kind", "languages", "language_tokens", "tokenizer", "name", "version", "xling_test_model"}
_CODE_RE = re.compile(r"[a-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*")
_NAME_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._+-]{0,99}")
#: One short segment the install smoke test translates (any model must get through it).
SMOKE_TEXT = "1"


@dataclass
class FolderModel:
    """A CTranslate2 model folder with its ``xling-model.json`` (nothing is loaded).

    Attributes:
        path: the folder.
        kind: ``opus-mt``, ``nllb`` or ``m2m100``.
        name / version: display name (also the install folder name) and version ("" if none).
        sources / targets: ISO 639-1 codes it translates from / into.
        tokens: language code → the model's language token (only languages that need one).
        source_spm / target_spm: the SentencePiece files (the same file when shared).
        test_model: None for a real model; for an xling test model its kind (``"copy"``).
        manifest: the whole ``xling-model.json`` object.
    """

    path: Path
    kind: str
    name: str
    version: str
    sources: list[str]
    targets: list[str]
    tokens: dict[str, str]
    source_spm: Path
    target_spm: Path
    test_model: str | None = None
    manifest: dict[str, Any] = field(default_factory=dict)

    def supports(self, from_code: str, to_code: str) -> bool:
        """Whether the model translates ``from_code`` → ``to_code``."""
        return from_code != to_code and from_code in self.sources and to_code in self.targets

    def pairs(self) -> list[tuple[str, str]]:
        """Every (from, to) pair it translates."""
        return [(a, b) for a in self.sources for b in self.targets if a != b]

    def languages_label(self) -> str:
        """``fa,en,ru,ar`` (many-to-many) or ``en→ar,ru``."""
        if self.sources == self.targets:
            return ",".join(self.sources)
        return f"{','.join(self.sources)}→{','.join(self.targets)}"

    def label(self) -> str:
        """One-line description, e.g. ``nllb-200-600M 1.0 (nllb fa,en,ru,ar)`` or ``xling test model: ...``."""
        if self.test_model:
            return f"xling test model: {self.test_model} {self.kind} {self.languages_label()}"
        return f"{self.name} {self.version}".strip() + f" ({self.kind} {self.languages_label()})"

    def describe(self, from_code: str, to_code: str) -> dict[str, Any]:
        """JSON-ready summary of the model on one leg (the ``.jsonl`` ``models`` entries)."""
        return {
            "pair": f"{from_code}-{to_code}",
            "name": self.name,
            "version": self.version,
            "test_model": self.test_model,
            "engine": self.kind,
        }


def models_dir() -> Path:
    """Where folder models are installed: ``XLING_MODELS_DIR``, else ``$XDG_DATA_HOME/xling/models``."""
    if os.environ.get("XLING_MODELS_DIR"):
        return Path(os.environ["XLING_MODELS_DIR"])
    from xling.paths import data_home

    return data_home() / "xling" / "models"


def is_model_folder(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is a folder holding an ``xling-model.json``."""
    return (Path(path) / MANIFEST).is_file()


# ------------------------------------------------------------------------------ validation


def _fail(path: Path, what: str) -> ModelError:
    return ModelError(f"{path}: {what}")


def _read_manifest(path: Path) -> dict[str, Any]:
    manifest_path = path / MANIFEST
    try:
        data = json.loads(manifest_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise _fail(
            path,
            f'no {MANIFEST}; add one naming the kind and languages, e.g. {{"kind": "nllb", "languages": ["fa", "en"]}}',
        ) from None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise _fail(manifest_path, f"not valid JSON ({exc}); fix the file") from None
    if not isinstance(data, dict):
        raise _fail(manifest_path, "must be a JSON object with kind and languages")
    unknown = sorted(set(data) - _KEYS)
    if unknown:
        raise _fail(manifest_path, f"unknown key {unknown[0]!r}; the keys are {', '.join(sorted(_KEYS))}")
    kind = data.get("kind")
    if kind not in KINDS:
        raise _fail(manifest_path, f"unknown kind {kind!r}; choose one of {', '.join(KINDS)}")
    return data


def _codes(manifest_path: Path, value: Any, what: str) -> list[str]:
    if not isinstance(value, list) or not value or not all(isinstance(c, str) and _CODE_RE.fullmatch(c) for c in value):
        raise _fail(manifest_path, f'{what} must be a non-empty list of language codes such as ["fa", "en"]')
    return list(dict.fromkeys(value))


def _languages(manifest_path: Path, kind: str, value: Any) -> tuple[list[str], list[str]]:
    """(sources, targets) of the manifest's ``languages``."""
    if isinstance(value, dict):
        if set(value) != {"source", "target"}:
            raise _fail(manifest_path, "languages as an object needs exactly the keys source and target")
        sources = _codes(manifest_path, value["source"], "languages.source")
        targets = _codes(manifest_path, value["target"], "languages.target")
    else:
        sources = targets = _codes(manifest_path, value, "languages")
    if not any(a != b for a in sources for b in targets):
        raise _fail(manifest_path, "languages give no language pair; list at least two languages")
    if kind == "opus-mt" and sources == targets and len(sources) > 2:
        raise _fail(manifest_path, 'an opus-mt model names its pair: "languages": {"source": ["en"], "target": ["ar"]}')
    return sources, targets


def _needs_tokens(kind: str, sources: list[str], targets: list[str]) -> tuple[list[str], list[str]]:
    """(languages whose token goes before the source, languages whose token is the target prefix)."""
    if kind == "opus-mt":
        return (targets if len(targets) > 1 else []), []
    return sources, targets


def _language_tokens(
    manifest_path: Path, data: dict[str, Any], sources: list[str], targets: list[str]
) -> dict[str, str]:
    given = data.get("language_tokens", {})
    if not isinstance(given, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and v for k, v in given.items()
    ):
        raise _fail(manifest_path, 'language_tokens must map codes to tokens, e.g. {"fa": "pes_Arab"}')
    before, prefix = _needs_tokens(data["kind"], sources, targets)
    tokens: dict[str, str] = {}
    for code in dict.fromkeys(before + prefix):
        token = given.get(code) or language_token(_SCHEME_OF_KIND[data["kind"]], code)
        if not token:
            raise _fail(
                manifest_path, f"no {data['kind']} language token known for {code!r}; add it to language_tokens"
            )
        tokens[code] = token
    return tokens


def _tokenizer_files(path: Path, value: Any) -> tuple[Path, Path]:
    if isinstance(value, str):
        names = (value, value)
    elif isinstance(value, dict) and set(value) == {"source", "target"}:
        names = (str(value["source"]), str(value["target"]))
    elif value is None:
        if (path / "source.spm").is_file() and (path / "target.spm").is_file():
            names = ("source.spm", "target.spm")
        else:
            shared = next((n for n in _SHARED_TOKENIZERS if (path / n).is_file()), None)
            if shared is None:
                raise _fail(
                    path,
                    "no tokenizer: add its SentencePiece model (source.spm and target.spm, or one "
                    + " / ".join(_SHARED_TOKENIZERS)
                    + ")",
                )
            names = (shared, shared)
    else:
        raise _fail(path / MANIFEST, 'tokenizer must be a file name or {"source": FILE, "target": FILE}')
    files = []
    for name in names:
        file = path / name
        if Path(name).name != name or not file.is_file():
            raise _fail(path, f"no tokenizer {name!r} in the folder; copy the model's SentencePiece file(s) into it")
        files.append(file)
    return files[0], files[1]


def read_vocabulary(file: Path) -> list[str]:
    """A CTranslate2 vocabulary file: ``*.json`` (a JSON list of tokens) or ``*.txt`` (a token a line).

    Raises:
        ModelError: unreadable or not a list of strings.
    """
    try:
        if file.suffix == ".json":
            vocab = json.loads(file.read_text(encoding="utf-8"))
            if not isinstance(vocab, list) or not all(isinstance(t, str) for t in vocab):
                raise ValueError("not a JSON list of tokens")
            return vocab
        return file.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise _fail(file, f"unreadable vocabulary ({exc}); convert the model again") from None


def _vocabularies(path: Path) -> tuple[set[str], set[str]]:
    """(source vocabulary, target vocabulary) of the CTranslate2 model folder."""

    def first(names: tuple[str, ...]) -> Path | None:
        return next((path / n for n in names if (path / n).is_file()), None)

    shared = first(("shared_vocabulary.json", "shared_vocabulary.txt"))
    if shared is not None:
        vocab = set(read_vocabulary(shared))
        return vocab, vocab
    src = first(("source_vocabulary.json", "source_vocabulary.txt"))
    tgt = first(("target_vocabulary.json", "target_vocabulary.txt"))
    if src is None or tgt is None:
        raise _fail(
            path,
            "no CTranslate2 vocabulary (shared_vocabulary.json or source_/target_vocabulary.*); convert the model again",
        )
    return set(read_vocabulary(src)), set(read_vocabulary(tgt))


def _check_ct2_files(path: Path) -> None:
    model = path / "model.bin"
    if not model.is_file() or model.stat().st_size == 0:
        raise _fail(
            path, "no CTranslate2 model.bin; convert the model with ct2-transformers-converter into this folder"
        )
    try:
        config = json.loads((path / "config.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise _fail(path, "no config.json beside model.bin; convert the model again") from None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise _fail(path / "config.json", f"not valid JSON ({exc}); convert the model again") from None
    if not isinstance(config, dict):
        raise _fail(path / "config.json", "must be a JSON object; convert the model again")


def _check_tokens_in_vocabulary(model: FolderModel) -> None:
    src_vocab, tgt_vocab = _vocabularies(model.path)
    before, prefix = _needs_tokens(model.kind, model.sources, model.targets)
    for codes, vocab, side in ((before, src_vocab, "source"), (prefix, tgt_vocab, "target")):
        for code in codes:
            if model.tokens[code] not in vocab:
                raise _fail(
                    model.path,
                    f"the {side} vocabulary lacks the language token {model.tokens[code]!r} claimed for {code!r}; "
                    f"fix languages/language_tokens in {MANIFEST} or convert the model again",
                )


def _check_spm(file: Path) -> None:
    try:
        import sentencepiece as spm

        spm.SentencePieceProcessor(model_file=str(file))
    except (OSError, RuntimeError) as exc:
        raise _fail(
            file, f"not a SentencePiece model ({str(exc).splitlines()[0] if str(exc) else exc}); copy the right file"
        ) from None


def read_model_folder(path: str | os.PathLike[str]) -> FolderModel:
    """Read and validate the model folder ``path`` without loading the model.

    Checks, in order: ``xling-model.json`` (kind, languages, tokens), ``model.bin`` and
    ``config.json``, the SentencePiece file(s), the vocabulary, and that every language token
    the model needs is in its vocabulary.

    Raises:
        ModelError: the first problem, in one line naming the file and the fix.
    """
    p = Path(path)
    if not p.is_dir():
        raise _fail(p, "not a folder; give a converted CTranslate2 model folder with an xling-model.json")
    data = _read_manifest(p)
    manifest_path = p / MANIFEST
    sources, targets = _languages(manifest_path, data["kind"], data.get("languages"))
    tokens = _language_tokens(manifest_path, data, sources, targets)
    name = str(data.get("name") or p.resolve().name)
    if not _NAME_RE.fullmatch(name):
        raise _fail(manifest_path, f"name {name!r} must be letters, digits and . _ + - (it names the install folder)")
    _check_ct2_files(p)
    source_spm, target_spm = _tokenizer_files(p, data.get("tokenizer"))
    for file in dict.fromkeys((source_spm, target_spm)):
        _check_spm(file)
    from xling.mt.packages import xling_test_model_kind

    model = FolderModel(
        path=p,
        kind=data["kind"],
        name=name,
        version=str(data.get("version", "")),
        sources=sources,
        targets=targets,
        tokens=tokens,
        source_spm=source_spm,
        target_spm=target_spm,
        test_model=xling_test_model_kind(data),
        manifest=data,
    )
    _check_tokens_in_vocabulary(model)
    return model


# ------------------------------------------------------------------------------ installed models


def installed_models(*, warnings: list[str] | None = None) -> list[FolderModel]:
    """The installed folder models, sorted by name; invalid folders are skipped (a line each in ``warnings``)."""
    root = models_dir()
    if not root.is_dir():
        return []
    found = []
    for path in sorted(root.iterdir()):
        if not path.is_dir() or path.name.startswith("."):
            continue
        try:
            found.append(read_model_folder(path))
        except ModelError as exc:
            if warnings is not None:
                warnings.append(str(exc))
    return found


def find_models(from_code: str, to_code: str, kind: str | None = None) -> list[FolderModel]:
    """Installed folder models translating ``from_code`` → ``to_code`` (of ``kind`` when given); real models first."""
    found = [m for m in installed_models() if m.supports(from_code, to_code) and kind in (None, m.kind)]
    return sorted(found, key=lambda m: (m.test_model is not None, KINDS.index(m.kind), m.name))


def smoke_test(model: FolderModel) -> None:
    """Load ``model`` and translate one short segment on its first pair.

    Raises:
        ModelError: the model cannot be loaded or run (e.g. a garbage ``model.bin``).
    """
    from xling.mt.folder_engines import load_folder_engine

    from_code, to_code = model.pairs()[0]
    engine = load_folder_engine(model, from_code, to_code, threads=1)
    engine.translate_batch([SMOKE_TEXT], beam_size=1)


def install_model_folder(path: str | os.PathLike[str], *, replace: bool = False) -> FolderModel:
    """Validate the folder ``path``, load it and translate one segment, then copy it into :func:`models_dir`.

    Nothing is copied when any check fails. With ``replace``, an installed model of the same
    name is removed only once the new one has passed every check and is copied in place.

    Raises:
        ModelError: the folder is invalid or its model cannot run; a model of that name is
            installed (without ``replace``); or copying failed (nothing is left behind).
    """
    model = read_model_folder(path)
    smoke_test(model)
    root = models_dir()
    dest = root / model.name
    if dest.exists() and not replace:
        raise ModelError(
            f"{path}: a model named {model.name} is already installed ({dest}); run `xling models remove {model.name}` first or pass --replace"
        )
    try:
        root.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".xling-install-", dir=root))
    except OSError as exc:
        raise ModelError(f"{root}: cannot create the models folder ({exc.strerror}); set XLING_MODELS_DIR") from None
    try:
        shutil.copytree(model.path, staging / "model", symlinks=False)
        _swap_in(staging / "model", dest, staging)
    except OSError as exc:
        raise ModelError(f"{path}: copying into {root} failed ({exc}); nothing was installed") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return read_model_folder(dest)


def _swap_in(new: Path, dest: Path, staging: Path) -> None:
    """Move ``new`` to ``dest``; an existing ``dest`` is moved into ``staging`` first (and back on failure)."""
    old = staging / "old"
    if dest.exists():
        dest.rename(old)
    try:
        new.rename(dest)
    except OSError:
        if old.exists():
            old.rename(dest)
        raise


def remove_model(name: str) -> FolderModel:
    """Uninstall the folder model ``name``.

    Raises:
        ModelMissingError: no model of that name is installed.
    """
    path = models_dir() / name
    if not _NAME_RE.fullmatch(name) or not (path / MANIFEST).is_file():
        raise ModelMissingError(
            f"no folder model named {name!r} is installed in {models_dir()}; `xling models list` shows what is"
        )
    try:
        model = read_model_folder(path)
    except ModelError:
        model = None
    shutil.rmtree(path)
    return model or FolderModel(path, "?", name, "", [], [], {}, path, path)
