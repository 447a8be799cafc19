// Consonant skeletons: Latin and Arabic-script spellings of a name compared by the consonants
// Arabic script writes (ConsonantSkeleton, SpelledConsonants, LongVowelsAgree).
#include <string>
#include <vector>

#include "text/text.h"

namespace dualwatch::text {

namespace {

// Reads a Latin word as ConsonantSkeleton does: `consonant(c, again)` for each consonant class,
// `again` when it repeats the last one (kept once in the skeleton, even with vowels between:
// Jalili "jl"), `vowel(ch)` for each vowel letter (a e i o u y w), which the skeleton skips.
template <typename Consonant, typename Vowel>
void WalkSkeleton(std::string_view t, VReading v_reading, Consonant consonant, Vowel vowel) {
  char last = '\0';
  auto emit = [&](char c) {
    consonant(c, c == last);
    last = c;
  };
  for (std::size_t i = 0; i < t.size(); ++i) {
    char c = t[i];
    char next = i + 1 < t.size() ? t[i + 1] : '\0';
    const bool digraph_letter =
        c == 'k' || c == 'g' || c == 's' || c == 'c' || c == 't' || c == 'd' || c == 'p';
    if (next == 'h' && digraph_letter && i + 2 < t.size() && t[i + 2] == 'h') {
      // "shh": a letter, then a heh (ToLatin writes سه so, not as ش "sh").
      emit(c == 'c' ? 'k' : c == 'p' ? 'b' : c);
      emit('h');
      i += 2;
      continue;
    }
    if (next == 'h' && digraph_letter) {
      // kh gh sh ch th dh ph: one Arabic letter each. Gh is ghayn, and Persian spellings of qaf
      // (آقامیری Aghamiri, قاسم Ghasem / Qasem): a k, as q is.
      emit(c == 'c' ? 's' : c == 'p' ? 'f' : c == 'g' ? 'k' : c);
      ++i;
      continue;
    }
    // French spellings write ج dj (Djaafar, Abdeldjalil): one letter.
    if (c == 'd' && next == 'j') continue;
    switch (c) {
      case 'a':
      case 'e':
      case 'i':
      case 'o':
      case 'u':
      case 'y':
      case 'w':
        vowel(c);
        continue;
      case 'q':
      case 'c':
        c = 'k';
        break;
      case 'v':
        // Arabic script writes a v ف (فلاديمير Vladimir), Persian و (جواد Javad, وحید Vahid):
        // the waw is read as the long vowel it also is.
        if (v_reading == VReading::kWaw) {
          vowel('w');
          continue;
        }
        c = 'f';
        break;
      case 'z':
        // ض ظ ذ are d, z or dh as Arabic or Persian reads them: رضا Rida / Reza, رمضان Ramadan /
        // Ramazan, ضياء Diya / Zia.
        c = 'd';
        break;
      case 'p':
        c = 'b';
        break;
      case 'x':
        emit('k');
        c = 's';
        break;
      default:
        break;
    }
    emit(c);
  }
}

// The vowel letters after each consonant but the first: one string per gap between
// consecutive consonants (a repeated consonant ends a gap when vowels stand before it), and
// last the letters after the last consonant.
std::vector<std::string> InnerVowels(std::string_view t, VReading v_reading) {
  std::vector<std::string> gaps;
  std::string pending;
  bool started = false;
  WalkSkeleton(
      t, v_reading,
      [&](char, bool again) {
        if (again && pending.empty()) return;
        if (started) gaps.push_back(pending);
        started = true;
        pending.clear();
      },
      [&](char v) { pending.push_back(v); });
  if (started) gaps.push_back(pending);
  return gaps;
}

}  // namespace

std::string ConsonantSkeleton(std::string_view t, VReading v_reading) {
  std::string out;
  WalkSkeleton(
      t, v_reading,
      [&](char c, bool again) {
        if (!again) out.push_back(c);
      },
      [](char) {});
  // A final i or y is written in Arabic script too (the ya of علي Ali, محمدی Mohammadi, حسيني
  // Hosseini), and tells Mohammadi from Mohammed.
  if (t.size() >= 2 && (t.back() == 'i' || t.back() == 'y')) out.push_back('y');
  return out;
}

std::size_t SpelledConsonants(std::string_view t, VReading v_reading) {
  std::size_t n = 0;
  bool vowel_since = false;
  WalkSkeleton(
      t, v_reading,
      [&](char, bool again) {
        if (!again || vowel_since) ++n;
        vowel_since = false;
      },
      [&](char) { vowel_since = true; });
  return n;
}

bool LongVowelsAgree(std::string_view abjad, std::string_view latin, VReading v_reading) {
  // Letters written but not read as long vowels: the alif of the article al- inside a name
  // (عبدالله "bdallh" Abdullah, Abdel-), the silent waw of Persian khwa (خواجه Khajeh).
  // ICU's ʿ and ʾ (ain, hamza) are not in the skeleton either.
  auto ascii = [](std::string_view t) {
    std::string out;
    for (char c : t) {
      if (static_cast<unsigned char>(c) < 0x80) out.push_back(c);
    }
    return out;
  };
  std::string a_text = ascii(abjad), written;
  for (std::size_t i = 0; i < a_text.size(); ++i) {
    char next = i + 1 < a_text.size() ? a_text[i + 1] : '\0';
    if (a_text[i] == 'a' && next == 'l') continue;
    if (a_text[i] == 'w' && next == 'a' && i >= 2 && a_text.compare(i - 2, 2, "kh") == 0) continue;
    written.push_back(a_text[i]);
  }
  std::vector<std::string> a = InnerVowels(written, VReading::kF),
                           l = InnerVowels(ascii(latin), v_reading);
  if (a.size() != l.size()) return true;  // skeletons that differ are not compared here
  for (std::size_t k = 0; k < a.size(); ++k) {
    auto has = [&](std::string_view letters) {
      return l[k].find_first_of(letters) != std::string::npos;
    };
    // After the last consonant only a final alif is compared: a final ya is in the skeleton,
    // and a final waw may be silent (عمرو Amr).
    bool last = k + 1 == a.size();
    for (char v : a[k]) {
      if (last && v != 'a') continue;
      // Maghrebi French spellings write alif e (بلكلام Belkalem); "ei" is a ya (Hossein).
      if (v == 'a' && !has("a") && l[k] != "e") return false;
      if (v == 'y' && !has("iey")) return false;
      if (v == 'w' && !has("ouw")) return false;
    }
  }
  return true;
}
}  // namespace dualwatch::text
