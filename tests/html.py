"""A small HTML tree for tests, built with the standard library's parser: find elements by
tag and attributes, read their text. Enough to check what a page shows without a browser."""

from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


@dataclass
class Element:
    tag: str
    attrs: dict
    children: list = field(default_factory=list)  # Elements and strings

    def __getitem__(self, name):
        return self.attrs[name]

    def find_all(self, tag=None, **attrs):
        """Every descendant with this tag (any, if None) and these attribute values
        (class_ matches one of the element's classes)."""
        found = []
        for child in self.children:
            if isinstance(child, Element):
                if child._matches(tag, attrs):
                    found.append(child)
                found += child.find_all(tag, **attrs)
        return found

    def find(self, tag=None, **attrs):
        found = self.find_all(tag, **attrs)
        assert found, f"no <{tag}> with {attrs}"
        return found[0]

    def _matches(self, tag, attrs):
        if tag is not None and self.tag != tag:
            return False
        for name, value in attrs.items():
            if name == "class_":
                if value not in (self.attrs.get("class") or "").split():
                    return False
            elif self.attrs.get(name.replace("_", "-")) != value:
                return False
        return True

    @property
    def text(self):
        """The text inside, with runs of white space made one space."""
        parts = [c if isinstance(c, str) else c.text for c in self.children]
        return " ".join("".join(parts).split())

    @property
    def raw_text(self):
        """The text inside exactly (for <script> data blocks)."""
        return "".join(c if isinstance(c, str) else c.raw_text for c in self.children)


class _Builder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        element = Element(tag, dict(attrs))
        self.stack[-1].children.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_endtag(self, tag):
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def parse(markup):
    builder = _Builder()
    builder.feed(markup)
    builder.close()
    return builder.root
