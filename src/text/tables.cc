// Loading the embedded reference tables.
#include "text/tables.h"

#include <unicode/utf8.h>

#include <algorithm>

#include "io/io.h"

namespace dualwatch::text {

// Embedded at build time from data/text/*.tsv (see CMakeLists.txt).
extern const char kHanPinyinTsv[];
extern const char kZhVocabularyTsv[];
extern const char kLegalFormsTsv[];
extern const char kOrgWordsTsv[];
extern const char kPersonTitlesTsv[];
extern const char kCountryAliasesTsv[];

std::uint64_t TablesFingerprint() {
  static const std::uint64_t fingerprint = [] {
    std::uint64_t h = 0;
    for (std::string_view table : {kHanPinyinTsv, kZhVocabularyTsv, kLegalFormsTsv, kOrgWordsTsv,
                                   kPersonTitlesTsv, kCountryAliasesTsv}) {
      h = h * 0x100000001b3ULL ^ io::Fnv1a(table);
    }
    return h;
  }();
  return fingerprint;
}

namespace internal {
namespace {

std::u32string Utf32(std::string_view utf8) {
  std::u32string out;
  int32_t i = 0, n = static_cast<int32_t>(utf8.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(utf8.data(), i, n, c);
    if (c >= 0) out.push_back(static_cast<char32_t>(c));
  }
  return out;
}

// Words that carry nothing for identity, in the languages of the lists.
constexpr std::string_view kStopwords[] = {
    "and", "of",  "the", "for", "in", "on",  "at",  "by", "to", "de",  "la",  "le",  "les", "el",
    "del", "des", "du",  "da",  "di", "dos", "das", "y",  "et", "und", "van", "der", "von"};

}  // namespace

std::vector<std::vector<std::string_view>> TsvRows(std::string_view tsv) {
  std::vector<std::vector<std::string_view>> rows;
  bool header = true;
  while (!tsv.empty()) {
    std::size_t eol = tsv.find('\n');
    std::string_view line = tsv.substr(0, eol);
    tsv = eol == std::string_view::npos ? std::string_view() : tsv.substr(eol + 1);
    if (line.empty() || line[0] == '#') continue;
    if (header) {
      header = false;
      continue;
    }
    std::vector<std::string_view> fields;
    std::size_t start = 0;
    for (std::size_t tab = line.find('\t'); tab != std::string_view::npos;
         tab = line.find('\t', start)) {
      fields.push_back(line.substr(start, tab - start));
      start = tab + 1;
    }
    fields.push_back(line.substr(start));
    rows.push_back(std::move(fields));
  }
  return rows;
}

const HanTables& HanTables::Get() {
  static const HanTables tables = [] {
    HanTables t;
    for (const auto& row : TsvRows(kHanPinyinTsv)) {
      std::u32string c = Utf32(row[0]);
      if (row.size() < 2 || c.size() != 1) continue;
      t.pinyin.emplace(c[0], std::string(row[1]));
      t.syllables.emplace(row[1]);
    }
    for (const auto& row : TsvRows(kZhVocabularyTsv)) {
      if (row.size() < 2) continue;
      std::u32string word = Utf32(row[0]);
      t.longest_word = std::max(t.longest_word, word.size());
      t.words.emplace(std::move(word), std::string(row[1]));
    }
    return t;
  }();
  return tables;
}

namespace {

constexpr std::size_t kMinMisspeltWord = 8;

// One insertion, deletion, substitution or swap of neighbours apart.
bool OneEditApart(std::string_view a, std::string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > 1) return false;
  std::size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  if (a.size() == b.size()) {
    if (i == a.size()) return false;                      // equal
    if (a.substr(i + 1) == b.substr(i + 1)) return true;  // substitution
    return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] &&
           a.substr(i + 2) == b.substr(i + 2);  // swap
  }
  return a.substr(i) == b.substr(i + 1);  // insertion
}

}  // namespace

