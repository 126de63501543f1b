"""The one way out: every outbound HTTP request (webhooks, link checks, imports by URL) goes
through `fetch`, which refuses what could reach inside the network.

    from factcheck import outbound
    config = outbound.OutboundConfig.from_app(app.config)   # or OutboundConfig(...)
    response = outbound.fetch(session, "https://example.org/", config=config)
    response.final_url, response.status, response.headers, response.content, response.redirects

- `check_url(url, config=...)` -> the addresses it would connect to; raises `Refused` (a
  ValueError: scheme, host, or an address in a refused range, with `reason`). Use it to
  validate a URL when it is stored (a webhook's is answered 422).
- `fetch(session, url, *, config, method="GET", headers=None, data=None, max_bytes=None,
  max_redirects=None, truncate=False) -> Fetched`: http and https only; the host's
  resolved addresses checked (every one; any refused refuses the URL); the connection made
  to the address that was checked (DNS cannot change in between), with the Host header,
  TLS SNI and certificate verification still for the host name; redirects followed by hand
  (301/302/303 turn a POST into a GET), each one checked again, at most `max_redirects`
  (0: a 3xx is returned as it is); connect and read timeouts and an overall deadline
  (checked between reads, so a fetch ends at most one read timeout past it); the
  body streamed and stopped past `max_bytes` (`TooLarge`, or with `truncate=True` the first
  `max_bytes` and `truncated=True`); a User-Agent naming the service.
- Errors: `Refused` (not allowed), `TooLarge`, `FetchError` (their base: timeouts,
  connection failures, too many redirects, the deadline). All carry a readable message.
- The session passed in keeps its cookies and default headers; its proxies and environment
  are not used (a proxy would connect to a name, not the checked address). Its transport
  for these requests is an adapter kept on the session under PINNED_PREFIX (closed with it).

Private, loopback, link-local and documentation addresses are allowed only with
`allow_private` (FACTCHECK_ALLOW_PRIVATE_URLS=1, for tests against 127.0.0.1); cloud
metadata, multicast, unspecified and reserved addresses never are.
"""

import ipaddress
import socket
import time
from dataclasses import dataclass, field, replace
from urllib.parse import urljoin, urlsplit

import requests
import urllib3
from requests.adapters import HTTPAdapter
from requests.structures import CaseInsensitiveDict

USER_AGENT = "factcheck/0.1 (claim fact-checking service; outbound request)"
PINNED_PREFIX = "factcheck-pinned://"
REDIRECTS = (301, 302, 303, 307, 308)
CHUNK = 16 * 1024

# (network, reason, refused even with allow_private). Checked in order; the first match names
# the reason. Written out rather than left to ipaddress.is_global, whose lists change between
# Python versions; is_global is still consulted last as a net for anything missed here.
_V4 = [
    ("169.254.169.254/32", "cloud metadata", True),
    ("100.100.100.200/32", "cloud metadata", True),  # Alibaba Cloud
    ("192.0.0.192/32", "cloud metadata", True),  # Oracle Cloud
    ("0.0.0.0/8", "unspecified", True),
    ("224.0.0.0/4", "multicast", True),
    ("255.255.255.255/32", "broadcast", True),
    ("240.0.0.0/4", "reserved", True),
    ("127.0.0.0/8", "loopback", False),
    ("10.0.0.0/8", "private", False),
    ("172.16.0.0/12", "private", False),
    ("192.168.0.0/16", "private", False),
    ("100.64.0.0/10", "shared address space (carrier-grade NAT)", False),
    ("169.254.0.0/16", "link-local", False),
    ("192.0.0.0/24", "IETF protocol assignments", False),
    ("192.0.2.0/24", "documentation", False),
    ("198.51.100.0/24", "documentation", False),
    ("203.0.113.0/24", "documentation", False),
    ("198.18.0.0/15", "benchmarking", False),
    ("192.88.99.0/24", "6to4 relay", False),
]
_V6 = [
    ("fd00:ec2::254/128", "cloud metadata", True),  # AWS over IPv6
    ("::/128", "unspecified", True),
    ("ff00::/8", "multicast", True),
    ("::1/128", "loopback", False),
    ("::/96", "IPv4-compatible (deprecated)", True),
    ("64:ff9b:1::/48", "local NAT64", False),
    ("100::/64", "discard", True),
    ("2001::/32", "Teredo", True),
    ("2001:db8::/32", "documentation", False),
    ("3fff::/20", "documentation", False),
    ("fc00::/7", "private (unique local)", False),
    ("fe80::/10", "link-local", False),
    ("fec0::/10", "site-local (deprecated)", False),
]
BLOCKED = [(ipaddress.ip_network(net), reason, always) for net, reason, always in _V4 + _V6]
NAT64 = ipaddress.ip_network("64:ff9b::/96")


