"""Ranges market reports write with a slash: "a further 250,000/350,000 tonnes", "down to
1.5/2.0 mln bags". The tokenizer keeps "250,000/350,000" whole; read as "250,000 to 350,000".
Only written figures (with a thousands comma or a decimal point) whose second is the larger:
"1/2" and "3/4" are fractions, "1987/88" a season."""

from __future__ import annotations

import re

_SLASHED = re.compile(r"(?<![\w.,/])(?P<low>\d{1,3}(?:,\d{3})+|\d+\.\d+)/(?P<high>\d{1,3}(?:,\d{3})+|\d+\.\d+)(?![\w/])")


def unslashed(text: str) -> str:
    """``text`` with its slash ranges written with "to" ("250,000 to 350,000")."""
    def to_range(m: re.Match[str]) -> str:
        low, high = (float(m.group(g).replace(",", "")) for g in ("low", "high"))
        return f"{m.group('low')} to {m.group('high')}" if low < high else m.group(0)
    return _SLASHED.sub(to_range, text)
