// ScreenFile: stream → distinct values screened once, on all cores → alerts in a fixed order.
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <future>
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

std::string PartyKey(const trade::Party& p) { return p.name + '\x1f' + p.country; }
std::string GoodsKey(const trade::Shipment& s) {
  return s.description + '\x1f' + s.brand + '\x1f' + s.hs_code;
}

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

// Writes `text` to path through a temporary file and a rename.
Status WriteWhole(const std::filesystem::path& path,
                  const std::function<void(std::ofstream&)>& write) {
  std::filesystem::path tmp = path;
  tmp += ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return Status::Error(fmt::format("{}: cannot write", tmp.string()));
    write(out);
    out.flush();
    if (!out) return Status::Error(fmt::format("{}: write failed (disk full?)", tmp.string()));
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) return Status::Error(fmt::format("{}: cannot rename: {}", path.string(), ec.message()));
  return Status();
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

Result<std::shared_ptr<AlertSpill>> AlertSpill::Create(const std::string& path) {
  std::shared_ptr<AlertSpill> spill(new AlertSpill());
  spill->path_ = path;
  spill->file_ = std::fopen(path.c_str(), "w+b");
  if (!spill->file_) return Status::Error(fmt::format("{}: cannot write", path));
  return spill;
}

AlertSpill::~AlertSpill() {
  if (file_) std::fclose(file_);
  std::error_code ec;
  std::filesystem::remove(path_, ec);
}

Status AlertSpill::Add(const AlertRecord& r) {
  Key k{size_,
        static_cast<std::uint32_t>(r.record_id.size()),
        static_cast<std::uint32_t>(r.json.size()),
        static_cast<std::uint32_t>(r.csv.size()),
        static_cast<std::uint32_t>(r.first_reason.size()),
        static_cast<std::uint32_t>(r.line),
        r.score,
        r.severity};
  for (const std::string* part : {&r.record_id, &r.json, &r.csv, &r.first_reason}) {
    if (std::fwrite(part->data(), 1, part->size(), file_) != part->size()) {
      return Status::Error(fmt::format("{}: write failed (disk full?)", path_));
    }
    size_ += part->size();
  }
  keys_.push_back(k);
  return Status();
}

Status AlertSpill::Finish() {
  if (std::fflush(file_) != 0) return Status::Error(fmt::format("{}: write failed", path_));
  std::sort(keys_.begin(), keys_.end(), [](const Key& a, const Key& b) {
    if (a.severity != b.severity) return a.severity > b.severity;
    if (a.score != b.score) return a.score > b.score;
    return a.line < b.line;
  });
  return Status();
}

