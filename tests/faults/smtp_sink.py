"""A local SMTP relay for fault tests: records what it accepted, can hold a message mid-send.

A message counts as delivered when the sink answers ``250`` to the end of its data, as a real
relay takes responsibility at that moment. ``hold(n)`` makes the sink wait before that answer
for the next ``n`` messages until released or until the client is gone (then the message is
discarded, as a relay does when the connection drops before it accepted).
"""

from __future__ import annotations

import re
import socket
import socketserver
import threading
from dataclasses import dataclass, field


@dataclass
class Delivered:
    message_id: str
    recipients: list[str]
    data: str


@dataclass
class SinkState:
    delivered: list[Delivered] = field(default_factory=list)
    dropped: int = 0  # messages whose sender vanished before the 250
    hold_next: int = 0
    held: threading.Event = field(default_factory=threading.Event)
    release: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)


class _Handler(socketserver.StreamRequestHandler):
    timeout = 30

    def _send(self, line: str) -> None:
        self.wfile.write(line.encode() + b"\r\n")
        self.wfile.flush()

    def handle(self) -> None:
        state: SinkState = self.server.state  # type: ignore[attr-defined]
        recipients: list[str] = []
        self._send("220 sink ready")
        while True:
            line = self.rfile.readline()
            if not line:
                return
            command = line.decode(errors="replace").strip()
            verb = command.split(" ", 1)[0].upper()
            if verb in ("EHLO", "HELO"):
                self._send("250 sink")
            elif verb == "MAIL":
                recipients = []
                self._send("250 ok")
            elif verb == "RCPT":
                recipients.append(command.split(":", 1)[1].strip(" <>"))
                self._send("250 ok")
            elif verb == "DATA":
                self._send("354 end with .")
                lines = []
                while True:
                    chunk = self.rfile.readline()
                    if not chunk:
                        return  # the client died mid-data: nothing accepted
                    if chunk in (b".\r\n", b".\n"):
                        break
                    lines.append(chunk.decode(errors="replace"))
                data = "".join(lines)
                if not self._accept(state):
                    with state.lock:
                        state.dropped += 1
                    return
                match = re.search(r"^Message-ID:\s*(\S+)", data, re.M | re.I)
                with state.lock:
                    state.delivered.append(
                        Delivered(match.group(1) if match else "", list(recipients), data)
                    )
                self._send("250 accepted")
            elif verb == "QUIT":
                self._send("221 bye")
                return
            else:  # RSET, NOOP
                self._send("250 ok")

    def _accept(self, state: SinkState) -> bool:
        """False when the message is held and its sender disappears before the release."""
        with state.lock:
            hold = state.hold_next > 0
            if hold:
                state.hold_next -= 1
        if not hold:
            return True
        state.held.set()
        while not state.release.wait(0.05):
            if self._client_gone():
                return False
        return not self._client_gone()

    def _client_gone(self) -> bool:
        sock = self.request
        sock.setblocking(False)
        try:
            return sock.recv(1, socket.MSG_PEEK) == b""
        except BlockingIOError:
            return False
        except OSError:
            return True
        finally:
            sock.setblocking(True)


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


class SmtpSink:
    def __init__(self) -> None:
        self.state = SinkState()
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.state = self.state  # type: ignore[attr-defined]
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def hold(self, count: int = 1) -> None:
        self.state.hold_next = count

    def recipients(self) -> list[str]:
        with self.state.lock:
            return [r for d in self.state.delivered for r in d.recipients]

    def close(self) -> None:
        self.state.release.set()
        self._server.shutdown()
        self._server.server_close()
