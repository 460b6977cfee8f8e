"""Scope filters at clause level: the block rules of ``rules.jsonl`` (negation, modality, questions,
attribution, other works, bylines) applied around each candidate claim.

Each block rule names its scope: the clause or sentence before the candidate, what directly follows
it, the candidate's own span, the clause around it, its sentence or its line. A sentence or line verdict depends only on
that sentence or line, so it is computed once per filter; every look is bounded (``_SCOPE_REACH``)
so that a review on one long line is still filtered in linear time.
"""

from __future__ import annotations

import re

from .casing import finditer, search
from .document import Document
from .endorsements import endorsed
from .film import place_in_series
from .gazetteer import CHARACTER, PERSON, WORK
from .patterns import Candidate, Rule, RuleSet

__all__ = ["is_blocked"]


def _weak_work(doc: Document, start: int) -> bool:
    """A mention whose work readings are all weak, which also names a character or the hotel."""
    mention = doc.by_start.get(start)
    if mention is None:
        return False
    works = mention.of_kind(WORK)
    if not works or not all(e.weak for e in works) or mention.mask & PERSON:
        return False
    # "Caine" or "John Wick" in a sentence is first the character; "the Continental" the hotel
    return bool(mention.mask & CHARACTER) or doc.text[mention.start:mention.end].lower().split()[-1] == "continental"


# How far a filter looks around a candidate at most: sentences and lines longer than this (a whole
# review on one line) are read in a window, so filtering stays linear in the text's length.
_SCOPE_REACH = 1500


def is_blocked(doc: Document, candidate: Candidate, rules: RuleSet) -> bool:
    """Whether a block rule (negation, hypothetical, question, byline, other work...) drops ``candidate``."""
    sentence = doc.sentence(candidate.start)  # found once for all the filters
    if candidate.rule.startswith("layout-"):
        # a table row or a credits line is a unit of its own: the heading line above it is no clause of its sentence
        # ("HOME: WICK UNITED (he does not need anyone)" over "No. 9  Keanu Reeves ........ John Wick")
        sentence = max(sentence[0], doc.line(candidate.start)[0]), sentence[1]
    for block in rules.blocks_for(candidate):
        if block.scope in ("sentence", "line", "main_clause"):
            # these depend only on the sentence (up to a relative clause on another noun) or the line, so each is
            # read once per filter
            span = doc.line(candidate.start) if block.scope == "line" else sentence
            if block.scope == "main_clause":
                span = span[0], _main_clause_end(doc, candidate)
            key = (block.id, span[0] if span[1] - span[0] <= _SCOPE_REACH else candidate.start, span[1])
            if key not in doc.verdicts:
                doc.verdicts[key] = _blocks(doc, candidate, block, sentence[0])
            if doc.verdicts[key]:
                return True
            continue
        if _blocks(doc, candidate, block, sentence[0]):
            return True
    return False


# A conditional closed before a claim that supposes nothing of it: one about the reader ("If you have somehow missed
# all of this: X is back as Y"), or a hedge on the writer's memory ("if memory serves, it opens with Keanu back")
_CLOSED_CONDITIONAL = re.compile(r"\b(?:if|in\s+case)\s+(?:you(?:['\u2019](?:ve|re|d))?\b|"
                                 # "If it's somehow passed you by:", "if this all went over your head,"
                                 r"(?:it|this|that)\b[^,:;\u2014\n]{0,40}\b(?:you|your)\b|"
                                 r"(?:my\s+)?memory\s+serves\b|i\s+(?:remember|recall)\s+(?:right|rightly|correctly)\b|"
                                 r"i(?:['\u2019]m|\s+am)\s+not\s+mistaken\b)"
                                 r"[^,:;\u2014\n]{0,80}[,:;\u2014]", re.IGNORECASE)
