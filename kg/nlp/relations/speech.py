"""``said``: who is the source of which statement.

"X said (that) ...", "..., X said.", "said X", "X told reporters ...", "according to X, ...",
pronoun and description speakers ("she said", "the ministry said") through the mention table,
and quotations that run over several sentences. One Fact per statement sentence; its
offsets span that sentence.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span, Token

from kg.model import Fact, Predicate
from kg.nlp.datafiles import rule_words
from kg.nlp.relations.base import SPEAKERS, SUBJECT_DEPS, Context
from kg.nlp.relations.closing_speakers import closing_speaker
from kg.nlp.relations.dates import anchored_date, may_name_date
from kg.nlp.relations.document_sources import document_source
from kg.nlp.relations.figure_statements import figure_statement, figure_verb, stating_verbs
from kg.nlp.relations.hung_statements import listener_clause, quoted_clause
from kg.nlp.relations.quotes import (
    Units, clean, continued_quotation, detached_quotation, has_quote_mark, without,
)
from kg.nlp.relations.speakers import speaker_key, speech_subjects, with_speaker
from kg.nlp.relations.told_clauses import told_statement
from kg.nlp.relations.tree import TreePatterns

CONTENT = ("ccomp", "parataxis")
# Children showing that a verb such as "continue" has its ordinary sense, not "went on saying".
_NOT_QUOTATION = ("dobj", "xcomp", "oprd", "acomp", "attr", "prep")

CONFIDENCE = {"speech-verb": 0.85, "speech-verb-weak": 0.6, "according-to": 0.8,
              "quotation-continued": 0.7}  # fmt: skip


@lru_cache(maxsize=1)
def _patterns() -> tuple[TreePatterns, TreePatterns]:
    verbs = TreePatterns()
    verbs.add("SPEECH", [[{"RIGHT_ID": "verb",
                           "RIGHT_ATTRS": {"LEMMA": {"IN": sorted(stating_verbs())}, "POS": "VERB"}}]])
    attribution = TreePatterns()
    attribution.add("ACCORDING", [[
        {"RIGHT_ID": "according", "RIGHT_ATTRS": {"LOWER": "according"}},
        {"LEFT_ID": "according", "REL_OP": ">", "RIGHT_ID": "to", "RIGHT_ATTRS": {"LOWER": "to"}},
        {"LEFT_ID": "to", "REL_OP": ">", "RIGHT_ID": "source", "RIGHT_ATTRS": {"DEP": "pobj"}},
    ]])  # fmt: skip
    return verbs, attribution


def extract(ctx: Context) -> list[Fact]:
    """Every statement of the Doc whose source is a known person or organization."""
    verbs, attribution = _patterns()
    units = Units(ctx.doc)
    found: list[tuple[Token, list[str], list[Fact]]] = []
    for _, (start,) in verbs(ctx.parse):
        verb = ctx.doc[start]
        speakers, facts = _from_verb(ctx, verb, units)
        if not facts and figure_verb(verb):
            continue  # "put the plan on hold" attributes nothing
        if facts or any(s.lower_ not in rule_words("speech", "non_sources") for s in speech_subjects(verb)):
            units.attributed.add(units.index(verb))
        if facts:
            found.append((verb, speakers, facts))
    facts = [f for _, _, fs in found for f in fs]
    for _, (according, _, source) in attribution(ctx.parse):
        units.attributed.add(units.index(ctx.doc[according]))
        facts.extend(_from_attribution(ctx, ctx.doc[according], ctx.doc[source], units))
    for verb, speakers, direct in found:
        date = direct[0].date
        for other in continued_quotation(units, verb):
            text = clean(other)
            if text:
                facts.extend(_said(ctx, key, other, text, "quotation-continued", date)
                             for key in speakers)  # fmt: skip
    return _one_per_sentence(facts)


def _withheld(verb: Token) -> bool:
    """ "X did not explain why ...", "X wouldn't say whether ...", "X declined to say": the
    speaker says nothing of what follows."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in rule_words("speech", "withholding_verbs")


