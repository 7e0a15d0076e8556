"""The body that speaks when no name of it is the subject of a verb of saying (for ``said``,
through ``kg.nlp.relations.speakers``): an unnamed voice of a body ("an AWB spokesman", "a
spokeswoman for the Steel Institute", "a company spokesman"), the voice named with its body
sentences before ("The spokeswoman said"), a definite description ("the alliance said"), a
publication after its name ("the Oil World newsletter said")."""

from __future__ import annotations

from spacy.tokens import Token

from kg.model import EntityType
from kg.nlp import lexicon
from kg.nlp.datafiles import rule_data, rule_words
from kg.nlp.relations.base import ORGS, PERSONS, SPEAKERS, SUBJECT_DEPS, Context, sentences_back, unbracketed
from kg.nlp.relations.function_bodies import names_a_body
from kg.nlp.relations.post_bodies import name_ends_in, name_head


def named_publication(ctx: Context, token: Token) -> str | None:
    """ "the Oil World newsletter said": a publication noun after its own name (an
    organization of the article by that name, where the mention table missed this one)."""
    if token.lower_ not in rule_words("speech", "publication_nouns"):
        return None
    for name in (c for c in token.children if c.dep_ == "compound" and c.i < token.i and c.pos_ == "PROPN"):
        words = ctx.doc[name.left_edge.i : name.i + 1]
        if key := _named_body(ctx, name) or ctx.key_by_name(words.text, ORGS):
            return key
    return None


def described_publication(ctx: Context, token: Token) -> str | None:
    """ "The official Economic Information newspaper said ... The paper said", "the China
    Daily said ... the newspaper said": a publication noun with no name of its own stands
    for the publication named last before it, by a name ending in such a noun or written
    before one."""
    nouns = rule_words("speech", "publication_nouns")
    if token.lower_ not in nouns or not any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in token.children) \
            or any(c.pos_ == "PROPN" or c.dep_ == "poss" for c in token.children):
        return None
    named = [k for k, m in ctx.entity_mentions(ORGS) if m.end <= token.left_edge.i and (
        name_ends_in(ctx, k, nouns) or m.end < len(ctx.doc) and ctx.doc[m.end].lower_ in nouns)]
    return named[-1] if named else None


def described_body(ctx: Context, token: Token) -> str | None:
    """ "the alliance said", "the sugar industry association said", "The San Francisco-based
    promotional group said": a definite description the mention table left unresolved
    stands for the organization named before it whose name ends in the description's noun,
    or that the same words named before ("the sugar industry association WVZ"); a noun of
    bodies ("group", "agency") for the organization named last, a few sentences back."""
    if token.pos_ not in ("NOUN", "PROPN") or not token.is_lower or ctx.key(token) is not None \
            or not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children) \
            or any(c.dep_ in ("poss", "prep") or c.dep_ in ("compound", "amod", "nmod") and c.pos_ == "PROPN"
                   and ctx.key(c, ORGS) is None for c in token.children):
        return None  # "the Oslo government", "the Villa Rica cooperative": named otherwise
    words = {token.lower_, token.lemma_.lower()}
    before = [(m.start, k) for k, m in ctx.entity_mentions(ORGS) if m.end <= token.left_edge.i]
    named = [(start, k) for start, k in before if name_ends_in(ctx, k, words)]
    if named:
        return named[-1][1]
    # "the sugar industry association said" after "the sugar industry association WVZ": the
    # same words with their modifiers (a bare "the company" is too many companies; a bare
    # "the association" after "the French maize producers association, AGPM" is that one)
    modifiers = _lower_modifiers(token)
    bare = not modifiers and token.lower_ not in lexicon.company_nouns()
    for earlier in reversed(ctx.doc[: token.i] if modifiers or bare else []):
        if earlier.lower_ != token.lower_ or not bare and _lower_modifiers(earlier) != modifiers:
            continue
        if ctx.table.mention_span(earlier) is not None:
            continue  # a word of a name ("the Securities and Exchange Commission") describes no body
        # (the bare noun, by the name set beside it: "a Fendwick spokesman" is a voice of it)
        deps = ("appos",) if bare else ("appos", "compound")
        near = [c for c in earlier.children if c.dep_ in deps] + [ctx.doc[earlier.i + 1]]
        if key := next((k for t in near if t.i < len(ctx.doc) and (k := ctx.key(t, ORGS))), None):
            return key
    # a noun of bodies for the one organization named in its sentence or the two before
    # ("the state oil company said" in a story of two companies is either)
    floor = sentences_back(ctx.doc, token.sent.start, 2)
    # ("the Energy Department agency said": a unit of the body its name words name, which
    # is not the one that speaks)
    parents = {k for c in token.children if c.dep_ == "compound" and (k := ctx.key(c, ORGS))}
    near = {k for start, k in before if start >= floor and not _other_kind_named(ctx, k, words)} - parents
    # (as the speaker only: "according to the state-controlled coffee organisation" may be
    # another one)
    if token.dep_ in SUBJECT_DEPS and rule_data("posts")["descriptive_bodies"].get(token.lower_) == "org":
        if len(near) == 1:
            return near.pop()
        if not near:  # "Statistics Canada said ... The federal agency said": the body that spoke
            return _speaker_before(ctx, token, _DESCRIBED_SPEAKER_REACH)
        # "..., the EIA said. ... (excluding those for the SPR) ..., the agency said": of the
        # bodies named, the one that spoke
        spoke = _speaker_before(ctx, token, 2)
        return spoke if spoke in near else None
    return None


