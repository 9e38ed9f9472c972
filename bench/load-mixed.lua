-- wrk script of bench/load-mixed.sh: every connection is one user, mixing public pages and the staff API.
-- The data (paths, tokens) comes from the file in KANSA_LOAD_DATA, written by load-mixed.sh.
-- A draft is followed by two edits carrying the same version (two colleagues saving at once: one wins, the other
-- gets the expected 409), then submit, the department approver's return, an edit, submit … so writes contend all the time.
-- (Reads of single responses are left out: their bodies look like the writes' and would be followed as well.)
local data = dofile(os.getenv("KANSA_LOAD_DATA"))
local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

local queue, pool = {}, {}
counts = {} -- global: done() reads it from every thread with thread:get
local json = { ["Content-Type"] = "application/json" }

local function auth(token, extra)
  local h = { ["Authorization"] = "Bearer " .. token }
  if extra then for k, v in pairs(extra) do h[k] = v end end
  return h
end

local function pick(list) return list[math.random(#list)] end

function init(args)
  math.randomseed(os.time() + id * 7919)
  -- Each thread drafts on its own share of every editor's findings: a finding is drafted once.
  for e, editor in ipairs(data.editors) do
    for i, f in ipairs(editor.findings) do
      if i % data.threads == id - 1 then table.insert(pool, { editor = e, finding = f }) end
    end
  end
  for i = #pool, 2, -1 do local j = math.random(i); pool[i], pool[j] = pool[j], pool[i] end
end

local function body(status, content, version)
  local v = version and (',"version":"' .. version .. '"') or ""
  return '{"status":"' .. status .. '","content":"' .. content .. '"' .. v .. '}'
end

local function public()
  local r = math.random(100)
  if r <= 15 then return wrk.format("GET", "/")
  elseif r <= 40 then return wrk.format("GET", pick(data.audits))
  elseif r <= 85 then return wrk.format("GET", pick(data.findings))
  elseif r <= 97 then return wrk.format("GET", pick(data.reports))
  else return wrk.format("GET", "/open-data/kansa.csv") end
end

local function staff()
  local r = math.random(100)
  if r <= 30 and #pool > 0 then
    local item = table.remove(pool)
    local editor = data.editors[item.editor]
    return wrk.format("POST", item.finding.responses, auth(editor.token, json),
      body("検討中", "負荷試験の下書き e=" .. item.editor))
  elseif r <= 80 then
    local editor = pick(data.editors)
    return wrk.format("GET", pick(editor.findings).record, auth(editor.token))
  elseif r <= 92 then
    return wrk.format("GET", "/api/v1/rounds", auth(data.coordinator))
  else
    return wrk.format("GET", "/api/v1/change-log?pageSize=20", auth(data.auditor))
  end
end

function request()
  if #queue > 0 and math.random(100) <= 60 then
    return table.remove(queue, 1)
  end
  if math.random(100) <= data.staffPercent then return staff() end
  return public()
end

local function follow(status, b)
  -- Only the API's response objects start with an id and carry a stage; their content names the editor (e=N).
  local id = b:match('^{"id":(%d+)')
  local stage = b:match('"stage":"(%a+)"')
  local version = b:match('"version":"([%x%-]+)"')
  local editor = tonumber(b:match('e=(%d+)') or "")
  if not (id and stage and version and editor) or #queue > 400 then return end
  local last
  for action in b:gmatch('"action":"(%a+)"') do last = action end
  local token = data.editors[editor].token
  local path = "/api/v1/responses/" .. id
  if status == 201 then
    -- Two colleagues save the draft they both read: exactly one of the two edits wins, the other is a 409.
    local edit = wrk.format("PUT", path, auth(token, json), body("検討中", "負荷試験の編集 e=" .. editor, version))
    table.insert(queue, edit)
    table.insert(queue, edit)
  elseif last == "edited" then
    table.insert(queue, wrk.format("POST", path .. "/submit", auth(token, json), '{"version":"' .. version .. '"}'))
  elseif stage == "submitted" then
    table.insert(queue, wrk.format("POST", path .. "/return", auth(data.editors[editor].approver, json), '{"comment":"負荷試験の差戻し"}'))
  elseif stage == "returned" then
    table.insert(queue, wrk.format("PUT", path, auth(token, json), body("検討中", "負荷試験の再編集 e=" .. editor, version)))
  end
end

local shown = 0

function response(status, headers, b)
  counts[status] = (counts[status] or 0) + 1
  if status >= 400 and status ~= 409 and shown < 5 then
    shown = shown + 1
    io.stderr:write(string.format("HTTP %d: %s\n", status, b:sub(1, 300)))
  end
  if status == 200 or status == 201 then follow(status, b) end
end

function done(summary, latency, requests)
  local total = {}
  for _, t in ipairs(threads) do
    for status, n in pairs(t:get("counts")) do total[status] = (total[status] or 0) + n end
  end
  local statuses, unexpected, conflicts = {}, 0, 0
  for status, n in pairs(total) do
    table.insert(statuses, string.format("%d=%d", status, n))
    if status == 409 then conflicts = conflicts + n elseif status >= 400 then unexpected = unexpected + n end
  end
  table.sort(statuses)
  local e = summary.errors
  local socket = e.connect + e.read + e.write + e.timeout
  io.write("---- kansa mixed load ----\n")
  io.write(string.format("requests: %d in %.1f s (%.1f/s)\n", summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6)))
  io.write("statuses: " .. table.concat(statuses, " ") .. "\n")
  io.write(string.format("expected 409 (two saves of one version): %d\n", conflicts))
  io.write(string.format("errors: %d (unexpected 4xx/5xx %d; socket: connect %d, read %d, write %d, timeout %d)\n",
    unexpected + socket, unexpected, e.connect, e.read, e.write, e.timeout))
  io.write(string.format("latency ms: p50 %.1f  p90 %.1f  p99 %.1f  p99.9 %.1f  max %.1f  mean %.1f\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency:percentile(99.9) / 1000, latency.max / 1000, latency.mean / 1000))
end
