"""Letters and signed entries: whose words each letter of a page, a mailbag or an exchange is.

A letters page opens each letter with a salutation ("Sir, -", "Dear Editor,"): the letter printed first is the
review, and the letters that answer it, and the editor's note under them, are other readers' words. A reader's letter
printed under the review, a columnist's mailbag, the other side's reply in an exchange of letters and the other
guests' entries in a guest book are theirs too.
"""

from __future__ import annotations

import re
from itertools import pairwise

from .layout_words import CAPITALS_HEADING, PARAGRAPH_BREAK, RULE_LINE

__all__ = ["others_letters"]

_UNDER_THE_REVIEW = 0.3  # a reader's letter printed under the review opens past this part of the text


def others_letters(text: str) -> list[tuple[int, int]]:
    """The spans of ``text`` that other letter writers and guests wrote: the letters after a letters page's first,
    a reader's letter under the review, a mailbag's readers' letters, the replies addressed to the first letter's
    writer, and a guest book's entries not signed by the critic."""
    spans = []
    if "Sir" in text or "Madam" in text or "Editor" in text:
        spans += _others_letters(text) + _readers_letter(text)
    if "Dear" in text:
        spans += _others_mailbag(text) + _others_replies(text)
    if _CRITICS_SIGNATURE.search(text):  # (a guest book's critic signs in any case: "FILM CRITIC")
        spans += _others_entries(text)
    return spans + _others_signed_paragraphs(text)


# a letters page: each letter opens with its salutation on a line of its own or before its first words ("Sir, -",
# "Dear Editor,", "Madam,"); the letter printed first ("Letter of the week") is the review, the rest answer it
_SALUTATION = re.compile(r"^[ \t]*(?:Sirs?|Madam|Dear[ \t]+(?:Sirs?|Madam|Editor|Editors)|To[ \t]+the[ \t]+Editor)"
                         r"[ \t]*[,:\u2014\u2013-][ \t]*-?", re.MULTILINE)


# ... unless the critic answers the letters under a line of their own ("THE CRITIC RESPONDS", "The reviewer replies:",
# "Hal Moore, our film critic, writes:"): then every letter is a reader's, and the reply the review
_CRITICS_REPLY = re.compile(r"^[^\w\n]*(?:(?:the|our)[ \t]+)?(?:film[ \t]+|movie[ \t]+)?(?:critic|reviewer)"
                            r"(?:['\u2019]s)?[ \t]+(?:replies|reply|responds|response|answers|writes)\b"
                            r"|^[ \t]*[^\n,]{2,60},[ \t]+(?:our|the)[ \t]+(?:film[ \t]+|movie[ \t]+)?"
                            r"(?:critic|reviewer),[ \t]+(?:writes|replies|responds|answers)\b",
                            re.IGNORECASE | re.MULTILINE)


def _others_letters(text: str) -> list[tuple[int, int]]:
    """On a letters page (two letters or more, each opened by a salutation), the letters after the first, with
    whatever the page prints after them (an editor's note): the other readers' claims and scores are theirs. When
    the critic's reply follows the letters, all of them up to it."""
    salutations = [s.start() for s in _SALUTATION.finditer(text)]
    if len(salutations) < 2:
        return []
    reply = _CRITICS_REPLY.search(text, salutations[1])
    if reply is not None:
        return [(salutations[0], reply.start())]
    return list(pairwise([*salutations[1:], len(text)]))


_HEADING_LINE = re.compile(rf"^{CAPITALS_HEADING.pattern}", re.MULTILINE)


def _readers_letter(text: str) -> list[tuple[int, int]]:
    """A reader's letter printed under the review (one salutation to the editor, past the text's first part): to its
    signature, else to its paragraph's end; the reader's claims and score are theirs, the reply under it the
    critic's."""
    salutations = list(_SALUTATION.finditer(text))
    if len(salutations) != 1 or salutations[0].start() < _UNDER_THE_REVIEW * len(text):
        return []
    start = salutations[0].start()
    heading = _HEADING_LINE.search(text, salutations[0].end())
    limit = heading.start() if heading else len(text)
    signed = next((line.end() for line in _SIGNATURE.finditer(text, start, limit) if _signs_off(text, line)), None)
    signed = signed or next((v.end() for v in _VALEDICTION.finditer(text, start, limit)), None)
    if signed is None:
        blank = PARAGRAPH_BREAK.search(text, salutations[0].end(), limit)
        signed = blank.start() if blank else limit
    return [(start, signed)]


# an exchange of letters: each opens "Dear <name>," on a line of its own, and the first closes with a valediction over
# its writer's name ("Yours faithfully," over "Rosalind Thwaite (Mrs)")
_DEAR = re.compile(r"^[ \t]*Dear[ \t]+(?P<who>[^,:\n]{2,40}?)[ \t]*[,:]?[ \t]*$", re.MULTILINE)
_VALEDICTION = re.compile(r"^[ \t]*(?:yours(?:[ \t]+(?:faithfully|sincerely|truly))?|(?:kind|best|warm)(?:est)?[ \t]+"
                          r"(?:regards|wishes)|regards|best|sincerely|thanks|cheers)[ \t]*,?[ \t]*\n(?:[ \t]*\n)?"
                          r"[ \t]*(?P<name>[^\n]{2,60})", re.IGNORECASE | re.MULTILINE)
_NAME_WORD = re.compile(r"(?<![\w'\u2019-])(?-i:[A-Z])[\w'\u2019-]{2,}")


