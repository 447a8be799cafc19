// goods/: is a line of goods lethal, dual-use or neither?
//
// Two sources of evidence, each from data files under data/goods (embedded in the binary):
//   * the declared HS code, against the HS 2022 nomenclature, the Common High Priority List and
//     the lethal and dual-use headings of hs_controls.tsv;
//   * the free-text description, in English, Russian or Chinese, scanned once by one
//     multi-pattern scanner compiled from the lexicon (lexicon.tsv: words and phrases, Russian
//     and English words reduced to Snowball stems) and from brands and part numbers
//     (patterns.tsv: "DJI Mavic", "STM32F407", "XC7Z020").
// The class is the stricter of the two. When the description names controlled goods and the
// declared code is of an unrelated, less controlled heading (a quadcopter declared as a toy),
// the line is `misdeclared`, and both sides are given.
//
// A GoodsClassifier is immutable after Create() and safe to use from many threads.
#ifndef DUALWATCH_GOODS_GOODS_H_
#define DUALWATCH_GOODS_GOODS_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "io/io.h"

namespace dualwatch::goods {

using io::Result;
using io::Status;

// Ordered: a stricter class compares greater.
enum class GoodsClass : unsigned char { kNone, kDualUse, kLethal };
std::string_view ClassName(GoodsClass c);  // "none", "dual_use", "lethal"

// "8542.31", "8542 31 0000", "85423100" → "85423100": 2, 4, 6, 8 or 10 digits once dots, spaces
// and hyphens are dropped. Letters, other lengths and chapters that do not exist are errors.
Result<std::string> ParseHsCode(std::string_view text);

// One row of the HS 2022 nomenclature.
struct HsEntry {
  std::string code;  // "85", "8542", "854231"
  std::string description;
  std::string section;  // "XVI"
};

struct HsSection {
  std::string number;  // "XVI"
  std::string name;    // "Machinery and mechanical appliances; ..."
};

struct Evidence {
  std::string source;              // "hs", "description", "brand" or "part"
  std::string rule;                // the lexicon term, pattern or HS prefix that fired
  std::string text;                // what it matched: the words of the description, or the HS code
  std::size_t begin = 0, end = 0;  // byte span in the description (source != "hs")
  GoodsClass goods_class = GoodsClass::kNone;
  std::string category;
  std::vector<std::string> hs;  // headings the evidence implies ("8806", "8525.89")
  double confidence = 0;
  std::string note;  // source of an HS rule; "weak" for evidence too weak on its own
};

struct Classification {
  GoodsClass goods_class = GoodsClass::kNone;
  std::string category;   // "uav", "electronics", ... ; empty for kNone
  std::string chpl_tier;  // "1", "2", "3.A", "3.B", "4.A", "4.B" or empty
  double confidence = 0;  // in the class given, 0..1

  // The declared code, as digits, and what it says on its own.
  std::string hs;
  std::string hs_description;  // text of the most precise HS 2022 level known
  std::string hs_section;      // "XVI"
  std::string hs_section_name;
  bool hs_known = false;  // the HS-6 subheading (or heading) exists in HS 2022
  GoodsClass hs_class = GoodsClass::kNone;
  std::string hs_category;

  // What the description says on its own.
  GoodsClass description_class = GoodsClass::kNone;
  std::string description_category;
  std::vector<std::string> inferred_hs;  // headings it implies, most confident first

  bool misdeclared = false;
  std::vector<Evidence> evidence;
};

// Which multi-pattern engine scans descriptions. Both give the same matches; Vectorscan is the
// default (see docs/BENCHMARKS.md for the measurement that chose it).
enum class ScannerKind { kVectorscan, kRe2Set };

inline constexpr std::size_t kMaxDescriptionBytes = 64 * 1024;

class GoodsClassifier {
 public:
  // Compiles the embedded tables. Fails only if a table is malformed (a build error).
  static Result<GoodsClassifier> Create(ScannerKind scanner = ScannerKind::kVectorscan);
  GoodsClassifier(GoodsClassifier&&) noexcept;
  GoodsClassifier& operator=(GoodsClassifier&&) noexcept;
  ~GoodsClassifier();

  // Either may be empty, not both. Errors name the field: "hs: ..." or "description: ...".
  Result<Classification> Classify(std::string_view description, std::string_view hs = {}) const;

  // The HS 2022 row of a code of 2, 4 or 6 digits, or nullptr.
  const HsEntry* FindHs(std::string_view digits) const;
  const std::vector<HsEntry>& nomenclature() const;
  std::size_t pattern_count() const;

  // The text the scanner sees: lower case, words stemmed, one space between tokens. For
  // explanations and for writing patterns.
  std::string NormalizedText(std::string_view description) const;

  struct Data;

 private:
  GoodsClassifier();
  std::unique_ptr<Data> data_;
};

}  // namespace dualwatch::goods

#endif  // DUALWATCH_GOODS_GOODS_H_
