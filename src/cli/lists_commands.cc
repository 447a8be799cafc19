// `dualwatch lists import|stats|show|diff|versions`.
#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/output.h"

namespace dualwatch::cli {
namespace {

struct ListsOptions {
  std::vector<std::string> files;
  std::string format;
  std::string id;
  std::string old_version, new_version;
  bool json = false;
  bool summary = false;
};

int Import(const Context& context, const ListsOptions& options) {
  lists::ParseOptions parse;
  if (!options.format.empty()) {
    auto format = lists::FormatFromName(options.format);
    if (!format) {
      std::vector<std::string> names;
      for (lists::Format f : lists::AllFormats()) names.emplace_back(lists::FormatName(f));
      return Fail(io::Status::Error(fmt::format("--format: unknown format '{}'; one of: {}",
                                                options.format, fmt::join(names, ", "))));
    }
    parse.format = format;
  }
  // Parse everything first: nothing reaches the workspace unless every file is good.
  auto parsed = lists::ParseListFiles(options.files, parse);
  if (!parsed.ok()) return Fail(parsed.status());
  auto ws = store::Workspace::Open(context.workspace);
  if (!ws.ok()) return Fail(ws.status());
  auto outcomes = ws->Import(*parsed);
  if (!outcomes.ok()) return Fail(outcomes.status());
  for (const store::ImportOutcome& o : *outcomes) {
    PrintImportOutcome(std::cout, o);
  }
  return kExitOk;
}

int Stats(const Context& context, const ListsOptions& options) {
  auto ws = context.OpenWorkspace();
  if (!ws.ok()) return Fail(ws.status());
  auto stats = ws->ComputeStats();
  if (!stats.ok()) return Fail(stats.status());
  if (options.json) {
    std::cout << StatsJson(*stats).dump(2) << "\n";
  } else {
    PrintStats(std::cout, *stats);
  }
  return kExitOk;
}

int Show(const Context& context, const ListsOptions& options) {
  auto ws = context.OpenWorkspace();
  if (!ws.ok()) return Fail(ws.status());
  auto entity = ws->FindEntity(options.id);
  if (!entity.ok()) return Fail(entity.status());
  if (!*entity) {
    return Fail(
        io::Status::Error(fmt::format("no entity with id '{}' in {}", options.id, ws->path())));
  }
  if (options.json) {
    std::cout << lists::ToFtmJson(**entity).dump(2) << "\n";
  } else {
    PrintEntity(std::cout, **entity);
  }
  return kExitOk;
}

int Versions(const Context& context, const ListsOptions& options) {
  auto ws = context.OpenWorkspace();
  if (!ws.ok()) return Fail(ws.status());
  auto versions = ws->Versions();
  if (!versions.ok()) return Fail(versions.status());
  PrintVersions(std::cout, *versions);
  return kExitOk;
}

// A version argument: an existing file is parsed; a number names an imported version.
io::Result<std::vector<lists::Entity>> EntitiesOf(const Context& context, const std::string& which,
                                                  std::string& label) {
  if (std::filesystem::exists(which)) {
    auto parsed = lists::ParseListFile(which);
    if (!parsed.ok()) return parsed.status();
    label = fmt::format("{} ({})", which, parsed->dataset);
    return std::move(parsed->entities);
  }
  std::string digits = which.substr(which.rfind('v', 0) == 0 ? 1 : 0);
  if (digits.empty() || digits.find_first_not_of("0123456789") != std::string::npos) {
    return io::Status::Error(fmt::format(
        "'{}' is neither a list file nor a version number (see `dualwatch lists versions`)",
        which));
  }
  auto ws = context.OpenWorkspace();
  if (!ws.ok()) return ws.status();
  auto versions = ws->Versions();
  if (!versions.ok()) return versions.status();
  for (const store::ListVersion& v : *versions) {
    if (v.id == std::stoll(digits)) {
      label = fmt::format("version {} ({}, imported {})", v.id, v.dataset, v.imported_at);
      return ws->Entities(v.id);
    }
  }
  return io::Status::Error(fmt::format("no list version {} in {}", digits, ws->path()));
}

int Diff(const Context& context, const ListsOptions& options) {
  std::string old_label, new_label;
  auto old_entities = EntitiesOf(context, options.old_version, old_label);
  if (!old_entities.ok()) return Fail(old_entities.status());
  auto new_entities = EntitiesOf(context, options.new_version, new_label);
  if (!new_entities.ok()) return Fail(new_entities.status());
  lists::ListDiff diff = lists::DiffEntities(*old_entities, *new_entities);
  if (options.json) {
    std::cout << DiffJson(diff, *old_entities, *new_entities).dump(2) << "\n";
  } else {
    PrintDiff(std::cout, diff, *old_entities, *new_entities, old_label, new_label, options.summary);
  }
  return kExitOk;
}

}  // namespace

void AddListsCommands(CLI::App& app, Context& context) {
  CLI::App* lists = app.add_subcommand("lists", "import, inspect and compare sanctions lists");
  lists->require_subcommand(1);
  lists->fallthrough();
  auto options = std::make_shared<ListsOptions>();

  CLI::App* import = lists->add_subcommand("import",
                                           "parse list files and store them as new "
                                           "list versions (all or nothing)");
  import->add_option("FILE", options->files, "list files (plain or .zst); format detected")
      ->required();
  import->add_option("--format", options->format,
                     "force a format: ofac_csv, us_csl, bis_dpl, "
                     "bis_mieu, dod_1260h, fcc_covered, eu_fsf, "
                     "eu_journal, uk_sanctions, un_xml, ftm, "
                     "ca_sema, nz_russia");
  import->fallthrough();
  import->callback([&context, options] {
    context.run = [&context, options] { return Import(context, *options);
};
}  // namespace dualwatch::cli
);

CLI::App* stats = lists->add_subcommand("stats",
                                        "entities per dataset and schema, names, "
                                        "aliases, countries");
stats->add_flag("--json", options->json, "machine-readable output");
stats->fallthrough();
stats->callback([&context, options] {
  context.run = [&context, options] { return Stats(context, *options); };
});

CLI::App* show = lists->add_subcommand("show", "one entity, whole");
show->add_option("ID", options->id, "entity id, e.g. us_ofac_sdn-40477")->required();
show->add_flag("--json", options->json, "FollowTheMoney JSON");
show->fallthrough();
show->callback([&context, options] {
  context.run = [&context, options] { return Show(context, *options); };
});

CLI::App* versions = lists->add_subcommand("versions", "every imported list version");
versions->fallthrough();
versions->callback([&context, options] {
  context.run = [&context, options] { return Versions(context, *options); };
});

CLI::App* diff = lists->add_subcommand("diff",
                                       "added, removed and changed entities between "
                                       "two list versions (version numbers or files)");
diff->add_option("OLD", options->old_version, "version number or list file")->required();
diff->add_option("NEW", options->new_version, "version number or list file")->required();
diff->add_flag("--json", options->json, "machine-readable output");
diff->add_flag("--summary", options->summary, "counts only");
diff->fallthrough();
diff->callback([&context, options] {
  context.run = [&context, options] { return Diff(context, *options); };
});
}

io::Result<store::Workspace> Context::OpenWorkspace() const {
  std::vector<std::string> log;
  auto ws = store::OpenWithDefaults(workspace, &log);
  for (const std::string& line : log) std::cerr << "dualwatch: " << line << "\n";
  return ws;
}

int Fail(const io::Status& status) {
  std::cerr << "dualwatch: " << status.message() << "\n";
  return kExitInputError;
}

}  // namespace dualwatch::cli
