// Private to text/: the reference tables, loaded once from data files embedded at build time.
#ifndef DUALWATCH_TEXT_TABLES_H_
#define DUALWATCH_TEXT_TABLES_H_

#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "io/io.h"
#include "text/text.h"

namespace dualwatch::text::internal {

// ASCII letters and digits as the "C" locale reads them, inline: <cctype>'s tolower is a call
// into the C library per letter, and find_first_of a call to memchr per letter, where every
// query's text is read several times over.
inline char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }
inline bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
inline bool HasDigit(std::string_view text) {
  for (char c : text) {
    if (IsAsciiDigit(c)) return true;
  }
  return false;
}

// A read-only hash table of strings, filled once (From): one flat array of slots, each a hash's
// high bits and an entry's index, and the entries apart. A lookup reads one slot and, only when
// its bits agree, that entry; std::unordered_map reads a bucket, a node and the node's string,
// each a likely cache miss where every search's walks through the index evict the tables. A
// caller that asks several tables about one word hashes it once (Hash) and may load its slots
// ahead (Prefetch).
template <typename V>
class FlatMap {
 public:
  using Entry = std::pair<const std::string, V>;
  static std::uint64_t Hash(std::string_view key) { return std::hash<std::string_view>{}(key); }
  template <typename Map>
  static FlatMap From(const Map& map) {
    FlatMap out;
    std::size_t size = 16;
    while (size < 2 * map.size()) size *= 2;
    out.slots_.assign(size, Slot{});
    out.entries_.reserve(map.size());
    for (const auto& [key, value] : map) {
      const std::uint64_t h = Hash(key);
      std::size_t at = h & (size - 1);
      while (out.slots_[at].index != 0) at = (at + 1) & (size - 1);
      out.entries_.emplace_back(std::string(key), value);
      out.slots_[at] = Slot{static_cast<std::uint32_t>(h >> 32),
                            static_cast<std::uint32_t>(out.entries_.size())};
    }
    return out;
  }
  // The entry of `key` (whose Hash is `hash`), or nullptr. Entries stay where they are.
  const Entry* FindEntry(std::string_view key, std::uint64_t hash) const {
    if (slots_.empty()) return nullptr;
    const std::size_t mask = slots_.size() - 1;
    const auto tag = static_cast<std::uint32_t>(hash >> 32);
    for (std::size_t at = hash & mask; slots_[at].index != 0; at = (at + 1) & mask) {
      if (slots_[at].tag != tag) continue;
      const Entry& entry = entries_[slots_[at].index - 1];
      if (entry.first == key) return &entry;
    }
    return nullptr;
  }
  const Entry* FindEntry(std::string_view key) const { return FindEntry(key, Hash(key)); }
  const V* Find(std::string_view key, std::uint64_t hash) const {
    const Entry* entry = FindEntry(key, hash);
    return entry ? &entry->second : nullptr;
  }
  const V* Find(std::string_view key) const { return Find(key, Hash(key)); }
  bool Contains(std::string_view key, std::uint64_t hash) const { return Find(key, hash); }
  bool Contains(std::string_view key) const { return Find(key); }
  void Prefetch(std::uint64_t hash) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[hash & (slots_.size() - 1)]);
  }

 private:
  struct Slot {
    std::uint32_t tag = 0;    // the hash's high 32 bits
    std::uint32_t index = 0;  // the entry's index + 1; 0: empty
  };
  std::vector<Slot> slots_;
  std::vector<Entry> entries_;

 public:
  auto begin() const { return entries_.begin(); }
  auto end() const { return entries_.end(); }
};

// Chinese: per-character pinyin and the word list (data/text/han_pinyin.tsv, zh_vocabulary.tsv).
// Every character the files name is from kFirst to kLast (the CJK blocks of ext. A and the
// unified ideographs): a character's pinyin and simplified form are read by its offset there,
// one cache line each, and a word by longest match through the table of the words' prefixes,
// one probe a character (they were std::unordered_maps, a bucket and a node each, cold after
// every search's walks: ToLatin of a Chinese name had taken about 19 µs in bench_match's mix).
struct HanTables {
  static constexpr char32_t kFirst = 0x3400, kLast = 0x9FFF;
  // A word of the list, or the first characters of one, by its UTF-32 code units' bytes (Key).
  struct Prefix {
    std::string latin;    // the word's latin words, when it is one
    bool word = false;    // a word of the list
    bool longer = false;  // the first characters of a longer word
    bool place = false;   // the word is a place (kind "place"): 市 / 省 / 县 after it is dropped
  };
  std::vector<std::uint16_t> pinyin_index;  // per character: 1 + its index in `syllable_names`, 0
  std::vector<std::string> syllable_names;
  std::vector<char32_t> simplified_of;  // per character: its simplified form, 0 when none other
  std::vector<bool> surname;            // per character: a common surname (zh_vocabulary.tsv)
  std::size_t simplified_count = 0;     // characters with another simplified form
  FlatMap<Prefix> words;
  FlatMap<bool> syllables;  // every reading: "bo", "zhang"
  static const HanTables& Get();
  static std::string_view Key(std::u32string_view chars) {
    return {reinterpret_cast<const char*>(chars.data()), chars.size() * sizeof(char32_t)};
  }
  // The pinyin of character c, empty when it has none.
  std::string_view Pinyin(char32_t c) const {
    if (c < kFirst || c > kLast || pinyin_index[c - kFirst] == 0) return {};
    return syllable_names[pinyin_index[c - kFirst] - 1];
  }
  // Whether character c is one of the common Chinese surnames.
  bool Surname(char32_t c) const { return c >= kFirst && c <= kLast && surname[c - kFirst]; }
  // The simplified form of character c: c itself when it is one or has none.
  char32_t Simplified(char32_t c) const {
    if (c < kFirst || c > kLast || simplified_of[c - kFirst] == 0) return c;
    return simplified_of[c - kFirst];
  }
};

