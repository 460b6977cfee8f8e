"""A review pasted as a patch or a history of commits: what the writer now says, not what they took back.

In a unified diff ("--- a/review.md", "+++ b/review.md", then hunks under "@@ -8,11 +8,11 @@", or a wiki's under
"Line 8:") a line that starts with "-" is in the old draft only: withdrawn, like text an edit struck out. A line that
starts with "+" is in the new draft only, and a line that starts with a space is in both; their first character is
the diff's mark, not text. The file headers and the hunk headers are the tool's, not the writer's.

In a history of commits ("git log", "git log --oneline") a commit that reverts another ('Revert "cast: add Halle Berry
as Sofia"', "This reverts commit e5816d3...") takes back what that commit said: its message, found by its hash or by
its subject, is withdrawn, and so is the subject the revert quotes.

On a till receipt or a ledger a line that voids or refunds an item ("VOID Co-director David Leitch  -3.00") takes
back the line above that rang it up.

In a log, a record commented out ("# 2024-11-02 22:14:08 INFO [cast] Common -> Cassian ... OK") is switched off: what
it says is withdrawn, as long as other records of the same log stand uncommented.

A line labelled as corrected ("CHYRON (CORRECTED): ...", "Caption (updated): ...") replaces the last line before it
under the same label, as a broadcast or a live blog puts a caption right.

A record of corrections gives each field's old value and its new one ("Old value: 2019" over "New value: 2017", a
table's "Old value" column beside its "New value" column): the old value is superseded.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["commented_records", "corrected_lines", "patch_marks", "rejected_rows", "removed_lines", "reverted_commits",
           "superseded_values", "voided_items"]

Span = tuple[int, int]

# a hunk header: the old and the new drafts' line ranges, between "@@" marks (a section's name may follow)
# ... or a wiki's diff: "Line 8:" over the lines it changes ("-| director = X, Y", "+| director = X")
_HUNK = re.compile(r"^(?:@@[ \t]+-\d+(?:,\d+)?[ \t]+\+\d+(?:,\d+)?[ \t]+@@|[ \t]?Line[ \t]+\d{1,5}:[ \t]*(?=\n[-+]))",
                   re.MULTILINE)
# the lines a diff tool writes above the hunks: "diff --git a/x b/x", "index 4c1e9a0..b73d2f5 100644",
# "--- a/review.md", "+++ b/review.md" (maybe with a date), and its note "\ No newline at end of file"
_HEADER = re.compile(r"^(?:diff[ \t]+-|index[ \t]+[0-9a-f]{4,}\.\.|---[ \t]|\+\+\+[ \t]|\\[ \t]+no[ \t]+newline)",
                     re.IGNORECASE)


def _diff_lines(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, kind)`` of each line, when ``text`` holds a unified diff: kind is "header", "removed",
    "added", "context" or "other" (above the first hunk, or a line a diff never holds: prose after the patch)."""
    if "@@" not in text and "Line " not in text:
        return []
    first = _HUNK.search(text)
    if first is None:
        return []
    lines: list[tuple[int, int, str]] = []
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        line = text[start:end]
        if _HUNK.match(line) or _HEADER.match(line):
            kind = "header"
        elif start < first.start():
            kind = "other"  # the text above the patch (the file headers excepted)
        elif line.startswith("-"):
            kind = "removed"
        elif line.startswith("+"):
            kind = "added"
        elif line.startswith(" ") or not line:
            kind = "context"
        else:
            kind = "other"
        lines.append((start, end, kind))
        start = end + 1
    return lines


_COMMIT_NAMED = re.compile(r"\bcommit[ \t]+[0-9a-f]{7,40}\b", re.IGNORECASE)


def removed_lines(text: str) -> list[Span]:
    """Spans of a unified diff's lines that only the old draft has, and, in a history of diffs ("git log -p"), of
    the lines one diff adds and a later one takes out again (in either order of the log: a line taken out in another
    diff at least as often as it is added is not in the last draft; one moved within a diff stays). A diff starts at
    its file header ("+++ b/review.md") or at a line that names its commit ("Changes from commit e31b07d")."""
    lines = _diff_lines(text)
    diff = 0  # which diff of the history a line is in: each starts with its "+++ b/file" header
    added: dict[str, set[int]] = {}
    removed: dict[str, set[int]] = {}
    placed = []
    for start, end, kind in lines:
        if (kind == "header" and text.startswith("+++", start)) \
                or (kind == "other" and _COMMIT_NAMED.search(text, start, end)):
            diff += 1  # (a pull request shows each commit's changes under its name: 'Changes from commit e31b07d')
        content = text[start + 1:end].strip()
        if kind in ("added", "removed") and content:
            (added if kind == "added" else removed).setdefault(content, set()).add(diff)
        placed.append((start, end, kind, content, diff))
    return [(start, end) for start, end, kind, content, diff in placed
            if kind == "removed" or (kind == "added" and removed.get(content, set()) - {diff}
                                     and len(added[content]) <= len(removed[content]))]