def _others_replies(text: str) -> list[tuple[int, int]]:
    """In an exchange of letters, the letters addressed to the first letter's writer ("Dear Mrs Thwaite," under
    a complaint signed "Rosalind Thwaite"): the other side's reply, whose claims and corrections are theirs."""
    dears = list(_DEAR.finditer(text))
    if len(dears) < 2:
        return []
    signed = _VALEDICTION.search(text, dears[0].end(), dears[1].start())
    if signed is None:
        return []
    writer = set(_NAME_WORD.findall(signed["name"])) - _FORMS_OF_ADDRESS
    ends = [dear.start() for dear in dears[2:]] + [len(text)]
    return [(dear.start(), end) for dear, end in zip(dears[1:], ends, strict=True)
            if writer & set(_NAME_WORD.findall(dear["who"]))]


_FORMS_OF_ADDRESS = frozenset({"Mrs", "Miss", "Sir", "Madam", "Mister"})


# a mailbag: readers' letters to the columnist by name ("Dear Rosalind," on a line of its own), each a paragraph with
# its signature, each answered by the columnist in the paragraphs after it
_DEAR_COLUMNIST = re.compile(r"^[ \t]*Dear[ \t]+[A-Z][\w'\u2019.-]*(?:[ \t]+[A-Z][\w'\u2019.-]*)?[ \t]*,[ \t]*\n",
                             re.MULTILINE)


def _others_mailbag(text: str) -> list[tuple[int, int]]:
    """In a columnist's mailbag (two letters or more to the same name, each answered), the readers' letters: their
    claims, questions and scores are theirs, the answers between them the columnist's."""
    # (not a letters page's "Dear Editor,": its first letter is the review, :func:`_others_letters`)
    letters = []
    for dear in _DEAR_COLUMNIST.finditer(text):
        if not _SALUTATION.match(text, dear.start()):
            blank = PARAGRAPH_BREAK.search(text, dear.end())  # (the letter is its paragraph)
            letters.append((dear.start(), blank.end() if blank else len(text), dear.group().strip()))
    if len(letters) < 2 or len({name for _, _, name in letters}) > 1 or letters[-1][1] >= len(text.rstrip()):
        return []  # (one open letter, letters to several people, or no answer after the last: no mailbag)
    return [(start, end) for start, end, _ in letters]


# an entry's signature on a line of its own, after a tilde or a dash: "~ Dot & Phil Kowalski, Scranton PA",
# "— Marguerite Oyelaran, film critic, Hartford CT"
_SIGNATURE = re.compile(r"^[ \t]*(?:~|\u2014|\u2013|-{1,2})[ \t]*(?-i:[A-Z])[^\n]{0,100}$", re.MULTILINE)
_CRITICS_SIGNATURE = re.compile(r"\b(?:film[ \t]+|movie[ \t]+)?(?:critic|reviewer)\b", re.IGNORECASE)


def _signs_off(text: str, line: re.Match[str]) -> bool:
    """Whether a line opened by a tilde or a dash signs an entry off: a name and where they are from, not a sentence
    of a dashed list ("— Keanu, obviously. Still mourning.") nor a heading between dashes ("— PULL QUOTES —"), and
    a blank line or the end after it."""
    signed = line.group().strip()
    after = text.find("\n", line.end() + 1)
    return len(signed.split()) <= 12 and signed[-1] not in ".!?~-\u2014\u2013" \
        and not text[line.end():len(text) if after < 0 else after].strip()


def _others_entries(text: str) -> list[tuple[int, int]]:
    """In a guest book or a wall of signed cards (two signed entries or more), when one signature is a critic's, the
    other entries and the replies to them: the other guests' claims and scores are theirs."""
    signatures = [line for line in _SIGNATURE.finditer(text) if _signs_off(text, line)]
    critics = [s for s in signatures if _CRITICS_SIGNATURE.search(s.group())]
    if len(signatures) < 2 or len(critics) != 1:
        return []
    critic = critics[0]
    before = [s.end() for s in signatures if s.end() < critic.start()]
    rules = [r.end() for r in RULE_LINE.finditer(text, 0, critic.start())]
    start = max(before + rules, default=0)  # the critic's entry opens after the entry or the rule above it
    first_rule = next((r.end() for r in RULE_LINE.finditer(text, 0, signatures[0].start())), 0)
    return [(first_rule, start), (critic.end(), len(text))]


# a visitors' book's entry: a paragraph signed on its last line with a name and a town, no dash before them
# ("Lorraine, Huddersfield", "Jake (age 14), Rochdale", "Graham & Pat, Sowerby Bridge")
_NAME_AND_TOWN = re.compile(r"\n[ \t]*(?P<who>(?-i:[A-Z])[\w'\u2019.&() -]{0,40}?),[ \t]*"
                            r"(?-i:[A-Z])[\w'\u2019. -]{1,40}\s*\Z")
_ENTRIES_AT_LEAST = 3


def _others_signed_paragraphs(text: str) -> list[tuple[int, int]]:
    """In a visitors' book of paragraphs each signed with a name and a town (three or more, by two people or more),
    the paragraphs of anyone but its writer, the one who signs the most words (the review among the visitors'
    lines)."""
    if text.count(",") < _ENTRIES_AT_LEAST:
        return []
    signed: list[tuple[int, int, str]] = []
    start = 0
    for gap in [*PARAGRAPH_BREAK.finditer(text), None]:
        end = gap.start() if gap is not None else len(text)
        signature = _NAME_AND_TOWN.search(text, start, end)
        if signature is not None:  # (its "\n" says a line of the entry stands above the signature)
            signed.append((start, end, signature["who"].strip().lower()))
        start = gap.end() if gap is not None else len(text)
    words: dict[str, int] = {}
    for begin, end, who in signed:
        words[who] = words.get(who, 0) + len(text[begin:end].split())
    if len(signed) < _ENTRIES_AT_LEAST or len(words) < 2:
        return []
    writer = max(words, key=lambda who: words[who])
    return [(begin, end) for begin, end, who in signed if who != writer]

