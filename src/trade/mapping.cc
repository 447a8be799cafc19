// Column mappings: which header fills which Shipment field, and which layout a header is.
#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "text/text.h"
#include "trade/trade.h"

namespace dualwatch::trade {

extern const char kCanonicalMappingTsv[];
extern const char kRuCustomsMappingTsv[];
extern const char kUsBolMappingTsv[];

namespace {

constexpr std::array<std::string_view, kFieldCount> kFieldNames = {"record_id",
                                                                   "date",
                                                                   "exporter_name",
                                                                   "exporter_country",
                                                                   "exporter_address",
                                                                   "importer_name",
                                                                   "importer_country",
                                                                   "importer_address",
                                                                   "notify_name",
                                                                   "notify_country",
                                                                   "notify_address",
                                                                   "manufacturer",
                                                                   "origin_country",
                                                                   "dispatch_country",
                                                                   "destination_country",
                                                                   "transit_countries",
                                                                   "hs_code",
                                                                   "description",
                                                                   "brand",
                                                                   "quantity",
                                                                   "unit",
                                                                   "weight_kg",
                                                                   "value",
                                                                   "currency",
                                                                   "declaration_number",
                                                                   "port_of_lading",
                                                                   "port_of_unlading",
                                                                   "truth"};

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (true) {
    std::size_t end = s.find(sep, start);
    out.push_back(s.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) return out;
    start = end + 1;
  }
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// Words a value or weight header may add after its name: units and currencies.
bool IsUnitWord(std::string_view word) {
  static const std::array<std::string_view, 14> kWords = {"kg",     "кг",   "net", "нетто", "gross",
                                                          "брутто", "usd",  "eur", "rub",   "cny",
                                                          "руб",    "долл", "сша", "in"};
  for (std::string_view w : kWords) {
    if (w == word) return true;
  }
  return CurrencyIn(word).size() == 3;
}

}  // namespace

std::string_view FieldName(Field field) { return kFieldNames[static_cast<std::size_t>(field)]; }

std::optional<Field> FieldFromName(std::string_view name) {
  for (std::size_t i = 0; i < kFieldCount; ++i) {
    if (kFieldNames[i] == name) return static_cast<Field>(i);
  }
  return std::nullopt;
}

std::string NormalizeHeader(std::string_view header) {
  std::string folded = text::FoldCase(header);
  std::string out;
  bool space = false;
  for (std::size_t i = 0; i < folded.size();) {
    unsigned char c = static_cast<unsigned char>(folded[i]);
    std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    bool word = c >= 0x80 || std::isalnum(c);
    if (word) {
      if (space && !out.empty()) out.push_back(' ');
      space = false;
      out.append(folded, i, len);
    } else {
      space = true;
    }
    i += len;
  }
  return out;
}

Result<Mapping> ParseMapping(std::string_view name, std::string_view text) {
  Mapping mapping;
  mapping.name = std::string(name);
  std::size_t line_no = 0;
  for (std::string_view line : Split(text, '\n')) {
    ++line_no;
    line = Trim(line);
    if (line.empty()) continue;
    if (line.front() == '#') {
      std::string_view rest = Trim(line.substr(1));
      if (mapping.description.empty() && rest.rfind("mapping ", 0) == 0) {
        std::size_t colon = rest.find(':');
        if (colon != std::string_view::npos) mapping.description = Trim(rest.substr(colon + 1));
      }
      continue;
    }
    std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos) {
      return Status::Error(io::Where(name, line_no, "") +
                           ": expected 'field<TAB>header|header...' or '@option<TAB>value'");
    }
    std::string_view key = Trim(line.substr(0, tab));
    std::string_view value = Trim(line.substr(tab + 1));
    if (key.front() == '@') {
      if (key == "@decimal") {
        if (value == "comma") {
          mapping.decimal = DecimalMark::kComma;
        } else if (value == "point") {
          mapping.decimal = DecimalMark::kPoint;
        } else if (value == "auto") {
          mapping.decimal = DecimalMark::kAuto;
        } else {
          return Status::Error(io::Where(name, line_no, "@decimal") + ": " +
                               fmt::format("'{}' is not comma, point or auto", value));
        }
      } else if (key == "@currency") {
        mapping.default_currency = CurrencyIn(value);
        if (mapping.default_currency.empty()) {
          return Status::Error(io::Where(name, line_no, "@currency") + ": " +
                               fmt::format("'{}' is not an ISO 4217 currency code", value));
        }
      } else if (key == "@destination") {
        auto code = ParseCountry(value);
        if (!code.ok() || code->empty()) {
          return Status::Error(io::Where(name, line_no, "@destination") + ": " +
                               fmt::format("'{}' is not a country", value));
        }
        mapping.default_destination = *code;
      } else {
        return Status::Error(io::Where(name, line_no, key) +
                             ": unknown option (known: @decimal, @currency, @destination)");
      }
      continue;
    }
    auto field = FieldFromName(key);
    if (!field) {
      std::string known;
      for (std::string_view f : kFieldNames) known += (known.empty() ? "" : ", ") + std::string(f);
      return Status::Error(io::Where(name, line_no, key) +
                           fmt::format(": unknown field (known: {})", known));
    }
    for (std::string_view header : Split(value, '|')) {
      std::string h = NormalizeHeader(header);
      if (!h.empty()) mapping.headers[static_cast<std::size_t>(*field)].push_back(std::move(h));
    }
  }
  return mapping;
}

