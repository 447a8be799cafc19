// Searching the frozen index (built in build.cc): retrieval through the key tables and
// postings, bounds, scoring best bound first. The brute-force reference and pair scores are in
// reference.cc.
#include <algorithm>
#include <bit>
#include <functional>
#include <span>
#include <type_traits>

#include "match/retrieval.h"

namespace dualwatch::match {

using text::TokenKind;

// How far ahead of its use a name's slot or weight is loaded.
constexpr std::size_t kPrefetchAhead = 8;

Scratch& ThreadScratch(std::size_t names) {
  thread_local Scratch scratch;
  if (scratch.slot.size() < names) {
    scratch.slot.resize(names);
    scratch.touched_bits.resize((names + 63) / 64);
  }
  return scratch;
}

namespace {

// Adds `add` to name n's accumulator. A name not touched yet gets one (and its bit), holding
// `add`, when `touch`; else it is left out.
template <bool touch>
[[gnu::always_inline]] inline void AddTo(Scratch& s, std::uint32_t n, const Accumulator& add) {
  std::uint64_t& word = s.touched_bits[n >> 6];
  const std::uint64_t bit = std::uint64_t{1} << (n & 63);
  if (word & bit) {
    s.acc[s.slot[n]].Add(add);
    return;
  }
  if constexpr (!touch) return;
  word |= bit;
  s.slot[n] = static_cast<std::uint32_t>(s.count);
  s.touched[s.count] = n;
  s.acc[s.count++] = add;
}

}  // namespace

void Retrieval::ChooseStarters() {
  // Which hits may start a candidate (MaxScore, over hits): a name that only the weakest hits
  // reach scores at most X / (X + W), X what those hits can add plus `extra`, W the weight of
  // the query tokens none of them is for, all unmatched in that name. A token adds at most its
  // `most`, and at most the sum of its hits' weights. While that stays under the threshold, the
  // weakest hits only add to names the others found: a common spelling a rare word is one edit
  // from, or a common word of the query.
  // (An acronym left out costs only kAcronymShare of its weight: W counts that.)
  // The hits as (token, hit), in that order; and as keys weakest first, ties in that order: a
  // weight's bits (a float of 0 or more orders as its bits do) above the hit's place in `refs`,
  // so that sorting compares integers.
  thread_local std::vector<std::pair<std::uint32_t, std::uint32_t>> refs;
  thread_local std::vector<std::uint64_t> by_weight;
  thread_local std::vector<float> cost;      // the least that leaving a token out costs
  thread_local std::vector<float> weak_sum;  // the weights of its weak hits
  refs.clear();
  by_weight.clear();
  cost.assign(qt.size(), 0);
  weak_sum.assign(qt.size(), 0);
  float unhit = 0;      // W
  float unhit_raw = 0;  // W at the tokens' whole weights
  for (std::size_t i = 0; i < qt.size(); ++i) {
    cost[i] = !prepared.person && IsAcronym(qt[i].kind, qt[i].text) ? kAcronymShare * qt[i].weight
                                                                    : qt[i].weight;
    // Only retrievable tokens can be left out: another word may still meet its class key.
    if (!Retrievable(qt[i].kind) || per_token[i].hits.empty()) continue;
    unhit += cost[i];
    unhit_raw += qt[i].weight;
    for (std::size_t j = 0; j < per_token[i].hits.size(); ++j) {
      const float weight = per_token[i].hits[j].weight + 0.0f;  // (-0 is 0)
      by_weight.push_back(std::uint64_t{std::bit_cast<std::uint32_t>(weight)} << 32 | refs.size());
      refs.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j)});
    }
  }
  // Weakest first, as far as the loop below goes (often a few of many): a heap, not a sort.
  std::make_heap(by_weight.begin(), by_weight.end(), std::greater<>());
  // A person's name the query covers costs the query's other words kCoveredQueryCost of their
  // weight (ScoreName), when the words it aligns weigh kCoveredQueryShare of the query at least:
  // while W leaves the weak hits' words less, no name they alone reach is covered.
  const bool may_cover = !prepared.syllabic && SchemaAllowed(query, lists::Schema::kPerson);
  const float query_weight = static_cast<float>(prepared.weight);
  float weak_most = extra;  // X
  for (auto end = by_weight.end(); end != by_weight.begin(); --end) {
    std::pop_heap(by_weight.begin(), end, std::greater<>());
    const auto [token, hit] = refs[*(end - 1) & 0xFFFFFFFF];
    const float weight = per_token[token].hits[hit].weight;
    const float most = per_token[token].most;
    const float before = std::min(most, weak_sum[token]);
    const float after = std::min(most, weak_sum[token] + weight);
    const float x = weak_most - before + after;
    const bool first = weak_sum[token] == 0;
    const float w = first ? unhit - cost[token] : unhit;
    const float w_raw = first ? unhit_raw - qt[token].weight : unhit_raw;
    const bool covers =
        may_cover && query_weight - w_raw >= float{kCoveredQueryShare} * query_weight * 0.999f;
    const float w_cost = covers ? float{kCoveredQueryCost} * w : w;
    if (x > 0 && x / (x + w_cost) + boost >= options.threshold) break;
    per_token[token].hits[hit].starts = false;
    weak_most = x;
    unhit = w;
    unhit_raw = w_raw;
    weak_sum[token] += weight;
  }
  // A follower never starts: a name its postings alone reach lacks its leader's half of the
  // split, so the split adds nothing to it, and its other pairs are other hits'.
  for (TokenHits& t : per_token) {
    for (Hit& h : t.hits) {
      if (h.leader >= 0 && t.hits[static_cast<std::size_t>(h.leader)].starts) h.starts = false;
    }
  }
}

