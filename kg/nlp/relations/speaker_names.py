"""The person a speaking title or a name the model missed stands for (for ``said``, through
``kg.nlp.relations.speakers``): the name in apposition to a title's phrase, right after a
title ("spokesman Per Paust") or ending it ("Chief Inspector of Mines Redzuan Sumun"), the
holder last named with a title ("the governor said"), and a proper name outside every mention
that the article names a person or a body by ("Pillay said", "Permian said")."""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.nlp.datafiles import rule_data
from kg.nlp.relations.base import ORGS, PERSONS, Context
from kg.nlp.relations.titled_bodies import held_in, holds_there, is_occupation
from kg.nlp.relations.titles import is_title_head


# the small words inside a capitalised title phrase ("Minister of State for Textiles")
TITLE_LINKS = frozenset({"of", "for", "and", "the"})


def title_phrase_appositions(token: Token) -> list[Token]:
    """ "the minister at the Presidency, Patricio Quevedo, told ...": the parser hangs the
    title's apposition on the proper name ending the title's phrase (a person's name only:
    "the chairman of the Coffee Board, CB," names the body again). A title there has its
    own holder: "a spokesman for the prosecutor, X, said" is the spokesman's word, not X's."""
    if not is_title_head(token):
        return []
    return [a for p in token.children if p.dep_ == "prep" for o in p.children
            if o.dep_ == "pobj" and o.pos_ == "PROPN" and not is_title_head(o)
            for a in o.children if a.dep_ == "appos"]  # fmt: skip


def name_after_title(ctx: Context, token: Token) -> str | None:
    """ "spokesman Per Paust told Reuters", the parser making the title the subject and the
    name hang below it: the person named right after the title word speaks."""
    if not is_title_head(token) or token.i + 1 >= len(ctx.doc):
        return None
    mention = ctx.table.mention_span(token.i + 1)
    if mention is None or mention.start != token.i + 1 or not all(t.head.i in range(token.i, mention.end) for t in mention):
        return None
    return ctx.key(ctx.doc[token.i + 1], PERSONS)


def name_ending_title_phrase(ctx: Context, token: Token) -> str | None:
    """ "Chief Inspector of Mines Redzuan Sumun told Reuters": a capitalised title with its
    "of"/"for" phrase written straight before the name, which the parser makes the phrase's
    object; the person so named speaks ("a spokesman for Minister X", with its article and
    lower-case title, is the spokesman's word)."""
    if not token.is_title or not is_title_head(token):
        return None
    for prep in token.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("of", "for"):
            continue
        for obj in prep.children:
            mention = ctx.table.mention_span(obj) if obj.dep_ == "pobj" else None
            if mention is None or (key := ctx.key(obj, PERSONS)) is None:
                continue
            between = ctx.doc[token.i + 1 : mention.start]
            if all(t.is_title or t.lower_ in TITLE_LINKS - {"the"} for t in between):
                return key
    return None


def _unmentioned_name(ctx: Context, token: Token) -> Span | None:
    """The proper name ``token`` ends, with the proper-noun compounds written straight before
    it, when no word of it is inside a mention: a name the model missed here."""
    if token.pos_ != "PROPN" or ctx.table.key_at(token) is not None:
        return None
    parts = [c for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    if parts and parts[0].i + len(parts) != token.i:
        return None
    name = ctx.doc[parts[0].i if parts else token.i : token.i + 1]
    if any(ctx.table.key_at(t) is not None for t in name):
        return None
    return name


def named_person(ctx: Context, token: Token) -> str | None:
    """ "Pillay said ...", where the model missed the name here but the article's table
    knows a person by it: a proper name outside every mention, matched whole."""
    name = _unmentioned_name(ctx, token)
    if name is None:
        return None
    key = ctx.key_by_name(name.text, PERSONS)
    if key is None and len(name) == 1:  # "Studley said", the article named "Rich Studley"
        owners = {k for k, e in ctx.table.entities.items() if e.type in PERSONS
                  and any(n.split()[-1] == token.text for n in e.all_names if " " in n)}  # fmt: skip
        key = owners.pop() if len(owners) == 1 else None
    return key


def short_body_name(ctx: Context, token: Token) -> str | None:
    """ "Permian said", the story having named "Permian Basin Royalty Trust": a proper name
    outside every mention that opens the name of exactly one organization of the article
    (and of no person) is that organization, called short."""
    name = _unmentioned_name(ctx, token)
    if name is None:
        return None
    opening = name.text + " "
    owners = {k: e.type for k, e in ctx.table.entities.items()
              if any(n.startswith(opening) for n in e.all_names)}  # fmt: skip
    if len(owners) != 1:
        return None
    key, kind = owners.popitem()
    return key if kind in ORGS else None


def titled_holder(ctx: Context, token: Token) -> str | None:
    """ "the governor said": the person last named with that title ("Gov. X", "X, the
    governor of Y") before it in the article."""
    if token.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
        return None
    bodies = held_in(ctx, token)
    if not (_is_title(token) or bodies and is_occupation(token)) or bodies is None:
        return None
    wanted = {token.lower_, token.lemma_.lower()}
    best: tuple[int, str] | None = None
    # "The Chase economist" after "Aldo Roldan, Vice President ... at Chase Econometrics":
    # the one named working in that body, whatever his title, where none has this one
    working: tuple[int, str] | None = None
    for key, mention in ctx.entity_mentions(PERSONS):
        if mention.end > token.i:
            break
        root = mention.root
        before = ctx.doc[min(root.left_edge.i, mention.start) : mention.start]
        titled = [t for t in before] + [a for a in root.children if a.dep_ == "appos"]
        if not holds_there(ctx, titled, bodies):
            continue
        working = (mention.start, key)
        if any(t.lower_.rstrip(".") in wanted or t.lemma_.lower() in wanted or
               _abbreviation(t) in wanted for t in titled):  # fmt: skip
            best = (mention.start, key)
    if best is None and bodies:
        best = working
    return best[1] if best else None


def _is_title(token: Token) -> bool:
    return is_title_head(token)


def _abbreviation(token: Token) -> str:
    return rule_data("speech")["title_abbreviations"].get(token.lower_, "")
