#!/usr/bin/env python3
"""make browser-test (issue 10): the portal in a real browser.

Starts `khuyencong serve` on a free loopback port with a temporary store and inbox, starts
Debian's chromedriver, and drives headless Chromium through the W3C WebDriver protocol
(plain HTTP to chromedriver on loopback, Python's standard library only):

1. uploads a rejected sample and checks that the diagnostic's cell is marked as an error
   and its message shown beside it, the same cell and message `validate` gives;
2. submits an accepted sample with the district's token;
3. sees the status page say "submitted, waiting", runs `khuyencong run`, and sees the
   district accepted.

Screenshots go to docs/screenshots/. Every process it starts is stopped at the end.
Prints "N passed, M failed" and exits non-zero on a failure.
"""
import base64
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BIN = os.environ.get("KHUYENCONG_BIN", os.path.join(ROOT, ".build", "debug", "khuyencong"))
SHOTS = os.path.join(ROOT, "docs", "screenshots")
REJECTED = os.path.join(ROOT, "samples", "rejected-budget_sum-2017-074-ham-yen.csv")
ACCEPTED = os.path.join(ROOT, "samples", "2017-074-ham-yen-form-v2.xml")
ELEMENT = "element-6066-11e4-a52e-4f735466cecf"

passed = 0
failed = 0


def check(condition, what):
    global passed, failed
    if condition:
        passed += 1
        print("ok:   " + what)
    else:
        failed += 1
        print("FAIL: " + what)


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http(method, url, body=None, timeout=60):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as error:
        raise RuntimeError(f"{method} {url}: {error.code} {error.read()[:500]!r}")


class Browser:
    def __init__(self, driver_url):
        self.base = driver_url
        options = {
            "binary": shutil.which("chromium") or "/usr/bin/chromium",
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1400,2000", "--hide-scrollbars", "--lang=vi",
                     "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"],
            # A district office's browser: Vietnamese first (the portal follows Accept-Language).
            "prefs": {"intl.accept_languages": "vi-VN,vi,en"},
        }
        caps = {"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": options}}}
        self.session = http("POST", self.base + "/session", caps)["value"]["sessionId"]
        self.url = self.base + "/session/" + self.session

    def get(self, url):
        http("POST", self.url + "/url", {"url": url})

    def find(self, css):
        return http("POST", self.url + "/element", {"using": "css selector", "value": css})["value"][ELEMENT]

    def wait(self, css, seconds=30):
        deadline = time.time() + seconds
        while True:
            try:
                return self.find(css)
            except RuntimeError:
                if time.time() > deadline:
                    raise
                time.sleep(0.2)

    def type(self, element, text):
        http("POST", f"{self.url}/element/{element}/value", {"text": text})

    def click(self, element):
        http("POST", f"{self.url}/element/{element}/click", {})

    def attribute(self, element, name):
        return http("GET", f"{self.url}/element/{element}/attribute/{name}")["value"]

    def text(self, element):
        return http("GET", f"{self.url}/element/{element}/text")["value"]

    def source(self):
        return http("GET", self.url + "/source")["value"]

    def screenshot(self, name):
        os.makedirs(SHOTS, exist_ok=True)
        png = base64.b64decode(http("GET", self.url + "/screenshot")["value"])
        path = os.path.join(SHOTS, name)
        with open(path, "wb") as f:
            f.write(png)
        check(len(png) > 10000, f"screenshot {os.path.relpath(path, ROOT)} ({len(png)} bytes)")

    def quit(self):
        try:
            http("DELETE", self.url, timeout=10)
        except Exception:
            pass


def expected_error(path):
    """The first error with a cell, as `validate --format json` reports it."""
    out = subprocess.run([BIN, "validate", "--format", "json", "--lang", "vi", path],
                         capture_output=True, text=True).stdout
    for d in json.loads(out)["submissions"][0]["diagnostics"]:
        if d["severity"] == "error" and d.get("row") and d.get("column"):
            return d
    raise RuntimeError("no error with a cell in " + path)


