"""The ``kg_entities`` component: statistical NER corrected and completed by lexicons.

After it runs, ``doc.ents`` carry kg's entity types as labels ("Official", "Person",
"Agency", "Organization", "Country", "Place", "Product", "Disease", "Event", "Other").
Spans the model found that are no kg entity keep their spaCy label (DATE, MONEY, CARDINAL,
NORP ...), because relation rules read numbers, dates and demonyms from them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.attrs import LEMMA, LOWER, POS
from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.strings import get_string_id
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token

from kg.nlp import lexicon
from kg.nlp.lexicon import country_of, is_title, norm
from kg.nlp.cues import (
    COMPANY_ENDINGS, WEB_NAME, after_company_noun, based_places, camel_case, city_in_place_context,
    common_word, consistent_places, court_district, described_as_company, doc_lower, listed_regions,
    facility_name, opens_other_name, owned_by_country, place_body, region_name, sub_national,
)
from kg.nlp.datelines import dateline_places
from kg.nlp.goods import in_goods_context, plural_forms, product_acronyms, trade_sentence
from kg.nlp.offices import holds_title, names_after_titles, titled_name
from kg.nlp.results import result_teams

KG_LABELS = frozenset(
    {"Official", "Person", "Agency", "Organization", "Country", "Place", "Product", "Disease",
     "Event", "Other"}
)
_POSSESSIVE = frozenset({"'s", "\u2019s", "'", "\u2019", "\u201a\u00c4\u00f4s"})
# Curly quotes of UTF-8 text read as Mac Roman ("\u201a\u00c4\u00fa" for a left double quote): scraped
# news carries them; the tokenizer splits them off words (kg.nlp.pipeline).
# (and dashes: "\u201a\u00c4\u00ee" for an em dash, "\u201a\u00c4\u00ec" for an en dash).
GARBLED_QUOTES = ("\u201a\u00c4\u00fa", "\u201a\u00c4\u00f9", "\u201a\u00c4\u00f4", "\u201a\u00c4\u00f2",
                  "\u201a\u00c4\u00ee", "\u201a\u00c4\u00ec")
_REFERRING = frozenset({"the", "a", "an", "this", "that", "these", "those"})
_LETTERS = re.compile(r"[^\W\d_]{2}")
_LEADING_DROP = frozenset({"the", "a", "an"})
# spaCy labels kept as they are: relation rules read quantities, dates and demonyms.
_KEEP = frozenset({"DATE", "TIME", "MONEY", "QUANTITY", "CARDINAL", "ORDINAL", "PERCENT", "NORP",
                   "LAW", "LANGUAGE", "WORK_OF_ART"})
# Product modifiers that judge or count rather than say what the goods are.
_NOT_PRODUCT_MODIFIER = frozenset(
    {"problematic", "certain", "other", "such", "more", "many", "new", "various", "recent",
     "extra", "additional", "much", "enough", "needed", "crucial", "essential", "urgent",
     "exported", "imported", "domestic", "foreign", "global", "several", "some", "these",
     "those", "million", "billion", "thousand", "faulty", "defective", "substandard", "fake",
     "own", "first", "last", "most", "potential", "possible", "cheap", "expensive", "large",
     "small", "big", "key", "vital", "necessary", "critical", "scarce", "much-needed"}
)


def kg_label(span: Span) -> str | None:
    """The kg type of an entity span, or None for spans that are no kg entity."""
    return span.label_ if span.label_ in KG_LABELS else None


@Language.factory(
    "kg_entities",
    assigns=["doc.ents"],
    requires=["token.pos", "token.dep", "token.lemma", "doc.ents"],
    default_config={},
)
def make_entities(nlp: Language, name: str) -> EntityTyper:
    return EntityTyper(nlp)


class EntityTyper:
    """Adds lexicon and pattern spans to the model's entities and gives them kg types."""

    def __init__(self, nlp: Language) -> None:
        vocab = nlp.vocab
        self._make_doc = nlp.make_doc
        self.matcher = Matcher(vocab)
        for entry in lexicon.entity_patterns():
            self.matcher.add(entry["id"], [entry["pattern"]])
        # Product and commodity head nouns, by lemma and, as the lemmatizer misreads some
        # plurals ("syringes" -> "syrinx"), by plain form too; a product head comes first,
        # so it wins. Plain hash sets: one pass over the Doc's attributes finds them all.
        self._nouns = frozenset((POS_IDS["NOUN"], POS_IDS["PROPN"]))
        self._heads = [
            (key, frozenset(map(get_string_id, heads)), frozenset(map(get_string_id, plural_forms(heads))))
            for key, heads in (("product_head", lexicon.product_heads()),
                               ("commodity_head", lexicon.commodity_heads()))
        ]  # fmt: skip
        self.phrases = PhraseMatcher(vocab, attr="ORTH")
        self.lower_phrases = PhraseMatcher(vocab, attr="LOWER")
        ambiguous = lexicon.ambiguous_countries()
        country_names = sorted(
            {n for c in lexicon.countries() for n in c.names if norm(n) not in ambiguous}
        )
        org_names = sorted({n for o in lexicon.known_organizations() for n in (o.name, *o.aliases)})
        self._add(self.phrases, "Country", country_names)
        self._add(self.phrases, "Organization", org_names)
        self._add(self.lower_phrases, "Disease", list(lexicon.diseases()))
        self._add(self.lower_phrases, "Product", sorted(t for t in lexicon.product_terms() if " " in t))

    def _add(self, matcher: PhraseMatcher, label: str, names: Iterable[str]) -> None:
        matcher.add(label, [self._make_doc(n) for n in names])

    def __call__(self, doc: Doc) -> Doc:
        strong: list[Span] = [*dateline_places(doc), *result_teams(doc), *based_places(doc),
                              *listed_regions(doc)]
        for match_id, start, end in self.matcher(doc):
            span = self._pattern_span(doc, doc.vocab.strings[match_id], start, end)
            if span is not None:
                strong.append(span)
        strong.extend(self._product_spans(doc))
        person_words = {t.text for e in doc.ents if e.label_ == "PERSON" for t in e if t.is_title}
        model = [s for s in (self._retype(_after_owner(e, person_words)) for e in doc.ents)
                 if s is not None]
        weak = []
        for match_id, start, end in [*self.phrases(doc), *self.lower_phrases(doc)]:
            label = doc.vocab.strings[match_id]
            span = Span(doc, start, end, label=label)
            if label == "Organization":
                known = lexicon.known_organization(span.text)
                span = Span(doc, start, end, label=known.type if known else label)
                # a known name beats the model's part or type of it, but not a longer name
                # it opens ("UN" of "UN Conference on Trade and Development")
                inside = end < len(doc) and doc[end].ent_iob_ == "I" or doc[start].ent_iob_ == "I"
                if end - start > 1 or not inside:
                    strong.append(span)
                    continue
            if label != "Country" or not opens_other_name(span):
                weak.append(span)
        weak.extend(names_after_titles(doc))
        chosen = product_acronyms(consistent_places(_select([strong, model, weak])))
        labels = {i: s.label_ for s in chosen for i in range(s.start, s.end)}
        doc.ents = [self._official(s, labels) if s.label_ == "Person" else s for s in chosen]
        return doc

    # ------------------------------------------------------------ pattern matches

    def _pattern_span(self, doc: Doc, rule: str, start: int, end: int) -> Span | None:
        if rule == "owned_unit":
            owner = doc[start - 1] if start > 0 else None
            if owner is None or not _is_organization_token(owner):
                return None
            return Span(doc, start + 1, end, label="Agency")
        if rule == "country_body":  # "the country's health ministry said"
            return Span(doc, start + 3, end, label="Agency") if end - start > 3 else None
        if rule == "its_body":  # "China hit back with its foreign ministry spokesman"
            return Span(doc, start + 1, end, label="Agency") if owned_by_country(doc[start]) else None
        if rule == "national_body":
            opening = start  # "Saudi Arabia's foreign ministry": the whole country name
            while opening > 0 and doc[opening].ent_iob_ == "I":
                opening -= 1
            if country_of(doc[opening : start + 1].text) is None:
                return None
            first = start + 1
            if doc[first].lower_ in _POSSESSIVE:
                first += 1
            if end - first < 1:
                return None
            return Span(doc, first, end, label="Agency")
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
        span = _trim(Span(doc, start, end, label="Agency"))
        if span is None or len(span) < 2:
            return None
        if span.end < len(doc) and doc[span.end].is_title \
                and is_title(doc[span.end - 1 : span.end + 1].text):
            return None  # "Agriculture Cabinet Secretary X": the head word opens a title
        return Span(doc, span.start, span.end, label=_org_kind(span))

    def _product_spans(self, doc: Doc) -> list[Span]:
        spans: list[Span] = []
        matches: dict[int, str] = {}
        for i, (lemma, lower, pos) in enumerate(doc.to_array([LEMMA, LOWER, POS]).tolist()):
            if pos in self._nouns:
                for key, lemmas, forms in self._heads:
                    if lemma in lemmas or lower in forms:
                        matches[i] = key
                        break
        for start, kind in matches.items():
            head = doc[start]
            if head.ent_type_ in {"PERSON", "ORG", "GPE"} and head.ent_iob_ != "O":
                continue
            tight = in_goods_context(head)
            if not tight and (kind == "commodity_head" or not trade_sentence(head)):
                continue
            if head.dep_ in {"compound", "nmod"} and head.head.lemma_.lower() not in lexicon.product_flows():
                continue  # "oil prices", "the car and electronics industries"
            left = head.i
            for child in sorted(head.lefts, key=lambda t: -t.i):
                if child.i != left - 1 and not (
                    child.i == left - 2 and doc[left - 1].dep_ == "punct"
                ):
                    break
                if child.dep_ not in {"compound", "amod", "nmod"} or child.like_num:
                    break
                # a modifier's own compound chain ("COVID-19 testing kits")
                left = min([child.i] + [t.i for t in child.subtree if t.i < child.i])
            while left < head.i and (
                doc[left].lower_ in _NOT_PRODUCT_MODIFIER or doc[left].is_punct
            ):
                left += 1
            if left == head.i and any(c.dep_ == "det" and c.lower_ in _REFERRING for c in head.children) \
                    and not (tight and any(s.root.lemma_ == head.lemma_ for s in spans)):
                continue  # "the drug", "a kit": a reference to goods, not a kind of goods
            spans.append(Span(doc, left, head.i + 1, label="Product"))
        return spans

    # ------------------------------------------------------------ model entities

    def _retype(self, ent: Span) -> Span | None:
        label = ent.label_
        if label in _KEEP:
            if label == "NORP" and country_of(ent.text) and not lexicon.country_of_demonym(ent.text):
                return Span(ent.doc, ent.start, ent.end, label="Country")
            if label == "NORP" and lexicon.is_city(ent.text) and not lexicon.country_of_demonym(ent.text):
                return Span(ent.doc, ent.start, ent.end, label="Place")  # "the Mombasa auction"
            return ent
        span = _trim(ent)
        if span is None:
            return None
        if label == "PERSON":  # "spokesperson Li": a lower-case title the model ran into
            start = span.start
            while start < span.end - 1 and span.doc[start].is_lower \
                    and span.doc[start].lower_ in lexicon.title_words():
                start += 1
            span = Span(ent.doc, start, span.end, label=label)
        text = span.text
        if _is_disease(text):
            return Span(ent.doc, span.start, span.end, label="Disease")
        if lexicon.is_generic(text) or all(t.like_num or t.is_punct for t in span):
            return None
        if text.islower() or not any(_LETTERS.search(t.text) for t in span):
            return None  # names are capitalised; "jargon", "O.K." are model slips
        if len(span) == 1 and _opens_sentence(span[0]) and span[0].pos_ in {"NOUN", "ADJ", "VERB", "ADV", "INTJ"}:
            return None  # a common word capitalised only because it opens the sentence
        if len(span) == 1 and _opens_sentence(span[0]) and common_word(span[0]):
            return None  # "Children ...", "Attendance ...": the word is written lower case elsewhere
        if label == "PERSON" and any(t.is_digit for t in span):
            return None  # "Pohang 3 Ulsan 2": a run across a results line, no one's name
        if any(t.text == "/" for t in span):
            return None  # a photo credit ("REUTERS/Leah Millis/File Photo"), not one name
        if label in {"ORG", "PERSON", "GPE", "LOC", "FAC"} and _shouted(span) \
                and not lexicon.known_organization(text) and country_of(text) is None:
            return None  # a headline in capitals ("CITING CORONAVIRUS OUTBREAK")
        if label == "ORG" and _field_of_title(span):
            return None  # "National Security Adviser": the field of a title, not a body
        if text == "House" and span.start > 0 and doc_lower(span, -1) == "the" \
                and label in {"ORG", "PERSON", "FAC", "GPE"}:
            return Span(ent.doc, span.start, span.end, label="Agency")  # the legislative chamber
        if any("@" in t.text for t in span):
            return None  # a social media handle ("Instagram @name")
        if label in {"GPE", "LOC", "FAC", "PERSON"} and (WEB_NAME.search(text) or camel_case(span)):
            return Span(ent.doc, span.start, span.end, label="Organization")  # "Jet.com", "FedEx"
        if court_district(span):
            return None  # "the Northern District of California": part of a court's name
        if label in {"GPE", "LOC", "FAC", "PERSON"} and after_company_noun(span) \
                and country_of(text) is None:
            return Span(ent.doc, span.start, span.end, label=organization_type(span))
        country = country_of(text)
        if country is not None and label == "GPE" and opens_other_name(span):
            return None  # "the US Open champion"
        if country is not None and norm(text) in lexicon.ambiguous_countries() \
                and sub_national(span):
            return Span(ent.doc, span.start, span.end, label="Place")  # "Atlanta, Georgia"
        if label in {"GPE", "LOC", "FAC", "PERSON"} and len(span) == 1 \
                and lexicon.is_demonym_only(text):
            return Span(ent.doc, span.start, span.end, label="NORP")  # "the Briton", "Tajik troops"
        if label in {"GPE", "LOC", "FAC", "ORG", "PERSON"} and country is not None:
            if not (label == "PERSON" and norm(text) in lexicon.ambiguous_countries()):
                return Span(ent.doc, span.start, span.end, label="Country")
        if label in {"GPE", "LOC", "FAC", "ORG"} and place_body(span):
            return Span(ent.doc, span.start, span.end, label="Agency")  # "L.A. County Public Health"
        if label in {"GPE", "LOC", "FAC", "ORG", "PERSON"} and region_name(span):
            return Span(ent.doc, span.start, span.end, label="Place")  # "Alameda County"
        if label in {"GPE", "LOC", "FAC"} and len(span) > 1 \
                and span[-1].lower_ in COMPANY_ENDINGS:  # not "West Bank", "Union Square"
            return Span(ent.doc, span.start, span.end, label=organization_type(span))
        if label in {"GPE", "LOC", "FAC"}:
            return Span(ent.doc, span.start, span.end, label="Place")
        if label in {"ORG", "PERSON", "FAC"} and facility_name(span):
            return Span(ent.doc, span.start, span.end, label="Place")  # "the Kollsnes plant"
        if label in {"ORG", "PERSON"} and city_in_place_context(span):
            return Span(ent.doc, span.start, span.end, label="Place")  # "traders in Aba"
        if label == "ORG":
            person = _person_after_owner(span)
            if person is not None:
                return person  # "Vox's Julia Belluz": the writer, not a unit of the outlet
        if label == "ORG" and titled_name(span):
            return Span(ent.doc, span.start, span.end, label="Person")  # "X, the state commissioner"
        if label == "ORG":
            return Span(ent.doc, span.start, span.end, label=_org_kind(span))
        if label == "PERSON":
            if described_as_company(span):  # "Gassco, the state-owned operator of ..."
                return Span(ent.doc, span.start, span.end, label=organization_type(span))
            if span[-1].lower_ in lexicon.agency_heads() or lexicon.known_organization(text) \
                    or (len(span) > 1 and span[-1].lower_ in lexicon.organization_cues()):
                return Span(ent.doc, span.start, span.end, label=organization_type(span))
            return span if span.label_ == "Person" else Span(ent.doc, span.start, span.end, label="Person")
        if label == "EVENT":
            return Span(ent.doc, span.start, span.end, label="Event")
        if label == "PRODUCT":
            return Span(ent.doc, span.start, span.end, label="Other")
        return ent

    def _official(self, span: Span, labels: dict[int, str]) -> Span:
        if holds_title(span, labels=labels):
            return Span(span.doc, span.start, span.end, label="Official")
        return span


