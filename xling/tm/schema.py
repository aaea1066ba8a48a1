"""The translation memory's SQLite schema, versioned with ``PRAGMA user_version``.

:data:`MIGRATIONS` is the ordered list of steps; step *n* (1-based) takes a database at version
*n - 1* to version *n*. :func:`migrate` runs the missing steps in one transaction, so a database
is never left half-migrated, and refuses a database newer than this xling.

Version 1::

    segment(id, lang, text, key, key_hash)        one row per distinct source (lang, key),
                                                  indexed by key_hash only (keys are long)
    segment_fts(key)                              FTS5 trigram index over segment.key
    unit(id, segment_id, tgt_lang, target, origin, document, created, changed, usage_count)
                                                  one row per distinct (segment, tgt_lang, target)

Uniqueness is kept by :mod:`xling.tm.store` inside its write transactions (a UNIQUE index
would store every key and target a second time).

Version 2 adds ``word_df(word, df)``: in how many stored sources each word of a key occurs,
which the fuzzy lookup uses to pick its rarest words (``fts5vocab`` counts are too slow: they
read whole doclists); the step fills it from the stored keys.

``key`` is the comparison key of the source (:func:`xling.text.keys.fold`), ``key_hash``
a 63-bit BLAKE2b hash of it (a small index for exact lookups). A source shared by several
language pairs (a four-language TMX unit) is stored and indexed once. FTS5 and its trigram
tokenizer: https://www.sqlite.org/fts5.html (SQLite ≥ 3.34).
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable

from xling.errors import InputError

ORIGINS = ("human", "mt", "post-edited", "imported")

_V1 = f"""
CREATE TABLE segment (
    id INTEGER PRIMARY KEY,
    lang TEXT NOT NULL,
    text TEXT NOT NULL,
    key TEXT NOT NULL,
    key_hash INTEGER NOT NULL
);
CREATE INDEX segment_hash ON segment (key_hash);
CREATE TABLE unit (
    id INTEGER PRIMARY KEY,
    segment_id INTEGER NOT NULL REFERENCES segment (id),
    tgt_lang TEXT NOT NULL,
    target TEXT NOT NULL,
    origin TEXT NOT NULL CHECK (origin IN ({", ".join(repr(o) for o in ORIGINS)})),
    document TEXT,
    created TEXT NOT NULL,
    changed TEXT NOT NULL,
    usage_count INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX unit_segment ON unit (segment_id, tgt_lang);
CREATE VIRTUAL TABLE segment_fts USING fts5 (key, content='segment', content_rowid='id', tokenize='trigram');
CREATE VIRTUAL TABLE segment_vocab USING fts5vocab (segment_fts, 'row');
CREATE TRIGGER segment_ai AFTER INSERT ON segment BEGIN
    INSERT INTO segment_fts (rowid, key) VALUES (new.id, new.key);
END;
CREATE TRIGGER segment_ad AFTER DELETE ON segment BEGIN
    INSERT INTO segment_fts (segment_fts, rowid, key) VALUES ('delete', old.id, old.key);
END;
"""


def key_words(key: str) -> set[str]:
    """The distinct words of a comparison key (split at spaces), as counted in ``word_df``."""
    return set(key.split(" ")) - {""}


def count_words(conn: sqlite3.Connection, keys: Iterable[str]) -> None:
    """Add each key's distinct words to ``word_df`` (one upsert per distinct word)."""
    counts: Counter[str] = Counter()
    for key in keys:
        counts.update(key_words(key))
    conn.executemany(
        "INSERT INTO word_df (word, df) VALUES (?, ?) ON CONFLICT (word) DO UPDATE SET df = df + excluded.df",
        counts.items(),
    )


def _v2(conn: sqlite3.Connection) -> None:
    conn.execute("CREATE TABLE word_df (word TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID")
    count_words(conn, (row[0] for row in conn.execute("SELECT key FROM segment")))


#: Migration steps, in order: step n brings a database from version n-1 to n (an SQL script,
#: or a function of the connection run inside the migration's transaction).
MIGRATIONS: list[str | Callable[[sqlite3.Connection], None]] = [_V1, _v2]

#: The schema version this xling writes.
VERSION = len(MIGRATIONS)


def migrate(conn: sqlite3.Connection, name: str, *, target: int | None = None) -> int:
    """Bring the database open on ``conn`` to :data:`VERSION`, in one transaction.

    Args:
        conn: an open connection (autocommit mode, ``isolation_level=None``).
        name: the database path, for messages.
        target: stop at this version (tests of the migrations); default :data:`VERSION`.

    Returns:
        The version found before migrating (0 for a new database).

    Raises:
        InputError: the database was written by a newer xling (its version is above
            :data:`VERSION`), or is not an xling TM.
    """
    goal = VERSION if target is None else target
    found = conn.execute("PRAGMA user_version").fetchone()[0]
    if found > VERSION:
        raise InputError(f"{name}: TM schema version {found} is newer than this xling's ({VERSION}); upgrade xling")
    if found >= goal:
        return found
    conn.execute("BEGIN IMMEDIATE")
    try:
        found = conn.execute("PRAGMA user_version").fetchone()[0]  # another writer may have migrated
        for step in MIGRATIONS[found:goal]:
            if callable(step):
                step(conn)
                continue
            for statement in _statements(step):
                conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {goal}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return found


def _statements(script: str) -> list[str]:
    """Split a migration script into statements (``sqlite3.complete_statement`` decides the ends)."""
    out, current = [], ""
    for line in script.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            out.append(current.strip())
            current = ""
    return [s for s in out if s]
