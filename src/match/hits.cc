// The hits of a query's words on the index's keys (Retrieval::FindHits): its own key, the keys
// within AllowedEdits, skeletons across the Arabic-script divide, words joined and split,
// Korean spellings, Russian place adjectives, and runs of initials that spell a list word.
#include <array>
#include <cstdint>

#include "match/retrieval.h"

namespace dualwatch::match {

using text::TokenKind;

void Retrieval::FindHits() {
  // Each name word's keys within AllowedEdits: for a key of the index, found when it was built.
  // Their entries are loaded for all the words before the first hit waits on one.
  for (QueryToken& q : qt) {
    if (q.kind != TokenKind::kName) continue;
    if (q.key_id >= 0) {
      const auto similar = d.SimilarKeys(static_cast<std::uint32_t>(q.key_id));
      q.similar.assign(similar.begin(), similar.end());
    } else {
      FindSimilarKeys(d, q.key, -1, s.fuzzy, q.similar);
      // A Belarusian or Ukrainian given name meets the Russian one (AddGivenNameKeys).
      if (const std::string_view name = text::GivenNameKey(q.key); name != q.key) {
        if (const std::int64_t k = d.key_ids.Find(name); k >= 0) {
          const std::pair<std::uint32_t, float> hit{static_cast<std::uint32_t>(k),
                                                    kGivenNameSimilarity};
          auto at =
              std::lower_bound(q.similar.begin(), q.similar.end(), hit,
                               [](const auto& a, const auto& b) { return a.first < b.first; });
          if (at == q.similar.end() || at->first != hit.first) {
            q.similar.insert(at, hit);
          } else {
            at->second = std::max(at->second, hit.second);
          }
        }
      }
    }
    for (const auto& [key, sim] : q.similar) __builtin_prefetch(&d.key_entries[key]);
  }
  for (std::size_t i = 0; i < qt.size(); ++i) {
    QueryToken& q = qt[i];
    // Joined words: "chang sha" = "changsha", and in Hangul in either order (as ScoreName):
    // "영철 김" = "gimyeongcheol"; the hit counts for both words.
    if (i + 1 < qt.size() && q.weight > 0 && qt[i + 1].weight > 0) {
      const bool hangul = prepared.script == text::Script::kHangul;
      for (int order = 0; order < (hangul ? 2 : 1); ++order) {
        const std::string& first = order == 0 ? q.join : qt[i + 1].join;
        const std::string& second = order == 0 ? qt[i + 1].join : q.join;
        std::int64_t k = JoinLookup(HashMore(HashText(first), second));
        if (k >= 0 && d.key_entries[k].kind == TokenKind::kName) {
          AddHit(i, static_cast<std::uint32_t>(k), 0.95f, 1, 1, false);
          AddHit(i + 1, static_cast<std::uint32_t>(k), 0.95f, 1, 1, false);
        }
      }
    }
    if (!Retrievable(q.kind)) {
      // A legal form may meet another legal form (0.3); other classes only their own key.
      const float list_side = q.kind == TokenKind::kLegalForm ? d.legal_form_weight : q.weight;
      const bool held_key = IsClass(q.kind) && q.key_id >= 0;
      AddHeld(held_key ? HeldBits(q.kind, static_cast<std::uint32_t>(q.key_id), q.text) : 0,
              q.weight, list_side);
      continue;
    }
    if (q.key_id >= 0) AddHit(i, static_cast<std::uint32_t>(q.key_id), 1.0f);
    if (q.kind == TokenKind::kName) {
      // An initial meets any list word with its letter (at kInitialSimilarity), of any weight.
      if (q.text.size() == 1) {
        AddHeld(InitialHeld(q.text.front()), q.weight, d.unknown_weight, kInitialSimilarity);
      }
      // Keys within AllowedEdits (found above).
      for (const auto& [key, sim] : q.similar) AddHit(i, key, sim);
      // Arabic-script words against Latin ones (and back), by consonants.
      for (std::int64_t skeleton : {q.skeleton, q.other_skeleton}) {
        if (skeleton < 0) continue;
        // A list word's letters are not known here: the most its skeleton can score.
        float sim =
            SkeletonSimilarity(d.skeleton_ids.Text(static_cast<std::uint32_t>(skeleton)).size(),
                               q.skeletal ? q.text.size() : kAnyLetters);
        if (q.skeletal ? ArabicArticle(q.text, "al") : ArabicArticle("al", q.text)) sim = 1;
        for (std::uint32_t k : d.SkeletonKeysAcross(skeleton, q.skeletal)) AddHit(i, k, sim);
      }
      // This word and the next (or the next two) joined against one word across the script
      // divide, and this word against two or three joined ("عبد الله" / Abdullah, ScoreName's
      // "joined"): each word of a span carries its share of the key's weight.
      for (int span = 0; span < kJoinedSpans; ++span) {
        const std::int64_t id = q.joined_skeletons[span];
        const int length = kJoinedSpanLength[span];
        if (id < 0) continue;
        for (std::uint32_t k : d.SkeletonKeysAcross(id, q.skeletal)) {
          for (int w = 0; w < length; ++w) {
            AddHit(i + w, k, kJoinedSkeletonSimilarity, 1, 1.0f / static_cast<float>(length),
                   false);
          }
        }
      }
      // A name holding the joined words holds the rarest: its postings alone find the name, and
      // its hit carries all their keys' weights (the commoner, "ال" or "الله", are in thousands
      // of names).
      if (q.skeleton >= 0) {
        for (const std::array<std::uint32_t, 3>& words :
             d.joined_skeleton_keys[static_cast<std::size_t>(q.skeleton)]) {
          if (d.key_entries[words[0]].skeletal == q.skeletal) continue;
          std::uint32_t rarer = words[0];
          float w = q.weight;
          for (std::uint32_t k : words) {
            if (k == UINT32_MAX) continue;
            w += d.key_entries[k].weight;
            if (d.post_offsets[k + 1] - d.post_offsets[k] <
                d.post_offsets[rarer + 1] - d.post_offsets[rarer]) {
              rarer = k;
            }
          }
          per_token[i].hits.push_back(
              {rarer, q.weight, w, kJoinedSkeletonSimilarity, true, true, false});
          per_token[i].most = std::max(per_token[i].most, w);
        }
      }
      // The other romanisations of a Korean syllable, in a Korean name (TokenSim).
      if (prepared.korean && !q.korean.empty()) {
        for (const std::string& spelling : text::KoreanSpellings(q.text)) {
          std::int64_t k = d.key_ids.Find(text::RomanizationKey(spelling));
          if (k >= 0 && k != q.key_id) AddHit(i, static_cast<std::uint32_t>(k), kKoreanSimilarity);
        }
      }
      // A Russian place adjective and its place, between organisations' names (TokenSim).
      if (!prepared.person) {
        for (std::uint32_t stem : q.stems.stems) {
          if (stem == UINT32_MAX) continue;
          for (std::uint32_t k : d.stem_keys[stem]) {
            if (PlaceOf(q.stems, d.key_stems[k])) AddHit(i, k, kPlaceSimilarity);
          }
        }
      }
      // Split words: "jscargument" = "jsc" + "argument", into parts of two letters or more, as
      // ScoreName joins them. Each part carries the word's whole weight: a part is found by its
      // join form, and the list word that writes it may hold another key ("jsc" a name's word,
      // "JSC" of "JSC ARGUMENT" a legal form), which no posting of that name shows.
      if (q.join.size() <= kMaxFuzzyKey && !d.join_table.empty()) {
        std::string_view whole = q.join;
        // Every cut's two halves hashed, and their slots loaded, before the first is probed.
        std::array<std::uint64_t, kMaxFuzzyKey + 1> lefts, rights;
        std::uint64_t left = HashText(whole.substr(0, 1));
        for (std::size_t cut = 2; cut + 2 <= whole.size(); ++cut) {
          left = HashMore(left, whole.substr(cut - 1, 1));
          lefts[cut] = left | 1;
          rights[cut] = HashText(whole.substr(cut)) | 1;
          __builtin_prefetch(&d.join_table[d.JoinHome(lefts[cut])]);
          __builtin_prefetch(&d.join_table[d.JoinHome(rights[cut])]);
        }
        std::vector<Hit>& hits = per_token[i].hits;
        // What a half's form can give a name holding it under a key other than its slot's, whose
        // postings miss that name ("PO CHON", its "po" an organisation word, for "POCHON"): such a
        // name holds the other half too, whose hit carries it when that half's postings show
        // every name holding its form; else the bound does (the word is split once in a name:
        // the most of any cut), for the names holding such a class, or for all.
        float others_class = 0, others_other = 0;
        std::uint64_t others_holds = 0;
        for (std::size_t cut = 2; cut + 2 <= whole.size(); ++cut) {
          const NameIndex::Data::JoinSlot* left_slot = d.FindJoinSlot(lefts[cut]);
          if (left_slot == nullptr) continue;
          const NameIndex::Data::JoinSlot* right_slot = d.FindJoinSlot(rights[cut]);
          if (right_slot == nullptr) continue;
          const std::array<const NameIndex::Data::JoinSlot*, 2> slots{left_slot, right_slot};
          std::array<std::size_t, 2> hit_of{SIZE_MAX, SIZE_MAX};
          float both = q.weight;
          const std::size_t first = hits.size();
          for (std::size_t side = 0; side < 2; ++side) {
            const std::uint32_t k = slots[side]->key;
            float most = d.key_entries[k].weight;
            if (Retrievable(d.key_entries[k].kind)) {
              hit_of[side] = hits.size();
              AddHit(i, k, 0.95f);
            } else {
              AddExtra(0, most);  // no postings: its share goes to the bound
            }
            if (slots[side]->shared()) {
              const NameIndex::Data::JoinOthers& o = d.join_others[slots[side]->others - 1];
              most = std::max({most, o.class_weight, o.other_weight});
            }
            both += most;
          }
          float cut_class = 0, cut_other = 0;
          for (std::size_t side = 0; side < 2; ++side) {
            if (!slots[side]->shared()) continue;
            const NameIndex::Data::JoinOthers& o = d.join_others[slots[side]->others - 1];
            const std::size_t other = 1 - side;
            if (hit_of[other] != SIZE_MAX && !slots[other]->shared()) {
              hits[hit_of[other]].weight += std::max(o.class_weight, o.other_weight);
              continue;
            }
            cut_class += o.class_weight;
            cut_other += o.other_weight;
            others_holds |= o.class_holds;
          }
          others_class = std::max(others_class, cut_class);
          others_other = std::max(others_other, cut_other);
          per_token[i].most = std::max(per_token[i].most, both);
          // A name holding the split holds both halves: when every list word written as the
          // weightier half holds its key, that half's postings find every such name, and the
          // other half (often a particle in thousands of names, "al", "de") only adds to them.
          // Of equal weights, the first added is first in MaxScore's order (ChooseStarters), so
          // that the leader starts whenever the follower would have.
          if (hits.size() == first + 2 && left_slot->key != right_slot->key) {
            const bool left_leads = hits[first].weight > hits[first + 1].weight;
            const NameIndex::Data::JoinSlot* lead = left_leads ? left_slot : right_slot;
            if (!lead->shared()) {
              hits[left_leads ? first + 1 : first].leader =
                  static_cast<std::int32_t>(left_leads ? first : first + 1);
            }
          }
        }
        if (others_class > 0) AddHeld(others_holds, 0, others_class, 0.95f);
        if (others_other > 0) AddExtra(0, others_other, 0.95f);
      }
    }
  }

  // A run of the query's words whose initials spell a list word ("State Rocket Centre" / SRC):
  // each word of the run carries its share of the key's weight (AddAcronymPairs).
  for (const PreparedQuery::InitialsRun& run : prepared.initials_runs) {
    int words = 0;
    for (int i = run.first; i <= run.last; ++i) words += qt[i].kind != TokenKind::kStopword;
    for (int i = run.first; i <= run.last; ++i) {
      if (qt[i].kind == TokenKind::kStopword) continue;
      AddHit(i, run.key, kAcronymRunSimilarity, 1, 1.0f / static_cast<float>(words), false);
    }
  }
}

}  // namespace dualwatch::match