class FetchError(Exception):
    """The request could not be made or finished: timeout, connection, redirects, deadline."""


class Refused(FetchError, ValueError):
    """The URL may not be fetched: its scheme, its host, or an address it resolves to."""

    def __init__(self, message, reason=None):
        super().__init__(message)
        self.reason = reason or message


class TooLarge(FetchError):
    """The response body is larger than the cap."""


@dataclass(frozen=True)
class OutboundConfig:
    allow_private: bool = False
    connect_timeout: float = 5.0
    read_timeout: float = 10.0
    deadline: float = 30.0  # seconds for the whole fetch, redirects and body included
    max_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 5
    user_agent: str = USER_AGENT

    @classmethod
    def from_app(cls, config):
        """From the app's configuration (FACTCHECK_ALLOW_PRIVATE_URLS, FACTCHECK_OUTBOUND_*)."""
        return cls(
            allow_private=config["ALLOW_PRIVATE_URLS"],
            connect_timeout=config["OUTBOUND_CONNECT_TIMEOUT"],
            read_timeout=config["OUTBOUND_READ_TIMEOUT"],
            deadline=config["OUTBOUND_DEADLINE"],
            max_bytes=config["OUTBOUND_MAX_BYTES"],
            max_redirects=config["OUTBOUND_MAX_REDIRECTS"],
        )

    @classmethod
    def for_job(cls, config, timeout, user_agent):
        """From the app's configuration, for a job whose every request (a webhook delivery,
        a link check) must end within `timeout` seconds, under its own User-Agent."""
        base = cls.from_app(config)
        return replace(
            base,
            connect_timeout=min(base.connect_timeout, timeout),
            read_timeout=timeout,
            deadline=timeout,
            user_agent=user_agent,
        )


@dataclass
class Fetched:
    url: str  # as asked
    final_url: str  # after redirects
    status: int
    headers: CaseInsensitiveDict
    content: bytes
    redirects: list = field(default_factory=list)  # [(status, location it pointed to)]
    truncated: bool = False
    elapsed: float = 0.0  # seconds

    @property
    def ok(self):
        return 200 <= self.status < 300

    @property
    def text(self):
        return self.content.decode(_charset(self.headers), errors="replace")


def _charset(headers):
    for part in headers.get("Content-Type", "").split(";")[1:]:
        name, _, value = part.strip().partition("=")
        if name.lower() == "charset" and value:
            return value.strip('"')
    return "utf-8"


def _embedded_ipv4(address):
    """The IPv4 address an IPv6 one carries (mapped, 6to4, NAT64), or None."""
    if address.ipv4_mapped:
        return address.ipv4_mapped
    if address.sixtofour:
        return address.sixtofour
    if address in NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def address_refusal(address, *, allow_private=False):
    """Why this address may not be reached (a reason string), or None if it may."""
    address = ipaddress.ip_address(address)
    inner = _embedded_ipv4(address) if address.version == 6 else None
    if inner is not None and (reason := address_refusal(inner, allow_private=allow_private)):
        return f"{reason} (inside an IPv6 address)"
    for network, reason, always in BLOCKED:
        if address.version == network.version and address in network:
            return reason if always or not allow_private else None
    if not address.is_global and not allow_private and inner is None:
        return "not a public address"
    return None


def _parts(url):
    try:
        parts = urlsplit(url)
    except ValueError as error:  # "http://[::1" and the like
        raise Refused(f"Not a valid URL: {error}.") from error
    if parts.scheme not in ("http", "https"):
        raise Refused(f"Only http and https URLs may be fetched, not {parts.scheme or 'none'}.")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as error:
        raise Refused(f"The URL's port is not valid: {error}.") from error
    if not parts.hostname:
        raise Refused("The URL names no host.")
    return parts, parts.hostname, port


def resolve(host, port):
    """Every address the host name resolves to (a literal address resolves to itself)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise FetchError(f"The host {host} could not be resolved: {error}.") from error
    # Drop an IPv6 zone ("fe80::1%eth0") before parsing; the address itself is what counts.
    return list(dict.fromkeys(info[4][0].split("%")[0] for info in infos))


def check_url(url, *, config):
    """The addresses `url`'s host resolves to, every one allowed; else Refused."""
    _, host, port = _parts(url)
    addresses = resolve(host, port)
    for address in addresses:
        reason = address_refusal(address, allow_private=config.allow_private)
        if reason:
            raise Refused(f"{host} resolves to {address}, a {reason} address.", reason)
    return addresses


class PinnedAdapter(HTTPAdapter):
    """Connects to the address fetch checked (request.pinned_address), not to whatever the
    name resolves to now, while TLS still sends and verifies the host name."""

    def build_connection_pool_key_attributes(self, request, verify, cert=None):
        host_params, pool_kwargs = super().build_connection_pool_key_attributes(
            request, verify, cert
        )
        pinned = getattr(request, "pinned_address", None)
        if pinned is None:
            raise Refused("An outbound request must go through factcheck.outbound.fetch.")
        hostname = host_params["host"]
        host_params["host"] = pinned
        if host_params["scheme"] == "https":
            pool_kwargs["server_hostname"] = hostname
            pool_kwargs["assert_hostname"] = hostname
        return host_params, pool_kwargs


