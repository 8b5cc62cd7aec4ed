"""The adoption path of README.md's "In CI" section, run as written: the Makefile targets
(with make), the composite GitHub Action's steps, the GitHub Actions step, the pre-commit
configuration, and the pre-commit hooks through ``pre-commit try-repo`` on a plugin in a git
repository. Where a snippet names docgen's public address (``<docgen-repo>``, ``<sha>``),
this checkout stands in for it.

These tests install docgen into fresh virtual environments (as CI and pre-commit do), from
the package index that ``pip install '.[test]'`` used.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import venv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.plugin_factory import REPO, SAMPLE

EXAMPLE = REPO / "tests" / "examples" / "unofficial-fork"  # it has a template override
README = (REPO / "README.md").read_text(encoding="utf-8")
IN_CI = README[README.index("## In CI\n") : README.index("## Customising the README")]
PLACEHOLDERS = ("<docgen-repo>", "<sha>")
GIT_IDENTITY = {
    "GIT_AUTHOR_NAME": "docgen tests",
    "GIT_AUTHOR_EMAIL": "tests@docgen.invalid",
    "GIT_COMMITTER_NAME": "docgen tests",
    "GIT_COMMITTER_EMAIL": "tests@docgen.invalid",
}


def _snippets(language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```$", IN_CI, re.S | re.M)


def _environment(extra: dict[str, str] | None) -> dict[str, str]:
    """The tests' environment without the GIT_* variables of a surrounding git command
    (``git rebase -x`` sets GIT_DIR): the repositories these tests create are their own."""
    own = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    return {**own, **(extra or {})}


def _run(
    command: list[str] | str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command,
        cwd=cwd,
        env=_environment(env),
        capture_output=True,
        text=True,
        shell=isinstance(command, str),
        executable="/bin/bash" if isinstance(command, str) else None,
        timeout=900,
        check=False,
    )


def _head() -> str:
    """This checkout's commit, for ``<sha>``: snippets that pin a commit install it."""
    done = _run(["git", "rev-parse", "HEAD"], REPO)
    if done.returncode != 0:
        pytest.skip("not a git checkout of docgen: the snippets install docgen from git")
    return done.stdout.strip()


def _with_docgen_first() -> dict[str, str]:
    """PATH with the docgen under test (the one beside this interpreter) first."""
    return {"PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}


def _plugin(folder: Path) -> Path:
    return Path(shutil.copytree(EXAMPLE, folder))


def _spoil(plugin: Path) -> None:
    with (plugin / "README.md").open("a", encoding="utf-8") as readme:
        readme.write("stale\n")


@pytest.fixture
def fresh_venv(tmp_path: Path) -> Iterator[dict[str, str]]:
    """A new virtual environment without docgen; the environment puts it first on PATH."""
    folder = tmp_path / "venv"
    venv.create(folder, with_pip=True)
    yield {"PATH": f"{folder / 'bin'}{os.pathsep}{os.environ['PATH']}", "VIRTUAL_ENV": str(folder)}


def test_the_placeholders_are_explained_once() -> None:
    """README.md says once what <docgen-repo> and <sha> stand for; nothing else stands for
    docgen's address (no OWNER), and no rev names a tag (docgen has none)."""
    assert IN_CI.count("`<docgen-repo>` stands for") == 1
    assert "OWNER" not in README
    assert re.search(r"rev: v\d", README) is None
    for snippet in _snippets("yaml"):
        assert re.search(r"github\.com/(?!<docgen-repo>)", snippet) is None, snippet


# --- Makefile ---------------------------------------------------------------------------------


def test_makefile_snippet(tmp_path: Path) -> None:
    if shutil.which("make") is None:
        pytest.skip("make is not installed (apt-get install make)")
    [makefile] = _snippets("make")
    plugin = _plugin(tmp_path / "plugin")
    (plugin / "Makefile").write_text(makefile, encoding="utf-8")
    current = (plugin / "README.md").read_text(encoding="utf-8")
    env = _with_docgen_first()

    _spoil(plugin)
    done = _run(["make", "generate"], plugin, env)
    assert done.returncode == 0, done.stdout + done.stderr  # exit 1, "rewritten", is success
    assert done.stdout.splitlines()[-2:] == [
        f"wrote {Path('.') / 'README.md'}",
        "0 current, 1 rewritten, 0 errors",
    ]
    assert (plugin / "README.md").read_text(encoding="utf-8") == current
    assert _run(["make", "generate"], plugin, env).returncode == 0
    assert _run(["make", "check-readme"], plugin, env).returncode == 0

    _spoil(plugin)
    done = _run(["make", "check-readme"], plugin, env)
    assert done.returncode == 2  # make's code for a failed target
    assert "README.md is out of date" in done.stdout
    (plugin / "Dockerfile").write_text("RUN true\n", encoding="utf-8")
    done = _run(["make", "generate"], plugin, env)
    assert done.returncode == 2, done.stdout  # bad input (docgen's exit 2) still fails
    assert "Dockerfile: error: no FROM instruction" in done.stderr


# --- GitHub Actions ---------------------------------------------------------------------------


def _action() -> dict[str, Any]:
    action: dict[str, Any] = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))
    return action


