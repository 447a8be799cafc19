// Private to lists/: reading JSON Lines files with simdjson, one DOM element per line.
#ifndef DUALWATCH_LISTS_JSON_LINES_H_
#define DUALWATCH_LISTS_JSON_LINES_H_

#include <simdjson.h>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "lists/parsers.h"

namespace dualwatch::lists::internal {

using JsonObject = simdjson::dom::object;
using JsonElement = simdjson::dom::element;

// Calls `on_object` for every non-blank line, with its 1-based line number. A line that is not
// a JSON object fails with "name:line: field: what" (the field is the last key before the
// error, when there is one). `on_object` returns a Status to stop with an error.
Status ForEachJsonLine(const io::Input& input,
                       const std::function<Status(JsonObject, std::size_t line)>& on_object);

// Accessors that treat a missing key, null or a wrong type as empty.
std::string Str(JsonObject object, std::string_view key);
std::vector<JsonObject> Objects(JsonObject object, std::string_view key);
std::vector<std::string> Strings(JsonObject object, std::string_view key);
bool Bool(JsonObject object, std::string_view key);

// The key nearest before `offset` in a JSON text ("" when none): used to name the field in
// messages about bytes that could not be parsed.
std::string KeyBefore(std::string_view json, std::size_t offset);

}  // namespace dualwatch::lists::internal

#endif  // DUALWATCH_LISTS_JSON_LINES_H_
