"""The compat rules: every quirk of bin/generate that docgen reproduces, in one place.

docgen's default output is byte-identical to what the reference ``bin/generate`` script
writes (see ``shared/reference/bin-generate-behaviour.md``; the section ids A1..A17 below
point there). Some of that output is what the script *does* rather than what it *means*.
Each such behaviour is one flag of :class:`Quirks`, documented in ``QUIRK_DOCS``, and
decided by one function (or a small group) of this module, under a heading naming the
flag. The other stages call those functions and never test a flag themselves
(tests/test_quality.py checks that). ``COMPAT`` switches every quirk on;
``CORRECTED`` (``--no-compat`` / ``compat = false``) switches them all off, and docgen then
renders what the script meant.

Where the script would crash, docgen never follows it: it renders the evident meaning
and, where the source is probably wrong, warns.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple, TypeVar

from docgen.build.model import Image
from docgen.errors import Diagnostic
from docgen.read.records import ConfigSource, DockerfileSource, ImageSource, PluginMetadata

T = TypeVar("T")


class Quirks(NamedTuple):
    """One flag per quirk of bin/generate; True reproduces it. QUIRK_DOCS says what each does.

    The fields after ``script_stops`` are what older versions of the script did otherwise
    (ERA_DOCS): each compat profile (docgen/build/profiles.py) sets them; their defaults are
    the newest version's, which corrected mode keeps."""

    literal_substitution: bool = True
    none_default: bool = True
    uppercase_usage: bool = True
    marker_everywhere: bool = True
    sentence_quirks: bool = True
    codeblock_dedent: bool = True
    newline_collapse: bool = True
    hidden_commands: bool = True
    trailing_space_usage: bool = True
    regex_values: bool = True
    split_sponsors: bool = True
    prefix_disable_pull: bool = True
    none_description: bool = True
    listed_entries: bool = True
    script_image: bool = True
    bom_kept: bool = True
    script_stops: bool = True
    help_functions: bool = True
    # what older versions did otherwise (ERA_DOCS)
    substitution_set: str = "A10"
    sentence_style: str = "S4"
    flag_list: bool = True
    options_default: bool = True
    docs_injection: bool = True
    usage_line_strip: bool = True
    final_newline: bool = True
    unimplemented_read: bool = True
    image_from: str = "dockerfile"
    hub_link: str = "r"
    sponsors_read: bool = True

    @classmethod
    def table(cls) -> list[tuple[str, str, str]]:
        """(flag, compat behaviour, corrected behaviour) for each quirk, for documentation."""
        return [(name, *QUIRK_DOCS[name]) for name in QUIRK_DOCS]


