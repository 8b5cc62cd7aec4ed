"""docgen.read.dockerfile: the image as Docker reads the Dockerfile, and as bin/generate
reads it (A17)."""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.errors import DocgenError
from docgen.read.dockerfile import docker_reading, parse_dockerfile, read_dockerfile, script_reading
from docgen.read.records import DockerfileSource, ImageSource, ScriptImage

PATH = "plug/Dockerfile"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # (line, reference, registry, repository, tag, digest)
        ("FROM postgres:18.0\n", (1, "postgres:18.0", "", "postgres", "18.0", "")),
        ("FROM postgres\n", (1, "postgres", "", "postgres", "", "")),
        (
            "FROM postgres@sha256:abc\n",
            (1, "postgres@sha256:abc", "", "postgres", "", "sha256:abc"),
        ),
        (
            "FROM postgres:18@sha256:abc\n",
            (1, "postgres:18@sha256:abc", "", "postgres", "18", "sha256:abc"),
        ),
        (
            "FROM clickhouse/clickhouse-server:26.5.1.882\n",
            (
                1,
                "clickhouse/clickhouse-server:26.5.1.882",
                "",
                "clickhouse/clickhouse-server",
                "26.5.1.882",
                "",
            ),
        ),
        (
            "FROM registry.example.com:5000/team/db:1.0\n",
            (
                1,
                "registry.example.com:5000/team/db:1.0",
                "registry.example.com:5000",
                "team/db",
                "1.0",
                "",
            ),
        ),
        ("FROM localhost:5000/db\n", (1, "localhost:5000/db", "localhost:5000", "db", "", "")),
        ("FROM localhost/db:2\n", (1, "localhost/db:2", "localhost", "db", "2", "")),
        (
            "FROM ghcr.io/owner/image:v1\n",
            (1, "ghcr.io/owner/image:v1", "ghcr.io", "owner/image", "v1", ""),
        ),
        (
            "FROM clickhouse/clickhouse-server:26.5.1.882 AS base\n",
            (
                1,
                "clickhouse/clickhouse-server:26.5.1.882",
                "",
                "clickhouse/clickhouse-server",
                "26.5.1.882",
                "",
            ),
        ),
        ("FROM --platform=linux/amd64 mongo:7\n", (1, "mongo:7", "", "mongo", "7", "")),
        ("ARG VERSION=1.2\nFROM redis:${VERSION}\n", (2, "redis:1.2", "", "redis", "1.2", "")),
        ('ARG V="3"\nFROM redis:$V\n', (2, "redis:3", "", "redis", "3", "")),
        (
            "ARG IMAGE=valkey/valkey\nFROM $IMAGE:8\n",
            (2, "valkey/valkey:8", "", "valkey/valkey", "8", ""),
        ),
        ("FROM redis:${NOPE:-7}\n", (1, "redis:7", "", "redis", "7", "")),
        ("from lower:9\n", (1, "lower:9", "", "lower", "9", "")),
        ("  FROM indented:1\n", (1, "indented:1", "", "indented", "1", "")),
        ("FROM crlf:1\r\n", (1, "crlf:1", "", "crlf", "1", "")),
        # the last FROM wins
        ("FROM a:1\nFROM b:2\n", (2, "b:2", "", "b", "2", "")),
        # lines merely containing "FROM " are not instructions
        ("FROM a:1\n# FROM b:2 in a comment\nRUN echo FROM c:3\n", (1, "a:1", "", "a", "1", "")),
        ("# FROM b:2\nFROM a:1\n", (2, "a:1", "", "a", "1", "")),
        # nor are continuation lines
        ("FROM a:1\nRUN echo \\\n    from b:2\n", (1, "a:1", "", "a", "1", "")),
    ],
)
def test_docker_reading(text: str, expected: tuple[int, str, str, str, str, str]) -> None:
    assert docker_reading(text, PATH) == ImageSource(PATH, *expected)


