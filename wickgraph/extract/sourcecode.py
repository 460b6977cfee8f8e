"""A review written as program source or a data literal: its assignments, comparisons, dict entries, argument pairs,
JSON keys and XML elements read as claims.

A programmer may hold a review's credits as code: ``director: str = "Chad Stahelski"``, ``CAST = {"Winston": "Ian
McShane"}``, ``film.cast["Sofia"] == "Halle Berry"``, ``assert "Chad Stahelski" in film.directors``,
``add_role("Cassian", "Common")``; or as data: ``{"year": 2023, "director": "Chad Stahelski"}``,
``<director>Chad Stahelski</director>``. Each binds a key (the identifiers and string keys before it, an element's
tag, an attribute's name) to a value (the literal after it). The key's words name the relation ("directed_by",
"writers", "year", "franchise"), or name a role that the person the value names plays. Two strings side by side, a
role and a person (``("Charon", "Lance Reddick")``), are a cast link as well, and so are an object's or an element's
strings when they name one person and one role (``{"actor": "Donnie Yen", "role": "Caine"}``); a name or a flag that
says the role comes back (``bring_back``, ``"returning": true``) makes it a reprise.

Code the author took back or that denies states nothing: a commented-out line of code, an XML comment, a TODO,
``assert not ...``, ``... not in ...``, ``!=``, a test marked to be skipped or to fail, and a record of another work
(``SEQUEL = {"title": "John Wick: Chapter 2", ...}``, ``CHAPTER_2_FIXTURE = {...}``). The view
(:func:`with_source_code_read`) blanks them, reads an identifier's underscores as spaces ("BOWERY_KING" names the
Bowery King), a JSON key's quotes as layout (``"my_score": 8.5`` as a label) and a score's top in a field of its own
as its scale (``"value": 4, "out_of": 5`` as "4/5"); it keeps the text's length, so offsets carry over. Records that
carry another writer's handle (a site's readers' entries, ``{"user": "gunfu_guy", "score": 2, ...}``) are others'
words (:func:`others_records`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .document import Document
from .gazetteer import CHARACTER, PERSON, WORK
from .pairs import is_role
from .patterns import Candidate
from .textscan import blank

__all__ = ["others_records", "source_code_claims", "with_source_code_read"]

# a statement only code opens a line with; a source file has three of them at least
# (a decorator over a definition, not a handle opening a post: "@KeanuFan: ..."; a notebook's input prompt: "In [3]:")
_CODE_LINE = re.compile(r"^[ \t]*(?:def|class|import|from[ \t]+[\w.]+[ \t]+import|return|assert|if[ \t]+__name__|"
                        r"const|let|var|function|public|private)\b|^[ \t]*In[ \t]?\[\d{1,4}\]:"
                        r"|^[ \t]*@[\w.]+(?:\([^\n]*\))?[ \t]*\n[ \t]*(?:@|def\b|class\b|async\b)"
                        # a BASIC listing's numbered statements: "10 REM ...", "200 DATA \"Keanu Reeves\",\"John Wick\""
                        r"|^[ \t]*\d{1,5}[ \t]+"
                        r"(?-i:REM|PRINT|DATA|READ|GOTO|GOSUB|FOR|NEXT|IF|LET|DIM|MODE|END|INPUT|CLS)\b",
                        re.MULTILINE)
_STRING = r"(?:\"[^\"\n]*\"|'[^'\n]*')"
_COMMENT = re.compile(r"(?:#|//)[^\n]*")
# a comment whose body is code: "# co_director = 'X'", "# chapter_two.add_role('Sofia', 'Halle Berry')"
_CODE_COMMENT = re.compile(rf"(?:#|//)[ \t]*(?:[\w.]+(?:\[[^\]\n]*\])?[ \t]*(?::[ \t]*[\w\[\], |.]+)?[ \t]*={{1,2}}"
                           rf"[ \t]*(?:{_STRING}|[\d(\[{{])|[\w.]+\([ \t]*{_STRING}|{_STRING}[ \t]*:[ \t]*{_STRING}|"
                           rf"assert\b)[^\n]*")
# a task or a doubt left for later: "# TODO: is that Kevin Nash?", "// FIXME: check"
_TODO = re.compile(r"(?:#|//)[ \t]*(?:TODO|FIXME|XXX)\b[^\n]*")
# a line that denies: "assert not x.has('A')", "assert 'A' not in CAST", "x != 'B'"
_DENYING_LINE = re.compile(r"^[^\n#]*(?:\bassert[ \t]+not\b|\bnot[ \t]+in\b|!=|\bis[ \t]+not\b)[^\n]*", re.MULTILINE)
# a test marked to be skipped or to fail, with its body: "@pytest.mark.skip(...)" / "def test_x():" / indented lines
_SKIPPED_TEST = re.compile(r"^@[\w.]*\b(?:skip|skipif|xfail)\b[^\n]*\n(?:@[^\n]*\n)*[ \t]*(?:async[ \t]+)?def\b[^\n]*"
                           r"(?:\n(?:[ \t]+[^\n]*|[ \t]*(?=\n)))*", re.MULTILINE)
_SNAKE = re.compile(r"(?<=[A-Za-z0-9])_(?=[A-Za-z0-9])")
_STRINGS = re.compile(_STRING)

_KEY = rf"(?:[A-Za-z][\w.]*(?:\[[ \t]*{_STRING}[ \t]*\])*|{_STRING})"
_VALUE = rf"(?:{_STRING}|\d+(?:\.\d+)?\b|[(\[][ \t]*{_STRING}(?:[ \t]*,[ \t]*{_STRING})*[ \t]*,?[ \t]*[)\]])"
# "key = value", "key: str = value", "key == value", "'key': value", "key=value" (an argument)
_BINDING = re.compile(rf"(?P<key>{_KEY})[ \t]*(?::[ \t]*[A-Za-z][\w\[\], |.]*?[ \t]*(?==))?(?:==|=|:)[ \t]*"
                      rf"(?P<value>{_VALUE})")
# "'value' in key": membership
_MEMBER = re.compile(rf"(?P<value>{_STRING})[ \t]+in[ \t]+(?P<key>[A-Za-z][\w.]*(?:\[[ \t]*{_STRING}[ \t]*\])*)")
# two strings side by side, a call's or a tuple's first arguments: "add_role('Cassian', 'Common')", or a BASIC
# DATA statement's: 'DATA "Keanu Reeves","John Wick"'
_PAIR = re.compile(rf"(?:(?P<context>[A-Za-z][\w.]*[ \t]*(?:=[ \t]*)?)?[(\[]|\b(?-i:DATA)[ \t]+)[ \t]*"
                   rf"(?P<first>{_STRING})[ \t]*,[ \t]*"
                   rf"(?P<second>{_STRING})(?P<rest>[^\n)\]]*)")

_DIRECTOR = {"director", "directors", "directed", "direction", "dir"}
_WRITER = {"writer", "writers", "written", "screenplay", "script", "story", "screenwriter", "screenwriters",
           "writing"}
_YEAR = {"year", "released", "release", "premiere", "premiered"}
_FRANCHISE = {"franchise", "series", "saga", "universe"}
_RETURNING = {"back", "return", "returns", "returning", "returned", "reprise", "reprises", "reprised", "again",
              "since"}
_WORD = re.compile(r"[a-z]+")


# JSON: an object or an array of them, with quoted keys; XML: elements holding text or carrying attributes
_JSON = re.compile(r"\A\s*[\[{][\s\[{]*\"")
_JSON_KEY = re.compile(r"\"[\w -]{1,40}\"\s*:")
_XML = re.compile(r"\A\s*(?:<\?xml[^>\n]*>\s*)?<[A-Za-z][\w-]*[\s>]")
_XML_ELEMENT = re.compile(r"<(?P<key>[A-Za-z][\w-]*)(?:\s[^<>\n]*)?>(?P<value>[^<>\n]{1,120})</(?P=key)>")
_XML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
# an object, or an element's opening tag with its attributes, whose strings may pair a player with a role
_OBJECT = re.compile(r"\{[^{}]*\}|<[A-Za-z][\w-]*\s[^<>]*>")
# ... and say that the role comes back: '"returning": true', 'returning="yes"'
# a score's top in a field of its own after the value's: '"value": 4, "out_of": 5', '"stars": 4.5, "best": 5'
_SCORE_TOP = re.compile(r"(?<=\d)[ \t]*,[ \t]*\"(?:out[ _]?of|outOf|max|maximum|max[ _]score|of|scale|best|top|"
                        r"possible|(?:rating|score)[ _]max)\"[ \t]*:[ \t]*(?=\d)", re.IGNORECASE)
# a record someone else wrote: a site's readers' entries carry their handle ('{"user": "gunfu_guy", "score": 2, ...}')
_SOMEONES_HANDLE = re.compile(r"\"(?:user|username|user_name|userName|handle|screen_name|nickname|commenter)\"\s*:",
                              re.IGNORECASE)
_JSON_STRING = re.compile(r"\"(?:[^\"\\]|\\.)*\"")
_RETURNING_FLAG = re.compile(r"\b(?:returning|returns|back|reprised?|reprising)\W{0,2}[ \t]*[:=][ \t]*[\"']?"
                             r"(?:true|yes|1)\b", re.IGNORECASE)


def _at_least(pattern: re.Pattern[str], text: str, count: int) -> bool:
    return sum(1 for _, _ in zip(range(count), pattern.finditer(text), strict=False)) == count


@lru_cache(maxsize=2)  # (asked by the view and by the claims, for the same text)
def is_source_code(text: str) -> bool:
    """Whether ``text`` reads as program source or a data literal: three lines or more open with a statement only
    code makes, or it is JSON with three keys or more, or XML with three elements or more."""
    if _JSON.match(text):
        return _at_least(_JSON_KEY, text, 3)
    if _XML.match(text):
        return len(_XML_ELEMENT.findall(text)) + len(_OBJECT.findall(text)) >= 3
    return _at_least(_CODE_LINE, text, 3)


def with_source_code_read(text: str) -> str:
    """``text`` with a source file's retracted and denying code blanked, its identifiers' underscores read as
    spaces and its keys' quotes blanked; any other text is returned as it is."""
    if not is_source_code(text):
        return text
    quotes = [(at, at + 1) for key in _JSON_KEY.finditer(text) for at in (key.start(), text.rindex('"', 0, key.end()))]
    read = _SNAKE.sub(" ", blank(text, _retracted(text) + quotes))  # '"my_score": 8' is read as ' my score : 8'
    # a score's top in a field of its own is read as its scale: '"value": 4, "out_of": 5' as ' value : 4/         5'
    for top in _SCORE_TOP.finditer(text):
        read = read[:top.start()] + "/" + " " * (top.end() - top.start() - 1) + read[top.end():]
    return read


