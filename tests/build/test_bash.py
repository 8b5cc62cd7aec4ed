"""docgen.bash: words, assignments and parameter spans, and None for anything malformed."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from docgen.build import bash
from docgen.build.bash import Parameter, Word

# --- parse_command ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        ('export A=1 B="x y"', [("export", "export"), ("A=1", "A=1"), ('B="x y"', "B=x y")]),
        (
            "declare -x FOO='bar baz'",
            [("declare", "declare"), ("-x", "-x"), ("FOO='bar baz'", "FOO=bar baz")],
        ),
        (
            'declare SERVICE="$1" TAIL_FLAG="$2"',
            [
                ("declare", "declare"),
                ('SERVICE="$1"', "SERVICE=$1"),
                ('TAIL_FLAG="$2"', "TAIL_FLAG=$2"),
            ],
        ),
        (
            'declare desc="say \\"hi\\""',
            [("declare", "declare"), ('desc="say \\"hi\\""', 'desc=say "hi"')],
        ),
        ("echo a\\ b", [("echo", "echo"), ("a\\ b", "a b")]),
        ("x=1", [("x=1", "x=1")]),
    ],
)
def test_parse_command_words(statement: str, expected: list[tuple[str, str]]) -> None:
    words = bash.parse_command(statement)
    assert words is not None
    assert [(w.raw, w.text) for w in words] == expected


def test_parse_command_parameters_are_relative_to_the_word() -> None:
    words = bash.parse_command('declare SERVICE="$1" TAIL_NUM_OPTIONAL="${3:-all}"')
    assert words is not None
    assert words[1].parameters == (Parameter("1", "", "", "", 9, 11),)
    assert words[2].parameters == (Parameter("3", "", ":-", "all", 19, 28),)
    assert [w.raw[p.start : p.end] for w in words for p in w.parameters] == ["$1", "${3:-all}"]


@pytest.mark.parametrize(
    "statement",
    [
        'echo "unbalanced',
        "echo 'unbalanced",
        "x=$(",
        "echo $(",
        "a; b",
        "a && b",
        "if true; then x=1; fi",
        'local cmd="$PLUGIN_COMMAND_PREFIX:create" argv=("$@")',  # bashlex rejects arrays
        "",
        "   ",
    ],
)
def test_parse_command_malformed_or_not_simple_is_none(statement: str) -> None:
    assert bash.parse_command(statement) is None


# --- split_assignment ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("statement", "index", "expected"),
    [
        ("export A=1", 1, ("A", "1", "1")),
        ('export B="x y"', 1, ("B", '"x y"', "x y")),
        ("declare -x FOO='bar baz'", 2, ("FOO", "'bar baz'", "bar baz")),
        ('X=""', 0, ("X", '""', "")),
        ("X=", 0, ("X", "", "")),
        ("X=a=b", 0, ("X", "a=b", "a=b")),
        ('desc="a # b"', 0, ("desc", '"a # b"', "a # b")),
    ],
)
def test_split_assignment(statement: str, index: int, expected: tuple[str, str, str]) -> None:
    words = bash.parse_command(statement)
    assert words is not None
    split = bash.split_assignment(words[index])
    assert split is not None
    name, value = split
    assert (name, value.raw, value.text) == expected


def test_split_assignment_moves_parameter_spans_onto_the_value() -> None:
    words = bash.parse_command('export FOO="a ${B} c" X=${Y:=" --a "}')
    assert words is not None
    _, foo = bash.split_assignment(words[1])  # type: ignore[misc]
    _, x = bash.split_assignment(words[2])  # type: ignore[misc]
    assert foo.parameters == (Parameter("B", "", "", "", 3, 7),)
    assert foo.raw[3:7] == "${B}"
    assert x.parameters == (Parameter("Y", "", ":=", '" --a "', 0, 13),)
    assert x.raw[0:13] == '${Y:=" --a "}'


@pytest.mark.parametrize(
    ("statement", "index"),
    [("export A=1", 0), ("echo 1=2", 1), ("echo A-B=3", 1), ("echo =4", 1), ('echo "A=1"', 1)],
)
def test_split_assignment_rejects_other_words(statement: str, index: int) -> None:
    words = bash.parse_command(statement)
    assert words is not None
    assert bash.split_assignment(words[index]) is None


def test_split_assignment_on_a_handmade_word() -> None:
    word = Word(raw="N=$V", text="N=$V", parameters=(Parameter("V", "", "", "", 2, 4),))
    assert bash.split_assignment(word) == (
        "N",
        Word("$V", "$V", (Parameter("V", "", "", "", 0, 2),)),
    )


# --- find_parameters ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "see ${PLUGIN_IMAGE_VERSION} now",
            [("PLUGIN_IMAGE_VERSION", "", "", "${PLUGIN_IMAGE_VERSION}")],
        ),
        ("$A$B", [("A", "", "", "$A"), ("B", "", "", "$B")]),
        (
            "$PLUGIN_COMMAND_PREFIX:create",
            [("PLUGIN_COMMAND_PREFIX", "", "", "$PLUGIN_COMMAND_PREFIX")],
        ),
        (
            "${PLUGIN_DATASTORE_PORTS[1]} and $1 $@",
            [
                ("PLUGIN_DATASTORE_PORTS", "[1]", "", "${PLUGIN_DATASTORE_PORTS[1]}"),
                ("1", "", "", "$1"),
                ("@", "", "", "$@"),
            ],
        ),
        (
            "${PLUGIN_DATASTORE_PORTS[@]}",
            [("PLUGIN_DATASTORE_PORTS", "[@]", "", "${PLUGIN_DATASTORE_PORTS[@]}")],
        ),
        ("${MISSING:-fallback}", [("MISSING", "", ":-", "${MISSING:-fallback}")]),
        # an apostrophe is not a quote here
        ("don't use $A", [("A", "", "", "$A")]),
        ("it's 'quoted' $A's", [("A", "", "", "$A")]),
        # double quotes, backquotes and backslashes are taken literally
        (
            'it\'s "$FOO" and `$BAR` \\$BAZ end $QUX',
            [
                ("FOO", "", "", "$FOO"),
                ("BAR", "", "", "$BAR"),
                ("BAZ", "", "", "$BAZ"),
                ("QUX", "", "", "$QUX"),
            ],
        ),
        ('unbalanced "$A', [("A", "", "", "$A")]),
        ("x $(date) $Y", [("Y", "", "", "$Y")]),
        ("no variables", []),
        ("", []),
    ],
)
def test_find_parameters(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    parameters = bash.find_parameters(text)
    assert parameters is not None
    assert [
        (p.name, p.subscript, p.operator, text[p.start : p.end]) for p in parameters
    ] == expected


@pytest.mark.parametrize(
    ("text", "spelled"),
    [
        ('a "q" `b` \\ c \\\\ d "$X"', "$X"),
        ('"""```\\\\\\${Y}', "${Y}"),
        ("'''$Z'''", "$Z"),
        (
            '#E export ${PLUGIN_VARIABLE}_IMAGE_VERSION="${PLUGIN_IMAGE_VERSION}"',
            "${PLUGIN_VARIABLE}",
        ),
    ],
)
def test_find_parameters_spans_index_the_original_text(text: str, spelled: str) -> None:
    parameters = bash.find_parameters(text)
    assert parameters is not None
    assert text[parameters[0].start : parameters[0].end] == spelled
    assert parameters[0].start == text.index(spelled)


def test_find_parameters_two_spans_after_escaped_characters() -> None:
    text = '#E export ${PLUGIN_VARIABLE}_IMAGE_VERSION="${PLUGIN_IMAGE_VERSION}"'
    parameters = bash.find_parameters(text)
    assert parameters is not None
    assert [(p.start, p.end) for p in parameters] == [(10, 28), (44, 67)]
    assert [text[p.start : p.end] for p in parameters] == [
        "${PLUGIN_VARIABLE}",
        "${PLUGIN_IMAGE_VERSION}",
    ]


@pytest.mark.parametrize("text", ["x $(", "$(", "${"])
def test_find_parameters_malformed_is_none(text: str) -> None:
    assert bash.find_parameters(text) is None


# --- parse_array_items --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("inner", "expected"),
    [
        ('"a" "b c"', ("a", "b c")),
        ("1234 5678", ("1234", "5678")),
        ("7700", ("7700",)),
        ('\n  "a"\n  "b"\n', ("a", "b")),
        ("'x y' z", ("x y", "z")),
        ('"${A}" b', ("${A}", "b")),
        ("", ()),
        ("   ", ()),
        ("\n", ()),
    ],
)
def test_parse_array_items(inner: str, expected: tuple[str, ...]) -> None:
    assert bash.parse_array_items(inner) == expected


@pytest.mark.parametrize("inner", ['"unbalanced', "'unbalanced", "$(", "a ; b"])
def test_parse_array_items_malformed_is_none(inner: str) -> None:
    assert bash.parse_array_items(inner) is None


def test_parse_array_items_trailing_comment() -> None:
    assert bash.parse_array_items("a # comment") == ("a",)


def test_parse_array_items_comment_inside_multi_line_array() -> None:
    inner = '\n  "backup" # no backups\n  "clone"\n  # a whole comment line\n  "export"\n'
    assert bash.parse_array_items(inner) == ("backup", "clone", "export")


# --- unquote ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"a b"', "a b"),
        ("'x'", "x"),
        ("plain", "plain"),
        ("", ""),
        ('" --a "', " --a "),
        ('""', ""),
        ('"$X"', "$X"),
        ("a\\ b", "a b"),
        ('a"b"c', "abc"),
    ],
)
def test_unquote(text: str, expected: str) -> None:
    assert bash.unquote(text) == expected


@pytest.mark.parametrize("text", ["a b", '"unbalanced', "'unbalanced", "$(", "a;b"])
def test_unquote_not_one_word_is_none(text: str) -> None:
    assert bash.unquote(text) is None


# --- substitute ---------------------------------------------------------------------------


def _p(name: str, start: int, end: int) -> Parameter:
    return Parameter(name, "", "", "", start, end)


@pytest.mark.parametrize(
    ("text", "parameters", "values", "expected"),
    [
        ("a $X b", (_p("X", 2, 4),), {"X": "1"}, "a 1 b"),
        ("$X$Y", (_p("X", 0, 2), _p("Y", 2, 4)), {"X": "1", "Y": "2"}, "12"),
        # unsorted spans are sorted
        ("$X$Y", (_p("Y", 2, 4), _p("X", 0, 2)), {"X": "1", "Y": "2"}, "12"),
        # None keeps the span as written
        ("$X $Y", (_p("X", 0, 2), _p("Y", 3, 5)), {"Y": "2"}, "$X 2"),
        ("$X", (_p("X", 0, 2),), {}, "$X"),
        # an overlapping span is skipped
        ("${X}", (_p("X", 0, 4), _p("Y", 1, 3)), {"X": "1", "Y": "2"}, "1"),
        ("plain", (), {}, "plain"),
        # a replacement may be longer, shorter or empty
        ("<$X>", (_p("X", 1, 3),), {"X": ""}, "<>"),
        ("<$X>", (_p("X", 1, 3),), {"X": "long value"}, "<long value>"),
    ],
)
def test_substitute(
    text: str, parameters: tuple[Parameter, ...], values: dict[str, str], expected: str
) -> None:
    assert bash.substitute(text, parameters, lambda p: values.get(p.name)) == expected


def test_substitute_with_find_parameters_round_trip() -> None:
    text = 'it\'s "$A" and `${B}` \\ $C'
    parameters = bash.find_parameters(text)
    assert parameters is not None
    assert (
        bash.substitute(text, parameters, lambda p: p.name.lower() * 2)
        == 'it\'s "aa" and `bb` \\ cc'
    )


SIMPLE_TEXTS = [
    "",
    "no parameters at all",
    "create a $PLUGIN_COMMAND_PREFIX service named lollipop",
    'export ${PLUGIN_VARIABLE}_IMAGE_VERSION="${PLUGIN_IMAGE_VERSION}"',
    "dokku $PLUGIN_COMMAND_PREFIX:expose lollipop ${PLUGIN_DATASTORE_PORTS[@]}",
    "${PLUGIN_DATASTORE_PORTS[0]} and ${PLUGIN_DATASTORE_PORTS[1]} and $1 and $@ and $#",
    "it's `$A` \\$B 'quoted' \"$C\"",
    "$A$B${C}x$D_E",
    "$PLUGIN_SERVICE_NAME",
    "a lone $ sign",
    "${X:-default} ${#Y} $(cmd) $((1 + 2)) $$ ${A:=${B}}",
]


@pytest.mark.parametrize("text", SIMPLE_TEXTS)
def test_find_parameters_fast_path_agrees_with_bashlex(text: str) -> None:
    """The regular-expression path is only taken where it gives bashlex's own answer."""
    assert bash.find_parameters(text) == bash.parameters_by_bashlex(text)


@pytest.mark.parametrize(
    ("text", "simple"),
    [(text, True) for text in SIMPLE_TEXTS[:9]] + [(text, False) for text in SIMPLE_TEXTS[9:]],
)
def test_fast_path_is_taken_only_for_simple_forms(text: str, simple: bool) -> None:
    assert (bash._simple_parameters(text) is not None) is simple


# --- the paths without bashlex agree with bashlex ------------------------------------------

_PIECES = st.one_of(
    st.text(alphabet="aZ09_=:/.,@%+-", min_size=1, max_size=4),
    st.sampled_from(["if", "in", "time", "done", "declare", "desc=", "export", "A=", "_", "-x"]),
    st.text(alphabet="a $'`\\!{}()#;|&<>*?~\té\u00a0\x1b\r", max_size=5).map(lambda t: f'"{t}"'),
    st.text(alphabet='a $"`\\!{}()#;|&<>*?~\té\u00a0\x1b\r', max_size=5).map(lambda t: f"'{t}'"),
    st.sampled_from(["$A", "${A}", "(", ")", "#", "~", "*", "{a,b}", "\\", "!", ";"]),
    st.sampled_from(['"$1"', '"${A}"', '"$A_1 x"', '"$@"', '"$12"', '"x$A$B"', '"$A[0]"', '"$"']),
    st.sampled_from(['"${A}b"', '"${1}"', '"$_"', '"$A}"', '"${A:-x}"', '"$A-$B"', "'$A'"]),
)
_STATEMENTS = st.builds(
    lambda lead, words, gap, trail: lead + gap.join(words) + trail,
    st.sampled_from(["", " ", "\t "]),
    st.lists(st.lists(_PIECES, min_size=1, max_size=3).map("".join), min_size=1, max_size=4),
    st.sampled_from([" ", "  ", "\t"]),
    st.sampled_from(["", " "]),
)


