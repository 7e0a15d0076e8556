"""The ``kg_entities`` component: statistical NER corrected and completed by lexicons.

After it runs, ``doc.ents`` carry kg's entity types (``kg.model.EntityType``) as labels
("Official", "Person", "Agency", "Organization", "Country", "Place", "Product", "Disease",
"Event", "Other"). Spans the model found that are no kg entity keep their spaCy label (DATE,
MONEY, CARDINAL, NORP ...), because relation rules read numbers, dates and demonyms from them.

Like spaCy's own rulers, the component owns its matchers: built in ``__init__`` from the data
files its config names, and saved with the pipeline by ``to_disk`` (a saved pipeline keeps
the lexicons it was saved with). Installed kg registers the factory through the
``spacy_factories`` entry point, so any pipeline can add it by name:

>>> import spacy
>>> nlp = spacy.blank("en")
>>> nlp.add_pipe("kg_entities").settings["patterns"]
'entity_patterns.jsonl'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import srsly
from spacy import util
from spacy.attrs import LEMMA, LOWER, POS
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from kg.model import EntityType
from kg.nlp import gazetteer, lexicon
from kg.nlp.award_rows import award_rows
from kg.nlp.bracketed import bracketed
from kg.nlp.company_names import mended_company_names
from kg.nlp.currency_homes import in_an_amount
from kg.nlp.counted_goods import closed_compound, counted_heads, size_class_end
from kg.nlp.cues import (based_places, consistent_places, listed_regions, names_government_debt,
                         opens_other_name, owned_by_country)
from kg.nlp.datafiles import rule_words
from kg.nlp.datelines import dateline_places
from kg.nlp.goods import (counted_from, exemplified_goods, form_of_goods, graded_from, goods_flow, in_goods_context,
                          known_products,
                          measured_goods, plural_forms, product_acronyms, product_plurals, trade_sentence)
from kg.nlp.gazetteer import country_of
from kg.nlp.goods_kinds import kind_items
from kg.nlp.lexicon import is_title, norm
from kg.nlp.matcher_sets import quick_set_tests
from kg.nlp.names import after_portfolio, whole_person_name
from kg.nlp.offices import holds_title, names_after_titles
from kg.nlp.longer_names import opens_longer_name
from kg.nlp.royals import royal_names
from kg.nlp.title_fields import field_after_title
from kg.nlp.results import result_teams
from kg.nlp.retype import retype
from kg.nlp.run_on_places import places_apart
from kg.nlp.spans import POSSESSIVE, is_organization_token, org_kind, trim
from kg.nlp.tables import table_names

KG_LABELS = frozenset(t.value for t in EntityType)
_REFERRING = frozenset({"the", "a", "an", "this", "that", "these", "those"})
_DELIVERY_WORDS = frozenset({"arrival", "shipment", "delivery", "loading"})
# Product modifiers that judge or count rather than say what the goods are.
_NOT_PRODUCT_MODIFIER = frozenset(
    {"problematic", "certain", "other", "such", "more", "many", "new", "various", "recent",
     "extra", "additional", "much", "enough", "needed", "crucial", "essential", "urgent",
     "exported", "imported", "domestic", "foreign", "global", "several", "some", "these",
     "those", "million", "billion", "thousand", "faulty", "defective", "substandard", "fake",
     "own", "first", "last", "most", "potential", "possible", "cheap", "expensive", "large",
     "small", "big", "key", "vital", "necessary", "critical", "scarce", "much-needed", "popular",
     # "current series white sugar", "new crop wheat": the campaign, not the goods
     "current", "series", "crop", "season",
     # "intervention barley", "stock sugar": where the goods are sold from, not what they are
     "intervention", "stock",
     # "carryover barley stocks": stocks carried into a season, not other goods
     "carryover", "carry-over",
     # "Chinese origin beans", "optional origin soybean oil" (the seller picks where they
     # come from): where the goods come from, not what they are
     "origin", "optional",
     # "further whites purchases", "total barley and wheat exports": how much, not what
     "further", "total", "overall", "combined",
     # "May arrival white sugar", "April shipment wheat": when the goods go, not what they are
     *_DELIVERY_WORDS}
)

# Every setting of the component: the data files its matchers are built from, each a file of
# kg/nlp/data or a path to a file laid out the same way (kg.nlp.datafiles.load).
DEFAULT_CONFIG: dict[str, str] = {
    "patterns": "entity_patterns.jsonl",
    "countries": "countries.tsv",
    "ambiguous_countries": "ambiguous_countries.txt",
    "organizations": "organizations.tsv",
    "diseases": "diseases.txt",
    "products": "products.tsv",
    "product_heads": "product_heads.txt",
    "commodity_heads": "commodity_heads.txt",
}


def kg_label(span: Span) -> str | None:
    """The kg type of an entity span, or None for spans that are no kg entity."""
    return span.label_ if span.label_ in KG_LABELS else None


@Language.factory(
    "kg_entities",
    assigns=["doc.ents"],
    requires=["token.pos", "token.dep", "token.lemma", "doc.ents"],
    default_config=DEFAULT_CONFIG,
)
def make_entities(
    nlp: Language, name: str, patterns: str, countries: str, ambiguous_countries: str,
    organizations: str, diseases: str, products: str, product_heads: str, commodity_heads: str,
) -> EntityTyper:
    return EntityTyper(
        nlp, name, patterns=patterns, countries=countries, ambiguous_countries=ambiguous_countries,
        organizations=organizations, diseases=diseases, products=products,
        product_heads=product_heads, commodity_heads=commodity_heads,
    )


def _organization_key(text: str) -> str:
    # As kg.nlp.lexicon.known_organization reads a name: "the WHO" is "who".
    return norm(re.sub(r"^the\s+", "", text, flags=re.I))


# Marks that end a phrase: a country's name before one opens no body's name after it.
_CLAUSE_MARKS = frozenset({",", ";", ":", ".", "(", ")"})

# A verb and the goods word its idiom takes as object, naming no goods ("to follow suit").
_IDIOMS = frozenset({("follow", "suit")})

# Model labels of names: a name is never part of the goods' name.
_MODEL_NAMES = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})

# "Japanese-made cars": the word after the origin's hyphen says where, not what.
_ORIGIN_WORDS = frozenset({"made", "built", "produced", "grown", "manufactured", "assembled"})


def _delivery_month(token) -> bool:
    """ "May" in "May arrival white sugar": the month the goods are delivered in."""
    doc = token.doc
    return token.lower_ in rule_words("dates", "months") and token.i + 1 < len(doc) \
        and doc[token.i + 1].lower_ in _DELIVERY_WORDS


def _national(token) -> bool:
    """A country name or demonym before goods says where they come from, not what they are."""
    if token.ent_type_ in ("GPE", "NORP") and token.is_title or token.text.isupper() and token.ent_type_ == "GPE":
        return True
    return token.is_title and (gazetteer.country_of_demonym(token.text) is not None
                               or gazetteer.country_of(token.text) is not None)


# Patterns that end on a body noun of a country ("China's foreign ministry", "its customs")
_BODY_RULES = frozenset({"national_body", "its_body", "country_body"})

class EntityTyper:
    """Adds lexicon and pattern spans to the model's entities and gives them kg types."""

    def __init__(self, nlp: Language, name: str = "kg_entities", **settings: str) -> None:
        unknown = set(settings) - set(DEFAULT_CONFIG)
        if unknown:
            raise ValueError(f"kg_entities has no setting {', '.join(sorted(unknown))}; "
                             f"its settings are {', '.join(DEFAULT_CONFIG)}")
        self.name = name
        self.vocab = nlp.vocab
        self._make_doc: Callable[[str], Doc] = nlp.make_doc
        self.settings = {**DEFAULT_CONFIG, **settings}
        self.data = _lexicon_data(self.settings)
        self._build()

    # ------------------------------------------------------------ matchers and their data

    def _build(self) -> None:
        """(Re)build every matcher from ``self.data``; the order of patterns is the data's."""
        self.matcher = Matcher(self.vocab)
        for entry in self.data["patterns"]:
            self.matcher.add(entry["id"], [entry["pattern"]])
        quick_set_tests(self.matcher)
        # Product and commodity head nouns, by lemma and, as the lemmatizer misreads some
        # plurals ("syringes" -> "syrinx"), by plain form too; a product head comes first,
        # so it wins. Plain hash sets: one pass over the Doc's attributes finds them all.
        self._nouns = frozenset((POS_IDS["NOUN"], POS_IDS["PROPN"]))
        self._heads = [
            (key, frozenset(map(get_string_id, heads)), frozenset(map(get_string_id, plural_forms(heads))))
            for key, heads in self.data["heads"].items()
        ]  # fmt: skip
        self.phrases = PhraseMatcher(self.vocab, attr="ORTH")
        self.lower_phrases = PhraseMatcher(self.vocab, attr="LOWER")
        for attr, matcher in (("ORTH", self.phrases), ("LOWER", self.lower_phrases)):
            for label, names in self.data["phrases"][attr].items():
                matcher.add(label, [self._make_doc(n) for n in names])
        self.organization_types: dict[str, str] = self.data["organization_types"]

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Save the settings and the lexicon data the matchers are built from."""
        serializers = {
            "cfg": lambda p: srsly.write_json(p, self.settings),
            "lexicons": lambda p: srsly.write_json(p, self.data),
        }
        util.to_disk(util.ensure_path(path), serializers, exclude)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> EntityTyper:
        """Load what ``to_disk`` saved and rebuild the matchers from it."""
        deserializers = {
            "cfg": lambda p: self.settings.update(srsly.read_json(p)),
            "lexicons": lambda p: setattr(self, "data", srsly.read_json(p)),
        }
        util.from_disk(util.ensure_path(path), deserializers, exclude)
        self._build()
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        serializers = {
            "cfg": lambda: srsly.json_dumps(self.settings),
            "lexicons": lambda: srsly.json_dumps(self.data),
        }
        return util.to_bytes(serializers, exclude)

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> EntityTyper:
        deserializers = {
            "cfg": lambda b: self.settings.update(srsly.json_loads(b)),
            "lexicons": lambda b: setattr(self, "data", srsly.json_loads(b)),
        }
        util.from_bytes(data, deserializers, exclude)
        self._build()
        return self

    def __call__(self, doc: Doc) -> Doc:
        bracketed_names, tickers = bracketed(doc)
        strong: list[Span] = [*dateline_places(doc), *result_teams(doc), *based_places(doc),
                              *listed_regions(doc), *self._sellers(doc), *bracketed_names, *royal_names(doc)]
        for match_id, start, end in self.matcher(doc):
            rule = doc.vocab.strings[match_id]
            span = self._pattern_span(doc, rule, start, end)
            if span is not None:
                # "Acme Grain Co of Chicago": a firm's seat after its legal form
                strong.extend(mended_company_names([span]) if rule == "company_named" else [span])
        person_words = {t.text for e in doc.ents if e.label_ == "PERSON" for t in e if t.is_title}
        model = [s for s in (retype(whole_person_name(after_portfolio(_after_owner(e, person_words))))
                             for ent in doc.ents for e in places_apart(ent))
                 if s is not None and not tickers.intersection(range(s.start, s.end))]
        model = mended_company_names([_group_of_states(s) for s in table_names(doc, model)])
        weak = []
        matches = [("ORTH", m) for m in self.phrases(doc)] + [("LOWER", m) for m in self.lower_phrases(doc)]
        for attr, (match_id, start, end) in matches:
            label = doc.vocab.strings[match_id]
            span = Span(doc, start, end, label=label)
            if label == EntityType.ORGANIZATION:
                known = self.organization_types.get(_organization_key(span.text))
                span = Span(doc, start, end, label=known or label)
                # a known name beats the model's part or type of it, but not a longer name
                # it opens ("UN" of "UN Conference on Trade and Development")
                inside = end < len(doc) and doc[end].ent_iob_ == "I" or doc[start].ent_iob_ == "I"
                if opens_longer_name(doc, start, end):
                    continue  # "Industrial Bank of Japan": the model's longer name stands
                if end - start > 1 or not inside:
                    strong.extend(mended_company_names([span]))  # "Garnac Grain Co Inc of New Jersey"
                    continue
            if label == EntityType.COUNTRY and attr == "LOWER" and not _lowercase_name(span):
                continue  # the written-out names are the ORTH matcher's
            if label == EntityType.COUNTRY and in_an_amount(span):
                continue  # "944 mln U.S. Dlrs": money, not the country
            if label != EntityType.COUNTRY or not opens_other_name(span):
                weak.append(span)
        weak.extend(names_after_titles(doc))
        strong.extend(known_products(self._product_spans(doc), weak, strong))
        chosen = product_plurals(product_acronyms(consistent_places(_select([strong, model, weak]))))
        chosen = _with_kinds(chosen, kind_items(doc, [s for s in chosen if s.label_ == EntityType.PRODUCT]))
        labels = {i: s.label_ for s in chosen for i in range(s.start, s.end)}
        doc.ents = [self._official(s, labels) if s.label_ == EntityType.PERSON else s for s in chosen]
        return doc

    def _sellers(self, doc: Doc) -> list[Span]:
        """The sellers heading the rows of award lists: firms, whatever the model read them as
        ("- Acme Grain 10,000 tonnes of wheat ...")."""
        return [Span(doc, r.seller.start, r.seller.end,
                     label=self.organization_types.get(_organization_key(r.seller.text), EntityType.ORGANIZATION))
                for r in award_rows(doc)]  # fmt: skip

    # ------------------------------------------------------------ pattern matches

    def _pattern_span(self, doc: Doc, rule: str, start: int, end: int) -> Span | None:
        if rule in _BODY_RULES and end < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_:
            return None  # "South Korea's customs-cleared trade surplus": the body word only modifies
        if rule == "agency_named" and (field_after_title(doc[start:end]) or opens_longer_name(doc, start, end)):
            # "Vice President for International Services": the post's portfolio; "American
            # Bureau Metal Statistics": the model's longer name stands
            return None
        if rule == "owned_unit":
            owner = doc[start - 1] if start > 0 else None
            if owner is None or not is_organization_token(owner):
                return None
            return Span(doc, start + 1, end, label=EntityType.AGENCY)
        if rule == "country_body":  # "the country's health ministry said"
            return Span(doc, start + 3, end, label=EntityType.AGENCY) if end - start > 3 else None
        if rule == "its_body":  # "China hit back with its foreign ministry spokesman"
            return Span(doc, start + 1, end, label=EntityType.AGENCY) if owned_by_country(doc[start]) else None
        if rule == "titled_person":  # "spokesman Per Paust told Reuters": a name the model missed
            # "Foreign Ministry spokesman X": the title of a government body's makes an official
            public = start > 0 and doc[start - 1].lower_ in lexicon.agency_heads()
            return Span(doc, start + 1, end - 1, label=EntityType.OFFICIAL if public else EntityType.PERSON)
        if rule == "association_named":
            # "the States of Malaya Chamber of Mines": the model's longer name is the body's,
            # whatever the model took it for
            for e in doc.ents:
                first = e.start + (doc[e.start].lower_ == "the")
                if first <= start and end <= e.end:
                    start, end = first, e.end
                    break
        if rule == "partners_firm":
            # "analyst at brokers Phillips and Drew": two surnames after a company noun name
            # one partnership firm, not two people (unless a longer name goes on)
            if end < len(doc) and doc[end].is_title and doc[end].pos_ == "PROPN":
                return None
            return Span(doc, start + 1, end, label=EntityType.ORGANIZATION)
        if rule == "customs_and":  # "Customs and Excise": a customs service by its full name
            return Span(doc, start, end, label=EntityType.AGENCY)
        if rule == "romance_bank":  # "Banco do Brasil", "Banque de France": a bank, not a person
            return Span(doc, start, end, label=org_kind(Span(doc, start, end)))
        if rule == "national_body":
            opening = start  # "Saudi Arabia's foreign ministry": the whole country name
            while opening > 0 and doc[opening].ent_iob_ == "I":
                opening -= 1
            if country_of(doc[opening : start + 1].text) is None:
                return None
            if any(t.text in _CLAUSE_MARKS for t in doc[start + 1 : end]):
                return None  # "debt to France, government sources said": the body word is another phrase's
            first = start + 1
            if doc[first].lower_ in POSSESSIVE:
                first += 1
            if end - first < 1:
                return None
            return Span(doc, first, end, label=EntityType.AGENCY)
        before = doc[start - 1] if start > 0 else None
        if before is not None and before.ent_type_ == "ORG" and before.pos_ == "PROPN" \
                and not before.is_sent_start:
            return None  # "the BBC World Service": the part after another name is no body
        for token in doc[start:end]:  # "... Department on Monday": a date ends the name
            if token.ent_type_ in {"DATE", "TIME"}:
                end = token.i
                while end > start and doc[end - 1].lower_ in {"of", "for", "on", "and", "&", ","}:
                    end -= 1
                break
        span = trim(Span(doc, start, end, label=EntityType.AGENCY))
        if span is None or len(span) < 2 or names_government_debt(span):
            return None  # (a government that only qualifies its bonds names no body)
        if span.end < len(doc) and doc[span.end].is_title \
                and is_title(doc[span.end - 1 : span.end + 1].text):
            return None  # "Agriculture Cabinet Secretary X": the head word opens a title
        return Span(doc, span.start, span.end, label=org_kind(span))

    def _product_spans(self, doc: Doc) -> list[Span]:
        spans: list[Span] = []
        matches: dict[int, str] = {}
        for i, (lemma, lower, pos) in enumerate(doc.to_array([LEMMA, LOWER, POS]).tolist()):
            if pos in self._nouns or pos == POS_IDS["ADJ"] and _before_flow(doc[i]):
                for key, lemmas, forms in self._heads:
                    if lemma in lemmas or lower in forms:
                        matches[i] = key
                        break
            if i not in matches and pos == POS_IDS["NOUN"] and measured_goods(doc[i]) and trade_sentence(doc[i]):
                matches[i] = "measured"  # "471,891 tonnes of fishmeal": goods no lexicon names
            elif i not in matches and pos == POS_IDS["NOUN"] and exemplified_goods(doc[i]):
                matches[i] = "exemplified"  # "exporting products like ships": goods no lexicon names
            if i not in matches and pos == POS_IDS["NOUN"] and closed_compound(doc[i]):
                matches[i] = "commodity_head"  # "132 warplanes": read only where goods go
        for start, kind in matches.items():
            head = doc[start]
            if (head.head.lemma_.lower(), head.lower_) in _IDIOMS:
                continue  # "follow suit": no goods
            tight = in_goods_context(head) and not (kind == "commodity_head" and _of_making(head)) \
                or kind == "commodity_head" and _beside_goods(head, matches)
            if not tight and (form := form_of_goods(head)) is not None and form.i not in matches:
                head, tight = form, True  # "imports of cocoa powder": the goods are the powder
            if head.ent_type_ in {"PERSON", "ORG", "GPE"} and head.ent_iob_ != "O" and not (
                tight and _goods_read_as_name(head, kind)
            ):
                continue  # a name, unless it is a goods name in a goods slot ("exports of CPO")
            if not tight and (kind == "commodity_head" or not trade_sentence(head)):
                continue
            if head.dep_ in {"compound", "nmod"} and not goods_flow(head.head):
                continue  # "oil prices", "the car and electronics industries"
            left = head.i
            for child in sorted(head.lefts, key=lambda t: -t.i):
                if child.i != left - 1 and not (
                    child.i == left - 2 and doc[left - 1].dep_ == "punct"
                ) and not self._coordinated_states(child, left, head):
                    break
                if child.dep_ not in {"compound", "amod", "nmod"} or child.like_num:
                    break
                # a modifier's own compound chain ("COVID-19 testing kits")
                left = min([child.i] + [t.i for t in child.subtree if t.i < child.i])
            left = _flat_compound_start(head, left)  # "softwood lumber exports": the goods are softwood lumber
            # a name the lexicon knows whole keeps its words, whatever the model read them as ("Colour television")
            while left < head.i and norm(doc[left : head.i + 1].text) not in lexicon.product_terms() and (
                doc[left].lower_ in _NOT_PRODUCT_MODIFIER or doc[left].is_punct
                or doc[left].lower_ in ("and", "or") and _national(doc[left + 1])  # "West European and Polish rapeseed"
                or _delivery_month(doc[left])
                or _national(doc[left])
                or (doc[left].lower_ in _ORIGIN_WORDS and left > 0 and doc[left - 1].text == "-")
            ):
                left += 1  # "U.S. corn", "Brazilian soybeans": the goods are corn, soybeans
            left = counted_from(doc, left, head.i)  # "3,000 tonnes white sugar": the goods are white sugar
            left = graded_from(doc, left)  # "number two yellow soybeans": the grade names the goods
            if left == head.i and any(c.dep_ == "det" and c.lower_ in _REFERRING for c in head.children) \
                    and not (tight and any(s.root.lemma_ == head.lemma_ for s in spans)):
                continue  # "the drug", "a kit": a reference to goods, not a kind of goods
            # "trucks of up to six tonnes": a size class names a kind of the goods
            spans.append(Span(doc, left, size_class_end(doc, head), label=EntityType.PRODUCT))
        return spans

    def _coordinated_states(self, modifier: Token, left: int, head: Token) -> bool:
        """ "crude and refined oil", "fresh and frozen fish": adjectives joined by "and" or
        "or" right before the goods name one phrase of goods; not when a conjunct names
        goods of its own ("manganese and copper ores"), unless with the head it names a
        kind ("crude oil")."""
        tokens = list(modifier.subtree)
        if tokens[-1].i != left - 1 or not any(t.dep_ == "cc" for t in tokens):
            return False
        return all(t.dep_ == "cc" or t.pos_ == "ADJ" and not self._names_other_goods(t, head) for t in tokens)

    def _names_other_goods(self, token: Token, head: Token) -> bool:
        if f"{token.lower_} {head.lower_}" in lexicon.product_terms():
            return False
        return any(token.lemma in lemmas or token.lower in forms for _, lemmas, forms in self._heads)

    def _official(self, span: Span, labels: dict[int, str]) -> Span:
        if holds_title(span, labels=labels):
            return Span(span.doc, span.start, span.end, label=EntityType.OFFICIAL)
        return span



def _with_kinds(chosen: list[Span], kinds: list[Span]) -> list[Span]:
    """ "cotton 9,000" in a breakdown of vegetable oils: the kind of goods an item names. The
    item wins over any other reading of its words: the model's ("Cotton" a name, "sunflower
    210,000" a number) and a product inside it ("soybean" of a breakdown of oils is soybean
    oil; "wheat" of "bran/pollards wheat 606,352" is part of the item's name)."""
    inside = {i for k in kinds for i in range(k.start, k.end)}
    def yields(span: Span) -> bool:
        words = set(range(span.start, span.end))
        return words <= inside if span.label_ == EntityType.PRODUCT else bool(words & inside)
    kept = [s for s in chosen if not yields(s)]
    taken = {i for s in kept for i in range(s.start, s.end)}
    added = [k for k in kinds if not taken.intersection(range(k.start, k.end))]
    return sorted([*kept, *added], key=lambda s: s.start)


