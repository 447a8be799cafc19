#include "text/text.h"

#include <gtest/gtest.h>
#include <unicode/translit.h>
#include <unicode/uscript.h>

#include <memory>

#include "text/tables.h"

namespace dualwatch::text {
namespace {

// ASCII text takes a shortcut past ICU; each ASCII character must fold as ICU folds it (the
// trailing "é" sends the same character through ICU).
TEST(FoldCase, FoldsAsciiExactlyAsIcuDoes) {
  for (int c = 0; c < 0x80; ++c) {
    std::string ascii(1, static_cast<char>(c));
    EXPECT_EQ(FoldCase(ascii) + "é", FoldCase(ascii + "É")) << "character " << c;
  }
  EXPECT_EQ(FoldCase("Sber Bank OF Russia, PJSC"), "sber bank of russia, pjsc");
}

// A name of ASCII and basic Cyrillic letters (U+0400-U+045F) is folded without ICU; each such
// letter must come out as ICU folds it (the trailing "É" sends the same name through ICU).
TEST(ToLatin, FoldsBasicCyrillicExactlyAsIcuDoes) {
  for (char32_t c = 0x400; c <= 0x45F; ++c) {
    const std::string letter = {static_cast<char>(0xC0 | (c >> 6)),
                                static_cast<char>(0x80 | (c & 0x3F))};
    const std::string word = "Б" + letter + "а";
    EXPECT_EQ(ToLatin(word) + " e", ToLatin(word + " É"))
        << "code point " << std::hex << static_cast<std::uint32_t>(c);
  }
  EXPECT_EQ(ToLatin("ООО «ЁЛКА-ТРЕЙД»"), ToLatin("ооо «ёлка-трейд»"));
}

TEST(FoldCase, NormalisesWidthAndCase) {
  EXPECT_EQ(FoldCase("ＡＢＣ Straße"), "abc strasse");
  EXPECT_EQ(FoldCase("ООО «ТЕРРА»"), "ооо «терра»");
}

TEST(CollapseSpace, TrimsAndCollapsesUnicodeSpaces) {
  EXPECT_EQ(CollapseSpace("  a \t b\xC2\xA0\xC2\xA0"
                          "c \n"),
            "a b c");
}

TEST(DetectScript, NamesTheDominantScript) {
  EXPECT_EQ(DetectScript("SPACETY CO. LTD"), Script::kLatin);
  EXPECT_EQ(DetectScript("Александр КОФМАН"), Script::kCyrillic);
  EXPECT_EQ(DetectScript("长沙天仪空间科技研究院有限公司"), Script::kHan);
  EXPECT_EQ(DetectScript("123"), Script::kNone);
  EXPECT_EQ(ScriptName(Script::kHan), "Hani");
}

// English words written in Cyrillic, as OFAC romanises them back: ООО ПВ Бридж is OOO PV
// BRIDZH on OFAC's list and PV Bridge on the EU's.
TEST(RomanizationKey, FoldsEnglishDgeAsRussianDzh) {
  EXPECT_EQ(RomanizationKey("bridge"), RomanizationKey("bridzh"));
  EXPECT_EQ(RomanizationKey("bridgetech"), RomanizationKey("bridzhtech"));
  EXPECT_NE(RomanizationKey("edgar"), RomanizationKey("ejar"));  // only "dge"
}

// The initial Я as OFAC and the EU write it ("YA M SVERDLOV PLANT" / "Plant named after Ia. M.
// Sverdlov"); a two-letter word keeps a key of two letters.
TEST(RomanizationKey, FoldsTheIotatedInitials) {
  EXPECT_EQ(RomanizationKey("ya"), RomanizationKey("ia"));
  EXPECT_EQ(RomanizationKey("yu"), RomanizationKey("iu"));
  EXPECT_NE(RomanizationKey("yu"), RomanizationKey("yi"));
  EXPECT_EQ(RomanizationKey("ya").size(), 2u);
}

// The е after an o written "ye" or "e" (строения: "stroyeniya", "stroeniya"), and the German
// "je" of it: one key ("oe" reads as the Dutch "u" of "Poetin", so "oye" must too).
TEST(RomanizationKey, FoldsTheEAfterAnOWrittenEitherWay) {
  EXPECT_EQ(RomanizationKey("mashinostroyeniya"), RomanizationKey("mashinostroeniya"));
  EXPECT_EQ(RomanizationKey("maschinostrojenija"), RomanizationKey("mashinostroeniya"));
  EXPECT_EQ(RomanizationKey("troyekurov"), RomanizationKey("troekurov"));
}

// ё after a consonant is written "yo" or "e" (OFAC's "YAROSH, Pyotr" / "JAROSH, Petr").
TEST(RomanizationKey, FoldsTheYoAfterAConsonantAsE) {
  EXPECT_EQ(RomanizationKey("pyotr"), RomanizationKey("petr"));
  EXPECT_EQ(RomanizationKey("fyodor"), RomanizationKey("fedor"));
  EXPECT_EQ(RomanizationKey("alyona"), RomanizationKey("alena"));
  EXPECT_NE(RomanizationKey("yosef"), RomanizationKey("esef"));  // a first yo stays o
}

// Belarusian romanisations of the UK's and OFAC's Belarusian names.
TEST(RomanizationKey, FoldsBelarusianEndings) {
  EXPECT_EQ(RomanizationKey("barsukou"), RomanizationKey("barsukov"));
  // An unstressed o before ў is written a: ВОІНАЎ (EU FSF 7555.81) is Voinov, MAROZAU Morozov.
  EXPECT_EQ(RomanizationKey(ToLatin("ВОІНАЎ")), RomanizationKey("voinov"));
  EXPECT_EQ(RomanizationKey("marozau"), RomanizationKey("marozov"));
  EXPECT_NE(RomanizationKey("moreau"), RomanizationKey("moreov"));  // a vowel before: French
  EXPECT_EQ(RomanizationKey("mikhailavich"), RomanizationKey("mikhailovich"));
  EXPECT_EQ(RomanizationKey("mikhailauna"), RomanizationKey("mikhailovna"));
  EXPECT_NE(RomanizationKey("abou"), RomanizationKey("abov"));  // too short to be a surname's
}

// The EU lists write Russian names in each member state's spelling; these pairs are one
// person's names on the bundled EU financial sanctions file.
// The EU's "АО “Томский электротехнический завод”" is its "JSC Tomsk Electrotechnical Plant".
TEST(RomanizationKey, FoldsRussianAdjectivesOfIcalAsTheEnglishWord) {
  EXPECT_EQ(RomanizationKey("elektrotekhnicheskiy"), "elektrotehnical");
  EXPECT_EQ(RomanizationKey("elektrotekhnicheskaya"), "elektrotehnical");
  EXPECT_EQ(RomanizationKey("elektrotekhnicheskogo"), "elektrotehnical");
  EXPECT_EQ(RomanizationKey("politicheskiy"), RomanizationKey("political"));
}

TEST(RomanizationKey, FoldsOtherLanguagesSpellingsOfRussianNames) {
  // Swedish -j- and -tj, against the English spelling.
  EXPECT_EQ(RomanizationKey("sergejevitj"), RomanizationKey("sergeyevich"));
  EXPECT_EQ(RomanizationKey("nikolajevitj"), RomanizationKey("nikolaevich"));
  EXPECT_EQ(RomanizationKey("ljubarskij"), RomanizationKey("lyubarskiy"));
  EXPECT_EQ(RomanizationKey("pjotr"), RomanizationKey("pyotr"));
  // Swedish and Dutch tj, sj, zj and tsj for ч, ш, ж (names from the EU list's Swedish aliases).
  EXPECT_EQ(RomanizationKey("mirosjnitjenko"), RomanizationKey("miroshnichenko"));
  EXPECT_EQ(RomanizationKey("tsjernysjov"), RomanizationKey("chernyshov"));
  EXPECT_EQ(RomanizationKey("zjukov"), RomanizationKey("zhukov"));
  EXPECT_EQ(RomanizationKey("vjatjeslav"), RomanizationKey("vyacheslav"));
  EXPECT_EQ(RomanizationKey("davidovitsj"), RomanizationKey("davidovich"));
  // Czech, Polish, German and Catalan patronymic endings.
  EXPECT_EQ(RomanizationKey("vladimirovic"), RomanizationKey("vladimirovich"));
  EXPECT_EQ(RomanizationKey("vladimirowicz"), RomanizationKey("vladimirovich"));
  EXPECT_EQ(RomanizationKey("vladimirowitsch"), RomanizationKey("vladimirovich"));
  EXPECT_EQ(RomanizationKey("vladimirovitx"), RomanizationKey("vladimirovich"));
  // French dj.
  EXPECT_EQ(RomanizationKey("djamel"), RomanizationKey("jamel"));
  // No word folds to one letter, an initial's key: 玉 "yu" and "yi" stay apart, as do "iii" and
  // "i".
  EXPECT_EQ(RomanizationKey("yu"), "yu");
  EXPECT_NE(RomanizationKey("yu"), RomanizationKey("yi"));
  EXPECT_NE(RomanizationKey("iii"), RomanizationKey("i"));
  // A first j is a j: John is not "on", Jamal not Amal.
  EXPECT_NE(RomanizationKey("john"), RomanizationKey("ohn"));
  EXPECT_NE(RomanizationKey("jamal"), RomanizationKey("amal"));
  // Latvian and Lithuanian
  EXPECT_EQ(RomanizationKey("lavrovs"), RomanizationKey("lavrov"));
  EXPECT_EQ(RomanizationKey("lavrovas"), RomanizationKey("lavrov"));
  EXPECT_EQ(RomanizationKey("sergejs"), RomanizationKey("sergey"));
  EXPECT_EQ(RomanizationKey("nikolajs"), RomanizationKey("nikolai"));
}

// French spellings write ج dj: the EU's "Djaafar Abou Mohamed" (EU FSF 1985) is جعفر.
TEST(ConsonantSkeleton, ReadsDjAsOneLetter) {
  EXPECT_EQ(ConsonantSkeleton("djaafar"), ConsonantSkeleton(ToLatin("جعفر")));
  EXPECT_EQ(ConsonantSkeleton("abdeldjalil"), ConsonantSkeleton("abdeljalil"));
}

// A doubled letter counts once before the rules read it: OFAC's "FAYYAD, Saleh Mahmud" is its
// "FAYAD, Saleh Mahmoud", "SAFAVI, Seyyed Khalil" its "Seyed Khalil" (the ya of "yya" had been
// read after a second y).
TEST(RomanizationKey, ReadsADoubledLetterOnce) {
  EXPECT_EQ(RomanizationKey("fayyad"), RomanizationKey("fayad"));
  EXPECT_EQ(RomanizationKey("seyyed"), RomanizationKey("seyed"));
  EXPECT_EQ(RomanizationKey("ayyash"), RomanizationKey("ayash"));
  EXPECT_EQ(RomanizationKey("kirill"), RomanizationKey("kiril"));
}

// The Arabic diphthong aw before a consonant is also written o: OFAC's "Imad Mahmoud NAWFAL"
// is its "NOFAL". Before a vowel the w is a consonant ("Jawad").
TEST(RomanizationKey, FoldsTheDiphthongAw) {
  EXPECT_EQ(RomanizationKey("nawfal"), RomanizationKey("nofal"));
  EXPECT_EQ(RomanizationKey("shawkat"), RomanizationKey("shokat"));
  EXPECT_NE(RomanizationKey("jawad"), RomanizationKey("joad"));
}

// Arabic-script words meet Latin spellings by consonants; a final i/y is written in both.
TEST(ConsonantSkeleton, KeepsTheFinalYaThatArabicScriptWrites) {
  EXPECT_EQ(ConsonantSkeleton("mohammed"), ConsonantSkeleton(ToLatin("محمد")));
  EXPECT_EQ(ConsonantSkeleton("mohammadi"), ConsonantSkeleton(ToLatin("محمدی")));
  EXPECT_NE(ConsonantSkeleton("mohammadi"), ConsonantSkeleton("mohammed"));
  EXPECT_EQ(ConsonantSkeleton("ali"), ConsonantSkeleton(ToLatin("علي")));
  // Alif maqsura is the final a of Mustafa and Musa, not a ya.
  EXPECT_EQ(ConsonantSkeleton("mustafa"), ConsonantSkeleton(ToLatin("مصطفى")));
  EXPECT_EQ(ConsonantSkeleton("musa"), ConsonantSkeleton(ToLatin("موسى")));
  // Persian writes it with its ya in some names (EU: مرتضی Morteza, مجتبی Mojtaba, صغری Soghra).
  EXPECT_EQ(ConsonantSkeleton("morteza"), ConsonantSkeleton(ToLatin("مرتضی")));
  EXPECT_EQ(ConsonantSkeleton("mojtaba"), ConsonantSkeleton(ToLatin("مجتبی")));
  EXPECT_EQ(ConsonantSkeleton("mousa"), ConsonantSkeleton(ToLatin("موسی")));
  // Elsewhere a final ى is the ya it also writes (UN: حقانى Haqqani, حكيمى Hakimi; EU: واحدى
  // Vahedi).
  EXPECT_EQ(ConsonantSkeleton("haqqani"), ConsonantSkeleton(ToLatin("حقانى")));
  EXPECT_EQ(ConsonantSkeleton("hakimi"), ConsonantSkeleton(ToLatin("حكيمى")));
}

// Ta marbuta is the vowel before it, not a t (أسامة Osama, فاطمة Fatima), while the t of بركات
// Barakat stays; gh and q are one consonant (Persian آقامیری Aghamiri, Ghasem / Qasem).
TEST(ConsonantSkeleton, ReadsTaMarbutaAsAVowelAndGhAsQ) {
  EXPECT_EQ(ConsonantSkeleton("osama"), ConsonantSkeleton(ToLatin("أسامة")));
  EXPECT_EQ(ConsonantSkeleton("fatima"), ConsonantSkeleton(ToLatin("فاطمة")));
  EXPECT_EQ(ConsonantSkeleton("barakat"), ConsonantSkeleton(ToLatin("بركات")));
  EXPECT_EQ(ConsonantSkeleton("aghamiri"), ConsonantSkeleton(ToLatin("آقامیری")));
  EXPECT_EQ(ConsonantSkeleton("ghasem"), ConsonantSkeleton("qasem"));
}

// Russian place adjectives, romanised as the lists write them, name their places: EU 269/2014's
// "Казанский вертолётный завод" (Kazan), "Кумертауская ... компания" (Kumertau), OFAC's
// "CHEBOKSARSKOE" (Cheboksary); "Votkinsk" is the noun, "Transkom" no adjective.
TEST(SpelledConsonants, CountsALetterRepeatedAfterAVowelAgain) {
  EXPECT_EQ(SpelledConsonants("hilal"), SpelledConsonants(ToLatin("هلال")));
  EXPECT_EQ(SpelledConsonants("hassan"),
            3u);  // h s n: a doubled letter is one, as shadda writes it
  EXPECT_EQ(SpelledConsonants("sasol"), 3u);
  EXPECT_EQ(SpelledConsonants("lilly"), 2u);
}

// Persian ژ is read as a j, the Latin spellings' j (EU FSF 10048.96 "Bijan" / بیژن, 9090.87
// "SHEIKHNEJAD" / شیخنژاد); their zh is met by the Latin word's other skeleton
// (match::TokenOtherSkeleton), since a zh is also z and h (Azhar / أزهر, Zahra / زهرا).
TEST(ConsonantSkeleton, ReadsPersianZheAsJ) {
  EXPECT_EQ(ConsonantSkeleton("bijan"), ConsonantSkeleton(ToLatin("بیژن")));
  EXPECT_EQ(ConsonantSkeleton("nejad"), ConsonantSkeleton(ToLatin("نژاد")));
  EXPECT_EQ(ConsonantSkeleton("azhar"), ConsonantSkeleton(ToLatin("أزهر")));
  EXPECT_EQ(ConsonantSkeleton("zahra"), ConsonantSkeleton(ToLatin("زهرا")));
}

// ICU writes ش "sẖ" and س followed by ه "sh"; ToLatin keeps them apart, so Suhayl is سهيل and
// Sharif شریف. ض ظ ذ are read d or z: Persian Reza is Arabic Rida; and و a v.
TEST(ConsonantSkeleton, TellsAHehAfterALetterFromADigraph) {
  EXPECT_EQ(ConsonantSkeleton("suhayl"), ConsonantSkeleton(ToLatin("سهيل")));
  EXPECT_NE(ConsonantSkeleton("sasol"), ConsonantSkeleton(ToLatin("سهيل")));
  EXPECT_EQ(ConsonantSkeleton("tehrani"), ConsonantSkeleton(ToLatin("تهرانی")));
  EXPECT_EQ(ConsonantSkeleton("taha"), ConsonantSkeleton(ToLatin("طه")));
  // د then ح is no ذ (محمدحسین, Mohammad Hossein); ت then ح stays "th", as Fathi writes فتحی.
  EXPECT_EQ(ConsonantSkeleton("mohammad") + ConsonantSkeleton("hossein"),
            ConsonantSkeleton(ToLatin("محمدحسین")));
  EXPECT_EQ(ConsonantSkeleton("fathi"), ConsonantSkeleton(ToLatin("فتحی")));
  EXPECT_EQ(ConsonantSkeleton("sharif"), ConsonantSkeleton(ToLatin("شریف")));
  EXPECT_EQ(ConsonantSkeleton("reza"), ConsonantSkeleton(ToLatin("رضا")));
  EXPECT_EQ(ConsonantSkeleton("ramazan"), ConsonantSkeleton(ToLatin("رمضان")));
  // A v is an f (فلاديمير Vladimir) or a Persian waw (جواد Javad).
  EXPECT_EQ(ConsonantSkeleton("vladimir"), ConsonantSkeleton(ToLatin("فلاديمير")));
  EXPECT_EQ(ConsonantSkeleton("javad", VReading::kWaw), ConsonantSkeleton(ToLatin("جواد")));
  EXPECT_NE(ConsonantSkeleton("javad"), ConsonantSkeleton(ToLatin("جواد")));
  EXPECT_TRUE(LongVowelsAgree(ToLatin("جواد"), "javad", VReading::kWaw));
}

TEST(PlaceStemsOfKey, MatchesAdjectivesToTheirPlaces) {
  auto stems = [](std::string_view word) { return PlaceStemsOfKey(RomanizationKey(word)); };
  auto names = [&](std::string_view adjective, std::string_view place) {
    PlaceStems a = stems(adjective), p = stems(place);
    return a.adjective && !p.adjective && !a.stems[0].empty() &&
           (a.stems[0] == p.stems[0] || a.stems[0] == p.stems[1]);
  };
  EXPECT_TRUE(names(ToLatin("Казанский"), "kazan"));
  EXPECT_TRUE(names(ToLatin("Кумертауская"), "kumertau"));
  EXPECT_TRUE(names("cheboksarskoe", "cheboksary"));
  EXPECT_TRUE(names("votkinskiy", "votkinsk"));
  EXPECT_TRUE(names(ToLatin("Московский"), "moscow"));
  EXPECT_FALSE(stems("transkom").adjective);
  EXPECT_FALSE(names("kazanskiy", "kazakh"));
  EXPECT_FALSE(stems("omskiy").adjective);  // a stem too short to tell
}

// Long vowels Arabic script writes (ا ي و) must be vowels of the Latin spelling: yente's
// synthetic احسان (Ehsan) and جلیلی (Jalili) against OFAC's Hossein JALALI.
TEST(LongVowelsAgree, TellsNamesWithTheSameConsonantsApart) {
  auto agree = [](std::string_view arabic, std::string_view latin) {
    EXPECT_EQ(ConsonantSkeleton(ToLatin(arabic)), ConsonantSkeleton(latin)) << latin;
    return LongVowelsAgree(ToLatin(arabic), latin);
  };
  EXPECT_TRUE(agree("حسين", "hossein"));
  EXPECT_TRUE(agree("حسين", "husayn"));
  EXPECT_FALSE(agree("احسان", "hossein"));
  EXPECT_TRUE(agree("احسان", "ehsan"));
  EXPECT_FALSE(agree("حسين", "hasan"));
  EXPECT_FALSE(agree("جلیلی", "jalali"));
  EXPECT_TRUE(agree("جلیلی", "jalili"));
  EXPECT_FALSE(agree("حسنا", "hossein"));  // a final alif too
  EXPECT_TRUE(agree("حسنا", "hosna"));
  // Between two Arabic-script spellings, each one's long vowels.
  EXPECT_FALSE(LongVowelsAgree(ToLatin("جلیلی"), ToLatin("جلالی")));
  EXPECT_FALSE(LongVowelsAgree(ToLatin("ايمان"), ToLatin("أيمن")));
  // Written but not long: the article's alif (Abdullah), Persian silent waw (Khajeh); Maghrebi
  // French writes alif e (Belkalem).
  EXPECT_TRUE(agree("عبدالله", "abdullah"));
  EXPECT_TRUE(agree("خواجه", "khajeh"));
  EXPECT_TRUE(agree("بلكلام", "belkalem"));
  EXPECT_TRUE(agree("عمرو", "amr"));
}

// Dotted initials join in any name, not only in ASCII ones: "Société Générale S.A." is
// "Societe Generale S.A.".
TEST(ToLatin, JoinsDottedInitialsInNamesWithAccents) {
  EXPECT_EQ(ToLatin("Société Générale S.A."), ToLatin("Societe Generale S.A."));
  EXPECT_EQ(ToLatin("Crédit Agricole S.A."), "credit agricole sa");
  EXPECT_EQ(ToLatin("J. R. R. Tolkién"), "j r r tolkien");
}

// English possession is not part of a name; an apostrophe within one is (O'Shea).
TEST(ToLatin, DropsThePossessiveS) {
  EXPECT_EQ(ToLatin("Deutsche Bank's AG"), "deutsche bank ag");
  EXPECT_EQ(ToLatin("Macy’s Inc"), "macy inc");
  EXPECT_EQ(ToLatin("Moody's"), "moody");
  EXPECT_EQ(ToLatin("O'Shea"), "oshea");
  EXPECT_EQ(ToLatin("Compañía O'Shea"), "compania oshea");
}

// Traditional characters read as their simplified forms (the word list is simplified), through
// ICU's Traditional-Simplified one character at a time: data/text/han_simplified.tsv, which
// must stay what this ICU's transform gives for every Chinese character.
// 々 repeats the character before it, in Japanese names written in kanji (the synthetic people
// of yente_synthetic_negatives_global.csv: 佐々木).
TEST(ToLatin, ReadsTheIterationMarkAsTheCharacterBefore) {
  EXPECT_EQ(ToLatin("佐々木"), ToLatin("佐佐木"));
}

// Chinese names as the lists' own bilingual entries write them in Latin letters (EU 833/2014
// Annex IV, the UK's list): a place's 市 / 省 left out, three characters among organisation
// words one name ("Shenzhen Bailiansheng Electronic Technology", "Heilongjiang Karubis Trade
// Development"); 长 read chang in names (长光 "Chang Guang Satellite"), 拓 tuo ("Jiangxi
// Xintuo"); a name of two characters alone, the first a common surname, is a surname and a given
// name ("赵伟" / "Wei ZHAO"), two characters in a longer name one word (天仪 Tianyi).
TEST(ToLatin, ReadsChineseNamesAsTheListsWriteThemInLatinLetters) {
  EXPECT_EQ(ToLatin("深圳市佰联升电子科技有限公司"),
            "shenzhen bailiansheng electronic technology co ltd");
  EXPECT_EQ(ToLatin("黑龙江省卡鲁布斯贸易发展有限公司"),
            "heilongjiang kalu busi trading development co ltd");
  EXPECT_EQ(ToLatin("长光卫星技术股份有限公司"),
            "changguang satellite technology joint stock company limited");
  EXPECT_EQ(ToLatin("江西新拓实业有限公司"), "jiangxi xintuo industrial co ltd");
  EXPECT_EQ(ToLatin("北京和德宇航技术有限公司"), "beijing hede aerospace technology co ltd");
  EXPECT_EQ(ToLatin("赵伟"), "zhao wei");
  EXPECT_EQ(ToLatin("习近平"), "xi jinping");  // a person's three characters
  EXPECT_EQ(ToLatin("习近平 Xi Jinping"), "xi jinping xi jinping");
  EXPECT_EQ(ToLatin("曾伟"), "zeng wei");  // 曾 read as the surname
  // A foreign name spelled in characters (玛莎 Martha) stays one word: 玛 is no common surname.
  EXPECT_EQ(ToLatin("玛莎"), "masha");
  EXPECT_EQ(ToLatin("长沙天仪"), "changsha tianyi");
  // 市 is left out after a place only: 城市 is a word's.
  EXPECT_EQ(ToLatin("城市"), "chengshi");
}

TEST(ToLatin, ReadsTraditionalCharactersAsSimplified) {
  EXPECT_EQ(ToLatin("華為技術有限公司"), ToLatin("华为技术有限公司"));
  EXPECT_EQ(ToLatin("長沙天儀空間科技研究院有限公司"), ToLatin("长沙天仪空间科技研究院有限公司"));
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> simplify(
      icu::Transliterator::createInstance("Traditional-Simplified", UTRANS_FORWARD, status));
  ASSERT_TRUE(U_SUCCESS(status));
  const internal::HanTables& han = internal::HanTables::Get();
  std::size_t changed = 0;
  for (UChar32 c = 0x3400; c <= 0x2FA1F; ++c) {
    UErrorCode st = U_ZERO_ERROR;
    if (uscript_getScript(c, &st) != USCRIPT_HAN) continue;
    icu::UnicodeString s(c);
    simplify->transliterate(s);
    const auto expected = static_cast<UChar32>(han.Simplified(static_cast<char32_t>(c)));
    ASSERT_EQ(s, icu::UnicodeString(expected)) << "U+" << std::hex << c;
    changed += expected != c;
  }
  EXPECT_EQ(changed, han.simplified_count);
  EXPECT_GT(changed, 2000u);
}

// A look-alike of the other script typed into a word is read in the word's script: the EU
// writes "JSС Krasmash" and "Joint Stock Сompany Krasnoyarsk machine-building plant" with a
// Cyrillic С; clerks type ОOО and POCCИЯ with Latin letters among Cyrillic ones.
TEST(ToLatin, ReadsALookAlikeLetterInTheScriptOfItsWord) {
  EXPECT_EQ(ToLatin("JSС Krasmash"), "jsc krasmash");
  EXPECT_EQ(ToLatin("Joint Stock Сompany"), "joint stock company");
  EXPECT_EQ(ToLatin("ОOО Ромашка"), ToLatin("ООО Ромашка"));
  EXPECT_EQ(ToLatin("POCCИЯ"), ToLatin("РОССИЯ"));
  // The EU writes Ukrainian and Belarusian names with a Latin i: "Вiктор Федорович ЯНУКОВИЧ".
  EXPECT_EQ(ToLatin("Вiктор"), ToLatin("Віктор"));
  // Letters of both that could be either: most of them say which ("СOМ" is Cyrillic).
  EXPECT_EQ(ToLatin("СOМ"), ToLatin("СОМ"));
  EXPECT_EQ(ToLatin("CОM"), "com");
}

// ICU has no transform for Khmer or Lao: their words are kept as letters it cannot read, one
// word each (the UK lists Cambodian names in Khmer; they had been no words at all), and a sign
// ICU leaves in a word it wrote (the Pashto ځ of ځدران Zadran) is dropped as before.
TEST(ToLatin, KeepsWordsOfAScriptItCannotRead) {
  EXPECT_EQ(ToLatin("អៀង សុខលីម"), ToLatin("អៀង  សុខលីម"));
  EXPECT_EQ(NormalizeName("អៀង សុខលីម").tokens.size(), 2u);
  EXPECT_NE(ToLatin("អៀង"), ToLatin("សុខលីម"));
  EXPECT_EQ(NormalizeName("ທະນາຄານຮ່ວມພັດທະນາ ມະຫາຊົນ").tokens.size(), 2u);
  EXPECT_EQ(ToLatin("ځدران"), "dran");
}

TEST(PinyinSyllables, CountsTheFewestSyllablesOfPinyinWords) {
  EXPECT_EQ(PinyinSyllables("xiaoming"), 2u);
  EXPECT_EQ(PinyinSyllables("zhang"), 1u);
  EXPECT_EQ(PinyinSyllables("changsha"), 2u);
  EXPECT_EQ(PinyinSyllables("kwai"), 0u);   // Cantonese spelling
  EXPECT_EQ(PinyinSyllables("hsiao"), 0u);  // Wade-Giles
  EXPECT_EQ(PinyinSyllables(""), 0u);
}

// Names as the bundled lists write them (EU, UK, OFAC, CSL).
TEST(NameAlternatives, GivesNamesWithoutTheirDedication) {
  EXPECT_EQ(
      NameAlternatives("JSC PROGRESS Arsenyev Aviation Company named after N.I. Sazikin", true),
      (std::vector<std::string>{"JSC PROGRESS Arsenyev Aviation Company named after N.I. Sazikin",
                                "JSC PROGRESS Arsenyev Aviation Company"}));
  EXPECT_EQ(NameAlternatives("АО ‘НИИ ‘Полюс’ им. М.Ф Стельмаха’", true),
            (std::vector<std::string>{"АО ‘НИИ ‘Полюс’ им. М.Ф Стельмаха’", "АО ‘НИИ ‘Полюс’ ’",
                                      "АО Полюс"}));
  EXPECT_EQ(NameAlternatives(
                "Федеральное Государственное Унитарное Предприятие ‘Завод Имени Морозова’", true)
                .back(),
            "Федеральное Государственное Унитарное Предприятие ‘Завод ’");
  // Not a dedication: a name that begins so, or a word that only contains it.
  EXPECT_EQ(NameAlternatives("Imeni Trading", true).size(), 1u);
  EXPECT_EQ(NameAlternatives("Slim. Co", true).size(), 1u);
}

// A name quoted within a quoted designation is the organisation's own (OFAC's and the EU's
// names of Plazma, Nizhnyaya Oreanda and Elektropribor).
TEST(NameAlternatives, GivesTheNameQuotedWithinAQuote) {
  using V = std::vector<std::string>;
  EXPECT_EQ(NameAlternatives("AKTCIONERNOE OBSHESTVO “NAUCHNO-ISSLEDOVATELSKIJ INSTITUT "
                             "GAZORAZRYADNIH PRIBOROV ‘PLAZMA’”",
                             false)
                .back(),
            "AKTCIONERNOE OBSHESTVO PLAZMA");
  EXPECT_EQ(NameAlternatives("Federal State Budgetary Enterprise ‘Sanatorium “Nizhnyaya "
                             "Oreanda”’ of the Administration of the President",
                             false)
                .back(),
            "Federal State Budgetary Enterprise Nizhnyaya Oreanda");
  // Of several, the last; an apostrophe is no quote.
  EXPECT_EQ(NameAlternatives("Aktsionernoe Obshchestvo ‘Kontsern ‘Tsentralnyi Nauchno- "
                             "Issledovatelskii Institut’‘Elektropribor’’",
                             false)
                .back(),
            "Aktsionernoe Obshchestvo Elektropribor");
  EXPECT_EQ(NameAlternatives("People’s Bank “Vostok”", false), (V{"People’s Bank “Vostok”"}));
  // An inner quote of organisation words alone names nobody ("automation").
  EXPECT_EQ(NameAlternatives("“Концерн ‘Автоматика’”", false), (V{"“Концерн ‘Автоматика’”"}));
}

// The EU's translations of names quoted in a designation, in languages the tables do not hold.
TEST(QuotedNameReading, GivesTheQuotedNameWithTheLegalForms) {
  auto Quoted = [](std::string_view name) { return QuotedNameReading(name, NormalizeName(name)); };
  EXPECT_EQ(Quoted("Întreprinderea de proiectare și producție «Iris» SA"),
            "intreprinderea Iris sa");
  EXPECT_EQ(Quoted("Vědecko-výrobní závod „Saljut“, a. s."), "Saljut a s");
  // No word around the quote but legal forms: the name is its reading already.
  EXPECT_EQ(Quoted("АО «Глобус»"), "");
  // No legal form: a designation may be a name ("People’s Bank “Vostok”").
  EXPECT_EQ(Quoted("People’s Bank “Vostok”"), "");
  // Organisation words alone in the quote name nobody; no quote, no reading.
  EXPECT_EQ(Quoted("Zavod Kuzmina “Technology” JSC"), "");
  EXPECT_EQ(Quoted("Bank of China Limited"), "");
}

TEST(NameAlternatives, PartsSlashesAndTrailingBrackets) {
  using V = std::vector<std::string>;
  EXPECT_EQ(NameAlternatives("Наталья Марковна ВОЛКОВА / Наталiя Маркiвна ВОЛКОВА", true),
            (V{"Наталья Марковна ВОЛКОВА", "Наталiя Маркiвна ВОЛКОВА"}));
  EXPECT_EQ(NameAlternatives("Акционерное Общество «Швабе» (АО «Швабе»)", true),
            (V{"Акционерное Общество «Швабе»", "АО «Швабе»"}));
  // A query's bracket stays in the whole name beside the name without it.
  EXPECT_EQ(NameAlternatives("Islamic Republic of Iran Shipping Lines (IRISL)", false),
            (V{"Islamic Republic of Iran Shipping Lines",
               "Islamic Republic of Iran Shipping Lines IRISL"}));
  // A query's bracket of two words or more names something (UK: "Stroygazmontazh-Most OOO
  // (SGM-Most OOO)"); "(formerly X)" names X, in a query or a list (UK: "Daksha (formerly
  // Hebe)", OFAC's HEBE); a word, or a word and a letter, is a remark.
  EXPECT_EQ(NameAlternatives("Stroygazmontazh-Most OOO (SGM-Most OOO)", false),
            (V{"Stroygazmontazh-Most OOO", "SGM-Most OOO"}));
  EXPECT_EQ(NameAlternatives("Daksha (formerly Hebe)", false), (V{"Daksha", "Hebe"}));
  EXPECT_EQ(NameAlternatives("PSB Bank (formerly. PROMSVYAZBANK)", true),
            (V{"PSB Bank", "PROMSVYAZBANK"}));
  EXPECT_EQ(NameAlternatives("Sanatorium (f/k/a Resort Oreanda)", true),
            (V{"Sanatorium", "Resort Oreanda"}));
  // A semicolon with a space parts names as a slash does, outside brackets only (UK, NZ).
  EXPECT_EQ(
      NameAlternatives("Central Institute of Engine-Building; Central Institute of Aviation "
                       "Motors (CIAM)",
                       true),
      (V{"Central Institute of Engine-Building", "Central Institute of Aviation Motors", "CIAM"}));
  EXPECT_EQ(NameAlternatives("Noctis (formerly Luna; Asher)", true),
            (V{"Noctis", "Luna", "Asher"}));
  EXPECT_EQ(NameAlternatives("Alphabet (Class A)", false), (V{"Alphabet", "Alphabet Class A"}));
  EXPECT_EQ(NameAlternatives("Akamai (Akabori)", false), (V{"Akamai", "Akamai Akabori"}));
  EXPECT_EQ(NameAlternatives("Sample (formerly)", false), (V{"Sample", "Sample formerly"}));
  // A parent before a comma (EU: "Tactical Missile Corporation, Joint Stock Company Avangard";
  // the EU's own "KAZSTANEX LLP, TOO KAZSTANEX"): the name after it, from its legal form, is a
  // name too; a person's "SURNAME, Given" and a unit after its parent are not parted.
  EXPECT_EQ(NameAlternatives("Tactical Missile Corporation, Joint Stock Company Avangard", true),
            (V{"Tactical Missile Corporation, Joint Stock Company Avangard",
               "Joint Stock Company Avangard"}));
  EXPECT_EQ(NameAlternatives("KAZSTANEX LLP, TOO KAZSTANEX", false),
            (V{"KAZSTANEX LLP, TOO KAZSTANEX", "TOO KAZSTANEX"}));
  EXPECT_EQ(NameAlternatives("PUTIN, Vladimir Vladimirovich", false).size(), 1u);
  EXPECT_EQ(
      NameAlternatives("Northwestern Polytechnical University, Ningbo Institute", true).size(), 1u);
  EXPECT_EQ(NameAlternatives("Rosneft, PJSC", true).size(), 1u);  // a legal form alone
  // "GE" is also Georgia's code: a bracket naming a country parts nothing.
  EXPECT_EQ(NameAlternatives("GE SONG TAO (GE)", true), (V{"GE SONG TAO (GE)"}));
  // Brackets within a name, or naming a country, say which of several: nothing is parted.
  EXPECT_EQ(NameAlternatives("Bank of China (Hong Kong) Limited", true),
            (V{"Bank of China (Hong Kong) Limited"}));
  EXPECT_EQ(NameAlternatives("Bowne Global Solutions (Netherlands)", true),
            (V{"Bowne Global Solutions (Netherlands)"}));
  EXPECT_EQ(NameAlternatives("阿尔科斯（哈尔滨）供应链管理有限公司", true),
            (V{"阿尔科斯（哈尔滨）供应链管理有限公司"}));
  // A slash without a space beside it is part of a word; unbalanced brackets part nothing.
  EXPECT_EQ(NameAlternatives("GU/GRU A/S", true), (V{"GU/GRU A/S"}));
  EXPECT_EQ(NameAlternatives("TRADING (HK", true), (V{"TRADING (HK"}));
  EXPECT_EQ(NameAlternatives(" / ", true), (V{" / "}));
  EXPECT_EQ(NameAlternatives("", true), (V{""}));
}

}  // namespace
}  // namespace dualwatch::text