# What each quirk does (compat), and what corrected mode renders instead.
QUIRK_DOCS: dict[str, tuple[str, str]] = {
    "literal_substitution": (
        "A10: only nine fixed spellings of config variables are replaced, textually: "
        "`$PLUGIN_SERVICE` becomes the command prefix, `${PLUGIN_IMAGE_VERSION}` and "
        "`${PLUGIN_DATASTORE_PORTS[1]}` stay as written, `$PLUGIN_SERVICE_NAME` becomes "
        "`postgres_NAME`.",
        "Every `$VAR` / `${VAR}` that the config defines is expanded as bash would "
        "(bashlex parameter nodes); `PLUGIN_IMAGE`/`PLUGIN_IMAGE_VERSION` come from the "
        "Dockerfile; unknown variables stay as written.",
    ),
    "none_default": (
        "A12: a `--config-options` flag always gets ``(default: `...`)``, and "
        "``(default: `None`)`` when the config gives no non-empty default; a flag whose help "
        "mentions `--config-options` gets it too.",
        "The default is shown only when there is one, on flags whose spec names it.",
    ),
    "uppercase_usage": (
        "A11: the usage is made of every `[A-Z_]+` run of the last line that contains `$1`; "
        "`TAIL_NUM_OPTIONAL` becomes `<tail-num-optional>`, a run without a letter `<->`; "
        "annotation lines containing `$1` are taken for that line.",
        "The usage is what the script accepts, read from its bash (docgen/build/synopsis.py): "
        "the names of the `declare` line that reads the positional parameters, optional when "
        "they have a default (also a later `APP=${APP:=...}`), flags as their `#F` lines name "
        "them (`[-t|--tail [<tail-num>]]`, `[--info-flags...]`), and `#F` flags that no name "
        "takes as global flags (`[-n|--no-restart]`); annotations are never swallowed.",
    ),
    "marker_everywhere": (
        "A10: `#E `, `#F ` and `#A ` are removed everywhere in their line, not only at its start.",
        "Only the leading `#E ` marker is removed.",
    ),
    "sentence_quirks": (
        "A14: in example sentences every `'` becomes a backtick (`don't` -> ``don`t``), "
        "a colon is added after `?` or `!`, and an uppercase word ending in `:` or `.` "
        "is rendered ``` `AWS`:` ```.",
        "Only quoted words ('lollipop') become code; apostrophes stay; no `:` after `?`/`!`; "
        "``` `AWS`: ```.",
    ),
    "codeblock_dedent": (
        "A13: example code block lines are stripped, losing nested indentation.",
        "Indentation beyond the four-space marker is kept.",
    ),
    "newline_collapse": (
        "A16: runs of newlines in the whole README are collapsed by a fixed replace chain, "
        "so an empty usage section glues its neighbours and docs fragments lose blank lines.",
        "No collapse: empty sections are left out, blocks are separated by one blank line, "
        "docs fragments are inserted unaltered.",
    ),
    "hidden_commands": (
        "A8: commands in no usage section (`destroy`, ...) appear only in the Commands block.",
        'They get an "Other commands" usage section.',
    ),
    "trailing_space_usage": (
        "A7: a command without arguments keeps a trailing space in the Commands block, "
        "which counts toward the column width.",
        "No trailing space.",
    ),
    "regex_values": (
        "A10/A17: `declare desc` and config values are read from the first to the last "
        "double quote of the line (for config: the last line mentioning `NAME=`); ports keep "
        "their quotes; unimplemented names are split on single spaces, from one line only.",
        "Values are read as bash reads them (bashlex).",
    ),
    "split_sponsors": (
        'A17: sponsors come from the last line that starts with `sponsors`, split on "," '
        "without stripping white space, so a second sponsor keeps a leading space and quote.",
        "Sponsors are read as TOML.",
    ),
    "prefix_disable_pull": (
        "A8: the docker pull section names `PREFIX_DISABLE_PULL` from the command prefix, "
        "even when the config names another variable.",
        "It names the config's `PLUGIN_DISABLE_PULL_VARIABLE` when there is one.",
    ),
    "none_description": (
        "A9: a command without `declare desc` is headed `### None` and described `# None`.",
        "The command's name stands in for the description (with a warning in both modes).",
    ),
    "listed_entries": (
        "A7: every entry of `subcommands/` is a command: dotfiles (`.gitkeep`) and names with "
        "control characters (written raw) included.",
        "Dotfiles and names with control characters are skipped, with a warning.",
    ),
    "script_image": (
        "A4/A17: the image is the second word of the last line containing `FROM ` (comments "
        "and LABELs too), split at its one colon, ARGs unexpanded; it always links to Docker "
        "Hub (`ghcr.io/o/i` -> `hub.docker.com/r/ghcr.io/o/`).",
        "The last FROM instruction as Docker reads it (ARGs expanded, digest and registry told "
        "apart), linked to its registry.",
    ),
    "bom_kept": (
        "A1: a byte-order mark is text: it shows in a docs fragment, and it hides a first-line "
        "`sponsors` line of plugin.toml or a first-line annotation of a script.",
        "A byte-order mark is dropped.",
    ),
    "script_stops": (
        "A1: where bin/generate stops with an error, docgen renders the evident meaning and "
        "warns (`bin/generate stops here`).",
        "No such warning: the input is fine for corrected mode.",
    ),
    "help_functions": (
        "help-functions: the help (`--format help`) is what the plugin's own help-functions "
        "prints: the scripts read by its rules (docgen/build/helpfunctions.py), "
        "`[-u|--use-iam-optional]`, no defaults, tables through `column -t -s,` in the C "
        "locale, the overview sorted by byte.",
        "The help is rendered from the README's model, so that the two agree: the same usage, "
        "descriptions, flags, defaults and example text; tables in two columns.",
    ),
}

