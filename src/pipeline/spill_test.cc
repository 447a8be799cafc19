#include <gtest/gtest.h>

#include <filesystem>
#include <random>

#include "pipeline/pipeline.h"
#include "tests/test_util.h"

namespace dualwatch::pipeline {
namespace {

AlertRecord MakeAlert(std::size_t line, risk::Severity severity, double score) {
  AlertRecord r;
  r.record_id = "R" + std::to_string(line);
  r.line = line;
  r.severity = severity;
  r.score = score;
  r.first_reason = line % 3 ? "reason " + std::to_string(line) : "";
  r.json = std::string(line % 97, 'j') + "{\"line\":" + std::to_string(line) + "}";
  r.csv = r.record_id + "," + std::to_string(line) + "\n";
  return r;
}

// Reads every alert back; they come once each, in severity, score, line order.
std::vector<AlertRecord> ReadAll(const AlertSpill& spill) {
  std::vector<AlertRecord> all;
  AlertSpill::Reader reader = spill.Read();
  for (AlertRecord r; reader.Next(r);) all.push_back(r);
  EXPECT_TRUE(reader.status().ok()) << reader.status().message();
  return all;
}

void ExpectOrderedAndWhole(const std::vector<AlertRecord>& all, std::size_t n) {
  ASSERT_EQ(all.size(), n);
  std::vector<bool> seen(n + 1);
  for (std::size_t i = 0; i < all.size(); ++i) {
    const AlertRecord& r = all[i];
    EXPECT_EQ(r.json, MakeAlert(r.line, r.severity, r.score).json);
    EXPECT_EQ(r.csv, MakeAlert(r.line, r.severity, r.score).csv);
    EXPECT_EQ(r.first_reason, MakeAlert(r.line, r.severity, r.score).first_reason);
    EXPECT_FALSE(seen[r.line]) << r.line;
    seen[r.line] = true;
    if (i == 0) continue;
    const AlertRecord& p = all[i - 1];
    bool ordered = p.severity != r.severity ? p.severity > r.severity
                   : p.score != r.score     ? p.score > r.score
                                            : p.line < r.line;
    EXPECT_TRUE(ordered) << "alert " << i << " (line " << r.line << ") after line " << p.line;
  }
}

// A budget of a few kilobytes forces dozens of runs on disk; the merge must give the same
// order a single in-memory sort gives.
TEST(AlertSpill, MergesManySortedRunsIntoOneOrder) {
  testing::TempDir dir;
  auto spill = AlertSpill::Create(dir.File("spill"), 4096);
  ASSERT_TRUE(spill.ok());
  std::mt19937 rng(7);
  const std::size_t n = 5000;
  for (std::size_t line = 1; line <= n; ++line) {
    auto severity = static_cast<risk::Severity>(1 + rng() % 4);
    double score = (rng() % 50) / 50.0;  // ties, so the line decides
    ASSERT_TRUE((*spill)->Add(MakeAlert(line, severity, score)).ok());
  }
  ASSERT_TRUE((*spill)->Finish().ok());
  EXPECT_EQ((*spill)->size(), n);
  std::vector<AlertRecord> all = ReadAll(**spill);
  ExpectOrderedAndWhole(all, n);
  // Two readers at once, each from the start.
  AlertSpill::Reader a = (*spill)->Read();
  AlertSpill::Reader b = (*spill)->Read();
  AlertRecord ra, rb;
  ASSERT_TRUE(a.Next(ra) && a.Next(ra) && b.Next(rb));
  EXPECT_EQ(rb.line, all[0].line);
  EXPECT_EQ(ra.line, all[1].line);
}

TEST(AlertSpill, KeepsASmallRunInMemoryAndReadsNothingWhenEmpty) {
  testing::TempDir dir;
  auto spill = AlertSpill::Create(dir.File("spill"));
  ASSERT_TRUE(spill.ok());
  ASSERT_TRUE((*spill)->Finish().ok());
  EXPECT_TRUE(ReadAll(**spill).empty());
  auto small = AlertSpill::Create(dir.File("small"));
  for (std::size_t line = 1; line <= 100; ++line) {
    ASSERT_TRUE((*small)->Add(MakeAlert(line, risk::Severity::kMedium, 0.5)).ok());
  }
  ASSERT_TRUE((*small)->Finish().ok());
  ExpectOrderedAndWhole(ReadAll(**small), 100);
  EXPECT_EQ(std::filesystem::file_size(dir.File("small")), 0u);
}

}  // namespace
}  // namespace dualwatch::pipeline
