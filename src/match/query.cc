// Queries prepared for the index: weights, keys, skeletons and place stems per word, the
// alternatives a query's name stands for, and the similar keys found by scanning (the
// reference); word weights and the keys' deletion variants, shared with the builder.
#include <algorithm>
#include <array>

#include "match/index_data.h"

namespace dualwatch::match {

using text::TokenKind;

bool IsPatronymic(std::string_view key) {
  // Russian, Ukrainian and Belarusian patronymics, as romanisation keys ("vladimirovich"; the
  // Czech "Vladimirovič" too). Not the Polish surnames' -owicz ("gelovic"; -iewicz is
  // "ievich", still taken for one).
  for (std::string_view end : {"ovich", "evich", "ovna", "evna", "ichna", "ivna"}) {
    if (key.size() > end.size() + 2 && key.substr(key.size() - end.size()) == end) return true;
  }
  return false;
}

float KeyWeight(TokenKind kind, std::string_view key, float idf) {
  switch (kind) {
    case TokenKind::kLegalForm:
      return kLegalFormWeight;
    case TokenKind::kGeneric:
      return kGenericShare * idf;
    case TokenKind::kDomain:
      return kDomainShare * idf;
    case TokenKind::kStopword:
      return 0;
    default:
      if (kind == TokenKind::kName && key.size() == 1) return std::min(idf, 1.0f);
      if (kind == TokenKind::kName && IsPatronymic(key)) return kPatronymicShare * idf;
      return idf;
  }
}

std::uint64_t HashText(std::string_view text) { return io::Fnv1a(text); }

namespace {
// The deletion variants' hashes: a polynomial hash (base kVariantBase, modulo 2^64) of the
// letters left, so that a variant's hash is a few products of its prefix's and suffix's
// hashes, not a pass over its letters; then mixed (MurmurHash3's finaliser), since a slot's
// home and tag are taken from the low and the high bits.
constexpr std::uint64_t kVariantBase = 0x9e3779b97f4a7c15ull;
std::uint64_t MixVariant(std::uint64_t h, std::size_t letters) {
  h ^= letters * 0xc2b2ae3d27d4eb4full;
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ull;
  h ^= h >> 33;
  return h | 1;
}
}  // namespace

void VariantHashes(std::string_view key, std::vector<std::uint64_t>& out) {
  out.clear();
  const std::size_t n = key.size();
  // prefix[k]: the hash of key[0, k); suffix[k]: of key[k, n); power[k] = kVariantBase^k.
  std::array<std::uint64_t, kMaxFuzzyKey + 1> prefix, suffix, power;
  const bool fuzzy = n >= 4 && n <= kMaxFuzzyKey;
  if (!fuzzy) {
    std::uint64_t h = 0;
    for (char c : key) h = h * kVariantBase + static_cast<unsigned char>(c);
    out.push_back(MixVariant(h, n));
    return;
  }
  prefix[0] = 0;
  power[0] = 1;
  for (std::size_t k = 0; k < n; ++k) {
    prefix[k + 1] = prefix[k] * kVariantBase + static_cast<unsigned char>(key[k]);
    power[k + 1] = power[k] * kVariantBase;
  }
  suffix[n] = 0;
  for (std::size_t k = n; k-- > 0;) {
    suffix[k] = static_cast<unsigned char>(key[k]) * power[n - 1 - k] + suffix[k + 1];
  }
  out.push_back(MixVariant(prefix[n], n));
  for (std::size_t i = 0; i < n; ++i) {
    // key without i: key[0, i) then key[i + 1, n).
    out.push_back(MixVariant(prefix[i] * power[n - 1 - i] + suffix[i + 1], n - 1));
    if (n < 7) continue;  // two edits from 7 letters (AllowedEdits)
    for (std::size_t j = i + 1; j < n; ++j) {
      // key[0, i), key[i + 1, j), key[j + 1, n): the middle is prefix[j] less prefix[i + 1].
      const std::uint64_t middle = prefix[j] - prefix[i + 1] * power[j - i - 1];
      out.push_back(MixVariant(
          prefix[i] * power[n - 2 - i] + middle * power[n - 1 - j] + suffix[j + 1], n - 2));
    }
  }
}

std::string NormalizeIdentifier(std::string_view value) {
  std::string out;
  for (char c : value) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      out.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
    }
  }
  return out;
}

