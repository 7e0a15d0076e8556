"""Numbers as news writes them: "16,000", "3.86 billion", "two million", "a dozen", "1.4bn",
ranges ("3 to 5 million") and hedges ("up to", "about").

Values are exact ``Decimal``s: "1.07 billion" is 1070000000, not the float nearest to it.

>>> parse_quantity("up to 10.2 billion").value
Decimal('10200000000')
>>> parse_quantity("3 to 5 mln").low
Decimal('3000000')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from spacy.tokens import Token

from kg.nlp.datafiles import rule_data as lexicon
from kg.nlp.relations.slash_ranges import unslashed

_DIGITS = re.compile(r"^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")
_NUM_SUFFIX = re.compile(r"^([+-]?[\d,]*\.?\d+)([a-z]+)$")
_NUM_RANGE = re.compile(r"^([\d,]*\.?\d+)[-–—]([\d,]*\.?\d+)$")
_SPACE = re.compile(r"\s+")
# Dependencies by which a number hangs on the noun it counts.
_NUM_DEPS = frozenset({"nummod", "quantmod"})


@dataclass(frozen=True)
class Quantity:
    """A normalized number. ``value`` is the figure to report: the upper bound of a range."""

    value: Decimal
    low: Decimal | None = None
    high: Decimal | None = None
    qualifier: str | None = None  # "up to", "about", "more than" ...
    text: str = ""

    @property
    def is_range(self) -> bool:
        return self.low is not None and self.high is not None and self.low != self.high


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, Decimal], dict[str, Decimal], tuple[str, ...], tuple[str, ...]]:
    data = lexicon("numbers")
    hedges = tuple(sorted((*data["approximate"], *data["upper"]), key=len, reverse=True))
    # Decimals made from the JSON text of each number, so that "half" is exactly 0.5.
    units = {k: Decimal(str(v)) for k, v in data["units"].items()}
    scales = {k: Decimal(str(v)) for k, v in data["scales"].items()}
    return units, scales, hedges, tuple(data["range_words"])


def _words(text: str) -> list[str]:
    text = text.lower().replace("\u2013", "-").replace("\u2014", "-")
    out: list[str] = []
    for raw in _SPACE.split(text.strip()):
        raw = raw.strip("()[],;:")
        if not raw:
            continue
        if m := _NUM_RANGE.match(raw):
            out.extend((m.group(1), "-", m.group(2)))
        elif m := _NUM_SUFFIX.match(raw):
            out.extend((m.group(1), m.group(2)))
        elif _DIGITS.match(raw) or raw == "-":
            out.append(raw)
        elif "-" in raw and not raw.startswith("-"):
            out.extend(p for p in raw.split("-") if p)  # "twenty-five", "three-quarters"
        else:
            out.append(raw)
    return out


def _number(parts: list[str]) -> tuple[Decimal | None, Decimal | None]:
    """(value, last scale used) of one number phrase, or (None, None)."""
    units, scales, _, _ = _tables()
    total = Decimal(0)
    current = Decimal(0)
    seen = False
    last_scale: Decimal | None = None
    counted = False  # the last word was a number word ("four")
    for word in parts:
        if _DIGITS.match(word) and counted and total == 0:
            # "four 13,000 tonne cargoes": four lots of 13,000 tonnes, not 13,004
            current *= Decimal(word.replace(",", ""))
            counted = False
            continue
        counted = word in units
        if _DIGITS.match(word):
            current += Decimal(word.replace(",", ""))
            seen = True
        elif word in ("a", "an"):
            if current == 0:
                current = Decimal(1)
        elif word in scales and (seen or current):
            scale = scales[word]
            if scale < 1000:
                current = (current or Decimal(1)) * scale
            else:
                total += (current or Decimal(1)) * scale
                current = Decimal(0)
            last_scale = scale
            seen = True
        elif word in units:
            current += units[word]
            seen = True
        elif word in ("and", "of", "point"):
            continue
        elif seen:
            break  # the number ended; what follows is the counted noun
    value = _plain(total + current)
    return (value, last_scale) if seen else (None, None)


def _plain(value: Decimal) -> Decimal:
    """ "1.07 billion" as 1070000000, not 1.07000000E+9: the same number, written plainly."""
    normal = value.normalize()
    if normal != normal.to_integral_value():
        return normal
    try:
        return normal.quantize(Decimal(1))
    except InvalidOperation:  # more digits than the context holds (1e19 billion): as it is
        return normal


def parse_quantity(text: str) -> Quantity | None:
    """The number a phrase states, or None when it states none."""
    _, scales, hedges, range_words = _tables()
    text = unslashed(text)  # "250,000/350,000 tonnes": a range
    lowered = " ".join(text.lower().split())
    qualifier = None
    for hedge in hedges:
        if lowered == hedge or lowered.startswith(hedge + " "):
            qualifier = hedge
            text = lowered[len(hedge) :]
            break
    words = _words(text)
    if words and words[0] == "between":
        words = words[1:]
        range_words = (*range_words, "and")
    else:
        range_words = tuple(w for w in range_words if w != "and")
    split = next((i for i, w in enumerate(words) if w in range_words and 0 < i < len(words) - 1), None)
    if split is not None:
        low, low_scale = _number(words[:split])
        high, high_scale = _number(words[split + 1 :])
        if low is not None and high is not None:
            if low_scale is None and high_scale is not None and low < high_scale:
                low = _plain(low * high_scale)  # "3 to 5 million": the scale applies to both ends
            return Quantity(value=high, low=low, high=high, qualifier=qualifier, text=text.strip())
    value, _ = _number(words)
    if value is None:
        return None
    return Quantity(value=value, low=value, high=value, qualifier=qualifier, text=text.strip())


def quantity_tokens(noun: Token) -> list[Token]:
    """The tokens of the number that counts ``noun`` ("3.86 billion" of "3.86 billion masks")."""
    found: list[Token] = []
    for child in noun.lefts:
        if child.dep_ in _NUM_DEPS or (child.dep_ in ("compound", "amod") and child.like_num):
            found.extend(child.subtree)
    return sorted(set(found), key=lambda t: t.i)


def quantity_of(noun: Token) -> Quantity | None:
    """The number that counts ``noun``, if the parse gives it one."""
    tokens = quantity_tokens(noun)
    if not tokens or not any(t.like_num or t.lower_ in _tables()[1] for t in tokens):
        return None
    text = noun.doc[tokens[0].i : tokens[-1].i + 1].text
    return parse_quantity(text)
