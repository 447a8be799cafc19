// Romanisation keys of words: the variants of one spelling folded to one (RomanizationKey), and
// the stems a Russian place adjective's key stands for (PlaceStemsOfKey).
#include <algorithm>
#include <array>
#include <string>

#include "text/tables.h"
#include "text/text.h"

namespace dualwatch::text {
namespace {

// Romanisation variants folded to one spelling, longest first at each position. Some fold
// otherwise after a letter of some kind (the letter folded before them): to `in_context`, which
// takes that letter's place when `replaces_before`.
enum class Before : unsigned char { kAny, kO, kConsonant };
struct Rule {
  std::string_view from;
  std::string_view to;
  Before before = Before::kAny;
  std::string_view in_context = {};
  bool replaces_before = false;
};
// (No j-rules: "john" and "jon" must stay apart from "on"; German-style "Jurij" still comes
// within one edit of "Yuriy".) English "dge" is the sound Russian writes дж: "Bridge" / ООО ПВ
// Бридж "bridzh", "Bridgetech" / Бриджтех.
constexpr std::array<Rule, 28> kRules{{
    {"shch", "sh"},
    {"sch", "sh"},
    {"tch", "ch"},
    {"tci", "ci"},  // ци as GOST 7.79's "tci" ("AKTCIONERNOE"); not "Costco" / COSCO
    {"dzh", "j"},
    {"dge", "j"},
    {"zh", "j"},
    {"kh", "h"},
    {"ts", "c"},
    {"tz", "c"},
    {"cz", "c"},
    {"ck", "k"},
    {"ph", "f"},
    {"iy", "i"},
    {"yi", "i"},
    {"ij", "i"},
    {"yu", "u"},
    {"iu", "u"},
    {"ya", "a"},
    {"ia", "a"},
    // The е of "stroyeniya" is the е of "stroeniya": after an o, as "oe" reads. The ё after a
    // consonant, written "yo" or "e": Pyotr / Petr, Fyodor / Fedor.
    {"ye", "e", Before::kO, "u", true},
    {"yo", "o", Before::kConsonant, "e"},
    {"ou", "u"},
    {"oe", "u"},
    {"x", "ks"},
    {"y", "i"},
    {"w", "v"},
    {"q", "k"},
}};

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// Whether `rule` folds in context after the folded letter `last`.
bool InContext(const Rule& rule, char last) {
  switch (rule.before) {
    case Before::kO:
      return last == 'o';
    case Before::kConsonant:
      return last != '\0' && !IsVowel(last);
    case Before::kAny:
      return false;
  }
  return false;
}

// The rules by the letter they start with, each letter's in kRules' order: at a letter only
// its own are tried (a letter starts at most six).
struct RulesByLetter {
  std::array<std::array<std::uint8_t, 6>, 256> rules{};
  std::array<std::uint8_t, 256> count{};
};
constexpr RulesByLetter kRulesByLetter = [] {
  RulesByLetter by;
  for (std::size_t r = 0; r < kRules.size(); ++r) {
    const auto letter = static_cast<unsigned char>(kRules[r].from[0]);
    by.rules[letter][by.count[letter]++] = static_cast<std::uint8_t>(r);
  }
  return by;
}();

// Letters written one at a time into room sized beforehand (std::string's push_back is a call
// per letter, where the keys of every query's words are made): on the stack for a word of up to
// kInline letters, which nearly every word is, else on the heap.
class Letters {
 public:
  static constexpr std::size_t kInline = 64;
  explicit Letters(std::size_t room) {
    if (room > kInline) {
      heap_.resize(room);
      text_ = heap_.data();
    }
  }
  Letters(const Letters&) = delete;
  Letters& operator=(const Letters&) = delete;
  void push_back(char c) { text_[size_++] = c; }
  void append(std::string_view s) {
    for (char c : s) text_[size_++] = c;
  }
  void pop_back() { --size_; }
  char& back() { return text_[size_ - 1]; }
  bool empty() const { return size_ == 0; }
  std::size_t size() const { return size_; }
  std::string_view view() const { return {text_, size_}; }

