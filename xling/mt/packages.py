"""Argos Translate model packages: find, check, install and remove them.

An Argos package (``.argosmodel``) is a zip archive of ONE folder holding ``metadata.json``
(``from_code``, ``to_code``, ``package_version``, optionally ``target_prefix``), a CTranslate2
model folder ``model/`` (``model.bin`` plus vocabulary files) and a tokenizer
(``sentencepiece.model``, or ``bpe.model`` for Moses+BPE packages). See
``argostranslate.package.IPackage`` (argostranslate 1.11) for the format.

argostranslate reads its settings (``ARGOS_PACKAGES_DIR``, ``ARGOS_PACKAGE_INDEX``, ...) and
creates its folders when ``argostranslate.settings`` is first imported, so this module imports
argostranslate only inside functions: ``import xling`` creates no folder.

Online installs go through argostranslate's own code (the package index,
``AvailablePackage.download``); files are extracted by xling (``install_from_path`` imports
``argostranslate.translate``, hence minisbd and onnxruntime), with guards argostranslate lacks:

* every archive is validated *before* extraction (:func:`validate_archive`): a zip with files at
  its root or a stray ``__MACOSX`` folder would otherwise break argostranslate's package listing
  for every later call;
* network calls run under a socket timeout, so offline they fail within seconds instead of
  hanging (``urllib.request.urlopen`` has no timeout by default);
* the new model is loaded and translates one segment before it replaces an installed one.

Reading (``models list``, finding a package to translate with) imports no argostranslate
module and creates no folder: the settings are read as argostranslate reads them
(:func:`argos_setting`).
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import socket
import stat
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from xling.errors import ModelError, ModelFileError, ModelMissingError

#: Seconds to wait for the package index or a download before giving up (per connection).
DEFAULT_TIMEOUT = 5.0

#: Vocabulary files a CTranslate2 model folder may carry (one shared, or source + target).
_SHARED_VOCABS = ("shared_vocabulary.txt", "shared_vocabulary.json")
_SOURCE_VOCABS = ("source_vocabulary.txt", "source_vocabulary.json")
_TARGET_VOCABS = ("target_vocabulary.txt", "target_vocabulary.json")
_TOKENIZERS = ("sentencepiece.model", "bpe.model")

#: argostranslate 1.11's default package index (``settings.package_index``).
_DEFAULT_INDEX = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/"

OFFLINE_HINT = "offline, install from a file: xling models install FILE.argosmodel"


@dataclass
class InstalledPackage:
    """An installed Argos package, read from its ``metadata.json`` (no model is loaded).

    Attributes:
        path: the package folder.
        from_code / to_code: ISO 639 codes of the source and target language.
        package_version: the package's version string ("" when absent).
        name: a display name, ``translate-<from>_<to>`` as argospm names packages.
        tokenizer: ``"sentencepiece"`` or ``"bpe"``.
        target_prefix: token forced at the start of every output ("" for none).
        test_model: ``None`` for a real model; for an xling test model a short kind such as
            ``"copy"`` (its output is a copy of its input, not a translation).
        metadata: the whole ``metadata.json`` object.
    """

    path: Path
    from_code: str
    to_code: str
    package_version: str
    name: str
    tokenizer: str
    target_prefix: str = ""
    test_model: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)

    @property
    def pair(self) -> str:
        """``"fa→en"``: the language pair as shown to users."""
        return f"{self.from_code}→{self.to_code}"

    def label(self) -> str:
        """One-line description, e.g. ``translate-fa_en 1.0`` or ``xling test model: copy fa→en``."""
        if self.test_model:
            return f"xling test model: {self.test_model} {self.pair}"
        return f"{self.name} {self.package_version}".strip()

    def describe(self) -> dict[str, Any]:
        """JSON-ready summary used in the ``.jsonl`` output."""
        return {
            "pair": f"{self.from_code}-{self.to_code}",
            "name": self.name,
            "version": self.package_version,
            "test_model": self.test_model,
        }


def xling_test_model_kind(metadata: dict[str, Any]) -> str | None:
    """Return the kind (e.g. ``"copy"``) when ``metadata`` marks an xling test model, else None.

    xling's test-model builder (:mod:`xling.testing.models`) writes ``"xling_test_model"`` into
    ``metadata.json`` (either a kind string, ``true``, or an object with a ``kind`` key).
    """
    mark = metadata.get("xling_test_model")
    if not mark:
        return None
    if isinstance(mark, str):
        return mark
    if isinstance(mark, dict):
        return str(mark.get("kind") or "test")
    return "test"


def _argos_home() -> Path:
    """argostranslate's home folder: ``SNAP_USER_DATA`` under snap, else ``Path.home()`` (settings.py)."""
    return Path(os.environ["SNAP_USER_DATA"]) if "SNAP" in os.environ else Path.home()