def _from_verb(ctx: Context, verb: Token, units: Units) -> tuple[list[str], list[Fact]]:
    if _withheld(verb) or figure_verb(verb) and not figure_statement(verb):
        return [], []  # "put the plan on hold", "sees exports rising": no statement
    speakers = list(dict.fromkeys(k for s in speech_subjects(verb) if (k := speaker_key(ctx, s))))
    if (named := _name_before(ctx, verb)) is not None:
        # a country says nothing of its own here (statements are people's and bodies')
        speakers = [key] if (key := ctx.key(named, SPEAKERS)) else []
    if _passive(verb):
        speakers = []  # "a new model has been added to the line": what is said of it, not by it
    sent = units.of(verb)
    own = any(c.dep_ in SUBJECT_DEPS for c in verb.children)
    if not speakers and not own and (holder := with_speaker(ctx, verb)) is not None:
        speakers = [holder]  # "China hit back with its spokesman, Zhao Lijian, saying ..."
    elif not speakers and (estimator := _passive_estimator(ctx, verb)) is not None:
        # "Coffee exports are estimated by the embassy at 5.0 mln bags": the estimate is the
        # embassy's statement, the sentence without the attribution
        quote = without(sent, {t.i for c in verb.children if c.dep_ == "agent" for t in c.subtree})
        return ([estimator], [_said(ctx, estimator, sent, quote, "speech-verb", None)]) if quote else ([], [])
    elif not speakers and not own and (closing := closing_speaker(ctx, verb, sent)):
        # "..., the country's health ministry said on Tuesday.": the parser lost the subject
        return [closing[0]], [_said(ctx, closing[0], sent, closing[1], "speech-verb", None)]
    if not speakers:
        return [], []
    if verb.lemma_.lower() in rule_words("speech", "quotation_only_verbs") and (
        not has_quote_mark(sent) or any(c.dep_ in _NOT_QUOTATION for c in verb.children)
    ):
        return [], []  # "prices continued to rise"; only '"...," X continued.' reports
    if verb.dep_ == "relcl" and any(c.tag_ in ("WDT", "WP") and c.dep_ not in SUBJECT_DEPS for c in verb.children):
        return [], []  # "the freedom which X tells us we have": no statement of its own
    if figure_verb(verb):
        content = figure_statement(verb)
    else:
        content = told_statement(verb) or [c for c in verb.children if c.dep_ in CONTENT] or _object_clause(verb) \
            or _medium_clause(verb) or figure_statement(verb) or _stranded_clause(verb) \
            or listener_clause(verb) or quoted_clause(verb)
    content = _lost_subject(verb, content) + content
    if not content and not has_quote_mark(sent) and (detached := detached_quotation(units, verb)):
        units.attributed.update(units.index(unit[0]) for unit in detached)
        return speakers, _quotation_facts(ctx, verb, speakers, detached)
    if content:
        # "..., adding that B": B is a statement of its own, not part of this one
        cut = {t.i for c in content for t in c.subtree if t.dep_ in ("advcl", "conj", "xcomp")
               and t.tag_ == "VBG" and t.lemma_.lower() in rule_words("speech", "verbs")
               for t in t.subtree}  # fmt: skip
        below = sorted({i for c in content for i in ctx.parse.subtree(c.i) if i not in cut})
        tokens = [ctx.doc[i] for i in below if sent.start <= i < sent.end]
        quote = clean(ctx.doc[tokens[0].i : tokens[-1].i + 1]) if tokens else ""
    elif has_quote_mark(sent) or _closing_attribution(verb, sent):
        quote = without(sent, verb_clause(verb))
    else:
        return [], []
    if not quote:
        return [], []
    weak = verb.lemma_.lower() in rule_words("speech", "weak_verbs")
    rule = "speech-verb-weak" if weak else "speech-verb"
    # The date of the saying, not one inside what was said (the words of the saying are
    # gathered only where the sentence may name a date: most name none).
    date = None
    if may_name_date(verb.sent):
        said_on = {i for c in verb.children if c.dep_ not in CONTENT for i in ctx.parse.subtree(c.i)}
        date = anchored_date(verb, ctx.article.published, matcher=ctx.rules.dates, within=said_on | {verb.i})
    return speakers, [_said(ctx, key, sent, quote, rule, date) for key in speakers]


