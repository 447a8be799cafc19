// Goods classification speed (figures in docs/BENCHMARKS.md): descriptions per second on one
// core with each scanner (Vectorscan, RE2::Set), and the time to build the classifier.
// The descriptions: every line of the labelled set (tests/cases/goods/cases.tsv, three
// languages, controlled and ordinary goods) and every HS 2022 subheading text, cycled.
//   build/bench_goods [--seconds S]
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "bench/bench_util.h"
#include "bench/goods_cases.h"
#include "goods/goods.h"

using namespace dualwatch;

namespace {

struct Line {
  std::string description, hs;
};

double Rate(const goods::GoodsClassifier& c, const std::vector<Line>& lines, double seconds,
            std::size_t* flagged) {
  *flagged = 0;
  for (const Line& l : lines) {
    auto r = c.Classify(l.description, l.hs);
    *flagged += r.ok() && r->goods_class != goods::GoodsClass::kNone;
  }
  auto t0 = std::chrono::steady_clock::now();
  std::size_t n = 0;
  do {
    for (const Line& l : lines) c.Classify(l.description, l.hs);
    n += lines.size();
  } while (bench::Seconds(t0) < seconds);
  return static_cast<double>(n) / bench::Seconds(t0);
}

}  // namespace

int main(int argc, char** argv) {
  double seconds = 3;
  for (int i = 1; i + 1 < argc; ++i) {
    if (!std::strcmp(argv[i], "--seconds")) seconds = std::stod(argv[i + 1]);
  }
  auto t0 = std::chrono::steady_clock::now();
  auto vs = goods::GoodsClassifier::Create(goods::ScannerKind::kVectorscan);
  double vs_build = bench::Seconds(t0);
  t0 = std::chrono::steady_clock::now();
  auto re2 = goods::GoodsClassifier::Create(goods::ScannerKind::kRe2Set);
  double re2_build = bench::Seconds(t0);
  if (!vs.ok() || !re2.ok()) bench::Die("classifier: cannot build");

  auto cases =
      bench::ReadGoodsCases(std::string(DUALWATCH_SOURCE_DIR) + "/tests/cases/goods/cases.tsv");
  if (!cases.ok()) bench::Die(cases.status().message());
  std::vector<Line> lines;
  std::size_t bytes = 0;
  for (const bench::GoodsCase& c : *cases) lines.push_back({c.description, c.hs});
  for (const goods::HsEntry& e : vs->nomenclature()) {
    if (e.code.size() == 6) lines.push_back({e.description, ""});
  }
  for (const Line& l : lines) bytes += l.description.size();

  std::printf(
      "classifier build (tables + scanner), %zu patterns: Vectorscan %.3f s, RE2::Set %.3f s\n",
      vs->pattern_count(), vs_build, re2_build);
  std::printf("%zu descriptions, %.0f bytes on average; one core, %.0f s each\n", lines.size(),
              static_cast<double>(bytes) / static_cast<double>(lines.size()), seconds);
  std::size_t flagged_vs = 0, flagged_re2 = 0;
  double vs_rate = Rate(*vs, lines, seconds, &flagged_vs);
  double re2_rate = Rate(*re2, lines, seconds, &flagged_re2);
  std::printf("Vectorscan: %.0f descriptions/s (%.2f µs each)\n", vs_rate, 1e6 / vs_rate);
  std::printf("RE2::Set:   %.0f descriptions/s (%.2f µs each)\n", re2_rate, 1e6 / re2_rate);
  if (flagged_vs != flagged_re2) bench::Die("the two scanners disagree");
  std::printf("peak RSS %.0f MiB\n", bench::PeakRssMiB());
  return 0;
}
