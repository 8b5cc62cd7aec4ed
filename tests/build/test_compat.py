"""docgen.compat: the quirks of bin/generate, each checked against the behaviour spec
(shared/reference/bin-generate-behaviour.md, sections A10, A11, A14, A16, A17)."""

from __future__ import annotations

import pytest

from docgen.build import compat
from docgen.build.compat import COMPAT, CORRECTED, ERA_DOCS, Quirks

# --- A10: literal substitution ------------------------------------------------------------

POSTGRES = dict(
    prefix="postgres",
    variable="POSTGRES",
    alias="DATABASE",
    image="postgres",
    scheme="postgresql",
    ports=["5432"],
)
MONGO_PORTS = ["27017", "27018", "27019", "28017"]


def _sub(line: str, **overrides: object) -> str:
    values = {**POSTGRES, **overrides}
    return compat.literal_substitute(line, **values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # the nine replacements, one each
        ("create a $PLUGIN_SERVICE service", "create a postgres service"),
        ("$PLUGIN_COMMAND_PREFIX:create", "postgres:create"),
        ("${PLUGIN_COMMAND_PREFIX}:create", "postgres:create"),
        ("export ${PLUGIN_VARIABLE}_IMAGE", "export POSTGRES_IMAGE"),
        ("as ${PLUGIN_DEFAULT_ALIAS}_URL in <app>", "as DATABASE_URL in <app>"),
        ("image ${PLUGIN_IMAGE}", "image postgres"),
        ("${PLUGIN_SCHEME}://host", "postgresql://host"),
        ("port ${PLUGIN_DATASTORE_PORTS[0]}", "port 5432"),
        ("ports ${PLUGIN_DATASTORE_PORTS[@]}", "ports 5432"),
        # not replaced (A10 "Not replaced")
        ("${PLUGIN_SERVICE}", "${PLUGIN_SERVICE}"),
        ("$PLUGIN_VARIABLE", "$PLUGIN_VARIABLE"),
        ("$PLUGIN_IMAGE", "$PLUGIN_IMAGE"),
        ("${PLUGIN_IMAGE_VERSION}", "${PLUGIN_IMAGE_VERSION}"),
        ("${PLUGIN_DATASTORE_PORTS[1]}", "${PLUGIN_DATASTORE_PORTS[1]}"),
        # $PLUGIN_SERVICE is a prefix of $PLUGIN_SERVICE_NAME
        ("$PLUGIN_SERVICE_NAME", "postgres_NAME"),
        # the README line of A10
        (
            'export ${PLUGIN_VARIABLE}_IMAGE_VERSION="${PLUGIN_IMAGE_VERSION}"',
            'export POSTGRES_IMAGE_VERSION="${PLUGIN_IMAGE_VERSION}"',
        ),
        # every occurrence is replaced
        ("$PLUGIN_COMMAND_PREFIX $PLUGIN_COMMAND_PREFIX", "postgres postgres"),
        ("no variables", "no variables"),
    ],
)
def test_literal_substitute(line: str, expected: str) -> None:
    assert _sub(line) == expected


def test_literal_substitute_expands_all_ports_for_at() -> None:
    """mongo: `dokku mongo:expose lollipop 127.0.0.1:27017 27018 27019 28017`."""
    line = "#E dokku mongo:expose lollipop ${PLUGIN_DATASTORE_PORTS[@]}"
    assert _sub(line, ports=MONGO_PORTS) == "#E dokku mongo:expose lollipop 27017 27018 27019 28017"


def test_literal_substitute_first_port_and_second_left() -> None:
    line = "${PLUGIN_DATASTORE_PORTS[0]} ${PLUGIN_DATASTORE_PORTS[1]}"
    assert _sub(line, ports=MONGO_PORTS) == "27017 ${PLUGIN_DATASTORE_PORTS[1]}"


def test_literal_substitute_alias_in_description_graphite() -> None:
    line = "promote service <service> as ${PLUGIN_DEFAULT_ALIAS}_URL in <app>"
    assert _sub(line, prefix="graphite", variable="STATSD", alias="STATSD") == (
        "promote service <service> as STATSD_URL in <app>"
    )


