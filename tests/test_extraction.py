"""Extraction through the API: sentences and their exact spans, scores with reasons,
claimants; proposing an article's claims (created, existing, below the threshold; run again,
nothing new); scoring a text without storing it; and the evaluation set's goals."""

import pytest

from bench import extraction as bench
from tests.conftest import assert_field_error, assert_problem

SCORE = "/api/v1/check-worthiness"


def sentences(client, text):
    response = client.post(SCORE, json={"text": text})
    assert response.status_code == 200, response.json
    return response.json["sentences"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The U.S. spent $3.5 billion on Jan. 6 alone. Prices rose 3.5% in May.",
            ["The U.S. spent $3.5 billion on Jan. 6 alone.", "Prices rose 3.5% in May."],
        ),
        (
            "Dr. Ruiz said J. K. Smith was wrong. He disagreed!",
            ["Dr. Ruiz said J. K. Smith was wrong.", "He disagreed!"],
        ),
        (
            '"Why now?" she asked. "Stop!" he shouted at 9 p.m. Nobody moved.',
            ['"Why now?" she asked.', '"Stop!" he shouted at 9 p.m. Nobody moved.'],
        ),
        (
            "Headline without a stop\nThe first sentence. The second?",
            ["Headline without a stop", "The first sentence.", "The second?"],
        ),
        ('He said: "It is over." Then he left.', ['He said: "It is over."', "Then he left."]),
        # "No." numbers only before a number: an answer's "No." ends its sentence
        (
            "He lives at No. 10 and owns Nos. 4 and 5. No. We sold them in May.",
            ["He lives at No. 10 and owns Nos. 4 and 5.", "No.", "We sold them in May."],
        ),
        # A one-letter word before a quotation ends its sentence; an initial does not.
        (
            'He gave up in a post on X. "Well done," he wrote to Mary J. Blige.',
            ["He gave up in a post on X.", '"Well done," he wrote to Mary J. Blige.'],
        ),
        # ... and so does one before a word that opens sentences, never a name.
        (
            "Fans cheered on Y. The match ended 2-1 for K. Obi's side.",
            ["Fans cheered on Y.", "The match ended 2-1 for K. Obi's side."],
        ),
        # A quoted question goes on with a name of two words or more and a speaking verb.
        (
            '"Who pays?" Mr Fox asked. "Why not us?" Police said 12 were held.',
            ['"Who pays?" Mr Fox asked.', '"Why not us?"', "Police said 12 were held."],
        ),
        # A time or an amount with a decimal point is no abbreviation: its stop ends it.
        (
            'The ferry docked at 7.15pm. "All were safe," it said. Repairs cost $2.5m. '
            "None was due.",
            [
                "The ferry docked at 7.15pm.",
                '"All were safe," it said.',
                "Repairs cost $2.5m.",
                "None was due.",
            ],
        ),
        # "No." abbreviates only before a number; before a word it is an answer.
        (
            "Is it true? No. The 2 vans went to No. 10 and Nos. 3 and 4, as Fig. 2 shows.",
            ["Is it true?", "No.", "The 2 vans went to No. 10 and Nos. 3 and 4, as Fig. 2 shows."],
        ),
        # Rupees before a number, as "No."; an amount with a decimal point ends its sentence.
        (
            "Onions sold at Rs. 70 to Rs. 80 a kg. The firm is owed N6.4bn. Its head said so.",
            [
                "Onions sold at Rs. 70 to Rs. 80 a kg.",
                "The firm is owed N6.4bn.",
                "Its head said so.",
            ],
        ),
        # A US state between a dateline's place and its agency goes on; elsewhere a state
        # (or "Ill.") may end the sentence.
        (
            "WICHITA, Kan. (AP) -- She grew up in Tulsa, Okla. She was Ill. Then she won.",
            ["WICHITA, Kan. (AP) -- She grew up in Tulsa, Okla.", "She was Ill.", "Then she won."],
        ),
        # A bracketed line of words opening a paragraph is a sentence when one follows it;
        # a one-word bracket is a dateline's agency and stays.
        (
            "(Reporting by Jo Lim; Editing by Al Roe) Correction: It was 4.\n"
            "(AP) Officials said 9. (about 40 people) were there.",
            [
                "(Reporting by Jo Lim; Editing by Al Roe)",
                "Correction: It was 4.",
                "(AP) Officials said 9.",
                "(about 40 people) were there.",
            ],
        ),
        # A bare credit in brackets closing the line stays with its caption; a labelled one
        # ("Credit: ...", "by ...") is a line of its own.
        (
            "Photo: Crowds on the pier. (Harbour Trust)\nPhoto: A boat. (Credit: Jo Lim)",
            ["Photo: Crowds on the pier. (Harbour Trust)", "Photo: A boat.", "(Credit: Jo Lim)"],
        ),
    ],
)
def test_sentences_split_where_they_end(client, text, expected):
    found = sentences(client, text)
    assert [s["text"] for s in found] == expected
    assert all(text[s["span_start"] : s["span_end"]] == s["text"] for s in found)