# What older versions of bin/generate did where the newest does what A1..A17 say. Each
# value is listed; the first is the newest version's (and corrected mode's).
ERA_DOCS: dict[str, str] = {
    "substitution_set": "A10: `A10` the nine spellings; `R-old` (before 2020-05b) only the "
    "prefix, alias, scheme and first port; `A10+port1` also `${PLUGIN_DATASTORE_PORTS[1]}`",
    "sentence_style": "A14: `S4` as A14; `S3` (2020-05b..2021-09b) split at every `.`, "
    "capitals as code with a doubled backtick, no quote cleanups; `S2` (2020-04b..2020-05a) "
    "`str.capitalize()` per piece, no code; `S1` (2020-04a) as S2 without the strip",
    "flag_list": "A9: the `flags:` list (not before 2020-05a)",
    "options_default": "A12: the `(default: ...)` of `--config-options` (not before 2021-09d)",
    "docs_injection": "A15: the `docs/<command>.md` fragments (not before 2021-09e)",
    "usage_line_strip": "A9: the usage line stripped (before 2023-12 a command without "
    "arguments keeps a trailing space)",
    "final_newline": "A1: the README ends with a newline (not before 2021-09a)",
    "unimplemented_read": "A17: PLUGIN_UNIMPLEMENTED_SUBCOMMANDS honoured (not in 2020-04a)",
    "image_from": "A17: `dockerfile`; `config` (2020-05b..2020-09b) the last config line "
    "containing `_IMAGE=${` and the version from `IMAGE_VERSION=${`; `config-version` (before "
    "2020-05b) only that version",
    "hub_link": "A4: `r` as A4; `no-r` (2020-09a) without `r/`; `prefix` (before 2020-09a) "
    "`[<prefix> <version>](https://hub.docker.com/_/<prefix>/)`",
    "sponsors_read": "A5: plugin.toml's sponsors (not before 2020-09a)",
}

COMPAT = Quirks()
CORRECTED = COMPAT._replace(**dict.fromkeys(QUIRK_DOCS, False))  # type: ignore[arg-type]


# --- literal_substitution (A10): the fixed textual substitutions --------------------------


# The spellings each substitution set replaces, in order (ERA_DOCS substitution_set).
_SPELLINGS = {
    "A10": (
        "$PLUGIN_SERVICE",
        "$PLUGIN_COMMAND_PREFIX",
        "${PLUGIN_COMMAND_PREFIX}",
        "${PLUGIN_VARIABLE}",
        "${PLUGIN_DEFAULT_ALIAS}",
        "${PLUGIN_IMAGE}",
        "${PLUGIN_SCHEME}",
        "${PLUGIN_DATASTORE_PORTS[0]}",
        "${PLUGIN_DATASTORE_PORTS[@]}",
    ),
    "R-old": (
        "$PLUGIN_SERVICE",
        "$PLUGIN_COMMAND_PREFIX",
        "${PLUGIN_COMMAND_PREFIX}",
        "${PLUGIN_DEFAULT_ALIAS}",
        "${PLUGIN_SCHEME}",
        "${PLUGIN_DATASTORE_PORTS[0]}",
    ),
}
_SPELLINGS["A10+port1"] = (
    *_SPELLINGS["A10"][:8],
    "${PLUGIN_DATASTORE_PORTS[1]}",
    "${PLUGIN_DATASTORE_PORTS[@]}",
)


def literal_substitute(
    line: str,
    prefix: str,
    variable: str,
    alias: str | None,
    image: str,
    scheme: str | None,
    ports: Sequence[str],
    spellings: str = "A10",
) -> str:
    """The replacements of A10 (or of an older set), in their order. A missing value leaves
    its spelling."""
    if "PLUGIN_" not in line:  # every spelling has it
        return line
    values = {
        "$PLUGIN_SERVICE": prefix,
        "$PLUGIN_COMMAND_PREFIX": prefix,
        "${PLUGIN_COMMAND_PREFIX}": prefix,
        "${PLUGIN_VARIABLE}": variable,
        "${PLUGIN_DEFAULT_ALIAS}": alias,
        "${PLUGIN_IMAGE}": image,
        "${PLUGIN_SCHEME}": scheme,
        "${PLUGIN_DATASTORE_PORTS[0]}": ports[0] if ports else None,
        "${PLUGIN_DATASTORE_PORTS[1]}": ports[1] if len(ports) > 1 else None,
        "${PLUGIN_DATASTORE_PORTS[@]}": " ".join(ports) if ports else None,
    }
    for spelling in _SPELLINGS[spellings]:
        value = values[spelling]
        if value is not None:
            line = line.replace(spelling, value)
    return line


def port_warnings(quirks: Quirks, path: str, ports: Sequence[str]) -> tuple[Diagnostic, ...]:
    """2021-07 and 2021-09b substitute ``${PLUGIN_DATASTORE_PORTS[1]}`` in every line: the
    script stops on a plugin with one port (docgen leaves the spelling as written)."""
    if quirks.substitution_set != "A10+port1" or len(ports) > 1:
        return ()
    stop = Stop(None, "the plugin has one port and this version substitutes a second")
    return stop_warnings(quirks, path, stop, "leaves ${PLUGIN_DATASTORE_PORTS[1]} as written")


