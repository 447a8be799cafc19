// OFAC legacy remarks ("a.k.a. 'X'; DOB 1962; POB Giza, Egypt; Passport 123 (Iraq); ...")
// split into the structured fields of an Entity.
#include <algorithm>
#include <array>
#include <string>

#include "lists/parsers.h"
#include "text/text.h"

namespace dualwatch::lists::internal {
namespace {

struct IdLabel {
  std::string_view label;  // as OFAC writes it, matched at the start of a remark part
  std::string_view type;   // our identifier type
};

// Longest labels first where one is a prefix of another.
constexpr std::array<IdLabel, 62> kIdLabels{{
    {"Unified Social Credit Code (USCC)", "uscc"},
    {"Vessel Registration Identification IMO", "imoNumber"},
    {"Vessel Registration Identification", "imoNumber"},
    {"Business Registration Document #", "registrationNumber"},
    {"Business Registration Number", "registrationNumber"},
    {"Certificate of Incorporation Number", "registrationNumber"},
    {"Commercial Registry Number", "registrationNumber"},
    {"Chamber of Commerce Number", "registrationNumber"},
    {"Government Gazette Number", "registrationNumber"},
    {"Economic Register Number (CBLS)", "registrationNumber"},
    {"Registration Certificate Number", "registrationNumber"},
    {"Registration Number", "registrationNumber"},
    {"Registration ID", "registrationNumber"},
    {"Company Number", "registrationNumber"},
    {"Enterprise Number", "registrationNumber"},
    {"Matricula Mercantil No", "registrationNumber"},
    {"Folio Mercantil No.", "registrationNumber"},
    {"Trade License No.", "registrationNumber"},
    {"License", "registrationNumber"},
    {"LE Number", "registrationNumber"},
    {"Aircraft Tail Number", "registrationNumber"},
    {"Aircraft Manufacturer's Serial Number (MSN)", "serialNumber"},
    {"Aircraft Construction Number (also called L/N or S/N or F/N)", "serialNumber"},
    {"Legal Entity Number", "leiCode"},
    {"Tax ID No.", "taxNumber"},
    {"V.A.T. Number", "vatCode"},
    {"R.F.C.", "taxNumber"},
    {"RFC", "taxNumber"},
    {"NIT #", "taxNumber"},
    {"RUC #", "taxNumber"},
    {"RIF #", "taxNumber"},
    {"C.U.I.T.", "taxNumber"},
    {"C.U.I.", "taxNumber"},
    {"BIK (RU)", "bikCode"},
    {"SWIFT/BIC", "swiftBic"},
    {"MMSI", "mmsi"},
    {"IMO", "imoNumber"},
    {"D-U-N-S Number", "dunsCode"},
    {"Diplomatic Passport", "passportNumber"},
    {"Passport", "passportNumber"},
    {"National ID No.", "idNumber"},
    {"Identification Number", "idNumber"},
    {"Personal ID Card", "idNumber"},
    {"Residency Number", "idNumber"},
    {"Cedula No.", "idNumber"},
    {"C.U.R.P.", "idNumber"},
    {"D.N.I.", "idNumber"},
    {"SSN", "idNumber"},
    {"Credencial electoral", "idNumber"},
    {"Electoral Registry No.", "idNumber"},
    {"Driver's License No.", "idNumber"},
    {"Public Security and Immigration No.", "idNumber"},
    {"Kenyan ID No.", "idNumber"},
    {"Cartilla de Servicio Militar Nacional", "idNumber"},
    {"Email Address", "email"},
    {"Website", "website"},
    {"Phone Number", "phone"},
    {"Telephone", "phone"},
    {"Phone", "phone"},
    {"Fax", "phone"},
    {"Digital Currency Address - ", "cryptoWallet"},
    {"Nationality of Registration", "other"},
}};

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

std::string_view StripEnd(std::string_view s) {
  while (!s.empty() && (s.back() == '.' || s.back() == ' ')) s.remove_suffix(1);
  return s;
}

std::string Unquote(std::string_view s) {
  s = StripEnd(s);
  if (s.size() >= 2 && s.front() == '\'' && s.back() == '\'') s = s.substr(1, s.size() - 2);
  return Trim(s);
}

// Splits "VALUE (Country) issued 2010 expires 2020" into value, country and note.
Identifier IdentifierFrom(std::string type, std::string_view label, std::string_view rest) {
  Identifier id;
  id.type = std::move(type);
  std::string_view r = StripEnd(rest);
  std::string note(label);
  for (std::string_view qualifier :
       {" issued ", " expires ", " Issue Date ", " Expiration Date "}) {
    if (auto q = r.find(qualifier); q != std::string_view::npos) {
      note += "; " + Trim(r.substr(q));
      r = r.substr(0, q);
    }
  }
  r = StripEnd(r);
  if (!r.empty() && r.back() == ')') {
    if (auto open = r.rfind('('); open != std::string_view::npos && open > 0) {
      std::string country = CountryOf(r.substr(open + 1, r.size() - open - 2));
      if (!country.empty()) {
        id.country = country;
        r = StripEnd(r.substr(0, open));
      }
    }
  }
  id.value = Trim(r);
  id.note = std::move(note);
  // Russian tax and registration numbers have their own FtM properties.
  if (id.country == "RU" && id.type == "taxNumber") id.type = "innCode";
  if (id.country == "RU" && id.type == "registrationNumber" &&
      (id.value.size() == 13 || id.value.size() == 15) &&
      std::all_of(id.value.begin(), id.value.end(), ::isdigit)) {
    id.type = "ogrnCode";
  }
  return id;
}

void AddDates(std::string_view text, std::vector<std::string>& dates) {
  // "1962 to 1964", "circa 1962", "01 Jan 1960 to 31 Dec 1961"
  for (const std::string& part : SplitList(text, " to ")) {
    std::string iso = IsoDate(part);
    if (!iso.empty() && std::find(dates.begin(), dates.end(), iso) == dates.end()) {
      dates.push_back(iso);
    }
  }
}

bool ApplyIdentifier(std::string_view part, Entity& entity) {
  for (const IdLabel& l : kIdLabels) {
    if (!StartsWith(part, l.label)) continue;
    std::string_view rest = part.substr(l.label.size());
    if (rest.empty()) return false;
    if (l.type == "cryptoWallet") {
      // "Digital Currency Address - XBT 12Qt..." : currency then address
      auto space = rest.find(' ');
      Identifier id;
      id.type = "cryptoWallet";
      id.value = Trim(space == std::string_view::npos ? rest : rest.substr(space + 1));
      id.note = Trim(rest.substr(0, space));
      entity.AddIdentifier(std::move(id));
      return true;
    }
    if (rest.front() != ' ' && rest.front() != ':') continue;  // "Passports" etc.
    while (!rest.empty() && (rest.front() == ' ' || rest.front() == ':')) rest.remove_prefix(1);
    entity.AddIdentifier(IdentifierFrom(std::string(l.type), l.label, rest));
    return true;
  }
  return false;
}

}  // namespace

void ApplyOfacRemarks(std::string_view remarks, Entity& entity) {
  std::vector<std::string> kept;
  for (const std::string& raw : SplitList(remarks, ";")) {
    std::string_view part = raw;
    // "alt. DOB 1936" adds a second value of the same kind.
    if (StartsWith(part, "alt. ") || StartsWith(part, "Alt. ")) part.remove_prefix(5);
    if (StartsWith(part, "a.k.a. ")) {
      entity.AddName(Unquote(part.substr(7)), NameKind::kAlias);
    } else if (StartsWith(part, "f.k.a. ") || StartsWith(part, "n.k.a. ")) {
      entity.AddName(Unquote(part.substr(7)),
                     part[0] == 'f' ? NameKind::kFormer : NameKind::kAlias);
    } else if (StartsWith(part, "DOB ")) {
      AddDates(StripEnd(part.substr(4)), entity.birth_dates);
    } else if (StartsWith(part, "POB ")) {
      std::string place = Trim(StripEnd(part.substr(4)));
      if (std::find(entity.birth_places.begin(), entity.birth_places.end(), place) ==
          entity.birth_places.end()) {
        entity.birth_places.push_back(place);
      }
    } else if (StartsWith(part, "nationality ")) {
      std::string code = CountryOf(StripEnd(part.substr(12)));
      if (code.empty()) kept.push_back(raw);
      Entity::AddCode(entity.nationalities, code);
    } else if (StartsWith(part, "citizen ")) {
      std::string code = CountryOf(StripEnd(part.substr(8)));
      if (code.empty()) kept.push_back(raw);
      Entity::AddCode(entity.citizenships, code);
    } else if (StartsWith(part, "Gender ")) {
      std::string g = text::FoldCase(StripEnd(part.substr(7)));
      if (g == "male" || g == "female") entity.gender = g;
    } else if (StartsWith(part, "Linked To: ")) {
      entity.links.push_back(Link{"linked_to", "", Trim(StripEnd(part.substr(11)))});
    } else if (StartsWith(part, "Organization Established Date ")) {
      std::string iso = IsoDate(StripEnd(part.substr(30)));
      if (!iso.empty()) entity.extra["incorporationDate"] = iso;
    } else if (StartsWith(part, "Secondary sanctions risk:") ||
               StartsWith(part, "Additional Sanctions Information -")) {
      std::string topic = Trim(StripEnd(part));
      if (std::find(entity.topics.begin(), entity.topics.end(), topic) == entity.topics.end()) {
        entity.topics.push_back(topic);
      }
    } else if (!ApplyIdentifier(part, entity)) {
      kept.push_back(raw);
    }
  }
  for (std::string& r : kept) entity.remarks.push_back(std::move(r));
}

}  // namespace dualwatch::lists::internal
