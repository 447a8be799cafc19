// dualwatch::lists — every supported sanctions / export-control list, parsed into one model.
//
// The model follows FollowTheMoney (FtM), the schema OpenSanctions uses, so that our JSON looks
// like theirs: an Entity has a stable id `<dataset>-<source id>` (OFAC SDN ent_num 40477 →
// "us_ofac_sdn-40477"), a schema, names of several kinds, addresses, countries (ISO 3166-1
// alpha-2), identifiers, birth dates (full or partial ISO dates), programmes, a listing date,
// remarks and links to other entities.
//
// Entry points:
//   * DetectFormat(): which format a text is, from its content alone.
//   * ParseListFile(): one list file (plain or zstd) → ParsedList. OFAC's legacy CSV sets are
//     read together: give `sdn.csv` (or `cons_prim.csv`) and its siblings add/alt/comments are
//     read from the same folder, plain or `.zst`.
//   * ParseListText(): the same from an in-memory text (tests, fuzzing).
//   * ToFtmJson(): an entity as an FtM JSON object (`id`, `schema`, `caption`, `properties`,
//     `datasets`).
//   * DiffEntities(): what changed between two versions of a list.
//
// Every parse error is a Status whose message names the file, the line (or byte offset) and the
// field: `sdn.csv:1207: remarks: invalid UTF-8 at byte 40`. A file either parses whole or not at
// all: there are no partial results.
//
// Thread safety: all functions are reentrant; Entities are plain values.
#ifndef DUALWATCH_LISTS_LISTS_H_
#define DUALWATCH_LISTS_LISTS_H_

#include <cstddef>
#include <map>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/io.h"

namespace dualwatch::lists {

using io::Result;
using io::Status;

// FtM schemata of the parties we screen. LegalEntity is used when a list does not say whether
// an entity is a company or another organisation.
enum class Schema : unsigned char {
  kPerson,
  kCompany,
  kOrganization,
  kLegalEntity,
  kVessel,
  kAircraft
};
std::string_view SchemaName(Schema schema);  // "Person", "Company", ...
std::optional<Schema> SchemaFromName(std::string_view name);

// How a name relates to the entity. Matching weighs weak aliases less and uses original-script
// names for cross-script queries.
enum class NameKind : unsigned char { kPrimary, kAlias, kWeakAlias, kFormer, kOriginalScript };
std::string_view NameKindName(NameKind kind);  // "primary", "alias", "weak_alias", ...
std::optional<NameKind> NameKindFromName(std::string_view name);

struct Name {
  std::string value;
  NameKind kind = NameKind::kPrimary;
  std::string lang;    // ISO 639 language where the list says ("ru", "zh"); else empty
  std::string script;  // ISO 15924 script detected from the text ("Latn", "Cyrl", "Hani")
  bool operator==(const Name&) const = default;
};

struct Address {
  std::string full;  // the address as one line
  std::string city;
  std::string country;  // ISO alpha-2 or empty
  bool operator==(const Address&) const = default;
};

// An identifier. `type` is an FtM-like property name: registrationNumber, taxNumber, innCode,
// ogrnCode, uscc, leiCode, imoNumber, mmsi, swiftBic, passportNumber, idNumber, email, website,
// phone, callSign, other...
struct Identifier {
  std::string type;
  std::string value;
  std::string country;  // issuing country, ISO alpha-2 or empty
  std::string note;     // the list's own label when it says more than `type` does
  bool operator==(const Identifier&) const = default;
};

// A relation to another entity: by id when the list resolves it, else by name.
struct Link {
  std::string relation;   // "linked_to", "parent", "owner", "associate", ...
  std::string target_id;  // our id, when known
  std::string target_name;
  bool operator==(const Link&) const = default;
};

struct Entity {
  std::string id;         // "<dataset>-<source id>"
  std::string dataset;    // "us_ofac_sdn", "eu_fsf", ...
  std::string source_id;  // the list's own identifier
  Schema schema = Schema::kLegalEntity;
  std::vector<Name> names;  // names[0] is the primary name (the caption)
  std::vector<Address> addresses;
  std::vector<std::string> countries;      // ISO alpha-2: residence, jurisdiction, addresses
  std::vector<std::string> nationalities;  // ISO alpha-2
  std::vector<std::string> citizenships;   // ISO alpha-2
  std::vector<Identifier> identifiers;
  std::vector<std::string> birth_dates;  // "1971", "1971-05", "1971-05-03"
  std::vector<std::string> birth_places;
  std::string gender;                 // "male", "female" or empty
  std::vector<std::string> programs;  // "RUSSIA-EO14024", "EU-RUS IV", ...
  std::vector<std::string> topics;    // secondary-sanctions and similar tags
  std::string listing_date;           // ISO date, may be partial
  std::vector<std::string> remarks;
  std::vector<Link> links;
  std::vector<std::string> referents;  // other lists' ids for the same entity (OpenSanctions)
  std::vector<std::string> source_urls;
  std::map<std::string, std::string> extra;  // list-specific fields (title, vessel type, ...)

