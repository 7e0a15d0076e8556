"""Offices of a country itself ("President X", "Energy Minister X") written without a
body: the country holding them is the one the sentence names, else the one the article is
about (named most, or opened with). Used by kg.nlp.relations.posts."""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.model import EntityType, Fact, Predicate
from kg.nlp.climb import clause_verb
from kg.nlp.datafiles import rule_data, rule_words
from kg.nlp.gazetteer import country_of_demonym
from kg.nlp.lexicon import national_bodies, title_words
from kg.nlp.relations.base import COUNTRY, Context
from kg.nlp.relations.own_offices import UNPLACED, holder_country, own_office_country
from kg.nlp.relations.portfolio_secretaries import portfolio_fields, secretary_country
from kg.nlp.royals import reigns


def national_body(ctx: Context, role: str, anchor: Token, holder: str | None = None) -> str | None:
    """ "Prime Minister Giuseppe Conte" in a sentence naming Italy alone: a country's own
    office (president, premier ...) without a named body is that country's."""
    if (own := own_office_country(ctx, role)) is not None:
        return None if own == UNPLACED else own  # "Secretary of State X": the U.S.'s alone
    national = role.lower() in rule_words("posts", "national_titles") or cabinet_post(role) or ministerial(role)
    secretary = bool(portfolio_fields(role))
    if (national or secretary) and (tied := holder_country(ctx, holder, anchor)) is not None:
        return tied  # "U.S. Agriculture Secretary Lyng" earlier in the story
    if secretary:
        return secretary_country(ctx, role)  # "Agriculture Secretary X": by the department
    if not national:
        return None
    if (led := _led_group_country(ctx, anchor)) is not None:
        return led
    countries, counterparts, others = set(), set(), set()
    reported, met = _reported(anchor), _met(anchor)
    for token in anchor.sent:
        # Only a demonym ("the Italian government"): a country named as a noun is as often
        # the place visited ("President Clinton arrived in Belarus").
        key = None
        if met and _on_another_office(token, anchor) and (other := _country_word(ctx, token)) is not None:
            others.add(other)  # "French Prime Minister X opened talks with President Y": not France's
        if token.pos_ in ("ADJ", "PROPN") and token.ent_type_ == "NORP":
            if _of_another_office(token, anchor):
                if token.head.dep_ in ("nsubj", "nsubjpass"):  # the one who meets, not one met beside
                    counterparts.add(ctx.country_of_demonym(token))
            elif token.i not in reported and _of_a_state(token, anchor):
                key = ctx.country_of_demonym(token) or _unnamed_country(token)
        if key is not None:
            countries.add(key)
    if len(countries) == 1:
        only = countries.pop()
        return None if only == UNPLACED else only  # "Belgian Trade Minister" in a story naming no Belgium
    if not countries and (host := _host_country(ctx, anchor, counterparts - {None})) is not None:
        return host
    if (speaking := _reported_subject(ctx, anchor)) is not None:
        return None if speaking in others else speaking
    dominant = _dominant_country(ctx)
    if dominant is None and cabinet_post(role):
        dominant = _lead_country(ctx)
    if dominant is None and (cabinet_post(role) or ministerial(role)):
        dominant = _only_country(ctx)
    if countries or dominant in others or any(ctx.key(t, COUNTRY) not in (None, dominant) for t in anchor.sent
                                              if t.i not in reported):
        return None
    return dominant


def _country_word(ctx: Context, token: Token) -> str | None:
    """The country a demonym or a country's name in a title stands for ("U.S." in "U.S.
    Agriculture Secretary", "French" in "French Prime Minister")."""
    if token.pos_ in ("ADJ", "PROPN") and token.ent_type_ == "NORP":
        return ctx.country_of_demonym(token)
    return ctx.key(token, COUNTRY)


def _on_another_office(token: Token, anchor: Token) -> bool:
    """ "U.S. Agriculture Secretary Richard Lyng" beside "Agriculture Minister X": a word
    before another title (or its holder's name) in one noun phrase, the anchor not in it."""
    if token.dep_ not in ("amod", "compound", "nmod"):
        return False
    chain, head = [], token.head
    while True:
        chain.append(head)
        if head.dep_ not in ("compound", "amod", "nmod") or head.head.i == head.i or len(chain) > 5:
            break
        head = head.head
    if any(t.i == anchor.i for t in chain) or any(t.i == anchor.i for t in token.head.subtree if t.dep_ == "compound"):
        return False
    if any(t.dep_ == "conj" and (t.head.i == anchor.i or anchor.head.i == t.head.i) for t in chain):
        return False  # "with President X and Indonesian ministers": the same side, coordinated
    return any(t.lower_ in title_words() for t in chain)


