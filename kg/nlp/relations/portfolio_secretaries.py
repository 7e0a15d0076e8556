"""Cabinet secretaries named by their portfolio ("Agriculture Secretary", "Treasury
Secretary", "Secretary of Commerce", "Deputy Agriculture Secretary") hold their office in the
country whose department of that portfolio the story names with its country ("the U.S.
Agriculture Department", "Britain's Department of Trade and Industry").

"Secretary" alone is no cabinet office (a party's general secretary, a company secretary, a
press secretary). With a field of government it is, but the country is seldom written:
a Washington story names the U.S. little and the country it deals with often ("wheat to
the Soviet Union"), so the guesses a minister's post gets (the country named most) would
give the secretary to the wrong side. The secretary's own department, placed in its
country by the text, is the evidence read here; without it, no post."""

from __future__ import annotations

from kg.model import EntityType
from kg.nlp.lexicon import portfolios
from kg.nlp.relations.base import Context
from kg.nlp.relations.body_countries import named_country

_HEADS = frozenset({"secretary", "undersecretary"})
# Ranks within a secretary's department ("Deputy Agriculture Secretary"), still the nation's.
_RANKS = frozenset({"deputy", "under", "assistant"})
# Fields a secretary holds that name no ministry's subject elsewhere ("Foreign Secretary").
_FIELDS = frozenset({"foreign", "home"})
_LINKS = frozenset({"and", "&", ","})
# What a department of a portfolio is called ("Commerce Department", "Ministry of Trade").
_DEPARTMENT_HEADS = frozenset({"department", "dept", "ministry", "office"})


def portfolio_fields(role: str) -> frozenset[str]:
    """The portfolio words of a secretary's office written before ("Treasury Secretary") or
    after the head ("Secretary of Agriculture"), every other word a rank's or a link; empty
    for any other title."""
    words = role.lower().replace("-", " ").replace(",", " , ").split()
    heads = [k for k, w in enumerate(words) if w in _HEADS]
    if len(heads) != 1:
        return frozenset()
    k = heads[0]
    before, after = words[:k], words[k + 1 :]
    if after:
        if not set(before) <= _RANKS or after[0] != "of":
            return frozenset()
        field = after[1:]
    else:
        ranks = 0
        while ranks < len(before) and before[ranks] in _RANKS:
            ranks += 1
        field = before[ranks:]  # the ranks open the title: "Deputy Agriculture Secretary"
    known = portfolios() | _FIELDS
    if not field or not all(w in known or w in _LINKS for w in field):
        return frozenset()
    return frozenset(w for w in field if w in known)


def secretary_country(ctx: Context, role: str) -> str | None:
    """The one country the story places the secretary's department in, None where it names
    none or several."""
    fields = portfolio_fields(role)
    if not fields:
        return None
    found = set()
    for key, entity in ctx.table.entities.items():
        if entity.type is not EntityType.AGENCY or not any(_department_of(name, fields) for name in entity.all_names):
            continue
        if (country := named_country(ctx, key)) is not None:
            found.add(country)
    return found.pop() if len(found) == 1 else None


def _department_of(name: str, fields: frozenset[str]) -> bool:
    """ "U.S. Agriculture Department", "Department of Trade and Industry", "the Treasury":
    a department's name holding every field of the portfolio (no committee's, no council's)."""
    words = set(name.lower().replace(".", " ").replace(",", " ").split()) - {"the"}
    return fields <= words and (bool(words & _DEPARTMENT_HEADS) or words == set(fields))
