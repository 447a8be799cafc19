// The SQLite workspace: schema, versioned imports, reads.
#include <fmt/format.h>
#include <sqlite3.h>

#include <chrono>
#include <ctime>
#include <set>

#include "store/store.h"

namespace dualwatch::store {
namespace {

constexpr int kApplicationId = 0x44574B53;  // "DWKS"

constexpr const char* kSchema = R"sql(
CREATE TABLE list_versions(
  id INTEGER PRIMARY KEY,
  dataset TEXT NOT NULL,
  format TEXT NOT NULL,
  files TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  published TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  records INTEGER NOT NULL,
  entities INTEGER NOT NULL,
  extra INTEGER NOT NULL,
  merged INTEGER NOT NULL,
  skipped INTEGER NOT NULL,
  names INTEGER NOT NULL,
  current INTEGER NOT NULL);
CREATE INDEX list_versions_current ON list_versions(dataset, current);
CREATE TABLE entities(
  version_id INTEGER NOT NULL REFERENCES list_versions(id),
  id TEXT NOT NULL,
  schema TEXT NOT NULL,
  caption TEXT NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY(version_id, id)) WITHOUT ROWID;
CREATE INDEX entities_by_id ON entities(id);
CREATE TABLE names(
  version_id INTEGER NOT NULL,
  entity_id TEXT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  script TEXT NOT NULL);
CREATE INDEX names_by_version ON names(version_id);
CREATE TABLE entity_countries(
  version_id INTEGER NOT NULL,
  entity_id TEXT NOT NULL,
  country TEXT NOT NULL);
CREATE INDEX entity_countries_by_version ON entity_countries(version_id);
)sql";

// Schema version 2: screening runs and their alerts.
constexpr const char* kSchemaV2 = R"sql(
CREATE TABLE screen_runs(
  id INTEGER PRIMARY KEY,
  run_key TEXT NOT NULL UNIQUE,
  input TEXT NOT NULL,
  input_sha256 TEXT NOT NULL,
  mapping TEXT NOT NULL,
  parameters TEXT NOT NULL,
  list_versions TEXT NOT NULL,
  finished_at TEXT NOT NULL,
  rows_read INTEGER NOT NULL,
  rows_screened INTEGER NOT NULL,
  rows_rejected INTEGER NOT NULL,
  alerts INTEGER NOT NULL,
  summary TEXT NOT NULL);
CREATE TABLE alerts(
  run_id INTEGER NOT NULL REFERENCES screen_runs(id),
  seq INTEGER NOT NULL,
  record_id TEXT NOT NULL,
  line INTEGER NOT NULL,
  severity TEXT NOT NULL,
  score REAL NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY(run_id, seq)) WITHOUT ROWID;
)sql";

// Schema version 3: the parser version each list version was read with (0: before version 3).
constexpr const char* kSchemaV3 = R"sql(
ALTER TABLE list_versions ADD COLUMN parser INTEGER NOT NULL DEFAULT 0;
)sql";

// A prepared statement, finalized on scope exit.
class Statement {
 public:
  Statement(sqlite3* db, const char* sql) {
    rc_ = sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr);
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  bool ok() const { return rc_ == SQLITE_OK; }
  Statement& Bind(int i, std::string_view v) {
    sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Statement& Bind(int i, std::int64_t v) {
    sqlite3_bind_int64(stmt_, i, v);
    return *this;
  }
  // Returns SQLITE_ROW, SQLITE_DONE or an error code.
  int Step() { return sqlite3_step(stmt_); }
  void Reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  std::string Text(int col) const {
    const unsigned char* t = sqlite3_column_text(stmt_, col);
    return t ? std::string(reinterpret_cast<const char*>(t),
                           static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col)))
             : std::string();
  }
  std::int64_t Int(int col) const { return sqlite3_column_int64(stmt_, col); }
  sqlite3_stmt* raw() { return stmt_; }

 private:
  sqlite3_stmt* stmt_ = nullptr;
  int rc_;
};

Status SqlError(sqlite3* db, std::string_view what) {
  return Status::Error(fmt::format("workspace: {}: {}", what, sqlite3_errmsg(db)));
}

Status Exec(sqlite3* db, const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    Status s = Status::Error(fmt::format("workspace: {}", err ? err : "error"));
    sqlite3_free(err);
    return s;
  }
  return Status();
}

std::int64_t PragmaInt(sqlite3* db, const char* pragma) {
  Statement st(db, pragma);
  return st.ok() && st.Step() == SQLITE_ROW ? st.Int(0) : -1;
}

