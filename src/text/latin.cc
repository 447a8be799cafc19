// Transliteration of names to lower-case Latin ASCII.
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <memory>

#include "text/tables.h"
#include "text/text.h"

namespace dualwatch::text {
namespace {

using internal::AsciiLower;
using internal::HanTables;

// Russian, Ukrainian, Belarusian, Serbian, Macedonian, Kazakh letters, BGN/PCGN-like without
// diacritics. Soft and hard signs vanish. Index: code point - 0x400.
const char* CyrillicLatin(char32_t c) {
  static const char* const kBasic[] = {
      // 0x400-0x40F: Ѐ Ё Ђ Ѓ Є Ѕ І Ї Ј Љ Њ Ћ Ќ Ѝ Ў Џ
      "e", "e", "dj", "gj", "ye", "dz", "i", "yi", "j", "lj", "nj", "c", "kj", "i", "u", "dz",
      // 0x410-0x42F: А..Я
      "a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s",
      "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya",
      // 0x430-0x44F: а..я
      "a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s",
      "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya",
      // 0x450-0x45F: ѐ ё ђ ѓ є ѕ і ї ј љ њ ћ ќ ѝ ў џ
      "e", "e", "dj", "gj", "ye", "dz", "i", "yi", "j", "lj", "nj", "c", "kj", "i", "u", "dz"};
  if (c >= 0x400 && c <= 0x45F) return kBasic[c - 0x400];
  switch (c) {
    case 0x490:
    case 0x491:
      return "g";  // Ґ ґ
    case 0x492:
    case 0x493:
      return "g";  // Ғ ғ
    case 0x49A:
    case 0x49B:
      return "k";  // Қ қ
    case 0x4A2:
    case 0x4A3:
      return "n";  // Ң ң
    case 0x4AE:
    case 0x4AF:
      return "u";  // Ү ү
    case 0x4B0:
    case 0x4B1:
      return "u";  // Ұ ұ
    case 0x4BA:
    case 0x4BB:
      return "h";  // Һ һ
    case 0x4D8:
    case 0x4D9:
      return "a";  // Ә ә
    case 0x4E8:
    case 0x4E9:
      return "o";  // Ө ө
    default:
      return nullptr;
  }
}

// Latin letters that do not decompose to an ASCII base.
const char* LatinSpecial(char32_t c) {
  switch (c) {
    case U'ß':
      return "ss";
    case U'æ':
      return "ae";
    case U'ø':
      return "o";
    case U'œ':
      return "oe";
    case U'đ':
    case U'ð':
      return "d";
    case U'þ':
      return "th";
    case U'ł':
      return "l";
    case U'ı':
      return "i";
    case U'ŋ':
      return "n";
    case U'ħ':
      return "h";
    case U'ŧ':
      return "t";
    case U'ʻ':
    case U'ʿ':
    case U'ʾ':
      return "";
    default:
      return nullptr;
  }
}

bool IsApostrophe(char32_t c) {
  return c == '\'' || c == U'’' || c == U'ʼ' || c == '`' || c == U'‘' || c == U'´';
}

// Latin letters typed into Cyrillic words by clerks (ОOО, POCCИЯ): the Cyrillic look-alike.
char32_t CyrillicHomoglyph(char32_t c) {
  switch (c) {
    case 'a':
      return U'а';
    case 'b':
      return U'в';
    case 'c':
      return U'с';
    case 'e':
      return U'е';
    case 'h':
      return U'н';
    case 'i':
      return U'і';  // the Ukrainian and Belarusian і (Вiкторiвна)
    case 'k':
      return U'к';
    case 'm':
      return U'м';
    case 'o':
      return U'о';
    case 'p':
      return U'р';
    case 't':
      return U'т';
    case 'x':
      return U'х';
    case 'y':
      return U'у';
    default:
      return 0;
  }
}

// The Latin letter a Cyrillic one looks like (the reverse of CyrillicHomoglyph), or 0.
char32_t LatinHomoglyph(char32_t c) {
  for (char32_t latin = 'a'; latin <= 'z'; ++latin) {
    if (CyrillicHomoglyph(latin) == c) return latin;
  }
  return 0;
}

bool IsCyrillic(char32_t c) { return c >= 0x400 && c <= 0x52F; }
bool IsHan(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FA1F);
}

icu::Transliterator* ThreadTransliterator(const char* id) {
  thread_local std::unordered_map<std::string, std::unique_ptr<icu::Transliterator>> cache;
  auto& slot = cache[id];
  if (!slot) {
    UErrorCode status = U_ZERO_ERROR;
    slot.reset(icu::Transliterator::createInstance(id, UTRANS_FORWARD, status));
    if (U_FAILURE(status)) slot.reset();
  }
  return slot.get();
}

void AppendWord(std::string& out, std::string_view word) {
  if (word.empty()) return;
  if (!out.empty() && out.back() != ' ') out.push_back(' ');
  out.append(word);
}

// A run of Chinese characters: dictionary words by longest match; other characters as pinyin,
// grouped the way names are romanised: two characters as one word (天仪 → tianyi), longer runs
// in pairs. A run with no dictionary word is a person's name: three characters are a surname
// and a given name (习近平 → xi jinping), and so are two, the first a common surname, when the
// run is the whole name (`whole_name`: 赵伟 → zhao wei, listed "Wei ZHAO" as often as "ZHAO Wei";
// not 玛莎 Masha). Among an organisation's words, three characters are one name ("深圳市亿路发
// 科技" Shenzhen Yilufa Technology).
void AppendHan(std::u32string_view run, std::string& out, bool whole_name = false) {
  const HanTables& t = HanTables::Get();
  struct Found {
    std::size_t at, end;  // the word begins at `at`; it and a place's 市 / 省 / 县 end at `end`
    const HanTables::Prefix* word;
  };
  constexpr std::size_t kMaxFound = 32;  // words of a run; the rest of a longer one is spelled
  std::array<Found, kMaxFound> found;
  std::size_t count = 0;
  for (std::size_t i = 0; i < run.size() && count < kMaxFound;) {
    // The longest word from i: every prefix of a word is in the table.
    std::size_t best = 0;
    const HanTables::Prefix* word = nullptr;
    for (std::size_t len = 1; i + len <= run.size(); ++len) {
      const HanTables::Prefix* p = t.words.Find(HanTables::Key(run.substr(i, len)));
      if (p == nullptr) break;
      if (p->word) {
        best = len;
        word = p;
      }
      if (!p->longer) break;
    }
    if (best == 0) {
      ++i;
      continue;
    }
    std::size_t end = i + best;
    // The city, province or county a place is ("深圳市", "黑龙江省"), which names in Latin
    // letters leave out ("Shenzhen Bailiansheng Electronic Technology").
    if (word->place && end < run.size() &&
        (run[end] == U'市' || run[end] == U'省' || run[end] == U'县')) {
      ++end;
    }
    found[count++] = {i, end, word};
    i = end;
  }
  const bool persons = count == 0;
  const bool surname_first = persons && whole_name && run.size() == 2 && t.Surname(run[0]);
  // run[from, to) as pinyin.
  auto spell = [&](std::size_t from, std::size_t to) {
    const std::size_t n = to - from;
    std::string word;
    for (std::size_t i = 0; i < n; ++i) {
      word += t.Pinyin(run[from + i]);
      const bool surname = ((n == 3 && persons) || (n == 2 && surname_first)) && i == 0;
      if (surname || (n > 3 && i % 2 == 1) || i + 1 == n) {
        AppendWord(out, word);
        word.clear();
      }
    }
  };
  std::size_t from = 0;  // the first character not written yet
  for (std::size_t k = 0; k < count; ++k) {
    spell(from, found[k].at);
    AppendWord(out, found[k].word->latin);
    from = found[k].end;
  }
  spell(from, run.size());
}

bool IsHangulSyllable(UChar32 c) { return c >= 0xAC00 && c <= 0xD7A3; }

// Whether an Arabic-script word's final ى or ی is the alif maqsura, the a of these names and
// words: Mustafa, Musa, Isa, Yahya, Murtada (Morteza), Mujtaba, Huda, Layla, Salma, Muna,
// Bushra, Salwa, Najwa, Fadwa, Kubra, Sughra, al-Aqsa, al-A'la, Mawla. Compared with the
// Persian letters read as the Arabic ones (ی ي, ک ك) and the final letter as ى.
bool AlifMaqsura(const icu::UnicodeString& word) {
  static const icu::UnicodeString kNames[] = {
      u"مصطفى", u"موسى", u"عيسى",   u"يحيى",   u"مرتضى", u"مجتبى", u"هدى",  u"ليلى",   u"سلمى",
      u"منى",   u"بشرى", u"سلوى",   u"نجوى",   u"فدوى",  u"كبرى",  u"صغرى", u"الاقصى", u"الأقصى",
      u"اقصى",  u"أقصى", u"الاعلى", u"الأعلى", u"اعلى",  u"أعلى",  u"مولى"};
  icu::UnicodeString w = word;
  for (int32_t i = 0; i < w.length(); ++i) {
    if (w.charAt(i) == 0x6CC) w.setCharAt(i, 0x64A);
    if (w.charAt(i) == 0x6A9) w.setCharAt(i, 0x643);
  }
  w.setCharAt(w.length() - 1, 0x649);
  for (const icu::UnicodeString& name : kNames) {
    if (w == name) return true;
  }
  return false;
}

// Letters of scripts we have no table for (Arabic, Greek, Hangul, Kana, ...), through ICU: the
// words they read as. `run` is one word's letters.
std::string ReadOtherScript(const icu::UnicodeString& run) {
  std::string out;
  bool hangul = run.length() > 0;
  for (int32_t i = 0; i < run.length(); ++i) hangul = hangul && IsHangulSyllable(run.charAt(i));
  icu::Transliterator* any = ThreadTransliterator("Any-Latin; Latin-ASCII");
  if (!any) return out;
  icu::UnicodeString s = run;
  // A final ى or ی is the ya of most names (واحدى Vahedi, حقانى Haqqani, محمدی Mohammadi), and
  // the alif maqsura of some, an a (AlifMaqsura).
  if (const int32_t last = s.length() - 1;
      last >= 1 && (s.charAt(last) == 0x649 || s.charAt(last) == 0x6CC)) {
    s.setCharAt(last, static_cast<UChar>(AlifMaqsura(s) ? 0x627 : 0x64A));
  }
  // Persian ژ is the j of Latin spellings as often as their zh (بیژن Bijan / Bizhan, نژاد Nejad /
  // Nezhad): read as ج, j (a Latin word's zh is read so too: TokenOtherSkeleton).
  s.findAndReplace(icu::UnicodeString(static_cast<UChar>(0x698)),
                   icu::UnicodeString(static_cast<UChar>(0x62C)));
  // Ta marbuta is read as the vowel before it (أسامة Osama, فاطمة Fatima, بركات Barakat keeps its
  // t): ICU writes it t, which Latin spellings do not.
  s.findAndReplace(icu::UnicodeString(static_cast<UChar>(0x629)),
                   icu::UnicodeString(static_cast<UChar>(0x627)));
  // ICU writes ش sẖ, خ kẖ, ذ dẖ, ث tẖ, غ gẖ, and Latin-ASCII folds them to "sh" ... — as it
  // writes س followed by ه (سهيل "shyl" Suhayl, طه Taha, تهرانی Tehrani). A heh after such a letter
  // is written twice, "hh", which ConsonantSkeleton reads as a letter and an h, not one letter.
  for (int32_t i = s.length() - 1; i > 0; --i) {
    const UChar heh = s.charAt(i);
    // Also ح, ICU's ḥ, after د: "dh" is ذ, not the d and h of محمدحسین Mohammad-Hossein. (After
    // the others, Latin spellings write it as the digraph too: فتحی Fathi, اسحاق Ishaq.)
    if (heh == 0x62D && s.charAt(i - 1) == 0x62F) {
      s.insert(i, heh);
      continue;
    }
    if (heh != 0x647 && heh != 0x6BE) continue;
    switch (s.charAt(i - 1)) {
      case 0x633:  // س
      case 0x635:  // ص
      case 0x643:  // ك
      case 0x6A9:  // ک
      case 0x6AF:  // گ
      case 0x62A:  // ت
      case 0x637:  // ط
      case 0x62F:  // د
      case 0x636:  // ض
      case 0x67E:  // پ
        s.insert(i, heh);
        break;
      default:
        break;
    }
  }
  any->transliterate(s);
  // A script ICU has no transform for (Khmer, Lao) comes back as it was: a word of which ICU
  // wrote no letter is kept as letters it cannot read, each sign two letters of its code point,
  // so that a name meets the same name as written, at least. (A sign ICU leaves in a word it
  // did write, like the Pashto ځ, is dropped.)
  std::string word, unread;
  auto end_word = [&] {
    AppendWord(out, word.empty() ? unread : word);
    word.clear();
    unread.clear();
  };
  for (int32_t i = 0; i < s.length(); i = s.moveIndex32(i, 1)) {
    const UChar32 c = s.char32At(i);
    if (c >= 0x80) {
      // Letters ICU leaves outside ASCII (ʿ for ain, ʾ for hamza) belong to the word.
      UErrorCode status = U_ZERO_ERROR;
      const UScriptCode sc = uscript_getScript(c, &status);
      if (U_SUCCESS(status) && sc != USCRIPT_LATIN && sc != USCRIPT_COMMON &&
          sc != USCRIPT_INHERITED) {
        unread.push_back(static_cast<char>('a' + (c / 26) % 26));
        unread.push_back(static_cast<char>('a' + c % 26));
      }
      continue;
    }
    const char ch = static_cast<char>(c);
    if (std::isalnum(static_cast<unsigned char>(ch))) {
      word.push_back(AsciiLower(ch));
    } else if (hangul && ch == '-') {
      // ICU's mark between syllables that would read two ways (진우 "jin-u", not 지누 "jinu"):
      // within the word.
    } else if (ch != '\'' && ch != '`') {
      end_word();
    }
  }
  end_word();
  return out;
}

// ICU's transforms take tens of microseconds a word once a search has evicted their tables from
// the caches (some hundred cache misses), and names repeat their words: each thread keeps the
// words it has read, up to kReadWords of them (then starts again).
constexpr std::size_t kReadWords = 1 << 14;
void AppendOtherScript(const icu::UnicodeString& run, std::string& out) {
  thread_local std::unordered_map<std::u16string, std::string> read;
  std::u16string letters(run.getBuffer(), static_cast<std::size_t>(run.length()));
  auto it = read.find(letters);
  if (it == read.end()) {
    if (read.size() >= kReadWords) read.clear();
    it = read.emplace(std::move(letters), ReadOtherScript(run)).first;
  }
  AppendWord(out, it->second);
}

// A name written wholly in Hangul, of two to four syllables in one or two words, is a
// person's: a surname and a given name ("김경남", "영철 김"). Lists romanise such a name syllable
// by syllable ("KIM Kyong Nam", "Kyong-Nam", "RI Yong Ju"), and so is it read: each syllable a
// word. (An organisation's name in Hangul is longer: "합장강무역 회사".)
bool KoreanPersonsName(const std::u32string& cps) {
  std::size_t syllables = 0, words = 0;
  bool in_word = false;
  for (char32_t c : cps) {
    if (c == ' ') {
      in_word = false;
      continue;
    }
    if (!IsHangulSyllable(static_cast<UChar32>(c))) return false;
    ++syllables;
    words += !in_word;
    in_word = true;
  }
  return syllables >= 2 && syllables <= 4 && words <= 2;
}

// "L.X.C", "U.S.A.": dots between single letters join them ("lxc"), as an acronym is written
// without dots elsewhere. "J. R. R." (spaced) stays three initials.
// `letter(i)` says whether position i (any index, possibly past the end) holds a letter.
template <typename Letter>
bool JoinsInitials(std::size_t dot, Letter letter) {
  bool single_before = dot >= 1 && letter(dot - 1) && (dot == 1 || !letter(dot - 2));
  bool single_after = letter(dot + 1) && !letter(dot + 2);
  return single_before && single_after;
}

// "Bank's", "Kohl's": an apostrophe after a letter, then s ending the word, is English
// possession, not part of the name ("Deutsche Bank's AG" is Deutsche Bank AG). `letter(i)`
// and `is_s(i)` as in JoinsInitials.
template <typename Letter, typename IsS>
bool PossessiveAt(std::size_t apostrophe, Letter letter, IsS is_s) {
  return apostrophe >= 1 && letter(apostrophe - 1) && is_s(apostrophe + 1) &&
         !letter(apostrophe + 2);
}

std::string AsciiLatin(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char ch = s[i];
    unsigned char c = static_cast<unsigned char>(ch);
    if (ch == '.' && JoinsInitials(i, [&](std::size_t k) {
          return k < s.size() && std::isalpha(static_cast<unsigned char>(s[k]));
        })) {
      continue;
    }
    if ((ch == '\'' || ch == '`') &&
        PossessiveAt(
            i,
            [&](std::size_t k) {
              return k < s.size() && std::isalpha(static_cast<unsigned char>(s[k]));
            },
            [&](std::size_t k) { return k < s.size() && (s[k] == 's' || s[k] == 'S'); })) {
      ++i;  // the s
      continue;
    }
    if (std::isalnum(c)) {
      if (space && !out.empty()) out.push_back(' ');
      space = false;
      out.push_back(AsciiLower(static_cast<char>(c)));
    } else if (ch != '\'' && ch != '`') {
      space = true;
    }
  }
  return out;
}