PreparedQuery PrepareQuery(const NameIndex::Data& data, text::NormalizedName name, bool person) {
  PreparedQuery q;
  q.person = person;
  int domains = 0;
  // Per token, for the lookups below and the joined skeletons. The tables are large and each
  // lookup a likely cache miss: every slot is loaded before the first lookup waits on one.
  std::vector<std::string> skeletons, others;
  skeletons.reserve(name.tokens.size());
  others.reserve(name.tokens.size());
  q.tokens.reserve(name.tokens.size());
  for (const text::NameToken& t : name.tokens) {
    data.key_ids.Prefetch(t.key);
    skeletons.emplace_back();
    others.emplace_back();
    if (t.kind != TokenKind::kName) continue;
    skeletons.back() = TokenSkeleton(t.text, t.key);
    others.back() = TokenOtherSkeleton(t.text, t.key, name.script == text::Script::kHebrew);
    data.skeleton_ids.Prefetch(skeletons.back());
    if (!others.back().empty()) data.skeleton_ids.Prefetch(others.back());
  }
  for (std::size_t ti = 0; ti < name.tokens.size(); ++ti) {
    text::NameToken& t = name.tokens[ti];
    QueryToken qt;
    qt.join = JoinForm(t.kind, t.text, t.key);
    qt.kind = t.kind;
    qt.key_id = data.key_ids.Find(t.key);
    qt.skeletal = t.skeletal;
    if (name.script == text::Script::kHan && t.kind == TokenKind::kName) {
      std::size_t syllables = text::PinyinSyllables(t.text);
      qt.chinese_name = syllables >= 1 && syllables <= 2;
    }
    if (t.kind == TokenKind::kName) {
      qt.skeleton = data.skeleton_ids.Find(skeletons[ti]);
      if (!others[ti].empty()) qt.other_skeleton = data.skeleton_ids.Find(others[ti]);
      if (qt.other_skeleton == qt.skeleton) qt.other_skeleton = -1;
      if (!person && !data.stem_keys.empty()) {
        text::PlaceStems place = text::PlaceStemsOfKey(t.key);
        qt.stems.adjective = place.adjective;
        for (int k = 0; k < 2; ++k) {
          std::int64_t id = place.stems[k].empty() ? -1 : data.stem_ids.Find(place.stems[k]);
          if (id >= 0) qt.stems.stems[k] = static_cast<std::uint32_t>(id);
        }
      }
    }
    qt.weight = qt.key_id >= 0 ? data.key_entries[qt.key_id].weight
                               : KeyWeight(t.kind, t.key, data.unknown_weight);
    q.distinctive = q.distinctive || IsDistinctive(t.kind, t.text);
    // A sector phrase of several words ("tactical missiles corporation") names one organisation.
    if (t.kind == TokenKind::kDomain) domains += t.text.find(' ') == std::string::npos ? 1 : 2;
    q.weight += qt.weight;
    if (!person && IsAcronym(t.kind, t.text)) q.acronym_weight += qt.weight;
    qt.text = std::move(t.text);  // the token's last read
    qt.key = std::move(t.key);
    q.tokens.push_back(std::move(qt));
  }
  q.distinctive = q.distinctive || domains >= 2;
  std::vector<std::array<std::string, kJoinedSpans>> spans;
  spans.reserve(q.tokens.size());
  for (std::size_t i = 0; i + 1 < q.tokens.size(); ++i) {
    spans.push_back(JoinedSpans(
        q.tokens.size(), i, [&](std::size_t k) { return skeletons[k]; },
        [&](std::size_t k) { return q.tokens[k].skeletal; }));
    for (const std::string& span : spans.back()) {
      if (!span.empty()) data.skeleton_ids.Prefetch(span);
    }
  }
  for (std::size_t i = 0; i < spans.size(); ++i) {
    for (int s = 0; s < kJoinedSpans; ++s) {
      if (!spans[i][s].empty())
        q.tokens[i].joined_skeletons[s] = data.skeleton_ids.Find(spans[i][s]);
    }
  }
  if (!person) {
    ForEachInitialsRun(
        static_cast<int>(q.tokens.size()),
        [&](int i) {
          return std::pair<TokenKind, std::string_view>(q.tokens[i].kind, q.tokens[i].text);
        },
        [&](int first, int last, std::string_view initials) {
          // Initials with a vowel spell words ("art", "sea") that many names hold: only
          // consonants, as IsAcronym, are looked up (the search walked 36% more postings).
          if (!IsAcronym(TokenKind::kName, initials)) return;
          std::int64_t k = data.key_ids.Find(text::RomanizationKey(initials));
          if (k < 0 || data.key_entries[k].kind != TokenKind::kName) return;
          q.initials_runs.push_back(
              {first, last, std::string(initials), static_cast<std::uint32_t>(k)});
        });
    for (QueryToken& t : q.tokens) {
      if (t.skeletal || t.weight == 0 || !AcronymForm(t.kind, t.text)) continue;
      t.spelled = data.initials_buckets.Range(
          HashText(t.text), [&](std::uint32_t i) { return data.initials_runs[i].hash; });
      q.acronyms = q.acronyms || t.spelled.first != t.spelled.second;
    }
  }
  // (A Korean person's name in Hangul is read syllable by syllable: ToLatin.)
  q.korean = (name.script == text::Script::kLatin || name.script == text::Script::kHangul) &&
             KoreanName(static_cast<int>(q.tokens.size()), [&](int i) {
               return std::pair<TokenKind, bool>(
                   q.tokens[i].kind, !text::KoreanSyllableKey(q.tokens[i].text).empty());
             });
  for (QueryToken& t : q.tokens) {
    if (q.korean && t.kind == TokenKind::kName) {
      t.korean = text::KoreanSyllableKey(t.text);
      t.korean_id = data.korean_ids.Find(t.korean);
    }
  }
  q.exact = HashText(name.latin);
  q.script = name.script;
  q.syllabic = name.script == text::Script::kHangul || name.script == text::Script::kHan;
  for (const QueryToken& t : q.tokens) {
    if (t.kind == TokenKind::kName && name.script == text::Script::kHan && !t.chinese_name) {
      q.syllabic = false;  // a transcribed foreign name (克魯森 kelusen)
    }
    if (t.kind != TokenKind::kName && t.kind != TokenKind::kStopword) q.syllabic = false;
  }
  return q;
}