Result<Mapping> LoadMapping(const std::string& path) {
  auto input = io::ReadInput(path);
  if (!input.ok()) return input.status();
  if (std::size_t bad = io::FindInvalidUtf8(input->text); bad != std::string::npos) {
    return Status::Error(io::Where(path, io::LineOfOffset(input->text, bad), "") +
                         fmt::format(": invalid UTF-8 at byte {}", bad));
  }
  std::string stem = path.substr(path.find_last_of('/') + 1);
  stem = stem.substr(0, stem.find('.'));
  auto mapping = ParseMapping(path, input->text);
  if (mapping.ok()) mapping->name = stem;
  return mapping;
}

const std::vector<Mapping>& BuiltinMappings() {
  static const std::vector<Mapping> mappings = [] {
    std::vector<Mapping> out;
    for (auto [name, text] :
         {std::pair{"canonical", kCanonicalMappingTsv},
          std::pair{"ru_customs", kRuCustomsMappingTsv}, std::pair{"us_bol", kUsBolMappingTsv}}) {
      auto m = ParseMapping(name, text);
      if (!m.ok()) {
        fmt::print(stderr, "dualwatch: built-in mapping {}: {}\n", name, m.status().message());
        std::abort();  // a build error, caught by the tests
      }
      out.push_back(std::move(*m));
    }
    return out;
  }();
  return mappings;
}

ColumnPlan PlanColumns(const Mapping& mapping, const std::vector<std::string>& header) {
  ColumnPlan plan;
  plan.columns.resize(header.size());
  // Best (column, field) pairs first: an exact header beats a name followed by units, and
  // each field and each column is used once.
  struct Candidate {
    std::size_t column;
    Field field;
    int quality;  // 2 exact, 1 with trailing unit or currency words
    std::string rest;
  };
  std::vector<Candidate> candidates;
  for (std::size_t col = 0; col < header.size(); ++col) {
    std::string h = NormalizeHeader(header[col]);
    if (h.empty()) continue;
    for (std::size_t f = 0; f < kFieldCount; ++f) {
      auto field = static_cast<Field>(f);
      for (const std::string& name : mapping.headers[f]) {
        if (h == name) {
          candidates.push_back({col, field, 2, ""});
        } else if ((field == Field::kValue || field == Field::kWeightKg) &&
                   h.size() > name.size() && h.compare(0, name.size(), name) == 0 &&
                   h[name.size()] == ' ') {
          std::string rest = h.substr(name.size() + 1);
          bool units = true;
          for (std::string_view w : Split(rest, ' ')) units = units && IsUnitWord(w);
          if (units) candidates.push_back({col, field, 1, rest});
        }
      }
    }
  }
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Candidate& a, const Candidate& b) { return a.quality > b.quality; });
  std::vector<bool> field_used(kFieldCount);
  for (const Candidate& c : candidates) {
    std::size_t f = static_cast<std::size_t>(c.field);
    if (field_used[f] || plan.columns[c.column]) continue;
    field_used[f] = true;
    plan.columns[c.column] = c.field;
    ++plan.mapped;
    if (c.field == Field::kValue) plan.value_currency = CurrencyIn(header[c.column]);
  }
  return plan;
}

const Mapping& DetectMapping(const std::vector<std::string>& header, ColumnPlan* plan) {
  const std::vector<Mapping>& all = BuiltinMappings();
  std::size_t best = 0;
  ColumnPlan best_plan = PlanColumns(all[0], header);
  for (std::size_t i = 1; i < all.size(); ++i) {
    ColumnPlan p = PlanColumns(all[i], header);
    bool usable = MissingRequired(p).empty(), best_usable = MissingRequired(best_plan).empty();
    if ((usable && !best_usable) || (usable == best_usable && p.mapped > best_plan.mapped)) {
      best = i;
      best_plan = std::move(p);
    }
  }
  if (plan) *plan = std::move(best_plan);
  return all[best];
}

std::vector<std::string> MissingRequired(const ColumnPlan& plan) {
  auto has = [&](Field f) {
    for (const auto& c : plan.columns) {
      if (c == f) return true;
    }
    return false;
  };
  std::vector<std::string> missing;
  if (!has(Field::kExporterName) && !has(Field::kImporterName)) {
    missing.push_back("a party (exporter_name or importer_name)");
  }
  if (!has(Field::kDescription) && !has(Field::kHsCode)) {
    missing.push_back("goods (description or hs_code)");
  }
  return missing;
}

}  // namespace dualwatch::trade