def _lowercase_name(span: Span) -> bool:
    """ "mexico's crude oil exports": a country's name the wire wrote in lower case, not part
    of a handle or tag ("#mexico")."""
    return span.text.islower() and not (span.start > 0 and span.doc[span.start - 1].text in ("#", "@", "/"))


# "the Gulf states", "the Baltic states" name a group; "Far East countries" describe the region's.
_STATE_NOUNS = frozenset({"states"})


def _group_of_states(span: Span) -> Span:
    """ "Mid-East Gulf states", "the Baltic states": a region's name before a plural of
    "state" names the group of countries there, a trade partner of its own."""
    doc = span.doc
    if span.label_ != EntityType.PLACE or span.end >= len(doc) or doc[span.end].lower_ not in _STATE_NOUNS \
            or doc[span.end].ent_type_:
        return span
    return Span(doc, span.start, span.end + 1, label=span.label_)


def _flat_compound_start(head: Token, left: int) -> int:
    """ "softwood lumber exports", "soybean oil sales": the parse hangs every noun of the
    phrase on the flow noun; the plain nouns right before the goods still name them, and so
    does a word of the goods' form ("frozen beef exports", "seamless pipe exports")."""
    if head.dep_ not in {"compound", "nmod"}:
        return left
    doc = head.doc
    # an adjective of a form of goods too ("seamless pipe exports", "a seamless pipe export
    # cartel", where the parse hangs it on the noun the flow noun qualifies)
    outer = {head.head, head.head.head} if head.head.dep_ in {"compound", "nmod"} else {head.head}
    while left > 0 and (sibling := doc[left - 1]).dep_ in {"compound", "nmod", "amod"} \
            and (sibling.pos_ == "NOUN" and sibling.head == head.head
                 or sibling.lower_ in lexicon.product_forms() and sibling.head in outer) \
            and sibling.is_alpha and sibling.ent_type_ not in _MODEL_NAMES:
        left = min([sibling.i] + [t.i for t in sibling.subtree if t.i < sibling.i])
    return left


