"""More than one server (README, "More than one server"): two gunicorn app servers and one
task worker, as separate processes sharing one PostgreSQL database, one S3 bucket (moto's S3
server, started here) and one Redis cache (a redis-server of its own, started here). The
agenda is published through one server, the worker renders the pack into the bucket, and the
other server hands it out; the servers keep no file of their own.

PostgreSQL only: it needs a database that separate processes share (CI runs the suite on
PostgreSQL too)."""

from __future__ import annotations

import http.cookiejar
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path

import boto3
import psycopg2
import pytest
import redis
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
DATABASE = settings.DATABASES["default"]
# What the test suite's own settings put in the environment, and must not reach the servers.
TEST_ONLY = {
    "DJANGO_SETTINGS_MODULE",
    "SECRET_KEY",
    "DEBUG",
    "STATIC_MANIFEST",
    "DATABASE_URL",
    "DJANGO_ALLOW_ASYNC_UNSAFE",  # set by the browser tests (Playwright runs an event loop)
}
BUCKET = "ics-portal-files"
PASSWORD = "two-servers-Passw0rd!"
REPORT_TITLE = "Heron Valley Winter Plan"

pytestmark = pytest.mark.skipif(
    DATABASE["ENGINE"] != "django.db.backends.postgresql",
    reason="separate processes share a PostgreSQL database (DATABASE_URL=postgres://...)",
)

# The meeting the servers publish: made in the shared database by `manage.py shell`.
SEED = f"""
from datetime import timedelta
from django.contrib.auth import get_user_model
from django.utils import timezone
from governance.models import Body, Organisation
from meetings.models import AgendaItem, Meeting, Report
council = Organisation.objects.create(
    name="Heron County Council", short_name="HCC", slug="heron-county-council",
    kind=Organisation.Kind.LOCAL_AUTHORITY,
)
body = Body.objects.create(
    name="Heron Health and Wellbeing Board", short_name="HHWB", slug="heron-hwb",
    kind=Body.Kind.BOARD, organisation=council,
)
get_user_model().objects.create_superuser("clerk", "clerk@example.org", {PASSWORD!r})
meeting = Meeting.objects.create(
    body=body, start=timezone.now() + timedelta(days=40), venue="County Hall"
)
item = AgendaItem.objects.create(meeting=meeting, position=1, title="Winter plan")
Report.objects.create(
    item=item, title={REPORT_TITLE!r}, purpose="To agree the winter plan.",
    recommendations="Agree the plan.", information="Forty extra beds.", author="A. Author",
)
print("meeting", meeting.pk)
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(what: str, ready: Callable[[], bool], process: subprocess.Popen, log: Path):
    deadline = time.monotonic() + 30
    while True:
        try:
            if ready():
                return
        except OSError:
            pass
        assert process.poll() is None, f"{what} stopped:\n{log.read_text()}"
        assert time.monotonic() < deadline, (
            f"{what} did not answer within 30 s:\n{log.read_text()}"
        )
        time.sleep(0.2)


class Processes:
    """The processes a test starts, each logging to a file, all ended at the end."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.running: list[subprocess.Popen] = []

    def start(self, name: str, command: list[str], env: dict[str, str] | None = None):
        log = self.folder / f"{name}.log"
        process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT
        )
        self.running.append(process)
        return process, log

    def stop(self):
        for process in self.running:
            process.terminate()
        for process in self.running:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()


def admin_connection():
    connection = psycopg2.connect(
        dbname="postgres", user=DATABASE["USER"], password=DATABASE["PASSWORD"],
        host=DATABASE["HOST"] or "127.0.0.1", port=DATABASE["PORT"] or 5432,
    )  # fmt: skip
    connection.autocommit = True
    return connection


@pytest.fixture(scope="module")
def shared_database():
    """A database of its own on the suite's PostgreSQL server, committed to by every process
    (the suite's test database lives inside each test's transaction)."""
    name = f"{DATABASE['NAME']}_two_servers"[:60]
    connection = admin_connection()
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    user = urllib.parse.quote(DATABASE["USER"] or "postgres")
    password = ":" + urllib.parse.quote(DATABASE["PASSWORD"]) if DATABASE["PASSWORD"] else ""
    host, port = DATABASE["HOST"] or "127.0.0.1", DATABASE["PORT"] or 5432
    try:
        yield f"postgres://{user}{password}@{host}:{port}/{name}"
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.close()