def others_records(text: str) -> list[tuple[int, int]]:
    """Spans of a data literal's records that others wrote, each with its writer's handle ('{"user": "gunfu_guy",
    "score": 2, "text": "..."}'): a site's readers, not the critic (the record holding the text's longest string is
    the review itself)."""
    if not is_source_code(text) or not _SOMEONES_HANDLE.search(text):
        return []
    longest = max(_JSON_STRING.finditer(text), key=lambda string: string.end() - string.start(), default=None)
    return [record.span() for record in _OBJECT.finditer(text) if _SOMEONES_HANDLE.search(record.group())
            and not (longest is not None and record.start() < longest.start() < record.end())]


def _retracted(text: str) -> list[tuple[int, int]]:
    """The spans of code commented out (an XML comment too), tasks and doubts left for later, code that denies, and
    tests marked to be skipped or to fail."""
    patterns = (_CODE_COMMENT, _TODO, _DENYING_LINE, _SKIPPED_TEST, _XML_COMMENT)
    return [m.span() for pattern in patterns for m in pattern.finditer(text)]


def source_code_claims(doc: Document) -> list[Candidate]:
    """The claims a source file's bindings and string pairs make (none in a text that is not code)."""
    if not is_source_code(doc.text):
        return []
    text, retracted = doc.text, _retracted(doc.text)
    found: list[Candidate] = []
    for line in re.finditer(r"[^\n]+", text):
        if any(a < line.end() and line.start() < b for a, b in retracted):
            continue
        code_end = _code_end(text, line.start(), line.end())
        bindings = [*_BINDING.finditer(text, line.start(), code_end), *_MEMBER.finditer(text, line.start(), code_end)]
        for match in bindings:
            context = _enclosing(doc, match.start())
            if context is not None:
                found += _bound(doc, match.span("key"), match.span("value"), context)
        for match in _PAIR.finditer(text, line.start(), code_end):
            context = _enclosing(doc, match.start())
            if context is not None:
                found += _paired(doc, match, context)
        for match in _XML_ELEMENT.finditer(text, line.start(), line.end()):
            found += _bound(doc, match.span("key"), match.span("value"), set())
    for match in _OBJECT.finditer(text):
        if not any(a < match.end() and match.start() < b for a, b in retracted):
            found += _object_pair(doc, match)
    return found


