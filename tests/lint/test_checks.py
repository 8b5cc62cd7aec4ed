"""docgen.lint (the checks): each finding code on a tiny plugin that has the problem, none on a clean one."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from docgen.cli import main
from docgen.lint import Finding, lint
from docgen.templates_dir import default_templates
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
            "#F -m|--memory MEMORY, container memory limit",
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


LEAK_FIX = "(write its value, or set compat = false in docgen.toml to expand it)"
DRIFT_FIX = "(set compat = false in docgen.toml: corrected mode renders both from one model)"
NO_EXAMPLE = (
    "no #E example (add #E lines before the declare desc line: a sentence, then the dokku command)"
)
FENCE_FIX = "(close it with a line of the same fence)"


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
            f"${{PLUGIN_IMAGE_VERSION}} is printed as written in the README {LEAK_FIX}",
        ),
        Finding(
            path,
            _line(text, "PLUGIN_DATASTORE_PORTS[1]"),
            "leaked-variable",
            f"${{PLUGIN_DATASTORE_PORTS[1]}} is printed as written in the README {LEAK_FIX}",
        ),
        # the help expands them, as bash does
        Finding(
            path,
            _line(text, "PLUGIN_IMAGE_VERSION"),
            "help-drift",
            'example: the README says "export MINI_IMAGE_VERSION="${PLUGIN_IMAGE_VERSION}"", '
            f'the help "export MINI_IMAGE_VERSION="1.2.3"" {DRIFT_FIX}',
        ),
        Finding(
            path,
            _line(text, "PLUGIN_DATASTORE_PORTS[1]"),
            "help-drift",
            'example: the README says "dokku mini:expose lollipop ${PLUGIN_DATASTORE_PORTS[1]}", '
            f'the help "dokku mini:expose lollipop" {DRIFT_FIX}',
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
            f"$MINI_CONFIG_OPTIONS is printed as written in the README {LEAK_FIX}",
        ),
        Finding(
            str(root / "subcommands" / "create"),
            _line(text, "#E export"),
            "help-drift",
            'example: the README says "export MINI_CONFIG_OPTIONS=$MINI_CONFIG_OPTIONS", '
            f'the help "export MINI_CONFIG_OPTIONS= --x" {DRIFT_FIX}',
        ),
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
    root = plugin(**_clean(subcommands={"create": text}))
    # help-functions takes the first declare line for the usage, bin/generate the last $1 line
    drift = Finding(
        str(root / "subcommands" / "create"),
        _line(text, line),
        "help-drift",
        f'usage: the README says "<service>", the help "<image-version>" {DRIFT_FIX}',
    )
    assert lint(root) == ([drift] if line.startswith("declare") else [])


# bin/generate always shows a default on --config-options, help-functions never does: a
# plugin with one drifts in compat mode, so the clean plugin's create documents --memory.
CREATE_WITH_OPTIONS = CREATE.replace(
    "#F -m|--memory MEMORY, container memory limit",
    '#F -c|--config-options "--args", extra arguments',
)


def test_none_default(plugin: Callable[..., Path]) -> None:
    create = CREATE_WITH_OPTIONS
    root = plugin(**_clean(config=CONFIG_TEMPLATE, subcommands={"create": create}))
    path, line = str(root / "subcommands" / "create"), _line(create, "#F ")
    assert lint(root) == [
        Finding(
            path,
            line,
            "none-default",
            "the README says (default: `None`): MINI_CONFIG_OPTIONS has no non-empty default "
            "in config (give it one there, or set compat = false in docgen.toml)",
        ),
        # help-functions never shows a default
        Finding(
            path,
            line,
            "help-drift",
            'default: the README shows (default: `None`) for -c|--config-options "--args", '
            f"the help shows no default {DRIFT_FIX}",
        ),
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
            "#F documents a flag, but the declare line takes no flags (assign the flags there, "
            'e.g. FLAGS_LIST=("${@:2}"), or remove the #F line)',
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
    root = plugin(**_clean(subcommands={"info": text}))
    drift = Finding(
        str(root / "subcommands" / "info"),
        _line(text, declare),
        "help-drift",
        f'usage: the README says "<service> [--use-iam]", the help "<service> [-u|--use-iam-optional]" {DRIFT_FIX}',
    )
    assert lint(root) == ([drift] if "USE_IAM" in declare else [])


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
            _line(text, "declare desc"),
            "hidden-command",
            "in no usage section: the README shows its description only (add it to a usage "
            'section in docgen.toml: [sections.basic] add = ["destroy"], or set compat = false '
            "in docgen.toml for an Other Commands section)",
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
        Finding(
            str(root / "subcommands" / "info"),
            _line(text, "#E "),
            "no-description",
            'no declare desc="..." (add one to the command\'s function; the README shows the '
            "command's name instead)",
        ),
        Finding(
            str(root / "subcommands" / "info"),
            _line(text, "#E "),
            "help-drift",
            f'description: the README says "None", the help "" {DRIFT_FIX}',
        ),
    ]


def test_no_example(plugin: Callable[..., Path]) -> None:
    text = script("info", "print the service information")
    root = plugin(**_clean(subcommands={"info": text}))
    assert lint(root) == [
        Finding(
            str(root / "subcommands" / "info"),
            _line(text, "declare desc"),
            "no-example",
            NO_EXAMPLE,
        )
    ]


def test_sentence_backtick(plugin: Callable[..., Path]) -> None:
    text = script(
        "info",
        "print the service information",
        annotations="#E print the service information\n  #E on AWS\n"
        "  #E dokku $PLUGIN_COMMAND_PREFIX:info lollipop",
    )
    root = plugin(**_clean(subcommands={"info": text}))
    assert lint(root) == [
        Finding(
            str(root / "subcommands" / "info"),
            _line(text, "#E on AWS"),
            "sentence-backtick",
            "an uppercase word before ':' or '.' renders with a stray backtick: "
            "'Print the service information on `AWS`:`' (reword so that AWS does not end the "
            "sentence, or set compat = false in docgen.toml)",
        )
    ]
    assert lint(root, compat=False) == []


def test_unknown_unimplemented(plugin: Callable[..., Path]) -> None:
    config = CLEAN_CONFIG.replace(UNIMPLEMENTED, f'{UNIMPLEMENTED} "nosuch" "zap"')
    root = plugin(**_clean(config=config))
    line = _line(config, "PLUGIN_UNIMPLEMENTED_SUBCOMMANDS")
    assert lint(root) == [
        Finding(
            str(root / "config"),
            line,
            "unknown-unimplemented",
            "PLUGIN_UNIMPLEMENTED_SUBCOMMANDS names nosuch, which is no subcommand (remove it)",
        ),
        Finding(
            str(root / "config"),
            line,
            "unknown-unimplemented",
            "PLUGIN_UNIMPLEMENTED_SUBCOMMANDS names zap, which is no subcommand (remove it)",
        ),
    ]


def test_unimplemented_subcommand_is_fine(plugin: Callable[..., Path]) -> None:
    config = CLEAN_CONFIG.replace(UNIMPLEMENTED, f'{UNIMPLEMENTED} "info"')
    text = script("info", "print the service information")  # no example, but not rendered
    assert lint(plugin(**_clean(config=config, subcommands={"info": text}))) == []


def test_empty_section_defined_by_docgen(plugin: Callable[..., Path]) -> None:
    """A default section points at its entry in docgen's own templates/sections.toml."""
    settings = "".join(
        f"[sections.{key}]\nremove = true\n" for key in ("lifecycle", "automation", "backups")
    )
    root = plugin(**_clean(files={"docgen.toml": settings}))
    defaults = default_templates() / "sections.toml"
    assert lint(root) == [
        Finding(
            str(defaults),
            _line(defaults.read_text(encoding="utf-8"), 'key = "data"'),
            "empty-section",
            f"usage section 'Data Management' shows no command of the plugin {root}, and "
            "bin/generate glues its neighbours (remove it in docgen.toml: [sections.data] "
            "remove = true, or set compat = false in docgen.toml)",
        )
    ]
    assert lint(root, compat=False) == []


