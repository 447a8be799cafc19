// The on-disk cache of a built index: magic, format version, the key it was built for, then
// the flat arrays. Derived maps are rebuilt on load.
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <type_traits>

#include "match/index_data.h"

namespace dualwatch::match {
namespace {

constexpr char kMagic[4] = {'D', 'W', 'N', 'I'};
constexpr std::uint32_t kFormatVersion = 101;

class Writer {
 public:
  void Bytes(const void* p, std::size_t n) { out_.append(static_cast<const char*>(p), n); }
  template <typename T>
  void Pod(const T& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    Bytes(&v, sizeof v);
  }
  void Str(const std::string& s) {
    Pod<std::uint32_t>(static_cast<std::uint32_t>(s.size()));
    Bytes(s.data(), s.size());
  }
  template <typename T>
  void PodVec(const std::vector<T>& v) {
    Pod<std::uint64_t>(v.size());
    Bytes(v.data(), v.size() * sizeof(T));
  }
  void StrVec(const std::vector<std::string>& v) {
    Pod<std::uint64_t>(v.size());
    for (const std::string& s : v) Str(s);
  }
  std::string& out() { return out_; }

 private:
  std::string out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool Bytes(void* p, std::size_t n) {
    if (n > in_.size() - pos_) return ok_ = false;
    std::memcpy(p, in_.data() + pos_, n);
    pos_ += n;
    return true;
  }
  template <typename T>
  T Pod() {
    T v{};
    Bytes(&v, sizeof v);
    return v;
  }
  std::string Str() {
    auto n = Pod<std::uint32_t>();
    if (!ok_ || n > in_.size() - pos_) {
      ok_ = false;
      return {};
    }
    std::string s(in_.substr(pos_, n));
    pos_ += n;
    return s;
  }
  template <typename T>
  void PodVec(std::vector<T>& v) {
    auto n = Pod<std::uint64_t>();
    if (!ok_ || n > (in_.size() - pos_) / sizeof(T)) {
      ok_ = false;
      return;
    }
    v.resize(n);
    Bytes(v.data(), n * sizeof(T));
  }
  void StrVec(std::vector<std::string>& v) {
    auto n = Pod<std::uint64_t>();
    if (!ok_ || n > in_.size() - pos_) {
      ok_ = false;
      return;
    }
    v.resize(n);
    for (std::string& s : v) s = Str();
  }
  bool ok() const { return ok_; }
  bool done() const { return pos_ == in_.size(); }

