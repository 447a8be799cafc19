// Private to match/: one alternative's search of the frozen index (Retrieve) as a state carried
// through its phases: the words' hits on the index's keys (hits.cc), then the starting hits,
// the walks, the bounds and the scoring (search.cc).
#ifndef DUALWATCH_MATCH_RETRIEVAL_H_
#define DUALWATCH_MATCH_RETRIEVAL_H_

#include <algorithm>
#include <cstdint>
#include <span>
#include <vector>

#include "match/index_data.h"

namespace dualwatch::match {

// Summed weights of hits on one name, the query word's and the list key's apart: they bound the
// query's and the list name's weight that aligned pairs can carry.
struct Accumulator {
  float query = 0;
  float list = 0;
  float weighted = 0;  // both, each hit weighed by its similarity
  void Add(const Accumulator& more) {
    query += more.query;
    list += more.list;
    weighted += more.weighted;
  }
};
// A query word's hit on a key of the index, with its weights and similarity.
struct Hit {
  std::uint32_t key;
  float query;   // query token weight
  float weight;  // query token weight + key weight
  float sim;
  bool starts = true;  // walks its postings first (Retrieval::ChooseStarters)
  // One query word's pair with the key's word, not a share of a pair of several query words
  // with one list word (joined words): such hits on one key are grouped (GroupSharedKeys).
  bool single = true;
  bool grouped = false;
  // A half of a split word that only adds to names its other half (hits[leader], of this
  // token) finds, or -1 (FindHits).
  std::int32_t leader = -1;
};
struct TokenHits {
  std::vector<Hit> hits;
  float most = 0;  // the most this token can add to one name
};
// Of what the index cannot retrieve, what only a name holding some word can give (HeldBits):
// the bound leaves it out for a name whose `name_holds` shares no bit with `needs`.
struct Held {
  std::uint64_t needs;
  float sum, query, list;
};
// Several query words' hits on one key (two query words one edit from one list word, a word
// written twice): a name holding the key once gives it to one pair only, so it gets the most
// of them, not their sum. (A name holding some key twice, `repeats_key`, gets the sum.)
struct Group {
  std::uint32_t key;
  bool starts = false;
  Accumulator most, sum;
};
struct Candidate {
  double bound;
  std::uint32_t name;
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
  // A search's containers, kept from one search to the next (they had made some fifty
  // allocations a search).
  std::vector<TokenHits> per_token;
  std::vector<Held> held;
  std::vector<Group> groups;
  std::vector<Candidate> candidates;

  void Room(std::size_t names) {
    if (touched.size() < names) {
      touched.resize(names);
      acc.resize(names);
    }
  }
};

// The calling thread's scratch, sized for an index of `names` names.
Scratch& ThreadScratch(std::size_t names);

// One alternative's search (Retrieve), its state carried through the phases in order: the hits
// of the query's words on the index's keys (FindHits); which hits start candidates
// (ChooseStarters, MaxScore); hits of several words on one key (GroupSharedKeys); the walks of
// the hits' postings into the names' accumulators (Walk); the names worth scoring, by their
// bounds, best first (Bound); their scores (Score).
struct Retrieval {
  Retrieval(const NameIndex::Data& d, const Query& query, const SearchOptions& options,
            PreparedQuery& prepared)
      : d(d),
        query(query),
        options(options),
        prepared(prepared),
        qt(prepared.tokens),
        s(ThreadScratch(d.names.size())),
        boost(MaxQualifierBoost(query)),
        held(s.held),
        groups(s.groups),
        candidates(s.candidates) {
    if (s.per_token.size() < qt.size()) s.per_token.resize(qt.size());
    for (std::size_t i = 0; i < qt.size(); ++i) {
      s.per_token[i].hits.clear();
      s.per_token[i].most = 0;
    }
    per_token = std::span<TokenHits>(s.per_token.data(), qt.size());
    held.clear();
    // Only the names the query may return: people's for a person's name, others' for an
    // organisation's, vessel's or aircraft's.
    using Who = NameIndex::Data::Who;
    who = prepared.persons_only || query.schema == lists::Schema::kPerson ? Who::kPeople
          : !SchemaAllowed(query, lists::Schema::kPerson)                 ? Who::kOthers
                                                                          : Who::kAnyone;
  }

  void FindHits();
  void ChooseStarters();
  void GroupSharedKeys();
  void Walk();
  void Bound();
  void Score(ResultCollector& collector);

  // A hit carries the query word's weight and the key's, or a share of them where one pair of
  // words is several hits (words joined meet one key: each carries its share of its weight).
  void AddHit(std::size_t i, std::uint32_t key, float sim, float query_share = 1,
              float key_share = 1, bool single = true) {
    float q = query_share * qt[i].weight;
    float w = q + key_share * d.key_entries[key].weight;
    per_token[i].hits.push_back({key, q, w, sim, true, single, false});
    per_token[i].most = std::max(per_token[i].most, w);
  }
  auto JoinLookup(std::uint64_t hash) const { return d.FindJoin(hash | 1); }
  void AddExtra(float query_side, float list_side, float sim = 1) {
    extra += sim * (query_side + list_side);
    extra_query += query_side;
    extra_list += list_side;
  }
  void AddHeld(std::uint64_t needs, float query_side, float list_side, float sim = 1) {
    AddExtra(query_side, list_side, sim);
    if (needs != 0) held.push_back({needs, sim * (query_side + list_side), query_side, list_side});
  }

  const NameIndex::Data& d;
  const Query& query;
  const SearchOptions& options;
  PreparedQuery& prepared;
  std::vector<QueryToken>& qt;
  Scratch& s;
  // A name whose score cannot reach the threshold with this added is never a result.
  const double boost;
  std::span<TokenHits> per_token;  // the hits of query word i
  // What the index cannot retrieve may still add to a candidate's score: `extra` bounds it
  // (each side weighed by the most similarity it can have), `extra_query` and `extra_list` its
  // query side and list side; `held`, what of it only a name holding some word can give.
  float extra = 0, extra_query = 0, extra_list = 0;
  std::vector<Held>& held;
  NameIndex::Data::Who who = NameIndex::Data::Who::kAnyone;  // whose postings are walked
  std::vector<Group>& groups;
  std::vector<Candidate>& candidates;  // best bound first (Bound)
};

}  // namespace dualwatch::match

#endif  // DUALWATCH_MATCH_RETRIEVAL_H_
