"""A quota a trader holds, named without a trade word: "Australia said its quota of 7,000
tonnes was roughly equal to its expected output", "Thailand has an EC quota of an average 5.25
mln tonnes a year", "had sought to raise its ICO quota to 3.0 mln from 2.45 mln bags".

In a story about export quotas the bare "quota" of a trader is that trader's export quota: a
planned export (a forecast), read by the flow machinery like "its export quota of 7,000 tonnes".
The story says which quotas it means: it names export quotas ("agreed to adhere to the export
quotas allocated them"), or the holder is an exporter of the story already. A story that names
import quotas (a U.S. sugar import quota, whose holders are its suppliers), production or output
quotas (OPEC's, the EC's sugar quotas) or catch quotas leaves a bare quota unread: its holder's
figure is no export of the holder, or not surely one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.strings import get_string_id
from spacy.tokens import Span, Token

from kg.model import Fact, Predicate
from kg.nlp.doc_index import lowers_of, tokens_with
from kg.nlp.relations.base import ORGS, Context
from kg.nlp.relations.discourse import Topic
from kg.nlp.relations.flow_clause import Flow
from kg.nlp.relations.flow_earnings import earning_verb
from kg.nlp.relations.flow_triggers import clause_end
from kg.nlp.relations.trader_keys import recent_trader, trader_key

_QUOTA = frozenset({"quota", "quotas"})
_QUOTA_HASHES = frozenset(get_string_id(word) for word in _QUOTA)
# A story names export quotas ("export quota", "quotas for exports", "export quota system").
_EXPORT_QUOTAS = re.compile(r"\bexport quotas?\b|\bquotas? (?:on|for) (?:\w+ )?exports\b", re.I)
# Quotas whose holder's figure is no export of the holder: an import quota's holders are its
# suppliers (the importer sets it); production, output, catch and marketing quotas cap what is
# made or caught; OPEC's quotas are output quotas whatever the story calls them.
_OTHER_QUOTAS = re.compile(
    r"\b(?:import|production|output|producer|milk|fishing|catch|marketing|sales|crude|oil) quotas?\b|\bOPEC\b"
    r"|\bquotas? (?:on|for) (?:\w+ )?imports\b", re.I)
# Verbs by which a trader holds a quota ("Thailand has an EC quota of ...").
_HOLDING_VERBS = frozenset({"have", "hold", "get", "receive", "keep", "retain"})
# Verbs that set a quota's level, the figure after "to" ("raise its quota to 3.0 mln").
_LEVEL_VERBS = frozenset({"raise", "cut", "reduce", "lower", "increase", "set", "fix", "lift", "trim", "keep"})


@dataclass(frozen=True)
class HeldQuota:
    """The planned export a held quota opens, and the topic that gives it its holder (and the
    body that granted it, as partner: "an EC quota" is a quota of exports to the EC)."""

    flow: Flow
    topic: Topic

    def quantities(self, read: list[Fact]) -> list[Fact]:
        """The facts a held quota gives: quantities only. A quota of goods counts tonnes or
        bags; an amount in its clause ("to 2.0 mln from 1.65 mln bags" after "300 mln dlrs")
        is a number the money reader lent the story's currency."""
        return [f for f in read if f.predicate is Predicate.EXPORTS and f.quantity is not None]


def held_quota(ctx: Context, sent: Span, index: int, facts: Sequence[Fact], found: Sequence[Flow]) -> HeldQuota | None:
    """The planned export a trader's bare quota with a figure opens, in a story of export
    quotas; None when a flow the sentence found already reads the quota's clause."""
    quotas = [t for t in tokens_with(sent, lowers_of(sent.doc), _QUOTA_HASHES) if t.pos_ == "NOUN"]
    if not quotas:
        return None  # every sentence of every story comes here: read the story only for a quota
    text = ctx.doc.text
    if _OTHER_QUOTAS.search(text):
        return None
    export_story = _EXPORT_QUOTAS.search(text) is not None
    for token in quotas:
        if any(c.dep_ in ("compound", "amod", "nmod") and c.lower_ in ("export", "import", "exports", "imports")
               for c in token.children):
            continue  # "its export quota": the flow words read it already
        if any(flow.anchor.i <= token.i < flow.end and earning_verb(flow.anchor) is None for flow in found):
            continue  # "exports under its quota of 7,000 tonnes": that flow reads the figure
        holder = _holder(ctx, token)
        if holder is None or not _figure_follows(token, sent):
            continue
        if not export_story and not any(f.predicate is Predicate.EXPORTS and f.subject == holder for f in facts):
            continue  # whose quota of what is not said: "Thailand has an EC quota" only after Thailand exported
        granter = next((k for c in token.children if c.dep_ == "compound" and (k := ctx.key(c, ORGS)) is not None), None)
        flow = Flow(anchor=token, exports=True, end=clause_end(sent, token.i, sent.end), planned=True, carried=True)
        return HeldQuota(flow=flow, topic=Topic(trader=holder, goods=None, period=None, exports=True, sentence=index,
                                                partner=granter if granter != holder else None))
    return None


def _holder(ctx: Context, quota: Token) -> str | None:
    """The trader that holds the quota: its owner ("its quota", "Australia's quota") or the
    subject of a verb of holding ("Thailand has an EC quota")."""
    for child in quota.children:
        if child.dep_ == "poss":
            if child.lower_ == "its":
                return recent_trader(ctx, child, sentences=1)
            return trader_key(ctx, child)
    verb = quota.head
    if quota.dep_ == "dobj" and verb.lemma_.lower() in _HOLDING_VERBS:
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        return trader_key(ctx, subject) if subject is not None else None
    return None


def _figure_follows(quota: Token, sent: Span) -> bool:
    """The quota states its level: "quota of 7,000 tonnes", "quota to 3.0 mln from 2.45 mln"."""
    for prep in quota.children:
        if prep.dep_ == "prep" and prep.lower_ == "of" and _has_number(prep.subtree):
            return True
    verb = quota.head
    if quota.dep_ == "dobj" and verb.lemma_.lower() in _LEVEL_VERBS:
        return any(c.dep_ == "prep" and c.lower_ == "to" and _has_number(c.subtree) for c in verb.children)
    return False


def _has_number(tokens) -> bool:
    return any(t.like_num and any(ch.isdigit() for ch in t.text) for t in tokens)
