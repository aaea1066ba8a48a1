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
