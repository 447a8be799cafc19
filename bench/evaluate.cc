// Name-matching evaluation on real data: one command, a Markdown report on stdout.
//
//   build/dualwatch_eval [--threshold T]
//   build/dualwatch_eval --pair NAME NAME     one pair's score and token alignment
//   build/dualwatch_eval --pairs FILE         the same for every "NAME<TAB>NAME" line of FILE
//   DUALWATCH_EVAL_DEBUG=1 build/dualwatch_eval  also every leave-one-out and cross-list miss
//                                                and every name-bench score, on stderr
//
// Sections (method in docs/EVALUATION.md): leave-one-out over list names; cross-list (OpenSanctions
// referents, shared identifiers); transliteration (Wikidata Russian and Chinese pairs, Watchman's
// cross-script pairs, Putin in ~80 scripts); the nomenklatura name benchmark beside logic-v2;
// OFAC's own scores; false positives on innocent companies and people; a threshold sweep.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <map>
#include <set>
#include <unordered_map>

#include "bench/bench_util.h"

namespace {

using namespace dualwatch;

double Pct(std::size_t a, std::size_t b) { return b == 0 ? 0 : 100.0 * a / b; }

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Rank of `id` in `results` counting ties as one place: 1 when it shares the top score.
std::size_t RankOf(const match::NameIndex& index, const std::vector<match::SearchResult>& results,
                   const std::string& id) {
  for (std::size_t i = 0; i < results.size(); ++i) {
    if (index.entity(results[i].entity).id != id) continue;
    std::size_t rank = 1;
    for (std::size_t j = 0; j < i; ++j) rank += results[j].score > results[i].score;
    return rank;
  }
  return 0;
}

match::NameIndex BuildIndex(const std::vector<lists::Entity>& entities) {
  match::NameIndexBuilder builder;
  for (const lists::Entity& e : entities) builder.Add(e);
  return std::move(builder).Build();
}

struct Recall {
  std::size_t queries = 0, at1 = 0, at5 = 0;
  void Add(std::size_t rank) {
    ++queries;
    at1 += rank == 1;
    at5 += rank >= 1 && rank <= 5;
  }
};

// A recall table: one row per group, then the total.
void PrintRecallTable(const char* title, const char* group_column,
                      const std::map<std::string, Recall>& groups, const char* total_label,
                      const Recall& total) {
  std::printf("## %s\n\n| %s | queries | recall@1 | recall@5 |\n|---|---|---|---|\n", title,
              group_column);
  for (const auto& [group, r] : groups) {
    std::printf("| %s | %zu | %.1f%% | %.1f%% |\n", group.c_str(), r.queries, Pct(r.at1, r.queries),
                Pct(r.at5, r.queries));
  }
  std::printf("| **%s** | %zu | **%.1f%%** | %.1f%% |\n\n", total_label, total.queries,
              Pct(total.at1, total.queries), Pct(total.at5, total.queries));
}

// --- leave-one-out -------------------------------------------------------------------------

// Whether a name matcher could link `name` to an entity with names `others`: it is written in
// another script than Latin, or shares a word (romanisation key of a name word of 2+ letters)
// with one of them. Other aliases — nicknames, acronyms, maiden names, a renamed vessel's new
// name — are reported apart.
bool IsVariant(const std::string& name, const std::vector<lists::Name>& others) {
  if (text::DetectScript(name) != text::Script::kLatin) return true;
  std::set<std::string> keys;
  for (const text::NameToken& t : text::NormalizeName(name).tokens) {
    if (t.kind == text::TokenKind::kName && t.text.size() > 1) keys.insert(t.key);
  }
  for (const lists::Name& other : others) {
    for (const text::NameToken& t : text::NormalizeName(other.value).tokens) {
      if (keys.count(t.key)) return true;
    }
  }
  return false;
}

// Which name of an entity is held out: a function of its id alone (FNV-1a), so that a change
// to one entity's names moves no other entity's choice.
std::uint64_t PickOf(std::string_view id) {
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : id) h = (h ^ c) * 1099511628211ull;
  return h;
}

struct HeldOut {
  std::string entity_id;
  std::string name;
  std::string kind;
  std::vector<lists::Name> rest;  // the entity's names left in the index, for the debug output
};

