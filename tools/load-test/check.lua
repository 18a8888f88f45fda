-- wrk script for `make load-test` (issue 10): every request POSTs one of the samples to
-- /api/check as multipart/form-data, cycling through them. The files are read once per
-- thread, at start.
local boundary = "----khuyencongLoadTest7MA4YWxk"
local bodies = {}
local counter = 0

function init(args)
  for _, path in ipairs(args) do
    local file = assert(io.open(path, "rb"))
    local bytes = file:read("*a")
    file:close()
    local name = path:match("([^/]+)$")
    bodies[#bodies + 1] = "--" .. boundary .. "\r\n"
      .. 'Content-Disposition: form-data; name="file"; filename="' .. name .. '"\r\n'
      .. "Content-Type: application/octet-stream\r\n\r\n" .. bytes .. "\r\n--" .. boundary .. "--\r\n"
  end
end

function request()
  counter = counter + 1
  local body = bodies[(counter % #bodies) + 1]
  return wrk.format("POST", "/api/check", {
    ["Content-Type"] = "multipart/form-data; boundary=" .. boundary,
    ["Accept-Language"] = "vi",
  }, body)
end
