"""``holdsPost`` (with the role as written) and ``nationality``.

Titles are found by the parse, in four shapes:
apposition ("Zhang Qi, deputy director of the Department of X of Y"),
pre-modifier ("Chinese Foreign Minister Wang Yi", "Secretary of State Mike Pompeo"),
copula or relative clause ("..., who is the minister of ..."), and appointment
("was named spokeswoman for ..."). The post is in the first body the title names
("deputy director of the Department of X of the Y" -> the Department of X).
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span, Token

from kg.model import EntityType, Fact, Predicate
from kg.nlp.datafiles import rule_data, rule_words
from kg.nlp.gazetteer import country_of, country_of_demonym
from kg.nlp.lexicon import is_title
from kg.nlp.relations.base import ORGS, PERSONS, PLACES, Context
from kg.nlp.relations.lead_bodies import lead_body
from kg.nlp.relations.national import national_body, reign_of_story_country
from kg.nlp.relations.nationality import demonym_country, is_demonym, nationality_before, of_country
from kg.nlp.relations.post_bodies import (
    POST_BODIES, body_named_by_noun, descriptive_body, names_a_portfolio, names_unknown_body, pronoun_body,
    role_and_body,
)
from kg.nlp.relations.titles import is_title_head, role_text, with_modifiers
from kg.nlp.relations.tree import TreePatterns
from kg.nlp.royals import style_before
CONFIDENCE = {"post-apposition": 0.9, "post-premodifier": 0.85, "post-copula": 0.85,
              "post-appointment": 0.8, "nationality-demonym": 0.85,
              "nationality-post": 0.6, "post-pronoun": 0.75, "post-national": 0.6,
              "nationality-of": 0.7, "nationality-possessive": 0.75,
              "post-occupation": 0.65, "post-person-of": 0.6,
              "post-person-possessive": 0.6, "post-head-verb": 0.75,
              "post-descriptive": 0.7, "post-dominant": 0.55, "post-forward": 0.6,
              "post-reign": 0.75, "post-lead-body": 0.6}  # fmt: skip


@lru_cache(maxsize=1)
def _patterns() -> TreePatterns:
    data = rule_data("posts")
    matcher = TreePatterns()
    matcher.add("post-apposition", [[
        {"RIGHT_ID": "a", "RIGHT_ATTRS": {"POS": {"IN": ["PROPN", "NOUN"]}}},
        {"LEFT_ID": "a", "REL_OP": ">", "RIGHT_ID": "b", "RIGHT_ATTRS": {"DEP": "appos"}},
    ]])
    matcher.add("post-copula", [[
        {"RIGHT_ID": "v", "RIGHT_ATTRS": {"LEMMA": {"IN": data["copula_verbs"]}}},
        {"LEFT_ID": "v", "REL_OP": ">", "RIGHT_ID": "t", "RIGHT_ATTRS": {"DEP": "attr"}},
    ], [
        {"RIGHT_ID": "v", "RIGHT_ATTRS": {"LEMMA": {"IN": data["serve_verbs"]}}},
        {"LEFT_ID": "v", "REL_OP": ">", "RIGHT_ID": "as", "RIGHT_ATTRS": {"LOWER": "as"}},
        {"LEFT_ID": "as", "REL_OP": ">", "RIGHT_ID": "t", "RIGHT_ATTRS": {"DEP": "pobj"}},
    ]])
    matcher.add("post-appointment", [[
        {"RIGHT_ID": "v", "RIGHT_ATTRS": {"LEMMA": {"IN": data["appoint_verbs"]}}},
        {"LEFT_ID": "v", "REL_OP": ">", "RIGHT_ID": "t",
         "RIGHT_ATTRS": {"DEP": {"IN": ["oprd", "attr", "xcomp", "dobj"]}}},
    ]])
    matcher.add("post-head-verb", [[
        {"RIGHT_ID": "v", "RIGHT_ATTRS": {"LEMMA": {"IN": sorted(data["head_verbs"])}, "POS": "VERB"}},
        {"LEFT_ID": "v", "REL_OP": ">", "RIGHT_ID": "t", "RIGHT_ATTRS": {"DEP": "dobj"}},
    ]])  # fmt: skip
    return matcher


def extract(ctx: Context) -> list[Fact]:
    """Posts and nationalities stated by titles next to person mentions."""
    facts: list[Fact] = []
    for rule, ids in _patterns()(ctx.parse):
        tokens = [ctx.doc[i] for i in ids]
        if rule == "post-apposition":
            a, b = tokens
            if ctx.key(a, PERSONS) and is_title_head(b):
                facts.extend(_post(ctx, a, b, rule))
            elif ctx.key(b, PERSONS) and is_title_head(a):
                facts.extend(_post(ctx, b, a, rule))
            elif ctx.key(a, PERSONS) and _is_occupation(ctx, b):
                facts.extend(_occupation(ctx, a, b))
            elif ctx.key(b, PERSONS) and (title := _title_over(a)) is not None:
                facts.extend(_post(ctx, b, title, rule))
            elif ctx.key(a, PERSONS) and (title := _title_after_short_name(ctx, b)) is not None:
                facts.extend(_body_title(ctx, a, b, title))
        elif rule == "post-head-verb":
            facts.extend(_head_verb(ctx, *tokens))
        else:
            verb, title = tokens[0], tokens[-1]
            person = _clause_subject(verb)
            if person is None or not ctx.key(person, PERSONS):
                continue
            if is_title_head(title):
                facts.extend(_post(ctx, person, title, rule))
            elif rule == "post-copula" and _is_occupation(ctx, title):
                facts.extend(_occupation(ctx, person, title))
    for key, mention in ctx.entity_mentions(PERSONS):
        if len(mention) == 1 and mention[0].pos_ == "NOUN" and is_title_head(mention[0]):
            # "The Belgian sports minister ... Claude Eerdekens claims": the title resolved
            # forward to the name (kg.nlp.resolve) is the person's post
            facts.extend(_post(ctx, mention[0], mention[0], "post-forward"))
            continue
        facts.extend(_premodifier(ctx, key, mention))
        facts.extend(of_country(ctx, key, mention))
        facts.extend(_person_body(ctx, key, mention))
    return _public_offices_only(ctx, facts)


def _public_offices_only(ctx: Context, facts: list[Fact]) -> list[Fact]:
    """A company post ("chief finance officer") is no office of a country or a place: "of
    United States" is a company's name cut short, and the person no Official of it."""
    from kg.nlp.lexicon import is_private_title

    wrong = {(f.subject, f.sentence) for f in facts if f.predicate is Predicate.HOLDS_POST and f.role
             and is_private_title(f.role) and ctx.type(f.object) in PLACES}  # fmt: skip
    return [f for f in facts if (f.subject, f.sentence) not in wrong
            or f.predicate not in (Predicate.HOLDS_POST, Predicate.NATIONALITY)]


