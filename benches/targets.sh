#!/usr/bin/env bash
# Measures the command-line performance targets of issue 6 on this machine:
#   - `tieout check` over 800 generated filings within 10x `wc -l` over the same files;
#   - its peak memory at most 2x the corpus size;
#   - `tieout check` of the two bundled filings (process start to exit).
# Usage: bash benches/targets.sh [PAIRS]   (default 400 pairs = 800 filings, ~42 MB)
# Needs hyperfine (apt-get install hyperfine) and GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
pairs="${1:-400}"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT

cargo build --release --quiet --bin tieout --example gen-corpus
tieout="$PWD/target/release/tieout"
target/release/examples/gen-corpus "$pairs" "$dir"
files=("$dir"/*)
corpus_kb=$(du -k --apparent-size -c "${files[@]}" | tail -1 | cut -f1)

echo "== time: wc -l vs tieout check over ${#files[@]} filings"
# -N runs each command without a shell; -i because `check` exits 1 when checks fail.
hyperfine -N -i --warmup 2 --export-json "$dir/times.json" \
  "wc -l ${files[*]}" \
  "$tieout check ${files[*]}" \
  --command-name "wc -l" --command-name "tieout check" | grep -v '^ *$'
python3 - "$dir/times.json" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
wc, check = r[0]["mean"], r[1]["mean"]
print(f"tieout check / wc -l = {check / wc:.1f}x wall (target <= 10x)")
cpu = lambda x: x["user"] + x["system"]
print(f"tieout check / wc -l = {cpu(r[1]) / cpu(r[0]):.1f}x CPU (user + system; use on a busy machine)")
EOF

echo "== peak memory of tieout check over ${#files[@]} filings"
# `check` exits 1 when checks fail; GNU time then prints a note before the figure.
rss_kb=$( { /usr/bin/time -f '%M' "$tieout" check "${files[@]}" 2>&1 >/dev/null || true; } | tail -1)
echo "corpus ${corpus_kb} KB, peak RSS ${rss_kb} KB = $(python3 -c "print(f'{$rss_kb / $corpus_kb:.2f}')")x corpus (target <= 2x)"

echo "== tieout check of the bundled filings (whole process)"
hyperfine -N -i --warmup 5 "$tieout check" | grep -v '^ *$'
