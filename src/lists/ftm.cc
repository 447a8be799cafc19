// FollowTheMoney entities as OpenSanctions publishes them: one JSON object per line with `id`,
// `schema`, `properties` (every value a list of strings), `datasets` and `referents`.
#include <fmt/format.h>

#include <unordered_map>

#include "lists/json_lines.h"

namespace dualwatch::lists::internal {
namespace {

// FtM identifier properties we carry over, under their own names.
constexpr std::string_view kIdProperties[] = {"registrationNumber",
                                              "taxNumber",
                                              "innCode",
                                              "ogrnCode",
                                              "kppCode",
                                              "okpoCode",
                                              "leiCode",
                                              "swiftBic",
                                              "imoNumber",
                                              "mmsi",
                                              "idNumber",
                                              "passportNumber",
                                              "vatCode",
                                              "dunsCode",
                                              "email",
                                              "website",
                                              "phone",
                                              "callSign",
                                              "uniqueEntityId",
                                              "bikCode",
                                              "npiCode",
                                              "registrationNumber"};

}  // namespace

Status ParseFtm(const io::Input& input, ParsedList& out) {
  out.dataset = "opensanctions";
  // Addresses are entities of their own, referenced by id: collect them in a first pass.
  std::unordered_map<std::string, std::pair<std::string, std::string>> addresses;  // full, cc
  struct Pending {
    Entity entity;
    std::vector<std::string> address_ids;
  };
  std::vector<Pending> parties;
  std::vector<std::pair<std::string, std::string>> ownerships;  // owner id, asset id
  Status s = ForEachJsonLine(input, [&](JsonObject o, std::size_t line) -> Status {
    ++out.counts.records;
    std::string id = Trim(Str(o, "id"));
    std::string schema_name = Trim(Str(o, "schema"));
    if (id.empty()) return FieldError(input.name, line, "id", "missing entity id");
    JsonObject props;
    if (o.at_key("properties").get(props)) {
      return FieldError(input.name, line, "properties", "missing or not an object");
    }
    auto schema = SchemaFromName(schema_name);
    if (!schema) {
      if (schema_name == "Address") {
        std::vector<std::string> full = Strings(props, "full");
        std::vector<std::string> country = Strings(props, "country");
        addresses[id] = {full.empty() ? "" : full[0], country.empty() ? "" : CountryOf(country[0])};
      } else if (schema_name == "Ownership") {
        for (const std::string& owner : Strings(props, "owner")) {
          for (const std::string& asset : Strings(props, "asset")) {
            ownerships.emplace_back(owner, asset);
          }
        }
      }
      CountSkipped(out, fmt::format("schema {} is not a party", schema_name));
      return Status();
    }
    Entity e;
    e.dataset = out.dataset;
    e.source_id = id;
    e.id = out.dataset + "-" + id;
    e.schema = *schema;
    std::string caption = Trim(Str(o, "caption"));
    if (!caption.empty()) e.AddName(caption, NameKind::kPrimary);
    for (const std::string& n : Strings(props, "name")) {
      e.AddName(n, e.names.empty() ? NameKind::kPrimary : NameKind::kAlias);
    }
    if (e.names.empty()) return FieldError(input.name, line, "name", "entity without a name");
    for (const std::string& n : Strings(props, "alias")) e.AddName(n, NameKind::kAlias);
    for (const std::string& n : Strings(props, "weakAlias")) e.AddName(n, NameKind::kWeakAlias);
    for (const std::string& n : Strings(props, "previousName")) e.AddName(n, NameKind::kFormer);
    for (std::string_view key : {"country", "jurisdiction"}) {
      for (const std::string& c : Strings(props, key)) Entity::AddCode(e.countries, CountryOf(c));
    }
    for (const std::string& c : Strings(props, "nationality")) {
      Entity::AddCode(e.nationalities, CountryOf(c));
    }
    for (const std::string& c : Strings(props, "citizenship")) {
      Entity::AddCode(e.citizenships, CountryOf(c));
    }
    for (const std::string& d : Strings(props, "birthDate")) {
      if (auto iso = IsoDate(d); !iso.empty()) e.birth_dates.push_back(iso);
    }
    e.birth_places = Strings(props, "birthPlace");
    if (auto g = Strings(props, "gender"); !g.empty()) e.gender = g[0];
    for (std::string_view key : kIdProperties) {
      for (const std::string& v : Strings(props, key)) {
        e.AddIdentifier(Identifier{std::string(key), v, "", ""});
      }
    }
    e.programs = Strings(props, "programId");
    e.topics = Strings(props, "topics");
    e.remarks = Strings(props, "notes");
    e.source_urls = Strings(props, "sourceUrl");
    if (auto created = Strings(props, "createdAt"); !created.empty()) {
      e.listing_date = IsoDate(created[0]);
    }
    e.referents = Strings(o, "referents");
    if (auto ds = Strings(o, "datasets"); !ds.empty()) {
      e.extra["sourceDatasets"] = fmt::format("{}", fmt::join(ds, ";"));
    }
    for (const std::string& full : Strings(props, "address")) {
      e.addresses.push_back(Address{full, "", ""});
    }
    std::string last_change = IsoDate(Str(o, "last_change").substr(0, 10));
    if (last_change > out.published) out.published = last_change;
    parties.push_back(Pending{std::move(e), Strings(props, "addressEntity")});
    return Status();
  });
  if (!s.ok()) return s;
  std::unordered_map<std::string, std::size_t> by_source;
  for (std::size_t i = 0; i < parties.size(); ++i) by_source[parties[i].entity.source_id] = i;
  for (const auto& [owner, asset] : ownerships) {
    auto it = by_source.find(owner);
    if (it == by_source.end()) continue;
    auto target = by_source.find(asset);
    Link link{"owner_of", "", asset};
    if (target != by_source.end()) {
      link.target_id = parties[target->second].entity.id;
      link.target_name = parties[target->second].entity.caption();
    }
    parties[it->second].entity.links.push_back(link);
  }
  for (Pending& p : parties) {
    for (const std::string& ref : p.address_ids) {
      auto it = addresses.find(ref);
      if (it == addresses.end()) continue;
      Address addr{it->second.first, "", it->second.second};
      Entity::AddCode(p.entity.countries, addr.country);
      if (std::find(p.entity.addresses.begin(), p.entity.addresses.end(), addr) ==
          p.entity.addresses.end()) {
        p.entity.addresses.push_back(std::move(addr));
      }
    }
    out.entities.push_back(std::move(p.entity));
  }
  return Status();
}

}  // namespace dualwatch::lists::internal
