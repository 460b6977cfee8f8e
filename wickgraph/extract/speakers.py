"""Who speaks in a transcript or a chat: its speaker turns ("[00:14:32] DANA:", "[12/02/2017, 23:14] Priya:",
"(9:41 PM) Me:") and its author, whose words are the review's own (a guest's score is the guest's)."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from functools import lru_cache
from itertools import pairwise

from .endorsements import ticked
from .examinations import questioners_turns
from .layout_words import CAPITALS_HEADING, PARAGRAPH_BREAK, RULE_LINE, SCREEN_TEXT, STAMP
from .quotations import BYLINE, attributed_quotes
from .textauthors import text_authors

__all__ = ["in_authors_turns", "is_transcript", "others_quoted", "turn_starts"]

# a transcript's or a chat's speaker turn: "[00:14:32] DANA:", "Dana:", "[12/02/2017, 23:14] Priya:", "(9:41 PM) Me:",
# "[21:02] dex_m:", "00:36 \u25b8 HANK:" opening a line (a chat's handles are often in lower case; a second word is a
# capitalised name's, so that "my score:" is no speaker); a caller's number and a note on who they are may follow the
# name ("CALLER 2 (Bill, Akron):", "MARCY (TULSA):"), or a caption's voice ("CAPTION (OSWALDO):", :func:`_voice`); a
# transcript may bracket the name instead ("[HOST] Good evening")
# (or a team chat's sender over their message, the time set apart: "Priya V  9:50 PM")
_POST_TIME = r"[ \t]{2,}\d{1,2}:\d\d(?:[ \t]*[AaPp]\.?[Mm]\.?)?[ \t]*$"
_SPEAKER_TURN = re.compile(rf"^[ \t]*(?:{STAMP}[ \t]*(?:[|>\u2022\u00b7][ \t]*)?)?"
                           r"(?:[\u25b8\u25ba\u25b6\u00bb][ \t]*)?"
                           r"(?:(?P<name>[\w@][\w'.@-]{0,24}(?:[ ][A-Z][\w'.-]{1,20})?)(?:[ \t]+\d{1,2})?"
                           r"(?:[ \t]*\((?P<voice>[^()\n]{1,40})\))?[ \t]*:"
                           r"|\[(?P<bracketed>[A-Z][A-Za-z]{1,20})(?:[ \t]+\d{1,2})?"
                           r"(?:[ \t]*[\u2014\u2013,-][^\]\n]{0,40})?\][ \t]"
                           # a note's tag before its writer: "[yellow, Priya]", "[blue, me]" (a wall of sticky notes)
                           r"|\[[a-z][\w-]{1,15}[ \t]*[,/][ \t]*(?P<tagged>[A-Za-z][\w'.-]{0,20})\][ \t]"
                           # a note in brackets its speaker opens with their name: "[GREER: Days, not years.]"
                           r"|\[(?P<noted>[A-Z][\w'.-]{1,24})[ \t]*:"
                           # a name in capitals prompting its line, as a terminal or an attendant's log does: "SYSTEM> "
                           r"|(?P<prompted>[A-Z][A-Z0-9_-]{1,20})>[ \t]"
                           # a video call's chat ("19:33:40  From Sunny Oduya to Everyone:") and its transcript's
                           # speaker over their words ("[Renata Okafor (Host)] 00:01:35")
                           r"|From[ \t]+(?P<chatted>[\w@][\w'.@-]{0,24}(?:[ ][A-Z][\w'.-]{1,20})?)"
                           # (or with no addressee, the colon set apart, as an older export writes it: "20:31:12 From
                           # Gloria Pineda : the LIBRARY", "From Renata Okafor (Host) : ...")
                           r"(?:[ \t]*\([^()\n]{1,20}\))?(?:[ \t]+to[ \t]+[\w ]{1,30}|[ \t]+(?=:))[ \t]*:"
                           r"|\[(?P<called>[A-Z][\w'.-]{0,20}(?:[ ][A-Z][\w'.-]{1,20}){0,2})"
                           r"(?:[ \t]*\([^()\n]{1,20}\))?\][ \t]+\d{1,2}:\d\d(?::\d\d)?[ \t]*$"
                           rf"|(?P<posted>[A-Z][\w'.-]{{0,24}}(?:[ ][A-Z][\w'.-]{{0,20}}){{0,2}}){_POST_TIME})",
                           re.MULTILINE)
_NOT_A_SPEAKER = frozenset({"rating", "score", "verdict", "grade", "note", "update", "edit", "pros", "cons", "tldr",
                            "spoilers", "question", "answer", "q", "a", "http", "https", "ed", "editor", "correction",
                            "spoiler", "tn", "nb", "ps", "sic", "front", "back", "tonight", "today", "tomorrow",
                            "yesterday", "now", "later", "next"})  # (a card's sides, "FRONT:"; a time, "Tonight:")
# a title in capitals with its year, whose colon parts it from its subtitle: "JOHN WICK: CHAPTER 3 – PARABELLUM (2019)"
_TITLE_WITH_YEAR = re.compile(r"[^a-z\n]*\((?:19|20)\d\d\)[ \t]*$", re.MULTILINE)
# the one who writes: a phone's own side of a text exchange
_SELF = frozenset({"me", "i", "myself"})
# ... or a screenplay's part for the critic: its cue says who writes
_SCRIPT_SELF = frozenset({"critic", "the critic", "reviewer", "the reviewer"})
# a screenplay's scene heading, which makes its indented names in capitals speakers' cues
_SCENE_HEADING = re.compile(r"^[ \t]*(?:INT|EXT|INT\./EXT)\.[ \t]+\S|^[ \t]*FADE IN:", re.MULTILINE)
# a screenplay's speaker: a name in capitals on a line of its own, indented far, over its indented lines of dialogue
# (maybe under a parenthetical: "(whispering)"), its extension apart: "CRITIC (CONT'D)", "GUS (O.S.)"
_SCRIPT_CUE = re.compile(r"^[ \t]{8,}(?P<cue>[A-Z][A-Z.'\u2019-]+(?:[ ][A-Z][A-Z.'\u2019-]+){0,2})"
                         r"(?:[ \t]*\([^()\n]{1,20}\))?[ \t]*\n(?=(?:[ \t]+\([^()\n]{1,60}\)[ \t]*\n)?[ \t]{4,}\S)",
                         re.MULTILINE)


def in_authors_turns(text: str, positions: list[int]) -> list[bool] | None:
    """For each of ``positions``, whether it stands in a turn of the transcript's or chat's author; None when
    ``text`` is no transcript or names no author. The author is "Me" in a phone's exchange (or a speaker called
    CRITIC or REVIEWER), else the one speaker named above the first turn ("exported by Priya", "Priya's log"), else
    the one the text marks as its critic before they first speak ("our critic Pat Lee"), else the host who speaks
    first. A transcript
    has two speakers or more with two turns or more each (a block of labelled fields has each label once)."""
    turns = _turns(text)
    counts = Counter(name for _, name in turns)
    if not turns or sum(count >= 2 for count in counts.values()) < 2:
        return None
    author = _author(text, turns, counts)
    if author is None:
        return None
    starts = [start for start, _ in turns]
    spans = _turn_spans(text, turns, set(counts))
    owners = [bisect.bisect_right(starts, position) - 1 for position in positions]
    # before the first turn nobody speaks; after a heading that closes a turn, the page is the author's again
    return [index >= 0 and (turns[index][1] == author or position >= spans[index][1])
            for index, position in zip(owners, positions, strict=True)]


# a heading in capitals on its own line after a blank one: a new part of the page ("WITNESS STATEMENT", "MY VERDICT")
# that closes the turn above it; so does the writer's own score label opening a paragraph ("My score: 4 out of 5"
# after a dialogue's last turn)
# (or a rule across the page, as a show's closing card opens: "\n\n────────\nJOHN WICK: CHAPTER 3 (2019)"; or a
# paragraph opened by a time stamp and no speaker's name, a commentary's or a log's next entry in the writer's voice:
# "\n\n[00:41:45] The Continental! Ian McShane is Winston")
_HEADING_AFTER_TURN = re.compile(PARAGRAPH_BREAK.pattern + "(?=" + CAPITALS_HEADING.pattern
                                 # a short line that a word in capitals opens, no sentence: "REVIEW, now that the
                                 # van has finally found me"
                                 + r"|[ \t*_#]*(?-i:[A-Z]{2,})\b[^\n.!?:]{0,60}\n"
                                 + r"|[ \t*_]*(?i:(?:my|our)[ \t]+(?:own[ \t]+)?(?:score|verdict|rating|grade|mark))"
                                 r"[ \t*_]*[:\u2013\u2014-]"
                                 + "|" + RULE_LINE.pattern.removeprefix("^")
                                 + rf"|[ \t]*{STAMP}[ \t]*(?![^\n:]{{1,30}}:[ \t]))", re.MULTILINE)


def _turn_spans(text: str, turns: Sequence[tuple[int, str]], speakers: AbstractSet[str]) -> list[tuple[int, int]]:
    """The spans of ``turns`` whose speaker is one of ``speakers``, each up to the next turn or to a heading between."""
    ends = [start for start, _ in turns[1:]] + [len(text)]
    spans = []
    for (start, name), end in zip(turns, ends, strict=True):
        if name in speakers:
            heading = _HEADING_AFTER_TURN.search(text, start, end)
            spans.append((start, heading.end() if heading else end))
    return spans


def is_transcript(text: str) -> bool:
    """Whether ``text`` is a transcript or a chat: two speakers or more with two turns or more each."""
    return bool(turn_starts(text))


def turn_starts(text: str) -> list[int]:
    """Where each speaker's turn starts in a transcript or a chat (:func:`is_transcript`); empty for any other text."""
    turns = _turns(text)
    counts = Counter(name for _, name in turns)
    return [start for start, _ in turns] if sum(count >= 2 for count in counts.values()) >= 2 else []


