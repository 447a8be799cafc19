// `dualwatch match`: name screening against every loaded list.
#include <fmt/format.h>
#include <fmt/ostream.h>

#include <chrono>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "match/match.h"
#include "text/text.h"

namespace dualwatch::cli {
namespace {

struct MatchOptions {
  std::string name;
  std::string file;
  std::string schema;
  std::string country;
  std::string birth_date;
  std::vector<std::string> identifiers;
  std::size_t limit = 5;
  double threshold = match::kDefaultThreshold;
  bool json = false;
  bool explain = false;
};

io::Result<match::Query> MakeQuery(const std::string& name, const std::string& schema,
                                   const std::string& country, const MatchOptions& options) {
  match::Query q;
  q.name = name;
  if (io::FindInvalidUtf8(name) != std::string::npos) {
    return io::Status::Error("name: invalid UTF-8");
  }
  if (text::CollapseSpace(name).empty()) return io::Status::Error("name: empty");
  if (name.size() > 4096) {
    return io::Status::Error(
        fmt::format("name: {} bytes, longer than the 4096-byte limit", name.size()));
  }
  if (!schema.empty()) {
    auto s = lists::SchemaFromName(schema);
    if (!s) {
      return io::Status::Error(fmt::format(
          "schema: unknown schema '{}' (Person, Company, Organization, LegalEntity, Vessel, "
          "Airplane)",
          schema));
    }
    q.schema = s;
  }
  if (!country.empty()) {
    auto code = text::CountryCode(country);
    if (!code) return io::Status::Error(fmt::format("country: unknown country '{}'", country));
    q.country = *code;
  }
  q.birth_date = options.birth_date;
  q.identifiers = options.identifiers;
  return q;
}

nlohmann::json QueryJson(const match::Query& q) {
  nlohmann::json j = {{"name", q.name}};
  if (q.schema) j["schema"] = lists::SchemaName(*q.schema);
  if (!q.country.empty()) j["country"] = q.country;
  if (!q.birth_date.empty()) j["birth_date"] = q.birth_date;
  if (!q.identifiers.empty()) j["identifiers"] = q.identifiers;
  return j;
}

nlohmann::json ResultsJson(const match::NameIndex& index,
                           const std::vector<match::SearchResult>& results, double threshold) {
  nlohmann::json out = nlohmann::json::array();
  for (const match::SearchResult& r : results) {
    const match::EntityRef& e = index.entity(r.entity);
    nlohmann::json tokens = nlohmann::json::array();
    for (const match::TokenAlignment& t : r.explanation.tokens) {
      tokens.push_back({{"query", t.query},
                        {"list", t.list},
                        {"kind", t.kind},
                        {"how", t.how},
                        {"similarity", t.similarity},
                        {"weight", t.weight}});
    }
    auto notes = [](const std::vector<match::Qualifier>& from) {
      nlohmann::json out = nlohmann::json::array();
      for (const match::Qualifier& q : from) {
        out.push_back({{"name", q.name},
                       {"effect", std::round(q.effect * 10000) / 10000},
                       {"reason", q.reason}});
      }
      return out;
    };
    out.push_back({{"id", e.id},
                   {"caption", e.caption},
                   {"schema", lists::SchemaName(e.schema)},
                   {"datasets", nlohmann::json::array({e.dataset})},
                   {"score", std::round(r.score * 10000) / 10000},
                   {"match", r.score >= threshold},
                   {"explanations",
                    {{"matched_name", r.explanation.matched_name},
                     {"name_kind", r.explanation.name_kind},
                     {"name_score", std::round(r.explanation.name_score * 10000) / 10000},
                     {"tokens", tokens},
                     {"factors", notes(r.explanation.factors)},
                     {"qualifiers", notes(r.explanation.qualifiers)}}}});
  }
  return out;
}

void PrintResults(std::ostream& out, const match::NameIndex& index,
                  const std::vector<match::SearchResult>& results, bool explain) {
  if (results.empty()) {
    fmt::print(out, "no match\n");
    return;
  }
  for (const match::SearchResult& r : results) {
    const match::EntityRef& e = index.entity(r.entity);
    fmt::print(out, "{:.3f}  {:<40} {:<12} {}\n", r.score, e.id, lists::SchemaName(e.schema),
               e.caption);
    if (!explain) continue;
    const match::Explanation& x = r.explanation;
    fmt::print(out, "       matched {} name \"{}\" (name score {:.3f})\n", x.name_kind,
               x.matched_name, x.name_score);
    for (const match::TokenAlignment& t : x.tokens) {
      fmt::print(out, "         {:<22} {:<22} {:<10} {:<9} sim {:.2f}  weight {:.2f}\n",
                 t.query.empty() ? "-" : t.query, t.list.empty() ? "-" : t.list, t.kind, t.how,
                 t.similarity, t.weight);
    }
    for (const match::Qualifier& q : x.factors) {
      fmt::print(out, "         {} {:+.3f} (in the name score): {}\n", q.name, q.effect, q.reason);
    }
    for (const match::Qualifier& q : x.qualifiers) {
      fmt::print(out, "         {} {:+.2f}: {}\n", q.name, q.effect, q.reason);
    }
  }
}

int RunSingle(const Context& context, const MatchOptions& options) {
  auto query = MakeQuery(options.name, options.schema, options.country, options);
  if (!query.ok()) return Fail(query.status());
  auto index = context.OpenIndex();
  if (!index.ok()) return Fail(index.status());
  match::SearchOptions search{options.threshold, options.limit, true};
  auto results = index->Search(*query, search);
  if (options.json) {
    std::cout << nlohmann::json{{"query", QueryJson(*query)},
                                {"results", ResultsJson(*index, results, options.threshold)}}
                     .dump(2)
              << "\n";
  } else {
    PrintResults(std::cout, *index, results, options.explain);
  }
  return kExitOk;
}

int RunFile(const Context& context, const MatchOptions& options) {
  auto input = io::ReadInput(options.file);
  if (!input.ok()) return Fail(input.status());
  auto index = context.OpenIndex();
  if (!index.ok()) return Fail(index.status());
  match::SearchOptions search{options.threshold, options.limit, options.json || options.explain};
  std::size_t queries = 0, errors = 0, line_no = 0;
  std::string_view text = input->text;
  while (!text.empty()) {
    std::size_t eol = text.find('\n');
    std::string line(text.substr(0, eol));
    text = eol == std::string_view::npos ? std::string_view() : text.substr(eol + 1);
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::vector<std::string> fields;
    for (std::size_t start = 0;;) {
      std::size_t tab = line.find('\t', start);
      fields.push_back(line.substr(start, tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    ++queries;
    auto query = MakeQuery(fields[0], fields.size() > 1 ? fields[1] : "",
                           fields.size() > 2 ? fields[2] : "", options);
    if (!query.ok()) {
      ++errors;
      std::string message =
          fmt::format("{}:{}: {}", options.file, line_no, query.status().message());
      if (options.json) {
        std::cout << nlohmann::json{{"query", {{"name", fields[0]}}},
                                    {"error", message},
                                    {"results", nlohmann::json::array()}}
                         .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
                  << "\n";
      } else {
        std::cerr << "dualwatch: " << message << "\n";
      }
      continue;
    }
    auto results = index->Search(*query, search);
    if (options.json) {
      std::cout << nlohmann::json{{"query", QueryJson(*query)},
                                  {"results", ResultsJson(*index, results, options.threshold)}}
                       .dump()
                << "\n";
    } else {
      fmt::print(std::cout, "# {}\n", fields[0]);
      PrintResults(std::cout, *index, results, options.explain);
    }
  }
  std::cerr << fmt::format("dualwatch: {} queries, {} rejected\n", queries, errors);
  return kExitOk;
}

}  // namespace

void AddMatchCommand(CLI::App& app, Context& context) {
  auto options = std::make_shared<MatchOptions>();
  CLI::App* cmd = app.add_subcommand("match",
                                     "screen a name (or a file of names) against every "
                                     "loaded list");
  cmd->add_option("NAME", options->name, "the name to screen, in any script");
  cmd->add_option("--file", options->file,
                  "queries, one per line: name[<TAB>schema[<TAB>country]]");
  cmd->add_option("--schema", options->schema,
                  "Person, Company, Organization, LegalEntity, "
                  "Vessel or Airplane");
  cmd->add_option("--country", options->country, "country code or name: qualifies the score");
  cmd->add_option("--birth-date", options->birth_date, "YYYY, YYYY-MM or YYYY-MM-DD");
  cmd->add_option("--identifier", options->identifiers,
                  "registration number, IMO, INN ... "
                  "(repeatable)");
  cmd->add_option("--limit", options->limit, "results per query (default 5)");
  cmd->add_option("--threshold", options->threshold,
                  fmt::format("minimum score (default {:.2f}, see docs/EVALUATION.md)",
                              match::kDefaultThreshold));
  cmd->add_flag("--json", options->json,
                "JSON: yente-style results (one object per line with "
                "--file)");
  cmd->add_flag("--explain", options->explain, "token alignment and qualifiers per result");
  cmd->fallthrough();
  cmd->callback([&context, options, cmd] {
    context.run = [&context, options, cmd] {
      if (options->file.empty() == options->name.empty()) {
        std::cerr << "dualwatch: match: give a NAME or --file, not both\n" << cmd->help();
        return kExitInputError;
      }
      return options->file.empty() ? RunSingle(context, *options) : RunFile(context, *options);
    };
  });
}

}  // namespace dualwatch::cli
