// dualwatch::pipeline — the batch screen: every row of a shipment file read, every party and
// goods line screened, every alert explained, every row accounted for.
//
// ScreenFile() streams the input (trade::ShipmentReader) in batches; in each batch it collects
// the distinct party names and goods lines not seen before (the same exporter appears thousands
// of times: each distinct value is screened once per run), screens them on all cores, then
// scores every row (risk::ScoreShipment) on all cores and keeps its alert. At the end it writes,
// into the output folder, each file first under a temporary name and then renamed, so a killed
// run leaves the previous outputs whole:
//   alerts.jsonl  one JSON object per alert, by severity, then score, then input line;
//   alerts.csv    the same, one line each (record_id, line, severity, score, reasons, ...);
//   summary.json  rows_read, rows_screened, rows_rejected, alerts_by_severity, breakdowns;
//   rejected.csv  line, record_id, reason for each row that could not be screened.
// Counts reconcile: rows_read = rows_screened + rows_rejected.
//
// Screener is the facade the CLI (and later the server) calls: a NameIndex, a GoodsClassifier
// and the risk rules. It is immutable and safe to share between threads.
#ifndef DUALWATCH_PIPELINE_PIPELINE_H_
#define DUALWATCH_PIPELINE_PIPELINE_H_

#include <array>
#include <cstdio>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "goods/goods.h"
#include "match/match.h"
#include "risk/risk.h"
#include "store/store.h"
#include "trade/trade.h"

namespace dualwatch::pipeline {

using io::Result;
using io::Status;

// One screened row's outcome, whether or not it raised an alert.
struct Assessment {
  risk::Alert alert;                                   // severity kNone: no alert
  std::shared_ptr<const goods::Classification> goods;  // null when the row is rejected
  std::string error;  // non-empty: the row is rejected (e.g. "hs_code: ...")
};

// The goods of a line, classified once and shared by every row that carries them.
using GoodsResult = std::pair<std::shared_ptr<const goods::Classification>, std::string>;

class Screener {
 public:
  // Both must outlive the Screener.
  Screener(const match::NameIndex& index, const goods::GoodsClassifier& classifier,
           double threshold = match::kDefaultThreshold);

  // Listed entities one party matches (score ≥ the threshold), best first.
  std::vector<risk::PartyHit> ScreenParty(std::string_view role, const trade::Party& party) const;
  // The goods of a line: description (with brand) and declared HS code.
  // The classification, or an error for the row ("hs_code: ...").
  GoodsResult ClassifyGoods(const trade::Shipment& shipment) const;
  // One shipment, start to end (no caching: ScreenFile adds that).
  Assessment Screen(const trade::Shipment& shipment) const;
  // Combines results already computed for the parts of a shipment.
  Assessment Combine(const trade::Shipment& shipment, std::vector<risk::PartyHit> hits,
                     const GoodsResult& goods) const;

  double threshold() const { return threshold_; }
  const match::NameIndex& index() const { return index_; }

 private:
  const match::NameIndex& index_;
  const goods::GoodsClassifier& classifier_;
  double threshold_;
};

// The JSON form of one alert (alerts.jsonl), on one line.
std::string AlertJson(const trade::Shipment& shipment, const Assessment& assessment);

struct ScreenOptions {
  std::string out_dir;   // required; created when missing
  unsigned threads = 0;  // 0: every core (std::thread::hardware_concurrency)
  std::size_t batch_rows = 16384;
  trade::ReaderOptions reader;
  bool progress = false;  // a progress line on stderr (the CLI sets it on a terminal)
  std::size_t top = 10;   // alerts kept in ScreenSummary::top
};

// An alert as written: enough to sort and to print, and its JSON.
struct AlertRecord {
  std::string record_id;
  std::size_t line = 0;
  risk::Severity severity = risk::Severity::kNone;
  double score = 0;
  std::string first_reason;
  std::string json;
  std::string csv;
};

// A run's alerts in output order (severity, then score, then input line), however many there
// are: an external sort. Alerts are held in memory up to a budget, then sorted and written to a
// file beside the outputs as one zstd-compressed run; reading merges the runs, each read front
// to back. Memory
// stays at the budget plus a read buffer per run; the file is removed with the object.
class AlertSpill {
 public:
  // `memory_bytes`: alert bytes held before a run is written (default 128 MiB).
  static Result<std::shared_ptr<AlertSpill>> Create(const std::string& path,
                                                    std::size_t memory_bytes = 128u << 20);
  ~AlertSpill();
  Status Add(AlertRecord record);
  // Sorts what is still in memory. Call once, after the last Add, before reading.
  Status Finish();
  std::size_t size() const { return count_; }

