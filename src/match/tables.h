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

// HashBuckets (a directory over an array sorted by hash) is in io/io.h, shared with text/.
using io::HashBuckets;

}  // namespace dualwatch::match

#endif  // DUALWATCH_MATCH_TABLES_H_
