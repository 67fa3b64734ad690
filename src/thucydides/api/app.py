"""The analyst's desk as a web application: the REST API over the store, and the map page that uses it."""
from __future__ import annotations

import datetime as dt
import io
import threading
from dataclasses import dataclass, field
from importlib import resources
from typing import Literal

from fastapi import Depends, FastAPI, HTTPException, Path, Query, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

from thucydides import __version__
from thucydides.api.schemas import (ConfigOut, DocumentOut, DocumentPage, EntityDetailOut, EntityOut, EntityPage, Error,
                                    EventDetailOut, EventOut, EventPage, IngestedOut, ReportIn, SearchHitOut)
from thucydides.api.security import SECURITY_HEADERS, content_security_policy, require_reader, require_writer
from thucydides.model import ENTITY_TYPES, EVENT_TYPES
from thucydides.store import Store, open_store

EventType = Literal[EVENT_TYPES]  # type: ignore[valid-type]
EntityType = Literal[ENTITY_TYPES]  # type: ignore[valid-type]
EXPORTS = {"acled": ("text/csv", "csv"), "geojson": ("application/geo+json", "geojson"),
           "jsonl": ("application/x-ndjson", "jsonl"), "stix": ("application/stix+json;version=2.1", "json")}
MAX_ID = 2**31 - 1  # the ids are 32-bit integers in PostgreSQL
BAD = {400: {"model": Error}, 401: {"model": Error}}
MISSING = {401: {"model": Error}, 404: {"model": Error}}


@dataclass
class Settings:
    token: str | None = None
    open_reads: bool = True
    tile_url: str | None = None
    tile_attribution: str | None = None
    cors_origins: tuple[str, ...] = ()
    ingest_lock: threading.Lock = field(default_factory=threading.Lock)


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if value is None:
        return None
    try:
        south, west, north, east = (float(x) for x in value.split(","))
    except ValueError:
        raise HTTPException(400, "bbox is south,west,north,east in degrees, e.g. 35,36,37,38") from None
    if not (-90 <= south <= north <= 90 and -180 <= west <= 180 and -180 <= east <= 180):
        raise HTTPException(400, "bbox: latitudes within ±90 (south ≤ north), longitudes within ±180")
    return south, west, north, east


def day(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def create_app(db: str | None = None, token: str | None = None, open_reads: bool = True, tile_url: str | None = None,
               tile_attribution: str | None = None, cors_origins: tuple[str, ...] = (), store: Store | None = None) -> FastAPI:
    """The app over one store; reads open (on localhost) or behind the token, writes always behind it."""
    app = FastAPI(title="Thucydides", version=__version__, docs_url=None, redoc_url=None,
                  description="Events of conflict reports: who did what to whom, where, when, and according to whom.")
    app.state.store = store or open_store(db)
    app.state.settings = Settings(token=token, open_reads=open_reads, tile_url=tile_url,
                                  tile_attribution=tile_attribution, cors_origins=tuple(cors_origins))
    static = resources.files("thucydides.web") / "static"
    app.add_middleware(GZipMiddleware, minimum_size=2000)
    if cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=list(cors_origins), allow_methods=["GET", "POST"],
                           allow_headers=["Authorization", "Content-Type"])

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = content_security_policy(request.url.path, tile_url)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    add_docs(app)
    add_routes(app)

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(str(static / "index.html"), media_type="text/html")

    return app


def add_docs(app: FastAPI) -> None:
    """Swagger UI from the swagger-ui-bundle package, served here: the docs work offline too."""
    import swagger_ui_bundle

    app.mount("/docs-assets", StaticFiles(directory=swagger_ui_bundle.swagger_ui_path), name="swagger")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url="/openapi.json", title="Thucydides API",
                                   swagger_js_url="/docs-assets/swagger-ui-bundle.js",
                                   swagger_css_url="/docs-assets/swagger-ui.css",
                                   swagger_favicon_url="/docs-assets/favicon-32x32.png")


