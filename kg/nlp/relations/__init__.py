"""Relation extraction: from a parsed Doc and its mention table to Facts.

Each module reads one family of relations from the dependency parse:
``posts`` (holdsPost, nationality; with ``titles``, ``post_bodies``, ``nationality`` and
``national``), ``organizations`` (subOrganizationOf, basedIn), ``places`` (locatedIn),
``speech`` (said; with ``speakers``, ``speaker_names``, ``speaking_bodies``,
``document_sources``, ``closing_speakers`` and ``quotes``), ``sources`` (said, for wire
sources), ``trade`` (exports, exportValue; with ``money`` and ``exporters``), ``flows``
(newswire trade clauses: exports, imports and their values with partner, period and
forecast; a flow named without a figure in ``flow_figureless``, the earlier flow a clause
goes on from in ``flow_antecedents``, a flow stated again for another period in
``flow_restatements``), which ``discourse`` tells what the sentences before stated; a flow
clause (``flow_clause``) is found by ``flow_triggers`` and read by ``flow_traders`` (with
``flow_purchasers`` and ``body_countries``), ``flow_partners``, ``flow_goods``,
``flow_figures`` (with ``flow_parts``, ``flow_figure_kinds``, ``flow_figure_units``,
``flow_figure_lists`` and ``flow_figure_periods``) and ``flow_periods``;
some clauses say trade without a trade word: ships loading (``flow_loadings``), goods taken
from the market (``flow_market_takings``), a shipment made by a country (``flow_makers``), a
relative clause or a participle about its own figure (``flow_relatives``); a gerund's
trader is its clause's subject (``flow_gerunds``), a flow a cause or forecaster moves to a
figure is the story's (``flow_moved_objects``), and a bag's weight is no figure
(``flow_unit_weights``); a trader's title names goods it trades without a figure
(``flow_titles``: "Chile, the biggest copper exporter") or says with "be" (``flow_chief_goods``:
"copper is Zambia's main export"), a loan repaid in kind is an export back
(``flow_repayments``), and a figureless flow of a list of owners is each one's (``flow_owners``:
"British and Greek imports").
``quantities``, ``dates`` and ``periods`` (with ``period_dates``) normalize numbers, dates and periods for them.
``tables`` keeps the sentence rules out of tables set in columns and, with ``lists``, reads
per-partner breakdowns whose lead (``leads``) makes their meaning certain; ``flow_breakdowns``
reads a total broken down into its goods ("comprising 1.5 mln wheat/1.0 mln barley"), its
parts opened and read as ``flow_parts`` reads a figure's;
``awards`` reads the rows of tender award lists as sales of their sellers; last,
``learned_figures`` weighs the trade figures no rule used with a trained model.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc

from kg.model import Article, Fact, Predicate
from kg.nlp.mentions import MentionTable
from kg.nlp.relations import (awards, contracts, flow_breakdowns, flow_chief_goods, flow_goods_lists, flow_repayments,
                              flow_report_guesses, flow_titles, flows, gapped, learned_figures, lists, named_units,
                              organizations, parent_companies, places, posts, sources, speech, tables, trade,
                              trader_bodies)
from kg.nlp.relations.base import Context
from kg.nlp.relations.figureless_duplicates import without_figured_duplicates
from kg.nlp.relations.story_partners import with_story_partners
from kg.nlp.relations.trading_bases import without_trading_bases
from kg.vocab.predicates import identity

if TYPE_CHECKING:
    from kg.nlp.rules import RelationRules

_MODULES = (posts, organizations, named_units, parent_companies, trader_bodies, places, speech, sources, trade, flows, flow_goods_lists,
            flow_titles, flow_chief_goods)


def extract_facts(doc: Doc, article: Article, table: MentionTable, *, rules: RelationRules) -> list[Fact]:
    """Every fact the rules read from ``doc``, without duplicates, in text order."""
    ctx = Context(doc, article, table, rules=rules)
    facts: list[Fact] = []
    for module in _MODULES:
        facts.extend(module.extract(ctx))
    # tables and lists: their rows are read only where a lead says what they count, and no
    # sentence rule reads a table's lines
    facts = tables.outside(ctx, facts)
    facts.extend([*tables.extract(ctx, facts), *lists.extract(ctx, facts), *awards.extract(ctx, facts),
                  *contracts.extract(ctx, facts)])
    facts.extend(gapped.extract(ctx, facts))
    facts.extend(flow_report_guesses.extract(ctx, facts))
    facts.extend(flow_repayments.extract(ctx, facts))
    facts.extend(flow_breakdowns.extract(ctx, facts))
    facts.extend(places.chained(facts))
    facts = _said_once(_one_goods_reading(without_figured_duplicates(_newswire_first(facts))))
    facts = with_story_partners(ctx, facts)  # a partner stated elsewhere in the story
    facts = without_trading_bases(ctx, facts)  # a dealer's city is no partner
    # the learned step reads only the figures the rules left: it comes after all of them
    return _deduplicate([*facts, *learned_figures.extract(ctx, facts, rules.figure_model)])


def _said_once(facts: list[Fact]) -> list[Fact]:
    """``sources`` speaks only for sentences ``speech`` did not already give to a source:
    one statement, one fact."""
    attributed = {f.sentence for f in facts if f.predicate is Predicate.SAID and not f.extractor.startswith("source-")}
    kept: list[Fact] = []
    seen: set[tuple[str, str]] = set()
    for f in facts:
        if f.predicate is Predicate.SAID and f.extractor.startswith("source-"):
            if f.sentence in attributed or (f.subject, f.sentence) in seen:
                continue
            seen.add((f.subject, f.sentence))
        kept.append(f)
    return kept


def _newswire_first(facts: list[Fact]) -> list[Fact]:
    """Where ``flows`` read a sentence's trade figures (with product, partner, period and
    comparisons), ``trade``'s reading of the same sentence adds nothing but its slips
    ("dropped 97 mln dlrs to 233.6 mln" read as 97 mln)."""
    trade_predicates = (Predicate.EXPORTS, Predicate.EXPORT_VALUE, Predicate.IMPORTS, Predicate.IMPORT_VALUE)
    # only a figure flows read counts: goods it named without one leave trade's figures alone
    # (a value reads the whole sentence; goods are read one by one, so another listed good
    # that only trade read stays: "1.5 million doses of the vaccine and 400,000 syringes")
    read = {(f.predicate, f.sentence, f.object if f.quantity is not None else None) for f in facts
            if f.extractor.startswith("flow-") and (f.quantity is not None or f.amount is not None)}  # fmt: skip
    # goods named without a figure add nothing where the article gives their figure, unless
    # they go to a partner no figure goes to ("exported 20,000 tonnes of barley in May ... it
    # also sold barley to Japan")
    counted = {(f.subject, f.predicate, f.object, partner) for f in facts
               if f.predicate in trade_predicates and f.quantity is not None for partner in (None, f.partner)}  # fmt: skip
    return [f for f in facts
            if not (f.extractor == "flow-goods" and (f.subject, f.predicate, f.object, f.partner) in counted)
            and (f.extractor.startswith("flow-") or f.predicate not in trade_predicates
                 or (f.predicate, f.sentence, f.object if f.quantity is not None else None) not in read)]


def _one_goods_reading(facts: list[Fact]) -> list[Fact]:
    """Goods a sentence names as traded without a figure are one flow per trader, goods,
    partner and period, whichever rules read them: "Korea has exported cars to Europe" is no
    flow to nowhere besides, a period another sentence gave one reading adds nothing to
    the sentence's own ("the biggest importer of Ghanaian cocoa" at present), and an undated
    reading adds nothing to one the sentence dates ("will still be exporting hardwood in 2010")."""
    goods_only = [f for f in facts if f.predicate in (Predicate.EXPORTS, Predicate.IMPORTS)
                  and f.quantity is None and f.object is not None]  # fmt: skip
    placed = {(f.sentence, f.subject, f.predicate, f.object) for f in goods_only if f.partner}
    readings: dict[tuple, list[Fact]] = {}
    for f in goods_only:
        readings.setdefault((f.sentence, f.subject, f.predicate, f.object, f.partner), []).append(f)
    kept: set[int] = set()
    for key, group in readings.items():
        if key[4] is None and key[:4] in placed:
            continue
        # an undated reading beside one dated from outside the sentence: the sentence dates none
        own = [f for f in group if f.period is None or f.period in f.sentence] \
            if any(f.period is None for f in group) else group
        if any(f.period is not None for f in own):
            own = [f for f in own if f.period is not None]  # the sentence dates it: an undated reading adds nothing
        best: dict[str | None, Fact] = {}
        for f in own:
            if f.period not in best or f.confidence > best[f.period].confidence:
                best[f.period] = f
        kept.update(id(f) for f in best.values())
    dropped = {id(f) for f in goods_only} - kept
    return [f for f in facts if id(f) not in dropped]


def _deduplicate(facts: list[Fact]) -> list[Fact]:
    # The same fact read twice (two rules, or two mentions in one sentence) is kept once,
    # with the provenance of the most confident reading.
    best: dict[tuple, Fact] = {}
    for fact in facts:
        key = identity(fact)
        if key not in best or fact.confidence > best[key].confidence:
            best[key] = fact
    # A post read with its title makes the same post read without one redundant.
    titled = {(f.subject, f.object) for f in best.values() if f.predicate is Predicate.HOLDS_POST and f.role}
    kept = [f for f in best.values()
            if not (f.predicate is Predicate.HOLDS_POST and not f.role and (f.subject, f.object) in titled)]
    return sorted(kept, key=lambda f: (f.start, f.end, f.predicate.value, f.subject))


__all__ = ["extract_facts"]
