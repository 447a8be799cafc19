// Names that write several: parts parted by slashes and semicolons, brackets, dedications,
// parents before a comma, names quoted within a quoted designation (NameAlternatives,
// ListNameReadings).
#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "text/tables.h"
#include "text/text.h"

namespace dualwatch::text {
namespace {

// Brackets as lists write them: ASCII and the full-width forms of Chinese text.
constexpr std::string_view kOpen[] = {"(", "\xEF\xBC\x88"};   // ( （
constexpr std::string_view kClose[] = {")", "\xEF\xBC\x89"};  // ) ）

std::size_t BracketAt(std::string_view s, std::size_t i, const std::string_view (&forms)[2]) {
  // Most bytes begin no bracket: a comparison each (a memcmp call) had cost a long Cyrillic
  // name with a bracket ~15k instructions.
  if (s[i] != forms[0][0] && s[i] != forms[1][0]) return 0;
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
  for (char& c : lower) c = internal::AsciiLower(c);
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
  static constexpr std::string_view kPhrases[] = {"named after ", "by name ", "imeni ", "im. ",
                                                  "имени ",       "Имени ",   "ИМЕНИ ", "им. ",
                                                  "Им. ",         "ИМ. "};
  // The first place where a phrase begins as a word of its own, after some name: one pass, a
  // phrase compared only where a word begins with a phrase's first letter (n, b, i; и, И: D0).
  std::size_t begin = npos;
  for (std::size_t at = 1; at < name.size() && begin == npos; ++at) {
    const auto before = static_cast<unsigned char>(name[at - 1]);
    if (before != ' ' && before != '\'' && before != '"' && before < 0x80) continue;
    const char first = internal::AsciiLower(name[at]);
    if (first != 'n' && first != 'b' && first != 'i' && first != '\xD0') continue;
    for (std::string_view phrase : kPhrases) {
      if (name.size() - at < phrase.size()) continue;
      std::size_t k = 0;
      while (k < phrase.size() && internal::AsciiLower(name[at + k]) == phrase[k]) ++k;
      if (k == phrase.size()) {
        begin = at;
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

// The quotes of a name: `outer`, where the first opens (npos when none does); `first`, the text
// of the first quote closed at the top level; `inner`, of the last quote closed within another.
struct Quotes {
  std::size_t outer = std::string_view::npos;
  std::string_view first, inner;
};

Quotes FindQuotes(std::string_view name) {
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
  Quotes found;
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
      const std::string_view text = name.substr(open.back().content, i - open.back().content);
      if (open.size() >= 2) found.inner = text;
      if (open.size() == 1 && found.first.empty()) found.first = text;
      open.pop_back();
    } else {
      if (open.empty() && found.outer == std::string_view::npos) found.outer = i;
      open.push_back({quote, i + quote.size()});
    }
    i += quote.size();
  }
  return found;
}

// A name quoted within a quoted designation: the organisation's own name, which other lists
// write after the legal form alone. "AO “NII GAZORAZRYADNIH PRIBOROV ‘PLAZMA’”" is "AO PLAZMA";
// "Federal State Budgetary Enterprise “Sanatorium ‘Nizhnyaya Oreanda’” of the Administration
// ..." is "Federal State Budgetary Enterprise Nizhnyaya Oreanda"; of several, the last
// ("‘Kontsern ‘TsNII’‘Elektropribor’’"). The text before the outer quote, then the inner name;
// empty when no quote is within another.
std::string InnerQuoted(std::string_view name, const Quotes& quotes) {
  if (quotes.inner.empty() || CountWords(quotes.inner, 1) == 0) return "";
  std::string reading(name.substr(0, quotes.outer));
  reading.push_back(' ');
  reading.append(quotes.inner);
  return reading;
}

// Some word of the name is a name's, not an organisation word's, a legal form or a number.
bool Names(const NormalizedName& name) {
  return std::any_of(name.tokens.begin(), name.tokens.end(),
                     [](const NameToken& t) { return t.kind == TokenKind::kName; });
}

// QuotedNameReading: the legal forms before the quote, the quoted name, those after it; empty
// unless the quoted text names something and the text around it holds a legal form and another
// word (without one the reading would be the name).
std::string QuotedName(const NormalizedName& whole, const Quotes& quotes) {
  if (quotes.first.empty() || !quotes.inner.empty()) return "";
  const NormalizedName quoted = NormalizeName(quotes.first);
  if (!Names(quoted)) return "";
  // The quoted words within the whole name's (a one-word legal form is one at either end of a
  // name only: "SA" after the quote is one of the whole name's, not of the text after it).
  const std::vector<NameToken>& w = whole.tokens;
  const std::size_t n = quoted.tokens.size();
  const auto run =
      std::search(w.begin(), w.end(), quoted.tokens.begin(), quoted.tokens.end(),
                  [](const NameToken& a, const NameToken& b) { return a.text == b.text; });
  if (run == w.end()) return "";
  const auto at = static_cast<std::size_t>(run - w.begin());
  bool other_words = false, legal_form = false;
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (i >= at && i < at + n) continue;
    other_words =
        other_words || (w[i].kind != TokenKind::kLegalForm && w[i].kind != TokenKind::kStopword);
    legal_form = legal_form || w[i].kind == TokenKind::kLegalForm;
  }
  if (!other_words || !legal_form) return "";
  std::string reading;
  auto append = [&reading](std::string_view text) {
    if (!reading.empty()) reading.push_back(' ');
    reading.append(text);
  };
  for (std::size_t i = 0; i < at; ++i) {
    if (w[i].kind == TokenKind::kLegalForm) append(w[i].text);
  }
  append(quotes.first);
  for (std::size_t i = at + n; i < w.size(); ++i) {
    if (w[i].kind == TokenKind::kLegalForm) append(w[i].text);
  }
  return reading;
}

// The alternatives of one name (NameAlternatives), without dedications.
void AddAlternatives(std::string_view name, bool inside_alone, std::vector<std::string>& out) {
  // Most names write one: no slash, no bracket (the full-width ones begin EF BC).
  if (std::none_of(name.begin(), name.end(),
                   [](char c) { return c == '/' || c == '(' || c == ')' || c == ';'; }) &&
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
  const Quotes quotes = FindQuotes(name);
  if (std::string inner = InnerQuoted(name, quotes);
      !inner.empty() && Names(NormalizeName(inner))) {
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

std::string QuotedNameReading(std::string_view name, const NormalizedName& normalized) {
  // Most names hold no quote: every quote begins E2, C2 or is ASCII ".
  const bool quote = std::any_of(name.begin(), name.end(),
                                 [](char c) { return c == '\xE2' || c == '\xC2' || c == '"'; });
  return quote ? QuotedName(normalized, FindQuotes(name)) : "";
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

}  // namespace dualwatch::text
