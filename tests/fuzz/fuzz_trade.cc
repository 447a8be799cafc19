// libFuzzer target for shipment records: any bytes as a CSV or JSON-lines file, read in tiny
// blocks. Never a crash or a sanitizer report; every row comes out as a Shipment or as a
// rejection with a line inside the input; the same rows come out whatever the block size.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "risk/risk.h"
#include "trade/trade.h"

namespace {

using dualwatch::trade::ReaderOptions;
using dualwatch::trade::Row;
using dualwatch::trade::ShipmentReader;

// Rows as "line:ok|reason" strings, or "" when the header was refused.
std::string ReadAll(const std::string& bytes, std::size_t block) {
  ReaderOptions o;
  o.block_bytes = block;
  o.max_record_bytes = 4096;
  auto reader = ShipmentReader::FromBytes("fuzz.csv", bytes, o);
  if (!reader.ok()) return "";
  std::string out;
  Row row;
  std::size_t lines = 1;
  for (char c : bytes) lines += c == '\n';
  while (reader->Next(row)) {
    std::size_t line = row.ok ? row.shipment.line : row.rejection.line;
    if (line == 0 || line > lines) std::abort();
    if (row.ok) {
      dualwatch::risk::AssessRoute(row.shipment);
      out += std::to_string(line) + ":ok\n";
    } else {
      if (row.rejection.reason.empty()) std::abort();
      out += std::to_string(line) + ":" + row.rejection.reason + "\n";
    }
  }
  return out + reader->status().message();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  // FromBytes hands the input over as one block; the block size matters for files only, so
  // this checks the parser against itself on two framings of the same text.
  std::string a = ReadAll(bytes, 1 << 20);
  std::string b = ReadAll(bytes, 3);
  if (a != b) std::abort();
  return 0;
}
