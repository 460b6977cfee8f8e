"""Questions and their answers: a claim stated by answering "yes" (or a name) to a question about the film.

FAQ pages, podcasts and threads ask and answer: "Is Lance Reddick in it? / A: Yes, as Charon",
"Who directed JW4? / Chad Stahelski.", "When did it open? / March 24, 2023", "Does Keanu turn up? He
does not." The question alone is
filtered out like any question; here the *answer* decides. A yes-answer states the cast claim
(with a role when it says "as Y"); a name answering "who directed/wrote/plays" states that credit
or role; a no-answer states nothing. The evidence is the answer; the name comes from the question.
"""

from __future__ import annotations

import re

from .document import Document
from .gazetteer import CHARACTER, PERSON, Mention
from .layout_words import MONTH, PARAGRAPH_BREAK
from .links import is_possessive
from .markup import TICKED_BOX
from .patterns import Candidate

__all__ = ["answer_key", "answered_questions", "asked_spans", "key_answer", "unasked"]

_QUESTION_END = re.compile(r"\?[\"')\]]*(?:[ \t]*\([^()\n]{0,40}\)[ \t]*$)?", re.MULTILINE)  # "(tick all that apply)"
_ANSWER_GAP = re.compile(r"[ \t]*\n(?:[ \t]*\n)?[ \t>]*(?=\S)")  # to the next line, over one blank line
# what may stand between a question and its answer on one line: a flashcard's "/ BACK:", an arrow, a dash
_ON_THE_LINE = r"(?:(?:[/|\u2192\u2014\u2013]+|-{1,2}(?=[ \t]))[ \t]*)?"  # (a hyphen set apart: "Who directed it? - X")
_YES = re.compile(rf"\s*{_ON_THE_LINE}(?:[A-Za-z]{{1,12}}\s*:\s*)?(?:yes|yep|yeah|yup|sure|absolutely|of course|indeed|"
                  r"(?:he|she|they)\s+(?:is|was|does|did|are|were))\b[^.!?\n]{0,80}", re.IGNORECASE)
_NO = re.compile(rf"\s*{_ON_THE_LINE}(?:[A-Za-z]{{1,12}}\s*:\s*)?(?:no|nope|not|never|sadly not|"
                 r"(?:he|she|they)\s+(?:is|was|does|did|are|were)\s*n[o']t)\b",
                 re.IGNORECASE)
_WHO = re.compile(r"\b(?:who|which\s+(?:actor|actress|performer|star|director|writer))\s+(?:is\s+|was\s+)?"
                  r"(?P<verb>directed|directs|helmed|wrote|writes|scripted|plays|played|playing|voices|voiced)\b"
                  r"(?:\s+(?P<role>[^?\n]{1,60}))?(?:\?|\Z)", re.IGNORECASE)
# a credit asked by its agent or its job: "Night 2 was directed by...?", "Director of Nights 1 and 3?"
_BY_QUESTION = re.compile(r"\b(?P<verb>directed|written|scripted)\s+by\b[\s._\u2026-]*\?", re.IGNORECASE)
# a role's player asked after the role, named before the question or in the sentence before it on its line: "Santino's
# sister Gianna is played by...?", "The Adjudicator. Who plays them?", "Zero is a sushi chef. Who plays him?"
_PLAYER_QUESTION = re.compile(r"\b(?:played|portrayed|voiced)\s+by(?:\s+whom|\s+who)?[\s._\u2026-]*\?"
                              r"|\bwho\s+(?:plays|played|is\s+playing|portrays|portrayed|voices|voiced)\s+"
                              r"(?:him|her|them|it|(?:this|that|the)\s+(?:one|part|role|character))\s*\?",
                              re.IGNORECASE)
# a role's name asked after its player, named in the question or in the sentence before it on its line: "Halle Berry
# plays the manager. Character name?", "Anjelica Huston's character goes by what title?", "What's his character called?"
_PART_NAME_QUESTION = re.compile(r"\b(?:character|role|part)(?:['\u2019]s)?\s+(?:name|called)\b|\bgoes\s+by\b"
                                 r"|\b(?:what|which)\s+(?:name|title|character|role|part)\b"
                                 r"|\b(?:character|role|part)\b[^?\n]{0,40}\b(?:called|named)\s*\?", re.IGNORECASE)
