// AlertSpill: alerts sorted in memory-sized runs on disk, merged on reading.
#include <fmt/format.h>
#include <unistd.h>
#include <zstd.h>

#include <algorithm>
#include <cstring>
#include <filesystem>

#include "pipeline/pipeline.h"

namespace dualwatch::pipeline {

bool AlertSpill::Rank::operator<(const Rank& o) const {
  if (severity != o.severity) return severity > o.severity;
  if (score != o.score) return score > o.score;
  return line < o.line;
}

AlertRecord AlertSpill::Decode(const Head& h, std::string_view bytes) {
  AlertRecord r;
  r.record_id = bytes.substr(0, h.id_bytes);
  r.json = bytes.substr(h.id_bytes, h.json_bytes);
  r.csv = bytes.substr(h.id_bytes + h.json_bytes, h.csv_bytes);
  r.first_reason = bytes.substr(h.id_bytes + h.json_bytes + h.csv_bytes, h.reason_bytes);
  r.line = h.line;
  r.score = h.score;
  r.severity = h.severity;
  return r;
}

Result<std::shared_ptr<AlertSpill>> AlertSpill::Create(const std::string& path,
                                                       std::size_t memory_bytes) {
  std::shared_ptr<AlertSpill> spill(new AlertSpill());
  spill->path_ = path;
  spill->memory_bytes_ = memory_bytes;
  spill->file_ = std::fopen(path.c_str(), "w+b");
  if (!spill->file_) return Status::Error(fmt::format("{}: cannot write", path));
  return spill;
}

AlertSpill::~AlertSpill() {
  if (file_) std::fclose(file_);
  ZSTD_freeCCtx(static_cast<ZSTD_CCtx*>(zstd_));
  std::error_code ec;
  std::filesystem::remove(path_, ec);
}

Status AlertSpill::Add(AlertRecord r) {
  held_bytes_ +=
      sizeof r + r.record_id.size() + r.json.size() + r.csv.size() + r.first_reason.size();
  held_.push_back(std::move(r));
  ++count_;
  if (held_bytes_ >= memory_bytes_) return WriteRun();
  return Status();
}

void AlertSpill::SortHeld() {
  std::sort(held_.begin(), held_.end(),
            [](const AlertRecord& a, const AlertRecord& b) { return RankOf(a) < RankOf(b); });
}

// Writes the held alerts, sorted, as one run: each a Head and its bytes, the run one zstd frame
// (alert JSON shrinks about 13 times at level 1, so the disk sees a tenth of the bytes).
Status AlertSpill::WriteRun() {
  SortHeld();
  if (!zstd_) {
    zstd_ = ZSTD_createCCtx();
    ZSTD_CCtx_setParameter(static_cast<ZSTD_CCtx*>(zstd_), ZSTD_c_compressionLevel, 1);
  }
  auto* cctx = static_cast<ZSTD_CCtx*>(zstd_);
  std::uint64_t begin = file_bytes_;
  std::string raw, packed(ZSTD_CStreamOutSize(), '\0');
  auto compress = [&](ZSTD_EndDirective mode) {
    ZSTD_inBuffer in{raw.data(), raw.size(), 0};
    for (bool done = false; !done;) {
      ZSTD_outBuffer out{packed.data(), packed.size(), 0};
      std::size_t left = ZSTD_compressStream2(cctx, &out, &in, mode);
      if (ZSTD_isError(left)) {
        return Status::Error(fmt::format("{}: {}", path_, ZSTD_getErrorName(left)));
      }
      if (std::fwrite(packed.data(), 1, out.pos, file_) != out.pos) {
        return Status::Error(fmt::format("{}: write failed (disk full?)", path_));
      }
      file_bytes_ += out.pos;
      done = mode == ZSTD_e_end ? left == 0 : in.pos == in.size;
    }
    raw.clear();
    return Status();
  };
  for (const AlertRecord& r : held_) {
    Head h{};  // zeroed, padding included: the bytes go to a file
    h.id_bytes = static_cast<std::uint32_t>(r.record_id.size());
    h.json_bytes = static_cast<std::uint32_t>(r.json.size());
    h.csv_bytes = static_cast<std::uint32_t>(r.csv.size());
    h.reason_bytes = static_cast<std::uint32_t>(r.first_reason.size());
    h.line = static_cast<std::uint32_t>(r.line);
    h.score = r.score;
    h.severity = r.severity;
    raw.append(reinterpret_cast<const char*>(&h), sizeof h);
    for (const std::string* part : {&r.record_id, &r.json, &r.csv, &r.first_reason}) raw += *part;
    if (raw.size() >= (1u << 20)) {
      if (Status st = compress(ZSTD_e_continue); !st.ok()) return st;
    }
  }
  if (Status st = compress(ZSTD_e_end); !st.ok()) return st;
  runs_.emplace_back(begin, file_bytes_);
  held_.clear();
  held_bytes_ = 0;
  return Status();
}

Status AlertSpill::Finish() {
  if (std::fflush(file_) != 0) return Status::Error(fmt::format("{}: write failed", path_));
  SortHeld();
  return Status();
}

// One sorted run being read: from the file through a buffer, or the run still in memory.
struct AlertSpill::Reader::Source {
  bool in_memory = false;
  std::uint64_t pos = 0, end = 0;  // file run: compressed bytes not yet read
  std::string packed;              // file run: compressed bytes read, from packed_used on
  std::size_t packed_used = 0;
  bool pending = false;  // the decoder filled its output and may hold more
  std::unique_ptr<ZSTD_DStream, std::size_t (*)(ZSTD_DStream*)> zstd{nullptr, ZSTD_freeDStream};
  std::string buffer;      // file run: decompressed bytes
  std::size_t used = 0;    // file run: bytes of the buffer consumed; memory run: alerts read
  Head head{};             // file run: the current alert's
  std::string_view bytes;  // file run: the current alert's bytes
  Rank rank{};             // of the current alert

