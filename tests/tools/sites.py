"""Serves saved pages as if from their own web sites, for capture tools.

    python3 sites.py ROOT

serves ROOT/<host>/<path> on a free port of 127.0.0.1 for a request of
http://<host>/<path>, whether it comes through a proxy (an absolute URL in
the request line: wget's and warcio's `http_proxy`) or names its host in
`Host:`. Prints the port on its first line, then serves until killed.
"""

import http.server
import os
import sys
import urllib.parse


class Handler(http.server.SimpleHTTPRequestHandler):
    def translate_path(self, path):
        parts = urllib.parse.urlsplit(path)
        host = parts.hostname or (self.headers.get("Host") or "").split(":")[0]
        local = os.path.normpath(urllib.parse.unquote(parts.path)).lstrip("/")
        return os.path.join(ROOT, host, local)

    def log_message(self, *args):
        pass


ROOT = os.path.abspath(sys.argv[1])
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
