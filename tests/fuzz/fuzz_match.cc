// libFuzzer target for name normalisation and matching: any bytes as a query name against a
// small index of real list entries. Never a crash, a sanitizer report, a score outside [0, 1],
// or a disagreement between the index and the brute-force reference.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "match/match.h"
#include "text/text.h"

namespace {

const dualwatch::match::NameIndex& Index() {
  static const dualwatch::match::NameIndex index = [] {
    using namespace dualwatch;
    match::NameIndexBuilder builder;
    // Real entries from the bundled lists (OFAC SDN, EU 833/2014 Annex IV, UK).
    const char* names[][2] = {
        {"us_ofac_sdn-40477",
         "CHANGSHA TIANYI SPACE SCIENCE AND TECHNOLOGY RESEARCH INSTITUTE CO. LTD"},
        {"eu_oj_833_2014-IV-653", "长沙天仪空间科技研究院有限公司"},
        {"us_ofac_sdn-37447", "JSC ARGUMENT"},
        {"us_ofac_sdn-35096", "PUTIN, Vladimir Vladimirovich"},
        {"gb_fcdo_sanctions-RUS0003", "Александр Игоревич КОФМАН"},
        {"us_ofac_sdn-24430", "11420 CORP."},
        {"eu_fsf-EU.10020.69", "عامرتيسير خيتي"},
        {"eu_fsf-EU.11351.87", "Limited Liability Company Sonatek"}};
    for (const auto& [id, name] : names) {
      lists::Entity e;
      e.id = id;
      e.AddName(name, lists::NameKind::kPrimary);
      builder.Add(e);
    }
    return std::move(builder).Build();
  }();
  return index;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace dualwatch;
  std::string name(reinterpret_cast<const char*>(data), size);
  (void)text::NormalizeName(name);
  match::Query q;
  q.name = name;
  match::SearchOptions options;
  options.threshold = 0.5;
  options.limit = 100;
  auto fast = Index().Search(q, options);
  auto slow = match::ReferenceMatcher(Index()).Search(q, options);
  if (fast.size() != slow.size()) std::abort();
  for (std::size_t i = 0; i < fast.size(); ++i) {
    if (fast[i].entity != slow[i].entity || fast[i].score != slow[i].score) std::abort();
    if (fast[i].score < 0 || fast[i].score > 1) std::abort();
  }
  return 0;
}