_RELATIVE_OPEN = re.compile(r",\s+(?:who|which|whose|whom)\b[^,]*\Z", re.IGNORECASE)
# an aside opened right after a name: "Ian McShane, never one to hurry, plays Winston", "X, no stranger to stunts,"
_ASIDE_OPEN = re.compile(r",\s+[^,;.!?()]*\Z")
_ASIDE_CLOSES = (",", ":", " - ", " \u2013 ", " \u2014 ")
# ... unless the aside speaks of the person's presence: "Ian McShane, sadly not in this one, ..."
_PRESENCE = re.compile(r"\b(?:in\s+(?:this|it|here|the\s+(?:film|movie|show|sequel|cast))|here|back|return\w*|"
                       r"appear\w*|involved|credited|cast|this\s+(?:one|time)|anymore|any\s+more|missing|absent)\b",
                       re.IGNORECASE)


def _outside_asides(doc: Document, regex: re.Pattern[str], twin: re.Pattern[str] | None, view: str,
                    lower: str | None, start: int, end: int) -> re.Match[str] | None:
    """The first match in ``view[start:end]`` that is not inside an aside: "Chad Stahelski (who never forgets a
    stunt) directs", "Ian McShane, who was expected to steal it, plays Winston", "X, never one to hurry, plays Y" —
    the aside's words describe the person, they do not negate or hedge the claim (unless they speak of the person's
    presence: "X, sadly not back this time, ...")."""
    for match in finditer(regex, twin, view, lower, start, end):
        opened = view.rfind("(", start, match.start())
        bracketed = opened >= 0 and view.find(")", opened, match.start()) < 0 and view.find(")", match.end(), end) >= 0
        # the aside closes at a comma, or at the colon or the dash before an entry's player ("Koji, who will not give
        # John up:", "Aurelio, the chop-shop owner who won't fix the car - John Leguizamo")
        closed = min((at for at in (view.find(mark, match.end(), end) for mark in _ASIDE_CLOSES) if at >= 0),
                     default=-1)
        relative = _RELATIVE_OPEN.search(view, start, match.start()) is not None and closed >= 0
        aside = _ASIDE_OPEN.search(view, start, match.start())
        apposed = aside is not None and closed >= 0 and aside.start() in _name_ends(doc, start, aside.start()) \
            and not _PRESENCE.search(view, aside.start(), closed)
        if not (bracketed or relative or apposed):
            return match
    return None


def _after_closed_quotations(view: str, start: int, end: int) -> int:
    """Where the last quotation in ``view[start:end]`` closes, when every quotation opened there is closed and a mark
    sets it off from what follows (a title's colon, a comma, a dash; not a quoted name that is the subject of a verb:
    '"High Table for Six" guessed ...'); else ``start``."""
    straight = view.count('"', start, end)
    opened, closed = view.count("\u201c", start, end), view.count("\u201d", start, end)
    if straight % 2 or opened != closed or not (straight or closed):
        return start
    last = max(view.rfind('"', start, end), view.rfind("\u201d", start, end)) + 1
    return last if _SET_OFF.match(view, last, end) else start


_SET_OFF = re.compile(r"[ \t]*(?:[:,;\u2014\u2013]|-{1,2}[ \t])")


def _name_ends(doc: Document, start: int, end: int) -> set[int]:
    """Where the mentions starting in ``[start, end)`` end."""
    return {m.end for m in doc.mentions_between(start, end)}


_CLAUSE_MARKS = (",", ";", ":", "(", ")", " - ", "\u2014", "\u2013")  # (" - ": a dash in the folded view)


# Someone's claim or question reported after the candidate in its sentence: a denial in the next sentence answers it
# ("X arrives as Y, and staff have asked whether Z. It is not.")
_LATER_REPORT = re.compile(r"\b(?:where|when|who|which|though|but|because|and)\b[^.!?\n]{0,40}?\b(?:insist(?:s|ed)?|"
                           r"sa(?:id|ys)|claim(?:s|ed)?|thought|thinks|believe[sd]?|argue[sd]?|swore|swears|"
                           r"reckon(?:s|ed)?|suggest(?:s|ed)?|(?:ask(?:s|ed|ing)?|wonder(?:s|ed|ing)?)\s+(?:whether|if))\b",
                           re.IGNORECASE)