const PhraseTables::PhraseEntry* PhraseTables::Misspelt(std::string_view word) const {
  if (word.size() + 1 < kMinMisspeltWord) return nullptr;
  const std::size_t bits = misspelt_filter.size() * 64;
  // The word itself first, then each of its deletions.
  for (std::size_t k = 0; k <= word.size(); ++k) {
    const std::uint64_t h = io::Fnv1a(word, k == 0 ? std::string_view::npos : k - 1);
    if (!(misspelt_filter[(h % bits) / 64] >> (h % 64) & 1)) continue;
    auto it = std::lower_bound(misspelt.begin(), misspelt.end(), h,
                               [](const auto& entry, std::uint64_t v) { return entry.first < v; });
    for (; it != misspelt.end() && it->first == h; ++it) {
      if (OneEditApart(word, it->second->first)) return it->second;
    }
  }
  return nullptr;
}

const PhraseTables& PhraseTables::Get() {
  static const PhraseTables tables = [] {
    PhraseTables t;
    auto add = [&t](std::string_view text, std::string key, TokenKind kind) {
      std::string latin = ToLatin(text);
      if (latin.size() < 2) return;  // a one-letter "legal form" would eat initials
      // A stop word stays one: the Kazakh ОФ (a public foundation) is Latin "of", which had
      // made the "of" of "Bank of China" an organisation word of weight.
      if (std::find(std::begin(kStopwords), std::end(kStopwords), latin) != std::end(kStopwords)) {
        return;
      }
      std::size_t words = 1 + static_cast<std::size_t>(std::count(latin.begin(), latin.end(), ' '));
      t.longest_phrase = std::max(t.longest_phrase, words);
      std::size_t& most = t.first_words[latin.substr(0, latin.find(' '))];
      most = std::max(most, std::min<std::size_t>(words, 6));
      t.phrases.emplace(std::move(latin), Phrase{std::move(key), kind});
    };
    // Legal forms first: where a word is both ("company"), it is a legal form.
    for (const auto& row : TsvRows(kLegalFormsTsv)) {
      if (row.size() >= 2) add(row[0], "#" + std::string(row[1]), TokenKind::kLegalForm);
    }
    for (const auto& row : TsvRows(kOrgWordsTsv)) {
      if (row.size() < 3) continue;
      add(row[0], "#" + std::string(row[1]),
          row[2] == "domain" ? TokenKind::kDomain : TokenKind::kGeneric);
    }
    for (const auto& entry : t.phrases) {
      const std::string& phrase = entry.first;
      if (phrase.size() < kMinMisspeltWord || phrase.find(' ') != std::string::npos) continue;
      t.misspelt.emplace_back(io::Fnv1a(phrase), &entry);
      for (std::size_t skip = 0; skip < phrase.size(); ++skip) {
        t.misspelt.emplace_back(io::Fnv1a(phrase, skip), &entry);
      }
    }
    std::sort(t.misspelt.begin(), t.misspelt.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first < b.first : a.second->first < b.second->first;
    });
    t.misspelt.erase(std::unique(t.misspelt.begin(), t.misspelt.end()), t.misspelt.end());
    // About 16 bits per entry: one absent hash in 16 or so passes the filter.
    std::size_t words = 64;
    while (words * 64 < t.misspelt.size() * 16) words *= 2;
    t.misspelt_filter.assign(words, 0);
    for (const auto& [h, entry] : t.misspelt) {
      t.misspelt_filter[(h % (words * 64)) / 64] |= std::uint64_t{1} << (h % 64);
    }
    for (std::string_view w : kStopwords) t.stopwords.emplace(w);
    for (const auto& row : TsvRows(kPersonTitlesTsv)) {
      std::string latin = ToLatin(row[0]);
      // "General", "Director", "Private" also name organisations: those stay words.
      if (latin.empty() || t.phrases.count(latin)) continue;
      t.longest_title = std::max<std::size_t>(
          t.longest_title,
          1 + static_cast<std::size_t>(std::count(latin.begin(), latin.end(), ' ')));
      t.titles.insert(std::move(latin));
    }
    t.longest_phrase = std::min<std::size_t>(t.longest_phrase, 6);
    return t;
  }();
  return tables;
}

}  // namespace internal
}  // namespace dualwatch::text
