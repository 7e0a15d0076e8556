"""Within one article, group mentions into entities: ``resolve_mentions(doc, article)``.

Mentions of one entity are joined by identity (a country and its demonym, the kinds of
goods of ``products.tsv``), by name (short forms "Zhang" of "Zhang Qi"; acronyms "MOC",
"NMPA", "MOFCOM" of the long name, or defined in parentheses), and by reference: definite
descriptions ("the ministry") and pronouns ("she said") point to the most recent compatible
named entity.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.attrs import IS_TITLE, IS_UPPER, ORTH, POS, SPACY
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from kg.model import Article, EntityType
from kg.nlp import gazetteer, lexicon
from kg.nlp.clusters import Cluster, mention_table
from kg.nlp.currency_homes import currency_homes
from kg.nlp.doc_index import orths_of, positions_of, text_of
from kg.nlp.entities import kg_label
from kg.nlp.gazetteer import Country, country_of, country_of_demonym
from kg.nlp.lexicon import norm
from kg.nlp.mentions import MentionTable
from kg.nlp.names import (
    acronym_of, clean, country_in_name, head_word, honorific_pronoun, is_acronym, is_bare_head, is_owned_unit,
    is_portfolio_of_title, national_prefix, person_words, pronouns_by_surname, singular_tail,
    token_before, with_lower_head,
)
from kg.nlp.person_tags import persons_named_as_others
from kg.nlp.references import ReferenceFinder, acronyms, forward_titles, refer, surnames

_PERSONS = frozenset({EntityType.PERSON, EntityType.OFFICIAL})
_ORGS = frozenset({EntityType.AGENCY, EntityType.ORGANIZATION})
_ACRONYM = re.compile(r"^(?:[A-Z][A-Za-z]{1,9}|(?:[A-Z]\.){2,6})$")
_POSSESSIVE = frozenset({"'s", "\u2019s"})
# Spans a demonym may sit in unread: goods ("soft French wheat"), a date the model ran on
# ("March 3 - Japanese"). A demonym outside any span the model chose not to read as one.
_HOSTS = frozenset({"DATE", "TIME", EntityType.PRODUCT.value})


def resolve_mentions(doc: Doc, article: Article, *, references: ReferenceFinder) -> MentionTable:
    """Entities of ``doc`` with every token that refers to them; ``references`` finds the
    definite descriptions and pronouns (``kg.nlp.references.ReferenceFinder``)."""
    return _Resolver(doc, article, references=references).run()


class _Resolver:
    def __init__(self, doc: Doc, article: Article, *, references: ReferenceFinder) -> None:
        self.doc = doc
        self.article = article
        self.references = references
        self.clusters: list[Cluster] = []
        self.by_identity: dict[str, Cluster] = {}
        self.of_span: dict[tuple[int, int], Cluster] = {}
        self._kind_names: dict[int, list[str]] = {}  # a product cluster's names that name its kind whole

    def run(self) -> MentionTable:
        self._shorts: list[tuple[Cluster, str]] = []  # (body, the short name after it in parentheses)
        ents = [with_lower_head(e) for e in self.doc.ents
                if (kg_label(e) or e.label_ == "NORP") and not is_portfolio_of_title(e)]
        ents += [Span(self.doc, e.start, e.start + k, label="NORP") for e in self.doc.ents
                 if is_portfolio_of_title(e) and (k := national_prefix(e))]  # the cheaper test first
        ents.sort(key=lambda e: e.start)
        # twice: a full name found to be a person's ("Phillips Idowu") settles its short forms
        ents = persons_named_as_others(self.doc, persons_named_as_others(self.doc, ents))
        owned = [e for e in ents if is_owned_unit(e)]
        named = [e for e in ents if e.label_ not in _PERSONS and not is_acronym(e)
                 and e not in owned]
        # one-word organization names last, so that "the Commission" finds "European Commission"
        for span in sorted(named, key=lambda e: (is_bare_head(e), e.start)):
            self._add_named(span)
        self._parenthesised_names()
        self._add_acronyms([e for e in ents if is_acronym(e) and kg_label(e)])
        for span in owned:  # after acronyms, so that "MOC's ..." finds the ministry
            self._add_named(span)
        self._add_persons([e for e in ents if e.label_ in _PERSONS])
        self._add_unnamed_bodies()
        self._descriptions_in_apposition()
        for cluster, short in self._shorts:
            self._same_short_name(cluster, short)
        self._merge_inverted()
        self._merge_product_tails()
        self._merge_product_heads()
        self._label_products()
        self._demonyms_inside_other_spans()
        self._countries_in_currencies()
        self._countries_in_body_names()
        table = mention_table(self.doc, self.article, self.clusters)
        refer(self.doc, table, finder=self.references)
        forward_titles(self.doc, table)
        surnames(self.doc, table)
        acronyms(self.doc, table)
        return table

    # ------------------------------------------------------------ named mentions

    def _cluster(self, identity: str, entity_type: EntityType) -> Cluster:
        cluster = self.by_identity.get(identity)
        if cluster is None:
            cluster = Cluster(type=entity_type)
            self.by_identity[identity] = cluster
            self.clusters.append(cluster)
        return cluster

    def _attach(self, cluster: Cluster, span: Span, name: str | None) -> None:
        cluster.spans.append(span)
        self.of_span[(span.start, span.end)] = cluster
        if name:
            cluster.names.append(name)

    def _add_named(self, span: Span) -> None:
        label = span.label_
        if label == "NORP":
            country = country_of_demonym(span.text) or country_of(span.text)
            if country is not None:
                self._attach(self._country(country), span, None)
            return
        entity_type = EntityType(label)
        text = clean(span.text)
        if entity_type is EntityType.COUNTRY:
            country = country_of(text)
            if country is not None:
                self._attach(self._country(country), span, text)
                return
            entity_type = EntityType.PLACE
        if entity_type is EntityType.PRODUCT:
            # "refrigerated beef" is not the story's beef: a state or cut is goods of their own
            if span.kb_id_:  # "cotton" in a breakdown of vegetable oils: cotton oil (kg.nlp.goods_kinds)
                # "palm oil" is a kind the lexicon knows by that whole name; "sunflower oil" no oil
                named = lexicon.product_kind(span.kb_id_) if span.kb_id_ in lexicon.product_terms() else None
                cluster = self._cluster(f"product:{named.concept if named else span.kb_id_}", entity_type)
                self._attach(cluster, span, text)
                cluster.names.append(span.kb_id_)
                return
            kind = None if _in_a_form(span) or _coordinated(span) else lexicon.product_kind(text)
            if kind is not None and _of_another_source(span, kind):
                kind = None  # "sunflower oil ... rapeseed oil": two goods, neither the kind "oil"
            identity = f"product:{kind.concept if kind else singular_tail(span)}"
            cluster = self._cluster(identity, entity_type)
            self._attach(cluster, span, text)
            if kind is not None and (singular_tail(span) in kind.names or norm(_unqualified(span)) in kind.names):
                self._kind_names.setdefault(id(cluster), []).append(text)
            return
        if entity_type in _ORGS:
            self._add_organization(span, entity_type, text)
            return
        identity = f"{entity_type.family}:{norm(text)}"
        self._attach(self._cluster(identity, entity_type), span, text)

    def _country(self, country: Country) -> Cluster:
        country = gazetteer.part_meant(country, text_of(self.doc))  # "German" in a West German story
        sovereign = gazetteer.sovereign_on(country, self.article.published)
        cluster = self._cluster(f"country:{country.qid}", EntityType.COUNTRY if sovereign else EntityType.PLACE)
        cluster.label = country.name
        cluster.same_as = (country.iri,)
        return cluster

    def _add_organization(self, span: Span, entity_type: EntityType, text: str) -> None:
        known = lexicon.known_organization(text, self.article.published) or _known_national(text)
        if known is not None:
            cluster = self._cluster(f"org:{norm(known.name)}", EntityType(known.type))
            cluster.label = known.name
            cluster.same_as = (known.iri,) if known.iri else ()
            self._attach(cluster, span, text)
            return
        before = token_before(span)
        if span.text.islower() and before is not None:
            country = country_of(before.text)
            if country is not None:  # "the Chinese government", "China's health ministry"
                adjective = country.demonyms[0] if country.demonyms else country.name
                name = f"{adjective} {text}"
                cluster = self._cluster(f"org:{norm(name)}", EntityType.AGENCY)
                cluster.label = name
                self._attach(cluster, span, self.doc[before.i : span.end].text)
                return
            owner = self._owner(span)
            if owner is not None:  # "the MOC's foreign trade department"
                owner_cluster, owner_text = owner
                name = f"{owner_text}'s {text}"
                cluster = self._cluster(f"unit:{id(owner_cluster)}:{norm(text)}", entity_type)
                self._attach(cluster, span, text)
                cluster.names.append(name)
                return
        identity = f"org:{norm(text)}"
        if identity not in self.by_identity:
            longer = self._longer_name(text) or self._one_field_of(text) or self._named_by_head(span, text) \
                or self._misspelling_of(text) or self._end_of_body_name(text)
            if longer is not None:
                self._attach(longer, span, text)
                return
        cluster = self._cluster(identity, entity_type)
        cluster.typed_by_label = True
        self._attach(cluster, span, text)

    def _descriptions_in_apposition(self) -> None:
        """ "CoFACE, the French export credit agency, said": a body's description in lower
        case, in apposition to a named body, is that body, not another; its head word
        ("agency", "commission") makes the named one a state body where it is one."""
        by_token = {i: c for (start, end), c in self.of_span.items() for i in range(start, end)}
        for cluster in [c for c in self.clusters if c.type in _ORGS and c.spans]:
            spans = cluster.spans
            if not all(s.text.islower() and s[-1].lower_ in lexicon.agency_heads() and _set_off(s) for s in spans):
                continue
            # the name right before the comma that opens the description (the parse may hang
            # the apposition on another noun of the sentence)
            comma = spans[0].root.left_edge.i - 1
            if comma < 1 or self.doc[comma].text != ",":
                continue
            named = by_token.get(comma - 1)
            if named is None or named is cluster or named.type not in _ORGS:
                continue
            for span in list(spans):
                self._attach(named, span, None)
            cluster.spans, cluster.names = [], []

    def _misspelling_of(self, text: str) -> Cluster | None:
        """ "Loius Dreyfus" after "Louis Dreyfus": a name of several words that differs from an
        organization's name already read only by two letters swapped in one word, a slip of
        the keyboard, is that organization."""
        words = text.split()
        if len(words) < 2:
            return None
        for other in self.of_span.values():
            if other.type is EntityType.ORGANIZATION and any(
                    _one_swap(words, n.split()) for n in other.names):
                return other
        return None

    def _longer_name(self, text: str) -> Cluster | None:
        # "Silvercorp" is "Silvercorp Metals": a name that starts another organization's name
        # (but "Ministry" alone would be no name; single-word heads are left alone).
        words = text.lower().split()
        if len(words) == 1 and words[0] in lexicon.agency_heads():
            return None
        found = None
        for other in self.of_span.values():
            if other.type is EntityType.ORGANIZATION and any(
                n.lower().split()[: len(words)] == words and len(n.split()) > len(words)
                # "Yukos USA", "Vodafone UK", "Honda American Manufacturing Co": a country or its
                # demonym after the name names the body's arm there
                and country_of(" ".join(n.split()[len(words):])) is None
                and country_of_demonym(n.split()[len(words)]) is None
                for n in other.names
            ):
                if found is not None and found is not other:
                    return None  # ambiguous
                found = other
        return found

    def _end_of_body_name(self, text: str) -> Cluster | None:
        """ "the Statistics Office" after "the Federal Statistics Office": a government body's
        name of two words or more that ends one other body's name already read is that body
        (two such bodies, "the Japanese and the German Finance Ministry", leave it alone)."""
        words = text.lower().split()
        if len(words) < 2 or words[-1] not in lexicon.agency_heads():
            return None
        found = {id(other): other for other in self.of_span.values()
                 if other.type is EntityType.AGENCY and any(
                     n.lower().split()[-len(words):] == words and len(n.split()) > len(words) for n in other.names)}
        return next(iter(found.values())) if len(found) == 1 else None

    def _one_field_of(self, text: str) -> Cluster | None:
        """ "Trade Department" after "the Trade and Industry Department": a body of several
        fields named by one of them and its head word is that body (of one such body only)."""
        words = text.split()
        if len(words) < 2 or words[-1].lower() not in lexicon.agency_heads():
            return None
        field, head = " ".join(words[:-1]).lower(), words[-1].lower()
        found = None
        for other in self.of_span.values():
            if other.type not in _ORGS:
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

    def _named_by_head(self, span: Span, text: str) -> Cluster | None:
        # "the Federation", "the Commission": the head word of an organization named in full
        # in the article is that organization; of several, the one last mentioned before.
        if not is_bare_head(span):
            return None
        word = text.lower()
        found: list[tuple[int, Cluster]] = []
        for (start, _end), other in self.of_span.items():
            if other.type in _ORGS and any(head_word(n) == word and len(n.split()) > 1
                                           for n in other.names):
                found.append((start, other))
        if not found:
            return None
        before = [pair for pair in found if pair[0] < span.start]
        pool = before or found
        return max(pool, key=lambda pair: pair[0])[1] if before else min(pool, key=lambda p: p[0])[1]

    def _owner(self, span: Span) -> tuple[Cluster, str] | None:
        if span.start < 2 or self.doc[span.start - 1].lower_ not in _POSSESSIVE:
            return None
        owner_token = self.doc[span.start - 2]
        for ent in self.doc.ents:
            if ent.start <= owner_token.i < ent.end and kg_label(ent):
                cluster = self.of_span.get((ent.start, ent.end))
                if cluster is None and is_acronym(ent):
                    # owner acronyms are resolved after named organizations
                    cluster = self._cluster(f"org:{norm(clean(ent.text))}", EntityType(ent.label_))
                    self._attach(cluster, ent, clean(ent.text))
                if cluster is not None:
                    return cluster, clean(ent.text)
        return None

    # ------------------------------------------------------------ acronyms

    def _add_acronyms(self, spans: list[Span]) -> None:
        defined = self._parenthesised()
        # "the International Coffee Agreement, ICA": a named agreement (Other) is shortened too
        longs = [c for c in self.clusters if (c.type in _ORGS or c.type == EntityType.OTHER) and c.names]
        for span in spans:
            if (span.start, span.end) in self.of_span:
                continue
            text = clean(span.text)
            if span.label_ not in _ORGS:  # "LONDON" no short "London Newsroom"
                self._add_named_acronym(span, text)
                continue
            target = defined.get(text) or self._expand(text, span, longs)
            if target is None:
                self._add_named_acronym(span, text)
                continue
            self._attach(target, span, text)

    def _add_named_acronym(self, span: Span, text: str) -> None:
        known = lexicon.known_organization(text, self.article.published)
        entity_type = EntityType(span.label_)
        if known is not None or entity_type not in _ORGS:
            if entity_type in _ORGS:
                self._add_organization(span, entity_type, text)
            else:
                self._add_named(span)
            return
        self._attach(self._cluster(f"org:{norm(text)}", entity_type), span, text)

    def _merge_inverted(self) -> None:
        # "the health ministry" and "the Ministry of Health": a lower-case "field head" is
        # the body named "Head of Field" in the same article.
        named = {}
        for cluster in self.clusters:
            for name in [cluster.label, *cluster.names] if cluster.label else cluster.names:
                words = name.lower().split()
                if cluster.type in _ORGS and len(words) == 3 and words[1] == "of":
                    named.setdefault(f"{words[2]} {words[0]}", cluster)
        for cluster in self.clusters:
            if cluster.type not in _ORGS or not cluster.spans:
                continue
            target = next((named[key] for n in cluster.names
                           if (key := _inverted_key(n)) is not None and key in named), None)
            if target is None or target is cluster:
                continue
            for span in cluster.spans:
                self._attach(target, span, None)
            target.names.extend(cluster.names)
            cluster.spans, cluster.names = [], []

    def _merge_product_tails(self) -> None:
        """ "Brazilian soybeans ... Brazilian beans ... U.S. Beans": a one-word product that
        ends another product's one-word name in the same story is that product."""
        products = [c for c in self.clusters if c.type is EntityType.PRODUCT and c.spans]
        for short in products:
            words = {n.lower().split()[-1] for n in short.names}
            stems = {w[:-1] if w.endswith("s") else w for w in words}
            if any(len(n.split()) > 1 and not _national_words(n) for n in short.names) or min(map(len, stems), default=0) < 4:
                continue
            target = next((c for c in products if c is not short and c.spans and any(
                len(n.split()) == 1 and n.lower() not in words and any(n.lower().rstrip("s").endswith(st) for st in stems)
                for n in c.names)), None)  # fmt: skip
            if target is None:
                continue
            for span in list(short.spans):
                self._attach(target, span, None)
            target.names.extend(short.names)
            short.spans, short.names = [], []

    def _merge_product_heads(self) -> None:
        """ "Indian iron ore ... Japanese ore imports": a one-word product that is the head
        word of exactly one other product's two-word name in the same story is that product,
        the name shortened, where its first word is a material ("iron ore"), not a quality
        ("value-added tea ... tea"); not where two such names share the word ("fish meal ...
        soybean meal ... meal"), nor for goods in a state of their own ("frozen beef ... beef")."""
        products = [c for c in self.clusters if c.type is EntityType.PRODUCT and c.spans]
        for short in products:
            words = {n.lower() for n in short.names}
            if len(words) != 1 or any(len(n.split()) > 1 for n in short.names):
                continue
            (word,) = words
            targets = [c for c in products if c is not short and c.spans and any(
                len(n.split()) == 2 and n.lower().split()[-1] == word and not _national_words(n) for n in c.names)]
            if len(targets) != 1 or any(n.lower().split()[0] in lexicon.product_forms()
                                        for n in targets[0].names if len(n.split()) == 2):
                continue  # "horse meat ... canned meat ... meat", "frozen beef ... beef"
            if not any(len(span) == 2 and span[0].pos_ in ("NOUN", "PROPN") and span[1].lower_ == word
                       for span in targets[0].spans):
                continue  # a material names a kind ("iron ore"); a quality does not ("value-added tea")
            target = targets[0]
            for span in list(short.spans):
                self._attach(target, span, None)
            target.names.extend(short.names)
            short.spans, short.names = [], []

    def _label_products(self) -> None:
        """ "wheat ... hard red winter wheat ... feed wheat": goods of one kind are one product,
        named by the name of the kind the story uses ("wheat"), not by its fullest name, which
        is a part of the kind; the fullest name labels it only when no mention names the
        kind whole."""
        identities = {id(c): identity for identity, c in self.by_identity.items()}
        for cluster in self.clusters:
            names = list(dict.fromkeys(self._kind_names.get(id(cluster), ())))
            if cluster.type is EntityType.PRODUCT and cluster.spans and names and not cluster.label:
                # "wheat" before "U.S. wheat": the goods, not their origin
                plain = [n for n in names if not _national_words(n) or len(n.split()) == 1] or names
                # among names of one length, the kind's own ("sugar" over a market's "raws")
                concept = identities.get(id(cluster), "").removeprefix("product:")
                cluster.label = max(plain, key=lambda n: (len(n.split()), norm(n) == concept, -plain.index(n)))

    def _demonyms_inside_other_spans(self) -> None:
        """ "soft French wheat", "March 3 - Japanese importers": a demonym the model left
        inside goods' or a date's span still names its country, for the trade
        rules that ask which country a demonym is. The country stays latent (an entity
        with no mention) unless the article names it or a NORP reads it."""
        doc = self.doc
        read = {i for (start, end), c in self.of_span.items() if c.type is EntityType.COUNTRY
                for i in range(start, end)}  # fmt: skip
        words = _Words(doc)
        i = 0
        while i < len(doc):
            if not words.capital[i]:  # only a capitalised word opens a demonym
                i += 1
                continue
            width, country = _demonym_at(words, i)
            span = doc[i : i + width]
            if country is not None and not read & set(range(i, i + width)):
                if _untagged_modifier(span):
                    # read as the model reads a NORP: a mention of its country, which the
                    # sentences after it can refer back to ("Cocoa butter imports rose ...")
                    self._attach(self._country(country), span, None)
                elif all(t.ent_type_ in _HOSTS for t in span):
                    cluster = self._country(country)
                    if not cluster.spans:
                        cluster.latent = True
                        cluster.names.append(span.text)
            i += max(width, 1)

    def _countries_in_currencies(self) -> None:
        """ "119.1 mln N.Z. Dlrs": a currency's national word names its country, for the trade
        rules that look for the country a story is about. Latent, as a demonym inside goods:
        an entity only where a trade fact uses it."""
        for span, country in currency_homes(self.doc):
            cluster = self._country(country)
            if not cluster.spans:
                cluster.latent = True
                if span.text not in cluster.names:
                    cluster.names.append(span.text)

    def _countries_in_body_names(self) -> None:
        """ "the U.S. Agriculture Department said", "the Bank of Thailand said": the country a
        body's name carries is where the body is, an entity of the article even when named
        nowhere else (no mention of its own: its words are the body's)."""
        for cluster in [c for c in self.clusters if c.type in _ORGS]:
            for span in cluster.spans:
                carried = country_in_name(span)
                if carried is None:
                    continue
                carrier = self._country(carried[0])
                if not carrier.spans:
                    carrier.latent, carrier.carried = False, True
                    carrier.names.append(carried[1])

    def _parenthesised_names(self) -> None:
        # "the Chilean Copper Commission (Cochilco)", "Federal Network Agency
        # (Bundesnetzagentur)": one word in parentheses after a body's name is its short
        # name, whatever type the model gave it (not a place: "the ministry (Beijing)").
        for (start, end), cluster in list(self.of_span.items()):
            if cluster.type not in _ORGS or end + 2 >= len(self.doc) or self.doc[end].text != "(" \
                    or self.doc[end + 2].text != ")":
                continue
            inner = self.of_span.get((end + 1, end + 2))
            word = self.doc[end + 1]
            if word.text[:1].isupper() and country_of(word.text) is None and not gazetteer.is_city(word.text) \
                    and (inner is None or inner.type is not EntityType.PLACE):
                self._shorts.append((cluster, word.text))
            if inner is None or inner is cluster or not word.text[:1].isupper() \
                    or country_of(word.text) is not None or gazetteer.is_city(word.text) \
                    or inner.type not in {*_ORGS, EntityType.PLACE, EntityType.PERSON}:
                continue
            for span in [s for s in inner.spans if s.text == word.text]:  # later uses too
                inner.spans.remove(span)
                self._attach(cluster, span, word.text)
            inner.names = [n for n in inner.names if n != word.text]

    def _same_short_name(self, cluster: Cluster, short: str) -> None:
        """ "The Surinam Aluminum Company (SURALCO) ... Suralco's alumina exports": the short
        name written later in another case, whatever the model took it for."""
        if not short[:1].isupper():
            return
        for other in self.clusters:
            if other is not cluster and other.spans and other.names and all(
                    n.lower() == short.lower() for n in other.names):
                for span in list(other.spans):
                    self._attach(cluster, span, span.text)
                other.spans, other.names = [], []

    def _parenthesised(self) -> dict[str, Cluster]:
        # "National Medical Products Administration (NMPA)": the acronym is defined here,
        # whatever its letters are.
        found: dict[str, Cluster] = {}
        for (start, end), cluster in self.of_span.items():
            if cluster.type not in _ORGS or end + 2 >= len(self.doc):
                continue
            if self.doc[end].text == "(" and self.doc[end + 2].text == ")":
                acronym = self.doc[end + 1].text
                if _ACRONYM.match(acronym) and acronym.upper() == acronym:
                    found.setdefault(acronym, cluster)
        return found

    def _expand(self, acronym: str, span: Span, longs: list[Cluster]) -> Cluster | None:
        best: tuple[int, Cluster] | None = None
        for cluster in longs:
            for name, mention in zip(cluster.names, cluster.spans):
                if acronym_of(acronym, name):
                    distance = abs(span.start - mention.start)
                    if best is None or distance < best[0]:
                        best = (distance, cluster)
        return best[1] if best else None

    # ------------------------------------------------------------ bodies named by function

    def _add_unnamed_bodies(self) -> None:
        """ "according to central bank figures", "the statistics department said": a body
        named by its function in lower case, in a story that names no body with its head
        word ("Bank of Thailand ... the central bank" may be that bank: left alone)."""
        covered = {i for start, end in self.of_span for i in range(start, end)}
        # Where each phrase's first word stands: a phrase is tried only there (not at every
        # token, which was most of this method's cost); words compared by their hashes, read
        # once per Doc, not by a Token's text made for each.
        phrases = _unnamed_body_phrases()
        orths = orths_of(self.doc)
        at: dict[int, list[int]] = {}
        for i in positions_of(self.doc, {words[0] for _, words, _ in phrases}):
            at.setdefault(orths[i], []).append(i)
        # head words of the bodies the story names (not of the ones this method adds: "the
        # finance ministry" leaves "the trade ministry" a body of its own)
        named = {w for c in self.clusters if c.type in _ORGS for n in c.names for w in n.lower().split()}
        for phrase, words, hashes in phrases:
            if words[-1] in named:
                continue
            for start in at.get(hashes[0], ()):
                if orths[start : start + len(words)] != hashes:
                    continue
                span = Span(self.doc, start, start + len(words), label=EntityType.AGENCY)
                if any(t.i in covered for t in span) or span[-1].tag_ in ("NNS", "NNPS"):
                    continue
                self._attach(self._cluster(f"org:{phrase}", EntityType.AGENCY), span, phrase)
                covered.update(range(span.start, span.end))  # "foreign trade ministry" holds no "trade ministry"

    # ------------------------------------------------------------ persons

    def _add_persons(self, spans: list[Span]) -> None:
        # Names are kept without courtesy titles ("Mr Blair" is "Blair"), the fullest first, so
        # that "chairman Mr Smith" before "John Smith" is still his short form.
        full: list[tuple[Span, Cluster]] = []
        said = pronouns_by_surname(spans)
        for span in sorted(spans, key=lambda s: (-len(person_words(s.text)), s.start)):
            text = clean(span.text)
            words = person_words(text)
            name = " ".join(words)
            pronoun = honorific_pronoun(span)
            entity_type = EntityType(span.label_)
            target = None
            candidates = [(s, c) for s, c in full if set(words) < set(person_words(s.text))
                          or (len(words) > 1 and words == person_words(s.text))]
            if len(words) == 1 and len(said.get(words[0], ())) > 1:
                # "Mr Howard" and "Mrs Howard" are two people: which one "Michael Howard" is,
                # only a title before the full name says
                candidates = [(s, c) for s, c in candidates if c.pronoun == pronoun]
            before = [pair for pair in candidates if pair[0].start < span.start]
            pool = before or candidates
            if len({id(c) for _s, c in pool}) > 1 and len(words) == 1:
                # "Mr Brown" after "Gordon Brown" and "James Brown": no telling (a full name
                # first written after the short form does not make it ambiguous)
                pool = []
            if pool:  # the most recent full name before a short form, else the nearest
                target = min(pool, key=lambda pair: abs(pair[0].start - span.start))[1]
            if target is None:
                identity = f"person:{norm(name)}" + (f":{pronoun}" if len(words) == 1 and pronoun else "")
                target = self._cluster(identity, entity_type)
                target.pronoun = pronoun
                full.append((span, target))
            if entity_type is EntityType.OFFICIAL:
                target.type = EntityType.OFFICIAL
            target.pronoun = target.pronoun or pronoun
            self._attach(target, span, name)


