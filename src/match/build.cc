// Building the frozen index: tokens, weights, postings, the deletion table, and the tables
// derived again on load (NameIndex::Data::Derive). Searching it is search.cc.
#include <algorithm>
#include <cmath>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "match/index_data.h"

namespace dualwatch::match {

using text::TokenKind;

namespace {

// Adds to each name key's similar keys the other keys of its given name (text::GivenNameKey:
// "sarhei", "serhi" and "sergei"), at kGivenNameSimilarity unless already more alike. The lists
// stay sorted by key.
void AddGivenNameKeys(NameIndex::Data& d) {
  std::unordered_map<std::string_view, std::vector<std::uint32_t>> names;
  for (std::uint32_t k = 0; k < d.keys.size(); ++k) {
    if (d.keys[k].kind == TokenKind::kName) names[text::GivenNameKey(d.keys[k].key)].push_back(k);
  }
  std::vector<std::vector<std::uint32_t>> more(d.keys.size());
  bool any = false;
  for (const auto& [name, keys] : names) {
    if (keys.size() < 2) continue;
    any = true;
    for (std::uint32_t k : keys) {
      for (std::uint32_t other : keys) {
        if (other != k) more[k].push_back(other);
      }
    }
  }
  if (!any) return;
  std::vector<std::uint32_t> offsets(1, 0);
  std::vector<std::pair<std::uint32_t, float>> similar, merged;
  for (std::uint32_t k = 0; k < d.keys.size(); ++k) {
    merged.assign(d.SimilarKeys(k).begin(), d.SimilarKeys(k).end());
    for (std::uint32_t other : more[k]) merged.emplace_back(other, kGivenNameSimilarity);
    // By key, the most alike first: the first of each key stays.
    std::sort(merged.begin(), merged.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first < b.first : a.second > b.second;
    });
    merged.erase(std::unique(merged.begin(), merged.end(),
                             [](const auto& a, const auto& b) { return a.first == b.first; }),
                 merged.end());
    similar.insert(similar.end(), merged.begin(), merged.end());
    offsets.push_back(static_cast<std::uint32_t>(similar.size()));
  }
  d.similar = std::move(similar);
  d.similar_offsets = std::move(offsets);
}

}  // namespace

std::string TokenSkeleton(std::string_view text, std::string_view key) {
  return SkeletalKey(key) ? std::string(key.substr(1)) : text::ConsonantSkeleton(text);
}

std::string JoinSkeletons(std::string_view first, std::string_view second) {
  if (first.empty() || second.empty()) return "";
  // The parts of Arabic and Persian compound names, as skeletons: ʿAbd, ʿAbdul, Abu, Mohammad,
  // Ahmad, Seyed, the article + a name; a name + Allah, al-Din, Reza, -zadeh, -pour, -vand,
  // -khah, -jan (آدینه وند Adinehvand, یزدی خواه Yazdikhah, ولی جان Walijan).
  static constexpr std::string_view kFirst[] = {"bd", "bdl", "b", "mhmd", "hmd", "sd", "l"};
  static constexpr std::string_view kSecond[] = {"lh", "ldn", "dn", "rd", "dh",
                                                 "br", "nd",  "kh", "jn"};
  const bool suffix =
      std::find(std::begin(kSecond), std::end(kSecond), second) != std::end(kSecond);
  if (!suffix && std::find(std::begin(kFirst), std::end(kFirst), first) == std::end(kFirst)) {
    return "";
  }
  // An Arabic-script word's final ya stays in its skeleton (محمدی Mohammadi is no Mohammad),
  // but ending the first part of a compound written apart it is the i a Latin spelling writes
  // inside the word ("یزدی خواه" / Yazdikhah, "ارلنی زاده" / Arlanizadeh). (A Latin skeleton
  // holds no y.)
  if (first.size() >= 2 && first.back() == 'y') first.remove_suffix(1);
  std::string joined(first);
  joined.append(second.substr(first.back() == second.front() ? 1 : 0));
  // The article before a name of three consonants or more ("الحرمين" / Alharamain, "المنار" /
  // Almanar): before a shorter one it spells too many other names' letters ("آل عطفة" "ltf" /
  // Abdel-latif). Ali ("l" too) before a compound's second part is Ali ("علیرضا" / Ali Reza).
  const std::size_t least = first == "l" && !suffix ? kMinJoinedSkeleton + 1 : kMinJoinedSkeleton;
  if (joined.size() < least) return "";
  return joined;
}

