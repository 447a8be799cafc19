// The real bundled lists parse whole: counts match what the files hold, and known entities come
// out with every field.
#include "lists/lists.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "tests/test_util.h"

namespace dualwatch::lists {
namespace {

using dualwatch::testing::BundledList;

// Each bundled file is parsed once per test run.
const ParsedList& Parsed(const std::string& relative) {
  static std::map<std::string, ParsedList> cache;
  auto it = cache.find(relative);
  if (it == cache.end()) {
    auto parsed = ParseListFile(BundledList(relative));
    EXPECT_TRUE(parsed.ok()) << parsed.status().message();
    it = cache.emplace(relative, parsed.ok() ? std::move(*parsed) : ParsedList{}).first;
  }
  return it->second;
}

const Entity& Find(const ParsedList& list, const std::string& id) {
  static const Entity kMissing;
  auto it = std::find_if(list.entities.begin(), list.entities.end(),
                         [&](const Entity& e) { return e.id == id; });
  EXPECT_NE(it, list.entities.end()) << id;
  return it == list.entities.end() ? kMissing : *it;
}

std::size_t CountSchema(const ParsedList& list, Schema schema) {
  return std::count_if(list.entities.begin(), list.entities.end(),
                       [&](const Entity& e) { return e.schema == schema; });
}

bool HasName(const Entity& e, const std::string& value, NameKind kind) {
  return std::any_of(e.names.begin(), e.names.end(),
                     [&](const Name& n) { return n.value == value && n.kind == kind; });
}

bool HasIdentifier(const Entity& e, const std::string& type, const std::string& value) {
  return std::any_of(e.identifiers.begin(), e.identifiers.end(),
                     [&](const Identifier& i) { return i.type == type && i.value == value; });
}

bool HasLink(const Entity& e, const std::string& relation, const std::string& target) {
  return std::any_of(e.links.begin(), e.links.end(), [&](const Link& l) {
    return l.relation == relation && l.target_id == target;
  });
}

// Lines that are not blank, counted straight from the decompressed file.
std::size_t NonBlankLines(const std::string& relative) {
  auto input = io::ReadInput(BundledList(relative));
  EXPECT_TRUE(input.ok());
  std::size_t n = 0, pos = 0;
  const std::string& t = input->text;
  while (pos < t.size()) {
    std::size_t eol = std::min(t.find('\n', pos), t.size());
    if (t.find_first_not_of(" \r\t", pos) < eol) ++n;
    pos = eol + 1;
  }
  return n;
}

std::size_t Occurrences(const std::string& relative, const std::string& needle) {
  auto input = io::ReadInput(BundledList(relative));
  std::size_t n = 0;
  for (std::size_t p = input->text.find(needle); p != std::string::npos;
       p = input->text.find(needle, p + 1)) {
    ++n;
  }
  return n;
}

void ExpectReconciled(const ParsedList& list) {
  const ParseCounts& c = list.counts;
  EXPECT_EQ(c.records + c.extra, c.entities + c.skipped + c.merged) << list.dataset;
  EXPECT_EQ(c.entities, list.entities.size()) << list.dataset;
  std::size_t by_reason = 0;
  for (const auto& [reason, n] : c.skipped_by_reason) by_reason += n;
  EXPECT_EQ(by_reason, c.skipped) << list.dataset;
  EXPECT_TRUE(std::is_sorted(list.entities.begin(), list.entities.end(),
                             [](const Entity& a, const Entity& b) { return a.id < b.id; }));
  EXPECT_TRUE(std::adjacent_find(list.entities.begin(), list.entities.end(),
                                 [](const Entity& a, const Entity& b) { return a.id == b.id; }) ==
              list.entities.end());
}

TEST(OfacCsv, ReadsEverySdnRecordWithSchemaCountsFromProvenance) {
  const ParsedList& sdn = Parsed("ofac/sdn.csv.zst");
  EXPECT_EQ(sdn.dataset, "us_ofac_sdn");
  EXPECT_EQ(sdn.counts.records, NonBlankLines("ofac/sdn.csv.zst"));
  EXPECT_EQ(sdn.entities.size(), 14965u);
  EXPECT_EQ(CountSchema(sdn, Schema::kPerson), 6854u);
  EXPECT_EQ(CountSchema(sdn, Schema::kVessel), 851u);
  EXPECT_EQ(CountSchema(sdn, Schema::kAircraft), 376u);
  std::size_t eo14024 =
      std::count_if(sdn.entities.begin(), sdn.entities.end(), [](const Entity& e) {
        return std::find(e.programs.begin(), e.programs.end(), "RUSSIA-EO14024") !=
               e.programs.end();
      });
  EXPECT_EQ(eo14024, 4439u);
  // add.csv and alt.csv are a later publication: their rows for newer entities are reported.
  EXPECT_EQ(sdn.counts.unattached.at("add.csv"), 2474u);
  EXPECT_EQ(sdn.counts.unattached.at("alt.csv"), 1468u);
  ExpectReconciled(sdn);
}

TEST(OfacCsv, SpacetyComesOutWhole) {
  const Entity& e = Find(Parsed("ofac/sdn.csv.zst"), "us_ofac_sdn-40477");
  EXPECT_EQ(e.caption(), "CHANGSHA TIANYI SPACE SCIENCE AND TECHNOLOGY RESEARCH INSTITUTE CO. LTD");
  EXPECT_EQ(e.schema, Schema::kLegalEntity);
  EXPECT_TRUE(HasName(e, "SPACETY CO. LTD", NameKind::kAlias));
  EXPECT_TRUE(HasName(e, "CHANG SHA TIAN YI KONG JIAN KE JI YAN JIU YUAN YOU XIAN GONG SI",
                      NameKind::kAlias));
  EXPECT_EQ(e.programs, std::vector<std::string>{"RUSSIA-EO14024"});
  EXPECT_TRUE(HasIdentifier(e, "registrationNumber", "430193000093452"));
  EXPECT_TRUE(HasIdentifier(e, "uscc", "914301003206989977"));
  EXPECT_EQ(e.countries, std::vector<std::string>{"CN"});
  ASSERT_EQ(e.addresses.size(), 2u);
  EXPECT_EQ(e.addresses[0].full,
            "Room 445, 9th Floor, Block B, No. 18 Zhongguancun Street, Beijing, Haidian District, "
            "China");
  // 40477 is linked to Terra Tech (40476); Spacety Luxembourg (40478) is linked to it.
  EXPECT_TRUE(HasLink(e, "linked_to", "us_ofac_sdn-40476"));
  EXPECT_TRUE(HasLink(e, "linked_from", "us_ofac_sdn-40478"));
  EXPECT_TRUE(HasLink(Find(Parsed("ofac/sdn.csv.zst"), "us_ofac_sdn-40478"), "linked_to",
                      "us_ofac_sdn-40477"));
}

TEST(OfacCsv, ParsesRemarksIntoStructure) {
  const ParsedList& sdn = Parsed("ofac/sdn.csv.zst");
  // 40476: "Organization Established Date 25 Dec 2017; ... Tax ID No. 7722429553 (Russia)".
  const Entity& terra = Find(sdn, "us_ofac_sdn-40476");
  EXPECT_EQ(terra.extra.at("incorporationDate"), "2017-12-25");
  EXPECT_TRUE(HasIdentifier(terra, "innCode", "7722429553"));
  // Persons: DOB, POB, nationality, gender from the remarks of real entries.
  std::size_t with_dob = 0, with_gender = 0, with_nationality = 0, with_secondary = 0;
  for (const Entity& e : sdn.entities) {
    with_dob += !e.birth_dates.empty();
    with_gender += !e.gender.empty();
    with_nationality += !e.nationalities.empty();
    with_secondary += !e.topics.empty();
  }
  EXPECT_GT(with_dob, 6000u);
  EXPECT_GT(with_gender, 4000u);
  EXPECT_GT(with_nationality, 3000u);
  EXPECT_GT(with_secondary, 2000u);
  // Overflow remarks from sdn_comments.csv are joined, even mid-word: 27307's remarks stop at
  // "a.k.a. 'WHOIS HACKIN" and the comments file goes on "G TEAM'; ... a.k.a. 'APPLEWORM'."
  const Entity& lazarus = Find(sdn, "us_ofac_sdn-27307");
  EXPECT_TRUE(HasName(lazarus, "WHOIS HACKING TEAM", NameKind::kAlias));
  EXPECT_TRUE(HasName(lazarus, "APPLEWORM", NameKind::kAlias));
  EXPECT_TRUE(HasIdentifier(Find(sdn, "us_ofac_sdn-17018"), "innCode", "7707083893"));
}

TEST(OfacCsv, ReadsConsolidatedNonSdnSet) {
  const ParsedList& cons = Parsed("ofac/cons_prim.csv.zst");
  EXPECT_EQ(cons.dataset, "us_ofac_cons");
  EXPECT_EQ(cons.entities.size(), 442u);
  const Entity& e = Find(cons, "us_ofac_cons-9639");
  EXPECT_EQ(e.caption(), "HANIYA, Ismail Abdul Salah");
  EXPECT_EQ(e.birth_dates, std::vector<std::string>{"1962"});
  EXPECT_EQ(e.birth_places, std::vector<std::string>{"Shati"});
  ExpectReconciled(cons);
}

TEST(UsLists, CslSkipsTheRepeatedHeaderAndCountsEveryRow) {
  const ParsedList& csl = Parsed("us_csl/csl_extract.csv.zst");
  EXPECT_EQ(csl.dataset, "us_trade_csl");
  EXPECT_EQ(csl.counts.records, 4227u);  // 4,226 data rows + the repeated header line
  EXPECT_EQ(csl.counts.skipped_by_reason.at("repeated header line"), 1u);
  const Entity& telecom = Find(csl, "us_trade_csl-30882");
  EXPECT_EQ(telecom.caption(), "China Telecom Corporation Limited");
  EXPECT_TRUE(HasIdentifier(telecom, "uscc", "9111000071093019X7"));
  EXPECT_TRUE(HasName(telecom, "CHINA TELECOM CO., LTD", NameKind::kAlias));
  EXPECT_EQ(telecom.countries, std::vector<std::string>{"CN"});
  ExpectReconciled(csl);
}

TEST(UsLists, BisAndDodAndFccFilesReconcile) {
  EXPECT_EQ(Parsed("us_csl/bis_dpl.txt.zst").counts.records, 581u);
  EXPECT_EQ(Parsed("us_csl/bis_mieu.csv.zst").counts.records, 13u);
  EXPECT_EQ(Parsed("us_csl/dod_1260h_chinese_military_companies.csv.zst").counts.records, 397u);
  const ParsedList& fcc = Parsed("us_csl/fcc_covered_list.csv.zst");
  EXPECT_EQ(fcc.counts.records, 16u);
  for (const char* f :
       {"us_csl/bis_dpl.txt.zst", "us_csl/bis_mieu.csv.zst",
        "us_csl/dod_1260h_chinese_military_companies.csv.zst", "us_csl/fcc_covered_list.csv.zst"}) {
    ExpectReconciled(Parsed(f));
  }
  std::vector<std::string> fcc_names;
  for (const Entity& e : fcc.entities) fcc_names.push_back(e.caption());
  for (const char* company : {"Huawei Technologies Company", "ZTE Corporation", "AO Kaspersky Lab",
                              "Pacific Networks Corp", "ComNet (USA) LLC"}) {
    EXPECT_NE(std::find(fcc_names.begin(), fcc_names.end(), company), fcc_names.end()) << company;
  }
  const ParsedList& mieu = Parsed("us_csl/bis_mieu.csv.zst");
  EXPECT_TRUE(std::any_of(mieu.entities.begin(), mieu.entities.end(), [](const Entity& e) {
    return HasName(e, "GRU", NameKind::kAlias) && e.countries == std::vector<std::string>{"RU"};
  }));
}

TEST(EuLists, FsfHasEveryRecordWithSchemaCountsFromProvenance) {
  const ParsedList& fsf = Parsed("eu/eu_fsf_consolidated_ammitto.jsonl.zst");
  EXPECT_EQ(fsf.counts.records, NonBlankLines("eu/eu_fsf_consolidated_ammitto.jsonl.zst"));
  EXPECT_EQ(CountSchema(fsf, Schema::kPerson), 4341u);
  EXPECT_EQ(CountSchema(fsf, Schema::kLegalEntity), 1519u);
  EXPECT_EQ(CountSchema(fsf, Schema::kVessel), 597u);
  const Entity& e = Find(fsf, "eu_fsf-EU.10393.70");
  EXPECT_EQ(e.caption(), "AO “FTI-OPTRONIK”");  // the English name, not the Czech one listed first
  EXPECT_TRUE(HasName(e, "ООО ФТИ-ОПТРОНИК", NameKind::kOriginalScript));
  EXPECT_TRUE(HasIdentifier(e, "innCode", "7802830545"));
  EXPECT_EQ(e.countries, std::vector<std::string>{"RU"});
  ExpectReconciled(fsf);
}

TEST(EuLists, Annex4SpacetyHasChineseNameAndUscc) {
  const ParsedList& annexes = Parsed("eu/eu_oj_reg_833_2014_consolidated.csv.zst");
  EXPECT_EQ(annexes.dataset, "eu_oj_833_2014");
  EXPECT_EQ(annexes.counts.records, 1746u);
  std::size_t annex4 =
      std::count_if(annexes.entities.begin(), annexes.entities.end(),
                    [](const Entity& e) { return e.source_id.rfind("IV-", 0) == 0; });
  EXPECT_EQ(annex4, 921u);
  const Entity& e = Find(annexes, "eu_oj_833_2014-IV-653");
  EXPECT_TRUE(HasName(e, "长沙天仪空间科技研究院有限公司", NameKind::kOriginalScript));
  EXPECT_TRUE(HasName(e, "Spacety Co., Ltd.", NameKind::kAlias));
  EXPECT_TRUE(HasIdentifier(e, "uscc", "914301003206989977"));
  EXPECT_EQ(e.countries, std::vector<std::string>{"CN"});
  EXPECT_EQ(e.listing_date, "2024-06-25");
  ExpectReconciled(annexes);
  const ParsedList& annex1 = Parsed("eu/eu_oj_reg_269_2014_consolidated.csv.zst");
  EXPECT_EQ(annex1.counts.records, 2802u);
  EXPECT_EQ(CountSchema(annex1, Schema::kPerson), 1984u);
  ExpectReconciled(annex1);
}

// The journal's notes around a name it prints as an image ("Chinese:; Text of image; 周大创"),
// and the "’’" left where a quote was split, are no names: "Text of image" had been a name of
// 32 people, met by any query of those words.
TEST(EuLists, JournalNotesAreNoNames) {
  const ParsedList& annex1 = Parsed("eu/eu_oj_reg_269_2014_consolidated.csv.zst");
  const Entity& zhou = Find(annex1, "eu_oj_269_2014-I.PERSONS-1909");
  EXPECT_TRUE(HasName(zhou, "周大创", NameKind::kOriginalScript));
  EXPECT_TRUE(HasName(zhou, "Jason Zhou", NameKind::kAlias));
  const Entity& aerosila = Find(annex1, "eu_oj_269_2014-I.ENTITIES-483");
  EXPECT_TRUE(HasName(aerosila, "НПП Аэросила", NameKind::kOriginalScript));
  for (const Entity& e : annex1.entities) {
    for (const Name& n : e.names) {
      EXPECT_NE(n.value, "Text of image") << e.id;
      EXPECT_NE(n.value.back(), ':') << e.id << " " << n.value;
      EXPECT_NE(n.value, "\u2019\u2019") << e.id;
    }
  }
}

TEST(UkList, KeepsCyrillicNames) {
  const ParsedList& uk = Parsed("uk/uk_sanctions_list_ammitto.jsonl.zst");
  EXPECT_EQ(uk.counts.records, NonBlankLines("uk/uk_sanctions_list_ammitto.jsonl.zst"));
  EXPECT_EQ(CountSchema(uk, Schema::kPerson), 4036u);
  EXPECT_EQ(CountSchema(uk, Schema::kLegalEntity), 1647u);
  EXPECT_EQ(CountSchema(uk, Schema::kVessel), 666u);
  const Entity& e = Find(uk, "gb_fcdo_sanctions-RUS0003");
  EXPECT_EQ(e.caption(), "Aleksandr Igorevich Kofman");
  EXPECT_TRUE(HasName(e, "Александр Игоревич КОФМАН", NameKind::kOriginalScript));
  EXPECT_EQ(e.names[5].script, "Cyrl");
  EXPECT_EQ(e.listing_date, "2020-12-31");
  ExpectReconciled(uk);
}

TEST(UnXml, ReadsIndividualsWithBirthDateAndNationality) {
  const ParsedList& un = Parsed("un/UN_consolidated.xml.zst");
  EXPECT_EQ(CountSchema(un, Schema::kPerson),
            Occurrences("un/UN_consolidated.xml.zst", "<INDIVIDUAL>"));
  EXPECT_EQ(CountSchema(un, Schema::kOrganization),
            Occurrences("un/UN_consolidated.xml.zst", "<ENTITY>"));
  EXPECT_EQ(un.published, "2026-02-27");
  const Entity& e = Find(un, "un_sc_sanctions-CDi.001");
  EXPECT_EQ(e.caption(), "ERIC BADEGE");
  EXPECT_EQ(e.birth_dates, std::vector<std::string>{"1971"});
  EXPECT_EQ(e.nationalities, std::vector<std::string>{"CD"});
  EXPECT_EQ(e.gender, "male");
  ExpectReconciled(un);
}

TEST(Ftm, KeepsReferentsAndSkipsNonParties) {
  const ParsedList& ftm = Parsed("opensanctions/yente_fixture_zala_entities.ftm.json.zst");
  EXPECT_EQ(ftm.counts.records, 91u);
  EXPECT_EQ(ftm.counts.skipped_by_reason.at("schema Sanction is not a party"), 41u);
  const Entity& e = Find(ftm, "opensanctions-NK-2Tbri3s6GgNtAwsSXh4qpL");
  EXPECT_EQ(e.caption(), "Maria Aleksandrovna Osetrova");
  EXPECT_NE(std::find(e.referents.begin(), e.referents.end(), "ofac-46001"), e.referents.end());
  EXPECT_TRUE(HasIdentifier(e, "innCode", "183116181362"));
  EXPECT_EQ(e.birth_dates, std::vector<std::string>{"1988-01-07"});
  ExpectReconciled(ftm);
}

TEST(OtherLists, CanadaAndNewZealandReconcile) {
  const ParsedList& ca = Parsed("other_lists/ca_sema_autonomous_sanctions_ammitto.jsonl.zst");
  EXPECT_EQ(ca.counts.records, 5379u);
  ExpectReconciled(ca);
  const ParsedList& nz = Parsed("other_lists/nz_russia_sanctions_register_ammitto.jsonl.zst");
  EXPECT_EQ(nz.counts.records, 2058u);
  const Entity& putin = Find(nz, "nz_russia_sanctions-IND-1");
  EXPECT_EQ(putin.caption(), "Vladimir Vladimirovich Putin");
  EXPECT_EQ(putin.birth_dates, std::vector<std::string>{"1952-10-07"});
  ExpectReconciled(nz);
}

TEST(FtmJson, ShapesEntityLikeOpenSanctions) {
  nlohmann::json j = ToFtmJson(Find(Parsed("ofac/sdn.csv.zst"), "us_ofac_sdn-40477"));
  EXPECT_EQ(j["id"], "us_ofac_sdn-40477");
  EXPECT_EQ(j["schema"], "LegalEntity");
  EXPECT_EQ(j["caption"],
            "CHANGSHA TIANYI SPACE SCIENCE AND TECHNOLOGY RESEARCH INSTITUTE CO. LTD");
  EXPECT_EQ(j["datasets"], nlohmann::json::array({"us_ofac_sdn"}));
  EXPECT_EQ(j["properties"]["country"], nlohmann::json::array({"CN"}));
  EXPECT_EQ(j["properties"]["program"], nlohmann::json::array({"RUSSIA-EO14024"}));
  EXPECT_EQ(j["properties"]["alias"].size(), 2u);
}

TEST(StoredJson, RoundTripsEveryEntityOfAList) {
  for (const Entity& e : Parsed("eu/eu_oj_reg_833_2014_consolidated.csv.zst").entities) {
    auto back = EntityFromStoredJson(EntityToStoredJson(e));
    ASSERT_TRUE(back.ok());
    ASSERT_EQ(*back, e) << e.id;
  }
}

TEST(Diff, OfacHistoryToCurrentReconciles) {
  auto old_list = ParseListFile(BundledList("ofac/history_2021-07/sdn.csv.zst"));
  ASSERT_TRUE(old_list.ok()) << old_list.status().message();
  const ParsedList& new_list = Parsed("ofac/sdn.csv.zst");
  EXPECT_EQ(old_list->entities.size(), 8976u);
  ListDiff diff = DiffEntities(old_list->entities, new_list.entities);
  EXPECT_EQ(diff.added.size() + diff.unchanged + diff.changed.size(), new_list.entities.size());
  EXPECT_EQ(diff.removed.size() + diff.unchanged + diff.changed.size(), old_list->entities.size());
  EXPECT_GT(diff.added.size(), 5000u);  // the Russia designations since 2022
  EXPECT_NE(std::find(diff.added.begin(), diff.added.end(), "us_ofac_sdn-40477"), diff.added.end());
}

TEST(Detect, RecognisesEveryBundledFormat) {
  const std::map<std::string, Format> expected = {
      {"ofac/sdn.csv.zst", Format::kOfacCsv},
      {"us_csl/csl_extract.csv.zst", Format::kUsCsl},
      {"us_csl/bis_dpl.txt.zst", Format::kBisDpl},
      {"us_csl/bis_mieu.csv.zst", Format::kBisMieu},
      {"us_csl/dod_1260h_chinese_military_companies.csv.zst", Format::kDod1260h},
      {"us_csl/fcc_covered_list.csv.zst", Format::kFccCovered},
      {"eu/eu_fsf_consolidated_ammitto.jsonl.zst", Format::kEuFsfJsonl},
      {"eu/eu_oj_reg_269_2014_consolidated.csv.zst", Format::kEuJournalCsv},
      {"uk/uk_sanctions_list_ammitto.jsonl.zst", Format::kUkJsonl},
      {"un/UN_consolidated.xml.zst", Format::kUnXml},
      {"opensanctions/yente_fixture_zala_entities.ftm.json.zst", Format::kFtmJson},
      {"other_lists/ca_sema_autonomous_sanctions_ammitto.jsonl.zst", Format::kCaSemaJsonl},
      {"other_lists/nz_russia_sanctions_register_ammitto.jsonl.zst", Format::kNzRussiaJsonl},
  };
  for (const auto& [file, format] : expected) {
    auto input = io::ReadInput(BundledList(file));
    ASSERT_TRUE(input.ok());
    auto detected = DetectFormat(file, input->text);
    ASSERT_TRUE(detected.ok()) << detected.status().message();
    EXPECT_EQ(*detected, format) << file;
  }
}

}  // namespace
}  // namespace dualwatch::lists
