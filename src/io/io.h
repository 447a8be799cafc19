// dualwatch::io — the bottom layer every other module reads input through.
//
// What it offers:
//   * Status / Result<T>: expected failures (bad input, missing file) as values. A Status is one
//     pointer-sized word on success and carries a message on failure. Messages follow the house
//     form `file:line: field: what went wrong`.
//   * ReadInput(): a whole input file in memory, transparently decompressing zstd (by magic
//     number, not by file name), refusing empty files and lines longer than a limit *while
//     reading*, so a 1 GB line costs at most the limit in memory.
//   * Utf8Check() and LineOfOffset(): validation and position reporting for error messages.
//   * CsvReader: an RFC 4180 record reader (quoted fields, doubled quotes, newlines inside
//     quotes, CRLF, any single-byte delimiter) over an in-memory text, tracking line numbers.
//   * Sha256Hex(): content hash used to identify a list version.
//   * JsonWriter: JSON text appended straight to a string, for output written by the million
//     (alerts), where building a document tree first costs more than the screening.
//
// Thread safety: free functions are reentrant; a CsvReader is used by one thread at a time.
#ifndef DUALWATCH_IO_IO_H_
#define DUALWATCH_IO_IO_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace dualwatch::io {

// The outcome of an operation that can fail on its input. Cheap on success.
class Status {
 public:
  Status() = default;
  static Status Error(std::string message) {
    Status s;
    s.message_ = std::make_shared<const std::string>(std::move(message));
    return s;
  }
  bool ok() const { return message_ == nullptr; }
  const std::string& message() const;

 private:
  std::shared_ptr<const std::string> message_;
};

// Either a value or an error Status.
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}          // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {}  // NOLINT: implicit by design
  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }
  T& value() { return *value_; }
  const T& value() const { return *value_; }
  T& operator*() { return *value_; }
  const T& operator*() const { return *value_; }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }

 private:
  Status status_;
  std::optional<T> value_;
};

// Limits applied while reading an input. Defaults suit every real list we know of.
struct InputLimits {
  // Longest line accepted, in bytes (default 64 MiB). Longer lines fail the read as soon as the
  // limit is crossed, naming the line and its starting byte offset.
  std::size_t max_line_bytes = std::size_t{64} << 20;
  // Largest whole input accepted after decompression (default 2 GiB).
  std::size_t max_total_bytes = std::size_t{2} << 30;
};

// A file's decompressed content, with the name used in messages.
struct Input {
  std::string name;  // as given by the caller, used in every message
  std::string text;  // decompressed bytes, BOM removed
  bool compressed = false;
  std::string sha256;  // of the bytes on disk
};

// Where ReadInput stopped on an over-long line: the text read so far ends inside that line.
struct LineTooLong {
  std::size_t line = 0;
  std::size_t line_start = 0;  // byte offset of the line in the decompressed text
  std::string prefix;          // everything read before the limit was crossed
};

// Reads `path` whole. A zstd frame (magic 28 B5 2F FD) is decompressed on the fly. Fails on a
// missing or unreadable file, an empty file, a corrupt zstd stream, or a line over the limit;
// in the last case `too_long` (when given) receives the position and the text read so far.
Result<Input> ReadInput(const std::string& path, const InputLimits& limits = {},
                        LineTooLong* too_long = nullptr);

// Same, from bytes already in memory (tests, fuzzing). `name` is used in messages.
Result<Input> InputFromBytes(std::string name, std::string_view bytes,
                             const InputLimits& limits = {}, LineTooLong* too_long = nullptr);

// Returns the byte offset of the first invalid UTF-8 sequence in `text`, or npos if valid.
std::size_t FindInvalidUtf8(std::string_view text);

// Length in bytes of the well-formed UTF-8 sequence starting at text[i] (1 for ASCII), or 0 when
// the bytes there are not one (a stray continuation byte, an overlong form, a surrogate, a
// truncated sequence). Requires i < text.size().
std::size_t Utf8SequenceAt(std::string_view text, std::size_t i);

// FNV-1a (64-bit) of `text` without the bytes at `skip1` and `skip2` (npos: none): the hash of
// a word's deletion variants without building them.
inline std::uint64_t Fnv1a(std::string_view text, std::size_t skip1 = std::string_view::npos,
                           std::size_t skip2 = std::string_view::npos) {
  std::uint64_t h = 1469598103934665603ull;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i == skip1 || i == skip2) continue;
    h ^= static_cast<unsigned char>(text[i]);
    h *= 1099511628211ull;
  }
  return h;
}

// 1-based line number of `offset` in `text`.
std::size_t LineOfOffset(std::string_view text, std::size_t offset);

