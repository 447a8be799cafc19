// Route findings and severities, with goods classified by the real classifier and party hits on
// real listed entities (OFAC SDN 40477 Spacety; CSL 33111 SZ DJI Technology).
#include "risk/risk.h"

#include <gtest/gtest.h>

namespace dualwatch::risk {
namespace {

const goods::GoodsClassifier& Classifier() {
  static const goods::GoodsClassifier c = std::move(*goods::GoodsClassifier::Create());
  return c;
}

goods::Classification Goods(const std::string& description, const std::string& hs = "") {
  auto c = Classifier().Classify(description, hs);
  EXPECT_TRUE(c.ok()) << c.status().message();
  return *c;
}

trade::Shipment Route(std::string from, std::string to, std::vector<std::string> transit = {}) {
  trade::Shipment s;
  s.exporter = {"Exporter", from, ""};
  s.importer = {"Importer", to, ""};
  s.origin_country = from;
  s.dispatch_country = from;
  s.destination_country = to;
  s.transit_countries = std::move(transit);
  return s;
}

std::vector<std::string> Codes(const std::vector<RouteFinding>& route) {
  std::vector<std::string> out;
  for (const RouteFinding& f : route) out.push_back(f.code);
  return out;
}

PartyHit Spacety(double score) {
  PartyHit h;
  h.role = "exporter";
  h.name = "Changsha Tianyi Space Science and Technology Research Institute";
  h.entity_id = "us_ofac_sdn-40477";
  h.caption = "CHANGSHA TIANYI SPACE SCIENCE AND TECHNOLOGY RESEARCH INSTITUTE CO. LTD";
  h.dataset = "us_ofac_sdn";
  h.kind = KindOfDataset(h.dataset);
  h.score = score;
  return h;
}

TEST(RiskTables, KnowSanctionedDestinationsHubsAndListKinds) {
  EXPECT_EQ(RoleOf("RU"), CountryRole::kSanctioned);
  EXPECT_EQ(RoleOf("KP"), CountryRole::kSanctioned);
  EXPECT_EQ(RoleOf("KZ"), CountryRole::kHub);
  EXPECT_EQ(RoleOf("HK"), CountryRole::kHub);
  EXPECT_EQ(RoleOf("DE"), CountryRole::kNone);
  EXPECT_EQ(KindOfDataset("us_ofac_sdn"), ListKind::kBlocking);
  EXPECT_EQ(KindOfDataset("us_trade_csl"), ListKind::kExportControl);
  EXPECT_EQ(KindOfDataset("us_dod_chinese_milcorps"), ListKind::kRestricted);
  EXPECT_EQ(OccupiedRegionIn("г. Симферополь, Республика Крым"), "Crimea");
  EXPECT_EQ(OccupiedRegionIn("ул. Артема 1, Донецк, ДНР"), "Donetsk");
  EXPECT_EQ(OccupiedRegionIn("Lugansk, Ukraine"), "Luhansk");
  EXPECT_EQ(OccupiedRegionIn("Kerchstrasse 4, Berlin"), "");
  EXPECT_EQ(OccupiedRegionIn(""), "");
}

TEST(Route, FindsDirectHubAndTransitRoutes) {
  EXPECT_EQ(Codes(AssessRoute(Route("CN", "RU"))),
            (std::vector<std::string>{"direct_to_sanctioned"}));
  EXPECT_EQ(Codes(AssessRoute(Route("CN", "RU", {"KZ"}))),
            (std::vector<std::string>{"direct_to_sanctioned", "via_hub"}));
  EXPECT_EQ(Codes(AssessRoute(Route("DE", "AE"))), (std::vector<std::string>{"to_hub"}));
  EXPECT_TRUE(AssessRoute(Route("DE", "US")).empty());
  EXPECT_TRUE(AssessRoute(Route("CN", "US")).empty());  // out of a hub is not into one

  trade::Shipment s = Route("US", "AE");
  s.notify = {"Notify", "RU", ""};
  s.importer.name = "Gulf Freight Logistics FZE";
  s.origin_country = "TW";
  EXPECT_EQ(Codes(AssessRoute(s)),
            (std::vector<std::string>{"to_hub", "hub_consignee_sanctioned_notify",
                                      "origin_dispatch_differ", "forwarder_consignee"}));
  trade::Shipment crimea = Route("TR", "");
  crimea.importer.address = "Севастополь, ул. Ленина 5";
  EXPECT_EQ(Codes(AssessRoute(crimea)), (std::vector<std::string>{"occupied_region"}));
}

TEST(Severity, FollowsTheRulesForPartiesGoodsAndRoutes) {
  auto severity = [](const trade::Shipment& s, std::vector<PartyHit> hits,
                     const goods::Classification& g) {
    return ScoreShipment(s, hits, &g, AssessRoute(s), 0.75).severity;
  };
  goods::Classification drone = Goods("Квадрокоптер DJI Mavic 3");
  goods::Classification chips = Goods("STM32F407VGT6");          // CHPL tier 1
  goods::Classification laptops = Goods("Ноутбуки", "8471.30");  // dual-use, no tier
  goods::Classification toy_drone = Goods("quadcopter drone with camera", "9503.00");
  goods::Classification tea = Goods("Green tea, in packages", "0902.10");
  trade::Shipment to_russia = Route("CN", "RU"), to_hub = Route("DE", "KZ"),
                  ordinary = Route("DE", "US");

  EXPECT_EQ(severity(ordinary, {Spacety(0.99)}, tea), Severity::kCritical);
  EXPECT_EQ(severity(to_russia, {}, drone), Severity::kHigh);
  EXPECT_EQ(severity(to_hub, {}, chips), Severity::kHigh);
  EXPECT_EQ(severity(to_russia, {Spacety(0.8)}, laptops), Severity::kHigh);
  EXPECT_TRUE(toy_drone.misdeclared);
  EXPECT_EQ(severity(to_hub, {}, toy_drone), Severity::kHigh);
  EXPECT_EQ(severity(to_russia, {}, laptops), Severity::kMedium);
  EXPECT_EQ(severity(ordinary, {Spacety(0.8)}, tea), Severity::kMedium);
  EXPECT_EQ(severity(ordinary, {}, drone), Severity::kLow);
  EXPECT_EQ(severity(ordinary, {}, tea), Severity::kNone);
  EXPECT_EQ(severity(to_russia, {}, tea), Severity::kNone);
  EXPECT_EQ(severity(ordinary, {Spacety(0.6)}, tea), Severity::kNone);  // below the threshold
}

TEST(Severity, ScoresRankMoreEvidenceHigherAndExplainEachReason) {
  trade::Shipment s = Route("CN", "RU");
  goods::Classification drone = Goods("DJI Mavic 3");
  Alert weak = ScoreShipment(s, {}, &drone, AssessRoute(s), 0.75);
  Alert strong = ScoreShipment(s, {Spacety(0.8)}, &drone, AssessRoute(s), 0.75);
  EXPECT_GT(strong.score, weak.score);
  EXPECT_LE(strong.score, 1.0);
  ASSERT_EQ(strong.reasons.size(), 2u);
  EXPECT_EQ(strong.reasons[0],
            "exporter 'Changsha Tianyi Space Science and Technology Research Institute' matches "
            "blocking 'CHANGSHA TIANYI SPACE SCIENCE AND TECHNOLOGY RESEARCH INSTITUTE CO. LTD' "
            "(us_ofac_sdn, us_ofac_sdn-40477) at 0.80, with controlled goods");
  EXPECT_EQ(strong.reasons[1], "lethal goods (uav) to a sanctioned destination");
}

}  // namespace
}  // namespace dualwatch::risk
