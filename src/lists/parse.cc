// Reading a list file: read (zstd or plain), detect, validate, parse, then normalise the result
// (sorted unique ids, links resolved by name).
#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <thread>
#include <unordered_map>

#include "lists/json_lines.h"
#include "text/text.h"

namespace dualwatch::lists {
namespace {

using internal::SiblingReader;

constexpr std::string_view kOfacColumns[] = {"ent_num", "SDN_Name",  "SDN_Type",   "Program",
                                             "Title",   "Call_Sign", "Vess_type",  "Tonnage",
                                             "GRT",     "Vess_flag", "Vess_owner", "Remarks"};

bool IsCsv(Format f) {
  switch (f) {
    case Format::kOfacCsv:
    case Format::kUsCsl:
    case Format::kBisDpl:
    case Format::kBisMieu:
    case Format::kDod1260h:
    case Format::kFccCovered:
    case Format::kEuJournalCsv:
      return true;
    default:
      return false;
  }
}

// The innermost XML element open at `offset`.
std::string OpenElementAt(std::string_view xml, std::size_t offset) {
  std::vector<std::string_view> stack;
  std::size_t pos = 0;
  while ((pos = xml.find('<', pos)) != std::string_view::npos && pos < offset) {
    std::size_t end = xml.find('>', pos);
    if (end == std::string_view::npos || end >= offset) break;  // error inside this tag
    std::string_view tag = xml.substr(pos + 1, end - pos - 1);
    if (!tag.empty() && tag[0] == '/') {
      if (!stack.empty()) stack.pop_back();
    } else if (!tag.empty() && tag[0] != '?' && tag[0] != '!' && tag.back() != '/') {
      stack.push_back(tag.substr(0, tag.find_first_of(" \t\r\n")));
    }
    pos = end + 1;
  }
  return stack.empty() ? std::string() : std::string(stack.back());
}

}  // namespace

std::string internal::FieldAt(Format format, std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  std::size_t line_start = text.rfind('\n', offset == 0 ? 0 : offset - 1);
  line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
  if (format == Format::kUnXml) {
    std::string element = OpenElementAt(text, offset);
    return element.empty() ? "" : "<" + element + ">";
  }
  if (!IsCsv(format)) {
    return internal::KeyBefore(text.substr(line_start), offset - line_start);
  }
  char delimiter = format == Format::kBisDpl ? '\t' : ',';
  std::size_t column = 0;
  bool quoted = false;
  for (std::size_t i = line_start; i < offset; ++i) {
    if (text[i] == '"') quoted = !quoted;
    if (text[i] == delimiter && !quoted) ++column;
  }
  std::string name;
  if (format == Format::kOfacCsv) {
    if (column < std::size(kOfacColumns)) name = kOfacColumns[column];
  } else {
    io::CsvReader header_reader("", text.substr(0, text.find('\n')), delimiter);
    io::CsvRecord header;
    if (header_reader.Next(header) && column < header.fields.size()) name = header.fields[column];
  }
  return name.empty() ? fmt::format("column {}", column + 1)
                      : fmt::format("{} (column {})", name, column + 1);
}

namespace {

using internal::FieldAt;

Status ParseFormat(Format format, const io::Input& input, const SiblingReader& siblings,
                   ParsedList& out) {
  switch (format) {
    case Format::kOfacCsv:
      return internal::ParseOfacCsv(input, siblings, out);
    case Format::kUsCsl:
      return internal::ParseUsCsl(input, out);
    case Format::kBisDpl:
      return internal::ParseBisDpl(input, out);
    case Format::kBisMieu:
      return internal::ParseBisMieu(input, out);
    case Format::kDod1260h:
      return internal::ParseDod1260h(input, out);
    case Format::kFccCovered:
      return internal::ParseFccCovered(input, out);
    case Format::kEuFsfJsonl:
      return internal::ParseEuFsf(input, out);
    case Format::kEuJournalCsv:
      return internal::ParseEuJournal(input, out);
    case Format::kUkJsonl:
      return internal::ParseUkList(input, out);
    case Format::kUnXml:
      return internal::ParseUnXml(input, out);
    case Format::kFtmJson:
      return internal::ParseFtm(input, out);
    case Format::kCaSemaJsonl:
      return internal::ParseCaSema(input, out);
    case Format::kNzRussiaJsonl:
      return internal::ParseNzRussia(input, out);
  }
  return Status::Error("unreachable format");
}

template <typename T>
void AppendNew(std::vector<T>& into, const std::vector<T>& from) {
  for (const T& item : from) {
    if (std::find(into.begin(), into.end(), item) == into.end()) into.push_back(item);
  }
}

// Sorts by id and folds records that share an id into the first of them.
void SortAndMerge(ParsedList& list) {
  std::stable_sort(list.entities.begin(), list.entities.end(),
                   [](const Entity& a, const Entity& b) { return a.id < b.id; });
  std::vector<Entity> unique;
  unique.reserve(list.entities.size());
  for (Entity& e : list.entities) {
    if (!unique.empty() && unique.back().id == e.id) {
      Entity& into = unique.back();
      for (const Name& n : e.names)
        into.AddName(n.value, n.kind == NameKind::kPrimary ? NameKind::kAlias : n.kind, n.lang);
      AppendNew(into.addresses, e.addresses);
      AppendNew(into.countries, e.countries);
      AppendNew(into.identifiers, e.identifiers);
      AppendNew(into.programs, e.programs);
      AppendNew(into.remarks, e.remarks);
      AppendNew(into.links, e.links);
      ++list.counts.merged;
      continue;
    }
    unique.push_back(std::move(e));
  }
  list.entities = std::move(unique);
  list.counts.entities = list.entities.size();
}

// "Linked To: JOINT STOCK COMPANY TERRA TECH" → the id of the entity with that name, when the
// same list has exactly one.
void ResolveLinks(ParsedList& list) {
  std::unordered_map<std::string, std::string> by_name;
  std::unordered_map<std::string, int> seen;
  for (const Entity& e : list.entities) {
    for (const Name& n : e.names) {
      std::string key = text::FoldCase(n.value);
      if (by_name.emplace(key, e.id).second) {
        seen[key] = 1;
      } else if (by_name[key] != e.id) {
        ++seen[key];
      }
    }
  }
  for (Entity& e : list.entities) {
    for (Link& link : e.links) {
      if (!link.target_id.empty() || link.target_name.empty()) continue;
      std::string key = text::FoldCase(link.target_name);
      if (auto it = by_name.find(key); it != by_name.end() && seen[key] == 1) {
        link.target_id = it->second;
      }
    }
  }
}

// Addresses whose list gave no separate country often end with one: "..., Moscow, Russia".
void FillAddressCountries(ParsedList& list) {
  for (Entity& e : list.entities) {
    for (Address& a : e.addresses) {
      if (!a.country.empty()) continue;
      std::size_t comma = a.full.rfind(',');
      std::string tail = a.full.substr(comma == std::string::npos ? 0 : comma + 1);
      a.country = internal::CountryOf(tail);
      Entity::AddCode(e.countries, a.country);
    }
  }
}

// Every resolved link also shows on its target: A "linked_to" B gives B "linked_from" A.
void AddInverseLinks(ParsedList& list) {
  static const std::pair<std::string_view, std::string_view> kInverse[] = {
      {"linked_to", "linked_from"},
      {"owner", "owner_of"},
      {"owner_of", "owner"},
      {"parent", "subsidiary"}};
  std::unordered_map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < list.entities.size(); ++i) index[list.entities[i].id] = i;
  std::vector<std::pair<std::size_t, Link>> inverse;
  for (const Entity& e : list.entities) {
    for (const Link& l : e.links) {
      auto target = index.find(l.target_id);
      if (target == index.end()) continue;
      for (const auto& [relation, back] : kInverse) {
        if (l.relation == relation) {
          inverse.emplace_back(target->second, Link{std::string(back), e.id, e.caption()});
        }
      }
    }
  }
  for (auto& [i, link] : inverse) {
    std::vector<Link>& links = list.entities[i].links;
    if (std::find(links.begin(), links.end(), link) == links.end()) links.push_back(link);
  }
}

Result<ParsedList> ParseInput(const io::Input& input, const SiblingReader& siblings,
                              const ParseOptions& options) {
  Format format;
  if (options.format) {
    format = *options.format;
  } else {
    auto detected = DetectFormat(input.name, input.text);
    if (!detected.ok()) return detected.status();
    format = *detected;
  }
  if (std::size_t bad = io::FindInvalidUtf8(input.text); bad != std::string_view::npos) {
    std::string field = FieldAt(format, input.text, bad);
    return Status::Error(
        fmt::format("{}: invalid UTF-8 at byte {}",
                    io::Where(input.name, io::LineOfOffset(input.text, bad), field), bad));
  }
  ParsedList out;
  out.format = format;
  out.files.push_back(input.name);
  Status s = ParseFormat(format, input, siblings, out);
  if (!s.ok()) return s;
  if (out.dataset.empty()) {
    return Status::Error(fmt::format("{}: no records", input.name));
  }
  out.sha256 = input.sha256;
  SortAndMerge(out);
  FillAddressCountries(out);
  ResolveLinks(out);
  AddInverseLinks(out);
  return out;
}

}  // namespace

