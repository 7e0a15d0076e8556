"""The body a post is in: named inside the title, its owner, a possessive pronoun, the
first body of its prepositional phrases, or a common noun standing for the body last named
("the company's CFO")."""

from __future__ import annotations

from spacy.tokens import Token

from kg.model import EntityType
from kg.nlp import lexicon
from kg.nlp.datafiles import rule_data, rule_words
from kg.nlp.relations.base import COUNTRY, ORGS, PLACES, Context
from kg.nlp.relations.titles import field_of, is_title_of, is_titled, with_modifiers

POST_BODIES = ORGS | PLACES
_MAX_CHAIN = 4  # "of the X of the Y of ..." hops looked through for the body


def descriptive_body(ctx: Context, token: Token) -> str | None:
    """ "the company's CFO", "the state commissioner": a common noun standing for the body
    of its kind named last, within three sentences."""
    kind = rule_data("posts")["descriptive_bodies"].get(token.lower_)
    if kind is None or token.pos_ != "NOUN" or ctx.key(token) is not None:
        return None
    types = {"org": ORGS, "place": frozenset({EntityType.PLACE}), "country": COUNTRY}[kind]
    return ctx.recent(token, types, sentences=3)


def body_named_by_noun(ctx: Context, token: Token, title: Token) -> str | None:
    """ "exchange president X", "company chairman X": a lower-case noun written straight
    before a title stands for the organization named last (three sentences back at most)
    when it is the last word of that organization's name ("the Philadelphia Stock
    Exchange"), or a noun of companies ("company", "bank") and that organization a company.
    Other nouns of bodies name a body of their own: "union leader X" after "Ford" is no
    post at Ford."""
    if token.pos_ != "NOUN" or not token.is_lower or token.i >= title.i or ctx.key(token) is not None \
            or any(t.is_title for t in token.doc[token.i + 1 : title.i]):
        return None
    key = ctx.recent(token, ORGS, sentences=3)
    if key is None:
        return None
    if token.lower_ in lexicon.company_nouns() and ctx.type(key) is EntityType.ORGANIZATION:
        return key
    return key if name_ends_in(ctx, key, {token.lower_, token.lemma_.lower()}) else None


def name_ends_in(ctx: Context, key: str, words: set[str] | frozenset[str]) -> bool:
    """Some name of ``key`` ends in one of ``words`` (lower case): "the Philadelphia Stock
    Exchange" in "exchange"; a name of the form "X of Y" has its head before "of": the
    "Association of American Railroads" is an association."""
    return any(name_head(name) in words or name.split()[-1].lower() in words
               for name in ctx.table.entities[key].all_names if name.split())


def name_head(name: str) -> str:
    """The head word of a body's name "X of Y" (lower case): "association" of "Association of
    American Railroads"; the last word of any other name."""
    before_of = name.split(" of ")[0].split()
    return before_of[-1].lower() if before_of else ""


def pronoun_body(ctx: Context, tokens: list[Token]) -> tuple[str | None, list[Token]]:
    """ "its president X": the possessive pronoun stands for the body named last in its
    sentence, else for the organization named last before it. A country is no body of a
    title that names its own unit ("its foreign ministry spokesman")."""
    pronouns = rule_words("posts", "possessive_pronouns")
    unit_words = rule_words("posts", "org_heads")
    for token in tokens:
        if token.dep_ != "poss" or token.lower_ not in pronouns:
            continue
        key = ctx.recent(token, ORGS | COUNTRY, sentences=1) or ctx.recent(token, ORGS, sentences=3)
        if key is None:
            return None, []
        if ctx.type(key) is EntityType.COUNTRY and any(
            t.lower_ in unit_words for t in token.head.subtree if t.i <= token.head.i
        ):
            return None, []
        return key, [token]
    return None, []


