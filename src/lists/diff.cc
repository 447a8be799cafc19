// Differences between two versions of a list, field by field.
#include "lists/lists.h"

namespace dualwatch::lists {
namespace {

std::vector<std::string> ChangedFields(const Entity& a, const Entity& b) {
  std::vector<std::string> fields;
  auto check = [&](const char* name, bool same) {
    if (!same) fields.emplace_back(name);
  };
  check("schema", a.schema == b.schema);
  check("names", a.names == b.names);
  check("addresses", a.addresses == b.addresses);
  check("countries", a.countries == b.countries);
  check("nationalities", a.nationalities == b.nationalities);
  check("citizenships", a.citizenships == b.citizenships);
  check("identifiers", a.identifiers == b.identifiers);
  check("birth_dates", a.birth_dates == b.birth_dates);
  check("birth_places", a.birth_places == b.birth_places);
  check("gender", a.gender == b.gender);
  check("programs", a.programs == b.programs);
  check("topics", a.topics == b.topics);
  check("listing_date", a.listing_date == b.listing_date);
  check("remarks", a.remarks == b.remarks);
  check("links", a.links == b.links);
  check("referents", a.referents == b.referents);
  check("source_urls", a.source_urls == b.source_urls);
  check("extra", a.extra == b.extra);
  return fields;
}

}  // namespace

ListDiff DiffEntities(const std::vector<Entity>& old_entities,
                      const std::vector<Entity>& new_entities) {
  ListDiff diff;
  std::size_t i = 0, j = 0;
  while (i < old_entities.size() || j < new_entities.size()) {
    if (j == new_entities.size() ||
        (i < old_entities.size() && old_entities[i].id < new_entities[j].id)) {
      diff.removed.push_back(old_entities[i++].id);
    } else if (i == old_entities.size() || new_entities[j].id < old_entities[i].id) {
      diff.added.push_back(new_entities[j++].id);
    } else {
      std::vector<std::string> fields = ChangedFields(old_entities[i], new_entities[j]);
      if (fields.empty()) {
        ++diff.unchanged;
      } else {
        diff.changed.push_back(EntityChange{new_entities[j].id, std::move(fields)});
      }
      ++i;
      ++j;
    }
  }
  return diff;
}

}  // namespace dualwatch::lists
