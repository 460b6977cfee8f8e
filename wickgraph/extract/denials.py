"""Credits and appearances the review denies in so many words, wherever else they are said.

A review that says "David Leitch did not direct any of this one", "Leitch had nothing to do with the directing" or
"Halle Berry is nowhere in this one" holds that credit or that appearance false: a label above it ("Co-director:
David Leitch"), a rival's flyer it quotes ("directed by David Leitch") or a friend's remark ("David Leitch directed
it.") states what the review denies, and is not the review's claim. The denial speaks of the reviewed work: a
sentence that names another work ("Leitch did not direct Chapter 2") denies nothing here, nor does a question.
"""

from __future__ import annotations

import re

from .claims import Claim
from .document import Document
from .gazetteer import PERSON, WORK
from .quotations import SAYING

__all__ = ["without_denied"]

# right after a person's name, maybe past an aside: the negated job ("did not direct", "had nothing to do with the
# writing", "is not the director", "never co-directed", "is not credited as a writer", "a producer, not a director")
_DENIED_JOB = re.compile(
    r"[ \t]*(?:,[^,.;\n]{1,40},[ \t]*)?(?:(?:did|does|could|would)[ \t]*(?:n['\u2019]t|[ \t]not)|never"
    r"|(?:had|has)[ \t]+(?:nothing|no[ \t]+(?:part|hand|role))[ \t]+(?:to[ \t]+do[ \t]+)?(?:with|in)"
    r"|(?:played|plays|took|takes)[ \t]+no[ \t]+part[ \t]+in"
    # a job set against another: "is credited as a producer, not as director", "was a producer, not a director"
    r"|(?:is|was)[ \t]+(?:credited[ \t]+(?:only[ \t]+)?as[ \t]+|only[ \t]+)?(?:(?:a|an|the)[ \t]+)?[\w-]+"
    r"(?:[ \t]+[\w-]+)?,?[ \t]+(?:and[ \t]+|but[ \t]+)?not(?:[ \t]+as)?(?:[ \t]+(?:a|an))?"
    r"|(?:is|was)(?:n['\u2019]t|[ \t]+not)(?:[ \t]+(?:the|a|one[ \t]+of[ \t]+the|among[ \t]+the"
    r"|credited[ \t]+(?:as|with)(?:[ \t]+(?:a|the))?))?)"
    r"[ \t]+(?:(?:any|one[ \t]+bit|a[ \t]+(?:single[ \t]+)?(?:frame|line|word|page))[ \t]+of[ \t]+)?(?:the[ \t]+)?"
    r"(?P<job>co-?direct|direct|helm|write|wrote|writing|script|screenplay)", re.IGNORECASE)
_JOBS = {"direct": "director", "co-direct": "director", "codirect": "director", "helm": "director"}
# ... or the person's absence from the work ("is nowhere in this one", "does not appear in it", "is not in this
# film"), closed there (not "does not appear until the end", "is not in the first hour")
_DENIED_PRESENCE = re.compile(
    r"[ \t]*(?:,[^,.;\n]{1,40},[ \t]*)?(?:(?:is|was)[ \t]+nowhere[ \t]+(?:in|to[ \t]+be[ \t]+(?:seen|found))"
    r"|(?:is|was)(?:n['\u2019]t|[ \t]+not)[ \t]+in|(?:does|did)(?:n['\u2019]t|[ \t]+not)[ \t]+(?:appear|turn[ \t]+up"
    r"|show[ \t]+up|feature|return)(?:[ \t]+in)?|never[ \t]+(?:appears|turns[ \t]+up|shows[ \t]+up)(?:[ \t]+in)?)"
    r"(?:[ \t]+(?:this[ \t]+(?:one|film|movie|sequel|chapter|entry|picture|time|instal+ment)|it|here"
    r"|the[ \t]+(?:film|movie|sequel|picture|show|game))\b|[ \t]+at[ \t]+all\b|[ \t]*[.;,!])", re.IGNORECASE)
# someone else's claim that the denial reports: "Pint of No Return lodged a complaint that Lance Reddick isn't in this
# one", "my brother swears that Dafoe is nowhere in it" (not the writer's own: "I think that ...")
_REPORTED = re.compile(rf"(?<!\bI )(?<!\bwe )\b(?:{SAYING}|say|claim|complaint|reckons?|reckoned|believes?|believed"
                       r"|told\s+me)\b[^.!?\n]{0,40}?\bthat\s+\Z", re.IGNORECASE)
