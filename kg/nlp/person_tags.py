"""Within one article, a name the model tagged a person's in one place and an organization's
or a place's in another: which it is, settled by its full name, its votes and its words."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from kg.model import EntityType
from kg.nlp import lexicon
from kg.nlp.gazetteer import country_of, is_region
from kg.nlp.names import clean, is_acronym, locative, opening_initials, organization_words, person_words

_PERSONS = frozenset({EntityType.PERSON, EntityType.OFFICIAL})
_ORGS = frozenset({EntityType.AGENCY, EntityType.ORGANIZATION})


def persons_named_as_others(doc: Doc, ents: list[Span]) -> list[Span]:
    """``ents`` with the label each name's other mentions in the article settle."""
    # The model sometimes tags a person's surname as an organization or place
    # ("Maduro's rule"); within an article, a full name settles it.
    # ... and the other way round: a name also tagged as an organization is one.
    # Words are split at spaces, so that "Akufo-Addo" is one word of "Nana Akufo-Addo".
    # Each span's text, cleaned text and label, read once (spaCy joins a span's text anew at
    # every call)
    raw = [e.text for e in ents]
    texts = [clean(r) for r in raw]
    labels = [e.label_ for e in ents]
    org_names = {t for t, label in zip(texts, labels) if label in _ORGS}
    person_names = [person_words(r) for r, t, label in zip(raw, texts, labels) if label in _PERSONS
                    and t not in org_names]
    words = {w for n in person_names if len(n) > 1 for w in n}
    # "Santos Alvite" after "Fernando Santos Alvite": the last words of a person's full name
    # (double surnames) are that person, whatever the model tagged them
    tails = {" ".join(n[i:]) for n in person_names for i in range(1, len(n) - 1)}
    # A name tagged both ways ("Trump" the person and "Trump" the organization) is what
    # most of its mentions say; a title settles a tie.
    votes: dict[str, int] = {}
    for text, label in zip(texts, labels):
        if label in _PERSONS | _ORGS:
            vote = 1 if label in _PERSONS else -1
            votes[text] = votes.get(text, 0) + vote + (1 if label == EntityType.OFFICIAL else 0)
    # a tie between a person's and an organization's tag of a full name ("Justin Marshall")
    # goes to the person unless the name has an organization's word
    single = {t for t, v in votes.items()
              if v > 0 or v == 0 and len(t.split()) > 1 and not organization_words(t)}
    org_first = {w for n in org_names if len(n.split()) > 1 and (w := _opening_name_word(n))}
    # "Pirelli" tagged an organization, opening "Pirelli SpA": "Pirelli Cables" is no person
    company_words = {w for w in org_first if votes.get(w, 0) < 0}
    words -= company_words
    # "in Philadelphia" says the word is a place, whatever "Philadelphia Eagles" says.
    placed = {t for e, t, label in zip(ents, texts, labels)
              if label in {EntityType.PLACE, EntityType.COUNTRY} and locative(e)}
    out = []
    for e, text, written in zip(ents, texts, raw):
        one_word = len(text.split()) == 1
        # "Taiwan" before "the Taiwan Shipbreaking Industry Association", "Ontario" before
        # "Ontario Hydro": a territory or province is the place, not the body's short name
        short_form = one_word and text in org_first and text not in words \
            and country_of(written) is None and text not in placed \
            and not (e.label_ == EntityType.PLACE and is_region(written))
        if e.label_ in {EntityType.PERSON, EntityType.PLACE} and short_form:  # "Sinovac" of "Sinovac Biotech"
            e = Span(doc, e.start, e.end, label=EntityType.ORGANIZATION)
        elif e.label_ == EntityType.PERSON and not one_word and text.split()[0] in company_words:
            e = Span(doc, e.start, e.end, label=EntityType.ORGANIZATION)
        elif e.label_ == EntityType.PERSON and text in org_names and text not in single:
            e = Span(doc, e.start, e.end, label=EntityType.ORGANIZATION)
        elif e.label_ in {EntityType.ORGANIZATION, EntityType.PLACE, EntityType.OTHER} \
                and (one_word and text in words or text in single or text in tails) \
                and not is_acronym(e) and country_of(written) is None \
                and not lexicon.known_organization(text):
            e = Span(doc, e.start, e.end, label=EntityType.PERSON)
        # "Russia's Elena Dementieva" tagged a place, where "Dementieva" is a person
        if e.label_ in {EntityType.ORGANIZATION, EntityType.PLACE} and not one_word and text.split()[-1] in single \
                and all(t.is_title for t in e) and not organization_words(text):
            e = Span(doc, e.start, e.end, label=EntityType.PERSON)
        out.append(e)
    return out


def _opening_name_word(name: str) -> str | None:
    """The word a body's name opens with, after its initials ("Goodrich" of "B.F. Goodrich
    Co": the firm's short name, written alone later; "Pirelli" of "Pirelli SpA")."""
    words = name.split()
    k = opening_initials(words)
    return words[k] if k < len(words) - 1 or k == 0 else None
