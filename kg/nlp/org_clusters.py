"""Organizations and government bodies within one article (``kg.nlp.resolve``): a body's name
joined to the fuller name it shortens ("Silvercorp" of "Silvercorp Metals", "the Commission"
of "European Commission", "Trade Department" of "the Trade and Industry Department"), a
national body named by its country ("the Chinese government"), a unit named by its owner
("the MOC's foreign trade department"), a description in apposition ("CoFACE, the French
export credit agency"), the inverted form ("the health ministry" of "the Ministry of Health")
and bodies named only by their function ("the statistics department said")."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.strings import get_string_id
from spacy.tokens import Span

from kg.model import EntityType
from kg.nlp import lexicon
from kg.nlp.cluster_book import ORGS, ClusterBook
from kg.nlp.clusters import Cluster
from kg.nlp.doc_index import lower_positions, orths_of, positions_of
from kg.nlp.entities import kg_label
from kg.nlp.gazetteer import country_of, country_of_demonym
from kg.nlp.lexicon import norm
from kg.nlp.names import clean, head_word, is_acronym, is_bare_head, opening_initials, token_before

_POSSESSIVE = frozenset({"'s", "\u2019s"})


def add_organization(book: ClusterBook, span: Span, entity_type: EntityType, text: str) -> None:
    known = lexicon.known_organization(text, book.article.published) or _known_national(text)
    if known is not None:
        cluster = book.cluster(f"org:{norm(known.name)}", EntityType(known.type))
        cluster.label = known.name
        cluster.same_as = (known.iri,) if known.iri else ()
        book.attach(cluster, span, text)
        return
    before = token_before(span)
    if span.text.islower() and before is not None:
        country = country_of(before.text)
        if country is not None:  # "the Chinese government", "China's health ministry"
            adjective = country.demonyms[0] if country.demonyms else country.name
            name = f"{adjective} {text}"
            cluster = book.cluster(f"org:{norm(name)}", EntityType.AGENCY)
            cluster.label = name
            book.attach(cluster, span, book.doc[before.i : span.end].text)
            return
        owner = _owner(book, span)
        if owner is not None:  # "the MOC's foreign trade department"
            owner_cluster, owner_text = owner
            name = f"{owner_text}'s {text}"
            cluster = book.cluster(f"unit:{id(owner_cluster)}:{norm(text)}", entity_type)
            book.attach(cluster, span, text)
            cluster.names.append(name)
            return
    identity = f"org:{norm(text)}"
    if identity not in book.by_identity:
        longer = _longer_name(book, text) or _one_field_of(book, text) or _named_by_head(book, span, text) \
            or _misspelling_of(book, text) or _end_of_body_name(book, text)
        if longer is not None:
            book.attach(longer, span, text)
            return
    cluster = book.cluster(identity, entity_type)
    cluster.typed_by_label = True
    book.attach(cluster, span, text)


def _owner(book: ClusterBook, span: Span) -> tuple[Cluster, str] | None:
    if span.start < 2 or book.doc[span.start - 1].lower_ not in _POSSESSIVE:
        return None
    owner_token = book.doc[span.start - 2]
    for ent in book.doc.ents:
        if ent.start <= owner_token.i < ent.end and kg_label(ent):
            cluster = book.of_span.get((ent.start, ent.end))
            if cluster is None and is_acronym(ent):
                # owner acronyms are resolved after named organizations
                cluster = book.cluster(f"org:{norm(clean(ent.text))}", EntityType(ent.label_))
                book.attach(cluster, ent, clean(ent.text))
            if cluster is not None:
                return cluster, clean(ent.text)
    return None


def _misspelling_of(book: ClusterBook, text: str) -> Cluster | None:
    """ "Loius Dreyfus" after "Louis Dreyfus": a name of several words that differs from an
    organization's name already read only by two letters swapped in one word, a slip of
    the keyboard, is that organization."""
    words = text.split()
    if len(words) < 2:
        return None
    for other in book.of_span.values():
        if other.type is EntityType.ORGANIZATION and any(
                _one_swap(words, n.split()) for n in other.names):
            return other
    return None


def _longer_name(book: ClusterBook, text: str) -> Cluster | None:
    # "Silvercorp" is "Silvercorp Metals": a name that starts another organization's name
    # (but "Ministry" alone would be no name; single-word heads are left alone).
    words = text.lower().split()
    if len(words) == 1 and words[0] in lexicon.agency_heads():
        return None
    found = None
    for other in book.of_span.values():
        if other.type is EntityType.ORGANIZATION and any(
            (m := _without_initials(n)).lower().split()[: len(words)] == words and len(m.split()) > len(words)
            # "Yukos USA", "Vodafone UK", "Honda American Manufacturing Co": a country or its
            # demonym after the name names the body's arm there
            and country_of(" ".join(m.split()[len(words):])) is None
            and country_of_demonym(m.split()[len(words)]) is None
            for n in other.names
        ):
            if found is not None and found is not other:
                return None  # ambiguous
            found = other
    return found


def _without_initials(name: str) -> str:
    """ "Goodrich Co" of "B.F. Goodrich Co": a firm's name after its opening initials, which
    the story leaves off when it names the firm again ("Goodrich said")."""
    words = name.split()
    return " ".join(words[opening_initials(words):])


def _end_of_body_name(book: ClusterBook, text: str) -> Cluster | None:
    """ "the Statistics Office" after "the Federal Statistics Office": a government body's
    name of two words or more that ends one other body's name already read is that body
    (two such bodies, "the Japanese and the German Finance Ministry", leave it alone)."""
    words = text.lower().split()
    if len(words) < 2 or words[-1] not in lexicon.agency_heads():
        return None
    found = {id(other): other for other in book.of_span.values()
             if other.type is EntityType.AGENCY and any(
                 n.lower().split()[-len(words):] == words and len(n.split()) > len(words) for n in other.names)}
    return next(iter(found.values())) if len(found) == 1 else None


def _one_field_of(book: ClusterBook, text: str) -> Cluster | None:
    """ "Trade Department" after "the Trade and Industry Department": a body of several
    fields named by one of them and its head word is that body (of one such body only)."""
    words = text.split()
    if len(words) < 2 or words[-1].lower() not in lexicon.agency_heads():
        return None
    field, head = " ".join(words[:-1]).lower(), words[-1].lower()
    found = None
    for other in book.of_span.values():
        if other.type not in ORGS:
            continue
        for name in other.names:
            parts = re.sub(r"^[Tt]he\s+", "", name).split()
            if len(parts) < 4 or parts[-1].lower() != head:
                continue
            fields = re.split(r"\s*(?:,|\band\b|&)\s*", " ".join(parts[:-1]).lower())
            if len(fields) > 1 and field in fields:
                if found is not None and found is not other:
                    return None  # ambiguous
                found = other
    return found


def _named_by_head(book: ClusterBook, span: Span, text: str) -> Cluster | None:
    # "the Federation", "the Commission": the head word of an organization named in full
    # in the article is that organization; of several, the one last mentioned before.
    if not is_bare_head(span):
        return None
    word = text.lower()
    found: list[tuple[int, Cluster]] = []
    for (start, _end), other in book.of_span.items():
        if other.type in ORGS and any(head_word(n) == word and len(n.split()) > 1
                                       for n in other.names):
            found.append((start, other))
    if not found:
        return None
    before = [pair for pair in found if pair[0] < span.start]
    pool = before or found
    return max(pool, key=lambda pair: pair[0])[1] if before else min(pool, key=lambda p: p[0])[1]


def descriptions_in_apposition(book: ClusterBook) -> None:
    """ "CoFACE, the French export credit agency, said", "the UK's regulator Ofcom": a
    body's description in lower case (after its country's name or demonym), in apposition to
    a named body, is that body, not another; its head word ("agency", "regulator") makes
    the named one a state body where it is one."""
    by_token = {i: c for (start, end), c in book.of_span.items() for i in range(start, end)}
    for cluster in [c for c in book.clusters if c.type in ORGS and c.spans]:
        spans = cluster.spans
        if not all(_description(s) for s in spans):
            continue
        named = _named_before(book, spans[0], by_token) if all(_set_off(s) for s in spans) else None
        # "the UK's regulator Ofcom": the name right after its one description
        if named is None and len(spans) == 1:
            named = by_token.get(spans[0].end)
            if named is not None and not book.doc[spans[0].end].is_title and not book.doc[spans[0].end].is_upper:
                named = None
        if named is None or named is cluster or named.type not in ORGS:
            continue
        for span in list(spans):
            book.attach(named, span, None)
        if cluster.type is EntityType.AGENCY:  # "the UK's regulator": a government body
            named.type, named.state_body = EntityType.AGENCY, True
        cluster.spans, cluster.names = [], []


def merge_inverted(book: ClusterBook) -> None:
    # "the health ministry" and "the Ministry of Health": a lower-case "field head" is
    # the body named "Head of Field" in the same article.
    named = {}
    for cluster in book.clusters:
        for name in [cluster.label, *cluster.names] if cluster.label else cluster.names:
            words = name.lower().split()
            if cluster.type in ORGS and len(words) == 3 and words[1] == "of":
                named.setdefault(f"{words[2]} {words[0]}", cluster)
    for cluster in book.clusters:
        if cluster.type not in ORGS or not cluster.spans:
            continue
        target = next((named[key] for n in cluster.names
                       if (key := _inverted_key(n)) is not None and key in named), None)
        if target is None or target is cluster:
            continue
        for span in cluster.spans:
            book.attach(target, span, None)
        target.names.extend(cluster.names)
        cluster.spans, cluster.names = [], []


# Head words of a government body a country's name or demonym names in lower case.
_NATIONAL_BODY_HEADS = frozenset({"ministry", "department", "board", "commission", "bureau", "directorate",
                                  "authority", "agency", "office"})
_NATIONAL_BODY_HASHES = frozenset(get_string_id(word) for word in _NATIONAL_BODY_HEADS)
_MAX_FIELD_WORDS = 4


def national_bodies_in_lower_case(book: ClusterBook) -> None:
    """ "the Argentine grain board said", "Venezuela's energy and mines ministry": a body's
    field and head word in lower case after its country's demonym or name, which the model
    tagged as no name, is that country's government body (as "the Chinese government" the
    model reads is)."""
    doc = book.doc
    covered = {i for start, end in book.of_span for i in range(start, end)}
    # the head words found by their hashes: a Token for those only, not for every word
    for head in [doc[i] for i in lower_positions(doc, _NATIONAL_BODY_HASHES)]:
        if not head.is_lower or head.pos_ not in ("NOUN", "PROPN") \
                or head.tag_ in ("NNS", "NNPS") or head.i in covered:
            continue
        start = head.i
        while start > 0 and head.i - start < _MAX_FIELD_WORDS and doc[start - 1].is_lower \
                and (doc[start - 1].pos_ in ("NOUN", "ADJ") or doc[start - 1].lower_ == "and") \
                and doc[start - 1].i not in covered:
            start -= 1
        if start == head.i or doc[start].lower_ == "and":
            continue  # "the Argentine board": no field to name it by
        span = Span(doc, start, head.i + 1, label=EntityType.AGENCY)
        before = token_before(span)
        if before is None or not before.text[:1].isupper() \
                or (country_of(before.text) or country_of_demonym(before.text)) is None:
            continue
        add_organization(book, span, EntityType.AGENCY, span.text)
        covered.update(range(before.i, head.i + 1))


def add_unnamed_bodies(book: ClusterBook) -> None:
    """ "according to central bank figures", "the statistics department said": a body
    named by its function in lower case, in a story that names no body with its head
    word ("Bank of Thailand ... the central bank" may be that bank: left alone)."""
    covered = {i for start, end in book.of_span for i in range(start, end)}
    # Where each phrase's first word stands: a phrase is tried only there (not at every
    # token, which was most of this method's cost); words compared by their hashes, read
    # once per Doc, not by a Token's text made for each.
    phrases = _unnamed_body_phrases()
    orths = orths_of(book.doc)
    at: dict[int, list[int]] = {}
    for i in positions_of(book.doc, {words[0] for _, words, _ in phrases}):
        at.setdefault(orths[i], []).append(i)
    # head words of the bodies the story names (not of the ones this method adds: "the
    # finance ministry" leaves "the trade ministry" a body of its own)
    named = {w for c in book.clusters if c.type in ORGS for n in c.names for w in n.lower().split()}
    for phrase, words, hashes in phrases:
        if words[-1] in named:
            continue
        for start in at.get(hashes[0], ()):
            if orths[start : start + len(words)] != hashes:
                continue
            span = Span(book.doc, start, start + len(words), label=EntityType.AGENCY)
            if any(t.i in covered for t in span) or span[-1].tag_ in ("NNS", "NNPS"):
                continue
            book.attach(book.cluster(f"org:{phrase}", EntityType.AGENCY), span, phrase)
            covered.update(range(span.start, span.end))  # "foreign trade ministry" holds no "trade ministry"


@lru_cache(maxsize=1)
def _unnamed_body_phrases() -> tuple[tuple[str, tuple[str, ...], list[int]], ...]:
    """The bodies named by their function: each phrase, its words and their hashes (a list,
    as the Doc's words are compared with them), the longest first ("foreign trade ministry"
    before "trade ministry")."""
    phrases = sorted(lexicon.unnamed_bodies(), key=lambda p: (-len(p.split()), p))
    return tuple((phrase, tuple(phrase.split()), [get_string_id(w) for w in phrase.split()]) for phrase in phrases)


def _description(span: Span) -> bool:
    """ "the export credit agency", "the French broadcasting regulator", "the UK's regulator":
    a government body's head word after lower-case words, its country's name or demonym."""
    words = [t for t in span if t.lower_ not in _POSSESSIVE
             and not (t.text[:1].isupper() and (country_of(t.text) or country_of_demonym(t.text)))]
    return bool(words) and all(t.text.islower() for t in words) and span[-1].lower_ in lexicon.agency_heads()


def _named_before(book: ClusterBook, span: Span, by_token: dict[int, Cluster]) -> Cluster | None:
    # the name right before the comma that opens the description (the parse may hang the
    # apposition on another noun of the sentence)
    doc = book.doc
    comma = span.root.left_edge.i - 1
    if comma < 1 or doc[comma].text != ",":
        return None
    before = comma - 1
    if doc[before].text == ")":  # "the Conseil Superieur de l'Audiovisuel (CSA), the ..."
        opening = next((t.i for t in reversed(doc[max(0, before - 4):before]) if t.text == "("), None)
        before = opening - 1 if opening else before
    return by_token.get(before)


def _set_off(span: Span) -> bool:
    """ "X, the French export credit agency, said": a noun phrase between commas (or a
    comma and the sentence's end) that is no verb's subject, as an apposition is (the parse
    does not always say "appos")."""
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    return span.root.dep_ not in ("nsubj", "nsubjpass") and span.root.left_edge.lower_ == "the" \
        and (after is None or after.text in (",", ".", ";", ")"))


def _one_swap(words: list[str], others: list[str]) -> bool:
    """The same words but one, in which two neighbouring letters are swapped."""
    if len(words) != len(others):
        return False
    differ = [(a, b) for a, b in zip(words, others) if a != b]
    if len(differ) != 1:
        return False
    a, b = differ[0]
    at = [i for i in range(len(a)) if i < len(b) and a[i] != b[i]]
    return len(a) == len(b) >= 4 and len(at) == 2 and at[1] == at[0] + 1 \
        and a[at[0]] == b[at[1]] and a[at[1]] == b[at[0]]


def _known_national(name: str) -> lexicon.KnownOrganization | None:
    """ "U.S. Agriculture Department", "the U.S. Department of Agriculture": a well-known
    national body named after its country's name."""
    words = re.sub(r"^[Tt]he\s+", "", name).split()
    for width in (1, 2):
        country = country_of(" ".join(words[:width])) if len(words) > width + 1 else None
        known = lexicon.known_organization(" ".join(words[width:])) if country is not None else None
        if known is not None and known.seat and country_of(known.seat) == country:
            return known
    return None


def _inverted_key(name: str) -> str | None:
    """ "health ministry", "U.S. Agriculture Department", "the Agriculture Department": the
    "field head" form of a body the article may also name "Head of Field". Capitalized forms
    count once the country before them is set aside."""
    words = name.split()
    while len(words) > 2 and country_of(words[0].rstrip("'s")) is not None:
        words = words[1:]
    if len(words) != 2:
        return None
    if not name.islower() and words[1].lower() not in lexicon.agency_heads():
        return None  # "Export Markets" is no body's inverted name
    return " ".join(words).lower()
