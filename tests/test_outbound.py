"""The outbound guard against real servers on 127.0.0.1: refused schemes, addresses, names
and redirects (nothing sent), the checked address being the one connected to, TLS still
verified for the name, size caps, timeouts and the deadline."""

import socket
import subprocess

import pytest
import requests

from factcheck import outbound
from factcheck.config import from_environment
from factcheck.outbound import FetchError, OutboundConfig, Refused, TooLarge
from tests.receiver import Receiver, Reply

PUBLIC = OutboundConfig()
LOCAL = OutboundConfig(allow_private=True, connect_timeout=2, read_timeout=1, deadline=10)


@pytest.fixture
def receiver():
    with Receiver() as server:
        yield server


@pytest.fixture
def session():
    with requests.Session() as http:
        yield http


@pytest.fixture
def resolve_to(monkeypatch):
    """resolve_to("name.test", "10.0.0.1", ...): the name resolves to these addresses, each
    lookup taking the next answer (the last repeats); returns the list of lookups."""
    real, lookups = socket.getaddrinfo, []

    def install(name, *answers):
        answers = list(answers)

        def fake(host, port, *args, **kwargs):
            if host != name:
                return real(host, port, *args, **kwargs)
            lookups.append(host)
            answer = answers.pop(0) if len(answers) > 1 else answers[0]
            return real(answer, port, *args, **kwargs)

        monkeypatch.setattr(socket, "getaddrinfo", fake)
        return lookups

    return install


# (address, reason): every refused range, IPv4 and IPv6, and IPv4 hidden inside IPv6.
REFUSED = [
    ("127.0.0.1", "loopback"),
    ("127.255.0.9", "loopback"),
    ("10.1.2.3", "private"),
    ("172.16.0.1", "private"),
    ("172.31.255.254", "private"),
    ("192.168.1.1", "private"),
    ("100.64.0.1", "carrier-grade NAT"),
    ("100.127.255.254", "carrier-grade NAT"),
    ("169.254.1.1", "link-local"),
    ("169.254.169.254", "cloud metadata"),
    ("100.100.100.200", "cloud metadata"),
    ("192.0.0.192", "cloud metadata"),
    ("0.0.0.0", "unspecified"),
    ("0.1.2.3", "unspecified"),
    ("224.0.0.1", "multicast"),
    ("239.255.255.250", "multicast"),
    ("240.0.0.1", "reserved"),
    ("255.255.255.255", "broadcast"),
    ("192.0.2.1", "documentation"),
    ("198.51.100.7", "documentation"),
    ("203.0.113.9", "documentation"),
    ("198.18.0.1", "benchmarking"),
    ("::1", "loopback"),
    ("::", "unspecified"),
    ("fe80::1", "link-local"),
    ("fc00::1", "unique local"),
    ("fd12:3456::1", "unique local"),
    ("fd00:ec2::254", "cloud metadata"),
    ("fec0::1", "site-local"),
    ("ff02::1", "multicast"),
    ("2001:db8::1", "documentation"),
    ("100::1", "discard"),
    ("2001:0:4136:e378::1", "Teredo"),
    ("::127.0.0.1", "IPv4-compatible"),
    ("::ffff:127.0.0.1", "loopback (inside an IPv6 address)"),
    ("::ffff:10.0.0.1", "private (inside an IPv6 address)"),
    ("::ffff:169.254.169.254", "cloud metadata (inside an IPv6 address)"),
    ("2002:7f00:1::1", "loopback (inside an IPv6 address)"),
    ("2002:a9fe:a9fe::1", "cloud metadata (inside an IPv6 address)"),
    ("64:ff9b::a00:1", "private (inside an IPv6 address)"),
    ("64:ff9b::a9fe:a9fe", "cloud metadata (inside an IPv6 address)"),
    ("64:ff9b:1::1", "local NAT64"),
]
ALWAYS_REFUSED = [
    "169.254.169.254",
    "fd00:ec2::254",
    "::ffff:169.254.169.254",
    "0.0.0.0",
    "::",
    "224.0.0.1",
    "ff02::1",
]
ALLOWED = ["93.184.215.14", "8.8.8.8", "2606:4700::1111", "::ffff:8.8.8.8", "64:ff9b::808:808"]


@pytest.mark.parametrize(("address", "reason"), REFUSED)
def test_each_refused_range_names_its_reason(address, reason):
    assert reason in outbound.address_refusal(address)


@pytest.mark.parametrize("address", ALWAYS_REFUSED)
def test_metadata_multicast_and_unspecified_stay_refused_with_private_allowed(address):
    assert outbound.address_refusal(address, allow_private=True)


@pytest.mark.parametrize("address", ALLOWED)
def test_public_addresses_pass(address):
    assert outbound.address_refusal(address) is None


@pytest.mark.parametrize(("address", "reason"), REFUSED)
def test_a_name_resolving_into_a_refused_range_is_refused_before_connecting(
    session, resolve_to, address, reason
):
    resolve_to("inside.test", address)
    with pytest.raises(Refused) as refusal:
        outbound.fetch(session, "http://inside.test/", config=PUBLIC)
    assert reason in refusal.value.reason


