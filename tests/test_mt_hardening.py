"""Issue 11 regressions in xling.mt: --replace with a broken model (defect 2), a folder given to
`models install` (defect 12), no stray folders or onnxruntime files (defect 25), Git LFS pointers."""

from __future__ import annotations

import zipfile

import pytest
from mt_helpers import copy_model, run_xling, tree, xling_env

pytestmark = pytest.mark.slow


def _with_garbage_model(archive, out):
    with zipfile.ZipFile(archive) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename.endswith("model/model.bin"):
                data = b"\x07garbage, not a CTranslate2 model" * 50
            dst.writestr(info, data)
    return out


def test_defect2_replace_with_a_corrupt_model_keeps_the_working_package(tmp_path):
    env = xling_env(tmp_path / "home", tmp_path / "packages")
    assert run_xling(["models", "install", copy_model("fa", "en")], env).returncode == 0
    before = tree(tmp_path / "packages")
    corrupt = _with_garbage_model(copy_model("fa", "en"), tmp_path / "corrupt.argosmodel")
    proc = run_xling(["models", "install", corrupt, "--replace"], env)
    assert proc.returncode != 0
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "does not run" in lines[0] and "is kept" in lines[0], proc.stderr
    assert tree(tmp_path / "packages") == before
    (tmp_path / "in.txt").write_text("سلام دنیا.\n", encoding="utf-8")
    proc = run_xling(
        ["translate", tmp_path / "in.txt", "--to", "en", "--out-dir", tmp_path / "out", "--no-glossary"], env
    )
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "out" / "in.en.txt").read_text(encoding="utf-8") == "سلام دنیا.\n"


def test_defect2_a_corrupt_model_is_not_installed_at_all(tmp_path):
    env = xling_env(tmp_path / "home", tmp_path / "packages")
    corrupt = _with_garbage_model(copy_model("fa", "en"), tmp_path / "corrupt.argosmodel")
    proc = run_xling(["models", "install", corrupt], env)
    assert proc.returncode != 0 and "does not run" in proc.stderr
    assert tree(tmp_path / "packages") == {}


def test_defect12_a_folder_is_named_as_a_folder(tmp_path):
    env = xling_env(tmp_path / "home", tmp_path / "packages")
    proc = run_xling(["models", "install", tmp_path], env)
    assert proc.returncode != 0
    assert "no such file" not in proc.stderr
    assert f"{tmp_path}: a folder, not an .argosmodel file" in proc.stderr and "xling-model.json" in proc.stderr


def test_git_lfs_pointer_is_named(tmp_path):
    pointer = tmp_path / "translate-fa_en.argosmodel"
    pointer.write_text(
        "version https://git-lfs.github.com/spec/v1\n"
        "oid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n"
    )
    from xling.errors import ModelError
    from xling.mt.packages import validate_archive

    with pytest.raises(ModelError, match=r"Git LFS pointer.*git lfs pull"):
        validate_archive(pointer)


def _home_files(home):
    return sorted(str(p.relative_to(home)) for p in home.rglob("*"))


def test_defect25_models_list_creates_no_folder(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    env = xling_env(home, home / "never" / "packages")
    proc = run_xling(["models", "list"], env)
    assert proc.returncode == 0, proc.stderr
    assert _home_files(home) == []


def test_defect25_install_and_translate_import_no_argostranslate_translate(tmp_path):
    """`models install` and translating create nothing under HOME but the packages folder, and never
    import argostranslate.translate (minisbd, onnxruntime, which writes ~/.cache/Microsoft/...)."""
    home = tmp_path / "home"
    home.mkdir()
    packages = tmp_path / "packages"
    env = xling_env(home, packages)
    code = (
        "import sys\n"
        "from xling.mt.packages import install_file\n"
        "from xling.mt.argos import load_engine\n"
        f"install_file({str(copy_model('fa', 'en'))!r})\n"
        "assert load_engine('fa', 'en').translate_batch(['سلام']) == ['سلام']\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('argostranslate.translate', 'onnxruntime', 'minisbd')))\n"
        "print(bad)\n"
    )
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"
    assert _home_files(home) == []
    assert (packages / "xling-test-copy-fa_en").is_dir()


def test_argos_settings_are_read_without_importing_argostranslate(tmp_path, monkeypatch):
    import json

    from xling.mt.packages import argos_setting, packages_dir

    config = tmp_path / "config" / "argos-translate"
    config.mkdir(parents=True)
    (config / "settings.json").write_text(json.dumps({"ARGOS_PACKAGES_DIR": str(tmp_path / "from-json")}))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("ARGOS_PACKAGES_DIR", raising=False)
    assert packages_dir() == tmp_path / "from-json"
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "from-env"))
    assert packages_dir() == tmp_path / "from-env"
    assert argos_setting("ARGOS_BEAM_SIZE", "4") == "4"
    assert not (tmp_path / "from-json").exists() and not (tmp_path / "from-env").exists()