# Adjectives of how much a flow covers, never its goods ("overall exports", not overalls).
_SCOPE_ADJECTIVES = frozenset({"overall", "total", "net", "gross"})


def _goods_read_as_name(head: Token, kind: str) -> bool:
    """A goods word in a goods slot that the model read as a name: "exports of CPO" (an
    organization), "Sorghum sales" opening a sentence (a place no gazetteer knows)."""
    if head.ent_type_ == "ORG":
        return head.lower_ in lexicon.product_terms()
    return head.ent_type_ == "GPE" and head.ent_iob_ == "B" and (head.i + 1 == len(head.doc) or head.doc[head.i + 1].ent_iob_ != "I") \
        and (kind == "commodity_head" or head.lower_ in lexicon.product_terms()) \
        and country_of(head.text) is None and not gazetteer.is_city(head.text) and not gazetteer.is_region(head.text)


# Flow nouns of what a country makes, not of goods that go anywhere: an adjective before
# them says which sector ("agricultural output"), not which goods.
_MAKING_FLOWS = frozenset({"production", "output", "crop", "harvest"})
# ... and of what it holds ("livestock inventories")
_MAKING_OR_HOLDING = _MAKING_FLOWS | {"inventory"}


def _of_making(head: Token) -> bool:
    """ "livestock production", "milk output", "livestock inventories": a word that names goods
    only in trade, before a noun of what a country makes or holds, names a farm sector (in a
    sentence that speaks of no trade; "tea output ..., while exports" are the goods traded)."""
    return head.dep_ in {"compound", "nmod"} and head.head.lemma_.lower() in _MAKING_OR_HOLDING \
        and not any(t.lemma_.lower() in _CROSSING_FLOWS for t in head.sent)


