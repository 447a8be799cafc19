// dualwatch::trade — shipment, customs and bill-of-lading records as one canonical Shipment.
//
// What it offers:
//   * Shipment: the fields a screen needs, whatever layout the record came in.
//   * Mapping: which input column (or JSON key) fills which Shipment field. Layouts are data
//     files (data/trade/mappings/*.tsv, embedded in the binary): the canonical layout, a Russian
//     customs-declaration layout and a US bill-of-lading layout. DetectMapping() picks the one
//     whose header names cover the most columns; LoadMapping() reads a user's file (--mapping).
//   * ShipmentReader: streams records from CSV (RFC 4180: quotes, doubled quotes, newlines in
//     quotes, CRLF, BOM; ',' ';' or tab, detected from the header) or JSON lines. It holds one
//     block of input at a time, so memory does not grow with the file. Every row comes out
//     either as a Shipment or as a rejection that names the file, line and field.
//   * Field parsers (countries in ISO-2, ISO-3, English or Russian; dates in ISO or dd.mm.yyyy;
//     amounts with '.' or ',' decimals and spaces as thousands separators), usable on their own.
//
// Thread safety: a ShipmentReader is used by one thread; Mappings are immutable values.
#ifndef DUALWATCH_TRADE_TRADE_H_
#define DUALWATCH_TRADE_TRADE_H_

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/io.h"

namespace dualwatch::trade {

using io::Result;
using io::Status;

// Every field a record can fill. The names (FieldName) are the canonical layout's headers.
enum class Field : unsigned char {
  kRecordId,
  kDate,
  kExporterName,
  kExporterCountry,
  kExporterAddress,
  kImporterName,
  kImporterCountry,
  kImporterAddress,
  kNotifyName,
  kNotifyCountry,
  kNotifyAddress,
  kManufacturer,
  kOriginCountry,
  kDispatchCountry,
  kDestinationCountry,
  kTransitCountries,  // several, separated by ';', '|' or ','
  kHsCode,
  kDescription,
  kBrand,
  kQuantity,
  kUnit,
  kWeightKg,
  kValue,
  kCurrency,
  kDeclarationNumber,
  kPortOfLading,
  kPortOfUnlading,
  kTruth,  // ground truth of generated samples ("flag" / "clear"), carried through, never used
  kCount   // not a field
};
inline constexpr std::size_t kFieldCount = static_cast<std::size_t>(Field::kCount);
std::string_view FieldName(Field field);  // "exporter_name", ...
std::optional<Field> FieldFromName(std::string_view name);

struct Party {
  std::string name;
  std::string country;  // ISO alpha-2, or empty
  std::string address;
  bool empty() const { return name.empty(); }
};

struct Shipment {
  std::string record_id;  // from the record, else "line N"
  std::size_t line = 0;   // first line of the record in the input (1-based; JSONL: the line)
  std::string date;       // ISO yyyy-mm-dd, or empty
  Party exporter;         // shipper, sender (Отправитель / Экспортер)
  Party importer;         // consignee, receiver (Получатель / Импортер)
  Party notify;
  std::string manufacturer;
  std::string origin_country;       // ISO alpha-2: where the goods were made
  std::string dispatch_country;     // where they were shipped from
  std::string destination_country;  // where they are going
  std::vector<std::string> transit_countries;
  std::string hs_code;  // as written (the goods classifier parses it)
  std::string description;
  std::string brand;  // brand, trademark or model (Товарный знак)
  std::optional<double> quantity;
  std::string unit;
  std::optional<double> weight_kg;
  std::optional<double> value;
  std::string currency;  // ISO 4217, upper case, or empty
  std::string declaration_number;
  std::string port_of_lading, port_of_unlading;
  std::string truth;  // kTruth, as written
};

// How amounts are written in a layout.
enum class DecimalMark { kAuto, kPoint, kComma };

// Which column fills which field, for one layout.
struct Mapping {
  std::string name;         // "canonical", "ru_customs", "us_bol", or the file's stem
  std::string description;  // one line
  // For each field, the header names that fill it (already normalised by NormalizeHeader).
  std::vector<std::vector<std::string>> headers =
      std::vector<std::vector<std::string>>(kFieldCount);
  DecimalMark decimal = DecimalMark::kAuto;
  std::string default_currency;     // when neither a currency column nor the value header says
  std::string default_destination;  // ISO alpha-2, when no column says (US import manifests)
};

// The built-in layouts, from data/trade/mappings.
const std::vector<Mapping>& BuiltinMappings();

// Reads a mapping file (the format of data/trade/mappings/*.tsv, see its README). Errors name
// the file and line.
Result<Mapping> LoadMapping(const std::string& path);
Result<Mapping> ParseMapping(std::string_view name, std::string_view text);

// Lower case, letters and digits only, single spaces: "Вес нетто, кг" → "вес нетто кг".
std::string NormalizeHeader(std::string_view header);

// A header resolved against a mapping: for each column, the field it fills (or none), and a
// currency found in the value column's header ("Стоимость, USD").
struct ColumnPlan {
  std::vector<std::optional<Field>> columns;
  std::string value_currency;
  std::size_t mapped = 0;  // columns that fill a field
};
ColumnPlan PlanColumns(const Mapping& mapping, const std::vector<std::string>& header);

// The built-in mapping that covers the most columns of `header`; ties go to the first.
const Mapping& DetectMapping(const std::vector<std::string>& header, ColumnPlan* plan = nullptr);

// Missing required fields, by name, for an error message; empty when the plan is usable. A
// record needs a party (exporter or importer name) and goods (description or HS code).
std::vector<std::string> MissingRequired(const ColumnPlan& plan);

// Field parsers. Each returns an error message without the file/line prefix ("unknown country
// 'Atlantis'"); the reader adds where.
Result<std::string> ParseCountry(std::string_view text);  // "" for empty input
Result<std::string> ParseDate(std::string_view text);     // ISO yyyy-mm-dd; "" for empty
Result<double> ParseAmount(std::string_view text, DecimalMark mark = DecimalMark::kAuto);
// A CSV field as RFC 4180 writes it: quoted (quotes doubled) when it holds a comma, quote or
// line break.
std::string CsvQuote(std::string_view field);

// ISO 4217 code in a header or value: "USD", "долл. США" → "USD"; empty when none is named.
std::string CurrencyIn(std::string_view text);

enum class InputFormat { kAuto, kCsv, kJsonLines };

struct ReaderOptions {
  InputFormat format = InputFormat::kAuto;  // auto: JSON lines when the first byte is '{'
  const Mapping* mapping = nullptr;         // null: DetectMapping from the header
  // Longest record accepted (default 1 MiB). A longer one, usually an unterminated quote, ends
  // the read with an error naming its line: nothing after it can be trusted to be a record.
  std::size_t max_record_bytes = std::size_t{1} << 20;
  std::size_t block_bytes = std::size_t{4} << 20;  // read size (default 4 MiB)
};

// One row that could not be read as a Shipment.
struct Rejection {
  std::size_t line = 0;
  std::string record_id;  // when the row had one
  std::string reason;     // "importer_country: unknown country 'Atlantis'"
};

// One row of input: either a Shipment or a Rejection.
struct Row {
  bool ok = false;
  Shipment shipment;
  Rejection rejection;
};

class ShipmentReader {
 public:
  // Opens the file and reads its header. Fails on a missing or empty file, a header whose
  // columns cover no usable layout (the message lists what is missing and what is there), or
  // a file that is not text.
  static Result<ShipmentReader> Open(const std::string& path, const ReaderOptions& options = {});
  // Same over bytes in memory (tests, fuzzing); `name` is used in messages.
  static Result<ShipmentReader> FromBytes(std::string name, std::string bytes,
                                          const ReaderOptions& options = {});
  ShipmentReader(ShipmentReader&&) noexcept;
  ShipmentReader& operator=(ShipmentReader&&) noexcept;
  ~ShipmentReader();

