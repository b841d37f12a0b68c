-- Init script for lsp/tests/neovim.rs: Neovim (0.7 API, so `vim.lsp.start_client`) runs the
-- real plimsoll-lsp for the file named on the command line and waits for its diagnostics;
-- then it replaces the buffer's text with each given edit in turn, waiting each time for the
-- diagnostics to change; it writes what `vim.diagnostic.get()` reported at every stage as
-- JSON and quits.
--
-- Environment:
--   PLIMSOLL_LSP           the server binary
--   PLIMSOLL_NVIM_OUTPUT   where to write {"filetype", "stages": [[diagnostic...]...],
--                          "timed_out": [stage...], "server_running"}
--   PLIMSOLL_NVIM_EDITS    optional: files separated by ':' whose lines replace the buffer,
--                          one stage each; each must change the diagnostics

local server = assert(os.getenv('PLIMSOLL_LSP'), 'PLIMSOLL_LSP is not set')
local output = assert(os.getenv('PLIMSOLL_NVIM_OUTPUT'), 'PLIMSOLL_NVIM_OUTPUT is not set')
local edits = vim.split(os.getenv('PLIMSOLL_NVIM_EDITS') or '', ':', { trimempty = true })
local wait_ms = 10000

local client_id

-- The same wiring a user's config does before `vim.lsp.start` existed: one client, attached
-- to every Dockerfile and YAML buffer.
vim.api.nvim_create_autocmd('FileType', {
  pattern = { 'dockerfile', 'yaml' },
  callback = function(args)
    if not client_id then
      client_id = vim.lsp.start_client({
        name = 'plimsoll',
        cmd = { server },
        root_dir = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(args.buf), ':p:h'),
      })
      assert(client_id, 'vim.lsp.start_client failed for ' .. server)
    end
    vim.lsp.buf_attach_client(args.buf, client_id)
  end,
})

-- What the test compares: Neovim's own view of each diagnostic (0-based lines, byte columns).
local function report(bufnr)
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    table.insert(found, {
      lnum = d.lnum,
      col = d.col,
      end_lnum = d.end_lnum,
      end_col = d.end_col,
      code = d.code or lsp.code,
      source = d.source,
      severity = d.severity,
      message = d.message,
    })
  end
  return found
end

local function run()
  local bufnr = vim.api.nvim_get_current_buf()
  local result = { filetype = vim.bo[bufnr].filetype, stages = {}, timed_out = {} }
  -- Stage 0 waits for the first diagnostics; every edit then waits for them to change, so a
  -- stage never reads what the server said about the text before it. A stage that times out
  -- ends the run: the later ones could only time out too.
  local function record(stage, arrived)
    local ok = vim.wait(wait_ms, arrived, 20)
    if not ok then
      table.insert(result.timed_out, stage)
    end
    table.insert(result.stages, report(bufnr))
    return ok
  end
  local ok = record(0, function() return #vim.diagnostic.get(bufnr) > 0 end)
  for stage, edit in ipairs(edits) do
    if not ok then
      break
    end
    local previous = result.stages[#result.stages]
    vim.api.nvim_buf_set_lines(bufnr, 0, -1, true, vim.fn.readfile(edit))
    ok = record(stage, function() return not vim.deep_equal(report(bufnr), previous) end)
  end
  -- Diagnostics also clear when the server dies: say whether it is still up.
  local client = vim.lsp.get_client_by_id(client_id)
  result.server_running = client ~= nil and not client.is_stopped()
  vim.fn.writefile({ vim.fn.json_encode(result) }, output)
end

vim.api.nvim_create_autocmd('VimEnter', {
  callback = function()
    local ok, err = pcall(run)
    if not ok then
      io.stderr:write('lint.lua: ' .. tostring(err) .. '\n')
      vim.cmd('cquit 1')
    end
    vim.cmd('qa!')
  end,
})
