// Tests of NormalizeName (tokens, their kinds and keys: legal forms, organisation words,
// titles, stop words, countries, number words) and of CountryCode. The text layer's other
// functions (case folding, romanisation keys, skeletons, ToLatin, NameAlternatives) are tested in
// text_test.cc.
#include <gtest/gtest.h>

#include <string>

#include "text/text.h"

namespace dualwatch::text {
namespace {

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
  // Words of seven letters too: the EU's "Limitied Liability Company Alfakomponent", OFAC's
  // "JOINT-STOCK COMANY KHABAROVSKIY SHIPYARD".
  for (const auto& [name, as] :
       {std::pair{"Limitied Liability Company Alfakomponent", "LLC Alfakomponent"},
        std::pair{"JOINT-STOCK COMANY KHABAROVSKIY SHIPYARD", "JSC KHABAROVSKIY SHIPYARD"}}) {
    NormalizedName n = NormalizeName(name);
    ASSERT_FALSE(n.tokens.empty()) << name;
    EXPECT_EQ(n.tokens[0].kind, TokenKind::kLegalForm) << name;
    EXPECT_EQ(n.tokens[0].key, NormalizeName(as).tokens[0].key) << name;
    EXPECT_EQ(n.tokens.size(), NormalizeName(as).tokens.size()) << name;
  }
  EXPECT_EQ(NormalizeName("Limitied Trading").tokens[0].text, "limitied");
  // The text is the name as read.
  EXPECT_EQ(NormalizeName("Joint Stock Compnay").latin, "joint stock company");
  EXPECT_EQ(NormalizeName("Limitied Trading").latin, "limitied trading");
}

// A legal form of several words in another romanisation is that legal form: the EU's
// "AKTCIONERNOE OBSHESTVO" (GOST's "tci" for ци) and OFAC's Belarusian "ADKRYTAYE AKTSYYANERNAYE
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

// Turkish companies' words are the English words' classes: OFAC lists "SHTRAL MAKINE ITHALAT
// IHRACAT SANAYI VE TICARET LIMITED" and its English "SHTRAL MACHINE IMPORT EXPORT INDUSTRY AND
// TRADE LIMITED"; only SHTRAL names the company.
TEST(NormalizeName, ReadsTurkishOrganisationWordsAsTheirEnglishOnes) {
  const NormalizedName turkish =
      NormalizeName("SHTRAL MAKINE ITHALAT IHRACAT SANAYI VE TICARET LIMITED");
  const NormalizedName english = NormalizeName("MACHINE IMPORT EXPORT");
  ASSERT_GE(turkish.tokens.size(), 4u);
  ASSERT_EQ(english.tokens.size(), 3u);
  EXPECT_EQ(turkish.tokens[0].kind, TokenKind::kName);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(turkish.tokens[i + 1].key, english.tokens[i].key) << turkish.tokens[i + 1].text;
  }
  EXPECT_EQ(NormalizeName("Uluslararası Nakliyat Hizmetleri").tokens[1].key,
            NormalizeName("Transport").tokens[0].key);
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

// ʿAbd al- as the lists spell it: one spelling, "abdul", so that "Abdel Baset" is "ABD
// AL-BASET" (OFAC's AZZOUZ), "Abdur Rahman" "Abd al-Rahman", "Abdallah" "Abdullah".
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

// nomenklatura's name bench: organisations numbered in words or digits are one.
TEST(NormalizeName, WritesNumberWordsOfOrganisationsAsDigits) {
  EXPECT_EQ(NormalizeName("Brigade Forty-Four").latin, "brigade 44");
  EXPECT_EQ(NormalizeName("Brigade Forty 4").latin, "brigade 44");
  EXPECT_EQ(NormalizeName("Three Percenters").latin, "3 percenters");
  EXPECT_EQ(NormalizeName("First International Bank").latin, "1st international bank");
  EXPECT_EQ(NormalizeName("Tom Ten", NameForm::kPerson).latin, "tom ten");  // a person's name
}

// 博 reads "bo", which is also a legal form's abbreviation; in a Chinese name it is a syllable.
// Chinese legal forms still come through the vocabulary (有限公司 → "co ltd").
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

// Spellings taken from the bundled lists (OFAC, UN, EU, UK) and CLDR names in other languages.
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

// Malaysian and Indonesian lists abbreviate Muhammad (UN: "Mohd Radi Bin Udin" / "Mohamad Rafi
// BIN UDIN", "Muh Sholeh Ibrahim" / "Mohammad Sholeh Ibrahim"): the abbreviation is the name.
TEST(NormalizeName, ReadsAnAbbreviatedMuhammadAsTheName) {
  const std::string mohamad = NormalizeName("Mohamad Rafi").tokens[0].key;
  EXPECT_EQ(NormalizeName("Mohd Radi Bin Udin").tokens[0].key, mohamad);
  EXPECT_EQ(NormalizeName("Muh Sholeh Ibrahim").tokens[0].key, mohamad);
  EXPECT_EQ(NormalizeName("Mohammad Sholeh Ibrahim").tokens[0].key, mohamad);
}

}  // namespace
}  // namespace dualwatch::text