class Values(NamedTuple):
    """The values A10 substitutes."""

    prefix: str
    variable: str
    alias: str | None
    image: str
    scheme: str | None
    ports: Sequence[str]


def variable_expander(
    quirks: Quirks, values: Values, as_bash: Callable[[str], str]
) -> Callable[[str], str]:
    """How config variables in a subcommand line are replaced: the spellings of A10 (or of
    the profile's older set), or in corrected mode every variable as bash expands it."""
    if not quirks.literal_substitution:
        return as_bash
    spellings = quirks.substitution_set

    def literal(line: str) -> str:
        return literal_substitute(line, *values, spellings)

    return literal


# --- none_default (A12) -------------------------------------------------------------------


def takes_config_options(quirks: Quirks, spec: str, help_text: str | None) -> bool:
    """Whether a flag gets the config-options default: in compat mode when its spec or its
    help mentions ``--config-options`` (the script tests the whole rendered flag), in
    corrected mode when its spec does."""
    if quirks.none_default and help_text is not None:
        return "--config-options" in f"`{spec}`: {help_text}"
    return "--config-options" in spec


def config_options_default(quirks: Quirks, options: str | None) -> str | None:
    """The default shown after a ``--config-options`` flag: the config's, or ``None`` as
    a word when it has none (compat), or nothing (corrected; versions before 2021-09d show
    none at all)."""
    if not quirks.options_default:
        return None
    if options is None and quirks.none_default:
        return "None"
    return options


def listed_flags(quirks: Quirks, flags: tuple[T, ...]) -> tuple[T, ...]:
    """The flags the README lists: none before 2020-05a (the script parsed, not listed them)."""
    return flags if quirks.flag_list else ()


# --- uppercase_usage (A10, A11): usage from uppercase runs --------------------------------

_UPPERCASE_RUN = re.compile(r"[A-Z_]+")


def usage_token(name: str) -> str:
    """One argument name (``TAIL_FLAG``) as the usage shows it (``[-t|--tail]``), A11."""
    arg = name.replace("_", "-").lower()
    if arg.endswith("optional-flag"):
        return f"[--{arg.replace('-optional-flag', '')}]"
    if arg.endswith("-flag"):
        if arg == "info-flag":
            return "[--single-info-flag]"
        arg = arg.replace("-flag", "")
        if not arg:  # a name that is only "_FLAG": bin/generate crashes here
            return f"<{name.lower()}>"
        return f"[-{arg[0]}|--{arg}]"
    if arg.endswith("-flags-list"):
        return f"[--{arg.replace('-list', '')}...]"
    if arg.endswith("list"):
        return f"<{arg.replace('-list', '')}...>"
    return f"<{arg}>"


def uppercase_usage(line: str) -> str:
    """A11: every ``[A-Z_]+`` run of the line, as usage tokens. A run without a letter
    (the ``_`` of ``service_name``) is the garbage token ``<->`` (one dash per underscore)."""
    return " ".join(usage_token(run) for run in _UPPERCASE_RUN.findall(line.strip()))


def garbage_tokens(usage: str) -> list[str]:
    """The tokens of a usage that come from letterless runs (``<->``, ``<-->``), for lint."""
    return [
        token for token in usage.split(" ") if token.startswith("<-") and not token.strip("<->")
    ]


def read_as_code(quirks: Quirks, line: str) -> bool:
    """Whether a line may set the description or the usage (A10's classification): any
    line in compat mode, so that an ``#E``/``#F``/``#A`` line mentioning ``declare desc``
    or ``$1`` is swallowed; corrected mode keeps annotations as annotations."""
    return quirks.uppercase_usage or not line.startswith(("#A ", "#F ", "#E "))


def usage(
    quirks: Quirks, path: str, number: int, line: str
) -> tuple[str | None, tuple[Diagnostic, ...]]:
    """The usage a line containing ``$1`` gives: A11's uppercase runs (compat), or none
    in corrected mode, where the usage is the synopsis. The script stops at a run that is
    ``_FLAG`` and nothing else."""
    if not quirks.uppercase_usage:
        return None, ()
    runs = _UPPERCASE_RUN.findall(line.strip())
    stop = Stop(number, "the name _FLAG has no letter before _FLAG") if "_FLAG" in runs else None
    return uppercase_usage(line), stop_warnings(quirks, path, stop, "prints <_flag>")


def synopsis(quirks: Quirks, derive: Callable[[], tuple[T, ...]]) -> tuple[T, ...]:
    """The usage word by word as the script accepts it (``derive``, docgen/build/synopsis.py,
    through bashlex): corrected mode's usage. None in compat mode, whose usage is A11's
    uppercase runs, read without bashlex."""
    return () if quirks.uppercase_usage else derive()


