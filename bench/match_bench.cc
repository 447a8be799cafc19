// Name screening throughput and latency on all bundled lists, one core.
//
//   build/bench_match [--queries N] [--seed S] [--only KIND] [--reference N]
//                     [--country CC] [--birth-date D]
//
// --only keeps the queries whose kind contains KIND ("Chinese", "miss", "company").
// --country and --birth-date give every query that qualifier ("RU", "19": the search must then
// allow for what an agreeing one adds, and --reference checks that it does).
// --reference N also runs the first N queries through the brute-force ReferenceMatcher (about
// 0.1 s each) and fails on any difference in entities or scores: the index must return what
// scoring every name would.
// Query mix (seeded): list names with a typo, reordered or cut (companies and people), their
// Cyrillic and Chinese forms where the lists give them, UN-list people as the yente benchmark
// writes them, and misses (Forbes Global 2000 companies, synthetic people). Prints index build
// time, index memory, cache save/load time, queries per second, p50/p99 latency, and checks
// that list-derived queries find their entity (a fast wrong answer fails the run). Every query
// runs once before the measured pass: the figures are the steady state, without ICU's one-time
// compile of a script's transliterator (80-130 ms on first use, in the CLI's cold start).
// "results digest" hashes every result: a change meant only for speed must leave it as it was.
// Under callgrind, --toggle-collect='*MeasuredPass*' counts the measured pass only.
#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <random>

#include "bench/bench_util.h"

namespace {

using namespace dualwatch;
using Clock = std::chrono::steady_clock;

struct BenchQuery {
  match::Query query;
  std::string kind;
  std::string expect;  // entity id that must be found, or empty
};

std::string Typo(std::string name, std::mt19937& rng) {
  // Swap two neighbouring letters inside the longest word.
  std::size_t best = 0, best_len = 0, start = 0;
  for (std::size_t i = 0; i <= name.size(); ++i) {
    if (i == name.size() || name[i] == ' ') {
      if (i - start > best_len) {
        best_len = i - start;
        best = start;
      }
      start = i + 1;
    }
  }
  if (best_len < 6) return name;
  std::size_t at = best + 1 + rng() % (best_len - 3);
  std::swap(name[at], name[at + 1]);
  return name;
}

match::Query Named(std::string name) {
  match::Query q;
  q.name = std::move(name);
  return q;
}

std::string Reorder(const std::string& name) {
  auto space = name.rfind(' ');
  if (space == std::string::npos) return name;
  return name.substr(space + 1) + " " + name.substr(0, space);
}

std::vector<BenchQuery> MakeQueries(const std::vector<lists::Entity>& entities, std::size_t n,
                                    unsigned seed) {
  std::mt19937 rng(seed);
  std::vector<BenchQuery> out;
  std::vector<const lists::Entity*> people, orgs, cyrillic, chinese;
  for (const lists::Entity& e : entities) {
    if (e.names.empty() || e.caption().size() > 80) continue;
    (e.schema == lists::Schema::kPerson ? people : orgs).push_back(&e);
    for (const lists::Name& nm : e.names) {
      if (nm.script == "Cyrl") cyrillic.push_back(&e);
      if (nm.script == "Hani") chinese.push_back(&e);
    }
  }
  auto pick = [&](const std::vector<const lists::Entity*>& v) { return v[rng() % v.size()]; };
  auto script_name = [](const lists::Entity& e, const char* script) {
    for (const lists::Name& nm : e.names) {
      if (nm.script == script) return nm.value;
    }
    return e.caption();
  };
  auto un = bench::EvalRows("names/yente_positives_un_untreated.csv.zst");
  auto forbes = bench::EvalRows("companies/forbes_global2000_2024.csv.zst");
  auto synthetic = bench::EvalRows("names/yente_synthetic_negatives_global.csv.zst");
  for (std::size_t i = 0; i < n; ++i) {
    BenchQuery q;
    switch (i % 10) {
      case 0:
      case 1: {
        const lists::Entity& e = *pick(orgs);
        q = {Named(Typo(e.caption(), rng)), "company, typo", e.id};
        break;
      }
      case 2: {
        const lists::Entity& e = *pick(orgs);
        q = {Named(e.caption()), "company, as listed", e.id};
        break;
      }
      case 3:
      case 4: {
        const lists::Entity& e = *pick(people);
        q = {Named(Reorder(e.caption())), "person, reordered", e.id};
        break;
      }
      case 5: {
        const lists::Entity& e = *pick(cyrillic);
        q = {Named(script_name(e, "Cyrl")), "Cyrillic", e.id};
        break;
      }
      case 6: {
        const lists::Entity& e = *pick(chinese);
        q = {Named(script_name(e, "Hani")), "Chinese", e.id};
        break;
      }
      case 7:
        q = {Named(un[rng() % un.size()][0]), "UN person (yente)", ""};
        break;
      case 8:
        q = {Named(forbes[rng() % forbes.size()][1]), "miss: Forbes 2000", ""};
        break;
      default:
        q = {Named(synthetic[rng() % synthetic.size()][0]), "miss: synthetic person", ""};
    }
    out.push_back(std::move(q));
  }
  return out;
}

struct Measured {
  std::vector<double> latency;  // per query, microseconds
  std::vector<std::vector<match::SearchResult>> results;
};

// The timed pass, apart so that callgrind can count it alone.
__attribute__((noinline)) Measured MeasuredPass(const match::NameIndex& index,
                                                const std::vector<BenchQuery>& queries,
                                                const match::SearchOptions& options) {
  Measured m;
  m.latency.reserve(queries.size());
  m.results.reserve(queries.size());
  for (const BenchQuery& q : queries) {
    auto start = Clock::now();
    m.results.push_back(index.Search(q.query, options));
    m.latency.push_back(std::chrono::duration<double, std::micro>(Clock::now() - start).count());
  }
  return m;
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t n = 20000;
  unsigned seed = 42;
  std::string only;
  std::size_t reference_queries = 0;
  std::string country, birth_date;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--queries")) n = std::stoul(argv[i + 1]);
    if (!std::strcmp(argv[i], "--seed")) seed = static_cast<unsigned>(std::stoul(argv[i + 1]));
    if (!std::strcmp(argv[i], "--only")) only = argv[i + 1];
    if (!std::strcmp(argv[i], "--reference")) reference_queries = std::stoul(argv[i + 1]);
    if (!std::strcmp(argv[i], "--country")) country = argv[i + 1];
    if (!std::strcmp(argv[i], "--birth-date")) birth_date = argv[i + 1];
  }
  auto t0 = Clock::now();
  std::vector<lists::Entity> entities = bench::BundledEntities();
  double parse_s = bench::Seconds(t0);
  double rss_before = bench::PeakRssMiB();