# ("Q3. Same director as before?", "New writer this time?": a word or two before the job)
_JOB_QUESTION = re.compile(r"(?:^|[:\u2014\u2013]\s*|(?<=[.)]\s))"
                           r"(?:(?:q\d{1,2}[.:]?|same|the|a|new|different|another|how|many|credited|sole|main)\s+){0,2}"
                           r"(?:co-?)?(?P<verb>director|writer|screenwriter)s?\b"
                           r"(?!\s+of\s+photography)[^?\n]{0,40}\?", re.IGNORECASE | re.MULTILINE)
# "> who plays the marquis": a who-question on a line of its own, typed without its question mark
_BARE_WHO = re.compile(r"^[ \t>*-]*(?:q\s*[:.]\s*)?(?=(?:who|which)\b)[^?\n]{8,80}$", re.IGNORECASE | re.MULTILINE)
# between the names of a list, after an aside on the name before ("Derek Kolstad (who also has the story credit), B")
_NAME_ASIDE = r"(?:\s*\([^()\n]{1,60}\))?"
_LIST_JOIN = re.compile(rf"{_NAME_ASIDE}\s*(?:,\s*(?:and\s+)?|&|and)\s*", re.IGNORECASE)
# an answer's label: "A.", "Answer:", and as a quiz labels its key, "The answer:", "Correct answer:", "Right answer -"
_ANSWER_WORD = r"(?:a|(?:the[ \t]+)?(?:(?:correct|right|real)[ \t]+)?answer)"
_ANSWER_LABEL = re.compile(rf"\s*(?:\d{{1,4}}\s+)?{_ANSWER_WORD}\s*[.:\u2014-]?\s*", re.IGNORECASE)
_IN_IT = re.compile(r"\b(?:is|was|are|does|did)\b[^?]{0,80}\?", re.IGNORECASE)


def answered_questions(doc: Document, key: list[tuple[int, int, int, int]]) -> list[Candidate]:
    """Candidates for claims stated by the answer to a question in ``doc``, and by a quiz's answer ``key``
    (:func:`answer_key`)."""
    found: list[Candidate] = []
    ends = [(m.start(), m.end()) for m in _QUESTION_END.finditer(doc.text)]
    if "who" in doc.lower or "which" in doc.lower:
        ends += [(m.end(), m.end()) for m in _BARE_WHO.finditer(doc.text) if _WHO.search(doc.text, m.start(), m.end())]
    for mark, answer_start in sorted(ends):
        q_start, _ = doc.sentence(max(mark - 1, 0))
        q_start = max(q_start, doc.line(mark)[0])
        gap = _ANSWER_GAP.match(doc.text, answer_start)  # the answer may open the next paragraph
        a_start, a_end = doc.sentence(min(gap.end() if gap else answer_start + 1, len(doc.text) - 1))
        a_start = max(a_start, answer_start)
        if _ANSWER_LABEL.fullmatch(doc.text, a_start, a_end) and a_end < len(doc.text):
            a_end = doc.sentence(a_end)[1]  # "A.  Chad Stahelski.": the label's full stop ends no answer
        answer = doc.text[a_start:a_end]
        if not answer.strip() or _NO.match(answer) or answer.rstrip(" \t\n\"'\u201d").endswith("?"):
            continue  # (an answer asked back is a guess: "who played Viggo, right? Michael Nyqvist?")
        mentions = doc.mentions_between(q_start, mark)
        who = _WHO.search(doc.text, q_start, answer_start) or _BY_QUESTION.search(doc.text, q_start, answer_start) \
            or _JOB_QUESTION.search(doc.text, q_start, answer_start)
        when = _WHEN.search(doc.text, q_start, answer_start)
        if who is not None:
            candidate = _who_answer(doc, who, a_start, a_end)
        elif when is not None and not _mentions_person(mentions):  # not "What year was Keanu born?"
            candidate = _when_answer(doc, a_start, a_end)
        elif _FRANCHISE.search(doc.text, q_start, answer_start) and not _mentions_person(mentions):
            candidate = _franchise_answer(doc, a_start, a_end)
        elif (role := _asked_role(doc, q_start, mark, mentions)) is not None:
            candidate = _role_answer(doc, role, a_start, a_end)
        else:
            candidate = _yes_answer(doc, mentions, a_start, a_end, _IN_IT.search(doc.text, q_start, answer_start))
        if candidate is None and (_PLAYER_QUESTION.search(doc.text, q_start, answer_start)
                                  or _PART_NAME_QUESTION.search(doc.text, q_start, answer_start)):
            candidate = _other_half_answer(doc, doc.mentions_between(doc.line(mark)[0], mark), a_start, a_end)
        if candidate is not None:
            found.append(candidate)
    return found + [c for c in (key_answer(doc, *pair) for pair in key) if c is not None]


