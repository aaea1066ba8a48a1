"""Repair a translation after MT: deprecated variants and near-misses → the house (preferred) form.

For each target segment, the *aligned source segment* says which concept entries must appear
(:class:`~xling.glossary.match.SourceMatcher`). Only those entries are repaired; a look-alike of
a concept the source does not contain is never touched (``Golan Heights`` when the source says
``جولان``, ``Islamic Sharia`` / ``шариат`` when it says ``شریعت``).

Per segment, in order:

1. **Claim** every preferred/admitted form of every glossary entry present in the target
   (:func:`xling.glossary.target.find_entry`; Russian with the suffix model), and find the
   **deprecated variants** of expected entries (rule ``deprecated``: ``Blusov``, ``Блусову``,
   ``جولاني``, ``وبلوسوف``); both are resolved together, longest match first, an acceptable form
   winning a tie (``Maksim Oreshkin`` beats the short form ``Oreshkin`` inside it;
   ``аль-Джулани`` beats ``Джулани``). Claimed spans are never rewritten; each deprecated
   variant becomes its replacement (``Term.use`` or the preferred term).
2. **Near-misses** (rule ``near-miss``), only while an expected entry still has fewer acceptable
   occurrences than the source has: token windows whose transliterated key
   (:mod:`xling.glossary.translit`) has a normalized Levenshtein similarity ≥ 0.75 to a form of
   the entry (≥ 0.85 at the start of a sentence, where a capital proves nothing), or the same
   consonant skeleton (≥ 3 consonants). Names must look like names (a capital letter in en/ru)
   and, in English, must not be followed by another capitalised word (``Golan Heights``).
   A candidate at least as close to another, unmatched source word is a transliteration of that
   word, not a near-miss (``الجولان`` for the place ``جولان`` beside the name ``جولانی``).
   Titles get no near-miss search: their variants differ by word choice (``Defence Ministry``
   is not a misspelt ``Defence Minister``), so only deprecated terms in the data apply.
3. **Literal renderings** (rule ``literal``): a deprecated term written without any capital
   letter (``the law`` for ``الشرع``) is a common-word mistranslation of a name; it is replaced
   only while the entry is still missing.

The replacement keeps what is attached to the name: the Russian case ending is moved onto the
house form with a suffix model (``Блусовым`` → ``Белоусов`` + ``ым``; ``Кастюкова`` →
``Костюкова``; stem = the word without a final ``а я й ь о``), the Arabic proclitics ``و ف ب ل ك``
(``وبلوسوف`` → ``وبيلوسوف``; ``ل`` + ``الجولاني`` → ``للجولاني``), the English possessive
``'s``. For persons in English a preceding article is absorbed (``The Sharia`` →
``Al-Sharaa``), and a replacement at the start of a sentence gets a capital letter.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING

from xling.glossary.morphology import (
    Part,
    al_word_before,
    article_before,
    at_sentence_start,
    attach_affixes,
    capitalize,
    house_form,
    ru_stem,
    sentence_case,
    splits,
)
from xling.glossary.target import FormIndex, Hit, entry_forms, find_entry, norm, resolve, tokenize

if TYPE_CHECKING:  # pragma: no cover
    from xling.glossary.match import SourceMatcher
    from xling.glossary.model import ConceptEntry, Glossary

NEAR_THRESHOLD = 0.75
NEAR_THRESHOLD_START = 0.85


@dataclass
class Change:
    """One rewrite of a target segment (JSON-ready with :func:`dataclasses.asdict`).

    Attributes:
        segment: 0-based segment index.
        start, end: character offsets of ``before`` in the segment as it was before repair.
        before: the text replaced.
        after: the text put in its place.
        rule: ``deprecated``, ``near-miss`` or ``literal`` (repair); ``protect`` for a restored
            placeholder (see :mod:`xling.glossary.enforce`).
        entry_id: the concept entry.
        score: similarity for a near-miss (1.0 otherwise).
    """

    segment: int
    start: int
    end: int
    before: str
    after: str
    rule: str
    entry_id: str
    score: float = 1.0

    def to_dict(self) -> dict:
        """JSON-ready dict."""
        return asdict(self)


@dataclass
class RepairResult:
    """The repaired segment and the changes made (offsets refer to the input segment).

    Attributes:
        text: the repaired target segment (str).
        changes: the :class:`Change` list, left to right.
    """

    text: str
    changes: list[Change]


def _is_literal(hit: Hit, lang: str) -> bool:
    return hit.status == "deprecated" and lang in ("en", "ru") and not any(c.isupper() for c in hit.form)


def replacement_for(entry: ConceptEntry, hit: Hit, lang: str) -> str | None:
    """The house text that replaces ``hit`` (before affixes are re-attached): an acceptable form
    stays itself; a deprecated one becomes :func:`~xling.glossary.morphology.house_form`."""
    if hit.status != "deprecated":
        return hit.form
    return house_form(entry, lang, term=hit.term, short=hit.is_short)


def _best_split(
    token: str, form_word: str, lang: str, *, first: bool, last: bool, singular: bool = False
) -> tuple[Part, float]:
    from xling.glossary.translit import similarity

    best, best_s = Part("", token, ""), -1.0
    for p in splits(token, lang, first=first, last=last, inflect=True, singular=singular):
        comp = ru_stem(form_word) if (lang == "ru" and p.suffix) else form_word
        s = similarity(p.core, comp)
        if s > best_s + 1e-9:
            best, best_s = p, s
    return best, best_s


def _looks_like_name(parts: list[Part], lang: str) -> bool:
    if lang not in ("en", "ru"):
        return True
    return any(c.isupper() for p in parts for c in p.core)


def near_misses(
    text: str, tokens, entry: ConceptEntry, lang: str, claimed: list[tuple[int, int]], rivals: tuple[str, ...] = ()
) -> list[Hit]:
    """Near-miss candidates of ``entry`` in ``text`` outside the ``claimed`` spans, best first.

    ``rivals`` are the source words outside every matched source term: a candidate that is at
    least as close to one of them (a transliteration of another source word, e.g. ``الجولان``
    for the place ``جولان`` beside the name ``جولانی``) is not a near-miss of ``entry``.
    """
    from xling.glossary.translit import similarity, skeleton

    if entry.type.value == "title":
        return []  # title variants differ by word choice, not spelling: only data (deprecated terms)
    threshold = NEAR_THRESHOLD
    person = entry.type.value == "person"
    found: list[Hit] = []
    for form, term, is_short in entry_forms(entry, lang):
        words = [t.text for t in tokenize(form)]
        n = len(words)
        for i in range(len(tokens) - n + 1):
            window = tokens[i : i + n]
            if any(text[a.end : b.start].strip() for a, b in zip(window, window[1:])):
                continue
            s0, e0 = window[0].start, window[-1].end
            if any(s0 < ce and cs < e0 for cs, ce in claimed):
                continue
            parts = []
            for k, tok in enumerate(window):
                p, _ = _best_split(tok.text, words[k], lang, first=k == 0, last=k == n - 1, singular=person)
                parts.append(p)
            if not _looks_like_name(parts, lang):
                continue
            if lang == "en" and i + n < len(tokens):
                nxt = tokens[i + n]
                if not text[e0 : nxt.start].strip() and nxt.text[:1].isupper():
                    continue  # part of a longer proper name: Golan Heights
            comps = [ru_stem(w) if (lang == "ru" and p.suffix) else w for w, p in zip(words, parts)]
            cand = " ".join(p.core for p in parts)
            comp = " ".join(comps)
            if norm(cand, lang) == norm(comp, lang):
                continue  # an exact form: handled by find_entry
            score = similarity(cand, comp)
            sk_c, sk_f = skeleton(cand), skeleton(comp)
            skel_ok = sk_c == sk_f and len(sk_f.replace(" ", "")) >= 3
            # a capital at the start of a sentence says nothing about a name: ask for more
            need = NEAR_THRESHOLD_START if (lang in ("en", "ru") and at_sentence_start(text, s0)) else threshold
            if (score >= need or skel_ok) and not any(
                similarity(cand, r) >= max(score, NEAR_THRESHOLD) for r in rivals
            ):
                found.append(
                    Hit(
                        s0,
                        e0,
                        entry.id,
                        form,
                        term,
                        is_short,
                        term.status.value,
                        "near",
                        parts,
                        max(score, threshold if skel_ok else 0.0),
                    )
                )
    found.sort(key=lambda h: (-h.score, h.start))
    return found


def repair_segment(
    source: str,
    target: str,
    lang: str,
    glossary: Glossary,
    *,
    matcher: SourceMatcher | None = None,
    segment: int = 0,
    index: FormIndex | None = None,
) -> RepairResult:
    """Repair one target segment against its aligned source segment.

    Args:
        source: the source (Persian) segment.
        target: its translation (MT hypothesis) in ``lang``.
        lang: target language code (``en``, ``ru``, ``ar``).
        glossary: the termbase.
        matcher: a prebuilt :class:`SourceMatcher` for ``glossary`` (built if ``None``).
        segment: index recorded in the :class:`Change` objects.
        index: a prebuilt :class:`~xling.glossary.target.FormIndex` for ``glossary`` and
            ``lang`` (built if ``None``; pass one when repairing many segments).

    Returns:
        :class:`RepairResult`; ``changes`` offsets refer to ``target``.
    """
    from xling.glossary.match import SourceMatcher

    matcher = matcher or SourceMatcher(glossary)
    found = matcher.find(source)
    expected: dict[str, int] = {}
    for m in found:
        expected[m.entry_id] = expected.get(m.entry_id, 0) + 1
    if not expected or not target:
        return RepairResult(target, [])
    rivals = tuple(
        t.text
        for t in tokenize(source)
        if len(t.text) >= 3 and not any(m.start < t.end and t.start < m.end for m in found)
    )
    index = index if index is not None and index.lang == lang else FormIndex(glossary, lang)
    plan = _Plan(target, tokenize(target), lang, expected)
    plan.claim(glossary, index)
    plan.near_misses(glossary, rivals)
    plan.literals()
    return _apply(target, plan.fixes, glossary, lang, segment)


@dataclass
class _Plan:
    """The fixes chosen for one target segment, step by step (see the module docstring).

    Attributes:
        target, tokens, lang: the segment, its word tokens, its language.
        budget: entry id → occurrences the source still expects (counted down as forms are found).
        fixes: ``(hit, rule)`` to apply; occupied: spans no other fix may overlap;
        resolved: step 1's claims and deprecated hits; literal: deprecated hits with no capital.
    """

    target: str
    tokens: list
    lang: str
    budget: dict[str, int]
    fixes: list[tuple[Hit, str]] = field(default_factory=list)
    occupied: list[tuple[int, int]] = field(default_factory=list)
    resolved: list[Hit] = field(default_factory=list)
    literal: list[Hit] = field(default_factory=list)

    def free(self, h: Hit, ignore: tuple[tuple[int, int], ...] = ()) -> bool:
        return not any(h.start < e and s < h.end for s, e in self.occupied if (s, e) not in ignore)

    def claim(self, glossary: Glossary, index: FormIndex) -> None:
        """Step 1: acceptable forms of every entry and deprecated variants of the expected ones,
        resolved together: longest match first, an acceptable form before a deprecated one."""
        mode = "inflect" if self.lang == "ru" else "exact"
        ok_all = index.find(self.target, self.tokens, mode, ("preferred", "admitted"))
        dep_all: list[Hit] = []
        for eid in self.budget:
            entry = glossary.get(eid)
            if entry is not None:
                dep_all.extend(find_entry(self.target, self.tokens, entry, self.lang, mode, statuses=("deprecated",)))
        self.literal = [h for h in dep_all if _is_literal(h, self.lang)]
        self.resolved = resolve(ok_all + [h for h in dep_all if not _is_literal(h, self.lang)])
        self.fixes = [(h, "deprecated") for h in self.resolved if h.status == "deprecated"]
        self.occupied = [(h.start, h.end) for h in self.resolved]
        for h in self.resolved:
            if h.entry_id in self.budget:
                self.budget[h.entry_id] -= 1

    def near_misses(self, glossary: Glossary, rivals: tuple[str, ...]) -> None:
        """Step 2: near-misses for entries still missing, and to upgrade a same-entry short form or
        partial variant inside a misspelt full name (``Alexandr Novak`` around the house short
        form ``Novak``; ``Andrey Bilosov`` around the deprecated given name ``Andrey``)."""
        candidates: list[tuple[Hit, tuple[tuple[int, int], ...]]] = []
        for eid in self.budget:
            entry = glossary.get(eid)
            own = tuple(
                (h.start, h.end)
                for h in self.resolved
                if h.entry_id == eid and (h.is_short or h.status == "deprecated")
            )
            if entry is None or (self.budget[eid] <= 0 and not own):
                continue
            blockers = [sp for sp in self.occupied if sp not in own]
            for h in near_misses(self.target, self.tokens, entry, self.lang, blockers, rivals):
                inside = tuple(sp for sp in own if h.start < sp[1] and sp[0] < h.end)
                if any(not (h.start <= sp[0] and sp[1] <= h.end) or sp == (h.start, h.end) for sp in inside):
                    continue
                candidates.append((h, inside))
        candidates.sort(key=lambda c: (-(c[0].end - c[0].start), -c[0].score, c[0].start))
        for h, inside in candidates:
            if not self.free(h, inside):
                continue
            if inside:
                self.occupied = [sp for sp in self.occupied if sp not in inside]
                self.fixes = [f for f in self.fixes if (f[0].start, f[0].end) not in inside]
            elif self.budget[h.entry_id] > 0:
                self.budget[h.entry_id] -= 1
            else:
                continue
            self.fixes.append((h, "near-miss"))
            self.occupied.append((h.start, h.end))

    def literals(self) -> None:
        """Step 3: literal renderings, only while the entry is still missing."""
        for h in resolve(self.literal):
            if self.budget[h.entry_id] > 0 and self.free(h):
                self.fixes.append((h, "literal"))
                self.occupied.append((h.start, h.end))
                self.budget[h.entry_id] -= 1


def _apply(target: str, fixes: list[tuple[Hit, str]], glossary: Glossary, lang: str, segment: int) -> RepairResult:
    """Apply ``fixes`` right to left, each house form carrying the matched text's affixes
    (:mod:`xling.glossary.morphology`)."""
    changes: list[Change] = []
    out = target
    for h, rule in sorted(fixes, key=lambda x: -x[0].start):
        e = glossary.get(h.entry_id)
        repl = replacement_for(e, h, lang) if e is not None else None
        if e is None or repl is None:
            continue
        after = attach_affixes(repl.split(), h.parts, lang, head_first=e.type.value == "title")
        start = h.start
        if lang == "en" and e.type.value == "person" and not repl.lower().startswith("the "):
            # "The Sharia" → "Al-Sharaa"; an organization keeps its article ("in the Kremlin")
            m = article_before(target, start)
            if m and rule in ("near-miss", "literal"):
                start = m.start(1)
                if m.group(1) == "The" and after[:1].islower():
                    after = capitalize(after)  # "said: The Sharia came" → "said: Al-Sharaa came"
        al = al_word_before(target, start, after)
        if al is not None:  # the article written apart is part of the name: "al-Sharaa", not "Al al-Sharaa"
            start = al
        after = sentence_case(target, start, after, lang)
        before = target[start : h.end]
        if before == after:
            continue
        out = out[:start] + after + out[h.end :]
        changes.append(Change(segment, start, h.end, before, after, rule, h.entry_id, round(h.score, 3)))
    changes.reverse()
    return RepairResult(out, changes)


def repair(sources: list[str], targets: list[str], lang: str, glossary: Glossary) -> list[RepairResult]:
    """Repair each ``targets[i]`` against ``sources[i]`` (see :func:`repair_segment`).

    Raises:
        ValueError: the lists differ in length.
    """
    if len(sources) != len(targets):
        raise ValueError(f"{len(sources)} source segments but {len(targets)} target segments")
    from xling.glossary.match import SourceMatcher

    matcher = SourceMatcher(glossary)
    index = FormIndex(glossary, lang)
    return [
        repair_segment(s, t, lang, glossary, matcher=matcher, segment=i, index=index)
        for i, (s, t) in enumerate(zip(sources, targets))
    ]