def _title_after_short_name(ctx: Context, body: Token) -> Token | None:
    """ "Lin, a Taiwan Shipbreaking Industry Association (TSIA) spokesman": the short name in
    brackets cuts the body's name from its title, which the parser then hangs on the body as
    a second apposition."""
    if ctx.key(body, ORGS) is None:
        return None
    doc = body.doc
    for title in body.children:
        if title.dep_ == "appos" and title.i == body.i + 4 and is_title_head(title) \
                and doc[body.i + 1].text == "(" and doc[body.i + 3].text == ")":
            return title
    return None


def _body_title(ctx: Context, person: Token, body: Token, title: Token) -> list[Fact]:
    holder, key = ctx.key(person, PERSONS), ctx.key(body, ORGS)
    role = role_text(with_modifiers(title))
    if holder is None or key is None or key == holder or not role:
        return []
    return [ctx.fact(holder, Predicate.HOLDS_POST, [person, body, title], rule="post-apposition",
                     object=key, role=role, confidence=ctx.confidence("post-apposition"))]  # fmt: skip


def _title_over(obj: Token) -> Token | None:
    """ "the minister at the Presidency, Patricio Quevedo": the parser hangs the name on the
    last noun of the title's phrase; the title is the noun that phrase belongs to."""
    prep = obj.head
    if obj.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in rule_words("posts", "post_preps"):
        return None
    title = prep.head
    return title if is_title_head(title) and title.i < obj.i else None


