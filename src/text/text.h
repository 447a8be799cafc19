// dualwatch::text — Unicode handling shared by every module that reads names or places.
//
// Case folding with Unicode normalisation, whitespace clean-up, script detection, country names
// in any language to ISO 3166-1 alpha-2, and names prepared for matching: transliterated to
// Latin (Cyrillic by table, Chinese to toneless pinyin with a word list, other scripts through
// ICU), tokenised, with legal forms, generic words and numbers tagged, and a romanisation key
// per token that makes kh/h, ts/c, yu/iu, ya/ia, zh/j, shch/sch, y/i, w/v, x/ks variants equal.
//
// Thread safety: every function is safe to call from many threads; the country table is built
// once, on first use, under a static initialiser.
#ifndef DUALWATCH_TEXT_TEXT_H_
#define DUALWATCH_TEXT_TEXT_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dualwatch::text {

// NFKC normalisation with Unicode case folding ("ＡＢＣ Straße" → "abc strasse").
// Invalid UTF-8 is replaced by U+FFFD.
std::string FoldCase(std::string_view utf8);

// Trims and collapses runs of whitespace (including tabs, newlines, NBSP) to one space.
std::string CollapseSpace(std::string_view utf8);

// The dominant writing system of a string, by count of letters.
enum class Script : unsigned char {
  kNone,
  kLatin,
  kCyrillic,
  kHan,
  kArabic,
  kGreek,
  kHangul,
  kKana,
  kHebrew,
  kOther
};
Script DetectScript(std::string_view utf8);
std::string_view ScriptName(Script script);  // ISO 15924 code: "Latn", "Cyrl", "Hani", ...

// Maps a country as lists write it to ISO 3166-1 alpha-2, upper case: "CN" for "China",
// "CHINA, PEOPLE'S REPUBLIC OF", "People’s Republic of China", "CHN", "Китай", "中国";
// "HK" for "Гонконг". Names come from ICU's CLDR display names in 12 languages plus the aliases
// in data/text/country_aliases.tsv. Returns nullopt when the text names no country.
std::optional<std::string> CountryCode(std::string_view name);
// The key of a country word in a name (NormalizeName): this, then its code ("#country-RU").
inline constexpr std::string_view kCountryKeyPrefix = "#country-";

// English short name of an ISO alpha-2 code ("CN" → "China"); empty if unknown.
std::string CountryName(std::string_view code);
// Every English name and alias of the table with its code ("Democratic People's Republic of
// Korea", "KP"): NormalizeName reads those of several words as one country word.
const std::vector<std::pair<std::string, std::string>>& CountryNames();

// Transliterates to lower-case Latin ASCII: "Владимир Путин" → "vladimir putin",
// "长沙天仪空间科技研究院有限公司" → "changsha tianyi space technology research institute co ltd"
// (Chinese words from data/text/zh_vocabulary.tsv, other characters as toneless pinyin, runs of
// unknown characters grouped as names are written), "Müller" → "muller". Punctuation becomes
// spaces; apostrophes vanish. Cost: about 1 µs for ASCII, a few µs for Cyrillic or Chinese.
std::string ToLatin(std::string_view utf8);

// What a token of a name is, for weighting: names and numbers identify, legal forms and generic
// words describe, stop words carry nothing.
enum class TokenKind : unsigned char {
  kName,       // distinctive word: "tianyi", "putin"
  kNumber,     // contains a digit: "558", "11420"; must agree between query and list
  kLegalForm,  // "llc", "ooo", "co ltd", "общество с ограниченной ответственностью"
  kGeneric,    // generic organisation word: "trading", "international", "group"
  kDomain,     // sector word: "technology", "bank", "research"
  kStopword,   // "and", "of", "the"; titles like "general"
};
std::string_view TokenKindName(TokenKind kind);