std::string TokenOtherSkeleton(std::string_view text, std::string_view key, bool hebrew) {
  if (SkeletalKey(key)) {
    std::string_view skeleton = key.substr(1);
    // A Hebrew ב or פ read as v or f (TokenOtherSkeleton's `hebrew`).
    if (hebrew && skeleton.find('b') != std::string_view::npos) {
      std::string f(skeleton);
      std::replace(f.begin(), f.end(), 'b', 'f');
      return f;
    }
    // A final heh is often a vowel, which Latin spellings write as one (ساره "srh" Sara, غاده
    // Ghada, عبده Abdo): read without it too, when two consonants stay. (Not a final ya: the
    // -i of Persian names, محمدی Mohammadi, is no Mohammad.)
    if (skeleton.size() >= 3 && skeleton.back() == 'h') {
      return std::string(skeleton.substr(0, skeleton.size() - 1));
    }
    return "";
  }
  if (text.find('v') != std::string_view::npos) {
    return text::ConsonantSkeleton(text, text::VReading::kWaw);
  }
  // A zh is Persian ژ, which ToLatin reads as a j (Bizhan / بیژن, Nezhad / نژاد), or two letters
  // (Azhar / أزهر): read as a j too.
  if (text.find("zh") != std::string_view::npos) {
    std::string j;
    for (std::size_t i = 0; i < text.size(); ++i) {
      const bool zh = text[i] == 'z' && i + 1 < text.size() && text[i + 1] == 'h';
      j.push_back(zh ? 'j' : text[i]);
      i += zh;
    }
    return text::ConsonantSkeleton(j);
  }
  // A final -ah writes the ta marbuta that Arabic script writes as a vowel (Jumah / جمعة,
  // Qudsiyah / قدسية): read without its h too. Not -eh (Saleh's h is ح) nor -lah (Allah's).
  const std::size_t n = text.size();
  if (n >= 4 && text.ends_with("ah") && text[n - 3] != 'l') {
    std::string skeleton = text::ConsonantSkeleton(text);
    if (skeleton.size() >= 3 && skeleton.back() == 'h') {
      skeleton.pop_back();
      return skeleton;
    }
  }
  return "";
}

void TextIds::Build(const std::vector<std::string_view>& texts) {
  chars_.clear();
  offsets_.assign(1, 0);
  for (std::string_view t : texts) {
    chars_.append(t);
    offsets_.push_back(static_cast<std::uint32_t>(chars_.size()));
  }
  std::size_t size = 16;
  while (size < texts.size() * 2) size *= 2;
  slots_.assign(size, {});
  for (std::uint32_t id = 0; id < texts.size(); ++id) {
    if (Find(texts[id]) >= 0) continue;
    const std::uint64_t hash = HashText(texts[id]) | 1;
    std::size_t at = (hash >> 1) & (size - 1);
    while (slots_[at].hash != 0) at = (at + 1) & (size - 1);
    slots_[at] = {hash, id, Place(offsets_[id], texts[id].size())};
  }
}

std::int64_t TextIds::Find(std::string_view text) const {
  if (slots_.empty()) return -1;
  const std::uint64_t hash = HashText(text) | 1;
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t at = (hash >> 1) & mask; slots_[at].hash != 0; at = (at + 1) & mask) {
    const Slot& slot = slots_[at];
    if (slot.hash == hash && SlotText(slot) == text) return slot.id;
  }
  return -1;
}

void TextIds::Prefetch(std::string_view text) const {
  if (slots_.empty()) return;
  __builtin_prefetch(&slots_[((HashText(text) | 1) >> 1) & (slots_.size() - 1)]);
}

std::uint32_t LetterMask(std::string_view key) {
  std::uint32_t mask = 0;
  for (char c : key) mask |= 1u << (static_cast<unsigned char>(c) % 32);
  return mask;
}

