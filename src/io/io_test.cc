#include "io/io.h"

#include <gtest/gtest.h>
#include <zstd.h>

#include <nlohmann/json.hpp>

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

TEST(JsonWriter, NestsObjectsAndArraysWithCommas) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject().Key("a").Int(1).Key("b").BeginArray().String("x").Null().Bool(false);
  w.BeginObject().EndObject().EndArray().Key("c").Strings({}).Key("d").StringOrNull("");
  w.EndObject();
  EXPECT_EQ(out, R"({"a":1,"b":["x",null,false,{}],"c":[],"d":null})");
}

// The writer's text is what nlohmann::json (the reader every consumer in tests uses) would
// write for the same values, and parses back to them.
TEST(JsonWriter, EscapesAndFormatsLikeAJsonLibrary) {
  const std::vector<std::string> strings = {"plain",
                                            "quote \" back\\slash",
                                            "tab\tnew\nline\r\b\f",
                                            std::string("nul\0x", 5),
                                            "\x01\x1f\x7f",
                                            "长沙 Гонконг ÉÀ",
                                            "/slash/"};
  for (const std::string& s : strings) {
    std::string out;
    JsonWriter(&out).String(s);
    EXPECT_EQ(out, nlohmann::json(s).dump()) << s;
    EXPECT_EQ(nlohmann::json::parse(out).get<std::string>(), s);
  }
  for (double d : {0.0, 1.0, -2.0, 0.99, 0.1234, 1e-7, 123456.789, 1e21}) {
    std::string out;
    JsonWriter(&out).Number(d);
    EXPECT_EQ(out, nlohmann::json(d).dump()) << d;
  }
  std::string nan;
  JsonWriter(&nan).Number(std::nan(""));
  EXPECT_EQ(nan, "null");
}

TEST(JsonWriter, ReplacesInvalidUtf8SoTheTextStaysValid) {
  std::string out;
  JsonWriter(&out).String("Ita\xC3sa \xFF\xFE ok \xED\xA0\x80");
  EXPECT_EQ(out, "\"Ita\uFFFDsa \uFFFD\uFFFD ok \uFFFD\uFFFD\uFFFD\"");
  EXPECT_EQ(FindInvalidUtf8(out), std::string_view::npos);
  EXPECT_NO_THROW(nlohmann::json::parse(out));
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
