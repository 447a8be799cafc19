// Descriptions → the normalised text the scanner sees (see Normalized in internal.h).
#include <libstemmer.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <memory>

#include "goods/internal.h"

namespace dualwatch::goods {
namespace {

constexpr char32_t kHanFirst = 0x3400, kHanLast = 0x9FFF;

bool IsHan(char32_t c) { return (c >= kHanFirst && c <= kHanLast) || (c >= 0xF900 && c <= 0xFAFF); }
bool IsCyrillic(char32_t c) { return c >= 0x0400 && c <= 0x04FF; }
// Inside a token only: "neo-m8n", "7.62x39", "walkie-talkie".
bool IsJoiner(char32_t c) { return c == '-' || c == '.' || c == '/' || c == ',' || c == '_'; }

char32_t Fold(char32_t c) {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  if (c >= 0x0410 && c <= 0x042F)
    c += 32;  // А..Я
  else if (c >= 0x0400 && c <= 0x040F)
    c += 80;                                                // Ѐ..Џ
  if (c == 0x0451) return 0x0435;                           // ё → е
  if (c >= 0xFF01 && c <= 0xFF5E) return Fold(c - 0xFEE0);  // full-width ASCII
  if (c >= 0x0400 && c <= 0x04FF) return c;
  return static_cast<char32_t>(u_foldCase(static_cast<UChar32>(c), U_FOLD_CASE_DEFAULT));
}

void AppendUtf8(std::string& out, char32_t c) {
  char buf[4];
  int32_t len = 0;
  UBool error = false;
  U8_APPEND(buf, len, 4, static_cast<UChar32>(c), error);
  if (!error) out.append(buf, static_cast<std::size_t>(len));
}

// Harman's S-stemmer: English plurals to the singular ("batteries" → "battery", "drones" →
// "drone"). Porter's stemmer conflates too much for goods ("bearings" = "bear").
void StemEnglish(std::string& w) {
  auto ends = [&](std::string_view s) {
    return w.size() >= s.size() && w.compare(w.size() - s.size(), s.size(), s) == 0;
  };
  if (w.size() < 4) return;
  if (ends("ies") && !ends("eies") && !ends("aies")) {
    w.replace(w.size() - 3, 3, "y");
  } else if (ends("es") && !ends("aes") && !ends("ees") && !ends("oes")) {
    w.pop_back();
  } else if (ends("s") && !ends("us") && !ends("ss")) {
    w.pop_back();
  }
}

struct StemmerDeleter {
  void operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }
};

// Snowball's Russian stemmer: one per thread (a stemmer keeps state between calls).
void StemRussian(std::string& w) {
  thread_local std::unique_ptr<sb_stemmer, StemmerDeleter> stemmer(
      sb_stemmer_new("russian", "UTF_8"));
  if (!stemmer) return;
  const sb_symbol* s = sb_stemmer_stem(stemmer.get(), reinterpret_cast<const sb_symbol*>(w.data()),
                                       static_cast<int>(w.size()));
  if (!s) return;
  int len = sb_stemmer_length(stemmer.get());
  if (len > 0) w.assign(reinterpret_cast<const char*>(s), static_cast<std::size_t>(len));
}

}  // namespace

Normalizer::Normalizer() : simplified_(kHanLast - kHanFirst + 1, 0) {
  // Every CJK character through ICU's Traditional-Simplified once; most map to themselves.
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> t(
      icu::Transliterator::createInstance("Traditional-Simplified", UTRANS_FORWARD, status));
  if (U_FAILURE(status) || !t) return;
  // All at once (one call is ~50x faster than one per character), each character followed by
  // a space so that no two combine; per character only if the result does not line up.
  std::vector<char32_t> chars;
  icu::UnicodeString all;
  for (char32_t c = kHanFirst; c <= kHanLast; ++c) {
    if (!u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_IDEOGRAPHIC)) continue;
    chars.push_back(c);
    all.append(static_cast<UChar32>(c)).append(static_cast<UChar>(' '));
  }
  icu::UnicodeString mapped(all);
  t->transliterate(mapped);
  bool aligned = mapped.countChar32() == all.countChar32();
  for (std::size_t i = 0, at = 0; i < chars.size(); ++i) {
    char32_t c = chars[i];
    UChar32 to;
    if (aligned) {
      to = mapped.char32At(static_cast<int32_t>(at));
      at += static_cast<std::size_t>(U16_LENGTH(to)) + 1;
    } else {
      icu::UnicodeString one(static_cast<UChar32>(c));
      t->transliterate(one);
      to = one.countChar32() == 1 ? one.char32At(0) : static_cast<UChar32>(c);
    }
    if (to != static_cast<UChar32>(c)) simplified_[c - kHanFirst] = static_cast<char32_t>(to);
  }
}

