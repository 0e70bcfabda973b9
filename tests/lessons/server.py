"""The lab's resources for CPython: `GET /io/resource/<i>?latency=<ms>` answers
after `latency` ms with the same 32x32 RGBA bytes the app's service worker
serves (`fail=1` answers 503 instead). Prints its port, then serves until killed."""

import re
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

SIDE = 32
RESOURCE = re.compile(r"^/io/resource/(\d+)$")
MASK = 0xFFFFFFFF


def resource_bytes(index):
    """Mirrors threadline_core::resource::resource_bytes (32-bit arithmetic)."""
    seed = ((index * 0x9E3779B9) & MASK) ^ 0x5BD1E995
    mix = seed ^ (seed >> 15)
    cx, cy, radius = 8 + mix % 17, 8 + (mix >> 5) % 17, 5 + (mix >> 10) % 6
    disc = bytes([(mix >> 16) & 255, (mix >> 8) & 255, mix & 255, 255])
    out = bytearray()
    for y in range(SIDE):
        for x in range(SIDE):
            if (x - cx) ** 2 + (y - cy) ** 2 <= radius * radius:
                out += disc
            else:
                out += bytes([(x * 6 + (seed & 63)) & 255,
                              (y * 6 + ((seed >> 6) & 63)) & 255,
                              ((x ^ y) * 5) & 255, 255])
    return bytes(out)


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # every download of a lesson may connect at once


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        url = urlsplit(self.path)
        match = RESOURCE.match(url.path)
        if not match:
            self.send_error(404)
            return
        query = parse_qs(url.query)
        latency = min(max(float(query.get("latency", ["0"])[0]), 0.0), 10_000.0)
        time.sleep(latency / 1000)
        if query.get("fail") == ["1"]:
            self.send_error(503)
            return
        body = resource_bytes(int(match.group(1)))
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    server = Server(("127.0.0.1", 0), Handler)
    print(server.server_address[1], flush=True)
    sys.stdout.close()
    server.serve_forever()
