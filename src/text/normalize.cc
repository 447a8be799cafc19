// Case folding, whitespace and script detection through ICU.
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cctype>

#include "text/text.h"

namespace dualwatch::text {

std::string FoldCase(std::string_view utf8) {
  // NFKC_Casefold maps ASCII to ASCII lower case and nothing else: skip ICU for the common case
  // (trade records are mostly ASCII; the screen folds every country and name field).
  if (std::all_of(utf8.begin(), utf8.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    std::string result(utf8);
    for (char& c : result) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return result;
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
  icu::UnicodeString in = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  icu::UnicodeString out = nfkc_cf->normalize(in, status);
  std::string result;
  if (U_FAILURE(status)) return std::string(utf8);
  out.toUTF8String(result);
  return result;
}

std::string CollapseSpace(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  bool pending_space = false;
  std::size_t i = 0;
  while (i < utf8.size()) {
    // ASCII, most of most names, without ICU: its white space is tab to carriage return and the
    // space (Unicode's White_Space).
    if (const auto byte = static_cast<unsigned char>(utf8[i]); byte < 0x80) {
      ++i;
      if (byte == ' ' || (byte >= 0x09 && byte <= 0x0D)) {
        pending_space = !out.empty();
        continue;
      }
      if (pending_space) out.push_back(' ');
      pending_space = false;
      out.push_back(static_cast<char>(byte));
      continue;
    }
    UChar32 c;
    std::size_t start = i;
    int32_t pos = static_cast<int32_t>(i);
    U8_NEXT(utf8.data(), pos, static_cast<int32_t>(utf8.size()), c);
    i = static_cast<std::size_t>(pos);
    if (c >= 0 && (u_isUWhiteSpace(c) || c == 0xA0 || c == 0x200B || c == 0xFEFF)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.append(utf8.substr(start, i - start));
  }
  return out;
}

Script DetectScript(std::string_view utf8) {
  bool ascii = true, letters = false;
  for (char c : utf8) {
    ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    letters = letters || std::isalpha(static_cast<unsigned char>(c));
  }
  if (ascii) return letters ? Script::kLatin : Script::kNone;  // most names: no ICU needed
  std::array<int, 10> counts{};
  int32_t i = 0, n = static_cast<int32_t>(utf8.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(utf8.data(), i, n, c);
    // ASCII and the Cyrillic block's letters (all but its signs and combining marks U+0482-
    // U+0489) without ICU: the spaces, digits and punctuation of most names, and Russian ones.
    if (c >= 0 && c < 0x80) {
      counts[static_cast<int>(Script::kLatin)] += std::isalpha(c) != 0;
      continue;
    }
    if ((c >= 0x400 && c <= 0x481) || (c >= 0x48A && c <= 0x4FF)) {
      ++counts[static_cast<int>(Script::kCyrillic)];
      continue;
    }
    if (c < 0 || !u_isalpha(c)) continue;
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode sc = uscript_getScript(c, &status);
    Script s;
    switch (sc) {
      case USCRIPT_LATIN:
        s = Script::kLatin;
        break;
      case USCRIPT_CYRILLIC:
        s = Script::kCyrillic;
        break;
      case USCRIPT_HAN:
        s = Script::kHan;
        break;
      case USCRIPT_ARABIC:
        s = Script::kArabic;
        break;
      case USCRIPT_GREEK:
        s = Script::kGreek;
        break;
      case USCRIPT_HANGUL:
        s = Script::kHangul;
        break;
      case USCRIPT_HIRAGANA:
      case USCRIPT_KATAKANA:
        s = Script::kKana;
        break;
      case USCRIPT_HEBREW:
        s = Script::kHebrew;
        break;
      default:
        s = Script::kOther;
    }
    ++counts[static_cast<int>(s)];
  }
  // Any Kana makes it Japanese even when Han characters outnumber it.
  if (counts[static_cast<int>(Script::kKana)] > 0) return Script::kKana;
  int best = 0;
  for (int k = 1; k < static_cast<int>(counts.size()); ++k) {
    if (counts[k] > counts[best]) best = k;
  }
  return counts[best] == 0 ? Script::kNone : static_cast<Script>(best);
}

std::string_view ScriptName(Script script) {
  switch (script) {
    case Script::kNone:
      return "Zyyy";
    case Script::kLatin:
      return "Latn";
    case Script::kCyrillic:
      return "Cyrl";
    case Script::kHan:
      return "Hani";
    case Script::kArabic:
      return "Arab";
    case Script::kGreek:
      return "Grek";
    case Script::kHangul:
      return "Hang";
    case Script::kKana:
      return "Jpan";
    case Script::kHebrew:
      return "Hebr";
    case Script::kOther:
      return "Zzzz";
  }
  return "Zzzz";
}

}  // namespace dualwatch::text