# Words of goods crossing a border, as opposed to being made or held.
_CROSSING_FLOWS = frozenset({"export", "import", "exporter", "importer", "ship", "shipment", "sell", "sale", "buy",
                             "purchase"})


def _before_flow(token: Token) -> bool:
    """ "crude exports": a goods word the tagger read as an adjective, right before the
    flow noun it names the goods of."""
    return token.dep_ == "amod" and token.head.i == token.i + 1 and goods_flow(token.head) \
        and token.lower_ not in _SCOPE_ADJECTIVES and token.head.lemma_.lower() not in _MAKING_FLOWS


def _beside_goods(head: Token, matches: dict[int, str]) -> bool:
    """ "non-monetary gold and passenger cars": a commodity word coordinated with goods a
    product head names is goods too, in a sentence about trade."""
    joined = [head.head] if head.dep_ == "conj" else []
    joined += [c for c in head.children if c.dep_ == "conj"]
    # not "the car and electronics industries": the goods word there names the industry
    return trade_sentence(head) and any(
        matches.get(t.i) == "product_head" and (t.dep_ not in {"compound", "nmod"} or goods_flow(t.head))
        for t in joined)


def _after_owner(span: Span, person_words: set[str]) -> Span:
    """ "Henry's Arsenal": a person's name with a possessive opens no organization's name."""
    if span.label_ not in {"ORG", "GPE", "FAC"}:
        return span
    for token in span[1:-1]:
        if token.lower_ in POSSESSIVE and token.nbor(-1).text in person_words:
            return Span(span.doc, token.i + 1, span.end, label=span.label_)
    return span


