// Field parsers: countries, dates, amounts and currencies as trade records write them.
#include <fmt/format.h>

#include <array>
#include <cctype>
#include <charconv>

#include "text/text.h"
#include "trade/trade.h"

namespace dualwatch::trade {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int ToInt(std::string_view s) {
  int v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

bool ValidDate(int y, int m, int d) {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  static constexpr std::array<int, 12> kDays = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (d > kDays[m - 1]) return false;
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return !(m == 2 && d == 29 && !leap);
}

}  // namespace

Result<std::string> ParseCountry(std::string_view text) {
  text = Trim(text);
  if (text.empty()) return std::string();
  if (auto code = text::CountryCode(text)) return *code;
  return Status::Error(fmt::format("unknown country '{}'", text));
}

Result<std::string> ParseDate(std::string_view text) {
  text = Trim(text);
  if (text.empty()) return std::string();
  // A time after the date ("2023-02-21T10:00:00", "21.02.2023 10:00") is dropped.
  std::string_view date = text.substr(0, text.find_first_of(" T"));
  int y = 0, m = 0, d = 0;
  auto parts = [&](char sep) {
    std::array<std::string_view, 3> p;
    std::size_t a = date.find(sep);
    std::size_t b = a == std::string_view::npos ? a : date.find(sep, a + 1);
    if (b == std::string_view::npos || date.find(sep, b + 1) != std::string_view::npos) {
      return std::optional<std::array<std::string_view, 3>>();
    }
    p = {date.substr(0, a), date.substr(a + 1, b - a - 1), date.substr(b + 1)};
    for (auto s : p) {
      if (!AllDigits(s)) return std::optional<std::array<std::string_view, 3>>();
    }
    return std::optional(p);
  };
  if (auto p = parts('-'); p && (*p)[0].size() == 4) {
    y = ToInt((*p)[0]), m = ToInt((*p)[1]), d = ToInt((*p)[2]);
  } else if (auto q = parts('.'); q && (*q)[2].size() == 4) {
    d = ToInt((*q)[0]), m = ToInt((*q)[1]), y = ToInt((*q)[2]);
  } else if (auto r = parts('/'); r && (*r)[0].size() == 4) {
    y = ToInt((*r)[0]), m = ToInt((*r)[1]), d = ToInt((*r)[2]);
  } else if (AllDigits(date) && date.size() == 8) {
    y = ToInt(date.substr(0, 4)), m = ToInt(date.substr(4, 2)), d = ToInt(date.substr(6, 2));
  } else {
    return Status::Error(
        fmt::format("'{}' is not a date (yyyy-mm-dd, dd.mm.yyyy or yyyymmdd)", text));
  }
  if (!ValidDate(y, m, d)) return Status::Error(fmt::format("'{}' is not a valid date", text));
  return fmt::format("{:04}-{:02}-{:02}", y, m, d);
}

Result<double> ParseAmount(std::string_view text, DecimalMark mark) {
  std::string_view trimmed = Trim(text);
  // A currency before or after the number ("$25,000.00", "1 200 USD", "500 руб.").
  auto money = [](unsigned char c) {
    return !(c >= '0' && c <= '9') && c != '-' && c != '.' && c != ',';
  };
  std::size_t lead = 0, trail = trimmed.size();
  while (lead < trail && money(static_cast<unsigned char>(trimmed[lead]))) ++lead;
  while (trail > lead && money(static_cast<unsigned char>(trimmed[trail - 1]))) --trail;
  for (std::string_view part : {trimmed.substr(0, lead), trimmed.substr(trail)}) {
    if (!Trim(part).empty() && CurrencyIn(part).empty()) {
      return Status::Error(fmt::format("'{}' is not an amount", Trim(text)));
    }
  }
  std::string_view whole = trimmed;
  trimmed = Trim(trimmed.substr(lead, trail - lead));
  std::string digits;
  std::size_t points = 0, commas = 0, last_point = 0, last_comma = 0;
  bool negative = false;
  for (std::size_t i = 0; i < trimmed.size(); ++i) {
    char c = trimmed[i];
    if (c >= '0' && c <= '9') {
      digits.push_back(c);
    } else if (c == '.') {
      ++points, last_point = digits.size(), digits.push_back('.');
    } else if (c == ',') {
      ++commas, last_comma = digits.size(), digits.push_back(',');
    } else if (c == ' ' || c == '\'') {
      // thousands separator
    } else if (c == '\xC2' && i + 1 < trimmed.size() && trimmed[i + 1] == '\xA0') {
      ++i;  // no-break space
    } else if (c == '\xE2' && i + 2 < trimmed.size() && trimmed[i + 1] == '\x80' &&
               trimmed[i + 2] == '\xAF') {
      i += 2;  // narrow no-break space
    } else if (c == '-' && digits.empty() && !negative) {
      negative = true;
    } else {
      return Status::Error(fmt::format("'{}' is not an amount", whole));
    }
  }
  if (digits.empty() || (digits.find_first_of("0123456789") == std::string::npos)) {
    return Status::Error(fmt::format("'{}' is not an amount", whole));
  }
  // Which mark is the decimal one: the last of two different marks; a lone mark not followed
  // by exactly three digits; for "1,234" and "1.234" the layout decides (comma layouts read a
  // lone comma as decimal and a lone point as thousands; others the reverse). Repeated marks
  // separate thousands.
  char decimal = 0;
  if (points && commas) {
    decimal = last_point > last_comma ? '.' : ',';
  } else if (points == 1 || commas == 1) {
    char lone = points ? '.' : ',';
    std::size_t at = points ? last_point : last_comma;
    if (digits.size() - at - 1 != 3) {
      decimal = lone;
    } else if (mark == DecimalMark::kComma) {
      decimal = lone == ',' ? ',' : 0;
    } else {
      decimal = lone == '.' ? '.' : 0;
    }
  }
  std::string number;
  std::size_t decimals = 0;
  for (char c : digits) {
    if (c == decimal) {
      if (++decimals > 1) return Status::Error(fmt::format("'{}' is not an amount", whole));
      number.push_back('.');
    } else if (c != '.' && c != ',') {
      number.push_back(c);
    }
  }
  double value = 0;
  auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), value);
  if (ec != std::errc() || end != number.data() + number.size()) {
    return Status::Error(fmt::format("'{}' is not an amount", whole));
  }
  return negative ? -value : value;
}

