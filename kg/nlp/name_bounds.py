"""Where an organization's name begins and ends when the model cuts it or runs it on.

Newswire writes foreign institutions' names untranslated and national ones with their
country's adjective, and the model reads their words as several names:

- a particle of another language between two capitalised halves joins one name ("Bank fuer
  Gemeinwirtschaft", "Banco de Credito"): in an English text "fuer", "von", "del" only stand
  inside a foreign name;
- a Turkish institution's head ("Bankasi", "Sirketi") is a compound's second half that takes
  the capitalised words before it, a country's name included ("Turkiye Is Bankasi");
- a country's adjective before "National Bank", "State Railways", "Central Bank" opens the
  name of that country's own institution ("Polish National Bank"), where it otherwise stays
  a separate nationality;
- a club or group named "of" a capitalised adjective that describes lowercase words after
  it ends before "of" ("Paris Club of Western creditor governments").

>>> _particle("fuer"), _particle("for")
(True, False)
"""

from __future__ import annotations

from spacy.tokens import Span

from kg.model import EntityType
from kg.nlp import gazetteer
from kg.nlp.company_names import legal_form

# Prepositions and articles of the languages whose institutions' names wire stories keep
# untranslated (German, Dutch, French, Spanish, Italian, Portuguese); English has none of them
# as words of its own, so between two capitalised halves they join one name.
_PARTICLES = frozenset({"fuer", "fur", "f\u00fcr", "der", "des", "von", "van", "voor", "de", "del", "della",
                        "di", "da", "do", "dos", "du", "et", "y"})
# Turkish heads written as the second half of a compound ("Is Bankasi", "Ziraat Bankasi"): the
# capitalised words before them are the name's, however the model labels them.
_COMPOUND_HEADS = frozenset({"bankasi", "bankas\u0131", "sirketi", "\u015firketi", "kurumu", "odasi"})
_MAX_COMPOUND_WORDS = 3
_TURKISH_FORMS = frozenset({"AS", "A.S.", "TAS", "T.A.S."})
# "National Bank", "State Railways": a public institution of the country its adjective names.
_PUBLIC_QUALIFIERS = frozenset({"national", "state", "central", "people's", "peoples", "federal"})
_PUBLIC_HEADS = frozenset({"bank", "railways", "railway", "airlines", "airline", "oil", "petroleum",
                           "planning", "insurance", "shipping", "trading", "grain", "sugar", "bureau",
                           "commission", "corporation", "corp", "company", "co", "board", "agency"})
# A club's or group's name "of" only ever continues with capitalised words of its own ("Group
# of Seven"); a description after "of" of its members is not the name.
_MEMBER_HEADS = frozenset({"club", "group"})
# Adjectives naming a side of the world, which qualify members the way demonyms do.
_SIDE_ADJECTIVES = frozenset({"western", "eastern", "northern", "southern", "arab", "african", "asian",
                              "european", "latin", "industrial", "industrialised", "industrialized"})
_ORGANIZATIONS = frozenset({EntityType.ORGANIZATION.value, EntityType.AGENCY.value})
_NAMES = frozenset({*_ORGANIZATIONS, "ORG"})


def _particle(word: str) -> bool:
    return word.lower() in _PARTICLES


def mended_bounds(spans: list[Span]) -> list[Span]:
    """``spans`` (entities, kg-typed or the model's) with organizations' names joined, opened
    or ended where their words show it. A joined name may now cover another span: the
    selection of spans, where the longer wins, drops that one."""
    joined = _particle_joined(sorted(spans, key=lambda s: s.start))
    mended = [_members_description_cut(_compound_opened(s)) for s in joined]
    return _public_adjective_opened(mended)


def _particle_joined(spans: list[Span]) -> list[Span]:
    """ "Bank fuer Gemeinwirtschaft", "Kreditanstalt fuer Wiederaufbau": an organization's
    name, a foreign particle and capitalised words, however the model reads the words after
    the particle (another name, a person, nothing); it may have run the particle into the
    first half ("Bank fuer")."""
    out: list[Span] = []
    for span in spans:
        if span.label_ in _NAMES:
            span = _through_particle(span)
        if out and out[-1].label_ in _NAMES and span.start < out[-1].end:
            continue  # the words after the particle, read as a name of their own
        out.append(span)
    return out


def _through_particle(span: Span) -> Span:
    doc = span.doc
    particle = span.end - 1 if len(span) > 1 and span[-1].is_lower and _particle(span[-1].text) else span.end
    if particle >= len(doc) or not (doc[particle].is_lower and _particle(doc[particle].text)):
        return span
    end = particle + 1
    while end < len(doc) and end - particle <= _MAX_COMPOUND_WORDS and doc[end].is_title and doc[end].is_alpha:
        end += 1
    if end == particle + 1:
        return span
    if gazetteer.country_of(doc[particle + 1 : end].text) is not None:
        # "Banco Royal do Canada", a Brazilian bank: a country after the particle may name a
        # parent's seat, not the firm's; the model's reading stands
        return span
    return Span(doc, span.start, end, label=span.label_)


def _compound_opened(span: Span) -> Span:
    """ "Turkiye Is Bankasi", "Turkiye Emlak Bankasi AS": capitalised words right before a
    Turkish compound head are the name's, and the name is an organization's whatever the
    model read it as (a place, for the country's name in it)."""
    heads = [t for t in span[-2:] if t.lower_ in _COMPOUND_HEADS]
    # a legal form may follow the head: "Bankasi AS" (Turkish "anonim sirket")
    if not heads or heads[-1].i != span.end - 1 and not (legal_form(span[-1].text) or span[-1].text in _TURKISH_FORMS):
        return span
    doc, start = span.doc, span.start
    while start > 0 and span.start - start < _MAX_COMPOUND_WORDS and doc[start - 1].is_title \
            and doc[start - 1].is_alpha and not doc[start - 1].is_sent_start:
        start -= 1
    if start > 0 and doc[start - 1].is_title and doc[start - 1].is_alpha and doc[start - 1].is_sent_start:
        start -= 1  # the name opens the sentence
    label = span.label_ if span.label_ in _NAMES else EntityType.ORGANIZATION.value
    return span if start == span.start and label == span.label_ else Span(doc, start, span.end, label=label)


def _members_description_cut(span: Span) -> Span:
    """ "Paris Club of Western creditor governments": the name ends before "of"."""
    if span.label_ not in _NAMES or len(span) < 4 or span[-2].lower_ != "of" \
            or span[-3].lower_ not in _MEMBER_HEADS:
        return span
    doc, last = span.doc, span[-1]
    describes = last.lower_ in _SIDE_ADJECTIVES or gazetteer.country_of_demonym(last.text) is not None
    if describes and span.end < len(doc) and doc[span.end].is_lower and doc[span.end].is_alpha \
            and doc[span.end].pos_ in ("NOUN", "ADJ"):
        return Span(doc, span.start, span.end - 2, label=span.label_)
    return span


def _public_adjective_opened(spans: list[Span]) -> list[Span]:
    """ "Polish National Bank": a country's adjective right before "National Bank" is the
    name's; the separate nationality span is dropped."""
    out: list[Span] = []
    for span in spans:
        previous = out[-1] if out else None
        if previous is not None and span.label_ in _NAMES and span.start == previous.end \
                and len(previous) == 1 and gazetteer.country_of_demonym(previous.text) is not None \
                and len(span) >= 2 and span[0].lower_ in _PUBLIC_QUALIFIERS \
                and span[-1].lower_ in _PUBLIC_HEADS:
            out[-1] = Span(span.doc, previous.start, span.end, label=span.label_)
            continue
        out.append(span)
    return out
