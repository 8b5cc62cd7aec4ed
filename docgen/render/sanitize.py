"""An allow-list HTML sanitiser for the preview, in the spirit of GitHub's.

The README holds text from the plugin (descriptions, examples, docs/ fragments), and
Markdown lets raw HTML through. GitHub renders a README's HTML through an allow-list, so
the preview does too: only the elements and attributes below survive, URLs keep only the
http, https and mailto schemes (or none), and the content of script-like elements goes.
Everything else of a dropped element (its text) stays, escaped. Every ``<`` of the result
comes from this module, and every attribute value is quoted and escaped, so no markup of
the input can reach the browser as it was written.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

ELEMENTS = frozenset(
    [
        "a",
        "abbr",
        "b",
        "blockquote",
        "br",
        "caption",
        "cite",
        "code",
        "dd",
        "del",
        "details",
        "dfn",
        "div",
        "dl",
        "dt",
        "em",
        "figcaption",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "i",
        "img",
        "ins",
        "kbd",
        "li",
        "mark",
        "ol",
        "p",
        "pre",
        "q",
        "rp",
        "rt",
        "ruby",
        "s",
        "samp",
        "small",
        "span",
        "strike",
        "strong",
        "sub",
        "summary",
        "sup",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "time",
        "tr",
        "tt",
        "ul",
        "var",
        "wbr",
    ]
)
VOID = frozenset({"br", "hr", "img", "wbr"})
# Elements dropped with everything in them: their content is code or a nested document.
DROPPED = frozenset(
    [
        "script",
        "style",
        "template",
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "applet",
        "noscript",
        "noembed",
        "noframes",
        "svg",
        "math",
        "title",
        "textarea",
        "select",
        "xmp",
        "plaintext",
    ]
)
ATTRIBUTES = frozenset(
    [
        "align",
        "alt",
        "title",
        "width",
        "height",
        "colspan",
        "rowspan",
        "dir",
        "lang",
        "start",
        "open",
        "datetime",
        "abbr",
        "headers",
        "scope",
        "valign",
    ]
)
URL_ATTRIBUTES = {"a": ("href",), "img": ("src",), "blockquote": ("cite",), "q": ("cite",)}
SCHEMES = {"href": ("http", "https", "mailto"), "src": ("http", "https"), "cite": ("http", "https")}
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_LANGUAGE = re.compile(r"^language-[\w+#.-]+$")
# Browsers ignore these characters anywhere in a URL: "java\tscript:" is "javascript:".
_IGNORED_IN_URL = re.compile(r"[\x00-\x20\x7f]")


def safe_url(url: str, attribute: str) -> bool:
    scheme = _SCHEME.match(_IGNORED_IN_URL.sub("", url))
    return scheme is None or scheme.group(1).lower() in SCHEMES[attribute]


def _attributes(tag: str, attrs: list[tuple[str, str | None]]) -> str:
    kept: list[str] = []
    for name, value in attrs:
        value = value or ""
        if name in URL_ATTRIBUTES.get(tag, ()):
            if not safe_url(value, name):
                continue
        elif name == "class" and tag == "code":
            if not _LANGUAGE.match(value):
                continue
        elif name not in ATTRIBUTES:
            continue
        kept.append(f' {name}="{html.escape(value, quote=True)}"')
    if tag == "a" and any(attribute.startswith(" href=") for attribute in kept):
        kept.append(' rel="nofollow"')
    return "".join(kept)


class _Sanitiser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.open: list[str] = []  # the allowed elements still open, innermost last
        self.dropping: list[str] = []  # the dropped elements we are inside

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in DROPPED:
            self.dropping.append(tag)
        if self.dropping or tag not in ELEMENTS:
            return
        self.out.append(f"<{tag}{_attributes(tag, attrs)}>")
        if tag not in VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.dropping or tag not in ELEMENTS:
            return
        self.out.append(f"<{tag}{_attributes(tag, attrs)}>")
        if tag not in VOID:
            self.out.append(f"</{tag}>")

    def handle_endtag(self, tag: str) -> None:
        if self.dropping:
            if tag == self.dropping[-1]:
                self.dropping.pop()
            return
        if tag not in self.open:
            return  # an end tag with no start: dropped, so it cannot close ours
        while self.open:
            last = self.open.pop()
            self.out.append(f"</{last}>")
            if last == tag:
                break

    def handle_data(self, data: str) -> None:
        if not self.dropping:
            self.out.append(html.escape(data, quote=False))

    def result(self) -> str:
        self.close()
        return "".join(self.out) + "".join(f"</{tag}>" for tag in reversed(self.open))


def sanitise(fragment: str) -> str:
    """``fragment`` (HTML) with only allowed elements, attributes and URLs left."""
    sanitiser = _Sanitiser()
    sanitiser.feed(fragment)
    return sanitiser.result()
