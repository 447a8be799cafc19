// dualwatch::text — Unicode handling shared by every module that reads names or places.
//
// This layer is deliberately small for now: case folding with Unicode normalisation, whitespace
// clean-up, script detection, and country names in any language to ISO 3166-1 alpha-2. The name
// matching layer (issue 3) adds transliteration, tokenising and legal-form tagging here.
//
// Thread safety: every function is safe to call from many threads; the country table is built
// once, on first use, under a static initialiser.
#ifndef DUALWATCH_TEXT_TEXT_H_
#define DUALWATCH_TEXT_TEXT_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dualwatch::text {

// NFKC normalisation with Unicode case folding ("ＡＢＣ Straße" → "abc strasse").
// Invalid UTF-8 is replaced by U+FFFD.
std::string FoldCase(std::string_view utf8);

// Trims and collapses runs of whitespace (including tabs, newlines, NBSP) to one space.
std::string CollapseSpace(std::string_view utf8);

// The dominant writing system of a string, by count of letters.
enum class Script { kNone, kLatin, kCyrillic, kHan, kArabic, kGreek, kHangul, kKana, kOther };
Script DetectScript(std::string_view utf8);
std::string_view ScriptName(Script script);  // ISO 15924 code: "Latn", "Cyrl", "Hani", ...

// Maps a country as lists write it to ISO 3166-1 alpha-2, upper case: "CN" for "China",
// "CHINA, PEOPLE'S REPUBLIC OF", "People’s Republic of China", "CHN", "Китай", "中国";
// "HK" for "Гонконг". Names come from ICU's CLDR display names in 12 languages plus the aliases
// in data/text/country_aliases.tsv. Returns nullopt when the text names no country.
std::optional<std::string> CountryCode(std::string_view name);

// English short name of an ISO alpha-2 code ("CN" → "China"); empty if unknown.
std::string CountryName(std::string_view code);

}  // namespace dualwatch::text

#endif  // DUALWATCH_TEXT_TEXT_H_
