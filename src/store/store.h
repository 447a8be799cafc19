// dualwatch::store — the workspace: a SQLite file (WAL mode) holding every imported list
// version and its entities. Later: screening runs, alerts, cases.
//
// File format: SQLite with application_id 0x44574B53 ("DWKS") and the schema version in
// user_version. Opening a file with another application_id, or a newer schema version, fails
// with a clear message instead of touching it.
//
// Imports are atomic: Import() writes every given list in one transaction, so a failure leaves
// the workspace exactly as it was. Each import of a dataset whose content hash differs from the
// current version's, or that was read by other parsers (lists::kParserVersion), creates a new
// list version and makes it current; the old version's
// entities are kept, so versions can be compared (lists diff).
//
// Thread safety: a Workspace is used by one thread at a time. It owns its SQLite connection and
// no index (matching builds its own frozen index from Entities()).
#ifndef DUALWATCH_STORE_STORE_H_
#define DUALWATCH_STORE_STORE_H_

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "io/io.h"
#include "lists/lists.h"

struct sqlite3;

namespace dualwatch::store {

using io::Result;
using io::Status;

// 1: lists; 2: adds screening runs and their alerts; 3: records the parser version of each
// list version (an older file is upgraded on open).
inline constexpr int kSchemaVersion = 3;

struct ListVersion {
  std::int64_t id = 0;
  std::string dataset;
  std::string format;
  std::string files;  // files read, separated by "; "
  std::string sha256;
  std::string published;    // as the list says, ISO date, may be empty
  std::string imported_at;  // UTC, ISO 8601
  lists::ParseCounts counts;
  std::size_t names = 0;
  bool current = false;
  int parser = 0;  // lists::kParserVersion of the dualwatch that read it; 0 before schema 3
};

struct ImportOutcome {
  ListVersion version;
  bool unchanged = false;  // the current version already had this content; nothing written
};

// Counts over the current version of every dataset.
struct DatasetStats {
  std::string dataset;
  std::string published;
  std::map<std::string, std::size_t> by_schema;
  std::size_t entities = 0;
  std::size_t names = 0;
  std::size_t aliases = 0;  // every name that is not the primary one
  std::size_t countries = 0;
};
struct Stats {
  std::vector<DatasetStats> datasets;
  DatasetStats total;  // dataset "total"; countries = distinct over all datasets
};

// One run of `dualwatch screen`. run_key identifies what was screened with what: the input's
// SHA-256, the parameters and the list versions. Saving a run with a key already present
// replaces that run, so re-running the same input is idempotent.
struct ScreenRun {
  std::int64_t id = 0;
  std::string run_key;
  std::string input, input_sha256, mapping;
  std::string parameters;     // JSON
  std::string list_versions;  // "dataset:version_id;..."
  std::string finished_at;    // UTC, ISO 8601
  std::size_t rows_read = 0, rows_screened = 0, rows_rejected = 0, alerts = 0;
  std::string summary;  // summary.json
};

// One alert of a run, as written to alerts.jsonl. Views into the caller's strings.
struct StoredAlert {
  std::string_view record_id;
  std::size_t line = 0;
  std::string_view severity;
  double score = 0;
  std::string_view body;  // JSON
};

class Workspace {
 public:
  // Opens or creates the workspace file at `path` (":memory:" for an in-memory one).
  static Result<Workspace> Open(const std::string& path);

  Workspace(Workspace&& other) noexcept;
  Workspace& operator=(Workspace&& other) noexcept;
  Workspace(const Workspace&) = delete;
  Workspace& operator=(const Workspace&) = delete;
  ~Workspace();

  // Writes every list in one transaction (see the file comment).
  Result<std::vector<ImportOutcome>> Import(const std::vector<lists::ParsedList>& lists);

  // All list versions, oldest first.
  Result<std::vector<ListVersion>> Versions() const;
  // Entities of one version, sorted by id.
  Result<std::vector<lists::Entity>> Entities(std::int64_t version_id) const;
  // Entities of every current version.
  Result<std::vector<lists::Entity>> CurrentEntities() const;
  // One entity by id, from the current versions.
  Result<std::optional<lists::Entity>> FindEntity(const std::string& id) const;
  Result<Stats> ComputeStats() const;
  bool Empty() const;

  // Records a screening run and all its alerts in one transaction (see ScreenRun): a run killed
  // before this returns leaves the workspace as it was.
  // `next(i, alert)` gives the i-th of `count` alerts (views valid until the next call); false
  // stops the save and rolls it back.
  Result<std::int64_t> SaveScreenRun(const ScreenRun& run, std::size_t count,
                                     const std::function<bool(std::size_t, StoredAlert&)>& next);
  // Every run, oldest first (summary included).
  Result<std::vector<ScreenRun>> ScreenRuns() const;
  // Alerts of one run, in their stored (output) order.
  Result<std::vector<std::string>> RunAlerts(std::int64_t run_id) const;
  const std::string& path() const { return path_; }

 private:
  Workspace(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  sqlite3* db_ = nullptr;
  std::string path_;
};

// Where the bundled snapshot lives: $DUALWATCH_DATA, else the source tree's data/ folder.
std::string DataDir();
// The workspace used when none is given: $DUALWATCH_WORKSPACE, else ./dualwatch.db.
std::string DefaultWorkspacePath();
// Paths of the bundled list files, from data/lists/MANIFEST.tsv.
Result<std::vector<std::string>> BundledListFiles();

// Opens the workspace at `path`; when it holds no list yet, imports the bundled snapshot first.
// A current list that an older dualwatch's parsers read (ListVersion::parser) is read again
// from its file, so that a parser's fix reaches workspaces made before it; a list whose file is
// gone stays as read, with a line in `log`. Reports progress lines to `log` when given.
Result<Workspace> OpenWithDefaults(const std::string& path,
                                   std::vector<std::string>* log = nullptr);

}  // namespace dualwatch::store

#endif  // DUALWATCH_STORE_STORE_H_
