-- Headless Neovim as an LSP client of dist/server.js (scripts/nvim-smoke.sh). Written for Neovim 0.7 (Debian 12):
-- vim.lsp.start_client, log level 'ERROR'. Opens LSP_FILE, waits for published diagnostics, asks for a hover on the
-- first POST token, and writes both to LSP_OUT as JSON. Any error ends Neovim with a non-zero code (cquit), so the
-- smoke test cannot hang on a prompt; the shell script adds a timeout on top.
local server, file, out = os.getenv('LSP_SERVER'), os.getenv('LSP_FILE'), os.getenv('LSP_OUT')

local function run()
  assert(server and file and out, 'LSP_SERVER, LSP_FILE and LSP_OUT must be set')
  vim.lsp.set_log_level('ERROR')
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  vim.bo.filetype = 'http' -- Neovim sends the filetype as the LSP languageId
  local bufnr = vim.api.nvim_get_current_buf()

  local published
  local client_id = vim.lsp.start_client({
    name = 'http-method-lint',
    cmd = { 'node', server, '--stdio' },
    root_dir = vim.fn.fnamemodify(file, ':h'),
    handlers = {
      ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
        vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
        if result and #result.diagnostics > 0 then published = result end
      end,
    },
  })
  assert(client_id, 'the language server did not start')
  vim.lsp.buf_attach_client(bufnr, client_id)
  assert(vim.wait(15000, function() return published ~= nil end, 20), 'no textDocument/publishDiagnostics with findings')

  local post_line
  for i, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    if line:match('^POST ') then post_line = i - 1; break end
  end
  assert(post_line, 'no POST line in ' .. file)
  local params = { textDocument = vim.lsp.util.make_text_document_params(), position = { line = post_line, character = 1 } }
  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', params, 10000)
  local hover = responses and responses[client_id] and responses[client_id].result
  assert(hover, 'no hover answer')

  local f = assert(io.open(out, 'w'))
  f:write(vim.fn.json_encode({ diagnostics = published.diagnostics, hover = hover, hoverPosition = params.position }))
  f:close()
  vim.lsp.stop_client(client_id)
end

local ok, err = pcall(run)
if ok then
  vim.cmd('qall!')
else
  io.stderr:write('nvim-smoke: ' .. tostring(err) .. '\n')
  vim.cmd('cquit 1')
end
