"""Settings for the benchmarks: the real settings, plus the bare-Django baseline views.

Only bench/compare.py and bench/grow.py use this module; production never routes to
the baseline views. It counts the queries of each request in an `X-Queries` header.
"""

import os
import warnings

os.environ.setdefault("SECRET_KEY", "bench-only-secret-key-" + "x" * 40)
os.environ.setdefault("STATIC_MANIFEST", "0")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("SECURE_COOKIES", "0")

from ics_portal.settings import *  # noqa: E402, F403

ROOT_URLCONF = "bench.urls"
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
MIDDLEWARE = ["bench.views.count_queries", *MIDDLEWARE]  # noqa: F405
TEMPLATES[0]["DIRS"] = [*TEMPLATES[0]["DIRS"], BASE_DIR / "bench" / "templates"]  # noqa: F405
# Static files are not what is measured; whitenoise's warning about them only adds noise.
warnings.filterwarnings("ignore", message="No directory at", category=UserWarning)
