"""``said``: who is the source of which statement.

"X said (that) ...", "..., X said.", "said X", "X told reporters ...", "according to X, ...",
pronoun and description speakers ("she said", "the ministry said") through the mention table,
and quotations that run over several sentences. One Fact per statement sentence; its
offsets span that sentence.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from kg.model import Fact, Predicate
from kg.nlp.datafiles import rule_data, rule_words
from kg.nlp.relations.base import ORGS, PERSONS, Context
from kg.nlp.relations.dates import anchored_date
from kg.nlp.relations.posts import _is_title_head
from kg.nlp.relations.tree import TreePatterns

SPEAKERS = PERSONS | ORGS
_SUBJECTS = ("nsubj", "nsubjpass")
# Clauses that inherit the subject of the verb they hang on ("said ..., adding that ...").
_INHERIT = ("advcl", "xcomp", "conj", "pcomp")
CONTENT = ("ccomp", "parataxis")
_MAX_QUOTE_SENTENCES = 6
# Children showing that a verb such as "continue" has its ordinary sense, not "went on saying".
_NOT_QUOTATION = ("dobj", "xcomp", "oprd", "acomp", "attr", "prep")
_STRIP = " \t\n,;:\u201c\u201d\"'\u2018\u2019"

CONFIDENCE = {"speech-verb": 0.85, "speech-verb-weak": 0.6, "according-to": 0.8,
              "quotation-continued": 0.7}  # fmt: skip


@lru_cache(maxsize=1)
def _patterns() -> tuple[TreePatterns, TreePatterns]:
    verbs = TreePatterns()
    verbs.add("SPEECH", [[{"RIGHT_ID": "verb",
                           "RIGHT_ATTRS": {"LEMMA": {"IN": sorted(rule_words("speech", "verbs"))}, "POS": "VERB"}}]])
    attribution = TreePatterns()
    attribution.add("ACCORDING", [[
        {"RIGHT_ID": "according", "RIGHT_ATTRS": {"LOWER": "according"}},
        {"LEFT_ID": "according", "REL_OP": ">", "RIGHT_ID": "to", "RIGHT_ATTRS": {"LOWER": "to"}},
        {"LEFT_ID": "to", "REL_OP": ">", "RIGHT_ID": "source", "RIGHT_ATTRS": {"DEP": "pobj"}},
    ]])  # fmt: skip
    return verbs, attribution


class _Units:
    """Statement units: the Doc's sentences, cut again at line breaks (paragraphs never
    share a statement, whatever the sentence splitter did)."""

    def __init__(self, doc: Doc) -> None:
        units: list[Span] = []
        for sent in doc.sents:
            start = sent.start
            for token in sent:
                if token.is_space and "\n" in token.text:
                    if token.i > start:
                        units.append(doc[start : token.i])
                    start = token.i + 1
            if start < sent.end:
                units.append(doc[start : sent.end])
        self.units = [u for u in units if any(not t.is_space for t in u)]
        self.starts = [u.start for u in self.units]
        self.attributed: set[int] = set()

    def index(self, token: Token) -> int:
        return max(bisect_right(self.starts, token.i) - 1, 0)

    def of(self, token: Token) -> Span:
        return self.units[self.index(token)]

    def same_paragraph(self, a: int, b: int) -> bool:
        first, second = self.units[min(a, b)], self.units[max(a, b)]
        return "\n" not in first.doc[first.end : second.start].text


def extract(ctx: Context) -> list[Fact]:
    """Every statement of the Doc whose source is a known person or organization."""
    verbs, attribution = _patterns()
    units = _Units(ctx.doc)
    found: list[tuple[Token, list[str], list[Fact]]] = []
    for _, (start,) in verbs(ctx.parse):
        verb = ctx.doc[start]
        speakers, facts = _from_verb(ctx, verb, units)
        if facts or any(s.lower_ not in rule_words("speech", "non_sources") for s in _subjects(verb)):
            units.attributed.add(units.index(verb))
        if facts:
            found.append((verb, speakers, facts))
    facts = [f for _, _, fs in found for f in fs]
    for _, (according, _, source) in attribution(ctx.parse):
        units.attributed.add(units.index(ctx.doc[according]))
        facts.extend(_from_attribution(ctx, ctx.doc[according], ctx.doc[source], units))
    for verb, speakers, direct in found:
        date = direct[0].date
        for other in _continued_quotation(units, verb):
            text = clean(other)
            if text:
                facts.extend(_said(ctx, key, other, text, "quotation-continued", date)
                             for key in speakers)  # fmt: skip
    return _one_per_sentence(facts)


def _subjects(verb: Token) -> list[Token]:
    current = verb
    for _ in range(5):
        subjects = [c for c in current.children if c.dep_ in _SUBJECTS]
        if subjects:
            return [t for s in subjects for t in sorted({s, *s.conjuncts}, key=lambda t: t.i)]
        # "X was quoted as saying ...": the subject is the quoted one's
        as_phrase = current.dep_ == "prep" and current.lower_ == "as"
        if (current.dep_ not in _INHERIT and not as_phrase) or current.head.i == current.i:
            return []
        current = current.head
    return []


def _speaker(ctx: Context, token: Token) -> str | None:
    if token.lower_ in rule_words("speech", "personal_pronouns"):
        # "he said": only a person; a place or body given for it falls back to the person
        # named last in this or the previous sentences.
        return ctx.key(token, PERSONS) or ctx.recent(token, PERSONS, sentences=3, pronoun=token.lower_)
    key = ctx.key(token, SPEAKERS)
    if key is None:  # "a spokesman, Zhang Qi, said": the name is in apposition
        for child in token.children:
            if child.dep_ == "appos" and (key := ctx.key(child, SPEAKERS)):
                break
    if key is None:
        key = _titled_holder(ctx, token)
    if key is None:
        key = _named_person(ctx, token)
    return key


def _named_person(ctx: Context, token: Token) -> str | None:
    """ "Pillay said ...", where the model missed the name here but the article's table
    knows a person by it: a proper name outside every mention, matched whole."""
    if token.pos_ != "PROPN" or ctx.table.key_at(token) is not None:
        return None
    parts = [c for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    if parts and parts[0].i + len(parts) != token.i:
        return None
    name = ctx.doc[parts[0].i if parts else token.i : token.i + 1]
    if any(ctx.table.key_at(t) is not None for t in name):
        return None
    key = ctx.key_by_name(name.text, PERSONS)
    if key is None and len(name) == 1:  # "Studley said", the article named "Rich Studley"
        owners = {k for k, e in ctx.table.entities.items() if e.type in PERSONS
                  and any(n.split()[-1] == token.text for n in e.all_names if " " in n)}  # fmt: skip
        key = owners.pop() if len(owners) == 1 else None
    return key


def _titled_holder(ctx: Context, token: Token) -> str | None:
    """ "the governor said": the person last named with that title ("Gov. X", "X, the
    governor of Y") before it in the article."""
    if token.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
        return None
    if not _is_title(token) or any(c.dep_ in ("prep", "poss", "compound", "amod") for c in token.children):
        return None
    wanted = {token.lower_, token.lemma_.lower()}
    best: tuple[int, str] | None = None
    for key, mention in ctx.entity_mentions(PERSONS):
        if mention.end > token.i:
            break
        root = mention.root
        before = ctx.doc[min(root.left_edge.i, mention.start) : mention.start]
        titled = [t for t in before] + [a for a in root.children if a.dep_ == "appos"]
        if any(t.lower_.rstrip(".") in wanted or t.lemma_.lower() in wanted or
               _abbreviation(t) in wanted for t in titled):  # fmt: skip
            best = (mention.start, key)
    return best[1] if best else None


def _is_title(token: Token) -> bool:
    return _is_title_head(token)


def _abbreviation(token: Token) -> str:
    return rule_data("speech")["title_abbreviations"].get(token.lower_, "")


def _from_verb(ctx: Context, verb: Token, units: _Units) -> tuple[list[str], list[Fact]]:
    speakers = list(dict.fromkeys(k for s in _subjects(verb) if (k := _speaker(ctx, s))))
    sent = units.of(verb)
    own = any(c.dep_ in _SUBJECTS for c in verb.children)
    if not speakers and not own and (holder := _with_speaker(ctx, verb)) is not None:
        speakers = [holder]  # "China hit back with its spokesman, Zhao Lijian, saying ..."
    elif not speakers and not own and (closing := _closing_speaker(ctx, verb, sent)):
        # "..., the country's health ministry said on Tuesday.": the parser lost the subject
        return [closing[0]], [_said(ctx, closing[0], sent, closing[1], "speech-verb", None)]
    if not speakers:
        return [], []
    if verb.lemma_.lower() in rule_words("speech", "quotation_only_verbs") and (
        not _has_quote_mark(sent) or any(c.dep_ in _NOT_QUOTATION for c in verb.children)
    ):
        return [], []  # "prices continued to rise"; only '"...," X continued.' reports
    if verb.dep_ == "relcl" and any(c.tag_ in ("WDT", "WP") and c.dep_ not in _SUBJECTS for c in verb.children):
        return [], []  # "the freedom which X tells us we have": no statement of its own
    content = [c for c in verb.children if c.dep_ in CONTENT] or _object_clause(verb) or _medium_clause(verb)
    content = _lost_subject(verb, content) + content
    if not content and not _has_quote_mark(sent) and (detached := _detached_quotation(units, verb)):
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
    elif _has_quote_mark(sent) or _closing_attribution(verb, sent):
        quote = without(sent, verb_clause(verb))
    else:
        return [], []
    if not quote:
        return [], []
    weak = verb.lemma_.lower() in rule_words("speech", "weak_verbs")
    rule = "speech-verb-weak" if weak else "speech-verb"
    # The date of the saying, not one inside what was said.
    said_on = {i for c in verb.children if c.dep_ not in CONTENT for i in ctx.parse.subtree(c.i)}
    date = anchored_date(verb, ctx.article.published, matcher=ctx.rules.dates, within=said_on | {verb.i})
    return speakers, [_said(ctx, key, sent, quote, rule, date) for key in speakers]


def _lost_subject(verb: Token, content: list[Token]) -> list[Token]:
    """ "maintained Mr Brown would have a role": the parser made the statement's subject the
    verb's object, right before a statement clause that has none."""
    if verb.lemma_.lower() in rule_words("speech", "addressee_verbs"):
        return []  # "told the panel there was no need": the object is whom it was told
    clauses = [c for c in content if c.dep_ in CONTENT and c.left_edge.dep_ != "mark"
               and not any(k.dep_ in (*_SUBJECTS, "expl", "csubj") for k in c.children)]
    return [o for o in verb.children if o.dep_ == "dobj" and clauses
            and o.right_edge.i + 1 == clauses[0].left_edge.i and o.i > verb.i]


def _quotation_facts(ctx: Context, verb: Token, speakers: list[str], quoted: list[Span]) -> list[Fact]:
    weak = verb.lemma_.lower() in rule_words("speech", "weak_verbs")
    rule = "speech-verb-weak" if weak else "speech-verb"
    date = anchored_date(verb, ctx.article.published, matcher=ctx.rules.dates, within={t.i for t in verb.subtree})
    return [_said(ctx, key, unit, text, rule, date) for unit in quoted if (text := clean(unit))
            for key in speakers]  # fmt: skip


def _detached_quotation(units: _Units, verb: Token) -> list[Span]:
    """ '"How can you be happy?" Dechy said.': the splitter cut the quotation off its
    attribution, which stands alone; the quotation is the unit(s) just before it."""
    k = units.index(verb)
    unit = units.units[k]
    clause = {s.i for s in verb.subtree}
    if any(not t.is_punct and not t.is_space and t.i not in clause for t in unit):
        return []
    if any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children) or k == 0:
        return []
    last = units.units[k - 1]
    opens, closes = _marks(last)
    if k - 1 in units.attributed or not units.same_paragraph(k - 1, k):
        return []
    if not closes or closes[-1] != _last_word(last).i:
        return []  # the unit before does not end a quotation
    found = [last]
    if opens and opens[0] < closes[-1]:
        return found
    for j in range(k - 2, max(k - 2 - _MAX_QUOTE_SENTENCES, -1), -1):
        unit = units.units[j]
        if j in units.attributed or not units.same_paragraph(j, k):
            return []
        found.append(unit)
        if _opens_unclosed(unit):
            return found
        if _marks(unit)[1]:
            return []  # another quotation closes here: the opening was lost
    return []