@lru_cache(maxsize=1)
def _unnamed_body_phrases() -> tuple[tuple[str, tuple[str, ...], list[int]], ...]:
    """The bodies named by their function: each phrase, its words and their hashes (a list,
    as the Doc's words are compared with them), the longest first ("foreign trade ministry"
    before "trade ministry")."""
    phrases = sorted(lexicon.unnamed_bodies(), key=lambda p: (-len(p.split()), p))
    return tuple((phrase, tuple(phrase.split()), [get_string_id(w) for w in phrase.split()]) for phrase in phrases)


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


def _national_words(name: str) -> bool:
    """ "U.S. Beans", "Brazilian beans": all words but the last name a country."""
    words = name.split()
    return all(country_of(w) is not None or gazetteer.country_of_demonym(w) is not None for w in words[:-1])


def _coordinated(span: Span) -> bool:
    """ "crude and refined oil": goods in two states counted together, no kind of their own."""
    return any(t.dep_ == "cc" for t in span[:-1])


def _in_a_form(span: Span) -> bool:
    """ "refrigerated beef", "canned meat", "long staple cotton": goods in a state or cut
    that trade figures count apart from their kind (``product_forms.txt``)."""
    forms = lexicon.product_forms()
    return any(t.lower_ in forms for t in span[:-1])