@pytest.mark.parametrize(
    ("table", "needle"),
    [
        ('[sections.flush]\ntitle = "Flushing"\ncommands = ["flush"]\n', "[sections.flush]"),
        ('[sections."flush"]\ntitle = "Flushing"\ncommands = ["flush"]\n', '[sections."flush"]'),
        ('[sections]\nflush = { title = "Flushing", commands = ["flush"] }\n', "flush = {"),
        (
            'sections.flush.title = "Flushing"\nsections.flush.commands = ["flush"]\n',
            "sections.flush",
        ),
    ],
    ids=["table", "quoted", "inline", "dotted"],
)
def test_empty_section_defined_in_docgen_toml(
    plugin: Callable[..., Path], table: str, needle: str
) -> None:
    """A section of docgen.toml points at the line that defines it there."""
    settings = f"{table}# flush is not implemented yet\n{CLEAN_SETTINGS}"
    config = CLEAN_CONFIG.replace(UNIMPLEMENTED, f'{UNIMPLEMENTED} "flush"')
    flush = script("flush", "flush the service")
    files = {"docgen.toml": settings}
    root = plugin(**_clean(config=config, subcommands={"flush": flush}, files=files))
    [finding] = lint(root)
    assert (finding.path, finding.line, finding.code) == (
        str(root / "docgen.toml"),
        _line(settings, needle),
        "empty-section",
    )
    assert finding.message.startswith("usage section 'Fl")
    assert "shows no command of this plugin" in finding.message


