#!/bin/sh
# The "Dask" recipe of README.md ("Running past one machine"), for real: a
# local Dask distributed cluster (one scheduler, one worker with two
# threads, both bound to 127.0.0.1 on free ports, no dashboards) is
# started, corpus/sample.csv is split into 4 shards, one task per shard
# runs `verbatim report --emit-state` on the worker and returns the state,
# the states are gathered and merged by `verbatim merge`, and the report
# must equal the one of a single pass, byte for byte (json and md), as
# must the merged state. The cluster is stopped on exit, whatever happens.
#
# Usage: dask.sh VERBATIM SOURCE_DIR. Needs Debian's python3-distributed
# (`scripts/install-deps --test`); without it this fails.
set -u
bin=$1
src=$2
here=$src/tests/shard
sample=$src/corpus/sample.csv

fail() {
    echo "dask.sh: $*" >&2
    exit 1
}

# Debian's module is for Debian's python3, whatever python3 comes first.
py=""
for p in /usr/bin/python3 python3; do
    if "$p" -c "import distributed" 2>/dev/null; then
        py=$p
        break
    fi
done
[ -n "$py" ] || fail "Dask distributed not found (Debian package 'python3-distributed';
    scripts/install-deps --test)"

tmp=$(mktemp -d)
scheduler=""
worker=""
# Stops process $1: SIGTERM, and SIGKILL if it has not gone 10 s later. A
# worker whose scheduler closes under it can hang in its own close
# (a CancelledError in Worker.close), and the test then sat at `wait`
# until ctest's timeout, after it had passed.
stop() {
    kill "$1" 2>/dev/null || return 0
    (sleep 10 && kill -9 "$1") >/dev/null 2>&1 &
    watchdog=$!
    wait "$1" 2>/dev/null
    kill "$watchdog" 2>/dev/null
}
cleanup() {
    # The worker first, so that it closes while its scheduler is there.
    for pid in $worker $scheduler; do
        stop "$pid"
    done
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
cd "$tmp" || exit 1

# Two free ports on the loopback interface (the OS picks them).
ports=$("$py" -c '
import socket
socks = [socket.socket() for _ in range(2)]
for s in socks:
    s.bind(("127.0.0.1", 0))
print(" ".join(str(s.getsockname()[1]) for s in socks))
for s in socks:
    s.close()
') || fail "cannot find free ports"
set -- $ports
sched_port=$1
address="tcp://127.0.0.1:$sched_port"

"$py" -m distributed.cli.dask_scheduler --host 127.0.0.1 --port "$sched_port" \
    --no-dashboard --no-show >scheduler.log 2>&1 &
scheduler=$!
"$py" -m distributed.cli.dask_worker "$address" --host 127.0.0.1 --nthreads 2 --no-nanny \
    --no-dashboard >worker.log 2>&1 &
worker=$!

sh "$here/split_csv.sh" "$sample" 4 shards
args="--id-col response_id --score-col score --date-col date --segment-col region"

# One task per shard; the state comes back as the task's result.
VERBATIM="$bin" ARGS="$args" ADDRESS="$address" "$py" - shards/shard*.csv <<'EOF' || {
import os, subprocess, sys
from distributed import Client

def emit_state(shard, verbatim, args):
    run = subprocess.run([verbatim, "report", shard, *args, "--emit-state"],
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=True,
                         env=os.environ)
    return run.stdout

client = Client(os.environ["ADDRESS"], timeout=60)
client.wait_for_workers(1, timeout=60)
for host in list(client.scheduler_info()["workers"]) + [client.scheduler.address]:
    assert host.startswith("tcp://127.0.0.1:"), host   # loopback only
shards = [os.path.abspath(s) for s in sys.argv[1:]]
futures = client.map(emit_state, shards, verbatim=os.environ["VERBATIM"],
                     args=os.environ["ARGS"].split(), pure=False)
for shard, state in zip(shards, client.gather(futures)):
    with open(shard[:-4] + ".state", "wb") as f:
        f.write(state)
client.close()
EOF
    tail -n 5 scheduler.log worker.log >&2
    fail "the Dask tasks failed"
}

for fmt in json md; do
    "$bin" report "$sample" $args --report $fmt -o one.$fmt 2>/dev/null || fail "single pass failed"
    "$bin" merge shards/shard*.state --report $fmt -o merged.$fmt || fail "merge failed"
    cmp -s one.$fmt merged.$fmt || fail "the merged $fmt report differs from one pass"
done
"$bin" report "$sample" $args --emit-state -o one.state 2>/dev/null
"$bin" merge shards/shard*.state --emit-state -o merged.state
cmp -s one.state merged.state || fail "the merged state differs from one pass"
echo "dask: $(ls shards/*.state | wc -l) shards as tasks on a local cluster ($address), merged: json, md and state identical"
exit 0
