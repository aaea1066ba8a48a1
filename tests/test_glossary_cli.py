"""`xling glossary list/show/add/edit/remove/merge`: flags only, refusals leave the file unchanged."""

from __future__ import annotations

import shutil

import pytest

from xling.glossary.model import EntryType, RelationType, TermStatus
from xling.glossary.store import load_glossary


def test_list_filters(cli, gpath):
    r = cli(["glossary", "list", "-g", gpath, "--type", "title"])
    assert r.exit_code == 0 and "defence-minister" in r.output and "ahmed-al-sharaa" not in r.output
    r = cli(["glossary", "list", "-g", gpath, "--text", "ابومحمد جولانی"])  # joined, Persian ya: still found
    assert "abu-mohammad-al-jolani" in r.output and "defence-minister" not in r.output
    r = cli(["glossary", "list", "-g", gpath, "--text", "shara"])
    assert "ahmed-al-sharaa" in r.output and "defence-minister" not in r.output
    r = cli(["glossary", "list", "-g", gpath, "--lang", "ru"])
    assert "Ахмед аш-Шараа" in r.output and " en " not in r.output


def test_list_default_glossary(cli):
    r = cli(["glossary", "list", "--type", "person"])
    assert r.exit_code == 0 and "igor-kostyukov" in r.output


def test_show(cli, gpath):
    r = cli(["glossary", "show", "-g", gpath, "abu-mohammad-al-jolani"])
    assert r.exit_code == 0
    assert "also-known-as: ahmed-al-sharaa" in r.output and "deprecated" in r.output and "Julani" in r.output
    r = cli(["glossary", "show", "-g", gpath, "abu-mohammad-al-jolani", "--yaml"])
    assert "- id: abu-mohammad-al-jolani" in r.output
    r = cli(["glossary", "show", "-g", gpath, "nobody"])
    assert r.exit_code == 1 and "no entry with id 'nobody'" in r.output


def test_add_with_statuses_short_forms_and_related(cli, gpath):
    r = cli(
        [
            "glossary",
            "add",
            "-g",
            gpath,
            "--id",
            "igor-kostyukov",
            "--type",
            "person",
            "--term",
            "fa=ایگور کاستیوکوف",
            "--term",
            "en=Igor Kostyukov",
            "--term",
            "ru=Игорь Костюков",
            "--term",
            "ar=إيغور كوستيوكوف",
            "--status",
            "en:Kastiukov=deprecated",
            "--use",
            "en:Kastiukov=Kostyukov",
            "--short",
            "en:Igor Kostyukov=Kostyukov",
            "--note",
            "GRU head",
            "--source",
            "README",
            "--related",
            "see:defence-minister",
        ]
    )
    assert r.exit_code == 0, r.output
    e = load_glossary(gpath).get("igor-kostyukov")
    assert e.type == EntryType.PERSON and e.note == "GRU head" and e.source == "README"
    assert [(t.text, t.status, t.use) for t in e.terms["en"]] == [
        ("Igor Kostyukov", TermStatus.PREFERRED, None),
        ("Kastiukov", TermStatus.DEPRECATED, "Kostyukov"),
    ]
    assert e.terms["en"][0].short_forms == ["Kostyukov"]
    assert e.related[0].type == RelationType.SEE_ALSO and e.related[0].target == "defence-minister"
    assert cli(["glossary", "validate", "-g", gpath]).exit_code == 0


def test_add_refuses_a_persian_term_used_by_another_entry(cli, gpath):
    before = gpath.read_bytes()
    r = cli(
        [
            "glossary",
            "add",
            "-g",
            gpath,
            "--id",
            "golani",
            "--type",
            "person",
            "--term",
            "fa=جولانی",
            "--term",
            "en=Golani",
            "--term",
            "ru=Голани",
            "--term",
            "ar=جولاني",
        ]
    )
    assert r.exit_code == 1
    assert "'golani'" in r.output and "'abu-mohammad-al-jolani'" in r.output and "جولانی" in r.output
    assert gpath.read_bytes() == before


