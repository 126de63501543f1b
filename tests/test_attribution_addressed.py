"""A quotation that calls someone by name ('"Acres house nobody, Ana."') is not that
person's words, though they speak next (factcheck/quotations.py): it stays with the speaker
before it. Names invented for these tests; rows where the rule must not fire too."""

import pytest

from tests.test_attribution import check


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ana Lind said 40 acres were sold. Tom Reyes disputed that, saying 110 homes "
            'were built. "Acres do not house anybody, Ana." Lind replied that 200 homes '
            "were ready.",
            ["Ana Lind", "Tom Reyes", "Tom Reyes", "Ana Lind"],
        ),
        (
            "Ana Lind said 40 acres were sold. Tom Reyes disputed that, saying 110 homes "
            'were built. "Ana, nobody lives on an acre." Lind replied that 200 homes were '
            "ready.",
            ["Ana Lind", "Tom Reyes", "Tom Reyes", "Ana Lind"],
        ),
        # calling on someone else, the speaker after is still the speaker
        (
            "Ana Lind said 40 acres were sold. Tom Reyes disputed that, saying 110 homes "
            'were built. "We sold them, Tom." Lind said 200 homes were ready.',
            ["Ana Lind", "Tom Reyes", "Ana Lind", "Ana Lind"],
        ),
    ],
)
def test_quotation_calling_on_someone(client, text, expected):
    check(client, text, expected)
