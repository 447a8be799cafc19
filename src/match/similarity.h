// Private to match/: how two words are compared apart from any index: edit distance (plain
// and bit-parallel), the edit budget and similarity by length, the deletion variants that find
// keys within the budget, join forms of split and joined words, consonant skeletons across
// the Arabic-script divide. The index layout and the scorer are in index_data.h.
#ifndef DUALWATCH_MATCH_SIMILARITY_H_
#define DUALWATCH_MATCH_SIMILARITY_H_

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/text.h"

namespace dualwatch::match {

// How many spans of joined words start at a word, and their lengths (JoinedSpans).
inline constexpr int kJoinedSpans = 3;
inline constexpr int kJoinedSpanLength[kJoinedSpans] = {2, 3, 3};
inline constexpr std::size_t kMaxFuzzyKey = 32;  // longer keys match exactly or not at all

// HashText of a text that continues with `more`, from HashText of its start (FNV-1a reads a
// byte at a time): HashMore(HashText(a), b) == HashText(a + b); HashText("") is kHashStart.
inline constexpr std::uint64_t kHashStart = 1469598103934665603ull;
inline std::uint64_t HashMore(std::uint64_t h, std::string_view more) {
  for (char c : more) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return h;
}
// Edit distance, or limit + 1 as soon as it must exceed `limit`.
std::size_t Levenshtein(std::string_view a, std::string_view b, std::size_t limit);

// One side of Levenshtein, prepared for comparing with many others: the positions of each byte
// in it, for Hyyrö's bit-parallel optimal string alignment distance (a column of the table in
// one 64-bit word, about a dozen instructions per letter of the other side).
class OsaPattern {
 public:
  static constexpr std::size_t kMaxSize = 64;
  explicit OsaPattern(std::string_view pattern);
  // Levenshtein(pattern, text, limit).
  std::size_t Distance(std::string_view text, std::size_t limit) const;

