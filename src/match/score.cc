// Token alignment scoring, shared by the index search and the reference matcher so that both
// score every name identically. (Queries are prepared in query.cc; filters, qualifiers and the
// collection of results are in results.cc.)
#include <algorithm>
#include <array>

#include "match/index_data.h"

namespace dualwatch::match {
namespace {

using text::TokenKind;

}  // namespace

OsaPattern::OsaPattern(std::string_view pattern) : pattern_(pattern) {
  if (pattern.size() > kMaxSize) return;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    positions_[static_cast<unsigned char>(pattern[i])] |= std::uint64_t{1} << i;
  }
}

std::size_t OsaPattern::Distance(std::string_view text, std::size_t limit) const {
  // Optimal string alignment: insertions, deletions, substitutions and swaps of neighbours
  // ("argumnet" is one edit from "argument") each cost 1. Hyyrö (2003): VP and VN hold where
  // the column of the table goes up or down by one, D0 where a diagonal step costs nothing;
  // `distance` follows the table's last row.
  const std::size_t m = pattern_.size();
  const std::size_t n = text.size();
  if ((m > n ? m - n : n - m) > limit) return limit + 1;
  if (m == 0) return n;
  if (m > kMaxSize) return pattern_ == text ? 0 : limit + 1;
  const std::uint64_t last = std::uint64_t{1} << (m - 1);
  std::uint64_t vp = ~std::uint64_t{0}, vn = 0, d0 = 0, previous = 0;
  std::size_t distance = m;
  for (std::size_t j = 0; j < n; ++j) {
    const std::uint64_t here = positions_[static_cast<unsigned char>(text[j])];
    const std::uint64_t swap = ((~d0 & here) << 1) & previous;
    d0 = (((here & vp) + vp) ^ vp) | here | vn | swap;
    std::uint64_t hp = vn | ~(d0 | vp);
    std::uint64_t hn = d0 & vp;
    distance += (hp & last) != 0;
    distance -= (hn & last) != 0;
    // Each letter left can lower the last row by one at most.
    if (distance > limit + (n - 1 - j)) return limit + 1;
    hp = (hp << 1) | 1;
    hn <<= 1;
    vp = hn | ~(d0 | hp);
    vn = hp & d0;
    previous = here;
  }
  return distance <= limit ? distance : limit + 1;
}

std::size_t Levenshtein(std::string_view a, std::string_view b, std::size_t limit) {
  return OsaPattern(a.size() <= b.size() ? a : b).Distance(a.size() <= b.size() ? b : a, limit);
}