# --- marker_everywhere (A10) --------------------------------------------------------------


def annotation_payload(quirks: Quirks, line: str) -> str:
    """An ``#E ``/``#F ``/``#A `` line without its marker: every occurrence of the marker
    goes in compat mode (``#F -x, like #F -y`` -> ``-x, like -y``)."""
    return line.replace(line[:3], "") if quirks.marker_everywhere else line[3:]


# --- codeblock_dedent (A13) ---------------------------------------------------------------


def code_example_line(quirks: Quirks, line: str) -> str:
    """A four-space indented example line: stripped whole (compat), or with the nested
    indentation kept (corrected)."""
    return line.strip() if quirks.codeblock_dedent else line[4:].rstrip()


# --- sentence_quirks (A14): sentences -----------------------------------------------------


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _code_word(word: str, quirky: bool) -> str:
    if not (word.isupper() and len(word) > 1):
        return word
    if quirky:
        # bin/generate's for/else: the ending is split off, then the word is wrapped again.
        for ending in (":", "."):
            if word.endswith(ending):
                word = f"`{word[:-1]}`{ending}"
        return f"`{word}`"
    if word[-1] in ":.,;":
        return f"`{word[:-1]}`{word[-1]}"
    return f"`{word}`"


_QUOTED_WORD = re.compile(r"(?<![\w`])'([^'\s][^']*?)'(?![\w])")


def _older_sentence(style: str, lines: Sequence[str]) -> str:
    """The sentences of versions before 2021-09c (ERA_DOCS sentence_style): split at every
    ``.``; S1 and S2 capitalise each piece with ``str.capitalize()`` and make no code;
    S3 upper-cases the first letter, makes capitals code without the A14 cleanups."""
    text = " ".join(lines)
    if style in ("S1", "S2"):
        text = ". ".join(piece.strip().capitalize() for piece in text.split("."))
        text = text.strip() if style == "S2" else text
        return text if text.endswith((".", ":")) else f"{text}:"
    text = ". ".join(_upper_first(piece.strip()) for piece in text.split(".")).strip()
    text = text if text.endswith((".", ":")) else f"{text}:"
    text = ". ".join(
        " ".join(_code_word(word, True) for word in piece.strip().split(" "))
        for piece in text.split(".")
    )
    return text.replace("(0. 0. 0. 0)", "(`0.0.0.0`)")


def sentence(quirks: Quirks, lines: Sequence[str]) -> str:
    """A14: example prose. Sentences are capitalised, uppercase words become code."""
    quirky = quirks.sentence_quirks
    if quirky and quirks.sentence_style != "S4":
        return _older_sentence(quirks.sentence_style, lines)
    text = ". ".join(_upper_first(part.strip()) for part in " ".join(lines).split(". ")).strip()
    if quirky:
        if not text.endswith((".", ":")):
            text += ":"
    elif not text.endswith((".", ":", "?", "!")):
        text += ":"
    text = ". ".join(
        " ".join(_code_word(word, quirky) for word in part.strip().split(" "))
        for part in text.split(". ")
    )
    text = text.replace("(0.0.0.0)", "(`0.0.0.0`)")
    if quirky:
        text = text.replace("'", "`").replace("`s", "'s").replace("``", "`")
    else:
        text = _QUOTED_WORD.sub(r"`\1`", text).replace("``", "`")
    return text.strip(" ")


# --- newline_collapse (A16) ---------------------------------------------------------------


def collapse_newlines(text: str) -> str:
    """A16: the replace chain of bin/generate, applied once to the whole README."""
    return text.replace("\n" * 5, "\n").replace("\n" * 4, "\n").replace("\n" * 3, "\n\n")


def finish(quirks: Quirks, text: str) -> str:
    """The rendered README as written: A16's collapse over the whole text in compat mode;
    before 2021-09a the script wrote no final newline."""
    text = collapse_newlines(text) if quirks.newline_collapse else text
    return text if quirks.final_newline else text.removesuffix("\n")


def fragment_text(quirks: Quirks, text: str) -> str:
    """A docs/ fragment as it goes in: raw (the collapse works on its newlines), or
    without its trailing newlines, since the template puts one blank line after it."""
    return text if quirks.newline_collapse else text.rstrip("\n")