@pytest.mark.parametrize(
    ("line", "overrides", "expected"),
    [
        # step 1 runs before step 4: a prefix spelled ${PLUGIN_VARIABLE} is replaced again
        ("$PLUGIN_SERVICE", {"prefix": "${PLUGIN_VARIABLE}", "variable": "V"}, "V"),
        # step 4 runs after step 1: a variable spelled $PLUGIN_SERVICE stays
        ("${PLUGIN_VARIABLE}", {"variable": "$PLUGIN_SERVICE"}, "$PLUGIN_SERVICE"),
        # step 5 runs before step 6
        ("${PLUGIN_DEFAULT_ALIAS}", {"alias": "${PLUGIN_IMAGE}"}, "postgres"),
        # step 8 runs before step 9; step 9 after everything else
        ("${PLUGIN_DATASTORE_PORTS[@]}", {"ports": ["${PLUGIN_SCHEME}"]}, "${PLUGIN_SCHEME}"),
        (
            "${PLUGIN_SCHEME}",
            {"scheme": "${PLUGIN_DATASTORE_PORTS[@]}", "ports": ["1", "2"]},
            "1 2",
        ),
        # step 2 ($PLUGIN_COMMAND_PREFIX) runs before step 3 (${PLUGIN_COMMAND_PREFIX})
        (
            "$PLUGIN_COMMAND_PREFIX",
            {"prefix": "${PLUGIN_COMMAND_PREFIX}"},
            "${PLUGIN_COMMAND_PREFIX}",
        ),
    ],
)
def test_literal_substitute_order(line: str, overrides: dict[str, object], expected: str) -> None:
    assert _sub(line, **overrides) == expected


@pytest.mark.parametrize(
    ("line", "overrides", "expected"),
    [
        ("${PLUGIN_DEFAULT_ALIAS}", {"alias": None}, "${PLUGIN_DEFAULT_ALIAS}"),
        ("${PLUGIN_SCHEME}", {"scheme": None}, "${PLUGIN_SCHEME}"),
        ("${PLUGIN_DATASTORE_PORTS[0]}", {"ports": []}, "${PLUGIN_DATASTORE_PORTS[0]}"),
        ("${PLUGIN_DATASTORE_PORTS[@]}", {"ports": []}, "${PLUGIN_DATASTORE_PORTS[@]}"),
    ],
)
def test_literal_substitute_missing_value_keeps_spelling(
    line: str, overrides: dict[str, object], expected: str
) -> None:
    assert _sub(line, **overrides) == expected


# --- A11: usage ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            'declare SERVICE="$1" TAIL_FLAG="$2" TAIL_NUM_OPTIONAL="${3:-all}"',
            "<service> [-t|--tail] <tail-num-optional>",
        ),
        ("SCHEDULE BUCKET_NAME USE_IAM_OPTIONAL_FLAG", "<schedule> <bucket-name> [--use-iam]"),
        ("INFO_FLAG", "[--single-info-flag]"),
        ("FORCE_FLAG", "[-f|--force]"),
        ('CREATE_FLAGS_LIST=("${@:2}")', "[--create-flags...]"),
        ("PORTS_LIST", "<ports...>"),
        # `list` needs no hyphen; nothing to remove then
        ("PORTLIST", "<portlist...>"),
        # every uppercase run of the whole line, including an annotation marker
        ("#E dokku x:y $1", "<e>"),
        ('  declare SERVICE="$1"  ', "<service>"),
        ("no uppercase here $1", ""),
    ],
)
def test_uppercase_usage(line: str, expected: str) -> None:
    assert compat.uppercase_usage(line) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("SERVICE", "<service>"),
        ("BUCKET_NAME", "<bucket-name>"),
        ("USE_IAM_OPTIONAL_FLAG", "[--use-iam]"),
        ("INFO_FLAG", "[--single-info-flag]"),
        ("TAIL_FLAG", "[-t|--tail]"),
        ("SINGLE_INFO_FLAG", "[-s|--single-info]"),
        ("CREATE_FLAGS_LIST", "[--create-flags...]"),
        ("PORTS_LIST", "<ports...>"),
        ("TAIL_NUM_OPTIONAL", "<tail-num-optional>"),
    ],
)
def test_usage_token(name: str, expected: str) -> None:
    assert compat.usage_token(name) == expected


# --- A14: sentences -----------------------------------------------------------------------