@settings(deadline=None)  # the first example imports bashlex
@given(_STATEMENTS)
@example('declare desc="list all Postgres service links for a given app"')
@example('PLUGIN_COMMAND_PREFIX="postgres"')
@example("_ 5432")
@example('_ ""')
@example("A=1 if")
def test_plain_statements_are_read_as_bashlex_reads_them(statement: str) -> None:
    plain = bash._plain_words(statement)
    if plain is not None:
        assert plain == bash.words_by_bashlex(statement)


_DEFAULTS = st.builds(
    lambda lead, name, operator, argument, trail: f"{lead}X={name}{operator}{argument}}}{trail}",
    st.sampled_from(["", " ", "export "]),
    st.sampled_from(["${X", "${X_Y", "${_", "${1", "$X", "${"]),
    st.sampled_from([":=", ":-", ":+", ":?", "=", "-", "+", "?", ":", "::", "", "%"]),
    st.lists(_PIECES, max_size=2).map("".join),
    st.sampled_from(["", " ", "x", "}"]),
)


@settings(deadline=None)
@given(_DEFAULTS)
@example('POSTGRES_CONFIG_OPTIONS=${POSTGRES_CONFIG_OPTIONS:=""}')
@example('MONGO_CONFIG_OPTIONS=${MONGO_CONFIG_OPTIONS:=" --storageEngine wiredTiger --auth "}')
def test_config_defaults_are_read_as_bashlex_reads_them(statement: str) -> None:
    plain = bash._defaulted_assignment(statement)
    if plain is not None:
        assert plain == bash.words_by_bashlex(statement)


