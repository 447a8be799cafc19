// Route findings and the combination of party, goods and route evidence into an Alert.
#include <fmt/format.h>

#include <algorithm>

#include "risk/risk.h"
#include "text/text.h"

namespace dualwatch::risk {
namespace {

std::string Describe(std::string_view code) {
  std::string_view source = CountrySource(code);
  return source.empty() ? std::string(code) : fmt::format("{} ({})", code, source);
}

bool Sanctioned(std::string_view code) { return RoleOf(code) == CountryRole::kSanctioned; }
bool Hub(std::string_view code) { return RoleOf(code) == CountryRole::kHub; }

// Words of a freight forwarder or logistics firm as final consignee (FIN-2022-A003 red flag:
// "transactions involving ... freight forwarders ... as the ultimate consignee").
bool ForwarderName(std::string_view name) {
  std::string folded = text::FoldCase(name);
  for (std::string_view w : {"logistic", "forwarding", "freight", "cargo", "shipping", "логистик",
                             "экспедир", "карго", "物流", "货运", "货代"}) {
    if (folded.find(w) != std::string::npos) return true;
  }
  return false;
}

bool Has(const std::vector<RouteFinding>& route, std::string_view code) {
  return std::any_of(route.begin(), route.end(),
                     [&](const RouteFinding& f) { return f.code == code; });
}

}  // namespace

std::string_view SeverityName(Severity s) {
  switch (s) {
    case Severity::kNone:
      return "none";
    case Severity::kLow:
      return "low";
    case Severity::kMedium:
      return "medium";
    case Severity::kHigh:
      return "high";
    case Severity::kCritical:
      return "critical";
  }
  return "";
}

std::vector<RouteFinding> AssessRoute(const trade::Shipment& s) {
  std::vector<RouteFinding> out;
  // Where the goods end up: the destination, else the consignee's country.
  const std::string& dest =
      !s.destination_country.empty() ? s.destination_country : s.importer.country;
  bool to_sanctioned = false;
  for (const std::string* c : {&s.destination_country, &s.importer.country}) {
    if (!c->empty() && Sanctioned(*c)) {
      out.push_back({"direct_to_sanctioned",
                     fmt::format("{} {}", c == &s.destination_country ? "destination" : "consignee",
                                 Describe(*c))});
      to_sanctioned = true;
      break;
    }
  }
  for (const trade::Party* p : {&s.importer, &s.notify}) {
    if (std::string region = OccupiedRegionIn(p->address); !region.empty()) {
      out.push_back(
          {"occupied_region",
           fmt::format("{} address in occupied {} (EO 13685 / EO 14065; EU Reg 692/2014, "
                       "2022/263): '{}'",
                       p == &s.importer ? "consignee" : "notify party", region, p->address)});
      to_sanctioned = true;
    }
  }
  // Through a hub: a hub in transit, or dispatched from a hub, on the way to a sanctioned place.
  if (to_sanctioned) {
    for (const std::string& t : s.transit_countries) {
      if (Hub(t)) {
        out.push_back({"via_hub", fmt::format("in transit through hub {}", Describe(t))});
        break;
      }
    }
    if (!s.dispatch_country.empty() && Hub(s.dispatch_country) &&
        s.dispatch_country != s.origin_country && !s.origin_country.empty()) {
      out.push_back({"via_hub", fmt::format("made in {}, dispatched from hub {}", s.origin_country,
                                            Describe(s.dispatch_country))});
    }
  } else {
    // Into a hub: destination, consignee or a transit country is a diversion point.
    std::string hub;
    for (const std::string* c : {&dest, &s.importer.country}) {
      if (!c->empty() && Hub(*c)) hub = *c;
    }
    for (const std::string& t : s.transit_countries) {
      if (hub.empty() && Hub(t)) hub = t;
    }
    if (!hub.empty()) out.push_back({"to_hub", fmt::format("to diversion hub {}", Describe(hub))});
  }
  // A consignee in a hub while the notify party sits in a sanctioned country.
  if (!s.importer.country.empty() && Hub(s.importer.country) && !s.notify.country.empty() &&
      Sanctioned(s.notify.country)) {
    out.push_back({"hub_consignee_sanctioned_notify",
                   fmt::format("consignee in hub {}, notify party in {}", s.importer.country,
                               Describe(s.notify.country))});
  }
  if (!s.origin_country.empty() && !s.dispatch_country.empty() &&
      s.origin_country != s.dispatch_country) {
    out.push_back({"origin_dispatch_differ", fmt::format("made in {}, dispatched from {}",
                                                         s.origin_country, s.dispatch_country)});
  }
  if (!s.importer.name.empty() && ForwarderName(s.importer.name) &&
      (Has(out, "to_hub") || to_sanctioned)) {
    out.push_back({"forwarder_consignee",
                   fmt::format("consignee '{}' is a freight forwarder or logistics firm "
                               "(FIN-2022-A003 red flag)",
                               s.importer.name)});
  }
  return out;
}

Alert ScoreShipment(const trade::Shipment& shipment, const std::vector<PartyHit>& parties,
                    const goods::Classification* goods, const std::vector<RouteFinding>& route,
                    double match_threshold) {
  Alert alert;
  alert.route = route;
  alert.parties = parties;
  std::sort(alert.parties.begin(), alert.parties.end(), [](const PartyHit& a, const PartyHit& b) {
    if (a.kind != b.kind) return a.kind > b.kind;
    return a.score > b.score;
  });
  double keep = 1;  // Π(1 − wᵢ)
  auto evidence = [&](double w) { keep *= 1 - std::clamp(w, 0.0, 0.99); };
  Severity severity = Severity::kNone;
  auto raise = [&](Severity s) { severity = std::max(severity, s); };

  bool risky_route = Has(route, "direct_to_sanctioned") || Has(route, "occupied_region") ||
                     Has(route, "via_hub") || Has(route, "to_hub");
  bool sanctioned_route = Has(route, "direct_to_sanctioned") || Has(route, "occupied_region");
  bool controlled = goods && goods->goods_class != goods::GoodsClass::kNone;
  bool lethal = goods && goods->goods_class == goods::GoodsClass::kLethal;
  bool top_tier = goods && (goods->chpl_tier == "1" || goods->chpl_tier == "2");

  std::vector<std::pair<Severity, std::string>> reasons;
  for (const PartyHit& p : alert.parties) {
    if (p.score < match_threshold) continue;
    std::string what =
        fmt::format("{} '{}' matches {} '{}' ({}, {}) at {:.2f}", p.role, p.name,
                    ListKindName(p.kind), p.caption, p.dataset, p.entity_id, p.score);
    if (p.kind == ListKind::kRestricted) {
      evidence(0.5 * p.score);
      raise(Severity::kMedium);
      reasons.emplace_back(Severity::kMedium, what);
    } else if (p.score >= kHighConfidence) {
      evidence(p.score);
      raise(Severity::kCritical);
      reasons.emplace_back(Severity::kCritical, what);
    } else if (controlled) {
      evidence(0.8 * p.score);
      raise(Severity::kHigh);
      reasons.emplace_back(Severity::kHigh, what + ", with controlled goods");
    } else {
      evidence(0.6 * p.score);
      raise(Severity::kMedium);
      reasons.emplace_back(Severity::kMedium, "possible match: " + what);
    }
  }
  if (controlled) {
    std::string goods_what = fmt::format(
        "{} goods ({}{})", goods::ClassName(goods->goods_class), goods->category,
        goods->chpl_tier.empty() ? "" : fmt::format(", CHPL tier {}", goods->chpl_tier));
    std::string where = sanctioned_route ? "to a sanctioned destination" : "through a hub";
    if (risky_route && (lethal || top_tier)) {
      evidence((lethal ? 0.7 : 0.6) + (sanctioned_route ? 0.1 : 0));
      raise(Severity::kHigh);
      reasons.emplace_back(Severity::kHigh, fmt::format("{} {}", goods_what, where));
    } else if (risky_route) {
      evidence(0.4 + (sanctioned_route ? 0.1 : 0));
      raise(Severity::kMedium);
      reasons.emplace_back(Severity::kMedium, fmt::format("{} {}", goods_what, where));
    } else {
      evidence(lethal ? 0.2 : 0.1);
      raise(Severity::kLow);
      reasons.emplace_back(Severity::kLow, goods_what + " on an ordinary route");
    }
    if (goods->misdeclared) {
      std::string what = fmt::format(
          "misdeclared: the description names {} goods, declared HS {} "
          "says {}",
          goods::ClassName(goods->description_class), goods->hs, goods::ClassName(goods->hs_class));
      if (risky_route) {
        evidence(0.5);
        raise(Severity::kHigh);
        reasons.emplace_back(Severity::kHigh, what + ", on a risky route");
      } else {
        evidence(0.2);
        raise(Severity::kLow);
        reasons.emplace_back(Severity::kLow, what);
      }
    }
  }
  // Red flags count as weak signals on their own, and add to stronger ones.
  for (const RouteFinding& f : route) {
    bool red_flag = f.code == "hub_consignee_sanctioned_notify" ||
                    f.code == "forwarder_consignee" || f.code == "occupied_region";
    if (!red_flag) continue;
    evidence(0.15);
    if (severity >= Severity::kLow || f.code != "forwarder_consignee") raise(Severity::kLow);
    reasons.emplace_back(Severity::kLow, f.detail);
  }
  if (severity == Severity::kNone) return alert;
  std::stable_sort(reasons.begin(), reasons.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (auto& [s, r] : reasons) alert.reasons.push_back(std::move(r));
  alert.severity = severity;
  alert.score = std::round((1 - keep) * 10000) / 10000;
  return alert;
}

}  // namespace dualwatch::risk