Result<ParsedList> ParseListFile(const std::string& path, const ParseOptions& options) {
  io::LineTooLong too_long;
  auto input = io::ReadInput(path, options.limits, &too_long);
  if (!input.ok()) {
    if (too_long.line == 0) return input.status();
    // Name the field the over-long line was in, from what was read of it.
    std::string field;
    auto format =
        options.format ? io::Result<Format>(*options.format) : DetectFormat(path, too_long.prefix);
    if (format.ok()) field = FieldAt(*format, too_long.prefix, too_long.prefix.size());
    return Status::Error(
        fmt::format("{}: line longer than the {} limit (the line starts at byte "
                    "{})",
                    io::Where(path, too_long.line, field),
                    io::ByteSize(options.limits.max_line_bytes), too_long.line_start));
  }
  std::vector<std::string> sibling_hashes;
  SiblingReader siblings;
  if (options.read_siblings) {
    std::filesystem::path dir = std::filesystem::path(path).parent_path();
    siblings = [dir, &options, &sibling_hashes](std::string_view base,
                                                bool& found) -> Result<io::Input> {
      found = false;
      for (std::string candidate : {std::string(base), std::string(base) + ".zst"}) {
        std::filesystem::path p = dir / candidate;
        if (!std::filesystem::exists(p)) continue;
        found = true;
        auto in = io::ReadInput(p.string(), options.limits);
        if (!in.ok()) return in.status();
        if (std::size_t bad = io::FindInvalidUtf8(in->text); bad != std::string_view::npos) {
          return Status::Error(fmt::format("{}:{}: invalid UTF-8 at byte {}", in->name,
                                           io::LineOfOffset(in->text, bad), bad));
        }
        sibling_hashes.push_back(in->sha256);
        return in;
      }
      return io::Input{};
    };
  }
  auto parsed = ParseInput(*input, siblings, options);
  if (!parsed.ok()) return parsed;
  if (!sibling_hashes.empty()) {
    // The version is the whole set: hash the main file's hash with its companions'.
    io::Sha256 combined;
    combined.Update(input->sha256);
    for (const std::string& h : sibling_hashes) combined.Update(h);
    parsed->sha256 = combined.Hex();
  }
  return parsed;
}

Result<std::vector<ParsedList>> ParseListFiles(const std::vector<std::string>& paths,
                                               const ParseOptions& options, unsigned threads) {
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  threads = std::min<unsigned>(threads, static_cast<unsigned>(paths.size()));
  std::vector<std::optional<Result<ParsedList>>> results(paths.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < paths.size(); i = next++) {
      results[i].emplace(ParseListFile(paths[i], options));
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
  std::vector<ParsedList> lists;
  lists.reserve(paths.size());
  for (auto& r : results) {
    if (!r->ok()) return r->status();
    lists.push_back(std::move(r->value()));
  }
  return lists;
}

Result<ParsedList> ParseListText(std::string_view name, std::string_view bytes,
                                 const ParseOptions& options) {
  auto input = io::InputFromBytes(std::string(name), bytes, options.limits);
  if (!input.ok()) return input.status();
  return ParseInput(*input, nullptr, options);
}

}  // namespace dualwatch::lists