@lru_cache(maxsize=2)  # (asked for each score a review gives in the first person, and for the author's turns)
def _turns(text: str) -> tuple[tuple[int, str], ...]:
    turns = [(turn.start(), _voice(name, turn["voice"]), turn["noted"] is not None)
             for turn in _SPEAKER_TURN.finditer(text)
             if (name := turn["name"] or turn["bracketed"] or turn["tagged"] or turn["noted"]
                         or turn["prompted"] or turn["chatted"] or turn["called"] or turn["posted"]).lower()
             not in _NOT_A_SPEAKER and not (turn["bracketed"] and _STAGE_DIRECTION.match(name))  # "[Applause]": nobody
             and not (SCREEN_TEXT.fullmatch(name) and not turn["voice"])  # ("SUPER:": shown; not "CAPTION (ANA):")
             and any(c.isalpha() for c in name)  # a time stamp's hours or a date, "2019-05-20 00:47", name nobody
             and not _TITLE_WITH_YEAR.match(text, turn.start())] if ":" in text or "[" in text or ">" in text else []
    if "        " in text and _SCENE_HEADING.search(text):  # (a screenplay's cues need no colon)
        turns = sorted(turns + [(cue.start(), "me" if cue["cue"].lower() in _SCRIPT_SELF else cue["cue"], False)
                                for cue in _SCRIPT_CUE.finditer(text)])
    # (a note in brackets opened by a name is a turn of a speaker who has turns of their own: not "[Interpreter: ...]")
    speakers = {name for _, name, noted in turns if not noted}
    return tuple((start, name) for start, name, noted in turns if not noted or name in speakers)


