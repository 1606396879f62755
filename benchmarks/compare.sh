#!/usr/bin/env bash
# Benchmark fzlint against the linters people would otherwise run on Chinese
# text: AutoCorrect (npm autocorrect-node, `autocorrect --lint`) and zhlint.
#
# Usage (from anywhere):   bash benchmarks/compare.sh [SEEDS_DIR]
#   SEEDS_DIR      the seed reports, *.txt (default: $FZLINT_SEEDS, else ../shared/seeds
#                  beside the repository)
#   environment:   COPIES=200 (copies of each seed in the corpus), RUNS=5 (timed runs
#                  on the corpus), COLD_RUNS=20 (timed runs of each cold start),
#                  GROW_RUNS=10 (timed runs of each grown file), NO_HYPERFINE=1 (force
#                  the plain `date` timer)
#
# What it does, all in one run so that the figures share the machine's noise:
#  1. Corpus: the seeds copied COPIES times into a temporary directory
#     (5 seeds x 200 = 1000 .txt files), removed on exit.
#  2. Tools: installs the pinned npm packages below, if they are not there yet,
#     into ${XDG_CACHE_HOME:-~/.cache}/fzlint-bench/node (outside the repository)
#     with `npm install --prefix`.
#  3. Corpus timing, same corpus, same run: fzlint with all rules and --jobs 2,
#     `autocorrect --lint .` and `zhlint '*.txt'`, each run inside the corpus
#     (zhlint lints only its FIRST argument, a glob pattern relative to the
#     working directory, so it gets one quoted pattern).  Each command is run
#     once first to check that it really linted the corpus (zhlint exits 0 when
#     it throws, autocorrect when it cannot read the path; fzlint --jobs 2 must
#     print what --jobs 1 prints, else a WARNING says the timing is not of the
#     same work), then timed: hyperfine if present (one warm-up, RUNS runs),
#     else `date +%s.%N` around each of the same runs.  Prints each tool's
#     median and fzlint's ratio to each, against the goals (at most 0.2 of
#     autocorrect's time, 0.05 of zhlint's).
#  4. Cold start: fzlint on one seed against `python3 -c pass` (median of
#     COLD_RUNS runs after 3 warm-ups; goal under 150 ms), and one seed grown
#     10 and 100 times (its body, from the first "一、" heading to the last line
#     ending in "。", repeated between the seed's own front and back matter),
#     with the time per 1000 characters and the marginal time per 1000
#     characters between sizes, so that linearity can be judged.
#
# fzlint is run as `python3 -m fzlint` with PYTHONPATH set to the repository root,
# so the working tree is measured; nothing else in the repository is used.
# python3 is resolved to the real interpreter (sys.executable), because a pyenv
# shim alone adds tens of milliseconds to every start.  Bytecode is allowed and
# cached under the temporary directory (PYTHONPYCACHEPREFIX), as for an
# installed fzlint; the cold start is also shown without it (python3 -B).
# Outputs go to /dev/null while timing.  Findings are not failures: exit 0 unless a tool is missing,
# fails to install, crashes, or does not lint the corpus.
set -euo pipefail

AUTOCORRECT_VERSION=2.14.0   # npm autocorrect-node
ZHLINT_VERSION=0.8.2         # npm zhlint

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SEEDS=${1:-${FZLINT_SEEDS:-$ROOT/../shared/seeds}}
COPIES=${COPIES:-200}
RUNS=${RUNS:-5}
COLD_RUNS=${COLD_RUNS:-20}
GROW_RUNS=${GROW_RUNS:-10}
NODE_DIR=${XDG_CACHE_HOME:-$HOME/.cache}/fzlint-bench/node
BIN=$NODE_DIR/node_modules/.bin

