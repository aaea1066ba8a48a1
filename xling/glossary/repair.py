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

import re
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

from xling.glossary.target import (
    FormIndex,
    Hit,
    Part,
    entry_forms,
    find_entry,
    norm,
    resolve,
    ru_stem,
    splits,
    tokenize,
)

if TYPE_CHECKING:  # pragma: no cover
    from xling.glossary.match import SourceMatcher
    from xling.glossary.model import ConceptEntry, Glossary

NEAR_THRESHOLD = 0.75
NEAR_THRESHOLD_START = 0.85
_SENTENCE_END_RE = re.compile(r"(?:^|[.!?…؟]\s*)[\"'«“‘(\[]*\s*$")
_ARTICLE_RE = re.compile(r"\b([Tt]he)\s+$")
#: the Arabic article written as a word of its own before a name ("Al Sharaa", "Аль Шараа")
_AL_WORD_RE = re.compile(r"(?<![^\W\d_])([AaEe]l|[Аа]ль|[Аа]л|[Ээ]ль|[Аа]ш|[Аа]т|[Аа]р|[Аа]с|[Аа]н|[Аа]д|[Аа]з)\s+$")
_AL_PREFIX_RE = re.compile(r"^(?:[AaEe][lsdnrtz]h?|[Аа]ль|[Аа]л|[Ээ]ль|[Аа][шсдзтрн])-")


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
    """The house text that replaces ``hit`` (before affixes are re-attached)."""
    term = hit.term
    if hit.status != "deprecated":
        return hit.form
    if term.use is not None:
        return term.use
    pref = entry.preferred(lang)
    if pref is None:
        return None
    if hit.is_short and pref.short_forms:
        return pref.short_forms[0]
    return pref.text


def _attach(words: list[str], parts: list[Part], lang: str, *, head_first: bool = False) -> str:
    """Put the affixes of the matched tokens (``parts``) onto the replacement ``words``.

    In Russian, when the matched text and the replacement have different numbers of words, the
    case ending goes to the last word (a name's surname), or with ``head_first`` to the first
    word (a title's head noun: ``министром по иностранным делам`` → ``министром иностранных дел``).
    """
    words = list(words)
    if not words:
        return ""
    if lang == "ru":

        def inflect(w: str, suffix: str) -> str:
            if not suffix or _ru_indeclinable(w):
                return w
            return ru_stem(w) + suffix

        if len(words) == len(parts):
            words = [inflect(w, p.suffix) for w, p in zip(words, parts)]
        elif head_first:
            words[0] = inflect(words[0], parts[0].suffix)
        else:
            words[-1] = inflect(words[-1], parts[-1].suffix)
    elif lang == "en":
        suf = parts[-1].suffix
        if suf:
            words[-1] = words[-1] + suf
    elif lang == "ar":
        pre = parts[0].prefix
        if pre:
            w = words[0]
            if pre.endswith("ل") and w.startswith("ال"):
                w = w[1:]
            words[0] = pre + w
    return " ".join(words)


def _ru_indeclinable(word: str) -> bool:
    """Foreign names ending in a vowel other than а/я, or in -аа, do not decline in Russian
    (аш-Шараа, аль-Джулани, Абу Касра is declinable)."""
    w = word.lower()
    return w[-1:] in tuple("иоуеэюы") or w.endswith("аа")


def _at_sentence_start(text: str, start: int) -> bool:
    return bool(_SENTENCE_END_RE.search(text[:start]))