# a comic script's caption or a narration, whose voice the bracket names: "CAPTION (OSWALDO):", "NARRATOR (TOMAS):"
_NARRATION = frozenset({"caption", "captions", "narration", "narrator", "voiceover", "voice-over", "vo", "v.o."})
_VOICE_NAME = re.compile(r"[A-Z][\w'.\u2019-]*(?:[ ][A-Z][\w'.\u2019-]*){0,2}")


def _voice(name: str, voice: str | None) -> str:
    """Who speaks a turn: the voice a caption's or a narration's bracket names, else the turn's name."""
    if voice is not None and name.lower() in _NARRATION and _VOICE_NAME.fullmatch(voice.strip()):
        return voice.strip()
    return name


def _author(text: str, turns: tuple[tuple[int, str], ...], counts: Counter[str]) -> str | None:
    """Who writes a transcript or a chat (:func:`in_authors_turns`); None when no speaker has two turns first."""
    speakers = [name for name in counts if counts[name] >= 2]
    own = [name for name in speakers if name.lower() in _SELF or name.lower() in _SCRIPT_SELF]
    if own:
        return own[0]
    # (above the first turn of a speaker: a cast list labelled "CAST:", a line of "Voices:", reads as a turn of its own)
    header = text[:min(start for start, who in turns if who in speakers)]
    # a cast list that gives one speaker the author's voice: "SOCRATES, who speaks for the author", "MAYA (the writer)"
    voiced = [name for name in speakers if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])\s*(?:,|\(|\u2014|-)\s*"
                                                     rf"(?:{_AUTHORS_VOICE})", header, re.IGNORECASE)]
    if len(voiced) == 1:
        return voiced[0]
    introduced = [name for name in speakers if _introduces_self_as(header, name)]
    if len(introduced) == 1:
        return introduced[0]  # "i'm priya (P), he's J": the poster names their own label
    bylined = _bylined_role(header, speakers)
    if bylined is not None:
        return bylined
    owner = _owner_named(header, speakers, loose=True) or _named_host(text, turns, counts)
    if owner is not None:
        return owner
    # the speaker whose first turn welcomes the audience as the host ("Hi, welcome to Reel Violence, I'm Hollis Grant")
    hosts = [name for name in speakers if _HOST_GREETING.search(text, *_first_turn(text, turns, name))]
    if len(hosts) == 1:
        return hosts[0]
    # the speaker the text marks as its critic before they first speak: "Your reviewer is Hank Oduya", "our critic Pat"
    firsts = {name: next(start for start, who in turns if who == name) for name in speakers}
    marked = [name for name in speakers if any(_marked_critic(text, at.start(), at.end()) for at in re.finditer(
        rf"(?<![\w@]){re.escape(name)}(?![\w])", text[:firsts[name]], re.IGNORECASE))]
    if len(marked) == 1:
        return marked[0]
    authored = [name for name in speakers if name.lower() in text_authors(text)]  # a byline's: "Notes by Ben"
    if len(authored) == 1:
        return authored[0]
    return next((who for _, who in turns if who in speakers), None)  # (the first who speaks twice, not a "Voices:")


