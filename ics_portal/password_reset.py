"""Password reset, throttled: a few emails an hour to one address, and for one client."""

from __future__ import annotations

import logging
from datetime import timedelta

from axes.helpers import get_client_ip_address
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.http import HttpResponseRedirect

from ics_portal.common.throttle import over_limit, throttle_key

log = logging.getLogger(__name__)
WINDOW = timedelta(hours=1)


class PasswordResetView(auth_views.PasswordResetView):
    """Django's password reset, sending no email past PASSWORD_RESET_LIMIT_PER_HOUR requests
    for one email address or from one client address. Over the limit the page is the same
    neutral "if an account has that address" page, so it reveals neither accounts nor limits.
    """

    def form_valid(self, form):
        limit = settings.PASSWORD_RESET_LIMIT_PER_HOUR
        email = form.cleaned_data["email"]
        client = get_client_ip_address(self.request) or "unknown"
        # Both are counted, whichever is over: a list, not `or`.
        over = [
            over_limit(throttle_key("reset-email", email), limit=limit, window=WINDOW),
            over_limit(throttle_key("reset-client", client), limit=limit, window=WINDOW),
        ]
        if any(over):
            log.warning("Password reset throttled: no email sent")
            return HttpResponseRedirect(self.get_success_url())
        return super().form_valid(form)