  // Every alert once, in output order. Several Readers may be open at once.
  class Reader {
   public:
    // The next alert into `record`; false at the end or on a read error (see status()).
    bool Next(AlertRecord& record);
    const Status& status() const { return status_; }

   private:
    friend class AlertSpill;
    struct Source;
    explicit Reader(const AlertSpill& spill);
    // Source a's current alert comes after source b's (the heap keeps the first on top).
    bool Worse(std::size_t a, std::size_t b) const;
    const AlertSpill* spill_;
    std::vector<std::shared_ptr<Source>> sources_;  // runs on disk, then the one in memory
    std::vector<std::size_t> heap_;                 // sources with an alert, best on top
    Status status_;
  };
  Reader Read() const { return Reader(*this); }

 private:
  struct Rank {  // the output order: severity, then score (both descending), then input line
    risk::Severity severity;
    double score;
    std::size_t line;
    bool operator<(const Rank& o) const;  // "comes first"
  };
  struct Head {  // an alert's fixed part in a run on disk, before its bytes
    std::uint32_t id_bytes, json_bytes, csv_bytes, reason_bytes, line;
    double score;
    risk::Severity severity;
    std::size_t bytes() const {
      return std::size_t{id_bytes} + json_bytes + csv_bytes + reason_bytes;
    }
  };
  static Rank RankOf(const AlertRecord& r) { return {r.severity, r.score, r.line}; }
  static AlertRecord Decode(const Head& head, std::string_view bytes);
  void SortHeld();  // into output order
  Status WriteRun();
  AlertSpill() = default;
  std::string path_;
  std::FILE* file_ = nullptr;
  void* zstd_ = nullptr;  // ZSTD_CCtx, made for the first run
  std::size_t memory_bytes_ = 0, count_ = 0;
  std::uint64_t file_bytes_ = 0;
  std::vector<std::pair<std::uint64_t, std::uint64_t>> runs_;  // [begin, end) in the file
  std::vector<AlertRecord> held_;                              // not yet in a run
  std::size_t held_bytes_ = 0;
};

struct ScreenSummary {
  std::string input, input_sha256, mapping, format;
  std::size_t rows_read = 0, rows_screened = 0, rows_rejected = 0;
  std::size_t alerts = 0;
  std::array<std::size_t, 5> alerts_by_severity{};        // by risk::Severity
  std::map<std::string, std::size_t> by_goods_class;      // rows screened, per class
  std::map<std::string, std::size_t> by_route;            // rows, per route finding code
  std::map<std::string, std::size_t> by_listed_party;     // alerts, per matched entity id
  std::map<std::string, std::string> listed_party_names;  // entity id → caption
  std::size_t distinct_parties = 0, distinct_goods = 0;
  std::size_t duplicate_record_ids = 0;
  std::vector<std::string> duplicate_examples;  // "id (lines 3 and 9)"
  // read: time spent waiting for input (reading overlaps screening); screen: screening and
  // scoring; write: ordering and writing the outputs.
  double seconds_read = 0, seconds_screen = 0, seconds_write = 0, seconds_total = 0;
  std::vector<AlertRecord> top;                 // the first `top` alerts in output order
  std::shared_ptr<AlertSpill> alerts_in_order;  // every alert (for the workspace)
};

std::string SummaryJson(const ScreenSummary& summary);

// Screens one file. Fails only when the input cannot be read at all (a missing file, a header
// without the required columns, a record too long to be one) or the outputs cannot be written;
// bad rows are counted and listed in rejected.csv.
Result<ScreenSummary> ScreenFile(const std::string& path, const Screener& screener,
                                 const ScreenOptions& options);

// What `dualwatch sample` draws from: organisations of the blocking and export-control lists
// with a country that trades with Russia (and their original-script names), the Forbes Global
// 2000 and S&P 500 companies (data/eval/companies; Russian ones and those known to be listed
// left out), the labelled goods lines (tests/cases/goods/cases.tsv) and HS 2022 texts of
// everyday goods.
Result<trade::SampleSources> GatherSampleSources(const std::vector<lists::Entity>& entities,
                                                 const goods::GoodsClassifier& classifier);

// Records the run and its alerts in the workspace, in one transaction. The run is keyed by the
// input's SHA-256, the threshold, the mapping and the current list versions: re-running the same
// input replaces the earlier run instead of adding a second one. Returns the run id.
Result<std::int64_t> SaveRun(store::Workspace& workspace, const ScreenSummary& summary,
                             const Screener& screener, const std::string& mapping_file);

}  // namespace dualwatch::pipeline

#endif  // DUALWATCH_PIPELINE_PIPELINE_H_
