-- Writes: workflow moves. Each line of the file is "path<TAB>body<TAB>body back", a move
-- and the move that undoes it (retract, reinstate). Thread k of n takes lines k, k+n, ...
-- and walks them in turn, sending the first bodies, then the second ones, and so on: a
-- claim's next move is sent only after every other claim of the thread has had one, so
-- with many more lines than connections it is never sent while the last is in flight.
--   wrk ... -s bench/wrk/writes.lua http://127.0.0.1:PORT -- moves.txt THREADS KEY
dofile(debug.getinfo(1, "S").source:match("^@(.*/)") .. "report.lua")

local moves, sent, headers = {}, 0, {}
server_errors, busy = 0, 0

function init(args)
   -- wrk calls thread 0's request() once before the run to check it (script_verify_request
   -- in wrk.c) and never sends that request: counted, it sent that thread's first claim
   -- back before there, one 409 per run once the thread had gone round its claims.
   if id == 0 then
      sent = -1
   end
   local n, threads = 0, tonumber(args[2])
   for line in io.lines(args[1]) do
      if n % threads == id then
         local path, there, back = line:match("^([^\t]+)\t([^\t]+)\t([^\t]+)$")
         moves[#moves + 1] = { path, there, back }
      end
      n = n + 1
   end
   headers = { ["Authorization"] = "Bearer " .. args[3], ["Content-Type"] = "application/json" }
end

function request()
   local move = moves[sent % #moves + 1]
   local body = move[math.floor(sent / #moves) % 2 + 2]
   sent = sent + 1
   return wrk.format("POST", move[1], headers, body)
end

function response(status, headers, body)
   if status >= 500 then
      server_errors = server_errors + 1
   end
   -- factcheck answers 503 "The database is busy" when a write waited out the busy timeout.
   if body:find("database is locked", 1, true) or body:find("database is busy", 1, true) then
      busy = busy + 1
   end
end
