"""A person named in an appositive opening the sentence ("His daughter, Ana Lind, 26,
joined ...") is the "she" said later in it and after it (factcheck/resolution.py), unless the
possessive is the pronoun's own ("Her grandfather, Tom Lind, opened it, she said": she speaks
of him). Family stories name relatives of one surname; names invented for these tests."""

import pytest

from tests.test_attribution import check


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'Irena Novak opened the bakery in 1985. "We had one oven," she said.\n\n'
            "His daughter, Zofia Novak, 26, joined in 2010 and built the website, which she "
            "said brings in 30 orders a day. She wants to open a second shop.",
            [None, "Irena Novak", "Zofia Novak", "Zofia Novak"],
        ),
        (
            'Greta Holm opened the forge in 1979. "It was cold," she said.\n\n'
            "Her son, Erik Holm, 50, took over in 2001, and he said sales have doubled.",
            [None, "Greta Holm", "Erik Holm"],
        ),
        # "her" is the speaker's own: she speaks of her grandfather
        (
            "Marta Lind runs the shop. Her grandfather, Anders Berg, opened it in 1934, she said.",
            [None, "Marta Lind"],
        ),
    ],
)
def test_relative_named_in_an_appositive(client, text, expected):
    check(client, text, expected)
