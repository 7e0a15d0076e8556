"""Speakers for ``said``: the subject of a verb of saying and the person or organization
it stands for (pronoun, title, apposition, a name the model missed), the author of a
document. A speaker named at the sentence's end, after a comma, is ``closing_speakers``'."""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.model import EntityType
from kg.nlp import lexicon
from kg.nlp.climb import upward
from kg.nlp.datafiles import rule_data, rule_words
from kg.nlp.relations.base import ORGS, PERSONS, Context, sentences_back
from kg.nlp.relations.function_bodies import names_a_body
from kg.nlp.relations.post_bodies import name_ends_in
from kg.nlp.relations.titled_bodies import held_in, holds_there, is_occupation
from kg.nlp.relations.titles import is_title_head

SPEAKERS = PERSONS | ORGS
SUBJECT_DEPS = ("nsubj", "nsubjpass")
# the small words inside a capitalised title phrase ("Minister of State for Textiles")
TITLE_LINKS = frozenset({"of", "for", "and", "the"})
_AGENCY = frozenset({EntityType.AGENCY})
# Clauses that inherit the subject of the verb they hang on ("said ..., adding that ...").
_INHERIT = ("advcl", "xcomp", "conj", "pcomp")


def speech_subjects(verb: Token) -> list[Token]:
    for current in upward(verb, _inherits_subject, limit=5):
        subjects = [c for c in current.children if c.dep_ in SUBJECT_DEPS]
        if subjects:
            # a verb has one subject: of two, the parser took a word further on for the
            # other ('"...," said Osman Erk, manager of the bank Yapi ve Kredi Bankasi AS')
            subject = min(subjects, key=lambda s: abs(s.i - current.i))
            return sorted({subject, *subject.conjuncts}, key=lambda t: t.i)
        if current.dep_ == "prep" and current.lower_ == "as" and current.head.lemma_.lower() == "quote":
            # "the agency quoted Minister X as saying ...": the one quoted says it
            quoted = [c for c in current.head.children if c.dep_ == "dobj"]
            if quoted:
                return quoted
    return []


def _inherits_subject(token: Token) -> bool:
    """A verb whose speaker is the subject above it: joined, completing, or after "as" ("X
    was quoted as saying ...": the subject is the quoted one's)."""
    return token.dep_ in _INHERIT or (token.dep_ == "prep" and token.lower_ == "as")


def speaker_key(ctx: Context, token: Token) -> str | None:
    if token.lower_ in rule_words("speech", "personal_pronouns"):
        # "he said": only a person; a place or body given for it falls back to the person
        # named last in this or the previous sentences.
        if (voice := _voice_spoke_last(ctx, token)) is not None:
            # "..., a Grain Commission official said. He said ...": "he" is that unnamed voice,
            # not a person named before it; it speaks for its body, if one is named
            return _own_body(ctx, voice)
        key = ctx.key(token, PERSONS) or ctx.recent(token, PERSONS, sentences=3, pronoun=token.lower_)
        reported = _reported(token)
        if key is not None and any(ctx.key(t, PERSONS) == key for t in reported):
            # "A team headed by Minister X will travel to Quito, he said": the one the
            # statement names is not the "he" who makes it; he was named before it
            anchor = ctx.doc[min(t.i for t in [*reported, token])]
            key = ctx.recent(anchor, PERSONS, sentences=3, pronoun=token.lower_)
        return key if key is not None else _voice_before(ctx, token)
    key = ctx.key(token, SPEAKERS)
    if key is None:  # "a spokesman, Zhang Qi, said": the name is in apposition
        for child in token.children:
            if child.dep_ == "appos" and (key := ctx.key(child, SPEAKERS)):
                break
    if key is None:
        key = next((k for a in _title_phrase_appositions(token) if (k := ctx.key(a, PERSONS))), None)
    if key is None:
        key = _titled_holder(ctx, token)
    if key is None:
        key = _name_after_title(ctx, token)
    if key is None:
        key = _name_ending_title_phrase(ctx, token)
    if key is None:
        key = _named_person(ctx, token)
    if key is None:
        key = _short_body_name(ctx, token)
    if key is None:
        key = body_of_voice(ctx, token)
    if key is None:
        key = described_body(ctx, token)
    if key is None:
        key = _named_publication(ctx, token)
    return key


def _named_publication(ctx: Context, token: Token) -> str | None:
    """ "the Oil World newsletter said": a publication noun after its own name (an
    organization of the article by that name, where the mention table missed this one)."""
    if token.lower_ not in rule_words("speech", "publication_nouns"):
        return None
    for name in (c for c in token.children if c.dep_ == "compound" and c.i < token.i and c.pos_ == "PROPN"):
        words = ctx.doc[name.left_edge.i : name.i + 1]
        if key := _named_body(ctx, name) or ctx.key_by_name(words.text, ORGS):
            return key
    return None


