#pragma once

#include <array>
#include <boost/asio/local/stream_protocol.hpp>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "busy/busy_source.hpp"

namespace sitstretch::busy {

// The `fullscreen` reason on sway: busy while the focused window is fullscreen. Sway's IPC
// ($SWAYSOCK) stands in for wlroots' zwlr_foreign_toplevel_manager_v1 here, whose protocol XML
// Debian 12 does not package. It subscribes to window and workspace events and asks for the tree
// again only on those that can change what is in front (focus, fullscreen, close, a workspace
// switch), never on a timer; a title change wakes it but asks nothing. A lost sway is logged
// once and ends busy.
class SwayFullscreenBusy final : public BusySource {
 public:
  // nullptr with *error set when the socket does not answer.
  static std::unique_ptr<SwayFullscreenBusy> open(const BusyContext& context,
                                                  const std::string& socket, std::string* error);
  ~SwayFullscreenBusy() override;

  core::BusyReason reason() const override { return core::BusyReason::fullscreen; }
  std::string describe() const override;

 private:
  SwayFullscreenBusy(const BusyContext& context, std::string socket);
  void send(std::uint32_t type, const std::string& payload);
  void read_header();
  void read_payload(std::uint32_t type, std::uint32_t length);
  // Throws nlohmann::json::exception on a message of another shape than sway's.
  void on_message(std::uint32_t type, const std::string& payload);
  void ask_tree();
  void lose(const std::string& why);

  BusySink sink_;
  session::LogSink log_;
  std::string path_;
  boost::asio::local::stream_protocol::socket socket_;
  std::array<char, 14> header_{};
  std::vector<char> payload_;
  bool tree_asked_ = false;  // a GET_TREE is on its way: ask again when it comes
  bool tree_stale_ = false;
  bool fullscreen_ = false;
  bool lost_ = false;
  std::shared_ptr<char> alive_ = std::make_shared<char>();
};

}  // namespace sitstretch::busy
