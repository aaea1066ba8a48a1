"""TBX-Basic (ISO 30042:2019) export/import: well-formed, right root, exact round trip, safe parsing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from xling.errors import GlossaryError
from xling.glossary.model import ConceptEntry, Glossary, Term, TermStatus
from xling.glossary.store import load_glossary
from xling.glossary.tbx import TBX_NS, glossary_to_tbx_bytes, read_tbx, tbx_bytes_to_glossary

DATA = Path(__file__).parent / "data" / "glossary"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture
def gpath(tmp_path) -> Path:
    p = tmp_path / "g.yaml"
    shutil.copy(DATA / "small.yaml", p)
    return p


def test_export_has_tbx_basic_root_and_structure(cli, gpath, tmp_path):
    from lxml import etree

    out = tmp_path / "g.tbx"
    r = cli(["glossary", "export", "-g", gpath, out])
    assert r.exit_code == 0, r.output
    root = etree.fromstring(out.read_bytes())  # well-formed
    assert root.tag == f"{{{TBX_NS}}}tbx"
    assert root.get("type") == "TBX-Basic" and root.get("style") == "dca" and root.get(XML_LANG) == "fa"
    ns = {"t": TBX_NS}
    assert root.find("t:tbxHeader/t:fileDesc/t:titleStmt/t:title", ns).text == "small"
    entries = root.findall("t:text/t:body/t:conceptEntry", ns)
    assert [e.get("id") for e in entries] == ["ahmed-al-sharaa", "abu-mohammad-al-jolani", "defence-minister"]
    statuses = {e.text for e in root.iterfind(".//t:termNote[@type='administrativeStatus']", ns)}
    assert statuses == {"preferredTerm-admn-sts", "admittedTerm-admn-sts", "deprecatedTerm-admn-sts"}
    ref = entries[0].find("t:ref[@type='crossReference']", ns)
    assert ref.get("target") == "abu-mohammad-al-jolani" and ref.text == "also-known-as"
    en = entries[0].find("t:langSec[@xml:lang='en']", {"t": TBX_NS, "xml": "http://www.w3.org/XML/1998/namespace"})
    short = [
        ts for ts in en.findall("t:termSec", ns) if ts.find("t:termNote[@type='termType']", ns).text == "shortForm"
    ]
    assert [s.find("t:term", ns).text for s in short] == ["al-Sharaa"]


@pytest.mark.parametrize("source", ["small", "house"])
def test_tbx_round_trip_is_identical(source):
    g = load_glossary(DATA / "small.yaml") if source == "small" else load_glossary()
    assert tbx_bytes_to_glossary(glossary_to_tbx_bytes(g)) == g


def test_tbx_round_trip_of_awkward_values():
    g = Glossary(
        name="odd",
        description="a & b <c>",
        source_language="fa",
        target_languages=["en"],
        entries=[
            ConceptEntry(
                id="e1",
                note="use: this is a note, not a replacement",
                terms={
                    "fa": [Term(text="الف")],
                    "en": [
                        Term(text="A & B", short_forms=["A", "B"]),
                        Term(text="Ay", status=TermStatus.DEPRECATED, use="A", note="note: use: x"),
                    ],
                },
            ),
            ConceptEntry(id="e2", terms={}),
        ],
    )
    assert tbx_bytes_to_glossary(glossary_to_tbx_bytes(g)) == g


def test_cli_export_import_round_trip(cli, gpath, tmp_path):
    out = tmp_path / "g.tbx"
    assert cli(["glossary", "export", "-g", gpath, out]).exit_code == 0
    new = tmp_path / "new.yaml"
    r = cli(["glossary", "import", out, "-g", new])
    assert r.exit_code == 0, r.output
    assert load_glossary(new) == load_glossary(gpath)
    # importing the same file again changes nothing
    before = new.read_bytes()
    r = cli(["glossary", "import", out, "-g", new])
    assert r.exit_code == 0 and "0 entries added, 0 changed" in r.output
    assert new.read_bytes() == before


BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<tbx type="TBX-Basic" xmlns="urn:iso:std:iso:30042:ed-2"><text><body>
<conceptEntry id="x"><langSec xml:lang="en"><termSec><term>&lol9;</term></termSec></langSec></conceptEntry>
</body></text></tbx>
"""


def _xxe(secret: Path) -> bytes:
    return f"""<?xml version="1.0"?>
<!DOCTYPE tbx [<!ENTITY xxe SYSTEM "file://{secret}">]>
<tbx type="TBX-Basic" xmlns="urn:iso:std:iso:30042:ed-2"><text><body>
<conceptEntry id="x"><langSec xml:lang="en"><termSec><term>&xxe;</term></termSec></langSec></conceptEntry>
</body></text></tbx>
""".encode()


