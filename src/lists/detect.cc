// Format detection from content: the first line (JSON keys, CSV header, XML root) tells.
#include <fmt/format.h>

#include <regex>

#include "lists/json_lines.h"

namespace dualwatch::lists {
namespace {

bool HasKey(std::string_view line, std::string_view key) {
  return line.find(fmt::format("\"{}\":", key)) != std::string_view::npos ||
         line.find(fmt::format("\"{}\" :", key)) != std::string_view::npos;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

std::string Printable(std::string_view line) {
  std::string out(line.substr(0, 80));
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20) c = ' ';
  }
  return out;
}

}  // namespace

Result<Format> DetectFormat(std::string_view name, std::string_view text) {
  std::size_t start = text.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos) return Status::Error(fmt::format("{}: empty file", name));
  std::string_view head = text.substr(start, 1 << 16);
  std::string_view line = head.substr(0, head.find('\n'));
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);

  if (head[0] == '<') {
    if (head.find("<CONSOLIDATED_LIST") != std::string_view::npos) return Format::kUnXml;
  } else if (head[0] == '{') {
    if (HasKey(line, "schema") && HasKey(line, "properties")) return Format::kFtmJson;
    if (HasKey(line, "eu_reference_number") || HasKey(line, "date_of_application")) {
      return Format::kEuFsfJsonl;
    }
    if (HasKey(line, "individual_entity_ship")) return Format::kUkJsonl;
    if (HasKey(line, "unique_identifier") && HasKey(line, "sanction_status")) {
      return Format::kNzRussiaJsonl;
    }
    if (HasKey(line, "date_of_listing") && HasKey(line, "item")) return Format::kCaSemaJsonl;
  } else {
    if (StartsWith(line, "_id,source,entity_number,type,programs,name")) return Format::kUsCsl;
    if (StartsWith(line, "\"Name\"\t\"Street_Address\"") ||
        StartsWith(line, "Name\tStreet_Address")) {
      return Format::kBisDpl;
    }
    if (StartsWith(line, "Type,Name,Alias,Country,Topics,Program")) return Format::kBisMieu;
    if (StartsWith(line, "Name,Clean Name,Alias")) return Format::kDod1260h;
    if (StartsWith(line, "covered_equipment_or_services")) return Format::kFccCovered;
    if (StartsWith(line, "celex,recordId,programKey")) return Format::kEuJournalCsv;
    // OFAC legacy CSV has no header: an entity number, then quoted fields, "-0-" for empty.
    static const std::regex kOfac(R"(^\d+,("[^"]*"|-0- ?|\d+),.*)");
    if (std::regex_match(line.begin(), line.end(), kOfac)) {
      io::CsvReader reader(name, line);
      io::CsvRecord record;
      reader.Next(record);
      if (record.fields.size() == 12) return Format::kOfacCsv;
      return Status::Error(fmt::format(
          "{}:1: this looks like an OFAC companion file ({} fields: addresses, aliases or "
          "comments); import the main file (sdn.csv or cons_prim.csv) beside it",
          name, record.fields.size()));
    }
  }
  std::vector<std::string> names;
  for (Format f : AllFormats()) names.emplace_back(FormatName(f));
  return Status::Error(
      fmt::format("{}:1: unknown list format (first line: '{}'); give --format, "
                  "one of: {}",
                  name, Printable(line), fmt::join(names, ", ")));
}

}  // namespace dualwatch::lists