def organization_type(span: Span) -> str:
    """Agency for government bodies, Organization for any other organization."""
    known = lexicon.known_organization(span.text)
    if known is not None:
        return known.type
    words = [t.lower_ for t in span]
    first = lexicon.known_organization(span[0].text) if len(span) > 1 else None
    if first is not None and first.type == "Organization":
        return "Organization"  # "BBC World Service": a unit of a known non-government body
    cues = lexicon.organization_cues()
    heads = lexicon.agency_heads()
    text = " " + " ".join(words) + " "
    if any(f" {p} " in text for p in lexicon.agency_phrases()) \
            and (_name_head(span) in heads | cues or words[0] != "federal"):
        return "Agency"  # "Central Bank of Chile", "Federal Network Agency"
    # "Xinhua News Agency", "Bank of China": a company or media word makes it no agency.
    if any(w in cues and w not in heads for w in words):
        return "Organization"
    head = _name_head(span)
    if head in heads:
        return "Agency"
    # "Cabinet Room of the White House": the body named after "of" is not what the name is
    if head == words[-1] and " ".join(words[-2:]) in heads:
        return "Agency"
    return "Organization"


def _org_kind(span: Span) -> str:
    kind = organization_type(span)
    if kind == "Agency" and not lexicon.known_organization(span.text) and described_as_company(span):
        return "Organization"  # "the Kenya Tea Development Agency (KTDA), a farmer-owned company"
    return kind


