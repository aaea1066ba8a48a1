"""Fuzzed glossary readers (issue 11 item 7): the YAML glossary, TBX and CSV/TSV readers either
return a valid Glossary or raise XlingError with a one-line message: never another exception,
never a hang. Examples and time are bounded (about 10 s in all)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xling.errors import XlingError
from xling.glossary.model import Glossary

DATA = Path(__file__).parent / "data" / "glossary"
SMALL_YAML = (DATA / "small.yaml").read_text(encoding="utf-8")

FUZZ = settings(max_examples=60, deadline=2000, suppress_health_check=[HealthCheck.too_slow], database=None)

# text near the real forms: pieces of the valid files, YAML / XML / CSV punctuation, Persian and Cyrillic letters
_ALPHABET = st.characters(codec="utf-8", exclude_categories=("Cs",))
_PIECES = st.sampled_from(
    [
        ":",
        "-",
        " ",
        "\n",
        "  ",
        "&a ",
        "*a",
        "[",
        "]",
        "{",
        "}",
        '"',
        "'",
        "#",
        "<",
        ">",
        "/",
        "=",
        ",",
        "\t",
        "id: x",
        "terms:",
        "fa:",
        "- text: الف",
        "status: deprecated",
        "entries:",
        "<termSec>",
        "<term>",
        "</term>",
        "<conceptEntry id='a'>",
        "<langSec xml:lang='fa'>",
        "record,lang,text",
        "Путин",
        "\u200c",
        "\x00",
    ]
)
_NOISE = st.lists(st.one_of(_PIECES, st.text(_ALPHABET, max_size=5)), max_size=40).map("".join)


def _mutate(base: str):
    """A valid file with a random slice replaced by noise."""
    return st.tuples(st.integers(0, len(base)), st.integers(0, 40), _NOISE).map(
        lambda t: base[: t[0]] + t[2] + base[t[0] + t[1] :]
    )


def _ok(fn, *args) -> None:
    try:
        g = fn(*args)
    except XlingError as exc:
        msg = str(exc)
        assert msg and "\n" not in msg, repr(msg)
        return
    assert isinstance(g, Glossary)


@FUZZ
@given(st.one_of(_mutate(SMALL_YAML), _NOISE))
def test_yaml_glossary_reader(text):
    from xling.glossary.store import parse_glossary_text

    _ok(lambda t: parse_glossary_text(t, "fuzz.yaml").glossary, text)


def _tbx_text() -> str:
    from xling.glossary.store import load_glossary
    from xling.glossary.tbx import glossary_to_tbx_bytes

    return glossary_to_tbx_bytes(load_glossary(DATA / "small.yaml")).decode("utf-8")


SMALL_TBX = _tbx_text()


@FUZZ
@given(st.one_of(_mutate(SMALL_TBX), _NOISE))
def test_tbx_reader(text):
    from xling.glossary.tbx import tbx_bytes_to_glossary

    _ok(tbx_bytes_to_glossary, text.encode("utf-8"), "fuzz.tbx")


def _csv_text() -> str:
    from xling.glossary import csvio
    from xling.glossary.store import load_glossary

    return csvio.glossary_to_multi_csv(load_glossary(DATA / "small.yaml"))


SMALL_CSV = _csv_text()
PAIR_CSV = "احمد الشرع,Ahmed al-Sharaa\nابو محمد جولانی,Abu Mohammad al-Jolani\n"


@FUZZ
@given(st.one_of(_mutate(SMALL_CSV), _mutate(PAIR_CSV), _NOISE), st.sampled_from([",", "\t"]))
def test_csv_tsv_readers(text, delimiter):
    from xling.glossary import csvio

    text = text.replace(",", delimiter) if delimiter == "\t" else text
    if csvio.is_multi(text, delimiter):
        _ok(lambda t: csvio.multi_csv_to_glossary(t, delimiter=delimiter, name="fuzz.csv"), text)
    else:
        _ok(lambda t: csvio.pair_csv_to_glossary(t, "en", delimiter=delimiter, name="fuzz.csv"), text)


@FUZZ
@given(st.binary(max_size=300))
def test_exchange_file_bytes(tmp_path_factory, data):
    """Any bytes under a .csv or .tbx name: the file reader's answer is a Glossary or one line."""
    from xling.glossary.ops import read_exchange_file

    folder = tmp_path_factory.mktemp("fuzz")
    for name in ("x.csv", "x.tbx"):
        p = folder / name
        p.write_bytes(data)
        _ok(lambda q: read_exchange_file(q, lang="en"), p)