def test_a_name_with_one_refused_address_among_public_ones_is_refused(monkeypatch, session):
    answers = [
        (socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, 80)) for a in ("8.8.8.8", "10.0.0.1")
    ]
    monkeypatch.setattr(socket, "getaddrinfo", lambda *args, **kwargs: answers)
    with pytest.raises(Refused, match=r"10\.0\.0\.1"):
        outbound.fetch(session, "http://mixed.test/", config=PUBLIC)


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("ftp://example.org/file", "Only http and https"),
        ("file:///etc/passwd", "Only http and https"),
        ("gopher://example.org/", "Only http and https"),
        ("javascript:alert(1)", "Only http and https"),
        ("http:///nohost", "names no host"),
        ("http://example.org:99999/", "port"),
        ("http://[::1", "Not a valid URL"),
    ],
)
def test_only_http_and_https_urls_with_a_host(session, url, message):
    with pytest.raises(Refused, match=message):
        outbound.check_url(url, config=PUBLIC)


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:{port}/",
        "http://localhost:{port}/",
        "http://[::ffff:127.0.0.1]:{port}/",
        "http://2130706433:{port}/",  # 127.0.0.1 as one decimal number
        "http://0x7f.1:{port}/",
    ],
)
def test_local_server_refused_without_the_switch_and_nothing_arrives(receiver, session, url):
    with pytest.raises(Refused):
        outbound.fetch(session, url.format(port=receiver.port), config=PUBLIC)
    assert receiver.seen() == []


@pytest.fixture
def receiver_is_public(monkeypatch):
    """Treat 127.0.0.1 (the test servers) as a public address, with private ones refused, so
    a redirect from a public host to a private one can be shown on one machine."""
    real = outbound.address_refusal
    monkeypatch.setattr(
        outbound,
        "address_refusal",
        lambda address, allow_private=False: (
            None if address == "127.0.0.1" else real(address, allow_private=allow_private)
        ),
    )


@pytest.mark.parametrize(
    "target",
    [
        "http://10.0.0.1/",
        "http://192.168.0.1/admin",
        "http://169.254.169.254/latest/meta-data/",
        "http://[fd00:ec2::254]/",
        "http://[::1]/",
        "http://127.0.0.2:{port}/",
        "ftp://127.0.0.1/",
        "http://[::1",
        "http://exa mple.org:notaport/",
    ],
)
def test_a_redirect_into_a_refused_range_is_refused(receiver, session, receiver_is_public, target):
    receiver.on("/go", Reply(302, headers={"Location": target.format(port=receiver.port)}))
    with pytest.raises(Refused):
        outbound.fetch(session, receiver.url("/go"), config=PUBLIC)
    assert [seen.path for seen in receiver.seen()] == ["/go"]


def test_redirects_are_followed_and_recorded_each_checked(receiver, session):
    receiver.on("/a", Reply(301, headers={"Location": "/b"}))
    receiver.on("/b", Reply(302, headers={"Location": receiver.url("/c")}))
    receiver.on("/c", Reply(200, body=b"arrived"))
    fetched = outbound.fetch(session, receiver.url("/a"), config=LOCAL)
    assert fetched.status == 200 and fetched.content == b"arrived"
    assert fetched.final_url == receiver.url("/c")
    assert fetched.redirects == [(301, receiver.url("/b")), (302, receiver.url("/c"))]


def test_too_many_redirects(receiver, session):
    receiver.on("/loop", Reply(302, headers={"Location": "/loop"}))
    with pytest.raises(FetchError, match="More than 3 redirects"):
        outbound.fetch(session, receiver.url("/loop"), config=LOCAL, max_redirects=3)
    assert len(receiver.seen()) == 4


def test_no_redirects_returns_the_3xx(receiver, session):
    receiver.on("/moved", Reply(302, headers={"Location": "http://10.0.0.1/"}))
    fetched = outbound.fetch(session, receiver.url("/moved"), config=LOCAL, max_redirects=0)
    assert fetched.status == 302 and fetched.redirects == []


def test_a_post_redirected_with_303_becomes_a_get_without_body_or_credentials(receiver, session):
    receiver.on("/form", Reply(303, headers={"Location": receiver.url("/done", "localhost")}))
    headers = {"Authorization": "Bearer secret", "X-Other": "kept"}
    outbound.fetch(
        session, receiver.url("/form"), config=LOCAL, method="POST", data=b"x=1", headers=headers
    )
    first, second = receiver.seen()
    assert (first.method, first.body, first.headers["Authorization"]) == (
        "POST",
        b"x=1",
        "Bearer secret",
    )
    assert (second.method, second.body) == ("GET", b"")
    assert "Authorization" not in second.headers and second.headers["X-Other"] == "kept"