def test_spans_count_code_points(client):
    text = "Zoë said 😀 nothing. Émile counted 7 votes in 2024, the most ever."
    found = sentences(client, text)
    assert [text[s["span_start"] : s["span_end"]] for s in found] == [s["text"] for s in found]
    assert found[1]["span_start"] == text.index("Émile")


@pytest.mark.parametrize(
    ("text", "reason", "worthy"),
    [
        ("Unemployment fell to 4.1 percent in March, the lowest rate since 2001.", None, True),
        ("What should the council do about it now?", "question", False),
        ("I think this is the best idea anyone has had in years.", "opinion", False),
        ("The committee will probably meet again next month to decide.", "prediction", False),
        ("Read more: how the votes were counted in every district", "boilerplate", False),
        ("Photo: Volunteers count ballots. (Credit: Ana Lind)", "boilerplate", False),
        ("It was late.", "too short", False),
        ("The summit is due to open in Oslo on March 3.", "prediction", False),
        ("The firm is expected to spend about $9 billion on new plants.", "prediction", False),
        ("A spokesperson for the 3 unions declined to comment.", "boilerplate", False),
        ("She declined to say how many of the 40 staff had left.", "boilerplate", False),
        # "plans to" after an article or "about" is a noun, no hedge.
        ("The council approved its plans to build 400 homes in 2024.", None, True),
        # "By" opens a byline only before a name.
        ("By then, the mayor said, the debt was $4 million.", None, True),
        # A count of none is a quantity, however short the sentence.
        ("No arrests have been made in the case so far.", None, True),
        # A costing states an amount: "would cost $2 billion" is no hedge; a plan still is.
        ("The union says its pay claim would cost the city $9 million.", None, True),
        ("The city would probably hire 40 more drivers.", "prediction", False),
        # A quoted question opening the sentence is a question, whoever asks it.
        ('"Where did the 40 buses go?" Dr Ada Roe asked the board on Monday.', "question", False),
    ],
)
def test_scores_and_reasons(client, text, reason, worthy):
    [found] = sentences(client, text)[:1]
    assert 0 <= found["check_worthiness"] <= 1
    assert (found["check_worthiness"] >= 0.5) == worthy, found
    if reason:
        assert any(reason in r for r in found["check_worthiness_reasons"]), found
    else:
        assert "numbers or quantities" in found["check_worthiness_reasons"]


@pytest.mark.parametrize(
    ("text", "attribution", "worthy"),
    [
        # A quotation tagged with its speaker is as checkable as its own words: who said
        # it adds nothing; reported speech is a claim someone made.
        ('"We were all so shocked by what happened," the head teacher said.', False, False),
        ('The head teacher said: "We were all so shocked by what happened."', False, False),
        ('"Forty pupils were sent home," the head teacher said.', False, True),
        ("The head teacher said 40 pupils were sent home.", True, True),
    ],
)
def test_a_quotation_tagged_with_its_speaker_scores_on_its_words(client, text, attribution, worthy):
    [found] = sentences(client, text)
    assert ("attribution" in found["check_worthiness_reasons"]) == attribution, found
    assert (found["check_worthiness"] >= 0.5) == worthy, found


