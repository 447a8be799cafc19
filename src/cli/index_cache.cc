// The name index of a workspace, cached beside it.
#include <fmt/format.h>

#include <iostream>

#include "cli/commands.h"

namespace dualwatch::cli {

// What an index cache was built from: every current list version, and the matching code's own
// format. A different key means a rebuild.
std::string IndexKey(const std::vector<store::ListVersion>& versions) {
  io::Sha256 hash;
  hash.Update("dualwatch-name-index-v1;");
  for (const store::ListVersion& v : versions) {
    if (v.current) hash.Update(fmt::format("{}:{}:{};", v.id, v.dataset, v.sha256));
  }
  return hash.Hex();
}

io::Result<match::NameIndex> Context::OpenIndex() const {
  auto ws = OpenWorkspace();
  if (!ws.ok()) return ws.status();
  auto versions = ws->Versions();
  if (!versions.ok()) return versions.status();
  std::string key = IndexKey(*versions);
  std::string cache = ws->path() + ".index";
  if (auto loaded = match::NameIndex::Load(cache, key); loaded.ok()) return loaded;
  auto entities = ws->CurrentEntities();
  if (!entities.ok()) return entities.status();
  match::NameIndexBuilder builder;
  for (const lists::Entity& e : *entities) builder.Add(e);
  match::NameIndex index = std::move(builder).Build();
  if (io::Status saved = index.Save(cache, key); !saved.ok()) {
    std::cerr << "dualwatch: " << saved.message() << " (continuing without a cache)\n";
  } else {
    std::cerr << "dualwatch: built the name index (" << index.name_count() << " names) into "
              << cache << "\n";
  }
  return index;
}

}  // namespace dualwatch::cli
