"""kg's SHACL shapes as SPARQL queries that find the article graphs which may not conform.

pySHACL checks one article graph in ~0.1 s of CPU; a store of thousands of articles takes
minutes. These queries check every article graph at once (``GRAPH ?g``) on Oxigraph, and
each names the graphs where a constraint may fail. They err one way only: a graph they do
not name conforms (pySHACL, given that graph and the ontology, finds no violation), while a
graph they name may still conform. ``kg.validate`` then runs pySHACL on the named graphs
alone, so its report is the one pySHACL gives on every graph.

Only what kg's shapes use is compiled (targets by class or by subject of a property,
property paths of one IRI or its inverse, and the core constraints in ``_VALUE`` and
``_SET``); a shape outside that raises ``Unsupported`` and the caller checks every graph.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from kg.vocab.namespaces import OWL, RDF, RDFS, SH

_XSD = "http://www.w3.org/2001/XMLSchema#"


def nt(term: Node) -> str:
    """SPARQL syntax of an IRI or a literal (rdflib writes it)."""
    return term.n3()


RDF_TYPE = nt(RDF.type)
_VARIABLE = re.compile(r"\?[A-Za-z_][A-Za-z0-9_]*")

# Lexical forms every reader takes for a value of the datatype: what Oxigraph holds for a
# valid one (it keeps integers, decimals and dates canonical) and what rdflib parses into a
# Python value. Anything else is left to pySHACL. Year 0000 is valid XSD, but not in Python.
_LEXICAL = {
    _XSD + "boolean": r"^(true|false)$",
    _XSD + "integer": r"^(0|-?[1-9][0-9]{0,17})$",
    _XSD + "decimal": r"^-?(0|[1-9][0-9]{0,17})(\\.[0-9]{0,17}[1-9])?$",
    _XSD + "date": r"^([1-9][0-9]{3}|0[0-9]{2}[1-9]|0[0-9][1-9][0-9]|0[1-9][0-9]{2})-[0-9]{2}-[0-9]{2}$",
    _XSD + "dateTime": r"^([1-9][0-9]{3}|0[0-9]{2}[1-9]|0[0-9][1-9][0-9]|0[1-9][0-9]{2})-[0-9]{2}-[0-9]{2}"
                       r"T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,6})?(Z|[+-][0-9]{2}:[0-9]{2})?$",
}
# Patterns whose XPath (SPARQL) and Python readings agree: anchors, classes, counts, plain text.
_SIMPLE_PATTERN = re.compile(r"\^?(\[[A-Za-z0-9-]+\](\{[0-9]+(,[0-9]*)?\}|[+*?])?|[A-Za-z0-9 _-])*\$?")
# Constraints read per value node; the others (counts, hasValue, lessThan, xone) are per focus.
_VALUE = {SH.datatype, SH["class"], SH.nodeKind, SH.minLength, SH.pattern, SH["in"], SH.minInclusive,
          SH.maxInclusive, SH["or"], SH.node}
_SET = {SH.minCount, SH.maxCount, SH.hasValue, SH.lessThan, SH.xone, SH.property}
_IGNORED = {RDF.type, SH.path, SH.message, SH.name, SH.description, SH.targetClass, SH.targetSubjectsOf,
            RDFS.comment, RDFS.label}


class Unsupported(ValueError):
    """The shapes use SHACL this module does not compile: check every graph instead."""


@dataclass(frozen=True)
class Screen:
    """SELECT queries, each binding ``?g`` to graphs that may not conform, and one that counts
    the focus nodes of each graph (by direct type or subject, as ``kg.validate`` counts them);
    ``focus_by_graph`` gives that count graph by graph (``?g ?n``; graphs with none left out)."""

    queries: tuple[str, ...]
    focus_count: str
    focus_by_graph: str = ""


def restricted(query: str, graphs: Iterable[Node]) -> str:
    """A screen query (``SELECT ... WHERE { ...``, over ``?g``) run on ``graphs`` alone."""
    head, brace, rest = query.partition(" WHERE { ")
    if not brace or "?g" not in head:
        raise ValueError(f"not a screen query: {query[:80]}")
    return f"{head}{brace}VALUES ?g {{ {' '.join(nt(g) for g in graphs)} }} {rest}"


def compile_shapes(shapes: Graph, ontology: Graph) -> Screen:
    """The screen for ``shapes``, validated with ``ontology`` mixed into each data graph."""
    return _Compiler(shapes, ontology).screen()


class _Compiler:
    def __init__(self, shapes: Graph, ontology: Graph) -> None:
        self.shapes = shapes
        self.ontology = ontology
        self.queries: list[str] = []
        # Conditions on the focus nodes of one pattern, each true where a constraint may fail:
        # one query per pattern tests them all (see ``merged``).
        self.conditions: dict[str, list[str]] = {}
        # Patterns binding ``?g ?f`` to the graphs and nodes where a constraint on a property's
        # values fails, found from those values alone: one query per focus pattern joins their
        # few rows to it (see ``found``).
        self.branches: dict[str, list[str]] = {}
        self.seen: set[tuple[Node, str]] = set()

    # -- classes --------------------------------------------------------------------------
    def subclasses(self, cls: Node) -> list[Node]:
        """``cls`` and every class below it in the ontology (pySHACL sees the ontology's
        rdfs:subClassOf in each data graph); an article graph stating its own is screened out."""
        found, todo = {cls}, [cls]
        while todo:
            for sub in self.ontology.subjects(RDFS.subClassOf, todo.pop()):
                if sub not in found:
                    found.add(sub)
                    todo.append(sub)
        return sorted(found)

    def is_instance(self, var: str, cls: Node) -> str:
        classes = " ".join(nt(c) for c in self.subclasses(cls))
        return f"EXISTS {{ GRAPH ?g {{ {var} {RDF_TYPE} ?type_ }} VALUES ?type_ {{ {classes} }} }}"

    # -- shapes ---------------------------------------------------------------------------
    def screen(self) -> Screen:
        self.check_vocabulary()
        focus_parts = [f"{{ ?f {RDF_TYPE} {nt(c)} }}" for c in sorted(set(self.shapes.objects(None, SH.targetClass)))]
        focus_parts += [f"{{ ?f {nt(p)} ?o_ }}" for p in sorted(set(self.shapes.objects(None, SH.targetSubjectsOf)))]
        for shape in sorted(set(self.shapes.subjects(RDF.type, SH.NodeShape))):
            classes = sorted({c for t in self.shapes.objects(shape, SH.targetClass) for c in self.subclasses(t)})
            for cls in classes:
                if (None, RDF.type, cls) in self.ontology:
                    raise Unsupported(f"the ontology has instances of the target class {cls}")
            if classes:
                self.node_shape(shape, f"?f {RDF_TYPE} ?t_ . VALUES ?t_ {{ {' '.join(nt(c) for c in classes)} }}")
            props = sorted(set(self.shapes.objects(shape, SH.targetSubjectsOf)))
            for prop in props:
                if (None, prop, None) in self.ontology:
                    raise Unsupported(f"the ontology uses {prop}, a target of the shapes")
            if props:
                self.node_shape(shape, f"?f ?tp_ ?o_ . VALUES ?tp_ {{ {' '.join(nt(p) for p in props)} }}")
        # A graph that states classes of its own, or describes a term of the ontology, is
        # beyond what these queries model.
        subjects = " ".join(nt(s) for s in sorted(set(self.ontology.subjects())) if isinstance(s, URIRef))
        self.queries.append(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s {nt(RDFS.subClassOf)} ?o }} }}")
        self.queries.append(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} VALUES ?s {{ {subjects} }} }}")
        focus = (
            "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?g ?f WHERE { GRAPH ?g { "
            + " UNION ".join(focus_parts) + " } } }"
        )
        by_graph = ("SELECT ?g (COUNT(DISTINCT ?f) AS ?n) WHERE { GRAPH ?g { "
                    + " UNION ".join(focus_parts) + " } } GROUP BY ?g")
        return Screen(tuple(dict.fromkeys(self.merged() + self.queries)), focus, by_graph)

    def merged(self) -> list[str]:
        """One query per focus pattern, naming the graphs where any of its conditions holds.

        A graph is named by ``FILTER(a || b)`` exactly where it is by ``FILTER(a)`` or by
        ``FILTER(b)``: no condition can raise an error (each is a ``NOT EXISTS``, an ``EXISTS``
        or wrapped in ``COALESCE``), so ``||`` is plain disjunction. The focus nodes are then
        found once per pattern, not once per constraint, and each node once however many
        ways the pattern reaches it (a node of two target classes, an entity every one of its
        mentions refers to): the conditions name no variable of the pattern but ``?g``, ``?f``.
        """
        per_node = [f"SELECT DISTINCT ?g WHERE {{ {{ SELECT DISTINCT ?g ?f WHERE {{ GRAPH ?g {{ {focus} }} }} }} "
                    f"FILTER({' || '.join(dict.fromkeys(conditions))}) }}"
                    for focus, conditions in self.conditions.items()]
        # The branches find their rows without the focus nodes, which are asked for only on
        # those rows (in a well-formed graph, none): EXISTS chains per focus node cost ~2 µs a
        # node each, most of the screen's time. The sub-SELECT keeps the branches' variables
        # out of the focus pattern's.
        # Patterns with the same branches (a shape reached by its targets and by sh:node) share
        # a query: its rows are asked whether they are a focus node of either.
        shared: dict[tuple[str, ...], list[str]] = {}
        for focus, branches in self.branches.items():
            shared.setdefault(tuple(dict.fromkeys(branches)), []).append(focus)
        by_value = [f"SELECT DISTINCT ?g WHERE {{ {{ SELECT ?g ?f WHERE {{ {' UNION '.join(branches)} }} }} "
                    f"FILTER({' || '.join(f'EXISTS {{ GRAPH ?g {{ {focus} }} }}' for focus in focuses)}) }}"
                    for branches, focuses in shared.items()]
        return per_node + by_value

    def found(self, focus: str, branch: str) -> None:
        """Screen the graphs with a focus node of ``focus`` among the ``?g ?f`` that ``branch``
        (a group pattern, ``{ ... }``) binds."""
        self.branches.setdefault(focus, []).append(branch)

    def fails(self, focus: str, condition: str) -> None:
        """Screen the graphs with a focus node of ``focus`` for which ``condition`` holds."""
        if (set(_VARIABLE.findall(focus)) - {"?g", "?f"}) & set(_VARIABLE.findall(condition)):
            # The condition reads a variable the pattern binds: it keeps a query of its own.
            self.add(f"GRAPH ?g {{ {focus} }} FILTER({condition})")
            return
        self.conditions.setdefault(focus, []).append(condition)

    def check_vocabulary(self) -> None:
        allowed = _VALUE | _SET | _IGNORED | {SH.inversePath, RDF.first, RDF.rest}
        for predicate in set(self.shapes.predicates()):
            if str(predicate).startswith(str(SH)) and predicate not in allowed:
                raise Unsupported(f"{predicate} is not compiled")
        nodes = set(self.shapes.subjects(RDF.type, SH.NodeShape))
        for target in (SH.targetClass, SH.targetSubjectsOf):
            if set(self.shapes.subjects(target, None)) - nodes:
                raise Unsupported("targets on shapes other than node shapes are not compiled")
        for shape in nodes:
            if {(shape, RDF.type, RDFS.Class), (shape, RDF.type, OWL.Class)} & set(self.shapes.triples((shape, RDF.type, None))):
                raise Unsupported("implicit class targets are not compiled")
            if set(self.shapes.predicates(shape)) - (_VALUE | _IGNORED | {SH.xone, SH.property}) or (shape, SH.node, None) in self.shapes:
                raise Unsupported(f"node shape {shape} has constraints that are not compiled")

    def node_shape(self, shape: Node, focus: str) -> None:
        """Queries for every constraint of ``shape`` on the focus nodes ``?f`` of ``focus``."""
        if (shape, focus) in self.seen:  # a shape that reaches itself through sh:node
            return
        self.seen.add((shape, focus))
        self.value_constraints(shape, focus, "?f", path=None)
        for members in self.shapes.objects(shape, SH.xone):
            self.xone(list(Collection(self.shapes, members)), focus)
        for prop in self.shapes.objects(shape, SH.property):
            self.property_shape(prop, focus)

    def path(self, shape: Node) -> tuple[str, str]:
        """(pattern from ``?f`` to ``?v``, the same from a given subject) of a property shape."""
        path = self.shapes.value(shape, SH.path)
        if isinstance(path, URIRef):
            return f"?f {nt(path)} ?v", nt(path)
        inverse = self.shapes.value(path, SH.inversePath) if isinstance(path, BNode) else None
        if isinstance(inverse, URIRef) and len(set(self.shapes.predicate_objects(path))) == 1:
            return f"?v {nt(inverse)} ?f", f"^{nt(inverse)}"
        raise Unsupported(f"path {path!r} is not compiled")

    def property_shape(self, shape: Node, focus: str) -> None:
        if set(self.shapes.predicates(shape)) - (_VALUE | _IGNORED | {SH.minCount, SH.maxCount, SH.hasValue, SH.lessThan}):
            raise Unsupported(f"property shape {shape} has constraints that are not compiled")
        step, _ = self.path(shape)
        for count in self.shapes.objects(shape, SH.minCount):
            if int(count) > 1:
                raise Unsupported("sh:minCount above 1 is not compiled")
            if int(count) == 1:
                self.fails(focus, f"NOT EXISTS {{ GRAPH ?g {{ {step} }} }}")
        for count in self.shapes.objects(shape, SH.maxCount):
            # Grouped over the path's statements alone, a branch of the pattern's one query
            # (a grouped query per constraint, joined to the focus nodes, was 50 of kg's queries).
            self.found(focus, f"{{ SELECT ?g ?f WHERE {{ GRAPH ?g {{ {step} }} }} GROUP BY ?g ?f "
                              f"HAVING (COUNT(DISTINCT ?v) > {int(count)}) }}")
        for value in self.shapes.objects(shape, SH.hasValue):
            self.fails(focus, f"NOT EXISTS {{ GRAPH ?g {{ {step} FILTER(sameTerm(?v, {nt(value)})) }} }}")
        for other in self.shapes.objects(shape, SH.lessThan):
            self.found(focus, f"{{ GRAPH ?g {{ {step} . ?f {nt(other)} ?w }} FILTER(COALESCE(!(?v < ?w), true)) }}")
        self.value_constraints(shape, focus, "?v", path=step)

    def value_constraints(self, shape: Node, focus: str, var: str, *, path: str | None) -> None:
        """Constraints on ``var``: the focus nodes of ``focus`` themselves, or (``path``) the
        values the path reaches from them."""
        checks = self.checks(shape, var)
        fail = f"!COALESCE({' && '.join(checks)}, false)"
        if checks and path is None:
            self.fails(focus, fail)
        elif checks:
            self.found(focus, f"{{ GRAPH ?g {{ {path} }} FILTER({fail}) }}")
        pattern = focus if path is None else f"{focus} {path} ."
        for node in self.shapes.objects(shape, SH.node):
            if var == "?f":
                raise Unsupported("sh:node on a node shape is not compiled")
            # The values must conform to the shape: screen them as its focus nodes.
            self.node_shape(node, pattern.replace("?f", "?x_").replace("?v", "?f"))

    def checks(self, shape: Node, var: str) -> list[str]:
        """SPARQL conditions on ``var`` that hold only where pySHACL finds the value fine."""
        checks = []
        for datatype in self.shapes.objects(shape, SH.datatype):
            checks.append(self.datatype_ok(var, datatype))
        for cls in self.shapes.objects(shape, SH["class"]):
            checks.append(f"(!isLiteral({var}) && {self.is_instance(var, cls)})")
        for kind in self.shapes.objects(shape, SH.nodeKind):
            if kind != SH.IRI:
                raise Unsupported(f"sh:nodeKind {kind} is not compiled")
            checks.append(f"isIRI({var})")
        for length in self.shapes.objects(shape, SH.minLength):
            checks.append(f"(!isBlank({var}) && STRLEN(STR({var})) >= {int(length)})")
        for pattern in self.shapes.objects(shape, SH.pattern):
            if self.shapes.value(shape, SH.flags) is not None or not _SIMPLE_PATTERN.fullmatch(str(pattern)):
                raise Unsupported(f"sh:pattern {pattern!r} is not compiled")
            checks.append(f"(!isBlank({var}) && REGEX(STR({var}), {nt(Literal(str(pattern)))}))")
        for members in self.shapes.objects(shape, SH["in"]):
            values = list(Collection(self.shapes, members))
            # Term equality: a literal in the list matches the same literal only.
            checks.append("(" + " || ".join(f"sameTerm({var}, {nt(v)})" for v in values) + ")" if values else "false")
        for bound in self.shapes.objects(shape, SH.minInclusive):
            checks.append(f"(isNumeric({var}) && {var} >= {self.number(bound)})")
        for bound in self.shapes.objects(shape, SH.maxInclusive):
            checks.append(f"(isNumeric({var}) && {var} <= {self.number(bound)})")
        for members in self.shapes.objects(shape, SH["or"]):
            options = []
            for member in Collection(self.shapes, members):
                if set(self.shapes.predicates(member)) - (_VALUE | {RDF.type}) or (member, SH.node, None) in self.shapes:
                    raise Unsupported("sh:or of shapes other than value constraints is not compiled")
                inner = self.checks(member, var)
                options.append("(" + " && ".join(inner or ["true"]) + ")")
            checks.append("(" + " || ".join(options) + ")")
        return checks

    def datatype_ok(self, var: str, datatype: Node) -> str:
        if str(datatype) == _XSD + "string":
            return f"(isLiteral({var}) && datatype({var}) = {nt(datatype)})"
        lexical = _LEXICAL.get(str(datatype))
        if lexical is None:
            raise Unsupported(f"sh:datatype {datatype} is not compiled")
        # A value Oxigraph holds as valid round-trips through its cast unchanged.
        cast = f"STR({nt(datatype)}(STR({var}))) = STR({var})"
        return f"(isLiteral({var}) && datatype({var}) = {nt(datatype)} && REGEX(STR({var}), \"{lexical}\") && {cast})"

    def number(self, bound: Node) -> str:
        if not isinstance(bound, Literal) or not isinstance(bound.toPython(), (int, float)) or isinstance(bound.toPython(), bool):
            raise Unsupported(f"bound {bound!r} is not compiled")
        return nt(bound)

    def xone(self, members: Iterable[Node], focus: str) -> None:
        # pySHACL wants exactly one member to conform. A graph passes the screen only where
        # one member surely conforms and every other surely does not.
        verdicts = [self.member(member) for member in members]
        clear = [
            " && ".join([ok] + [bad for j, (_, bad) in enumerate(verdicts) if j != i])
            for i, (ok, _) in enumerate(verdicts)
        ]
        self.fails(focus, f"!COALESCE(({') || ('.join(clear)}), false)")

    def member(self, shape: Node) -> tuple[str, str]:
        """(surely conforms, surely does not) of ``?f`` for a member of sh:xone."""
        if (shape, SH.path, None) in self.shapes:  # a property shape standing alone
            return self.member_property(shape)
        allowed = _VALUE | _IGNORED | {SH.property}
        if set(self.shapes.predicates(shape)) - allowed or (shape, SH.node, None) in self.shapes:
            raise Unsupported(f"sh:xone member {shape} is not compiled")
        oks, bads = [], []
        checks = self.checks(shape, "?f")
        oks += checks
        for cls in self.shapes.objects(shape, SH["class"]):
            bads.append(f"!{self.is_instance('?f', cls)}")
        for prop in self.shapes.objects(shape, SH.property):
            ok, bad = self.member_property(prop)
            oks.append(ok)
            bads.append(bad)
        return "(" + " && ".join(oks or ["true"]) + ")", "(" + " || ".join(bads or ["false"]) + ")"

    def member_property(self, shape: Node) -> tuple[str, str]:
        allowed = _VALUE | _IGNORED | {SH.minCount, SH.maxCount}
        if set(self.shapes.predicates(shape)) - allowed or (shape, SH.node, None) in self.shapes:
            raise Unsupported(f"sh:xone member {shape} is not compiled")
        _, step = self.path(shape)
        has = f"EXISTS {{ GRAPH ?g {{ ?f {step} ?x_ }} }}"
        oks, bads = [], []
        for count in self.shapes.objects(shape, SH.minCount):
            if int(count) > 1:
                raise Unsupported("sh:minCount above 1 is not compiled")
            if int(count) == 1:
                oks.append(has)
                bads.append(f"!{has}")
        for count in self.shapes.objects(shape, SH.maxCount):
            if int(count) != 0:
                raise Unsupported("sh:maxCount above 0 in sh:xone is not compiled")
            oks.append(f"!{has}")
            bads.append(has)
        checks = self.checks(shape, "?x_")
        if checks:
            oks.append(f"NOT EXISTS {{ GRAPH ?g {{ ?f {step} ?x_ }} FILTER(!COALESCE({' && '.join(checks)}, false)) }}")
        for members in self.shapes.objects(shape, SH["in"]):
            # A value outside the list surely fails: sh:in is term equality.
            values = ", ".join(nt(v) for v in Collection(self.shapes, members))
            bads.append(f"EXISTS {{ GRAPH ?g {{ ?f {step} ?x_ }} FILTER(!COALESCE(?x_ IN ({values}), false)) }}")
        return "(" + " && ".join(oks or ["true"]) + ")", "(" + " || ".join(bads or ["false"]) + ")"

    def add(self, where: str) -> None:
        self.queries.append(f"SELECT DISTINCT ?g WHERE {{ {where} }}")
