"""Corrected mode's usage: what a subcommand script accepts, read from its bash.

The positional parameters a script reads are named on its first ``declare`` line that reads
one (``declare SERVICE="$1" APP="$2" LINK_FLAGS_LIST=("${@:3}")``), which bashlex reads
(docgen.build.bash). Each name is one word of the usage, in the order of the parameters:

- a name is optional when its value has a default (``TAIL_NUM_OPTIONAL="${3:-all}"``), when a
  later statement gives it one (``APP=${APP:="$DOKKU_APP_NAME"}``), or when it is named
  ``*_OPTIONAL``: ``[<app>]``, ``[<tail-num>]``; otherwise it is required: ``<service>``;
- a list of the remaining parameters (``PORTS_LIST=("${@:2}")``) may be empty:
  ``[<ports...>]``; a list of flags: ``[--link-flags...]``.

The ``#F`` lines say which flags there are; no table of commands is involved:

- a ``*_FLAG`` name reads the #F line of its long option (``TAIL_FLAG`` and
  ``USE_IAM_OPTIONAL_FLAG`` read ``--tail`` and ``--use-iam``). When that line names the
  parameter that follows as the flag's value, the flag takes it: ``[-t|--tail [<tail-num>]]``;
- a ``*_FLAG`` name without a #F line of its own is a choice among the #F lines that no other
  name reads: several read like the flag lists, ``[--info-flags...]``; one is that flag;
- a ``*_FLAGS_LIST`` takes every #F line left;
- a #F line that no name takes reaches the script through Dokku's global flags (unlink's
  ``-n|--no-restart``, which the service functions read from ``DOKKU_GLOBAL_FLAGS``). Global
  flags are switches, so it is added without its value: ``[-n|--no-restart]``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from docgen.build import bash
from docgen.build.model import Flag, UsageToken

_DEFAULTS = (":-", "-", ":=", "=")
_PLACEHOLDER = re.compile(r"<([^<>\s]+)>")


class _Parameter(NamedTuple):
    """A name of the declare line and the positional parameter(s) it reads."""

    name: str  # as written: TAIL_NUM_OPTIONAL
    position: int
    rest: bool  # "${@:N}": every parameter from N on
    optional: bool
    line: int


class _Spec(NamedTuple):
    """A #F line: its options (``-t|--tail``) and what follows them (``[<tail-num>]``)."""

    options: str
    value: str
    line: int | None

    def long(self) -> set[str]:
        return {option for option in self.options.split("|") if option.startswith("--")}


def _spec(flag: Flag) -> _Spec:
    options, _, value = flag.spec.partition(" ")
    if not options.startswith("-"):  # no option at all: the whole spec names the flag
        return _Spec(flag.spec, "", flag.line)
    return _Spec(options, value.strip(), flag.line)


def display(name: str) -> str:
    """``TAIL_NUM_OPTIONAL`` -> ``tail-num``; ``PORTS_LIST`` -> ``ports``."""
    for suffix in ("_OPTIONAL", "_LIST"):
        if name.endswith(suffix) and name != suffix:
            name = name[: -len(suffix)]
    return name.lower().replace("_", "-")


def _positional(
    value: bash.Word | None, items: tuple[bash.Word, ...] | None
) -> tuple[int, bool, bool] | None:
    """(position, rest, has a default) of a value that is one positional parameter."""
    words = items if items is not None else (() if value is None else (value,))
    if len(words) != 1 or len(words[0].parameters) != 1:
        return None
    word = words[0]
    parameter = word.parameters[0]
    if word.text != word.raw[parameter.start : parameter.end]:
        return None  # more than the parameter: "x $1"
    if parameter.name in ("@", "*"):
        offset = parameter.argument.removeprefix(":")
        position = int(offset) if offset.isdigit() else 1
        return position, True, False
    if not parameter.name.isdigit() or parameter.name == "0":
        return None
    return int(parameter.name), items is not None, parameter.operator in _DEFAULTS


def _declared(lines: Sequence[tuple[int, str]]) -> tuple[list[_Parameter], int]:
    """The names of the first declare line that reads positional parameters, and the index
    of that line in ``lines`` (len(lines) when there is none)."""
    for index, (number, text) in enumerate(lines):
        if not text.startswith("declare ") or "$" not in text:
            continue
        found: list[_Parameter] = []
        for assigned in bash.assignments(text) or ():
            read = _positional(assigned.value, assigned.items)
            if read is not None:
                position, rest, default = read
                optional = default or rest or assigned.name.endswith("_OPTIONAL")
                found.append(_Parameter(assigned.name, position, rest, optional, number))
        if found:
            return sorted(found, key=lambda p: p.position), index
    return [], len(lines)