@pytest.mark.parametrize(
    ("text", "attribution"),
    [
        # an award's category won is no claim made
        ("The Velvet Foxes claimed best new band at the Coastline Music Awards.", False),
        ("Her second film claimed best documentary at Cannes.", False),
        ("The club claimed the award for best newcomer in 2019.", False),
        ("The Harbour Players claimed best ensemble.", False),
        # but what is claimed to be so is
        ("Tom Reyes claimed best practice was ignored by the board in 2019.", True),
        ("The insurer claims the best offers went to 40 customers.", True),
    ],
)
def test_claiming_an_award_is_no_attribution(client, text, attribution):
    [found] = sentences(client, text)
    assert ("attribution" in found["check_worthiness_reasons"]) == attribution, found


@pytest.mark.parametrize(
    ("text", "reasons", "not_reasons"),
    [
        # a person's age tells who, not how many
        ('"We were all shocked by it," said Ana Lind, 58.', [], ["numbers or quantities"]),
        ("Tom Fox, 34, of Leeds, said it was late again.", [], ["numbers or quantities"]),
        ("Rosa Vidal, aged 71, wrote to the council about it.", [], ["numbers or quantities"]),
        # a count after a place, or a year, is one
        ("In Leeds, 40 homes flooded overnight.", ["numbers or quantities"], []),
        ("Tom Fox, 34, was jailed in 2019.", ["numbers or quantities"], []),
        # a model's number is no quantity; "almost double" is one
        (
            '"It was a sad day for the Kestrel-3 team," said Ana Lind.',
            [],
            ["numbers or quantities"],
        ),
        ("The COVID-19 ward reopened on Monday.", [], ["numbers or quantities"]),
        ("That was almost double the figure a year earlier.", ["numbers or quantities"], []),
        # advice given now is no claim; advice given then is reported as an event
        ("Doctors recommend that pupils sleep longer, they say.", ["opinion"], []),
        ("Parents should not worry too much, Dr Ruth Hale advises.", ["opinion"], []),
        ("The panel recommended a pay rise of 4 percent in 2023.", [], ["opinion"]),
        # a support line is boilerplate
        (
            "Anyone affected by this story can call the Harbour helpline on 0800 123.",
            ["boilerplate"],
            [],
        ),
        ("If you need help, you can contact Samwell Aid free of charge.", ["boilerplate"], []),
        # a notice to the public is advice; a request reported in the past is an event
        ("Passengers are advised to check the website before they travel.", ["opinion"], []),
        ("Anyone with information is asked to call 101, quoting 447.", ["opinion"], []),
        ("The agency was asked to review 40 cases in 2021.", [], ["opinion"]),
        ("Customers can call the company's helpline on 0800 555 0199.", ["boilerplate"], []),
        # a time of day is a schedule's, no quantity; a live blog's time opens its entry
        ("The museum opens from 10am to 4pm on weekdays.", [], ["numbers or quantities"]),
        (
            "The first results are expected at about 9:45 p.m. tonight.",
            [],
            ["numbers or quantities"],
        ),
        ("Update, 10:05 pm: Okoro has conceded on X.", ["names people or organisations"], []),
        # a plan or forecast told in the past tense is one still
        ("She said the trust planned to open 3 more wards in 2027.", ["prediction or hedge"], []),
        ("Holm said he expected the merger to save 40 million euros.", ["prediction or hedge"], []),
        ("The college aimed to recruit 900 students, Ruth Hale said.", ["prediction or hedge"], []),
        # irregular verbs of events are past-tense assertions
        ("Tom Fox died in hospital from his injuries.", ["past-tense assertion"], []),
        ("The home side won at Ravenscroft on Saturday.", ["past-tense assertion"], []),
    ],
)
def test_reasons_for_habits_of_news_writing(client, text, reasons, not_reasons):
    [found] = sentences(client, text)
    for reason in reasons:
        assert reason in found["check_worthiness_reasons"], found
    for reason in not_reasons:
        assert reason not in found["check_worthiness_reasons"], found


@pytest.mark.parametrize(
    "text",
    [
        "Send letters to the editor at 12 High Street, Leeds.",
        "For details call the desk on 555-0199 today.",
        "Refunds are given on 800-555-0177 or by post.",
        "She was brilliant in the third quarter.",
    ],
)
def test_addresses_phone_numbers_and_quarters_are_no_quantities(client, text):
    [found] = sentences(client, text)
    assert "numbers or quantities" not in found["check_worthiness_reasons"], found