# A quiz's answer key under its numbered questions: "Answers: 1. Michael Nyqvist 2. Iosef 3. 2014", or one item a line
_KEY_HEAD = re.compile(r"^[ \t*#_>-]*(?:the[ \t]+)?(?:answers?(?:[ \t]+key)?|answer[ \t]+sheet|solutions?)\b"
                       r"[^\n:]{0,30}:?[ \t]*", re.IGNORECASE | re.MULTILINE)
_QUESTION_ITEM = re.compile(r"^[ \t]*(?:q(?:uestion)?[ \t]*)?(?P<n>\d{1,2})[.):][ \t]+(?P<question>[^\n]+)",
                            re.IGNORECASE | re.MULTILINE)
# (a number after "Q" needs no mark after it: "Answer key: Q1 T, Q2 F")
_KEY_ITEM = re.compile(r"(?:^|(?<=\s))(?:q[ \t]*)?(?P<n>\d{1,2})(?:[.):]|(?<=[qQ]\d)|(?<=[qQ]\d\d))[ \t]+",
                       re.IGNORECASE | re.MULTILINE)
# a key's answer to a true-or-false item: the item states what it says ("1. T", "2) True", "Q3 ✓")
_TRUE_ANSWER = re.compile(r"[ \t]*(?:t|true|\u2713|\u2714)(?![\w'])", re.IGNORECASE)
_KEY_OPENING = re.compile(r"[ \t\"'\u201c]*(?:the[ \t]+)?", re.IGNORECASE)  # before the answer's name
# what a question asks of its answer: a part ("who plays", "which character", "name the character"), a credit
_ASKS_PART = re.compile(r"\b(?:plays?|played|playing|player|portrays?|voices?|character|role|part|as\s+which|"
                        r"as\s+who)\b",
                        re.IGNORECASE)
_ASKS_DIRECTOR = re.compile(r"\b(?:direct\w*|helm\w*)\b", re.IGNORECASE)
_ASKS_WRITER = re.compile(r"\b(?:wr[io]te|writ\w*|screenwriters?|screenplay|script\w*|penned)\b", re.IGNORECASE)
_ASKS_YEAR = re.compile(r"\b(?:year|when)\b", re.IGNORECASE)
_KEY_LIST_JOIN = re.compile(rf"{_NAME_ASIDE}\s*(?:,\s*(?:and\s+|or\s+)?|&|and|or)\s*", re.IGNORECASE)


def asked_spans(doc: Document, key: list[tuple[int, int, int, int]]) -> list[tuple[int, int]]:
    """The spans inside the numbered questions of a quiz's answer ``key`` that ask and claim nothing ("12. In which
    later chapter does X first turn up as the Bowery King?"): not a true-or-false item the key marks true, which
    states what it says ("1. X returns as Y.  T  F" over "1. T"), nor a word problem's setup (:func:`_task_start`)."""
    return [(_task_start(doc, q_start, q_end), q_end) for q_start, q_end, a_start, a_end in key
            if not _TRUE_ANSWER.fullmatch(doc.text, a_start, a_end)]


def unasked(candidates: list[Candidate], asked: list[tuple[int, int]]) -> list[Candidate]:
    """``candidates`` but those inside the ``asked`` spans (:func:`asked_spans`); an answer's own claim stays."""
    return [c for c in candidates if c.rule == "qa-answer" or not any(q_start <= c.start < q_end
                                                                       for q_start, q_end in asked)]


