-- post.lua's call, with the headers that route it through the Portkey gateway to the bench upstream.
-- tests/bench/run.sh sets BENCH_UPSTREAM_PORT.
wrk.method = "POST"
wrk.body = '{"model":"bench","messages":[{"role":"user","content":"hi"}]}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer sk-bench"
wrk.headers["x-portkey-provider"] = "openai"
wrk.headers["x-portkey-custom-host"] = "http://127.0.0.1:" .. os.getenv("BENCH_UPSTREAM_PORT") .. "/v1"
