// ScreenFile: stream → distinct values screened once, on all cores → alerts in a fixed order.
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <future>
#include <string_view>
#include <thread>
#include <unordered_map>

#include "pipeline/pipeline.h"

namespace dualwatch::pipeline {
namespace {

using Clock = std::chrono::steady_clock;

double Since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

// Runs fn(i) for i in [0, n) on `threads` threads (the caller's among them).
template <typename Fn>
void ParallelFor(std::size_t n, unsigned threads, Fn&& fn) {
  if (n == 0) return;
  if (threads <= 1 || n < 64) {
    for (std::size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    constexpr std::size_t kChunk = 16;
    for (std::size_t start; (start = next.fetch_add(kChunk)) < n;) {
      for (std::size_t i = start; i < std::min(n, start + kChunk); ++i) fn(i);
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
}

// FNV-1a, for the duplicate-id table.
std::uint64_t Hash64(std::string_view s) {
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h | 1;  // never 0: 0 marks an empty slot
}

// Record ids seen so far: an open-addressing table of id hashes and first lines, 12 bytes a
// row, so 10 million rows cost about 200 MB rather than a map of strings.
class SeenIds {
 public:
  // The first line of `id` when it was seen before, else 0 (and remembers it).
  std::size_t Insert(std::string_view id, std::size_t line) {
    if ((size_ + 1) * 10 > keys_.size() * 7) Grow();
    std::uint64_t h = Hash64(id);
    std::size_t mask = keys_.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
      if (keys_[i] == 0) {
        keys_[i] = h;
        lines_[i] = static_cast<std::uint32_t>(line);
        ++size_;
        return 0;
      }
      if (keys_[i] == h) return lines_[i];
    }
  }

 private:
  void Grow() {
    std::vector<std::uint64_t> keys(std::max<std::size_t>(1024, keys_.size() * 2));
    std::vector<std::uint32_t> lines(keys.size());
    std::size_t mask = keys.size() - 1;
    for (std::size_t j = 0; j < keys_.size(); ++j) {
      if (keys_[j] == 0) continue;
      std::size_t i = keys_[j] & mask;
      while (keys[i] != 0) i = (i + 1) & mask;
      keys[i] = keys_[j];
      lines[i] = lines_[j];
    }
    keys_.swap(keys);
    lines_.swap(lines);
  }
  std::vector<std::uint64_t> keys_;
  std::vector<std::uint32_t> lines_;
  std::size_t size_ = 0;
};

// Distinct party names (with country) and goods lines, each screened once and kept between
// batches; every row of a batch points at its parts, so scoring a row looks nothing up.
class PartsCache {
 public:
  using Hits = std::vector<risk::PartyHit>;
  static constexpr const char* kRoles[4] = {"exporter", "importer", "notify", "manufacturer"};
  struct RowParts {
    std::array<const Hits*, 4> parties{};  // by kRoles; null when the record has no such party
    const GoodsResult* goods = nullptr;
  };

  // Points parts[i] at row i's cached values, adding empty entries (and tasks) for new ones.
  // Values seen before (nearly all, after the first batches) are found on `threads` threads, as
  // lookups alone do not change the maps; only the misses are added, in row order, on one.
  void Collect(const std::vector<trade::Row>& batch, std::size_t n, std::vector<RowParts>& parts,
               unsigned threads) {
    constexpr std::size_t kLimit = 2'000'000;  // distinct values kept between batches
    if (parties_.size() > kLimit) parties_.clear();
    if (goods_.size() > kLimit) goods_.clear();
    party_tasks_.clear();
    goods_tasks_.clear();
    ParallelFor(n, threads, [&](std::size_t i) {
      thread_local std::string key;
      parts[i] = RowParts();
      if (!batch[i].ok) return;
      for (std::size_t r = 0; r < 4; ++r) {
        if (!PartyKey(batch[i].shipment, r, key)) continue;
        auto it = parties_.find(std::string_view(key));
        parts[i].parties[r] = it == parties_.end() ? &kMissing : &it->second;
      }
      GoodsKey(batch[i].shipment, key);
      auto it = goods_.find(std::string_view(key));
      if (it != goods_.end()) parts[i].goods = &it->second;
    });
    for (std::size_t i = 0; i < n; ++i) {
      if (!batch[i].ok) continue;
      const trade::Shipment& s = batch[i].shipment;
      for (std::size_t r = 0; r < 4; ++r) {
        if (parts[i].parties[r] != &kMissing) continue;
        PartyKey(s, r, key_);
        auto [it, added] = parties_.try_emplace(key_);
        if (added) {
          const trade::Party* p[3] = {&s.exporter, &s.importer, &s.notify};
          party_tasks_.push_back({&it->second, r < 3 ? trade::Party{p[r]->name, p[r]->country, ""}
                                                     : trade::Party{s.manufacturer, "", ""}});
        }
        parts[i].parties[r] = &it->second;
      }
      if (parts[i].goods) continue;
      GoodsKey(s, key_);
      auto [it, added] = goods_.try_emplace(key_);
      if (added) goods_tasks_.push_back({&it->second, i});
      parts[i].goods = &it->second;
    }
  }

  // Screens the values Collect added, on `threads` threads (entries are distinct, so each task
  // writes its own).
  void ScreenNew(const Screener& screener, const std::vector<trade::Row>& batch, unsigned threads) {
    ParallelFor(party_tasks_.size() + goods_tasks_.size(), threads, [&](std::size_t t) {
      if (t < party_tasks_.size()) {
        *party_tasks_[t].hits = screener.ScreenParty("", party_tasks_[t].party);
      } else {
        const GoodsTask& g = goods_tasks_[t - party_tasks_.size()];
        *g.result = screener.ClassifyGoods(batch[g.row].shipment);
      }
    });
  }
  std::size_t new_parties() const { return party_tasks_.size(); }
  std::size_t new_goods() const { return goods_tasks_.size(); }

 private:
  // The cache key of a record's party in role r (kRoles), or false when it has none.
  static bool PartyKey(const trade::Shipment& s, std::size_t r, std::string& key) {
    const trade::Party* party[3] = {&s.exporter, &s.importer, &s.notify};
    const std::string& name = r < 3 ? party[r]->name : s.manufacturer;
    if (name.empty()) return false;
    key.assign(name).append(1, '\x1f');
    if (r < 3) key.append(party[r]->country);
    return true;
  }
  static void GoodsKey(const trade::Shipment& s, std::string& key) {
    key.assign(s.description).append(1, '\x1f').append(s.brand).append(1, '\x1f');
    key.append(s.hs_code);
  }
  static inline const Hits kMissing{};  // marks a party the parallel lookup did not find

  struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  template <typename V>
  using Map = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;
  struct PartyTask {
    Hits* hits;
    trade::Party party;
  };
  struct GoodsTask {
    GoodsResult* result;
    std::size_t row;  // a row of the batch that carries these goods
  };
  Map<Hits> parties_;       // name \x1f country → hits (node-based: pointers stay valid)
  Map<GoodsResult> goods_;  // description \x1f brand \x1f HS code → classification
  std::vector<PartyTask> party_tasks_;
  std::vector<GoodsTask> goods_tasks_;
  std::string key_;
};

std::string AlertCsv(const trade::Shipment& s, const Assessment& a) {
  std::string listed;
  for (const risk::PartyHit& p : a.alert.parties) {
    listed += fmt::format("{}{}: {} ({}, {:.2f})", listed.empty() ? "" : "; ", p.role, p.caption,
                          p.entity_id, p.score);
  }
  std::string route;
  for (const risk::RouteFinding& f : a.alert.route) route += (route.empty() ? "" : "; ") + f.code;
  std::string reasons;
  for (const std::string& r : a.alert.reasons) reasons += (reasons.empty() ? "" : " | ") + r;
  const goods::Classification* g = a.goods.get();
  return fmt::format(
      "{},{},{},{:.4f},{},{},{},{},{},{},{},{},{},{},{}\n", trade::CsvQuote(s.record_id), s.line,
      risk::SeverityName(a.alert.severity), a.alert.score, trade::CsvQuote(s.exporter.name),
      trade::CsvQuote(s.importer.name), g ? goods::ClassName(g->goods_class) : "",
      g ? trade::CsvQuote(g->category) : "", g ? g->chpl_tier : "",
      g && g->misdeclared ? "yes" : "no", trade::CsvQuote(s.hs_code), s.destination_country,
      trade::CsvQuote(listed), trade::CsvQuote(route), trade::CsvQuote(reasons));
}

constexpr const char* kAlertsCsvHeader =
    "record_id,line,severity,score,exporter,importer,goods_class,category,chpl_tier,misdeclared,"
    "hs_code,destination,listed_parties,route,reasons\n";

// Writes `path` through a temporary file and a rename; an error from `write` leaves `path` as
// it was.
Status WriteWhole(const std::filesystem::path& path,
                  const std::function<Status(std::ofstream&)>& write) {
  std::filesystem::path tmp = path;
  tmp += ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return Status::Error(fmt::format("{}: cannot write", tmp.string()));
    if (Status st = write(out); !st.ok()) return st;
    out.flush();
    if (!out) return Status::Error(fmt::format("{}: write failed (disk full?)", tmp.string()));
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) return Status::Error(fmt::format("{}: cannot rename: {}", path.string(), ec.message()));
  return Status();
}

// Writes every alert of `alerts`, in order, to `path` (WriteWhole): `header`, then what
// `append` adds for each alert, in writes of a few megabytes.
template <typename Append>
Status WriteAlerts(const AlertSpill& alerts, const std::filesystem::path& path,
                   std::string_view header, Append append) {
  return WriteWhole(path, [&](std::ofstream& out) {
    std::string chunk(header);
    AlertSpill::Reader in_order = alerts.Read();
    for (AlertRecord r; in_order.Next(r);) {
      append(chunk, r);
      if (chunk.size() >= (4u << 20)) {
        out.write(chunk.data(), static_cast<std::streamsize>(chunk.size()));
        chunk.clear();
      }
    }
    out.write(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    return in_order.status();
  });
}

void PrintProgress(const trade::ShipmentReader& reader, std::size_t rows, double seconds,
                   bool final) {
  double rate = seconds > 0 ? rows / seconds : 0;
  std::string eta;
  if (reader.total_bytes() > 0 && reader.bytes_read() > 0 && !final) {
    double share = static_cast<double>(reader.bytes_read()) / reader.total_bytes();
    double left = share > 0 ? seconds / share - seconds : 0;
    eta = fmt::format("  {:3.0f}%  ETA {}:{:02}", share * 100, static_cast<int>(left) / 60,
                      static_cast<int>(left) % 60);
  }
  fmt::print(stderr, "\r  screened {} rows  {:.0f} rows/s{}{}", rows, rate, eta,
             final ? "\n" : "   ");
}

}  // namespace

Result<ScreenSummary> ScreenFile(const std::string& path, const Screener& screener,
                                 const ScreenOptions& options) {
  auto start = Clock::now();
  if (options.out_dir.empty()) return Status::Error("screen: no output folder given");
  std::error_code ec;
  std::filesystem::create_directories(options.out_dir, ec);
  if (ec) {
    return Status::Error(
        fmt::format("{}: cannot create the output folder: {}", options.out_dir, ec.message()));
  }
  std::filesystem::path out_dir(options.out_dir);
  auto opened = trade::ShipmentReader::Open(path, options.reader);
  if (!opened.ok()) return opened.status();
  trade::ShipmentReader& reader = *opened;
  unsigned threads =
      options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());

  ScreenSummary summary;
  summary.input = path;
  summary.mapping = reader.mapping().name;
  summary.format =
      reader.format() == trade::InputFormat::kJsonLines
          ? "jsonl"
          : fmt::format("csv (delimiter {})",
                        reader.delimiter() == '\t' ? "tab" : std::string(1, reader.delimiter()));

  std::filesystem::path rejected_path = out_dir / "rejected.csv";
  std::filesystem::path rejected_tmp = rejected_path;
  rejected_tmp += ".tmp";
  std::ofstream rejected(rejected_tmp, std::ios::binary | std::ios::trunc);
  if (!rejected) return Status::Error(fmt::format("{}: cannot write", rejected_tmp.string()));
  rejected << "line,record_id,reason\n";
  auto reject = [&](const trade::Rejection& r) {
    rejected << r.line << ',' << trade::CsvQuote(r.record_id) << ',' << trade::CsvQuote(r.reason)
             << '\n';
    ++summary.rows_rejected;
  };

  PartsCache cache;
  std::vector<PartsCache::RowParts> parts(options.batch_rows);
  SeenIds seen_ids;
  // Two spills in the same order, the JSON (kept for the workspace) and the CSV lines, so the
  // two alert files are written at the same time.
  auto spill = AlertSpill::Create((out_dir / ".alerts.spill").string());
  if (!spill.ok()) return spill.status();
  summary.alerts_in_order = *spill;
  auto csv_spill = AlertSpill::Create((out_dir / ".alerts-csv.spill").string());
  if (!csv_spill.ok()) return csv_spill.status();
  std::vector<trade::Row> batch(options.batch_rows);
  std::vector<Assessment> assessed;
  std::vector<AlertRecord> records;
  auto last_progress = Clock::now();
  std::array<std::size_t, 3> rows_by_class{};  // by goods::GoodsClass; rows without goods: none

  // The next batch is read on its own thread while this one is screened; seconds_read counts
  // only the time screening waited for input.
  std::vector<trade::Row> next_batch(options.batch_rows);
  auto read_into = [&reader](std::vector<trade::Row>* rows) {
    std::size_t got = 0;
    while (got < rows->size() && reader.Next((*rows)[got])) ++got;
    return got;
  };
  auto t_first = Clock::now();
  std::size_t n = read_into(&batch);
  summary.seconds_read += Since(t_first);
  while (n > 0) {
    std::future<std::size_t> ahead = std::async(std::launch::async, read_into, &next_batch);
    auto t_screen = Clock::now();
    summary.rows_read += n;

    // Distinct values this batch needs that no earlier batch screened.
    cache.Collect(batch, n, parts, threads);
    summary.distinct_parties += cache.new_parties();
    summary.distinct_goods += cache.new_goods();
    cache.ScreenNew(screener, batch, threads);
    // Every row scored from the cached parts, in parallel; merged below in input order.
    assessed.assign(n, Assessment());
    records.assign(n, AlertRecord());
    ParallelFor(n, threads, [&](std::size_t i) {
      if (!batch[i].ok) return;
      const trade::Shipment& s = batch[i].shipment;
      std::vector<risk::PartyHit> hits;
      for (std::size_t r = 0; r < 4; ++r) {
        if (!parts[i].parties[r]) continue;
        for (const risk::PartyHit& h : *parts[i].parties[r]) {
          hits.push_back(h);
          hits.back().role = PartsCache::kRoles[r];
        }
      }
      assessed[i] = screener.Combine(s, std::move(hits), *parts[i].goods);
      const Assessment& a = assessed[i];
      if (a.error.empty() && a.alert.severity != risk::Severity::kNone) {
        AlertRecord& r = records[i];
        r.record_id = s.record_id;
        r.line = s.line;
        r.severity = a.alert.severity;
        r.score = a.alert.score;
        r.first_reason = a.alert.reasons.empty() ? "" : a.alert.reasons.front();
        r.json = AlertJson(s, a);
        r.csv = AlertCsv(s, a);
      }
    });

    for (std::size_t i = 0; i < n; ++i) {
      trade::Row& row = batch[i];
      if (!row.ok) {
        reject(row.rejection);
        continue;
      }
      const trade::Shipment& s = row.shipment;
      const Assessment& a = assessed[i];
      if (!a.error.empty()) {
        reject({s.line, s.record_id, a.error});
        continue;
      }
      ++summary.rows_screened;
      if (!s.record_id.starts_with("line ")) {
        if (std::size_t first = seen_ids.Insert(s.record_id, s.line)) {
          if (++summary.duplicate_record_ids <= 10) {
            summary.duplicate_examples.push_back(
                fmt::format("{} (lines {} and {})", s.record_id, first, s.line));
          }
        }
      }
      ++rows_by_class[a.goods ? static_cast<std::size_t>(a.goods->goods_class) : 0];
      for (const risk::RouteFinding& f : a.alert.route) ++summary.by_route[f.code];
      if (a.alert.severity == risk::Severity::kNone) continue;
      ++summary.alerts;
      ++summary.alerts_by_severity[static_cast<std::size_t>(a.alert.severity)];
      for (const risk::PartyHit& p : a.alert.parties) {
        ++summary.by_listed_party[p.entity_id];
        summary.listed_party_names.try_emplace(p.entity_id, p.caption);
      }
      AlertRecord csv_line;
      csv_line.line = s.line;
      csv_line.severity = a.alert.severity;
      csv_line.score = a.alert.score;
      csv_line.csv = std::move(records[i].csv);
      if (Status st = (*csv_spill)->Add(std::move(csv_line)); !st.ok()) return st;
      if (Status st = summary.alerts_in_order->Add(std::move(records[i])); !st.ok()) return st;
    }
    summary.seconds_screen += Since(t_screen);
    auto t_wait = Clock::now();
    n = ahead.get();
    summary.seconds_read += Since(t_wait);
    batch.swap(next_batch);
    if (options.progress && Since(last_progress) > 0.25) {
      PrintProgress(reader, summary.rows_read, Since(start), false);
      last_progress = Clock::now();
    }
  }
  if (!reader.status().ok()) {
    rejected.close();
    std::filesystem::remove(rejected_tmp, ec);
    return reader.status();
  }
  for (std::size_t c = 0; c < rows_by_class.size(); ++c) {
    if (rows_by_class[c]) {
      summary.by_goods_class[std::string(goods::ClassName(static_cast<goods::GoodsClass>(c)))] +=
          rows_by_class[c];
    }
  }
  if (options.progress) PrintProgress(reader, summary.rows_read, Since(start), true);
  summary.input_sha256 = reader.sha256();

  auto t_write = Clock::now();
  rejected.flush();
  if (!rejected) return Status::Error(fmt::format("{}: write failed", rejected_tmp.string()));
  rejected.close();
  std::filesystem::rename(rejected_tmp, rejected_path, ec);
  if (ec) return Status::Error(fmt::format("{}: cannot rename", rejected_path.string()));
  for (AlertSpill* alerts : {summary.alerts_in_order.get(), csv_spill->get()}) {
    if (Status st = alerts->Finish(); !st.ok()) return st;
  }
  // The two alert files, each from its spill, on two threads.
  auto csv_written = std::async(std::launch::async, [&] {
    return WriteAlerts(**csv_spill, out_dir / "alerts.csv", kAlertsCsvHeader,
                       [](std::string& out, AlertRecord& r) { out += r.csv; });
  });
  Status jsonl_written = WriteAlerts(*summary.alerts_in_order, out_dir / "alerts.jsonl", "",
                                     [&](std::string& out, AlertRecord& r) {
                                       out += r.json;
                                       out += '\n';
                                       if (summary.top.size() < options.top)
                                         summary.top.push_back(std::move(r));
                                     });
  for (const Status& st : {jsonl_written, csv_written.get()}) {
    if (!st.ok()) return st;
  }
  summary.seconds_write = Since(t_write);
  summary.seconds_total = Since(start);
  Status written = WriteWhole(out_dir / "summary.json", [&](std::ofstream& out) {
    out << SummaryJson(summary) << '\n';
    return Status();
  });
  if (!written.ok()) return written;
  return summary;
}

}  // namespace dualwatch::pipeline
