#include "app/config_source.hpp"

namespace sitstretch::app {

ConfigSource::ConfigSource(std::optional<std::filesystem::path> file, config::Environment env)
    : file_(std::move(file)), env_(std::move(env)) {}

void ConfigSource::watch(boost::asio::io_context& io, std::function<void()> on_change) {
  std::vector<std::filesystem::path> files =
      file_ ? std::vector<std::filesystem::path>{*file_} : config::config_paths(env_);
  watch_ = std::make_unique<ConfigWatch>(io, std::move(files), std::move(on_change));
}

std::variant<config::Loaded, ConfigSource::Failed> ConfigSource::load() {
  config::LoadResult loaded = config::load_with_warnings(file_, env_);
  if (auto* error = std::get_if<config::ConfigError>(&loaded)) {
    std::string text = error->to_string();
    const bool new_error = text != error_;
    error_ = text;
    return Failed{std::move(text), new_error};
  }
  error_.clear();
  return std::move(std::get<config::Loaded>(loaded));
}

}  // namespace sitstretch::app
