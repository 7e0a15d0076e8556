"""Goods within one article (``kg.nlp.resolve``): one product per kind of goods the story
names ("wheat ... hard red winter wheat ... feed wheat"), goods in a state or cut of their own
("refrigerated beef"), short names joined to the product they shorten ("Brazilian soybeans ...
U.S. Beans", "iron ore ... ore"), and the name each product is labelled by."""

from __future__ import annotations

from spacy.tokens import Span

from kg.model import EntityType
from kg.nlp import gazetteer, lexicon
from kg.nlp.cluster_book import ClusterBook
from kg.nlp.gazetteer import country_of, country_of_demonym
from kg.nlp.lexicon import norm
from kg.nlp.names import singular_tail


def add_product(book: ClusterBook, span: Span, text: str) -> None:
    """Goods named ``text``: one cluster per kind of goods the lexicon knows ("wheat", "palm
    oil"), else per the goods' last word; the names that name the kind whole are kept to label
    it (``label_products``)."""
    # "refrigerated beef" is not the story's beef: a state or cut is goods of their own
    if span.kb_id_:  # "cotton" in a breakdown of vegetable oils: cotton oil (kg.nlp.goods_kinds)
        # "palm oil" is a kind the lexicon knows by that whole name; "sunflower oil" no oil
        named = lexicon.product_kind(span.kb_id_) if span.kb_id_ in lexicon.product_terms() else None
        cluster = book.cluster(f"product:{named.concept if named else span.kb_id_}", EntityType.PRODUCT)
        book.attach(cluster, span, text)
        cluster.names.append(span.kb_id_)
        return
    if _in_a_form(span):
        kind = None
    elif _coordinated(span):
        # "soluble and green coffee", "hard and soft wheats": the kind's grades counted together
        kind = (lexicon.product_kind(span[-1].text) or lexicon.product_kind(span[-1].lemma_)) \
            if _graded_only(span) else None
    else:
        kind = lexicon.product_kind(text)
    if kind is not None and _of_another_source(span, kind):
        kind = None  # "sunflower oil ... rapeseed oil": two goods, neither the kind "oil"
    identity = f"product:{kind.concept if kind else singular_tail(span)}"
    cluster = book.cluster(identity, EntityType.PRODUCT)
    book.attach(cluster, span, text)
    if kind is not None and (singular_tail(span) in kind.names or norm(_unqualified(span)) in kind.names):
        book.kind_names.setdefault(id(cluster), []).append(text)


def merge_product_tails(book: ClusterBook) -> None:
    """ "Brazilian soybeans ... Brazilian beans ... U.S. Beans": a one-word product that
    ends another product's one-word name in the same story is that product."""
    products = [c for c in book.clusters if c.type is EntityType.PRODUCT and c.spans]
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
            book.attach(target, span, None)
        target.names.extend(short.names)
        short.spans, short.names = [], []


def merge_product_heads(book: ClusterBook) -> None:
    """ "Indian iron ore ... Japanese ore imports": a one-word product that is the head
    word of exactly one other product's two-word name in the same story is that product,
    the name shortened, where its first word is a material ("iron ore"), not a quality
    ("value-added tea ... tea"); not where two such names share the word ("fish meal ...
    soybean meal ... meal"), nor for goods in a state of their own ("frozen beef ... beef")."""
    products = [c for c in book.clusters if c.type is EntityType.PRODUCT and c.spans]
    for short in products:
        words = {n.lower() for n in short.names}
        if len(words) != 1 or any(len(n.split()) > 1 for n in short.names):
            continue
        (word,) = words
        targets = [c for c in products if c is not short and c.spans and any(
            len(n.split()) == 2 and n.lower().split()[-1] == word and not _national_words(n) for n in c.names)]
        if len(targets) == 1 and any(_a_conjunct_ends_in(n, word) for c in products
                                     if c is not short and c is not targets[0] for n in c.names):
            continue  # "horse meat ... canned meat and cooked beef ... meat": two share the word still
        if len(targets) != 1 or any(n.lower().split()[0] in lexicon.product_forms()
                                    for n in targets[0].names if len(n.split()) == 2):
            continue  # "horse meat ... canned meat ... meat", "frozen beef ... beef"
        if not any(len(span) == 2 and span[0].pos_ in ("NOUN", "PROPN") and span[1].lower_ == word
                   for span in targets[0].spans):
            continue  # a material names a kind ("iron ore"); a quality does not ("value-added tea")
        target = targets[0]
        for span in list(short.spans):
            book.attach(target, span, None)
        target.names.extend(short.names)
        short.spans, short.names = [], []


def label_products(book: ClusterBook) -> None:
    """ "wheat ... hard red winter wheat ... feed wheat": goods of one kind are one product,
    named by the name of the kind the story uses ("wheat"), not by its fullest name, which
    is a part of the kind; the fullest name labels it only when no mention names the
    kind whole."""
    identities = {id(c): identity for identity, c in book.by_identity.items()}
    for cluster in book.clusters:
        names = list(dict.fromkeys(book.kind_names.get(id(cluster), ())))
        if cluster.type is EntityType.PRODUCT and cluster.spans and names and not cluster.label:
            # "wheat" before "U.S. wheat": the goods, not their origin
            plain = [n for n in names if not _national_words(n) or len(n.split()) == 1] or names
            # among names of one length, the kind's own ("sugar" over a market's "raws")
            concept = identities.get(id(cluster), "").removeprefix("product:")
            cluster.label = max(plain, key=lambda n: (len(n.split()), norm(n) == concept, -plain.index(n)))


def _a_conjunct_ends_in(name: str, word: str) -> bool:
    """ "canned meat and cooked beef" has a part ending in "meat": goods named jointly."""
    parts = name.lower().split(" and ")
    return len(parts) > 1 and any(p.split()[-1:] == [word] for p in parts)


def _national_words(name: str) -> bool:
    """ "U.S. Beans", "Brazilian beans": all words but the last name a country."""
    words = name.split()
    return all(country_of(w) is not None or gazetteer.country_of_demonym(w) is not None for w in words[:-1])


def _coordinated(span: Span) -> bool:
    """ "crude and refined oil": goods in two states counted together, no kind of their own."""
    return any(t.dep_ == "cc" for t in span[:-1])


def _graded_only(span: Span) -> bool:
    """The words a coordination joins before the head are grades of it ("soluble and green",
    "hard and soft"), none goods of its own ("wheat and barley flour") nor a form the trade
    counts apart (kept by ``_in_a_form``)."""
    modifiers = [t for t in span[:-1] if t.dep_ not in ("cc", "punct")]
    return bool(modifiers) and all(lexicon.product_kind(t.text) is None and not country_of_demonym(t.text)
                                   for t in modifiers)


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
