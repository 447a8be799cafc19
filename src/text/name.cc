// Names prepared for matching: tokens, their kinds and romanisation keys.
#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <unordered_map>

#include "text/tables.h"
#include "text/text.h"

namespace dualwatch::text {
namespace {

using internal::PhraseTables;

// Romanisation variants folded to one spelling, longest first at each position.
struct Rule {
  std::string_view from;
  std::string_view to;
};
// (No j-rules: "john" and "jon" must stay apart from "on"; German-style "Jurij" still comes
// within one edit of "Yuriy".) English "dge" is the sound Russian writes дж: "Bridge" / ООО ПВ
// Бридж "bridzh", "Bridgetech" / Бриджтех.
constexpr std::array<Rule, 27> kRules{{
    {"shch", "sh"}, {"sch", "sh"}, {"tch", "ch"}, {"dzh", "j"}, {"dge", "j"}, {"zh", "j"},
    {"kh", "h"},    {"ts", "c"},   {"tz", "c"},   {"cz", "c"},  {"ck", "k"},  {"ph", "f"},
    {"iy", "i"},    {"yi", "i"},   {"ij", "i"},   {"yu", "u"},  {"iu", "u"},  {"ya", "a"},
    {"ia", "a"},    {"ye", "e"},   {"yo", "o"},   {"ou", "u"},  {"oe", "u"},  {"x", "ks"},
    {"y", "i"},     {"w", "v"},    {"q", "k"},
}};

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// The letters some rule starts with: at any other letter no rule need be tried.
constexpr std::array<bool, 256> kRuleStarts = [] {
  std::array<bool, 256> starts{};
  for (const Rule& r : kRules) starts[static_cast<unsigned char>(r.from[0])] = true;
  return starts;
}();

}  // namespace

std::string RomanizationKey(std::string_view word) {
  // Within a word, j before a vowel is the y of German, Swedish, Polish and Czech spellings of
  // Russian names: "Sergejevitj" / "Sergeyevich", "Ljubarskij" / "Lyubarsky", "Pjotr". A first
  // j stays ("John", "Jamal"). French "dj" is that first j ("Djamel" / "Jamal"). After t, s
  // or z a j makes the Swedish and Dutch digraphs of ч, ш and ж: "Jurjevitj" / "Yurevich",
  // "Mirosjnitjenko" / "Miroshnichenko", "Tsjernysjov" / "Chernyshov".
  std::string token;
  token.reserve(word.size());
  for (std::size_t k = 0; k < word.size(); ++k) {
    char c = word[k];
    if (c == 'd' && k + 1 < word.size() && word[k + 1] == 'j') continue;
    if (c == 'j' && !token.empty() &&
        (token.back() == 't' || token.back() == 's' || token.back() == 'z')) {
      const bool tsj = token.back() == 's' && token.size() >= 2 && token[token.size() - 2] == 't';
      if (tsj) token.pop_back();
      token.back() = token.back() == 't' ? 'c' : token.back();
      token.push_back('h');
      continue;
    }
    if (c == 'j' && !token.empty() && k + 1 < word.size() && IsVowel(word[k + 1])) c = 'y';
    token.push_back(c);
  }
  // Belarusian romanises ў: a surname's -ov is -ou ("BARSUKOU" / "Barsukov", "RADZKOU").
  if (token.size() >= 5 && token.ends_with("ou") && !IsVowel(token[token.size() - 3])) {
    token.back() = 'v';
  }
  std::string folded;
  folded.reserve(token.size());
  std::size_t i = 0;
  while (i < token.size()) {
    if (!kRuleStarts[static_cast<unsigned char>(token[i])]) {
      folded.push_back(token[i++]);
      continue;
    }
    bool matched = false;
    for (const Rule& r : kRules) {
      if (r.from[0] == token[i] && token.compare(i, r.from.size(), r.from) == 0) {
        folded.append(r.to);
        i += r.from.size();
        matched = true;
        break;
      }
    }
    if (!matched) folded.push_back(token[i++]);
  }
  // Patronymic endings as other languages write -ovich/-evich, once folded: German -owitsch
  // ("vicch"), Catalan -ovitx ("vitks"), Polish -owicz, Czech -ovič ("vic"). (Swedish -ovitj
  // and Dutch -ovitsj are -ovich already.)
  for (std::string_view end : {"vicch", "vitks", "vic"}) {
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
  // Doubled letters count once ("ll" in "Kirill"/"Kiril").
  std::string key;
  key.reserve(folded.size());
  for (char c : folded) {
    if (key.empty() || key.back() != c || (c >= '0' && c <= '9')) key.push_back(c);
  }
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
  if (key.empty() || key[0] == '~' || key.find_first_of("0123456789") != std::string_view::npos) {
    return out;
  }
  auto ends = [&](std::string_view end) {
    return key.size() >= end.size() && key.substr(key.size() - end.size()) == end;
  };
  // Adjective endings as RomanizationKey leaves them: -skiy, -skii, -sky, -skij → "ski";
  // -skaya → "ska"; -skoe → "sku" (oe); -skoye → "skoe"; -skikh → "skih".
  // (Not the prepositional -skom: "Transkom" is a name.) A stem's c is a k: Moscow, moskovskiy.
  auto stem = [&](std::size_t cut) {
    std::string s(key.substr(0, key.size() - cut));
    std::replace(s.begin(), s.end(), 'c', 'k');
    return s;
  };
  for (std::string_view end : {"skogo", "skoe", "skih", "skoi", "skie", "ski", "ska", "sku"}) {
    if (ends(end) && key.size() - end.size() >= kMinPlaceStem) {
      out.adjective = true;
      out.stems[0] = stem(end.size());
      return out;
    }
  }
  if (key.size() >= kMinPlaceStem) out.stems[0] = stem(0);
  std::size_t cut = ends("sk") ? 2 : IsVowel(key.back()) ? 1 : 0;
  if (cut > 0 && key.size() - cut >= kMinPlaceStem) out.stems[1] = stem(cut);
  return out;
}

namespace {

// Brackets as lists write them: ASCII and the full-width forms of Chinese text.
constexpr std::string_view kOpen[] = {"(", "\xEF\xBC\x88"};   // ( （
constexpr std::string_view kClose[] = {")", "\xEF\xBC\x89"};  // ) ）

std::size_t BracketAt(std::string_view s, std::size_t i, const std::string_view (&forms)[2]) {
  for (std::string_view f : forms) {
    if (s.compare(i, f.size(), f) == 0) return f.size();
  }
  return 0;
}

// The text after a leading "formerly", "formerly known as", "f/k/a", "a.k.a." ...: the name the
// bracket gives; the text itself when it has none.
std::string_view AfterAliasMarker(std::string_view text) {
  std::size_t start = text.find_first_not_of(" \t");
  if (start == std::string_view::npos) return text;
  std::string lower(text.substr(start, 24));
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  // Longest first: "formerly known as" before "formerly".
  for (std::string_view marker :
       {"formerly known as", "previously known as", "also known as", "formerly", "previously",
        "f/k/a", "f.k.a.", "fka", "a.k.a.", "aka"}) {
    if (lower.compare(0, marker.size(), marker) != 0) continue;
    std::string_view rest = text.substr(start + marker.size());
    // A word of its own: "Akamai (Akabori)" has no marker.
    if (!rest.empty() && std::isalnum(static_cast<unsigned char>(rest.front()))) return text;
    std::size_t name = rest.find_first_not_of(" .:,-");
    return name == std::string_view::npos ? text : rest.substr(name);
  }
  return text;
}

// Words of at least `letters` characters (UTF-8 code points) in `text`, parted by spaces.
std::size_t CountWords(std::string_view text, std::size_t letters) {
  std::size_t words = 0, run = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == ' ') {
      words += run >= letters;
      run = 0;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 &&
               std::isalnum(static_cast<unsigned char>(text[i])) != 0) {
      ++run;  // an ASCII letter or digit
    } else if (static_cast<unsigned char>(text[i]) >= 0xC0) {
      ++run;  // the first byte of another script's character
    }
  }
  return words;
}

void AddAlternative(std::string_view text, std::vector<std::string>& out) {
  std::string trimmed = CollapseSpace(text);
  if (trimmed.empty() || out.size() >= kMaxAlternatives) return;
  if (std::find(out.begin(), out.end(), trimmed) == out.end()) out.push_back(std::move(trimmed));
}

void AddAlternatives(std::string_view name, bool inside_alone, std::vector<std::string>& out);

// One part of a slash-separated name, split at its brackets.
void AddBracketed(std::string_view part, bool inside_alone, std::vector<std::string>& out) {
  std::string outside, whole;
  std::vector<std::string_view> inside;
  std::size_t depth = 0, start = 0;
  bool trailing = false;
  for (std::size_t i = 0; i < part.size();) {
    if (std::size_t n = BracketAt(part, i, kOpen)) {
      if (depth++ == 0) start = i + n;
      whole.push_back(' ');
      i += n;
      continue;
    }
    if (std::size_t n = BracketAt(part, i, kClose)) {
      if (depth == 0) return AddAlternative(part, out);  // unbalanced: the name as written
      if (--depth == 0) {
        inside.push_back(part.substr(start, i - start));
        trailing = CollapseSpace(part.substr(i + n)).empty();
      }
      whole.push_back(' ');
      i += n;
      continue;
    }
    if (depth == 0) outside.push_back(part[i]);
    whole.push_back(part[i]);
    ++i;
  }
  // Only a trailing bracket parts names: one within ("Bank of China (Hong Kong) Limited",
  // "ICBC (Asia) Limited") or naming a country says which of several, and stays.
  if (depth != 0 || inside.size() != 1 || !trailing || CountryCode(inside.front())) {
    return AddAlternative(part, out);
  }
  AddAlternative(outside, out);
  // "(formerly X)", "(f/k/a X)": X is a name, whoever wrote it.
  std::string_view named = AfterAliasMarker(inside.front());
  // Alone, two letters are a coincidence more often than an acronym ("GE", "3M"); in a query,
  // a bracket names something when it writes two words of two letters or more ("(SGM-Most
  // OOO)", "(Military Unit 20924)"), and is a remark otherwise ("(Class A)", "(PSBC)").
  if (named.size() < inside.front().size() ||
      (inside_alone ? CollapseSpace(named).size() >= 3 : CountWords(named, 2) >= 2)) {
    AddAlternatives(named, inside_alone, out);  // "(formerly Luna; Asher)": each
  } else {
    AddAlternative(whole, out);
  }
}

// Where a dedication begins and ends: "… Aviation Company named after N.I. Sazikin", "…
// Design Bureau Vympel by name I.I. Toropov", "Завод имени Морозова", "НИИ ‘Полюс’ им. М.Ф
// Стельмаха": a name that lists write with it or without. It ends at the next closing quote or
// bracket, or with the name. {npos, npos} when there is none.
std::pair<std::size_t, std::size_t> Dedication(std::string_view name) {
  constexpr std::size_t npos = std::string_view::npos;
  std::string lower(name);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::size_t begin = npos;
  for (std::string_view phrase : {"named after ", "by name ", "imeni ", "im. ", "имени ", "Имени ",
                                  "ИМЕНИ ", "им. ", "Им. ", "ИМ. "}) {
    for (std::size_t at = lower.find(phrase); at != npos; at = lower.find(phrase, at + 1)) {
      // a word of its own, after some name
      unsigned char before = at > 0 ? static_cast<unsigned char>(lower[at - 1]) : 'x';
      if (at > 0 && (before == ' ' || before == '\'' || before == '"' || before >= 0x80)) {
        begin = std::min(begin, at);
        break;
      }
    }
  }
  if (begin == npos) return {npos, npos};
  std::size_t end = name.size();
  for (std::string_view close : {"\xE2\x80\x99", "\xE2\x80\x9D", "\xC2\xBB", "\"", "'", ")"}) {
    std::size_t at = name.find(close, begin);
    if (at != npos) end = std::min(end, at);
  }
  return {begin, end};
}

// A name quoted within a quoted designation: the organisation's own name, which other lists
// write after the legal form alone. "AO “NII GAZORAZRYADNIH PRIBOROV ‘PLAZMA’”" is "AO PLAZMA";
// "Federal State Budgetary Enterprise “Sanatorium ‘Nizhnyaya Oreanda’” of the Administration
// ..." is "Federal State Budgetary Enterprise Nizhnyaya Oreanda"; of several, the last
// ("‘Kontsern ‘TsNII’‘Elektropribor’’"). The text before the outer quote, then the inner name;
// empty when no quote is within another.
std::string InnerQuoted(std::string_view name) {
  constexpr std::string_view kLeft = "\xE2\x80\x98", kRight = "\xE2\x80\x99",
                             kLowSingle = "\xE2\x80\x9A", kLeftDouble = "\xE2\x80\x9C",
                             kRightDouble = "\xE2\x80\x9D", kLowDouble = "\xE2\x80\x9E",
                             kGuillemetOpen = "\xC2\xAB", kGuillemetClose = "\xC2\xBB";
  // A letter or digit begins at i: ASCII, or another script's, not General Punctuation (E2 80).
  auto letter = [&](std::size_t i) {
    if (i >= name.size()) return false;
    const auto c = static_cast<unsigned char>(name[i]);
    if (c < 0x80) return std::isalnum(c) != 0;
    return c >= 0xC0 && name.substr(i, 2) != "\xE2\x80";
  };
  struct Open {
    std::string_view quote;
    std::size_t content;  // where the quoted text begins
  };
  std::vector<Open> open;
  std::size_t outer = std::string_view::npos;  // the first quote's position
  std::string_view inner;
  for (std::size_t i = 0; i < name.size();) {
    // Every quote begins E2 (‘ ’ ‚ “ ” „), C2 (« ») or is ASCII ".
    const auto lead = static_cast<unsigned char>(name[i]);
    if (lead != 0xE2 && lead != 0xC2 && lead != '"') {
      ++i;
      continue;
    }
    std::string_view at = name.substr(i);
    std::string_view quote;
    for (std::string_view q : {kLeft, kRight, kLowSingle, kLeftDouble, kRightDouble, kLowDouble,
                               kGuillemetOpen, kGuillemetClose, std::string_view("\"")}) {
      if (at.substr(0, q.size()) == q) quote = q;
    }
    if (quote.empty()) {
      ++i;
      continue;
    }
    const std::string_view top = open.empty() ? std::string_view() : open.back().quote;
    bool closes;
    if (quote == kLeft || quote == kLeftDouble) {
      closes = top == (quote == kLeft ? kLowSingle : kLowDouble);  // „German“
    } else if (quote == kRight || quote == kRightDouble || quote == kGuillemetClose) {
      // Nothing open, or People’s: no quote.
      if (open.empty() || (quote == kRight && letter(i - 1) && letter(i + quote.size()))) {
        i += quote.size();
        continue;
      }
      closes = true;
    } else if (quote == "\"") {
      closes = top == "\"";
    } else {
      closes = false;  // „ ‚ «
    }
    if (closes) {
      if (open.size() >= 2) inner = name.substr(open.back().content, i - open.back().content);
      open.pop_back();
    } else {
      if (open.empty() && outer == std::string_view::npos) outer = i;
      open.push_back({quote, i + quote.size()});
    }
    i += quote.size();
  }
  if (inner.empty() || CountWords(inner, 1) == 0) return "";
  std::string reading(name.substr(0, outer));
  reading.push_back(' ');
  reading.append(inner);
  return reading;
}

// Czech and Slovak make a woman's surname with -ová, a foreign one too: the EU's Czech and Slovak
// aliases write Russian and Belarusian women "SERGUNINOVÁ", "Ševcovová", "LENSKAJOVÁ" for
// Sergunina, Shevtsova, Lenskaya. A word's -ová (with its accent: Russian -ова romanises without)
// after a consonant is read as the Russian -a. The name itself when it has none.
std::string WithoutSlavicFeminine(std::string_view name) {
  constexpr std::string_view kLower = "ov\xC3\xA1", kUpper = "OV\xC3\x81";
  if (name.find(kLower) == std::string_view::npos && name.find(kUpper) == std::string_view::npos) {
    return std::string(name);
  }
  std::string out;
  out.reserve(name.size());
  for (std::size_t i = 0; i < name.size();) {
    const std::string_view at = name.substr(i);
    const bool upper = at.starts_with(kUpper);
    if (!upper && !at.starts_with(kLower)) {
      out.push_back(name[i++]);
      continue;
    }
    const std::size_t next = i + kLower.size();
    const bool ends_word =
        next >= name.size() || (static_cast<unsigned char>(name[next]) < 0x80 &&
                                !std::isalpha(static_cast<unsigned char>(name[next])));
    // At least three letters (bytes of letters) of the word before, the last an ASCII consonant.
    std::size_t before = 0;
    while (before < 3 && before < i) {
      const auto c = static_cast<unsigned char>(name[i - before - 1]);
      if (c < 0x80 && !std::isalpha(c)) break;
      ++before;
    }
    const bool after_consonant =
        before == 3 && std::isalpha(static_cast<unsigned char>(name[i - 1])) &&
        std::string_view("aeiouyAEIOUY").find(name[i - 1]) == std::string_view::npos;
    if (ends_word && after_consonant) {
      out.push_back(upper ? 'A' : 'a');
      i += kLower.size();
      continue;
    }
    out.push_back(name[i++]);
  }
  return out;
}

// Some word of the name is a name's, not an organisation word's, a legal form or a number.
bool Names(const NormalizedName& name) {
  return std::any_of(name.tokens.begin(), name.tokens.end(),
                     [](const NameToken& t) { return t.kind == TokenKind::kName; });
}

// The alternatives of one name (NameAlternatives), without dedications.
void AddAlternatives(std::string_view name, bool inside_alone, std::vector<std::string>& out) {
  // Most names write one: no slash, no bracket (the full-width ones begin EF BC).
  if (name.find_first_of("/();") == std::string_view::npos &&
      name.find("\xEF\xBC") == std::string_view::npos) {
    return AddAlternative(name, out);
  }
  // A slash or semicolon with a space beside it parts names, outside brackets ("Noctis
  // (formerly Luna; Asher)" is one); "A/S", "GU/GRU" and "c/o" stay whole.
  std::size_t from = 0, depth = 0;
  for (std::size_t i = 0; i < name.size(); ++i) {
    if (std::size_t n = BracketAt(name, i, kOpen)) {
      ++depth;
      i += n - 1;
      continue;
    }
    if (std::size_t n = BracketAt(name, i, kClose)) {
      depth -= depth > 0;
      i += n - 1;
      continue;
    }
    if ((name[i] != '/' && name[i] != ';') || depth > 0) continue;
    bool spaced = (i > 0 && name[i - 1] == ' ') || (i + 1 < name.size() && name[i + 1] == ' ');
    if (!spaced) continue;
    AddBracketed(name.substr(from, i - from), inside_alone, out);
    from = i + 1;
  }
  AddBracketed(name.substr(from), inside_alone, out);
}

}  // namespace

