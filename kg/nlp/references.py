"""References within one article: definite descriptions ("the ministry") and pronouns
("she said") point back to the latest compatible named entity; a story's opening title
points forward to the person named next. Used by kg.nlp.resolve after the named mentions."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.attrs import DEP, IS_TITLE, LOWER, ORTH
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from kg.model import Entity, EntityType
from kg.nlp import lexicon
from kg.nlp.doc_index import positions_of
from kg.nlp.lexicon import norm
from kg.nlp.mentions import MentionTable
from kg.nlp.speaker_salience import continued_speaker, says

_PERSONS = {EntityType.PERSON, EntityType.OFFICIAL}
_ORGS = {EntityType.AGENCY, EntityType.ORGANIZATION}
_PRONOUNS = frozenset({"he", "she"})
_COMPANY_WORDS = frozenset({"company", "firm", "group", "bank", "organization", "organisation",
                            "university", "corporation", "carmaker", "manufacturer", "maker"})


class ReferenceFinder:
    """Definite descriptions ("the ministry", "the Stavanger-based directorate": the head word
    alone) and subject pronouns of a Doc, as ``(rule, start, end)`` in text order.

    The words' hashes are read once per Doc and compared with the rules' (a set lookup per
    word): spaCy's token Matcher made two Tokens of every word of the Doc and ran each of its
    patterns from every word, for a handful of hits an article.
    """

    def __init__(self) -> None:
        self._determiners = _hashes(("the", "this", "that"))
        self._the, self._based, self._dash = (get_string_id(w) for w in ("the", "based", "-"))
        self._heads = _hashes(lexicon.agency_heads() | lexicon.agency_units() | _COMPANY_WORDS)
        self._pronouns = _hashes(_PRONOUNS)
        self._subjects = _hashes(("nsubj", "nsubjpass"))

    def __call__(self, doc: Doc) -> list[tuple[str, int, int]]:
        if not len(doc):
            return []
        table = doc.to_array([LOWER, DEP, ORTH, IS_TITLE])
        lowers, deps, orths, titles = (table[:, k].tolist() for k in range(4))
        heads, found = self._heads, []
        # Text order is the order in which a match's last word is reached, as the Matcher gave
        # them: no two of these can end on one word.
        for i, lower in enumerate(lowers):
            if lower in self._pronouns and deps[i] in self._subjects:
                found.append(("pronoun", i, i + 1))
            elif lower in heads and i:
                if lowers[i - 1] in self._determiners:
                    found.append(("definite", i - 1, i + 1))
                # "the Stavanger-based directorate": the head word alone refers back
                if i >= 4 and lowers[i - 1] == self._based and orths[i - 2] == self._dash \
                        and titles[i - 3] and lowers[i - 4] == self._the:
                    found.append(("definite-based", i - 4, i + 1))
        return found


def _hashes(words: Iterable[str]) -> frozenset[int]:
    return frozenset(get_string_id(w) for w in words)


def refer(doc: Doc, table: MentionTable, *, finder: ReferenceFinder) -> None:
    """Definite descriptions and subject pronouns take the key of their antecedent."""
    order = sorted(
        ((s, e, k) for k, spans in table.spans.items() for s, e in spans), key=lambda x: x[0]
    )
    for rule, start, end in finder(doc):
        if rule == "definite-based":
            start, rule = end - 1, "definite"
        if any(i in table.by_token for i in range(start, end)):
            continue
        if rule == "definite":
            head = doc[end - 1]
            if head.tag_ in {"NNS", "NNPS"}:  # "the departments" names no one body
                continue
            if end < len(doc) and doc[end].lower_ == "of":
                continue  # "the ministry of X" opens a name; "the ministry's X" refers back
            # "a spokesman told Reuters ... the company": the listener is no company described
            listened = (lambda s, e: _told(doc[s:e].root)) if head.lower_ in _COMPANY_WORDS else None
            key = _antecedent(table, order, start, lambda e: _describes(head.lower_, e), skip=listened)
        else:
            pronoun = doc[start].lower_
            key = _antecedent(table, order, start,
                              lambda e: e.type in _PERSONS and table.agrees(e.key, pronoun))
            if key is not None:
                key = continued_speaker(doc, table, doc[start], key, lambda k: table.type_of(k) in _PERSONS
                                        and table.agrees(k, pronoun))
        if key is None:
            continue
        for i in range(start, end):
            table.by_token[i] = key
        table.spans[key] = sorted([*table.spans[key], (start, end)])


def forward_titles(doc: Doc, table: MentionTable) -> None:
    """ "The Belgian sports minister ... says he will not apologise. Claude Eerdekens
    claims ...": a story that opens on a titled subject, before any person is named,
    names that person as the subject of the next sentence. In a wire lead, "..., the
    chairman of the Coffee Board said." before '"...," J. Makumbi said': the titled speaker
    of the lead is the one who speaks, named, in the next sentence."""
    titles = lexicon.title_words()
    sents = list(doc.sents)
    named = [s for k, spans in table.spans.items() if table.type_of(k) in _PERSONS for s, _ in spans]
    for sent, after in zip(sents, sents[1:]):
        if named and min(named) < sent.start:
            break
        subject = next((t for t in sent if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"), None) \
            or closing_title(sent, titles)
        speaking = subject is not None and says(sent.root)
        if subject is None or subject.i in table.by_token or subject.pos_ != "NOUN" \
                or subject.lower_ not in titles \
                or not any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children) \
                or any(table.type_of(k) in _PERSONS for t in sent if (k := table.by_token.get(t.i))):
            continue
        key = _next_subject(table, after) or (_next_speaker(table, after) if speaking else None)
        if key is None:
            continue
        table.by_token[subject.i] = key
        table.spans[key] = sorted([*table.spans[key], (subject.i, subject.i + 1)])


def closing_title(sent: Span, titles: frozenset[str]) -> Token | None:
    """ "..., the chairman of the state-run Coffee Marketing Board, CMB, said.": the title
    closing the sentence after a comma, where the parser lost the verb's subject."""
    verb = sent.root
    if not says(verb) or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    doc = sent.doc
    found = [t for t in doc[sent.start + 2 : verb.i] if t.pos_ == "NOUN" and t.lower_ in titles
             and doc[t.i - 1].lower_ == "the" and doc[t.i - 2].text == ","]  # fmt: skip
    if not found or any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in doc[found[-1].i : verb.i]):
        return None
    return found[-1]


