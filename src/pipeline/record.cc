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
  const AlertSpill& spill = *summary.alerts_in_order;
  AlertSpill::Reader in_order = spill.Read();
  AlertRecord current;
  auto next = [&](std::size_t, store::StoredAlert& out) {
    if (!in_order.Next(current)) return false;
    out = {current.record_id, current.line, risk::SeverityName(current.severity), current.score,
           current.json};
    return true;
  };
  auto id = workspace.SaveScreenRun(run, spill.size(), next);
  if (!in_order.status().ok()) return in_order.status();
  return id;
}

}  // namespace dualwatch::pipeline