// The code points of `utf8`, NFKC-normalised and case-folded.
std::u32string FoldedCodePoints(std::string_view utf8) {
  // ASCII and the basic Cyrillic letters (U+0400-U+045F), as most Russian names are written,
  // without ICU: NFKC leaves them as they are and case folding lowers them (A-Z; Ѐ-Џ to ѐ-џ,
  // А-Я to а-я). Anything else (a combining mark, another letter, invalid UTF-8) goes to ICU.
  std::u32string cps;
  cps.reserve(utf8.size());
  std::size_t i = 0;
  while (i < utf8.size()) {
    const auto b = static_cast<unsigned char>(utf8[i]);
    if (b < 0x80) {
      cps.push_back(static_cast<unsigned char>(AsciiLower(utf8[i++])));
      continue;
    }
    const auto next = i + 1 < utf8.size() ? static_cast<unsigned char>(utf8[i + 1]) : 0;
    const char32_t c = (char32_t{b} & 0x1F) << 6 | (next & 0x3F);
    if ((b != 0xD0 && b != 0xD1) || (next & 0xC0) != 0x80 || c > 0x45F) break;
    cps.push_back(c <= 0x40F ? c + 0x50 : c <= 0x42F ? c + 0x20 : c);
    i += 2;
  }
  if (i == utf8.size()) return cps;
  cps.clear();
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
  icu::UnicodeString text = nfkc_cf->normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(
                                                   utf8.data(), static_cast<int32_t>(utf8.size()))),
                                               status);
  for (int32_t i = 0; i < text.length();) {
    UChar32 c = text.char32At(i);
    cps.push_back(static_cast<char32_t>(c));
    i += U16_LENGTH(c);
  }
  return cps;
}

}  // namespace

