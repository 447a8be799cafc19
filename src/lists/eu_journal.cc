// EU Official Journal annex tables (Regulations 269/2014 and 833/2014), as reviewed CSV with
// FtM column names: one row per listed party, the annex and measure it falls under.
#include <fmt/format.h>

#include <regex>

#include "lists/parsers.h"

namespace dualwatch::lists::internal {
namespace {

// "914301003206989977 (USCC)", "7704730655 (Tax ID/INN)" → value and its label.
void AddLabelledIds(std::string_view cell, std::string_view default_type, Entity& e) {
  for (const std::string& item : SplitList(cell, ";")) {
    Identifier id;
    std::string value = item;
    std::string label;
    if (auto open = value.rfind(" ("); open != std::string::npos && value.back() == ')') {
      label = value.substr(open + 2, value.size() - open - 3);
      value = Trim(value.substr(0, open));
    }
    while (!value.empty() && value.back() == '.') value.pop_back();
    id.type = label.empty() ? std::string(default_type) : IdentifierType(label);
    if (id.type == "other") id.type = default_type;
    id.value = value;
    id.note = label;
    e.AddIdentifier(std::move(id));
  }
}

// "32014R0833" → "eu_oj_833_2014".
std::string DatasetOf(std::string_view celex) {
  static const std::regex kCelex(R"(3(\d{4})R0*(\d+))");
  std::cmatch m;
  std::string c(celex);
  if (!std::regex_match(c.c_str(), m, kCelex)) return "";
  return fmt::format("eu_oj_{}_{}", m[2].str(), m[1].str());
}

// The journal gives a name in Chinese or Korean characters as an image, and the CSV the notes
// around it: "Chinese:; Text of image; 周大创; Jason Zhou". The notes are no names.
bool IsTranscriptionNote(std::string_view alias) {
  std::string a = Trim(std::string(alias));
  if (a == "Text of image") return true;
  return a.size() > 1 && a.back() == ':' && a.find(' ') == std::string::npos;
}

// "Sergei AKSENOV (Сергей АКСЁНОВ)", "Концерн «Сириус» (ОАО «Сириус»)": the journal writes a
// second form of the name in trailing brackets; both parts are names of the entity.
void AddNameWithBracketForm(const std::string& name, NameKind kind, Entity& e) {
  e.AddName(name, kind);
  if (name.size() < 4 || name.back() != ')') return;
  int depth = 0;
  for (std::size_t i = name.size(); i-- > 0;) {
    if (name[i] == ')') ++depth;
    if (name[i] == '(' && --depth == 0) {
      if (i == 0 || name[i - 1] != ' ') return;
      std::string outer = Trim(name.substr(0, i));
      std::string inner = Trim(name.substr(i + 1, name.size() - i - 2));
      e.AddName(outer, NameKind::kAlias);
      e.AddName(inner, NameKind::kAlias);
      return;
    }
  }
}

}  // namespace

Status ParseEuJournal(const io::Input& input, ParsedList& out) {
  HeaderCsv csv(input);
  Status s = csv.Require({"celex", "recordId", "programKey", "annex", "measure", "startDate",
                          "schema", "name", "alias", "registrationNumber", "address"});
  if (!s.ok()) return s;
  while (csv.Next()) {
    ++out.counts.records;
    std::string dataset = DatasetOf(Trim(csv.Get("celex")));
    if (dataset.empty()) {
      return FieldError(input.name, csv.line(), "celex",
                        fmt::format("not a regulation CELEX number: '{}'", csv.Get("celex")));
    }
    if (out.dataset.empty()) out.dataset = dataset;
    if (dataset != out.dataset) {
      return FieldError(input.name, csv.line(), "celex",
                        fmt::format("mixes two regulations ({} after {})", dataset, out.dataset));
    }
    std::string schema_name = Trim(csv.Get("schema"));
    auto schema = SchemaFromName(schema_name);
    if (!schema) {
      CountSkipped(out, fmt::format("schema {} is not a party", schema_name));
      continue;
    }
    std::string name = Trim(csv.Get("name"));
    if (name.empty()) return FieldError(input.name, csv.line(), "name", "empty name");
    Entity e;
    e.dataset = out.dataset;
    e.schema = *schema;
    std::string annex = Trim(csv.Get("annex"));
    std::string record = Trim(csv.Get("recordId"));
    e.source_id = annex + "-" + (record.empty() ? DerivedId(name) : record);
    e.id = e.dataset + "-" + e.source_id;
    AddNameWithBracketForm(name, NameKind::kPrimary, e);
    for (const std::string& a : SplitList(csv.Get("alias"), ";")) {
      if (!IsTranscriptionNote(a)) AddNameWithBracketForm(a, NameKind::kAlias, e);
    }
    for (const std::string& a : SplitList(csv.Get("weakAlias"), ";")) {
      e.AddName(a, NameKind::kWeakAlias);
    }
    for (const std::string& a : SplitList(csv.Get("previousName"), ";")) {
      e.AddName(a, NameKind::kFormer);
    }
    for (std::string_view col : {"country", "jurisdiction"}) {
      for (const std::string& c : SplitList(csv.Get(col), ";")) {
        Entity::AddCode(e.countries, CountryOf(c));
      }
    }
    for (const std::string& c : SplitList(csv.Get("nationality"), ",")) {
      Entity::AddCode(e.nationalities, CountryOf(c));
    }
    for (const std::string& d : SplitList(csv.Get("birthDate"), ";")) {
      if (auto iso = IsoDate(d); !iso.empty()) e.birth_dates.push_back(iso);
    }
    for (const std::string& p : SplitList(csv.Get("birthPlace"), ";")) e.birth_places.push_back(p);
    if (auto g = Trim(csv.Get("gender")); g == "male" || g == "female") e.gender = g;
    if (auto p = Trim(csv.Get("position")); !p.empty()) e.extra["position"] = p;
    if (auto d = IsoDate(csv.Get("incorporationDate")); !d.empty()) {
      e.extra["incorporationDate"] = d;
    }
    AddLabelledIds(csv.Get("registrationNumber"), "registrationNumber", e);
    AddLabelledIds(csv.Get("taxNumber"), "taxNumber", e);
    AddLabelledIds(csv.Get("idNumber"), "idNumber", e);
    AddLabelledIds(csv.Get("passportNumber"), "passportNumber", e);
    for (std::string_view col : {"innCode", "ogrnCode", "kppCode", "okpoCode", "leiCode",
                                 "swiftBic", "imoNumber", "mmsi", "phone", "email", "website"}) {
      for (const std::string& v : SplitList(csv.Get(col), ";")) {
        e.AddIdentifier(Identifier{std::string(col), v, "", ""});
      }
    }
    for (const std::string& a : SplitList(csv.Get("address"), ";")) {
      Address addr;
      addr.full = a;
      auto comma = a.rfind(", ");
      addr.country = CountryOf(comma == std::string::npos ? a : a.substr(comma + 2));
      Entity::AddCode(e.countries, addr.country);
      e.addresses.push_back(std::move(addr));
    }
    if (auto flag = Trim(csv.Get("flag")); !flag.empty()) e.extra["flag"] = flag;
    e.programs.push_back(fmt::format("{} Annex {}", Trim(csv.Get("programKey")), annex));
    if (auto m = Trim(csv.Get("measure")); !m.empty()) e.extra["measure"] = m;
    e.listing_date = IsoDate(csv.Get("startDate"));
    if (e.listing_date > out.published) out.published = e.listing_date;
    for (std::string_view col : {"reason", "notes"}) {
      if (auto r = Trim(csv.Get(col)); !r.empty()) e.remarks.push_back(r);
    }
    out.entities.push_back(std::move(e));
  }
  return csv.status();
}

}  // namespace dualwatch::lists::internal