def described_body(ctx: Context, token: Token) -> str | None:
    """ "the alliance said", "the sugar industry association said", "The San Francisco-based
    promotional group said": a definite description the mention table left unresolved
    stands for the organization named before it whose name ends in the description's noun,
    or that the same words named before ("the sugar industry association WVZ"); a noun of
    bodies ("group", "agency") for the organization named last, a few sentences back."""
    if token.pos_ not in ("NOUN", "PROPN") or not token.is_lower or ctx.key(token) is not None \
            or not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children) \
            or any(c.dep_ in ("poss", "prep") or c.dep_ in ("compound", "amod", "nmod") and c.pos_ == "PROPN"
                   for c in token.children):
        return None  # "the Oslo government", "the Villa Rica cooperative": named otherwise
    words = {token.lower_, token.lemma_.lower()}
    before = [(m.start, k) for k, m in ctx.entity_mentions(ORGS) if m.end <= token.left_edge.i]
    named = [(start, k) for start, k in before if name_ends_in(ctx, k, words)]
    if named:
        return named[-1][1]
    # "the sugar industry association said" after "the sugar industry association WVZ": the
    # same words with their modifiers (a bare "the company" is too many companies)
    modifiers = _lower_modifiers(token)
    for earlier in reversed(ctx.doc[: token.i] if modifiers else []):
        if earlier.lower_ != token.lower_ or _lower_modifiers(earlier) != modifiers:
            continue
        near = [c for c in earlier.children if c.dep_ in ("appos", "compound")] + [ctx.doc[earlier.i + 1]]
        if key := next((k for t in near if t.i < len(ctx.doc) and (k := ctx.key(t, ORGS))), None):
            return key
    # a noun of bodies for the one organization named in its sentence or the two before
    # ("the state oil company said" in a story of two companies is either)
    floor = sentences_back(ctx.doc, token.sent.start, 2)
    near = {k for start, k in before if start >= floor}
    # (as the speaker only: "according to the state-controlled coffee organisation" may be
    # another one)
    if token.dep_ in SUBJECT_DEPS and rule_data("posts")["descriptive_bodies"].get(token.lower_) == "org":
        if len(near) == 1:
            return near.pop()
        if not near:  # "Statistics Canada said ... The federal agency said": the body that spoke
            return _speaker_before(ctx, token, _DESCRIBED_SPEAKER_REACH)
    return None


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
    key = _own_body(ctx, token)
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
    spoke = [t for t in ctx.doc[floor : voice.i] if t.dep_ in SUBJECT_DEPS and t.head.lemma_.lower() in verbs
             and t.head.pos_ == "VERB" and t.head.i != voice.head.i]  # fmt: skip
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
            return None
        if key := next((k for t in reversed(earlier) if (k := _own_body(ctx, t))), None):
            return key
        anchor = earlier[0]


# How far back "the spokesman" looks for the one before it: a wire story quotes its one
# spokesman every few paragraphs, with the body's own statements ("Honda said ...") between.
_VOICE_STEP = 8


def _lower_modifiers(noun: Token) -> list[str]:
    return [t.lower_ for t in noun.lefts if t.dep_ in ("compound", "amod", "nmod") and t.is_lower]


def _voice_before(ctx: Context, pronoun: Token) -> str | None:
    """ "..., a spokeswoman for the Statistics Office said. The surplus widened, she added.":
    with no person named before it, "he" or "she" is the unnamed voice of the sentences just
    before, who spoke for a body."""
    start = sentences_back(ctx.doc, pronoun.sent.start, 2)
    voices = [t for t in ctx.doc[start : pronoun.i] if t.lower_ in rule_words("speech", "body_voices")
              and t.lower_ not in _VOICES_OF.get(_OTHER_PRONOUN.get(pronoun.lower_, ""), ())]
    return _own_body(ctx, voices[-1]) if voices else None


def _voice_spoke_last(ctx: Context, pronoun: Token) -> Token | None:
    """The unnamed voice ("a spokesman", "the official") that, as the subject of a verb of
    saying, spoke last before ``pronoun`` in its sentence or the one before, with no person
    named after its sentence whom the pronoun could stand for."""
    start = sentences_back(ctx.doc, pronoun.sent.start, 1)
    excluded = _VOICES_OF.get(_OTHER_PRONOUN.get(pronoun.lower_, ""), ())
    voices = [t for t in ctx.doc[start : pronoun.i] if t.lower_ in _SINGLE_VOICES and t.lower_ not in excluded
              and t.dep_ in SUBJECT_DEPS and t.head.lemma_.lower() in rule_words("speech", "verbs")
              and ctx.key(t, PERSONS) is None and not any(c.dep_ == "appos" for c in t.children)]  # fmt: skip
    if not voices:
        return None
    voice = voices[-1]
    # a person named in what the voice said is no new speaker; one named after it is
    if any(ctx.key(t, PERSONS) is not None for t in ctx.doc[voice.sent.end : pronoun.i]):
        return None
    return voice