  const std::string& caption() const;
  bool operator==(const Entity&) const = default;

  // Adds a name unless an identical (value, kind) is already there; fills `script`.
  void AddName(std::string value, NameKind kind, std::string lang = "");
  // Adds an ISO code to a country vector unless present; ignores empty codes.
  static void AddCode(std::vector<std::string>& codes, std::string code);
  void AddIdentifier(Identifier identifier);
};

// The formats we read. Each names one real-world publication layout.
enum class Format {
  kOfacCsv,        // OFAC legacy sdn.csv / cons_prim.csv (+ add, alt, comments)
  kUsCsl,          // trade.gov Consolidated Screening List CSV
  kBisDpl,         // BIS Denied Persons List, tab-separated
  kBisMieu,        // BIS Military-Intelligence End User list (CSV)
  kDod1260h,       // DoD Section 1260H Chinese military companies (CSV)
  kFccCovered,     // FCC Covered List (CSV)
  kEuFsfJsonl,     // EU Financial Sanctions Files, one record per JSON line
  kEuJournalCsv,   // EU Official Journal annex tables (Regulations 269/2014, 833/2014)
  kUkJsonl,        // UK Sanctions List, one designation per JSON line
  kUnXml,          // UN Security Council consolidated list XML
  kFtmJson,        // FollowTheMoney entities, one per JSON line
  kCaSemaJsonl,    // Canada SEMA consolidated autonomous sanctions
  kNzRussiaJsonl,  // New Zealand Russia Sanctions Register
};
std::string_view FormatName(Format format);  // "ofac_csv", "us_csl", ...
std::optional<Format> FormatFromName(std::string_view name);
std::vector<Format> AllFormats();

// Detects the format of `text` (the decompressed content of `name`). Fails with a message that
// lists the known formats when nothing fits.
Result<Format> DetectFormat(std::string_view name, std::string_view text);

// Records read from a file and what became of each, so counts always reconcile:
//   records + extra == entities + skipped + merged.
struct ParseCounts {
  std::size_t records = 0;   // records (rows, lines, elements) in the main file
  std::size_t entities = 0;  // entities produced
  std::size_t extra = 0;     // further entities from records naming several parties
  std::size_t merged = 0;    // records folded into an earlier record with the same id
  std::size_t skipped = 0;   // records that are not live parties (FtM Sanction, delisted, ...)
  std::map<std::string, std::size_t> skipped_by_reason;
  // Rows of companion files (OFAC add/alt/comments) whose parent record is not in the main
  // file, by companion file name. Reported, never attached to anything.
  std::map<std::string, std::size_t> unattached;
};

// The version of what the parsers read from a file. Bump it when a parser change makes one
// file give other entities or names: a workspace then reads its lists again (store::Workspace).
inline constexpr int kParserVersion = 1;

struct ParsedList {
  std::string dataset;
  Format format = Format::kOfacCsv;
  std::string published;           // publication date where the file says, ISO
  std::vector<std::string> files;  // every file read (main file first)
  std::string sha256;              // of the main file's bytes on disk, siblings folded in
  std::vector<Entity> entities;    // sorted by id, ids unique
  ParseCounts counts;
};

struct ParseOptions {
  std::optional<Format> format;  // overrides detection when set
  io::InputLimits limits;        // line and size limits for reading
  bool read_siblings = true;     // OFAC: read add/alt/comments beside the main file
};

Result<ParsedList> ParseListFile(const std::string& path, const ParseOptions& options = {});
// Parses several files on up to `threads` threads (0: all cores). Fails with the first error in
// argument order; results keep argument order.
Result<std::vector<ParsedList>> ParseListFiles(const std::vector<std::string>& paths,
                                               const ParseOptions& options = {},
                                               unsigned threads = 0);
Result<ParsedList> ParseListText(std::string_view name, std::string_view bytes,
                                 const ParseOptions& options = {});

// FtM-style JSON of an entity, as OpenSanctions publishes it.
nlohmann::json ToFtmJson(const Entity& entity);

// Lossless JSON of our model (the workspace stores this) and back.
std::string EntityToStoredJson(const Entity& entity);
Result<Entity> EntityFromStoredJson(std::string_view json);

// Difference between two versions of a list, by entity id.
struct EntityChange {
  std::string id;
  std::vector<std::string> fields;  // which fields differ: "names", "addresses", ...
};
struct ListDiff {
  std::vector<std::string> added;
  std::vector<std::string> removed;
  std::vector<EntityChange> changed;
  std::size_t unchanged = 0;
};
// Both inputs must be sorted by id with unique ids (as ParsedList guarantees).
ListDiff DiffEntities(const std::vector<Entity>& old_entities,
                      const std::vector<Entity>& new_entities);

}  // namespace dualwatch::lists

#endif  // DUALWATCH_LISTS_LISTS_H_
