// ShipmentReader: streams CSV or JSON-lines records into Shipments, one block at a time.
#include <fmt/format.h>

#include <array>
#include <cstring>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "trade/trade.h"

namespace dualwatch::trade {

using Values = std::array<std::string, kFieldCount>;

struct ShipmentReader::State {
  std::string name;
  ReaderOptions options;
  std::FILE* file = nullptr;
  std::string memory;  // FromBytes: the whole input, handed over as one block
  bool eof = false;
  std::string buffer;
  std::size_t pos = 0;   // next unread byte of buffer
  std::size_t line = 1;  // line number of buffer[pos]
  std::uint64_t bytes_read = 0, total_bytes = 0;
  io::Sha256 sha;
  std::string digest;
  Status status;
  bool done = false;

  InputFormat format = InputFormat::kCsv;
  char delimiter = ',';
  Mapping mapping;
  ColumnPlan plan;
  std::vector<std::string> header;
  std::unordered_map<std::string, std::optional<Field>> json_keys;  // JSON key → field
  std::vector<std::string> fields;                                  // scratch for one CSV record

  ~State() {
    if (file) std::fclose(file);
  }

  // Appends the next block to the buffer, dropping what has been consumed. False at the end.
  bool Fill() {
    if (eof) return false;
    if (pos > 0) {
      buffer.erase(0, pos);
      pos = 0;
    }
    std::size_t got = 0;
    if (file) {
      std::size_t old = buffer.size();
      buffer.resize(old + options.block_bytes);
      got = std::fread(buffer.data() + old, 1, options.block_bytes, file);
      buffer.resize(old + got);
      if (got > 0) sha.Update(std::string_view(buffer).substr(old));
      if (got < options.block_bytes) eof = true;
    } else {
      got = memory.size();
      buffer += memory;
      sha.Update(memory);
      memory.clear();
      eof = true;
    }
    bytes_read += got;
    return got > 0;
  }

  enum class Parse { kRecord, kEnd, kTooLong, kUnterminated };

  // Parses one CSV record at pos into `fields`; on kRecord, `end` is the byte after its newline.
  Parse ParseCsv(std::size_t& end, std::size_t& newlines) {
    while (true) {
      fields.clear();
      std::string field;
      bool quoted = false, field_start = true, was_quoted = false;
      newlines = 0;
      std::size_t i = pos;
      bool need_more = false;
      for (;; ++i) {
        if (i - pos > options.max_record_bytes) return Parse::kTooLong;
        if (i == buffer.size()) {
          if (!eof) {
            need_more = true;
            break;
          }
          if (quoted) return Parse::kUnterminated;
          if (i == pos) return Parse::kEnd;
          fields.push_back(std::move(field));
          end = i;
          return Parse::kRecord;
        }
        char c = buffer[i];
        if (quoted) {
          if (c == '"') {
            if (i + 1 == buffer.size() && !eof) {
              need_more = true;
              break;
            }
            if (i + 1 < buffer.size() && buffer[i + 1] == '"') {
              field.push_back('"');
              ++i;
            } else {
              quoted = false;
            }
          } else {
            if (c == '\n') ++newlines;
            field.push_back(c);
          }
        } else if (c == '"' && field_start) {
          quoted = was_quoted = true;
          field_start = false;
        } else if (c == delimiter) {
          fields.push_back(std::move(field));
          field.clear();
          field_start = true;
          was_quoted = false;
        } else if (c == '\n') {
          if (!was_quoted && !field.empty() && field.back() == '\r') field.pop_back();
          ++newlines;
          fields.push_back(std::move(field));
          end = i + 1;
          return Parse::kRecord;
        } else if (c == '\r' && was_quoted) {
          // CR of a CRLF after a closing quote
        } else {
          field.push_back(c);
          field_start = false;
        }
      }
      // The record runs past the buffer: read more (which moves it to the front), then parse
      // it again from its start.
      if (need_more) Fill();
    }
  }