_NAME_SLACK = 12  # characters a string may hold beside the name it is: "the Bowery King (returning)"


def _object_pair(doc: Document, match: re.Match[str]) -> list[Candidate]:
    """The cast link an object's strings make when one names a person and one a role: '{"actor": "Donnie Yen",
    "role": "Caine"}', '<role actor="Keanu Reeves" character="John Wick" returning="yes"/>'."""
    strings = [string.span() for string in _STRINGS.finditer(doc.text, match.start(), match.end())]
    # (a string that is a name, not prose that names someone: '"message": "... turns John into a hunted man ..."')
    mentions = [m for start, end in strings for m in doc.mentions_between(start, end)
                if end - start - 2 <= (m.end - m.start) + _NAME_SLACK]
    people = [m for m in mentions if m.mask & PERSON and not m.mask & CHARACTER]
    # (a job is no role: '{"name": "Len Wiseman", "job": "director"}' is a credit, read by the record rules)
    roles = [m for m in mentions if m.mask & CHARACTER and not m.mask & PERSON and is_role(doc, m)]
    if len(people) != 1 or len(roles) != 1:
        return []
    person, role = people[0], roles[0]
    return [Candidate("code-object", "cast", min(person.start, role.start), max(person.end, role.end),
                      reprise=_RETURNING_FLAG.search(match.group()) is not None,
                      parts={"actor": [(person.start, person.end)], "character": [(role.start, role.end)]})]


