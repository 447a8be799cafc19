// Searching the frozen index (built in build.cc): retrieval through the key tables and
// postings, bounds, scoring best bound first. The brute-force reference and pair scores are in
// reference.cc.
#include <algorithm>
#include <bit>
#include <functional>
#include <span>
#include <type_traits>

#include "match/index_data.h"

namespace dualwatch::match {
namespace {

using text::TokenKind;

// How far ahead of its use a name's slot or weight is loaded.
constexpr std::size_t kPrefetchAhead = 8;

// Summed weights of hits on one name, the query word's and the list key's apart: they bound the
// query's and the list name's weight that aligned pairs can carry.
struct Accumulator {
  float query = 0;
  float list = 0;
  float weighted = 0;  // both, each hit weighed by its similarity
};
// Per-thread scratch, sized to the largest index searched on the thread. The names a search
// touches are few (hundreds of 119k): their accumulators are dense, in the order touched, and
// a name's is found through its bit in `touched_bits` (15 KB, stays in the nearest cache) and
// its `slot` (4 bytes a name), not in a 12-byte-a-name table that misses the cache.
struct Scratch {
  // The first `count` of `touched` are the names touched, in that order; acc[i] is touched[i]'s.
  // Both have room for every posting the starting walks read (Room), so that touching a name is
  // a write, not a vector's growth.
  std::size_t count = 0;
  std::vector<std::uint32_t> touched;
  std::vector<Accumulator> acc;
  std::vector<std::uint64_t> touched_bits;
  std::vector<std::uint32_t> slot;  // per name: its index in `touched`, while its bit is set
  FuzzyScratch fuzzy;