  t0 = Clock::now();
  match::NameIndexBuilder builder;
  for (const lists::Entity& e : entities) builder.Add(e);
  match::NameIndex index = std::move(builder).Build();
  double build_s = bench::Seconds(t0);

  std::string cache = (std::filesystem::temp_directory_path() / "dualwatch-bench.index").string();
  t0 = Clock::now();
  if (!index.Save(cache, "bench").ok()) bench::Die("cannot save the index cache");
  double save_s = bench::Seconds(t0);
  t0 = Clock::now();
  auto loaded = match::NameIndex::Load(cache, "bench");
  double load_s = bench::Seconds(t0);
  if (!loaded.ok()) bench::Die(loaded.status().message());
  std::uintmax_t cache_bytes = std::filesystem::file_size(cache);
  std::filesystem::remove(cache);

  auto make_queries = [&](unsigned from_seed) {
    std::vector<BenchQuery> made = MakeQueries(entities, n, from_seed);
    std::erase_if(made,
                  [&](const BenchQuery& q) { return q.kind.find(only) == std::string::npos; });
    for (BenchQuery& q : made) {
      q.query.country = country;
      q.query.birth_date = birth_date;
    }
    return made;
  };
  std::vector<BenchQuery> queries = make_queries(seed);
  if (queries.empty()) bench::Die("no query is of kind " + only);
  match::SearchOptions options;
  options.explain = false;
  // Warm-up pass (thread-local scratch, ICU transliterators, the words ICU has read), on other
  // queries of the same mix: the measured ones are new to the search, as a service's are. ICU
  // builds a script's transform the first time it meets the script (a tenth of a second or
  // more), which a service does once: a name in each script the mix holds is searched first,
  // so that none of the few Hebrew or Thai names is the measured pass's first.
  for (const char* name : {"محمد", "דוד", "Σωκράτης", "김정은", "さくら", "スズキ", "佐々木",
                           "สมชาย", "राजेश", "টেলিভিশন", "დახურული", "Տակո", "ሃላፊነቱ", "ករម", "ကငး",
                           "ທະນາຄານ", "Иван", "Ґанна", "长沙"}) {
    match::Query q;
    q.name = name;
    (void)loaded->Search(q, options);
  }
  for (const BenchQuery& q : make_queries(seed + 1)) (void)loaded->Search(q.query, options);
  auto start = Clock::now();
  Measured measured = MeasuredPass(*loaded, queries, options);
  double total_s = bench::Seconds(start);
  const std::vector<double>& latency = measured.latency;
  std::size_t expected = 0, found = 0, results = 0;
  struct KindFigures {
    std::size_t found = 0, expected = 0, queries = 0;
    double micros = 0;
  };
  std::map<std::string, KindFigures> by_kind;
  for (std::size_t i = 0; i < queries.size(); ++i) {
    const BenchQuery& q = queries[i];
    const std::vector<match::SearchResult>& r = measured.results[i];
    results += r.size();
    KindFigures& k = by_kind[q.kind];
    ++k.queries;
    k.micros += latency[i];
    if (q.expect.empty()) continue;
    ++expected;
    bool hit = std::any_of(r.begin(), r.end(), [&](const match::SearchResult& x) {
      return loaded->entity(x.entity).id == q.expect;
    });
    found += hit;
    k.found += hit;
    ++k.expected;
    if (!hit && std::getenv("DUALWATCH_BENCH_DEBUG")) {
      std::fprintf(stderr, "missed: %s: %s (%s)\n", q.kind.c_str(), q.query.name.c_str(),
                   q.expect.c_str());
    }
  }
  std::vector<double> sorted = latency;
  std::sort(sorted.begin(), sorted.end());
  auto pct = [&](double p) { return sorted[static_cast<std::size_t>(p * (sorted.size() - 1))]; };

