"""--explain: per utterance, each change and the rule or lexicon line behind it."""
import frontend
from frontend.__main__ import main
from frontend.explain import describe


def test_describe_names_lexicon_file_and_line(tmp_path):
    lex = tmp_path / "my.yaml"
    lex.write_text("zh:\n  好: hao3\n  重庆: chong2 qing4\nen:\n  AI: EY1 AY1\n", encoding="utf-8")
    text = "我爱[火锅](huo3 guo1)和重庆的AI"
    (u,) = frontend.process(text, "zh", lexicon=lex, explain=True)
    lines = describe(u, text).splitlines()
    assert len(lines) == 3
    assert "[火锅](huo3 guo1) -> {huo3}{guo1}" in lines[0] and lines[0].endswith("inline.annotation")
    assert "重庆 -> {chong2}{qing4}" in lines[1] and lines[1].endswith(f"lexicon {lex}:3")
    assert "AI -> {EY1 AY1}" in lines[2] and lines[2].endswith(f"lexicon {lex}:5")


def test_describe_without_changes():
    (u,) = frontend.process("你好", "zh", explain=True)
    assert "unchanged" in describe(u, "你好")


def test_ssml_rules_are_explained():
    text = '电话<say-as interpret-as="digits">110</say-as>'
    (u,) = frontend.process(text, "zh", explain=True)
    assert "-> 幺幺零" in describe(u, text) or "-> 一一零" in describe(u, text)
    assert "ssml.say-as.digits" in describe(u, text)


def test_cli_explain(capsys):
    assert main(["--explain", "--lang", "zh", "去重庆"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "去重庆"


def test_cli_explain_with_lexicon(tmp_path, capsys):
    lex = tmp_path / "l.yaml"
    lex.write_text("zh:\n  重庆: chong2 qing4\n", encoding="utf-8")
    assert main(["--explain", "--lang", "zh", "--lexicon", str(lex), "去重庆"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "去{chong2}{qing4}" and out[1].endswith(f"lexicon {lex}:2")


def test_cli_reports_bad_lexicon(tmp_path, capsys):
    lex = tmp_path / "l.yaml"
    lex.write_text("zh:\n  重庆: chong2\n", encoding="utf-8")
    assert main(["--lang", "zh", "--lexicon", str(lex), "去重庆"]) == 2
    assert f"{lex}:2:" in capsys.readouterr().err
