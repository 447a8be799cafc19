// Private to cli/: human and JSON renderings of list results.
#ifndef DUALWATCH_CLI_OUTPUT_H_
#define DUALWATCH_CLI_OUTPUT_H_

#include <nlohmann/json.hpp>
#include <ostream>

#include "store/store.h"

namespace dualwatch::cli {

void PrintImportOutcome(std::ostream& out, const store::ImportOutcome& outcome);
void PrintStats(std::ostream& out, const store::Stats& stats);
nlohmann::json StatsJson(const store::Stats& stats);
void PrintEntity(std::ostream& out, const lists::Entity& entity);
void PrintVersions(std::ostream& out, const std::vector<store::ListVersion>& versions);
void PrintDiff(std::ostream& out, const lists::ListDiff& diff,
               const std::vector<lists::Entity>& old_entities,
               const std::vector<lists::Entity>& new_entities, const std::string& old_label,
               const std::string& new_label, bool summary_only);
nlohmann::json DiffJson(const lists::ListDiff& diff, const std::vector<lists::Entity>& old_entities,
                        const std::vector<lists::Entity>& new_entities);

}  // namespace dualwatch::cli

#endif  // DUALWATCH_CLI_OUTPUT_H_