STOP_NO_LINE = 'no line contains "FROM " (FROM and a space)'


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("FROM postgres:18.0\n", ScriptImage(1, "postgres", "18.0")),
        ("FROM a:1 AS b\n", ScriptImage(1, "a", "1")),
        # the second space-separated word of any line containing "FROM ", the last one wins
        ("FROM a:1\n#FROM old/image:0.1\n", ScriptImage(2, "old/image", "0.1")),
        ('LABEL note:x="copied FROM upstream"\n', ScriptImage(1, "note", 'x="copied')),
        ("FROM a:1\nXFROM other/img:2\n", ScriptImage(2, "other/img", "2")),
        # one colon: digests, registry ports and @ in tags are not told apart
        ("FROM postgres@sha256:abcdef\n", ScriptImage(1, "postgres@sha256", "abcdef")),
        ("FROM registry:5000/db\n", ScriptImage(1, "registry", "5000/db")),
        ("FROM mini/server:1.2@build7\n", ScriptImage(1, "mini/server", "1.2@build7")),
        ("FROM mini/server:\n", ScriptImage(1, "mini/server", "")),
        ("FROM :1.0\n", ScriptImage(1, "", "1.0")),
        # no ARG expansion
        ("ARG V=9\nFROM mini/server:${V}\n", ScriptImage(2, "mini/server", "${V}")),
        # only FROM in capitals
        ("FROM a:1\nfrom b:2\n", ScriptImage(1, "a", "1")),
        # where the script stops
        ("FROM mini/server\n", (1, "'mini/server' does not split into image:tag at one colon")),
        ("FROM a:1@sha256:x\n", (1, "'a:1@sha256:x' does not split into image:tag at one colon")),
        ("# FROM a:1\n", (1, "'FROM' does not split into image:tag at one colon")),
        ("  FROM a:1\n", (1, "'' does not split into image:tag at one colon")),
        ("FROM\ta:1\n", (None, STOP_NO_LINE)),
        ("", (None, STOP_NO_LINE)),
        # it stops at the first line that does not split, even before a good one
        ("FROM x\nFROM a:1\n", (1, "'x' does not split into image:tag at one colon")),
    ],
)
def test_script_reading(text: str, expected: ScriptImage | tuple[int | None, str]) -> None:
    image, stop = script_reading(text)
    if isinstance(expected, ScriptImage):
        assert (image, stop) == (expected, (None, ""))
    else:
        assert (image, stop) == (None, expected)


def test_parse_dockerfile_keeps_both_readings() -> None:
    source = parse_dockerfile("\ufeffARG V=2\nFROM redis:${V}\n", PATH)
    assert source == DockerfileSource(
        PATH,
        ImageSource(PATH, 2, "redis:2", "", "redis", "2", ""),
        None,
        ScriptImage(2, "redis", "${V}"),
        (None, ""),
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "RUN x\n",
            "plug/Dockerfile: error: no FROM instruction (the Dockerfile's FROM names the plugin's default image)",
        ),
        (
            "",
            "plug/Dockerfile: error: no FROM instruction (the Dockerfile's FROM names the plugin's default image)",
        ),
        (
            "# FROM a:1\n",
            "plug/Dockerfile: error: no FROM instruction (the Dockerfile's FROM names the plugin's default image)",
        ),
        (
            "FROM --platform=linux/amd64\n",
            "plug/Dockerfile:1: error: FROM has no image (write FROM image:tag)",
        ),
        (
            "\nFROM :tag\n",
            "plug/Dockerfile:2: error: cannot read an image name in FROM :tag (write FROM image:tag)",
        ),
    ],
)
def test_docker_reading_errors(text: str, message: str) -> None:
    with pytest.raises(DocgenError) as raised:
        docker_reading(text, PATH)
    assert str(raised.value) == message
    source = parse_dockerfile(text, PATH)  # kept: raised only where the image is needed
    assert (source.image, str(source.problem)) == (None, message)


def test_read_dockerfile(tmp_path: Path) -> None:
    (tmp_path / "Dockerfile").write_text("FROM postgres:18.0\n", encoding="utf-8")
    assert read_dockerfile(tmp_path).image == ImageSource(
        str(tmp_path / "Dockerfile"), 1, "postgres:18.0", "", "postgres", "18.0", ""
    )


def test_read_dockerfile_without_from_names_the_path(tmp_path: Path) -> None:
    (tmp_path / "Dockerfile").write_text("RUN true\n", encoding="utf-8")
    problem = read_dockerfile(tmp_path).problem
    assert str(problem) == (
        f"{tmp_path / 'Dockerfile'}: error: no FROM instruction "
        "(the Dockerfile's FROM names the plugin's default image)"
    )


def test_read_dockerfile_missing(tmp_path: Path) -> None:
    """Versions of bin/generate before 2021-02 read no Dockerfile: a missing one is an
    error only where the image is needed."""
    source = read_dockerfile(tmp_path)
    assert (source.image, source.script) == (None, None)
    assert str(source.problem) == (
        f"{tmp_path / 'Dockerfile'}: error: missing Dockerfile (a Dokku datastore plugin needs a Dockerfile)"
    )