void NameIndex::Data::Derive() {
  key_entries.clear();
  key_chars.clear();
  for (const KeyInfo& k : keys) {
    key_entries.push_back(KeyEntry{static_cast<std::uint32_t>(key_chars.size()), LetterMask(k.key),
                                   k.weight, static_cast<std::uint16_t>(k.key.size()), k.kind,
                                   SkeletalKey(k.key)});
    key_chars += k.key;
  }
  exact_buckets.Build(exact_names.size(), [&](std::size_t i) { return exact_names[i].first; });
  repeats_key.assign(names.size(), false);
  for (std::uint32_t n = 0; n < names.size(); ++n) {
    const IndexedToken* t = tokens.data() + names[n].first_token;
    for (std::uint32_t i = 0; i < names[n].token_count && !repeats_key[n]; ++i) {
      for (std::uint32_t j = 0; j < i && Retrievable(t[i].kind); ++j) {
        if (t[j].key == t[i].key) {
          repeats_key[n] = true;
          break;
        }
      }
    }
  }
  // Names of organisation words only, by each key they hold, sorted by key then name.
  undistinctive_names.clear();
  distinctive_names.assign(names.size(), false);
  covering_names.assign(names.size(), false);
  for (std::uint32_t n = 0; n < names.size(); ++n) {
    covering_names[n] = names[n].schema == lists::Schema::kPerson && names[n].token_count >= 3;
    const std::uint32_t first = names[n].first_token, end = first + names[n].token_count;
    bool distinctive = false;
    for (std::uint32_t t = first; t < end; ++t) {
      distinctive = distinctive || IsDistinctive(tokens[t].kind, texts[tokens[t].text]);
    }
    distinctive_names[n] = distinctive;
    if (distinctive) continue;
    for (std::uint32_t t = first; t < end; ++t) undistinctive_names.push_back({tokens[t].key, n});
  }
  std::sort(undistinctive_names.begin(), undistinctive_names.end());
  undistinctive_names.erase(std::unique(undistinctive_names.begin(), undistinctive_names.end()),
                            undistinctive_names.end());
  legal_form_weight = kLegalFormWeight;
  for (const IndexedToken& t : tokens) {
    if (t.kind == TokenKind::kLegalForm) {
      legal_form_weight = std::max(legal_form_weight, key_entries[t.key].weight);
    }
  }
  text_offsets.assign(1, 0);
  text_chars.clear();
  text_pinyin.clear();
  text_korean.clear();
  TextMap korean;
  for (const std::string& t : texts) {
    text_chars += t;
    text_offsets.push_back(static_cast<std::uint32_t>(text_chars.size()));
    text_pinyin.push_back(text::PinyinSyllables(t) > 0);
    std::string syllable = text::KoreanSyllableKey(t);
    if (syllable.empty()) {
      text_korean.push_back(UINT32_MAX);
      continue;
    }
    auto [it, added] = korean.try_emplace(syllable, static_cast<std::uint32_t>(korean.size()));
    text_korean.push_back(it->second);
  }
  TextMap skeletons;
  skeleton_keys.clear();
  token_skeletons.assign(tokens.size(), UINT32_MAX);
  token_other_skeletons.assign(tokens.size(), UINT32_MAX);
  auto add_skeleton = [&](const std::string& skeleton, std::uint32_t key) {
    auto [it, added] =
        skeletons.try_emplace(skeleton, static_cast<std::uint32_t>(skeleton_keys.size()));
    if (added) skeleton_keys.emplace_back();
    std::vector<std::uint32_t>& holders = skeleton_keys[it->second];
    if (std::find(holders.begin(), holders.end(), key) == holders.end()) holders.push_back(key);
    return it->second;
  };
  std::vector<std::string> skeleton_of(tokens.size());  // per token, for the joins below
  std::vector<bool> hebrew(tokens.size(), false);
  for (const IndexedName& n : names) {
    if (n.script != text::Script::kHebrew) continue;
    for (std::uint32_t t = n.first_token; t < n.first_token + n.token_count; ++t) hebrew[t] = true;
  }
  for (std::size_t t = 0; t < tokens.size(); ++t) {
    if (tokens[t].kind != TokenKind::kName) continue;
    const std::string_view text = texts[tokens[t].text];
    const std::string& key = keys[tokens[t].key].key;
    std::string skeleton = TokenSkeleton(text, key);
    if (skeleton.empty()) continue;
    token_skeletons[t] = add_skeleton(skeleton, tokens[t].key);
    std::string other = TokenOtherSkeleton(text, key, hebrew[t]);
    if (!other.empty() && other != skeleton)
      token_other_skeletons[t] = add_skeleton(other, tokens[t].key);
    skeleton_of[t] = std::move(skeleton);
  }
  // Neighbouring name words of one script side, joined (JoinedSpans).
  std::vector<std::pair<std::uint32_t, std::array<std::uint32_t, 3>>> joined;
  token_joined_skeletons.assign(tokens.size(), {UINT32_MAX, UINT32_MAX, UINT32_MAX});
  for (const IndexedName& n : names) {
    const std::uint32_t first = n.first_token;
    auto skeleton = [&](std::size_t i) -> const std::string& { return skeleton_of[first + i]; };
    auto skeletal = [&](std::size_t i) { return SkeletalKey(keys[tokens[first + i].key].key); };
    for (std::uint32_t i = 0; i + 1 < n.token_count; ++i) {
      const auto spans = JoinedSpans(n.token_count, i, skeleton, skeletal);
      for (int s = 0; s < kJoinedSpans; ++s) {
        if (spans[s].empty()) continue;
        auto [it, added] =
            skeletons.try_emplace(spans[s], static_cast<std::uint32_t>(skeleton_keys.size()));
        if (added) skeleton_keys.emplace_back();
        token_joined_skeletons[first + i][s] = it->second;
        std::array<std::uint32_t, 3> words{tokens[first + i].key, tokens[first + i + 1].key,
                                           UINT32_MAX};
        if (kJoinedSpanLength[s] == 3) words[2] = tokens[first + i + 2].key;
        joined.push_back({it->second, words});
      }
    }
  }
  skeleton_skeletal.assign(skeleton_keys.size(), 0);
  for (std::size_t id = 0; id < skeleton_keys.size(); ++id) {
    auto& holders = skeleton_keys[id];
    auto split = std::stable_partition(holders.begin(), holders.end(),
                                       [&](std::uint32_t k) { return key_entries[k].skeletal; });
    skeleton_skeletal[id] = static_cast<std::uint32_t>(split - holders.begin());
  }
  std::sort(joined.begin(), joined.end());
  joined.erase(std::unique(joined.begin(), joined.end()), joined.end());
  joined_skeleton_keys.assign(skeleton_keys.size(), {});
  for (const auto& [id, words] : joined) joined_skeleton_keys[id].push_back(words);
  // Place stems of the keys organisations' names hold.
  TextMap stems;
  stem_keys.clear();
  key_stems.assign(keys.size(), KeyStems{});
  std::vector<bool> org_key(keys.size(), false);
  for (const IndexedName& n : names) {
    if (n.schema == lists::Schema::kPerson) continue;
    for (std::uint32_t t = n.first_token; t < n.first_token + n.token_count; ++t) {
      if (tokens[t].kind == TokenKind::kName) org_key[tokens[t].key] = true;
    }
  }
  for (std::uint32_t k = 0; k < keys.size(); ++k) {
    if (!org_key[k]) continue;
    text::PlaceStems place = text::PlaceStemsOfKey(keys[k].key);
    key_stems[k].adjective = place.adjective;
    for (int i = 0; i < 2; ++i) {
      if (place.stems[i].empty()) continue;
      auto [it, added] =
          stems.try_emplace(place.stems[i], static_cast<std::uint32_t>(stem_keys.size()));
      if (added) stem_keys.emplace_back();
      key_stems[k].stems[i] = it->second;
      stem_keys[it->second].push_back(k);
    }
  }
  for (std::uint32_t k = 0; k < keys.size(); ++k) {
    KeyEntry& e = key_entries[k];
    e.post_begin = post_offsets[k];
    e.post_end = post_offsets[k + 1];
    std::uint32_t p = e.post_begin;
    while (p < e.post_end && names[postings[p]].schema == lists::Schema::kPerson) ++p;
    e.post_split = p;
  }
  // The long postings as bitmaps (KeyBitmap).
  bitmap_words = (names.size() + 63) / 64;
  std::uint32_t bitmaps = 0;
  for (KeyEntry& e : key_entries) {
    e.bitmap = e.post_end - e.post_begin > kBitmapPostings ? bitmaps++ : kNoBitmap;
  }
  key_bitmaps.assign(std::size_t{bitmaps} * bitmap_words, 0);
  for (const KeyEntry& e : key_entries) {
    if (e.bitmap == kNoBitmap) continue;
    std::uint64_t* bits = key_bitmaps.data() + std::size_t{e.bitmap} * bitmap_words;
    for (std::uint32_t p = e.post_begin; p < e.post_end; ++p) {
      bits[postings[p] >> 6] |= std::uint64_t{1} << (postings[p] & 63);
    }
  }
  initials_runs.clear();
  for (std::uint32_t n = 0; n < names.size(); ++n) {
    if (names[n].schema == lists::Schema::kPerson) continue;
    const IndexedToken* t = tokens.data() + names[n].first_token;
    ForEachInitialsRun(
        names[n].token_count,
        [&](int i) { return std::pair<TokenKind, std::string_view>(t[i].kind, texts[t[i].text]); },
        [&](int first, int last, std::string_view initials) {
          float weight = 0;
          for (int i = first; i <= last; ++i) weight += keys[t[i].key].weight;
          initials_runs.push_back({HashText(initials), n, weight});
        });
  }
  std::sort(initials_runs.begin(), initials_runs.end(), [](const auto& a, const auto& b) {
    return std::tie(a.hash, a.name, b.weight) < std::tie(b.hash, b.name, a.weight);
  });
  initials_runs.erase(std::unique(initials_runs.begin(), initials_runs.end(),
                                  [](const auto& a, const auto& b) {
                                    return a.hash == b.hash && a.name == b.name;
                                  }),
                      initials_runs.end());
  initials_buckets.Build(initials_runs.size(),
                         [&](std::size_t i) { return initials_runs[i].hash; });
  acronym_tokens.assign(tokens.size(), false);
  for (const IndexedName& n : names) {
    if (n.schema == lists::Schema::kPerson) continue;
    for (std::uint32_t t = n.first_token; t < n.first_token + n.token_count; ++t) {
      const std::string& text = texts[tokens[t].text];
      if (IsAcronym(tokens[t].kind, text)) {
        acronym_tokens[t] = true;
        continue;
      }
      if (tokens[t].kind != TokenKind::kName || text.size() < kMinAcronym ||
          text.size() > kMaxAcronym) {
        continue;
      }
      const auto [begin, end] = initials_buckets.Range(
          HashText(text), [&](std::uint32_t i) { return initials_runs[i].hash; });
      for (std::uint32_t r = begin; r < end && !acronym_tokens[t]; ++r) {
        acronym_tokens[t] = names[initials_runs[r].name].entity == n.entity;
      }
    }
  }
  name_weights.clear();
  name_holds.clear();
  for (const IndexedName& n : names) {
    float acronyms = 0;
    std::uint64_t holds = 0;
    for (std::uint32_t t = n.first_token; t < n.first_token + n.token_count; ++t) {
      if (acronym_tokens[t]) acronyms += keys[tokens[t].key].weight;
      holds |= HeldBits(tokens[t].kind, tokens[t].key, Text(tokens[t].text));
    }
    name_weights.push_back({n.weight, n.weight - (1 - kAcronymShare) * acronyms});
    name_holds.push_back(holds);
  }
  std::vector<std::string_view> texts_by_id(skeletons.size());
  for (const auto& [skeleton, id] : skeletons) texts_by_id[id] = skeleton;
  skeleton_ids.Build(texts_by_id);
  texts_by_id.assign(stems.size(), {});
  for (const auto& [stem, id] : stems) texts_by_id[id] = stem;
  stem_ids.Build(texts_by_id);
  texts_by_id.assign(korean.size(), {});
  for (const auto& [syllable, id] : korean) texts_by_id[id] = syllable;
  korean_ids.Build(texts_by_id);
  texts_by_id.clear();
  for (const KeyInfo& k : keys) texts_by_id.push_back(k.key);
  key_ids.Build(texts_by_id);
  // Every list word's join form, as ScoreName joins them: stop words too ("DE LEON" is the
  // query's "DELEON"; the split's other half then carries the hit).
  std::vector<JoinSlot> forms;  // the first key of each form, as a TextMap would keep
  for (std::uint32_t k = 0; k < keys.size(); ++k) {
    if (IsDistinctive(keys[k].kind)) forms.push_back({HashText(keys[k].key) | 1, k});
  }
  for (const IndexedToken& t : tokens) {
    if (!IsDistinctive(t.kind)) forms.push_back({HashText(texts[t.text]) | 1, t.key});
  }
  std::size_t slots = 16;
  while (slots < forms.size() * 2) slots *= 2;
  join_table.assign(slots, {});
  join_others.clear();
  for (const JoinSlot& f : forms) {
    std::size_t at = (f.hash >> 1) & (slots - 1);
    while (join_table[at].hash != 0 && join_table[at].hash != f.hash) at = (at + 1) & (slots - 1);
    JoinSlot& slot = join_table[at];
    if (slot.hash == 0) {
      slot = f;
    } else if (slot.key != f.key) {
      if (!slot.shared()) {
        join_others.emplace_back();
        slot.others = static_cast<std::uint32_t>(join_others.size());
      }
      JoinOthers& others = join_others[slot.others - 1];
      const KeyInfo& other = keys[f.key];
      if (IsClass(other.kind)) {
        others.class_weight = std::max(others.class_weight, other.weight);
        others.class_holds |= HeldBits(other.kind, f.key, {});
      } else {
        others.other_weight = std::max(others.other_weight, other.weight);
      }
    }
  }
}

