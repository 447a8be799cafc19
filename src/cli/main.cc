// dualwatch: screens trade flows for lethal and dual-use goods reaching sanctioned end users.
#include <algorithm>
#include <iostream>

#include "cli/commands.h"

namespace dualwatch::cli {
namespace {

std::size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] != b[j - 1])});
      diag = up;
    }
  }
  return row[b.size()];
}

// "dualwatch list stats" → "did you mean 'lists'?"
std::string Suggestion(const CLI::App& app, const std::string& word) {
  std::string best;
  std::size_t best_distance = 3;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    std::size_t d = EditDistance(word, sub->get_name());
    if (d < best_distance) {
      best_distance = d;
      best = sub->get_name();
    }
  }
  return best;
}

int Run(int argc, char** argv) {
  CLI::App app{
      "dualwatch: screens trade flows for lethal and dual-use goods reaching sanctioned "
      "end users, and names the companies behind them."};
  app.require_subcommand(1);
  Context context;
  app.add_option("--workspace", context.workspace,
                 "workspace file (default: $DUALWATCH_WORKSPACE or ./dualwatch.db)");
  AddListsCommands(app, context);
  AddMatchCommand(app, context);
  AddGoodsCommands(app, context);
  AddScreenCommand(app, context);
  AddSampleCommand(app, context);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    const CLI::App* where = &app;
    for (const CLI::App* sub = &app; sub;) {
      auto chosen = sub->get_subcommands();
      if (chosen.empty()) break;
      where = sub = chosen.front();
    }
    std::cerr << "dualwatch: " << e.what() << "\n";
    auto extras = app.remaining(/*recurse=*/true);
    if (!extras.empty()) {
      std::string hint = Suggestion(*where, extras.front());
      if (!hint.empty()) std::cerr << "did you mean '" << hint << "'?\n";
    }
    std::cerr << "run with --help for usage\n";
    return kExitInputError;
  }
  if (context.workspace.empty()) context.workspace = store::DefaultWorkspacePath();
  return context.run ? context.run() : kExitInputError;
}

}  // namespace
}  // namespace dualwatch::cli

int main(int argc, char** argv) { return dualwatch::cli::Run(argc, argv); }