std::vector<std::string> NameAlternatives(std::string_view name, bool inside_alone) {
  std::vector<std::string> out;
  AddAlternatives(name, inside_alone, out);
  auto [begin, end] = Dedication(name);
  if (begin != std::string_view::npos) {
    std::string without(name.substr(0, begin));
    without.append(name.substr(end));
    AddAlternatives(without, inside_alone, out);
  }
  // The inner name only when it names something: "Концерн ‘Автоматика’" (automation) is not
  // "Автоматика" alone.
  if (std::string inner = InnerQuoted(name); !inner.empty() && Names(NormalizeName(inner))) {
    AddAlternatives(inner, inside_alone, out);
  }
  // A parent organisation before a comma ("Tactical Missile Corporation, Joint Stock Company
  // Avangard"): a name after it that begins with a legal form is the organisation's own, which
  // other lists write alone. (Any organisation word before the comma was too wide: "Northwestern
  // Polytechnical University, Ningbo Institute" met "Bank of Ningbo".)
  if (std::size_t comma = name.find(", "); comma != std::string_view::npos) {
    std::string_view rest = name.substr(comma + 2);
    NormalizedName after = NormalizeName(rest);
    if (Names(after) && after.tokens.front().kind == TokenKind::kLegalForm &&
        after.tokens.front().text.size() >= 3 &&
        rest.find_first_of("()") == std::string_view::npos) {
      AddAlternatives(rest, inside_alone, out);
    }
  }
  if (out.empty()) out.emplace_back(name);
  return out;
}