struct NameIndexBuilder::Data {
  NameIndex::Data index;
  std::unordered_map<std::string, std::uint32_t> text_ids;
  std::unordered_map<std::string, std::uint32_t> key_ids;
};

NameIndexBuilder::NameIndexBuilder() : data_(std::make_unique<Data>()) {}
NameIndexBuilder::~NameIndexBuilder() = default;

void NameIndexBuilder::Add(const lists::Entity& entity) {
  NameIndex::Data& d = data_->index;
  auto entity_index = static_cast<std::uint32_t>(d.entities.size());
  EntityRef ref;
  ref.id = entity.id;
  ref.caption = entity.caption();
  ref.schema = entity.schema;
  ref.dataset = entity.dataset;
  for (const auto* codes : {&entity.countries, &entity.nationalities, &entity.citizenships}) {
    for (const std::string& c : *codes) {
      if (std::find(ref.countries.begin(), ref.countries.end(), c) == ref.countries.end()) {
        ref.countries.push_back(c);
      }
    }
  }
  ref.birth_dates = entity.birth_dates;
  ref.programs = entity.programs;
  for (const lists::Identifier& id : entity.identifiers) {
    if (id.type == "email" || id.type == "phone" || id.type == "website") continue;
    std::string v = NormalizeIdentifier(id.value);
    if (v.size() >= 4 &&
        std::find(ref.identifiers.begin(), ref.identifiers.end(), v) == ref.identifiers.end()) {
      ref.identifiers.push_back(v);
      d.identifiers.emplace_back(HashText(v), entity_index);
    }
  }
  d.entities.push_back(std::move(ref));
  if (d.entity_names.empty()) d.entity_names.push_back(0);

  std::unordered_set<std::string> seen;  // one indexed name per distinct token sequence
  for (const lists::Name& n : entity.names) {
    // A name that writes several ("A / B", "X (Y)") is indexed as each, shown as written, and
    // as a query reads it ("X Y" for a one-word bracket), so that the name as listed finds its
    // entity at 1.0 even when a part alone names nothing ("Federal Security Service (FSB)").
    bool original_added = false;
    const std::vector<std::string> alternatives = text::ListNameReadings(n.value);
    const text::NameForm form =
        entity.schema == lists::Schema::kPerson ? text::NameForm::kPerson : text::NameForm::kAny;
    auto named = [](const text::NormalizedName& norm) {
      return std::any_of(norm.tokens.begin(), norm.tokens.end(), [](const text::NameToken& t) {
        return t.kind == TokenKind::kName || t.kind == TokenKind::kNumber;
      });
    };
    std::vector<text::NormalizedName> norms;
    for (const std::string& alternative : alternatives) {
      norms.push_back(text::NormalizeName(alternative, form));
    }
    // A part of a name that is only a legal form or generic words ("LLC" of "LLC (Sfera)")
    // names nothing on its own, unless no part does ("Defense Industries Organization (DIO)"
    // is all organisation words, "China Communications Construction Group (Limited)" too).
    const bool some_named = std::any_of(norms.begin(), norms.end(), named);
    for (text::NormalizedName& norm : norms) {
      if (norm.tokens.empty() || norm.tokens.size() > kMaxNameTokens) continue;
      if (some_named && !named(norm)) continue;
      if (!seen.insert(norm.latin).second) continue;
      if (!original_added) d.originals.push_back(n.value);
      original_added = true;
      IndexedName name;
      name.entity = entity_index;
      name.first_token = static_cast<std::uint32_t>(d.tokens.size());
      name.token_count = static_cast<std::uint16_t>(norm.tokens.size());
      name.kind = n.kind;
      name.schema = entity.schema;
      name.script = norm.script;
      name.original = static_cast<std::uint32_t>(d.originals.size() - 1);
      d.exact_names.emplace_back(HashText(norm.latin), static_cast<std::uint32_t>(d.names.size()));
      for (text::NameToken& t : norm.tokens) {
        auto [kit, knew] =
            data_->key_ids.try_emplace(t.key, static_cast<std::uint32_t>(d.keys.size()));
        if (knew) d.keys.push_back(KeyInfo{t.key, 0, 0, t.kind});
        auto [tit, tnew] =
            data_->text_ids.try_emplace(t.text, static_cast<std::uint32_t>(d.texts.size()));
        if (tnew) d.texts.push_back(t.text);
        d.tokens.push_back(IndexedToken{kit->second, tit->second, t.kind});
      }
      d.names.push_back(name);
    }
  }
  d.entity_names.push_back(static_cast<std::uint32_t>(d.names.size()));
}

