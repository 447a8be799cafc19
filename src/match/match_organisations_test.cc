// Organisations' names on the lists against the other ways records write them, with the bundled
// lists' weights.
#include <gtest/gtest.h>

#include "match/index_data.h"
#include "match/test_index.h"

namespace dualwatch::match {
namespace {

// One legal form however it is abbreviated: OFAC lists "PARS PETROCHEMICAL CO." beside "PARS
// PETROCHEMICAL COMPANY" (SDN 15954). GLEIF's codes are a jurisdiction's forms, so "company",
// "corp." and "corporation" had three classes and "co" (an organisation word) none of theirs:
// the pair scored 0.93, under "PARS OIL CO." (another entity) at 0.99.
TEST(OrganisationsNames, ALegalFormMeetsItsAbbreviation) {
  const double as_listed = CompanyScore("PARS PETROCHEMICAL CO.", "PARS PETROCHEMICAL COMPANY");
  EXPECT_GE(as_listed, 0.98);
  EXPECT_GE(CompanyScore("PARS PETROCHEMICAL CORP", "PARS PETROCHEMICAL CORPORATION"), 0.98);
  EXPECT_GE(CompanyScore("COMPANY PARS PETROCHEMICAL", "PARS PETROCHEMICAL CO."), 0.98);
  // OFAC's JSCO is a joint-stock company too (SDN 48608: "MILITECH JSCO" had scored 0.68), and
  // the EU's Uzbek "mas'uliyati cheklangan jamiyati" a limited liability company (EU 833/2014
  // IV-498, 0.59).
  EXPECT_GE(CompanyScore("MILITECH JSCO", "JOINT STOCK COMPANY MILITECH"), 0.98);
  EXPECT_GE(
      CompanyScore("“GFK LOGISTIC ASIA” mas'uliyati cheklangan jamiyati", "GFK Logistics Asia LLC"),
      0.95);
  // A form GLEIF lists for one jurisdiction is the organisation word it is elsewhere: OFAC's
  // "NPF VTB PENSIONNY FOND, AO" (SDN 18734; "fond", Bulgaria's form, had met "fund", Ireland's,
  // at half) and the EU's foundations in its languages.
  EXPECT_GE(CompanyScore("NPF VTB PENSIONNY FOND, AO", "NPF VTB PENSION FUND JOINT STOCK COMPANY"),
            kDefaultThreshold);
  EXPECT_GE(CompanyScore("Fundación Russkiy Mir", "Russkiy Mir Foundation"), 0.98);
  // Vietnam's "Cong Ty TNHH" and Thailand's "Borisat ... Chamkat" are the company limited of
  // OFAC's other names for the same companies (SDN 27688, 9543; both had scored 0.65 and 0.55).
  EXPECT_GE(CompanyScore("CONG TY TNHH THINH CUONG", "THINH CUONG COMPANY LIMITED"), 0.98);
  EXPECT_GE(CompanyScore("BORISAT RUNGRIN CHAMKAT", "RUNGRIN COMPANY LTD."), 0.98);
  // Still not identical, and another company's name stays under it.
  EXPECT_LT(as_listed, 1.0);
  EXPECT_LE(CompanyScore("PARS PETROCHEMICAL CO.", "PARS OIL CO."), as_listed);
}

// An organisation word abbreviated is that word: the EU's "Deflog Tech" is its "Deflog
// Technologies PTE LTD" (EU 833/2014 IV-587), OFAC's "PSV-TECH" its "PSV TEKHNOLOGII OOO" (SDN
// 40914), "COSCO SHIPPING SEAMAN SHP MGMT" its "... SEAMAN AND SHIP MANAGEMENT CO., LTD." (SDN
// 27465). "tech" had been a name word of its own, unmatched (0.71, 0.67, 0.73). The Russian
// "ТЕХ" is "tech" too (EU IV-740, "OOO “ТМ-ТЕХ”" / "TM-TECH LLC").
TEST(OrganisationsNames, AnAbbreviatedOrganisationWordMeetsTheWord) {
  EXPECT_GE(CompanyScore("Deflog Tech", "Deflog Technologies PTE LTD"), 0.95);
  EXPECT_GE(CompanyScore("PSV-TECH", "PSV TEKHNOLOGII OOO"), 0.95);
  EXPECT_GE(CompanyScore("OOO “ТМ-ТЕХ”", "TM-TECH LLC"), 0.95);
  // OFAC's "UK" is УК, the management company (SDN 36457: 0.69).
  EXPECT_GE(CompanyScore("UK BITRIVER, LLC", "OOO MANAGEMENT COMPANY BITRIVER"), 0.95);
  // Russian and Chinese organisation words as OFAC transliterates them: SDN 38240's
  // "KHOLDINGOVAYA KOMPANIYA INTERROS OOO" (0.74), SDN 16849's "DALIAN ZHENGHUA MAOYI YOUXIAN
  // GONGSI" (贸易有限公司, trading co., ltd.; 0.74).
  EXPECT_GE(CompanyScore("HOLDING COMPANY INTERROS OOO", "KHOLDINGOVAYA KOMPANIYA INTERROS OOO"),
            0.95);
  EXPECT_GE(
      CompanyScore("DALIAN ZENGHUA TRADING CO., LTD.", "DALIAN ZHENGHUA MAOYI YOUXIAN GONGSI"),
      kDefaultThreshold);
  EXPECT_GE(CompanyScore("COSCO SHIPPING SEAMAN SHP MGMT",
                         "COSCO SHIPPING TANKER (DALIAN) SEAMAN AND SHIP MANAGEMENT CO., LTD."),
            kDefaultThreshold);
  // The distinctive word still decides.
  EXPECT_LT(CompanyScore("Deflog Tech", "Integrity Tech"), kDefaultThreshold);
}

// English organisation words in Cyrillic, as Russian companies write them, are those words:
// the UK's "Куньлунь Ред Стар Энерджи Трейдинг Лимитед" is its KUNLUN RED STAR ENERGY TRADING
// LIMITED (RUS3473, 0.67), "Акционерное общество «Русатом Оверсиз»" its JSC RUSATOM OVERSEAS
// (RUS3421, 0.56).
TEST(OrganisationsNames, EnglishWordsInCyrillicAreTheWords) {
  EXPECT_GE(CompanyScore("Куньлунь Ред Стар Энерджи Трейдинг Лимитед",
                         "KUNLUN RED STAR ENERGY TRADING LIMITED"),
            0.95);
  EXPECT_GE(CompanyScore("Акционерное общество «Русатом Оверсиз»", "JSC RUSATOM OVERSEAS"), 0.95);
  EXPECT_LT(CompanyScore("Акционерное общество «Русатом Оверсиз»", "JSC ROSATOM ENERGY"),
            kDefaultThreshold);
}

// Persian organisation words as OFAC romanises Iranian names are their English words: its
// "MOJTAMAE SANATE HAFTOME TIR" is the UK's SANAYE HAFTOME TIR (industrial complex, industries;
// 0.66 before).
TEST(OrganisationsNames, PersianOrganisationWordsAreTheirEnglishWords) {
  EXPECT_GE(CompanyScore("MOJTAMAE SANATE HAFTOME TIR", "SANAYE HAFTOME TIR"), 0.9);
  EXPECT_LT(CompanyScore("MOJTAMAE SANATE HAFTOME TIR", "MOJTAMAE SANATE SHAHID"),
            kDefaultThreshold);
}

// An airline is "X Air" as often as "X Airlines" or "X Airways": OFAC's CASPIAN AIR is its
// CASPIAN AIRLINES (SDN 17226, 0.64), DENA AIRLINES its DENA AIRWAYS (SDN 24529, 0.63). Airlines
// are not aircraft makers: United Airlines Holdings is no UNITED AIRCRAFT CORPORATION (SDN 36431).
TEST(OrganisationsNames, AnAirlineIsItsAir) {
  EXPECT_GE(CompanyScore("CASPIAN AIR", "CASPIAN AIRLINES"), 0.98);
  EXPECT_GE(CompanyScore("DENA AIRLINES", "DENA AIRWAYS"), 0.98);
  EXPECT_LT(CompanyScore("United Airlines Holdings",
                         "PUBLIC JOINT STOCK COMPANY UNITED AIRCRAFT CORPORATION"),
            kDefaultThreshold);
}

// A name that is a legal form alone, misspelt, reads as the form: the EU's JSC 'Shvabe' has
// the name "Joint Stock Company" (EU 269/2014 I.ENTITIES-204), and "Joint Stock Compnay" is
// that name, found among the identical names by its text as read (the search had found nothing
// where the brute-force reference found it at 1.0).
TEST(OrganisationsNames, AMisspeltLegalFormAloneIsTheNameItReadsAs) {
  EXPECT_TRUE(Finds("Joint Stock Compnay", "eu_oj_269_2014-I.ENTITIES-204"));
}

// The EU writes its Russian entities' names in its other languages too, the name quoted in a
// designation of words no table holds (EU.10363.66, "Design and Production Enterprise “Iris”
// JSC", also "Iris JSC"): the quoted name with the legal forms finds it, at kQuotedNameFactor
// at most.
TEST(OrganisationsNames, AQueryWithANameQuotedInAForeignDesignationFindsTheName) {
  const char* romanian = "Întreprinderea de proiectare și producție «Iris» SA";
  EXPECT_GE(CompanyScore(romanian, "Iris JSC"), kDefaultThreshold);
  EXPECT_LE(CompanyScore(romanian, "Iris JSC"), kQuotedNameFactor);
  // The Hungarian for EU.11348.14's "JSC Federal Research and Production Center
  // "Titan-Barrikady"", the Lithuanian for EU.6714.42's "Oskartour LLC".
  EXPECT_GE(CompanyScore("„Titan-Barrikady” Szövetségi Kutató- és Gyártóközpont Rt.",
                         "JSC Federal Research and Production Center \"Titan-Barrikady\""),
            kDefaultThreshold);
  EXPECT_GE(CompanyScore("Ribotos atsakomybės bendrovė (RAB) „Oskartour“", "Oskartour LLC"),
            kDefaultThreshold);
  // Written with the designation's words, the name scores as before: they count.
  EXPECT_LT(CompanyScore("Întreprinderea de proiectare și producție Iris SA", "Iris JSC"),
            kDefaultThreshold);
}

// The EU writes its entities' names in Hungarian too, with organisation words as adjectives
// (EU FSF 13080.41 "»VSK« Biztosítási Részvénytársaság", 11623.11 "Koreai Namgang Kereskedelmi
// Vállalat", 11886.34 "Larrycom Befektetési Zrt.", 12596.61 "Alabuga Fejlesztő Kft."): each
// is its English name (they had scored 0.48-0.66, the adjectives unmatched name words).
TEST(OrganisationsNames, HungarianOrganisationWordsAreTheirEnglishOnes) {
  EXPECT_GE(
      CompanyScore("»VSK« Biztosítási Részvénytársaság", "Insurance Joint Stock Company “VSK”"),
      0.95);
  EXPECT_GE(CompanyScore("Koreai Namgang Kereskedelmi Vállalat", "Korea Namgang Trading Company"),
            0.95);
  EXPECT_GE(CompanyScore("Larrycom Befektetési Zrt.", "Larrycom for Investment Ltd."), 0.95);
  EXPECT_GE(CompanyScore("Alabuga Fejlesztő Kft.", "LLC Alabuga Development"), 0.95);
  // The country adjective says where, as the English one does: not another country's company.
  EXPECT_LT(CompanyScore("Koreai Namgang Kereskedelmi Vállalat", "Iranian Namgang Trading Company"),
            0.95);
}

// ... and so in its other languages: Czech (EU FSF 10986.55 "Kazaňský závod na vrtulníky, a. s.",
// JSC KAZAN HELICOPTER PLANT), Croatian (2225.47 "Sveučilište Malek Ashtar"), Irish (10960.26
// "Fiontar Stáit Chónaidhme ANOSIT"); they had scored 0.56, 0.71 and 0.62.
TEST(OrganisationsNames, TheEusOtherLanguagesOrganisationWordsAreTheirEnglishOnes) {
  EXPECT_GE(CompanyScore("Kazaňský závod na vrtulníky, a. s.", "JSC KAZAN HELICOPTER PLANT"),
            kDefaultThreshold);
  EXPECT_GE(CompanyScore("Sveučilište Malek Ashtar", "Malek Ashtar University"), 0.95);
  EXPECT_GE(CompanyScore("Fiontar Stáit Chónaidhme ANOSIT", "Federal State Enterprise ANOSIT"),
            kDefaultThreshold);
  // One word for two English ones takes the telling one's class (EU FSF 4222.57, 12717.35).
  EXPECT_GE(CompanyScore("Yongbyon zinātniskais kodolpētījumu centrs",
                         "Yongbyon Nuclear Scientific Research Centre"),
            kDefaultThreshold);
  EXPECT_GE(CompanyScore("Beijing Hede Űrtechnológia", "Beijing Hede Aerospace Technology"),
            kDefaultThreshold);
}

// Russian organisation words written in Cyrillic against their English (EU 269/2014
// I.ENTITIES-281, -772, -360): an aviation plant (авиационный завод) is what other names call an
// aircraft plant; военно- is military, училище a school. They had scored 0.67, 0.63 and 0.69.
TEST(OrganisationsNames, RussianOrganisationWordsAreTheirEnglishOnes) {
  EXPECT_GE(
      CompanyScore("Комсомольский-на-Амуре авиационный завод", "KOMSOMOLSK-ON-AMUR AIRCRAFT PLANT"),
      kDefaultThreshold);
  EXPECT_GE(CompanyScore("Ulan-Ude Aircraft Plant", "Ulan-Ude Aviation Plant"), 0.95);
  EXPECT_GE(CompanyScore("Нахимовское военно-морское училище", "Nakhimov Naval School"), 0.9);
  EXPECT_GE(
      CompanyScore("Военно-патриотический центр ‘Вымпел’", "Military-patriotic centre ‘Vympel’"),
      0.9);
}

// The article joined to a name in Latin letters, as Gulf companies write it, against the name
// in Arabic script, where the article stands apart: OFAC's AL-HARAMAIN FOUNDATION, the UN's
// الحرمين. Not before a name of fewer than three consonants ("آل عطفة" is no "latif").
TEST(OrganisationsNames, TheArticleJoinedToANameMeetsItInArabicScript) {
  EXPECT_GE(CompanyScore("Alharamain", "الحرمين"), kDefaultThreshold);
  EXPECT_GE(CompanyScore("الحرمين", "Alharamain"), kDefaultThreshold);
  EXPECT_GE(CompanyScore("Almanar", "المنار"), kDefaultThreshold);  // OFAC's AL-MANAR
  EXPECT_LT(PersonScore("حامد آل عطفة", "Abdellatif HAMID"), kDefaultThreshold);
}

}  // namespace
}  // namespace dualwatch::match
