"""The voxread command on awkward input files (run as a subprocess, like a user would)."""
import subprocess
import sys
from pathlib import Path

import soundfile

ROOT = Path(__file__).resolve().parent.parent


def voxread(*args, cwd):
    return subprocess.run([sys.executable, "-c", "import sys; sys.path.insert(0, sys.argv.pop(1));"
                           "from synth.cli import main; sys.exit(main(sys.argv[1:]))", str(ROOT)] + list(args),
                          capture_output=True, cwd=cwd, timeout=300)


def test_gbk_file_names_the_file_and_the_expected_encoding(tmp_path):
    (tmp_path / "notes.txt").write_bytes("line one\n你好世界。".encode("gbk"))
    done = voxread("-f", "notes.txt", "-o", "out.wav", cwd=tmp_path)
    err = done.stderr.decode()
    assert done.returncode == 2, err
    assert "notes.txt:2" in err and "UTF-8" in err and "Traceback" not in err
    assert not (tmp_path / "out.wav").exists()


def test_bom_and_crlf_file_reads_like_plain_utf8(tmp_path):
    (tmp_path / "win.txt").write_bytes("\ufeff你好，世界。\r\nHello world.\r\n".encode("utf-8"))
    done = voxread("-f", "win.txt", "--dry-run", cwd=tmp_path)
    assert done.returncode == 0, done.stderr.decode()
    assert done.stdout.decode("utf-8").splitlines() == ["你好，世界。", "Hello world."]


def test_empty_file_is_an_input_error_naming_the_file(tmp_path):
    (tmp_path / "blank.txt").write_text("  \n\n")
    done = voxread("-f", "blank.txt", "-o", "out.wav", cwd=tmp_path)
    assert done.returncode == 2 and "blank.txt" in done.stderr.decode()


def test_missing_file_is_one_line_without_errno_noise(tmp_path):
    done = voxread("-f", "nope.txt", "-o", "out.wav", cwd=tmp_path)
    err = done.stderr.decode().strip()
    assert done.returncode == 2 and "nope.txt" in err and "Errno" not in err and len(err.splitlines()) == 1


def test_a_document_starting_with_a_bracketed_word_reads_it(tmp_path):
    # '（一）' numbers a section: it is text, not a dialect prefix, so espeak must say it
    plain, numbered = tmp_path / "plain.wav", tmp_path / "numbered.wav"
    assert voxread("总则。", "--backend", "espeak", "-o", str(plain), cwd=tmp_path).returncode == 0
    assert voxread("（一二三）总则。", "--backend", "espeak", "-o", str(numbered), cwd=tmp_path).returncode == 0
    assert soundfile.info(str(numbered)).duration > soundfile.info(str(plain)).duration + 0.4


def long_document(paragraphs=400):
    return "\n\n".join(f"第{i}段：今天的气温是{i % 40}度，我们去公园散步。" for i in range(paragraphs))


def test_raw_pcm_reader_that_stops_early_is_not_an_error(tmp_path):
    (tmp_path / "long.txt").write_text(long_document(60), encoding="utf-8")
    cmd = [sys.executable, "-c", "import sys; sys.path.insert(0, sys.argv.pop(1));"
           "from synth.cli import main; sys.exit(main(sys.argv[1:]))", str(ROOT),
           "-f", "long.txt", "--backend", "espeak", "-o", "-", "--stream"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path)
    head = proc.stdout.read(4000)  # like `| head -c 4000`
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=300) == 0, err
    assert len(head) == 4000 and "Broken pipe" not in err and "Traceback" not in err


def test_ctrl_c_stops_espeak_synthesis_and_leaves_a_valid_stream_file(tmp_path):
    import signal
    import time
    (tmp_path / "long.txt").write_text(long_document(), encoding="utf-8")
    cmd = [sys.executable, "-c", "import sys; sys.path.insert(0, sys.argv.pop(1));"
           "from synth.cli import main; sys.exit(main(sys.argv[1:]))", str(ROOT),
           "-f", "long.txt", "--backend", "espeak", "-o", "out.wav", "--stream"]
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, cwd=tmp_path)
    out = tmp_path / "out.wav"
    while not (out.exists() and out.stat().st_size > 200_000) and proc.poll() is None:
        time.sleep(0.02)  # interrupt once espeak is busy synthesising
    proc.send_signal(signal.SIGINT)
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=300) == 130, err
    assert "Traceback" not in err and "Exception ignored" not in err
    assert 0 < soundfile.info(str(out)).duration < 400 * 2.0  # shorter than the whole read


def test_nonsense_guidance_is_a_usage_error(tmp_path):
    for cfg in ("-3", "nan"):
        done = voxread("你好", "--cfg", cfg, "-o", "out.wav", cwd=tmp_path)
        assert done.returncode == 2 and "--cfg" in done.stderr.decode(), cfg
        assert not (tmp_path / "out.wav").exists()
