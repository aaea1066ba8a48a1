"""`xling models list|install|remove`: validated file installs, a local Argos index, offline failure."""

from __future__ import annotations

import http.server
import json
import socket
import threading
import zipfile
from pathlib import Path

import pytest
from mt_helpers import copy_model, install_packages, run_xling, tree, xling_env

pytestmark = pytest.mark.slow

TOP = "xling-test-copy-fa_en"


def _members(archive: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(archive) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def _bad_archives(tmp: Path) -> dict[str, tuple[Path, str]]:
    """name → (archive, a phrase the error must contain)."""
    good = _members(copy_model("fa", "en"))
    meta = json.loads(good[f"{TOP}/metadata.json"])
    no_to = dict(meta)
    del no_to["to_code"]
    cases = {
        "root_files": ({n.split("/", 1)[1]: d for n, d in good.items()}, "archive root"),
        "macosx": ({**good, f"__MACOSX/{TOP}/._metadata.json": b"\0"}, "__MACOSX"),
        "stray_root_file": ({**good, ".DS_Store": b"\0"}, "archive root"),
        "two_folders": ({**good, "other/README.md": b"x"}, "exactly one top-level folder"),
        "missing_metadata": ({n: d for n, d in good.items() if not n.endswith("metadata.json")}, "metadata.json"),
        "metadata_without_to_code": (
            {**good, f"{TOP}/metadata.json": json.dumps(no_to).encode()},
            "from_code and to_code",
        ),
        "metadata_not_json": ({**good, f"{TOP}/metadata.json": b"{nope"}, "not valid JSON"),
        "missing_model": ({n: d for n, d in good.items() if not n.endswith("model.bin")}, "model.bin"),
        "missing_vocabulary": ({n: d for n, d in good.items() if "vocabulary" not in n}, "vocabulary"),
        "missing_tokenizer": ({n: d for n, d in good.items() if not n.endswith("sentencepiece.model")}, "tokenizer"),
        "path_traversal": ({**good, f"{TOP}/../../evil.txt": b"x"}, "unsafe path"),
        "absolute_path": ({**good, "/tmp/evil.txt": b"x"}, "unsafe path"),
        "bad_language_code": (
            {**good, f"{TOP}/metadata.json": json.dumps({**meta, "from_code": "../../x"}).encode()},
            "language code",
        ),
    }
    out = {name: (_zip(tmp / f"{name}.argosmodel", m), phrase) for name, (m, phrase) in cases.items()}
    not_zip = tmp / "not_zip.argosmodel"
    not_zip.write_bytes(b"this is not a zip archive\n" * 10)
    out["not_zip"] = (not_zip, "not a zip")
    data = copy_model("fa", "en").read_bytes()
    truncated = tmp / "truncated.argosmodel"
    truncated.write_bytes(data[: len(data) // 2])
    out["truncated"] = (truncated, "zip")
    symlink = tmp / "symlink.argosmodel"
    with zipfile.ZipFile(symlink, "w") as zf:
        for name, member in good.items():
            zf.writestr(name, member)
        link = zipfile.ZipInfo(f"{TOP}/link")
        link.create_system, link.external_attr = 3, 0o120777 << 16
        zf.writestr(link, "/etc/passwd")
    out["symlink"] = (symlink, "symbolic link")
    return out


@pytest.fixture
def argos_env(tmp_path, monkeypatch):
    """An ARGOS_PACKAGES_DIR holding one valid package (en→ru), for in-process CLI calls."""
    packages = tmp_path / "packages"
    install_packages(packages, copy_model("en", "ru"))
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(packages))
    return packages


def test_bad_archives_are_refused_and_packages_folder_untouched(cli, argos_env, tmp_path):
    before = tree(argos_env)
    assert before, "fixture must start with an installed package"
    for name, (archive, phrase) in _bad_archives(tmp_path).items():
        # issue 11 defect 20: a bad package file is bad input (1); a missing model stays 2
        r = cli(["models", "install", archive])
        assert r.exit_code == 1, (name, r.output)
        lines = r.output.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("xling: error:"), (name, r.output)
        assert phrase in lines[0], (name, lines[0])
        assert str(archive) in lines[0], name
        assert tree(argos_env) == before, name
    assert not (tmp_path.parent / "evil.txt").exists()


def test_install_list_remove_in_process(cli, argos_env):
    r = cli(["models", "install", copy_model("fa", "en")])
    assert r.exit_code == 0, r.output
    assert "installed xling test model: copy fa→en" in r.output
    assert (argos_env / TOP / "model" / "model.bin").is_file()

    r = cli(["models", "list"])
    assert r.exit_code == 0
    rows = [line.split() for line in r.output.splitlines() if line.startswith("  ")]
    assert [row[0] for row in rows] == ["en→ru", "fa→en"]
    assert all("xling test model: copy" in line for line in r.output.splitlines() if line.startswith("  "))
    assert str(argos_env / TOP) in r.output

    # the same pair again is refused unless --replace
    r = cli(["models", "install", copy_model("fa", "en")])
    assert r.exit_code == 2 and "already installed" in r.output and "--replace" in r.output
    r = cli(["models", "install", "--replace", copy_model("fa", "en")])
    assert r.exit_code == 0, r.output

    r = cli(["models", "remove", "fa", "en"])
    assert r.exit_code == 0 and "removed" in r.output
    assert not (argos_env / TOP).exists()
    r = cli(["models", "remove", "fa", "en"])
    assert r.exit_code == 2 and "no package for fa→en" in r.output


def test_installed_package_is_readable_by_argostranslate(argos_env):
    """What xling installed, argostranslate's own package listing reads (no stray folders)."""
    from argostranslate import package as argos_package

    from xling.mt.packages import package_dirs

    pkgs = argos_package.get_installed_packages(package_dirs())
    assert [(p.from_code, p.to_code) for p in pkgs] == [("en", "ru")]


# ------------------------------------------------------------------------------- online index


class _Server:
    """An Argos-format package index on 127.0.0.1: index.json plus the .argosmodel it links to."""

    def __init__(self, root: Path) -> None:
        handler = lambda *a, **kw: http.server.SimpleHTTPRequestHandler(*a, directory=str(root), **kw)  # noqa: E731
        http.server.SimpleHTTPRequestHandler.log_message = lambda *a: None
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def local_index(tmp_path):
    root = tmp_path / "www"
    root.mkdir()
    (root / "translate-fa_en-1_0.argosmodel").write_bytes(copy_model("fa", "en").read_bytes())
    server = _Server(root)
    index = [
        {
            "package_version": "1.0",
            "argos_version": "1.11",
            "type": "translate",
            "from_code": "fa",
            "from_name": "Persian",
            "to_code": "en",
            "to_name": "English",
            "links": [server.url + "translate-fa_en-1_0.argosmodel"],
        },
        {
            "package_version": "1.9",
            "argos_version": "1.11",
            "type": "translate",
            "from_code": "en",
            "from_name": "English",
            "to_code": "ru",
            "to_name": "Russian",
            "links": [server.url + "missing.argosmodel"],
        },
    ]
    (root / "index.json").write_text(json.dumps(index))
    yield server
    server.close()


def test_install_from_local_index(local_index, tmp_path):
    packages = tmp_path / "packages"
    env = xling_env(tmp_path / "home", packages, ARGOS_PACKAGE_INDEX=local_index.url)
    r = run_xling(["models", "install", "fa", "en"], env)
    assert r.returncode == 0, r.stderr
    assert "installed xling test model: copy fa→en" in r.stdout
    assert (packages / TOP / "metadata.json").is_file()
    downloads = list((tmp_path / "home").rglob("*.argosmodel"))
    assert downloads == [], "the downloaded archive is removed after install"

    r = run_xling(["models", "list", "--available"], env)
    assert r.returncode == 0, r.stderr
    assert "fa→en" in r.stdout and "(installed)" in r.stdout
    assert "en→ru    1.9" in r.stdout

    r = run_xling(["models", "install", "fa", "ar"], env)
    assert r.returncode == 2
    assert "no fa→ar package" in r.stderr and len(r.stderr.strip().splitlines()) == 1

    # a broken link: the download fails with one line, nothing installed
    r = run_xling(["models", "install", "en", "ru", "--timeout", "2"], env)
    assert r.returncode == 2
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr  # argostranslate's own log lines (one per retry) are not shown
    assert (
        lines[0].startswith("xling: error: download of en→ru failed")
        and "xling models install FILE.argosmodel" in lines[0]
    )
    assert "404" in lines[0] and "missing.argosmodel" in lines[0]  # why, and from where
    assert sorted(p.name for p in packages.iterdir()) == [TOP]


def test_index_url_may_name_the_json_file(local_index, tmp_path):
    # ARGOS_PACKAGE_INDEX is a base URL (argostranslate appends index.json); a URL of the file
    # itself is used as it is, not turned into .../index.json/index.json
    env = xling_env(tmp_path / "home", tmp_path / "packages", ARGOS_PACKAGE_INDEX=local_index.url + "index.json")
    r = run_xling(["models", "list", "--available"], env)
    assert r.returncode == 0 and "fa→en" in r.stdout, r.stderr
    assert "index.json/index.json" not in r.stdout + r.stderr


def test_unreachable_index_fails_with_offline_hint(tmp_path):
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = xling_env(tmp_path / "home", tmp_path / "packages", ARGOS_PACKAGE_INDEX=f"http://127.0.0.1:{port}/")
    r = run_xling(["models", "install", "fa", "en"], env, timeout=60)
    assert r.returncode == 2
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "cannot reach the Argos package index" in lines[0] and "xling models install FILE.argosmodel" in lines[0]
    assert list((tmp_path / "packages").iterdir()) == []

    r = run_xling(["models", "list", "--available"], env, timeout=60)
    assert r.returncode == 0 and "cannot reach" in r.stderr


def test_silent_index_times_out(tmp_path):
    """A server that accepts the connection and never answers: --timeout bounds the wait."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen(1)
        env = xling_env(
            tmp_path / "home", tmp_path / "packages", ARGOS_PACKAGE_INDEX=f"http://127.0.0.1:{s.getsockname()[1]}/"
        )
        r = run_xling(["models", "install", "fa", "en", "--timeout", "1"], env, timeout=60)
    assert r.returncode == 2
    assert "timed out" in r.stderr and "xling models install FILE.argosmodel" in r.stderr
