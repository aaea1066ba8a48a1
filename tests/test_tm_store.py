"""The translation memory (xling.tm): schema and migrations, exact/fuzzy lookup, concurrent writers."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from xling.errors import InputError
from xling.tm import schema
from xling.tm.store import TMUnit, TranslationMemory, default_tm_path

ROOT = Path(__file__).resolve().parent.parent
REPORT = "این خبر در حال تکمیل است."
LOST_ZWNJ = "رئیسجمهور روسیه در این دیدار گفت: کشورهای ما طی دهههای متمادی روابط ویژهای را توسعه دادهاند."
RESTORED = "رئیس‌جمهور روسیه در این دیدار گفت: کشورهای ما طی دهه‌های متمادی روابط ویژه‌ای را توسعه داده‌اند."


@pytest.fixture
def tm(tmp_path):
    with TranslationMemory(tmp_path / "tm.sqlite") as db:
        db.add(
            [
                TMUnit(REPORT, "This report is being updated.", "fa", "en", "human", "a"),
                TMUnit(REPORT, "Новость дополняется.", "fa", "ru", "imported", "a"),
                TMUnit(LOST_ZWNJ, "The Russian president said at the meeting ...", "fa", "en", "imported", "a"),
            ]
        )
        yield db


def test_default_path_follows_xdg_data_home(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert default_tm_path() == tmp_path / "data" / "xling" / "tm.sqlite"
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert default_tm_path() == tmp_path / ".local" / "share" / "xling" / "tm.sqlite"
    assert not (tmp_path / ".local").exists()  # computing the path creates nothing


def test_exact_match_after_normalization(tm):
    m = tm.exact(RESTORED.replace("66", "۶۶"), "fa", "en")  # ZWNJs restored: same key
    assert m is not None and m.exact and m.score == 100
    assert m.target.startswith("The Russian president")
    assert tm.exact(REPORT, "fa", "ru").target == "Новость дополняется."
    assert tm.exact(REPORT, "fa", "ar") is None
    assert tm.exact("این خبر کامل است.", "fa", "en") is None


def test_one_word_change_is_a_fuzzy_match_of_75_or_more(tm):
    changed = LOST_ZWNJ.replace("متمادی", "طولانی")
    assert tm.exact(changed, "fa", "en") is None
    matches = tm.fuzzy(changed, "fa", "en", min_score=75)
    assert matches and not matches[0].exact and 75 <= matches[0].score < 100
    assert matches[0].source == LOST_ZWNJ
    assert tm.fuzzy(changed, "fa", "en", min_score=99) == []


def test_duplicates_are_not_stored_twice_and_origin_is_raised(tm):
    assert tm.add([TMUnit(REPORT, "Новость дополняется.", "fa", "ru", "post-edited")]) == (0, 1)
    assert tm.exact(REPORT, "fa", "ru").origin == "post-edited"
    assert tm.add([TMUnit(REPORT, "Новость дополняется.", "fa", "ru", "mt")]) == (0, 1)
    assert tm.exact(REPORT, "fa", "ru").origin == "post-edited"  # MT does not lower it
    st = tm.stats()
    assert st["units"] == 3 and st["segments"] == 2 and st["pairs"] == {"fa-en": 2, "fa-ru": 1}


def test_best_origin_wins_among_targets(tm):
    tm.add([TMUnit(REPORT, "MT output.", "fa", "en", "mt")])
    assert tm.exact(REPORT, "fa", "en").target == "This report is being updated."


def test_usage_count(tm):
    m = tm.exact(REPORT, "fa", "en")
    tm.record_use([m.unit_id, m.unit_id])
    assert tm.exact(REPORT, "fa", "en").usage_count == 2
    assert tm.stats()["used"] == 1


def test_bad_origin_is_refused_and_nothing_is_stored(tm):
    with pytest.raises(InputError, match="origin 'robot'"):
        tm.add([TMUnit("یک", "one", "fa", "en"), TMUnit("دو", "two", "fa", "en", "robot")])
    assert tm.exact("یک", "fa", "en") is None


def test_missing_tm_and_not_a_database(tmp_path):
    with pytest.raises(InputError, match="no such TM"):
        TranslationMemory(tmp_path / "none.sqlite", create=False)
    bad = tmp_path / "bad.sqlite"
    bad.write_text("not sqlite\n" * 100)
    with pytest.raises(InputError, match="not an xling TM"):
        TranslationMemory(bad)


def test_migration_from_version_1_fills_the_word_table(tmp_path):
    path = tmp_path / "old.sqlite"
    conn = sqlite3.connect(path, isolation_level=None)
    schema.migrate(conn, str(path), target=1)
    conn.execute("INSERT INTO segment (lang, text, key, key_hash) VALUES ('fa', ?, ?, 7)", (REPORT, REPORT))
    conn.execute(
        "INSERT INTO unit (segment_id, tgt_lang, target, origin, created, changed)"
        " VALUES (1, 'en', 'x', 'human', 'd', 'd')"
    )
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    conn.close()
    with TranslationMemory(path) as db:
        assert db.stats()["schema_version"] == schema.VERSION == 2
        words = dict(db.conn.execute("SELECT word, df FROM word_df").fetchall())
    assert words["تکمیل"] == 1 and len(words) == 6


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "new.sqlite"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {schema.VERSION + 1}")
    conn.close()
    with pytest.raises(InputError, match="newer than this xling"):
        TranslationMemory(path)


_WRITER = """
import sys
from xling.tm.store import TMUnit, TranslationMemory
path, tag = sys.argv[1], sys.argv[2]
with TranslationMemory(path) as tm:
    for i in range(0, 300, 10):
        tm.add(TMUnit(f"جمله {tag} شماره {j}", f"sentence {tag} {j}", "fa", "en", "human") for j in range(i, i + 10))
"""


def test_two_writers_at_once_lose_nothing(tmp_path):
    path = tmp_path / "tm.sqlite"
    TranslationMemory(path).close()  # both writers find the schema in place
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    procs = [
        subprocess.Popen([sys.executable, "-c", _WRITER, str(path), tag], env=env, stderr=subprocess.PIPE)
        for tag in ("الف", "ب")
    ]
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err.decode()
    with TranslationMemory(path) as tm:
        assert tm.stats()["units"] == 600
        assert tm.exact("جمله ب شماره 299", "fa", "en").target == "sentence ب 299"
