// Record reading: layouts, delimiters, quoting, streaming across blocks, and every bad-row case.
// Party names are real listed names (OFAC SDN 40477 Spacety, EU/UK-listed Russian companies).
#include "trade/trade.h"

#include <gtest/gtest.h>

#include "tests/test_util.h"

namespace dualwatch::trade {
namespace {

struct Read {
  std::vector<Shipment> rows;
  std::vector<Rejection> rejected;
  Status status;
  std::string mapping;
  char delimiter = 0;
};

Read ReadAll(const std::string& bytes, ReaderOptions options = {}) {
  Read out;
  auto reader = ShipmentReader::FromBytes("in.csv", bytes, options);
  if (!reader.ok()) {
    out.status = reader.status();
    return out;
  }
  out.mapping = reader->mapping().name;
  out.delimiter = reader->delimiter();
  Row row;
  while (reader->Next(row)) {
    if (row.ok) {
      out.rows.push_back(row.shipment);
    } else {
      out.rejected.push_back(row.rejection);
    }
  }
  out.status = reader->status();
  return out;
}

constexpr const char* kRussian =
    "\xEF\xBB\xBFНомер декларации;Дата декларации;Отправитель;Страна отправителя;Получатель;"
    "Страна получателя;Страна происхождения;Код ТН ВЭД;Описание товара;Товарный знак;"
    "Количество;Вес нетто, кг;Фактурная стоимость, USD\r\n"
    "10702070/210223/0012345;21.02.2023;Changsha Tianyi Space Science and Technology Research "
    "Institute Co. LTD;Китай;ООО «Радиотех»;Россия;Китай;8806221000;\"Квадрокоптер; с камерой\r\n"
    "и пультом\";DJI Mavic 3;50;45,5;1 234 567,89\r\n"
    "10702070/220223/0012346;22.02.2023;SZ DJI Technology Co., Ltd.;Гонконг;АО «Вектор»;RUS;"
    "CN;8542310000;Микросхемы;;1 000;2;12000";  // no newline at the end

TEST(ShipmentReader, ReadsTheRussianCustomsLayoutWithQuotesNewlinesAndDecimalCommas) {
  Read r = ReadAll(kRussian);
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  EXPECT_EQ(r.mapping, "ru_customs");
  EXPECT_EQ(r.delimiter, ';');
  ASSERT_EQ(r.rows.size(), 2u);
  EXPECT_TRUE(r.rejected.empty()) << r.rejected[0].reason;
  const Shipment& s = r.rows[0];
  EXPECT_EQ(s.record_id, "10702070/210223/0012345");
  EXPECT_EQ(s.line, 2u);
  EXPECT_EQ(s.date, "2023-02-21");
  EXPECT_EQ(s.exporter.country, "CN");
  EXPECT_EQ(s.importer.name, "ООО «Радиотех»");
  EXPECT_EQ(s.importer.country, "RU");
  EXPECT_EQ(s.description, "Квадрокоптер; с камерой\r\nи пультом");
  EXPECT_EQ(s.brand, "DJI Mavic 3");
  EXPECT_DOUBLE_EQ(*s.weight_kg, 45.5);
  EXPECT_DOUBLE_EQ(*s.value, 1234567.89);
  EXPECT_EQ(s.currency, "USD");   // from the header "Фактурная стоимость, USD"
  EXPECT_EQ(r.rows[1].line, 4u);  // the quoted newline moved it down a line
  EXPECT_EQ(r.rows[1].exporter.country, "HK");
  EXPECT_EQ(r.rows[1].importer.country, "RU");  // ISO-3
  EXPECT_DOUBLE_EQ(*r.rows[1].quantity, 1000);
}

TEST(ShipmentReader, GivesTheSameRowsWhateverTheBlockSize) {
  Read whole = ReadAll(kRussian);
  for (std::size_t block : {1, 2, 3, 7, 64}) {
    ReaderOptions o;
    o.block_bytes = block;
    // FromBytes hands over one block; a file is read in blocks, so write one.
    dualwatch::testing::TempDir dir;
    std::string path = dir.Write("ru.csv", kRussian);
    auto reader = ShipmentReader::Open(path, o);
    ASSERT_TRUE(reader.ok()) << reader.status().message();
    std::vector<Shipment> rows;
    Row row;
    while (reader->Next(row)) {
      ASSERT_TRUE(row.ok) << row.rejection.reason;
      rows.push_back(row.shipment);
    }
    ASSERT_EQ(rows.size(), whole.rows.size()) << "block " << block;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      EXPECT_EQ(rows[i].description, whole.rows[i].description) << "block " << block;
      EXPECT_EQ(rows[i].line, whole.rows[i].line) << "block " << block;
    }
    EXPECT_EQ(reader->sha256(), io::Sha256Hex(kRussian));
  }
}

TEST(ShipmentReader, DetectsTheUsBillOfLadingLayoutInTabSeparatedText) {
  Read r = ReadAll(
      "Bill of Lading Number\tArrival Date\tShipper\tConsignee\tNotify Party\tPort of Lading\t"
      "Port of Unlading\tCountry of Origin\tProduct Description\tHS Code\tWeight\tValue\n"
      "MEDUSZ123\t2023-03-01\tSZ DJI Technology Co., Ltd.\tACME LLC\tACME LLC\tYantian\t"
      "Long Beach\tChina\tUNMANNED AERIAL VEHICLE\t8806.22\t1,200.5\t$25,000.00\n");
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  EXPECT_EQ(r.mapping, "us_bol");
  EXPECT_EQ(r.delimiter, '\t');
  ASSERT_EQ(r.rows.size(), 1u) << (r.rejected.empty() ? "" : r.rejected[0].reason);
  EXPECT_EQ(r.rows[0].origin_country, "CN");
  EXPECT_EQ(r.rows[0].destination_country, "US");  // the layout's own destination
  EXPECT_DOUBLE_EQ(*r.rows[0].weight_kg, 1200.5);
  EXPECT_DOUBLE_EQ(*r.rows[0].value, 25000);
  EXPECT_EQ(r.rows[0].port_of_lading, "Yantian");
}

TEST(ShipmentReader, ReadsJsonLines) {
  Read r = ReadAll(
      "{\"record_id\": \"A1\", \"exporter_name\": \"SZ DJI Technology Co., Ltd.\", "
      "\"exporter_country\": \"CN\", \"importer_name\": \"AO Vektor\", \"importer_country\": "
      "\"Russia\", \"transit_countries\": [\"KZ\", \"Кыргызстан\"], \"hs_code\": 880622, "
      "\"description\": \"drone\", \"value\": 1000.5}\n"
      "not json\n"
      "{\"record_id\": \"A2\", \"importer_name\": \"X\", \"description\": \"tea\"}");
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  ASSERT_EQ(r.rows.size(), 2u);
  EXPECT_EQ(r.rows[0].transit_countries, (std::vector<std::string>{"KZ", "KG"}));
  EXPECT_EQ(r.rows[0].hs_code, "880622");
  EXPECT_DOUBLE_EQ(*r.rows[0].value, 1000.5);
  ASSERT_EQ(r.rejected.size(), 1u);
  EXPECT_EQ(r.rejected[0].line, 2u);
  EXPECT_EQ(r.rejected[0].reason, "not a JSON object");
}

TEST(ShipmentReader, RejectsBadRowsWithLineAndFieldAndKeepsTheGoodOnes) {
  Read r = ReadAll(
      "record_id,date,exporter_name,exporter_country,importer_name,importer_country,"
      "hs_code,description,value\n"
      "R1,2023-02-30,ABC,CN,DEF,RU,8471,laptops,10\n"
      "R2,2023-02-20,ABC,Atlantis,DEF,RU,8471,laptops,10\n"
      "R3,2023-02-20,ABC,CN,DEF,RU,8471,laptops,12abc\n"
      "R4,2023-02-20,ABC,CN,DEF,RU,8471,lap\xFFtops,10\n"
      "R5,2023-02-20,ABC,CN,DEF\n"
      "R6,2023-02-20,,CN,,RU,8471,laptops,10\n"
      "R7,2023-02-20,ABC,CN,DEF,RU,,,10\n"
      "R8,2023-02-20,ABC,CN,DEF,RU,8471,lap\x01tops,10\n"
      "R9,20.02.2023,ABC,CN,DEF,RU,8471,laptops,\"1 000,50\"\n");
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  ASSERT_EQ(r.rows.size(), 1u);
  EXPECT_EQ(r.rows[0].record_id, "R9");
  EXPECT_DOUBLE_EQ(*r.rows[0].value, 1000.5);
  std::vector<std::string> reasons;
  for (const Rejection& j : r.rejected) {
    reasons.push_back(std::to_string(j.line) + " " + j.record_id + " " + j.reason);
  }
  EXPECT_EQ(reasons, (std::vector<std::string>{
                         "2 R1 date: '2023-02-30' is not a valid date",
                         "3 R2 exporter_country: unknown country 'Atlantis'",
                         "4 R3 value: '12abc' is not an amount",
                         "5 R4 description: invalid UTF-8 at byte 3",
                         "6  expected 9 fields (as the header), found 5",
                         "7 R6 exporter_name: no party: exporter_name and importer_name are "
                         "both empty",
                         "8 R7 description: no goods: description and hs_code are both empty",
                         "9 R8 description: control character U+0001 at byte 3",
                     }));
}

TEST(ShipmentReader, MissingColumnsNameWhatIsMissingAndWhatIsThere) {
  Read r = ReadAll("id,shipper,weight\n1,ABC,10\n");
  ASSERT_FALSE(r.status.ok());
  EXPECT_EQ(r.status.message(),
            "in.csv:1: header: no column for goods (description or hs_code) in layout "
            "'canonical' (columns found: 'id', 'shipper', 'weight'; delimiter ','). Name the "
            "columns as one of the layouts in data/trade/mappings, or give --mapping FILE");
}

TEST(ShipmentReader, AWrongDelimiterShowsAsOneColumn) {
  Read r = ReadAll("record_id|exporter_name|description\n1|ABC|tea\n");
  ASSERT_FALSE(r.status.ok());
  EXPECT_NE(r.status.message().find("columns found: 'record_id|exporter_name|description'"),
            std::string::npos)
      << r.status.message();
}

TEST(ShipmentReader, RefusesBinaryInput) {
  std::string garbage("\x28\xB5\x2F\xFD\x00\x01\x02\xFF\xFE", 9);
  Read r = ReadAll(garbage + "\n" + garbage);
  ASSERT_FALSE(r.status.ok());
  EXPECT_EQ(r.status.message(),
            "in.csv:1: header: invalid UTF-8 at byte 1: not a text record "
            "file");
  EXPECT_EQ(ReadAll("").status.message(), "in.csv: empty file");
}

TEST(ShipmentReader, AnUnterminatedQuoteAtTheEndRejectsThatRecord) {
  Read r = ReadAll("exporter_name,description\nABC,tea\nDEF,\"never closed\n");
  ASSERT_TRUE(r.status.ok());
  EXPECT_EQ(r.rows.size(), 1u);
  ASSERT_EQ(r.rejected.size(), 1u);
  EXPECT_EQ(r.rejected[0].line, 3u);
  EXPECT_EQ(r.rejected[0].reason, "a quoted field is not closed before the end of the file");
}

TEST(ShipmentReader, StopsOnARecordLongerThanTheLimit) {
  ReaderOptions o;
  o.max_record_bytes = 100;
  Read r = ReadAll("exporter_name,description\nABC,tea\nDEF,\"" + std::string(500, 'x') + "\n", o);
  EXPECT_EQ(r.rows.size(), 1u);
  EXPECT_EQ(r.status.message(),
            "in.csv:3: record longer than 100 bytes (an unterminated quote?); stopped here");
}

TEST(Fields, ParseCountriesInIsoCodesEnglishAndRussian) {
  for (auto [text, code] : std::vector<std::pair<std::string, std::string>>{{"RU", "RU"},
                                                                            {"RUS", "RU"},
                                                                            {"Russia", "RU"},
                                                                            {"Россия", "RU"},
                                                                            {"Китай", "CN"},
                                                                            {"Гонконг", "HK"},
                                                                            {"Казахстан", "KZ"},
                                                                            {"США", "US"},
                                                                            {"ОАЭ", "AE"},
                                                                            {"Türkiye", "TR"},
                                                                            {"", ""}}) {
    auto c = ParseCountry(text);
    ASSERT_TRUE(c.ok()) << text;
    EXPECT_EQ(*c, code) << text;
  }
  EXPECT_EQ(ParseCountry("XK1").status().message(), "unknown country 'XK1'");
}

TEST(Fields, ParseDatesAndAmounts) {
  EXPECT_EQ(*ParseDate("21.02.2023"), "2023-02-21");
  EXPECT_EQ(*ParseDate("2024-02-29T10:00:00"), "2024-02-29");
  EXPECT_EQ(*ParseDate("20230221"), "2023-02-21");
  EXPECT_FALSE(ParseDate("2023-02-29").ok());
  EXPECT_FALSE(ParseDate("Feb 21").ok());
  EXPECT_DOUBLE_EQ(*ParseAmount("1 234 567,89"), 1234567.89);
  EXPECT_DOUBLE_EQ(*ParseAmount("1,234,567.89"), 1234567.89);
  EXPECT_DOUBLE_EQ(*ParseAmount("1.234.567,89"), 1234567.89);
  EXPECT_DOUBLE_EQ(*ParseAmount("1,234"), 1234);
  EXPECT_DOUBLE_EQ(*ParseAmount("1,234", DecimalMark::kComma), 1.234);
  EXPECT_DOUBLE_EQ(*ParseAmount("1.5", DecimalMark::kComma), 1.5);
  EXPECT_DOUBLE_EQ(*ParseAmount("12,5"), 12.5);
  EXPECT_DOUBLE_EQ(*ParseAmount("$25,000.00"), 25000);
  EXPECT_FALSE(ParseAmount("1,2,3.4.5").ok());
  EXPECT_FALSE(ParseAmount("abc").ok());
}

TEST(Mapping, UserMappingFilesAreCheckedLineByLine) {
  EXPECT_EQ(ParseMapping("m.tsv", "exporter\tShipper\n").status().message(),
            "m.tsv:1: exporter: unknown field (known: record_id, date, exporter_name, "
            "exporter_country, exporter_address, importer_name, importer_country, "
            "importer_address, notify_name, notify_country, notify_address, manufacturer, "
            "origin_country, dispatch_country, destination_country, transit_countries, hs_code, "
            "description, brand, quantity, unit, weight_kg, value, currency, "
            "declaration_number, port_of_lading, port_of_unlading, truth)");
  EXPECT_EQ(ParseMapping("m.tsv", "# x\n@decimal\tdot\n").status().message(),
            "m.tsv:2: @decimal: 'dot' is not comma, point or auto");
  auto m = ParseMapping("m.tsv", "exporter_name\tVersender\ndescription\tWarenbezeichnung\n");
  ASSERT_TRUE(m.ok());
  ReaderOptions o;
  o.mapping = &*m;
  Read r = ReadAll("Versender;Warenbezeichnung\nSZ DJI Technology Co., Ltd.;Drohne\n", o);
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  ASSERT_EQ(r.rows.size(), 1u);
  EXPECT_EQ(r.rows[0].exporter.name, "SZ DJI Technology Co., Ltd.");
}

TEST(Sample, SameSeedSameRowsAndEveryRowHasATruth) {
  SampleSources src;
  src.listed.push_back({{"CHANGSHA TIANYI SPACE SCIENCE AND TECHNOLOGY RESEARCH INSTITUTE CO. LTD",
                         "长沙天仪空间科技研究院有限公司"},
                        "CN",
                        "us_ofac_sdn-40477"});
  src.unlisted.push_back({{"Siemens"}, "DE", ""});
  src.goods.push_back({"DJI Mavic 3 Pro drone with RC controller", "", "lethal"});
  src.goods.push_back({"Plush toys", "9503.00", "none"});
  SampleOptions o;
  o.rows = 200;
  o.listed_share = 0.2;
  auto write = [&](std::uint64_t seed) {
    o.seed = seed;
    char* buf = nullptr;
    std::size_t size = 0;
    std::FILE* f = open_memstream(&buf, &size);
    EXPECT_TRUE(WriteSample(src, o, f).ok());
    std::fclose(f);
    std::string text(buf, size);
    std::free(buf);
    return text;
  };
  std::string a = write(7);
  EXPECT_EQ(a, write(7));
  EXPECT_NE(a, write(8));
  Read r = ReadAll(a);
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  EXPECT_EQ(r.rows.size(), 200u);
  std::size_t listed = 0;
  for (const Shipment& s : r.rows) {
    EXPECT_TRUE(s.truth == "clear" || s.truth.rfind("flag:", 0) == 0) << s.truth;
    listed += s.truth == "flag:listed_party us_ofac_sdn-40477";
  }
  EXPECT_GT(listed, 20u);
  EXPECT_LT(listed, 70u);
}

TEST(Sample, VariesListedNamesAsTradeDataDoes) {
  EXPECT_EQ(VaryName("LIMITED LIABILITY COMPANY VEKTOR", 2), "VEKTOR LLC");
  EXPECT_EQ(VaryName("LIMITED LIABILITY COMPANY VEKTOR", 8), "OOO VEKTOR");
  EXPECT_EQ(VaryName("Joint Stock Company «Radiozavod»", 3), "Joint Stock Company Radiozavod");
  EXPECT_EQ(VaryName("SZ DJI Technology Co., Ltd.", 1), "SZ DJI TECHNOLOGY CO., LTD.");
  EXPECT_NE(VaryName("Changsha Tianyi Space Science", 4), "Changsha Tianyi Space Science");
}

}  // namespace
}  // namespace dualwatch::trade
