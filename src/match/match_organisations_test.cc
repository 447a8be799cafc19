// Organisations' names on the lists against the other ways records write them, with the bundled
// lists' weights.
#include <gtest/gtest.h>

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
  // Still not identical, and another company's name stays under it.
  EXPECT_LT(as_listed, 1.0);
  EXPECT_LE(CompanyScore("PARS PETROCHEMICAL CO.", "PARS OIL CO."), as_listed);
}

}  // namespace
}  // namespace dualwatch::match