  // One JSON line at pos; `end` is past its newline. kEnd at the end of input.
  Parse NextLine(std::string_view& text, std::size_t& end) {
    while (true) {
      std::size_t nl = buffer.find('\n', pos);
      if (nl != std::string::npos) {
        if (nl - pos > options.max_record_bytes) return Parse::kTooLong;
        text = std::string_view(buffer).substr(pos, nl - pos);
        end = nl + 1;
        return Parse::kRecord;
      }
      if (buffer.size() - pos > options.max_record_bytes) return Parse::kTooLong;
      if (eof) {
        if (pos == buffer.size()) return Parse::kEnd;
        text = std::string_view(buffer).substr(pos);
        end = buffer.size();
        return Parse::kRecord;
      }
      Fill();
    }
  }
};

namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

// "invalid UTF-8 at byte 3" or "control character U+0001 at byte 3"; empty when clean.
std::string TextProblem(std::string_view value) {
  if (std::size_t bad = io::FindInvalidUtf8(value); bad != std::string_view::npos) {
    return fmt::format("invalid UTF-8 at byte {}", bad);
  }
  for (std::size_t i = 0; i < value.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(value[i]);
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
      return fmt::format("control character U+{:04X} at byte {}", c, i);
    }
  }
  return {};
}

// Fills a Shipment from the raw values of one record; false with `reason` when a field is bad.
bool FillShipment(const ShipmentReader::State& st, Values& v, std::size_t line, Row& row) {
  Shipment& s = row.shipment;
  s = Shipment();
  s.line = line;
  auto fail = [&](Field f, const std::string& what) {
    row.ok = false;
    row.rejection = {line, s.record_id, fmt::format("{}: {}", FieldName(f), what)};
    return false;
  };
  auto get = [&](Field f) -> std::string& { return v[static_cast<std::size_t>(f)]; };
  s.record_id = get(Field::kRecordId);
  if (s.record_id.empty()) s.record_id = get(Field::kDeclarationNumber);
  if (s.record_id.empty()) s.record_id = fmt::format("line {}", line);
  for (std::size_t f = 0; f < kFieldCount; ++f) {
    if (std::string problem = TextProblem(v[f]); !problem.empty()) {
      return fail(static_cast<Field>(f), problem);
    }
  }
  auto country = [&](Field f, std::string& out) {
    auto code = ParseCountry(get(f));
    if (!code.ok()) return fail(f, code.status().message());
    out = std::move(*code);
    return true;
  };
  auto amount = [&](Field f, std::optional<double>& out) {
    if (get(f).empty()) return true;
    auto a = ParseAmount(get(f), st.mapping.decimal);
    if (!a.ok()) return fail(f, a.status().message());
    out = *a;
    return true;
  };
  if (!country(Field::kExporterCountry, s.exporter.country) ||
      !country(Field::kImporterCountry, s.importer.country) ||
      !country(Field::kNotifyCountry, s.notify.country) ||
      !country(Field::kOriginCountry, s.origin_country) ||
      !country(Field::kDispatchCountry, s.dispatch_country) ||
      !country(Field::kDestinationCountry, s.destination_country)) {
    return false;
  }
  std::string_view transit = get(Field::kTransitCountries);
  while (!transit.empty()) {
    std::size_t sep = transit.find_first_of(";|,");
    std::string_view one = Trim(transit.substr(0, sep));
    transit = sep == std::string_view::npos ? std::string_view() : transit.substr(sep + 1);
    if (one.empty()) continue;
    auto code = ParseCountry(one);
    if (!code.ok()) return fail(Field::kTransitCountries, code.status().message());
    s.transit_countries.push_back(std::move(*code));
  }
  auto date = ParseDate(get(Field::kDate));
  if (!date.ok()) return fail(Field::kDate, date.status().message());
  s.date = std::move(*date);
  if (!amount(Field::kQuantity, s.quantity) || !amount(Field::kWeightKg, s.weight_kg) ||
      !amount(Field::kValue, s.value)) {
    return false;
  }
  if (!get(Field::kCurrency).empty()) {
    s.currency = CurrencyIn(get(Field::kCurrency));
    if (s.currency.empty()) {
      const std::string& c = get(Field::kCurrency);
      bool code = c.size() == 3 && std::isupper(static_cast<unsigned char>(c[0])) &&
                  std::isupper(static_cast<unsigned char>(c[1])) &&
                  std::isupper(static_cast<unsigned char>(c[2]));
      if (!code) return fail(Field::kCurrency, fmt::format("unknown currency '{}'", c));
      s.currency = c;
    }
  } else if (s.value) {
    s.currency =
        !st.plan.value_currency.empty() ? st.plan.value_currency : st.mapping.default_currency;
  }
  if (s.destination_country.empty()) s.destination_country = st.mapping.default_destination;
  s.exporter.name = std::move(get(Field::kExporterName));
  s.exporter.address = std::move(get(Field::kExporterAddress));
  s.importer.name = std::move(get(Field::kImporterName));
  s.importer.address = std::move(get(Field::kImporterAddress));
  s.notify.name = std::move(get(Field::kNotifyName));
  s.notify.address = std::move(get(Field::kNotifyAddress));
  s.manufacturer = std::move(get(Field::kManufacturer));
  s.hs_code = std::move(get(Field::kHsCode));
  s.description = std::move(get(Field::kDescription));
  s.brand = std::move(get(Field::kBrand));
  s.unit = std::move(get(Field::kUnit));
  s.declaration_number = std::move(get(Field::kDeclarationNumber));
  s.port_of_lading = std::move(get(Field::kPortOfLading));
  s.port_of_unlading = std::move(get(Field::kPortOfUnlading));
  s.truth = std::move(get(Field::kTruth));
  if (s.exporter.name.empty() && s.importer.name.empty()) {
    return fail(Field::kExporterName, "no party: exporter_name and importer_name are both empty");
  }
  if (s.description.empty() && s.hs_code.empty()) {
    return fail(Field::kDescription, "no goods: description and hs_code are both empty");
  }
  row.ok = true;
  return true;
}