def test_add_refuses_spelling_variant_of_a_used_persian_term(cli, gpath):
    before = gpath.read_bytes()
    r = cli(
        [
            "glossary",
            "add",
            "-g",
            gpath,
            "--id",
            "x",
            "--term",
            "fa=ابو\u200cمحمد الجولاني",
            "--term",
            "en=X",
            "--term",
            "ru=X",
            "--term",
            "ar=X",
        ]
    )
    assert r.exit_code == 1 and "'abu-mohammad-al-jolani'" in r.output
    assert gpath.read_bytes() == before


def test_add_refuses_existing_id_bad_specs_and_dangling_reference(cli, gpath):
    before = gpath.read_bytes()
    for args, msg in [
        (
            ["--id", "defence-minister", "--term", "fa=وزیر", "--term", "en=a", "--term", "ru=a", "--term", "ar=a"],
            "already exists",
        ),
        (["--id", "x", "--term", "fa"], "expected LANG=TEXT"),
        (["--id", "x", "--term", "fa=x", "--status", "en:y=maybe"], "unknown status"),
        (
            [
                "--id",
                "x",
                "--term",
                "fa=ب",
                "--term",
                "en=b",
                "--term",
                "ru=b",
                "--term",
                "ar=b",
                "--related",
                "aka:nobody",
            ],
            "no entry has that id",
        ),
        (["--id", "x", "--term", "fa=ب", "--term", "en=b"], "no ru terms"),
    ]:
        r = cli(["glossary", "add", "-g", gpath, *args])
        assert r.exit_code == 1 and msg in r.output, (args, r.output)
        assert gpath.read_bytes() == before
    # --type is an Enum option: a bad value is a usage error (exit 2) that lists the types
    r = cli(["glossary", "add", "-g", gpath, "--id", "x", "--type", "thing", "--term", "fa=x"])
    assert r.exit_code == 2 and "'thing' is not one of 'person', 'organization', 'title', 'place', 'other'" in r.output
    assert gpath.read_bytes() == before


def test_edit_statuses_rename_and_comments(cli, gpath):
    r = cli(
        [
            "glossary",
            "edit",
            "-g",
            gpath,
            "defence-minister",
            "--status",
            "en:Defense Minister=preferred",
            "--remove-term",
            "ru=министр обороны",
            "--term",
            "ru=министр обороны РФ",
            "--note",
            "",
        ]
    )
    assert r.exit_code == 0, r.output
    e = load_glossary(gpath).get("defence-minister")
    assert e.preferred("en").text == "Defense Minister"
    assert [t.status for t in e.terms["en"]] == [TermStatus.ADMITTED, TermStatus.PREFERRED]
    assert e.preferred("ru").text == "министр обороны РФ" and e.note is None
    r = cli(["glossary", "edit", "-g", gpath, "ahmed-al-sharaa", "--rename", "al-sharaa"])
    assert r.exit_code == 0
    g = load_glossary(gpath)
    assert g.get("abu-mohammad-al-jolani").related[0].target == "al-sharaa"
    text = gpath.read_text(encoding="utf-8")
    assert "# the person first" in text and "# house form" in text


def test_edit_refused_when_it_breaks_the_glossary(cli, gpath):
    before = gpath.read_bytes()
    r = cli(["glossary", "edit", "-g", gpath, "defence-minister", "--status", "en:Defence Minister=deprecated"])
    assert r.exit_code == 1 and "no preferred" in r.output
    r = cli(["glossary", "edit", "-g", gpath, "defence-minister", "--status", "en:Julani=preferred"])
    assert r.exit_code == 1 and "'abu-mohammad-al-jolani'" in r.output
    assert gpath.read_bytes() == before


def test_remove(cli, gpath):
    before = gpath.read_bytes()
    r = cli(["glossary", "remove", "-g", gpath, "ahmed-al-sharaa"])
    assert r.exit_code == 1 and "cross-referenced by 'abu-mohammad-al-jolani'" in r.output
    assert gpath.read_bytes() == before
    assert cli(["glossary", "remove", "-g", gpath, "ahmed-al-sharaa", "--force"]).exit_code == 0
    g = load_glossary(gpath)
    assert g.get("ahmed-al-sharaa") is None and g.get("abu-mohammad-al-jolani").related == []
    assert cli(["glossary", "validate", "-g", gpath]).exit_code == 0


