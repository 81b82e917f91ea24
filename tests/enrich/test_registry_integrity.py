"""The outlet registry: coverage, no domain or name claimed twice, signatures compile."""
import re

import pytest
import yaml

from kabar.registry import Registry, get_registry
from kabar.resources import DataFileError, data_path


def entries():
    return yaml.safe_load(data_path("outlets.yaml").read_text(encoding="utf-8"))["outlets"]


def test_loads_and_covers():
    reg = get_registry()
    indonesian = [o for o in reg.outlets if o.country == "ID"]
    assert len(indonesian) >= 40
    for name in ("Reuters", "AP News", "AFP", "BBC", "Deutsche Welle", "TASS", "KCNA", "Interfax", "RIA Novosti",
                 "Bloomberg", "New York Times", "Xinhua", "Yonhap", "Antara", "Kompas.com", "detikNews", "VIVA.co.id"):
        assert reg.by_name(name) is not None, name


def test_no_domain_claimed_twice():
    seen = {}
    for e in entries():
        for d in e.get("domains") or []:
            assert d not in seen, f"{d} claimed by {seen[d]} and {e['name']}"
            seen[d] = e["name"]


def test_every_signature_compiles_and_is_anchored_to_a_shape():
    for e in entries():
        for s in e.get("signatures") or []:
            re.compile(s)
            assert not re.compile(s).search("Dilansir dari berita lain, katanya."), (e["name"], s)


@pytest.mark.parametrize("url,name", [
    ("https://nasional.kompas.com/read/2024/06/19/x", "Kompas.com"),
    ("https://news.detik.com/internasional/d-1/x", "detikNews"),
    ("https://jateng.tribunnews.com/2024/x", "Tribun Jateng"),
    ("https://www.tribunnews.com/x", "Tribunnews.com"),
    ("https://www.antaranews.com/berita/1", "Antara"),
    ("https://www.kapanlagi.com/showbiz/selebriti/x.html", "KapanLagi.com"),
    ("https://wartakota.tribunnews.com/2024/x", "Warta Kota"),
    ("http://poskotanews.com/2016/08/29/x/", "Pos Kota"),
    ("https://example.org/x", None),
])
def test_by_url(url, name):
    o = get_registry().by_url(url)
    assert (o.name if o else None) == name


@pytest.mark.parametrize("bad", [
    [{"name": "A", "domains": ["a.com"]}, {"name": "B", "domains": ["a.com"]}],
    [{"name": "A", "signatures": ["("]}],
    [{"name": "A", "timezone": "Mars/Olympus"}],
    [{"name": "A", "colour": "red"}],
    [{"name": "A", "aliases": ["X"]}, {"name": "X"}],
])
def test_bad_registry_is_a_clear_error(bad):
    with pytest.raises(DataFileError):
        Registry.from_data(bad)
