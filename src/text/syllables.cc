// Syllables of names romanised from syllabic scripts: Korean syllables in their several Latin
// spellings, and toneless pinyin (PinyinSyllables).
#include <algorithm>
#include <array>
#include <string>

#include "text/tables.h"
#include "text/text.h"

namespace dualwatch::text {

namespace {

// Korean syllables' parts, each a class of spellings; the first is the class's key.
using Spellings = std::vector<std::string_view>;
const std::vector<Spellings>& KoreanInitials() {
  static const std::vector<Spellings> kInitials = {{"g", "k", "kk"},
                                                   {"d", "t", "tt"},
                                                   {"b", "p", "pp"},
                                                   {"j", "ch", "jj"},
                                                   {"s", "ss", "sh"},
                                                   {"r", "l"},
                                                   {"n"},
                                                   {"m"},
                                                   {"h"},
                                                   {""}};
  return kInitials;
}
const std::vector<Spellings>& KoreanVowels() {
  static const std::vector<Spellings> kVowels = {{"o", "eo"},
                                                 {"yo", "yeo", "yu", "you"},
                                                 {"u", "eu"},
                                                 {"e", "ae"},
                                                 {"we", "oe", "wae"},
                                                 {"wo", "weo"},
                                                 {"ye", "yae"},
                                                 {"a"},
                                                 {"ya"},
                                                 {"wa"},
                                                 {"wi"},
                                                 {"ui"},
                                                 {"i"}};
  return kVowels;
}
const std::vector<Spellings>& KoreanFinals() {
  static const std::vector<Spellings> kFinals = {{"ng"},     {"k", "g"}, {"t", "d"}, {"p", "b"},
                                                 {"l", "r"}, {"n"},      {"m"},      {""}};
  return kFinals;
}

// The classes of `word`'s initial, vowel and final, or false when it is no syllable. The
// longest spelling of each part first ("yeo" before "yo" before "o").
bool ParseKoreanSyllable(std::string_view word, const Spellings** parts) {
  auto longest_first = [](const std::vector<Spellings>& classes) {
    std::vector<std::pair<std::string_view, const Spellings*>> all;
    for (const Spellings& c : classes) {
      for (std::string_view s : c) all.emplace_back(s, &c);
    }
    std::stable_sort(all.begin(), all.end(),
                     [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
    return all;
  };
  static const auto kInitials = longest_first(KoreanInitials());
  static const auto kVowels = longest_first(KoreanVowels());
  static const auto kFinals = longest_first(KoreanFinals());
  if (word.empty() || word.size() > 7) return false;
  // Parts of one to three letters, compared letter by letter (every query word of a Latin name
  // is asked about: a call to memcmp a comparison had cost more than the comparison).
  auto starts_with = [](std::string_view text, std::string_view part) {
    if (part.size() > text.size()) return false;
    for (std::size_t i = 0; i < part.size(); ++i) {
      if (text[i] != part[i]) return false;
    }
    return true;
  };
  for (const auto& [initial, initial_class] : kInitials) {
    if (!starts_with(word, initial)) continue;
    std::string_view rest = word.substr(initial.size());
    for (const auto& [vowel, vowel_class] : kVowels) {
      if (!starts_with(rest, vowel)) continue;
      for (const auto& [final, final_class] : kFinals) {
        if (rest.size() != vowel.size() + final.size() ||
            !starts_with(rest.substr(vowel.size()), final)) {
          continue;
        }
        parts[0] = initial_class;
        parts[1] = vowel_class;
        parts[2] = final_class;
        return true;
      }
    }
  }
  return false;
}

}  // namespace

std::vector<std::string> KoreanSpellings(std::string_view word) {
  const Spellings* parts[3];
  if (!ParseKoreanSyllable(word, parts)) return {};
  std::vector<std::string> out;
  for (std::string_view a : *parts[0]) {
    for (std::string_view b : *parts[1]) {
      for (std::string_view c : *parts[2])
        out.push_back(std::string(a) + std::string(b) + std::string(c));
    }
  }
  return out;
}

std::string KoreanSyllableKey(std::string_view word) {
  const Spellings* parts[3];
  if (!ParseKoreanSyllable(word, parts)) return "";
  return std::string((*parts[0])[0]) + std::string((*parts[1])[0]) + std::string((*parts[2])[0]);
}

std::size_t PinyinSyllables(std::string_view word) {
  if (word.empty() || word.size() > 32) return 0;
  const auto& syllables = internal::HanTables::Get().syllables;
  constexpr std::size_t kLongestSyllable = 6;  // "zhuang", "shuang"
  constexpr std::size_t kNone = 99;
  std::array<std::size_t, 33> fewest;  // fewest[i]: syllables that make word[0, i), or kNone
  fewest.fill(kNone);
  fewest[0] = 0;
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (fewest[i] == kNone) continue;
    for (std::size_t len = 1; len <= kLongestSyllable && i + len <= word.size(); ++len) {
      if (syllables.Contains(word.substr(i, len))) {
        fewest[i + len] = std::min(fewest[i + len], fewest[i] + 1);
      }
    }
  }
  return fewest[word.size()] == kNone ? 0 : fewest[word.size()];
}

}  // namespace dualwatch::text
