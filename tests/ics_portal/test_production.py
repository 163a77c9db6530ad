"""The production path of the README's "Deploying" section, end to end: migrate,
collectstatic with the manifest storage, the deploy check, then gunicorn with DEBUG off
serving pages, static files, a stored PDF and the API behind a TLS-terminating proxy."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# What the test suite's own settings put in the environment, and must not leak into the
# production processes.
TEST_ONLY = {
    "DJANGO_SETTINGS_MODULE",
    "SECRET_KEY",
    "DEBUG",
    "STATIC_MANIFEST",
    "DJANGO_ALLOW_ASYNC_UNSAFE",  # set by the browser tests (Playwright runs an event loop)
}


def production_env(tmp: Path) -> dict[str, str]:
    """The documented production variables (README, Deploying, step 1)."""
    env = {k: v for k, v in os.environ.items() if k not in TEST_ONLY}
    env.update(
        SECRET_KEY="pr0duct10n-" + "k3y-with-enough-entropy-" * 3,
        ALLOWED_HOSTS="127.0.0.1",
        CSRF_TRUSTED_ORIGINS="https://127.0.0.1",
        DATABASE_URL=f"sqlite:///{tmp / 'db.sqlite3'}",
        STATIC_ROOT=str(tmp / "static"),
        MEDIA_ROOT=str(tmp / "media"),
        EMAIL_HOST="smtp.example.nhs.uk",
        BEHIND_TLS_PROXY="1",
    )
    return env


def manage(env: dict[str, str], *args: str, **extra: str) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**env, **extra},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, " ".join(args) + "\n" + result.stdout + result.stderr
    return result.stdout + result.stderr


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def portal(tmp_path_factory):
    """A migrated, collected and checked deployment with the demo data, served by gunicorn;
    yields a function that fetches a path as a browser behind the proxy would."""
    tmp = tmp_path_factory.mktemp("production")
    env = production_env(tmp)
    manage(env, "migrate", "--no-input")
    # The demo is not a deploy step: its notifications go nowhere rather than to SMTP.
    manage(env, "load_demo", EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend")
    manage(env, "collectstatic", "--no-input")
    manage(env, "check", "--deploy", "--fail-level", "WARNING")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "ics_portal.wsgi"]
        + ["--bind", f"127.0.0.1:{port}", "--workers", "2"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )

    def fetch(path: str) -> tuple[int, str, bytes]:
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}{path}",
            headers={"Host": "127.0.0.1", "X-Forwarded-Proto": "https"},
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, response.headers["Content-Type"], response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers["Content-Type"], error.read()

    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if fetch("/healthz")[0] == 200:
                    break
            except OSError:
                pass
            assert server.poll() is None, server.stderr.read().decode()
            assert time.monotonic() < deadline, "gunicorn did not answer within 30 s"
            time.sleep(0.2)
        yield fetch
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_pages_static_files_pdfs_and_the_api_answer_200(portal):
    status, kind, body = portal("/")
    assert (status, kind.split(";")[0]) == (200, "text/html")
    home = body.decode()
    stylesheets = re.findall(r'href="(/static/[^"]+\.css)"', home)
    assert stylesheets and all(re.search(r"\.[0-9a-f]{12}\.css$", s) for s in stylesheets)
    for stylesheet in stylesheets:
        status, kind, _ = portal(stylesheet)
        assert (status, kind.split(";")[0]) == (200, "text/css"), stylesheet

    status, kind, body = portal("/api/v1/meetings/?limit=100")
    assert (status, kind) == (200, "application/json")
    meetings = json.loads(body)["results"]
    assert meetings
    for path in ("/meetings/", "/decisions/", "/bodies/", "/partnerships/"):
        assert portal(path)[0] == 200, path
    web = meetings[-1]["web"]
    assert web.startswith("https://127.0.0.1/")
    meeting_page = web.removeprefix("https://127.0.0.1")
    assert portal(meeting_page)[0] == 200

    pdfs = [m["web"].removeprefix("https://127.0.0.1") + "agenda.pdf" for m in meetings]
    answers = [portal(pdf) for pdf in pdfs]
    stored = [a for a in answers if a[0] == 200]
    assert stored, "no meeting's agenda pack was served"
    assert stored[0][1] == "application/pdf" and stored[0][2].startswith(b"%PDF")
