"""The REST API and the web page (FastAPI): create_app(db, token=...) for uvicorn or tests."""
from thucydides.api.app import create_app

__all__ = ["create_app"]
