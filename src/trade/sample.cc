// The sample generator: realistic shipment records from real parties and goods.
#include <fmt/format.h>

#include <array>
#include <random>

#include "trade/trade.h"

namespace dualwatch::trade {
namespace {

// Portable draws (std's distributions differ between standard libraries).
class Draw {
 public:
  explicit Draw(std::uint64_t seed) : rng_(seed) {}
  std::uint64_t Next() { return rng_(); }
  std::size_t Below(std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(rng_() % n); }
  double Unit() { return static_cast<double>(rng_() >> 11) * 0x1.0p-53; }
  bool Chance(double p) { return Unit() < p; }

 private:
  std::mt19937_64 rng_;
};

template <typename C>
const auto& PickFrom(Draw& d, const C& c) {
  return c[d.Below(c.size())];
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

bool StartsWith(const std::string& s, std::string_view p) {
  return s.size() >= p.size() && s.compare(0, p.size(), p) == 0;
}
bool EndsWith(const std::string& s, std::string_view p) {
  return s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0;
}

// The legal form as trade data rewrites it.
std::string RewriteLegalForm(const std::string& name, std::uint64_t r) {
  std::string up = Upper(name);
  struct Form {
    std::string_view prefix, suffix;
    std::array<std::string_view, 3> variants;  // "{}" is the rest of the name
  };
  static const std::array<Form, 6> kForms = {{
      {"LIMITED LIABILITY COMPANY ", "", {"{} LLC", "OOO {}", "{}, OOO"}},
      {"LLC ", "", {"{} LLC", "OOO {}", "LIMITED LIABILITY COMPANY {}"}},
      {"JOINT STOCK COMPANY ", "", {"JSC {}", "AO {}", "{} JSC"}},
      {"JSC ", "", {"AO {}", "JOINT STOCK COMPANY {}", "{} JSC"}},
      {"", " CO., LTD.", {"{} CO LTD", "{} COMPANY LIMITED", "{} CO., LIMITED"}},
      {"", " LIMITED", {"{} LTD", "{} LTD.", "{} CO LTD"}},
  }};
  for (const Form& f : kForms) {
    if (!f.prefix.empty() && StartsWith(up, f.prefix)) {
      return fmt::format(fmt::runtime(f.variants[r % 3]), name.substr(f.prefix.size()));
    }
    if (!f.suffix.empty() && EndsWith(up, f.suffix)) {
      return fmt::format(fmt::runtime(f.variants[r % 3]),
                         name.substr(0, name.size() - f.suffix.size()));
    }
  }
  return name;
}

std::string DropPunctuation(std::string_view name) {
  std::string out;
  for (std::size_t i = 0; i < name.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(name[i]);
    if (c == '.' || c == ',' || c == '"' || c == '\'') continue;
    // Typographic quotes « » “ ” ‘ ’ (two or three UTF-8 bytes).
    if (c == 0xC2 && i + 1 < name.size() && (name[i + 1] == '\xAB' || name[i + 1] == '\xBB')) {
      ++i;
      continue;
    }
    if (c == 0xE2 && i + 2 < name.size() && name[i + 1] == '\x80' &&
        (name[i + 2] >= '\x98' && name[i + 2] <= '\x9D')) {
      i += 2;
      continue;
    }
    out.push_back(static_cast<char>(c));
  }
  return out;
}

// Two neighbouring letters swapped in the longest ASCII word of 7 letters or more.
std::string SwapLetters(const std::string& name, std::uint64_t r) {
  std::size_t best = 0, best_len = 0;
  for (std::size_t i = 0; i < name.size();) {
    std::size_t j = i;
    while (j < name.size() && std::isalpha(static_cast<unsigned char>(name[j]))) ++j;
    if (j - i > best_len) best = i, best_len = j - i;
    i = j + 1;
  }
  if (best_len < 7) return name;
  std::string out = name;
  std::size_t at = best + 1 + r % (best_len - 2);
  std::swap(out[at], out[at + 1]);
  return out;
}

constexpr std::array<std::string_view, 21> kOrdinaryCountries = {
    "US", "DE", "FR", "GB", "JP", "KR", "IT", "NL", "CA", "ES", "PL",
    "SE", "CH", "AU", "BE", "AT", "DK", "FI", "NO", "IE", "NZ"};
constexpr std::array<std::string_view, 11> kToRussiaFrom = {"CN", "CN", "CN", "HK", "HK", "TR",
                                                            "AE", "KZ", "KG", "AM", "IN"};
constexpr std::array<std::string_view, 8> kHubs = {"HK", "AE", "TR", "KZ", "AM", "KG", "GE", "UZ"};
constexpr std::array<std::string_view, 3> kTransit = {"KZ", "KG", "AM"};

// How countries are written: mostly ISO-2, sometimes a name in English or Russian.
std::string WriteCountry(std::string_view code, Draw& d) {
  static const std::array<std::pair<std::string_view, std::array<std::string_view, 2>>, 8> kNames =
      {{{"RU", {"Russia", "Россия"}},
        {"CN", {"China", "Китай"}},
        {"HK", {"Hong Kong", "Гонконг"}},
        {"KZ", {"Kazakhstan", "Казахстан"}},
        {"TR", {"Turkey", "Турция"}},
        {"AE", {"United Arab Emirates", "ОАЭ"}},
        {"DE", {"Germany", "Германия"}},
        {"US", {"United States", "США"}}}};
  if (d.Chance(0.85)) return std::string(code);
  for (const auto& [c, names] : kNames) {
    if (c == code) return std::string(names[d.Below(2)]);
  }
  return std::string(code);
}

}  // namespace

std::string VaryName(std::string_view name_view, std::uint64_t r) {
  std::string name(name_view);
  switch (r % 6) {
    case 0:
      return name;
    case 1:
      return Upper(name);
    case 2:
      return RewriteLegalForm(name, r / 6);
    case 3:
      return DropPunctuation(name);
    case 4:
      return SwapLetters(name, r / 6);
    default:
      return DropPunctuation(RewriteLegalForm(name, r / 6));
  }
}

Status WriteSample(const SampleSources& src, const SampleOptions& o, std::FILE* out) {
  if (src.unlisted.empty() || src.goods.empty()) {
    return Status::Error("sample: no unlisted companies or goods to draw from");
  }
  std::vector<const SampleGoods*> controlled, ordinary;
  for (const SampleGoods& g : src.goods) {
    (g.goods_class == "none" ? ordinary : controlled).push_back(&g);
  }
  if (controlled.empty() || ordinary.empty()) {
    return Status::Error("sample: goods need both controlled and ordinary lines");
  }
  Draw d(o.seed);
  fmt::print(out,
             "record_id,date,exporter_name,exporter_country,importer_name,importer_country,"
             "notify_name,notify_country,origin_country,dispatch_country,destination_country,"
             "transit_countries,hs_code,description,quantity,unit,weight_kg,value,currency,"
             "truth\n");
  for (std::size_t row = 0; row < o.rows; ++row) {
    std::string exporter_country, importer_country, origin, dispatch, destination, transit;
    std::string notify, notify_country;
    bool risky = d.Chance(o.risky_share);
    if (risky) {
      if (d.Chance(0.7)) {  // to Russia (or Belarus), often through Central Asia
        exporter_country = std::string(PickFrom(d, kToRussiaFrom));
        destination = d.Chance(0.9) ? "RU" : "BY";
        importer_country = destination;
        if (d.Chance(0.2)) transit = std::string(PickFrom(d, kTransit));
      } else {  // into a diversion hub
        exporter_country = std::string(PickFrom(d, kOrdinaryCountries));
        destination = std::string(PickFrom(d, kHubs));
        importer_country = destination;
        if (d.Chance(0.15)) {
          notify_country = "RU";
        }
      }
    } else {
      exporter_country = d.Chance(0.3) ? "CN" : std::string(PickFrom(d, kOrdinaryCountries));
      do {
        destination = std::string(PickFrom(d, kOrdinaryCountries));
      } while (destination == exporter_country);
      importer_country = destination;
    }
    origin = d.Chance(0.85) ? exporter_country : std::string(PickFrom(d, kOrdinaryCountries));
    dispatch = exporter_country;

    // Unlisted companies trade from and to any country (a subsidiary, a branch).
    auto unlisted = [&] { return PickFrom(d, src.unlisted).names[0]; };
    std::string exporter = unlisted();
    std::string importer = unlisted();
    if (!notify_country.empty()) notify = unlisted();
    std::string truth;
    if (!src.listed.empty() && d.Chance(o.listed_share)) {
      const SampleParty& p = PickFrom(d, src.listed);
      const std::string& base = p.names.size() > 1 && d.Chance(0.3)
                                    ? p.names[1 + d.Below(p.names.size() - 1)]
                                    : p.names[0];
      std::string written = VaryName(base, d.Next());
      // Russian and Belarusian entities buy; others sell.
      if (p.country == "RU" || p.country == "BY") {
        importer = written, importer_country = p.country, destination = p.country;
      } else {
        exporter = written, exporter_country = p.country, dispatch = p.country;
      }
      truth = "flag:listed_party " + p.entity_id;
    }
    bool controlled_goods = d.Chance(risky ? 0.4 : 0.12);
    const SampleGoods& g = controlled_goods ? *PickFrom(d, controlled) : *PickFrom(d, ordinary);
    bool risky_now = risky || destination == "RU" || destination == "BY";
    if (truth.empty() && controlled_goods && risky_now) {
      truth = fmt::format("flag:{}_goods_{}", g.goods_class,
                          destination == "RU" || destination == "BY" ? "to_sanctioned" : "to_hub");
    }
    if (truth.empty()) truth = "clear";
    int year = 2022 + static_cast<int>(d.Below(4));
    int month = 1 + static_cast<int>(d.Below(12));
    int day = 1 + static_cast<int>(d.Below(28));
    double quantity = 1 + static_cast<double>(d.Below(500));
    double weight = std::round(quantity * (0.1 + d.Unit() * 20) * 10) / 10;
    double value = std::round(quantity * (5 + d.Unit() * 900) * 100) / 100;
    fmt::print(
        out,
        "DW-{:07},{:04}-{:02}-{:02},{},{},{},{},{},{},{},{},{},{},{},{},{},pcs,{},{:.2f},USD,{}\n",
        row + 1, year, month, day, CsvQuote(exporter), WriteCountry(exporter_country, d),
        CsvQuote(importer), WriteCountry(importer_country, d), CsvQuote(notify), notify_country,
        origin, dispatch, destination, transit, g.hs, CsvQuote(g.description), quantity, weight,
        value, CsvQuote(truth));
  }
  if (std::ferror(out)) return Status::Error("sample: write failed");
  return Status();
}

}  // namespace dualwatch::trade
