// Private to match/: lookup tables by text and by hash that the index is made of (TextIds,
// HashBuckets), apart from the index layout itself (index_data.h).
#ifndef DUALWATCH_MATCH_TABLES_H_
#define DUALWATCH_MATCH_TABLES_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace dualwatch::match {

// Hashing for maps looked up by string_view without building a string.
struct TextHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using TextMap = std::unordered_map<std::string, std::uint32_t, TextHash, std::equal_to<>>;

std::uint64_t HashText(std::string_view text);

// Texts numbered 0..n-1, found by text: an open-addressing table of (hash, id) beside the texts
// themselves, so that a lookup is a hash, usually one probe and one comparison (a TextMap
// lookup chases a bucket, a node and the node's string through memory). Built once, then
// read-only.
class TextIds {
 public:
  // `texts[i]` gets id i; a text given twice keeps its first id.
  void Build(const std::vector<std::string_view>& texts);
  // The id of `text`, or -1.
  std::int64_t Find(std::string_view text) const;
  // Loads the slot where Find(text) starts, so that several lookups wait on memory together.
  void Prefetch(std::string_view text) const;
  // The text of id `id`.
  std::string_view Text(std::uint32_t id) const {
    return std::string_view(chars_).substr(offsets_[id], offsets_[id + 1] - offsets_[id]);
  }

 private:
  // Where a slot's text is, in the slot itself (a hit then reads the slot and the text, not the
  // offsets between them): offset << 8 | length, or kFar for a text past 16 MB or of 256 bytes
  // or more, found through `offsets_`.
  static constexpr std::uint32_t kFar = ~std::uint32_t{0};
  static std::uint32_t Place(std::size_t offset, std::size_t length) {
    return offset < (std::size_t{1} << 24) && length < 256
               ? static_cast<std::uint32_t>(offset << 8 | length)
               : kFar;
  }
  struct Slot {
    std::uint64_t hash = 0;  // HashText | 1; 0: empty
    std::uint32_t id = 0;
    std::uint32_t place = kFar;  // Place of text `id`
  };
  std::string_view SlotText(const Slot& slot) const {
    return slot.place == kFar ? Text(slot.id)
                              : std::string_view(chars_).substr(slot.place >> 8, slot.place & 0xFF);
  }
  std::vector<Slot> slots_;
  std::string chars_;                   // the texts, one after another
  std::vector<std::uint32_t> offsets_;  // text i is chars_[offsets_[i] .. offsets_[i + 1])
};

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

}  // namespace dualwatch::match

#endif  // DUALWATCH_MATCH_TABLES_H_
