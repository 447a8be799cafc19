// Private to goods/: the description normaliser, the multi-pattern scanners and the tables.
#ifndef DUALWATCH_GOODS_INTERNAL_H_
#define DUALWATCH_GOODS_INTERNAL_H_

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "goods/goods.h"

namespace dualwatch::goods {

// The embedded tables (data/goods, see its PROVENANCE.md).
extern const char kHs2022Csv[];
extern const char kChplCsv[];
extern const char kHsSectionsCsv[];
extern const char kHsControlsTsv[];
extern const char kLexiconTsv[];
extern const char kPatternsTsv[];

// --- normalised descriptions ---------------------------------------------------------------

// A token of the normalised text and where it came from in the description.
struct Token {
  std::uint32_t begin, end;            // in the normalised text
  std::uint32_t orig_begin, orig_end;  // in the description
};

// " word word 无人机 stm32f407 ": lower case, Latin words reduced to their singular, Cyrillic
// words to their Snowball stem, Han characters folded to simplified and written without spaces
// between them, tokens holding a digit kept whole with their inner joiners ("neo-m8n").
struct Normalized {
  std::string text;
  std::vector<Token> tokens;
};

class Normalizer {
 public:
  Normalizer();  // builds the traditional → simplified table (ICU, once)
  // `in` must be valid UTF-8.
  void Run(std::string_view in, Normalized* out) const;

 private:
  std::vector<char32_t> simplified_;  // U+3400..U+9FFF; 0 when unchanged
};

// --- scanning -------------------------------------------------------------------------------

struct Pattern {
  std::string regex;           // over the normalised text, spaces included
  std::size_t literal_length;  // bytes matched, for literals; 0 for one-token regexes
};

struct Match {
  std::uint32_t pattern;
  std::uint32_t begin, end;  // in the normalised text, padding spaces excluded
};

class Scanner {
 public:
  virtual ~Scanner() = default;
  // Every occurrence of every pattern in `n.text`, appended to `out`.
  virtual void Scan(const Normalized& n, std::vector<Match>* out) const = 0;
};

Result<std::unique_ptr<Scanner>> MakeVectorscanScanner(const std::vector<Pattern>& patterns);
Result<std::unique_ptr<Scanner>> MakeRe2SetScanner(const std::vector<Pattern>& patterns);

// --- the classifier's data --------------------------------------------------------------------

struct Rule {          // one lexicon row or pattern row
  std::string source;  // "description", "brand" or "part"
  std::string term;    // as written in the table
  GoodsClass goods_class;
  std::string category;
  std::vector<std::string> hs;
  double confidence;
  std::string what;  // patterns.tsv's description of the family
};

struct HsControl {
  GoodsClass goods_class;
  std::string category;
  std::string source;
};

struct GoodsClassifier::Data {
  std::vector<HsEntry> nomenclature;
  std::unordered_map<std::string, std::size_t> by_code;   // "85", "8542", "854231" → row
  std::unordered_map<std::string, std::string> sections;  // "XVI" → name
  std::map<std::string, HsControl> controls;              // prefix → control
  std::unordered_map<std::string, std::string> chpl;      // HS-6 → tier
  std::vector<Rule> rules;                                // index = pattern id
  Normalizer normalizer;
  std::unique_ptr<Scanner> scanner;
};

// Loads the tables and compiles the patterns (tables.cc).
Status LoadTables(GoodsClassifier::Data* data, std::vector<Pattern>* patterns);

}  // namespace dualwatch::goods

#endif  // DUALWATCH_GOODS_INTERNAL_H_