def _may_hold(doc: Document, block: Rule, candidate: Candidate, sentence_start: int) -> bool:
    """Whether the text a filter reads (the candidate's sentence and line) holds one of its ``needs``: a cheap
    test that spares the regex most sentences ("?" for a question)."""
    if not block.needs or block.scope == "next_sentence" or len(doc.lower) != len(doc.text):
        return True
    line_start, line_end = doc.line(candidate.start)
    # (no further than the filters themselves look: a review on one long line stays linear)
    low = max(min(line_start, sentence_start), candidate.start - _SCOPE_REACH)
    high = min(max(line_end, doc.sentence(max(candidate.end - 1, candidate.start))[1]), candidate.end + _SCOPE_REACH)
    return any(doc.lower.find(need, low, high) >= 0 for need in block.needs)


def _plays_here(doc: Document, candidate: Candidate) -> bool:
    """Whether the candidate's player plays its role in the reviewed work, by the reference."""
    actors = [doc.by_start.get(start) for start, _ in candidate.parts.get("actor", [])]
    roles = [doc.by_start.get(start) for start, _ in candidate.parts.get("character", [])]
    return any((a.iri, r.iri) in doc.film_performances for actor in actors if actor for a in actor.of_kind(PERSON)
               for role in roles if role for r in role.of_kind(CHARACTER))


def _role_here(doc: Document, candidate: Candidate) -> bool:
    """Whether the candidate's role is a role of the reviewed work, by the reference."""
    roles = [doc.by_start.get(start) for start, _ in candidate.parts.get("character", [])]
    return any(r.iri in doc.film_roles for role in roles if role for r in role.of_kind(CHARACTER))


def _opens_as_topic(doc: Document, candidate: Candidate, sentence_start: int) -> bool:
    """Whether ``candidate`` is a casting in prose that opens its sentence with its player, as a fragment that raises a
    topic does: "Common as Cassian?? The subway fight is top five", "Colin Woodell as baby Winston? Surprisingly good"
    (a form's "Winston: Ian McShane?" puts the role first, and its doubt stands)."""
    actors = candidate.parts.get("actor", [])
    return candidate.type == "cast" and not candidate.rule.startswith("layout-") and bool(actors) \
        and actors[0][0] == candidate.start and not doc.text[sentence_start:candidate.start].strip(" \t\n*_>#-\u2022")


# what opens an apposition after a role, in which its player is named: a comma or a bracket
_APPOSITION_AFTER_ROLE = re.compile(r"\s*[,(]")
# ... which no colon or sentence's end breaks before the player ("he is Charon, bless him: Ian McShane" is an
# afterthought, said under the verb before it)
_APPOSITION_BREAK = re.compile(r"[:;!?\n]")


def _apposed_casting(doc: Document, candidate: Candidate) -> bool:
    """Whether ``candidate`` names its role first and its player in an apposition set off after it, which the clause
    around it presupposes rather than asserts: "It does not give Helen, played by Bridget Moynahan, a backstory",
    "he may only win by defeating the Marquis, a functionary to whom Bill Skarsgård lends disdain"."""
    roles, actors = candidate.parts.get("character", []), candidate.parts.get("actor", [])
    return candidate.type == "cast" and len(roles) == 1 and len(actors) == 1 and roles[0][0] == candidate.start \
        and roles[0][1] < actors[0][0] and _APPOSITION_AFTER_ROLE.match(doc.text, roles[0][1]) is not None \
        and _APPOSITION_BREAK.search(doc.text, roles[0][1], actors[0][0]) is None


# A question's opening that asserts the name after it: a negative auxiliary before its subject ("Isn't ", "And
# wasn't it ", "Doesn't his old partner ") or an answer given as the only one ("Who else but ", "who other than ")
_RHETORICAL_OPENING = re.compile(r"[\W\d_]*(?:(?:and|but|so|or|then|now|well|oh|honestly)\W+)?"
                                 r"(?:(?:is|was|are|were|does|did|do|has|have|had|wo|ca)n['\u2019]t\s+"
                                 r"(?:(?:it|the|his|her|their|its|this|that)\b[^\W\d_]*(?:\s+[^\W\d_]+){0,4}\s+)?"
                                 r"|who\s+(?:else\s+)?(?:but|other\s+than)\s+)", re.IGNORECASE)