void Normalizer::Run(std::string_view in, Normalized* out) const {
  out->text.assign(" ");
  out->tokens.clear();
  // The token being read: its folded characters and where it started.
  std::u32string raw;
  std::size_t raw_begin = 0, raw_end = 0;
  bool has_digit = false, has_other = false;  // other: letters of neither script
  auto emit = [&](std::string_view word, std::size_t ob, std::size_t oe, bool space_before) {
    if (space_before && out->text.back() != ' ') out->text.push_back(' ');
    Token t;
    t.begin = static_cast<std::uint32_t>(out->text.size());
    out->text.append(word);
    t.end = static_cast<std::uint32_t>(out->text.size());
    t.orig_begin = static_cast<std::uint32_t>(ob);
    t.orig_end = static_cast<std::uint32_t>(oe);
    out->tokens.push_back(t);
  };
  std::string word;
  auto flush = [&]() {
    while (!raw.empty() && IsJoiner(raw.back())) raw.pop_back();
    if (raw.empty()) return;
    if (has_digit) {  // a part number, a calibre, a code: whole, joiners kept
      word.clear();
      for (char32_t c : raw) AppendUtf8(word, c);
      emit(word, raw_begin, raw_end, true);
    } else {  // words, split at joiners, each stemmed by its script
      std::size_t start = 0;
      for (std::size_t i = 0; i <= raw.size(); ++i) {
        if (i < raw.size() && !IsJoiner(raw[i])) continue;
        if (i > start) {
          word.clear();
          bool cyr = false, latin = true;
          for (std::size_t k = start; k < i; ++k) {
            AppendUtf8(word, raw[k]);
            cyr = cyr || IsCyrillic(raw[k]);
            latin = latin && raw[k] < 0x80;
          }
          if (cyr && !has_other)
            StemRussian(word);
          else if (latin)
            StemEnglish(word);
          emit(word, raw_begin, raw_end, true);
        }
        start = i + 1;
      }
    }
    raw.clear();
    has_digit = has_other = false;
  };

  std::size_t i = 0;
  while (i < in.size()) {
    std::size_t at = i;
    UChar32 uc;
    int32_t pos = static_cast<int32_t>(i);
    U8_NEXT(in.data(), pos, static_cast<int32_t>(in.size()), uc);
    i = static_cast<std::size_t>(pos);
    if (uc < 0) {
      flush();
      continue;
    }
    char32_t c = Fold(static_cast<char32_t>(uc));
    if (IsHan(c)) {
      flush();
      if (c <= kHanLast && simplified_[c - kHanFirst] != 0) c = simplified_[c - kHanFirst];
      // Han characters run together: Chinese has no spaces, terms match inside the run.
      bool after_han =
          !out->tokens.empty() && out->tokens.back().orig_end == at && out->text.back() != ' ';
      std::string ch;
      AppendUtf8(ch, c);
      if (!after_han && out->text.back() != ' ') out->text.push_back(' ');
      emit(ch, at, i, false);
      continue;
    }
    bool alnum = c < 0x80 ? ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
                          : static_cast<bool>(u_isalnum(static_cast<UChar32>(c)));
    if (alnum || (IsJoiner(c) && !raw.empty())) {
      if (raw.empty()) raw_begin = at;
      raw.push_back(c);
      raw_end = i;
      if (c >= '0' && c <= '9')
        has_digit = true;
      else if (c >= 0x80 && !IsCyrillic(c) && alnum)
        has_other = true;
      continue;
    }
    flush();
  }
  flush();
  if (out->text.back() != ' ') out->text.push_back(' ');
}

}  // namespace dualwatch::goods
