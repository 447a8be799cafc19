// What the index's search is held to and explained by: the brute-force reference, which scores
// every name, and the score of one name against another (dualwatch_eval --pair, the tests).
#include "match/index_data.h"

namespace dualwatch::match {

std::vector<SearchResult> ReferenceMatcher::Search(const Query& query,
                                                   const SearchOptions& options) const {
  const NameIndex::Data& d = *index_.data_;
  std::vector<PreparedQuery> alternatives = PrepareAlternatives(d, query);
  Query storage;
  const Query& q = EffectiveQuery(query, alternatives, storage);
  ResultCollector collector(d, q, options);
  for (PreparedQuery& prepared : alternatives) {
    FindSimilarKeysByScan(d, prepared);
    for (std::uint32_t n = 0; n < d.names.size(); ++n) {
      if (!NameAllowed(d, q, prepared, n)) continue;
      collector.Consider(n, ScoreName(d, prepared, n, nullptr), prepared);
    }
  }
  return collector.Finish();
}

double ScoreNamePair(std::string_view a, std::string_view b, const NameIndex* index,
                     std::vector<TokenAlignment>* tokens, std::optional<lists::Schema> schema) {
  lists::Entity e;
  e.id = "pair";
  if (schema) e.schema = *schema;
  e.names.push_back(lists::Name{std::string(b), lists::NameKind::kPrimary, "", ""});
  NameIndexBuilder builder;
  builder.Add(e);
  NameIndex pair = std::move(builder).Build();
  NameIndex::Data& d = *pair.data_;
  // Weights as in `index` (IDF over its names); without one, every name word weighs 1.
  const NameIndex::Data* big = index ? index->data_.get() : nullptr;
  d.unknown_weight = big ? big->unknown_weight : 1.0f;
  for (KeyInfo& k : d.keys) {
    std::int64_t known = big ? big->key_ids.Find(k.key) : -1;
    k.weight = known >= 0 ? big->keys[known].weight : KeyWeight(k.kind, k.key, d.unknown_weight);
  }
  d.Derive();  // the packed key entries carry the weights
  if (d.names.empty()) return 0;
  // The best of every alternative of `a` against every one of `b` (NameAlternatives).
  double best = 0;
  Query query;
  query.name = std::string(a);
  query.schema = schema;
  for (PreparedQuery& q : PrepareAlternatives(d, query)) {
    // The query's words weigh what they weigh in `index` too: PrepareQuery knows only `b`'s
    // words, and would give every other query word the weight of a word no list holds.
    if (big) {
      q.weight = 0;
      for (QueryToken& t : q.tokens) {
        std::int64_t known = big->key_ids.Find(t.key);
        t.weight =
            known >= 0 ? big->keys[known].weight : KeyWeight(t.kind, t.key, big->unknown_weight);
        q.weight += t.weight;
      }
    }
    FindSimilarKeysByScan(d, q);
    for (std::uint32_t n = 0; n < d.names.size(); ++n) {
      if (!NameAllowed(d, query, q, n)) continue;
      std::vector<TokenAlignment> alignment;
      double score = ScoreName(d, q, n, tokens ? &alignment : nullptr);
      if (score <= best) continue;
      best = score;
      if (tokens) *tokens = std::move(alignment);
    }
  }
  return best;
}

}  // namespace dualwatch::match