def _of_another_source(span: Span, kind: lexicon.ProductKind) -> bool:
    """ "sunflower oil", "fuel oil" beside "crude oil": a kind that lists the forms of its head
    word it owns ("crude oil" of oil) owns no other noun before that word. A lower-case noun
    there names what the goods are made of, so goods of their own; an adjective ("heavy
    crude") or a grade's proper name ("Brent crude") still names the kind."""
    words = norm(_unqualified(span)).split()
    if len(words) < 2 or any(" ".join(words[i:]) in kind.names for i in range(len(words) - 1)):
        return False  # the kind's whole name ("crude oil", "Malaysian palm oil")
    modifier = span[-2]
    if modifier.pos_ != "NOUN" or not modifier.text.islower() or modifier.lower_ in lexicon.currency_names():
        return False  # "50 mln dlr oil": a worth, no material
    if modifier.i > 0 and modifier.doc[modifier.i - 1].text == "-":
        return False  # "cut-price chips": the last word of an adjective, no material
    heads = {n for n in kind.names if len(n.split()) == 1}
    return any(len(n.split()) > 1 and n.split()[-1] in heads for n in kind.names)


def _unqualified(span: Span) -> str:
    """ "Brazilian soybeans" -> "soybeans": the goods' words after their origin."""
    start = 0
    while start < len(span) - 1 and (country_of_demonym(span[start].text) or country_of(span[start].text)):
        start += 1
    return span[start:].text


