// Canada's Consolidated Autonomous Sanctions List (SEMA) and New Zealand's Russia Sanctions
// Register, one record per JSON line.
#include <fmt/format.h>

#include "lists/json_lines.h"

namespace dualwatch::lists::internal {
namespace {

// "Russia / Russie" → "Russia": the English half of Canada's bilingual regime names.
std::string EnglishHalf(std::string_view bilingual) {
  auto slash = bilingual.find(" / ");
  return Trim(slash == std::string_view::npos ? bilingual : bilingual.substr(0, slash));
}

}  // namespace

Status ParseCaSema(const io::Input& input, ParsedList& out) {
  out.dataset = "ca_dfatd_sema_sanctions";
  return ForEachJsonLine(input, [&](JsonObject o, std::size_t line) -> Status {
    ++out.counts.records;
    std::string regime = EnglishHalf(Str(o, "country"));
    std::string item = Trim(Str(o, "item"));
    if (regime.empty() || item.empty()) {
      return FieldError(input.name, line, regime.empty() ? "country" : "item", "missing");
    }
    std::string given = Trim(Str(o, "given_name")), last = Trim(Str(o, "last_name"));
    std::string entity_name = Trim(Str(o, "entity_or_ship"));
    if (given.empty() && last.empty() && entity_name.empty()) {
      CountSkipped(out, "record carries no name");
      return Status();
    }
    Entity e;
    e.dataset = out.dataset;
    e.source_id = fmt::format("{}-{}-{}", regime, Trim(Str(o, "schedule")), item);
    for (char& c : e.source_id) {
      if (c == ' ' || c == ',') c = '_';
    }
    e.id = out.dataset + "-" + e.source_id;
    if (!entity_name.empty()) {
      e.schema = Schema::kLegalEntity;
      e.AddName(entity_name, NameKind::kPrimary);
    } else {
      e.schema = Schema::kPerson;
      e.AddName(Trim(given + " " + last), NameKind::kPrimary);
    }
    for (const std::string& a : SplitList(Str(o, "aliases"), ";")) {
      e.AddName(a, NameKind::kAlias);
    }
    if (auto d = IsoDate(Str(o, "date_of_birth_or_ship_build_date")); !d.empty()) {
      if (e.schema == Schema::kPerson) {
        e.birth_dates.push_back(d);
      } else {
        e.extra["buildDate"] = d;
      }
    }
    e.programs.push_back("CA-SEMA " + regime);
    if (auto sched = Trim(Str(o, "schedule")); !sched.empty()) e.extra["schedule"] = sched;
    e.listing_date = IsoDate(Str(o, "date_of_listing"));
    if (e.listing_date > out.published) out.published = e.listing_date;
    out.entities.push_back(std::move(e));
    return Status();
  });
}

Status ParseNzRussia(const io::Input& input, ParsedList& out) {
  out.dataset = "nz_russia_sanctions";
  return ForEachJsonLine(input, [&](JsonObject o, std::size_t line) -> Status {
    ++out.counts.records;
    Entity e;
    e.dataset = out.dataset;
    e.source_id = Trim(Str(o, "unique_identifier"));
    if (e.source_id.empty()) return FieldError(input.name, line, "unique_identifier", "missing");
    e.id = out.dataset + "-" + e.source_id;
    std::string type = Str(o, "type");
    if (type == "Individual") {
      e.schema = Schema::kPerson;
      std::vector<std::string> parts;
      for (std::string_view key : {"first_name", "middle_names", "last_name"}) {
        if (auto v = Trim(Str(o, key)); !v.empty()) parts.push_back(v);
      }
      e.AddName(fmt::format("{}", fmt::join(parts, " ")), NameKind::kPrimary);
    } else if (type == "Entity" || type == "Ship") {
      e.schema = type == "Ship" ? Schema::kVessel : Schema::kLegalEntity;
      e.AddName(Str(o, "name"), NameKind::kPrimary);
    } else {
      return FieldError(input.name, line, "type", fmt::format("unknown type '{}'", type));
    }
    if (e.names.empty()) return FieldError(input.name, line, "name", "missing name");
    for (const std::string& a : SplitList(Str(o, "alias_alternate_spellings"), ";")) {
      e.AddName(a, NameKind::kAlias);
    }
    if (auto d = IsoDate(Str(o, "dob")); !d.empty()) e.birth_dates.push_back(d);
    for (std::string_view key : {"citizenship", "citizenship_2", "citizenship_3"}) {
      Entity::AddCode(e.citizenships, CountryOf(Str(o, key)));
    }
    if (auto p = Trim(Str(o, "place_of_birth")); !p.empty()) e.birth_places.push_back(p);
    if (auto p = Trim(Str(o, "passport_number")); !p.empty()) {
      e.AddIdentifier(Identifier{"passportNumber", p, "", "passport_number"});
    }
    if (auto imo = Trim(Str(o, "imo_number")); !imo.empty()) {
      e.AddIdentifier(Identifier{"imoNumber", imo, "", "imo_number"});
    }
    if (auto a = Trim(Str(o, "address")); !a.empty()) {
      Address addr{a, "", ""};
      auto space = a.rfind(' ');
      addr.country = CountryOf(space == std::string::npos ? a : a.substr(space + 1));
      Entity::AddCode(e.countries, addr.country);
      e.addresses.push_back(std::move(addr));
    }
    if (auto t = Trim(Str(o, "title")); !t.empty()) e.extra["position"] = t;
    if (auto r = Trim(Str(o, "associates_relatives")); !r.empty()) e.remarks.push_back(r);
    if (auto r = Trim(Str(o, "general_rationale_for_sanction")); !r.empty()) {
      e.remarks.push_back(r);
    }
    e.programs.push_back("NZ-RUSSIA");
    e.listing_date = IsoDate(Str(o, "date_of_sanction"));
    if (e.listing_date > out.published) out.published = e.listing_date;
    out.entities.push_back(std::move(e));
    return Status();
  });
}

}  // namespace dualwatch::lists::internal