std::string NowUtc() {
  std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string Join(const std::vector<std::string>& parts) {
  return fmt::format("{}", fmt::join(parts, "; "));
}

ListVersion VersionFromRow(const Statement& st) {
  ListVersion v;
  v.id = st.Int(0);
  v.dataset = st.Text(1);
  v.format = st.Text(2);
  v.files = st.Text(3);
  v.sha256 = st.Text(4);
  v.published = st.Text(5);
  v.imported_at = st.Text(6);
  v.counts.records = static_cast<std::size_t>(st.Int(7));
  v.counts.entities = static_cast<std::size_t>(st.Int(8));
  v.counts.extra = static_cast<std::size_t>(st.Int(9));
  v.counts.merged = static_cast<std::size_t>(st.Int(10));
  v.counts.skipped = static_cast<std::size_t>(st.Int(11));
  v.names = static_cast<std::size_t>(st.Int(12));
  v.current = st.Int(13) != 0;
  v.parser = static_cast<int>(st.Int(14));
  return v;
}

constexpr const char* kVersionColumns =
    "id, dataset, format, files, sha256, published, imported_at, records, entities, extra, "
    "merged, skipped, names, current, parser";

// Writes one parsed list as a new current version. Runs inside the caller's transaction.
Result<ImportOutcome> WriteVersion(sqlite3* db, const lists::ParsedList& list) {
  {
    Statement cur(db, fmt::format("SELECT {} FROM list_versions WHERE dataset = ? AND current = 1",
                                  kVersionColumns)
                          .c_str());
    cur.Bind(1, list.dataset);
    if (cur.Step() == SQLITE_ROW) {
      ListVersion existing = VersionFromRow(cur);
      // The same file read by the same parsers; an older dualwatch's reading is read anew.
      if (existing.sha256 == list.sha256 && existing.parser == lists::kParserVersion) {
        return ImportOutcome{existing, true};
      }
    }
  }
  Statement retire(db, "UPDATE list_versions SET current = 0 WHERE dataset = ?");
  retire.Bind(1, list.dataset);
  if (retire.Step() != SQLITE_DONE) return SqlError(db, "retire old version");

  ListVersion v;
  v.dataset = list.dataset;
  v.format = std::string(lists::FormatName(list.format));
  v.files = Join(list.files);
  v.sha256 = list.sha256;
  v.published = list.published;
  v.imported_at = NowUtc();
  v.counts = list.counts;
  v.current = true;
  v.parser = lists::kParserVersion;
  for (const lists::Entity& e : list.entities) v.names += e.names.size();

  Statement insert(db,
                   "INSERT INTO list_versions(dataset, format, files, sha256, published, "
                   "imported_at, records, entities, extra, merged, skipped, names, current, "
                   "parser) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,1,?)");
  insert.Bind(1, v.dataset).Bind(2, v.format).Bind(3, v.files).Bind(4, v.sha256);
  insert.Bind(5, v.published).Bind(6, v.imported_at);
  insert.Bind(7, static_cast<std::int64_t>(v.counts.records));
  insert.Bind(8, static_cast<std::int64_t>(v.counts.entities));
  insert.Bind(9, static_cast<std::int64_t>(v.counts.extra));
  insert.Bind(10, static_cast<std::int64_t>(v.counts.merged));
  insert.Bind(11, static_cast<std::int64_t>(v.counts.skipped));
  insert.Bind(12, static_cast<std::int64_t>(v.names));
  insert.Bind(13, static_cast<std::int64_t>(v.parser));
  if (insert.Step() != SQLITE_DONE) return SqlError(db, "insert list version");
  v.id = sqlite3_last_insert_rowid(db);

  Statement ent(db,
                "INSERT INTO entities(version_id, id, schema, caption, body) VALUES (?,?,?,?,?)");
  Statement name(db,
                 "INSERT INTO names(version_id, entity_id, name, kind, script) VALUES (?,?,?,?,?)");
  Statement country(db,
                    "INSERT INTO entity_countries(version_id, entity_id, country) VALUES (?,?,?)");
  for (const lists::Entity& e : list.entities) {
    ent.Bind(1, v.id).Bind(2, e.id).Bind(3, lists::SchemaName(e.schema)).Bind(4, e.caption());
    ent.Bind(5, lists::EntityToStoredJson(e));
    if (ent.Step() != SQLITE_DONE) return SqlError(db, fmt::format("insert entity {}", e.id));
    ent.Reset();
    for (const lists::Name& n : e.names) {
      name.Bind(1, v.id).Bind(2, e.id).Bind(3, n.value).Bind(4, lists::NameKindName(n.kind));
      name.Bind(5, n.script);
      if (name.Step() != SQLITE_DONE) return SqlError(db, "insert name");
      name.Reset();
    }
    std::set<std::string> codes(e.countries.begin(), e.countries.end());
    codes.insert(e.nationalities.begin(), e.nationalities.end());
    codes.insert(e.citizenships.begin(), e.citizenships.end());
    for (const std::string& c : codes) {
      country.Bind(1, v.id).Bind(2, e.id).Bind(3, c);
      if (country.Step() != SQLITE_DONE) return SqlError(db, "insert country");
      country.Reset();
    }
  }
  return ImportOutcome{v, false};
}

}  // namespace

