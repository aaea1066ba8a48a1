"""The translation memory: an SQLite database of translation units with exact and fuzzy lookup.

A translation unit pairs a source segment with its target in one language pair, with its
origin (``human``, ``mt``, ``post-edited``, ``imported``), the document it came from, the date
it was stored or last changed (ISO 8601, UTC) and how often a lookup reused it.

**Matching.** Sources are compared by their comparison key
(:func:`xling.text.keys.fold`: the text after xling's normalization of letters, ZWNJ and
digits, with case and whitespace runs folded), so a source that differs only in a lost ZWNJ or a
digit set is an exact match.

- Exact: one indexed lookup on the key's hash (:func:`key_hash`), then the key itself.
- Fuzzy: candidates come from the FTS5 trigram index: each of the query key's
  :data:`RARE_WORDS` least frequent words (document frequencies from the ``word_df`` table) is
  looked up as a substring phrase (a conjunction of its trigrams), and the :data:`CANDIDATES`
  sources containing the most of them are kept (counted in one SQL statement; ties by row id); a query with too few usable words uses its
  single trigrams instead. Each candidate is then
  scored with rapidfuzz's ``fuzz.ratio`` (normalized Indel similarity, 0-100) against the query
  key. No lookup reads the whole TM. Rare tokens as a candidate filter are the prefix-filtering
  idea of Chaudhuri, Ganti & Kaushik, "A primitive operator for similarity joins in data
  cleaning" (ICDE 2006); unlike their exact filter this one is a heuristic bounded by
  :data:`CANDIDATES` (``bench/tm.py`` measures its recall).

**Concurrency.** The database runs in WAL mode with a busy timeout; every write is one
``BEGIN IMMEDIATE`` transaction, so two processes writing at once serialize and neither loses
units (SQLite locking: https://www.sqlite.org/lockingv3.html, https://www.sqlite.org/wal.html).
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from xling.errors import InputError
from xling.tm.schema import ORIGINS, count_words, key_words, migrate

#: Words of the query used to pick fuzzy-match candidates (the least frequent ones): enough
#: that a one- or two-word edit leaves several of them in place.
RARE_WORDS = 4
#: Shortest word (characters) used as a candidate filter: 4 = two overlapping trigrams.
MIN_WORD_CHARS = 4
#: Words stored in more sources than this are too common to pick candidates with (their
#: doclists are long) unless fewer than two rarer ones are left.
MAX_WORD_DF = 2000
#: Most source ids read per candidate word (bounds the work of a lookup whose words are all common).
MAX_POSTINGS = 20_000
#: Candidates scored with rapidfuzz per fuzzy lookup.
CANDIDATES = 48
#: Seconds a writer waits for another writer's transaction before giving up.
BUSY_TIMEOUT_S = 60.0
#: Preference among several targets for one source: lower is better (then the newest).
ORIGIN_RANK = {"post-edited": 0, "human": 0, "imported": 1, "mt": 2}


def default_tm_path() -> Path:
    """``$XDG_DATA_HOME/xling/tm.sqlite`` (``~/.local/share/xling/tm.sqlite`` without it).

    Computed only; nothing is created until a TM is opened for writing.
    """
    from xling.paths import data_home

    return data_home() / "xling" / "tm.sqlite"


def source_key(text: str, lang: str) -> str:
    """The comparison key of a source segment (:func:`xling.text.keys.fold`)."""
    from xling.text.keys import fold

    return fold(text, lang)


def key_hash(key: str) -> int:
    """A signed 63-bit BLAKE2b hash of ``key`` (fits SQLite's INTEGER), the exact-lookup index."""
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "big") >> 1


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class TMUnit:
    """A translation unit to store.

    Attributes:
        source / target: the segment texts (str), as written by their author.
        src_lang / tgt_lang: language codes (``fa``, ``en``).
        origin: one of :data:`xling.tm.schema.ORIGINS`.
        document: the file or document id it came from, or None.
    """

    source: str
    target: str
    src_lang: str
    tgt_lang: str
    origin: str = "imported"
    document: str | None = None


