"""pytest-lsp drives `bilateral lsp` over stdio as an editor would, on a copy of the portfolio fixture
(two relationships including the same shared record documents) and of the invalid fixtures.

    BILATERAL=.build/debug/bilateral python -m pytest scripts/interop/lsp
"""
import os
import pathlib
import shutil
import sys

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

ROOT = pathlib.Path(__file__).resolve().parents[3]
BILATERAL = os.environ.get("BILATERAL", str(ROOT / ".build/debug/bilateral"))


@pytest.fixture(scope="session")
def workspace(tmp_path_factory):
    """A folder holding the portfolio fixture and the invalid fixtures, copied so that nothing in the repository is touched."""
    folder = tmp_path_factory.mktemp("workspace")
    shutil.copytree(ROOT / "Fixtures/portfolio", folder / "portfolio")
    shutil.copytree(ROOT / "Fixtures/invalid", folder / "invalid")
    shutil.copytree(ROOT / "Fixtures/archive", folder / "archive")
    return folder.resolve()


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[BILATERAL, "lsp", "--stdio"]))
async def client(lsp_client: LanguageClient, workspace):
    capabilities = types.ClientCapabilities(
        text_document=types.TextDocumentClientCapabilities(
            completion=types.CompletionClientCapabilities(
                completion_item=types.ClientCompletionItemOptions(documentation_format=[types.MarkupKind.Markdown])),
            hover=types.HoverClientCapabilities(content_format=[types.MarkupKind.Markdown]),
            publish_diagnostics=types.PublishDiagnosticsClientCapabilities(related_information=True),
        ),
        workspace=types.WorkspaceClientCapabilities(workspace_folders=True),
    )
    await lsp_client.initialize_session(types.InitializeParams(
        capabilities=capabilities,
        workspace_folders=[types.WorkspaceFolder(uri=workspace.as_uri(), name="workspace")]))
    yield
    await lsp_client.shutdown_session()