std::string ColumnList(const std::vector<std::string>& header) {
  std::string out;
  for (const std::string& h : header) out += (out.empty() ? "'" : ", '") + h + "'";
  return out.empty() ? "none" : out;
}

Status HeaderError(const ShipmentReader::State& st, const std::vector<std::string>& missing) {
  std::string what;
  for (const std::string& m : missing) what += (what.empty() ? "" : " and ") + m;
  return Status::Error(fmt::format(
      "{}:1: header: no column for {} in layout '{}' (columns found: {}; delimiter '{}'). "
      "Name the columns as one of the layouts in data/trade/mappings, or give --mapping FILE",
      st.name, what, st.mapping.name, ColumnList(st.header),
      st.delimiter == '\t' ? "\\t" : std::string(1, st.delimiter)));
}

char DetectDelimiter(std::string_view header_line) {
  std::size_t comma = 0, semicolon = 0, tab = 0;
  bool quoted = false;
  for (char c : header_line) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    comma += c == ',';
    semicolon += c == ';';
    tab += c == '\t';
  }
  if (tab >= comma && tab >= semicolon && tab > 0) return '\t';
  if (semicolon > comma) return ';';
  return ',';
}

Status ReadHeader(ShipmentReader::State& st) {
  // Enough input to hold the first line.
  while (st.Fill() && st.buffer.find('\n') == std::string::npos &&
         st.buffer.size() <= st.options.max_record_bytes) {
  }
  if (st.buffer.empty()) return Status::Error(fmt::format("{}: empty file", st.name));
  if (st.buffer.rfind("\xEF\xBB\xBF", 0) == 0) st.pos = 3;
  // Binary input: a NUL or invalid UTF-8 in the first line means this is not a record file.
  std::size_t first_nl = st.buffer.find('\n', st.pos);
  std::string_view first = std::string_view(st.buffer).substr(
      st.pos, first_nl == std::string::npos ? std::string::npos : first_nl - st.pos);
  if (first.size() > st.options.max_record_bytes) {
    return Status::Error(fmt::format("{}:1: header: longer than {} (not a record file?)", st.name,
                                     io::ByteSize(st.options.max_record_bytes)));
  }
  if (std::string problem = TextProblem(first); !problem.empty()) {
    return Status::Error(fmt::format("{}:1: header: {}: not a text record file", st.name, problem));
  }
  std::size_t lead = st.pos;
  while (lead < st.buffer.size() && std::isspace(static_cast<unsigned char>(st.buffer[lead]))) {
    ++lead;
  }
  if (st.options.format == InputFormat::kJsonLines ||
      (st.options.format == InputFormat::kAuto && lead < st.buffer.size() &&
       st.buffer[lead] == '{')) {
    st.format = InputFormat::kJsonLines;
    st.delimiter = 0;
    // The layout comes from the first object's keys.
    auto json = nlohmann::json::parse(first, nullptr, false);
    if (json.is_discarded() || !json.is_object()) {
      return Status::Error(fmt::format("{}:1: not a JSON object", st.name));
    }
    for (auto& [key, value] : json.items()) st.header.push_back(key);
    ColumnPlan plan;
    st.mapping = st.options.mapping ? *st.options.mapping : DetectMapping(st.header, &plan);
    st.plan = PlanColumns(st.mapping, st.header);
    if (auto missing = MissingRequired(st.plan); !missing.empty()) {
      return HeaderError(st, missing);
    }
    return Status();
  }
  st.format = InputFormat::kCsv;
  st.delimiter = DetectDelimiter(first);
  std::size_t end = 0, newlines = 0;
  if (st.ParseCsv(end, newlines) != ShipmentReader::State::Parse::kRecord) {
    return Status::Error(fmt::format("{}:1: header: unreadable", st.name));
  }
  st.header = st.fields;
  for (std::string& h : st.header) h = std::string(Trim(h));
  st.pos = end;
  st.line += newlines;
  st.mapping = st.options.mapping ? *st.options.mapping : DetectMapping(st.header);
  st.plan = PlanColumns(st.mapping, st.header);
  if (auto missing = MissingRequired(st.plan); !missing.empty()) return HeaderError(st, missing);
  return Status();
}