def _next_subject(table: MentionTable, after: Span) -> str | None:
    """The person opening the next sentence as its subject."""
    first = next((t for t in after if not t.is_space and not t.is_punct), None)
    key = table.by_token.get(first.i) if first is not None else None
    if key is None or table.type_of(key) not in _PERSONS:
        return None
    mention = table.mention_span(first)
    return key if mention is not None and mention.root.dep_ in ("nsubj", "nsubjpass") else None


def _next_speaker(table: MentionTable, after: Span) -> str | None:
    """The one person the next sentence makes the subject of a verb of saying ('"...," J.
    Makumbi said')."""
    speakers = {key for t in after if t.dep_ in ("nsubj", "nsubjpass") and says(t.head)
                and (key := table.by_token.get(t.i)) is not None and table.type_of(key) in _PERSONS}
    return speakers.pop() if len(speakers) == 1 else None


def surnames(doc: Doc, table: MentionTable) -> None:
    """ "Rodrigo Paredes, head of research ... "Prices did most of the work," Paredes said.":
    the surname of one person (or the last name of one company) named in full, written
    alone where the model named nothing, is that person (or company)."""
    owners: dict[str, set[str]] = {}
    company_words = lexicon.organization_cues() | lexicon.agency_heads()
    for key, entity in table.entities.items():
        if entity.type in _PERSONS:
            for name in entity.all_names:
                words = name.split()
                if len(words) > 1:
                    owners.setdefault(words[-1], set()).add(key)
        elif entity.type is EntityType.ORGANIZATION:
            # "trade house E.D. and F. Man ... Man added": a company named after a family
            for name in entity.all_names:
                words = name.split()
                if len(words) > 1 and words[-1].istitle() and words[-1].lower() not in company_words:
                    owners.setdefault(words[-1], set()).add(key)
    first = {key: min(s for s, _ in spans) for key, spans in table.spans.items()}
    for token in (doc[i] for i in positions_of(doc, owners)):
        keys = owners.get(token.text, set())
        if len(keys) != 1 or token.i in table.by_token or token.pos_ != "PROPN" or token.ent_iob_ != "O":
            continue
        key = next(iter(keys))
        if first.get(key, len(doc)) > token.i:
            continue  # only after the full name
        table.by_token[token.i] = key
        table.spans[key] = sorted([*table.spans[key], (token.i, token.i + 1)])


def acronyms(doc: Doc, table: MentionTable) -> None:
    """ "The Australian Wheat Board (AWB) ... AWB general manager Ron Paice": a body's short
    name in capitals, written again where the model named nothing, is that body."""
    owners: dict[str, set[str]] = {}
    for key, entity in table.entities.items():
        if entity.type in _ORGS:
            for name in entity.all_names:
                if len(name) >= 2 and name.isupper() and name.isalpha():
                    owners.setdefault(name, set()).add(key)
    for token in (doc[i] for i in positions_of(doc, owners)):
        keys = owners.get(token.text, set())
        if len(keys) != 1 or token.i in table.by_token or token.ent_iob_ != "O":
            continue
        key = next(iter(keys))
        table.by_token[token.i] = key
        table.spans[key] = sorted([*table.spans[key], (token.i, token.i + 1)])


def _antecedent(table: MentionTable, order: list[tuple[int, int, str]], start: int,
                fits: Callable[[Entity], bool], *, skip: Callable[[int, int], bool] | None = None) -> str | None:
    for s, e, key in reversed(order):
        if s < start and fits(table.entities[key]) and not (skip is not None and skip(s, e)):
            return key
    return None


def _told(token: Token) -> bool:
    """The listener of a verb of telling ("a spokesman told Reuters"): a body only spoken to."""
    return token.dep_ in ("dobj", "dative") and token.head.lemma_.lower() == "tell"


def _describes(head: str, entity: Entity) -> bool:
    if entity.type not in _ORGS:
        return False
    named = any(head in norm(name).split() for name in entity.all_names)
    if head in _COMPANY_WORDS:  # "the bank" is any company, or a body so named ("Bank of Japan")
        return entity.type is EntityType.ORGANIZATION or named
    return named
