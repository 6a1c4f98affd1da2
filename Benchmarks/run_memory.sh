#!/usr/bin/env bash
# Peak memory of `chainrule run` on a 784-128-64-10 network with `iterations 10000` (the release
# build), the output going to /dev/null: shows that run streams (memory flat in the iterations).
#
#   bash Benchmarks/run_memory.sh [SECONDS] [FORMAT]
#
# SECONDS (default 0 = no limit) stops the run after that long: the whole run writes every weight and
# gradient of every iteration (about 11 KB of text per iteration, large layers abbreviated), which takes about half an hour; a limited run
# shows memory across its first iterations. Every 10 s the script prints the resident set and how many
# iterations were written so far; at the end /usr/bin/time's peak (maximum resident set size).
set -euo pipefail
limit="${1:-0}"
format="${2:-text}"
root="$(cd "$(dirname "$0")/.." && pwd)"
binary="$root/.build/release/chainrule"
[ -x "$binary" ] || (cd "$root" && swift build -c release --product chainrule)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
{
    echo "input x[784]"
    echo "target y[10]"
    previous=x
    for layer in "1 128 784" "2 64 128" "3 10 64"; do
        set -- $layer
        echo "param W$1[$2,$3], b$1[$2]"
        echo "a$1 = sigmoid(W$1 $previous + b$1)"
        previous="a$1"
    done
    echo "loss L = mse(a3, y)"
    echo "rate 0.1"
    echo "iterations 10000"
} > "$work/mnist-10000.nn"
/usr/bin/time -v -o "$work/time.txt" "$binary" run "$work/mnist-10000.nn" --format "$format" > "$work/out" 2>/dev/null &
timer=$!
start=$SECONDS
while kill -0 "$timer" 2>/dev/null; do
    sleep 10
    pid="$(pgrep -P "$timer" -x chainrule || true)"
    [ -n "$pid" ] || continue
    rss="$(awk '/VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)"
    if [ "$format" = json ]; then done_="$(grep -c '"updated"' "$work/out" || true)"; else done_="$(grep -c '^Iteration' "$work/out" || true)"; fi
    echo "after $((SECONDS - start)) s: resident $((rss / 1024)) MB, $done_ iterations written, output $(( $(stat -c %s "$work/out") / 1000000 )) MB"
    if [ "$limit" -gt 0 ] && [ $((SECONDS - start)) -ge "$limit" ]; then kill "$pid"; fi
done
wait "$timer" || true
grep -E "Maximum resident|Elapsed|Command terminated|Exit status" "$work/time.txt" || true
