"""Property tests (hypothesis) of what ``xling score`` reads: hypothesis, reference and source
files and translate's ``.jsonl``. Each either gives a valid report (the JSON validates against
schema.json) or raises XlingError with a one-line message; never another exception, never a
hang (examples and sizes bounded: a few seconds in all)."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xling.errors import XlingError
from xling.score.api import score_files
from xling.score.report import load_schema

FAST = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_alphabet = st.sampled_from(
    list("ab 1.,-%<>{}[]()«»\"'\t\r") + ["۱", "٢", "٫", "٬", "پ", "ی", "س", "ا", "д", "\u200c", "\x00", "🎉", "\ufeff"]
)
_line = st.text(alphabet=_alphabet, max_size=24)
_lines = st.lists(_line, min_size=0, max_size=5)
_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(alphabet=_alphabet, max_size=6),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(["id", "en", "x"]), inner, max_size=3),
    max_leaves=8,
)
_record = st.fixed_dictionaries(
    {
        "id": st.integers(0, 5) | st.text(max_size=2),
        "paragraph": st.integers(0, 2),
        "source": _line,
        "targets": st.dictionaries(st.sampled_from(["en", "ru"]), _line | st.integers(), max_size=2),
    }
)
_jsonl = st.lists(st.one_of(_record.map(json.dumps), _json.map(json.dumps), _line), max_size=4).map("\n".join)
_SCHEMA = None


def _check(call):
    global _SCHEMA
    try:
        report = call()
    except XlingError as exc:
        msg = str(exc)
        assert msg and "\n" not in msg, msg
        return
    import jsonschema

    _SCHEMA = _SCHEMA or load_schema()
    jsonschema.validate(report.to_json(), _SCHEMA)


def _write(folder: Path, name: str, data: str | bytes) -> str:
    path = folder / name
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8", newline="")
    return str(path)


@FAST
@given(
    hyp=_lines, ref=_lines | st.none(), src=_lines | st.none(), align=st.booleans(), lang=st.sampled_from(["en", "ar"])
)
def test_text_inputs(hyp, ref, src, align, lang):
    with tempfile.TemporaryDirectory() as d:
        folder = Path(d)
        h = _write(folder, "h.txt", "\n".join(hyp))
        r = None if ref is None else _write(folder, "r.txt", "\n".join(ref))
        s = None if src is None else _write(folder, "s.txt", "\n".join(src))
        _check(lambda: score_files(h, lang=lang, ref=r, src=s, align=align, glossary=None))


@FAST
@given(raw=st.binary(max_size=40), other=_lines)
def test_binary_inputs(raw, other):
    with tempfile.TemporaryDirectory() as d:
        folder = Path(d)
        h = _write(folder, "h.txt", raw)
        r = _write(folder, "r.txt", "\n".join(other))
        _check(lambda: score_files(h, lang="en", ref=r, src=r, glossary=None))
        _check(lambda: score_files(r, lang="en", ref=h, src=h, glossary=None))


@FAST
@given(content=_jsonl, ref=_lines | st.none())
def test_jsonl_inputs(content, ref):
    with tempfile.TemporaryDirectory() as d:
        folder = Path(d)
        jl = _write(folder, "d.jsonl", content)
        r = None if ref is None else _write(folder, "r.txt", "\n".join(ref))
        _check(lambda: score_files(jl, lang="en", ref=r, glossary=None))