_STAMPED = re.compile(rf"[ \t]*{STAMP}")
_POSTED = re.compile(rf"[^\n]*?{_POST_TIME}", re.MULTILINE)


def _named_host(text: str, turns: tuple[tuple[int, str], ...], counts: Counter[str]) -> str | None:
    """The one speaker the heading above their first turn names as the host, the exporter or the recorder ("Host: X",
    "Exported by X (Host)", "X (Host)") or as the presenter by first name ("Presented by Gwen Talbot-Ray" over "GWEN:"),
    or whose own turns' labels say so ("[Renata Okafor (Host)] 00:00:09"): the author."""
    speakers = [name for name in counts if counts[name] >= 2]
    header = text[:min((start for start, name in turns if name in speakers), default=0)]
    named = [name for name in speakers if re.search(
        rf"\b(?:(?:host|owner)(?:ed[ \t]+by)?[ \t]*:|(?:exported|recorded|transcribed|presented|hosted|fronted|"
        rf"anchored)[ \t]+by)[ \t]*{re.escape(name)}(?![\w-])"
        rf"|(?<![\w-]){re.escape(name)}[ \t]*\((?:the[ \t]+)?host\b", header, re.IGNORECASE)]
    named = named or [name for name in speakers if all(
        re.match(rf"[^\n]{{0,20}}?{re.escape(name)}[ \t]*\(host\)", text[start:start + 80], re.IGNORECASE)
        for start, who in turns if who == name)]
    return named[0] if len(named) == 1 else None


_HOST_GREETING = re.compile(r"\b(?:welcome\s+(?:back\s+)?to\b[^.!?\n]{0,60}?\bi['\u2019]?m\s+(?-i:[A-Z])|"
                            r"i['\u2019]?m\s+your\s+(?:host|presenter)\b)", re.IGNORECASE)


def _first_turn(text: str, turns: tuple[tuple[int, str], ...], name: str) -> tuple[int, int]:
    """Where ``name``'s first turn runs."""
    index = next(i for i, (_, who) in enumerate(turns) if who == name)
    return turns[index][0], turns[index + 1][0] if index + 1 < len(turns) else len(text)


_AUTHORS_VOICE = (r"(?:who\s+)?(?:speaks|speaking|stands|standing)\s+(?:for|in\s+for)\s+(?:the|this|our)\s+"
                  r"(?:author|writer|critic|reviewer)\b|(?:the|our)\s+(?:author|writer|critic|reviewer)\s*\)")
_NOT_A_NAME = r"(?!(?:and|or|with|to|for|at|not|in|on)\b)"  # "me and J", "I'm with J": the other party


# a byline above a transcript, which may give the writer's trade after the name: "by Ray Dumont, negotiator",
# "Posted by Marisol Vance, crisis negotiator (retired)"
_BYLINE_LINE = re.compile(r"^[^\n]*\bby[ \t]+(?-i:[A-Z])[^\n]*", re.MULTILINE | re.IGNORECASE)


def _bylined_role(header: str, speakers: Sequence[str]) -> str | None:
    """The one speaker whose label is the trade a byline above the turns gives its writer ("by Ray Dumont,
    negotiator" over "NEGOTIATOR:" and "SUBJECT:" turns); None when that is not one speaker."""
    lines = [line.group() for line in _BYLINE_LINE.finditer(header)]
    named = [name for name in speakers if name[:1].isalpha() and any(
        # (the trade, maybe qualified, right after the comma: not "by Gwen Talbot-Ray, with Danny Okafor")
        re.search(rf"\bby\b[^\n]*,[ \t]*(?:(?!(?:with|and|plus)\b)[\w'-]+[ \t]+){{0,3}}{re.escape(name)}(?![\w-])",
                  line, re.IGNORECASE)
        for line in lines)]
    return named[0] if len(named) == 1 else None


