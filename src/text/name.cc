// Names prepared for matching: tokens and their kinds (their words' romanisation keys are in
// keys.cc).
#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <string>
#include <unordered_map>

#include "text/tables.h"
#include "text/text.h"

namespace dualwatch::text {

using internal::PhraseTables;

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

// A generation after a name's first word carries nothing: OFAC's "ROTENBERG JUNIOR, Boris",
// "MEZA, JR., Arturo", whose other names leave it out. (Not II or III: a vessel's number.)
bool IsGeneration(std::string_view word) {
  return word == "jr" || word == "junior" || word == "sr" || word == "senior";
}

// English number words as organisation names write them, to the digits others write: "Three
// Percenters" = "3 Percenters", "Brigade Forty-Four" = "Brigade 44", "First International
// Bank" = "1st International Bank". Tens take a following unit, as a word or a digit. Whether
// `latin` changed; a name with no number word (most) is left as it is, uncopied.
bool DigitsForNumberWords(std::string& latin) {
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
  // Number words have three to nine letters and begin e, f, n, o, s or t: other words are not
  // looked up, and a name with no such word (most) is returned as it is.
  auto may_be_number = [](std::string_view word) {
    if (word.size() < 3 || word.size() > 9) return false;
    const char c = word[0];
    return c == 'e' || c == 'f' || c == 'n' || c == 'o' || c == 's' || c == 't';
  };
  auto is_number = [&](std::string_view word) {
    return may_be_number(word) &&
           (kUnits.contains(word) || kTens.contains(word) || kOrdinals.contains(word));
  };
  std::vector<std::string_view> words;
  bool any = false;
  for (std::string_view rest = latin; !rest.empty();) {
    std::size_t space = rest.find(' ');
    any = any || is_number(rest.substr(0, space));
    rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
  }
  if (!any) return false;
  for (std::string_view rest = latin; !rest.empty();) {
    std::size_t space = rest.find(' ');
    words.push_back(rest.substr(0, space));
    rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
  }
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::string_view word = words[i];
    if (!may_be_number(word)) {
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
    if (!out.empty()) out.push_back(' ');
    out += digits.empty() ? word : std::string_view(digits);
  }
  if (out == latin) return false;
  latin = std::move(out);
  return true;
}

// Czech and Slovak make a woman's surname with -ová, a foreign one too: the EU's Czech and Slovak
// aliases write Russian and Belarusian women "SERGUNINOVÁ", "Ševcovová", "LENSKAJOVÁ" for
// Sergunina, Shevtsova, Lenskaya. A word's -ová (with its accent: Russian -ова romanises without)
// after a consonant is read as the Russian -a. Nothing when the name holds no -ová (most: no
// copy is made).
std::optional<std::string> WithoutSlavicFeminine(std::string_view name) {
  constexpr std::string_view kLower = "ov\xC3\xA1", kUpper = "OV\xC3\x81";
  if (name.find(kLower) == std::string_view::npos && name.find(kUpper) == std::string_view::npos) {
    return std::nullopt;
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

namespace {

// The country a word of an organisation's name names (CountryCode), or the countries: "Korea"
// is North or South, "Congo" either Congo, and says where as much as "Russia" does ("Industrial
// Bank of Korea" is no KOREA TRADE BANK for their shared distinctive "korea").
std::optional<std::string> CountryWordCode(std::string_view word) {
  // Some names say where by the country's adjective ("Korean Ryengwang Trading Corporation" /
  // KOREA RYONGWANG TRADING CORPORATION), also in the EU's Hungarian ("Koreai Namgang
  // Kereskedelmi Vállalat" / Korea Namgang Trading Company).
  static constexpr std::pair<std::string_view, std::string_view> kWords[] = {
      {"korea", "KP/KR"},   {"korean", "KP/KR"},  {"congo", "CD/CG"}, {"iranian", "IR"},
      {"syrian", "SY"},     {"iraqi", "IQ"},      {"russian", "RU"},  {"chinese", "CN"},
      {"belarusian", "BY"}, {"lebanese", "LB"},   {"afghan", "AF"},   {"libyan", "LY"},
      {"yemeni", "YE"},     {"venezuelan", "VE"}, {"cuban", "CU"},    {"koreai", "KP/KR"},
      {"irani", "IR"},      {"sziriai", "SY"},    {"orosz", "RU"},    {"kinai", "CN"},
      {"feherorosz", "BY"}};
  for (const auto& [country_word, code] : kWords) {
    if (word == country_word) return std::string(code);
  }
  return CountryCode(word);
}

// After "named after" (imeni) a Russian organisation's name puts the person in the genitive,
// which some lists keep ("NAMED AFTER M. A. KARTSEVA", "IMENI P I PLANDINA") and others do not
// ("Named After M.A. Kartsev"): the surnames there key as the nominative (-ova, -eva, -ina ->
// -ov, -ev, -in; -skogo -> -sky).
// The key of org_words.tsv's class "named" (named after, imeni, им. ...).
constexpr std::string_view kNamedAfterKey = "#named";
void GenitiveAfterDedication(std::vector<NameToken>& tokens) {
  bool after = false;
  for (NameToken& t : tokens) {
    if (t.kind != TokenKind::kName) {
      after = t.key == kNamedAfterKey;
      continue;
    }
    if (!after || t.key.size() < 6) continue;
    std::string& key = t.key;
    if (key.ends_with("ova") || key.ends_with("eva") || key.ends_with("ina")) {
      key.pop_back();
    } else if (key.ends_with("skogo")) {
      key.replace(key.size() - 5, 5, "ski");
    }
  }
}

}  // namespace

NormalizedName NormalizeName(std::string_view name, NameForm form) {
  NormalizedName out;
  out.script = DetectScript(name);
  // A Korean name in Hangul is a person's whatever the form: its syllables ("주" ju) are no
  // legal forms or organisation words.
  const bool person =
      form == NameForm::kPerson || (out.script == Script::kHangul && IsKoreanPersonsName(name));
  const std::optional<std::string> russian = WithoutSlavicFeminine(name);
  out.latin = ToLatin(russian ? std::string_view(*russian) : name);
  // People are not numbered ("Ten", "Nine" are names); organisations are.
  if (!person) out.numbered = DigitsForNumberWords(out.latin);
  // Arabic and Hebrew script write no short vowels: their words are compared by consonants.
  const bool skeletal = out.script == Script::kArabic || out.script == Script::kHebrew;
  const bool han = out.script == Script::kHan;
  if (skeletal) out.latin = internal::PartArticle(out.latin);
  if (!skeletal && !han && out.latin.find("abd") != std::string::npos) {
    out.latin = AbdulOnce(out.latin);
  }
  std::vector<std::string_view> words;
  words.reserve(1 + std::count(out.latin.begin(), out.latin.end(), ' '));
  std::string_view rest = out.latin;
  while (!rest.empty()) {
    std::size_t space = rest.find(' ');
    words.push_back(rest.substr(0, space));
    rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
  }
  out.tokens.reserve(words.size());
  const PhraseTables& tables = PhraseTables::Get();
  // Each word's hash, once, for the tables asked about it, whose slots are loaded together.
  std::vector<std::uint64_t> hashes(words.size());
  for (std::size_t k = 0; k < words.size(); ++k) {
    hashes[k] = internal::FlatMap<bool>::Hash(words[k]);
    tables.stopwords.Prefetch(hashes[k]);
    if (person) continue;
    tables.words_of_phrases.Prefetch(hashes[k]);
    tables.first_words.Prefetch(hashes[k]);
  }
  std::string phrase;
  std::size_t i = 0;
  // A title at the start ("President Putin", "Dr. Hamed") is a stop word, if a name follows.
  const std::size_t* title_words =
      words.size() >= 2 ? tables.title_first_words.Find(words[0], hashes[0]) : nullptr;
  for (std::size_t len = title_words ? std::min(*title_words, words.size() - 1) : 0;
       len >= 1 && i == 0; --len) {
    phrase.assign(words[0]);
    for (std::size_t k = 1; k < len; ++k) {
      phrase.push_back(' ');
      phrase.append(words[k]);
    }
    if (tables.titles.Contains(phrase)) {
      out.tokens.push_back(NameToken{phrase, "%" + phrase, TokenKind::kStopword});
      i = len;
    }
  }
  // A long word one edit from a word of a phrase of several words, beside a word of such a
  // phrase, is read as that word in such phrases ("OBSHCHESTVO S OGRANICHENNOI
  // OTVESTVENNOSTYU"), and only there.
  std::vector<std::string_view> mended;
  bool read_mended = false;  // a phrase was read with a mended word
  if (!person) {
    auto of_phrase = [&](std::size_t k) {
      return k < words.size() && tables.words_of_phrases.Contains(words[k], hashes[k]);
    };
    for (std::size_t k = 0; k < words.size(); ++k) {
      if (words[k].size() + 1 < tables.near_phrase_words.min_word() ||
          !(of_phrase(k - 1) || of_phrase(k + 1))) {
        continue;
      }
      const std::string* near = tables.near_phrase_words.Find(words[k]);
      if (!near || *near == words[k]) continue;
      if (mended.empty()) mended = words;
      mended[k] = *near;
    }
  }
  // Stop words are words of alphabets: a syllable romanised from Chinese, Japanese or Korean, or
  // an Arabic-script word without its vowels, that spells one is a name ("杜文华" du wenhua, the
  // Abu Du'a of "أبو دعاء" "abw da").
  const bool stopwords_apply =
      !skeletal && !han && out.script != Script::kKana && out.script != Script::kHangul;
  // Words' romanisation keys, each computed once when first asked for.
  std::vector<std::string> keys(words.size());
  auto key_of = [&](std::size_t k) -> const std::string& {
    if (keys[k].empty()) keys[k] = RomanizationKey(words[k]);
    return keys[k];
  };
  while (i < words.size()) {
    std::size_t taken = 0;
    auto longest_from = [&](std::string_view w, std::uint64_t hash) -> std::size_t {
      const std::size_t* most = person ? nullptr : tables.first_words.Find(w, hash);
      return most ? *most : 0;
    };
    std::size_t longest = longest_from(words[i], hashes[i]);
    if (!mended.empty() && mended[i] != words[i]) {
      longest =
          std::max(longest, longest_from(mended[i], internal::FlatMap<bool>::Hash(mended[i])));
    }
    for (std::size_t len = std::min(longest, words.size() - i); len >= 1; --len) {
      auto lookup = [&](const std::vector<std::string_view>& from) {
        phrase.assign(from[i]);
        for (std::size_t k = 1; k < len; ++k) {
          phrase.push_back(' ');
          phrase.append(from[i + k]);
        }
        // (One word's hash is known.)
        return len == 1 && &from == &words ? tables.phrases.Find(phrase, hashes[i])
                                           : tables.phrases.Find(phrase);
      };
      const internal::Phrase* it = lookup(words);
      if (!it && len > 1 && !mended.empty() &&
          !std::equal(words.begin() + i, words.begin() + i + len, mended.begin() + i)) {
        it = lookup(mended);
        read_mended = read_mended || it != nullptr;
      }
      if (!it) continue;
      // A one-word legal form ("ag", "sa", "ooo") is a legal form only at the edge of a longer
      // name; elsewhere, or alone, it is a generic word ("CORP" alone names nobody).
      TokenKind kind = it->kind;
      bool edge = i == 0 || i + len == words.size();
      // Short consonant strings are not Latin legal forms ("ag", "sa"), only the organisation
      // words written in Arabic script (شرکت "shrkt", company).
      if (skeletal && len == 1 && !it->abjad) continue;
      if (!skeletal && !it->alphabetic) continue;  // "BNK" is no بنك (bank)
      // A syllable of a Chinese name ("博" bo) is not a legal form; Chinese legal forms come
      // from the vocabulary as words ("co ltd").
      if (han && len == 1 && kind == TokenKind::kLegalForm &&
          internal::HanTables::Get().syllables.Contains(phrase)) {
        continue;
      }
      if (len == 1 && kind == TokenKind::kLegalForm && (!edge || words.size() < 2)) {
        kind = TokenKind::kGeneric;
      }
      out.tokens.push_back(NameToken{phrase, it->key, kind});
      taken = len;
      break;
    }
    // A phrase of several words in another romanisation: by its words' keys.
    if (!taken && !person && !skeletal && !han) {
      const std::size_t* first = tables.first_keys.Find(key_of(i));
      const std::size_t most = first ? *first : 0;
      for (std::size_t len = std::min(most, words.size() - i); len >= 2 && !taken; --len) {
        phrase.clear();
        for (std::size_t k = 0; k < len; ++k) {
          if (k > 0) phrase.push_back(' ');
          phrase.append(key_of(i + k));
        }
        const PhraseTables::PhraseEntry* const* it = tables.phrases_by_key.Find(phrase);
        if (!it) continue;
        std::string text(words[i]);
        for (std::size_t k = 1; k < len; ++k) text.append(" ").append(words[i + k]);
        out.tokens.push_back(NameToken{std::move(text), (*it)->second.key, (*it)->second.kind});
        taken = len;
      }
    }
    if (taken) {
      i += taken;
      continue;
    }
    const std::size_t at = i;
    std::string_view w = words[i++];
    NameToken token{std::string(w), "", TokenKind::kName};
    if (internal::HasDigit(w)) {
      token.kind = TokenKind::kNumber;
      token.key = token.text;
    } else if (stopwords_apply &&
               (tables.stopwords.Contains(w, hashes[at]) || (at > 0 && IsGeneration(w)))) {
      token.kind = TokenKind::kStopword;
      token.key = "%" + token.text;  // apart from name keys: "du" is also Doe's key
    } else if (auto country =
                   w.size() >= 4 && !skeletal && !person ? CountryWordCode(w) : std::nullopt) {
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
      token.key = key_of(at);
      // Malaysian and Indonesian lists abbreviate Muhammad: "Mohd Radi Bin Udin" / "Mohamad
      // Rafi BIN UDIN", "Muh Sholeh Ibrahim" / "Mohammad Sholeh Ibrahim".
      if (w == "mohd" || w == "muhd" || w == "muh" || w == "mhd") {
        static const std::string kMuhammad = RomanizationKey("mohamad");
        token.key = kMuhammad;
      }
      // "Maschinostrojenija": an organisation word in another romanisation.
      if (auto* romanised = person || w.size() < internal::NearWords::kMinWord
                                ? nullptr
                                : tables.Romanised(token.key)) {
        token.kind = romanised->second.kind;
        token.key = romanised->second.key;
      }
    }
    out.tokens.push_back(std::move(token));
  }
  if (!person) GenitiveAfterDedication(out.tokens);
  // The text is what was read: "Joint Stock Compnay" is the name "joint stock company", as
  // identical names are found by their text (the index's exact names).
  if (read_mended) {
    std::string read;
    for (const NameToken& t : out.tokens) {
      if (!read.empty()) read.push_back(' ');
      read.append(t.text);
    }
    out.latin = std::move(read);
  }
  return out;
}

}  // namespace dualwatch::text
