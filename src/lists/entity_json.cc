// Entity ↔ JSON: the lossless form the workspace stores, and the FtM form users see.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "lists/lists.h"

namespace dualwatch::lists {
namespace {

using nlohmann::json;

void PutIfAny(json& j, const char* key, const std::vector<std::string>& values) {
  if (!values.empty()) j[key] = values;
}

std::vector<std::string> StringsAt(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_array()) return {};
  return it->get<std::vector<std::string>>();
}

std::string StringAt(const json& j, const char* key) {
  auto it = j.find(key);
  return it == j.end() || !it->is_string() ? std::string() : it->get<std::string>();
}

void AddProperty(json& props, const std::string& key, const std::string& value) {
  if (value.empty()) return;
  json& list = props[key];
  if (!list.is_array()) list = json::array();
  for (const json& v : list) {
    if (v == value) return;
  }
  list.push_back(value);
}

}  // namespace

std::string EntityToStoredJson(const Entity& e) {
  json j;
  j["id"] = e.id;
  j["dataset"] = e.dataset;
  j["source_id"] = e.source_id;
  j["schema"] = SchemaName(e.schema);
  json names = json::array();
  for (const Name& n : e.names) {
    json o = {{"v", n.value}, {"k", NameKindName(n.kind)}};
    if (!n.lang.empty()) o["l"] = n.lang;
    if (!n.script.empty()) o["s"] = n.script;
    names.push_back(std::move(o));
  }
  j["names"] = std::move(names);
  if (!e.addresses.empty()) {
    json addresses = json::array();
    for (const Address& a : e.addresses) {
      addresses.push_back({{"full", a.full}, {"city", a.city}, {"country", a.country}});
    }
    j["addresses"] = std::move(addresses);
  }
  PutIfAny(j, "countries", e.countries);
  PutIfAny(j, "nationalities", e.nationalities);
  PutIfAny(j, "citizenships", e.citizenships);
  if (!e.identifiers.empty()) {
    json ids = json::array();
    for (const Identifier& i : e.identifiers) {
      ids.push_back(
          {{"type", i.type}, {"value", i.value}, {"country", i.country}, {"note", i.note}});
    }
    j["identifiers"] = std::move(ids);
  }
  PutIfAny(j, "birth_dates", e.birth_dates);
  PutIfAny(j, "birth_places", e.birth_places);
  if (!e.gender.empty()) j["gender"] = e.gender;
  PutIfAny(j, "programs", e.programs);
  PutIfAny(j, "topics", e.topics);
  if (!e.listing_date.empty()) j["listing_date"] = e.listing_date;
  PutIfAny(j, "remarks", e.remarks);
  if (!e.links.empty()) {
    json links = json::array();
    for (const Link& l : e.links) {
      links.push_back(
          {{"relation", l.relation}, {"target_id", l.target_id}, {"target_name", l.target_name}});
    }
    j["links"] = std::move(links);
  }
  PutIfAny(j, "referents", e.referents);
  PutIfAny(j, "source_urls", e.source_urls);
  if (!e.extra.empty()) j["extra"] = e.extra;
  return j.dump();
}

