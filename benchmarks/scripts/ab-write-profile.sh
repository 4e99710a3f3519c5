#!/usr/bin/env bash
# Alternates two (or more) builds of the benchmarks on one write-profile phase and reports each build's median.
#
# On a shared 2-core machine a single --write-profile run of the 64-caller phase varies by ±30% from one minute to
# the next (23-48 µs per verb for the same build in one hour, benchmarks/README.md, round 9); alternating the builds
# run by run and comparing medians is what told a real 15% change from the noise.
#
# usage: [ROUNDS=10] benchmarks/scripts/ab-write-profile.sh PHASE RUNS REPO_A REPO_B [REPO_C ...]
#   PHASE   a --write-profile phase (3 = 64 callers FULL over 64 things, 7 = on one thing, 8 = spread over 4,096 ...)
#   RUNS    runs per build (6-8 is enough to see a 10-15% change)
#   ROUNDS  measured rounds of 4,096 writes in each run (default 4; 10 gives steadier medians)
#   REPO_*  clones or worktrees whose benchmarks are already built:
#           dotnet build -c Release REPO/benchmarks/Do.Sdk.Benchmarks
# Prints every run (wall µs per verb, process CPU µs per verb, median group size), then per build: the median wall,
# the fastest run, and the median CPU.
set -euo pipefail
if [[ $# -lt 4 ]]; then
    sed -n '2,15p' "$0" >&2
    exit 2
fi

phase=$1
runs=$2
shift 2
out=$(mktemp)
trap 'rm -f "$out"' EXIT

for ((i = 1; i <= runs; i++)); do
    for repo in "$@"; do
        dll="$repo/benchmarks/Do.Sdk.Benchmarks/bin/Release/net10.0/Do.Sdk.Benchmarks.dll"
        row=$(cd "$(dirname "$dll")" && dotnet "$dll" --write-profile "${ROUNDS:-4}" 4096 "$phase" | grep '^|' | tail -1)
        # | phase | wall µs/verb | verbs/s | CPU µs/verb | bytes/verb | group size |
        echo "$repo $(echo "$row" | awk -F'|' '{ gsub(/ /, "", $3); gsub(/ /, "", $5); gsub(/ /, "", $7); print $3, $5, $7 }')" | tee -a "$out"
    done
done

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }
echo
for repo in "$@"; do
    wall=$(awk -v r="$repo" '$1 == r { print $2 }' "$out" | median)
    best=$(awk -v r="$repo" '$1 == r { print $2 }' "$out" | sort -n | head -1)
    cpu=$(awk -v r="$repo" '$1 == r { print $3 }' "$out" | median)
    echo "$repo: median wall $wall µs/verb (fastest $best), median CPU $cpu µs/verb"
done
