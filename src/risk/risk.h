// dualwatch::risk — what a shipment's route says, and how party, goods and route evidence combine
// into one explained, ranked Alert.
//
// Tables (data/risk, embedded in the binary, each row citing its source):
//   * countries.tsv: sanctioned and embargoed destinations (Russia, Belarus, Iran, North Korea,
//     Syria, Cuba) and the transshipment hubs named by the FinCEN/BIS alerts, plus Hong Kong;
//   * regions.tsv: occupied regions of Ukraine, recognised in address text;
//   * lists.tsv: what a hit on each list means (blocking, export_control, restricted).
//
// Severity (ScoreShipment), for a compliance officer:
//   critical  a party matches a blocking or export-control list with high confidence (≥ 0.90);
//   high      lethal or CHPL tier 1–2 goods to a sanctioned destination or through a hub;
//             misdeclared controlled goods on such a route; a listed party at lower confidence
//             together with controlled goods;
//   medium    other dual-use goods to a sanctioned destination or through a hub; a possible party
//             match on its own; a hit on a restricted list;
//   low       weak signals only (controlled goods on an ordinary route, a red flag on its own).
// Ordinary goods between unlisted parties raise no alert. The score in [0, 1] ranks alerts within
// a severity: the signals combine as independent evidence (1 − Π(1 − wᵢ)).
//
// Everything here is a pure function of its inputs: thread-safe, no I/O.
#ifndef DUALWATCH_RISK_RISK_H_
#define DUALWATCH_RISK_RISK_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "goods/goods.h"
#include "trade/trade.h"

namespace dualwatch::risk {

enum class ListKind : unsigned char { kRestricted, kExportControl, kBlocking };
std::string_view ListKindName(ListKind kind);  // "restricted", "export_control", "blocking"

enum class CountryRole : unsigned char { kNone, kHub, kSanctioned };

// The embedded tables, parsed once.
CountryRole RoleOf(std::string_view iso2);
std::string_view CountrySource(std::string_view iso2);  // the citation of its role, or ""
ListKind KindOfDataset(std::string_view dataset);       // unknown datasets count as blocking
std::string_view DatasetAuthority(std::string_view dataset);
// The occupied region an address names ("Crimea", "Donetsk" ...), or "".
std::string OccupiedRegionIn(std::string_view address);

// Confidence from which a party match alone is critical.
inline constexpr double kHighConfidence = 0.90;

// One listed entity a party of the shipment matched.
struct PartyHit {
  std::string role;  // exporter, importer, notify, manufacturer
  std::string name;  // the party as written in the record
  std::string entity_id, caption, dataset, matched_name;
  ListKind kind = ListKind::kBlocking;
  double score = 0;
  std::vector<std::string> programs;
};

// One fact about the route, with its reason.
struct RouteFinding {
  std::string code;    // direct_to_sanctioned, via_hub, to_hub, occupied_region,
                       // hub_consignee_sanctioned_notify, origin_dispatch_differ,
                       // forwarder_consignee
  std::string detail;  // "destination RU (15 CFR 746.8; EU Reg 833/2014)"
};

std::vector<RouteFinding> AssessRoute(const trade::Shipment& shipment);

enum class Severity : unsigned char { kNone, kLow, kMedium, kHigh, kCritical };
std::string_view SeverityName(Severity s);  // "none", "low", "medium", "high", "critical"

struct Alert {
  Severity severity = Severity::kNone;
  double score = 0;
  std::vector<std::string> reasons;  // one line each, most serious first
  std::vector<PartyHit> parties;
  std::vector<RouteFinding> route;
};

// Combines the evidence of one shipment. `goods` may be null (the line had no readable goods).
Alert ScoreShipment(const trade::Shipment& shipment, const std::vector<PartyHit>& parties,
                    const goods::Classification* goods, const std::vector<RouteFinding>& route,
                    double match_threshold);

}  // namespace dualwatch::risk

#endif  // DUALWATCH_RISK_RISK_H_
