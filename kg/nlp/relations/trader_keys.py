"""Who trades, as the flow readers of traders, sales and licences all ask it: the entity a
token names as a trader (a country, an exporting body, or a territory that trades on its own
account), and the country a trade story is about when a clause names none."""

from __future__ import annotations

from spacy.tokens import Token

from kg.model import EntityType
from kg.nlp.climb import first_conjunct
from kg.nlp.currency_homes import currency_homes
from kg.nlp.gazetteer import country_of
from kg.nlp.latent_countries import acronym_seat_name
from kg.nlp.names import country_in_name
from kg.nlp.relations.base import COUNTRY, ORGS, Context
from kg.nlp.relations.capital_traders import capital_country
from kg.nlp.relations.exporters import EXPORTERS
from kg.nlp.relations.flow_clause import flow_words, made_in
from kg.nlp.relations.titles import named_before_ticker
from kg.nlp.relations.union_traders import story_union


def trader_key(ctx: Context, token: Token) -> str | None:
    token = named_before_ticker(token)  # "Hyundai Motor Co <HYUN.SE> sold ...": the company
    key = ctx.key(token, EXPORTERS)
    if key is None and (place := ctx.key(token, frozenset({EntityType.PLACE}))) and is_territory(ctx, place):
        key = place
    if key is None:
        key = capital_country(ctx, token)  # "Moscow bought 6.8 mln tonnes of corn": the Soviet Union
    return key


def trader_or_nation(ctx: Context, token: Token) -> str | None:
    """A trader's key, or the country a demonym names ("Dutch" in "Dutch imports")."""
    return trader_key(ctx, token) or ctx.country_of_demonym(token)


def recent_trader(ctx: Context, token: Token, *, sentences: int = 2) -> str | None:
    """The trader named last before ``token`` (what "its" in "its exports" stands for): a
    country or a body, or a territory ("Taiwan agreed to limit its steel exports"), never
    another place ("a producer in Kaohsiung ... its exports")."""
    key = ctx.recent(token, EXPORTERS | frozenset({EntityType.PLACE}), sentences=sentences)
    if key is not None and ctx.type(key) is EntityType.PLACE and not is_territory(ctx, key):
        return ctx.recent(token, EXPORTERS, sentences=sentences)
    return key


def story_country(ctx: Context) -> str | None:
    """The country (or territory) a trade story is about: the first one its text names,
    other than as a partner ("imports from Canada"); in a story naming no country, the one
    union of countries it names (``union_traders``)."""
    cached = getattr(ctx, "_story_country", False)
    if cached is not False:
        return cached
    found = None
    for key, mention in ctx.entity_mentions(frozenset({EntityType.COUNTRY, EntityType.PLACE})):
        if made_in(mention[-1]):
            continue  # "Japanese-made cars": where the goods come from
        root = first_conjunct(mention.root)  # "imports to the EC and Japan": Japan is where they go too
        if root.dep_ == "pobj" and root.head.lower_ in flow_words("owner_blocking_preps") | {"in", "at", "of"}:
            continue
        if ctx.type(key) is EntityType.PLACE and not is_territory(ctx, key):
            continue
        found = key
        break
    if found is None:  # "Saudi crude oil output": a demonym names it
        for t in ctx.doc:
            if t.pos_ in ("ADJ", "PROPN") and t.is_title and country_of(t.text) is None and not made_in(t) \
                    and (k := ctx.country_of_demonym(t)):
                found = k
                break
    if found is None:  # "a surplus of 119.1 mln N.Z. Dlrs": the currency names it
        found = next((k for _, country in currency_homes(ctx.doc)
                      if (k := ctx.key_by_name(country.name, COUNTRY))), None)  # fmt: skip
    if found is None:  # "the American Petroleum Institute said": the reporting body's name carries it
        found = _carried_country(ctx)
    if found is None:  # "The Belgo-Luxembourg Economic Union moved into a trade surplus": the union trades
        found = story_union(ctx)
    ctx._story_country = found  # type: ignore[attr-defined]
    return found


def _carried_country(ctx: Context) -> str | None:
    """The one country the story names only inside a body's name ("the Canadian Grain
    Commission", "the Bank of Thailand"), where the body is no partner ("sales of sorghum to
    the Soviet Trade Ministry" are no Soviet sales). None when bodies carry two countries:
    the story could be either's."""
    blocking = flow_words("owner_blocking_preps")
    found = set()
    for _, mention in ctx.entity_mentions(ORGS):
        root = first_conjunct(mention.root)
        if root.dep_ == "pobj" and root.head.lower_ in blocking:
            continue
        carried = country_in_name(mention)
        if carried is not None and (key := ctx.key_by_name(carried[0].name, COUNTRY)) is not None:
            found.add(key)
    return found.pop() if len(found) == 1 else None


def acronym_seat(ctx: Context) -> str | None:
    """The one country whose well-known national bodies the story names by acronym ("USDA":
    the United States; resolution made it a latent entity, ``latent_countries``). None when
    acronyms carry two countries. Not the story's country by itself: "exports insured by the
    ECGD" are not all of Britain's; a report's frame asks it (``flow_report_guesses``)."""
    found = set()
    for _, mention in ctx.entity_mentions(ORGS):
        seat = acronym_seat_name(mention.text, ctx.article.published)
        if seat and (key := ctx.key_by_name(seat, COUNTRY)) is not None:
            found.add(key)
    return found.pop() if len(found) == 1 else None


_SPEAKER_NOUNS = frozenset({"source", "official", "trader", "exporter", "producer", "dealer", "grower", "analyst"})


def speaker_country(ctx: Context, noun: Token) -> str | None:
    """The country the speaker of the sentence is of, when it says so ("Brazilian sugar
    industry sources said", "Officials in Peru said"): whose ownerless trade it reports."""
    root = noun.sent.root
    if root.lemma_.lower() not in ("say", "report", "tell", "add", "note") or noun.head is root:
        return None
    for subject in (c for c in root.children if c.dep_ == "nsubj" and c.lemma_.lower() in _SPEAKER_NOUNS):
        # people, not a body: "the U.S. Agriculture Department said" reports other countries' trade
        for t in subject.subtree:
            if (k := ctx.key(t, frozenset({EntityType.COUNTRY}))) or (
                    t.pos_ in ("ADJ", "PROPN") and not made_in(t) and (k := ctx.country_of_demonym(t))):
                return k
    return None


def is_territory(ctx: Context, key: str) -> bool:
    """A place that trades on its own account: one the story calls by its own name as a
    trader ("Taiwan's exports") is one; a city is not."""
    names = {n.lower() for n in ctx.table.entities[key].all_names}
    return bool(names & flow_words("territories"))
