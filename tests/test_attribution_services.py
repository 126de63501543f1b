"""Police and fire services speaking through their people (factcheck/services.py): "police
said", "according to police", "Officers said", "Police are urging", "fire officials said"
and "a fire authority spokesperson said" are the one service of that kind the story names;
"Campaigners from X said", "Volunteers from X, who ..., say" are the group X
(factcheck/subjects.py). Names invented for these tests; rows where the rule must not fire too."""

import pytest

from tests.test_attribution import check


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kell Valley Police said a man, 40, was held. "
            "Officers said he ran off at 6pm. "
            "Cash worth 9,000 pounds was taken, police said.",
            ["Kell Valley Police", "Kell Valley Police", "Kell Valley Police"],
        ),
        (
            "Tarnby Police Service is investigating 12 break-ins. "
            "A van was seen on Main Street on May 2, according to police. "
            "Police are urging residents to lock their doors at night.",
            [None, "Tarnby Police Service", "Tarnby Police Service"],
        ),
        (
            "A fire destroyed 40 homes west of Kell, fire officials said Sunday. "
            "The Kell Fire Authority is leading the response.",
            ["Kell Fire Authority", None],
        ),
        (
            "The Tarnby Fire Department sent 9 crews. The cause is not suspicious, a fire "
            "department spokesperson said.",
            [None, "Tarnby Fire Department"],
        ),
        # no force named: the police are unnamed speakers
        ("No knife was ever found, police said.", [None]),
        # two forces named: which one spoke is not said
        (
            "Kell Valley Police and Tarnby Police Service held 3 men. "
            "Officers said 40 phones were seized.",
            [None, None],
        ),
        # police somewhere else are another force
        (
            "Kell Valley Police closed the road. Police in Tarnby are appealing for 2 "
            "witnesses to a robbery.",
            [None, None],
        ),
        # the police acting, not stating
        (
            "Kell Valley Police closed the road. Officers arrested 3 men on Main Street.",
            [None, None],
        ),
    ],
)
def test_service_people_speak_for_the_service(client, text, expected):
    check(client, text, expected)


# Who campaign or volunteer for a group speak for it, as its staff do, whatever clause
# describes them before the verb.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Campaigners from Friends of the Kell said 29 of 40 sites failed.",
            ["Friends of the Kell"],
        ),
        (
            "Volunteers from the Tarnby Lakes Alliance, who have tested the water since "
            "2021, say readings exceeded limits on 19 days.",
            ["Tarnby Lakes Alliance"],
        ),
        (
            "Researchers at Kell University, who studied 400 gulls, said 61 percent ate plastic.",
            ["Kell University"],
        ),
        # campaigners of a place are no body's
        ("Campaigners in Tarnby said 40 trees were felled.", [None]),
    ],
)
def test_campaigners_speak_for_their_group(client, text, expected):
    check(client, text, expected)
