"""The evaluation command on a tiny hand-made gold set with a known score."""
import json

from kabar.evaluate import main
from kabar.evaluate.body import prf, shingles


def test_shingles_and_known_prf():
    assert sum(shingles("a b c d e").values()) == 2
    p, r, f = prf("one two three four five six", "one two three four five seven")
    # gold shingles: 3; predicted: 3; shared: "one two three four", "two three four five"
    assert (round(p, 3), round(r, 3), round(f, 3)) == (0.667, 0.667, 0.667)
    assert prf("", "") == (1.0, 1.0, 1.0)
    assert prf("a b c d", "")[2] == 0.0


BODY = [
    "Presiden Rusia Vladimir Putin akan mengunjungi Korea Utara untuk bertemu dengan Kim Jong Un pekan depan, kata juru bicara Kremlin.",
    "Kunjungan ini dilakukan sembilan bulan setelah Putin menerima kunjungan Kim di Timur Jauh Rusia, yang jarang terjadi.",
]


def test_eval_command_prints_scores(tmp_path, capsys):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").write_text("\n\n".join(["Putin Akan Kunjungi Korea Utara", *BODY, "ADVERTISEMENT"]), encoding="utf-8")
    # gold b lists one body line only: the cleaner keeps both, so precision < 1 but recall 1
    (inputs / "b.txt").write_text("\n\n".join(["Putin Akan Kunjungi Korea Utara", *BODY]), encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        json.dumps({"file": "a.txt", "title": "Putin Akan Kunjungi Korea Utara", "body_lines": BODY}) + "\n"
        + json.dumps({"file": "b.txt", "title": "x", "body_lines": BODY[:1]}) + "\n",
        encoding="utf-8",
    )
    out_json = tmp_path / "out.json"
    assert main(["clean", str(gold), "--inputs", str(inputs), "--json", str(out_json)]) == 0
    printed = capsys.readouterr().out
    assert "mean P" in printed and "a.txt" in printed
    result = json.loads(out_json.read_text())["text"]["body"]
    docs = {d["id"]: d for d in result["docs"]}
    assert docs["a.txt"]["f1"] == 1.0
    g, p = sum(shingles(BODY[0]).values()), sum(shingles("\n\n".join(BODY)).values())
    assert abs(docs["b.txt"]["precision"] - g / p) < 1e-9 and docs["b.txt"]["recall"] == 1.0
    assert abs(result["mean"]["f1"] - (1.0 + 2 * (g / p) / (g / p + 1)) / 2) < 1e-9
    assert docs["b.txt"]["kept"] == [BODY[1]]


def test_gold_split_suffix_halves_a_set(tmp_path):
    from kabar.evaluate.gold import half_of, read_gold, split_spec

    assert half_of("0310") == "even" and half_of("4557") == "odd"
    assert half_of("001_d682ae8ef33f888e.txt") == "odd"
    assert split_spec(tmp_path / "x@odd") == (tmp_path / "x", "odd")
    assert split_spec("plain.jsonl") == (__import__("pathlib").Path("plain.jsonl"), None)
    inputs = tmp_path / "in"
    inputs.mkdir()
    gold = tmp_path / "g.jsonl"
    rows = []
    for name in ("000_a.txt", "001_b.txt", "002_c.txt"):
        (inputs / name).write_text("\n\n".join(BODY), encoding="utf-8")
        rows.append(json.dumps({"file": name, "title": "t", "body_lines": BODY}))
    gold.write_text("\n".join(rows) + "\n", encoding="utf-8")
    even = [g["id"] for g, _ in read_gold(f"{gold}@even", inputs)]
    odd = [g["id"] for g, _ in read_gold(f"{gold}@odd", inputs)]
    assert even == ["000_a.txt", "002_c.txt"] and odd == ["001_b.txt"]
