"""Glossary enforcement around MT: protect source terms before, restore and repair after.

CTranslate2 (under Argos Translate) has no lexically constrained decoding (CTranslate2 issues
#739 and #1893), so the termbase is enforced around the model:

1. :func:`protect` / :func:`protect_segments` replace each source term found by
   :class:`~xling.glossary.match.SourceMatcher` with a placeholder.
2. The model translates the protected text.
3. :func:`restore` puts the house (preferred) target form where each placeholder came out, or
   reports that a placeholder was lost, mangled or duplicated.
4. When restore fails, the segment is translated again *without* protection and
   :func:`xling.glossary.repair.repair_segment` repairs it; the record says so.
   :func:`protect_stage` / :func:`repair_stage` are these steps as stages of
   :mod:`xling.pipeline` (its ``STAGES``; run them with :func:`xling.pipeline.run_document`).

Placeholder design (and why)
----------------------------
- ``bracket`` (default): ``⟦T1⟧``, ``⟦T2⟧`` ... The text sent to MT is one string for every
  target language, and ru/ar usually go through a pivot (fa→en→ru), so a placeholder must be
  language-independent and survive two models. Argos Translate's decoding turns ``_`` into a
  space (so no ``_``), while the mathematical white brackets U+27E6/U+27E7 and a Latin letter +
  digits come through SentencePiece and detokenization unchanged; a copy model carries them,
  and real models tend to copy short non-words with digits, as they copy numbers. The index is
  what identifies the term, so :func:`restore` also accepts a *mangled* placeholder where the
  index survived (``⟦ T1 ⟧``, ``[T1]``, ``⟦T1``, ``T1⟧``) and records it as mangled.
- ``name``: the entry's preferred English form (Latin script), e.g. ``Andrei Belousov``. A real
  fa→en model copies a Latin-script name embedded in Persian text verbatim, so for an
  English-only job this is the most robust choice, and even a model that changes it produces
  something close that repair fixes. It is chosen by ``style="auto"`` when English is the only
  target. For ru/ar through a pivot, the en→xx model *translates* the name, so the placeholder
  is not found and the segment falls back to re-translation + repair, which is why it is not
  the default there.
- In both styles a placeholder that appears a number of times other than once (name style: other
  than the number of times it was placed) fails the segment: a duplicated or dropped term cannot
  be put back with confidence.

When restoring, what the model attached to the placeholder is kept: Arabic proclitics
(``و⟦T1⟧`` → ``والشيباني``; ``ل`` + ``ال`` → ``لل``), the English possessive, a Russian case
ending written onto it, and a capital letter at the start of a sentence. A source short form
(``پوتین``) is restored as the target's preferred short form (``Putin``), a full name as the full
preferred term. Russian case from the verb is not inferred: a bare placeholder gets the
nominative house form, except after a preposition that governs one case (``с ⟦T1⟧`` →
``с Андреем Белоусовым``, ``к ⟦T2⟧`` → ``к президенту России``; pymorphy3, see
:func:`xling.glossary.target.ru_inflect_phrase`).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from xling.glossary import morphology as morph
from xling.glossary.morphology import house_form
from xling.glossary.repair import Change, repair, repair_segment  # noqa: F401 - re-exported (xling.glossary.enforce.repair)
from xling.glossary.target import FormIndex

if TYPE_CHECKING:  # pragma: no cover
    from xling.document import Segment
    from xling.glossary.check import TermReport
    from xling.glossary.match import SourceMatcher
    from xling.glossary.model import Glossary
    from xling.pipeline import StageContext

OPEN, CLOSE = "\u27e6", "\u27e7"
_LETTER = r"[^\W\d_]"


@dataclass
class Placeholder:
    """One protected source term.

    Attributes:
        token: the placeholder text put into the source (``⟦T1⟧`` or a Latin name).
        index: 1-based number of the placeholder in its segment.
        entry_id: the concept entry.
        surface: the source term as written; ``start``/``end``: its character offsets in the
            unprotected segment.
        short: whether a short form matched (restore then uses a target short form).
    """

    token: str
    index: int
    entry_id: str
    surface: str
    start: int
    end: int
    short: bool = False


@dataclass
class Protected:
    """A source segment with its terms replaced by placeholders.

    Attributes:
        original: the segment before protection.
        text: the segment sent to MT.
        placeholders: in text order.
        style: ``bracket`` or ``name``.
    """

    original: str
    text: str
    placeholders: list[Placeholder] = field(default_factory=list)
    style: str = "bracket"

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready record."""
        return {
            "style": self.style,
            "unprotected": self.original,
            "protected": self.text,
            "placeholders": [asdict(p) for p in self.placeholders],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Protected:
        """Inverse of :meth:`to_dict`."""
        return cls(d["unprotected"], d["protected"], [Placeholder(**p) for p in d["placeholders"]], d["style"])


@dataclass
class RestoreResult:
    """Result of :func:`restore`.

    Attributes:
        text: the target segment with house forms in place of the placeholders (when ``ok``),
            otherwise the MT output unchanged.
        ok: every placeholder was found exactly once (possibly mangled) and replaced.
        changes: one :class:`~xling.glossary.repair.Change` (rule ``protect``) per placeholder
            restored; offsets refer to the MT output.
        problems: ``"T2 lost"``, ``"T1 duplicated (2)"``, ``"T3 mangled: '[T3]'"`` ...
    """

    text: str
    ok: bool
    changes: list[Change] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def _auto_style(style: str, targets: list[str] | None) -> str:
    if style != "auto":
        return style
    return "name" if targets and list(targets) == ["en"] else "bracket"


def protect(
    text: str,
    glossary: Glossary,
    *,
    matcher: SourceMatcher | None = None,
    style: str = "bracket",
    name_lang: str = "en",
) -> Protected:
    """Replace the source terms of ``glossary`` in ``text`` with placeholders.

    Args:
        text: one source segment.
        glossary: the termbase.
        matcher: a prebuilt :class:`SourceMatcher` (built if ``None``).
        style: ``bracket`` (``⟦T1⟧``) or ``name`` (the preferred ``name_lang`` form); see the
            module docstring.
        name_lang: language of the canonical names for ``style="name"``.

    Returns:
        :class:`Protected`. Entries without a preferred ``name_lang`` form (name style) are left
        unprotected.
    """
    from xling.glossary.match import SourceMatcher

    matcher = matcher or SourceMatcher(glossary)
    out: list[str] = []
    pos = 0
    phs: list[Placeholder] = []
    for m in matcher.find(text):
        short = _is_short_source(glossary, m.entry_id, m.term)
        if style == "name":
            token = _target_form(glossary, m.entry_id, name_lang, short)
            if token is None:
                continue
        else:
            token = f"{OPEN}T{len(phs) + 1}{CLOSE}"
        out.append(text[pos : m.start])
        # keep an attached conjunction apart, so the model sees a word boundary
        if m.prefix and out[-1].endswith(m.prefix):
            out.append(" ")
        out.append(token)
        if m.suffix and m.end < len(text) and text[m.end] not in " \u200c":
            out.append("\u200c")
        pos = m.end
        phs.append(Placeholder(token, len(phs) + 1, m.entry_id, m.surface, m.start, m.end, short))
    out.append(text[pos:])
    return Protected(text, "".join(out), phs, style)


def protect_segments(
    texts: list[str], glossary: Glossary, tgt_lang: str | None = None, *, style: str = "bracket"
) -> list[Protected]:
    """:func:`protect` for each segment (one matcher for all). ``style="auto"`` picks ``name``
    when ``tgt_lang`` is ``"en"``, else ``bracket``."""
    from xling.glossary.match import SourceMatcher

    matcher = SourceMatcher(glossary)
    style = _auto_style(style, [tgt_lang] if tgt_lang else None)
    return [protect(t, glossary, matcher=matcher, style=style) for t in texts]


def _is_short_source(glossary: Glossary, entry_id: str, term_text: str) -> bool:
    e = glossary.get(entry_id)
    if e is None:
        return False
    return any(term_text in t.short_forms for t in e.terms.get(glossary.source_language, []))


def _target_form(glossary: Glossary, entry_id: str, lang: str, short: bool) -> str | None:
    return house_form(glossary.get(entry_id), lang, short=short)


def _occurrences(text: str, ph: Placeholder, style: str) -> tuple[list[tuple[int, int]], bool]:
    """Spans of ``ph`` in ``text``; the flag says whether they were found only in mangled form."""
    if style == "name":
        return [(m.start(), m.end()) for m in re.finditer(rf"(?<!\w){re.escape(ph.token)}(?!\w)", text)], False
    exact = [(m.start(), m.end()) for m in re.finditer(re.escape(ph.token), text)]
    if exact:
        return exact, False
    n = ph.index
    loose = re.compile(rf"(?:[{OPEN}\[(]\s*T\s*{n}(?!\d)\s*[{CLOSE}\])]?|T\s*{n}(?!\d)\s*[{CLOSE}\])])")
    return [(m.start(), m.end()) for m in loose.finditer(text)], True


def restore(protected: Protected, mt_output: str, lang: str, glossary: Glossary, *, segment: int = 0) -> RestoreResult:
    """Put the house target forms in place of the placeholders in ``mt_output``.

    Args:
        protected: what :func:`protect` returned for the source segment.
        mt_output: the model's output for ``protected.text``.
        lang: target language code.
        glossary: the termbase.
        segment: index recorded in the changes.

    Returns:
        :class:`RestoreResult`; ``ok`` is False (and ``text`` is ``mt_output``) when any
        placeholder is lost, duplicated, or a bracket placeholder's index appears where none was
        placed. Then translate the unprotected segment and repair it (:func:`repair_stage`).
    """
    spans, problems = _placeholder_spans(protected, mt_output)
    if any(not p.endswith("(restored)") for p in problems):
        return RestoreResult(mt_output, False, [], problems)
    out = mt_output
    changes: list[Change] = []
    entry_type = {e.id: e.type.value for e in glossary.entries}
    for s, e, ph in sorted(spans, key=lambda x: -x[0]):
        form = _target_form(glossary, ph.entry_id, lang, ph.short)
        if form is None:  # no house form in this language: put the source surface back
            form = ph.surface
        start, end, after = _with_attachments(out, s, e, form, lang, entry_type.get(ph.entry_id))
        before = out[start:end]
        out = out[:start] + after + out[end:]
        changes.append(Change(segment, start, end, before, after, "protect", ph.entry_id))
    changes.reverse()
    return RestoreResult(out, True, changes, problems)


def _placeholder_spans(protected: Protected, mt_output: str) -> tuple[list[tuple[int, int, Placeholder]], list[str]]:
    """Where each placeholder came out in ``mt_output``, and the problems (``"T2 lost"`` ...;
    a problem ending in ``(restored)`` is not fatal)."""
    problems: list[str] = []
    spans: list[tuple[int, int, Placeholder]] = []
    if protected.style == "name":
        counts: dict[str, int] = {}
        for ph in protected.placeholders:
            counts[ph.token] = counts.get(ph.token, 0) + 1
        taken: list[tuple[int, int]] = []
        for token, n in sorted(counts.items(), key=lambda kv: -len(kv[0])):  # "Vladimir Putin" before "Putin"
            phs = [p for p in protected.placeholders if p.token == token]
            occ, _ = _occurrences(mt_output, phs[0], "name")
            occ = [(a, b) for a, b in occ if not any(a < y and x < b for x, y in taken)]
            taken.extend(occ)
            if len(occ) != n:
                problems.append(f"{token!r} expected {n}, found {len(occ)}")
                continue
            spans.extend((s, e, p) for (s, e), p in zip(occ, phs))
        return spans, problems
    for ph in protected.placeholders:
        occ, mangled = _occurrences(mt_output, ph, "bracket")
        name = f"T{ph.index}"
        if not occ:
            problems.append(f"{name} lost")
        elif len(occ) > 1:
            problems.append(f"{name} duplicated ({len(occ)})")
        else:
            if mangled:
                problems.append(f"{name} mangled: {mt_output[occ[0][0] : occ[0][1]]!r} (restored)")
            spans.append((*occ[0], ph))
    stray = re.findall(rf"{OPEN}T(\d+){CLOSE}", mt_output)
    if any(not 1 <= int(i) <= len(protected.placeholders) for i in stray):
        problems.append("unknown placeholder in output")
    return spans, problems


def _with_attachments(out: str, s: int, e: int, form: str, lang: str, entry_type: str | None) -> tuple[int, int, str]:
    """The span ``out[start:end]`` a placeholder at ``out[s:e]`` gives way to, and its house-form
    text: what the model wrote onto the placeholder is kept (:mod:`xling.glossary.morphology`):
    an Arabic proclitic, a Russian ending (or the case a preposition asks for), an English
    person's article absorbed, a capital at a sentence start."""
    pre_m = re.search(rf"({_LETTER}+)$", out[:s])
    suf_m = re.match(rf"({_LETTER}+)", out[e:])
    start, end, after = s, e, form
    if pre_m and morph.is_proclitic(pre_m.group(1), lang):
        start = s - len(pre_m.group(1))
        after = morph.attach_proclitic(pre_m.group(1), form)
    if lang == "ru" and suf_m and len(suf_m.group(1)) <= 3:
        end = e + len(suf_m.group(1))
        words = after.split()
        words[-1] = morph.ru_inflect(words[-1], suf_m.group(1))
        after = " ".join(words)
    elif lang == "ru":
        case = morph.ru_case_before(out, start)
        if case:
            after = morph.ru_inflect_phrase(
                after, case, head_only=entry_type in ("title", "organization") and " " in after
            )
    if lang == "en" and entry_type == "person":
        art = morph.article_before(out, start)
        if art:
            start = art.start(1)
    return start, end, morph.sentence_case(out, start, after, lang)


# ------------------------------------------------------------------- xling.pipeline stages


def protect_stage(segments: list[Segment], ctx: StageContext) -> list[Segment]:
    """Pipeline stage: protect ``Segment.text`` with the session's glossary (``ctx.glossary``).

    The placeholder style is ``auto`` over the run's targets. Each segment with a term gets
    :attr:`Segment.protected` (read by :func:`repair_stage`) and a ``protect`` change record
    holding :meth:`Protected.to_dict` for the ``.jsonl``.
    """
    from xling.glossary.match import SourceMatcher

    glossary = _glossary_of(ctx)
    matcher = SourceMatcher(glossary)
    style = _auto_style("auto", list(ctx.config.targets))
    for seg in segments:
        p = protect(seg.text, glossary, matcher=matcher, style=style)
        if p.placeholders:
            seg.protected = p
            seg.record("protect", **p.to_dict())
            seg.text = p.text
    return segments


def _glossary_of(ctx: StageContext) -> Glossary:
    if ctx.glossary is None:
        raise ValueError("the glossary stages need a session with a glossary")
    return ctx.glossary


def repair_stage(segments: list[Segment], ctx: StageContext) -> list[Segment]:
    """Pipeline stage: restore placeholders, re-translate failures, repair, check terms.

    For every target language: :func:`restore` each protected segment (``Segment.protected``);
    the segments where it fails are translated again from their unprotected text along the same
    route (one batch per target, :meth:`StageContext.translate`), then every segment is repaired
    against its unprotected source. ``Segment.text`` is set back to the unprotected text.
    Records: ``restore`` (per target: ok, problems, changes), ``fallback`` and ``repair`` (per
    target: changes), and a ``terms`` record with the term check of the final segment (status
    per expected entry). The term check's reports go to ``ctx.term_reports`` (it runs once).
    """
    from xling.glossary.match import SourceMatcher

    glossary = _glossary_of(ctx)
    matcher = SourceMatcher(glossary)
    for seg in segments:
        if seg.protected is not None:
            seg.text = seg.protected.original
    for lang in ctx.config.targets:
        _restore_all(segments, lang, glossary, ctx)
        index = FormIndex(glossary, lang)
        for seg in segments:
            rep = repair_segment(
                seg.text, seg.targets.get(lang, ""), lang, glossary, matcher=matcher, segment=seg.id, index=index
            )
            if rep.changes:
                seg.record("repair", lang=lang, changes=[c.to_dict() for c in rep.changes])
                seg.targets[lang] = rep.text
    ctx.term_reports.update(term_reports(segments, list(ctx.config.targets), glossary, matcher=matcher))
    terms: dict[int, dict[str, dict[str, str]]] = {}
    for lang, report in ctx.term_reports.items():
        for row in report.rows:
            terms.setdefault(row.segment, {}).setdefault(lang, {})[row.entry_id] = row.status
    for i, seg in enumerate(segments):
        if i in terms:
            seg.record("terms", **terms[i])
    return segments


def _restore_all(segments: list[Segment], lang: str, glossary: Glossary, ctx: StageContext) -> None:
    """Restore every protected segment's ``lang`` output; translate the failures again unprotected."""
    failed: list[Segment] = []
    for seg in segments:
        if seg.protected is None:
            continue
        r = restore(seg.protected, seg.targets.get(lang, ""), lang, glossary, segment=seg.id)
        seg.record("restore", lang=lang, ok=r.ok, problems=r.problems, changes=[c.to_dict() for c in r.changes])
        if r.ok:
            seg.targets[lang] = r.text
        else:
            failed.append(seg)
    if failed:
        outputs = ctx.translate([s.text for s in failed], [lang])[lang]
        for seg, out in zip(failed, outputs):
            seg.targets[lang] = out
            seg.record(
                "fallback",
                lang=lang,
                reason="placeholder lost, mangled or duplicated: translated again without protection",
            )


def term_reports(
    segments: list[Segment], targets: list[str], glossary: Glossary, *, matcher: SourceMatcher | None = None
) -> dict[str, TermReport]:
    """Term check of a translated document, per target language (for ``xling translate`` to print).

    Args:
        segments: translated segments (``Segment.text`` = the unprotected source, ``targets`` filled).
        targets: target language codes.
        glossary: the termbase.
        matcher: a prebuilt :class:`SourceMatcher` (built if ``None``).

    Returns:
        language code → :class:`~xling.glossary.check.TermReport` (``.success_rate``,
        ``.lemma_success_rate``, ``.failures``, ``.to_dict()``).
    """
    from xling.glossary.check import check_terms
    from xling.glossary.match import SourceMatcher

    matcher = matcher or SourceMatcher(glossary)
    sources = [s.text for s in segments]
    return {
        lang: check_terms(sources, [s.targets.get(lang, "") for s in segments], lang, glossary, matcher=matcher)
        for lang in targets
    }