void Retrieval::GroupSharedKeys() {
  groups.clear();
  {
    // By key, each as its key above its place in `single_hits` (ties in the hits' order).
    thread_local std::vector<std::uint64_t> singles;
    thread_local std::vector<Hit*> single_hits;
    singles.clear();
    single_hits.clear();
    for (std::size_t i = 0; i < qt.size(); ++i) {
      for (Hit& h : per_token[i].hits) {
        if (!h.single) continue;
        singles.push_back(std::uint64_t{h.key} << 32 | single_hits.size());
        single_hits.push_back(&h);
      }
    }
    std::sort(singles.begin(), singles.end());
    auto key_of = [](std::uint64_t single) { return static_cast<std::uint32_t>(single >> 32); };
    for (std::size_t a = 0; a < singles.size();) {
      std::size_t b = a + 1;
      while (b < singles.size() && key_of(singles[b]) == key_of(singles[a])) ++b;
      if (b - a >= 2) {
        Group g{key_of(singles[a]), false, {}, {}};
        for (std::size_t k = a; k < b; ++k) {
          Hit& h = *single_hits[singles[k] & 0xFFFFFFFF];
          h.grouped = true;
          g.starts = g.starts || h.starts;
          const float list = h.weight - h.query, weighted = h.sim * h.weight;
          g.most.query = std::max(g.most.query, h.query);
          g.most.list = std::max(g.most.list, list);
          g.most.weighted = std::max(g.most.weighted, weighted);
          g.sum.query += h.query;
          g.sum.list += list;
          g.sum.weighted += weighted;
        }
        groups.push_back(g);
      }
      a = b;
    }
  }
}