def _introduces_self_as(header: str, name: str) -> bool:
    """Whether the lines above a chat give ``name`` as the poster's own label: "i'm priya (P)", "I am Dee", "me = K"."""
    return re.search(rf"\b(?:i['\u2019]?m|i\s+am|me(?:\s*=|\s*:)?)\s+(?:{_NOT_A_NAME}[\w'\u2019-]+\s*)?\(?"
                     rf"{re.escape(name)}(?![\w@-])", header, re.IGNORECASE) is not None


# a chat's other party, as an export names it: "WhatsApp chat with Marco", "Messages with Dana", "DMs with @sam"
_CHAT_WITH = re.compile(r"\b(?:chat|conversation|messages|texts|dms?|thread)\s+with\s+@?\Z", re.IGNORECASE)


def _owner_named(header: str, speakers: Sequence[str], loose: bool = False) -> str | None:
    """The one of a chat's ``speakers`` whose chat it is, by its heading: the one it does not give as the other party
    ("WhatsApp chat with Marco"); else, ``loose`` (whose score it is), the one speaker it names in any case or the one
    it names in full, as a byline does ("chat export, Noor Haddad <> Tom\u00e1s"); None when that is not one speaker.
    (A heading that names one speaker in full names a guest as often as the writer: "Dana talks to Keanu Reeves".)"""
    mentions = {name: found for name in speakers if name[:1].isalpha() or name[:1] == "@"
                if (found := list(re.finditer(rf"(?<![\w@-]){re.escape(name)}(?![\w-])", header,
                                              re.IGNORECASE if loose else 0)))}
    others = {name for name, found in mentions.items()
              if all(_CHAT_WITH.search(header, max(0, at.start() - 30), at.start()) for at in found)}
    if others:
        rest = [name for name in speakers if name not in others]
        return rest[0] if len(rest) == 1 else None
    if not loose:
        return None
    if len(mentions) == 1:
        return next(iter(mentions))
    full = [name for name, found in mentions.items()
            if name.istitle() and any(_SURNAME.match(header, at.end()) for at in found)]
    return full[0] if len(full) == 1 else None


_SURNAME = re.compile(r"[ \t]+[A-Z][a-z][\w'\u2019-]*(?!\s*:)")  # (a name's, not a heading's: "HIVE RECORDS")

# A transcript's bracketed tag, then the words it gives to someone in the room: '[crowd member shouts] "It came out in
# 2015!"', '[woman near the front] "Daisy was a pit bull!"', '[Gary, again] "Is Iosef Keanu's son?"'
_TAGGED_QUOTE = re.compile(r"\[(?P<tag>[^\[\]\n]{1,60})\][ \t]*"
                           r"(?P<quote>[\"\u201c][^\"\u201c\u201d\n]{0,300}[\"\u201d])")
_SOMEONE_SPEAKS = re.compile(r"\b(?:crowd|audience|heckler|guy|man|woman|lady|someone|somebody|member|voice|fan|table|"
                             r"kid|person|girl|boy|dude|people|shouts?|yells?|calls?|heckles?|says|asks)\b"
                             # or a name, maybe with a word of manner: "[Gary, again]", "[Priya]"
                             r"|^(?-i:[A-Z][a-z]+)(?:,[^\]]*)?$", re.IGNORECASE)
# a tag that directs the stage and names no speaker: the speaker's own words follow it; or one that names what a
# broadcast shows on screen, whose words are the programme's, not a guest's ("[GRAPHIC] TEDDY'S TAKE • 78 / 100")
_STAGE_DIRECTION = re.compile(r"^(?:laughs?|laughter|applause|pause|beat|silence|music|inaudible|crosstalk|cheers?|"
                              r"groans?|sighs?|mimes?|impression|in\s+a\s+[\w\s-]+voice|sings?|"
                              r"graphics?|crawl|ticker|chyron|caption|super|onscreen|slate|sfx|breaking|developing)\b",
                              re.IGNORECASE)


# a translator's note in brackets: "[TN: Leguizamo's character is in fact called Aurelio.]", "(Translator's note: ...)",
# "[N.d.T.: ...]", "[Anm. d. Übers.: ...]": the translator's words, not the critic's
_TRANSLATORS_NOTE = re.compile(r"[\[(][ \t]*(?:TN|T\.N\.|N\.\s?d\.\s?T\.|NdT|Anm\.\s?d\.\s?Übers\.|"
                               r"(?i:translator['\u2019]?s?\s+note|note\s+(?:from\s+|by\s+)?the\s+translator|"
                               r"trans(?:l)?\.\s+note))[ \t]*[:.\u2014\u2013-][^\[\]()]{0,1200}[\])]")

