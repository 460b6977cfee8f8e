"""Performance verbs whose object is the role: "Common gives us Cassian", "Mark Dacascos nails Zero", "X brings Zero
to life", "Claudia Gerini gives Gianna one long, sad scene"; not the plot's verbs ("gives Winston the coin")."""

from __future__ import annotations

import re

from .links import APPOSITION, gap_words

__all__ = ["QUALITIES", "endowed_pronoun", "performed_link", "worn_role_end"]


# "Common gives us Cassian", "Mark Dacascos has enormous fun with Zero", "X, who gave us Viggo": a performance
# verb whose object is the role ("gives Winston the coin", without "us", is the plot)
_PERFORMS = re.compile(r"\s*(?:,\s*)?(?:who\s+)?(?:\w+ly\s+)?(?:(?:gives|gave|brings|brought)\s+us|"
                       r"has\s+(?:\w+\s+){0,2}fun\s+with|"
                       r"(?:does|did)\s+(?:wonders|great\s+things|a\s+lot|so\s+much)\s+with)\s+\Z", re.IGNORECASE)

# "Claudia Gerini gives Gianna one long, sad scene", "Common lends Cassian real dignity": the actor gives the role a
# quality of the performance; "gives Winston the coin" (an object of the plot) is no such thing
_GIVING = r"(?:gives|gave|lends|lent)"
_BRINGING = r"(?:brings|brought)"
# (a title or a description may stand before the role: "gives crime boss Viggo Tarasov a weary dignity")
_GIVES = re.compile(rf"\s*(?:\w+ly\s+)?{_GIVING}\s+(?:(?:the|his|her)\s+)?(?:(?-i:[a-z])[\w-]*\s+){{0,2}}\Z",
                    re.IGNORECASE)
# "Mark Dacascos nails Zero", "Jerome Flynn turns in a sly Berrada", "X brings Zero to life": a performance verb
# whose object is a role of the reviewed work
_PERFORMANCE_VERB = re.compile(r"\s*(?:\w+ly\s+)?(?:(?:nails|nailed|aces|aced|inhabits|inhabited)\s+|"
                               r"turns?\s+in\s+(?:a|an)\s+(?:[\w-]+,?\s+){0,3}?)\Z", re.IGNORECASE)
# "nails Zero to the wall": a place after the role makes the verb the plot's
_PLOT_AFTER = re.compile(r"\s+(?:to|into|onto|against|with|through|under|on|in|at)\b", re.IGNORECASE)
_BRINGS = re.compile(rf"\s*(?:\w+ly\s+)?{_BRINGING}\s+\Z", re.IGNORECASE)
_TO_LIFE = r"\s+(?:\w+\s+)?to\s+life\b"
_TO_LIFE_AFTER = re.compile(_TO_LIFE, re.IGNORECASE)
# what a performance gives a role: "gives Gianna one long, sad scene", "brings menace to the Marquis"
QUALITIES = (r"(?:scenes?|moments?|weight|gravity|menace|warmth|dignity|soul|depth|life|presence|edge|"
              r"bite|charm|grace|humanity|heart|texture|voice|pathos|swagger|spark|sadness|melancholy|wit|authority|"
              r"energy|spine|sting|sparkle|poise|mystery|tenderness|vulnerability|gravitas|physicality|intensity|"
              r"stillness|sorrow|grief|humour|humor|fun|danger|elegance|class|cool|sadism|glee|rage|fury|twinkle|gleam|"
              r"nuance|weariness|sincerity|ferocity|mischief|relish|conviction|credibility|manners|bearing|air|"
              r"timing|comedy|bravado|panache|sympathy|"
              # a feeling or an attitude ("a gleeful contempt for the rules", "an icy malice")
              r"contempt|disdain|scorn|malice|spite|pride|joy|delight|dread|longing|regret|resolve|zeal|hunger|"
              # an abstract noun of quality by its suffix ("a dry ambiguity", "a quiet sadness", "a comic fatalism",
              # "a quiet ambivalence"; not "a chance")
              r"[a-z]{3,}(?:ity|ness|ism)|[a-z]{4,}(?:ence|ance))")
_QUALITY = rf"\s+(?:[\w'\u2019-]+,?\s+){{0,4}}?{QUALITIES}\b"  # (a possessive between: "a soldier's patience")
_QUALITY_AFTER = re.compile(_QUALITY, re.IGNORECASE)
# "Bill Skarsgård brings a snotty, velvet-gloved menace to the Marquis": the quality named, then the role
# "Clancy Brown lends his baritone to the Harbinger", "lends her considerable cool to Akira": to lend one's own
# anything to a role is an idiom of performance, whatever is lent
_QUALITY_TO = re.compile(rf"\s*(?:\w+ly\s+)?(?:(?:{_BRINGING}|{_GIVING}|adds|added)\s+"
                         rf"(?:[\w'-]+,?\s+){{0,5}}?{QUALITIES}|(?:lends|lent)\s+(?:his|her|their)"
                         rf"(?:\s+[\w'-]+,?){{1,3}}?)\s+to\s+\Z", re.IGNORECASE)


