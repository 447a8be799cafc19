// The embedded risk tables: countries, occupied regions, list kinds.
#include <fmt/format.h>

#include <cstdlib>
#include <map>

#include "risk/risk.h"
#include "text/text.h"

namespace dualwatch::risk {

extern const char kCountriesTsv[];
extern const char kRegionsTsv[];
extern const char kListsTsv[];

namespace {

// Rows of a TSV table: comments and the header line dropped.
std::vector<std::vector<std::string>> Rows(std::string_view text, std::size_t columns,
                                           std::string_view table) {
  std::vector<std::vector<std::string>> rows;
  bool header = true;
  std::size_t line_no = 0;
  while (!text.empty()) {
    std::size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    ++line_no;
    if (line.empty() || line.front() == '#') continue;
    if (header) {
      header = false;
      continue;
    }
    std::vector<std::string> row;
    std::size_t start = 0;
    while (true) {
      std::size_t tab = line.find('\t', start);
      row.emplace_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    if (row.size() != columns) {
      fmt::print(stderr, "dualwatch: data/risk/{}:{}: expected {} columns, found {}\n", table,
                 line_no, columns, row.size());
      std::abort();  // a build error, caught by the tests
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

struct Tables {
  std::map<std::string, std::pair<CountryRole, std::string>, std::less<>> countries;
  std::map<std::string, std::pair<ListKind, std::string>, std::less<>> lists;
  std::vector<std::pair<std::string, std::vector<std::string>>> regions;  // words folded
};

const Tables& Get() {
  static const Tables tables = [] {
    Tables t;
    for (auto& row : Rows(kCountriesTsv, 3, "countries.tsv")) {
      CountryRole role = row[1] == "sanctioned" ? CountryRole::kSanctioned : CountryRole::kHub;
      t.countries[row[0]] = {role, row[2]};
    }
    for (auto& row : Rows(kListsTsv, 3, "lists.tsv")) {
      ListKind kind = row[1] == "blocking"         ? ListKind::kBlocking
                      : row[1] == "export_control" ? ListKind::kExportControl
                                                   : ListKind::kRestricted;
      t.lists[row[0]] = {kind, row[2]};
    }
    for (auto& row : Rows(kRegionsTsv, 2, "regions.tsv")) {
      std::vector<std::string> words;
      std::string_view all = row[1];
      while (!all.empty()) {
        std::size_t bar = all.find('|');
        words.push_back(text::FoldCase(all.substr(0, bar)));
        all = bar == std::string_view::npos ? std::string_view() : all.substr(bar + 1);
      }
      t.regions.emplace_back(row[0], std::move(words));
    }
    return t;
  }();
  return tables;
}

bool WordChar(unsigned char c) { return c >= 0x80 || std::isalnum(c); }

}  // namespace

std::string_view ListKindName(ListKind kind) {
  switch (kind) {
    case ListKind::kBlocking:
      return "blocking";
    case ListKind::kExportControl:
      return "export_control";
    case ListKind::kRestricted:
      return "restricted";
  }
  return "";
}

namespace {

// The row of `key` in `table` (a country or list table), or null.
template <typename Table>
const typename Table::mapped_type* Row(const Table& table, std::string_view key) {
  auto it = table.find(key);
  return it == table.end() ? nullptr : &it->second;
}

}  // namespace

CountryRole RoleOf(std::string_view iso2) {
  auto* row = Row(Get().countries, iso2);
  return row ? row->first : CountryRole::kNone;
}

std::string_view CountrySource(std::string_view iso2) {
  auto* row = Row(Get().countries, iso2);
  return row ? std::string_view(row->second) : std::string_view();
}

ListKind KindOfDataset(std::string_view dataset) {
  auto* row = Row(Get().lists, dataset);
  return row ? row->first : ListKind::kBlocking;  // unknown datasets count as blocking
}

std::string_view DatasetAuthority(std::string_view dataset) {
  auto* row = Row(Get().lists, dataset);
  return row ? std::string_view(row->second) : std::string_view();
}

std::string OccupiedRegionIn(std::string_view address) {
  if (address.empty()) return {};
  std::string folded = text::FoldCase(address);
  for (const auto& [region, words] : Get().regions) {
    for (const std::string& w : words) {
      for (std::size_t at = folded.find(w); at != std::string::npos; at = folded.find(w, at + 1)) {
        bool left = at == 0 || !WordChar(static_cast<unsigned char>(folded[at - 1]));
        std::size_t after = at + w.size();
        // Russian inflects place names (в Крыму, Донецкой): a Cyrillic word may run on.
        bool cyrillic = static_cast<unsigned char>(w[0]) >= 0x80;
        bool right = cyrillic || after >= folded.size() ||
                     !WordChar(static_cast<unsigned char>(folded[after]));
        if (left && right) return region;
      }
    }
  }
  return {};
}

}  // namespace dualwatch::risk