def _other_kind_named(ctx: Context, key: str, words: set[str]) -> bool:
    """ "the exchange" is no "Securities and Exchange Commission": a body whose name holds the
    description's noun but ends in another body's head word is a body of that other kind
    ("Bank of Japan" ends in no such word, and "the bank" may be it)."""
    heads = lexicon.agency_heads() | lexicon.organization_cues()
    for name in ctx.table.entities[key].names:
        lowered = name.lower().split()
        if name_head(name) in words:
            continue  # "the association" is the "Association of American Railroads"
        if lowered and lowered[-1] not in words and lowered[-1] in heads and words & set(lowered[:-1]):
            return True
    return False


# How many sentences back "the agency said" looks for the one body that spoke, when no body
# is named in the two sentences before it.
_DESCRIBED_SPEAKER_REACH = 4


def body_of_voice(ctx: Context, token: Token) -> str | None:
    """ "an AWB spokesman said", "a spokeswoman for the Steel Institute said", "Commerce
    Ministry officials said": an unnamed voice of a named body speaks for the body (a voice
    named elsewhere was found before this). The body is a proper name in the voice's own
    phrase: "a spokesman for the minister" names no body."""
    if token.lower_ not in rule_words("speech", "body_voices"):
        return None
    key = own_body(ctx, token)
    if key is None and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
        key = _voice_named_before(ctx, token)
    if key is None:
        key = _body_spoke_last(ctx, token)
    return key


def _body_spoke_last(ctx: Context, voice: Token) -> str | None:
    """ "Toyo said it is considering a plant in Europe. ... A decision is expected in
    August, a spokesman said.": a bare spokesman, of no body and no name, speaks for the one
    body that spoke in his sentence or the two before, when nobody else spoke after it."""
    if voice.lower_ not in _BARE_VOICES or voice.dep_ not in SUBJECT_DEPS \
            or any(c.dep_ not in ("det", "punct") for c in voice.children):
        return None
    return _speaker_before(ctx, voice, 2)


def _speaker_before(ctx: Context, voice: Token, sentences: int) -> str | None:
    """The one body that spoke in the sentence of ``voice`` or the ``sentences`` before it,
    when nobody else (a person, an unresolved voice) spoke after it."""
    floor = sentences_back(ctx.doc, voice.sent.start, sentences)
    verbs = rule_words("speech", "verbs")
    # ("..., it added": the body again, no other speaker; "output was estimated at": no
    # speaker at all)
    spoke = list({unbracketed(t): None for t in ctx.doc[floor : voice.i] if t.dep_ == "nsubj"
                  and t.head.lemma_.lower() in verbs and t.head.pos_ == "VERB" and t.head.i != voice.head.i
                  and t.lower_ != "it"})  # fmt: skip
    speakers = [ctx.key(t, SPEAKERS) or t.lower_ for t in spoke]
    if not speakers or len(set(speakers)) != 1 or ctx.key(spoke[-1], ORGS) is None:
        return None  # nobody, or somebody else (a person, an unresolved voice), spoke before
    return speakers[-1]


def _voice_named_before(ctx: Context, voice: Token) -> str | None:
    """ "a spokeswoman for the Steel Institute said ... The spokeswoman said": the voice
    named with its body a few sentences before; "The spokesman said ... The spokesman said
    ...": back through the ones that name no body to the one that does, each some
    sentences before the next (a story quoting one spokesman all along)."""
    anchor = voice
    while True:
        start = sentences_back(ctx.doc, anchor.sent.start, _VOICE_STEP)
        earlier = [t for t in ctx.doc[start : anchor.i] if t.lower_ == voice.lower_]
        if not earlier:
            # "China Steel said ... , a spokesman told Reuters. ... The spokesman said": the
            # first of them, bare, spoke for the body that spoke before him
            return _body_spoke_last(ctx, anchor) if anchor is not voice else None
        if key := next((k for t in reversed(earlier) if (k := own_body(ctx, t))), None):
            return key
        anchor = earlier[0]