@pytest.mark.parametrize("kind", ["bomb", "external-entity", "doctype-only"])
def test_unsafe_tbx_is_refused_and_glossary_untouched(cli, gpath, tmp_path, kind):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET", encoding="utf-8")
    data = {
        "bomb": BOMB,
        "external-entity": _xxe(secret),
        "doctype-only": b'<?xml version="1.0"?><!DOCTYPE tbx><tbx xmlns="urn:iso:std:iso:30042:ed-2"/>',
    }[kind]
    bad = tmp_path / "bad.tbx"
    bad.write_bytes(data)
    before = gpath.read_bytes()
    r = cli(["glossary", "import", bad, "-g", gpath])
    assert r.exit_code == 1
    line = r.output.strip().splitlines()[-1]
    assert line.startswith(f"xling: error: {bad}: refused") and "TOP-SECRET" not in r.output
    assert gpath.read_bytes() == before
    with pytest.raises(GlossaryError, match="refused"):
        read_tbx(bad)


def test_malformed_and_foreign_xml_give_clear_errors(tmp_path):
    bad = tmp_path / "bad.tbx"
    bad.write_bytes(b'<?xml version="1.0"?>\n<tbx xmlns="urn:iso:std:iso:30042:ed-2">\n<text><body>\n</tbx>\n')
    with pytest.raises(GlossaryError, match=rf"{bad}:\d+: not well-formed XML"):
        read_tbx(bad)
    foreign = tmp_path / "other.tbx"
    foreign.write_bytes(b'<?xml version="1.0"?><termbase type="TBX"><text><body/></text></termbase>')
    with pytest.raises(GlossaryError, match="expected TBX v3 <tbx"):
        read_tbx(foreign)


def test_import_from_another_tool_defaults(tmp_path):
    data = f"""<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="fa" xmlns="{TBX_NS}"><tbxHeader><fileDesc><sourceDesc><p>CAT</p></sourceDesc></fileDesc></tbxHeader>
<text><body><conceptEntry id="c1"><descrip type="subjectField">Politics</descrip>
<langSec xml:lang="fa"><termSec><term>کرملین</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec></langSec>
<langSec xml:lang="en"><termSec><term>Kremlin</term></termSec></langSec></conceptEntry></body></text></tbx>""".encode()
    g = tbx_bytes_to_glossary(data)
    e = g.entries[0]
    assert e.type.value == "other" and e.terms["fa"][0].status == TermStatus.PREFERRED
    # administrativeStatus is optional in TBX-Basic: a langSec without any → first term preferred
    assert e.terms["en"][0].status == TermStatus.PREFERRED


def test_import_tbx_without_any_administrative_status(tmp_path):
    """A minimal TBX-Basic file (no administrativeStatus anywhere) imports: the first term of
    each langSec is preferred, the others admitted; a langSec that has statuses keeps them."""
    data = f"""<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="fa" xmlns="{TBX_NS}"><text><body>
<conceptEntry id="c1"><langSec xml:lang="fa"><termSec><term>کاخ سفید</term></termSec></langSec>
<langSec xml:lang="en"><termSec><term>White House</term></termSec><termSec><term>the White House</term></termSec></langSec>
<langSec xml:lang="ru"><termSec><term>Белый дом</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
<termSec><term>Белый Дом</term></termSec></langSec></conceptEntry></body></text></tbx>""".encode()
    e = tbx_bytes_to_glossary(data).entries[0]
    assert [t.status for t in e.terms["fa"]] == [TermStatus.PREFERRED]
    assert [t.status for t in e.terms["en"]] == [TermStatus.PREFERRED, TermStatus.ADMITTED]
    assert [t.status for t in e.terms["ru"]] == [TermStatus.PREFERRED, TermStatus.ADMITTED]
    from xling.glossary.validate import validate_glossary

    assert not [p for p in validate_glossary(tbx_bytes_to_glossary(data)) if p.severity == "error"]


def test_malformed_xml_message_is_one_line():
    """Found by the fuzz test: lxml's message for a NUL byte ends in a newline, which made the
    error two lines."""
    from xling.errors import GlossaryError
    from xling.glossary.tbx import tbx_bytes_to_glossary

    with pytest.raises(GlossaryError) as exc:
        tbx_bytes_to_glossary(b"<?xml version='1.0'?>\n<tbx>\x00</tbx>", "nul.tbx")
    assert "\n" not in str(exc.value) and "not well-formed XML" in str(exc.value)
