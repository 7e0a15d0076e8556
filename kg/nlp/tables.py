"""Tables in newswire text: blocks of lines laid out in columns, found in the text alone.

Commodity stories carry tables set in spaces ("  Wheat      6.60     7.20"): a label, then
cells two or more spaces apart, under header lines ("          1986/87   1985/86"). The
parser reads them as sentences of run-together names and numbers, so the entity and relation
rules keep out of them; ``kg.nlp.relations.tables`` reads their rows where the header says
what they count. Offsets are those of the text searched.

>>> [r.label for r in table_blocks("Figures were -\\n Wheat   2.5   3.1\\n Corn    1.2   1.9\\n")[0].rows]
['Wheat', 'Corn']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span

from kg.nlp.datafiles import rule_data
from kg.nlp.doc_index import text_of
from kg.nlp.gazetteer import country_of
from kg.nlp.lexicon import known_organization

# Cells are set two or more spaces apart; a row's figures are numbers, "nil", "--", "n.a."
# (with a revision mark such as "-r" or "-x", or in brackets).
_GAP = re.compile(r"\s{2,}")
_FIGURE = re.compile(r"^\(?[-+]?(?:\d[\d,]*(?:\.\d+)?|\.\d+)\)?(?:-[a-zA-Z])?,?$"
                     r"|^\(?(?:nil|n\.?a\.?|--+|-|unch)\)?,?$", re.I)
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_SENTENCE_END = re.compile(r"[.!?]\"?$")
_MAX_HEADER_LINES = 3
_MAX_LABEL_LINE = 40


@dataclass(frozen=True)
class Cell:
    text: str
    start: int  # character offsets into the text searched
    end: int


@dataclass(frozen=True)
class Row:
    """One line of a table: its label (the text before the first figure) and its figures."""

    label: str
    label_start: int
    label_end: int
    figures: tuple[Cell, ...]
    start: int
    end: int


@dataclass(frozen=True)
class Block:
    """A table: its header lines (column titles) and its rows, and where it stands."""

    start: int
    end: int
    header: tuple[tuple[Cell, ...], ...]
    rows: tuple[Row, ...]
    # section titles over runs of rows ("Refrigerated beef:", "Soybean oils --"), colon or
    # dashes stripped: what the rows below them count
    sections: tuple[Cell, ...] = ()

    def section_of(self, row: Row) -> Cell | None:
        """The section title the row stands under, if the table has sections."""
        return next((c for c in reversed(self.sections) if c.start < row.start), None)

    def columns(self) -> tuple[Cell, ...]:
        """The titles of the figure columns: the last header line with as many cells as the
        widest row has figures (earlier lines group them: "Area   Crop")."""
        width = max(len(r.figures) for r in self.rows)
        for line in reversed(self.header):
            if len(line) == width:
                return line
        return ()


def is_figure(text: str) -> bool:
    return bool(_FIGURE.match(text.strip()))


def _cells(line: str, offset: int) -> list[Cell]:
    cells = []
    pos = 0
    stripped = line.rstrip()
    for part in _GAP.split(stripped.strip()):
        if not part:
            continue
        at = stripped.index(part, pos)
        pos = at + len(part)
        # "155,980 164,243 166,968": figures one space apart are cells still
        words = part.split(" ")
        if len(words) > 1 and all(is_figure(w) for w in words):
            for word in words:
                at = stripped.index(word, at)
                cells.append(Cell(word, offset + at, offset + at + len(word)))
                at += len(word)
            continue
        cells.append(Cell(part, offset + at, offset + pos))
    return cells


def _row(line: str, offset: int) -> Row | None:
    """The line as a row: a label and at least one figure set apart by a gap, or figures
    only (a continuation line); None for prose."""
    if not _GAP.search(line.strip()) and not is_figure(line):
        return None  # prose, the most lines by far: no cells to split it into
    cells = _cells(line, offset)
    if not cells or not _GAP.search(line.strip()) and not (len(cells) == 1 and is_figure(cells[0].text)):
        return None
    # "Plantation "A" 592.2": a label may end in a figure one space away; split it off
    first = cells[0]
    words = first.text.split(" ")
    label_cells, figures = [], []
    for cell in cells:
        (figures if is_figure(cell.text) else label_cells).append(cell)
    if not figures or any(c.start > figures[0].start for c in label_cells):
        # a word after the first figure ("IV", "up", "3.25-Y") is a table still, if most are figures
        if len(figures) < 2 or len(figures) < len(label_cells):
            return None
    if not label_cells and len(words) > 1 and is_figure(words[-1]):
        return None
    if all(_YEAR.match(c.text) for c in figures):
        return None  # "QUANTITY   1988   1989": column titles
    label = label_cells[0] if label_cells and label_cells[0].start < figures[0].start else None
    if label is not None and (_SENTENCE_END.search(label.text) and len(label.text) > _MAX_LABEL_LINE):
        return None
    return Row(label=label.text if label else "", label_start=label.start if label else figures[0].start,
               label_end=label.end if label else figures[0].start, figures=tuple(figures),
               start=offset + len(line) - len(line.lstrip()), end=offset + len(line.rstrip()))


def _header(line: str, offset: int) -> tuple[Cell, ...] | None:
    """Column titles: short cells set apart by gaps ("Natl   Loan   Release"); no prose."""
    text = line.strip()
    if not text or len(text) > 80 or not _GAP.search(text) or _SENTENCE_END.search(text):
        return None
    return tuple(_cells(line, offset))


def _section(line: str, offset: int) -> Cell | None:
    """A section title: a short line of words alone, ended by a colon or dashes
    ("Refrigerated beef:", "Soybean Oils --"); its words without the mark."""
    text = line.strip()
    title = re.fullmatch(r"([A-Za-z][\w ,&/()'.-]*?)\s*(?::|-+)", text)
    if title is None or len(text) > _MAX_LABEL_LINE or _GAP.search(text) or any(ch.isdigit() for ch in text):
        return None
    at = offset + line.index(text)
    return Cell(title[1], at, at + len(title[1]))


def _lead_words(text: str) -> bool:
    """A line that says what a table counts ("Destinations, in tonnes:") is its lead, not a
    section title."""
    words = set(re.findall(r"[a-z]+", text.lower()))
    return bool(words & _lead_vocabulary())


@lru_cache(maxsize=1)
def _lead_vocabulary() -> frozenset[str]:
    tables, flows = rule_data("tables"), rule_data("trade")["flows"]
    phrases = (*tables["export_partners"], *tables["import_partners"], *tables["list_verbs"],
               *tables["export_rows"], *tables["import_rows"], *flows["quantity_units"])
    return frozenset(w for p in phrases for w in re.findall(r"[a-z]+", p.lower()) if w not in ("to", "from"))


def _label_line(line: str, offset: int) -> Cell:
    text = line.strip()
    at = offset + line.index(text)
    return Cell(text, at, at + len(text))


def table_blocks(text: str) -> list[Block]:
    """Every table of ``text``: runs of at least two rows with figures, with the header lines
    right above them and the label lines between them ("Soybean Oils --")."""
    lines = []
    at = 0
    for line in text.split("\n"):
        lines.append((line, at))
        at += len(line) + 1
    rows = [_row(line, offset) for line, offset in lines]
    blocks: list[Block] = []
    i = 0
    while i < len(lines):
        if rows[i] is None or not _GAP.search(lines[i][0].strip()):
            i += 1
            continue
        j = i
        found: list[Row] = []
        sections: list[Cell] = []
        while j < len(lines):
            line = lines[j][0]
            if rows[j] is not None:
                found.append(rows[j])  # type: ignore[arg-type]
            elif not (line.strip() and len(line.strip()) <= _MAX_LABEL_LINE and not _SENTENCE_END.search(line.strip())
                      and j + 1 < len(lines) and rows[j + 1] is not None):
                break  # a label line ("Cotton Oils --") only between rows
            else:  # a line of words between rows: what the rows below it count, marked or not
                sections.append(_section(*lines[j]) or _label_line(*lines[j]))
            j += 1
        if sum(1 for r in found if r.label) >= 2 or len(found) >= 3:
            header: list[tuple[Cell, ...]] = []
            k = i - 1
            if k >= 0 and (title := _section(*lines[k])) is not None and not _lead_words(title.text):
                sections.insert(0, title)  # the first section's title, right above its rows
                k -= 1
            while k >= 0 and len(header) < _MAX_HEADER_LINES and (cells := _header(*lines[k])) is not None:
                header.insert(0, cells)
                k -= 1
            above = sections[0].start if sections and sections[0].start < found[0].start else found[0].start
            start = header[0][0].start if header else above
            blocks.append(Block(start=start, end=found[-1].end, header=tuple(header), rows=tuple(found),
                                sections=tuple(sections)))
        i = max(j, i + 1)
    return blocks


def in_blocks(blocks: list[Block], start: int, end: int) -> bool:
    """Whether the text from ``start`` to ``end`` reaches into one of ``blocks``."""
    return any(start < b.end and b.start < end for b in blocks)


def table_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """The model's entities, without those inside a table that no lexicon knows: a column
    title or a row label ("QUOTA", "Sorghum", "Natl Avge") read as a name out of context."""
    if "   " not in text_of(doc):
        return spans
    blocks = table_blocks(text_of(doc))
    if not blocks:
        return spans
    return [s for s in spans if not in_blocks(blocks, s.start_char, s.end_char)
            or country_of(s.text) is not None or known_organization(s.text)]


__all__ = ["Block", "Cell", "Row", "in_blocks", "is_figure", "table_blocks", "table_names"]
