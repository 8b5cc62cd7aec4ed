"""Reading the command line: click, and beside it a reading of the common lines without it.

click is the parser: options, help, usage errors, the ``lint`` subcommand. Importing it
costs more than the whole of bin/generate on a clean interpreter (benchmarks/README.md), so
``fast_invocation`` reads the most common lines, PATHs with the render command's on/off
flags, without it. tests/cli/test_arguments.py checks that click reads the same values
wherever ``fast_invocation`` answers.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    import click

STDOUT_USAGE = "--stdout and --format take exactly one PATH and no --check"
HELP_USAGE = "--command and --color/--no-color go with --format help"
FORMATS = ("markdown", "json", "html", "help")
# The visible commands of cli(); a first argument with another name is a PATH.
SUBCOMMANDS = ("lint", "init")
HELP_OPTIONS = ["-h", "--help"]


class RenderInvocation(NamedTuple):
    """``docgen [--check] [--quiet] [--stdout] [--format F] [--strict] [--compat] [PATH]...``,
    and for ``--format help``: ``[--command NAME] [--color]``"""

    paths: tuple[Path, ...] = ()
    check: bool = False
    quiet: bool = False
    stdout: bool = False  # print the one plugin's README (or model) instead
    compat: bool | str | None = None  # None: docgen.toml's; True newest, False corrected, a profile
    strict: bool = False
    format: str = "markdown"
    command: str | None = None  # --format help: this command's help, not the overview
    colour: bool | None = None  # --format help: None decides by the terminal


class InitInvocation(NamedTuple):
    """``docgen init [--force] [PATH]``"""

    path: Path = Path(".")
    force: bool = False


class LintInvocation(NamedTuple):
    """``docgen lint [--format text|json] [--compat] [--ignore CODE]... [PATH]...``"""

    paths: tuple[Path, ...] = ()
    format: str = "text"
    compat: bool | str | None = None  # None: docgen.toml's; True, False or a profile's name
    ignore: tuple[str, ...] = ()


def check_not_a_typo(path: Path) -> None:
    """A PATH that does not exist but is close to a subcommand's name (``docgen lnt``) was
    probably meant as that subcommand: the error says so."""
    text = str(path)
    if "/" in text or path.exists() or path.is_symlink():
        return
    import difflib

    from docgen.errors import DocgenError

    close = difflib.get_close_matches(text, SUBCOMMANDS, n=1, cutoff=0.6)
    if close:
        raise DocgenError("does not exist", path=text, hint=f"did you mean docgen {close[0]}?")


def _stdout_usage_ok(paths: Sequence[Path], check: bool) -> bool:
    return len(paths) == 1 and not check


def fast_invocation(args: Sequence[str]) -> RenderInvocation | None:
    """``args`` read as click reads them, if they are only PATHs and the on/off flags of
    the render command, each written out alone; None for anything else (``--help``,
    ``--format json``, ``-qv``, ``--``, ``lint``, a usage error...), which click then reads."""
    if args and args[0] in SUBCOMMANDS:
        return None
    flags = {"check": False, "quiet": False, "stdout": False, "strict": False}
    compat: bool | None = None
    paths: list[Path] = []
    for arg in args:
        if arg in ("--check", "--quiet", "--stdout", "--strict"):
            flags[arg[2:]] = True
        elif arg == "-q":
            flags["quiet"] = True
        elif arg in ("--compat", "--no-compat"):
            compat = arg == "--compat"
        elif arg.startswith("-") and arg != "-":
            return None
        else:
            paths.append(Path(arg))
    if flags["stdout"] and not _stdout_usage_ok(paths, flags["check"]):
        return None  # a usage error, which click words
    return RenderInvocation(
        tuple(paths),
        check=flags["check"],
        quiet=flags["quiet"],
        stdout=flags["stdout"],
        compat=compat,
        strict=flags["strict"],
    )


def _profile_options(args: list[str]) -> list[str]:
    """``--compat=NAME`` is ``--profile NAME``: a bare ``--compat`` takes no value, so that
    ``docgen --compat plugin`` keeps plugin a PATH."""
    return [f"--profile={a[len('--compat=') :]}" if a.startswith("--compat=") else a for a in args]


def _lint_codes(
    context: click.Context, parameter: click.Parameter, codes: tuple[str, ...]
) -> tuple[str, ...]:
    """``--ignore`` values: lint codes, or a usage error that suggests the close one."""
    import click

    from docgen.lint import unknown_code

    for code in codes:
        hint = unknown_code(code)
        if hint is not None:
            raise click.BadParameter(f"unknown code {code} ({hint})")
    return codes


def click_main(args: list[str]) -> int:
    """Read ``args`` with click and run the command; usage errors are printed, exit 2."""
    import click

    try:
        result = cli().main(args=_profile_options(args), prog_name="docgen", standalone_mode=False)
    except click.exceptions.Exit as done:
        return int(done.exit_code)
    except click.ClickException as error:
        error.show()
        return 2
    except click.exceptions.Abort:
        return 2
    return int(result) if isinstance(result, int) else 0


def _render_invocation(
    paths: tuple[Path, ...],
    fmt: str | None,
    stdout: bool,
    check: bool,
    compat: bool | None,
    profile: str | None,
    flags: dict[str, Any],
) -> RenderInvocation:
    """The render command's options, checked as click reads them."""
    import click

    stdout = stdout or fmt is not None
    if stdout and not _stdout_usage_ok(paths, check):
        raise click.UsageError(STDOUT_USAGE)
    if profile is not None and compat is not None:
        raise click.UsageError("--compat=NAME and --compat/--no-compat: give one of them")
    if fmt != "help" and (flags.get("command") is not None or flags.get("colour") is not None):
        raise click.UsageError(HELP_USAGE)
    return RenderInvocation(
        paths,
        check=check,
        stdout=stdout,
        format=fmt or "markdown",
        compat=profile if profile is not None else compat,
        **flags,
    )


