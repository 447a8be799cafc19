// UK Sanctions List (FCDO), one designation per JSON line: names as name1..name6 parts,
// non-Latin names, regime, addresses.
#include <fmt/format.h>

#include "lists/json_lines.h"
#include "text/text.h"

namespace dualwatch::lists::internal {
namespace {

std::vector<JsonObject> NestedList(JsonObject o, std::string_view outer, std::string_view inner) {
  JsonObject holder;
  if (o.at_key(outer).get(holder)) return {};
  return Objects(holder, inner);
}

}  // namespace

Status ParseUkList(const io::Input& input, ParsedList& out) {
  out.dataset = "gb_fcdo_sanctions";
  return ForEachJsonLine(input, [&](JsonObject o, std::size_t line) -> Status {
    ++out.counts.records;
    Entity e;
    e.dataset = out.dataset;
    e.source_id = Trim(Str(o, "unique_id"));
    if (e.source_id.empty()) return FieldError(input.name, line, "unique_id", "missing id");
    e.id = out.dataset + "-" + e.source_id;
    std::string type = Str(o, "individual_entity_ship");
    if (type == "Individual") {
      e.schema = Schema::kPerson;
    } else if (type == "Entity") {
      e.schema = Schema::kLegalEntity;
    } else if (type == "Ship") {
      e.schema = Schema::kVessel;
    } else {
      return FieldError(input.name, line, "individual_entity_ship",
                        fmt::format("unknown type '{}'", type));
    }
    std::vector<JsonObject> names = NestedList(o, "names", "names");
    // Primary names first, so the caption is the primary name.
    std::stable_partition(names.begin(), names.end(), [](JsonObject n) {
      return text::FoldCase(Str(n, "name_type")) == "primary name";
    });
    for (JsonObject n : names) {
      std::vector<std::string> parts;
      for (std::string_view key : {"name1", "name2", "name3", "name4", "name5", "name6"}) {
        if (auto v = Trim(Str(n, key)); !v.empty()) parts.push_back(v);
      }
      std::string name = fmt::format("{}", fmt::join(parts, " "));
      if (name.empty()) continue;
      NameKind kind = NameKind::kAlias;
      if (e.names.empty()) kind = NameKind::kPrimary;
      if (text::FoldCase(Str(n, "alias_strength")).find("weak") != std::string::npos) {
        kind = NameKind::kWeakAlias;
      }
      e.AddName(name, kind);
    }
    if (e.names.empty()) return FieldError(input.name, line, "names", "no name");
    for (JsonObject n : NestedList(o, "non_latin_names", "names")) {
      e.AddName(Str(n, "name_non_latin_script"), NameKind::kOriginalScript);
    }
    for (JsonObject a : NestedList(o, "addresses", "addresses")) {
      Address addr;
      std::vector<std::string> parts;
      for (std::string_view key :
           {"address_line1", "address_line2", "address_line3", "address_line4", "address_line5",
            "address_line6", "address_country"}) {
        if (auto v = Trim(Str(a, key)); !v.empty()) parts.push_back(v);
      }
      addr.full = fmt::format("{}", fmt::join(parts, ", "));
      addr.country = CountryOf(Str(a, "address_country"));
      Entity::AddCode(e.countries, addr.country);
      if (!addr.full.empty()) e.addresses.push_back(std::move(addr));
    }
    if (auto regime = Trim(Str(o, "regime_name")); !regime.empty()) e.programs.push_back(regime);
    e.listing_date = IsoDate(Str(o, "date_designated"));
    std::string updated = IsoDate(Str(o, "last_updated"));
    if (updated > out.published) out.published = updated;
    if (auto v = Trim(Str(o, "sanctions_imposed")); !v.empty()) e.extra["sanctionsImposed"] = v;
    if (auto v = Trim(Str(o, "un_reference_number")); !v.empty()) e.extra["unId"] = v;
    if (auto v = Trim(Str(o, "ofsi_group_id")); !v.empty()) e.extra["ofsiGroupId"] = v;
    for (std::string_view key : {"other_information", "uk_statement_of_reasons"}) {
      if (auto v = Trim(Str(o, key)); !v.empty()) e.remarks.push_back(v);
    }
    out.entities.push_back(std::move(e));
    return Status();
  });
}

}  // namespace dualwatch::lists::internal