struct NameToken {
  std::string text;  // Latin form as written: "tianyi", "co ltd"
  std::string key;   // comparison key: romanisation key for names ("tianii"), "#llc" or "#tech"
                     // for legal forms and organisation words (equal across languages); for
                     // skeletal tokens "~" + the consonant skeleton ("~mhmd"); stop words
                     // "%" + the word
  TokenKind kind = TokenKind::kName;
  // From a script that does not write short vowels (Arabic, Persian, Hebrew): only its
  // consonants can be compared with Latin names (ConsonantSkeleton).
  bool skeletal = false;
};

struct NormalizedName {
  std::string latin;  // the transliterated text, as read (a legal form's misspelt word mended)
  std::vector<NameToken> tokens;
  Script script = Script::kNone;  // of the original
  bool numbered = false;  // number words were written as digits ("Ten" -> 10; never a person's)
};

// The whole preparation: ToLatin, split, tag legal forms (longest phrase from
// data/text/legal_forms.tsv; a one-word form only at the start or end of a name of two or more
// words), organisation words (data/text/org_words.tsv), numbers and stop words, then keys.
// kPerson: a person's name has no legal forms, organisation words or countries ("LIN Na": "na"
// is not the legal form N.A.; "Kenya" may be a given name); titles and stop words stay.
enum class NameForm { kAny, kPerson };
NormalizedName NormalizeName(std::string_view name, NameForm form = NameForm::kAny);

// A query's organisation name quoted within a designation, read as the quoted name and the
// designation's legal forms, as other lists write it: the EU translates designations into its
// languages ("Întreprinderea de proiectare și producție «Iris» SA" -> "intreprinderea Iris sa";
// "Vědecko-výrobní závod „Saljut“, a. s." -> "Saljut a s", NPP SALYUT JSC). Empty when the
// name is not so written (no quote, nothing named within it, no legal form or no other word
// around it). Queries only: a list's two "Signal" plants are two entities.
// `normalized`: NormalizeName(name).
std::string QuotedNameReading(std::string_view name, const NormalizedName& normalized);

// The names one written name stands for, when it writes several: "A / B" (the EU list's
// "Наталья ВОЛКОВА / Наталiя ВОЛКОВА") and "A; B" outside brackets give A and B; a trailing
// bracket gives the text outside
// it and the whole text, or, with `inside_alone`, the text outside and the text inside
// ("Islamic Republic of Iran Shipping Lines (IRISL)", "Акционерное Общество «Швабе» (АО
// «Швабе»)"). List names are split with it; queries without, since a query's bracket is more
// often a remark ("Alphabet (Class A)", "(PSBC)") than a name: a query's bracket stands alone
// only when it writes two words of two letters or more ("(SGM-Most OOO)"). "(formerly X)",
// "(f/k/a X)" give X alone, with or without `inside_alone`. A bracket within a name or naming a
// country says which of several ("Bank of China (Hong Kong) Limited") and parts nothing. A
// dedication ("… named after N.I. Sazikin", "имени Морозова", "им. М.Ф Стельмаха") gives the
// name without it too, since lists write it or leave it out; so does a parent before a comma
// when a legal form begins the rest ("Tactical Missile Corporation, Joint Stock Company
// Avangard" gives "Joint Stock Company Avangard"), and a name quoted within a quoted
// designation, after what precedes the quotes ("AO “NII ‘PLAZMA’”" gives "AO PLAZMA").
// Otherwise, or when brackets do not balance, the name itself, alone. Alternatives are trimmed,
// non-empty and distinct; at most kMaxAlternatives.
inline constexpr std::size_t kMaxAlternatives = 8;
std::vector<std::string> NameAlternatives(std::string_view name, bool inside_alone);
// The readings of a listed name: its alternatives with a bracket's text alone, then those a
// query's reading adds ("X (ACR)" as "X ACR"), so that the name as listed finds its entity.
std::vector<std::string> ListNameReadings(std::string_view name);

// The fewest toneless pinyin syllables a Latin word splits into ("xiaoming" = xiao + ming: 2),
// or 0 when it does not ("kwai", "hsiao"): Chinese characters are romanised so here, and a
// one-letter change is another character.
std::size_t PinyinSyllables(std::string_view word);