NameIndex NameIndexBuilder::Build() && {
  NameIndex::Data& d = data_->index;
  if (d.entity_names.empty()) d.entity_names.push_back(0);
  // Visits every distinct (name, key) pair, of retrievable keys only if asked.
  std::vector<std::uint32_t> last_name(d.keys.size());
  auto for_each_name_key = [&](bool retrievable_only, auto&& visit) {
    std::fill(last_name.begin(), last_name.end(), UINT32_MAX);
    for (std::uint32_t n = 0; n < d.names.size(); ++n) {
      for (std::uint32_t t = 0; t < d.names[n].token_count; ++t) {
        const IndexedToken& tok = d.tokens[d.names[n].first_token + t];
        if ((retrievable_only && !Retrievable(tok.kind)) || last_name[tok.key] == n) continue;
        last_name[tok.key] = n;
        visit(n, tok.key);
      }
    }
  };
  // Document frequency: entities holding each key (in any of their names). Counted by names,
  // an entity listed under twenty spellings of one name made that name look common.
  std::vector<std::uint32_t> last_entity(d.keys.size(), UINT32_MAX);
  for_each_name_key(false, [&](std::uint32_t n, std::uint32_t key) {
    if (last_entity[key] == d.names[n].entity) return;
    last_entity[key] = d.names[n].entity;
    ++d.keys[key].entities;
  });
  double total = std::max<double>(1, static_cast<double>(d.entities.size()));
  d.unknown_weight = static_cast<float>(std::log(1.0 + total));
  for (KeyInfo& k : d.keys) {
    double idf = std::log(1.0 + total / std::max<std::uint32_t>(1, k.entities));
    k.weight = KeyWeight(k.kind, k.key, static_cast<float>(idf));
  }
  for (IndexedName& n : d.names) {
    n.weight = 0;
    for (std::uint32_t t = 0; t < n.token_count; ++t) {
      n.weight += d.keys[d.tokens[n.first_token + t].key].weight;
    }
  }
  // Postings for retrievable keys, CSR: count, then fill.
  d.post_offsets.assign(d.keys.size() + 1, 0);
  for_each_name_key(true, [&](std::uint32_t, std::uint32_t key) { ++d.post_offsets[key + 1]; });
  for (std::size_t k = 0; k < d.keys.size(); ++k) d.post_offsets[k + 1] += d.post_offsets[k];
  d.postings.assign(d.post_offsets.back(), 0);
  std::vector<std::uint32_t> fill(d.post_offsets.begin(), d.post_offsets.end() - 1);
  for (bool people : {true, false}) {
    for_each_name_key(true, [&](std::uint32_t n, std::uint32_t key) {
      if ((d.names[n].schema == lists::Schema::kPerson) == people) d.postings[fill[key]++] = n;
    });
  }
  // Deletion neighbourhoods of name keys.
  std::vector<std::pair<std::uint64_t, std::uint32_t>> entries;
  std::vector<std::uint64_t> hashes;
  for (std::uint32_t k = 0; k < d.keys.size(); ++k) {
    if (d.keys[k].kind != TokenKind::kName) continue;
    VariantHashes(d.keys[k].key, hashes);
    for (std::uint64_t h : hashes) entries.emplace_back(h, k);
  }
  std::sort(entries.begin(), entries.end());
  entries.erase(std::unique(entries.begin(), entries.end()), entries.end());
  std::size_t slots = 16;
  while (slots * 2 < entries.size() * 3) slots *= 2;
  d.variant_key_bits = 16;
  while ((std::size_t{1} << d.variant_key_bits) < d.keys.size()) ++d.variant_key_bits;
  d.variants.assign(slots, 0);
  for (const auto& [h, k] : entries) {
    std::size_t at = VariantHome(h, slots - 1);
    while (d.variants[at] != 0) at = (at + 1) & (slots - 1);
    d.variants[at] = VariantTag(h, d.variant_key_bits) << d.variant_key_bits | k;
  }
  std::sort(d.identifiers.begin(), d.identifiers.end());
  std::sort(d.exact_names.begin(), d.exact_names.end());
  d.Derive();
  // Every key's fuzzy neighbours, as a query word with that key finds them (stored: about a
  // tenth of a second to find).
  d.similar_offsets.assign(1, 0);
  FuzzyScratch scratch;
  std::vector<std::pair<std::uint32_t, float>> found;
  for (std::uint32_t k = 0; k < d.keys.size(); ++k) {
    FindSimilarKeys(d, d.keys[k].key, k, scratch, found);
    d.similar.insert(d.similar.end(), found.begin(), found.end());
    d.similar_offsets.push_back(static_cast<std::uint32_t>(d.similar.size()));
  }
  AddGivenNameKeys(d);
  NameIndex index;
  index.data_ = std::make_unique<NameIndex::Data>(std::move(d));
  return index;
}

