// dualwatch::match — name screening: which listed entities a name refers to, with graded scores
// and an explanation a compliance officer can check.
//
// Build then freeze: NameIndexBuilder::Add() every entity, Build() an immutable NameIndex. A
// NameIndex is safe to search from many threads at once (per-thread scratch space only).
//
// How a search works (see docs/ARCHITECTURE.md, "Matching"):
//   1. The query is normalised like every list name (text::NormalizeName): transliterated to
//      Latin, tokenised, legal forms and organisation words tagged, romanisation keys made.
//   2. Candidates come from the index, never from a scan: exact key lookups, edit-distance
//      neighbourhoods of keys (deletion variants: one edit for keys of 4–7 letters, two from 8),
//      and joined or split tokens. Each hit adds an upper bound of what that token can contribute
//      to the candidate name's score.
//   3. Candidates are scored best bound first by ScoreName() — the same function the brute-force
//      ReferenceMatcher applies to every name — until no remaining bound can reach the threshold
//      or beat the results already found. So the index returns exactly what the reference would.
//   4. Qualifiers (country, birth date, identifiers) move the score, each with its reason.
//
// Scores are graded in [0, 1]: 1.0 only when the normalised token sequence is identical; below
// that, the aligned share of the token weight (IDF over all list names; legal forms and generic
// words weigh little; unmatched distinctive tokens on either side cost their weight).
#ifndef DUALWATCH_MATCH_MATCH_H_
#define DUALWATCH_MATCH_MATCH_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "io/io.h"
#include "lists/lists.h"
#include "text/text.h"

namespace dualwatch::match {

using io::Result;
using io::Status;

// The default threshold for `match` being true; chosen from docs/EVALUATION.md.
inline constexpr double kDefaultThreshold = 0.75;

struct Query {
  std::string name;
  std::optional<lists::Schema> schema;   // restricts results: Person, Vessel, Airplane, or any
                                         // organisation schema (Company/Organization/LegalEntity)
  std::string country;                   // ISO alpha-2 or a country name; empty: no qualifier
  std::string birth_date;                // "1952", "1952-10", "1952-10-07"; empty: none
  std::vector<std::string> identifiers;  // registration numbers, IMO, INN ... (any type)
  std::vector<std::string> datasets;     // only entities of these datasets; empty: all
  // Without a schema: a name with a legal form or an organisation word ("Tata Steel", "AXA
  // Group") is searched as an organisation, not against people who share one word with it.
  // (Without it, only a legal form no person's name holds does so: "Joint Stock Company X",
  // "X GmbH", "X LLC"; see NamesAnOrganisation.)
  bool organisation_when_described = false;
};

struct SearchOptions {
  double threshold = kDefaultThreshold;  // results below are dropped (kDefaultThreshold)
  std::size_t limit = 5;                 // at most this many entities (default 5)
  bool explain = true;                   // fill Result::explanation (default true)
};

// One query token aligned with one list token (or with two, when a word was split or joined).
struct TokenAlignment {
  std::string query;      // query token text ("" when the list token is unmatched)
  std::string list;       // list token text ("" when the query token is unmatched)
  std::string kind;       // text::TokenKindName of the token
  std::string how;        // exact, key, fuzzy, joined, initial, class, unmatched
  double similarity = 0;  // 0..1
  double weight = 0;      // the weight this pair carries in the score
};

struct Qualifier {
  std::string name;    // "country", "birth_date", "identifier"; name factors: "numbers",
                       // "spelling", "other_country", "generic_only"
  double effect = 0;   // added to the score (negative: removed)
  std::string reason;  // "query country RU is among the entity's countries (RU)"
};

struct Explanation {
  std::string matched_name;  // the list name that scored best
  std::string name_kind;     // primary, alias, weak_alias, former, original_script
  double name_score = 0;     // before qualifiers
  std::vector<TokenAlignment> tokens;
  // Shares of the name score that what the words say took (other numbers, other countries, only
  // spellings or organisation words agreeing): already in name_score.
  std::vector<Qualifier> factors;
  std::vector<Qualifier> qualifiers;  // added to name_score
};

struct EntityRef {
  std::string id;
  std::string caption;
  lists::Schema schema = lists::Schema::kLegalEntity;
  std::string dataset;
  std::vector<std::string> countries;  // countries, nationalities, citizenships together
  std::vector<std::string> birth_dates;
  std::vector<std::string> identifiers;  // values, normalised (upper case, no spaces/punctuation)
  std::vector<std::string> programs;     // sanctions programmes, as the list names them
};

struct SearchResult {
  std::uint32_t entity = 0;  // index into NameIndex::entity()
  double score = 0;
  Explanation explanation;
};

class NameIndex;

// Collects entities, then builds the frozen index (IDF weights, postings, key neighbourhoods).
class NameIndexBuilder {
 public:
  NameIndexBuilder();
  ~NameIndexBuilder();
  void Add(const lists::Entity& entity);
  // Consumes the builder. Build time is about a second for all bundled lists.
  NameIndex Build() &&;

 private:
  struct Data;
  std::unique_ptr<Data> data_;
};

class NameIndex {
 public:
  NameIndex();
  NameIndex(NameIndex&&) noexcept;
  NameIndex& operator=(NameIndex&&) noexcept;
  ~NameIndex();

  // The entities a name refers to, best first (see the file comment).
  std::vector<SearchResult> Search(const Query& query, const SearchOptions& options = {}) const;

  const EntityRef& entity(std::uint32_t index) const;
  std::size_t entity_count() const;
  std::size_t name_count() const;
  std::size_t key_count() const;
  std::size_t memory_bytes() const;  // approximate heap use

  // Binary cache file: magic "DWNI", format version, `key` (what the index was built from).
  // Load() fails on a foreign or older file, or another key; the caller then rebuilds.
  Status Save(const std::string& path, const std::string& key) const;
  static Result<NameIndex> Load(const std::string& path, const std::string& key);

  struct Data;  // private layout, shared with the scorer and the reference matcher

 private:
  friend class NameIndexBuilder;
  friend class ReferenceMatcher;
  friend double ScoreNamePair(std::string_view, std::string_view, const NameIndex*,
                              std::vector<TokenAlignment>*, std::optional<lists::Schema>);
  std::unique_ptr<Data> data_;
};

// Scores every name of the index with the same function as NameIndex::Search. Slow and
// obviously complete: the tests hold the index to it.
class ReferenceMatcher {
 public:
  explicit ReferenceMatcher(const NameIndex& index) : index_(index) {}
  std::vector<SearchResult> Search(const Query& query, const SearchOptions& options = {}) const;

 private:
  const NameIndex& index_;
};

// Pairwise score of two names (no index, no qualifiers), for evaluation on labelled name pairs.
// Token weights come from `index` when given (IDF over its names), else all names weigh 1.
// Fills `tokens` with the alignment when given. With a schema, both names are that schema's
// (people's names are normalised as people's).
double ScoreNamePair(std::string_view a, std::string_view b, const NameIndex* index = nullptr,
                     std::vector<TokenAlignment>* tokens = nullptr,
                     std::optional<lists::Schema> schema = std::nullopt);

}  // namespace dualwatch::match

#endif  // DUALWATCH_MATCH_MATCH_H_