# a name for another work of the series than the reviewed one: "SEQUEL = {...}", "FIRST_FILM = {...}"
_OTHER_WORK = {"sequel", "prequel", "first", "original", "previous", "prior", "next", "last", "other", "forum"}
_TITLE_KEY = re.compile(rf"[\"']?\b(?:title|film|movie|name)[\"']?[ \t]*[:=][ \t]*(?P<title>{_STRING})", re.IGNORECASE)


def _enclosing(doc: Document, at: int) -> set[str] | None:
    """The words of the name a bracket still open at ``at`` belongs to ("RETURNING = {" over its entries' lines), or
    None when that bracket holds the record of another work ("SEQUEL = {'title': 'John Wick: Chapter 2', ...}")."""
    text, depth = doc.text, 0
    for index in range(at - 1, max(-1, at - 3000), -1):
        char = text[index]
        if char in ")]}":
            depth += 1
        elif char in "([{":
            if depth == 0:
                name_start = text.rfind("\n", 0, index) + 1
                words = _words(text[name_start:index])
                title = _TITLE_KEY.search(text, index, _closing(text, index))
                # the record's title, or its name ("CHAPTER_2_FIXTURE = {...}"), naming another work
                named = [*doc.mentions_between(*title.span("title"))] if title else []
                named += doc.mentions_between(name_start, index)
                works = {e.iri for m in named for e in m.of_kind(WORK) if e.iri}
                return None if words & _OTHER_WORK or (works and doc.film not in works) else words
            depth -= 1
    return set()


