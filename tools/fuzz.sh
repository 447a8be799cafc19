#!/usr/bin/env bash
# Builds the libFuzzer targets (clang-14) into build-fuzz/ and runs each parser's target.
#   tools/fuzz.sh            smoke run: 10 s per parser (about 2.5 minutes)
#   tools/fuzz.sh 3600       long run: an hour per parser
#   tools/fuzz.sh 60 un_xml  one parser (or "match": name normalisation and matching;
#                            "goods": goods classification; "trade": shipment records)
# Seeds: the first lines of each bundled real list. Crashes land in build-fuzz/crashes/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-10}
only=${2:-}
DUALWATCH_FUZZ=1 "$root/tools/install-deps.sh"
build="$root/build-fuzz"
CXX=clang++-14 cmake -S "$root" -B "$build" -DDUALWATCH_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j "$(nproc)" >"$build/build.log" 2>&1 || { tail -30 "$build/build.log"; exit 1; }
declare -A seeds=(
  [ofac_csv]=ofac/sdn.csv.zst [us_csl]=us_csl/csl_extract.csv.zst [bis_dpl]=us_csl/bis_dpl.txt.zst
  [bis_mieu]=us_csl/bis_mieu.csv.zst [dod_1260h]=us_csl/dod_1260h_chinese_military_companies.csv.zst
  [fcc_covered]=us_csl/fcc_covered_list.csv.zst [eu_fsf]=eu/eu_fsf_consolidated_ammitto.jsonl.zst
  [eu_journal]=eu/eu_oj_reg_833_2014_consolidated.csv.zst [uk_sanctions]=uk/uk_sanctions_list_ammitto.jsonl.zst
  [un_xml]=un/UN_consolidated.xml.zst [ftm]=opensanctions/yente_fixture_zala_entities.ftm.json.zst
  [ca_sema]=other_lists/ca_sema_autonomous_sanctions_ammitto.jsonl.zst
  [nz_russia]=other_lists/nz_russia_sanctions_register_ammitto.jsonl.zst
)
mkdir -p "$build/crashes"
for name in "${!seeds[@]}"; do
  [[ -n "$only" && "$name" != "$only" ]] && continue
  corpus="$build/corpus/$name"
  mkdir -p "$corpus"
  (zstd -dc "$root/data/lists/${seeds[$name]}" || true) | head -c 6000 >"$corpus/seed-head"
  (zstd -dc "$root/data/lists/${seeds[$name]}" || true) | head -n 40 >"$corpus/seed-lines"
  echo "== fuzz_$name for ${seconds}s"
  "$build/fuzz_$name" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
    -artifact_prefix="$build/crashes/$name-" -print_final_stats=1 "$corpus" 2>&1 |
    grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|==|SUMMARY)|ERROR' || true
  if ls "$build/crashes/$name-"* >/dev/null 2>&1; then echo "fuzz_$name found a crash" >&2; exit 1; fi
done
# One non-parser target: its name, longest input, then "file=seed" pairs for its corpus.
fuzz_target() {
  local name=$1 max_len=$2
  shift 2
  [[ -z "$only" || "$only" == "$name" ]] || return 0
  local corpus="$build/corpus/$name"
  mkdir -p "$corpus"
  for seed in "$@"; do printf '%b' "${seed#*=}" >"$corpus/${seed%%=*}"; done
  echo "== fuzz_$name for ${seconds}s"
  "$build/fuzz_$name" -max_total_time="$seconds" -max_len="$max_len" -timeout=10 \
    -rss_limit_mb=4096 -artifact_prefix="$build/crashes/$name-" -print_final_stats=1 \
    "$corpus" 2>&1 |
    grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|==|SUMMARY)|ERROR' || true
  if ls "$build/crashes/$name-"* >/dev/null 2>&1; then echo "fuzz_$name found a crash" >&2; exit 1; fi
}
fuzz_target match 4096 'han=长沙天仪空间科技研究院有限公司' 'person=PUTIN, Vladimir' \
  'cyrillic=ООО «Сонатек»' 'joined=JSCARGUMENT'
fuzz_target goods 70000 'en=Quadcopter DJI Mavic 3\t9503.00' \
  'ru=Квадрокоптеры с камерой\t8806 22 000 0' 'zh=大疆無人機 STM32F407VGT6' \
  'ordinary=Патрон для лампы E27\t8536.61'
fuzz_target trade 8192 \
  'ru=Номер декларации;Дата;Отправитель;Страна отправителя;Получатель;Описание товара;Код ТН ВЭД\n1;21.02.2023;SZ DJI;Китай;ООО «Вектор»;"Квадрокоптер\nс камерой";8806\n' \
  'bol=Bill of Lading Number\tShipper\tConsignee\tProduct Description\tValue\nB1\tA\tB\tlaptops\t$1,000.50\n' \
  'jsonl={"exporter_name": "A", "description": "drone", "transit_countries": ["KZ"]}\nnot json\n'
echo "fuzz: no crashes"
