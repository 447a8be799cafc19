// The multi-pattern scanners: every lexicon term and pattern compiled into one database,
// each description scanned once. Two engines, measured in bench/goods_bench.cc.
#include <hs.h>
#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <cstdio>

#include "goods/internal.h"

namespace dualwatch::goods {
namespace {

// Where a match starts: literals by their length; one-token patterns at the token start.
Match Locate(const std::vector<Pattern>& patterns, const Normalized& n, unsigned id,
             std::size_t end) {
  // `end` is just past the closing space (or the last Han character).
  const Pattern& p = patterns[id];
  std::size_t stop = end;
  if (stop > 0 && n.text[stop - 1] == ' ') --stop;
  std::size_t begin;
  if (p.literal_length > 0) {
    begin = end - p.literal_length;
  } else {
    auto it = std::upper_bound(n.tokens.begin(), n.tokens.end(), stop - 1,
                               [](std::size_t at, const Token& t) { return at < t.begin; });
    begin = it == n.tokens.begin() ? 0 : std::prev(it)->begin;
  }
  if (begin < stop && n.text[begin] == ' ') ++begin;
  return Match{id, static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(stop)};
}

class VectorscanScanner : public Scanner {
 public:
  VectorscanScanner(const std::vector<Pattern>& patterns, hs_database_t* db)
      : patterns_(patterns), db_(db) {}
  ~VectorscanScanner() override { hs_free_database(db_); }

  void Scan(const Normalized& n, std::vector<Match>* out) const override {
    // Scratch space is per thread; hs_alloc_scratch grows it for this database.
    thread_local struct ScratchHolder {
      hs_scratch_t* scratch = nullptr;
      const hs_database_t* sized_for = nullptr;
      ~ScratchHolder() { hs_free_scratch(scratch); }
    } holder;
    // hs_alloc_scratch is not free: call it once per thread and database.
    if (holder.sized_for != db_) {
      if (hs_alloc_scratch(db_, &holder.scratch) != HS_SUCCESS) return;
      holder.sized_for = db_;
    }
    struct Context {
      const VectorscanScanner* self;
      const Normalized* n;
      std::vector<Match>* out;
      std::size_t first;
    } ctx{this, &n, out, out->size()};
    auto on_match = [](unsigned id, unsigned long long, unsigned long long to, unsigned,
                       void* c) -> int {
      auto* ctx = static_cast<Context*>(c);
      ctx->out->push_back(Locate(ctx->self->patterns_, *ctx->n, id, to));
      return 0;
    };
    hs_error_t e = hs_scan(db_, n.text.data(), static_cast<unsigned>(n.text.size()), 0,
                           holder.scratch, on_match, &ctx);
    if (e == HS_INVALID || e == HS_BAD_ALLOC) {  // another database at the same address
      out->resize(ctx.first);
      holder.sized_for = nullptr;
      if (hs_alloc_scratch(db_, &holder.scratch) != HS_SUCCESS) return;
      holder.sized_for = db_;
      hs_scan(db_, n.text.data(), static_cast<unsigned>(n.text.size()), 0, holder.scratch, on_match,
              &ctx);
    }
  }

 private:
  std::vector<Pattern> patterns_;
  hs_database_t* db_;
};

class Re2SetScanner : public Scanner {
 public:
  explicit Re2SetScanner(const std::vector<Pattern>& patterns)
      : patterns_(patterns), set_(Options(), RE2::UNANCHORED) {}

  static RE2::Options Options() {
    RE2::Options o;
    o.set_log_errors(false);
    o.set_max_mem(256 << 20);
    return o;
  }

  Status Compile() {
    for (std::size_t i = 0; i < patterns_.size(); ++i) {
      std::string error;
      if (set_.Add(patterns_[i].regex, &error) != static_cast<int>(i)) {
        return Status::Error("pattern " + patterns_[i].regex + ": " + error);
      }
      // Each pattern also alone, to find where it matched once the set says it did.
      singles_.push_back(std::make_unique<RE2>(patterns_[i].regex, Options()));
    }
    if (!set_.Compile()) return Status::Error("RE2::Set: compilation failed (memory budget)");
    return Status();
  }

  void Scan(const Normalized& n, std::vector<Match>* out) const override {
    thread_local std::vector<int> hits;
    hits.clear();
    RE2::Set::ErrorInfo error{};
    if (!set_.Match(n.text, &hits, &error)) {
      if (error.kind != RE2::Set::kNoError) {
        std::fprintf(stderr, "RE2::Set error %d\n", static_cast<int>(error.kind));
      }
      return;
    }
    for (int id : hits) {
      const RE2& re = *singles_[static_cast<std::size_t>(id)];
      re2::StringPiece text(n.text), m;
      std::size_t from = 0;
      // Patterns start and end on a space; the next occurrence may share the closing one.
      while (from < n.text.size() && re.Match(text, from, n.text.size(), RE2::UNANCHORED, &m, 1)) {
        std::size_t end = static_cast<std::size_t>(m.data() - n.text.data()) + m.size();
        out->push_back(Locate(patterns_, n, static_cast<unsigned>(id), end));
        from = end > 0 && n.text[end - 1] == ' ' ? end - 1 : end;
        if (m.empty()) ++from;
      }
    }
  }

 private:
  std::vector<Pattern> patterns_;
  RE2::Set set_;
  std::vector<std::unique_ptr<RE2>> singles_;
};

}  // namespace

Result<std::unique_ptr<Scanner>> MakeVectorscanScanner(const std::vector<Pattern>& patterns) {
  std::vector<const char*> expressions;
  std::vector<unsigned> flags, ids;
  for (std::size_t i = 0; i < patterns.size(); ++i) {
    expressions.push_back(patterns[i].regex.c_str());
    flags.push_back(0);  // bytes: literals match as UTF-8 bytes, part patterns are ASCII
    ids.push_back(static_cast<unsigned>(i));
  }
  hs_database_t* db = nullptr;
  hs_compile_error_t* error = nullptr;
  if (hs_compile_multi(expressions.data(), flags.data(), ids.data(),
                       static_cast<unsigned>(expressions.size()), HS_MODE_BLOCK, nullptr, &db,
                       &error) != HS_SUCCESS) {
    std::string message = error && error->message ? error->message : "unknown error";
    int at = error ? error->expression : -1;
    hs_free_compile_error(error);
    return Status::Error(
        "Vectorscan: " + message +
        (at >= 0 ? " in pattern " + patterns[static_cast<std::size_t>(at)].regex : std::string()));
  }
  return std::unique_ptr<Scanner>(new VectorscanScanner(patterns, db));
}

Result<std::unique_ptr<Scanner>> MakeRe2SetScanner(const std::vector<Pattern>& patterns) {
  auto scanner = std::make_unique<Re2SetScanner>(patterns);
  Status s = scanner->Compile();
  if (!s.ok()) return s;
  return std::unique_ptr<Scanner>(std::move(scanner));
}

}  // namespace dualwatch::goods