// Within each list on its own (the same person on another list would otherwise answer for the
// held-out name): hold out one name of every entity with several, index the rest, query it.
// A held-out name is a "variant" when it shares a word with a remaining name or is written in
// another script; other aliases (nicknames, acronyms, unrelated trade names) no name matcher
// can link, and are reported apart.
Recall LeaveOneOut(const std::vector<lists::Entity>& entities, double threshold,
                   std::map<std::string, Recall>* by_kind) {
  std::map<std::string, std::vector<lists::Entity>> by_dataset;
  for (const lists::Entity& e : entities) by_dataset[e.dataset].push_back(e);
  Recall all;
  for (auto& [dataset, reduced] : by_dataset) {
    std::vector<HeldOut> held;
    for (lists::Entity& e : reduced) {
      std::vector<std::size_t> candidates;
      std::set<std::string> seen{text::ToLatin(e.caption())};
      for (std::size_t i = 1; i < e.names.size(); ++i) {
        if (seen.insert(text::ToLatin(e.names[i].value)).second) candidates.push_back(i);
      }
      if (candidates.empty()) continue;
      std::size_t pick = candidates[PickOf(e.id) % candidates.size()];
      const lists::Name& out = e.names[pick];
      std::vector<lists::Name> others = e.names;
      others.erase(others.begin() + static_cast<long>(pick));
      bool variant = IsVariant(out.value, others);
      held.push_back({e.id,
                      out.value,
                      std::string(variant ? "variant: " : "unrelated alias: ") +
                          std::string(lists::NameKindName(out.kind)),
                      {}});
      e.names.erase(e.names.begin() + static_cast<long>(pick));
      held.back().rest = e.names;
    }
    if (held.empty()) continue;
    match::NameIndex index = BuildIndex(reduced);
    match::SearchOptions options{threshold, 20, false};
    for (const HeldOut& h : held) {
      match::Query q;
      q.name = h.name;
      auto results = index.Search(q, options);
      std::size_t rank = RankOf(index, results, h.entity_id);
      (*by_kind)[h.kind].Add(rank);
      if (h.kind.rfind("variant", 0) == 0) all.Add(rank);
      if (rank != 1 && h.kind.rfind("variant", 0) == 0 && std::getenv("DUALWATCH_EVAL_DEBUG")) {
        std::fprintf(stderr, "LOO miss: rank %zu of %zu: %s (%s) -> %s\n", rank, results.size(),
                     h.name.c_str(), h.entity_id.c_str(),
                     results.empty() ? "nothing"
                                     : (index.entity(results[0].entity).caption + " " +
                                        std::to_string(results[0].score))
                                           .c_str());
        // Each remaining name of the entity, scored against the held-out one.
        for (const lists::Name& n : h.rest) {
          std::fprintf(stderr, "    %.3f %s\n", match::ScoreNamePair(h.name, n.value, &index),
                       n.value.c_str());
        }
      }
    }
  }
  return all;
}

// --- self-match ---------------------------------------------------------------------------

// Every name as listed, queried without a schema against every list: its own entity must rank
// first (sharing the top score). A miss is a fault of the engine, not of the data: the name is
// in the index. `as_screen`: queried as the screen queries a trading party (a name with an
// organisation word is taken for an organisation's), people's and organisations' names only.
Recall SelfMatch(const match::NameIndex& index, const std::vector<lists::Entity>& entities,
                 double threshold, bool as_screen) {
  Recall all;
  match::SearchOptions options{threshold, 20, false};
  for (const lists::Entity& e : entities) {
    if (as_screen && (e.schema == lists::Schema::kVessel || e.schema == lists::Schema::kAircraft)) {
      continue;
    }
    std::set<std::string> seen;
    for (const lists::Name& n : e.names) {
      if (!seen.insert(n.value).second) continue;
      match::Query q;
      q.name = n.value;
      q.organisation_when_described = as_screen;
      auto results = index.Search(q, options);
      std::size_t rank = RankOf(index, results, e.id);
      all.Add(rank);
      if (rank != 1 && std::getenv("DUALWATCH_EVAL_DEBUG")) {
        std::fprintf(stderr, "self miss%s: rank %zu of %zu: %s (%s) -> %s\n",
                     as_screen ? " (as the screen asks)" : "", rank, results.size(),
                     n.value.c_str(), e.id.c_str(),
                     results.empty() ? "nothing"
                                     : (index.entity(results[0].entity).caption + " " +
                                        std::to_string(results[0].score))
                                           .c_str());
      }
    }
  }
  return all;
}

