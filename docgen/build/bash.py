"""A thin, total layer over bashlex.

bashlex is strong on words: quoting, escapes and parameter expansions. It is weak on whole
scripts: version 0.18 rejects ``x=(...)`` arrays, ``[[ ]]`` and some nested ``"$(...)"``.
So docgen never hands it a whole file. Callers pass a single statement, or free text that
this module quotes itself. Every function here returns a value or ``None``; the parsers are pure, so their
results are memoised by text. bashlex raises
many exception types on odd input (ParsingError, NotImplementedError, IndexError, ...), and
none of them gets past this module.

bashlex is imported lazily: rendering an official plugin in compat mode never needs it, and
importing it costs more than the rest of a run (see docgen/bashlex_tables.py).
"""

import functools
import re
from collections.abc import Callable
from typing import Any, NamedTuple

from docgen.read.quoting import unquoted

NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_PARAMETER = re.compile(r"^(?P<name>[A-Za-z_][A-Za-z0-9_]*|[0-9@*#?$!-])(?P<index>\[[^]]*\])?")


class Parameter(NamedTuple):
    """One ``$x`` / ``${x...}`` expansion inside a word, with its span in the word's raw text."""

    name: str
    subscript: str  # "[0]", "[@]" or ""
    operator: str  # ":=", ":-", "-", "=", ... or ""
    argument: str  # the text after the operator, still quoted as written
    start: int
    end: int


class Word(NamedTuple):
    raw: str  # as written in the source
    text: str  # after quote removal (parameters are not expanded)
    parameters: tuple[Parameter, ...]


def _bashlex() -> Any:
    from docgen.build.bashlex_tables import load_bashlex

    return load_bashlex()


def _parse(source: str) -> list[Any] | None:
    try:
        nodes: list[Any] = _bashlex().parse(source)
    except Exception:  # bashlex raises many types on malformed input
        return None
    return nodes


def _parameter(node: Any, offset: int) -> Parameter | None:
    value = getattr(node, "value", None)
    if not isinstance(value, str):
        return None
    start, end = node.pos
    return _split_parameter(value, start - offset, end - offset)


def _split_parameter(value: str, start: int, end: int) -> Parameter | None:
    """A parameter from the text bashlex gives it (``X``, ``X[0]:-y``, ``@:3``)."""
    match = _PARAMETER.match(value)
    if match is None:
        return None
    rest = value[match.end() :]
    operator = ""
    for candidate in (":=", ":-", ":+", ":?", "=", "-", "+", "?"):
        if rest.startswith(candidate):
            operator = candidate
            break
    return Parameter(
        name=match.group("name"),
        subscript=match.group("index") or "",
        operator=operator,
        argument=rest[len(operator) :],
        start=start,
        end=end,
    )


def _word(node: Any, source: str) -> Word:
    start, end = node.pos
    parameters = tuple(
        p
        for p in (_parameter(part, start) for part in getattr(node, "parts", []) or [])
        if p is not None
    )
    return Word(raw=source[start:end], text=str(node.word), parameters=parameters)


