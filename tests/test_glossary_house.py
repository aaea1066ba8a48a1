"""Issue 11 items 7/5 and 25: edits go to a user-writable house glossary, never into the package;
no lock file is left behind."""

from __future__ import annotations

import os

from xling.glossary.store import (
    default_glossary_path,
    shipped_glossary_path,
    user_glossary_path,
)

NEW = ["--id", "new-entry", "--term", "fa=مدخل تازه", "--term", "en=New", "--term", "ru=Новый", "--term", "ar=جديد"]


def test_first_edit_copies_the_shipped_glossary_to_xdg_data_home(cli, tmp_path, monkeypatch):
    shipped = shipped_glossary_path()
    before = shipped.read_bytes()
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    user = tmp_path / "data" / "xling" / "glossaries" / "house.yaml"
    assert user_glossary_path() == user and default_glossary_path() == shipped  # no copy yet
    r = cli(["glossary", "add", *NEW])
    assert r.exit_code == 0, r.output
    assert shipped.read_bytes() == before  # xling never writes the shipped file
    assert user.is_file() and "new-entry" in user.read_text(encoding="utf-8")
    # from then on every command reads the copy
    assert default_glossary_path() == user
    assert "new-entry" in cli(["glossary", "show", "new-entry", "--yaml"]).output
    r = cli(["glossary", "edit", "new-entry", "--note", "checked"])
    assert r.exit_code == 0 and "note: checked" in user.read_text(encoding="utf-8")
    assert shipped.read_bytes() == before


def test_xdg_default_is_under_home(monkeypatch, tmp_path):
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert user_glossary_path() == tmp_path / ".local" / "share" / "xling" / "glossaries" / "house.yaml"


def test_xling_glossary_names_the_user_copy(cli, tmp_path, monkeypatch):
    target = tmp_path / "team" / "house.yaml"
    monkeypatch.setenv("XLING_GLOSSARY", str(target))
    assert cli(["glossary", "add", *NEW]).exit_code == 0
    assert "new-entry" in target.read_text(encoding="utf-8")
    assert default_glossary_path() == target
    assert not (tmp_path / "xdg").exists()


def test_a_refused_add_copies_nothing(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    r = cli(["glossary", "add", "--id", "Bad Id", "--term", "fa=x"])
    assert r.exit_code == 1
    assert not (tmp_path / "data").exists()


def _dot_files(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_no_lock_file_is_left_behind(cli, gpath):
    """Refused and successful edits alike leave only the glossary in its folder (defect 25)."""
    folder = gpath.parent
    refused = cli(["glossary", "add", "-g", gpath, "--id", "ahmed-al-sharaa", "--term", "fa=x"])
    assert refused.exit_code == 1
    assert _dot_files(folder) == []
    assert cli(["glossary", "add", "-g", gpath, *NEW]).exit_code == 0
    assert cli(["glossary", "remove", "-g", gpath, "nope"]).exit_code == 1
    assert _dot_files(folder) == []
    assert sorted(os.listdir(folder)) == ["g.yaml"]


def test_import_into_a_new_file_creates_it_without_a_lock_file(cli, tmp_path, gpath):
    csv = tmp_path / "in.csv"
    csv.write_text("احمد الشرع,Ahmed al-Sharaa\n", encoding="utf-8")
    out = tmp_path / "sub"
    out.mkdir()
    r = cli(["glossary", "import", csv, "--lang", "en", "-g", out / "new.yaml"])
    assert r.exit_code == 0, r.output
    assert sorted(os.listdir(out)) == ["new.yaml"]


def test_15_the_readme_add_example_runs_as_written_on_a_fresh_clone(cli, tmp_path, monkeypatch):
    """Issue 11 defect 15: the README's `glossary add` example refers to an entry that is not in
    the shipped house glossary, so on a fresh clone (no user copy yet) it succeeds."""
    import re
    import shlex
    from pathlib import Path

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    m = re.search(r"^xling glossary add .*?(?<!\\)$", readme, flags=re.M | re.S)
    assert m, "README has no xling glossary add example"
    args = shlex.split(m.group(0).replace("\\\n", " "))[1:]
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    r = cli(args)
    assert r.exit_code == 0, r.output
    assert r.output.startswith("added ")