def _expand(text: str, inputs: dict[str, str]) -> str:
    """GitHub's ``${{ inputs.name }}`` expressions, for the inputs given."""
    return re.sub(r"\$\{\{\s*inputs\.([\w-]+)\s*\}\}", lambda m: inputs[m.group(1)], text)


def _action_steps(workspace: Path, inputs: dict[str, str], env: dict[str, str]) -> str:
    """Run the action's ``run`` steps as GitHub does (bash -eo pipefail, the step's env);
    the ``uses`` steps are GitHub's own actions, which the fresh virtual environment stands
    in for. Returns the output of the last step."""
    action = _action()
    defaults = {name: spec.get("default", "") for name, spec in action["inputs"].items()}
    values = {**defaults, **inputs}
    output = ""
    for step in action["runs"]["steps"]:
        if "uses" in step:
            assert step["uses"].startswith("actions/setup-python@"), step
            continue
        assert step["shell"] == "bash"
        step_env = {k: _expand(str(v), values) for k, v in step.get("env", {}).items()}
        done = _run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
            workspace,
            {**env, **step_env, "GITHUB_ACTION_PATH": str(REPO)},
        )
        output = done.stdout
        if done.returncode != 0:
            return f"exit {done.returncode}\n{done.stdout}{done.stderr}"
    return output


def test_action_yml(tmp_path: Path, fresh_venv: dict[str, str]) -> None:
    action = _action()
    assert action["runs"]["using"] == "composite"
    assert set(action["inputs"]) == {"path", "args", "python-version"}
    workspace = tmp_path / "workspace"
    for name in ("one", "two"):  # the sample plugin: no warning, which --strict would fail
        shutil.copytree(SAMPLE, workspace / "plugins" / name)
    inputs = {"path": "plugins/*", "args": "--strict"}
    assert _action_steps(workspace, inputs, fresh_venv) == "2 current, 0 out of date, 0 errors\n"
    _spoil(workspace / "plugins" / "two")
    output = _action_steps(workspace, {**inputs, "args": "--strict --quiet"}, fresh_venv)
    assert output == "exit 1\nplugins/two/README.md is out of date\n"


def _workflow_steps() -> list[dict[str, Any]]:
    """The workflow steps among README.md's YAML snippets (the others are configuration)."""
    loaded = [yaml.safe_load(snippet) for snippet in _snippets("yaml")]
    return [step for steps in loaded if isinstance(steps, list) for step in steps]


def test_readme_uses_the_action_as_it_is() -> None:
    """The README's `uses:` step names the action and only inputs that it has."""
    steps = _workflow_steps()
    uses = [step for step in steps if str(step.get("uses", "")).startswith("<docgen-repo>")]
    assert [step["uses"] for step in uses] == ["<docgen-repo>@<sha>"]
    assert set(uses[0]["with"]) <= set(_action()["inputs"])


def test_github_actions_step(tmp_path: Path, fresh_venv: dict[str, str]) -> None:
    """The step of one's own: its commands, with this checkout's commit for the address."""
    [step] = [step for step in _workflow_steps() if "run" in step]
    address = "git+https://github.com/<docgen-repo>@<sha>"
    assert address in step["run"]
    # file://localhost/...: the pip that venv bundles with Python 3.11 rejects file:///...@sha
    script = step["run"].replace(address, f"git+file://localhost{REPO}@{_head()}")
    plugin = _plugin(tmp_path / "plugin")
    done = _run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script], plugin, fresh_venv
    )
    assert (done.returncode, done.stdout.splitlines()[-1:]) == (
        0,
        ["1 current, 0 out of date, 0 errors"],
    ), done.stderr
    _spoil(plugin)
    done = _run(["bash", "-c", script.splitlines()[-1]], plugin, fresh_venv)
    assert done.returncode == 1


# --- pre-commit -------------------------------------------------------------------------------


@pytest.fixture
def plugin_repo(tmp_path: Path) -> Path:
    """The example plugin in a git repository of its own, all committed."""
    plugin = _plugin(tmp_path / "plugin")
    for command in (
        ["git", "init", "-q"],
        ["git", "add", "-A"],
        ["git", "commit", "-qm", "plugin"],
    ):
        done = _run(command, plugin, GIT_IDENTITY)
        assert done.returncode == 0, done.stderr
    return plugin