# Statements of plain words: unquoted characters that bash never treats specially, around
# at most one quoted string holding neither quote character, backquote, backslash, "!"
# nor "<(" / ">(" (which bashlex reads as a process substitution), and no $ but, in double
# quotes, simple parameters ($NAME, ${NAME}, $1, $@) before a character that cannot
# continue them. bashlex reads them as one simple command, finds those parameters, and
# removes the quotes as bash does (it does not in some words outside this form, such as
# "a"'b' or 0"'"; a hypothesis test holds the two paths to the same answer). Measured on
# dokku-postgres in corrected mode: 45 of its 50 statements are plain, and a bashlex parse
# costs about 0.3 ms each; with the parameters in double quotes, every command's
# `declare SERVICE="$1" ...` line is plain too (a synthetic plugin of 1,000 commands in
# corrected mode: 1.18 s with bashlex reading them, 0.64 s without; benchmarks/README.md).
#
# The patterns of the fast paths are strings, compiled on first use (re's own cache):
# compiled when this module is imported, they cost every run 2 ms, compat mode included.
_UNQUOTED = "[A-Za-z0-9_=:/.,@%+-]"
_QUOTED_TEXT = r"""(?:[^"'$`\\!\n<>]|[<>](?!\())*"""
_PARAMETER_FORM = r"\$(?:\{[A-Za-z_][A-Za-z0-9_]*\}|[A-Za-z_][A-Za-z0-9_]*|[0-9@])"
_QUOTED_PARAMETER = (  # the same, with the name as a group
    r"\$(?:\{(?P<braced>[A-Za-z_][A-Za-z0-9_]*)\}|(?P<bare>[A-Za-z_][A-Za-z0-9_]*|[0-9@]))"
)
_DOUBLE_QUOTED_TEXT = rf"""(?:[^"'$`\\!\n<>{{}}\[\]]|[<>](?!\()|{_PARAMETER_FORM})*"""
_QUOTED = rf"""(?:"{_DOUBLE_QUOTED_TEXT}"|'{_QUOTED_TEXT}')"""
_PLAIN_WORD = rf"{_UNQUOTED}+{_QUOTED}?{_UNQUOTED}*|{_QUOTED}{_UNQUOTED}*"
_PLAIN_STATEMENT = rf"[ \t]*(?:{_PLAIN_WORD})(?:[ \t]+(?:{_PLAIN_WORD}))*[ \t]*"
_RESERVED = "if|then|else|elif|fi|case|esac|for|select|while|until|do|done|function|time|coproc|in"
_QUOTES = r""""([^"]*)"|'([^']*)'"""
# A config default, as every official plugin writes its <PREFIX>_CONFIG_OPTIONS:
# NAME=${OTHER:=" --flag "}, the argument unquoted or in plain double quotes without braces
# (bashlex keeps the whole word as its text).
_DEFAULTED = (
    r"[A-Za-z_][A-Za-z0-9_]*=\$\{(?P<inner>[A-Za-z_][A-Za-z0-9_]*:?[-=+?]"
    r"""(?:"[^"'$`\\!\n<>{}]*"|""" + _UNQUOTED + r"*))\}"
)


def _plain_words(statement: str) -> tuple[Word, ...] | None:
    """parse_command() of a statement of plain words, without bashlex; None otherwise."""
    if re.fullmatch(_PLAIN_STATEMENT, statement) is None:
        return None
    words = tuple(
        Word(raw=m.group(), text=re.sub(_QUOTES, r"\1\2", m.group()), parameters=_quoted(m.group()))
        for m in re.finditer(_PLAIN_WORD, statement)
    )
    return None if any(re.fullmatch(_RESERVED, word.raw) for word in words) else words


def _quoted(raw: str) -> tuple[Parameter, ...]:
    """The parameters of a plain word: each $ in it starts one, inside double quotes."""
    if "$" not in raw:
        return ()
    return tuple(
        Parameter(m.group("braced") or m.group("bare"), "", "", "", m.start(), m.end())
        for m in re.finditer(_QUOTED_PARAMETER, raw)
    )


def _defaulted_assignment(statement: str) -> tuple[Word, ...] | None:
    """parse_command() of ``NAME=${OTHER:=default}`` (a plain default), without bashlex."""
    match = re.fullmatch(_DEFAULTED, statement)
    if match is None:
        return None
    parameter = _split_parameter(match.group("inner"), match.start("inner") - 2, len(statement))
    return (Word(statement, statement, (parameter,) if parameter else ()),)


@functools.lru_cache(maxsize=1024)
def parse_command(statement: str) -> tuple[Word, ...] | None:
    """The words of one simple command (``export A=1 B="x y"``), or None if it is not one.
    Plain words are read without bashlex (the same result); the rest is parsed by it."""
    plain = _plain_words(statement) or _defaulted_assignment(statement)
    return plain if plain is not None else words_by_bashlex(statement)


