// Country names in many languages and list spellings → ISO 3166-1 alpha-2.
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <string>
#include <unordered_map>

#include "text/tables.h"
#include "text/text.h"

namespace dualwatch::text {

// data/text/country_aliases.tsv, embedded at build time (see CMakeLists.txt).
extern const char kCountryAliasesTsv[];

namespace {

// Languages whose CLDR country names we accept: the lists' own languages and our users'.
constexpr const char* kLanguages[] = {"en", "ru", "uk", "zh", "zh_Hant", "fr",
                                      "de", "es", "ar", "ja", "fa",      "tr"};

// Case-folded, punctuation-free, single-spaced, without a leading "the".
std::string CountryKey(std::string_view name) {
  std::string folded = FoldCase(name);
  std::string out;
  int32_t i = 0, n = static_cast<int32_t>(folded.size());
  bool space = false;
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(folded.data(), i, n, c);
    if (c < 0) continue;
    if (c == '&') {  // CLDR writes "Bosnia & Herzegovina", lists write "and"
      out.append(out.empty() ? "and" : " and");
      space = true;
      continue;
    }
    if (u_isalnum(c) || u_hasBinaryProperty(c, UCHAR_DIACRITIC) ||
        u_charType(c) == U_NON_SPACING_MARK || u_charType(c) == U_COMBINING_SPACING_MARK) {
      if (space && !out.empty()) out.push_back(' ');
      space = false;
      out.append(folded, start, i - start);
    } else {
      space = true;
    }
  }
  if (out.rfind("the ", 0) == 0) out.erase(0, 4);
  return out;
}

struct CountryTable {
  // Country names by CountryKey (asked about every word of every organisation's name, hence
  // flat), filled through `building`.
  internal::FlatMap<std::string> by_key;
  std::unordered_map<std::string, std::string> building;
  std::unordered_map<std::string, std::string> english;
  std::vector<std::pair<std::string, std::string>> latin_names;  // English names and aliases

  void Add(std::string_view name, const std::string& code) {
    std::string key = CountryKey(name);
    if (!key.empty()) building.emplace(std::move(key), code);
  }

  CountryTable() {
    for (const char* const* c = icu::Locale::getISOCountries(); *c; ++c) {
      std::string code = *c;
      if (code.size() != 2) continue;
      icu::Locale region("", code.c_str());
      Add(code, code);
      Add(region.getISO3Country(), code);
      for (const char* lang : kLanguages) {
        icu::UnicodeString display;
        region.getDisplayCountry(icu::Locale(lang), display);
        std::string name;
        display.toUTF8String(name);
        if (name == code) continue;  // ICU had no name in that language
        if (std::string_view(lang) == "en") {
          english.emplace(code, name);
          latin_names.emplace_back(name, code);
        }
        Add(name, code);
        // "Myanmar (Burma)" → also "Myanmar"; "Hong Kong SAR China" stays for the alias file.
        if (auto paren = name.find(" ("); paren != std::string::npos) {
          Add(name.substr(0, paren), code);
        }
      }
    }
    // Aliases: lines "CODE<TAB>name", '#' comments and a header line.
    std::string_view tsv(kCountryAliasesTsv);
    while (!tsv.empty()) {
      std::size_t eol = tsv.find('\n');
      std::string_view line = tsv.substr(0, eol);
      tsv = eol == std::string_view::npos ? std::string_view() : tsv.substr(eol + 1);
      if (line.empty() || line[0] == '#') continue;
      std::size_t tab = line.find('\t');
      if (tab != 2) continue;  // header or malformed: codes are always two letters
      building[CountryKey(line.substr(tab + 1))] = std::string(line.substr(0, 2));
      latin_names.emplace_back(line.substr(tab + 1), line.substr(0, 2));
    }
    by_key = internal::FlatMap<std::string>::From(building);
    building.clear();
  }
};

const CountryTable& Table() {
  static const CountryTable table;
  return table;
}

}  // namespace

std::optional<std::string> CountryCode(std::string_view name) {
  const CountryTable& table = Table();
  // A word of lower-case ASCII letters and digits is its own key (NormalizeName asks for every
  // word of every name): no folding, no ICU.
  if (!name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      })) {
    const std::string* code = table.by_key.Find(name);
    if (!code) return std::nullopt;
    return *code;
  }
  std::string key = CountryKey(name);
  if (key.empty()) return std::nullopt;
  if (const std::string* code = table.by_key.Find(key)) return *code;
  // "Russian Federation (HQ)", "Republic of Türkiye", "Region: Gaza": drop the decoration.
  if (auto paren = name.find(" ("); paren != std::string_view::npos && paren > 0) {
    return CountryCode(name.substr(0, paren));
  }
  for (std::string_view prefix : {"region ", "republic of ", "socialist republic of ",
                                  "federal republic of ", "kingdom of ", "state of "}) {
    if (key.rfind(prefix, 0) == 0) {
      if (const std::string* code =
              table.by_key.Find(std::string_view(key).substr(prefix.size()))) {
        return *code;
      }
    }
  }
  return std::nullopt;
}

const std::vector<std::pair<std::string, std::string>>& CountryNames() {
  return Table().latin_names;
}

std::string CountryName(std::string_view code) {
  const CountryTable& table = Table();
  auto it = table.english.find(std::string(code));
  return it == table.english.end() ? std::string() : it->second;
}

}  // namespace dualwatch::text
