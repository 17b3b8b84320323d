"""Renders an HTML brief in headless Chromium to a PNG and to a PDF, and checks that it makes no request.

usage: check_brief_html.py BRIEF.html OUT.png OUT.pdf [MARKING]

Chromium runs with every request sent through a proxy on 127.0.0.1 that counts them: the brief must make
none (a control page with an outside image must make one, so the counting is shown to work), and Chromium
must log no console message (a blocked request or a script error). The PDF must be A4, show every section
heading of the page, and carry the marking, when given, on every page.
"""
import http.server
import pathlib
import re
import subprocess
import sys
import tempfile
import threading

requests = []


# Chromium's own traffic (updates, sign-in, time), which flags do not all stop and which is not the page's.
BROWSER_HOSTS = re.compile(r"^(https?://)?(clients\d*\.google\.com|update\.googleapis\.com|accounts\.google\.com|[\w.-]*\.gvt1\.com)[:/]")


class Proxy(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        if not BROWSER_HOSTS.match(self.path):
            requests.append(self.path)
        self.send_error(502)

    do_CONNECT = do_POST = do_HEAD = do_GET

    def log_message(self, *args):
        pass


def chromium(proxy_port, url, *flags):
    command = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
               "--enable-logging=stderr", "--v=0",
               "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-default-apps",
               "--disable-features=OptimizationHints,MediaRouter,Translate,AutofillServerCommunication", f"--proxy-server=http://127.0.0.1:{proxy_port}",
               "--proxy-bypass-list=<-loopback>", *flags, url]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return [line for line in result.stderr.splitlines() if ":CONSOLE" in line]


def main(html, png, pdf, marking=None):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Proxy)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    try:
        with tempfile.TemporaryDirectory() as scratch:
            control = pathlib.Path(scratch, "control.html")
            control.write_text('<!DOCTYPE html><title>c</title><img src="http://example.invalid/x.png" alt="x">')
            chromium(port, control.as_uri(), f"--screenshot={scratch}/c.png")
            assert requests, "the counting proxy saw no request from the control page"
            requests.clear()
        url = pathlib.Path(html).resolve().as_uri()
        console = chromium(port, url, f"--screenshot={png}", "--window-size=1000,2600")
        console += chromium(port, url, f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
        assert not requests, f"the brief made requests: {requests}"
        assert not console, "console messages:\n" + "\n".join(console)
    finally:
        server.shutdown()

    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
    assert "(A4)" in info, info
    text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True, check=True).stdout
    pages = [page for page in text.split("\f") if page.strip()]
    page_html = pathlib.Path(html).read_text(encoding="utf-8")
    headings = [re.sub(r"<[^>]+>", "", h) for h in re.findall(r"<h2>(.*?)</h2>", page_html.split("<main>", 1)[-1])]
    flat = re.sub(r"\s+", " ", text)
    for heading in headings:
        heading = heading.replace("&amp;", "&").replace("&#39;", "'")
        assert heading in flat, f"section {heading!r} is not in the PDF"
    if marking:
        for number, page in enumerate(pages, 1):
            assert page.count(marking) >= 2, f"page {number} lacks the marking at its top and bottom"
    print(f"{html}: rendered with no request, {len(pages)} A4 pages, {len(headings)} headings")


if __name__ == "__main__":
    main(*sys.argv[1:])