Result<Workspace> Workspace::Open(const std::string& path) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return Status::Error(fmt::format("{}: cannot open workspace: {}", path, msg));
  }
  Workspace ws(db, path);
  sqlite3_busy_timeout(db, 5000);
  std::int64_t app = PragmaInt(db, "PRAGMA application_id");
  std::int64_t version = PragmaInt(db, "PRAGMA user_version");
  if (app < 0) {
    return Status::Error(
        fmt::format("{}: not a dualwatch workspace (not a SQLite database)", path));
  }
  if (app == 0 && version == 0) {
    if (PragmaInt(db, "SELECT count(*) FROM sqlite_master") > 0) {
      return Status::Error(
          fmt::format("{}: not a dualwatch workspace (a SQLite database of "
                      "another application)",
                      path));
    }
    Status s = Exec(db, "PRAGMA journal_mode=WAL");
    if (s.ok()) s = Exec(db, "BEGIN");
    if (s.ok()) s = Exec(db, kSchema);
    if (s.ok()) s = Exec(db, kSchemaV2);
    if (s.ok()) s = Exec(db, kSchemaV3);
    if (s.ok()) {
      s = Exec(db, fmt::format("PRAGMA application_id={}; PRAGMA user_version={}", kApplicationId,
                               kSchemaVersion)
                       .c_str());
    }
    if (s.ok()) s = Exec(db, "COMMIT");
    if (!s.ok()) return Status::Error(fmt::format("{}: {}", path, s.message()));
  } else if (app != kApplicationId) {
    return Status::Error(
        fmt::format("{}: not a dualwatch workspace (application_id {:#x})", path, app));
  } else if (version > kSchemaVersion) {
    return Status::Error(fmt::format(
        "{}: workspace schema version {} is newer than this dualwatch supports ({}); upgrade "
        "dualwatch",
        path, version, kSchemaVersion));
  } else if (version < kSchemaVersion) {
    Status s = Exec(db, "BEGIN IMMEDIATE");
    if (s.ok() && version < 2) s = Exec(db, kSchemaV2);
    if (s.ok() && version < 3) s = Exec(db, kSchemaV3);
    if (s.ok()) s = Exec(db, fmt::format("PRAGMA user_version={}", kSchemaVersion).c_str());
    if (s.ok()) s = Exec(db, "COMMIT");
    if (!s.ok()) {
      Exec(db, "ROLLBACK");
      return Status::Error(fmt::format("{}: upgrading the workspace from schema {} to {}: {}", path,
                                       version, kSchemaVersion, s.message()));
    }
  }
  Exec(db, "PRAGMA synchronous=NORMAL");
  return ws;
}

Workspace::Workspace(Workspace&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)), path_(std::move(other.path_)) {}

Workspace& Workspace::operator=(Workspace&& other) noexcept {
  if (this != &other) {
    sqlite3_close(db_);
    db_ = std::exchange(other.db_, nullptr);
    path_ = std::move(other.path_);
  }
  return *this;
}

Workspace::~Workspace() { sqlite3_close(db_); }

Result<std::vector<ImportOutcome>> Workspace::Import(const std::vector<lists::ParsedList>& lists) {
  Status s = Exec(db_, "BEGIN IMMEDIATE");
  if (!s.ok()) return s;
  std::vector<ImportOutcome> outcomes;
  for (const lists::ParsedList& list : lists) {
    auto outcome = WriteVersion(db_, list);
    if (!outcome.ok()) {
      Exec(db_, "ROLLBACK");
      return outcome.status();
    }
    outcomes.push_back(std::move(*outcome));
  }
  s = Exec(db_, "COMMIT");
  if (!s.ok()) {
    Exec(db_, "ROLLBACK");
    return s;
  }
  return outcomes;
}