def answer_key(doc: Document) -> list[tuple[int, int, int, int]]:
    """``(question start, question end, answer start, answer end)`` for each numbered question that an answer
    key below it answers by its number."""
    heads = list(_KEY_HEAD.finditer(doc.text)) if "answer" in doc.lower or "solution" in doc.lower else []
    if not heads:
        return []
    head = heads[-1]  # the key comes after the questions
    questions = {int(m["n"]): m.span("question") for m in _QUESTION_ITEM.finditer(doc.text, 0, head.start())}
    if not questions:
        return []
    body = len(doc.text[head.end():]) - len(doc.text[head.end():].lstrip())
    end = PARAGRAPH_BREAK.search(doc.text, head.end() + body)
    key_end = end.start() if end else len(doc.text)
    items = list(_KEY_ITEM.finditer(doc.text, head.end(), key_end))
    pairs = []
    ends = [m.start() for m in items[1:]] + [key_end]  # each answer runs to the next item, the last to the key's end
    for item, a_end in zip(items, ends[:len(items)], strict=True):  # (a head with no item under it answers nothing)
        if int(item["n"]) in questions:
            pairs.append((*questions[int(item["n"])], item.end(), _trim_end(doc.text, item.end(), a_end)))
    return pairs


# a word problem's task after its setup: a question, or an instruction ("Work out its value after 2 years.")
_TASK = re.compile(r"[ \t\"'(]*(?:work\s+out|find|calculate|write|show|give|name|explain|estimate|round|express|"
                   r"simplify|solve|convert|list|state|identify|circle|tick|complete|fill|draw|sketch|plot|prove|use|"
                   r"what|which|who|how|when|where|why)\b|[^\n]*\?", re.IGNORECASE)
# ... whose task asks for a part or a credit of what the setup names
_ASKS_OF_SETUP = re.compile(r"\b(?:name|which|what|who)\b[^.?!\n]{0,30}\b(?:character|role|part|actor|actress|"
                            r"director|writer|year)\b|\bwho\s+(?:plays|played|directed|wrote)\b", re.IGNORECASE)
# an item that asks whether what it states is so: "1. X returns as Y.  T  F", "Keanu plays Viggo. True or false?"
_TRUE_OR_FALSE = re.compile(r"\bT[ \t]+F\b|\b(?:true|fact|right)[ \t]+or[ \t]+(?:false|fiction|wrong)\b", re.IGNORECASE)


def _task_start(doc: Document, q_start: int, q_end: int) -> int:
    """Where a numbered item's task starts: a word problem's setup states what it says ("Q1. In the 2014 film John
    Wick, Keanu Reeves plays a retired hitman. John drives 18 miles ... How many minutes ...?"), and only its
    question or instruction asks; a true-or-false item asks all it says."""
    if _TRUE_OR_FALSE.search(doc.text, q_start, q_end):
        return q_start
    position = q_start
    while position < q_end:
        start, end = doc.sentence(position)
        start = max(start, q_start)
        if _TASK.match(doc.text[start:min(end, q_end)]):
            # (a task that asks for a part or a credit of what the setup names asks it all: "1) Lance Reddick plays
            # the concierge. Name the character.")
            return q_start if _ASKS_OF_SETUP.search(doc.text, start, q_end) else start
        position = max(end, position + 1)
    return q_start