@dataclass(frozen=True)
class Match:
    """A TM match for a query segment.

    Attributes:
        unit_id: the unit's row id (int).
        source / target: the stored texts.
        score: similarity of the comparison keys, 0-100 (rapidfuzz ``fuzz.ratio``); 100 for an
            exact match.
        exact: the keys are equal.
        origin, document, changed, usage_count: the unit's stored fields.
    """

    unit_id: int
    source: str
    target: str
    score: float
    exact: bool
    origin: str
    document: str | None
    changed: str
    usage_count: int

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict of every field (score rounded to 2 decimals)."""
        return {
            "unit_id": self.unit_id,
            "source": self.source,
            "target": self.target,
            "score": round(self.score, 2),
            "exact": self.exact,
            "origin": self.origin,
            "document": self.document,
            "changed": self.changed,
            "usage_count": self.usage_count,
        }


_UNIT_COLUMNS = "u.id, s.text, u.target, u.origin, u.document, u.changed, u.usage_count"


class TranslationMemory:
    """An open TM database (a context manager; :meth:`close` when done).

    Args:
        path: the SQLite file; its folder is created. None = :func:`default_tm_path`.
        create: create the file if missing (False: a missing file is an :class:`InputError`).

    Raises:
        InputError: the file is missing (``create=False``), not an SQLite database, or written
            by a newer xling.
    """

    def __init__(self, path: str | os.PathLike[str] | None = None, *, create: bool = True) -> None:
        self.path = Path(path) if path is not None else default_tm_path()
        if not self.path.exists():
            if not create:
                raise InputError(
                    f"{self.path}: no such TM; give --tm PATH of an existing TM (xling tm import creates one)"
                )
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise InputError(f"{self.path}: cannot create the TM folder: {exc.strerror}") from None
        try:
            self.conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
            migrate(self.conn, str(self.path))
        except sqlite3.DatabaseError as exc:
            raise InputError(f"{self.path}: not an xling TM ({exc}); give --tm another path") from None

    def __enter__(self) -> TranslationMemory:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection (the WAL is checkpointed by SQLite)."""
        self.conn.close()

    # ------------------------------------------------------------------------------ writing

    def add(self, units: Iterable[TMUnit]) -> tuple[int, int]:
        """Store ``units`` in one transaction.

        A unit whose (source key, language pair, target) is already stored is not duplicated:
        its date is renewed and its origin raised when the new one ranks higher
        (:data:`ORIGIN_RANK`: a post-edit beats an import beats MT).

        Returns:
            ``(added, updated)`` counts.

        Raises:
            InputError: an origin not in :data:`xling.tm.schema.ORIGINS`, or an empty source or target.
        """
        added = updated = 0
        now = _now()
        cur = self.conn.cursor()
        cur.execute("BEGIN IMMEDIATE")
        new_keys: list[str] = []
        try:
            for unit in units:
                if unit.origin not in ORIGINS:
                    raise InputError(f"TM unit origin {unit.origin!r}: use one of {', '.join(ORIGINS)}")
                if not unit.source.strip() or not unit.target.strip():
                    continue
                sid = self._segment_id(cur, unit.source, unit.src_lang, new_keys)
                row = cur.execute(
                    "SELECT id, origin FROM unit WHERE segment_id = ? AND tgt_lang = ? AND target = ?",
                    (sid, unit.tgt_lang, unit.target),
                ).fetchone()
                if row is None:
                    cur.execute(
                        "INSERT INTO unit (segment_id, tgt_lang, target, origin, document, created, changed)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?)",
                        (sid, unit.tgt_lang, unit.target, unit.origin, unit.document, now, now),
                    )
                    added += 1
                else:
                    origin = unit.origin if ORIGIN_RANK[unit.origin] < ORIGIN_RANK[row[1]] else row[1]
                    cur.execute("UPDATE unit SET origin = ?, changed = ? WHERE id = ?", (origin, now, row[0]))
                    updated += 1
            count_words(self.conn, new_keys)
            cur.execute("COMMIT")
        except BaseException:
            cur.execute("ROLLBACK")
            raise
        return added, updated

    def _segment_id(self, cur: sqlite3.Cursor, text: str, lang: str, new_keys: list[str]) -> int:
        key = source_key(text, lang)
        h = key_hash(key)
        row = cur.execute(
            "SELECT id FROM segment WHERE key_hash = ? AND lang = ? AND key = ?", (h, lang, key)
        ).fetchone()
        if row is not None:
            return int(row[0])
        cur.execute("INSERT INTO segment (lang, text, key, key_hash) VALUES (?, ?, ?, ?)", (lang, text, key, h))
        new_keys.append(key)
        return int(cur.lastrowid or 0)

    def record_use(self, unit_ids: Iterable[int]) -> None:
        """Add 1 to the usage count of each unit id (one transaction)."""
        ids = [(i,) for i in unit_ids]
        if not ids:
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            self.conn.executemany("UPDATE unit SET usage_count = usage_count + 1 WHERE id = ?", ids)
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise

    # ------------------------------------------------------------------------------ lookup

    def exact(self, text: str, src_lang: str, tgt_lang: str) -> Match | None:
        """The best exact match of ``text`` (equal comparison keys), or None.

        Among several targets for the source the best :data:`ORIGIN_RANK`, then the newest, wins.
        """
        key = source_key(text, src_lang)
        rows = self.conn.execute(
            f"SELECT {_UNIT_COLUMNS} FROM segment s JOIN unit u ON u.segment_id = s.id"
            " WHERE s.key_hash = ? AND s.lang = ? AND s.key = ? AND u.tgt_lang = ?",
            (key_hash(key), src_lang, key, tgt_lang),
        ).fetchall()
        if not rows:
            return None
        best = min(rows, key=lambda r: (ORIGIN_RANK[r[3]], _neg(r[5])))
        return _match(best, 100.0, True)

    def fuzzy(self, text: str, src_lang: str, tgt_lang: str, *, min_score: float = 75.0, limit: int = 3) -> list[Match]:
        """Fuzzy matches of ``text`` scoring at least ``min_score`` (0-100), best first.

        Exact matches are included (score 100). See the module docstring for the candidate
        index and the score.

        Returns:
            At most ``limit`` matches, by score, then :data:`ORIGIN_RANK`, then newest.
        """
        from rapidfuzz import fuzz

        key = source_key(text, src_lang)
        ids = self._candidates(key)
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        rows = self.conn.execute(
            f"SELECT {_UNIT_COLUMNS}, s.key FROM segment s JOIN unit u ON u.segment_id = s.id"
            f" WHERE s.id IN ({marks}) AND +s.lang = ? AND u.tgt_lang = ?",
            (*ids, src_lang, tgt_lang),
        ).fetchall()
        scored = []
        for row in rows:
            score = 100.0 if row[7] == key else float(fuzz.ratio(key, row[7]))
            if score >= min_score:
                scored.append((score, row))
        scored.sort(key=lambda sr: (-sr[0], ORIGIN_RANK[sr[1][3]], _neg(sr[1][5])))
        return [_match(row, score, row[7] == key) for score, row in scored[:limit]]

    def _candidates(self, key: str) -> list[int]:
        """Segment ids containing the most of the rarest words of ``key``, most first (≤ :data:`CANDIDATES`)."""
        words = sorted(key_words(key))
        if not words:
            return []
        freq = dict(
            self.conn.execute(
                f"SELECT word, df FROM word_df WHERE word IN ({','.join('?' * len(words))})", words
            ).fetchall()
        )
        # A word is matched as a substring, so a 3-letter word is one trigram, found inside many
        # longer words: prefer words of MIN_WORD_CHARS or more.
        usable = sorted((w for w in words if len(w) >= MIN_WORD_CHARS and w in freq), key=lambda w: (freq[w], w))
        usable = usable[:2] + [w for w in usable[2:RARE_WORDS] if freq[w] <= MAX_WORD_DF]
        if len(usable) < 2:  # short words only, or all new: the trigrams themselves
            usable = sorted({key[i : i + 3] for i in range(len(key) - 2)})
        if not usable:
            return []
        # One statement: each token's postings (a phrase query, at most MAX_POSTINGS), counted per
        # source in SQLite rather than in Python (bench/tm.py: about a fifth less CPU per lookup).
        tokens = usable[:RARE_WORDS]
        postings = " UNION ALL ".join(
            ["SELECT * FROM (SELECT rowid AS id FROM segment_fts WHERE segment_fts MATCH ? LIMIT ?)"] * len(tokens)
        )
        args: list[str | int] = []
        for token in tokens:
            args += ['"' + token.replace('"', '""') + '"', MAX_POSTINGS]
        rows = self.conn.execute(
            f"SELECT id FROM ({postings}) GROUP BY id ORDER BY count(*) DESC, id LIMIT ?", (*args, CANDIDATES)
        ).fetchall()
        return [int(row[0]) for row in rows]

    # ------------------------------------------------------------------------------ reading

    def iter_units(self) -> Iterator[tuple[str, str, str, str, str, str | None, str, int]]:
        """Every unit as ``(src_lang, source, tgt_lang, target, origin, document, changed,
        usage_count)``, grouped by source segment (in storage order)."""
        yield from self.conn.execute(
            "SELECT s.lang, s.text, u.tgt_lang, u.target, u.origin, u.document, u.changed, u.usage_count"
            " FROM segment s JOIN unit u ON u.segment_id = s.id ORDER BY s.id, u.id"
        )

    def stats(self) -> dict[str, Any]:
        """Counts: ``units``, ``segments`` (distinct sources), ``pairs`` (``fa-en`` → units),
        ``origins`` (origin → units), ``used`` (units reused at least once), ``schema_version``,
        ``bytes`` (file size of the database and its WAL)."""
        c = self.conn
        pairs = c.execute(
            "SELECT s.lang || '-' || u.tgt_lang, count(*) FROM segment s JOIN unit u ON u.segment_id = s.id"
            " GROUP BY 1 ORDER BY 1"
        ).fetchall()
        size = sum(p.stat().st_size for p in (self.path, Path(f"{self.path}-wal")) if p.exists())
        return {
            "path": str(self.path),
            "schema_version": c.execute("PRAGMA user_version").fetchone()[0],
            "units": c.execute("SELECT count(*) FROM unit").fetchone()[0],
            "segments": c.execute("SELECT count(*) FROM segment").fetchone()[0],
            "pairs": dict(pairs),
            "origins": dict(c.execute("SELECT origin, count(*) FROM unit GROUP BY 1 ORDER BY 1").fetchall()),
            "used": c.execute("SELECT count(*) FROM unit WHERE usage_count > 0").fetchone()[0],
            "bytes": size,
        }


def _neg(date: str) -> tuple[int, ...]:
    """A sort key that orders ISO dates newest first."""
    return tuple(-ord(ch) for ch in date)


def _match(row: tuple[Any, ...], score: float, exact: bool) -> Match:
    return Match(
        unit_id=row[0],
        source=row[1],
        target=row[2],
        score=score,
        exact=exact,
        origin=row[3],
        document=row[4],
        changed=row[5],
        usage_count=row[6],
    )
