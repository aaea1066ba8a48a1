"""Glossary files: loading, the shipped house glossary, schema errors with file:line, round-trip edits."""

from __future__ import annotations

from pathlib import Path

import pytest

from xling.errors import GlossaryError
from xling.glossary.model import EntryType, TermStatus
from xling.glossary.store import default_glossary_path, edit_glossary, load_document, load_glossary, save_glossary


@pytest.fixture
def small(gpath) -> Path:
    """The small test glossary, copied (conftest's ``gpath``)."""
    return gpath


def test_default_glossary_is_the_repository_house_file():
    p = default_glossary_path()
    assert p.name == "house.yaml" and p.is_file()
    assert load_glossary() == load_glossary(p)


HOUSE = {
    "ahmed-al-sharaa": ("Ahmed al-Sharaa", "Ахмед аш-Шараа", "أحمد الشرع"),
    "abu-mohammad-al-jolani": ("Abu Mohammad al-Jolani", "Абу Мухаммад аль-Джулани", "أبو محمد الجولاني"),
    "andrei-belousov": ("Andrei Belousov", "Андрей Белоусов", "أندريه بيلوسوف"),
    "igor-kostyukov": ("Igor Kostyukov", "Игорь Костюков", "إيغور كوستيوكوف"),
    "vladimir-putin": ("Vladimir Putin", "Владимир Путин", "فلاديمير بوتين"),
    "sergei-lavrov": ("Sergei Lavrov", "Сергей Лавров", "سيرغي لافروف"),
    "alexander-novak": ("Alexander Novak", "Александр Новак", "ألكسندر نوفاك"),
    "maxim-oreshkin": ("Maxim Oreshkin", "Максим Орешкин", "مكسيم أوريشكين"),
    "yuri-ushakov": ("Yuri Ushakov", "Юрий Ушаков", "يوري أوشاكوف"),
    "asaad-al-shaibani": ("Asaad al-Shaibani", "Асаад аш-Шейбани", "أسعد الشيباني"),
    "abu-qasra": ("Abu Qasra", "Абу Касра", "أبو قصرة"),
    "kremlin": ("Kremlin", "Кремль", "الكرملين"),
    "irna": ("IRNA", "ИРНА", "إرنا"),
    "tabnak": ("Tabnak", "Табнак", "تابناك"),
}


@pytest.mark.parametrize("entry_id", sorted(HOUSE))
def test_house_preferred_forms_equal_the_house_spellings(entry_id):
    e = load_glossary().get(entry_id)
    assert e is not None
    assert tuple(e.preferred(lang).text for lang in ("en", "ru", "ar")) == HOUSE[entry_id]


def test_house_covers_the_titles_with_notes_and_sources():
    g = load_glossary()
    titles = {e.preferred("en").text: e for e in g.entries if e.type == EntryType.TITLE}
    for en in (
        "Russian President",
        "head of Syria's interim government",
        "Foreign Minister",
        "Defence Minister",
        "Deputy Prime Minister",
        "Presidential Aide",
        "Deputy Head of the Presidential Executive Office",
        "Head of the Main Directorate of the General Staff of the Russian Armed Forces",
    ):
        e = titles[en]
        assert e.note and e.source, en
        assert all(e.preferred(lg) for lg in ("fa", "ru", "ar"))
    assert any(t.text == "President of Russia" for t in titles["Russian President"].terms["en"])


