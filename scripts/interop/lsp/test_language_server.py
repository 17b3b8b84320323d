"""A test per feature of `bilateral lsp`, through pytest-lsp's client (see conftest.py)."""
import pytest
from lsprotocol import types
from pygls.exceptions import JsonRpcMethodNotFound, JsonRpcException
from pytest_lsp import LanguageClient


def open_document(client: LanguageClient, path, text=None):
    text = path.read_text(encoding="utf-8") if text is None else text
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=path.as_uri(), language_id="yaml", version=1, text=text)))
    return text


def position_of(text, needle, offset=0):
    """The LSP position (UTF-16) of `needle` in `text`, plus `offset` characters."""
    index = text.index(needle) + offset
    line = text.count("\n", 0, index)
    start = text.rfind("\n", 0, index) + 1
    return types.Position(line=line, character=len(text[start:index].encode("utf-16-le")) // 2)


async def diagnostics_of(client, path):
    """The diagnostics the server publishes for `path`, waiting until they arrive."""
    while path.as_uri() not in client.diagnostics:
        await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return client.diagnostics[path.as_uri()]


def doc(path):
    return types.TextDocumentIdentifier(uri=path.as_uri())


@pytest.mark.asyncio
async def test_diagnostics_on_open_with_codes_and_related_locations(client, workspace):
    path = workspace / "invalid/duplicate-id.yaml"
    open_document(client, path)
    diagnostics = await diagnostics_of(client, path)
    duplicate = [d for d in diagnostics if d.code == "duplicate-id"]
    assert len(duplicate) == 1 and duplicate[0].severity == types.DiagnosticSeverity.Error
    assert duplicate[0].source == "bilateral"
    related = duplicate[0].related_information
    assert related and related[0].location.uri == path.as_uri()
    assert related[0].location.range.start.line < duplicate[0].range.start.line


@pytest.mark.asyncio
async def test_a_change_to_a_shared_document_rechecks_the_datasets_that_include_it(client, workspace):
    dataset = workspace / "portfolio/fr-de.yaml"
    people = workspace / "portfolio/shared/people.yaml"
    open_document(client, dataset)
    assert list(await diagnostics_of(client, dataset)) == []
    text = open_document(client, people)
    client.diagnostics.pop(dataset.as_uri(), None)
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=people.as_uri(), version=2),
        content_changes=[types.TextDocumentContentChangePartial(
            range=types.Range(start=position_of(text, "minister-fr,", 10), end=position_of(text, "minister-fr,", 11)), text="x")]))
    # The relationship that names the person finds her missing, from the unsaved buffer.
    diagnostics = await diagnostics_of(client, dataset)
    assert {d.code for d in diagnostics} == {"unknown-reference"}
    assert "minister-fr" in diagnostics[0].message


@pytest.mark.asyncio
async def test_completion_offers_ids_of_the_kind_the_field_takes(client, workspace):
    path = workspace / "portfolio/fr-de.yaml"
    text = open_document(client, path)
    await diagnostics_of(client, path)
    result = await client.text_document_completion_async(types.CompletionParams(
        text_document=doc(path), position=position_of(text, "visitors: [", 11)))
    assert [item.label for item in result.items] == ["minister-fr"]
    result = await client.text_document_completion_async(types.CompletionParams(
        text_document=doc(path), position=position_of(text, "kind: visit", 6)))
    assert {"visit", "meeting"} <= {item.label for item in result.items}
    result = await client.text_document_completion_async(types.CompletionParams(
        text_document=doc(path), position=position_of(text, "  - id: fr-de-overview", 4)))
    topic = next(item for item in result.items if item.label == "topic")
    assert topic.documentation.kind == types.MarkupKind.Markdown and topic.documentation.value