def _pre_commit(*args: str, cwd: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**GIT_IDENTITY, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}
    return _run([sys.executable, "-m", "pre_commit", *args], cwd, env)


def test_hooks_fire_on_a_template_change(plugin_repo: Path, tmp_path: Path) -> None:
    """A commit that changes only a template override: the hooks run (not "Skipped"),
    docgen-check fails and writes nothing, docgen rewrites the README and fails."""
    template = plugin_repo / "docgen-templates" / "README.md.j2"
    template.write_text(
        template.read_text(encoding="utf-8").replace("MIT", "Apache-2.0"), encoding="utf-8"
    )
    assert _run(["git", "add", str(template)], plugin_repo).returncode == 0
    before = (plugin_repo / "README.md").read_text(encoding="utf-8")
    home = tmp_path / "pre-commit-home"

    check = _pre_commit("try-repo", str(REPO), "docgen-check", cwd=plugin_repo, home=home)
    assert check.returncode == 1, check.stdout + check.stderr
    assert "docgen --check (README.md is current)" in check.stdout
    assert "Skipped" not in check.stdout
    assert "README.md is out of date" in check.stdout
    assert (plugin_repo / "README.md").read_text(encoding="utf-8") == before

    fix = _pre_commit("try-repo", str(REPO), "docgen", cwd=plugin_repo, home=home)
    assert fix.returncode == 1, fix.stdout + fix.stderr
    assert "files were modified by this hook" in fix.stdout
    assert "0 current, 1 rewritten, 0 errors" in fix.stdout
    after = (plugin_repo / "README.md").read_text(encoding="utf-8")
    assert "Apache-2.0" in after and "Apache-2.0" not in before


def test_pre_commit_config_snippet(plugin_repo: Path, tmp_path: Path) -> None:
    """README.md's .pre-commit-config.yaml, with this checkout and its commit: pre-commit
    accepts it, and its hook passes on a current plugin and fixes a stale one."""
    [config] = [s for s in _snippets("yaml") if s.startswith("repos:")]
    config = config.replace("https://github.com/<docgen-repo>", str(REPO))
    config = config.replace("<sha>", _head())
    (plugin_repo / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    home = tmp_path / "pre-commit-home"
    assert _pre_commit("validate-config", cwd=plugin_repo, home=home).returncode == 0
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    configured = yaml.safe_load(config)["repos"][0]["hooks"]
    assert {hook["id"] for hook in configured} <= {hook["id"] for hook in hooks}

    done = _pre_commit("run", "--all-files", cwd=plugin_repo, home=home)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Passed" in done.stdout
    _spoil(plugin_repo)
    done = _pre_commit("run", "--all-files", cwd=plugin_repo, home=home)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "wrote README.md" in done.stdout


# --- the other snippets of README.md ------------------------------------------------------------


def _blocks(language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```$", README, re.S | re.M)


def test_quick_start(tmp_path: Path, fresh_venv: dict[str, str]) -> None:
    """`pip install . && docgen sample-plugin` in a copy of this checkout."""
    [install, _tests] = _blocks("shell")
    assert install == "pip install . && docgen sample-plugin\n"
    ignored = shutil.ignore_patterns(".git", "__pycache__", ".*_cache", ".hypothesis", "*.egg-info")
    copy = Path(shutil.copytree(REPO, tmp_path / "docgen", ignore=ignored))
    done = _run(install, copy, fresh_venv)
    assert (done.returncode, done.stdout.splitlines()[-1:]) == (
        0,
        ["1 current, 0 rewritten, 0 errors"],
    ), done.stderr


def test_docgen_toml_snippets() -> None:
    """Every docgen.toml of README.md is valid (`<key>`: a section's key), its compat
    profile exists, and its lint codes are real."""
    from docgen.build.profiles import profile_for
    from docgen.lint import CODES
    from docgen.read.settings import parse_settings

    blocks = _blocks("toml")
    assert len(blocks) >= 3
    for block in blocks:
        settings = parse_settings(block.replace("<key>", "data"), "docgen.toml", Path("/p"))
        profile_for(settings)
        assert set(settings.lint_ignore) <= set(CODES)
    reference = parse_settings(blocks[0].replace("<key>", "data"), "docgen.toml", Path("/p"))
    assert (reference.templates, reference.lint_ignore) == (
        Path("/p/docgen-templates"),
        ("flag-not-taken",),
    )


def test_template_override_snippet() -> None:
    """The first override of README.md is the worked example's, under its comment line."""
    comment, _, override = _blocks("jinja")[0].partition("\n")
    assert comment == "{# docgen-templates/README.md.j2: a License footer #}"
    path = EXAMPLE / "docgen-templates" / "README.md.j2"
    assert override == path.read_text(encoding="utf-8")
