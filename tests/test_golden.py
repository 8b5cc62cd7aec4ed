"""Whole READMEs, byte for byte: the sample plugin and one tiny plugin per edge case."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from docgen.pipeline import from_source, generate
from tests.plugin_factory import SAMPLE, make_plugin, plugin_source, script


def test_sample_plugin_readme_is_current() -> None:
    """Dogfood: the committed sample-plugin/README.md is what docgen renders."""
    assert generate(SAMPLE).text == (SAMPLE / "README.md").read_text(encoding="utf-8")


def test_sample_plugin_corrected(golden: Callable[[str, str], None]) -> None:
    golden("sample-plugin.corrected.md", generate(SAMPLE, compat=False).text)


EDGE_CASES: dict[str, dict[str, object]] = {
    # the smallest plugin: two commands, nothing optional
    "minimal": {},
    # every usage section empty: compat glues the intro to the docker pull section (A16)
    "all-sections-empty": {
        "subcommands": {"create": None, "list": None, "destroy": script("destroy", "delete it")},
    },
    # sponsors, a hub image with an owner, a fragment ending in two newlines (A16 glue)
    "sponsors-and-fragment": {
        "plugin_toml": '[plugin]\ndescription = "x"\nversion = "1"\nsponsors = ["acme","globex"]\n',
        "docs": {"create.md": "Some notes.\n\n"},
    },
    # long usage lines exceed the 50-column cap and are not padded (A7)
    "long-usage": {
        "subcommands": {
            "backup": script(
                "backup",
                "create a backup",
                declare='declare SERVICE="$1" BUCKET_NAME="$2" USE_IAM_OPTIONAL_FLAG="$3" ENCRYPTION_KEY_FLAGS_LIST="$4"',
            ),
        },
    },
    # examples of every kind, and the sentence rules (A13, A14)
    "examples": {
        "subcommands": {
            "create": script(
                "create",
                "create a $PLUGIN_COMMAND_PREFIX service",
                annotations="\n  ".join(
                    [
                        "#E create a service on AWS",
                        "#E dokku $PLUGIN_COMMAND_PREFIX:create lollipop",
                        "#E it's 'quoted'. is it paused? check (0.0.0.0) for I/O",
                        "#E     indented code",
                        "#E       nested code",
                        "#E > a quote",
                        '#E export ${PLUGIN_VARIABLE}_IMAGE_VERSION="${PLUGIN_IMAGE_VERSION}"',
                        '#F -c|--config-options "--args", extra arguments',
                        "#F -n|--name NAME, a name",
                    ]
                ),
            ),
        },
    },
}


@pytest.mark.parametrize("compat", [True, False], ids=["compat", "corrected"])
@pytest.mark.parametrize("case", sorted(EDGE_CASES))
def test_edge_case_readme(case: str, compat: bool, golden: Callable[[str, str], None]) -> None:
    source = plugin_source(**EDGE_CASES[case])  # type: ignore[arg-type]
    suffix = "" if compat else ".corrected"
    golden(f"{case}{suffix}.md", from_source(source, compat=compat).text)


@pytest.mark.parametrize("case", sorted(EDGE_CASES))
def test_in_memory_plugin_reads_like_the_folder(case: str, tmp_path: Path) -> None:
    """plugin_source builds the records the readers return for make_plugin's folder."""
    root = make_plugin(tmp_path / "plugin", **EDGE_CASES[case])  # type: ignore[arg-type]
    assert from_source(plugin_source(root, **EDGE_CASES[case])) == generate(root)  # type: ignore[arg-type]


EXAMPLES = Path(__file__).parent / "examples"


@pytest.mark.parametrize("example", ["unofficial-fork", "extra-commands"])
def test_worked_example_readme_is_current(example: str) -> None:
    """The worked examples of README.md render exactly their committed README.md."""
    root = EXAMPLES / example
    assert generate(root).text == (root / "README.md").read_text(encoding="utf-8")
