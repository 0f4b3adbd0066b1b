#include "busy/sway_fullscreen_busy.hpp"

#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <cstdlib>
#include <cstring>
#include <nlohmann/json.hpp>

namespace sitstretch::busy {
namespace {

// i3's IPC, which sway speaks: "i3-ipc", then the payload's length and the message type, both
// 32-bit in native byte order, then the JSON payload.
constexpr char kMagic[] = "i3-ipc";
constexpr std::size_t kMagicSize = 6;
constexpr std::uint32_t kSubscribe = 2;
constexpr std::uint32_t kGetTree = 4;
constexpr std::uint32_t kWorkspaceEvent = 0x80000000u;
constexpr std::uint32_t kWindowEvent = 0x80000003u;
constexpr std::uint32_t kMaxPayload = 64u << 20;

// Whether the focused window, or a container it is in, is fullscreen. Workspaces carry a
// fullscreen_mode of their own that says nothing of their windows, so only containers count.
bool focused_is_fullscreen(const nlohmann::json& node, bool inside_fullscreen, bool* found) {
  if (!node.is_object()) return false;  // json::value() would throw
  const std::string type = node.value("type", "");
  const bool container = type == "con" || type == "floating_con";
  const bool fullscreen = inside_fullscreen || (container && node.value("fullscreen_mode", 0) > 0);
  if (node.value("focused", false)) {
    *found = true;
    return container && fullscreen;
  }
  for (const char* children : {"nodes", "floating_nodes"}) {
    auto it = node.find(children);
    if (it == node.end() || !it->is_array()) continue;
    for (const auto& child : *it) {
      const bool result = focused_is_fullscreen(child, fullscreen, found);
      if (*found) return result;
    }
  }
  return false;
}

// The window events after which the window in front may have changed; "title", "mark" and
// "urgent" cannot change it.
bool may_change_front(const std::string& change) {
  return change != "title" && change != "mark" && change != "urgent";
}

}  // namespace

std::string default_sway_socket() {
  const char* socket = std::getenv("SWAYSOCK");
  return socket != nullptr ? socket : "";
}

std::unique_ptr<SwayFullscreenBusy> SwayFullscreenBusy::open(const BusyContext& context,
                                                             const std::string& socket,
                                                             std::string* error) {
  std::unique_ptr<SwayFullscreenBusy> self(new SwayFullscreenBusy(context, socket));
  boost::system::error_code ec;
  self->socket_.connect(boost::asio::local::stream_protocol::endpoint(socket), ec);
  if (ec) {
    if (error) *error = "cannot connect to sway's IPC socket " + socket + ": " + ec.message();
    return nullptr;
  }
  self->send(kSubscribe, R"(["window", "workspace"])");
  self->ask_tree();
  self->read_header();
  return self;
}

SwayFullscreenBusy::SwayFullscreenBusy(const BusyContext& context, std::string socket)
    : sink_(context.sink), log_(context.log), path_(std::move(socket)), socket_(context.io) {}

SwayFullscreenBusy::~SwayFullscreenBusy() = default;

std::string SwayFullscreenBusy::describe() const {
  if (lost_) return "fullscreen: none (lost sway's IPC socket " + path_ + ")";
  return "fullscreen: sway IPC " + path_ +
         ", the focused window's fullscreen_mode, on window and workspace events";
}

// Requests are a few bytes: written at once, as sway reads them at once.
void SwayFullscreenBusy::send(std::uint32_t type, const std::string& payload) {
  std::string message(kMagic, kMagicSize);
  const auto length = static_cast<std::uint32_t>(payload.size());
  message.append(reinterpret_cast<const char*>(&length), 4);
  message.append(reinterpret_cast<const char*>(&type), 4);
  message += payload;
  boost::system::error_code ec;
  boost::asio::write(socket_, boost::asio::buffer(message), ec);
  if (ec) lose("writing: " + ec.message());
}

void SwayFullscreenBusy::ask_tree() {
  if (tree_asked_) {
    tree_stale_ = true;
    return;
  }
  tree_asked_ = true;
  send(kGetTree, "");
}

void SwayFullscreenBusy::read_header() {
  if (lost_) return;
  boost::asio::async_read(
      socket_, boost::asio::buffer(header_),
      [this, alive = std::weak_ptr<char>(alive_)](boost::system::error_code ec, std::size_t) {
        if (alive.expired()) return;
        if (ec) return lose("reading: " + ec.message());
        std::uint32_t length = 0;
        std::uint32_t type = 0;
        std::memcpy(&length, header_.data() + kMagicSize, 4);
        std::memcpy(&type, header_.data() + kMagicSize + 4, 4);
        if (std::memcmp(header_.data(), kMagic, kMagicSize) != 0 || length > kMaxPayload) {
          return lose("a message that is not i3 IPC");
        }
        read_payload(type, length);
      });
}

void SwayFullscreenBusy::read_payload(std::uint32_t type, std::uint32_t length) {
  payload_.resize(length);
  boost::asio::async_read(
      socket_, boost::asio::buffer(payload_),
      [this, type, alive = std::weak_ptr<char>(alive_)](boost::system::error_code ec, std::size_t) {
        if (alive.expired()) return;
        if (ec) return lose("reading: " + ec.message());
        try {
          on_message(type, std::string(payload_.begin(), payload_.end()));
        } catch (const nlohmann::json::exception& e) {  // a field of another type than sway's
          return lose(std::string("an unexpected message: ") + e.what());
        }
        read_header();
      });
}

void SwayFullscreenBusy::on_message(std::uint32_t type, const std::string& payload) {
  const auto json = nlohmann::json::parse(payload, nullptr, false);
  if (json.is_discarded() || !json.is_object()) return lose("a message that is not a JSON object");
  if (type == kSubscribe && !json.value("success", false)) return lose("subscribing refused");
  if (type == kWindowEvent && may_change_front(json.value("change", ""))) ask_tree();
  if (type == kWorkspaceEvent) ask_tree();
  if (type != kGetTree) return;
  tree_asked_ = false;
  if (tree_stale_) {
    tree_stale_ = false;
    return ask_tree();
  }
  bool found = false;
  const bool fullscreen = focused_is_fullscreen(json, false, &found);
  if (fullscreen == fullscreen_) return;
  fullscreen_ = fullscreen;
  sink_(core::BusyReason::fullscreen, fullscreen);
}

// Logs once; the reason ends, as nothing can say it holds any more.
void SwayFullscreenBusy::lose(const std::string& why) {
  if (lost_) return;
  lost_ = true;
  log_("lost sway's IPC socket " + path_ + " (" + why + "); fullscreen windows go unseen");
  boost::system::error_code ignored;
  socket_.close(ignored);
  if (fullscreen_) {
    fullscreen_ = false;
    sink_(core::BusyReason::fullscreen, false);
  }
}

}  // namespace sitstretch::busy