def role_and_body(ctx: Context, title: Token) -> tuple[list[Token], str | None, list[Token]]:
    """The title's words and the body it names: prepositional object, owner or modifier."""
    role = with_modifiers(title) + field_of(ctx, title)
    for conj in title.children:  # "chairman and founder of X": one post, as written
        # ("ATPC chairman and Indonesia's Mining Minister": two posts, the second with its own body)
        if conj.dep_ == "conj" and conj.i > title.i and is_titled(conj) \
                and not any(ctx.key(t, POST_BODIES) is not None for t in conj.subtree if t.i < conj.i):
            role += [c for c in title.children if c.dep_ == "cc" and c.i < conj.i] + with_modifiers(conj)
            break
    body = None
    evidence: list[Token] = []
    for token in role:  # "Commerce Ministry spokesman": the body inside the title
        if (key := ctx.key(token, ORGS)) is not None:
            body, evidence = key, [token]
    role = [t for t in role if ctx.key(t, ORGS) is None]
    for child in title.children:
        if child.dep_ == "poss" and (key := ctx.key(child, POST_BODIES)):
            body, evidence = key, [child]  # "the ministry's spokesman"
    if body is None:
        body, evidence = pronoun_body(ctx, list(title.children))
    if body is None:
        body, evidence, extra = _prepositional_body(ctx, title)
        role.extend(extra)
    for conj in title.children:  # "president and director emeritus of X"
        if body is None and conj.dep_ == "conj" and conj.i > title.i and is_titled(conj):
            body, evidence, _ = _prepositional_body(ctx, conj)
    if body is None:  # "the company's chief financial officer", "the state commissioner for X"
        for child in [*title.children, *role]:
            described = child.dep_ == "poss" or (
                child in role and child.i == role[0].i and child.lower_ in rule_words("posts", "place_name_words")
                and any(c.dep_ == "det" and c.lower_ == "the" for c in title.children))
            if described and (key := descriptive_body(ctx, child)) is not None:
                body, evidence = key, [child]
                role = [t for t in role if t.i != child.i]
                break
    return role, body, evidence


def _prepositional_body(ctx: Context, title: Token) -> tuple[str | None, list[Token], list[Token]]:
    """The first body named by the title's prepositional phrases, level by level: every
    sibling phrase is read before a nested one ("chief of waste disposal for the NRC")."""
    preps = rule_words("posts", "post_preps")
    extra: list[Token] = []
    frontier = [title]
    for _ in range(_MAX_CHAIN):
        objects = [p for current in frontier for c in current.children
                   if c.dep_ == "prep" and c.lower_ in preps
                   for p in c.children if p.dep_ == "pobj"]  # fmt: skip
        if not objects:
            return None, [], extra
        if frontier == [title] and (portfolio := _portfolio_before_employer(ctx, objects)):
            # "Vice President for International Services at Chase Econometrics": the "for"
            # phrase is what the post is for, the body after it the employer
            key, obj, words = portfolio
            return key, [obj], extra + words
        for obj in objects:
            if (key := ctx.key(obj, POST_BODIES)) is not None:
                return key, [obj], extra
        for obj in objects:  # "head of the UNICEF office in Yemen": the body names the office
            for child in obj.children:
                if child.dep_ in ("compound", "poss") and child.i < obj.i and (key := ctx.key(child, ORGS)):
                    return key, [child], extra
        if frontier == [title] and is_title_of(title, objects[0]):
            extra = [objects[0].head, *with_modifiers(objects[0])]  # "Secretary of State": the title's own
        elif any(obj.pos_ == "PROPN" for obj in objects):
            return None, [], extra  # the body is named but unknown: no place after it holds the post
        frontier = objects
    return None, [], extra


def _portfolio_before_employer(ctx: Context, objects: list[Token]) -> tuple[str, Token, list[Token]] | None:
    """A title's "for" phrase followed by an "at"/"of" phrase naming a body: that body, its
    word, and the "for" phrase's words (part of the role)."""
    portfolio = [o for o in objects if o.head.lower_ == "for"]
    employers = [(k, o) for o in objects if o.head.lower_ in ("at", "of") and (k := ctx.key(o, POST_BODIES)) is not None
                 and portfolio and o.i > portfolio[0].i]  # fmt: skip
    if not portfolio or not employers:
        return None
    key, employer = employers[0]
    return key, employer, [t for t in portfolio[0].head.subtree if not t.is_punct]


def names_unknown_body(ctx: Context, title: Token) -> bool:
    """ "president of the Fred Hutchinson Center", the center being no known body, or
    "president of the agricultural league of the cane industry", a body described only: the
    post is there, not in the article's country."""
    preps = rule_words("posts", "post_preps")
    heads = [title, *(c for c in title.children if c.dep_ == "conj" and is_titled(c))]
    return any(obj.dep_ == "pobj" and ctx.key(obj, POST_BODIES) is None and not is_title_of(head, obj)
               and (obj.pos_ == "PROPN" or obj.pos_ == "NOUN" and _describes_a_body(obj))
               for head in heads for prep in head.children if prep.dep_ == "prep" and prep.lower_ in preps
               for obj in prep.children)  # fmt: skip


def _describes_a_body(noun: Token) -> bool:
    """ "the agricultural league": a noun of organizations with its article."""
    return rule_data("posts")["descriptive_bodies"].get(noun.lower_) == "org" \
        and any(c.dep_ == "det" for c in noun.children)


def names_a_portfolio(ctx: Context, key: str, token: Token, title: Token) -> bool:
    """ "Europe" in "Britain's Europe Minister": a region (no country, no body) written right
    before the title, after the body that holds the post, is what the post is for."""
    return ctx.type(key) is EntityType.PLACE and token.i < title.i \
        and all(ctx.key(t, POST_BODIES) == key for t in ctx.doc[token.i : title.i])