def _unit_of_title(ctx: Context, title: Token) -> Token | None:
    """ "minister at the Presidency": a unit the title is held in, named but no known body;
    it belongs to the title as written when the country is named apart ("the Chilean ...")."""
    return next((o for p in title.children if p.dep_ == "prep" and p.lower_ in ("at", "in")
                 for o in p.children if o.dep_ == "pobj" and o.pos_ == "PROPN" and ctx.key(o) is None), None)


def _head_verb(ctx: Context, verb: Token, obj: Token) -> list[Fact]:
    """ "Anthony Fauci, who heads the NIAID", "Satya Nadella runs Microsoft"."""
    person = _clause_subject(verb)
    holder = ctx.key(person, PERSONS)
    body = ctx.key(obj, ORGS) or next(
        (k for c in obj.children if c.dep_ in ("compound", "poss") and (k := ctx.key(c, ORGS))), None)
    if holder is None or body is None or body == holder or verb.tag_ in ("VBG", "VBN"):
        return []
    role = rule_data("posts")["head_verbs"][verb.lemma_.lower()]
    return [ctx.fact(holder, Predicate.HOLDS_POST, [person, verb, obj], rule="post-head-verb",
                     object=body, role=role, confidence=ctx.confidence("post-head-verb"))]  # fmt: skip


def _is_occupation(ctx: Context, token: Token) -> bool:
    """ "ecologist", "researcher", "technician": a common noun that names what a person does."""
    lower = token.lower_
    if token.pos_ != "NOUN" or ctx.key(token) is not None or lower in rule_words("posts", "not_occupations"):
        return False
    return any(lower.endswith(s) and len(lower) > len(s) + 2 for s in rule_data("posts")["occupation_suffixes"])


def _occupation(ctx: Context, person: Token, noun: Token) -> list[Fact]:
    """ "David Pimentel, an ecologist at Cornell University": an occupation is a post only in
    an organization its own phrase names (never a country: "a lawyer in Ethiopia")."""
    holder = ctx.key(person, PERSONS)
    preps = rule_words("posts", "occupation_preps")
    for prep in noun.children:
        if prep.dep_ != "prep" or prep.lower_ not in preps:
            continue
        for obj in prep.children:
            body = ctx.key(obj, ORGS) if obj.dep_ == "pobj" else None
            if body is None:  # "a physiologist with the USDA's research service"
                body = next((k for c in obj.children if c.dep_ == "poss" and (k := ctx.key(c, ORGS))), None)
            if holder is not None and body is not None and body != holder:
                role = role_text(with_modifiers(noun))
                return [ctx.fact(holder, Predicate.HOLDS_POST, [person, noun, obj], rule="post-occupation",
                                 object=body, role=role, confidence=ctx.confidence("post-occupation"))]  # fmt: skip
    return []


