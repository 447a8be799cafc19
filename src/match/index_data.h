// Private to match/: the frozen index layout, and the scorer shared by the index search and the
// reference matcher. Word-to-word comparison apart from the index is in similarity.h.
#ifndef DUALWATCH_MATCH_INDEX_DATA_H_
#define DUALWATCH_MATCH_INDEX_DATA_H_

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <span>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "match/match.h"
#include "match/similarity.h"
#include "match/tables.h"

namespace dualwatch::match {

// A distinct token key ("putin", "#llc") with its weight.
struct KeyInfo {
  std::string key;
  float weight = 0;
  std::uint32_t entities = 0;  // how many entities hold it (in any of their names)
  text::TokenKind kind = text::TokenKind::kName;
};

struct IndexedToken {
  std::uint32_t key = 0;   // into keys
  std::uint32_t text = 0;  // into texts
  text::TokenKind kind = text::TokenKind::kName;
};

struct IndexedName {
  std::uint32_t entity = 0;
  std::uint32_t first_token = 0;  // into tokens
  std::uint16_t token_count = 0;
  lists::NameKind kind = lists::NameKind::kPrimary;
  lists::Schema schema = lists::Schema::kLegalEntity;  // its entity's, kept here for locality
  text::Script script = text::Script::kNone;           // the list name's, as written
  float weight = 0;                                    // sum of its token weights
  std::uint32_t original = 0;                          // into originals
};

// A key's place stems (text::PlaceStems) as ids in NameIndex::Data::stem_ids.
struct KeyStems {
  std::uint32_t stems[2] = {UINT32_MAX, UINT32_MAX};
  bool adjective = false;
};
// Whether one of two keys is a place adjective and the other the place it names.
inline bool PlaceOf(const KeyStems& a, const KeyStems& b) {
  if (a.adjective == b.adjective) return false;
  const KeyStems& adjective = a.adjective ? a : b;
  const KeyStems& place = a.adjective ? b : a;
  return adjective.stems[0] != UINT32_MAX &&
         (adjective.stems[0] == place.stems[0] || adjective.stems[0] == place.stems[1]);
}
// Similarity of a query's initial and a list word with that first letter ("V" / Vladimir).
inline constexpr float kInitialSimilarity = 0.6f;
// Similarity of a place adjective and its place ("kazanskiy" / Kazan).
inline constexpr float kPlaceSimilarity = 0.9f;

struct NameIndex::Data {
  std::vector<EntityRef> entities;
  // Names of entity e: names[entity_names[e] .. entity_names[e + 1]).
  std::vector<std::uint32_t> entity_names;
  std::vector<std::string> originals;
  std::vector<IndexedName> names;
  // names[n].weight again, dense, read for every candidate; and the least its unmatched words
  // can cost, acronyms of an organisation's name at kAcronymShare (ScoreName).
  struct NameWeight {
    float whole = 0;
    float least = 0;
  };
  std::vector<NameWeight> name_weights;
  // Per name, what the query's words that no postings find can meet in it (HeldBits; derived),
  // apart from name_weights, read only for queries with such words.
  std::vector<std::uint64_t> name_holds;
  std::vector<IndexedToken> tokens;
  std::vector<std::string> texts;
  std::vector<KeyInfo> keys;
  // Postings, CSR: names holding key k are postings[post_offsets[k] .. post_offsets[k + 1]),
  // people's names first (PostingRange).
  std::vector<std::uint32_t> post_offsets;
  std::vector<std::uint32_t> postings;
  // Deletion neighbourhoods of name keys: an open-addressing table (linear probing, size a
  // power of two, at most two thirds full) from the hash h of each deletion variant to the key.
  // A slot is 32 bits: the key in the low `variant_key_bits`, above it a tag of h's top bits
  // (VariantTag, never 0; a slot of 0 is empty). One probe is one load, and the table (8 MB for
  // the bundled lists' 1.25M variants; 32 MB with a 32-bit tag beside the key at a third full)
  // misses the cache less. Two variants that share slot and tag only add a key that the edit
  // distance then rejects. (Room for 2^28 keys, far more words than any list set holds.)
  std::vector<std::uint32_t> variants;
  std::uint32_t variant_key_bits = 16;
  // The name keys within AllowedEdits of each key, found through `variants` on build
  // (FindSimilarKeys): similar[similar_offsets[k] .. similar_offsets[k + 1]). A query word of a
  // key the index holds reads them here; only other words probe `variants`.
  std::vector<std::uint32_t> similar_offsets;
  std::vector<std::pair<std::uint32_t, float>> similar;
  std::span<const std::pair<std::uint32_t, float>> SimilarKeys(std::uint32_t k) const {
    return std::span(similar).subspan(similar_offsets[k],
                                      similar_offsets[k + 1] - similar_offsets[k]);
  }
  // Names by their whole normalised text: (hash, name), sorted. Finds identical names even when
  // they hold no distinctive word.
  std::vector<std::pair<std::uint64_t, std::uint32_t>> exact_names;
  // Entities by normalised identifier value: (hash, entity), sorted.
  std::vector<std::pair<std::uint64_t, std::uint32_t>> identifiers;
  float unknown_weight = 1;  // weight of a query token no list name holds

