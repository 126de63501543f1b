"""URL normalisation: the key under which two addresses of the same web page compare equal.

A CMS asks for a story by the address it has, which may differ from the one stored in
ways that never change the page: http or https, the host's case, a default port, a
trailing slash, campaign tracking parameters, a fragment. The key drops all of those and
keeps the rest (path case and the order of the other parameters can matter to a site).
"""

import contextlib
import re
from urllib.parse import parse_qsl, urlencode, urlsplit

DEFAULT_PORTS = {"http": 80, "https": 443}
# Parameters that only say how the reader arrived (campaigns, ad clicks, newsletters).
TRACKING_PARAMETERS = frozenset(
    {
        "fbclid",
        "gclid",
        "gclsrc",
        "dclid",
        "gbraid",
        "wbraid",
        "msclkid",
        "yclid",
        "twclid",
        "ttclid",
        "igshid",
        "mc_cid",
        "mc_eid",
        "_hsenc",
        "_hsmi",
        "mkt_tok",
        "_ga",
        "_gl",
    }
)
TRACKING_PREFIXES = ("utm_",)
PERCENT_ESCAPE = re.compile(r"%[0-9a-fA-F]{2}")


def is_tracking(name):
    name = name.lower()
    return name in TRACKING_PARAMETERS or name.startswith(TRACKING_PREFIXES)


def _host(parts):
    host = (parts.hostname or "").rstrip(".")
    # Bücher.de and xn--bcher-kva.de alike; a name IDNA cannot encode stays as written.
    with contextlib.suppress(UnicodeError):
        host = host.encode("idna").decode("ascii")
    if ":" in host:
        host = f"[{host}]"  # an IPv6 address keeps its brackets
    port = parts.port
    if port is not None and port != DEFAULT_PORTS.get(parts.scheme.lower()):
        host = f"{host}:{port}"
    return host


def _query(query):
    kept = [
        (name, value)
        for name, value in parse_qsl(query, keep_blank_values=True)
        if not is_tracking(name)
    ]
    return urlencode(kept)


def url_key(url):
    """The normalised key of an absolute http(s) URL, such as `example.org/news/a?id=3`.

    Dropped: the scheme (http and https are the same page), user information, the port when
    it is the scheme's default, trailing slashes of the path, tracking parameters and the
    fragment. The host is lowercased (and IDNA-encoded); percent escapes are uppercased.
    """
    parts = urlsplit(url.strip())
    path = PERCENT_ESCAPE.sub(lambda escape: escape.group().upper(), parts.path).rstrip("/")
    query = _query(parts.query)
    return f"{_host(parts)}{path}{'?' + query if query else ''}"
