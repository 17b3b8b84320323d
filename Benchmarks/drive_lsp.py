#!/usr/bin/env python3
"""Drives `bilateral lsp` as an editor does, over stdio, and times what an editor waits for: the
diagnostics published after each change, and completion. Prints JSON figures (p50, p95, max in ms).

    drive_lsp.py session BIN DATASET CHANGES   a recorded session of CHANGES edits to one dataset document
                                               (made by record_session below, fixed seed): diagnostics after
                                               each, and a completion of a reference field after each
    drive_lsp.py one-change BIN DATASET RUNS   RUNS single changes to a large dataset: diagnostics after each,
                                               then bursts of 10 changes sent without waiting: diagnostics after the last
    drive_lsp.py portfolio BIN DIR RUNS        a portfolio: RUNS changes to one relationship (its diagnostics,
                                               and that no other file's are published), then RUNS changes to
                                               a shared record document (every relationship's diagnostics)
"""
import json
import os
import random
import subprocess
import sys
import time


class Server:
    def __init__(self, command, folder):
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.next_id = 0
        self.request("initialize", {"processId": os.getpid(), "capabilities": {},
                                    "workspaceFolders": [{"uri": "file://" + folder, "name": "bench"}]})
        self.notify("initialized", {})

    def send(self, message):
        body = json.dumps(message).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def receive(self):
        length = None
        while True:
            line = self.process.stdout.readline()
            if not line:
                raise SystemExit("the server closed its output")
            if line == b"\r\n":
                break
            name, value = line.decode().split(":", 1)
            if name.lower() == "content-length":
                length = int(value)
        return json.loads(self.process.stdout.read(length))

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method, params, on_notification=None):
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params})
        while True:
            message = self.receive()
            if message.get("id") == self.next_id:
                return message
            if on_notification:
                on_notification(message)

    def wait_for_diagnostics(self, uri, version=None, others=None):
        """Reads messages until `uri`'s diagnostics (of `version`) arrive; counts other files' in `others`."""
        while True:
            message = self.receive()
            if message.get("method") != "textDocument/publishDiagnostics":
                continue
            params = message["params"]
            if params["uri"] == uri and (version is None or params.get("version") == version):
                return params["diagnostics"]
            if others is not None:
                others.add(params["uri"])

    def stop(self):
        self.request("shutdown", None)
        self.notify("exit", None)
        self.process.wait(timeout=30)


def figures(samples):
    samples = sorted(samples)
    pick = lambda q: samples[min(len(samples) - 1, int(round(q * (len(samples) - 1))))]
    return {"count": len(samples), "p50_ms": round(pick(0.5) * 1000, 2), "p95_ms": round(pick(0.95) * 1000, 2),
            "max_ms": round(samples[-1] * 1000, 2)}


def position(text, index):
    line = text.count("\n", 0, index)
    start = text.rfind("\n", 0, index) + 1
    return {"line": line, "character": len(text[start:index].encode("utf-16-le")) // 2}


def toggle(server, uri, text, at, version):
    """Sends a change that types "x" at `at` (an even version) or deletes it again (an odd one); returns the new text."""
    inserted, removed = ("x", 0) if version % 2 == 0 else ("", 1)
    server.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": [
        {"range": {"start": position(text, at), "end": position(text, at + removed)}, "text": inserted}]})
    return text[:at] + inserted + text[at + removed:]


def record_session(text, changes, seed=29):
    """A recorded editing session: words typed a character at a time into quoted text fields, a
    reference field's id broken by a typo and mended, all at fixed places chosen with a fixed seed.
    Each change is (offset, removed length, inserted text) on the text as it is then."""
    rng = random.Random(seed)
    session = []
    places = [i + len('title: "') for i in range(len(text)) if text.startswith('title: "', i)]
    while len(session) < changes:
        kind = rng.random()
        if kind < 0.85 and places:
            at = rng.choice(places)
            word = rng.choice(["bilateral ", "relations ", "visit ", "trade ", "2024 "])
            for k, character in enumerate(word):
                session.append((at + k, 0, character))
            for k in reversed(range(len(word))):
                session.append((at + k, 1, ""))
        else:
            index = text.find("sources: [", rng.randrange(len(text)))
            if index < 0:
                continue
            at = index + len("sources: [")
            session.append((at, 0, "x"))
            session.append((at, 1, ""))
    return session[:changes]


