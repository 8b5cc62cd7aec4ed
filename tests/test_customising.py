"""Worked examples of README.md's "Customising the README": each customisation that forks
of the template needed is a setting or a block override of a few lines."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from docgen.pipeline import generate

OVERRIDES = 'templates = "docgen-templates"\n'


def _readme(plugin: Callable[..., Path], settings: str, **files: str) -> str:
    result = generate(plugin(files={"docgen.toml": settings, **files}))
    assert result.warnings == ()
    return result.text


def _block(text: str, start: str, lines: int) -> list[str]:
    """The ``lines`` lines of the README from the one that starts with ``start``."""
    all_lines = text.split("\n")
    index = next(i for i, line in enumerate(all_lines) if line.startswith(start))
    return all_lines[index : index + lines]


def test_a_block_of_the_command_partial(plugin: Callable[..., Path]) -> None:
    """Keep the trailing space after a command without arguments (older template versions)."""
    override = (
        '{% extends "docgen/partials/command.md.j2" %}\n'
        "{% block usage_line %}dokku {{ readme.prefix }}:{{ command.name }} "
        "{{ command.usage }}{% endblock %}\n"
    )
    text = _readme(plugin, OVERRIDES, **{"docgen-templates/partials/command.md.j2": override})
    assert _block(text, "# usage", 2) == ["# usage", "dokku mini:create <service>"]
    assert "# usage\ndokku mini:list \n```" in text


def test_a_block_of_the_section_partial(plugin: Callable[..., Path]) -> None:
    override = (
        '{% extends "docgen/partials/section.md.j2" %}\n'
        "{% block heading %}### {{ section.title | upper }}{% endblock %}\n"
    )
    text = _readme(plugin, OVERRIDES, **{"docgen-templates/partials/section.md.j2": override})
    assert "\n### BASIC USAGE\n" in text


def test_install_command_without_name(plugin: Callable[..., Path]) -> None:
    settings = (
        "[readme]\n"
        'install = "sudo dokku plugin:install https://github.com/{repository}.git {prefix}"\n'
    )
    text = _readme(plugin, settings)
    assert _block(text, "## Installation", 6) == [
        "## Installation",
        "",
        "```shell",
        "# on 0.19.x+",
        "sudo dokku plugin:install https://github.com/dokku/dokku-mini.git mini",
        "```",
    ]


def test_install_command_other_url(plugin: Callable[..., Path]) -> None:
    settings = (
        '[repository]\nowner = "acme"\n[readme]\n'
        'install = "dokku plugin:install https://gitlab.com/{owner}/{name}.git --name {prefix}"\n'
    )
    text = _readme(plugin, settings)
    assert "\ndokku plugin:install https://gitlab.com/acme/dokku-mini.git --name mini\n" in text


def test_top_section_after_requirements(plugin: Callable[..., Path]) -> None:
    settings = (
        "[top_sections.how]\n"
        'title = "How it works"\n'
        'file = "docs/how-it-works.md"\n'
        'after = "requirements"\n'
    )
    text = _readme(plugin, settings, **{"docs/how-it-works.md": "One container per service.\n"})
    assert _block(text, "## Requirements", 10) == [
        "## Requirements",
        "",
        "- dokku 0.19.x+",
        "- docker 1.8.x",
        "",
        "## How it works",
        "",
        "One container per service.",
        "",
        "## Installation",
    ]


def test_notice_after_the_description(plugin: Callable[..., Path]) -> None:
    text = _readme(plugin, '[readme]\nnotice = "**Work in progress: do not use in production.**"\n')
    assert _block(text, "Official mini plugin", 5) == [
        "Official mini plugin for dokku. Currently defaults to installing "
        "[mini/server 1.2.3](https://hub.docker.com/r/mini/server/).",
        "",
        "**Work in progress: do not use in production.**",
        "",
        "## Requirements",
    ]


def test_drop_one_paragraph_of_an_intro(plugin: Callable[..., Path]) -> None:
    backup = (
        '#!/usr/bin/env bash\nservice-backup-cmd() {\n  declare desc="create a backup"\n'
        '  declare SERVICE="$1"\n}\n'
    )
    settings = '[sections.backups]\ndrop_paragraphs = ["If both passphrase"]\n'
    text = generate(plugin(subcommands={"backup": backup}, files={"docgen.toml": settings})).text
    assert "If both passphrase" not in text
    assert "The underlying core backup script is present" in text


def test_commands_placed_first(plugin: Callable[..., Path]) -> None:
    text = _readme(plugin, '[sections.basic]\nprepend = ["list"]\n')
    assert text.index("### list all mini services") < text.index("### create a mini service")


def test_image_without_a_link(plugin: Callable[..., Path]) -> None:
    text = _readme(plugin, "[readme]\nimage_link = false\n")
    assert "Currently defaults to installing mini/server 1.2.3.\n" in text


def test_older_docker_pull_wording(plugin: Callable[..., Path]) -> None:
    override = '{% extends "docgen/partials/docker_pull.md.j2" %}\n{% block pull %}docker pull{% endblock %}\n'
    text = _readme(plugin, OVERRIDES, **{"docgen-templates/partials/docker_pull.md.j2": override})
    assert _block(text, "### Disabling", 5) == [
        "### Disabling `docker pull` calls",
        "",
        "If you wish to disable the `docker pull` calls that the plugin triggers, you may set "
        "the `MINI_DISABLE_PULL` environment variable to `true`. Once disabled, you will need to "
        "pull the service image you wish to deploy as shown in the `stderr` output.",
        "",
        "Please ensure the proper images are in place when `docker pull` is disabled.",
    ]
