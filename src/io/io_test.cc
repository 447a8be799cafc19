#include "io/io.h"

#include <gtest/gtest.h>

namespace dualwatch::io {
namespace {

TEST(CsvReader, ReadsQuotedFieldsAcrossLines) {
  CsvReader reader("t.csv", "a,\"b\nc\",\"d\"\"e\"\r\nf,g,h\r\n");
  CsvRecord r;
  ASSERT_TRUE(reader.Next(r));
  EXPECT_EQ(r.line, 1u);
  EXPECT_EQ(r.fields, (std::vector<std::string>{"a", "b\nc", "d\"e"}));
  ASSERT_TRUE(reader.Next(r));
  EXPECT_EQ(r.line, 3u);
  EXPECT_FALSE(reader.Next(r));
  EXPECT_TRUE(reader.status().ok());
}

}  // namespace
}  // namespace dualwatch::io
