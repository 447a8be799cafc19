// Goods classification on the real tables (data/goods) and the labelled set
// (tests/cases/goods/cases.tsv).
#include "goods/goods.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "bench/goods_cases.h"
#include "io/io.h"

namespace dualwatch::goods {
namespace {

const GoodsClassifier& Classifier() {
  static GoodsClassifier* c = [] {
    auto r = GoodsClassifier::Create();
    EXPECT_TRUE(r.ok()) << r.status().message();
    return new GoodsClassifier(std::move(*r));
  }();
  return *c;
}

Classification Classify(std::string_view description, std::string_view hs = {}) {
  auto r = Classifier().Classify(description, hs);
  EXPECT_TRUE(r.ok()) << description << " [" << hs << "]: " << r.status().message();
  return r.ok() ? *r : Classification{};
}

std::vector<bench::GoodsCase> Cases() {
  auto cases =
      bench::ReadGoodsCases(std::string(DUALWATCH_SOURCE_DIR) + "/tests/cases/goods/cases.tsv");
  EXPECT_TRUE(cases.ok()) << cases.status().message();
  return cases.ok() ? *cases : std::vector<bench::GoodsCase>{};
}

TEST(HsCode, AcceptsSixEightAndTenDigitsWithDotsAndSpaces) {
  EXPECT_EQ(*ParseHsCode("8542.31"), "854231");
  EXPECT_EQ(*ParseHsCode("8542 31 0000"), "8542310000");
  EXPECT_EQ(*ParseHsCode("85423100"), "85423100");
  EXPECT_EQ(*ParseHsCode("8806.22.000.0"), "8806220000");
  EXPECT_EQ(*ParseHsCode(" 93 "), "93");
}

TEST(HsCode, RejectsLettersWrongLengthsAndMissingChapters) {
  EXPECT_EQ(ParseHsCode("85A2.31").status().message(),
            "hs: '85A2.31' is not an HS code (digits with optional dots or spaces, as 8542.31 "
            "or 8542 31 0000)");
  EXPECT_EQ(ParseHsCode("85423").status().message(),
            "hs: '85423' has 5 digits; an HS code has 2, 4 or 6 (8 or 10 for a national tariff "
            "line)");
  EXPECT_FALSE(ParseHsCode("854231000000").ok());
  EXPECT_FALSE(ParseHsCode("").ok());
  EXPECT_EQ(ParseHsCode("7701.10").status().message(), "hs: '7701.10': there is no HS chapter 77");
  EXPECT_FALSE(ParseHsCode("0012").ok());
}

TEST(HsTables, HoldTheWholeHs2022NomenclatureAndTheCommonHighPriorityList) {
  // Counts from ../shared/data/PROVENANCE.md: 97 chapters, 1,229 headings, 5,613 subheadings.
  std::map<std::size_t, std::size_t> by_level;
  for (const HsEntry& e : Classifier().nomenclature()) ++by_level[e.code.size()];
  EXPECT_EQ(by_level[2], 97u);
  EXPECT_EQ(by_level[4], 1229u);
  EXPECT_EQ(by_level[6], 5613u);
  ASSERT_NE(Classifier().FindHs("880622"), nullptr);
  EXPECT_EQ(Classifier().FindHs("8806")->description, "Unmanned aircraft");

  // Every CHPL code, read from the bundled copy of the assembled list, is dual-use in its tier.
  auto input = io::ReadInput(std::string(DUALWATCH_DATA_DIR) + "/goods/chpl.csv");
  ASSERT_TRUE(input.ok());
  io::CsvReader reader("chpl.csv", input->text);
  io::CsvRecord r;
  std::size_t codes = 0;
  std::map<std::string, std::size_t> per_tier;
  while (reader.Next(r)) {
    if (r.line == 1) continue;
    ++codes;
    ++per_tier[r.fields[0]];
    Classification c = Classify("", r.fields[2]);
    EXPECT_EQ(c.goods_class, GoodsClass::kDualUse) << r.fields[2];
    EXPECT_EQ(c.chpl_tier, r.fields[0]) << r.fields[2];
    EXPECT_FALSE(c.category.empty()) << r.fields[2];
  }
  EXPECT_EQ(codes, 50u);
  EXPECT_EQ(per_tier, (std::map<std::string, std::size_t>{
                          {"1", 4}, {"2", 5}, {"3.A", 16}, {"3.B", 9}, {"4.A", 11}, {"4.B", 5}}));
}

TEST(HsTables, EverySubheadingOfTheLethalHeadingsIsLethal) {
  std::size_t lethal = 0;
  for (const HsEntry& e : Classifier().nomenclature()) {
    if (e.code.size() != 6) continue;
    std::string_view c = e.code;
    bool expect = c.substr(0, 2) == "93" || c.substr(0, 4) == "8806" || c.substr(0, 4) == "8710" ||
                  c.substr(0, 4) == "3601" || c.substr(0, 4) == "3602" ||
                  c.substr(0, 4) == "3603" || c == "890610";
    EXPECT_EQ(Classify("", e.code).goods_class == GoodsClass::kLethal, expect) << e.code;
    lethal += expect;
  }
  EXPECT_EQ(lethal, 39u);  // 18 in chapter 93, 11 unmanned aircraft, 8 explosives, tanks, warships
}

TEST(Description, NamesDronesInThreeLanguagesWithInflectionsAndTraditionalCharacters) {
  for (const char* text : {"DJI Mavic 3 quadcopters", "Квадрокоптеров Autel EVO",
                           "беспилотными летательными аппаратами", "四轴飞行器", "無人機"}) {
    Classification c = Classify(text);
    EXPECT_EQ(c.goods_class, GoodsClass::kLethal) << text;
    EXPECT_EQ(c.category, "uav") << text;
    EXPECT_EQ(c.inferred_hs.front(), "8806") << text;
  }
}

TEST(Description, EvidenceQuotesTheOriginalWords) {
  Classification c = Classify("Квадрокоптеры DJI Mavic 3, 10 шт.");
  ASSERT_GE(c.evidence.size(), 2u);
  EXPECT_EQ(c.evidence[0].text, "Квадрокоптеры");
  EXPECT_EQ(c.evidence[0].rule, "квадрокоптер");
  EXPECT_EQ(c.evidence[1].text, "DJI Mavic");
  EXPECT_EQ(c.evidence[1].source, "brand");
}

TEST(Description, PartNumbersImplyTheirHeadingAndTier) {
  Classification c = Classify("STM32F103C8T6");
  EXPECT_EQ(c.goods_class, GoodsClass::kDualUse);
  EXPECT_EQ(c.category, "electronics");
  EXPECT_EQ(c.inferred_hs, std::vector<std::string>{"8542.31"});
  EXPECT_EQ(c.chpl_tier, "1");
  EXPECT_EQ(c.evidence.at(0).source, "part");
  EXPECT_EQ(Classify("u-blox NEO-M8N GPS").category, "radar_navigation");
}

TEST(Description, OrdinaryGoodsWithControlledWordsInsideAreOrdinary) {
  for (const char* text : {"Hot glue gun 20W", "Ink cartridges for Epson", "Патрон для лампы E27",
                           "Сумка для ноутбука", "手机壳", "Cement mortar", "Teddy bear"}) {
    EXPECT_EQ(Classify(text).goods_class, GoodsClass::kNone) << text;
  }
  // A weak word alone is not enough; with a calibre it is.
  EXPECT_EQ(Classify("cartridges").goods_class, GoodsClass::kNone);
  EXPECT_EQ(Classify("cartridges 7.62x39").goods_class, GoodsClass::kLethal);
}

TEST(Misdeclaration, DroneDeclaredAsAToyIsFlaggedWithBothSides) {
  Classification c = Classify("Quadcopter with camera", "9503.00");
  EXPECT_TRUE(c.misdeclared);
  EXPECT_EQ(c.goods_class, GoodsClass::kLethal);
  EXPECT_EQ(c.hs_class, GoodsClass::kNone);
  EXPECT_EQ(c.description_class, GoodsClass::kLethal);
  EXPECT_EQ(c.hs, "950300");
  EXPECT_NE(c.hs_description.find("toys"), std::string::npos);
  EXPECT_EQ(c.hs_section, "XX");
  EXPECT_EQ(c.hs_section_name, "Miscellaneous manufactured articles");
  // The right code is no misdeclaration; nor is a toy declared as a toy.
  EXPECT_FALSE(Classify("Quadcopter with camera", "8806.22").misdeclared);
  EXPECT_FALSE(Classify("Plush toys", "9503.00").misdeclared);
  // A thermal imager declared as a thermometer.
  Classification t = Classify("Тепловизор", "9025.19");
  EXPECT_TRUE(t.misdeclared);
  EXPECT_EQ(t.goods_class, GoodsClass::kDualUse);
  EXPECT_EQ(t.category, "optics");
}

TEST(LabelledSet, MeetsTheTargets) {
  std::vector<bench::GoodsCase> cases = Cases();
  ASSERT_GE(cases.size(), 300u);
  std::set<std::string> languages;
  std::size_t right = 0, drones = 0, drones_flagged = 0;
  for (const bench::GoodsCase& c : cases) {
    languages.insert(c.lang);
    Classification r = Classify(c.description, c.hs);
    bool ok = ClassName(r.goods_class) == c.expected_class &&
              (c.expected_class == "none" || r.category == c.expected_category) &&
              r.misdeclared == c.expected_misdeclared;
    right += ok;
    if (c.expected_misdeclared && c.expected_category == "uav") {
      ++drones;
      drones_flagged += r.misdeclared;
    }
    if (c.expected_category == "ordinary") {
      EXPECT_NE(r.goods_class, GoodsClass::kLethal) << "line " << c.line << ": " << c.description;
    }
  }
  EXPECT_EQ(languages, (std::set<std::string>{"-", "en", "ru", "zh"}));
  EXPECT_GE(static_cast<double>(right), 0.97 * static_cast<double>(cases.size()));
  EXPECT_GE(drones, 8u);
  EXPECT_EQ(drones_flagged, drones);
}

TEST(LabelledSet, BothScannersGiveTheSameAnswers) {
  auto re2 = GoodsClassifier::Create(ScannerKind::kRe2Set);
  ASSERT_TRUE(re2.ok()) << re2.status().message();
  auto check = [&](const std::string& description, const std::string& hs) {
    Classification a = Classify(description, hs);
    auto b = re2->Classify(description, hs);
    ASSERT_TRUE(b.ok());
    EXPECT_EQ(a.goods_class, b->goods_class) << description;
    EXPECT_EQ(a.category, b->category) << description;
    ASSERT_EQ(a.evidence.size(), b->evidence.size()) << description;
    for (std::size_t i = 0; i < a.evidence.size(); ++i) {
      EXPECT_EQ(a.evidence[i].rule, b->evidence[i].rule) << description;
      EXPECT_EQ(a.evidence[i].begin, b->evidence[i].begin) << description;
    }
  };
  for (const bench::GoodsCase& c : Cases()) check(c.description, c.hs);
  for (const HsEntry& e : Classifier().nomenclature()) check(e.description, "");
}

TEST(HsTexts, EachSubheadingsOwnTextClassifiesAsItsCode) {
  std::size_t n = 0, agree = 0;
  for (const HsEntry& e : Classifier().nomenclature()) {
    if (e.code.size() != 6) continue;
    ++n;
    agree += Classify(e.description).goods_class == Classify("", e.code).goods_class;
  }
  EXPECT_EQ(n, 5613u);
  EXPECT_GE(static_cast<double>(agree), 0.99 * static_cast<double>(n));
}

TEST(GoodsBadInput, ClearErrorsNeverACrash) {
  const GoodsClassifier& g = Classifier();
  EXPECT_EQ(g.Classify("", "").status().message(), "description: empty, and no HS code given");
  EXPECT_EQ(g.Classify("ok\xFF", "").status().message(), "description: invalid UTF-8 at byte 2");
  EXPECT_EQ(g.Classify(std::string(kMaxDescriptionBytes + 1, 'a'), "").status().message(),
            "description: 65537 bytes, longer than the 65536-byte limit");
  EXPECT_EQ(g.Classify("drone", "ABCD").status().message().rfind("hs: 'ABCD'", 0), 0u);
  // At the limit, control characters, punctuation only: classified, not refused.
  std::string big;
  while (big.size() + 7 < kMaxDescriptionBytes) big += "drones ";
  EXPECT_EQ(Classify(big).goods_class, GoodsClass::kLethal);
  EXPECT_EQ(Classify(std::string("\x01\x02 drone\t\x7f", 11)).goods_class, GoodsClass::kLethal);
  EXPECT_EQ(Classify("!!! --- ...").goods_class, GoodsClass::kNone);
}

}  // namespace
}  // namespace dualwatch::goods