std::string CsvQuote(std::string_view v) {
  if (v.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(v);
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string CurrencyIn(std::string_view text) {
  static const std::array<std::pair<std::string_view, std::string_view>, 16> kNames = {{
      {"usd", "USD"},
      {"долл", "USD"},
      {"$", "USD"},
      {"eur", "EUR"},
      {"евро", "EUR"},
      {"€", "EUR"},
      {"rub", "RUB"},
      {"руб", "RUB"},
      {"cny", "CNY"},
      {"rmb", "CNY"},
      {"юан", "CNY"},
      {"gbp", "GBP"},
      {"aed", "AED"},
      {"try", "TRY"},
      {"kzt", "KZT"},
      {"hkd", "HKD"},
  }};
  std::string folded = text::FoldCase(text);
  for (auto [name, code] : kNames) {
    std::size_t at = folded.find(name);
    if (at == std::string::npos) continue;
    // Three-letter codes must stand as words ("usd", not "thousand").
    bool ascii = std::isalpha(static_cast<unsigned char>(name[0]));
    if (ascii) {
      bool left = at == 0 || !std::isalpha(static_cast<unsigned char>(folded[at - 1]));
      std::size_t after = at + name.size();
      bool right =
          after >= folded.size() || !std::isalpha(static_cast<unsigned char>(folded[after]));
      if (!left || !right) continue;
    }
    return std::string(code);
  }
  return {};
}

}  // namespace dualwatch::trade
