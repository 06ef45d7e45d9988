"""Which of the laptop's addresses the room may listen on: private ones, never the internet.

The room listens on one address only. It must be private (RFC 1918: 10/8, 172.16/12,
192.168/16), link-local (169.254/16, a hotspot with no router) or 127.0.0.1 (this laptop
alone, for tests and a facilitator trying it out). An address the internet can reach, or
"every address" (0.0.0.0), is refused. The same rule decides which phones may talk to it.
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import sys
from collections.abc import Iterable

from workshop.room.errors import RoomError

LOOPBACK = "127.0.0.1"
DEFAULT_PORT = 8765  # another free port is taken when this one is in use
_PRIVATE = tuple(
    ipaddress.IPv4Network(network)
    for network in ("192.168.0.0/16", "10.0.0.0/8", "172.16.0.0/12", "169.254.0.0/16")
)
_PROBES = ("192.168.0.1", "10.0.0.1", "172.16.0.1")  # asked which address routes there


def _ipv4(address: str) -> ipaddress.IPv4Address | None:
    try:
        parsed = ipaddress.ip_address(address.strip())
    except ValueError:
        return None
    if isinstance(parsed, ipaddress.IPv6Address):
        return parsed.ipv4_mapped
    return parsed


def is_private(address: str) -> bool:
    """Whether ``address`` is a private or link-local IPv4 address (not loopback)."""
    parsed = _ipv4(address)
    return parsed is not None and any(parsed in network for network in _PRIVATE)


def may_listen_on(address: str) -> bool:
    """Whether the room may bind ``address``: private, link-local, or exactly 127.0.0.1."""
    return address.strip() == LOOPBACK or is_private(address)


def may_connect_from(address: str) -> bool:
    """Whether a phone at ``address`` may use the room: the local network or this laptop."""
    parsed = _ipv4(address)
    return parsed is not None and (parsed.is_loopback or is_private(str(parsed)))


def _rank(address: str) -> int:
    """Home and hotspot networks first, then larger private ones, link-local, loopback last."""
    parsed = _ipv4(address)
    assert parsed is not None
    for rank, network in enumerate(_PRIVATE):
        if parsed in network:
            return rank
    return len(_PRIVATE)


def candidate_addresses(found: Iterable[str] | None = None) -> list[str]:
    """The laptop's addresses the room may use, best first, always ending with 127.0.0.1.

    ``found`` stands in for the addresses the system reports (tests pass their own).
    """
    addresses = _system_addresses() if found is None else list(found)
    usable = {a.strip() for a in addresses if is_private(a)}
    return [*sorted(usable, key=lambda a: (_rank(a), ipaddress.IPv4Address(a))), LOOPBACK]


def choose_address(wanted: str | None = None, found: Iterable[str] | None = None) -> str:
    """The address to listen on: ``wanted`` if it may be used, else the best candidate."""
    if wanted is None or not wanted.strip():
        return candidate_addresses(found)[0]
    if not may_listen_on(wanted):
        raise RoomError(
            f"The room cannot listen on {wanted.strip()}: it only uses the laptop's address on "
            "the local network (it starts with 192.168., 10., 172.16. to 172.31. or 169.254.) "
            f"or {LOOPBACK} for this laptop alone. Leave the address out to pick one."
        )
    return wanted.strip()


def _system_addresses() -> list[str]:
    """The IPv4 addresses of this laptop's network connections, as far as the system says."""
    found: list[str] = []
    with contextlib.suppress(OSError):
        found += [str(info[4][0]) for info in socket.getaddrinfo(socket.gethostname(), None)]
    if sys.platform.startswith("linux"):
        found += _linux_interface_addresses()
    found += _routed_addresses()
    return [str(a) for a in found]


def _routed_addresses() -> list[str]:
    """The address the system would send from to each private probe address.

    ``connect`` on a UDP socket sends nothing: it only asks the routing table.
    """
    found = []
    for probe in _PROBES:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
            try:
                udp.connect((probe, 9))
                found.append(str(udp.getsockname()[0]))
            except OSError:
                continue
    return found


def _linux_interface_addresses() -> list[str]:
    """Each interface's IPv4 address, read with the SIOCGIFADDR request (Linux only)."""
    import fcntl
    import struct

    siocgifaddr = 0x8915
    found = []
    try:
        names = [name for _, name in socket.if_nameindex()]
    except OSError:
        return []
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        for name in names:
            try:
                packed = fcntl.ioctl(
                    probe.fileno(), siocgifaddr, struct.pack("256s", name.encode()[:15])
                )
            except OSError:
                continue
            found.append(socket.inet_ntoa(packed[20:24]))
    return found
