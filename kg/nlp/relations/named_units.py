"""``subOrganizationOf`` read from a name: a body's governing organ named by the body's own
name and an organ noun ("the EC Commission", "the ICCO Council", "the GATT Council", "the ICO
executive board") is a unit of that body, when the article names the body on its own too
("... imports into the EC", "the ICCO has 35 members"). Wire stories name such organs this way
rather than with "of"; a name whose first words name no other body of the article ("Ghana
Cocoa Board", "Australian Wheat Board") is left alone (used by ``organizations``)."""

from __future__ import annotations

from kg.model import Fact, Predicate
from kg.nlp.datafiles import rule_words
from kg.nlp.relations.base import ORGS, Context

CONFIDENCE = {"sub-organ-name": 0.75}


def extract(ctx: Context) -> list[Fact]:
    organs = rule_words("posts", "organ_nouns")
    facts: list[Fact] = []
    seen: set[str] = set()
    for key, mention in ctx.entity_mentions(ORGS):
        if key in seen:
            continue
        seen.add(key)
        parent = _named_parent(ctx, key, organs)
        if parent is not None:
            facts.append(ctx.fact(key, Predicate.SUB_ORGANIZATION_OF, [mention], object=parent,
                                  rule="sub-organ-name", confidence=ctx.confidence("sub-organ-name")))
    return facts


def _named_parent(ctx: Context, key: str, organs: frozenset[str]) -> str | None:
    """The other body whose name opens a name of ``key`` that ends in an organ noun (one or
    three words: "Commission", "executive board", "council of ministers")."""
    for name in ctx.table.entities[key].all_names:
        words = name.split()
        for size in (3, 2, 1):
            if len(words) <= size or " ".join(words[-size:]).lower() not in organs:
                continue
            parents = _bodies_named(ctx, " ".join(words[:-size]), organs) - {key}
            if len(parents) == 1:
                return parents.pop()
    return None


def _bodies_named(ctx: Context, name: str, organs: frozenset[str]) -> set[str]:
    """The bodies of the article that go by ``name``, organs left out: "EC" may be a short
    name given to the Commission too ("EC Farm Commissioner ... the Commission"), which is
    no parent of itself."""
    wanted = name.lower()
    return {key for key, entity in ctx.table.entities.items()
            if entity.type in ORGS and any(n.lower() == wanted for n in entity.all_names)
            and not any(_ends_in_organ(n, organs) for n in entity.all_names)}  # fmt: skip


def _ends_in_organ(name: str, organs: frozenset[str]) -> bool:
    words = name.lower().split()
    return any(" ".join(words[-size:]) in organs for size in (1, 2, 3) if len(words) >= size)