def words_by_bashlex(statement: str) -> tuple[Word, ...] | None:
    """parse_command() through bashlex, whatever the statement."""
    nodes = _parse(statement)
    if not nodes or len(nodes) != 1 or getattr(nodes[0], "kind", "") != "command":
        return None
    words = [part for part in nodes[0].parts if getattr(part, "kind", "") in ("word", "assignment")]
    return tuple(_word(node, statement) for node in words)


def strip_comments(text: str) -> str:
    """Drop ``# ...`` comments (a ``#`` at a word start, outside quotes) from each line."""
    kept: list[str] = []
    quote = ""
    index = 0
    while index < len(text):
        char = text[index]
        if quote:
            if char == "\\" and quote == '"':
                kept.append(text[index : index + 2])
                index += 2
                continue
            if char == quote:
                quote = ""
        elif char == "\\":
            kept.append(text[index : index + 2])
            index += 2
            continue
        elif char in "\"'":
            quote = char
        elif char == "#" and (index == 0 or text[index - 1] in " \t\n"):
            newline = text.find("\n", index)
            index = len(text) if newline < 0 else newline
            continue
        kept.append(char)
        index += 1
    return "".join(kept)


def parse_array_items(inner: str) -> tuple[str, ...] | None:
    """The items of an array literal, given the text between its parentheses."""
    if not inner.strip():
        return ()
    words = parse_command("_ " + strip_comments(inner).replace("\n", " "))
    if words is None:
        return None
    return tuple(word.text for word in words[1:])


def unquote(text: str) -> str | None:
    """``"a b"`` -> ``a b``; ``'x'`` -> ``x``; None when the text is not one word."""
    if not text:
        return ""
    words = parse_command("_ " + text)
    if words is None or len(words) != 2:
        return None
    return words[1].text


class Assigned(NamedTuple):
    """``NAME=value`` (``value``) or ``NAME=(items...)`` (``items``) in one statement."""

    name: str
    value: Word | None
    items: tuple[Word, ...] | None


def _array_spans(statement: str) -> list[tuple[int, int]]:
    """(opening, closing) parentheses of each ``NAME=(...)`` word of a statement: bashlex
    rejects those, so they are cut out and parsed apart. Quotes are honoured."""
    spans: list[tuple[int, int]] = []
    close = -1
    for index in unquoted(statement):
        if index <= close or (index > 0 and statement[index - 1] not in " \t"):
            continue  # inside the array found last, or not at the start of a word
        match = _ARRAY_START.match(statement, index)
        if match is not None:
            close = _closing(statement, match.end())
            if close < 0:
                return spans
            spans.append((match.end() - 1, close))
    return spans


_ARRAY_START = re.compile(r"[A-Za-z_][A-Za-z0-9_]*=\(")


def _closing(text: str, start: int) -> int:
    """The index of the ``)`` that closes a parenthesis opened before ``start``, or -1."""
    depth = 1
    for index in unquoted(text, start):
        if text[index] in "()":
            depth += 1 if text[index] == "(" else -1
            if depth == 0:
                return index
    return -1


@functools.lru_cache(maxsize=1024)
def assignments(statement: str) -> tuple[Assigned, ...] | None:
    """The assignments of one simple command, arrays included:
    ``declare SERVICE="$1" LIST=("${@:2}")`` -> SERVICE (a value), LIST (items). None when
    the statement is no simple command; words that assign nothing are left out."""
    arrays: dict[str, tuple[Word, ...]] = {}
    pieces: list[str] = []
    cursor = 0
    for number, (opening, closing) in enumerate(_array_spans(statement)):
        words = parse_command("_ " + statement[opening + 1 : closing])
        if words is None:
            return None
        placeholder = f"docgen_array_{number}"
        arrays[placeholder] = words[1:]
        pieces.append(statement[cursor:opening] + placeholder)
        cursor = closing + 1
    pieces.append(statement[cursor:])
    words = parse_command("".join(pieces))
    if words is None:
        return None
    found: list[Assigned] = []
    for word in words:
        split = split_assignment(word)
        if split is None:
            continue
        name, value = split
        if value.raw in arrays:
            found.append(Assigned(name, None, arrays[value.raw]))
        else:
            found.append(Assigned(name, value, None))
    return tuple(found)