def _person_body(ctx: Context, holder: str, mention: Span) -> list[Fact]:
    """ "Dean Falk of the State University", "the department's Al Comproni": an organization
    in the person's own phrase is where the person works; the post's title is not written."""
    root = mention.root
    preps = rule_words("posts", "person_body_preps")
    for child in root.children:
        if child.dep_ == "poss" and child.i < mention.start and (body := ctx.key(child, ORGS)):
            rule = "post-person-possessive"
        elif child.dep_ == "prep" and child.lower_ in preps:
            obj = next((o for o in child.children if o.dep_ == "pobj"), None)
            body, rule = ctx.key(obj, ORGS), "post-person-of"
            if obj is not None and body is None:  # "Anatomist X of New York's Mount Sinai School"
                body = next((k for c in obj.children if c.dep_ == "poss" and (k := ctx.key(c, ORGS))), None)
            child = obj if obj is not None else child
        else:
            continue
        if body is not None and body != holder:
            return [ctx.fact(holder, Predicate.HOLDS_POST, [mention[0], mention[-1], child], rule=rule,
                             object=body, confidence=ctx.confidence(rule))]  # fmt: skip
    return []


def _clause_subject(verb: Token) -> Token | None:
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects:
        return None
    subject = subjects[0]
    if subject.lower_ in rule_words("posts", "relative_pronouns") and verb.dep_ == "relcl":
        return verb.head
    return subject


def _post(ctx: Context, person: Token, title: Token, rule: str) -> list[Fact]:
    holder = ctx.key(person, PERSONS)
    if holder is None:
        return []
    role_tokens, body, evidence = role_and_body(ctx, title)
    facts = []
    nationality = demonym_country(ctx, role_tokens, title)
    role_tokens = [t for t in role_tokens if not is_demonym(ctx, t)]
    role = role_text(role_tokens)
    if body is None and nationality is not None:
        body = nationality
        if role and (unit := _unit_of_title(ctx, title)) is not None:
            role = ctx.doc[min(t.i for t in role_tokens if not t.is_punct) : unit.i + 1].text
    owned = any(c.dep_ == "poss" for c in title.children) or names_unknown_body(ctx, title)
    if body is None and not owned and (national := national_body(ctx, role, title, holder)) is not None:
        body, rule = national, "post-national"
    if role and body is not None and body != holder:
        facts.append(ctx.fact(holder, Predicate.HOLDS_POST, [person, title, *evidence],
                              rule=rule, confidence=ctx.confidence(rule), object=body, role=role))  # fmt: skip
        if nationality is None and ctx.type(body) is EntityType.COUNTRY and rule != "post-national":
            facts.append(ctx.fact(holder, Predicate.NATIONALITY, [person, *evidence],
                                  rule="nationality-post", object=body,
                                  confidence=ctx.confidence("nationality-post")))  # fmt: skip
    if nationality is not None:
        facts.append(ctx.fact(holder, Predicate.NATIONALITY, [person, title],
                              rule="nationality-demonym", object=nationality,
                              confidence=ctx.confidence("nationality-demonym")))  # fmt: skip
    return facts


def _title_across_break(mention: Span) -> Token | None:
    """ "Ecuador's deputy energy minister / Fernando Santos Alvite arrived": a title ending a
    line right before the name; the line break leaves the parser two sentences' roots."""
    doc = mention.doc
    i = mention.start - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    if i < 0 or i == mention.start - 1 or not is_title_head(doc[i]) or doc[i].right_edge.i >= mention.start:
        return None
    return doc[i]


_TITLE_LINKS = frozenset({"of", "for", "and", "the", "de", "da", "do", "del"})