def _best_split(token: str, form_word: str, lang: str, *, first: bool, last: bool) -> tuple[Part, float]:
    from xling.glossary.translit import similarity

    best, best_s = Part("", token, ""), -1.0
    for p in splits(token, lang, first=first, last=last, inflect=True):
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
                p, _ = _best_split(tok.text, words[k], lang, first=k == 0, last=k == n - 1)
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
            need = NEAR_THRESHOLD_START if (lang in ("en", "ru") and _at_sentence_start(text, s0)) else threshold
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
    tokens = tokenize(target)
    mode = "inflect" if lang == "ru" else "exact"
    # 1. claims (acceptable forms of every entry) and deprecated variants of expected entries,
    #    resolved together: longest match first, an acceptable form before a deprecated one
    index = index if index is not None and index.lang == lang else FormIndex(glossary, lang)
    ok_all = index.find(target, tokens, mode, ("preferred", "admitted"))
    dep_all: list[Hit] = []
    for eid in expected:
        dep_all.extend(find_entry(target, tokens, glossary.get(eid), lang, mode, statuses=("deprecated",)))
    literal = [h for h in dep_all if _is_literal(h, lang)]
    resolved = resolve(ok_all + [h for h in dep_all if not _is_literal(h, lang)])
    fixes: list[tuple[Hit, str]] = [(h, "deprecated") for h in resolved if h.status == "deprecated"]
    occupied: list[tuple[int, int]] = [(h.start, h.end) for h in resolved]
    budget = {eid: n for eid, n in expected.items()}
    for h in resolved:
        if h.entry_id in budget:
            budget[h.entry_id] -= 1

    def free(h: Hit, ignore: tuple[tuple[int, int], ...] = ()) -> bool:
        return not any(h.start < e and s < h.end for s, e in occupied if (s, e) not in ignore)

    # 2. near-misses: for entries still missing, and to upgrade a same-entry short form or
    #    partial variant that sits inside a misspelt full name ("Alexandr Novak" around the
    #    house short form "Novak"; "Andrey Bilosov" around the deprecated given name "Andrey")
    candidates: list[tuple[Hit, tuple[tuple[int, int], ...]]] = []
    for eid in expected:
        own = tuple(
            (h.start, h.end) for h in resolved if h.entry_id == eid and (h.is_short or h.status == "deprecated")
        )
        if budget[eid] <= 0 and not own:
            continue
        blockers = [sp for sp in occupied if sp not in own]
        for h in near_misses(target, tokens, glossary.get(eid), lang, blockers, rivals):
            inside = tuple(sp for sp in own if h.start < sp[1] and sp[0] < h.end)
            if any(not (h.start <= sp[0] and sp[1] <= h.end) or sp == (h.start, h.end) for sp in inside):
                continue
            candidates.append((h, inside))
    candidates.sort(key=lambda c: (-(c[0].end - c[0].start), -c[0].score, c[0].start))
    for h, inside in candidates:
        if not free(h, inside):
            continue
        if inside:
            occupied = [sp for sp in occupied if sp not in inside]
            fixes = [f for f in fixes if (f[0].start, f[0].end) not in inside]
        elif budget[h.entry_id] > 0:
            budget[h.entry_id] -= 1
        else:
            continue
        fixes.append((h, "near-miss"))
        occupied.append((h.start, h.end))
    # 3. literal renderings: only while the entry is still missing
    for h in resolve(literal):
        if budget[h.entry_id] > 0 and free(h):
            fixes.append((h, "literal"))
            occupied.append((h.start, h.end))
            budget[h.entry_id] -= 1
    # apply right to left
    changes: list[Change] = []
    out = target
    for h, rule in sorted(fixes, key=lambda x: -x[0].start):
        e = glossary.get(h.entry_id)
        repl = replacement_for(e, h, lang)
        if repl is None:
            continue
        after = _attach(repl.split(), h.parts, lang, head_first=e.type.value == "title")
        start = h.start
        if lang == "en" and e.type.value == "person" and not repl.lower().startswith("the "):
            # "The Sharia" → "Al-Sharaa"; an organization keeps its article ("in the Kremlin")
            m = _ARTICLE_RE.search(target[:start])
            if m and rule in ("near-miss", "literal"):
                start = m.start(1)
                if m.group(1) == "The" and after[:1].islower():
                    after = after[0].upper() + after[1:]  # "said: The Sharia came" → "said: Al-Sharaa came"
        if _AL_PREFIX_RE.match(after):
            # the article written apart ("Al Sharaa") is part of the name: "al-Sharaa", not "Al al-Sharaa"
            m = _AL_WORD_RE.search(target[:start])
            if m:
                start = m.start(1)
        if lang in ("en", "ru") and _at_sentence_start(target, start) and after[:1].islower():
            after = after[0].upper() + after[1:]
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
