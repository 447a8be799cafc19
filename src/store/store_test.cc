#include "store/store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "tests/test_util.h"

namespace dualwatch::store {
namespace {

using dualwatch::testing::BundledList;
using dualwatch::testing::TempDir;

lists::ParsedList Parse(const std::string& relative) {
  auto parsed = lists::ParseListFile(BundledList(relative));
  EXPECT_TRUE(parsed.ok()) << parsed.status().message();
  return parsed.ok() ? std::move(*parsed) : lists::ParsedList{};
}

// A closed workspace file at `path` holding one small list.
void MakeWorkspaceWithOneList(const std::string& path) {
  auto ws = Workspace::Open(path);
  ASSERT_TRUE(ws.ok());
  ASSERT_TRUE(ws->Import({Parse("us_csl/bis_mieu.csv.zst")}).ok());
}

// Runs `sql` on the closed workspace file at `path`, as an older dualwatch or another program
// would have left it.
void RunSql(const std::string& path, const char* sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  char* error = nullptr;
  EXPECT_EQ(sqlite3_exec(db, sql, nullptr, nullptr, &error), SQLITE_OK) << error;
  sqlite3_free(error);
  sqlite3_close(db);
}

TEST(Workspace, ImportsVersionsAndFindsEntities) {
  auto ws = Workspace::Open(":memory:");
  ASSERT_TRUE(ws.ok()) << ws.status().message();
  EXPECT_TRUE(ws->Empty());
  auto outcomes =
      ws->Import({Parse("un/UN_consolidated.xml.zst"), Parse("us_csl/bis_mieu.csv.zst")});
  ASSERT_TRUE(outcomes.ok()) << outcomes.status().message();
  ASSERT_EQ(outcomes->size(), 2u);
  EXPECT_FALSE((*outcomes)[0].unchanged);
  EXPECT_EQ((*outcomes)[0].version.dataset, "un_sc_sanctions");
  EXPECT_EQ((*outcomes)[0].version.published, "2026-02-27");

  auto found = ws->FindEntity("un_sc_sanctions-CDi.001");
  ASSERT_TRUE(found.ok());
  ASSERT_TRUE(found->has_value());
  EXPECT_EQ((*found)->caption(), "ERIC BADEGE");
  EXPECT_EQ((*found)->birth_dates, std::vector<std::string>{"1971"});

  auto stats = ws->ComputeStats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->total.entities, 1003u + 13u);
  EXPECT_EQ(stats->total.by_schema.at("Person"), 730u);
  ASSERT_EQ(stats->datasets.size(), 2u);
  EXPECT_EQ(stats->datasets[0].dataset, "un_sc_sanctions");
  EXPECT_EQ(stats->datasets[0].names, (*outcomes)[0].version.names);
  EXPECT_EQ(stats->datasets[0].aliases + stats->datasets[0].entities, stats->datasets[0].names);
}

TEST(Workspace, SameContentIsUnchangedNewContentIsANewCurrentVersion) {
  auto ws = Workspace::Open(":memory:");
  ASSERT_TRUE(ws.ok());
  auto old_sdn = lists::ParseListFile(BundledList("ofac/history_2021-07/sdn.csv.zst"));
  ASSERT_TRUE(old_sdn.ok());
  ASSERT_TRUE(ws->Import({*old_sdn}).ok());
  auto again = ws->Import({*old_sdn});
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE((*again)[0].unchanged);
  auto newer = ws->Import({Parse("ofac/sdn.csv.zst")});
  ASSERT_TRUE(newer.ok());
  EXPECT_FALSE((*newer)[0].unchanged);
  auto versions = ws->Versions();
  ASSERT_TRUE(versions.ok());
  ASSERT_EQ(versions->size(), 2u);
  EXPECT_FALSE((*versions)[0].current);
  EXPECT_TRUE((*versions)[1].current);
  auto old_entities = ws->Entities((*versions)[0].id);
  ASSERT_TRUE(old_entities.ok());
  EXPECT_EQ(old_entities->size(), 8976u);
  EXPECT_EQ(*old_entities, old_sdn->entities);
  auto current = ws->CurrentEntities();
  ASSERT_TRUE(current.ok());
  EXPECT_EQ(current->size(), 14965u);
}

TEST(Workspace, FileCarriesMagicAndSchemaVersionAndSurvivesReopen) {
  TempDir dir;
  std::string path = dir.File("ws.db");
  ASSERT_NO_FATAL_FAILURE(MakeWorkspaceWithOneList(path));
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st, nullptr);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)), "wal");
  sqlite3_finalize(st);
  sqlite3_exec(db, "PRAGMA user_version=99", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  auto newer = Workspace::Open(path);
  ASSERT_FALSE(newer.ok());
  EXPECT_EQ(newer.status().message(),
            path +
                ": workspace schema version 99 is newer than this dualwatch supports (3); "
                "upgrade dualwatch");
}

