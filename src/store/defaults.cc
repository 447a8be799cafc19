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

namespace {

// Reads again, from their files, the current lists that an older dualwatch's parsers read.
Status RereadStaleLists(Workspace& ws, std::vector<std::string>* log) {
  auto versions = ws.Versions();
  if (!versions.ok()) return versions.status();
  std::vector<std::string> files;
  for (const ListVersion& v : *versions) {
    if (!v.current || v.parser == lists::kParserVersion) continue;
    // The main file first; the parser finds its siblings (OFAC's add, alt, comments) again.
    std::string main = v.files.substr(0, v.files.find("; "));
    if (std::filesystem::exists(main)) {
      files.push_back(main);
    } else if (log) {
      log->push_back(fmt::format(
          "{}: list {} was read by an older dualwatch (parser {}, now {}) and its file {} is "
          "gone; import it again to read it anew",
          ws.path(), v.dataset, v.parser, lists::kParserVersion, main));
    }
  }
  if (files.empty()) return Status();
  auto parsed = lists::ParseListFiles(files);
  if (!parsed.ok()) return parsed.status();
  auto outcomes = ws.Import(*parsed);
  if (!outcomes.ok()) return outcomes.status();
  if (log) {
    log->push_back(fmt::format("read {} lists of {} again: an older dualwatch had read them",
                               outcomes->size(), ws.path()));
  }
  return Status();
}

}  // namespace

Result<Workspace> OpenWithDefaults(const std::string& path, std::vector<std::string>* log) {
  auto ws = Workspace::Open(path);
  if (!ws.ok()) return ws;
  if (!ws->Empty()) {
    if (Status s = RereadStaleLists(*ws, log); !s.ok()) return s;
    return ws;
  }
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