def _closing(text: str, opening: int) -> int:
    """Where the bracket opened at ``opening`` closes (the text's end when it never does)."""
    depth = 0
    for index in range(opening, len(text)):
        if text[index] in "([{":
            depth += 1
        elif text[index] in ")]}":
            depth -= 1
            if depth == 0:
                return index
    return len(text)


def _code_end(view: str, start: int, end: int) -> int:
    """Where a line's code ends: at its comment, outside strings."""
    at = start
    while at < end:
        string = _STRINGS.search(view, at, end)
        comment = _COMMENT.search(view, at, string.start() if string else end)
        if comment:
            return comment.start()
        if string is None:
            return end
        at = string.end()
    return end


def _words(text: str) -> set[str]:
    """The lowercase words of an identifier or a line of code: "bring_back" gives "bring" and "back"."""
    return set(_WORD.findall(text.lower()))


def _bound(doc: Document, key: tuple[int, int], value: tuple[int, int], context: set[str]) -> list[Candidate]:
    """The claim a key bound to a value makes."""
    # a string key after a name names a role, not the relation ('film.cast["The Director"]'); alone, it is a
    # dict's or a JSON object's key, whose words name the relation ('"year": 2023')
    words = _words(_STRINGS.sub(" ", doc.text[key[0]:key[1]])) or _words(doc.text[key[0]:key[1]])
    start, end = min(key[0], value[0]), max(key[1], value[1])
    people = [m for m in doc.mentions_between(*value) if m.mask & PERSON and not m.mask & CHARACTER]
    roles = [m for m in doc.mentions_between(*key) if m.mask & CHARACTER]
    if people and roles:
        return [Candidate("code-binding", "cast", start, end, reprise=bool((words | context) & _RETURNING),
                          parts={"actor": [(people[0].start, people[0].end)],
                                 "character": [(roles[-1].start, roles[-1].end)]})]
    for kind, names in (("director", _DIRECTOR), ("writer", _WRITER)):
        if people and words & names:
            return [Candidate("code-binding", kind, start, end, parts={"person": [(m.start, m.end) for m in people]})]
    literal = doc.text[value[0]:value[1]].strip("\"' \t")
    if words & _YEAR and re.fullmatch(r"(?:19|20)\d\d", literal):
        candidate = Candidate("code-binding", "release_year", start, end)
        candidate.year = int(literal)
        return [candidate]
    if words & _FRANCHISE and "wick" in literal.lower():
        return [Candidate("code-binding", "franchise_member", start, end)]
    return []


def _paired(doc: Document, match: re.Match[str], context: set[str]) -> list[Candidate]:
    """The cast link two strings side by side make, a role and a person in either order."""
    first, second = (doc.mentions_between(*match.span(group)) for group in ("first", "second"))
    role = next((m for m in first if m.mask & CHARACTER), None)
    person = next((m for m in second if m.mask & PERSON and not m.mask & CHARACTER), None)
    if role is None or person is None:
        role = next((m for m in second if m.mask & CHARACTER), None)
        person = next((m for m in first if m.mask & PERSON and not m.mask & CHARACTER), None)
    if role is None or person is None:
        return []
    words = _words(match.group("context") or "") | context
    candidate = Candidate("code-pair", "cast", match.start("first"), match.end("second"),
                          reprise=bool(words & _RETURNING),
                          parts={"actor": [(person.start, person.end)], "character": [(role.start, role.end)]})
    source = next((m for m in doc.mentions_between(*match.span("rest")) if m.mask & WORK), None)
    if candidate.reprise and source is not None:
        candidate.parts["from_film"] = [(source.start, source.end)]
    return [candidate]
