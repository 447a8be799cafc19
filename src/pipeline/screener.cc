// Screener: one shipment's parties, goods and route, combined; and the JSON of its alert.
#include <fmt/format.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "pipeline/pipeline.h"

namespace dualwatch::pipeline {
namespace {

double Round(double v, double scale = 1000) { return std::round(v * scale) / scale; }

// The goods object of an alert. Keys in alphabetical order, as throughout alerts.jsonl.
void WriteGoods(io::JsonWriter& w, const trade::Shipment& s, const goods::Classification* c) {
  w.BeginObject().Key("brand").StringOrNull(s.brand);
  if (c) w.Key("category").StringOrNull(c->category).Key("chpl_tier").StringOrNull(c->chpl_tier);
  if (c) w.Key("class").String(goods::ClassName(c->goods_class));
  if (c) w.Key("confidence").Number(Round(c->confidence));
  w.Key("description").String(s.description);
  if (c) {
    w.Key("evidence").BeginArray();
    for (const goods::Evidence& e : c->evidence) {
      if (e.note == "weak") continue;
      w.BeginObject().Key("category").String(e.category);
      w.Key("class").String(goods::ClassName(e.goods_class)).Key("rule").String(e.rule);
      w.Key("source").String(e.source).Key("text").String(e.text).EndObject();
    }
    w.EndArray();
  }
  w.Key("hs").StringOrNull(s.hs_code);
  if (c) {
    w.Key("hs_description").StringOrNull(c->hs_description);
    w.Key("inferred_hs").Strings(c->inferred_hs).Key("misdeclared").Bool(c->misdeclared);
  }
  w.EndObject();
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
  query.organisation_when_described = true;
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
  std::string out;
  out.reserve(1024);
  io::JsonWriter w(&out);
  w.BeginObject().Key("date").StringOrNull(s.date).Key("exporter").String(s.exporter.name);
  w.Key("goods");
  WriteGoods(w, s, a.goods.get());
  w.Key("importer").String(s.importer.name).Key("line").Int(static_cast<std::int64_t>(s.line));
  w.Key("parties").BeginArray();
  for (const risk::PartyHit& p : a.alert.parties) {
    w.BeginObject().Key("authority").String(risk::DatasetAuthority(p.dataset));
    w.Key("caption").String(p.caption).Key("dataset").String(p.dataset);
    w.Key("entity_id").String(p.entity_id).Key("list_kind").String(risk::ListKindName(p.kind));
    w.Key("matched_name").String(p.matched_name).Key("name").String(p.name);
    w.Key("programs").Strings(p.programs).Key("role").String(p.role);
    w.Key("score").Number(p.score).EndObject();
  }
  w.EndArray().Key("reasons").Strings(a.alert.reasons).Key("record_id").String(s.record_id);
  w.Key("route").BeginObject().Key("destination").StringOrNull(s.destination_country);
  w.Key("dispatch").StringOrNull(s.dispatch_country);
  w.Key("exporter_country").StringOrNull(s.exporter.country).Key("findings").BeginArray();
  for (const risk::RouteFinding& f : a.alert.route) {
    w.BeginObject().Key("code").String(f.code).Key("detail").String(f.detail).EndObject();
  }
  w.EndArray().Key("importer_country").StringOrNull(s.importer.country);
  w.Key("origin").StringOrNull(s.origin_country).Key("transit").Strings(s.transit_countries);
  w.EndObject();
  w.Key("score").Number(a.alert.score).Key("severity").String(risk::SeverityName(a.alert.severity));
  if (!s.truth.empty()) w.Key("truth").String(s.truth);
  w.EndObject();
  return out;
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