die() { echo "compare.sh: $*" >&2; exit 1; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/fzlint-compare.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

# ---------------------------------------------------------------- set-up ----
shopt -s nullglob
seeds=("$SEEDS"/*.txt)
shopt -u nullglob
(( ${#seeds[@]} > 0 )) || die "no *.txt seeds in $SEEDS"
command -v python3 >/dev/null || die "python3 not found"
command -v node >/dev/null && command -v npm >/dev/null || die "node and npm are needed"

PY=$(python3 -c 'import sys; print(sys.executable)')
export PYTHONPATH=$ROOT NO_COLOR=1
# Bytecode as an installed fzlint has it, kept out of the repository: compiled
# once (by the warm-ups) into the temporary directory, then read.
unset PYTHONDONTWRITEBYTECODE
export PYTHONPYCACHEPREFIX=$WORK/pycache
"$PY" -c 'import fzlint.cli' || die "cannot import fzlint from $ROOT (its dependencies installed?)"

installed_version() {  # npm package name -> its installed version, or nothing
    node -p "require(process.argv[1]).version" "$NODE_DIR/node_modules/$1/package.json" 2>/dev/null || true
}
if [[ $(installed_version autocorrect-node) != "$AUTOCORRECT_VERSION" ||
      $(installed_version zhlint) != "$ZHLINT_VERSION" ]]; then
    echo "installing autocorrect-node@$AUTOCORRECT_VERSION zhlint@$ZHLINT_VERSION into $NODE_DIR"
    mkdir -p "$NODE_DIR"
    npm install --prefix "$NODE_DIR" --no-audit --no-fund --loglevel=error \
        "autocorrect-node@$AUTOCORRECT_VERSION" "zhlint@$ZHLINT_VERSION" >"$WORK/npm.log" 2>&1 \
        || { cat "$WORK/npm.log" >&2; die "npm install failed"; }
fi
[[ -x $BIN/autocorrect ]] || die "autocorrect missing after install ($BIN/autocorrect)"
[[ -x $BIN/zhlint ]] || die "zhlint missing after install ($BIN/zhlint)"
[[ $(installed_version autocorrect-node) == "$AUTOCORRECT_VERSION" ]] || die "autocorrect-node is not $AUTOCORRECT_VERSION"
[[ $(installed_version zhlint) == "$ZHLINT_VERSION" ]] || die "zhlint is not $ZHLINT_VERSION"

HYPERFINE=
if [[ -z ${NO_HYPERFINE:-} ]] && command -v hyperfine >/dev/null; then HYPERFINE=$(command -v hyperfine); fi

JOBS=(--jobs 2)

echo "== versions"
echo "python3   $PY ($("$PY" -c 'import platform; print(platform.python_version())'))$(
    [[ $(command -v python3) != "$PY" ]] && echo "; python3 on PATH is $(command -v python3), bypassed")"
echo "fzlint    $("$PY" -m fzlint --version 2>&1 | head -n1), tree $ROOT ($(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')$(
    [[ -n $(git -C "$ROOT" status --porcelain -- fzlint rules grammar 2>/dev/null) ]] && echo ', uncommitted changes in fzlint/ rules/ grammar/'))"
echo "node      $(node --version), npm $(npm --version 2>/dev/null)"
echo "autocorrect-node $(installed_version autocorrect-node) ($("$BIN/autocorrect" --version 2>&1 | head -n1))"
echo "zhlint    $(installed_version zhlint)"
if [[ -n $HYPERFINE ]]; then echo "timer     $("$HYPERFINE" --version)"; else echo "timer     date +%s.%N (no hyperfine)"; fi
load() { cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime; }
echo "machine   $(nproc) cores, load average $(load) (other work on the machine skews every figure); fzlint ${JOBS[*]}"

# ---------------------------------------------------------------- corpus ----
CORPUS=$WORK/corpus
mkdir -p "$CORPUS"
for ((i = 0; i < COPIES; i++)); do
    for seed in "${seeds[@]}"; do cp "$seed" "$CORPUS/$(printf '%04d' "$i")_${seed##*/}"; done
done
nfiles=$(find "$CORPUS" -name '*.txt' | wc -l)
nchars() { "$PY" -c 'import sys
b = open(sys.argv[1], "rb").read()
try: t = b.decode("utf-8-sig")
except UnicodeDecodeError: t = b.decode("gb18030", "replace")
print(len(t))' "$1"; }
corpus_chars=0
for seed in "${seeds[@]}"; do corpus_chars=$((corpus_chars + $(nchars "$seed") * COPIES)); done
echo
echo "== corpus: ${#seeds[@]} seeds x $COPIES = $nfiles files, $corpus_chars characters, in $CORPUS"

# --------------------------------------------------------------- timing ----
# bench WARMUPS RUNS SHELL NAME CMD [NAME CMD ...]
#   times each command string, writes its run times in seconds, one a line, to
#   $WORK/t.NAME.  SHELL: "bash" runs the string in bash, "none" runs it without
#   a shell (hyperfine -N; the fallback then uses eval in a subshell).  Exit
#   codes are ignored here: each command is validated before it is timed.
bench() {
    local warm=$1 runs=$2 shell=$3; shift 3
    local -a hf_args=() names=() cmds=()
    while (($#)); do names+=("$1"); cmds+=("$2"); hf_args+=(-n "$1" "$2"); shift 2; done
    if [[ -n $HYPERFINE ]]; then
        local shell_opt=(--shell=bash)
        [[ $shell == none ]] && shell_opt=(-N)
        "$HYPERFINE" --style basic -i "${shell_opt[@]}" --warmup "$warm" --runs "$runs" \
            --export-json "$WORK/hf.json" "${hf_args[@]}" >&2
        "$PY" - "$WORK/hf.json" "$WORK" <<'EOF'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    with open(f"{sys.argv[2]}/t.{r['command']}", "w") as f:
        f.write("".join(f"{t!r}\n" for t in r["times"]))
EOF
    else
        local k r t0 t1
        for k in "${!names[@]}"; do
            echo "timing ${names[k]}: $warm warm-up, $runs runs" >&2
            for ((r = 0; r < warm; r++)); do ( eval "${cmds[k]}" ) >/dev/null 2>&1 || true; done
            : >"$WORK/t.${names[k]}"
            for ((r = 0; r < runs; r++)); do
                t0=$(date +%s.%N)
                ( eval "${cmds[k]}" ) >/dev/null 2>&1 || true
                t1=$(date +%s.%N)
                awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.6f\n", b - a }' >>"$WORK/t.${names[k]}"
            done
        done
    fi
}
# tstat NAME FIELD: median | mean | sd | min | max | n of NAME's run times (s)
tstat() {
    sort -g "$WORK/t.$1" | awk -v f="$2" '{ t[NR] = $1; s += $1; q += $1 * $1 }
        END { n = NR; m = s / n; sd = (n > 1) ? sqrt((q - n * m * m) / (n - 1)) : 0; if (sd != sd) sd = 0
              med = (n % 2) ? t[(n + 1) / 2] : (t[n / 2] + t[n / 2 + 1]) / 2
              v["median"] = med; v["mean"] = m; v["sd"] = sd; v["min"] = t[1]; v["max"] = t[n]; v["n"] = n
              printf "%.6f\n", v[f] }'
}
calc() { awk "BEGIN { printf \"$1\n\", $2 }"; }
# check NAME RC: exit code 0 (clean) or 1 (findings) is fine, anything else is a failure
check_rc() { [[ $2 == 0 || $2 == 1 ]] || { tail -n 20 "$WORK/out.$1" >&2; die "$1 exited $2"; }; }
files_seen() {  # distinct corpus files named at the start of a finding in NAME's output
    sed 's/\x1b\[[0-9;]*m//g' "$WORK/out.$1" | { grep -oE '[^ /]*\.txt:[0-9]+:[0-9]+' || true; } | cut -d: -f1 | sort -u | wc -l
}

q() { printf '%q' "$1"; }
# All three run inside the corpus on relative paths: zhlint's pattern is relative
# to the working directory, and autocorrect given the absolute path of the
# directory it runs in lints nothing ("IO error ... No issues found", exit 0).
FZ_CMD="$(q "$PY") -m fzlint --no-color ${JOBS[*]} ."
AC_CMD="$(q "$BIN/autocorrect") --lint ."
ZH_CMD="$(q "$BIN/zhlint") '*.txt'"
cd "$CORPUS"

echo
echo "== checking that each tool lints the whole corpus (untimed run)"
rc=0; eval "$FZ_CMD" >"$WORK/out.fzlint" 2>&1 || rc=$?
check_rc fzlint "$rc"
seen=$(files_seen fzlint)
echo "fzlint:      exit $rc, findings in $seen files; $(grep -E '[0-9]+ 个文件|[0-9]+ files?' "$WORK/out.fzlint" | tail -n 1)"
((seen > 0)) || die "fzlint reported nothing on the corpus"
same_work=
# --jobs must print what one process prints, or the timing is not of the same work.
rc=0; "$PY" -m fzlint --no-color --jobs 1 . >"$WORK/out.fzlint1" 2>&1 || rc=$?
check_rc fzlint1 "$rc"
if cmp -s "$WORK/out.fzlint" "$WORK/out.fzlint1"; then
    echo "fzlint:      ${JOBS[*]} prints the same report as --jobs 1"
else
    same_work="WARNING: fzlint ${JOBS[*]} printed $(wc -l <"$WORK/out.fzlint") lines, --jobs 1 printed $(wc -l <"$WORK/out.fzlint1"): the timed run does not do the same work as one process"
    echo "$same_work"
fi
rc=0; eval "$AC_CMD" >"$WORK/out.autocorrect" 2>&1 || rc=$?
check_rc autocorrect "$rc"
seen=$(files_seen autocorrect)
echo "autocorrect: exit $rc, findings in $seen files; $(sed 's/\x1b\[[0-9;]*m//g' "$WORK/out.autocorrect" | grep -E 'Error|spend' | tr '\n' ' ')"
((seen > 0)) || die "autocorrect reported nothing on the corpus"
rc=0; eval "$ZH_CMD" >"$WORK/out.zhlint" 2>&1 || rc=$?
check_rc zhlint "$rc"
started=$(grep -c '^\[start\]' "$WORK/out.zhlint" || true)
echo "zhlint:      exit $rc, linted $started files; $(grep -E '^(Found|Invalid|All)' "$WORK/out.zhlint" | tail -n 1)"
# zhlint catches its own exceptions and exits 0, so count the files it started
((started == nfiles)) || { head -n 20 "$WORK/out.zhlint" >&2; die "zhlint linted $started of $nfiles files"; }

echo
echo "== corpus timing: $nfiles files, 1 warm-up + $RUNS runs each"
echo "   fzlint:      $FZ_CMD"
echo "   autocorrect: $AC_CMD"
echo "   zhlint:      $ZH_CMD    (all three in $CORPUS)"
bench 1 "$RUNS" bash fzlint "$FZ_CMD" autocorrect "$AC_CMD" zhlint "$ZH_CMD"

echo
echo "== results: corpus ($nfiles files, $corpus_chars characters; median of $RUNS runs)"
for t in fzlint autocorrect zhlint; do
    printf '%-12s %8.3f s  (mean %.3f ± %.3f s, min %.3f, max %.3f)\n' "$t" \
        "$(tstat "$t" median)" "$(tstat "$t" mean)" "$(tstat "$t" sd)" "$(tstat "$t" min)" "$(tstat "$t" max)"
done
fz=$(tstat fzlint median)
goal() {  # goal TOOL LIMIT
    local other ratio
    other=$(tstat "$1" median)
    ratio=$(calc %.4f "$fz / $other")
    printf 'fzlint / %-11s = %.3f  (goal <= %s: %s; fzlint would need <= %.3f s)\n' "$1" "$ratio" "$2" \
        "$(awk -v r="$ratio" -v g="$2" 'BEGIN { print (r <= g) ? "MET" : "NOT MET" }')" "$(calc %.4f "$other * $2")"
}
goal autocorrect 0.2
goal zhlint 0.05
[[ -z $same_work ]] || echo "$same_work"

# ------------------------------------------------------------ cold start ----
cd "$WORK"
seed=${seeds[0]}
echo
echo "== cold start: one seed (${seed##*/}, $(nchars "$seed") characters), 3 warm-ups + $COLD_RUNS runs each"
bench 3 "$COLD_RUNS" none \
    baseline "$(q "$PY") -c pass" \
    cold "$(q "$PY") -m fzlint --no-color $(q "$seed")" \
    import "$(q "$PY") -c 'import fzlint.cli'" \
    nobytecode "env -u PYTHONPYCACHEPREFIX $(q "$PY") -B -m fzlint --no-color $(q "$seed")"
base=$(tstat baseline median); cold=$(tstat cold median); imp=$(tstat import median)
nobc=$(tstat nobytecode median)
tree_pyc=no; [[ -n $(find "$ROOT/fzlint" -name __pycache__ -print -quit) ]] && tree_pyc=yes
printf 'python3 -c pass             %6.1f ms median\n' "$(calc %.4f "$base * 1000")"
printf 'import fzlint.cli           %6.1f ms median (+%.1f ms over python3 -c pass)\n' \
    "$(calc %.4f "$imp * 1000")" "$(calc %.4f "($imp - $base) * 1000")"
printf 'python3 -m fzlint SEED      %6.1f ms median (+%.1f ms over python3 -c pass, %.1fx); goal < 150 ms: %s\n' \
    "$(calc %.4f "$cold * 1000")" "$(calc %.4f "($cold - $base) * 1000")" "$(calc %.4f "$cold / $base")" \
    "$(awk -v c="$cold" 'BEGIN { print (c < 0.150) ? "MET" : "NOT MET" }')"
printf 'python3 -B -m fzlint SEED   %6.1f ms median (no bytecode cache; __pycache__ in fzlint/: %s)\n' \
    "$(calc %.4f "$nobc * 1000")" "$tree_pyc"

# ---------------------------------------------------------------- growth ----
# front matter: lines before the first "一、" heading; body: from there to the
# last line ending in "。"; back matter: the rest.
split_seed() {
    awk -v out="$WORK/grow" '
        { line[NR] = $0; if (!first && $0 ~ /^一、/) first = NR; if ($0 ~ /。[[:space:]]*$/) last = NR }
        END { if (!first || last < first) { first = 1; last = NR }
              for (i = 1; i <= NR; i++) print line[i] > (out (i < first ? ".front" : i <= last ? ".body" : ".back")) }' "$1"
    touch "$WORK/grow.front" "$WORK/grow.body" "$WORK/grow.back"
}
split_seed "$seed"
cp "$seed" "$WORK/grow1.txt"
for n in 10 100; do
    { cat "$WORK/grow.front"; for ((k = 0; k < n; k++)); do cat "$WORK/grow.body"; done; cat "$WORK/grow.back"; } >"$WORK/grow$n.txt"
done
echo
echo "== growth: ${seed##*/} with its body ($(wc -l <"$WORK/grow.body") lines) repeated 1, 10, 100 times; 1 warm-up + $GROW_RUNS runs each"
for n in 1 10 100; do
    rc=0; "$PY" -m fzlint --no-color "$WORK/grow$n.txt" >"$WORK/out.grow$n" 2>&1 || rc=$?
    check_rc "grow$n" "$rc"
done
bench 1 "$GROW_RUNS" none \
    grow1 "$(q "$PY") -m fzlint --no-color $(q "$WORK/grow1.txt")" \
    grow10 "$(q "$PY") -m fzlint --no-color $(q "$WORK/grow10.txt")" \
    grow100 "$(q "$PY") -m fzlint --no-color $(q "$WORK/grow100.txt")"
prev_t= prev_c=
for n in 1 10 100; do
    t=$(tstat "grow$n" median); c=$(nchars "$WORK/grow$n.txt")
    line=$(printf '%4sx %8d chars  %8.1f ms median  %7.2f ms per 1000 chars' "$n" "$c" \
        "$(calc %.4f "$t * 1000")" "$(calc %.4f "$t * 1000 * 1000 / $c")")
    [[ -n $prev_t ]] && line+=$(printf '  (marginal from previous size: %.2f ms per 1000 chars)' \
        "$(calc %.4f "($t - $prev_t) * 1000 * 1000 / ($c - $prev_c)")")
    echo "$line"
    prev_t=$t prev_c=$c
done
echo "(per-1000-character time at 1x is mostly start-up; linear growth shows as equal marginal costs)"
echo
echo "load average at the end: $(load)"
