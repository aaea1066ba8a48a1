"""Two `xling glossary add` processes at the same moment: both entries survive (file lock + atomic write)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from xling.glossary.store import load_glossary

DATA = Path(__file__).parent / "data" / "glossary"
ROOT = Path(__file__).resolve().parent.parent


def _add_cmd(path: Path, i: int) -> list[str]:
    return [
        sys.executable,
        "-m",
        "xling",
        "glossary",
        "add",
        "--glossary",
        str(path),
        "--id",
        f"p{i}",
        "--type",
        "person",
        "--term",
        f"fa=شخص{'ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی'[i]}",
        "--term",
        f"en=Person {i}",
        "--term",
        f"ru=Лицо {i}",
        "--term",
        f"ar=شخص {i}",
    ]


def test_concurrent_adds_lose_nothing(tmp_path):
    g = tmp_path / "g.yaml"
    shutil.copy(DATA / "small.yaml", g)
    n = 6
    procs = [
        subprocess.Popen(_add_cmd(g, i), cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for i in range(n)
    ]
    results = [p.communicate(timeout=120) + (p.returncode,) for p in procs]
    assert all(rc == 0 for _, _, rc in results), results
    ids = [e.id for e in load_glossary(g).entries]
    assert sorted(ids[3:]) == [f"p{i}" for i in range(n)]
    assert ids[:3] == ["ahmed-al-sharaa", "abu-mohammad-al-jolani", "defence-minister"]
    assert "# the person first" in g.read_text(encoding="utf-8")


def test_edit_waits_for_the_lock(tmp_path):
    """While another holder keeps the lock, an edit blocks; after release it goes through."""
    import threading
    import time

    from xling.cli.glossary_args import term_changes
    from xling.glossary.ops import add_entry
    from xling.glossary.store import lock_for

    g = tmp_path / "g.yaml"
    shutil.copy(DATA / "small.yaml", g)
    lock = lock_for(g)
    lock.acquire()
    done = threading.Event()

    def worker():
        add_entry(g, "late", changes=term_changes(terms=["fa=دیر", "en=Late", "ru=Поздно", "ar=متأخر"]))
        done.set()

    t = threading.Thread(target=worker)
    t.start()
    time.sleep(0.5)
    assert not done.is_set()  # blocked on the lock
    assert load_glossary(g).get("late") is None
    lock.release()
    t.join(timeout=30)
    assert done.is_set() and load_glossary(g).get("late") is not None
