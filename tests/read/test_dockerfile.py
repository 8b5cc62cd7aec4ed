"""docgen.readers.dockerfile: the image of the last FROM instruction."""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.errors import DocgenError
from docgen.read.dockerfile import parse_dockerfile, read_dockerfile
from docgen.read.records import ImageSource

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
    ],
)
def test_parse_dockerfile(text: str, expected: tuple[int, str, str, str, str, str]) -> None:
    assert parse_dockerfile(text, PATH) == ImageSource(PATH, *expected)


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
def test_parse_dockerfile_errors(text: str, message: str) -> None:
    with pytest.raises(DocgenError) as raised:
        parse_dockerfile(text, PATH)
    assert str(raised.value) == message


def test_read_dockerfile(tmp_path: Path) -> None:
    (tmp_path / "Dockerfile").write_text("FROM postgres:18.0\n", encoding="utf-8")
    assert read_dockerfile(tmp_path) == ImageSource(
        str(tmp_path / "Dockerfile"), 1, "postgres:18.0", "", "postgres", "18.0", ""
    )


def test_read_dockerfile_without_from_names_the_path(tmp_path: Path) -> None:
    (tmp_path / "Dockerfile").write_text("RUN true\n", encoding="utf-8")
    with pytest.raises(DocgenError) as raised:
        read_dockerfile(tmp_path)
    assert raised.value.path == str(tmp_path / "Dockerfile")
    assert str(raised.value).startswith(f"{tmp_path / 'Dockerfile'}: error: no FROM instruction")


def test_read_dockerfile_missing(tmp_path: Path) -> None:
    with pytest.raises(DocgenError) as raised:
        read_dockerfile(tmp_path)
    assert str(raised.value) == (
        f"{tmp_path / 'Dockerfile'}: error: missing Dockerfile (a Dokku datastore plugin needs a Dockerfile)"
    )
