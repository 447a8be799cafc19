// Screener: one shipment's parties, goods and route, combined; and the JSON of its alert.
#include <fmt/format.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "pipeline/pipeline.h"

namespace dualwatch::pipeline {
namespace {

double Round(double v, double scale = 1000) { return std::round(v * scale) / scale; }

nlohmann::json OrNull(const std::string& s) {
  return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s);
}

nlohmann::json GoodsJson(const trade::Shipment& s, const goods::Classification* c) {
  nlohmann::json j = {
      {"description", s.description}, {"brand", OrNull(s.brand)}, {"hs", OrNull(s.hs_code)}};
  if (!c) return j;
  j["class"] = goods::ClassName(c->goods_class);
  j["category"] = OrNull(c->category);
  j["chpl_tier"] = OrNull(c->chpl_tier);
  j["misdeclared"] = c->misdeclared;
  j["confidence"] = Round(c->confidence);
  j["hs_description"] = OrNull(c->hs_description);
  j["inferred_hs"] = c->inferred_hs;
  nlohmann::json evidence = nlohmann::json::array();
  for (const goods::Evidence& e : c->evidence) {
    if (e.note == "weak") continue;
    evidence.push_back({{"source", e.source},
                        {"rule", e.rule},
                        {"text", e.text},
                        {"class", goods::ClassName(e.goods_class)},
                        {"category", e.category}});
  }
  j["evidence"] = std::move(evidence);
  return j;
}

}  // namespace

Screener::Screener(const match::NameIndex& index, const goods::GoodsClassifier& classifier,
                   double threshold)
    : index_(index), classifier_(classifier), threshold_(threshold) {}

std::vector<risk::PartyHit> Screener::ScreenParty(std::string_view role,
                                                  const trade::Party& party) const {
  std::vector<risk::PartyHit> hits;
  if (party.name.empty()) return hits;
  match::Query query;
  query.name = party.name;
  query.country = party.country;
  // A name with a legal form or an organisation word ("Tata Steel", "AXA Group") is an
  // organisation: it is not screened against people who happen to share one word with it.
  for (const text::NameToken& t : text::NormalizeName(party.name).tokens) {
    if (t.kind == text::TokenKind::kLegalForm || t.kind == text::TokenKind::kGeneric ||
        t.kind == text::TokenKind::kDomain) {
      query.schema = lists::Schema::kCompany;
      break;
    }
  }
  match::SearchOptions options;
  options.threshold = threshold_;
  options.limit = 8;
  for (const match::SearchResult& r : index_.Search(query, options)) {
    const match::EntityRef& e = index_.entity(r.entity);
    // A trading party is a company or a person; listed vessels and aircraft are screened from
    // vessel and flight fields, and their names (HERA, LINDA, SALINA) are common words.
    if (e.schema == lists::Schema::kVessel || e.schema == lists::Schema::kAircraft) continue;
    if (hits.size() == 3) break;
    risk::PartyHit hit;
    hit.role = std::string(role);
    hit.name = party.name;
    hit.entity_id = e.id;
    hit.caption = e.caption;
    hit.dataset = e.dataset;
    hit.matched_name = r.explanation.matched_name;
    hit.kind = risk::KindOfDataset(e.dataset);
    hit.score = Round(r.score);
    hit.programs = e.programs;
    hits.push_back(std::move(hit));
  }
  return hits;
}

GoodsResult Screener::ClassifyGoods(const trade::Shipment& s) const {
  std::string text = s.description;
  if (!s.brand.empty() && text.find(s.brand) == std::string::npos) {
    text += (text.empty() ? "" : " ") + s.brand;
  }
  if (text.size() > goods::kMaxDescriptionBytes) {
    return {nullptr, fmt::format("description: {} bytes, longer than the {}-byte limit",
                                 text.size(), goods::kMaxDescriptionBytes)};
  }
  auto c = classifier_.Classify(text, s.hs_code);
  if (!c.ok()) {
    // The classifier names "hs" or "description"; the record's fields are hs_code/description.
    const std::string& m = c.status().message();
    return {nullptr, m.rfind("hs:", 0) == 0 ? "hs_code:" + m.substr(3) : m};
  }
  return {std::make_shared<const goods::Classification>(std::move(*c)), ""};
}

Assessment Screener::Combine(const trade::Shipment& s, std::vector<risk::PartyHit> hits,
                             const GoodsResult& goods) const {
  Assessment a;
  if (!goods.first) {
    a.error = goods.second;
    return a;
  }
  a.goods = goods.first;
  a.alert = risk::ScoreShipment(s, hits, a.goods.get(), risk::AssessRoute(s), threshold_);
  return a;
}

