"""Actions: a body's action log, an action's page, and the clerk's pages that change them.

Clerks of the action's body and administrators record actions, change them, move their status
and add progress notes (`can_edit_body`); everyone else reads. The description and
notes of an action arising from a Part II item are shown only to those who may see that item's
content; others see the item's title and the exempt notice.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from decisions.access import can_see_action_content
from decisions.forms.actions import ActionEditForm, ActionForm, ActionNoteForm, ActionStatusForm
from decisions.models import Action, Resolution
from decisions.selectors.actions import action_log as select_action_log
from decisions.selectors.actions import actions_visible_to, with_content_visibility
from decisions.services import actions as services
from governance.access import can_edit_body, require
from governance.models import Body
from ics_portal.common.forms import run_service
from ics_portal.common.pages import uncounted_page
from meetings.models import AgendaItem

EDIT = require_http_methods(["GET", "POST"])
ACTIONS_PER_PAGE = 50


def _posted(request: HttpRequest):
    return request.POST if request.method == "POST" else None


def _form_page(request: HttpRequest, form, **context) -> HttpResponse:
    return render(request, "includes/form_page.html", {"form": form, **context})


def _visible_action(request: HttpRequest, pk: int) -> Action:
    action = actions_visible_to(request.user, Action.objects.filter(pk=pk)).first()
    if action is None:
        raise Http404("No such action")
    action.can_see_content = can_see_action_content(request.user, action)
    return action


def _action_for_clerk(request: HttpRequest, pk: int) -> Action:
    action = get_object_or_404(Action.objects.select_related("body", "item__meeting"), pk=pk)
    require(can_edit_body(request.user, action.body))
    return action


# Public pages


@require_GET
def action_log(request: HttpRequest, slug: str) -> HttpResponse:
    body = get_object_or_404(Body, slug=slug)
    show_all = request.GET.get("show") == "all"
    actions = select_action_log(body, request.user, show_all=show_all)
    page = uncounted_page(actions, ACTIONS_PER_PAGE, request.GET.get("page"))
    return render(
        request,
        "decisions/followup/action_log.html",
        {
            "body": body,
            "page": page,
            "actions": with_content_visibility(request.user, page.object_list),
            "show_all": show_all,
            "query": "show=all" if show_all else "",
            "can_edit": can_edit_body(request.user, body),
        },
    )


@require_GET
def action_detail(request: HttpRequest, pk: int) -> HttpResponse:
    action = _visible_action(request, pk)
    notes = list(action.notes.select_related("written_by")) if action.can_see_content else []
    can_edit = can_edit_body(request.user, action.body)
    return render(
        request,
        "decisions/followup/action_detail.html",
        {
            "action": action,
            "notes": notes,
            "can_edit": can_edit,
            "can_change": can_edit and bool(services.next_statuses(action)),
        },
    )


# Clerk's pages


@login_required
@EDIT
def action_new_for_resolution(request: HttpRequest, pk: int) -> HttpResponse:
    resolution = get_object_or_404(
        Resolution.objects.select_related("body", "item__meeting"), pk=pk
    )
    require(can_edit_body(request.user, resolution.body))
    form = ActionForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        action = run_service(
            form,
            lambda: services.action_create(
                body=resolution.body,
                resolution=resolution,
                actor=request.user,
                **form.cleaned_data,
            ),
        )
        if action:
            messages.success(request, "Action recorded.")
            return redirect(action)
    return _form_page(
        request,
        form,
        heading=f"Record an action arising from {resolution}",
        back=resolution,
        button="Record action",
    )


@login_required
@EDIT
def action_new_for_item(request: HttpRequest, pk: int, position: int) -> HttpResponse:
    item = (
        AgendaItem.objects.select_related("meeting__body")
        .filter(meeting_id=pk, position=position)
        .order_by("pk")
        .first()
    )
    if item is None:
        raise Http404("No such item")
    body = item.meeting.body
    require(can_edit_body(request.user, body))
    form = ActionForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        action = run_service(
            form,
            lambda: services.action_create(
                body=body, item=item, actor=request.user, **form.cleaned_data
            ),
        )
        if action:
            messages.success(request, "Action recorded.")
            return redirect(action)
    return _form_page(
        request,
        form,
        heading=f"Record an action arising from item {item.position}: {item.title}",
        back=item,
        button="Record action",
    )


@login_required
@EDIT
def action_edit(request: HttpRequest, pk: int) -> HttpResponse:
    action = _action_for_clerk(request, pk)
    initial = {
        "description": action.description,
        "owner": action.owner,
        "due_date": action.due_date,
        "version": action.version,
    }
    form = ActionEditForm(_posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        changed = run_service(
            form,
            lambda: services.action_update(
                action=action, actor=request.user, expected_version=data.pop("version"), **data
            ),
        )
        if changed:
            messages.success(request, "Action changed.")
            return redirect(changed)
    return _form_page(
        request,
        form,
        heading="Change the action",
        back=action,
        button="Save changes",
        history_object=action,
    )


@login_required
@EDIT
def action_status(request: HttpRequest, pk: int) -> HttpResponse:
    action = _action_for_clerk(request, pk)
    statuses = services.next_statuses(action)
    if not statuses:
        # Done or cancelled: say why nothing can change, on GET and POST alike.
        form = forms.Form(data={})
        form.is_valid()
        run_service(form, lambda: services.require_not_final(action))
        return _form_page(request, form, heading="Change the action's status", back=action)
    form = ActionStatusForm(
        _posted(request), statuses=statuses, initial={"version": action.version}
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        changed = run_service(
            form,
            lambda: services.action_set_status(
                action=action, actor=request.user, expected_version=data.pop("version"), **data
            ),
        )
        if changed:
            messages.success(request, f"Action marked {changed.get_status_display().lower()}.")
            return redirect(changed)
    return _form_page(
        request,
        form,
        heading="Change the action's status",
        back=action,
        button="Change status",
        intro=f"The action is {action.get_status_display().lower()}. Done and cancelled are "
        "final: an action cannot be reopened.",
    )


@login_required
@EDIT
def action_note_add(request: HttpRequest, pk: int) -> HttpResponse:
    action = _action_for_clerk(request, pk)
    form = ActionNoteForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        note = run_service(
            form,
            lambda: services.action_add_note(
                action=action, text=form.cleaned_data["text"], actor=request.user
            ),
        )
        if note:
            messages.success(request, "Progress note added.")
            return redirect(action)
    return _form_page(request, form, heading="Add a progress note", back=action, button="Add note")
