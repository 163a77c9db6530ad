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
