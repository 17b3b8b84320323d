"""Runs scripts/interop/lsp/neovim.lua in headless Neovim against `bilateral lsp` and checks what Neovim saw.

    python3 scripts/interop/lsp/check_neovim.py BILATERAL
"""
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile

root = pathlib.Path(__file__).resolve().parents[3]
bilateral = os.path.abspath(sys.argv[1])
with tempfile.TemporaryDirectory() as folder:
    workspace = pathlib.Path(folder).resolve()
    shutil.copytree(root / "Fixtures/portfolio", workspace / "portfolio")
    result = workspace / "result.json"
    environment = dict(os.environ, BILATERAL=bilateral, WORKSPACE=str(workspace), RESULT=str(result))
    subprocess.run(["nvim", "--headless", "--clean", "-c", f"luafile {root}/scripts/interop/lsp/neovim.lua"],
                   env=environment, check=True, timeout=120, stdin=subprocess.DEVNULL)
    seen = json.loads(result.read_text())
    assert "error" not in seen, seen.get("error")
    assert seen["diagnosed"], "Neovim showed no diagnostics"
    (typo,) = seen["diagnostics"]
    assert "'vist'" in typo["message"] and "did you mean 'visit'?" in typo["message"], typo
    assert seen["completion"] == ["minister-fr"], seen["completion"]
    assert seen["definition"].endswith("/portfolio/shared/people.yaml"), seen["definition"]
    assert sorted(pathlib.Path(uri).name for uri in seen["renamed_files"]) == ["fr-de.yaml", "people.yaml"], seen["renamed_files"]
    assert "visitors: [minister-of-france]" in seen["buffer"] and "minister-fr]" not in seen["buffer"], seen["buffer"]
    # The other file's edit went to a buffer Neovim opened for it, not to disk.
    assert "minister-fr," in (workspace / "portfolio/shared/people.yaml").read_text()
print("Neovim showed the diagnostic, completed, went to the definition and renamed across two files")