def shown_sections(quirks: Quirks, sections: Iterable[T], empty: Callable[[T], bool]) -> list[T]:
    """The usage sections that render: all of them in compat mode (an empty one renders
    nothing, and A16 glues its neighbours), only those with content in corrected mode."""
    return [s for s in sections if quirks.newline_collapse or not empty(s)]


# --- hidden_commands (A8, A15) ------------------------------------------------------------


def documented(quirks: Quirks, listed: set[str], implemented: set[str]) -> set[str]:
    """The commands whose docs/ fragment goes into the README: those of a usage section
    (compat), or every implemented one, since each gets a section (corrected); none before
    2021-09e, which never read docs/."""
    if not quirks.docs_injection:
        return set()
    return listed if quirks.hidden_commands else implemented


def other_commands(quirks: Quirks, commands: Iterable[T], listed: Callable[[T], bool]) -> list[T]:
    """The commands of the "Other Commands" section: none in compat mode (they appear only
    in the Commands block), those of no usage section in corrected mode."""
    return [] if quirks.hidden_commands else [c for c in commands if not listed(c)]


# --- trailing_space_usage (A7) ------------------------------------------------------------


def usage_line(quirks: Quirks, prefix: str, name: str, usage: str) -> str:
    """The line under ``# usage``: ``dokku prefix:name usage``, stripped (before 2023-12 a
    command without arguments kept the separating space)."""
    line = f"dokku {prefix}:{name} {usage}"
    return line if not quirks.usage_line_strip else line.strip()


def commands_entry(quirks: Quirks, prefix: str, name: str, usage: str) -> str:
    """One entry of the Commands block before its padding: ``prefix:name usage``. A command
    without arguments keeps the separating space in compat mode."""
    if usage or quirks.trailing_space_usage:
        return f"{prefix}:{name} {usage}"
    return f"{prefix}:{name}"


# --- script_stops (A1): where bin/generate stops --------------------------------------------


class Stop(NamedTuple):
    """Where (a line, or the whole file) and why bin/generate stops with an error."""

    line: int | None
    why: str


def stop_warnings(
    quirks: Quirks, path: str, stop: Stop | None, rendered: str
) -> tuple[Diagnostic, ...]:
    """A warning that bin/generate stops on this input, and what docgen renders instead;
    none in corrected mode, where the input is fine."""
    if stop is None or not quirks.script_stops:
        return ()
    message = f"{stop.why}: bin/generate stops here; docgen {rendered}"
    return (Diagnostic(path, stop.line, message),)


# --- regex_values (A10, A17): config values, ports, unimplemented names, descriptions -----

_QUOTED = re.compile(r'"(.+)"')
_PARENS = re.compile(r"\((.+)\)")


def greedy_quoted(line: str) -> str | None:
    """A10: from the first to the last double quote of the line."""
    match = _QUOTED.search(line)
    return None if match is None else match.group(1)


def regex_scalar(lines: Sequence[str], name: str) -> tuple[str | None, Stop | None]:
    """A17: the greedy double-quoted value of the last line mentioning ``NAME=`` (None
    when no line does). The script stops at a line that mentions it without a value in
    double quotes (``NAME=x``, ``NAME=''``, ``NAME=""``)."""
    value = None
    for number, line in enumerate(lines, start=1):
        if f"{name}=" in line:
            match = _QUOTED.search(line)
            if match is None:
                return None, Stop(number, f"{name} has no value in double quotes")
            value = match.group(1)
    return value, None


def regex_list(
    lines: Sequence[str], name: str, *, strip_quotes: bool
) -> tuple[list[str] | None, Stop | None]:
    """A17: the items of the last ``NAME=(...)`` line, split on single spaces. For the
    ports (``strip_quotes`` False) the script stops at a line without ``(...)`` on it;
    for the unimplemented names it skips such a line (a multi-line array reads as none)."""
    items = None
    for number, line in enumerate(lines, start=1):
        if f"{name}=" in line:
            match = _PARENS.search(line)
            if match is None:
                if strip_quotes:
                    continue
                return None, Stop(number, f"{name} has no (...) on its line")
            items = match.group(1).split(" ")
            if strip_quotes:
                items = [item.strip('"') for item in items]
    return items, None


def regex_config_options(lines: Sequence[str], variable: str) -> str | None:
    """A12: the quoted text of the last line mentioning ``{variable}_CONFIG_OPTIONS``."""
    options = None
    for line in lines:
        if f"{variable}_CONFIG_OPTIONS" in line:
            match = _QUOTED.search(line)
            if match is not None:
                options = match.group(1)
    return options