def _name_before(ctx: Context, verb: Token) -> Token | None:
    """ "..., although officials denied the accusation and China said it was open": a joined
    verb of saying with no subject of its own, right after a name the parser put elsewhere
    (here joined to "accusation"); the name, not the first clause's subject, speaks."""
    if verb.dep_ != "conj" or verb.i == 0 or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    before = ctx.doc[verb.i - 1]
    mention = ctx.table.mention_span(before)
    if mention is None or mention.end != verb.i or mention.start == 0 or ctx.doc[mention.start - 1].lower_ != "and" \
            or ctx.key(before) is None:
        return None
    return before


def _passive(verb: Token) -> bool:
    """The verb is passive with a subject of its own, which is what is said, told or added."""
    return any(c.dep_ == "auxpass" for c in verb.children) and any(c.dep_ == "nsubjpass" for c in verb.children)


def _passive_estimator(ctx: Context, verb: Token) -> str | None:
    """The body or person "by" whom a figure is estimated or forecast (a passive verb of
    figures: "are estimated by the embassy at ...", "was forecast by the USDA")."""
    if verb.lemma_.lower() not in rule_words("speech", "figure_verbs") or verb.tag_ != "VBN":
        return None
    for agent in verb.children:
        if agent.dep_ == "agent":
            for obj in agent.children:
                if obj.dep_ == "pobj" and (key := speaker_key(ctx, obj)):
                    return key
    return None


def _lost_subject(verb: Token, content: list[Token]) -> list[Token]:
    """ "maintained Mr Brown would have a role": the parser made the statement's subject the
    verb's object, right before a statement clause that has none."""
    if verb.lemma_.lower() in rule_words("speech", "addressee_verbs"):
        return []  # "told the panel there was no need": the object is whom it was told
    clauses = [c for c in content if c.dep_ in CONTENT and c.left_edge.dep_ != "mark"
               and not any(k.dep_ in (*SUBJECT_DEPS, "expl", "csubj") for k in c.children)]
    return [o for o in verb.children if o.dep_ == "dobj" and clauses
            and o.right_edge.i + 1 == clauses[0].left_edge.i and o.i > verb.i]


def _quotation_facts(ctx: Context, verb: Token, speakers: list[str], quoted: list[Span]) -> list[Fact]:
    weak = verb.lemma_.lower() in rule_words("speech", "weak_verbs")
    rule = "speech-verb-weak" if weak else "speech-verb"
    date = anchored_date(verb, ctx.article.published, matcher=ctx.rules.dates, within={t.i for t in verb.subtree})
    return [_said(ctx, key, unit, text, rule, date) for unit in quoted if (text := clean(unit))
            for key in speakers]  # fmt: skip


def _medium_clause(verb: Token) -> list[Token]:
    """ "X wrote in a statement that ...": the parser hangs the clause on the medium's noun."""
    media = rule_words("speech", "statement_nouns")
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.i < verb.i:
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj" or obj.lemma_.lower() not in media:
                continue
            for clause in obj.children:
                if clause.dep_ in ("relcl", "acl", "ccomp") and any(
                    c.dep_ == "mark" and c.lower_ == "that" for c in clause.children
                ):
                    return [clause]
    return []


