"""Evidence in the text that retypes a name: place cues (prepositions, region words,
gazetteers), company cues (company nouns, brand spellings, company endings) and the
context that makes a shared name a US state. Used by ``kg.nlp.entities``."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from kg.model import EntityType
from kg.nlp import gazetteer, lexicon
from kg.nlp.climb import climb
from kg.nlp.doc_index import lower_positions, positions_of, word_counts
from kg.nlp.gazetteer import country_of
from kg.nlp.lexicon import is_title, norm

PLACE_PREPOSITIONS = frozenset({"in", "from", "to", "near", "at", "across", "around", "outside",
                                  "into", "across", "within", "between"})
PLACE_NOUNS = frozenset({"state", "city", "province", "county", "region", "town", "district",
                          "metropolis", "municipality"})


def city_in_place_context(span: Span) -> bool:
    """A city of the gazetteer the model took for a person or company, used as a place:
    after "in/from/near", before "state"/"city", a facility or "government", or before
    ", <country>"."""
    if len(span) > 3 or not (gazetteer.is_city(span.text) or gazetteer.is_region(span.text)):
        return False
    doc, end = span.doc, span.end
    if span.start > 0 and (doc[span.start - 1].lower_.rstrip(".") in lexicon.honorifics()
                           or is_title(doc[span.start - 1].text)):
        return False  # "Mr Aba", "President X": a person
    if end < len(doc) and doc[end].lower_ in PLACE_NOUNS:
        return True
    if end < len(doc) and doc[end].is_lower and (doc[end].lemma_.lower() in lexicon.facility_heads()
                                                  or doc[end].lower_ == "government"):
        return True  # "Guayaquil refineries", "the Oslo government": the city's works, its seat
    if span.start >= 2 and doc[span.start - 1].lower_ == "of" \
            and doc[span.start - 2].lower_ in PLACE_NOUNS:
        return True  # "the northern Nigerian state of Kano"
    if end + 1 < len(doc) and doc[end].text == "," and country_of(doc[end + 1].text) is not None \
            and doc[end + 1].ent_type_ == "GPE":
        return True
    if span.start >= 2 and doc[span.start - 1].lower_ in {"and", "or", ","} \
            and doc[span.start - 2].ent_type_ in {"GPE", "LOC"}:
        return True  # "in Onitsha and Aba": listed with places
    root = climb(span.root, lambda t: t.dep_ == "conj" and t.head.i < t.i)  # "in Onitsha and Aba"
    return root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPOSITIONS


# "the port of Balao": a kind of place, then "of" and its name.
_PLACE_KINDS = frozenset({*PLACE_NOUNS, "port", "village", "island", "oasis", "harbour", "harbor"})
# "the capital Colombo": a kind of place right before its name.
_NAMED_PLACE_KINDS = frozenset({"capital", "port"})
_DISTANCES = frozenset({"miles", "mile", "km", "kms", "kilometres", "kilometers", "kilometre", "kilometer"})
COMPASS_WORDS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast",
                           "southwest", "north-east", "north-west", "south-east", "south-west"})


def unknown_place_in_context(span: Span) -> bool:
    """A name the gazetteer does not know, that the model took for a company or a person,
    where the text can only mean a place: "the Pacific port of Balao", "the refinery at
    Paranam", "Moengo, 60 miles east of Paramaribo", "the Sri Lankan capital Colombo". Not a body's name (a head word or
    company word in it) nor a known organization."""
    doc = span.doc
    if len(span) > 3 or not all(t.is_title for t in span) or lexicon.known_organization(span.text):
        return False
    words = {t.lower_ for t in span}
    if words & (lexicon.agency_heads() | lexicon.organization_cues() | lexicon.industry_words()):
        return False
    before = [t.lower_ for t in doc[max(0, span.start - 2) : span.start]]
    if len(before) == 2 and before[1] == "of" and before[0] in _PLACE_KINDS | {"coast"}:
        return True  # "the port of Balao", "the Pacific coast of Balao"
    if len(before) == 2 and before[1] in _NAMED_PLACE_KINDS and (before[0] == "the" or doc[span.start - 2].pos_ in ("ADJ", "PROPN")):
        return True  # "the Sri Lankan capital Colombo", "the Black Sea port Novorossiisk"
    if len(before) == 2 and before[1] in ("at", "near") and doc[span.start - 2].lemma_.lower() in lexicon.facility_heads():
        return True  # "the alumina refinery at Paranam", "the mines at Moengo"
    after = [t for t in doc[span.end : span.end + 5]]
    return len(after) >= 4 and after[0].text == "," and after[1].like_num \
        and after[2].lower_ in _DISTANCES and (after[3].lower_ in COMPASS_WORDS or after[3].lower_ in ("from", "of"))


DIRECTIONS = frozenset({"northern", "southern", "eastern", "western", "middle", "central"})


def doc_lower(span: Span, offset: int) -> str:
    """The lower-case text of the token ``offset`` places before the span (-1: just before)."""
    i = span.start + offset
    return span.doc[i].lower_ if 0 <= i < len(span.doc) else ""


WEB_NAME = re.compile(r"\w\.(com|net|org|io|co)$", re.I)


def camel_case(span: Span) -> bool:
    """One word with a capital inside after lower-case letters ("FedEx", "eMarketer"): a
    brand's spelling, not a place's; names such as "McAllen" or "DeKalb" are excluded."""
    if len(span) != 1 or not span.text.isalpha() or country_of(span.text) is not None:
        return False
    word = span.text
    inner = [i for i, c in enumerate(word) if c.isupper() and i > 0 and word[i - 1].islower()]
    if not inner or gazetteer.is_city(word) or gazetteer.is_region(word):
        return False
    return not re.match(r"^(Mc|Mac|De|Di|Da|La|Le|Van|Von|O)[A-Z]", word)


COMPANY_ENDINGS = frozenset(
    {"international", "inc", "inc.", "ltd", "ltd.", "plc", "corp", "corp.", "co.", "company", "group",
     "holdings", "llc", "ag", "gmbh", "technologies", "motors", "airlines", "pharmaceuticals", "labs",
     "research", "analytics", "media", "games", "entertainment",
     # bodies of members, never places: "the United States-Iraq Business Forum"
     "forum", "association", "federation"}
)


_SAYING = frozenset({"say", "tell", "announce", "report", "add"})


def speaks(token: Token) -> bool:
    """The token is the subject of a verb of saying ("Apple said", "Jordan told")."""
    return token.dep_ == "nsubj" and token.head.lemma_ in _SAYING


def common_word(token: Token) -> bool:
    """A capitalised word that the same text also writes in lower case as a word of its own."""
    lower = token.lower_
    if country_of(token.text) or lexicon.known_organization(token.text) or gazetteer.is_city(token.text):
        return False
    if speaks(token):
        return False  # "Apple said ...": a speaker is a name
    # The token itself counts only when it is written in lower case already.
    return word_counts(token.doc)[lower] > (token.text == lower)


def court_district(span: Span) -> bool:
    end = span.end
    return len(span) == 2 and span[0].lower_ in DIRECTIONS and span[1].lower_ == "district" \
        and end < len(span.doc) and span.doc[end].lower_ == "of"


# Debt a government issues: "U.K. Government bonds", "Government securities" name no body
_ISSUED_DEBT = frozenset({"bonds", "bond", "securities", "paper", "debt", "stock", "stocks", "bills", "notes", "gilts"})


def names_government_debt(span: Span) -> bool:
    """ "U.K. Government bonds": a name ending in "government" that only qualifies its debt."""
    doc = span.doc
    return span[-1].lower_ == "government" and span.end < len(doc) and doc[span.end].lower_ in _ISSUED_DEBT


# Legal forms written before a company's name: Indonesian "PT" (Perseroan Terbatas), Spanish
# and Portuguese "Cia" (Compañía, Companhia).
_LEGAL_FORM_PREFIXES = frozenset({"PT", "P.T.", "Cia", "Cia."})


def after_company_noun(span: Span) -> bool:
    """ "research firm Canalys", "retailer Primark", "the state oil company, Petrobras,", "PT
    Tambang Timah": a company noun just before the name, or before it in apposition, or a
    legal form written before it."""
    if span.start == 0:
        return False
    doc = span.doc
    before = doc[span.start - 1]
    if before.text in _LEGAL_FORM_PREFIXES:
        return True
    if before.text == "," and span.start >= 3 and span.end < len(doc) and doc[span.end].text in (",", ".") \
            and doc[span.start - 3].pos_ in ("NOUN", "ADJ", "PROPN") and not _after_of(doc, span.start - 2):
        # "Brazil's state oil company, Petrobras, said": a described company noun ("the head of
        # the company, John Smith," is a person's title)
        before = doc[span.start - 2]
    if before.lower_ == "as" and span.start >= 3 and doc[span.start - 2].lower_ == "such":
        before = doc[span.start - 3]  # "big exporters such as Foxconn"
        return before.pos_ == "NOUN" and before.lemma_.lower() in lexicon.company_nouns()
    return before.is_lower and before.pos_ == "NOUN" and before.lower_ in lexicon.company_nouns()


def _after_of(doc, i: int) -> bool:
    """Whether the noun phrase ending at ``i`` is the object of "of" ("the boss of the tea
    company"): the name after it may be the holder of a title before it."""
    while i > 0 and doc[i - 1].pos_ in ("NOUN", "ADJ", "PROPN", "DET", "PART", "PUNCT") and doc[i - 1].text != ",":
        i -= 1
    return i > 0 and doc[i - 1].lower_ == "of"


def described_as_company(span: Span) -> bool:
    root = span.root
    # "Paul Hofheinz of the Lisbon Council, a citizen action group": a description after an
    # "of" phrase is of the body named in it, wherever the parser hung it
    preps = [t.i for t in root.children if t.dep_ == "prep" and t.i >= span.end]
    if any(t.dep_ == "appos" and t.pos_ == "NOUN" and t.lemma_.lower() in lexicon.company_nouns()
           and not any(i < t.i for i in preps) for t in root.children):
        return True
    # "the Kenya Tea Development Agency (KTDA), a farmer-owned company": read on the surface,
    # the parser often loses the apposition after a parenthesis
    doc, i = span.doc, span.end
    if i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")":
        i += 3
    if i + 2 >= len(doc) or doc[i].text != "," or doc[i + 1].lower_ not in ("a", "an"):
        return False
    for token in doc[i + 2 : i + 7]:
        if token.pos_ == "NOUN" and token.lemma_.lower() in lexicon.company_nouns():
            return True
        if token.pos_ not in ("ADJ", "NOUN", "PROPN", "VERB", "PUNCT") or token.text == ",":
            return False
    return False


def sub_national(span: Span) -> bool:
    """A name shared by a country and a state, used as the state: "Atlanta, Georgia",
    "the state of Georgia"."""
    doc, start = span.doc, span.start
    if start >= 2 and doc[start - 1].text == "," and doc[start - 2].ent_type_ in {"GPE", "LOC"} \
            and country_of(doc[start - 2].text) is None:
        return True
    if start >= 2 and doc[start - 2 : start].text.lower() == "state of":
        return True
    # an American story: other US states named as places ("Georgia and Colorado")
    states = gazetteer.us_states()
    if norm(span.text) not in states:
        return False
    named = {norm(e.text) for e in doc.ents if e.label_ == "GPE"} & states
    return len(named - {norm(span.text)}) >= 2


def place_body(span: Span) -> bool:
    """A county, state or city name followed by a field of government."""
    for token in span[1:-1]:
        if token.lower_ in {"county", "state", "city"} and token.is_title:
            rest = span.doc[token.i + 1 : span.end].text.lower().replace("’", "'")
            return re.sub(r"'s? (office|department)$", "", rest) in lexicon.agency_fields()
    return False


NO_REGION_OPENER = frozenset({"islamic", "nation", "welfare", "police", "member", "head"})


def region_name(span: Span) -> bool:
    """ "Alameda County", "Abia State", "Hubei Province": a name and a region word."""
    if not 2 <= len(span) <= 4 or span[-1].lower_ not in lexicon.region_words():
        return False
    if not span[-1].is_title or span[0].lower_ in NO_REGION_OPENER:
        return False
    rest = span[:-1]
    if any(not t.is_title or t.lower_ in {"of", "for", "and"} for t in rest):
        return False
    heads, cues = lexicon.agency_heads(), lexicon.organization_cues()
    return not any(t.lower_ in heads or t.lower_ in cues for t in rest) \
        and gazetteer.country_of_demonym(rest.text) is None


def consistent_places(spans: list[Span]) -> list[Span]:
    """A known city or region that the text names as a place is a place wherever the model
    took the same name for a person (not a company: teams carry city names) ("Kano isn't the only place ...")."""
    places = {s.text for s in spans if s.label_ == EntityType.PLACE}
    if not places:
        return spans
    # a name no list knows that a place's words made a place ("the port of Balao") is that
    # place in the rest of the story too ("the pipeline to Balao"), whatever the model took it for
    by_context = {s.text for s in spans if s.label_ == EntityType.PLACE and unknown_place_in_context(s)}
    out = []
    for span in spans:
        if span.label_ == EntityType.PERSON and span.text in places \
                and (gazetteer.is_city(span.text) or gazetteer.is_region(span.text)):
            span = Span(span.doc, span.start, span.end, label=EntityType.PLACE)
        elif span.label_ in (EntityType.PERSON, EntityType.ORGANIZATION) and span.text in by_context:
            span = Span(span.doc, span.start, span.end, label=EntityType.PLACE)
        elif span.label_ == EntityType.ORGANIZATION and span.text in places and _city_modifier(span):
            span = Span(span.doc, span.start, span.end, label=EntityType.PLACE)
        out.append(span)
    return out


def _city_modifier(span: Span) -> bool:
    """ "Nairobi broking houses", "the Yanbu export refineries", "exports through Rouen": a
    known city the story names as a place elsewhere, here modifying a common noun or after a
    preposition of place, is that place (a team's city before a title, "Leeds manager",
    stays the model's reading)."""
    root = span.root
    if len(span) != 1 or not gazetteer.is_city(span.text):
        return False
    if root.dep_ == "pobj":
        return root.head.lower_ in _PLACE_PREPOSITIONS
    return root.dep_ in ("compound", "nmod", "amod") and root.head.pos_ == "NOUN" and root.head.is_lower \
        and not lexicon.is_title(root.head.text) and root.head.lower_ not in lexicon.title_words()


_PLACE_PREPOSITIONS = frozenset({"through", "via", "in", "at", "near", "outside", "off"})


def facility_name(span: Span) -> bool:
    """ "the Kollsnes processing plant", "the Johan Sverdrup field": a name before the noun
    of a site or works (one modifier between) names a place. A known organization, a name
    with a company word, or one the text also writes on its own ("Tesla ... the Tesla
    plant") is the owner of the works, not their place."""
    doc, end = span.doc, span.end
    heads = lexicon.facility_heads()
    after = [t.lower_ for t in doc[end : end + 3]]
    if not after or not (after[0] in heads or (len(after) > 1 and after[1] in heads
                                                and doc[end].pos_ in {"NOUN", "ADJ", "VERB"}
                                                and doc[end].is_lower)):
        return False
    if lexicon.known_organization(span.text) or any(t.lower_ in lexicon.organization_cues() for t in span):
        return False
    words = [t.text for t in span]
    for token in doc:
        i = token.i
        if i != span.start and [t.text for t in doc[i : i + len(words)]] == words \
                and not any(t.lower_ in heads for t in doc[i + len(words) : i + len(words) + 2]):
            return False
    return True


def based_places(doc: Doc) -> list[Span]:
    """ "the Stavanger-based directorate": a city or region of the gazetteer before "-based"
    that the model left unnamed is a place."""
    spans = []
    # only the words before a hyphen: a Token is made of those, not of every word
    for token in (doc[i - 1] for i in positions_of(doc, ("-",)) if 0 < i < len(doc) - 1):
        if token.ent_iob_ != "O" or not token.is_title or doc[token.i + 2].lower_ != "based":
            continue
        start = token.i
        while start > 0 and doc[start - 1].is_title and doc[start - 1].ent_iob_ == "O" \
                and doc[start - 1].pos_ == "PROPN" and token.i - start < 2:
            start -= 1
        text = doc[start : token.i + 1].text
        if country_of(text) is not None:
            spans.append(Span(doc, start, token.i + 1, label=EntityType.COUNTRY))
        elif gazetteer.is_city(text) or gazetteer.is_region(text):
            spans.append(Span(doc, start, token.i + 1, label=EntityType.PLACE))
    return spans


def owned_by_country(its: Token) -> bool:
    """ "China hit back with its foreign ministry spokesman": "its" owns a national body
    when the sentence's subject before it is a country and no other name comes between."""
    sent = its.sent
    names = [t for t in sent if t.i < its.i and t.ent_type_ in {"GPE", "ORG", "NORP", "PERSON"}]
    if not names:
        return False
    last = names[-1]
    first = last
    while first.i > sent.start and first.nbor(-1).ent_iob_ == "I":
        first = first.nbor(-1)
    text = sent.doc[first.i : last.i + 1].text
    return last.ent_type_ == "GPE" and country_of(text) is not None \
        and last.dep_ in {"nsubj", "nsubjpass"}


def opens_other_name(span: Span) -> bool:
    """ "the US Open champion", "the China Open": a country name that opens a longer proper
    name the model did not tag (an event, a tournament) is no mention of the country."""
    doc, end = span.doc, span.end
    if end >= len(doc):
        return False
    after = doc[end]
    return after.pos_ == "PROPN" and after.is_title and after.ent_iob_ == "O" \
        and not is_title(after.text) and after.lower_ not in lexicon.title_words() \
        and after.lower_ not in lexicon.honorifics() and not after.is_sent_start \
        and after.dep_ == "compound" and span.root.head == after.head


@lru_cache(maxsize=1)
def _region_plurals() -> frozenset[int]:
    """The hashes of the plural region words ("states", "provinces", "counties")."""
    words = lexicon.region_words()
    return frozenset(get_string_id(w) for w in {w + "s" for w in words} | {w[:-1] + "ies" for w in words if w.endswith("y")})


def listed_regions(doc: Doc) -> list[Span]:
    """ "Lagos, Ogun and Abuja states": names listed before a plural region word are each a
    place; the plural word belongs to none of them."""
    spans: list[Span] = []
    for token in (doc[i] for i in lower_positions(doc, _region_plurals()) if i > 0):
        members: list[tuple[int, int]] = []
        end, i, joined = token.i, token.i - 1, False
        while i >= 0:
            start = end
            while start > 0 and doc[start - 1].is_title and doc[start - 1].pos_ == "PROPN" and end - start < 3:
                start -= 1
            if start == end:
                break
            members.append((start, end))
            i = start - 1
            if i >= 0 and doc[i].lower_ in ("and", "or") and not joined:
                joined, end = True, i
                if i >= 1 and doc[i - 1].text == ",":
                    end = i - 1
                continue
            if i >= 0 and doc[i].text == "," and joined:
                end = i
                continue
            break
        if joined and len(members) >= 2:
            spans.extend(Span(doc, a, b, label=EntityType.PLACE) for a, b in members)
    return spans