def test_merge_two_entries(cli, gpath):
    r = cli(["glossary", "merge", "-g", gpath, "--entries", "abu-mohammad-al-jolani", "ahmed-al-sharaa"])
    assert r.exit_code == 0, r.output
    g = load_glossary(gpath)
    e = g.get("abu-mohammad-al-jolani")
    assert g.get("ahmed-al-sharaa") is None and e.related == []
    assert e.preferred("en").text == "Abu Mohammad al-Jolani"
    assert ("Ahmed al-Sharaa", TermStatus.ADMITTED) in [(t.text, t.status) for t in e.terms["en"]]
    assert cli(["glossary", "validate", "-g", gpath]).exit_code == 0


def test_merge_another_file(cli, gpath, tmp_path):
    other = tmp_path / "other.yaml"
    other.write_text(
        "name: other\nentries:\n"
        "  - id: kremlin\n    type: organization\n    terms:\n      fa: [{text: کرملین}]\n      en: [{text: Kremlin}]\n      ru: [{text: Кремль}]\n      ar: [{text: الكرملين}]\n"
        "  - id: defence-minister\n    type: title\n    terms:\n      fa: [{text: وزیر دفاع}]\n      en: [{text: Defence Minister}, {text: Minister of Defence, status: admitted}]\n",
        encoding="utf-8",
    )
    before = gpath.read_bytes()
    r = cli(["glossary", "merge", "-g", gpath, other])
    assert r.exit_code == 1 and "'defence-minister'" in r.output and "--on-conflict" in r.output
    assert gpath.read_bytes() == before
    r = cli(["glossary", "merge", "-g", gpath, other, "--on-conflict", "combine"])
    assert r.exit_code == 0 and "1 entry added, 1 changed" in r.output
    g = load_glossary(gpath)
    assert g.get("kremlin") is not None
    assert "Minister of Defence" in [t.text for t in g.get("defence-minister").terms["en"]]
    assert g.get("defence-minister").preferred("ru").text == "министр обороны"


def test_merge_refuses_incoming_source_term_conflict(cli, gpath, tmp_path):
    other = tmp_path / "other.yaml"
    other.write_text(
        "entries:\n  - id: golan\n    terms:\n      fa: [{text: جولاني}]\n      en: [{text: Golan}]\n      ru: [{text: Голаны}]\n      ar: [{text: الجولان}]\n",
        encoding="utf-8",
    )
    before = gpath.read_bytes()
    r = cli(["glossary", "merge", "-g", gpath, other])
    assert r.exit_code == 1 and "'golan'" in r.output and "'abu-mohammad-al-jolani'" in r.output
    assert gpath.read_bytes() == before


def test_removing_entries_keeps_section_comments(cli, tmp_path):
    from xling.glossary.store import default_glossary_path

    house = tmp_path / "house.yaml"
    shutil.copy(default_glossary_path(), house)
    sections = [lg for lg in house.read_text(encoding="utf-8").splitlines() if lg.startswith("# ---")]
    assert len(sections) == 3
    for entry_id in ("abu-qasra", "kremlin", "tabnak"):  # last of a section, first of a section, last again
        assert cli(["glossary", "remove", "-g", house, entry_id]).exit_code == 0
    after = house.read_text(encoding="utf-8").splitlines()
    assert [lg for lg in after if lg.startswith("# ---")] == sections
    assert cli(["glossary", "validate", "-g", house]).exit_code == 0


@pytest.mark.parametrize("cmd", ["list", "add", "validate", "export", "check", "enforce"])
def test_help_shows_the_defaults(cli, cmd):
    """A "[default: …]" in a help text is eaten as rich markup; the help must still say it."""
    out = " ".join(cli(["glossary", cmd, "--help"]).output.replace("│", " ").split())
    assert "(default: the house glossary: your edited copy" in out and "else the shipped one)" in out
    if cmd == "export":
        assert "from the extension" in out


def test_export_never_overwrites_the_glossary(cli, gpath):
    before = gpath.read_bytes()
    r = cli(["glossary", "export", gpath, "--format", "csv", "-g", gpath])
    assert r.exit_code == 1 and "overwrite" in r.output
    assert gpath.read_bytes() == before