Result<AlertRecord> AlertSpill::Get(std::size_t i) const {
  const Key& k = keys_[i];
  std::string bytes(std::size_t{k.id_bytes} + k.json_bytes + k.csv_bytes + k.reason_bytes, '\0');
  if (pread(fileno(file_), bytes.data(), bytes.size(), static_cast<off_t>(k.offset)) !=
      static_cast<ssize_t>(bytes.size())) {
    return Status::Error(fmt::format("{}: read failed", path_));
  }
  AlertRecord r;
  r.record_id = bytes.substr(0, k.id_bytes);
  r.json = bytes.substr(k.id_bytes, k.json_bytes);
  r.csv = bytes.substr(k.id_bytes + k.json_bytes, k.csv_bytes);
  r.first_reason = bytes.substr(k.id_bytes + k.json_bytes + k.csv_bytes);
  r.line = k.line;
  r.score = k.score;
  r.severity = k.severity;
  return r;
}

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

  std::unordered_map<std::string, std::vector<risk::PartyHit>> party_cache;
  std::unordered_map<std::string, GoodsResult> goods_cache;
  constexpr std::size_t kCacheLimit = 2'000'000;  // distinct values kept between batches
  SeenIds seen_ids;
  auto spill = AlertSpill::Create((out_dir / ".alerts.spill").string());
  if (!spill.ok()) return spill.status();
  summary.alerts_in_order = *spill;
  std::vector<trade::Row> batch(options.batch_rows);
  std::vector<Assessment> assessed;
  std::vector<AlertRecord> records;
  auto last_progress = Clock::now();

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
    if (party_cache.size() > kCacheLimit) party_cache.clear();
    if (goods_cache.size() > kCacheLimit) goods_cache.clear();
    std::vector<std::pair<std::string, trade::Party>> party_tasks;
    std::vector<std::pair<std::string, std::size_t>> goods_tasks;
    for (std::size_t i = 0; i < n; ++i) {
      if (!batch[i].ok) continue;
      const trade::Shipment& s = batch[i].shipment;
      for (const trade::Party* p : {&s.exporter, &s.importer, &s.notify}) {
        if (p->name.empty()) continue;
        std::string key = PartyKey(*p);
        if (party_cache.try_emplace(key).second) party_tasks.emplace_back(std::move(key), *p);
      }
      if (!s.manufacturer.empty()) {
        trade::Party m{s.manufacturer, "", ""};
        std::string key = PartyKey(m);
        if (party_cache.try_emplace(key).second) party_tasks.emplace_back(std::move(key), m);
      }
      std::string gkey = GoodsKey(s);
      if (goods_cache.try_emplace(gkey).second) goods_tasks.emplace_back(std::move(gkey), i);
    }
    summary.distinct_parties += party_tasks.size();
    summary.distinct_goods += goods_tasks.size();
    std::vector<std::vector<risk::PartyHit>> party_results(party_tasks.size());
    std::vector<GoodsResult> goods_results(goods_tasks.size());
    std::size_t tasks = party_tasks.size() + goods_tasks.size();
    ParallelFor(tasks, threads, [&](std::size_t t) {
      if (t < party_tasks.size()) {
        party_results[t] = screener.ScreenParty("", party_tasks[t].second);
      } else {
        std::size_t g = t - party_tasks.size();
        goods_results[g] = screener.ClassifyGoods(batch[goods_tasks[g].second].shipment);
      }
    });
    for (std::size_t t = 0; t < party_tasks.size(); ++t) {
      party_cache[party_tasks[t].first] = std::move(party_results[t]);
    }
    for (std::size_t g = 0; g < goods_tasks.size(); ++g) {
      goods_cache[goods_tasks[g].first] = std::move(goods_results[g]);
    }

    // Every row scored from the cached parts, in parallel; merged below in input order.
    assessed.assign(n, Assessment());
    records.assign(n, AlertRecord());
    ParallelFor(n, threads, [&](std::size_t i) {
      if (!batch[i].ok) return;
      const trade::Shipment& s = batch[i].shipment;
      std::vector<risk::PartyHit> hits;
      auto add = [&](const char* role, const trade::Party& p) {
        if (p.name.empty()) return;
        for (const risk::PartyHit& h : party_cache.at(PartyKey(p))) {
          hits.push_back(h);
          hits.back().role = role;
        }
      };
      add("exporter", s.exporter);
      add("importer", s.importer);
      add("notify", s.notify);
      if (!s.manufacturer.empty()) add("manufacturer", trade::Party{s.manufacturer, "", ""});
      assessed[i] = screener.Combine(s, std::move(hits), goods_cache.at(GoodsKey(s)));
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
    summary.seconds_screen += Since(t_screen);

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
      ++summary
            .by_goods_class[a.goods ? std::string(goods::ClassName(a.goods->goods_class)) : "none"];
      for (const risk::RouteFinding& f : a.alert.route) ++summary.by_route[f.code];
      if (a.alert.severity == risk::Severity::kNone) continue;
      ++summary.alerts;
      ++summary.alerts_by_severity[static_cast<std::size_t>(a.alert.severity)];
      for (const risk::PartyHit& p : a.alert.parties) {
        ++summary.by_listed_party[p.entity_id];
        summary.listed_party_names.emplace(p.entity_id, p.caption);
      }
      if (Status st = summary.alerts_in_order->Add(records[i]); !st.ok()) return st;
    }
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
  if (options.progress) PrintProgress(reader, summary.rows_read, Since(start), true);
  summary.input_sha256 = reader.sha256();

  auto t_write = Clock::now();
  AlertSpill& alerts = *summary.alerts_in_order;
  if (Status st = alerts.Finish(); !st.ok()) return st;
  rejected.flush();
  if (!rejected) return Status::Error(fmt::format("{}: write failed", rejected_tmp.string()));
  rejected.close();
  std::filesystem::rename(rejected_tmp, rejected_path, ec);
  if (ec) return Status::Error(fmt::format("{}: cannot rename", rejected_path.string()));
  // Both alert files in one pass over the ordered alerts.
  std::filesystem::path jsonl = out_dir / "alerts.jsonl", csv = out_dir / "alerts.csv";
  std::filesystem::path jsonl_tmp = jsonl.string() + ".tmp", csv_tmp = csv.string() + ".tmp";
  {
    std::ofstream j(jsonl_tmp, std::ios::binary | std::ios::trunc);
    std::ofstream c(csv_tmp, std::ios::binary | std::ios::trunc);
    if (!j || !c) return Status::Error(fmt::format("{}: cannot write", out_dir.string()));
    c << kAlertsCsvHeader;
    for (std::size_t i = 0; i < alerts.size(); ++i) {
      auto r = alerts.Get(i);
      if (!r.ok()) return r.status();
      j << r->json << '\n';
      c << r->csv;
      if (summary.top.size() < options.top) summary.top.push_back(std::move(*r));
    }
    j.flush();
    c.flush();
    if (!j || !c)
      return Status::Error(fmt::format("{}: write failed (disk full?)", out_dir.string()));
  }
  for (auto [from, to] : {std::pair{jsonl_tmp, jsonl}, std::pair{csv_tmp, csv}}) {
    std::filesystem::rename(from, to, ec);
    if (ec) return Status::Error(fmt::format("{}: cannot rename: {}", to.string(), ec.message()));
  }
  Status s;
  summary.seconds_write = Since(t_write);
  summary.seconds_total = Since(start);
  if (s.ok()) {
    s = WriteWhole(out_dir / "summary.json",
                   [&](std::ofstream& out) { out << SummaryJson(summary) << '\n'; });
  }
  if (!s.ok()) return s;
  return summary;
}

}  // namespace dualwatch::pipeline
