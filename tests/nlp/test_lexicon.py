"""The packaged lexicons load as written: every entry's name whole."""
import pytest

from thucydides.nlp import lexicon as lexicon_module
from thucydides.nlp.lexicon import Lexicon, get_lexicon


def test_names_with_a_comma_are_whole():
    entries = {e.name for e in get_lexicon().entries.values()}
    assert "Washington, D.C." in entries and "Foreign, Commonwealth and Development Office" in entries


def test_an_entry_with_an_unknown_key_is_refused(monkeypatch):
    real = lexicon_module.load_yaml

    def with_unquoted_comma(name):
        if name == "places.yaml":  # what YAML makes of {name: Washington, D.C., country: US}
            return {"entries": [{"name": "Washington", "D.C.": None, "country": "US", "kind": "city"}]}
        return real(name)

    monkeypatch.setattr(lexicon_module, "load_yaml", with_unquoted_comma)
    with pytest.raises(ValueError, match="D.C."):
        Lexicon()
