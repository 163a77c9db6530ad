"""Settings refuse unsafe production configurations and pass Django's deploy check."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    clean.update(env, DJANGO_SETTINGS_MODULE="ics_portal.settings")
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_deploy_check_passes_with_production_settings():
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY="pr0duct10n-" + "k3y-with-enough-entropy-" * 3,
        DEBUG="0",
        ALLOWED_HOSTS="portal.example.nhs.uk",
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_refuses_to_start_without_a_secret_key_in_production():
    result = _manage("check", DEBUG="0")
    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr


def test_development_runs_without_a_secret_key():
    result = _manage("check", DEBUG="1")
    assert result.returncode == 0, result.stderr


def test_console_email_is_flagged_by_the_deploy_check():
    result = _manage(
        "check",
        "--deploy",
        SECRET_KEY="pr0duct10n-" + "k3y-with-enough-entropy-" * 3,
        DEBUG="0",
        EMAIL_BACKEND="django.core.mail.backends.console.EmailBackend",
    )
    assert "development-only email backend" in result.stdout + result.stderr


def test_production_sends_email_by_smtp_unless_told_otherwise():
    """Without EMAIL_BACKEND the deploy check passes: production defaults to SMTP."""
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY="pr0duct10n-" + "k3y-with-enough-entropy-" * 3,
        DEBUG="0",
        ALLOWED_HOSTS="portal.example.nhs.uk",
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_unreadable_boolean_is_refused_with_its_name():
    result = _manage("check", DEBUG="perhaps")
    assert result.returncode != 0
    assert "DEBUG must be true or false" in result.stderr


def _storage_and_cache(**env: str) -> subprocess.CompletedProcess:
    """The default storage's and cache's classes, as `manage.py shell` sees them."""
    return _manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.core.cache import caches; from django.core.files.storage import storages; "
        "print(type(storages['default']).__name__, type(caches['default']).__name__)",
        DEBUG="1",
        **env,
    )


def test_files_on_disk_and_a_cache_per_process_by_default():
    result = _storage_and_cache()
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["FileSystemStorage", "LocMemCache"]


def test_s3_storage_and_redis_cache_when_configured():
    result = _storage_and_cache(
        FILE_STORAGE="s3", S3_BUCKET="portal-files", CACHE_URL="redis://127.0.0.1:6379/0"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["S3Storage", "RedisCache"]


def test_unusable_storage_and_cache_settings_are_refused_with_their_names():
    assert (
        "FILE_STORAGE must be filesystem or s3"
        in _manage("check", DEBUG="1", FILE_STORAGE="nfs").stderr
    )
    assert (
        "FILE_STORAGE=s3 needs S3_BUCKET" in _manage("check", DEBUG="1", FILE_STORAGE="s3").stderr
    )
    refused = _manage("check", DEBUG="1", CACHE_URL="memcached://127.0.0.1:11211")
    assert "CACHE_URL must be a redis:// address" in refused.stderr
