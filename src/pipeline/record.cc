// SaveRun: a screening run and its alerts into the workspace, idempotently.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "pipeline/pipeline.h"

namespace dualwatch::pipeline {

Result<std::int64_t> SaveRun(store::Workspace& workspace, const ScreenSummary& summary,
                             const Screener& screener, const std::string& mapping_file) {
  auto versions = workspace.Versions();
  if (!versions.ok()) return versions.status();
  std::string lists;
  for (const store::ListVersion& v : *versions) {
    if (v.current) lists += fmt::format("{}:{};", v.dataset, v.id);
  }
  nlohmann::json parameters = {{"threshold", screener.threshold()},
                               {"mapping", summary.mapping},
                               {"mapping_file", mapping_file},
                               {"format", summary.format}};
  store::ScreenRun run;
  run.input = summary.input;
  run.input_sha256 = summary.input_sha256;
  run.mapping = summary.mapping;
  run.parameters = parameters.dump();
  run.list_versions = lists;
  io::Sha256 key;
  key.Update(fmt::format("dualwatch-screen-v1;{};{};{}", run.input_sha256, run.parameters, lists));
  run.run_key = key.Hex();
  run.rows_read = summary.rows_read;
  run.rows_screened = summary.rows_screened;
  run.rows_rejected = summary.rows_rejected;
  run.alerts = summary.alerts;
  run.summary = SummaryJson(summary);
  std::vector<store::StoredAlert> alerts;
  alerts.reserve(summary.all.size());
  for (const AlertRecord& a : summary.all) {
    alerts.push_back({a.record_id, a.line, risk::SeverityName(a.severity), a.score, a.json});
  }
  return workspace.SaveScreenRun(run, alerts);
}

}  // namespace dualwatch::pipeline
