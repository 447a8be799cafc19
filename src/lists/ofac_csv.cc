// OFAC legacy CSV sets: sdn.csv + add.csv + alt.csv + sdn_comments.csv (and the cons_* set).
// No header line, "-0-" means empty, CRLF line ends, a DOS EOF byte at the end.
#include <fmt/format.h>

#include <unordered_map>

#include "lists/parsers.h"

namespace dualwatch::lists::internal {
namespace {

constexpr std::string_view kMainColumns[] = {"ent_num", "SDN_Name",  "SDN_Type",   "Program",
                                             "Title",   "Call_Sign", "Vess_type",  "Tonnage",
                                             "GRT",     "Vess_flag", "Vess_owner", "Remarks"};
constexpr std::size_t kAddColumns = 6;
constexpr std::size_t kAltColumns = 5;
constexpr std::size_t kCommentColumns = 2;

std::string Value(std::string_view field) {
  std::string v = Trim(field);
  return v == "-0-" ? std::string() : v;
}

// Reads the companion file `base` beside the main file, if there is one: every record, with
// its field count checked, goes to `on_record`; the file is listed in `out.files`.
Status ReadCompanion(const SiblingReader& siblings, std::string_view base, std::size_t columns,
                     ParsedList& out, const std::function<void(const io::CsvRecord&)>& on_record) {
  bool found = false;
  auto input = siblings(base, found);
  if (!found) return Status();
  if (!input.ok()) return input.status();
  out.files.push_back(input->name);
  io::CsvReader reader(input->name, input->text);
  io::CsvRecord record;
  while (reader.Next(record)) {
    if (record.fields.size() != columns) {
      return FieldError(input->name, record.line, "",
                        fmt::format("expected {} fields, found {}", columns, record.fields.size()));
    }
    on_record(record);
  }
  return reader.status();
}

std::string BaseName(std::string_view path) {
  auto slash = path.find_last_of('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

}  // namespace

Status ParseOfacCsv(const io::Input& input, const SiblingReader& siblings, ParsedList& out) {
  bool cons = BaseName(input.name).rfind("cons_", 0) == 0;
  out.dataset = cons ? "us_ofac_cons" : "us_ofac_sdn";
  std::unordered_map<std::string, std::size_t> by_num;    // ent_num → index in out.entities
  std::unordered_map<std::string, std::string> extended;  // overflow remarks by ent_num

  const std::string comments = cons ? "cons_comments.csv" : "sdn_comments.csv";
  const std::string add = cons ? "cons_add.csv" : "add.csv";
  const std::string alt = cons ? "cons_alt.csv" : "alt.csv";
  // Overflow remarks must be known before remarks are parsed, so read comments first.
  if (siblings) {
    Status s = ReadCompanion(siblings, comments, kCommentColumns, out, [&](const io::CsvRecord& r) {
      extended[Trim(r.fields[0])] += Value(r.fields[1]);
    });
    if (!s.ok()) return s;
  }

  io::CsvReader reader(input.name, input.text);
  io::CsvRecord r;
  while (reader.Next(r)) {
    ++out.counts.records;
    if (r.fields.size() != std::size(kMainColumns)) {
      return FieldError(
          input.name, r.line, "",
          fmt::format("expected {} fields ({}, ..., {}), found {}", std::size(kMainColumns),
                      kMainColumns[0], kMainColumns[11], r.fields.size()));
    }
    std::string num = Trim(r.fields[0]);
    if (num.empty() || num.find_first_not_of("0123456789") != std::string::npos) {
      return FieldError(input.name, r.line, "ent_num", fmt::format("not a number: '{}'", num));
    }
    Entity e;
    e.dataset = out.dataset;
    e.source_id = num;
    e.id = out.dataset + "-" + num;
    std::string type = Value(r.fields[2]);
    if (type == "individual") {
      e.schema = Schema::kPerson;
    } else if (type == "vessel") {
      e.schema = Schema::kVessel;
    } else if (type == "aircraft") {
      e.schema = Schema::kAircraft;
    } else if (type.empty()) {
      e.schema = Schema::kLegalEntity;
    } else {
      return FieldError(input.name, r.line, "SDN_Type", fmt::format("unknown type '{}'", type));
    }
    std::string name = Value(r.fields[1]);
    if (name.empty()) return FieldError(input.name, r.line, "SDN_Name", "empty name");
    e.AddName(name, NameKind::kPrimary);
    for (std::string& p : SplitList(Value(r.fields[3]), "] [")) e.programs.push_back(p);
    if (auto title = Value(r.fields[4]); !title.empty()) e.extra["position"] = title;
    if (auto call = Value(r.fields[5]); !call.empty()) {
      e.AddIdentifier(Identifier{"callSign", call, "", "Call Sign"});
    }
    if (auto v = Value(r.fields[6]); !v.empty()) e.extra["vesselType"] = v;
    if (auto v = Value(r.fields[7]); !v.empty()) e.extra["tonnage"] = v;
    if (auto v = Value(r.fields[8]); !v.empty()) e.extra["grossRegisteredTonnage"] = v;
    if (auto v = Value(r.fields[9]); !v.empty()) {
      e.extra["flag"] = v;
      if (auto code = CountryOf(v); !code.empty()) e.extra["flag"] = code;
    }
    if (auto owner = Value(r.fields[10]); !owner.empty()) {
      e.links.push_back(Link{"owner", "", owner});
    }
    std::string remarks = Value(r.fields[11]);
    if (auto it = extended.find(num); it != extended.end()) remarks += it->second;
    ApplyOfacRemarks(remarks, e);
    by_num.emplace(num, out.entities.size());
    out.entities.push_back(std::move(e));
  }
  if (!reader.status().ok()) return reader.status();
  for (const auto& [num, text] : extended) {
    if (!by_num.count(num)) ++out.counts.unattached[comments];
  }
  if (!siblings) return Status();

  // The entity a companion row belongs to; rows of entities not in the main file are counted.
  auto owner = [&](const io::CsvRecord& row, const std::string& file) -> Entity* {
    auto it = by_num.find(Trim(row.fields[0]));
    if (it == by_num.end()) {
      ++out.counts.unattached[file];
      return nullptr;
    }
    return &out.entities[it->second];
  };
  Status s = ReadCompanion(siblings, add, kAddColumns, out, [&](const io::CsvRecord& a) {
    Entity* e = owner(a, add);
    if (!e) return;
    Address addr;
    std::vector<std::string> parts;
    for (int i : {2, 3, 4}) {
      if (auto v = Value(a.fields[i]); !v.empty()) parts.push_back(v);
    }
    addr.city = Value(a.fields[3]);
    addr.country = CountryOf(Value(a.fields[4]));
    addr.full = fmt::format("{}", fmt::join(parts, ", "));
    if (addr.full.empty()) return;
    Entity::AddCode(e->countries, addr.country);
    if (auto rem = Value(a.fields[5]); !rem.empty()) addr.full += " (" + rem + ")";
    e->addresses.push_back(std::move(addr));
  });
  if (!s.ok()) return s;
  return ReadCompanion(siblings, alt, kAltColumns, out, [&](const io::CsvRecord& a) {
    Entity* e = owner(a, alt);
    if (!e) return;
    std::string remark = Value(a.fields[4]);
    NameKind kind = Value(a.fields[2]) == "fka" ? NameKind::kFormer : NameKind::kAlias;
    // OFAC marks low-quality a.k.a.s in the remarks of the alias row.
    if (remark.find("weak") != std::string::npos ||
        remark.find("low quality") != std::string::npos) {
      kind = NameKind::kWeakAlias;
    }
    e->AddName(Value(a.fields[3]), kind);
  });
}

}  // namespace dualwatch::lists::internal
