// `dualwatch screen RECORDS`: the main job — every party, goods line and route of a shipment
// file screened, explained alerts ranked for a compliance officer.
#include <fmt/format.h>
#include <fmt/ostream.h>
#include <unistd.h>

#include <iostream>

#include "cli/commands.h"
#include "pipeline/pipeline.h"

namespace dualwatch::cli {
namespace {

struct ScreenCliOptions {
  std::string records;
  std::string mapping;
  std::string out = "screen-out";
  std::string format = "auto";
  double threshold = match::kDefaultThreshold;
  unsigned threads = 0;
  std::size_t top = 10;
  bool quiet = false;
  bool no_workspace = false;
};

void PrintSummary(std::ostream& os, const pipeline::ScreenSummary& s, const std::string& out) {
  fmt::print(os, "screened {} ({}, layout {})\n", s.input, s.format, s.mapping);
  fmt::print(os, "  rows read {}  screened {}  rejected {}\n", s.rows_read, s.rows_screened,
             s.rows_rejected);
  fmt::print(os, "  alerts {}: critical {}  high {}  medium {}  low {}\n", s.alerts,
             s.alerts_by_severity[4], s.alerts_by_severity[3], s.alerts_by_severity[2],
             s.alerts_by_severity[1]);
  std::string classes;
  for (const auto& [c, n] : s.by_goods_class) classes += fmt::format("  {} {}", c, n);
  fmt::print(os, "  goods lines:{}\n", classes);
  fmt::print(os, "  distinct parties screened {}, distinct goods lines {}\n", s.distinct_parties,
             s.distinct_goods);
  if (s.duplicate_record_ids > 0) {
    fmt::print(os, "  duplicate record ids: {} (e.g. {}); every row was screened\n",
               s.duplicate_record_ids, s.duplicate_examples.front());
  }
  fmt::print(os, "  {:.2f} s (read {:.2f}, screen {:.2f}, write {:.2f})\n", s.seconds_total,
             s.seconds_read, s.seconds_screen, s.seconds_write);
  if (!s.top.empty()) fmt::print(os, "\ntop alerts:\n");
  for (const pipeline::AlertRecord& r : s.top) {
    fmt::print(os, "  {:<8} {:.3f}  {} (line {})\n           {}\n", risk::SeverityName(r.severity),
               r.score, r.record_id, r.line, r.first_reason);
  }
  fmt::print(
      os, "\nwritten: {0}/alerts.jsonl, {0}/alerts.csv, {0}/summary.json, {0}/rejected.csv\n", out);
}

int RunScreen(const Context& context, const ScreenCliOptions& o) {
  trade::ReaderOptions reader;
  trade::Mapping mapping;
  if (!o.mapping.empty()) {
    auto m = trade::LoadMapping(o.mapping);
    if (!m.ok()) return Fail(m.status());
    mapping = std::move(*m);
    reader.mapping = &mapping;
  }
  if (o.format == "csv") {
    reader.format = trade::InputFormat::kCsv;
  } else if (o.format == "jsonl") {
    reader.format = trade::InputFormat::kJsonLines;
  } else if (o.format != "auto") {
    return Fail(io::Status::Error(
        fmt::format("screen: --format '{}': expected auto, csv or jsonl", o.format)));
  }
  auto index = context.OpenIndex();
  if (!index.ok()) return Fail(index.status());
  auto classifier = goods::GoodsClassifier::Create();
  if (!classifier.ok()) return Fail(classifier.status());
  pipeline::Screener screener(*index, *classifier, o.threshold);
  pipeline::ScreenOptions options;
  options.out_dir = o.out;
  options.threads = o.threads;
  options.reader = reader;
  options.top = o.top;
  options.progress = !o.quiet && isatty(STDERR_FILENO);
  auto summary = pipeline::ScreenFile(o.records, screener, options);
  if (!summary.ok()) return Fail(summary.status());
  if (!o.no_workspace) {
    auto ws = context.OpenWorkspace();
    if (!ws.ok()) return Fail(ws.status());
    auto saved = pipeline::SaveRun(*ws, *summary, screener, o.mapping);
    if (!saved.ok()) return Fail(saved.status());
  }
  if (!o.quiet) PrintSummary(std::cout, *summary, o.out);
  return kExitOk;
}

}  // namespace

void AddScreenCommand(CLI::App& app, Context& context) {
  auto options = std::make_shared<ScreenCliOptions>();
  CLI::App* cmd = app.add_subcommand(
      "screen", "screen shipment, customs or bill-of-lading records: parties, goods, route");
  cmd->add_option("RECORDS", options->records, "CSV (, ; or tab) or JSON lines")->required();
  cmd->add_option("--mapping", options->mapping,
                  "column mapping file (default: detected from the header; see "
                  "data/trade/mappings)");
  cmd->add_option("--out", options->out, "output folder (default screen-out)");
  cmd->add_option("--format", options->format, "auto (default), csv or jsonl");
  cmd->add_option("--threshold", options->threshold,
                  fmt::format("party match threshold (default {:.2f})", match::kDefaultThreshold));
  cmd->add_option("--threads", options->threads, "worker threads (default: every core)");
  cmd->add_option("--top", options->top, "alerts printed (default 10)");
  cmd->add_flag("--quiet", options->quiet, "print nothing but errors");
  cmd->add_flag("--no-workspace", options->no_workspace,
                "do not record the run and its alerts in the workspace");
  cmd->callback([&context, options] {
    context.run = [&context, options] { return RunScreen(context, *options); };
  });
}

void AddSampleCommand(CLI::App& app, Context& context) {
  struct SampleCliOptions {
    std::size_t rows = 10000;
    std::uint64_t seed = 1;
    std::string out;
  };
  auto options = std::make_shared<SampleCliOptions>();
  CLI::App* cmd = app.add_subcommand(
      "sample", "write realistic shipment records from real listed parties and goods, with truth");
  cmd->add_option("--rows", options->rows, "rows to write (default 10000)");
  cmd->add_option("--seed", options->seed, "random seed (default 1): same seed, same file");
  cmd->add_option("--out", options->out, "output CSV file")->required();
  cmd->callback([&context, options] {
    context.run = [&context, options] {
      auto ws = context.OpenWorkspace();
      if (!ws.ok()) return Fail(ws.status());
      auto entities = ws->CurrentEntities();
      if (!entities.ok()) return Fail(entities.status());
      auto classifier = goods::GoodsClassifier::Create();
      if (!classifier.ok()) return Fail(classifier.status());
      auto sources = pipeline::GatherSampleSources(*entities, *classifier);
      if (!sources.ok()) return Fail(sources.status());
      std::FILE* out = std::fopen(options->out.c_str(), "wb");
      if (!out) {
        return Fail(io::Status::Error(fmt::format("{}: cannot write", options->out)));
      }
      trade::SampleOptions o;
      o.rows = options->rows;
      o.seed = options->seed;
      io::Status s = trade::WriteSample(*sources, o, out);
      if (std::fclose(out) != 0 && s.ok()) {
        s = io::Status::Error(fmt::format("{}: write failed", options->out));
      }
      if (!s.ok()) return Fail(s);
      std::cerr << fmt::format("dualwatch: wrote {} rows to {} (seed {})\n", o.rows, options->out,
                               o.seed);
      return kExitOk;
    };
  });
}

}  // namespace dualwatch::cli