# a note in square brackets, not one whose tag names the writer, or no hand but a verdict on what it follows
# ("[CRITIC: No, he isn't. Dafoe is nowhere in this one]", "[Reviewer's note: ...]", "[ME: ...]", "[NO: Leitch is not
# credited as director]", "[correction: ...]")
_IN_SQUARE_BRACKETS = re.compile(r"\[(?![ \t]*(?:critic|reviewer|author|me|no|wrong|false|correction|fix(?:ed)?)\b"
                                 r"[^\]\n:]{0,20}:)[^\]\n]*\Z", re.IGNORECASE)
# another work the clause after the job speaks of: "did not direct the sequel", "never wrote the first one"
_OTHER_WORK = re.compile(r"[^.;,!?\n]{0,40}?\b(?:first|original|previous|earlier|next|other|sequel|prequel|"
                         r"spin-?off|series)\b", re.IGNORECASE)


def without_denied(claims: list[Claim], doc: Document, others: list[tuple[int, int]]) -> list[Claim]:
    """``claims`` without the credits and appearances a sentence of the review denies; ``others`` are the spans of
    other people's words (comments, replies, quoted turns), whose denials are theirs."""
    jobs, absent = _denials(doc, others)
    unreturned, new_players = _denied_returns(doc, others)
    if not jobs and not absent and not unreturned and not new_players:
        return claims
    return [c for c in claims
            if not ((c.type in ("director", "writer") and (c.type, c.person_iri) in jobs)
                    or (c.type in ("cast", "reprise") and c.actor_iri in absent)
                    or (c.type == "reprise" and (c.actor_iri in new_players
                                                 or any(start <= c.start < end for start, end in unreturned))))]


# a return denied in so many words: "Not a reprise.", "no comeback", "This is Huston's first turn as the Director",
# "the character is brand new"
_DENIED_RETURN = re.compile(r"\b(?:not|no|isn['\u2019]t|wasn['\u2019]t)[ \t]+(?:a[ \t]+)?(?:reprise|return|comeback)\b"
                            r"|\bfirst[ \t]+(?:turn|time|outing|appearance)[ \t]+as\b"
                            r"|\b(?:character|role|part)[ \t]+is[ \t]+(?:brand[ \t]+)?new\b", re.IGNORECASE)


def _denied_returns(doc: Document, others: list[tuple[int, int]]) -> tuple[list[tuple[int, int]], set[str]]:
    """The sentences whose reprises the review denies right after them ("Anjelica Huston, reprising her role ...
    [CRITIC: Not a reprise.]"), and the players it says are new to their role."""
    sentences: list[tuple[int, int]] = []
    players: set[str] = set()
    for denial in _DENIED_RETURN.finditer(doc.text):
        if any(start <= denial.start() < end for start, end in others) or not _about_this_work(doc, denial.start()):
            continue
        start, end = doc.sentence(denial.start())
        named = {e.iri for m in doc.mentions_between(start, end) for e in m.of_kind(PERSON) if e.iri}
        if named:
            players |= named
        else:  # (a denial that names no one speaks of the sentence before it, or before the note it opens)
            before = len(doc.text[:start].rstrip(" \t\n[(")) - 1
            if before >= 0:
                sentences.append(doc.sentence(before))
    return sentences, players


def _denials(doc: Document, others: list[tuple[int, int]]) -> tuple[set[tuple[str, str]], set[str]]:
    """The (job, person) pairs and the players the review denies of the reviewed work."""
    jobs: set[tuple[str, str]] = set()
    absent: set[str] = set()
    for mention in doc.people:
        people = [e.iri for e in mention.of_kind(PERSON) if e.iri]
        if not people or any(start <= mention.start < end for start, end in others):
            continue
        job = _DENIED_JOB.match(doc.text, mention.end)
        presence = None if job else _DENIED_PRESENCE.match(doc.text, mention.end)
        found = job or presence
        if found is None or not _about_this_work(doc, mention.start):
            continue
        if job is not None:
            word = job["job"].lower()
            kind = _JOBS.get(word, "writer")
            if _OTHER_WORK.match(doc.text, job.end()):
                continue
            jobs.update((kind, person) for person in people)
        else:
            absent.update(people)
    return jobs, absent


def _about_this_work(doc: Document, start: int) -> bool:
    """Whether the sentence of a denial is the review's statement about the reviewed work: no question, no other
    work named, not someone else's claim it reports ("lodged a complaint that ..."), not a note in square brackets (a
    margin's or an editor's, whoever's hand it is) unless its tag names the writer or is a verdict ("[NO: ...]")."""
    sentence_start, sentence_end = doc.sentence(start)
    if doc.text[sentence_start:sentence_end].rstrip().endswith("?") or _IN_SQUARE_BRACKETS.search(
            doc.text, doc.line(start)[0], start) or _REPORTED.search(doc.text, sentence_start, start):
        return False
    return not any(m.mask & WORK and doc.work_at(m.start) != doc.film
                   for m in doc.mentions_between(sentence_start, sentence_end) if not m.mask & PERSON)