def test_house_aka_links_and_deprecated_variants():
    g = load_glossary()
    sharaa, jolani = g.get("ahmed-al-sharaa"), g.get("abu-mohammad-al-jolani")
    assert [r.target for r in sharaa.related] == ["abu-mohammad-al-jolani"]
    assert [r.target for r in jolani.related] == ["ahmed-al-sharaa"]
    dep = {
        (lang, t.text): sharaa_or
        for sharaa_or in g.entries
        for lang in ("en", "ru", "ar")
        for t in sharaa_or.terms_for(lang, TermStatus.DEPRECATED)
    }
    expected = {
        ("en", "Julani"),
        ("en", "Joulani"),
        ("en", "Golani"),
        ("en", "Jawlani"),
        ("en", "al-Shara"),
        ("en", "al-Shar'a"),
        ("en", "Byelousov"),
        ("en", "Belusov"),
        ("en", "Blusov"),
        ("en", "Kostiukov"),
        ("en", "Kastiukov"),
        ("en", "Sergey"),
        ("ru", "Джолани"),
        ("ru", "Джулани"),
        ("ru", "аль-Шараа"),
        ("ru", "Блусов"),
        ("ru", "Кастюков"),
        ("ar", "جولاني"),
        ("ar", "بلوسوف"),
        ("ar", "كاستيوكوف"),
        ("ar", "سيرجي"),
    }
    assert expected <= set(dep)
    # partial (surname / given-name) variants name the house form of the same part
    lav = g.get("sergei-lavrov")
    sergey = next(t for t in lav.terms["en"] if t.text == "Sergey")
    assert lav.replacement("en", sergey) == "Sergei"
    bel = g.get("andrei-belousov")
    assert bel.replacement("ru", next(t for t in bel.terms["ru"] if t.text == "Блусов")) == "Белоусов"
    # Persian variants: joined, with ال, Arabic letters
    fa = {s for s, _, _ in jolani.forms("fa")}
    assert {"ابو محمد جولانی", "ابومحمد جولانی", "الجولانی", "جولاني"} <= fa


def test_load_keeps_order_and_model(small):
    g = load_glossary(small)
    assert [e.id for e in g.entries] == ["ahmed-al-sharaa", "abu-mohammad-al-jolani", "defence-minister"]
    assert g.get("ahmed-al-sharaa").terms["en"][1].status == TermStatus.DEPRECATED


def test_broken_yaml_gives_file_and_line(tmp_path):
    p = tmp_path / "bad.yaml"
    p.write_text("name: x\nentries:\n  - id: a\n    terms: {fa: [text: ]\n  - id: b\n", encoding="utf-8")
    with pytest.raises(GlossaryError) as exc:
        load_glossary(p)
    msg = str(exc.value)
    assert msg.startswith(f"{p}:") and "broken YAML" in msg and "\n" not in msg
    assert msg.split(":")[1].isdigit()


def test_unknown_field_is_refused_with_its_line(small):
    text = small.read_text(encoding="utf-8").replace(
        "          use: al-Jolani\n", "          use: al-Jolani\n          colour: red\n"
    )
    small.write_text(text, encoding="utf-8")
    line = next(i for i, lg in enumerate(text.splitlines(), 1) if "colour" in lg)
    with pytest.raises(GlossaryError, match=rf"{small}:{line}: unknown field 'colour'"):
        load_glossary(small)


def test_bad_value_line_points_at_the_value(small):
    text = small.read_text(encoding="utf-8").replace("          status: admitted\n", "          status: maybe\n", 1)
    small.write_text(text, encoding="utf-8")
    line = next(i for i, lg in enumerate(text.splitlines(), 1) if "maybe" in lg)
    with pytest.raises(GlossaryError, match=rf":{line}: entries\.1\.terms\.fa\.1\.status"):
        load_glossary(small)


def test_missing_file_names_it(tmp_path):
    with pytest.raises(GlossaryError, match="no such file"):
        load_glossary(tmp_path / "nope.yaml")


def test_edit_keeps_comments_and_order(small):
    before = small.read_text(encoding="utf-8")
    with edit_glossary(small) as g:
        g.get("defence-minister").terms["en"][1].note = "US"
    after = small.read_text(encoding="utf-8")
    assert "# small test glossary" in after and "# the person first" in after and "# house form" in after
    changed = [lg for lg in after.splitlines() if lg not in before.splitlines()]
    assert (
        len(changed) == 1 and changed[0].replace('"', "") == "          note: US"
    )  # quoting style of the old value is kept
    assert load_glossary(small).get("defence-minister").terms["en"][1].note == "US"


