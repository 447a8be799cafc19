// Private to lists/: the per-format parsers and the helpers they share.
#ifndef DUALWATCH_LISTS_PARSERS_H_
#define DUALWATCH_LISTS_PARSERS_H_

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "io/io.h"
#include "lists/lists.h"

namespace dualwatch::lists::internal {

// Reads a sibling file of the main input (OFAC add/alt/comments) by base name; returns nullopt
// in `found` when there is none.
using SiblingReader = std::function<Result<io::Input>(std::string_view base, bool& found)>;

Status ParseOfacCsv(const io::Input& input, const SiblingReader& siblings, ParsedList& out);
Status ParseUsCsl(const io::Input& input, ParsedList& out);
Status ParseBisDpl(const io::Input& input, ParsedList& out);
Status ParseBisMieu(const io::Input& input, ParsedList& out);
Status ParseDod1260h(const io::Input& input, ParsedList& out);
Status ParseFccCovered(const io::Input& input, ParsedList& out);
Status ParseEuFsf(const io::Input& input, ParsedList& out);
Status ParseEuJournal(const io::Input& input, ParsedList& out);
Status ParseUkList(const io::Input& input, ParsedList& out);
Status ParseUnXml(const io::Input& input, ParsedList& out);
Status ParseFtm(const io::Input& input, ParsedList& out);
Status ParseCaSema(const io::Input& input, ParsedList& out);
Status ParseNzRussia(const io::Input& input, ParsedList& out);

// Parsed OFAC remarks, split into structure. Unrecognised parts stay in `remarks`.
void ApplyOfacRemarks(std::string_view remarks, Entity& entity);

// Names the field that contains byte `offset` of `text` ("Remarks (column 12)", "<INDIVIDUAL>",
// "name_aliases"), for messages about bytes that could not be read.
std::string FieldAt(Format format, std::string_view text, std::size_t offset);

// "name:line: field: message".
Status FieldError(std::string_view name, std::size_t line, std::string_view field,
                  std::string_view message);

// A CSV file with a header line: column lookup by name, checked once.
class HeaderCsv {
 public:
  HeaderCsv(const io::Input& input, char delimiter = ',');
  // Fails unless every column in `required` is in the header.
  Status Require(const std::vector<std::string_view>& required);
  // Next data row; false at end or error (see status()). Rows whose field count differs from
  // the header's fail with the line and the count.
  bool Next();
  std::string_view Get(std::string_view column) const;  // "" when absent
  std::size_t line() const { return record_.line; }
  const Status& status() const { return status_; }
  const std::vector<std::string>& header() const { return header_; }

 private:
  const io::Input& input_;
  io::CsvReader reader_;
  io::CsvRecord record_;
  std::vector<std::string> header_;
  std::unordered_map<std::string, std::size_t> index_;
  Status status_;
};

// Dates as lists write them → ISO ("1962", "1962-02", "1962-02-24"); "" when not a date.
// Accepts "24 Feb 2022", "Feb 2022", "1962", "circa 1962", "2012-12-31", "25.6.2024",
// "06/19/2003" (US month first), "March 12, 2021", "2012-12-31T00:00:00".
std::string IsoDate(std::string_view text);

// Country text → ISO code, or "" (unknown countries are kept out of `countries`).
std::string CountryOf(std::string_view text);

// Splits on `separator`, trimming each part and dropping empty parts.
std::vector<std::string> SplitList(std::string_view text, std::string_view separator);

std::string Trim(std::string_view text);

// A source id for lists that publish none: 16 hex digits of SHA-256 over the fields that
// identify a row, so the id stays the same while those fields do.
std::string DerivedId(std::string_view key);

// Counts a record that did not become an entity, with the reason.
void CountSkipped(ParsedList& out, std::string_view reason);

// Identifier type from a list's label ("Registration Number", "Tax ID No.", "INN", "IMO" ...).
std::string IdentifierType(std::string_view label);

}  // namespace dualwatch::lists::internal

#endif  // DUALWATCH_LISTS_PARSERS_H_
