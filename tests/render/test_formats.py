"""docgen.formats: the JSON model and the HTML preview, on the sample plugin."""

from __future__ import annotations

import json
from typing import Any

import pytest

from docgen.pipeline import Result, generate
from docgen.render.formats import SCHEMA, STYLESHEET, to_data, to_html, to_json
from tests.plugin_factory import SAMPLE

SAMPLE = SAMPLE


@pytest.fixture(scope="module")
def result() -> Result:
    return generate(SAMPLE)


@pytest.fixture(scope="module")
def data(result: Result) -> dict[str, Any]:
    parsed: dict[str, Any] = json.loads(to_json(result.readme))
    return parsed


def test_json_is_to_data_indented_with_a_final_newline(result: Result) -> None:
    text = to_json(result.readme)
    assert text == json.dumps(to_data(result.readme), indent=2, ensure_ascii=False) + "\n"
    assert text.endswith("}\n")


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
    ]
    assert create["source"].endswith("sample-plugin/subcommands/create")
    assert create["description"] == "create a meilisearch service"
    assert create["usage"] == "<service> [--create-flags...]"
    assert create["arguments"] == [{"name": "service", "help": "name of the service"}]
    assert create["flags"][0] == {
        "spec": '-c|--config-options "--args --go=here"',
        "help": "extra arguments for the container create command",
        "default": " --no-analytics ",
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
