"""Writing signed by its writer: a letter to the editor or a reader's question closed by a
signature line ("Ana Lind, Halden", "Dr Ana Lind, Kell"), and an expert's answer opened by
"Ana Lind replies:". Their sentences are the writer's, though no verb of saying is in them.

A signature closes its letter's paragraph, or stands on a line of its own under it; the
letter is the sentences of that paragraph, and only when they speak in the first or second
person, as letters do (a caption "Ana Lind, Halden" under a reported paragraph signs
nothing). An answer runs from its opening line to the end of the text, or to the paragraph
that names its writer again (the note on who the expert is) or closes with a signature. A
sentence that already names its own source ("The council's figures show") keeps it.
"""

import re

from factcheck import names

# "Ana Lind, Halden", "Dr Ana Lind, Kell", "Sandra, Leicester", "Tom Fox, Penrith, Cumbria":
# a name, then places, nothing else.
_WORD = r"[A-Z][\w'\u2019.-]*"
_SIGNATURE = re.compile(rf"({_WORD}(?:\s+{_WORD}){{0,4}}),\s+{_WORD}(?:[\s,]+{_WORD}){{0,3}}\.?")
# not "US", the country
_FIRST_OR_SECOND_PERSON = re.compile(r"\b(?:I|[Mm][ey]|[Ww]e|[Oo]ur|us|[Yy]our?)\b")
# "Ana Lind replies:", "Ana Lind, a pensions adviser, answers:"
_ANSWER = re.compile(
    rf"^({_WORD}(?:\s+{_WORD}){{0,3}})(?:,[^:]*,)?\s+(?:replies|answers|responds):"
)


# Words that open a short line as "Thanks, Ana." does: thanks, greetings and answers, which
# call on the name after them rather than sign.
_NOT_SIGNERS = names.words(
    "Thanks Thank Cheers Sorry Please Yes No Yeah Well Oh Hello Hi Hey Goodbye Bye Okay OK "
    "Right Sure Indeed Welcome Congratulations Sincerely Regards Love"
)


def _signer(sentence):
    """The writer a signature line names, without titles, or None."""
    signature = _SIGNATURE.fullmatch(sentence.strip())
    # "By Ana Lind, Consumer Reporter": a byline, whose writer reports rather than writes in
    first = signature.group(1).split()[0] if signature else ""
    if signature is None or first in names.NOT_NAMES or first in _NOT_SIGNERS:
        return None
    return names.without_title(signature.group(1)) or None


def _letters(sentences, paragraphs, found):
    """found, with each letter's unattributed sentences given to its signer."""
    result = list(found)
    for end, sentence in enumerate(sentences):
        last_of_paragraph = end + 1 == len(sentences) or paragraphs[end + 1] != paragraphs[end]
        signer = _signer(sentence) if last_of_paragraph else None
        if signer is None:
            continue
        letter = [i for i in range(end) if paragraphs[i] == paragraphs[end]]
        if not letter and end:  # the signature on a line of its own, under its letter
            letter = [i for i in range(end) if paragraphs[i] == paragraphs[end - 1]]
        if not any(_FIRST_OR_SECOND_PERSON.search(sentences[i]) for i in letter):
            continue
        for i in letter:
            result[i] = result[i] or signer
    return result


def _answers(sentences, paragraphs, found):
    """found, with the sentences of an expert's answer given to the expert."""
    result, writer, opened_in = list(found), None, None
    for i, sentence in enumerate(sentences):
        opening = _ANSWER.match(sentence)
        new_paragraph = i and paragraphs[i] != paragraphs[i - 1]
        if opening:
            writer, opened_in = names.without_title(opening.group(1)), paragraphs[i]
        elif writer and new_paragraph and writer.split()[-1] in sentence:
            writer = None  # the note on who the writer is
        if not writer:
            continue
        signature = _signer(sentence)
        if signature and paragraphs[i] != opened_in:
            writer = None
        elif not signature:
            result[i] = result[i] or writer
    return result


def signed(sentences, paragraphs, found):
    """found, with the sentences of signed letters and answers given to their writers."""
    return _answers(sentences, paragraphs, _letters(sentences, paragraphs, found))