std::vector<std::string> ListNameReadings(std::string_view name) {
  std::vector<std::string> out = NameAlternatives(name, /*inside_alone=*/true);
  // The two readings differ only in a bracket's: most names have none.
  bool bracket = false;
  for (std::size_t i = 0; i < name.size() && !bracket; ++i) {
    bracket = BracketAt(name, i, kOpen) != 0;
  }
  if (!bracket) return out;
  for (std::string& read : NameAlternatives(name, /*inside_alone=*/false)) {
    if (std::find(out.begin(), out.end(), read) == out.end()) out.push_back(std::move(read));
  }
  return out;
}

std::string_view TokenKindName(TokenKind kind) {
  switch (kind) {
    case TokenKind::kName:
      return "name";
    case TokenKind::kNumber:
      return "number";
    case TokenKind::kLegalForm:
      return "legal_form";
    case TokenKind::kGeneric:
      return "generic";
    case TokenKind::kDomain:
      return "domain";
    case TokenKind::kStopword:
      return "stopword";
  }
  return "?";
}

namespace {

// English number words as organisation names write them, to the digits others write: "Three
// Percenters" = "3 Percenters", "Brigade Forty-Four" = "Brigade 44", "First International
// Bank" = "1st International Bank". Tens take a following unit, as a word or a digit.
std::string DigitsForNumberWords(std::string_view latin) {
  static const std::unordered_map<std::string_view, int> kUnits = {
      {"one", 1},      {"two", 2},        {"three", 3},     {"four", 4},      {"five", 5},
      {"six", 6},      {"seven", 7},      {"eight", 8},     {"nine", 9},      {"ten", 10},
      {"eleven", 11},  {"twelve", 12},    {"thirteen", 13}, {"fourteen", 14}, {"fifteen", 15},
      {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19}};
  static const std::unordered_map<std::string_view, int> kTens = {
      {"twenty", 20}, {"thirty", 30},  {"forty", 40},  {"fourty", 40}, {"fifty", 50},
      {"sixty", 60},  {"seventy", 70}, {"eighty", 80}, {"ninety", 90}};
  static const std::unordered_map<std::string_view, std::string_view> kOrdinals = {
      {"first", "1st"}, {"second", "2nd"}, {"third", "3rd"},   {"fourth", "4th"},
      {"fifth", "5th"}, {"sixth", "6th"},  {"seventh", "7th"}, {"eighth", "8th"},
      {"ninth", "9th"}, {"tenth", "10th"}};
  std::vector<std::string_view> words;
  for (std::string_view rest = latin; !rest.empty();) {
    std::size_t space = rest.find(' ');
    words.push_back(rest.substr(0, space));
    rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
  }
  std::string out;
  bool changed = false;
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::string_view word = words[i];
    // Number words have three to nine letters: other words are not looked up.
    if (word.size() < 3 || word.size() > 9) {
      if (!out.empty()) out.push_back(' ');
      out += word;
      continue;
    }
    std::string digits;
    if (auto t = kTens.find(words[i]); t != kTens.end()) {
      int value = t->second;
      if (i + 1 < words.size()) {
        const std::string_view next = words[i + 1];
        auto u = kUnits.find(next);
        if (u != kUnits.end() && u->second < 10) {
          value += u->second;
          ++i;
        } else if (next.size() == 1 && next[0] >= '1' && next[0] <= '9') {
          value += next[0] - '0';
          ++i;
        }
      }
      digits = std::to_string(value);
    } else if (auto u = kUnits.find(words[i]); u != kUnits.end()) {
      digits = std::to_string(u->second);
    } else if (auto o = kOrdinals.find(words[i]); o != kOrdinals.end()) {
      digits = std::string(o->second);
    }
    changed = changed || !digits.empty();
    if (!out.empty()) out.push_back(' ');
    out += digits.empty() ? word : std::string_view(digits);
  }
  return changed ? out : std::string(latin);
}

