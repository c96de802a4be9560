"""Block network access in every Python process the tests start (kernels included).

Loaded automatically by Python at start-up because tests/conftest.py puts this folder on
PYTHONPATH and sets CQLAB_BLOCK_NETWORK=1. Connections to loopback and Unix sockets stay allowed
(the kernel and JupyterLab talk over them); anything else raises at once, naming the address, so a
lesson or exercise that reaches the network fails its test instead of silently downloading.
"""

import os

if os.environ.get("CQLAB_BLOCK_NETWORK") == "1":
    import ipaddress
    import socket

    class NetworkBlocked(OSError):
        """A course notebook tried to reach the network; the course must run offline."""

    _connect = socket.socket.connect
    _connect_ex = socket.socket.connect_ex

    def _is_local(address) -> bool:
        if not isinstance(address, tuple):  # Unix socket path
            return True
        host = address[0]
        if host in ("localhost", ""):
            return True
        try:
            return ipaddress.ip_address(host).is_loopback
        except ValueError:
            return False  # a host name other than localhost: would need DNS, so not local

    def _guarded_connect(self, address):
        if not _is_local(address):
            raise NetworkBlocked(f"network access blocked during the course tests: connect to {address!r}")
        return _connect(self, address)

    def _guarded_connect_ex(self, address):
        if not _is_local(address):
            raise NetworkBlocked(f"network access blocked during the course tests: connect to {address!r}")
        return _connect_ex(self, address)

    _getaddrinfo = socket.getaddrinfo

    def _guarded_getaddrinfo(host, *args, **kwargs):
        if host not in (None, "localhost", "") and not _is_local((host, 0)):
            raise NetworkBlocked(f"network access blocked during the course tests: DNS lookup of {host!r}")
        return _getaddrinfo(host, *args, **kwargs)

    socket.socket.connect = _guarded_connect
    socket.socket.connect_ex = _guarded_connect_ex
    socket.getaddrinfo = _guarded_getaddrinfo
