-- Neovim's built-in LSP client (Debian's neovim, 0.7 and later) drives `bilateral lsp`: it opens a
-- relationship of the portfolio fixture with a typo, waits for the diagnostics Neovim shows, asks for
-- completion, definition and rename, applies the rename's edit, and writes what it saw as JSON.
--
--   BILATERAL=bin WORKSPACE=dir RESULT=out.json nvim --headless --clean -c 'luafile scripts/interop/lsp/neovim.lua'
local bilateral, workspace, result_path = os.getenv("BILATERAL"), os.getenv("WORKSPACE"), os.getenv("RESULT")
local seen = {}

local function finish()
  local file = io.open(result_path, "w")
  file:write(vim.fn.json_encode(seen))
  file:close()
  vim.cmd("qa!")
end

local ok, failure = pcall(function()
  vim.cmd("edit " .. workspace .. "/portfolio/fr-de.yaml")
  local buffer = vim.api.nvim_get_current_buf()
  -- A typo in an event's kind, made in the buffer only.
  vim.cmd([[%s/kind: visit/kind: vist/]])
  local client_id = vim.lsp.start_client({
    name = "bilateral",
    cmd = { bilateral, "lsp" },
    root_dir = workspace,
    workspace_folders = { { uri = vim.uri_from_fname(workspace), name = "workspace" } },
  })
  vim.lsp.buf_attach_client(buffer, client_id)
  local client = vim.lsp.get_client_by_id(client_id)
  seen.diagnosed = vim.wait(20000, function() return #vim.diagnostic.get(buffer) > 0 end, 50)
  seen.diagnostics = {}
  for _, diagnostic in ipairs(vim.diagnostic.get(buffer)) do
    table.insert(seen.diagnostics, { line = diagnostic.lnum, message = diagnostic.message, code = diagnostic.code or
      (diagnostic.user_data and diagnostic.user_data.lsp and diagnostic.user_data.lsp.code) })
  end

  local function position_of(pattern, offset)
    local line = vim.fn.search(pattern, "w")
    local column = vim.fn.match(vim.fn.getline(line), pattern)
    return { line = line - 1, character = column + offset }
  end
  local uri = vim.uri_from_bufnr(buffer)

  local completion = client.request_sync("textDocument/completion",
    { textDocument = { uri = uri }, position = position_of("visitors: \\[", 11) }, 10000, buffer)
  seen.completion = {}
  for _, item in ipairs((completion and completion.result and completion.result.items) or {}) do
    table.insert(seen.completion, item.label)
  end

  local definition = client.request_sync("textDocument/definition",
    { textDocument = { uri = uri }, position = position_of("\\[minister-fr\\]", 3) }, 10000, buffer)
  seen.definition = definition and definition.result and definition.result.uri or vim.NIL

  local rename = client.request_sync("textDocument/rename",
    { textDocument = { uri = uri }, position = position_of("\\[minister-fr\\]", 3), newName = "minister-of-france" }, 10000, buffer)
  if rename and rename.result then
    vim.lsp.util.apply_workspace_edit(rename.result, "utf-16")
    seen.renamed_files = vim.tbl_keys(rename.result.changes or {})
  end
  seen.buffer = table.concat(vim.api.nvim_buf_get_lines(buffer, 0, -1, false), "\n")
end)
if not ok then seen.error = tostring(failure) end
finish()