def _name_head(span: Span) -> str:
    # The word an organization name is about: before "of"/"for" if there is one.
    for token in span:
        if token.lower_ in {"of", "for", "on"} and token.i > span.start:
            return token.nbor(-1).lower_
    return span[-1].lower_


def _is_organization_token(token: Token) -> bool:
    if token.ent_type_ in {"ORG"}:
        return True
    if token.is_upper and len(token.text) >= 2 and token.is_alpha:
        return True
    return token.lower_ in lexicon.agency_heads() and token.pos_ in {"NOUN", "PROPN"}


def _is_punct(token: Token) -> bool:
    return token.is_punct or token.text in GARBLED_QUOTES


def _opens_sentence(token: Token) -> bool:
    if token.is_sent_start:
        return True
    i = token.i - 1
    while i >= 0 and token.doc[i].is_space:
        i -= 1
    if i < 0 or "\n" in token.doc[i].whitespace_ or token.doc[i].text in {".", "!", "?"}:
        return True
    before = token.doc[i]
    return before.is_quote and (before.i == 0 or before.is_sent_start)


def _shouted(span: Span) -> bool:
    words = [t for t in span if _LETTERS.search(t.text) and not _is_punct(t)]
    return len(words) > 1 and all(t.is_upper for t in words)


def _field_of_title(span: Span) -> bool:
    # An organization name ends in a word that says what it is ("Council", "Services",
    # "Bank"); "National Security" before "Adviser" does not.
    end = span.end
    if end >= len(span.doc) or not span.doc[end].is_title or not is_title(span.doc[end].text):
        return False
    if lexicon.known_organization(span.text):
        return False
    if is_title(span.doc[end - 1 : end + 1].text):
        return True  # "Agriculture Cabinet Secretary": the last word opens the title
    words = {t.lower_ for t in span}
    return not (words & lexicon.agency_heads() or words & lexicon.organization_cues()
                or words & lexicon.agency_units())