@pytest.mark.parametrize(
    "statement",
    [
        'declare desc="create a Postgres service"',
        'PLUGIN_SCHEME="postgres"',
        "_ 5432",
        '_ ""',
        'declare SERVICE="$1" BACKUP_NAME="$2" AWS_SECRET="$4"',
    ],
)
def test_common_statements_take_the_plain_path(statement: str) -> None:
    assert bash._plain_words(statement) is not None


def test_config_defaults_take_the_plain_path() -> None:
    statement = 'POSTGRES_CONFIG_OPTIONS=${POSTGRES_CONFIG_OPTIONS:=""}'
    assert bash._defaulted_assignment(statement) is not None


_TEXT_PIECES = st.one_of(
    st.text(alphabet="aZ0 _-:'\"`\\/.", max_size=4),
    st.sampled_from(["$A", "$1", "$@", "$#", "${A}", "${A_B}", "${A[0]}", "${A[@]}", "$"]),
    st.sampled_from(["${@:3}", "${3:-all}", "${A:=x}", "${A-a.b/c}", "${A[1]:+y}", "${-}"]),
    st.sampled_from(["${#A}", "${A%%.*}", "${A:-a b}", "${A/x/y}", "$(a)", "${A:-$B}", "${"]),
    st.sampled_from(["${A:", "${A:=}", "${!A}", "${10}", "${A?}", "${@}", "${A::}", "}"]),
)


@settings(deadline=None)
@given(st.lists(_TEXT_PIECES, max_size=6).map("".join))
@example('declare SERVICE="$1" NEW_SERVICE="$2" CLONE_FLAGS_LIST=("${@:3}")')
@example('declare SERVICE="$1" TAIL_FLAG="$2" TAIL_NUM_OPTIONAL="${3:-all}"')
def test_simple_parameter_forms_are_found_as_bashlex_finds_them(text: str) -> None:
    simple = bash._simple_parameters(text)
    if simple is not None:
        assert simple == bash.parameters_by_bashlex(text)
