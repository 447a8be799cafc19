// The labelled goods set (tests/cases/goods/cases.tsv), read by the evaluation and the tests.
#ifndef DUALWATCH_BENCH_GOODS_CASES_H_
#define DUALWATCH_BENCH_GOODS_CASES_H_

#include <fmt/format.h>

#include <string>
#include <vector>

#include "io/io.h"

namespace dualwatch::bench {

struct GoodsCase {
  std::size_t line = 0;
  std::string lang;  // en, ru, zh, or "-" for an HS code alone
  std::string description;
  std::string hs;
  std::string expected_class;     // lethal, dual_use, none
  std::string expected_category;  // uav, electronics ... ; "ordinary" or "" for none
  bool expected_misdeclared = false;
  std::string note;
};

// Columns: lang, description, hs, class, category, misdeclared (yes/no), note. '#' lines and
// the header are skipped; "-" stands for an empty description, HS code or category.
inline io::Result<std::vector<GoodsCase>> ReadGoodsCases(const std::string& path) {
  auto input = io::ReadInput(path);
  if (!input.ok()) return input.status();
  std::vector<GoodsCase> out;
  std::string_view text = input->text;
  std::size_t line = 0;
  while (!text.empty()) {
    std::size_t eol = text.find('\n');
    std::string_view l = text.substr(0, eol);
    text = eol == std::string_view::npos ? std::string_view() : text.substr(eol + 1);
    ++line;
    if (l.empty() || l[0] == '#' || l.rfind("lang\t", 0) == 0) continue;
    std::vector<std::string> f;
    for (std::size_t start = 0;;) {
      std::size_t tab = l.find('\t', start);
      f.emplace_back(l.substr(start, tab - start));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    if (f.size() != 7) {
      return io::Status::Error(fmt::format("{}:{}: {} fields, expected 7", path, line, f.size()));
    }
    auto dash = [](const std::string& s) { return s == "-" ? std::string() : s; };
    if (f[3] != "lethal" && f[3] != "dual_use" && f[3] != "none") {
      return io::Status::Error(fmt::format("{}:{}: class: '{}'", path, line, f[3]));
    }
    if (f[5] != "yes" && f[5] != "no") {
      return io::Status::Error(
          fmt::format("{}:{}: misdeclared: '{}' is not yes or no", path, line, f[5]));
    }
    out.push_back({line, f[0], dash(f[1]), dash(f[2]), f[3], dash(f[4]), f[5] == "yes", f[6]});
  }
  return out;
}

}  // namespace dualwatch::bench

#endif  // DUALWATCH_BENCH_GOODS_CASES_H_
