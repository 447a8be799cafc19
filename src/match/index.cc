// Building the frozen index and searching it.
#include <algorithm>
#include <cmath>
#include <unordered_set>

#include "match/index_data.h"

namespace dualwatch::match {
namespace {

using text::TokenKind;

bool Retrievable(TokenKind k) { return k == TokenKind::kName || k == TokenKind::kNumber; }

// Per-thread accumulators, sized to the largest index searched on the thread.
struct Scratch {
  std::vector<float> bound;  // summed token weights of hits, per name
  std::vector<std::uint32_t> touched;
  std::vector<std::string> variants;
};

Scratch& ThreadScratch(std::size_t names) {
  thread_local Scratch scratch;
  if (scratch.bound.size() < names) scratch.bound.resize(names, 0.0f);
  return scratch;
}

std::size_t Allowed(std::size_t len) {
  return len > kMaxFuzzyKey ? 0 : len >= 8 ? 2 : len >= 4 ? 1 : 0;
}

}  // namespace

void NameIndex::Data::Derive() {
  key_ids.clear();
  class_text_keys.clear();
  for (std::uint32_t k = 0; k < keys.size(); ++k) key_ids.emplace(keys[k].key, k);
  for (const IndexedToken& t : tokens) {
    if (t.kind != TokenKind::kName && t.kind != TokenKind::kNumber) {
      class_text_keys.emplace(texts[t.text], t.key);
    }
  }
}

struct NameIndexBuilder::Data {
  NameIndex::Data index;
  std::unordered_map<std::string, std::uint32_t> text_ids;
  std::unordered_map<std::string, std::uint32_t> key_ids;
};

NameIndexBuilder::NameIndexBuilder() : data_(std::make_unique<Data>()) {}
NameIndexBuilder::~NameIndexBuilder() = default;

void NameIndexBuilder::Add(const lists::Entity& entity) {
  NameIndex::Data& d = data_->index;
  auto entity_index = static_cast<std::uint32_t>(d.entities.size());
  EntityRef ref;
  ref.id = entity.id;
  ref.caption = entity.caption();
  ref.schema = entity.schema;
  ref.dataset = entity.dataset;
  for (const auto* codes : {&entity.countries, &entity.nationalities, &entity.citizenships}) {
    for (const std::string& c : *codes) {
      if (std::find(ref.countries.begin(), ref.countries.end(), c) == ref.countries.end()) {
        ref.countries.push_back(c);
      }
    }
  }
  ref.birth_dates = entity.birth_dates;
  for (const lists::Identifier& id : entity.identifiers) {
    if (id.type == "email" || id.type == "phone" || id.type == "website") continue;
    std::string v = NormalizeIdentifier(id.value);
    if (v.size() >= 4 &&
        std::find(ref.identifiers.begin(), ref.identifiers.end(), v) == ref.identifiers.end()) {
      ref.identifiers.push_back(v);
      d.identifiers.emplace_back(HashText(v), entity_index);
    }
  }
  d.entities.push_back(std::move(ref));
  if (d.entity_names.empty()) d.entity_names.push_back(0);

  std::unordered_set<std::string> seen;  // one indexed name per distinct token sequence
  for (const lists::Name& n : entity.names) {
    text::NormalizedName norm = text::NormalizeName(n.value);
    if (norm.tokens.empty() || norm.tokens.size() > 64) continue;
    if (!seen.insert(norm.latin).second) continue;
    IndexedName name;
    name.entity = entity_index;
    name.first_token = static_cast<std::uint32_t>(d.tokens.size());
    name.token_count = static_cast<std::uint16_t>(norm.tokens.size());
    name.kind = n.kind;
    name.original = static_cast<std::uint32_t>(d.originals.size());
    d.originals.push_back(n.value);
    for (text::NameToken& t : norm.tokens) {
      auto [kit, knew] =
          data_->key_ids.try_emplace(t.key, static_cast<std::uint32_t>(d.keys.size()));
      if (knew) d.keys.push_back(KeyInfo{t.key, 0, 0, t.kind});
      auto [tit, tnew] =
          data_->text_ids.try_emplace(t.text, static_cast<std::uint32_t>(d.texts.size()));
      if (tnew) d.texts.push_back(t.text);
      d.tokens.push_back(IndexedToken{kit->second, tit->second, t.kind});
    }
    d.names.push_back(name);
  }
  d.entity_names.push_back(static_cast<std::uint32_t>(d.names.size()));
}

NameIndex NameIndexBuilder::Build() && {
  NameIndex::Data& d = data_->index;
  if (d.entity_names.empty()) d.entity_names.push_back(0);
  // Document frequency: names holding each key.
  std::vector<std::uint32_t> last_name(d.keys.size(), UINT32_MAX);
  for (std::uint32_t n = 0; n < d.names.size(); ++n) {
    for (std::uint32_t t = 0; t < d.names[n].token_count; ++t) {
      std::uint32_t k = d.tokens[d.names[n].first_token + t].key;
      if (last_name[k] != n) {
        last_name[k] = n;
        ++d.keys[k].names;
      }
    }
  }
  double total = std::max<double>(1, static_cast<double>(d.names.size()));
  d.unknown_weight = static_cast<float>(std::log(1.0 + total));
  for (KeyInfo& k : d.keys) {
    double idf = std::log(1.0 + total / std::max<std::uint32_t>(1, k.names));
    k.weight = KeyWeight(k.kind, k.key, static_cast<float>(idf));
  }
  for (IndexedName& n : d.names) {
    n.weight = 0;
    for (std::uint32_t t = 0; t < n.token_count; ++t) {
      n.weight += d.keys[d.tokens[n.first_token + t].key].weight;
    }
  }
  // Postings for retrievable keys, CSR.
  std::vector<std::uint32_t> counts(d.keys.size() + 1, 0);
  std::fill(last_name.begin(), last_name.end(), UINT32_MAX);
  for (std::uint32_t n = 0; n < d.names.size(); ++n) {
    for (std::uint32_t t = 0; t < d.names[n].token_count; ++t) {
      const IndexedToken& tok = d.tokens[d.names[n].first_token + t];
      if (!Retrievable(tok.kind) || last_name[tok.key] == n) continue;
      last_name[tok.key] = n;
      ++counts[tok.key + 1];
    }
  }
  d.post_offsets.assign(d.keys.size() + 1, 0);
  for (std::size_t k = 0; k < d.keys.size(); ++k)
    d.post_offsets[k + 1] = d.post_offsets[k] + counts[k + 1];
  d.postings.assign(d.post_offsets.back(), 0);
  std::vector<std::uint32_t> fill(d.post_offsets.begin(), d.post_offsets.end() - 1);
  std::fill(last_name.begin(), last_name.end(), UINT32_MAX);
  for (std::uint32_t n = 0; n < d.names.size(); ++n) {
    for (std::uint32_t t = 0; t < d.names[n].token_count; ++t) {
      const IndexedToken& tok = d.tokens[d.names[n].first_token + t];
      if (!Retrievable(tok.kind) || last_name[tok.key] == n) continue;
      last_name[tok.key] = n;
      d.postings[fill[tok.key]++] = n;
    }
  }
  // Deletion neighbourhoods of name keys.
  std::vector<std::string> variants;
  for (std::uint32_t k = 0; k < d.keys.size(); ++k) {
    if (d.keys[k].kind != TokenKind::kName) continue;
    KeyVariants(d.keys[k].key, variants);
    for (const std::string& v : variants) d.variants.emplace_back(HashText(v), k);
  }
  std::sort(d.variants.begin(), d.variants.end());
  d.variants.erase(std::unique(d.variants.begin(), d.variants.end()), d.variants.end());
  std::sort(d.identifiers.begin(), d.identifiers.end());
  d.Derive();
  NameIndex index;
  index.data_ = std::make_unique<NameIndex::Data>(std::move(d));
  return index;
}

NameIndex::NameIndex() : data_(std::make_unique<Data>()) { data_->entity_names.push_back(0); }
NameIndex::NameIndex(NameIndex&&) noexcept = default;
NameIndex& NameIndex::operator=(NameIndex&&) noexcept = default;
NameIndex::~NameIndex() = default;

const EntityRef& NameIndex::entity(std::uint32_t index) const { return data_->entities[index]; }
std::size_t NameIndex::entity_count() const { return data_->entities.size(); }
std::size_t NameIndex::name_count() const { return data_->names.size(); }
std::size_t NameIndex::key_count() const { return data_->keys.size(); }

std::size_t NameIndex::memory_bytes() const {
  const Data& d = *data_;
  std::size_t bytes = d.names.size() * sizeof(IndexedName) +
                      d.tokens.size() * sizeof(IndexedToken) + d.postings.size() * 4 +
                      d.post_offsets.size() * 4 + d.variants.size() * 16 +
                      d.identifiers.size() * 16 + d.keys.size() * (sizeof(KeyInfo) + 48) * 2;
  for (const std::string& s : d.originals) bytes += s.capacity() + sizeof(s);
  for (const std::string& s : d.texts) bytes += s.capacity() + sizeof(s) + 48;
  for (const EntityRef& e : d.entities) {
    bytes += sizeof(e) + e.id.capacity() + e.caption.capacity() +
             32 * (e.countries.size() + e.identifiers.size() + e.birth_dates.size());
  }
  return bytes;
}

std::vector<SearchResult> NameIndex::Search(const Query& query,
                                            const SearchOptions& options) const {
  const Data& d = *data_;
  // Longer texts are not names; refusing them bounds the work per query.
  if (query.name.size() > kMaxNameBytes) return {};
  text::NormalizedName norm = text::NormalizeName(query.name);
  if (norm.tokens.size() > kMaxNameTokens) return {};
  PreparedQuery prepared = PrepareQuery(d, norm);
  ResultCollector collector(d, query, options, prepared);
  Scratch& s = ThreadScratch(d.names.size());

  auto hit_key = [&](std::uint32_t key, float query_weight) {
    float w = query_weight + d.keys[key].weight;
    for (std::uint32_t p = d.post_offsets[key]; p < d.post_offsets[key + 1]; ++p) {
      std::uint32_t n = d.postings[p];
      if (s.bound[n] == 0) s.touched.push_back(n);
      s.bound[n] += w;
    }
  };
  auto lookup = [&](const std::string& key) -> std::int64_t {
    auto it = d.key_ids.find(key);
    return it == d.key_ids.end() ? -1 : static_cast<std::int64_t>(it->second);
  };

  // What tokens the index cannot retrieve may still add to a candidate's score.
  float extra = 0;
  std::vector<std::uint32_t> found;
  if (prepared.distinctive) {
    const auto& qt = prepared.tokens;
    for (std::size_t i = 0; i < qt.size(); ++i) {
      const QueryToken& q = qt[i];
      if (!Retrievable(q.kind)) {
        float cap = q.kind == TokenKind::kLegalForm ? kLegalFormWeight
                    : q.kind == TokenKind::kGeneric ? kGenericWeight
                    : q.kind == TokenKind::kDomain  ? kDomainWeight
                                                    : 0.0f;
        extra += q.weight + cap;
        continue;
      }
      found.clear();
      if (q.kind == TokenKind::kName) {
        if (q.text.size() == 1) extra += q.weight + d.unknown_weight;  // initial (bound)
        KeyVariants(q.key, s.variants);  // just the key itself when longer than kMaxFuzzyKey
        for (const std::string& v : s.variants) {
          std::uint64_t h = HashText(v);
          auto it = std::lower_bound(d.variants.begin(), d.variants.end(), std::make_pair(h, 0u));
          for (; it != d.variants.end() && it->first == h; ++it) {
            const std::string& key = d.keys[it->second].key;
            std::size_t len = std::max(key.size(), q.key.size());
            if (Levenshtein(key, q.key, Allowed(len)) <= Allowed(len)) found.push_back(it->second);
          }
        }
        // Split words: "jscargument" → "jsc" + "argument"; by text and by key.
        for (const std::string* word : {&q.text, &q.key}) {
          if (word->size() > kMaxFuzzyKey) break;
          for (std::size_t cut = 2; cut + 2 <= word->size(); ++cut) {
            std::string left = word->substr(0, cut), right = word->substr(cut);
            // Each part is a name key, or (by text) a legal form or organisation word.
            auto part = [&](const std::string& p) -> std::int64_t {
              if (word == &q.key) return lookup(p);
              if (std::int64_t k = lookup(text::RomanizationKey(p)); k >= 0) return k;
              auto c = d.class_text_keys.find(p);
              return c == d.class_text_keys.end() ? -1 : static_cast<std::int64_t>(c->second);
            };
            std::int64_t lk = part(left), rk = part(right);
            if (lk < 0 || rk < 0) continue;
            for (std::int64_t k : {lk, rk}) {
              found.push_back(static_cast<std::uint32_t>(k));
              // A legal form or organisation word has no postings: its share goes to the bound.
              if (!Retrievable(d.keys[k].kind)) extra += d.keys[k].weight;
            }
          }
        }
      } else if (std::int64_t k = lookup(q.key); k >= 0) {
        found.push_back(static_cast<std::uint32_t>(k));
      }
      // Joined words: "chang sha" → "changsha".
      if (i + 1 < qt.size() && Retrievable(qt[i + 1].kind)) {
        for (const std::string& joined :
             {text::RomanizationKey(q.text + qt[i + 1].text), q.key + qt[i + 1].key}) {
          if (std::int64_t k = lookup(joined); k >= 0) {
            found.push_back(static_cast<std::uint32_t>(k));
            extra += qt[i + 1].weight;  // the second word's share of the joined pair
          }
        }
      }
      std::sort(found.begin(), found.end());
      found.erase(std::unique(found.begin(), found.end()), found.end());
      for (std::uint32_t k : found) {
        if (Retrievable(d.keys[k].kind)) hit_key(k, q.weight);
      }
    }
  }

  // Candidates, best bound first.
  struct Candidate {
    double bound;
    std::uint32_t name;
  };
  std::vector<Candidate> candidates;
  candidates.reserve(s.touched.size());
  for (std::uint32_t n : s.touched) {
    double t = prepared.weight + d.names[n].weight;
    double p = std::min<double>(t, s.bound[n] + extra);
    double bound = p <= 0 ? 0 : p / (p + kUnmatchedCost * (t - p));
    s.bound[n] = 0;
    if (bound + kMaxQualifierBoost >= options.threshold) candidates.push_back({bound, n});
  }
  s.touched.clear();
  // Entities sharing an identifier with the query are candidates whatever their names.
  for (const std::string& raw : query.identifiers) {
    std::uint64_t h = HashText(NormalizeIdentifier(raw));
    auto it = std::lower_bound(d.identifiers.begin(), d.identifiers.end(), std::make_pair(h, 0u));
    for (; it != d.identifiers.end() && it->first == h; ++it) {
      for (std::uint32_t n = d.entity_names[it->second]; n < d.entity_names[it->second + 1]; ++n) {
        candidates.push_back({2.0, n});
      }
    }
  }
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    return a.bound != b.bound ? a.bound > b.bound : a.name < b.name;
  });
  double floor = options.threshold;
  std::size_t since_floor = 0;
  for (const Candidate& c : candidates) {
    if (c.bound + kMaxQualifierBoost < floor) break;
    if (!SchemaAllowed(query, d.entities[d.names[c.name].entity].schema)) continue;
    collector.Consider(c.name, ScoreName(d, prepared, c.name, nullptr));
    if (++since_floor >= 8) {
      floor = collector.Floor();
      since_floor = 0;
    }
  }
  return collector.Finish();
}