def _defaulted(lines: Iterable[tuple[int, str]], names: set[str]) -> dict[str, int]:
    """The names a later statement gives a default (``APP=${APP:="$DOKKU_APP_NAME"}``,
    ``: "${APP:=x}"``), each with the line that does."""
    found: dict[str, int] = {}
    for number, text in lines:
        if "${" not in text or not any(f"${{{name}" in text for name in names):
            continue
        for word in bash.parse_command(text) or ():
            for parameter in word.parameters:
                if parameter.name in names and parameter.operator in _DEFAULTS:
                    found.setdefault(parameter.name, number)
    return found


def _lines(text: str) -> list[tuple[int, str]]:
    """The script's statements, one a line, stripped; comments and blank lines left out."""
    return [
        (number, stripped)
        for number, line in enumerate(text.split("\n"), start=1)
        if (stripped := line.strip()) and not stripped.startswith("#")
    ]


class _Flags:
    """The #F lines of a command, each taken once by the name that reads it."""

    def __init__(self, flags: Iterable[Flag]) -> None:
        self.left = [_spec(flag) for flag in flags]

    def named(self, key: str) -> _Spec | None:
        for spec in self.left:
            if f"--{key}" in spec.long():
                self.left.remove(spec)
                return spec
        return None

    def rest(self) -> list[_Spec]:
        taken, self.left = self.left, []
        return taken


def _flag_key(name: str) -> str:
    """``USE_IAM_OPTIONAL_FLAG`` -> ``use-iam``: the long option the name stands for."""
    return display(name.removesuffix("_FLAG").removesuffix("_OPTIONAL"))


def _flag_token(
    parameter: _Parameter, own: _Spec | None, flags: _Flags, following: _Parameter | None
) -> tuple[UsageToken, bool]:
    """The word of a ``*_FLAG`` name, and whether it takes the parameter that follows."""
    key = _flag_key(parameter.name)
    spec = own
    if spec is None:
        choices = flags.rest()
        if len(choices) > 1:
            name = f"{key}-flags"
            return UsageToken(f"[--{name}...]", "flags", name, True, parameter.line), False
        spec = choices[0] if choices else _Spec(f"--{key}", "", parameter.line)
    takes = (
        following is not None
        and not following.rest
        and display(following.name) in _PLACEHOLDER.findall(spec.value)
    )
    text = f"[{spec.options} {spec.value}]" if takes else f"[{spec.options}]"
    return UsageToken(text, "flag", key, True, spec.line), takes


def _token(parameter: _Parameter, flags: _Flags) -> UsageToken:
    name = display(parameter.name)
    if parameter.name.endswith("_FLAGS_LIST"):
        flags.rest()
        return UsageToken(f"[--{name}...]", "flags", name, True, parameter.line)
    if parameter.rest:
        return UsageToken(f"[<{name}...>]", "list", name, True, parameter.line)
    text = f"[<{name}>]" if parameter.optional else f"<{name}>"
    return UsageToken(text, "argument", name, parameter.optional, parameter.line)


def _global(spec: _Spec) -> UsageToken:
    """A #F line that no name takes: a global flag, a switch."""
    name = max(spec.long() or {spec.options}, key=len).lstrip("-")
    return UsageToken(f"[{spec.options}]", "flag", name, True, spec.line)


def _with_defaults(
    parameters: list[_Parameter], later: Sequence[tuple[int, str]]
) -> list[_Parameter]:
    defaults = _defaulted(later, {p.name for p in parameters})
    return [
        p._replace(optional=True, line=defaults[p.name])
        if p.name in defaults and not p.optional
        else p
        for p in parameters
    ]


def synopsis(text: str, flags: Sequence[Flag]) -> tuple[UsageToken, ...]:
    """The usage of the script ``text``, whose #F lines are ``flags``, word by word."""
    lines = _lines(text)
    parameters, index = _declared(lines)
    parameters = _with_defaults(parameters, lines[index + 1 :])
    specs = _Flags(flags)
    # the flags named after their own #F line first: a choice gets only the others
    own = {p.name: specs.named(_flag_key(p.name)) for p in parameters if p.name.endswith("_FLAG")}
    tokens: list[UsageToken] = []
    taken = -1  # the parameter a flag took as its value
    for index, parameter in enumerate(parameters):
        if index == taken:
            continue
        if parameter.name.endswith("_FLAG"):
            following = parameters[index + 1] if index + 1 < len(parameters) else None
            token, takes = _flag_token(parameter, own[parameter.name], specs, following)
            taken = index + 1 if takes else taken
        else:
            token = _token(parameter, specs)
        tokens.append(token)
    tokens.extend(_global(spec) for spec in specs.rest())
    return tuple(tokens)
