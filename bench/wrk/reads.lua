-- Reads: every request is a random line of the file the harness wrote (paths, encoded).
--   wrk ... -s bench/wrk/reads.lua http://127.0.0.1:PORT -- paths.txt
dofile(debug.getinfo(1, "S").source:match("^@(.*/)") .. "report.lua")

local paths = {}

function init(args)
   for line in io.lines(args[1]) do
      paths[#paths + 1] = line
   end
   math.randomseed(os.time() * 1000 + id)
end

function request()
   return wrk.format(nil, paths[math.random(#paths)])
end