std::vector<SearchResult> ReferenceMatcher::Search(const Query& query,
                                                   const SearchOptions& options) const {
  const NameIndex::Data& d = *index_.data_;
  if (query.name.size() > kMaxNameBytes) return {};
  text::NormalizedName norm = text::NormalizeName(query.name);
  if (norm.tokens.size() > kMaxNameTokens) return {};
  PreparedQuery prepared = PrepareQuery(d, norm);
  ResultCollector collector(d, query, options, prepared);
  for (std::uint32_t n = 0; n < d.names.size(); ++n) {
    if (!SchemaAllowed(query, d.entities[d.names[n].entity].schema)) continue;
    collector.Consider(n, ScoreName(d, prepared, n, nullptr));
  }
  return collector.Finish();
}

double ScoreNamePair(std::string_view a, std::string_view b, const NameIndex* index) {
  lists::Entity e;
  e.id = "pair";
  e.names.push_back(lists::Name{std::string(b), lists::NameKind::kPrimary, "", ""});
  NameIndexBuilder builder;
  builder.Add(e);
  NameIndex pair = std::move(builder).Build();
  NameIndex::Data& d = *pair.data_;
  if (index) {
    const NameIndex::Data& big = *index->data_;
    d.unknown_weight = big.unknown_weight;
    for (KeyInfo& k : d.keys) {
      auto it = big.key_ids.find(k.key);
      if (k.kind == TokenKind::kName || k.kind == TokenKind::kNumber) {
        k.weight = it == big.key_ids.end() ? KeyWeight(k.kind, k.key, big.unknown_weight)
                                           : big.keys[it->second].weight;
      }
    }
  } else {
    d.unknown_weight = 1;
    for (KeyInfo& k : d.keys) {
      if (k.kind == TokenKind::kName || k.kind == TokenKind::kNumber) k.weight = 1;
    }
  }
  if (d.names.empty()) return 0;
  PreparedQuery q = PrepareQuery(d, text::NormalizeName(a));
  return ScoreName(d, q, 0, nullptr);
}

}  // namespace dualwatch::match