def _rhetorical_question(doc: Document, candidate: Candidate, sentence_start: int) -> bool:
    """Whether ``candidate`` opens with a name its sentence's opening puts as a question that expects no answer:
    "Isn't Ian McShane perfect as Winston?", "Wasn't it Chad Stahelski who directed it?", "Who else but Keanu Reeves
    could play John Wick?" ("Isn't directed by X", with no subject, stays a negation)."""
    if candidate.start - sentence_start > 80 or not doc.text[candidate.start:candidate.start + 1].isupper():
        return False
    return _RHETORICAL_OPENING.fullmatch(doc.text, sentence_start, candidate.start) is not None


# a that-clause after a semicolon, which goes on with the verb before it (a bare that-clause is no sentence): "alleges
# (a) that X plays Y; (b) that ...", "he wishes that A; and that B"
_THAT_CONTINUES = re.compile(r"\s*(?:and\s+)?(?:\((?:[a-h]|[ivx]{1,4}|\d{1,2})\)\s*(?:and\s+)?)?that\s"
                             r"(?!(?:is|was|one|film|movie|scene|role|part|year|said)\b)", re.IGNORECASE)


# a pseudo-cleft whose subject is nobody, about saying or noticing: the negation is of the saying, and the that-clause
# after it is the writer's own statement ("What no one mentions is that X directed it", "What neither bench said is
# that"; not a belief or a wish: "What nobody believes is that X directed it")
_UNSAID_CLEFT = re.compile(r"\bwhat\s+(?:no(?:\s+|-)one|nobody|neither(?:\s+[\w-]+)?|"
                           r"none\s+of\s+(?:them|us|the\s+[\w-]+)|never|no\s+[\w-]+)\s+(?:[\w-]+\s+){0,3}?(?:said|says|say|mentions?|mentioned|notices?|noticed|"
                           r"tells?|told|points?\s+out|pointed\s+out|reali[sz]es?|reali[sz]ed|knows?|knew|remembers?|"
                           r"remembered|admits?|admitted)(?:\s+[\w-]+){0,3}?\s+(?:is|was)\s+that\s", re.IGNORECASE)


_UNTIL = re.compile(r"\b(?:until|till)\b", re.IGNORECASE)