def key_answer(doc: Document, q_start: int, q_end: int, a_start: int, a_end: int,
               referred: tuple[Mention, ...] = ()) -> Candidate | None:
    """The claim a key's answer makes with its question: "Who plays Winston?" / "5. Ian McShane", "X plays the
    concierge. Name the character." / "6. Charon", "In what year ...?" / "3. 2014"; a crossword's clue and solution
    alike ("Alfie Allen's spoiled brat (5) \u2014 IOSEF"), whose clue may refer to another entry's solution
    (``referred``: "Star who plays 1 Across" is the role that solves 1 Across)."""
    asked = [*doc.mentions_between(q_start, q_end), *referred]
    answer = doc.mentions_between(a_start, a_end)
    first = answer[0] if answer and _KEY_OPENING.fullmatch(doc.text, a_start, answer[0].start) else None
    question = doc.text[q_start:q_end]
    if first is None:
        return _when_answer(doc, a_start, a_end) if _ASKS_YEAR.search(question) else None
    if first.mask & PERSON and not first.mask & CHARACTER:
        listed = [first]
        for name in answer[1:]:
            if not (name.mask & PERSON) or not _KEY_LIST_JOIN.fullmatch(doc.text[listed[-1].end:name.start]):
                break
            listed.append(name)
        people = {"person": [(m.start, m.end) for m in listed]}
        verb = _ASKS_PART.search(question)
        # the part asked about: the first role after the verb that is not a possessive ("who plays John's wife, Helen")
        roles = [m for m in asked if verb and m.mask & CHARACTER
                 and (m.start >= q_start + verb.start() or m in referred) and not is_possessive(doc.text, m.end)]
        if roles:
            return Candidate("qa-answer", "cast", first.start, first.end,
                             parts={"actor": [(first.start, first.end)], "character": [(roles[0].start, roles[0].end)]})
        if _ASKS_WRITER.search(question):
            return Candidate("qa-answer", "writer", first.start, listed[-1].end, parts=people)
        if _ASKS_DIRECTOR.search(question):
            return Candidate("qa-answer", "director", first.start, listed[-1].end, parts=people)
        return None
    actors = [m for m in asked if m.mask & PERSON and not m.mask & CHARACTER]
    # the player asked about, or named as the role's owner: "Alfie Allen's spoiled brat" is the part he plays
    if first.mask & CHARACTER and len(actors) == 1 and (_ASKS_PART.search(question)
                                                        or is_possessive(doc.text, actors[0].end)):
        return Candidate("qa-answer", "cast", first.start, first.end,
                         parts={"actor": [(actors[0].start, actors[0].end)], "character": [(first.start, first.end)]})
    return None


def _yes_answer(doc: Document, mentions: list[Mention], a_start: int, a_end: int,
                about_presence: re.Match[str] | None) -> Candidate | None:
    yes = _YES.match(doc.text, a_start, a_end)
    actors = [m for m in mentions if m.mask & PERSON and not m.mask & CHARACTER]
    if yes is None or about_presence is None or len(actors) != 1:
        return None
    actor = actors[0]
    parts = {"actor": [(actor.start, actor.end)]}
    end = yes.end()
    as_role = re.search(r"\bas\s+", doc.text[a_start:end])
    named = _ROLE_NAMED.match(doc.text, yes.start(), end) if as_role is None else None
    at = a_start + as_role.end() if as_role else named.end() if named else None
    if at is not None:
        mention = doc.by_start.get(at) or doc.by_start.get(at + 4 if doc.text[at:at + 4].lower() == "the " else at)
        if mention is not None and mention.mask & CHARACTER:
            parts["character"] = [(mention.start, mention.end)]
            end = mention.end
    start = a_start + len(doc.text[a_start:end]) - len(doc.text[a_start:end].lstrip())
    return Candidate("qa-answer", "cast", start, _trim_end(doc.text, start, end), parts=parts)


# a question that is a role alone, maybe described, asks who plays it: "Zero?", "FRONT: Sofia, Casablanca
# Continental, two dogs?", "Q3. The Adjudicator?" (after a card's or a question's label)
_ROLE_QUESTION_OPENING = re.compile(r"[ \t>*-]*(?:\d{1,3}[.)]?[ \t]+)?(?:(?:front|q(?:uestion)?[ \t]*\d{0,3})"
                                    r"(?:[ \t]*\([^()\n]{0,30}\))?[ \t]*[:.][ \t]*)?(?:the[ \t]+)?", re.IGNORECASE)
_NEGATION = re.compile(r"\b(?:not|never|no)\b|n['\u2019]t\b", re.IGNORECASE)


def _asked_role(doc: Document, q_start: int, mark: int, mentions: list[Mention]) -> Mention | None:
    """The role a question asks the player of when it is the role alone, maybe described, and names no one."""
    if not mentions or _mentions_person(mentions) or not mentions[0].mask & CHARACTER \
            or not _ROLE_QUESTION_OPENING.fullmatch(doc.text, q_start, mentions[0].start):
        return None
    # (not a role named as the owner of the one asked: "Santino's sister Gianna is played by...?")
    return next((m for m in mentions if m.mask & CHARACTER and not is_possessive(doc.text, m.end)), None)