bool NextCsv(ShipmentReader::State& st, Row& row) {
  using Parse = ShipmentReader::State::Parse;
  while (true) {
    std::size_t end = 0, newlines = 0;
    std::size_t line = st.line;
    Parse p = st.ParseCsv(end, newlines);
    if (p == Parse::kEnd) return false;
    if (p == Parse::kTooLong) {
      st.status = Status::Error(
          fmt::format("{}:{}: record longer than {} (an unterminated quote?); stopped here",
                      st.name, line, io::ByteSize(st.options.max_record_bytes)));
      return false;
    }
    if (p == Parse::kUnterminated) {
      row.ok = false;
      row.rejection = {line, "", "a quoted field is not closed before the end of the file"};
      st.pos = st.buffer.size();
      st.done = true;
      return true;
    }
    st.pos = end;
    st.line += newlines;
    if (st.fields.size() == 1 && Trim(st.fields[0]).empty()) continue;  // blank line
    std::size_t n = st.fields.size();
    // Trailing empty fields beyond the header are tolerated (spreadsheet exports add them).
    while (n > st.header.size() && st.fields[n - 1].empty()) --n;
    if (n != st.header.size()) {
      row.ok = false;
      row.rejection = {line, "",
                       fmt::format("expected {} fields (as the header), found {}", st.header.size(),
                                   st.fields.size())};
      return true;
    }
    Values values;
    for (std::size_t c = 0; c < n; ++c) {
      if (auto f = st.plan.columns[c]) {
        values[static_cast<std::size_t>(*f)] = std::string(Trim(st.fields[c]));
      }
    }
    FillShipment(st, values, line, row);
    return true;
  }
}