def add_routes(app: FastAPI) -> None:
    read = [Depends(require_reader)]

    def store(request: Request) -> Store:
        return request.app.state.store

    @app.get("/api/config", response_model=ConfigOut, dependencies=read, responses=BAD)
    def config(request: Request) -> ConfigOut:
        s = request.app.state.settings
        return ConfigOut(tile_url=s.tile_url, tile_attribution=s.tile_attribution, writes=bool(s.token))

    @app.get("/api/events", response_model=EventPage, dependencies=read, responses=BAD)
    def events(request: Request,
               type: EventType | None = Query(None, description="one event type"),
               near: str | None = Query(None, max_length=200, description="a place name or 'lat,lon'"),
               within_km: float = Query(50.0, ge=0, le=20000),
               bbox: str | None = Query(None, max_length=100, description="south,west,north,east"),
               since: dt.date | None = Query(None, description="events that may have happened on or after"),
               until: dt.date | None = Query(None, description="events that may have happened on or before"),
               actor: str | None = Query(None, max_length=200), source: str | None = Query(None, max_length=200),
               min_sources: int = Query(0, ge=0, le=1000), text: str | None = Query(None, max_length=500),
               limit: int = Query(100, ge=1, le=5000), offset: int = Query(0, ge=0, le=10_000_000)) -> EventPage:
        """Events, newest first, with the filters of `thuc events`, a bounding box and pagination."""
        s = store(request)
        try:
            f = s.filter(near, type=type, within_km=within_km, bbox=parse_bbox(bbox), since=day(since),
                         until=day(until), actor=actor, source=source, min_sources=min_sources, text=text)
        except ValueError as error:
            raise HTTPException(400, str(error)) from None
        options = {k: v for k, v in f.__dict__.items() if k not in ("limit", "offset")}
        found = s.events(**{**options, "limit": limit, "offset": offset})
        total = s.count_events(**options) if offset or len(found) == limit else len(found)
        return EventPage(total=total, limit=limit, offset=offset, items=[EventOut(**e.to_dict()) for e in found])

    @app.get("/api/events/{event_id}", response_model=EventDetailOut, dependencies=read, responses=MISSING)
    def event(request: Request, event_id: int = Path(ge=1, le=MAX_ID)) -> EventDetailOut:
        """One event with every report of it: evidence, attribution chain, stance."""
        detail = store(request).event(event_id)
        if detail is None:
            raise HTTPException(404, f"no event {event_id}")
        return EventDetailOut(event=EventOut(**detail.event.to_dict()), reports=[r.to_dict() for r in detail.reports])

    @app.get("/api/entities", response_model=EntityPage, dependencies=read, responses=BAD)
    def entities(request: Request, type: EntityType | None = None,
                 country: str | None = Query(None, min_length=2, max_length=2, pattern="^[A-Za-z]{2}$"),
                 name: str | None = Query(None, max_length=200), limit: int = Query(100, ge=1, le=5000),
                 offset: int = Query(0, ge=0, le=10_000_000)) -> EntityPage:
        """Canonical entities, the most reported first."""
        s = store(request)
        found = s.entities(type=type, country=country, name=name, limit=limit, offset=offset)
        total = s.count_entities(type=type, country=country, name=name) if offset or len(found) == limit else len(found)
        return EntityPage(total=total, limit=limit, offset=offset, items=[EntityOut(**e.to_dict()) for e in found])

    @app.get("/api/entities/{entity_id}", response_model=EntityDetailOut, dependencies=read, responses=MISSING)
    def entity(request: Request, entity_id: int = Path(ge=1, le=MAX_ID)) -> EntityDetailOut:
        """One entity with its aliases, its roles over time and its events."""
        s = store(request)
        found = s.entity(entity_id)
        if found is None:
            raise HTTPException(404, f"no entity {entity_id}")
        return EntityDetailOut(entity=EntityOut(**found.to_dict()), roles=[r.to_dict() for r in s.roles(entity_id)],
                               events=[EventOut(**e.to_dict()) for e in s.entity_events(entity_id)])

    @app.get("/api/documents", response_model=DocumentPage, dependencies=read, responses=BAD)
    def documents(request: Request, limit: int = Query(100, ge=1, le=5000),
                  offset: int = Query(0, ge=0, le=10_000_000)) -> DocumentPage:
        """Stored reports, newest first (without their text)."""
        s = store(request)
        return DocumentPage(total=s.count_documents(), limit=limit, offset=offset,
                            items=[DocumentOut(**d.to_dict()) for d in s.documents(limit, offset)])

    @app.get("/api/documents/{document_id}", response_model=DocumentOut, dependencies=read, responses=MISSING)
    def document(request: Request, document_id: str = Path(max_length=64)) -> DocumentOut:
        """One report with its text and the spans where its events are stated."""
        found = store(request).document(document_id)
        if found is None:
            raise HTTPException(404, f"no document {document_id}")
        return DocumentOut(**found.to_dict())

    @app.get("/api/search", response_model=list[SearchHitOut], dependencies=read, responses=BAD)
    def search(request: Request, q: str = Query(..., min_length=1, max_length=500),
               limit: int = Query(20, ge=1, le=200)) -> list[SearchHitOut]:
        """Full-text search over the stored reports."""
        return [SearchHitOut(**h.to_dict()) for h in store(request).search(q, limit)]

    @app.get("/api/export", dependencies=read, responses={**BAD, 200: {"content": {
        "text/csv": {}, "application/geo+json": {}, "application/x-ndjson": {}, "application/stix+json;version=2.1": {}}}})
    def export(request: Request, format: Literal["acled", "geojson", "jsonl", "stix"] = "geojson",
               type: EventType | None = None, since: dt.date | None = None, until: dt.date | None = None,
               min_sources: int = Query(0, ge=0, le=1000)) -> Response:
        """The store's events as a download: ACLED-style CSV, GeoJSON, JSON Lines of the contract, STIX 2.1."""
        from thucydides.export import export as write

        out = io.StringIO()
        write(store(request), format, out, type=type, since=day(since), until=day(until), min_sources=min_sources)
        media, suffix = EXPORTS[format]
        return Response(out.getvalue(), media_type=media,
                        headers={"Content-Disposition": f'attachment; filename="thucydides-events.{suffix}"'})

    @app.post("/api/reports", response_model=IngestedOut, status_code=201, dependencies=[Depends(require_writer)],
              responses={400: {"model": Error}, 401: {"model": Error}, 403: {"model": Error}})
    def ingest(request: Request, report: ReportIn) -> IngestedOut:
        """Extract and store one report, given as text or as a URL to fetch (public addresses only)."""
        from thucydides.errors import ReportError
        from thucydides.extraction import extract_documents, make_document
        from thucydides.ingest import RawReport

        if bool(report.text and report.text.strip()) == bool(report.url):
            raise HTTPException(400, "give either text or url")
        try:
            if report.url:
                from thucydides.ingest.feed import url_reports

                raw = url_reports(report.url, allow_private=False)[0]
                if isinstance(raw, ReportError):
                    raise raw
            else:
                raw = RawReport(text=report.text, path=None, title=report.title, outlet=report.outlet,
                                published=report.published)
        except ReportError as error:
            raise HTTPException(400, f"{error.source}: {error.problem}") from None
        try:
            dt.date.fromisoformat(report.published) if report.published else None
        except ValueError:
            raise HTTPException(400, f"published: {report.published!r} is not a date") from None
        document = make_document(raw, report.published or dt.date.today().isoformat())
        with request.app.state.settings.ingest_lock:  # one pipeline, one report at a time
            extraction = next(extract_documents([document]))
            written = store(request).write(extraction)
        return IngestedOut(document_id=written.document_id, stored=written.stored, new_events=written.new_events,
                           merged_events=written.merged_events)