NameIndex::NameIndex() : data_(std::make_unique<Data>()) { data_->entity_names.push_back(0); }
NameIndex::NameIndex(NameIndex&&) noexcept = default;
NameIndex& NameIndex::operator=(NameIndex&&) noexcept = default;
NameIndex::~NameIndex() = default;

const EntityRef& NameIndex::entity(std::uint32_t index) const { return data_->entities[index]; }
std::size_t NameIndex::entity_count() const { return data_->entities.size(); }
std::size_t NameIndex::name_count() const { return data_->names.size(); }
std::size_t NameIndex::key_count() const { return data_->keys.size(); }

std::size_t NameIndex::memory_bytes() const {
  const Data& d = *data_;
  std::size_t bytes =
      d.names.size() * sizeof(IndexedName) + d.tokens.size() * sizeof(IndexedToken) +
      d.postings.size() * 4 + d.post_offsets.size() * 4 + d.variants.size() * 4 +
      d.similar_offsets.size() * 4 + d.similar.size() * 8 + d.identifiers.size() * 16 +
      d.keys.size() * (sizeof(KeyInfo) + 48) * 2 + d.key_bitmaps.size() * 8;
  for (const std::string& s : d.originals) bytes += s.capacity() + sizeof(s);
  for (const std::string& s : d.texts) bytes += s.capacity() + sizeof(s) + 48;
  for (const EntityRef& e : d.entities) {
    bytes += sizeof(e) + e.id.capacity() + e.caption.capacity() +
             32 * (e.countries.size() + e.identifiers.size() + e.birth_dates.size());
  }
  return bytes;
}

}  // namespace dualwatch::match
