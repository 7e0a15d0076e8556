"""Cutting a long text into parts the model can read, at paragraph or sentence ends.

The parts join back into the text exactly (``"".join(parts) == text``), so that the Docs of
the parts, joined, give the article's own character offsets.
"""

from __future__ import annotations

import re

# Where to cut, best first: after a blank line, after a line break, after a sentence's end,
# after any space. Each pattern takes the whitespace that follows, so a part ends with it
# and the next part starts at a word.
_CUTS = (
    re.compile(r"\n[^\S\n]*\n\s*"),
    re.compile(r"\n\s*"),
    re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+"),
    re.compile(r"\s+"),
)


def split_text(text: str, *, limit: int) -> list[str]:
    """``text`` in parts of at most ``limit`` characters, cut at the best boundary found.

    A cut is looked for in the second half of each window first, so parts stay near
    ``limit`` long; a text with no space at all is cut hard at ``limit``.

    >>> split_text("One. Two.\\n\\nThree.", limit=12)
    ['One. Two.\\n\\n', 'Three.']
    """
    if limit < 1:
        raise ValueError(f"limit must be positive, not {limit}")
    parts: list[str] = []
    start = 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        parts.append(window[:_cut(window, floor=limit // 2)])
        start += len(parts[-1])
    parts.append(text[start:])
    return parts


def _cut(window: str, *, floor: int) -> int:
    for pattern in _CUTS:
        end = 0
        for match in pattern.finditer(window, floor):
            end = match.end()
        if end > 0:
            return end
    return len(window)
