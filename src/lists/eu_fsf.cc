// EU Financial Sanctions Files (consolidated list), one record per JSON line, with the field
// names of the official FSF XML (nameAlias → name_aliases, identification → identifications).
#include <fmt/format.h>

#include <algorithm>

#include "lists/json_lines.h"
#include "text/text.h"

namespace dualwatch::lists::internal {
namespace {

std::string FsfIdentifierType(std::string_view code, std::string_view country) {
  if (code == "passport") return "passportNumber";
  if (code == "regnumber") return country == "RU" ? "ogrnCode" : "registrationNumber";
  if (code == "fiscalcode" || code == "taxid") return country == "RU" ? "innCode" : "taxNumber";
  if (code == "id") return "idNumber";
  if (code == "imo") return "imoNumber";
  if (code == "swiftbic") return "swiftBic";
  if (code == "euvat") return "vatCode";
  return "other";
}

void AddFsfAddress(JsonObject a, Entity& e) {
  Address addr;
  std::vector<std::string> parts;
  for (std::string_view key : {"street", "zip_code", "city", "region"}) {
    if (auto v = Trim(Str(a, key)); !v.empty()) parts.push_back(v);
  }
  addr.city = Trim(Str(a, "city"));
  addr.country = Str(a, "country_iso2_code");
  if (addr.country == "00") addr.country.clear();  // FSF's "unknown"
  if (auto c = Trim(Str(a, "country_description"));
      !c.empty() && !addr.country.empty() && c != "UNKNOWN") {
    parts.push_back(c);
  }
  addr.full = fmt::format("{}", fmt::join(parts, ", "));
  Entity::AddCode(e.countries, addr.country);
  if (!addr.full.empty() || !addr.country.empty()) e.addresses.push_back(std::move(addr));
}

}  // namespace

Status ParseEuFsf(const io::Input& input, ParsedList& out) {
  out.dataset = "eu_fsf";
  return ForEachJsonLine(input, [&](JsonObject o, std::size_t line) -> Status {
    ++out.counts.records;
    Entity e;
    e.dataset = out.dataset;
    if (auto vessel = Trim(Str(o, "vessel_name")); !vessel.empty()) {
      // Vessels listed by IMO number only (Annex XLII of 833/2014, as FSF carries them).
      std::string imo = Trim(Str(o, "imo_number"));
      if (imo.empty())
        return FieldError(input.name, line, "imo_number", "vessel without IMO number");
      e.source_id = "IMO" + imo;
      e.schema = Schema::kVessel;
      e.AddName(vessel, NameKind::kPrimary);
      e.AddIdentifier(Identifier{"imoNumber", imo, "", "imo_number"});
      e.listing_date = IsoDate(Str(o, "date_of_application"));
      e.programs.push_back("EU-RUS");
      e.id = out.dataset + "-" + e.source_id;
      out.entities.push_back(std::move(e));
      return Status();
    }
    e.source_id = Trim(Str(o, "eu_reference_number"));
    if (e.source_id.empty()) {
      return FieldError(input.name, line, "eu_reference_number", "missing reference number");
    }
    e.id = out.dataset + "-" + e.source_id;
    JsonObject subject;
    std::string type;
    if (!o.at_key("subject_type").get(subject)) type = Str(subject, "code");
    if (type == "person") {
      e.schema = Schema::kPerson;
    } else if (type == "enterprise") {
      e.schema = Schema::kLegalEntity;
    } else {
      return FieldError(input.name, line, "subject_type",
                        fmt::format("unknown subject type '{}'", type));
    }
    // FSF has no primary flag. The caption is the first strong Latin-script name in English
    // (or of no stated language), else in another language; the rest keep their order.
    std::vector<JsonObject> aliases = Objects(o, "name_aliases");
    auto rank = [](JsonObject a) {
      bool latin = text::DetectScript(Str(a, "whole_name")) == text::Script::kLatin;
      std::string lang = Str(a, "name_language");
      if (Bool(a, "strong") && latin && (lang == "EN" || lang.empty())) return 0;
      return Bool(a, "strong") && latin ? 1 : 2;
    };
    std::stable_sort(aliases.begin(), aliases.end(),
                     [&](JsonObject a, JsonObject b) { return rank(a) < rank(b); });
    for (JsonObject a : aliases) {
      std::string name = Trim(Str(a, "whole_name"));
      if (name.empty()) continue;
      NameKind kind = e.names.empty()     ? NameKind::kPrimary
                      : Bool(a, "strong") ? NameKind::kAlias
                                          : NameKind::kWeakAlias;
      std::string lang = text::FoldCase(Str(a, "name_language"));
      e.AddName(name, kind, lang);
      std::string gender = Str(a, "gender");
      if (gender == "M") e.gender = "male";
      if (gender == "F") e.gender = "female";
      if (auto f = Trim(Str(a, "function")); !f.empty()) e.extra["position"] = f;
    }
    if (e.names.empty()) return FieldError(input.name, line, "name_aliases", "no name");
    for (JsonObject b : Objects(o, "birthdates")) {
      std::string date = IsoDate(Str(b, "birthdate"));
      if (date.empty()) {
        std::string year = Str(b, "year"), month = Str(b, "month_of_year"),
                    day = Str(b, "day_of_month");
        if (!year.empty()) {
          date = IsoDate(year);
          if (!month.empty() && !day.empty()) {
            date = IsoDate(fmt::format("{}-{:0>2}-{:0>2}", year, month, day));
          } else if (!month.empty()) {
            date = IsoDate(fmt::format("{}-{:0>2}", year, month));
          }
        }
      }
      if (!date.empty() &&
          std::find(e.birth_dates.begin(), e.birth_dates.end(), date) == e.birth_dates.end()) {
        e.birth_dates.push_back(date);
      }
      std::vector<std::string> place;
      for (std::string_view key : {"place", "city", "region", "country_description"}) {
        if (auto v = Trim(Str(b, key)); !v.empty() && v != "UNKNOWN") place.push_back(v);
      }
      if (!place.empty()) {
        std::string p = fmt::format("{}", fmt::join(place, ", "));
        if (std::find(e.birth_places.begin(), e.birth_places.end(), p) == e.birth_places.end()) {
          e.birth_places.push_back(p);
        }
      }
    }
    for (JsonObject c : Objects(o, "citizenships")) {
      std::string code = Str(c, "country_iso2_code");
      if (code != "00") Entity::AddCode(e.citizenships, code);
    }
    for (JsonObject a : Objects(o, "addresses")) AddFsfAddress(a, e);
    for (JsonObject i : Objects(o, "identifications")) {
      std::string country = Str(i, "country_iso2_code");
      if (country == "00") country.clear();
      std::string code = Str(i, "identification_type_code");
      e.AddIdentifier(
          Identifier{FsfIdentifierType(code, country), Str(i, "number"), country, code});
    }
    std::string earliest;
    for (JsonObject r : Objects(o, "regulations")) {
      std::string programme = Trim(Str(r, "programme"));
      if (!programme.empty() &&
          std::find(e.programs.begin(), e.programs.end(), programme) == e.programs.end()) {
        e.programs.push_back(programme);
      }
      std::string date = IsoDate(Str(r, "publication_date"));
      if (!date.empty() && (earliest.empty() || date < earliest)) earliest = date;
      if (date > out.published) out.published = date;
      if (auto url = Trim(Str(r, "publication_url")); !url.empty()) {
        if (std::find(e.source_urls.begin(), e.source_urls.end(), url) == e.source_urls.end()) {
          e.source_urls.push_back(url);
        }
      }
    }
    e.listing_date = earliest;
    if (auto remark = Trim(Str(o, "remark")); !remark.empty()) e.remarks.push_back(remark);
    if (auto un = Trim(Str(o, "united_nation_id")); !un.empty()) e.extra["unId"] = un;
    out.entities.push_back(std::move(e));
    return Status();
  });
}

}  // namespace dualwatch::lists::internal
