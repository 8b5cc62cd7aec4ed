"""docgen.formats: the JSON model and the HTML preview, on the sample plugin."""

from __future__ import annotations

import json
from typing import Any

import pytest

from docgen.pipeline import HelpResult, Result, generate, help_of
from docgen.render.formats import SCHEMA, STYLESHEET, to_data, to_html, to_json
from tests.plugin_factory import SAMPLE

SAMPLE = SAMPLE


@pytest.fixture(scope="module")
def result() -> Result:
    return generate(SAMPLE)


@pytest.fixture(scope="module")
def models() -> HelpResult:
    return help_of(SAMPLE)


@pytest.fixture(scope="module")
def data(models: HelpResult) -> dict[str, Any]:
    parsed: dict[str, Any] = json.loads(to_json(models.readme, models.help))
    return parsed


def test_json_is_to_data_indented_with_a_final_newline(models: HelpResult) -> None:
    text = to_json(models.readme, models.help)
    expected = to_data(models.readme, models.help)
    assert text == json.dumps(expected, indent=2, ensure_ascii=False) + "\n"
    assert text.endswith("}\n")


def test_json_without_the_help_has_the_same_keys(models: HelpResult) -> None:
    alone = to_data(models.readme)
    assert alone["plugin"]["service"] is None
    create = next(c for c in alone["commands"] if c["name"] == "create")
    assert (create["synopsis"], "help" in create) == ([], False)


def test_schema(data: dict[str, Any]) -> None:
    assert (SCHEMA, data["schema"]) == ("docgen.plugin/1", "docgen.plugin/1")
    assert list(data) == [
        "schema",
        "plugin",
        "image",
        "ports",
        "sponsors",
        "unimplemented",
        "commands",
        "sections",
    ]


def test_plugin(data: dict[str, Any]) -> None:
    assert data["plugin"] == {
        "prefix": "meilisearch",
        "variable": "MEILISEARCH",
        "alias": "MEILISEARCH",
        "scheme": "http",
        "repository": "dokku/dokku-meilisearch",
        "official": True,
        "compat": True,
        "profile": "2025-08",
        "service": "Meilisearch",
    }


def test_image_ports_sponsors(data: dict[str, Any]) -> None:
    assert data["image"] == {
        "name": "getmeili/meilisearch",
        "version": "v0.23.1",
        "url": "https://hub.docker.com/r/getmeili/meilisearch/",
    }
    assert data["ports"] == ["7700"]
    assert data["sponsors"] == ["some-org", "another-org"]


def test_unimplemented_sorted(data: dict[str, Any]) -> None:
    assert data["unimplemented"] == [
        "backup",
        "backup-auth",
        "backup-deauth",
        "backup-schedule",
        "backup-schedule-cat",
        "backup-set-encryption",
        "backup-unschedule",
        "backup-unset-encryption",
        "clone",
        "connect",
        "export",
        "import",
    ]


def test_commands_in_file_name_order(data: dict[str, Any]) -> None:
    assert [c["name"] for c in data["commands"]] == [
        "app-links",
        "backup-set-public-key-encryption",
        "backup-unset-public-key-encryption",
        "create",
        "destroy",
        "enter",
        "exists",
        "expose",
        "info",
        "link",
        "linked",
        "links",
        "list",
        "logs",
        "pause",
        "promote",
        "restart",
        "set",
        "start",
        "stop",
        "unexpose",
        "unlink",
        "upgrade",
    ]


def test_command_fields(data: dict[str, Any]) -> None:
    create = next(c for c in data["commands"] if c["name"] == "create")
    assert list(create) == [
        "name",
        "source",
        "description",
        "usage",
        "arguments",
        "flags",
        "examples",
        "fragment",
        "synopsis",
        "help",
    ]
    assert create["source"].endswith("sample-plugin/subcommands/create")
    assert create["description"] == "create a meilisearch service"
    assert create["usage"] == "<service> [--create-flags...]"
    assert create["arguments"] == [
        {"name": "service", "help": "name of the service", "optional": False, "line": 20}
    ]
    assert create["flags"][0] == {
        "spec": '-c|--config-options "--args --go=here"',
        "help": "extra arguments for the container create command",
        "default": " --no-analytics ",
        "options": ["-c", "--config-options"],
        "value": '"--args --go=here"',
        "line": 21,
    }
    assert create["synopsis"] == [
        {"text": "<service>", "kind": "argument", "name": "service", "optional": False},
        {"text": "[--create-flags...]", "kind": "flags", "name": "create-flags", "optional": True},
    ]
    assert create["help"] == {
        "usage": "<service> [--create-flags...]",
        "description": "create a Meilisearch service",
    }
    assert create["flags"][1]["default"] is None
    assert create["examples"][:2] == [
        {"kind": "text", "text": "Create a meilisearch service named lollipop:"},
        {"kind": "command", "text": "dokku meilisearch:create lollipop"},
    ]
    assert create["fragment"] == (SAMPLE / "docs" / "create.md").read_text(encoding="utf-8")


