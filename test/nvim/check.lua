-- A second, independent LSP client: Neovim's built-in one (Debian neovim 0.7.2 API) against the Node server.
-- usage: nvim --headless --clean -u NONE -c "luafile test/nvim/check.lua"   (test/nvim/run.sh sets the env)
-- env: FILE (the report), SERVER (dist/server/node.js), EXPECT (number of diagnostics),
--      EXPECT_CODES ("code=count,…" sorted by code), EXPECT_KEYS ("line:col:code;…" sorted, 0-based),
--      WAIT_MS (default 10000)
local file, server = os.getenv('FILE'), os.getenv('SERVER')
local expect = tonumber(os.getenv('EXPECT') or '')
local expect_codes, expect_keys = os.getenv('EXPECT_CODES'), os.getenv('EXPECT_KEYS')
local wait_ms = tonumber(os.getenv('WAIT_MS') or '10000')

local function out(msg) io.stdout:write(msg .. '\n'); io.stdout:flush() end
local function finish(code, msg)
  out(msg)
  vim.cmd((code == 0) and 'qall!' or ('cquit ' .. code))
end

local function main()
  if not (file and server and expect and expect_codes and expect_keys) then
    return finish(2, 'FAIL: FILE, SERVER, EXPECT, EXPECT_CODES and EXPECT_KEYS must be set')
  end

  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = 'gknb'

  local started = vim.loop.hrtime()
  local id = vim.lsp.start_client({ name = 'gknb', cmd = { 'node', server, '--stdio' }, root_dir = vim.fn.getcwd() })
  if not id then return finish(2, 'FAIL: could not start the language server') end
  vim.lsp.buf_attach_client(bufnr, id)

  local ok = vim.wait(wait_ms, function() return #vim.diagnostic.get(bufnr) > 0 end, 20)
  local elapsed = (vim.loop.hrtime() - started) / 1e6
  local diags = vim.diagnostic.get(bufnr)

  local counts, keys, failures = {}, {}, {}
  for _, d in ipairs(diags) do
    local code = d.code
    if code == nil and d.user_data and d.user_data.lsp then code = d.user_data.lsp.code end
    code = tostring(code)
    counts[code] = (counts[code] or 0) + 1
    -- Neovim stores byte columns; the LSP (and the CLI) count UTF-16 code units.
    local line = vim.api.nvim_buf_get_lines(bufnr, d.lnum, d.lnum + 1, false)[1] or ''
    local col = d.col
    if col <= #line then col = select(2, vim.str_utfindex(line, col)) end
    table.insert(keys, string.format('%d:%d:%s', d.lnum, col, code))
    if d.source ~= 'gknb' then table.insert(failures, string.format('source %q instead of gknb at %d:%d', tostring(d.source), d.lnum + 1, d.col + 1)) end
    if os.getenv('VERBOSE') then out(string.format('%s:%d:%d: [%s] %s', file, d.lnum + 1, d.col + 1, code, d.message)) end
  end
  local names = vim.tbl_keys(counts)
  table.sort(names)
  local got_codes = {}
  for _, name in ipairs(names) do table.insert(got_codes, name .. '=' .. counts[name]) end
  got_codes = table.concat(got_codes, ',')
  -- sort keys numerically by line, then column, then code
  table.sort(keys, function(a, b)
    local al, ac, acode = a:match('^(%d+):(%d+):(.*)$')
    local bl, bc, bcode = b:match('^(%d+):(%d+):(.*)$')
    al, ac, bl, bc = tonumber(al), tonumber(ac), tonumber(bl), tonumber(bc)
    if al ~= bl then return al < bl end
    if ac ~= bc then return ac < bc end
    return acode < bcode
  end)
  local got_keys = table.concat(keys, ';')

  vim.lsp.stop_client(id)

  if not ok then table.insert(failures, string.format('no diagnostics within %d ms', wait_ms)) end
  if #diags ~= expect then table.insert(failures, string.format('expected %d diagnostics, got %d', expect, #diags)) end
  if got_codes ~= expect_codes then table.insert(failures, string.format('rule codes differ\n  expected %s\n  got      %s', expect_codes, got_codes)) end
  if got_keys ~= expect_keys then table.insert(failures, string.format('diagnostic positions differ\n  expected %s\n  got      %s', expect_keys, got_keys)) end

  if #failures == 0 then
    finish(0, string.format('PASS: %d diagnostics (%s) in %.0f ms', #diags, got_codes, elapsed))
  else
    finish(1, 'FAIL: ' .. table.concat(failures, '\nFAIL: '))
  end
end

local ok, err = xpcall(main, debug.traceback)
if not ok then finish(3, 'ERROR: ' .. tostring(err)) end