# How far back "the spokesman" looks for the one before it: a wire story quotes its one
# spokesman every few paragraphs, with the body's own statements ("Honda said ...") between.
_VOICE_STEP = 8


def _lower_modifiers(noun: Token) -> list[str]:
    return [t.lower_ for t in noun.lefts if t.dep_ in ("compound", "amod", "nmod") and t.is_lower]


def voice_before(ctx: Context, pronoun: Token) -> str | None:
    """ "..., a spokeswoman for the Statistics Office said. The surplus widened, she added.":
    with no person named before it, "he" or "she" is the unnamed voice of the sentences just
    before, who spoke for a body."""
    start = sentences_back(ctx.doc, pronoun.sent.start, 2)
    voices = [t for t in ctx.doc[start : pronoun.i] if t.lower_ in rule_words("speech", "body_voices")
              and t.lower_ not in _VOICES_OF.get(_OTHER_PRONOUN.get(pronoun.lower_, ""), ())]
    return own_body(ctx, voices[-1]) if voices else None


def voice_spoke_last(ctx: Context, pronoun: Token) -> Token | None:
    """The unnamed voice ("a spokesman", "the official", "one dealer") that, as the subject of a verb of
    saying, spoke last before ``pronoun`` in its sentence or the one before, with no person
    named after its sentence whom the pronoun could stand for. "..., a spokesman said. He
    told Reuters ... . The corn will be shipped from Valencia. He said ...": the same pronoun
    saying something a sentence or two before goes back to the voice it stood for."""
    excluded = _VOICES_OF.get(_OTHER_PRONOUN.get(pronoun.lower_, ""), ())
    verbs = rule_words("speech", "verbs")
    anchor = pronoun
    while True:
        start = sentences_back(ctx.doc, anchor.sent.start, 1)
        said = [t for t in ctx.doc[sentences_back(ctx.doc, anchor.sent.start, 2) : anchor.i]
                if t.dep_ in SUBJECT_DEPS and t.head.lemma_.lower() in verbs]
        voices = [t for t in said if t.i >= start and t.lower_ not in excluded
                  and (t.lower_ in _SINGLE_VOICES or _left_unnamed(t))
                  and ctx.key(t, PERSONS) is None and not any(c.dep_ == "appos" for c in t.children)]  # fmt: skip
        again = [t for t in said if t.lower_ == pronoun.lower_]
        if voices and (not again or voices[-1].i > again[-1].i):
            break
        if not again:
            return None
        anchor = again[0]
    voice = voices[-1]
    # a person named in what the voice said is no new speaker; one named after it is
    if any(ctx.key(t, PERSONS) is not None for t in ctx.doc[voice.sent.end : pronoun.i]):
        return None
    return voice


def _left_unnamed(voice: Token) -> bool:
    """ "one senior coffee dealer said", "a trader said", and "the dealer" after one: a
    person the story does not name ("The Chase economist" names the economist it quoted)."""
    if voice.lower_ not in rule_words("speech", "unnamed_voices"):
        return False
    if any(c.dep_ in ("det", "nummod") and c.lower_ in _INDEFINITE for c in voice.children):
        return True
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in voice.children):
        return False
    start = sentences_back(voice.doc, voice.sent.start, 3)
    return any(t.lower_ == voice.lower_ and any(c.lower_ in _INDEFINITE for c in t.children)
               for t in voice.doc[start : voice.i])  # fmt: skip


_INDEFINITE = frozenset({"a", "an", "one", "another"})


# A company's voices, which stand for its statements; "an official" without a body may be
# any government's.
_BARE_VOICES = frozenset({"spokesman", "spokeswoman", "spokesperson"})

# A spokesman in the plural too: "association spokesmen said".
_SPOKESMEN = _BARE_VOICES | {"spokesmen", "spokeswomen", "spokespeople"}


# The voices one person speaks with, whom "he" or "she" may stand for.
_SINGLE_VOICES = _BARE_VOICES | {"official", "representative", "source"}


# The voices a pronoun cannot stand for: "she" is no spokesman.
_VOICES_OF = {"he": ("spokesman", "spokesmen"), "she": ("spokeswoman", "spokeswomen")}