def _role_answer(doc: Document, role: Mention, a_start: int, a_end: int) -> Candidate | None:
    """The cast claim of an answer that opens with a name to a question asking a role's player ("Zero? / Mark
    Dacascos"); none when the answer denies ("Zero? Not Donnie Yen, anyway")."""
    names = [m for m in doc.mentions_between(a_start, a_end) if m.mask & PERSON and not m.mask & CHARACTER]
    if not names or not _ANSWER_OPENING.fullmatch(doc.text, a_start, names[0].start) \
            or _NEGATION.search(doc.text, a_start, a_end):
        return None
    name = names[0]
    return Candidate("qa-answer", "cast", name.start, name.end,
                     parts={"actor": [(name.start, name.end)], "character": [(role.start, role.end)]})


def _other_half_answer(doc: Document, asked: list[Mention], a_start: int, a_end: int) -> Candidate | None:
    """The cast claim of an answer that names the other half of a pair the question's line names one half of: the
    player of the last role named ("The Adjudicator. Who plays them? \u2192 Asia Kate Dillon"), or the role of the one
    player named ("Halle Berry plays the manager. Character name? \u2192 Sofia")."""
    answer = doc.mentions_between(a_start, a_end)
    if not answer or not _ANSWER_OPENING.fullmatch(doc.text, a_start, answer[0].start) \
            or _NEGATION.search(doc.text, a_start, a_end):
        return None
    first = answer[0]
    players = [m for m in asked if m.mask & PERSON and not m.mask & CHARACTER]
    if first.mask & PERSON and not first.mask & CHARACTER:
        roles = [m for m in asked if m.mask & CHARACTER and not is_possessive(doc.text, m.end)]
        if not roles or players:
            return None
        player, role = first, roles[-1]
    elif first.mask & CHARACTER and len(players) == 1:
        player, role = players[0], first
    else:
        return None
    return Candidate("qa-answer", "cast", first.start, first.end,
                     parts={"actor": [(player.start, player.end)], "character": [(role.start, role.end)]})


# "yep, Bowery King again": the yes names the role straight away
_ROLE_NAMED = re.compile(r"\s*(?:[A-Za-z]{1,12}\s*:\s*)?(?:yes|yep|yeah|yup|sure|absolutely|of course|indeed)\b"
                         r"[\s,!:\-\u2014]*(?:(?:he|she|they)\s+(?:is|was|plays|played)\s+)?", re.IGNORECASE)


# what may open an answer before the name: its label ("A:", "A.", "Answer:"), a ticked box ("[x]"), a form of
# address ("Mr.") and a copula's subject ("It is", "The actor is")
_ANSWER_OPENING = re.compile(rf"[ \t\n]*{_ON_THE_LINE}(?:\d{{1,4}}[ \t]+)?"
                             rf"(?:(?:{_ANSWER_WORD}|back)[ \t]*[:.\u2014-]?[ \t]*)?"
                             rf"(?:(?:{TICKED_BOX}|[\u2713\u2714])[ \t]*)?"  # a form's ticked box, a quiz's tick
                             # a count answering "how many": "Four on the screenplay: A, B, C, D"
                             r"(?:(?:one|two|three|four|five|six|\d)\b[^:\n]{0,25}:[ \t]*)?"
                             # a yes that confirms the question, then the name: "Same director? A. Yes \u2014 X again."
                             r"(?:(?:yes|yep|yeah|indeed)[ \t]*[,:\u2014\u2013-]+[ \t]*)?"
                             r"(?:(?:mr|mrs|ms|miss|dr|sir|mister)\.?[ \t]+)?"
                             # the name as a sentence's complement: "It is Ian McShane", "The actor is Common"
                             r"(?:(?:it|that)(?:['\u2019]s|[ \t]+(?:is|was))[ \t]+"
                             r"|(?:the[ \t]+)?(?:actor|actress|answer|director|writer|writers)[ \t]+(?:is|are|was|were)"
                             r"[ \t]+)?", re.IGNORECASE)


