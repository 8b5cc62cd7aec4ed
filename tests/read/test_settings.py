"""docgen.read.settings: docgen.toml parsed into Settings; a key, section or name that
matches nothing is an error naming the line, with the closest valid name."""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.build.profiles import newest
from docgen.errors import DocgenError
from docgen.read.settings import (
    BADGES,
    Section,
    Settings,
    TopSection,
    apply_section_edits,
    check_commands,
    default_settings,
    parse_settings,
)

ROOT = Path("/plugin")
PATH = "plugin/docgen.toml"

DEFAULT_KEYS = ["basic", "lifecycle", "automation", "data", "backups"]


def _parse(text: str) -> Settings:
    return parse_settings(text, PATH, ROOT)


def _error(text: str) -> str:
    with pytest.raises(DocgenError) as raised:
        _parse(text)
    assert raised.value.path == PATH
    return str(raised.value)


def _defaults_but_path(settings: Settings) -> Settings:
    assert settings.path == PATH
    return settings._replace(path="", compat_line=None, key_lines=())


def _applied(text: str) -> tuple[Section, ...]:
    """The newest profile's usage sections with the edits of docgen.toml ``text``."""
    base = newest().boilerplate.sections
    return apply_section_edits(base, _parse(text).section_edits, PATH)


def _sections(sections: tuple[Section, ...]) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(s.key, s.title, s.commands) for s in sections]


def _applied_error(text: str) -> str:
    with pytest.raises(DocgenError) as raised:
        _applied(text)
    return str(raised.value)


# --- defaults -----------------------------------------------------------------------------


def test_default_settings() -> None:
    assert default_settings() == Settings(
        compat=True,
        owner="dokku",
        repository="",
        branch="master",
        official=True,
        badges=("ci", "irc"),
        banner="",
        dokku_version=None,
        docker_version="1.8.x",
        notice="",
        install=None,
        image_link=True,
        section_edits=(),
        top_sections=(),
        templates=None,
        path="",
        compat_line=None,
    )
    assert BADGES == ("ci", "irc")


def test_default_sections_follow_a8() -> None:
    assert _sections(_applied("")) == [
        ("basic", "Basic Usage", ("create", "info", "list", "logs", "link", "unlink", "set")),
        (
            "lifecycle",
            "Service Lifecycle",
            (
                "connect",
                "enter",
                "expose",
                "unexpose",
                "promote",
                "start",
                "stop",
                "pause",
                "restart",
                "upgrade",
            ),
        ),
        ("automation", "Service Automation", ("app-links", "clone", "exists", "linked", "links")),
        ("data", "Data Management", ("import", "export")),
        (
            "backups",
            "Backups",
            (
                "backup-auth",
                "backup-deauth",
                "backup",
                "backup-set-encryption",
                "backup-set-public-key-encryption",
                "backup-unset-encryption",
                "backup-unset-public-key-encryption",
                "backup-schedule",
                "backup-schedule-cat",
                "backup-unschedule",
            ),
        ),
    ]


def test_default_intros() -> None:
    intros = {s.key: s.intro for s in _applied("")}
    assert intros["basic"] == ""
    assert (
        intros["lifecycle"]
        == "The lifecycle of each service can be managed through the following commands:"
    )
    assert intros["automation"] == "Service scripting can be executed using the following commands:"
    assert (
        intros["data"]
        == "The underlying service data can be imported and exported with the following commands:"
    )
    assert intros["backups"].split("\n\n") == [
        "Datastore backups are supported via AWS S3 and S3 compatible services like [minio](https://github.com/minio/minio).",
        "You may skip the `backup-auth` step if your dokku install is running within EC2 and has access to the "
        "bucket via an IAM profile. In that case, use the `--use-iam` option with the `backup` command.",
        "If both passphrase and public key forms of encryption are set, the public key encryption will take precedence.",
        "The underlying core backup script is present [here](https://github.com/dokku/docker-s3backup/blob/main/backup.sh).",
        "Backups can be performed using the backup commands:",
    ]