def test_prose_section_is_not_empty(plugin: Callable[..., Path]) -> None:
    """A section that lists no command is prose (README.md: "a Notes section"), in both modes."""
    settings = CLEAN_SETTINGS + '[sections.notes]\ntitle = "Notes"\nintro = "Read this."\n'
    root = plugin(**_clean(files={"docgen.toml": settings}))
    assert lint(root) == []
    assert lint(root, compat=False) == []


def test_unused_fragment(plugin: Callable[..., Path]) -> None:
    root = plugin(**_clean(docs={"nosuch.md": "Some notes.\n"}))
    assert lint(root) == [
        Finding(
            str(root / "docs" / "nosuch.md"),
            1,
            "unused-fragment",
            "the README does not show this fragment (no command of the README has this name: "
            "rename it docs/<command>.md, or remove it)",
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
                f"this code fence is never closed; it swallows the rest of the README {FENCE_FIX}",
            ),
        ),
        (
            "```\nok\n```\n\n~~~\nnot closed\n",
            (
                5,
                "unclosed-fence",
                f"this code fence is never closed; it swallows the rest of the README {FENCE_FIX}",
            ),
        ),
        (
            "#### Fine\n\nHeading in text.\n\n## Heading\n\ntext\n",
            (
                5,
                "heading-level",
                "a level-2 heading breaks the outline: fragments sit under a ### command heading (use ####)",
            ),
        ),
        (
            "Intro.\n\n> ### Heading\n",
            (
                3,
                "heading-level",
                "a level-3 heading breaks the outline: fragments sit under a ### command heading (use ####)",
            ),
        ),
        (
            "Intro.\n\nHeading\n-------\n",
            (
                3,
                "heading-level",
                "a level-2 heading breaks the outline: fragments sit under a ### command heading (use ####)",
            ),
        ),
        (
            "Intro.\n\n[ok](https://example.com)\nSee [the docs]().\n",
            (4, "empty-link", "a link with an empty target (give it one)"),
        ),
    ],
    ids=[
        "unclosed-fence",
        "unclosed-tilde-fence",
        "heading-level-2",
        "heading-level-3-in-a-quote",
        "setext-heading",
        "empty-link",
    ],
)
def test_fragment_markdown(
    plugin: Callable[..., Path], fragment: str, expected: tuple[int, str, str]
) -> None:
    root = plugin(**_clean(docs={"create.md": fragment}))
    line, code, message = expected
    assert lint(root) == [Finding(str(root / "docs" / "create.md"), line, code, message)]