void Retrieval::Walk() {
  // Walks the postings of the hits that start candidates, then of the others, which only add to
  // the names found.
  auto walk = [&](auto starting) {
    for (const Group& g : groups) {
      if (g.starts != starting.value) continue;
      const auto [begin, end] = d.PostingRange(g.key, who);
      for (std::uint32_t p = begin; p < end; ++p) {
        const std::uint32_t n = d.postings[p];
        AddTo<decltype(starting)::value>(s, n, d.repeats_key[n] ? g.sum : g.most);
      }
    }
    for (std::size_t i = 0; i < qt.size(); ++i) {
      for (const Hit& h : per_token[i].hits) {
        if (h.starts != starting.value || h.grouped) continue;
        const Accumulator add{h.query, h.weight - h.query, h.sim * h.weight};
        const auto [begin, end] = d.PostingRange(h.key, who);
        // Only adding to the names found: when they are fewer than the postings, each name's
        // bit in the key's bitmap (the touched names are all `who`'s, as the postings are).
        if constexpr (!decltype(starting)::value) {
          const NameIndex::Data::KeyEntry& e = d.key_entries[h.key];
          if (e.bitmap != NameIndex::Data::kNoBitmap && s.count < end - begin) {
            const std::uint64_t* bits = d.KeyBitmap(e);
            for (std::size_t t = 0; t < s.count; ++t) {
              const std::uint32_t n = s.touched[t];
              if ((bits[n >> 6] >> (n & 63) & 1) != 0) s.acc[t].Add(add);
            }
            continue;
          }
        }
        const std::uint32_t* postings = d.postings.data();
        for (std::uint32_t p = begin; p < end; ++p) {
          // Names are spread over a table larger than the cache: load ahead.
          if constexpr (decltype(starting)::value) {
            if (p + kPrefetchAhead < end) __builtin_prefetch(&s.slot[postings[p + kPrefetchAhead]]);
          }
          AddTo<decltype(starting)::value>(s, postings[p], add);
        }
      }
    }
  };
  {
    std::size_t room = 0;
    for (const Group& g : groups) {
      const auto [begin, end] = d.PostingRange(g.key, who);
      room += g.starts ? end - begin : 0;
    }
    for (const TokenHits& t : per_token) {
      for (const Hit& h : t.hits) {
        const auto [begin, end] = d.PostingRange(h.key, who);
        room += h.starts && !h.grouped ? end - begin : 0;
      }
    }
    for (const QueryToken& q : qt) room += q.spelled.second - q.spelled.first;
    s.Room(room);
  }
  walk(std::true_type{});
  // An acronym of the query: the organisations' names with a run of words whose initials spell
  // it, each with that run's weight (AddAcronymPairs).
  if (prepared.acronyms && who != NameIndex::Data::Who::kPeople) {
    for (const QueryToken& q : qt) {
      for (std::uint32_t r = q.spelled.first; r < q.spelled.second; ++r) {
        const NameIndex::Data::InitialsRun& run = d.initials_runs[r];
        AddTo<true>(s, run.name,
                    {q.weight, run.weight, kAcronymRunSimilarity * (q.weight + run.weight)});
      }
    }
  }
  walk(std::false_type{});
}