SENTENCES = [
    # (lines, compat, corrected)
    (
        ["backup the 'lollipop' service to the 'my-s3-bucket' bucket on AWS"],
        "Backup the `lollipop` service to the `my-s3-bucket` bucket on `AWS`:`",
        "Backup the `lollipop` service to the `my-s3-bucket` bucket on `AWS`:",
    ),
    (["question?"], "Question?:", "Question?"),
    (["wow!"], "Wow!:", "Wow!"),
    (["see (AWS) here"], "See `(AWS)` here:", "See `(AWS)` here:"),
    (["use <SERVICE> now"], "Use `<SERVICE>` now:", "Use `<SERVICE>` now:"),
    (["S3 bucket"], "`S3` bucket:", "`S3` bucket:"),
    (["I/O heavy"], "`I/O` heavy:", "`I/O` heavy:"),
    (["pick a B option"], "Pick a B option:", "Pick a B option:"),
    (["don't do it"], "Don`t do it:", "Don't do it:"),
    (["we'll also"], "We`ll also:", "We'll also:"),
    (["the service's data"], "The service's data:", "The service's data:"),
    (["listen on (0.0.0.0)"], "Listen on (`0.0.0.0`):", "Listen on (`0.0.0.0`):"),
    (["e.g. via x"], "E.g. Via x:", "E.g. Via x:"),
    (["is it paused? check it"], "Is it paused? check it:", "Is it paused? check it:"),
    (["first line", "second line"], "First line second line:", "First line second line:"),
    (["one. two"], "One. Two:", "One. Two:"),
    (["x.  yes"], "X. Yes:", "X. Yes:"),
    (["ends with a period."], "Ends with a period.", "Ends with a period."),
    (["ends with colon:"], "Ends with colon:", "Ends with colon:"),
    (["end with AWS."], "End with `AWS`.`", "End with `AWS`."),
    (["set AWS: now"], "Set `AWS`:` now:", "Set `AWS`: now:"),
    (["use AWS, then S3"], "Use `AWS,` then `S3`:`", "Use `AWS`, then `S3`:"),
    # `s -> 's also hits a quoted word starting with s
    (["the 'service' name"], "The 'service` name:", "The `service` name:"),
    (["  padded  "], "Padded:", "Padded:"),
    (["\ttab-indented line"], "Tab-indented line:", "Tab-indented line:"),
    (
        ["it's 'quoted'. is it paused? check (0.0.0.0) for I/O"],
        "It's `quoted`. Is it paused? check (`0.0.0.0`) for `I/O`:`",
        "It's `quoted`. Is it paused? check (`0.0.0.0`) for `I/O`:",
    ),
]


@pytest.mark.parametrize(("lines", "expected", "_corrected"), SENTENCES)
def test_sentence_compat(lines: list[str], expected: str, _corrected: str) -> None:
    assert compat.sentence(COMPAT, lines) == expected


@pytest.mark.parametrize(("lines", "_compat", "expected"), SENTENCES)
def test_sentence_corrected(lines: list[str], _compat: str, expected: str) -> None:
    assert compat.sentence(CORRECTED, lines) == expected


# --- A16: collapse ------------------------------------------------------------------------

COLLAPSE = {1: 1, 2: 2, 3: 2, 4: 1, 5: 1, 6: 2, 7: 2, 8: 1, 9: 2, 10: 2, 11: 2, 12: 1}


@pytest.mark.parametrize(("n", "m"), sorted(COLLAPSE.items()))
def test_collapse_newlines_table(n: int, m: int) -> None:
    assert compat.collapse_newlines("a" + "\n" * n + "b") == "a" + "\n" * m + "b"


def test_collapse_newlines_is_applied_once() -> None:
    # 3 -> 2 and 4 -> 1 in one text; the result is not collapsed again
    assert compat.collapse_newlines("```\n\n\n\n### Backups\n\n\nx") == "```\n### Backups\n\nx"


def test_collapse_newlines_keeps_text_without_runs() -> None:
    assert compat.collapse_newlines("a\nb\n\nc\n") == "a\nb\n\nc\n"


# --- A10/A17: greedy values -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('declare desc="create a service"', "create a service"),
        ('declare desc="say "hi" now"', 'say "hi" now'),
        ('declare desc="x" # "comment"', 'x" # "comment'),
        ("declare desc='single'", None),
        ('declare desc=""', None),
        ("no quotes", None),
    ],
)
def test_greedy_quoted(line: str, expected: str | None) -> None:
    assert compat.greedy_quoted(line) == expected


SCHEME_STOP = "PLUGIN_SCHEME has no value in double quotes"
X_STOP = "X has no (...) on its line"


