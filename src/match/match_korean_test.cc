// Korean names: in Hangul, read syllable by syllable, against the romanisations lists write
// (McCune-Reischauer, the DPRK's own, the Revised Romanization), with the bundled lists' weights.
#include <gtest/gtest.h>

#include "match/test_index.h"
#include "text/text.h"

namespace dualwatch::match {
namespace {

// A Korean person's name in Hangul is read a syllable a word, as lists write it ("KIM Kyong
// Nam"); an organisation's name in Hangul is longer, and its words stay whole.
TEST(KoreanNames, HangulPersonsNamesAreReadSyllableBySyllable) {
  EXPECT_EQ(text::ToLatin("김경남"), "gim gyeong nam");
  EXPECT_EQ(text::ToLatin("영철 김"), "yeong cheol gim");
  // ICU's mark between syllables that would read two ways ("jin-u") is no word's end either.
  EXPECT_EQ(text::ToLatin("최진우"), "choe jin u");
  EXPECT_TRUE(text::IsKoreanPersonsName("송림"));
  EXPECT_FALSE(text::IsKoreanPersonsName("합장강무역 회사"));
  EXPECT_EQ(text::ToLatin("합장강무역 회사"), "habjanggangmuyeog hoesa");
}

// The EU's original-script names of North Koreans against their romanised names on the lists
// (eu_fsf EU.11622.12 김경남 / KIM Kyong Nam, EU.4077.54 박정천 / Jong-chon PAK, EU.4078.19
// 리용주 / RI Yong Ju, EU.11618.37 송림 / SONG Rim): each syllable meets its other spellings
// (gim / kim, gyeong / kyong, bag / pak, li / ri), in either direction. Before, a Hangul name
// was one word and met none of them.
TEST(KoreanNames, HangulNamesMeetTheirRomanisations) {
  EXPECT_GE(PersonScore("김경남", "KIM Kyong Nam"), 0.9);
  EXPECT_GE(PersonScore("박정천", "Jong-chon PAK"), 0.75);
  EXPECT_GE(PersonScore("리용주", "RI Yong Ju"), 0.75);
  EXPECT_GE(PersonScore("송림", "SONG Rim"), 0.75);
  EXPECT_GE(PersonScore("KIM Kyong Nam", "김경남"), 0.9);
  EXPECT_GE(PersonScore("Jong-chon PAK", "박정천"), 0.75);
  // Found through the index: OFAC lists KIM Kyong Nam (us_ofac_sdn-18554) in Latin letters
  // only.
  Query q;
  q.name = "김경남";
  double ofac = 0;
  for (const SearchResult& r : Index().Search(q)) {
    if (Index().entity(r.entity).id == "us_ofac_sdn-18554") ofac = r.score;
  }
  EXPECT_GE(ofac, 0.9);
}

// yente's synthetic Korean people against North Koreans on OFAC's list: a syllable a letter
// away is another syllable (종 jong is not Yong), and the given name's syllables keep their
// order (은정 Eun-jeong is not Jong Un), though the surname may stand first or last.
TEST(KoreanNames, OtherSyllablesOrTheirOtherOrderAreAnotherName) {
  EXPECT_LT(PersonScore("종수 김", "KIM, Yong Su"), 0.75);
  EXPECT_LT(PersonScore("은정 김", "KIM, Jong Un"), 0.75);
  EXPECT_GE(PersonScore("영수 김", "KIM, Yong Su"), 0.9);
  EXPECT_GE(PersonScore("영철 김", "KIM Young-Chol"), 0.75);
}

// yente's synthetic people against the EU's original-script names of PARK Young Han (박영한)
// and KIM Young-Chol (김영철): Hangul is romanised letter for letter, so between Hangul names
// a letter's difference is another syllable; a Korean name is written whole, surname first,
// and spaced in either order; a syllable romanised to one letter (이 "i") is no initial.
TEST(KoreanNames, HangulNamesMeetBySyllablesNotEdits) {
  EXPECT_LT(PersonScore("영자 박", "박영한"), 0.75);
  EXPECT_LT(PersonScore("병철 김", "김영철"), 0.75);
  EXPECT_GE(PersonScore("영철 김", "김영철"), 0.95);
  EXPECT_GE(PersonScore("김영철", "김영철"), 1.0);
  EXPECT_LT(PersonScore("수빈 이", "Igor Nikolajevitj SJUBIN"), 0.75);
  // A Latin initial stays one (SJUBIN is the Swedish spelling of Шубин, Shubin).
  EXPECT_GE(PersonScore("Shubin I", "Igor Nikolajevitj SJUBIN"), 0.75);
}

// The UN's, OFAC's and the UK's DPRK listings spell one name in several romanisations (UN KPi.038
// CHO CHUN RYONG as "Jo Chun Ryong", OFAC JANG, Bom Su as "JANG, Pom Su"): between names whose
// every word is a Korean syllable, the syllable's spellings meet at 0.9; elsewhere "Jo" and
// "Cho" stay apart.
TEST(KoreanNames, SyllablesMeetAcrossRomanisations) {
  EXPECT_GE(PersonScore("Jo Chun Ryong", "CHO CHUN RYONG"), 0.9);
  EXPECT_GE(PersonScore("JANG, Pom Su", "JANG, Bom Su"), 0.9);
  EXPECT_GE(PersonScore("Kim Chung Chong", "KIM JUNG JONG"), 0.85);
  EXPECT_GE(PersonScore("Jong Hyok An", "Jong Hyuk An"), 0.85);
  EXPECT_LT(PersonScore("Jo Smith", "Cho Smith"), 0.9);  // not a Korean name: no syllable rule
  EXPECT_EQ(text::KoreanSyllableKey("cheong"), text::KoreanSyllableKey("jong"));
  EXPECT_EQ(text::KoreanSyllableKey("smith"), "");
}

}  // namespace
}  // namespace dualwatch::match