  void Room(std::size_t names) {
    if (touched.size() < names) {
      touched.resize(names);
      acc.resize(names);
    }
  }
};

Scratch& ThreadScratch(std::size_t names) {
  thread_local Scratch scratch;
  if (scratch.slot.size() < names) {
    scratch.slot.resize(names);
    scratch.touched_bits.resize((names + 63) / 64);
  }
  return scratch;
}

// Adds `add` to name n's accumulator. A name not touched yet gets one (and its bit), holding
// `add`, when `touch`; else it is left out.
template <bool touch>
[[gnu::always_inline]] inline void AddTo(Scratch& s, std::uint32_t n, const Accumulator& add) {
  std::uint64_t& word = s.touched_bits[n >> 6];
  const std::uint64_t bit = std::uint64_t{1} << (n & 63);
  if (word & bit) {
    Accumulator& a = s.acc[s.slot[n]];
    a.query += add.query;
    a.list += add.list;
    a.weighted += add.weighted;
    return;
  }
  if constexpr (!touch) return;
  word |= bit;
  s.slot[n] = static_cast<std::uint32_t>(s.count);
  s.touched[s.count] = n;
  s.acc[s.count++] = add;
}

}  // namespace

// Finds the candidates of one alternative of the query through the index, best bound first,
// and scores them into `collector`.
void Retrieve(const NameIndex::Data& d, const Query& query, const SearchOptions& options,
              PreparedQuery& prepared, ResultCollector& collector) {
  if (d.names.empty()) return;  // nothing to find (and no tables: a default NameIndex)
  Scratch& s = ThreadScratch(d.names.size());
  // A name whose score cannot reach the threshold with this added is never a result.
  const double boost = MaxQualifierBoost(query);

  // Retrieval, first per query token: which keys it hits, with what weight and similarity.
  struct Hit {
    std::uint32_t key;
    float query;   // query token weight
    float weight;  // query token weight + key weight
    float sim;
    bool starts = true;  // walks its postings first (MaxScore, below)
    // One query word's pair with the key's word, not a share of a pair of several query words
    // with one list word (joined words): such hits on one key are grouped (below).
    bool single = true;
    bool grouped = false;
    // A half of a split word that only adds to names its other half (hits[leader], of this
    // token) finds, or -1 (below).
    std::int32_t leader = -1;
  };
  struct TokenHits {
    std::vector<Hit> hits;
    float most = 0;  // the most this token can add to one name
  };
  std::vector<QueryToken>& qt = prepared.tokens;
  // The containers below are the thread's, kept from one call to the next: a search had made
  // some fifty allocations in them.
  thread_local std::vector<TokenHits> per_token_kept;
  if (per_token_kept.size() < qt.size()) per_token_kept.resize(qt.size());
  for (std::size_t i = 0; i < qt.size(); ++i) {
    per_token_kept[i].hits.clear();
    per_token_kept[i].most = 0;
  }
  const std::span<TokenHits> per_token(per_token_kept.data(), qt.size());
  // A hit carries the query word's weight and the key's, or a share of them where one pair of
  // words is several hits (words joined meet one key: each carries its share of its weight).
  auto add_hit = [&](std::size_t i, std::uint32_t key, float sim, float query_share = 1,
                     float key_share = 1, bool single = true) {
    float q = query_share * qt[i].weight;
    float w = q + key_share * d.key_entries[key].weight;
    per_token[i].hits.push_back({key, q, w, sim, true, single, false});
    per_token[i].most = std::max(per_token[i].most, w);
  };
  auto join_lookup = [&](std::uint64_t hash) { return d.FindJoin(hash | 1); };

  // What the index cannot retrieve may still add to a candidate's score: `extra` bounds it
  // (each side weighed by the most similarity it can have), `extra_query` and `extra_list` its
  // query side and list side.
  float extra = 0, extra_query = 0, extra_list = 0;
  auto add_extra = [&](float query_side, float list_side, float sim = 1) {
    extra += sim * (query_side + list_side);
    extra_query += query_side;
    extra_list += list_side;
  };
  // Of those, what only a name holding some word can give (HeldBits): the bound leaves it out
  // for a name whose `name_holds` shares no bit with `needs`.
  struct Held {
    std::uint64_t needs;
    float sum, query, list;
  };
  thread_local std::vector<Held> held;
  held.clear();
  auto add_held = [&](std::uint64_t needs, float query_side, float list_side, float sim = 1) {
    add_extra(query_side, list_side, sim);
    if (needs != 0) held.push_back({needs, sim * (query_side + list_side), query_side, list_side});
  };
  // Each name word's keys within AllowedEdits: for a key of the index, found when it was built.
  // Their entries are loaded for all the words before the first hit waits on one.
  for (QueryToken& q : qt) {
    if (q.kind != TokenKind::kName) continue;
    if (q.key_id >= 0) {
      const auto similar = d.SimilarKeys(static_cast<std::uint32_t>(q.key_id));
      q.similar.assign(similar.begin(), similar.end());
    } else {
      FindSimilarKeys(d, q.key, -1, s.fuzzy, q.similar);
    }
    for (const auto& [key, sim] : q.similar) __builtin_prefetch(&d.key_entries[key]);
  }
  for (std::size_t i = 0; i < qt.size(); ++i) {
    QueryToken& q = qt[i];
    // Joined words: "chang sha" = "changsha", and in Hangul in either order (as ScoreName):
    // "영철 김" = "gimyeongcheol"; the hit counts for both words.
    if (i + 1 < qt.size() && q.weight > 0 && qt[i + 1].weight > 0) {
      const bool hangul = prepared.script == text::Script::kHangul;
      for (int order = 0; order < (hangul ? 2 : 1); ++order) {
        const std::string& first = order == 0 ? q.join : qt[i + 1].join;
        const std::string& second = order == 0 ? qt[i + 1].join : q.join;
        std::int64_t k = join_lookup(HashMore(HashText(first), second));
        if (k >= 0 && d.key_entries[k].kind == TokenKind::kName) {
          add_hit(i, static_cast<std::uint32_t>(k), 0.95f, 1, 1, false);
          add_hit(i + 1, static_cast<std::uint32_t>(k), 0.95f, 1, 1, false);
        }
      }
    }
    if (!Retrievable(q.kind)) {
      // A legal form may meet another legal form (0.3); other classes only their own key.
      const float list_side = q.kind == TokenKind::kLegalForm ? d.legal_form_weight : q.weight;
      const bool held_key = IsClass(q.kind) && q.key_id >= 0;
      add_held(held_key ? HeldBits(q.kind, static_cast<std::uint32_t>(q.key_id), q.text) : 0,
               q.weight, list_side);
      continue;
    }
    if (q.key_id >= 0) add_hit(i, static_cast<std::uint32_t>(q.key_id), 1.0f);
    if (q.kind == TokenKind::kName) {
      // An initial meets any list word with its letter (at kInitialSimilarity), of any weight.
      if (q.text.size() == 1) {
        add_held(InitialHeld(q.text.front()), q.weight, d.unknown_weight, kInitialSimilarity);
      }
      // Keys within AllowedEdits (found above).
      for (const auto& [key, sim] : q.similar) add_hit(i, key, sim);
      // Arabic-script words against Latin ones (and back), by consonants.
      for (std::int64_t skeleton : {q.skeleton, q.other_skeleton}) {
        if (skeleton < 0) continue;
        // A list word's letters are not known here: the most its skeleton can score.
        float sim =
            SkeletonSimilarity(d.skeleton_ids.Text(static_cast<std::uint32_t>(skeleton)).size(),
                               q.skeletal ? q.text.size() : kAnyLetters);
        if (q.skeletal ? ArabicArticle(q.text, "al") : ArabicArticle("al", q.text)) sim = 1;
        for (std::uint32_t k : d.SkeletonKeysAcross(skeleton, q.skeletal)) add_hit(i, k, sim);
      }
      // This word and the next (or the next two) joined against one word across the script
      // divide, and this word against two or three joined ("عبد الله" / Abdullah, ScoreName's
      // "joined"): each word of a span carries its share of the key's weight.
      for (int span = 0; span < kJoinedSpans; ++span) {
        const std::int64_t id = q.joined_skeletons[span];
        const int length = kJoinedSpanLength[span];
        if (id < 0) continue;
        for (std::uint32_t k : d.SkeletonKeysAcross(id, q.skeletal)) {
          for (int w = 0; w < length; ++w) {
            add_hit(i + w, k, kJoinedSkeletonSimilarity, 1, 1.0f / static_cast<float>(length),
                    false);
          }
        }
      }
      // A name holding the joined words holds the rarest: its postings alone find the name, and
      // its hit carries all their keys' weights (the commoner, "ال" or "الله", are in thousands
      // of names).
      if (q.skeleton >= 0) {
        for (const std::array<std::uint32_t, 3>& words :
             d.joined_skeleton_keys[static_cast<std::size_t>(q.skeleton)]) {
          if (d.key_entries[words[0]].skeletal == q.skeletal) continue;
          std::uint32_t rarer = words[0];
          float w = q.weight;
          for (std::uint32_t k : words) {
            if (k == UINT32_MAX) continue;
            w += d.key_entries[k].weight;
            if (d.post_offsets[k + 1] - d.post_offsets[k] <
                d.post_offsets[rarer + 1] - d.post_offsets[rarer]) {
              rarer = k;
            }
          }
          per_token[i].hits.push_back(
              {rarer, q.weight, w, kJoinedSkeletonSimilarity, true, true, false});
          per_token[i].most = std::max(per_token[i].most, w);
        }
      }
      // The other romanisations of a Korean syllable, in a Korean name (TokenSim).
      if (prepared.korean && !q.korean.empty()) {
        for (const std::string& spelling : text::KoreanSpellings(q.text)) {
          std::int64_t k = d.key_ids.Find(text::RomanizationKey(spelling));
          if (k >= 0 && k != q.key_id) add_hit(i, static_cast<std::uint32_t>(k), kKoreanSimilarity);
        }
      }
      // A Russian place adjective and its place, between organisations' names (TokenSim).
      if (!prepared.person) {
        for (std::uint32_t stem : q.stems.stems) {
          if (stem == UINT32_MAX) continue;
          for (std::uint32_t k : d.stem_keys[stem]) {
            if (PlaceOf(q.stems, d.key_stems[k])) add_hit(i, k, kPlaceSimilarity);
          }
        }
      }
      // Split words: "jscargument" = "jsc" + "argument", into parts of two letters or more, as
      // ScoreName joins them. Each part carries the word's whole weight: a part is found by its
      // join form, and the list word that writes it may hold another key ("jsc" a name's word,
      // "JSC" of "JSC ARGUMENT" a legal form), which no posting of that name shows.
      if (q.join.size() <= kMaxFuzzyKey && !d.join_table.empty()) {
        std::string_view whole = q.join;
        // Every cut's two halves hashed, and their slots loaded, before the first is probed.
        std::array<std::uint64_t, kMaxFuzzyKey + 1> lefts, rights;
        std::uint64_t left = HashText(whole.substr(0, 1));
        for (std::size_t cut = 2; cut + 2 <= whole.size(); ++cut) {
          left = HashMore(left, whole.substr(cut - 1, 1));
          lefts[cut] = left | 1;
          rights[cut] = HashText(whole.substr(cut)) | 1;
          __builtin_prefetch(&d.join_table[d.JoinHome(lefts[cut])]);
          __builtin_prefetch(&d.join_table[d.JoinHome(rights[cut])]);
        }
        std::vector<Hit>& hits = per_token[i].hits;
        for (std::size_t cut = 2; cut + 2 <= whole.size(); ++cut) {
          const NameIndex::Data::JoinSlot* left_slot = d.FindJoinSlot(lefts[cut]);
          if (left_slot == nullptr) continue;
          const NameIndex::Data::JoinSlot* right_slot = d.FindJoinSlot(rights[cut]);
          if (right_slot == nullptr) continue;
          float both = q.weight;
          const std::size_t first = hits.size();
          for (const NameIndex::Data::JoinSlot* slot : {left_slot, right_slot}) {
            const std::uint32_t k = slot->key;
            both += d.key_entries[k].weight;
            if (Retrievable(d.key_entries[k].kind)) {
              add_hit(i, k, 0.95f);
            } else {
              add_extra(0, d.key_entries[k].weight);  // no postings: its share goes to the bound
            }
          }
          per_token[i].most = std::max(per_token[i].most, both);
          // A name holding the split holds both halves: when every list word written as the
          // weightier half holds its key, that half's postings find every such name, and the
          // other half (often a particle in thousands of names, "al", "de") only adds to them.
          // Of equal weights, the first added is first in MaxScore's order (below), so that the
          // leader starts whenever the follower would have.
          if (hits.size() == first + 2 && left_slot->key != right_slot->key) {
            const bool left_leads = hits[first].weight > hits[first + 1].weight;
            const NameIndex::Data::JoinSlot* lead = left_leads ? left_slot : right_slot;
            if (!lead->shared) {
              hits[left_leads ? first + 1 : first].leader =
                  static_cast<std::int32_t>(left_leads ? first : first + 1);
            }
          }
        }
      }
    }
  }

  // A run of the query's words whose initials spell a list word ("State Rocket Centre" / SRC):
  // each word of the run carries its share of the key's weight (AddAcronymPairs).
  for (const PreparedQuery::InitialsRun& run : prepared.initials_runs) {
    int words = 0;
    for (int i = run.first; i <= run.last; ++i) words += qt[i].kind != TokenKind::kStopword;
    for (int i = run.first; i <= run.last; ++i) {
      if (qt[i].kind == TokenKind::kStopword) continue;
      add_hit(i, run.key, kAcronymRunSimilarity, 1, 1.0f / static_cast<float>(words), false);
    }
  }

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
  // Only the names the query may return: people's for a person's name, others' for an
  // organisation's, vessel's or aircraft's.
  using Who = NameIndex::Data::Who;
  const Who who = prepared.persons_only || query.schema == lists::Schema::kPerson ? Who::kPeople
                  : !SchemaAllowed(query, lists::Schema::kPerson)                 ? Who::kOthers
                                                                                  : Who::kAnyone;
  // Several query words' hits on one key (two query words one edit from one list word, a word
  // written twice): a name holding the key once gives it to one pair only, so it gets the most
  // of them, not their sum. (A name holding some key twice, `repeats_key`, gets the sum.)
  struct Group {
    std::uint32_t key;
    bool starts = false;
    Accumulator most, sum;
  };
  thread_local std::vector<Group> groups;
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
  if (prepared.acronyms && who != Who::kPeople) {
    for (const QueryToken& q : qt) {
      for (std::uint32_t r = q.spelled.first; r < q.spelled.second; ++r) {
        const NameIndex::Data::InitialsRun& run = d.initials_runs[r];
        AddTo<true>(s, run.name,
                    {q.weight, run.weight, kAcronymRunSimilarity * (q.weight + run.weight)});
      }
    }
  }
  walk(std::false_type{});

  // Candidates, best bound first.
  struct Candidate {
    double bound;
    std::uint32_t name;
  };
  thread_local std::vector<Candidate> candidates;
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
  for (std::size_t i = 0; i < kept; ++i) {
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
