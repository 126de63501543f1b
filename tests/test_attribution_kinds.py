"""Bodies introduced by their kind before their name (factcheck/mentions.py,
factcheck/resolution.py, factcheck/papers.py): "Youth charity X ... the charity said",
"Copper ore miner X has ..., the company said", "an audit by the accounting firm X", and a
sentence closing on its subject's own papers (", its annual report shows"). Names invented for
these tests; rows where the rule must not fire too."""

import pytest

from tests.test_attribution import check


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Youth charity Brightpath saw its income fall 9 percent, its annual report shows. "
            "The charity said it had helped 6,000 people. Brightpath's chief was paid more.",
            ["Brightpath", "Brightpath", None],
        ),
        (
            "Copper ore miner Kessel Deep Metals has cut 400 jobs, the company said on Monday.",
            ["Kessel Deep Metals"],
        ),
        (
            "A review by the consulting firm Harlow Penn found 40 missing invoices. "
            "The firm said 3 officials had signed them.",
            ["Harlow Penn", "Harlow Penn"],
        ),
        # a person after the words is no body of that kind
        (
            "Bakery owner Tessa Lund said sales fell 9 percent. The business said 4 staff left.",
            ["Tessa Lund", "business"],
        ),
        # papers of a person close her sentence: hers
        (
            "Judge Ana Weir said 40 cases were heard. She cut 9 sentences, her report shows.",
            ["Ana Weir", "Ana Weir"],
        ),
    ],
)
def test_kind_before_name(client, text, expected):
    check(client, text, expected)