bool IsKoreanPersonsName(std::string_view utf8) {
  for (char c : utf8) {
    // Hangul syllables are EA-ED in UTF-8: a name without such a byte has none.
    const auto b = static_cast<unsigned char>(c);
    if (b >= 0xEA && b <= 0xED) return KoreanPersonsName(FoldedCodePoints(utf8));
  }
  return false;
}

std::string ToLatin(std::string_view utf8) {
  bool ascii = true;
  for (char c : utf8) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii) return AsciiLatin(utf8);

  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  std::u32string cps = FoldedCodePoints(utf8);
  const bool has_han = std::any_of(cps.begin(), cps.end(), IsHan);
  if (has_han) {
    // Traditional characters to simplified, so that the word list applies to both: ICU's
    // Traditional-Simplified, one character at a time (data/text/han_simplified.tsv).
    const HanTables& han = HanTables::Get();
    for (char32_t& c : cps) c = han.Simplified(c);
    // 々 repeats the character before it: 佐々木 is 佐佐木 (Sasaki). (ICU's Any-Latin read it
    // as no letter, and built its Han-Latin transform for it, some 850M instructions.)
    for (std::size_t k = 1; k < cps.size(); ++k) {
      if (cps[k] == 0x3005 && IsHan(cps[k - 1])) cps[k] = cps[k - 1];
    }
  }
  // Look-alikes of the other script inside a word, as clerks type them: Latin letters in a
  // Cyrillic word (ОOО, POCCИЯ) are read as Cyrillic, Cyrillic ones in a Latin word (JSС,
  // "Сompany") as Latin. A word is read in the script its other letters leave it: the one
  // whose every letter it can be written in, and of two, the one most of its letters are in
  // (Cyrillic on a tie).
  for (std::size_t start = 0; start < cps.size();) {
    std::size_t end = start;
    std::size_t cyr = 0, lat = 0;
    bool as_cyrillic = true, as_latin = true;  // every letter has a look-alike there
    while (end < cps.size() && u_isalpha(static_cast<UChar32>(cps[end]))) {
      if (IsCyrillic(cps[end])) {
        ++cyr;
        as_latin = as_latin && LatinHomoglyph(cps[end]) != 0;
      } else if (cps[end] < 0x80) {
        ++lat;
        as_cyrillic = as_cyrillic && CyrillicHomoglyph(cps[end]) != 0;
      }
      ++end;
    }
    if (cyr > 0 && lat > 0) {
      const bool latin = as_latin && (!as_cyrillic || lat > cyr);
      for (std::size_t k = start; k < end; ++k) {
        if (char32_t h = latin ? LatinHomoglyph(cps[k]) : CyrillicHomoglyph(cps[k])) cps[k] = h;
      }
    }
    start = end + 1;
  }

  std::string out;
  if (KoreanPersonsName(cps)) {
    for (char32_t c : cps) {
      if (c != ' ') AppendOtherScript(icu::UnicodeString(static_cast<UChar32>(c)), out);
    }
    return out;
  }
  // A name of Chinese characters and nothing else but spaces and punctuation: its one run of
  // them is the whole name (AppendHan).
  std::size_t han_total = 0;
  for (char32_t c : has_han ? std::u32string_view(cps) : std::u32string_view()) {
    if (IsHan(c)) {
      ++han_total;
    } else if (u_isalnum(static_cast<UChar32>(c))) {
      han_total = 0;
      break;
    }
  }
  std::string word;
  std::u32string han_run;
  icu::UnicodeString other_run;
  auto flush_word = [&] {
    AppendWord(out, word);
    word.clear();
  };
  auto flush_runs = [&] {
    if (!han_run.empty()) {
      flush_word();
      AppendHan(han_run, out, han_run.size() == han_total);
      han_run.clear();
    }
    if (!other_run.isEmpty()) {
      flush_word();
      AppendOtherScript(other_run, out);
      other_run.remove();
    }
  };
  for (std::size_t at = 0; at < cps.size(); ++at) {
    char32_t c = cps[at];
    UChar32 uc = static_cast<UChar32>(c);
    // "S.A." joins, and "Bank's" loses its s, as in AsciiLatin, whatever script the rest of
    // the name is in.
    auto letter = [&](std::size_t k) {
      return k < cps.size() && u_isalpha(static_cast<UChar32>(cps[k]));
    };
    if (c == '.' && JoinsInitials(at, letter)) continue;
    if (IsApostrophe(c) &&
        PossessiveAt(at, letter, [&](std::size_t k) { return k < cps.size() && cps[k] == 's'; })) {
      ++at;  // the s
      continue;
    }
    if (IsHan(c)) {
      if (!other_run.isEmpty()) flush_runs();
      flush_word();
      han_run.push_back(c);
      continue;
    }
    if (!han_run.empty()) flush_runs();
    if (c < 0x80) {
      if (!other_run.isEmpty()) flush_runs();
      if (std::isalnum(static_cast<int>(c))) {
        word.push_back(static_cast<char>(c));
      } else if (!IsApostrophe(c)) {
        flush_word();
      }
      continue;
    }
    if (IsApostrophe(c) || u_charType(uc) == U_NON_SPACING_MARK) continue;
    if (const char* cyr = IsCyrillic(c) ? CyrillicLatin(c) : nullptr) {
      if (!other_run.isEmpty()) flush_runs();
      word.append(cyr);
      continue;
    }
    if (const char* special = LatinSpecial(c)) {
      word.append(special);
      continue;
    }
    UErrorCode st = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript(uc, &st);
    if (script == USCRIPT_LATIN) {
      icu::UnicodeString decomposed;
      nfd->normalize(icu::UnicodeString(uc), decomposed, st);
      UChar32 base = decomposed.char32At(0);
      if (base < 0x80 && std::isalnum(base)) word.push_back(AsciiLower(static_cast<char>(base)));
      continue;
    }
    if (u_isdigit(uc)) {
      word.push_back(static_cast<char>('0' + u_charDigitValue(uc)));
      continue;
    }
    if (u_isalpha(uc) || u_charType(uc) == U_COMBINING_SPACING_MARK) {
      flush_word();
      other_run.append(uc);
      continue;
    }
    flush_runs();
    flush_word();
  }
  flush_runs();
  flush_word();
  return out;
}

}  // namespace dualwatch::text
