// End-to-end: the real dualwatch binary on real files, including every kind of bad input.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "io/io.h"
#include "store/store.h"
#include "tests/test_util.h"

namespace dualwatch::cli {
namespace {

using dualwatch::testing::BundledList;
using dualwatch::testing::RunDualwatch;
using dualwatch::testing::TempDir;

std::string Text(const std::string& relative) {
  auto input = io::ReadInput(BundledList(relative));
  EXPECT_TRUE(input.ok());
  return input.ok() ? input->text : "";
}

// The first `n` lines of a bundled file.
std::string Head(const std::string& relative, std::size_t n) {
  std::string text = Text(relative);
  std::size_t pos = 0;
  for (std::size_t i = 0; i < n && pos != std::string::npos; ++i) pos = text.find('\n', pos + 1);
  return text.substr(0, pos == std::string::npos ? text.size() : pos + 1);
}

std::size_t VersionCount(const std::string& workspace) {
  auto ws = store::Workspace::Open(workspace);
  EXPECT_TRUE(ws.ok());
  auto versions = ws->Versions();
  return versions.ok() ? versions->size() : 0;
}

class BadInput : public ::testing::Test {
 protected:
  // Imports `good` (a real list) together with the bad file; expects exit 2, `message`, and an
  // untouched workspace.
  void ExpectRejected(const std::string& bad_path, const std::string& message) {
    std::string good = BundledList("us_csl/bis_mieu.csv.zst");
    auto r = RunDualwatch("--workspace " + ws_ + " lists import " + good + " " + bad_path);
    EXPECT_EQ(r.exit_code, 2) << r.out;
    EXPECT_EQ(r.out, "dualwatch: " + message + "\n");
    EXPECT_EQ(VersionCount(ws_), 0u) << "a failed import must leave the workspace as it was";
  }
  TempDir dir_;
  std::string ws_ = dir_.File("ws.db");
};

TEST_F(BadInput, TruncatedXmlNamesLineAndElement) {
  // Cut the real UN list in the middle of a person's first name.
  std::string xml = Text("un/UN_consolidated.xml.zst");
  std::size_t cut = xml.find("<FIRST_NAME>", xml.find("<INDIVIDUAL>", 5000)) + 14;
  std::string path = dir_.Write("un.xml", xml.substr(0, cut));
  ExpectRejected(path, path + ":" + std::to_string(io::LineOfOffset(xml, cut)) +
                           ": <FIRST_NAME>: XML ends at byte " + std::to_string(cut) +
                           " inside an open element (truncated file?): Start-end tags mismatch");
}

TEST_F(BadInput, CsvRowWithWrongFieldCountNamesLine) {
  std::string csv = Head("ofac/sdn.csv.zst", 3);
  std::size_t second = csv.find('\n') + 1;
  csv.erase(csv.find(",-0- ", second), 5);  // drop one field of line 2
  std::string path = dir_.Write("sdn.csv", csv);
  ExpectRejected(path, path + ":2: expected 12 fields (ent_num, ..., Remarks), found 11");
}

TEST_F(BadInput, HeaderCsvRowWithWrongFieldCountNamesLine) {
  std::string csv = Head("eu/eu_oj_reg_833_2014_consolidated.csv.zst", 4);
  std::size_t third = csv.find('\n', csv.find('\n') + 1) + 1;
  csv.erase(csv.find(',', third), 1);
  std::string path = dir_.Write("annex.csv", csv);
  ExpectRejected(path, path + ":3: expected 45 fields as in the header line, found 44");
}

TEST_F(BadInput, InvalidUtf8NamesLineAndField) {
  std::string jsonl = Head("uk/uk_sanctions_list_ammitto.jsonl.zst", 3);
  std::size_t line2 = jsonl.find('\n') + 1;
  std::size_t name = jsonl.find("\"name6\": \"", line2) + 10;
  jsonl.insert(name, "\xC3\x28");
  std::string path = dir_.Write("uk.jsonl", jsonl);
  ExpectRejected(path, path + ":2: name6: invalid UTF-8 at byte " + std::to_string(name));
}

TEST_F(BadInput, InvalidUtf8InOfacCsvNamesColumn) {
  std::string csv = Head("ofac/sdn.csv.zst", 2);
  std::size_t at = csv.find("AEROCARIBBEAN") + 4;
  csv.insert(at, "\xFF");
  std::string path = dir_.Write("sdn.csv", csv);
  ExpectRejected(path,
                 path + ":1: SDN_Name (column 2): invalid UTF-8 at byte " + std::to_string(at));
}

TEST_F(BadInput, UnknownFormatListsTheKnownOnes) {
  std::string path = dir_.Write("shipments.csv", "exporter,importer,hs\nA,B,8806\n");
  ExpectRejected(path, path +
                           ":1: unknown list format (first line: 'exporter,importer,hs'); "
                           "give --format, one of: ofac_csv, us_csl, bis_dpl, bis_mieu, "
                           "dod_1260h, fcc_covered, eu_fsf, eu_journal, uk_sanctions, un_xml, "
                           "ftm, ca_sema, nz_russia");
}

TEST_F(BadInput, EmptyFile) {
  std::string path = dir_.Write("empty.csv", "");
  ExpectRejected(path, path + ": empty file");
}

TEST_F(BadInput, OfacCompanionFileAlonePointsToTheMainFile) {
  std::string path = dir_.Write("add.csv", Head("ofac/add.csv.zst", 2));
  ExpectRejected(path, path +
                           ":1: this looks like an OFAC companion file (6 fields: addresses, "
                           "aliases or comments); import the main file (sdn.csv or "
                           "cons_prim.csv) beside it");
}

TEST_F(BadInput, OneGigabyteLineStopsAtTheLimitNamingLineAndField) {
  // A real CSL header, then a line of 1 GiB inside the second field. The file is sparse, so
  // this costs no disk; dualwatch reads only up to its 64 MiB line limit.
  std::string header = Head("us_csl/csl_extract.csv.zst", 1);
  std::string path = dir_.Write("csl.csv", header + "\"1\",\"");
  ASSERT_EQ(truncate(path.c_str(), static_cast<off_t>(header.size()) + (off_t{1} << 30)), 0);
  ExpectRejected(path, path +
                           ":2: source (column 2): line longer than the 64 MiB limit (the "
                           "line starts at byte " +
                           std::to_string(header.size()) + ")");
}

TEST(Cli, ImportsThenReportsUnchangedOnSecondImport) {
  TempDir dir;
  std::string ws = dir.File("ws.db");
  std::string file = BundledList("un/UN_consolidated.xml.zst");
  auto first = RunDualwatch("--workspace " + ws + " lists import " + file);
  ASSERT_EQ(first.exit_code, 0) << first.out;
  EXPECT_NE(first.out.find("un_sc_sanctions: version 1 from"), std::string::npos) << first.out;
  EXPECT_NE(first.out.find("1003 records → 1003 entities"), std::string::npos) << first.out;
  auto second = RunDualwatch("--workspace " + ws + " lists import " + file);
  EXPECT_EQ(second.out, "un_sc_sanctions: unchanged (version 1, 1003 entities)\n");
}

TEST(Cli, FirstUseImportsBundledListsAndShowsSpacetyAsFtmJson) {
  TempDir dir;
  auto show =
      RunDualwatch("lists show us_ofac_sdn-40477 --json --workspace " + dir.File("default.db"));
  ASSERT_EQ(show.exit_code, 0) << show.out;
  std::string json = show.out.substr(show.out.find('{'));
  auto j = nlohmann::json::parse(json);
  EXPECT_EQ(j["id"], "us_ofac_sdn-40477");
  EXPECT_EQ(j["datasets"], nlohmann::json::array({"us_ofac_sdn"}));
  EXPECT_NE(show.out.find("imported the bundled lists"), std::string::npos);
  auto again = RunDualwatch("--workspace " + dir.File("default.db") + " lists stats --json");
  ASSERT_EQ(again.exit_code, 0) << again.out;
  auto s = nlohmann::json::parse(again.out);
  EXPECT_EQ(s["datasets"].size(), 15u);
  EXPECT_EQ(again.out.find("imported the bundled lists"), std::string::npos)
      << "reused, not rebuilt";
}

TEST(Cli, DiffBetweenFilesCountsReconcile) {
  auto r = RunDualwatch("lists diff --summary " + BundledList("ofac/history_2021-07/sdn.csv.zst") +
                        " " + BundledList("ofac/sdn.csv.zst"));
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("8976 entities"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("14965 entities"), std::string::npos) << r.out;
}

TEST(Cli, DiffBetweenImportedVersions) {
  TempDir dir;
  std::string ws = " --workspace " + dir.File("ws.db");
  ASSERT_EQ(
      RunDualwatch("lists import" + ws + " " + BundledList("ofac/history_2021-07/sdn.csv.zst"))
          .exit_code,
      0);
  ASSERT_EQ(RunDualwatch("lists import" + ws + " " + BundledList("ofac/sdn.csv.zst")).exit_code, 0);
  auto versions = RunDualwatch("lists versions" + ws);
  EXPECT_NE(versions.out.find("us_ofac_sdn"), std::string::npos) << versions.out;
  auto r = RunDualwatch("lists diff --json 1 2" + ws);
  ASSERT_EQ(r.exit_code, 0) << r.out;
  auto j = nlohmann::json::parse(r.out);
  const auto& c = j["counts"];
  EXPECT_EQ(c["old"], 8976);
  EXPECT_EQ(c["new"], 14965);
  EXPECT_EQ(c["added"].get<int>() + c["unchanged"].get<int>() + c["changed"].get<int>(), 14965);
  EXPECT_EQ(c["removed"].get<int>() + c["unchanged"].get<int>() + c["changed"].get<int>(), 8976);
  auto missing = RunDualwatch("lists diff 1 7" + ws);
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_EQ(missing.out, "dualwatch: no list version 7 in " + dir.File("ws.db") + "\n");
}

TEST(Cli, EveryCommandHasHelp) {
  for (const char* command :
       {"", "lists", "lists import", "lists stats", "lists show", "lists diff", "lists versions"}) {
    auto r = RunDualwatch(std::string(command) + " --help");
    EXPECT_EQ(r.exit_code, 0) << command;
    EXPECT_NE(r.out.find("Usage:"), std::string::npos) << command;
  }
}

TEST(Cli, UnknownSubcommandSuggestsNearest) {
  auto r = RunDualwatch("lisst stats");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("did you mean 'lists'?"), std::string::npos) << r.out;
  auto s = RunDualwatch("lists stast");
  EXPECT_EQ(s.exit_code, 2);
  EXPECT_NE(s.out.find("did you mean 'stats'?"), std::string::npos) << s.out;
}

}  // namespace
}  // namespace dualwatch::cli