@functools.cache
def cli() -> click.Group:
    """The click command tree: the render command is the default, ``lint`` a subcommand."""
    import click

    from docgen import __version__

    settings = {"help_option_names": HELP_OPTIONS}

    class RenderCommand(click.Command):
        """The default command: its usage and help read ``docgen [OPTIONS] [PATH]...``."""

        def make_context(
            self,
            info_name: str | None,
            args: list[str],
            parent: click.Context | None = None,
            **extra: Any,
        ) -> click.Context:
            name = parent.info_name if parent is not None else info_name
            return super().make_context(name, args, None, **extra)

    class DocgenGroup(click.Group):
        """``docgen [OPTIONS] [PATH]...`` renders: a first argument that names no
        subcommand goes to the (hidden) render command. Its help is the render command's,
        followed by the list of subcommands."""

        def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
            if not args or args[0] not in (*SUBCOMMANDS, "--version", *HELP_OPTIONS):
                args = ["render", *args]
            return super().parse_args(ctx, args)

        def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
            render = self.commands["render"]
            with render.make_context(ctx.info_name, [], resilient_parsing=True) as own:
                render.format_help(own, formatter)
            self.format_commands(ctx, formatter)

    @click.group(cls=DocgenGroup, context_settings=settings)
    @click.version_option(__version__, "--version", prog_name="docgen")
    def group() -> None:
        """docgen: the README.md of a Dokku datastore plugin, from its source."""

    @group.command(name="render", cls=RenderCommand, hidden=True, context_settings=settings)
    @click.argument(
        "paths", nargs=-1, type=click.Path(path_type=Path, readable=False), metavar="[PATH]..."
    )
    @click.option(
        "--check", is_flag=True, help="Write nothing; exit 1 and show a diff if a README is stale."
    )
    @click.option(
        "--quiet", "-q", is_flag=True, help="Name only the stale READMEs: no diff, no summary line."
    )
    @click.option(
        "--stdout", is_flag=True, help="Print the rendered README of one plugin; write nothing."
    )
    @click.option(
        "--format",
        "fmt",
        type=click.Choice(FORMATS),
        default=None,
        help="With --stdout (implied): markdown, the extracted model as JSON, an HTML preview, "
        "or the help (what dokku <prefix>:help prints).",
    )
    @click.option(
        "--command",
        "command",
        metavar="NAME",
        default=None,
        help="With --format help: the help of this command (dokku <prefix>:help NAME).",
    )
    @click.option(
        "--color/--no-color",
        "colour",
        default=None,
        help="With --format help: colour or not (default: on a terminal, without NO_COLOR).",
    )
    @click.option(
        "--compat/--no-compat",
        default=None,
        help="Reproduce bin/generate exactly (default), or render what it meant.",
    )
    @click.option(
        "--profile",
        "profile",
        metavar="NAME",
        default=None,
        help="Reproduce the bin/generate of compat profile NAME (e.g. 2023-02b); "
        "also written --compat=NAME.",
    )
    @click.option("--strict", is_flag=True, help="Treat warnings as errors (exit 2).")
    @click.version_option(__version__, "--version", prog_name="docgen")
    def render(
        paths: tuple[Path, ...],
        fmt: str | None,
        stdout: bool,
        check: bool,
        compat: bool | None,
        profile: str | None,
        **flags: Any,
    ) -> int:
        """Render README.md of each Dokku datastore plugin in PATH (default: the current
        folder). `docgen lint --help` for the linter.

        Exit 0 when every README was current, 1 when one was stale (rewritten, or with
        --check reported), 2 on bad input or usage.
        """
        from docgen.cli.render import run_render

        return run_render(_render_invocation(paths, fmt, stdout, check, compat, profile, flags))

    @group.command(name="init", context_settings=settings)
    @click.argument("path", default=".", type=click.Path(path_type=Path), metavar="[PATH]")
    @click.option("--force", is_flag=True, help="Replace an existing docgen.toml.")
    def init(path: Path, force: bool) -> int:
        """Write the docgen.toml with which docgen writes PATH's README.md as it is.

        docgen renders the plugin with every compat profile (one per released bin/generate)
        and keeps the nearest; it never runs the plugin's code. Exit 0 with zero diff, 1
        when some lines still differ (each shown with the setting that would express it),
        2 on bad input.
        """
        from docgen.cli.init import run_init

        return run_init(InitInvocation(path, force))

    @group.command(name="lint", context_settings=settings)
    @click.argument(
        "paths", nargs=-1, type=click.Path(path_type=Path, readable=False), metavar="[PATH]..."
    )
    @click.option(
        "--format",
        "fmt",
        type=click.Choice(["text", "json"]),
        default="text",
        help="text: one finding per line (file:line: code: message); json: a list per plugin.",
    )
    @click.option(
        "--compat/--no-compat",
        default=None,
        help="Lint the README of bin/generate's mode, or of corrected mode "
        "(default: docgen.toml's compat, else compat).",
    )
    @click.option(
        "--profile",
        "profile",
        metavar="NAME",
        default=None,
        help="Lint the README of compat profile NAME; also written --compat=NAME.",
    )
    @click.option(
        "--ignore",
        metavar="CODE",
        multiple=True,
        callback=_lint_codes,
        help="Do not report this code (repeatable); docgen.toml: [lint] ignore = [...].",
    )
    def lint(
        paths: tuple[Path, ...],
        fmt: str,
        compat: bool | None,
        profile: str | None,
        ignore: tuple[str, ...],
    ) -> int:
        """List, with file:line, what the source of each plugin says that its README gets
        wrong or hides; each finding ends with how to fix it.

        Exit 1 when something was found, 0 when clean (or all of it ignored), 2 on bad
        input or usage.
        """
        from docgen.cli.lint import run_lint

        if profile is not None and compat is not None:
            raise click.UsageError("--compat=NAME and --compat/--no-compat: give one of them")
        return run_lint(LintInvocation(paths, fmt, compat if profile is None else profile, ignore))

    return group