void Retrieval::Bound() {
  candidates.clear();
  candidates.reserve(s.count);
  const double q_least = prepared.weight - (1 - kAcronymShare) * prepared.acronym_weight;
  // The bound below is at most (weighted + extra) / q_least, whatever the list name: most names
  // that weak words reached fall under it without a look at the list name's weights. (A hair
  // under, so that rounding never drops a name the full bound keeps.)
  const double least_weighted = (options.threshold - boost) * q_least * (1 - 1e-6);
  // A person's name the query may cover (Data::covering_names) costs the query's other words
  // less: the bound below is at most (weighted + extra) / ((c' + (1 - c') s) q_least), c' =
  // kCoveredQueryCost, s = kCoveredQueryShare (the aligned query words weigh s Q at least).
  const double least_weighted_covering =
      prepared.syllabic
          ? least_weighted
          : least_weighted * (kCoveredQueryCost + (1 - kCoveredQueryCost) * kCoveredQueryShare);
  // ... and its hits must give the aligned query words' share (the bound's p_query).
  const double least_query_covering = kCoveredQueryShare * prepared.weight * 0.999 - extra_query;
  // The names over that, first, with their list weights loaded meanwhile.
  std::size_t kept = 0;
  for (std::size_t i = 0; i < s.count; ++i) {
    const std::uint32_t n = s.touched[i];
    s.touched_bits[n >> 6] = 0;
    if (static_cast<double>(s.acc[i].weighted + extra) < least_weighted &&
        (static_cast<double>(s.acc[i].weighted + extra) < least_weighted_covering ||
         static_cast<double>(s.acc[i].query) < least_query_covering || !d.covering_names[n])) {
      continue;
    }
    __builtin_prefetch(&d.name_weights[n]);
    if (!held.empty()) __builtin_prefetch(&d.name_holds[n]);
    s.touched[kept] = n;
    s.acc[kept++] = s.acc[i];
  }
  // ScoreName: score = M / (P_q + P_l + U_q + c U_l), M the similarity-weighted aligned weight,
  // P the aligned weight of the query's words (q) and the list name's (l), U the unaligned.
  // With U_q = Q - P_q and U_l = L - P_l (Q, L the whole weights), the divisor is Q + c L + (1 -
  // c) P_l: only what the list name aligns raises it. M <= P_q + P_l, so P_l >= M - P_q, and the
  // score is at most M / (Q + c L + (1 - c) max(0, M - P_q)), which grows with M: the bound of
  // name n, whose hits summed to `a`, takes the largest M and P_q the hits allow. Acronyms left
  // out cost less (kAcronymShare): Q and L in the divisor are the least the words can cost,
  // `least`.
  auto bound_of = [&](std::uint32_t n, const Accumulator& a) __attribute__((always_inline)) {
    const NameIndex::Data::NameWeight l_total = d.name_weights[n];
    // What the name's words cannot give leaves the bound.
    double name_extra = extra, name_extra_query = extra_query, name_extra_list = extra_list;
    const std::uint64_t holds = held.empty() ? 0 : d.name_holds[n];
    for (const Held& h : held) {
      if ((holds & h.needs) != 0) continue;
      name_extra -= h.sum;
      name_extra_query -= h.query;
      name_extra_list -= h.list;
    }
    const double p_query = std::min<double>(prepared.weight, a.query + name_extra_query);
    const double p_list = std::min<double>(l_total.whole, a.list + name_extra_list);
    const double m = std::min<double>(a.weighted + name_extra, p_query + p_list);
    double bound = m <= 0 ? 0
                          : m / (q_least + kUnmatchedCost * l_total.least +
                                 (1 - kUnmatchedCost) * std::max(0.0, m - p_query));
    // A person's name the query covers (ScoreName's `covered`): every list word aligned (P_l =
    // L, which the hits must reach), the aligned query words kCoveredQueryShare of the query, and
    // the query's others at kCoveredQueryCost, a divisor of c' Q + (1 - c') P_q + L,
    // least where P_q is (P_q >= s Q, and M <= P_q + L): M / (c' Q + L + (1 - c') max(s Q, M -
    // L)).
    if (!prepared.syllabic && d.covering_names[n] && m > 0 && p_list >= l_total.whole * 0.999 &&
        p_query >= kCoveredQueryShare * prepared.weight * 0.999) {
      const double m_covered = std::min<double>(a.weighted + name_extra, p_query + l_total.whole);
      const double p_least = std::max(kCoveredQueryShare * q_least, m_covered - l_total.whole);
      bound = std::max(bound, m_covered / (kCoveredQueryCost * q_least + l_total.whole +
                                           (1 - kCoveredQueryCost) * p_least));
    }
    // A query of organisation words only ("Bank of Ireland") keeps kGenericOnlyFactor of its
    // score with a name that holds a distinctive word, unless the two are identical, which
    // takes as many words on each side (ScoreName's "generic_only"): most of the names a
    // sector word's postings reach ("bank": 1,400 of them) fall under the threshold.
    if (!prepared.distinctive && d.distinctive_names[n] && d.names[n].token_count != qt.size()) {
      bound *= kGenericOnlyFactor;
    }
    // (A hair over, so that the subtractions' rounding never drops a name.)
    return bound * (1 + 1e-6);
  };
  // Most of the names kept fall under a coarser bound first: the whole of `extra` and the least
  // divisor, whatever the name's words hold (not for a name the query may cover, whose divisor
  // is another).
  const double coarse_least = (options.threshold - boost) / (1 + 1e-6);
  for (std::size_t i = 0; i < kept; ++i) {
    const std::uint32_t n = s.touched[i];
    if (prepared.syllabic || !d.covering_names[n]) {
      const double divisor = q_least + kUnmatchedCost * d.name_weights[n].least;
      if (divisor > 0 && static_cast<double>(s.acc[i].weighted) + extra < coarse_least * divisor) {
        continue;
      }
    }
    const double bound = bound_of(s.touched[i], s.acc[i]);
    if (bound + boost >= options.threshold) candidates.push_back({bound, s.touched[i]});
  }
  s.count = 0;
  // Identical names, and entities sharing an identifier with the query, are candidates whatever
  // their words.
  {
    std::uint64_t h = prepared.exact;
    for (const auto& [hash, name] : d.ExactNames(h)) candidates.push_back({2.0, name});
  }
  // A query of organisation words only ("MBH Bank Plc.") meets names of organisation words only
  // ("IS BANK, AO") through words the index holds no postings for. ScoreName lets such a pair
  // of names match only when a generic or sector word of the query is in the name (a class
  // pair is one key): the names holding such a key are candidates. (A distinctive query keeps
  // at most kUndistinctiveShare of its score with them.)
  // Such a name holds no word the walks found (none is distinctive) or is a candidate above
  // already: its bound is what the query's words the index cannot retrieve can give it.
  if (!prepared.distinctive) {
    const std::size_t before = candidates.size();
    for (const QueryToken& q : qt) {
      if (q.key_id < 0 || (q.kind != TokenKind::kGeneric && q.kind != TokenKind::kDomain)) continue;
      const auto key = static_cast<std::uint32_t>(q.key_id);
      auto it = std::lower_bound(d.undistinctive_names.begin(), d.undistinctive_names.end(),
                                 std::make_pair(key, 0u));
      for (; it != d.undistinctive_names.end() && it->first == key; ++it) {
        const double bound = bound_of(it->second, Accumulator{});
        if (bound + boost >= options.threshold) candidates.push_back({bound, it->second});
      }
    }
    // A name holding two of the query's words is one candidate.
    std::sort(candidates.begin() + static_cast<long>(before), candidates.end(),
              [](const Candidate& a, const Candidate& b) { return a.name < b.name; });
    candidates.erase(
        std::unique(candidates.begin() + static_cast<long>(before), candidates.end(),
                    [](const Candidate& a, const Candidate& b) { return a.name == b.name; }),
        candidates.end());
  }
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
}