@pytest.mark.parametrize(
    ("lines", "name", "expected"),
    [
        (('export PLUGIN_COMMAND_PREFIX="postgres"',), "PLUGIN_COMMAND_PREFIX", ("postgres", None)),
        # the last line wins
        (('export PLUGIN_SCHEME="a"', 'export PLUGIN_SCHEME="b"'), "PLUGIN_SCHEME", ("b", None)),
        # matching by substring
        (('export OLD_PLUGIN_VARIABLE="OLD"',), "PLUGIN_VARIABLE", ("OLD", None)),
        # greedy: from the first to the last quote
        (('export PLUGIN_SCHEME="x" # "y"',), "PLUGIN_SCHEME", ('x" # "y', None)),
        # no line mentions it
        (('export OTHER="x"',), "PLUGIN_SCHEME", (None, None)),
        # a line mentions it without a quoted value: the script stops there
        (("export PLUGIN_SCHEME=http",), "PLUGIN_SCHEME", (None, compat.Stop(1, SCHEME_STOP))),
        (
            ('export PLUGIN_SCHEME="a"', "export PLUGIN_SCHEME=b"),
            "PLUGIN_SCHEME",
            (None, compat.Stop(2, SCHEME_STOP)),
        ),
        (('export PLUGIN_SCHEME=""',), "PLUGIN_SCHEME", (None, compat.Stop(1, SCHEME_STOP))),
    ],
)
def test_regex_scalar(
    lines: tuple[str, ...], name: str, expected: tuple[str | None, compat.Stop | None]
) -> None:
    assert compat.regex_scalar(lines, name) == expected


@pytest.mark.parametrize(
    ("lines", "strip", "expected"),
    [
        (("export X=(5432)",), False, ["5432"]),
        (("export X=(27017 27018 27019 28017)",), False, ["27017", "27018", "27019", "28017"]),
        # ports keep their quotes
        (('export X=("1" "2")',), False, ['"1"', '"2"']),
        # unimplemented names lose theirs; typesense's unquoted list works
        (('export X=("backup" "clone")',), True, ["backup", "clone"]),
        (("export X=(backup backup-auth)",), True, ["backup", "backup-auth"]),
        # split on single spaces
        (('export X=("a"  "b")',), True, ["a", "", "b"]),
        # greedy parentheses
        (("export X=(a b) # (c)",), False, ["a", "b)", "#", "(c"]),
        # the last line wins
        (("export X=(1)", "export X=(2 3)"), False, ["2", "3"]),
        # empty parentheses do not match: no names; for ports the script stops
        (("export X=()",), True, None),
        (("export X=()",), False, compat.Stop(1, X_STOP)),
        # a later line without parentheses: skipped for unimplemented, a stop for ports
        (("export X=(a)", "export X=$Y"), True, ["a"]),
        (("export X=(a)", "export X=$Y"), False, compat.Stop(2, X_STOP)),
        # a multi-line array: no names for unimplemented (G7), a stop for ports
        (("export X=(", '  "a"', ")"), True, None),
        (("export X=(", '  "a"', ")"), False, compat.Stop(1, X_STOP)),
        (("export Y=(a)",), False, None),
    ],
)
def test_regex_list(
    lines: tuple[str, ...], strip: bool, expected: list[str] | compat.Stop | None
) -> None:
    items, stop = compat.regex_list(lines, "X", strip_quotes=strip)
    assert (stop if isinstance(expected, compat.Stop) else items) == expected
    assert (items is None) == (expected is None or isinstance(expected, compat.Stop))