def _blocks(doc: Document, candidate: Candidate, block: Rule, sentence_start: int) -> bool:
    if block.unless_reviewing_a_film and (doc.film_kind in (None, "film") or _plays_here(doc, candidate)):
        return False  # (a game's voice cast takes its roles from the films: "X, the films' Y, voices him here")
    if block.unless_topic and _opens_as_topic(doc, candidate, sentence_start):
        return False
    if block.unless_apposed and _apposed_casting(doc, candidate):
        return False
    if block.unless_role_here and _role_here(doc, candidate):
        return False  # a role of this very film ("I remember Willem Dafoe as Marcus"), not another work's
    if block.unless_presupposed and "possessive" in candidate.rule and not candidate.reprise:
        # a possessive pairing a question presupposes: "Was Alfie Allen's Iosef ever more hateful?" (not a return it
        # asks about: "Will they bring Bridget Moynahan's Helen back?")
        return False
    if block.unless_rhetorical and _rhetorical_question(doc, candidate, sentence_start):
        return False  # "Isn't X perfect as Y?" asks no doubt: the question rule decides whether it asserts
    if block.unless_endorsed and endorsed(doc, candidate):
        return False  # "Rob said that X directed it. All correct.": a report the writer calls right is theirs too
    if block.unless_until and _UNTIL.search(doc.text, candidate.start, candidate.end):
        return False  # "It did not reach theaters until February 2018": the negation puts the release off to its date
    if not _may_hold(doc, block, candidate, sentence_start):
        return False
    regex = block.regex  # a property that looks the compiled pattern up: read it once
    assert regex is not None
    view = doc.view(block.mask)
    twin, lower = block.twin, doc.twin_view(block.mask)  # searches run over the lower-cased view when they can
    s_start = max(sentence_start, candidate.start - _SCOPE_REACH)
    if block.scope in ("before", "clause_before"):
        # what nobody said, the cleft's focus asserts: "What neither bench said is that X wrote it"
        cleft = _UNSAID_CLEFT.search(view, s_start, candidate.start)
        s_start = cleft.end() if cleft else s_start
    if block.scope == "before":
        # a semicolon closes the clause a wish or a negation governs: "he wishes to retire; it is Santino, played by X"
        semicolon = view.rfind(";", s_start, candidate.start)
        if semicolon > 0 and view.count("(", s_start, semicolon) <= view.count(")", s_start, semicolon) \
                and not _THAT_CONTINUES.match(view, semicolon + 1):
            s_start = semicolon + 1  # (not one inside brackets: "Chapter 2 (2017; written by X)")
        # a quotation closed before the candidate governs nothing after it: '"People Keep Asking If I'm Back": Property
        # from John Wick (2014)'
        s_start = _after_closed_quotations(view, s_start, candidate.start)
        closed = _CLOSED_CONDITIONAL.search(view, s_start, candidate.start)  # (no context)
        match = search(regex, twin, view, lower, closed.end() if closed else s_start, candidate.start)
    elif block.scope == "clause_before":
        clause_start = max(view.rfind(ch, s_start, candidate.start) for ch in ",;:(-") + 1
        match = search(regex, twin, view, lower, max(clause_start, s_start), candidate.start)
    elif block.scope == "clause":
        # between the marks around the candidate in its sentence: "Sadly, X is not behind the camera" is negated,
        # "X was back at the wheel, and he drives it like a car with no brakes" is not
        _, end_of_sentence = doc.sentence(max(candidate.end - 1, candidate.start))
        end_of_sentence = min(end_of_sentence, candidate.end + _SCOPE_REACH)
        clause_start = max(view.rfind(mark, s_start, candidate.start) for mark in _CLAUSE_MARKS) + 1
        clause_end = min((at for at in (view.find(mark, candidate.end, end_of_sentence) for mark in _CLAUSE_MARKS)
                          if at >= 0), default=end_of_sentence)
        match = search(regex, twin, view, lower, max(clause_start, s_start), max(clause_end, candidate.end))
    elif block.scope == "after":
        # anchored: what directly follows the match, up to the end of its sentence
        _, end_of_sentence = doc.sentence(max(candidate.end - 1, candidate.start))
        end_of_sentence = min(end_of_sentence, candidate.end + _SCOPE_REACH)
        match = regex.match(view, candidate.end, max(end_of_sentence, candidate.end))
    elif block.scope == "match":
        match = _outside_asides(doc, regex, twin, view, lower, candidate.start, candidate.end)
    elif block.scope in ("sentence", "main_clause"):
        # a conditional closed before the claim supposes nothing of it: "If you somehow missed it, ... X plays Y"
        closed = _CLOSED_CONDITIONAL.search(view, s_start, candidate.start)
        s_start = closed.end() if closed else s_start
        _, end_of_sentence = doc.sentence(max(candidate.end - 1, candidate.start))
        end_of_sentence = min(end_of_sentence, candidate.end + _SCOPE_REACH)
        if block.scope == "main_clause":
            end_of_sentence = min(end_of_sentence, _main_clause_end(doc, candidate))
        # semicolons outside brackets part a sentence's independent clauses: "X plays Ares, all smirks; Franco Nero
        # lends gravity to the hotel" is not negated or compared by the clause before it
        before, after = view.rfind(";", s_start, candidate.start), view.find(";", candidate.end, end_of_sentence)
        if before > 0 and view.count("(", s_start, before) <= view.count(")", s_start, before):
            s_start = before + 1
        if after >= 0 and view.count("(", candidate.end, after) <= view.count(")", candidate.end, after):
            end_of_sentence = after
        match = search(regex, twin, view, lower, s_start, max(end_of_sentence, candidate.end))
    elif block.scope == "next_sentence":
        # anchored at the start of the sentence after the candidate's: "X turns up as Y." She does nothing of the sort.
        _, next_start = doc.sentence(max(candidate.end - 1, candidate.start))
        for _ in range(3):  # past blank lines: a transcript's next speaker turn is the next sentence
            if next_start >= len(view) or view[next_start:doc.sentence(next_start)[1]].strip():
                break
            next_start = doc.sentence(next_start)[1]
        if _LATER_REPORT.search(doc.text, candidate.end, next_start):
            return False  # "X (Y) was recognised from a show, where DA insisted he had played a dragon. He had not."
        _, next_end = doc.sentence(next_start) if next_start < len(view) else (next_start, next_start)
        opening = next_start
        while opening < next_end and view[opening].isspace():  # (no copy of a long line)
            opening += 1
        if doc.text[next_start:opening].strip():
            return False  # "~~Ruby Rose plays Gianna~~ no!!": the denial answers the words struck out before it
        match = regex.match(view, next_start, min(next_end, next_start + _SCOPE_REACH))
    else:
        l_start, l_end = doc.line(candidate.start)
        match = search(regex, twin, view, lower, max(l_start, candidate.start - _SCOPE_REACH),
                       min(l_end, candidate.end + _SCOPE_REACH))
    if match is None:
        return False
    other_year = match.groupdict().get("other_year")
    if other_year is not None and int(other_year) not in doc.other_works_years:
        return False  # "In 2023, ..." reviewing a 2023 film: its own year
    ordinal = next((match.group(name) for name in regex.groupindex if name.startswith("ordinal")
                    and match.group(name)), None)
    if ordinal and doc.film_number is not None and place_in_series(ordinal) == doc.film_number:
        return False  # reviewing the third film, "the third film" is the reviewed one
    if not (block.unless_work_is_film and "work" in regex.groupindex and match.group("work")):
        return True
    # the work it names is the reviewed one, or (except for years) a name that is first a character
    at = match.start("work")
    quoted = doc.by_start.get(at)
    if quoted is not None and quoted.mask & CHARACTER and not quoted.of_kind(WORK) \
            and doc.text[quoted.end:quoted.end + 1] in ('"', "\u201d"):
        return False  # a role alone in quotation marks, as a dossier or a billing has it: 'McShane → alias "Winston"'
    if _ROLE_FIRST_PLAYED_IN.search(doc.folded, max(0, at - _ORIGIN_REACH), at):
        return False  # where a returning role began: "X, reprising the crown he wore in the first John Wick"
    weak = _weak_work(doc, at) and (candidate.type in ("cast", "director", "writer")
                                    or _PLAYED_BEFORE.search(doc.folded, max(0, at - 12), at) is not None)
    return not (doc.work_at(at) == doc.film or weak)