namespace {

struct Sim {
  double value = 0;
  const char* how = "";
};

// Two spellings that differ only in a final a / o (not -ka / -ko), or a final a added
// (kGenderedSimilarity).
bool GenderedPair(std::string_view a, std::string_view b) {
  if (a.size() < 4 || b.size() < 4) return false;
  if (a.size() == b.size()) {
    if (a.substr(0, a.size() - 1) != b.substr(0, b.size() - 1)) return false;
    // Belarusian writes the Slavic surnames in -ko with -ka: LUKASHENKA is Lukashenko, СОЙКА
    // СОЙКО (the UK, the EU and New Zealand list Lukashenko both ways).
    if (a[a.size() - 2] == 'k') return false;
    char x = a.back(), y = b.back();
    return (x == 'a' && y == 'o') || (x == 'o' && y == 'a');
  }
  const std::string_view& longer = a.size() > b.size() ? a : b;
  const std::string_view& shorter = a.size() > b.size() ? b : a;
  return longer.size() == shorter.size() + 1 && longer.back() == 'a' &&
         longer.substr(0, shorter.size()) == shorter;
}

// What holds for every pair of words of one query name and one list name.
struct PairContext {
  bool initials_allowed = false;
  bool both_hangul = false;  // query and list name are both written in Hangul
  // Whether the list name (query_skeletons), or the query (list_skeletons), is written in a
  // script whose vowels an Arabic-script word's consonant skeleton can be set against: Latin or
  // Cyrillic, not the romanisation of Chinese characters, Hangul or Devanagari (磊 lei is not
  // لؤي Lu'ai).
  bool query_skeletons = false;
  bool list_skeletons = false;
  bool organisations = false;  // both are organisations' names (PlaceOf, IsAcronym)
  bool people = false;         // the list name is a person's (GenderedPair)
  bool korean = false;         // both are Korean names in Latin letters (KoreanName)
  // Both are Korean names and one at least is in Hangul, read syllable by syllable: a letter's
  // difference is another syllable, and the syllables' order says the given name.
  bool hangul_syllables = false;
};

// Similarity in [0, 1] of query token `q` and list token `n` (key `n_key_id`, consonant
// skeleton ids `n_skeleton` and, read otherwise (TokenOtherSkeleton), `n_other_skeleton`, place
// stems `n_stems`;
// `n_pinyin`: its text is pinyin; `n_korean`: its Korean syllable's id, or UINT32_MAX).
[[gnu::always_inline]] inline Sim TokenSim(const QueryToken& q, std::string_view n_text,
                                           std::uint32_t n_key_id, std::string_view n_key,
                                           TokenKind nk, std::uint32_t n_skeleton,
                                           std::uint32_t n_other_skeleton, bool n_pinyin,
                                           std::uint32_t n_korean, const KeyStems& n_stems,
                                           const PairContext& context) {
  TokenKind qk = q.kind;
  if (qk == TokenKind::kStopword || nk == TokenKind::kStopword) return {};
  if (IsClass(qk) || IsClass(nk)) {
    if (q.key == n_key) return {1.0, "class"};
    if (qk == TokenKind::kLegalForm && nk == TokenKind::kLegalForm) return {0.5, "class"};
    return {};
  }
  if (qk == TokenKind::kNumber || nk == TokenKind::kNumber) {
    return qk == nk && q.text == n_text ? Sim{1.0, "exact"} : Sim{};
  }
  if (q.key_id == static_cast<std::int64_t>(n_key_id)) {
    if (q.text == n_text) return {1.0, "exact"};
    // Two Arabic-script words with one skeleton: their written long vowels must agree
    // (جلیلی Jalili / جلالی Jalali, ايمان Iman / أيمن Ayman).
    if (q.skeletal && SkeletalKey(n_key) &&
        !(text::LongVowelsAgree(q.text, n_text) && text::LongVowelsAgree(n_text, q.text))) {
      return {};
    }
    // Short words that only romanise alike are often different words ("Ball" / "BAL",
    // "Etsy" / "ECI"): few letters leave few keys to share.
    if (q.text.size() <= 3 && n_text.size() <= 3) return {kTinyKeySimilarity, "key"};
    return {n_key.size() <= kShortKey ? kShortKeySimilarity : 0.95, "key"};
  }
  // Two romanisations of one Korean syllable, between two Korean names.
  if (context.korean && q.korean_id >= 0 && static_cast<std::uint32_t>(q.korean_id) == n_korean) {
    return {kKoreanSimilarity, "korean"};
  }
  auto it = std::lower_bound(q.similar.begin(), q.similar.end(), std::make_pair(n_key_id, 0.0f));
  if (it != q.similar.end() && it->first == n_key_id) {
    // Chinese characters romanise one way: in a Chinese name, a pinyin word a letter away is
    // another character (小红 xiaohong / Xiaoming, 桂英 guiying / Guoying); other spellings
    // (Kwai, Hsiao) may differ.
    if (q.chinese_name && n_pinyin) return {};
    // Hangul is romanised letter for letter: between two Hangul names, a letter's difference
    // is another syllable, another name (영자 yeongja / 영한 yeonghan, 병철 / 영철).
    if (context.both_hangul || context.hangul_syllables) return {};
    if (context.people && GenderedPair(q.text, n_text)) {
      return {std::min<double>(kGenderedSimilarity, it->second), "gender"};
    }
    return {it->second, "fuzzy"};
  }
  // An Arabic-script word and a Latin or Cyrillic one with one consonant skeleton, a v read as
  // an f or as a waw.
  if (q.skeletal != SkeletalKey(n_key) &&
      (q.skeletal ? context.query_skeletons : context.list_skeletons)) {
    auto is = [](std::int64_t a, std::uint32_t b) {
      return a >= 0 && static_cast<std::uint32_t>(a) == b;
    };
    text::VReading reading = text::VReading::kF;
    bool same = false, vowel_dropped = false;
    if (is(q.skeleton, n_skeleton)) {
      same = true;
    } else if (q.skeletal ? is(q.skeleton, n_other_skeleton) : is(q.other_skeleton, n_skeleton)) {
      same = true;
      reading = text::VReading::kWaw;
    } else if (q.skeletal ? is(q.other_skeleton, n_skeleton) : is(q.skeleton, n_other_skeleton)) {
      same = vowel_dropped = true;  // the Arabic-script word without its final ya or heh
    }
    if (same) {
      const std::string_view abjad = q.skeletal ? q.text : n_text;
      const std::string_view latin = q.skeletal ? n_text : q.text;
      if (ArabicArticle(abjad, latin)) return {1.0, "skeleton"};
      if (!text::LongVowelsAgree(abjad, latin, reading)) return {};
      // Its letters count when both spell the same consonants, repeats included, and the Latin
      // word writes at least as many letters (Arabic script leaves short vowels out): "Sasol" /
      // سهيل "shyl", "Lilly" / العلي "ally" and "Eli" / "ally" share a skeleton, not a spelling.
      // A word of one consonant must also start alike and be about as long: أبو "abw" is Abu,
      // not WPP or AbbVie. An initial alif carries any short vowel (اياد "ayad" Iyad, أسامة
      // "asama" Osama).
      const std::size_t abjad_consonants = text::SpelledConsonants(abjad);
      auto vowel = [](char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; };
      const bool start_alike =
          !abjad.empty() && (latin[0] == abjad[0] || (abjad[0] == 'a' && vowel(latin[0])));
      const bool spelled =
          latin.size() >= abjad.size() &&
          text::SpelledConsonants(latin, reading) == abjad_consonants &&
          (abjad_consonants >= 2 || (latin.size() <= abjad.size() + 1 && start_alike));
      // "~" + skeleton, less a final letter read as a vowel.
      const std::size_t consonants = (q.skeletal ? q.key : n_key).size() - 1 - vowel_dropped;
      return {SkeletonSimilarity(consonants, spelled ? abjad.size() : 0), "skeleton"};
    }
  }
  // Between organisations' names, a Russian place adjective and its place ("Казанский
  // вертолётный завод" / "Kazan Helicopter Plant").
  if (context.organisations && PlaceOf(q.stems, n_stems)) return {kPlaceSimilarity, "place"};
  // An initial in the query ("V. Putin") stands for a list word with that first letter.
  if (context.initials_allowed && q.text.size() == 1 && n_text.size() > 1 &&
      q.text.front() == n_text.front()) {
    return {kInitialSimilarity, "initial"};
  }
  return {};
}

struct Pair {
  double value;
  double sim;
  const char* how;
  int q0, q1;           // query tokens [q0, q1]
  int n0, n1;           // name tokens [n0, n1]
  bool decides = true;  // may be the distinctive words that agree (not an acronym's pair)
};

// Whether aligned Korean syllables stand in one order on both sides, but for one (the surname,
// first on one side and last on the other: "영철 김" / "KIM Young-Chol").
bool SyllablesInOrder(const std::vector<const Pair*>& accepted) {
  std::array<std::pair<int, int>, kMaxNameTokens> at;
  std::size_t count = 0;
  for (const Pair* p : accepted) {
    if (p->q0 == p->q1 && p->n0 == p->n1 && count < at.size()) at[count++] = {p->q0, p->n0};
  }
  std::sort(at.begin(), at.begin() + static_cast<long>(count));
  for (std::size_t skip = 0; skip <= count; ++skip) {  // skip == count: none left out
    int last = -1;
    bool ordered = true;
    for (std::size_t k = 0; k < count && ordered; ++k) {
      if (k == skip) continue;
      ordered = at[k].second > last;
      last = at[k].second;
    }
    if (ordered) return true;
  }
  return false;
}

// Pairs of an acronym on one side and a run of words on the other whose initials spell it
// ("SRC" / "State Rocket Centre"), between organisations' names (ForEachInitialsRun).
[[gnu::noinline]] void AddAcronymPairs(const NameIndex::Data& data, const PreparedQuery& query,
                                       const IndexedName& name, std::vector<Pair>& pairs) {
  const IndexedToken* nt = data.tokens.data() + name.first_token;
  const int nq = static_cast<int>(query.tokens.size());
  const int nn = name.token_count;
  auto n_weight = [&](int j) { return data.key_entries[nt[j].key].weight; };
  if (query.acronyms) {
    ForEachInitialsRun(
        nn,
        [&](int j) {
          return std::pair<TokenKind, std::string_view>(nt[j].kind, data.Text(nt[j].text));
        },
        [&](int first, int last, std::string_view initials) {
          for (int i = 0; i < nq; ++i) {
            const QueryToken& q = query.tokens[i];
            if (q.spelled.first == q.spelled.second || q.text != initials) continue;
            double w = q.weight;
            for (int j = first; j <= last; ++j) w += n_weight(j);
            pairs.push_back({kAcronymRunSimilarity * w, kAcronymRunSimilarity, "acronym", i, i,
                             first, last, false});
          }
        });
  }
  if (query.initials_runs.empty()) return;
  for (int j = 0; j < nn; ++j) {
    for (const PreparedQuery::InitialsRun& run : query.initials_runs) {
      // The word's key is the initials' (a skeletal word's is not), then its text.
      if (nt[j].key != run.key || run.initials != data.Text(nt[j].text)) continue;
      double w = n_weight(j);
      for (int i = run.first; i <= run.last; ++i) w += query.tokens[i].weight;
      pairs.push_back({kAcronymRunSimilarity * w, kAcronymRunSimilarity, "acronym", run.first,
                       run.last, j, j, false});
    }
  }
}

// Pairs of a word on one side of the script divide and two on the other written as one, by
// their consonants: "عبد الله" / Abdullah, "رحمت الله" / Rahmatullah, "Abd Allah" / عبدالله.
// (Apart from ScoreName, which runs for every candidate and rarely needs it.)
[[gnu::noinline]] void AddJoinedSkeletonPairs(const NameIndex::Data& data,
                                              const PreparedQuery& query, const IndexedName& name,
                                              std::vector<Pair>& pairs) {
  const IndexedToken* nt = data.tokens.data() + name.first_token;
  const std::uint32_t* n_skeletons = data.token_skeletons.data() + name.first_token;
  const std::uint32_t* n_other_skeletons = data.token_other_skeletons.data() + name.first_token;
  const auto* n_joined = data.token_joined_skeletons.data() + name.first_token;
  const int nq = static_cast<int>(query.tokens.size());
  const int nn = name.token_count;
  auto across = [&](bool query_skeletal, int j) {
    return query_skeletal != data.key_entries[nt[j].key].skeletal;
  };
  auto span_weight = [&](int j, int length) {
    double w = 0;
    for (int k = j; k < j + length; ++k) w += data.key_entries[nt[k].key].weight;
    return w;
  };
  for (int i = 0; i < nq; ++i) {
    const QueryToken& q = query.tokens[i];
    if (q.skeleton < 0 || q.weight == 0) continue;
    for (int j = 0; j + 1 < nn; ++j) {
      for (int s = 0; s < kJoinedSpans; ++s) {
        if (n_joined[j][s] != static_cast<std::uint32_t>(q.skeleton) || !across(q.skeletal, j)) {
          continue;
        }
        const int length = kJoinedSpanLength[s];
        double w = q.weight + span_weight(j, length);
        pairs.push_back({kJoinedSkeletonSimilarity * w, kJoinedSkeletonSimilarity, "joined", i, i,
                         j, j + length - 1});
      }
    }
  }
  for (int i = 0; i + 1 < nq; ++i) {
    const QueryToken& a = query.tokens[i];
    for (int s = 0; s < kJoinedSpans; ++s) {
      const int length = kJoinedSpanLength[s];
      if (a.joined_skeletons[s] < 0) continue;
      double w = 0;
      bool weighed = true;
      for (int k = i; k < i + length; ++k) {
        w += query.tokens[k].weight;
        weighed = weighed && query.tokens[k].weight > 0;
      }
      if (!weighed) continue;
      for (int j = 0; j < nn; ++j) {
        // The list word's skeleton in either reading: a Persian v is a waw ("وهاب زاده" /
        // Vahabzadeh), as the index finds it (SkeletonKeysAcross).
        const auto joined = static_cast<std::uint32_t>(a.joined_skeletons[s]);
        if ((n_skeletons[j] != joined && n_other_skeletons[j] != joined) ||
            !across(a.skeletal, j)) {
          continue;
        }
        double pair = w + data.key_entries[nt[j].key].weight;
        pairs.push_back({kJoinedSkeletonSimilarity * pair, kJoinedSkeletonSimilarity, "joined", i,
                         i + length - 1, j, j});
      }
    }
  }
}

}  // namespace