def _capitalised_title_before(mention: Span) -> int | None:
    """ "Minister of State for Textiles R.N. Mirdha", "President of the Rio de Janeiro Coffee
    Trade Association Carlos Calmon": a capitalised title with its "of"/"for" phrase written
    straight before the name, which the parser splits (the name becomes the phrase's object)."""
    doc = mention.doc
    k = mention.start
    floor = mention.sent.start
    if floor == k and k > 0 and doc[k - 1].text not in (".", "!", "?", '"', "\n"):
        floor = doc[k - 1].sent.start  # "... Board (SMB) Carlos Ruiz said": the parser split at the bracket
    if k - 3 > floor and doc[k - 1].text == doc[k - 3].text == "," and doc[k - 2].is_upper:
        k -= 3  # "President of the Brazilian Coffee Institute, IBC, Jorio Dauster": the short name
    elif k - 1 > floor and doc[k - 1].text == "," and doc[k - 2].is_title:
        k -= 1  # "President of the Brazilian Coffee Institute, Jorio Dauster told ..."
    while k > floor:
        if doc[k - 1].is_title or doc[k - 1].lower_ in _TITLE_LINKS:
            k -= 1
        elif doc[k - 1].tag_ == "POS" and k - 2 > floor and doc[k - 2].is_title:
            k -= 1  # "Director General of Peru's Sugar Board X": the body's country, possessive
        elif doc[k - 1].text == ")" and k - 3 > floor and doc[k - 3].text == "(" \
                and doc[k - 2].is_upper:
            k -= 3  # "... of the Sugar Board (SMB) X": the body's short name in brackets
        else:
            break
    heads = [t for t in doc[k : mention.start] if t.is_title and is_title_head(t)]
    if not heads or not any(t.lower_ in ("of", "for") for t in doc[heads[0].i : mention.start]):
        return None
    return _with_country_before(doc, heads[0].i, k)


def _bracketed_body_before(ctx: Context, start: int) -> int:
    """ "French Cereals Intervention Office (ONIC) Director Bernard Vieux": a body's name with
    its short name in brackets, written straight before the title; where the body starts
    (``start`` where there is none)."""
    doc = ctx.doc
    if start < 4 or doc[start - 1].text != ")" or doc[start - 3].text != "(":
        return start
    named = ctx.table.mention_span(start - 4)
    if named is not None and ctx.key(doc[start - 4], POST_BODIES) is not None:
        return named.start
    return start - 3 if ctx.key(doc[start - 2], POST_BODIES) is not None else start


def _portfolio_list_before(mention: Span) -> int | None:
    """ "Nigeria's Mines, Power and Steel Minister Bunu Musa": a capitalised title over a
    list of portfolios, written straight before the name; the parser reads the list as the
    subject and the name as its apposition. The start of the title, with its country."""
    doc, floor = mention.doc, mention.sent.start
    title = mention.start - 1
    if title <= floor or not doc[title].is_title or not is_title_head(doc[title]):
        return None
    k = title
    while k > floor:
        before = doc[k - 1]
        if before.lower_ == "and" or before.is_title and not is_title_head(before) \
                or before.text == "," and k - 2 >= floor and doc[k - 2].is_title and doc[k].is_title:
            k -= 1
        else:
            break
    while k < title and not doc[k].is_title:
        k += 1  # a list opens with a portfolio, not with "and" or a comma
    if not any(t.lower_ == "and" for t in doc[k:title]):
        return None
    return _with_country_before(doc, k, floor)


def _with_country_before(doc, start: int, floor: int) -> int:
    """ "Malaysian Chief Inspector of Mines X", "Nigeria's Chief Inspector of Mines X": the
    country the title is written with belongs to the post (its body)."""
    while start > floor and (country_of_demonym(doc[start - 1].text) is not None
                             or start - 2 >= floor and country_of_demonym(doc[start - 2 : start].text) is not None):
        start -= 1
    if start >= 2 and doc[start - 1].tag_ == "POS" and country_of(doc[start - 2].text) is not None:
        start -= 2
    return start


def _sibling_title(mention: Span) -> Token | None:
    """The title just before a name the parser made its sibling: "chief economist Will
    Buttrose said" read "Will" as a verb's auxiliary, so title and name are two subjects."""
    if mention.start == 0:
        return None
    title, root = mention.doc[mention.start - 1], mention.root
    if is_title_head(title) and title.head.i == root.head.i and title.dep_ in ("nsubj", "nsubjpass"):
        return title
    return None