// Words of 8+ letters (kMinWord, or as many as Build is told) by the hashes of their one-deletion
// variants and of themselves, to find the one a word is, or is one edit from: hash → word (in a
// node-based container of the caller's: the pointers stay valid), sorted by hash, then word. A word
// of n letters asks for n + 1 hashes, nearly all absent: the filter (bit h mod its size: some
// entry's hash may be h), small enough to stay in the nearest cache, answers most of them. Of the
// word itself, if it is one, and the words one edit from it, Find gives the one of the highest rank
// (the word itself on a tie).
class NearWords {
 public:
  static constexpr std::size_t kMinWord = 8;
  struct Word {
    const std::string* text;
    std::uint32_t rank;
  };
  // Only words of `min_word` letters or more are held, and asked for (one letter fewer).
  void Build(const std::vector<Word>& words, std::size_t min_word = kMinWord);
  const std::string* Find(std::string_view word) const;
  std::size_t min_word() const { return min_word_; }

 private:
  struct Entry {
    std::uint64_t hash;
    Word word;
  };
  std::size_t min_word_ = kMinWord;
  std::vector<Entry> entries_;
  std::vector<std::uint64_t> filter_;
  // Over entries_: a hash that passes the filter reads two starts and a few entries, not a
  // binary search's dozen cache misses.
  io::HashBuckets buckets_;
};

// Multi-word phrases in Latin form ("co ltd", "obshchestvo s ogranichennoy otvetstvennostyu")
// with what they stand for.
struct Phrase {
  std::string key;  // "#llc", "#tech"
  TokenKind kind;
  // Written in Arabic or Hebrew script in the tables, or in another script: a name read by
  // its consonants meets only the first ("bank" of بانک), other names only the second ("BNK" is
  // no بنك, bank).
  bool abjad = false;
  bool alphabetic = false;
};
// An Arabic-script name's romanised text with the article parted from its words, as Latin
// spellings write it (الخيل, ICU "alkhyl": "al khyl").
std::string PartArticle(std::string_view latin);
// The most words of a phrase looked up: Russia's "federal state budgetary professional educational
// institution of higher professional education" (gen_legal_forms.py) has ten.
inline constexpr std::size_t kLongestPhrase = 10;
struct PhraseTables {
  FlatMap<Phrase> phrases;
  // First word of any phrase → the most words a phrase starting with it has. A word not here
  // starts no phrase, which spares the longer lookups for most words of most names.
  FlatMap<std::size_t> first_words;
  FlatMap<bool> stopwords;
  // Titles before person names ("president", "his excellency"), by Latin form; and the first
  // word of any → the most words a title starting with it has.
  FlatMap<bool> titles;
  FlatMap<std::size_t> title_first_words;
  // One-word organisation words and legal forms of 8+ letters, to recognise them with a typo
  // ("CORPORATOIN").
  NearWords misspelt;
  using PhraseEntry = FlatMap<Phrase>::Entry;
  // The organisation word or legal form `word` is one edit from, or nullptr.
  const PhraseEntry* Misspelt(std::string_view word) const;
  // One-word organisation words and legal forms of 8+ letters by their romanisation key, for
  // the same word in another romanisation (the German "Maschinostrojenija" of
  // машиностроения, "mashinostroyeniya"); a key two of them share is left out.
  FlatMap<const PhraseEntry*> by_key;
  const PhraseEntry* Romanised(std::string_view key) const;
  // The words of 7+ letters of phrases of several words, and the one of them a word of a name
  // is, or is one edit from ("OTVESTVENNOSTYU" of OFAC's "OBSHCHESTVO S OGRANICHENNOI
  // OTVESTVENNOSTYU"), or nullptr: phrases are looked up with such words mended.
  std::unordered_set<std::string> phrase_words;
  NearWords near_phrase_words;
  // Phrases of several words by their words' romanisation keys, space-joined, for a phrase in
  // another romanisation ("AKTCIONERNOE OBSHESTVO" / aktsionernoe obshchestvo); a joined key
  // that phrases of two classes share is left out. And the first word's key of such phrases →
  // the most words they have.
  FlatMap<const PhraseEntry*> phrases_by_key;
  FlatMap<std::size_t> first_keys;
  // Every word of the phrases of several words: a word is mended only beside one of them.
  FlatMap<bool> words_of_phrases;
  // Belarusian and Ukrainian given names' romanisation keys → the Russian name's (Siarhei,
  // Serhiy → Sergei; data/text/given_names.tsv).
  FlatMap<std::string> given_names;
  static const PhraseTables& Get();
};

// Lines of an embedded TSV table, without comments and the header line.
std::vector<std::vector<std::string_view>> TsvRows(std::string_view tsv);

}  // namespace dualwatch::text::internal

#endif  // DUALWATCH_TEXT_TABLES_H_
