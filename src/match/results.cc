// Which list names a query may return (schema and dataset filters), what qualifiers add to a
// name's score, and the per-entity collection of results, shared by the index search and the
// reference matcher. (Names are scored in score.cc.)
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "match/index_data.h"

namespace dualwatch::match {

bool SchemaAllowed(const Query& query, lists::Schema schema) {
  if (!query.schema) return true;
  auto org = [](lists::Schema s) {
    return s == lists::Schema::kCompany || s == lists::Schema::kOrganization ||
           s == lists::Schema::kLegalEntity;
  };
  if (*query.schema == lists::Schema::kLegalEntity) {
    return schema != lists::Schema::kVessel && schema != lists::Schema::kAircraft;
  }
  if (org(*query.schema)) return org(schema);
  return *query.schema == schema;
}

bool NameAllowed(const NameIndex::Data& data, const Query& query, const PreparedQuery& prepared,
                 std::uint32_t name) {
  if (!SchemaAllowed(query, data.names[name].schema)) return false;
  if (prepared.persons_only && data.names[name].schema != lists::Schema::kPerson) return false;
  if (query.datasets.empty()) return true;
  const std::string& dataset = data.entities[data.names[name].entity].dataset;
  return std::find(query.datasets.begin(), query.datasets.end(), dataset) != query.datasets.end();
}

double Qualify(const EntityRef& entity, const Query& query, double name_score,
               std::vector<Qualifier>* qualifiers) {
  double score = name_score;
  // Reasons are formatted only when asked for: Qualify runs for every candidate.
  auto note = [&](const char* name, double effect, auto&& reason) {
    score += effect;
    if (qualifiers) qualifiers->push_back({name, effect, reason()});
  };
  if (!query.country.empty() && !entity.countries.empty()) {
    bool hit = std::find(entity.countries.begin(), entity.countries.end(), query.country) !=
               entity.countries.end();
    note("country", hit ? kCountryBoost : -0.05, [&] {
      return fmt::format("{} {} among the entity's countries ({})", query.country,
                         hit ? "is" : "is not", fmt::join(entity.countries, ", "));
    });
  }
  if (!query.birth_date.empty() && !entity.birth_dates.empty()) {
    bool compatible = false;
    for (const std::string& d : entity.birth_dates) {
      std::size_t n = std::min(d.size(), query.birth_date.size());
      compatible = compatible || d.compare(0, n, query.birth_date, 0, n) == 0;
    }
    note("birth_date", compatible ? kBirthDateBoost : -0.15, [&] {
      return fmt::format("{} {} {}", query.birth_date, compatible ? "agrees with" : "contradicts",
                         fmt::join(entity.birth_dates, ", "));
    });
  }
  for (const std::string& raw : query.identifiers) {
    std::string id = NormalizeIdentifier(raw);
    if (id.empty()) continue;
    if (std::find(entity.identifiers.begin(), entity.identifiers.end(), id) !=
        entity.identifiers.end()) {
      double target = std::max(score, std::min(0.99, std::max(name_score, 0.5) + 0.4));
      note("identifier", target - score,
           [&] { return fmt::format("identifier {} is the entity's", raw); });
      break;
    }
  }
  if (name_score < 1.0) score = std::min(score, 0.99);
  return std::clamp(score, 0.0, 1.0);
}

ResultCollector::ResultCollector(const NameIndex::Data& data, const Query& query,
                                 const SearchOptions& options)
    : data_(data), query_(query), options_(options) {}

void ResultCollector::Consider(std::uint32_t name, double name_score,
                               const PreparedQuery& prepared) {
  std::uint32_t entity = data_.names[name].entity;
  double score = Qualify(data_.entities[entity], query_, name_score, nullptr);
  if (score < options_.threshold) return;
  Best best{score, name_score, name, &prepared};
  auto [it, inserted] = best_.try_emplace(entity, best);
  if (!inserted &&
      (score > it->second.score || (score == it->second.score && name < it->second.name))) {
    it->second = best;
  }
}

bool ResultCollector::MayImprove(std::uint32_t name, double bound) const {
  const std::uint32_t entity = data_.names[name].entity;
  auto it = best_.find(entity);
  if (it == best_.end()) return true;
  // Qualify never lowers a score for a higher name score: the most `name` can score.
  const double most = Qualify(data_.entities[entity], query_, bound, nullptr);
  return most > it->second.score || (most == it->second.score && name < it->second.name);
}

double ResultCollector::Floor() const {
  if (best_.size() < options_.limit) return options_.threshold;
  std::vector<double> scores;
  scores.reserve(best_.size());
  for (const auto& [e, b] : best_) scores.push_back(b.score);
  std::nth_element(scores.begin(), scores.begin() + static_cast<long>(options_.limit - 1),
                   scores.end(), std::greater<>());
  return std::max(options_.threshold, scores[options_.limit - 1]);
}

std::vector<SearchResult> ResultCollector::Finish() {
  std::vector<std::pair<std::uint32_t, Best>> all(best_.begin(), best_.end());
  std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) {
    if (a.second.score != b.second.score) return a.second.score > b.second.score;
    return a.first < b.first;
  });
  if (all.size() > options_.limit) all.resize(options_.limit);
  std::vector<SearchResult> results;
  for (const auto& [entity, best] : all) {
    SearchResult r;
    r.entity = entity;
    r.score = best.score;
    if (options_.explain) {
      const IndexedName& n = data_.names[best.name];
      r.explanation.matched_name = data_.originals[n.original];
      r.explanation.name_kind = std::string(lists::NameKindName(n.kind));
      r.explanation.name_score = ScoreName(data_, *best.prepared, best.name, &r.explanation.tokens,
                                           &r.explanation.factors);
      Qualify(data_.entities[entity], query_, r.explanation.name_score, &r.explanation.qualifiers);
    }
    results.push_back(std::move(r));
  }
  return results;
}

}  // namespace dualwatch::match
