"""The common nouns of organisations and places, for factcheck/names.py: the nouns that end
their names ("Westbrook Crown Court", "Norvale Systems", "Kessig Bay"), what a business or
club is called when not by name ("the company"), and the kinds of body a bare noun may stand
for ("the agency" a commission). General English vocabulary, never any article's names.
"""

from factcheck.titles import words

# Nouns that end organisation and place names ("Westbrook Crown Court", "Norvale Systems").
ORGANISATION_HEADS = words(
    "court hotel council college university school academy hospital clinic department "
    "ministry agency street road avenue lane square park church cathedral centre center club "
    "association society institute institution foundation trust commission committee board "
    "office service authority bureau organization organisation programme program project "
    "group party union bank fund company corporation inc ltd llc llp plc corp co systems energy "
    "securities holdings partners capital airlines airways motors media technologies labs "
    "pharmaceuticals times news press post journal events conference league county city state "
    "province region district river lake sea ocean mountains island islands bridge station "
    "airport stadium arena hall house senate parliament assembly congress government "
    "administration police army navy force forces registry regulator library museum "
    "crescent cross nations republic kingdom states act bill report survey index composite "
    "exchange market water health prevention research network alliance coalition federation panel "
    "industries international global services solutions insurance railway railways "
    "transport gallery theatre festival prize cup championship team foods brands retail "
    "logistics steel oil gas mining electric telecom software networks entertainment "
    "communications resources pharma brewery airline fc afc cooperative co-operative"
)
# What a business or club is called when not by name ("the company said", "the club").
COMPANIES = words(
    "company firm group business maker carmaker automaker drugmaker chipmaker manufacturer "
    "retailer insurer lender supplier developer operator carrier chain brand startup publisher "
    "utility club charity steelmaker planemaker toymaker shipbuilder brewer miner grocer "
    "supermarket broker conglomerate promoter organiser organizer airline bank haulier "
    "cooperative co-operative consultancy"
)
# Heads of the names of places that never speak ("Wexley Road", "Kessig Bay"): "it said"
# and "the company said" pass over them. A county, city or state speaks as its government.
PLACE_HEADS = words(
    "street road avenue lane square park crescent cross river lake sea ocean mountains island "
    "islands bridge bay valley estuary delta coast beach hill hills ridge canyon creek peak "
    "heights springs forest hollow glen mesa"
)
# Organisations that are no business: "the company said" passes over an association.
NOT_BUSINESSES = words(
    "association society federation alliance coalition union foundation trust institute "
    "institution party league council committee "
    # a law is no organisation at all: "House Bill 12" is never "the group"
    "bill act "
    # nor a contest, a prize or a festival: "the club said" is never the Kell Cup just
    # named, "the company" never a festival
    "cup championship prize festival"
)
# What a partnership's name ends with: "Kell Reid LLP", "Hale Partners".
PARTNERSHIPS = words("llp lp partners partnership")
# What a charity's name ends with: "the charity said" is the Kell Trust named before.
CHARITY_HEADS = words("trust foundation society association fund appeal")
# Kinds of organisation a bare noun may stand for: "the agency" can be a commission or a
# bureau named before, "the university" a college, "the panel" a committee.
KINDS = (
    words(
        "agency commission authority department ministry bureau office regulator watchdog service "
        "administration board "
        # a national weather service, which news writing calls by what it does
        "forecaster"
    ),
    words("council committee panel assembly parliament senate congress inquiry"),
    words("university college school academy institute"),
    words("police force constabulary"),
    # bodies of members: "the union" may be an Alliance or a Guild
    # ("the group" too: a group of members)
    words(
        "union alliance federation association guild confederation league coalition society group"
    ),
)
# Heads that are common surnames too ("Helen Park", "Tom Hall"): a place or organisation only
# in a name of three words or more ("St Luke's Church") or after "the".
SURNAME_HEADS = words("park hall house cross lane church bridge bank post press street water")