def test_finding_str() -> None:
    assert str(Finding("p/config", 3, "x-code", "msg")) == "p/config:3: x-code: msg"


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
    text = script("info", "print the service information")
    root = plugin(**_clean(subcommands={"info": text}))
    assert main(["lint", "--format", "text", *map(str, [root])]) == 1
    line = _line(text, "declare desc")
    assert capsys.readouterr().out == (
        f"{root / 'subcommands' / 'info'}:{line}: no-example: {NO_EXAMPLE}\n"
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
                    "line": _line(script("info"), "declare desc"),
                    "code": "no-example",
                    "message": NO_EXAMPLE,
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


# --- the rendering mode -------------------------------------------------------------------------

DESTROY = script(
    "destroy",
    "delete the service",
    annotations="#E dokku $PLUGIN_COMMAND_PREFIX:destroy lollipop",
)
# In compat mode: leaked-variable, none-default, hidden-command, sentence-backtick,
# empty-section, unused-fragment (destroy's) and help-drift; none of them in corrected mode.
COMPAT_ONLY = {
    "config": CONFIG_TEMPLATE.replace(UNIMPLEMENTED, f'{UNIMPLEMENTED} "import" "export"'),
    "subcommands": {
        "create": CREATE_WITH_OPTIONS,
        "destroy": DESTROY,
        "info": script(
            "info",
            "print the service information",
            annotations='#E export IMAGE="${PLUGIN_IMAGE_VERSION}"\n  #E print it on AWS',
        ),
    },
    "docs": {"destroy.md": "Destroys it.\n"},
    "files": {"docgen.toml": CLEAN_SETTINGS.replace("[sections.data]\nremove = true\n", "")},
}


def _codes(findings: list[Finding]) -> list[str]:
    return sorted(finding.code for finding in findings)


def test_compat_only_findings(plugin: Callable[..., Path]) -> None:
    root = plugin(**_clean(**COMPAT_ONLY))
    assert _codes(lint(root)) == [
        "empty-section",
        "help-drift",
        "help-drift",
        "hidden-command",
        "leaked-variable",
        "none-default",
        "sentence-backtick",
        "unused-fragment",
    ]
    assert lint(root, compat=False) == []


def test_lint_honours_compat_in_docgen_toml(
    plugin: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    overrides = _clean(**COMPAT_ONLY)
    settings = "compat = false\n" + overrides["files"]["docgen.toml"]  # type: ignore[index]
    root = plugin(**{**overrides, "files": {"docgen.toml": settings}})
    assert lint(root) == []
    assert main(["lint", str(root)]) == 0
    assert main(["lint", "--compat", str(root)]) == 1  # the command line wins
    assert len(capsys.readouterr().out.splitlines()) == 8
    assert main(["lint", "--no-compat", str(root)]) == 0


def test_hidden_command_fragment(plugin: Callable[..., Path]) -> None:
    root = plugin(**_clean(subcommands={"destroy": DESTROY}, docs={"destroy.md": "Gone.\n"}))
    assert [f for f in lint(root) if f.code == "unused-fragment"] == [
        Finding(
            str(root / "docs" / "destroy.md"),
            1,
            "unused-fragment",
            "the README does not show this fragment (destroy is in no usage section: add it to "
            'a usage section in docgen.toml: [sections.basic] add = ["destroy"])',
        )
    ]


def test_leaked_variable_in_corrected_mode(plugin: Callable[..., Path]) -> None:
    """Corrected mode expands what config defines; a PLUGIN_ variable it does not define
    is still printed as written."""
    text = script(
        "create",
        "create a service",
        annotations="#E export X=${PLUGIN_IMAGE_VERSION} Y=$PLUGIN_NOWHERE",
    )
    root = plugin(**_clean(subcommands={"create": text}))
    assert lint(root, compat=False) == [
        Finding(
            str(root / "subcommands" / "create"),
            _line(text, "PLUGIN_NOWHERE"),
            "leaked-variable",
            "$PLUGIN_NOWHERE is printed as written in the README (config gives it no value "
            "docgen can read: define it in config, or write the value)",
        )
    ]
    assert [f.message.split()[0] for f in lint(root)] == [
        "${PLUGIN_IMAGE_VERSION}",
        "$PLUGIN_NOWHERE",
        "example:",  # help-drift: the help expands ${PLUGIN_IMAGE_VERSION}
    ]


def test_no_leak_from_a_hidden_command_example(plugin: Callable[..., Path]) -> None:
    """In compat mode a hidden command shows its description only: its #E lines are not
    in the README, so a variable there leaks nothing."""
    text = script(
        "destroy", "delete the service", annotations="#E export X=${PLUGIN_IMAGE_VERSION}"
    )
    root = plugin(**_clean(subcommands={"destroy": text}))
    assert _codes(lint(root)) == ["hidden-command"]


def test_unknown_unimplemented_suggests_a_close_name(plugin: Callable[..., Path]) -> None:
    config = CLEAN_CONFIG.replace(UNIMPLEMENTED, f'{UNIMPLEMENTED} "lst"')
    [finding] = lint(plugin(**_clean(config=config)))
    assert finding.message == (
        "PLUGIN_UNIMPLEMENTED_SUBCOMMANDS names lst, which is no subcommand "
        "(did you mean list? otherwise remove it)"
    )


# --- every finding: a line, and what to do ------------------------------------------------------


def test_every_code_has_a_line_and_a_fix(plugin: Callable[..., Path]) -> None:
    subcommands = {
        **COMPAT_ONLY["subcommands"],  # type: ignore[dict-item]
        "set": script("set", "set it", declare="", annotations="#F -a|--all, all"),
        "list": script("list", declare="", annotations="").replace(
            '  declare desc="do a thing"\n', ""
        ),
        "logs": script("logs", "show the logs", declare='local service_name="$1"'),
    }
    docs = {**COMPAT_ONLY["docs"], "create.md": "## Title\n\n[x]()\n\n```\nopen\n"}  # type: ignore[dict-item]
    config = str(COMPAT_ONLY["config"]).replace(UNIMPLEMENTED, f'{UNIMPLEMENTED} "zap"')
    overrides = {**COMPAT_ONLY, "subcommands": subcommands, "docs": docs, "config": config}
    findings = lint(plugin(**_clean(**overrides)))
    from docgen.lint import CODES

    assert sorted(set(_codes(findings))) == sorted(CODES)
    for finding in findings:
        assert finding.line >= 1, finding
        assert finding.message.endswith(")"), finding


# --- ignoring codes ---------------------------------------------------------------------------


def test_ignore_on_the_command_line(
    plugin: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = plugin(**_clean(**COMPAT_ONLY))
    assert _codes(lint(root, ignore={"hidden-command", "none-default", "help-drift"})) == [
        "empty-section",
        "leaked-variable",
        "sentence-backtick",
        "unused-fragment",
    ]
    codes = ["hidden-command", "none-default", "empty-section", "leaked-variable", "help-drift"]
    argv = ["lint", *(f"--ignore={code}" for code in codes)]
    assert main([*argv, str(root)]) == 1
    found = [line.split(": ")[1] for line in capsys.readouterr().out.splitlines()]
    assert found == ["sentence-backtick", "unused-fragment"]
    more = ["--ignore", "sentence-backtick", "--ignore", "unused-fragment"]
    assert main([*argv, *more, str(root)]) == 0
    assert capsys.readouterr().out == ""


def test_ignore_in_docgen_toml(
    plugin: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    overrides = _clean(**COMPAT_ONLY)
    settings = overrides["files"]["docgen.toml"]  # type: ignore[index]
    ignore = '[lint]\nignore = ["hidden-command", "none-default", "empty-section", "help-drift"]\n'
    root = plugin(**{**overrides, "files": {"docgen.toml": settings + ignore}})
    assert _codes(lint(root)) == ["leaked-variable", "sentence-backtick", "unused-fragment"]
    argv = ["lint", "--ignore", "leaked-variable", "--ignore", "sentence-backtick"]
    assert main([*argv, "--ignore", "unused-fragment", str(root)]) == 0
    assert capsys.readouterr().out == ""


def test_unknown_code_in_docgen_toml(
    plugin: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    settings = CLEAN_SETTINGS + '\n[lint]\nignore = [\n  "hidden-command",\n  "hiden-command",\n]\n'
    root = plugin(**_clean(files={"docgen.toml": settings}))
    assert main(["lint", str(root)]) == 2
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == (
        "",
        f"{root / 'docgen.toml'}:{_line(settings, 'ignore')}: error: [lint] ignore: unknown code "
        "hiden-command (did you mean hidden-command?)\n",
    )
    # rendering does not read lint's settings
    assert main(["--stdout", str(root)]) == 0


@pytest.mark.parametrize(
    ("code", "hint"),
    [
        ("hiden-command", "did you mean hidden-command?"),
        (
            "nope",
            "codes: garbage-usage, leaked-variable, none-default, flag-not-taken, hidden-command, "
            "no-description, no-example, sentence-backtick, unknown-unimplemented, empty-section, "
            "unused-fragment, unclosed-fence, heading-level, empty-link, help-drift",
        ),
    ],
)
def test_unknown_code_on_the_command_line(
    code: str, hint: str, plugin: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = plugin(**_clean())
    assert main(["lint", "--ignore", code, str(root)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines()[-1] == (
        f"Error: Invalid value for '--ignore': unknown code {code} ({hint})"
    )


def test_lint_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", "--help"]) == 0
    help_text = " ".join(capsys.readouterr().out.split())
    for option in (
        "--format [text|json] text: one finding per line (file:line: code: message); json: a list per plugin.",
        "--compat / --no-compat",
        "--ignore CODE Do not report this code (repeatable); docgen.toml: [lint] ignore = [...].",
    ):
        assert option in help_text


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
            "on this line that way (name the argument in capitals, SERVICE_NAME, or set "
            "compat = false in docgen.toml)",
        ),
        # help-functions reads only declare lines
        Finding(
            str(root / "subcommands" / "info"),
            _line(text, "service_name"),
            "help-drift",
            f'usage: the README says "<->", the help "" {DRIFT_FIX}',
        ),
    ]
    assert lint(root, compat=False) == []


def test_lint_takes_a_compat_profile(
    plugin: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """As for rendering, --compat=NAME (or docgen.toml's compat) names a profile."""
    root = plugin(**_clean(**COMPAT_ONLY))
    assert main(["lint", "--compat=2023-02b", str(root)]) == 1
    assert "hidden-command" in capsys.readouterr().out
    assert main(["lint", "--compat=2023-02x", str(root)]) == 2
    assert capsys.readouterr().err == (
        "error: no compat profile 2023-02x (did you mean 2023-02b?)\n"
    )
    assert main(["lint", "--compat=2023-02b", "--no-compat", str(root)]) == 2
