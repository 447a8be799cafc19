// `dualwatch goods classify`: lethal, dual-use or neither, from description and HS code.
#include <fmt/format.h>
#include <fmt/ostream.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "goods/goods.h"

namespace dualwatch::cli {
namespace {

struct GoodsOptions {
  std::string text;
  std::string hs;
  std::string file;
  bool json = false;
};

std::string Dotted(const std::string& digits) {
  std::string out = digits.substr(0, 4);
  for (std::size_t i = 4; i < digits.size(); i += 2) out += "." + digits.substr(i, 2);
  return out;
}

nlohmann::json ClassificationJson(const std::string& description, const std::string& hs,
                                  const goods::Classification& c) {
  nlohmann::json evidence = nlohmann::json::array();
  for (const goods::Evidence& e : c.evidence) {
    nlohmann::json j = {{"source", e.source},
                        {"rule", e.rule},
                        {"text", e.text},
                        {"class", goods::ClassName(e.goods_class)},
                        {"category", e.category},
                        {"hs", e.hs},
                        {"confidence", e.confidence}};
    if (e.source != "hs") j["span"] = {e.begin, e.end};
    if (!e.note.empty()) j["note"] = e.note;
    evidence.push_back(std::move(j));
  }
  nlohmann::json declared = nullptr;
  if (!c.hs.empty()) {
    declared = {{"code", Dotted(c.hs)},
                {"digits", c.hs},
                {"known", c.hs_known},
                {"description", c.hs_description},
                {"section", c.hs_section},
                {"section_name", c.hs_section_name},
                {"class", goods::ClassName(c.hs_class)},
                {"category", c.hs_category}};
  }
  return {
      {"input", {{"description", description}, {"hs", hs}}},
      {"class", goods::ClassName(c.goods_class)},
      {"category", c.category},
      {"chpl_tier", c.chpl_tier.empty() ? nlohmann::json(nullptr) : nlohmann::json(c.chpl_tier)},
      {"hs", {{"declared", declared}, {"inferred", c.inferred_hs}}},
      {"description_class", goods::ClassName(c.description_class)},
      {"description_category", c.description_category},
      {"misdeclared", c.misdeclared},
      {"confidence", std::round(c.confidence * 1000) / 1000},
      {"evidence", evidence}};
}

void PrintClassification(std::ostream& os, const goods::Classification& c) {
  fmt::print(os, "{}", goods::ClassName(c.goods_class));
  if (!c.category.empty()) fmt::print(os, "  {}", c.category);
  if (!c.chpl_tier.empty()) fmt::print(os, "  CHPL tier {}", c.chpl_tier);
  fmt::print(os, "  confidence {:.2f}{}\n", c.confidence, c.misdeclared ? "  MISDECLARED" : "");
  if (!c.hs.empty()) {
    fmt::print(os, "  declared HS {}: {}{}\n", Dotted(c.hs),
               c.hs_description.empty() ? "(not in HS 2022)" : c.hs_description,
               c.hs_known ? "" : " (most precise level known)");
    fmt::print(os, "    says {}{}\n", goods::ClassName(c.hs_class),
               c.hs_category.empty() ? "" : " " + c.hs_category);
  }
  if (c.description_class != goods::GoodsClass::kNone) {
    fmt::print(os, "  description says {} {}; implies HS {}\n",
               goods::ClassName(c.description_class), c.description_category,
               fmt::join(c.inferred_hs, ", "));
  }
  if (c.misdeclared) {
    fmt::print(os, "  misdeclared: the description names {} goods ({}) that HS {} does not cover\n",
               goods::ClassName(c.description_class), c.description_category, Dotted(c.hs));
  }
  for (const goods::Evidence& e : c.evidence) {
    fmt::print(os, "    {:<11} {:<28} {:<8} {:<22} {:.2f}  {}{}\n", e.source,
               e.source == "hs" ? e.text : "\"" + e.text + "\"", goods::ClassName(e.goods_class),
               e.category, e.confidence, e.source == "hs" ? "HS " + e.rule : "rule " + e.rule,
               e.note.empty() ? "" : " — " + e.note);
  }
}

int RunOne(const goods::GoodsClassifier& classifier, const GoodsOptions& o) {
  auto c = classifier.Classify(o.text, o.hs);
  if (!c.ok()) return Fail(c.status());
  if (o.json) {
    std::cout << ClassificationJson(o.text, o.hs, *c).dump(2) << "\n";
  } else {
    PrintClassification(std::cout, *c);
  }
  return kExitOk;
}

int RunFile(const goods::GoodsClassifier& classifier, const GoodsOptions& o) {
  auto input = io::ReadInput(o.file);
  if (!input.ok()) return Fail(input.status());
  std::size_t lines = 0, rejected = 0, line_no = 0;
  std::string_view text = input->text;
  while (!text.empty()) {
    std::size_t eol = text.find('\n');
    std::string line(text.substr(0, eol));
    text = eol == std::string_view::npos ? std::string_view() : text.substr(eol + 1);
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::size_t tab = line.find('\t');
    std::string description = line.substr(0, tab);
    std::string hs = tab == std::string::npos ? "" : line.substr(tab + 1);
    ++lines;
    io::Result<goods::Classification> c = hs.find('\t') != std::string::npos
                                              ? io::Result<goods::Classification>(io::Status::Error(
                                                    "line: more than two tab-separated fields"))
                                              : classifier.Classify(description, hs);
    if (!c.ok()) {
      ++rejected;
      std::string message = fmt::format("{}:{}: {}", o.file, line_no, c.status().message());
      if (o.json) {
        std::cout << nlohmann::json{{"input", {{"description", description}, {"hs", hs}}},
                                    {"error", message}}
                         .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
                  << "\n";
      } else {
        std::cerr << "dualwatch: " << message << "\n";
      }
      continue;
    }
    if (o.json) {
      std::cout << ClassificationJson(description, hs, *c).dump() << "\n";
    } else {
      fmt::print(std::cout, "# {}{}\n", description, hs.empty() ? "" : "  [HS " + hs + "]");
      PrintClassification(std::cout, *c);
    }
  }
  std::cerr << fmt::format("dualwatch: {} lines, {} classified, {} rejected\n", lines,
                           lines - rejected, rejected);
  return kExitOk;
}

}  // namespace

void AddGoodsCommands(CLI::App& app, Context& context) {
  CLI::App* goods = app.add_subcommand("goods", "classify goods: lethal, dual-use or neither");
  goods->require_subcommand(1);
  auto o = std::make_shared<GoodsOptions>();
  CLI::App* cmd = goods->add_subcommand(
      "classify", "classify a goods description and/or HS code (English, Russian, Chinese)");
  cmd->add_option("TEXT", o->text, "the goods description");
  cmd->add_option("--hs", o->hs, "declared HS code: 6, 8 or 10 digits, dots and spaces allowed");
  cmd->add_option("--file", o->file, "lines of description[<TAB>hs]");
  cmd->add_flag("--json", o->json, "JSON (one object per line with --file)");
  cmd->callback([&context, o, cmd] {
    context.run = [o, cmd] {
      bool single = !o->text.empty() || !o->hs.empty();
      if (single == !o->file.empty()) {
        std::cerr << "dualwatch: goods classify: give TEXT and/or --hs, or --file\n" << cmd->help();
        return kExitInputError;
      }
      auto classifier = goods::GoodsClassifier::Create();
      if (!classifier.ok()) return Fail(classifier.status());
      return single ? RunOne(*classifier, *o) : RunFile(*classifier, *o);
    };
  });
}

}  // namespace dualwatch::cli
