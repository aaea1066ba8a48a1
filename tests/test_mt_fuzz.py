"""Property tests (hypothesis) of the model readers: `.argosmodel` validation and model-folder
validation either accept the input or raise ModelError with a one-line message; never another
exception, never a hang (examples bounded: a few seconds in all)."""

from __future__ import annotations

import json
import shutil
import tempfile
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mt_helpers import folder_model

from xling.errors import ModelError
from xling.mt.folder import FolderModel, read_model_folder
from xling.mt.packages import validate_archive

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_parts = st.sampled_from(
    [
        "pkg",
        "model",
        "metadata.json",
        "model.bin",
        "sentencepiece.model",
        "..",
        "__MACOSX",
        "",
        "x y",
        "shared_vocabulary.txt",
    ]
)
_names = st.lists(_parts, min_size=1, max_size=4).map("/".join).filter(bool)  # zipfile cannot write ""
_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=10,
)
_metadata = st.one_of(
    st.binary(max_size=40),
    _json.map(lambda v: json.dumps(v).encode()),
    st.fixed_dictionaries({"from_code": st.text(max_size=6), "to_code": st.text(max_size=6)}).map(
        lambda v: json.dumps(v).encode()
    ),
)


def _one_line_or_ok(call):
    try:
        call()
    except ModelError as exc:
        msg = str(exc)
        assert msg and "\n" not in msg, msg


@FAST
@given(
    members=st.lists(st.tuples(_names, _metadata), max_size=6, unique_by=lambda m: m[0]),
    raw=st.none() | st.binary(max_size=200),
)
def test_argosmodel_validation_is_valid_or_one_line_error(members, raw):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "fuzz.argosmodel"
        if raw is not None:
            path.write_bytes(raw)
        else:
            with zipfile.ZipFile(path, "w") as zf:
                for name, data in members:
                    zf.writestr(name, data)
        _one_line_or_ok(lambda: validate_archive(path))


_FILES = ["model.bin", "config.json", "shared_vocabulary.json", "sentencepiece.bpe.model"]
_manifest = st.one_of(
    st.binary(max_size=40),
    _json.map(lambda v: json.dumps(v).encode()),
    st.fixed_dictionaries(
        {
            "kind": st.sampled_from(["nllb", "m2m100", "opus-mt", "x"]),
            "languages": _json | st.lists(st.sampled_from(["fa", "en", "de", "X"]), max_size=4),
        },
        optional={"language_tokens": _json, "tokenizer": _json, "name": _json},
    ).map(lambda v: json.dumps(v).encode()),
)


@FAST
@given(manifest=_manifest, keep=st.lists(st.sampled_from(_FILES), unique=True), garble=st.sampled_from([None, *_FILES]))
def test_model_folder_validation_is_valid_or_one_line_error(manifest, keep, garble):
    good = folder_model("nllb", "fa,en,ru,ar")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "m"
        folder.mkdir()
        for name in keep:
            shutil.copy(good / name, folder / name)
        if garble in keep:
            (folder / garble).write_bytes(b"\x00{not this" * 3)
        (folder / "xling-model.json").write_bytes(manifest)
        result: list[FolderModel] = []
        _one_line_or_ok(lambda: result.append(read_model_folder(folder)))
        for model in result:
            assert model.kind in ("nllb", "m2m100", "opus-mt") and model.pairs()