  std::printf("lists: %zu entities parsed in %.2f s\n", entities.size(), parse_s);
  std::printf(
      "index: %zu names, %zu keys, built in %.2f s, ~%.0f MiB in memory (RSS %.0f -> %.0f MiB)\n",
      index.name_count(), index.key_count(), build_s,
      static_cast<double>(index.memory_bytes()) / (1 << 20), rss_before, bench::PeakRssMiB());
  std::printf("cache: %.1f MiB, saved in %.2f s, loaded (cold start) in %.3f s\n",
              static_cast<double>(cache_bytes) / (1 << 20), save_s, load_s);
  std::printf(
      "queries: %zu on one core in %.3f s = %.0f queries/s; p50 %.1f us, p99 %.1f us, max %.0f "
      "us\n",
      queries.size(), total_s, static_cast<double>(queries.size()) / total_s, pct(0.5), pct(0.99),
      sorted.back());
  std::printf(
      "check: %zu of %zu list-derived queries found their entity (%.1f%%); %.2f results/query\n",
      found, expected, 100.0 * static_cast<double>(found) / std::max<double>(1, expected),
      static_cast<double>(results) / static_cast<double>(queries.size()));
  for (const auto& [kind, k] : by_kind) {
    std::printf("  %-24s %6.1f us mean", kind.c_str(), k.micros / static_cast<double>(k.queries));
    if (k.expected) {
      std::printf(", %5.1f%% of %zu found",
                  100.0 * static_cast<double>(k.found) / static_cast<double>(k.expected),
                  k.expected);
    }
    std::printf("\n");
  }
  std::vector<std::size_t> order(queries.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  const std::size_t slowest = std::min<std::size_t>(5, order.size());
  std::partial_sort(order.begin(), order.begin() + slowest, order.end(),
                    [&](std::size_t a, std::size_t b) { return latency[a] > latency[b]; });
  std::printf("slowest:");
  for (std::size_t i = 0; i < slowest; ++i) {
    std::printf(" [%.0f us %s: %s]", latency[order[i]], queries[order[i]].kind.c_str(),
                queries[order[i]].query.name.substr(0, 60).c_str());
  }
  // Where the time goes: the share of it spent in slow queries.
  double total = 0, over = 0;
  std::size_t slow_queries = 0;
  for (double l : latency) {
    total += l;
    if (l > 100) {
      over += l;
      ++slow_queries;
    }
  }
  std::printf("\nover 100 us: %zu queries (%.1f%%), %.1f%% of the time\n", slow_queries,
              100.0 * static_cast<double>(slow_queries) / static_cast<double>(latency.size()),
              total > 0 ? 100.0 * over / total : 0.0);
  std::printf("peak RSS: %.0f MiB\n", bench::PeakRssMiB());
  // Every result's entity and score (to 1e-9), hashed: a change meant only for speed must
  // leave it as it was.
  std::string all;
  for (const auto& r : measured.results) {
    for (const match::SearchResult& x : r) {
      all += loaded->entity(x.entity).id;
      all += std::to_string(std::llround(x.score * 1e9));
    }
    all += '\n';
  }
  std::printf("results digest: %016llx\n", static_cast<unsigned long long>(io::Fnv1a(all)));
  if (reference_queries > 0) {
    match::ReferenceMatcher reference(*loaded);
    std::size_t differ = 0, checked = std::min(reference_queries, queries.size());
    for (std::size_t i = 0; i < checked; ++i) {
      auto slow = reference.Search(queries[i].query, options);
      const auto& fast = measured.results[i];
      bool same = slow.size() == fast.size();
      for (std::size_t r = 0; same && r < slow.size(); ++r) {
        same = slow[r].entity == fast[r].entity && slow[r].score == fast[r].score;
      }
      if (!same) {
        ++differ;
        std::fprintf(stderr, "differs from the reference: %s (%zu results, reference %zu)\n",
                     queries[i].query.name.c_str(), fast.size(), slow.size());
        for (std::size_t r = 0; r < std::max(slow.size(), fast.size()); ++r) {
          auto show = [&](const std::vector<match::SearchResult>& v) {
            return r < v.size() ? loaded->entity(v[r].entity).id + " " + std::to_string(v[r].score)
                                : std::string("-");
          };
          std::fprintf(stderr, "  index %-50s reference %s\n", show(fast).c_str(),
                       show(slow).c_str());
        }
      }
    }
    std::printf("reference: %zu of %zu queries return what the brute-force reference does\n",
                checked - differ, checked);
    if (differ > 0) return 1;
  }
  if (static_cast<double>(found) < 0.85 * static_cast<double>(expected)) {
    std::fprintf(stderr, "FAIL: list-derived queries must find their entity\n");
    return 1;
  }
  return 0;
}