def patch_marks(text: str) -> list[Span]:
    """Spans of a unified diff's own lines (file and hunk headers) and of the "+" that marks an added line."""
    return [(start, end) if kind == "header" else (start, start + 1)
            for start, end, kind in _diff_lines(text) if kind in ("header", "added")]


# a revert's subject, quoting the subject of the commit it takes back, and the hash its message names
_REVERT = re.compile(r"\bRevert[ \t]+\"(?P<subject>[^\"\n]{3,200})\"(?:\\n|[^\n])*\n?"
                     r"(?:(?:[ \t]*\n)*[ \t]*This[ \t]+reverts[ \t]+commit[ \t]+(?P<hash>[0-9a-f]{7,40}))?")
# a commit's header in a full log, and a line of a short log ("1c2d3e4 credits: Director: X")
_COMMIT = re.compile(r"^commit[ \t]+(?P<hash>[0-9a-f]{7,40})\b", re.MULTILINE)
_SHORT_LOG_LINE = re.compile(r"^[ \t*|]*(?P<hash>[0-9a-f]{7,12})[ \t]+(?P<subject>[^\n]+)$", re.MULTILINE)


def reverted_commits(text: str) -> list[Span]:
    """Spans of what a history's reverts take back: each reverted commit (by its hash, else by its subject) and the
    subject the revert quotes."""
    if "Revert" not in text:
        return []
    spans: list[Span] = []
    commits = list(_COMMIT.finditer(text))
    ends = [commit.start() for commit in commits[1:]] + [len(text)] * bool(commits)
    for revert in _REVERT.finditer(text):
        spans.append(revert.span("subject"))
        hashed = revert["hash"]
        by_hash = [(commit.start(), end) for commit, end in zip(commits, ends, strict=True)
                   if hashed and (commit["hash"].startswith(hashed) or hashed.startswith(commit["hash"]))]
        if by_hash:
            spans += by_hash
            continue
        spans += [line.span() for line in _SHORT_LOG_LINE.finditer(text)
                  if line["subject"].strip() == revert["subject"].strip()]
    return spans


# a receipt's line that takes an item back: the mark in capitals, the item as it was rung up, maybe a negative amount
_VOID_LINE = re.compile(r"^[ \t]*(?:VOID(?:ED)?|REFUND(?:ED)?|RETURNED|CANCELL?ED)\b[ \t:*-]*(?P<item>[^\n]*?)"
                        r"(?:[ \t]+-?[ \t]*[$\u00a3\u20ac]?[ \t]*\d[\d.,]*)?[ \t]*$", re.MULTILINE)


def voided_items(text: str) -> list[Span]:
    """Spans of the lines a receipt voids or refunds, and of the void lines themselves: an item rung up and taken
    back is no claim ("1 x Co-director David Leitch  3.00" over "VOID Co-director David Leitch  -3.00")."""
    if "VOID" not in text and "REFUND" not in text and "RETURNED" not in text and "CANCEL" not in text:
        return []
    spans: list[Span] = []
    for void in _VOID_LINE.finditer(text):
        item = " ".join(void["item"].split())
        end = void.start() - 1
        for _ in range(_VOID_REACH if len(item) >= 4 else 0):  # up the lines above, to the one that rang it up
            if end < 0:
                break
            start = text.rfind("\n", 0, end) + 1
            if item in " ".join(text[start:end].split()):
                spans += [(start, end), void.span()]
                break
            end = start - 1
    return spans


_VOID_REACH = 20  # lines between an item and the line that voids it


# a table row with a cell that rules it out: "LOT 09 | Halle Berry \u2014 Sofia | REJECTED", "1.6 | Kel | Ruby Rose
# (Ares) | SUP | \u274c R-1", "| Dean Winters | Kirill | void |" (the cell holds the ruling alone, maybe with its
# reference); a sheet's row too, its cells parted by commas, semicolons or tabs, its ruling in capitals or opening a
# quoted cell: '"12","cast","Unity Phelan","Eve Macarro","DELETE - wrong sheet"', "Halle Berry;Sofia;DELETE"
_RULING = (r"(?i:rejected|void(?:ed)?|denied|withdrawn|disallowed|disqualified|struck|invalid|overturned|declined|"
           # (an issue tracker's resolutions that leave a ticket's change undone)
           r"won['\u2019]?t[ \t]+(?:fix|do)|wontfix|cancell?ed|ruled[ \t]+out)"
           r"|[\u274c\u2717\u2718]")