def test_untouched_edit_is_byte_identical(small):
    before = small.read_bytes()
    with edit_glossary(small):
        pass
    assert small.read_bytes() == before


def test_failed_edit_leaves_the_file_unchanged(small):
    before = small.read_bytes()
    with pytest.raises(RuntimeError):
        with edit_glossary(small) as g:
            g.entries.pop()
            raise RuntimeError("boom")
    assert small.read_bytes() == before
    assert not list(small.parent.glob(".small.yaml.*.tmp"))


def test_save_new_file_roundtrips(tmp_path, small):
    g = load_glossary(small)
    out = tmp_path / "new.yaml"
    save_glossary(g, out)
    assert load_glossary(out) == g
    assert (
        load_document(out).where(("entries", 1, "id"))
        == f"{out}:{out.read_text(encoding='utf-8').splitlines().index('  - id: abu-mohammad-al-jolani') + 1}"
    )


def test_packaged_link_points_at_the_single_house_file():
    """xling/_glossaries/house.yaml (what the wheel ships) is the repository file, not a copy."""
    root = Path(__file__).resolve().parent.parent
    packaged = root / "xling" / "_glossaries" / "house.yaml"
    assert packaged.resolve() == (root / "glossaries" / "house.yaml").resolve()
    assert default_glossary_path().resolve() == (root / "glossaries" / "house.yaml").resolve()


@pytest.mark.parametrize(
    "content, expected",
    [
        (b"name: a\nname: b\nentries: []\n", ":2: broken YAML: found duplicate key"),
        (b"- a\n", ":1: a glossary file must be a YAML mapping"),
        (b"name: \xff\n", ":1: not valid utf-8 text"),
        (b"entries:\n  - id: x\n    terms:\n      en: A\n", ":4: entries.0.terms.en: Input should be a valid list"),
    ],
)
def test_more_bad_files(tmp_path, content, expected):
    p = tmp_path / "bad.yaml"
    p.write_bytes(content)
    with pytest.raises(GlossaryError) as exc:
        load_glossary(p)
    assert str(exc.value).startswith(f"{p}{expected}")


def test_edit_keeps_file_permissions(small):
    import os
    import stat

    os.chmod(small, 0o644)
    with edit_glossary(small) as g:
        g.name = "renamed"
    assert stat.S_IMODE(os.stat(small).st_mode) == 0o644


def test_yaml_alias_bomb_is_refused(tmp_path):
    """Nested aliases (the YAML form of "billion laughs") are refused quickly, file unchanged."""
    from xling.errors import GlossaryError
    from xling.glossary.store import load_glossary, parse_glossary_text

    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 9):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
    p = tmp_path / "bomb.yaml"
    p.write_text("\n".join(lines) + "\nname: t\nentries: []\n", encoding="utf-8")
    before = p.read_bytes()
    with pytest.raises(GlossaryError, match="alias"):
        load_glossary(p)
    assert p.read_bytes() == before
    # a few aliases are fine
    g = parse_glossary_text("name: t\nentries:\n  - {id: a, note: &n shared note}\n  - {id: b, note: *n}\n").glossary
    assert [e.note for e in g.entries] == ["shared note", "shared note"]


def test_edit_through_a_symbolic_link_keeps_the_link(tmp_path):
    """An atomic rename onto a symbolic link would replace the link with a copy, and the real
    glossary would never see the edit."""
    real = tmp_path / "real.yaml"
    real.write_text("name: t\nentries:\n  - id: a\n    terms:\n      fa: [{text: الف}]\n", encoding="utf-8")
    link = tmp_path / "link.yaml"
    link.symlink_to(real.name)
    with edit_glossary(link) as g:
        g.entries[0].note = "edited"
    assert link.is_symlink()
    assert load_glossary(real).entries[0].note == "edited"