def _of_a_state(demonym: Token, anchor: Token) -> bool:
    """ "the Belgian Trade Minister", "the Italian government", "Italian officials": a
    demonym on the title itself or on the state's bodies and people places the office;
    one on goods or trade ("tariffs on Japanese goods", "Japanese trade barriers") is the
    country dealt with."""
    head = demonym.head
    if head.i == anchor.i or demonym.dep_ not in ("amod", "compound"):
        return head.i == anchor.i
    return head.lemma_.lower() in national_bodies() | rule_words("posts", "state_people")


def _led_group_country(ctx: Context, anchor: Token) -> str | None:
    """ "the Nigerian team, headed by Finance Minister X": a title leading (or inside) a
    group a demonym or a country's possessive places holds that country's office, whatever
    other countries the sentence names ("talks with French officials")."""
    token, steps = anchor, 0
    while token.dep_ in ("compound", "pobj", "agent", "prep", "conj", "appos", "dobj") and steps < 6:
        token, steps = token.head, steps + 1
        if token.pos_ == "VERB" and token.dep_ in ("acl", "relcl") \
                and token.lemma_.lower() in rule_words("posts", "group_leading_verbs"):
            group = token.head
            found = {key for c in group.children if c.dep_ in ("amod", "compound", "poss")
                     and (key := ctx.country_of_demonym(c) or ctx.key(c, COUNTRY)) is not None}
            return found.pop() if len(found) == 1 else None
    return None


def _host_country(ctx: Context, anchor: Token, counterparts: set[str]) -> str | None:
    """ "The Saudi leader will hold talks with Prime Minister X": the office met by another
    country's office holder is the other side's, in a story about the two countries (the
    one the story names most besides the visitor's, named at least twice and at least twice
    as often as any third)."""
    if len(counterparts) != 1 or not _met(anchor):
        return None
    return _dominant_country(ctx, besides=counterparts, least=2)


def _met(anchor: Token) -> bool:
    """The titled person is the one met: "talks with X", "will meet X", "was received by X"."""
    token = anchor
    while token.dep_ in ("compound", "conj") and token.head.i != token.i:
        token = token.head
    verbs = rule_words("posts", "meeting_verbs")
    if token.dep_ == "pobj" and token.head.lower_ == "with":
        return True
    return token.dep_ in ("dobj", "pobj") and (token.head.lemma_.lower() in verbs
                                               or token.head.head.lemma_.lower() in verbs)


def reign_of_story_country(ctx: Context, holder: str, style: Span, mention: Span) -> list[Fact]:
    """ "King Fahd reiterated ..." in a story about Saudi Arabia: a monarch named with no
    country reigns in the country the story is about, unless one of the monarch's mentions
    names a country ("King Hussein of Jordan" visiting Iraq) or the text names none."""
    if not reigns(style.text) or (country := _dominant_country(ctx)) is None:
        return []
    doc = ctx.doc
    for start, end in ctx.table.spans.get(holder, ()):
        near = [*doc[max(0, start - 4) : start], *doc[end : min(len(doc), end + 3)]]
        if any((ctx.key(t, COUNTRY) or (ctx.country_of_demonym(t) if t.pos_ in ("ADJ", "PROPN") else None))
               not in (None, country) for t in near):
            return []
    return [ctx.fact(holder, Predicate.HOLDS_POST, [style, mention[-1]], rule="post-reign", object=country,
                     confidence=ctx.confidence("post-dominant"), role=style.text)]  # fmt: skip


def _of_another_office(demonym: Token, anchor: Token) -> bool:
    """ "The Saudi leader will hold talks with Prime Minister Margaret Thatcher": a demonym
    on another title names that office's country, not the one of the post read here."""
    head = demonym.head
    return demonym.dep_ in ("amod", "compound") and head.i != anchor.i and head.pos_ == "NOUN" \
        and head.lower_ in title_words()