def split_assignment(word: Word) -> tuple[str, Word] | None:
    """``NAME=value`` -> (NAME, the value as a word); None for any other word."""
    name, sep, _ = word.raw.partition("=")
    if not sep or NAME.fullmatch(name) is None:
        return None
    cut = len(name) + 1
    value_text = word.text.partition("=")[2]
    parameters = tuple(
        Parameter(p.name, p.subscript, p.operator, p.argument, p.start - cut, p.end - cut)
        for p in word.parameters
        if p.start >= cut
    )
    return name, Word(raw=word.raw[cut:], text=value_text, parameters=parameters)


# The forms a regular expression finds exactly: $NAME, ${NAME}, ${NAME[i]}, $1, $@ ..., and
# ${NAME<operator><plain argument>} such as ${3:-all} or ${@:3} (as in declare lines).
_SIMPLE = (  # compiled on first use, as the patterns above
    r"\$(?:\{(?P<braced>(?:[A-Za-z_][A-Za-z0-9_]*|[0-9@*#?!-])(?:\[[^]\s{}$]*\])?"
    r"(?:[-:=+?][A-Za-z0-9_./@%:+=?-]*)?)\}"
    r"|(?P<bare>[A-Za-z_][A-Za-z0-9_]*|[0-9@*#?!-]))"
)


def _simple_parameters(text: str) -> tuple[Parameter, ...] | None:
    """The parameters of ``text`` when every ``$`` in it starts a simple form; None when
    one does not (a nested or command substitution, a pattern, a lone ``$``)."""
    matches = list(re.finditer(_SIMPLE, text))
    if len(matches) != text.count("$"):
        return None
    found = [
        _split_parameter(m.group("braced") or m.group("bare"), m.start(), m.end()) for m in matches
    ]
    return tuple(p for p in found if p is not None) if None not in found else None


@functools.lru_cache(maxsize=1024)
def find_parameters(text: str) -> tuple[Parameter, ...] | None:
    """The parameter expansions in free text (a comment, a sentence), as bash would see them
    inside double quotes. Quotes and backquotes in the text are taken literally.

    Text made only of simple forms is read with a regular expression (no bashlex needed,
    and the same result); anything else is parsed by bashlex."""
    simple = _simple_parameters(text)
    if simple is not None:
        return simple
    return parameters_by_bashlex(text)


def parameters_by_bashlex(text: str) -> tuple[Parameter, ...] | None:
    """find_parameters() through bashlex, whatever the text."""
    quoted: list[str] = []
    origin: list[int] = []  # origin[i] = index in text of quoted[i]
    for index, char in enumerate(text):
        if char in '"`\\':
            quoted.append("\\")
            origin.append(index)
        quoted.append(char)
        origin.append(index)
    origin.append(len(text))
    source = 'echo "' + "".join(quoted) + '"'
    words = parse_command(source)
    if words is None or len(words) != 2:
        return None
    # Parameter spans are relative to the word, which starts at the opening quote.
    return tuple(
        Parameter(
            p.name, p.subscript, p.operator, p.argument, origin[p.start - 1], origin[p.end - 1]
        )
        for p in words[1].parameters
    )


def substitute(
    text: str, parameters: tuple[Parameter, ...], value: Callable[[Parameter], str | None]
) -> str:
    """Replace each parameter span for which ``value`` gives a string; keep the others."""
    pieces: list[str] = []
    cursor = 0
    for parameter in sorted(parameters, key=lambda p: p.start):
        replacement = value(parameter)
        if replacement is None or parameter.start < cursor:
            continue
        pieces.append(text[cursor : parameter.start])
        pieces.append(replacement)
        cursor = parameter.end
    pieces.append(text[cursor:])
    return "".join(pieces)