  // Reads the next row. Returns false at the end of input or on a fatal error (status()).
  bool Next(Row& row);
  const Status& status() const;

  const std::string& name() const;
  const Mapping& mapping() const;  // the layout in use
  char delimiter() const;          // 0 for JSON lines
  InputFormat format() const;
  std::uint64_t bytes_read() const;
  std::uint64_t total_bytes() const;  // file size, 0 when unknown
  // SHA-256 of every byte read so far; complete once Next() has returned false without error.
  std::string sha256();

  struct State;

 private:
  explicit ShipmentReader(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

// --- Sample data: `dualwatch sample` -------------------------------------------------------
//
// Realistic records built from real pieces, for the demo and the benchmarks: real listed names
// with the spelling variation trade data shows, real unlisted companies, real goods lines, and
// routes from China, Hong Kong, Turkey, the UAE and Central Asia to Russia among ordinary world
// trade. Each row carries `truth`: "flag:<why>" when a perfect screen raises an alert of medium
// severity or above (a listed party; controlled goods to a sanctioned destination or a hub),
// else "clear". Output is the canonical layout, identical for the same sources, rows and seed.

struct SampleParty {
  std::vector<std::string> names;  // names[0] the primary; others in original script
  std::string country;             // ISO alpha-2
  std::string entity_id;           // listed entity, empty for an unlisted company
};

struct SampleGoods {
  std::string description;  // may be empty (HS code alone)
  std::string hs;           // may be empty
  std::string goods_class;  // "lethal", "dual_use" or "none": the label, not our classifier's
};

struct SampleSources {
  std::vector<SampleParty> listed;
  std::vector<SampleParty> unlisted;
  std::vector<SampleGoods> goods;
};

struct SampleOptions {
  std::size_t rows = 10000;
  std::uint64_t seed = 1;
  double listed_share = 0.03;  // rows with a listed party (default 3%)
  double risky_share = 0.35;   // rows on a route to Russia, Belarus or a hub (default 35%)
};

// Writes the header and `rows` records to `out` (a FILE opened for writing).
Status WriteSample(const SampleSources& sources, const SampleOptions& options, std::FILE* out);

// A listed name as a clerk might write it: legal form moved or translated, punctuation dropped,
// case changed, or two letters swapped in the longest word. `r` is a random number.
std::string VaryName(std::string_view name, std::uint64_t r);

}  // namespace dualwatch::trade

#endif  // DUALWATCH_TRADE_TRADE_H_
