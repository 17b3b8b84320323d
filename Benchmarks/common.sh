# Shared set-up of the export benchmarks, sourced by export.sh and xlsx.sh after they set PEERS (the
# Python packages to install) and C_PEERS (the reference writers of ../shared/bench to build):
# arguments [OBSERVATIONS] [RECORDS], hyperfine, a virtual environment, the reference writers, the
# peers' rows (data/trade_N.json), the release build ($bin) and the benchmark dataset ($data).
N=${1:-1000000}
RECORDS=${2:-100}
WORK=${WORK:-Benchmarks/work}
BENCH=$(cd ../shared/bench && pwd)
mkdir -p "$WORK/peers/data" "$WORK/peers/out" "$WORK/export"

command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null; }
[ -x "$WORK/venv/bin/python" ] || python3 -m venv "$WORK/venv"
"$WORK/venv/bin/python" -c "import $(echo $PEERS | tr ' ' ',')" 2>/dev/null || "$WORK/venv/bin/pip" install -q $PEERS
for p in $C_PEERS; do
  cc -O2 -o "$WORK/peers/$p" "$BENCH/$p.c" -I"$BENCH" $( [ $p = c_xlsx ] && pkg-config --cflags --libs xlsxwriter )
done
ln -sf "$BENCH/py_write.py" "$WORK/peers/py_write.py"
[ -s "$WORK/peers/data/trade_$N.json" ] || "$WORK/venv/bin/python" "$BENCH/gen_trade.py" "$N" "$WORK/peers/data" >/dev/null
swift build -c release --product bilateral >/dev/null
bin=$(swift build -c release --show-bin-path)/bilateral
data="$WORK/data-$RECORDS-$N"
[ -s "$data/observations.csv" ] || python3 Benchmarks/generate.py "$RECORDS" "$N" "$data" >/dev/null
PY="$WORK/venv/bin/python"
out="$WORK/export"
input=$(( $(stat -c %s "$data/dataset.yaml") + $(stat -c %s "$data/observations.csv") ))

# peak FORMAT TARGET: prints the export's peak resident memory against the input's size.
peak() {
  local kib
  /usr/bin/time -f %M -o "$WORK/peak.txt" "$bin" export "$data/dataset.yaml" --format "$1" --output "$2" >/dev/null 2>&1
  kib=$(tail -1 "$WORK/peak.txt")
  echo "$1 export: input $input bytes; peak RSS ${kib} KiB = $(python3 -c "print(round($kib * 1024 / $input, 2))") x the input"
}