_SHEET_RULING = r"DELETED?|REMOVED?|DROPPED|WRONG"
_REJECTING_CELL = re.compile(rf"(?:^|\|)[ \t]*(?:{_RULING})(?:[ \t]+[\w.#-]{{1,8}})?[ \t]*(?:\||$)"
                             rf"|(?:^|[,;\t])[ \t]*(?:(?:{_RULING}|{_SHEET_RULING})(?:[ \t]+[\w.#-]{{1,8}})?"
                             r"[ \t]*(?=[,;\t]|$)"
                             rf"|\"(?:{_RULING}|(?i:{_SHEET_RULING}))\b[^\"\n]*\")"
                             # (or the last column of a row its spaces align: "WICK-105  Credit X  WON'T FIX")
                             rf"|(?<=\S)[ ]{{2,}}(?:{_RULING})[ \t]*$", re.MULTILINE)
_CELL_MARKS = ("|", ",", ";", "\t", "  ")
# a line its verdict opens, as an editor answers each request on a talk page or a changelog lists what it undid:
# "{{not done}} The IP addition of [[Halle Berry]] ...", "Reverted: Jerome Flynn plays the Elder.", "Declined - ..."
# (its first sentence: what follows may put it right: "Rejected: wrong. Ares is Ruby Rose"; not a heading alone)
_UNDONE = rf"(?:{_RULING}|(?i:not[ \t]+done|reverted|undone|removed))"
_RULING_OPENS = re.compile(rf"^[ \t*:#>-]*(?:[\u274c\u2717\u2718][ \t]*)?(?:\{{\{{[ \t]*{_UNDONE}[ \t]*\}}\}}"
                           rf"|{_UNDONE}[ \t]*(?::|[\u2014\u2013]|-{{1,2}}[ \t]))[ \t]*[^\s.!?][^\n.!?]*", re.MULTILINE)
# a ticket's resolution under its heading line, which names its key: "WICK-105 \u00b7 Credit X as co-director" over
# "Resolution: Won't Fix"
_RESOLVED_UNDONE = re.compile(rf"^[ \t]*(?i:resolution)[ \t]*:[ \t]*(?:{_RULING})[ \t]*$", re.MULTILINE)
_TICKET_KEY = re.compile(r"\b[A-Z][A-Z0-9]{1,9}-\d{1,6}\b")
_TICKET_REACH = 3  # lines between a ticket's heading and its resolution
_TICKET_BODY_END = re.compile(r"\n[ \t]*(?:\n|(?i:comments?|activity|history)\b|[-=_]{3,})")


def rejected_rows(text: str) -> list[Span]:
    """Spans of a table's rows that a cell of their own rules out (a rejected lot, a voided pick, a struck entry, a
    ticket closed as "Won't Fix"), the heading of a ticket whose resolution leaves its change undone, and a line its
    verdict opens ("{{not done}} ...", "Reverted: ...")."""
    spans = [line.span() for line in _RULING_OPENS.finditer(text)]
    if not any(mark in text for mark in _CELL_MARKS):
        return spans
    for resolution in _RESOLVED_UNDONE.finditer(text):
        end = resolution.start() - 1
        for _ in range(_TICKET_REACH):
            start = text.rfind("\n", 0, max(end, 0)) + 1
            if end <= 0 or _TICKET_KEY.search(text, start, end):
                # (with its description, the change proposed, down to its comments: "Comments", a blank line)
                after = _TICKET_BODY_END.search(text, resolution.end())
                spans += [(start, after.start() if after else len(text))] if end > 0 else []
                break
            end = start - 1
    for cell in _REJECTING_CELL.finditer(text):
        start, end = text.rfind("\n", 0, cell.start()) + 1, text.find("\n", cell.start())
        # (a row of cells, not a line that is the word alone)
        if any(mark in text[start:cell.start() + 1] for mark in _CELL_MARKS):
            spans.append((start, len(text) if end < 0 else end))
    return spans