double ScoreName(const NameIndex::Data& data, const PreparedQuery& query, std::uint32_t name_id,
                 std::vector<TokenAlignment>* out, std::vector<Qualifier>* factors) {
  const IndexedName& name = data.names[name_id];
  const IndexedToken* nt = data.tokens.data() + name.first_token;
  int nq = static_cast<int>(query.tokens.size());
  int nn = name.token_count;
  if (nq == 0 || nn == 0 || nq > static_cast<int>(kMaxNameTokens) ||
      nn > static_cast<int>(kMaxNameTokens)) {
    return 0;
  }
  auto n_text = [&](int j) { return data.Text(nt[j].text); };
  auto n_key = [&](int j) { return data.KeyText(nt[j].key); };
  auto n_join = [&](int j) { return JoinForm(nt[j].kind, n_text(j), n_key(j)); };
  auto n_weight = [&](int j) { return data.key_entries[nt[j].key].weight; };
  PairContext context;
  // A syllable romanised to one letter (이 "i", 오 "o", 阿 "a") is a whole name, not an initial.
  auto syllabic = [](text::Script s) {
    return s == text::Script::kHangul || s == text::Script::kHan || s == text::Script::kKana;
  };
  context.initials_allowed =
      nq >= 2 && nn >= 2 && !syllabic(query.script) && !syllabic(name.script);
  context.both_hangul =
      query.script == text::Script::kHangul && name.script == text::Script::kHangul;
  auto vowels_written = [](text::Script s) {
    return s == text::Script::kLatin || s == text::Script::kCyrillic;
  };
  context.query_skeletons = vowels_written(name.script);
  context.list_skeletons = vowels_written(query.script);
  context.organisations = !query.person && name.schema != lists::Schema::kPerson;
  context.people = name.schema == lists::Schema::kPerson;
  // The list name's syllables as found on load. Between a Latin name and one in Hangul (read
  // syllable by syllable), or two Latin ones: two Hangul names are romanised alike.
  context.korean =
      query.korean && !context.both_hangul &&
      (name.script == text::Script::kLatin || name.script == text::Script::kHangul) &&
      KoreanName(nn, [&](int j) {
        return std::pair<TokenKind, bool>(nt[j].kind, data.text_korean[nt[j].text] != UINT32_MAX);
      });
  context.hangul_syllables =
      context.both_hangul || (context.korean && (query.script == text::Script::kHangul ||
                                                 name.script == text::Script::kHangul));

  thread_local std::vector<Pair> pairs;  // reused: ScoreName runs for every candidate
  pairs.clear();
  // Each list word's facts are loaded once, then set against every query word.
  for (int j = 0; j < nn; ++j) {
    const std::string_view text = n_text(j), key = n_key(j);
    const TokenKind kind = nt[j].kind;
    const std::uint32_t skeleton = data.token_skeletons[name.first_token + j];
    const std::uint32_t other_skeleton = data.token_other_skeletons[name.first_token + j];
    const bool pinyin = data.text_pinyin[nt[j].text];
    const std::uint32_t korean = data.text_korean[nt[j].text];
    const KeyStems& stems = data.key_stems[nt[j].key];
    const float weight = n_weight(j);
    for (int i = 0; i < nq; ++i) {
      const QueryToken& q = query.tokens[i];
      if (q.weight == 0) continue;
      Sim s = TokenSim(q, text, nt[j].key, key, kind, skeleton, other_skeleton, pinyin, korean,
                       stems, context);
      if (s.value <= 0) continue;
      double w = q.weight + weight;
      pairs.push_back({s.value * w, s.value, s.how, i, i, j, j});
    }
  }
  // Split and joined words: "jscargument" = "jsc" + "argument", "chang sha" = "changsha";
  // between Hangul names in either order, as a Korean name is written whole, surname first,
  // and spaced in either order ("영철 김" = 김영철 "gimyeongcheol"). (In any order, "Tor Vik"
  // would be Viktor, and the Chinese given name Bo Wen Wenbo.)
  auto joined_equal = [both_hangul = context.both_hangul](std::string_view whole,
                                                          std::string_view a, std::string_view b) {
    auto in_order = [whole](std::string_view x, std::string_view y) {
      return whole.substr(0, x.size()) == x && whole.substr(x.size()) == y;
    };
    // Parts of two letters or more: a letter is an initial, not half a word ("I. Vanov" is not
    // Ivanov); and the index looks up no split into one letter, which tens of thousands of
    // names hold (it cost 12% of the search's instructions).
    return a.size() >= 2 && b.size() >= 2 && whole.size() == a.size() + b.size() &&
           (in_order(a, b) || (both_hangul && in_order(b, a)));
  };
  for (int i = 0; i < nq; ++i) {
    const QueryToken& q = query.tokens[i];
    if (q.kind != TokenKind::kName) continue;
    for (int j = 0; j + 1 < nn; ++j) {
      if (joined_equal(q.join, n_join(j), n_join(j + 1))) {
        double w = q.weight + n_weight(j) + n_weight(j + 1);
        pairs.push_back({0.95 * w, 0.95, "joined", i, i, j, j + 1});
      }
    }
  }
  for (int j = 0; j < nn; ++j) {
    if (nt[j].kind != TokenKind::kName) continue;
    for (int i = 0; i + 1 < nq; ++i) {
      const QueryToken& a = query.tokens[i];
      const QueryToken& b = query.tokens[i + 1];
      if (a.weight == 0 || b.weight == 0) continue;
      if (joined_equal(n_join(j), a.join, b.join)) {
        double w = a.weight + b.weight + n_weight(j);
        pairs.push_back({0.95 * w, 0.95, "joined", i, i + 1, j, j});
      }
    }
  }
  if (context.organisations && (query.acronyms || !query.initials_runs.empty())) {
    AddAcronymPairs(data, query, name, pairs);
  }
  // Across the script divide, two words on one side written as one on the other.
  auto abjad = [](text::Script s) {
    return s == text::Script::kArabic || s == text::Script::kHebrew;
  };
  if (abjad(query.script) != abjad(name.script) &&
      (abjad(query.script) ? context.query_skeletons : context.list_skeletons)) {
    AddJoinedSkeletonPairs(data, query, name, pairs);
  }
  // Best pair first; an acronym's pairs only for the words no other pair took ("TSP" is the
  // list's "TSP", not the initials of "TSP Scientific Production").
  std::sort(pairs.begin(), pairs.end(), [](const Pair& a, const Pair& b) {
    if (a.decides != b.decides) return a.decides;
    if (a.value != b.value) return a.value > b.value;
    return std::tie(a.q0, a.n0) < std::tie(b.q0, b.n0);
  });
  std::array<bool, kMaxNameTokens> q_used{}, n_used{};
  double matched = 0, matched_weight = 0;
  bool distinctive_spelled = false;  // a distinctive pair agrees by more than a spelling's edit
  bool distinctive_matched = false, numbers_q = false, numbers_n = false, numbers_matched = false;
  int domain_pairs = 0;
  thread_local std::vector<const Pair*> accepted;
  accepted.clear();
  for (const Pair& p : pairs) {
    bool free = true;
    for (int i = p.q0; i <= p.q1; ++i) free = free && !q_used[i];
    for (int j = p.n0; j <= p.n1; ++j) free = free && !n_used[j];
    if (!free) continue;
    for (int i = p.q0; i <= p.q1; ++i) q_used[i] = true;
    for (int j = p.n0; j <= p.n1; ++j) n_used[j] = true;
    matched += p.value;
    matched_weight += p.value / p.sim;
    accepted.push_back(&p);
    bool q_distinctive = false, n_distinctive = false;
    for (int i = p.q0; i <= p.q1; ++i) {
      q_distinctive |= DecidesMatch(query.tokens[i].kind, query.tokens[i].text);
    }
    for (int j = p.n0; j <= p.n1; ++j) n_distinctive |= IsDistinctive(nt[j].kind, n_text(j));
    distinctive_matched |= p.decides && q_distinctive && n_distinctive;
    distinctive_spelled |=
        p.decides && q_distinctive && n_distinctive && std::string_view(p.how) != "fuzzy";
    // A sector phrase of several words counts as two, as in PrepareQuery.
    if (query.tokens[p.q0].kind == TokenKind::kDomain && nt[p.n0].kind == TokenKind::kDomain) {
      domain_pairs += query.tokens[p.q0].text.find(' ') == std::string::npos ? 1 : 2;
    }
    if (query.tokens[p.q0].kind == TokenKind::kNumber) numbers_matched = true;
  }
  // A query word the list name lacks costs its whole weight; a list word the query lacks (a
  // patronymic, a second given name) costs less.
  // Between organisations' names an acronym left out costs kAcronymShare of its weight.
  double unmatched_query = 0, unmatched_list = 0, unmatched_list_names = 0;
  bool query_name_unmatched = false;          // a distinctive query word met nothing
  bool country_q = false, country_n = false;  // a country on that side met nothing
  auto is_country = [](std::string_view key) { return key.starts_with(text::kCountryKeyPrefix); };
  for (int i = 0; i < nq; ++i) {
    const QueryToken& q = query.tokens[i];
    numbers_q = numbers_q || q.kind == TokenKind::kNumber;
    if (q_used[i]) continue;
    country_q = country_q || is_country(q.key);
    bool acronym = context.organisations && IsAcronym(q.kind, q.text);
    unmatched_query += acronym ? kAcronymShare * q.weight : q.weight;
    query_name_unmatched = query_name_unmatched || IsDistinctive(q.kind, q.text);
  }
  for (int j = 0; j < nn; ++j) {
    numbers_n = numbers_n || nt[j].kind == TokenKind::kNumber;
    bool acronym = context.organisations && data.acronym_tokens[name.first_token + j];
    if (!n_used[j]) unmatched_list += acronym ? kAcronymShare * n_weight(j) : n_weight(j);
    if (!n_used[j] && nt[j].kind == TokenKind::kName) unmatched_list_names += n_weight(j);
    country_n = country_n || (!n_used[j] && is_country(n_key(j)));
  }
  double unmatched = unmatched_query + unmatched_list;
  // A person's name of three words or more, every word of it in the query: the query's other
  // words are names the list leaves out (kCoveredQueryCost; Data::covering_names). Not in a
  // Chinese or Korean name, whose syllable more is another given name (below).
  // (The aligned query words' whole weight is summed only for such a name.)
  auto aligned_query = [&] {
    double sum = 0;
    for (int i = 0; i < nq; ++i) sum += q_used[i] ? query.tokens[i].weight : 0;
    return sum;
  };
  const bool covered = unmatched_list == 0 && !query.syllabic && data.covering_names[name_id] &&
                       aligned_query() >= kCoveredQueryShare * query.weight;
  double total = matched_weight + (covered ? kCoveredQueryCost : 1.0) * unmatched_query +
                 kUnmatchedCost * unmatched_list;
  // A Chinese or Korean name in its script is a surname and one given name of a syllable or
  // two: a syllable on one side only makes another given name (静 林 Lin Jing is not Lin Jing
  // He, 斌 莉 徐 not Xu Bin), and costs what a pair of matched words weighs.
  if (query.syllabic) total += unmatched_query + (2 - kUnmatchedCost) * unmatched_list_names;
  // A person's name word on each side that meets nothing is another name put in its place,
  // not one left out: the list's words cost in full ("AYMAN SABAWI IBRAHIM HASAN AL-DULAIMI"
  // is not "... AL-TIKRITI"; "Vladimir Putin" still lacks only the patronymic).
  if (query_name_unmatched && !query.syllabic && name.schema == lists::Schema::kPerson) {
    total += (1 - kUnmatchedCost) * unmatched_list_names;
  }
  double score = total > 0 ? matched / total : 0;
  // Same words, same order: the only 1.0.
  bool identical = nq == nn && unmatched == 0;
  for (int k = 0; identical && k < nq; ++k) identical = query.tokens[k].text == n_text(k);
  // Whatever the words, an identical name is the name.
  if (!identical) score = std::min(score, 0.99);
  // A share of the score for what the words say besides their weights, noted in `factors`.
  auto factor = [&](bool applies, double share, const char* name, const char* reason) {
    if (!applies) return;
    if (factors) factors->push_back({name, score * share - score, reason});
    score *= share;
  };
  factor(!identical && numbers_q && numbers_n && !numbers_matched, kOtherNumbersFactor, "numbers",
         "the names hold numbers and none agrees");
  factor(!identical && distinctive_matched && !distinctive_spelled, kSpellingOnlyFactor, "spelling",
         "the distinctive words agree only within a spelling's edits");
  // Each names another country: another company ("Air Canada" is not IRAN AIR).
  factor(country_q && country_n, kOtherCountryFactor, "other_country",
         "each name holds a country the other lacks");
  factor(query.quoted_name, kQuotedNameFactor, "quoted_name",
         "the query's quoted name alone, without the designation around it");
  factor(!identical && context.hangul_syllables && !SyllablesInOrder(accepted),
         kOtherSyllableOrderFactor, "syllable_order",
         "the given name's syllables stand in another order");
  // Generic words and legal forms alone never make a match, nor does one sector word ("TECHNOLOGY
  // CO LTD"); two together ("Tactical Missiles Corporation") name an organisation.
  distinctive_matched = distinctive_matched || domain_pairs >= 2;
  // Names made only of organisation words match when the words are the same on both sides
  // ("JSC Energiya" = "PJSC Energiya", "The World Bank" = "World Bank"), not when one side says
  // more ("GENERAL TECHNOLOGY"): a sector word, or a generic word and another word, agreeing
  // (two different legal forms do not: "BT Group" is not "STG GROUP").
  int org_pairs = 0, agreeing = 0;  // agreeing: pairs of the same word or class
  for (const Pair* p : accepted) {
    agreeing += p->sim >= 1.0;
    TokenKind k = query.tokens[p->q0].kind;
    // A legal form inside a name is tagged generic ("OOO AO PAO"), but its key stays a legal
    // form's: it says no more than a legal form does.
    const QueryToken& q = query.tokens[p->q0];
    bool legal_key = q.key_id >= 0 && data.key_entries[q.key_id].kind == TokenKind::kLegalForm;
    org_pairs += (k == TokenKind::kGeneric || k == TokenKind::kDomain) && !legal_key;
  }
  bool same_class_words =
      !query.distinctive && (domain_pairs > 0 || (org_pairs >= 1 && agreeing >= 2));
  for (int i = 0; same_class_words && i < nq; ++i) {
    const QueryToken& q = query.tokens[i];
    same_class_words = q_used[i] || q.weight == 0 || q.kind == TokenKind::kLegalForm;
  }
  for (int j = 0; same_class_words && j < nn; ++j) {
    same_class_words = !IsDistinctive(nt[j].kind, n_text(j)) &&
                       (n_used[j] || n_weight(j) == 0 || nt[j].kind == TokenKind::kLegalForm);
  }
  factor(!identical && !same_class_words && (!query.distinctive || !distinctive_matched),
         kGenericOnlyFactor, "generic_only",
         "no distinctive word agrees: organisation words or legal forms alone");

  if (out) {
    out->clear();
    // Words joined as one ("chang + sha"), or the run an acronym spells ("state rocket center").
    auto words = [&](int from, int to, auto text, const char* between) {
      std::string out(text(from));
      for (int k = from + 1; k <= to; ++k) out.append(between).append(text(k));
      return out;
    };
    auto q_text = [&](int i) -> std::string_view { return query.tokens[i].text; };
    for (const Pair* p : accepted) {
      TokenAlignment a;
      const char* between = p->decides ? " + " : " ";
      a.query = words(p->q0, p->q1, q_text, between);
      a.list = words(p->n0, p->n1, n_text, between);
      a.kind = std::string(text::TokenKindName(query.tokens[p->q0].kind));
      a.how = p->how;
      a.similarity = p->sim;
      a.weight = p->value / p->sim;
      out->push_back(std::move(a));
    }
    for (int i = 0; i < nq; ++i) {
      if (q_used[i] || query.tokens[i].weight == 0) continue;
      out->push_back({query.tokens[i].text, "",
                      std::string(text::TokenKindName(query.tokens[i].kind)), "unmatched", 0,
                      (covered ? kCoveredQueryCost : 1.0) * query.tokens[i].weight});
    }
    for (int j = 0; j < nn; ++j) {
      if (n_used[j] || n_weight(j) == 0) continue;
      out->push_back({"", std::string(n_text(j)), std::string(text::TokenKindName(nt[j].kind)),
                      "unmatched", 0, kUnmatchedCost * n_weight(j)});
    }
  }
  return score;
}

}  // namespace dualwatch::match
