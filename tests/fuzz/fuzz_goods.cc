// libFuzzer target for goods classification: any bytes as "description<TAB>hs". Never a crash,
// a sanitizer report, a confidence outside [0, 1], an evidence span outside the description, or
// a disagreement between the two scanners.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "goods/goods.h"

namespace {

using dualwatch::goods::GoodsClassifier;
using dualwatch::goods::ScannerKind;

const GoodsClassifier& Classifier(ScannerKind kind) {
  static GoodsClassifier* vs = new GoodsClassifier(std::move(*GoodsClassifier::Create()));
  static GoodsClassifier* re2 =
      new GoodsClassifier(std::move(*GoodsClassifier::Create(ScannerKind::kRe2Set)));
  return kind == ScannerKind::kVectorscan ? *vs : *re2;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  std::size_t tab = in.find('\t');
  std::string_view description = in.substr(0, tab);
  std::string_view hs = tab == std::string_view::npos ? std::string_view() : in.substr(tab + 1);
  auto a = Classifier(ScannerKind::kVectorscan).Classify(description, hs);
  auto b = Classifier(ScannerKind::kRe2Set).Classify(description, hs);
  if (a.ok() != b.ok()) std::abort();
  if (!a.ok()) return 0;
  if (a->confidence < 0 || a->confidence > 1) std::abort();
  if (a->goods_class != b->goods_class || a->evidence.size() != b->evidence.size()) std::abort();
  for (const auto& e : a->evidence) {
    if (e.source != "hs" && (e.begin > e.end || e.end > description.size())) std::abort();
  }
  return 0;
}