TEST(Workspace, UpgradesASchemaOneFileAndKeepsItsLists) {
  TempDir dir;
  std::string path = dir.File("ws.db");
  ASSERT_NO_FATAL_FAILURE(MakeWorkspaceWithOneList(path));
  // What a schema-1 workspace (before screening runs) looked like.
  ASSERT_NO_FATAL_FAILURE(RunSql(path,
                                 "DROP TABLE alerts; DROP TABLE screen_runs; ALTER TABLE "
                                 "list_versions DROP COLUMN parser; PRAGMA user_version=1"));
  auto ws = Workspace::Open(path);
  ASSERT_TRUE(ws.ok()) << ws.status().message();
  auto runs = ws->ScreenRuns();
  ASSERT_TRUE(runs.ok()) << runs.status().message();
  EXPECT_TRUE(runs->empty());
  auto current = ws->CurrentEntities();
  ASSERT_TRUE(current.ok());
  EXPECT_EQ(current->size(), 13u);
}

// A workspace made before schema 3 (or by older parsers) holds lists as an older dualwatch read
// them: opening it with the defaults reads them again from their files, once.
TEST(Workspace, ReadsAgainTheListsAnOlderParserRead) {
  TempDir dir;
  std::string path = dir.File("ws.db");
  ASSERT_NO_FATAL_FAILURE(MakeWorkspaceWithOneList(path));
  ASSERT_NO_FATAL_FAILURE(
      RunSql(path, "ALTER TABLE list_versions DROP COLUMN parser; PRAGMA user_version=2"));
  std::vector<std::string> log;
  auto ws = OpenWithDefaults(path, &log);
  ASSERT_TRUE(ws.ok()) << ws.status().message();
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0], "read 1 lists of " + path + " again: an older dualwatch had read them");
  auto versions = ws->Versions();
  ASSERT_TRUE(versions.ok());
  ASSERT_EQ(versions->size(), 2u);
  EXPECT_FALSE((*versions)[0].current);
  EXPECT_EQ((*versions)[0].parser, 0);
  EXPECT_TRUE((*versions)[1].current);
  EXPECT_EQ((*versions)[1].parser, lists::kParserVersion);
  EXPECT_EQ((*versions)[1].sha256, (*versions)[0].sha256);
  auto current = ws->CurrentEntities();
  ASSERT_TRUE(current.ok());
  EXPECT_EQ(current->size(), 13u);
  // Read now: the next open leaves it.
  log.clear();
  auto again = OpenWithDefaults(path, &log);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(log.empty());
  EXPECT_EQ(again->Versions()->size(), 2u);
  // A list whose file is gone stays as read, and the log says so.
  ASSERT_NO_FATAL_FAILURE(
      RunSql(path, "UPDATE list_versions SET parser = 0, files = '/gone/bis_mieu.csv'"));
  log.clear();
  auto gone = OpenWithDefaults(path, &log);
  ASSERT_TRUE(gone.ok()) << gone.status().message();
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0],
            path +
                ": list us_bis_mieu was read by an older dualwatch (parser 0, now 1) and its "
                "file /gone/bis_mieu.csv is gone; import it again to read it anew");
  EXPECT_EQ(gone->Versions()->size(), 2u);
}

TEST(Workspace, RefusesAnotherApplicationsDatabase) {
  TempDir dir;
  std::string path = dir.File("other.db");
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_exec(db, "CREATE TABLE t(x)", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  auto ws = Workspace::Open(path);
  ASSERT_FALSE(ws.ok());
  EXPECT_EQ(ws.status().message(),
            path + ": not a dualwatch workspace (a SQLite database of another application)");
  std::string text = dir.Write("notes.txt", "these are not a database, just some words\n");
  auto not_db = Workspace::Open(text);
  ASSERT_FALSE(not_db.ok());
  EXPECT_EQ(not_db.status().message(),
            text + ": not a dualwatch workspace (not a SQLite database)");
}

}  // namespace
}  // namespace dualwatch::store