@pytest.mark.parametrize("text", ["", "# only a comment\n", "[repository]\n[readme]\n[sections]\n"])
def test_empty_file_gives_defaults(text: str) -> None:
    assert _defaults_but_path(_parse(text)) == default_settings()


# --- every key ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        ("compat = false", "compat", False),
        ("compat = true", "compat", True),
        ('templates = "docgen-templates"', "templates", ROOT / "docgen-templates"),
        ('templates = ""', "templates", None),
        ('[repository]\nowner = "me"', "owner", "me"),
        ('[repository]\nname = "my-db"', "repository", "my-db"),
        ('[repository]\nbranch = "main"', "branch", "main"),
        ("[readme]\nofficial = false", "official", False),
        ('[readme]\nbadges = ["ci"]', "badges", ("ci",)),
        ('[readme]\nbadges = ["irc", "ci"]', "badges", ("irc", "ci")),
        ("[readme]\nbadges = []", "badges", ()),
        ('[readme]\nbanner = "> a fork"', "banner", "> a fork"),
        ('[readme]\nnotice = "**Work in progress**"', "notice", "**Work in progress**"),
        ('[readme]\ndokku_version = "0.30.x+"', "dokku_version", "0.30.x+"),
        ('[readme]\ndocker_version = "20.10.x"', "docker_version", "20.10.x"),
        (
            '[readme]\ninstall = "sudo dokku plugin:install https://github.com/{repository}.git {prefix}"',
            "install",
            "sudo dokku plugin:install https://github.com/{repository}.git {prefix}",
        ),
        ("[readme]\nimage_link = false", "image_link", False),
    ],
)
def test_each_key(text: str, field: str, expected: object) -> None:
    settings = _defaults_but_path(_parse(text))
    assert getattr(settings, field) == expected
    # nothing else changes
    assert settings._replace(**{field: getattr(default_settings(), field)}) == default_settings()


# --- unknown keys and wrong types: the line, and the closest name -------------------------