// ʿAbd al- ("servant of the"), however Latin spellings write it: "Abd al-Rahman", "Abdel
// Rahman", "Abdur Rahman" (the article's l taken by a sun letter), "Abd-ul Rahman",
// "Abdelrahman", "Abdallah" / "Abd Allah" / "Abdullah": one spelling, "abdul", joined to a
// name written onto it ("abdulrahman", "abdullah"). (Arabic script joins its own words.)
std::string AbdulOnce(std::string_view latin) {
  static constexpr std::string_view kArticles[] = {"al", "el", "ul",  "ol",  "il", "ar", "ur",
                                                   "as", "us", "ad",  "ud",  "at", "ut", "az",
                                                   "an", "un", "ash", "ush", "ed", "er", "es"};
  static constexpr std::string_view kJoined[] = {"abdel", "abdal",  "abdul", "abdol", "abdoul",
                                                 "abdil", "abdoel", "abdur", "abdus", "abdar",
                                                 "abdas", "abdun",  "abdan", "abdad", "abdud"};
  auto article = [](std::string_view w) {
    return std::find(std::begin(kArticles), std::end(kArticles), w) != std::end(kArticles);
  };
  std::vector<std::string_view> words;
  for (std::size_t from = 0; from <= latin.size();) {
    std::size_t space = std::min(latin.find(' ', from), latin.size());
    words.push_back(latin.substr(from, space - from));
    from = space + 1;
  }
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::string_view w = words[i];
    if (!out.empty()) out.push_back(' ');
    if ((w == "abd" || w == "abdu") && i + 1 < words.size() && article(words[i + 1])) {
      out.append("abdul");  // "abd al rahman": the name stays a word of its own
      ++i;
      continue;
    }
    if (w == "abd" && i + 1 < words.size() && words[i + 1] == "allah") {
      out.append("abdullah");
      ++i;
      continue;
    }
    std::string_view rest;
    for (std::string_view joined : kJoined) {
      if (w.substr(0, joined.size()) == joined) {
        rest = w.substr(joined.size());
        w = "abdul";
        break;
      }
    }
    out.append(w).append(rest);
  }
  return out;
}

}  // namespace