def test_user_agent_names_the_service_and_host_header_the_name(receiver, session, resolve_to):
    resolve_to("news.test", "127.0.0.1")
    outbound.fetch(session, f"http://news.test:{receiver.port}/", config=LOCAL)
    (seen,) = receiver.seen()
    assert seen.headers["User-Agent"].startswith("factcheck/")
    assert seen.headers["Host"] == f"news.test:{receiver.port}"


def test_connects_to_the_checked_address_even_if_the_name_changes(receiver, session, resolve_to):
    # DNS rebinding: the first answer passes the check, any later one points elsewhere.
    # The request must still reach the address that was checked, looked up once.
    lookups = resolve_to("rebind.test", "127.0.0.1", "203.0.113.9")
    fetched = outbound.fetch(session, f"http://rebind.test:{receiver.port}/x", config=LOCAL)
    assert fetched.status == 200 and len(receiver.seen("/x")) == 1
    assert lookups == ["rebind.test"]


def test_connects_to_a_checked_ipv6_address(session, resolve_to):
    resolve_to("six.test", "::1")
    with Receiver("::1") as server:
        fetched = outbound.fetch(session, f"http://six.test:{server.port}/v6", config=LOCAL)
        assert fetched.status == 200 and server.seen("/v6")[0].headers["Host"].startswith("six")
        with pytest.raises(Refused, match="loopback"):
            outbound.fetch(session, server.url("/v6"), config=PUBLIC)


def test_an_adapter_request_without_a_checked_address_is_refused(session, receiver):
    outbound.fetch(session, receiver.url(), config=LOCAL)  # mounts the adapter
    adapter = session.adapters[outbound.PINNED_PREFIX]
    prepared = requests.Request("GET", receiver.url("/sneak")).prepare()
    with pytest.raises(requests.RequestException, match="must go through"):
        adapter.send(prepared)
    assert receiver.seen("/sneak") == []


@pytest.mark.parametrize(
    ("size", "limit", "outcome"),
    [(1000, 1000, "whole"), (1001, 1000, "too large"), (200_000, 50_000, "too large")],
)
def test_response_size_cap(receiver, session, size, limit, outcome):
    receiver.on("/big", Reply(200, body=b"x" * size))
    if outcome == "whole":
        fetched = outbound.fetch(session, receiver.url("/big"), config=LOCAL, max_bytes=limit)
        assert len(fetched.content) == size and not fetched.truncated
        return
    with pytest.raises(TooLarge):
        outbound.fetch(session, receiver.url("/big"), config=LOCAL, max_bytes=limit)


def test_size_cap_with_truncate_keeps_the_start(receiver, session):
    receiver.on("/big", Reply(200, body=b"<title>T</title>" + b"x" * 100_000))
    fetched = outbound.fetch(
        session, receiver.url("/big"), config=LOCAL, max_bytes=1024, truncate=True
    )
    assert fetched.truncated and len(fetched.content) == 1024
    assert fetched.content.startswith(b"<title>T</title>")


def test_a_server_that_hangs_past_the_read_timeout(receiver, session):
    receiver.on("/slow", Reply(200, delay=5))
    with pytest.raises(FetchError, match="Timed out"):
        outbound.fetch(session, receiver.url("/slow"), config=LOCAL)


def test_a_body_dripping_past_the_deadline(receiver, session):
    receiver.on("/drip", Reply(200, body=b"y" * 100, drip=0.3))
    config = OutboundConfig(allow_private=True, read_timeout=2, deadline=1.5)
    with pytest.raises(FetchError, match="deadline"):
        outbound.fetch(session, receiver.url("/drip"), config=config, max_bytes=10_000)


@pytest.fixture(scope="module")
def certificate(tmp_path_factory):
    """A self-signed certificate for tls.test (and its key)."""
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-keyout",
            key,
            "-out",
            cert,
            "-subj",
            "/CN=tls.test",
            "-addext",
            "subjectAltName=DNS:tls.test",
        ],
        check=True,
        capture_output=True,
    )
    return cert, key


@pytest.mark.parametrize(("name", "verified"), [("tls.test", True), ("other.test", False)])
def test_https_verifies_the_certificate_for_the_name_not_the_address(
    certificate, session, resolve_to, name, verified
):
    resolve_to(name, "127.0.0.1")
    session.verify = str(certificate[0])
    with Receiver(tls=certificate) as server:
        url = server.url("/secure", host=name)
        if verified:
            assert outbound.fetch(session, url, config=LOCAL).status == 200
        else:
            with pytest.raises(FetchError, match=r"certificate|hostname"):
                outbound.fetch(session, url, config=LOCAL)


@pytest.mark.parametrize(("value", "allowed"), [(None, False), ("0", False), ("1", True)])
def test_private_addresses_need_the_environment_switch(receiver, session, value, allowed):
    environ = {} if value is None else {"FACTCHECK_ALLOW_PRIVATE_URLS": value}
    config = OutboundConfig.from_app(from_environment(environ))
    if allowed:
        assert outbound.fetch(session, receiver.url("/in"), config=config).status == 200
    else:
        with pytest.raises(Refused, match="loopback"):
            outbound.fetch(session, receiver.url("/in"), config=config)
        assert receiver.seen() == []
