"""Dependency patterns matched over one shared index of a Doc's parse.

The relation rules use spaCy's DependencyMatcher pattern format, but only the child operator
``>`` and plain attribute tests. The DependencyMatcher tries every combination of the tokens
its pattern nodes match (a cartesian product over each sentence) and runs a token Matcher of
its own; walking down from each candidate head to its children finds the same matches, in
the same order, for a small part of the cost. The attributes are read once per Doc
(``ParseIndex``) and shared by every rule.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy
from spacy.attrs import DEP, HEAD, LEMMA, LOWER, POS, TAG
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.strings import get_string_id
from spacy.tokens import Doc

# Pattern attribute -> (spaCy attribute id, column of the index)
_ATTRS = {"POS": (POS, 0), "DEP": (DEP, 1), "LOWER": (LOWER, 2), "LEMMA": (LEMMA, 3), "TAG": (TAG, 4)}
_COLUMNS = [attr for attr, _ in _ATTRS.values()]


# A node test: (column, accepted hashes)
_Test = tuple[int, frozenset[int]]


class ParseIndex:
    """A Doc's token attributes (as spaCy hashes) and children, read once."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        size = len(doc)
        if size:
            table = doc.to_array([*_COLUMNS, HEAD])
            heads = (table[:, len(_COLUMNS)].astype(numpy.int64) + numpy.arange(size)).tolist()
        else:
            table, heads = numpy.zeros((0, len(_COLUMNS) + 1), dtype=numpy.uint64), []
        self._arrays = numpy.ascontiguousarray(table[:, : len(_COLUMNS)].T)  # a row per attribute
        self.columns: list[list[int]] = [table[:, k].tolist() for k in range(len(_COLUMNS))]
        self.children: list[list[int]] = [[] for _ in range(size)]
        for i, head in enumerate(heads):
            if head != i:  # a root is its own head, and no child of itself
                self.children[head].append(i)
        self.size = size
        self._candidates: dict[tuple[_Test, ...], list[int]] = {}
        self._lowered_lemmas: list[int] | None = None
        self._words_at: dict[tuple[frozenset[str], frozenset[str]], list[int]] = {}

    def with_words(self, start: int, end: int, words: frozenset[str], lemmas: frozenset[str] = frozenset()) -> list[int]:
        """The indexes in ``start:end`` of the tokens whose lower-case form is one of ``words``
        or whose lemma, lower-cased, is one of ``lemmas``: hashes looked up, no Token made
        (a rule that scans every word of a sentence for a few finds them at a fraction of
        the cost)."""
        # Rules ask the same word sets sentence by sentence: each set's places in the whole
        # Doc are found once, and a sentence's are cut out of them.
        everywhere = self._words_at.get((words, lemmas))
        if everywhere is None:
            hashes, lowers = _hashes(words), self.columns[_ATTRS["LOWER"][1]]
            if lemmas:
                lemma_hashes, lemma_of = _hashes(lemmas), self.lowered_lemmas()
                everywhere = [i for i in range(self.size) if lowers[i] in hashes or lemma_of[i] in lemma_hashes]
            else:
                everywhere = [i for i, lower in enumerate(lowers) if lower in hashes]
            self._words_at[(words, lemmas)] = everywhere
        return everywhere[bisect_left(everywhere, start) : bisect_left(everywhere, end)]

    def lowered_lemmas(self) -> list[int]:
        """Each word's lemma in lower case, as its hash (read once per Doc, for every rule
        that looks for lemmas: a string lowered per lemma, not per word and rule)."""
        if self._lowered_lemmas is None:
            lemmas, strings = self.columns[_ATTRS["LEMMA"][1]], self.doc.vocab.strings
            lowered: dict[int, int] = {}
            for lemma in set(lemmas):
                text = strings[lemma]
                lower = text.lower()
                lowered[lemma] = lemma if lower == text else get_string_id(lower)  # most are lower case
            self._lowered_lemmas = [lowered[lemma] for lemma in lemmas]
        return self._lowered_lemmas

    def subtree(self, i: int) -> list[int]:
        """The indexes of ``doc[i].subtree`` (the token and all below it), in no order."""
        found, stack = [], [i]
        while stack:
            k = stack.pop()
            found.append(k)
            stack.extend(self.children[k])
        return found

    def candidates(self, tests: tuple[_Test, ...]) -> list[int]:
        """The token indexes passing ``tests``, in text order (cached: rules share tests)."""
        found = self._candidates.get(tests)
        if found is None and not tests:
            found = self._candidates[tests] = list(range(self.size))
        if found is None:
            # The test of fewest values picks the candidates, and the others are asked only of
            # those: a set lookup per survivor costs less than a whole column's comparison.
            (column, accepted), *others = sorted(tests, key=lambda test: len(test[1]))
            if len(accepted) <= _FEW:
                # A whole column at once, a comparison per value (numpy.isin sorts at every
                # call: tens of microseconds)
                values, passing = self._arrays[column], numpy.zeros(self.size, dtype=bool)
                for value in _array(accepted):
                    passing |= values == value
                found = numpy.flatnonzero(passing).tolist()
            else:
                found = [i for i, value in enumerate(self.columns[column]) if value in accepted]
            for column, accepted in others:
                values = self.columns[column]
                found = [i for i in found if values[i] in accepted]
            self._candidates[tests] = found
        return found


