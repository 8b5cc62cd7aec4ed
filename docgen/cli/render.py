"""``docgen [PATH]...``: check or write the README of each plugin, or print one of them."""

from __future__ import annotations

import sys
from pathlib import Path

from docgen.cli.arguments import RenderInvocation, check_not_a_typo
from docgen.cli.console import colour_wanted, echo, paint_diff_line
from docgen.cli.report import Report


def run_render(invocation: RenderInvocation) -> int:
    if invocation.stdout:
        return _print_one(invocation)
    paths = invocation.paths or (Path("."),)
    report = Report(strict=invocation.strict)
    report.each(paths, lambda path: _check_or_write(path, invocation, report))
    if not invocation.quiet:
        echo(report.summary("out of date" if invocation.check else "rewritten"))
    return report.exit_code()


def _check_or_write(path: Path, invocation: RenderInvocation, report: Report) -> None:
    """One plugin's README: rewritten when stale, or with --check compared and reported."""
    from docgen import output
    from docgen.pipeline import readme_text

    check_not_a_typo(path)
    text, warnings = readme_text(path, compat=invocation.compat)
    comparison = output.compare(path, text)
    if report.warnings_stop(path, (*warnings, *comparison.warnings)):
        return
    if not comparison.stale:
        report.current += 1
        return
    if not invocation.check:
        output.write(comparison)
        report.stale += 1
        echo(f"wrote {comparison.path}")
        return
    report.stale += 1
    echo(f"{comparison.path} is out of date")
    if invocation.quiet:
        return
    painted = colour_wanted(sys.stdout)
    for line in comparison.diff():
        echo(paint_diff_line(line.rstrip("\n"), painted))
        if not line.endswith("\n"):
            echo("\\ No newline at end of file")


def _print_one(invocation: RenderInvocation) -> int:
    """One plugin's README (markdown), its model (json) or an HTML preview, on stdout."""
    report = Report(strict=invocation.strict)
    report.each(invocation.paths[:1], lambda path: _print(path, invocation, report))
    return report.exit_code()


def _print(path: Path, invocation: RenderInvocation, report: Report) -> None:
    from docgen.pipeline import generate, readme_text

    check_not_a_typo(path)
    if invocation.format in ("help", "json"):
        _print_models(path, invocation, report)
        return
    if invocation.format == "markdown":  # the text alone: through the render memo
        text, warnings = readme_text(path, compat=invocation.compat)
        if not report.warnings_stop(path, warnings):
            echo(text, newline=False)
        return
    result = generate(path, compat=invocation.compat)
    if report.warnings_stop(path, result.warnings):
        return
    from docgen.render.formats import to_html

    echo(to_html(result.text, result.readme.prefix), newline=False)


def _print_models(path: Path, invocation: RenderInvocation, report: Report) -> None:
    """What ``dokku <prefix>:help [NAME]`` prints, or the model (with the help's) as JSON."""
    from docgen.cli.console import help_colour_wanted
    from docgen.pipeline import help_of, help_text

    result = help_of(path, compat=invocation.compat)
    if report.warnings_stop(path, result.warnings):
        return
    if invocation.format == "json":
        from docgen.render.formats import to_json

        echo(to_json(result.readme, result.help), newline=False)
        return
    colour = help_colour_wanted(sys.stdout, invocation.colour)
    echo(help_text(result, invocation.command, colour=colour), newline=False)
