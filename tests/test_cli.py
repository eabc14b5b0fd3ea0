"""The voxread command, run as a subprocess: every option and every error path."""
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import soundfile

ROOT = Path(__file__).resolve().parent.parent
TINY = ROOT / "tests" / "data" / "voxcpm-tiny"
# Runs the CLI with the test double of the VoxCPM model registered as "test/fake"; prints
# what the model was asked (texts, seeds, options) and which lexicon reached the frontend.
WITH_FAKE = (
    "import json, sys; sys.path.insert(0, 'tests'); import fake_voxcpm, frontend;"
    "import synth.backends.voxcpm as v; m = fake_voxcpm.FakeModel(); v._MODELS[('test/fake', None)] = m;"
    "seen = {}; real = frontend.process;"
    "frontend.process = lambda t, lang=None, **kw: (seen.setdefault('lexicon', kw.get('lexicon')), real(t, lang, **kw))[1];"
    "from synth.cli import main; rc = main(sys.argv[1:]);"
    "print('CALLS=' + json.dumps({'calls': m.calls, 'gen': getattr(m, 'gen', {}), 'built': m.voices_built,"
    " 'lexicon': seen.get('lexicon')}), file=sys.stderr); sys.exit(rc)")


def voxread(*args, stdin=None, fake=False, env=None, tmp=None):
    environ = dict(os.environ, HOME=str(tmp or "/nonexistent"), HF_HOME=str(tmp or "/nonexistent"))
    environ.pop("VOXREAD_MODEL", None)
    environ.update(env or {})
    cmd = [sys.executable, "-c", WITH_FAKE] if fake else [sys.executable, "-m", "synth.cli"]
    return subprocess.run(cmd + list(args), input=stdin, capture_output=True, cwd=ROOT, env=environ,
                          timeout=300)


def calls(done):
    line = [ln for ln in done.stderr.decode().splitlines() if ln.startswith("CALLS=")][-1]
    return json.loads(line[len("CALLS="):])


def ok(done):
    assert done.returncode == 0, done.stderr.decode()
    assert b"Traceback" not in done.stderr
    return done


def fails(done, code, message):
    assert done.returncode == code, (done.returncode, done.stderr.decode())
    err = done.stderr.decode()
    assert message in err and "Traceback" not in err
    assert len([ln for ln in err.splitlines() if ln.startswith("voxread: error")]) == 1


def test_text_argument_to_wav_with_the_preview_notice(tmp_path):
    done = ok(voxread("你好，世界！", "-o", str(tmp_path / "a.wav"), tmp=tmp_path))
    data, sr = soundfile.read(tmp_path / "a.wav")
    assert sr == 22050 and len(data) / sr > 0.5 and np.abs(data).max() > 0.05
    assert "preview voice" in done.stderr.decode()


def test_file_input_flac_and_sample_rate(tmp_path):
    (tmp_path / "in.txt").write_text("第一段。\n第二段。\nThird paragraph.\n第四段。\n第五段。", encoding="utf-8")
    done = ok(voxread("-f", str(tmp_path / "in.txt"), "-o", str(tmp_path / "a.flac"), "--sample-rate", "16000",
                      tmp=tmp_path))
    data, sr = soundfile.read(tmp_path / "a.flac")
    assert sr == 16000 and len(data) / sr > 2
    assert b"utterances" not in done.stderr  # no progress bar when stderr is not a terminal


def test_stdin_to_ogg(tmp_path):
    ok(voxread("-o", str(tmp_path / "a.ogg"), stdin="hello there".encode(), tmp=tmp_path))
    data, sr = soundfile.read(tmp_path / "a.ogg")
    assert len(data) / sr > 0.3


@pytest.mark.parametrize("streaming", [False, True])
def test_raw_pcm_on_stdout(tmp_path, streaming):
    args = ["你好", "-o", "-"] + (["--stream"] if streaming else [])
    done = ok(voxread(*args, tmp=tmp_path))
    pcm = np.frombuffer(done.stdout, "<i2")
    assert len(done.stdout) % 2 == 0 and len(pcm) > 22050 * 0.3 and np.abs(pcm).max() > 1000


def test_voxcpm_raw_pcm_on_stdout_is_the_stream_of_the_read(tmp_path):
    sys.path.insert(0, str(ROOT / "tests"))
    import fake_voxcpm
    import synth
    from synth.audio import to_pcm16

    text = "第一句。\n第二句话。\n第三句话来了。"
    done = ok(voxread(text, "-o", "-", "--model", "test/fake", "--seed", "5", fake=True, tmp=tmp_path))
    expected = synth.speak(text, model=fake_voxcpm.FakeModel(), seed=5)
    assert done.stdout == to_pcm16(expected.samples)


def test_stream_to_file(tmp_path):
    ok(voxread("第一句。\n第二句。", "-o", str(tmp_path / "s.wav"), "--stream", tmp=tmp_path))
    data, sr = soundfile.read(tmp_path / "s.wav")
    assert len(data) / sr > 0.5


def test_dry_run_prints_utterances_and_synthesises_nothing(tmp_path):
    done = ok(voxread("--dry-run", "第一段\n第二段", tmp=tmp_path))
    assert done.stdout.decode().splitlines() == ["第一段", "第二段"]
    assert not list(tmp_path.glob("*.wav"))
    lines = ok(voxread("--dry-run", "--explain", "买了2个苹果", tmp=tmp_path)).stdout.decode().splitlines()
    assert lines[0] == "买了两个苹果"
    assert "2" in lines[1] and "两" in lines[1] and "number.cardinal" in lines[1]


