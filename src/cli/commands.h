// Private to cli/: the subcommand table and what every command shares.
#ifndef DUALWATCH_CLI_COMMANDS_H_
#define DUALWATCH_CLI_COMMANDS_H_

#include <CLI/CLI.hpp>
#include <functional>
#include <string>

#include "match/match.h"
#include "store/store.h"

namespace dualwatch::cli {

// Exit codes (DESIGN.md): 0 ok, 1 findings or partial errors where documented, 2 usage/input.
inline constexpr int kExitOk = 0;
inline constexpr int kExitInputError = 2;

// State shared by every subcommand: global options and the command chosen to run.
struct Context {
  std::string workspace;     // --workspace, else $DUALWATCH_WORKSPACE, else ./dualwatch.db
  std::function<int()> run;  // set by the chosen subcommand's callback
  // Opens the workspace, importing the bundled lists on first use.
  io::Result<store::Workspace> OpenWorkspace() const;
  // The name index of the workspace's current lists: loaded from the cache file beside the
  // workspace (<workspace>.index) when it was built from the same list versions, else built
  // and cached.
  io::Result<match::NameIndex> OpenIndex() const;
};

void AddListsCommands(CLI::App& app, Context& context);
void AddMatchCommand(CLI::App& app, Context& context);
void AddGoodsCommands(CLI::App& app, Context& context);
void AddScreenCommand(CLI::App& app, Context& context);
void AddSampleCommand(CLI::App& app, Context& context);

// Prints "dualwatch: <message>" to stderr and returns kExitInputError.
int Fail(const io::Status& status);

}  // namespace dualwatch::cli

#endif  // DUALWATCH_CLI_COMMANDS_H_
