// Parse and import time for every bundled list, and peak memory.
//
//   build/bench_lists                      # all benchmarks
//   build/bench_lists --benchmark_filter=AllLists
//
// Each benchmark checks its result (entity counts) so a fast wrong answer fails loudly.
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <cstdio>
#include <filesystem>

#include "store/store.h"

namespace {

using namespace dualwatch;

std::vector<std::string> Files() {
  auto files = store::BundledListFiles();
  if (!files.ok()) {
    std::fprintf(stderr, "%s\n", files.status().message().c_str());
    std::exit(2);
  }
  return *files;
}

double PeakRssMiB() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

std::size_t TotalEntities(const std::vector<lists::ParsedList>& parsed) {
  std::size_t n = 0;
  for (const auto& p : parsed) n += p.entities.size();
  return n;
}

// Every bundled list, parsed on `threads` threads.
void BM_ParseAllLists(benchmark::State& state) {
  std::vector<std::string> files = Files();
  std::size_t entities = 0;
  for (auto _ : state) {
    auto parsed = lists::ParseListFiles(files, {}, static_cast<unsigned>(state.range(0)));
    if (!parsed.ok()) {
      state.SkipWithError(parsed.status().message().c_str());
      return;
    }
    entities = TotalEntities(*parsed);
    benchmark::DoNotOptimize(entities);
  }
  state.counters["entities"] = static_cast<double>(entities);
  state.counters["peak_rss_MiB"] = PeakRssMiB();
  if (entities < 40000) state.SkipWithError("too few entities: parse is wrong");
}
BENCHMARK(BM_ParseAllLists)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

// Parse all, then import into a fresh workspace file (WAL, one transaction).
void BM_ParseAndImportAllLists(benchmark::State& state) {
  std::vector<std::string> files = Files();
  std::string path = (std::filesystem::temp_directory_path() / "dualwatch-bench.db").string();
  std::size_t entities = 0;
  for (auto _ : state) {
    state.PauseTiming();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
    state.ResumeTiming();
    auto parsed = lists::ParseListFiles(files, {}, static_cast<unsigned>(state.range(0)));
    auto ws = store::Workspace::Open(path);
    if (!parsed.ok() || !ws.ok()) {
      state.SkipWithError("parse or open failed");
      return;
    }
    auto outcomes = ws->Import(*parsed);
    if (!outcomes.ok()) {
      state.SkipWithError(outcomes.status().message().c_str());
      return;
    }
    auto stats = ws->ComputeStats();
    entities = stats.ok() ? stats->total.entities : 0;
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  state.counters["entities"] = static_cast<double>(entities);
  state.counters["peak_rss_MiB"] = PeakRssMiB();
  if (entities < 40000) state.SkipWithError("too few entities stored");
}
BENCHMARK(BM_ParseAndImportAllLists)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

// One file at a time, single thread: where the time goes.
void BM_ParseOneList(benchmark::State& state) {
  std::vector<std::string> files = Files();
  const std::string& file = files[static_cast<std::size_t>(state.range(0))];
  state.SetLabel(std::filesystem::path(file).filename().string());
  std::size_t entities = 0;
  for (auto _ : state) {
    auto parsed = lists::ParseListFile(file);
    if (!parsed.ok()) {
      state.SkipWithError(parsed.status().message().c_str());
      return;
    }
    entities = parsed->entities.size();
  }
  state.counters["entities"] = static_cast<double>(entities);
  if (entities == 0) state.SkipWithError("no entities");
}
BENCHMARK(BM_ParseOneList)->DenseRange(0, 14)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
