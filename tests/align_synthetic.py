"""Repeatable synthetic bitexts with a known gold alignment (for tests and ``bench/align.py``).

A source sentence is a run of pseudo-words (random letter strings), sometimes a number and a
capitalised name. Its "target" is made word by word with a fixed random substitution (each
source word maps to one target pseudo-word of similar length; numbers and names are copied), so
the target carries the same signals a real translation does: proportional length, numbers and
names. Bead operations are then applied with fixed probabilities (or a given schedule): 1-1,
1-2 / 1-3 (split the target), 2-1 (merge), 2-2 (merge then split elsewhere), 1-0 (drop), 0-1
(insert an unrelated sentence). This is test data, not language.
"""

from __future__ import annotations

import random

_LETTERS = "abcdefghijklmnopqrstuvwxyz"
#: Default probability of each bead type ``(n_src, n_tgt)``, roughly the Text+Berg mix.
DEFAULT_MIX = {(1, 1): 0.80, (1, 2): 0.05, (2, 1): 0.05, (2, 2): 0.02, (1, 0): 0.03, (0, 1): 0.03, (1, 3): 0.02}


class _Lexicon:
    def __init__(self, rng: random.Random, size: int = 3000, number_rate: float = 0.3):
        self.rng = rng
        self.number_rate = number_rate
        self.src = ["".join(rng.choice(_LETTERS) for _ in range(rng.randint(2, 10))) for _ in range(size)]
        self.tgt = {
            w: "".join(rng.choice(_LETTERS) for _ in range(max(1, len(w) + rng.randint(-1, 2)))) for w in self.src
        }
        self.names = [
            "".join(rng.choice(_LETTERS) for _ in range(rng.randint(5, 9))).capitalize() for _ in range(size // 10)
        ]

    def sentence(self) -> tuple[list[str], list[str]]:
        rng = self.rng
        words = [rng.choice(self.src) for _ in range(rng.randint(4, 28))]
        tw = [self.tgt[w] for w in words]
        if rng.random() < self.number_rate:
            num = str(rng.randint(1, 9999))
            p = rng.randrange(len(words) + 1)
            words.insert(p, num)
            tw.insert(min(p, len(tw)), num)
        if rng.random() < 0.3:
            name = rng.choice(self.names)
            words.insert(0, name)
            tw.insert(0, name)
        return words, tw


def _text(words: list[str], end: str = ".") -> str:
    s = " ".join(words)
    return s[:1].upper() + s[1:] + end


def make_bitext(
    n: int,
    *,
    seed: int = 0,
    mix: dict[tuple[int, int], float] | None = None,
    schedule: list[tuple[int, int]] | None = None,
    number_rate: float = 0.3,
) -> tuple[list[str], list[str], list[tuple[tuple[int, ...], tuple[int, ...]]]]:
    """A synthetic bitext of about ``n`` source sentences and its gold beads.

    Args:
        n: number of beads to generate (source length is about ``n``).
        seed: random seed (same seed, same output).
        mix: bead type → probability (default :data:`DEFAULT_MIX`).
        schedule: explicit list of bead types to generate instead (``n`` is then ignored).
        number_rate: probability that a sentence carries a number (an anchor).

    Returns:
        ``(src, tgt, gold)``: source sentences, target sentences, gold beads as ``(src ids, tgt ids)``.
    """
    rng = random.Random(seed)
    lex = _Lexicon(rng, number_rate=number_rate)
    mix = mix or DEFAULT_MIX
    kinds, probs = zip(*mix.items())
    types = schedule if schedule is not None else [rng.choices(kinds, probs)[0] for _ in range(n)]
    src: list[str] = []
    tgt: list[str] = []
    gold = []
    for a, b in types:
        pairs = [lex.sentence() for _ in range(a)]
        s_ids = tuple(range(len(src), len(src) + a))
        src += [_text(sw) for sw, _ in pairs]
        if a == 0:
            _, tw = lex.sentence()
            pieces = [tw]
        else:
            tw_all = [w for _, tw in pairs for w in tw]
            if b == a:
                if a == 2:  # 2-2: split the merged target elsewhere than the source boundary
                    cut = len(pairs[0][1]) + max(1, len(pairs[1][1]) // 2)
                    cut = min(cut, len(tw_all) - 1)
                    pieces = [tw_all[:cut], tw_all[cut:]]
                else:
                    pieces = [tw for _, tw in pairs]
            elif b == 0:
                pieces = []
            else:
                size = len(tw_all)
                cuts = sorted(rng.sample(range(1, size), b - 1)) if size > b else list(range(1, b))
                bounds = [0, *cuts, size]
                pieces = [tw_all[x:y] for x, y in zip(bounds, bounds[1:])]
        t_ids = tuple(range(len(tgt), len(tgt) + len(pieces)))
        tgt += [_text(p) for p in pieces]
        gold.append((s_ids, t_ids))
    return src, tgt, gold