SEE = "(see docgen's README, Customising the README)"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("bogus = 1", f":1: error: unknown key bogus {SEE}"),
        ("compat = true\nzzz = 1\naaa = 2", f":2: error: unknown key zzz {SEE}"),
        ("compta = false", ":1: error: unknown key compta (did you mean compat?)"),
        ("[repository]\nnope = 1", f":2: error: unknown key repository.nope {SEE}"),
        (
            "[repository]\nonwer = 1",
            ":2: error: unknown key repository.onwer (did you mean repository.owner?)",
        ),
        ("[readme]\nnope = 1", f":2: error: unknown key readme.nope {SEE}"),
        (
            "[readme]\nofficail = false",
            ":2: error: unknown key readme.officail (did you mean readme.official?)",
        ),
        (
            "[readme]\nbadge = []",
            ":2: error: unknown key readme.badge (did you mean readme.badges?)",
        ),
        ("[readmee]\nbanner = 'x'", ":1: error: unknown key readmee (did you mean readme?)"),
        ("[sections.basic]\nfoo = 1", f":2: error: unknown key sections.basic.foo {SEE}"),
        (
            "[sections.basic]\ntitel = 'B'",
            ":2: error: unknown key sections.basic.titel (did you mean sections.basic.title?)",
        ),
        (
            "[top_sections.x]\nfiles = 'a'",
            ":2: error: unknown key top_sections.x.files (did you mean top_sections.x.file?)",
        ),
    ],
)
def test_unknown_key_is_named(text: str, message: str) -> None:
    assert _error(text) == f"{PATH}{message}"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("compat = 1", ":1: error: compat must be a bool or str, not int"),
        ("templates = 1", ":1: error: templates must be a str, not int"),
        ("repository = 3", ":1: error: repository must be a dict, not int"),
        ('readme = "x"', ":1: error: readme must be a dict, not str"),
        ("sections = 3", ":1: error: sections must be a dict, not int"),
        ("top_sections = 3", ":1: error: top_sections must be a dict, not int"),
        ("[repository]\nowner = 1", ":2: error: repository.owner must be a str, not int"),
        ("[repository]\nname = true", ":2: error: repository.name must be a str, not bool"),
        ("[repository]\nbranch = []", ":2: error: repository.branch must be a str, not list"),
        ('[readme]\nofficial = "no"', ":2: error: readme.official must be a bool, not str"),
        ('[readme]\nbadges = "ci"', ":2: error: readme.badges must be a list, not str"),
        ("[readme]\nbanner = 1", ":2: error: readme.banner must be a str, not int"),
        ("[readme]\nnotice = 1", ":2: error: readme.notice must be a str, not int"),
        (
            "[readme]\ndokku_version = 0.19",
            ":2: error: readme.dokku_version must be a str, not float",
        ),
        ("[readme]\ndocker_version = 1", ":2: error: readme.docker_version must be a str, not int"),
        ("[readme]\nimage_link = 1", ":2: error: readme.image_link must be a bool, not int"),
        ("[sections]\nbasic = 1", ":2: error: sections.basic must be a dict, not int"),
        ("[sections.basic]\ntitle = 3", ":2: error: sections.basic.title must be a str, not int"),
        ("[sections.basic]\nintro = []", ":2: error: sections.basic.intro must be a str, not list"),
        (
            '[sections.basic]\ncommands = "x"',
            ":2: error: sections.basic.commands must be a list, not str",
        ),
        ('[sections.basic]\nadd = "x"', ":2: error: sections.basic.add must be a list, not str"),
        (
            '[sections.basic]\nprepend = "x"',
            ":2: error: sections.basic.prepend must be a list, not str",
        ),
        (
            '[sections.data]\nremove = "false"',
            ":2: error: sections.data.remove must be a bool, not str",
        ),
        ("[readme]\nbadges = [1]", ":2: error: readme.badges must be a list of strings"),
        (
            "[sections.basic]\ncommands = [1]",
            ":2: error: sections.basic.commands must be a list of strings",
        ),
        (
            "[sections.basic]\nadd = [true]",
            ":2: error: sections.basic.add must be a list of strings",
        ),
    ],
)
def test_wrong_type(text: str, message: str) -> None:
    assert _error(text) == f"{PATH}{message} {SEE}"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '[readme]\nbadges = ["ci", "x"]',
            ":2: error: readme.badges: unknown badge x (choose from ci, irc)",
        ),
        (
            '[readme]\nbadges = ["ic"]',
            ":2: error: readme.badges: unknown badge ic (did you mean irc?)",
        ),
        (
            '[readme]\ninstall = "dokku plugin:install {repo}"',
            ":2: error: readme.install: unknown placeholder {repo} (did you mean repository?)",
        ),
        (
            '[readme]\ninstall = "dokku plugin:install {x"',
            f":2: error: readme.install: expected '}}' before end of string {SEE}",
        ),
        # a section that is not a default one must be a new one, with a title
        (
            "[sections.backup]\nremove = true",
            ":1: error: sections.backup: no such section to remove (did you mean backups?)",
        ),
        (
            "[sections.nosuch]\nremove = true",
            ":1: error: sections.nosuch: no such section to remove "
            "(choose from basic, lifecycle, automation, data, backups)",
        ),
        (
            '[sections.bacups]\nadd = ["x"]',
            ":1: error: sections.bacups is no section (did you mean backups? a new section needs a title)",
        ),
        (
            '[sections.ca-certs]\nadd = ["x"]',
            ":1: error: sections.ca-certs is no section (a new section needs a title)",
        ),
        (
            '[sections.notes]\ntitle = "Notes"\nafter = "nosuch"',
            ":3: error: sections.notes.after names no section: nosuch "
            "(choose from basic, lifecycle, automation, data, backups)",
        ),
        (
            '[sections.notes]\ntitle = "Notes"\nafter = "backup"',
            ":3: error: sections.notes.after names no section: backup (did you mean backups?)",
        ),
        (
            '[sections.backups]\ndrop_paragraphs = ["If both passphrases"]',
            ":2: error: sections.backups.drop_paragraphs: no paragraph starts with 'If both passphrases' "
            "(did you mean If both passphrase ?)",
        ),
        (
            '[sections.basic]\ndrop_paragraphs = ["x"]',
            ":2: error: sections.basic.drop_paragraphs: no paragraph starts with 'x' "
            "(give the first words of a paragraph of the intro)",
        ),
        (
            '[top_sections.how]\ntitle = "How"\nafter = "requirements"',
            f":1: error: top_sections.how needs file {SEE}",
        ),
        (
            '[top_sections.how]\ntitle = "How"\nfile = "h.md"\nafter = "requirement"',
            ":4: error: top_sections.how.after names no section: requirement (did you mean requirements?)",
        ),
    ],
)
def test_invalid_value(text: str, message: str) -> None:
    """Types and values are checked when docgen.toml is read, section edits when they are
    applied to the profile's sections: both name the line."""
    try:
        parse_settings(text, PATH, ROOT)
    except DocgenError as error:
        assert str(error) == f"{PATH}{message}"
        return
    assert _applied_error(text) == f"{PATH}{message}"


