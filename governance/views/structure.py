"""Organisations, partnerships, bodies and people: the public pages and their editing pages."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from governance.models import Body, Organisation, Partnership, Person


@require_GET
def organisation_list(request: HttpRequest) -> HttpResponse:
    organisations = Organisation.objects.all()
    return render(request, "governance/organisation_list.html", {"organisations": organisations})


@require_GET
def organisation_detail(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_object_or_404(Organisation, slug=slug)
    return render(request, "governance/organisation_detail.html", {"organisation": organisation})


@require_GET
def partnership_list(request: HttpRequest) -> HttpResponse:
    partnerships = Partnership.objects.all()
    return render(request, "governance/partnership_list.html", {"partnerships": partnerships})


@require_GET
def partnership_detail(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = get_object_or_404(Partnership, slug=slug)
    return render(request, "governance/partnership_detail.html", {"partnership": partnership})


@require_GET
def body_list(request: HttpRequest) -> HttpResponse:
    bodies = Body.objects.all()
    return render(request, "governance/body_list.html", {"bodies": bodies})


@require_GET
def body_detail(request: HttpRequest, slug: str) -> HttpResponse:
    body = get_object_or_404(Body, slug=slug)
    return render(request, "governance/body_detail.html", {"body": body})


@require_GET
def person_detail(request: HttpRequest, slug: str) -> HttpResponse:
    person = get_object_or_404(Person, slug=slug)
    return render(request, "governance/person_detail.html", {"person": person})
