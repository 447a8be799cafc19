// The name index over every bundled list, built once per test binary, and pair scores with its
// weights: shared by the match tests.
#ifndef DUALWATCH_MATCH_TEST_INDEX_H_
#define DUALWATCH_MATCH_TEST_INDEX_H_

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "lists/lists.h"
#include "match/match.h"
#include "store/store.h"

namespace dualwatch::match {

inline const std::vector<lists::Entity>& AllEntities() {
  static const std::vector<lists::Entity> entities = [] {
    auto files = store::BundledListFiles();
    EXPECT_TRUE(files.ok());
    auto parsed = lists::ParseListFiles(*files);
    EXPECT_TRUE(parsed.ok()) << parsed.status().message();
    std::vector<lists::Entity> all;
    for (lists::ParsedList& p : *parsed) {
      for (lists::Entity& e : p.entities) all.push_back(std::move(e));
    }
    return all;
  }();
  return entities;
}

inline const NameIndex& Index() {
  static const NameIndex index = [] {
    NameIndexBuilder builder;
    for (const lists::Entity& e : AllEntities()) builder.Add(e);
    return std::move(builder).Build();
  }();
  return index;
}

// The score of person name `a` against list name `b`, with the bundled lists' weights.
inline double PersonScore(std::string_view a, std::string_view b) {
  return ScoreNamePair(a, b, &Index(), nullptr, lists::Schema::kPerson);
}
// The same for a company's name.
inline double CompanyScore(std::string_view a, std::string_view b) {
  return ScoreNamePair(a, b, &Index(), nullptr, lists::Schema::kCompany);
}

// Whether searching `name` (no schema, the default threshold) finds entity `id`.
inline bool Finds(std::string_view name, std::string_view id) {
  Query q;
  q.name = std::string(name);
  for (const SearchResult& r : Index().Search(q)) {
    if (Index().entity(r.entity).id == id) return true;
  }
  return false;
}

}  // namespace dualwatch::match

#endif  // DUALWATCH_MATCH_TEST_INDEX_H_
