// The index's building blocks, apart from any list: the bit-parallel edit distance and the
// deletion variants that find a key's fuzzy neighbours.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>

#include "match/index_data.h"

namespace dualwatch::match {
namespace {

TEST(Levenshtein, BitParallelDistanceEqualsTheFullTable) {
  auto full = [](const std::string& a, const std::string& b) {
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
      for (std::size_t j = 1; j <= b.size(); ++j) {
        d[i][j] = std::min(
            {d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1] ? 1 : 0)});
        if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
          d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.size()][b.size()];
  };
  std::vector<std::string> words = {""};
  for (std::size_t n = 0; n < words.size() && words.size() < 1093; ++n) {
    if (words[n].size() == 6) continue;
    for (char c : {'a', 'b', 'c'}) words.push_back(words[n] + c);
  }
  std::size_t checked = 0;
  for (std::size_t x = 0; x < words.size(); x += 7) {
    for (std::size_t y = 0; y < words.size(); y += 5) {
      for (std::size_t limit = 0; limit <= 3; ++limit) {
        std::size_t want = std::min(full(words[x], words[y]), limit + 1);
        ASSERT_EQ(std::min(Levenshtein(words[x], words[y], limit), limit + 1), want)
            << words[x] << " / " << words[y] << " limit " << limit;
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 100000u);
  // Longer words, up to the 64 letters one machine word of the bit-parallel table holds, and
  // whole distances (no limit that cuts them short).
  std::mt19937 rng(7);
  for (int round = 0; round < 3000; ++round) {
    std::string a(rng() % 65, 'a'), b;
    for (char& c : a) c = static_cast<char>('a' + rng() % 4);
    b = a;
    for (int edits = static_cast<int>(rng() % 6); edits > 0; --edits) {
      std::size_t at = b.empty() ? 0 : rng() % b.size();
      switch (rng() % 4) {
        case 0:
          b.insert(b.begin() + static_cast<long>(at), static_cast<char>('a' + rng() % 4));
          break;
        case 1:
          if (!b.empty()) b.erase(at, 1);
          break;
        case 2:
          if (!b.empty()) b[at] = static_cast<char>('a' + rng() % 4);
          break;
        default:
          if (at + 1 < b.size()) std::swap(b[at], b[at + 1]);
      }
    }
    if (b.size() > 64) b.resize(64);
    for (std::size_t limit : {std::size_t{2}, std::size_t{64}}) {
      ASSERT_EQ(Levenshtein(a, b, limit), std::min(full(a, b), limit + 1))
          << a << " / " << b << " limit " << limit;
    }
  }
  EXPECT_EQ(Levenshtein("argumnet", "argument", 2), 1u);
  EXPECT_EQ(Levenshtein("scholz", "schulze", 2), 2u);
}

// A key's variants hold the hash of every string left by the deletions AllowedEdits allows
// (a string's own hash is the first of its variants), and distinct strings hash apart.
TEST(VariantHashes, HoldEveryAllowedDeletionAndTellStringsApart) {
  auto own = [](const std::string& s) {
    std::vector<std::uint64_t> v;
    VariantHashes(s, v);
    return v.front();
  };
  std::mt19937 rng(11);
  std::set<std::string> strings;
  std::set<std::uint64_t> hashes;
  for (int round = 0; round < 400; ++round) {
    std::string key(1 + rng() % 14, 'a');
    for (char& c : key) c = static_cast<char>('a' + rng() % 5);
    std::vector<std::uint64_t> variants;
    VariantHashes(key, variants);
    auto holds = [&](const std::string& s) {
      return std::find(variants.begin(), variants.end(), own(s)) != variants.end();
    };
    const std::size_t n = key.size();
    std::size_t expected = 1;
    EXPECT_EQ(variants.front(), own(key));
    for (std::size_t i = 0; i < n && n >= 4; ++i) {
      std::string one = key.substr(0, i) + key.substr(i + 1);
      EXPECT_TRUE(holds(one)) << key << " without " << i;
      strings.insert(one);
      hashes.insert(own(one));
      ++expected;
      for (std::size_t j = i + 1; j < n && n >= 7; ++j) {
        std::string two = key.substr(0, i) + key.substr(i + 1, j - i - 1) + key.substr(j + 1);
        EXPECT_TRUE(holds(two)) << key << " without " << i << " and " << j;
        strings.insert(two);
        hashes.insert(own(two));
        ++expected;
      }
    }
    EXPECT_EQ(variants.size(), expected) << key;
    strings.insert(key);
    hashes.insert(own(key));
  }
  EXPECT_GT(strings.size(), 5000u);
  EXPECT_EQ(hashes.size(), strings.size());
  // Past kMaxFuzzyKey letters a key has no neighbours: one variant, itself.
  std::vector<std::uint64_t> long_key;
  VariantHashes(std::string(kMaxFuzzyKey + 1, 'a'), long_key);
  EXPECT_EQ(long_key.size(), 1u);
}

TEST(ForEachInitialsRun, SpellsRunsOfWordsWithoutLegalFormsOrStopWords) {
  // Names of the bundled lists, tokenised as the index tokenises them.
  auto initials = [](std::string_view name) {
    const text::NormalizedName n = text::NormalizeName(name);
    std::set<std::string> out;
    ForEachInitialsRun(
        static_cast<int>(n.tokens.size()),
        [&](int i) {
          return std::pair<text::TokenKind, std::string_view>(n.tokens[i].kind, n.tokens[i].text);
        },
        [&](int, int, std::string_view run) { out.emplace(run); });
    return out;
  };
  // OFAC's MAKEYEV STATE ROCKET CENTER, the EU's "Makeyev SRC": a legal form ends a run.
  const std::set<std::string> makeyev = initials("JSC Makeyev State Rocket Center");
  EXPECT_TRUE(makeyev.count("src"));
  EXPECT_TRUE(makeyev.count("msrc"));
  for (const std::string& run : makeyev) EXPECT_NE(run[0], 'j') << run;
  // The EU's "Ministry of the People's Armed Forces (MPAF)": stop words inside a run are skipped.
  EXPECT_TRUE(initials("Ministry of the People's Armed Forces").count("mpaf"));
  // Two words at least, at most kMaxAcronym letters.
  EXPECT_TRUE(initials("Avitek").empty());
  for (const std::string& run : initials("Russian Federal Nuclear Center All Russia Research "
                                         "Institute of Technical Physics")) {
    EXPECT_GE(run.size(), kMinAcronym);
    EXPECT_LE(run.size(), kMaxAcronym);
  }
}

}  // namespace
}  // namespace dualwatch::match
