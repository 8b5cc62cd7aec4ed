"""A typo in docgen.toml or in a template override never silently does nothing: exit 2, one
line naming the file, the line and the wrong name (with the closest right one), and the
README untouched."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.cli.conftest import MODES, assert_fails, with_readme

SEE = "(see docgen's README, Customising the README)"


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    ("settings", "message"),
    [
        (
            "[sections.backup]\nremove = true\n",
            ":1: error: sections.backup: no such section to remove (did you mean backups?)",
        ),
        (
            '[sections.basic]\nadd = ["nosuch"]\n',
            ":2: error: sections.basic names nosuch, which is no subcommand "
            "(name a file of subcommands/)",
        ),
        (
            '[sections.basic]\ncommands = ["craete", "list"]\n',
            ":2: error: sections.basic names craete, which is no subcommand (did you mean create?)",
        ),
        (
            '[sections.notes]\ntitle = "Notes"\nafter = "basci"\n',
            ":3: error: sections.notes.after names no section: basci (did you mean basic?)",
        ),
        (
            '[sections.notse]\nintro = "x"\n',
            ":1: error: sections.notse is no section (a new section needs a title)",
        ),
        (
            "[readme]\nofficail = false\n",
            ":2: error: unknown key readme.officail (did you mean readme.official?)",
        ),
        (
            '[top_sections.how]\ntitle = "How"\nfile = "HOW.md"\nafter = "requirements"\n',
            ":3: error: top_sections.how.file names no file: HOW.md "
            "(name a file of the plugin, relative to its root)",
        ),
        (
            '[top_sections.how]\ntitle = "How"\nfile = "../HOW.md"\nafter = "requirements"\n',
            ":3: error: top_sections.how.file is outside the plugin folder: ../HOW.md "
            "(name a file of the plugin, relative to its root)",
        ),
        (
            'templates = "nosuch"\n',
            ": error: template folder not found (fix templates in docgen.toml)",
        ),
    ],
    ids=[
        "remove-typo",
        "add-nosuch",
        "commands-typo",
        "after-typo",
        "new-without-title",
        "key-typo",
        "top-file-missing",
        "top-file-outside",
        "templates-missing",
    ],
)
def test_docgen_toml_typo(
    mode: str,
    settings: str,
    message: str,
    plugin: Callable[..., Path],
    capsys: pytest.CaptureFixture[str],
) -> None:
    root = with_readme(plugin(files={"docgen.toml": settings}))
    where = f"{root}/nosuch" if "template folder" in message else f"{root}/docgen.toml"
    assert_fails(capsys, mode, root, line=f"{where}{message}", readme_root=root)


README_OVERRIDE = "docgen-templates/README.md.j2"


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    ("files", "message"),
    [
        (
            {
                README_OVERRIDE: '{% extends "docgen/README.md.j2" %}\n{% block descripton %}x{% endblock %}\n'
            },
            f"{README_OVERRIDE}:2: error: block descripton is not a block of docgen/README.md.j2 "
            "(did you mean description?)",
        ),
        (
            {README_OVERRIDE: '{% extends "README.md.j2" %}\n{% block footer %}x{% endblock %}\n'},
            f"{README_OVERRIDE}: error: extends itself ({{% extends 'README.md.j2' %}}) "
            '(the defaults are named docgen/<name>: {% extends "docgen/README.md.j2" %})',
        ),
        (
            {
                "docgen-templates/partials/command.md.j2": (
                    '{% extends "docgen/partials/command.md.j2" %}\n'
                    "{% block usage %}x{% endblock %}\n"
                )
            },
            "docgen-templates/partials/command.md.j2:2: error: block usage is not a block of "
            "docgen/partials/command.md.j2 (did you mean usage_line?)",
        ),
        (
            {"docgen-templates/partials/comand.md.j2": "x\n"},
            "docgen-templates/partials/comand.md.j2: error: is no template of docgen's, and no "
            "other override uses it (did you mean partials/command.md.j2?)",
        ),
        (
            {
                README_OVERRIDE: '{% extends "docgen/README.md.j2" %}\n{% block footer %}{% endblock\n'
            },
            f"{README_OVERRIDE}:2: error: template error: unexpected end of template, "
            "expected 'end of statement block'.",
        ),
        (
            {
                README_OVERRIDE: '{% include "partials/loop.md.j2" %}\n',
                "docgen-templates/partials/loop.md.j2": '{% include "partials/loop.md.j2" %}\n',
            },
            "docgen-templates: error: template error: the templates include or extend each "
            "other for ever (a template must not include or extend itself)",
        ),
    ],
    ids=["block-typo", "extends-itself", "partial-block-typo", "unknown-file", "syntax", "loop"],
)
def test_template_override_typo(
    mode: str,
    files: dict[str, str],
    message: str,
    plugin: Callable[..., Path],
    capsys: pytest.CaptureFixture[str],
) -> None:
    settings = {"docgen.toml": 'templates = "docgen-templates"\n'}
    root = with_readme(plugin(files={**settings, **files}))
    assert_fails(capsys, mode, root, line=f"{root}/{message}", readme_root=root)