 private:
  std::string_view in_;
  std::size_t pos_ = 0;
  bool ok_ = true;
};

}  // namespace

Status NameIndex::Save(const std::string& path, const std::string& key) const {
  const Data& d = *data_;
  Writer w;
  w.Bytes(kMagic, 4);
  w.Pod(kFormatVersion);
  w.Pod(text::TablesFingerprint());
  w.Str(key);
  w.Pod<std::uint64_t>(d.entities.size());
  for (const EntityRef& e : d.entities) {
    w.Str(e.id);
    w.Str(e.caption);
    w.Pod(e.schema);
    w.Str(e.dataset);
    w.StrVec(e.countries);
    w.StrVec(e.birth_dates);
    w.StrVec(e.identifiers);
    w.StrVec(e.programs);
  }
  w.PodVec(d.entity_names);
  w.StrVec(d.originals);
  w.PodVec(d.names);
  w.PodVec(d.tokens);
  w.StrVec(d.texts);
  w.Pod<std::uint64_t>(d.keys.size());
  for (const KeyInfo& k : d.keys) {
    w.Str(k.key);
    w.Pod(k.weight);
    w.Pod(k.entities);
    w.Pod(k.kind);
  }
  w.PodVec(d.post_offsets);
  w.PodVec(d.postings);
  w.Pod(d.variant_key_bits);
  w.PodVec(d.variants);
  w.PodVec(d.similar_offsets);
  w.PodVec(d.similar);
  w.PodVec(d.identifiers);
  w.PodVec(d.exact_names);
  w.Pod(d.unknown_weight);
  std::string tmp = path + ".tmp";
  std::FILE* f = std::fopen(tmp.c_str(), "wb");
  if (!f) return Status::Error(fmt::format("{}: cannot write index cache", tmp));
  bool ok = std::fwrite(w.out().data(), 1, w.out().size(), f) == w.out().size();
  ok = (std::fclose(f) == 0) && ok;
  if (!ok || std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    return Status::Error(fmt::format("{}: cannot write index cache", path));
  }
  return Status();
}

Result<NameIndex> NameIndex::Load(const std::string& path, const std::string& key) {
  auto input = io::ReadInput(path);
  if (!input.ok()) return input.status();
  Reader r(input->text);
  char magic[4];
  if (!r.Bytes(magic, 4) || std::memcmp(magic, kMagic, 4) != 0) {
    return Status::Error(fmt::format("{}: not a dualwatch index cache", path));
  }
  auto version = r.Pod<std::uint32_t>();
  if (version != kFormatVersion) {
    return Status::Error(fmt::format("{}: index cache format {} (this dualwatch reads {})", path,
                                     version, kFormatVersion));
  }
  if (r.Pod<std::uint64_t>() != text::TablesFingerprint()) {
    return Status::Error(fmt::format("{}: index cache built with other word tables", path));
  }
  if (r.Str() != key) return Status::Error(fmt::format("{}: index cache is for other lists", path));
  NameIndex index;
  Data& d = *index.data_;
  auto entities = r.Pod<std::uint64_t>();
  if (!r.ok() || entities > input->text.size()) {
    return Status::Error(fmt::format("{}: corrupt index cache", path));
  }
  d.entities.resize(entities);
  for (EntityRef& e : d.entities) {
    e.id = r.Str();
    e.caption = r.Str();
    e.schema = r.Pod<lists::Schema>();
    e.dataset = r.Str();
    r.StrVec(e.countries);
    r.StrVec(e.birth_dates);
    r.StrVec(e.identifiers);
    r.StrVec(e.programs);
  }
  r.PodVec(d.entity_names);
  r.StrVec(d.originals);
  r.PodVec(d.names);
  r.PodVec(d.tokens);
  r.StrVec(d.texts);
  auto keys = r.Pod<std::uint64_t>();
  if (!r.ok() || keys > input->text.size()) {
    return Status::Error(fmt::format("{}: corrupt index cache", path));
  }
  d.keys.resize(keys);
  for (KeyInfo& k : d.keys) {
    k.key = r.Str();
    k.weight = r.Pod<float>();
    k.entities = r.Pod<std::uint32_t>();
    k.kind = r.Pod<text::TokenKind>();
  }
  r.PodVec(d.post_offsets);
  r.PodVec(d.postings);
  d.variant_key_bits = r.Pod<std::uint32_t>();
  r.PodVec(d.variants);
  r.PodVec(d.similar_offsets);
  r.PodVec(d.similar);
  r.PodVec(d.identifiers);
  r.PodVec(d.exact_names);
  d.unknown_weight = r.Pod<float>();
  bool table_ok = !d.variants.empty() && (d.variants.size() & (d.variants.size() - 1)) == 0;
  table_ok = table_ok && d.variant_key_bits >= 16 && d.variant_key_bits <= 28;
  const std::uint32_t key_mask = (std::uint32_t{1} << (table_ok ? d.variant_key_bits : 0)) - 1;
  for (std::uint32_t v : d.variants)
    table_ok = table_ok && (v == 0 || (v & key_mask) < d.keys.size());
  table_ok = table_ok && d.similar_offsets.size() == d.keys.size() + 1 &&
             d.similar_offsets.front() == 0 && d.similar_offsets.back() == d.similar.size() &&
             std::is_sorted(d.similar_offsets.begin(), d.similar_offsets.end());
  for (const auto& [k, sim] : d.similar) table_ok = table_ok && k < d.keys.size();
  if (!r.ok() || !r.done() || !table_ok || d.post_offsets.size() != d.keys.size() + 1 ||
      d.entity_names.size() != d.entities.size() + 1) {
    return Status::Error(fmt::format("{}: corrupt index cache", path));
  }
  d.Derive();
  return index;
}

}  // namespace dualwatch::match