def _argos_settings_file() -> Path:
    config = os.environ.get("XDG_CONFIG_HOME") or str(_argos_home() / ".config")
    return Path(config) / "argos-translate" / "settings.json"


def argos_setting(key: str, default: str) -> str:
    """An argostranslate setting as argostranslate 1.11 reads it (``settings.get_setting``): the
    environment, else ``settings.json``, else ``default``, WITHOUT importing argostranslate.

    Importing ``argostranslate.settings`` creates ``~/.config/argos-translate``,
    ``~/.local/cache/argos-translate/downloads`` and the packages folder; xling's read-only
    paths (``models list``, translating) must create nothing.
    """
    if os.environ.get(key) is not None:
        return os.environ[key]
    try:
        data = json.loads(_argos_settings_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return default
    value = data.get(key) if isinstance(data, dict) else None
    return default if value is None else str(value)


def _argos_settings():
    """Import ``argostranslate.settings`` for argostranslate's ONLINE code (index, download);
    this creates its folders. Its settings are brought in line with the current environment.

    argostranslate reads ``ARGOS_PACKAGES_DIR`` and ``ARGOS_PACKAGE_INDEX`` once, at import; when
    the environment has changed since (a long-lived process, tests), they are set again here.
    """
    from argostranslate import settings

    want_dir = packages_dir()
    if want_dir != Path(settings.package_data_dir):
        old = Path(settings.package_data_dir)
        settings.package_data_dir = want_dir
        want_dir.mkdir(parents=True, exist_ok=True)
        settings.package_dirs = [want_dir] + [Path(p) for p in settings.package_dirs if Path(p) != old]
    want_index = argos_setting("ARGOS_PACKAGE_INDEX", _DEFAULT_INDEX)
    if want_index != settings.package_index:
        settings.package_index = want_index
    return settings


def packages_dir() -> Path:
    """The folder packages are installed into: ``ARGOS_PACKAGES_DIR`` or argostranslate's default
    (``$XDG_DATA_HOME/argos-translate/packages``). Nothing is created."""
    data = os.environ.get("XDG_DATA_HOME") or str(_argos_home() / ".local" / "share")
    return Path(argos_setting("ARGOS_PACKAGES_DIR", str(Path(data) / "argos-translate" / "packages")))


def package_dirs() -> list[Path]:
    """Every folder searched for installed packages: :func:`packages_dir`, then, under snap, the
    snap's bundled packages (argostranslate's ``settings.package_dirs``)."""
    dirs = [packages_dir()]
    if "SNAP" in os.environ:
        dirs.append(Path(os.environ["SNAP"]) / "snap_custom" / "packages")
    return dirs


def read_package(path: Path) -> InstalledPackage:
    """Read the package folder ``path``.

    Raises:
        ModelError: ``metadata.json`` is missing or invalid, or the tokenizer is missing.
    """
    meta_path = path / "metadata.json"
    try:
        metadata = json.loads(meta_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ModelError(f"{path}: not an Argos package (no metadata.json); remove the folder") from None
    except (OSError, ValueError) as exc:
        raise ModelError(f"{meta_path}: unreadable metadata ({exc}); reinstall the package") from None
    if not isinstance(metadata, dict) or not metadata.get("from_code") or not metadata.get("to_code"):
        raise ModelError(f"{meta_path}: metadata.json lacks from_code/to_code; reinstall the package")
    if (path / "sentencepiece.model").is_file():
        tokenizer = "sentencepiece"
    elif (path / "bpe.model").is_file():
        tokenizer = "bpe"
    else:
        raise ModelError(f"{path}: no sentencepiece.model or bpe.model; reinstall the package")
    from_code, to_code = str(metadata["from_code"]), str(metadata["to_code"])
    return InstalledPackage(
        path=path,
        from_code=from_code,
        to_code=to_code,
        package_version=str(metadata.get("package_version", "")),
        name=f"{metadata.get('type', 'translate')}-{from_code}_{to_code}",
        tokenizer=tokenizer,
        target_prefix=str(metadata.get("target_prefix", "") or ""),
        test_model=xling_test_model_kind(metadata),
        metadata=metadata,
    )


def installed_packages(*, warnings: list[str] | None = None) -> list[InstalledPackage]:
    """List installed translation packages, sorted by (from_code, to_code, path).

    Folders that are not valid packages are skipped; a line describing each is appended to
    ``warnings`` when given. Packages whose ``type`` is not ``translate`` (e.g. ``sbd``) are skipped.
    """
    found: list[InstalledPackage] = []
    for folder in package_dirs():
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            if not path.is_dir():
                continue
            try:
                pkg = read_package(path)
            except ModelError as exc:
                if warnings is not None:
                    warnings.append(str(exc))
                continue
            if pkg.metadata.get("type", "translate") != "translate":
                continue
            found.append(pkg)
    return sorted(found, key=lambda p: (p.from_code, p.to_code, str(p.path)))


def best_package(matches: list[InstalledPackage]) -> InstalledPackage | None:
    """The package to use among ``matches`` (one pair): the highest ``package_version``, real
    models before test models; None for an empty list."""
    from packaging.version import InvalidVersion, Version

    def key(p: InstalledPackage):
        try:
            v = Version(p.package_version or "0")
        except InvalidVersion:
            v = Version("0")
        return (p.test_model is None, v)

    return max(matches, key=key) if matches else None


def find_package(from_code: str, to_code: str) -> InstalledPackage | None:
    """The installed package translating ``from_code`` → ``to_code`` directly, or None.

    When several are installed, the highest ``package_version`` wins (real models before test models).
    """
    return best_package([p for p in installed_packages() if p.from_code == from_code and p.to_code == to_code])


def install_hint(from_code: str, to_code: str) -> str:
    """Both ways to install a package for a pair, as one clause."""
    return f"install it online with `xling models install {from_code} {to_code}` or offline with `xling models install FILE.argosmodel`"


# --------------------------------------------------------------------------------------------
# Validating and installing .argosmodel files


# An Argos language code: fa, en, zt, pt_BR, sr-Latn (letters, then optional -/_ subtags).
_LANG_CODE_RE = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*")


def _is_symlink(info: zipfile.ZipInfo) -> bool:
    return stat.S_ISLNK(info.external_attr >> 16)


#: The first line of every Git LFS pointer file (https://github.com/git-lfs/git-lfs/blob/main/docs/spec.md).
_LFS_POINTER = b"version https://git-lfs.github.com/spec/"


def _is_lfs_pointer(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return fh.read(len(_LFS_POINTER)) == _LFS_POINTER
    except OSError:
        return False


def _archive_members(name: str, infos: list[zipfile.ZipInfo]) -> tuple[str, dict[str, zipfile.ZipInfo]]:
    """(the one top-level folder, member path → info) of a zip, after the path rules of
    :func:`validate_archive` (no unsafe paths, links, ``__MACOSX`` or files at the root).

    Raises:
        ModelError: the first rule broken.
    """
    members: dict[str, zipfile.ZipInfo] = {}
    tops: set[str] = set()
    for info in infos:
        member = info.filename
        parts = PurePosixPath(member.replace("\\", "/")).parts
        if member.startswith(("/", "\\")) or (parts and parts[0].endswith(":")) or ".." in parts:
            raise ModelFileError(f"{name}: unsafe path {member!r} in archive; refusing to extract it")
        if _is_symlink(info):
            raise ModelFileError(f"{name}: symbolic link {member!r} in archive; refusing to extract it")
        if not parts:
            continue
        if parts[0] == "__MACOSX":
            raise ModelFileError(
                f"{name}: stray __MACOSX folder in archive; re-zip the package folder without it (e.g. `zip -r X.argosmodel folder -x '__MACOSX/*'`)"
            )
        if len(parts) == 1 and not info.is_dir():
            raise ModelFileError(
                f"{name}: file {member!r} at the archive root; an .argosmodel must hold exactly one folder (zip the package folder itself)"
            )
        tops.add(parts[0])
        members["/".join(parts)] = info
    if len(tops) != 1:
        shown = ", ".join(sorted(tops)) or "nothing"
        raise ModelFileError(f"{name}: an .argosmodel must hold exactly one top-level folder, found: {shown}")
    return tops.pop(), members


def validate_archive(path: str | os.PathLike[str]) -> dict[str, Any]:
    """Check that ``path`` is a well-formed ``.argosmodel`` without extracting anything.

    Rules: a readable zip whose CRCs check; no absolute member paths, ``..`` components or
    symbolic links; exactly one top-level folder (no files at the root, no ``__MACOSX``);
    ``<top>/metadata.json`` is a JSON object with ``from_code`` and ``to_code``;
    ``<top>/model/model.bin`` with CTranslate2 vocabulary files beside it; and a tokenizer
    ``<top>/sentencepiece.model`` or ``<top>/bpe.model``.

    Returns:
        The parsed metadata, with the top folder name added under ``"_folder"``.

    Raises:
        ModelError: the first rule broken, naming the file and what to do.
    """
    p = Path(path)
    name = str(p)
    if p.is_dir():
        raise ModelFileError(
            f"{name}: a folder, not an .argosmodel file; give a FILE.argosmodel, or a converted CTranslate2 model folder with an xling-model.json"
        )
    if not p.is_file():
        raise ModelFileError(f"{name}: no such file")
    if _is_lfs_pointer(p):
        raise ModelFileError(
            f"{name}: a Git LFS pointer, not the model (the file holds only its hash); fetch it with `git lfs pull` or download the package again"
        )
    if not zipfile.is_zipfile(p):
        raise ModelFileError(f"{name}: not an .argosmodel (not a zip archive); download the package again")
    try:
        with zipfile.ZipFile(p) as zf:
            bad = zf.testzip()
            if bad is not None:
                raise ModelFileError(f"{name}: corrupt archive (bad CRC in {bad}); download the package again")
            top, members = _archive_members(name, zf.infolist())
            meta_name = f"{top}/metadata.json"
            if meta_name not in members:
                raise ModelFileError(f"{name}: no {meta_name} in archive; not an Argos package")
            try:
                metadata = json.loads(zf.read(members[meta_name]).decode("utf-8"))
            except (ValueError, UnicodeDecodeError) as exc:
                raise ModelFileError(f"{name}: {meta_name} is not valid JSON ({exc})") from None
    except zipfile.BadZipFile as exc:
        raise ModelFileError(f"{name}: corrupt zip archive ({exc}); download the package again") from None
    if not isinstance(metadata, dict) or not all(
        isinstance(metadata.get(k), str) and metadata.get(k) for k in ("from_code", "to_code")
    ):
        raise ModelFileError(f"{name}: {meta_name} must be an object with from_code and to_code")
    for key in ("from_code", "to_code"):
        if not _LANG_CODE_RE.fullmatch(metadata[key]):
            raise ModelFileError(
                f"{name}: {meta_name}: {key} {metadata[key]!r} is not a language code (such as fa, en, pt_BR); not an Argos package"
            )
    model = f"{top}/model/"
    if model + "model.bin" not in members:
        raise ModelFileError(f"{name}: no CTranslate2 model ({model}model.bin) in archive")
    has_vocab = any(model + v in members for v in _SHARED_VOCABS) or (
        any(model + v in members for v in _SOURCE_VOCABS) and any(model + v in members for v in _TARGET_VOCABS)
    )
    if not has_vocab:
        raise ModelFileError(
            f"{name}: CTranslate2 model in {model} has no vocabulary files (shared_vocabulary.* or source_/target_vocabulary.*)"
        )
    if not any(f"{top}/{t}" in members for t in _TOKENIZERS):
        raise ModelFileError(f"{name}: no tokenizer ({top}/sentencepiece.model or {top}/bpe.model) in archive")
    metadata["_folder"] = top
    return metadata


def _extract(path: Path, top: str, staging: Path) -> InstalledPackage:
    """Extract the validated archive ``path`` into ``staging`` and read the package ``staging/top``.

    A plain ``zipfile`` extraction of an archive :func:`validate_archive` accepted (one folder,
    no unsafe paths or links). argostranslate's ``install_from_path`` does the same
    ``extractall`` but then imports ``argostranslate.translate`` (minisbd, onnxruntime, which
    writes ``~/.cache/Microsoft/DeveloperTools/.onnxruntime/deviceid``).
    """
    with zipfile.ZipFile(path) as zf:
        zf.extractall(staging)
    return read_package(staging / top)


def smoke_test(pkg: InstalledPackage) -> None:
    """Load ``pkg``'s model and translate one short segment.

    Raises:
        ModelError: the model or tokenizer cannot be loaded or run (a garbage ``model.bin``).
    """
    from xling.mt.argos import ArgosEngine

    ArgosEngine(pkg, threads=1).translate_batch([SMOKE_TEXT], beam_size=1)


#: One short segment the install smoke test translates.
SMOKE_TEXT = "1"


def install_file(path: str | os.PathLike[str], *, replace: bool = False) -> InstalledPackage:
    """Validate ``path`` (see :func:`validate_archive`), extract it, load it and translate one
    segment (:func:`smoke_test`), and only then put it in place of any package it replaces.

    Args:
        path: an ``.argosmodel`` file.
        replace: when a package for the same pair (or the same folder name) is installed,
            replace it instead of refusing. The old package is removed only once the new one has
            passed every check; on any failure it stays as it was.

    Returns:
        The installed package.

    Raises:
        ModelError: the archive is invalid or its model cannot run, the pair is already
            installed (without ``replace``), or extraction failed (nothing is left behind).
    """
    metadata = validate_archive(path)
    top = metadata["_folder"]
    dest_root = packages_dir()
    dest = dest_root / top
    from_code, to_code = metadata["from_code"], metadata["to_code"]
    clashes = [
        p.path for p in installed_packages() if (p.from_code, p.to_code) == (from_code, to_code) or p.path == dest
    ]
    if dest.exists() and dest not in clashes:
        clashes.append(dest)  # a folder that is not a valid package
    if clashes and not replace:
        raise ModelError(
            f"{path}: a package for {from_code}→{to_code} is already installed ({', '.join(map(str, clashes))}); run `xling models remove {from_code} {to_code}` first or pass --replace"
        )
    import tempfile

    try:
        dest_root.mkdir(parents=True, exist_ok=True)
        # Staged beside the packages folder, not in it: argostranslate lists every folder inside.
        staging = Path(tempfile.mkdtemp(prefix=".xling-install-", dir=dest_root.parent))
    except OSError as exc:
        raise ModelError(
            f"{dest_root}: cannot create the packages folder ({exc.strerror}); set ARGOS_PACKAGES_DIR"
        ) from None
    try:
        try:
            pkg = _extract(Path(path), top, staging / "new")
        except (OSError, zipfile.BadZipFile) as exc:
            raise ModelError(f"{path}: extraction failed ({exc}); nothing was installed") from None
        try:
            smoke_test(pkg)
        except ModelError as exc:
            kept = f"; the installed {from_code}→{to_code} package is kept" if clashes else ""
            raise ModelError(f"{path}: the new model does not run ({exc}){kept}") from None
        _swap(pkg.path, dest, clashes, staging / "old")
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return read_package(dest)


def _swap(new: Path, dest: Path, olds: list[Path], aside: Path) -> None:
    """Move every folder of ``olds`` into ``aside``, then ``new`` to ``dest``; on failure move them back."""
    aside.mkdir()
    moved = []
    try:
        for n, old in enumerate(olds):
            moved.append((old, aside / f"{n}-{old.name}"))
            old.rename(moved[-1][1])
        new.rename(dest)
    except OSError as exc:
        for old, tmp in moved:
            tmp.rename(old)
        raise ModelError(f"{dest}: install failed ({exc}); the installed packages are unchanged") from None


def remove(from_code: str, to_code: str) -> list[InstalledPackage]:
    """Uninstall every installed package for ``from_code`` → ``to_code`` (delete its folder, as
    argostranslate's ``uninstall`` does, without importing ``argostranslate.translate``).

    Returns:
        The removed packages.

    Raises:
        ModelMissingError: none is installed.
    """
    targets = [p for p in installed_packages() if (p.from_code, p.to_code) == (from_code, to_code)]
    if not targets:
        raise ModelMissingError(
            f"no package for {from_code}→{to_code} is installed in {packages_dir()}; `xling models list` shows what is"
        )
    for pkg in targets:
        shutil.rmtree(pkg.path)
    return targets


# --------------------------------------------------------------------------------------------
# The online package index


@contextmanager
def _socket_timeout(seconds: float) -> Iterator[None]:
    old = socket.getdefaulttimeout()
    socket.setdefaulttimeout(seconds)
    try:
        yield
    finally:
        socket.setdefaulttimeout(old)


@contextmanager
def _argos_log_captured() -> Iterator[list[str]]:
    """Collect argostranslate's log messages instead of letting Python print them on stderr.

    argostranslate logs each failed download attempt (``(<HTTPError 404: ...>,)``) through a
    logger with no handler, so Python's last-resort handler prints them; xling reports one line.
    """
    messages: list[str] = []

    class _Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            messages.append(record.getMessage())

    logger = logging.getLogger("argostranslate")
    handler = _Collect(logging.WARNING)
    logger.addHandler(handler)
    old_propagate, logger.propagate = logger.propagate, False
    try:
        yield messages
    finally:
        logger.removeHandler(handler)
        logger.propagate = old_propagate


def index_url() -> str:
    """URL of the package index (``ARGOS_PACKAGE_INDEX`` + ``index.json``; a missing final / is added).

    A value that already names a ``.json`` file is used as it is.
    """
    base = argos_setting("ARGOS_PACKAGE_INDEX", _DEFAULT_INDEX)
    if base.lower().endswith(".json"):
        return base
    if not base.endswith("/"):
        base += "/"
    return base + "index.json"


def fetch_index(*, timeout: float = DEFAULT_TIMEOUT) -> list[Any]:
    """Download the package index through argostranslate and return its available packages.

    First checks that the index answers within ``timeout`` seconds, then runs
    ``argostranslate.package.update_package_index`` and ``get_available_packages`` under the
    same socket timeout (argostranslate itself swallows network errors and has no timeout).

    Returns:
        ``argostranslate.package.AvailablePackage`` objects.

    Raises:
        ModelError: the index is unreachable or not an Argos index; the message names the
            offline alternative.
    """
    import urllib.error
    import urllib.request

    settings = _argos_settings()
    url = index_url()
    settings.remote_package_index = url
    try:
        with urllib.request.urlopen(url, timeout=timeout) as resp:
            data = resp.read()
        index = json.loads(data.decode("utf-8"))
        if not isinstance(index, list):
            raise ValueError("not a list of packages")
    except (TimeoutError, urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise ModelError(f"cannot reach the Argos package index {url} ({reason}); {OFFLINE_HINT}") from None
    except ValueError as exc:
        raise ModelError(
            f"{url}: not an Argos package index ({exc}); set ARGOS_PACKAGE_INDEX or {OFFLINE_HINT}"
        ) from None

    from argostranslate import package as argos_package

    with _socket_timeout(timeout):
        argos_package.update_package_index()
        return argos_package.get_available_packages()


def install_online(
    from_code: str, to_code: str, *, timeout: float = DEFAULT_TIMEOUT, replace: bool = False
) -> InstalledPackage:
    """Find ``from_code`` → ``to_code`` in the package index, download it, validate it, install it.

    Raises:
        ModelMissingError: the index has no such package (the message suggests a pivot through en).
        ModelError: index unreachable, download failed, or the downloaded archive is invalid
            (see :func:`validate_archive`).
    """
    available = fetch_index(timeout=timeout)
    matches = [p for p in available if p.type == "translate" and p.from_code == from_code and p.to_code == to_code]
    if not matches:
        pairs = sorted(
            {
                f"{p.from_code}→{p.to_code}"
                for p in available
                if p.type == "translate" and p.from_code in (from_code, "en")
            }
        )
        extra = f" (from {from_code} or en it has: {', '.join(pairs)})" if pairs else ""
        raise ModelMissingError(
            f"the package index has no {from_code}→{to_code} package{extra}; try a pivot through English, e.g. `xling models install {from_code} en` and `xling models install en {to_code}`"
        )
    pkg = matches[0]
    with _socket_timeout(timeout), _argos_log_captured() as log:
        try:
            download = pkg.download()
        except Exception as exc:  # argostranslate raises bare Exception when every link fails
            why = log[-1].strip("(),") if log else str(exc)
            links = ", ".join(str(link) for link in (pkg.links or []))
            raise ModelError(
                f"download of {from_code}→{to_code} failed ({why}; from {links}); {OFFLINE_HINT}"
            ) from None
    try:
        try:
            validate_archive(download)
        except ModelError:
            download.unlink(missing_ok=True)  # never reuse a bad cached download
            raise
        return install_file(download, replace=replace)
    finally:
        download.unlink(missing_ok=True)


def available_packages(*, timeout: float = DEFAULT_TIMEOUT) -> list[dict[str, str]]:
    """The index's translation packages as ``{"from_code", "to_code", "version", "name"}`` dicts.

    Raises:
        ModelError: the index is unreachable (see :func:`fetch_index`).
    """
    rows = []
    for p in fetch_index(timeout=timeout):
        if p.type != "translate":
            continue
        rows.append(
            {
                "from_code": p.from_code,
                "to_code": p.to_code,
                "version": p.package_version,
                "name": f"translate-{p.from_code}_{p.to_code}",
            }
        )
    return sorted(rows, key=lambda r: (r["from_code"], r["to_code"]))


__all__ = [
    "DEFAULT_TIMEOUT",
    "InstalledPackage",
    "available_packages",
    "fetch_index",
    "find_package",
    "install_file",
    "install_hint",
    "install_online",
    "installed_packages",
    "packages_dir",
    "read_package",
    "remove",
    "validate_archive",
    "xling_test_model_kind",
]