def _adapter(session):
    adapter = session.adapters.get(PINNED_PREFIX)
    if adapter is None:
        adapter = PinnedAdapter(max_retries=0)
        session.mount(PINNED_PREFIX, adapter)
    return adapter


def _prepare(session, method, url, headers, data, config):
    _parts(url)
    try:
        prepared = session.prepare_request(requests.Request(method, url, headers, data=data))
    except (requests.RequestException, ValueError) as error:
        raise Refused(f"Not a valid URL: {error}.") from error
    parts, _, _ = _parts(prepared.url)
    prepared.pinned_address = check_url(prepared.url, config=config)[0]
    prepared.headers["Host"] = parts.netloc.rpartition("@")[2]
    prepared.headers.setdefault("User-Agent", config.user_agent)
    if prepared.headers["User-Agent"].startswith("python-requests"):
        prepared.headers["User-Agent"] = config.user_agent
    return prepared


def _remaining(started, config):
    left = config.deadline - (time.monotonic() - started)
    if left <= 0:
        raise FetchError(f"No answer within the deadline of {config.deadline:g} s.")
    return left


def _send(session, prepared, started, config):
    left = _remaining(started, config)
    timeout = (min(config.connect_timeout, left), min(config.read_timeout, left))
    try:
        return _adapter(session).send(
            prepared, stream=True, timeout=timeout, verify=session.verify, cert=session.cert
        )
    except requests.Timeout as error:
        raise FetchError(f"Timed out: {error}.") from error
    except requests.RequestException as error:
        raise FetchError(f"The request failed: {error}.") from error


def _read(response, limit, truncate, started, config):
    """The body, at most `limit` bytes: TooLarge past it (or cut, with truncate)."""
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > limit and not truncate:
        raise TooLarge(f"The response is {declared} bytes, over the limit of {limit}.")
    body = bytearray()
    try:
        # read1 returns whatever one receive brought: a server dripping a byte at a time
        # is caught by the deadline (checked after each), not held to the end of a chunk.
        while chunk := response.raw.read1(CHUNK, decode_content=True):
            body += chunk
            if len(body) > limit:
                if truncate:
                    return bytes(body[:limit]), True
                raise TooLarge(f"The response is over the limit of {limit} bytes.")
            _remaining(started, config)
    except (urllib3.exceptions.HTTPError, OSError) as error:
        raise FetchError(f"Reading the response failed: {error}.") from error
    return bytes(body), False


def _join(base, location):
    try:
        return urljoin(base, location)
    except ValueError as error:
        raise Refused(f"The redirect's Location is not a valid URL: {error}.") from error


def _for_next_host(headers, previous, following):
    """Credentials are for the host they were sent to: not passed on to another."""
    if urlsplit(previous).netloc == urlsplit(following).netloc:
        return headers
    private = {"authorization", "cookie", "proxy-authorization"}
    return {name: value for name, value in (headers or {}).items() if name.lower() not in private}


def _next_request(method, status, data):
    """The method and body a redirect is followed with."""
    if status == 303 or (status in (301, 302) and method == "POST"):
        return ("HEAD" if method == "HEAD" else "GET"), None
    return method, data


def fetch(
    session,
    url,
    *,
    config,
    method="GET",
    headers=None,
    data=None,
    max_bytes=None,
    max_redirects=None,
    truncate=False,
):
    """Make the request through the guard; see the module's docstring."""
    started = time.monotonic()
    limit = config.max_bytes if max_bytes is None else max_bytes
    hops = config.max_redirects if max_redirects is None else max_redirects
    redirects, current = [], url
    while True:
        prepared = _prepare(session, method, current, headers, data, config)
        response = _send(session, prepared, started, config)
        with response:
            location = response.headers.get("Location")
            if response.status_code in REDIRECTS and location and hops > 0:
                if len(redirects) >= hops:
                    raise FetchError(f"More than {hops} redirects.")
                current = _join(prepared.url, location)
                redirects.append((response.status_code, current))
                headers = _for_next_host(headers, prepared.url, current)
                method, data = _next_request(method, response.status_code, data)
                continue
            body, cut = (b"", False) if method == "HEAD" else (None, None)
            if body is None:
                body, cut = _read(response, limit, truncate, started, config)
            return Fetched(
                url=url,
                final_url=prepared.url,
                status=response.status_code,
                headers=CaseInsensitiveDict(response.headers),
                content=body,
                redirects=redirects,
                truncated=cut,
                elapsed=time.monotonic() - started,
            )