def _reported(anchor: Token) -> set[int]:
    """The tokens of what the titled person is reported to say ("Foreign Minister X said
    Chile wanted more trade with China"): countries named there are no place of the post."""
    verb = clause_verb(anchor)
    speech = rule_words("speech", "verbs")
    if verb.lemma_.lower() not in speech:
        return set()
    return {t.i for c in verb.children if c.dep_ == "ccomp" for t in c.subtree}


def _reported_subject(ctx: Context, anchor: Token) -> str | None:
    """ "Venezuela will lend Ecuador oil, Energy Minister X said": an office holder reported
    saying what one country does or will do speaks for that country, whichever the story
    names most."""
    verb = clause_verb(anchor)
    if verb.lemma_.lower() not in rule_words("speech", "verbs"):
        return None
    subjects = {key for c in verb.children if c.dep_ == "ccomp" for s in c.children
                if s.dep_ in ("nsubj", "nsubjpass") and (key := _subject_country(ctx, s)) is not None}
    return subjects.pop() if len(subjects) == 1 else None


def _subject_country(ctx: Context, subject: Token) -> str | None:
    """The country a reported clause is about: its subject ("Venezuela will lend"), or the
    subject's owner ("South Korea's trade surplus will shrink")."""
    if (key := ctx.key(subject, COUNTRY)) is not None:
        return key
    owners = {key for c in subject.children if c.dep_ == "poss" and (key := ctx.key(c, COUNTRY)) is not None}
    return owners.pop() if len(owners) == 1 else None


def _unnamed_country(token: Token) -> str | None:
    """A demonym of a country the story's table does not hold ("Belgian" where no Belgium is
    named): still another country than the one a guess would give."""
    return UNPLACED if country_of_demonym(token.text) is not None else None


def cabinet_post(role: str) -> bool:
    """ "Energy Minister", "Agriculture Cabinet Secretary": a portfolio of a national
    cabinet; not "Chief Minister" or "state minister", offices below the nation's."""
    text = " ".join(role.lower().replace("-", " ").split())
    for head in sorted(rule_words("posts", "cabinet_heads"), key=len, reverse=True):
        if text == head and " of " in head:
            return True  # "Secretary of State"
        if not text.endswith(" " + head):
            continue
        portfolio = text[: -len(head)].split()
        return bool(portfolio) and not set(portfolio) & rule_words("posts", "not_cabinet_modifiers")
    return False


def ministerial(role: str) -> bool:
    """ "vice-minister of industry", "health minister": a government minister's office,
    unless a modifier places it below or outside the national cabinet ("chief minister")."""
    head = role.lower().split(" of ")[0].split()
    return bool(head) and head[-1] in rule_words("posts", "ministerial_heads") \
        and not set(head[:-1]) & rule_words("posts", "not_cabinet_modifiers")


def _dominant_country(ctx: Context, *, besides: set[str] | frozenset[str] = frozenset(),
                      least: int | None = None) -> str | None:
    """The country an article is about: named at least a few times (``least``), and at least
    twice as often as any other country (``besides`` left out of the count). "President Bush"
    in such an article holds its presidency."""
    counts = sorted(((len(spans), key) for key, spans in ctx.table.spans.items()
                     if key in ctx.table.entities and ctx.type(key) is EntityType.COUNTRY
                     and key not in besides), reverse=True)  # fmt: skip
    if least is None:
        least = rule_data("posts")["dominant_country_min"]
    if not counts or counts[0][0] < least:
        return None
    if len(counts) > 1 and counts[0][0] < 2 * counts[1][0]:
        return None
    return counts[0][1]


def _lead_country(ctx: Context) -> str | None:
    """The country a story opens with, when no other country is named as often: an
    unqualified cabinet title ("Energy Minister X") in a story about Norway is Norway's."""
    counts = {key: len(spans) for key, spans in ctx.table.spans.items()
              if key in ctx.table.entities and ctx.type(key) is EntityType.COUNTRY}
    if not counts:
        return None
    lead = min(counts, key=lambda k: ctx.table.spans[k][0][0])
    others = [n for k, n in counts.items() if k != lead]
    if counts[lead] < 2 or (others and max(others) >= counts[lead]):
        return None
    return lead


def _only_country(ctx: Context) -> str | None:
    """The one country a story names, however rarely: "Finance Minister X" in a story whose
    only country is Bangladesh holds Bangladesh's portfolio."""
    countries = {key for key in ctx.table.spans if key in ctx.table.entities and ctx.type(key) is EntityType.COUNTRY}
    return countries.pop() if len(countries) == 1 else None
