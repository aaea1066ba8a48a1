import os

import pytest

from xling.errors import EncodingError, InputError
from xling.io import AtomicOutputs, atomic_write_text, decode_text, read_lines, read_text


def test_bom_and_crlf_are_removed():
    assert decode_text("\ufeffسلام\r\nدنیا\rپایان".encode("utf-8")) == "سلام\nدنیا\nپایان"


def test_cp1256_is_refused_with_guess_and_option(tmp_path):
    p = tmp_path / "legacy.txt"
    p.write_bytes(
        "رئیس جمهور روسیه با احمد الشرع دیدار و گفتگو کرد. این خبر در حال تکمیل است.\n".replace("ی", "ي")
        .replace("ک", "ك")
        .encode("cp1256")
    )
    with pytest.raises(EncodingError) as exc:
        read_text(p)
    msg = str(exc.value)
    assert str(p) in msg and ":1:" in msg and "--encoding" in msg
    assert read_text(p, encoding="cp1256").startswith("رئيس")


@pytest.mark.parametrize("text", ["سلام", "كتاب", "سلام دنيا", "خبر فوري: «سلام»"])
def test_short_cp1256_is_guessed_as_cp1256_not_a_cjk_code_page(tmp_path, text):
    # charset-normalizer alone guesses big5/big5hkscs for a few Arabic-script words in cp1256
    p = tmp_path / "short.txt"
    p.write_bytes(text.encode("cp1256") + b"\n")
    with pytest.raises(EncodingError) as exc:
        read_text(p)
    assert "--encoding cp1256" in str(exc.value) and "big5" not in str(exc.value)


def test_unknown_encoding_and_missing_file(tmp_path):
    with pytest.raises(InputError, match="unknown encoding"):
        decode_text(b"x", encoding="no-such-codec")
    with pytest.raises(InputError, match="no such file"):
        read_text(tmp_path / "nope.txt")