bool NextJson(ShipmentReader::State& st, Row& row) {
  using Parse = ShipmentReader::State::Parse;
  while (true) {
    std::string_view text;
    std::size_t end = 0;
    std::size_t line = st.line;
    Parse p = st.NextLine(text, end);
    if (p == Parse::kEnd) return false;
    if (p == Parse::kTooLong) {
      st.status = Status::Error(fmt::format("{}:{}: line longer than {}; stopped here", st.name,
                                            line, io::ByteSize(st.options.max_record_bytes)));
      return false;
    }
    st.pos = end;
    ++st.line;
    if (Trim(text).empty()) continue;
    if (std::string problem = TextProblem(text); !problem.empty()) {
      row.ok = false;
      row.rejection = {line, "", problem};
      return true;
    }
    auto json = nlohmann::json::parse(text, nullptr, false);
    if (json.is_discarded() || !json.is_object()) {
      row.ok = false;
      row.rejection = {line, "", "not a JSON object"};
      return true;
    }
    Values values;
    for (auto& [key, value] : json.items()) {
      auto it = st.json_keys.find(key);
      if (it == st.json_keys.end()) {
        ColumnPlan plan = PlanColumns(st.mapping, {key});
        it = st.json_keys.emplace(key, plan.columns[0]).first;
      }
      if (!it->second) continue;
      std::string& out = values[static_cast<std::size_t>(*it->second)];
      if (value.is_string()) {
        out = std::string(Trim(value.get_ref<const std::string&>()));
      } else if (value.is_number() || value.is_boolean()) {
        out = value.dump();
      } else if (value.is_array()) {
        for (const auto& item : value) {
          if (!out.empty()) out += ";";
          out += item.is_string() ? item.get<std::string>() : item.dump();
        }
      } else if (!value.is_null()) {
        row.ok = false;
        row.rejection = {line, "", fmt::format("{}: an object where a value was expected", key)};
        return true;
      }
    }
    FillShipment(st, values, line, row);
    return true;
  }
}

}  // namespace

ShipmentReader::ShipmentReader(std::unique_ptr<State> state) : state_(std::move(state)) {}
ShipmentReader::ShipmentReader(ShipmentReader&&) noexcept = default;
ShipmentReader& ShipmentReader::operator=(ShipmentReader&&) noexcept = default;
ShipmentReader::~ShipmentReader() = default;

Result<ShipmentReader> ShipmentReader::Open(const std::string& path, const ReaderOptions& options) {
  auto st = std::make_unique<State>();
  st->name = path;
  st->options = options;
  st->file = std::fopen(path.c_str(), "rb");
  if (!st->file) {
    return Status::Error(fmt::format("{}: cannot open: {}", path, std::strerror(errno)));
  }
  if (std::fseek(st->file, 0, SEEK_END) == 0) {
    long size = std::ftell(st->file);
    st->total_bytes = size > 0 ? static_cast<std::uint64_t>(size) : 0;
    std::fseek(st->file, 0, SEEK_SET);
  }
  if (Status s = ReadHeader(*st); !s.ok()) return s;
  return ShipmentReader(std::move(st));
}

Result<ShipmentReader> ShipmentReader::FromBytes(std::string name, std::string bytes,
                                                 const ReaderOptions& options) {
  auto st = std::make_unique<State>();
  st->name = std::move(name);
  st->options = options;
  st->total_bytes = bytes.size();
  st->memory = std::move(bytes);
  if (Status s = ReadHeader(*st); !s.ok()) return s;
  return ShipmentReader(std::move(st));
}

bool ShipmentReader::Next(Row& row) {
  State& st = *state_;
  if (st.done || !st.status.ok()) return false;
  bool got = st.format == InputFormat::kJsonLines ? NextJson(st, row) : NextCsv(st, row);
  if (!got) st.done = true;
  return got;
}

const Status& ShipmentReader::status() const { return state_->status; }
const std::string& ShipmentReader::name() const { return state_->name; }
const Mapping& ShipmentReader::mapping() const { return state_->mapping; }
char ShipmentReader::delimiter() const { return state_->delimiter; }
InputFormat ShipmentReader::format() const { return state_->format; }
std::uint64_t ShipmentReader::bytes_read() const { return state_->bytes_read; }
std::uint64_t ShipmentReader::total_bytes() const { return state_->total_bytes; }

std::string ShipmentReader::sha256() {
  State& st = *state_;
  if (st.digest.empty() && st.done) {
    while (st.Fill()) st.pos = st.buffer.size();  // hash whatever was not parsed
    st.digest = st.sha.Hex();
  }
  return st.digest;
}

}  // namespace dualwatch::trade