def performed_link(gap: str, after: str) -> bool:
    """Whether ``gap`` is a performance verb whose object is the role after it; ``after`` follows the role.

    "Common gives us Cassian", "Mark Dacascos has enormous fun with Zero", "Mark Dacascos nails Zero", "Jerome
    Flynn turns in a sly Berrada", "X brings Zero to life", "Claudia Gerini gives Gianna one long, sad scene", "Ian
    McShane does his Winston thing", "X brings a snotty menace to the Marquis", "X lends Marcus, an old colleague,
    a dry ambiguity" (the role's apposition before the quality); not the plot's verbs ("gives
    Winston the coin", "nails Zero to the wall")."""
    gap = APPOSITION.sub(" ", gap, count=1)  # "X, still known as the clown from It, brings menace to Y"
    return bool(_PERFORMS.fullmatch(gap) or (_PERFORMANCE_VERB.fullmatch(gap) and not _PLOT_AFTER.match(after))
                or (_GIVES.fullmatch(gap) and _QUALITY_AFTER.match(APPOSITION.sub(" ", after, count=1)))
                or _QUALITY_TO.fullmatch(gap)
                or (_BRINGS.fullmatch(gap) and _TO_LIFE_AFTER.match(after))
                or (_DOES_HIS.fullmatch(gap) and _ROUTINE_AFTER.match(after)))


# "Ian McShane does his Winston thing", "Keanu does the full John Wick routine": the role as the actor's act
_DOES_HIS = re.compile(r"\s*(?:\w+ly\s+)?(?:does|did|doing|is\s+doing)\s+(?:his|her|their|the)\s+"
                       r"(?:usual\s+|full\s+|trademark\s+|signature\s+|whole\s+)?\Z", re.IGNORECASE)
_ROUTINE_AFTER = re.compile(r"\s+(?:thing|routine|shtick|schtick|bit|act|number)\b", re.IGNORECASE)


# "Claudia Gerini gives her a tragic dignity", "Alfie Allen brings him to life": the same verbs with the role as a
# pronoun; "gives him a beating" is the plot's
_ENDOWS_PRONOUN = re.compile(rf"\s+(?:\w+ly\s+)?(?:(?:{_GIVING}|{_BRINGING})\s+(?:him|her|them){_QUALITY}|"
                             rf"{_BRINGING}\s+(?:him|her|them){_TO_LIFE})", re.IGNORECASE)


def endowed_pronoun(after: str) -> re.Match[str] | None:
    """The performance verb right at the start of ``after`` (the text after the actor) whose object is a pronoun
    for the role: " gives her a tragic dignity", " brings him to life"."""
    return _ENDOWS_PRONOUN.match(after)


# the role worn as a garment: "slips effortlessly into Santino's skin", "puts on John Wick's black suit"
_GARMENT = re.compile(r"['\u2019]s?\s+(?:[\w-]+\s+){0,2}?(?:shoes|skin|suits?|boots|mantle|coat|waistcoat|rags|clothes|"
                      r"robes?|costume|uniform|jacket|gloves)\b", re.IGNORECASE)
_PUTS_ON = re.compile(r"\b(?:into|on|dons|donning|wears|wearing|(?P<up>(?:takes|took|taking)\s+up))\s+(?:the\s+)?\Z",
                      re.IGNORECASE)  # worn, not stolen; taken up as a mantle or a suit is (not a coat picked up)
_TAKEN_UP = re.compile(r"['\u2019]s?\s+(?:[\w-]+\s+){0,2}?(?:mantle|suits?)\b", re.IGNORECASE)
_ONE_CLAUSE = re.compile(r"[^.!?;:\n]*")
_WORN_GAP_WORDS = 6


def worn_role_end(text: str, role_end: int, gap: str) -> int | None:
    """Where the garment after a possessive role ends, when the player's ``gap`` before the role puts it on ("slips
    effortlessly into Santino's skin"); None when the role is not worn so."""
    worn, puts_on = _GARMENT.match(text, role_end), _PUTS_ON.search(gap)
    if puts_on is not None and puts_on["up"]:
        worn = _TAKEN_UP.match(text, role_end)
    if worn is None or puts_on is None or not _ONE_CLAUSE.fullmatch(gap) \
            or len([w for w in gap_words(gap) if w != ","]) > _WORN_GAP_WORDS:  # (an aside's commas are no words)
        return None
    return worn.end()
