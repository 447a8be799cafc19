// End-to-end: `dualwatch goods classify`, through the real binary.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/test_util.h"

namespace dualwatch::cli {
namespace {

using dualwatch::testing::RunDualwatch;
using dualwatch::testing::TempDir;

TEST(GoodsCli, ClassifiesTextWithACodeAsJson) {
  auto r = RunDualwatch("goods classify 'Квадрокоптер DJI Mavic 3' --hs '9503 00 950 0' --json");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  auto j = nlohmann::json::parse(r.out);
  for (const char* key :
       {"input", "class", "category", "chpl_tier", "hs", "misdeclared", "confidence", "evidence"}) {
    EXPECT_TRUE(j.contains(key)) << key;
  }
  EXPECT_EQ(j["class"], "lethal");
  EXPECT_EQ(j["category"], "uav");
  EXPECT_TRUE(j["misdeclared"].get<bool>());
  EXPECT_EQ(j["hs"]["declared"]["code"], "9503.00.95.00");
  EXPECT_EQ(j["hs"]["declared"]["class"], "none");
  EXPECT_EQ(j["hs"]["inferred"], nlohmann::json::array({"8806"}));
  EXPECT_EQ(j["evidence"][0]["text"], "Квадрокоптер");
}

TEST(GoodsCli, ExplainsInText) {
  auto r = RunDualwatch("goods classify 'STM32F407VGT6'");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("dual_use  electronics  CHPL tier 1"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("STMicroelectronics"), std::string::npos) << r.out;
}

TEST(GoodsCli, FileGivesOneJsonLinePerInputLineInOrderAndReportsBadLines) {
  TempDir dir;
  std::string file = dir.Write("goods.tsv",
                               "Ноутбуки Lenovo\t8471.30\n"
                               "Plush toys\n"
                               "drone\t85X2\n"
                               "\t\n"
                               "\xFF bad bytes\n"
                               "\t8542.31\n");
  auto r = RunDualwatch("goods classify --json --file " + file);
  ASSERT_EQ(r.exit_code, 0) << r.out;
  std::istringstream lines(r.out);
  std::vector<nlohmann::json> objects;
  std::string summary;
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("{", 0) == 0) {
      objects.push_back(nlohmann::json::parse(line));
    } else {
      summary += line;
    }
  }
  ASSERT_EQ(objects.size(), 6u) << r.out;
  EXPECT_EQ(objects[0]["class"], "dual_use");
  EXPECT_EQ(objects[0]["category"], "computers");
  EXPECT_EQ(objects[1]["class"], "none");
  EXPECT_EQ(objects[2]["error"].get<std::string>().rfind(file + ":3: hs: '85X2'", 0), 0u);
  EXPECT_EQ(objects[3]["error"], file + ":4: description: empty, and no HS code given");
  EXPECT_EQ(objects[4]["error"], file + ":5: description: invalid UTF-8 at byte 0");
  EXPECT_EQ(objects[5]["chpl_tier"], "1");
  EXPECT_EQ(summary, "dualwatch: 6 lines, 3 classified, 3 rejected");
}

TEST(GoodsCli, NeedsTextCodeOrFile) {
  auto r = RunDualwatch("goods classify");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("give TEXT and/or --hs, or --file"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace dualwatch::cli
