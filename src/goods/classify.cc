// GoodsClassifier: HS rules, the description scan, and how the two combine.
#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "goods/internal.h"

namespace dualwatch::goods {
namespace {

// Evidence at or above this names the goods on its own; weaker evidence needs corroboration.
constexpr double kNamesGoods = 0.5;
// What a controlled HS code alone is worth: a declaration, not a look at the goods.
constexpr double kHsConfidence = 0.9;

std::string DigitsOf(std::string_view code) {
  std::string out;
  for (char c : code) {
    if (c >= '0' && c <= '9') out.push_back(c);
  }
  return out;
}

// "854231" → "8542.31", "85423100" → "8542.31.00".
std::string Dotted(std::string_view digits) {
  std::string out(digits.substr(0, 4));
  for (std::size_t i = 4; i < digits.size(); i += 2) {
    out += '.';
    out += digits.substr(i, 2);
  }
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::string_view ClassName(GoodsClass c) {
  switch (c) {
    case GoodsClass::kLethal:
      return "lethal";
    case GoodsClass::kDualUse:
      return "dual_use";
    case GoodsClass::kNone:
      break;
  }
  return "none";
}

Result<std::string> ParseHsCode(std::string_view text) {
  std::string digits;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      digits.push_back(c);
    } else if (c != '.' && c != ' ' && c != '-' && c != '\t') {
      return Status::Error(fmt::format(
          "hs: '{}' is not an HS code (digits with optional dots or spaces, as 8542.31 or "
          "8542 31 0000)",
          text));
    }
  }
  if (digits.size() < 2 || digits.size() > 10 || digits.size() % 2 != 0) {
    return Status::Error(fmt::format(
        "hs: '{}' has {} digits; an HS code has 2, 4 or 6 (8 or 10 for a national tariff line)",
        text, digits.size()));
  }
  int chapter = (digits[0] - '0') * 10 + (digits[1] - '0');
  // Chapter 77 is reserved by the HS; 98 and 99 are for national use.
  if (chapter < 1 || chapter == 77) {
    return Status::Error(fmt::format("hs: '{}': there is no HS chapter {:02d}", text, chapter));
  }
  return digits;
}

GoodsClassifier::GoodsClassifier() : data_(std::make_unique<Data>()) {}
GoodsClassifier::GoodsClassifier(GoodsClassifier&&) noexcept = default;
GoodsClassifier& GoodsClassifier::operator=(GoodsClassifier&&) noexcept = default;
GoodsClassifier::~GoodsClassifier() = default;

Result<GoodsClassifier> GoodsClassifier::Create(ScannerKind kind) {
  GoodsClassifier c;
  std::vector<Pattern> patterns;
  Status s = LoadTables(c.data_.get(), &patterns);
  if (!s.ok()) return s;
  auto scanner = kind == ScannerKind::kVectorscan ? MakeVectorscanScanner(patterns)
                                                  : MakeRe2SetScanner(patterns);
  if (!scanner.ok()) return scanner.status();
  c.data_->scanner = std::move(*scanner);
  return c;
}

const HsEntry* GoodsClassifier::FindHs(std::string_view digits) const {
  auto it = data_->by_code.find(std::string(digits));
  return it == data_->by_code.end() ? nullptr : &data_->nomenclature[it->second];
}
const std::vector<HsEntry>& GoodsClassifier::nomenclature() const { return data_->nomenclature; }
std::size_t GoodsClassifier::pattern_count() const { return data_->rules.size(); }

std::string GoodsClassifier::NormalizedText(std::string_view description) const {
  Normalized n;
  data_->normalizer.Run(description, &n);
  return n.text.size() >= 2 ? n.text.substr(1, n.text.size() - 2) : std::string();
}

Result<Classification> GoodsClassifier::Classify(std::string_view description,
                                                 std::string_view hs) const {
  const Data& d = *data_;
  Classification out;
  if (description.size() > kMaxDescriptionBytes) {
    return Status::Error(fmt::format("description: {} bytes, longer than the {}-byte limit",
                                     description.size(), kMaxDescriptionBytes));
  }
  if (std::size_t bad = io::FindInvalidUtf8(description); bad != std::string_view::npos) {
    return Status::Error(fmt::format("description: invalid UTF-8 at byte {}", bad));
  }
  hs = Trim(hs);
  if (Trim(description).empty() && hs.empty()) {
    return Status::Error("description: empty, and no HS code given");
  }

  // The declared code on its own.
  if (!hs.empty()) {
    auto code = ParseHsCode(hs);
    if (!code.ok()) return code.status();
    out.hs = *code;
    std::string six = out.hs.substr(0, std::min<std::size_t>(6, out.hs.size()));
    for (std::size_t len = six.size(); len >= 2; len -= 2) {
      if (const HsEntry* e = FindHs(six.substr(0, len))) {
        out.hs_description = e->description;
        out.hs_known = len == six.size();
        out.hs_section = e->section;
        auto name = d.sections.find(e->section);
        if (name != d.sections.end()) out.hs_section_name = name->second;
        break;
      }
    }
    for (std::size_t len = six.size(); len >= 2; --len) {
      auto it = d.controls.find(six.substr(0, len));
      if (it == d.controls.end()) continue;
      out.hs_class = it->second.goods_class;
      out.hs_category = it->second.category;
      Evidence e;
      e.source = "hs";
      e.rule = Dotted(it->first);
      e.text = Dotted(out.hs);
      e.goods_class = out.hs_class;
      e.category = out.hs_category;
      e.hs = {Dotted(six)};
      e.confidence = kHsConfidence;
      e.note = it->second.source;
      out.evidence.push_back(std::move(e));
      break;
    }
    if (six.size() == 6) {
      auto tier = d.chpl.find(six);
      if (tier != d.chpl.end()) out.chpl_tier = tier->second;
    }
  }

  // The description: one scan, then longer matches cover the shorter ones inside them.
  thread_local Normalized n;
  thread_local std::vector<Match> matches;
  matches.clear();
  d.normalizer.Run(description, &n);
  d.scanner->Scan(n, &matches);
  std::sort(matches.begin(), matches.end(), [](const Match& a, const Match& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  std::array<double, 3> miss{1, 1, 1};  // per class: the chance every hit is wrong
  std::array<double, 3> best{0, 0, 0};
  std::array<const Rule*, 3> top{nullptr, nullptr, nullptr};
  std::vector<std::uint32_t> used;
  for (std::size_t i = 0; i < matches.size(); ++i) {
    const Match& m = matches[i];
    bool covered = false;
    for (const Match& o : matches) {
      if (o.begin <= m.begin && o.end >= m.end && o.end - o.begin > m.end - m.begin) {
        covered = true;
        break;
      }
    }
    if (covered || std::find(used.begin(), used.end(), m.pattern) != used.end()) continue;
    used.push_back(m.pattern);
    const Rule& r = d.rules[m.pattern];
    auto cls = static_cast<std::size_t>(r.goods_class);
    miss[cls] *= 1 - r.confidence;
    if (r.confidence > best[cls]) {
      best[cls] = r.confidence;
      top[cls] = &r;
    }
    // The span in the description: from the first token's start to the last token's end.
    auto first = std::upper_bound(n.tokens.begin(), n.tokens.end(), m.begin,
                                  [](std::uint32_t at, const Token& t) { return at < t.end; });
    auto last = std::upper_bound(n.tokens.begin(), n.tokens.end(), m.end - 1,
                                 [](std::uint32_t at, const Token& t) { return at < t.end; });
    Evidence e;
    e.source = r.source;
    e.rule = r.term;
    if (first != n.tokens.end() && last != n.tokens.end()) {
      e.begin = first->orig_begin;
      e.end = last->orig_end;
      e.text = std::string(description.substr(e.begin, e.end - e.begin));
    }
    e.goods_class = r.goods_class;
    e.category = r.category;
    e.hs = r.hs;
    e.confidence = r.confidence;
    e.note = !r.what.empty() ? r.what : r.goods_class == GoodsClass::kNone ? "ordinary goods" : "";
    out.evidence.push_back(std::move(e));
  }
  for (GoodsClass c : {GoodsClass::kLethal, GoodsClass::kDualUse}) {
    double conf = 1 - miss[static_cast<std::size_t>(c)];
    if (conf < kNamesGoods) continue;
    out.description_class = c;
    out.description_category = top[static_cast<std::size_t>(c)]->category;
    // Headings implied, the most confident evidence first.
    std::vector<const Evidence*> of_class;
    for (const Evidence& e : out.evidence) {
      if (e.source != "hs" && e.goods_class == c) of_class.push_back(&e);
    }
    std::stable_sort(of_class.begin(), of_class.end(), [](const Evidence* a, const Evidence* b) {
      return a->confidence > b->confidence;
    });
    for (const Evidence* e : of_class) {
      for (const std::string& h : e->hs) {
        if (std::find(out.inferred_hs.begin(), out.inferred_hs.end(), h) == out.inferred_hs.end())
          out.inferred_hs.push_back(h);
      }
    }
    break;
  }
  for (Evidence& e : out.evidence) {
    if (e.source != "hs" && e.goods_class != GoodsClass::kNone &&
        e.goods_class != out.description_class && e.confidence < kNamesGoods) {
      e.note = "weak: not enough on its own";
    }
  }
  double description_conf = 1 - miss[static_cast<std::size_t>(out.description_class)];

  // The two together: the stricter class; a description stricter than a declared code that
  // none of its headings explains is a misdeclaration.
  out.goods_class = std::max(out.hs_class, out.description_class);
  if (!out.hs.empty() && out.description_class > out.hs_class) {
    bool explained = false;
    for (const std::string& h : out.inferred_hs) {
      std::string digits = DigitsOf(h);
      std::size_t common = std::min(digits.size(), out.hs.size());
      explained = explained || digits.compare(0, common, out.hs, 0, common) == 0;
    }
    out.misdeclared = !explained;
  }
  if (out.goods_class == GoodsClass::kNone) {
    double strongest = std::max(best[1], best[2]);
    out.confidence = kHsConfidence * (1 - strongest);
    return out;
  }
  bool from_hs = out.hs_class == out.goods_class;
  bool from_description = out.description_class == out.goods_class;
  out.category = from_hs ? out.hs_category : out.description_category;
  out.confidence = from_hs && from_description ? 1 - (1 - kHsConfidence) * (1 - description_conf)
                   : from_hs                   ? kHsConfidence
                                               : description_conf;
  if (out.chpl_tier.empty() && from_description) {
    for (const std::string& h : out.inferred_hs) {
      std::string digits = DigitsOf(h);
      if (digits.size() != 6) continue;
      auto tier = d.chpl.find(digits);
      if (tier != d.chpl.end()) {
        out.chpl_tier = tier->second;
        break;
      }
    }
  }
  return out;
}

}  // namespace dualwatch::goods
