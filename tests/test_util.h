// Helpers shared by the test files: where the real data is, temporary folders, and running the
// real dualwatch binary.
#ifndef DUALWATCH_TESTS_TEST_UTIL_H_
#define DUALWATCH_TESTS_TEST_UTIL_H_

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

namespace dualwatch::testing {

// A bundled list file, e.g. BundledList("ofac/sdn.csv.zst").
inline std::string BundledList(const std::string& relative) {
  return std::string(DUALWATCH_DATA_DIR) + "/lists/" + relative;
}

inline std::string TestData(const std::string& relative) {
  return std::string(DUALWATCH_TEST_DATA_DIR) + "/" + relative;
}

// A fresh folder under the system temp dir, removed with the object.
class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() /
            ("dualwatch-test-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  std::string File(const std::string& name) const { return (path_ / name).string(); }
  std::string Write(const std::string& name, const std::string& content) const {
    std::ofstream(File(name), std::ios::binary) << content;
    return File(name);
  }

 private:
  std::filesystem::path path_;
};

struct RunResult {
  int exit_code = -1;
  std::string out;  // stdout and stderr, interleaved
};

// Runs `dualwatch <args>` through the shell (args are shell words) and captures its output.
inline RunResult RunDualwatch(const std::string& args) {
  std::string command = std::string(DUALWATCH_BINARY) + " " + args + " 2>&1";
  RunResult result;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return result;
  std::array<char, 4096> buffer;
  std::size_t n;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
    result.out.append(buffer.data(), n);
  int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

}  // namespace dualwatch::testing

#endif  // DUALWATCH_TESTS_TEST_UTIL_H_