def _last_word(span: Span) -> Token:
    return next((t for t in reversed(span) if not t.is_space), span[-1])


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
            ) and any(c.dep_ in _SUBJECTS for c in token.children):
                return [obj]
    return []


def _from_attribution(
    ctx: Context, according: Token, source: Token, units: _Units
) -> list[Fact]:
    sources = [k for t in sorted({source, *source.conjuncts}, key=lambda t: t.i)
               if (k := _speaker(ctx, t) or _source_of_document(ctx, t))]  # fmt: skip
    if not sources:
        return []
    sent = units.of(according)
    quote = without(sent, {t.i for t in according.subtree})
    if not quote:
        return []
    date = anchored_date(according.head, ctx.article.published, matcher=ctx.rules.dates)
    return [_said(ctx, key, sent, quote, "according-to", date) for key in dict.fromkeys(sources)]


def _source_of_document(ctx: Context, noun: Token) -> str | None:
    """ "according to figures from the Department of Health", "according to the WHO's
    report": a document's author is the statement's source."""
    if noun.lemma_.lower() not in rule_words("speech", "document_nouns"):
        return None
    for child in noun.children:
        if child.dep_ == "poss" and (key := _speaker(ctx, child)):
            return key
        if child.dep_ == "prep" and child.lower_ in rule_words("speech", "document_preps"):
            for obj in child.children:
                if obj.dep_ == "pobj" and (key := _speaker(ctx, obj)):
                    return key
    return None


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


