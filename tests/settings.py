"""Settings for the test suite: the real settings, with a throwaway key and fast hashing."""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-secret-key-" + "x" * 40)
os.environ.setdefault("STATIC_MANIFEST", "0")

from ics_portal.settings import *  # noqa: E402, F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = BASE_DIR / "test-artifacts" / "media"  # noqa: F405
SECURE_SSL_REDIRECT = False
STATIC_ROOT = None  # served from the finders; nothing is collected for tests
DEMO_RENDER_PACKS = False
