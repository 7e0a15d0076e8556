"""The ``kg_entities`` component: statistical NER corrected and completed by lexicons.

After it runs, ``doc.ents`` carry kg's entity types (``kg.model.EntityType``) as labels
("Official", "Person", "Agency", "Organization", "Country", "Place", "Product", "Disease",
"Event", "Other"). Spans the model found that are no kg entity keep their spaCy label (DATE,
MONEY, CARDINAL, NORP ...), because relation rules read numbers, dates and demonyms from them.
The model's entities are typed by ``kg.nlp.retype``, the patterns' matches checked by
``kg.nlp.pattern_spans`` and goods found by ``kg.nlp.goods_spans``; this module joins them.

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
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from kg.model import EntityType
from kg.nlp import gazetteer, lexicon
from kg.nlp.acronym_definitions import common_acronyms
from kg.nlp.award_rows import award_rows
from kg.nlp.bracketed import bracketed
from kg.nlp.company_names import mended_company_names
from kg.nlp.compass_regions import compass_regions
from kg.nlp.counted_goods import counted_heads
from kg.nlp.cues import based_places, consistent_places, listed_regions, opens_other_name
from kg.nlp.currency_homes import in_an_amount
from kg.nlp.datelines import dateline_places
from kg.nlp.goods import known_products, plural_forms, product_acronyms, product_plurals
from kg.nlp.goods_kinds import kind_items
from kg.nlp.goods_spans import GoodsHeads, product_spans
from kg.nlp.goods_tables import goods_labels
from kg.nlp.joint_goods import joint_goods
from kg.nlp.lexicon import norm
from kg.nlp.longer_names import opens_longer_name
from kg.nlp.matcher_sets import quick_set_tests
from kg.nlp.name_bounds import mended_bounds
from kg.nlp.names import after_portfolio, whole_person_name
from kg.nlp.offices import holds_title, names_after_titles
from kg.nlp.pattern_spans import pattern_span
from kg.nlp.results import result_teams
from kg.nlp.retype import retype
from kg.nlp.royals import royal_names
from kg.nlp.run_on_places import places_apart
from kg.nlp.spans import POSSESSIVE
from kg.nlp.tables import table_names

KG_LABELS = frozenset(t.value for t in EntityType)

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
        self._heads: GoodsHeads = [
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
                              *listed_regions(doc), *self._sellers(doc), *bracketed_names, *royal_names(doc),
                              *goods_labels(doc), *joint_goods(doc)]
        for match_id, start, end in self.matcher(doc):
            rule = doc.vocab.strings[match_id]
            span = pattern_span(doc, rule, start, end)
            if span is not None:
                # "Acme Grain Co of Chicago": a firm's seat after its legal form
                strong.extend(mended_bounds(mended_company_names([span])) if rule == "company_named" else [span])
        strong.extend(compass_regions(doc))  # "South-east Asia": one region, the model's two
        person_words = {t.text for e in doc.ents if e.label_ == "PERSON" for t in e if t.is_title}
        model = [s for s in (retype(whole_person_name(after_portfolio(_after_owner(e, person_words))))
                             for ent in doc.ents for e in places_apart(ent))
                 if s is not None and not tickers.intersection(range(s.start, s.end))]
        model = mended_bounds(mended_company_names([_group_of_states(s) for s in table_names(doc, model)]))
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
            if label == EntityType.COUNTRY and attr == "LOWER" and not _name_in_one_case(span):
                continue  # the written-out names are the ORTH matcher's
            if label == EntityType.COUNTRY and in_an_amount(span):
                continue  # "944 mln U.S. Dlrs": money, not the country
            if label != EntityType.COUNTRY or not opens_other_name(span):
                weak.append(span)
        weak.extend(names_after_titles(doc))
        strong.extend(known_products(product_spans(doc, self._heads), weak, strong))
        chosen = product_plurals(common_acronyms(product_acronyms(consistent_places(_select([strong, model, weak])))))
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


def _name_in_one_case(span: Span) -> bool:
    """ "mexico's crude oil exports", a table's row "SAUDI ARABIA  4.9  3.7": a country's name
    the wire wrote all in lower case or all in capitals, not part of a handle or tag
    ("#mexico")."""
    return (span.text.islower() or span.text.isupper()) \
        and not (span.start > 0 and span.doc[span.start - 1].text in ("#", "@", "/"))


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
        {n for c in gazetteer.countries(settings["countries"]) for n in (*c.names, *gazetteer.unmarked_names(c))
         if norm(n) not in ambiguous}
    )
    # in lower case or capitals, only names of words (no "US", "U.K.") that are no common word ("china")
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
