"""Emergency services speaking through their people, for factcheck/attribution.py: "police
said", "according to police", "Officers said", "Police are urging residents to ...", "fire
officials said" and "a fire authority spokesperson said" are the police force or the fire
service the story names, when it names one and only one of that kind. With none named, or
several, the speakers are unnamed and the sentence keeps no claimant.
"""

import re

from factcheck import names, speech_verbs

# How police and fire services state what they know: the verbs of saying, and those of a
# force's appeal ("Police described the man as", "are urging residents", "believe").
_STATING = (
    rf"(?:{speech_verbs.VERBS}|described|describe|urged|urge|(?:are|were)\s+urging|"
    r"appealed|(?:are|were)\s+appealing|believe|believed|advised|(?:are|were)\s+advising)\b"
)
_WHEN = r"(?:\s+(?:have|had|also|on\s+[A-Z][a-z]+day|[A-Z][a-z]+day|later|earlier))*"
# The people of each kind of service, bare (not "Police in Kell", another force's, nor
# "Police Chief Ana Lind", a person).
_PEOPLE = {
    "police": r"[Pp]olice|[Oo]fficers|[Dd]etectives",
    "fire": r"[Ff]ire\s+(?:officials|officers|investigators|chiefs|crews)|[Ff]irefighters",
}
_SPOKESPERSON = r"spokes(?:person|man|woman)"
# "a fire authority spokesperson said", "a police spokesman said"
_UNIT = {
    "police": r"police(?:\s+(?:service|department|force))?",
    "fire": r"fire\s+(?:authority|service|department|brigade|district)",
}


def _speaking(kind):
    people, unit = _PEOPLE[kind], _UNIT[kind]
    return re.compile(
        rf"(?:^|,\s+|\b[Tt]he\s+)(?:{people}){_WHEN}\s+{_STATING}"
        rf"|\b[Aa]ccording\s+to\s+(?:the\s+)?(?:{people})\b"
        rf"|\b[Aa]n?\s+{unit}\s+{_SPOKESPERSON}{_WHEN}\s+{_STATING}"
    )


_SPEAKING = {kind: _speaking(kind) for kind in _PEOPLE}
_CUE = re.compile(r"[Pp]olice|[Oo]fficers|[Dd]etectives|[Ff]ire")
# The heads of a service's name: "Kell Valley Police", "Kell Police Service", "Kell Fire
# Authority", "Kell Fire and Rescue Service", "Kell County Sheriff's Office".
_SERVICE_NAMES = {
    "police": re.compile(r"\b(?:Police|Constabulary)(?:\s+(?:Service|Department|Force))?$"),
    "fire": re.compile(
        r"\bFire(?:\s+(?:and|&)\s+Rescue)?\s+(?:Authority|Service|Department|Brigade|District)$"
    ),
}


def _named_service(sentences, kind):
    """The one service of the kind the text names, or None (none named, or several)."""
    # ("Kell Police and Tarnby Police Service held": two forces, each named whole)
    found = {
        part
        for sentence in sentences
        for _, name in names.found(sentence)
        for part in re.split(r"\s+and\s+(?=[A-Z])", name)
        if _SERVICE_NAMES[kind].search(part) and not names.is_person(names.without_title(part))
    }
    whole = {name for name in found if not any(name != other and name in other for other in found)}
    return whole.pop() if len(whole) == 1 else None


def speaking_for(sentences, found):
    """found, with a sentence whose speakers are a service's people ("police said") given to
    the one service of that kind the text names."""
    # (most stories speak of neither: a word's presence is cheaper to find than a clause)
    cued = [sentence for sentence in sentences if _CUE.search(sentence)]
    if not cued:
        return found
    kinds = [kind for kind in _SPEAKING if any(map(_SPEAKING[kind].search, cued))]
    services = {kind: _named_service(sentences, kind) for kind in kinds}
    resolved = list(found)
    for i, sentence in enumerate(sentences):
        if resolved[i] is not None:
            continue
        for kind, service in services.items():
            if service and _CUE.search(sentence) and _SPEAKING[kind].search(sentence):
                resolved[i] = service
                break
    return resolved