 private:
  std::array<char, kInline> inline_;
  std::string heap_;
  char* text_ = inline_.data();
  std::size_t size_ = 0;
};

// Whether `text` holds `part` at `at` (a rule's few letters: no call to memcmp).
bool HoldsAt(std::string_view text, std::size_t at, std::string_view part) {
  if (text.size() - at < part.size()) return false;
  for (std::size_t k = 0; k < part.size(); ++k) {
    if (text[at + k] != part[k]) return false;
  }
  return true;
}

}  // namespace

std::string RomanizationKey(std::string_view word) {
  // Within a word, j before a vowel is the y of German, Swedish, Polish and Czech spellings of
  // Russian names: "Sergejevitj" / "Sergeyevich", "Ljubarskij" / "Lyubarsky", "Pjotr". A first
  // j stays ("John", "Jamal"). French "dj" is that first j ("Djamel" / "Jamal"). After t, s
  // or z a j makes the Swedish and Dutch digraphs of ч, ш and ж: "Jurjevitj" / "Yurevich",
  // "Mirosjnitjenko" / "Miroshnichenko", "Tsjernysjov" / "Chernyshov".
  Letters letters(word.size());  // no rule below lengthens the word
  for (std::size_t k = 0; k < word.size(); ++k) {
    char c = word[k];
    if (c == 'd' && k + 1 < word.size() && word[k + 1] == 'j') continue;
    if (c == 'j' && !letters.empty() &&
        (letters.back() == 't' || letters.back() == 's' || letters.back() == 'z')) {
      const bool tsj =
          letters.back() == 's' && letters.size() >= 2 && letters.view()[letters.size() - 2] == 't';
      if (tsj) letters.pop_back();
      letters.back() = letters.back() == 't' ? 'c' : letters.back();
      letters.push_back('h');
      continue;
    }
    if (c == 'j' && !letters.empty() && k + 1 < word.size() && IsVowel(word[k + 1])) c = 'y';
    // A doubled letter counts once, before the rules read it too: "Fayyad" folds as "Fayad",
    // "Seyyed" as "Seyed" (the ya of "yya" is the rule's, not a second y's).
    if (!letters.empty() && letters.back() == c) continue;
    // The Arabic diphthong aw before a consonant is written o too: Nawfal / Nofal, Shawkat /
    // Shokat.
    if (c == 'w' && !letters.empty() && letters.back() == 'a' && k + 1 < word.size() &&
        !IsVowel(word[k + 1]) && word[k + 1] != 'y' && word[k + 1] != 'w') {
      letters.back() = 'o';
      continue;
    }
    letters.push_back(c);
  }
  // Belarusian romanises ў: a surname's -ov is -ou ("BARSUKOU" / "Barsukov", "RADZKOU"), and
  // -au where the o is unstressed, which Belarusian writes a ("ВОІНАЎ" VOINAU / Voinov).
  if (letters.size() >= 5 && (letters.view().ends_with("ou") || letters.view().ends_with("au")) &&
      !IsVowel(letters.view()[letters.size() - 3])) {
    letters.pop_back();
    letters.back() = 'o';
    letters.push_back('v');
  }
  const std::string_view token = letters.view();
  Letters folding(2 * token.size());  // "x" -> "ks" at most doubles it
  std::size_t i = 0;
  while (i < token.size()) {
    const auto letter = static_cast<unsigned char>(token[i]);
    bool matched = false;
    for (std::size_t k = 0; k < kRulesByLetter.count[letter]; ++k) {
      const Rule& r = kRules[kRulesByLetter.rules[letter][k]];
      if (HoldsAt(token, i, r.from)) {
        if (InContext(r, folding.empty() ? '\0' : folding.back())) {
          if (r.replaces_before) folding.pop_back();
          folding.append(r.in_context);
        } else {
          folding.append(r.to);
        }
        i += r.from.size();
        matched = true;
        break;
      }
    }
    if (!matched) folding.push_back(token[i++]);
  }
  std::string folded(folding.view());
  // Patronymic endings as other languages write -ovich/-evich, once folded: German -owitsch
  // ("vicch"), Catalan -ovitx ("vitks"), Polish -owicz, Czech -ovič ("vic"). (Swedish -ovitj
  // and Dutch -ovitsj are -ovich already.)
  static constexpr std::string_view kPatronymicEnds[] = {"vicch", "vitks", "vic"};
  for (std::string_view end : kPatronymicEnds) {
    if (folded.size() > end.size() + 4 &&
        folded.compare(folded.size() - end.size(), end.size(), end) == 0 &&
        (folded[folded.size() - end.size() - 1] == 'o' ||
         folded[folded.size() - end.size() - 1] == 'e')) {
      folded.replace(folded.size() - end.size(), end.size(), "vich");
      break;
    }
  }
  // Belarusian patronymics: -avich, -auna ("Mikhailavich" / "Mikhailovich", "Mikhailauna").
  if (folded.size() > 9 && folded.ends_with("avich")) folded[folded.size() - 5] = 'o';
  if (folded.size() > 8 && folded.ends_with("auna")) folded.replace(folded.size() - 4, 2, "ov");
  // Latvian and Lithuanian endings of Russian names: Lavrovs, Lavrovas / Lavrov; Sergejs,
  // Nikolajs / Sergei, Nikolai.
  auto ends = [&](std::string_view end) {
    return folded.size() > end.size() + 3 &&
           folded.compare(folded.size() - end.size(), end.size(), end) == 0;
  };
  if (ends("ovs") || ends("evs")) {
    folded.pop_back();
  } else if (ends("ovas") || ends("evas")) {
    folded.resize(folded.size() - 2);
  } else if (ends("js") && IsVowel(folded[folded.size() - 3])) {
    folded.replace(folded.size() - 2, 2, "i");
  }
  // Russian adjectives of -ical, as folded (-icheskiy, -icheskaya, -icheskoye, -icheskogo ...),
  // are the English word: "elektrotekhnicheskiy" / "electrotechnical", "tekhnicheskiy" /
  // "technical", "khimicheskiy" / "chemical", within an edit or two of each other's keys.
  static constexpr std::string_view kAdjectiveEnds[] = {"icheskogo", "icheskih", "icheskoi",
                                                        "icheskie",  "icheskii", "icheskaa",
                                                        "icheski",   "ichesku"};
  for (std::string_view end : kAdjectiveEnds) {
    if (ends(end)) {
      folded.replace(folded.size() - end.size(), end.size(), "ical");
      break;
    }
  }
  // Doubled letters count once ("ll" in "Kirill"/"Kiril"), in place.
  std::string key = std::move(folded);
  std::size_t kept = 0;
  for (char c : key) {
    if (kept == 0 || key[kept - 1] != c || (c >= '0' && c <= '9')) key[kept++] = c;
  }
  key.resize(kept);
  // A word is never folded to one letter: that is an initial's key, which weighs little
  // ("yu" 玉 and "yi" would both be "u" and "i", and differ at no cost). An iotated vowel of
  // two letters is the initial of Я, Ю, Е, Ё however romanised ("Ya. M. Sverdlov" / "Ia. M.
  // Sverdlov"): y and the vowel.
  if (key.size() == 1 && word.size() > 1) {
    if (word.size() == 2 && (word[0] == 'y' || word[0] == 'i') && IsVowel(key[0])) {
      return std::string{'y', key[0]};
    }
    return std::string(word);
  }
  return key;
}

PlaceStems PlaceStemsOfKey(std::string_view key) {
  PlaceStems out;
  if (key.empty() || key[0] == '~' || internal::HasDigit(key)) {
    return out;
  }
  auto ends = [&](std::string_view end) {
    return key.size() >= end.size() && key.substr(key.size() - end.size()) == end;
  };
  // Adjective endings as RomanizationKey leaves them: -skiy, -skii, -sky, -skij → "ski";
  // -skaya → "ska"; -skoe, -skoye → "sku" (oe); -skikh → "skih".
  // (Not the prepositional -skom: "Transkom" is a name.) A stem's c is a k: Moscow, moskovskiy.
  auto stem = [&](std::size_t cut) {
    std::string s(key.substr(0, key.size() - cut));
    std::replace(s.begin(), s.end(), 'c', 'k');
    return s;
  };
  for (std::string_view end : {"skogo", "skih", "skoi", "skie", "ski", "ska", "sku"}) {
    if (ends(end) && key.size() - end.size() >= kMinPlaceStem) {
      out.adjective = true;
      out.stems[0] = stem(end.size());
      return out;
    }
  }
  if (key.size() >= kMinPlaceStem) out.stems[0] = stem(0);
  std::size_t cut = ends("sk") ? 2 : IsVowel(key.back()) ? 1 : 0;
  if (cut > 0 && key.size() - cut >= kMinPlaceStem) out.stems[1] = stem(cut);
  // A key's -ov may be a place's -au (RomanizationKey reads it as Belarusian): Kumertau, whose
  // adjective keeps its au (Кумертауская).
  if (cut == 0 && ends("ov") && key.size() >= kMinPlaceStem) {
    out.stems[1] = stem(2) + "au";
  }
  return out;
}

}  // namespace dualwatch::text