def test_command_without_fragment(data: dict[str, Any]) -> None:
    logs = next(c for c in data["commands"] if c["name"] == "logs")
    assert (logs["usage"], logs["fragment"]) == ("<service> [-t|--tail] <tail-num-optional>", None)


def test_sections(data: dict[str, Any]) -> None:
    assert [(s["key"], s["title"], s["commands"]) for s in data["sections"]] == [
        ("basic", "Basic Usage", ["create", "info", "list", "logs", "link", "unlink", "set"]),
        (
            "lifecycle",
            "Service Lifecycle",
            [
                "enter",
                "expose",
                "unexpose",
                "promote",
                "start",
                "stop",
                "pause",
                "restart",
                "upgrade",
            ],
        ),
        ("automation", "Service Automation", ["app-links", "exists", "linked", "links"]),
        ("data", "Data Management", []),
        (
            "backups",
            "Backups",
            ["backup-set-public-key-encryption", "backup-unset-public-key-encryption"],
        ),
    ]


def test_flag_without_options() -> None:
    models = help_of(SAMPLE)
    info = next(c for c in to_data(models.readme, models.help)["commands"] if c["name"] == "info")
    assert (info["flags"][0]["options"], info["flags"][0]["value"]) == (["--config-dir"], None)


@pytest.mark.parametrize(
    ("compat", "usage", "optional"),
    [
        # compat: the help's own reading, where link's app is required
        (True, ["<service>", "<app>", "[--link-flags...]"], [False, False]),
        # corrected: what the script accepts
        (False, ["<service>", "[<app>]", "[--link-flags...]"], [False, True]),
    ],
)
def test_arguments_say_whether_they_are_optional(
    compat: bool, usage: list[str], optional: list[bool]
) -> None:
    models = help_of(SAMPLE, compat=compat)
    link = next(c for c in to_data(models.readme, models.help)["commands"] if c["name"] == "link")
    assert [word["text"] for word in link["synopsis"]] == usage
    assert [argument["optional"] for argument in link["arguments"]] == optional


def test_corrected_json_says_so() -> None:
    data = json.loads(to_json(generate(SAMPLE, compat=False).readme))
    assert (data["schema"], data["plugin"]["compat"]) == ("docgen.plugin/1", False)
    # corrected mode drops the empty section and adds the hidden command
    assert [s["key"] for s in data["sections"]] == [
        "basic",
        "lifecycle",
        "automation",
        "backups",
        "other",
    ]
    assert data["sections"][-1]["commands"] == ["destroy"]


def test_json_keeps_non_ascii(result: Result) -> None:
    readme = result.readme._replace(sponsors=("caf\u00e9",))
    assert '"caf\u00e9"' in to_json(readme)


def test_html(result: Result) -> None:
    html = to_html(result.text, result.readme.prefix)
    assert html.startswith(
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>dokku meilisearch</title>\n<style>\n{STYLESHEET}</style></head>\n"
        "<body><main>\n<h1>"
    )
    assert html.endswith("</main></body></html>\n")
    assert html.count("<h1>") == 1
    assert "<h1>dokku meilisearch " in html
    assert "<h2>Commands</h2>" in html


def test_stylesheet() -> None:
    """A readable column, sans-serif text, code blocks that scroll on their own, tables."""
    for rule in (
        "max-width: 980px",
        "Helvetica, Arial, sans-serif",
        "pre { padding: 16px; overflow: auto;",
        "background: #f6f8fa",
        "th, td { padding: 6px 13px; border: 1px solid #d1d9e0; }",
    ):
        assert rule in STYLESHEET


@pytest.mark.parametrize(
    ("markdown", "body"),
    [
        ("# Title\n", "<h1>Title</h1>\n"),
        ("## Sub\n\ntext\n", "<h2>Sub</h2>\n<p>text</p>\n"),
        ("", ""),
        ("<script>alert(1)</script>\n\ntext\n", "\n\n<p>text</p>\n"),
        ("[x](javascript:alert(1))\n", '<p><a href="#harmful-link" rel="nofollow">x</a></p>\n'),
    ],
)
def test_html_wraps_the_body(markdown: str, body: str) -> None:
    assert to_html(markdown, "a<b") == (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>dokku a&lt;b</title>\n<style>\n{STYLESHEET}</style></head>\n"
        f"<body><main>\n{body}</main></body></html>\n"
    )