def clean(span: Span) -> str:
    """A statement's text: the span without quote marks, punctuation and "that" at its edges."""
    tokens = [t for t in span if not t.is_space]
    # "as X points out it is ...": the verb's particle; "he was resigning and the Queen ...":
    # a conjunction left by a statement cut before the next clause
    while tokens and ((tokens[0].dep_ == "mark" and tokens[0].lower_ == "that") or tokens[0].is_punct
                      or tokens[0].dep_ == "prt" and tokens[0].head.i < tokens[0].i):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct and tokens[-1].text not in ("?", "!", "%") or tokens[-1].dep_ == "cc"):
        tokens = tokens[:-1]
    if not tokens:
        return ""
    text = span.doc[tokens[0].i : tokens[-1].i + 1].text
    return text.strip(_STRIP)


def without(sent: Span, clause: set[int]) -> str:
    """The longest stretch of the sentence outside the attribution clause (token indices)."""
    runs: list[list[Token]] = [[]]
    for token in sent:
        if token.i in clause:
            runs.append([])
        else:
            runs[-1].append(token)
    best = max(runs, key=lambda run: sum(1 for t in run if not t.is_punct))
    if not best:
        return ""
    return clean(sent.doc[best[0].i : best[-1].i + 1])


def _with_speaker(ctx: Context, verb: Token) -> str | None:
    """ "with its foreign ministry spokesman, Zhao Lijian, saying ...": the person of a
    "with" phrase right before a participle of saying is the one who says it."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "acl") or verb.i < 2:
        return None
    for prep in verb.head.children:
        if prep.dep_ != "prep" or prep.lower_ != "with" or prep.i > verb.i:
            continue
        end = prep.right_edge.i
        gap = ctx.doc[end + 1 : verb.i]
        if not all(t.is_punct for t in gap):
            continue
        found = [k for t in prep.subtree if (k := ctx.key(t, PERSONS))]
        if found:
            return found[-1]
    return None


def _closing_speaker(ctx: Context, verb: Token, sent: Span) -> tuple[str, str] | None:
    """A speaker's mention right before the verb, after a comma, with only the time or
    place of the saying after it: the statement is the clause before the comma."""
    mention = ctx.table.mention_span(verb.i - 1) if verb.i > sent.start else None
    if mention is None or mention.end != verb.i:
        return None
    key = ctx.key(mention[-1], SPEAKERS)
    start = mention.start
    while start > sent.start and ctx.doc[start - 1].dep_ in ("det", "poss", "case", "amod", "compound") \
            and ctx.doc[start - 1].text != ",":
        start -= 1  # "the country's health ministry"
    if key is None or start <= sent.start + 1 or ctx.doc[start - 1].text != ",":
        return None
    if any(c.dep_ in ("ccomp", "dobj", "xcomp", "mark") or c.lower_ == "that" for c in verb.children):
        return None  # the verb has a statement of its own after it
    quote = clean(ctx.doc[sent.start : start - 1])
    return (key, quote) if quote else None


def _closing_attribution(verb: Token, sent: Span) -> bool:
    """ "Sales were worth 1.1 trillion crowns, the Stavanger-based directorate said in its
    report.": the parser hung the closing "X said" on the last noun as a relative clause
    a comma before its subject and nothing after it but the sentence's end show what it is.
    (Or as a second clause joined without "and".)"""
    if verb.dep_ not in ("relcl", "conj") or verb.head.i > verb.i \
            or any(c.tag_ in ("WDT", "WP") or c.lower_ == "that" for c in verb.children):
        return False
    if verb.dep_ == "conj" and any(c.dep_ == "cc" and verb.head.i < c.i < verb.i for c in verb.head.children):
        return False  # "prices rose and the ministry said ...": two clauses
    subjects = [c for c in verb.children if c.dep_ in _SUBJECTS and c.i < verb.i]
    if not subjects:
        return False
    first = min(t.i for t in subjects[0].subtree)
    last = max(t.i for t in verb.subtree)
    return first > sent.start and sent.doc[first - 1].text == "," \
        and all(t.is_punct for t in sent.doc[last + 1 : sent.end])


def verb_clause(verb: Token) -> set[int]:
    """The attribution: the verb and its subject (token indices)."""
    return {verb.i} | {t.i for c in verb.children if c.dep_ in _SUBJECTS for t in c.subtree}


def _marks(span: Span) -> tuple[list[int], list[int]]:
    data = rule_data("speech")
    curly = [t for t in span if t.text != '"']
    opens = [t.i for t in curly if t.text in data["open_quotes"]]
    closes = [t.i for t in curly if t.text in data["close_quotes"]]
    # A straight quote closes when it is glued to the word before it ('ready,"'), else opens.
    for t in span:
        if t.text == '"':
            glued = t.i > 0 and not t.doc[t.i - 1].whitespace_ and not t.doc[t.i - 1].is_space
            (closes if glued else opens).append(t.i)
    return sorted(opens), sorted(closes)


def _has_quote_mark(span: Span) -> bool:
    opens, closes = _marks(span)
    return bool(opens or closes)


def _opens_unclosed(span: Span) -> bool:
    opens, closes = _marks(span)
    return bool(opens) and (not closes or opens[-1] > closes[-1])


def _continued_quotation(units: _Units, verb: Token) -> list[Span]:
    """Other units of a quotation attributed at ``verb``: the quotation opened earlier and
    closes in the verb's unit, or it goes on after the attribution ('"A," X said. "B."')."""
    k = units.index(verb)
    opens, closes = _marks(units.units[k])
    found: list[Span] = []
    if closes and (not opens or closes[0] < opens[0]) and closes[0] < verb.i:
        for j in range(k - 1, max(k - 1 - _MAX_QUOTE_SENTENCES, -1), -1):
            if j in units.attributed or not units.same_paragraph(j, k):
                return []
            found.append(units.units[j])
            if _opens_unclosed(units.units[j]):
                return found
            if _marks(units.units[j])[1]:
                return []
        return []
    opened_here = opens and opens[-1] > verb.i and (not closes or closes[-1] < opens[-1])
    base = k
    for j in range(k + 1, min(k + 1 + _MAX_QUOTE_SENTENCES, len(units.units))):
        unit = units.units[j]
        if j in units.attributed:
            return found if not opened_here else []
        if not units.same_paragraph(base, j):
            # News style: a quotation paragraph with no attribution of its own, right after
            # an attributed quotation, goes on quoting the same speaker.
            if found or opened_here or not closes or not _starts_with_quote(unit):
                return found if not opened_here else []
            base = j
        j_opens, j_closes = _marks(unit)
        if not opened_here and not found:
            if not (j_opens and j_opens[0] == _first_word(unit).i):
                return []  # the next unit is no quotation of its own
        found.append(unit)
        if j_closes and (not j_opens or j_closes[-1] > j_opens[-1]):
            return found
    return []


def _starts_with_quote(unit: Span) -> bool:
    opens, _ = _marks(unit)
    return bool(opens) and opens[0] == _first_word(unit).i


def _first_word(span: Span) -> Token:
    return next((t for t in span if not t.is_space), span[0])


def _one_per_sentence(facts: list[Fact]) -> list[Fact]:
    best: dict[tuple[str, int], Fact] = {}
    for fact in facts:
        key = (fact.subject, fact.start)
        if key not in best or fact.confidence > best[key].confidence:
            best[key] = fact
    return list(best.values())


__all__ = ["extract", "CONFIDENCE", "CONTENT", "clean", "verb_clause", "without"]
