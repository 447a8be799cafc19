// Reading whole inputs, decompressing zstd while enforcing the line limit.
#include <fmt/format.h>
#include <zstd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "io/io.h"

namespace dualwatch::io {
namespace {

constexpr unsigned char kZstdMagic[4] = {0x28, 0xB5, 0x2F, 0xFD};
constexpr std::size_t kChunk = std::size_t{1} << 20;

bool IsZstd(std::string_view bytes) {
  return bytes.size() >= 4 && std::memcmp(bytes.data(), kZstdMagic, 4) == 0;
}

// Accumulates decompressed text and enforces the limits as it grows, so that an over-long line
// is caught after reading at most `max_line_bytes` of it.
class TextSink {
 public:
  TextSink(std::string_view name, const InputLimits& limits) : name_(name), limits_(limits) {}

  Status Append(const char* data, std::size_t size, LineTooLong* too_long) {
    std::size_t scan_from = text_.size();
    if (text_.size() + size > limits_.max_total_bytes) {
      return Status::Error(fmt::format("{}: input larger than the {} limit", name_,
                                       ByteSize(limits_.max_total_bytes)));
    }
    text_.append(data, size);
    for (;;) {
      const void* nl = std::memchr(text_.data() + scan_from, '\n', text_.size() - scan_from);
      std::size_t end = nl ? static_cast<const char*>(nl) - text_.data() : text_.size();
      if (end - line_start_ > limits_.max_line_bytes) {
        if (too_long) {
          too_long->line = line_;
          too_long->line_start = line_start_;
          too_long->prefix = text_.substr(0, line_start_ + limits_.max_line_bytes);
        }
        return Status::Error(
            fmt::format("{}:{}: line longer than the {} limit (the line starts at byte {})", name_,
                        line_, ByteSize(limits_.max_line_bytes), line_start_));
      }
      if (!nl) break;
      ++line_;
      line_start_ = end + 1;
      scan_from = end + 1;
    }
    return Status();
  }

  std::string Take() { return std::move(text_); }

 private:
  std::string_view name_;
  const InputLimits& limits_;
  std::string text_;
  std::size_t line_ = 1;
  std::size_t line_start_ = 0;
};

// Feeds raw bytes (possibly zstd-compressed) into a TextSink.
class Decoder {
 public:
  Decoder(std::string_view name, bool zstd) : name_(name), zstd_(zstd) {
    if (zstd_) dctx_ = ZSTD_createDStream();
  }
  ~Decoder() {
    if (dctx_) ZSTD_freeDStream(dctx_);
  }
  Decoder(const Decoder&) = delete;
  Decoder& operator=(const Decoder&) = delete;

  Status Feed(std::string_view raw, TextSink& sink, LineTooLong* too_long) {
    if (!zstd_) return sink.Append(raw.data(), raw.size(), too_long);
    ZSTD_inBuffer in{raw.data(), raw.size(), 0};
    while (in.pos < in.size) {
      ZSTD_outBuffer out{buffer_.data(), buffer_.size(), 0};
      std::size_t rc = ZSTD_decompressStream(dctx_, &out, &in);
      if (ZSTD_isError(rc)) {
        return Status::Error(
            fmt::format("{}: corrupt zstd data: {}", name_, ZSTD_getErrorName(rc)));
      }
      last_rc_ = rc;
      Status s = sink.Append(buffer_.data(), out.pos, too_long);
      if (!s.ok()) return s;
    }
    return Status();
  }

  Status Finish() const {
    if (zstd_ && last_rc_ != 0) {
      return Status::Error(fmt::format("{}: truncated zstd data", name_));
    }
    return Status();
  }

 private:
  std::string_view name_;
  bool zstd_;
  ZSTD_DStream* dctx_ = nullptr;
  std::size_t last_rc_ = 0;
  std::string buffer_ = std::string(kChunk, '\0');
};

Result<Input> Finalize(std::string name, std::string text, bool compressed, std::string sha) {
  if (text.size() >= 3 && std::memcmp(text.data(), "\xEF\xBB\xBF", 3) == 0) text.erase(0, 3);
  // Legacy DOS end-of-file marker (OFAC's CSV files end with one).
  while (!text.empty() && (text.back() == '\x1a')) text.pop_back();
  bool blank = text.find_first_not_of(" \t\r\n") == std::string::npos;
  if (blank) return Status::Error(fmt::format("{}: empty file", name));
  return Input{std::move(name), std::move(text), compressed, std::move(sha)};
}

}  // namespace

Result<Input> InputFromBytes(std::string name, std::string_view bytes, const InputLimits& limits,
                             LineTooLong* too_long) {
  TextSink sink(name, limits);
  Decoder decoder(name, IsZstd(bytes));
  Status s = decoder.Feed(bytes, sink, too_long);
  if (s.ok()) s = decoder.Finish();
  if (!s.ok()) return s;
  return Finalize(std::move(name), sink.Take(), IsZstd(bytes), Sha256Hex(bytes));
}

Result<Input> ReadInput(const std::string& path, const InputLimits& limits, LineTooLong* too_long) {
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (!file) return Status::Error(fmt::format("{}: cannot open: {}", path, std::strerror(errno)));
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> closer(file, &std::fclose);
  std::string chunk(kChunk, '\0');
  std::size_t n = std::fread(chunk.data(), 1, chunk.size(), file);
  std::string_view first(chunk.data(), n);
  bool zstd = IsZstd(first);
  TextSink sink(path, limits);
  Decoder decoder(path, zstd);
  Sha256 hasher;
  while (n > 0) {
    std::string_view raw(chunk.data(), n);
    hasher.Update(raw);
    Status s = decoder.Feed(raw, sink, too_long);
    if (!s.ok()) return s;
    n = std::fread(chunk.data(), 1, chunk.size(), file);
  }
  if (std::ferror(file)) {
    return Status::Error(fmt::format("{}: read error: {}", path, std::strerror(errno)));
  }
  Status s = decoder.Finish();
  if (!s.ok()) return s;
  return Finalize(path, sink.Take(), zstd, hasher.Hex());
}

}  // namespace dualwatch::io