def _main_clause_end(doc: Document, candidate: Candidate) -> int:
    """Where the candidate's sentence ends, or a relative clause on a noun after the candidate starts: "X gives his son
    Iosef the face of a boy who has never been told no" (not an apposition's, which is the candidate's: "X, who never
    returns"), or a clause joined to it whose subject is the writer: "X and Y are both in it, and I would watch a
    whole film of them"."""
    _, end = doc.sentence(max(candidate.end - 1, candidate.start))
    writers = _WRITERS_CLAUSE.search(doc.text, candidate.end, end)
    end = writers.start() if writers else end
    relative = _RELATIVE_PRONOUN.search(doc.text, candidate.end, min(end, candidate.end + _SCOPE_REACH))
    if relative is not None and not _APPOSITION_OPENS.match(doc.text, candidate.end, relative.start()):
        return relative.start()
    zero = _ZERO_RELATIVE.search(doc.text, candidate.end, min(end, candidate.end + _SCOPE_REACH))
    return zero.start("clause") if zero is not None else end


# a relative clause with no pronoun, on a noun after the candidate, whose own negation is no negation of the claim:
# "a dignity the script hardly earns", "the sulk of a boy never once refused", "a promise John can't refuse"
_ZERO_RELATIVE = re.compile(r"\b(?:a|an|the|his|her|their|its)\s+(?:[\w'\u2019-]+\s+){0,2}?(?-i:[a-z][\w-]*)\s+"
                            r"(?P<clause>(?:(?:the|a|an|his|her|their)\s+[\w-]+\s+|no[ -]?one\s+|nobody\s+"
                            r"|(?-i:[A-Z])[\w'\u2019-]+\s+)(?:never|hardly|barely|scarcely|seldom|does\s+not|did\s+not"
                            r"|(?:does|did|could|would|wo|ca)n['\u2019]t|cannot)\s"
                            r"|(?:never|hardly|barely|scarcely|seldom)\s+(?:once\s+|ever\s+|quite\s+)?[a-z]+ed\b)",
                            re.IGNORECASE)


