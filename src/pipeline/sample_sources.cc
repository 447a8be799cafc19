// The real pieces `dualwatch sample` draws from: listed entities, unlisted companies, goods.
#include <fmt/format.h>

#include <filesystem>
#include <set>

#include "io/io.h"
#include "pipeline/pipeline.h"
#include "text/text.h"

namespace dualwatch::pipeline {
namespace {

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  for (std::size_t start = 0;;) {
    std::size_t end = s.find(sep, start);
    out.push_back(s.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) return out;
    start = end + 1;
  }
}

// Countries whose listed companies show up in trade with Russia.
const std::set<std::string, std::less<>> kTradeCountries = {
    "RU", "BY", "CN", "HK", "AE", "TR", "KZ", "KG", "AM", "UZ", "IN", "RS", "GE", "IR"};

Status AddCompanies(const std::string& path, std::size_t name_col, int country_col,
                    const std::set<std::string, std::less<>>& exclude,
                    std::vector<trade::SampleParty>& out) {
  auto input = io::ReadInput(path);
  if (!input.ok()) return input.status();
  io::CsvReader reader(path, input->text);
  io::CsvRecord record;
  bool header = true;
  std::set<std::string> seen;
  while (reader.Next(record)) {
    if (header) {
      header = false;
      continue;
    }
    if (record.fields.size() <= name_col) continue;
    const std::string& name = record.fields[name_col];
    std::string country = "US";
    if (country_col >= 0 && record.fields.size() > static_cast<std::size_t>(country_col)) {
      country = text::CountryCode(record.fields[country_col]).value_or("");
    }
    // Russian companies in the Forbes list are nearly all sanctioned: not "unlisted".
    if (name.empty() || country == "RU" || exclude.count(name) || !seen.insert(name).second) {
      continue;
    }
    out.push_back({{name}, country, ""});
  }
  return reader.status();
}

}  // namespace

Result<trade::SampleSources> GatherSampleSources(const std::vector<lists::Entity>& entities,
                                                 const goods::GoodsClassifier& classifier) {
  trade::SampleSources src;
  for (const lists::Entity& e : entities) {
    bool org = e.schema == lists::Schema::kCompany || e.schema == lists::Schema::kOrganization ||
               e.schema == lists::Schema::kLegalEntity;
    if (!org || risk::KindOfDataset(e.dataset) == risk::ListKind::kRestricted) continue;
    std::string country;
    for (const std::string& c : e.countries) {
      if (kTradeCountries.count(c)) {
        country = c;
        break;
      }
    }
    if (country.empty() || e.names.empty()) continue;
    trade::SampleParty p{{e.caption()}, country, e.id};
    for (const lists::Name& n : e.names) {
      if (n.kind == lists::NameKind::kOriginalScript && n.value != e.caption()) {
        p.names.push_back(n.value);
      }
    }
    src.listed.push_back(std::move(p));
  }

  std::string data = store::DataDir();
  std::set<std::string, std::less<>> known_listed;
  {
    auto input = io::ReadInput(data + "/eval/known_listed.tsv");
    if (!input.ok()) return input.status();
    for (std::string_view line : Split(input->text, '\n')) {
      if (line.empty() || line.front() == '#') continue;
      known_listed.insert(std::string(Split(line, '\t')[0]));
    }
  }
  for (const char* year : {"2024", "2025"}) {
    Status s =
        AddCompanies(fmt::format("{}/eval/companies/forbes_global2000_{}.csv.zst", data, year), 1,
                     7, known_listed, src.unlisted);
    if (!s.ok()) return s;
  }
  Status s = AddCompanies(data + "/eval/companies/sp500_constituents.csv.zst", 1, -1, known_listed,
                          src.unlisted);
  if (!s.ok()) return s;

  // Goods: the labelled multilingual lines (their labels are the truth), and HS 2022 texts of
  // everyday goods chapters (food, textiles, clothing, footwear, furniture, toys), class none.
  std::filesystem::path cases =
      std::filesystem::path(data).parent_path() / "tests/cases/goods/cases.tsv";
  auto input = io::ReadInput(cases.string());
  if (!input.ok()) return input.status();
  bool header = true;
  for (std::string_view line : Split(input->text, '\n')) {
    if (line.empty() || line.front() == '#') continue;
    if (header) {
      header = false;
      continue;
    }
    auto f = Split(line, '\t');
    if (f.size() < 4) continue;
    auto dash = [](std::string_view v) { return v == "-" ? std::string() : std::string(v); };
    src.goods.push_back({dash(f[1]), dash(f[2]), std::string(f[3])});
  }
  static const std::set<std::string, std::less<>> kEveryday = {
      "02", "04", "07", "08", "09", "16", "19", "20", "22", "33", "42",
      "48", "52", "61", "62", "63", "64", "69", "70", "94", "96"};
  for (const goods::HsEntry& h : classifier.nomenclature()) {
    if (h.code.size() != 6 || !kEveryday.count(h.code.substr(0, 2))) continue;
    src.goods.push_back({h.description, h.code.substr(0, 4) + "." + h.code.substr(4), "none"});
  }
  return src;
}

}  // namespace dualwatch::pipeline