def test_invalid_toml() -> None:
    assert _error("x = [") == f"{PATH}:1: error: is not valid TOML: Invalid value"


# --- sections -----------------------------------------------------------------------------
def test_sections_add_appends_commands() -> None:
    sections = _applied('[sections.basic]\nadd = ["destroy", "ca-import"]')
    assert sections[0] == Section(
        "basic",
        "Basic Usage",
        "",
        ("create", "info", "list", "logs", "link", "unlink", "set", "destroy", "ca-import"),
        (("destroy", 2), ("ca-import", 2)),
    )
    assert [s.key for s in sections] == DEFAULT_KEYS


def test_sections_commands_replace_then_add() -> None:
    sections = _applied('[sections.basic]\ncommands = ["create", "list"]\nadd = ["destroy"]')
    assert sections[0].commands == ("create", "list", "destroy")


def test_sections_title_and_intro_change_in_place() -> None:
    sections = _applied('[sections.data]\ntitle = "Data"\nintro = "Move data:"')
    assert sections[3] == Section("data", "Data", "Move data:", ("import", "export"))
    assert [s.key for s in sections] == DEFAULT_KEYS


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("[sections.data]\nremove = true", ["basic", "lifecycle", "automation", "backups"]),
        ("[sections.data]\nremove = false", DEFAULT_KEYS),
        (
            '[sections.backups]\nafter = "basic"',
            ["basic", "backups", "lifecycle", "automation", "data"],
        ),
        (
            '[sections.basic]\nafter = "backups"',
            ["lifecycle", "automation", "data", "backups", "basic"],
        ),
        ('[sections.extra]\ntitle = "Extra"\ncommands = ["a"]', [*DEFAULT_KEYS, "extra"]),
        (
            '[sections.notes]\ntitle = "Notes"\nafter = "basic"',
            ["basic", "notes", "lifecycle", "automation", "data", "backups"],
        ),
        (
            "[sections.lifecycle]\nremove = true\n[sections.automation]\nremove = true\n"
            "[sections.data]\nremove = true\n[sections.backups]\nremove = true",
            ["basic"],
        ),
        # tables apply in file order: "after" may name a section added above it
        (
            '[sections.one]\ntitle = "One"\nafter = "basic"\n'
            '[sections.two]\ntitle = "Two"\nafter = "one"',
            ["basic", "one", "two", "lifecycle", "automation", "data", "backups"],
        ),
    ],
)
def test_sections_order(text: str, keys: list[str]) -> None:
    assert [s.key for s in _applied(text)] == keys


def test_new_section() -> None:
    sections = _applied('[sections.ca-certs]\ntitle = "CA certificates"\nadd = ["ca-import"]')
    assert sections[-1] == Section(
        "ca-certs", "CA certificates", "", ("ca-import",), (("ca-import", 3),)
    )


