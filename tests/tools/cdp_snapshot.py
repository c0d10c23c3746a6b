#!/usr/bin/env python3
"""Saves a web page as MHTML the way Chrome's "Save as single file" does:
headless Chromium's DevTools `Page.captureSnapshot`, driven over
`--remote-debugging-pipe` (no WebSocket library needed).

    cdp_snapshot.py URL OUT.mhtml [CHROMIUM_ARGS...]

Exits non-zero, with a message, if Chromium does not answer in 60 s.
"""
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile


def main():
    url, out, extra = sys.argv[1], sys.argv[2], sys.argv[3:]
    signal.signal(signal.SIGALRM, lambda *_: sys.exit(f"chromium did not capture {url} in 60 s"))
    signal.alarm(60)
    profile = tempfile.mkdtemp(prefix="cdp-profile-")
    r_cmd, w_cmd = os.pipe()  # our commands: chromium reads fd 3
    r_res, w_res = os.pipe()  # its answers: chromium writes fd 4

    def child():
        os.dup2(r_cmd, 3)
        os.dup2(w_res, 4)

    proc = subprocess.Popen(
        ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-extensions", "--remote-debugging-pipe", f"--user-data-dir={profile}",
         *extra, "about:blank"],
        pass_fds=(3, 4), preexec_fn=child,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    os.close(r_cmd)
    os.close(w_res)
    state = {"buf": b"", "id": 0}

    def send(method, params=None, session=None):
        state["id"] += 1
        msg = {"id": state["id"], "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(w_cmd, json.dumps(msg).encode() + b"\0")
        return state["id"]

    def wait(pred):
        while True:
            while b"\0" in state["buf"]:
                raw, state["buf"] = state["buf"].split(b"\0", 1)
                msg = json.loads(raw)
                if "error" in msg and pred(msg):
                    sys.exit(f"chromium: {msg['error']}")
                if pred(msg):
                    return msg
            chunk = os.read(r_res, 1 << 20)
            if not chunk:
                sys.exit("chromium closed the DevTools pipe")
            state["buf"] += chunk

    try:
        n = send("Target.createTarget", {"url": "about:blank"})
        target = wait(lambda m: m.get("id") == n)["result"]["targetId"]
        n = send("Target.attachToTarget", {"targetId": target, "flatten": True})
        session = wait(lambda m: m.get("id") == n)["result"]["sessionId"]
        n = send("Page.enable", session=session)
        wait(lambda m: m.get("id") == n)
        n = send("Page.navigate", {"url": url}, session=session)
        wait(lambda m: m.get("id") == n)
        wait(lambda m: m.get("method") == "Page.loadEventFired")
        n = send("Page.captureSnapshot", {"format": "mhtml"}, session=session)
        data = wait(lambda m: m.get("id") == n)["result"]["data"]
        with open(out, "w", newline="") as f:
            f.write(data)
        send("Browser.close")
        proc.wait(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    main()
