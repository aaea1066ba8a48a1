"""A seeded noisy copy of the Text+Berg de-fr development documents, with the gold updated.

Issue 12: the held-out Text+Berg documents are noisier than the four development ones, in the
ways scanned yearbooks are (picture captions and page headers interleaved with the running text,
words hyphenated across lines, and 2-1, 1-2 and 0-1 beads around that noise). This module makes
that noise on the development documents so that the aligner can be measured on it; the gold
beads are rewritten along with the text, so every bead of the noisy gold is exactly what the
original gold says plus the inserted noise.

Noise kinds (rates per document are drawn around the means in :data:`RATES`):

- **page headers**: each side is cut into pages of 28-40 lines, counted on that side alone, so
  that the two sides' page breaks fall at different places. At the bead boundary after each page
  break a running header is inserted: the periodical's title and a page number, the article's
  running title (its first line, or an upper-case form of it), or a bare page number; left and
  right pages alternate the number's place. A document has headers on both sides, the source
  only or the target only; about one header in ten is missing (an OCR loss). Gold: a 1-0 or
  0-1 bead (a header has no counterpart in the running text).
- **picture captions**: after a bead, a caption (a figure number and a short description, or a
  photo credit) in both languages at the same place (gold: one 1-1 bead), in one language only
  (1-0 or 0-1), or in both but placed 1-4 beads apart (a 1-0 and a 0-1 bead).
- **hyphenated line breaks**: a word of 8+ letters split before a consonant followed by a vowel,
  as ``Erleb- nisse``
  (no gold change).
- **dropped sentences**: one side of a 1-1 bead is removed (the bead becomes 1-0 or 0-1).
- **split sentences**: a sentence of 8+ words in a bead whose side has one sentence is cut in
  two lines at a comma or near the middle, sometimes with the cut word hyphenated across the
  break (``Erleb-`` / ``nisse ...``); the bead grows on that side (1-1 → 2-1 or 1-2, 1-2 → 2-2).
- **merged sentences**: two neighbouring 1-1 beads whose one side is joined into one line
  (→ one 2-1 or 1-2 bead).

The noisy documents are written with ``--out DIR`` (``de/NNN``, ``fr/NNN``, ``gold/NNN``);
``bench/align_textberg.py --noisy`` builds them in memory and reports them beside the clean ones.
Limits: a header or caption is only inserted between beads (a real page break can fall inside a
sentence, splitting it around the header: a bead that is not contiguous, which the bead format
and the aligner do not model); the caption texts come from a small template list
(:data:`CAPTIONS`), not from real yearbooks.

Usage: ``python bench/align_noisy.py [--data DIR] [--seed N] --out DIR``.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "text+berg"
SEED = 12

#: Mean rate of each noise kind: per bead (drop, split, merge, caption) or per sentence (hyphen).
RATES = {"drop": 0.025, "split": 0.04, "merge": 0.025, "caption": 0.035, "hyphen": 0.08}

#: Periodical titles of the running headers (source, target).
PERIODICAL = ("Die Alpen", "Les Alpes")

#: Caption templates (source, target): ``{n}`` a figure number, ``{x}``/``{y}`` photographers
#: (:data:`NAMES`), ``{p}`` a place (:data:`PLACES`).
CAPTIONS = [
    ("{n} Blick vom Gipfel gegen {p}", "{n} Vue du sommet vers {p}"),
    ("{n} Die Route im oberen Teil der Wand", "{n} L' itinéraire dans la partie supérieure de la paroi"),
    ("Foto : {x}", "Photo : {x}"),
    ("Abb. {n} Biwak unter dem Gipfel", "Fig. {n} Bivouac sous le sommet"),
    ("{n} Am Einstieg , im Hintergrund {p}", "{n} Au départ , à l' arrière-plan {p}"),
    ("{n} {p} von Norden", "{n} {p} vu du nord"),
    ("Photos : {x} , {y}", "Photos : {x} , {y}"),
    ("{n} Abstieg über den Gletscher", "{n} Descente par le glacier"),
    ("{n} Die Hütte im Winter", "{n} La cabane en hiver"),
    ("Abb. {n} Karte des Gebiets", "Fig. {n} Carte de la région"),
]
NAMES = ["Michel Piola", "Daniel Anker", "Bruno Hasler", "Anne Sauvy", "Kurt Reichen"]
PLACES = ["Piz Palü", "Eiger", "Matterhorn", "Jungfrau", "Dom", "Tödi", "Bietschhorn"]

_VOWELS = "aeiouäöüyéèàâêîôû"


@dataclass
class Noisy:
    """A document being rebuilt: sentences of both sides and the gold beads over them."""

    src: list[str] = field(default_factory=list)
    tgt: list[str] = field(default_factory=list)
    gold: list[tuple[tuple[int, ...], tuple[int, ...]]] = field(default_factory=list)

    def add(self, src: list[str], tgt: list[str]) -> None:
        """Append one bead with these sentences on each side."""
        s = tuple(range(len(self.src), len(self.src) + len(src)))
        t = tuple(range(len(self.tgt), len(self.tgt) + len(tgt)))
        self.src += src
        self.tgt += tgt
        self.gold.append((s, t))


def hyphenate(sentence: str, rng: random.Random) -> str:
    """Split one word of 8+ letters before a consonant and vowel as ``Erleb- nisse`` (unchanged if none)."""
    words = sentence.split(" ")
    cands = [k for k, w in enumerate(words) if len(w) >= 8 and w.isalpha()]
    if not cands:
        return sentence
    k = rng.choice(cands)
    w = words[k]
    low = w.lower()
    cuts = [i for i in range(3, len(w) - 3) if low[i] not in _VOWELS and low[i + 1] in _VOWELS]
    if not cuts:
        return sentence
    i = rng.choice(cuts)
    words[k] = w[:i] + "- " + w[i:]
    return " ".join(words)


def split_sentence(sentence: str, rng: random.Random) -> list[str] | None:
    """Cut a sentence of 8+ words into two lines (at a comma, else near the middle), or None."""
    words = sentence.split()
    if len(words) < 8:
        return None
    commas = [k for k, w in enumerate(words[2:-3], 2) if w == ","]
    if commas and rng.random() < 0.6:
        k = rng.choice(commas) + 1
        return [" ".join(words[:k]), " ".join(words[k:])]
    k = rng.randint(len(words) // 3, 2 * len(words) // 3)
    w = words[k]
    cut = hyphenate(w, rng) if len(w) >= 8 and w.isalpha() and rng.random() < 0.5 else ""
    if "- " in cut:
        a, b = cut.split("- ", 1)
        return [" ".join(words[:k] + [a + "-"]), " ".join([b] + words[k + 1 :])]
    return [" ".join(words[:k]), " ".join(words[k:])]


class Headers:
    """Running headers of one side: a line counter, page lengths of 28-40 lines, a header style."""

    def __init__(self, rng: random.Random, title: str, periodical: str, on: bool):
        self.rng = rng
        self.on = on
        self.page = rng.randint(20, 300)
        self.left = rng.randint(28, 40)
        running = " ".join(title.split()[:4]).strip(" .,:;")
        style = rng.randrange(4)
        self.forms = [
            ("{p} " + periodical, periodical + " {p}"),
            ("{p} " + periodical.upper(), running.upper() + " {p}"),
            ("{p}", "{p}"),
            ("{p} " + periodical + " " + str(rng.randint(1985, 1995)), running + " {p}"),
        ][style]

    def due(self, n_lines: int) -> str | None:
        """Count ``n_lines`` more lines; the header to insert now (None if no page break yet)."""
        if not self.on:
            return None
        self.left -= n_lines
        if self.left > 0:
            return None
        self.left = self.rng.randint(28, 40)
        self.page += 1
        if self.rng.random() < 0.1:
            return None
        return self.forms[self.page % 2].format(p=self.page)


def caption_pair(rng: random.Random, number: int) -> tuple[str, str]:
    """A caption in both languages (source, target) from :data:`CAPTIONS`."""
    a, b = rng.choice(CAPTIONS)
    x, y = rng.sample(NAMES, 2)
    p = rng.choice(PLACES)
    return a.format(n=number, x=x, y=y, p=p), b.format(n=number, x=x, y=y, p=p)


def _rates(rng: random.Random) -> dict[str, float]:
    """This document's noise rates: each mean of :data:`RATES` times 0.5-1.5."""
    return {k: v * rng.uniform(0.5, 1.5) for k, v in RATES.items()}


