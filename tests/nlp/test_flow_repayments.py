"""Goods lent to be repaid in kind: the borrower's export back to the lender, end to end."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _flows(extracted, text: str) -> list[tuple]:
    x = extracted(text)
    names = {e.key: e.label for e in x.entities}
    return [(names.get(f.subject), names.get(f.object), f.quantity, names.get(f.partner), f.forecast)
            for f in x.facts if f.predicate.value == "exports"]  # fmt: skip


@pytest.mark.parametrize("text", [
    "Venezuela will lend Peru two mln barrels of crude, which would be repaid in kind after 90 days.",
    "Venezuela has agreed to lend Peru two mln barrels of crude, to be repaid in kind within a year.",
    "Venezuela agreed to loan two mln barrels of crude to Peru, to be paid back in kind later this year.",
])  # fmt: skip
def test_a_loan_repaid_in_kind_is_also_the_borrowers_export_to_come(extracted, text: str) -> None:
    flows = _flows(extracted, text)
    assert ("Peru", "crude", None, "Venezuela", True) in flows
    assert [f for f in flows if f[0] == "Venezuela" and f[2] is not None]  # the loan itself stays


@pytest.mark.parametrize("text", [
    "Venezuela will sell Peru two mln barrels of crude, to be paid in cash.",  # a sale, paid in money
    "Venezuela will lend Peru two mln barrels of crude, to be repaid in dollars.",
    "Venezuela will lend Peru 50 mln dlrs, to be repaid in kind.",  # no goods lent
])  # fmt: skip
def test_no_repayment_without_a_loan_of_goods_repaid_in_kind(extracted, text: str) -> None:
    assert [f for f in _flows(extracted, text) if f[0] == "Peru"] == []
