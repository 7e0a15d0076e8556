"""Whether a named person holds a public office: titles in apposition or before the name,
and the body a title is held in (a company's or club's post is no public office)."""

from __future__ import annotations

from spacy.attrs import ENT_IOB, IS_LOWER, IS_TITLE, IS_UPPER, POS
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc, Span, Token

from kg.model import EntityType
from kg.nlp import lexicon
from kg.nlp.datafiles import rule_words
from kg.nlp.gazetteer import country_of
from kg.nlp.lexicon import is_title
from kg.nlp.royals import reigns

# Owners that make a title a public office.
_PUBLIC = frozenset({EntityType.AGENCY, EntityType.COUNTRY, EntityType.PLACE})


def holds_title(span: Span, *, labels: dict[int, str] | None = None) -> bool:
    """True when the text gives this person an official title (apposition or pre-modifier).

    ``labels`` maps token indices to kg entity labels; a title held in a company, club or
    other non-government Organization ("chairman of MIT's Media Labs", "the MMF's general
    secretary") is no public office.
    """
    doc = span.doc
    root = span.root
    if labels is None:
        labels = {i: e.label_ for e in doc.ents for i in range(e.start, e.end)}
    # "Zhang Qi, deputy director of ...", "Jiang Fan, an official with ..."
    candidates = [t for t in root.children if t.dep_ == "appos"]
    if root.dep_ == "appos":
        candidates.append(root.head)
    for token in candidates:
        if title_phrase(token):
            mods = [t.text for t in token.lefts if t.dep_ in {"amod", "compound"}]
            if lexicon.is_private_title(" ".join([*mods, token.text])):
                return False  # "Jill Soltau, chief executive of ...": a company's post
            return not _private_post(token, labels)
    if party_legislator_before(span):
        return True
    if (title := _title_after_comma(span)) is not None:
        return not _private_post(title, labels)
    # "President John Magufuli", "Foreign Ministry spokesperson Zhao Lijian"
    i = span.start - 1
    while i >= 0 and doc[i].dep_ in {"compound", "amod", "nmod", "poss", "case"} and i >= span.start - 6:
        if lexicon.is_private_title(doc[max(i - 1, 0) : span.start].text):
            return False  # "Tesla CEO Elon Musk", "head coach X": no public office
        if reigns(doc[i].text) is False:
            break  # "Prince Charles": a royal's style is no office
        if doc[i].lower_ in lexicon.title_words() and (
            is_title(doc[i].text) or (i > 0 and is_title(doc[i - 1 : i + 1].text))
        ):  # "President X", "Senate Majority Leader X"
            return not (_private_post(doc[i], labels) or _private_post(root, labels))
        i -= 1
    title = _title_of_field_before(span)
    if title is not None:
        return not lexicon.is_private_title(doc[title.i : span.start].text)
    if _fronted_public_title(span, labels):
        return True
    for token in root.children:
        if token.dep_ in {"compound", "amod"} and token.i < span.start and is_title(token.text):
            if lexicon.is_private_title(token.text):
                return False
            return not (_private_post(token, labels) or _private_post(root, labels))
    # "the Reagan administration": the government named after the one who heads it
    after = doc[span.end] if span.end < len(doc) else None
    return after is not None and after.lower_ in _LED_BODIES and root.head.i == after.i \
        and root.dep_ in {"compound", "nmod", "poss"}


def party_legislator_before(span: Span) -> bool:
    """ "Liberal member Lloyd Axworthy", "Labour MP X": a party label and a seat in a
    legislature right before the name make the person a legislator, an office holder."""
    doc = span.doc
    if span.start < 2:
        return False
    party, seat = doc[span.start - 2], doc[span.start - 1]
    return party.is_title and party.lower_ in rule_words("posts", "party_words") \
        and seat.lower_ in rule_words("posts", "legislator_heads")


# Bodies named after the one who leads them ("the Reagan administration").
_LED_BODIES = frozenset({"administration", "government", "cabinet"})