def make_noisy(
    src: list[str], tgt: list[str], gold: list[tuple[tuple[int, ...], tuple[int, ...]]], seed: int
) -> tuple[list[str], list[str], list[tuple[tuple[int, ...], tuple[int, ...]]]]:
    """The noisy copy of one document: ``(src, tgt, gold beads)`` (see the module docstring).

    ``gold`` is a list of ``(source ids, target ids)`` covering both sides in order; the result
    covers the new sentences in order. The same ``seed`` gives the same copy.
    """
    rng = random.Random(seed)
    rate = _rates(rng)
    side = rng.choice(["both", "both", "src", "tgt"])
    heads = (
        Headers(rng, src[0], PERIODICAL[0], side in ("both", "src")),
        Headers(rng, tgt[0], PERIODICAL[1], side in ("both", "tgt")),
    )
    out = Noisy()
    pending_tgt: list[tuple[int, str]] = []  # (beads to wait, caption) placed later on the target
    figure = 1
    k = 0
    while k < len(gold):
        s = [src[i] for i in gold[k][0]]
        t = [tgt[j] for j in gold[k][1]]
        r = rng.random()
        nxt = gold[k + 1] if k + 1 < len(gold) else None
        if r < rate["drop"] and len(s) == 1 and len(t) == 1 and k > 0:
            s, t = (s, []) if rng.random() < 0.5 else ([], t)
        elif r < rate["drop"] + rate["merge"] and len(s) == len(t) == 1 and nxt and len(nxt[0]) == len(nxt[1]) == 1:
            s2, t2 = [src[nxt[0][0]]], [tgt[nxt[1][0]]]
            if rng.random() < 0.5:
                s, t = [s[0] + " " + s2[0]], t + t2
            else:
                s, t = s + s2, [t[0] + " " + t2[0]]
            k += 1
        elif r < rate["drop"] + rate["merge"] + rate["split"]:
            sides = [x for x, y in ((s, t), (t, s)) if len(x) == 1 and 1 <= len(y) <= 2]
            if sides:
                x = rng.choice(sides)
                cut = split_sentence(x[0], rng)
                if cut:
                    x[:] = cut
        s = [hyphenate(x, rng) if rng.random() < rate["hyphen"] else x for x in s]
        t = [hyphenate(x, rng) if rng.random() < rate["hyphen"] else x for x in t]
        out.add(s, t)
        k += 1
        figure = _after_bead(out, rng, rate, heads, (len(s), len(t)), pending_tgt, figure)
    for _, cap in pending_tgt:
        out.add([], [cap])
    return out.src, out.tgt, out.gold


