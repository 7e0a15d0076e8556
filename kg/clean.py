"""Text from articles made safe where kg shows or writes it: XML files and terminals.

Article text is kept as it came (offsets into it must stay exact), so names and quotes in
the graph may hold control characters: NUL, BEL, ANSI colour codes, bidi overrides. XML 1.0
cannot hold most of them at all, and a terminal would obey them (recolour, ring, reorder
the line). ``xml_text`` drops them; ``terminal_text`` shows them as visible escapes, so what
is printed is what the graph holds.
"""

from __future__ import annotations

import re

# ANSI escape sequences (CSI: ESC [ ... final byte), dropped whole in XML so no "[31m" is left.
_ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]")
# What XML 1.0 forbids: C0 controls but tab, line feed and carriage return; lone surrogates;
# U+FFFE and U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# What a terminal acts on instead of printing: C0 controls (line breaks too, in one cell),
# DEL, C1 controls, and the bidi controls that reorder a line as it is shown.
_NOT_SHOWN = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_NOT_SHOWN_KEEP_LINES = re.compile("[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def xml_text(text: str) -> str:
    """``text`` with what XML 1.0 cannot hold removed.

    >>> xml_text("Acme\\x1b[31m Corp\\x00")
    'Acme Corp'
    """
    return _NOT_XML.sub("", _ANSI.sub("", text))


def terminal_text(text: str, *, keep_lines: bool = False) -> str:
    """``text`` with control characters written as visible escapes (``\\x1b``, ``\\u202e``).

    ``keep_lines`` leaves line breaks as they are (for CSV, where quoting keeps them in
    their field).

    >>> terminal_text("Acme\\x1b[31m\\nCorp")
    'Acme\\\\x1b[31m\\\\nCorp'
    """
    pattern = _NOT_SHOWN_KEEP_LINES if keep_lines else _NOT_SHOWN
    return pattern.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    named = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(char)
    if named:
        return named
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
