"""Titles and roles in names of people, for factcheck/names.py: the English words that open
a name without being part of it ("Judge", "Finance Minister", "Passenger", "Democrat"), the
pronoun some of them tell, and the grammar of a title with its portfolio ("Minister for
Fisheries", "Leader of the House") before the holder's name. Never any article's names.
"""

import re


def words(text):
    """The set of the words of text: word lists written as prose-like strings."""
    return frozenset(text.split())


TITLES = words(
    # "Miss" as British courts and papers style an unmarried woman, "Mx" one of no gender
    "miss mx "
    "mr mrs ms dr prof professor senator sen governor gov mayor minister secretary president "
    "chief councillor councilman councilwoman councilor judge justice representative rep "
    "commissioner director spokesperson spokesman spokeswoman sir dame lord lady prosecutor "
    "coach captain capt inspector detective sergeant sgt officer constable superintendent "
    "general gen colonel col lieutenant lt admiral ambassador envoy chancellor bishop "
    "archbishop reverend rev father rabbi imam pastor principal dean chair chairman "
    "chairwoman chairperson deputy vice premier speaker sheriff attorney counsel "
    "cllr clr supt insp det assemblymember provost rector vicar "
    "manager editor executive ceo cfo coo chancellor king queen prince princess pope mp mep "
    "msp congressman congresswoman assemblyman assemblywoman alderman baroness baron earl "
    "countess viscount supervisor treasurer clerk coroner registrar warden ombudsman "
    "comptroller controller marshal magistrate assessor leader whip commander commandant "
    # "Member for Halden Ana Lind", "Council Member Ana Lind": a seat in a parliament or council
    "member "
    # Malaysian honorifics, which stand before a name as "Sir" does
    "datuk dato datin seri "
    # honorifics of West Africa and the Muslim world, and of trade unions and the Bar
    "alhaji alhaja hajia mallam sheikh comrade engr barr barrister "
    # police ranks in the British Isles' and America's forces ("Detective Garda", "PC", "DCI"),
    # written before a name as "Sergeant" is
    "garda gardai pc wpc dc ds di dci dsi pcso trooper patrolman patrolwoman corporal cpl "
    # and in the Commonwealth's forces of Africa and Asia, by their initials ("SP X", "ASP
    # X": superintendents of police; "ACP", "DCP": commissioners; "IGP", "AIG": inspectors
    # general)
    "sp asp dsp csp ssp acp dcp igp aig "
    # members of councils and legislatures in American and British use
    "councilmember selectman selectwoman alderwoman legislator lawmaker delegate "
    # broadcasting's and journalism's roles before a name ("Host Ana Lind", "Presenter X")
    "host presenter anchor correspondent reporter columnist commentator moderator "
    # offices of churches, hospitals and universities
    "cardinal deacon matron lecturer"
)
# Roles that open a name like a title does ("Passenger Dan Ochoa"); "the passenger said"
# with none so titled is the person who spoke last.
ROLES = words(
    "passenger resident shopper voter student teacher nurse farmer fisherman driver commuter "
    "parent owner tenant neighbour neighbor witness worker customer patient analyst economist "
    "lawyer researcher scientist activist campaigner "
    # trades and sports positions a feature opens a name with ("Chef Ana Lind", "Striker
    # Tom Fox"), none of them a common surname (not "Baker", "Cook", "Keeper")
    "chef surgeon architect pharmacist solicitor midwife paramedic firefighter "
    "seamer bowler batsman batter spinner striker midfielder defender goalkeeper winger "
    "quarterback pitcher jockey "
    # people by what befell them or what they do in a story of everyday news ("Victim Ana
    # Lind", "Waitress Ana Lind", "Juror Tom Fox"), none a common surname (not "Porter",
    # "Carpenter", "Mason", "Gardner")
    "victim survivor widow widower pensioner retiree veteran volunteer "
    "juror defendant plaintiff claimant complainant suspect inmate prisoner refugee migrant "
    "protester protestor demonstrator homeowner landlord landlady householder waitress waiter "
    "bartender barman barmaid cashier cleaner plumber electrician mechanic janitor caretaker "
    "gardener labourer laborer builder technician physician dentist vet therapist carer "
    "caregiver headteacher headmaster headmistress tutor curator librarian novelist poet "
    "author writer artist singer musician actor actress comedian dancer photographer "
    "filmmaker producer designer athlete cyclist swimmer boxer golfer skipper pilot sailor "
    "soldier ranger entrepreneur founder co-founder cofounder investor banker "
    "accountant consultant supporter "
    # military ranks above colonel and below general, written before a name as "General" is
    "brigadier commodore"
)
# A party's member opens a name as a title does, in American style ("Democrat Ana Lind"), and
# "a Vermont Republican" after a name only describes her.
PARTY_MEMBERS = words("democrat republican libertarian")
TITLES |= ROLES | PARTY_MEMBERS
# Abbreviated titles and the title "the <noun> said" calls their holder by.
TITLE_WORDS = {
    "gov": "governor",
    "sen": "senator",
    "rep": "representative",
    "prof": "professor",
    "gen": "general",
    "col": "colonel",
    "capt": "captain",
    "supt": "superintendent",
    "insp": "inspector",
    "det": "detective",
    "sgt": "sergeant",
    "lt": "lieutenant",
    "cllr": "councillor",
    "clr": "councillor",
}
# Titles that tell which pronoun a person takes.
PRONOUN_OF_TITLE = {
    **dict.fromkeys(["mr", "sir", "lord", "king", "prince", "father", "councilman"], "he"),
    **dict.fromkeys(
        ["mrs", "ms", "miss", "dame", "lady", "queen", "princess", "councilwoman"], "she"
    ),
    **dict.fromkeys(["spokesman", "chairman"], "he"),
    **dict.fromkeys(["spokeswoman", "chairwoman"], "she"),
    **dict.fromkeys(["widower", "landlord", "headmaster", "barman", "waiter"], "he"),
    **dict.fromkeys(["widow", "landlady", "headmistress", "barmaid", "waitress", "actress"], "she"),
}


def is_title(word):
    """A title, or titles joined by hyphens ("Vice-minister", "Deputy-Mayor")."""
    return all(part in TITLES for part in word.rstrip(".").lower().split("-"))


# Nouns of people by what they do ("Partner", "Teammate", "Auditor", "Consultant"): endings
# of agent nouns that given names seldom have (not "Victor", "Hector", "Bryant", "Chester").
# "-mate" only as one who shares ("Teammate", "Classmate"): "Climate", "Ultimate" are not.
ROLE_SHAPED = re.compile(
    r"(?:Team|Class|Room|Flat|House|Ship|Work|Play|Running|Cell|School)mate"
    r"|[A-Z][a-z]{2,}(?:ist|ner|eer)|[A-Z][a-z]{3,}(?:tor|ant)"
)


def only_titles(name):
    """Whether every word of a name of two or more is a title ("Prime Minister", "Chief
    Constable"; not "Bishop", a surname too)."""
    titles = TITLES | _TITLE_ADJECTIVES
    return " " in name and all(word.rstrip(".").lower() in titles for word in name.split())


# Words that open a title without being one: "Prime Minister", "Home Secretary".
_TITLE_ADJECTIVES = words("prime home foreign first attorney")


def titled(name):
    """Whether the name opens with a title ("Dr. Oyelaran", "Judge Alison Reyes")."""
    return name.split()[0].rstrip(".").lower() in TITLES and " " in name