def _select(groups: list[list[Span]]) -> list[Span]:
    """Non-overlapping spans: earlier groups win, then longer spans, then earlier ones."""
    taken: set[int] = set()
    chosen: list[Span] = []
    for group in groups:
        for span in sorted(group, key=lambda s: (-(s.end - s.start), s.start)):
            if any(i in taken for i in range(span.start, span.end)):
                continue
            taken.update(range(span.start, span.end))
            chosen.append(span)
    return sorted(chosen, key=lambda s: s.start)


def _lexicon_data(settings: dict[str, str]) -> dict[str, Any]:
    """The plain, serializable data of the component's matchers, read from its data files."""
    ambiguous = gazetteer.ambiguous_countries(settings["ambiguous_countries"])
    country_names = sorted(
        {n for c in gazetteer.countries(settings["countries"]) for n in c.names if norm(n) not in ambiguous}
    )
    # in lower case, only names of words (no "US", "U.K.") that are no common word ("china")
    common = lexicon.country_words()
    lowercase_names = sorted({norm(n) for n in country_names if len(n) > 3 and "." not in n
                              and not n.isupper() and norm(n) not in common})
    organizations = lexicon.known_organizations(settings["organizations"])
    org_names = sorted({n for o in organizations for n in (o.name, *o.aliases)})
    types: dict[str, str] = {}
    for org in organizations:
        for name in (org.name, *org.aliases):
            types.setdefault(norm(name), org.type)
    product_terms = {n for kind in lexicon.product_kinds(settings["products"]) for n in kind.names}
    # a one-word name of goods ("petroleum", "maize") or of goods counted one by one
    # ("tractor", "forklift") is a head noun of goods; where no head list has it, a commodity
    # word, read only in a tight trade context ("tractor exports", not "tractor convoys")
    product_heads = lexicon.product_heads(settings["product_heads"])
    one_word = {t for t in product_terms if " " not in t} | {h for h in counted_heads() if " " not in h}
    return {
        "patterns": [dict(entry) for entry in lexicon.entity_patterns(settings["patterns"])],
        "heads": {"product_head": sorted(product_heads),
                  "commodity_head": sorted(lexicon.commodity_heads(settings["commodity_heads"])
                                           | one_word - product_heads)},
        "phrases": {
            "ORTH": {EntityType.COUNTRY.value: country_names, EntityType.ORGANIZATION.value: org_names},
            "LOWER": {EntityType.DISEASE.value: list(lexicon.diseases(settings["diseases"])),
                      EntityType.COUNTRY.value: lowercase_names,
                      EntityType.PRODUCT.value: sorted(t for t in product_terms if " " in t)},
        },
        "organization_types": types,
    }