void Retrieval::Score(ResultCollector& collector) {
  double floor = options.threshold;
  std::size_t since_floor = 0;
  // Scored in turn, each a cache miss for its name and another for its words: the name two
  // ahead and the words of the next are loaded while one is scored.
  for (std::size_t i = 0; i < candidates.size() && i < 2; ++i) {
    __builtin_prefetch(&d.names[candidates[i].name]);
  }
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const Candidate& c = candidates[i];
    if (c.bound + boost < floor) break;
    if (i + 2 < candidates.size()) __builtin_prefetch(&d.names[candidates[i + 2].name]);
    if (i + 1 < candidates.size()) {
      const std::uint32_t first = d.names[candidates[i + 1].name].first_token;
      __builtin_prefetch(&d.tokens[first]);
      __builtin_prefetch(&d.token_skeletons[first]);
    }
    if (!NameAllowed(d, query, prepared, c.name)) continue;
    // Another name of the entity may already have scored what this one can at most.
    if (!collector.MayImprove(c.name, c.bound)) continue;
    collector.Consider(c.name, ScoreName(d, prepared, c.name, nullptr), prepared);
    if (++since_floor >= 8) {
      floor = collector.Floor();
      since_floor = 0;
    }
  }
}

// Finds the candidates of one alternative of the query through the index, best bound first,
// and scores them into `collector`.
void Retrieve(const NameIndex::Data& d, const Query& query, const SearchOptions& options,
              PreparedQuery& prepared, ResultCollector& collector) {
  if (d.names.empty()) return;  // nothing to find (and no tables: a default NameIndex)
  Retrieval search(d, query, options, prepared);
  search.FindHits();
  search.ChooseStarters();
  search.GroupSharedKeys();
  search.Walk();
  search.Bound();
  search.Score(collector);
}

std::vector<SearchResult> NameIndex::Search(const Query& query,
                                            const SearchOptions& options) const {
  std::vector<PreparedQuery> alternatives = PrepareAlternatives(*data_, query);
  Query storage;
  const Query& q = EffectiveQuery(query, alternatives, storage);
  ResultCollector collector(*data_, q, options);
  for (PreparedQuery& prepared : alternatives) Retrieve(*data_, q, options, prepared, collector);
  return collector.Finish();
}

}  // namespace dualwatch::match