Assessment Screener::Screen(const trade::Shipment& s) const {
  std::vector<risk::PartyHit> hits;
  for (auto [role, party] : {std::pair{"exporter", &s.exporter}, std::pair{"importer", &s.importer},
                             std::pair{"notify", &s.notify}}) {
    auto h = ScreenParty(role, *party);
    hits.insert(hits.end(), h.begin(), h.end());
  }
  if (!s.manufacturer.empty()) {
    auto h = ScreenParty("manufacturer", trade::Party{s.manufacturer, "", ""});
    hits.insert(hits.end(), h.begin(), h.end());
  }
  return Combine(s, std::move(hits), ClassifyGoods(s));
}

std::string AlertJson(const trade::Shipment& s, const Assessment& a) {
  nlohmann::json parties = nlohmann::json::array();
  for (const risk::PartyHit& p : a.alert.parties) {
    parties.push_back({{"role", p.role},
                       {"name", p.name},
                       {"entity_id", p.entity_id},
                       {"caption", p.caption},
                       {"matched_name", p.matched_name},
                       {"dataset", p.dataset},
                       {"list_kind", risk::ListKindName(p.kind)},
                       {"authority", risk::DatasetAuthority(p.dataset)},
                       {"programs", p.programs},
                       {"score", p.score}});
  }
  nlohmann::json route = nlohmann::json::array();
  for (const risk::RouteFinding& f : a.alert.route) {
    route.push_back({{"code", f.code}, {"detail", f.detail}});
  }
  nlohmann::json j = {{"record_id", s.record_id},
                      {"line", s.line},
                      {"severity", risk::SeverityName(a.alert.severity)},
                      {"score", a.alert.score},
                      {"reasons", a.alert.reasons},
                      {"parties", parties},
                      {"goods", GoodsJson(s, a.goods.get())},
                      {"route",
                       {{"exporter_country", OrNull(s.exporter.country)},
                        {"importer_country", OrNull(s.importer.country)},
                        {"origin", OrNull(s.origin_country)},
                        {"dispatch", OrNull(s.dispatch_country)},
                        {"destination", OrNull(s.destination_country)},
                        {"transit", s.transit_countries},
                        {"findings", route}}},
                      {"exporter", s.exporter.name},
                      {"importer", s.importer.name},
                      {"date", OrNull(s.date)}};
  if (!s.truth.empty()) j["truth"] = s.truth;
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace dualwatch::pipeline

namespace dualwatch::pipeline {

std::string SummaryJson(const ScreenSummary& s) {
  nlohmann::json severity = nlohmann::json::object();
  for (std::size_t i = 1; i < s.alerts_by_severity.size(); ++i) {
    severity[std::string(risk::SeverityName(static_cast<risk::Severity>(i)))] =
        s.alerts_by_severity[i];
  }
  // Listed parties by the number of alerts they appear in, most first.
  std::vector<std::pair<std::string, std::size_t>> parties(s.by_listed_party.begin(),
                                                           s.by_listed_party.end());
  std::stable_sort(parties.begin(), parties.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  nlohmann::json listed = nlohmann::json::array();
  for (const auto& [id, count] : parties) {
    auto name = s.listed_party_names.find(id);
    listed.push_back({{"entity_id", id},
                      {"caption", name == s.listed_party_names.end() ? "" : name->second},
                      {"alerts", count}});
  }
  nlohmann::json j = {{"input", s.input},
                      {"input_sha256", s.input_sha256},
                      {"format", s.format},
                      {"mapping", s.mapping},
                      {"rows_read", s.rows_read},
                      {"rows_screened", s.rows_screened},
                      {"rows_rejected", s.rows_rejected},
                      {"alerts", s.alerts},
                      {"alerts_by_severity", severity},
                      {"rows_by_goods_class", s.by_goods_class},
                      {"rows_by_route_finding", s.by_route},
                      {"alerts_by_listed_party", listed},
                      {"distinct_parties_screened", s.distinct_parties},
                      {"distinct_goods_screened", s.distinct_goods},
                      {"duplicate_record_ids", s.duplicate_record_ids},
                      {"duplicate_record_id_examples", s.duplicate_examples},
                      {"seconds",
                       {{"read", Round(s.seconds_read)},
                        {"screen", Round(s.seconds_screen)},
                        {"write", Round(s.seconds_write)},
                        {"total", Round(s.seconds_total)}}}};
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace dualwatch::pipeline
