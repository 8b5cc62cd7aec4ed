"""The help as the plugins' ``help-functions`` prints it: compat mode's help model.

Every official plugin prints ``dokku <prefix>:help [NAME]`` with the same bash library,
help-functions, which reads the ``subcommands/`` scripts at run time with grep, sed and the
shell. It reads them differently from bin/generate, so compat mode reads them a second time,
its way (docgen.build.help chooses; docgen/render/help.py lays the model out):

- H1 commands: the files of ``subcommands/`` but dotfiles, in byte order, less those whose
  name (the part after a first ``:``) ``PLUGIN_UNIMPLEMENTED_SUBCOMMANDS`` lists, as bash
  reads that array.
- H2 lines: a script's lines from the first one containing ``()`` on; empty lines, lines
  containing ``-cmd "$@"`` and an unterminated last line are dropped; NULs are dropped, and a
  first line ending in one ``,`` loses it. The markers ``#A``, ``#F``, ``#E``, ``declare`` and
  ``desc`` are matched anywhere in a line.
- H3 usage: the first line containing ``declare`` but not ``declare desc``; its single
  spaces are line breaks; every piece with an ``=`` gives the names before it. ``X_FLAG``
  reads ``[-x|--x]`` (``INFO_FLAG``: ``[--single-info-flag]``; the first ``_FLAG`` goes, so
  ``USE_IAM_OPTIONAL_FLAG`` reads ``[-u|--use-iam-optional]``), ``X_FLAGS_LIST``
  ``[--x-flags...]``, ``X_LIST`` ``<x...>``, ``X_OPTIONAL`` ``[<x>]``, anything else ``<x>``;
  ASCII letters are lowered.
- H4 description: the first line containing ``desc``, evaluated: the value it assigns to
  ``desc`` (``$1`` is the command's name, ``$2`` is ``true`` on its page and empty in the
  overview); a line that assigns nothing is printed as it is. Without such a line the
  command's page is empty (help-functions stops) and the overview shows no description.
- H5 ``#A``/``#F`` rows: the text after the line's first ``A`` (``F``), left white space
  dropped, expanded as a here-document (``$1`` is the block), each line stripped of spaces
  and tabs and cut at its first comma: the spec, then the rest with its leading space. A line
  without a comma is both. Defaults are never shown.
- H6 ``#E`` lines: the text after the line's first space, expanded likewise, stripped,
  less its first three bytes (the marker); then a command (``export``/``dokku``...), a quote
  (``>``), code (four spaces: the indentation goes) or a sentence.
- H7 everything is printed through ``echo -e`` (docgen.build.expansion.echo_e).

What help-functions does at run time that docgen does not, in both modes: it runs command
substitutions (docgen expands them to nothing), takes ``PLUGIN_IMAGE_VERSION`` and the others
from the operator's environment (docgen: from the plugin's own files), keeps the CR of a CRLF
script and lists a folder of ``subcommands/`` as a command (docgen reads LF, skips folders).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from typing import NamedTuple

from docgen.build import bash
from docgen.build.examples import example_kind
from docgen.build.expansion import Expander, Lookup, echo_e
from docgen.build.model import HelpCommand, HelpExample, HelpRow, UsageToken
from docgen.errors import Diagnostic
from docgen.read.records import SubcommandSource

_BLANKS = re.compile(r"[ \t\n]+")
_SPACE = " \t\n\v\f\r"  # [[:space:]]
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_DECLARING = ("declare", "local", "typeset", "export", "readonly")


class Line(NamedTuple):
    number: int
    text: str  # as written, not stripped


# --- H1 commands -------------------------------------------------------------------------


def implemented(
    subcommands: Sequence[SubcommandSource], unimplemented: Sequence[str]
) -> list[SubcommandSource]:
    """The scripts help-functions lists (folders left out, see the module's docstring)."""
    skipped = set(unimplemented)
    return [
        script
        for script in subcommands
        if not script.name.startswith(".")
        and not script.folder
        and (script.name.split(":")[1] if ":" in script.name else script.name) not in skipped
    ]


# --- H2 lines ----------------------------------------------------------------------------


def sanitised(text: str) -> list[Line]:
    kept: list[Line] = []
    for number, line in enumerate(text.split("\n")[:-1], start=1):
        line = line.replace("\0", "")
        if number == 1 and line.endswith(",") and not line.endswith(",,"):
            line = line[:-1]
        if not line or '-cmd "$@"' in line:
            continue
        if kept or "()" in line:
            kept.append(Line(number, line))
    return kept


# --- H3 usage ----------------------------------------------------------------------------


def _token(name: str, line: int) -> UsageToken:
    """One name of the declare line as help-functions writes it."""
    if name.endswith("_FLAG"):
        key = name.replace("_FLAG", "", 1)
        text = (
            "[--single-info-flag]" if key == "INFO" else f"[-{key[:1]}|--{key.replace('_', '-')}]"
        )
        kind, optional = "flag", True
    elif name.endswith("_FLAGS_LIST"):
        key = name.rsplit("_", 1)[0]
        text, kind, optional = f"[--{key.replace('_', '-')}...]", "flags", True
    elif name.endswith("_LIST"):
        key = name.rsplit("_", 1)[0]
        text, kind, optional = f"<{key.replace('_', '-')}...>", "list", False
    elif name.endswith("_OPTIONAL"):
        key = name.replace("_OPTIONAL", "", 1)
        text, kind, optional = f"[<{key.replace('_', '-')}>]", "argument", True
    else:
        key = name
        text, kind, optional = f"<{name.replace('_', '-')}>", "argument", False
    shown = key.replace("_", "-").translate(_ASCII_LOWER)
    return UsageToken(echo_e(text.translate(_ASCII_LOWER)), kind, shown, optional, line)


def usage(lines: Sequence[Line]) -> tuple[tuple[UsageToken, ...], int | None]:
    line = next((x for x in lines if "declare" in x.text and "declare desc" not in x.text), None)
    if line is None:
        return (), None
    names: list[str] = []
    for piece in echo_e(line.text.replace(" ", "\n")).split("\n"):
        if "=" in piece:
            names.extend(name for name in _BLANKS.split(piece.split("=", 1)[0]) if name)
    return tuple(_token(name, line.number) for name in names), line.number


# --- H4 description ----------------------------------------------------------------------


def _assigned(text: str) -> bash.Word | None:
    """The value the line assigns to ``desc``, as written; None when it assigns none."""
    words = bash.parse_command(text.strip())
    if not words:
        return None
    if words[0].text not in _DECLARING and bash.split_assignment(words[0]) is None:
        return None
    found = None
    for word in words:
        split = bash.split_assignment(word)
        if split is not None and split[0] == "desc":
            found = split[1]
    return found


def description(lines: Sequence[Line], name: str, lookup: Lookup) -> tuple[str, str, int] | None:
    """(the page's description, the overview's, its line); None without a desc line."""
    line = next((x for x in lines if "desc" in x.text), None)
    if line is None:
        return None
    value = _assigned(line.text)
    if value is None:
        return echo_e(line.text), echo_e(line.text), line.number
    page = Expander(lookup, (name, "true")).word(value.raw)
    overview = Expander(lookup, (name, "")).word(value.raw)
    return echo_e(page), echo_e(overview), line.number


# --- H5/H6 annotation blocks -------------------------------------------------------------


def _after(text: str, separator: str) -> str:
    """``cut -d<separator> -f2-``: the text after the first separator, or all of it."""
    head, found, tail = text.partition(separator)
    return tail if found else head


def _block(lines: Sequence[Line], marker: str, cut: Callable[[str], str]) -> list[Line]:
    """The lines carrying the marker, cut; the block's trailing empty lines dropped."""
    picked = [Line(x.number, cut(x.text)) for x in lines if marker in x.text]
    while picked and not picked[-1].text:
        picked.pop()
    return picked


def _expanded(block: Sequence[Line], lookup: Lookup) -> Iterator[Line]:
    """The block expanded as a here-document whose ``$1`` is the block itself, line by
    line; a line ending in a backslash goes on on the next one."""
    expander = Expander(lookup, ("\n".join(x.text for x in block),))
    pending: list[Line] = []
    for line in block:
        pending.append(line)
        if _continues(line.text):
            continue
        for text in expander.heredoc("\n".join(x.text for x in pending)).split("\n"):
            yield Line(pending[0].number, text)
        pending = []
    if pending:
        for text in expander.heredoc("\n".join(x.text for x in pending)).split("\n"):
            yield Line(pending[0].number, text)


def _continues(text: str) -> bool:
    return (len(text) - len(text.rstrip("\\"))) % 2 == 1


def rows(lines: Sequence[Line], letter: str, lookup: Lookup) -> tuple[HelpRow, ...]:
    """The ``#A`` (letter ``A``) or ``#F`` (``F``) rows."""
    block = _block(lines, f"#{letter}", lambda text: _after(text, letter).lstrip(_SPACE))
    found = []
    for line in _expanded(block, lookup):
        text = line.text.strip(" \t\n")
        left, comma, right = text.partition(",")
        found.append(HelpRow(echo_e(left), echo_e(right if comma else text), line.number))
    return tuple(found)


def _cut_marker(text: str) -> str:
    """``cut -c 4-``: the text less its first three bytes."""
    return text.encode("utf-8", "surrogateescape")[3:].decode("utf-8", "surrogateescape")


def examples(lines: Sequence[Line], lookup: Lookup) -> tuple[HelpExample, ...]:
    block = _block(lines, "#E", lambda text: _after(text, " "))
    found = []
    for line in _expanded(block, lookup):
        text = _cut_marker(line.text.strip(" \t\n"))
        kind = example_kind(text)
        text = text.lstrip(_SPACE) if kind == "code" else text
        found.append(HelpExample(kind, echo_e(text), line.number))
    return tuple(found)


# --- one command -------------------------------------------------------------------------


def command(script: SubcommandSource, lookup: Lookup) -> tuple[HelpCommand, tuple[Diagnostic, ...]]:
    """The help of one script, and a warning where help-functions prints no page for it."""
    if script.problem is not None:
        raise script.problem
    lines = sanitised(script.text)
    tokens, usage_line = usage(lines)
    described = description(lines, script.name, lookup)
    warnings: tuple[Diagnostic, ...] = ()
    if described is None:
        message = (
            "no line mentions desc: help-functions prints nothing for this command's help; "
            "docgen prints it with an empty description"
        )
        warnings = (Diagnostic(script.path, None, message),)
    page, overview, description_line = described or ("", "", None)
    found = HelpCommand(
        name=script.name,
        path=script.path,
        usage=tokens,
        description=page,
        summary=overview,
        arguments=rows(lines, "A", lookup),
        flags=rows(lines, "F", lookup),
        examples=examples(lines, lookup),
        usage_line=usage_line,
        description_line=description_line,
    )
    return found, warnings
