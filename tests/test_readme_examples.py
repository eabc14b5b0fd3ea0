"""README's frontend examples say what they print in a comment: keep them true."""
import ast
import re
from pathlib import Path

import pytest

import frontend

README = Path(__file__).resolve().parents[1] / "README.md"


def _examples():
    """(line number, call args, kwargs, expected) for `frontend.normalize(...)  # expected` lines,
    and `python -m frontend "text"  # expected` (the CLI prints normalize(text))."""
    out = []
    for n, line in enumerate(README.read_text(encoding="utf-8").splitlines(), 1):
        m = re.match(r'\s*frontend\.normalize\((.*)\)\s+#\s*(.+)$', line)
        if m:
            call = ast.parse(f"f({m.group(1)})", mode="eval").body
            args = [ast.literal_eval(a) for a in call.args]
            kwargs = {k.arg: ast.literal_eval(k.value) for k in call.keywords}
            out.append((n, args, kwargs, m.group(2).strip()))
        m = re.match(r'\s*python -m frontend "([^"]+)"\s+#\s*(.+)$', line)
        if m:
            out.append((n, [m.group(1)], {}, m.group(2).strip()))
    return out


def test_the_readme_has_frontend_examples():
    assert len(_examples()) >= 4


@pytest.mark.parametrize("line, args, kwargs, expected", _examples())
def test_readme_example(line, args, kwargs, expected):
    assert frontend.normalize(*args, **kwargs) == expected, f"README.md:{line}"
