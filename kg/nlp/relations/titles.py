"""Titles for ``holdsPost``: which nouns are titles, the words that belong to one, and
its role as written ("deputy director", "Secretary of State", "co-owner")."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from kg.nlp.datafiles import rule_words
from kg.nlp.lexicon import is_title, portfolios, title_modifiers, title_words, titles
from kg.nlp.relations.base import Context
from kg.nlp.title_fields import portfolio_list_end


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    return rule_words("posts", "role_heads") | titles() | title_words()


def is_title_head(token: Token) -> bool:
    return token.lower_ in _title_words() or token.lemma_.lower() in _title_words()


def is_titled(token: Token) -> bool:
    """A title noun, or a noun a title qualifies ("director emeritus")."""
    return is_title_head(token) or any(c.dep_ == "compound" and is_title_head(c) for c in token.children)


def field_of(ctx: Context, title: Token) -> list[Token]:
    """ "of sport" in "minister of sport": a bare common noun after "of" names the field;
    so does a portfolio after "for" ("Vice President for International Services"), and a
    list of fields ("Minister of Agriculture, Animal Husbandry and Fisheries"), whole."""
    for prep in title.children:
        if prep.dep_ != "prep" or prep.lower_ not in {"of", "for"}:
            continue
        if prep.i == title.i + 1 and (end := portfolio_list_end(title.doc, prep.i)) is not None:
            return list(title.doc[prep.i : end])
        for obj in prep.children:
            if obj.dep_ != "pobj" or ctx.key(obj) is not None:
                continue
            # a common noun after "of"; after "for" only a portfolio ("director for life" has none)
            if not (obj.lower_ in portfolios() if prep.lower_ == "for" else obj.pos_ == "NOUN"):
                continue
            if any(c.dep_ in ("det", "poss", "nummod") for c in obj.children):
                continue
            # "director of strategic initiatives for Highmark": the body's phrase is no field
            cut = {t.i for p in obj.subtree if p.dep_ == "prep" and p is not prep
                   and any(c.dep_ == "pobj" and ctx.key(c) is not None for c in p.children)
                   for t in p.subtree}  # fmt: skip
            return sorted((t for t in prep.subtree if t.i not in cut and (not t.is_punct or t.text in "-")),
                          key=lambda t: t.i)  # fmt: skip
    return []


def is_title_of(title: Token, obj: Token) -> bool:
    return is_title(f"{title.text} of {obj.text}")


def with_modifiers(title: Token) -> list[Token]:
    """The title noun with the words before it that belong to it."""
    out = [title]
    doc, edge = title.doc, title.i  # the first word of the title read so far, or of a short name before it
    for child in reversed([c for c in title.lefts]):
        if edge >= 3 and doc[edge - 1].text == ")" and doc[edge - 3].text == "(":
            edge -= 3  # "a Canadian Wheat Board (CWB) spokesman": the body's short name is no title word
        if child.i >= edge:
            continue
        if child.dep_ in ("compound", "amod", "nmod") and child.i == edge - 1:
            out = [*sorted((t for t in child.subtree if t.i < edge), key=lambda t: t.i), *out]
            edge = out[0].i
        elif child.dep_ == "punct" and child.text in "-\u2013" and child.i == edge - 1:
            out.insert(0, child)
            edge = child.i
        else:
            break
    return out


def _honorifics() -> frozenset[str]:
    from kg.nlp.lexicon import honorifics

    return honorifics()


_DANGLING_LINKS = frozenset({"of", "for", "at", "in", "and", "to"})


def role_text(tokens: list[Token]) -> str:
    drop = rule_words("posts", "drop_from_role")
    # "Hongkong Bank <HKBH.HK> chief economist": a stock ticker after the body's name is no
    # part of the title
    tokens = [t for t in tokens if t.lower_ not in drop and t.dep_ not in ("det", "poss", "case") and not in_ticker(t)]
    tokens = sorted(tokens, key=lambda t: t.i)
    # "chairman Mr Smith", "director-general Sir John": a courtesy title before the name is no
    # part of the post; inside it, it is ("Lord Chancellor Lord Falconer")
    honorifics = _honorifics()
    while tokens and tokens[-1].lower_.rstrip(".") in honorifics:
        tokens = tokens[:-1]
    while tokens and tokens[0].is_punct:
        tokens = tokens[1:]
    tokens = _without_description(tokens)
    # "President of [the Coffee Trade Association]": the body left out, its link word goes too
    while tokens and tokens[-1].lower_ in _DANGLING_LINKS:
        tokens = tokens[:-1]
    if not tokens:
        return ""
    doc = tokens[0].doc
    start, end = _hyphenated(doc, tokens[0].i, tokens[-1].i + 1)
    return doc[start:end].text


def _without_description(tokens: list[Token]) -> list[Token]:
    """ "market-oriented Prime Minister", "new Finance Minister": lower-case words before a
    capitalised title describe the holder, unless one is a title's own ("deputy Prime
    Minister", "acting Foreign Minister")."""
    first = next((k for k, t in enumerate(tokens) if t.is_title or t.is_upper and t.is_alpha), 0)
    lead = tokens[:first]
    if not lead or not is_title_head(tokens[-1]) or not all(t.is_lower or t.is_punct for t in lead) \
            or any(is_title_head(t) or t.lower_ in title_modifiers() for t in lead):
        return tokens
    return tokens[first:]


def in_ticker(token: Token) -> bool:
    """A token of a stock ticker in angle brackets ("<BNPP.A>"), as wire copy writes one
    after a company's name; the brackets may be tokens of their own or glued to the code."""
    doc = token.doc
    if token.text.startswith("<") or token.text.endswith(">"):
        return True
    before = doc[token.i - 1] if token.i > 0 else None
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return before is not None and after is not None and before.text == "<" and after.text == ">" \
        and not before.whitespace_ and not token.whitespace_


def named_before_ticker(token: Token) -> Token:
    """ "Hyundai Motor Co <HYUN.SE> exported 80,432 cars": the parser makes a ticker the head
    of the name before it; the company is that name's last word. Any other token stands for
    itself, a bracket too: "The subsidiary of Honda Motor Co Ltd <HMC.T> shipped" may hang
    the closing bracket as a second subject, and the company is then no subject at all."""
    if not in_ticker(token) or token.text in ("<", ">"):
        return token
    i = token.i
    while i > 0 and in_ticker(token.doc[i - 1]):  # a "<" of its own is a ticker's token too
        i -= 1
    return token.doc[i - 1] if i > 0 else token


def _hyphenated(doc, start: int, end: int) -> tuple[int, int]:
    """Widen [start, end) over words joined to it by hyphens: the parser splits "co-owner",
    "vice-president" and "editor-in-chief", and may hang the parts on other words."""
    while start >= 2 and _glued(doc, start - 2, start) and doc[start - 1].text == "-":
        start -= 2
    while end + 1 < len(doc) and _glued(doc, end - 1, end + 1) and doc[end].text == "-" and doc[end + 1].is_alpha:
        end += 2
    return start, end


def _glued(doc, first: int, last: int) -> bool:
    return all(not doc[i].whitespace_ for i in range(first, last))
