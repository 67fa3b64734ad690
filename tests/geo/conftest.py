"""One gazetteer for the geo tests: built once (about half a minute) where `thuc` keeps it."""
import pytest


@pytest.fixture(scope="session")
def gazetteer():
    from thucydides.geo.gazetteer import get_gazetteer

    return get_gazetteer()