Result<std::vector<ListVersion>> Workspace::Versions() const {
  Statement st(db_,
               fmt::format("SELECT {} FROM list_versions ORDER BY id", kVersionColumns).c_str());
  if (!st.ok()) return SqlError(db_, "read versions");
  std::vector<ListVersion> versions;
  while (st.Step() == SQLITE_ROW) versions.push_back(VersionFromRow(st));
  return versions;
}

namespace {

Result<std::vector<lists::Entity>> ReadEntities(sqlite3* db, const char* sql,
                                                std::optional<std::int64_t> version) {
  Statement st(db, sql);
  if (!st.ok()) return SqlError(db, "read entities");
  if (version) st.Bind(1, *version);
  std::vector<lists::Entity> out;
  int rc;
  while ((rc = st.Step()) == SQLITE_ROW) {
    auto e = lists::EntityFromStoredJson(st.Text(0));
    if (!e.ok()) return e.status();
    out.push_back(std::move(*e));
  }
  if (rc != SQLITE_DONE) return SqlError(db, "read entities");
  return out;
}

}  // namespace

Result<std::vector<lists::Entity>> Workspace::Entities(std::int64_t version_id) const {
  return ReadEntities(db_, "SELECT body FROM entities WHERE version_id = ? ORDER BY id",
                      version_id);
}

Result<std::vector<lists::Entity>> Workspace::CurrentEntities() const {
  return ReadEntities(db_,
                      "SELECT e.body FROM entities e JOIN list_versions v ON e.version_id = v.id "
                      "WHERE v.current = 1 ORDER BY e.id",
                      std::nullopt);
}

Result<std::optional<lists::Entity>> Workspace::FindEntity(const std::string& id) const {
  Statement st(db_,
               "SELECT e.body FROM entities e JOIN list_versions v ON e.version_id = v.id "
               "WHERE e.id = ? AND v.current = 1");
  st.Bind(1, id);
  if (st.Step() != SQLITE_ROW) return std::optional<lists::Entity>();
  auto e = lists::EntityFromStoredJson(st.Text(0));
  if (!e.ok()) return e.status();
  return std::optional<lists::Entity>(std::move(*e));
}

bool Workspace::Empty() const {
  Statement st(db_, "SELECT count(*) FROM list_versions");
  return st.Step() != SQLITE_ROW || st.Int(0) == 0;
}

Result<Stats> Workspace::ComputeStats() const {
  Stats stats;
  stats.total.dataset = "total";
  std::map<std::string, DatasetStats> by_dataset;
  {
    Statement st(db_,
                 "SELECT v.dataset, v.published, e.schema, count(*) FROM entities e "
                 "JOIN list_versions v ON e.version_id = v.id WHERE v.current = 1 "
                 "GROUP BY v.dataset, e.schema");
    while (st.Step() == SQLITE_ROW) {
      DatasetStats& d = by_dataset[st.Text(0)];
      d.dataset = st.Text(0);
      d.published = st.Text(1);
      auto n = static_cast<std::size_t>(st.Int(3));
      d.by_schema[st.Text(2)] += n;
      d.entities += n;
      stats.total.by_schema[st.Text(2)] += n;
      stats.total.entities += n;
    }
  }
  {
    Statement st(db_,
                 "SELECT v.dataset, count(*), sum(n.kind != 'primary') FROM names n "
                 "JOIN list_versions v ON n.version_id = v.id WHERE v.current = 1 "
                 "GROUP BY v.dataset");
    while (st.Step() == SQLITE_ROW) {
      DatasetStats& d = by_dataset[st.Text(0)];
      d.names = static_cast<std::size_t>(st.Int(1));
      d.aliases = static_cast<std::size_t>(st.Int(2));
      stats.total.names += d.names;
      stats.total.aliases += d.aliases;
    }
  }
  {
    Statement st(db_,
                 "SELECT v.dataset, count(DISTINCT c.country) FROM entity_countries c "
                 "JOIN list_versions v ON c.version_id = v.id WHERE v.current = 1 "
                 "GROUP BY v.dataset");
    while (st.Step() == SQLITE_ROW) {
      by_dataset[st.Text(0)].countries = static_cast<std::size_t>(st.Int(1));
    }
    Statement all(db_,
                  "SELECT count(DISTINCT c.country) FROM entity_countries c "
                  "JOIN list_versions v ON c.version_id = v.id WHERE v.current = 1");
    if (all.Step() == SQLITE_ROW) stats.total.countries = static_cast<std::size_t>(all.Int(0));
  }
  for (auto& [name, d] : by_dataset) stats.datasets.push_back(std::move(d));
  return stats;
}

