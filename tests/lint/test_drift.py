"""docgen.lint.drift: where the help and the README disagree, with the line responsible."""

from __future__ import annotations

from collections import Counter

import pytest

from docgen.lint import lint
from docgen.lint.drift import Drift, help_drift
from docgen.pipeline import help_from_source, help_of
from tests.plugin_factory import SAMPLE, plugin_source, script

CONFIG = """\
#!/usr/bin/env bash
export PLUGIN_COMMAND_PREFIX="mini"
export PLUGIN_SERVICE="Mini"
export PLUGIN_VARIABLE="MINI"
export PLUGIN_DEFAULT_ALIAS="MINI"
export PLUGIN_SCHEME="mini"
export PLUGIN_DATASTORE_PORTS=(1234)
export PLUGIN_UNIMPLEMENTED_SUBCOMMANDS=(@UNIMPLEMENTED@)
"""

LOGS = script(
    "logs",
    "print the logs of a $PLUGIN_SERVICE service",
    declare='declare SERVICE="$1" TAIL_FLAG="$2" TAIL_NUM_OPTIONAL="${3:-all}"',
    annotations="\n  ".join(
        [
            "#A service, the service",
            "#F -t|--tail [<tail-num>], follow the log",
            '#F -c|--config-options "--x", extra options',
            "#E print the logs of lollipop",
            '#E export ${PLUGIN_VARIABLE}_IMAGE_VERSION="${PLUGIN_IMAGE_VERSION}"',
            "#E dokku $PLUGIN_COMMAND_PREFIX:logs lollipop",
        ]
    ),
)


def _line(needle: str) -> int:
    return next(n for n, line in enumerate(LOGS.split("\n"), 1) if needle in line)


def _drifts(compat: bool) -> list[Drift]:
    source = plugin_source(config=CONFIG, subcommands={"logs": LOGS})
    result = help_from_source(source, compat=compat)
    return list(help_drift(result.readme, result.help))


def test_compat_drift_names_each_line() -> None:
    path = "plugin/subcommands/logs"
    assert _drifts(compat=True) == [
        Drift(
            path,
            _line("declare SERVICE"),
            'usage: the README says "<service> [-t|--tail] <tail-num-optional>", '
            'the help "<service> [-t|--tail] [<tail-num>]"',
        ),
        Drift(
            path,
            _line("declare desc"),
            'description: the README says "print the logs of a mini service", '
            'the help "print the logs of a Mini service"',
        ),
        Drift(
            path,
            _line("--config-options"),
            'default: the README shows (default: `None`) for -c|--config-options "--x", '
            "the help shows no default",
        ),
        Drift(
            path,
            _line("IMAGE_VERSION"),
            'example: the README says "export MINI_IMAGE_VERSION="${PLUGIN_IMAGE_VERSION}"", '
            'the help "export MINI_IMAGE_VERSION="1.2.3""',
        ),
    ]


def test_corrected_mode_agrees_by_construction() -> None:
    assert _drifts(compat=False) == []


def test_flags_and_examples_of_a_hidden_command_are_not_compared() -> None:
    """destroy is in no usage section: the README shows its Commands line only."""
    destroy = LOGS.replace("logs", "destroy")
    source = plugin_source(config=CONFIG, subcommands={"destroy": destroy})
    result = help_from_source(source, compat=True)
    assert [d.message.split(":")[0] for d in help_drift(result.readme, result.help)] == [
        "usage",
        "description",
    ]


@pytest.mark.parametrize(
    ("annotation", "message"),
    [
        # the README takes the marker out everywhere, the help only where it cuts the line
        ("#F -x, like #F -y", 'flag: the README says "-x: like -y", the help "-x: like #F -y"'),
        ("#E see #E inside", 'example: the README says "see inside", the help "see #E inside"'),
        # the help reads markers anywhere in a line, the README at its start only
        (
            "x=1 #E not for the README",
            'example: the help shows "#E not for the README", the README does not',
        ),
    ],
)
def test_marker_drift(annotation: str, message: str) -> None:
    text = script("create", "create it", annotations=annotation)
    source = plugin_source(config=CONFIG, subcommands={"create": text})
    result = help_from_source(source, compat=True)
    line = next(n for n, row in enumerate(text.split("\n"), 1) if annotation in row)
    assert list(help_drift(result.readme, result.help)) == [
        Drift("plugin/subcommands/create", line, message)
    ]


def test_sample_plugin() -> None:
    compat = Counter(d.message.split(":")[0] for d in _sample(compat=True))
    assert compat == {"description": 18, "usage": 2, "default": 2, "example": 2}
    assert _sample(compat=False) == []


def _sample(*, compat: bool) -> list[Drift]:
    result = help_of(SAMPLE, compat=compat)
    return list(help_drift(result.readme, result.help))


def test_lint_reports_help_drift_in_the_chosen_mode() -> None:
    compat = [f for f in lint(SAMPLE, compat=True) if f.code == "help-drift"]
    corrected = [f for f in lint(SAMPLE, compat=False) if f.code == "help-drift"]
    assert (len(compat), corrected) == (24, [])
    assert str(compat[0]) == (
        f"{SAMPLE}/subcommands/app-links:12: help-drift: description: the README says "
        '"list the meilisearch services linked to an app", the help '
        '"list the Meilisearch services linked to an app" (set compat = false in docgen.toml: '
        "corrected mode renders both from one model)"
    )
