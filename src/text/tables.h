// Private to text/: the reference tables, loaded once from data files embedded at build time.
#ifndef DUALWATCH_TEXT_TABLES_H_
#define DUALWATCH_TEXT_TABLES_H_

#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "text/text.h"

namespace dualwatch::text::internal {

// Chinese: per-character pinyin and the word list (data/text/han_pinyin.tsv, zh_vocabulary.tsv).
struct HanTables {
  std::unordered_map<char32_t, std::string> pinyin;
  std::unordered_map<std::u32string, std::string> words;  // hanzi → latin words
  std::size_t longest_word = 1;                           // in characters
  std::unordered_set<std::string> syllables;              // every reading: "bo", "zhang"
  static const HanTables& Get();
};

// Multi-word phrases in Latin form ("co ltd", "obshchestvo s ogranichennoy otvetstvennostyu")
// with what they stand for.
struct Phrase {
  std::string key;  // "#llc", "#tech"
  TokenKind kind;
};
struct PhraseTables {
  std::unordered_map<std::string, Phrase> phrases;
  std::size_t longest_phrase = 1;  // in words
  // First word of any phrase → the most words a phrase starting with it has. A word not here
  // starts no phrase, which spares the longer lookups for most words of most names.
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, std::size_t, Hash, std::equal_to<>> first_words;
  std::unordered_set<std::string> stopwords;
  // Titles before person names ("president", "his excellency"), by Latin form; at most
  // `longest_title` words.
  std::unordered_set<std::string> titles;
  std::size_t longest_title = 1;
  // One-word organisation words and legal forms of 8+ letters by the hashes (io::Fnv1a) of
  // their one-deletion variants and of themselves, to recognise them with a typo
  // ("CORPORATOIN"): hash → entry of `phrases` (node-based: the pointers stay valid), sorted
  // by hash, then phrase. A word of n letters asks for n + 1 hashes, nearly all absent: the
  // filter (bit h mod its size: some entry's hash may be h), small enough to stay in the
  // nearest cache, answers most of them.
  using PhraseEntry = std::pair<const std::string, Phrase>;
  std::vector<std::pair<std::uint64_t, const PhraseEntry*>> misspelt;
  std::vector<std::uint64_t> misspelt_filter;
  // The organisation word or legal form `word` is one edit from, or nullptr.
  const PhraseEntry* Misspelt(std::string_view word) const;
  static const PhraseTables& Get();
};

// Lines of an embedded TSV table, without comments and the header line.
std::vector<std::vector<std::string_view>> TsvRows(std::string_view tsv);

}  // namespace dualwatch::text::internal

#endif  // DUALWATCH_TEXT_TABLES_H_
