"""The HTML preview in a real browser: headless Chromium loads the preview of a plugin whose
files try to run scripts, and dumps the DOM after the page has loaded.

* No injected script ran: each one would mark <body> with ``data-pwned-<vector>``.
* The same page without the sanitiser does run them (so the check can fail).
* The stylesheet applies: the page does not scroll sideways; the wide Commands block
  scrolls on its own; the text is sans-serif.

Skipped, with the reason, where Chromium is not installed (.ci/run installs Debian's).
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from docgen.cli import main
from tests.plugin_factory import SAMPLE

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=800,600",
    "--virtual-time-budget=3000",
)


def _mark(vector: str) -> str:
    return f"document.body.setAttribute('data-pwned-{vector}','1')"


VECTORS = {
    "script": f"<script>{_mark('script')}</script>",
    "onerror": f'<img src="no-such-image.png" onerror="{_mark("onerror")}">',
    "ontoggle": f'<details open ontoggle="{_mark("ontoggle")}"><summary>s</summary>x</details>',
    "svg": f"<svg><script>{_mark('svg')}</script></svg>",
    "iframe": f'<iframe srcdoc="<script>parent.{_mark("iframe")}</script>"></iframe>',
}
# The harness, not the plugin: appended to the page after rendering, it measures the layout.
MEASURE = """<script>
window.addEventListener('load', () => {
  const root = document.documentElement, pre = document.querySelector('pre');
  document.body.setAttribute('data-measured', JSON.stringify({
    pageScrollsSideways: root.scrollWidth > root.clientWidth,
    preOverflow: getComputedStyle(pre).overflowX,
    preScrollsSideways: pre.scrollWidth > pre.clientWidth,
    font: getComputedStyle(document.body).fontFamily,
    title: document.title,
  }));
});
</script>"""


def _browser() -> str:
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("Chromium is not installed (apt-get install chromium; .ci/run installs it)")


def _plugin(tmp_path: Path) -> Path:
    """The sample plugin, with script attempts in a docs/ fragment and a description."""
    root = Path(shutil.copytree(SAMPLE, tmp_path / "plugin"))
    fragment = root / "docs" / "create.md"
    attempts = "\n\n".join(VECTORS.values())
    fragment.write_text(f"{fragment.read_text(encoding='utf-8')}\n{attempts}\n", encoding="utf-8")
    info = root / "subcommands" / "info"
    # single-quoted, as inline HTML in a heading must be; dataset.pwnedHeading is data-pwned-heading
    desc = "declare desc=\"print information <img src=x onerror='document.body.dataset.pwnedHeading=1'>\""
    text = info.read_text(encoding="utf-8")
    info.write_text(re.sub(r'declare desc="[^"]*"', desc, text, count=1), encoding="utf-8")
    return root


def _dom(browser: str, page: Path, profile: Path) -> str:
    profile.mkdir()
    done = subprocess.run(
        [browser, *FLAGS, f"--user-data-dir={profile}", "--dump-dom", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0 and "<body" in done.stdout, done.stderr[-2000:]
    return done.stdout


def _body(dom: str) -> str:
    body = re.search(r"<body[^>]*>", dom)
    assert body is not None, dom[:500]
    return body.group()


def _measured(dom: str) -> dict[str, Any]:
    found = re.search(r'data-measured="([^"]*)"', _body(dom))
    assert found is not None, _body(dom)
    measured: dict[str, Any] = json.loads(html.unescape(found.group(1)))
    return measured


def _preview(root: Path, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["--format", "html", str(root)]) == 0
    return capsys.readouterr().out


def _with_harness(text: str) -> str:
    return text.replace("</body>", f"{MEASURE}</body>")


def test_preview_runs_no_plugin_script(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    browser = _browser()
    root = _plugin(tmp_path)
    page = tmp_path / "preview.html"
    page.write_text(_with_harness(_preview(root, capsys)), encoding="utf-8")
    dom = _dom(browser, page, tmp_path / "profile")
    assert "data-pwned" not in _body(dom)
    measured = _measured(dom)
    assert measured == {
        "pageScrollsSideways": False,
        "preOverflow": "auto",
        "preScrollsSideways": True,  # the Commands block is wider than the column
        "font": measured["font"],
        "title": "dokku meilisearch",
    }
    assert measured["font"].endswith("sans-serif"), measured["font"]

    # The control: without the sanitiser the same page runs every attempt.
    monkeypatch.setattr("docgen.render.sanitize.sanitise", lambda fragment: fragment)
    control = tmp_path / "unsanitised.html"
    control.write_text(_with_harness(_preview(root, capsys)), encoding="utf-8")
    marks = re.findall(r"data-pwned-([a-z]+)", _body(_dom(browser, control, tmp_path / "p2")))
    assert sorted(marks) == sorted([*VECTORS, "heading"])
