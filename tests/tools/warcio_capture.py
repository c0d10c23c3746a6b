"""Fetches pages through warcio's `capture_http`, writing what it records.

    python3 warcio_capture.py OUT.warc[.gz] PROXY URL...

Each URL is fetched with urllib through the HTTP proxy PROXY (tests serve
pages under their outlets' host names with `sites.py`), as a reviewer's
script records a browsing session with warcio.
"""

import sys
import urllib.request

from warcio.capture_http import capture_http

out, proxy, urls = sys.argv[1], sys.argv[2], sys.argv[3:]
opener = urllib.request.build_opener(urllib.request.ProxyHandler({"http": proxy}))
with capture_http(out, gzip=out.endswith(".gz")):
    for url in urls:
        with opener.open(url) as response:
            response.read()