bool NamesAnOrganisation(TokenKind kind, std::string_view text) {
  if (kind != TokenKind::kLegalForm) return false;
  // Letters apart ("b m" of "Sabet b) M. Javad") are initials as often as a form.
  const bool letters_apart = text.size() % 2 == 1 && [&] {
    for (std::size_t i = 1; i < text.size(); i += 2) {
      if (text[i] != ' ') return false;
    }
    return true;
  }();
  if (letters_apart) return false;
  if (text.find(' ') != std::string_view::npos || text.size() >= 4) return true;
  return text.size() == 3 && text.find_first_of("aeiouy") == std::string_view::npos;
}

const Query& EffectiveQuery(const Query& query, const std::vector<PreparedQuery>& alternatives,
                            Query& storage) {
  if (query.schema) return query;
  // A name that is also a listed person's words (PrepareAlternatives) stays open to people.
  const bool person_too = std::any_of(alternatives.begin(), alternatives.end(),
                                      [](const PreparedQuery& p) { return p.persons_only; });
  for (const PreparedQuery& p : alternatives) {
    for (const QueryToken& t : p.tokens) {
      if (NamesAnOrganisation(t.kind, t.text) ||
          (query.organisation_when_described && !person_too && IsClass(t.kind))) {
        storage = query;
        storage.schema = lists::Schema::kCompany;
        return storage;
      }
    }
  }
  return query;
}