# a voice assistant or a chatbot answering the one who reviews: "ASSISTANT:", "Alexa:", "AI:"
_MACHINE = frozenset({"assistant", "ai", "bot", "chatbot", "alexa", "siri", "cortana", "computer", "gpt", "chatgpt"})


# a chat's command to its bot: a turn that is only a command word after "!" or "/" and its arguments ("!film info jw2")
_COMMAND = re.compile(r"[ \t]*[!/][a-z]\w*(?:[ \t]+[^\n]*)?\n", re.IGNORECASE)


def _machine_turns(text: str) -> list[tuple[int, int]]:
    """The turns of a voice assistant or a chatbot in a transcript: its answers are not the reviewer's. A chat's bot
    is known by its name ("ASSISTANT:", "Alexa:") or as the one who answers a command ("!film info jw2")."""
    counts = Counter(name for _, name in _turns(text))
    # (a bot's card under its turn has labelled lines, "Starring: ...", which are no speakers' turns)
    turns = [(start, name) for start, name in _turns(text) if counts[name] >= 2 or name.lower() in _MACHINE]
    if not turns:
        return []
    ends = [start for start, _ in turns[1:]] + [len(text)]
    machines = {name for name in counts if name.lower() in _MACHINE}
    if "!" in text or "/" in text:
        for index in range(1, len(turns)):
            (start, asker), (_, answerer) = turns[index - 1], turns[index]
            named = text.find(asker, start, ends[index - 1])  # (the turn's words, after its stamp and sender)
            said = text.find(":", named + len(asker), ends[index - 1]) + 1 if named >= 0 else 0
            if asker != answerer and said and _COMMAND.fullmatch(text, said, ends[index - 1]):
                machines.add(answerer)
    return [answer for turn in _turn_spans(text, turns, machines) if (answer := _quoted_answer(text, turn))]


# a turn that is one quotation on its line ("AI: "It was directed by X.""): the answer quoted, annotated below
_QUOTED_TURN = re.compile(r"[^\n:]{1,40}:[ \t]*[\"\u201c][^\n]*[\"\u201d][ \t]*(?=\n)")


def _quoted_answer(text: str, span: tuple[int, int]) -> tuple[int, int] | None:
    """A machine's turn, up to the end of its line when it is a quotation there: the lines under it are the writer's
    annotations (what the writer ticks as right, "✔ Correct", is theirs too: None)."""
    quoted = _QUOTED_TURN.match(text, span[0], span[1])
    if quoted is None:
        return span
    return None if ticked(text, quoted.end()) else (span[0], quoted.end())


# the public in a transcript, named by its part: a lecture's students, a phone-in's callers, a talk's audience; they
# ask, guess and argue, and their claims are theirs ("STUDENT (front row): Wasn't it directed by David Leitch?"), as a
# press conference's reporters' are ("REPORTER (Screen Axis): Chad, your third time co-directing with X...")
_AUDIENCE = re.compile(r"(?:students?|pupil|caller|listener|viewer|audience(?:\s+member)?|questioner|heckler|attendee|"
                       r"guest\s+caller|class|reporter|journalist|press|fan|crowd|"
                       # ... or by where they sit, in a club or a hall: "FRONT ROW (woman, very sure):", "BACK TABLE"
                       r"(?:(?:front|back|middle|rear|side|corner)\s+)?(?:row|table|booth|bar|balcony|stalls|aisle))"
                       r"(?:\s+\w{1,2})?", re.IGNORECASE)


def _audience_turns(text: str) -> list[tuple[int, int]]:
    """The turns of the public in a transcript whose speakers include one who speaks twice or more by name: what
    students, callers, reporters and the audience say is not the lecturer's, the host's or the panel's."""
    turns = _turns(text)
    if not any(_AUDIENCE.fullmatch(name) for _, name in turns):
        return []
    counts = Counter(name for _, name in turns)
    if not any(count >= 2 and not _AUDIENCE.fullmatch(name) for name, count in counts.items()):
        return []
    spans = _turn_spans(text, turns, {name for name in counts if _AUDIENCE.fullmatch(name)})
    # (a label whose value is a name alone is a record's field, not a turn: "Reporter: Mireille Okafor (film desk)")
    return [span for span in spans if (colon := text.find(":", span[0], span[1])) < 0
            or not _NAME_VALUE.match(text, colon + 1)]


