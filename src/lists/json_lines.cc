// JSON Lines reading shared by the EU, UK, Canada, New Zealand and FtM parsers.
#include "lists/json_lines.h"

#include <fmt/format.h>

namespace dualwatch::lists::internal {

std::string KeyBefore(std::string_view json, std::size_t offset) {
  offset = std::min(offset, json.size());
  // Walk back to a `"key":` pattern.
  for (std::size_t colon = json.rfind(':', offset); colon != std::string_view::npos && colon > 0;
       colon = json.rfind(':', colon - 1)) {
    std::size_t end = colon;
    while (end > 0 && json[end - 1] == ' ') --end;
    if (end == 0 || json[end - 1] != '"') continue;
    std::size_t start = json.rfind('"', end - 2);
    if (start == std::string_view::npos || end - 1 <= start) continue;
    std::string_view key = json.substr(start + 1, end - 2 - start);
    if (key.find_first_of("\"{}[],") != std::string_view::npos) continue;
    return std::string(key);
  }
  return "";
}

Status ForEachJsonLine(const io::Input& input,
                       const std::function<Status(JsonObject, std::size_t line)>& on_object) {
  simdjson::dom::parser parser;
  std::string_view text = input.text;
  std::size_t line = 0, pos = 0;
  while (pos < text.size()) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view raw = text.substr(pos, eol - pos);
    pos = eol + 1;
    ++line;
    if (raw.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    simdjson::padded_string padded(raw);
    simdjson::dom::element doc;
    auto error = parser.parse(padded).get(doc);
    if (error) {
      // simdjson does not give an offset; report the last key that did parse, if any.
      std::string key = KeyBefore(raw, raw.size());
      return FieldError(input.name, line, key.empty() ? std::string_view("(line)") : key,
                        fmt::format("invalid JSON: {}", simdjson::error_message(error)));
    }
    JsonObject object;
    if (doc.get(object)) {
      return FieldError(input.name, line, "(line)", "expected a JSON object");
    }
    Status s = on_object(object, line);
    if (!s.ok()) return s;
  }
  return Status();
}

std::string Str(JsonObject object, std::string_view key) {
  JsonElement value;
  if (object.at_key(key).get(value)) return "";
  std::string_view sv;
  if (!value.get(sv)) return std::string(sv);
  int64_t i;
  if (!value.get(i)) return std::to_string(i);
  return "";
}

std::vector<JsonObject> Objects(JsonObject object, std::string_view key) {
  std::vector<JsonObject> out;
  simdjson::dom::array array;
  if (object.at_key(key).get(array)) {
    JsonObject single;
    if (!object.at_key(key).get(single)) out.push_back(single);
    return out;
  }
  for (JsonElement e : array) {
    JsonObject o;
    if (!e.get(o)) out.push_back(o);
  }
  return out;
}

std::vector<std::string> Strings(JsonObject object, std::string_view key) {
  std::vector<std::string> out;
  simdjson::dom::array array;
  if (object.at_key(key).get(array)) {
    std::string single = Str(object, key);
    if (!single.empty()) out.push_back(single);
    return out;
  }
  for (JsonElement e : array) {
    std::string_view sv;
    if (!e.get(sv)) out.emplace_back(sv);
  }
  return out;
}

bool Bool(JsonObject object, std::string_view key) {
  bool b = false;
  return !object.at_key(key).get(b) && b;
}

}  // namespace dualwatch::lists::internal
