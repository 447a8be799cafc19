#include "io/io.h"

#include <gtest/gtest.h>
#include <zstd.h>

#include "tests/test_util.h"

namespace dualwatch::io {
namespace {

TEST(CsvReader, ReadsQuotedFieldsAcrossLinesWithDoubledQuotes) {
  CsvReader reader("t.csv", "a,\"b\nc\",\"d\"\"e\"\r\nf,g,h\r\n");
  CsvRecord r;
  ASSERT_TRUE(reader.Next(r));
  EXPECT_EQ(r.line, 1u);
  EXPECT_EQ(r.fields, (std::vector<std::string>{"a", "b\nc", "d\"e"}));
  ASSERT_TRUE(reader.Next(r));
  EXPECT_EQ(r.line, 3u);
  EXPECT_EQ(r.fields, (std::vector<std::string>{"f", "g", "h"}));
  EXPECT_FALSE(reader.Next(r));
  EXPECT_TRUE(reader.status().ok());
}

TEST(CsvReader, ReportsUnterminatedQuoteWithLineAndField) {
  CsvReader reader("t.csv", "a,b\n1,\"open\n");
  CsvRecord r;
  ASSERT_TRUE(reader.Next(r));
  EXPECT_FALSE(reader.Next(r));
  EXPECT_EQ(reader.status().message(), "t.csv:2: field 2: unterminated quoted field");
}

TEST(CsvReader, SplitsOnTabs) {
  CsvReader reader("t.txt", "\"x\"\t\"y\"\n", '\t');
  CsvRecord r;
  ASSERT_TRUE(reader.Next(r));
  EXPECT_EQ(r.fields, (std::vector<std::string>{"x", "y"}));
}

TEST(Input, DecompressesZstdByMagicAndStripsBomAndDosEof) {
  std::string plain = "\xEF\xBB\xBFhello\nworld\n\x1a";
  std::string packed(ZSTD_compressBound(plain.size()), '\0');
  packed.resize(ZSTD_compress(packed.data(), packed.size(), plain.data(), plain.size(), 3));
  auto input = InputFromBytes("x.zst", packed);
  ASSERT_TRUE(input.ok()) << input.status().message();
  EXPECT_TRUE(input->compressed);
  EXPECT_EQ(input->text, "hello\nworld\n");
  EXPECT_EQ(input->sha256, Sha256Hex(packed));
}

TEST(Input, RefusesEmptyFile) {
  auto input = InputFromBytes("empty.csv", "  \r\n");
  ASSERT_FALSE(input.ok());
  EXPECT_EQ(input.status().message(), "empty.csv: empty file");
}

TEST(Input, StopsAtOverlongLineNamingItsLineAndOffset) {
  InputLimits limits;
  limits.max_line_bytes = 8;
  LineTooLong where;
  auto input = InputFromBytes("long.csv", "ab\ncdefghijklmnop\n", limits, &where);
  ASSERT_FALSE(input.ok());
  EXPECT_EQ(where.line, 2u);
  EXPECT_EQ(where.line_start, 3u);
  EXPECT_EQ(input.status().message(),
            "long.csv:2: line longer than the 8 bytes limit (the line starts at byte 3)");
}

TEST(Input, ReportsMissingFile) {
  auto input = ReadInput("/nonexistent/list.csv");
  ASSERT_FALSE(input.ok());
  EXPECT_EQ(input.status().message(),
            "/nonexistent/list.csv: cannot open: No such file or directory");
}

TEST(Input, ReportsTruncatedZstd) {
  std::string plain(10000, 'x');
  std::string packed(ZSTD_compressBound(plain.size()), '\0');
  packed.resize(ZSTD_compress(packed.data(), packed.size(), plain.data(), plain.size(), 3));
  auto input = InputFromBytes("cut.zst", packed.substr(0, packed.size() - 4));
  ASSERT_FALSE(input.ok());
  EXPECT_EQ(input.status().message(), "cut.zst: truncated zstd data");
}

TEST(Utf8, FindsFirstInvalidSequence) {
  EXPECT_EQ(FindInvalidUtf8("plain ascii"), std::string_view::npos);
  EXPECT_EQ(FindInvalidUtf8("长沙 Гонконг"), std::string_view::npos);
  EXPECT_EQ(FindInvalidUtf8("ab\xC3"), 2u);         // truncated sequence
  EXPECT_EQ(FindInvalidUtf8("ab\xC0\xAF"), 2u);     // overlong
  EXPECT_EQ(FindInvalidUtf8("a\xED\xA0\x80"), 1u);  // surrogate
  EXPECT_EQ(FindInvalidUtf8("\xFF"), 0u);
}

TEST(Utf8, LineOfOffsetCountsNewlines) {
  EXPECT_EQ(LineOfOffset("a\nb\nc", 0), 1u);
  EXPECT_EQ(LineOfOffset("a\nb\nc", 2), 2u);
  EXPECT_EQ(LineOfOffset("a\nb\nc", 4), 3u);
}

TEST(Sha256, MatchesKnownVector) {
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

}  // namespace
}  // namespace dualwatch::io
