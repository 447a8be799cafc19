// Helpers shared by the list parsers: header-indexed CSV, dates, countries, identifier labels.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>

#include "lists/parsers.h"
#include "text/text.h"

namespace dualwatch::lists::internal {

Status FieldError(std::string_view name, std::size_t line, std::string_view field,
                  std::string_view message) {
  return Status::Error(fmt::format("{}: {}", io::Where(name, line, field), message));
}

std::string Trim(std::string_view text) { return text::CollapseSpace(text); }

std::vector<std::string> SplitList(std::string_view text, std::string_view separator) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(separator, start);
    if (end == std::string_view::npos) end = text.size();
    std::string part = Trim(text.substr(start, end - start));
    if (!part.empty()) parts.push_back(std::move(part));
    start = end + separator.size();
  }
  return parts;
}

std::string DerivedId(std::string_view key) { return io::Sha256Hex(key).substr(0, 16); }

void CountSkipped(ParsedList& out, std::string_view reason) {
  ++out.counts.skipped;
  ++out.counts.skipped_by_reason[std::string(reason)];
}

std::string CountryOf(std::string_view text) {
  auto code = text::CountryCode(text);
  return code ? *code : std::string();
}

HeaderCsv::HeaderCsv(const io::Input& input, char delimiter)
    : input_(input), reader_(input.name, input.text, delimiter) {
  io::CsvRecord header;
  if (!reader_.Next(header)) {
    status_ =
        reader_.status().ok() ? FieldError(input.name, 1, "", "no header line") : reader_.status();
    return;
  }
  header_ = header.fields;
  for (std::size_t i = 0; i < header_.size(); ++i) index_.emplace(Trim(header_[i]), i);
}

Status HeaderCsv::Require(const std::vector<std::string_view>& required) {
  if (!status_.ok()) return status_;
  for (std::string_view column : required) {
    if (!index_.count(std::string(column))) {
      return FieldError(input_.name, 1, column, "missing column in header line");
    }
  }
  return Status();
}

bool HeaderCsv::Next() {
  if (!status_.ok()) return false;
  if (!reader_.Next(record_)) {
    status_ = reader_.status();
    return false;
  }
  if (record_.fields.size() != header_.size()) {
    status_ = FieldError(input_.name, record_.line, "",
                         fmt::format("expected {} fields as in the header line, found {}",
                                     header_.size(), record_.fields.size()));
    return false;
  }
  return true;
}

std::string_view HeaderCsv::Get(std::string_view column) const {
  auto it = index_.find(std::string(column));
  if (it == index_.end() || it->second >= record_.fields.size()) return {};
  return record_.fields[it->second];
}

namespace {

constexpr std::array<std::string_view, 12> kMonths = {"jan", "feb", "mar", "apr", "may", "jun",
                                                      "jul", "aug", "sep", "oct", "nov", "dec"};

int MonthOf(std::string_view word) {
  if (word.size() < 3) return 0;
  std::string lower;
  for (char c : word.substr(0, 3)) lower.push_back(static_cast<char>(std::tolower(c)));
  for (std::size_t i = 0; i < kMonths.size(); ++i) {
    if (kMonths[i] == lower) return static_cast<int>(i) + 1;
  }
  return 0;
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int ToInt(std::string_view s) {
  int v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

std::string Compose(int year, int month, int day) {
  if (year < 1000 || year > 2999) return "";
  if (month < 1 || month > 12) return month == 0 ? fmt::format("{:04d}", year) : "";
  if (day < 1 || day > 31) return day == 0 ? fmt::format("{:04d}-{:02d}", year, month) : "";
  return fmt::format("{:04d}-{:02d}-{:02d}", year, month, day);
}

// Splits into runs of letters and runs of digits.
std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < s.size()) {
    if (std::isalnum(static_cast<unsigned char>(s[i]))) {
      bool digit = std::isdigit(static_cast<unsigned char>(s[i]));
      std::size_t j = i;
      while (j < s.size() && std::isalnum(static_cast<unsigned char>(s[j])) &&
             (std::isdigit(static_cast<unsigned char>(s[j])) != 0) == digit) {
        ++j;
      }
      words.push_back(s.substr(i, j - i));
      i = j;
    } else {
      ++i;
    }
  }
  return words;
}

}  // namespace

