// Renderings for the lists commands.
#include "cli/output.h"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <algorithm>

namespace dualwatch::cli {
namespace {

std::string Counts(const lists::ParseCounts& c) {
  std::string s = fmt::format("{} records → {} entities", c.records, c.entities);
  if (c.extra) s += fmt::format(", +{} from records naming two parties", c.extra);
  if (c.merged) s += fmt::format(", {} merged (same id)", c.merged);
  if (c.skipped) {
    std::vector<std::string> reasons;
    for (const auto& [reason, n] : c.skipped_by_reason)
      reasons.push_back(fmt::format("{} {}", n, reason));
    s += fmt::format(", {} skipped ({})", c.skipped, fmt::join(reasons, "; "));
  }
  for (const auto& [file, n] : c.unattached) {
    s += fmt::format("; {} rows of {} belong to no entity of this file", n, file);
  }
  return s;
}

const lists::Entity* Find(const std::vector<lists::Entity>& entities, const std::string& id) {
  auto it = std::lower_bound(entities.begin(), entities.end(), id,
                             [](const lists::Entity& e, const std::string& k) { return e.id < k; });
  return it != entities.end() && it->id == id ? &*it : nullptr;
}

}  // namespace

void PrintImportOutcome(std::ostream& out, const store::ImportOutcome& o) {
  const store::ListVersion& v = o.version;
  if (o.unchanged) {
    fmt::print(out, "{}: unchanged (version {}, {} entities)\n", v.dataset, v.id,
               v.counts.entities);
    return;
  }
  fmt::print(out, "{}: version {} from {}: {}; {} names\n", v.dataset, v.id, v.files,
             Counts(v.counts), v.names);
}

void PrintStats(std::ostream& out, const store::Stats& stats) {
  fmt::print(out, "{:<26} {:>10} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8} {:>9}\n", "dataset",
             "published", "entities", "persons", "orgs", "vessels", "aircraft", "names", "aliases",
             "countries");
  auto row = [&](const store::DatasetStats& d) {
    auto get = [&](const char* schema) {
      auto it = d.by_schema.find(schema);
      return it == d.by_schema.end() ? std::size_t{0} : it->second;
    };
    std::size_t orgs = get("Company") + get("Organization") + get("LegalEntity");
    fmt::print(out, "{:<26} {:>10} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8} {:>9}\n", d.dataset,
               d.published.empty() ? "-" : d.published, d.entities, get("Person"), orgs,
               get("Vessel"), get("Airplane"), d.names, d.aliases, d.countries);
  };
  for (const store::DatasetStats& d : stats.datasets) row(d);
  row(stats.total);
}

nlohmann::json StatsJson(const store::Stats& stats) {
  auto one = [](const store::DatasetStats& d) {
    return nlohmann::json{{"dataset", d.dataset},    {"published", d.published},
                          {"entities", d.entities},  {"schemata", d.by_schema},
                          {"names", d.names},        {"aliases", d.aliases},
                          {"countries", d.countries}};
  };
  nlohmann::json j;
  j["datasets"] = nlohmann::json::array();
  for (const store::DatasetStats& d : stats.datasets) j["datasets"].push_back(one(d));
  j["total"] = one(stats.total);
  return j;
}

void PrintEntity(std::ostream& out, const lists::Entity& e) {
  fmt::print(out, "{}\n  id: {}\n  schema: {}\n  dataset: {}\n", e.caption(), e.id,
             lists::SchemaName(e.schema), e.dataset);
  for (const lists::Name& n : e.names) {
    fmt::print(out, "  name ({}{}{}): {}\n", lists::NameKindName(n.kind),
               n.lang.empty() ? "" : ", " + n.lang, n.script.empty() ? "" : ", " + n.script,
               n.value);
  }
  for (const lists::Address& a : e.addresses) {
    fmt::print(out, "  address{}: {}\n", a.country.empty() ? "" : " (" + a.country + ")", a.full);
  }
  auto list = [&](const char* label, const std::vector<std::string>& values) {
    if (!values.empty()) fmt::print(out, "  {}: {}\n", label, fmt::join(values, ", "));
  };
  list("countries", e.countries);
  list("nationality", e.nationalities);
  list("citizenship", e.citizenships);
  list("birth dates", e.birth_dates);
  list("birth places", e.birth_places);
  if (!e.gender.empty()) fmt::print(out, "  gender: {}\n", e.gender);
  for (const lists::Identifier& i : e.identifiers) {
    fmt::print(out, "  {}: {}{}{}\n", i.type, i.value,
               i.country.empty() ? "" : " (" + i.country + ")",
               i.note.empty() || i.note == i.type ? "" : "  [" + i.note + "]");
  }
  list("programs", e.programs);
  list("topics", e.topics);
  if (!e.listing_date.empty()) fmt::print(out, "  listed: {}\n", e.listing_date);
  for (const lists::Link& l : e.links) {
    fmt::print(out, "  {}: {}{}\n", l.relation, l.target_name,
               l.target_id.empty() ? "" : " → " + l.target_id);
  }
  list("referents", e.referents);
  for (const auto& [k, v] : e.extra) fmt::print(out, "  {}: {}\n", k, v);
  for (const std::string& r : e.remarks) fmt::print(out, "  remark: {}\n", r);
  list("source", e.source_urls);
}

void PrintVersions(std::ostream& out, const std::vector<store::ListVersion>& versions) {
  fmt::print(out, "{:>4} {:<26} {:<7} {:>10} {:>8} {:<20} {}\n", "id", "dataset", "current",
             "published", "entities", "imported", "sha256");
  for (const store::ListVersion& v : versions) {
    fmt::print(out, "{:>4} {:<26} {:<7} {:>10} {:>8} {:<20} {}\n", v.id, v.dataset,
               v.current ? "yes" : "no", v.published.empty() ? "-" : v.published, v.counts.entities,
               v.imported_at, v.sha256.substr(0, 16));
  }
}

void PrintDiff(std::ostream& out, const lists::ListDiff& diff,
               const std::vector<lists::Entity>& old_entities,
               const std::vector<lists::Entity>& new_entities, const std::string& old_label,
               const std::string& new_label, bool summary_only) {
  fmt::print(out, "old: {}: {} entities\nnew: {}: {} entities\n", old_label, old_entities.size(),
             new_label, new_entities.size());
  fmt::print(out, "added {}, removed {}, changed {}, unchanged {}\n", diff.added.size(),
             diff.removed.size(), diff.changed.size(), diff.unchanged);
  if (summary_only) return;
  for (const std::string& id : diff.added) {
    fmt::print(out, "+ {}  {}\n", id, Find(new_entities, id)->caption());
  }
  for (const std::string& id : diff.removed) {
    fmt::print(out, "- {}  {}\n", id, Find(old_entities, id)->caption());
  }
  for (const lists::EntityChange& c : diff.changed) {
    fmt::print(out, "~ {}  {}: {}\n", c.id, Find(new_entities, c.id)->caption(),
               fmt::join(c.fields, ", "));
  }
}

nlohmann::json DiffJson(const lists::ListDiff& diff, const std::vector<lists::Entity>& old_entities,
                        const std::vector<lists::Entity>& new_entities) {
  nlohmann::json j;
  j["counts"] = {{"old", old_entities.size()},     {"new", new_entities.size()},
                 {"added", diff.added.size()},     {"removed", diff.removed.size()},
                 {"changed", diff.changed.size()}, {"unchanged", diff.unchanged}};
  j["added"] = diff.added;
  j["removed"] = diff.removed;
  j["changed"] = nlohmann::json::array();
  for (const lists::EntityChange& c : diff.changed) {
    j["changed"].push_back({{"id", c.id}, {"fields", c.fields}});
  }
  return j;
}

}  // namespace dualwatch::cli