def description(
    quirks: Quirks, path: str, number: int, line: str, as_bash: Callable[[str], str | None]
) -> tuple[str | None, tuple[Diagnostic, ...]]:
    """The value of a ``declare desc`` line: greedy quotes (compat), else as bash reads it.
    The script stops at a desc without a value in double quotes."""
    value = greedy_quoted(line) if quirks.regex_values else None
    if value is not None or not quirks.regex_values:
        return (as_bash(line) if value is None else value), ()
    bash_value = as_bash(line)
    if bash_value is None:
        return None, ()  # the caller says that the value cannot be read
    stop = Stop(number, "declare desc has no value in double quotes")
    return bash_value, stop_warnings(quirks, path, stop, "reads it as bash does")


def config_scalar(
    quirks: Quirks, config: ConfigSource, name: str, as_bash: Callable[[str], str | None]
) -> tuple[str | None, tuple[Diagnostic, ...]]:
    """A config scalar: A17's regular expression, else (or where the script stops) as
    bash reads it."""
    if not quirks.regex_values:
        return as_bash(name), ()
    value, stop = regex_scalar(config.lines, name)
    if value is not None:
        return value, ()
    return as_bash(name), stop_warnings(quirks, config.path, stop, "reads it as bash does")


def config_list(
    quirks: Quirks,
    config: ConfigSource,
    name: str,
    as_bash: Callable[[str], Sequence[str] | None],
    *,
    strip_quotes: bool,
) -> tuple[list[str] | None, tuple[Diagnostic, ...]]:
    """A config array: A17's split on single spaces, else as bash reads it. The
    unimplemented names (``strip_quotes``) are never read as bash in compat mode: a
    multi-line array is no names at all for the script."""
    if strip_quotes and not quirks.unimplemented_read:
        return [], ()  # 2020-04a rendered every command
    if quirks.regex_values:
        items, stop = regex_list(config.lines, name, strip_quotes=strip_quotes)
        if items is not None or strip_quotes:
            return items, ()
        warnings = stop_warnings(quirks, config.path, stop, "reads it as bash does")
    else:
        warnings = ()
    resolved = as_bash(name)
    return (None if resolved is None else list(resolved)), warnings


def config_options(
    quirks: Quirks, lines: Sequence[str], variable: str, as_bash: Callable[[str], str | None]
) -> str | None:
    """The default of ``<VARIABLE>_CONFIG_OPTIONS``: A12's quoted text, else as bash reads
    it (an empty value is no default)."""
    if quirks.regex_values:
        return regex_config_options(lines, variable)
    return as_bash(f"{variable}_CONFIG_OPTIONS") or None


# --- split_sponsors (A17) -----------------------------------------------------------------

_SPONSORS = re.compile(r'\[(["\w\s,_-]+)\]')


def split_sponsors(line: str) -> list[str] | None:
    """A17: ``sponsors = ["a", "b"]`` -> ``a``, `` "b`` (no white space strip); None where
    the pattern finds nothing (``[]``, a ``.`` in a name, a multi-line list)."""
    match = _SPONSORS.search(line)
    if match is None:
        return None
    return [item.strip('"') for item in match.group(1).split(",")]


def sponsors(
    quirks: Quirks, metadata: PluginMetadata
) -> tuple[tuple[str, ...], tuple[Diagnostic, ...]]:
    """The sponsors: A17's split of the last raw line that starts with ``sponsors`` (none
    without one, whatever TOML says) in compat mode, or TOML's list. Where the script stops
    on that line, or in corrected mode, a file TOML cannot read is an error."""
    if not quirks.sponsors_read:
        return (), ()  # plugin.toml was read from 2020-09a on
    if not metadata.exists:
        assert metadata.problem is not None
        raise metadata.problem
    if quirks.split_sponsors:
        if metadata.sponsors_line is None:
            return (), ()
        number, line = metadata.sponsors_line
        split = split_sponsors(line)
        if split is not None:
            return tuple(split), ()
        stop = Stop(number, "the sponsors line has no [...] of plain names")
        warnings = stop_warnings(quirks, metadata.path, stop, "reads the sponsors as TOML")
    else:
        warnings = ()
    if metadata.problem is not None:
        raise metadata.problem
    return metadata.sponsors, warnings


# --- script_image (A4, A17) ---------------------------------------------------------------


def hub_url(image: str, r: bool = True) -> str:
    """A4: the Docker Hub page the script links to, whatever registry the image is on
    (2020-09a linked ``/{owner}/{name}/`` without ``r/``)."""
    if "/" in image:
        owner, name = image.split("/")[:2]
        return f"https://hub.docker.com/{'r/' if r else ''}{owner}/{name}/"
    return f"https://hub.docker.com/_/{image}/"