# a log's record: a date and time, or a time, or a level in capitals, opening the line
_RECORD = r"(?:\[?\d{4}-\d\d-\d\d[ T]\d\d:\d\d|\[?\d\d:\d\d:\d\d|(?:INFO|WARN|WARNING|ERROR|DEBUG|TRACE|FATAL)\b)"
_LIVE_RECORD = re.compile(rf"^[ \t]*{_RECORD}", re.MULTILINE)
# ... switched off by a comment mark before it
_COMMENTED_RECORD = re.compile(rf"^[ \t]*(?:#+|//|--|;+)[ \t]*{_RECORD}[^\n]*", re.MULTILINE)
_LIVE_RECORDS = 2  # records that stand uncommented make the text a log


def commented_records(text: str) -> list[Span]:
    """Spans of a log's records commented out, in a text with records that stand."""
    commented = [record.span() for record in _COMMENTED_RECORD.finditer(text)]
    if not commented or len(_LIVE_RECORD.findall(text)) < _LIVE_RECORDS:
        return []
    return commented


# a corrected field's old value and its new one, each labelled on a line of its own ("Old value: 2019 (...)" over
# "New value: 2017"), or as a table's columns ("| Field | Old value | New value |", "FIELD   OLD VALUE   NEW VALUE")
_OLD_WORDS = ("old", "was", "before", "previous", "prior", "current", "existing")
_OLD = rf"(?:{'|'.join(_OLD_WORDS)})(?:[ \t]+(?:value|entry|data))?"
_NEW = r"(?:new|now|after|corrected|updated|fixed|proposed|correct)(?:[ \t]+(?:value|entry|data))?"
_OLD_LINE = re.compile(rf"^[ \t*_-]*{_OLD}[ \t]*:[^\n]*(?=\n[ \t*_-]*{_NEW}[ \t]*:)", re.IGNORECASE | re.MULTILINE)
_OLD_NEW_HEADER = re.compile(rf"(?<![^\s|])(?P<old>{_OLD})[ \t]*(?:\|[ \t]*|[ \t]{{2,}})(?P<new>{_NEW})\b",
                             re.IGNORECASE)
_TABLE_RULE = re.compile(r"[ \t|:=+-]*")


@lru_cache(maxsize=2)  # (asked for the struck spans of the view and of the rating's text)
def superseded_values(text: str) -> list[Span]:
    """The old values of a record of corrections: the lines labelled as the old value over the new one, and the
    cells of a table's old-value column."""
    lower = text.lower()
    if not any(word in lower for word in _OLD_WORDS):
        return []
    spans = [line.span() for line in _OLD_LINE.finditer(text)]
    for header in _OLD_NEW_HEADER.finditer(text):
        spans += _old_column(text, header)
    return spans


def _old_column(text: str, header: re.Match[str]) -> list[Span]:
    """The cells under a table header's old-value column, down to the table's end (a blank line): between bars in a
    table of bars, else between the columns' starts as the header aligns them."""
    line_start = text.rfind("\n", 0, header.start("old")) + 1
    barred = "|" in text[line_start:header.end()]
    column = text.count("|", line_start, header.start("old"))
    left, right = header.start("old") - line_start, header.start("new") - line_start
    spans = []
    at = text.find("\n", header.end()) + 1 or len(text)
    while at < len(text):
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        if not text[at:end].strip():
            break
        if not _TABLE_RULE.fullmatch(text, at, end):
            if barred:
                bars = [at + i for i, ch in enumerate(text[at:end]) if ch == "|"]
                if len(bars) > column:
                    spans.append((bars[column - 1] + 1 if column else at, bars[column]))
            elif end - at > left:
                spans.append((at + left, min(end, at + right)))
        at = end + 1
    return spans



# a line's label marked as corrected: "CHYRON (CORRECTED):", "Caption (updated):", "TICKER [amended]:"
_CORRECTED_LABEL = re.compile(r"^[ \t*_]*(?P<label>[^\W\d_][\w ]{0,24}?)[ \t]*[(\[](?i:corrected|correction|updated|"
                              r"amended|revised|fixed)[)\]][ \t*_]*:", re.MULTILINE)


def corrected_lines(text: str) -> list[Span]:
    """The lines a later line of the same label, marked as corrected, replaces ("CHYRON: X" under "CHYRON (CORRECTED):
    Y" further down)."""
    if "(" not in text and "[" not in text:
        return []
    spans = []
    for corrected in _CORRECTED_LABEL.finditer(text):
        label = re.escape(corrected["label"].strip())
        earlier = list(re.finditer(rf"^[ \t*_]*{label}[ \t*_]*:[^\n]*", text[:corrected.start()], re.MULTILINE))
        if earlier:
            spans.append(earlier[-1].span())
    return spans
