// The Entity model's small vocabulary: schema, name kind and format names.
#include <algorithm>
#include <array>
#include <utility>

#include "lists/lists.h"
#include "text/text.h"

namespace dualwatch::lists {
namespace {

constexpr std::array<std::pair<Schema, std::string_view>, 6> kSchemas{{
    {Schema::kPerson, "Person"},
    {Schema::kCompany, "Company"},
    {Schema::kOrganization, "Organization"},
    {Schema::kLegalEntity, "LegalEntity"},
    {Schema::kVessel, "Vessel"},
    {Schema::kAircraft, "Airplane"},
}};

constexpr std::array<std::pair<NameKind, std::string_view>, 5> kNameKinds{{
    {NameKind::kPrimary, "primary"},
    {NameKind::kAlias, "alias"},
    {NameKind::kWeakAlias, "weak_alias"},
    {NameKind::kFormer, "former"},
    {NameKind::kOriginalScript, "original_script"},
}};

constexpr std::array<std::pair<Format, std::string_view>, 13> kFormats{{
    {Format::kOfacCsv, "ofac_csv"},
    {Format::kUsCsl, "us_csl"},
    {Format::kBisDpl, "bis_dpl"},
    {Format::kBisMieu, "bis_mieu"},
    {Format::kDod1260h, "dod_1260h"},
    {Format::kFccCovered, "fcc_covered"},
    {Format::kEuFsfJsonl, "eu_fsf"},
    {Format::kEuJournalCsv, "eu_journal"},
    {Format::kUkJsonl, "uk_sanctions"},
    {Format::kUnXml, "un_xml"},
    {Format::kFtmJson, "ftm"},
    {Format::kCaSemaJsonl, "ca_sema"},
    {Format::kNzRussiaJsonl, "nz_russia"},
}};

template <typename Table, typename Key>
std::string_view NameOf(const Table& table, Key key) {
  for (const auto& [k, name] : table) {
    if (k == key) return name;
  }
  return "?";
}

template <typename Table>
auto KeyOf(const Table& table, std::string_view name)
    -> std::optional<typename Table::value_type::first_type> {
  for (const auto& [k, n] : table) {
    if (n == name) return k;
  }
  return std::nullopt;
}

}  // namespace

std::string_view SchemaName(Schema schema) { return NameOf(kSchemas, schema); }
std::optional<Schema> SchemaFromName(std::string_view name) {
  if (name == "Aircraft") return Schema::kAircraft;
  return KeyOf(kSchemas, name);
}
std::string_view NameKindName(NameKind kind) { return NameOf(kNameKinds, kind); }
std::optional<NameKind> NameKindFromName(std::string_view name) { return KeyOf(kNameKinds, name); }
std::string_view FormatName(Format format) { return NameOf(kFormats, format); }
std::optional<Format> FormatFromName(std::string_view name) { return KeyOf(kFormats, name); }
std::vector<Format> AllFormats() {
  std::vector<Format> all;
  for (const auto& [f, name] : kFormats) all.push_back(f);
  return all;
}

const std::string& Entity::caption() const {
  static const std::string kEmpty;
  return names.empty() ? kEmpty : names.front().value;
}

void Entity::AddName(std::string value, NameKind kind, std::string lang) {
  value = text::CollapseSpace(value);
  if (value.empty()) return;
  for (const Name& n : names) {
    if (n.value == value && n.kind == kind) return;
  }
  text::Script script = text::DetectScript(value);
  // Quotes or dashes alone (the EU journal's "’’", left where a name's quote was split) name
  // nothing.
  if (script == text::Script::kNone &&
      std::none_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return;
  }
  if (kind != NameKind::kPrimary && script != text::Script::kLatin &&
      script != text::Script::kNone) {
    kind = NameKind::kOriginalScript;
    for (const Name& n : names) {
      if (n.value == value && n.kind == kind) return;
    }
  }
  names.push_back(
      Name{std::move(value), kind, std::move(lang), std::string(text::ScriptName(script))});
}

void Entity::AddCode(std::vector<std::string>& codes, std::string code) {
  if (code.empty()) return;
  if (std::find(codes.begin(), codes.end(), code) == codes.end()) codes.push_back(std::move(code));
}

void Entity::AddIdentifier(Identifier identifier) {
  identifier.value = text::CollapseSpace(identifier.value);
  if (identifier.value.empty()) return;
  if (std::find(identifiers.begin(), identifiers.end(), identifier) == identifiers.end()) {
    identifiers.push_back(std::move(identifier));
  }
}

}  // namespace dualwatch::lists