Result<Entity> EntityFromStoredJson(std::string_view text) {
  json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) {
    return Status::Error("stored entity is not a JSON object");
  }
  Entity e;
  e.id = StringAt(j, "id");
  e.dataset = StringAt(j, "dataset");
  e.source_id = StringAt(j, "source_id");
  auto schema = SchemaFromName(StringAt(j, "schema"));
  if (!schema) return Status::Error(fmt::format("stored entity {}: unknown schema", e.id));
  e.schema = *schema;
  for (const json& n : j.value("names", json::array())) {
    auto kind = NameKindFromName(n.value("k", ""));
    if (!kind) return Status::Error(fmt::format("stored entity {}: unknown name kind", e.id));
    e.names.push_back(Name{n.value("v", ""), *kind, n.value("l", ""), n.value("s", "")});
  }
  for (const json& a : j.value("addresses", json::array())) {
    e.addresses.push_back(
        Address{a.value("full", ""), a.value("city", ""), a.value("country", "")});
  }
  e.countries = StringsAt(j, "countries");
  e.nationalities = StringsAt(j, "nationalities");
  e.citizenships = StringsAt(j, "citizenships");
  for (const json& i : j.value("identifiers", json::array())) {
    e.identifiers.push_back(Identifier{i.value("type", ""), i.value("value", ""),
                                       i.value("country", ""), i.value("note", "")});
  }
  e.birth_dates = StringsAt(j, "birth_dates");
  e.birth_places = StringsAt(j, "birth_places");
  e.gender = StringAt(j, "gender");
  e.programs = StringsAt(j, "programs");
  e.topics = StringsAt(j, "topics");
  e.listing_date = StringAt(j, "listing_date");
  e.remarks = StringsAt(j, "remarks");
  for (const json& l : j.value("links", json::array())) {
    e.links.push_back(
        Link{l.value("relation", ""), l.value("target_id", ""), l.value("target_name", "")});
  }
  e.referents = StringsAt(j, "referents");
  e.source_urls = StringsAt(j, "source_urls");
  if (auto it = j.find("extra"); it != j.end() && it->is_object()) {
    e.extra = it->get<std::map<std::string, std::string>>();
  }
  return e;
}

nlohmann::json ToFtmJson(const Entity& e) {
  json props = json::object();
  for (const Name& n : e.names) {
    switch (n.kind) {
      case NameKind::kPrimary:
        AddProperty(props, "name", n.value);
        break;
      case NameKind::kAlias:
      case NameKind::kOriginalScript:
        AddProperty(props, "alias", n.value);
        break;
      case NameKind::kWeakAlias:
        AddProperty(props, "weakAlias", n.value);
        break;
      case NameKind::kFormer:
        AddProperty(props, "previousName", n.value);
        break;
    }
  }
  for (const Address& a : e.addresses) AddProperty(props, "address", a.full);
  for (const std::string& c : e.countries) AddProperty(props, "country", c);
  for (const std::string& c : e.nationalities) AddProperty(props, "nationality", c);
  for (const std::string& c : e.citizenships) AddProperty(props, "citizenship", c);
  for (const Identifier& i : e.identifiers) {
    // FtM has no USCC property; it is a registration number.
    std::string prop = i.type == "uscc"    ? "registrationNumber"
                       : i.type == "other" ? "idNumber"
                                           : i.type;
    if (e.schema == Schema::kPerson && prop == "registrationNumber") prop = "idNumber";
    AddProperty(props, prop, i.value);
  }
  for (const std::string& d : e.birth_dates) AddProperty(props, "birthDate", d);
  for (const std::string& p : e.birth_places) AddProperty(props, "birthPlace", p);
  AddProperty(props, "gender", e.gender);
  for (const std::string& p : e.programs) AddProperty(props, "program", p);
  for (const std::string& t : e.topics) AddProperty(props, "topics", t);
  AddProperty(props, "createdAt", e.listing_date);
  for (const std::string& r : e.remarks) AddProperty(props, "notes", r);
  for (const std::string& u : e.source_urls) AddProperty(props, "sourceUrl", u);
  for (const auto& [key, value] : e.extra) {
    if (key == "position" || key == "incorporationDate" || key == "flag" || key == "title" ||
        key == "buildDate" || key == "tonnage" || key == "grossRegisteredTonnage") {
      AddProperty(props, key, value);
    }
  }
  for (const Link& l : e.links) {
    AddProperty(props, "associates", l.target_id.empty() ? l.target_name : l.target_id);
  }
  json j;
  j["id"] = e.id;
  j["schema"] = SchemaName(e.schema);
  j["caption"] = e.caption();
  j["properties"] = std::move(props);
  j["datasets"] = json::array({e.dataset});
  if (!e.referents.empty()) j["referents"] = e.referents;
  if (!e.listing_date.empty()) j["first_seen"] = e.listing_date;
  return j;
}

}  // namespace dualwatch::lists