def test_read_lines_keeps_empty_lines(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("a\n\nb\n", encoding="utf-8")
    assert read_lines(p) == ["a", "", "b"]
    p.write_text("", encoding="utf-8")
    assert read_lines(p) == []


def test_atomic_group_replaces_all_or_nothing(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("old a")
    with pytest.raises(RuntimeError):
        with AtomicOutputs() as out:
            with out.open(a) as fh:
                fh.write("new a")
            raise RuntimeError("fail before b is written")
    assert a.read_text() == "old a" and not b.exists()
    assert sorted(os.listdir(tmp_path)) == ["a.txt"]  # no temporary file left behind
    with AtomicOutputs() as out:
        for p in (a, b):
            with out.open(p) as fh:
                fh.write("new")
    assert a.read_text() == b.read_text() == "new"
    atomic_write_text(a, "x")
    assert a.read_text() == "x"


def test_new_files_get_umask_mode_and_replacements_keep_mode(tmp_path):
    new = tmp_path / "new.txt"
    atomic_write_text(new, "x")
    umask = os.umask(0)
    os.umask(umask)
    assert new.stat().st_mode & 0o777 == 0o666 & ~umask
    old = tmp_path / "old.txt"
    old.write_text("a")
    old.chmod(0o640)
    atomic_write_text(old, "b")
    assert old.stat().st_mode & 0o777 == 0o640


def test_damaged_utf8_is_not_told_to_use_utf8(tmp_path):
    p = tmp_path / "cut.txt"
    data = ("این خبر در حال تکمیل است. " * 50).encode("utf-8")
    p.write_bytes(data + "پ".encode()[:1] + b"\n")
    with pytest.raises(EncodingError) as exc:
        read_text(p)
    msg = str(exc.value)
    assert "--encoding utf" not in msg and ":1:" in msg and "--encoding" in msg


def test_atomic_write_to_a_folder_is_a_one_line_error_and_leaves_nothing(tmp_path):
    # `xling align ... -o /tmp` used to end in a traceback and leave a temporary file in /.
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(InputError, match="is a folder"):
        atomic_write_text(folder, "x")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"] and not any(folder.iterdir())


def test_atomic_binary_output_and_a_failed_rename_leaves_no_temporary_file(tmp_path):
    import zipfile

    with AtomicOutputs() as out, out.open(tmp_path / "a.zip", binary=True) as fh:
        with zipfile.ZipFile(fh, "w") as zf:
            zf.writestr("x/metadata.json", "{}")
    assert zipfile.ZipFile(tmp_path / "a.zip").namelist() == ["x/metadata.json"]

    (tmp_path / "b").mkdir()
    with pytest.raises(InputError, match="cannot write"):
        with AtomicOutputs() as out:
            with out.open(tmp_path / "c.txt") as fh:
                fh.write("c")
            with out.open(tmp_path / "b" / "d.txt") as fh:
                fh.write("d")
            (tmp_path / "b" / "d.txt").mkdir()  # the rename onto d.txt will fail
    assert sorted(p.name for p in tmp_path.rglob("*") if p.name.endswith(".tmp")) == []


# ------------------------------------------------------------------ binary input (issue 11, defect 4)


@pytest.mark.parametrize("encoding", [None, "cp1256", "utf-8", "latin-1"])
def test_binary_file_is_refused_with_or_without_encoding(tmp_path, encoding):
    """/bin/ls-like bytes: "rerun with --encoding cp1256" led into 523 s of translating garbage."""
    p = tmp_path / "prog"
    p.write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 40)
    with pytest.raises(InputError, match="looks like a binary file") as exc:
        read_text(p, encoding=encoding)
    assert str(p) in str(exc.value) and "\n" not in str(exc.value)


def test_valid_utf8_with_nul_bytes_is_refused():
    data = "سلام".encode() + b"\x00" * 1500 + "دنیا.\n".encode()
    with pytest.raises(InputError, match="NUL byte at offset 8"):
        decode_text(data, name="x.txt")


def test_many_control_characters_are_refused_but_a_few_pass():
    with pytest.raises(InputError, match="control characters"):
        decode_text(b"ab\x01\x02\x03\x04cd" * 100)
    assert decode_text(b"\x1b[1mbold\x1b[0m text\tand a form feed\x0c\n" * 3).startswith("\x1b[1mbold")


def test_utf16_text_is_not_taken_for_binary():
    assert decode_text("سلام دنیا\n".encode("utf-16"), encoding="utf-16") == "سلام دنیا\n"
    with pytest.raises(InputError, match="binary"):
        decode_text("a\x00b".encode("utf-16"), encoding="utf-16")  # a NUL character after decoding


def test_binary_file_refused_under_a_second_before_guessing(tmp_path, monkeypatch):
    """Refused before charset-normalizer runs (its guess over 1 MiB of binary took seconds)."""
    import xling.io as io

    monkeypatch.setattr(io, "guess_encoding", lambda data: pytest.fail("guessed the encoding of a binary file"))
    p = tmp_path / "big.bin"
    p.write_bytes(bytes(range(256)) * 8192)
    with pytest.raises(InputError, match="binary"):
        read_text(p)


def test_non_text_codec_is_an_unknown_encoding():
    for codec in ("base64", "rot13", "zlib"):
        with pytest.raises(InputError, match="unknown encoding"):
            decode_text(b"x", encoding=codec)


# ------------------------------------------------------------------ fuzzed decoder (issue 11, item 7)

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from xling.errors import XlingError  # noqa: E402

ENCODINGS = [None, "utf-8", "cp1256", "latin-1", "utf-16", "utf-32", "idna", "ascii", "rot13", "nope", "utf-8-sig"]


@settings(max_examples=300, deadline=1000, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=st.one_of(
        st.binary(max_size=2000),
        st.text(max_size=500).map(lambda t: t.encode("utf-8", "surrogatepass")),
        st.text(alphabet="سلامدنیاكي ،.\r\n\ufeff\u200c", max_size=300).map(lambda t: t.encode("cp1256", "replace")),
    ),
    encoding=st.sampled_from(ENCODINGS),
    utf8_first=st.booleans(),
)
def test_decoder_returns_text_or_a_one_line_xling_error(data, encoding, utf8_first):
    try:
        text = decode_text(data, name="f.txt", encoding=encoding, utf8_first=utf8_first)
    except XlingError as exc:
        msg = str(exc)
        assert msg.startswith("f.txt") and "\n" not in msg and "\r" not in msg
    else:
        assert isinstance(text, str) and "\r" not in text and "\x00" not in text and not text.startswith("\ufeff")
