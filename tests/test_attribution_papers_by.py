"""A paper and its maker named together (factcheck/papers.py): "A memo from X, dated ...,
shows", "A report published last month by X estimated", "An assessment by X put", "X's own
counts show": the paper's findings are the maker's. Names invented for these tests; rows
where the rule must not fire too."""

import pytest

from tests.test_attribution import check


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A memo from the Orrin Department of Roads, dated Jan. 9, shows 212 bridges "
            "need repair.",
            ["Orrin Department of Roads"],
        ),
        (
            "A paper published last week by the Tallis Housing Institute estimated that "
            "18,000 homes stand empty.",
            ["Tallis Housing Institute"],
        ),
        (
            "An early assessment by the Coastal Fisheries Board put losses at 40 percent.",
            ["Coastal Fisheries Board"],
        ),
        (
            "The Brenmoor Cycling Trust's own counts show 900 riders a day.",
            ["Brenmoor Cycling Trust"],
        ),
        # a paper the text only mentions, with someone else saying: the sayer's
        (
            "Kestrel Mining Ltd objected to a levy issued by the Orrin Tax Office, the miner said.",
            ["Kestrel Mining Ltd"],
        ),
        # an assessment of a kind, nobody named as making it
        ("The assessment covers 40 farms, the survey shows.", [None]),
    ],
)
def test_paper_and_its_maker(client, text, expected):
    check(client, text, expected)