Result<std::int64_t> Workspace::SaveScreenRun(
    const ScreenRun& run, std::size_t count,
    const std::function<bool(std::size_t, StoredAlert&)>& next) {
  Status s = Exec(db_, "BEGIN IMMEDIATE");
  if (!s.ok()) return s;
  auto fail = [&](std::string_view what) {
    Status e = SqlError(db_, what);
    Exec(db_, "ROLLBACK");
    return e;
  };
  {
    Statement old(db_, "SELECT id FROM screen_runs WHERE run_key = ?");
    old.Bind(1, run.run_key);
    if (old.Step() == SQLITE_ROW) {
      std::int64_t id = old.Int(0);
      Statement del_alerts(db_, "DELETE FROM alerts WHERE run_id = ?");
      del_alerts.Bind(1, id);
      if (del_alerts.Step() != SQLITE_DONE) return fail("delete old alerts");
      Statement del_run(db_, "DELETE FROM screen_runs WHERE id = ?");
      del_run.Bind(1, id);
      if (del_run.Step() != SQLITE_DONE) return fail("delete old run");
    }
  }
  Statement insert(db_,
                   "INSERT INTO screen_runs(run_key, input, input_sha256, mapping, parameters, "
                   "list_versions, finished_at, rows_read, rows_screened, rows_rejected, alerts, "
                   "summary) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
  insert.Bind(1, run.run_key).Bind(2, run.input).Bind(3, run.input_sha256).Bind(4, run.mapping);
  insert.Bind(5, run.parameters).Bind(6, run.list_versions).Bind(7, NowUtc());
  insert.Bind(8, static_cast<std::int64_t>(run.rows_read));
  insert.Bind(9, static_cast<std::int64_t>(run.rows_screened));
  insert.Bind(10, static_cast<std::int64_t>(run.rows_rejected));
  insert.Bind(11, static_cast<std::int64_t>(count));
  insert.Bind(12, run.summary);
  if (insert.Step() != SQLITE_DONE) return fail("insert screen run");
  std::int64_t run_id = sqlite3_last_insert_rowid(db_);
  Statement alert(db_,
                  "INSERT INTO alerts(run_id, seq, record_id, line, severity, score, body) "
                  "VALUES (?,?,?,?,?,?,?)");
  std::int64_t seq = 0;
  for (std::size_t i = 0; i < count; ++i) {
    StoredAlert a;
    if (!next(i, a)) {
      Exec(db_, "ROLLBACK");
      return Status::Error("workspace: alerts could not be read back");
    }
    alert.Bind(1, run_id).Bind(2, seq++).Bind(3, a.record_id);
    alert.Bind(4, static_cast<std::int64_t>(a.line)).Bind(5, a.severity);
    sqlite3_bind_double(alert.raw(), 6, a.score);
    alert.Bind(7, a.body);
    if (alert.Step() != SQLITE_DONE) return fail("insert alert");
    alert.Reset();
  }
  s = Exec(db_, "COMMIT");
  if (!s.ok()) {
    Exec(db_, "ROLLBACK");
    return s;
  }
  return run_id;
}

Result<std::vector<ScreenRun>> Workspace::ScreenRuns() const {
  Statement st(db_,
               "SELECT id, run_key, input, input_sha256, mapping, parameters, list_versions, "
               "finished_at, rows_read, rows_screened, rows_rejected, alerts, summary "
               "FROM screen_runs ORDER BY id");
  if (!st.ok()) return SqlError(db_, "read screen runs");
  std::vector<ScreenRun> runs;
  while (st.Step() == SQLITE_ROW) {
    ScreenRun r;
    r.id = st.Int(0);
    r.run_key = st.Text(1);
    r.input = st.Text(2);
    r.input_sha256 = st.Text(3);
    r.mapping = st.Text(4);
    r.parameters = st.Text(5);
    r.list_versions = st.Text(6);
    r.finished_at = st.Text(7);
    r.rows_read = static_cast<std::size_t>(st.Int(8));
    r.rows_screened = static_cast<std::size_t>(st.Int(9));
    r.rows_rejected = static_cast<std::size_t>(st.Int(10));
    r.alerts = static_cast<std::size_t>(st.Int(11));
    r.summary = st.Text(12);
    runs.push_back(std::move(r));
  }
  return runs;
}

Result<std::vector<std::string>> Workspace::RunAlerts(std::int64_t run_id) const {
  Statement st(db_, "SELECT body FROM alerts WHERE run_id = ? ORDER BY seq");
  if (!st.ok()) return SqlError(db_, "read alerts");
  st.Bind(1, run_id);
  std::vector<std::string> out;
  while (st.Step() == SQLITE_ROW) out.push_back(st.Text(0));
  return out;
}

}  // namespace dualwatch::store