def _title_of_field_before(span: Span) -> Token | None:
    """ "vice-minister of industry and information technology Xin Guobin": a title with its
    field in lower case written straight before the name (the parse often breaks it)."""
    doc = span.doc
    i = span.start - 1
    while i >= 1 and span.start - i <= 8 and doc[i].is_lower and (doc[i].is_alpha or doc[i].text == "-"):
        if doc[i].lower_ in {"of", "for"} and i < span.start - 1:
            before = doc[i - 1]
            if before.lower_ in lexicon.title_words() and is_title(before.text):
                return before
        i -= 1
    return None


# Titles held in any kind of body; which body says whether the post is public.
_BODY_TITLES = frozenset({"director", "head", "chairman", "chairwoman", "chairperson", "president",
                          "chief", "manager"})


def _private_post(title: Token, labels: dict[int, str]) -> bool:
    """True when the organization a title is held in is a non-government Organization."""
    owners: list[Token] = []
    for child in title.children:
        if child.dep_ in {"poss", "compound", "nmod"} and child.i < title.i:
            owners.append(child)
        elif child.dep_ == "prep" and child.lower_ in {"of", "at", "with", "for"}:
            owners.extend(t for t in child.children if t.dep_ == "pobj")
        elif child.dep_ == "conj":  # "chairman and founder of ..."
            owners.extend(t for p in child.children if p.dep_ == "prep" and p.lower_ in {"of", "at"}
                          for t in p.children if t.dep_ == "pobj")
    if any(({labels[o.i]} if o.i in labels else {labels.get(t.i) for t in _owner_words(o)}) & _PUBLIC
           for o in owners):
        return False  # "head of research at the Chilean Copper Commission"
    for owner in owners:
        if title.lower_ in _BODY_TITLES and owner.pos_ == "NOUN" and owner.dep_ == "pobj" and not any(
            t.i in labels or t.lower_ in lexicon.agency_heads() or t.lower_ in lexicon.agency_units()
            for t in owner.subtree
        ):
            return True  # "director of the mouse repository": a post in no public body
        if owner.i in labels:  # "chairman of the Hanoi-based Vietnam Food Association"
            if labels[owner.i] == EntityType.ORGANIZATION:
                return True
            continue
        found = {labels.get(t.i) for t in _owner_words(owner)} - {None}
        if EntityType.ORGANIZATION in found and not found & _PUBLIC:
            return True
    return False


_ARTICLES = frozenset({"a", "an", "the"})


def _title_after_comma(span: Span) -> Token | None:
    """ "Jerry Ruiz, a leading Congressman representing growers": a title right after the
    name, its comma and an article, read from the words where the parser hangs the
    apposition elsewhere. A company's or a profession's title ("a senior analyst") is none."""
    doc = span.doc
    i = span.end
    if i + 2 >= len(doc) or doc[i].text != "," or doc[i + 1].lower_ not in _ARTICLES:
        return None
    for j in range(i + 2, min(i + 6, len(doc))):
        token = doc[j]
        if token.pos_ not in {"ADJ", "NOUN", "PROPN"} and not token.tag_ in {"VBG", "VBN"} or token.is_punct:
            return None  # "a leading Congressman", "a retired general" read as verbs
        phrase = doc[i + 2 : j + 1].text
        if lexicon.is_private_title(phrase):
            return None
        if token.pos_ in {"NOUN", "PROPN"} and is_title(token.text) \
                and not (j + 1 < len(doc) and (doc[j + 1].pos_ in {"NOUN", "PROPN"} and not doc[j + 1].is_title
                                               or doc[j + 1].lower_ in {"'s", "\u2019s"})):
            return token  # not "a trade minister's aide", "a president emeritus"
    return None