@pytest.mark.parametrize(
    ("text", "claimants"),
    [
        ("Governor Ana Lind said taxes rose 4 percent.", ["Ana Lind"]),
        ('"Taxes rose 4 percent," said Ana Lind, a state senator.', ["Ana Lind"]),
        ("Taxes rose 4 percent, according to the Revenue Office.", ["Revenue Office"]),
        ("According to Ana Lind, taxes rose.", ["Ana Lind"]),
        (
            "Ana Lind, the governor, said taxes rose. She said spending fell. Lind added more.",
            ["Ana Lind", "Ana Lind", "Ana Lind"],
        ),
        # A quotation alone takes the speaker named next to it.
        ('"Taxes rose by a third." Lind said it twice.', ["Lind", "Lind"]),
        ("Taxes rose 4 percent last year.", [None]),
        ('"Taxes rose 4 percent." So said Ana Lind on Monday.', ["Ana Lind", "Ana Lind"]),
        # Found by a newcomer's smoke test on an unseen page.
        ('"Roads will be fixed by June," said councillor Tom Reyes.', ["Tom Reyes"]),
        ("The mayor, Jane Porter, said the budget grew 4 percent.", ["Jane Porter"]),
        (
            "According to the city's finance office, spending rose 12 percent.",
            ["city's finance office"],
        ),
        # A body named after a preposition is not the speaker: the unnamed critics are.
        ("Critics on the council argued the pool cost $2 million.", [None]),
        ("Sources familiar with the matter said the deal was done.", [None]),
        ("Members of the board said the vote was 5 to 4.", [None]),
        ("The spending rose, the finance office said.", ["finance office"]),
    ],
)
def test_claimants(client, text, claimants):
    assert [s["claimant"] for s in sentences(client, text)] == claimants


@pytest.mark.parametrize(
    ("text", "superlative"),
    [
        ("Farmers brought in the harvest by hand on the hill.", False),
        ("The request was honest and the interest was real.", False),
        ("A priest came to attest to the protest in the forest.", False),
        ("They suggest the contest went on in the west.", False),
        ("It is the largest bridge in the region.", True),
        ("She was the happiest person in the town that day.", True),
        ("That was the biggest crowd on the street this summer.", True),
        ("It was the latest twist in a long saga.", True),
        ("It was the driest summer and the best harvest.", True),
    ],
)
def test_superlatives_are_real_ones(client, text, superlative):
    [found] = sentences(client, text)
    reasons = found["check_worthiness_reasons"]
    assert ("comparison or superlative" in reasons) == superlative, reasons


def test_scoring_stores_nothing(client, db):
    counts = [db.execute(f"SELECT count(*) FROM {t}").fetchone() for t in ("claims", "articles")]
    sentences(client, "The council spent $4 million on roads in 2025, the auditor said.")
    after = [db.execute(f"SELECT count(*) FROM {t}").fetchone() for t in ("claims", "articles")]
    assert after == counts


@pytest.mark.parametrize(
    ("payload", "field", "message"),
    [
        ({}, "text", "Missing data for required field."),
        ({"text": ""}, "text", "Length must be between"),
        ({"text": "x" * 100_001}, "text", "Length must be between"),
        ({"text": "ok", "store": True}, "store", "Unknown field."),
    ],
)
def test_scoring_rejects_bad_requests(client, payload, field, message):
    assert_field_error(assert_problem(client.post(SCORE, json=payload), 422), field, message)


BODY = (
    "By Ana Lind\n\n"
    "The city spent $48 million on road repairs in 2025, up from $31 million a year earlier, "
    "the finance office said. Mayor Tom Berg said potholes fell by a third. "
    '"We fixed 12,000 of them," he told reporters. What comes next?\n\n'
    "I think the roads look better. The council will vote on the budget next week."
)


@pytest.fixture
def roads(client):
    response = client.post(
        "/api/v1/articles", json={"title": "Roads", "body": BODY, "publisher": "Gazette"}
    )
    assert response.status_code == 201
    return response.json


def _extract(client, article_id, **body):
    response = client.post(f"/api/v1/articles/{article_id}/extract", json=body)
    assert response.status_code == 200, response.json
    return response.json