class ImageReading(NamedTuple):
    image: Image  # what the description shows
    substituted: str  # the value of ${PLUGIN_IMAGE}
    warnings: tuple[Diagnostic, ...]


def _config_value(lines: Sequence[str], marker: str) -> tuple[str | None, Stop | None]:
    """The greedy double-quoted value of the last line containing ``marker``."""
    value = None
    for number, line in enumerate(lines, start=1):
        if marker in line:
            match = _QUOTED.search(line)
            if match is None:
                return None, Stop(number, f"a line with {marker} has no value in double quotes")
            value = match.group(1)
    return value, None


def _config_image(quirks: Quirks, config: ConfigSource, prefix: str) -> ImageReading | Stop:
    """The image of versions before 2021-02, read from config (ERA_DOCS image_from)."""
    version, stop = _config_value(config.lines, "IMAGE_VERSION=${")
    if stop is not None:
        return stop
    name: str | None = prefix
    if quirks.image_from == "config":
        name, stop = _config_value(config.lines, "_IMAGE=${")
        if stop is not None or name is None:
            return stop or Stop(None, "no config line sets an _IMAGE=${...} image")
    name = name or prefix
    if quirks.hub_link == "prefix":
        shown = Image(prefix, str(version), hub_url(prefix))
    else:
        shown = Image(name, str(version), hub_url(name, r=quirks.hub_link == "r"))
    return ImageReading(shown, name, ())


def image(
    quirks: Quirks,
    dockerfile: DockerfileSource,
    config: ConfigSource,
    prefix: str,
    docker: Callable[[ImageSource], Image],
) -> ImageReading:
    """The image of the description and of ``${PLUGIN_IMAGE}``: as bin/generate reads the
    Dockerfile (compat; config before 2021-02), or as Docker does (``docker``), which is
    also what docgen renders where the script stops."""
    script = dockerfile.script
    stop: Stop | None = Stop(*dockerfile.script_stop)
    path = dockerfile.path
    if quirks.script_image and quirks.image_from != "dockerfile":
        reading = _config_image(quirks, config, prefix)
        if isinstance(reading, ImageReading):
            return reading
        stop, path = reading, config.path
    elif quirks.script_image and script is not None:
        shown = Image(script.image, script.version, hub_url(script.image))
        return ImageReading(shown, script.image, ())
    if dockerfile.image is None:
        assert dockerfile.problem is not None
        raise dockerfile.problem
    warnings = stop_warnings(quirks, path, stop, "reads the FROM instruction")
    shown = docker(dockerfile.image)
    return ImageReading(shown, shown.name, warnings if quirks.script_image else ())


# --- none_description (A9) ----------------------------------------------------------------


def missing_description(quirks: Quirks, name: str) -> str:
    """The description of a command without ``declare desc``: ``None`` (compat), or its
    name."""
    return "None" if quirks.none_description else name


# --- listed_entries (A7) ------------------------------------------------------------------


def skipped_entry(quirks: Quirks, name: str, control: bool) -> str | None:
    """Why an entry of subcommands/ is no command, or None when it is one: in compat mode
    every file is (a dotfile, a name with a control character written raw); corrected
    mode skips those."""
    if quirks.listed_entries:
        return None
    if name.startswith("."):
        return "skipped: a dotfile is not a command"
    if control:
        return "skipped: a file name with a control character"
    return None


# --- bom_kept (A1) ------------------------------------------------------------------------


def text_read(quirks: Quirks, text: str) -> str:
    """A file's text as the rules see it: with its byte-order mark (compat), without it."""
    return text if quirks.bom_kept else text.removeprefix("\ufeff")


# --- prefix_disable_pull (A8) -------------------------------------------------------------


def disable_pull_variable(quirks: Quirks, prefix: str, configured: Callable[[], str | None]) -> str:
    """The variable the docker pull section names: ``<PREFIX>_DISABLE_PULL`` (compat), or
    the config's ``PLUGIN_DISABLE_PULL_VARIABLE`` when it has one (corrected)."""
    fallback = f"{prefix.upper()}_DISABLE_PULL"
    if quirks.prefix_disable_pull:
        return fallback
    return configured() or fallback


# --- help_functions (the help) ------------------------------------------------------------


def help_functions(quirks: Quirks, script: T, readme: T) -> T:
    """What the help is made from and how it is laid out: ``script``, help-functions'
    reading and layout (compat), or ``readme``, the README's model laid out plainly
    (corrected). Each caller passes its two choices: two builders, two layouts."""
    return script if quirks.help_functions else readme