def _after_bead(
    out: Noisy,
    rng: random.Random,
    rate: dict[str, float],
    heads: tuple[Headers, Headers],
    lines: tuple[int, int],
    pending_tgt: list[tuple[int, str]],
    figure: int,
) -> int:
    """Insert what falls after a bead: due headers, a new caption, delayed target captions."""
    for h, n, make in (
        (heads[0], lines[0], lambda x: out.add([x], [])),
        (heads[1], lines[1], lambda x: out.add([], [x])),
    ):
        header = h.due(n)
        if header is not None:
            make(header)
    for item in list(pending_tgt):
        pending_tgt.remove(item)
        if item[0] <= 1:
            out.add([], [item[1]])
        else:
            pending_tgt.append((item[0] - 1, item[1]))
    if rng.random() < rate["caption"]:
        a, b = caption_pair(rng, figure)
        figure += 1
        kind = rng.random()
        if kind < 0.3:
            out.add([a], [b])
        elif kind < 0.55:
            out.add([a], [])
        elif kind < 0.8:
            out.add([], [b])
        else:
            out.add([a], [])
            pending_tgt.append((rng.randint(1, 4), b))
    return figure


def noisy_documents(data: Path, seed: int = SEED) -> dict[str, tuple[list[str], list[str], list]]:
    """Noisy copies of every document under ``data`` (name → ``(src, tgt, gold beads)``)."""
    from xling.align.beads import Bead, read_beads
    from xling.io import read_lines

    out = {}
    for p in sorted((data / "gold").iterdir()):
        src = read_lines(data / "de" / p.name)
        tgt = read_lines(data / "fr" / p.name)
        gold = [b.key() for b in read_beads(p)]
        doc_seed = seed * 1000 + int(re.sub(r"\D", "", p.name) or 0)
        s, t, g = make_noisy(src, tgt, gold, doc_seed)
        out[p.name] = (s, t, [Bead(a, b) for a, b in g])
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--out", type=Path, required=True, help="folder for de/, fr/ and gold/")
    args = ap.parse_args(argv)
    if not (args.data / "gold").is_dir():
        print(f"bench/align_noisy.py: {args.data} not found (Text+Berg is not in the repository); skipping.")
        return 0
    from xling.align.beads import check_beads, format_bead

    for name, (s, t, g) in noisy_documents(args.data, args.seed).items():
        check_beads(g, len(s), len(t))
        for sub, lines in (("de", s), ("fr", t), ("gold", [format_bead(b) for b in g])):
            (args.out / sub).mkdir(parents=True, exist_ok=True)
            (args.out / sub / name).write_text("".join(x + "\n" for x in lines), encoding="utf-8")
        kinds: dict[tuple[int, int], int] = {}
        for b in g:
            kinds[b.kind] = kinds.get(b.kind, 0) + 1
        print(name, len(s), len(t), " ".join(f"{a}-{b}:{c}" for (a, b), c in sorted(kinds.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
