"""docgen.config_values: the config values a README needs, read in compat and corrected mode."""

from __future__ import annotations

import pytest

from docgen.build.compat import COMPAT, CORRECTED, Quirks
from docgen.build.config import ConfigValues, Resolver, read_values
from docgen.errors import Diagnostic, DocgenError
from docgen.read.config import parse_config
from docgen.read.records import ConfigSource, ImageSource

IMAGE = ImageSource("plug/Dockerfile", 1, "mini/server:1.2.3", "", "mini/server", "1.2.3", "")

BASE = """\
export PLUGIN_COMMAND_PREFIX="mini"
export PLUGIN_VARIABLE="MINI"
export PLUGIN_DATASTORE_PORTS=(1234 5678)
"""


def _config(text: str) -> ConfigSource:
    return parse_config(text, "plug/config")


def _values(text: str, quirks: Quirks) -> ConfigValues:
    values, _ = read_values(_config(text), IMAGE, quirks)
    return values


def _resolver(text: str) -> Resolver:
    return Resolver(_config(text), IMAGE)


# --- config options, compat vs corrected ----------------------------------------------------


@pytest.mark.parametrize(
    ("line", "compat", "corrected"),
    [
        ('export MINI_CONFIG_OPTIONS=${MINI_CONFIG_OPTIONS:=" --a "}', " --a ", " --a "),
        ('export MINI_CONFIG_OPTIONS=${MINI_CONFIG_OPTIONS:=""}', None, None),
        ("export MINI_CONFIG_OPTIONS=${MINI_CONFIG_OPTIONS:=}", None, None),
        ("export MINI_CONFIG_OPTIONS='single'", None, "single"),
        ("export MINI_CONFIG_OPTIONS=unquoted", None, "unquoted"),
        ('export MINI_CONFIG_OPTIONS="x" # a "comment"', 'x" # a "comment', "x"),
        ('export OTHER="o"\nexport MINI_CONFIG_OPTIONS=$OTHER', None, "o"),
        ('export OTHER="o"\nexport MINI_CONFIG_OPTIONS="${OTHER} --b"', "${OTHER} --b", "o --b"),
        # a $OTHER chain, through a := default
        (
            'export A="deep"\nexport B=${B:=$A}\nexport MINI_CONFIG_OPTIONS=${MINI_CONFIG_OPTIONS:="$B"}',
            "$B",
            "deep",
        ),
        # a command substitution cannot be resolved
        ('export MINI_CONFIG_OPTIONS="$(cat file)"', "$(cat file)", None),
        ("", None, None),
    ],
)
def test_config_options(line: str, compat: str | None, corrected: str | None) -> None:
    text = BASE + line + "\n"
    assert (_values(text, COMPAT).config_options, _values(text, CORRECTED).config_options) == (
        compat,
        corrected,
    )


def test_cycle_terminates() -> None:
    text = BASE + "export A=$B\nexport B=$A\nexport MINI_CONFIG_OPTIONS=$A\n"
    assert _values(text, COMPAT).config_options is None
    # an unresolvable reference is kept as written
    assert _values(text, CORRECTED).config_options == "$A"


def test_self_reference_terminates() -> None:
    resolver = _resolver("export A=${A:=$A}\n")
    assert resolver.value("A") == "$A"


# --- scalars ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "compat", "corrected"),
    [
        ('export PLUGIN_SCHEME="http"', "http", "http"),
        (
            "export PLUGIN_SCHEME='single'",
            "single",
            "single",
        ),  # compat falls back: the script crashes
        ("export PLUGIN_SCHEME=bare", "bare", "bare"),
        ('export PLUGIN_SCHEME="a" # "b"', 'a" # "b', "a"),
        ('export PLUGIN_SCHEME="a"\nexport PLUGIN_SCHEME="b"', "b", "b"),
        ('export OLD_PLUGIN_SCHEME="old"', "old", None),  # compat matches by substring
        ('if [[ -n $X ]]; then\n  export PLUGIN_SCHEME="inside"\nfi', "inside", "inside"),
        ("", None, None),
    ],
)
def test_scheme(line: str, compat: str | None, corrected: str | None) -> None:
    text = BASE + line + "\n"
    assert (_values(text, COMPAT).scheme, _values(text, CORRECTED).scheme) == (compat, corrected)


