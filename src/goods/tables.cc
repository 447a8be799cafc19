// The embedded tables of data/goods → GoodsClassifier::Data and the scanner's patterns.
#include <fmt/format.h>

#include <set>

#include "goods/internal.h"

namespace dualwatch::goods {
namespace {

// Tab-separated rows of a table: '#' comments and the header skipped, fields checked by count.
struct TsvRow {
  std::size_t line;
  std::vector<std::string_view> fields;
};

Result<std::vector<TsvRow>> ReadTsv(std::string_view name, std::string_view text,
                                    std::size_t columns, std::string_view header_first) {
  std::vector<TsvRow> rows;
  std::size_t line = 0;
  while (!text.empty()) {
    std::size_t eol = text.find('\n');
    std::string_view l = text.substr(0, eol);
    text = eol == std::string_view::npos ? std::string_view() : text.substr(eol + 1);
    ++line;
    if (l.empty() || l[0] == '#') continue;
    TsvRow row{line, {}};
    for (std::size_t start = 0;;) {
      std::size_t tab = l.find('\t', start);
      row.fields.push_back(l.substr(start, tab - start));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    if (row.fields[0] == header_first) continue;
    if (row.fields.size() != columns) {
      return Status::Error(
          fmt::format("{}:{}: {} fields, expected {}", name, line, row.fields.size(), columns));
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

Result<GoodsClass> ParseClass(std::string_view name, std::size_t line, std::string_view s) {
  if (s == "lethal") return GoodsClass::kLethal;
  if (s == "dual_use") return GoodsClass::kDualUse;
  if (s == "none") return GoodsClass::kNone;
  return Status::Error(
      fmt::format("{}:{}: class: '{}' is not lethal, dual_use or none", name, line, s));
}

// "8525.89,9013.10" → {"8525.89", "9013.10"}; "-" → {}. Each must be a valid HS code.
Result<std::vector<std::string>> ParseHsList(std::string_view name, std::size_t line,
                                             std::string_view s) {
  std::vector<std::string> out;
  if (s == "-") return out;
  for (std::size_t start = 0;;) {
    std::size_t comma = s.find(',', start);
    std::string_view code = s.substr(start, comma - start);
    auto parsed = ParseHsCode(code);
    if (!parsed.ok()) {
      return Status::Error(fmt::format("{}:{}: {}", name, line, parsed.status().message()));
    }
    out.emplace_back(code);
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return out;
}

Result<double> ParseConfidence(std::string_view name, std::size_t line, std::string_view s) {
  double v = -1;
  try {
    std::size_t used = 0;
    v = std::stod(std::string(s), &used);
    if (used != s.size()) v = -1;
  } catch (...) {
  }
  if (!(v > 0 && v <= 1)) {
    return Status::Error(fmt::format("{}:{}: confidence: '{}' is not in (0, 1]", name, line, s));
  }
  return v;
}

// Regex text for a literal: ASCII punctuation escaped, spaces and UTF-8 kept.
std::string Escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    if (u >= 0x80 || std::isalnum(u) || c == ' ') {
      out.push_back(c);
    } else {
      out.push_back('\\');
      out.push_back(c);
    }
  }
  return out;
}

bool StartsHan(std::string_view s) {
  // Han characters are three UTF-8 bytes from U+3400 (E3 90 80) to U+9FFF (E9 BF BF).
  auto u = static_cast<unsigned char>(s[0]);
  return u >= 0xE3 && u <= 0xE9;
}

}  // namespace

Status LoadTables(GoodsClassifier::Data* d, std::vector<Pattern>* patterns) {
  // HS 2022 nomenclature.
  {
    io::CsvReader reader("data/goods/hs2022.csv", kHs2022Csv);
    io::CsvRecord r;
    while (reader.Next(r)) {
      if (r.fields.size() != 5) {
        return Status::Error(fmt::format("data/goods/hs2022.csv:{}: {} fields, expected 5", r.line,
                                         r.fields.size()));
      }
      if (r.line == 1 || r.fields[1] == "TOTAL") continue;
      d->by_code[r.fields[1]] = d->nomenclature.size();
      d->nomenclature.push_back(HsEntry{r.fields[1], r.fields[2], r.fields[0]});
    }
    if (!reader.status().ok()) return reader.status();
  }
  {
    io::CsvReader reader("data/goods/hs_sections.csv", kHsSectionsCsv);
    io::CsvRecord r;
    while (reader.Next(r)) {
      if (r.line == 1) continue;
      if (r.fields.size() != 2) {
        return Status::Error(fmt::format("data/goods/hs_sections.csv:{}: {} fields, expected 2",
                                         r.line, r.fields.size()));
      }
      d->sections[r.fields[0]] = r.fields[1];
    }
    if (!reader.status().ok()) return reader.status();
  }
  // Lethal and dual-use headings.
  {
    constexpr std::string_view kName = "data/goods/hs_controls.tsv";
    auto rows = ReadTsv(kName, kHsControlsTsv, 4, "hs");
    if (!rows.ok()) return rows.status();
    for (const TsvRow& row : *rows) {
      auto c = ParseClass(kName, row.line, row.fields[1]);
      if (!c.ok()) return c.status();
      std::string prefix(row.fields[0]);
      if (prefix.size() < 2 || prefix.size() > 6 ||
          prefix.find_first_not_of("0123456789") != std::string::npos) {
        return Status::Error(fmt::format("{}:{}: hs: '{}' is not an HS prefix of 2 to 6 digits",
                                         kName, row.line, prefix));
      }
      d->controls[prefix] = HsControl{*c, std::string(row.fields[2]), std::string(row.fields[3])};
    }
  }
  // CHPL tiers: every code must be covered by a dual-use control, which gives its category.
  {
    io::CsvReader reader("data/goods/chpl.csv", kChplCsv);
    io::CsvRecord r;
    while (reader.Next(r)) {
      if (r.line == 1) continue;
      if (r.fields.size() < 2 || r.fields[1].size() != 6) {
        return Status::Error(fmt::format("data/goods/chpl.csv:{}: hs6: expected 6 digits", r.line));
      }
      d->chpl[r.fields[1]] = r.fields[0];
    }
    if (!reader.status().ok()) return reader.status();
  }
  // Lexicon and patterns → rules, one scanner pattern each.
  std::set<std::string> seen;
  auto add_rule = [&](std::string_view name, std::size_t line, Rule rule,
                      std::string_view match) -> Status {
    Pattern p;
    if (rule.source == "part") {
      p.regex = " (?:" + std::string(match) + ") ";
      p.literal_length = 0;
    } else {
      Normalized n;
      d->normalizer.Run(match, &n);
      std::string core = n.text.substr(1, n.text.size() - 2);
      if (!core.empty() && core.back() == ' ') core.pop_back();
      if (!core.empty() && core.front() == ' ') core.erase(0, 1);
      if (core.empty()) {
        return Status::Error(fmt::format("{}:{}: term: '{}' has no words", name, line, match));
      }
      std::string literal = (StartsHan(core) ? "" : " ") + core;
      std::size_t last = core.size() >= 3 ? core.size() - 3 : 0;
      if (!StartsHan(std::string_view(core).substr(last))) literal += " ";
      p.regex = Escape(literal);
      p.literal_length = literal.size();
    }
    if (!seen.insert(p.regex).second) {
      return Status::Error(
          fmt::format("{}:{}: '{}' repeats an earlier row (same words once "
                      "normalised)",
                      name, line, match));
    }
    d->rules.push_back(std::move(rule));
    patterns->push_back(std::move(p));
    return Status();
  };
  {
    constexpr std::string_view kName = "data/goods/lexicon.tsv";
    auto rows = ReadTsv(kName, kLexiconTsv, 6, "lang");
    if (!rows.ok()) return rows.status();
    for (const TsvRow& row : *rows) {
      const auto& f = row.fields;
      if (f[0] != "en" && f[0] != "ru" && f[0] != "zh") {
        return Status::Error(
            fmt::format("{}:{}: lang: '{}' is not en, ru or zh", kName, row.line, f[0]));
      }
      auto c = ParseClass(kName, row.line, f[2]);
      if (!c.ok()) return c.status();
      auto hs = ParseHsList(kName, row.line, f[4]);
      if (!hs.ok()) return hs.status();
      auto conf = ParseConfidence(kName, row.line, f[5]);
      if (!conf.ok()) return conf.status();
      Rule rule{"description", std::string(f[1]), *c, std::string(f[3]), *hs, *conf, ""};
      Status s = add_rule(kName, row.line, std::move(rule), f[1]);
      if (!s.ok()) return s;
    }
  }
  {
    constexpr std::string_view kName = "data/goods/patterns.tsv";
    auto rows = ReadTsv(kName, kPatternsTsv, 7, "kind");
    if (!rows.ok()) return rows.status();
    for (const TsvRow& row : *rows) {
      const auto& f = row.fields;
      if (f[0] != "brand" && f[0] != "part") {
        return Status::Error(
            fmt::format("{}:{}: kind: '{}' is not brand or part", kName, row.line, f[0]));
      }
      auto c = ParseClass(kName, row.line, f[2]);
      if (!c.ok()) return c.status();
      auto hs = ParseHsList(kName, row.line, f[4]);
      if (!hs.ok()) return hs.status();
      auto conf = ParseConfidence(kName, row.line, f[5]);
      if (!conf.ok()) return conf.status();
      Rule rule{std::string(f[0]), std::string(f[1]), *c, std::string(f[3]), *hs, *conf,
                std::string(f[6])};
      Status s = add_rule(kName, row.line, std::move(rule), f[1]);
      if (!s.ok()) return s;
    }
  }
  return Status();
}

}  // namespace dualwatch::goods
