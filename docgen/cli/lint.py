"""``docgen lint [PATH]...``: print the findings of each plugin, as text or JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from docgen.cli.arguments import LintInvocation
from docgen.cli.console import echo
from docgen.cli.report import EXIT_CURRENT, EXIT_ERROR, EXIT_STALE, Report


def run_lint(invocation: LintInvocation) -> int:
    from docgen.lint import lint

    report = Report()
    found: list[dict[str, Any]] = []

    def one(path: Path) -> None:
        findings = lint(path, compat=invocation.compat, ignore=invocation.ignore)
        found.append({"plugin": str(path), "findings": [f._asdict() for f in findings]})
        if invocation.format == "text":
            for finding in findings:
                echo(str(finding))

    report.each(invocation.paths or (Path("."),), one)
    if invocation.format == "json":
        echo(json.dumps(found, indent=2))
    if report.errors:
        return EXIT_ERROR
    return EXIT_STALE if any(plugin["findings"] for plugin in found) else EXIT_CURRENT