@pytest.mark.parametrize(
    ("line", "compat", "corrected"),
    [
        ("export PLUGIN_DATASTORE_PORTS=(27017 27018)", ("27017", "27018"), ("27017", "27018")),
        ('export PLUGIN_DATASTORE_PORTS=("1" "2")', ('"1"', '"2"'), ("1", "2")),
        ("export PLUGIN_DATASTORE_PORTS=(\n  1\n  2\n)", ("1", "2"), ("1", "2")),
    ],
)
def test_ports(line: str, compat: tuple[str, ...], corrected: tuple[str, ...]) -> None:
    text = 'export PLUGIN_COMMAND_PREFIX="mini"\nexport PLUGIN_VARIABLE="MINI"\n' + line + "\n"
    assert (_values(text, COMPAT).ports, _values(text, CORRECTED).ports) == (compat, corrected)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('export PLUGIN_UNIMPLEMENTED_SUBCOMMANDS=("backup" "clone")', {"backup", "clone"}),
        ("export PLUGIN_UNIMPLEMENTED_SUBCOMMANDS=(backup backup-auth)", {"backup", "backup-auth"}),
        ("export PLUGIN_UNIMPLEMENTED_SUBCOMMANDS=()", set()),
        ("", set()),
    ],
)
@pytest.mark.parametrize("quirks", [COMPAT, CORRECTED], ids=["compat", "corrected"])
def test_unimplemented(line: str, expected: set[str], quirks: Quirks) -> None:
    assert _values(BASE + line + "\n", quirks).unimplemented == frozenset(expected)


def test_unimplemented_multi_line_with_comments_corrected() -> None:
    text = BASE + (
        "export PLUGIN_UNIMPLEMENTED_SUBCOMMANDS=(\n"
        '  "backup" # no backups\n'
        '  "clone"\n'
        '  "export"\n'
        ")\n"
    )
    assert _values(text, CORRECTED).unimplemented == frozenset({"backup", "clone", "export"})


def test_full_values_corrected() -> None:
    text = BASE + (
        'export PLUGIN_DEFAULT_ALIAS="MINI"\n'
        'export PLUGIN_SCHEME="mini"\n'
        'export PLUGIN_UNIMPLEMENTED_SUBCOMMANDS=("backup")\n'
        'export PLUGIN_DISABLE_PULL_VARIABLE="OTHER_DISABLE_PULL"\n'
        'export MINI_CONFIG_OPTIONS=${MINI_CONFIG_OPTIONS:=" --x "}\n'
    )
    assert _values(text, CORRECTED) == ConfigValues(
        prefix="mini",
        variable="MINI",
        alias="MINI",
        scheme="mini",
        ports=("1234", "5678"),
        unimplemented=frozenset({"backup"}),
        config_options=" --x ",
        disable_pull_variable="OTHER_DISABLE_PULL",
        warnings=(),
    )


# --- missing values -----------------------------------------------------------------------


@pytest.mark.parametrize("quirks", [COMPAT, CORRECTED], ids=["compat", "corrected"])
@pytest.mark.parametrize(
    "text",
    ['export PLUGIN_VARIABLE="X"\n', "", 'export PLUGIN_COMMAND_PREFIX=""\n'],
)
def test_missing_prefix_raises(text: str, quirks: Quirks) -> None:
    with pytest.raises(DocgenError) as raised:
        read_values(_config(text), IMAGE, quirks)
    assert str(raised.value) == (
        'plug/config: error: PLUGIN_COMMAND_PREFIX is not set (add export PLUGIN_COMMAND_PREFIX="name")'
    )
    assert raised.value.path == "plug/config"


@pytest.mark.parametrize("quirks", [COMPAT, CORRECTED], ids=["compat", "corrected"])
def test_missing_variable_and_ports_warn(quirks: Quirks) -> None:
    values = _values('export PLUGIN_COMMAND_PREFIX="my-db"\n', quirks)
    assert (values.variable, values.ports, values.alias, values.scheme) == ("MY_DB", (), None, None)
    stops = (
        Diagnostic(
            "plug/config",
            None,
            f"{name} is not set: bin/generate stops here; docgen leaves ${{{name}}} as written",
        )
        for name in ("PLUGIN_DEFAULT_ALIAS", "PLUGIN_SCHEME")
    )
    assert values.warnings == (
        Diagnostic("plug/config", None, "PLUGIN_VARIABLE is not set; using MY_DB"),
        *(stops if quirks.script_stops else ()),
        Diagnostic(
            "plug/config",
            None,
            "PLUGIN_DATASTORE_PORTS is not set; ${PLUGIN_DATASTORE_PORTS[...]} stays as written",
        ),
    )