def test_new_prose_section() -> None:
    sections = _applied('[sections.notes]\ntitle = "Notes"\nintro = "Some notes."\nafter = "basic"')
    assert sections[1] == Section("notes", "Notes", "Some notes.", ())


def test_moved_section_keeps_its_content() -> None:
    sections = _applied('[sections.data]\nafter = "basic"\nadd = ["clone"]')
    assert sections[1] == Section(
        "data",
        "Data Management",
        "The underlying service data can be imported and exported with the following commands:",
        ("import", "export", "clone"),
        (("clone", 3),),
    )


def test_templates_are_relative_to_the_root() -> None:
    assert parse_settings('templates = "t"', PATH, Path("/a/b")).templates == Path("/a/b/t")


def test_prepend_places_commands_first() -> None:
    sections = _applied(
        '[sections.basic]\nprepend = ["destroy"]\ncommands = ["create"]\nadd = ["list"]'
    )
    assert sections[0].commands == ("destroy", "create", "list")
    assert sections[0].named == (("destroy", 2), ("create", 3), ("list", 4))


def test_drop_paragraphs_keeps_the_others() -> None:
    sections = _applied(
        '[sections.backups]\ndrop_paragraphs = ["If both passphrase", "The underlying core"]'
    )
    intro = sections[-1].intro.split("\n\n")
    assert [paragraph[:20] for paragraph in intro] == [
        "Datastore backups ar",
        "You may skip the `ba",
        "Backups can be perfo",
    ]


def test_top_sections_resolve_to_a_block() -> None:
    settings = _parse(
        '[top_sections.how]\ntitle = "How it works"\nfile = "docs/how.md"\nafter = "requirements"\n'
        '[top_sections.faq]\ntitle = "FAQ"\nfile = "FAQ.md"\nafter = "how"\n'
    )
    assert settings.top_sections == (
        TopSection("how", "How it works", "requirements", "docs/how.md", "", 3),
        TopSection("faq", "FAQ", "requirements", "FAQ.md", "", 7),
    )


def test_named_commands_must_be_subcommands() -> None:
    settings = _parse('[sections.data]\ncommands = ["import", "export"]\nadd = ["nosuch"]\n')
    with pytest.raises(DocgenError) as raised:
        check_commands(settings, ["import", "export", "create"])
    assert str(raised.value) == (
        f"{PATH}:3: error: sections.data names nosuch, which is no subcommand "
        "(name a file of subcommands/)"
    )
    typo = _parse('[sections.data]\ncommands = ["imprt", "export"]\n')
    with pytest.raises(DocgenError) as raised:
        check_commands(typo, ["import", "export", "create"])
    assert str(raised.value) == (
        f"{PATH}:2: error: sections.data names imprt, which is no subcommand (did you mean import?)"
    )
    check_commands(_parse('[sections.data]\ncommands = ["import"]\n'), ["import"])


# --- [lint] -------------------------------------------------------------------------------


def test_lint_ignore() -> None:
    settings = _parse('[lint]\nignore = ["hidden-command", "empty-section"]')
    assert settings.lint_ignore == ("hidden-command", "empty-section")
    assert settings._replace(lint_ignore=(), path="", key_lines=()) == default_settings()
    assert settings.line("lint.ignore") == 2
    assert default_settings().lint_ignore == ()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[lint]\nignore = "hidden-command"', "2: error: lint.ignore must be a list, not str"),
        ("[lint]\nignore = [1]", "2: error: lint.ignore must be a list of strings"),
        ("[lint]\nignor = []", "2: error: unknown key lint.ignor (did you mean lint.ignore?)"),
        ("lint = 1", "1: error: lint must be a dict, not int"),
    ],
)
def test_lint_ignore_errors(text: str, message: str) -> None:
    hint = "" if message.endswith(")") else " (see docgen's README, Customising the README)"
    assert _error(text) == f"{PATH}:{message}{hint}"