def test_model_voice_and_generation_options_reach_the_model(tmp_path):
    out, voice_file = tmp_path / "c.wav", tmp_path / "me.voice"
    done = ok(voxread("第一句。\n第二句。\n第三句。", "-o", str(out), "--model", "test/fake",
                      "--prompt-wav", str(TINY / "prompt.wav"), "--prompt-text", "这是提示音。",
                      "--save-voice", str(voice_file), "--seed", "11", "--cfg", "1.5", "--steps", "6",
                      fake=True, tmp=tmp_path))
    seen = calls(done)
    assert seen["built"] == 1 and voice_file.is_file()
    assert {s for c in seen["calls"] for s in c[2]} == {11}
    assert seen["gen"]["cfg_value"] == 1.5 and seen["gen"]["inference_timesteps"] == 6
    assert "preview voice" not in done.stderr.decode()
    again = ok(voxread("第一句。", "-o", str(tmp_path / "d.wav"), "--model", "test/fake", "--voice",
                       str(voice_file), "--backend", "voxcpm", fake=True, tmp=tmp_path))
    assert calls(again)["built"] == 0 and soundfile.info(tmp_path / "d.wav").samplerate == 16000


def test_model_from_environment_and_lexicons_are_passed(tmp_path):
    lex1, lex2 = tmp_path / "a.yaml", tmp_path / "b.yaml"
    lex1.write_text("{}", encoding="utf-8")
    lex2.write_text("{}", encoding="utf-8")
    done = ok(voxread("你好。", "-o", str(tmp_path / "e.wav"), "--lexicon", str(lex1), "--lexicon", str(lex2),
                      fake=True, env={"VOXREAD_MODEL": "test/fake"}, tmp=tmp_path))
    seen = calls(done)
    assert seen["calls"] and seen["lexicon"] == [str(lex1), str(lex2)]


def test_backend_espeak_overrides_a_configured_model(tmp_path):
    done = ok(voxread("你好。", "-o", str(tmp_path / "f.wav"), "--backend", "espeak", fake=True,
                      env={"VOXREAD_MODEL": "test/fake"}, tmp=tmp_path))
    assert calls(done)["calls"] == [] and soundfile.info(tmp_path / "f.wav").samplerate == 22050


@pytest.mark.parametrize("args, message", [
    (["   ", "-o", "x.wav"], "empty"),
    (["。。。", "-o", "x.wav"], "normalises to nothing"),
    (["你好", "-o", "x.mp3"], ".wav, .flac, .ogg"),
    (["你好"], "-o"),
    (["你好", "-f", "in.txt", "-o", "x.wav"], "not both"),
    (["-f", "missing.txt", "-o", "x.wav"], "cannot read"),
    (["你好", "-o", "x.wav", "--prompt-wav", "p.wav"], "both --prompt-wav and --prompt-text"),
    (["你好", "-o", "x.wav", "--backend", "voxcpm"], "no VoxCPM checkpoint"),
    (["你好", "-o", "x.wav", "--model", "/no/such/dir"], "model directory not found"),
    (["你好", "-o", "x.wav", "--lexicon", "missing.yaml"], "lexicon file not found"),
    (["你好", "-o", "x.wav", "--voice", "missing.voice"], "voice file not found"),
    (["你好", "-o", "x.wav", "--explain"], "--dry-run"),
    (["你好", "-o", "x.wav", "--precision", "int8"], "precision needs a VoxCPM checkpoint"),
    (["你好", "-o", "x.wav", "--backend", "espeak", "--precision", "bfloat16"], "not the espeak"),
])
def test_usage_and_input_errors_exit_2(tmp_path, args, message):
    (tmp_path / "in.txt").write_text("x")
    done = subprocess.run([sys.executable, "-m", "synth.cli"] + args, capture_output=True, cwd=tmp_path,
                          env=dict(os.environ, PYTHONPATH=str(ROOT), HOME=str(tmp_path), HF_HOME=str(tmp_path)),
                          timeout=300)
    fails(done, 2, message)


def test_unknown_option_is_a_usage_error():
    done = voxread("--no-such-option")
    assert done.returncode == 2 and b"usage" in done.stderr


def test_failure_exits_1_and_debug_shows_the_traceback(tmp_path):
    broken = {"VOXREAD_MODEL": "test/fake"}
    code = WITH_FAKE.replace("m = fake_voxcpm.FakeModel();",
                             "m = fake_voxcpm.FakeModel(); m.generate_many = None;")
    args = ["你好。", "-o", str(tmp_path / "g.wav")]
    env = dict(os.environ, HOME=str(tmp_path), HF_HOME=str(tmp_path), **broken)
    done = subprocess.run([sys.executable, "-c", code] + args, capture_output=True, cwd=ROOT, env=env, timeout=300)
    fails(done, 1, "not callable")
    done = subprocess.run([sys.executable, "-c", code] + args + ["--debug"], capture_output=True, cwd=ROOT,
                          env=env, timeout=300)
    assert done.returncode != 0 and b"Traceback" in done.stderr


def test_progress_bar_draws_on_a_terminal():
    from synth.cli import ProgressBar
    buf = io.StringIO()
    bar = ProgressBar(buf, width=10)
    bar(5, 10)
    bar(10, 10)
    assert "[#####.....] 5/10 utterances" in buf.getvalue() and buf.getvalue().endswith("10/10 utterances\n")