_NAME_VALUE = re.compile(r"[ \t]*(?-i:[A-Z])[\w.'\u2019-]*(?:[ \t]+(?-i:[A-Z])[\w.'\u2019-]*){0,3}"
                         r"(?:[ \t]*\([^()\n]{0,60}\))?[ \t]*(?:\n|\Z)")


# what the heading of a chat or a panel says of the one among its speakers who reviews: "MARISOL TRAN (critic, The
# Reel Ledger)", "critic: Dev Okafor", "velvetgoon's writeup"
# (not another critic: "RUTH (50s, rival critic at the Ledger)", "a fellow reviewer")
_CRITIC_MARK = re.compile(r"(?<!rival )(?<!fellow )(?<!other )(?<!another )(?<!guest )(?<!rival film )"
                          r"\b(?:critic|reviewer|write-?up|review(?:ed)?\s+by)\b|['\u2019]s\s+(?:review|take)\b",
                          re.IGNORECASE)
_MARK_REACH = 40  # characters between the name and the mark after it, at most
_ASIDE_AROUND = re.compile(r"\([^()\n]{1,80}\)")
_MARK_BEFORE = re.compile(r"(?:critic|reviewer|review(?:ed)?\s+by)(?:[ \t]+(?:is|was|tonight|today|here)){0,2}"
                          r"[ \t]*[:\u2014\u2013-]?[ \t]*\Z", re.IGNORECASE)


def _marked_critic(header: str, start: int, end: int) -> bool:
    """Whether the name at ``start``-``end`` of a heading is marked as the critic's: right after the mark ("critic:
    Dev Okafor"), with the mark after it before the next name's separator ("DEV RAO (critic, Static) / ..."), or
    inside an aside with the mark ('(critic on position, logged as "TOWER")')."""
    if _MARK_BEFORE.search(header, max(0, start - 15), start):
        return True
    aside = _ASIDE_AROUND.search(header, max(0, start - _MARK_REACH * 2), min(len(header), end + _MARK_REACH))
    if aside is not None and aside.start() < start and end < aside.end() and _CRITIC_MARK.search(aside.group()):
        return True  # the name inside an aside that marks the critic: '(critic on position, logged as "TOWER")'
    after = header[end:end + _MARK_REACH]
    after = after[:min((at for at in (after.find(mark) for mark in "/\u00b7;|\n") if at >= 0), default=len(after))]
    return _CRITIC_MARK.search(after) is not None


def others_turns(text: str) -> list[tuple[int, int]]:
    """The turns of everyone but the critic in a chat or a panel whose heading names one of its speakers as the
    critic ("Panelists: MARISOL TRAN (critic, The Reel Ledger) · KEV DUBOIS (stunt performer)"), or where the critic
    speaks as "me" ("[blue, me]" on a wall of notes): the moderator's, the other panelists' and the other members'
    words are theirs."""
    turns = _turns(text)
    counts = Counter(name for _, name in turns)
    if not turns or len({name for start, name in turns if counts[name] >= 2 or _POSTED.match(text, start)}) < 2:
        return []  # (two speakers, each with two turns or a team chat's post under their name and time)
    # (the heading's own labelled lines, "Moderator: ...", "Panelists: ...", are no turns: each speaks once)
    header = text[:next(start for start, name in turns if counts[name] >= 2)]
    critics = {name for name in counts if counts[name] >= 2 and any(
        _marked_critic(header, at.start(), at.end())
        for at in re.finditer(rf"(?<![\w@]){re.escape(name)}(?![\w])", header, re.IGNORECASE))}
    # ... or who speaks as "me": a phone's exchange, a wall of notes ("[blue, me]"), or whose chat it is
    critics = critics or {name for name in counts if counts[name] >= 2 and name.lower() in _SELF}
    # ... or whose trade a byline gives as their label ("by Ray Dumont, negotiator" over "NEGOTIATOR:"); then only
    # the others who speak twice or more are speakers, and not a note someone's label heads ("PRODUCER'S NOTE:")
    bylined = None if critics else _bylined_role(header, [name for name in counts if counts[name] >= 2])
    if bylined is not None:
        critics = {bylined}
        counts = Counter({name: count for name, count in counts.items()
                          if count >= 2 and not re.search(r"['\u2019]s\b", name, re.IGNORECASE)})
    if not critics:
        owner = _owner_named(header, [name for name in counts if counts[name] >= 2]) or _named_host(text, turns, counts)
        critics = {owner} if owner else set()
    if len(critics) != 1 or _page_written_by_another(header, next(iter(critics))):
        return []
    critic = next(iter(critics))
    # (one who speaks once is another speaker only beside the critic's turn, in the same block of lines: not a
    # listing's "Director:" line)
    beside = {name for (one, first), (other, second) in pairwise(turns)
              if critic in (first, second) and "\n\n" not in text[one:other] for name in (first, second)}
    # (a time-stamped turn is one, and so is a team chat's post under its sender and time)
    beside |= {name for start, name in turns if _STAMPED.match(text, start) or _POSTED.match(text, start)}
    return _turn_spans(text, turns, {name for name in counts
                                     if name != critic and (counts[name] >= 2 or name in beside)})