NormalizedName NormalizeName(std::string_view name, NameForm form) {
  const bool person = form == NameForm::kPerson;
  NormalizedName out;
  out.script = DetectScript(name);
  out.latin = ToLatin(WithoutSlavicFeminine(name));
  // People are not numbered ("Ten", "Nine" are names); organisations are.
  if (!person) {
    std::string numbered = DigitsForNumberWords(out.latin);
    out.numbered = numbered != out.latin;
    out.latin = std::move(numbered);
  }
  // Arabic and Hebrew script write no short vowels: their words are compared by consonants.
  const bool skeletal = out.script == Script::kArabic || out.script == Script::kHebrew;
  const bool han = out.script == Script::kHan;
  if (skeletal) {
    // The article is written onto the word (الخيل, ICU "alkhyl"); Latin spellings part it.
    std::string parted;
    std::string_view rest = out.latin;
    while (!rest.empty()) {
      std::size_t space = rest.find(' ');
      std::string_view w = rest.substr(0, space);
      rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
      if (!parted.empty()) parted.push_back(' ');
      if (w.size() > 4 && w.substr(0, 2) == "al") {
        parted.append("al ");
        w.remove_prefix(2);
      }
      parted.append(w);
    }
    out.latin = std::move(parted);
  }
  if (!skeletal && !han && out.latin.find("abd") != std::string::npos) {
    out.latin = AbdulOnce(out.latin);
  }
  std::vector<std::string_view> words;
  std::string_view rest = out.latin;
  while (!rest.empty()) {
    std::size_t space = rest.find(' ');
    words.push_back(rest.substr(0, space));
    rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
  }
  const PhraseTables& tables = PhraseTables::Get();
  std::string phrase;
  std::size_t i = 0;
  // A title at the start ("President Putin", "Dr. Hamed") is a stop word, if a name follows.
  for (std::size_t len = std::min(tables.longest_title, words.empty() ? 0 : words.size() - 1);
       len >= 1 && i == 0; --len) {
    phrase.assign(words[0]);
    for (std::size_t k = 1; k < len; ++k) {
      phrase.push_back(' ');
      phrase.append(words[k]);
    }
    if (tables.titles.count(phrase)) {
      out.tokens.push_back(NameToken{phrase, "%" + phrase, TokenKind::kStopword});
      i = len;
    }
  }
  // A long word one edit from a word of a phrase of several words, beside a word of such a
  // phrase, is read as that word in such phrases ("OBSHCHESTVO S OGRANICHENNOI
  // OTVESTVENNOSTYU"), and only there.
  std::vector<std::string_view> mended;
  if (!person) {
    auto of_phrase = [&](std::size_t k) {
      return k < words.size() && tables.words_of_phrases.count(words[k]) > 0;
    };
    for (std::size_t k = 0; k < words.size(); ++k) {
      if (words[k].size() + 1 < internal::NearWords::kMinWord ||
          !(of_phrase(k - 1) || of_phrase(k + 1))) {
        continue;
      }
      const std::string* near = tables.near_phrase_words.Find(words[k]);
      if (!near || *near == words[k]) continue;
      if (mended.empty()) mended = words;
      mended[k] = *near;
    }
  }
  while (i < words.size()) {
    std::size_t taken = 0;
    auto longest_from = [&](std::string_view w) -> std::size_t {
      auto first = person ? tables.first_words.end() : tables.first_words.find(w);
      return first == tables.first_words.end() ? 0 : first->second;
    };
    std::size_t longest = longest_from(words[i]);
    if (!mended.empty() && mended[i] != words[i])
      longest = std::max(longest, longest_from(mended[i]));
    for (std::size_t len = std::min(longest, words.size() - i); len >= 1; --len) {
      auto lookup = [&](const std::vector<std::string_view>& from) {
        phrase.assign(from[i]);
        for (std::size_t k = 1; k < len; ++k) {
          phrase.push_back(' ');
          phrase.append(from[i + k]);
        }
        return tables.phrases.find(phrase);
      };
      auto it = lookup(words);
      if (it == tables.phrases.end() && len > 1 && !mended.empty() &&
          !std::equal(words.begin() + i, words.begin() + i + len, mended.begin() + i)) {
        it = lookup(mended);
      }
      if (it == tables.phrases.end()) continue;
      // A one-word legal form ("ag", "sa", "ooo") is a legal form only at the edge of a longer
      // name; elsewhere, or alone, it is a generic word ("CORP" alone names nobody).
      TokenKind kind = it->second.kind;
      bool edge = i == 0 || i + len == words.size();
      if (skeletal && len == 1) continue;  // short consonant strings are not legal forms
      // A syllable of a Chinese name ("博" bo) is not a legal form; Chinese legal forms come
      // from the vocabulary as words ("co ltd").
      if (han && len == 1 && kind == TokenKind::kLegalForm &&
          internal::HanTables::Get().syllables.count(phrase)) {
        continue;
      }
      if (len == 1 && kind == TokenKind::kLegalForm && (!edge || words.size() < 2)) {
        kind = TokenKind::kGeneric;
      }
      out.tokens.push_back(NameToken{phrase, it->second.key, kind});
      taken = len;
      break;
    }
    if (taken) {
      i += taken;
      continue;
    }
    std::string_view w = words[i++];
    NameToken token{std::string(w), "", TokenKind::kName};
    if (w.find_first_of("0123456789") != std::string_view::npos) {
      token.kind = TokenKind::kNumber;
      token.key = token.text;
    } else if (tables.stopwords.count(token.text)) {
      token.kind = TokenKind::kStopword;
      token.key = "%" + token.text;  // apart from name keys: "du" is also Doe's key
    } else if (auto country =
                   w.size() >= 4 && !skeletal && !person ? CountryCode(w) : std::nullopt) {
      // "Sberbank of Russia": a country in a name says where, not who.
      token.kind = TokenKind::kGeneric;
      token.key = std::string(kCountryKeyPrefix) + *country;
    } else if (auto* near = skeletal || person ? nullptr : tables.Misspelt(w)) {
      // "CORPORATOIN", "TECHNOLGIES": an organisation word or legal form with a typo.
      token.kind = near->second.kind;
      token.key = near->second.key;
    } else if (skeletal) {
      token.skeletal = true;
      token.key = "~" + ConsonantSkeleton(w);
    } else {
      token.key = RomanizationKey(w);
    }
    out.tokens.push_back(std::move(token));
  }
  return out;
}

}  // namespace dualwatch::text
