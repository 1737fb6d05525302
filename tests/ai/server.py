#!/usr/bin/env python3
"""A real OpenAI-compatible server for the assistant's tests: llama.cpp's
server (the xllamacpp package) loading SmolLM2-135M-Instruct, both installed
by `make deps-ai` under ~/.cache/waymark/ai-venv.

Run with that venv's python. It listens on a free loopback port, requires the
API key given, waits until /v1/models answers, then prints one JSON line
({"url": ".../v1", "model": NAME, "pid": PID, "load_s": SECONDS}) and serves
until its stdin closes (the test process ended) or it is killed.

    python server.py --key KEY [--model PATH] [--ctx 8192] [--parallel 4] [--threads 2]
"""
import argparse
import json
import os
import sys
import time
import urllib.request

CACHE = os.path.join(os.path.expanduser("~"), ".cache", "waymark", "ai-venv")
DEFAULT_MODEL = os.path.join(CACHE, "models", "SmolLM2-135M-Instruct.Q4_1.gguf")
ALIAS = "smollm2-135m"


def wait_ready(url, key, deadline):
    request = urllib.request.Request(url + "/models", headers={"Authorization": "Bearer " + key})
    while True:
        try:
            with urllib.request.urlopen(request, timeout=5) as reply:
                if reply.status == 200:
                    return
        except OSError:
            pass
        if time.monotonic() > deadline:
            sys.exit("the llama.cpp server did not answer /v1/models in time")
        time.sleep(0.05)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--key", required=True)
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--ctx", type=int, default=8192)
    parser.add_argument("--parallel", type=int, default=4)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    if not os.path.isfile(args.model):
        sys.exit(f"no model at {args.model}: run `make deps-ai`")

    import xllamacpp

    started = time.monotonic()
    params = xllamacpp.CommonParams()
    params.model.path = args.model
    params.model_alias = {ALIAS}
    params.hostnames = ["127.0.0.1"]
    params.port = 0
    params.n_ctx = args.ctx
    params.n_parallel = args.parallel
    params.api_keys = [args.key]
    params.cpuparams.n_threads = args.threads
    params.cpuparams_batch.n_threads = args.threads
    params.warmup = False
    server = xllamacpp.Server(params)
    url = server.listening_address.rstrip("/") + "/v1"
    wait_ready(url, args.key, started + 120)
    print(json.dumps({"url": url, "model": ALIAS, "pid": os.getpid(), "load_s": round(time.monotonic() - started, 3)}), flush=True)
    sys.stdin.read()
    del server


if __name__ == "__main__":
    main()