// --- cross-list ---------------------------------------------------------------------------

// OpenSanctions referent → our id, for the lists we bundle.
std::string FromReferent(const std::string& r) {
  auto digits_after = [&](std::size_t at) { return r.substr(at); };
  if (r.rfind("ofac-", 0) == 0 && r.find_first_not_of("0123456789", 5) == std::string::npos) {
    return "us_ofac_sdn-" + digits_after(5);
  }
  if (r.rfind("gb-fcdo-", 0) == 0) {
    std::string id = r.substr(8);
    for (char& c : id) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return "gb_fcdo_sanctions-" + id;
  }
  if (r.rfind("eu-fsf-eu-", 0) == 0) {
    std::string id = r.substr(10);
    std::replace(id.begin(), id.end(), '-', '.');
    return "eu_fsf-EU." + id;
  }
  for (const char* prefix : {"nz-ru-ind-", "nz-ru-ent-"}) {
    if (r.rfind(prefix, 0) == 0) {
      std::string rest = r.substr(10);
      std::string number = rest.substr(0, rest.find('-'));
      return std::string("nz_russia_sanctions-") + (prefix[6] == 'i' ? "IND-" : "ENT-") + number;
    }
  }
  return "";
}

struct CrossPair {
  std::string query_name;
  std::string expect_id;
  std::string expect_dataset;
  std::string how;
  const lists::Entity* expect = nullptr;
  bool variant = false;  // IsVariant: the query shares a word with one of expect's names
};

std::vector<CrossPair> CrossListPairs(const std::vector<lists::Entity>& entities) {
  std::unordered_map<std::string, const lists::Entity*> by_id;
  for (const lists::Entity& e : entities) by_id[e.id] = &e;
  std::vector<CrossPair> pairs;
  for (const lists::Entity& e : entities) {
    if (e.dataset != "opensanctions") continue;
    for (const std::string& r : e.referents) {
      std::string id = FromReferent(r);
      auto it = by_id.find(id);
      if (it != by_id.end())
        pairs.push_back({e.caption(), id, it->second->dataset, "referent", it->second});
    }
  }
  // Shared identifiers between lists of different publishers (CSL copies OFAC: not counted).
  auto publisher = [](const std::string& dataset) {
    if (dataset.rfind("us_ofac", 0) == 0 || dataset == "us_trade_csl") return std::string("ofac");
    if (dataset.rfind("eu_", 0) == 0) return std::string("eu");
    return dataset;
  };
  std::map<std::string, std::vector<const lists::Entity*>> by_identifier;
  for (const lists::Entity& e : entities) {
    for (const lists::Identifier& i : e.identifiers) {
      static const std::set<std::string> kStrong = {
          "imoNumber",          "innCode",   "ogrnCode", "uscc",
          "registrationNumber", "taxNumber", "leiCode",  "swiftBic"};
      if (!kStrong.count(i.type)) continue;
      std::string v;
      for (char c : i.value) {
        if (std::isalnum(static_cast<unsigned char>(c)))
          v.push_back(static_cast<char>(std::toupper(c)));
      }
      if (v.size() >= 7) by_identifier[v].push_back(&e);
    }
  }
  std::set<std::pair<std::string, std::string>> seen;
  for (const auto& [value, group] : by_identifier) {
    for (const lists::Entity* a : group) {
      for (const lists::Entity* b : group) {
        if (publisher(a->dataset) == publisher(b->dataset) || a->schema != b->schema) continue;
        if (!seen.insert({a->id, b->id}).second) continue;
        pairs.push_back({a->caption(), b->id, b->dataset, "identifier", b});
      }
    }
  }
  for (CrossPair& p : pairs) p.variant = IsVariant(p.query_name, p.expect->names);
  return pairs;
}

