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
  EXPECT_EQ(RomanizationKey("mikhailavich"), RomanizationKey("mikhailovich"));
  EXPECT_EQ(RomanizationKey("mikhailauna"), RomanizationKey("mikhailovna"));
  EXPECT_NE(RomanizationKey("abou"), RomanizationKey("abov"));  // too short to be a surname's
}

// The EU lists write Russian names in each member state's spelling; these pairs are one
// person's names on the bundled EU financial sanctions file.
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

// Arabic-script words meet Latin spellings by consonants; a final i/y is written in both.
TEST(ConsonantSkeleton, KeepsTheFinalYaThatArabicScriptWrites) {
  EXPECT_EQ(ConsonantSkeleton("mohammed"), ConsonantSkeleton(ToLatin("محمد")));
  EXPECT_EQ(ConsonantSkeleton("mohammadi"), ConsonantSkeleton(ToLatin("محمدی")));
  EXPECT_NE(ConsonantSkeleton("mohammadi"), ConsonantSkeleton("mohammed"));
  EXPECT_EQ(ConsonantSkeleton("ali"), ConsonantSkeleton(ToLatin("علي")));
  // Alif maqsura is the final a of Mustafa and Musa, not a ya.
  EXPECT_EQ(ConsonantSkeleton("mustafa"), ConsonantSkeleton(ToLatin("مصطفى")));
  EXPECT_EQ(ConsonantSkeleton("musa"), ConsonantSkeleton(ToLatin("موسى")));
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

// ICU writes ش "sẖ" and س followed by ه "sh"; ToLatin keeps them apart, so Suhayl is سهيل and
// Sharif شریف. ض ظ ذ are read d or z: Persian Reza is Arabic Rida; and و a v.
TEST(ConsonantSkeleton, TellsAHehAfterALetterFromADigraph) {
  EXPECT_EQ(ConsonantSkeleton("suhayl"), ConsonantSkeleton(ToLatin("سهيل")));
  EXPECT_NE(ConsonantSkeleton("sasol"), ConsonantSkeleton(ToLatin("سهيل")));
  EXPECT_EQ(ConsonantSkeleton("tehrani"), ConsonantSkeleton(ToLatin("تهرانی")));
  EXPECT_EQ(ConsonantSkeleton("taha"), ConsonantSkeleton(ToLatin("طه")));
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
TEST(ToLatin, ReadsTraditionalCharactersAsSimplified) {
  EXPECT_EQ(ToLatin("華為技術有限公司"), ToLatin("华为技术有限公司"));
  EXPECT_EQ(ToLatin("長沙天儀空間科技研究院有限公司"), ToLatin("长沙天仪空间科技研究院有限公司"));
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> simplify(
      icu::Transliterator::createInstance("Traditional-Simplified", UTRANS_FORWARD, status));
  ASSERT_TRUE(U_SUCCESS(status));
  const auto& table = internal::HanTables::Get().simplified;
  std::size_t changed = 0;
  for (UChar32 c = 0x3400; c <= 0x2FA1F; ++c) {
    UErrorCode st = U_ZERO_ERROR;
    if (uscript_getScript(c, &st) != USCRIPT_HAN) continue;
    icu::UnicodeString s(c);
    simplify->transliterate(s);
    auto it = table.find(static_cast<char32_t>(c));
    const UChar32 expected = it == table.end() ? c : static_cast<UChar32>(it->second);
    ASSERT_EQ(s, icu::UnicodeString(expected)) << "U+" << std::hex << c;
    changed += it != table.end();
  }
  EXPECT_EQ(changed, table.size());
  EXPECT_GT(changed, 2000u);
}

// ICU marks syllables that would read two ways ("jin-u"); that is not a word boundary.
TEST(ToLatin, ReadsAHangulWordAsOneWord) {
  EXPECT_EQ(ToLatin("최진우"), "choejinu");
  EXPECT_EQ(ToLatin("김영철"), "gimyeongcheol");
  EXPECT_EQ(ToLatin("영철 김"), "yeongcheol gim");
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

// Spellings taken from the bundled lists (OFAC, UN, EU, UK) and CLDR names in other languages.
// 博 reads "bo", which is also a legal form's abbreviation; in a Chinese name it is a syllable.
// Chinese legal forms still come through the vocabulary (有限公司 → "co ltd").
// nomenklatura's name bench: organisations numbered in words or digits are one.
// A long word one edit from the usual spelling of a word of a legal form is read as it inside
// the form: OFAC writes "OTVESTVENNOSTYU", "OTVETSVENNOSTYU", "OBSCHESTVO". Outside a phrase
// the word stays as written.
TEST(NormalizeName, ReadsALegalFormWithAMisspeltWord) {
  for (const char* name : {"OBSHCHESTVO S OGRANICHENNOI OTVESTVENNOSTYU LAVINA PULS",
                           "OBSHCHESTVO S OGRANICHENNOI OTVETSVENNOSTYU LAVINA PULS",
                           "OBSCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU LAVINA PULS"}) {
    NormalizedName n = NormalizeName(name);
    ASSERT_EQ(n.tokens.size(), 3u) << name;
    EXPECT_EQ(n.tokens[0].kind, TokenKind::kLegalForm) << name;
    EXPECT_EQ(n.tokens[0].key, NormalizeName("OOO LAVINA PULS").tokens[0].key) << name;
  }
  EXPECT_EQ(NormalizeName("Otvestvennostyu Trading").tokens[0].text, "otvestvennostyu");
}

// A legal form of several words in another romanisation is that legal form: the EU's
// "AKTCIONERNOE OBSHESTVO" (GOST's "tc" for ц) and OFAC's Belarusian "ADKRYTAYE AKTSYYANERNAYE
// TAVARYSTVA" are joint-stock companies. English "tc" stays ("Costco" is not COSCO).
TEST(NormalizeName, ReadsALegalFormInAnotherRomanisation) {
  const std::string jsc = NormalizeName("AO PLAZMA").tokens[0].key;
  const NormalizedName gost = NormalizeName("AKTCIONERNOE OBSHESTVO PLAZMA");
  ASSERT_EQ(gost.tokens.size(), 2u);
  EXPECT_EQ(gost.tokens[0].kind, TokenKind::kLegalForm);
  EXPECT_EQ(gost.tokens[0].key, jsc);
  EXPECT_EQ(gost.tokens[0].text, "aktcionernoe obshestvo");
  const NormalizedName belarusian =
      NormalizeName("ADKRYTAYE AKTSYYANERNAYE TAVARYSTVA BELARUSKALIY");
  ASSERT_EQ(belarusian.tokens.size(), 2u);
  EXPECT_EQ(belarusian.tokens[0].kind, TokenKind::kLegalForm);
  EXPECT_NE(RomanizationKey("costco"), RomanizationKey("cosco"));
}

// A kind of bank says what a company does, as "bank" does: GLEIF's "Commercial Bank",
// "Industrial Bank" and "National Bank" are no legal forms here ("Commercial Bank Dubai" had been
// DUBAI TRADING COMPANY); rigour's joint-stock commercial bank (AKB) stays one.
TEST(NormalizeName, ReadsAKindOfBankAsWordsNotALegalForm) {
  for (const char* name :
       {"Commercial Bank Dubai", "Industrial Bank of Korea", "Arab National Bank"}) {
    for (const NameToken& t : NormalizeName(name).tokens) {
      EXPECT_NE(t.kind, TokenKind::kLegalForm) << name << ": " << t.text;
    }
  }
  EXPECT_EQ(NormalizeName("JOINT STOCK COMMERCIAL BANK PRIMORYE").tokens[0].kind,
            TokenKind::kLegalForm);
}

// Stop words are words of alphabets: a Chinese syllable or an Arabic-script word that romanises
// to one is a name (杜 Du, 狄 Di; دعاء of "أبو دعاء", ICU "da").
TEST(NormalizeName, ReadsStopWordsOnlyInAlphabets) {
  EXPECT_EQ(NormalizeName("杜文华", NameForm::kPerson).tokens[0].kind, TokenKind::kName);
  EXPECT_EQ(NormalizeName("狄仁杰", NameForm::kPerson).tokens[0].kind, TokenKind::kName);
  const NormalizedName abu = NormalizeName("أبو دعاء", NameForm::kPerson);
  ASSERT_EQ(abu.tokens.size(), 2u);
  EXPECT_EQ(abu.tokens[1].kind, TokenKind::kName);
  EXPECT_EQ(NormalizeName("Da Silva", NameForm::kPerson).tokens[0].kind, TokenKind::kStopword);
}

// In the lists NPO is the Russian scientific production association (НПО), not GLEIF's
// non-profit: "NPO Ufimets" / "Nauchno-Proizvodstvennoe Obyedinenie Ufimets"; and Iran's private
// joint stock company is a legal form after the name ("ABADAN OIL REFINING COMPANY PRIVATE JOINT
// STOCK").
TEST(NormalizeName, ReadsNpoAsTheRussianAssociationAndPrivateJointStockAsALegalForm) {
  const NormalizedName npo = NormalizeName("NPO Ufimets");
  const NormalizedName written = NormalizeName("Nauchno-Proizvodstvennoe Obyedinenie Ufimets");
  ASSERT_EQ(npo.tokens.size(), 2u);
  ASSERT_EQ(written.tokens.size(), 2u);
  EXPECT_EQ(npo.tokens[0].kind, TokenKind::kDomain);
  EXPECT_EQ(npo.tokens[0].key, written.tokens[0].key);
  EXPECT_EQ(npo.tokens[0].key, NormalizeName("НПО Уфимец").tokens[0].key);
  const NormalizedName abadan = NormalizeName("ABADAN OIL REFINING COMPANY PRIVATE JOINT STOCK");
  EXPECT_EQ(abadan.tokens.back().kind, TokenKind::kLegalForm);
  EXPECT_EQ(abadan.tokens.back().key, NormalizeName("JSC").tokens[0].key);
}

// ʿAbd al- as the lists spell it: one spelling, "abdul", so that "Abdel Baset" is "ABD
// AL-BASET" (OFAC's AZZOUZ), "Abdur Rahman" "Abd al-Rahman", "Abdallah" "Abdullah".
// An organisation word in another romanisation is that word: the German "Technologii
// Maschinostrojenija" (the EU's TEKHMASH) holds машиностроения, OFAC's "MASHINOSTROENIYA".
// People's names are not read so.
TEST(NormalizeName, ReadsAnOrganisationWordInAnotherRomanisation) {
  const NormalizedName german = NormalizeName("NPK Technologii Maschinostrojenija");
  ASSERT_EQ(german.tokens.size(), 3u);
  const NormalizedName english = NormalizeName("Mashinostroeniya");
  ASSERT_EQ(english.tokens.size(), 1u);
  EXPECT_EQ(german.tokens[2].kind, english.tokens[0].kind);
  EXPECT_EQ(german.tokens[2].key, english.tokens[0].key);
  EXPECT_NE(english.tokens[0].kind, TokenKind::kName);
  EXPECT_EQ(NormalizeName("Maschinostrojenija Ivan", NameForm::kPerson).tokens[0].kind,
            TokenKind::kName);
}

// "Named after" takes the genitive in Russian, which OFAC keeps and the EU drops: "NAMED AFTER
// M. A. KARTSEVA" / "Named After M.A. Kartsev". Elsewhere -ova is a woman's surname.
TEST(NormalizeName, ReadsTheGenitiveAfterNamedAfterAsTheSurname) {
  auto last_key = [](std::string_view name, NameForm form = NameForm::kAny) {
    return NormalizeName(name, form).tokens.back().key;
  };
  EXPECT_EQ(last_key("Institute named after M. A. Kartseva"), last_key("named after Kartsev"));
  EXPECT_EQ(last_key("ZAVOD IMENI P I PLANDINA"), last_key("Plant named after P.I. Plandin"));
  EXPECT_EQ(last_key("Academy named after Dzerzhinskogo"), last_key("named after Dzerzhinsky"));
  EXPECT_NE(last_key("Institute Kartseva"), last_key("Institute Kartsev"));
  EXPECT_NE(last_key("named after Kartseva", NameForm::kPerson), last_key("Kartsev"));
}

// A title before a person's name is a stop word when a name follows: "President Putin", the
// lists' "Mawlawi Gul Mohammad" / "Gul Mohammad"; alone it is the name. Haji stays a word (the
// family name of OFAC's HAJI HOSSEINI).
TEST(NormalizeName, ReadsATitleBeforeANameAsAStopWord) {
  for (const char* name : {"President Putin", "Mawlawi Gul Mohammad", "Hojjatoleslam Ali MOSTAFAVI",
                           "Mullah Fazlullah", "Qari Ibrahim"}) {
    const NormalizedName n = NormalizeName(name, NameForm::kPerson);
    ASSERT_GE(n.tokens.size(), 2u) << name;
    EXPECT_EQ(n.tokens[0].kind, TokenKind::kStopword) << name;
    EXPECT_EQ(n.tokens[1].kind, TokenKind::kName) << name;
  }
  EXPECT_EQ(NormalizeName("Mullah", NameForm::kPerson).tokens[0].kind, TokenKind::kName);
  EXPECT_EQ(NormalizeName("Haji Hosseini", NameForm::kPerson).tokens[0].kind, TokenKind::kName);
}

TEST(NormalizeName, SpellsAbdAlOneWay) {
  for (const char* name : {"Abdul Baset", "Abdel Baset", "ABD AL-BASET", "Abd-ul Baset"}) {
    EXPECT_EQ(NormalizeName(name).latin, "abdul baset") << name;
  }
  for (const char* name : {"Abdur Rahman", "Abd ar-Rahman", "Abdel Rahman"}) {
    EXPECT_EQ(NormalizeName(name, NameForm::kPerson).latin, "abdul rahman") << name;
  }
  for (const char* name : {"Abdallah", "Abdellah", "Abd Allah", "Abdullah"}) {
    EXPECT_EQ(NormalizeName(name).latin, "abdullah") << name;
  }
  EXPECT_EQ(NormalizeName("Abdurrahman").latin, "abdulrahman");
  EXPECT_EQ(NormalizeName("Abdou Diouf").latin, "abdou diouf");
}

// The EU's Czech and Slovak aliases of Russian and Belarusian women (eu_fsf): -ová is -a.
TEST(NormalizeName, ReadsTheCzechAndSlovakFeminineAsRussian) {
  EXPECT_EQ(NormalizeName("Natalia Alexejevna SERGUNINOVÁ", NameForm::kPerson).latin,
            "natalia alexejevna sergunina");
  EXPECT_EQ(NormalizeName("Tatiana Ševcovová", NameForm::kPerson).latin, "tatiana sevcova");
  EXPECT_EQ(NormalizeName("Elena LENSKAJOVÁ, Nová").latin, "elena lenskaja nova");
  EXPECT_EQ(NormalizeName("Ivanova").latin, "ivanova");  // no accent: the Russian ending
}

// A country of several words is one country word of an organisation's name, as "Russia" is.
TEST(NormalizeName, ReadsACountryOfSeveralWordsAsOne) {
  NormalizedName n =
      NormalizeName("Foreign Trade Bank of the Democratic People's Republic of Korea");
  ASSERT_FALSE(n.tokens.empty());
  EXPECT_EQ(n.tokens.back().key, "#country-KP");
  EXPECT_EQ(n.tokens.back().kind, TokenKind::kGeneric);
  EXPECT_EQ(NormalizeName("Kronstadt Marine Plant of the Russian Federation").tokens.back().key,
            NormalizeName("Kronstadt Marine Plant of Russia").tokens.back().key);
  // Not in a person's name.
  EXPECT_EQ(NormalizeName("Rico Puerto", NameForm::kPerson).tokens.size(), 2u);
}

// "Korea" names North or South, "Congo" either Congo: a country word still, of both.
TEST(NormalizeName, ReadsAnAmbiguousCountryAsACountryWord) {
  const NormalizedName ibk = NormalizeName("Industrial Bank of Korea");
  EXPECT_EQ(ibk.tokens.back().kind, TokenKind::kGeneric);
  EXPECT_EQ(ibk.tokens.back().key, NormalizeName("Korea Trade Bank").tokens[0].key);
  EXPECT_EQ(NormalizeName("Korea", NameForm::kPerson).tokens[0].kind, TokenKind::kName);
}

TEST(NormalizeName, WritesNumberWordsOfOrganisationsAsDigits) {
  EXPECT_EQ(NormalizeName("Brigade Forty-Four").latin, "brigade 44");
  EXPECT_EQ(NormalizeName("Brigade Forty 4").latin, "brigade 44");
  EXPECT_EQ(NormalizeName("Three Percenters").latin, "3 percenters");
  EXPECT_EQ(NormalizeName("First International Bank").latin, "1st international bank");
  EXPECT_EQ(NormalizeName("Tom Ten", NameForm::kPerson).latin, "tom ten");  // a person's name
}

TEST(NormalizeName, ReadsSyllablesOfChineseNamesAsNamesNotLegalForms) {
  NormalizedName person = NormalizeName("博 彬 徐");
  ASSERT_EQ(person.tokens.size(), 3u);
  for (const NameToken& t : person.tokens) EXPECT_EQ(t.kind, TokenKind::kName) << t.text;
  EXPECT_EQ(person.tokens[0].text, "bo");
  NormalizedName company = NormalizeName("长沙天仪空间科技研究院有限公司");
  ASSERT_FALSE(company.tokens.empty());
  EXPECT_EQ(company.tokens.back().text, "co ltd");
  EXPECT_EQ(company.tokens.back().kind, TokenKind::kLegalForm);
}

TEST(NormalizeName, KeepsStopWordsThatAnotherScriptsLegalFormRomanisesTo) {
  // The Kazakh legal form ОФ (a public foundation) romanises to "of": the English "of" of
  // "Bank of China" stays a stop word, not an organisation word that weighs.
  NormalizedName bank = NormalizeName("Bank of China");
  ASSERT_EQ(bank.tokens.size(), 3u);
  EXPECT_EQ(bank.tokens[1].text, "of");
  EXPECT_EQ(bank.tokens[1].kind, TokenKind::kStopword);
}

TEST(CountryCode, MapsListSpellingsAndOtherLanguages) {
  EXPECT_EQ(CountryCode("China"), "CN");
  EXPECT_EQ(CountryCode("CHINA, PEOPLE'S REPUBLIC OF"), "CN");
  EXPECT_EQ(CountryCode("People’s Republic of China"), "CN");
  EXPECT_EQ(CountryCode("CHN"), "CN");
  EXPECT_EQ(CountryCode("cn"), "CN");
  EXPECT_EQ(CountryCode("Китай"), "CN");
  EXPECT_EQ(CountryCode("中国"), "CN");
  EXPECT_EQ(CountryCode("Гонконг"), "HK");
  EXPECT_EQ(CountryCode("Russian Federation"), "RU");
  EXPECT_EQ(CountryCode("Russia / Russie"), std::nullopt);
  EXPECT_EQ(CountryCode("Bosnia and Herzegovina"), "BA");
  EXPECT_EQ(CountryCode("Republic of Türkiye"), "TR");
  EXPECT_EQ(CountryCode("Russian Federation (HQ)"), "RU");
  EXPECT_EQ(CountryCode("Korea, North"), "KP");
  EXPECT_EQ(CountryCode("Iran (Islamic Republic of)"), "IR");
  EXPECT_EQ(CountryCode("Moscow"), std::nullopt);
  EXPECT_EQ(CountryCode(""), std::nullopt);
  EXPECT_EQ(CountryName("CN"), "China");
}

}  // namespace
}  // namespace dualwatch::text
