"""Speakers named after what they said, closing its sentence: "..., the Finance Ministry
said.", "..., Minister of State for Textiles R.N. Mirdha said.", "..., a spokesman for the
bank's unit X said.": the mention right before the verb, with the title or voice words
that lead up to it after a comma; the statement is the clause before that comma."""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.nlp.datafiles import rule_words
from kg.nlp.lexicon import title_words
from kg.nlp.references import closing_title
from kg.nlp.relations.base import PERSONS, SPEAKERS, Context
from kg.nlp.relations.quotes import clean
from kg.nlp.relations.speaker_names import TITLE_LINKS
from kg.nlp.relations.titles import is_title_head


def _title_before(ctx: Context, start: int, sent: Span) -> int:
    """ "..., Minister of State for Textiles R.N. Mirdha said.": a capitalised title phrase
    between the comma and the name, however the parser hung it, belongs to the speaker."""
    doc, k = ctx.doc, start
    while k > sent.start and doc[k - 1].text != "," and (doc[k - 1].is_title or doc[k - 1].lower_ in TITLE_LINKS):
        k -= 1
    if k < start and doc[k - 1].text == "," and any(is_title_head(t) for t in doc[k:start]):
        return k
    return start


def _voice_of_body_before(doc, start: int, sent: Span) -> int:
    """ "..., a spokesman for Cargill's Spanish unit Cindasa said.": the unnamed voice of the
    body and the words naming it, between the comma and the body's name, however the parser
    hung them; where the attribution starts (``start`` where there is none)."""
    comma = start - 1
    while comma > sent.start and doc[comma].text != ",":
        comma -= 1
    between = doc[comma + 1 : start]
    if doc[comma].text != "," or len(between) < 3 or between[0].lower_ not in ("a", "an", "the") \
            or between[1].lower_ not in rule_words("speech", "body_voices") \
            or between[2].lower_ not in rule_words("speech", "body_voice_preps") \
            or any(t.pos_ in ("VERB", "AUX") or t.text == "," for t in between):
        return start
    return comma + 1


def _before_apposition(doc, end: int, sent: Span) -> int:
    """ "..., the General Accounting Office, GAO, said.": the speaker's short name set off by
    commas between the speaker and the verb; where the speaker's mention ends."""
    if end - 1 <= sent.start or doc[end - 1].text != ",":
        return end
    k = end - 2
    while k > sent.start and doc[k].text != "," and end - 1 - k <= _MAX_APPOSITION:
        k -= 1
    inner = doc[k + 1 : end - 1]
    if doc[k].text == "," and len(inner) and all(t.dep_ in ("appos", "compound") for t in inner) \
            and any(t.dep_ == "appos" for t in inner):
        return k
    return end


_MAX_APPOSITION = 4


def closing_speaker(ctx: Context, verb: Token, sent: Span) -> tuple[str, str] | None:
    """A speaker's mention right before the verb, after a comma, with only the time or
    place of the saying after it: the statement is the clause before the comma."""
    if any(c.i > verb.i and (c.dep_ in ("ccomp", "dobj", "xcomp", "mark") or c.lower_ == "that")
           for c in verb.children):
        return None  # the verb has a statement of its own after it
    if titled := _titled_name_closing(ctx, verb, sent):
        return titled
    if (title := closing_title(verb.sent, title_words())) is not None and (key := ctx.key(title, PERSONS)):
        # "..., the chairman of the Coffee Board, CB, said.": the chairman named after it
        quote = clean(ctx.doc[sent.start : title.i - 2])
        return (key, quote) if quote else None
    end = _before_apposition(ctx.doc, verb.i, sent)
    mention = ctx.table.mention_span(end - 1) if end > sent.start else None
    if mention is None or mention.end != end:
        return None
    key = ctx.key(mention[-1], SPEAKERS)
    start = mention.start
    while start > sent.start and ctx.doc[start - 1].dep_ in ("det", "poss", "case", "amod", "compound") \
            and ctx.doc[start - 1].text != ",":
        start -= 1  # "the country's health ministry"
    start = _title_before(ctx, start, sent)
    if key is not None and start > sent.start + 1 and ctx.doc[start - 1].text != ",":
        start = _voice_of_body_before(ctx.doc, start, sent)
    if key is None or start <= sent.start + 1 or ctx.doc[start - 1].text != ",":
        return None
    quote = clean(ctx.doc[sent.start : start - 1])
    return (key, quote) if quote else None


def _titled_name_closing(ctx: Context, verb: Token, sent: Span) -> tuple[str, str] | None:
    """ "..., managing director of the Meat Board, Peter Frawley, said.": a person's name set
    off by commas right before the verb, after a title phrase set off by a comma; the parser
    hangs the name on the body as its apposition. The statement is the clause before the
    title."""
    doc = ctx.doc
    if verb.i - 2 <= sent.start or doc[verb.i - 1].text != ",":
        return None
    name = ctx.table.mention_span(verb.i - 2)
    if name is None or name.end != verb.i - 1 or name.start - 1 <= sent.start or doc[name.start - 1].text != ",":
        return None
    key = ctx.key(doc[verb.i - 2], PERSONS)
    comma = name.start - 2
    while key is not None and comma > sent.start and doc[comma].text != ",":
        comma -= 1
    if key is None or doc[comma].text != "," or not any(is_title_head(t) for t in doc[comma + 1 : name.start - 1]):
        return None
    quote = clean(doc[sent.start : comma])
    return (key, quote) if quote else None


__all__ = ["closing_speaker"]
