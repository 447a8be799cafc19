// Helpers shared by the matching benchmark and the evaluation: the bundled lists, the index,
// evaluation files (data/eval, zstd CSV), timing and memory.
#ifndef DUALWATCH_BENCH_BENCH_UTIL_H_
#define DUALWATCH_BENCH_BENCH_UTIL_H_

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "io/io.h"
#include "match/match.h"
#include "store/store.h"

namespace dualwatch::bench {

inline double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

inline double PeakRssMiB() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

[[noreturn]] inline void Die(const std::string& message) {
  std::fprintf(stderr, "%s\n", message.c_str());
  std::exit(2);
}

// Every entity of the bundled lists.
inline std::vector<lists::Entity> BundledEntities() {
  auto files = store::BundledListFiles();
  if (!files.ok()) Die(files.status().message());
  auto parsed = lists::ParseListFiles(*files);
  if (!parsed.ok()) Die(parsed.status().message());
  std::vector<lists::Entity> all;
  for (lists::ParsedList& p : *parsed) {
    for (lists::Entity& e : p.entities) all.push_back(std::move(e));
  }
  return all;
}

// Rows of a CSV (or TSV) file under data/eval, header dropped when `header` is true.
inline std::vector<std::vector<std::string>> EvalRows(const std::string& relative,
                                                      char delimiter = ',', bool header = true) {
  std::string path = store::DataDir() + "/eval/" + relative;
  auto input = io::ReadInput(path);
  if (!input.ok()) Die(input.status().message());
  io::CsvReader reader(path, input->text, delimiter);
  io::CsvRecord record;
  std::vector<std::vector<std::string>> rows;
  while (reader.Next(record)) rows.push_back(record.fields);
  if (!reader.status().ok()) Die(reader.status().message());
  if (header && !rows.empty()) rows.erase(rows.begin());
  return rows;
}

}  // namespace dualwatch::bench

#endif  // DUALWATCH_BENCH_BENCH_UTIL_H_
