// End-to-end: `dualwatch match` on the bundled lists, through the real binary.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/test_util.h"

namespace dualwatch::cli {
namespace {

using dualwatch::testing::RunDualwatch;
using dualwatch::testing::TempDir;

// One workspace (and index cache) for every test here: the first call builds both.
const std::string& Workspace() {
  static TempDir dir;
  static const std::string path = dir.File("ws.db");
  return path;
}

std::string Ws() { return " --workspace " + Workspace(); }

TEST(MatchCli, FindsSpacetyFromItsChineseNameAsYenteStyleJson) {
  auto r = RunDualwatch("match '长沙天仪空间科技研究院有限公司' --json" + Ws());
  ASSERT_EQ(r.exit_code, 0) << r.out;
  // The first run also says on stderr that it imported the lists and built the index.
  auto j =
      nlohmann::json::parse(r.out.substr(r.out.find('{'), r.out.rfind('}') - r.out.find('{') + 1));
  EXPECT_EQ(j["query"]["name"], "长沙天仪空间科技研究院有限公司");
  ASSERT_FALSE(j["results"].empty());
  bool ofac = false;
  for (const auto& res : j["results"]) {
    for (const char* key :
         {"id", "caption", "schema", "datasets", "score", "match", "explanations"}) {
      EXPECT_TRUE(res.contains(key)) << key;
    }
    EXPECT_TRUE(res["match"].get<bool>());
    EXPECT_FALSE(res["explanations"]["tokens"].empty());
    ofac = ofac || res["id"] == "us_ofac_sdn-40477";
  }
  EXPECT_TRUE(ofac);
}

TEST(MatchCli, ExplainsInText) {
  auto r = RunDualwatch("match 'PUTIN, Vladimir' --explain --limit 1" + Ws());
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("matched"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("putin"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("exact"), std::string::npos) << r.out;
}

TEST(MatchCli, FileGivesOneJsonLinePerQueryInOrderAndReportsBadLines) {
  TempDir dir;
  std::string file = dir.Write("queries.tsv",
                               "Vladimir Putin\tPerson\tRU\n"
                               "\n"
                               "Sberbank\tCompany\n"
                               "Huawei\tSpaceship\n"
                               "\xFF\xFE bad bytes\n"
                               "Nobody Atall Xyzzy\n");
  auto r = RunDualwatch("match --json --file " + file + Ws());
  ASSERT_EQ(r.exit_code, 0) << r.out;
  std::istringstream lines(r.out);
  std::vector<nlohmann::json> objects;
  std::string summary;
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("{", 0) == 0) {
      objects.push_back(nlohmann::json::parse(line));
    } else if (line.find("queries") != std::string::npos) {
      summary = line;
    }
  }
  ASSERT_EQ(objects.size(), 6u);
  EXPECT_EQ(objects[0]["query"]["name"], "Vladimir Putin");
  EXPECT_EQ(objects[0]["query"]["country"], "RU");
  EXPECT_FALSE(objects[0]["results"].empty());
  EXPECT_EQ(objects[1]["error"], file + ":2: name: empty");
  EXPECT_FALSE(objects[2]["results"].empty());
  EXPECT_EQ(objects[3]["error"],
            file +
                ":4: schema: unknown schema 'Spaceship' (Person, Company, Organization, "
                "LegalEntity, Vessel, Airplane)");
  EXPECT_EQ(objects[4]["error"], file + ":5: name: invalid UTF-8");
  EXPECT_TRUE(objects[5]["results"].empty());
  EXPECT_EQ(summary, "dualwatch: 6 queries, 3 rejected");
}

TEST(MatchCli, UsageErrors) {
  auto none = RunDualwatch("match" + Ws());
  EXPECT_EQ(none.exit_code, 2);
  EXPECT_NE(none.out.find("give a NAME or --file"), std::string::npos) << none.out;
  auto empty = RunDualwatch("match '   '" + Ws());
  EXPECT_EQ(empty.exit_code, 2);
  EXPECT_EQ(empty.out, "dualwatch: name: empty\n");
  auto country = RunDualwatch("match Putin --country Atlantis" + Ws());
  EXPECT_EQ(country.exit_code, 2);
  EXPECT_EQ(country.out, "dualwatch: country: unknown country 'Atlantis'\n");
}

TEST(MatchCli, ReusesTheCachedIndex) {
  RunDualwatch("match Sberbank" + Ws());  // builds the cache if no test did yet
  auto r = RunDualwatch("match Sberbank" + Ws());
  ASSERT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out.find("built the name index"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace dualwatch::cli