namespace {

// Whether every word of a query is a word of some listed person's name.
bool PeoplesWords(const NameIndex::Data& data, const PreparedQuery& query) {
  return std::all_of(query.tokens.begin(), query.tokens.end(), [&](const QueryToken& t) {
    if (t.kind == TokenKind::kStopword) return true;
    if (t.kind != TokenKind::kName || t.key_id < 0) return false;
    auto [begin, end] =
        data.PostingRange(static_cast<std::uint32_t>(t.key_id), NameIndex::Data::Who::kPeople);
    return end > begin;
  });
}

}  // namespace

std::vector<PreparedQuery> PrepareAlternatives(const NameIndex::Data& data, const Query& query) {
  // Longer texts are not names; refusing them bounds the work per query.
  if (query.name.size() > kMaxNameBytes) return {};
  const bool person = query.schema == lists::Schema::kPerson;
  // Every reading normalised first: a word of one that names an organisation makes the query
  // an organisation's (EffectiveQuery), whose results hold no person, and then no reading is
  // searched as a person's too ("Общество с Ограниченной Ответственностью «Азимут» (ООО
  // «Азимут»)": its bracket's "ООО" may be a person's word, the whole name's phrase is not).
  std::vector<std::string> alternatives = text::NameAlternatives(query.name, false);
  std::vector<text::NormalizedName> norms;
  norms.reserve(alternatives.size());
  bool organisation = false;
  for (const std::string& alternative : alternatives) {
    norms.push_back(
        text::NormalizeName(alternative, person ? text::NameForm::kPerson : text::NameForm::kAny));
    if (norms.back().tokens.size() > kMaxNameTokens) return {};
    for (const text::NameToken& t : norms.back().tokens) {
      organisation = organisation || NamesAnOrganisation(t.kind, t.text);
    }
  }
  std::vector<PreparedQuery> out;
  out.reserve(2 * alternatives.size() + 1);  // each, its person's reading, the quoted name
  std::string quoted;                        // text::QuotedNameReading
  for (std::size_t k = 0; k < alternatives.size(); ++k) {
    const std::string& alternative = alternatives[k];
    text::NormalizedName& norm = norms[k];
    // A name quoted in a designation, read alone too (not a person's: it has a legal form).
    if (!person && alternative == query.name) quoted = text::QuotedNameReading(alternative, norm);
    // Without a schema, words like "Na" or "Bank" may be a person's, and "Ten" a surname, not
    // 10: people's names are searched as people's too (unless the words make the query an
    // organisation's anyway). Asked to take a described name for an organisation's
    // (organisation_when_described), only when every word is a listed person's: "OCHOA,
    // Salvador" (a country), "RI Yong Ju" (a legal form), not "Tata Steel".
    const bool described = std::any_of(norm.tokens.begin(), norm.tokens.end(),
                                       [](const text::NameToken& t) { return IsClass(t.kind); });
    const bool numbered = norm.numbered;
    out.push_back(PrepareQuery(data, std::move(norm), person));
    if (!query.schema && (described || numbered) && !organisation) {
      PreparedQuery as_person =
          PrepareQuery(data, text::NormalizeName(alternative, text::NameForm::kPerson), true);
      if (!query.organisation_when_described || PeoplesWords(data, as_person)) {
        out.push_back(std::move(as_person));
        out.back().persons_only = true;
      }
    }
  }
  if (!quoted.empty()) {
    out.push_back(PrepareQuery(data, text::NormalizeName(quoted), false));
    out.back().quoted_name = true;
  }
  return out;
}