def main():
    work = tempfile.mkdtemp(prefix="khuyencong-browser-")
    store, inbox = os.path.join(work, "store"), os.path.join(work, "inbox")
    os.makedirs(inbox)
    processes = []
    browser = None
    try:
        token = subprocess.run([BIN, "token", "issue", "--store", store, "--district", "074"],
                               capture_output=True, text=True, check=True).stdout.strip()
        serve = subprocess.Popen([BIN, "serve", "--store", store, "--inbox", inbox, "--port", "0"],
                                 stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        processes.append(serve)
        line = serve.stdout.readline().strip()
        check("listening on http://127.0.0.1:" in line, "serve started: " + line)
        portal = line.rsplit(" ", 1)[-1]

        driver_port = free_port()
        driver = subprocess.Popen([shutil.which("chromedriver") or "/usr/bin/chromedriver", f"--port={driver_port}"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        processes.append(driver)
        driver_url = f"http://127.0.0.1:{driver_port}"
        for _ in range(100):
            try:
                if http("GET", driver_url + "/status", timeout=2)["value"]["ready"]:
                    break
            except Exception:
                time.sleep(0.1)
        browser = Browser(driver_url)

        # 1. A rejected plan: its error's cell is marked and its message shown beside it.
        diagnostic = expected_error(REJECTED)
        cell = f"{diagnostic['column']}{diagnostic['row']}"
        browser.get(portal + "/")
        browser.screenshot("portal-home.png")
        browser.type(browser.find("#file"), REJECTED)
        browser.click(browser.find("#check"))
        verdict = browser.text(browser.wait("#verdict"))
        check("KHÔNG ĐẠT" in verdict, "the rejected sample is shown as rejected: " + verdict)
        marked = browser.find(f"#s0-{cell}")
        check("sev-error" in browser.attribute(marked, "class"), f"cell {cell} is marked as an error")
        check(diagnostic["message"] in browser.text(marked), f"cell {cell} shows its message: {diagnostic['message']}")
        link = browser.find(f'a[href="#s0-{cell}"]')
        check(cell in browser.text(link), f"the list links to {cell}")
        browser.screenshot("portal-check-rejected.png")
        browser.click(link)
        time.sleep(0.3)
        browser.screenshot("portal-check-rejected-cell.png")

        # 2. Submit an accepted plan with the district's token.
        browser.get(portal + "/")
        browser.type(browser.find("#file"), ACCEPTED)
        browser.type(browser.find("#token"), token)
        browser.click(browser.find("#submit"))
        submitted = browser.text(browser.wait("#submitted"))
        check("Đã nộp" in submitted, "the accepted sample is submitted: " + submitted)
        check("ĐẠT" in browser.text(browser.find("#verdict")), "and shown as accepted")
        browser.screenshot("portal-submitted.png")
        waiting = [n for n in os.listdir(inbox) if not n.startswith(".")]
        check(len(waiting) == 1 and waiting[0].startswith("074-"), f"the inbox holds it: {waiting}")

        # 3. The status page before and after the Department's run.
        browser.get(portal + "/status?year=2017")
        row = browser.text(browser.wait("#d-074"))
        check("chờ Sở xử lý" in row, "status says submitted, waiting for the run: " + row)
        browser.screenshot("portal-status-before-run.png")
        time.sleep(11)  # `run` leaves a file modified in the last 10 seconds for the next run
        run = subprocess.run([BIN, "run", "--inbox", inbox, "--store", store], capture_output=True, text=True)
        check(run.returncode == 0, "khuyencong run files it: " + run.stdout.strip().splitlines()[0])
        browser.get(portal + "/status?year=2017")
        row = browser.text(browser.wait("#d-074"))
        check("được chấp nhận" in row and "chờ" not in row, "status now says accepted: " + row)
        browser.screenshot("portal-status-after-run.png")
        browser.get(portal + "/status?year=2017&lang=en")
        row = browser.text(browser.wait("#d-074"))
        check("accepted" in row, "and in English: " + row)
    except Exception as error:  # a failure of the harness itself is a failed check
        check(False, f"{type(error).__name__}: {error}")
    finally:
        if browser:
            browser.quit()
        for process in processes:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
        shutil.rmtree(work, ignore_errors=True)
    print(f"browser-test: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