# a heading's line that names who wrote the page's own parts: "Introduction and transcript by Sam Kerr", "(she wrote
# the introduction and the closing note)", "(the introduction and the closing note are hers)", "(author of the notes)"
_PAGE_PART = r"(?:introduction|intro|closing[ \t]+note|notes|transcript|write-?up|foreword|afterword)"
_PAGE_WRITER = re.compile(rf"\b(?:author[ \t]+of|wrote|writes|written[ \t]+by)\b[^\n]{{0,40}}?\b{_PAGE_PART}\b"
                          rf"|\b{_PAGE_PART}\b[^\n]{{0,60}}?\b(?:by|(?:are|is)[ \t]+(?:hers|his|theirs))\b",
                          re.IGNORECASE)


def _page_written_by_another(header: str, critic: str) -> bool:
    """Whether the heading names the page's writer on a line without the critic: a host's transcript of a panel
    reports what its guests say, and the guests' facts are the page's, the critic's among them."""
    for mark in _PAGE_WRITER.finditer(header):
        end = header.find("\n", mark.end())
        line = header[header.rfind("\n", 0, mark.start()) + 1:end if end >= 0 else len(header)]
        if critic.lower().split()[0] not in line.lower():  # (by the first name at least: "the host (Renata O.)")
            return True
    return False


# a voice's heading: a person's name in capitals on a line of its own
# (not a section's own heading: "THE VERDICTS", "FINAL SCORE", "CAST AND CREDITS")
_VOICE_HEADING = re.compile(r"^[ \t#*_]*(?!(?:THE|A|AN|OUR|MY|FINAL|IN|ON|WHY|WHAT)\b)"
                            r"(?P<name>(?-i:[A-Z][A-Z'\u2019-]+)(?:[ \t]+(?-i:[A-Z][A-Z'\u2019-]+)){1,2})"
                            r"(?<!VERDICT)(?<!VERDICTS)(?<!SCORE)(?<!SCORES)(?<!RATING)(?<!CREDITS)(?<!CAST)"
                            r"[ \t*_:]*$", re.MULTILINE)
_BYLINE_PART = 0.2  # a byline stands in this first part of the text


def others_sections(text: str) -> list[tuple[int, int]]:
    """In a piece of several voices, each under its name in capitals ("LORNA TEAGUE" ... "RAVI DESHMUKH" ...), the
    sections of everyone but the byline's author ("By Lorna Teague"): a point-counterpoint column's other critic."""
    byline = BYLINE.search(text, 0, int(len(text) * _BYLINE_PART) + 40)
    if byline is None:
        return []
    headings = list(_VOICE_HEADING.finditer(text, byline.end()))
    names = {h["name"].lower() for h in headings}
    author = byline["who"].lower()
    if len(names) < 2 or author not in names:
        return []
    ends = [h.start() for h in headings[1:]] + [len(text)]
    return [(h.start(), end) for h, end in zip(headings, ends, strict=True) if h["name"].lower() != author]


def others_quoted(text: str) -> list[tuple[int, int]]:
    """The quotations a transcript's bracketed tag gives to someone other than its speaker (a heckler, a crowd
    member, a named guest): what they shout is theirs, not the review's claim or score; a translator's bracketed
    notes ("[TN: ...]"), a voice assistant's answers ("ASSISTANT: ...") and the public's turns ("STUDENT: ...",
    "CALLER (Denise):"); the questions of an
    examination's transcript (:func:`questioners_turns`); and quotations attributed to someone
    (:func:`attributed_quotes`)."""
    spans = questioners_turns(text) + attributed_quotes(text) + _machine_turns(text) + others_turns(text) \
        + others_sections(text) + _audience_turns(text)
    if "[" in text or "(" in text:
        spans += [note.span() for note in _TRANSLATORS_NOTE.finditer(text)]
    if "[" not in text:
        return spans
    return spans + [match.span("quote") for match in _TAGGED_QUOTE.finditer(text)
                    if _SOMEONE_SPEAKS.search(match["tag"].strip())
                    and not _STAGE_DIRECTION.match(match["tag"].strip())]
