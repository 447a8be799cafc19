// People's names on the lists against the longer names other records give them, with the
// bundled lists' weights.
#include <gtest/gtest.h>

#include "match/index_data.h"
#include "match/test_index.h"
#include "text/text.h"

namespace dualwatch::match {
namespace {

// A listed person's name of three words or more, every word of it in the query: the query's
// other words are names the list leaves out — titles, a tribe, a second given name
// (kCoveredQueryCost). The pairs are one person's names on one list each (the EU's
// EU.10533.80, OFAC's cons-9687, the UK's AFG0087); before, the extra words cost in full and
// each pair stayed under 0.75.
TEST(PeoplesNames, AListedNameWhollyInTheQueryMatchesDespiteItsOtherWords) {
  EXPECT_GE(PersonScore("Mawlawi Sheikh Abdul Hakim Haqqani Ishaqzai", "Abdul Hakim HAQQANI"),
            kDefaultThreshold);
  EXPECT_GE(PersonScore("Ahmad Jan Akhundzada Shukoor Akhundzada", "Ahmad Jan AKHUNDZADA"),
            kDefaultThreshold);
  // Below a score with no word more, and far from identical.
  EXPECT_LT(PersonScore("Mawlawi Sheikh Abdul Hakim Haqqani Ishaqzai", "Abdul Hakim HAQQANI"),
            PersonScore("Abdul Hakim Haqqani", "Abdul Hakim HAQQANI"));
  // Not for a company's name, whose other words say which company.
  EXPECT_LT(CompanyScore("Mawlawi Sheikh Abdul Hakim Haqqani Ishaqzai", "Abdul Hakim HAQQANI"),
            kDefaultThreshold);
}

// A generation after the first word carries nothing: OFAC's "ROTENBERG JUNIOR, Boris" and the
// UK's "Boris ROTENBERG JUNIOR" are OFAC's "ROTENBERG, Boris Borisovich" (SDN 35314); "MEZA,
// JR., Arturo" is the CSL's "MEZA CAZARES, Arturo" (asked without a schema too).
TEST(PeoplesNames, AGenerationAfterTheNameCarriesNothing) {
  EXPECT_GE(PersonScore("ROTENBERG JUNIOR, Boris", "ROTENBERG, Boris Borisovich"),
            kDefaultThreshold);
  EXPECT_GE(PersonScore("Boris ROTENBERG JUNIOR", "ROTENBERG, Boris Borisovich"),
            kDefaultThreshold);
  EXPECT_GE(ScoreNamePair("MEZA, JR., Arturo", "MEZA CAZARES, Arturo", &Index()),
            kDefaultThreshold);
  // Not identical to the name without it.
  EXPECT_LT(PersonScore("ROTENBERG JUNIOR, Boris", "ROTENBERG, Boris"), 1.0);
}

// A Polish surname in -owicz is a surname, not a Russian patronymic (whose weight is
// kPatronymicShare of a name's): OFAC's "GELOWICZ, Fritz Martin" (SDN 11320) had met yente's
// synthetic "Eric Martin" at 0.77, its surname weighing less than "Martin". The patronymics of
// Czech, Slovak and Croatian transliterations keep their rule ("Vladimirovič", key
// "vladimirovich").
TEST(PeoplesNames, APolishSurnameInOwiczIsNoPatronymic) {
  EXPECT_FALSE(IsPatronymic(text::RomanizationKey("gelowicz")));
  EXPECT_TRUE(IsPatronymic(text::RomanizationKey("vladimirovic")));
  EXPECT_TRUE(IsPatronymic(text::RomanizationKey("vladimirovich")));
  EXPECT_LT(PersonScore("Eric Martin", "GELOWICZ, Fritz Martin"), kDefaultThreshold);
  EXPECT_GE(PersonScore("Fritz Gelowicz", "GELOWICZ, Fritz Martin"), kDefaultThreshold);
}

// Belarus's and Ukraine's given names are the Russian ones (data/text/given_names.tsv): OFAC
// lists SDN 32717 as "AZEMSHA, Sergei Yakovlevich" and "AZEMSHA, Siarhei Yakaulevich", SDN 33401
// as "MARSHALAU, Ihar Anatolievich" and "MARSHALOV, Igor Anatolievich", SDN 23275 as "KUSYUK,
// Serhiy" and "KUSIUK, Sergey" (0.69, 0.67 and 0.66 before).
TEST(PeoplesNames, ABelarusianOrUkrainianGivenNameIsTheRussianOne) {
  EXPECT_GE(PersonScore("AZEMSHA, Sergei Yakovlevich", "AZEMSHA, Siarhei Yakaulevich"),
            kDefaultThreshold);
  EXPECT_GE(PersonScore("MARSHALAU, Ihar Anatolievich", "MARSHALOV, Igor Anatolievich"),
            kDefaultThreshold);
  EXPECT_GE(PersonScore("KUSYUK, Serhiy", "KUSIUK, Sergey"), kDefaultThreshold);
  // And the Western forms the lists give some Russian names: the UK's "Evgeny Markovich
  // SHVIDLER" is its "Eugene Markovich SHVIDLER" (RUS1100, 0.70); Ukraine's Yevhen is both.
  EXPECT_GE(PersonScore("Evgeny Markovich SHVIDLER", "Eugene Markovich SHVIDLER"),
            kDefaultThreshold);
  EXPECT_GE(PersonScore("Yevhen Markovich SHVIDLER", "Eugene Markovich SHVIDLER"),
            kDefaultThreshold);
  // Below the name as listed, and another given name is not it.
  EXPECT_LT(PersonScore("KUSYUK, Serhiy", "KUSIUK, Sergey"),
            PersonScore("KUSIUK, Sergey", "KUSIUK, Sergey"));
  EXPECT_LT(PersonScore("KUSYUK, Ihar", "KUSIUK, Sergey"), kDefaultThreshold);
  // The Belarusian spelling keeps its own key: the EU's Swedish "Siarhej" still meets it.
  EXPECT_TRUE(Finds("Siarhej AZEMSHA", "us_ofac_sdn-32717"));
}

}  // namespace
}  // namespace dualwatch::match
