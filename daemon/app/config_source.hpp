#pragma once

#include <boost/asio/io_context.hpp>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <variant>

#include "app/config_watch.hpp"
#include "config/config.hpp"

namespace sitstretch::app {

// The daemon's configuration files: which they are (--config, or the XDG lookup), a watch on
// them, and the error of the latest load. Parse, then swap: load() parses the files into a new
// value, and the caller swaps it in only on success. Loop thread only.
class ConfigSource {
 public:
  ConfigSource(std::optional<std::filesystem::path> file, config::Environment env);

  // Calls on_change once per save of one of the files (see ConfigWatch).
  void watch(boost::asio::io_context& io, std::function<void()> on_change);
  void stop_watching() { watch_.reset(); }

  struct Failed {
    std::string error;       // path:line:col: what is wrong; what is allowed
    bool new_error = false;  // not the error of the load before, so worth saying
  };
  std::variant<config::Loaded, Failed> load();  // the configuration and its warnings

  // The error of the latest load; "" when it succeeded (or before the first).
  const std::string& error() const { return error_; }

 private:
  std::optional<std::filesystem::path> file_;
  config::Environment env_;
  std::unique_ptr<ConfigWatch> watch_;
  std::string error_;
};

}  // namespace sitstretch::app