std::string IsoDate(std::string_view raw) {
  std::string t = Trim(raw);
  std::string_view s = t;
  for (std::string_view prefix : {"circa ", "Circa ", "CIRCA ", "c. ", "approximately ", "ca. "}) {
    if (s.substr(0, prefix.size()) == prefix) s.remove_prefix(prefix.size());
  }
  if (s.empty()) return "";
  // ISO forms, possibly with a time.
  if (s.size() >= 4 && AllDigits(s.substr(0, 4)) && (s.size() == 4 || s[4] == '-')) {
    int y = ToInt(s.substr(0, 4));
    if (s.size() == 4) return Compose(y, 0, 0);
    if (s.size() >= 7 && AllDigits(s.substr(5, 2))) {
      int m = ToInt(s.substr(5, 2));
      if (s.size() >= 10 && s[7] == '-' && AllDigits(s.substr(8, 2))) {
        return Compose(y, m, ToInt(s.substr(8, 2)));
      }
      if (s.size() == 7) return Compose(y, m, 0);
    }
    return "";
  }
  std::vector<std::string_view> w = Words(s);
  if (w.size() == 3 && AllDigits(w[0]) && AllDigits(w[1]) && AllDigits(w[2]) && w[2].size() == 4) {
    bool us = s.find('/') != std::string_view::npos;  // 06/19/2003
    int a = ToInt(w[0]), b = ToInt(w[1]);
    return us ? Compose(ToInt(w[2]), a, b) : Compose(ToInt(w[2]), b, a);
  }
  if (w.size() == 3 && AllDigits(w[0]) && MonthOf(w[1]) && AllDigits(w[2])) {
    return Compose(ToInt(w[2]), MonthOf(w[1]), ToInt(w[0]));  // 24 Feb 2022
  }
  if (w.size() == 3 && MonthOf(w[0]) && AllDigits(w[1]) && AllDigits(w[2])) {
    return Compose(ToInt(w[2]), MonthOf(w[0]), ToInt(w[1]));  // March 12, 2021
  }
  if (w.size() == 2 && MonthOf(w[0]) && AllDigits(w[1])) {
    return Compose(ToInt(w[1]), MonthOf(w[0]), 0);  // Feb 2022
  }
  if (w.size() == 2 && AllDigits(w[0]) && AllDigits(w[1]) && w[1].size() == 4) {
    return Compose(ToInt(w[1]), ToInt(w[0]), 0);  // 02.1962
  }
  return "";
}

std::string IdentifierType(std::string_view label) {
  std::string l = text::FoldCase(label);
  auto has = [&](std::string_view needle) { return l.find(needle) != std::string::npos; };
  if (has("unified social credit") || has("uscc")) return "uscc";
  if (has("inn") && l.size() <= 5) return "innCode";
  if (has("tax id") || has("taxpayer") || has("fiscal") || has("tax number") || l == "inn" ||
      has("vat")) {
    return "taxNumber";
  }
  if (has("ogrn") || has("state registration")) return "ogrnCode";
  if (has("registration") || has("regnumber") || has("company number") || has("business number")) {
    return "registrationNumber";
  }
  if (has("legal entity number") || has("lei")) return "leiCode";
  if (has("imo")) return "imoNumber";
  if (has("mmsi")) return "mmsi";
  if (has("swift") || has("bic")) return "swiftBic";
  if (has("passport")) return "passportNumber";
  if (has("email") || has("e-mail")) return "email";
  if (has("website") || has("web site")) return "website";
  if (has("phone") || has("fax")) return "phone";
  if (has("call sign")) return "callSign";
  if (has("isin")) return "isin";
  if (has("national id") || has("cedula") || has("identification number") || l == "id" ||
      has("personal id") || has("national number")) {
    return "idNumber";
  }
  return "other";
}

}  // namespace dualwatch::lists::internal