def _who_answer(doc: Document, who: re.Match[str], a_start: int, a_end: int) -> Candidate | None:
    names = [m for m in doc.mentions_between(a_start, a_end) if m.mask & PERSON and not m.mask & CHARACTER]
    if not names or not _ANSWER_OPENING.fullmatch(doc.text, a_start, names[0].start):
        return None  # the answer must start with the name ("A: Chad Stahelski", "A.  Mr. Stahelski.")
    # the answer is the names alone, joined as a list ("Shay Hatten and Michael Finch")
    listed = [names[0]]
    for name in names[1:]:
        # (not a describing phrase's owner: "Chad Stahelski, Keanu's old stunt double")
        if not _LIST_JOIN.fullmatch(doc.text[listed[-1].end:name.start]) or is_possessive(doc.text, name.end):
            break
        listed.append(name)
    name = listed[0]
    verb = who.group("verb").lower()
    start = name.start  # the evidence is the names, not the answer's label ("BACK:" is no reprise cue)
    people = {"person": [(m.start, m.end) for m in listed]}
    if verb.startswith(("direct", "helm")):
        return Candidate("qa-answer", "director", start, listed[-1].end, parts=people)
    if verb.startswith(("wr", "script", "screen")):
        return Candidate("qa-answer", "writer", start, listed[-1].end, parts=people)
    role_text = who.groupdict().get("role") or ""  # a credit question names no role
    # the part asked about, not a role named in its description as someone's ("who plays John's old friend, Caine")
    role = next((m for m in doc.mentions_between(who.start("role"), who.end()) if m.mask & CHARACTER
                 and not is_possessive(doc.text, m.end)), None) if role_text else None
    if role is None:
        return None
    return Candidate("qa-answer", "cast", start, name.end,
                     parts={"actor": [(name.start, name.end)], "character": [(role.start, role.end)]})


# "When did it come out?", "What year was this?", "Which year is it from?", "Release year?"
_WHEN = re.compile(r"(?:\bwhen\b[^?]{0,40}\b(?:released|release|come out|came out|out|open|opened|premiere|premiered|"
                   r"hit|arrive|arrived|land|landed)\b[^?]{0,40}|\b(?:what|which)\s+year\b[^?]{0,40}|"
                   r"(?:^|:)[ \t]*(?:release\s+)?year)\?", re.IGNORECASE | re.MULTILINE)
_DATE_ANSWER = re.compile(rf"\s*{_ON_THE_LINE}(?:[A-Za-z]{{1,12}}\s*:\s*|a\.\s*)?"
                          r"(?:(?:it\s+)?(?:came out|opened|premiered|was released)\s+)?"
                          r"(?:(?:on|in)\s+)?(?:(?:early|late|mid)\s+)?"
                          rf"(?:{MONTH}\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?"
                          rf"|\d{{1,2}}\s+{MONTH},?\s+)?"
                          r"(?P<year>19[5-9]\d|20[0-4]\d)\b", re.IGNORECASE)


def _when_answer(doc: Document, a_start: int, a_end: int) -> Candidate | None:
    """"When did it come out? / A: March 24, 2023 in the US": a date answering a release question."""
    date = _DATE_ANSWER.match(doc.text, a_start, a_end)
    if date is None:
        return None
    start = a_start + len(doc.text[a_start:date.end()]) - len(doc.text[a_start:date.end()].lstrip())
    candidate = Candidate("qa-answer", "release_year", start, date.end())
    candidate.year = int(date.group("year"))
    return candidate


# "Is it part of the John Wick universe?", "Is this a John Wick movie?", "Does it belong to the Wick series?"
_FRANCHISE = re.compile(r"\b(?:(?:part|piece)\s+of|in|within|belongs?\s+to|set\s+in|connected\s+to|canon\s+in|a|an)"
                        r"\s+(?:the\s+)?(?:John\s+)?Wick(?:['\u2019]s)?\s+(?:franchise|series|saga|universe|world|canon|"
                        r"continuity|films?|movies?|spin-?off|timeline)\b|\bWick-?verse\b", re.IGNORECASE)


def _mentions_person(mentions: list[Mention]) -> bool:
    return any(m.mask & PERSON and not m.mask & CHARACTER for m in mentions)


def _franchise_answer(doc: Document, a_start: int, a_end: int) -> Candidate | None:
    """"Is it part of the John Wick universe? / Yes, a spin-off": a yes makes the work a member."""
    yes = _YES.match(doc.text, a_start, a_end)
    if yes is None:
        return None
    start = a_start + len(doc.text[a_start:yes.end()]) - len(doc.text[a_start:yes.end()].lstrip())
    return Candidate("qa-answer", "franchise_member", start, _trim_end(doc.text, start, yes.end()))


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \t\n,;:":
        end -= 1
    return end