_OTHER_PRONOUN = {"he": "she", "him": "she", "she": "he", "her": "he"}


def own_body(ctx: Context, token: Token) -> str | None:
    for child in token.children:
        if child.dep_ in ("compound", "nmod", "poss") and child.i < token.i:
            if key := _named_body(ctx, child):
                return key
        if child.dep_ == "prep" and child.lower_ in rule_words("speech", "body_voice_preps"):
            for obj in child.children:
                # "a spokesman for the institute": the institute named before
                if obj.dep_ == "pobj" and (key := _named_body(ctx, obj) or described_body(ctx, obj)):
                    return key
                # "a spokesman for Cargill's Spanish unit Cindasa", "... for the state oil company
                # Petrobras": the body, by its name after the description
                if obj.dep_ == "pobj" and (key := _name_after_description(ctx, obj)):
                    return key
    return _described_voice(ctx, token) or _company_of_voice(ctx, token)


def _described_voice(ctx: Context, token: Token) -> str | None:
    """ "The Taiwan Flour Mills Association will import wheat, an association spokesman
    said": the voice's own noun of bodies stands for the body named before it whose name
    ends in that noun ("a board spokesman"), as "the association said" would. Only a
    spokesman speaks for his body so; "a government official" is one of its staff, whose
    words the gold format gives to nobody."""
    if token.lower_ not in _SPOKESMEN:
        return None
    nouns = {c.lower_ for c in token.children
             if c.dep_ == "compound" and c.i < token.i and c.is_lower and c.pos_ == "NOUN"}
    if not nouns:
        return None
    named = [k for k, m in ctx.entity_mentions(ORGS) if m.end <= token.sent.end and m.start < token.i
             and name_ends_in(ctx, k, nouns)]  # fmt: skip
    return named[-1] if named else None


_COMPANY = frozenset({EntityType.ORGANIZATION})


def _name_after_description(ctx: Context, noun: Token) -> str | None:
    """The body named right after a description of bodies ("unit", "company"), in apposition
    or, where the parser lost it, as the next word."""
    if rule_data("posts")["descriptive_bodies"].get(noun.lower_) != "org" and noun.lemma_.lower() not in (
        rule_data("places").get("unit_nouns", ())
    ):
        return None
    named = [a for a in noun.children if a.dep_ == "appos"]
    if noun.i + 1 < len(ctx.doc) and (after := ctx.table.mention_span(noun.i + 1)) is not None \
            and after.start == noun.i + 1:
        named.append(ctx.doc[noun.i + 1])
    return next((k for t in named if (k := _named_body(ctx, t))), None)


def _company_of_voice(ctx: Context, token: Token) -> str | None:
    """ "Codelco will export more copper, a company spokesman said": the voice of "the
    company" speaks for the one company the story names in its sentence or the two before
    (some 17 in 1,850 Reuters trade stories say "a company spokesman said"); with two or
    more companies there, which one is not said."""
    # "a company spokesman", "a bank spokesman"; not "a House spokesman"
    if not any(c.dep_ == "compound" and c.is_lower and c.lower_ in lexicon.company_nouns() and c.i < token.i
               for c in token.children):  # fmt: skip
        return None
    floor = sentences_back(ctx.doc, token.sent.start, 2)
    named = {k for t in ctx.doc[floor : token.sent.end]
             if (k := ctx.key(t, _COMPANY)) and not _only_named_in_passing(t) and _a_company(ctx, k)}
    return named.pop() if len(named) == 1 else None


def _a_company(ctx: Context, key: str) -> bool:
    """No name of the body ends in a word of bodies that are no company ("the European
    Community", "the Cocoa Council"): a company's voice does not speak for it, nor does it
    make the company that does speak one of two."""
    return not name_ends_in(ctx, key, rule_words("speech", "non_company_heads"))


def _only_named_in_passing(token: Token) -> bool:
    """ "a cartel for markets other than the U.S. and the European Community": a body named
    inside a prepositional phrase (but for "by" and "of") is a place or a party of what is
    said, not the company whose voice speaks. The owner of what the phrase names is no
    passer-by: "the dispute at Cargill Ltd's Seaforth plant ..., a company spokesman said"
    is the plant's company speaking."""
    while token.dep_ in ("conj", "compound", "nmod", "amod") and token.head is not token:
        token = token.head
    if token.dep_ == "poss":
        return False
    return token.dep_ == "pobj" and token.head.lower_ not in ("by", "of")


def _named_body(ctx: Context, token: Token) -> str | None:
    key = ctx.key(token, ORGS)
    if key is None or not names_a_body(ctx.mention(token)):
        return None
    return key
