"""Language identification on text we write."""
import pytest

from thucydides.nlp.language import detect_language


@pytest.mark.parametrize("text, code", [
    ("Russian forces shelled the outskirts of Kharkiv overnight, regional officials said on Monday.", "en"),
    ("Les forces russes ont bombardé la périphérie de Kharkiv pendant la nuit, selon les autorités régionales.", "fr"),
    ("Las fuerzas rusas bombardearon las afueras de Járkov durante la noche, dijeron las autoridades regionales.", "es"),
    ("Російські війська обстріляли околиці Харкова вночі, повідомили в обласній адміністрації.", "uk"),
    ("قصفت القوات الروسية أطراف خاركيف ليلا بحسب ما قاله مسؤولون إقليميون يوم الاثنين.", "ar"),
    ("Short.", "en"),
    ("Armed men kidnapped 30 students from a school in Kuriga, Kaduna State, police said.", "en"),  # not Pidgin
])
def test_detect_language(text, code):
    assert detect_language(text) == code
