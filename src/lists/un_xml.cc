// UN Security Council consolidated list, official XML schema (sc-sanctions.xsd).
#include <fmt/format.h>

#include <pugixml.hpp>

#include "lists/parsers.h"
#include "text/text.h"

namespace dualwatch::lists::internal {
namespace {

std::string Text(pugi::xml_node node, const char* child) {
  return Trim(node.child(child).text().as_string());
}

std::vector<std::string> Values(pugi::xml_node node, const char* child) {
  std::vector<std::string> out;
  for (pugi::xml_node c : node.children(child)) {
    for (pugi::xml_node v : c.children("VALUE")) {
      std::string s = Trim(v.text().as_string());
      if (!s.empty()) out.push_back(s);
    }
  }
  return out;
}

void AddAddress(pugi::xml_node a, Entity& e) {
  std::vector<std::string> parts;
  for (const char* key : {"STREET", "CITY", "STATE_PROVINCE", "ZIP_CODE", "COUNTRY"}) {
    if (auto v = Text(a, key); !v.empty()) parts.push_back(v);
  }
  if (parts.empty()) return;
  Address addr;
  addr.full = fmt::format("{}", fmt::join(parts, ", "));
  if (auto note = Text(a, "NOTE"); !note.empty()) addr.full += " (" + note + ")";
  addr.city = Text(a, "CITY");
  addr.country = CountryOf(Text(a, "COUNTRY"));
  Entity::AddCode(e.countries, addr.country);
  e.addresses.push_back(std::move(addr));
}

void AddBirthDate(pugi::xml_node d, Entity& e) {
  for (const char* key : {"DATE", "YEAR", "FROM_YEAR", "TO_YEAR"}) {
    std::string iso = IsoDate(Text(d, key));
    if (!iso.empty() &&
        std::find(e.birth_dates.begin(), e.birth_dates.end(), iso) == e.birth_dates.end()) {
      e.birth_dates.push_back(iso);
    }
  }
}

Entity FromNode(pugi::xml_node n, bool person, const std::string& dataset) {
  Entity e;
  e.dataset = dataset;
  e.schema = person ? Schema::kPerson : Schema::kOrganization;
  e.source_id = Text(n, "REFERENCE_NUMBER");
  e.id = dataset + "-" + e.source_id;
  std::vector<std::string> parts;
  for (const char* key : {"FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME"}) {
    if (auto v = Text(n, key); !v.empty()) parts.push_back(v);
  }
  e.AddName(fmt::format("{}", fmt::join(parts, " ")), NameKind::kPrimary);
  e.AddName(Text(n, "NAME_ORIGINAL_SCRIPT"), NameKind::kOriginalScript);
  for (pugi::xml_node a : n.children(person ? "INDIVIDUAL_ALIAS" : "ENTITY_ALIAS")) {
    std::string quality = Text(a, "QUALITY");
    e.AddName(Text(a, "ALIAS_NAME"), quality == "Low" || quality == "a.k.a. (low quality)"
                                         ? NameKind::kWeakAlias
                                         : NameKind::kAlias);
  }
  for (pugi::xml_node a : n.children(person ? "INDIVIDUAL_ADDRESS" : "ENTITY_ADDRESS")) {
    AddAddress(a, e);
  }
  for (const std::string& v : Values(n, "NATIONALITY")) {
    Entity::AddCode(e.nationalities, CountryOf(v));
  }
  for (pugi::xml_node d : n.children("INDIVIDUAL_DATE_OF_BIRTH")) AddBirthDate(d, e);
  for (pugi::xml_node p : n.children("INDIVIDUAL_PLACE_OF_BIRTH")) {
    std::vector<std::string> place;
    for (const char* key : {"CITY", "STATE_PROVINCE", "COUNTRY"}) {
      if (auto v = Text(p, key); !v.empty()) place.push_back(v);
    }
    if (!place.empty()) e.birth_places.push_back(fmt::format("{}", fmt::join(place, ", ")));
  }
  for (pugi::xml_node d : n.children("INDIVIDUAL_DOCUMENT")) {
    std::string number = Text(d, "NUMBER");
    if (number.empty()) continue;
    std::string label = Text(d, "TYPE_OF_DOCUMENT");
    std::string country = Text(d, "ISSUING_COUNTRY");
    if (country.empty()) country = Text(d, "COUNTRY_OF_ISSUE");
    e.AddIdentifier(Identifier{IdentifierType(label), number, CountryOf(country), label});
  }
  std::string gender = text::FoldCase(Text(n, "GENDER"));
  if (gender == "male" || gender == "female") e.gender = gender;
  for (const std::string& v : Values(n, "DESIGNATION")) e.extra["position"] = v;
  for (const std::string& v : Values(n, "TITLE")) e.extra["title"] = v;
  if (auto list = Text(n, "UN_LIST_TYPE"); !list.empty()) e.programs.push_back("UN-" + list);
  e.listing_date = IsoDate(Text(n, "LISTED_ON"));
  if (auto c = Text(n, "COMMENTS1"); !c.empty()) e.remarks.push_back(c);
  return e;
}

}  // namespace

Status ParseUnXml(const io::Input& input, ParsedList& out) {
  out.dataset = "un_sc_sanctions";
  pugi::xml_document doc;
  pugi::xml_parse_result result = doc.load_buffer(input.text.data(), input.text.size(),
                                                  pugi::parse_default, pugi::encoding_utf8);
  if (!result) {
    std::size_t offset = static_cast<std::size_t>(result.offset);
    if (offset + 1 >= input.text.size()) offset = input.text.size();  // ran out of input
    std::string element = FieldAt(Format::kUnXml, input.text, offset);
    std::string what = offset == input.text.size()
                           ? fmt::format(
                                 "XML ends at byte {} inside an open element (truncated "
                                 "file?): {}",
                                 offset, result.description())
                           : fmt::format("XML error at byte {}: {}", offset, result.description());
    return FieldError(input.name, io::LineOfOffset(input.text, offset),
                      element.empty() ? "(document)" : element, what);
  }
  pugi::xml_node root = doc.child("CONSOLIDATED_LIST");
  if (!root) {
    return FieldError(input.name, 1, "CONSOLIDATED_LIST", "root element missing");
  }
  out.published =
      IsoDate(std::string_view(root.attribute("dateGenerated").as_string()).substr(0, 10));
  for (bool person : {true, false}) {
    pugi::xml_node group = root.child(person ? "INDIVIDUALS" : "ENTITIES");
    for (pugi::xml_node n : group.children(person ? "INDIVIDUAL" : "ENTITY")) {
      ++out.counts.records;
      Entity e = FromNode(n, person, out.dataset);
      if (e.source_id.empty() || e.names.empty()) {
        std::size_t line = io::LineOfOffset(input.text, static_cast<std::size_t>(n.offset_debug()));
        return FieldError(input.name, line, e.source_id.empty() ? "REFERENCE_NUMBER" : "FIRST_NAME",
                          "missing");
      }
      out.entities.push_back(std::move(e));
    }
  }
  return Status();
}

}  // namespace dualwatch::lists::internal