# a clause of the writer's own joined to the candidate's: ", and I would ...", "; we never ..."; or one with a subject
# of its own after a comma: "X does his own stunt driving, so the camera never cuts away"
_WRITERS_CLAUSE = re.compile(r",?\s+(?:and|but|so|yet)\s+(?:I|we)\b(?!['\u2019])|;\s*(?:I|we)\b(?!['\u2019])"
                             r"|,\s+(?:and|but|so|yet|while|whereas)\s+(?:the|a|an|his|her|their|its|this|that|these|those)"
                             r"\s+(?-i:[a-z])[\w-]*\s")
# (and "that" after a noun, not after a verb or a word that takes a clause: "says that", "so that", "now that")
_TAKES_A_CLAUSE = ("said", "says", "say", "confirmed", "confirms", "announced", "reported", "claimed", "claims",
                   "thinks", "think", "thought", "believe", "believes", "believed", "know", "knows", "knew", "hope",
                   "hopes", "hoped", "means", "meant", "sure", "clear", "so", "such", "now", "wish", "wished", "shows",
                   "proves", "seems", "fact", "news", "is", "was")
_RELATIVE_PRONOUN = re.compile(r"(?<=\w)\s+(?:who|whom|whose|which|"
                               + "".join(rf"(?<!\b{word}\s)" for word in _TAKES_A_CLAUSE) + r"that)\b", re.IGNORECASE)
# an apposition on the candidate, not a phrase of place or manner whose own noun the relative clause then describes
# ("Keanu Reeves, in the black suit that would become a uniform")
_APPOSITION_OPENS = re.compile(r"\s*[,(\u2014\u2013]\s*+(?!(?:in|with|at|on|from|of|under|behind|inside|into|by|for|"
                               r"after|before|wearing|holding|carrying)\b)", re.IGNORECASE)
# a reprise's origin, the work a returning player first had the role in ("reprising the crown he wore in", "returning
# to the role she first played in"): that work names no other subject of the sentence
_ROLE_FIRST_PLAYED_IN = re.compile(r"\b(?:reprising|reprises|reprised|returning\s+to|returns\s+to|returned\s+to|"
                                   r"resuming|resumes|resumed)\s+(?:the|his|her|their)\s+[^.;:!?\n]{0,60}?"
                                   r"\b(?:wore|played|created|originated|had|held|took\s+on)\s+(?:\w+\s+)?in\s+\Z"
                                   # ... or the work a returning player comes back from: "back as the Bowery King
                                   # from Chapter 2", "a steely Anjelica Huston returning from Chapter 2"
                                   r"|\b(?:back|returns|returning|returned|carried\s+over|brought\s+back)\b"
                                   r"[^.;:!?\n]{0,60}?\bfrom\s+(?:the\s+)?\Z",
                                   re.IGNORECASE)
_ORIGIN_REACH = 120
# a role cue right before a name: "back as John Wick in the second chapter" names the character, not the first film
_PLAYED_BEFORE = re.compile(r"\b(?:as|plays|played|playing)\s+\Z", re.IGNORECASE)