// A hash of the word tables built in (data/text/*.tsv: legal forms, organisation words, titles,
// pinyin, Chinese vocabulary, country aliases): names are tokenised by them, so an index cache
// built with other tables is stale.
std::uint64_t TablesFingerprint();

// A Latin word that is one Korean syllable as McCune-Reischauer, the DPRK's own spelling or the
// Revised Romanization write it ("chong", "jong", "cheong": 정): its spellings in all three
// (initial k/g, t/d, p/b, ch/j, r/l; vowel o/eo, u/eu, yo/yeo/yu/you ("Young"), e/ae; final k/g,
// t/d, p/b, l/r), the word itself among them. Empty when the word is no such syllable.
std::vector<std::string> KoreanSpellings(std::string_view word);
// Whether `name` is a Korean person's name in Hangul: written wholly in Hangul, two to four
// syllables in one or two words ("김경남", "영철 김"). ToLatin reads each syllable as a word, as
// lists romanise such names ("KIM Kyong Nam"); NormalizeName reads the words as a person's.
bool IsKoreanPersonsName(std::string_view name);
// One spelling of all those (the same for "cho" and "jo"), or "" when the word is no syllable.
std::string KoreanSyllableKey(std::string_view word);

// The romanisation key of one Latin token ("khrushchev" → "hrushev", "yuriy" → "uri").
std::string RomanizationKey(std::string_view token);
// The key of the Russian given name that a Belarusian or Ukrainian one's key is ("sarhei" of
// Siarhei, "serhi" of Serhiy → "sergei"; data/text/given_names.tsv), else `key` itself.
std::string_view GivenNameKey(std::string_view key);

// Russian place adjectives and the places they name, by romanisation key: an organisation's
// name says "Казанский вертолётный завод" (kazanskiy, of Kazan) where its English name says
// "Kazan Helicopter Plant"; "votkinskiy" is of Votkinsk, "cheboksarskiy" of Cheboksary. An
// adjective (a key ending as -skiy, -skaya, -skoye, -skogo ... do once folded) has one stem, the
// key without its ending; another key has up to two, itself and itself without a final vowel or
// "-sk". A place adjective names the place when its stem is one of the place's stems. Stems
// shorter than kMinPlaceStem letters are none: Perm, Ural, Tula and Omsk are lost, but
// "Skanska" is not OFAC's "SCAN" (a stem "skan", which flagged the sample's Skanska records).
inline constexpr std::size_t kMinPlaceStem = 5;
struct PlaceStems {
  bool adjective = false;
  std::string stems[2];  // empty when none
};
PlaceStems PlaceStemsOfKey(std::string_view key);

// Consonants only, in classes that Arabic-script spellings share with Latin ones: "mohammed",
// "muhammad" and محمد (ICU: "mhmd") → "mhmd"; "vladimir" and فلاديمير → "fldmr".
// A v is an f (فلاديمير Vladimir) or, in Persian spellings, the waw, a long vowel (جواد Javad):
// a Latin word with a v has a skeleton in each reading.
enum class VReading { kF, kWaw };
std::string ConsonantSkeleton(std::string_view latin_token, VReading v_reading = VReading::kF);
// The consonants of a word as written, a letter repeated after a vowel counted again
// ("hilal" 3, "hlal" 3, "sasol" 3, "shyl" 2): ConsonantSkeleton joins those repeats, as the
// vowels between them may be a long vowel Arabic script writes or a short one it does not.
std::size_t SpelledConsonants(std::string_view word, VReading v_reading = VReading::kF);

// Whether the long vowels an Arabic-script word writes after its first consonant (ا a, ي y,
// و w, as ICU romanises them: احسان "ahsan", حسين "hsyn", حسنا "hsna") are among the vowels
// the other spelling, Latin or Arabic, puts there: Hossein is حسين, not احسان Ehsan or حسنا
// Hosna; Jalali is not جلیلی Jalili. Short vowels are not written, so a gap without one agrees
// with any.
bool LongVowelsAgree(std::string_view abjad_token, std::string_view latin_token,
                     VReading v_reading = VReading::kF);

}  // namespace dualwatch::text

#endif  // DUALWATCH_TEXT_TEXT_H_