# --- disable pull -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "compat", "corrected"),
    [
        (
            'export PLUGIN_COMMAND_PREFIX="graphite"\nexport PLUGIN_VARIABLE="STATSD"\n'
            'export PLUGIN_DISABLE_PULL_VARIABLE="STATSD_DISABLE_PULL"\n',
            "GRAPHITE_DISABLE_PULL",
            "STATSD_DISABLE_PULL",
        ),
        (
            'export PLUGIN_COMMAND_PREFIX="graphite"\nexport PLUGIN_VARIABLE="STATSD"\n',
            "GRAPHITE_DISABLE_PULL",
            "GRAPHITE_DISABLE_PULL",
        ),
        (
            'export PLUGIN_COMMAND_PREFIX="mini"\nexport PLUGIN_DISABLE_PULL_VARIABLE=""\n',
            "MINI_DISABLE_PULL",
            "MINI_DISABLE_PULL",
        ),
    ],
)
def test_disable_pull_variable(text: str, compat: str, corrected: str) -> None:
    assert (
        _values(text, COMPAT).disable_pull_variable,
        _values(text, CORRECTED).disable_pull_variable,
    ) == (
        compat,
        corrected,
    )


# --- Resolver -----------------------------------------------------------------------------

RESOLVER_CONFIG = (
    BASE
    + """\
export PLUGIN_DEFAULT_ALIAS="MINI"
export PLUGIN_IMAGE=$MINI_IMAGE
export MINI_IMAGE=${MINI_IMAGE:="x/y"}
export NOW="$(date)"
export TICKS=`date`
"""
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("${PLUGIN_DATASTORE_PORTS[@]}", "1234 5678"),
        ("${PLUGIN_DATASTORE_PORTS[*]}", "1234 5678"),
        ("${PLUGIN_DATASTORE_PORTS[0]}", "1234"),
        ("${PLUGIN_DATASTORE_PORTS[1]}", "5678"),
        ("${PLUGIN_DATASTORE_PORTS[2]}", "${PLUGIN_DATASTORE_PORTS[2]}"),
        ("${PLUGIN_VARIABLE[0]}", "${PLUGIN_VARIABLE[0]}"),
        ("${PLUGIN_IMAGE_VERSION}", "1.2.3"),
        ("$PLUGIN_IMAGE_VERSION", "1.2.3"),
        # the Dockerfile's image wins over the config's PLUGIN_IMAGE
        ("$PLUGIN_IMAGE", "mini/server"),
        ("$PLUGIN_COMMAND_PREFIX:create", "mini:create"),
        ("${PLUGIN_VARIABLE}_URL", "MINI_URL"),
        ("as ${PLUGIN_DEFAULT_ALIAS}_URL", "as MINI_URL"),
        ("$UNKNOWN and ${UNKNOWN}", "$UNKNOWN and ${UNKNOWN}"),
        ("$PLUGIN_SERVICE_NAME", "$PLUGIN_SERVICE_NAME"),
        ("$1 $@", "$1 $@"),
        ("$NOW $TICKS", "$NOW $TICKS"),
        ("${MISSING:-fallback}", "fallback"),
        ("it's $PLUGIN_VARIABLE's", "it's MINI's"),
        (
            'export ${PLUGIN_VARIABLE}_IMAGE_VERSION="${PLUGIN_IMAGE_VERSION}"',
            'export MINI_IMAGE_VERSION="1.2.3"',
        ),
        ("x $(", "x $("),
        ("no variables", "no variables"),
    ],
)
def test_resolver_expand(text: str, expected: str) -> None:
    assert _resolver(RESOLVER_CONFIG).expand(text) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("PLUGIN_COMMAND_PREFIX", "mini"),
        ("MINI_IMAGE", "x/y"),
        ("PLUGIN_IMAGE", "mini/server"),
        ("PLUGIN_IMAGE_VERSION", "1.2.3"),
        ("NOW", None),
        ("TICKS", None),
        ("NOT_THERE", None),
    ],
)
def test_resolver_value(name: str, expected: str | None) -> None:
    assert _resolver(RESOLVER_CONFIG).value(name) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [("PLUGIN_DATASTORE_PORTS", ("1234", "5678")), ("PLUGIN_VARIABLE", None), ("NOT_THERE", None)],
)
def test_resolver_items(name: str, expected: tuple[str, ...] | None) -> None:
    assert _resolver(RESOLVER_CONFIG).items(name) == expected