def run_session(command, dataset, changes):
    dataset = os.path.abspath(dataset)
    server = Server(command, os.path.dirname(dataset))
    uri = "file://" + dataset
    text = open(dataset, encoding="utf-8").read()
    server.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}})
    server.wait_for_diagnostics(uri)
    diagnostics, completions = [], []
    version = 1
    for at, removed, inserted in record_session(text, changes):
        version += 1
        change = {"range": {"start": position(text, at), "end": position(text, at + removed)}, "text": inserted}
        text = text[:at] + inserted + text[at + removed:]
        started = time.perf_counter()
        server.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]})
        server.wait_for_diagnostics(uri, version)
        diagnostics.append(time.perf_counter() - started)
        # Completion of a reference field: the ids of sources.
        index = text.find("sources: [", at)
        index = index if index >= 0 else text.find("sources: [")
        started = time.perf_counter()
        answer = server.request("textDocument/completion", {"textDocument": {"uri": uri}, "position": position(text, index + len("sources: ["))})
        completions.append(time.perf_counter() - started)
        assert answer.get("result", {}).get("items"), answer
    server.stop()
    return {"diagnostics after a change": figures(diagnostics), "completion": figures(completions)}


def run_one_change(command, dataset, runs):
    dataset = os.path.abspath(dataset)
    server = Server(command, os.path.dirname(dataset))
    uri = "file://" + dataset
    text = open(dataset, encoding="utf-8").read()
    started = time.perf_counter()
    server.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}})
    server.wait_for_diagnostics(uri)
    opened = time.perf_counter() - started
    at = text.index("title: ") + len("title: ")
    samples = []
    for version in range(2, runs + 2):
        started = time.perf_counter()
        text = toggle(server, uri, text, at, version)
        server.wait_for_diagnostics(uri, version)
        samples.append(time.perf_counter() - started)
    # Ten keystrokes sent as a fast typist sends them (no wait between): the diagnostics of the last.
    bursts = []
    version = runs + 1
    for _ in range(3):
        started = time.perf_counter()
        for _ in range(10):
            version += 1
            text = toggle(server, uri, text, at, version)
        server.wait_for_diagnostics(uri, version)
        bursts.append(time.perf_counter() - started)
    server.stop()
    return {"open (first check of the workspace)": figures([opened]), "diagnostics after one change": figures(samples),
            "diagnostics after a burst of 10 changes": figures(bursts)}


def run_portfolio(command, folder, runs):
    folder = os.path.abspath(folder)
    server = Server(command, folder)
    names = sorted(name for name in os.listdir(folder) if name.endswith(".yaml"))
    dataset = os.path.join(folder, names[0])
    uri = "file://" + dataset
    text = open(dataset, encoding="utf-8").read()
    started = time.perf_counter()
    server.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}})
    server.wait_for_diagnostics(uri)
    opened = time.perf_counter() - started
    at = text.index("title: ") + len("title: ")
    one, others = [], set()
    for version in range(2, runs + 2):
        started = time.perf_counter()
        text = toggle(server, uri, text, at, version)
        server.wait_for_diagnostics(uri, version, others)
        one.append(time.perf_counter() - started)
    # A shared record document: the shared source's id broken (every relationship cites it) and mended;
    # the answer to a request sent after the change comes once every relationship's diagnostics are out.
    shared = os.path.join(folder, "shared", "countries.yaml")
    shared_uri = "file://" + shared
    shared_text = open(shared, encoding="utf-8").read()
    server.notify("textDocument/didOpen", {"textDocument": {"uri": shared_uri, "languageId": "yaml", "version": 1, "text": shared_text}})
    server.wait_for_diagnostics(shared_uri)
    at = shared_text.index("id: shared-source") + len("id: shared-source")
    every, published = [], []
    for version in range(2, max(4, runs // 10) + 2):
        files = set()
        started = time.perf_counter()
        shared_text = toggle(server, shared_uri, shared_text, at, version)
        server.request("textDocument/documentSymbol", {"textDocument": {"uri": shared_uri}},
                       on_notification=lambda m: files.add(m["params"]["uri"]) if m.get("method") == "textDocument/publishDiagnostics" else None)
        every.append(time.perf_counter() - started)
        published.append(len(files))
    server.stop()
    return {"open (first check of the workspace)": figures([opened]),
            "diagnostics after a change to one relationship": figures(one),
            "other files published after those changes": len(others),
            "all diagnostics after a change to a shared record document": figures(every),
            "files published per shared change": sorted(set(published))}


if __name__ == "__main__":
    mode, binary, target, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    command = [binary, "lsp"] + sys.argv[5:]
    run = {"session": run_session, "one-change": run_one_change, "portfolio": run_portfolio}[mode]
    print(json.dumps(run(command, target, count), indent=2))