 private:
  std::string_view pattern_;
  std::array<std::uint64_t, 256> positions_{};  // bit i: pattern[i] is that byte
};
// The slot tag of variant hash `h` (NameIndex::Data::variants): its top 32 - key_bits bits.
inline std::uint32_t VariantTag(std::uint64_t h, std::uint32_t key_bits) {
  auto tag = static_cast<std::uint32_t>(h >> (32 + key_bits));
  return tag == 0 ? 1 : tag;
}
// The home slot of variant hash `h` in a table of mask + 1 slots (the lowest bit of h is
// always 1, see VariantHashes).
inline std::size_t VariantHome(std::uint64_t h, std::size_t mask) { return (h >> 1) & mask; }
// Hashes of the deletion variants of a key: itself, one deletion if 4+ letters, two deletions
// if 7+ (none beyond kMaxFuzzyKey); never 0. A doubled letter gives one variant twice.
void VariantHashes(std::string_view key, std::vector<std::uint64_t>& out);
// Identifier values compared without case, spaces or punctuation.
std::string NormalizeIdentifier(std::string_view value);

// What a token contributes when words are split or joined: its key for names and numbers
// ("tiani"), its text for legal forms and organisation words ("jsc").
inline std::string_view JoinForm(text::TokenKind kind, std::string_view text,
                                 std::string_view key) {
  return kind == text::TokenKind::kName || kind == text::TokenKind::kNumber ? key : text;
}

// The consonant skeleton of a name token: a skeletal token's key without its "~", else
// text::ConsonantSkeleton of its text. Its other reading, TokenOtherSkeleton: a Latin word's v
// read as a waw, a Latin zh as a j (Bizhan / بیژن, which ToLatin reads "byjn"), an
// Arabic-script word without a final heh read as a vowel ("srh" / Sara), a Latin -ah without
// its h (Jumah / جمعة "jma"); empty when there is none or it is the same.
std::string TokenSkeleton(std::string_view text, std::string_view key);
// (`hebrew`: the token is a Hebrew-script word's, whose ב and פ are b or v and p or f: its other
// reading has them f, "pdrmn" / Federman, "srbyt" / Sharvit.)
std::string TokenOtherSkeleton(std::string_view text, std::string_view key, bool hebrew = false);
inline bool SkeletalKey(std::string_view key) { return !key.empty() && key[0] == '~'; }
// The skeleton of two words of an Arabic or Persian compound name written as one: ʿAbd ("bd"),
// Abu ("b"), Mohammad ("mhmd") + a name; a name + Allah ("lh"), Reza ("rd"), -zadeh ("dh"),
// -vand ("nd"), -khah ("kh") ...
// A letter ending the first and starting the second is one (ConsonantSkeleton joins repeats).
// Empty for other words, or when the whole is shorter than kMinJoinedSkeleton. (Any two words
// joined met too many names: 33 more false positives, "Dima Maman" / Dyumin.)
std::string JoinSkeletons(std::string_view first, std::string_view second);
inline constexpr std::size_t kMinJoinedSkeleton = 3;
// The spans of words joined from one word on: two words ("عبد" "الله"), and ʿAbd, the article
// and a name (or a name, the article and Din) as Latin spellings write them whole, with the
// article's l ("Abdellatif", "Salaheldin") and without it, as before a sun letter
// ("Abdurrahman" for "عبد" "ال" "رحمن", "Salahuddin").
// The skeletons of those spans from word `at` of `count` words ("" where none); `skeleton(i)`
// gives word i's skeleton ("" for none) and `skeletal(i)` its side of the script divide.
template <typename Skeleton, typename Skeletal>
std::array<std::string, kJoinedSpans> JoinedSpans(std::size_t count, std::size_t at,
                                                  Skeleton skeleton, Skeletal skeletal) {
  std::array<std::string, kJoinedSpans> out;
  if (at + 1 >= count || skeletal(at) != skeletal(at + 1)) return out;
  out[0] = JoinSkeletons(skeleton(at), skeleton(at + 1));
  if (at + 2 < count && skeletal(at) == skeletal(at + 2) && skeleton(at + 1) == "l") {
    const std::string first(skeleton(at)), third(skeleton(at + 2));
    if (first == "bd") {  // ʿAbd al-Malik: Abdelmalek, Abdurrahman
      out[1] = JoinSkeletons("bdl", third);
      out[2] = JoinSkeletons(first, third);
    } else if (third == "dn") {  // Salah al-Din: Salaheldin, Salahuddin
      out[1] = JoinSkeletons(first, "ldn");
      out[2] = JoinSkeletons(first, third);
    }
  }
  return out;
}
// Two words on one side of the script divide against one on the other, by consonants:
// "عبد الله" / Abdullah, "Abd Allah" / عبدالله, "رحمت الله" / Rahmatullah.
inline constexpr float kJoinedSkeletonSimilarity = 0.85f;
// Similarity of a skeletal token and a Latin or Cyrillic one with the same skeleton (and long
// vowels that agree), by its length. Three consonants or more at 0.9 (was 0.85): a name whose
// words all meet their Latin spellings so comes nearer the threshold ("وسيم عمر المسالمة" /
// "Waseem Omar AL-MASALMA" 0.73 -> 0.75; leave-one-out +0.15 points).
// One or two consonants are often a coincidence: raised to 0.6 / 0.8 they gained 0.25 points
// more but flagged the sample's "Eli Lilly" as لؤي العلي and "Sasol" as سهيل حسن.
// The Arabic-script word's letters count too (`letters`, its romanised text's length, long
// vowels included; unknown: kAnyLetters): هلال "hlal" / Hilal agree in four written letters, not
// only in the skeleton "hl", and score 0.85; three letters (عزيز "zyz" / Aziz) 0.8. Original
// script leave-one-out 81.5% -> 82.2%, 7 more false positives of 101,666.
inline constexpr std::size_t kAnyLetters = 99;
// The article ال, romanised "al", is the lists' al- or el-: the same word (TokenSim).
inline bool ArabicArticle(std::string_view abjad, std::string_view latin) {
  return abjad == "al" && (latin == "al" || latin == "el");
}
inline float SkeletonSimilarity(std::size_t len, std::size_t letters) {
  const float by_consonants = len >= 3 ? 0.9f : len == 2 ? 0.7f : 0.5f;
  const float by_letters = letters >= 4 ? 0.85f : letters == 3 ? 0.8f : 0.0f;
  return std::max(by_consonants, by_letters);
}

// Which letters (by code mod 32) a key holds. One edit changes at most two bits.
std::uint32_t LetterMask(std::string_view key);

// Edits allowed between two keys whose longer one has `len` letters.
inline std::size_t AllowedEdits(std::size_t len) {
  return len > kMaxFuzzyKey ? 0 : len >= 7 ? 2 : len >= 4 ? 1 : 0;
}
// Edits allowed between keys `a` and `b`. A consonant skeleton ("~hmd") has no vowels to
// misspell: one edit is another consonant, another name (حمدانی Hamdani / حمود Hamoud, سفير
// Safir / ساري Sari), so skeletons of fewer than 6 consonants match exactly or not at all, and
// longer ones within one edit.
inline std::size_t AllowedEdits(std::size_t len, bool skeletal) {
  return skeletal ? (len >= 7 ? 1 : 0) : AllowedEdits(len);
}
inline std::size_t AllowedEdits(std::string_view a, std::string_view b) {
  return AllowedEdits(std::max(a.size(), b.size()), SkeletalKey(a) || SkeletalKey(b));
}
// Similarity of two keys `edits` apart: 0.95 (1 - edits/len), so one edit in a long word costs
// little, in a short word much (jon/john 0.71, argumnet/argument 0.83, scholz/schulze 0.63).
// (The evaluation compared (1 - edits/len)^1.5: fewer false positives, lower recall and F1.)
inline float FuzzySimilarity(std::size_t edits, std::size_t len) {
  double r = 1.0 - static_cast<double>(edits) / static_cast<double>(len);
  return static_cast<float>(0.95 * r);
}

}  // namespace dualwatch::match

#endif  // DUALWATCH_MATCH_SIMILARITY_H_