struct CrossRecall {
  Recall all, variants;
};

CrossRecall CrossList(const match::NameIndex& index, const std::vector<CrossPair>& pairs,
                      double threshold, std::map<std::string, Recall>* by_how,
                      std::vector<const CrossPair*>* misses) {
  match::SearchOptions options{threshold, 20, false};
  CrossRecall out;
  for (const CrossPair& p : pairs) {
    match::Query q;
    q.name = p.query_name;
    q.datasets = {p.expect_dataset};
    std::vector<match::SearchResult> results = index.Search(q, options);
    std::size_t rank = RankOf(index, results, p.expect_id);
    out.all.Add(rank);
    if (p.variant) out.variants.Add(rank);
    (*by_how)[p.how + (p.variant ? ": sharing a word" : ": no word in common")].Add(rank);
    if (rank != 1 && p.variant && misses) misses->push_back(&p);
    if (rank != 1 && misses && std::getenv("DUALWATCH_EVAL_DEBUG")) {
      std::fprintf(stderr, "cross miss (%s): %s -> %s got %s\n",
                   p.variant ? "sharing a word" : "no word in common", p.query_name.c_str(),
                   p.expect_id.c_str(),
                   results.empty() ? "nothing"
                                   : (index.entity(results[0].entity).id + " " +
                                      index.entity(results[0].entity).caption + " " +
                                      std::to_string(results[0].score))
                                         .c_str());
      // The expected entity's names, each scored against the query.
      for (const lists::Name& n : p.expect->names) {
        std::fprintf(stderr, "    %.3f %s\n", match::ScoreNamePair(p.query_name, n.value, &index),
                     n.value.c_str());
      }
    }
  }
  return out;
}

// --- transliteration ----------------------------------------------------------------------

std::string JoinChars(const std::string& spaced) {
  std::string out;
  for (char c : spaced) {
    if (c != ' ') out.push_back(c);
  }
  return out;
}

struct PairRecall {
  std::size_t pairs = 0, hits = 0;
  double sum = 0;
};

PairRecall TranslitPairs(const std::string& file, const match::NameIndex& index, double threshold) {
  PairRecall r;
  for (const auto& row : bench::EvalRows(file, '\t', false)) {
    if (row.size() < 2) continue;
    double s = match::ScoreNamePair(JoinChars(row[1]), row[0], &index);
    ++r.pairs;
    r.hits += s >= threshold;
    r.sum += s;
  }
  return r;
}

// --- name bench ---------------------------------------------------------------------------

struct Confusion {
  std::size_t tp = 0, fp = 0, tn = 0, fn = 0;
  void Add(bool truth, bool predicted) {
    if (truth && predicted) ++tp;
    if (!truth && predicted) ++fp;
    if (!truth && !predicted) ++tn;
    if (truth && !predicted) ++fn;
  }
  double Precision() const { return tp + fp == 0 ? 0 : double(tp) / double(tp + fp); }
  double Recall() const { return tp + fn == 0 ? 0 : double(tp) / double(tp + fn); }
  double F1() const {
    double p = Precision(), r = Recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }
};

// --- false positives ----------------------------------------------------------------------

struct FalsePositives {
  std::size_t queries = 0, hits = 0;
  std::vector<std::string> examples;
};

FalsePositives Innocents(const match::NameIndex& index, const std::vector<std::string>& names,
                         std::optional<lists::Schema> schema, double threshold,
                         const std::set<std::string>& known_listed, std::size_t keep = 12) {
  FalsePositives fp;
  match::SearchOptions options{threshold, 1, false};
  for (const std::string& name : names) {
    if (name.empty() || known_listed.count(Lower(name))) continue;
    match::Query q;
    q.name = name;
    q.schema = schema;
    auto r = index.Search(q, options);
    ++fp.queries;
    if (r.empty()) continue;
    ++fp.hits;
    std::string example = name + " → " + index.entity(r[0].entity).caption + " (" +
                          index.entity(r[0].entity).id + ", " +
                          std::to_string(r[0].score).substr(0, 4) + ")";
    if (keep > 0 && std::getenv("DUALWATCH_EVAL_DEBUG")) {
      std::fprintf(stderr, "FP %s\n", example.c_str());
    }
    if (fp.examples.size() < keep) fp.examples.push_back(std::move(example));
  }
  return fp;
}

