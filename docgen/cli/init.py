"""``docgen init [PATH]``: write the docgen.toml that reproduces a plugin's README, and say
how near it comes."""

from __future__ import annotations

from pathlib import Path

from docgen.cli.arguments import InitInvocation
from docgen.cli.console import echo
from docgen.cli.report import EXIT_CURRENT, EXIT_STALE, Report


def run_init(invocation: InitInvocation) -> int:
    report = Report()
    outcome: list[int] = []
    report.each((invocation.path,), lambda path: outcome.append(_init(path, invocation.force)))
    return report.exit_code() if report.errors else outcome[0]


def _init(root: Path, force: bool) -> int:
    from docgen import output
    from docgen.init import start
    from docgen.read.plugin import read_generate, read_plugin
    from docgen.read.settings import SETTINGS_FILE

    target = root / SETTINGS_FILE
    if (target.exists() or target.is_symlink()) and not force:
        output.write_new(target, "", force=False)  # raises: it exists
    source = read_plugin(root, settings=False)
    migration = start(source, output.committed(root), read_generate(root))
    output.write_new(target, migration.settings, force=force)
    name = migration.profile.name
    if migration.script is not None:
        echo(f"bin/generate is a released version: profile {migration.script.name}")
    echo(f'wrote {target} (compat = "{name}")')
    if not migration.differing:
        echo(f"zero diff with profile {name}")
        return EXIT_CURRENT
    echo(f"nearest profile {name}: {migration.differing} lines of README.md differ")
    for hunk in migration.hunks:
        for line in hunk.lines:
            echo(line)
        echo(f"  -> {hunk.hint}")
    return EXIT_STALE
