"""What an uploaded attachment must be, checked by its whole content.

A file is accepted only when its name says what it is (.pdf or .docx) and its content is that,
all the way through: a PDF must parse, page by page; a Word document must be a sound Office
archive (a zip with [Content_Types].xml and its main part) that unpacks to a bounded size and
number of parts, so that a zip bomb is refused before anyone opens it. Every refusal names the
file and says what is wrong with it.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import PurePosixPath

from django.core.exceptions import ValidationError
from pypdf import PdfReader

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
EXTENSIONS = {PDF: "pdf", DOCX: "docx"}
KIND_NAMES = {PDF: "a PDF", DOCX: "a Word document"}
# The part every Office archive of that kind must hold, besides [Content_Types].xml.
OFFICE_MAIN_PARTS = {DOCX: "word/document.xml"}
CONTENT_TYPES_PART = "[Content_Types].xml"

# Bounds on what an Office archive may unpack to. Real documents are far below them.
OFFICE_MAX_UNPACKED_BYTES = 100 * 1024 * 1024
OFFICE_MAX_PARTS = 1000
CHUNK = 1024 * 1024

ALLOWED = "The file must be a PDF or a Word document (.docx)."


def _refuse(name: str, problem: str) -> ValidationError:
    return ValidationError({"upload": f"“{name}” {problem}. {ALLOWED}"})


def _declared_type(name: str) -> str | None:
    extension = PurePosixPath(name.lower()).suffix.lstrip(".")
    return next((kind for kind, ext in EXTENSIONS.items() if ext == extension), None)


def _content_kind(upload) -> str:
    """A first look at the file's first bytes, not a check: "pdf", "zip" or "other"."""
    upload.seek(0)
    head = upload.read(5)
    upload.seek(0)
    if head == b"%PDF-":
        return "pdf"
    if head[:4] == b"PK\x03\x04":
        return "zip"
    return "other"


def _check_pdf(upload, name: str) -> None:
    upload.seek(0)
    try:
        reader = PdfReader(upload)
        pages = len(reader.pages)
        for page in reader.pages:
            page.mediabox  # noqa: B018 - resolves each page, as a reader would
    except Exception as exc:  # a damaged file can fail anywhere inside the parser
        raise _refuse(name, "is damaged or incomplete: it could not be read as a PDF") from exc
    finally:
        upload.seek(0)
    if pages == 0:
        raise _refuse(name, "is a PDF with no pages")


def _check_office(upload, name: str, kind: str) -> None:
    main_part = OFFICE_MAIN_PARTS[kind]
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            parts = archive.infolist()
            if len(parts) > OFFICE_MAX_PARTS:
                raise _refuse(
                    name,
                    f"holds {len(parts):,} parts; a document may hold at most "
                    f"{OFFICE_MAX_PARTS:,}, so it is refused as unsafe",
                )
            if sum(part.file_size for part in parts) > OFFICE_MAX_UNPACKED_BYTES:
                limit = OFFICE_MAX_UNPACKED_BYTES // (1024 * 1024)
                raise _refuse(name, f"would unpack to more than {limit} MB, so it is refused")
            names = {part.filename for part in parts}
            missing = sorted({CONTENT_TYPES_PART, main_part} - names)
            if missing:
                raise _refuse(
                    name,
                    f"is not {KIND_NAMES[kind]}: it has no {' or '.join(missing)} inside it",
                )
            _read_every_part(archive)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError) as exc:
        raise _refuse(name, "is damaged or incomplete: it could not be opened") from exc
    except (NotImplementedError, RuntimeError) as exc:  # unknown compression, or encrypted
        raise _refuse(name, "cannot be opened without a password or special software") from exc
    finally:
        upload.seek(0)


def _read_every_part(archive: zipfile.ZipFile) -> None:
    """Unpack every part, checking its checksum: a damaged or doctored archive is refused.
    (zipfile never unpacks a part past its declared size, which is bounded above.)"""
    for part in archive.infolist():
        with archive.open(part) as stream:
            while stream.read(CHUNK):
                pass


def checked_type(upload, name: str) -> str:
    """The file's type (PDF or DOCX) once its whole content is checked against its name;
    a ValidationError on `upload`, naming the file, otherwise."""
    declared = _declared_type(name)
    if declared is None:
        raise _refuse(name, "is not named .pdf or .docx")
    kind = _content_kind(upload)
    expected = "pdf" if declared == PDF else "zip"
    if kind != expected:
        actual = {"pdf": "a PDF", "zip": "a zip archive"}.get(kind, "not one")
        raise _refuse(name, f"is named as {KIND_NAMES[declared]} but its content is {actual}")
    if declared == PDF:
        _check_pdf(upload, name)
    else:
        _check_office(upload, name, declared)
    return declared
