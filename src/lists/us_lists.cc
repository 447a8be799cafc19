// US lists beyond OFAC's own files: the trade.gov Consolidated Screening List, BIS Denied
// Persons, BIS Military-Intelligence End Users, DoD 1260H Chinese military companies and the
// FCC Covered List.
#include <fmt/format.h>

#include <regex>

#include "lists/parsers.h"
#include "text/text.h"

namespace dualwatch::lists::internal {
namespace {

Schema CslSchema(std::string_view type) {
  if (type == "Individual") return Schema::kPerson;
  if (type == "Vessel") return Schema::kVessel;
  if (type == "Aircraft") return Schema::kAircraft;
  return Schema::kLegalEntity;
}

// "Unified Social Credit Code (USCC), 9111000071093019X7, CN" → type, value, country.
Identifier CslIdentifier(std::string_view text) {
  std::vector<std::string> parts = SplitList(text, ", ");
  Identifier id;
  if (parts.empty()) return id;
  id.note = parts[0];
  id.type = IdentifierType(parts[0]);
  std::size_t last = parts.size();
  if (parts.size() >= 3 && parts.back().size() == 2) {
    id.country = CountryOf(parts.back());
    if (!id.country.empty()) --last;
  }
  std::vector<std::string> value(parts.begin() + 1, parts.begin() + last);
  id.value = fmt::format("{}", fmt::join(value, ", "));
  if (id.country == "RU" && id.type == "taxNumber") id.type = "innCode";
  return id;
}

void AddCountries(std::string_view text, std::vector<std::string>& codes) {
  for (const std::string& c : SplitList(text, ";")) Entity::AddCode(codes, CountryOf(c));
}

// Splits alias cells written as "A,B" or "A; B" without breaking "Co., Ltd.".
std::vector<std::string> SplitAliases(std::string_view text) {
  std::vector<std::string> out;
  for (const std::string& part : SplitList(text, ";")) {
    std::size_t start = 0;
    for (std::size_t i = 0; i <= part.size(); ++i) {
      bool cut = i == part.size() || (part[i] == ',' && i + 1 < part.size() && part[i + 1] != ' ');
      if (!cut) continue;
      std::string alias = Trim(std::string_view(part).substr(start, i - start));
      if (!alias.empty()) out.push_back(alias);
      start = i + 1;
    }
  }
  return out;
}

}  // namespace

Status ParseUsCsl(const io::Input& input, ParsedList& out) {
  out.dataset = "us_trade_csl";
  HeaderCsv csv(input);
  Status s = csv.Require({"_id", "source", "type", "programs", "name", "addresses", "alt_names",
                          "ids", "start_date", "remarks"});
  if (!s.ok()) return s;
  while (csv.Next()) {
    ++out.counts.records;
    if (csv.Get("_id") == "_id" && csv.Get("name") == "name") {
      CountSkipped(out, "repeated header line");
      continue;
    }
    std::string source_id = Trim(csv.Get("_id"));
    if (source_id.empty()) return FieldError(input.name, csv.line(), "_id", "empty id");
    Entity e;
    e.dataset = out.dataset;
    e.source_id = source_id;
    e.id = out.dataset + "-" + source_id;
    e.schema = CslSchema(csv.Get("type"));
    std::string name = Trim(csv.Get("name"));
    if (name.empty()) return FieldError(input.name, csv.line(), "name", "empty name");
    e.AddName(name, NameKind::kPrimary);
    for (const std::string& alias : SplitList(csv.Get("alt_names"), ";")) {
      e.AddName(alias, NameKind::kAlias);
    }
    for (const std::string& p : SplitList(csv.Get("programs"), ";")) e.programs.push_back(p);
    e.extra["source"] = Trim(csv.Get("source"));
    for (std::string_view key : {"title", "federal_register_notice", "license_requirement",
                                 "vessel_type", "vessel_owner", "end_date"}) {
      if (auto v = Trim(csv.Get(key)); !v.empty()) e.extra[std::string(key)] = v;
    }
    for (const std::string& a : SplitList(csv.Get("addresses"), ";")) {
      Address addr;
      addr.full = a;
      auto comma = a.rfind(", ");
      std::string tail = comma == std::string::npos ? a : a.substr(comma + 2);
      addr.country = CountryOf(tail);
      Entity::AddCode(e.countries, addr.country);
      e.addresses.push_back(std::move(addr));
    }
    AddCountries(csv.Get("citizenships"), e.citizenships);
    AddCountries(csv.Get("nationalities"), e.nationalities);
    for (const std::string& d : SplitList(csv.Get("dates_of_birth"), ";")) {
      if (auto iso = IsoDate(d); !iso.empty()) e.birth_dates.push_back(iso);
    }
    for (const std::string& p : SplitList(csv.Get("places_of_birth"), ";")) {
      e.birth_places.push_back(p);
    }
    for (const std::string& id : SplitList(csv.Get("ids"), ";")) {
      Identifier ident = CslIdentifier(id);
      if (ident.type == "other" && ident.note.find("Date") != std::string::npos) {
        e.remarks.push_back(id);  // "Listing Date (CMIC), 2021-06-03" is not an identifier
        continue;
      }
      e.AddIdentifier(std::move(ident));
    }
    if (auto call = Trim(csv.Get("call_sign")); !call.empty()) {
      e.AddIdentifier(Identifier{"callSign", call, "", "call_sign"});
    }
    if (auto flag = Trim(csv.Get("vessel_flag")); !flag.empty()) e.extra["flag"] = flag;
    e.listing_date = IsoDate(csv.Get("start_date"));
    if (auto r = Trim(csv.Get("remarks")); !r.empty()) e.remarks.push_back(r);
    for (std::string_view key : {"source_list_url", "source_information_url"}) {
      if (auto u = Trim(csv.Get(key)); !u.empty()) {
        if (std::find(e.source_urls.begin(), e.source_urls.end(), u) == e.source_urls.end()) {
          e.source_urls.push_back(u);
        }
      }
    }
    out.entities.push_back(std::move(e));
  }
  return csv.status();
}

Status ParseBisDpl(const io::Input& input, ParsedList& out) {
  out.dataset = "us_bis_denied";
  HeaderCsv csv(input, '\t');
  Status s = csv.Require({"Name", "Street_Address", "City", "State", "Country", "Postal_Code",
                          "Effective_Date", "Expiration_Date", "FR_Citation"});
  if (!s.ok()) return s;
  while (csv.Next()) {
    ++out.counts.records;
    std::string name = Trim(csv.Get("Name"));
    if (name.empty()) return FieldError(input.name, csv.line(), "Name", "empty name");
    Entity e;
    e.dataset = out.dataset;
    std::string effective = Trim(csv.Get("Effective_Date"));
    e.source_id = DerivedId(name + "|" + effective + "|" + Trim(csv.Get("Street_Address")));
    e.id = out.dataset + "-" + e.source_id;
    e.schema = Schema::kLegalEntity;
    e.AddName(name, NameKind::kPrimary);
    Address addr;
    std::vector<std::string> parts;
    for (std::string_view col : {"Street_Address", "City", "State", "Postal_Code", "Country"}) {
      if (auto v = Trim(csv.Get(col)); !v.empty()) parts.push_back(v);
    }
    addr.full = fmt::format("{}", fmt::join(parts, ", "));
    addr.city = Trim(csv.Get("City"));
    addr.country = CountryOf(csv.Get("Country"));
    Entity::AddCode(e.countries, addr.country);
    if (!addr.full.empty()) e.addresses.push_back(std::move(addr));
    e.listing_date = IsoDate(effective);
    if (auto end = IsoDate(csv.Get("Expiration_Date")); !end.empty()) e.extra["endDate"] = end;
    e.programs.push_back("US-BIS-DPL");
    if (auto fr = Trim(csv.Get("FR_Citation")); !fr.empty()) e.remarks.push_back(fr);
    out.entities.push_back(std::move(e));
  }
  return csv.status();
}

Status ParseBisMieu(const io::Input& input, ParsedList& out) {
  out.dataset = "us_bis_mieu";
  HeaderCsv csv(input);
  Status s = csv.Require({"Type", "Name", "Alias", "Country", "Program", "Date", "End date"});
  if (!s.ok()) return s;
  while (csv.Next()) {
    ++out.counts.records;
    std::string name = Trim(csv.Get("Name"));
    if (name.empty()) return FieldError(input.name, csv.line(), "Name", "empty name");
    if (!Trim(csv.Get("End date")).empty()) {
      CountSkipped(out, "delisted (End date set)");
      continue;
    }
    Entity e;
    e.dataset = out.dataset;
    e.source_id = DerivedId(name + "|" + Trim(csv.Get("Country")));
    e.id = out.dataset + "-" + e.source_id;
    auto schema = SchemaFromName(Trim(csv.Get("Type")));
    e.schema = schema ? *schema : Schema::kOrganization;
    e.AddName(name, NameKind::kPrimary);
    for (const std::string& alias : SplitAliases(csv.Get("Alias"))) {
      e.AddName(alias, NameKind::kAlias);
    }
    Entity::AddCode(e.countries, CountryOf(csv.Get("Country")));
    if (auto p = Trim(csv.Get("Program")); !p.empty()) e.programs.push_back(p);
    e.listing_date = IsoDate(csv.Get("Date"));
    if (auto u = Trim(csv.Get("Source URL")); !u.empty()) e.source_urls.push_back(u);
    out.entities.push_back(std::move(e));
  }
  return csv.status();
}

Status ParseDod1260h(const io::Input& input, ParsedList& out) {
  out.dataset = "us_dod_chinese_milcorps";
  HeaderCsv csv(input);
  Status s = csv.Require(
      {"Name", "Clean Name", "Alias", "Previous Name", "Parent Name", "Start date", "End date"});
  if (!s.ok()) return s;
  while (csv.Next()) {
    ++out.counts.records;
    std::string name = Trim(csv.Get("Clean Name"));
    if (name.empty()) name = Trim(csv.Get("Name"));
    if (name.empty()) return FieldError(input.name, csv.line(), "Name", "empty name");
    if (!Trim(csv.Get("End date")).empty()) {
      CountSkipped(out, "delisted (End date set)");
      continue;
    }
    Entity e;
    e.dataset = out.dataset;
    e.source_id = DerivedId(name);
    e.id = out.dataset + "-" + e.source_id;
    e.schema = Schema::kCompany;
    e.AddName(name, NameKind::kPrimary);
    for (const std::string& alias : SplitAliases(csv.Get("Alias"))) {
      e.AddName(alias, NameKind::kAlias);
    }
    for (const std::string& prev : SplitAliases(csv.Get("Previous Name"))) {
      e.AddName(prev, NameKind::kFormer);
    }
    for (const std::string& parent : SplitList(csv.Get("Parent Name"), ";")) {
      e.links.push_back(Link{"parent", "", parent});
    }
    e.programs.push_back("US-DOD-1260H");
    e.listing_date = IsoDate(csv.Get("Start date"));
    if (auto note = Trim(csv.Get("Note")); !note.empty()) e.remarks.push_back(note);
    if (auto u = Trim(csv.Get("Source Url")); !u.empty()) e.source_urls.push_back(u);
    out.entities.push_back(std::move(e));
  }
  return csv.status();
}

Status ParseFccCovered(const io::Input& input, ParsedList& out) {
  out.dataset = "us_fcc_covered_list";
  HeaderCsv csv(input);
  Status s = csv.Require({"covered_equipment_or_services", "date_of_inclusion_on_covered_list"});
  if (!s.ok()) return s;
  // The list names companies in prose: "... produced by Huawei Technologies Company, including".
  static const std::regex kBy(
      R"((?:produced|provided|supplied, directly or indirectly,|produced or provided) by (.+?)(?:,? including|, to the extent| or any of its| or any|,? subject to|\.$))");
  static const std::regex kSubsidiary(R"((.+?) and its wholly-owned subsidiary (.+))");
  while (csv.Next()) {
    ++out.counts.records;
    std::string text = Trim(csv.Get("covered_equipment_or_services"));
    std::smatch m;
    if (!std::regex_search(text, m, kBy)) {
      CountSkipped(out, "covers a product category, names no company");
      continue;
    }
    std::vector<std::string> names;
    std::string who = Trim(m[1].str());
    std::smatch sub;
    if (std::regex_match(who, sub, kSubsidiary)) {
      names = {Trim(sub[1].str()), Trim(sub[2].str())};
    } else {
      names = {who};
    }
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (i > 0) ++out.counts.extra;  // one prose row, two companies
      Entity e;
      e.dataset = out.dataset;
      e.source_id = DerivedId(names[i]);
      e.id = out.dataset + "-" + e.source_id;
      e.schema = Schema::kCompany;
      e.AddName(names[i], NameKind::kPrimary);
      e.programs.push_back("US-FCC-COVERED");
      e.listing_date = IsoDate(csv.Get("date_of_inclusion_on_covered_list"));
      e.remarks.push_back(text);
      if (i > 0) e.links.push_back(Link{"parent", "", names[0]});
      out.entities.push_back(std::move(e));
    }
  }
  return csv.status();
}

}  // namespace dualwatch::lists::internal
