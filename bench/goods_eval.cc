// Goods classification evaluation (method in docs/EVALUATION.md): the labelled multilingual
// set of tests/cases/goods/cases.tsv, and every HS 2022 subheading classified by its own text
// against the HS-code rules. Prints a Markdown report.
//   build/goods_eval [--cases FILE] [--show N]
#include <chrono>
#include <cstdio>
#include <cstring>
#include <map>
#include <string>
#include <vector>

#include "bench/goods_cases.h"
#include "goods/goods.h"

using namespace dualwatch;

namespace {

struct Tally {
  std::size_t n = 0, right = 0;
  void Add(bool ok) {
    ++n;
    right += ok;
  }
  double Share() const {
    return n ? 100.0 * static_cast<double>(right) / static_cast<double>(n) : 0;
  }
};

}  // namespace

int main(int argc, char** argv) {
  std::string cases_file = std::string(DUALWATCH_SOURCE_DIR) + "/tests/cases/goods/cases.tsv";
  std::size_t show = 20;
  for (int i = 1; i + 1 < argc; ++i) {
    if (!std::strcmp(argv[i], "--cases")) cases_file = argv[i + 1];
    if (!std::strcmp(argv[i], "--show")) show = std::stoul(argv[i + 1]);
  }
  auto t0 = std::chrono::steady_clock::now();
  auto classifier = goods::GoodsClassifier::Create();
  if (!classifier.ok()) {
    std::fprintf(stderr, "%s\n", classifier.status().message().c_str());
    return 2;
  }
  auto cases = bench::ReadGoodsCases(cases_file);
  if (!cases.ok()) {
    std::fprintf(stderr, "%s\n", cases.status().message().c_str());
    return 2;
  }

  std::printf("# Goods classification evaluation\n\n");
  std::printf("%zu patterns (lexicon terms, brands, part numbers); labelled set %zu lines.\n\n",
              classifier->pattern_count(), cases->size());

  // The labelled set.
  Tally all, misdeclared_drones, ordinary_not_lethal, misdeclared_flag;
  std::map<std::string, Tally> by_lang, by_input, by_class, by_category;
  std::vector<std::string> misses;
  for (const bench::GoodsCase& c : *cases) {
    auto r = classifier->Classify(c.description, c.hs);
    bool ok = r.ok() && goods::ClassName(r->goods_class) == c.expected_class &&
              (c.expected_class == "none" || r->category == c.expected_category) &&
              r->misdeclared == c.expected_misdeclared;
    all.Add(ok);
    by_lang[c.lang].Add(ok);
    std::string input = c.description.empty() ? "HS only"
                        : c.hs.empty()        ? "description only"
                                              : "both";
    by_input[input].Add(ok);
    by_class[c.expected_class].Add(ok);
    if (c.expected_class != "none") by_category[c.expected_category].Add(ok);
    if (c.expected_misdeclared) misdeclared_flag.Add(r.ok() && r->misdeclared);
    if (c.expected_misdeclared && c.expected_category == "uav") {
      misdeclared_drones.Add(r.ok() && r->misdeclared);
    }
    if (c.expected_class == "none" && c.expected_category == "ordinary") {
      ordinary_not_lethal.Add(r.ok() && r->goods_class != goods::GoodsClass::kLethal);
    }
    if (!ok) {
      misses.push_back("line " + std::to_string(c.line) + ": " + c.description +
                       (c.hs.empty() ? "" : " [HS " + c.hs + "]") + " — expected " +
                       c.expected_class + "/" + c.expected_category +
                       (c.expected_misdeclared ? "/misdeclared" : "") + ", got " +
                       (r.ok() ? std::string(goods::ClassName(r->goods_class)) + "/" + r->category +
                                     (r->misdeclared ? "/misdeclared" : "")
                               : r.status().message()));
    }
  }
  auto table = [](const char* title, const std::map<std::string, Tally>& m) {
    std::printf("| %s | lines | correct |\n|---|---|---|\n", title);
    for (const auto& [k, t] : m) std::printf("| %s | %zu | %.1f%% |\n", k.c_str(), t.n, t.Share());
    std::printf("\n");
  };
  std::printf("## Labelled set (tests/cases/goods/cases.tsv)\n\n");
  std::printf("A line is correct when class, category and the misdeclared flag all match.\n\n");
  table("language", by_lang);
  table("input", by_input);
  table("expected class", by_class);
  table("category (lethal and dual-use lines)", by_category);
  std::printf("| target | now |\n|---|---|\n");
  std::printf("| accuracy ≥ 97%% | **%.1f%%** (%zu of %zu) |\n", all.Share(), all.right, all.n);
  std::printf("| every misdeclared drone flagged | %zu of %zu |\n", misdeclared_drones.right,
              misdeclared_drones.n);
  std::printf("| misdeclared lines flagged (all kinds) | %zu of %zu |\n", misdeclared_flag.right,
              misdeclared_flag.n);
  std::printf("| no ordinary-goods line called lethal | %zu of %zu not lethal |\n\n",
              ordinary_not_lethal.right, ordinary_not_lethal.n);
  if (!misses.empty()) {
    std::printf("Wrong lines:\n\n");
    for (const std::string& m : misses) std::printf("- %s\n", m.c_str());
    std::printf("\n");
  }

  // Every HS-6 subheading, by its own text, against the code rules.
  std::printf("## HS 2022 subheadings classified by their own text\n\n");
  std::map<std::string, Tally> by_rule_class;
  Tally agree;
  std::vector<std::string> disagreements;
  for (const goods::HsEntry& e : classifier->nomenclature()) {
    if (e.code.size() != 6) continue;
    auto by_code = classifier->Classify("", e.code);
    auto by_text = classifier->Classify(e.description, "");
    if (!by_code.ok() || !by_text.ok()) {
      disagreements.push_back(e.code + ": error");
      agree.Add(false);
      continue;
    }
    bool ok = by_code->goods_class == by_text->goods_class;
    agree.Add(ok);
    by_rule_class[std::string(goods::ClassName(by_code->goods_class))].Add(ok);
    if (!ok) {
      disagreements.push_back(e.code + " (" + std::string(goods::ClassName(by_code->goods_class)) +
                              " by code, " + std::string(goods::ClassName(by_text->goods_class)) +
                              " by text): " + e.description);
    }
  }
  table("class by the HS-code rules", by_rule_class);
  std::printf("Agreement: **%.1f%%** of %zu subheadings (%zu differ).\n\n", agree.Share(), agree.n,
              agree.n - agree.right);
  if (!disagreements.empty()) {
    std::printf("Where they differ (first %zu):\n\n", std::min(show, disagreements.size()));
    for (std::size_t i = 0; i < std::min(show, disagreements.size()); ++i) {
      std::printf("- %s\n", disagreements[i].c_str());
    }
    std::printf("\n");
  }
  std::printf("(evaluation ran in %.1f s)\n",
              std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  return 0;
}