# Up to this many accepted values, a test compares a whole column with each in turn; with
# more, each word's value is looked up in the set.
_FEW = 8


@lru_cache(maxsize=None)  # one per pattern node: a fixed number
def _array(accepted: frozenset[int]) -> numpy.ndarray:
    return numpy.fromiter(accepted, dtype=numpy.uint64, count=len(accepted))


@lru_cache(maxsize=None)  # one per word set of the rules: a fixed number
def _hashes(words: frozenset[str]) -> frozenset[int]:
    return frozenset(get_string_id(w) for w in words)


def _hash(attr: str, value: str) -> int:
    return POS_IDS[value] if attr == "POS" else get_string_id(value)


def _tests(attrs: dict[str, Any]) -> tuple[_Test, ...]:
    tests = []
    for attr, value in attrs.items():
        if attr not in _ATTRS:
            raise ValueError(f"tree pattern attribute {attr!r} is not supported (only {sorted(_ATTRS)})")
        if isinstance(value, dict) and set(value) != {"IN"}:
            raise ValueError(f"tree pattern test {value!r} is not supported (only a value or IN)")
        values = value["IN"] if isinstance(value, dict) else [value]
        tests.append((_ATTRS[attr][1], frozenset(_hash(attr, v) for v in values)))
    return tuple(tests)


class _Pattern:
    """One pattern: nodes in their written order, each below an earlier one (its parent)."""

    def __init__(self, nodes: Sequence[dict[str, Any]]) -> None:
        names: dict[str, int] = {}
        self.tests: list[tuple[_Test, ...]] = []
        self.parents: list[int] = []
        for k, node in enumerate(nodes):
            if k == 0:
                if "LEFT_ID" in node or "REL_OP" in node:
                    raise ValueError(f"the first node of a tree pattern has no parent: {node!r}")
                parent = -1
            else:
                if node.get("REL_OP") != ">" or node.get("LEFT_ID") not in names:
                    raise ValueError(f"tree pattern node {node!r}: only '>' below an earlier node")
                parent = names[node["LEFT_ID"]]
            names[node["RIGHT_ID"]] = k
            self.tests.append(_tests(node.get("RIGHT_ATTRS", {})))
            self.parents.append(parent)

    def matches(self, index: ParseIndex) -> list[tuple[int, ...]]:
        # Node by node, each among its parent's children in text order: the matches come
        # out in the order of their token positions, node by node, as DependencyMatcher's.
        # (Gathered in one list by plain calls: a generator per candidate and per node cost
        # more than the tests.)
        found: list[tuple[int, ...]] = []
        for i in index.candidates(self.tests[0]):
            self._extend(index, (i,), found)
        return found

    def _extend(self, index: ParseIndex, ids: tuple[int, ...], found: list[tuple[int, ...]]) -> None:
        k = len(ids)
        if k == len(self.tests):
            found.append(ids)
            return
        columns, tests = index.columns, self.tests[k]
        for child in index.children[ids[self.parents[k]]]:
            for column, accepted in tests:
                if columns[column][child] not in accepted:
                    break
            else:
                self._extend(index, (*ids, child), found)


class TreePatterns:
    """Named dependency patterns; ``patterns(index)`` lists ``(name, token indexes)``.

    Matches come rule by rule in the order the rules were added, pattern by pattern, each in
    text order, as spaCy's DependencyMatcher lists them."""

    def __init__(self) -> None:
        self._rules: dict[str, list[_Pattern]] = {}

    def add(self, name: str, patterns: Sequence[Sequence[dict[str, Any]]]) -> None:
        self._rules.setdefault(name, []).extend(_Pattern(p) for p in patterns)

    def __call__(self, index: ParseIndex) -> list[tuple[str, tuple[int, ...]]]:
        return [(name, ids) for name, patterns in self._rules.items()
                for pattern in patterns for ids in pattern.matches(index)]  # fmt: skip


__all__ = ["ParseIndex", "TreePatterns"]