  // Derived on build and load, not stored.
  // What the search reads of a key for every fuzzy neighbour and every candidate's word, packed
  // in 16 bytes (a KeyInfo is 48, its text often on the heap): its text in key_chars, the
  // letters it holds (LetterMask), its weight and kind, whether it is skeletal (SkeletalKey).
  struct KeyEntry {
    std::uint32_t offset = 0;  // into key_chars
    std::uint32_t letters = 0;
    float weight = 0;
    std::uint16_t size = 0;
    text::TokenKind kind = text::TokenKind::kName;
    bool skeletal = false;
    // Its postings (PostingRange): post_offsets[k], where people's names give way to the
    // others' (derived), post_offsets[k + 1]. Beside the weight, so that a search's hit on the
    // key reads one entry, not three arrays.
    std::uint32_t post_begin = 0, post_split = 0, post_end = 0;
    std::uint32_t bitmap = kNoBitmap;  // its postings as a bitmap (KeyBitmap), if it has one
  };
  std::vector<KeyEntry> key_entries;
  // A key of more than kBitmapPostings postings has them as a bitmap over the names too (bit n
  // set: name n holds the key): a walk that only adds to names found already (Retrieval::Walk)
  // tests those names' bits, a few hundred, instead of reading thousands of postings.
  static constexpr std::uint32_t kNoBitmap = UINT32_MAX;
  static constexpr std::uint32_t kBitmapPostings = 256;
  std::size_t bitmap_words = 0;  // 64-bit words a bitmap: one bit a name
  std::vector<std::uint64_t> key_bitmaps;
  const std::uint64_t* KeyBitmap(const KeyEntry& e) const {
    return key_bitmaps.data() + std::size_t{e.bitmap} * bitmap_words;
  }
  HashBuckets exact_buckets;  // over exact_names
  // The names whose whole normalised text hashes to `h` (HashText).
  std::span<const std::pair<std::uint64_t, std::uint32_t>> ExactNames(std::uint64_t h) const {
    const auto [begin, end] =
        exact_buckets.Range(h, [&](std::uint32_t i) { return exact_names[i].first; });
    return std::span(exact_names).subspan(begin, end - begin);
  }
  std::string key_chars;
  std::string_view KeyText(std::uint32_t k) const {
    return {key_chars.data() + key_entries[k].offset, key_entries[k].size};
  }
  // The texts of the name tokens likewise: text t is text_chars[text_offsets[t] ..
  // text_offsets[t + 1]).
  std::vector<std::uint32_t> text_offsets;
  std::string text_chars;
  std::string_view Text(std::uint32_t t) const {
    return {text_chars.data() + text_offsets[t], text_offsets[t + 1] - text_offsets[t]};
  }
  // Whether token t of an organisation's name is an acronym (derived): IsAcronym, or a word
  // whose letters are the initials of a run of words of a name of its entity ("ISS" of "ISS
  // RESHETNEV" beside "... RESHETNEV INFORMATION SATELLITE SYSTEMS"), vowels or not.
  std::vector<bool> acronym_tokens;
  // Whether name n holds a retrievable key twice or more ("ABDULLAH Ahmed Abdullah"; derived):
  // there several query words may each pair with one of the key's words.
  std::vector<bool> repeats_key;
  // Whether name n holds a distinctive word (a name or a number; derived). A query of
  // organisation words only keeps kGenericOnlyFactor of its score with such a name unless the
  // two are identical (ScoreName): Retrieve's bound says so.
  std::vector<bool> distinctive_names;
  // Whether name n is a person's name of three words or more (derived): a query holding all its
  // words costs kCoveredQueryCost of its other words' weights (ScoreName), which Retrieve's bound
  // allows for.
  std::vector<bool> covering_names;
  // The postings of key k that a search for `who` reads: people's names only, the others'
  // only, or all.
  enum class Who { kAnyone, kPeople, kOthers };
  std::pair<std::uint32_t, std::uint32_t> PostingRange(std::uint32_t k, Who who) const {
    const KeyEntry& e = key_entries[k];
    return {who == Who::kOthers ? e.post_split : e.post_begin,
            who == Who::kPeople ? e.post_split : e.post_end};
  }
  // Names without a distinctive word (a name or number), organisation words only: (key, name)
  // for every key such a name holds, sorted.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> undistinctive_names;
  // Runs of organisations' names whose initials may be an acronym (ForEachInitialsRun): the
  // HashText of the initials, the name, the run's weight (the most, where a name has several
  // runs of those initials); sorted by hash, then name.
  struct InitialsRun {
    std::uint64_t hash = 0;
    std::uint32_t name = 0;
    float weight = 0;
  };
  std::vector<InitialsRun> initials_runs;
  HashBuckets initials_buckets;  // over initials_runs
  // The largest weight of a list word tagged as a legal form (its key may weigh more than
  // kLegalFormWeight: a one-word legal form inside a name is a generic word of the same key).
  float legal_form_weight = 0;
  // Whether text t is pinyin (text::PinyinSyllables > 0), which TokenSim asks of every list
  // word a Chinese name in characters meets.
  std::vector<bool> text_pinyin;
  // Per text, the id in korean_ids of its text::KoreanSyllableKey ("cho", "jo" and "zo" share
  // one), UINT32_MAX when it is no Korean syllable: TokenSim asks it of every list word a
  // Korean name meets, and KoreanName of every list name.
  std::vector<std::uint32_t> text_korean;
  TextIds korean_ids;
  TextIds key_ids;
  // Join forms (see JoinForm) → key: what split and joined words are looked up in, by HashText
  // of the form (open addressing, linear probing, hash 0 = empty), so that the prefixes of a
  // word and the concatenation of two are hashed as they are read, never built. Two forms with
  // one 64-bit hash would only add a candidate, which ScoreName then scores.
  struct JoinSlot {
    std::uint64_t hash = 0;
    std::uint32_t key = 0;
    // Other list words with this join form hold other keys ("jsc" a name's word and the legal
    // form of "JSC ARGUMENT"): `key`'s postings do not show every name holding the form. Then
    // 1 + the index of those keys' record in join_others; else 0.
    std::uint32_t others = 0;
    bool shared() const { return others != 0; }
  };
  std::vector<JoinSlot> join_table;
  // Of a shared join form's other keys: the most a class among them weighs and what a name
  // holding one holds (HeldBits, OR-ed), and the most another weighs (a stop word): what the
  // form can add to a name its slot key's postings miss ("PO CHON", whose "po" is an
  // organisation word, against the query's "POCHON").
  struct JoinOthers {
    float class_weight = 0;
    std::uint64_t class_holds = 0;
    float other_weight = 0;
  };
  std::vector<JoinOthers> join_others;
  std::size_t JoinHome(std::uint64_t hash) const { return (hash >> 1) & (join_table.size() - 1); }
  // The slot of the join form hashing to `hash`, or none.
  const JoinSlot* FindJoinSlot(std::uint64_t hash) const {
    if (join_table.empty()) return nullptr;
    const std::size_t mask = join_table.size() - 1;
    for (std::size_t at = JoinHome(hash); join_table[at].hash != 0; at = (at + 1) & mask) {
      if (join_table[at].hash == hash) return &join_table[at];
    }
    return nullptr;
  }
  // The key whose join form hashes to `hash`, or -1.
  std::int64_t FindJoin(std::uint64_t hash) const {
    const JoinSlot* slot = FindJoinSlot(hash);
    return slot ? static_cast<std::int64_t>(slot->key) : -1;
  }
  // Consonant skeletons (text::ConsonantSkeleton) of name tokens: id per distinct skeleton, the
  // skeleton of every token, and the keys bearing each skeleton.
  TextIds skeleton_ids;
  std::vector<std::uint32_t> token_skeletons;  // per token; UINT32_MAX when none
  // Per token, its other skeleton (TokenOtherSkeleton: a v read as a waw, an Arabic-script word
  // without its final heh); UINT32_MAX when none.
  std::vector<std::uint32_t> token_other_skeletons;
  // Skeletal keys first, then the others; skeleton_skeletal[id] counts the first.
  std::vector<std::vector<std::uint32_t>> skeleton_keys;
  std::vector<std::uint32_t> skeleton_skeletal;
  // The keys bearing skeleton `id` across the script divide from a word that is skeletal or not.
  std::span<const std::uint32_t> SkeletonKeysAcross(std::int64_t id, bool skeletal) const {
    const std::vector<std::uint32_t>& keys = skeleton_keys[static_cast<std::size_t>(id)];
    const std::size_t split = skeleton_skeletal[static_cast<std::size_t>(id)];
    return skeletal ? std::span(keys).subspan(split) : std::span(keys).first(split);
  }
  // Two neighbouring name words of a name, joined (JoinSkeletons): per token, the skeleton of it
  // and the next word (UINT32_MAX when none), and per skeleton id the keys of the pairs bearing
  // it ("عبد الله" "~bd" + "~lh" = "bdlh", Abdullah's skeleton).
  std::vector<std::array<std::uint32_t, kJoinedSpans>> token_joined_skeletons;  // JoinedSpans
  // The keys of each span's words (the third UINT32_MAX for two words).
  std::vector<std::vector<std::array<std::uint32_t, 3>>> joined_skeleton_keys;
  // Place stems (text::PlaceStemsOfKey) of the name keys of organisations' names: id per
  // distinct stem, the stems of every key (none for keys only people's names hold), and the
  // keys bearing each stem.
  TextIds stem_ids;
  std::vector<KeyStems> key_stems;  // per key
  std::vector<std::vector<std::uint32_t>> stem_keys;
  void Derive();
};

// Weights by token kind; names and numbers weigh their IDF.
inline constexpr float kLegalFormWeight = 0.3f;
// Organisation words weigh a share of their IDF: "bank" against "construction" is evidence.
inline constexpr float kGenericShare = 0.35f;
inline constexpr float kDomainShare = 0.75f;
// A patronymic tells people apart less than a given name or surname, and lists often omit it.
inline constexpr float kPatronymicShare = 0.4f;
bool IsPatronymic(std::string_view key);
// A name or number distinguishes a name; organisation words and legal forms do not. A single
// letter identifies nobody: it may align (as an initial or a letter), never decide.
inline bool IsDistinctive(text::TokenKind k) {
  return k == text::TokenKind::kName || k == text::TokenKind::kNumber;
}
inline bool IsDistinctive(text::TokenKind k, std::string_view text) {
  return IsDistinctive(k) && (text.size() > 1 || k == text::TokenKind::kNumber);
}
// Legal forms and organisation words: they describe a name, and meet only their own class key.
inline bool IsClass(text::TokenKind k) {
  return k == text::TokenKind::kLegalForm || k == text::TokenKind::kGeneric ||
         k == text::TokenKind::kDomain;
}
// Tokens with postings: names, numbers and sector words ("bank", "missiles"); legal forms,
// generic words and stop words are too common to retrieve by.
inline bool Retrievable(text::TokenKind k) {
  return IsDistinctive(k) || k == text::TokenKind::kDomain;
}
// What a list word offers the query's words that no postings find (legal forms, generic
// organisation words, initials), as bits of a name's name_holds: a name none of whose
// words has a bit a query word needs gives that word nothing, and Retrieve's bound leaves it
// out. Bits 0-25: a name word of two letters or more begins with that letter (an initial meets
// it); 26-62: a class key (by id, shared by every 37th); 63: a legal form (legal forms meet).
inline constexpr std::uint64_t kLegalFormHeld = std::uint64_t{1} << 63;
inline std::uint64_t ClassKeyHeld(std::uint32_t key) { return std::uint64_t{1} << (26 + key % 37); }
inline std::uint64_t InitialHeld(char c) {
  return c >= 'a' && c <= 'z' ? std::uint64_t{1} << (c - 'a') : 0;
}
inline std::uint64_t HeldBits(text::TokenKind kind, std::uint32_t key, std::string_view text) {
  if (kind == text::TokenKind::kLegalForm) return kLegalFormHeld | ClassKeyHeld(key);
  if (IsClass(kind)) return ClassKeyHeld(key);
  if (kind == text::TokenKind::kName && text.size() > 1) return InitialHeld(text.front());
  return 0;
}

// Share of its weight an unmatched list token costs (an unmatched query token costs all of it).
inline constexpr float kUnmatchedCost = 0.7f;
// A word of three to five consonants in an organisation's name is an acronym of its other words
// ("NPK TEKHMASH", "JSC VMP AVITEK": Nauchno-Proizvodstvennaya Korporatsiya, Vyatskoye
// Mashinostroitelnoye Predpriyatiye), which another listing of the same organisation writes out
// or leaves out: unmatched, it costs kAcronymShare of its weight. Cross-list recall +0.4 points,
// no new false positive. Two letters are too often a name of their own ("SK Telecom" is not
// "China Telecom", "Link REIT" not "DM Link"); at 0.25 the share gained 0.3 points more but cost
// 12 false positives. A list word with vowels is an acronym when it spells a run of words of a
// name of its own entity ("ISS RESHETNEV", "... INFORMATION SATELLITE SYSTEMS":
// Data::acronym_tokens); in a query, such words are not told from words.
inline constexpr float kAcronymShare = 0.5f;
// A person's list name of three words or more whose every word the query holds ("DE GEETERE,
// Tom Maria" in "DE GEETERE, Tom Maria Leonza Edward", "Abdul Hakim HAQQANI" in "Mawlawi Sheikh
// Abdul Hakim Haqqani Ishaqzai"): the query's other words, given names and patronymics a list
// leaves out, cost this share of their weight (a list word the query lacks costs
// kUnmatchedCost). Not between Chinese or Korean names (PreparedQuery::syllabic). At 0.5, with
// kCoveredQueryShare: leave-one-out misses 3,900 -> 3,856, cross-list 40 -> 39, false positives
// 418 -> 426 of 101,666, the name bench unchanged; 4% more instructions a query (Retrieve's
// MaxScore and prefilter allow for it). Of two words too, at 0.6 and with no share: 115 misses
// fewer but 128 more false positives (synthetic people holding a listed name of two common
// words), over 0.5%, and 32% more instructions.
inline constexpr double kCoveredQueryCost = 0.5;
// ... when the query words it aligns weigh this share of the query at least (a long query
// holding a short name is another's: and Retrieve's MaxScore keeps its weak words weak).
inline constexpr double kCoveredQueryShare = 0.5;
// Two names each with a country word (text::kCountryKeyPrefix) the other lacks score this share:
// "Air Canada" is not IRAN AIR, nor Telecom Italia CHINA TELECOM. At 0.8: 4 false positives and
// 4 wrong name-bench matches fewer, no recall lost but a typo of the bench's that makes a country
// ("State Grid Corporation of Chile").
inline constexpr double kOtherCountryFactor = 0.8;
// A query's quoted name alone, without the words of the designation around it
// (text::QuotedNameReading), scores this share: the words left out may say which of two
// ("АО ММЗ “Авангард”" is not every "Avangard"). At 0.9: leave-one-out misses -23, the rest
// unchanged.
inline constexpr double kQuotedNameFactor = 0.9;
// Names that hold numbers, none of them agreeing ("11420 CORP" is not "11421 CORP").
inline constexpr double kOtherNumbersFactor = 0.5;
// Names of which no distinctive word agrees: organisation words or legal forms alone
// ("TECHNOLOGY CO LTD").
inline constexpr double kGenericOnlyFactor = 0.3;
// Names whose distinctive words agree only within a spelling's edits ("Walmart" / WELMART,
// "Tesla" / TESA, "IDEX" / IDEK: no distinctive pair exact, same key, or joined) score this
// share. At 0.97: false positives 449 -> 402 of 101,666, the screen sample's precision 68.6% ->
// 69.8% at the same recall; leave-one-out 7 and bench_match's typo'd companies 12 of 4,000 fewer
// found (at 0.95: 394 false positives, 12 and 20 fewer).
inline constexpr double kSpellingOnlyFactor = 0.97;
// A Korean name in Hangul against a Korean name whose given name's syllables, aligned, stand in
// another order (은정 김 Eun-jeong Kim is not KIM Jong Un): another given name. The surname may
// stand first or last.
inline constexpr double kOtherSyllableOrderFactor = 0.7;
inline bool IsAcronym(text::TokenKind kind, std::string_view text) {
  if (kind != text::TokenKind::kName || text.size() < 3 || text.size() > 5) return false;
  for (char c : text) {
    if (c < 'a' || c > 'z' || c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' ||
        c == 'y') {
      return false;
    }
  }
  return true;
}
// An acronym written out: a word of kMinAcronym to kMaxAcronym letters ("SRC", "TTK") against a
// run of the other organisation name's words whose initials spell it ("State Rocket Centre",
// "Trade and Technical Company"), at kAcronymRunSimilarity. Such a pair aligns but does not
// decide a match alone: a name of three words has initials that many acronyms spell.
// Leave-one-out misses 4,339 -> 4,281, cross-list 81 -> 74, no new false positive.
inline constexpr std::size_t kMinAcronym = 3;
inline constexpr std::size_t kMaxAcronym = 6;
inline constexpr float kAcronymRunSimilarity = 0.85f;
inline bool AcronymForm(text::TokenKind kind, std::string_view text) {
  if (kind != text::TokenKind::kName || text.size() < kMinAcronym || text.size() > kMaxAcronym) {
    return false;
  }
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}
// Calls visit(first, last, initials) for every run of words first..last whose initials (the
// first letter of every word of their texts, "design bureau" giving two) number kMinAcronym to
// kMaxAcronym, from two words up: names and organisation words, stop words inside a run
// skipped ("Ministry of the Interior"); a legal form, number or other letter ends a run.
// `word(i)` gives word i's kind and text, of `count` words.
template <typename Word, typename Visit>
void ForEachInitialsRun(int count, Word word, Visit visit) {
  auto run_word = [](text::TokenKind k) {
    return k == text::TokenKind::kName || k == text::TokenKind::kGeneric ||
           k == text::TokenKind::kDomain;
  };
  char initials[kMaxAcronym + 1];
  for (int first = 0; first < count; ++first) {
    if (!run_word(word(first).first)) continue;
    std::size_t letters = 0, words = 0;
    for (int last = first; last < count; ++last) {
      const auto [kind, text] = word(last);
      if (kind == text::TokenKind::kStopword) continue;
      if (!run_word(kind)) break;
      bool fits = true;
      for (std::size_t at = 0; fits && at < text.size(); ++at) {
        if (at > 0 && text[at - 1] != ' ') continue;
        if (text[at] == ' ') continue;
        fits = letters < kMaxAcronym && text[at] >= 'a' && text[at] <= 'z';
        if (fits) initials[letters++] = text[at];
        ++words;
      }
      if (!fits) break;
      if (words >= 2 && letters >= kMinAcronym)
        visit(first, last, std::string_view(initials, letters));
    }
  }
}
// Words of at most kShortKey letters whose texts differ but keys agree score
// kShortKeySimilarity, not 0.95 (see TokenSim).
inline constexpr std::size_t kShortKey = 4;
inline constexpr double kShortKeySimilarity = 0.8;
// A Belarusian or Ukrainian given name and the Russian name it is (text::GivenNameKey: Siarhei
// / Sergei, Ihar / Igor, Mykola / Nikolai) are similar keys of each other, a little less alike
// than two romanisations of one word (at 0.95, "Костянтин Михайло Килимник" had also met "Dmitry
// Anatolyevich ISACHENKO" through Дмитро; leave-one-out misses the same). Each keeps its own
// key, so that its other spellings (the EU's Swedish "Siarhej") stay within an edit of it.
inline constexpr float kGivenNameSimilarity = 0.9f;
// Words of at most three letters that romanise alike score kTinyKeySimilarity: their keys lose
// a doubled letter or a vowel ("ABB" / "AAB" key "ab", "KIA" / "KAA", "Dow" / "DOV"), and three
// letters are mostly an acronym, whose letters differ. 14 fewer false positives, no recall lost.
inline constexpr double kTinyKeySimilarity = 0.6;
// A given name against its other gender (Alejandro / Alejandra, Daniel / Daniela, a final a for
// o or added) names another person: kGenderedSimilarity, not the edit's 0.84. Persons only
// (Russian genitives, "Zavod imeni Morozova", are the same name): 12 fewer false positives, 2
// held-out names lost (Eleonor / Eleonora).
inline constexpr double kGenderedSimilarity = 0.6;
// A number of one or two digits ("Capital One" / "RUSSIA-1", "77 Bank" / "GROUP 77") is too
// common to decide a match alone: it aligns, but does not count as a distinctive word agreeing.
inline bool DecidesMatch(text::TokenKind k, std::string_view text) {
  if (k == text::TokenKind::kNumber) {
    return text.size() > 2 || text.find_first_not_of("0123456789") != std::string_view::npos;
  }
  return IsDistinctive(k, text);
}
// Limits that bound the work per query: longer inputs are not names.
inline constexpr std::size_t kMaxNameBytes = 4096;
inline constexpr std::size_t kMaxNameTokens = 64;

// What an agreeing country and birth date add to a name's score (Qualify).
inline constexpr double kCountryBoost = 0.02;
inline constexpr double kBirthDateBoost = 0.03;

// Weight of a key: fixed by kind for legal forms, organisation and stop words; the IDF for
// names and numbers, at most 1 for a single letter.
float KeyWeight(text::TokenKind kind, std::string_view key, float idf);

// A query token, weighted against the index, with the name keys it is similar to.
struct QueryToken {
  std::string text;
  std::string key;
  text::TokenKind kind = text::TokenKind::kName;
  float weight = 0;
  std::int64_t key_id = -1;  // its own key in the index, or -1
  std::string join;          // JoinForm
  bool skeletal = false;     // from Arabic or Hebrew script (text::NameToken::skeletal)
  // A name word of a query in Chinese characters, of one or two syllables: a Chinese name's
  // surname or given name (longer words transcribe foreign names: 克魯森 kelusen, Crewson).
  bool chinese_name = false;
  std::int64_t skeleton = -1;        // id of its consonant skeleton in the index, or -1
  std::int64_t other_skeleton = -1;  // its other reading (TokenOtherSkeleton)
  // Ids of the skeletons of the spans from this word on (JoinedSpans), or -1.
  std::array<std::int64_t, kJoinedSpans> joined_skeletons = {-1, -1, -1};
  KeyStems stems;               // its place stems in the index (none in a person's name)
  std::string korean;           // text::KoreanSyllableKey, in a Korean name (PreparedQuery::korean)
  std::int64_t korean_id = -1;  // its id in NameIndex::Data::korean_ids, or -1
  // The runs of organisations' names whose initials it spells, when it may be an acronym
  // (AcronymForm): NameIndex::Data::initials_runs[spelled.first .. spelled.second).
  std::pair<std::uint32_t, std::uint32_t> spelled = {0, 0};
  // Other name keys within AllowedEdits, with their FuzzySimilarity, sorted by key.
  std::vector<std::pair<std::uint32_t, float>> similar;
};

struct PreparedQuery {
  std::vector<QueryToken> tokens;
  float weight = 0;          // sum of token weights
  bool distinctive = false;  // has a name or number token
  std::uint64_t exact = 0;   // HashText of the normalised text: finds identical list names
  text::Script script = text::Script::kNone;  // the query name's, as written
  // A person's name in Chinese characters or Hangul: only names of a syllable or two, no
  // organisation words (ScoreName's cost of unmatched syllables).
  bool syllabic = false;
  // Normalised as a person's name (text::NameForm::kPerson), for people's names only: the
  // alternative a query without a schema gets when its words include organisation words.
  bool persons_only = false;
  // Normalised as a person's name: for a Person, or persons_only.
  bool person = false;
  // The quoted name of the query alone (text::QuotedNameReading): scores kQuotedNameFactor.
  bool quoted_name = false;
  // The weight of its acronyms (IsAcronym; none in a person's name).
  float acronym_weight = 0;
  // Not a person's name: the runs of its words whose initials may be a list name's acronym
  // (ForEachInitialsRun), of consonants only (IsAcronym: initials with a vowel spell words that
  // many names hold, "art", "sea", and the search walked 36% more postings for few more
  // matches); and whether a word of it may be an acronym of a list name's words (AcronymForm).
  // Only runs that spell a list word are kept, with that word's key.
  struct InitialsRun {
    int first = 0;
    int last = 0;
    std::string initials;
    std::uint32_t key = 0;
  };
  std::vector<InitialsRun> initials_runs;
  bool acronyms = false;  // a word spells some runs (QueryToken::spelled)
  // Written in Latin letters, of two words or more, each one Korean syllable ("Jo Chun Ryong"):
  // its words meet the other romanisations of their syllables in names of such words too.
  bool korean = false;
};
// Similarity of two spellings of one Korean syllable ("Cho" / "Jo", "Hyok" / "Hyuk") between two
// names written so (PreparedQuery::korean).
inline constexpr float kKoreanSimilarity = 0.9f;
// Whether a name is a Korean name: two name words or more, each one Korean syllable, stop words
// aside and no other word. `word(i)` gives word i's kind and whether its text is one Korean
// syllable (text::KoreanSyllableKey is not empty).
template <typename Word>
bool KoreanName(int count, Word word) {
  int names = 0;
  for (int i = 0; i < count; ++i) {
    const auto [kind, syllable] = word(i);
    if (kind == text::TokenKind::kStopword) continue;
    if (kind != text::TokenKind::kName || !syllable) return false;
    ++names;
  }
  return names >= 2;
}

// Weights and own keys; `similar` is left empty for the caller to fill, from the index
// (NameIndex::Search) or by scanning every key (FindSimilarKeysByScan). Takes the tokens' texts
// and keys from `name`.
PreparedQuery PrepareQuery(const NameIndex::Data& data, text::NormalizedName name, bool person);
// One prepared query per alternative of the query's name (text::NameAlternatives), normalised
// as people's names are when the query is for a Person, and both ways when it has no schema
// and some words are organisation words (people's list names are normalised as people's);
// empty when the name is too long to be one (kMaxNameBytes, kMaxNameTokens).
std::vector<PreparedQuery> PrepareAlternatives(const NameIndex::Data& data, const Query& query);
void FindSimilarKeysByScan(const NameIndex::Data& data, PreparedQuery& query);
// What FindSimilarKeys reuses from one call to the next.
struct FuzzyScratch {
  std::vector<std::uint64_t> variants;
  std::vector<std::uint32_t> keys_seen;
};
// The name keys within AllowedEdits of `key` other than key `self`, with their
// FuzzySimilarity, sorted by key: those sharing a deletion variant with it (Data::variants).
void FindSimilarKeys(const NameIndex::Data& data, std::string_view key, std::int64_t self,
                     FuzzyScratch& scratch, std::vector<std::pair<std::uint32_t, float>>& out);

// The name score of list name `name` for the query (no qualifiers). Fills `tokens` when given,
// and `factors` with the shares of the score taken for numbers, spellings, countries or
// organisation words alone (Qualifier::effect: what each took).
double ScoreName(const NameIndex::Data& data, const PreparedQuery& query, std::uint32_t name,
                 std::vector<TokenAlignment>* tokens, std::vector<Qualifier>* factors = nullptr);

// Qualifiers and final score for one entity; `name_score` from ScoreName.
double Qualify(const EntityRef& entity, const Query& query, double name_score,
               std::vector<Qualifier>* qualifiers);
// The most Qualify can add to a name score for `query`: what its country and birth date may
// add. (An agreeing identifier adds more, but its entity's names are candidates whatever their
// bounds.)
inline double MaxQualifierBoost(const Query& query) {
  return (query.country.empty() ? 0 : kCountryBoost) +
         (query.birth_date.empty() ? 0 : kBirthDateBoost);
}

// A legal form of several words, of four letters or more, or of three consonants ("Joint Stock
// Company", "GmbH", "PJSC", "LLC", "Ltd") belongs to no person's name: a query holding one
// names an organisation (a query for "Joint Stock Company ‘Globus’" is not about the hacker
// the UK lists as "Globus"). Shorter forms, and three letters with a vowel, may be a person's
// name or syllable ("LIN Na": N.A.; "Sa'd": S.A.D.; "MOE"), and so may letters apart ("Sabet
// b) M. Javad": "b m").
bool NamesAnOrganisation(text::TokenKind kind, std::string_view text);

// The query as searched: `query`, or, when it names an organisation (NamesAnOrganisation) or
// Query::organisation_when_described applies to one of its prepared alternatives, a copy in
// `storage` restricted to organisations.
const Query& EffectiveQuery(const Query& query, const std::vector<PreparedQuery>& alternatives,
                            Query& storage);

bool SchemaAllowed(const Query& query, lists::Schema schema);
// Schema and dataset filters of the query and of its prepared alternative, for list name
// `name`.
bool NameAllowed(const NameIndex::Data& data, const Query& query, const PreparedQuery& prepared,
                 std::uint32_t name);

// Collects per-entity best results into the final sorted list.
class ResultCollector {
 public:
  ResultCollector(const NameIndex::Data& data, const Query& query, const SearchOptions& options);
  // Scores `name`, whose name score for `prepared` (which must outlive Finish) is `name_score`;
  // keeps it if it is its entity's best so far.
  void Consider(std::uint32_t name, double name_score, const PreparedQuery& prepared);
  // Whether `name`, at a name score of at most `bound`, could still become its entity's best
  // (Consider): not when a name of the entity already scored more than `bound` can give.
  bool MayImprove(std::uint32_t name, double bound) const;
  // The score a new result must reach to matter (threshold, or the limit-th best).
  double Floor() const;
  std::vector<SearchResult> Finish();

 private:
  const NameIndex::Data& data_;
  const Query& query_;
  const SearchOptions& options_;
  struct Best {
    double score;
    double name_score;
    std::uint32_t name;
    const PreparedQuery* prepared;  // the alternative of the query that scored it
  };
  std::unordered_map<std::uint32_t, Best> best_;
};

}  // namespace dualwatch::match

#endif  // DUALWATCH_MATCH_INDEX_DATA_H_