@pytest.mark.parametrize(
    ("lines", "variable", "expected"),
    [
        (('export POSTGRES_CONFIG_OPTIONS=${POSTGRES_CONFIG_OPTIONS:=""}',), "POSTGRES", None),
        (
            (
                'export MONGO_CONFIG_OPTIONS=${MONGO_CONFIG_OPTIONS:=" --storageEngine wiredTiger --auth "}',
            ),
            "MONGO",
            " --storageEngine wiredTiger --auth ",
        ),
        # graphite looks for STATSD_CONFIG_OPTIONS
        (('export GRAPHITE_CONFIG_OPTIONS=${GRAPHITE_CONFIG_OPTIONS:=" --x "}',), "STATSD", None),
        # the last line with a match wins; a later line without one does not reset it
        (('export M_CONFIG_OPTIONS="a"', 'export M_CONFIG_OPTIONS="b"'), "M", "b"),
        (('export M_CONFIG_OPTIONS="a"', "unset M_CONFIG_OPTIONS"), "M", "a"),
        (("export M_CONFIG_OPTIONS='single'",), "M", None),
    ],
)
def test_regex_config_options(lines: tuple[str, ...], variable: str, expected: str | None) -> None:
    assert compat.regex_config_options(lines, variable) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('sponsors = ["coding-socks"]', ["coding-socks"]),
        ('sponsors = ["a","b"]', ["a", "b"]),
        # no white space strip: the second sponsor keeps a space and a quote
        ('sponsors = ["a", "b"]', ["a", ' "b']),
        ('sponsors = ["a_b", "c-d"]', ["a_b", ' "c-d']),
        # the character class has no room for these (the script crashes)
        ("sponsors = []", None),
        ('sponsors = ["a.b"]', None),
        ("sponsors", None),
    ],
)
def test_split_sponsors(line: str, expected: list[str] | None) -> None:
    assert compat.split_sponsors(line) == expected


# --- Quirks -------------------------------------------------------------------------------

QUIRK_NAMES = [
    "literal_substitution",
    "none_default",
    "uppercase_usage",
    "marker_everywhere",
    "sentence_quirks",
    "codeblock_dedent",
    "newline_collapse",
    "hidden_commands",
    "trailing_space_usage",
    "regex_values",
    "split_sponsors",
    "prefix_disable_pull",
    "none_description",
    "listed_entries",
    "script_image",
    "bom_kept",
    "script_stops",
    "help_functions",
]


def test_quirks_table_covers_every_field() -> None:
    """Every field of Quirks is a quirk (QUIRK_DOCS) or what an older version did (ERA_DOCS)."""
    table = Quirks.table()
    assert [row[0] for row in table] == QUIRK_NAMES
    assert [*QUIRK_NAMES, *ERA_DOCS] == list(Quirks._fields)


@pytest.mark.parametrize("row", Quirks.table(), ids=lambda row: row[0])
def test_quirks_table_documents_both_modes(row: tuple[str, str, str]) -> None:
    _name, doc, corrected = row
    assert (bool(doc.strip()), bool(corrected.strip()), doc == corrected) == (True, True, False)


def test_quirks_table_cites_the_spec() -> None:
    assert [doc.split(":")[0] for _, doc, _ in Quirks.table()] == [
        "A10",
        "A12",
        "A11",
        "A10",
        "A14",
        "A13",
        "A16",
        "A8",
        "A7",
        "A10/A17",
        "A17",
        "A8",
        "A9",
        "A7",
        "A4/A17",
        "A1",
        "A1",
        "help-functions",
    ]


NEWEST_ERA = {
    "substitution_set": "A10",
    "sentence_style": "S4",
    "flag_list": True,
    "options_default": True,
    "docs_injection": True,
    "usage_line_strip": True,
    "final_newline": True,
    "unimplemented_read": True,
    "image_from": "dockerfile",
    "hub_link": "r",
    "sponsors_read": True,
}


def test_compat_switches_every_quirk_on() -> None:
    assert COMPAT._asdict() == {**dict.fromkeys(QUIRK_NAMES, True), **NEWEST_ERA}


def test_corrected_switches_every_quirk_off() -> None:
    """Corrected mode has no quirk, and does what the newest version did otherwise."""
    assert CORRECTED._asdict() == {**dict.fromkeys(QUIRK_NAMES, False), **NEWEST_ERA}


def test_default_quirks_are_compat() -> None:
    assert Quirks() == COMPAT


@pytest.mark.parametrize(
    ("line", "usage"),
    [
        ('declare SERVICE="$1" _="$2"', "<service> <->"),
        ('local service_name="$1"', "<->"),
        ('#service_node_add "$1" "$2"', "<-> <->"),
        ('local a__b="$1" X="$2"', "<--> <x>"),
    ],
)
def test_uppercase_usage_keeps_runs_without_a_letter(line: str, usage: str) -> None:
    """bin/generate turns a letterless run into the garbage token ``<->``, one dash per
    underscore (A11); compat mode writes what it writes."""
    assert compat.uppercase_usage(line) == usage
    assert compat.garbage_tokens(usage) == [
        t for t in usage.split() if t != "<x>" and t != "<service>"
    ]