# A company's voices, which stand for its statements; "an official" without a body may be
# any government's.
_BARE_VOICES = frozenset({"spokesman", "spokeswoman", "spokesperson"})
# The voices one person speaks with, whom "he" or "she" may stand for.
_SINGLE_VOICES = _BARE_VOICES | {"official", "representative"}
# The voices a pronoun cannot stand for: "she" is no spokesman.
_VOICES_OF = {"he": ("spokesman", "spokesmen"), "she": ("spokeswoman", "spokeswomen")}
_OTHER_PRONOUN = {"he": "she", "him": "she", "she": "he", "her": "he"}


def _own_body(ctx: Context, token: Token) -> str | None:
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
    return _company_of_voice(ctx, token)


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
    said, not the company whose voice speaks."""
    while token.dep_ in ("conj", "compound", "poss", "nmod", "amod") and token.head is not token:
        token = token.head
    return token.dep_ == "pobj" and token.head.lower_ not in ("by", "of")


def _named_body(ctx: Context, token: Token) -> str | None:
    key = ctx.key(token, ORGS)
    if key is None or not names_a_body(ctx.mention(token)):
        return None
    return key


def _reported(subject: Token) -> list[Token]:
    """The words of the statement a subject's verb reports (its clausal complements); one
    before the subject only where a comma or a closing quotation mark sets it off ("X will
    travel, he said"), not across a bracket the parser read through ("X ... (he once said")."""
    verb = subject.head
    before = subject.doc[subject.i - 1] if subject.i > 0 else None
    set_off = before is not None and (before.text == "," or before.is_quote)
    return [t for c in verb.children if c.dep_ in _REPORT_DEPS and (c.i > verb.i or set_off)
            for t in c.subtree]  # fmt: skip


_REPORT_DEPS = ("ccomp", "parataxis")


def _title_phrase_appositions(token: Token) -> list[Token]:
    """ "the minister at the Presidency, Patricio Quevedo, told ...": the parser hangs the
    title's apposition on the proper name ending the title's phrase (a person's name only:
    "the chairman of the Coffee Board, CB," names the body again). A title there has its
    own holder: "a spokesman for the prosecutor, X, said" is the spokesman's word, not X's."""
    if not is_title_head(token):
        return []
    return [a for p in token.children if p.dep_ == "prep" for o in p.children
            if o.dep_ == "pobj" and o.pos_ == "PROPN" and not is_title_head(o)
            for a in o.children if a.dep_ == "appos"]  # fmt: skip


def _name_after_title(ctx: Context, token: Token) -> str | None:
    """ "spokesman Per Paust told Reuters", the parser making the title the subject and the
    name hang below it: the person named right after the title word speaks."""
    if not is_title_head(token) or token.i + 1 >= len(ctx.doc):
        return None
    mention = ctx.table.mention_span(token.i + 1)
    if mention is None or mention.start != token.i + 1 or not all(t.head.i in range(token.i, mention.end) for t in mention):
        return None
    return ctx.key(ctx.doc[token.i + 1], PERSONS)


def _name_ending_title_phrase(ctx: Context, token: Token) -> str | None:
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


def _named_person(ctx: Context, token: Token) -> str | None:
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


def _short_body_name(ctx: Context, token: Token) -> str | None:
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


def _titled_holder(ctx: Context, token: Token) -> str | None:
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


def document_source(ctx: Context, noun: Token) -> str | None:
    """ "according to figures from the Department of Health", "according to the WHO's
    report", "according to central bank figures": a document's author is the statement's
    source."""
    if noun.lemma_.lower() not in rule_words("speech", "document_nouns"):
        return None
    for child in noun.children:
        if child.dep_ == "poss" and (key := speaker_key(ctx, child)):
            return key
        # "central bank figures": a government body's own figures ("a Reuters tally" is a
        # count the agency keeps, no statement it relays)
        if child.dep_ in ("compound", "nmod") and child.i < noun.i and (key := ctx.key(child, _AGENCY)):
            return key
        if child.dep_ == "prep" and child.lower_ in rule_words("speech", "document_preps"):
            for obj in child.children:
                if obj.dep_ == "pobj" and (key := speaker_key(ctx, obj)):
                    return key
        # "according to figures issued in a press release by the state oil company X"
        if child.dep_ == "acl" and child.tag_ == "VBN":
            for prep in child.subtree:  # the parser may hang "by" on "release"
                if prep.dep_ in ("agent", "prep") and prep.lower_ == "by":
                    for obj in prep.children:
                        if obj.dep_ == "pobj" and (key := _issuer(ctx, obj)):
                            return key
    return None


def _issuer(ctx: Context, obj: Token) -> str | None:
    """The body an "issued by" phrase names: the object itself, or the name in apposition
    to its description ("the state oil company Petroleos Mexicanos")."""
    key = speaker_key(ctx, obj)
    if key is None:
        key = next((k for c in obj.children if c.dep_ in ("appos", "compound") and (k := ctx.key(c, ORGS))), None)
    return key


def with_speaker(ctx: Context, verb: Token) -> str | None:
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