  // Makes `n` unread bytes available in the buffer; false if the run has fewer.
  bool Fill(int fd, std::size_t n, Status& status, const std::string& path) {
    if (buffer.size() - used >= n) return true;
    buffer.erase(0, used);
    used = 0;
    if (!zstd) zstd.reset(ZSTD_createDStream());
    while (buffer.size() < n) {
      if (packed_used == packed.size() && !pending) {
        if (pos == end) return false;
        std::size_t want =
            static_cast<std::size_t>(std::min<std::uint64_t>(ZSTD_DStreamInSize() * 4, end - pos));
        packed.resize(want);
        packed_used = 0;
        if (pread(fd, packed.data(), want, static_cast<off_t>(pos)) != static_cast<ssize_t>(want)) {
          status = Status::Error(fmt::format("{}: read failed", path));
          return false;
        }
        pos += want;
      }
      std::size_t old = buffer.size();
      buffer.resize(old + std::max(n - old, ZSTD_DStreamOutSize()));
      ZSTD_inBuffer in{packed.data(), packed.size(), packed_used};
      ZSTD_outBuffer out{buffer.data() + old, buffer.size() - old, 0};
      std::size_t rc = ZSTD_decompressStream(zstd.get(), &out, &in);
      packed_used = in.pos;
      pending = out.pos == out.size;
      buffer.resize(old + out.pos);
      if (ZSTD_isError(rc)) {
        status = Status::Error(fmt::format("{}: corrupt: {}", path, ZSTD_getErrorName(rc)));
        return false;
      }
    }
    return true;
  }

  // Moves to the next alert of the run; false at its end or on an error.
  bool Advance(const AlertSpill& spill, Status& status) {
    if (in_memory) {
      if (used == spill.held_.size()) return false;
      rank = RankOf(spill.held_[used++]);
      return true;
    }
    int fd = fileno(spill.file_);
    used += bytes.size();
    bytes = {};
    if (pos == end && packed_used == packed.size() && !pending && used == buffer.size()) {
      return false;
    }
    if (!Fill(fd, sizeof(Head), status, spill.path_)) return false;
    std::memcpy(&head, buffer.data() + used, sizeof(Head));
    used += sizeof(Head);
    if (!Fill(fd, head.bytes(), status, spill.path_)) return false;
    bytes = std::string_view(buffer).substr(used, head.bytes());
    rank = {head.severity, head.score, head.line};
    return true;
  }
  // The current alert.
  AlertRecord Current(const AlertSpill& spill) const {
    return in_memory ? spill.held_[used - 1] : Decode(head, bytes);
  }
};

AlertSpill::Reader::Reader(const AlertSpill& spill) : spill_(&spill) {
  for (const auto& [begin, end] : spill.runs_) {
    auto source = std::make_shared<Source>();
    source->pos = begin;
    source->end = end;
    sources_.push_back(source);
  }
  sources_.push_back(std::make_shared<Source>());
  sources_.back()->in_memory = true;
  for (std::size_t i = 0; i < sources_.size(); ++i) {
    if (sources_[i]->Advance(spill, status_)) heap_.push_back(i);
  }
  std::make_heap(heap_.begin(), heap_.end(), [this](auto a, auto b) { return Worse(a, b); });
}

bool AlertSpill::Reader::Worse(std::size_t a, std::size_t b) const {
  return sources_[b]->rank < sources_[a]->rank;
}

bool AlertSpill::Reader::Next(AlertRecord& record) {
  if (!status_.ok() || heap_.empty()) return false;
  auto worse = [this](std::size_t a, std::size_t b) { return Worse(a, b); };
  std::pop_heap(heap_.begin(), heap_.end(), worse);
  Source& best = *sources_[heap_.back()];
  record = best.Current(*spill_);
  if (best.Advance(*spill_, status_)) {
    std::push_heap(heap_.begin(), heap_.end(), worse);
  } else {
    heap_.pop_back();
  }
  return status_.ok();
}

}  // namespace dualwatch::pipeline
