"""docgen.lint: each finding code on a tiny plugin that has the problem, none on a clean one."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from docgen.cli import main
from docgen.lint import Finding, lint
from tests.plugin_factory import CONFIG_TEMPLATE, UNIMPLEMENTED, script

CLEAN_CONFIG = CONFIG_TEMPLATE.replace(
    '${MINI_CONFIG_OPTIONS:=""}', '${MINI_CONFIG_OPTIONS:=" --x "}'
)
BASIC = ("create", "info", "list", "logs", "link", "unlink", "set")

# only the basic section: no usage section is left empty
CLEAN_SETTINGS = "".join(
    f"[sections.{key}]\nremove = true\n" for key in ("lifecycle", "automation", "data", "backups")
)

CREATE = script(
    "create",
    "create a $PLUGIN_COMMAND_PREFIX service",
    declare='declare SERVICE="$1" CREATE_FLAGS_LIST=("${@:2}")',
    annotations="\n  ".join(
        [
            "#A service, service to run command against",
            '#F -c|--config-options "--args", extra arguments',
            "#E create a service named lollipop",
            "#E dokku $PLUGIN_COMMAND_PREFIX:create lollipop",
        ]
    ),
)
LIST = script(
    "list",
    "list all $PLUGIN_COMMAND_PREFIX services",
    declare="",
    annotations="#E list every service\n  #E dokku $PLUGIN_COMMAND_PREFIX:list",
)
CLEAN_FRAGMENT = (
    "#### Notes\n\nSee [the docs](https://example.com).\n\n```shell\ndokku mini:create x\n```\n"
)


def _clean(**overrides: object) -> dict[str, object]:
    subcommands = {"create": CREATE, "list": LIST, **overrides.pop("subcommands", {})}  # type: ignore[dict-item]
    docs = {"create.md": CLEAN_FRAGMENT, **overrides.pop("docs", {})}  # type: ignore[dict-item]
    files = {"docgen.toml": CLEAN_SETTINGS, **overrides.pop("files", {})}  # type: ignore[dict-item]
    # the basic section's commands that the plugin does not have are unimplemented
    missing = " ".join(f'"{name}"' for name in BASIC if name not in subcommands)
    config = str(overrides.pop("config", CLEAN_CONFIG)).replace(UNIMPLEMENTED, missing)
    return {
        "config": config,
        "subcommands": subcommands,
        "docs": docs,
        "files": files,
        **overrides,
    }


def _line(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.split("\n"), 1) if needle in line)


def test_clean_plugin_has_no_finding(plugin: Callable[..., Path]) -> None:
    assert lint(plugin(**_clean())) == []


def test_leaked_variable(plugin: Callable[..., Path]) -> None:
    text = script(
        "create",
        "create a service",
        declare='declare SERVICE="$1"',
        annotations='#E export ${PLUGIN_VARIABLE}_IMAGE_VERSION="${PLUGIN_IMAGE_VERSION}"\n'
        "  #E dokku $PLUGIN_COMMAND_PREFIX:expose lollipop ${PLUGIN_DATASTORE_PORTS[1]}",
    )
    root = plugin(**_clean(subcommands={"create": text}))
    path = str(root / "subcommands" / "create")
    assert lint(root) == [
        Finding(
            path,
            _line(text, "PLUGIN_IMAGE_VERSION"),
            "leaked-variable",
            "${PLUGIN_IMAGE_VERSION} is printed as written in the README (compat mode)",
        ),
        Finding(
            path,
            _line(text, "PLUGIN_DATASTORE_PORTS[1]"),
            "leaked-variable",
            "${PLUGIN_DATASTORE_PORTS[1]} is printed as written in the README (compat mode)",
        ),
    ]


def test_leaked_config_variable(plugin: Callable[..., Path]) -> None:
    """A variable the config defines counts too, even without the PLUGIN_ prefix."""
    text = script(
        "create",
        "create a service",
        annotations="#E export MINI_CONFIG_OPTIONS=$MINI_CONFIG_OPTIONS",
    )
    root = plugin(**_clean(subcommands={"create": text}))
    assert lint(root) == [
        Finding(
            str(root / "subcommands" / "create"),
            _line(text, "#E export"),
            "leaked-variable",
            "$MINI_CONFIG_OPTIONS is printed as written in the README (compat mode)",
        )
    ]


@pytest.mark.parametrize(
    "line",
    [
        # neither a declare line without desc nor $1, nor an #A line, is printed (A10, A11)
        'declare IMAGE_VERSION="${PLUGIN_IMAGE_VERSION}"',
        "#A service, named like ${PLUGIN_FOO}",
    ],
    ids=["declare", "argument"],
)
def test_no_leak_from_lines_that_are_not_printed(plugin: Callable[..., Path], line: str) -> None:
    text = script(
        "create",
        "create a service",
        annotations=f"{line}\n  #E dokku $PLUGIN_COMMAND_PREFIX:create lollipop",
    )
    assert lint(plugin(**_clean(subcommands={"create": text}))) == []


def test_none_default(plugin: Callable[..., Path]) -> None:
    root = plugin(**_clean(config=CONFIG_TEMPLATE))
    assert lint(root) == [
        Finding(
            str(root / "subcommands" / "create"),
            _line(CREATE, "#F "),
            "none-default",
            "the README says (default: `None`): MINI_CONFIG_OPTIONS has no non-empty default in config",
        )
    ]


def test_flag_not_taken(plugin: Callable[..., Path]) -> None:
    text = script(
        "info",
        "print the service information",
        annotations="#F -a|--all, all of it\n  #E dokku $PLUGIN_COMMAND_PREFIX:info lollipop",
    )
    root = plugin(**_clean(subcommands={"info": text}))
    assert lint(root) == [
        Finding(
            str(root / "subcommands" / "info"),
            _line(text, "#F "),
            "flag-not-taken",
            "#F documents a flag, but the declare line takes no flags",
        )
    ]


@pytest.mark.parametrize(
    "declare",
    [
        'declare SERVICE="$1" FORCE_FLAG="$2"',
        'declare SERVICE="$1" USE_IAM_OPTIONAL_FLAG="$2"',
        'declare SERVICE="$1" INFO_FLAG="$2"',
        'declare SERVICE="$1" PORTS_LIST=("${@:2}")',
    ],
)
def test_flag_taken(plugin: Callable[..., Path], declare: str) -> None:
    text = script(
        "info",
        "print the service information",
        declare=declare,
        annotations="#F -a|--all, all of it\n  #E dokku $PLUGIN_COMMAND_PREFIX:info lollipop",
    )
    assert lint(plugin(**_clean(subcommands={"info": text}))) == []


def test_hidden_command(plugin: Callable[..., Path]) -> None:
    text = script(
        "destroy",
        "delete the service",
        annotations="#E dokku $PLUGIN_COMMAND_PREFIX:destroy lollipop",
    )
    root = plugin(**_clean(subcommands={"destroy": text}))
    assert lint(root) == [
        Finding(
            str(root / "subcommands" / "destroy"),
            None,
            "hidden-command",
            "in no usage section: the README shows no usage for it",
        )
    ]


def test_hidden_command_listed_by_settings(plugin: Callable[..., Path]) -> None:
    text = script(
        "destroy",
        "delete the service",
        annotations="#E dokku $PLUGIN_COMMAND_PREFIX:destroy lollipop",
    )
    settings = CLEAN_SETTINGS + '[sections.basic]\nadd = ["destroy"]\n'
    assert (
        lint(plugin(**_clean(subcommands={"destroy": text}, files={"docgen.toml": settings}))) == []
    )


def test_no_description(plugin: Callable[..., Path]) -> None:
    text = script("info", annotations="#E dokku $PLUGIN_COMMAND_PREFIX:info lollipop").replace(
        '  declare desc="do a thing"\n', ""
    )
    root = plugin(**_clean(subcommands={"info": text}))
    assert lint(root) == [
        Finding(str(root / "subcommands" / "info"), None, "no-description", 'no declare desc="..."')
    ]


def test_no_example(plugin: Callable[..., Path]) -> None:
    root = plugin(**_clean(subcommands={"info": script("info", "print the service information")}))
    assert lint(root) == [
        Finding(str(root / "subcommands" / "info"), None, "no-example", "no #E example")
    ]


def test_sentence_backtick(plugin: Callable[..., Path]) -> None:
    text = script(
        "info",
        "print the service information",
        annotations="#E print the service information on AWS\n  #E dokku $PLUGIN_COMMAND_PREFIX:info lollipop",
    )
    root = plugin(**_clean(subcommands={"info": text}))
    assert lint(root) == [
        Finding(
            str(root / "subcommands" / "info"),
            None,
            "sentence-backtick",
            "an uppercase word before ':' or '.' renders with a stray backtick: "
            "'Print the service information on `AWS`:`'",
        )
    ]


def test_unknown_unimplemented(plugin: Callable[..., Path]) -> None:
    config = CLEAN_CONFIG.replace(UNIMPLEMENTED, f'{UNIMPLEMENTED} "nosuch" "zap"')
    root = plugin(**_clean(config=config))
    line = _line(config, "PLUGIN_UNIMPLEMENTED_SUBCOMMANDS")
    assert lint(root) == [
        Finding(
            str(root / "config"),
            line,
            "unknown-unimplemented",
            "PLUGIN_UNIMPLEMENTED_SUBCOMMANDS names nosuch, which is no subcommand",
        ),
        Finding(
            str(root / "config"),
            line,
            "unknown-unimplemented",
            "PLUGIN_UNIMPLEMENTED_SUBCOMMANDS names zap, which is no subcommand",
        ),
    ]


def test_unimplemented_subcommand_is_fine(plugin: Callable[..., Path]) -> None:
    config = CLEAN_CONFIG.replace(UNIMPLEMENTED, f'{UNIMPLEMENTED} "info"')
    text = script("info", "print the service information")  # no example, but not rendered
    assert lint(plugin(**_clean(config=config, subcommands={"info": text}))) == []


def test_empty_section(plugin: Callable[..., Path]) -> None:
    settings = "".join(
        f"[sections.{key}]\nremove = true\n" for key in ("lifecycle", "automation", "backups")
    )
    root = plugin(**_clean(files={"docgen.toml": settings}))
    assert lint(root) == [
        Finding(
            str(root / "config"),
            None,
            "empty-section",
            "usage section 'Data Management' has no command; bin/generate glues its neighbours",
        )
    ]


def test_unused_fragment(plugin: Callable[..., Path]) -> None:
    root = plugin(**_clean(docs={"nosuch.md": "Some notes.\n"}))
    assert lint(root) == [
        Finding(
            str(root / "docs" / "nosuch.md"),
            None,
            "unused-fragment",
            "no command in a usage section uses this fragment",
        )
    ]


@pytest.mark.parametrize(
    ("fragment", "expected"),
    [
        (
            "Some text.\n\n```shell\ndokku mini:create x\n",
            (
                3,
                "unclosed-fence",
                "this code fence is never closed; it swallows the rest of the README",
            ),
        ),
        (
            "```\nok\n```\n\n~~~\nnot closed\n",
            (
                5,
                "unclosed-fence",
                "this code fence is never closed; it swallows the rest of the README",
            ),
        ),
        (
            "## Heading\n\ntext\n",
            (
                None,
                "heading-level",
                "a level-2 heading breaks the outline: fragments sit under a ### command heading; use ####",
            ),
        ),
        (
            "### Heading\n",
            (
                None,
                "heading-level",
                "a level-3 heading breaks the outline: fragments sit under a ### command heading; use ####",
            ),
        ),
        ("See [the docs]().\n", (None, "empty-link", "a link with an empty target")),
    ],
    ids=[
        "unclosed-fence",
        "unclosed-tilde-fence",
        "heading-level-2",
        "heading-level-3",
        "empty-link",
    ],
)
def test_fragment_markdown(
    plugin: Callable[..., Path], fragment: str, expected: tuple[int | None, str, str]
) -> None:
    root = plugin(**_clean(docs={"create.md": fragment}))
    line, code, message = expected
    assert lint(root) == [Finding(str(root / "docs" / "create.md"), line, code, message)]


def test_finding_str() -> None:
    assert str(Finding("p/config", 3, "x-code", "msg")) == "p/config:3: x-code: msg"
    assert str(Finding("p/config", None, "x-code", "msg")) == "p/config: x-code: msg"


# --- docgen lint -----------------------------------------------------------------------------


def test_lint_command_clean_exits_0(
    plugin: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = plugin(**_clean())
    assert main(["lint", "--format", "text", *map(str, [root])]) == 0
    assert capsys.readouterr().out == ""


def test_lint_command_findings_exit_1(
    plugin: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = plugin(**_clean(subcommands={"info": script("info", "print the service information")}))
    assert main(["lint", "--format", "text", *map(str, [root])]) == 1
    assert (
        capsys.readouterr().out == f"{root / 'subcommands' / 'info'}: no-example: no #E example\n"
    )


def test_lint_command_error_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", "--format", "text", *map(str, [tmp_path])]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        f"{tmp_path}: error: is not a Dokku datastore plugin (no config, no subcommands/) "
        "(run docgen on the plugin's root folder)\n"
    )


def test_lint_command_error_wins_over_findings(
    plugin: Callable[..., Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = plugin(**_clean(subcommands={"info": script("info", "print the service information")}))
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["lint", "--format", "text", *map(str, [root, empty])]) == 2


def test_lint_command_json(plugin: Callable[..., Path], capsys: pytest.CaptureFixture[str]) -> None:
    root = plugin(**_clean(subcommands={"info": script("info", "print the service information")}))
    assert main(["lint", "--format", "json", *map(str, [root])]) == 1
    assert json.loads(capsys.readouterr().out) == [
        {
            "plugin": str(root),
            "findings": [
                {
                    "path": str(root / "subcommands" / "info"),
                    "line": None,
                    "code": "no-example",
                    "message": "no #E example",
                }
            ],
        }
    ]


def test_lint_command_json_clean(
    plugin: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = plugin(**_clean())
    assert main(["lint", "--format", "json", *map(str, [root])]) == 0
    assert json.loads(capsys.readouterr().out) == [{"plugin": str(root), "findings": []}]


def test_garbage_usage(plugin: Callable[..., Path]) -> None:
    """bin/generate prints a letterless run of the usage line as <->: lint says where."""
    text = script("info", "print the service information", declare='local service_name="$1"')
    text = text.replace("#A service", "#E dokku $PLUGIN_COMMAND_PREFIX:info lollipop\n  #A service")
    root = plugin(**_clean(subcommands={"info": text}))
    assert lint(root) == [
        Finding(
            str(root / "subcommands" / "info"),
            _line(text, "service_name"),
            "garbage-usage",
            "the usage reads <->: bin/generate prints each run of underscores without a letter "
            "on this line that way (compat mode); name the argument in capitals (SERVICE_NAME) "
            "or render with --no-compat",
        )
    ]