class _Words:
    """What a demonym is read from, for every word of a Doc at once: whether it is
    capitalised, its part of speech, its text and whether a space follows it (a Token made
    for each capitalised word, and a Span for each pair, cost more than the lookups)."""

    def __init__(self, doc: Doc) -> None:
        table = doc.to_array([IS_TITLE, IS_UPPER, POS, ORTH, SPACY])
        self.capital: list[bool] = table[:, :2].any(axis=1).tolist()
        self.pos: list[int] = table[:, 2].tolist()
        self.orth: list[int] = table[:, 3].tolist()
        self.spaced: list[int] = table[:, 4].tolist()
        self.strings = doc.vocab.strings

    def text(self, start: int, end: int) -> str:
        """``doc[start:end].text``."""
        last = end - 1
        return "".join(self.strings[self.orth[k]] + (" " if self.spaced[k] and k < last else "")
                       for k in range(start, end))


_NAME_POS = frozenset({POS_IDS["ADJ"], POS_IDS["PROPN"]})


def _untagged_modifier(span: Span) -> bool:
    """ "Total Dutch imports": a demonym the model tagged as nothing at all (an opening
    capital before it hid it), modifying a noun after it."""
    last = span[-1]
    return all(not t.ent_type_ for t in span) and last.dep_ in ("amod", "compound") \
        and last.head.pos_ == "NOUN" and last.head.i > last.i


def _demonym_at(words: _Words, i: int) -> tuple[int, Country | None]:
    """The demonym of one or two words that starts at word ``i`` ("West German", "Thai")
    and its country; only a capitalized adjective or name, not a people ("Thais")."""
    for width in (2, 1):
        end = i + width
        if end > len(words.capital) or not all(words.capital[i:end]) or words.pos[end - 1] not in _NAME_POS:
            continue
        text = words.text(i, end)
        country = country_of_demonym(text)
        if country is not None and gazetteer.is_demonym_only(text):
            return width, country
    return 1, None