def _stranded_clause(verb: Token) -> list[Token]:
    """ "X told reporters on his return from London that no decision would be made": the
    parser hangs the "that" clause on a noun of the phrase between; a clause with its own
    subject, opened by "that", after the verb's phrase is still what was said."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.i < verb.i:
            continue
        for clause in prep.subtree:
            if clause.dep_ in ("acl", "relcl", "ccomp") and clause.pos_ in ("VERB", "AUX") \
                    and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children) \
                    and any(c.dep_ in (*SUBJECT_DEPS, "expl") for c in clause.children):
                return [clause]
    return []


def _object_clause(verb: Token) -> list[Token]:
    """ "X said the decision to stop funding was a violation": the parser took the clause's
    subject for the verb's object; a finite verb with a subject inside it shows the clause."""
    if verb.lemma_.lower() not in rule_words("speech", "clause_object_verbs"):
        return []
    for obj in verb.children:
        if obj.dep_ != "dobj" or obj.i < verb.i:
            continue
        for token in obj.subtree:
            if token.dep_ in ("relcl", "acl") and token.pos_ in ("AUX", "VERB") and token.tag_ in (
                "VBD", "VBZ", "VBP", "MD"
            ) and any(c.dep_ in SUBJECT_DEPS for c in token.children):
                return [obj]
    return []


def _from_attribution(
    ctx: Context, according: Token, source: Token, units: Units
) -> list[Fact]:
    sources = [k for t in sorted({source, *source.conjuncts}, key=lambda t: t.i)
               if (k := speaker_key(ctx, t) or document_source(ctx, t))]  # fmt: skip
    if not sources:
        return []
    sent = units.of(according)
    quote = without(sent, {t.i for t in according.subtree})
    if not quote:
        return []
    date = anchored_date(according.head, ctx.article.published, matcher=ctx.rules.dates)
    return [_said(ctx, key, sent, quote, "according-to", date) for key in dict.fromkeys(sources)]


def _said(ctx: Context, key: str, sent: Span, quote: str, rule: str, date: str | None) -> Fact:
    return ctx.fact(
        key,
        Predicate.SAID,
        [_trimmed(sent)],
        rule=rule,
        confidence=ctx.confidence(rule),
        sentence=sent,
        quote=quote,
        date=date,
    )


def _trimmed(sent: Span) -> Span:
    start, end = sent.start, sent.end
    while end > start + 1 and sent.doc[end - 1].is_space:
        end -= 1
    while start < end - 1 and sent.doc[start].is_space:
        start += 1
    return sent.doc[start:end]


def _closing_attribution(verb: Token, sent: Span) -> bool:
    """ "Sales were worth 1.1 trillion crowns, the Stavanger-based directorate said in its
    report.": the parser hung the closing "X said" on the last noun as a relative clause
    a comma before its subject and nothing after it but the sentence's end show what it is.
    (Or as a second clause joined without "and", or one set off by commas inside.)"""
    if verb.dep_ not in ("relcl", "conj", "parataxis") or verb.head.i > verb.i \
            or any(c.tag_ in ("WDT", "WP") or c.lower_ == "that" for c in verb.children):
        return False
    if verb.dep_ == "conj" and any(c.dep_ == "cc" and verb.head.i < c.i < verb.i for c in verb.head.children):
        return False  # "prices rose and the ministry said ...": two clauses
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i < verb.i]
    if not subjects:
        return False
    first = min(t.i for t in subjects[0].subtree)
    last = max(t.i for t in verb.subtree if not t.is_punct)
    if first <= sent.start or sent.doc[first - 1].text != ",":
        return False
    if all(t.is_punct for t in sent.doc[last + 1 : sent.end]):
        return True
    # "A ship will load on Monday, Alfaro said, and a second will follow.": set off by commas
    # inside the statement
    return verb.dep_ == "parataxis" and last + 1 < sent.end and sent.doc[last + 1].text == ","


def verb_clause(verb: Token) -> set[int]:
    """The attribution: the verb and its subject (token indices)."""
    return {verb.i} | {t.i for c in verb.children if c.dep_ in SUBJECT_DEPS for t in c.subtree}


def _one_per_sentence(facts: list[Fact]) -> list[Fact]:
    best: dict[tuple[str, int], Fact] = {}
    for fact in facts:
        key = (fact.subject, fact.start)
        if key not in best or fact.confidence > best[key].confidence:
            best[key] = fact
    return list(best.values())


__all__ = ["extract", "CONFIDENCE", "CONTENT", "verb_clause"]