def test_extract_proposes_claims_and_run_again_creates_nothing(client, anon, roads):
    first = _extract(client, roads["id"])
    created = first["created"]
    assert [c["text"] for c in created] == [
        "The city spent $48 million on road repairs in 2025, up from $31 million a year "
        "earlier, the finance office said.",
        "Mayor Tom Berg said potholes fell by a third.",
        '"We fixed 12,000 of them," he told reporters.',
    ]
    assert [c["claimant"] for c in created] == ["finance office", "Tom Berg", "Tom Berg"]
    below = first["below_threshold"]
    assert {s["text"] for s in below} >= {"By Ana Lind", "What comes next?"}
    assert all(s["check_worthiness"] < first["threshold"] and s["claim_id"] is None for s in below)
    assert first["existing"] == []
    for sentence in created:
        claim = client.get(f"/api/v1/claims/{sentence['claim_id']}").json
        assert claim["origin"] == "extracted" and claim["status"] == "new"
        assert claim["check_worthiness"] == sentence["check_worthiness"] >= 0.5
        assert claim["check_worthiness_reasons"] == sentence["check_worthiness_reasons"]
        assert BODY[claim["span_start"] : claim["span_end"]] == claim["text"] == sentence["text"]
        assert claim["claimant"] == sentence["claimant"]

    again = _extract(client, roads["id"])
    assert again["created"] == []
    assert [s["claim_id"] for s in again["existing"]] == [c["claim_id"] for c in created]
    assert len(client.get("/api/v1/claims").json["items"]) == 3


def test_a_claim_typed_in_is_linked_not_duplicated(client, roads):
    typed = client.post(
        "/api/v1/claims",
        json={"article_id": roads["id"], "text": "potholes fell by a third", "claimant": "Berg"},
    ).json
    found = _extract(client, roads["id"])
    [existing] = found["existing"]
    assert existing["claim_id"] == typed["id"]
    assert existing["text"] == "Mayor Tom Berg said potholes fell by a third."
    assert typed["id"] not in [c["claim_id"] for c in found["created"]]
    assert len(client.get("/api/v1/claims").json["items"]) == 3


def test_a_lower_threshold_proposes_more(client, roads):
    assert len(_extract(client, roads["id"], threshold=0.0)["created"]) == 7
    assert _extract(client, roads["id"], threshold=0.0)["created"] == []


def test_extract_on_create(client, db):
    response = client.post("/api/v1/articles?extract=true", json={"title": "Roads", "body": BODY})
    assert response.status_code == 201
    assert len(response.json["extraction"]["created"]) == 3
    assert db.execute("SELECT count(*) FROM claims WHERE origin = 'extracted'").fetchone() == (3,)
    plain = client.post("/api/v1/articles", json={"title": "Other", "body": "Short text."})
    assert plain.json["extraction"] is None


@pytest.mark.parametrize(
    ("path", "kwargs", "status"),
    [
        ("/api/v1/articles/999/extract", {"json": {}}, 404),
        ("/api/v1/articles/{id}/extract", {"json": {"threshold": 2}}, 422),
        ("/api/v1/articles/{id}/extract", {"json": {"mode": "all"}}, 422),
        ("/api/v1/articles/{id}/extract", {"json": {}, "headers": {"If-Match": '"x"'}}, 412),
    ],
)
def test_extract_refusals_store_nothing(client, roads, db, path, kwargs, status):
    assert_problem(client.post(path.format(id=roads["id"]), **kwargs), status)
    assert db.execute("SELECT count(*) FROM claims").fetchone() == (0,)


def test_readers_may_not_extract_or_score(anon, roads, db):
    assert_problem(anon.post(f"/api/v1/articles/{roads['id']}/extract", json={}), 401)
    assert_problem(anon.post(SCORE, json={"text": "Prices rose."}), 401)
    assert db.execute("SELECT count(*) FROM claims").fetchone() == (0,)


@pytest.mark.parametrize("held_out", [False, True])
def test_the_evaluation_set_meets_its_goals(held_out):
    articles = [a for a in bench.load() if a[0]["held_out"] == held_out]
    assert len(articles) >= (2 if held_out else 8)
    figures = bench.measure(articles, threshold=0.5)
    assert figures["F1"] >= 0.8 and figures["claimant accuracy"] >= 0.9, figures
    assert figures["missed by the splitter"] == 0
