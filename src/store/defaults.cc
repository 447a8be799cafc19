// The embedded default: the bundled snapshot of real lists, imported on first use.
#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>

#include "store/store.h"

namespace dualwatch::store {

std::string DataDir() {
  if (const char* env = std::getenv("DUALWATCH_DATA"); env && *env) return env;
  return DUALWATCH_DATA_DIR;
}

std::string DefaultWorkspacePath() {
  if (const char* env = std::getenv("DUALWATCH_WORKSPACE"); env && *env) return env;
  return "dualwatch.db";
}

Result<std::vector<std::string>> BundledListFiles() {
  std::string manifest = DataDir() + "/lists/MANIFEST.tsv";
  auto input = io::ReadInput(manifest);
  if (!input.ok()) return input.status();
  std::vector<std::string> files;
  io::CsvReader reader(manifest, input->text, '\t');
  io::CsvRecord record;
  bool header = true;
  while (reader.Next(record)) {
    if (header) {  // "file<TAB>dataset<TAB>note"
      header = false;
      continue;
    }
    if (record.fields.empty() || record.fields[0].empty() || record.fields[0][0] == '#') continue;
    std::string path = DataDir() + "/lists/" + record.fields[0];
    if (!std::filesystem::exists(path)) {
      return Status::Error(
          fmt::format("{}:{}: file: bundled list {} is missing", manifest, record.line, path));
    }
    files.push_back(path);
  }
  if (!reader.status().ok()) return reader.status();
  return files;
}

Result<Workspace> OpenWithDefaults(const std::string& path, std::vector<std::string>* log) {
  auto ws = Workspace::Open(path);
  if (!ws.ok() || !ws->Empty()) return ws;
  auto files = BundledListFiles();
  if (!files.ok()) return files.status();
  auto parsed = lists::ParseListFiles(*files);
  if (!parsed.ok()) return parsed.status();
  auto outcomes = ws->Import(*parsed);
  if (!outcomes.ok()) return outcomes.status();
  if (log) {
    log->push_back(
        fmt::format("imported the bundled lists into {} ({} datasets)", path, outcomes->size()));
  }
  return ws;
}

}  // namespace dualwatch::store