def _is_disease(text: str) -> bool:
    return norm(text) in lexicon.disease_keys()


def _person_after_owner(span: Span) -> Span | None:
    for token in span[1:-1]:
        if token.lower_ not in _POSSESSIVE:
            continue
        rest = span.doc[token.i + 1 : span.end]
        words = {t.lower_ for t in rest}
        if 2 <= len(rest) <= 3 and all(t.is_title and t.is_alpha for t in rest) \
                and rest.root.pos_ == "PROPN" and not words & lexicon.agency_heads() \
                and not words & lexicon.organization_cues() and not words & lexicon.region_words() \
                and not lexicon.known_organization(rest.text) and country_of(rest[0].text) is None:
            return Span(span.doc, rest.start, rest.end, label="Person")
    return None


def _after_owner(span: Span, person_words: set[str]) -> Span:
    """ "Henry's Arsenal": a person's name with a possessive opens no organization's name."""
    if span.label_ not in {"ORG", "GPE", "FAC"}:
        return span
    for token in span[1:-1]:
        if token.lower_ in _POSSESSIVE and token.nbor(-1).text in person_words:
            return Span(span.doc, token.i + 1, span.end, label=span.label_)
    return span


def _trim(span: Span) -> Span | None:
    start, end = span.start, span.end
    doc = span.doc
    for token in span:  # "World Health Organization (WHO": the model ran into a definition
        if token.text == "(" and token.i > start and ")" not in span[token.i - start :].text:
            end = token.i
            break
    while start < end and (doc[start].lower_ in _LEADING_DROP or _is_punct(doc[start])
                           or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].lower_ in _POSSESSIVE or _is_punct(doc[end - 1])
                           or doc[end - 1].is_space):
        end -= 1
    if start >= end:
        return None
    return Span(doc, start, end, label=span.label_)


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