void FindSimilarKeys(const NameIndex::Data& d, std::string_view key, std::int64_t self,
                     FuzzyScratch& s, std::vector<std::pair<std::uint32_t, float>>& out) {
  out.clear();
  if (d.variants.empty()) return;
  VariantHashes(key, s.variants);
  const std::size_t mask = d.variants.size() - 1;
  // The table is large: start every slot's load before the first probe waits on one.
  for (std::uint64_t h : s.variants) __builtin_prefetch(&d.variants[VariantHome(h, mask)]);
  s.keys_seen.clear();
  const std::uint32_t key_bits = d.variant_key_bits;
  const std::uint32_t key_mask = (std::uint32_t{1} << key_bits) - 1;
  for (std::uint64_t h : s.variants) {
    const std::uint32_t tag = VariantTag(h, key_bits);
    for (std::size_t at = VariantHome(h, mask); d.variants[at] != 0; at = (at + 1) & mask) {
      const std::uint32_t slot = d.variants[at];
      const std::uint32_t k = slot & key_mask;
      if (slot >> key_bits == tag && static_cast<std::int64_t>(k) != self) {
        s.keys_seen.push_back(k);
      }
    }
  }
  // A key reached through several variants is checked once; letters present in one key and
  // not the other bound the edits from below, which spares most distance computations.
  std::sort(s.keys_seen.begin(), s.keys_seen.end());
  s.keys_seen.erase(std::unique(s.keys_seen.begin(), s.keys_seen.end()), s.keys_seen.end());
  const std::uint32_t letters = LetterMask(key);
  const bool skeletal = SkeletalKey(key);
  for (std::uint32_t k : s.keys_seen) __builtin_prefetch(&d.key_entries[k]);
  // The key's entry rules out many; the texts of the others are loaded, then compared.
  std::size_t left = 0;
  for (std::uint32_t k : s.keys_seen) {
    const NameIndex::Data::KeyEntry& e = d.key_entries[k];
    const std::size_t allowed =
        AllowedEdits(std::max<std::size_t>(e.size, key.size()), skeletal || e.skeletal);
    if (static_cast<std::size_t>(__builtin_popcount(letters ^ e.letters)) > 2 * allowed) {
      continue;
    }
    __builtin_prefetch(d.key_chars.data() + e.offset);
    s.keys_seen[left++] = k;
  }
  s.keys_seen.resize(left);
  const OsaPattern pattern(key);
  for (std::uint32_t k : s.keys_seen) {
    const std::size_t len = std::max<std::size_t>(d.key_entries[k].size, key.size());
    const std::size_t allowed = AllowedEdits(len, skeletal || d.key_entries[k].skeletal);
    const std::size_t edits = pattern.Distance(d.KeyText(k), allowed);
    if (edits <= allowed) out.emplace_back(k, FuzzySimilarity(edits, len));
  }
}

void FindSimilarKeysByScan(const NameIndex::Data& data, PreparedQuery& query) {
  for (QueryToken& q : query.tokens) {
    q.similar.clear();
    if (q.kind != TokenKind::kName) continue;
    const OsaPattern pattern(q.key);
    const std::string_view given_name = text::GivenNameKey(q.key);
    for (std::uint32_t k = 0; k < data.keys.size(); ++k) {
      const KeyInfo& key = data.keys[k];
      if (key.kind != TokenKind::kName || static_cast<std::int64_t>(k) == q.key_id) continue;
      // (As AddGivenNameKeys.)
      if (text::GivenNameKey(key.key) == given_name) {
        q.similar.emplace_back(k, kGivenNameSimilarity);
        continue;
      }
      std::size_t len = std::max(key.key.size(), q.key.size());
      std::size_t allowed = AllowedEdits(key.key, q.key);
      if (allowed == 0) continue;
      std::size_t d = pattern.Distance(key.key, allowed);
      if (d <= allowed) q.similar.emplace_back(k, FuzzySimilarity(d, len));
    }
  }
}

}  // namespace dualwatch::match
