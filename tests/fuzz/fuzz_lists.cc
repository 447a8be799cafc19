// libFuzzer target for one list parser, chosen at build time by DUALWATCH_FUZZ_FORMAT (a
// lists::Format enumerator). Any input must give an entity list or a clean error: never a
// crash, a sanitizer report, or counts that do not reconcile.
#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string_view>

#include "lists/lists.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace dualwatch::lists;
  ParseOptions options;
  options.format = Format::DUALWATCH_FUZZ_FORMAT;
  options.limits.max_line_bytes = 1 << 20;
  auto parsed =
      ParseListText("fuzz", std::string_view(reinterpret_cast<const char*>(data), size), options);
  if (parsed.ok()) {
    const ParseCounts& c = parsed->counts;
    if (c.records + c.extra != c.entities + c.skipped + c.merged) std::abort();
    for (const Entity& e : parsed->entities) {
      auto back = EntityFromStoredJson(EntityToStoredJson(e));
      if (!back.ok() || !(*back == e)) std::abort();
      (void)ToFtmJson(e);
    }
  } else if (parsed.status().message().empty()) {
    std::abort();
  }
  return 0;
}