// Lower-case hex SHA-256 of `bytes`.
std::string Sha256Hex(std::string_view bytes);

// Incremental SHA-256 (OpenSSL), for hashing a file as it streams in.
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  void Update(std::string_view bytes);
  std::string Hex();  // finishes the digest; call once

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// One CSV record: its fields (unescaped) and the line it starts on.
struct CsvRecord {
  std::vector<std::string> fields;
  std::size_t line = 0;
};

// Reads RFC 4180 records from an in-memory text. A stray quote inside an unquoted field is kept
// literally (real lists have them); an unterminated quoted field at end of input is an error.
class CsvReader {
 public:
  CsvReader(std::string_view name, std::string_view text, char delimiter = ',');
  // Reads the next record into `record`. Returns false at end of input or on error; check
  // status() to tell them apart. Blank lines are skipped.
  bool Next(CsvRecord& record);
  const Status& status() const { return status_; }

 private:
  std::string_view name_;
  std::string_view text_;
  char delimiter_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
  Status status_;
};

// Appends one JSON value to a string as it is described: objects and arrays nest, commas and
// escapes are added here. Strings are escaped as RFC 8259 requires (quote, backslash, control
// characters); other characters stay as they are, and an invalid UTF-8 byte becomes U+FFFD, so
// the text is always valid JSON. Numbers are written in their shortest round-trip form, with
// ".0" on whole doubles; NaN and infinities become null. Keys are written in the order given.
// The caller keeps the nesting balanced (checked only in debug builds).
class JsonWriter {
 public:
  explicit JsonWriter(std::string* out) : out_(out) {}
  JsonWriter& BeginObject() { return Open('{'); }
  JsonWriter& EndObject() { return Close('}'); }
  JsonWriter& BeginArray() { return Open('['); }
  JsonWriter& EndArray() { return Close(']'); }
  JsonWriter& Key(std::string_view key);
  JsonWriter& String(std::string_view value);
  JsonWriter& StringOrNull(std::string_view value);             // null when empty
  JsonWriter& Strings(const std::vector<std::string>& values);  // an array of strings
  JsonWriter& Number(double value);
  JsonWriter& Int(std::int64_t value);
  JsonWriter& Bool(bool value);
  JsonWriter& Null();

 private:
  JsonWriter& Open(char bracket);
  JsonWriter& Close(char bracket);
  void BeforeValue();
  std::string* out_;
  std::vector<bool> has_items_;  // per open container: something was written in it
  bool after_key_ = false;
};

// "64 MiB", "2 GiB", "512 bytes": sizes in messages.
std::string ByteSize(std::size_t bytes);

// Helpers for messages: "name:line: field: what".
std::string Where(std::string_view name, std::size_t line, std::string_view field);

// A directory over an array sorted by 64-bit hash: the entries whose hash has top bits b are
// [starts[b], starts[b + 1]), so that a lookup reads two slots and scans a few entries, not a
// binary search's dozen or more cache misses. About one bucket per entry.
class HashBuckets {
 public:
  // `hash(i)` is entry i's hash, of `count` entries in ascending order.
  template <typename Hash>
  void Build(std::size_t count, Hash hash) {
    int bits = 0;
    while ((std::size_t{1} << bits) < count) ++bits;
    shift_ = 64 - bits;
    starts_.assign((std::size_t{1} << bits) + 1, static_cast<std::uint32_t>(count));
    std::size_t first = 0;
    for (std::size_t b = 0; b + 1 < starts_.size(); ++b) {
      while (first < count && bits > 0 && (hash(first) >> shift_) < b) ++first;
      starts_[b] = static_cast<std::uint32_t>(first);
    }
  }
  // The entries that may have hash `h` (those of its bucket); empty before Build.
  std::pair<std::uint32_t, std::uint32_t> Bucket(std::uint64_t h) const {
    if (starts_.empty()) return {0, 0};
    const std::size_t b = shift_ == 64 ? 0 : h >> shift_;
    return {starts_[b], starts_[b + 1]};
  }
  // The entries with hash `h`: its bucket, narrowed by `hash(i)`.
  template <typename Hash>
  std::pair<std::uint32_t, std::uint32_t> Range(std::uint64_t h, Hash hash) const {
    auto [begin, end] = Bucket(h);
    while (begin != end && hash(begin) < h) ++begin;
    std::uint32_t last = begin;
    while (last != end && hash(last) == h) ++last;
    return {begin, last};
  }

 private:
  std::vector<std::uint32_t> starts_;
  int shift_ = 64;
};

}  // namespace dualwatch::io

#endif  // DUALWATCH_IO_IO_H_
