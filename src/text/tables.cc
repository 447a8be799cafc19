// Loading the embedded reference tables.
#include "text/tables.h"

#include <unicode/utf8.h>

#include <algorithm>

#include "io/io.h"

namespace dualwatch::text {

// Embedded at build time from data/text/*.tsv (see CMakeLists.txt).
extern const char kHanPinyinTsv[];
extern const char kHanSimplifiedTsv[];
extern const char kZhVocabularyTsv[];
extern const char kLegalFormsTsv[];
extern const char kOrgWordsTsv[];
extern const char kPersonTitlesTsv[];
extern const char kGivenNamesTsv[];
extern const char kCountryAliasesTsv[];

std::uint64_t TablesFingerprint() {
  static const std::uint64_t fingerprint = [] {
    std::uint64_t h = 0;
    for (std::string_view table :
         {kHanPinyinTsv, kHanSimplifiedTsv, kZhVocabularyTsv, kLegalFormsTsv, kOrgWordsTsv,
          kPersonTitlesTsv, kGivenNamesTsv, kCountryAliasesTsv}) {
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
    constexpr std::size_t kCharacters = kLast - kFirst + 1;
    auto in_range = [](char32_t c) { return c >= kFirst && c <= kLast; };
    t.pinyin_index.assign(kCharacters, 0);
    t.simplified_of.assign(kCharacters, 0);
    t.surname.assign(kCharacters, false);
    std::unordered_map<std::string, bool> syllables;
    std::unordered_map<std::string, std::uint16_t> syllable_index;
    for (const auto& row : TsvRows(kHanPinyinTsv)) {
      std::u32string c = Utf32(row[0]);
      if (row.size() < 2 || c.size() != 1 || !in_range(c[0])) continue;
      auto [it, added] = syllable_index.emplace(
          std::string(row[1]), static_cast<std::uint16_t>(t.syllable_names.size() + 1));
      if (added) t.syllable_names.emplace_back(row[1]);
      std::uint16_t& slot = t.pinyin_index[c[0] - kFirst];
      if (slot == 0) slot = it->second;  // the first row of a character
      syllables.emplace(row[1], true);
    }
    for (const auto& row : TsvRows(kHanSimplifiedTsv)) {
      std::u32string from = Utf32(row[0]), to = row.size() < 2 ? U"" : Utf32(row[1]);
      if (from.size() != 1 || to.size() != 1 || !in_range(from[0])) continue;
      char32_t& slot = t.simplified_of[from[0] - kFirst];
      if (slot != 0) continue;  // the first row of a character
      slot = to[0];
      ++t.simplified_count;
    }
    std::unordered_map<std::string, Prefix> words;
    for (const auto& row : TsvRows(kZhVocabularyTsv)) {
      if (row.size() < 2) continue;
      const std::u32string word = Utf32(row[0]);
      const std::string_view kind = row.size() > 2 ? row[2] : std::string_view();
      // A character's reading in names where ICU's first reading is another (长 chang, not
      // zhang), or a surname's (曾 zeng): it replaces the reading, and stays a syllable of the
      // words it is spelled into.
      if (kind == "reading" || kind == "surname") {
        if (word.size() != 1 || !in_range(word[0])) continue;
        if (kind == "surname") t.surname[word[0] - kFirst] = true;
        auto [it, added] = syllable_index.emplace(
            std::string(row[1]), static_cast<std::uint16_t>(t.syllable_names.size() + 1));
        if (added) t.syllable_names.emplace_back(row[1]);
        t.pinyin_index[word[0] - kFirst] = it->second;
        syllables.emplace(row[1], true);
        continue;
      }
      for (std::size_t len = 1; len <= word.size(); ++len) {
        Prefix& p = words[std::string(Key(std::u32string_view(word).substr(0, len)))];
        if (len < word.size()) {
          p.longer = true;
        } else if (!p.word) {  // the first row of a word, as emplace kept it
          p.word = true;
          p.latin = std::string(row[1]);
          p.place = kind == "place";
        }
      }
    }
    t.words = FlatMap<Prefix>::From(words);
    t.syllables = FlatMap<bool>::From(syllables);
    return t;
  }();
  return tables;
}

namespace {

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

namespace {

// Hashes of `word` (first) and of each of its one-deletion variants, in O(length): a
// polynomial hash (base kBase, modulo 2^64) of the letters left is a product of its prefix's
// and a sum with its suffix's, then mixed with the length (MurmurHash3's finaliser).
void DeletionHashes(std::string_view word, std::vector<std::uint64_t>& out) {
  constexpr std::uint64_t kBase = 0x9e3779b97f4a7c15ull;
  auto mix = [](std::uint64_t h, std::size_t letters) {
    h ^= letters * 0xc2b2ae3d27d4eb4full;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ull;
    return h ^ (h >> 33);
  };
  const std::size_t n = word.size();
  // power[j] = kBase^j; suffix[k] = the hash of word[k..n).
  thread_local std::vector<std::uint64_t> power, suffix;
  power.assign(n + 1, 1);
  for (std::size_t j = 1; j <= n; ++j) power[j] = power[j - 1] * kBase;
  suffix.assign(n + 1, 0);
  for (std::size_t k = n; k-- > 0;) {
    suffix[k] = static_cast<unsigned char>(word[k]) * power[n - 1 - k] + suffix[k + 1];
  }
  out.clear();
  out.push_back(mix(suffix[0], n));
  std::uint64_t prefix = 0;
  for (std::size_t k = 0; k < n; ++k) {
    out.push_back(mix(prefix * power[n - 1 - k] + suffix[k + 1], n - 1));
    prefix = prefix * kBase + static_cast<unsigned char>(word[k]);
  }
}

}  // namespace

void NearWords::Build(const std::vector<Word>& words, std::size_t min_word) {
  min_word_ = min_word;
  entries_.clear();
  std::vector<std::uint64_t> hashes;
  for (const Word& word : words) {
    if (word.text->size() < min_word_) continue;
    DeletionHashes(*word.text, hashes);
    for (std::uint64_t h : hashes) entries_.push_back({h, word});
  }
  std::sort(entries_.begin(), entries_.end(), [](const Entry& a, const Entry& b) {
    return a.hash != b.hash ? a.hash < b.hash : *a.word.text < *b.word.text;
  });
  entries_.erase(std::unique(entries_.begin(), entries_.end(),
                             [](const Entry& a, const Entry& b) {
                               return a.hash == b.hash && a.word.text == b.word.text;
                             }),
                 entries_.end());
  // About 16 bits per entry: one absent hash in 16 or so passes the filter.
  std::size_t size = 64;
  while (size * 64 < entries_.size() * 16) size *= 2;
  filter_.assign(size, 0);
  for (const Entry& e : entries_) {
    filter_[(e.hash % (size * 64)) / 64] |= std::uint64_t{1} << (e.hash % 64);
  }
  buckets_.Build(entries_.size(), [&](std::size_t i) { return entries_[i].hash; });
}

const std::string* NearWords::Find(std::string_view word) const {
  if (word.size() + 1 < min_word_ || filter_.empty()) return nullptr;
  const std::size_t mask = filter_.size() * 64 - 1;  // a power of two, less one (Build)
  const Word* best = nullptr;
  // The word itself first, then each of its deletions.
  thread_local std::vector<std::uint64_t> hashes;
  DeletionHashes(word, hashes);
  // The filter is larger than the nearest caches: every probe's load starts before the first.
  for (const std::uint64_t h : hashes) __builtin_prefetch(&filter_[(h & mask) / 64]);
  for (const std::uint64_t h : hashes) {
    if (!(filter_[(h & mask) / 64] >> (h % 64) & 1)) continue;
    const auto [begin, end] = buckets_.Range(h, [&](std::uint32_t i) { return entries_[i].hash; });
    for (std::uint32_t i = begin; i < end; ++i) {
      const Word& w = entries_[i].word;
      const bool same = *w.text == word;
      if (best && (w.rank < best->rank || (w.rank == best->rank && !same))) continue;
      if (same || OneEditApart(word, *w.text)) best = &w;
    }
  }
  return best ? best->text : nullptr;
}

const PhraseTables::PhraseEntry* PhraseTables::Misspelt(std::string_view word) const {
  const std::string* near = misspelt.Find(word);
  if (!near || *near == word) return nullptr;
  return phrases.FindEntry(*near);
}

}  // namespace internal

std::string_view GivenNameKey(std::string_view key) {
  const std::string* name = internal::PhraseTables::Get().given_names.Find(key);
  return name ? std::string_view(*name) : key;
}

namespace internal {

const PhraseTables::PhraseEntry* PhraseTables::Romanised(std::string_view key) const {
  const PhraseEntry* const* entry = by_key.Find(key);
  return entry ? *entry : nullptr;
}

std::string PartArticle(std::string_view latin) {
  std::string parted;
  std::string_view rest = latin;
  while (!rest.empty()) {
    std::size_t space = rest.find(' ');
    std::string_view w = rest.substr(0, space);
    rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
    if (!parted.empty()) parted.push_back(' ');
    if (w.size() > 4 && w.substr(0, 2) == "al") {
      parted.append("al ");
      w.remove_prefix(2);
    }
    parted.append(w);
  }
  return parted;
}

const PhraseTables& PhraseTables::Get() {
  static const PhraseTables tables = [] {
    PhraseTables t;
    // Filled here, then frozen into the tables' FlatMaps.
    std::unordered_map<std::string, std::size_t> first_words, first_keys;
    std::unordered_map<std::string, bool> words_of_phrases, stopwords, titles;
    std::unordered_map<std::string, std::size_t> title_first_words;
    std::unordered_map<std::string, const PhraseEntry*> by_key, phrases_by_key;
    std::unordered_map<std::string, Phrase> phrases;
    auto add = [&](std::string_view text, std::string key, TokenKind kind) {
      // Words in Arabic script are read as NormalizeName reads such names.
      const Script script = DetectScript(text);
      const bool abjad = script == Script::kArabic || script == Script::kHebrew;
      std::string latin = abjad ? PartArticle(ToLatin(text)) : ToLatin(text);
      if (latin.size() < 2) return;  // a one-letter "legal form" would eat initials
      // A stop word stays one: the Kazakh ОФ (a public foundation) is Latin "of", which had
      // made the "of" of "Bank of China" an organisation word of weight.
      if (std::find(std::begin(kStopwords), std::end(kStopwords), latin) != std::end(kStopwords)) {
        return;
      }
      std::size_t words = 1 + static_cast<std::size_t>(std::count(latin.begin(), latin.end(), ' '));
      std::size_t& most = first_words[latin.substr(0, latin.find(' '))];
      most = std::max(most, std::min(words, kLongestPhrase));
      auto [it, added] = phrases.emplace(std::move(latin), Phrase{key, kind});
      // (A Latin and an Arabic-script row of one spelling with other classes: the first's.)
      if (added || it->second.key == key) (abjad ? it->second.abjad : it->second.alphabetic) = true;
    };
    // Legal forms first: where a word is both, it is a legal form. The words for a company
    // (rigour's organisation class "co": co, company, corp, corporation, compagnie, firma,
    // компания ...) are one legal form, of that class: GLEIF's codes are one jurisdiction's
    // forms each, so "company" (Iran's), "corp." and "corporation" (two US states') had three
    // classes and met at half similarity, and "co", an organisation word, met none of them
    // ("PARS PETROCHEMICAL CO." / "PARS PETROCHEMICAL COMPANY" 0.93, under "PARS OIL CO.").
    constexpr std::string_view kCompanyClass = "co";
    // And a form of one jurisdiction in GLEIF's list (a class "elf-" and its code) that is a
    // generic organisation word takes that word's class: the EU's "Fundación X", "Fondation X",
    // "Stiftelse X" are "X Foundation" in its other languages, which GLEIF codes apart. (Not a
    // sector word's: "insurance company" as a legal form had made 安达保险, Anda Insurance, ANDA
    // COMPANY at 0.97.)
    std::unordered_map<std::string, std::string_view> org_classes;
    for (const auto& row : TsvRows(kOrgWordsTsv)) {
      if (row.size() >= 3 && (row[1] == kCompanyClass || row[2] == "generic")) {
        org_classes.emplace(ToLatin(row[0]), row[1]);
      }
    }
    for (const auto& row : TsvRows(kLegalFormsTsv)) {
      if (row.size() < 2) continue;
      const auto org = org_classes.find(ToLatin(row[0]));
      const bool company = org != org_classes.end() && org->second == kCompanyClass;
      const bool gleif_only = row[1].substr(0, 4) == "elf-" && org != org_classes.end();
      add(row[0], "#" + std::string(company || gleif_only ? org->second : row[1]),
          TokenKind::kLegalForm);
    }
    for (const auto& row : TsvRows(kOrgWordsTsv)) {
      if (row.size() < 3) continue;
      const TokenKind kind = row[1] == kCompanyClass ? TokenKind::kLegalForm
                             : row[2] == "domain"    ? TokenKind::kDomain
                                                     : TokenKind::kGeneric;
      add(row[0], "#" + std::string(row[1]), kind);
    }
    // A country of several words ("FOREIGN TRADE BANK OF THE DEMOCRATIC PEOPLE'S REPUBLIC OF
    // KOREA", "of the Russian Federation") says where, as a one-word country does (NormalizeName).
    for (const auto& [name, code] : CountryNames()) {
      std::string latin = ToLatin(name);
      if (latin.find(' ') == std::string::npos || phrases.count(latin)) continue;
      add(name, std::string(kCountryKeyPrefix) + code, TokenKind::kGeneric);
    }
    t.phrases = FlatMap<Phrase>::From(phrases);
    // A word of many phrases is the usual spelling: GLEIF's tables hold a few misspelt forms
    // too ("ogtvetstvennostyu"). Words of seven letters too ("Limitied Liability Company"): a word
    // is mended only beside another word of such a phrase.
    constexpr std::size_t kMinPhraseWord = 7;
    std::vector<NearWords::Word> one_word;
    std::unordered_map<std::string, std::uint32_t> phrase_words;
    for (const auto& [phrase, unused] : t.phrases) {
      if (phrase.find(' ') == std::string::npos) {
        one_word.push_back({&phrase, 0});
        continue;
      }
      for (std::size_t from = 0; from < phrase.size();) {
        std::size_t space = std::min(phrase.find(' ', from), phrase.size());
        if (space - from >= kMinPhraseWord) ++phrase_words[phrase.substr(from, space - from)];
        words_of_phrases.emplace(phrase.substr(from, space - from), true);
        from = space + 1;
      }
    }
    t.misspelt.Build(one_word);
    std::unordered_set<std::string> shared_keys;
    for (const NearWords::Word& w : one_word) {
      if (w.text->size() < NearWords::kMinWord) continue;
      const PhraseEntry* entry = t.phrases.FindEntry(*w.text);
      auto [it, added] = by_key.try_emplace(RomanizationKey(*w.text), entry);
      if (!added && it->second->second.key != entry->second.key) shared_keys.insert(it->first);
    }
    for (const std::string& key : shared_keys) by_key.erase(key);
    std::vector<NearWords::Word> ranked;
    for (const auto& [w, phrases] : phrase_words) {
      ranked.push_back({&*t.phrase_words.insert(w).first, phrases});
    }
    t.near_phrase_words.Build(ranked, kMinPhraseWord);
    shared_keys.clear();
    for (const PhraseEntry& entry : t.phrases) {
      const std::string& phrase = entry.first;
      if (phrase.find(' ') == std::string::npos) continue;
      std::string key;
      std::size_t words = 0;
      for (std::size_t from = 0; from < phrase.size();) {
        std::size_t space = std::min(phrase.find(' ', from), phrase.size());
        std::string word_key = RomanizationKey(std::string_view(phrase).substr(from, space - from));
        if (words++ == 0) {
          std::size_t& most = first_keys[word_key];
          most = std::max(most,
                          std::min<std::size_t>(1 + std::count(phrase.begin(), phrase.end(), ' '),
                                                kLongestPhrase));
        } else {
          key.push_back(' ');
        }
        key.append(word_key);
        from = space + 1;
      }
      auto [it, added] = phrases_by_key.try_emplace(key, &entry);
      if (!added && it->second->second.key != entry.second.key) shared_keys.insert(key);
    }
    for (const std::string& key : shared_keys) phrases_by_key.erase(key);
    for (std::string_view w : kStopwords) stopwords.emplace(w, true);
    for (const auto& row : TsvRows(kPersonTitlesTsv)) {
      std::string latin = ToLatin(row[0]);
      // "General", "Director", "Private" also name organisations: those stay words.
      if (latin.empty() || t.phrases.Contains(latin)) continue;
      const std::size_t words =
          1 + static_cast<std::size_t>(std::count(latin.begin(), latin.end(), ' '));
      std::size_t& most = title_first_words[latin.substr(0, latin.find(' '))];
      most = std::max(most, words);
      titles.emplace(std::move(latin), true);
    }
    std::unordered_map<std::string, std::string> given_names;
    for (const auto& row : TsvRows(kGivenNamesTsv)) {
      if (row.size() < 2) continue;
      std::string variant = RomanizationKey(row[0]), name = RomanizationKey(row[1]);
      if (variant != name) given_names.emplace(std::move(variant), std::move(name));
    }
    // A name may be another's variant in turn (Yevhen / Evgeny / Eugene): each to the last (a
    // cycle in the table stops where it began, or after as many steps as rows).
    for (auto& [variant, name] : given_names) {
      std::size_t steps = 0;
      for (auto it = given_names.find(name);
           it != given_names.end() && it->second != variant && steps < given_names.size();
           it = given_names.find(name), ++steps) {
        name = it->second;
      }
    }
    t.given_names = FlatMap<std::string>::From(given_names);
    t.title_first_words = FlatMap<std::size_t>::From(title_first_words);
    t.first_words = FlatMap<std::size_t>::From(first_words);
    t.first_keys = FlatMap<std::size_t>::From(first_keys);
    t.words_of_phrases = FlatMap<bool>::From(words_of_phrases);
    t.stopwords = FlatMap<bool>::From(stopwords);
    t.titles = FlatMap<bool>::From(titles);
    t.by_key = FlatMap<const PhraseEntry*>::From(by_key);
    t.phrases_by_key = FlatMap<const PhraseEntry*>::From(phrases_by_key);
    return t;
  }();
  return tables;
}

}  // namespace internal
}  // namespace dualwatch::text