def _fronted_public_title(span: Span, labels: dict[int, str]) -> bool:
    """ "President of the Brazilian Coffee Institute, IBC, Jorio Dauster said": a title that
    opens the clause, with the government body (or country, or place) it is held in, and a
    comma before the name. Read from the words, as the parser hangs such a title anywhere."""
    doc = span.doc
    i = span.start - 1
    if i < 0 or doc[i].text != ",":
        return False
    i -= 1
    if i >= 0 and doc[i].is_upper and doc[i].is_alpha:  # ", IBC,": the body's short name in apposition
        i -= 1
        if i < 0 or doc[i].text != ",":
            return False
        i -= 1
    if i < 0 or labels.get(i) not in _PUBLIC:
        return False
    label = labels[i]
    while i >= 0 and labels.get(i) == label:
        i -= 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    if i < 1 or doc[i].lower_ not in {"of", "at"}:
        return False
    for size in (1, 2, 3):  # "President", "Vice President", "Deputy Managing Director"
        title = doc[max(i - size, 0) : i]
        opens = title.start == 0 or doc[title.start].is_sent_start or doc[title.start - 1].text in {",", ";", ":"}
        if len(title) == size and is_title(title.text) and not lexicon.is_private_title(title.text) and opens:
            return True
    return False


def _owner_words(owner: Token) -> list[Token]:
    """The words naming a body: its modifiers and "of" phrases, not where it is ("the UNICEF
    office in Kano")."""
    words = [owner]
    for child in owner.children:
        if child.i < owner.i or (child.dep_ == "prep" and child.lower_ == "of"):
            words.extend(child.subtree)
    return words


def title_phrase(token: Token) -> bool:
    if token.pos_ not in {"NOUN", "PROPN"}:
        return False
    mods = [t.text for t in token.lefts if t.dep_ in {"amod", "compound"}]
    return is_title(" ".join([*mods, token.text])) or is_title(token.text)


_NAME_PARTICLES = frozenset({"de", "da", "del", "della", "van", "von", "der", "den", "bin", "al", "le", "la", "dos", "do"})


def titled_name(span: Span) -> bool:
    """A name of title-case words with no organization word whose apposition is a title
    ("Ada Obi, the state commissioner for health"): the model's ORG is a person."""
    if not 2 <= len(span) <= 4 or not all(t.is_alpha and (t.is_title or t.lower_ in _NAME_PARTICLES)
                                          for t in span) or not span[0].is_title:
        return False
    words = {t.lower_ for t in span}
    if words & lexicon.agency_heads() or words & lexicon.organization_cues() \
            or lexicon.known_organization(span.text) or span.root.pos_ != "PROPN":
        return False
    root = span.root
    candidates = [t for t in root.children if t.dep_ == "appos"]
    if root.dep_ == "appos" and root.head.i < span.start:
        candidates.append(root.head)
    return any(title_phrase(t) or (t.pos_ == "NOUN" and lexicon.is_private_title(t.text))
               for t in candidates)


# Token.ent_iob as Doc.to_array reads it: 2 is "O" (outside any entity).
_OUTSIDE = 2
_NOUN = POS_IDS["NOUN"]


def names_after_titles(doc: Doc) -> list[Span]:
    """ "French Green MEP Alain Lipietz", "the deputy energy minister Fernando Santos Alvite":
    two or three capitalised words the model left unnamed, right after a title (a line
    break between them or not), are a person's name."""
    spans = []
    # Each word's attributes read at once: a Token is made only of the few words that may be titles.
    attrs = doc.to_array([ENT_IOB, IS_TITLE, IS_UPPER, IS_LOWER, POS]).tolist() if len(doc) else []
    for i, (iob, title_case, upper, lower, pos) in enumerate(attrs[:-2]):
        if iob != _OUTSIDE or not (title_case or upper or lower and pos == _NOUN):
            continue
        token = doc[i]
        if not is_title(token.text):
            continue
        first = token.i + 1
        while first < len(doc) - 1 and doc[first].is_space:
            first += 1
        end = first
        while end < len(doc) and end - first < 3 and doc[end].is_title and doc[end].is_alpha \
                and doc[end].pos_ == "PROPN" and doc[end].ent_iob_ == "O" and not is_title(doc[end].text):
            end += 1
        if not 2 <= end - first <= 3 or (end < len(doc) and doc[end].is_title and doc[end].pos_ == "PROPN"):
            continue
        name = doc[first:end]
        words = {t.lower_ for t in name}
        if words & (lexicon.agency_heads() | lexicon.organization_cues() | lexicon.portfolios()) \
                or lexicon.known_organization(name.text) or country_of(name[0].text) is not None:
            continue
        spans.append(Span(doc, name.start, name.end, label=EntityType.PERSON))
    return spans