def _premodifier(ctx: Context, holder: str, mention: Span) -> list[Fact]:
    """Titles written before the name: "Chinese Foreign Minister Wang Yi"."""
    root = mention.root
    extra: list[Fact] = []
    start = min(root.left_edge.i, mention.start)
    if start >= mention.start and root.head.i == mention.start - 1 and is_title_head(root.head) \
            and root.dep_ != "appos":  # an apposition is a shape of its own
        start = root.head.left_edge.i  # "spokesman Per Paust": the parser hung the name on the title
    elif start >= mention.start and (title := _title_across_break(mention)) is not None:
        start = title.left_edge.i
    elif start >= mention.start and (listed := _portfolio_list_before(mention)) is not None:
        start = listed
    elif start >= mention.start and (title := _sibling_title(mention)) is not None:
        start = title.left_edge.i
    joined = root.dep_ == "conj" and root.head.i < start and is_title_head(root.head) and root.head.dep_ != "conj"
    if joined and any(ctx.key(t, POST_BODIES) is not None for t in ctx.doc[start : mention.start]):
        # "ATPC chairman and Indonesia's Mining and Energy Minister X": two posts, each with
        # its body; the first is read on its own
        extra = _first_joined_post(ctx, holder, root.head, mention)
    elif joined:
        # "Exxon Corp director and senior vice-president X": the parser joins the name to the
        # first title; both titles are the post, written before the name
        start = min(start, root.head.left_edge.i)
    if (opening := _capitalised_title_before(mention)) is not None and opening < start:
        start = opening
    start = _bracketed_body_before(ctx, start)
    if start >= mention.start:
        return []
    zone = [t for t in ctx.doc[start : mention.start] if t.dep_ not in ("det", "case") and not t.is_space]
    zone = [t for t in zone if not t.is_punct or t.text in "-\u2013"]
    heads = [t for t in zone if is_title_head(t) and ctx.key(t, ORGS) is None]
    if (style := style_before(mention)) is not None:
        # "King Fahd", "Britain's Prince Charles": a royal's style is read with the country
        # before it only, never with the one the sentence names elsewhere
        found = nationality_before(ctx, holder, [t for t in zone if t.i < style.start], mention)
        return found or reign_of_story_country(ctx, holder, style, mention)
    if not heads:
        return nationality_before(ctx, holder, zone, mention)
    title = heads[-1]
    body = None
    evidence: list[Token] = []
    # "Labour minister X": a minister's party is no body of a minister's post
    cabinet = title.lower_ in rule_words("posts", "cabinet_heads") | rule_words("posts", "legislator_heads")
    portfolio: set[int] = set()
    for token in zone:
        if cabinet and token.lower_ in rule_words("posts", "party_words"):
            continue
        if (key := ctx.key(token, POST_BODIES)) is not None and not is_demonym(ctx, token):
            if body is not None and names_a_portfolio(ctx, key, token, title):
                portfolio.add(token.i)  # "Britain's Europe Minister X": Britain's minister for Europe
                continue
            body, evidence = key, [token]
    place_words = rule_words("posts", "place_name_words")
    # "Lagos state Gov. X": "state" belongs to the place's name; "state Gov. X": to the state named last
    if zone and zone[0].lower_ in place_words and zone[0].i < title.i and body is None:
        if (key := descriptive_body(ctx, zone[0])) is not None:
            body, evidence = key, [zone[0]]
            zone = zone[1:]
    # "exchange president X": the noun stands for the exchange named last
    if zone and body is None and (key := body_named_by_noun(ctx, zone[0], title)) is not None:
        body, evidence = key, [zone[0]]
        zone = zone[1:]
    zone = [t for k, t in enumerate(zone)
            if not (t.lower_ in place_words and k > 0 and ctx.key(zone[k - 1], PLACES) is not None)
            and not (t.lower_ in rule_words("posts", "party_words") and k == 0 and t.i < title.i)]  # fmt: skip
    if not zone:
        return []
    first = next((t for t in zone if (ctx.key(t, POST_BODIES) is None or t.i in portfolio)
                  and not is_demonym(ctx, t) and t.dep_ != "poss"), None)  # fmt: skip
    if first is None or first.i > title.i:
        return []
    whole = role_text([t for t in zone if first.i <= t.i])
    if " of " in whole and is_title(whole):
        role, body = whole, None  # "Secretary of State": the "of" phrase is the title's own
    else:
        role_tokens = [t for t in zone if first.i <= t.i and (ctx.key(t, POST_BODIES) is None or t.i in portfolio)]
        role = role_text([t for t in role_tokens if not is_demonym(ctx, t)])
    # (not "French" in "French Cereals Intervention Office": the body's name)
    nationality = next((c for t in zone if is_demonym(ctx, t) and ctx.key(t, POST_BODIES) in (None, ctx.country_of_demonym(t))
                        and (c := ctx.country_of_demonym(t))), None)  # fmt: skip
    if body is None and title.lower_ not in rule_words("posts", "supranational_titles"):
        body = nationality  # "French Green MEP X" is French, but the post is the Union's
    rule = "post-premodifier"
    if body is None:
        body, pronoun_evidence = pronoun_body(ctx, zone)
        evidence += pronoun_evidence
        rule = "post-pronoun" if body is not None else rule
    if body is None:  # "President Nana Akufo-Addo of Ghana"
        body = next((k for p in mention.root.children if p.dep_ == "prep" and p.lower_ == "of"
                     for o in p.children if o.dep_ == "pobj" and (k := ctx.key(o, POST_BODIES))),
                    None)  # fmt: skip
    owned = any(t.dep_ == "poss" for t in zone)  # "its president": not the country's
    if body is None and not owned and (national := national_body(ctx, role, title, holder)) is not None:
        body, rule = national, "post-national"
    if body is None and not owned and (lead := lead_body(ctx, role, title)) is not None:
        body, rule = lead, "post-lead-body"  # "Export director X" in a story Petrobras opens
    facts = []
    person = mention[-1]
    if role and body is not None and body != holder:
        facts.append(ctx.fact(holder, Predicate.HOLDS_POST, [ctx.doc[start], person],
                              rule=rule, object=body, role=role,
                              confidence=ctx.confidence(rule)))  # fmt: skip
    if nationality is not None:
        facts.append(ctx.fact(holder, Predicate.NATIONALITY, [ctx.doc[start], person],
                              rule="nationality-demonym", object=nationality,
                              confidence=ctx.confidence("nationality-demonym")))  # fmt: skip
    elif body is not None and ctx.type(body) is EntityType.COUNTRY and rule != "post-national":
        facts.append(ctx.fact(holder, Predicate.NATIONALITY, [ctx.doc[start], person],
                              rule="nationality-post", object=body,
                              confidence=ctx.confidence("nationality-post")))  # fmt: skip
    return facts + extra


def _first_joined_post(ctx: Context, holder: str, title: Token, mention: Span) -> list[Fact]:
    """ "ATPC chairman" in "ATPC chairman and Indonesia's Mining and Energy Minister X": the
    first of two joined titles, with the body named in its own words."""
    words = [t for t in ctx.doc[title.left_edge.i : title.i + 1] if not t.is_punct and t.dep_ not in ("det", "case")]
    bodies = [(t, k) for t in words if (k := ctx.key(t, ORGS)) is not None]
    role = role_text([t for t in words if ctx.key(t, POST_BODIES) is None])
    if len({k for _, k in bodies}) != 1 or not role or bodies[0][1] == holder:
        return []
    token, body = bodies[0]
    return [ctx.fact(holder, Predicate.HOLDS_POST, [token, mention[-1]], rule="post-premodifier", object=body,
                     role=role, confidence=ctx.confidence("post-premodifier"))]  # fmt: skip

