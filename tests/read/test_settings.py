"""docgen.settings: docgen.toml parsed into Settings; unknown keys and wrong types are errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.errors import DocgenError
from docgen.read.settings import BADGES, Section, Settings, default_settings, parse_settings

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


def _sections(settings: Settings) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(s.key, s.title, s.commands) for s in settings.sections]


# --- defaults -----------------------------------------------------------------------------


def test_default_settings() -> None:
    settings = default_settings()
    assert settings._replace(sections=()) == Settings(
        compat=True,
        owner="dokku",
        repository="",
        branch="master",
        official=True,
        badges=("ci", "irc"),
        banner="",
        dokku_version="0.19.x+",
        docker_version="1.8.x",
        sections=(),
        templates=None,
    )
    assert BADGES == ("ci", "irc")


def test_default_sections_follow_a8() -> None:
    assert _sections(default_settings()) == [
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
    intros = {s.key: s.intro for s in default_settings().sections}
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
    assert _parse(text) == default_settings()


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
        ('[readme]\ndokku_version = "0.30.x+"', "dokku_version", "0.30.x+"),
        ('[readme]\ndocker_version = "20.10.x"', "docker_version", "20.10.x"),
    ],
)
def test_each_key(text: str, field: str, expected: object) -> None:
    settings = _parse(text)
    assert getattr(settings, field) == expected
    # nothing else changes
    assert settings._replace(**{field: getattr(default_settings(), field)}) == default_settings()


# --- unknown keys and wrong types ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("bogus = 1", "unknown key bogus (see README.md)"),
        ("compat = true\nzzz = 1\naaa = 2", "unknown key aaa (see README.md)"),
        ("[repository]\nnope = 1", "unknown key repository.nope (see README.md)"),
        ("[readme]\nnope = 1", "unknown key readme.nope (see README.md)"),
        ("[readme]\nbadge = []", "unknown key readme.badge (see README.md)"),
        ("[sections.basic]\nfoo = 1", "unknown key sections.basic.foo"),
    ],
)
def test_unknown_key_is_named(text: str, message: str) -> None:
    assert _error(text) == f"{PATH}: error: {message}"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('compat = "yes"', "compat must be a bool, not str"),
        ("templates = 1", "templates must be a str, not int"),
        ("repository = 3", "repository must be a dict, not int"),
        ('readme = "x"', "readme must be a dict, not str"),
        ("sections = 3", "sections must be a dict, not int"),
        ("[repository]\nowner = 1", "repository.owner must be a str, not int"),
        ("[repository]\nname = true", "repository.name must be a str, not bool"),
        ("[repository]\nbranch = []", "repository.branch must be a str, not list"),
        ('[readme]\nofficial = "no"', "readme.official must be a bool, not str"),
        ('[readme]\nbadges = "ci"', "readme.badges must be a list, not str"),
        ("[readme]\nbanner = 1", "readme.banner must be a str, not int"),
        ("[readme]\ndokku_version = 0.19", "readme.dokku_version must be a str, not float"),
        ("[readme]\ndocker_version = 1", "readme.docker_version must be a str, not int"),
        ("[sections]\nbasic = 1", "sections.basic must be a dict, not int"),
        ("[sections.basic]\ntitle = 3", "sections.basic.title must be a str, not int"),
        ("[sections.basic]\nintro = []", "sections.basic.intro must be a str, not list"),
        ('[sections.basic]\ncommands = "x"', "sections.basic.commands must be a list, not str"),
        ('[sections.basic]\nadd = "x"', "sections.basic.add must be a list, not str"),
    ],
)
def test_wrong_type(text: str, message: str) -> None:
    assert _error(text) == f"{PATH}: error: {message} (see README.md, Customising the README)"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[readme]\nbadges = [1]", "readme.badges must be a list of strings"),
        ("[sections.basic]\ncommands = [1]", "sections.basic.commands must be a list of strings"),
        ("[sections.basic]\nadd = [true]", "sections.basic.add must be a list of strings"),
        ('[readme]\nbadges = ["ci", "x"]', "readme.badges: unknown badge x (choose from ci, irc)"),
        ('[sections.notes]\nafter = "nosuch"', "sections.notes.after names no section: nosuch"),
    ],
)
def test_invalid_value(text: str, message: str) -> None:
    assert _error(text) == f"{PATH}: error: {message}"


def test_invalid_toml() -> None:
    assert _error("x = [") == f"{PATH}:1: error: is not valid TOML: Invalid value"


def test_remove_must_be_a_bool() -> None:
    assert _error('[sections.data]\nremove = "false"') == (
        f"{PATH}: error: sections.data.remove must be a bool, not str (see README.md, Customising the README)"
    )


# --- sections -----------------------------------------------------------------------------


def test_sections_add_appends_commands() -> None:
    settings = _parse('[sections.basic]\nadd = ["destroy", "ca-import"]')
    assert settings.sections[0] == Section(
        "basic",
        "Basic Usage",
        "",
        ("create", "info", "list", "logs", "link", "unlink", "set", "destroy", "ca-import"),
    )
    assert [s.key for s in settings.sections] == DEFAULT_KEYS


def test_sections_commands_replace_then_add() -> None:
    settings = _parse('[sections.basic]\ncommands = ["create", "list"]\nadd = ["destroy"]')
    assert settings.sections[0].commands == ("create", "list", "destroy")


def test_sections_title_and_intro_change_in_place() -> None:
    settings = _parse('[sections.data]\ntitle = "Data"\nintro = "Move data:"')
    assert settings.sections[3] == Section("data", "Data", "Move data:", ("import", "export"))
    assert [s.key for s in settings.sections] == DEFAULT_KEYS


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("[sections.data]\nremove = true", ["basic", "lifecycle", "automation", "backups"]),
        ("[sections.data]\nremove = false", DEFAULT_KEYS),
        ("[sections.nosuch]\nremove = true", DEFAULT_KEYS),
        (
            '[sections.backups]\nafter = "basic"',
            ["basic", "backups", "lifecycle", "automation", "data"],
        ),
        (
            '[sections.basic]\nafter = "backups"',
            ["lifecycle", "automation", "data", "backups", "basic"],
        ),
        ('[sections.extra]\ncommands = ["a"]', [*DEFAULT_KEYS, "extra"]),
        (
            '[sections.notes]\nafter = "basic"',
            ["basic", "notes", "lifecycle", "automation", "data", "backups"],
        ),
        (
            "[sections.lifecycle]\nremove = true\n[sections.automation]\nremove = true\n"
            "[sections.data]\nremove = true\n[sections.backups]\nremove = true",
            ["basic"],
        ),
        # tables apply in file order: "after" may name a section added above it
        (
            '[sections.one]\nafter = "basic"\n[sections.two]\nafter = "one"',
            ["basic", "one", "two", "lifecycle", "automation", "data", "backups"],
        ),
    ],
)
def test_sections_order(text: str, keys: list[str]) -> None:
    assert [s.key for s in _parse(text).sections] == keys


def test_new_section_defaults() -> None:
    settings = _parse('[sections.ca-certs]\nadd = ["ca-import"]')
    assert settings.sections[-1] == Section("ca-certs", "Ca-Certs", "", ("ca-import",))


def test_new_prose_section() -> None:
    settings = _parse('[sections.notes]\ntitle = "Notes"\nintro = "Some notes."\nafter = "basic"')
    assert settings.sections[1] == Section("notes", "Notes", "Some notes.", ())


def test_moved_section_keeps_its_content() -> None:
    settings = _parse('[sections.data]\nafter = "basic"\nadd = ["clone"]')
    assert settings.sections[1] == Section(
        "data",
        "Data Management",
        "The underlying service data can be imported and exported with the following commands:",
        ("import", "export", "clone"),
    )


def test_templates_are_relative_to_the_root() -> None:
    assert parse_settings('templates = "t"', PATH, Path("/a/b")).templates == Path("/a/b/t")