@pytest.mark.asyncio
async def test_hover_shows_the_record_an_id_names(client, workspace):
    path = workspace / "portfolio/fr-de.yaml"
    text = open_document(client, path)
    await diagnostics_of(client, path)
    hover = await client.text_document_hover_async(types.HoverParams(text_document=doc(path), position=position_of(text, "[minister-fr]", 3)))
    assert "France's foreign minister" in hover.contents.value
    assert "Foreign Minister of France" in hover.contents.value


@pytest.mark.asyncio
async def test_definition_goes_to_the_included_document(client, workspace):
    path = workspace / "portfolio/fr-de.yaml"
    text = open_document(client, path)
    await diagnostics_of(client, path)
    location = await client.text_document_definition_async(types.DefinitionParams(
        text_document=doc(path), position=position_of(text, "[minister-fr]", 3)))
    people = workspace / "portfolio/shared/people.yaml"
    assert location.uri == people.as_uri()
    assert location.range.start == position_of(people.read_text(encoding="utf-8"), "minister-fr,")


@pytest.mark.asyncio
async def test_references_across_the_workspace(client, workspace):
    people = workspace / "portfolio/shared/people.yaml"
    text = open_document(client, people)
    await diagnostics_of(client, people)
    found = await client.text_document_references_async(types.ReferenceParams(
        text_document=doc(people), position=position_of(text, "minister-fr,", 2), context=types.ReferenceContext(include_declaration=False)))
    assert sorted(location.uri.rsplit("/", 1)[1] for location in found) == ["fr-de.yaml", "fr-de.yaml", "people.yaml"]


@pytest.mark.asyncio
async def test_rename_edits_every_reference_and_refuses_a_taken_id(client, workspace):
    people = workspace / "portfolio/shared/people.yaml"
    text = open_document(client, people)
    await diagnostics_of(client, people)
    at = position_of(text, "minister-fr,", 2)
    prepared = await client.text_document_prepare_rename_async(types.PrepareRenameParams(text_document=doc(people), position=at))
    assert prepared.placeholder == "minister-fr"
    edit = await client.text_document_rename_async(types.RenameParams(text_document=doc(people), position=at, new_name="minister-of-france"))
    assert sorted(uri.rsplit("/", 1)[1] for uri in edit.changes) == ["fr-de.yaml", "people.yaml"]
    assert {e.new_text for e in edit.changes[people.as_uri()]} >= {"minister-of-france"}
    assert any("replaces: minister-fr" in e.new_text for e in edit.changes[people.as_uri()])
    with pytest.raises(JsonRpcException):
        await client.text_document_rename_async(types.RenameParams(text_document=doc(people), position=at, new_name="fr"))


@pytest.mark.asyncio
async def test_document_symbols_outline_the_records(client, workspace):
    path = workspace / "portfolio/fr-de.yaml"
    open_document(client, path)
    symbols = await client.text_document_document_symbol_async(types.DocumentSymbolParams(text_document=doc(path)))
    events = next(symbol for symbol in symbols if symbol.name == "events")
    assert [child.name for child in events.children] == ["fr-de-visit", "fr-de-meeting"]


@pytest.mark.asyncio
async def test_code_action_makes_the_did_you_mean_fix(client, workspace):
    path = workspace / "invalid/invalid-value.yaml"
    text = open_document(client, path)
    diagnostics = await diagnostics_of(client, path)
    typo = next(d for d in diagnostics if "offical" in d.message)
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=doc(path), range=typo.range, context=types.CodeActionContext(diagnostics=[typo])))
    fix = next(action for action in actions if action.title == "Change to 'official'")
    assert fix.kind == types.CodeActionKind.QuickFix
    (edit,) = fix.edit.changes[path.as_uri()]
    assert edit.new_text == "official" and edit.range == typo.range


@pytest.mark.asyncio
async def test_unknown_methods_get_method_not_found(client, workspace):
    with pytest.raises(JsonRpcMethodNotFound):
        await client.protocol.send_request_async("bilateral/no-such-method", {})