std::vector<std::string> Column(const std::string& file, std::size_t column) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (const auto& row : bench::EvalRows(file)) {
    if (column < row.size() && seen.insert(row[column]).second) out.push_back(row[column]);
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  double threshold = match::kDefaultThreshold;
  for (int i = 1; i + 1 < argc; ++i) {
    if (!std::strcmp(argv[i], "--threshold")) threshold = std::stod(argv[i + 1]);
  }
  auto t0 = std::chrono::steady_clock::now();
  std::vector<lists::Entity> entities = bench::BundledEntities();
  match::NameIndex index = BuildIndex(entities);
  // --pair A B: the score and token alignment of one pair, with the lists' token weights;
  // --pairs FILE: the same for every line "A<TAB>B" of FILE.
  auto print_pair = [&index](const std::string& a, const std::string& b) {
    std::vector<match::TokenAlignment> tokens;
    double score = match::ScoreNamePair(a, b, &index, &tokens);
    std::printf("%.3f  %s  /  %s\n", score, a.c_str(), b.c_str());
    for (const match::TokenAlignment& t : tokens) {
      std::printf("  %-24s %-24s %-10s %-9s sim %.2f  weight %.2f\n", t.query.c_str(),
                  t.list.c_str(), t.kind.c_str(), t.how.c_str(), t.similarity, t.weight);
    }
  };
  for (int i = 1; i + 1 < argc; ++i) {
    if (i + 2 < argc && !std::strcmp(argv[i], "--pair")) {
      print_pair(argv[i + 1], argv[i + 2]);
      return 0;
    }
    if (std::strcmp(argv[i], "--pairs") != 0) continue;
    std::ifstream in(argv[i + 1]);
    if (!in) {
      std::fprintf(stderr, "dualwatch_eval: cannot read %s\n", argv[i + 1]);
      return 1;
    }
    std::string line;
    for (std::size_t number = 1; std::getline(in, line); ++number) {
      std::size_t tab = line.find('\t');
      if (tab == std::string::npos) {
        std::fprintf(stderr, "%s:%zu: expected two names separated by a tab\n", argv[i + 1],
                     number);
        continue;
      }
      print_pair(line.substr(0, tab), line.substr(tab + 1));
    }
    return 0;
  }

  std::printf("# Name matching evaluation\n\nThreshold %.2f; %zu entities, %zu names indexed.\n\n",
              threshold, index.entity_count(), index.name_count());

  // Leave-one-out.
  std::map<std::string, Recall> loo_kinds;
  Recall loo = LeaveOneOut(entities, threshold, &loo_kinds);
  PrintRecallTable("Leave-one-out", "held-out name kind", loo_kinds, "all variants", loo);

  // Self-match.
  Recall self = SelfMatch(index, entities, threshold, false);
  Recall self_screen = SelfMatch(index, entities, threshold, true);
  std::printf(
      "## Self-match\n\nEvery listed name, queried without a schema, finds its own entity first: "
      "%zu of %zu (%.3f%%); people's and organisations' names queried as the screen asks for a "
      "trading party: %zu of %zu (%.3f%%).\n\n",
      self.at1, self.queries, Pct(self.at1, self.queries), self_screen.at1, self_screen.queries,
      Pct(self_screen.at1, self_screen.queries));

  // Cross-list.
  std::vector<CrossPair> pairs = CrossListPairs(entities);
  std::map<std::string, Recall> cross_how;
  std::vector<const CrossPair*> cross_misses;
  CrossRecall cross = CrossList(index, pairs, threshold, &cross_how, &cross_misses);
  PrintRecallTable("Cross-list", "evidence of sameness", cross_how, "all sharing a word",
                   cross.variants);
  std::printf(
      "All pairs, with those sharing no word (renamed vessels, other languages' words): "
      "%zu queries, recall@1 %.1f%%.\n\n",
      cross.all.queries, Pct(cross.all.at1, cross.all.queries));
  std::printf("Misses sharing a word (first 10):\n\n");
  std::size_t show = std::getenv("DUALWATCH_EVAL_DEBUG") ? 60 : 10;
  for (std::size_t i = 0; i < std::min<std::size_t>(show, cross_misses.size()); ++i) {
    std::printf("- %s → expected %s\n", cross_misses[i]->query_name.c_str(),
                cross_misses[i]->expect_id.c_str());
  }
  std::printf("\n");

  // Transliteration.
  std::printf(
      "## Transliteration\n\n| pairs | count | share ≥ threshold | mean score "
      "|\n|---|---|---|---|\n");
  for (const char* file : {"names/wikidata_translit_en_russian_20.tsv.zst",
                           "names/wikidata_translit_en_chinese_20.tsv.zst"}) {
    PairRecall r = TranslitPairs(file, index, threshold);
    std::printf("| %s | %zu | %.1f%% | %.3f |\n", file, r.pairs, Pct(r.hits, r.pairs),
                r.pairs ? r.sum / r.pairs : 0.0);
  }
  {
    // The lists' own bilingual entries: an entity listing a name in Chinese characters beside
    // Latin ones (EU 833/2014 Annex IV, the UK): its first Chinese name against the best of its
    // Latin names. Many Latin names are English trade names no romanisation reaches
    // ("Skywalker" for 思凯沃克, "Afox" for 元富).
    PairRecall r;
    for (const lists::Entity& e : entities) {
      const lists::Name* han = nullptr;
      for (const lists::Name& n : e.names) {
        if (text::DetectScript(n.value) == text::Script::kHan) {
          han = &n;
          break;
        }
      }
      if (!han) continue;
      double best = -1;
      for (const lists::Name& n : e.names) {
        if (text::DetectScript(n.value) != text::Script::kLatin) continue;
        best = std::max(best, match::ScoreNamePair(han->value, n.value, &index));
      }
      if (best < 0) continue;
      ++r.pairs;
      r.hits += best >= threshold;
      r.sum += best;
      if (best < threshold && std::getenv("DUALWATCH_EVAL_DEBUG")) {
        std::fprintf(stderr, "han miss: %.3f %s (%s)\n", best, han->value.c_str(), e.id.c_str());
      }
    }
    std::printf(
        "| the lists' entities with a Chinese name beside Latin ones | %zu | %.1f%% | %.3f |\n",
        r.pairs, Pct(r.hits, r.pairs), r.pairs ? r.sum / r.pairs : 0.0);
  }
  std::printf("\nWatchman's cross-script pairs (query, expected, Watchman's minimum, ours):\n\n");
  std::printf("| query | expected | min | ours |\n|---|---|---|---|\n");
  std::size_t moov_ok = 0, moov_n = 0;
  for (const auto& row : bench::EvalRows("names/moov_cross_script_pairs.csv.zst", ',', false)) {
    if (row.size() < 3 || row[0].empty() || row[0][0] == '#') continue;
    double s = match::ScoreNamePair(row[0], row[1], &index);
    ++moov_n;
    moov_ok += s >= std::stod(row[2]);
    std::printf("| %s | %s | %s | %.2f |\n", row[0].c_str(), row[1].c_str(), row[2].c_str(), s);
  }
  std::printf("\n%zu of %zu pairs reach Watchman's minimum.\n\n", moov_ok, moov_n);
  std::set<std::string> putin_ids;
  for (const lists::Entity& e : entities) {
    if (e.schema == lists::Schema::kPerson &&
        std::any_of(e.names.begin(), e.names.end(), [](const lists::Name& n) {
          return Lower(n.value) == "vladimir vladimirovich putin" ||
                 Lower(n.value) == "putin, vladimir vladimirovich";
        })) {
      putin_ids.insert(e.id);
    }
  }
  std::size_t putin_ok = 0, putin_n = 0;
  std::vector<std::string> putin_missed;
  for (const auto& row : bench::EvalRows("names/putin_name_variants.txt.zst", '\t', false)) {
    if (row.empty() || row[0].empty()) continue;
    match::Query q;
    q.name = row[0];
    auto r = index.Search(q, {threshold, 1, false});
    ++putin_n;
    bool ok = !r.empty() && putin_ids.count(index.entity(r[0].entity).id);
    putin_ok += ok;
    if (!ok) putin_missed.push_back(row[0]);
  }
  std::printf("Putin in %zu spellings and scripts: %zu found at rank 1 (%.1f%%). Missed: ", putin_n,
              putin_ok, Pct(putin_ok, putin_n));
  for (const std::string& m : putin_missed) std::printf("%s; ", m.c_str());
  std::printf("\n\n");

  // Name bench.
  std::map<std::string, std::pair<Confusion, Confusion>> bench_groups;  // ours, logic-v2
  Confusion ours_all, theirs_all;
  std::map<std::pair<std::string, std::string>, bool> logicv2;
  for (const auto& row : bench::EvalRows("names/nomenklatura_name_bench_logicv2_results.csv.zst")) {
    if (row.size() >= 11) logicv2[{row[3], row[4]}] = row[10] == "true";
  }
  std::size_t compared = 0;
  for (const auto& row : bench::EvalRows("names/nomenklatura_name_bench_cases.csv.zst")) {
    if (row.size() < 5) continue;
    bool truth = row[4] == "true";
    // Scored as the schema the case names (yente's /match is asked with one too).
    double s = match::ScoreNamePair(row[2], row[3], &index, nullptr, lists::SchemaFromName(row[1]));
    auto it = logicv2.find({row[2], row[3]});
    if (it == logicv2.end()) continue;  // compare on the cases both were run on
    ++compared;
    ours_all.Add(truth, s >= threshold);
    if (std::getenv("DUALWATCH_EVAL_DEBUG")) {
      std::fprintf(stderr, "BENCH\t%s\t%s\t%s\t%d\t%.3f\n", row[0].c_str(), row[2].c_str(),
                   row[3].c_str(), truth, s);
    }
    theirs_all.Add(truth, it->second);
    bench_groups[row[0]].first.Add(truth, s >= threshold);
    bench_groups[row[0]].second.Add(truth, it->second);
  }
  std::printf("## nomenklatura name benchmark (%zu labelled pairs)\n\n", compared);
  std::printf(
      "| group | ours P | ours R | ours F1 | logic-v2 P | logic-v2 R | logic-v2 F1 "
      "|\n|---|---|---|---|---|---|---|\n");
  for (const auto& [group, c] : bench_groups) {
    std::printf("| %s | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |\n", group.c_str(),
                c.first.Precision(), c.first.Recall(), c.first.F1(), c.second.Precision(),
                c.second.Recall(), c.second.F1());
  }
  std::printf("| **all** | %.3f | %.3f | **%.3f** | %.3f | %.3f | **%.3f** |\n\n",
              ours_all.Precision(), ours_all.Recall(), ours_all.F1(), theirs_all.Precision(),
              theirs_all.Recall(), theirs_all.F1());

  // OFAC's own scores.
  double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
  std::size_t n_ofac = 0, agree = 0;
  for (const auto& row : bench::EvalRows("names/nomenklatura_ofac_search_scores.csv.zst")) {
    if (row.size() < 3) continue;
    double x = match::ScoreNamePair(row[0], row[1], &index), y = std::stod(row[2]) / 100.0;
    sx += x;
    sy += y;
    sxx += x * x;
    syy += y * y;
    sxy += x * y;
    ++n_ofac;
    agree += (x >= threshold) == (y >= 0.9);
  }
  double nn = static_cast<double>(n_ofac);
  double corr = (nn * sxy - sx * sy) / std::sqrt((nn * sxx - sx * sx) * (nn * syy - sy * sy));
  std::printf(
      "## OFAC Sanctions Search scores\n\n%zu pairs: correlation with OFAC's score %.2f; "
      "we agree with OFAC's own cut (score ≥ 90) on %zu (%.1f%%).\n\n",
      n_ofac, corr, agree, Pct(agree, n_ofac));

  // False positives.
  std::set<std::string> known_listed;
  for (const auto& row : bench::EvalRows("known_listed.tsv", '\t', false)) {
    if (row.empty() || row[0].empty() || row[0][0] == '#' || row[0] == "name") continue;
    known_listed.insert(Lower(row[0]));
  }
  std::vector<std::string> forbes = Column("companies/forbes_global2000_2024.csv.zst", 1);
  for (const std::string& n : Column("companies/forbes_global2000_2025.csv.zst", 1)) {
    if (std::find(forbes.begin(), forbes.end(), n) == forbes.end()) forbes.push_back(n);
  }
  // Companies are screened as organisations (not vessels), people as people.
  const std::optional<lists::Schema> kOrg = lists::Schema::kCompany;
  std::vector<std::pair<std::string, FalsePositives>> fps;
  fps.emplace_back("Forbes Global 2000 (2024 + 2025)",
                   Innocents(index, forbes, kOrg, threshold, known_listed));
  fps.emplace_back("S&P 500", Innocents(index, Column("companies/sp500_constituents.csv.zst", 1),
                                        kOrg, threshold, known_listed));
  fps.emplace_back("S&P 500, Chinese names",
                   Innocents(index, Column("companies/sp500_constituents_zh.csv.zst", 1), kOrg,
                             threshold, known_listed));
  fps.emplace_back("synthetic people, global",
                   Innocents(index, Column("names/yente_synthetic_negatives_global.csv.zst", 0),
                             lists::Schema::kPerson, threshold, known_listed, 8));
  fps.emplace_back("synthetic people, US",
                   Innocents(index, Column("names/yente_synthetic_negatives_us.csv.zst", 0),
                             lists::Schema::kPerson, threshold, known_listed, 8));
  std::printf(
      "## False positives on innocent names\n\nKnown to be listed, excluded: %zu names "
      "(data/eval/known_listed.tsv).\n\n| names | queries | flagged | share |\n|---|---|---|---|\n",
      known_listed.size());
  std::size_t fp_q = 0, fp_h = 0;
  for (const auto& [label, fp] : fps) {
    std::printf("| %s | %zu | %zu | %.2f%% |\n", label.c_str(), fp.queries, fp.hits,
                Pct(fp.hits, fp.queries));
    fp_q += fp.queries;
    fp_h += fp.hits;
  }
  std::printf("| **all** | %zu | %zu | **%.2f%%** |\n\n", fp_q, fp_h, Pct(fp_h, fp_q));
  for (const auto& [label, fp] : fps) {
    if (fp.examples.empty()) continue;
    std::printf("%s, flagged:\n\n", label.c_str());
    for (const std::string& x : fp.examples) std::printf("- %s\n", x.c_str());
    std::printf("\n");
  }

  // Threshold sweep (cross-list recall and company false positives).
  std::printf(
      "## Threshold sweep\n\n| threshold | cross-list recall@1 (sharing a word) | bench F1 | "
      "Forbes+S&P flagged | "
      "synthetic people flagged |\n|---|---|---|---|---|\n");
  std::vector<std::string> companies = forbes;
  for (const std::string& n : Column("companies/sp500_constituents.csv.zst", 1))
    companies.push_back(n);
  std::vector<std::string> people = Column("names/yente_synthetic_negatives_global.csv.zst", 0);
  people.resize(std::min<std::size_t>(people.size(), 20000));
  for (double t : {0.60, 0.65, 0.70, 0.75, 0.80, 0.85, 0.90}) {
    std::map<std::string, Recall> unused;
    Recall c = CrossList(index, pairs, t, &unused, nullptr).variants;
    Confusion conf;
    for (const auto& row : bench::EvalRows("names/nomenklatura_name_bench_cases.csv.zst")) {
      if (row.size() >= 5 && logicv2.count({row[2], row[3]})) {
        conf.Add(row[4] == "true", match::ScoreNamePair(row[2], row[3], &index, nullptr,
                                                        lists::SchemaFromName(row[1])) >= t);
      }
    }
    FalsePositives f1 = Innocents(index, companies, lists::Schema::kCompany, t, known_listed, 0);
    FalsePositives f2 = Innocents(index, people, lists::Schema::kPerson, t, known_listed, 0);
    std::printf("| %.2f | %.1f%% | %.3f | %.2f%% | %.2f%% |\n", t, Pct(c.at1, c.queries), conf.F1(),
                Pct(f1.hits, f1.queries), Pct(f2.hits, f2.queries));
  }
  std::printf("\n(evaluation ran in %.0f s)\n", bench::Seconds(t0));
  return 0;
}
