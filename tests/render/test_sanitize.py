"""docgen.render.sanitize: only allowed elements, attributes and URLs reach the preview."""

from __future__ import annotations

import pytest

from docgen.render.sanitize import safe_url, sanitise


@pytest.mark.parametrize(
    ("html", "clean"),
    [
        ("<p>text <b>bold</b> <em>em</em></p>", "<p>text <b>bold</b> <em>em</em></p>"),
        ("<script>alert(1)</script>after", "after"),
        ("<SCRIPT>alert(1)</SCRIPT>after", "after"),
        ("<style>body{display:none}</style>x", "x"),
        ('<img src="x" onerror="alert(1)">', '<img src="x">'),
        ("<img src=x onerror=alert(1)//>", '<img src="x">'),
        (
            '<details open ontoggle="alert(1)"><summary>s</summary></details>',
            '<details open=""><summary>s</summary></details>',
        ),
        ('<svg onload="alert(1)"><script>alert(2)</script>text</svg>after', "after"),
        ('<iframe src="javascript:alert(1)"></iframe>x', "x"),
        ('<a href="javascript:alert(1)">a</a>', "<a>a</a>"),
        ('<a href="JaVaScRiPt:alert(1)">a</a>', "<a>a</a>"),
        ('<a href="jav&#x61;script:alert(1)">a</a>', "<a>a</a>"),
        ('<a href="java\tscript:alert(1)">a</a>', "<a>a</a>"),
        ('<a href=" javascript:alert(1)">a</a>', "<a>a</a>"),
        ('<a href="vbscript:x">a</a>', "<a>a</a>"),
        ('<a href="data:text/html,<script>alert(1)</script>">a</a>', "<a>a</a>"),
        ('<img src="data:image/svg+xml,<svg onload=alert(1)>">', "<img>"),
        (
            '<a href="https://dokku.com" onclick="x()">d</a>',
            '<a href="https://dokku.com" rel="nofollow">d</a>',
        ),
        (
            '<a href="#section">s</a> <a href="mailto:a@b.c">m</a>',
            '<a href="#section" rel="nofollow">s</a> <a href="mailto:a@b.c" rel="nofollow">m</a>',
        ),
        ('<div style="position:fixed" class="x" id="y">d</div>', "<div>d</div>"),
        ('<code class="language-shell">x</code>', '<code class="language-shell">x</code>'),
        ('<code class="evil x">x</code>', "<code>x</code>"),
        ('<td colspan="2" align="left">c</td>', '<td colspan="2" align="left">c</td>'),
        ("<form action=x><input value=y><button>b</button></form>", "b"),
        ("<!-- a comment -->x", "x"),
        ("a &lt;b&gt; &amp; c", "a &lt;b&gt; &amp; c"),
        ('<img alt="&quot;><script>">', '<img alt="&quot;&gt;&lt;script&gt;">'),
        ("</p></div></main></body><b>x", "<b>x</b>"),
        ("<div><p>open", "<div><p>open</p></div>"),
        ("<br/><hr><wbr>", "<br><hr><wbr>"),
        ("<div/>", "<div></div>"),
    ],
)
def test_sanitise(html: str, clean: str) -> None:
    assert sanitise(html) == clean


@pytest.mark.parametrize(
    ("url", "attribute", "safe"),
    [
        ("https://x", "href", True),
        ("http://x", "src", True),
        ("mailto:a@b", "href", True),
        ("mailto:a@b", "src", False),
        ("relative/path.png", "src", True),
        ("#anchor", "href", True),
        ("javascript:x", "href", False),
        ("\x00javascript:x", "href", False),
        ("file:///etc/passwd", "src", False),
    ],
)
def test_safe_url(url: str, attribute: str, safe: bool) -> None:
    assert safe_url(url, attribute) is safe
