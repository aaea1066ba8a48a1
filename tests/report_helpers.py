"""Shared by the report tests: the bundled article translated once with copy test models, and
edits of its ``.jsonl`` record (an error put into one segment, human text put into others)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from mt_helpers import ROOT, copy_model, install_packages, run_xling, xling_env

STEM = "putin-sharaa-2025-10-15"
ARTICLE = ROOT / "examples" / f"{STEM}.fa.txt"
DATA = ROOT / "tests" / "data"
#: copies of the article's human references (tests/data/score/README.md)
REFERENCES = {lang: DATA / "score" / f"reference.{lang}.txt" for lang in ("en", "ru", "ar")}
#: the segment and language where the tests put an error (a leftover placeholder)
ERROR_SEGMENT, ERROR_LANG = 5, "en"


@pytest.fixture(scope="session")
def article_run(tmp_path_factory) -> Path:
    """``xling translate`` of the bundled article to en, ru, ar with copy models: the output folder."""
    work = tmp_path_factory.mktemp("report-article")
    packages = work / "packages"
    install_packages(packages, copy_model("fa", "en"), copy_model("en", "ru"), copy_model("fa", "ar"))
    proc = run_xling(
        ["translate", ARTICLE, "--from", "fa", "--to", "en,ru,ar", "--out-dir", work / "out"],
        xling_env(work / "home", packages),
    )
    assert proc.returncode == 0, proc.stderr
    return work / "out"


def read_records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def write_records(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def record_with_error(article_run: Path, dest: Path) -> Path:
    """A copy of the article's record whose ``ERROR_LANG`` target of ``ERROR_SEGMENT`` ends in a
    leftover placeholder (the ``placeholder`` QA check's error)."""
    records = read_records(article_run / f"{STEM}.jsonl")
    records[ERROR_SEGMENT]["targets"][ERROR_LANG] += " ⟦T9⟧"
    dest.mkdir(parents=True, exist_ok=True)
    return write_records(dest / f"{STEM}.jsonl", records)


def gold_one_to_one() -> set[int]:
    """Source segments aligned 1-1 with the human reference in all of en, ru and ar (gold beads)."""
    common: set[int] | None = None
    for lang in ("en", "ru", "ar"):
        ones = set()
        for line in (DATA / "align" / f"gold.fa-{lang}.txt").read_text(encoding="utf-8").split():
            src, tgt = (json.loads(side) for side in line.split(":"))
            if len(src) == 1 and len(tgt) == 1:
                ones.add(src[0])
        common = ones if common is None else common & ones
    return common or set()


def record_with_human_targets(article_run: Path, dest: Path, segments: set[int]) -> Path:
    """The article's record with the human reference sentence as target of ``segments`` (1-1 gold
    beads), the copy-model output elsewhere: rows with and without QA issues."""
    records = read_records(article_run / f"{STEM}.jsonl")
    for lang, ref in REFERENCES.items():
        lines = ref.read_text(encoding="utf-8").splitlines()
        beads = (DATA / "align" / f"gold.fa-{lang}.txt").read_text(encoding="utf-8").split()
        for line in beads:
            src, tgt = (json.loads(side) for side in line.split(":"))
            if len(src) == 1 and len(tgt) == 1 and src[0] in segments:
                records[src[0]]["targets"][lang] = lines[tgt[0]]
    dest.mkdir(parents=True, exist_ok=True)
    out = write_records(dest / f"{STEM}.jsonl", records)
    for name in (f"{STEM}.{lang}.txt" for lang in REFERENCES):
        if (article_run / name).exists():
            shutil.copy(article_run / name, dest / name)
    return out