@pytest.fixture(scope="module")
def deployment(shared_database, tmp_path_factory):
    """moto's S3 server, a redis-server, two app servers and a task worker; yields the ports
    of the two app servers, the bucket and the cache."""
    assert shutil.which("redis-server"), "redis-server is needed (.ci/run installs it)"
    tmp = tmp_path_factory.mktemp("two-servers")
    processes = Processes(tmp)
    try:
        s3_port, redis_port = free_port(), free_port()
        moto, log = processes.start(
            "moto", [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(s3_port)]
        )
        endpoint = f"http://127.0.0.1:{s3_port}"
        wait_for("moto", lambda: urllib.request.urlopen(endpoint, timeout=2).status == 200,
                 moto, log)  # fmt: skip
        bucket = boto3.resource(
            "s3", endpoint_url=endpoint, region_name="eu-west-2",
            aws_access_key_id="testing", aws_secret_access_key="testing",
        ).Bucket(BUCKET)  # fmt: skip
        bucket.create(CreateBucketConfiguration={"LocationConstraint": "eu-west-2"})

        cache, log = processes.start(
            "redis",
            ["redis-server", "--port", str(redis_port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(tmp)],
        )  # fmt: skip
        store = redis.Redis(host="127.0.0.1", port=redis_port)
        wait_for("redis-server", store.ping, cache, log)

        env = {k: v for k, v in os.environ.items() if k not in TEST_ONLY}
        env.update(
            SECRET_KEY="two-servers-" + "k3y-with-enough-entropy-" * 3,
            DEBUG="0",
            ALLOWED_HOSTS="127.0.0.1",
            DATABASE_URL=shared_database,
            FILE_STORAGE="s3",
            S3_BUCKET=BUCKET,
            S3_ENDPOINT_URL=endpoint,
            S3_REGION="eu-west-2",
            S3_ACCESS_KEY_ID="testing",
            S3_SECRET_ACCESS_KEY="testing",
            CACHE_URL=f"redis://127.0.0.1:{redis_port}/0",
            TASKS_BACKEND="django_tasks_db.DatabaseBackend",
            EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend",
            # Plain HTTP on loopback, and static files from the app folders.
            SECURE_SSL_REDIRECT="0",
            SECURE_COOKIES="0",
            STATIC_MANIFEST="0",
            LOG_LEVEL="WARNING",
        )
        for step in (["migrate", "--no-input"], ["shell", "-c", SEED]):
            result = subprocess.run(
                [sys.executable, "manage.py", *step], cwd=ROOT, env=env,
                capture_output=True, text=True, timeout=120,
            )  # fmt: skip
            assert result.returncode == 0, result.stdout + result.stderr
        meeting = int(re.search(r"meeting (\d+)", result.stdout)[1])

        ports = []
        for name in ("server-a", "server-b"):
            port = free_port()
            # Each server has a MEDIA_ROOT of its own: a file on one's disk is not on the other's.
            server, log = processes.start(
                name,
                [sys.executable, "-m", "gunicorn", "ics_portal.wsgi",
                 "--bind", f"127.0.0.1:{port}", "--workers", "1"],
                {**env, "MEDIA_ROOT": str(tmp / f"{name}-media")},
            )  # fmt: skip
            ports.append((port, server, log))
        processes.start(
            "worker",
            [sys.executable, "manage.py", "db_worker", "--interval", "0.5", "--no-startup-delay"],
            {**env, "MEDIA_ROOT": str(tmp / "worker-media")},
        )
        for port, server, log in ports:
            url = f"http://127.0.0.1:{port}/healthz"
            wait_for("gunicorn", lambda url=url: urllib.request.urlopen(url).status == 200,
                     server, log)  # fmt: skip
        yield {
            "a": ports[0][0], "b": ports[1][0], "meeting": meeting, "bucket": bucket,
            "cache": store, "logs": tmp,
        }  # fmt: skip
    finally:
        processes.stop()


class Browser:
    """A reader with cookies (which, as in browsers, do not depend on the port)."""

    def __init__(self):
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def get(self, port: int, path: str) -> tuple[int, str, bytes]:
        try:
            with self.opener.open(f"http://127.0.0.1:{port}{path}", timeout=30) as response:
                return response.status, response.headers["Content-Type"], response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers["Content-Type"], error.read()

    def post_form(self, port: int, path: str, fields: dict[str, str]) -> int:
        """Fetch the form, then post it with its CSRF token; the status after redirects."""
        status, _, page = self.get(port, path)
        assert status == 200, path
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1].decode()
        data = urllib.parse.urlencode({"csrfmiddlewaretoken": token, **fields}).encode()
        try:
            with self.opener.open(f"http://127.0.0.1:{port}{path}", data, timeout=60) as answer:
                return answer.status
        except urllib.error.HTTPError as error:
            return error.code


def wait_for_pack(browser: Browser, port: int, path: str) -> bytes:
    """The pack, once the worker has made it (the server answers 503 while it is made)."""
    deadline = time.monotonic() + 60
    while True:
        status, kind, body = browser.get(port, path)
        if status == 200:
            assert kind == "application/pdf"
            return body
        assert status in (404, 503), (status, body[:500])
        assert time.monotonic() < deadline, "the worker did not make the pack within 60 s"
        time.sleep(0.5)


def test_publish_on_one_server_download_the_pack_from_the_other(deployment):
    a, b, meeting = deployment["a"], deployment["b"], deployment["meeting"]
    clerk = Browser()
    assert clerk.post_form(a, "/account/sign-in/", {"username": "clerk", "password": PASSWORD})
    assert clerk.post_form(a, f"/meetings/{meeting}/publish/", {}) == 200

    # The session, kept in the shared database, signs the clerk in on the other server too:
    # the members' edition. The public gets its own edition from the same server.
    members = wait_for_pack(clerk, b, f"/meetings/{meeting}/agenda.pdf")
    public = wait_for_pack(Browser(), b, f"/meetings/{meeting}/agenda.pdf")
    for pdf in (members, public):
        assert pdf.startswith(b"%PDF")
    assert members != public

    # Both editions are in the bucket, and on no server's disk.
    stored = [obj.key for obj in deployment["bucket"].objects.all()]
    assert len([key for key in stored if key.endswith(".pdf")]) == 2, stored
    logs = deployment["logs"]
    for name in ("server-a", "server-b", "worker"):
        media = logs / f"{name}-media"
        assert not media.exists() or not any(media.rglob("*.pdf")), name


def test_the_servers_count_in_one_cache(deployment):
    """The password reset throttle counts requests from both servers in the shared Redis."""
    email = "someone@example.org"
    for port in (deployment["a"], deployment["b"]):
        assert Browser().post_form(port, "/account/password-reset/", {"email": email}) == 200
    keys = deployment["cache"].keys("*throttle:reset-email:*")
    assert len(keys) == 1
    assert int(deployment["cache"].get(keys[0])) == 2
